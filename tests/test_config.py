"""CleanerConfig: defaults, from_dict/from_file/pyproject, clear errors for bad values."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaner import CleanerConfig, ConfigError


def test_defaults_are_documented_values() -> None:
    cfg = CleanerConfig()
    assert cfg.extraction.include_comments is False
    assert cfg.language.enabled is True
    assert cfg.stages[0] == "extract"
    assert hash(cfg) == hash(CleanerConfig())  # usable as a cache key


def test_from_dict_nested_sections() -> None:
    cfg = CleanerConfig.from_dict(
        {"quality": {"min_words": 80, "mean_word_length": [2, 12]},
         "extraction": {"favor": "precision"}}
    )
    assert cfg.quality.min_words == 80
    assert cfg.quality.mean_word_length == (2.0, 12.0)
    assert cfg.extraction.favor == "precision"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        pytest.param({"qualty": {}}, "unknown config name 'qualty'", id="typo-in-section"),
        pytest.param({"quality": {"min_wrds": 3}}, "unknown config name 'quality.min_wrds'",
                     id="typo-in-key"),
        pytest.param({"quality": {"min_words": "80"}},
                     "'quality.min_words' must be an integer, not '80'", id="wrong-type"),
        pytest.param({"quality": {"min_words": True}},
                     "'quality.min_words' must be an integer, not True", id="bool-is-not-int"),
        pytest.param({"extraction": {"favor": "speed"}},
                     "'extraction.favor' must be one of 'balanced', 'precision', 'recall', "
                     "not 'speed'", id="bad-choice"),
        pytest.param({"quality": {"mean_word_length": [1]}},
                     "'quality.mean_word_length' must have 2 items", id="tuple-arity"),
        pytest.param({"quality": 3}, "config section 'quality' must be a table/object",
                     id="section-not-table"),
    ],
)
def test_from_dict_errors_name_the_setting(data: dict, message: str) -> None:
    with pytest.raises(ConfigError) as info:
        CleanerConfig.from_dict(data)
    assert str(info.value).startswith(message)


def test_from_file_toml_json_and_pyproject(tmp_path: Path) -> None:
    toml = tmp_path / "c.toml"
    toml.write_text("[quality]\nmin_words = 7\n", encoding="utf-8")
    assert CleanerConfig.from_file(toml).quality.min_words == 7
    js = tmp_path / "c.json"
    js.write_text(json.dumps({"quality": {"min_words": 9}}), encoding="utf-8")
    assert CleanerConfig.from_file(js).quality.min_words == 9
    proj = tmp_path / "proj"
    (proj / "sub").mkdir(parents=True)
    (proj / "pyproject.toml").write_text(
        "[project]\nname='x'\n\n[tool.cleaner.quality]\nmin_words = 11\n", encoding="utf-8"
    )
    found = CleanerConfig.from_pyproject(proj / "sub")
    assert found is not None and found.quality.min_words == 11


def test_from_file_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read config file"):
        CleanerConfig.from_file(tmp_path / "missing.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("[quality\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="cannot parse config file"):
        CleanerConfig.from_file(bad)


def test_round_trip_to_dict() -> None:
    cfg = CleanerConfig.from_dict({"quality": {"min_words": 5}})
    assert CleanerConfig.from_dict(cfg.to_dict()) == cfg


def test_readme_configuration_example_is_valid_and_shows_the_defaults(tmp_path: Path) -> None:
    """The README's [tool.cleaner] example parses, and every value it shows is the default
    (so the README cannot drift from config.py unnoticed)."""
    import re

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text("utf-8")
    blocks = [b for b in re.findall(r"```toml\n(.*?)```", readme, re.S) if "[tool.cleaner]\n" in b]
    assert len(blocks) == 1
    example = tmp_path / "pyproject.toml"
    example.write_text(blocks[0], encoding="utf-8")
    assert CleanerConfig.from_file(example) == CleanerConfig()
    shown = [line for line in blocks[0].splitlines() if re.match(r"\w+ = ", line)]
    assert len(shown) >= 25

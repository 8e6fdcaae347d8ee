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


# -- validation at construction: ranges and cross-field rules ----------------------------

BAD_VALUES = [
    pytest.param({"boilerplate": {"min_score": 7}},
                 "boilerplate.min_score (7.0) must be between 0.0 and 1.0",
                 id="a score is a probability"),
    pytest.param({"quality": {"review_below": 0.1, "reject_below": 0.9}},
                 "quality.review_below (0.1) must be >= quality.reject_below (0.9)",
                 id="review threshold under the reject threshold: nothing could be reviewed"),
    pytest.param({"quality": {"review_below": -0.5, "reject_below": -1.0}},
                 "quality.review_below (-0.5) must be between 0.0 and 1.0",
                 id="negative score threshold"),
    pytest.param({"quality": {"mean_word_length": [10, 3]}},
                 "quality.mean_word_length ((10.0, 3.0)) must have low <= high",
                 id="range upside down"),
    pytest.param({"quality": {"reject_failing_signals": 0}},
                 "quality.reject_failing_signals (0) must be >= 1",
                 id="zero failing signals would reject everything"),
    pytest.param({"extraction": {"max_text_chars": 0}},
                 "extraction.max_text_chars (0) must be >= 1", id="a limit must be positive"),
    pytest.param({"extraction": {"max_input_bytes": -5}},
                 "extraction.max_input_bytes (-5) must be >= 1", id="negative byte limit"),
    pytest.param({"extraction": {"max_tree_size": 0}},
                 "extraction.max_tree_size (0) must be >= 1", id="optional limit, when set"),
    pytest.param({"language": {"min_prob": 1.5}},
                 "language.min_prob (1.5) must be between 0.0 and 1.0", id="probability > 1"),
    pytest.param({"language": {"sample_chars": 0}},
                 "language.sample_chars (0) must be >= 1", id="empty language sample"),
    pytest.param({"boilerplate": {"headline_words": [0, 24]}},
                 "boilerplate.headline_words[0] (0) must be >= 1", id="headline of zero words"),
    pytest.param({"boilerplate": {"headline_words": [30, 5]}},
                 "boilerplate.headline_words ((30, 5)) must have low <= high",
                 id="headline bounds upside down"),
    pytest.param({"boilerplate": {"link_density": 2}},
                 "boilerplate.link_density (2.0) must be between 0.0 and 1.0",
                 id="density is a share"),
    pytest.param({"pii": {"min_score": -0.1}},
                 "pii.min_score (-0.1) must be between 0.0 and 1.0", id="pii score threshold"),
    pytest.param({"check": {"fail_verdicts": ["rejected"]}},
                 "check.fail_verdicts (('rejected',)) holds 'rejected', not one of keep, "
                 "review, reject", id="verdict misspelt"),
    pytest.param({"check": {"record_fields": []}},
                 "check.record_fields (()) must name at least one field",
                 id="records with no field to read"),
    pytest.param({"stages": []}, "stages (()) must name at least one stage", id="no stages"),
]


@pytest.mark.parametrize(("data", "message"), BAD_VALUES)
def test_nonsense_values_are_refused_naming_the_key(data: dict, message: str) -> None:
    with pytest.raises(ConfigError) as info:
        CleanerConfig.from_dict(data)
    assert str(info.value) == message


def test_validation_also_guards_python_construction() -> None:
    """The check is in the dataclasses, not in ``from_dict``: Python callers get it too."""
    from cleaner.config import BoilerplateConfig, QualityConfig

    with pytest.raises(ConfigError, match=r"^boilerplate\.min_score \(7\) must be between"):
        BoilerplateConfig(min_score=7)
    with pytest.raises(ConfigError, match=r"^quality\.review_below \(0\.1\) must be >= "):
        QualityConfig(review_below=0.1, reject_below=0.9)
    with pytest.raises(ConfigError, match=r"^quality\.min_words \('80'\) must be a number"):
        QualityConfig(min_words="80")  # type: ignore[arg-type]


EDGES = [
    pytest.param({"boilerplate": {"min_score": 0}}, id="score range is inclusive (low)"),
    pytest.param({"boilerplate": {"min_score": 1}}, id="score range is inclusive (high)"),
    pytest.param({"quality": {"review_below": 0.5, "reject_below": 0.5}},
                 id="equal review and reject thresholds: no review band"),
    pytest.param({"quality": {"min_words": 1000}},
                 id="min_words over review_words: the short-review band is just empty"),
    pytest.param({"language": {"max_block_detections": 0}}, id="no per-block langdetect"),
    pytest.param({"extraction": {"max_tree_size": None}}, id="optional limit unset"),
]


@pytest.mark.parametrize("data", EDGES)
def test_values_at_the_edges_are_accepted(data: dict) -> None:
    CleanerConfig.from_dict(data)

"""The library call: clean() / Cleaner on HTML and text, bad input, the report shape."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from cleaner import Cleaner, CleanerConfig, CleanResult, InputError, StageError, clean
from cleaner.pipeline import Failure

ARTICLE = (
    "<html><head><title>t</title></head><body><article><h1>Council Approves New Bridge</h1>"
    + "".join(
        f"<p>The council voted on Tuesday to approve the new bridge across the river, "
        f"paragraph {i}, after a long debate about costs and the impact on local traffic.</p>"
        for i in range(6)
    )
    + "</article></body></html>"
)


def test_import_is_fast_and_lazy() -> None:
    code = (
        "import sys, cleaner; "
        "heavy = [m for m in ('trafilatura', 'presidio_analyzer', 'langdetect', 'spacy', 'lxml') "
        "if m in sys.modules]; print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_clean_html_returns_body_and_report() -> None:
    result = clean(ARTICLE, url="https://example.org/bridge")
    assert isinstance(result, CleanResult)
    assert result.text.startswith("Council Approves New Bridge\n\nThe council voted")
    assert result.text.count("\n\n") == 6  # heading + 6 paragraphs, blank line between
    report = result.report.to_dict()
    assert report["input"]["format"] == "html"
    assert report["extraction"]["extractor"] == "trafilatura"
    assert report["language"]["code"] == "en"
    assert report["verdict"] == result.verdict
    json.dumps(report)  # JSON-safe


def test_clean_text_keeps_paragraphs_and_offsets(cleaner_default: Cleaner) -> None:
    text = "A Title\n\nFirst paragraph here.\nSecond line.\n\nLast paragraph."
    result = cleaner_default.clean(text)
    assert result.text == text
    doc = result.document
    for block in doc.blocks:
        assert doc.text[block.start : block.end] == block.text


def test_clean_many_streams_and_reports_failures(cleaner_default: Cleaner) -> None:
    items = [
        ARTICLE,
        {"id": "b", "text": "Plain text article. " * 30, "url": "https://x.org/b"},
        {"id": "c"},  # no source field
        {"id": "d", "html": b"\x89PNG\r\n\x1a\n" + b"\x00" * 64},
    ]
    out = list(cleaner_default.clean_many(items, on_error="return"))
    assert len(out) == 4
    assert isinstance(out[0], CleanResult) and isinstance(out[1], CleanResult)
    assert out[1].report.to_dict()["id"] == "b"
    assert out[2] == Failure(id="c", reason="missing_field",
                             message="record 2 has no 'source', 'html' or 'text'")
    assert isinstance(out[3], Failure) and out[3].reason == "binary"
    with pytest.raises(InputError):
        list(cleaner_default.clean_many([{"id": "c"}]))


@pytest.mark.parametrize(
    ("source", "verdict", "problem"),
    [
        pytest.param("", "reject", "no_text", id="empty-string"),
        pytest.param(b"", "reject", "no_text", id="empty-bytes"),
        pytest.param("   \n\n  ", "reject", "no_text", id="whitespace"),
        pytest.param("<html><body><div></div></body></html>", "reject", "no_main_content",
                     id="html-without-content"),
        pytest.param("<html><body><p>unclosed <b>tags <i>everywhere", "reject", None,
                     id="broken-html-no-crash"),
        pytest.param(b"Caf\xe9 \xff\xfe text with invalid utf-8 bytes. " * 20, None, None,
                     id="invalid-utf8-decoded"),
    ],
)
def test_bad_input_gives_result_with_reason(
    cleaner_default: Cleaner, source: str | bytes, verdict: str | None, problem: str | None
) -> None:
    result = cleaner_default.clean(source)
    report = result.report.to_dict()
    if verdict:
        assert result.verdict == verdict
        assert report["quality"]["reasons"], "a reject must say why"
    if problem:
        assert problem in report["problems"]
    if not result.text:
        assert result.text == ""


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        pytest.param(b"\x89PNG\r\n\x1a\n" + b"\x00" * 200, "binary", id="binary"),
        pytest.param(12, "bad_type", id="not-str-or-bytes"),
    ],
)
def test_unusable_input_raises_named_error(
    cleaner_default: Cleaner, source: object, reason: str
) -> None:
    with pytest.raises(InputError) as info:
        cleaner_default.clean(source)  # type: ignore[arg-type]
    assert info.value.reason == reason


def test_input_over_limit_raises() -> None:
    from cleaner.config import ExtractionConfig

    small = Cleaner(CleanerConfig(extraction=ExtractionConfig(max_input_bytes=1000)))
    with pytest.raises(InputError, match="over the limit") as info:
        small.clean("x" * 2000)
    assert info.value.reason == "too_large"


def test_20mb_page_is_cleaned_or_refused_by_name(cleaner_default: Cleaner) -> None:
    para = "<p>" + "Words in a long paragraph about the harbour and the sea wall. " * 20 + "</p>"
    page = ("<html><body><article>" + para * (20_000_000 // len(para)) + "</article></body></html>")
    assert len(page) > 19_000_000
    try:
        result = cleaner_default.clean(page)
    except (InputError, StageError) as exc:
        assert exc.reason  # a named refusal is acceptable
    else:
        assert result.verdict in ("keep", "review", "reject")


def test_dependency_failure_becomes_stage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    cleaner = Cleaner()

    def boom(*args: object, **kwargs: object) -> None:
        raise KeyError("secret document words")

    monkeypatch.setattr("trafilatura.bare_extraction", boom)
    with pytest.raises(StageError) as info:
        cleaner.clean(ARTICLE)
    assert str(info.value) == "stage 'extract' failed: KeyError"
    assert "secret" not in str(info.value)


def test_unknown_stage_is_a_config_error() -> None:
    from cleaner import ConfigError

    with pytest.raises(ConfigError, match="unknown stage 'nope'"):
        Cleaner(CleanerConfig(stages=("extract", "nope", "assemble")))


def test_custom_stage_plugs_in(monkeypatch: pytest.MonkeyPatch) -> None:
    """A later stage adds findings; assemble honours them and the report explains them."""
    from cleaner import pipeline
    from cleaner.model import Document, Finding

    class DropLast:
        name = "droplast"

        def __init__(self, config: CleanerConfig) -> None:
            pass

        def __call__(self, doc: Document) -> None:
            b = doc.blocks[-1]
            doc.findings.append(Finding(stage="droplast", category="test", rule="last",
                                        score=1.0, start=b.start, end=b.end,
                                        action="removed", block=b.index))

    monkeypatch.setitem(pipeline.STAGES, "droplast", f"{__name__}:_DropLastForTest")
    globals()["_DropLastForTest"] = DropLast
    cfg = CleanerConfig(stages=("extract", "droplast", "assemble", "quality"))
    result = Cleaner(cfg).clean("Keep this paragraph.\n\nDrop this one.")
    assert result.text == "Keep this paragraph."
    summary = result.report.to_dict()["summary"]
    assert summary["removed"] == {"test": {"count": 1, "chars": len("Drop this one.")}}


_TWELVE_PARAGRAPHS = "<html><body><article><h1>Tide tables</h1>" + "".join(
    f"<p>Paragraph {i} tells how the tide rose over the harbour wall and how the boats "
    f"of the fishing fleet came back in the evening, one after another.</p>"
    for i in range(12)
) + "</article></body></html>"


@pytest.mark.parametrize(
    ("limit", "refused"),
    [
        pytest.param(None, False, id="unset: no budget"),
        pytest.param(100, False, id="13 body elements fit in 100"),
        pytest.param(5, True, id="13 body elements do not fit in 5"),
    ],
)
def test_max_tree_size_is_a_budget_not_a_crash(limit: int | None, refused: bool) -> None:
    """trafilatura 2.x raises ValueError for its deprecated ``max_tree_size`` argument:
    passing the option through turned every page into a failure."""
    from cleaner.config import ExtractionConfig

    cleaner = Cleaner(CleanerConfig(extraction=ExtractionConfig(max_tree_size=limit)))
    if refused:
        with pytest.raises(InputError, match="max_tree_size") as info:
            cleaner.clean(_TWELVE_PARAGRAPHS)
        assert info.value.reason == "too_large"
    else:
        text = cleaner.clean(_TWELVE_PARAGRAPHS).text
        assert "Paragraph 0 tells" in text and "Paragraph 11 tells" in text

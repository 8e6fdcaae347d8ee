"""Golden pages (fixtures/pages + fixtures/expected): must-keep, must-drop, PII, verdict.

Each expected file is the contract for one page; a regression in any stage shows up here as
the exact snippet that was lost or leaked.
"""

from __future__ import annotations

import json

import pytest
from conftest import GoldenPage, golden_pages

from cleaner import Cleaner

PAGES = golden_pages()


@pytest.fixture(scope="module")
def results(cleaner_default: Cleaner) -> dict[str, object]:
    return {
        p.name: cleaner_default.clean(p.read(), id=p.path.name, format=p.path.name)
        for p in PAGES
    }


def _norm(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_must_keep(page: GoldenPage, results: dict) -> None:
    out = _norm(results[page.name].text)
    missing = [s for s in page.expected["must_keep"] if _norm(s) not in out]
    assert not missing, f"article text lost: {missing}"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_must_drop(page: GoldenPage, results: dict) -> None:
    out = _norm(results[page.name].text)
    kept = [s for s in page.expected["must_drop"] if _norm(s) in out]
    assert not kept, f"junk survived: {kept}"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_no_pii_in_output_or_report(page: GoldenPage, results: dict) -> None:
    result = results[page.name]
    report = json.dumps(result.report.to_dict(), ensure_ascii=False)
    for value in page.expected["pii"]:
        assert value not in result.text, "a PII value survived in the output"
        assert value not in report, "a PII value reached the report"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_format_language_verdict(page: GoldenPage, results: dict) -> None:
    report = results[page.name].report.to_dict()
    exp = page.expected
    assert report["input"]["format"] == exp["format"]
    assert report["language"]["code"] == exp["language"]
    assert report["verdict"] == exp["verdict"], report["quality"]["reasons"]
    if "encoding" in exp:
        assert report["input"]["encoding"] == exp["encoding"]
    if "ends_with" in exp:
        assert results[page.name].text.endswith(exp["ends_with"])


@pytest.mark.parametrize(
    "page", [p for p in PAGES if p.expected.get("unchanged")], ids=lambda p: p.name
)
def test_clean_control_is_unchanged(page: GoldenPage, results: dict) -> None:
    result = results[page.name]
    assert result.text == page.path.read_text("utf-8").strip()
    assert result.report.to_dict()["findings"] == []

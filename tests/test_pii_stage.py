"""The pii stage in the pipeline: fixtures, styles, config, offline, reports without leaks."""

from __future__ import annotations

import json
import logging
import socket
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, SEED, golden_pages, require_shared

from cleaner import Cleaner, CleanerConfig
from cleaner.assemble import render
from cleaner.config import PIIConfig
from cleaner.errors import ConfigError
from cleaner.model import Document, Finding
from cleaner.pii import PIIStage, ner_install_hint
from cleaner.segment import segment

PII_DIR = FIXTURES / "pii"
PII_PAGES = sorted(p for p in PII_DIR.iterdir() if p.suffix != ".json")
ALL_PAGES = sorted(
    p for p in FIXTURES.rglob("*") if p.is_file() and p.suffix in (".txt", ".md", ".html")
)
SEED_CARD = [
    "Oda Hills", "austin.schiller", "schmidt.david@hotmail.com", "1971-06-05",
    "36054 Treutel Valleys", "959.667.6332", "Skiles, Considine and Franecki",
    "twitter.com/strosin1981", "strosin1981", "tiktok.com/@cassandrestrosin", "cassandrestrosin",
    "instagram.com/strosinc", "strosinc",
]
SEED_FIGURES = ["Vladimir Putin", "Masoud Pezeshkian", "Sergei Ryabkov", "Sergei Shoigu"]


def _stage(**kw: Any) -> PIIStage:
    return PIIStage(CleanerConfig(pii=PIIConfig(**kw)))


def _doc(text: str, stage: PIIStage, findings: list[Finding] | None = None) -> Document:
    doc = Document(source=text, format="text")
    doc.decoded = doc.text = text
    doc.blocks = segment(text)
    doc.findings = list(findings or [])
    stage(doc)
    doc.output = render(doc)
    return doc


@pytest.fixture(scope="session")
def tag_stage() -> PIIStage:
    return _stage()


@pytest.fixture(scope="session")
def cleaner() -> Cleaner:
    return Cleaner()


def _values(doc: Document) -> list[str]:
    return [doc.text[f.start : f.end] for f in doc.findings
            if f.category == "pii" and f.start is not None and f.end is not None]


def _assert_no_leak(doc: Document, report: dict[str, Any], values: list[str]) -> None:
    dumped = json.dumps(report, ensure_ascii=False)
    for v in values:
        assert v not in dumped, "a redacted value reached the report"


# -- fixture pages -------------------------------------------------------------------------


@pytest.mark.parametrize("page", PII_PAGES, ids=[p.name for p in PII_PAGES])
def test_fixture_page_pii_redacted_news_kept(page: Path, cleaner: Cleaner) -> None:
    expected = json.loads(page.with_suffix(".json").read_text("utf-8"))
    result = cleaner.clean(page.read_bytes())
    for value in expected["pii"]:
        assert value not in result.text, f"PII survived on {page.name}"
    for keep in expected["keep"]:
        assert keep in result.text, f"news text lost on {page.name}"
    pii_findings = [f for f in result.report.findings if f.category == "pii"]
    assert len(pii_findings) >= len(expected["pii"])
    assert all(f.stage == "pii" and f.action == "redacted" and f.type for f in pii_findings)


@pytest.mark.parametrize("page", ALL_PAGES, ids=[str(p.relative_to(FIXTURES)) for p in ALL_PAGES])
def test_report_and_logs_hold_no_raw_value(
    page: Path, cleaner: Cleaner, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    result = cleaner.clean(page.read_bytes())
    doc = result.document
    values = _values(doc)
    expected = FIXTURES / "expected" / f"{page.stem}.json"
    if expected.is_file():
        values += json.loads(expected.read_text("utf-8")).get("pii", [])
    if page.with_suffix(".json").is_file():
        values += json.loads(page.with_suffix(".json").read_text("utf-8")).get("pii", [])
    _assert_no_leak(doc, result.report.to_dict(), values)
    logged = "\n".join(r.getMessage() for r in caplog.records)
    for v in values:
        assert v not in logged, "a redacted value reached a log line"


@pytest.mark.parametrize("page", golden_pages(), ids=[g.name for g in golden_pages()])
def test_golden_pii_values_absent(page: Any, cleaner: Cleaner) -> None:
    result = cleaner.clean(page.read())
    for value in page.expected.get("pii", []):
        assert value not in result.text


@pytest.mark.shared
def test_seed_author_card_redacted_public_figures_kept(cleaner: Cleaner) -> None:
    require_shared("seed", SEED.name)
    result = cleaner.clean(SEED.read_bytes())
    for value in SEED_CARD:
        assert value not in result.text, "author-card value survived"
    for name in SEED_FIGURES:
        assert name in result.text, "public figure was redacted"
    summary = result.report.summary()["pii"]
    for typ in ("PERSON", "USERNAME", "EMAIL_ADDRESS", "DATE_OF_BIRTH", "STREET_ADDRESS",
                "PHONE_NUMBER", "ORGANIZATION", "PROFILE_URL"):
        assert summary.get(typ, 0) >= 1, typ
    _assert_no_leak(result.document, result.report.to_dict(), SEED_CARD)


# -- styles, allow-lists, types ---------------------------------------------------------------

CARD = "Name : Oda Hills\nEmail : oda@examplemail.com\nContact Oda Hills at oda@examplemail.com."


def test_style_tag(tag_stage: PIIStage) -> None:
    doc = _doc(CARD, tag_stage)
    assert "[PERSON]" in doc.output and "[EMAIL]" in doc.output
    assert "Oda" not in doc.output and "examplemail" not in doc.output


def test_style_pseudonym_is_consistent_within_a_document() -> None:
    doc = _doc(CARD, _stage(style="pseudonym"))
    assert doc.output.count("[PERSON_1]") == 2 and doc.output.count("[EMAIL_1]") == 2
    assert "[PERSON_2]" not in doc.output


def test_style_remove_leaves_no_tag() -> None:
    doc = _doc(CARD, _stage(style="remove"))
    assert "[" not in doc.output and "Oda" not in doc.output
    assert all(f.replacement == "" for f in doc.findings)


def test_allow_list_exact_and_regex() -> None:
    text = "Write to press@newsroom.example.com or jane@examplemail.com; follow @Reuters."
    doc = _doc(text, _stage(allow=("PRESS@newsroom.example.com",), allow_regex=(r"@(?i:reuters)",)))
    assert "press@newsroom.example.com" in doc.output and "@Reuters" in doc.output
    assert "jane@examplemail.com" not in doc.output


def test_disabled_type_is_not_redacted() -> None:
    doc = _doc(CARD, _stage(disabled_types=("EMAIL_ADDRESS",)))
    assert "oda@examplemail.com" in doc.output and "Oda Hills" not in doc.output


def test_disabled_stage_finds_nothing() -> None:
    doc = _doc(CARD, _stage(enabled=False))
    assert doc.findings == [] and "Oda Hills" in doc.output


def test_inside_removed_is_counted_not_printed(tag_stage: PIIStage) -> None:
    text = "The council met.\n\nAbout the author\nEmail : oda@examplemail.com"
    start = text.index("About")
    card = Finding(stage="boilerplate", category="author_card", rule="test", score=1.0,
                   start=start, end=len(text), action="removed")
    doc = _doc(text, tag_stage, [card])
    pii = [f for f in doc.findings if f.category == "pii"]
    assert [f.type for f in pii] == ["EMAIL_ADDRESS"]
    assert pii[0].detail.get("inside_removed") is True
    assert "[EMAIL]" not in doc.output and "About the author" not in doc.output


def test_finding_shape(tag_stage: PIIStage) -> None:
    doc = _doc("Phone : +44 7700 900431", tag_stage)
    (f,) = doc.findings
    d = f.to_dict()
    assert d["stage"] == "pii" and d["category"] == "pii" and d["action"] == "redacted"
    assert d["type"] == "PHONE_NUMBER" and d["replacement"] == "[PHONE]" and d["rule"]
    assert doc.text[d["start"] : d["end"]] == "+44 7700 900431"
    assert "7700" not in json.dumps(d)


# -- config -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        pytest.param({"disabled_types": ("EMAIL",)}, "unknown PII type", id="unknown-type"),
        pytest.param({"allow_regex": ("(",)}, "invalid regex", id="bad-allow-regex"),
        pytest.param({"person_ner": True, "ner_model": "xx_not_installed_model"},
                     "not installed", id="ner-model-missing-gives-hint"),
    ],
)
def test_config_errors(kwargs: dict[str, Any], fragment: str) -> None:
    with pytest.raises(ConfigError, match=fragment):
        _stage(**kwargs)


def test_ner_hint_says_how_to_enable() -> None:
    hint = ner_install_hint("en_core_web_sm")
    assert "pip" in hint and "person_ner = false" in hint


def test_config_from_dict_and_hashable() -> None:
    cfg = CleanerConfig.from_dict(
        {"pii": {"style": "pseudonym", "disabled_types": ["IP_ADDRESS"], "allow": ["x"]}}
    )
    assert cfg.pii.style == "pseudonym" and cfg.pii.disabled_types == ("IP_ADDRESS",)
    hash(cfg)  # the library caches Cleaners by config


# -- offline ---------------------------------------------------------------------------------


def test_runs_offline_with_sockets_blocked(monkeypatch: pytest.MonkeyPatch) -> None:
    from cleaner.pii.engine import PIIEngine
    from cleaner.pii.recognizers import offline_tldextract

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise OSError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    offline_tldextract.cache_clear()  # a fresh extractor must not fetch the suffix list
    engine = PIIEngine()  # fresh engine, fresh recognizers
    text = "Write to jane.roe@examplemail.co.uk or ops@example.museum today."
    found = [(h.entity, text[h.start : h.end]) for h in engine.analyze(text)]
    assert ("EMAIL_ADDRESS", "jane.roe@examplemail.co.uk") in found
    assert ("EMAIL_ADDRESS", "ops@example.museum") in found


def test_a_detected_value_is_redacted_everywhere_on_the_page(tag_stage: PIIStage) -> None:
    text = "Oda Hills opened the shop in 2019.\n\nName : Oda Hills\nUsername : odah"
    doc = _doc(text, tag_stage)
    assert "Oda Hills" not in doc.output
    rules = sorted(f.rule for f in doc.findings if f.type == "PERSON")
    assert rules == ["labelled_person", "repeated_value"]

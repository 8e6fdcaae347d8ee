"""Page metadata in the library (``extraction.with_metadata``, ``CleanResult.metadata``):
trafilatura's values, the author under the text's redaction policy, nothing raw leaked."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest

from cleaner import Cleaner
from cleaner.batch.rows import compact_report, timestamp
from cleaner.config import CleanerConfig, ExtractionConfig, PIIConfig

AUTHOR = "Jane Quinta Example"
PAGE = (
    "<html><head><title>Jane Quinta Example on the harbour wall | jane@example.org</title>"
    f"<meta name='author' content='{AUTHOR}'>"
    "<meta property='article:published_time' content='2021-03-04'>"
    "<meta property='og:site_name' content='Harbour Gazette'></head><body><article>"
    + "".join(f"<p>The council approved the harbour wall on Tuesday, paragraph {i}, after a "
              "long debate about the costs and the winter storms.</p>" for i in range(6))
    + f"<p>Author: {AUTHOR}</p></article></body></html>"
)


def _clean(**pii: Any) -> Any:
    config = CleanerConfig(extraction=ExtractionConfig(with_metadata=True),
                           pii=PIIConfig(**pii))
    return Cleaner(config).clean(PAGE)


@pytest.mark.parametrize(
    ("pii", "author"),
    [
        pytest.param({}, "[PERSON]", id="default tag style: a byline is redacted"),
        pytest.param({"style": "remove"}, None, id="remove style: the author is left out"),
        pytest.param({"enabled": False}, AUTHOR, id="PII off: kept, as the text keeps it"),
        pytest.param({"disabled_types": ("PERSON",)}, AUTHOR,
                     id="PERSON not looked for: kept, as in the text"),
        pytest.param({"allow": ("jane quinta example",)}, AUTHOR,
                     id="an allowed value is kept (case-insensitive, as in the text)"),
        pytest.param({"allow_regex": ("Jane .*",)}, AUTHOR, id="allow_regex likewise"),
    ],
)
def test_author_follows_the_texts_redaction_policy(pii: dict[str, Any], author: str | None
                                                   ) -> None:
    meta = _clean(**pii).metadata
    assert meta.get("author") == author
    assert meta["date"] == "2021-03-04" and meta["sitename"] == "Harbour Gazette"
    if author is None or author.startswith("["):
        assert AUTHOR not in json.dumps(meta)  # not in the title either
        assert meta["title"].startswith(author or "on the harbour wall")
    assert "jane@example.org" not in meta["title"]  # contacts masked in a title


def test_pseudonym_style_reuses_the_texts_pseudonym_for_the_same_name() -> None:
    result = _clean(style="pseudonym")
    assert f"Author: {result.metadata['author']}" in result.text
    assert result.metadata["author"].startswith("[PERSON_")


def test_metadata_is_off_by_default_and_not_in_the_report() -> None:
    assert Cleaner().clean(PAGE).metadata is None
    result = _clean()
    assert AUTHOR not in json.dumps(result.report.to_dict(include_view=True))
    assert "page_metadata" not in result.document.meta  # the raw values are dropped


def test_a_text_page_has_only_its_url() -> None:
    cfg = CleanerConfig(extraction=ExtractionConfig(with_metadata=True))
    result = Cleaner(cfg).clean("Some words. " * 30, url="https://example.org/a?email=x@y.org")
    assert result.metadata == {"url": "https://example.org/a?email=[EMAIL]"}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("2020-01-02T03:04:05Z", "2020-01-02T03:04:05Z", id="dolma's ISO stamp kept"),
        pytest.param("2019-11-19 12:30:45", "2019-11-19 12:30:45",
                     id="a spaced stamp is not a phone number"),
        pytest.param("2024-01-01T00:00:00.000+00:00", "2024-01-01T00:00:00.000+00:00",
                     id="fractions and offsets"),
        pytest.param("call +44 20 7946 0958", "call [PHONE]", id="anything else is masked"),
        pytest.param(17, None, id="not a string: none"),
    ],
)
def test_timestamps_are_kept_and_other_values_masked(value: Any, expected: str | None) -> None:
    assert timestamp(value) == expected


def test_compact_report_keeps_the_verdict_and_why_and_is_smaller() -> None:
    full = _clean().report.to_dict()
    compact = compact_report(full)
    assert compact["verdict"] == full["verdict"] and compact["summary"] == full["summary"]
    assert compact["quality"]["reasons"] == full["quality"]["reasons"]
    assert "signals" not in compact["quality"] and "findings" not in compact
    assert len(json.dumps(compact)) < len(json.dumps(full)) / 2
    # the config option is one field: replace() keeps the rest
    cfg = dataclasses.replace(ExtractionConfig(), with_metadata=True)
    assert cfg.with_metadata and cfg.include_tables == ExtractionConfig().include_tables

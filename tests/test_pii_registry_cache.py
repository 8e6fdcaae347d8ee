"""``OrderedRegistry.get_recognizers`` caches its answer per request: the same
recognizers in the same order as presidio's filter gives, a fresh list each time, a
changed recognizer list seen at once, and presidio's warning for an entity without a
recognizer logged at every such request (those are never cached)."""

from __future__ import annotations

import logging

import pytest

pytest.importorskip("presidio_analyzer")

from presidio_analyzer import Pattern, PatternRecognizer

from cleaner.pii.engine import LANGUAGES
from cleaner.pii.recognizers import OrderedRegistry, build_recognizers
from cleaner.pii.registry import REGISTRY


def _registry() -> OrderedRegistry:
    return OrderedRegistry(recognizers=build_recognizers(REGISTRY),
                           supported_languages=list(LANGUAGES))


def _uncached(reg: OrderedRegistry, **kw: object) -> list[object]:
    """What the registry answered before the cache: presidio's filter, ranked."""
    got = super(OrderedRegistry, reg).get_recognizers(**kw)  # type: ignore[arg-type]
    rank = reg._ranks()
    return sorted(got, key=lambda r: rank.get(id(r), len(rank)))


#: (request, why)
REQUESTS = [
    ({"language": "en", "entities": ["EMAIL_ADDRESS", "PHONE_NUMBER"]}, "two entities"),
    ({"language": "de", "entities": ["PHONE_NUMBER"]}, "another language"),
    ({"language": "en", "all_fields": True}, "all fields of a language"),
]


@pytest.mark.parametrize(("kw", "why"), REQUESTS, ids=[r[1] for r in REQUESTS])
def test_same_answer_twice_and_as_presidio(kw: dict[str, object], why: str) -> None:
    reg = _registry()
    first = reg.get_recognizers(**kw)  # type: ignore[arg-type]
    second = reg.get_recognizers(**kw)  # type: ignore[arg-type]
    assert first and first == second == _uncached(reg, **kw), why
    assert first is not second  # a fresh list: a caller may mutate it
    first.clear()
    assert reg.get_recognizers(**kw) == second  # type: ignore[arg-type]


def test_an_added_recognizer_is_seen() -> None:
    reg = _registry()
    before = reg.get_recognizers(language="en", entities=["EMAIL_ADDRESS"])
    extra = PatternRecognizer(supported_entity="EMAIL_ADDRESS", supported_language="en",
                              patterns=[Pattern("x", r"x@y\.z", 0.5)], name="extra")
    reg.add_recognizer(extra)
    after = reg.get_recognizers(language="en", entities=["EMAIL_ADDRESS"])
    assert extra not in before and after[-1] is extra and after[:-1] == before


def test_unknown_entity_warns_every_time(caplog: pytest.LogCaptureFixture) -> None:
    reg = _registry()
    with caplog.at_level(logging.WARNING, logger="presidio-analyzer"):
        for _ in range(2):
            reg.get_recognizers(language="en", entities=["EMAIL_ADDRESS", "NO_SUCH_TYPE"])
    assert sum("NO_SUCH_TYPE" in r.getMessage() for r in caplog.records) == 2

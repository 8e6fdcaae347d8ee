"""Two more of the pre-filter's cheaper scans find what the plain scans find (issue #13):
a trigger whose match holds a literal a bounded distance from its start is tried only
there (``Trigger.lead``), and a by-line trigger is matched once on a one-line block."""

from __future__ import annotations

import itertools
import random
import re

import pytest
from test_pii_prefilter import _reference_windows

from cleaner.pii import prefilter
from cleaner.pii.engine import PIIEngine, _triggers
from cleaner.pii.prefilter import Trigger, scan, trigger
from cleaner.pii.registry import TRIGGERS

_HEX = r"[0-9a-fA-F]{1,4}::?[0-9a-fA-F]{1,4}:"


@pytest.mark.parametrize(("pattern", "lead", "reason"), [
    (_HEX, (1, 4), "the registry's IPv6 trigger: 1-4 hex digits before the colon"),
    ("@", (0, 0), "the literal itself"),
    (r"(?<=x)ab:c", (2, 2), "a look-behind takes no width"),
    (r"\bab?:", (1, 2), "an optional letter"),
    (r"a{1,9}:", None, "too far (LEAD_MAX)"),
    (r"a+:", None, "unbounded"),
    (r"(?:a:|b)c:", (2, 3), "the top-level colon after a group (the group's own not read)"),
    (r"\d:", None, "needs a digit, not the colon"),
    (r"x?", None, "may match the empty string"),
])
def test_lead_is_read_from_the_regex(pattern: str, lead: tuple[int, int] | None,
                                     reason: str) -> None:
    assert trigger(pattern, frozenset()).lead == lead, reason


def test_the_registry_triggers_with_a_lead() -> None:
    leads = {t.rx.pattern: t.lead for t in _triggers() if t.lead is not None}
    assert leads.get(_HEX) == (1, 4)


_PIECES = ["a", "f", "F", "g", "0", "9", "12", "abcd", "ffff", ":", "::", " ", "\n", "x:",
           "fe80::1:", "2001:db8:", "dead:beef:", "12345:", "é", "\t"]


def _text(rng: random.Random) -> str:
    return "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 30)))


def test_lead_scan_equals_finditer() -> None:
    t = trigger(_HEX, frozenset({"IP_ADDRESS"}))
    assert t.lead is not None
    rng = random.Random(15)
    found = 0
    for _ in range(4000):
        text = _text(rng)
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        want = [m.span() for m in t.rx.finditer(text, start, end)]
        found += len(want)
        assert [m.span() for m in scan(t, text, start, end)] == want, (text, start, end)
    assert found > 1000


def test_a_too_short_lead_is_caught() -> None:
    # the comparison can fail: a lead one character too short loses "abcd:12:"
    t = trigger(_HEX, frozenset())
    wrong = Trigger(t.rx, t.types, t.in_line, t.needs, t.line_start, (1, 3))
    text = "abcd:12:"
    assert [m.span() for m in scan(t, text, 0, len(text))] == [(0, 8)]
    assert [m.span() for m in scan(wrong, text, 0, len(text))] != [(0, 8)]


_BYLINE = ["Written by ", "Reporting by ", "written  by ", "Written\nby ", "Jane Doe", " ",
           "\n", "x", "Ein Beitrag von ", "By ", "\t", "Photo: ", "12", ":"]


def test_block_windows_with_bylines_equal_the_block_by_block_scan() -> None:
    # blocks that do and do not start a line, one-line and several-line blocks
    byline = next(t for t in _triggers() if t.line_start)
    assert any(byline.rx.pattern == p for p, _ in TRIGGERS)
    rng = random.Random(16)
    eng = PIIEngine()
    hits = 0
    for _ in range(1500):
        text = "".join(rng.choice(_BYLINE) for _ in range(rng.randint(0, 25)))
        cuts = sorted(rng.sample(range(len(text) + 1), min(len(text) + 1, rng.randint(1, 5))))
        blocks = list(itertools.pairwise(cuts))
        hits += sum(1 for s, e in blocks for _ in byline.rx.finditer(text, s, e))
        assert eng.block_windows(text, blocks) == [
            _reference_windows(eng, text, s, e) for s, e in blocks
        ], (text, blocks)
    assert hits > 100


@pytest.mark.parametrize(("text", "blocks", "reason"), [
    ("Written by Jane Doe", [(0, 19)], "one line at the text's start"),
    ("x\nWritten by Jane Doe", [(2, 21)], "one line after a line break"),
    ("x Written by Jane Doe", [(2, 21)], "a block that does not start a line: no match"),
    ("x\nWritten\nby Jane Doe", [(2, 21)], "two lines: the scan over its line starts"),
])
def test_byline_rows(text: str, blocks: list[tuple[int, int]], reason: str) -> None:
    eng = PIIEngine()
    assert eng.block_windows(text, blocks) == [
        _reference_windows(eng, text, s, e) for s, e in blocks], reason


def test_lead_max_bounds_the_positions() -> None:
    assert prefilter.LEAD_MAX <= 16
    assert re.compile(_HEX).pattern == _HEX

"""The pre-filter's cheaper scans (``cleaner.pii.prefilter``) find exactly what scanning
every block with every trigger regex finds (issue #13: speed with identical findings)."""

from __future__ import annotations

import itertools
import random
import re
from typing import Any

import pytest

from cleaner.pii import engine as eng_mod
from cleaner.pii.engine import WINDOW_AFTER, WINDOW_BEFORE, PIIEngine
from cleaner.pii.prefilter import DIGIT, EndsBefore, Trigger, line_bounded, scan, trigger
from cleaner.pii.registry import LABEL_BEFORE_COLON, LABELS, TRIGGERS, labels_for

_PIECES = [
    "a", "b", "x", "Z", " ", "  ", "\t", "\n", "\n\n", "0", "12", "345", "@", ":", "：", "=",
    ",", ".", "-", "/", "Name : ", "Email: ", "Tel. ", "By ", "Von ", "born ", "geb. ",
    "Straße 12", "12 Main Street", "SW1A 1AA", "75008 Paris", "GB29 NWBK 6016", "www.", "://",
    "@oda", "oda@example.org", "+44 20 7946 0000", "NY 10001", "Avenida B", "Via R",
    "RSSMRA85T10A562S", "X1234567L", "QQ 12 34 56 C", "É", "東京都", "番地", "生まれ", "—",
]


def _text(rng: random.Random) -> str:
    return "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 40)))


def _blocks(rng: random.Random, text: str) -> list[tuple[int, int]]:
    """Lines as blocks (the stage's shape: bounded by line breaks), or arbitrary cuts."""
    if rng.random() < 0.6:
        out, pos = [], 0
        for i, ch in enumerate(text + "\n"):
            if ch == "\n":
                if rng.random() < 0.85:
                    out.append((pos, i))
                pos = i + 1
        return out
    cuts = sorted(rng.sample(range(len(text) + 1), min(len(text) + 1, rng.randint(1, 6))))
    return list(itertools.pairwise(cuts))


_COMPILED = [(re.compile(p), t) for p, t in TRIGGERS]
_LABEL_TAIL = re.compile(LABEL_BEFORE_COLON)


def _reference_windows(eng: PIIEngine, text: str, start: int, end: int) -> list[Any]:
    """The pre-filter as it was before the cheaper scans: every trigger over the block."""
    marks = []
    for rx, types in _COMPILED:
        for m in rx.finditer(text, start, end):
            found: frozenset[str] = frozenset(types)
            if "LABEL" in types:
                if not _LABEL_TAIL.search(text, max(start, m.start() - 40), m.start()):
                    continue
                found = eng_mod._LABELLED
            elif "NUMERIC" in types:
                found = eng_mod._NUMERIC
                for krx, ktypes in eng_mod._NUMERIC_KINDS:
                    if krx.search(m.group()):
                        found = found | ktypes
            marks.append((m.start(), m.end(), found))
    marks.sort(key=lambda t: t[0])
    spans: list[list[Any]] = []
    for ms, me, types_ in marks:
        s, e = max(start, ms - WINDOW_BEFORE), min(end, me + WINDOW_AFTER)
        while s > start and not text[s - 1].isspace():
            s -= 1
        while e < end and not text[e].isspace():
            e += 1
        if spans and s <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], e)
            spans[-1][2] = spans[-1][2] | types_
        else:
            spans.append([s, e, types_])
    return [(s, e, frozenset(t) & eng._enabled) for s, e, t in spans if t & eng._enabled]


def test_block_windows_equal_the_block_by_block_scan() -> None:
    rng = random.Random(13)
    eng = PIIEngine()
    together = 0
    for _ in range(1000):
        text = _text(rng)
        blocks = _blocks(rng, text)
        together += len(blocks) > 1 and line_bounded(text, blocks)
        assert eng.block_windows(text, blocks) == [
            _reference_windows(eng, text, s, e) for s, e in blocks
        ], (text, blocks)
    assert together > 200  # the one-scan path was exercised


def test_the_trigger_shapes_are_read_from_the_regex() -> None:
    shapes = {rx: trigger(rx, frozenset()) for rx, _ in TRIGGERS}
    assert shapes["@"].in_line and shapes["@"].needs == "@"
    assert shapes[r"[+\d][\d\t ().\-/]{5,}\d[A-Z]?"].needs == DIGIT
    byline = next(t for rx, t in shapes.items() if rx.startswith("(?m:^)"))
    assert byline.line_start and not byline.in_line  # its words hold \s+: may cross lines
    assert not trigger(r"a\s+b", frozenset()).in_line
    assert not trigger(r"ab\Z", frozenset()).in_line  # end of scan is not a line break
    assert not trigger(r"x?", frozenset()).in_line  # may match the empty string
    assert not trigger(r"a[^b]", frozenset()).in_line
    assert trigger(r"(?:bc1|[13])x|0y", frozenset()).needs == DIGIT
    assert trigger(r"(?i:q)\d?", frozenset()).needs is None  # q may be Q


def test_a_wrongly_read_shape_would_be_caught() -> None:
    """The comparison above can fail: a regex crossing line breaks, scanned as if it could
    not, finds other matches than the block-by-block scan."""
    wrong = Trigger(re.compile(r"b\s+a"), frozenset({"X"}), in_line=True)
    text = "a b\nab\n a"
    blocks = [(0, 3), (4, 6), (7, 9)]
    assert line_bounded(text, blocks)
    one_scan = [m.span() for m in scan(wrong, text, 0, 9)]
    per_block = [m.span() for s, e in blocks for m in wrong.rx.finditer(text, s, e)]
    assert one_scan != per_block


@pytest.mark.parametrize(("text", "blocks", "ok"), [
    ("ab\ncd", [(0, 2), (3, 5)], True),
    ("ab\ncd", [(0, 2), (2, 5)], False),  # the second block does not start a line
    ("ab cd", [(0, 2), (3, 5)], False),  # the first does not end at a line break
    ("ab\ncd", [(3, 5), (0, 2)], False),  # out of order
    ("ab\n\ncd", [(0, 2), (4, 4), (4, 6)], True),  # empty blocks do not count
])
def test_line_bounded(text: str, blocks: list[tuple[int, int]], ok: bool) -> None:
    assert line_bounded(text, blocks) is ok


def test_label_tail_as_a_reversed_match_equals_the_search() -> None:
    rx = re.compile(LABEL_BEFORE_COLON)
    tail = EndsBefore(LABEL_BEFORE_COLON)
    assert tail.reversed is not None
    words = [w for e in LABELS for w in labels_for(e)]
    rng = random.Random(14)
    pieces = [*words, *(w.upper() for w in words[:40]), " ", "\t", "\n", "x", "İ", "ς", "\u212a"]
    hits = 0
    for _ in range(4000):
        text = "".join(rng.choice(pieces) if rng.random() < 0.6 else rng.choice("ab :\t\n")
                       for _ in range(rng.randint(0, 8)))
        lo = rng.randint(0, len(text))
        hi = rng.randint(lo, len(text))
        expected = rx.search(text, lo, hi) is not None
        hits += expected
        assert tail(text, lo, hi) is expected, (text, lo, hi)
    assert hits > 200


def test_a_look_around_keeps_the_search() -> None:
    tail = EndsBefore(r"(?<=x)ab\Z")
    assert tail.reversed is None
    assert tail("xab", 1, 3) and not tail("yab", 1, 3)

"""Scanning the pre-filter's trigger regexes over many blocks at once, with the same matches.

The engine wants, for each block ``(start, end)`` of a page, the matches of every trigger
regex of ``registry.TRIGGERS`` in ``text[start:end]``, as ``rx.finditer(text, start, end)``
gives them. Calling that per block and per trigger scanned every block 21 times (about
600 calls and 1.5 ms a page). The shape of each regex, read once from its parse tree,
allows cheaper scans with provably the same matches:

* ``in_line``: no part of the regex (look-arounds included) can match a line break, it
  cannot match the empty string and it has no end-of-string test (``\\Z``, ``$``). Its
  matches then never hold a ``\\n``, and at a ``\\n`` the engine fails exactly as it does
  at the end of a scan (``\\b`` sees a non-word character either way; look-behinds see the
  same text). So scanning any stretch of text bounded by line breaks gives the matches of
  the whole text inside that stretch, and when every block is bounded by line breaks one
  scan over all blocks gives each block's own matches (:func:`line_bounded`).
* ``needs``: every match holds a decimal digit (``"\\d"``) or one literal character: lines
  without it are skipped (an ``in_line`` regex's match lies inside one line).
* ``line_start``: every match starts a line (``(?m:^)``): only line starts are tried, with
  ``match``; finditer's left-to-right, non-overlapping search finds the same matches.

A regex whose shape cannot be read (an unknown opcode, a back reference) gets none of
these and is scanned block by block as before.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

try:  # the parser behind ``re`` (``re._parser`` from Python 3.11, ``sre_parse`` before)
    _sre: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - Python 3.10
    _sre = importlib.import_module("sre_parse")

#: the ``needs`` value of a regex whose every match holds a decimal digit
DIGIT = "\\d"
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class Trigger:
    """One trigger regex, the entity types it wakes, and its shape (see the module doc)."""

    rx: re.Pattern[str]
    types: frozenset[str]
    in_line: bool = False
    needs: str | None = None
    line_start: bool = False
    #: ``(lo, hi)``: every match holds the literal ``needs`` at ``lo``..``hi`` characters
    #: from its start (a top-level literal after bounded items): only the positions that
    #: far before an occurrence of ``needs`` are tried
    lead: tuple[int, int] | None = None


def trigger(pattern: str, types: frozenset[str]) -> Trigger:
    rx = re.compile(pattern)
    try:
        tree = _sre.parse(pattern, rx.flags)
        nonempty = tree.getwidth()[0] > 0
        flags = tree.state.flags
        in_line = nonempty and _in_line(list(tree))
        needs = _needs(list(tree), flags) if in_line else None
        line_start = nonempty and _line_start(list(tree), flags)
        lead = _lead(tree, needs) if nonempty else None
    except Exception:  # a shape this module does not know: scanned block by block
        return Trigger(rx, types)
    return Trigger(rx, types, in_line, needs, line_start, lead)


#: a lead farther than this from the match's start is not used (too many positions)
LEAD_MAX = 8


def _lead(tree: Any, needs: str | None) -> tuple[int, int] | None:
    """Where the literal ``needs`` sits in every match: the first top-level item that is
    that literal character, the width range of the items before it (look-arounds and
    position tests take none). None for a digit, a letter (cases), or a far or unbounded
    lead."""
    if needs is None or needs == DIGIT or len(needs) != 1 or needs.isalpha():
        return None
    items = list(tree)
    for k, (op, av) in enumerate(items):
        if op is _sre.LITERAL and av == ord(needs):
            lo, hi = _sre.SubPattern(tree.state, items[:k]).getwidth()
            return (lo, hi) if hi <= LEAD_MAX else None
    return None


# -- the shape of a parsed regex ------------------------------------------------------------

_NL = ord("\n")


def _set_has_newline(items: list[Any]) -> bool:
    for op, av in items:
        if op is _sre.NEGATE:
            return True  # a negated set: assume it can
        if op is _sre.LITERAL:
            if av == _NL:
                return True
        elif op is _sre.RANGE:
            if av[0] <= _NL <= av[1]:
                return True
        elif op is _sre.CATEGORY:
            if av not in (_sre.CATEGORY_DIGIT, _sre.CATEGORY_WORD, _sre.CATEGORY_NOT_SPACE,
                          _sre.CATEGORY_NOT_LINEBREAK):
                return True
        else:
            return True
    return False


#: position tests that behave the same at a line break as at the end of a scan
_SAFE_AT = ("AT_BEGINNING", "AT_BEGINNING_LINE", "AT_BEGINNING_STRING", "AT_BOUNDARY",
            "AT_NON_BOUNDARY")


def _in_line(items: list[Any]) -> bool:
    """No node of ``items`` can match or look at a line break (see the module doc)."""
    for op, av in items:
        if op is _sre.LITERAL:
            if av == _NL:
                return False
        elif op is _sre.IN:
            if _set_has_newline(av):
                return False
        elif op is _sre.AT:
            if str(av) not in _SAFE_AT:
                return False
        elif op is _sre.SUBPATTERN:
            if not _in_line(list(av[-1])):
                return False
        elif op is _sre.BRANCH:
            if not all(_in_line(list(b)) for b in av[1]):
                return False
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) or str(op) == "POSSESSIVE_REPEAT":
            if not _in_line(list(av[2])):
                return False
        elif op in (_sre.ASSERT, _sre.ASSERT_NOT):
            if not _in_line(list(av[1])):
                return False
        elif str(op) == "ATOMIC_GROUP":
            if not _in_line(list(av)):
                return False
        else:  # NOT_LITERAL, ANY, back references, conditionals...
            return False
    return True


def _is_digit_set(items: list[Any]) -> bool:
    if not items:
        return False
    for op, av in items:
        if op is _sre.LITERAL:
            if not 0x30 <= av <= 0x39:
                return False
        elif op is _sre.RANGE:
            if av[0] < 0x30 or av[1] > 0x39:
                return False
        elif op is _sre.CATEGORY:
            if av is not _sre.CATEGORY_DIGIT:
                return False
        else:
            return False
    return True


def _held(items: list[Any], flags: int) -> set[str]:
    """Characters every match of ``items`` holds: literals (not under IGNORECASE, letters
    would have other cases) and ``DIGIT`` for a mandatory digit."""
    out: set[str] = set()
    for op, av in items:
        if op is _sre.LITERAL:
            if 0x30 <= av <= 0x39:
                out.add(DIGIT)
            if not flags & re.IGNORECASE:
                out.add(chr(av))
        elif op is _sre.IN:
            if _is_digit_set(list(av)):
                out.add(DIGIT)
        elif op is _sre.SUBPATTERN:
            add, remove = av[1], av[2]
            out |= _held(list(av[-1]), (flags | add) & ~remove)
        elif op is _sre.BRANCH:
            common: set[str] | None = None
            for b in av[1]:
                held = _held(list(b), flags)
                common = held if common is None else common & held
            out |= common or set()
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) or str(op) == "POSSESSIVE_REPEAT":
            if av[0] >= 1:
                out |= _held(list(av[2]), flags)
        elif str(op) == "ATOMIC_GROUP":
            out |= _held(list(av), flags)
    return out


def _needs(items: list[Any], flags: int) -> str | None:
    held = _held(items, flags)
    if DIGIT in held:
        return DIGIT
    return min(held) if held else None


def _line_start(items: list[Any], flags: int) -> bool:
    """The regex opens with ``^`` under MULTILINE (``(?m:^)``)."""
    if not items:
        return False
    op, av = items[0]
    if op is _sre.AT:
        return av is _sre.AT_BEGINNING_LINE or (
            av is _sre.AT_BEGINNING and bool(flags & re.MULTILINE))
    if op is _sre.SUBPATTERN:
        return _line_start(list(av[-1]), (flags | av[1]) & ~av[2])
    return False


# -- scanning ----------------------------------------------------------------------------------


def line_bounded(text: str, blocks: Sequence[tuple[int, int]]) -> bool:
    """Whether the non-empty ``blocks`` are in order, apart, and each one ends at a line break
    (or the end of the text) and, after the first, starts right after one: then one scan
    from the first block's start to the last one's end gives every block's own matches
    of an ``in_line`` regex."""
    prev_end = -1
    n = len(text)
    for s, e in blocks:
        if s == e:
            continue
        if s > e or s < 0 or e > n or s <= prev_end:
            return False
        if prev_end >= 0 and text[s - 1] != "\n":
            return False
        if e < n and text[e] != "\n":
            return False
        prev_end = e
    return True


def _line_spans(text: str, start: int, end: int, needs: str) -> list[tuple[int, int]]:
    """Runs of whole lines of ``text[start:end]`` that hold ``needs``."""
    spans: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        if needs == DIGIT:
            m = _DIGIT.search(text, pos, end)
            if m is None:
                break
            p = m.start()
        else:
            p = text.find(needs, pos, end)
            if p < 0:
                break
        ls = max(start, text.rfind("\n", start, p) + 1)
        le = text.find("\n", p, end)
        if le < 0:
            le = end
        if spans and ls <= spans[-1][1] + 1:
            spans[-1] = (spans[-1][0], le)
        else:
            spans.append((ls, le))
        pos = le + 1
    return spans


def _matches_at(
    rx: re.Pattern[str], text: str, positions: Iterable[int], start: int, end: int
) -> list[re.Match[str]]:
    """The matches ``finditer`` would find when every match starts at one of the
    ascending ``positions``: ``rx.match`` at each, skipping those inside a match found."""
    found: list[re.Match[str]] = []
    last = start
    for p in positions:
        if p < last:
            continue
        m = rx.match(text, p, end)
        if m is not None:
            found.append(m)
            last = m.end()
    return found


def _line_starts(text: str, start: int, end: int) -> list[int]:
    out = [start] if start == 0 or text[start - 1] == "\n" else []
    p = text.find("\n", start, end)
    while p >= 0 and p + 1 < end:
        out.append(p + 1)
        p = text.find("\n", p + 1, end)
    return out


def scan(
    t: Trigger, text: str, start: int, end: int,
    lines: dict[tuple[str, int, int], list[tuple[int, int]]] | None = None,
) -> list[re.Match[str]]:
    """``list(t.rx.finditer(text, start, end))``, computed the cheap way ``t`` allows.
    ``lines`` keeps the runs of lines holding a character between calls on the same text."""
    rx = t.rx
    if t.line_start:
        return _matches_at(rx, text, _line_starts(text, start, end), start, end)
    if t.lead is not None and t.needs is not None:
        lo, hi = t.lead
        needs = t.needs
        tried: set[int] = set()
        c = text.find(needs, start, end)
        while c >= 0:
            tried.update(range(max(start, c - hi), c - lo + 1))
            c = text.find(needs, c + 1, end)
        return _matches_at(rx, text, sorted(tried), start, end)
    if t.in_line and t.needs is not None:
        key = (t.needs, start, end)
        spans = lines.get(key) if lines is not None else None
        if spans is None:
            spans = _line_spans(text, start, end, t.needs)
            if lines is not None:
                lines[key] = spans
        return [m for s, e in spans for m in rx.finditer(text, s, e)]
    return list(rx.finditer(text, start, end))


# -- a look-back test as one anchored match -----------------------------------------------


class EndsBefore:
    """``bool(rx.search(text, lo, hi))`` for a regex that ends in ``\\Z`` (a label word
    right before a colon), as one anchored ``match`` of the reversed regex on the reversed
    window instead of a search trying every start in it (the label alternation has ~300
    words: ~70 us a search). Falls back to the search when the regex holds anything but
    literals, sets, repeats, groups and alternations (a look-around or ``\\b`` would look
    outside the window, which the reversed window does not hold)."""

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self.rx = re.compile(pattern)
        self._reversed: re.Pattern[str] | bool | None = False  # False: not built yet

    @property
    def reversed(self) -> re.Pattern[str] | None:
        """The reversed regex (built on first use: ~10 ms), None when it cannot be."""
        if self._reversed is False:
            built: re.Pattern[str] | None = None
            try:
                items = list(_sre.parse(self.pattern, self.rx.flags))
                if items and items[-1] == (_sre.AT, _sre.AT_END_STRING):
                    built = re.compile(_reverse(items[:-1]), self.rx.flags)
            except Exception:  # a construct _reverse does not write: keep the search
                built = None
            self._reversed = built
        return self._reversed  # type: ignore[return-value]

    def __call__(self, text: str, lo: int, hi: int) -> bool:
        rev = self.reversed
        if rev is None:
            return self.rx.search(text, lo, hi) is not None
        return rev.match(text[lo:hi][::-1]) is not None


_CATEGORY_ESCAPES = {"CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D",
                     "CATEGORY_SPACE": r"\s", "CATEGORY_NOT_SPACE": r"\S",
                     "CATEGORY_WORD": r"\w", "CATEGORY_NOT_WORD": r"\W"}
_FLAG_LETTERS = ((re.IGNORECASE, "i"), (re.MULTILINE, "m"), (re.DOTALL, "s"))


def _class_item(op: Any, av: Any) -> str:
    if op is _sre.LITERAL:
        return re.escape(chr(av))
    if op is _sre.RANGE:
        return f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}"
    if op is _sre.CATEGORY:
        return _CATEGORY_ESCAPES[str(av)]
    raise ValueError(op)


def _flags(bits: int) -> str:
    return "".join(letter for flag, letter in _FLAG_LETTERS if bits & flag)


def _reverse(items: list[Any]) -> str:
    """A regex matching the reversed strings of what ``items`` match (no look-arounds,
    no position tests: ``ValueError`` on anything else)."""
    out: list[str] = []
    for op, av in reversed(items):
        if op is _sre.LITERAL:
            out.append(re.escape(chr(av)))
        elif op is _sre.IN:
            neg = bool(av) and av[0][0] is _sre.NEGATE
            members = av[1:] if neg else av
            out.append("[" + ("^" if neg else "")
                       + "".join(_class_item(o, a) for o, a in members) + "]")
        elif op is _sre.SUBPATTERN:
            add, remove = _flags(av[1]), _flags(av[2])
            head = f"?{add}-{remove}:" if remove else f"?{add}:"
            out.append(f"({head}{_reverse(list(av[-1]))})")
        elif op is _sre.BRANCH:
            out.append("(?:" + "|".join(_reverse(list(b)) for b in av[1]) + ")")
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
            lo, hi, body = av
            count = f"{{{lo},}}" if hi == _sre.MAXREPEAT else f"{{{lo},{hi}}}"
            lazy = "?" if op is _sre.MIN_REPEAT else ""
            out.append(f"(?:{_reverse(list(body))}){count}{lazy}")
        else:
            raise ValueError(op)
    return "".join(out)

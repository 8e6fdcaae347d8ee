"""Cheap keyword gates in front of large regular expressions, with the same results.

A phrase list compiled as one alternation (``CLICKBAIT_RE``, the furniture patterns of
:mod:`cleaner.boilerplate.rules`) starts no branch with a character the engine can skip
to: ``\\b``, ``^\\W{0,3}`` and case-insensitive letters make it try every branch at every
position (~80 us for a headline). Most texts hold none of the phrases' words.

:func:`gated` reads the pattern's parse tree once and finds, for every branch, a literal
string each of its matches must contain (a run of literal characters outside any
optional part; a group of alternatives gives the set of their literals). A text holding
none of those literals cannot match, so ``search`` / ``match`` / ``fullmatch`` answer
``None`` without running the pattern; otherwise they run it. The results are the
pattern's own by construction: the gate only ever skips a call that finds nothing.

Case-insensitive patterns are gated on ``text.lower()`` with lower-cased literals.
That is sound when every character ``x`` the engine folds onto a literal character
``y`` has ``x.lower() == y.lower()``; the exceptions are the characters with extra
case equivalents (``re._casefix``: dotless i, long s, micro sign, Greek symbol forms...)
and the dotted capital I (whose lower case is two characters): a text holding one of
them runs the pattern ungated, and a literal holding one gets no gate.
``tests/test_regex_gate.py`` checks that claim over every code point.

A pattern whose parse tree holds something this module does not read, some branch of
which has no literal, or every branch of which is anchored at the start (``^``: one
position tried, cheaper than a gate) is returned as a :class:`Gated` that always runs
the pattern.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from typing import Any

try:  # the parser behind ``re`` (``re._parser`` from Python 3.11, ``sre_parse`` before)
    _sre: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - Python 3.10
    _sre = importlib.import_module("sre_parse")

try:  # the characters with case equivalents beyond lower(): Python 3.11+
    _EXTRA: dict[int, tuple[int, ...]] = importlib.import_module("re._casefix")._EXTRA_CASES
except (ImportError, AttributeError):  # pragma: no cover - Python 3.10: no folded gates
    _EXTRA = {}
    _FOLD_OK = False
else:
    _FOLD_OK = True

#: characters the engine folds differently from ``str.lower`` (see the module doc)
UNSAFE_FOLD = frozenset(
    chr(c) for k, vs in _EXTRA.items() for c in (k, *vs) if c > 0x7F
) | {"\u0130"}


def unsafe_for(literals: frozenset[str]) -> frozenset[str]:
    """The characters of a text that the engine may fold onto a character of
    ``literals`` (lower-cased) although their ``str.lower`` differs: the extra case
    equivalents of those characters, and the dotted capital I for an ``i``."""
    chars = set("".join(literals))
    out = {chr(c) for ch in chars for c in _EXTRA.get(ord(ch), ())}
    if "i" in chars:
        out.add("\u0130")
    return frozenset(out)


_REPEATS = tuple(getattr(_sre, name) for name in ("MAX_REPEAT", "MIN_REPEAT",
                                                  "POSSESSIVE_REPEAT") if hasattr(_sre, name))


def _quality(lits: frozenset[str]) -> tuple[int, int]:
    """Longer shortest literal first (a rarer test), then fewer literals."""
    return min(len(s) for s in lits), -len(lits)


def _required(items: list[Any]) -> frozenset[str] | None:
    """Literal strings one of which every match of the node sequence ``items`` holds,
    or None when none is found."""
    options: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is _sre.LITERAL:
            run.append(chr(av))
            continue
        if run:
            options.append(frozenset({"".join(run)}))
            run = []
        sub: frozenset[str] | None = None
        if op is _sre.SUBPATTERN:
            _group, add_flags, del_flags, body = av
            if not add_flags and not del_flags:  # inline flags change what a literal is
                sub = _required(list(body))
        elif op is _sre.BRANCH:
            parts = [_required(list(b)) for b in av[1]]
            if parts and all(parts):
                sub = frozenset().union(*(p for p in parts if p))
        elif op in _REPEATS:
            lo, _hi, body = av
            if lo >= 1:  # the body matches at least once
                sub = _required(list(body))
        # any other node (classes, categories, positions, look-arounds...) matches no
        # literal of its own: it only ends the current run
        if sub:
            options.append(sub)
    if run:
        options.append(frozenset({"".join(run)}))
    return max(options, key=_quality) if options else None


def _trimmed(lits: frozenset[str]) -> frozenset[str]:
    """The literals without the spaces and punctuation at their ends (a part of a
    required literal is required too): a gate starting at a space is tried at every
    space of the text."""
    out = set()
    for lit in lits:
        core = lit.strip(" \t\n,.;:!?'\"-")
        out.add(core or lit)
    return frozenset(out)


_STARTS = ("AT_BEGINNING", "AT_BEGINNING_STRING")


def _anchored(items: list[Any]) -> bool:
    """Every branch starts with ``^`` or ``\\A`` (the caller checks MULTILINE, under which
    the parsed ``^`` is a line start): the engine tries one position only, which costs
    less than a gate."""
    if not items:
        return False
    op, av = items[0]
    if op is _sre.AT:
        return str(av) in _STARTS
    if op is _sre.BRANCH:
        return all(_anchored(list(b)) for b in av[1])
    if op is _sre.SUBPATTERN:
        return not av[1] and not av[2] and _anchored(list(av[3]))
    return False


def required_literals(rx: re.Pattern[str]) -> tuple[frozenset[str], bool] | None:
    """``(literals, folded)``: every match of ``rx`` holds one of ``literals`` (lower-cased
    and to be found in ``text.lower()`` when ``folded``); None when no gate is known."""
    if not isinstance(rx.pattern, str):
        return None
    try:
        tree = _sre.parse(rx.pattern, rx.flags)
        flags = tree.state.flags
        lits = _required(list(tree))
        lits = _trimmed(lits) if lits else lits
    except Exception:  # a shape this module does not read: no gate
        return None
    if not lits or "" in lits or (not flags & re.MULTILINE and _anchored(list(tree))):
        return None
    if flags & re.IGNORECASE:
        if not _FOLD_OK:
            return None
        folded = set()
        for lit in lits:
            low = lit.lower()
            if len(low) != len(lit) or any(ch in UNSAFE_FOLD for ch in lit + low):
                return None
            folded.add(low)
        return frozenset(folded), True
    return lits, False


def trie_alternation(literals: frozenset[str] | set[str]) -> str:
    """A regex matching exactly where one of ``literals`` occurs, written as a trie
    (``(?:ab(?:c|d)|e)``): the engine compares each position with one branch per first
    character instead of one per literal. A literal that another one starts with makes
    the longer one redundant for a gate (the shorter is found wherever it is)."""
    kept = sorted(literals)
    minimal = [s for i, s in enumerate(kept) if not (i and s.startswith(kept[i - 1]))]
    # (sorted order puts a prefix right before the strings it starts; drop those strings,
    # keeping the earlier prefix: a chain a, ab, abc keeps a)
    out: list[str] = []
    for s in minimal:
        if out and s.startswith(out[-1]):
            continue
        out.append(s)
    return _trie(out)


def _trie(strings: list[str]) -> str:
    if len(strings) == 1:
        return re.escape(strings[0])
    groups: dict[str, list[str]] = {}
    for s in strings:
        groups.setdefault(s[0], []).append(s[1:])
    branches = []
    for first, rests in groups.items():
        if "" in rests:  # a literal ends here: the others through it are redundant
            branches.append(re.escape(first))
        else:
            branches.append(re.escape(first) + _trie(rests))
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


@dataclass(frozen=True, slots=True)
class Gated:
    """``rx`` behind its keyword gate: ``search``, ``match`` and ``fullmatch`` of a whole
    string give what ``rx``'s do (``rx`` itself answers whenever the gate lets it).
    Built by :func:`gated`."""

    rx: re.Pattern[str]
    #: the literals one of which every match holds (lower-cased when ``folded``), or None
    literals: frozenset[str] | None
    folded: bool
    #: the literals as one plain alternation, searched in C (None: no gate)
    gate: re.Pattern[str] | None
    #: a text holding one of these characters runs ``rx`` ungated (see the module doc)
    unsafe: re.Pattern[str] | None

    @property
    def pattern(self) -> str:
        return self.rx.pattern

    def may_match(self, text: str) -> bool:
        """False only when ``rx`` cannot match anywhere in ``text``."""
        gate = self.gate
        if gate is None:
            return True
        if self.folded:
            if self.unsafe is not None and not text.isascii() \
                    and self.unsafe.search(text) is not None:
                return True
            text = text.lower()
        return gate.search(text) is not None

    def search(self, text: str) -> re.Match[str] | None:
        return self.rx.search(text) if self.may_match(text) else None

    def match(self, text: str) -> re.Match[str] | None:
        return self.rx.match(text) if self.may_match(text) else None

    def fullmatch(self, text: str) -> re.Match[str] | None:
        return self.rx.fullmatch(text) if self.may_match(text) else None


def gated(rx: re.Pattern[str]) -> Gated:
    """``rx`` behind the keyword gate its parse tree gives (see the module doc)."""
    req = required_literals(rx)
    if req is None:
        return Gated(rx, None, False, None, None)
    literals, folded = req
    unsafe = unsafe_for(literals) if folded else frozenset()
    return Gated(
        rx, literals, folded, re.compile(trie_alternation(literals)),
        re.compile("[" + "".join(re.escape(ch) for ch in sorted(unsafe)) + "]")
        if unsafe else None,
    )

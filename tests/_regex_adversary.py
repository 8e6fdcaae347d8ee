"""Adversarial inputs generated from a regex's *structure* (issue 15, item 3).

The character-run inputs of :func:`_hardening_helpers.adversarial_inputs` catch
patterns that rescan a long run from every start (quadratic). They cannot catch
*exponential* patterns, which blow up on a few dozen characters laid out in the
right order: ``(?:[\\t -]+[A-Z][\\w-]*)*`` lets ``-`` sit inside a token or between
two tokens, so ``A-A-A-...`` has 2^n ways to be split, and each is tried when what
follows the repeat fails.

:func:`structural_attacks` walks the parsed pattern (``re._parser``) and, for every
repeat that can run more than once, builds an attack:

* **prefix**: a string that matches everything on the path from the start of the
  pattern to that repeat (one sample per element, the minimum count per repeat,
  the first branch that leads there), so the engine reaches the repeat;
* **pump**: one pass of the repeat's body, each character chosen from the body's
  *shared* characters (ones that more than one element of the body, or the body
  and what follows the repeat, accept: the separator that is also a token
  character, the letter that both a nested repeat and its neighbour take);
* **suffix**: characters that make what follows fail, so the engine backtracks.

:func:`pump_time` then scans ``prefix + pump * n + suffix`` with ``n`` growing
until the input reaches the wanted size or the scan exceeds a time budget: an
exponential pattern is stopped after a few dozen pumps instead of hanging.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

try:  # Python 3.11+
    import re._constants as _sre_c
    import re._parser as _sre_p
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre_c  # type: ignore[no-redef,unused-ignore]
    import sre_parse as _sre_p  # type: ignore[no-redef,unused-ignore]

MAXREPEAT = int(_sre_c.MAXREPEAT)
#: the characters classes are evaluated on (a class is the subset of these it accepts)
UNIVERSE = (
    "Aa1 \t\n-_.,;:'’()/@#+&%!?Zz09éÀßÞ"
    "\"$€£[]{}|*=<>^~`\\•·：中ºª°x"
)
#: preferred sample characters, most "natural" first
_PREFER = "Aa1 -.,'’_/()@#:;\t\nZz09é"
_FAILERS = ("!", "\x00", "\n", "~", "")
_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")


@dataclass(frozen=True)
class Attack:
    where: str  # a short path into the pattern, for messages
    prefix: str
    pump: str
    suffix: str


# -- character sets ---------------------------------------------------------------------------


def _cat(name: str, ch: str) -> bool:
    if name == "CATEGORY_DIGIT":
        return ch.isdigit()
    if name == "CATEGORY_NOT_DIGIT":
        return not ch.isdigit()
    if name == "CATEGORY_SPACE":
        return ch.isspace()
    if name == "CATEGORY_NOT_SPACE":
        return not ch.isspace()
    if name == "CATEGORY_WORD":
        return ch.isalnum() or ch == "_"
    if name == "CATEGORY_NOT_WORD":
        return not (ch.isalnum() or ch == "_")
    return False


def _in_set(items: list[Any], ch: str, icase: bool) -> bool:
    negate = False
    hit = False
    cands = {c for c in (ch, ch.lower(), ch.upper()) if len(c) == 1} if icase else {ch}
    for op, av in items:
        name = str(op)
        if name == "NEGATE":
            negate = True
        elif name == "LITERAL":
            hit = hit or chr(av) in cands
        elif name == "RANGE":
            lo, hi = av
            hit = hit or any(lo <= ord(c) <= hi for c in cands)
        elif name == "CATEGORY":
            hit = hit or _cat(str(av), ch)
    return hit != negate


def atom_chars(op: Any, av: Any, icase: bool) -> frozenset[str] | None:
    """Characters of :data:`UNIVERSE` a one-character element accepts (None: not an atom)."""
    name = str(op)
    if name == "LITERAL":
        c = chr(av)
        return frozenset(x for x in UNIVERSE if x == c or (icase and x.lower() == c.lower())) \
            or frozenset({c})
    if name == "NOT_LITERAL":
        return frozenset(x for x in UNIVERSE if x != chr(av))
    if name == "IN":
        return frozenset(x for x in UNIVERSE if _in_set(av, x, icase))
    if name == "CATEGORY":
        return frozenset(x for x in UNIVERSE if _cat(str(av), x))
    if name == "ANY":
        return frozenset(x for x in UNIVERSE if x != "\n")
    return None


def _pick(chars: frozenset[str], shared: frozenset[str] = frozenset()) -> str:
    pool = (chars & shared) or chars
    for c in _PREFER:
        if c in pool:
            return c
    return min(pool) if pool else "a"


# -- walking ----------------------------------------------------------------------------------


def _icase(flags: int, add: int, delete: int) -> int:
    return (flags | add) & ~delete


def _all_atoms(seq: Any, flags: int, out: list[frozenset[str]]) -> None:
    """Every one-character element's set anywhere inside ``seq``."""
    icase = bool(flags & re.I)
    for op, av in seq:
        name = str(op)
        cs = atom_chars(op, av, icase)
        if cs is not None:
            out.append(cs)
        elif name in _REPEATS:
            _all_atoms(av[2], flags, out)
        elif name == "SUBPATTERN":
            _all_atoms(av[3], _icase(flags, av[1], av[2]), out)
        elif name == "BRANCH":
            for b in av[1]:
                _all_atoms(b, flags, out)
        elif name == "ATOMIC_GROUP":
            _all_atoms(av, flags, out)


def witness(seq: Any, flags: int, shared: frozenset[str] = frozenset(), depth: int = 0) -> str:
    """A short string matching ``seq`` (assertions ignored; first branch; minimum counts,
    at least one pass of a repeat when ``shared`` asks for pump characters)."""
    if depth > 40:
        return ""
    icase = bool(flags & re.I)
    out: list[str] = []
    for op, av in seq:
        name = str(op)
        cs = atom_chars(op, av, icase)
        if cs is not None:
            out.append(_pick(cs, shared))
        elif name in _REPEATS:
            lo = int(av[0])
            times = lo if lo or not shared else 1
            out.append(witness(av[2], flags, shared, depth + 1) * min(times, 8))
        elif name == "SUBPATTERN":
            out.append(witness(av[3], _icase(flags, av[1], av[2]), shared, depth + 1))
        elif name == "BRANCH":
            out.append(witness(av[1][0], flags, shared, depth + 1))
        elif name == "ATOMIC_GROUP":
            out.append(witness(av, flags, shared, depth + 1))
        elif name == "GROUPREF_EXISTS":
            out.append(witness(av[1], flags, shared, depth + 1))
    return "".join(out)


def _shared_chars(body: Any, follow: Any, flags: int) -> tuple[frozenset[str], frozenset[str]]:
    """Characters accepted by two or more elements of ``body``, and those the body shares
    with what comes right after the repeat: the ambiguity a pump must exploit."""
    sets: list[frozenset[str]] = []
    _all_atoms(body, flags, sets)
    after: list[frozenset[str]] = []
    _all_atoms(follow[:2], flags, after)
    counts: dict[str, int] = {}
    for s in sets:
        for c in s:
            counts[c] = counts.get(c, 0) + 1
    inner = frozenset(c for c, n in counts.items() if n >= 2)
    outer = frozenset(c for s in after for c in s if counts.get(c))
    return inner, outer


def _pumps(body: Any, follow: Any, flags: int) -> list[str]:
    inner, outer = _shared_chars(body, follow, flags)
    if not inner and not outer:
        return []  # nothing can be matched two ways: no backtracking to pump
    choices = [inner, inner | outer, frozenset()]
    ranked = sorted(inner, key=lambda c: (_PREFER.find(c) % 99, c))
    choices += [frozenset({c}) for c in ranked[:4]]
    out = [witness(body, flags, ch) for ch in choices]
    return [p for p in dict.fromkeys(out) if p]


def structural_attacks(pattern: re.Pattern[str], limit: int = 48) -> list[Attack]:
    """Attacks on every repeat of ``pattern`` that can match more than once."""
    try:
        parsed = _sre_p.parse(pattern.pattern, pattern.flags)
    except (re.error, TypeError, ValueError):  # pragma: no cover - compiled already
        return []
    found: dict[tuple[str, str], Attack] = {}
    for a in _attacks(list(parsed), pattern.flags, "", "", [], 0):
        key = (a.prefix, a.pump)
        if a.pump and key not in found:
            found[key] = a
        if len(found) >= limit:
            break
    return list(found.values())


def _attacks(seq: list[Any], flags: int, prefix: str, where: str, follow: list[Any],
             depth: int) -> Iterator[Attack]:
    if depth > 12:
        return
    icase_flags = flags
    for i, (op, av) in enumerate(seq):
        name = str(op)
        here = prefix + witness(seq[:i], icase_flags)
        rest = seq[i + 1 :] + follow
        tag = f"{where}/{i}:{name.lower()}"
        if name in _REPEATS:
            lo, hi, body = int(av[0]), int(av[1]), list(av[2])
            if hi > 1:
                for pump in _pumps(body, rest, flags):
                    for fail in _FAILERS[:2]:
                        yield Attack(tag, here, pump, fail)
            # inside the body: the enclosing repeat's prefix plus one pass of it
            yield from _attacks(body, flags, here + witness(body, flags) * max(lo, 0), tag,
                                rest, depth + 1)
        elif name == "SUBPATTERN":
            yield from _attacks(list(av[3]), _icase(flags, av[1], av[2]), here, tag, rest,
                                depth + 1)
        elif name == "BRANCH":
            for k, branch in enumerate(av[1][:24]):
                yield from _attacks(list(branch), flags, here, f"{tag}{k}", rest, depth + 1)
        elif name == "ATOMIC_GROUP":
            continue  # no backtracking into it


# -- timing -----------------------------------------------------------------------------------


def _scan(pattern: re.Pattern[str], text: str) -> float:
    t0 = time.perf_counter()
    for _ in pattern.finditer(text):
        pass
    return time.perf_counter() - t0


def pump_time(pattern: re.Pattern[str], attack: Attack, size: int, budget: float) -> float:
    """Worst scan time of ``prefix + pump * n + suffix`` as ``n`` grows to ``size``
    characters; stops as soon as a scan exceeds ``budget`` (returns that time)."""
    unit = max(1, len(attack.pump))
    top = max(1, (size - len(attack.prefix) - len(attack.suffix)) // unit)
    n = 2
    worst = 0.0
    while True:
        text = attack.prefix + attack.pump * n + attack.suffix
        t = _scan(pattern, text)
        worst = max(worst, t)
        if t > budget or n >= top:
            return worst
        # double while cheap; then grow by a quarter, so an exponential pattern is
        # stopped a few pumps past the budget instead of running for minutes
        n = min(top, n * 2 if t < 0.001 else max(n + 1, int(n * 1.25)))

"""Shared by the hardening tests, the fuzz target and the soak script.

* :func:`hostile_cases` -- hostile HTML/text inputs (deep nesting, attribute and
  entity bombs, NUL bytes, bad encodings, RTL/combining/zero-width text), each
  with the reason it is hostile, scalable from a quick ``make test`` size to the
  sizes named in issue 8 (``make soak``);
* :func:`discover_patterns` -- every compiled regex of the package (and every regex
  source string held in a registry dataclass) so new patterns are covered
  without editing the tests;
* :func:`sockets_blocked` -- a context manager under which opening a connection
  or resolving a name raises :class:`NetworkUsed`;
* :func:`cpu_factor` -- how slow this machine is right now against the machine
  the bounds were measured on (bounds are multiplied by it).
"""

from __future__ import annotations

import contextlib
import dataclasses
import importlib
import pkgutil
import re
import socket
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

ARTICLE = (
    "The council approved the harbour wall on Tuesday after residents said engineers had "
    "warned about winter storms for years. The mayor told reporters that the work would "
    "start in spring and last until the autumn, and that the cost would be shared. "
)
ARTICLE_HTML = "<p>" + ARTICLE * 3 + "</p>"


def page(body: str) -> str:
    return (
        "<!doctype html><html><head><title>Harbour wall</title></head><body><article>"
        + body
        + "</article></body></html>"
    )


@dataclass(frozen=True)
class HostileCase:
    """One hostile input: ``build(scale)`` makes it; ``scale`` 1.0 is the size
    issue 8 names (100,000 levels, a million attributes, 50 MB ...)."""

    id: str
    why: str
    build: Callable[[float], str | bytes]
    #: the article text must survive when the case is cleaned (not refused)
    keeps_article: bool = True


def _n(full: int, scale: float) -> int:
    return max(1, int(full * scale))


def hostile_cases() -> list[HostileCase]:
    a = ARTICLE_HTML
    lol = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(
            f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
            for i in range(1, 10)
        )
        + "]>"
    )
    zw = "\u200b"
    return [
        HostileCase("nested_div", "100,000 nested <div> around the article",
                    lambda s: page("<div>" * _n(100_000, s) + a + "</div>" * _n(100_000, s))),
        HostileCase("nested_unclosed", "100,000 <div> never closed",
                    lambda s: page(a + "<div>" * _n(100_000, s) + a)),
        HostileCase("nested_inline", "100,000 nested <b> before the article",
                    lambda s: page("<p>" + "<b>" * _n(100_000, s) + "x" + "</b>" * _n(100_000, s)
                                   + "</p>" + a)),
        HostileCase("nested_lists", "100,000 nested <ul><li>",
                    lambda s: page(a + "<ul><li>" * _n(100_000, s) + "x")),
        HostileCase("nested_tables", "10,000 nested tables",
                    lambda s: page(a + "<table><tr><td>" * _n(10_000, s) + "x")),
        HostileCase("million_attributes", "a million distinct attributes on one element",
                    lambda s: page("<div " + " ".join(
                        f'a{i}="{i}"' for i in range(_n(1_000_000, s))) + ">" + a + "</div>")),
        HostileCase("huge_attribute_value", "an 8 MB class attribute full of hint words",
                    lambda s: page('<div class="' + "related share " * _n(600_000, s) + '">' + a
                                   + "</div>")),
        HostileCase("entity_bomb", "billion-laughs entity declarations (must not expand)",
                    lambda s: lol + "<html><body><p>&lol9;</p>" + a + "</body></html>"),
        HostileCase("many_entities", "hundreds of thousands of character references",
                    lambda s: page("<p>" + "&amp;&lt;&#x41;&eacute;&nbsp;" * _n(300_000, s) + "</p>"
                                   + a)),
        HostileCase("comment_bomb", "a 5 MB comment",
                    lambda s: page("<!--" + "x -- y " * _n(700_000, s) + "-->" + a)),
        HostileCase("many_comments", "500,000 comments",
                    lambda s: page("<!-- c -->" * _n(500_000, s) + a)),
        HostileCase("unclosed_comment", "a comment that never ends", lambda s: page(a + "<!--" + a),
                    keeps_article=True),
        HostileCase("script_bomb", "an 8 MB script",
                    lambda s: page("<script>var a='<div>';" * _n(500_000, s) + "</script>" + a)),
        HostileCase("many_elements", "more elements than trafilatura handles in bounded time",
                    lambda s: page("<span>w</span>" * _n(200_000, s) + a), keeps_article=False),
        HostileCase("nul_bytes_html", "NUL bytes scattered through HTML bytes",
                    lambda s: page(a.replace(". ", ".\x00 ")).encode("utf-8")),
        HostileCase("nul_bytes_dense", "every other byte NUL (UTF-16 without BOM)",
                    lambda s: page(a).encode("utf-16-le"), keeps_article=False),
        HostileCase("invalid_utf8", "invalid UTF-8 sequences",
                    lambda s: page(a).encode() + b"\xff\xfe\xc3\x28\xed\xa0\x80" * _n(20_000, s)),
        HostileCase("mixed_encodings", "UTF-8, Latin-1 and Shift-JIS in one page",
                    lambda s: page(a).encode() + "Café résumé naïve".encode("latin-1") * 50
                    + "日本語のテキスト".encode("shift_jis") * _n(2_000, s)),
        HostileCase("wrong_declared_charset", "declares UTF-16, is UTF-8",
                    lambda s: ('<html><head><meta charset="utf-16"></head><body>' + a
                               + "</body></html>").encode()),
        HostileCase("lone_surrogates", "lone surrogates in a str input",
                    lambda s: page(a + "<p>x\ud800y\udfffz</p>")),
        HostileCase("rtl_override", "RTL overrides and Arabic text",
                    lambda s: page("<p>\u202e" + "المجلس وافق على بناء الجدار البحري. " * 50
                                   + "\u202c</p>" + a)),
        HostileCase("combining_marks", "thousands of combining marks (zalgo)",
                    lambda s: page("<p>" + "Z" + "\u0351\u0352\u0353\u0354\u0355" * _n(40_000, s)
                                   + "</p>" + a)),
        HostileCase("zero_width_spam_text", "zero-width characters inside spam headlines/emails",
                    lambda s: "Top 10 s" + zw + "h" + zw + "ocking facts\n\nWrite to j" + zw
                    + "ohn.doe@exa" + zw + "mple.com\n\n" + ARTICLE * 4),
        HostileCase("control_characters", "every C0 control character, repeated",
                    lambda s: "".join(chr(i) for i in range(1, 32) if i != 0) * _n(2_000, s)
                    + ARTICLE * 3),
        HostileCase("huge_text", "50 MB of plain text",
                    lambda s: ("The council approved the wall. \n\n" * _n(1_500_000, s)),
                    keeps_article=False),
        HostileCase("one_huge_line", "a 10 MB line without spaces",
                    lambda s: "x" * _n(10_000_000, s), keeps_article=False),
        HostileCase("empty", "empty input", lambda s: "", keeps_article=False),
        HostileCase("only_markup", "markup without any text",
                    lambda s: "<div></div>" * _n(1000, s), keeps_article=False),
    ]


# -- regex discovery ------------------------------------------------------------------------


@dataclass(frozen=True)
class FoundPattern:
    where: str
    pattern: re.Pattern[str]


_FLAG_LETTERS = {"i": re.I, "m": re.M, "s": re.S, "x": re.X}
_MAX_WALK_DEPTH = 6


def _flags_of(owner: Any) -> int:
    letters = getattr(owner, "flags", "")
    flags = 0
    if isinstance(letters, str):
        for ch in letters:
            flags |= _FLAG_LETTERS.get(ch, 0)
    return flags


def _walk(value: Any, where: str, out: dict[tuple[str, int], FoundPattern], depth: int,
          owner: Any, seen: set[int]) -> None:
    if depth > _MAX_WALK_DEPTH or id(value) in seen:
        return
    if isinstance(value, re.Pattern):
        if isinstance(value.pattern, str):
            out.setdefault((value.pattern, value.flags), FoundPattern(where, value))
        return
    if isinstance(value, (str, bytes, int, float, bool, type(None))):
        return
    seen.add(id(value))
    if isinstance(value, dict):
        for k, v in value.items():
            _walk(v, f"{where}[{k!r}]", out, depth + 1, owner, seen)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for i, v in enumerate(value):
            _walk(v, f"{where}[{i}]", out, depth + 1, owner, seen)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        label = getattr(value, "name", None)
        if isinstance(label, str):
            where = f"{where}<{label}>"
        for f in dataclasses.fields(value):
            v = getattr(value, f.name, None)
            if f.name in ("regex", "pattern") and isinstance(v, str):
                # a registry entry holding regex source (compiled later by an engine)
                flags = _flags_of(owner) | _flags_of(value)
                try:
                    compiled = re.compile(v, flags)
                except re.error:
                    continue
                out.setdefault((v, flags), FoundPattern(f"{where}.{f.name}", compiled))
            else:
                _walk(v, f"{where}.{f.name}", out, depth + 1, value, seen)


def cleaner_modules() -> list[str]:
    import cleaner

    names = ["cleaner"]
    for info in pkgutil.walk_packages(cleaner.__path__, "cleaner."):
        names.append(info.name)
    return sorted(names)


#: modules whose import needs an optional dependency that may be absent
OPTIONAL_MODULES = ("cleaner.integrations", "cleaner.batch.dask_engine")


def discover_patterns() -> tuple[list[FoundPattern], list[str]]:
    """Every ``re.Pattern`` reachable from a ``cleaner`` module's globals (directly or
    inside tuples/lists/dicts/dataclass instances), plus regex source strings held in
    dataclass fields named ``regex``/``pattern`` (compiled with the owner's ``flags``).
    Returns ``(patterns, modules that could not be imported)``."""
    out: dict[tuple[str, int], FoundPattern] = {}
    failed: list[str] = []
    for name in cleaner_modules():
        try:
            module = importlib.import_module(name)
        except ImportError:
            if name.startswith(OPTIONAL_MODULES):
                continue
            failed.append(name)
            continue
        seen: set[int] = set()
        for attr, value in vars(module).items():
            if attr.startswith("__"):
                continue
            if isinstance(value, type) or (callable(value) and not isinstance(value, re.Pattern)):
                # classes: their class-level attributes hold patterns too
                if isinstance(value, type) and value.__module__ == name:
                    for cattr, cvalue in vars(value).items():
                        _walk(cvalue, f"{name}.{attr}.{cattr}", out, 1, value, seen)
                continue
            _walk(value, f"{name}.{attr}", out, 0, None, seen)
    return sorted(out.values(), key=lambda p: p.where), failed


# -- network ---------------------------------------------------------------------------------


class NetworkUsed(AssertionError):
    """Raised when code under :func:`sockets_blocked` tries to use the network."""


@contextlib.contextmanager
def sockets_blocked() -> Iterator[list[str]]:
    """Block ``socket.connect``/``connect_ex``, ``create_connection`` and name
    resolution; yields the list of attempts (also raised as :class:`NetworkUsed`)."""
    attempts: list[str] = []

    def refuse(what: str) -> Callable[..., Any]:
        def blocked(*args: Any, **kwargs: Any) -> Any:
            target = args[1] if what.startswith("socket.") and len(args) > 1 else args[:1]
            attempts.append(f"{what}({target!r})")
            raise NetworkUsed(f"network use during cleaning: {what}({target!r})")

        return blocked

    targets: list[tuple[Any, str, str]] = [
        (socket.socket, "connect", "socket.connect"),
        (socket.socket, "connect_ex", "socket.connect_ex"),
        (socket, "create_connection", "create_connection"),
        (socket, "getaddrinfo", "getaddrinfo"),
        (socket, "gethostbyname", "gethostbyname"),
    ]
    saved = [(owner, attr, getattr(owner, attr)) for owner, attr, _ in targets]
    for owner, attr, label in targets:
        setattr(owner, attr, refuse(label))
    try:
        yield attempts
    finally:
        for owner, attr, original in saved:
            setattr(owner, attr, original)


# -- timing ------------------------------------------------------------------------------------

#: seconds :func:`_calibration_work` took on the machine the bounds were set on
REFERENCE_CALIBRATION_S = 0.060


def _calibration_work() -> float:
    pat = re.compile(r"(\w+)\s+(\w+)")
    text = "harbour wall " * 20_000
    t0 = time.perf_counter()
    for _ in range(3):
        pat.findall(text)
        sum(len(w) for w in text.split())
    return time.perf_counter() - t0


def cpu_factor() -> float:
    """>= 1: how much slower this machine is right now than the reference."""
    best = min(_calibration_work() for _ in range(3))
    return max(1.0, best / REFERENCE_CALIBRATION_S)


# -- adversarial inputs for a regex ------------------------------------------------------------

try:  # Python 3.11+: the parser moved
    import re._parser as _sre_p
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _sre_p  # type: ignore[no-redef,unused-ignore]

_CATEGORY_SAMPLES = {
    "CATEGORY_DIGIT": "7",
    "CATEGORY_NOT_DIGIT": "a",
    "CATEGORY_SPACE": " \t\n",
    "CATEGORY_NOT_SPACE": "a.",
    "CATEGORY_WORD": "aZ7_é",
    "CATEGORY_NOT_WORD": " .-",
}


def _scan(parsed: Any, chars: list[str], literals: list[str]) -> None:
    """Collect characters the pattern's classes accept and its literal runs."""
    run: list[str] = []
    for op, av in parsed:
        name = str(op)
        if name == "LITERAL":
            ch = chr(av)
            chars.append(ch)
            run.append(ch)
            continue
        if run:
            literals.append("".join(run))
            run = []
        if name == "IN":
            for iop, iav in av:
                iname = str(iop)
                if iname == "LITERAL":
                    chars.append(chr(iav))
                elif iname == "RANGE":
                    lo, hi = iav
                    chars.extend({chr(lo), chr(hi), chr((lo + hi) // 2)})
                elif iname == "CATEGORY":
                    chars.extend(_CATEGORY_SAMPLES.get(str(iav), ""))
        elif name == "CATEGORY":
            chars.extend(_CATEGORY_SAMPLES.get(str(av), ""))
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            _scan(av[2], chars, literals)
        elif name == "SUBPATTERN":
            _scan(av[-1], chars, literals)
        elif name in ("ASSERT", "ASSERT_NOT"):
            _scan(av[1], chars, literals)
        elif name == "BRANCH":
            for branch in av[1]:
                _scan(branch, chars, literals)
        elif name == "GROUPREF_EXISTS":
            for sub in av[1:]:
                if sub is not None:
                    _scan(sub, chars, literals)
        elif name == "ATOMIC_GROUP":
            _scan(av, chars, literals)
        elif name == "ANY":
            chars.extend("a .")
    if run:
        literals.append("".join(run))


def adversarial_inputs(pattern: re.Pattern[str], size: int) -> dict[str, str]:
    """Inputs of about ``size`` characters built to make ``pattern`` backtrack: long runs of
    characters its classes accept, two-character alternations, its literal pieces
    repeated with near-miss fillers between them, and a seeded mix of all of them."""
    import random

    chars: list[str] = []
    literals: list[str] = []
    with contextlib.suppress(re.error, TypeError, ValueError):  # a pattern we cannot parse
        _scan(_sre_p.parse(pattern.pattern, pattern.flags), chars, literals)
    uniq = list(dict.fromkeys(c for c in chars if c))
    rng = random.Random(hash(pattern.pattern) & 0xFFFF)
    picked = uniq if len(uniq) <= 12 else rng.sample(uniq, 12)
    out: dict[str, str] = {}
    for ch in picked:
        out[f"run {ch!r}"] = ch * size
    for i in range(min(6, len(picked) - 1)):
        pair = picked[i] + picked[i + 1]
        out[f"pair {pair!r}"] = pair * (size // 2)
    lits = sorted(set(literals), key=len, reverse=True)[:8]
    fill = "".join(picked[:4]) or "a"
    for lit in lits:
        for filler in (fill * 8, "a" * 40 + " ", "1" * 20):
            unit = lit + filler
            out[f"near-miss {lit[:20]!r}+{filler[:8]!r}"] = unit * max(1, size // len(unit))
        out[f"repeat {lit[:20]!r}"] = (lit * (size // max(1, len(lit)) + 1))[:size]
    if uniq:
        out["mix"] = "".join(rng.choice(uniq) for _ in range(size))
    return out


def scan_time(pattern: re.Pattern[str], text: str) -> float:
    """Seconds to run ``finditer`` over ``text`` to the end (what the engines do)."""
    t0 = time.perf_counter()
    for _ in pattern.finditer(text):
        pass
    return time.perf_counter() - t0

"""``tame_markup`` split at ``<`` gives what its regex walk gave (issue #13): the walk it
replaced is written out here (not taken from the module) and both run on planted
inputs, each row with the reason it is there, and on generated markup."""

from __future__ import annotations

import gzip
import re

import pytest
from conftest import require_shared
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.detect import (
    _FLAT_TAGS,
    MAX_MARKUP_DEPTH,
    MAX_TAG_CHARS,
    _cut_attributes,
    _nesting_stays_below,
    byte_codes,
    delimiters,
    tame_markup,
)

_SLOW_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]{0,40})([^<>]*)>")


def walk_depth(html: str) -> int:
    """The deepest nesting the regex walk reaches (nothing dropped)."""
    depth = deepest = 0
    for m in _SLOW_TAG.finditer(html):
        closing, name, rest = m.group(1), m.group(2).lower(), m.group(3)
        if closing:
            if depth > 0 and name not in _FLAT_TAGS:
                depth -= 1
        elif name not in _FLAT_TAGS and not rest.rstrip().endswith("/"):
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def tamed_both_ways(html: str) -> tuple[tuple[str, dict[str, int]], tuple[str, dict[str, int]]]:
    """``tame_markup`` by its walk and with the bytes (the bound, when it decides)."""
    return tame_markup(html), tame_markup(html, html.encode("utf-8", "surrogatepass"))


def slow_tame(html: str) -> tuple[str, dict[str, int]]:
    """The regex walk ``tame_markup`` was before it split the text at ``<``."""
    counts = {"flattened_tags": 0, "stripped_tags": 0}
    if html.count("<") <= MAX_MARKUP_DEPTH and len(html) <= MAX_TAG_CHARS:
        return html, counts
    parts: list[str] = []
    pos = depth = 0
    dropped: dict[str, int] = {}
    for m in _SLOW_TAG.finditer(html):
        closing, name, rest = m.group(1), m.group(2).lower(), m.group(3)
        replacement: str | None = None
        if closing:
            if dropped.get(name):
                dropped[name] -= 1
                replacement = ""
            elif depth > 0 and name not in _FLAT_TAGS:
                depth -= 1
        else:
            nests = name not in _FLAT_TAGS and not rest.rstrip().endswith("/")
            if nests and depth >= MAX_MARKUP_DEPTH:
                dropped[name] = dropped.get(name, 0) + 1
                counts["flattened_tags"] += 1
                replacement = " "
            else:
                if nests:
                    depth += 1
                if m.end() - m.start() > MAX_TAG_CHARS:
                    counts["stripped_tags"] += 1
                    replacement = f"<{name}{_cut_attributes(rest)}>"
        if replacement is not None:
            parts.append(html[pos : m.start()])
            parts.append(replacement)
            pos = m.end()
    if pos == 0:
        return html, counts
    parts.append(html[pos:])
    return "".join(parts), counts


N = MAX_TAG_CHARS
D = MAX_MARKUP_DEPTH
PAD = "<br>" * (D + 1)  # enough '<' for the walk to run at all
ROWS = [
    ("<p>short</p>", {"flattened_tags": 0, "stripped_tags": 0}, "nothing to do"),
    (f'<div class="{"a" * N}">x</div>', {"flattened_tags": 0, "stripped_tags": 1},
     "one long start tag"),
    (f'<div class="{"a" * (N - 14)}">x</div>' + PAD, {"flattened_tags": 0, "stripped_tags": 0},
     "a start tag of exactly MAX_TAG_CHARS characters stays"),
    (f'<div class="{"a" * (N - 13)}">x</div>' + PAD, {"flattened_tags": 0, "stripped_tags": 1},
     "one character longer is stripped"),
    (f'</div class="{"a" * N}">' + PAD, {"flattened_tags": 0, "stripped_tags": 0},
     "a long end tag is never stripped"),
    ("<div>" * (D + 5) + "deep" + "</div>" * (D + 5), {"flattened_tags": 5, "stripped_tags": 0},
     "nesting past the limit is flattened, its end tags dropped"),
    ("<p>" * (D + 5) + "flat" + PAD, {"flattened_tags": 0, "stripped_tags": 0},
     "p is closed by its sibling: no nesting"),
    ("<div/>" * (D + 5) + PAD, {"flattened_tags": 0, "stripped_tags": 0},
     "self-closed tags do not nest"),
    ("</span>" * 10 + "<div>" * (D + 1) + PAD, {"flattened_tags": 1, "stripped_tags": 0},
     "stray end tags at depth 0 do not go below it"),
    ("<div " + "a" * (2 * N) + "<div>" * (D + 1) + PAD, {"flattened_tags": 1, "stripped_tags": 0},
     "a '<' before any '>' ends no tag: the text is no tag"),
    ("< div>" * (D + 2) + "<3>" + "</>" + "<//p>" + PAD, {"flattened_tags": 0, "stripped_tags": 0},
     "'< ', '<3', '</>' and '<//' start no tag"),
    ("<DIV>" * (D + 1) + "</Div>" * (D + 1), {"flattened_tags": 1, "stripped_tags": 0},
     "names are compared lower-cased"),
    ("<" + "a" * 60 + ">" * 2 + "<div>" * (D + 1), {"flattened_tags": 2, "stripped_tags": 0},
     "a name longer than 41 characters (the rest is attributes) nests too"),
    ('<div class="' + "\u4e2d" * N + '">' + PAD, {"flattened_tags": 0, "stripped_tags": 1},
     "non-ASCII attribute values count in characters"),
    ("\u00e9\u4e2d<br>" * D + ('<b title="' + "\u00e9" * N + '">\u4e2d') * 5,
     {"flattened_tags": 0, "stripped_tags": 5},
     "several long tags after non-ASCII text: each found where it is"),
    ("text <div>" * 3 + f'<img src="{"x" * N}">' + "<div" * 2, {"flattened_tags": 0,
                                                                 "stripped_tags": 1},
     "a run to the end without '>' is no tag"),
]


@pytest.mark.parametrize(("html", "counts", "reason"), ROWS)
def test_tame_matches_the_regex_walk(html: str, counts: dict[str, int], reason: str) -> None:
    walked, on_bytes = tamed_both_ways(html)
    assert walked[1] == counts, reason
    assert walked == slow_tame(html), reason
    assert on_bytes == walked, reason


_PIECES = st.sampled_from([
    "<div>", "</div>", "<p>", "</p>", "<br/>", "<span class='x'>", "</span>", "<DIV>",
    "< x>", "<3", "</>", "<!-- c -->", ">", "<", "text ", "\u00e9\u4e2d ", "/", "<a",
    "<img src='" + "y" * (N // 2) + "'>", "<div title='" + "z" * (N + 5) + "'>",
])


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, min_size=0, max_size=40), st.integers(0, D + 3))
def test_tame_matches_the_regex_walk_on_generated_markup(pieces: list[str], deep: int) -> None:
    html = "<div>" * deep + "".join(pieces) + "<i>" * (D // 2)
    expected = slow_tame(html)
    assert tamed_both_ways(html) == (expected, expected)


_SMALL = st.sampled_from([
    "<div>", "</div>", "<p>", "</p>", "<br/>", "</br>", "<Span>", "</SPAN>", "</sp", "</a>",
    "<a>", "</b>", "</br", "</d>", "</dd>", "</di>", "</h1>", "</th>", "</thead>", "</ta>",
    "<", ">", "</", "x", "</x:y>", "</1>", "<div/>", "<img src=a/>", "</area>", "</article>",
    "\u00e9",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(_SMALL, min_size=0, max_size=30), st.integers(1, 8))
def test_nesting_bound_never_misses_depth(pieces: list[str], limit: int) -> None:
    """When the bytes bound says the walk stays under ``limit``, it does."""
    html = "".join(pieces)
    codes = byte_codes(html.encode("utf-8"))
    if _nesting_stays_below(codes, delimiters(codes), limit):
        assert walk_depth(html) < limit


BOUND_ROWS = [
    ("<div>" * 3 + "</div>" * 3, 4, True, "three levels under a limit of four"),
    ("<div>" * 4, 4, False, "four levels reach it"),
    ("<div></div>" * 10, 2, True, "closed at once: one level"),
    ("<p>" * 10 + "<BR>" * 10 + "<td class=x>" * 10, 2, True, "flat start tags do not count"),
    ("<div/>" * 10 + "<svg />" * 10, 2, True, "self-closed start tags do not count"),
    ("<image>" * 3 + "<img>", 3, False, "'image' is not the flat 'img'"),
    ("<div" * 10 + "<a>", 2, True, "a start tag without '>' is no tag"),
    ("<div>" * 3 + "</DIV>" * 3 + "<div>" * 3, 4, True, "upper-case end tags count"),
    ("<div>" * 3 + "</p>" * 3 + "<div>", 4, False, "a flat end tag closes nothing"),
    ("<div>" * 3 + "</div" * 3 + "<div>", 4, False, "an end tag without '>' is no tag"),
    ("<div>" * 3 + "</article>" * 3 + "<div>", 4, False, "'ar' may be area (flat): not counted"),
]


@pytest.mark.parametrize(("html", "limit", "below", "reason"), BOUND_ROWS)
def test_nesting_bound_rows(html: str, limit: int, below: bool, reason: str) -> None:
    codes = byte_codes(html.encode("utf-8"))
    assert _nesting_stays_below(codes, delimiters(codes), limit) is below, reason


@pytest.mark.shared
def test_tame_matches_the_regex_walk_on_benchmark_pages() -> None:
    html_dir = require_shared("data", "article-extraction-benchmark", "html")
    for path in sorted(html_dir.glob("*.html.gz"))[::6]:
        html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        expected = slow_tame(html)
        assert tamed_both_ways(html) == (expected, expected), path.name

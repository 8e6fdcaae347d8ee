"""The extract stage's fast paths around page signals and markup hints give the answers
of the code they replaced (issue #13): planted inputs, hostile ones included, each row
with the reason it is there. The references are written out here, not imported."""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

from cleaner.extract import (
    _HINT_DEPTH,
    _HINT_TAGS,
    _KEY_CHARS,
    _MAX_HINT_CHARS,
    _containers,
    _html_parser,
    _own_hints,
    _parse_bytes,
    collect_markup,
    norm_key,
)
from cleaner.model import Markup
from cleaner.pagekind import flat_len, text_of

#: ``normalize.flatten`` as it was first written (a regex), for ``flat_len``
_SLOW_WS = re.compile(r"\s+")


def _slow_flat_len(text: str) -> int:
    return len(_SLOW_WS.sub(" ", text).strip())


FLAT_ROWS = [
    ("", 0, "empty"),
    ("   \n\t ", 0, "white space only"),
    ("one", 3, "one word"),
    ("  two  words \n", 9, "runs and ends trimmed"),
    ("a\u00a0b\u2003c", 5, "no-break and em spaces are white space"),
    ("x\x1cy\x1fz", 5, "the C0 separators are str.isspace"),
    ("\u200bzero\u200bwidth", 11, "U+200B is not white space"),
    ("日本語 テキスト", 8, "CJK: characters and one space"),
]


@pytest.mark.parametrize(("text", "expected", "reason"), FLAT_ROWS)
def test_flat_len_is_the_length_of_the_flattened_text(
    text: str, expected: int, reason: str
) -> None:
    assert flat_len(text) == expected, reason
    assert _slow_flat_len(text) == expected, reason


def test_flat_len_on_random_white_space_mixtures() -> None:
    rng = random.Random(5)
    pieces = ["a", "bc", " ", "  ", "\n", "\t", "\u00a0", "\u3000", "\x0b", "\x85", "é", "\u2028"]
    for _ in range(5_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        assert flat_len(text) == _slow_flat_len(text), repr(text)


def _tree(markup: str) -> Any:
    tree = _parse_bytes(markup.encode("utf-8"), _html_parser())
    assert tree is not None
    return tree


TEXT_ROWS = [
    ("<p>plain</p>", "p", "plain", "a leaf"),
    ("<p></p>", "p", "", "empty: .text is None"),
    ("<p>a<b>b</b>c</p>", "p", "abc", "children and tails"),
    ("<p>x<!-- gone -->y</p>", "p", "xy", "the parser drops comments: one text node"),
    ("<p>&amp;&lt;&#169;&unknown;</p>", "p", "&<\u00a9&unknown;", "entities"),
    ("<script>if (a < b) { x = '</p>'; }</script>", "script", "if (a < b) { x = '</p>'; }",
     "script text is raw"),
    ("<style>p{}</style>", "style", "p{}", "style"),
    ("<noscript><p>js</p> off</noscript>", "noscript", "js off", "noscript with a child"),
    ("<template><p>t</p></template>", "template", "t", "template with a child"),
    ("<p>" + "w " * 50_000 + "</p>", "p", "w " * 50_000, "a huge text"),
    ("<p>tail test</p>after", "p", "tail test", "its own tail is not its text"),
]


@pytest.mark.parametrize(("markup", "tag", "expected", "reason"), TEXT_ROWS)
def test_text_of_is_text_content(markup: str, tag: str, expected: str, reason: str) -> None:
    el = next(_tree(markup).iter(tag))
    assert text_of(el) == expected, reason
    assert el.text_content() == expected, reason


def _reference_containers(el: Any, cache: dict[Any, tuple[str, ...]]) -> tuple[str, ...]:
    """``extract._containers`` as it was on main 0cb8106 (every ancestor walked for
    every element)."""
    found: list[str] = []
    node: Any = el
    for _ in range(_HINT_DEPTH):
        if node is None or not isinstance(node.tag, str):
            break
        own = cache.get(node)
        if own is None:
            own = cache[node] = _own_hints(node)
        found.extend(own)
        node = node.getparent()
    return tuple(dict.fromkeys(found))


def _reference_collect_markup(tree: Any, wanted: set[str] | None) -> dict[str, Markup]:
    """``collect_markup`` as it was on main 6c85fde (``text_content()`` on every element)."""
    hints: dict[str, Markup] = {}
    cache: dict[Any, tuple[str, ...]] = {}
    firsts = None if wanted is None else {k.split(" ", 1)[0] for k in wanted}
    for el in tree.iter(*_HINT_TAGS):
        text = el.text_content()
        if not text or len(text) > _MAX_HINT_CHARS:
            continue
        if firsts is not None:
            words = text.split(None, 1)
            if not words or words[0].casefold()[:_KEY_CHARS] not in firsts:
                continue
        key = norm_key(text)
        if not key or key in hints or (wanted is not None and key not in wanted):
            continue
        if el.tag == "a":
            density = 1.0
        else:
            linked = sum(len(a.text_content().strip()) for a in el.iter("a"))
            density = min(1.0, linked / max(1, len(text.strip())))
        hints[key] = Markup(tag=el.tag, link_density=round(density, 3),
                            containers=_reference_containers(el, cache))
    return hints


#: (page, wanted keys, keys found, why): elements with and without children, leading text
#: that is or is not a whole word, case folding, the length limit
HINT_ROWS = [
    ("<div class='related'><p>Read <a>more</a> here</p></div>", {"read more here"},
     {"read more here"}, "leading word complete before a child"),
    ("<p>Hel<b>lo</b> world</p>", {"hello world"}, {"hello world"},
     "leading text is part of a longer word"),
    ("<p>  <b>Bold</b> start</p>", {"bold start"}, {"bold start"},
     "leading text is white space only"),
    ("<p>Stra\u00dfe <i>eins</i></p>", {"strasse eins"}, {"strasse eins"},
     "case folding makes the word longer (\u00df)"),
    ("<li>ONE <a href='/'>two</a></li>", {"one two"}, {"one two"}, "case differs"),
    ("<p>Other words <b>here</b></p><p>Kept <b>here</b></p>", {"kept here"}, {"kept here"},
     "an unwanted first word is skipped, the wanted one found"),
    ("<p>Kept\u00a0<b>x</b></p>", {"kept x"}, {"kept x"}, "a no-break space ends the word"),
    ("<p>Kept<br>next</p>", {"keptnext"}, {"keptnext"}, "a <br> child is no space"),
    ("<p>Long <b>" + "x " * 300 + "</b></p>", {"long"}, set(),
     "over the hint length: skipped either way"),
    ("<p>a <a>link</a></p><p>a <a>link</a> again</p>", {"a link"}, {"a link"},
     "the first element with a key wins"),
]


@pytest.mark.parametrize(("markup", "wanted", "found", "reason"), HINT_ROWS)
def test_collect_markup_keeps_the_reference_result(
    markup: str, wanted: set[str], found: set[str], reason: str
) -> None:
    tree = _tree("<html><body>" + markup + "</body></html>")
    got = collect_markup(tree, wanted=wanted)
    assert set(got) == found, reason
    assert got == _reference_collect_markup(tree, wanted), reason
    assert collect_markup(tree) == _reference_collect_markup(tree, None), reason


def test_collect_markup_on_a_random_page_matches_the_reference() -> None:
    rng = random.Random(11)
    words = ["Read", "more", "ß", "İstanbul", "x", "Share", "", " ", "\u00a0", "news"]
    tags = ["p", "li", "a", "h2", "td", "span", "b", "div"]

    def element(depth: int) -> str:
        tag = rng.choice(tags)
        inner = "".join(
            rng.choice(words) + (" " if rng.random() < 0.5 else "")
            if rng.random() < 0.6 or depth > 3 else element(depth + 1)
            for _ in range(rng.randint(0, 4))
        )
        return f"<{tag} class='{rng.choice(['related', 'x', 'nav'])}'>{inner}</{tag}>"

    for _ in range(150):
        tree = _tree("<html><body>" + "".join(element(0) for _ in range(12)) + "</body></html>")
        keys = {norm_key(el.text_content()) for el in tree.iter(*_HINT_TAGS)} - {""}
        wanted = set(rng.sample(sorted(keys), k=len(keys) // 2))
        assert collect_markup(tree, wanted=wanted) == _reference_collect_markup(tree, wanted)


#: (page, tag whose first element is asked, its container hints, why): the parent's
#: chain shared by siblings must give what walking every ancestor gave
CONTAINER_ROWS = [
    ("<div class='related'><ul class='share'><li class='nav'>a</li><li>b</li></ul></div>",
     "li", ("nav", "share", "related"), "own hint first, then the ancestors nearest first"),
    ("<div class='share'><ul class='related'><li class='share'>a</li></ul></div>", "li",
     ("share", "related"), "a token repeated up the chain is kept once, at its first place"),
    ("<nav class='nav'><p>x</p></nav>", "p", ("nav",), "a tag hint and the same class token"),
    ("<p>plain</p>", "p", (), "no hint anywhere"),
    ("<div class='related'>" + "<div>" * (_HINT_DEPTH - 1) + "<p>x</p>" + "</div>" * 9
     + "</div>", "p", (), "the hinted ancestor is one level too far"),
    ("<div class='related'>" + "<div>" * (_HINT_DEPTH - 2) + "<p>x</p>" + "</div>" * 8
     + "</div>", "p", ("related",), "the hinted ancestor is the last one read"),
    ("<html><body class='sidebar'><p class='promo promo'>x</p></body></html>", "p",
     ("promo", "sidebar"), "a token twice in one class attribute, and <body>"),
]


@pytest.mark.parametrize(("markup", "tag", "expected", "reason"), CONTAINER_ROWS)
def test_containers_from_the_parent_chain(
    markup: str, tag: str, expected: tuple[str, ...], reason: str
) -> None:
    tree = _tree(markup if markup.startswith("<html") else "<html><body>" + markup
                 + "</body></html>")
    el = next(tree.iter(tag))
    assert _containers(el, {}, {}) == expected, reason
    assert _reference_containers(el, {}) == expected, reason


def test_containers_of_every_element_of_random_pages_match_the_reference() -> None:
    """Shared caches, every element asked in document order (as collect_markup does)."""
    rng = random.Random(23)
    classes = ["related", "share nav", "x", "", "promo related", "footer-links", "menu"]
    tags = ["div", "ul", "li", "p", "section", "nav", "aside", "td", "span"]

    def element(depth: int) -> str:
        tag = rng.choice(tags)
        inner = "".join("t" if rng.random() < 0.3 or depth > 14 else element(depth + 1)
                        for _ in range(rng.randint(0, 3)))
        return f"<{tag} class='{rng.choice(classes)}' id='{rng.choice(classes)}'>{inner}</{tag}>"

    for _ in range(100):
        tree = _tree("<html><body>" + "".join(element(0) for _ in range(6)) + "</body></html>")
        cache: dict[Any, tuple[str, ...]] = {}
        chains: dict[Any, tuple[str, ...]] = {}
        for el in tree.iter():
            assert _containers(el, cache, chains) == _reference_containers(el, {})


#: (page, expected signal values, why): what the one tag walk of ``page_signals`` must
#: read as the separate walks did
SIGNAL_ROWS = [
    ("<html><head><meta property='og:type' content=''><meta name='og:type' content='product'>"
     "</head><body><p>x</p></body></html>",
     {"og_type": "", "p_count": 1}, "the first og:type wins, even when empty"),
    ("<html><head><meta name='OG:TYPE' content=' Article '></head><body></body></html>",
     {"og_type": "article"}, "og:type by name, any case, content trimmed and lowered"),
    ("<html><head><script type='application/ld+json'>{\"@type\": \"NewsArticle\", "
     "\"articleBody\": \"a  b\"}</script></head><body><script type=' Application/LD+JSON '>"
     "[{\"@type\": [\"Product\", \"newsarticle\"]}]</script><script>var x;</script>"
     "<script type='application/ld+json'>{broken</script></body></html>",
     {"ld_types": ("newsarticle", "product"), "ld_body_chars": 3},
     "JSON-LD types in document order, deduplicated; broken and plain scripts skipped"),
    ("<html><body><article><p>one two</p><p> </p><pre>c</pre></article><article>"
     "<pre><p>in pre</p></pre></article></body></html>",
     {"articles": 2, "code_blocks": 2, "p_count": 2, "p_chars": 13},
     "counts of articles, code blocks and non-empty paragraphs"),
]


@pytest.mark.parametrize(("markup", "expected", "reason"), SIGNAL_ROWS)
def test_page_signals_one_walk(markup: str, expected: dict[str, Any], reason: str) -> None:
    from cleaner.pagekind import page_signals

    got = page_signals(_tree(markup)).to_dict()
    for key, value in expected.items():
        want = list(value) if isinstance(value, tuple) else value
        assert got[key] == want, (reason, key)

"""The extract stage's cheap pre-checks give the answers of the slow ones they replaced
(issue #13): planted inputs, each row with the reason it is there."""

from __future__ import annotations

import re
import sys

import lxml.html
import pytest

from cleaner import Cleaner
from cleaner.detect import MAX_MARKUP_DEPTH, MAX_TAG_CHARS, byte_codes, to_text, utf8
from cleaner.extract import (
    _TOO_DEEP,
    _XML_ILLEGAL,
    _has_long_tag,
    _has_xml_illegal,
    _html_parser,
    _parse_bytes,
    _skip_unused_backup,
    page_measure_bound,
    parse_checked,
)

#: the check the bytes test replaced, written out here (not taken from the module)
_SLOW_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SLOW_LONG = re.compile(r"<[A-Za-z][^<>]{" + str(MAX_TAG_CHARS) + "}")
_SLOW_DEEP = f"boolean(//*[count(ancestor::*) >= {MAX_MARKUP_DEPTH}])"

ILLEGAL_ROWS = [
    ("<p>plain ascii</p>", False, "nothing to find"),
    ("<p>tab\tnewline\ncr\r</p>", False, "tab, LF and CR are allowed"),
    ("<p>bell\x07</p>", True, "a C0 control"),
    ("<p>nul\x00</p>", True, "NUL"),
    ("<p>vt\x0b ff\x0c</p>", True, "VT and FF are illegal in XML"),
    ("<p>unit\x1f</p>", True, "the last C0 control"),
    ("<p>space \x20 del \x7f</p>", False, "space and DEL are legal"),
    ("<p>\ufffe</p>", True, "U+FFFE"),
    ("<p>\uffff</p>", True, "U+FFFF"),
    ("<p>\ufffd \ufeff \uffef</p>", False, "neighbours of the non-characters"),
    ("<p>caf\u00e9 \u4e2d\u6587 \U0001f600</p>", False, "multi-byte characters hold no C0 byte"),
    ("<p>\ud800 lone surrogate</p>", False, "a lone surrogate (surrogatepass) is not C0"),
    ("<p>\u00ff latin-1 only</p>", False, "one-byte storage: the non-characters cannot be in it"),
    ("<p>\U0001f600 wide \uffff</p>", True, "four-byte storage with U+FFFF"),
    ("<p>\U0001f600 wide \ufffe</p>", True, "four-byte storage with U+FFFE"),
    ("<p>\u4e2d\x1f</p>", True, "two-byte storage with a C0 control"),
]


@pytest.mark.parametrize(("markup", "expected", "reason"), ILLEGAL_ROWS)
def test_xml_illegal_on_bytes_matches_regex(markup: str, expected: bool, reason: str) -> None:
    data = markup.encode("utf-8", "surrogatepass")
    assert _has_xml_illegal(markup, data) is expected, reason
    assert _has_xml_illegal(markup, data, byte_codes(data)) is expected, reason
    assert bool(_SLOW_ILLEGAL.search(markup)) is expected, reason
    assert bool(_XML_ILLEGAL.search(markup)) is expected, reason


N = MAX_TAG_CHARS
LONG_ROWS = [
    (f'<div class="{"a" * (N - 20)}">x</div>', False, "ASCII tag just under the limit"),
    (f'<div class="{"a" * N}">x</div>', True, "ASCII tag over the limit"),
    ('<div class="' + "\u00e9" * (N - 20) + '">x</div>', False,
     "2-byte characters: over the limit in bytes, under it in characters"),
    ('<div class="' + "\u4e2d" * N + '">x</div>', True, "3-byte characters over the limit"),
    (f'<p>{"a" * (2 * N)}</p>', False, "long text is not a long tag"),
    (f'<1{"a" * (2 * N)}>', False, "not a tag name"),
    ("<p>short</p>", False, "shorter than the limit altogether"),
    ("x" * N + "<p>", False, "long, but the text before the only tag is no tag"),
    (f'<d{"a" * (N - 1)}>', False, "the letter and N - 1 characters: one short"),
    (f'<d{"a" * N}>', True, "the letter and N characters: the pattern's length"),
    (f'<d{"a" * N}', True, "a run to the end of the input, no closing '>'"),
    (f'<d{"a" * (N - 1)}<{"a" * N}', False, "two runs, each short, cut by a '<'"),
    (f'<d{"a" * (N - 1)}>{"a" * N}>', False, "a '>' ends the run: the text after is no tag"),
    ("<\u00e9" + "a" * (2 * N) + ">", False, "a non-ASCII letter is not [A-Za-z]"),
    ("<d" + "\ud800" * (N // 2) + "a" * (N // 2) + ">", True,
     "lone surrogates (three bytes each under surrogatepass) are one character each"),
    ("<d" + "\ud800" * (N // 2) + "a" * (N // 2 - 1) + ">", False,
     "lone surrogates, one character short"),
    (f'<p>x</p><div class="{"a" * N}">', True, "a long tag after short ones"),
]


@pytest.mark.parametrize(("markup", "expected", "reason"), LONG_ROWS)
def test_long_tag_on_bytes_matches_regex(markup: str, expected: bool, reason: str) -> None:
    data = markup.encode("utf-8", "surrogatepass")
    assert _has_long_tag(markup, data) is expected, reason
    assert _has_long_tag(markup, data, byte_codes(data)) is expected, reason
    assert bool(_SLOW_LONG.search(markup)) is expected, reason


@pytest.mark.parametrize(
    ("depth", "reason"),
    [
        (MAX_MARKUP_DEPTH - 3, "html/body plus divs one under the limit"),
        (MAX_MARKUP_DEPTH - 2, "exactly at the limit"),
        (MAX_MARKUP_DEPTH + 50, "well over the limit"),
        (5, "an ordinary page"),
    ],
)
def test_too_deep_fixed_path_matches_ancestor_count(depth: int, reason: str) -> None:
    markup = "<html><body>" + "<div>" * depth + "x" + "</div>" * depth + "</body></html>"
    tree = _parse_bytes(markup.encode(), _html_parser())
    assert tree is not None
    assert tree.xpath(_TOO_DEEP) == tree.xpath(_SLOW_DEEP), reason
    # and as a fragment root (lxml.html.fromstring may return the body's only child)
    frag = _parse_bytes(("<div>" * depth + "x" + "</div>" * depth).encode(), _html_parser())
    assert frag is not None
    assert frag.xpath(_TOO_DEEP) == frag.xpath(_SLOW_DEEP), reason


def test_too_deep_page_is_tamed_with_a_finding() -> None:
    depth = MAX_MARKUP_DEPTH + 10
    markup = "<html><body>" + "<div>" * depth + "deep text" + "</div>" * depth + "</body></html>"
    findings: list = []
    tree = parse_checked(markup, findings)
    assert tree is not None and "deep text" in tree.text_content()
    assert [f.rule for f in findings] and all(f.category == "markup" for f in findings)


def test_parsed_elements_are_html_elements() -> None:
    tree = _parse_bytes(b"<html><body><form><input name=q><p>t</p></form></body></html>",
                        _html_parser())
    assert tree is not None
    assert all(isinstance(el, lxml.html.HtmlElement) for el in tree.iter())
    assert tree.find(".//p").text_content() == "t"


ID_ROWS = [
    (b'<html><body><div id="a"><p id="b">t</p></div></body></html>', "two ids"),
    (b'<html><body><p id="x">one</p><p id="x">two</p></body></html>', "a duplicate id"),
    (b'<html><body><p id="">empty</p><p id=" spaced ">t</p></body></html>',
     "empty and spaced ids"),
]


@pytest.mark.parametrize(("markup", "reason"), ID_ROWS)
def test_parser_without_id_table_builds_the_same_tree(markup: bytes, reason: str) -> None:
    import copy

    import lxml.etree

    with_ids = lxml.etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True,
                                     huge_tree=True)
    tree = _parse_bytes(markup, _html_parser())
    expected = _parse_bytes(markup, with_ids)
    assert tree is not None and expected is not None
    assert lxml.etree.tostring(tree) == lxml.etree.tostring(expected), reason
    # what trafilatura does with the tree: copy it, find by attribute (not by ``id()``)
    assert lxml.etree.tostring(copy.deepcopy(tree)) == lxml.etree.tostring(expected), reason
    assert [el.get("id") for el in tree.xpath("//*[@id]")] == [
        el.get("id") for el in expected.xpath("//*[@id]")], reason
    # the id table is off: the XPath ``id()`` finds nothing (a parser with it finds "x")
    assert tree.xpath('id("x") | id("a")') == [], reason


def test_backup_copy_skipped_only_in_fast_mode_without_comments() -> None:
    import trafilatura.core as core
    from trafilatura.settings import Extractor

    _skip_unused_backup()
    if not getattr(core._prepare_tree, "_cleaner_lean", False):
        pytest.skip("this trafilatura has no _prepare_tree of the known shape: left alone")
    tree = lxml.html.fromstring("<html><body><article><p>" + "word " * 80
                                + "</p></article></body></html>")
    fast = Extractor(fast=True, comments=False)
    cleaned, backup = core._prepare_tree(tree, fast, None)
    assert backup is None and cleaned is not None
    for opts, reason in ((Extractor(fast=False, comments=False), "fallback reads it"),
                         (Extractor(fast=True, comments=True), "forum comments read it")):
        cleaned, backup = core._prepare_tree(tree, opts, None)
        assert backup is not None, reason


def test_trafilatura_default_unchanged_by_the_lean_wrapper() -> None:
    import trafilatura

    html = ("<html><body><nav>menu</nav><article><h1>Title</h1><p>" + "Some words here. " * 40
            + "</p></article><footer>foot</footer></body></html>")
    before = trafilatura.extract(html)
    Cleaner().clean(html, format="html")  # installs the wrapper
    assert trafilatura.extract(html) == before


# -- page signals and the white-space normaliser, rewritten for speed (same values) -------

_SLOW_WS = re.compile(r"\s+")


def test_flatten_and_squash_match_the_regex_on_every_code_point() -> None:
    from cleaner.normalize import flatten, squash

    # every code point (lone surrogates too) between two letters, and runs of them
    every = "".join(f"a{chr(c)}b" for c in range(sys.maxunicode + 1))
    runs = " \t\u3000 x\u00a0\u2028 \x1c\x1d y \u200b\ufeff z\x85\n\n"
    for text in (every, runs, "", "   ", " lead", "trail\n", "ǅ ß İ ﬃ"):
        assert flatten(text) == _SLOW_WS.sub(" ", text).strip()
        assert squash(text) == _SLOW_WS.sub(" ", text).strip().casefold()


_SLOW_PRICE = re.compile(
    r"(?:[$€£¥]\s?\d{1,5}(?:[.,]\d{2})?\b|\b\d{1,5}[.,]\d{2}\s?(?:€|EUR|USD|GBP)\b)"
)
PRICE_ROWS = [
    ("$5 and $ 12.99", "symbol first, with and without a space"),
    ("a$5 x12.99 EUR", "a symbol needs no word start; a trailing-code price does"),
    ("12.99 EUR, 1.00€, 3,50 USD, 7.25GBP", "trailing codes"),
    ("\u0663\u0664.\u0665\u0666 €", "Arabic-Indic digits are \\d"),
    ("$123456 and 123456.78 USD", "more than five digits"),
    ("5$5.00 USD", "overlapping candidates: leftmost wins"),
    ("_12.34 GBP 9_12.34 GBP", "underscore is a word character"),
    ("¥ 100.00x 12.34 EURO", "no word boundary after"),
    ("12.34 eur", "codes are case-sensitive"),
    ("", "empty"),
]


@pytest.mark.parametrize(("text", "reason"), PRICE_ROWS)
def test_price_pattern_matches_the_plain_alternation(text: str, reason: str) -> None:
    from cleaner.pagekind import _PRICE, _prices

    assert [m.span() for m in _PRICE.finditer(text)] == [
        m.span() for m in _SLOW_PRICE.finditer(text)], reason
    assert _prices(text) == len(_SLOW_PRICE.findall(text)), reason


#: texts where the windows around the marks decide (planted count, why): matches near a
#: window's edge, windows merging or not, long digit runs reaching into a window, a mark
#: at either end of the text
WINDOW_ROWS = [
    ("x" * 40 + "$12345.67" + "y" * 40, 1, "cents glued to a word: backtracks to $12345"),
    ("9" * 40 + "1234.56 EUR" + "9" * 40, 0, "no word start before, no boundary after"),
    ("1234.56 USD", 1, "the match starts at 0: the window is cut at the text start"),
    ("a 12.50 EUR" + " " * 5 + "$3" + " " * 30 + "£4.00", 3, "windows merging, then apart"),
    ("$" + "1" * 20, 0, "too many digits after the symbol, up to the text end"),
    ("$12345" + "6" * 11 + " and 1.00€", 0, "a sixth digit; € at the end has no boundary"),
    ("12.34 " + "€" * 3 + "5.00 " + "GBP" * 2, 1, "adjacent marks: only €5.00"),
    ("$", 0, "a lone mark"),
    ("12.99 EUR", 1, "a code at the very end of the text"),
    ("q" * 15 + "$1" + "q" * 15 + "$2" + "q" * 16 + "$3", 1, "marks 17 and 18 apart"),
    ("£.76EUR", 1, "_PRICE's second branch may begin with a symbol (the plain alternation "
                   "finds none here): the windows keep _PRICE's count"),
]


@pytest.mark.parametrize(("text", "count", "reason"), WINDOW_ROWS)
def test_prices_in_windows_count_what_the_whole_text_scan_finds(
    text: str, count: int, reason: str
) -> None:
    from cleaner.pagekind import _PRICE, _prices

    assert _prices(text) == count, reason
    assert len(_PRICE.findall(text)) == count, reason  # the whole-text scan it replaces


def test_prices_in_windows_on_random_texts() -> None:
    """The windowed count against the whole-text ``_PRICE.findall`` it replaces."""
    import random

    from cleaner.pagekind import _PRICE, _prices

    rng = random.Random(13)
    pieces = [*"0123456789.,  $€£¥x_a\u0663\n", "EUR", "USD", "GBP", "EU", "12.50", "$1",
              "1" * 7, " " * 12]
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 90)))
        assert _prices(text) == len(_PRICE.findall(text)), repr(text)


def test_prices_gate_only_skips_texts_without_any_mark() -> None:
    from cleaner.pagekind import _prices

    assert _prices("12.50 and 3,99 and 100 items") == 0  # digits, no currency mark
    assert _prices("12.50 EUR " * 3) == 3


_SLOW_MAIN = (
    "//main | //article | //*[@role='main'] | //*[@itemprop='articleBody']"
    " | //*[@itemprop='text']"
)
MAIN_ROWS = [
    ("<html><body><main><article><p>a</p></article></main>"
     "<div role='main'><div itemprop='articleBody'>b</div></div>"
     "<section itemprop='text'>c</section><div role='Main'>d</div>"
     "<div itemprop='articlebody'>e</div></body></html>", "every kind, nested; case matters"),
    ("<body role='main'><div itemprop='text'><article>x</article></div></body>",
     "a fragment root: the body above it counts, as with //"),
    ("<html><body><p>nothing</p></body></html>", "none"),
]


@pytest.mark.parametrize(("markup", "reason"), MAIN_ROWS)
def test_main_containers_walk_matches_the_xpath_union(markup: str, reason: str) -> None:
    from cleaner.pagekind import _main_containers

    tree = _parse_bytes(markup.encode(), _html_parser())
    assert tree is not None
    assert _main_containers(tree) == tree.xpath(_SLOW_MAIN), reason
    if "fragment" in reason:
        assert tree.tag == "div" and len(_main_containers(tree)) == 3, reason


def test_page_signals_on_a_planted_page() -> None:
    from cleaner.pagekind import page_signals

    markup = ("<html><body><main><p>Price  $5  today</p><script>var x = 1;</script></main>"
              "<p>12.99 EUR</p><p> </p><article><pre>code</pre></article></body></html>")
    tree = _parse_bytes(markup.encode(), _html_parser())
    assert tree is not None
    s = page_signals(tree)
    assert (s.main_chars, s.p_chars, s.p_count, s.prices) == (14, 23, 2, 2)
    assert (s.articles, s.code_blocks) == (1, 1)


def test_body_from_txt_format_is_the_python_formats_body() -> None:
    """extract asks trafilatura for ``output_format="txt"`` (no text rendering of the
    body it does not read): the body tree must be the one "python" gives."""
    from lxml import etree
    from trafilatura import bare_extraction

    html = ("<html><body><nav><a href='/'>Home</a></nav><article><h1>Title</h1>"
            "<p>" + "Some <b>bold</b> words here. " * 30 + "</p><ul><li>one</li><li>two</li>"
            "</ul><table><tr><td>a</td><td>b</td></tr></table></article>"
            "<footer>foot</footer></body></html>")
    for fast in (True, False):
        bodies = []
        for fmt in ("python", "txt"):
            tree = lxml.html.fromstring(html)
            doc = bare_extraction(tree, output_format=fmt, fast=fast, include_comments=False,
                                  with_metadata=False)
            assert doc is not None
            bodies.append(etree.tostring(doc.body))
        assert bodies[0] == bodies[1]


def _slow_collect(tree: object, wanted: set[str]) -> dict:
    from cleaner.extract import collect_markup

    return {k: v for k, v in collect_markup(tree, wanted=None).items()  # type: ignore[arg-type]
            if k in wanted}


def test_collect_markup_first_word_filter_keeps_every_wanted_key() -> None:
    """The first-word pre-filter gives what filtering the full collection gives: long
    first words (over the key length), case-folded ones (ß, final sigma), leading white
    space, and a same-first-word decoy before the wanted element."""
    from cleaner.extract import collect_markup, norm_key

    long_word = "x" * 250
    texts = ["  Straße  geht", "ΟΔΟΣ ΟΔΟΣ", long_word + " tail", "Related stories here",
             "Related links", "\u3000全角 space", "plain"]
    markup = "<html><body>" + "".join(
        f"<div class='related'><p>{t}</p></div>" for t in texts) + "</body></html>"
    tree = _parse_bytes(markup.encode(), _html_parser())
    assert tree is not None
    wanted = {norm_key(t) for t in ("strasse geht", "ΟΔΟΣ ΟΔΟΣ", long_word + " tail",
                                    "Related links", "全角 space", "not on the page")}
    got = collect_markup(tree, wanted=wanted)
    assert got == _slow_collect(tree, wanted)
    assert len(got) == 5 and norm_key("Related links") in got


def test_too_deep_compiled_per_thread_gives_the_xpath_answer() -> None:
    import threading

    from cleaner.extract import _too_deep

    def page(depth: int) -> str:
        return "<html><body>" + "<div>" * depth + "x" + "</div>" * depth + "</body></html>"

    depths = [5, MAX_MARKUP_DEPTH - 2, MAX_MARKUP_DEPTH + 5, 40]
    expected = [bool(_parse_bytes(page(d).encode(), _html_parser()).xpath(_SLOW_DEEP))
                for d in depths]
    assert expected == [False, False, True, False]
    got: dict[int, list[bool]] = {}

    def run(i: int) -> None:
        trees = [_parse_bytes(page(d).encode(), _html_parser()) for d in depths]
        got[i] = [_too_deep(t) for t in trees for _ in range(3)][::3]

    threads = [threading.Thread(target=run, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert got == {i: expected for i in range(4)}


# -- the escalation gate's page measure, bounded instead of measured (same decisions) ------

_WORDS = "Plain words of page text, enough of them to count. "
MEASURE_ROWS = [
    ("<p>" + _WORDS * 4 + "</p>", "plain text: the bound is at least the measure"),
    ("<p>a</p><p>b</p><div>c</div><li>d</li>", "minified blocks: html2txt's spaces split words"),
    ("<p>glued<script>var x = 1; var y = [2, 3];</script>word</p>",
     "a script inside a word: its tail joins the word before it"),
    ("<p>one <style>p { color: red } a { x: y }</style> two</p>", "style text taken out"),
    ("<div><svg><text>drawn label</text></svg>caption</div>", "svg text taken out"),
    ("<template><p>later " + _WORDS + "</p></template><p>shown</p>", "template text taken out"),
    ("<aside>side <script>nested(1, 2, 3)</script> note</aside>tail<p>body</p>",
     "a script inside an aside: counted once, with the aside"),
    ("<div class='site-footer'>legal " + _WORDS + "</div><p>kept</p>",
     "a div whose class says footer"),
    ("<footer>bottom</footer><fencedframe>framed</fencedframe><p>kept</p>",
     "footer and fencedframe"),
    ("<div id='cookie-banner'>We use cookies " + _WORDS + "</div><p>kept</p>",
     "a cookie banner (regex-matched): left in the bound, which only makes it larger"),
    ("<p>bell\x07ring and\x1bescape</p><p>next</p>",
     "control characters html2txt removes from block text"),
    ("<p>" + "x" * 50 + "<script>" + "y " * 200 + "</script>" + "z" * 50 + "</p>",
     "a script between two halves of one word, many words inside it"),
    ("<span>" + "".join(f"w{i}<script>x = {i};</script>v{i} " for i in range(8)) + "</span>",
     "scripts inside words: their end words are parts of words, not words of their own"),
    ("<div>   spaced \n\t out   </div><span>inline</span><span>glued</span>",
     "white space runs and inline elements (no spaces added)"),
]


@pytest.mark.parametrize(("body", "reason"), MEASURE_ROWS, ids=[r for _, r in MEASURE_ROWS])
def test_page_measure_bound_is_at_least_html2txt(body: str, reason: str) -> None:
    from trafilatura.baseline import _BLOCK_ELEMS, html2txt

    tree = lxml.html.fromstring(f"<html><head><title>t</title></head><body>{body}</body></html>")
    before = lxml.html.tostring(tree)
    bound = page_measure_bound(tree.find(".//body"), tuple(_BLOCK_ELEMS))
    assert lxml.html.tostring(tree) == before, "the bound must leave the tree untouched"
    assert bound >= len(html2txt(tree)), reason


def _gate_page(article_words: int, sidebar_blocks: int) -> str:
    script = "<script>" + "var t = load(1, 2, 3); " * 400 + "</script>"
    sidebar = "".join(f"<div class='widget'><a href='/x{i}'>link {i}</a> " + _WORDS * 3
                      + "</div>" for i in range(sidebar_blocks))
    return ("<html><head><title>Gate page</title></head><body>" + script
            + "<article><h1>Title</h1><p>" + "Article sentence here. " * article_words
            + "</p></article>" + sidebar + "<footer>" + _WORDS * 10 + "</footer></body></html>")


GATE_ROWS = [
    (_gate_page(40, 0), "short article, nothing else: the bound fails the gate (skipped)"),
    (_gate_page(100, 2), "a few widgets: still under five times the text (skipped)"),
    (_gate_page(12, 60), "a short article in a large page: escalation measured (delegated)"),
    (_gate_page(60, 30), "near the share: the bound may not decide, the measure does"),
]


def test_bounded_page_measure_decides_the_gate_as_html2txt() -> None:
    import trafilatura
    import trafilatura.core as core
    from trafilatura.baseline import html2txt

    Cleaner().clean(GATE_ROWS[0][0], format="html")  # installs the wrappers
    wrapper = core.html2txt
    if not getattr(wrapper, "_cleaner_bound", False):
        pytest.skip("this trafilatura has no escalation gate of the known shape: left alone")
    calls: list[tuple[int, int, str, str]] = []

    def spy(content, clean=True):  # type: ignore[no-untyped-def]
        temp_text = sys._getframe(1).f_locals["temp_text"]
        got = wrapper(content, clean)
        calls.append((len(temp_text), len(html2txt(content)), got, reason))
        return got

    for html, reason in GATE_ROWS:
        core.html2txt = spy
        try:
            bounded = trafilatura.bare_extraction(html, fast=True, include_comments=False)
        finally:
            core.html2txt = html2txt
        try:
            exact = trafilatura.bare_extraction(html, fast=True, include_comments=False)
        finally:
            core.html2txt = wrapper
        assert bounded.text == exact.text, reason
    share = core.ESCALATION_PAGE_SHARE
    for temp, measure, got, reason in calls:
        assert (temp < share * len(got)) == (temp < share * measure), reason
    assert any(got == "" for _, _, got, _ in calls), "no row took the bound's short cut"
    assert any(got != "" for _, _, got, _ in calls), "no row was measured exactly"


def _full_key(text: str) -> str:
    """``norm_key`` as it was: the whole text squashed, then cut."""
    from cleaner.normalize import squash

    return squash(text)[:200]


# each row: a text, why (the key squashes the text's head first)
KEY_ROWS = [
    pytest.param("word " * 400, id="a long paragraph: the head holds the key"),
    pytest.param(" " * 790 + "start of the words " * 40,
                 id="white space fills the head: the whole text is squashed"),
    pytest.param("x" * 799 + " tail", id="the cut inside a word at the head's end"),
    pytest.param("\u00df" * 150 + " " + "a" * 1000, id="casefold doubles characters (ß → ss)"),
    pytest.param("\u0130\u03a3 " * 300, id="İ casefolds to two characters, Σ to σ"),
    pytest.param("a " * 100, id="exactly 200 characters squashed, short text"),
    pytest.param("a" + " " * 798 + "b" * 300, id="the head squashes to 3 characters"),
    pytest.param("x" * 199 + " " * 601 + "yyyy",
                 id="the head squashes to 199 characters: one short, the space after comes"),
    pytest.param("", id="empty"),
]


@pytest.mark.parametrize("text", KEY_ROWS)
def test_norm_key_is_the_whole_text_squashed_and_cut(text: str) -> None:
    from cleaner.extract import norm_key

    assert norm_key(text) == _full_key(text)


def test_norm_key_on_random_texts() -> None:
    import random

    from cleaner.extract import norm_key

    rng = random.Random(13)
    pieces = ["a", "B", " ", "\n", "\t", "\u00df", "\u0130", "\u03a3", "\ufb03", "\u3000",
              "\u00a0", "\u2028", "word ", "  "]
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 1200)))
        assert norm_key(text) == _full_key(text), repr(text)


UTF8_ROWS = [
    ("<p>café</p>", True, "non-ASCII, nothing to change: the bytes to_text made"),
    ("<p>plain</p>", False, "ASCII: to_text does not encode it"),
    ("<p>café\x00</p>", False, "a NUL dropped: another string"),
    ("<p>caf\ud800é</p>", False, "a lone surrogate replaced: another string"),
]


@pytest.mark.parametrize(("source", "shared", "why"), UTF8_ROWS, ids=[r[2] for r in UTF8_ROWS])
def test_the_parse_reuses_the_inputs_utf8(source: str, shared: bool, why: str) -> None:
    """``utf8`` of the text ``to_text`` returned is its own encoding, and only the very
    object ``to_text`` returned last reuses it (equal text, another object, encodes)."""
    text, _ = to_text(source, max_bytes=10_000)
    data = utf8(text)
    assert data == text.encode("utf-8", "surrogatepass")
    assert (data is utf8(text)) is shared, why
    copy = "".join(list(text))
    assert copy == text and copy is not text
    assert utf8(copy) == data and (utf8(copy) is data) is False
    to_text("<p>the next input</p>", max_bytes=10_000)
    assert utf8(text) is not data and utf8(text) == data  # dropped at the next input


def test_the_parse_of_the_input_uses_the_shared_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    """The extract stage parses the very bytes ``to_text`` made, once per page."""
    import cleaner.extract as ex

    page = ("<html><body><p>Un café, des crêpes. " + "Une phrase de plus. " * 30
            + "</p></body></html>")
    seen: list[bytes] = []
    real = ex._parse_bytes

    def parse(data: bytes, parser: object) -> object:
        seen.append(data)
        return real(data, parser)

    monkeypatch.setattr(ex, "_parse_bytes", parse)
    result = Cleaner().clean(page, format="html")
    assert "Un café, des crêpes." in result.text
    assert len(seen) == 1 and seen[0] == page.encode("utf-8")
    assert seen[0] is utf8(result.document.decoded)


EXTRACTOR_ROWS = [
    (None, dict(precision=False, recall=False, fast=True, comments=False, tables=True),
     "the default fast call, no URL"),
    ("https://example.org/a", dict(precision=False, recall=False, fast=False, comments=False,
                                   tables=True), "the fallback call with a URL"),
    ("https://example.org/\udcff", dict(precision=True, recall=False, fast=True, comments=True,
                                        tables=False), "a URL with a lone surrogate: source"),
    ("https://example.org/r", dict(precision=False, recall=True, fast=True, comments=False,
                                   tables=True), "recall"),
]


@pytest.mark.parametrize(("url", "flags", "reason"), EXTRACTOR_ROWS)
def test_extractor_copy_equals_what_bare_extraction_builds(
    url: str | None, flags: dict[str, bool], reason: str
) -> None:
    from trafilatura.settings import Extractor

    from cleaner.extract import _extractor

    got = _extractor(url, **flags)
    # what bare_extraction builds from the keyword arguments extract used to pass
    built = Extractor(output_format="txt", fast=flags["fast"], precision=flags["precision"],
                      recall=flags["recall"], comments=flags["comments"],
                      tables=flags["tables"], url=url, with_metadata=False)
    fields = [n for n in Extractor.__slots__ if n != "date_params"]
    assert {n: getattr(got, n) for n in fields} == {n: getattr(built, n) for n in fields}, reason
    got.focus = "changed"  # a copy: the next call gets its own
    assert _extractor(url, **flags).focus == built.focus, reason

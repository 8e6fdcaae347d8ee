"""The ``fresh7`` split of the generated spam-tail benchmark (scripts/gen_tails.py, issue
12), held out since 2026-12-07 (when fresh6 became a development split): disjoint from every
other split in seed, body sources, kinds and scripts, layouts and plans, and from fresh3-fresh6
in PII locales; its headers, card keys, bios, platforms and source names are strings no split
has; left out of the tail model's training (``gen_tails.HELD_OUT``); deterministic (also
across hash seeds; the other nine splits' bytes are pinned in test_gen_tails_digests); its
gold annotations account for every word the tail adds to the clean twin, and every gold PII
value is printed on the page. These tests check the generator only: nothing here runs the
cleaner on fresh7 pages."""

from __future__ import annotations

import hashlib
import html
import re
import sys
import unicodedata
from collections import Counter
from functools import cache
from typing import Any

import pytest
from conftest import ROOT, require_shared
from test_gen_tails_fresh2 import _add_one, _digest_in_subprocess, annotation_errors
from test_gen_tails_fresh4 import _fold
from test_gen_tails_fresh6 import _tables_strings
from test_gen_tails_fresh6 import _theirs as _theirs_before_fresh6

sys.path.insert(0, str(ROOT / "scripts"))
import gen_tails

OTHERS = tuple(h for h in gen_tails.HALVES if h != "fresh7")
#: the splits whose tests keep their PII locales to themselves (fresh3 .. fresh6)
OWN_LOCALES = ("fresh3", "fresh4", "fresh5", "fresh6")
N = 48  # two decks of the 24 body-kind x layout combinations


def _theirs(what: str) -> set[str]:
    """Every other split's strings of one kind, fresh6's own tables included."""
    return _theirs_before_fresh6(what) | _tables_strings("FRESH6")[what]


def _mine(what: str) -> set[str]:
    return _tables_strings("FRESH7")[what]


def _body_locales() -> set[str]:
    return {loc for v in gen_tails.NONLATIN_LOCALES.values() for loc in v}


def test_fresh7_is_the_held_out_split_with_its_own_seed() -> None:
    assert "fresh7" in gen_tails.HALVES and gen_tails.HELD_OUT == ("fresh7",)
    # fresh6 became a development and training split when fresh7 came (2026-12-07)
    assert "fresh6" not in gen_tails.HELD_OUT
    assert gen_tails.SEEDS["fresh7"] not in {gen_tails.SEEDS[h] for h in OTHERS}


def test_the_tail_model_never_trains_on_fresh7_but_on_fresh6() -> None:
    import train_tails

    assert "fresh7" not in train_tails.TRAIN_SPLITS
    assert "fresh6" in train_tails.TRAIN_SPLITS
    assert set(train_tails.TRAIN_SPLITS) == set(gen_tails.HALVES) - {"fresh7"}


@pytest.mark.parametrize(("what", "mine", "theirs"), [
    # fresh7 draws personal data from six locales earlier splits drew body lorem from only
    # (never personal data): the others' body locales are left to them
    pytest.param("PII locales (fresh3-fresh6's and the other body locales)",
                 set(gen_tails.LOCALES["fresh7"]),
                 {loc for h in OWN_LOCALES for loc in gen_tails.LOCALES[h]}
                 | (_body_locales() - {"el_GR", "bn_BD", "th_TH", "tl_PH", "ar_AA", "ja_JP"}),
                 id="pii-locales"),
    pytest.param("body kinds", set(gen_tails.BODIES["fresh7"]),
                 {k for h in OTHERS for k in gen_tails.BODIES[h]}, id="body-kinds"),
    pytest.param("layouts", set(gen_tails.LAYOUTS["fresh7"]),
                 {k for h in OTHERS for k in gen_tails.LAYOUTS[h]}, id="layouts"),
    pytest.param("plans", set(gen_tails.FRESH7_PLANS),
                 set(gen_tails.FRESH4_PLANS) | set(gen_tails.FRESH5_PLANS)
                 | set(gen_tails.FRESH6_PLANS), id="plans"),
    pytest.param("run, wire and teaser headers", _mine("run"), _theirs("run"),
                 id="run-headers"),
    pytest.param("card headers", _mine("card"), _theirs("card"), id="card-headers"),
    pytest.param("social headers", _mine("social"), _theirs("social"), id="social-headers"),
    pytest.param("card keys", _mine("keys"), _theirs("keys"), id="card-keys"),
    pytest.param("bio headers", _mine("bio"), _theirs("bio"), id="bio-headers"),
    pytest.param("social platforms", _mine("platforms"), _theirs("platforms"), id="platforms"),
    pytest.param("source and site names",
                 _fold(gen_tails.FRESH7_SOURCES) | _fold(gen_tails.FRESH7_SITES),
                 _fold(gen_tails.SPONSOR_SOURCES) | _fold(gen_tails.FRESH4_SOURCES)
                 | _fold(gen_tails.FRESH5_SOURCES) | _fold(gen_tails.FRESH6_SOURCES),
                 id="sources"),
])
def test_fresh7_shares_nothing_with_the_other_splits(what: str, mine: set[str],
                                                     theirs: set[str]) -> None:
    assert mine, what
    assert not mine & theirs, (what, sorted(mine & theirs))


@pytest.mark.parametrize(("planted", "what"), [
    pytest.param("Keep Scrolling", "run", id="fresh6-run-header"),
    pytest.param("Mobilnummer", "keys", id="fresh6-card-key"),
    pytest.param("Kort om mig", "keys", id="fresh6-danish-bio-key"),
    pytest.param("Newswire", "run", id="fresh5-wire-header"),
    pytest.param("Weibo", "platforms", id="fresh6-platform"),
    pytest.param("github", "platforms", id="dev2-platform"),
])
def test_a_planted_shared_string_is_caught(planted: str, what: str) -> None:
    """The disjointness sets hold the other splits' strings, fresh6's own tables included
    (a string of theirs planted among fresh7's would be found)."""
    assert _fold([planted]) & _theirs(what)


def test_fresh7_has_12_locales_with_the_issue_ones_and_their_languages_tables() -> None:
    locales = gen_tails.LOCALES["fresh7"]
    assert len(set(locales)) == 12
    assert {"pt_BR", "pl_PL", "sv_SE", "ja_JP"} <= set(locales)  # issue 12 names them
    assert not set(locales) & set(gen_tails.LOCALES["fresh6"])
    langs = {gen_tails.FRESH7_LANG[loc] for loc in locales}
    assert len(langs) == 12, langs
    for loc in locales:
        lang = gen_tails.FRESH7_LANG[loc]
        assert len(gen_tails.FRESH7_CARD_KEY_WORDS[lang]) == 9, loc
        assert len(gen_tails.FRESH7_LOCAL[lang]) == 5, loc
    assert len(gen_tails.FRESH7_CARD_KEY_WORDS["en"]) == 9


# -- generated pages (need ../shared) ------------------------------------------------------


def _shared() -> None:
    require_shared("data", "clickbait-headlines")


@cache
def _samples() -> list[tuple[Any, str, str]]:
    return list(gen_tails.generate("fresh7", N))


@pytest.mark.shared
def test_fresh7_gold_annotations_are_consistent() -> None:
    _shared()
    bad = {s.id: err for s, page, twin in _samples() if (err := annotation_errors(s, page, twin))}
    assert not bad, bad


def _line_with(s: Any, needle: str) -> int:
    return next(i for i, line in enumerate(s.spam_lines) if needle in line)


def _card_title(s: Any, page: str) -> int:
    return next(i for i, line in enumerate(s.spam_lines)
                if f'<h4 slot="title">{gen_tails._e(line)}</h4>' in page)


FRESH7_MUTATIONS = [
    pytest.param("a headline link line dropped from the gold lines", "text_gemtext",
                 lambda s, page: s.spam_lines.__setitem__(_line_with(s, "gemini://"), "x"),
                 id="dropped-headline"),
    pytest.param("a headline's print count off by one", "html_web_components",
                 lambda s, page: _add_one(s.spam_counts, _card_title(s, page)),
                 id="count-off-by-one"),
    pytest.param("a PII value the page does not print", "text_rst",
                 lambda s, page: s.pii.append("planted-9f3c@example.invalid"), id="planted-pii"),
    pytest.param("a markup line left out of the gold lines (its words unannotated)",
                 "text_asciidoc", lambda s, page: s.spam_counts.__setitem__(
                     _line_with(s, "* link:"), 0), id="markup-line-dropped"),
]


@pytest.mark.shared
@pytest.mark.parametrize(("reason", "layout", "mutate"), FRESH7_MUTATIONS)
def test_the_fresh7_annotation_check_can_fail(reason: str, layout: str, mutate: Any) -> None:
    _shared()
    s, page, twin = next((s, p, t) for s, p, t in _samples()
                         if "headlines" in s.tail_parts and s.layout == layout)
    assert annotation_errors(s, page, twin) == [], "unmutated sample must pass"
    mutate(s, page)
    assert annotation_errors(s, page, twin), reason


@pytest.mark.shared
def test_fresh7_covers_every_body_kind_layout_locale_and_plan() -> None:
    _shared()
    samples = [s for s, _, _ in _samples()]
    assert Counter((s.body_kind, s.layout) for s in samples[:24]) == Counter(
        {(k, lay): 1 for k in gen_tails.BODIES["fresh7"] for lay in gen_tails.LAYOUTS["fresh7"]})
    assert Counter(s.format for s in samples) == {"html": N // 2, "text": N // 2}
    assert {s.locale for s in samples} == set(gen_tails.LOCALES["fresh7"])
    assert all(s.page != s.twin and s.half == "fresh7" and s.spam_lines for s in samples)
    assert sum(bool(s.pii) for s in samples) >= N // 2
    assert len({tuple(s.tail_parts) for s in samples}) == len(gen_tails.FRESH7_PLANS)


#: one row per shape the fresh7 layouts print: (layout, pattern on the page, pages that must
#: show it at least)
SHAPES = [
    pytest.param("text_rst", r"^\.\. _`[^`]+`: https://news\.example/p/\d+$", 2,
                 id="rst-targets"),
    pytest.param("text_rst", r"^\.\. (rubric|sidebar|topic):: ", 2, id="rst-directives"),
    pytest.param("text_asciidoc", r"^\* link:https://news\.example/p/\d+\[", 2,
                 id="adoc-links"),
    pytest.param("text_asciidoc", r"^\[(sidebar|horizontal|quote, .+)\]$", 2,
                 id="adoc-blocks"),
    pytest.param("text_gemtext", r"^=> gemini://capsule\.example/r\d+\.gmi ", 2,
                 id="gemini-links"),
    pytest.param("text_gemtext", r"^│ .+ │$", 1, id="box-drawn-card"),
    pytest.param("html_details_accordion", r"<details( open)?><summary>", 2, id="details"),
    pytest.param("html_web_components", r"<(related-posts|author-card|social-links)>", 2,
                 id="web-components"),
    pytest.param("html_utility_divs", r"group-hover:block\">", 2, id="hover-tooltip"),
]


@pytest.mark.shared
@pytest.mark.parametrize(("layout", "pattern", "least"), SHAPES)
def test_fresh7_layouts_print_their_shapes_in_the_tail_only(layout: str, pattern: str,
                                                           least: int) -> None:
    _shared()
    rx = re.compile(pattern, re.M)
    pages = [(p, t) for s, p, t in _samples() if s.layout == layout]
    assert sum(bool(rx.search(p)) for p, _ in pages) >= least, pattern
    assert not any(rx.search(t) for _, t in pages), "the twin must not show the tail's shape"


@pytest.mark.shared
def test_fresh7_headline_tricks_are_printed() -> None:
    """ALL CAPS runs, " | Site" suffixes and relative ages are in the gold lines; teasers sit
    right under the title, glued headlines follow the last paragraph's stop with no space."""
    _shared()
    lines = [x for s, _, _ in _samples() for x in s.spam_lines]
    caps = [x for x in lines if len(x.split()) >= 4 and x == x.upper() and x != x.lower()]
    assert len(caps) >= 5, caps
    sites = "|".join(re.escape(x) for x in gen_tails.FRESH7_SITES)
    assert sum(bool(re.search(rf" \| ({sites})\b", x)) for x in lines) >= 5
    assert sum(bool(re.search(r"\b(\d+ (hours|days) ago|yesterday)\b", x)) for x in lines) >= 30
    teased = glued = 0
    for s, page, twin in _samples():
        if s.format == "text":
            blocks, twin_blocks = page.split("\n\n"), twin.split("\n\n")
            teased += blocks[0] == twin_blocks[0] and blocks[1] not in twin_blocks \
                and blocks[2] == twin_blocks[1]
        else:
            teased += bool(re.search(r"</h1>(<p class=\"kicker\">|<teaser-link |<div class=\""
                                     r"mt-2 text-sm)", page))
        shown = html.unescape(page) if s.format == "html" else page
        glued += any(f"{stop}{x}" in shown for x in s.spam_lines for stop in ".!?")
    assert teased >= 6, teased
    assert glued >= 6, glued


@pytest.mark.shared
def test_fresh7_bodies_come_from_idle_help_and_an_unused_script() -> None:
    _shared()
    paras = {p for b in gen_tails.idle_help_bodies() for k, p in b if k == "para"}
    assert len(paras) > 40
    for s, _, _ in _samples():
        if s.body_kind == "idle_help_prose":
            assert any(gen_tails._e(p)[:60] in s.twin or p[:60] in s.twin for p in paras), s.id
        if s.body_kind == "nonlatin_ko":
            letters = [c for c in s.twin if c.isalpha() and ord(c) > 0x0500]
            scripts = {unicodedata.name(c).split()[0] for c in letters}
            assert scripts == {"HANGUL"}, scripts
    # no other split's body is in Hangul (their non-Latin bodies' Faker locales)
    assert not {loc for loc in _body_locales() if loc.startswith("ko")}


@pytest.mark.shared
def test_fresh7_headlines_are_from_the_held_out_halves() -> None:
    _shared()
    held_out = {h.lower() for h in gen_tails.clickbait_headlines(1)}
    held_out |= {h.lower() for h in gen_tails.clickbait_headlines(1, "non_clickbait_data.gz")}
    sites = "|".join(re.escape(x) for x in gen_tails.FRESH7_SITES)
    heads = [line for s, page, _ in _samples() if s.format == "html" for line in s.spam_lines
             if f'href="{gen_tails._story_url(line)}"' in page and len(line.split()) >= 3]
    assert len(heads) > N // 2
    bare = [re.sub(rf" \| ({sites})$", "", h) for h in heads]
    assert [h for h in bare if h.lower() not in held_out] == []


@pytest.mark.slow
@pytest.mark.shared
def test_fresh7_is_deterministic_across_runs_and_hash_seeds() -> None:
    _shared()
    digests = {_digest_in_subprocess(seed, "fresh7") for seed in ("1", "2")}
    assert len(digests) == 1 and len(next(iter(digests))) == 64, digests
    here = hashlib.sha256()
    for s, _, _ in gen_tails.generate("fresh7", 32):
        here.update((s.page + s.twin + repr(s.to_dict())).encode())
    assert here.hexdigest() in digests

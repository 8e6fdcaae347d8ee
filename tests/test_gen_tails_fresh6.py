"""The ``fresh6`` split of the generated spam-tail benchmark (scripts/gen_tails.py, issue
12), held out until 2026-12-07 (a development and training split since fresh7 came):
disjoint from every other split in seed, PII locales, body sources, kinds and scripts,
layouts, plans, headers, card keys, bios, platforms and source names; deterministic (also
across hash seeds, and with the other splits' bytes unchanged); its gold annotations account
for every word the tail adds to the clean twin, and every gold PII value is printed on the
page. These tests check the generator only: nothing here runs the cleaner on fresh6 pages."""

from __future__ import annotations

import hashlib
import re
import sys
import unicodedata
from collections import Counter
from functools import cache
from typing import Any

import pytest
from conftest import ROOT, require_shared
from test_gen_tails_fresh2 import _add_one, _digest_in_subprocess, annotation_errors
from test_gen_tails_fresh4 import (
    _fold,
    _other_bio_headers,
    _other_card_headers,
    _other_card_keys,
    _other_platforms,
    _other_run_headers,
    _other_social_headers,
)

sys.path.insert(0, str(ROOT / "scripts"))
import gen_tails

OTHERS = tuple(h for h in gen_tails.HALVES if h != "fresh6")
N = 48  # two decks of the 24 body-kind x layout combinations


def _other_pii_locales() -> set[str]:
    return {loc for half in OTHERS for loc in gen_tails.LOCALES[half]}


def _tables_strings(prefix: str) -> dict[str, set[str]]:
    """One split's own tables (FRESH4_* or FRESH5_*): run/wire/teaser, card and social
    headers, card keys, bio headers, platforms."""
    local = getattr(gen_tails, f"{prefix}_LOCAL").values()
    keys = {k for v in getattr(gen_tails, f"{prefix}_CARD_KEY_WORDS").values() for k in v}
    if prefix == "FRESH5":
        keys |= set(gen_tails.FRESH5_DOTTED_KEYS)
    return {
        "run": _fold({h for v in local for h in v[0]} | {v[1] for v in local}
                     | {v[2] for v in local} | set(getattr(gen_tails, f"{prefix}_RUN_HEADERS"))
                     | set(getattr(gen_tails, f"{prefix}_WIRE_HEADERS"))),
        "card": _fold({v[3] for v in local} | set(getattr(gen_tails, f"{prefix}_CARD_HEADERS"))),
        "social": _fold({v[4] for v in local}
                        | set(getattr(gen_tails, f"{prefix}_SOCIAL_HEADERS"))),
        "keys": _fold(keys),
        "bio": _fold(v[0] for v in getattr(gen_tails, f"{prefix}_BIOS").values()),
        "platforms": _fold(label for label, _ in getattr(gen_tails, f"{prefix}_PLATFORMS")),
    }


def _theirs(what: str) -> set[str]:
    base = {"run": _other_run_headers, "card": _other_card_headers,
            "social": _other_social_headers, "keys": _other_card_keys,
            "bio": _other_bio_headers, "platforms": _other_platforms}[what]()
    return base | _tables_strings("FRESH4")[what] | _tables_strings("FRESH5")[what]


def _mine(what: str) -> set[str]:
    return _tables_strings("FRESH6")[what]


def test_fresh6_is_a_split_with_its_own_seed() -> None:
    assert "fresh6" in gen_tails.HALVES
    # fresh5 became a development and training split on 2026-12-07 (helper tails5), fresh6
    # when fresh7 came (helper gen7): fresh7 is the held-out split now
    assert "fresh5" not in gen_tails.HELD_OUT and "fresh6" not in gen_tails.HELD_OUT
    assert gen_tails.SEEDS["fresh6"] not in {gen_tails.SEEDS[h] for h in OTHERS}


def test_the_tail_model_trains_on_fresh6_now() -> None:
    """scripts/train_tails.py reads its splits from ``gen_tails.HALVES`` less
    ``HELD_OUT``; fresh6 is one of them since fresh7 is held out."""
    import train_tails

    assert "fresh6" in train_tails.TRAIN_SPLITS
    assert set(train_tails.TRAIN_SPLITS) == set(gen_tails.HALVES) - set(gen_tails.HELD_OUT)


@pytest.mark.parametrize(("what", "mine", "theirs"), [
    pytest.param("PII locales", set(gen_tails.LOCALES["fresh6"]), _other_pii_locales(),
                 id="pii-locales"),
    pytest.param("body kinds", set(gen_tails.BODIES["fresh6"]),
                 {k for h in OTHERS for k in gen_tails.BODIES[h]}, id="body-kinds"),
    pytest.param("layouts", set(gen_tails.LAYOUTS["fresh6"]),
                 {k for h in OTHERS for k in gen_tails.LAYOUTS[h]}, id="layouts"),
    pytest.param("plans", set(gen_tails.FRESH6_PLANS),
                 set(gen_tails.FRESH4_PLANS) | set(gen_tails.FRESH5_PLANS), id="plans"),
    pytest.param("run, wire and teaser headers", _mine("run"), _theirs("run"),
                 id="run-headers"),
    pytest.param("card headers", _mine("card"), _theirs("card"), id="card-headers"),
    pytest.param("social headers", _mine("social"), _theirs("social"), id="social-headers"),
    pytest.param("card keys", _mine("keys"), _theirs("keys"), id="card-keys"),
    pytest.param("bio headers", _mine("bio"), _theirs("bio"), id="bio-headers"),
    pytest.param("social platforms", _mine("platforms"), _theirs("platforms"), id="platforms"),
    pytest.param("source names", _fold(gen_tails.FRESH6_SOURCES),
                 _fold(gen_tails.SPONSOR_SOURCES) | _fold(gen_tails.FRESH4_SOURCES)
                 | _fold(gen_tails.FRESH5_SOURCES), id="sources"),
])
def test_fresh6_shares_nothing_with_the_other_splits(what: str, mine: set[str],
                                                     theirs: set[str]) -> None:
    assert mine, what
    assert not mine & theirs, (what, sorted(mine & theirs))


@pytest.mark.parametrize(("planted", "what"), [
    pytest.param("Newswire", "run", id="fresh5-wire-header"),
    pytest.param("Up Next", "run", id="fresh4-run-header"),
    pytest.param("Mailadresse", "keys", id="fresh3-card-key"),
    pytest.param("Ko-fi", "platforms", id="fresh5-platform"),
    pytest.param("Snapchat", "platforms", id="fresh3-platform"),
])
def test_a_planted_shared_string_is_caught(planted: str, what: str) -> None:
    """The disjointness sets hold the other splits' strings, fresh4's and fresh5's own
    tables included (a string of theirs planted among fresh6's would be found)."""
    assert _fold([planted]) & _theirs(what)


def test_fresh6_has_12_locales_each_with_its_languages_tables() -> None:
    locales = gen_tails.LOCALES["fresh6"]
    assert len(set(locales)) >= 12
    langs = {gen_tails.FRESH6_LANG[loc] for loc in locales}
    assert len(langs) >= 12, langs
    for loc in locales:
        lang = gen_tails.FRESH6_LANG[loc]
        assert len(gen_tails.FRESH6_CARD_KEY_WORDS[lang]) == 9, loc
        assert len(gen_tails.FRESH6_LOCAL[lang]) == 5, loc
    assert len(gen_tails.FRESH6_CARD_KEY_WORDS["en"]) == 9


# -- generated pages (need ../shared) ------------------------------------------------------


def _shared() -> None:
    require_shared("data", "clickbait-headlines")


@cache
def _samples() -> list[tuple[Any, str, str]]:
    return list(gen_tails.generate("fresh6", N))


@pytest.mark.shared
def test_fresh6_gold_annotations_are_consistent() -> None:
    _shared()
    bad = {s.id: err for s, page, twin in _samples() if (err := annotation_errors(s, page, twin))}
    assert not bad, bad


def _first_headline(s: Any) -> int:
    heads = {h.lower() for h in gen_tails.clickbait_headlines(1)}
    heads |= {h.lower() for h in gen_tails.clickbait_headlines(1, "non_clickbait_data.gz")}
    return next(i for i, line in enumerate(s.spam_lines) if line.lower() in heads)


FRESH6_MUTATIONS = [
    pytest.param("a headline dropped from the gold lines", "text_email_digest",
                 lambda s: s.spam_lines.__setitem__(_first_headline(s), "x"),
                 id="dropped-headline"),
    pytest.param("a headline's print count off by one", "html_microdata_list",
                 lambda s: _add_one(s.spam_counts, _first_headline(s)), id="count-off-by-one"),
    pytest.param("a PII value the page does not print", "text_org_mode",
                 lambda s: s.pii.append("planted-9f3c@example.invalid"), id="planted-pii"),
    pytest.param("a markup line left out of the gold lines (its words unannotated)",
                 "text_bbcode", lambda s: s.spam_counts.__setitem__(
                     next(i for i, x in enumerate(s.spam_lines) if "[/url]" in x), 0),
                 id="markup-line-dropped"),
]


@pytest.mark.shared
@pytest.mark.parametrize(("reason", "layout", "mutate"), FRESH6_MUTATIONS)
def test_the_fresh6_annotation_check_can_fail(reason: str, layout: str, mutate: Any) -> None:
    _shared()
    s, page, twin = next((s, p, t) for s, p, t in _samples()
                         if "headlines" in s.tail_parts and s.layout == layout)
    assert annotation_errors(s, page, twin) == [], "unmutated sample must pass"
    mutate(s)
    assert annotation_errors(s, page, twin), reason


@pytest.mark.shared
def test_fresh6_covers_every_body_kind_layout_and_many_locales() -> None:
    _shared()
    samples = [s for s, _, _ in _samples()]
    assert Counter((s.body_kind, s.layout) for s in samples[:24]) == Counter(
        {(k, lay): 1 for k in gen_tails.BODIES["fresh6"] for lay in gen_tails.LAYOUTS["fresh6"]})
    assert Counter(s.format for s in samples) == {"html": N // 2, "text": N // 2}
    assert len({s.locale for s in samples}) >= 10
    assert all(s.page != s.twin and s.half == "fresh6" and s.spam_lines for s in samples)
    assert sum(bool(s.pii) for s in samples) >= N // 2
    assert len({tuple(s.tail_parts) for s in samples}) >= 6


#: one row per shape the fresh6 layouts print: (layout, pattern on the page, pages that must
#: show it at least)
SHAPES = [
    pytest.param("text_org_mode", r"^- \[\[https://[^]]+\]\[[^]]+\]\] :: ", 2, id="org-links"),
    pytest.param("text_bbcode", r"^\[list\]\[\*\]\[url=", 2, id="bbcode-list"),
    pytest.param("text_email_digest", r"^On .+ <digest@[^>]+> wrote:$", 2, id="mail-quote"),
    pytest.param("text_email_digest", r"^-- \n", 1, id="mail-signature"),
    pytest.param("html_amp_carousel", r"<amp-carousel ", 2, id="amp-carousel"),
    pytest.param("html_amp_carousel", r"<amp-accordion>", 2, id="amp-accordion"),
    pytest.param("html_microdata_list", r'itemtype="https://schema.org/(ItemList|Person)"', 2,
                 id="microdata"),
    pytest.param("html_block_theme", r"wp-block-latest-posts__list|elementor-", 2,
                 id="block-theme"),
]


@pytest.mark.shared
@pytest.mark.parametrize(("layout", "pattern", "least"), SHAPES)
def test_fresh6_layouts_print_their_shapes_in_the_tail_only(layout: str, pattern: str,
                                                           least: int) -> None:
    _shared()
    rx = re.compile(pattern, re.M)
    pages = [(p, t) for s, p, t in _samples() if s.layout == layout]
    assert sum(bool(rx.search(p)) for p, _ in pages) >= least, pattern
    assert not any(rx.search(t) for _, t in pages), "the twin must not show the tail's shape"


@pytest.mark.shared
def test_fresh6_has_engagement_counts_and_teasers_after_the_middle_paragraph() -> None:
    _shared()
    stat = re.compile(r"\b(\d\.\dK views|\d+ (comments|shares))\b")
    stats = sum(bool(stat.search(x)) for s, _, _ in _samples() for x in s.spam_lines)
    assert stats >= 40, stats
    teased = 0
    for s, page, twin in _samples():
        if s.format != "text":
            continue
        blocks, twin_blocks = page.split("\n\n"), twin.rstrip("\n").split("\n\n")
        for i, block in enumerate(blocks[:-2]):
            if block not in twin_blocks and blocks[i + 1] in twin_blocks[1:] \
                    and blocks[i + 2] in twin_blocks[1:]:
                teased += 1
                break
    assert teased >= 4, teased


@pytest.mark.shared
def test_fresh6_bodies_come_from_pydoc_and_unused_scripts() -> None:
    _shared()
    paras = {p for b in gen_tails.pydoc_bodies() for k, p in b if k == "para"}
    assert len(paras) > 100
    for s, _, _ in _samples():
        if s.body_kind == "pydoc_prose":
            assert any(gen_tails._e(p)[:60] in s.twin or p[:60] in s.twin for p in paras), s.id
        if s.body_kind == "nonlatin_ml_te_kn_ka":
            letters = [c for c in s.twin if c.isalpha() and ord(c) > 0x0500]
            scripts = {unicodedata.name(c).split()[0] for c in letters}
            assert scripts and scripts <= {"MALAYALAM", "TELUGU", "KANNADA", "GEORGIAN"}, scripts
    # no other split's body is in these scripts (their non-Latin bodies' Faker locales)
    body_locales = {loc for v in gen_tails.NONLATIN_LOCALES.values() for loc in v}
    assert not {loc for loc in body_locales if loc.split("_")[0] in ("ml", "te", "kn", "ka")}


@pytest.mark.shared
def test_fresh6_headlines_are_from_the_held_out_halves() -> None:
    _shared()
    held_out = {h.lower() for h in gen_tails.clickbait_headlines(1)}
    held_out |= {h.lower() for h in gen_tails.clickbait_headlines(1, "non_clickbait_data.gz")}
    heads = [line for s, page, _ in _samples() if s.format == "html" for line in s.spam_lines
             if f'href="{gen_tails._story_url(line)}"' in page and len(line.split()) >= 3]
    assert len(heads) > N // 2
    assert [h for h in heads if h.lower() not in held_out] == []


@pytest.mark.slow
@pytest.mark.shared
def test_fresh6_is_deterministic_across_runs_and_hash_seeds() -> None:
    _shared()
    digests = {_digest_in_subprocess(seed, "fresh6") for seed in ("1", "2")}
    assert len(digests) == 1 and len(next(iter(digests))) == 64, digests
    here = hashlib.sha256()
    for s, _, _ in gen_tails.generate("fresh6", 32):
        here.update((s.page + s.twin + repr(s.to_dict())).encode())
    assert here.hexdigest() in digests

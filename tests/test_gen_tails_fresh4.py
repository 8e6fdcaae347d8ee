"""The ``fresh4`` split of the generated spam-tail benchmark (scripts/gen_tails.py, issue
12): disjoint from every other split in seed, locales, body sources and kinds, layouts,
headers, card keys, bios, platforms and source names; its own skeleton (tail plans in
print order, a teaser inside the body, a shuffled deck of body kinds and layouts);
deterministic (also across hash seeds, and with the other splits' bytes unchanged); its
gold annotations account for every word the tail adds to the clean twin, and every gold
PII value is printed on the page. These tests check the generator only: nothing here runs
the cleaner on fresh4 pages."""

from __future__ import annotations

import hashlib
import sys
from collections import Counter
from functools import cache
from typing import Any

import pytest
from conftest import ROOT, require_shared
from test_gen_tails_fresh2 import _add_one, _digest_in_subprocess, annotation_errors

sys.path.insert(0, str(ROOT / "scripts"))
import gen_tails

OTHERS = tuple(h for h in gen_tails.HALVES if h != "fresh4")
N = 64  # four decks of the 16 body-kind x layout combinations


def _fold(strings: Any) -> set[str]:
    return {s.casefold() for s in strings}


def _other_locales() -> set[str]:
    """Every Faker locale another split uses: PII locales and the lorem of its bodies."""
    used = {loc for half in OTHERS for loc in gen_tails.LOCALES[half]}
    used |= {loc for half in OTHERS for kind in gen_tails.BODIES[half]
             for loc in gen_tails.NONLATIN_LOCALES.get(kind, ())}
    return used


def _other_run_headers() -> set[str]:
    heads = {h for v in gen_tails.RUN_HEADERS.values() for h in v}
    heads |= {h for v in gen_tails.LOCAL_RUN_HEADERS.values() for h in v}
    heads |= set(gen_tails.FRESH2_RUN_HEADERS) | set(gen_tails.DEV2_RUN_HEADERS)
    heads |= set(gen_tails.FRESH3_RUN_HEADERS)
    for table in (gen_tails.FRESH2_LOCAL, gen_tails.DEV2_LOCAL, gen_tails.FRESH3_LOCAL):
        heads |= {h for v in table.values() for h in v[0]}
    heads |= {v[1] for v in gen_tails.FRESH2_LOCAL.values()}  # "sponsored" labels
    return _fold(heads)


def _other_card_headers() -> set[str]:
    heads = {h for v in gen_tails.CARD_HEADERS.values() for h in v}
    heads |= set(gen_tails.FRESH2_CARD_HEADERS) | set(gen_tails.DEV2_CARD_HEADERS)
    heads |= set(gen_tails.FRESH3_CARD_HEADERS)
    heads |= {v[2] for v in gen_tails.FRESH2_LOCAL.values()}
    heads |= {v[1] for v in gen_tails.DEV2_LOCAL.values()}
    heads |= {v[1] for v in gen_tails.FRESH3_LOCAL.values()}
    return _fold(heads)


def _other_social_headers() -> set[str]:
    heads = {h for v in gen_tails.SOCIAL_HEADERS.values() for h in v}
    heads |= set(gen_tails.FRESH2_SOCIAL_HEADERS) | set(gen_tails.DEV2_SOCIAL_HEADERS)
    heads |= set(gen_tails.FRESH3_SOCIAL_HEADERS)
    return _fold(heads | {v[2] for v in gen_tails.FRESH3_LOCAL.values()})


def _other_card_keys() -> set[str]:
    keys = {k for table in (gen_tails.CARD_KEY_WORDS, gen_tails.FRESH_CARD_KEY_WORDS,
                            gen_tails.FRESH2_CARD_KEY_WORDS, gen_tails.DEV2_CARD_KEY_WORDS,
                            gen_tails.FRESH3_CARD_KEY_WORDS)
            for v in table.values() for k in v}
    return _fold(keys | set(gen_tails.JSONLD_KEYS))


def _other_bio_headers() -> set[str]:
    heads = {v[0] for v in gen_tails.FRESH2_BIOS.values()}
    heads |= {v[0] for v in gen_tails.FRESH3_BIOS.values()}
    heads |= {v[2] for v in gen_tails.DEV2_LOCAL.values()} | {"About {name}"}
    return _fold(heads)


def _other_platforms() -> set[str]:
    names = set(gen_tails.PLATFORMS) | set(gen_tails.DEV2_PLATFORMS)
    names |= {label for label, _ in gen_tails.FRESH2_PLATFORMS}
    names |= {label for label, _ in gen_tails.FRESH3_PLATFORMS}
    return _fold(names)


def _mine_run_headers() -> set[str]:
    heads = set(gen_tails.FRESH4_RUN_HEADERS) | set(gen_tails.FRESH4_WIRE_HEADERS)
    heads |= {h for v in gen_tails.FRESH4_LOCAL.values() for h in v[0]}
    return _fold(heads | {v[1] for v in gen_tails.FRESH4_LOCAL.values()}
                 | {v[2] for v in gen_tails.FRESH4_LOCAL.values()})


def test_fresh4_is_a_split_with_its_own_seed() -> None:
    assert "fresh4" in gen_tails.HALVES
    assert gen_tails.SEEDS["fresh4"] not in {gen_tails.SEEDS[h] for h in OTHERS}


@pytest.mark.parametrize(("what", "mine", "theirs"), [
    pytest.param("PII locales", set(gen_tails.LOCALES["fresh4"]), _other_locales(),
                 id="pii-locales"),
    pytest.param("body locales", set(gen_tails.FRESH4_SCRIPT_LOCALES), _other_locales(),
                 id="body-locales"),
    pytest.param("body kinds", set(gen_tails.BODIES["fresh4"]),
                 {k for h in OTHERS for k in gen_tails.BODIES[h]}, id="body-kinds"),
    pytest.param("layouts", set(gen_tails.LAYOUTS["fresh4"]),
                 {k for h in OTHERS for k in gen_tails.LAYOUTS[h]}, id="layouts"),
    pytest.param("run, wire and teaser headers", _mine_run_headers(), _other_run_headers(),
                 id="run-headers"),
    pytest.param("card headers", _fold(set(gen_tails.FRESH4_CARD_HEADERS)
                                       | {v[3] for v in gen_tails.FRESH4_LOCAL.values()}),
                 _other_card_headers(), id="card-headers"),
    pytest.param("social headers", _fold(set(gen_tails.FRESH4_SOCIAL_HEADERS)
                                         | {v[4] for v in gen_tails.FRESH4_LOCAL.values()}),
                 _other_social_headers(), id="social-headers"),
    pytest.param("card keys", _fold(k for v in gen_tails.FRESH4_CARD_KEY_WORDS.values()
                                    for k in v), _other_card_keys(), id="card-keys"),
    pytest.param("bio headers", _fold(v[0] for v in gen_tails.FRESH4_BIOS.values()),
                 _other_bio_headers(), id="bio-headers"),
    pytest.param("social platforms", _fold(label for label, _ in gen_tails.FRESH4_PLATFORMS),
                 _other_platforms(), id="platforms"),
    pytest.param("source names", _fold(gen_tails.FRESH4_SOURCES),
                 _fold(gen_tails.SPONSOR_SOURCES), id="sources"),
])
def test_fresh4_shares_nothing_with_the_other_splits(what: str, mine: set[str],
                                                     theirs: set[str]) -> None:
    assert mine, what
    assert not mine & theirs, (what, sorted(mine & theirs))


def test_fresh4_has_12_locales_each_with_its_languages_tables() -> None:
    locales = gen_tails.LOCALES["fresh4"]
    assert len(set(locales)) >= 12
    langs = {gen_tails.FRESH4_LANG[loc] for loc in locales}
    assert len(langs) >= 9, langs
    for loc in locales:
        lang = gen_tails.FRESH4_LANG[loc]
        assert len(gen_tails.FRESH4_CARD_KEY_WORDS[lang]) == 9, loc
        assert len(gen_tails.FRESH4_LOCAL[lang]) == 5, loc


def test_fresh4_skeleton_is_its_own() -> None:
    """Tails are plans (parts in print order); some put the author box before the run,
    some have a second run (the wire) and some no headline run at all; every part
    appears in some plan."""
    plans = gen_tails.FRESH4_PLANS
    assert {p for plan in plans for p in plan} == {"run", "wire", "card", "bio", "social"}
    assert any(plan.index("card") < plan.index("run") for plan in plans
               if "card" in plan and "run" in plan)
    assert any("run" not in plan for plan in plans)
    assert any("wire" in plan and "run" in plan for plan in plans)


# -- generated pages (need ../shared) ------------------------------------------------------


def _shared() -> None:
    require_shared("data", "clickbait-headlines")
    require_shared("data", "dolma-samples", "tests", "data", "warc")


@cache
def _samples() -> list[tuple[Any, str, str]]:
    return list(gen_tails.generate("fresh4", N))


@pytest.mark.shared
def test_fresh4_gold_annotations_are_consistent() -> None:
    _shared()
    bad = {s.id: err for s, page, twin in _samples() if (err := annotation_errors(s, page, twin))}
    assert not bad, bad


def _first_headline(s: Any) -> int:
    heads = {h.lower() for h in gen_tails.clickbait_headlines(1)}
    return next(i for i, line in enumerate(s.spam_lines) if line.lower() in heads)


#: ways to break a sample's gold annotation that the check must notice
FRESH4_MUTATIONS = [
    pytest.param("a headline dropped from the gold lines",
                 lambda s: s.spam_lines.__setitem__(_first_headline(s), "x"),
                 id="dropped-headline"),
    pytest.param("a headline's print count off by one",
                 lambda s: _add_one(s.spam_counts, _first_headline(s)), id="count-off-by-one"),
    pytest.param("a PII value the page does not print",
                 lambda s: s.pii.append("planted-9f3c@example.invalid"), id="planted-pii"),
]


@pytest.mark.shared
@pytest.mark.parametrize(("reason", "mutate"), FRESH4_MUTATIONS)
def test_the_fresh4_annotation_check_can_fail(reason: str, mutate: Any) -> None:
    _shared()
    s, page, twin = next((s, p, t) for s, p, t in gen_tails.generate("fresh4", 8)
                         if "headlines" in s.tail_parts)
    assert annotation_errors(s, page, twin) == [], "unmutated sample must pass"
    mutate(s)
    assert annotation_errors(s, page, twin), reason


@pytest.mark.shared
def test_fresh4_covers_every_body_kind_layout_plan_and_many_locales() -> None:
    _shared()
    samples = [s for s, _, _ in _samples()]
    assert Counter((s.body_kind, s.layout) for s in samples[:16]) == Counter(
        {(k, lay): 1 for k in gen_tails.BODIES["fresh4"] for lay in gen_tails.LAYOUTS["fresh4"]})
    assert {s.format for s in samples} == {"html", "markdown", "text"}
    assert len({s.locale for s in samples}) >= 10
    assert all(s.page != s.twin and s.half == "fresh4" and s.spam_lines for s in samples)
    assert sum(bool(s.pii) for s in samples) >= N // 3
    assert len({tuple(s.tail_parts) for s in samples}) >= 6


@pytest.mark.shared
def test_fresh4_teasers_sit_inside_the_body() -> None:
    """Some pages print a headline as a teaser after the first paragraph: the text after
    it still holds body text of the twin."""
    _shared()
    inside = 0
    for s, page, twin in _samples():
        if "headlines" not in s.tail_parts or s.format == "html":
            continue
        blocks = page.split("\n\n")
        twin_blocks = set(twin.split("\n\n"))
        for i, block in enumerate(blocks[:-1]):
            if block not in twin_blocks and any(h in block for h in s.spam_lines) \
                    and blocks[i + 1] in twin_blocks and i > 0:
                inside += 1
                break
    assert inside >= 4, inside


@pytest.mark.shared
def test_fresh4_bodies_come_from_warc_files_and_odia() -> None:
    """The crawl bodies are paragraphs of dolma's WARC responses (no other split reads
    them); the script bodies are Odia."""
    _shared()
    import unicodedata

    samples = [s for s in (x for x, _, _ in _samples())]
    warc = [s for s in samples if s.body_kind == "warc_prose"]
    paras = {p for b in gen_tails.warc_bodies() for k, p in b if k == "para"}
    assert len(paras) > 60
    assert warc and all(any(p in s.twin or p.replace("&", "&amp;") in s.twin for p in paras)
                        for s in warc)
    scripts = set()
    for s in samples:
        if s.body_kind == "nonlatin_or":
            letters = [c for c in s.twin if c.isalpha() and ord(c) > 0x0900]
            scripts |= {unicodedata.name(c).split()[0] for c in letters[:50]}
    assert scripts == {"ORIYA"}, scripts


@pytest.mark.shared
def test_fresh4_headlines_are_from_the_held_out_halves() -> None:
    """Every line that names a story link is a held-out clickbait or news headline
    (possibly recased), so the headline model never saw it."""
    _shared()
    held_out = {h.lower() for h in gen_tails.clickbait_headlines(1)}
    held_out |= {h.lower() for h in gen_tails.clickbait_headlines(1, "non_clickbait_data.gz")}
    heads = []
    for s, page, _ in _samples():
        for line in s.spam_lines:
            url = gen_tails._story_url(line)
            if url in page and len(line.split()) >= 3 and line != url:
                heads.append(line)
    assert len(heads) > N
    assert [h for h in heads if h.lower() not in held_out] == []


@pytest.mark.slow
@pytest.mark.shared
def test_fresh4_is_deterministic_across_runs_and_hash_seeds() -> None:
    _shared()
    digests = {_digest_in_subprocess(seed, "fresh4") for seed in ("1", "2")}
    assert len(digests) == 1 and len(next(iter(digests))) == 64, digests
    here = hashlib.sha256()
    for s, _, _ in gen_tails.generate("fresh4", 32):
        here.update((s.page + s.twin + repr(s.to_dict())).encode())
    assert here.hexdigest() in digests

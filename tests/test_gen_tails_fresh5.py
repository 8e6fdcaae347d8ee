"""The ``fresh5`` split of the generated spam-tail benchmark (scripts/gen_tails.py, issue
12), held out until 2026-12-07 and a development and training split since (helper
tails5): disjoint from every other split in seed, locales, body sources and kinds,
layouts, headers, card keys, bios, platforms and source names; deterministic (also
across hash seeds, and with the other splits' bytes unchanged); its gold annotations
account for every word the tail adds to the clean twin, and every gold PII value is
printed on the page. These tests check the generator only: nothing here runs the cleaner
on fresh5 pages."""

from __future__ import annotations

import hashlib
import re
import sys
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

OTHERS = tuple(h for h in gen_tails.HALVES if h != "fresh5")
N = 64  # four decks of the 16 body-kind x layout combinations


def _other_locales() -> set[str]:
    """Every Faker locale another split uses: PII locales and the lorem of its bodies."""
    used = {loc for half in OTHERS for loc in gen_tails.LOCALES[half]}
    used |= {loc for half in OTHERS for kind in gen_tails.BODIES[half]
             for loc in gen_tails.NONLATIN_LOCALES.get(kind, ())}
    return used | set(gen_tails.FRESH3_SCRIPT_LOCALES) | set(gen_tails.FRESH4_SCRIPT_LOCALES)


def _fresh4_strings() -> dict[str, set[str]]:
    """fresh4's own tables, which the fresh4 test's ``_other_*`` sets leave out."""
    local = gen_tails.FRESH4_LOCAL.values()
    return {
        "run": _fold({h for v in local for h in v[0]} | {v[1] for v in local}
                     | {v[2] for v in local} | set(gen_tails.FRESH4_RUN_HEADERS)
                     | set(gen_tails.FRESH4_WIRE_HEADERS)),
        "card": _fold({v[3] for v in local} | set(gen_tails.FRESH4_CARD_HEADERS)),
        "social": _fold({v[4] for v in local} | set(gen_tails.FRESH4_SOCIAL_HEADERS)),
        "keys": _fold(k for v in gen_tails.FRESH4_CARD_KEY_WORDS.values() for k in v),
        "bio": _fold(v[0] for v in gen_tails.FRESH4_BIOS.values()),
        "platforms": _fold(label for label, _ in gen_tails.FRESH4_PLATFORMS),
    }


def _mine_run_headers() -> set[str]:
    local = gen_tails.FRESH5_LOCAL.values()
    heads = set(gen_tails.FRESH5_RUN_HEADERS) | set(gen_tails.FRESH5_WIRE_HEADERS)
    heads |= {h for v in local for h in v[0]}
    return _fold(heads | {v[1] for v in local} | {v[2] for v in local})


def test_fresh5_is_a_training_split_with_its_own_seed() -> None:
    """fresh5 was held out until 2026-12-07 (helper tails5): a development and training
    split since, like fresh4."""
    assert "fresh5" in gen_tails.HALVES and "fresh5" not in gen_tails.HELD_OUT
    assert gen_tails.SEEDS["fresh5"] not in {gen_tails.SEEDS[h] for h in OTHERS}


def test_the_tail_model_trains_on_no_held_out_split() -> None:
    """scripts/train_tails.py reads its splits from ``gen_tails.HALVES`` less
    ``HELD_OUT``; fresh5 is one of them now."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import train_tails

    assert "fresh5" in train_tails.TRAIN_SPLITS
    assert set(train_tails.TRAIN_SPLITS) == set(gen_tails.HALVES) - set(gen_tails.HELD_OUT)


@pytest.mark.parametrize(("what", "mine", "theirs"), [
    pytest.param("PII locales", set(gen_tails.LOCALES["fresh5"]), _other_locales(),
                 id="pii-locales"),
    pytest.param("body locales", set(gen_tails.FRESH5_SCRIPT_LOCALES), _other_locales(),
                 id="body-locales"),
    pytest.param("body kinds", set(gen_tails.BODIES["fresh5"]),
                 {k for h in OTHERS for k in gen_tails.BODIES[h]}, id="body-kinds"),
    pytest.param("layouts", set(gen_tails.LAYOUTS["fresh5"]),
                 {k for h in OTHERS for k in gen_tails.LAYOUTS[h]}, id="layouts"),
    pytest.param("run, wire and read-also headers", _mine_run_headers(),
                 _other_run_headers() | _fresh4_strings()["run"], id="run-headers"),
    pytest.param("card headers", _fold(set(gen_tails.FRESH5_CARD_HEADERS)
                                       | {v[3] for v in gen_tails.FRESH5_LOCAL.values()}),
                 _other_card_headers() | _fresh4_strings()["card"], id="card-headers"),
    pytest.param("social headers", _fold(set(gen_tails.FRESH5_SOCIAL_HEADERS)
                                         | {v[4] for v in gen_tails.FRESH5_LOCAL.values()}),
                 _other_social_headers() | _fresh4_strings()["social"], id="social-headers"),
    pytest.param("card keys", _fold([k for v in gen_tails.FRESH5_CARD_KEY_WORDS.values()
                                     for k in v] + list(gen_tails.FRESH5_DOTTED_KEYS)),
                 _other_card_keys() | _fresh4_strings()["keys"], id="card-keys"),
    pytest.param("bio headers", _fold(v[0] for v in gen_tails.FRESH5_BIOS.values()),
                 _other_bio_headers() | _fresh4_strings()["bio"], id="bio-headers"),
    pytest.param("social platforms", _fold(label for label, _ in gen_tails.FRESH5_PLATFORMS),
                 _other_platforms() | _fresh4_strings()["platforms"], id="platforms"),
    pytest.param("source names", _fold(gen_tails.FRESH5_SOURCES),
                 _fold(gen_tails.SPONSOR_SOURCES) | _fold(gen_tails.FRESH4_SOURCES),
                 id="sources"),
])
def test_fresh5_shares_nothing_with_the_other_splits(what: str, mine: set[str],
                                                     theirs: set[str]) -> None:
    assert mine, what
    assert not mine & theirs, (what, sorted(mine & theirs))


def test_a_planted_shared_string_is_caught() -> None:
    """The disjointness sets above hold the other splits' strings (a string of fresh4
    planted in fresh5's headers would be found)."""
    assert _fold(["Up Next"]) & (_other_run_headers() | _fresh4_strings()["run"])
    assert _fold(["Snapchat"]) & _other_platforms()


def test_fresh5_has_12_locales_each_with_its_languages_tables() -> None:
    locales = gen_tails.LOCALES["fresh5"]
    assert len(set(locales)) >= 12
    langs = {gen_tails.FRESH5_LANG[loc] for loc in locales}
    assert len(langs) >= 10, langs
    for loc in locales:
        lang = gen_tails.FRESH5_LANG[loc]
        assert len(gen_tails.FRESH5_CARD_KEY_WORDS[lang]) == 9, loc
        assert len(gen_tails.FRESH5_LOCAL[lang]) == 5, loc
    assert len(gen_tails.FRESH5_DOTTED_KEYS) == 9


def test_fresh5_plans_differ_from_fresh4s() -> None:
    plans = gen_tails.FRESH5_PLANS
    assert {p for plan in plans for p in plan} == {"run", "wire", "card", "bio", "social"}
    assert not set(plans) & set(gen_tails.FRESH4_PLANS)


# -- generated pages (need ../shared) ------------------------------------------------------


def _shared() -> None:
    require_shared("data", "clickbait-headlines")
    require_shared("data", "trafilatura-eval", "tests", "eval")


@cache
def _samples() -> list[tuple[Any, str, str]]:
    return list(gen_tails.generate("fresh5", N))


@pytest.mark.shared
def test_fresh5_gold_annotations_are_consistent() -> None:
    _shared()
    bad = {s.id: err for s, page, twin in _samples() if (err := annotation_errors(s, page, twin))}
    assert not bad, bad


def _first_headline(s: Any) -> int:
    heads = {h.lower() for h in gen_tails.clickbait_headlines(1)}
    return next(i for i, line in enumerate(s.spam_lines) if _untag(line).lower() in heads)


def _untag(line: str) -> str:
    for tag in gen_tails.FRESH5_TAGS:
        if line.startswith(tag + " "):
            return line[len(tag) + 1:]
    return line


FRESH5_MUTATIONS = [
    pytest.param("a headline dropped from the gold lines",
                 lambda s: s.spam_lines.__setitem__(_first_headline(s), "x"),
                 id="dropped-headline"),
    pytest.param("a headline's print count off by one",
                 lambda s: _add_one(s.spam_counts, _first_headline(s)), id="count-off-by-one"),
    pytest.param("a PII value the page does not print",
                 lambda s: s.pii.append("planted-9f3c@example.invalid"), id="planted-pii"),
]


@pytest.mark.shared
@pytest.mark.parametrize(("reason", "mutate"), FRESH5_MUTATIONS)
def test_the_fresh5_annotation_check_can_fail(reason: str, mutate: Any) -> None:
    _shared()
    s, page, twin = next((s, p, t) for s, p, t in gen_tails.generate("fresh5", 8)
                         if "headlines" in s.tail_parts and s.format == "text")
    assert annotation_errors(s, page, twin) == [], "unmutated sample must pass"
    mutate(s)
    assert annotation_errors(s, page, twin), reason


@pytest.mark.shared
def test_fresh5_covers_every_body_kind_layout_plan_and_many_locales() -> None:
    _shared()
    samples = [s for s, _, _ in _samples()]
    assert Counter((s.body_kind, s.layout) for s in samples[:16]) == Counter(
        {(k, lay): 1 for k in gen_tails.BODIES["fresh5"] for lay in gen_tails.LAYOUTS["fresh5"]})
    assert {s.format for s in samples} == {"html", "text"}
    assert len({s.locale for s in samples}) >= 10
    assert all(s.page != s.twin and s.half == "fresh5" and s.spam_lines for s in samples)
    assert sum(bool(s.pii) for s in samples) >= N // 3
    assert len({tuple(s.tail_parts) for s in samples}) >= 6


@pytest.mark.shared
def test_fresh5_has_mixed_script_headlines_and_boxes_before_the_last_paragraph() -> None:
    _shared()
    tagged = boxed = 0
    for s, page, twin in _samples():
        tagged += sum(_untag(x) != x for x in s.spam_lines)
        if s.format != "text":
            continue
        blocks = page.split("\n\n")
        twin_blocks = twin.rstrip("\n").split("\n\n")
        for i, block in enumerate(blocks[:-1]):
            if block not in twin_blocks and blocks[i + 1] in twin_blocks[1:]:
                boxed += 1
                break
    assert tagged >= 20, tagged
    assert boxed >= 4, boxed


@pytest.mark.shared
def test_fresh5_comment_sections_sit_in_page_and_twin_before_the_tail() -> None:
    _shared()
    pages = [(p, t) for s, p, t in _samples() if s.layout == "html_comments_footer"]
    assert pages
    for page, twin in pages:
        assert 'id="comments"' in twin
        assert page.index('id="comments"') < page.index('class="site-foot"')


@pytest.mark.shared
def test_fresh5_bodies_come_from_trafilatura_eval_and_thai_with_latin() -> None:
    _shared()
    import unicodedata

    samples = [s for s, _, _ in _samples()]
    paras = {p for b in gen_tails.trafeval_bodies() for k, p in b if k == "para"}
    assert len(paras) > 40
    real = [s for s in samples if s.body_kind == "trafeval_prose"]
    assert real and all(any(gen_tails._e(p) in s.twin or p in s.twin for p in paras)
                        for s in real)
    for s in samples:
        if s.body_kind == "mixed_th_latin":
            letters = [c for c in s.twin if c.isalpha() and ord(c) > 0x0E00]
            assert {unicodedata.name(c).split()[0] for c in letters[:80]} == {"THAI"}
            text = re.sub(r"<[^>]+>", " ", s.twin).split(maxsplit=12)[-1]  # past the head
            assert any(w in text for w in gen_tails._LATIN_TECH), s.id


@pytest.mark.shared
def test_fresh5_headlines_are_from_the_held_out_halves() -> None:
    _shared()
    held_out = {h.lower() for h in gen_tails.clickbait_headlines(1)}
    held_out |= {h.lower() for h in gen_tails.clickbait_headlines(1, "non_clickbait_data.gz")}
    heads = [_untag(line) for s, page, _ in _samples() for line in s.spam_lines
             if gen_tails._story_url(line) in page and len(line.split()) >= 3]
    assert len(heads) > N
    assert [h for h in heads if h.lower() not in held_out] == []


@pytest.mark.slow
@pytest.mark.shared
def test_fresh5_is_deterministic_across_runs_and_hash_seeds() -> None:
    _shared()
    digests = {_digest_in_subprocess(seed, "fresh5") for seed in ("1", "2")}
    assert len(digests) == 1 and len(next(iter(digests))) == 64, digests
    here = hashlib.sha256()
    for s, _, _ in gen_tails.generate("fresh5", 32):
        here.update((s.page + s.twin + repr(s.to_dict())).encode())
    assert here.hexdigest() in digests

"""The ``fresh3`` split of the generated spam-tail benchmark (scripts/gen_tails.py, issue
12): disjoint from every other split in seed, locales, body sources and kinds, layouts,
headers, card keys, bios and platforms; deterministic (also across hash seeds and with the
other splits' bytes unchanged); its gold annotations account for every word the tail adds
to the clean twin, and every gold PII value is printed on the page. These tests check the
generator only: nothing here runs the cleaner on fresh3 pages."""

from __future__ import annotations

import hashlib
import sys
from functools import cache
from typing import Any

import pytest
from conftest import ROOT, require_shared
from test_gen_tails_fresh2 import (
    ANNOTATION_MUTATIONS,
    _digest_in_subprocess,
    annotation_errors,
    check_annotation_check_can_fail,
)

sys.path.insert(0, str(ROOT / "scripts"))
import gen_tails

OTHERS = tuple(h for h in gen_tails.HALVES if h != "fresh3")
N = 64  # four rounds of the 16 body-kind x layout combinations


def _other_locales() -> set[str]:
    """Every Faker locale another split uses: PII locales and the lorem of its bodies."""
    used = {loc for half in OTHERS for loc in gen_tails.LOCALES[half]}
    used |= {loc for half in OTHERS for kind in gen_tails.BODIES[half]
             for loc in gen_tails.NONLATIN_LOCALES.get(kind, ())}
    return used


def _fold(strings: Any) -> set[str]:
    return {s.casefold() for s in strings}


def _other_run_headers() -> set[str]:
    heads = {h for v in gen_tails.RUN_HEADERS.values() for h in v}
    heads |= {h for v in gen_tails.LOCAL_RUN_HEADERS.values() for h in v}
    heads |= set(gen_tails.FRESH2_RUN_HEADERS) | set(gen_tails.DEV2_RUN_HEADERS)
    heads |= {h for v in gen_tails.FRESH2_LOCAL.values() for h in v[0]}
    heads |= {h for v in gen_tails.DEV2_LOCAL.values() for h in v[0]}
    return _fold(heads)


def _other_card_headers() -> set[str]:
    heads = {h for v in gen_tails.CARD_HEADERS.values() for h in v}
    heads |= set(gen_tails.FRESH2_CARD_HEADERS) | set(gen_tails.DEV2_CARD_HEADERS)
    heads |= {v[2] for v in gen_tails.FRESH2_LOCAL.values()}
    heads |= {v[1] for v in gen_tails.DEV2_LOCAL.values()}
    return _fold(heads)


def _other_social_headers() -> set[str]:
    heads = {h for v in gen_tails.SOCIAL_HEADERS.values() for h in v}
    return _fold(heads | set(gen_tails.FRESH2_SOCIAL_HEADERS) | set(gen_tails.DEV2_SOCIAL_HEADERS))


def _other_card_keys() -> set[str]:
    keys = {k for table in (gen_tails.CARD_KEY_WORDS, gen_tails.FRESH_CARD_KEY_WORDS,
                            gen_tails.FRESH2_CARD_KEY_WORDS, gen_tails.DEV2_CARD_KEY_WORDS)
            for v in table.values() for k in v}
    return _fold(keys | set(gen_tails.JSONLD_KEYS))


def _other_bio_headers() -> set[str]:
    heads = {v[0] for v in gen_tails.FRESH2_BIOS.values()}
    heads |= {v[2] for v in gen_tails.DEV2_LOCAL.values()} | {"About {name}"}
    return _fold(heads)


def _other_platforms() -> set[str]:
    names = set(gen_tails.PLATFORMS) | set(gen_tails.DEV2_PLATFORMS)
    names |= {label for label, _ in gen_tails.FRESH2_PLATFORMS}
    return _fold(names)


def test_fresh3_is_a_split_with_its_own_seed() -> None:
    assert "fresh3" in gen_tails.HALVES
    assert gen_tails.SEEDS["fresh3"] not in {gen_tails.SEEDS[h] for h in OTHERS}


@pytest.mark.parametrize(("what", "mine", "theirs"), [
    pytest.param("PII locales", set(gen_tails.LOCALES["fresh3"]), _other_locales(),
                 id="pii-locales"),
    pytest.param("body locales", set(gen_tails.FRESH3_SCRIPT_LOCALES), _other_locales(),
                 id="body-locales"),
    pytest.param("body kinds", set(gen_tails.BODIES["fresh3"]),
                 {k for h in OTHERS for k in gen_tails.BODIES[h]}, id="body-kinds"),
    pytest.param("layouts", set(gen_tails.LAYOUTS["fresh3"]),
                 {k for h in OTHERS for k in gen_tails.LAYOUTS[h]}, id="layouts"),
    pytest.param("run headers", _fold(set(gen_tails.FRESH3_RUN_HEADERS)
                                      | {h for v in gen_tails.FRESH3_LOCAL.values()
                                         for h in v[0]}),
                 _other_run_headers(), id="run-headers"),
    pytest.param("card headers", _fold(set(gen_tails.FRESH3_CARD_HEADERS)
                                       | {v[1] for v in gen_tails.FRESH3_LOCAL.values()}),
                 _other_card_headers(), id="card-headers"),
    pytest.param("social headers", _fold(set(gen_tails.FRESH3_SOCIAL_HEADERS)
                                         | {v[2] for v in gen_tails.FRESH3_LOCAL.values()}),
                 _other_social_headers(), id="social-headers"),
    pytest.param("card keys", _fold(k for v in gen_tails.FRESH3_CARD_KEY_WORDS.values()
                                    for k in v), _other_card_keys(), id="card-keys"),
    pytest.param("bio headers", _fold(v[0] for v in gen_tails.FRESH3_BIOS.values()),
                 _other_bio_headers(), id="bio-headers"),
    pytest.param("social platforms", _fold(label for label, _ in gen_tails.FRESH3_PLATFORMS),
                 _other_platforms(), id="platforms"),
    pytest.param("social keys", set(gen_tails.FRESH3_SOCIAL_KEYS),
                 {"url", "username", "followers", "following", *gen_tails.FRESH2_SOCIAL_KEYS,
                  *gen_tails.DEV2_SOCIAL_KEYS}, id="social-keys"),
])
def test_fresh3_shares_nothing_with_the_other_splits(what: str, mine: set[str],
                                                     theirs: set[str]) -> None:
    assert mine, what
    assert not mine & theirs, (what, sorted(mine & theirs))


def test_fresh3_has_at_least_12_locales_each_with_its_languages_card_keys() -> None:
    locales = gen_tails.LOCALES["fresh3"]
    assert len(set(locales)) >= 12
    for loc in locales:
        lang = gen_tails.FRESH3_LANG[loc]
        assert len(gen_tails.FRESH3_CARD_KEY_WORDS[lang]) == 9, loc
        assert lang in gen_tails.FRESH3_LOCAL, loc


# -- generated pages (need ../shared) ------------------------------------------------------


def _shared() -> None:
    require_shared("data", "clickbait-headlines")
    require_shared("data", "dolma-samples", "tests", "data")


@cache
def _samples() -> list[tuple[Any, str, str]]:
    return list(gen_tails.generate("fresh3", N))


@pytest.mark.shared
def test_fresh3_gold_annotations_are_consistent() -> None:
    _shared()
    bad = {s.id: err for s, page, twin in _samples() if (err := annotation_errors(s, page, twin))}
    assert not bad, bad


@pytest.mark.shared
@pytest.mark.parametrize(("reason", "mutate"), ANNOTATION_MUTATIONS)
def test_the_fresh3_annotation_check_can_fail(reason: str, mutate: Any) -> None:
    _shared()
    check_annotation_check_can_fail("fresh3", annotation_errors, reason, mutate)


@pytest.mark.shared
def test_fresh3_covers_every_body_kind_layout_and_many_locales() -> None:
    _shared()
    samples = [s for s, _, _ in _samples()]
    assert {s.body_kind for s in samples} == set(gen_tails.BODIES["fresh3"])
    assert {s.layout for s in samples} == set(gen_tails.LAYOUTS["fresh3"])
    assert {s.format for s in samples} == {"html", "markdown", "text"}
    assert len({s.locale for s in samples}) >= 12
    assert all(s.page != s.twin and s.half == "fresh3" and s.spam_lines for s in samples)
    assert sum(bool(s.pii) for s in samples) >= N // 2


@pytest.mark.shared
def test_fresh3_bodies_come_from_dolma_and_the_scripts_are_new() -> None:
    """The crawl bodies are prose paragraphs of dolma's documents (no other split reads
    dolma); the script bodies are Devanagari, Tamil, Sinhala or Gujarati."""
    _shared()
    import unicodedata

    samples = [s for s, _, _ in _samples()]
    dolma = [s for s in samples if s.body_kind == "dolma_prose"]
    paras = {p for b in gen_tails.dolma_bodies() for k, p in b if k == "para"}
    assert dolma and all(any(p in s.twin for p in paras) for s in dolma)
    scripts = set()
    for s in samples:
        if s.body_kind == "nonlatin_hi_ta_si_gu":
            letters = [c for c in s.twin if c.isalpha() and ord(c) > 0x0900]
            scripts |= {unicodedata.name(c).split()[0] for c in letters[:50]}
    assert scripts and scripts <= {"DEVANAGARI", "TAMIL", "SINHALA", "GUJARATI"}, scripts


@pytest.mark.shared
def test_fresh3_headlines_are_from_the_held_out_halves() -> None:
    """Every headline printed two or more times is a held-out clickbait or news headline
    (possibly recased), so the headline model never saw it."""
    _shared()
    held_out = {h.lower() for h in gen_tails.clickbait_headlines(1)}
    held_out |= {h.lower() for h in gen_tails.clickbait_headlines(1, "non_clickbait_data.gz")}
    lines = [line for s, _, _ in _samples()
             for line, c in zip(s.spam_lines, s.spam_counts, strict=True)
             if c >= 2 and not line.startswith("https://") and not line.endswith(" min read")]
    assert len(lines) > N
    assert [line for line in lines if line.lower() not in held_out] == []


@pytest.mark.slow
@pytest.mark.shared
def test_fresh3_is_deterministic_across_runs_and_hash_seeds() -> None:
    _shared()
    digests = {_digest_in_subprocess(seed, "fresh3") for seed in ("1", "2")}
    assert len(digests) == 1 and len(next(iter(digests))) == 64, digests
    here = hashlib.sha256()
    for s, _, _ in gen_tails.generate("fresh3", 32):
        here.update((s.page + s.twin + repr(s.to_dict())).encode())
    assert here.hexdigest() in digests

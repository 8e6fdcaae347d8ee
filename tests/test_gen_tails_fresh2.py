"""The held-out ``fresh2`` split of the generated spam-tail benchmark (scripts/gen_tails.py,
issue 12): disjoint from the other halves in seed, locales, bodies, layouts and headers;
deterministic (also across hash seeds); its gold annotations account for every word the
tail adds to the clean twin, and every gold PII value is printed on the page. These tests
check the generator only: nothing here runs the cleaner on fresh2 pages (its first score
is held out)."""

from __future__ import annotations

import hashlib
import html
import os
import re
import subprocess
import sys
from collections import Counter
from functools import cache
from typing import Any

import pytest
from conftest import ROOT, require_shared

sys.path.insert(0, str(ROOT / "scripts"))
import gen_tails

OTHERS = ("develop", "report", "fresh")
N = 64  # four rounds of the 16 body-kind x layout combinations

_W = re.compile(r"\w+")
_TAG = re.compile(r"<[^>]*>")


def _other_locales() -> set[str]:
    """Every Faker locale another half uses: PII locales and the lorem of its bodies."""
    used = {loc for half in OTHERS for loc in gen_tails.LOCALES[half]}
    used |= {loc for half in OTHERS for kind in gen_tails.BODIES[half]
             for loc in gen_tails.NONLATIN_LOCALES.get(kind, ())}
    return used


def test_fresh2_is_a_half_with_its_own_seed() -> None:
    assert "fresh2" in gen_tails.HALVES
    assert gen_tails.SEEDS["fresh2"] not in {gen_tails.SEEDS[h] for h in OTHERS}


@pytest.mark.parametrize(("what", "mine", "theirs"), [
    pytest.param("PII locales", set(gen_tails.LOCALES["fresh2"]), _other_locales(),
                 id="locales-vs-other-pii-and-body-locales"),
    pytest.param("body lorem locales",
                 {loc for k in gen_tails.BODIES["fresh2"]
                  for loc in gen_tails.NONLATIN_LOCALES.get(k, ())}, _other_locales(),
                 id="body-locales"),
    pytest.param("body kinds", set(gen_tails.BODIES["fresh2"]),
                 {k for h in OTHERS for k in gen_tails.BODIES[h]}, id="body-kinds"),
    pytest.param("layouts", set(gen_tails.LAYOUTS["fresh2"]),
                 {k for h in OTHERS for k in gen_tails.LAYOUTS[h]}, id="layouts"),
    pytest.param("WCXB page types", set(gen_tails.WCXB_SHOP_TYPES),
                 {"article", *gen_tails.WCXB_OTHER_TYPES}, id="wcxb-types"),
    pytest.param("run headers",
                 set(gen_tails.FRESH2_RUN_HEADERS)
                 | {h for v in gen_tails.FRESH2_LOCAL.values() for h in v[0]},
                 {h for h in (*gen_tails.RUN_HEADERS.values(),
                              *gen_tails.LOCAL_RUN_HEADERS.values()) for h in h},
                 id="run-headers"),
    pytest.param("card headers", set(gen_tails.FRESH2_CARD_HEADERS),
                 {h for v in gen_tails.CARD_HEADERS.values() for h in v}, id="card-headers"),
])
def test_fresh2_shares_nothing_with_the_other_halves(what: str, mine: set[str],
                                                     theirs: set[str]) -> None:
    assert mine, what
    assert not mine & theirs, (what, sorted(mine & theirs))


def test_fresh2_has_at_least_12_locales_each_with_localized_card_keys() -> None:
    locales = gen_tails.LOCALES["fresh2"]
    assert len(set(locales)) >= 12
    # each locale's language has its own keys, the 9 fields of the card in that order
    for loc in locales:
        keys = gen_tails.FRESH2_CARD_KEY_WORDS[loc.split("_")[0]]
        assert len(keys) == len(gen_tails.JSONLD_KEYS) == 9, loc


# -- generated pages (need ../shared) ------------------------------------------------------


def _shared() -> None:
    require_shared("data", "clickbait-headlines")
    require_shared("data", "wcxb-dev", "ground-truth")


@cache
def _samples() -> list[tuple[Any, str, str]]:
    return list(gen_tails.generate("fresh2", N))


def _visible(page: str, fmt: str) -> str:
    """The page's text as a reader sees it (HTML: tags and attributes, e.g. alt text,
    dropped; entities decoded)."""
    return html.unescape(_TAG.sub(" ", page)) if fmt == "html" else page


def _words(text: str) -> Counter[str]:
    return Counter(_W.findall(text.lower()))


def annotation_errors(s: Any, page: str, twin: str) -> list[str]:
    """What is wrong with one sample's gold annotation: the tail's words (page minus
    twin) must be exactly the gold spam lines' words times their print counts, the twin's
    words must all be on the page, and every gold PII value printed on the page."""
    errors = []
    seen, ref = _visible(page, s.format), _visible(twin, s.format)
    added = _words(seen)
    added.subtract(_words(ref))
    if any(v < 0 for v in added.values()):
        errors.append("twin has words the page lacks")
    gold: Counter[str] = Counter()
    for line, count in zip(s.spam_lines, s.spam_counts, strict=True):
        for w, c in _words(line).items():
            gold[w] += c * count
    if +added != +gold:
        errors.append(f"tail words != gold spam lines: {sorted((+added - gold).items())[:5]} "
                      f"unannotated, {sorted((gold - +added).items())[:5]} not printed")
    errors += [f"PII value not on the page ({len(v)} chars)" for v in s.pii if v not in seen]
    return errors


@pytest.mark.shared
def test_fresh2_gold_annotations_are_consistent() -> None:
    _shared()
    bad = {s.id: err for s, page, twin in _samples() if (err := annotation_errors(s, page, twin))}
    assert not bad, bad


def _add_one(counts: list[int], i: int) -> None:
    counts[i] += 1


#: ways to break a sample's gold annotation that an annotation check must notice (shared
#: with the dev2 split's test)
ANNOTATION_MUTATIONS = [
    pytest.param("a headline dropped from the gold lines",
                 lambda s, i: s.spam_lines.__setitem__(i, "x"), id="dropped-headline"),
    pytest.param("a headline's print count off by one",
                 lambda s, i: _add_one(s.spam_counts, i), id="count-off-by-one"),
    pytest.param("a PII value the page does not print",
                 lambda s, i: s.pii.append("planted-9f3c@example.invalid"), id="planted-pii"),
]


def check_annotation_check_can_fail(split: str, check: Any, reason: str, mutate: Any) -> None:
    """``check`` passes a sample of ``split`` with a headline run, and fails it mutated."""
    s, page, twin = next((s, p, t) for s, p, t in gen_tails.generate(split, 8)
                         if "headlines" in s.tail_parts)
    assert check(s, page, twin) == [], "unmutated sample must pass"
    first_headline = next(i for i, c in enumerate(s.spam_counts) if c >= 2)
    mutate(s, first_headline)
    assert check(s, page, twin), reason


@pytest.mark.shared
@pytest.mark.parametrize(("reason", "mutate"), ANNOTATION_MUTATIONS)
def test_the_annotation_check_can_fail(reason: str, mutate: Any) -> None:
    _shared()
    check_annotation_check_can_fail("fresh2", annotation_errors, reason, mutate)


@pytest.mark.shared
def test_fresh2_covers_every_body_kind_layout_and_many_locales() -> None:
    _shared()
    samples = [s for s, _, _ in _samples()]
    assert {s.body_kind for s in samples} == set(gen_tails.BODIES["fresh2"])
    assert {s.layout for s in samples} == set(gen_tails.LAYOUTS["fresh2"])
    assert len({s.locale for s in samples}) >= 12
    assert all(s.page != s.twin and s.half == "fresh2" for s in samples)
    assert all(s.spam_lines for s in samples)


@pytest.mark.shared
def test_fresh2_headlines_are_from_the_held_out_halves() -> None:
    """Every printed headline is a held-out clickbait or news headline (possibly recased),
    so the headline model never saw it."""
    _shared()
    held_out = {h.lower() for h in gen_tails.clickbait_headlines(1)}
    held_out |= {h.lower() for h in gen_tails.clickbait_headlines(1, "non_clickbait_data.gz")}
    # lines printed twice or more: headlines, and sponsor names shown under several
    lines = [line for s, _, _ in _samples()
             for line, c in zip(s.spam_lines, s.spam_counts, strict=True)
             if c >= 2 and line not in gen_tails.SPONSOR_SOURCES]
    assert len(lines) > N
    assert [line for line in lines if line.lower() not in held_out] == []


def _digest_in_subprocess(hash_seed: str, half: str = "fresh2", n: int = 32) -> str:
    code = ("import hashlib, sys; sys.path.insert(0, 'scripts'); import gen_tails; "
            "h = hashlib.sha256(); "
            "[h.update((s.page + s.twin + repr(s.to_dict())).encode()) "
            f"for s, _, _ in gen_tails.generate({half!r}, {n})]; print(h.hexdigest())")
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True,
                         capture_output=True, text=True, timeout=300)
    return out.stdout.strip()


@pytest.mark.slow
@pytest.mark.shared
def test_fresh2_is_deterministic_across_runs_and_hash_seeds() -> None:
    """Two interpreters with different hash seeds generate the same bytes (no set order,
    no today's date)."""
    _shared()
    digests = {_digest_in_subprocess(seed) for seed in ("1", "2")}
    assert len(digests) == 1 and len(next(iter(digests))) == 64, digests
    here = hashlib.sha256()
    for s, _, _ in gen_tails.generate("fresh2", 32):
        here.update((s.page + s.twin + repr(s.to_dict())).encode())
    assert here.hexdigest() in digests

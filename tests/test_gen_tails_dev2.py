"""The ``dev2`` development split of the generated spam-tail benchmark
(scripts/gen_tails.py, issue 12): plain-text layouts with other separators and footer
syntaxes than fresh2's, bodies of short lines, the develop half's locales (fresh2's stay
unseen), its own seed; deterministic; its gold annotations account for every word the
tail adds to the clean twin. Rules are developed on it, so its figures are training
figures."""

from __future__ import annotations

import hashlib
import os
import re
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

N = 64  # four rounds of the 16 body-kind x layout combinations


def test_dev2_has_its_own_seed_and_the_develop_locales() -> None:
    assert "dev2" in gen_tails.HALVES
    others = {gen_tails.SEEDS[h] for h in gen_tails.HALVES if h != "dev2"}
    assert gen_tails.SEEDS["dev2"] not in others
    assert set(gen_tails.LOCALES["dev2"]) == set(gen_tails.LOCALES["develop"])
    assert not set(gen_tails.LOCALES["dev2"]) & set(gen_tails.LOCALES["fresh2"])


@pytest.mark.parametrize(("what", "mine", "theirs"), [
    pytest.param("layouts", set(gen_tails.LAYOUTS["dev2"]),
                 {k for h in gen_tails.HALVES if h != "dev2" for k in gen_tails.LAYOUTS[h]},
                 id="layouts"),
    pytest.param("body kinds besides the article benchmark",
                 set(gen_tails.BODIES["dev2"]) - {"article_bench"},
                 {k for h in gen_tails.HALVES if h != "dev2" for k in gen_tails.BODIES[h]},
                 id="body-kinds"),
    pytest.param("run headers",
                 set(gen_tails.DEV2_RUN_HEADERS)
                 | {h for v in gen_tails.DEV2_LOCAL.values() for h in v[0]},
                 set(gen_tails.FRESH2_RUN_HEADERS)
                 | {h for v in gen_tails.FRESH2_LOCAL.values() for h in v[0]},
                 id="run-headers-vs-fresh2"),
    pytest.param("card keys", {k for v in gen_tails.DEV2_CARD_KEY_WORDS.values() for k in v},
                 {k for v in gen_tails.FRESH2_CARD_KEY_WORDS.values() for k in v}
                 | set(gen_tails.JSONLD_KEYS), id="card-keys-vs-fresh2"),
])
def test_dev2_is_not_a_copy_of_fresh2(what: str, mine: set[str], theirs: set[str]) -> None:
    # (English "Mail"/"Tel"-like short labels may coincide across languages: only the
    # sets' overlap with fresh2's is checked)
    assert mine, what
    assert not mine & theirs, (what, sorted(mine & theirs))


def _shared() -> None:
    require_shared("data", "clickbait-headlines")
    require_shared("data", "article-extraction-benchmark", "ground-truth.json")


@cache
def _samples() -> list[tuple[Any, str, str]]:
    return list(gen_tails.generate("dev2", N))


_NUMBER_MARK = re.compile(r"(?m)^\d{1,2}\) ")


def dev2_annotation_errors(s: Any, page: str, twin: str) -> list[str]:
    """fresh2's check, with the ``1)`` list numbers taken off page and twin alike (the
    numbered run's numbers are no spam line a reader would count)."""
    return annotation_errors(s, _NUMBER_MARK.sub("", page), _NUMBER_MARK.sub("", twin))


@pytest.mark.shared
def test_dev2_gold_annotations_are_consistent() -> None:
    _shared()
    bad = {s.id: err for s, page, twin in _samples()
           if (err := dev2_annotation_errors(s, page, twin))}
    assert not bad, bad


@pytest.mark.shared
@pytest.mark.parametrize(("reason", "mutate"), ANNOTATION_MUTATIONS)
def test_the_dev2_annotation_check_can_fail(reason: str, mutate: Any) -> None:
    _shared()
    check_annotation_check_can_fail("dev2", dev2_annotation_errors, reason, mutate)


#: the shape each layout must print (the failure shapes of issue 12's text layouts), as
#: a regular expression over the page, and whether no clean twin prints it (a spec list
#: body has ``Key - value`` lines of its own, an article two spaces)
SHAPES = [
    ("text_slash_ini", "run as one slash line", r"\n[^\n]+ / [^\n]+ / ", True),
    ("text_slash_ini", "run as one em-dash line", r"\n[^\n]{10,} — [^\n]{10,}", False),
    ("text_slash_ini", "card as key = value", r"\n\w[\w .]* = \S", True),
    ("text_slash_ini", "socials as INI sections", r"\n\[\w+\]\npage = https://", True),
    ("text_chevron_dash", "run as >> lines", r"\n>> \S", True),
    ("text_chevron_dash", "run inline after its header, ; separated", r"\n[^\n]+: [^\n]+; ",
     False),
    ("text_chevron_dash", "card as key - value", r"\n\w[\w .]* - \S", False),
    ("text_numbered_json", "run as 1) lines", r"\n1\) \S", True),
    ("text_numbered_json", "quoted JSON key/value lines", r'\n  +"\w+": "', True),
    ("text_star_yaml", "run glued with two spaces", r"\S  \S[^\n]*\n", False),
    ("text_star_yaml", "YAML card", r"\nauthor:\n  \S[^\n]*: ", True),
    ("text_star_yaml", "YAML social items", r"\n- \w+:\n    page: https://", True),
]


@pytest.mark.shared
@pytest.mark.parametrize(("layout", "reason", "pattern", "tail_only"), SHAPES,
                         ids=[f"{lay}-{r.replace(' ', '-')}" for lay, r, _, _ in SHAPES])
def test_each_dev2_layout_prints_its_failure_shape(layout: str, reason: str, pattern: str,
                                                   tail_only: bool) -> None:
    _shared()
    pages = [(page, twin) for s, page, twin in _samples() if s.layout == layout]
    assert pages, layout
    rx = re.compile(pattern)
    assert any(rx.search(page) for page, _ in pages), reason
    if tail_only:
        assert not any(rx.search(twin) for _, twin in pages), reason


@pytest.mark.shared
def test_dev2_covers_every_body_kind_layout_and_the_locales() -> None:
    _shared()
    samples = [s for s, _, _ in _samples()]
    assert {s.body_kind for s in samples} == set(gen_tails.BODIES["dev2"])
    assert {s.layout for s in samples} == set(gen_tails.LAYOUTS["dev2"])
    assert len({s.locale for s in samples}) >= 6
    assert all(s.page != s.twin and s.format == "text" for s in samples)
    assert sum(bool(s.pii) for s in samples) >= N // 2


@pytest.mark.slow
@pytest.mark.shared
def test_dev2_is_deterministic_under_the_fixed_hash_seed() -> None:
    """Two interpreters generate the same bytes under the hash seed the scripts fix
    (``gen_tails.fixed_hash_seed``: the develop locales' it_IT draws from sets, so other
    hash seeds give other cities); no clock."""
    _shared()
    digests = [_digest_in_subprocess("0", "dev2") for _ in range(2)]
    assert digests[0] == digests[1] and len(digests[0]) == 64, digests
    if os.environ.get("PYTHONHASHSEED") == "0":
        here = hashlib.sha256()
        for s, _, _ in gen_tails.generate("dev2", 32):
            here.update((s.page + s.twin + repr(s.to_dict())).encode())
        assert here.hexdigest() == digests[0]

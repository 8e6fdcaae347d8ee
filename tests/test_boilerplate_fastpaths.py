"""Fast paths of the boilerplate features against the code they replaced."""

from __future__ import annotations

import sys
from collections import Counter

import pytest
from _boilerplate_helpers import BODY, article, make_cleaner, removed_texts
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.boilerplate import rules as R
from cleaner.boilerplate.features import (
    _ALL_STOPWORDS,
    _RAW_WORD,
    _UNSPACED_CHAR,
    Feat,
    _content,
    _latin_share,
    _overlaps,
    _stem,
    _title_case,
    _word_key,
    latin_words,
)
from cleaner.config import BoilerplateConfig
from cleaner.normalize import word_key


def _title_reference(text: str, tokens_raw: list[str], ratio: float) -> bool:
    """``_title_case`` as it was: the letter test character by character."""
    letters = [ch for ch in text if ch.isalpha() and (ch.isupper() or ch.islower())]
    if len(letters) >= 8 and all(not ch.islower() for ch in letters):
        return True
    long_words = [w for w in tokens_raw if len(w) >= 4 and w[0].isalpha()]
    if len(long_words) < 2:
        return False
    caps = sum(1 for w in long_words if w[0].isupper())
    return caps / len(long_words) >= ratio


#: (text, ALL CAPS / title case expected, why)
ROWS = [
    ("BREAKING NEWS TODAY", True, "all caps, 17 letters"),
    ("ABC DEFG", False, "7 letters in caps: under 8, and no long words to count"),
    ("ABCD EFGH", True, "8 letters in caps"),
    ("ABCD efgh", False, "lower-case letters: not all caps, and one of two long words capitalised"),
    ("12345678 !!!! ????", False, "no letters at all"),
    ("Harbour Council Approves Ferry Timetable", True, "title case words"),
    ("ÉTÉ À PARIS ENCORE", True, "non-ASCII caps take the character path"),
]


@pytest.mark.parametrize(("text", "want", "why"), ROWS, ids=[r[2] for r in ROWS])
def test_title_case_planted(text: str, want: bool, why: str) -> None:
    raw = _RAW_WORD.findall(text)
    assert _title_case(text, raw, 0.6) is want, why
    assert _title_reference(text, raw, 0.6) is want, "row is wrong"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ABCXYZabcxyz 019.-'!é", max_size=40), st.sampled_from([0.5, 0.6, 0.8]))
def test_title_case_equals_reference(text: str, ratio: float) -> None:
    raw = _RAW_WORD.findall(text)
    assert _title_case(text, raw, ratio) == _title_reference(text, raw, ratio)


# -- the stage's speed paths (issue 13): the same values as the loops they replaced ------------


def _latin_reference(text: str) -> float:
    """``_latin_share`` as it was: a loop over the characters."""
    if text.isascii():
        return 1.0
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 1.0
    return sum(1 for ch in letters if ch < "\u0250") / len(letters)


LATIN_ROWS = [
    ("Harbour council", 1.0, "ASCII"),
    ("Été à Paris", 1.0, "Latin-1 letters are Latin"),
    ("ɏ\u0250", 0.5, "U+024F is Latin (Extended-B), U+0250 (IPA) is not"),
    ("Москва и Paris", 5 / 12, "Cyrillic against Latin letters"),
    ("東京 2026 ²½", 0.0, "Han letters; digits and numerics are no letters"),
    ("— 2026 —", 1.0, "no letters at all"),
]


@pytest.mark.parametrize(("text", "want", "why"), LATIN_ROWS, ids=[r[2] for r in LATIN_ROWS])
def test_latin_share_planted(text: str, want: float, why: str) -> None:
    assert _latin_share(text) == pytest.approx(want), why
    assert _latin_reference(text) == pytest.approx(want), "row is wrong"


def test_latin_share_over_every_code_point() -> None:
    """Every code point, in runs of 4096 beside Latin and Cyrillic letters: the same
    float as the loop (``str.isalpha`` and the U+0250 bound, character by character)."""
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    for k in range(0, len(every), 4096):
        chunk = every[k : k + 4096] + "aЖ"
        assert _latin_share(chunk) == _latin_reference(chunk), hex(k)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcÉéɏɐЖж東ก 1²_-'", max_size=60))
def test_latin_share_equals_reference(text: str) -> None:
    assert _latin_share(text) == _latin_reference(text)


def _content_reference(tokens: list[str]) -> list[str]:
    """``_content`` as it was: one token at a time."""
    out: list[str] = []
    for t in tokens:
        if not t.isascii() and _UNSPACED_CHAR.search(t):
            out.extend(t[k : k + 2] for k in range(len(t) - 1))
        elif len(t) >= 3 and t not in _ALL_STOPWORDS:
            out.append(_stem(t))
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["the", "harbour", "ferry", "timetables", "été", "ab", "東京都",
                                 "ภาษาไทย", "and", "crossing"]), max_size=12))
def test_content_equals_reference(tokens: list[str]) -> None:
    assert _content(tokens) == _content_reference(tokens)


def test_content_planted() -> None:
    assert _content(["the", "timetables", "ab"]) == ["timeta"]  # stopword, stem, short
    assert _content(["ferry", "東京都"]) == ["ferry", "東京", "京都"]  # unspaced: bigrams


def _overlaps_reference(content: list[list[str]], source: list[int]) -> list[float]:
    """``_overlaps`` as it was: every term against ``body - own`` by Counter."""
    body: Counter[str] = Counter()
    for i in source:
        body.update(content[i])
    out = []
    for i, toks in enumerate(content):
        if not toks:
            out.append(1.0)
            continue
        own = Counter(toks) if i in source else Counter()
        out.append(sum(1 for t in toks if body[t] - own[t] > 0) / len(toks))
    return out


def _feats(n: int) -> list[Feat]:
    return [Feat(text="", tokens=[], n=0, terminal=False, title=False, norm="",
                 link_density=0.0, containers=frozenset()) for _ in range(n)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from("abcde"), max_size=6), min_size=1, max_size=6),
       st.data())
def test_overlaps_equal_reference(content: list[list[str]], data: st.DataObject) -> None:
    source = data.draw(st.lists(st.integers(0, len(content) - 1), unique=True))
    feats = _feats(len(content))
    _overlaps(feats, content, source)
    assert [f.overlap for f in feats] == _overlaps_reference(content, source)


def test_overlaps_planted() -> None:
    """A body block's term counts only when another body block holds it; any other
    block's term when a body block does."""
    feats = _feats(3)
    _overlaps(feats, [["a", "a", "b"], ["b", "c"], ["a", "z"]], [0, 1])
    assert [f.overlap for f in feats] == [1 / 3, 1 / 2, 1 / 2]


def test_prompt_max_words_covers_the_prompt_rules() -> None:
    """The stage computes ``Where.prompt_ok`` only up to ``PROMPT_MAX_WORDS``: every rule
    reading it checks no longer block."""
    for name in R.PROMPT_RULES:
        limit = R.RULES[name].max_words
        assert limit is not None and limit <= R.PROMPT_MAX_WORDS, name
    assert max(R.RULES[k].max_words or 0 for k in R.PROMPT_RULES) == R.PROMPT_MAX_WORDS


def test_long_newsletter_prompt_still_fires() -> None:
    """A 36-word newsletter prompt after the article (under the rule's 40 words, over
    the other prompt rules' 30) is still removed with ``prompt_ok`` computed lazily."""
    prompt = ("Sign up for our newsletter to get the best harbour stories, ferry updates, "
              "island events, local weather warnings, council decisions, shop openings and "
              "weekend guides delivered to you every single morning before the first sailing")
    assert 30 < len(prompt.split()) <= R.FURNITURE_MAX_WORDS["newsletter"]
    result = make_cleaner().clean(article(*BODY, prompt), format="text")
    assert ("furniture", prompt) in removed_texts(result)


def test_profile_gate_is_the_patterns() -> None:
    """``contact_kinds`` skips the profile pattern behind its gate: a profile URL is still
    found (any case), a text with a slash and no platform is not searched."""
    assert "profile" in R.contact_kinds("see https://INSTAGRAM.com/harbour_news today")
    assert "profile" in R.contact_kinds("harbour.substack.com/p/ferry")
    assert not R._PROFILE_GATE.may_match("24/7 and/or 1/2")
    assert "profile" not in R.contact_kinds("24/7 and/or 1/2")


def test_card_line_reads_one_split() -> None:
    """``card_line`` reads a known key and an unknown one from the same split."""
    assert R.card_line(_line("Email: jo@example.org")) == ("kv", "email", "jo@example.org")
    assert R.card_line(_line("Lieblingsfarbe: Blau")) == ("kv", None, "Blau")
    assert R.card_line(_line("just a sentence here")) is None


def _line(text: str) -> Feat:
    f = _feats(1)[0]
    f.text, f.n = text, len(text.split())
    f.contacts = R.contact_kinds(text)
    return f


def test_check_rows_keep_order_and_limits() -> None:
    """The rows the stage loops over are its rules' checks, in order (the order of the
    signals in a finding's name), with their word limits."""
    for rules, rows in ((R.BLOCK_RULES, R.BLOCK_CHECKS), (R.RUN_RULES, R.RUN_CHECKS),
                        (R.BIO_RULES, R.BIO_CHECKS)):
        assert [row[2] for row in rows] == [r.name for r in rules if r.check is not None]
        for (limit, check, name, weight), rule in zip(rows, rules, strict=True):
            assert (check, weight) == (rule.check, rule.weight), name
            assert limit == (sys.maxsize if rule.max_words is None else rule.max_words), name
    assert dict(zip([r[2] for r in R.BLOCK_CHECKS], [r[0] for r in R.BLOCK_CHECKS],
                    strict=True))["read_more"] == R.FURNITURE_MAX_WORDS["read_more"]


def test_where_is_immutable() -> None:
    """A check cannot change what the next check of the block sees."""
    w = R.Where(tail=True, html=False, prompt_ok=True, foreign=False, cfg=BoilerplateConfig())
    with pytest.raises(AttributeError):
        w.tail = False  # type: ignore[misc]
    assert (w.offtopic, w.prev, w.next, w.prev_tail) == (0.0, None, None, False)


WORD_KEY_ROWS = [
    "Harbour Council: 2 New Ferries_Today!",
    "It’s the “new” timetable — again…",
    "Été à Paris",  # non-ASCII letters: word_key itself
    "x² and ½ of ①",  # non-ASCII \\w that is no letter
    "K\u212a kelvin and \u0130stanbul",  # the Kelvin sign and the dotted capital I
    "",
]


@pytest.mark.parametrize("text", WORD_KEY_ROWS)
def test_word_key_planted(text: str) -> None:
    assert _word_key(text) == word_key(text)


def test_word_key_over_every_code_point() -> None:
    """Every code point between ASCII words: the byte path where it applies, and
    ``word_key`` itself, agree (a non-word character that lower-cases to a word
    character would make them differ)."""
    for c in range(0x80, sys.maxunicode + 1):
        text = f"Ab{chr(c)}cD 1_x"
        assert _word_key(text) == word_key(text), hex(c)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aZ09_ -’“—…é²\t", max_size=40))
def test_word_key_equals_reference(text: str) -> None:
    assert _word_key(text) == word_key(text)


def test_bio_rules_fire_in_the_tail_only() -> None:
    """The stage checks the bio rules after the article's end only: neither fires on a
    block before it, whatever the block holds."""
    bio = _line("Jo Smith is a reporter at the Harbour News. jo@example.org +44 20 7946 0958")
    assert bio.contact_block
    cfg = BoilerplateConfig()
    for rule in R.BIO_RULES:
        assert rule.check is not None
        assert rule.check(bio, R.Where(tail=True, html=False, prompt_ok=False,
                                       foreign=False, cfg=cfg)), rule.name
        assert not rule.check(bio, R.Where(tail=False, html=False, prompt_ok=False,
                                           foreign=False, cfg=cfg)), rule.name


CLICKBAIT_ROWS = [
    ("Doctors Hate THIS Weird Trick for Belly Fat", True, "the phrase searched on its own"),
    ("This little habit will change your life", True, "both halves match"),
    ("You won't believe what happens next", True, "the rest of the lexicon"),
    ("This ferry timetable starts in May", False, "'this' alone is no clickbait"),
    ("Harbour council approves new ferry timetable", False, "no phrase"),
]


@pytest.mark.parametrize(("text", "want", "why"), CLICKBAIT_ROWS,
                         ids=[r[2] for r in CLICKBAIT_ROWS])
def test_clickbait_planted(text: str, want: bool, why: str) -> None:
    assert R.clickbait(text) is want, why
    assert (R.CLICKBAIT_RE.search(text) is not None) is want, "row is wrong"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["this", "THIS", "one", "weird", "trick", "food", "you",
                                 "won't", "believe", "shocking", "ferry", "ſhocking", " "]),
                max_size=8))
def test_clickbait_equals_the_lexicon(parts: list[str]) -> None:
    text = " ".join(parts)
    assert R.clickbait(text) == (R.CLICKBAIT_RE.search(text) is not None)


def test_clickbait_rest_is_gated_without_this() -> None:
    """The split's reason: the rest of the lexicon has a gate, and "this" is not in it."""
    assert R._CLICKBAIT_REST.gate is not None
    assert "this" not in (R._CLICKBAIT_REST.literals or frozenset())
    assert R.CLICKBAIT_RE.pattern == "(?:" + "|".join(R.CLICKBAIT_PHRASES) + ")"


def test_run_rules_need_a_headline_or_the_tail() -> None:
    """The stage checks the run rules only on headline candidates and after the article's
    end: on a block that is neither, beside headlines, none fires."""
    cfg = BoilerplateConfig()
    row = _line("Harbour Ferry Timetable Changes — 19 Nov 2026")
    row.kind, row.link_density = "list_item", 1.0
    for headline, tail, want in ((True, True, True), (False, True, True), (True, False, True),
                                 (False, False, False)):
        f = _line(row.text)
        f.kind, f.link_density, f.headline = "list_item", 1.0, headline
        w = R.Where(tail=tail, html=True, prompt_ok=False, foreign=False, cfg=cfg,
                    prev=row, next=row, prev_tail=tail)
        row.headline = True
        fired = [rule.name for rule in R.RUN_RULES if rule.check is not None
                 and rule.check(f, w)]
        assert bool(fired) is want, (headline, tail, fired)


def _latin_words_reference(tokens: list[str]) -> float:
    """The block's Latin share as ``_vocabulary`` computed it before (0.0 left as is)."""
    meaningful = [t for t in tokens if t not in R.LATIN_AMBIGUOUS]
    if not meaningful:
        return 0.0
    return len([t for t in meaningful if t in R.LATIN_WORDS]) / len(meaningful)


@pytest.mark.parametrize(("tokens", "want", "why"), [
    (["lorem", "ipsum", "dolor", "sit", "amet"], 1.0, "filler: every word Latin"),
    (["the", "lorem", "ipsum", "story"], 0.5, "half Latin"),
    (["in", "et", "est", "a"], 0.0, "only ambiguous words: none meaningful"),
    (["in", "et", "lorem", "news"], 0.5, "ambiguous words not counted"),
    (["the", "news", "in", "brief"], 0.0, "no Latin-only word"),
    ([], 0.0, "no tokens"),
])
def test_latin_words_planted(tokens: list[str], want: float, why: str) -> None:
    assert latin_words(tokens) == want, why
    assert latin_words(tokens) == _latin_words_reference(tokens), why


_LATIN_POOL = sorted(R.LATIN_WORDS)[:40] + sorted(R.LATIN_AMBIGUOUS) + [
    "the", "news", "story", "und", "der", "é", "lorem", "ipsum"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_LATIN_POOL), max_size=30))
def test_latin_words_equal_reference(tokens: list[str]) -> None:
    assert latin_words(tokens) == _latin_words_reference(tokens)

"""Shortcuts of the stages after extraction (issue #13, helper speedd) against the code
they replace: each fast path must give exactly what the plain computation gives."""

from __future__ import annotations

import random
import re
import sys

import pytest

from cleaner.language import _has_letters
from cleaner.lexicon import (
    _ASCII_WORD,
    _UNSPACED,
    _ascii_words,
    has_unspaced,
    spaced_tokens,
    unspaced_share,
    word_count,
    words,
)
from cleaner.quality import _SYMBOLS, _symbols

# -- lexicon: words by splitting ----------------------------------------------------------


@pytest.mark.parametrize(
    ("low", "expected"),
    [
        pytest.param("", [], id="empty"),
        pytest.param("no apostrophe here", ["no", "apostrophe", "here"], id="plain split"),
        pytest.param("it's fine", ["it's", "fine"], id="apostrophe joins two letters"),
        pytest.param("'tis students' x", ["tis", "students", "x"], id="apostrophe at an edge"),
        pytest.param("rock'n'roll", ["rock'n", "roll"], id="second apostrophe of a run"),
        pytest.param("a''b", ["a", "b"], id="doubled apostrophe"),
        pytest.param("x'1 y", ["x", "y"], id="apostrophe before a digit"),
        pytest.param("caf\u00e9 na\u00efve", ["caf", "na", "ve"], id="non-ASCII separates"),
        pytest.param("a'b c'd'e f", ["a'b", "c'd", "e", "f"], id="loose run between easy ones"),
    ],
)
def test_ascii_words_rows(low: str, expected: list[str]) -> None:
    assert _ascii_words(low) == expected == _ASCII_WORD.findall(low)


def test_ascii_words_random_texts_equal_findall() -> None:
    rnd = random.Random(13)
    dense = "ab'' .,-\n\t1_\u2019\u201c\u00e9"  # apostrophe-dense: the regex itself
    sparse = ["it's", "'tis", "rock'n'roll", "a''b", "x'", *("word", "of", " ", ", ", "\u00e9")
              * 12]  # one apostrophe in ~40 characters: run by run
    for _ in range(3000):
        low = "".join(rnd.choice(dense) for _ in range(rnd.randint(0, 24)))
        assert _ascii_words(low) == _ASCII_WORD.findall(low), repr(low)
        low = "".join(rnd.choice(sparse) for _ in range(rnd.randint(0, 200)))
        assert _ascii_words(low) == _ASCII_WORD.findall(low), repr(low)


def test_ascii_words_on_hostile_apostrophes_stays_cheap() -> None:
    import time

    for low in ("'" * 200_000, "'a " * 70_000, "a'" * 100_000):
        t0 = time.process_time()
        assert _ascii_words(low) == _ASCII_WORD.findall(low)
        assert time.process_time() - t0 < 1.0


def test_words_on_prose_with_quotes_equals_reference() -> None:
    text = ("The 'council' said it’s done; rock'n'roll — “students' fees” aren't 'x "
            "O'Neil's") * 3
    ref = [w.lower().replace("’", "'") for w in re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?",
                                                           text)]
    assert words(text) == ref


# -- lexicon: one test for unspaced characters ----------------------------------------------


def test_lower_casing_maps_nothing_into_the_unspaced_ranges() -> None:
    # what quality relies on: without an unspaced character in a text, none is in the
    # lower-cased words either, so every token is spaced
    into = [cp for cp in range(sys.maxunicode + 1)
            if not _UNSPACED.match(chr(cp)) and _UNSPACED.search(chr(cp).lower())]
    assert into == []


def test_has_unspaced_equals_the_regex_on_every_code_point() -> None:
    # the high-byte pre-test may only say "no" where the regex finds nothing
    wrong = [cp for cp in range(sys.maxunicode + 1)
             if has_unspaced(f"a{chr(cp)}") != (_UNSPACED.search(chr(cp)) is not None)]
    assert wrong == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("plain ASCII", False, id="ascii"),
        pytest.param("a\ud800b", False, id="lone surrogate: high byte 0xD8, regex says no"),
        pytest.param("x\U00020000", True, id="Han extension B, past U+FFFF"),
        pytest.param("\u0e00\u0fff", True, id="high byte 0x0E"),
        pytest.param("\u0f00 \uff00", False, id="next to the ranges"),
        pytest.param("it’s “quoted” — yes", False, id="curly quotes and dash"),
        pytest.param("Der Stra\u00dfe", False, id="accented Latin"),
        pytest.param("The \u6771\u4eac office", True, id="Han"),
        pytest.param("a\u3001b", True, id="CJK punctuation"),
        pytest.param("\u0e44\u0e17\u0e22", True, id="Thai"),
        pytest.param("\uff01", True, id="full-width exclamation mark"),
    ],
)
def test_has_unspaced_rows(text: str, expected: bool) -> None:
    assert has_unspaced(text) is expected
    if not expected:  # what quality then skips computes the same
        assert word_count(text) == len(text.split())
        assert unspaced_share(text) == 0.0
        assert spaced_tokens(words(text)) == words(text)


# -- language: letters counted a slice at a time ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "n", "expected"),
    [
        pytest.param("a" * 39, 40, False, id="one letter short"),
        pytest.param("a" * 40, 40, True, id="exactly enough"),
        pytest.param("1 2 3 " * 30 + "abc", 3, True, id="letters only in a later slice"),
        pytest.param("_" * 100, 1, False, id="underscores are not letters"),
        pytest.param("\u0416" * 40, 40, True, id="Cyrillic: slow path"),
        pytest.param("x\u00aa" * 20, 40, True, id="feminine ordinal is a letter"),
        pytest.param("", 0, True, id="nothing asked"),
    ],
)
def test_has_letters_rows(text: str, n: int, expected: bool) -> None:
    assert _has_letters(text, n) is expected
    assert (n <= 0 or sum(map(str.isalpha, text)) >= n) is expected


def test_has_letters_random_texts_equal_counting() -> None:
    rnd = random.Random(5)
    alphabet = "ab1 ._\u00e9\u0416\u00aa\u00b2"
    for _ in range(3000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 200)))
        n = rnd.randint(0, 90)
        assert _has_letters(text, n) == (n <= 0 or sum(map(str.isalpha, text)) >= n)


# -- quality: symbols counted, not matched -----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param("a # b | c", id="hash and bar"),
        pytest.param("wait.... ....... ..", id="runs of dots: three at a time"),
        pytest.param("so\u2026 and \u2026\u2026", id="ellipsis character"),
        pytest.param("#|\u2026...#", id="adjacent"),
    ],
)
def test_symbols_rows(text: str) -> None:
    assert _symbols(text) == len(_SYMBOLS.findall(text))


def test_symbols_random_texts() -> None:
    rnd = random.Random(7)
    for _ in range(3000):
        text = "".join(rnd.choice("..#|\u2026a ") for _ in range(rnd.randint(0, 30)))
        assert _symbols(text) == len(_SYMBOLS.findall(text)), repr(text)


# -- PII: the no-op engine's empty artifacts made once ------------------------------------------


def test_pii_shared_artifacts_are_what_the_noop_engine_makes(monkeypatch: pytest.MonkeyPatch
                                                             ) -> None:
    from cleaner.pii import get_engine
    from cleaner.pii.registry import LANGUAGES

    engine = get_engine()
    analyzer = engine.analyzer
    for lang in LANGUAGES:
        shared, fresh = engine._artifacts[lang], analyzer.nlp_engine.process_text("x y", lang)
        assert (shared.entities, shared.lemmas, shared.keywords, shared.tokens_indices,
                shared.scores, len(shared.tokens), shared.nlp_engine) == (
            fresh.entities, fresh.lemmas, fresh.keywords, fresh.tokens_indices,
            fresh.scores, len(fresh.tokens), fresh.nlp_engine) == (
            [], [], [], [], [], 0, analyzer.nlp_engine)
    text = "Contact : jane.roe@example.org\nPhone : +44 20 7946 0018\n"
    spans = [(0, len(text), "en")]
    with_shared = engine.find(text, spans)

    def _no_call(*args: object, **kwargs: object) -> object:
        raise AssertionError("process_text called although artifacts were handed over")

    monkeypatch.setattr(analyzer.nlp_engine, "process_text", _no_call)
    assert engine.find(text, spans) == with_shared
    monkeypatch.undo()
    monkeypatch.setattr(engine, "_artifacts", {})  # without them: presidio makes its own
    with pytest.raises(KeyError):
        engine.find(text, spans)
    monkeypatch.undo()
    assert {h.entity for h in with_shared} >= {"EMAIL_ADDRESS", "PHONE_NUMBER"}


# -- lexicon: every language's stopwords counted in one pass -------------------------------------


def _best_reference(tokens: list[str]) -> tuple[str | None, float]:
    from cleaner.lexicon import STOPWORDS, stopword_ratio

    best: tuple[str | None, float] = (None, 0.0)
    for lang in STOPWORDS:
        r = stopword_ratio(tokens, lang)
        if r > best[1]:
            best = (lang, r)
    return best


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        pytest.param([], (None, 0.0), id="no tokens"),
        pytest.param(["house", "tree"], (None, 0.0), id="no stopword"),
        pytest.param(["the", "of", "house"], ("en", 2 / 3), id="English"),
        pytest.param(["de", "x"], ("fr", 0.5), id="shared by fr/es/nl/pt: first in order"),
        pytest.param(["a", "zz"], ("en", 0.5), id="shared by en/es/it/pt: first in order"),
        pytest.param(["de", "und", "der"], ("de", 2 / 3), id="German over the shared word"),
    ],
)
def test_best_stopword_language_rows(tokens: list[str], expected: tuple[str | None, float]
                                     ) -> None:
    from cleaner.lexicon import best_stopword_language

    assert best_stopword_language(tokens) == expected == _best_reference(tokens)


def test_best_stopword_language_random_tokens() -> None:
    from cleaner.lexicon import STOPWORDS, best_stopword_language

    pool = sorted(set().union(*STOPWORDS.values())) + ["zz", "house", "x"] * 30
    rnd = random.Random(11)
    for _ in range(3000):
        tokens = [rnd.choice(pool) for _ in range(rnd.randint(0, 30))]
        assert best_stopword_language(tokens) == _best_reference(tokens), tokens


# -- detect: lone surrogates and NUL from one UTF-8 encoding ------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("plain", "plain", id="ascii, nothing to do"),
        pytest.param("a\x00b", "ab", id="ascii NUL dropped"),
        pytest.param("caf\u00e9\x00\u2019", "caf\u00e9\u2019", id="NUL in a 2-byte string"),
        pytest.param("x\ud800y\x00", "x\ufffdy", id="surrogate and NUL"),
        pytest.param("\U0001f600\x00", "\U0001f600", id="NUL in a 4-byte string"),
        pytest.param("\u0100a", "\u0100a", id="zero low byte, no NUL"),
    ],
)
def test_clean_str_rows(text: str, expected: str) -> None:
    from cleaner.detect import _clean_str, _replace_surrogates, _strip_nul

    assert _clean_str(text) == expected == _strip_nul(_replace_surrogates(text))


def test_clean_str_random_mixtures() -> None:
    from cleaner.detect import _clean_str, _replace_surrogates, _strip_nul

    rnd = random.Random(2)
    pieces = ["a", "\x00", "\ud800", "\udfff", "\u00e9", "\u2019", "\U0001f600", "\u6771", " "]
    for _ in range(5000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12)))
        assert _clean_str(text) == _strip_nul(_replace_surrogates(text)), repr(text)


# -- assemble: a block without edits on one line ---------------------------------------------


@pytest.mark.parametrize(
    "texts",
    [
        pytest.param(["plain line", "another"], id="plain"),
        pytest.param(["  padded \t", "\u00a0nbsp\u00a0"], id="spaces, tab, NBSP stripped"),
        pytest.param(["   ", "kept"], id="a blank block disappears"),
        pytest.param(["two\n  lines  ", "x"], id="line break: the line loop"),
    ],
)
def test_render_without_edits_equals_the_line_loop(texts: list[str]) -> None:
    from cleaner.assemble import render
    from cleaner.model import Block, Document

    text = "\n\n".join(texts)
    blocks, pos = [], 0
    for i, t in enumerate(texts):
        blocks.append(Block(index=i, start=pos, end=pos + len(t), kind="paragraph", group=i,
                            text=t))
        pos += len(t) + 2
    doc = Document(source=text, text=text, blocks=blocks)
    expected = "\n\n".join(
        "\n".join(ln for ln in (x.strip() for x in t.split("\n")) if ln)
        for t in texts if any(x.strip() for x in t.split("\n"))
    )
    assert render(doc) == expected

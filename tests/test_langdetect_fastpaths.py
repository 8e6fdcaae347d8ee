"""The fast paths of ``cleaner.langdetect_fast`` against the stock langdetect code they
replace: the bounded Latin count of ``cleaning_text``, the n-gram rows joined from the
per-token cache, and the grouped trials (six-row layout, the leader's quotient instead of
a max over all languages). Every expected value comes from stock langdetect
(``langdetect.detector.Detector`` / ``DetectorFactory``), never from the code under test.
"""

from __future__ import annotations

import random
from typing import Any

import pytest

#: (text, why): ``cleaning_text`` rows, at and around its threshold
#: (stock: drop ``'A' <= ch <= 'z'`` when twice their count is under the count of
#: characters >= U+0300)
CLEANING_CASES = [
    ("plain ascii text", "ASCII: unchanged"),
    ("", "empty"),
    ("The “council” approved it’s plan", "English with curly quotes: a few non-Latin"),
    ("Привет мир ab", "Cyrillic with 2 Latin letters: dropped"),
    ("абвг ab", "4 others, 2 Latin: 2 * 2 == 4, kept (not under)"),
    ("абвгд ab", "5 others, 2 Latin: 4 < 5, dropped"),
    ("абв ab", "3 others, 2 Latin: kept"),
    ("а a", "1 other, 1 Latin: kept"),
    ("аб a", "2 others, 1 Latin: 2 == 2, kept"),
    ("абв a", "3 others, 1 Latin: dropped"),
    ("東京タワー", "no Latin at all: nothing to drop"),
    ("[\\]^_` абвгдеж", "'[' to '`' count as Latin in stock (A-z range)"),
    ("éèàü ab", "Latin-1 letters are under U+0300: not 'others'"),
    ("ab\u0301\u0301\u0301\u0301\u0301", "combining marks (U+0301) count as others"),
    ("ab" + "\U0001f600" * 5, "astral characters count as others"),
]


def _stock_cleaned(text: str) -> str:
    from langdetect.detector import Detector

    holder: Any = type("Holder", (), {})()
    holder.text = text
    Detector.cleaning_text(holder)
    return str(holder.text)


@pytest.mark.parametrize("text", [pytest.param(t, id=why) for t, why in CLEANING_CASES])
def test_cleaning_text_equals_stock(text: str) -> None:
    from langdetect.detector_factory import PROFILES_DIRECTORY

    from cleaner.langdetect_fast import LazyProfiles

    d = LazyProfiles(PROFILES_DIRECTORY, seed=0).create()
    d.text = text
    d.cleaning_text()
    assert d.text == _stock_cleaned(text)


def test_cleaning_text_equals_stock_on_random_mixtures() -> None:
    from langdetect.detector_factory import PROFILES_DIRECTORY

    from cleaner.langdetect_fast import LazyProfiles

    d = LazyProfiles(PROFILES_DIRECTORY, seed=0).create()
    rng = random.Random(11)
    pool = "abcXYZ[_`{ 12абвг東京éü\u0301\u2019\u201c"
    for _ in range(3000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 16)))
        d.text = text
        d.cleaning_text()
        assert d.text == _stock_cleaned(text), text


@pytest.fixture(scope="module")
def factories() -> tuple[Any, Any]:
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    from cleaner.langdetect_fast import LazyProfiles

    DetectorFactory.seed = 0
    stock = DetectorFactory()
    stock.load_profile(PROFILES_DIRECTORY)
    return stock, LazyProfiles(PROFILES_DIRECTORY, seed=0)


def _grams(factory: Any, text: str, max_chars: int = 10000) -> list[str]:
    """The n-grams a detector samples from, as strings, in order."""
    d = factory.create()
    d.max_text_length = max_chars
    d.append(text)
    d.cleaning_text()
    out = d._extract_ngrams()
    if isinstance(out, list):  # stock: the n-gram strings
        return out
    names = {row: gram for gram, row in factory.ids.items()}
    return [names[int(row)] for row in out]


#: (text, why): texts whose tokens normalise to several words or none
NGRAM_CASES = [
    ("the council approved the plan", "plain words"),
    ("plan, costs; (harbour) end.", "punctuation glued to words becomes spaces"),
    ("a,b,c d", "one token, three words"),
    ("double  spaces   here", "runs of spaces (append collapses them)"),
    ("ends without a space", "the last word has no space after it"),
    ("ends with punctuation!", "the last token ends in a normalised space"),
    ("ends with a space ", "the text ends with a space"),
    ("abc123def 42 x", "digits inside and as a token"),
    ("THE NATO summit ENDED", "capital words are skipped by the n-gram buffer"),
    ("McDonald iPhone eBay", "mixed case inside words"),
    ("Tiếng Việt có dấu", "Vietnamese (normalize_vi, combining marks)"),
    ("Ünïcödé Àççéñts ÿ ß ø", "Latin-1 letters"),
    ("東京タワーは高い。東京", "CJK without spaces"),
    ("Привет, мир! Привет", "Cyrillic with punctuation, a repeated token"),
    ("word " * 50 + "word", "one token many times: cached once"),
    ("", "empty"),
    ("!!! ... ---", "tokens without a letter"),
]


@pytest.mark.parametrize("text", [pytest.param(t, id=why) for t, why in NGRAM_CASES])
def test_ngram_rows_equal_stock_ngrams(factories: tuple[Any, Any], text: str) -> None:
    stock, fast = factories
    assert _grams(fast, text) == _grams(stock, text)


def test_ngram_rows_equal_stock_past_the_cache_limit(
    factories: tuple[Any, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With room for two tokens the rest are computed each time: the same n-grams, and
    the token cache stops growing (its empty-token entry + the limit)."""
    from langdetect.detector_factory import PROFILES_DIRECTORY

    import cleaner.langdetect_fast as ldf

    stock, _ = factories
    monkeypatch.setattr(ldf, "_MAX_WORDS", 2)
    small = ldf.LazyProfiles(PROFILES_DIRECTORY, seed=0)
    text = "alpha, beta; gamma delta, alpha beta gamma, delta."
    assert _grams(small, text) == _grams(stock, text)
    assert _grams(small, text) == _grams(stock, text)  # the second time from the caches
    assert len(small.tokens) <= 2 + 1


def test_ngram_rows_equal_stock_on_random_texts(factories: tuple[Any, Any]) -> None:
    stock, fast = factories
    rng = random.Random(5)
    pieces = ["the", "Plan", "NATO", "café", "мир", "東京", ",", ".", " ", "  ", "42", "x-y",
              "it’s", "über", "ß", "!", "a", "Ünï"]
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        assert _grams(fast, text) == _grams(stock, text), text


def _probabilities(factory: Any, text: str, trials: int, max_chars: int) -> Any:
    from langdetect.lang_detect_exception import LangDetectException

    d = factory.create()
    d.n_trial, d.max_text_length = trials, max_chars
    d.append(text)
    try:
        d.get_probabilities()
    except LangDetectException as exc:
        return ("raised", str(exc))
    return list(d.langprob)


#: (text, trials, why): trials whose convergence stresses the grouped loop
TRIAL_CASES = [
    ("a", 3, "one n-gram most languages share: no leader over one half for long"),
    ("the der le el il het " * 20, 3, "six languages' articles: the leader changes"),
    ("Der Rat und the council und der Rat and the council " * 8, 5,
     "two languages alternating: slow convergence"),
    ("zzqx vvkj wxyq " * 60, 3, "rare n-grams: trials run past the first chunk"),
    ("Тhе соunсil" * 30, 3, "Latin look-alikes in Cyrillic: two scripts compete"),
    ("ab", 7, "two letters, seven trials"),
    ("東京 Москва Paris Αθήνα", 4, "four scripts, one word each"),
]


@pytest.mark.parametrize(("text", "trials"),
                         [pytest.param(t, n, id=why) for t, n, why in TRIAL_CASES])
def test_grouped_trials_equal_stock(factories: tuple[Any, Any], text: str, trials: int) -> None:
    stock, fast = factories
    assert fast.stream is not None
    assert _probabilities(fast, text, trials, 2000) == _probabilities(stock, text, trials, 2000)


def test_grouped_trials_equal_stock_on_random_texts(factories: tuple[Any, Any]) -> None:
    stock, fast = factories
    rng = random.Random(3)
    words = ["the", "council", "der", "Rat", "le", "conseil", "el", "consejo", "мир",
             "東京", "и", "of", "de", "zzq", "Ἀθῆναι"]
    for _ in range(120):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 40)))
        trials = rng.choice((1, 2, 3, 7))
        assert _probabilities(fast, text, trials, 300) == \
            _probabilities(stock, text, trials, 300), text


def test_scratch_buffers_are_per_thread(factories: tuple[Any, Any]) -> None:
    """The trials' work buffers are reused per thread: detections running in several
    threads at once give the stock probabilities (a buffer shared between threads would
    mix their trials). The texts converge slowly, so each holds its buffers long."""
    import threading

    stock, fast = factories
    texts = [t for t, _, _ in TRIAL_CASES[1:4]]
    want = [_probabilities(stock, t, 3, 2000) for t in texts]
    got: list[list[Any]] = [[] for _ in range(4)]
    start = threading.Barrier(4)

    def work(k: int) -> None:
        start.wait()
        for n in range(12):
            text = texts[(k + n) % len(texts)]
            got[k].append((text, _probabilities(fast, text, 3, 2000)))

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for rows in got:
        assert len(rows) == 12
        for text, probs in rows:
            assert probs == want[texts.index(text)], text


def test_caches_stay_bounded_on_hostile_text(
    factories: tuple[Any, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Random code points bring new characters and n-grams no profile has without end:
    past their limits the per-process caches stop growing and results stay stock's."""
    from langdetect.detector_factory import PROFILES_DIRECTORY

    import cleaner.langdetect_fast as ldf
    import cleaner.language as lang

    stock, _ = factories
    monkeypatch.setattr(ldf, "_MAX_ABSENT", 50)
    monkeypatch.setattr(ldf, "_MAX_CHARS", len(ldf._NORMALISE) + 40)
    monkeypatch.setattr(lang, "_MAX_SCRIPT_CHARS", len(lang._SCRIPT_OF) + 40)
    small = ldf.LazyProfiles(PROFILES_DIRECTORY, seed=0)
    rng = random.Random(17)
    for _ in range(6):
        text = "".join(chr(rng.randrange(0x20, 0x9FFF)) if rng.random() < 0.7 else " "
                       for _ in range(300))
        assert _probabilities(small, text, 3, 300) == _probabilities(stock, text, 3, 300)
        assert lang.script(text) == _script_reference(text)
    assert len(small.absent) <= 50
    assert len(ldf._NORMALISE) <= ldf._MAX_CHARS
    assert len(lang._SCRIPT_OF) <= lang._MAX_SCRIPT_CHARS
    assert len(small.matrix) <= len(small._grams)


def _script_reference(text: str) -> str | None:
    """``script`` letter by letter (its own test module has the planted rows)."""
    from bisect import bisect_right

    from cleaner.language import _LETTER, _NON_LATIN_LETTER, _SCRIPT_STARTS, _SCRIPTS

    if text.isascii() or not _NON_LATIN_LETTER.search(text):
        return "latin" if _LETTER.search(text) else None
    counts: dict[str, int] = {}
    for ch in text:
        if ch.isalpha():
            name = _SCRIPTS[bisect_right(_SCRIPT_STARTS, ord(ch)) - 1][1]
            counts[name] = counts.get(name, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None

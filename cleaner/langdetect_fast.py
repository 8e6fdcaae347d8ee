"""langdetect, faster and bit-identical: a lazily filled profile table and a leaner detector.

langdetect's ``DetectorFactory.load_profile`` builds, at start-up, a table of 55
probabilities for each of ~88,000 n-grams (0.4-0.8 s of CPU per process), and its
detector spends most of its time in per-character Python calls (``NGram.add_char``,
``unicode_block``) and a per-language loop for every sampled n-gram.

Here the JSON profiles are only parsed at start-up; an n-gram's probability row is
computed the first time a text contains it, with the same arithmetic as
``add_profile``. :class:`FastDetector` is langdetect's ``Detector`` with the same
algorithm, the same random draws and the same floating-point operations in the same
order, so probabilities are equal to the last bit (``tests/test_language.py`` checks
it against the stock detector); only the bookkeeping is cheaper (memoised character
normalisation, list comprehensions instead of index loops).
"""

from __future__ import annotations

import json
import os
import re
from typing import Any

from langdetect.detector import Detector
from langdetect.lang_detect_exception import ErrorCode, LangDetectException
from langdetect.utils.ngram import NGram

#: langdetect 1.0.x n-gram sizes (``NGram.N_GRAM``)
_N_GRAM = 3
_SPACES = re.compile(" {2,}")
#: words whose n-gram lists are cached per process (the first met: the commonest, mostly);
#: ~0.6 KB each, so at most ~12 MB
_MAX_WORDS = 20_000
_INF = float("inf")
#: what ``Detector.cleaning_text`` counts as Latin, and as not Latin
_ASCII_LATIN = re.compile("[A-z]")
_FROM_U0300 = re.compile("[\u0300-\U0010ffff]")


class _Normaliser(dict[int, str]):
    """``str.translate`` table computing ``NGram.normalize`` (a pure function of one
    character) the first time a character is seen."""

    def __missing__(self, cp: int) -> str:
        out: str = NGram.normalize(chr(cp))
        self[cp] = out
        return out


_NORMALISE = _Normaliser()


class LazyProfiles:
    """What ``DetectorFactory`` holds, with ``word_lang_prob_map`` filled on demand.

    ``langlist`` keeps langdetect's own order (``os.listdir`` of the profile
    directory), which the probability vectors are indexed by.
    """

    def __init__(self, directory: str, seed: int | None = 0) -> None:
        self.seed = seed
        self.langlist: list[str] = []
        self._freqs: list[tuple[dict[str, int], list[int]]] = []
        for filename in os.listdir(directory):
            if filename.startswith("."):
                continue
            path = os.path.join(directory, filename)
            if not os.path.isfile(path):
                continue
            with open(path, encoding="utf-8") as f:
                data = json.load(f)
            if data["name"] in self.langlist:
                raise LangDetectException(
                    ErrorCode.DuplicateLangError, "Duplicate the same language profile."
                )
            self.langlist.append(data["name"])
            self._freqs.append((data["freq"], data["n_words"]))
        if not self.langlist:
            raise LangDetectException(
                ErrorCode.NeedLoadProfileError, "Not found profile: " + directory
            )
        #: n-gram -> probability per language, a numpy row (only n-grams some profile has)
        self.word_lang_prob_map: dict[str, Any] = {}
        #: n-grams no profile has
        self.absent: set[str] = set()
        self._word_cache: dict[tuple[str, bool], list[str]] = {}

    def known(self, word: str) -> bool:
        """True when some profile has ``word``; fills its row the first time."""
        if word in self.word_lang_prob_map:
            return True
        if word in self.absent:
            return False
        row = [0.0] * len(self.langlist)
        found = False
        length = len(word)
        for index, (freq, n_words) in enumerate(self._freqs):
            count = freq.get(word)
            if count is None:
                continue
            found = True
            if 1 <= length <= _N_GRAM:
                row[index] = 1.0 * count / n_words[length - 1]
        if found:
            import numpy as np

            self.word_lang_prob_map[word] = np.array(row, dtype=np.float64)
        else:
            self.absent.add(word)
        return found

    def word_ngrams(self, word: str, spaced: bool) -> list[str]:
        """The known n-grams langdetect's ``NGram`` buffer yields for ``word`` (normalised,
        no spaces) after a space, and for the space after it when ``spaced``."""
        key = (word, spaced)
        cached = self._word_cache.get(key)
        if cached is not None:
            return cached
        known = self.known
        out: list[str] = []
        grams = " "
        capitalword = False
        for ch in word + " " if spaced else word:
            last = grams[-1]
            if len(grams) >= _N_GRAM:
                grams = grams[1:]
            grams += ch
            if ch.isupper():
                if last.isupper():
                    capitalword = True
            else:
                capitalword = False
            if capitalword:
                continue
            for n in range(1, min(len(grams), _N_GRAM) + 1):
                w = grams[-n:]
                if w != " " and known(w):
                    out.append(w)
        if len(self._word_cache) < _MAX_WORDS:
            self._word_cache[key] = out
        return out

    def create(self) -> FastDetector:
        return FastDetector(self)


class FastDetector(Detector):
    """``langdetect.detector.Detector`` with identical results and less overhead."""

    def __init__(self, profiles: LazyProfiles) -> None:
        super().__init__(profiles)
        self._profiles = profiles

    def append(self, text: str) -> None:
        text = self.URL_RE.sub(" ", text)
        text = self.MAIL_RE.sub(" ", text)
        text = NGram.normalize_vi(text)
        # the stock loop keeps a character unless it is a space after a space
        self.text += _SPACES.sub(" ", text[: self.max_text_length])

    def cleaning_text(self) -> None:
        """The stock method's counts by regex instead of a Python loop per character.
        Stock langdetect counts ``'A' <= ch <= 'z'`` as Latin and every ``ch >= U+0300``
        as non-Latin (its ``unicode_block(ch) != 'Latin Extended Additional'`` compares
        a block number with a string, so it always holds), and drops the Latin ones when
        they are under half the others."""
        text: str = self.text  # type: ignore[has-type]
        if text.isascii():  # no non-Latin letters: the stock method changes nothing
            return
        if len(_ASCII_LATIN.findall(text)) * 2 < len(_FROM_U0300.findall(text)):
            self.text = _ASCII_LATIN.sub("", text)

    def _extract_ngrams(self) -> list[str]:
        # The stock loop feeds characters one by one to an ``NGram`` buffer that a
        # space resets, so the n-grams of each space-separated word depend on the
        # word alone: they are computed once per distinct word and cached.
        words = self.text.translate(_NORMALISE).split(" ")
        emit = self._profiles.word_ngrams
        result: list[str] = []
        last = len(words) - 1
        for i, word in enumerate(words):
            if word:
                result.extend(emit(word, i < last))
        return result

    def _detect_block(self) -> None:
        import numpy as np

        self.cleaning_text()
        ngrams = self._extract_ngrams()
        if not ngrams:
            raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")
        size = len(self.langlist)
        rows = self.word_lang_prob_map
        langprob = [0.0] * size
        rnd = self.random
        # ``choice(seq)`` is ``seq[_randbelow(len(seq))]``: the same draws without a frame
        randbelow = getattr(rnd, "_randbelow", None)
        count = len(ngrams)
        step = np.empty(size, dtype=np.float64)
        add = np.add
        limit, threshold = self.ITERATION_LIMIT, self.CONV_THRESHOLD
        rnd.seed(self.seed)
        for _ in range(self.n_trial):
            prob = np.array(
                self.prior_map if self.prior_map is not None else [1.0 / size] * size,
                dtype=np.float64,
            )
            alpha = self.alpha + rnd.gauss(0.0, 1.0) * self.ALPHA_WIDTH
            weight = alpha / self.BASE_FREQ
            i = 0
            while True:
                # element by element the same IEEE operations as the stock loop:
                # prob[i] *= weight + word_prob[i]
                gram = ngrams[randbelow(count)] if randbelow else rnd.choice(ngrams)
                add(weight, rows[gram], out=step)
                prob *= step
                if i % 5 == 0:
                    # summed as Python floats, left to right, like the stock ``sum(prob)``
                    values = prob.tolist()
                    total = sum(values)
                    prob /= total
                    # dividing by a positive finite sum keeps the order, so the largest
                    # quotient is the largest value's: ``prob.max()`` to the last bit
                    top = max(values) / total if 0.0 < total < _INF else prob.max()
                    if top > threshold or i >= limit:
                        break
                i += 1
            langprob = [
                acc + p / self.n_trial for acc, p in zip(langprob, prob.tolist(), strict=True)
            ]
        self.langprob = langprob

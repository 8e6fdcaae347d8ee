"""langdetect, faster and bit-identical: a lazily filled profile table and a leaner detector.

langdetect's ``DetectorFactory.load_profile`` builds, at start-up, a table of 55
probabilities for each of ~88,000 n-grams (0.4-0.8 s of CPU per process), and its
detector spends most of its time in per-character Python calls (``NGram.add_char``,
``unicode_block``) and a per-language loop for every sampled n-gram.

Here the JSON profiles are only parsed at start-up; an n-gram's probability row is
computed the first time a text contains it, with the same arithmetic as
``add_profile``, and stored in one growing matrix. :class:`FastDetector` is langdetect's
``Detector`` with the same algorithm, the same random draws and the same floating-point
operations in the same order, so probabilities are equal to the last bit
(``tests/test_language.py`` checks it against the stock detector); only the bookkeeping
is cheaper (memoised character normalisation, list comprehensions instead of index
loops, the rows of five draws multiplied in one numpy call).

The random draws: langdetect reseeds its generator at every detection, so with a
fixed seed the generator's output is one constant stream of 32-bit words. It is
computed once (:class:`_SeededStream`) and the draws are read from it with
CPython's arithmetic (``getrandbits(k)`` is a word's top ``k`` bits, ``random()``
two words, ``gauss`` caches its second value): no ``random`` call per draw. At
start-up the stream is checked against ``random.Random`` itself; where it differs
(another Python), or without a seed, the draws come from ``random.Random`` as in the
stock detector.
"""

from __future__ import annotations

import json
import math
import os
import random
import re
import threading
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
#: n-grams no profile has, remembered per process (the rest are looked up each time):
#: hostile text (random code points) brings new ones without end; ~80 bytes each
_MAX_ABSENT = 50_000
#: characters whose normalisation is remembered (every one a benchmark page met: ~700)
_MAX_CHARS = 65_536
#: what ``Detector.cleaning_text`` counts as Latin, and as not Latin
_ASCII_LATIN = re.compile("[A-z]")
_FROM_U0300 = re.compile("[\u0300-\U0010ffff]")


class _Normaliser(dict[int, str]):
    """``str.translate`` table computing ``NGram.normalize`` (a pure function of one
    character) the first time a character is seen."""

    def __missing__(self, cp: int) -> str:
        out: str = NGram.normalize(chr(cp))
        if len(self) < _MAX_CHARS:
            self[cp] = out
        return out


_NORMALISE = _Normaliser()


class _SpacedWords(dict[str, bytes]):
    """``LazyProfiles.spaced``: a word missing is computed (and kept while there is room)
    by :meth:`LazyProfiles.word_ngrams`; an empty word (between two spaces) has none."""

    def __init__(self, profiles: LazyProfiles) -> None:
        super().__init__({"": b""})
        self._profiles = profiles

    def __missing__(self, word: str) -> bytes:
        return self._profiles.word_ngrams(word, True)


class _SpacedTokens(dict[str, bytes]):
    """``LazyProfiles.tokens``: a token missing is normalised, split into words and their
    rows joined (kept while there is room)."""

    def __init__(self, profiles: LazyProfiles) -> None:
        super().__init__({"": b""})
        self._spaced = profiles.spaced

    def __missing__(self, token: str) -> bytes:
        out = b"".join(map(self._spaced.__getitem__, token.translate(_NORMALISE).split(" ")))
        if len(self) < _MAX_WORDS:
            self[token] = out
        return out


class LazyProfiles:
    """What ``DetectorFactory`` holds, with the probability rows filled on demand.

    ``langlist`` keeps langdetect's own order (``os.listdir`` of the profile
    directory), which the probability vectors are indexed by.
    """

    def __init__(self, directory: str, seed: int | None = 0) -> None:
        import numpy as np

        self.seed = seed
        self.langlist: list[str] = []
        #: per language, its n-gram count per n-gram length (``n_words``)
        self._n_words: list[list[int]] = []
        keys: list[Any] = []
        counts: list[Any] = []
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
            self._n_words.append(data["n_words"])
            freq: dict[str, int] = data["freq"]
            keys.append(np.array(list(freq), dtype=str))
            counts.append(np.array(list(freq.values()), dtype=np.int64))
        if not self.langlist:
            raise LangDetectException(
                ErrorCode.NeedLoadProfileError, "Not found profile: " + directory
            )
        # The profiles as sorted arrays, not 55 dicts of Python strings (20 MB in every
        # worker): the distinct n-grams, and per n-gram the languages that have it with
        # its count (``_langs`` / ``_counts`` from ``_start[k]`` to ``_start[k + 1]``).
        langs = np.repeat(np.arange(len(keys), dtype=np.int16), [len(k) for k in keys])
        self._grams, inverse = np.unique(np.concatenate(keys), return_inverse=True)
        order = np.argsort(inverse, kind="stable")
        self._langs = langs[order]
        self._counts = np.concatenate(counts)[order]
        self._start = np.searchsorted(inverse[order], np.arange(len(self._grams) + 1))
        #: n-gram -> its row of :attr:`matrix` (only n-grams some profile has)
        self.ids: dict[str, int] = {}
        #: probability of each known n-gram (row) per language (column); rows past
        #: ``len(ids)`` are unused capacity
        self.matrix: Any = None
        #: n-grams no profile has
        self.absent: set[str] = set()
        #: word -> :meth:`word_ngrams` of it, followed by a space / not (at the text's end)
        self.spaced: dict[str, bytes] = _SpacedWords(self)
        #: a token of a text (between spaces, not normalised) followed by a space -> the
        #: joined :attr:`spaced` rows of its normalised words
        self.tokens: dict[str, bytes] = _SpacedTokens(self)
        self._unspaced: dict[str, bytes] = {}
        self.stream = _SeededStream.checked(seed)
        self._scratch = threading.local()

    def row(self, word: str) -> int:
        """The row of ``word`` in :attr:`matrix`, filled the first time; -1 when no profile
        has it."""
        index = self.ids.get(word)
        if index is not None:
            return index
        if word in self.absent:
            return -1
        import numpy as np

        k = int(np.searchsorted(self._grams, word))
        if k >= len(self._grams) or self._grams[k] != word:
            if len(self.absent) < _MAX_ABSENT:
                self.absent.add(word)
            return -1
        row = [0.0] * len(self.langlist)
        length = len(word)
        if 1 <= length <= _N_GRAM:
            start, stop = int(self._start[k]), int(self._start[k + 1])
            for lang, count in zip(self._langs[start:stop].tolist(),
                                   self._counts[start:stop].tolist(), strict=True):
                row[lang] = 1.0 * count / self._n_words[lang][length - 1]
        index = len(self.ids)
        if self.matrix is None or index >= len(self.matrix):
            # at most one row per n-gram of the profiles (~38 MB when every one is met)
            capacity = min(max(1024, 2 * index), len(self._grams))
            grown = np.zeros((capacity, len(self.langlist)), dtype=np.float64)
            if self.matrix is not None:
                grown[:index] = self.matrix[:index]
            self.matrix = grown
        self.matrix[index] = row
        self.ids[word] = index
        return index

    def known(self, word: str) -> bool:
        """True when some profile has ``word``; fills its row the first time."""
        return self.row(word) >= 0

    def word_ngrams(self, word: str, spaced: bool) -> bytes:
        """The rows of the known n-grams langdetect's ``NGram`` buffer yields for ``word``
        (normalised, no spaces) after a space, and for the space after it when ``spaced``,
        as the bytes of an ``intp`` array (joined per text without a Python int each)."""
        cache = self.spaced if spaced else self._unspaced
        cached = cache.get(word)
        if cached is not None:
            return cached
        row = self.row
        out: list[int] = []
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
                if w != " ":
                    index = row(w)
                    if index >= 0:
                        out.append(index)
        import numpy as np

        packed = np.array(out, dtype=np.intp).tobytes()
        if len(cache) < _MAX_WORDS:
            cache[word] = packed
        return packed

    def scratch(self, size: int) -> tuple[Any, Any, Any, Any]:
        """This thread's work buffers of the streamed trials (a detection's layouts of
        the first and the later chunks, its product and running sum), made once: no
        large array is allocated and freed per detection."""
        bufs: tuple[Any, Any, Any, Any] | None = getattr(self._scratch, "bufs", None)
        if bufs is None or bufs[2].shape[0] != size:
            import numpy as np

            bufs = (np.empty((_FIRST_GROUPS + 1, 6, size), dtype=np.float64),
                    np.empty((_GROUPS + 1, 6, size), dtype=np.float64),
                    np.empty(size, dtype=np.float64), np.empty(size, dtype=np.float64))
            self._scratch.bufs = bufs
        return bufs

    def create(self) -> FastDetector:
        return FastDetector(self)


#: Python's ``random.random()``: two words, 27 and 26 bits (``random_random`` in C)
_TWO_26 = 67108864.0
_TWO_53_INV = 1.0 / 9007199254740992.0
_STREAM_START = 8192


class _SeededStream:
    """The 32-bit words ``random.Random(seed)`` produces, computed once and extended on
    demand, and the draws langdetect takes from them."""

    def __init__(self, seed: int) -> None:
        self._source = random.Random(seed)
        self.words: Any = None
        self._grow(_STREAM_START)

    @classmethod
    def checked(cls, seed: int | None) -> _SeededStream | None:
        """A stream for ``seed``, or None when there is no seed or the simulated draws
        differ from ``random.Random``'s (an interpreter with another generator)."""
        if seed is None:
            return None
        stream = cls(seed)
        return stream if stream._agrees(seed) else None

    def _grow(self, size: int) -> None:
        import numpy as np

        have = 0 if self.words is None else len(self.words)
        extra = np.array([self._source.getrandbits(32) for _ in range(size - have)],
                         dtype=np.int64)
        self.words = extra if self.words is None else np.concatenate((self.words, extra))

    def uniform(self, pos: int) -> float:
        """``random()`` from the words at ``pos`` and ``pos + 1``."""
        if pos + 2 > len(self.words):
            self._grow(2 * (pos + 2))
        a = int(self.words[pos]) >> 5
        b = int(self.words[pos + 1]) >> 6
        return (a * _TWO_26 + b) * _TWO_53_INV

    def gauss_pair(self, pos: int) -> tuple[float, float]:
        """``gauss()``'s value and the one it caches, from the four words at ``pos``."""
        x2pi = self.uniform(pos) * _TWO_PI
        g2rad = math.sqrt(-2.0 * math.log(1.0 - self.uniform(pos + 2)))
        return math.cos(x2pi) * g2rad, math.sin(x2pi) * g2rad

    def below(self, pos: int, n: int, need: int) -> tuple[Any, Any]:
        """The first ``need`` draws of ``randbelow(n)`` from ``pos`` on, and the position
        after each: ``getrandbits(k)`` is a word's top ``k`` bits, and a draw of ``n`` or
        more is drawn again."""
        import numpy as np

        shift = 32 - n.bit_length()
        # a draw is accepted with probability > 1/2: 2 * need + 64 words nearly always do
        stop = pos + 2 * need + 64
        while True:
            if stop > len(self.words):
                self._grow(2 * stop)
            bits = self.words[pos:stop] >> shift
            accepted = np.flatnonzero(bits < n)
            if len(accepted) >= need:
                accepted = accepted[:need]
                return bits[accepted], accepted + (pos + 1)
            stop += 2 * need + 64

    def _agrees(self, seed: int) -> bool:
        """Whether the simulated draws equal ``random.Random``'s: two gauss values, then
        draws below a few bounds, then another gauss, as in a detection."""
        rnd = random.Random(seed)
        pos = 0
        for n in (1, 2, 3, 7, 1000, 65_537):
            want_g = (rnd.gauss(0.0, 1.0), rnd.gauss(0.0, 1.0))
            got_g = self.gauss_pair(pos)
            pos += 4
            want = [rnd._randbelow(n) for _ in range(40)]  # type: ignore[attr-defined]
            draws, after = self.below(pos, n, 40)
            if want_g != got_g or draws.tolist() != want:
                return False
            pos = int(after[-1])
        return True


_TWO_PI = 2.0 * math.pi
#: draws between two convergence checks (langdetect checks at every fifth iteration)
_BATCH = 5
#: batches of five draws taken from the stream at a trial's start (most trials of the
#: benchmark pages converge within 15 checks), and then at a time
_FIRST_GROUPS = 15
_GROUPS = 50
#: a normalised probability over this is the largest of its vector
_HALF = 0.5 + 1e-9


class FastDetector(Detector):
    """``langdetect.detector.Detector`` with identical results and less overhead."""

    def __init__(self, profiles: LazyProfiles) -> None:
        # the stock attributes, without a ``random.Random()`` (seeded from the OS) the
        # seeded stream does not need
        self.word_lang_prob_map = profiles.ids
        self.langlist = profiles.langlist
        self.seed = profiles.seed
        self.text = ""
        self.langprob: list[float] | None = None
        self.alpha = self.ALPHA_DEFAULT
        self.n_trial = 7
        self.max_text_length = 10000
        self.prior_map = None
        self.verbose = False
        self._profiles = profiles
        self._random: random.Random | None = None

    @property
    def random(self) -> random.Random:
        """The stock detector's generator, made when a detection has no seeded stream."""
        if self._random is None:
            self._random = random.Random()
        return self._random

    def append(self, text: str) -> None:
        # each pattern needs a character the test before it looks for
        if "http" in text:
            text = self.URL_RE.sub(" ", text)
        if "@" in text:
            text = self.MAIL_RE.sub(" ", text)
        if not text.isascii():  # a letter with a combining mark (U+03xx)
            text = NGram.normalize_vi(text)
        # the stock loop keeps a character unless it is a space after a space
        self.text += _SPACES.sub(" ", text[: self.max_text_length])

    def cleaning_text(self) -> None:
        """The stock method's counts by regex instead of a Python loop per character.
        Stock langdetect counts ``'A' <= ch <= 'z'`` as Latin and every ``ch >= U+0300``
        as non-Latin (its ``unicode_block(ch) != 'Latin Extended Additional'`` compares
        a block number with a string, so it always holds), and drops the Latin ones when
        they are under half the others."""
        text: str = self.text
        if text.isascii():  # no non-Latin letters: the stock method changes nothing
            return
        others = len(_FROM_U0300.findall(text))
        # ``latin * 2 < others`` unless ``(others + 1) // 2`` Latin letters are found: the
        # Latin ones are counted only as far as it takes (an English text with a few
        # curly quotes stops after a few letters)
        need = (others + 1) // 2
        if need:
            for found, _ in enumerate(_ASCII_LATIN.finditer(text), 1):
                if found >= need:
                    return
        if others:
            self.text = _ASCII_LATIN.sub("", text)

    def _extract_ngrams(self) -> Any:
        # The stock loop feeds characters one by one to an ``NGram`` buffer that a
        # space resets, so the n-grams of each space-separated word depend on the
        # word alone: they are computed once per distinct word and cached, as the bytes
        # of their rows (``intp``). ``NGram.normalize`` maps one character to one (a
        # space to a space), so the normalised words of the text are those of its
        # space-separated tokens, each token's are cached too (no per-character
        # translation of a text of known tokens), and all of them but the text's very
        # last are followed by a space. Returned as one array of rows of the matrix.
        import numpy as np

        tokens = self.text.split(" ")
        profiles = self._profiles
        joined = b"".join(map(profiles.tokens.__getitem__, tokens[:-1]))
        if tokens[-1]:
            words = tokens[-1].translate(_NORMALISE).split(" ")
            joined += b"".join(map(profiles.spaced.__getitem__, words[:-1]))
            if words[-1]:
                joined += profiles.word_ngrams(words[-1], False)
        return np.frombuffer(joined, dtype=np.intp)

    def _detect_block(self) -> None:
        import numpy as np

        self.cleaning_text()
        rows = self._extract_ngrams()
        if not len(rows):
            raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")
        size = len(self.langlist)
        stream = self._profiles.stream if self.seed == self._profiles.seed else None
        # element by element ``langprob[j] += prob[j] / n_trial``, as the stock loop
        langprob = np.zeros(size, dtype=np.float64)
        prior = np.array(
            self.prior_map if self.prior_map is not None else [1.0 / size] * size,
            dtype=np.float64,
        )
        trials = self._trials_drawn(rows, prior) if stream is None else \
            self._trials_streamed(rows, prior, stream)
        for prob in trials:
            langprob += prob / self.n_trial
        self.langprob = langprob.tolist()

    def _trials_drawn(self, rows: Any, prior: Any) -> Any:
        """The trials with draws from ``random.Random`` (no seeded stream): one batch of
        draws at a time, as the stock loop takes them."""
        import numpy as np

        matrix = self._profiles.matrix
        count = len(rows)
        limit, threshold = self.ITERATION_LIMIT, self.CONV_THRESHOLD
        reduce = np.multiply.reduce
        accumulate = np.add.accumulate
        rnd = self.random
        rnd.seed(self.seed)
        for _ in range(self.n_trial):
            prob = prior.copy()
            alpha = self.alpha + rnd.gauss(0.0, 1.0) * self.ALPHA_WIDTH
            weight = alpha / self.BASE_FREQ
            i = 0
            batch = 1
            while True:
                picks = [rnd._randbelow(count)  # type: ignore[attr-defined]
                         for _ in range(batch)]
                steps = matrix[rows[picks]]
                steps += weight
                steps[0] *= prob
                reduce(steps, axis=0, out=prob)
                i += batch - 1
                total = accumulate(prob)[-1]
                prob /= total
                if prob.max() > threshold or i >= limit:
                    break
                i += 1
                batch = _BATCH
            yield prob

    def _trials_streamed(self, rows: Any, prior: Any, stream: _SeededStream) -> Any:
        """The trials with draws read from the seeded stream, a chunk of draws at a time.

        Iteration 0 is checked alone, then every fifth: batches of 1, 5, 5... The stock
        loop does ``prob[i] *= weight + word_prob[i]`` for each draw of a batch, in order,
        then ``prob /= sum(prob)`` and the convergence test. Here the draws of a chunk
        after iteration 0 are laid out as groups of six rows: row 0 receives the
        normalised probabilities (``divide`` writes them there, from the group before),
        rows 1-5 are ``weight + word_prob`` of the batch's five draws, so one
        ``multiply.reduce`` of a group makes the batch's five products in the same order.
        """
        import numpy as np

        matrix = self._profiles.matrix
        count = len(rows)
        size = len(prior)
        limit, threshold = self.ITERATION_LIMIT, self.CONV_THRESHOLD
        reduce = np.multiply.reduce
        accumulate = np.add.accumulate
        divide = np.divide
        first_layout, more_layout, product, running = self._profiles.scratch(size)
        pos = 0  # in the stream
        cached: float | None = None  # ``gauss``'s second value
        lead = 0  # the language that led at the last convergence check
        for _ in range(self.n_trial):
            # ``gauss(0.0, 1.0)`` is ``0.0 + z * 1.0``
            if cached is None:
                z, cached = stream.gauss_pair(pos)
                pos += 4
            else:
                z, cached = cached, None
            gauss = 0.0 + z * 1.0
            alpha = self.alpha + gauss * self.ALPHA_WIDTH
            weight = alpha / self.BASE_FREQ
            groups = _FIRST_GROUPS
            drawn, after = stream.below(pos, count, 1 + 5 * groups)
            steps = matrix[rows[drawn]]
            # iteration 0: one product, normalised into the first group's row 0
            np.add(steps[0], weight, out=product)
            product *= prior
            # summed left to right like the stock ``sum(prob)``: a running sum
            # (``accumulate``), not numpy's pairwise ``sum``
            total = accumulate(product, out=running)[-1]
            layout = first_layout
            slot = layout[0, 0]
            divide(product, total, out=slot)
            lead = int(slot.argmax())
            used = 1
            i = 0
            if not (slot.item(lead) > threshold or i >= limit):
                i = 1
                np.add(steps[1:].reshape(groups, 5, size), weight, out=layout[:groups, 1:])
                while True:
                    done = False
                    for g in range(groups):
                        reduce(layout[g], axis=0, out=product)
                        i += 4
                        total = accumulate(product, out=running)[-1]
                        slot = layout[g + 1, 0]
                        divide(product, total, out=slot)
                        used += 5
                        # the stock loop's largest quotient: the last leader's when it is
                        # over one half (the quotients sum to 1 within a few ulps, so no
                        # other can reach it), else the largest; NaN (a zero or infinite
                        # sum) passes no test, as in the stock loop
                        best = slot.item(lead)
                        if not best > _HALF:
                            lead = int(slot.argmax())
                            best = slot.item(lead)
                        if best > threshold or i >= limit:
                            done = True
                            break
                        i += 1
                    if done:
                        break
                    pos = int(after[used - 1])
                    groups = _GROUPS
                    drawn, after = stream.below(pos, count, 5 * groups)
                    used = 0
                    steps = matrix[rows[drawn]]
                    # ``slot`` may be this buffer's last group's row 0: copied before
                    # the rows it does not share are written
                    layout = more_layout
                    layout[0, 0] = slot
                    np.add(steps.reshape(groups, 5, size), weight, out=layout[:groups, 1:])
            pos = int(after[used - 1])
            yield slot

"""Language stage: body language and per-block language with langdetect.

langdetect is random unless seeded; we seed it (seed 0) and create a fresh
detector per call, so results are deterministic. The detector is
:mod:`cleaner.langdetect_fast`: langdetect's algorithm with the same results to
the last bit, its profile table filled lazily from compact arrays (start-up ~0.15 s
instead of 0.5-0.9 s, ~3.5 MB instead of ~20 MB of Python objects). Very short
text gets ``und`` instead of a guess presented as fact.

Speed: langdetect costs milliseconds per call, so per-block detection first
screens blocks with the body language's stopwords. A block whose words are
clearly the body language (stopword ratio >= ``_SAME_LANG_RATIO``) inherits it
(``method="stopwords"``); only the others go to langdetect. That is how a
Latin-filler bio inside an English page becomes visible without paying for
langdetect on every paragraph.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_right
from collections import Counter
from typing import Any

from .config import CleanerConfig
from .lexicon import STOPWORDS, best_stopword_language, stopword_ratio, words
from .model import Document, LanguageResult

STAGE = "language"
UNDETERMINED = "und"
_SAME_LANG_RATIO = 0.20
#: the stopword screen reads only this much of a block
_SCREEN_CHARS = 400
_BODY_TRIALS = 3
_BLOCK_TRIALS = 3

_factory: Any = None
_lock = threading.Lock()


def _get_factory() -> Any:
    global _factory
    if _factory is None:
        with _lock:
            if _factory is None:
                from langdetect.detector_factory import PROFILES_DIRECTORY

                from .langdetect_fast import LazyProfiles

                _factory = LazyProfiles(PROFILES_DIRECTORY, seed=0)
    return _factory


def detect(text: str, *, trials: int = _BODY_TRIALS, max_chars: int = 2000) -> tuple[str, float]:
    """``(code, probability)`` for ``text``; ``("und", 0.0)`` when langdetect finds nothing."""
    from langdetect.lang_detect_exception import LangDetectException

    detector = _get_factory().create()
    detector.n_trial = trials
    detector.max_text_length = max_chars
    detector.append(text)
    try:
        probs = detector.get_probabilities()
    except LangDetectException:
        return UNDETERMINED, 0.0
    if not probs:
        return UNDETERMINED, 0.0
    top = probs[0]
    return _normalise(str(top.lang)), float(top.prob)


def _normalise(code: str) -> str:
    # langdetect reports zh-cn / zh-tw; keep the base language code
    return code.split("-")[0]


def _has_letters(text: str, n: int) -> bool:
    """Whether ``text`` holds at least ``n`` letters (``str.isalpha``), reading only as
    much of it as it takes."""
    if n <= 0:
        return True
    if len(text) < n:
        return False
    step = n + n // 2 + 8  # prose is mostly letters: one slice is usually enough
    found = 0
    for pos in range(0, len(text), step):
        part = text[pos : pos + step]
        if part.isascii():  # an ASCII letter is one of A-Z, a-z: deleted in one C pass
            data = part.encode("ascii")
            found += len(data) - len(data.translate(None, _ASCII_LETTERS))
        else:
            found += sum(map(str.isalpha, part))
        if found >= n:
            return True
    return False


#: the ASCII characters ``str.isalpha`` accepts
_ASCII_LETTERS = bytes(b for b in range(128) if chr(b).isalpha())


class LanguageStage:
    name = STAGE
    requires = ("blocks",)
    provides = ("language", "block.lang")

    def __init__(self, config: CleanerConfig) -> None:
        # the profiles (~0.1 s of CPU to parse) load at the first detection, once per
        # process: building a Cleaner does not pay for them (a batch parent warms them
        # before forking its workers, ``cleaner._parallel.warm_for_fork``)
        self.config = config.language

    def __call__(self, doc: Document) -> None:
        cfg = self.config
        if not cfg.enabled:
            return
        sample_parts: list[str] = []
        size = 0
        for block in doc.blocks:
            if size >= cfg.sample_chars:
                break
            # only the first ``sample_chars`` of the joined text are kept: a long block
            # is cut before joining, not copied whole
            sample_parts.append(block.text[: cfg.sample_chars - size])
            size += len(block.text) + 1
        sample = "\n".join(sample_parts)[: cfg.sample_chars]
        if not _has_letters(sample, cfg.min_chars):
            doc.language = LanguageResult(UNDETERMINED, 0.0, False, method="too_short")
        else:
            code, prob = detect(sample, max_chars=cfg.sample_chars)
            reliable = prob >= cfg.min_prob and code != UNDETERMINED
            doc.language = LanguageResult(code, prob, reliable)
        if cfg.per_block:
            self._blocks(doc, sample)

    def _blocks(self, doc: Document, sample: str) -> None:
        cfg = self.config
        lang = doc.language
        body = lang.code if lang else UNDETERMINED
        screen = body in STOPWORDS
        # a reliable body language is inherited by blocks that show no sign of another
        # one: same script, no other language's stopwords, not long prose without the
        # body's stopwords (langdetect agreed with the body on 260 of 269 such blocks
        # of the article benchmark, and costs ~1 ms a call)
        body_script = script(sample) if lang is not None and lang.reliable else None
        budget = cfg.max_block_detections
        # walk from the end: tails (where foreign and filler blocks cluster) get the budget
        for block in reversed(doc.blocks):
            if not _has_letters(block.text, cfg.min_block_chars):
                block.lang, block.lang_prob = UNDETERMINED, 0.0
                block.lang_method = "too_short"
                continue
            head_text = block.text[:_SCREEN_CHARS]
            head = words(head_text)
            ratio = stopword_ratio(head, body) if screen else 0.0
            if ratio >= _SAME_LANG_RATIO:
                block.lang, block.lang_prob = body, None
                block.lang_method = "stopwords"
                continue
            if body_script is not None and not _disagrees(head_text, head, body, ratio,
                                                          body_script):
                block.lang, block.lang_prob = body, None
                block.lang_method = "inherited"
                continue
            if budget <= 0:
                block.lang, block.lang_prob = UNDETERMINED, 0.0
                block.lang_method = "over_budget"
                continue
            budget -= 1
            block.lang, block.lang_prob = detect(block.text, trials=_BLOCK_TRIALS, max_chars=300)
            block.lang_method = "langdetect"


#: a block of at least this many words with a body-stopword ratio under
#: ``_PROSE_MIN_RATIO`` reads as prose in another language (or filler)
_PROSE_WORDS = 8
_PROSE_MIN_RATIO = 0.10

#: (first code point, script) in ascending order; letters below the first entry are Latin
_SCRIPTS: tuple[tuple[int, str], ...] = (
    (0x0000, "latin"), (0x0370, "greek"), (0x0400, "cyrillic"), (0x0530, "armenian"),
    (0x0590, "hebrew"), (0x0600, "arabic"), (0x0700, "other"), (0x0900, "indic"),
    (0x0E00, "thai"), (0x0E80, "other"), (0x10A0, "georgian"), (0x1100, "hangul"),
    (0x1200, "other"), (0x1E00, "latin"), (0x1F00, "greek"), (0x2000, "other"),
    (0x3040, "kana"), (0x3100, "other"), (0x3400, "han"), (0xA000, "other"),
    (0xAC00, "hangul"), (0xD7B0, "other"), (0xF900, "han"), (0xFB00, "other"),
    (0xFF00, "other"),
)
_SCRIPT_STARTS = tuple(start for start, _ in _SCRIPTS)
_LETTER = re.compile(r"[^\W\d_]")
#: a letter outside the Latin ranges of ``_SCRIPTS``
_NON_LATIN_LETTER = re.compile(r"[^\W\d_\x00-\u036f\u1e00-\u1eff]")


def script(text: str) -> str | None:
    """The script most letters of ``text`` are written in (``latin``, ``cyrillic``,
    ``han``...); ``None`` without letters."""
    if text.isascii() or not _NON_LATIN_LETTER.search(text):
        return "latin" if _LETTER.search(text) else None
    # each letter becomes its script's one-character code, every other character is
    # deleted; ``Counter`` keeps first-seen order, so ties go to the script met first
    counts = Counter(text.translate(_SCRIPT_OF))
    if not counts:
        return None
    return _SCRIPT_NAMES[ord(max(counts, key=counts.__getitem__))]


#: script names, indexed by the code :data:`_SCRIPT_OF` maps a letter to
_SCRIPT_NAMES = tuple(dict.fromkeys(name for _, name in _SCRIPTS))


#: characters whose script is remembered (the rest are looked up each time they are met)
_MAX_SCRIPT_CHARS = 65_536


class _ScriptTable(dict[int, "str | None"]):
    """``str.translate`` table: a letter to its script's code (``chr`` of its index in
    :data:`_SCRIPT_NAMES`), anything else to ``None`` (deleted); filled as met."""

    def __missing__(self, cp: int) -> str | None:
        ch = chr(cp)
        out = None
        if ch.isalpha():
            name = _SCRIPTS[bisect_right(_SCRIPT_STARTS, cp) - 1][1]
            out = chr(_SCRIPT_NAMES.index(name))
        if len(self) < _MAX_SCRIPT_CHARS:  # hostile text has no end of new characters
            self[cp] = out
        return out


_SCRIPT_OF = _ScriptTable()


def _disagrees(text: str, tokens: list[str], body: str, ratio: float, body_script: str) -> bool:
    """Whether a block shows signs of a language other than ``body``: another script,
    another language's stopwords, or prose without the body's stopwords."""
    if script(text) != body_script:
        return True
    other, other_ratio = best_stopword_language(tokens)
    if other is not None and other != body and other_ratio >= _SAME_LANG_RATIO:
        return True
    return body in STOPWORDS and len(tokens) >= _PROSE_WORDS and ratio < _PROSE_MIN_RATIO

"""Language stage: body language and per-block language with langdetect.

langdetect is random unless seeded; we seed it (seed 0) and create a fresh
detector per call, so results are deterministic. The detector is
:mod:`cleaner.langdetect_fast`: langdetect's algorithm with the same results to
the last bit, its profile table filled lazily (start-up 0.1 s instead of 0.5-0.9 s). Very short
text gets ``und`` instead of a guess presented as fact.

Speed: langdetect costs milliseconds per call, so per-block detection first
screens blocks with the body language's stopwords. A block whose words are
clearly the body language (stopword ratio >= ``_SAME_LANG_RATIO``) inherits it
(``method="stopwords"``); only the others go to langdetect. That is how a
Latin-filler bio inside an English page becomes visible without paying for
langdetect on every paragraph.
"""

from __future__ import annotations

import threading
from typing import Any

from .config import CleanerConfig
from .lexicon import STOPWORDS, stopword_ratio, words
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


def _letters(text: str) -> int:
    return sum(map(str.isalpha, text))


class LanguageStage:
    name = STAGE
    requires = ("blocks",)
    provides = ("language", "block.lang")

    def __init__(self, config: CleanerConfig) -> None:
        self.config = config.language
        _get_factory()  # load profiles once per process

    def __call__(self, doc: Document) -> None:
        cfg = self.config
        if not cfg.enabled:
            return
        sample_parts: list[str] = []
        size = 0
        for block in doc.blocks:
            if size >= cfg.sample_chars:
                break
            sample_parts.append(block.text)
            size += len(block.text) + 1
        sample = "\n".join(sample_parts)[: cfg.sample_chars]
        if _letters(sample) < cfg.min_chars:
            doc.language = LanguageResult(UNDETERMINED, 0.0, False, method="too_short")
        else:
            code, prob = detect(sample, max_chars=cfg.sample_chars)
            reliable = prob >= cfg.min_prob and code != UNDETERMINED
            doc.language = LanguageResult(code, prob, reliable)
        if cfg.per_block:
            self._blocks(doc)

    def _blocks(self, doc: Document) -> None:
        cfg = self.config
        body = doc.language.code if doc.language else UNDETERMINED
        screen = body in STOPWORDS
        budget = cfg.max_block_detections
        # walk from the end: tails (where foreign and filler blocks cluster) get the budget
        for block in reversed(doc.blocks):
            if len(block.text) < cfg.min_block_chars or _letters(block.text) < cfg.min_block_chars:
                block.lang, block.lang_prob = UNDETERMINED, 0.0
                block.lang_method = "too_short"
                continue
            head = words(block.text[:_SCREEN_CHARS])
            if screen and stopword_ratio(head, body) >= _SAME_LANG_RATIO:
                block.lang, block.lang_prob = body, None
                block.lang_method = "stopwords"
                continue
            if budget <= 0:
                block.lang, block.lang_prob = UNDETERMINED, 0.0
                block.lang_method = "over_budget"
                continue
            budget -= 1
            block.lang, block.lang_prob = detect(block.text, trials=_BLOCK_TRIALS, max_chars=300)
            block.lang_method = "langdetect"

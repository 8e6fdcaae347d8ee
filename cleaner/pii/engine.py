"""The analysis engine: presidio built once per process, fed only candidate windows.

Speed: presidio is the expensive part of the stage, so it never sees text that
cannot hold PII. One compiled pre-filter regex (``registry.PREFILTER``: ``@``,
URLs, digit runs, label words followed by ``:``, birth words, street words,
postcodes) finds *triggers*; each trigger opens a window of a few hundred
characters around it (snapped to whitespace, clipped to its block); windows
that overlap are merged and only those are analyzed. A news paragraph with a
year and a price has no trigger and costs one regex scan. The triggers of all
blocks of a page are found in few scans (:mod:`cleaner.pii.prefilter`: one scan
over all blocks, lines without a digit skipped by the digit triggers, the label
look-back as one anchored match), with the same matches as block by block.

Offline: the analyzer uses presidio's ``NoOpNlpEngine`` (no spaCy model, no
download) and only the recognizers of :mod:`cleaner.pii.registry`; the e-mail
domain check uses tldextract's bundled suffix list.

Start-up: presidio-analyzer imports spaCy at import time, whatever NLP engine is
configured (``presidio_analyzer.nlp_engine.nlp_artifacts`` imports ``spacy.tokens``,
and the package ``__init__`` imports every NLP engine and every predefined
recognizer): 2-3 s of CPU. So the engine imports presidio, builds the analyzer and
warms it the first time a pre-filter window is to be analyzed (:attr:`PIIEngine.analyzer`);
building the engine (``Cleaner()``) and documents with no window never pay for it.
:func:`preload` builds it at once (a batch parent before forking its workers).
"""

from __future__ import annotations

import bisect
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import ConfigError
from .prefilter import EndsBefore, Trigger, line_bounded, scan, trigger
from .registry import (
    ENTITY_TYPES,
    FULL_NAME,
    LABEL_BEFORE_COLON,
    LABELLED_TYPES,
    LANGUAGES,
    NUMERIC_KINDS,
    NUMERIC_TYPES,
    REGISTRY,
    TRIGGERS,
)

#: joins windows: blank lines wider than any context window, so nothing leaks across
_PAD = "\n\n" + "\u00b6" * 64 + "\n\n"
#: characters analyzed before / after a trigger
WINDOW_BEFORE = 120
WINDOW_AFTER = 180


@dataclass(frozen=True, slots=True)
class Hit:
    """A detected span. Holds offsets only: the value stays in the document."""

    start: int
    end: int
    entity: str
    score: float
    recognizer: str
    pattern: str
    #: why the value is not personal (``policy.judge``); None: personal
    not_personal: str | None = None


#: the trigger regexes with their shapes, read the first time a page is scanned (parsing
#: the regexes again costs ~20 ms, which ``Cleaner()`` need not pay)
_TRIGGERS: list[Trigger] = []
_LABEL_TAIL = EndsBefore(LABEL_BEFORE_COLON)


def _triggers() -> list[Trigger]:
    if not _TRIGGERS:
        with _lock:
            if not _TRIGGERS:
                _TRIGGERS.extend(trigger(rx, frozenset(types)) for rx, types in TRIGGERS)
    return _TRIGGERS
_LABELLED = frozenset(LABELLED_TYPES)
_NUMERIC = frozenset(NUMERIC_TYPES)
_NUMERIC_KINDS = [(re.compile(rx), frozenset(types)) for rx, types in NUMERIC_KINDS]


def _mark(
    marks: list[tuple[int, int, frozenset[str]]], text: str, start: int, m: re.Match[str],
    types: frozenset[str],
) -> None:
    """Record trigger match ``m`` of the block starting at ``start`` with the types it wakes
    (a colon only after a label word; a digit run by its shape)."""
    found = types
    if "LABEL" in types:
        if not _LABEL_TAIL(text, max(start, m.start() - 40), m.start()):
            return
        found = _LABELLED
    elif "NUMERIC" in types:
        found = _NUMERIC
        for krx, ktypes in _NUMERIC_KINDS:
            if krx.search(m.group()):
                found = found | ktypes
    marks.append((m.start(), m.end(), found))


class _CharContextEnhancer:
    """Context is scored by the recognizers themselves (character windows, per
    language), so presidio's lemma enhancer, which needs spaCy tokens and deep-copies
    every result, is replaced by this pass-through."""

    def enhance_using_context(
        self, text: str, raw_results: list[Any], nlp_artifacts: Any,
        recognizers: list[Any], context: list[str] | None = None,
    ) -> list[Any]:
        return raw_results


_engines: dict[tuple[Any, ...], PIIEngine] = {}
_lock = threading.Lock()


def get_engine(
    disabled: Sequence[str] = (), min_score: float = 0.5, prefilter: bool = True
) -> PIIEngine:
    """The process-wide engine for these settings (built on first use)."""
    key = (tuple(sorted(disabled)), float(min_score), bool(prefilter))
    eng = _engines.get(key)
    if eng is None:
        with _lock:
            eng = _engines.get(key)
            if eng is None:
                eng = _engines[key] = PIIEngine(disabled, min_score, prefilter)
    return eng


def preload() -> None:
    """Import presidio and build the analyzer of every engine made so far (a batch
    parent calls this before forking, so its workers share the loaded modules)."""
    for eng in list(_engines.values()):
        _ = eng.analyzer


class PIIEngine:
    def __init__(
        self, disabled: Sequence[str] = (), min_score: float = 0.5, prefilter: bool = True
    ) -> None:
        unknown = sorted(set(disabled) - set(ENTITY_TYPES))
        if unknown:
            raise ConfigError(
                f"unknown PII type(s) {', '.join(unknown)} (known: {', '.join(ENTITY_TYPES)})"
            )
        self.entities = [e for e in ENTITY_TYPES if e not in set(disabled)]
        self._specs = [s for s in REGISTRY if s.entity in self.entities]
        self.min_score = min_score
        self.prefilter = prefilter
        self._enabled = frozenset(self.entities)
        #: recognizer name -> its ``exclude_before`` (``repeated_value`` honours it too)
        self.excludes = {
            s.name: re.compile(s.exclude_before) for s in self._specs if s.exclude_before
        }
        self._analyzer: Any = None
        #: language -> the empty NLP artifacts the no-op engine makes for every text
        self._artifacts: dict[str, Any] = {}
        self._build_lock = threading.Lock()

    @property
    def analyzer(self) -> Any:
        """presidio's ``AnalyzerEngine`` with our recognizers, built on first use."""
        analyzer = self._analyzer
        if analyzer is None:
            with self._build_lock:
                analyzer = self._analyzer
                if analyzer is None:
                    analyzer = self._analyzer = self._build_analyzer()
        return analyzer

    @property
    def loaded(self) -> bool:
        """Whether presidio has been imported and the analyzer built."""
        return self._analyzer is not None

    def _build_analyzer(self) -> Any:
        from presidio_analyzer import AnalyzerEngine
        from presidio_analyzer.nlp_engine import NoOpNlpEngine

        from .recognizers import OrderedRegistry, build_recognizers

        nlp = NoOpNlpEngine(
            models=[{"lang_code": lang, "model_name": "noop"} for lang in LANGUAGES]
        )
        nlp.load()
        # the no-op engine's artifacts are the same empty ones for every text (no tokens,
        # entities or keywords; an empty spaCy ``Doc``): made once per language and handed
        # to ``analyze``, which then skips ``process_text`` (~15 us a call)
        self._artifacts = {lang: nlp.process_text("", lang) for lang in LANGUAGES}
        registry = OrderedRegistry(
            recognizers=build_recognizers(self._specs), supported_languages=list(LANGUAGES)
        )
        analyzer = AnalyzerEngine(
            registry=registry,
            nlp_engine=nlp,
            supported_languages=list(LANGUAGES),
            default_score_threshold=self.min_score,
            context_aware_enhancer=_CharContextEnhancer(),  # type: ignore[arg-type]
        )
        # load lazily-loaded data now (tldextract's bundled suffix list, phonenumbers
        # metadata) so the first document's analysis does not pay for it
        analyzer.analyze(
            text="Email : warm.up@example.com Phone : +44 20 7946 0000",
            language="en",
            entities=sorted(self._enabled),
            score_threshold=self.min_score,
            nlp_artifacts=self._artifacts["en"],
        )
        return analyzer

    # -- windows --------------------------------------------------------------------------

    def windows(self, text: str, start: int, end: int) -> list[tuple[int, int, frozenset[str]]]:
        """``(start, end, entity types)`` windows of ``text[start:end]`` worth analyzing.

        Without the pre-filter: the whole span, every type."""
        return self.block_windows(text, [(start, end)])[0]

    def block_windows(
        self, text: str, blocks: Sequence[tuple[int, int]]
    ) -> list[list[tuple[int, int, frozenset[str]]]]:
        """:meth:`windows` of each ``(start, end)`` block, found in fewer regex scans: a
        trigger that cannot match across a line break is scanned once over all the blocks
        when each block is bounded by line breaks (:mod:`cleaner.pii.prefilter` says why
        the matches are the same)."""
        if not self.prefilter:
            return [[(s, e, self._enabled)] if e > s else [] for s, e in blocks]
        marks: list[list[tuple[int, int, frozenset[str]]]] = [[] for _ in blocks]
        full = [i for i, (s, e) in enumerate(blocks) if e > s]
        together = len(full) > 1 and line_bounded(text, blocks)
        starts = [blocks[i][0] for i in full]
        lines: dict[tuple[str, int, int], list[tuple[int, int]]] = {}
        for trig in _triggers():
            if together and trig.in_line:
                lo, hi = blocks[full[0]][0], blocks[full[-1]][1]
                for m in scan(trig, text, lo, hi, lines):
                    k = bisect.bisect_right(starts, m.start()) - 1
                    if k >= 0:
                        s, e = blocks[full[k]]
                        if m.start() < e:  # not in the line breaks between blocks
                            _mark(marks[full[k]], text, s, m, trig.types)
                continue
            if trig.line_start:  # most blocks are one line: their start is the line start
                match = trig.rx.match
                for i in full:
                    s, e = blocks[i]
                    if text.find("\n", s, e) < 0:  # what scan() tries on a one-line block
                        if s == 0 or text[s - 1] == "\n":
                            one = match(text, s, e)
                            if one is not None:
                                _mark(marks[i], text, s, one, trig.types)
                        continue
                    for m in scan(trig, text, s, e, lines):
                        _mark(marks[i], text, s, m, trig.types)
                continue
            for i in full:
                s, e = blocks[i]
                for m in scan(trig, text, s, e, lines):
                    _mark(marks[i], text, s, m, trig.types)
        return [self._spans(text, s, e, mk) if mk else []
                for (s, e), mk in zip(blocks, marks, strict=True)]

    def _spans(
        self, text: str, start: int, end: int, marks: list[tuple[int, int, frozenset[str]]]
    ) -> list[tuple[int, int, frozenset[str]]]:
        """Windows around the trigger ``marks`` of one block: merged where they overlap."""
        marks.sort(key=lambda t: t[0])
        spans: list[list[Any]] = []
        for ms, me, types in marks:
            s = max(start, ms - WINDOW_BEFORE)
            e = min(end, me + WINDOW_AFTER)
            # snap to whitespace so no token is cut in half
            while s > start and not text[s - 1].isspace():
                s -= 1
            while e < end and not text[e].isspace():
                e += 1
            if spans and s <= spans[-1][1]:
                spans[-1][1] = max(spans[-1][1], e)
                spans[-1][2] = spans[-1][2] | types
            else:
                spans.append([s, e, types])
        return [(s, e, frozenset(t) & self._enabled) for s, e, t in spans if t & self._enabled]

    # -- analysis ---------------------------------------------------------------------------

    def analyze(self, text: str, language: str = "en") -> list[Hit]:
        """Hits in ``text`` (offsets into it), overlaps resolved."""
        return self.find(text, [(0, len(text), language)])

    def find(self, text: str, spans: Iterable[tuple[int, int, str | None]]) -> list[Hit]:
        """Hits in the given ``(start, end, language)`` spans of ``text``.

        The windows of one language are joined (separated by blank padding wider
        than any context window) and analyzed in one presidio call: presidio's
        per-call overhead is larger than the regex work on a short window."""
        spans = list(spans)
        per_block = self.block_windows(text, [(s, e) for s, e, _ in spans])
        by_lang: dict[str, list[tuple[int, int, frozenset[str]]]] = {}
        for (_, _, lang), found in zip(spans, per_block, strict=True):
            language = lang if lang in LANGUAGES else "en"
            by_lang.setdefault(language, []).extend(found)
        hits: list[Hit] = []
        for language, windows in by_lang.items():
            if not windows:  # nothing to analyze (presidio found nothing in "" either)
                continue
            parts: list[str] = []
            offsets: list[tuple[int, int]] = []  # (position in joined text, position in text)
            pos = 0
            types: set[str] = set()
            for ws, we, t in windows:
                if parts:
                    parts.append(_PAD)
                    pos += len(_PAD)
                offsets.append((pos, ws))
                parts.append(text[ws:we])
                pos += we - ws
                types |= t
            joined = "".join(parts)
            analyzer = self.analyzer
            results = analyzer.analyze(
                text=joined,
                language=language,
                entities=sorted(types),
                score_threshold=self.min_score,
                nlp_artifacts=self._artifacts[language],
            )
            starts = [o[0] for o in offsets]
            for r in results:
                k = bisect.bisect_right(starts, r.start) - 1
                if k < 0:
                    continue
                jpos, tpos = offsets[k]
                seg_end = jpos + (windows[k][1] - windows[k][0])
                if r.end > seg_end:  # a match spanning the padding is not real
                    continue
                meta = r.recognition_metadata or {}
                hits.append(
                    Hit(
                        start=tpos + r.start - jpos,
                        end=tpos + r.end - jpos,
                        entity=r.entity_type,
                        score=float(r.score),
                        recognizer=str(meta.get("recognizer_name", "presidio")),
                        pattern=str(meta.get("pattern", "")),
                    )
                )
        if not hits:
            return []
        hits = resolve(hits)
        if "PERSON" in self._enabled:
            hits = _names_above_addresses(text, hits)
        return [_judged(text, h) for h in hits]


#: a name starts a word (the look-behind keeps a search from retrying inside a long word)
_FULL_NAME = re.compile(r"(?<![\w'’.-])" + FULL_NAME)


def _names_above_addresses(text: str, hits: list[Hit]) -> list[Hit]:
    """A line holding only a full name right above a street address is its resident's
    name (an address block: "Othmar Hertrampf / Allee 8-9 / 00714 Wesel")."""
    from .recognizers import VALIDATORS

    taken = {(h.start, h.end) for h in hits}
    extra: list[Hit] = []
    for h in hits:
        if h.entity != "STREET_ADDRESS":
            continue
        ls = text.rfind("\n", 0, h.start)
        if ls < 0 or text[ls + 1 : h.start].strip():
            continue  # the address does not start its line
        ps = text.rfind("\n", 0, ls) + 1
        s, e = ps, ls
        while s < e and text[s] in " \t":
            s += 1
        while e > s and text[e - 1] in " \t\r":
            e -= 1
        if s < e and (s, e) not in taken and _FULL_NAME.fullmatch(text, s, e):
            if not VALIDATORS["person_label"](text[s:e]):
                continue
            extra.append(Hit(s, e, "PERSON", 0.75, "furniture_person", "name_above_address"))
    return resolve(hits + extra) if extra else hits


def _judged(text: str, h: Hit) -> Hit:
    from .policy import judge

    why = judge(text, h.start, h.end, h.entity)
    if why is None:
        return h
    return Hit(h.start, h.end, h.entity, h.score, h.recognizer, h.pattern, why)


_GENERIC = frozenset({"PHONE_NUMBER", "DATE_OF_BIRTH"})


def resolve(hits: list[Hit]) -> list[Hit]:
    """Non-overlapping hits: same-type overlaps merge, otherwise the best score
    (then the more specific type, then the longer span) wins."""
    merged: list[Hit] = []
    # a total order (score, recognizer and pattern break ties): presidio's result order is
    # not the same in every process, and the rule a finding names must not depend on it
    for h in sorted(hits, key=lambda h: (h.entity, h.start, -h.end, -h.score, h.recognizer,
                                         h.pattern)):
        last = merged[-1] if merged else None
        if last is not None and last.entity == h.entity and h.start < last.end:
            best = last if last.score >= h.score else h
            merged[-1] = Hit(
                last.start, max(last.end, h.end), h.entity, max(last.score, h.score),
                best.recognizer, best.pattern, best.not_personal,
            )
        else:
            merged.append(h)
    kept: list[Hit] = []
    # the kept spans, sorted; they never overlap, so the one that starts last before
    # ``h.end`` is the only one that can overlap ``h`` (testing every kept span made a
    # page of 8,000 e-mail addresses take 3 s here)
    spans: list[tuple[int, int]] = []
    # equal scores: a checksummed ID (NHS, SSN, card) beats the generic phone shape
    for h in sorted(merged, key=lambda h: (-h.score, h.entity in _GENERIC,
                                           -(h.end - h.start), h.start, h.entity,
                                           h.recognizer, h.pattern)):
        j = bisect.bisect_left(spans, (h.end,))
        if j == 0 or spans[j - 1][1] <= h.start:
            kept.append(h)
            bisect.insort(spans, (h.start, h.end))
    kept.sort(key=lambda h: h.start)
    return kept

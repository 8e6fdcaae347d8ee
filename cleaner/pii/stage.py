"""The ``pii`` stage: findings for personal data, never the data itself.

Every hit becomes a ``Finding`` (stage/category ``pii``, ``type`` = entity,
``rule`` = recognizer, score, span, action ``redacted`` and the replacement).
The value is not stored anywhere: not in the finding, not in ``detail``, not
in a log line. A hit inside a span that the boilerplate stage removed (an
author card) is still reported, with ``detail.inside_removed``, so the report
says the page carried N personal items; the removal wins in the output.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Collection, Iterator
from typing import Any

from ..config import CleanerConfig, PIIConfig
from ..errors import ConfigError
from ..model import Document, Finding
from ..normalize import squash
from ..spans import SpanIndex
from .engine import Hit, PIIEngine, get_engine
from .registry import CONTEXT_WINDOW, TAGS

STAGE = "pii"
log = logging.getLogger(__name__)


def ner_model_available(model: str) -> bool:
    """Whether the spaCy pipeline ``model`` is installed (nothing is downloaded)."""
    try:
        import spacy.util
    except ImportError:  # pragma: no cover - spacy comes with presidio
        return False
    return bool(spacy.util.is_package(model))


def ner_install_hint(model: str) -> str:
    return (
        f"pii.person_ner needs the spaCy pipeline {model!r}, which is not installed. "
        f"Install its wheel with pip (from your package mirror, or "
        f"`python -m spacy download {model}` on a machine with internet access), "
        f"or set pii.person_ner = false."
    )


class _NerPersons:
    """Optional PERSON detection with an installed spaCy model (presidio SpacyRecognizer)."""

    def __init__(self, model: str) -> None:
        from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
        from presidio_analyzer.nlp_engine import SpacyNlpEngine
        from presidio_analyzer.predefined_recognizers import SpacyRecognizer

        nlp = SpacyNlpEngine(models=[{"lang_code": "en", "model_name": model}])
        nlp.load()
        registry = RecognizerRegistry(recognizers=[SpacyRecognizer(supported_entities=["PERSON"])])
        self.analyzer = AnalyzerEngine(registry=registry, nlp_engine=nlp)

    def find(self, text: str, spans: list[tuple[int, int, str | None]]) -> list[Hit]:
        out = []
        for s, e, _ in spans:
            for r in self.analyzer.analyze(text=text[s:e], language="en", entities=["PERSON"]):
                out.append(Hit(s + r.start, s + r.end, "PERSON", float(r.score), "spacy_ner", ""))
        return out


class AllowList:
    """The values the configuration says are never redacted: ``pii.allow`` (the same text,
    white space and case ignored) and ``pii.allow_regex`` (full matches). The PII stage and
    the page metadata (:mod:`cleaner.metadata`, the author) both ask it."""

    def __init__(self, cfg: PIIConfig) -> None:
        try:
            self._rx = [re.compile(p) for p in cfg.allow_regex]
        except re.error as exc:
            raise ConfigError(f"pii.allow_regex holds an invalid regex: {exc}") from None
        self._values = {_norm(v) for v in cfg.allow}

    def __contains__(self, value: str) -> bool:
        return _norm(value) in self._values or any(rx.fullmatch(value) for rx in self._rx)


class PIIStage:
    name = STAGE
    requires = ("text", "blocks")
    #: removals (a hit inside one gets ``detail.inside_removed``) and block languages
    reads = ("language", "block.lang", "findings.boilerplate")
    provides = ("findings.pii",)

    def __init__(self, config: CleanerConfig) -> None:
        cfg: PIIConfig = config.pii
        self.config = cfg
        self.engine: PIIEngine | None = None
        self.ner: _NerPersons | None = None
        self._allow = AllowList(cfg)
        if not cfg.enabled:
            return
        self.engine = get_engine(cfg.disabled_types, cfg.min_score, cfg.prefilter)
        if cfg.person_ner:
            if not ner_model_available(cfg.ner_model):
                raise ConfigError(ner_install_hint(cfg.ner_model))
            self.ner = _NerPersons(cfg.ner_model)

    # -- helpers ---------------------------------------------------------------------------

    def _allowed(self, value: str) -> bool:
        return value in self._allow

    def hits(self, doc: Document) -> list[Hit]:
        assert self.engine is not None
        body_lang = doc.language.code if doc.language else None
        spans = [(b.start, b.end, b.lang if b.lang not in (None, "und") else body_lang)
                 for b in doc.blocks]
        found = self.engine.find(doc.text, spans)
        if self.ner is not None:
            found = _with_ner(doc.text, found, self.ner.find(doc.text, spans))
        found = [h for h in found if not self._allowed(doc.text[h.start : h.end])]
        if self.config.policy == "personal":
            found = [h for h in found if h.not_personal is None]
        return _repeats(doc.text, found, self.engine.excludes)

    # -- stage ---------------------------------------------------------------------------------

    def __call__(self, doc: Document) -> None:
        if self.engine is None or not doc.text or not doc.blocks:
            return
        hits = self.hits(doc)
        if not hits:
            return
        removed = sorted(
            (f.start, f.end)
            for f in doc.findings
            if f.action in ("removed", "dropped") and f.start is not None and f.end is not None
        )
        inside_removal = SpanIndex(removed)
        starts = [b.start for b in doc.blocks]
        pseudonyms: dict[tuple[str, str], str] = {}
        counters: dict[str, int] = {}
        for h in hits:
            tag = TAGS.get(h.entity, h.entity)
            if self.config.style == "remove":
                replacement = ""
            elif self.config.style == "pseudonym":
                key = (tag, _norm(doc.text[h.start : h.end]))
                replacement = pseudonyms.get(key, "")
                if not replacement:
                    counters[tag] = counters.get(tag, 0) + 1
                    replacement = pseudonyms[key] = f"[{tag}_{counters[tag]}]"
            else:
                replacement = f"[{tag}]"
            detail: dict[str, Any] = {"personal": h.not_personal is None}
            if h.not_personal:
                detail["not_personal"] = h.not_personal
            if h.pattern:
                detail["pattern"] = h.pattern
            if inside_removal.covers(h.start, h.end):
                detail["inside_removed"] = True
            idx = bisect.bisect_right(starts, h.start) - 1
            doc.findings.append(
                Finding(
                    stage=STAGE,
                    category="pii",
                    rule=h.recognizer,
                    score=h.score,
                    start=h.start,
                    end=h.end,
                    action="redacted",
                    block=doc.blocks[idx].index if idx >= 0 else None,
                    type=h.entity,
                    replacement=replacement,
                    detail=detail,
                )
            )
        pseudonyms.clear()
        log.debug("pii: %d finding(s) in document %s", len(hits), doc.id or "<unnamed>")


#: values that may legitimately recur in the news itself (an employer in the headlines,
#: a date) are redacted where found, not everywhere
_NO_REPEAT = frozenset({"ORGANIZATION", "STREET_ADDRESS", "DATE_OF_BIRTH"})


def _with_ner(text: str, found: list[Hit], ner: list[Hit]) -> list[Hit]:
    """NER persons only on furniture lines: a short line (at most 12 words) that holds
    another personal hit, and never over another hit (an address, a contact): running
    text keeps its public figures."""
    from .engine import resolve

    taken = SpanIndex((h.start, h.end) for h in found)
    keep: list[Hit] = []
    for h in ner:
        if taken.overlaps(h.start, h.end):
            continue
        ls = text.rfind("\n", 0, h.start) + 1
        le = text.find("\n", h.end)
        le = len(text) if le == -1 else le
        if len(text[ls:le].split()) > 12 or not taken.overlaps(ls, le):
            continue
        keep.append(h)
    return resolve(found + keep) if keep else found


def _repeats(
    text: str, hits: list[Hit], excludes: dict[str, re.Pattern[str]] | None = None
) -> list[Hit]:
    """Once a value is known to be personal (``Name : Oda Hills``), every other
    occurrence of it on the page is redacted too (rule ``repeated_value``), except where
    the recognizer that found it would refuse it (its ``exclude_before``: the signature
    of an embedded post quotes a public account)."""
    from .engine import resolve

    excludes = excludes or {}
    first: dict[str, Hit] = {}
    for h in hits:
        value = text[h.start : h.end]
        if (len(value) >= 4 and value not in first and h.entity not in _NO_REPEAT
                and h.not_personal is None):
            first[value] = h
    if not first:
        return hits
    extra: list[Hit] = []
    taken = SpanIndex((o.start, o.end) for o in hits)
    for ms, me in _occurrences(text, first):
        if taken.overlaps(ms, me):
            continue
        src = first[text[ms:me]]
        ex = excludes.get(src.recognizer)
        if ex is not None and ex.search(text, max(0, ms - CONTEXT_WINDOW), ms):
            continue
        extra.append(Hit(ms, me, src.entity, src.score * 0.95, "repeated_value", src.recognizer))
    return resolve(hits + extra) if extra else hits


#: above this many values, :func:`_occurrences` looks them up by length
_MANY_VALUES = 64
_NOT_AFTER = re.compile(r"[\w@]|\.\w")


def _occurrences(text: str, values: Collection[str]) -> Iterator[tuple[int, int]]:
    r"""Spans of ``values`` standing alone in ``text``, left to right, longest value
    first: the matches of ``(?<![\w@.])(?:v1|v2|...)(?![\w@]|\.\w)``."""
    ordered = sorted(values, key=len, reverse=True)
    if len(ordered) <= _MANY_VALUES:
        alt = "|".join(re.escape(v) for v in ordered)
        for m in re.finditer(rf"(?<![\w@.])(?:{alt})(?![\w@]|\.\w)", text):
            yield m.start(), m.end()
        return
    # the regex tries an alternation branch by branch at every word start, so with
    # thousands of values it was quadratic (64,000 e-mail addresses: 11 s): here each
    # candidate start is looked up once per distinct value length
    by_len: dict[int, set[str]] = {}
    for v in ordered:
        by_len.setdefault(len(v), set()).add(v)
    lengths = sorted(by_len, reverse=True)
    firsts = re.escape("".join(sorted({v[0] for v in ordered})))
    pos = 0
    for m in re.finditer(rf"(?<![\w@.])[{firsts}]", text):
        p = m.start()
        if p < pos:
            continue
        for n in lengths:
            if text[p : p + n] in by_len[n] and not _NOT_AFTER.match(text, p + n):
                yield p, p + n
                pos = p + n
                break


def _norm(value: str) -> str:
    return squash(value)

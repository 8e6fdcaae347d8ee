"""The data model shared by every stage.

A :class:`Document` is what flows through the pipeline. Extraction turns its
input into ``doc.text`` (the *working text*) split into :class:`Block` spans.
Later stages never edit that text: they add :class:`Finding` values (a removal,
a redaction, a mark) whose spans point into it. The assemble stage then renders
``doc.output`` from the blocks minus the findings, so every character that is
missing from the output is explained by a finding in the :class:`Report`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

InputFormat = Literal["html", "text", "markdown"]
Verdict = Literal["keep", "review", "reject"]
Action = Literal["removed", "redacted", "marked", "dropped"]

BlockKind = Literal[
    "title", "heading", "paragraph", "list_item", "line", "quote", "table_row", "code"
]
#: how the language stage decided ``Block.lang`` (``inherited``: the body language, the
#: block showing no sign of another: same script, no other language's stopwords)
LangMethod = Literal["too_short", "stopwords", "inherited", "over_budget", "langdetect"]

REPORT_SCHEMA = "cleaner.report/1"


@dataclass(frozen=True, slots=True)
class Markup:
    """What the source HTML said about a block, before trafilatura flattened it.

    Set by the extract stage on HTML blocks matched to a short source element;
    ``Block.markup`` is ``None`` for text/Markdown input and unmatched blocks.
    """

    #: tag of the source element (``p``, ``li``, ``a``...)
    tag: str
    #: share of the element's characters inside links (0..1; an ``<a>`` is 1)
    link_density: float
    #: furniture tokens of the element and its nearest ancestors' class/id/role
    #: (``related``, ``share``, ``nav``...), see ``cleaner.extract.HINT_TOKENS``
    containers: tuple[str, ...] = ()


@dataclass(slots=True)
class Block:
    """A span of the working text: a paragraph, heading, list item or line.

    ``group`` numbers paragraphs: blocks of one group are rendered one per line,
    groups are separated by a blank line.
    """

    index: int
    start: int
    end: int
    kind: BlockKind
    group: int
    text: str
    #: language of the block, filled by the language stage (``und`` when unsure)
    lang: str | None = None
    lang_prob: float | None = None
    #: how ``lang`` was decided, filled by the language stage with ``lang``
    lang_method: LangMethod | None = None
    #: signals from the source HTML (link density, container tokens), set by extract
    markup: Markup | None = None
    #: a table row flattened from a layout table: the (start, end) offsets in ``text``
    #: of the block elements (paragraphs, headings) of its cells, set by extract when a
    #: cell holds two or more; the boilerplate stage scores them as pieces of the row
    pieces: tuple[tuple[int, int], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "index": self.index,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "group": self.group,
            "chars": self.end - self.start,
        }
        if self.lang is not None:
            d["lang"] = self.lang
            d["lang_prob"] = self.lang_prob
        return d


@dataclass(frozen=True, slots=True)
class Finding:
    """One decision a stage made about a span of the working text.

    ``start``/``end`` are offsets into ``Document.text``; ``None`` for findings
    about markup that never reached the working text (e.g. hidden elements).
    ``detail`` must be JSON-safe and must never hold raw personal data.
    """

    stage: str
    category: str
    rule: str
    score: float
    start: int | None
    end: int | None
    action: Action
    block: int | None = None
    #: entity type for PII findings (``EMAIL_ADDRESS``), else ``None``
    type: str | None = None
    #: text that replaces the span in the output (redactions); never raw PII
    replacement: str | None = None
    detail: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "stage": self.stage,
            "category": self.category,
            "rule": self.rule,
            "score": round(float(self.score), 4),
            "start": self.start,
            "end": self.end,
            "action": self.action,
        }
        if self.block is not None:
            d["block"] = self.block
        if self.type is not None:
            d["type"] = self.type
        if self.replacement is not None:
            d["replacement"] = self.replacement
        if self.detail:
            d["detail"] = dict(self.detail)
        return d


@dataclass(slots=True)
class LanguageResult:
    code: str
    prob: float
    reliable: bool
    #: ``langdetect``, or ``too_short`` when the text was too short to tell
    method: str = "langdetect"

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "prob": round(self.prob, 4),
            "reliable": self.reliable,
            "method": self.method,
        }


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a document is not a plain ``keep``: a code to count by, a sentence, the numbers.

    ``code`` is one of ``empty``, ``too_short``, ``short``, ``low_score``,
    ``signals``, ``language``; ``detail`` holds the numbers the message quotes
    (JSON-safe). ``str(reason)`` is the one-line form ``"code: message"``.
    """

    code: str
    message: str
    detail: Mapping[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "detail": dict(self.detail)}


@dataclass(slots=True)
class Quality:
    signals: dict[str, float]
    score: float
    verdict: Verdict
    reasons: list[Reason]

    def to_dict(self) -> dict[str, Any]:
        """``reasons`` keeps the one-line strings readers of ``cleaner.report/1`` know;
        ``reason_details`` has the same reasons as ``{code, message, detail}``."""
        return {
            "signals": {k: round(v, 4) for k, v in self.signals.items()},
            "score": round(self.score, 4),
            "verdict": self.verdict,
            "reasons": [str(r) for r in self.reasons],
            "reason_details": [r.to_dict() for r in self.reasons],
        }


@dataclass(slots=True)
class Document:
    """A page on its way through the pipeline."""

    source: str | bytes
    id: str | None = None
    url: str | None = None
    #: ``html``/``text``/``markdown``; set by input detection unless hinted
    format: InputFormat | None = None
    format_hint: str | None = None
    #: encoding used to decode ``source`` when it was bytes
    encoding: str | None = None
    decoded: str = ""
    #: the working text every span points into
    text: str = ""
    blocks: list[Block] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    language: LanguageResult | None = None
    quality: Quality | None = None
    #: the clean body, rendered by the assemble stage
    output: str = ""
    #: why the document has no usable text, if it has none
    problems: list[str] = field(default_factory=list)
    extractor: str | None = None
    #: what kind of page the HTML is (``cleaner.pagekind.PAGE_KINDS``; set by the extract
    #: stage, ``None`` for text input): later stages apply article-only rules by it
    page_kind: str | None = None
    timings: dict[str, float] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def input_chars(self) -> int:
        return len(self.decoded)

    @property
    def input_bytes(self) -> int:
        s = self.source
        return len(s) if isinstance(s, bytes) else len(s.encode("utf-8", "surrogatepass"))


@dataclass(slots=True)
class Report:
    """What was done to a document and why; ``to_dict()`` is JSON-safe."""

    document: Document

    @property
    def findings(self) -> list[Finding]:
        return self.document.findings

    @property
    def verdict(self) -> Verdict:
        q = self.document.quality
        return q.verdict if q is not None else "reject"

    def removed(self) -> list[Finding]:
        return [f for f in self.findings if f.action in ("removed", "dropped")]

    def summary(self) -> dict[str, Any]:
        removed: dict[str, dict[str, int]] = {}
        pii: dict[str, int] = {}
        marked: dict[str, int] = {}
        for f in self.findings:
            if f.category == "pii":
                key = f.type or "UNKNOWN"
                pii[key] = pii.get(key, 0) + 1
            elif f.action in ("removed", "dropped"):
                slot = removed.setdefault(f.category, {"count": 0, "chars": 0})
                slot["count"] += 1
                if f.start is not None and f.end is not None:
                    slot["chars"] += f.end - f.start
                else:
                    slot["chars"] += int(f.detail.get("chars", 0))
            elif f.action == "marked":
                marked[f.category] = marked.get(f.category, 0) + 1
        out: dict[str, Any] = {"removed": removed, "pii": pii}
        if marked:
            out["marked"] = marked
        return out

    def to_dict(self, *, include_view: bool = False) -> dict[str, Any]:
        """The JSON-safe report; ``include_view`` adds ``"view"``: the text as kept,
        removed and masked segments (:func:`cleaner.view.document_view`, never raw PII)."""
        from .lexicon import word_count

        doc = self.document
        words_in = word_count(doc.text)
        words_out = word_count(doc.output)
        d: dict[str, Any] = {
            "schema": REPORT_SCHEMA,
            "id": doc.id,
            "url": doc.url,
            "verdict": self.verdict,
            "input": {
                "format": doc.format,
                "encoding": doc.encoding,
                "bytes": doc.input_bytes,
                "chars": doc.input_chars,
            },
            "extraction": {
                "extractor": doc.extractor,
                "chars": len(doc.text),
                "words": words_in,
                "blocks": len(doc.blocks),
                # page kind and extraction path, each with its reason (cleaner.extract)
                "page_kind": doc.page_kind,
                **doc.meta.get("extraction", {}),
            },
            "output": {"chars": len(doc.output), "words": words_out},
            "language": doc.language.to_dict() if doc.language else None,
            "blocks": [b.to_dict() for b in doc.blocks],
            "findings": [f.to_dict() for f in doc.findings],
            "summary": self.summary(),
            "quality": doc.quality.to_dict() if doc.quality else None,
            "problems": list(doc.problems),
            "timings_ms": {k: round(v * 1000, 3) for k, v in doc.timings.items()},
        }
        if include_view:
            from .view import document_view

            d["view"] = document_view(doc)
        return d


@dataclass(slots=True)
class CleanResult:
    """What :func:`cleaner.clean` returns."""

    text: str
    report: Report

    @property
    def verdict(self) -> Verdict:
        return self.report.verdict

    @property
    def document(self) -> Document:
        return self.report.document

    @property
    def language(self) -> str | None:
        lang = self.report.document.language
        return lang.code if lang else None

    @property
    def metadata(self) -> dict[str, str] | None:
        """Title, author, date, site name and URL (``cleaner.metadata.FIELDS``, those found)
        with ``extraction.with_metadata`` on, the author redacted like the text; else ``None``."""
        found: dict[str, str] | None = self.report.document.meta.get("metadata")
        return found

    @property
    def id(self) -> str | None:
        """The ``id`` given to ``clean``/``clean_many`` (``None`` when none was)."""
        return self.report.document.id

    @property
    def url(self) -> str | None:
        """The ``url`` given to ``clean``/``clean_many`` (``None`` when none was)."""
        return self.report.document.url

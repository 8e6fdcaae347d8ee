"""A JSON-safe, PII-safe view of one document for reports: what was kept, what was cut, why.

``document_view(doc)`` turns the working text and the findings into blocks of
*segments*. Every character of ``doc.text`` that lies in a block is accounted
for by exactly one segment (or by a PII tag that stands for it)::

    {"kind": "kept",    "text": "..."}
    {"kind": "removed", "text": "..." | None, "chars": 42, "withheld": None | "personal_category",
     "finding": 3, "category": "link_farm", "rule": "...", "score": 0.93, "action": "removed"}
    {"kind": "marked",  ...same keys as "removed", action "marked" (dry run)...}
    {"kind": "pii",     "tag": "[EMAIL_ADDRESS]", "type": "EMAIL_ADDRESS", "chars": 23,
     "finding": 5, "rule": "...", "score": 1.0, "within": {...} | None}
    {"kind": "masked",  "tag": "[EMAIL_ADDRESS]", "type": "EMAIL_ADDRESS", "chars": 23,
     "rule": "view:email", "within": {...} | None}

``within`` names the removal (or mark) a tag sits in: ``finding``, ``category``,
``rule``, ``score``, ``action``.

Privacy policy (the view travels inside reports, so it must never carry raw PII):

1. **Mask first.** Every PII finding (stage/category ``pii``) becomes a type tag
   such as ``[EMAIL_ADDRESS]`` wherever it lies, also inside a removed span;
   the value itself is never copied.
2. **Withhold personal categories.** The text of removed or marked spans whose
   category exists to hold personal data (:data:`WITHHELD_CATEGORIES`: author
   cards, social profiles) and of any category the view does not know is
   *never* shown, only its length: the PII stage may miss a value in such a
   block, and a removed block is exactly where nobody checks the output.
   Removed text is shown only for the known non-personal categories in
   :data:`SHOWN_CATEGORIES` (spam headlines, furniture, placeholders ...).
3. **Residual screen.** Text that *is* shown still passes a conservative
   pattern screen: e-mail addresses and phone numbers everywhere, and in shown
   removed text also full dates, ``@handles`` and URLs. A hit becomes a
   ``masked`` segment (a tag produced by the view, not by the PII stage).

What the view cannot do: a personal name the PII stage missed in *kept* text
is shown, exactly as it is in the clean output (the view is never less private
than ``doc.output``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from .categories import PERSONAL, SHOWN

if TYPE_CHECKING:  # annotations only: the model calls the view (Report.to_dict), not back
    from .model import Document, Finding

VIEW_SCHEMA = "cleaner.view/1"

#: removed/marked categories whose text the view may show (no personal data by design)
SHOWN_CATEGORIES: frozenset[str] = SHOWN
#: categories whose text is never shown (documented; unknown categories are withheld too)
WITHHELD_CATEGORIES: frozenset[str] = PERSONAL

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# a phone-like run: optional +, digits with separators, at least 9 digits overall
_PHONE = re.compile(r"(?<![\w+])\+?\(?\d[\d \t().\-/]{6,}\d(?![\w])")
_DATE = re.compile(
    r"(?<!\d)(?:\d{4}[./-]\d{1,2}[./-]\d{1,2}|\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2}))(?!\d)"
)
_HANDLE = re.compile(r"(?<![\w@])@[A-Za-z0-9_][A-Za-z0-9_.]{1,}")
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"')\]]+", re.IGNORECASE)

#: (type, rule, pattern, min digits) screened in every shown text
_BASIC: tuple[tuple[str, str, re.Pattern[str], int], ...] = (
    ("EMAIL_ADDRESS", "view:email", _EMAIL, 0),
    ("PHONE_NUMBER", "view:phone", _PHONE, 9),
)
#: screened in shown *removed* text only
_STRICT: tuple[tuple[str, str, re.Pattern[str], int], ...] = (
    ("URL", "view:url", _URL, 0),
    *_BASIC,
    ("DATE_TIME", "view:date", _DATE, 0),
    ("SOCIAL_HANDLE", "view:handle", _HANDLE, 0),
)


def is_pii(f: Finding) -> bool:
    return f.category == "pii" or f.stage == "pii"


def is_shown_category(category: str) -> bool:
    """Whether removed/marked text of ``category`` may appear in a view."""
    return category in SHOWN_CATEGORIES and category not in WITHHELD_CATEGORIES


def pii_tag(type_: str | None) -> str:
    return f"[{type_ or 'PII'}]"


def _screen(
    text: str, patterns: Sequence[tuple[str, str, re.Pattern[str], int]]
) -> list[tuple[int, int, str, str]]:
    """Non-overlapping (start, end, type, rule) hits of the residual screen, in order."""
    hits: list[tuple[int, int, str, str]] = []
    for type_, rule, pattern, min_digits in patterns:
        for m in pattern.finditer(text):
            if min_digits and sum(c.isdigit() for c in m.group()) < min_digits:
                continue
            s, e = m.span()
            if any(s < he and hs < e for hs, he, _, _ in hits):
                continue
            hits.append((s, e, type_, rule))
    hits.sort()
    return hits


def _ref(index: int, f: Finding) -> dict[str, Any]:
    return {
        "finding": index,
        "category": f.category,
        "rule": f.rule,
        "score": round(float(f.score), 4),
        "action": f.action,
    }


def _text_segments(
    text: str, kind: str, base: dict[str, Any], within: dict[str, Any] | None, strict: bool
) -> list[dict[str, Any]]:
    """``text`` as ``kind`` segments, residual-screened into ``masked`` tags."""
    out: list[dict[str, Any]] = []
    pos = 0
    for s, e, type_, rule in _screen(text, _STRICT if strict else _BASIC):
        if s > pos:
            out.append({"kind": kind, "text": text[pos:s], **base})
        out.append(
            {"kind": "masked", "tag": pii_tag(type_), "type": type_, "chars": e - s,
             "rule": rule, "within": within}
        )
        pos = e
    if pos < len(text) or not out:
        out.append({"kind": kind, "text": text[pos:], **base})
    return out


def _pick(candidates: list[tuple[int, Finding]]) -> tuple[int, Finding] | None:
    """The finding that owns a piece: highest score, then earliest, then longest."""
    if not candidates:
        return None
    return max(
        candidates,
        key=lambda c: (c[1].score, -(c[1].start or 0), (c[1].end or 0) - (c[1].start or 0),
                       -c[0]),
    )


def _same(a: tuple[int, Finding] | None, b: tuple[int, Finding] | None) -> bool:
    return (a[0] if a else None) == (b[0] if b else None)


def _overlapping(
    doc: Document, relevant: list[tuple[int, Finding]]
) -> list[list[tuple[int, Finding]]]:
    """For each block of ``doc``, the ``relevant`` findings that overlap it: one sweep
    over blocks and findings by start (not every finding for every block)."""
    by_start = sorted(relevant, key=lambda c: c[1].start or 0)
    local_of: list[list[tuple[int, Finding]]] = [[] for _ in doc.blocks]
    active: list[tuple[int, Finding]] = []
    k = 0
    for j in sorted(range(len(doc.blocks)), key=lambda j: doc.blocks[j].start):
        bs, be = doc.blocks[j].start, doc.blocks[j].end
        while k < len(by_start) and (by_start[k][1].start or 0) < be:
            active.append(by_start[k])
            k += 1
        # blocks come by start, so a finding that ends before this one starts is done
        active = [c for c in active if (c[1].end or 0) > bs]
        local_of[j] = [c for c in active if (c[1].start or 0) < be]
    return local_of


def document_view(doc: Document) -> dict[str, Any]:
    """The document's working text as blocks of kept/removed/PII segments (JSON-safe).

    See the module docstring for the segment shapes and the privacy policy.
    """
    spans = [
        (i, f) for i, f in enumerate(doc.findings) if f.start is not None and f.end is not None
    ]
    pii = [(i, f) for i, f in spans if is_pii(f)]
    cuts = [(i, f) for i, f in spans if not is_pii(f) and f.action in ("removed", "dropped")]
    marks = [(i, f) for i, f in spans if not is_pii(f) and f.action == "marked"]
    # non-PII redactions are masked like PII: the view has no way to know what they hide
    pii += [(i, f) for i, f in spans if not is_pii(f) and f.action == "redacted"]
    relevant = pii + cuts + marks
    pii_ids = {i for i, _ in pii}
    cut_ids = {i for i, _ in cuts}
    emitted_tags: set[int] = set()
    counts = {"kept": 0, "removed": 0, "withheld": 0, "pii": 0, "masked": 0}
    blocks: list[dict[str, Any]] = []
    local_of = _overlapping(doc, relevant)
    for j, block in enumerate(doc.blocks):
        bs, be = block.start, block.end
        local = local_of[j]
        cuts_at = {bs, be}
        for _, f in local:
            assert f.start is not None and f.end is not None
            cuts_at.add(min(max(f.start, bs), be))
            cuts_at.add(min(max(f.end, bs), be))
        points = sorted(cuts_at)
        pieces: list[tuple[int, int, tuple[int, Finding] | None, tuple[int, Finding] | None]] = []
        # sweep the pieces: no cut point lies inside one, so a finding covers a piece
        # iff it started at or before it and ends after its start (testing every finding
        # of the block per piece was quadratic: 5,000 e-mail addresses took 8 s)
        by_start = sorted(local, key=lambda c: c[1].start or 0)
        k = 0
        active: dict[int, tuple[int, Finding]] = {}
        for a, b in pairwise(points):
            if a >= b:
                continue
            while k < len(by_start) and (by_start[k][1].start or 0) <= a:
                active[by_start[k][0]] = by_start[k]
                k += 1
            for i in [i for i, (_, f) in active.items() if (f.end or 0) <= a]:
                del active[i]
            cover = list(active.values())
            p = _pick([c for c in cover if c[0] in pii_ids])
            r = _pick([c for c in cover if c[0] in cut_ids]) or _pick(
                [c for c in cover if c[0] not in pii_ids and c[0] not in cut_ids]
            )
            if (
                pieces
                and _same(pieces[-1][2], p)
                and _same(pieces[-1][3], r)
                and pieces[-1][1] == a
            ):
                pieces[-1] = (pieces[-1][0], b, p, r)
            else:
                pieces.append((a, b, p, r))
        segments: list[dict[str, Any]] = []
        for a, b, p, r in pieces:
            within = _ref(*r) if r is not None else None
            if p is not None:
                pi, pf = p
                if pi in emitted_tags:
                    continue  # one tag per PII span, even when it straddles pieces or blocks
                emitted_tags.add(pi)
                type_ = pf.type if is_pii(pf) else pf.category
                assert pf.start is not None and pf.end is not None
                segments.append(
                    {"kind": "pii", "tag": pii_tag(type_), "type": type_,
                     "chars": pf.end - pf.start, "finding": pi, "rule": pf.rule,
                     "score": round(float(pf.score), 4), "within": within}
                )
                counts["pii"] += 1
                continue
            text = doc.text[a:b]
            if r is None:
                segs = _text_segments(text, "kept", {}, None, strict=False)
                counts["kept"] += len(text)
            else:
                ri, rf = r
                kind = "marked" if rf.action == "marked" else "removed"
                counts["removed"] += len(text)
                if not is_shown_category(rf.category):
                    segments.append(
                        {"kind": kind, "text": None, "chars": len(text),
                         "withheld": "personal_category", **_ref(ri, rf)}
                    )
                    counts["withheld"] += len(text)
                    continue
                base = {"chars": len(text), "withheld": None, **_ref(ri, rf)}
                segs = _text_segments(text, kind, base, within, strict=True)
                for s in segs:
                    if s["kind"] == kind:
                        s["chars"] = len(s["text"])
            counts["masked"] += sum(1 for s in segs if s["kind"] == "masked")
            segments.extend(segs)
        blocks.append(
            {"index": block.index, "kind": block.kind, "group": block.group,
             "lang": block.lang, "start": bs, "end": be, "segments": segments}
        )
    unplaced = [
        {**_ref(i, f), "chars": int(f.detail.get("chars", 0) or 0),
         "type": f.type if is_pii(f) else None}
        for i, f in enumerate(doc.findings)
        if f.start is None or f.end is None
    ]
    return {
        "schema": VIEW_SCHEMA,
        "blocks": blocks,
        "unplaced": unplaced,
        "counts": counts,
        "policy": "pii masked as type tags; removed text of personal or unknown categories "
        "withheld; residual e-mail/phone (and in removed text date/handle/url) masked",
    }

"""Assemble stage: render the clean body from blocks minus findings.

The working text is never edited in place. Removals (``removed``) cut their
span, redactions (``redacted``) substitute their replacement, marks (dry run)
change nothing. A removal wins over a redaction it overlaps. Blocks of one
paragraph group are joined by a newline, groups by a blank line.
"""

from __future__ import annotations

import bisect
import re

from . import edits
from .config import CleanerConfig
from .model import Block, Document, Finding

STAGE = "assemble"
_SPACES = re.compile(r"[ \t]{2,}")
# the lookbehind starts a match only at the first space of a run: without it a long
# run of spaces made the scan quadratic (16,000 spaces: 3.5 s)
_SPACE_BEFORE_PUNCT = re.compile(r"(?<! ) +([.,;:!?])")
_HAS_WORD = re.compile(r"\w")


class AssembleStage:
    name = STAGE
    requires = ("text", "blocks")
    #: every finding: a stage that adds findings after this one would be reported
    #: but missing from the output (a redaction left undone)
    reads = ("findings",)
    provides = ("output",)

    def __init__(self, config: CleanerConfig) -> None:
        self.config = config

    def __call__(self, doc: Document) -> None:
        doc.output = render(doc)


def _edits(findings: list[Finding]) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, replacement) edits; removals first claim their span."""
    return edits.plan(
        ((f.start, f.end) for f in findings
         if f.action == "removed" and f.start is not None and f.end is not None),
        ((f.start, f.end, f.replacement or "") for f in findings
         if f.action == "redacted" and f.start is not None and f.end is not None),
    )


def _render_block(
    doc: Document, block: Block, planned: list[tuple[int, int, str]], ends: list[int]
) -> str:
    """The block's text after its edits; ``""`` when an edit left no word in it.
    ``edits`` are sorted and do not overlap, so ``ends`` (their ends) is sorted too."""
    parts: list[str] = []
    pos = block.start
    for i in range(bisect.bisect_right(ends, block.start), len(planned)):
        s, e, rep = planned[i]
        if s >= block.end:
            break
        s2, e2 = max(s, block.start), min(e, block.end)
        parts.append(doc.text[pos:s2])
        # a redaction that straddles a block boundary is printed once, in its first block
        if rep and s >= block.start:
            parts.append(rep)
        pos = e2
    parts.append(doc.text[pos : block.end])
    if len(parts) == 1 and "\n" not in parts[0]:
        return parts[0].strip()  # no edit, one line: what the line loop below gives
    text = "".join(parts)
    if len(parts) > 1:
        text = _SPACE_BEFORE_PUNCT.sub(r"\1", _SPACES.sub(" ", text))
    lines = [ln.strip() for ln in text.split("\n")]
    text = "\n".join(ln for ln in lines if ln)
    if len(parts) > 1 and not _HAS_WORD.search(text):
        return ""
    return text


def render(doc: Document) -> str:
    planned = _edits(doc.findings)
    ends = [e for _, e, _ in planned]
    out: list[str] = []
    prev_group: int | None = None
    for block in doc.blocks:
        text = _render_block(doc, block, planned, ends)
        if not text:
            continue
        if prev_group is not None:
            out.append("\n" if block.group == prev_group else "\n\n")
        out.append(text)
        prev_group = block.group
    return "".join(out)

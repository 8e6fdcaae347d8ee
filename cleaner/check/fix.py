"""``--fix``: the file's text with the accepted findings applied."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence

from ..model import Finding
from .checker import FileCheck
from .findings import CheckFinding

_BLANK_LINES = re.compile(r"(?:[ \t\r\f\v]*\n)+")


def apply_findings(text: str, findings: Iterable[Finding]) -> str:
    """``text`` with removals cut and redactions substituted; untouched text stays as is.

    A removal that covers whole lines takes the lines (and their newline) with
    it; when it starts a paragraph it takes the blank lines after it too, so no
    run of blank lines is left where it was.
    """
    removals: list[list[int]] = []
    for f in findings:
        if f.action != "removed" or f.start is None or f.end is None:
            continue
        s, e = f.start, f.end
        ls = text.rfind("\n", 0, s) + 1
        le = text.find("\n", e)
        le = len(text) if le == -1 else le
        if not text[ls:s].strip() and not text[e:le].strip():
            s, e = ls, min(le + 1, len(text))
        removals.append([s, e])
    removals.sort()
    merged: list[list[int]] = []
    for s, e in removals:
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
        span = merged[-1]
        # whole lines starting a paragraph: take the blank lines after them too
        if (span[0] == 0 or text[: span[0]].endswith(("\n\n", "\n\r\n"))) and (
            span[1] == len(text) or text[span[1] - 1] == "\n"
        ):
            m = _BLANK_LINES.match(text, span[1])
            if m:
                span[1] = m.end()
    edits: list[tuple[int, int, str]] = [(s, e, "") for s, e in merged]
    for f in findings:
        if f.action != "redacted" or f.start is None or f.end is None:
            continue
        if any(f.start < e and s < f.end for s, e, _ in edits):
            continue
        edits.append((f.start, f.end, f.replacement or ""))
    edits.sort()
    out: list[str] = []
    pos = 0
    for s, e, rep in edits:
        out.append(text[pos:s])
        out.append(rep)
        pos = e
    out.append(text[pos:])
    result = "".join(out)
    if merged and result.endswith("\n\n"):
        # a removed tail leaves the blank line before it
        result = result.rstrip() + "\n" if result.strip() else ""
    return result


def fixed_content(fc: FileCheck, active: Sequence[CheckFinding]) -> str | None:
    """The file's new text with the ``active`` findings applied; None if nothing changes."""
    if not fc.fixable:
        return None
    by_unit: dict[int, list[Finding]] = {}
    for cf in active:
        by_unit.setdefault(cf.unit, []).extend(cf.sources)
    if not any(by_unit.values()):
        return None
    if fc.kind != "jsonl":
        doc = fc.units[0].doc
        assert doc is not None
        new = apply_findings(doc.text, by_unit.get(0, []))
        return new if new != fc.text else None
    lines = fc.text.split("\n")
    changed = False
    for unit in fc.units:
        found = by_unit.get(unit.index)
        if not found or not unit.fixable or unit.doc is None or unit.record is None:
            continue
        assert unit.field_name is not None
        record = dict(unit.record)
        record[unit.field_name] = apply_findings(unit.doc.text, found)
        new_line = json.dumps(record, ensure_ascii=False)
        if new_line != unit.raw:
            lines[unit.line - 1] = new_line
            changed = True
    return "\n".join(lines) if changed else None


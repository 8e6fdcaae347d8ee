"""``--fix``: the file's text with the accepted findings applied."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence

from .. import edits
from ..model import Finding
from .checker import FileCheck
from .findings import CheckFinding

# starts only at the first character of a run of blanks: a search over a long run of
# tabs and carriage returns without a newline was quadratic
_BLANK_LINES = re.compile(r"(?<![ \t\r\f\v])(?:[ \t\r\f\v]*\n)+")


def _whole_lines(text: str, s: int, e: int) -> tuple[int, int]:
    """A removal covering whole lines takes the lines (and their newline) with it."""
    ls = text.rfind("\n", 0, s) + 1
    le = text.find("\n", e)
    le = len(text) if le == -1 else le
    if not text[ls:s].strip() and not text[e:le].strip():
        return ls, min(le + 1, len(text))
    return s, e


def _starts_paragraph(text: str, i: int) -> bool:
    return i == 0 or text.endswith("\n\n", 0, i) or text.endswith("\n\r\n", 0, i)


def apply_findings(text: str, findings: Iterable[Finding]) -> str:
    """``text`` with removals cut and redactions substituted; untouched text stays as is.

    A removal that covers whole lines takes the lines (and their newline) with
    it; when it starts a paragraph it takes the blank lines after it too, so no
    run of blank lines is left where it was. Linear after sorting (:mod:`cleaner.edits`).
    """
    findings = list(findings)
    merged = edits.merge_spans(
        _whole_lines(text, f.start, f.end) for f in findings
        if f.action == "removed" and f.start is not None and f.end is not None
    )
    while True:  # whole lines starting a paragraph: take the blank lines after them too
        grown = []
        for s, e in merged:
            if _starts_paragraph(text, s) and (e == len(text) or text[e - 1] == "\n"):
                m = _BLANK_LINES.match(text, e)
                e = m.end() if m else e
            grown.append((s, e))
        again = edits.merge_spans(grown)
        if again == merged:
            break
        merged = again
    planned = edits.plan(merged, (
        (f.start, f.end, f.replacement or "") for f in findings
        if f.action == "redacted" and f.start is not None and f.end is not None
    ))
    result = edits.apply(text, planned)
    if merged and result.endswith("\n\n"):
        # a removed tail leaves the blank line before it
        result = result.rstrip() + "\n" if result.strip() else ""
    return result


_JSON_WS = re.compile(r"[ \t\n\r]*")


def string_token(raw: str, key: str) -> tuple[int, int] | None:
    """Where the JSON string value of the top-level ``key`` sits in the object ``raw``
    (the last one when the key repeats: the one ``json.loads`` keeps); ``None`` if it
    is not a string or ``raw`` is not an object."""
    decoder = json.JSONDecoder()
    i = _JSON_WS.match(raw, 0).end()  # type: ignore[union-attr]
    if raw[i : i + 1] != "{":
        return None
    i += 1
    found: tuple[int, int] | None = None
    try:
        while True:
            i = _JSON_WS.match(raw, i).end()  # type: ignore[union-attr]
            if raw[i : i + 1] == "}":
                return found
            if raw[i : i + 1] != '"':
                return None
            name, i = json.decoder.scanstring(raw, i + 1)  # type: ignore[attr-defined]
            i = _JSON_WS.match(raw, i).end()  # type: ignore[union-attr]
            if raw[i : i + 1] != ":":
                return None
            start = _JSON_WS.match(raw, i + 1).end()  # type: ignore[union-attr]
            _, i = decoder.raw_decode(raw, start)
            if name == key:
                found = (start, i) if raw[start] == '"' else None
            i = _JSON_WS.match(raw, i).end()  # type: ignore[union-attr]
            if raw[i : i + 1] == ",":
                i += 1
            elif raw[i : i + 1] != "}":
                return None
    except (ValueError, RecursionError):
        return None


def fixed_content(fc: FileCheck, active: Sequence[CheckFinding]) -> str | None:
    """The file's new text with the ``active`` findings applied; None if nothing changes.

    In JSONL only the flagged string value is rewritten: every other byte of the
    line (other fields, number spellings, escapes, duplicate keys) stays as it was."""
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
        span = string_token(unit.raw, unit.field_name)
        if span is None:
            continue
        value = apply_findings(unit.doc.text, found)
        token = json.dumps(value, ensure_ascii=False)
        new_line = unit.raw[: span[0]] + token + unit.raw[span[1] :]
        if new_line != unit.raw:
            lines[unit.line - 1] = new_line
            changed = True
    return "\n".join(lines) if changed else None

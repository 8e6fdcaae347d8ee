"""Machine-readable output of ``cleaner check --format json|sarif|github``.

Every format carries what the text line carries (path, line, column, category, rule,
message, PII type, record id) and never the matched value; paths and record ids pass
through the same masking as the text line (:mod:`cleaner.privacy`).

* ``json``: ``{"schema": "cleaner.check/1", "count": N, "findings": [...]}``;
* ``sarif``: SARIF 2.1.0, one run, one rule per detector rule, for code-scanning UIs;
  each location's ``uri`` is a valid URI reference (relative paths percent-encoded,
  absolute ones as ``file://`` URIs);
* ``github``: GitHub Actions workflow commands, ``::error file=...,line=...::message``,
  which the runner turns into annotations on the changed lines.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Sequence
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from .._version import __version__
from ..check.findings import CheckFinding
from ..privacy import mask, mask_path

FORMATS = ("text", "json", "sarif", "github")
CHECK_SCHEMA = "cleaner.check/1"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


#: what every format renders: the linter's own finding (its ``value`` is never read here)
_Finding = CheckFinding


def _path(f: _Finding) -> str:
    """The path as the text line shows it (masked), with ``/`` separators."""
    return mask_path(f.path.replace("\\", "/"))


def _uri(path: str) -> str:
    """A SARIF ``artifactLocation.uri`` (an RFC 3986 URI reference) for ``path``:
    percent-encoded (spaces, ``%``, ``#``, ``?``, non-ASCII), ``file:///...`` when absolute."""
    norm = posixpath.normpath(path)
    encoded = quote(norm.encode("utf-8", "surrogateescape"), safe="/-._~")
    # (':' is encoded too, so a relative path's first segment never reads as a scheme)
    return "file://" + encoded if PurePosixPath(norm).is_absolute() else encoded


def _as_dict(f: _Finding) -> dict[str, Any]:
    return {"path": _path(f), "line": f.line, "col": f.col, "category": f.category.upper(),
            "rule": f.rule, "message": f.message, "type": f.type,
            "record": mask(f.record, 200) if f.record is not None else None}


def to_json(findings: Sequence[_Finding]) -> str:
    return json.dumps({"schema": CHECK_SCHEMA, "count": len(findings),
                       "findings": [_as_dict(f) for f in findings]}, ensure_ascii=False)


def to_sarif(findings: Sequence[_Finding]) -> str:
    rules: dict[str, dict[str, Any]] = {}
    results = []
    for f in findings:
        rules.setdefault(f.rule, {
            "id": f.rule,
            "name": f.rule,
            "shortDescription": {"text": f"{f.category.upper()} ({f.rule})"},
            "properties": {"category": f.category.upper()},
        })
        results.append({
            "ruleId": f.rule,
            "level": "error",
            "message": {"text": f"{f.category.upper()} {f.message}"},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": _uri(_path(f))},
                "region": {"startLine": max(1, f.line), "startColumn": max(1, f.col)},
            }}],
        })
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "cleaner", "version": __version__,
                                "rules": list(rules.values())}},
            "results": results,
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2)


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def to_github(findings: Sequence[_Finding]) -> str:
    lines = []
    for f in findings:
        props = (f"file={_escape_property(_path(f))},line={f.line},col={f.col},"
                 f"title={_escape_property(f'cleaner {f.category.upper()} ({f.rule})')}")
        lines.append(f"::error {props}::{_escape_data(f.message)}")
    return "\n".join(lines)


def render(fmt: str, findings: Sequence[_Finding]) -> str:
    """The whole output for ``fmt`` (``text``: one line a finding, as before)."""
    if fmt == "json":
        return to_json(findings)
    if fmt == "sarif":
        return to_sarif(findings)
    if fmt == "github":
        return to_github(findings)
    return "\n".join(f.format() for f in findings)

"""The checker: clean each file (or JSONL record) and turn findings into lines."""

from __future__ import annotations

import gzip
import json
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import CheckConfig, CleanerConfig
from ..detect import decode
from ..errors import CleanerError, ConfigError
from ..model import Document, Finding
from ..normalize import flatten
from .allow import _allowed_inline
from .findings import CheckFinding, _groups, _in_record, _is_tail, _message, normalize
from .kinds import SUFFIXES, _encoding_of, file_kind
from .locate import HTMLLocator, LineIndex


@dataclass
class _Unit:
    """A document inside a file: the whole file, or one JSONL record."""

    index: int
    doc: Document | None
    line: int = 1
    record_id: str | None = None
    #: original raw line (JSONL) kept verbatim when the record is not fixed
    raw: str = ""
    record: dict[str, Any] | None = None
    field_name: str | None = None
    allow: frozenset[str] | bool = False
    fixable: bool = True


@dataclass
class FileCheck:
    """The outcome of checking one file: every finding, before baseline filtering."""

    path: str
    kind: str
    findings: list[CheckFinding]
    units: list[_Unit] = field(default_factory=list, repr=False)
    text: str = field(default="", repr=False)
    #: findings suppressed by an inline marker or the config allow-lists
    allowed: list[CheckFinding] = field(default_factory=list, repr=False)
    gz: bool = False
    #: how the file was decoded; ``--fix`` writes it back the same way
    encoding: str = "utf-8"
    bom: bytes = b""
    #: decoding then encoding gives the file's bytes back (no replaced bytes)
    lossless: bool = True

    @property
    def fixable(self) -> bool:
        return self.kind in ("text", "markdown", "jsonl") and self.lossless

    def encode(self, text: str) -> bytes:
        """``text`` in the file's own encoding (and BOM), gzipped for ``.gz``."""
        data = self.bom + text.encode(self.encoding)
        return gzip.compress(data, mtime=0) if self.gz else data



class Checker:
    """Checks files with one :class:`~cleaner.Cleaner` (built once, on first use)."""

    def __init__(
        self, config: CleanerConfig | None = None, cleaner: Any = None,
        time_limit: float | None = None,
    ) -> None:
        self.config = config if config is not None else CleanerConfig()
        #: seconds one document (a file, a JSONL record) may take; slower is an error line
        self.time_limit = time_limit
        self.check: CheckConfig = self.config.check
        self._cleaner = cleaner
        #: HTML findings located in the source so far / reported on line 1 instead
        self.html_located = 0
        self.html_unlocated = 0
        self._allow = {normalize(s) for s in self.check.allow}
        try:
            self._allow_re = [re.compile(p) for p in self.check.allow_regex]
        except re.error as exc:
            raise ConfigError(f"check.allow_regex: bad pattern: {exc}") from None

    @property
    def cleaner(self) -> Any:
        if self._cleaner is None:
            from ..pipeline import Cleaner

            self._cleaner = Cleaner(self.config)
        return self._cleaner

    # -- per file -------------------------------------------------------------------

    def check_file(self, path: str | Path, display: str | None = None) -> FileCheck:
        p = Path(path)
        shown = display if display is not None else str(path)
        kind = file_kind(p)
        if kind is None:
            raise ConfigError(
                f"{shown}: unsupported file type (cleaner check reads {', '.join(SUFFIXES)})"
            )
        from ..batch.readers import read_capped

        # a file is read (and inflated) no further than ten documents' cap: a gzip bomb
        # or a sparse file is one error line, not a MemoryError
        cap = 10 * self.config.extraction.max_input_bytes
        gz = p.name.lower().endswith(".gz")
        try:
            with p.open("rb") as fh:
                if gz:
                    with gzip.GzipFile(fileobj=fh) as inflated:
                        got = read_capped(inflated, cap)  # type: ignore[arg-type]
                else:
                    got = read_capped(fh, cap)
        except (EOFError, gzip.BadGzipFile, zlib.error):
            fc = FileCheck(shown, kind, [], gz=True)
            fc.findings.append(
                CheckFinding(shown, 1, 1, "error", "bad_gzip", "file is not valid gzip")
            )
            return fc
        except FileNotFoundError:
            raise ConfigError(f"no such file: {shown}") from None
        except IsADirectoryError:
            raise ConfigError(f"{shown} is a directory") from None
        except OSError as exc:
            raise ConfigError(f"cannot read {shown}: {exc.strerror}") from None
        if got is None:
            fc = FileCheck(shown, kind, [], gz=gz)
            fc.findings.append(CheckFinding(
                shown, 1, 1, "error", "too_large", f"file is larger than {cap:,} bytes"
                + (" inflated" if gz else "")))
            return fc
        data = got
        if kind == "jsonl":
            return self._check_jsonl(shown, data, gz)
        return self._check_document(shown, kind, data)

    def _clean(self, source: str, fmt: str | None, rec_id: str | None) -> Document:
        """The cleaned document; any failure (time limit, nesting, a bug) is a
        ``CleanerError`` with its reason, so one document never stops the check."""
        from ..batch.outcome import DocumentTimeout, failure, time_limit

        cleaner = self.cleaner
        try:
            with time_limit(self.time_limit):
                result = cleaner.clean(source, id=rec_id, format=fmt)
        except CleanerError:
            raise
        except (Exception, DocumentTimeout) as exc:
            reason, message = failure(exc, self.time_limit)
            raise CleanerError(message, reason=reason) from None
        doc: Document = result.document
        return doc

    def _check_document(self, shown: str, kind: str, data: bytes) -> FileCheck:
        text, encoding = decode(data)
        fc = FileCheck(shown, kind, [], text=text, **_encoding_of(data, text, encoding))
        unit = _Unit(0, None)
        fc.units.append(unit)
        lines = text.split("\n")
        try:
            unit.doc = self._clean(text, kind, None)
        except CleanerError as exc:
            fc.findings.append(
                CheckFinding(shown, 1, 1, "error", exc.reason, "cannot clean this file")
            )
            return fc
        if kind == "html":
            locator = HTMLLocator(text)

            def where(doc: Document, start: int | None, f: Finding) -> tuple[int, int]:
                if start is None:
                    line = f.detail.get("line")
                    return (line, 1) if isinstance(line, int) and line > 0 else (1, 1)
                return locator.locate(doc.text[start : start + 200])
        else:
            index = LineIndex(unit.doc.text)

            def where(doc: Document, start: int | None, f: Finding) -> tuple[int, int]:
                return index.position(start) if start is not None else (1, 1)

        for cf in self._findings(shown, unit, where):
            if _allowed_inline(lines, cf.line, cf.category) or self._allowed_value(cf):
                fc.allowed.append(cf)
            else:
                fc.findings.append(cf)
        if kind == "html":
            self.html_located += locator.found
            self.html_unlocated += locator.missed
        return fc

    def _check_jsonl(self, shown: str, data: bytes, gz: bool) -> FileCheck:
        text, encoding = decode(data)
        fc = FileCheck(shown, "jsonl", [], text=text, gz=gz, **_encoding_of(data, text, encoding))
        for n, raw in enumerate(text.split("\n"), start=1):
            if not raw.strip():
                continue
            unit = _Unit(len(fc.units), None, line=n, raw=raw)
            fc.units.append(unit)
            try:
                record = json.loads(raw)
            except (ValueError, RecursionError):  # RecursionError: 100,000 nested brackets
                record = None
            if not isinstance(record, dict):
                fc.findings.append(
                    CheckFinding(shown, n, 1, "error", "bad_record", "line is not a JSON object",
                                 unit=unit.index)
                )
                continue
            unit.record = record
            rid = record.get(self.check.id_field)
            unit.record_id = str(rid) if rid is not None else None
            allow = record.get("cleaner_allow", False)
            unit.allow = frozenset(map(str, allow)) if isinstance(allow, list) else allow is True
            name = next(
                (k for k in self.check.record_fields if isinstance(record.get(k), str)), None
            )
            if name is None:
                continue
            unit.field_name = name
            try:
                unit.doc = self._clean(record[name], "html" if name == "html" else None,
                                       unit.record_id)
            except CleanerError as exc:
                fc.findings.append(
                    CheckFinding(shown, n, 1, "error", exc.reason, "cannot clean this record"
                                 + _in_record(unit.record_id), record=unit.record_id,
                                 unit=unit.index)
                )
                continue
            unit.fixable = unit.doc.format != "html"

            def where(doc: Document, start: int | None, f: Finding, n: int = n) -> tuple[int, int]:
                return n, 1

            for cf in self._findings(shown, unit, where):
                allowed = unit.allow is True or (
                    isinstance(unit.allow, frozenset) and cf.category in unit.allow
                )
                if allowed or self._allowed_value(cf):
                    fc.allowed.append(cf)
                else:
                    fc.findings.append(cf)
        return fc

    def _allowed_value(self, cf: CheckFinding) -> bool:
        if not cf.value:
            return False
        if normalize(cf.value) in self._allow:
            return True
        flat = flatten(cf.value)
        return any(r.fullmatch(flat) for r in self._allow_re)

    def _findings(self, shown: str, unit: _Unit, where: Any) -> Iterator[CheckFinding]:
        doc = unit.doc
        assert doc is not None
        cats = set(self.check.categories)
        selected = [f for f in doc.findings if f.category in cats]
        removed = sorted(
            (f.start, f.end)
            for f in doc.findings
            if f.action in ("removed", "dropped") and f.start is not None and f.end is not None
        )
        for group in _groups(doc, selected):
            first = group[0]
            value = "\n".join(
                doc.text[f.start : f.end]
                for f in group
                if f.start is not None and f.end is not None
            )
            if first.start is not None:
                end = max(f.end or 0 for f in group)
                n_blocks = sum(
                    1 for b in doc.blocks if b.start < end and b.end > (first.start or 0)
                ) or len(group)
                tail = _is_tail(doc, end, removed)
            else:
                n_blocks, tail = len(group), False
            line, col = where(doc, first.start, first)
            yield CheckFinding(
                shown, line, col, first.category, first.rule,
                _message(first.category, n_blocks, tail, first.type) + _in_record(unit.record_id),
                type=first.type, record=unit.record_id, value=value, unit=unit.index,
                sources=tuple(group),
            )
        verdict = doc.quality.verdict if doc.quality is not None else "reject"
        if verdict in self.check.fail_verdicts:
            reasons = ([str(r) for r in doc.quality.reasons] if doc.quality is not None
                       else doc.problems)
            line = unit.line
            msg = f"document verdict {verdict}" + (f": {', '.join(reasons)}" if reasons else "")
            yield CheckFinding(
                shown, line, 1, "quality", f"verdict_{verdict}", msg + _in_record(unit.record_id),
                record=unit.record_id, value=f"{verdict}:{','.join(reasons)}", unit=unit.index,
            )


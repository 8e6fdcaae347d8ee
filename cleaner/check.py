"""``cleaner check``: lint corpus files for boilerplate and personal data.

Each file is cleaned with the normal pipeline and every finding of a checked
category becomes one linter-style line::

    corpus/a.jsonl:17:1: PII email address in record "doc-42" (email)
    corpus/b.txt:88:1: LINK_FARM 6 spam headlines after the article (link_farm_tail)

Never the value itself: a line names the category, the kind of data and where.

Where a finding is
    ``.txt``/``.md``: the working text *is* the decoded file, so the offset of a
    finding maps exactly to a line and a column (1-based, in characters).
    ``.html``: the working text is trafilatura's extraction, so the finding's
    text (whitespace ignored) is looked up in the character data of the source,
    read with the standard ``html.parser`` which knows the line and column of
    every text run. Lines are exact; a column can be off when a character
    reference (``&amp;``) precedes the finding on its line. A finding whose text
    is not found is reported on line 1.
    ``.jsonl``/``.jsonl.gz``: one record a line; a finding is reported on its
    record's line, column 1, with the record id.

Consecutive boilerplate findings of one rule (only whitespace between them)
are one line (``6 spam headlines``); every PII finding is its own line.

Accepting findings
    inline: a line holding ``cleaner: allow`` (optionally restricted:
    ``cleaner: allow[pii,author_card]``) is not reported; ``cleaner:
    allow-next-line`` covers the next line. In HTML/Markdown put it in a
    comment (``<!-- cleaner: allow -->``); a JSONL record allows with the key
    ``"cleaner_allow": true`` (or a list of categories).
    config: ``[tool.cleaner.check] allow`` (exact strings, case and whitespace
    ignored) and ``allow_regex`` (full-match patterns) for known-good text.
    baseline: ``cleaner check --update-baseline`` records the current findings
    as salted hashes (PBKDF2-SHA256, a random salt per baseline file) with their
    line; later runs report only findings that are not in it. A salted hash
    keeps the value out of the file and cannot be matched across repositories,
    but a short value (a phone number, a date) can still be guessed by someone
    holding the file: it is not encryption.

``--fix`` rewrites text files (``.txt``, ``.md``, the text of JSONL records)
atomically: removed spans are cut (whole lines when they cover whole lines),
redactions substitute their placeholder, everything else stays byte for byte,
in the file's own encoding and BOM. HTML is reported but never rewritten, nor is
a file whose bytes do not decode cleanly (a rewrite would change them).
"""

from __future__ import annotations

import bisect
import codecs
import contextlib
import gzip
import hashlib
import json
import os
import re
import secrets
import stat
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from ._version import __version__
from .config import CheckConfig, CleanerConfig
from .detect import decode
from .errors import CleanerError, ConfigError
from .model import Document, Finding

#: file suffixes ``cleaner check`` reads, longest first
SUFFIXES: tuple[str, ...] = (".jsonl.gz", ".jsonl", ".html", ".htm", ".txt", ".md")
#: the ``files`` pattern of the pre-commit hooks (kept in sync by a test)
FILES_PATTERN = r"\.(txt|md|html?|jsonl|jsonl\.gz)$"

BASELINE_VERSION = 1
BASELINE_ITERATIONS = 10_000

_ALLOW_RE = re.compile(r"cleaner:\s*allow(-next-line)?(?:\[([A-Za-z_,\s]*)\])?")
_WS_RE = re.compile(r"\s+")
#: (matched after a "\n": the look-behind only keeps ``finditer`` linear on space runs)
_BLANK_LINES = re.compile(r"(?<![ \t\r\f\v])(?:[ \t\r\f\v]*\n)+")

_PII_NAMES = {
    "EMAIL_ADDRESS": "email address",
    "PHONE_NUMBER": "phone number",
    "STREET_ADDRESS": "street address",
    "DATE_OF_BIRTH": "date of birth",
    "PROFILE_URL": "profile URL",
    "SOCIAL_HANDLE": "social handle",
    "USERNAME": "username",
    "PERSON": "person name",
}


def file_kind(path: str | Path) -> str | None:
    """``text``, ``markdown``, ``html`` or ``jsonl`` (``.jsonl.gz`` too); None if unsupported."""
    name = str(path).lower()
    if name.endswith((".jsonl", ".jsonl.gz")):
        return "jsonl"
    if name.endswith((".html", ".htm")):
        return "html"
    if name.endswith(".md"):
        return "markdown"
    if name.endswith(".txt"):
        return "text"
    return None


# -- findings ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckFinding:
    """One reported line. ``value`` (the matched text) is used for hashing and
    allow-lists only and is never printed."""

    path: str
    line: int
    col: int
    category: str
    rule: str
    message: str
    type: str | None = None
    record: str | None = None
    value: str = field(default="", repr=False, compare=False)
    #: index of the unit (document or JSONL record) in its file
    unit: int = field(default=0, repr=False, compare=False)
    #: the pipeline findings behind this line (what ``--fix`` applies)
    sources: tuple[Finding, ...] = field(default=(), repr=False, compare=False)

    def format(self) -> str:
        where = f"{self.path}:{self.line}:{self.col}"
        return f"{where}: {self.category.upper()} {self.message} ({self.rule})"

    def digest(self, salt: str, iterations: int = BASELINE_ITERATIONS) -> str:
        # the rule is left out: a detector renaming its rule keeps the baseline valid
        material = "\0".join(
            (self.category, self.type or "", normalize(self.value))
        ).encode("utf-8", "surrogatepass")
        return hashlib.pbkdf2_hmac("sha256", material, salt.encode("ascii"), iterations).hex()


def normalize(text: str) -> str:
    return _WS_RE.sub(" ", text).strip().casefold()


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


# -- line mapping -----------------------------------------------------------------------


class LineIndex:
    """Offsets of a text -> 1-based (line, column)."""

    def __init__(self, text: str) -> None:
        self.starts = [0]
        pos = text.find("\n")
        while pos != -1:
            self.starts.append(pos + 1)
            pos = text.find("\n", pos + 1)

    def position(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i + 1, offset - self.starts[i] + 1


class _HTMLChars(HTMLParser):
    """The page's character data without whitespace, with where each run starts."""

    _SKIP = frozenset({"script", "style", "template", "noscript"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        #: per text run: offset of its first character in the joined parts
        self.offsets: list[int] = []
        #: per text run: (raw data, source line, 0-based column)
        self.runs: list[tuple[str, int, int]] = []
        self._total = 0
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        flat = "".join(data.split())
        if not flat:
            return
        line, col = self.getpos()
        self.parts.append(flat)
        self.offsets.append(self._total)
        self.runs.append((data, line, col))
        self._total += len(flat)


class HTMLLocator:
    """Find where a piece of extracted text sits in the HTML source (see module doc)."""

    def __init__(self, html: str) -> None:
        self._html = html
        self._parsed = False
        self.flat = ""
        self.offsets: list[int] = []
        self.runs: list[tuple[str, int, int]] = []
        self._cursor = 0
        #: how many lookups found their text in the source / fell back to line 1
        self.found = 0
        self.missed = 0

    def _position(self, index: int) -> tuple[int, int]:
        k = bisect.bisect_right(self.offsets, index) - 1
        data, line, col = self.runs[k]
        need = index - self.offsets[k]
        for ch in data:
            if ch == "\n":
                line += 1
                col = 0
                continue
            if not ch.isspace():
                if need == 0:
                    return line, col + 1
                need -= 1
            col += 1
        return line, col + 1  # pragma: no cover - index is inside the run

    def _parse(self) -> None:
        """Index the source on first use (pages without findings never pay for it)."""
        parser = _HTMLChars()
        with contextlib.suppress(Exception):  # html.parser is lenient; never fail a check
            parser.feed(self._html)
            parser.close()
        self.flat = "".join(parser.parts)
        self.offsets = parser.offsets
        self.runs = parser.runs
        self._parsed = True

    def locate(self, text: str) -> tuple[int, int]:
        if not self._parsed:
            self._parse()
        needle = "".join(text.split())
        for size in (60, 20):
            part = needle[:size]
            if not part:
                break
            i = self.flat.find(part, self._cursor)
            if i == -1:
                i = self.flat.find(part)
            if i != -1:
                self._cursor = i + 1
                self.found += 1
                return self._position(i)
        self.missed += 1
        return 1, 1


# -- building findings from a cleaned document -----------------------------------------


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _message(category: str, n_blocks: int, tail: bool, ftype: str | None) -> str:
    if category == "pii":
        name = ftype or "UNKNOWN"
        return _PII_NAMES.get(name, name.lower().replace("_", " "))
    if category == "link_farm":
        return _plural(n_blocks, "spam headline") + (" after the article" if tail else "")
    if category == "glued_spam":
        return _plural(n_blocks, "spam headline") + " glued to the text"
    label = {
        "author_card": "author card",
        "social": "social links block",
        "placeholder": "placeholder text",
        "furniture": "page furniture",
        "hidden": "hidden element",
    }.get(category, category.replace("_", " "))
    return f"{label} ({_plural(n_blocks, 'line')})"


def _groups(doc: Document, findings: list[Finding]) -> list[list[Finding]]:
    """PII findings alone; adjacent boilerplate findings of one category together
    (only whitespace between them: one author card, one link-farm tail)."""

    def key(f: Finding) -> tuple[int, int]:
        return (f.start or 0, f.end or 0)

    spanned = sorted((f for f in findings if f.start is not None and f.end is not None), key=key)
    groups: list[list[Finding]] = []
    end = 0
    for f in spanned:
        if f.category == "pii":
            continue
        if groups and groups[-1][-1].category == f.category and not doc.text[end : f.start].strip():
            groups[-1].append(f)
        else:
            groups.append([f])
        end = max(end if len(groups[-1]) > 1 else 0, f.end or 0)
    groups.extend([f] for f in spanned if f.category == "pii")
    groups.sort(key=lambda g: key(g[0]))
    groups.extend([f] for f in findings if f.start is None or f.end is None)
    return groups


def _is_tail(doc: Document, end: int, removed: list[tuple[int, int]]) -> bool:
    """No kept word follows ``end`` (only whitespace or other removed spans)."""
    pos = end
    for s, e in removed:
        if e <= pos:
            continue
        if doc.text[pos:s].strip() if s > pos else False:
            return False
        pos = max(pos, e)
    return not doc.text[pos:].strip()


def _allowed_inline(lines: Sequence[str], line: int, category: str) -> bool:
    for idx, need_next in ((line - 1, False), (line - 2, True)):
        if not 0 <= idx < len(lines):
            continue
        for m in _ALLOW_RE.finditer(lines[idx]):
            if bool(m.group(1)) != need_next:
                continue
            cats = m.group(2)
            if cats is None or category in {c.strip() for c in cats.split(",")}:
                return True
    return False


class Checker:
    """Checks files with one :class:`~cleaner.Cleaner` (built once, on first use)."""

    def __init__(self, config: CleanerConfig | None = None, cleaner: Any = None) -> None:
        self.config = config if config is not None else CleanerConfig()
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
            from .pipeline import Cleaner

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
        try:
            data = p.read_bytes()
        except FileNotFoundError:
            raise ConfigError(f"no such file: {shown}") from None
        except IsADirectoryError:
            raise ConfigError(f"{shown} is a directory") from None
        except OSError as exc:
            raise ConfigError(f"cannot read {shown}: {exc.strerror}") from None
        gz = p.name.lower().endswith(".gz")
        if gz:
            try:
                data = gzip.decompress(data)
            except (OSError, EOFError):
                fc = FileCheck(shown, kind, [], gz=True)
                fc.findings.append(
                    CheckFinding(shown, 1, 1, "error", "bad_gzip", "file is not valid gzip")
                )
                return fc
        if kind == "jsonl":
            return self._check_jsonl(shown, data, gz)
        return self._check_document(shown, kind, data)

    def _clean(self, source: str, fmt: str | None, rec_id: str | None) -> Document:
        result = self.cleaner.clean(source, id=rec_id, format=fmt)
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
            except ValueError:
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
        flat = _WS_RE.sub(" ", cf.value).strip()
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
            reasons = doc.quality.reasons if doc.quality is not None else doc.problems
            line = unit.line
            msg = f"document verdict {verdict}" + (f": {', '.join(reasons)}" if reasons else "")
            yield CheckFinding(
                shown, line, 1, "quality", f"verdict_{verdict}", msg + _in_record(unit.record_id),
                record=unit.record_id, value=f"{verdict}:{','.join(reasons)}", unit=unit.index,
            )


_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF8, codecs.BOM_UTF16_LE,
         codecs.BOM_UTF16_BE)


def _encoding_of(data: bytes, text: str, encoding: str) -> dict[str, Any]:
    bom = next((b for b in _BOMS if data.startswith(b)), b"")
    try:
        lossless = bom + text.encode(encoding) == data
    except (UnicodeError, LookupError):
        lossless = False
    return {"encoding": encoding, "bom": bom, "lossless": lossless}


def _in_record(rid: str | None) -> str:
    return f" in record {json.dumps(rid, ensure_ascii=False)}" if rid is not None else ""


# -- fixing ---------------------------------------------------------------------------------


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


def write_atomic(path: str | Path, data: str | bytes, *, gz: bool = False) -> None:
    """Replace ``path`` with ``data`` (text as UTF-8) via a temporary file in the same
    folder and ``os.replace``: readers see the old file or the new one, never half."""
    p = Path(path)
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
        if gz:
            data = gzip.compress(data, mtime=0)
    mode = stat.S_IMODE(p.stat().st_mode) if p.exists() else 0o644
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=p.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, p)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


# -- baseline -------------------------------------------------------------------------------


@dataclass
class Baseline:
    """Accepted findings: per file, (category, rule, salted hash) with the line they were on."""

    salt: str = field(default_factory=lambda: secrets.token_hex(16))
    iterations: int = BASELINE_ITERATIONS
    results: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: str | Path) -> Baseline | None:
        p = Path(path)
        if not p.is_file():
            return None
        try:
            data = json.loads(p.read_text("utf-8"))
            if data.get("version") != BASELINE_VERSION:
                raise ConfigError(f"baseline {str(p)!r}: unsupported version")
            return cls(
                salt=str(data["salt"]),
                iterations=int(data.get("iterations", BASELINE_ITERATIONS)),
                results={str(k): list(v) for k, v in data["results"].items()},
            )
        except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
            raise ConfigError(f"baseline {str(p)!r} is not a cleaner baseline file") from None

    def entries(self, fc: FileCheck) -> list[dict[str, Any]]:
        return [
            {
                "line": cf.line,
                "category": cf.category,
                "rule": cf.rule,
                **({"type": cf.type} if cf.type else {}),
                "hash": cf.digest(self.salt, self.iterations),
            }
            for cf in fc.findings
        ]

    def new_findings(self, fc: FileCheck, key: str) -> list[CheckFinding]:
        """Findings of ``fc`` not accepted by the baseline (each entry accepts one)."""
        known = Counter((e.get("category"), e.get("hash")) for e in self.results.get(key, []))
        out = []
        for cf in fc.findings:
            k = (cf.category, cf.digest(self.salt, self.iterations))
            if known[k] > 0:
                known[k] -= 1
            else:
                out.append(cf)
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": BASELINE_VERSION,
            "generated_by": f"cleaner {__version__}",
            "hash": "pbkdf2_sha256",
            "iterations": self.iterations,
            "salt": self.salt,
            "results": {k: self.results[k] for k in sorted(self.results) if self.results[k]},
        }

    def save(self, path: str | Path) -> None:
        write_atomic(path, json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n")


def baseline_key(path: str | Path, root: Path) -> str:
    """A path as stored in the baseline: relative to ``root`` when inside it, POSIX style."""
    p = Path(path).resolve()
    try:
        return p.relative_to(root.resolve()).as_posix()
    except ValueError:
        return p.as_posix()


"""Find inputs and read them as a stream of :class:`Record` values.

Every reader is a generator that holds one record at a time (bounded memory).
A record that cannot be read becomes a ``Record`` with ``reason``/``error``
(it is reported as failed) instead of an exception, so one broken line or a
truncated archive never loses the rest of the run's accounting.
"""

from __future__ import annotations

import glob
import gzip
import io
import json
import os
import re
import stat
import sys
import zlib
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from ..errors import ConfigError, MissingDependencyError
from ..privacy import mask_path
from .records import InputFile, InputKind, Origin, Record, Unit

_PAGE_PLAIN = (".html", ".htm", ".xhtml", ".txt", ".text", ".md", ".markdown")
#: compressed pages (the benchmarks ship ``NNNN.html.gz``) are pages too, read decompressed
COMPRESSED_SUFFIXES = (".gz", ".zst")
PAGE_SUFFIXES = (*_PAGE_PLAIN, *(p + c for c in COMPRESSED_SUFFIXES for p in _PAGE_PLAIN))
JSONL_SUFFIXES = (
    ".jsonl", ".jsonl.gz", ".jsonl.zst", ".ndjson", ".ndjson.gz", ".ndjson.zst",
    ".json", ".json.gz", ".json.zst",
)
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
PARQUET_SUFFIXES = (".parquet",)
KINDS: tuple[InputKind, ...] = ("page", "jsonl", "warc", "parquet")
_GLOB_CHARS = frozenset("*?[")
_ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
_GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True, kw_only=True)
class ReadOptions:
    """How to read records: field/column names (dotted paths reach into objects)."""

    text_field: str = "text"
    html_field: str = "html"
    id_field: str = "id"
    #: ``None``: ``url``, then ``metadata.url`` (the dolma/datatrove layout)
    url_field: str | None = None
    #: forced input kind (``--input-format``); ``None`` detects per file
    input_kind: InputKind | None = None
    #: content format of page/text fields (``--format``); ``None`` detects
    content_format: str | None = None
    #: the most bytes one document (page file, JSONL line, WARC body) may have; the
    #: cap is checked while reading, so a bomb is never held in memory whole
    max_bytes: int | None = 50_000_000


def kind_of(name: str) -> InputKind | None:
    low = name.lower()
    for kind, suffixes in (
        ("jsonl", JSONL_SUFFIXES), ("warc", WARC_SUFFIXES),
        ("parquet", PARQUET_SUFFIXES), ("page", PAGE_SUFFIXES),
    ):
        if low.endswith(suffixes):
            return kind  # type: ignore[return-value]
    return None


def discover(
    inputs: Sequence[str],
    options: ReadOptions,
    *,
    exclude: Path | None = None,
    skipped: Counter[str] | None = None,
) -> tuple[list[InputFile], list[str]]:
    """Expand files, folders (recursive) and globs; returns ``(inputs, ignored files)``.

    Files under ``exclude`` (the output folder) are never inputs; dangling symlinks,
    FIFOs, sockets and devices found in folders are counted in ``skipped`` by reason
    (a FIFO is never opened). Each input's ``rel`` (what its outputs are named
    after) is masked (no personal data in an output name), free of ``..`` and
    unique, even for ``d1/index.txt`` and ``d2/index.txt``.
    Raises ``ConfigError`` for a path that does not exist or a glob that matches nothing.
    """
    found: list[InputFile] = []
    ignored: list[str] = []
    skipped = skipped if skipped is not None else Counter()
    forced = options.input_kind
    out = os.path.abspath(exclude) if exclude is not None else None

    def inside_out(p: str) -> bool:
        return out is not None and (os.path.abspath(p) + os.sep).startswith(out + os.sep)

    def add(p: str, rel: str, *, by_suffix: bool = True) -> None:
        if inside_out(p):
            skipped["inside_output_folder"] += 1
            return
        kind = forced or kind_of(p)
        if kind is None and not by_suffix:
            kind = "page"
        if kind is None:
            ignored.append(p)
        else:
            found.append(InputFile(p, kind, rel))

    for arg in inputs:
        if arg == "-":
            found.append(InputFile("-", forced or _sniff_stdin(), "stdin"))
            continue
        path = Path(arg)
        if path.is_dir():
            for p, why in _walk(path, out):
                if why is not None:
                    skipped[why] += 1
                else:
                    add(str(p), p.relative_to(path).as_posix())
            continue
        if path.exists():  # a file, or a device/FIFO named on purpose (read with the cap)
            add(str(path), path.name, by_suffix=False)
            continue
        if _GLOB_CHARS & set(arg):
            matches = sorted(m for m in glob.glob(arg, recursive=True) if os.path.isfile(m))
            if not matches:
                raise ConfigError(f"no input matches {arg}")
            root = os.path.abspath(_glob_root(arg))
            absolute = [os.path.abspath(m) for m in matches]  # normalizes "a/../b"
            if not all((a + os.sep).startswith(root + os.sep) for a in absolute):
                # a pattern with "..": name the outputs below the matches' common folder
                root = os.path.commonpath([os.path.dirname(a) for a in absolute])
            for m, a in zip(matches, absolute, strict=True):
                add(m, os.path.relpath(a, root).replace(os.sep, "/"))
            continue
        raise ConfigError(f"no such file: {arg}")
    return _unique_rels(found), ignored


def _walk(root: Path, exclude: str | None) -> list[tuple[Path, str | None]]:
    """Every entry below ``root`` (sorted as paths), with why it is not a file to read."""
    out: list[tuple[Path, str | None]] = []
    for dirpath, dirnames, filenames in os.walk(root):
        if exclude is not None:
            inside = [d for d in dirnames if os.path.abspath(os.path.join(dirpath, d)) == exclude]
            out += [(Path(dirpath, d), "inside_output_folder") for d in inside]
            dirnames[:] = [d for d in dirnames if d not in inside]
        for name in filenames + [d for d in dirnames if os.path.islink(os.path.join(dirpath, d))]:
            p = Path(dirpath, name)
            try:
                st = p.stat()
            except OSError:
                out.append((p, "dangling_symlink" if p.is_symlink() else "unreadable"))
                continue
            if stat.S_ISREG(st.st_mode):
                out.append((p, None))
            elif not stat.S_ISDIR(st.st_mode):
                out.append((p, "not_a_regular_file"))
    out.sort(key=lambda item: item[0])
    return out


def safe_rel(rel: str) -> str:
    """``rel`` as an output name: personal data masked, no ``..``, ``.`` or leading ``/``."""
    parts = [p for p in rel.replace("\\", "/").split("/") if p not in ("", ".", "..")]
    if not parts:
        return "input"
    # the suffix says how the file is read: never masked away with an address before it
    parts = mask_path("/".join(parts)).split("/")
    return "/".join(p for p in parts if p not in ("", ".", "..")) or "input"


def _unique_rels(files: list[InputFile]) -> list[InputFile]:
    """Rels made unique (case-insensitively: some file systems are): ``index~2.txt``."""
    taken: set[str] = set()
    out: list[InputFile] = []
    for f in files:
        rel = f.rel if f.is_stdin else safe_rel(f.rel)
        if rel.casefold() in taken:
            head, dot, ext = rel.rpartition(".")
            if not dot or "/" in ext:
                head, dot, ext = rel, "", ""
            n = 2
            while f"{head}~{n}{dot}{ext}".casefold() in taken:
                n += 1
            rel = f"{head}~{n}{dot}{ext}"
        taken.add(rel.casefold())
        out.append(f if rel == f.rel else InputFile(f.path, f.kind, rel))
    return out


def _glob_root(pattern: str) -> str:
    parts = Path(pattern).parts
    fixed: list[str] = []
    for part in parts:
        if _GLOB_CHARS & set(part):
            break
        fixed.append(part)
    return str(Path(*fixed)) if fixed else "."


def sniff_stdin() -> InputKind:
    """The kind of what is piped on stdin, from its first bytes (nothing is consumed)."""
    buf = sys.stdin.buffer
    head = buf.peek(_SNIFF_BYTES)[:_SNIFF_BYTES] if hasattr(buf, "peek") else b""
    return sniff(head)


_sniff_stdin = sniff_stdin
_SNIFF_BYTES = 4096
#: a JSON object's start: ``{"key"`` or ``{}`` (a page that opens with a brace is rare,
#: one that opens with ``{"`` rarer still)
_JSON_OBJECT = re.compile(rb'\s*\{\s*(?:"|\})')


def sniff(head: bytes) -> InputKind:
    """Input kind from the first bytes (stdin has no file name). Compressed input is
    sniffed by what it decompresses to: a gzipped page is a page, gzipped JSONL records."""
    if head.startswith(b"PAR1"):
        return "parquet"
    if head.startswith((_GZIP_MAGIC, _ZSTD_MAGIC)):
        inner = _decompress_head(head)
        if not inner:  # cannot tell: records are what a pipe of archives usually holds
            return "jsonl"
        if inner.lstrip().startswith((b"WARC/", b"filedesc://")):
            return "warc"
        return "page" if sniff(inner) == "page" else "jsonl"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith((b"WARC/", b"filedesc://")):
        return "warc"
    if _JSON_OBJECT.match(stripped):
        return "jsonl"
    return "page"


def _decompress_head(head: bytes) -> bytes | None:
    """The first bytes ``head`` (a gzip or zstd prefix) decompress to, or ``None``."""
    try:
        if head.startswith(_GZIP_MAGIC):
            return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 512)
        import zstandard

        return zstandard.ZstdDecompressor().decompressobj().decompress(head)[:512]
    except Exception:  # a cut-off or odd prefix: undecided
        return None


def read(
    inp: InputFile, options: ReadOptions, skipped: Counter[str] | None = None, *,
    raw: bool = False, digests: dict[str, tuple[int, str | None]] | None = None,
) -> Iterator[Record]:
    """The records of one input, in order.

    WARC records that are not HTML documents (requests, metadata, images) are
    not documents: they are counted in ``skipped`` by type, never cleaned.
    With ``raw``, JSONL lines are not decoded here: each comes as a raw record
    (:attr:`Record.raw`, decoded by :func:`decode`, in the process that cleans it);
    what only decoding finds (invalid JSON, a missing field) is found there. A plain
    JSONL file's raw records leave their bytes in the file (:attr:`Record.span`); its
    content hash, taken in the same pass, goes to ``digests`` (see
    :meth:`Unit.fingerprint`).
    """
    if inp.kind == "page":
        yield _read_page(inp, options)
    elif inp.kind == "jsonl":
        yield from _read_jsonl(inp, options, raw=raw, digests=digests)
    elif inp.kind == "warc":
        yield from _read_warc(inp, skipped if skipped is not None else Counter(),
                              options.max_bytes)
    elif inp.kind == "parquet":
        yield from _read_parquet(inp, options)
    else:  # pragma: no cover - guarded by the CLI choices
        raise ConfigError(f"unknown input kind {inp.kind!r}")


def read_unit(
    unit: Unit, options: ReadOptions, skipped: Counter[str], *, raw: bool = False,
    digests: dict[str, tuple[int, str | None]] | None = None,
) -> Iterator[Record]:
    """The records of every file of a unit, in order (``raw``, ``digests``: see :func:`read`)."""
    for f in unit.files:
        yield from read(f, options, skipped, raw=raw, digests=digests)


# -- pages -------------------------------------------------------------------------


def read_capped(stream: IO[bytes], cap: int | None) -> bytes | None:
    """Up to ``cap`` bytes of ``stream``; ``None`` when it holds more (read no further)."""
    if cap is None:
        return stream.read()
    data = stream.read(cap + 1)
    return None if len(data) > cap else data


def too_large(cap: int | None) -> str:
    return f"larger than the {cap:,} bytes allowed (extraction.max_input_bytes)"


def _read_page(inp: InputFile, options: ReadOptions) -> Record:
    origin = Origin(inp.path)
    if not is_valid_text(inp.path):
        return Record(origin, id=inp.rel, reason="bad_file_name",
                      error="the file name is not valid UTF-8: rename the file", rel=inp.rel)
    try:
        if inp.is_stdin:
            data = read_page_bytes(sys.stdin.buffer, options.max_bytes, inp.path)
        else:
            with open(inp.path, "rb") as fh:
                data = read_page_bytes(fh, options.max_bytes, inp.path)
    except _decompress_errors() as exc:
        return Record(origin, id=inp.rel, reason="decode_error",
                      error=f"cannot decompress: {type(exc).__name__}: {_safe_msg(exc)}",
                      rel=inp.rel)
    except OSError as exc:
        return Record(origin, id=inp.rel, reason="read_error", error=f"cannot read: {exc.strerror}",
                      rel=inp.rel)
    if data is None:
        return Record(origin, id=inp.rel, reason="too_large", error=too_large(options.max_bytes),
                      rel=inp.rel)
    fmt = options.content_format or page_format_hint(inp.rel)
    return Record(origin, id=inp.rel, source=data, format=fmt, rel=inp.rel)


def page_format_hint(name: str) -> str | None:
    """The file name as a format hint, without a compression suffix (``a.html.gz``: html)."""
    low = name.lower()
    for suffix in COMPRESSED_SUFFIXES:
        if low.endswith(suffix):
            name = name[: -len(suffix)]
            break
    return name if "." in name else None


def read_page_bytes(stream: IO[bytes], cap: int | None, name: str = "") -> bytes | None:
    """A page's bytes, decompressed when it is gzip or zstd (by its name, or by its magic
    bytes: a compressed blob is never a page as it is); ``None`` when it holds more
    than ``cap`` bytes (decompressed: a bomb is never held whole). Raises ``EOFError``,
    ``OSError`` or ``zlib.error`` for a broken compressed file."""
    head = stream.peek(4)[:4] if isinstance(stream, io.BufferedReader) else b""
    low = name.lower()
    if low.endswith(".gz") or head.startswith(_GZIP_MAGIC):
        with gzip.GzipFile(fileobj=stream, mode="rb") as gz:
            return read_capped(gz, cap)  # type: ignore[arg-type]
    if low.endswith(".zst") or head.startswith(_ZSTD_MAGIC):
        with io.BufferedReader(_ZstdRaw(stream, close_raw=False), buffer_size=1 << 16) as zs:
            return read_capped(zs, cap)
    data = read_capped(stream, cap)
    if data is not None and not head and data.startswith((_GZIP_MAGIC, _ZSTD_MAGIC)):
        # a stream that cannot peek: the magic is seen after reading
        return read_page_bytes(io.BufferedReader(io.BytesIO(data)), cap)
    return data


# -- JSONL -------------------------------------------------------------------------


def _open_binary(inp: InputFile) -> IO[bytes]:
    raw: IO[bytes] = sys.stdin.buffer if inp.is_stdin else open(inp.path, "rb")  # noqa: SIM115
    head = raw.peek(4)[:4] if isinstance(raw, io.BufferedReader) else b""
    low = inp.path.lower()
    # the name decides; the magic bytes only for a name that does not (stdin, ``dump``):
    # a plain ``.jsonl`` whose first line happens to start with 1f 8b is still plain
    plain = low.endswith((".jsonl", ".ndjson", ".json"))
    if low.endswith(".gz") or (not plain and head.startswith(_GZIP_MAGIC)):
        return gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[return-value]
    if low.endswith(".zst") or (not plain and head.startswith(_ZSTD_MAGIC)):
        return io.BufferedReader(_ZstdRaw(raw), buffer_size=1 << 16)
    return raw


class _ZstdRaw(io.RawIOBase):
    """Zstandard frames (one or several) as a raw stream.

    Unlike ``stream_reader`` this notices a truncated input: reaching the end of
    the file inside a frame raises ``EOFError`` (as ``gzip`` does), so the lost
    tail is reported instead of silently missing.
    """

    def __init__(self, raw: IO[bytes], *, close_raw: bool = True) -> None:
        import zstandard

        self._zstd = zstandard
        self._raw = raw
        self._close_raw = close_raw
        self._dobj = zstandard.ZstdDecompressor().decompressobj()
        self._pending = b""
        self._in_frame = False

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        while not self._pending:
            chunk = self._raw.read(1 << 16)
            if not chunk:
                if self._in_frame:
                    raise EOFError("zstd stream ended before the end of its frame")
                return 0
            while chunk:
                if not self._in_frame:
                    self._dobj = self._zstd.ZstdDecompressor().decompressobj()
                    self._in_frame = True
                self._pending += self._dobj.decompress(chunk)
                if self._dobj.eof:
                    self._in_frame = False
                    chunk = self._dobj.unused_data
                else:
                    chunk = b""
        n = min(len(b), len(self._pending))
        b[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n

    def close(self) -> None:
        if self._close_raw:
            self._raw.close()
        super().close()


def _read_errors() -> tuple[type[BaseException], ...]:
    errs: list[type[BaseException]] = [EOFError, OSError, zlib.error]
    try:
        import zstandard

        errs.append(zstandard.ZstdError)
    except ImportError:  # pragma: no cover - zstandard is a base dependency
        pass
    return tuple(errs)


def _decompress_errors() -> tuple[type[BaseException], ...]:
    """What a broken compressed file raises (``BadGzipFile`` is an ``OSError``: it must be
    caught before a plain read error)."""
    return (*(e for e in _read_errors() if e is not OSError), gzip.BadGzipFile)


def get_field(obj: Any, path: str) -> Any:
    """``obj["a"]["b"]`` for ``path="a.b"``; a literal key with dots wins."""
    if not isinstance(obj, dict):
        return None
    if path in obj:
        return obj[path]
    cur: Any = obj
    for part in path.split("."):
        if not isinstance(cur, dict) or part not in cur:
            return None
        cur = cur[part]
    return cur


def to_record(
    obj: Any, origin: Origin, options: ReadOptions, *, default_id: str
) -> Record:
    """A record from one JSON object / Parquet row; missing fields give a failed record."""
    if not isinstance(obj, dict):
        return Record(origin, reason="not_object",
                      error=f"record is a JSON {type(obj).__name__}, not an object")
    raw_id = get_field(obj, options.id_field)
    rec_id = str(raw_id) if raw_id is not None and not isinstance(raw_id, (dict, list)) else None
    html = get_field(obj, options.html_field)
    text = get_field(obj, options.text_field)
    source: Any
    fmt: str | None
    if html is not None:
        source, fmt, fname = html, "html", options.html_field
    elif text is not None:
        source, fmt, fname = text, options.content_format, options.text_field
    else:
        return Record(
            origin, id=rec_id, reason="missing_field",
            error=f"record has neither {options.html_field!r} nor {options.text_field!r}",
        )
    if not isinstance(source, (str, bytes)):
        return Record(origin, id=rec_id, reason="bad_field",
                      error=f"field {fname!r} is a {type(source).__name__}, not a string")
    if options.url_field is not None:
        url = get_field(obj, options.url_field)
    else:
        url = get_field(obj, "url")
        if url is None:
            url = get_field(obj, "metadata.url")
    extra: dict[str, Any] = {}
    for key in ("source", "added", "created"):
        if isinstance(obj.get(key), str):
            extra[key] = obj[key]
    if isinstance(obj.get("metadata"), dict):
        extra["metadata"] = obj["metadata"]
    return Record(
        origin, id=rec_id if rec_id is not None else default_id, source=source,
        url=url if isinstance(url, str) else None, format=fmt, extra=extra,
    )


def is_valid_text(value: str) -> bool:
    """No lone surrogate (an undecodable file name, a ``"\\ud800"`` in JSON)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _skip_line(stream: IO[bytes]) -> int:
    """Read to the end of an over-long line, a bounded chunk at a time; returns the
    bytes skipped."""
    n = 0
    while True:
        part = stream.readline(1 << 20)
        n += len(part)
        if not part or part.endswith(b"\n"):
            return n


def _read_jsonl(
    inp: InputFile, options: ReadOptions, *, raw: bool = False,
    digests: dict[str, tuple[int, str | None]] | None = None,
) -> Iterator[Record]:
    errors = _read_errors()
    cap = options.max_bytes
    line_no = 0
    offset = 0
    try:
        stream = _open_binary(inp)
    except OSError as exc:
        yield Record(Origin(inp.path), reason="read_error", error=f"cannot open: {exc.strerror}")
        return
    try:
        if raw and in_place(inp) and isinstance(stream, io.BufferedReader):
            st = os.fstat(stream.fileno())
            if stat.S_ISREG(st.st_mode):
                yield from _scan_lines(inp, stream, st, cap, digests)
                return
        while True:
            try:
                line = stream.readline(-1 if cap is None else cap + 1)
                long_line = cap is not None and len(line) > cap
                skipped = _skip_line(stream) if long_line else 0
            except errors as exc:
                reason = "truncated" if isinstance(exc, EOFError) else "decode_error"
                yield Record(
                    Origin(inp.path, line=line_no + 1, offset=offset), reason=reason,
                    error=f"cannot read past line {line_no}: {type(exc).__name__}: "
                    f"{_safe_msg(exc)}",
                )
                return
            if not line:
                return
            line_no += 1
            origin = Origin(inp.path, line=line_no, offset=offset)
            offset += len(line) + skipped
            if long_line:
                yield Record(origin, reason="too_large", error=f"the line is {too_large(cap)}")
                continue
            if not line.strip():
                continue
            if raw:
                yield Record(origin, id=f"{inp.rel}:{line_no}", raw=line)
            else:
                yield decode_line(line, origin, options, default_id=f"{inp.rel}:{line_no}")
    finally:
        if not inp.is_stdin:
            stream.close()


def in_place(inp: InputFile) -> bool:
    """Whether ``inp`` is a plain (uncompressed) JSONL file by name, whose lines a raw
    read leaves in the file (:func:`_scan_lines`) when it is a regular file."""
    return (inp.kind == "jsonl" and not inp.is_stdin
            and inp.path.lower().endswith((".jsonl", ".ndjson", ".json")))


#: what ``bytes.strip()`` strips: a line of only these is blank (not a record)
_NONBLANK = re.compile(rb"[^ \t\n\r\x0b\x0c]")
_SCAN_BLOCK = 1 << 20


def _scan_lines(
    inp: InputFile, stream: IO[bytes], st: os.stat_result, cap: int | None,
    digests: dict[str, tuple[int, str | None]] | None,
) -> Iterator[Record]:
    """The raw records of a regular plain JSONL file as line extents
    (:attr:`Record.span`): the file is read once, a block at a time, for its line ends
    and its content hash (``digests[path]``: size and hash, the ``--resume`` fingerprint
    of what was read); the lines' bytes are read by the process that cleans them.
    Records, line numbers, offsets and failures are those of the line reader."""
    import hashlib

    h = hashlib.blake2b(digest_size=16)
    ident = (st.st_dev, st.st_ino)
    line_no = 0
    start = 0  # where the current line starts (file offset)
    base = 0  # file offset of block[0]
    nonblank = False  # the current line has a byte bytes.strip() keeps
    ok = False
    try:
        while True:
            try:
                block = stream.read(_SCAN_BLOCK)
            except OSError as exc:
                yield Record(
                    Origin(inp.path, line=line_no + 1, offset=start), reason="decode_error",
                    error=f"cannot read past line {line_no}: {type(exc).__name__}: "
                    f"{_safe_msg(exc)}",
                )
                return
            if not block:
                break
            h.update(block)
            i, n = 0, len(block)
            while True:
                j = block.find(b"\n", i)
                end = n if j < 0 else j
                if not nonblank and i < end:
                    nonblank = _NONBLANK.search(block, i, end) is not None
                if j < 0:
                    break
                line_no += 1
                length = base + j + 1 - start
                rec = _span_record(inp, line_no, start, length, nonblank, cap, ident)
                if rec is not None:
                    yield rec
                start, nonblank, i = base + j + 1, False, j + 1
            base += n
        if base > start:  # a last line without a newline
            line_no += 1
            rec = _span_record(inp, line_no, start, base - start, nonblank, cap, ident)
            if rec is not None:
                yield rec
        ok = True
    finally:
        if digests is not None:
            digests[inp.path] = (st.st_size, h.hexdigest() if ok else None)


def _span_record(inp: InputFile, line_no: int, start: int, length: int, nonblank: bool,
                 cap: int | None, ident: tuple[int, int]) -> Record | None:
    origin = Origin(inp.path, line=line_no, offset=start)
    if cap is not None and length > cap:
        return Record(origin, reason="too_large", error=f"the line is {too_large(cap)}")
    if not nonblank:
        return None
    return Record(origin, id=f"{inp.rel}:{line_no}", span=(length, *ident))


#: files the raw-record loader holds open (path -> (fd, device, inode)), a few at a time
_OPEN: dict[str, tuple[int, int, int]] = {}


def _load_span(rec: Record) -> bytes | Record:
    """The bytes of an in-place raw record (:attr:`Record.span`) read from its file, or a
    failed record when the file is gone, replaced or shorter than it was."""
    assert rec.span is not None and rec.origin.offset is not None
    length, dev, ino = rec.span
    path = rec.origin.file
    try:
        held = _OPEN.get(path)
        if held is None or (held[1], held[2]) != (dev, ino):
            if held is not None:
                os.close(held[0])
                del _OPEN[path]
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
            fst = os.fstat(fd)
            if (fst.st_dev, fst.st_ino) != (dev, ino):
                os.close(fd)
                return Record(rec.origin, reason="read_error",
                              error="the file was replaced while it was read")
            while len(_OPEN) >= 4:
                os.close(_OPEN.pop(next(iter(_OPEN)))[0])
            held = _OPEN[path] = (fd, dev, ino)
        data = os.pread(held[0], length, rec.origin.offset)
    except OSError as exc:
        return Record(rec.origin, reason="read_error", error=f"cannot read: {exc.strerror}")
    if len(data) != length:
        return Record(rec.origin, reason="read_error",
                      error="the file became shorter while it was read")
    return data


def decode_line(line: bytes, origin: Origin, options: ReadOptions, *, default_id: str) -> Record:
    """The record of one JSONL line (a failed record when it is not one)."""
    try:
        obj = json.loads(line)
    except RecursionError:
        return Record(origin, reason="too_deep",
                      error="the JSON value is nested too deeply to read")
    except UnicodeDecodeError as exc:
        return Record(origin, reason="decode_error",
                      error=f"line is not UTF-8 (byte {exc.start})")
    except ValueError as exc:
        msg = exc.msg if isinstance(exc, json.JSONDecodeError) else "bad value"
        col = exc.colno if isinstance(exc, json.JSONDecodeError) else 0
        return Record(origin, reason="invalid_json",
                      error=f"invalid JSON at column {col}: {msg}")
    return to_record(obj, origin, options, default_id=default_id)


def decode(rec: Record, options: ReadOptions) -> Record:
    """``rec`` read in full: a raw record (:attr:`Record.raw` bytes, or a :attr:`Record.span`
    read from its file here) decoded, any other as it is."""
    line = rec.raw
    if line is None:
        if rec.span is None:
            return rec
        loaded = _load_span(rec)
        if isinstance(loaded, Record):
            return loaded
        line = loaded
    assert rec.id is not None  # a raw record's id is its default id
    return decode_line(line, rec.origin, options, default_id=rec.id)


def _safe_msg(exc: BaseException) -> str:
    """An exception message from a decompressor (never document text), shortened."""
    return str(exc)[:200]


# -- WARC / ARC --------------------------------------------------------------------

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _read_warc(
    inp: InputFile, skipped: Counter[str], cap: int | None = None
) -> Iterator[Record]:
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError:  # pragma: no cover - warcio is a base dependency
        raise MissingDependencyError("warcio", "warc") from None
    errors = (*_read_errors(), ArchiveLoadFailed, ValueError)
    raw: IO[bytes] = sys.stdin.buffer if inp.is_stdin else open(inp.path, "rb")  # noqa: SIM115
    n = 0
    offset: int | None = 0
    try:
        it = ArchiveIterator(raw, arc2warc=True)
        records = iter(it)
        while True:
            try:
                rec = next(records)
            except StopIteration:
                return
            except errors as exc:
                yield Record(
                    Origin(inp.path, offset=offset), reason="truncated",
                    error=f"cannot read WARC record after record {n}: {type(exc).__name__}",
                )
                return
            n += 1
            offset = int(getattr(it, "offset", 0) or 0)  # where this record starts
            if rec.rec_type not in ("response", "resource"):
                skipped[f"warc_{rec.rec_type}"] += 1
                continue
            if rec.rec_type == "response":
                ctype = rec.http_headers.get_header("Content-Type") if rec.http_headers else None
            else:
                ctype = rec.rec_headers.get_header("Content-Type")
            if not ctype or ctype.lower().split(";")[0].strip() not in _HTML_TYPES:
                skipped["warc_not_html"] += 1
                continue
            rec_id = rec.rec_headers.get_header("WARC-Record-ID")
            url = rec.rec_headers.get_header("WARC-Target-URI")
            try:
                data = read_capped(rec.content_stream(), cap)
                # warcio returns a short body for a cut-off file: bytes the record
                # header promised but the file does not hold mean it is truncated
                while rec.raw_stream.read(1 << 16):
                    pass
                missing = int(getattr(rec.raw_stream, "limit", 0) or 0)
                if missing > 0:
                    yield Record(Origin(inp.path, offset=offset), id=rec_id, url=url,
                                 reason="truncated",
                                 error=f"WARC record is cut short ({missing} bytes missing)")
                    return
                if data is None:
                    yield Record(Origin(inp.path, offset=offset), id=rec_id, url=url,
                                 reason="too_large", error=f"the HTTP body is {too_large(cap)}")
                    continue
            except errors as exc:
                yield Record(Origin(inp.path, offset=offset), id=rec_id, url=url,
                             reason="decode_error",
                             error=f"cannot read the HTTP body: {type(exc).__name__}")
                return
            origin = Origin(inp.path, offset=offset)
            extra: dict[str, Any] = {}
            date = rec.rec_headers.get_header("WARC-Date")
            if date:
                extra["created"] = date
            yield Record(origin, id=rec_id or f"{inp.rel}@{offset}", source=data, url=url,
                         format="html", extra=extra)
    finally:
        if not inp.is_stdin:
            raw.close()


# -- Parquet -----------------------------------------------------------------------


def _read_parquet(inp: InputFile, options: ReadOptions) -> Iterator[Record]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise MissingDependencyError("pyarrow", "parquet") from None
    source: Any = io.BytesIO(sys.stdin.buffer.read()) if inp.is_stdin else inp.path
    try:
        pf = pq.ParquetFile(source)
    except Exception as exc:
        yield Record(Origin(inp.path), reason="read_error",
                     error=f"cannot open Parquet: {type(exc).__name__}")
        return
    names = set(pf.schema_arrow.names)
    wanted = {
        f.split(".", 1)[0]
        for f in (options.text_field, options.html_field, options.id_field,
                  options.url_field or "url", "metadata", "source", "added", "created")
    }
    columns = [c for c in pf.schema_arrow.names if c in wanted & names]
    row = 0
    batches = pf.iter_batches(batch_size=256, columns=columns)
    while True:
        try:
            batch = next(batches)
        except StopIteration:
            return
        except Exception as exc:
            yield Record(Origin(inp.path, row=row), reason="read_error",
                         error=f"cannot read Parquet row group: {type(exc).__name__}")
            return
        for obj in batch.to_pylist():
            yield to_record(obj, Origin(inp.path, row=row), options,
                            default_id=f"{inp.rel}#{row}")
            row += 1

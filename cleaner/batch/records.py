"""What flows through a batch run: input files, records and per-record outcomes.

A :class:`Record` is one document read from an input (a page file, a JSONL
line, a WARC response, a Parquet row). A record that could not even be read
(invalid JSON, missing field, decode error, truncated archive) is still a
``Record``: it carries ``error``/``reason`` instead of a ``source`` and goes
straight to the *failed* output, so nothing is silently dropped.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

#: how an input file is read
InputKind = Literal["page", "jsonl", "warc", "parquet"]
#: where a record ends up; every input record lands in exactly one
Outcome = Literal["kept", "review", "rejected", "failed"]
OUTCOMES: tuple[Outcome, ...] = ("kept", "review", "rejected", "failed")


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a record came from: file and line (JSONL), offset (WARC) or row (Parquet)."""

    file: str
    line: int | None = None
    offset: int | None = None
    row: int | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"source_file": self.file}
        if self.line is not None:
            d["line"] = self.line
        if self.offset is not None:
            d["offset"] = self.offset
        if self.row is not None:
            d["row"] = self.row
        return d


@dataclass(slots=True)
class Record:
    """One input document (or one unreadable input record)."""

    origin: Origin
    id: str | None = None
    source: str | bytes | None = None
    url: str | None = None
    #: ``html``/``text``/``markdown`` or a file name, passed to the pipeline as hint
    format: str | None = None
    #: fields of the input record carried to the output (``source``, ``created``, ``metadata``)
    extra: dict[str, Any] = field(default_factory=dict)
    #: set when the record could not be read; it goes to the failed output
    reason: str | None = None
    error: str | None = None
    #: for page inputs: the relative path the clean ``.txt`` is mirrored to
    rel: str | None = None
    #: a JSONL line not decoded yet (``read(..., raw=True)``: the process that cleans the
    #: record decodes it, :func:`cleaner.batch.readers.decode`); ``id`` is then the id
    #: the record gets when the line holds none
    raw: bytes | None = None
    #: a JSONL line left in its (plain, regular) file: (length, st_dev, st_ino), read from
    #: ``origin.file`` at ``origin.offset`` by the process that cleans it, like ``raw``
    span: tuple[int, int, int] | None = None

    @property
    def undecoded(self) -> bool:
        """A raw record (``raw`` or ``span``): :func:`cleaner.batch.readers.decode` reads it."""
        return self.raw is not None or self.span is not None


@dataclass(frozen=True, slots=True)
class InputFile:
    """One input to read: a path (or ``-`` for stdin) and how to read it."""

    path: str
    kind: InputKind
    #: path relative to the input root it was found under (mirrored in the output)
    rel: str

    @property
    def is_stdin(self) -> bool:
        return self.path == "-"


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit of work with its own output shards and resume marker.

    A record file (JSONL/WARC/Parquet) is one unit; page files are grouped in
    chunks so a folder of a million pages does not make a million shards.
    """

    name: str
    kind: InputKind
    files: tuple[InputFile, ...]

    def fingerprint(
        self, page_cap: int | None = None,
        known: Mapping[str, tuple[int, str | None]] | None = None,
    ) -> list[list[Any]]:
        """(path, size, content hash) of each file: an input whose content changed
        invalidates ``--resume`` even when it kept its size and modification time.
        A page is hashed as far as it is read (``page_cap + 1`` bytes: a bigger one
        fails unread); a FIFO or device has no fingerprint (it is always redone).
        ``known``: (size, hash) by path of files already hashed the same way while they
        were read (a plain JSONL file's raw read): not read again.
        Paths are kept as digests: a file name can hold personal data."""
        import hashlib
        import os
        import stat

        out: list[list[Any]] = []
        for f in self.files:
            if f.is_stdin:
                out.append(["-", None, None])
                continue
            name = hashlib.blake2b(os.fsencode(f.path), digest_size=16).hexdigest()
            if known is not None and f.path in known:
                size_known, digest = known[f.path]
                out.append([name, size_known if digest is not None else None, digest])
                continue
            h = hashlib.blake2b(digest_size=16)
            left = page_cap + 1 if page_cap is not None and f.kind == "page" else -1
            try:
                st = os.stat(f.path)
                if not stat.S_ISREG(st.st_mode):
                    raise OSError("not a regular file")
                size = st.st_size
                with open(f.path, "rb") as fh:
                    while left != 0 and (chunk := fh.read(1 << 20 if left < 0
                                                          else min(left, 1 << 20))):
                        h.update(chunk)
                        left = left - len(chunk) if left > 0 else left
            except OSError:
                out.append([name, None, None])
                continue
            out.append([name, size, h.hexdigest()])
        return out

"""Outputs written atomically: a temp file beside the target, renamed on commit.

A crash or Ctrl-C leaves at most hidden ``.<name>.tmp-<pid>`` files, never a
half-written file under its final name. Each unit of work writes its shards,
then a completion marker (``.cleaner/done/<unit>.json``, the resume state).
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import Any

from ..atomic import AtomicFile, temp_path, write_atomic
from ..errors import MissingDependencyError
from .process import OutputFormat, Result
from .records import OUTCOMES, Unit
from .tally import Tally

STATE_DIR = ".cleaner"
DONE_DIR = f"{STATE_DIR}/done"


class _JsonlShard:
    def __init__(self, path: Path, compress: bool) -> None:
        self.file = AtomicFile(path, compress=compress)
        self.path = path

    def add(self, line: bytes) -> None:
        """One JSON line, UTF-8, without its newline."""
        self.file.write(line)
        self.file.write(b"\n")

    def commit(self) -> None:
        self.file.commit()

    def abort(self) -> None:
        self.file.abort()


class _ParquetShard:
    """Rows buffered per row group; ``metadata`` is stored as a JSON string column."""

    ROW_GROUP = 512

    def __init__(self, path: Path) -> None:
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError:
            raise MissingDependencyError("pyarrow", "parquet") from None
        self.pa, self.pq = pa, pq
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self.tmp = temp_path(path)
        self.schema = pa.schema([
            ("id", pa.string()), ("text", pa.string()), ("source", pa.string()),
            ("added", pa.string()), ("created", pa.string()), ("metadata", pa.string()),
        ])
        self.writer = pq.ParquetWriter(str(self.tmp), self.schema, compression="zstd")
        self.rows: list[dict[str, Any]] = []

    def add_row(self, row: dict[str, Any]) -> None:
        flat = {k: row.get(k) for k in ("id", "text", "source", "added", "created")}
        meta = dict(row.get("metadata") or {})
        if "reasons" in row:
            meta["reasons"] = row["reasons"]
        flat["metadata"] = json.dumps(meta, ensure_ascii=False)
        self.rows.append(flat)
        if len(self.rows) >= self.ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        if self.rows:
            self.writer.write_table(self.pa.Table.from_pylist(self.rows, schema=self.schema))
            self.rows = []

    def commit(self) -> None:
        self._flush()
        self.writer.close()
        os.replace(self.tmp, self.path)

    def abort(self) -> None:
        try:
            self.writer.close()
        finally:
            self.tmp.unlink(missing_ok=True)


def shard_suffix(fmt: OutputFormat) -> str:
    return {"jsonl": ".jsonl", "jsonl.gz": ".jsonl.gz", "parquet": ".parquet"}[fmt]


class UnitSink:
    """Receives a unit's results in order and writes its outputs.

    Record inputs, and pages with ``page_text`` off: ``kept|review|rejected/<unit><suffix>``
    (dolma/datatrove rows) and ``failed/<unit>.jsonl``. Page inputs with ``page_text``
    (the default): ``kept|review/<rel>.txt`` mirrored trees, ``rejected/<unit>.jsonl``,
    ``failed/<unit>.jsonl`` and ``.cleaner/report/<unit>.jsonl`` (joined into
    ``report.jsonl`` at the end).
    Shards are created on first use, so an empty outcome leaves no file.
    """

    def __init__(self, out_dir: Path, unit: Unit, fmt: OutputFormat, *,
                 page_text: bool = True) -> None:
        self.out_dir = out_dir
        self.unit = unit
        #: pages mirrored as text keep JSONL for their rejected/failed rows; pages as
        #: rows (``page_text`` off) use ``fmt`` like records: one layout in every folder
        self.fmt: OutputFormat = "jsonl" if unit.kind == "page" and page_text else fmt
        self.page_text = page_text
        self.tally = Tally()
        self._shards: dict[str, _JsonlShard | _ParquetShard] = {}
        self._pending_texts: list[AtomicFile] = []
        #: (outcome, rel) of the pages mirrored as text (kept in the marker: a page that
        #: disappears from the inputs has its text removed by a later ``--resume``)
        self.mirrored: list[tuple[str, str]] = []

    def _shard(self, name: str) -> _JsonlShard | _ParquetShard:
        shard = self._shards.get(name)
        if shard is None:
            if name in ("failed", "report") or self.fmt != "parquet":
                suffix = ".jsonl.gz" if self.fmt == "jsonl.gz" and name != "failed" else ".jsonl"
                base = self.out_dir / (f"{STATE_DIR}/report" if name == "report" else name)
                shard = _JsonlShard(base / f"{self.unit.name}{suffix}", suffix.endswith(".gz"))
            else:
                shard = _ParquetShard(self.out_dir / name / f"{self.unit.name}.parquet")
            self._shards[name] = shard
        return shard

    def add(self, res: Result) -> None:
        self.tally.add(res)
        if res.rel is not None:
            # a page mirrored by an earlier attempt at this unit under another outcome
            # (its file changed, or it failed then): it must not be in two places
            for place in ("kept", "review"):
                if place != res.outcome or res.text is None:
                    (self.out_dir / place / (res.rel + ".txt")).unlink(missing_ok=True)
        if res.report_line is not None:
            self._shard("report").add(res.report_line)  # type: ignore[union-attr]
        if res.text is not None and res.rel is not None:
            f = AtomicFile(self.out_dir / res.outcome / (res.rel + ".txt"))
            try:
                f.write(res.text.encode("utf-8") + (b"\n" if res.text else b""))
            except BaseException:
                f.abort()
                raise
            self._pending_texts.append(f)
            self.mirrored.append((res.outcome, res.rel))
            if len(self._pending_texts) >= 64:
                self._commit_texts()
            return
        shard = self._shard(res.outcome)
        if res.line is not None:
            if isinstance(shard, _ParquetShard):  # pragma: no cover - processor serializes per fmt
                shard.add_row(json.loads(res.line))
            else:
                shard.add(res.line)
        elif res.row is not None:
            if isinstance(shard, _ParquetShard):
                shard.add_row(res.row)
            else:
                shard.add(json.dumps(res.row, ensure_ascii=False).encode("utf-8"))

    def _commit_texts(self) -> None:
        for f in self._pending_texts:
            f.commit()
        self._pending_texts = []

    def commit(self, fingerprint: list[list[Any]] | None = None) -> Tally:
        """Commit every shard, then the unit's completion marker (with the inputs'
        ``fingerprint`` taken before they were read)."""
        try:
            self._commit_texts()
            for shard in self._shards.values():
                shard.commit()
        except BaseException:
            self.abort()
            raise
        self._remove_stale_shards()
        marker = {
            "unit": self.unit.name,
            "kind": self.unit.kind,
            # pages written as rows carry their reports in the rows (no report part)
            "layout": "text" if self.unit.kind == "page" and self.page_text else "rows",
            "inputs": fingerprint if fingerprint is not None else self.unit.fingerprint(),
            "tally": self.tally.to_dict(),
            "mirrored": self.mirrored,
        }
        write_atomic(
            self.out_dir / DONE_DIR / f"{self.unit.name}.json",
            json.dumps(marker, ensure_ascii=False).encode("utf-8"),
        )
        return self.tally

    def _remove_stale_shards(self) -> None:
        """Delete the shards an earlier attempt at this unit wrote and this one did not
        (its input changed, or records that failed then do not now): no record is
        output twice after ``--resume``."""
        mine = {shard.path for shard in self._shards.values()}
        for name in (*OUTCOMES, f"{STATE_DIR}/report"):
            for suffix in (".jsonl", ".jsonl.gz", ".parquet"):
                path = self.out_dir / name / f"{self.unit.name}{suffix}"
                if path not in mine:
                    path.unlink(missing_ok=True)

    def abort(self) -> None:
        """Remove every temp file of the unit (best effort: each one, whatever fails)."""
        for f in [*self._pending_texts, *self._shards.values()]:
            with contextlib.suppress(Exception):
                f.abort()
        self._pending_texts = []


def read_marker(out_dir: Path, unit: Unit, page_cap: int | None = None) -> Tally | None:
    """The tally of a unit completed by an earlier run on the same inputs (same
    content hashes), else ``None``."""
    path = out_dir / DONE_DIR / f"{unit.name}.json"
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None
    if unit.files[0].is_stdin or not isinstance(data, dict):
        return None
    fingerprint = unit.fingerprint(page_cap)
    if data.get("inputs") != fingerprint or any(h is None for _, _, h in fingerprint):
        return None
    return Tally.from_dict(data["tally"])


def remove_unit_outputs(out_dir: Path, name: str) -> None:
    """Delete every shard, report part and the marker of unit ``name``."""
    for place in (*OUTCOMES, f"{STATE_DIR}/report"):
        for suffix in (".jsonl", ".jsonl.gz", ".parquet"):
            (out_dir / place / f"{name}{suffix}").unlink(missing_ok=True)
    (out_dir / DONE_DIR / f"{name}.json").unlink(missing_ok=True)


def join_reports(out_dir: Path, units: list[Unit]) -> Path | None:
    """Concatenate the page units' report parts into ``report.jsonl`` (atomically)."""
    parts = [out_dir / STATE_DIR / "report" / f"{u.name}.jsonl" for u in units if u.kind == "page"]
    parts = [p for p in parts if p.exists()]
    if not parts:
        return None
    target = out_dir / "report.jsonl"
    f = AtomicFile(target)
    try:
        for p in parts:
            with open(p, "rb") as src:
                while chunk := src.read(1 << 20):
                    f.write(chunk)
    except BaseException:
        f.abort()
        raise
    f.commit()
    return target


def remove_stale_temps(out_dir: Path) -> int:
    """Delete temp files left by an interrupted run; returns how many."""
    n = 0
    for p in out_dir.rglob(".*.tmp-*"):
        if p.is_file():
            p.unlink(missing_ok=True)
            n += 1
    return n


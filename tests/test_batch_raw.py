"""Raw JSONL records: the batch parent splits lines, the workers decode them.

``read(..., raw=True)`` (what the local engine's parent uses) must give, once each
record is decoded where it is cleaned (:func:`cleaner.batch.readers.decode`), exactly
the records the decoding reader gives: same count, ids, URLs, failure reasons, lines
and offsets, for every shape a JSONL input can have. And a whole run must write the
same bytes whether the parent decodes or the workers do.
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path
from typing import Any

import pytest
from _batch_helpers import BROKEN_LINES, good_rows

from cleaner.batch import BatchOptions, ReadOptions, discover, readers, run_batch
from cleaner.batch.process import Processor
from cleaner.batch.readers import decode, read
from cleaner.batch.records import InputFile, Record, Unit
from cleaner.config import CleanerConfig


def _line(row: dict[str, Any]) -> bytes:
    return json.dumps(row, ensure_ascii=False).encode("utf-8")


_GOOD = [_line(r) for r in good_rows(3, "g")]
_BOM = b"\xef\xbb\xbf"

#: (name, file bytes, expected (reason, id) per record, why)
CASES: list[tuple[str, bytes, list[tuple[str | None, str | None]], str]] = [
    ("plain.jsonl", b"\n".join(_GOOD) + b"\n", [(None, "g-0"), (None, "g-1"), (None, "g-2")],
     "three good lines"),
    ("crlf.jsonl", b"\r\n".join(_GOOD) + b"\r\n", [(None, "g-0"), (None, "g-1"), (None, "g-2")],
     "CRLF line ends: the \\r is JSON whitespace, decoded in the worker"),
    ("bom.jsonl", _BOM + _GOOD[0] + b"\n" + _GOOD[1] + b"\n", [(None, "g-0"), (None, "g-1")],
     "a UTF-8 BOM before the first line: json.loads of bytes skips it"),
    ("blank.jsonl", _GOOD[0] + b"\n\n   \n\t\r\n" + _GOOD[1] + b"\n",
     [(None, "g-0"), (None, "g-1")], "blank and whitespace-only lines are not records"),
    ("nonl.jsonl", _GOOD[0] + b"\n" + _GOOD[1], [(None, "g-0"), (None, "g-1")],
     "the last line has no newline"),
    ("cut.jsonl", _GOOD[0] + b"\n" + _GOOD[1][: len(_GOOD[1]) // 2],
     [(None, "g-0"), ("invalid_json", None)], "the last line is cut short (no newline)"),
    ("middle.jsonl", _GOOD[0] + b'\n{"id": "broken", "html": "<p>\n' + _GOOD[1] + b"\n",
     [(None, "g-0"), ("invalid_json", None), (None, "g-1")],
     "a broken record in the middle fails alone"),
    ("deep.jsonl", _GOOD[0] + b"\n" + b"[" * 200_000 + b"]" * 200_000 + b"\n" + _GOOD[1],
     [(None, "g-0"), ("too_deep", None), (None, "g-1")], "100,000s of nested brackets"),
    ("latin1.jsonl", b'{"id": "l1", "text": "caf\xe9"}\n' + _GOOD[0] + b"\n",
     [("decode_error", None), (None, "g-0")], "a line that is not UTF-8"),
    ("broken.jsonl", b"".join(line + b"\n" for line, _, _ in BROKEN_LINES),
     [(reason, rid) for line, reason, rid in BROKEN_LINES if line.strip()],
     "the shared table of broken lines"),
    ("gz.jsonl.gz", gzip.compress(b"\n".join(_GOOD) + b"\n", mtime=0),
     [(None, "g-0"), (None, "g-1"), (None, "g-2")], "gzip input"),
    ("gzcut.jsonl.gz", gzip.compress(b"\n".join(_GOOD) + b"\n", mtime=0)[:-40],
     [(None, "g-0"), (None, "g-1"), ("truncated", None)],
     "a gzip cut short: a read error, found by the reader (the parent)"),
]


def _view(rec: Record) -> tuple[Any, ...]:
    return (rec.origin, rec.id, rec.url, rec.reason, rec.error, rec.format, rec.source, rec.extra,
            rec.rel)


@pytest.mark.parametrize("block", [pytest.param(1 << 20, id="1 MB blocks"),
                                   pytest.param(7, id="7-byte blocks: every line spans blocks")])
@pytest.mark.parametrize(("name", "data", "expected"),
                         [pytest.param(n, d, e, id=why) for n, d, e, why in CASES])
def test_raw_records_decode_to_the_records_of_the_decoding_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, data: bytes,
    expected: list[tuple[str | None, str | None]], block: int,
) -> None:
    monkeypatch.setattr(readers, "_SCAN_BLOCK", block)
    path = tmp_path / name
    path.write_bytes(data)
    inp = InputFile(str(path), "jsonl", name)
    opts = ReadOptions()
    plain = list(read(inp, opts))
    digests: dict[str, tuple[int, str | None]] = {}
    raw = list(read(inp, opts, raw=True, digests=digests))
    assert [(r.reason, r.id) for r in plain] == expected
    # the parent did not decode: a JSON line travels as its bytes, or stays in its
    # (plain) file as an extent; read errors are found by the reader
    for r in raw:
        assert r.undecoded == (r.reason is None)
        assert r.source is None
        assert (r.span is not None) == (r.undecoded and not name.endswith(".gz"))
    assert [_view(decode(r, opts)) for r in raw] == [_view(r) for r in plain]
    # the plain file's hash, taken while it was scanned, is the --resume fingerprint's
    unit = Unit("u", "jsonl", (inp,))
    assert unit.fingerprint(known=digests) == unit.fingerprint()
    assert (str(path) in digests) == (not name.endswith(".gz"))


@pytest.mark.parametrize("raw", [pytest.param(False, id="line reader"),
                                 pytest.param(True, id="raw extents")])
def test_offsets_after_an_over_long_line_are_byte_offsets(tmp_path: Path, raw: bool) -> None:
    path = tmp_path / "long.jsonl"
    lines = [_GOOD[0], b'{"id": "long", "text": "' + b"x" * 5000 + b'"}', b'{"id": "cut',
             _GOOD[1]]
    path.write_bytes(b"\n".join(lines) + b"\n")
    opts = ReadOptions(max_bytes=len(_GOOD[0]) + 1000)
    recs = [decode(r, opts) for r in read(InputFile(str(path), "jsonl", "long.jsonl"), opts,
                                           raw=raw)]
    starts = [sum(len(x) + 1 for x in lines[:k]) for k in range(len(lines))]
    assert [(r.reason, r.origin.line, r.origin.offset) for r in recs] == [
        (None, 1, starts[0]), ("too_large", 2, starts[1]), ("invalid_json", 3, starts[2]),
        (None, 4, starts[3])]


@pytest.mark.parametrize(("change", "error"), [
    pytest.param("replace", "the file was replaced while it was read", id="file replaced"),
    pytest.param("truncate", "the file became shorter while it was read", id="file cut short"),
    pytest.param("remove", "cannot read: No such file or directory", id="file removed"),
])
def test_a_file_changed_between_scan_and_load_fails_its_records(
    tmp_path: Path, change: str, error: str
) -> None:
    path = tmp_path / "c.jsonl"
    path.write_bytes(b"\n".join(_GOOD) + b"\n")
    raw = list(read(InputFile(str(path), "jsonl", "c.jsonl"), ReadOptions(), raw=True))
    readers._OPEN.clear()  # as in a worker that has not opened it yet
    if change == "replace":
        other = tmp_path / "new.jsonl"
        other.write_bytes(path.read_bytes())
        other.replace(path)
    elif change == "truncate":
        with open(path, "r+b") as fh:
            fh.truncate(len(_GOOD[0]) + 10)
    else:
        path.unlink()
    rec = decode(raw[1], ReadOptions())
    assert (rec.reason, rec.error, rec.origin.line) == ("read_error", error, 2)


def test_raw_decoding_uses_the_runs_field_names(tmp_path: Path) -> None:
    path = tmp_path / "f.jsonl"
    path.write_bytes(b'{"key": "k1", "body": "Some words.", "link": "https://example.org/a"}\n')
    opts = ReadOptions(text_field="body", id_field="key", url_field="link")
    [raw] = read(InputFile(str(path), "jsonl", "f.jsonl"), opts, raw=True)
    rec = decode(raw, opts)
    assert (rec.id, rec.url, rec.source) == ("k1", "https://example.org/a", "Some words.")
    # with the default names the same line has no text field: the options do matter
    assert decode(raw, ReadOptions()).reason == "missing_field"


def test_processor_decodes_a_raw_record_and_fails_a_broken_one() -> None:
    from cleaner.batch.records import Origin

    proc = Processor(CleanerConfig(), read=ReadOptions())
    ok = proc.process(Record(Origin("x.jsonl", line=1, offset=0), id="x.jsonl:1",
                             raw=_line({"text": "A short note about the weather today."})))
    assert ok.outcome != "failed" and ok.id == "x.jsonl:1"  # the default id: none in the line
    assert isinstance(ok.line, bytes) and json.loads(ok.line)["id"] == "x.jsonl:1"
    bad = proc.process(Record(Origin("x.jsonl", line=2, offset=9), id="x.jsonl:2",
                              raw=b'{"id": "b", "text": '))
    assert (bad.outcome, bad.reason) == ("failed", "invalid_json")
    assert bad.row is not None and (bad.row["line"], bad.row["offset"]) == (2, 9)


_STAMP = re.compile(rb'"(cleaned|added)": "[^"]*"')


def _outputs(out: Path) -> dict[str, bytes]:
    """Every output file but the run's own bookkeeping, time stamps blanked."""
    return {p.relative_to(out).as_posix(): _STAMP.sub(rb'"\1": ""', p.read_bytes())
            for p in sorted(out.rglob("*")) if p.is_file() and ".cleaner" not in p.parts
            and p.name != "summary.json"}


@pytest.mark.parametrize("jobs", [pytest.param(1, id="-j 1"), pytest.param(2, id="-j 2")])
def test_run_writes_what_in_process_decoding_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    import cleaner.batch.run as run_mod

    corpus = tmp_path / "in"
    corpus.mkdir()
    for name, data, _, _ in CASES:
        (corpus / name).write_bytes(data)
    files, _ = discover([str(corpus)], ReadOptions())
    out = tmp_path / f"out{jobs}"
    seen: list[Record] = []
    original = run_mod.read_unit

    def spy(*args: Any, **kwargs: Any) -> Any:
        for rec in original(*args, **kwargs):
            seen.append(rec)
            yield rec

    monkeypatch.setattr(run_mod, "read_unit", spy)
    result = run_batch(files, CleanerConfig(), BatchOptions(out_dir=out, jobs=jobs, quiet=True))
    # what the parent handed to the workers: no decoded JSON record, only lines and read errors
    assert seen and all(r.source is None for r in seen)
    assert sum(r.span is not None for r in seen) == sum(
        1 for n, _, e, _ in CASES if not n.endswith(".gz") for reason, _ in e
        if reason not in ("too_large",))
    docs = result.summary["documents"]
    assert result.summary["accounted"] and docs["read"] == sum(len(e) for _, _, e, _ in CASES)
    assert docs["failed"] == sum(1 for _, _, e, _ in CASES for reason, _ in e if reason)
    # the same records cleaned in this process from the decoding reader, written the same way
    from cleaner.batch.run import plan_units
    from cleaner.batch.writers import UnitSink

    ref = tmp_path / "ref"
    proc = Processor(CleanerConfig())
    for unit in plan_units(files):
        sink = UnitSink(ref, unit, "jsonl")
        for f in unit.files:
            for rec in read(f, ReadOptions()):
                sink.add(proc.process(rec))
        sink.commit()
    got, want = _outputs(out), _outputs(ref)
    assert got == want
    assert any(k.startswith("failed/") for k in got) and any(k.startswith("kept/") for k in got)

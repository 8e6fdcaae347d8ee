"""Batch inputs: discovery, kinds, and one record (or one failure) per input record."""

from __future__ import annotations

import gzip
import json
from collections import Counter
from pathlib import Path

import pytest
from _batch_helpers import (
    BROKEN_LINES,
    build_tree,
    good_rows,
    write_broken_jsonl,
    write_jsonl,
    write_parquet,
    write_truncated_gz,
    write_warc,
)
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.batch.readers import ReadOptions, discover, get_field, kind_of, read, sniff
from cleaner.batch.records import InputFile
from cleaner.errors import ConfigError


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        pytest.param("a.html", "page", id="html page"),
        pytest.param("a.HTM", "page", id="suffix case does not matter"),
        pytest.param("notes.md", "page", id="markdown page"),
        pytest.param("x.txt", "page", id="text page"),
        pytest.param("cc.jsonl", "jsonl", id="plain jsonl"),
        pytest.param("cc.jsonl.gz", "jsonl", id="gzip jsonl"),
        pytest.param("cc.jsonl.zst", "jsonl", id="zstd jsonl"),
        pytest.param("000.json.gz", "jsonl", id="dolma's .json.gz shards are jsonl"),
        pytest.param("crawl.warc.gz", "warc", id="gzip warc"),
        pytest.param("old.arc", "warc", id="arc goes through warcio"),
        pytest.param("t.parquet", "parquet", id="parquet"),
        pytest.param("logo.png", None, id="unknown suffix is not an input"),
        pytest.param("0001.html.gz", "page", id="a gzipped page, as the benchmarks ship them"),
        pytest.param("notes.md.zst", "page", id="a zstd page"),
        pytest.param("logo.png.gz", None, id="a compressed non-page is not an input"),
        pytest.param("dump.gz", None, id="a bare .gz says nothing of what it holds"),
    ],
)
def test_kind_of(name: str, kind: str | None) -> None:
    assert kind_of(name) == kind


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        pytest.param(b"\x1f\x8b\x08\x00", "jsonl", id="gzip on stdin is jsonl"),
        pytest.param(b"\x28\xb5\x2f\xfd", "jsonl", id="zstd on stdin is jsonl"),
        pytest.param(b"WARC/1.0\r\n", "warc", id="warc header"),
        pytest.param(b'  {"id": 1}', "jsonl", id="json object"),
        pytest.param(b"<html><body>", "page", id="html page"),
        pytest.param(b"Plain words.", "page", id="plain text"),
        pytest.param(b"PAR1", "parquet", id="parquet magic"),
        pytest.param(gzip.compress(b'{"id": "a", "text": "x"}\n')[:40], "jsonl",
                     id="gzipped records are records"),
        pytest.param(gzip.compress(b"<!doctype html><html><body>" * 9)[:60], "page",
                     id="a gzipped page is a page"),
        pytest.param(gzip.compress(b"WARC/1.0\r\nWARC-Type: warcinfo\r\n")[:60], "warc",
                     id="a gzipped WARC is a WARC"),
        pytest.param(b'\xef\xbb\xbf{"id": 1}', "jsonl", id="JSON after a byte order mark"),
        pytest.param(b"{{ template }} words", "page", id="a brace that opens no JSON object"),
    ],
)
def test_sniff_stdin(head: bytes, kind: str) -> None:
    assert sniff(head) == kind


def test_discover_folder_recursive_sorted_and_ignores_unknown(tmp_path: Path) -> None:
    rels = build_tree(tmp_path / "site")
    files, ignored = discover([str(tmp_path / "site")], ReadOptions())
    assert [f.rel for f in files] == rels
    assert {f.kind for f in files} == {"page"}
    assert ignored == [str(tmp_path / "site" / "blog" / "logo.png")]


def test_discover_glob_keeps_path_below_the_fixed_prefix(tmp_path: Path) -> None:
    build_tree(tmp_path / "site")
    files, _ = discover([str(tmp_path / "site" / "news" / "**" / "*.*")], ReadOptions())
    assert [f.rel for f in files] == ["de/bericht.html", "en/linkfarm.txt"]


@pytest.mark.parametrize(
    ("arg", "message"),
    [
        pytest.param("missing.jsonl", "no such file: missing.jsonl", id="missing file"),
        pytest.param("nothing-*.jsonl", "no input matches nothing-*.jsonl", id="empty glob"),
    ],
)
def test_discover_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, arg: str, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError) as info:
        discover([arg], ReadOptions())
    assert str(info.value) == message


def test_broken_jsonl_one_record_per_nonblank_line_with_reasons(tmp_path: Path) -> None:
    path = write_broken_jsonl(tmp_path / "broken.jsonl")
    recs = list(read(InputFile(str(path), "jsonl", "broken.jsonl"), ReadOptions()))
    expected = [(reason, rid) for line, reason, rid in BROKEN_LINES if line.strip()]
    assert [(r.reason, r.id) for r in recs] == expected
    lines = [i + 1 for i, (line, _, _) in enumerate(BROKEN_LINES) if line.strip()]
    assert [r.origin.line for r in recs] == lines
    for r in recs:
        if r.reason is not None:
            assert r.error and "junk" not in r.error  # the message never quotes the record


@pytest.mark.parametrize("name", [
    pytest.param("cut.jsonl.gz", id="gzip cut short"),
    pytest.param("cut.jsonl.zst", id="zstd cut short (stream_reader would stop silently)"),
])
def test_truncated_archive_reports_one_failure_after_the_readable_records(
    tmp_path: Path, name: str
) -> None:
    path = write_truncated_gz(tmp_path / name)
    recs = list(read(InputFile(str(path), "jsonl", name), ReadOptions()))
    assert recs[-1].reason == "truncated"
    assert all(r.reason is None for r in recs[:-1])
    assert recs[-1].origin.line == len(recs)
    assert [r.id for r in recs[:-1]] == [f"trunc-{i}" for i in range(len(recs) - 1)]


@pytest.mark.parametrize("suffix", [
    pytest.param(".jsonl", id="plain"),
    pytest.param(".jsonl.gz", id="gzip"),
    pytest.param(".jsonl.zst", id="zstd"),
])
def test_jsonl_compressions_give_the_same_records(tmp_path: Path, suffix: str) -> None:
    rows = good_rows(5)
    path = write_jsonl(tmp_path / f"c{suffix}", rows)
    recs = list(read(InputFile(str(path), "jsonl", path.name), ReadOptions()))
    assert [r.id for r in recs] == [r["id"] for r in rows]
    assert [r.url for r in recs] == [r["metadata"]["url"] for r in rows]  # metadata.url fallback
    assert [r.format for r in recs] == [None, "html", None, "html", None]
    assert recs[0].extra["metadata"]["crawl"] == "test"


def test_field_options_and_dotted_paths(tmp_path: Path) -> None:
    row = {"doc": {"key": "k1", "body": "Some words here."}, "page": {"uri": "https://x.org/"}}
    path = write_jsonl(tmp_path / "custom.jsonl", [row])
    opts = ReadOptions(text_field="doc.body", id_field="doc.key", url_field="page.uri")
    (rec,) = read(InputFile(str(path), "jsonl", "custom.jsonl"), opts)
    assert (rec.id, rec.source, rec.url) == ("k1", "Some words here.", "https://x.org/")
    assert get_field({"a.b": 1, "a": {"b": 2}}, "a.b") == 1  # a literal dotted key wins


def test_missing_id_gets_file_and_line(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "noid.jsonl", [{"text": "a"}, {"text": "b"}])
    recs = list(read(InputFile(str(path), "jsonl", "noid.jsonl"), ReadOptions()))
    assert [r.id for r in recs] == ["noid.jsonl:1", "noid.jsonl:2"]


def test_warc_html_responses_only_with_ids_urls_offsets(tmp_path: Path) -> None:
    path = tmp_path / "mini.warc.gz"
    ids = write_warc(path)
    skipped: Counter[str] = Counter()
    recs = list(read(InputFile(str(path), "warc", path.name), ReadOptions(), skipped))
    assert {r.id: r.url for r in recs} == ids
    assert all(r.format == "html" and isinstance(r.source, bytes) and r.source for r in recs)
    offsets = [r.origin.offset for r in recs]
    assert offsets == sorted(offsets) and offsets[0] is not None and offsets[0] > 0
    assert skipped == Counter({"warc_request": 2, "warc_not_html": 1})


def test_parquet_rows_with_columns(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    rows = good_rows(3)
    path = write_parquet(tmp_path / "t.parquet", rows)
    recs = list(read(InputFile(str(path), "parquet", "t.parquet"), ReadOptions()))
    assert [(r.id, r.origin.row, r.format) for r in recs] == [
        ("doc-0", 0, None), ("doc-1", 1, "html"), ("doc-2", 2, None)
    ]
    assert recs[1].url == "https://example.org/doc/1"


_line = st.one_of(
    st.builds(lambda t: json.dumps({"id": "x", "text": t}).encode(), st.text(max_size=20)),
    st.builds(lambda t: json.dumps({"nope": t}).encode(), st.text(max_size=5)),
    st.binary(max_size=30).filter(lambda b: b"\n" not in b and b"\r" not in b),
)


@settings(max_examples=60, deadline=None)
@given(lines=st.lists(_line, max_size=12))
def test_every_nonblank_line_is_exactly_one_record(tmp_path_factory: pytest.TempPathFactory,
                                                    lines: list[bytes]) -> None:
    path = tmp_path_factory.mktemp("h") / "h.jsonl"
    path.write_bytes(b"".join(line + b"\n" for line in lines))
    recs = list(read(InputFile(str(path), "jsonl", "h.jsonl"), ReadOptions()))
    assert len(recs) == sum(1 for line in lines if line.strip())
    for r in recs:
        assert (r.reason is None) == (r.source is not None)


@pytest.mark.parametrize("name", [
    pytest.param("cut.warc.gz", id="gzip warc cut inside a response"),
    pytest.param("cut.warc", id="plain warc cut inside a response"),
])
def test_truncated_warc_fails_the_cut_record_with_its_offset(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    ids = list(write_warc(path))
    blob = path.read_bytes()
    path.write_bytes(blob[: len(blob) * 6 // 10])
    recs = list(read(InputFile(str(path), "warc", name), ReadOptions()))
    assert [(r.id, r.reason) for r in recs] == [(ids[0], None), (ids[1], "truncated")]
    assert recs[1].origin.offset is not None and recs[1].origin.offset > recs[0].origin.offset

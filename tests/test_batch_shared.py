"""Batch mode on the real dolma samples in ../shared (WARC and JSONL from Common Crawl)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from _batch_helpers import output_rows, temp_files
from conftest import require_shared

from cleaner.cli import main

pytestmark = pytest.mark.shared


def _warc_html_responses(path: Path) -> list[tuple[str, str]]:
    """(record id, url) of the HTML responses, counted with warcio directly."""
    from warcio.archiveiterator import ArchiveIterator

    found = []
    with open(path, "rb") as fh:
        for rec in ArchiveIterator(fh):
            ctype = rec.http_headers.get_header("Content-Type") if rec.http_headers else ""
            if rec.rec_type == "response" and (ctype or "").startswith("text/html"):
                found.append((rec.rec_headers.get_header("WARC-Record-ID"),
                              rec.rec_headers.get_header("WARC-Target-URI")))
    return found


def test_dolma_samples_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = require_shared("data", "dolma-samples", "tests", "data")
    out = tmp_path / "out"
    code = main(["clean", str(data), "-o", str(out), "-j", "2", "-q"])
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    docs = summary["documents"]
    assert code == (1 if docs["failed"] else 0)
    # the input count, established independently of our readers
    jsonl_ids = [json.loads(line)["id"] for p in sorted(data.rglob("*.json*.gz"))
                 for line in gzip.decompress(p.read_bytes()).splitlines() if line.strip()]
    warc = [r for p in sorted(data.rglob("*.warc.gz")) for r in _warc_html_responses(p)]
    assert docs["read"] == docs["in"] == len(jsonl_ids) + len(warc)
    assert docs["in"] == docs["kept"] + docs["review"] + docs["rejected"] + docs["failed"]
    rows = output_rows(out)
    got = sorted(r["id"] for rs in rows.values() for r in rs)
    assert got == sorted(jsonl_ids + [rid for rid, _ in warc])
    by_id = {r["id"]: r for o in ("kept", "review", "rejected") for r in rows[o]}
    for rid, url in warc:
        if rid in by_id:
            assert by_id[rid]["metadata"]["url"] == url
    # a real WARC page yields real text, not an empty body
    kept_warc = [by_id[rid] for rid, _ in warc if rid in by_id and rid in
                 {r["id"] for r in rows["kept"]}]
    assert kept_warc and all(len(r["text"].split()) > 20 for r in kept_warc)
    assert summary["skipped_records"]["warc_request"] > 0
    assert temp_files(out) == []
    assert capsys.readouterr().err == ""

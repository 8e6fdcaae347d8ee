"""One hostile batch: every input that once killed a run, lost a document or leaked personal
data, in ONE ``cleaner clean`` run beside good records.

The run is made once (module fixture, ``-j 2``, a 1 MB ``max_input_bytes`` so the bombs stay
cheap: sparse files and gzip streams of zeros built incrementally). Each row of ``CASES`` is
one input with the reason it is here and what must become of it: written once under its
(masked) id, or in ``failed/`` with its reason. Then the whole output folder, the HTML report
and the captured messages are searched for every planted personal value.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from _batch_helpers import page

from cleaner.cli import main

CAP = 1_000_000
GOOD = page("en_clean_control.txt")
GOOD_HTML = page("de_bericht.html")

#: personal values planted outside the text (ids, URLs, file names, metadata, WARC URIs)
PLANTED = {
    "record id": "jane.doe@example.org",
    "record url": "jane.roe@example.net",
    "record url, percent-encoded": "jane.roe%40example.net",
    "metadata phone": "+49 30 12345678",
    "page file name": "max.mustermann@example.com",
    "WARC-Target-URI": "warc.person@example.com",
    "failed record id": "fail.person@example.com",
    "phone in an id": "555-867-5309",
}


def _jsonl(root: Path, name: str, lines: list[str | bytes]) -> None:
    data = b"".join((ln.encode() if isinstance(ln, str) else ln) + b"\n" for ln in lines)
    (root / name).write_bytes(data)


def _rec(rid: str, **extra: Any) -> str:
    return json.dumps({"id": rid, "text": GOOD, **extra})


def _gzip_bomb(root: Path) -> None:
    """One line inflating to 8 MB of zeros (a 3 GB one reads the same way: capped),
    then a good record: built a chunk at a time, never held whole."""
    co = zlib.compressobj(9, zlib.DEFLATED, 31)
    with open(root / "bomb.jsonl.gz", "wb") as fh:
        fh.write(co.compress(b'{"id": "bomb", "text": "'))
        zeros = b"0" * (1 << 20)
        for _ in range(8):
            fh.write(co.compress(zeros))
        fh.write(co.compress(b'"}\n' + _rec("after-bomb").encode() + b"\n"))
        fh.write(co.flush())


def _warc(root: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    headers = [("Content-Type", "text/html; charset=utf-8")]
    with open(root / "crawl.warc.gz", "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for uri, body in (
            ("https://example.org/big", b"<html><body><p>" + b"x" * (2 * CAP) + b"</p>"),
            (f"https://example.org/u/{PLANTED['WARC-Target-URI']}", GOOD_HTML.encode()),
        ):
            rec = writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body),
                http_headers=StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1"))
            rec.rec_headers.replace_header("WARC-Record-ID", f"<urn:test:{uri[-3:]}>")
            writer.write_record(rec)


def _sparse(root: Path) -> None:
    with open(root / "sparse.html", "wb") as fh:
        fh.truncate(20 * 2**30)  # 20 GB, no block on disk


@dataclass(frozen=True)
class Case:
    name: str
    why: str
    build: Callable[[Path], None]
    #: id -> None (written once, not failed) or the failure reason
    expect: dict[str, str | None]


CASES = [
    Case("good records", "the control: written once each",
         lambda r: _jsonl(r, "good.jsonl", [_rec("good-0"), _rec("good-1")]),
         {"good-0": None, "good-1": None}),
    Case("nested brackets", "100,000 nested brackets: RecursionError killed the run",
         lambda r: _jsonl(r, "deep.jsonl", ["[" * 100_000 + "]" * 100_000, _rec("deep-ok")]),
         {"deep.jsonl:1": "too_deep", "deep-ok": None}),
    Case("lone surrogates", "\\ud800 in id/url/metadata: UnicodeEncodeError in the writer",
         lambda r: _jsonl(r, "sur.jsonl", [
             '{"id": "sur\\ud800", "text": ' + json.dumps(GOOD) + "}",
             '{"id": "sur-url", "url": "https://x.org/\\udfff", "text": ' + json.dumps(GOOD) + "}",
             '{"id": "sur-meta", "metadata": {"k": "\\ud800"}, "text": ' + json.dumps(GOOD) + "}",
         ]),
         {"sur\ufffd": "invalid_unicode", "sur-url": "invalid_unicode",
          "sur-meta": "invalid_unicode"}),
    Case("unicode_escape page", "a .txt declaring encoding=unicode_escape",
         lambda r: (r / "uesc.txt").write_bytes(
             b'<?xml version="1.0" encoding="unicode_escape"?>\n'
             + GOOD.encode() + b" \\ud800\n"),
         {"uesc.txt": None}),
    Case("undecodable file name", "a name that is not UTF-8 cannot be mirrored or reported",
         lambda r: (r / os.fsdecode(b"bad\xff.txt")).write_text(GOOD, "utf-8"),
         {"bad\ufffd.txt": "bad_file_name"}),
    Case("gzip bomb", "one line inflating past the cap was read whole (MemoryError)",
         _gzip_bomb, {"bomb.jsonl:1": "too_large", "after-bomb": None}),
    Case("WARC with a huge body", "the body was read whole; the next response must survive",
         _warc, {"<urn:test:big>": "too_large", "<urn:test:com>": None}),
    Case("sparse 20 GB page", "read whole until MemoryError", _sparse,
         {"sparse.html": "too_large"}),
    Case("same relative name", "d1/index.txt and d2/index.txt shared one output",
         lambda r: [(r / d).mkdir() or (r / d / "index.txt").write_text(GOOD, "utf-8")
                    for d in ("d1", "d2")],
         {"d1/index.txt": None, "d2/index.txt": None}),
    Case("record file named like a page chunk", "pages-00000.jsonl overwrote the page shard",
         lambda r: _jsonl(r, "pages-00000.jsonl", [_rec("chunk-rec")]),
         {"chunk-rec": None}),
    Case("PII in id, url and metadata", "raw in report, failed/, messages",
         lambda r: _jsonl(r, "pii.jsonl", [
             _rec(PLANTED["record id"]),
             _rec("pii-url", url=f"https://example.org/p?email={PLANTED['record url']}"),
             _rec("pii-url2",
                  url=f"https://example.org/p?e={PLANTED['record url, percent-encoded']}"),
             _rec("pii-meta", metadata={"contact": PLANTED["metadata phone"]}),
             _rec(f"id-{PLANTED['phone in an id']}"),
             json.dumps({"id": PLANTED["failed record id"], "text": 42}),
         ]),
         {"[EMAIL]": None, "pii-url": None, "pii-url2": None, "pii-meta": None,
          "id-[PHONE]": None, "[EMAIL]#failed": "bad_field"}),
    Case("PII in a file name", "the mirrored output name and the report id",
         lambda r: (r / f"contact-{PLANTED['page file name']}.html").write_text(
             GOOD_HTML, "utf-8"),
         {"[EMAIL].html": None}),
]


def _special(root: Path) -> None:
    os.symlink(root / "nowhere.html", root / "dangling.html")
    os.mkfifo(root / "fifo.html")


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    import contextlib

    base = tmp_path_factory.mktemp("hostile")
    corpus = base / "in"
    corpus.mkdir()
    for case in CASES:
        case.build(corpus)
    _special(corpus)
    cfg = base / "cfg.toml"
    cfg.write_text(f"[extraction]\nmax_input_bytes = {CAP}\n", "utf-8")
    out = base / "out"
    html = base / "report.html"
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(err):
        code = main(["clean", str(corpus), "/dev/zero", "-o", str(out), "-j", "2",
                     "--config", str(cfg), "--html-report", str(html), "--log-interval", "1"])
    return {"code": code, "out": out, "corpus": corpus, "html": html, "messages": err.getvalue()}


def _placed(out: Path) -> dict[str, list[tuple[str, str | None]]]:
    """id -> [(outcome, failure reason)] over every output (records, pages, failed/)."""
    placed: dict[str, list[tuple[str, str | None]]] = {}
    for outcome in ("kept", "review", "rejected", "failed"):
        for p in sorted((out / outcome).rglob("*")) if (out / outcome).is_dir() else []:
            if p.name.endswith(".jsonl"):
                for line in p.read_text("utf-8").splitlines():
                    row = json.loads(line)
                    key = row.get("id") or f"{Path(row['source_file']).name.removesuffix('.gz')}" \
                        f":{row.get('line')}"
                    if outcome == "failed" and key in placed:
                        key += "#failed"
                    placed.setdefault(key, []).append((outcome, row.get("reason")))
            elif p.suffix == ".txt" and outcome != "failed":
                rel = p.relative_to(out / outcome).as_posix().removesuffix(".txt")
                placed.setdefault(rel, []).append((outcome, None))
    return placed


def test_exit_code_and_accounting(hostile_run: dict[str, Any]) -> None:
    out = hostile_run["out"]
    assert hostile_run["code"] == 1, hostile_run["messages"]  # some failed, none crashed
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    assert summary["status"] == "complete"
    assert summary["accounted"] is True
    expected = {k: v for case in CASES for k, v in case.expect.items()}
    expected["zero"] = "too_large"  # /dev/zero named on the command line
    assert summary["documents"]["in"] == len(expected)
    assert summary["documents"]["failed"] == sum(v is not None for v in expected.values())
    # dangling symlink and FIFO: counted with their reason, never opened
    assert summary["inputs"]["skipped_files"] == {"dangling_symlink": 1,
                                                  "not_a_regular_file": 1}


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_input_lands_once_with_its_reason(hostile_run: dict[str, Any], case: Case) -> None:
    placed = _placed(hostile_run["out"])
    for rid, reason in case.expect.items():
        where = placed.get(rid)
        assert where is not None and len(where) == 1, (case.why, rid, where)
        outcome, got = where[0]
        if reason is None:
            assert outcome != "failed", (case.why, rid, got)
        else:
            assert (outcome, got) == ("failed", reason), case.why


def _all_text(out: Path) -> str:
    parts = []
    for p in sorted(out.rglob("*")):
        parts.append(p.relative_to(out).as_posix())  # file names too
        if p.is_file() and not p.is_symlink() and os.stat(p).st_size < 50_000_000:
            raw = p.read_bytes()
            if p.name.endswith(".gz"):
                raw = gzip.decompress(raw)
            parts.append(raw.decode("utf-8", "replace"))
    return "\n".join(parts)


@pytest.mark.parametrize("field", list(PLANTED), ids=list(PLANTED))
def test_no_planted_value_in_any_output_or_message(
    hostile_run: dict[str, Any], field: str
) -> None:
    value = PLANTED[field]
    haystack = "\n".join([_all_text(hostile_run["out"]),
                          hostile_run["html"].read_text("utf-8"), hostile_run["messages"]])
    assert value in _all_text(hostile_run["corpus"]), "not planted: the test could not fail"
    assert haystack.count(value) == 0, f"raw {field} found"


def test_the_search_can_find_a_leak(hostile_run: dict[str, Any], tmp_path: Path) -> None:
    """The privacy search is not blind: a value written into an output is found."""
    leak = tmp_path / "leak.jsonl"
    leak.write_text(json.dumps({"id": PLANTED["record id"]}) + "\n", "utf-8")
    assert PLANTED["record id"] in _all_text(tmp_path)

"""Corpora for the batch tests, built in tmp_path from fixtures/pages (no binaries committed)."""

from __future__ import annotations

import gzip
import io
import json
import os
import shutil
import signal
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from cleaner.model import Document

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "fixtures" / "pages"
CORPUS = ROOT / "fixtures" / "corpus"


def page(name: str) -> str:
    """A fixture page as text (decoded like the pipeline does: some are not UTF-8)."""
    from cleaner.detect import decode

    return decode((PAGES / name).read_bytes())[0]


def build_tree(root: Path) -> list[str]:
    """A folder tree of html/txt/md pages plus an ignored file; returns the page rel paths."""
    layout = {
        "de_bericht.html": "news/de/bericht.html",
        "en_blog_related.html": "blog/post.htm",
        "en_clean_control.txt": "notes/clean.txt",
        "en_news_linkfarm.txt": "news/en/linkfarm.txt",
        "fr_article.md": "articles/fr.md",
    }
    for src, rel in layout.items():
        dst = root / rel
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(PAGES / src, dst)
    (root / "blog" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    return sorted(layout.values())


def good_rows(n: int, prefix: str = "doc") -> list[dict[str, Any]]:
    """``n`` well-formed dolma-style rows cycling through the fixture pages."""
    texts = [
        ("text", page("en_clean_control.txt")),
        ("html", page("de_bericht.html")),
        ("text", page("en_news_linkfarm.txt")),
        ("html", page("en_blog_related.html")),
    ]
    rows = []
    for i in range(n):
        field, body = texts[i % len(texts)]
        rows.append({
            "id": f"{prefix}-{i}", field: body, "source": "fixture",
            "metadata": {"url": f"https://example.org/{prefix}/{i}", "crawl": "test"},
        })
    return rows


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("utf-8")
    if path.name.endswith(".gz"):
        data = gzip.compress(data, mtime=0)
    elif path.name.endswith(".zst"):
        import zstandard

        data = zstandard.ZstdCompressor().compress(data)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


#: (line bytes, expected failure reason or None for a cleanable record, id or None)
BROKEN_LINES: list[tuple[bytes, str | None, str | None]] = [
    (json.dumps({"id": "ok-text", "text": page("en_clean_control.txt")}).encode(), None, "ok-text"),
    (b'{"id": "bad-json", "text": "unterminated', "invalid_json", None),
    (json.dumps({"id": "no-text", "title": "a title only"}).encode(), "missing_field", "no-text"),
    (b"\x00\xff\xfe\x01\x02 binary junk \xc3\x28", "decode_error", None),
    (json.dumps({"id": "empty", "text": ""}).encode(), None, "empty"),
    (b"[1, 2, 3]", "not_object", None),
    (json.dumps({"id": "ok-html", "html": page("de_bericht.html"),
                 "url": "https://example.de/b"}).encode(), None, "ok-html"),
    (b"", None, None),  # a blank line is not a record
    (json.dumps({"id": "num", "text": 5}).encode(), "bad_field", "num"),
    (json.dumps({"id": "png", "text": "\x89PNG\r\n\x1a\n\x00\x00"}).encode(), None, "png"),
]


def write_broken_jsonl(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"".join(line + b"\n" for line, _, _ in BROKEN_LINES))
    return path


def write_truncated_gz(path: Path, n: int = 12) -> Path:
    """A compressed JSONL (``.gz`` or ``.zst``) cut short: the first records may read,
    then one ``truncated`` failure."""
    write_jsonl(path, good_rows(n, "trunc"))
    blob = path.read_bytes()
    path.write_bytes(blob[: len(blob) * 2 // 3])
    return path


def write_warc(path: Path, response_ids: tuple[str, str] | None = None) -> dict[str, str]:
    """Two HTML responses, one image response, one request; returns {record id: url}.

    ``response_ids``: the two HTML responses' WARC-Record-IDs (warcio draws random UUIDs,
    and about one in 200 has all-digit middle groups that once read as a phone number)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    ids: dict[str, str] = {}
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=path.name.endswith(".gz"))
        for k, (name, url) in enumerate((("de_bericht.html", "https://example.de/bericht"),
                                         ("en_blog_related.html", "https://blog.example.com/post"))):
            req = writer.create_warc_record(
                url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
            )
            writer.write_record(req)
            body = (PAGES / name).read_bytes()
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            rec = writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                            http_headers=headers)
            if response_ids is not None:
                rec.rec_headers.replace_header("WARC-Record-ID", response_ids[k])
            writer.write_record(rec)
            ids[rec.rec_headers.get_header("WARC-Record-ID")] = url
        img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            "https://example.de/logo.png", "response",
            payload=io.BytesIO(b"\x89PNG\r\n\x1a\n"), http_headers=img))
    return ids


def write_parquet(path: Path, rows: list[dict[str, Any]]) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist([
        {"id": r["id"], "text": r.get("text"), "html": r.get("html"),
         "url": r["metadata"]["url"]} for r in rows
    ])
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, path)
    return path


def output_rows(out: Path) -> dict[str, list[dict[str, Any]]]:
    """Every JSONL row under kept/review/rejected/failed, by outcome."""
    found: dict[str, list[dict[str, Any]]] = {}
    for outcome in ("kept", "review", "rejected", "failed"):
        rows: list[dict[str, Any]] = []
        for p in sorted((out / outcome).rglob("*.jsonl*")) if (out / outcome).exists() else []:
            raw = p.read_bytes()
            if p.name.endswith(".gz"):
                raw = gzip.decompress(raw)
            rows.extend(json.loads(line) for line in raw.splitlines() if line.strip())
        found[outcome] = rows
    return found


def summary_of(out: Path) -> dict[str, Any]:
    return json.loads((out / "summary.json").read_text("utf-8"))


def assert_adds_up(summary: dict[str, Any]) -> None:
    docs = summary["documents"]
    assert docs["read"] == docs["in"] == sum(
        docs[o] for o in ("kept", "review", "rejected", "failed")
    )
    assert summary["accounted"] is True


def temp_files(out: Path) -> list[Path]:
    return [p for p in out.rglob("*") if ".tmp-" in p.name]


class SlowStage:
    """A test stage that stalls on documents containing ``STALL-ME``.

    ``stubborn=True`` swallows the soft time-limit exception and keeps going,
    like a regex stuck in C code, so only the hard limit (killing the worker) helps.
    """

    name = "slow_for_tests"
    stubborn = False

    def __init__(self, config: Any) -> None:
        self.config = config

    def __call__(self, doc: Document) -> None:
        if "STALL-ME" not in doc.text:
            return
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                time.sleep(0.05)
            except BaseException:  # the time limit's DocumentTimeout
                if not self.stubborn:
                    raise


class StubbornStage(SlowStage):
    stubborn = True


def iter_outcome_ids(out: Path) -> Iterator[tuple[str, str | None]]:
    for outcome, rows in output_rows(out).items():
        for r in rows:
            yield outcome, r.get("id")


#: the folder where :class:`FaultStage` leaves its markers (set by the test)
FAULT_DIR_ENV = "CLEANER_TEST_FAULT_DIR"


class FaultStage:
    """A test stage for fault injection, keyed by a token in the document.

    ``KILL-ME``: the worker process SIGKILLs itself (a crash in C code, the OOM killer).
    ``HOLD-ME``: writes ``held-<pid>`` into ``$CLEANER_TEST_FAULT_DIR`` (the test's
    signal that a worker is busy on that document), then waits until the test
    kills the worker, interrupts the run or creates ``release`` there.
    """

    name = "fault_for_tests"

    def __init__(self, config: Any) -> None:
        self.config = config

    def __call__(self, doc: Document) -> None:
        if "KILL-ME" in doc.text:
            os.kill(os.getpid(), signal.SIGKILL)
        if "HOLD-ME" not in doc.text:
            return
        where = Path(os.environ[FAULT_DIR_ENV])
        marker = where / f"held-{os.getpid()}"
        marker.with_suffix(".tmp").write_text(str(os.getpid()), "utf-8")
        marker.with_suffix(".tmp").replace(marker)  # appears whole
        deadline = time.monotonic() + 60
        while not (where / "release").exists() and time.monotonic() < deadline:
            time.sleep(0.02)

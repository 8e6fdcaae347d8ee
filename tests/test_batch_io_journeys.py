"""From a folder of pages to a JSONL corpus, as a user runs it (``cleaner`` in a subprocess).

Issue 17, points 2 and 4: ``--output-format`` gives one layout for pages too (JSONL or
Parquet rows in every outcome folder, no ``.txt`` tree); ``-o -`` streams records to
stdout (no folder named ``-``; progress, failures and the summary on stderr); JSONL piped
on stdin is read as records; ``--with-metadata`` puts trafilatura's title, date, site name
and URL in each record, the author redacted like a name in the text; a dolma record's
``added`` is kept; the report in a record is compact unless ``--full-report``; a folder
of ``.html.gz`` pages is found and read, and a ``.html.gz`` named directly is cleaned.
Each test failed on the code before these points (checked with ``git stash``).
"""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from conftest import PAGES

#: planted metadata: values the test looks for (never taken from the code under test)
TITLE = "Harbour Wall Approved After Long Debate"
AUTHOR = "Jane Quinta Example"
DATE = "2021-03-04"
SITENAME = "Harbour Gazette"
URL = "https://gazette.example.org/2021/03/harbour-wall"
ARTICLE = (
    "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
    f"<title>{TITLE}</title><meta name='author' content='{AUTHOR}'>"
    f"<meta property='article:published_time' content='{DATE}T09:00:00Z'>"
    f"<meta property='og:site_name' content='{SITENAME}'>"
    f"<link rel='canonical' href='{URL}'></head><body><main><article><h1>{TITLE}</h1>"
    + "".join(
        f"<p>The council approved the new harbour wall on Tuesday evening after a debate "
        f"that lasted for almost four hours, paragraph {i}. Engineers said the wall would "
        "protect the old quay from winter storms for at least fifty years, and the works "
        "should begin in the spring once the last permits have been signed.</p>"
        for i in range(6)
    )
    + "</article></main></body></html>"
)
SHORT = "A Title\n\nThe first paragraph of a short page.\n\nThe second paragraph ends it."
OUTCOMES = ("kept", "review", "rejected", "failed")


def cli(*argv: str, cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "cleaner.cli", *argv], cwd=cwd, input=stdin,
                          capture_output=True, timeout=600)


def page_folder(root: Path) -> dict[str, str]:
    """A folder as the benchmarks ship it (gzipped pages) plus plain ones; returns
    {rel: what becomes of it}."""
    root.mkdir(parents=True)
    (root / "a_article.html.gz").write_bytes(gzip.compress(ARTICLE.encode("utf-8"), mtime=0))
    (root / "b_blog.html").write_bytes((PAGES / "en_blog_related.html").read_bytes())
    (root / "c_short.txt").write_text(SHORT, "utf-8")
    cut = gzip.compress(ARTICLE.encode("utf-8"), mtime=0)
    (root / "d_cut.html.gz").write_bytes(cut[: len(cut) // 2])  # truncated: fails alone
    return {"a_article.html.gz": "doc", "b_blog.html": "doc", "c_short.txt": "rejected",
            "d_cut.html.gz": "failed"}


def rows_of(out: Path) -> dict[str, list[dict[str, Any]]]:
    got: dict[str, list[dict[str, Any]]] = {o: [] for o in OUTCOMES}
    for o in OUTCOMES:
        for p in sorted((out / o).glob("*.jsonl")) if (out / o).is_dir() else []:
            got[o] += [json.loads(x) for x in p.read_text("utf-8").splitlines()]
    return got


def table_counts(stderr: str) -> dict[str, int]:
    """The outcome counts of the summary table on stderr."""
    return {o: int(m[1]) for o in OUTCOMES
            if (m := re.search(rf"^  {o}\s+(\d+)\s+\d+\.\d%", stderr, re.M))}


# -- one layout: a folder of pages as JSONL / Parquet ------------------------------------------


@pytest.fixture(scope="module")
def jsonl_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("pages-jsonl")
    expected = page_folder(root / "pages")
    out = root / "out"
    proc = cli("clean", "pages", "-o", "out", "--output-format", "jsonl", "--with-metadata",
               "-j", "1", cwd=root)
    return {"root": root, "out": out, "proc": proc, "expected": expected}


def test_page_folder_as_jsonl_has_one_layout_and_accounts_for_every_page(
    jsonl_run: dict[str, Any],
) -> None:
    out, proc = jsonl_run["out"], jsonl_run["proc"]
    assert proc.returncode == 1, proc.stderr  # one page failed: exit 1, the run went on
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*")
                   if p.is_file() and ".cleaner" not in p.parts)
    assert not [f for f in files if f.endswith(".txt")], files  # no mirrored text tree
    assert not (out / "report.jsonl").exists()  # the reports are in the records
    outcome_files = [f for f in files if f != "summary.json"]
    assert outcome_files and all(re.fullmatch(r"(kept|review|rejected|failed)/pages-00000"
                                              r"\.jsonl", f) for f in outcome_files), files
    rows = rows_of(out)
    placed = {r["id"]: o for o in OUTCOMES for r in rows[o]}
    assert sorted(placed) == sorted(jsonl_run["expected"])  # each page exactly once
    assert sum(len(r) for r in rows.values()) == 4
    for rel, fate in jsonl_run["expected"].items():
        if fate == "doc":
            assert placed[rel] in ("kept", "review"), rel
        else:
            assert placed[rel] == fate, rel
    cut = next(r for r in rows["failed"] if r["id"] == "d_cut.html.gz")
    assert cut["reason"] == "decode_error" and "decompress" in cut["error"]
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    docs = summary["documents"]
    assert docs["read"] == docs["in"] == sum(docs[o] for o in OUTCOMES) == 4
    assert summary["accounted"] is True
    for r in [r for o in ("kept", "review", "rejected") for r in rows[o]]:
        assert {"id", "text", "source", "added", "metadata"} <= set(r)
        assert r["metadata"]["cleaner"]["verdict"] in ("keep", "review", "reject")


def test_with_metadata_records_carry_title_date_sitename_url_and_a_redacted_author(
    jsonl_run: dict[str, Any],
) -> None:
    rows = rows_of(jsonl_run["out"])
    article = next(r for o in ("kept", "review") for r in rows[o]
                   if r["id"] == "a_article.html.gz")
    meta = article["metadata"]
    assert (meta["title"], meta["date"], meta["sitename"], meta["url"]) == (
        TITLE, DATE, SITENAME, URL)
    # the author is a byline: redacted as the text's policy redacts a labelled name
    assert meta["author"] == "[PERSON]"
    # the raw name is nowhere: not in a record, the summary, a file name or stderr
    out = jsonl_run["out"]
    for p in out.rglob("*"):
        assert AUTHOR not in p.name
        if p.is_file():
            assert AUTHOR.encode() not in p.read_bytes(), p
    assert AUTHOR.encode() not in jsonl_run["proc"].stderr
    blog = next(r for o in ("kept", "review") for r in rows[o] if r["id"] == "b_blog.html")
    assert blog["metadata"]["title"].startswith("Why Sourdough Starters Fail in Winter")


def test_the_html_report_of_a_page_folder_as_rows_covers_every_cleaned_page(
    jsonl_run: dict[str, Any],
) -> None:
    proc = cli("report", "out", "-o", "r.html", cwd=jsonl_run["root"])
    assert proc.returncode == 0, proc.stderr
    assert b"(3 documents," in proc.stderr  # kept, review and rejected rows; not the failed one


def test_the_report_in_a_record_is_compact_unless_full_report(
    jsonl_run: dict[str, Any], tmp_path: Path,
) -> None:
    compact = next(r for o in ("kept", "review") for r in rows_of(jsonl_run["out"])[o]
                   if r["id"] == "b_blog.html")["metadata"]["cleaner"]
    assert compact["compact"] is True
    assert {"verdict", "quality", "summary", "language"} <= set(compact)
    assert not {"findings", "blocks", "timings_ms"} & set(compact)
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "b_blog.html").write_bytes((PAGES / "en_blog_related.html").read_bytes())
    proc = cli("clean", "pages", "-o", "out", "--output-format", "jsonl", "--full-report",
               "-q", "-j", "1", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    full_row = next(r for o in ("kept", "review") for r in rows_of(tmp_path / "out")[o])
    full = full_row["metadata"]["cleaner"]
    assert "compact" not in full and "findings" in full and full["blocks"]
    assert full["verdict"] == compact["verdict"]
    assert full["summary"] == compact["summary"]


def test_page_folder_as_parquet_has_the_same_layout(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    expected = page_folder(tmp_path / "pages")
    proc = cli("clean", "pages", "-o", "out", "--output-format", "parquet", "-q", "-j", "1",
               cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    out = tmp_path / "out"
    assert not list(out.rglob("*.txt"))
    ids: Counter[str] = Counter()
    for o in ("kept", "review", "rejected"):
        for p in (out / o).glob("*") if (out / o).is_dir() else []:
            assert p.name == "pages-00000.parquet", p
            ids.update(pq.read_table(p).column("id").to_pylist())
    ids.update(r["id"] for r in rows_of(out)["failed"])  # failed rows stay JSONL, as ever
    assert ids == Counter(list(expected))


# -- stdout and stdin ---------------------------------------------------------------------------


def test_dash_o_streams_jsonl_records_to_stdout_and_makes_no_folder(tmp_path: Path) -> None:
    expected = page_folder(tmp_path / "pages")
    proc = cli("clean", "pages", "-o", "-", "-j", "1", cwd=tmp_path)
    assert proc.returncode == 1  # a page failed
    assert not (tmp_path / "-").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pages"]  # nothing written on disk
    lines = proc.stdout.decode("utf-8").splitlines()
    rows = [json.loads(x) for x in lines]  # stdout holds nothing but JSON records
    assert sorted(r["id"] for r in rows) == sorted(k for k, v in expected.items() if v == "doc")
    err = proc.stderr.decode("utf-8")
    assert "cleaner: failed: pages/d_cut.html.gz: decode_error: cannot decompress" in err
    counts = table_counts(err)
    assert counts["kept"] + counts["review"] == len(rows)
    assert (counts["rejected"], counts["failed"]) == (1, 1)
    assert sum(counts.values()) == len(expected)  # every page accounted for
    assert "output   stdout (kept and review records)" in err


def test_jsonl_on_stdin_is_read_as_records_not_as_one_page(tmp_path: Path) -> None:
    records = [
        {"id": "rec-1", "html": ARTICLE, "added": "2020-01-02T03:04:05Z",
         "source": "crawl-2020", "metadata": {"url": URL}},
        {"id": "rec-2", "text": (PAGES / "en_clean_control.txt").read_text("utf-8")},
        {"id": "rec-3"},  # no text: fails alone
    ]
    data = "".join(json.dumps(r) + "\n" for r in records).encode("utf-8")
    for stdin, label in ((data, "plain"), (gzip.compress(data, mtime=0), "gzip")):
        proc = cli("clean", "-", "-q", "-j", "1", cwd=tmp_path, stdin=stdin)
        assert proc.returncode == 1, (label, proc.stderr)  # rec-3 failed
        rows = {r["id"]: r for r in map(json.loads, proc.stdout.decode().splitlines())}
        assert sorted(rows) == ["rec-1", "rec-2"], label
        # a dolma record's own fields are kept: added, source; our time is metadata.cleaned
        assert rows["rec-1"]["added"] == "2020-01-02T03:04:05Z", label
        assert rows["rec-1"]["source"] == "crawl-2020"
        cleaned = rows["rec-1"]["metadata"]["cleaned"]
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", cleaned)
        assert rows["rec-1"]["added"] != rows["rec-1"]["metadata"]["cleaned"]
        assert b"cleaner: failed: -:3: missing_field" in proc.stderr


def test_a_page_on_stdin_is_still_one_page(tmp_path: Path) -> None:
    proc = cli("clean", "-", cwd=tmp_path, stdin=ARTICLE.encode("utf-8"))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode("utf-8").startswith(TITLE)  # clean text, not a JSON record


# -- compressed pages ------------------------------------------------------------------------------


def test_a_gzipped_page_named_directly_is_cleaned(tmp_path: Path) -> None:
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(ARTICLE.encode("utf-8")))
    proc = cli("clean", "page.html.gz", "--report", "r.json", "--with-metadata", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    text = proc.stdout.decode("utf-8")
    assert text.startswith(TITLE) and "harbour wall on Tuesday evening" in text
    report = json.loads((tmp_path / "r.json").read_text("utf-8"))
    assert report["input"]["format"] == "html"
    assert report["metadata"]["title"] == TITLE and report["metadata"]["author"] == "[PERSON]"


def test_a_folder_of_gzipped_pages_is_found(tmp_path: Path) -> None:
    (tmp_path / "html").mkdir()
    for i in range(2):
        (tmp_path / "html" / f"{i:04d}.html.gz").write_bytes(
            gzip.compress(ARTICLE.replace("paragraph", f"page {i} paragraph").encode("utf-8")))
    proc = cli("clean", "html", "-o", "out", "-q", "-j", "1", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    texts = sorted(p.relative_to(tmp_path / "out").as_posix()
                   for p in (tmp_path / "out").rglob("*.txt"))
    assert [t.split("/", 1)[1] for t in texts] == ["0000.html.gz.txt", "0001.html.gz.txt"]
    assert all(t.split("/")[0] in ("kept", "review") for t in texts)

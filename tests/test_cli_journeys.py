"""Command-line journeys as a user runs them (``cleaner`` in a subprocess): a rejected
page is signalled, batch-only options are refused for one page, ``-j`` defaults to the
CPU count, ``--format`` names the output, and a single page's report JSON becomes an
HTML report with its text view (``--with-view``) whose numbers are right."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import PAGES

LINKFARM = PAGES / "en_news_linkfarm.txt"
SHORT = "A Title\n\nThe first paragraph of a short page.\n\nThe second paragraph ends it."
HIDDEN_TEXT = "Hidden promotional text that nobody sees on the page. " * 40  # 2,160 chars
HIDDEN_PAGE = (
    "<html><head><title>Harbour</title></head><body><article><h1>Harbour Wall Approved</h1>"
    + "".join(f"<p>The council approved the harbour wall on Tuesday, paragraph {i}, after a "
              "long debate about the costs.</p>" for i in range(5))
    + f'<div style="display:none">{HIDDEN_TEXT}</div></article></body></html>'
)


def cli(*argv: str, cwd: Path | None = None, stdin: str | None = None
        ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "cleaner.cli", *argv], cwd=cwd, input=stdin,
                          capture_output=True, text=True, timeout=300)


# -- a single page ------------------------------------------------------------------------


def test_a_rejected_page_is_signalled_and_a_kept_one_is_quiet(tmp_path: Path) -> None:
    page = tmp_path / "short.txt"
    page.write_text(SHORT, "utf-8")
    proc = cli("clean", str(page))
    assert proc.returncode == 4, proc.stderr
    assert proc.stdout == SHORT + "\n", "the text is still printed"
    assert proc.stderr == f"cleaner: {page}: rejected: too_short: 14 words < min_words 50\n"
    kept = cli("clean", str(LINKFARM))
    assert (kept.returncode, kept.stderr) == (0, "")
    assert "hoping the new wall is finished before the first storm" in kept.stdout


@pytest.mark.parametrize(
    ("argv", "flags"),
    [
        pytest.param(["--resume"], "--resume", id="resume"),
        pytest.param(["-j", "4"], "-j/--jobs", id="jobs"),
        pytest.param(["--resume", "-j", "4"], "-j/--jobs, --resume", id="both"),
        pytest.param(["--engine", "dask"], "--engine", id="engine"),
    ],
)
def test_batch_only_options_are_refused_for_one_page(argv: list[str], flags: str) -> None:
    proc = cli("clean", str(LINKFARM), *argv)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr == (f"cleaner: error: {flags}: batch mode only (a folder, several inputs "
                           "or -o DIR); one page is cleaned in this process\n")


def test_old_content_format_flag_still_works_with_a_warning() -> None:
    proc = cli("clean", "-", "--format", "text", stdin="<b>kept as text</b> " * 40)
    assert proc.stdout.startswith("<b>kept as text</b>")
    assert proc.stderr.startswith("cleaner: warning: --format text is deprecated: use "
                                  "--content-format text (--format names the output format)\n")


# -- batch ----------------------------------------------------------------------------------


def _records(path: Path) -> None:
    rows = [{"id": f"r{i}", "text": (LINKFARM.read_text("utf-8") if i % 2 else SHORT)}
            for i in range(4)]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")


def test_jobs_defaults_to_the_cpu_count_and_format_names_the_output(tmp_path: Path) -> None:
    src = tmp_path / "records.jsonl"
    _records(src)
    out = tmp_path / "out"
    proc = cli("clean", str(src), "-o", str(out), "-q", "--format", "jsonl.gz")
    assert proc.returncode == 0, proc.stderr
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    assert summary["run"]["jobs"] == os.cpu_count()
    written = sorted(p.name for p in out.rglob("*.jsonl*") if p.name != "report.jsonl")
    assert written and all(name.endswith(".jsonl.gz") for name in written), written


# -- the HTML report of one page ------------------------------------------------------------


def _detail(markup: str, i: int = 0) -> dict[str, Any]:
    m = re.search(rf'<script type="application/json" id="d{i}">(.*?)</script>', markup, re.S)
    assert m, "no document detail in the page"
    return json.loads(m.group(1))


def test_single_page_report_json_with_view_becomes_a_text_view(tmp_path: Path) -> None:
    report = tmp_path / "page.json"
    proc = cli("clean", str(LINKFARM), "--report", str(report), "--with-view",
               "--url", "https://news.example.org/harbour-wall")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(report.read_text("utf-8"))
    assert data["view"]["blocks"], "--with-view puts the text view in the report JSON"
    html_path = tmp_path / "r.html"
    proc = cli("report", str(report), "-o", str(html_path))
    assert proc.returncode == 0, proc.stderr
    markup = html_path.read_text("utf-8")
    detail = _detail(markup)
    assert detail["view"]["blocks"] and detail["url"] == "https://news.example.org/harbour-wall"
    index = json.loads(re.search(r'id="cleaner-index">(.*?)</script>', markup, re.S).group(1))
    # the page's first line is its title: shown instead of the file name
    assert index[0]["title"] == LINKFARM.read_text("utf-8").split("\n", 1)[0]
    assert "include_view=True" not in markup, "the message names the CLI flag, not the library"


def test_without_a_view_the_report_points_to_the_cli_flag(tmp_path: Path) -> None:
    report = tmp_path / "page.json"
    assert cli("clean", str(LINKFARM), "--report", str(report)).returncode == 0
    html_path = tmp_path / "r.html"
    assert cli("report", str(report), "-o", str(html_path)).returncode == 0
    assert "cleaner clean --with-view" in html_path.read_text("utf-8")


def test_most_cut_share_counts_hidden_text_in_the_whole(tmp_path: Path) -> None:
    """Hidden-element characters over the extracted characters gave 410% here; over the
    text before cleaning (extracted + hidden) the share is at most 100%."""
    page = tmp_path / "hidden.html"
    page.write_text(HIDDEN_PAGE, "utf-8")
    html_path = tmp_path / "r.html"
    proc = cli("clean", str(page), "--html-report", str(html_path))
    assert proc.returncode == 0, proc.stderr
    markup = html_path.read_text("utf-8")
    table = markup[markup.index("<h3>Most cut</h3>"):]
    table = table[: table.index("</table>")]
    shares = [float(x) for x in re.findall(r"<td>([\d.]+)%</td>", table)]
    # 2,159 hidden characters against about 530 of article text: 75-85%, never over 100%
    assert len(shares) == 1 and 75.0 <= shares[0] <= 85.0, shares


# -- failed documents in the HTML report ---------------------------------------------------


def test_failed_documents_are_shown_in_the_batch_html_report(tmp_path: Path) -> None:
    """A run with a binary page, an invalid JSON line and a record without text: the
    HTML report (written by the run and by ``cleaner report``) lists each of the three
    with its file, line and reason, so every input is accounted for on the page."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(LINKFARM.read_text("utf-8"), "utf-8")
    (src / "blob.html").write_bytes(b"\x00\x01\x02\xff\xfe binary \x00" * 20)
    secret = "jane.roe@mailbox-example.net"
    (src / "recs.jsonl").write_text(
        json.dumps({"id": "r-ok", "text": LINKFARM.read_text("utf-8")}) + "\n"
        + "{not json\n" + json.dumps({"id": f"r-{secret}"}) + "\n", "utf-8")
    out = tmp_path / "out"
    proc = cli("clean", str(src), "-o", str(out), "-q", "-j", "1",
               "--html-report", str(tmp_path / "run.html"))
    assert proc.returncode == 1, proc.stderr
    proc = cli("report", str(out), "-o", str(tmp_path / "later.html"))
    assert proc.returncode == 0, proc.stderr
    assert "2 documents, 3 failed" in proc.stderr
    for name in ("run.html", "later.html"):
        page = (tmp_path / name).read_text("utf-8")
        assert '<h2 id="failed">Failed (3)</h2>' in page, name
        table = page.split('class="failed-docs"', 1)[1].split("</table>", 1)[0]
        rows = re.findall(r"<tr><td>(.*?)</td><td>(.*?)</td><td>(.*?)</td>", table)
        assert sorted((f.rsplit("/", 1)[-1], reason) for _, f, reason in rows) == [
            ("blob.html", "binary"), ("recs.jsonl:2", "invalid_json"),
            ("recs.jsonl:3", "missing_field")], rows
        assert secret not in page, "a failed record's id is masked"
        assert "<td>[EMAIL]</td>" in table

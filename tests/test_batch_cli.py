"""`cleaner clean` batch mode end to end: outputs, accounting, order, resume, limits, errors."""

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
from _batch_helpers import (
    BROKEN_LINES,
    assert_adds_up,
    build_tree,
    good_rows,
    output_rows,
    summary_of,
    temp_files,
    write_broken_jsonl,
    write_jsonl,
    write_parquet,
    write_truncated_gz,
    write_warc,
)

from cleaner.batch import BatchOptions, ReadOptions, RunOptions, discover, run_batch
from cleaner.batch.progress import Progress
from cleaner.batch.writers import AtomicFile
from cleaner.cli import main
from cleaner.config import DEFAULT_STAGES, CleanerConfig
from cleaner.pipeline import STAGES

ROOT = Path(__file__).resolve().parent.parent


# -- folders of pages -----------------------------------------------------------------


def test_folder_gives_mirrored_txt_tree_report_and_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], cleaner_default: Any
) -> None:
    rels = build_tree(tmp_path / "site")
    out = tmp_path / "out"
    assert main(["clean", str(tmp_path / "site"), "-o", str(out), "-j", "2"]) == 0
    err = capsys.readouterr().err
    assert err.splitlines()[0].startswith("cleaner: 5 documents (5 this run in ")
    reports = [json.loads(x) for x in (out / "report.jsonl").read_text("utf-8").splitlines()]
    assert [r["id"] for r in reports] == rels  # stable order: sorted input paths
    rejected = {r["id"] for r in output_rows(out)["rejected"]}
    for rel, report in zip(rels, reports, strict=True):
        expected = cleaner_default.clean((tmp_path / "site" / rel).read_bytes(), id=rel,
                                         format=rel).text
        places = [o for o in ("kept", "review") if (out / o / f"{rel}.txt").exists()]
        if rel in rejected:
            assert places == [] and report["verdict"] == "reject"
        else:
            assert places == [{"keep": "kept", "review": "review"}[report["verdict"]]]
            txt = (out / places[0] / f"{rel}.txt").read_text("utf-8")
            assert txt == expected + "\n"
    summary = summary_of(out)
    assert_adds_up(summary)
    assert summary["documents"]["in"] == 5
    assert summary["inputs"]["ignored_files"] == 1  # the .png is not a page
    assert sum(summary["languages"].values()) == 5
    assert temp_files(out) == []


# -- nothing lost ---------------------------------------------------------------------


WARC_IDS = ("<urn:uuid:1c2b3d4e-5678-4234-8876-abcdef012345>",
            "<urn:uuid:9f3e2a1b-0c4d-4e5f-a617-28394a5b6c7d>")


@pytest.fixture(scope="module")
def broken_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """One run over a corpus with every kind of broken record, shared by the checks below."""
    root = tmp_path_factory.mktemp("broken")
    corpus = root / "corpus"
    write_broken_jsonl(corpus / "a_broken.jsonl")
    write_truncated_gz(corpus / "b_cut.jsonl.gz")
    write_jsonl(corpus / "c_good.jsonl.gz", good_rows(4, "gz"))
    write_jsonl(corpus / "d_good.jsonl.zst", good_rows(3, "zst"))
    # fixed ids, one of them with the all-digit middle groups of a phone number: the
    # privacy mask once turned it into [PHONE] and its record's output row lost its id
    warc_ids = write_warc(corpus / "e_crawl.warc.gz", WARC_IDS)
    cut_ids = list(write_warc(corpus / "e_cut.warc.gz"))
    blob = (corpus / "e_cut.warc.gz").read_bytes()
    (corpus / "e_cut.warc.gz").write_bytes(blob[: len(blob) * 6 // 10])  # 2nd response cut
    (corpus / "f_page.txt").write_text("A short page.\n\nWith a few words only.", "utf-8")
    (corpus / "g_junk.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    out = root / "out"
    proc = subprocess.run(
        [sys.executable, "-m", "cleaner.cli", "clean", str(corpus), "-o", str(out), "-j", "2"],
        capture_output=True, text=True, cwd=root,
    )
    return {"corpus": corpus, "out": out, "proc": proc, "warc_ids": warc_ids,
            "cut_ids": cut_ids}


def test_broken_corpus_exits_1_and_every_record_lands_once(broken_run: dict[str, Any]) -> None:
    out, proc = broken_run["out"], broken_run["proc"]
    assert proc.returncode == 1, proc.stderr
    rows = output_rows(out)
    summary = summary_of(out)
    assert_adds_up(summary)
    jsonl_outcomes = {o: len(r) for o, r in rows.items()}
    # pages are counted by their report lines: kept/review pages are .txt files
    pages = [json.loads(x) for x in (out / "report.jsonl").read_text("utf-8").splitlines()]
    page_kept = sum(1 for p in pages if p["verdict"] != "reject")
    assert sum(jsonl_outcomes.values()) + page_kept == summary["documents"]["in"]
    for outcome in ("failed", "rejected"):
        assert jsonl_outcomes[outcome] == summary["documents"][outcome]
    # every id we put in appears exactly once
    ids = Counter(r.get("id") for rs in rows.values() for r in rs if r.get("id"))
    ids.update(p["id"] for p in pages if p["verdict"] != "reject")
    wanted = [rid for line, _, rid in BROKEN_LINES if rid]
    wanted += [f"gz-{i}" for i in range(4)] + [f"zst-{i}" for i in range(3)]
    wanted += [*broken_run["warc_ids"], *broken_run["cut_ids"], "f_page.txt", "g_junk.html"]
    for rid in wanted:
        assert ids[rid] == 1, rid


def test_failed_records_say_where_and_why(broken_run: dict[str, Any]) -> None:
    failed = output_rows(broken_run["out"])["failed"]
    reasons = Counter(r["reason"] for r in failed)
    expected = Counter(reason for _, reason, _ in BROKEN_LINES if reason)
    expected.update({"truncated": 2, "binary": 1})  # the .gz and the WARC cut short
    assert reasons == expected
    assert summary_of(broken_run["out"])["failed_reasons"] == dict(reasons.most_common())
    for r in failed:
        assert set(r) >= {"source_file", "id", "reason", "error"}
        if r["source_file"].endswith((".jsonl", ".jsonl.gz")):
            assert isinstance(r["line"], int) and r["line"] >= 1
        elif r["source_file"].endswith(".warc.gz"):
            assert isinstance(r["offset"], int)
    cut = next(r for r in failed if r["source_file"].endswith("e_cut.warc.gz"))
    assert (cut["reason"], cut["id"]) == ("truncated", broken_run["cut_ids"][1])
    assert cut["offset"] > 0 and "bytes missing" in cut["error"]
    junk = next(r for r in failed if r["reason"] == "decode_error")
    assert (junk["source_file"], junk["line"]) == (
        str(broken_run["corpus"] / "a_broken.jsonl"), 4
    )


def test_record_outputs_have_the_dolma_shape(broken_run: dict[str, Any]) -> None:
    rows = output_rows(broken_run["out"])
    docs = [r for o in ("kept", "review", "rejected") for r in rows[o]]
    assert docs
    for r in docs:
        assert {"id", "text", "source", "added", "metadata"} <= set(r)
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", r["added"])
        meta = r["metadata"]
        assert {"url", "language", "cleaner"} <= set(meta)
        assert meta["cleaner"]["schema"] == "cleaner.report/1"
    by_id = {r["id"]: r for r in docs}
    assert by_id["gz-0"]["source"] == "fixture"  # the input's own source is kept
    assert by_id["gz-0"]["metadata"]["crawl"] == "test"  # and its metadata
    warc_doc = by_id[next(iter(broken_run["warc_ids"]))]
    assert warc_doc["source"] == "e_crawl.warc.gz"
    assert warc_doc["metadata"]["url"] == broken_run["warc_ids"][warc_doc["id"]]
    for r in rows["rejected"]:
        assert r["reasons"]


def test_summary_table_on_stderr(broken_run: dict[str, Any]) -> None:
    summary = summary_of(broken_run["out"])
    table = broken_run["proc"].stderr
    docs = summary["documents"]
    for outcome in ("kept", "review", "rejected", "failed"):
        assert re.search(rf"^  {outcome}\s+{docs[outcome]}\s+\d+\.\d%", table, re.M), outcome
    assert "not documents (skipped) warc_not_html 1, warc_request 4" in table
    assert f"languages {next(iter(summary['languages']))}" in table


# -- order, formats, stdin --------------------------------------------------------------


def test_output_order_is_the_same_with_one_and_two_jobs(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in" / "s.jsonl", good_rows(10))
    results = {}
    for jobs in (1, 2):
        out = tmp_path / f"out{jobs}"
        assert main(["clean", str(src), "-o", str(out), "-j", str(jobs), "-q"]) == 0
        rows = output_rows(out)
        results[jobs] = {o: [(r["id"], r["text"]) for r in rs] for o, rs in rows.items()}
    assert results[1] == results[2]
    ids = [i for rs in results[1].values() for i, _ in rs]
    assert sorted(ids) == sorted(f"doc-{i}" for i in range(10))
    for rs in results[1].values():
        assert [i for i, _ in rs] == sorted((i for i, _ in rs), key=lambda s: int(s[4:]))


def test_stdin_jsonl_to_gzip_output(tmp_path: Path) -> None:
    sample = ROOT / "fixtures" / "corpus" / "sample.jsonl"
    out = tmp_path / "o"
    proc = subprocess.run(
        [sys.executable, "-m", "cleaner.cli", "clean", "-", "-o", str(out),
         "--output-format", "jsonl.gz", "-q"],
        input=sample.read_bytes(), capture_output=True, cwd=tmp_path,
    )
    assert proc.returncode == 1, proc.stderr  # two broken lines in the sample
    assert proc.stderr == b""  # --quiet
    rows = output_rows(out)
    assert [(r["line"], r["reason"]) for r in rows["failed"]] == [
        (2, "invalid_json"), (5, "missing_field")
    ]
    assert (out / "failed" / "stdin.jsonl").is_file()  # failed records stay plain JSONL
    docs = sorted(r["id"] for o in ("kept", "review", "rejected") for r in rows[o])
    assert docs == ["sample-fr", "sample-html", "sample-linkfarm"]
    assert all(p.name == "stdin.jsonl.gz" for o in ("kept", "review", "rejected")
               if (out / o).exists() for p in (out / o).iterdir())


def test_parquet_in_parquet_out(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    src = write_parquet(tmp_path / "in" / "t.parquet", good_rows(4, "pq"))
    out = tmp_path / "out"
    assert main(["clean", str(src), "-o", str(out), "--output-format", "parquet", "-q"]) == 0
    ids = []
    for p in sorted(out.rglob("*.parquet")):
        table = pq.read_table(p)
        assert table.column_names == ["id", "text", "source", "added", "created", "metadata"]
        for row in table.to_pylist():
            ids.append(row["id"])
            assert json.loads(row["metadata"])["url"].startswith("https://example.org/pq/")
    assert sorted(ids) == [f"pq-{i}" for i in range(4)]
    assert summary_of(out)["output"]["format"] == "parquet"


# -- usage errors: exact text, exit 2 ---------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        pytest.param(["clean", "{dir}"], "cleaner: error: batch mode (several inputs, a folder, "
                     "a glob or a record file) needs -o DIR (or -o - for JSONL on stdout)\n",
                     id="batch needs -o"),
        pytest.param(["clean", "{dir}", "-o", "{out}", "--report", "r.json"],
                     "cleaner: error: --report is for a single page; in batch mode reports go "
                     "to DIR\n", id="--report is single-page only"),
        pytest.param(["clean", "{dir}", "-o", "{out}", "--scheduler", "tcp://x:1"],
                     "cleaner: error: --scheduler needs --engine dask\n",
                     id="scheduler without dask"),
        pytest.param(["clean", "{dir}/nope-*.jsonl", "-o", "{out}"],
                     "cleaner: error: no input matches {dir}/nope-*.jsonl\n", id="empty glob"),
        pytest.param(["clean", "{dir}/a.txt", "{dir}/missing.jsonl", "-o", "{out}"],
                     "cleaner: error: no such file: {dir}/missing.jsonl\n", id="missing input"),
        pytest.param(["clean", "{dir}", "-o", "{dir}/a.txt"],
                     "cleaner: error: output {dir}/a.txt exists and is not a directory\n",
                     id="output is a file"),
    ],
)
def test_usage_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    (tmp_path / "a.txt").write_text("Some text.", "utf-8")
    fill = {"dir": str(tmp_path), "out": str(tmp_path / "out")}
    assert main([a.format(**fill) for a in argv]) == 2
    assert capsys.readouterr().err == message.format(**fill)


def test_bad_jobs_value_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["clean", "x", "-o", "y", "--jobs", "0"])
    assert info.value.code == 2
    assert capsys.readouterr().err.endswith(
        "cleaner clean: error: argument -j/--jobs: must be at least 1, not 0\n"
    )


# -- resume and atomic outputs ----------------------------------------------------------


def test_resume_skips_completed_units_and_refuses_to_mix_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus"
    write_jsonl(corpus / "a.jsonl", good_rows(3, "a"))
    write_jsonl(corpus / "b.jsonl", good_rows(2, "b"))
    out = tmp_path / "out"
    assert main(["clean", str(corpus), "-o", str(out), "-q"]) == 0
    first = summary_of(out)
    before = {p: p.read_bytes() for p in (out / "kept").rglob("a.jsonl")}
    # simulate a crash while unit b was being written: its marker and outputs are gone,
    # a temp file is left behind
    for p in out.rglob("b.json*"):
        p.unlink()
    (out / "kept" / ".b.jsonl.tmp-99999").write_bytes(b'{"id": "half')
    assert main(["clean", str(corpus), "-o", str(out), "-q"]) == 2
    assert capsys.readouterr().err == (
        f"cleaner: error: {out} holds the outputs of an earlier run: add --resume to continue "
        "it, or choose another directory\n"
    )
    assert main(["clean", str(corpus), "-o", str(out), "-q", "--resume"]) == 0
    second = summary_of(out)
    assert second["units"] == {"total": 2, "resumed": 1, "run": 1}
    assert second["run"]["documents"] == 2
    assert second["documents"] == first["documents"]
    assert temp_files(out) == []
    assert {p: p.read_bytes() for p in (out / "kept").rglob("a.jsonl")} == before
    assert sorted(r["id"] for rs in output_rows(out).values() for r in rs) == [
        "a-0", "a-1", "a-2", "b-0", "b-1"
    ]


def test_output_inside_the_input_folder_is_not_read_back(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "a.jsonl", good_rows(2, "in"))
    out = tmp_path / "out"
    assert main(["clean", str(tmp_path), "-o", str(out), "-q"]) == 0
    assert main(["clean", str(tmp_path), "-o", str(out), "-q", "--resume"]) == 0
    summary = summary_of(out)
    assert summary["documents"]["in"] == 2
    assert summary["units"] == {"total": 1, "resumed": 1, "run": 0}
    assert summary["inputs"]["files"] == 1  # the output folder is not even walked


def test_resume_redoes_a_unit_whose_input_changed(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_jsonl(corpus / "a.jsonl", good_rows(2, "a"))
    out = tmp_path / "out"
    assert main(["clean", str(corpus), "-o", str(out), "-q"]) == 0
    write_jsonl(corpus / "a.jsonl", good_rows(3, "a"))
    assert main(["clean", str(corpus), "-o", str(out), "-q", "--resume"]) == 0
    assert summary_of(out)["units"]["resumed"] == 0
    assert summary_of(out)["documents"]["in"] == 3


def test_atomic_file_appears_only_on_commit(tmp_path: Path) -> None:
    target = tmp_path / "d" / "x.jsonl"
    f = AtomicFile(target)
    f.write(b"partial")
    assert not target.exists()
    f.abort()
    assert list((tmp_path / "d").iterdir()) == []
    g = AtomicFile(target, compress=True)
    g.write(b"whole\n")
    g.commit()
    assert gzip.decompress(target.read_bytes()) == b"whole\n"
    assert temp_files(tmp_path) == []


def test_interrupt_leaves_no_complete_looking_file(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_jsonl(corpus / "a.jsonl", good_rows(3, "a"))

    def exploding(*args: Any, **kwargs: Any) -> Any:
        yield from original(*args, **kwargs)
        raise KeyboardInterrupt

    import cleaner.batch.run as run_mod

    original = run_mod.read_unit
    files, _ = discover([str(corpus)], ReadOptions())
    out = tmp_path / "out"
    run_mod.read_unit = exploding  # type: ignore[assignment]
    try:
        with pytest.raises(KeyboardInterrupt):
            run_batch(files, CleanerConfig(), BatchOptions(out_dir=out, quiet=True))
    finally:
        run_mod.read_unit = original
    # nothing that looks like output: only the lock and the summary saying it was interrupted
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == [
        ".cleaner/lock", "summary.json"]
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    assert summary["status"] == "interrupted" and summary["documents"]["in"] == 0


# -- per-document time limit ------------------------------------------------------------


@pytest.mark.parametrize(
    ("stage", "restarts"),
    [
        pytest.param("SlowStage", 0, id="soft limit interrupts python code"),
        pytest.param("StubbornStage", 1, id="hard limit kills a stuck worker"),
    ],
)
def test_time_limit_fails_the_document_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stage: str, restarts: int
) -> None:
    monkeypatch.setitem(STAGES, "slow_for_tests", f"_batch_helpers:{stage}")
    config = CleanerConfig(stages=(*DEFAULT_STAGES[:-1], "slow_for_tests", DEFAULT_STAGES[-1]))
    rows = good_rows(3, "t")
    rows[1] = {"id": "stall", "text": "STALL-ME " + rows[0]["text"]}
    corpus = tmp_path / "c"
    write_jsonl(corpus / "t.jsonl", rows)
    files, _ = discover([str(corpus)], ReadOptions())
    out = tmp_path / "out"
    result = run_batch(files, config,
                       BatchOptions(out_dir=out, quiet=True, run=RunOptions(time_limit=0.5),
                                    jobs=2))
    failed = output_rows(out)["failed"]
    assert [(r["id"], r["reason"], r["line"]) for r in failed] == [("stall", "time_limit", 2)]
    assert result.summary["run"]["worker_restarts"] == restarts
    assert result.summary["run"]["elapsed_s"] < 30
    assert_adds_up(result.summary)
    assert result.failed == 1


# -- progress -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("total", "interactive", "pattern"),
    [
        pytest.param(10, False, r"cleaner: 4/10 documents, 40%, [\d.]+ docs/s, 1 failed, "
                     r"ETA \d+:\d\d:\d\d\n", id="log line with ETA when total known"),
        pytest.param(None, False, r"cleaner: 4 documents, [\d.]+ docs/s, 1 failed, "
                     r"elapsed \d+:\d\d:\d\d\n", id="log line without total"),
        pytest.param(10, True, r"\r\x1b\[Kcleaner: 4/10 documents, 40%.*", id="tty bar redraws"),
    ],
)
def test_progress_lines(total: int | None, interactive: bool, pattern: str) -> None:
    import io

    stream = io.StringIO()
    p = Progress(stream, total=total, interactive=interactive, interval=3600.0)
    p.update(1, 0)  # the first document: the rate is measured from here (not printed)
    p.update(4, 1, force=True)
    assert re.fullmatch(pattern, stream.getvalue(), re.S)
    quiet = io.StringIO()
    q = Progress(quiet, total=total, quiet=True, interactive=interactive)
    q.update(4, 1, force=True)
    q.close()
    assert quiet.getvalue() == ""


def test_single_file_mode_is_unchanged(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "p.txt"
    page.write_text("A Title\n\nOne paragraph here.", "utf-8")
    assert main(["clean", str(page)]) == 4  # printed, and rejected (too short)
    assert capsys.readouterr().out == "A Title\n\nOne paragraph here.\n"


# -- configuration and optional dependencies ---------------------------------------------


def test_config_file_applies_to_batch_runs(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_jsonl(corpus / "a.jsonl", good_rows(2, "cfg"))
    cfg = tmp_path / "strict.toml"
    cfg.write_text("[quality]\nmin_words = 100000\nreview_words = 100001\n", "utf-8")
    out = tmp_path / "out"
    assert main(["clean", str(corpus), "-o", str(out), "-q", "--config", str(cfg)]) == 0
    summary = summary_of(out)
    assert summary["documents"]["rejected"] == 2
    assert summary["rejected_reasons"] == {"too_short": 2}
    assert summary["config"]["quality"]["min_words"] == 100000


@pytest.mark.parametrize(
    ("argv", "module", "message"),
    [
        pytest.param(["--output-format", "parquet"], "pyarrow",
                     "this feature needs 'pyarrow': install it with "
                     "`pip install 'scrape-cleaner[parquet]'`",
                     id="parquet output without pyarrow"),
        pytest.param(["--engine", "dask"], "distributed",
                     "this feature needs 'dask[distributed]': install it with "
                     "`pip install 'scrape-cleaner[dask]'`", id="dask engine without dask"),
    ],
)
def test_missing_optional_dependency_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    argv: list[str], module: str, message: str,
) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == module else real(name, *a))
    write_jsonl(tmp_path / "a.jsonl", good_rows(1))
    assert main(["clean", str(tmp_path / "a.jsonl"), "-o", str(tmp_path / "o"), *argv]) == 2
    assert capsys.readouterr().err == f"cleaner: error: {message}\n"


@pytest.mark.parametrize(
    "in_thread",
    [
        pytest.param(False, id="main thread: SIGALRM"),
        pytest.param(True, id="worker thread (dask): async exception from a watchdog"),
    ],
)
def test_time_limit_interrupts_python_code(in_thread: bool) -> None:
    import threading
    import time as _time

    from cleaner.batch.process import DocumentTimeout, time_limit

    outcome: list[str] = []

    def body() -> None:
        t0 = _time.monotonic()
        try:
            with time_limit(0.2):
                while _time.monotonic() - t0 < 10:
                    sum(range(1000))
            outcome.append("finished")
        except DocumentTimeout:
            outcome.append(f"timeout after {_time.monotonic() - t0:.1f}s")
        with time_limit(0.2):  # a fast block under a limit is untouched
            outcome.append("fast")
        _time.sleep(0.4)  # and no late exception fires after the block
        outcome.append("after")

    if in_thread:
        th = threading.Thread(target=body)
        th.start()
        th.join()
    else:
        body()
    assert outcome[0].startswith("timeout after 0.") and outcome[1:] == ["fast", "after"]


def test_html_report_covers_every_document_of_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Batch --html-report: one page over the whole run, each document with its view;
    the views also land in report.jsonl (the option asks for them)."""
    rels = build_tree(tmp_path / "site")
    out, page = tmp_path / "out", tmp_path / "report.html"
    assert main(["clean", str(tmp_path / "site"), "-o", str(out), "-q",
                 "--html-report", str(page)]) == 0
    assert capsys.readouterr().err == f"cleaner: HTML report {page} (5 documents)\n"
    reports = [json.loads(x) for x in (out / "report.jsonl").read_text("utf-8").splitlines()]
    assert [r["id"] for r in reports] == rels
    assert all("view" in r for r in reports)
    markup = page.read_text("utf-8")
    assert markup.count('"view"') == len(rels)
    for rel in rels:
        assert json.dumps(rel)[1:-1] in markup


def test_first_eta_ignores_the_engine_start(monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers load their engines for 10 s, then clean 10 documents a second: the first
    ETA for 1,000 documents is about 99 s (it was 989 s: the start-up counted as work)."""
    import io

    clock = [100.0]
    monkeypatch.setattr("cleaner.batch.progress.time.monotonic", lambda: clock[0])
    stream = io.StringIO()
    p = Progress(stream, total=1000, interactive=False, interval=0.0)
    clock[0] += 10.0
    p.update(1, 0)  # the first document finishes when the engines are loaded
    assert "ETA" not in stream.getvalue(), "no estimate from a single point"
    clock[0] += 1.0
    p.update(11, 0)
    eta = re.search(r"ETA (\d+):(\d\d):(\d\d)", stream.getvalue().splitlines()[-1])
    assert eta, stream.getvalue()
    seconds = int(eta[1]) * 3600 + int(eta[2]) * 60 + int(eta[3])
    assert 90 <= seconds <= 110, seconds

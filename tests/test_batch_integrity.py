"""Batch runs that once lost documents silently (exit 0, ``"accounted": true``), and the
exit codes: each test plants the condition and checks what every document became."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from _batch_helpers import good_rows, output_rows, page, summary_of, write_jsonl

from cleaner.cli import main

GOOD = page("en_clean_control.txt")


def _ids(out: Path) -> dict[str, list[str]]:
    return {o: sorted(str(r["id"]) for r in rows) for o, rows in output_rows(out).items()}


def test_second_run_into_a_locked_output_refuses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two concurrent runs into one -o lost the second run's records; now it refuses."""
    import fcntl

    write_jsonl(tmp_path / "in" / "a.jsonl", good_rows(1))
    out = tmp_path / "out"
    (out / ".cleaner").mkdir(parents=True)
    with open(out / ".cleaner" / "lock", "w") as held:  # a run in progress holds it
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        held.write("4242")
        held.flush()
        assert main(["clean", str(tmp_path / "in"), "-o", str(out), "-q"]) == 3
    err = capsys.readouterr().err
    assert err == (f"cleaner: error: another cleaner run (pid 4242) is writing into {out}: "
                   "wait for it to finish, or choose another output folder\n")
    assert not (out / "summary.json").exists()
    # released: the same command runs
    assert main(["clean", str(tmp_path / "in"), "-o", str(out), "-q"]) == 0


def test_resume_redoes_an_input_changed_with_the_same_size_and_mtime(tmp_path: Path) -> None:
    src = tmp_path / "in" / "a.jsonl"
    write_jsonl(src, [{"id": "one", "text": GOOD}])
    out = tmp_path / "out"
    assert main(["clean", str(src.parent), "-o", str(out), "-q"]) == 0
    st = src.stat()
    data = src.read_bytes().replace(b'"one"', b'"two"')  # same length
    src.write_bytes(data)
    os.utime(src, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert src.stat().st_size == st.st_size and src.stat().st_mtime_ns == st.st_mtime_ns
    assert main(["clean", str(src.parent), "-o", str(out), "-q", "--resume"]) == 0
    assert summary_of(out)["units"]["resumed"] == 0
    assert _ids(out)["kept"] == ["two"]


def test_resume_removes_the_outputs_of_a_deleted_input(tmp_path: Path) -> None:
    inp = tmp_path / "in"
    write_jsonl(inp / "a.jsonl", [{"id": "a", "text": GOOD}])
    write_jsonl(inp / "b.jsonl", [{"id": "b", "text": GOOD}])
    (inp / "p").mkdir()
    (inp / "p" / "gone.txt").write_text(GOOD, "utf-8")
    (inp / "p" / "stays.txt").write_text(GOOD, "utf-8")
    out = tmp_path / "out"
    assert main(["clean", str(inp), "-o", str(out), "-q"]) == 0
    assert (out / "kept" / "p" / "gone.txt.txt").exists()
    (inp / "b.jsonl").unlink()
    (inp / "p" / "gone.txt").unlink()
    assert main(["clean", str(inp), "-o", str(out), "-q", "--resume"]) == 0
    assert _ids(out)["kept"] == ["a"]
    assert not (out / "kept" / "p" / "gone.txt.txt").exists()
    assert (out / "kept" / "p" / "stays.txt.txt").exists()
    assert summary_of(out)["documents"]["in"] == 2 and summary_of(out)["accounted"]


def test_a_glob_with_dotdot_writes_inside_the_output(tmp_path: Path) -> None:
    (tmp_path / "in" / "a" / "b" / "sub").mkdir(parents=True)
    (tmp_path / "secret").mkdir()
    (tmp_path / "secret" / "page.txt").write_text(GOOD, "utf-8")
    out = tmp_path / "out"
    # the fixed prefix is in/a/b: the match is ../../../secret/page.txt below it
    pattern = str(tmp_path / "in" / "a" / "b" / "s*" / ".." / ".." / ".." / ".." / "secret"
                  / "*.txt")
    assert main(["clean", pattern, "-o", str(out), "-q"]) == 0
    written = [p for p in tmp_path.rglob("*.txt.txt")]
    assert written and all(out in p.parents for p in written), written


def test_output_inside_the_only_input_folder_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "in" / "out").mkdir(parents=True)
    (tmp_path / "in" / "out" / "old.txt").write_text(GOOD, "utf-8")
    code = main(["clean", str(tmp_path / "in"), "-o", str(tmp_path / "in" / "out"), "-q"])
    assert code == 2
    assert "it is inside the input folder" in capsys.readouterr().err


def test_worker_dying_at_start_is_an_environment_failure(tmp_path: Path) -> None:
    """It exited 2 as if the command line were wrong; 3 says: the machine, not you."""
    write_jsonl(tmp_path / "in" / "a.jsonl", good_rows(1))
    script = (
        "import os, sys\n"
        "import cleaner.batch.local as local\n"
        "def die(*a, **k):\n"
        "    os._exit(9)\n"
        "local.Processor = die\n"
        "from cleaner.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, "clean", str(tmp_path / "in"), "-o",
         str(tmp_path / "out"), "-q"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 3, done.stderr
    assert "a worker process died while starting" in done.stderr
    summary: dict[str, Any] = json.loads((tmp_path / "out" / "summary.json").read_text())
    assert summary["status"].startswith("stopped")


def test_help_documents_the_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["clean", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "3 output or environment failure" in text
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text("utf-8")
    assert "3 output or environment failure" in " ".join(readme.split())



@pytest.mark.parametrize(
    "fmt",
    [pytest.param("jsonl", id="JSONL shards: only the 2 page files were covered"),
     pytest.param("parquet", id="Parquet shards: the report failed")],
)
def test_html_report_covers_every_document_of_a_batch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    pytest.importorskip("pyarrow")
    inp = tmp_path / "in"
    write_jsonl(inp / "records.jsonl", [{"id": f"r{i}", "text": GOOD} for i in range(3)])
    (inp / "p1.txt").write_text(GOOD, "utf-8")
    (inp / "p2.txt").write_text("Too short.", "utf-8")  # rejected: its row and its report
    html = tmp_path / "report.html"
    code = main(["clean", str(inp), "-o", str(tmp_path / "out"), "-q", "--output-format", fmt,
                 "--html-report", str(html)])
    assert code == 0
    assert "(5 documents)" in capsys.readouterr().err
    body = html.read_text("utf-8")
    assert all(f"r{i}" in body for i in range(3)) and "p1.txt" in body and "p2.txt" in body


def test_report_command_skips_a_deeply_nested_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from cleaner import clean

    good = json.dumps(clean(GOOD).report.to_dict())
    src = tmp_path / "reports.jsonl"
    src.write_text("[" * 100_000 + "]" * 100_000 + "\n" + good + "\n", "utf-8")
    assert main(["report", str(src), "-o", str(tmp_path / "r.html")]) == 0
    assert "(1 documents" in capsys.readouterr().err


def test_single_page_report_masks_url_and_file_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--url and the file name went raw into the --report JSON and the HTML report."""
    page_file = tmp_path / "from-ola.nordmann@example.no.txt"
    page_file.write_text(GOOD, "utf-8")
    html = tmp_path / "r.html"
    code = main(["clean", str(page_file), "--url", "https://x.example/?email=ola.n%40example.no",
                 "--report", "-", "--html-report", str(html)])
    assert code == 0
    out, err = capsys.readouterr()
    report = json.loads(out)
    assert report["id"] == "[EMAIL].txt"
    assert report["url"] == "https://x.example/?email=[EMAIL]"
    for text in (out, err, html.read_text("utf-8")):
        assert "nordmann" not in text and "ola.n" not in text


def test_summary_does_not_copy_allow_listed_values(tmp_path: Path) -> None:
    """summary.json records the config: an allow-listed e-mail in it must be masked."""
    planted = "planted.person@mailbox-example.org"
    cfg = tmp_path / "cfg.json"
    cfg.write_text(json.dumps({"pii": {"allow": [planted]}}), "utf-8")
    src = tmp_path / "in" / "a.jsonl"
    write_jsonl(src, [{"id": "one", "text": GOOD}])
    out = tmp_path / "out"
    assert main(["clean", str(src.parent), "-o", str(out), "-q", "--config", str(cfg)]) == 0
    text = (out / "summary.json").read_text("utf-8")
    assert planted not in text
    assert summary_of(out)["config"]["pii"]["allow"] == ["[EMAIL]"]

"""`cleaner clean FILE|-` (single page): exact outputs and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cleaner import __version__
from cleaner.cli import main

PAGE = "A Title\n\nThe first paragraph of a short page.\n\nThe second paragraph ends it."
#: PAGE is under min_words: cleaned, printed, and signalled as rejected (exit 4, stderr)
REJECTED = "cleaner: {}: rejected: too_short: 14 words < min_words 50\n"


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out == f"cleaner {__version__}\n"


def test_no_command_prints_help_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "usage: cleaner" in capsys.readouterr().err


def test_clean_file_prints_text_and_writes_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    report = tmp_path / "r.json"
    assert main(["clean", str(page), "--report", str(report)]) == 4
    captured = capsys.readouterr()
    assert captured.out == PAGE + "\n"
    assert captured.err == REJECTED.format(page)
    data = json.loads(report.read_text("utf-8"))
    assert data["schema"] == "cleaner.report/1"
    assert data["id"] == "page.txt"


def test_report_to_stdout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    assert main(["clean", str(page), "--report", "-"]) == 4
    assert json.loads(capsys.readouterr().out)["input"]["format"] == "text"


def test_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", "does-not-exist.html"]) == 2
    assert capsys.readouterr().err == "cleaner: error: no such file: does-not-exist.html\n"


def test_bad_config_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "p.txt"
    page.write_text(PAGE, encoding="utf-8")
    cfg = tmp_path / "c.toml"
    cfg.write_text("[quality]\nmin_wordz = 1\n", encoding="utf-8")
    assert main(["clean", str(page), "--config", str(cfg)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("cleaner: error: unknown config name 'quality.min_wordz'")


def test_binary_input_exits_1_with_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "img.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    assert main(["clean", str(f)]) == 1
    assert capsys.readouterr().err == (
        f"cleaner: {f}: input looks binary, not text or HTML (binary)\n"
    )


def test_stdin_via_console_script() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "cleaner.cli", "clean", "-", "--content-format", "text"],
        input=PAGE.encode(), capture_output=True,
    )
    assert out.stdout.decode() == PAGE + "\n"
    assert (out.returncode, out.stderr.decode()) == (4, REJECTED.format("-"))


def test_html_report_for_one_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--html-report writes the offline page with the document's view (what was cut)."""
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    out = tmp_path / "r" / "page.html"
    assert main(["clean", str(page), "--html-report", str(out)]) == 4
    captured = capsys.readouterr()
    assert captured.out == PAGE + "\n"
    assert captured.err == f"cleaner: HTML report {out} (1 documents)\n" + REJECTED.format(page)
    markup = out.read_text("utf-8")
    assert markup.startswith("<!DOCTYPE html>")
    assert markup.count('"view"') == 1
    assert "The second paragraph ends it." in markup

"""``cleaner check`` as a CI user runs it (a subprocess): a folder is checked recursively,
and ``--format json|sarif|github`` gives the same findings machine-readably, never the
matched values."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES

CHECK = FIXTURES / "check"
LINE = re.compile(r"^(?P<path>\S+):(?P<line>\d+):(?P<col>\d+): (?P<cat>[A-Z_]+) .* "
                  r"\((?P<rule>[\w-]+)\)$")
SECRETS = ("corwin.halloway@mailbox-example.net", "challoway82")


def _places(found: set[tuple[str, int, int, str]]) -> set[tuple[str, int, int]]:
    """Where the findings are. (The rule is left out: which of two equally scored PII
    recognizers names a street address differs between processes.)"""
    return {(p, line, col) for p, line, col, _ in found}


def cli(*argv: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "cleaner.cli", "check", *argv], cwd=cwd,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """docs/ with a nested flagged file, a clean file, a hidden folder and a PDF."""
    root = tmp_path_factory.mktemp("checkrepo")
    (root / "docs" / "sub" / "deeper").mkdir(parents=True)
    (root / "docs" / ".cache").mkdir()
    shutil.copy(CHECK / "author_card.txt", root / "docs" / "sub" / "deeper" / "card.txt")
    shutil.copy(CHECK / "clean_article.txt", root / "docs" / "clean.txt")
    shutil.copy(CHECK / "author_card.txt", root / "docs" / ".cache" / "ignored.txt")
    (root / "docs" / "notes.pdf").write_bytes(b"%PDF-1.4")
    (root / "empty").mkdir()
    return root


@pytest.fixture(scope="module")
def text_findings(docs: Path) -> set[tuple[str, int, int, str]]:
    proc = cli("docs", cwd=docs)
    assert proc.returncode == 1, proc.stderr
    found = {(m["path"], int(m["line"]), int(m["col"]), m["rule"])
             for m in map(LINE.match, proc.stdout.splitlines()) if m}
    assert len(found) == len(proc.stdout.splitlines()), proc.stdout
    return found


def test_a_folder_is_checked_recursively(text_findings: set[tuple[str, int, int, str]]) -> None:
    paths = {p for p, *_ in text_findings}
    assert paths == {"docs/sub/deeper/card.txt"}, "nested file found; hidden folder skipped"
    assert len(text_findings) >= 2, "the author card and its e-mail address"


def test_an_empty_folder_is_a_usage_error(docs: Path) -> None:
    proc = cli("empty", cwd=docs)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr == "cleaner: error: empty: no corpus files in this folder\n"


def test_json_output(docs: Path, text_findings: set[tuple[str, int, int, str]]) -> None:
    proc = cli("docs", "--format", "json", cwd=docs)
    assert proc.returncode == 1, proc.stderr
    data = json.loads(proc.stdout)
    assert data["schema"] == "cleaner.check/1" and data["count"] == len(text_findings)
    assert _places({(f["path"], f["line"], f["col"], f["rule"]) for f in data["findings"]}) \
        == _places(text_findings)
    assert not any(s in proc.stdout for s in SECRETS)


def test_sarif_output(docs: Path, text_findings: set[tuple[str, int, int, str]]) -> None:
    proc = cli("docs", "--format", "sarif", cwd=docs)
    assert proc.returncode == 1, proc.stderr
    log = json.loads(proc.stdout)
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    assert run["tool"]["driver"]["name"] == "cleaner"
    got = set()
    for r in run["results"]:
        loc = r["locations"][0]["physicalLocation"]
        got.add((loc["artifactLocation"]["uri"], loc["region"]["startLine"],
                 loc["region"]["startColumn"], r["ruleId"]))
    assert _places(got) == _places(text_findings)
    rule_ids = {r["id"] for r in run["tool"]["driver"]["rules"]}
    assert rule_ids == {r["ruleId"] for r in run["results"]}
    assert not any(s in proc.stdout for s in SECRETS)


def test_github_annotations(docs: Path, text_findings: set[tuple[str, int, int, str]]) -> None:
    proc = cli("docs", "--format", "github", cwd=docs)
    assert proc.returncode == 1, proc.stderr
    ann = re.compile(r"^::error file=(?P<path>[^,]+),line=(?P<line>\d+),col=(?P<col>\d+),"
                     r"title=cleaner [A-Z_]+ \((?P<rule>[\w-]+)\)::\S.*$")
    lines = proc.stdout.splitlines()
    matches = [ann.match(ln) for ln in lines]
    assert all(matches), lines
    assert _places({(m["path"], int(m["line"]), int(m["col"]), m["rule"]) for m in matches if m}) \
        == _places(text_findings)
    assert not any(s in proc.stdout for s in SECRETS)

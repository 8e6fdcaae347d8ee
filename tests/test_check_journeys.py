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


# -- SARIF as code-scanning tools read it ---------------------------------------------------

#: RFC 3986 URI-reference characters; '%' only as the start of a %XX escape
URI_REFERENCE = re.compile(r"^(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})+$")
LEVELS = {"none", "note", "warning", "error"}  # SARIF 2.1.0 §3.27.10


def _sarif_problems(log: dict[str, object]) -> list[str]:
    """What SARIF 2.1.0 requires (§3.13 sarifLog, §3.14 run, §3.18 tool, §3.19
    toolComponent, §3.27 result, §3.11 message, §3.29 physicalLocation, §3.4
    artifactLocation, §3.30 region, §3.49 reportingDescriptor), written from the spec."""
    bad: list[str] = []
    if log.get("version") != "2.1.0":
        bad.append("version must be '2.1.0'")
    runs = log.get("runs")
    if not isinstance(runs, list) or not runs:
        return [*bad, "runs must be a non-empty array"]
    for run in runs:
        driver = (run.get("tool") or {}).get("driver") or {}
        if not isinstance(driver.get("name"), str) or not driver["name"]:
            bad.append("tool.driver.name is required")
        rule_ids = [r.get("id") for r in driver.get("rules", [])]
        unique = len(set(rule_ids)) == len(rule_ids)
        if not unique or not all(isinstance(i, str) and i for i in rule_ids):
            bad.append("each rule needs a unique id")
        for res in run.get("results", []):
            msg = res.get("message") or {}
            if not isinstance(msg.get("text"), str) and not isinstance(msg.get("id"), str):
                bad.append("result.message needs text or id")
            if res.get("level", "warning") not in LEVELS:
                bad.append(f"level {res.get('level')!r}")
            if res.get("ruleId") not in rule_ids:
                bad.append(f"ruleId {res.get('ruleId')!r} is not a rule of the driver")
            for loc in res.get("locations", []):
                phys = loc.get("physicalLocation") or {}
                uri = (phys.get("artifactLocation") or {}).get("uri")
                if not isinstance(uri, str) or not URI_REFERENCE.match(uri):
                    bad.append(f"artifactLocation.uri {uri!r} is not a URI reference")
                region = phys.get("region") or {}
                for key in ("startLine", "startColumn"):
                    if key in region and not (isinstance(region[key], int) and region[key] >= 1):
                        bad.append(f"region.{key} {region.get(key)!r} must be >= 1")
    return bad


@pytest.mark.parametrize(
    ("log", "problem"),
    [
        pytest.param({"version": "2.1.0", "runs": []}, "runs must be", id="no run"),
        pytest.param({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "c", "rules": [
            {"id": "r"}]}}, "results": [{"ruleId": "r", "message": {"text": "m"}, "locations": [
                {"physicalLocation": {"artifactLocation": {"uri": "a b.txt"}}}]}]}]},
            "not a URI reference", id="a space in a uri"),
        pytest.param({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "c"}},
                      "results": [{"ruleId": "r", "message": {}}]}]},
                     "needs text or id", id="a message without text"),
    ],
)
def test_the_sarif_checker_finds_planted_defects(log: dict[str, object], problem: str) -> None:
    assert any(problem in p for p in _sarif_problems(log)), _sarif_problems(log)


def test_sarif_is_valid_for_awkward_and_personal_file_names(tmp_path: Path) -> None:
    """Spaces, non-ASCII and '%' in a path give a percent-encoded URI reference; an
    e-mail address in a file name is masked in every format, as in the text lines."""
    (tmp_path / "docs" / "my notes").mkdir(parents=True)
    shutil.copy(CHECK / "author_card.txt", tmp_path / "docs" / "my notes" / "café 100%.txt")
    shutil.copy(CHECK / "author_card.txt", tmp_path / "docs" / "jane.roe@mail-example.net.txt")
    outputs = {fmt: cli("docs", "--format", fmt, cwd=tmp_path) for fmt in
               ("text", "json", "sarif", "github")}
    for fmt, proc in outputs.items():
        assert proc.returncode == 1, (fmt, proc.stderr)
        assert "jane.roe" not in proc.stdout, f"{fmt}: the file name's e-mail leaked"
    log = json.loads(outputs["sarif"].stdout)
    assert _sarif_problems(log) == []
    uris = {loc["physicalLocation"]["artifactLocation"]["uri"]
            for r in log["runs"][0]["results"] for loc in r["locations"]}
    assert "docs/my%20notes/caf%C3%A9%20100%25.txt" in uris
    where = re.compile(r"^(.+?):\d+:\d+: ")  # (the path may hold spaces here)
    text_paths = {m[1] for m in map(where.match, outputs["text"].stdout.splitlines()) if m}
    from urllib.parse import unquote

    assert {unquote(u) for u in uris} == text_paths, "the same (masked) paths as the text"

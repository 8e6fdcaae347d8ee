"""``cleaner check``: output format, exit codes, locations, --fix, baseline, allow-lists.

Most tests run the CLI in-process with a deterministic stand-in detector
(``tests/_check_helpers.py``: ``SPAM:`` blocks are link farm, ``Author:`` lines
an author card, e-mail addresses PII) so they test the check itself, not the
detectors. ``TestRealStages`` runs the default pipeline on fixtures.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from _check_helpers import FAKE_STAGES
from conftest import FIXTURES, ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import cli
from cleaner.check import (
    FILES_PATTERN,
    SUFFIXES,
    Checker,
    CheckFinding,
    apply_findings,
    file_kind,
)
from cleaner.config import CleanerConfig
from cleaner.model import Finding
from cleaner.pipeline import STAGES

EMAIL_1 = "nadia.orlov@post-example.org"
EMAIL_2 = "tomas.brenn@inbox-example.net"

ARTICLE = (
    "Harbour Board Approves New Ferry Timetable\n"
    "\n"
    "The harbour board approved a new ferry timetable on Tuesday after months of talks.\n"
    "Readers can send questions to " + EMAIL_1 + " before the summer.\n"
    "\n"
    "The first crossing leaves at six in the morning and the last one at ten at night.\n"
)
SPAM_TAIL = "\nSPAM: You will not believe this trick\n\nSPAM: Ten foods doctors hate\n"
CARD = "\nAuthor: Tomas Brenn\nAuthor: " + EMAIL_2 + "\n"


@pytest.fixture(scope="module", autouse=True)
def _fake_stage_registered() -> Iterator[None]:
    """The stand-in stage is known to the pipeline while this module runs, and only then."""
    STAGES["fake_spam"] = "_check_helpers:FakeSpamStage"
    yield
    STAGES.pop("fake_spam", None)


@pytest.fixture()
def fake(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A temp working folder whose pyproject.toml selects the stand-in detector."""
    monkeypatch.setitem(STAGES, "fake_spam", "_check_helpers:FakeSpamStage")
    monkeypatch.chdir(tmp_path)
    stages = ", ".join(f'"{s}"' for s in FAKE_STAGES)
    (tmp_path / "pyproject.toml").write_text(f"[tool.cleaner]\nstages = [{stages}]\n", "utf-8")
    return tmp_path


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = cli.main(["check", *argv])
    except SystemExit as exc:  # argparse usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def no_values(*texts: str) -> None:
    for t in texts:
        assert EMAIL_1 not in t and EMAIL_2 not in t, "a raw value leaked into the output"


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


# -- output format and exit codes --------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "expected_out", "code"),
    [
        pytest.param(
            ARTICLE.replace(EMAIL_1, "the harbour office"), "", 0, id="clean file: exit 0, silent"
        ),
        pytest.param(
            ARTICLE,
            "a.txt:4:31: PII email address (fake_email)\n",
            1,
            id="one e-mail: line and column of the address, never the value",
        ),
        pytest.param(
            ARTICLE + SPAM_TAIL,
            "a.txt:4:31: PII email address (fake_email)\n"
            "a.txt:8:1: LINK_FARM 2 spam headlines after the article (fake_link_farm)\n",
            1,
            id="spam tail: consecutive headlines are one finding",
        ),
        pytest.param(
            ARTICLE + CARD + "\nThe board meets again in June to review the timetable.\n",
            "a.txt:4:31: PII email address (fake_email)\n"
            "a.txt:8:1: AUTHOR_CARD author card (2 lines) (fake_author_card)\n"
            "a.txt:9:9: PII email address (fake_email)\n",
            1,
            id="author card mid-text: one card line, its PII on its own line",
        ),
    ],
)
def test_output_and_exit_code(
    fake: Path, capsys: pytest.CaptureFixture[str], content: str, expected_out: str, code: int
) -> None:
    (fake / "a.txt").write_text(content, "utf-8")
    got_code, out, err = run_cli(capsys, "a.txt")
    assert (got_code, out) == (code, expected_out)
    n = expected_out.count("\n")
    assert err == (
        f"cleaner: {n} finding{'s' if n != 1 else ''} "
        "(fix: cleaner check --fix; accept: --update-baseline)\n"
        if n
        else ""
    )
    no_values(out, err)


@pytest.mark.parametrize(
    ("argv", "err_re"),
    [
        pytest.param(["missing.txt"], r"cleaner: error: no such file: missing\.txt\n",
                     id="missing file"),
        pytest.param(["notes.pdf"], r"cleaner: error: notes\.pdf: unsupported file type",
                     id="unsupported extension"),
        pytest.param(["--config", "nope.toml", "ok.txt"], r"cannot read config file",
                     id="unreadable config"),
        pytest.param(["--bogus", "ok.txt"], r"unrecognized arguments: --bogus",
                     id="unknown option"),
    ],
)
def test_usage_errors_exit_2(
    fake: Path, capsys: pytest.CaptureFixture[str], argv: list[str], err_re: str
) -> None:
    (fake / "ok.txt").write_text(ARTICLE, "utf-8")
    (fake / "notes.pdf").write_bytes(b"%PDF-1.4")
    code, out, err = run_cli(capsys, *argv)
    assert code == 2
    assert out == ""
    assert re.search(err_re, err), err


def test_usage_error_changes_nothing(fake: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (fake / "a.txt").write_text(ARTICLE, "utf-8")
    code, out, _ = run_cli(capsys, "--fix", "a.txt", "missing.txt")
    assert (code, out) == (2, "")
    assert (fake / "a.txt").read_text("utf-8") == ARTICLE


# -- locations per file type -----------------------------------------------------------


@settings(max_examples=25, deadline=None)
@given(
    before=st.lists(st.text(alphabet="abc .,", max_size=30), max_size=6),
    indent=st.text(alphabet=" \t", max_size=4),
)
def test_text_location_is_exact(before: list[str], indent: str) -> None:
    """Wherever an address sits in a .txt file, line:col point at its first character."""
    text = "\n".join([*before, f"{indent}Write to {EMAIL_1} today."]) + "\n"
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "t.txt"
        p.write_text(text, "utf-8")
        fc = _fake_checker().check_file(p, "t.txt")
    lines = text.split("\n")
    want_line = len(before) + 1
    want_col = lines[want_line - 1].index(EMAIL_1) + 1
    assert [(f.line, f.col, f.category) for f in fc.findings] == [(want_line, want_col, "pii")]


_fake_cache: list[Checker] = []


def _fake_checker(**check: object) -> Checker:
    cfg = CleanerConfig.from_dict({"stages": list(FAKE_STAGES), "check": check})
    if not check:
        if not _fake_cache:
            _fake_cache.append(Checker(cfg))
        return _fake_cache[0]
    return Checker(cfg)


def test_markdown_location(fake: Path, capsys: pytest.CaptureFixture[str]) -> None:
    md = "# Ferry news\n\nSome *intro* text here.\n\n- item one\n- mail " + EMAIL_2 + "\n"
    (fake / "n.md").write_text(md, "utf-8")
    code, out, _ = run_cli(capsys, "n.md")
    assert (code, out) == (1, "n.md:6:8: PII email address (fake_email)\n")


def test_html_location_is_the_source_line(fake: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """HTML: the finding's text is found in the source; its line is exact."""
    body = "".join(
        f"<p>Paragraph {i} of the ferry story: the board met the islanders and agreed "
        f"on a new timetable for the long summer season ahead.</p>\n"
        for i in range(6)
    )
    html = (
        "<!doctype html>\n<html><head><title>Ferry</title>\n"
        "<script>var x = 'not text';</script></head>\n<body><article>\n<h1>Ferry news</h1>\n"
        + body
        + "<p>Questions:\n   <b>write</b> to " + EMAIL_1 + " please.</p>\n"
        "</article></body></html>\n"
    )
    (fake / "p.html").write_text(html, "utf-8")
    code, out, _ = run_cli(capsys, "p.html")
    line = line_of(html, EMAIL_1)
    col = html.split("\n")[line - 1].index(EMAIL_1) + 1
    assert (code, out) == (1, f"p.html:{line}:{col}: PII email address (fake_email)\n")


def _records() -> list[dict[str, object]]:
    return [
        {"id": "doc-1", "text": ARTICLE.replace(EMAIL_1, "the office"), "lang": "en"},
        {"id": "doc-2", "text": ARTICLE, "lang": "en"},
        {"id": "doc-3", "text": ARTICLE.replace(EMAIL_1, "us") + SPAM_TAIL},
    ]


def _jsonl(records: list[dict[str, object]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


@pytest.mark.parametrize("name", [pytest.param("c.jsonl", id="jsonl"),
                                  pytest.param("c.jsonl.gz", id="gzipped jsonl")])
def test_jsonl_record_line_and_id(
    fake: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    data = _jsonl(_records()).encode("utf-8")
    (fake / name).write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    code, out, _ = run_cli(capsys, name)
    assert code == 1
    assert out == (
        f'{name}:2:1: PII email address in record "doc-2" (fake_email)\n'
        f'{name}:3:1: LINK_FARM 2 spam headlines after the article in record "doc-3" '
        "(fake_link_farm)\n"
    )


def test_jsonl_bad_line_is_a_finding(fake: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (fake / "b.jsonl").write_text('{"id": "ok", "text": "fine"}\nnot json\n', "utf-8")
    code, out, _ = run_cli(capsys, "b.jsonl")
    assert (code, out) == (1, "b.jsonl:2:1: ERROR line is not a JSON object (bad_record)\n")


# -- --fix ---------------------------------------------------------------------------------------


def test_fix_rewrites_text_and_is_idempotent(
    fake: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = ARTICLE + CARD + "\nThe board meets again in June.\n" + SPAM_TAIL
    p = fake / "a.txt"
    p.write_text(original, "utf-8")
    os.chmod(p, 0o640)
    code, out, _ = run_cli(capsys, "--fix", "a.txt")
    assert (code, out) == (1, "Fixing a.txt\n")
    fixed = p.read_text("utf-8")
    assert fixed == (
        ARTICLE.replace(EMAIL_1, "[EMAIL]") + "\nThe board meets again in June.\n"
    )
    assert stat.S_IMODE(p.stat().st_mode) == 0o640, "the rewrite keeps the file mode"
    assert sorted(x.name for x in fake.iterdir()) == ["a.txt", "pyproject.toml"], "no temp file"
    assert run_cli(capsys, "--fix", "a.txt")[:2] == (0, "")
    assert run_cli(capsys, "a.txt")[:2] == (0, "")


def test_fix_jsonl_touches_only_affected_records(
    fake: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = _records()
    # a record with a non-ASCII escape style of its own must stay byte for byte
    text = '{"id":"doc-0","text":"caf\\u00e9 au lait"}\n' + _jsonl(records)
    (fake / "c.jsonl.gz").write_bytes(gzip.compress(text.encode("utf-8")))
    code, out, _ = run_cli(capsys, "--fix", "c.jsonl.gz")
    assert (code, out) == (1, "Fixing c.jsonl.gz\n")
    new_lines = gzip.decompress((fake / "c.jsonl.gz").read_bytes()).decode("utf-8").split("\n")
    old_lines = text.split("\n")
    assert new_lines[0] == old_lines[0] and new_lines[1] == old_lines[1]
    assert json.loads(new_lines[2]) == {**records[1], "text": ARTICLE.replace(EMAIL_1, "[EMAIL]")}
    assert json.loads(new_lines[3])["text"] == ARTICLE.replace(EMAIL_1, "us")
    assert run_cli(capsys, "c.jsonl.gz")[:2] == (0, "")


def test_fix_leaves_html_alone_and_reports(fake: Path, capsys: pytest.CaptureFixture[str]) -> None:
    html = "<html><body><article><p>" + ARTICLE.replace("\n", " ") + "</p></article></body></html>"
    (fake / "p.html").write_text(html, "utf-8")
    code, out, err = run_cli(capsys, "--fix", "p.html")
    assert code == 1
    assert out.startswith("p.html:1:") and "PII email address (fake_email)" in out
    assert "Fixing" not in out
    assert err.startswith("cleaner: p.html: not fixed: HTML is not rewritten\n")
    assert (fake / "p.html").read_text("utf-8") == html


@pytest.mark.parametrize(
    ("prefix", "encoding"),
    [
        pytest.param("Caf\u00e9 news. ", "utf-8-sig", id="UTF-8 with BOM: BOM kept"),
        pytest.param("R\u00e9sum\u00e9 du caf\u00e9 \u00e0 Orl\u00e9ans. " * 8, "latin-1",
                     id="latin-1 stays latin-1"),
        pytest.param("Caf\u00e9. ", "utf-16", id="UTF-16 with BOM"),
    ],
)
def test_fix_keeps_the_file_encoding(
    fake: Path, capsys: pytest.CaptureFixture[str], prefix: str, encoding: str
) -> None:
    p = fake / "e.txt"
    raw = (prefix + ARTICLE).encode(encoding)
    p.write_bytes(raw)
    code, out, _ = run_cli(capsys, "--fix", "e.txt")
    assert (code, out) == (1, "Fixing e.txt\n")
    new = p.read_bytes()
    assert new[:2] == raw[:2], "same BOM, same encoding"
    assert new.decode(encoding) == (prefix + ARTICLE).replace(EMAIL_1, "[EMAIL]")


def test_fix_never_rewrites_bytes_that_do_not_decode(
    fake: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = b"\xef\xbb\xbfA UTF-8 file with a bad byte \xff here.\n" + ARTICLE.encode("utf-8")
    p = fake / "e.txt"
    p.write_bytes(raw)
    code, out, err = run_cli(capsys, "--fix", "e.txt")
    assert (code, out) == (1, "e.txt:5:31: PII email address (fake_email)\n")
    assert "cleaner: e.txt: not fixed: its bytes do not decode cleanly\n" in err
    assert p.read_bytes() == raw


# -- baseline ------------------------------------------------------------------------------------


def test_baseline_accepts_known_and_fails_on_new(
    fake: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    p = fake / "a.txt"
    p.write_text(ARTICLE + SPAM_TAIL, "utf-8")
    code, out, err = run_cli(capsys, "--update-baseline", "a.txt")
    assert (code, out) == (0, "")
    assert err == "cleaner: .cleaner-baseline.json: accepted 2 findings in 1 file\n"
    raw = (fake / ".cleaner-baseline.json").read_text("utf-8")
    no_values(raw)
    base = json.loads(raw)
    assert [(e["line"], e["category"], e["rule"]) for e in base["results"]["a.txt"]] == [
        (4, "pii", "fake_email"), (8, "link_farm", "fake_link_farm")
    ]
    assert run_cli(capsys, "a.txt")[:2] == (0, "")
    # moved down by two lines: still accepted (the location is informational)
    p.write_text("Update\n\n" + ARTICLE + SPAM_TAIL, "utf-8")
    assert run_cli(capsys, "a.txt")[:2] == (0, "")
    # a second, new address fails on its own
    p.write_text("Update\n\n" + ARTICLE + SPAM_TAIL + "\nContact " + EMAIL_2 + "\n", "utf-8")
    code, out, _ = run_cli(capsys, "a.txt")
    assert (code, out) == (1, "a.txt:14:9: PII email address (fake_email)\n")
    # the same address twice: the baseline accepts it once
    p.write_text(ARTICLE + "\nAgain: " + EMAIL_1 + "\n", "utf-8")
    code, out, _ = run_cli(capsys, "a.txt")
    assert (code, out) == (1, "a.txt:8:8: PII email address (fake_email)\n")


def test_baseline_hashes_are_salted(fake: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (fake / "a.txt").write_text(ARTICLE, "utf-8")
    hashes = []
    for name in ("one.json", "two.json"):
        assert run_cli(capsys, "--baseline", name, "--update-baseline", "a.txt")[0] == 0
        data = json.loads((fake / name).read_text("utf-8"))
        assert data["hash"] == "pbkdf2_sha256" and len(data["salt"]) == 32
        hashes.append(data["results"]["a.txt"][0]["hash"])
    assert hashes[0] != hashes[1], "same value, different salt, different hash"


def test_update_baseline_keeps_other_files(fake: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (fake / "a.txt").write_text(ARTICLE, "utf-8")
    (fake / "b.txt").write_text(ARTICLE + SPAM_TAIL, "utf-8")
    assert run_cli(capsys, "--update-baseline", "a.txt", "b.txt")[0] == 0
    salt = json.loads((fake / ".cleaner-baseline.json").read_text("utf-8"))["salt"]
    (fake / "a.txt").write_text(ARTICLE.replace(EMAIL_1, "us"), "utf-8")
    assert run_cli(capsys, "--update-baseline", "a.txt")[0] == 0
    data = json.loads((fake / ".cleaner-baseline.json").read_text("utf-8"))
    assert data["salt"] == salt, "an update keeps the salt"
    assert sorted(data["results"]) == ["b.txt"]
    assert run_cli(capsys, "a.txt", "b.txt")[:2] == (0, "")


def test_broken_baseline_is_a_usage_error(fake: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (fake / "a.txt").write_text(ARTICLE, "utf-8")
    (fake / ".cleaner-baseline.json").write_text("[1, 2]", "utf-8")
    code, out, err = run_cli(capsys, "a.txt")
    assert (code, out) == (2, "")
    assert "is not a cleaner baseline file" in err


# -- allow-lists ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "check", "expected"),
    [
        pytest.param("Mail " + EMAIL_1 + " now  <!-- cleaner: allow -->\n", {}, [],
                     id="inline marker on the line"),
        pytest.param("<!-- cleaner: allow-next-line -->\nMail " + EMAIL_1 + "\n", {}, [],
                     id="marker for the next line"),
        pytest.param("Mail " + EMAIL_1 + " cleaner: allow[link_farm]\n", {}, [(1, "pii")],
                     id="marker for another category does not allow PII"),
        pytest.param("Mail " + EMAIL_1 + " cleaner: allow[pii]\n", {}, [],
                     id="marker naming the category"),
        pytest.param("Mail " + EMAIL_1 + "\n", {"allow": [EMAIL_1.upper()]}, [],
                     id="config string, case ignored"),
        pytest.param("Mail " + EMAIL_1 + "\n", {"allow_regex": [r".*@post-example\.org"]}, [],
                     id="config regex"),
        pytest.param("Mail " + EMAIL_1 + "\n", {"allow": ["orlov"]}, [(1, "pii")],
                     id="config string must match the whole finding"),
        pytest.param("Mail " + EMAIL_1 + "\n", {"categories": ["link_farm"]}, [],
                     id="category not checked"),
    ],
)
def test_allow_lists(tmp_path: Path, text: str, check: dict[str, object],
                     expected: list[tuple[int, str]]) -> None:
    p = tmp_path / "a.md"
    p.write_text(text, "utf-8")
    fc = _fake_checker(**check).check_file(p)
    assert [(f.line, f.category) for f in fc.findings] == expected
    assert len(fc.allowed) + len(fc.findings) == (0 if check.get("categories") else 1)


def test_jsonl_record_allow_key(tmp_path: Path) -> None:
    recs = [
        {"id": "a", "text": "Mail " + EMAIL_1, "cleaner_allow": True},
        {"id": "b", "text": "Mail " + EMAIL_1, "cleaner_allow": ["link_farm"]},
        {"id": "c", "text": "Mail " + EMAIL_1, "cleaner_allow": ["pii"]},
    ]
    p = tmp_path / "r.jsonl"
    p.write_text(_jsonl(recs), "utf-8")
    fc = _fake_checker().check_file(p)
    assert [(f.line, f.record) for f in fc.findings] == [(2, "b")]


def test_config_from_pyproject(fake: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """[tool.cleaner.check] in the working folder's pyproject.toml is read."""
    with (fake / "pyproject.toml").open("a", encoding="utf-8") as fh:
        fh.write('\n[tool.cleaner.check]\ncategories = ["link_farm"]\nbaseline = "base.json"\n')
    (fake / "a.txt").write_text(ARTICLE + SPAM_TAIL, "utf-8")
    code, out, _ = run_cli(capsys, "a.txt")
    assert (code, out) == (1, "a.txt:8:1: LINK_FARM 2 spam headlines after the article "
                              "(fake_link_farm)\n")
    assert run_cli(capsys, "--update-baseline", "a.txt")[0] == 0
    assert (fake / "base.json").is_file()


def test_fail_verdicts(fake: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with (fake / "pyproject.toml").open("a", encoding="utf-8") as fh:
        fh.write('\n[tool.cleaner.check]\nfail_verdicts = ["reject"]\n')
    (fake / "short.txt").write_text("Too short to keep.\n", "utf-8")
    code, out, _ = run_cli(capsys, "short.txt")
    assert code == 1
    assert re.fullmatch(r"short\.txt:1:1: QUALITY document verdict reject: .+ \(verdict_reject\)\n",
                        out), out


def test_no_files_checks_the_folder(fake: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Outside a git repository, no FILE means every corpus file below the folder."""
    (fake / "sub").mkdir()
    (fake / "sub" / "a.txt").write_text(ARTICLE, "utf-8")
    (fake / "notes.pdf").write_bytes(b"%PDF")
    code, out, _ = run_cli(capsys)
    assert (code, out) == (1, "sub/a.txt:4:31: PII email address (fake_email)\n")


# -- apply_findings invariants ----------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(
    lines=st.lists(st.text(alphabet="ab c", min_size=1, max_size=12), min_size=1, max_size=12),
    picks=st.sets(st.integers(min_value=0, max_value=11)),
)
def test_apply_findings_removes_exactly_the_lines(lines: list[str], picks: set[int]) -> None:
    lines = [ln if ln.strip() else "x" for ln in lines]
    text = "\n".join(lines) + "\n"
    findings, pos = [], 0
    for i, ln in enumerate(lines):
        if i in picks:
            findings.append(Finding("t", "link_farm", "r", 1.0, pos, pos + len(ln), "removed"))
        pos += len(ln) + 1
    out = apply_findings(text, findings)
    kept = [ln for i, ln in enumerate(lines) if i not in picks]
    assert out == ("\n".join(kept) + "\n" if kept else "")
    assert apply_findings(text, []) == text


# -- the hook definitions ---------------------------------------------------------------------


def test_pre_commit_hooks_yaml() -> None:
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert sorted(hooks) == ["cleaner-check", "cleaner-fix"]
    assert hooks["cleaner-check"]["entry"] == "cleaner check"
    assert hooks["cleaner-fix"]["entry"] == "cleaner check --fix"
    for h in hooks.values():
        assert h["language"] == "python"
        assert h["require_serial"] is True, "engines load once per process; one process"
        assert h["files"] == FILES_PATTERN
        pattern = re.compile(h["files"])
        for suffix in SUFFIXES:
            assert pattern.search(f"corpus/x{suffix}"), suffix
            assert file_kind(f"x{suffix}") is not None
        for other in ("x.py", "x.json", "x.gz", "x.txt.bak", "x.jsonl.bz2"):
            assert not pattern.search(other), other


# -- the real stages -----------------------------------------------------------------------------


@pytest.fixture(scope="session")
def real_checker() -> Checker:
    return Checker(CleanerConfig())


class TestRealStages:
    """The default pipeline on fixtures (needs the boilerplate and PII stages)."""

    def test_clean_article_passes(self, real_checker: Checker) -> None:
        fc = real_checker.check_file(FIXTURES / "check" / "clean_article.txt", "clean.txt")
        assert [f.format() for f in fc.findings] == []

    def test_author_card_and_email_lines(self, real_checker: Checker) -> None:
        path = FIXTURES / "check" / "author_card.txt"
        text = path.read_text("utf-8")
        fc = real_checker.check_file(path, "card.txt")
        card_first = line_of(text, "Detail Author:")
        email_line = line_of(text, "corwin.halloway@")
        cats = {(f.category, f.line) for f in fc.findings}
        assert ("pii", email_line) in cats
        assert any(f.message == "email address" for f in fc.findings if f.line == email_line)
        cards = [f for f in fc.findings if f.category == "author_card"]
        assert cards and card_first <= cards[0].line <= card_first + 2, cards
        assert all(f.line < card_first for f in fc.findings if f.category == "link_farm")
        out = "\n".join(f.format() for f in fc.findings)
        assert "corwin" not in out.lower()

    def test_link_farm_tail(self, real_checker: Checker) -> None:
        path = FIXTURES / "pages" / "en_news_linkfarm.txt"
        text = path.read_text("utf-8")
        fc = real_checker.check_file(path, "news.txt")
        farms = [f for f in fc.findings if f.category == "link_farm"]
        assert farms, [f.format() for f in fc.findings]
        first_spam = line_of(text, "Doctors Stunned")
        assert farms[0].line >= first_spam - 1
        assert "spam headline" in farms[0].message

    @pytest.mark.parametrize(
        "name",
        [
            pytest.param("en_news_linkfarm.txt", id="seed-like page: tail, card, socials, PII"),
            pytest.param("fr_article.md", id="markdown page"),
            pytest.param("en_clean_control.txt", id="clean control stays byte for byte"),
        ],
    )
    def test_fix_round_trip_on_golden_pages(
        self, real_checker: Checker, tmp_path: Path, name: str
    ) -> None:
        """--fix output: must-keep snippets stay, must-drop and PII go, a re-check is clean."""
        from cleaner.check import fixed_content

        src = FIXTURES / "pages" / name
        expected = json.loads((FIXTURES / "expected" / f"{Path(name).stem}.json").read_text())
        fc = real_checker.check_file(src, name)
        new = fixed_content(fc, fc.findings)
        original = src.read_text("utf-8")
        if not fc.findings:
            assert new is None
            return
        assert new is not None
        for snippet in expected["must_keep"]:
            assert snippet in new, snippet
        for snippet in expected["must_drop"] + expected.get("pii", []):
            if snippet in original:
                assert snippet not in new, snippet
        out = tmp_path / name
        out.write_text(new, "utf-8")
        again = real_checker.check_file(out, name)
        assert [f.format() for f in again.findings] == [], "a fixed file passes"
        # the kept article is byte for byte what it was (only flagged spans changed)
        head = expected["must_keep"][0]
        assert original[: original.index(head) + len(head)] == new[: new.index(head) + len(head)]

    @pytest.mark.parametrize(
        ("name", "n_pii"),
        [
            pytest.param("allotments.html", 5, id="author card in a list"),
            pytest.param("ferry.html", 1, id="address inside a long paragraph"),
        ],
    )
    def test_html_findings_point_at_their_source_line(
        self, real_checker: Checker, name: str, n_pii: int
    ) -> None:
        """In HTML every finding's text starts on the reported source line and column."""
        path = FIXTURES / "scrapy" / "site" / name
        lines = path.read_text("utf-8").split("\n")
        fc = real_checker.check_file(path, name)
        pii = [f for f in fc.findings if f.category == "pii"]
        assert len(pii) == n_pii, [f.format() for f in fc.findings]
        for f in fc.findings:
            first_word = f.value.split()[0]
            assert first_word in lines[f.line - 1], (f.format(), first_word)
            assert lines[f.line - 1].index(first_word) + 1 == f.col, f.format()


def test_readme_sample_output_has_the_check_format() -> None:
    from _check_helpers import readme_blocks

    (sample,) = readme_blocks("pre-commit", "text")
    line_re = re.compile(r"^\S+:\d+:\d+: [A-Z_]+ .+ \([\w+-]+\)$")
    lines = sample.strip().splitlines()
    assert lines and all(line_re.match(ln) for ln in lines), lines
    printed = CheckFinding("corpus/a.jsonl", 17, 1, "pii", "email", 'email address in record "d"')
    assert line_re.match(printed.format()), printed.format()

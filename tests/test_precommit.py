"""The pre-commit hooks for real: a git repository, pre-commit, and this project as a hook.

Once per session: the checkout (tracked and untracked-but-not-ignored files, so
uncommitted work is included, as ``pre-commit try-repo`` does) is snapshotted into
a temporary git repository; a corpus repository gets the README's
``.pre-commit-config.yaml`` (pointing at that snapshot, tagged by the README's
``make tag``, its ``rev`` as written) and ``pyproject.toml``;
``pre-commit install-hooks`` builds the hook's virtualenv and pip-installs this
project into it (the slow step, about a minute). Then real ``git commit``s run
the hooks. The README's shell commands are run as written.
"""

from __future__ import annotations

import dataclasses
import os
import re
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

yaml = pytest.importorskip("yaml")
pytest.importorskip("pre_commit", reason="pre-commit is not installed (it is in the test extra)")

from _check_helpers import readme_blocks  # noqa: E402
from conftest import FIXTURES, ROOT  # noqa: E402

from cleaner import __version__  # noqa: E402

pytestmark = pytest.mark.slow

CHECK = FIXTURES / "check"
BIN = str(Path(sys.executable).parent)
LINE = re.compile(r"^(?P<path>\S+):(?P<line>\d+):(?P<col>\d+): (?P<cat>[A-Z_]+) (?P<msg>.*) "
                  r"\((?P<rule>[\w-]+)\)$", re.M)


@dataclasses.dataclass
class Repo:
    path: Path
    env: dict[str, str]
    install_seconds: float

    def run(self, *argv: str, check: bool = False) -> subprocess.CompletedProcess[str]:
        proc = subprocess.run(list(argv), cwd=self.path, env=self.env, capture_output=True,
                              text=True, timeout=600)
        if check and proc.returncode != 0:
            raise AssertionError(f"{argv} failed:\n{proc.stdout}\n{proc.stderr}")
        return proc

    def git(self, *argv: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return self.run("git", *argv, check=check)

    def add_file(self, name: str, text: str) -> None:
        target = self.path / "corpus" / name
        target.parent.mkdir(exist_ok=True)
        target.write_text(text, "utf-8")
        self.git("add", f"corpus/{name}")

    def commit(self, message: str) -> tuple[int, str]:
        """``git commit``; git sends the hook's output to stderr: both are returned."""
        proc = self.git("commit", "-m", message, check=False)
        return proc.returncode, proc.stdout + proc.stderr

    def readme(self, command: str) -> subprocess.CompletedProcess[str]:
        """A README command, with the hook's own environment first on PATH (so
        ``cleaner`` is the installed hook, the same code the hook runs)."""
        hook_bins = sorted(Path(self.env["PRE_COMMIT_HOME"]).glob("repo*/py_env-*/bin"))
        assert hook_bins, "pre-commit built no python environment"
        env = {**self.env, "PATH": os.pathsep.join([str(hook_bins[0]), self.env["PATH"]])}
        return subprocess.run(shlex.split(command), cwd=self.path, env=env,
                              capture_output=True, text=True, timeout=600)

    def unstage_all(self) -> None:
        self.git("reset", "-q")


def _git_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(
        PATH=BIN + os.pathsep + env.get("PATH", ""),
        GIT_AUTHOR_NAME="Corpus Test", GIT_AUTHOR_EMAIL="corpus-test@example.invalid",
        GIT_COMMITTER_NAME="Corpus Test", GIT_COMMITTER_EMAIL="corpus-test@example.invalid",
        GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1",
        PRE_COMMIT_HOME=str(home), PIP_DISABLE_PIP_VERSION_CHECK="1",
    )
    return env


def _snapshot(dest: Path, env: dict[str, str]) -> str:
    """Copy the checkout's files (as git sees them, uncommitted work included) into a
    fresh repository and commit them there; return that commit. Read-only for ROOT."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, capture_output=True, check=True,
    ).stdout.decode("utf-8", "surrogateescape")
    for name in filter(None, listed.split("\0")):
        src = ROOT / name
        if src.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)
    for argv in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "snapshot"]):
        subprocess.run(["git", *argv], cwd=dest, env=env, check=True, capture_output=True)
    return subprocess.run(["git", "rev-parse", "HEAD"], cwd=dest, env=env, check=True,
                          capture_output=True, text=True).stdout.strip()


def readme_commands() -> list[str]:
    (block,) = readme_blocks("pre-commit", "sh")
    return [ln.split("#", 1)[0].strip() for ln in block.splitlines() if ln.split("#", 1)[0].strip()]


@pytest.fixture(scope="session")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Repo:
    base = tmp_path_factory.mktemp("precommit")
    env = _git_env(base / "pre-commit-home")
    src = base / "cleaner-src"
    src.mkdir()
    _snapshot(src, env)
    # the README's way to make the rev its snippet names: `make tag` in this repository
    subprocess.run(["make", "-s", "tag"], cwd=src, env=env, check=True, capture_output=True)
    corpus = base / "corpus-repo"
    corpus.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=corpus, env=env, check=True)
    (hook_config,) = readme_blocks("pre-commit", "yaml")
    config = yaml.safe_load(hook_config)
    assert config["repos"][0]["rev"] == f"v{__version__}", "the README's rev is not `make tag`'s"
    config["repos"][0].update(repo=str(src))  # the rev stays as pasted
    (corpus / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config, sort_keys=False))
    (toml,) = readme_blocks("pre-commit", "toml")
    (corpus / "pyproject.toml").write_text(toml, "utf-8")
    r = Repo(corpus, env, 0.0)
    assert readme_commands()[0] == "pre-commit install"
    r.run(*shlex.split(readme_commands()[0]), check=True)  # pre-commit install
    t0 = time.perf_counter()
    r.run("pre-commit", "install-hooks", check=True)
    r.install_seconds = time.perf_counter() - t0
    print(f"\npre-commit install-hooks (venv + pip install of this project): "
          f"{r.install_seconds:.1f}s")
    r.git("add", ".pre-commit-config.yaml", "pyproject.toml")
    return r


def findings(output: str, path: str) -> list[tuple[int, str, str]]:
    return [(int(m["line"]), m["cat"], m["msg"]) for m in LINE.finditer(output)
            if m["path"] == path]


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_clean_file_commits(repo: Repo) -> None:
    repo.add_file("ferry.txt", (CHECK / "clean_article.txt").read_text("utf-8"))
    code, out = repo.commit("a clean article")
    assert code == 0, out
    assert re.search(r"cleaner check .*\.+Passed", out)


def test_author_card_and_email_fail_with_the_right_lines(repo: Repo) -> None:
    text = (CHECK / "author_card.txt").read_text("utf-8")
    repo.add_file("allotments.txt", text)
    try:
        code, out = repo.commit("an article with an author card")
    finally:
        repo.unstage_all()
    assert code == 1, out
    assert re.search(r"cleaner check .*\.+Failed", out)
    assert "- hook id: cleaner-check" in out
    got = findings(out, "corpus/allotments.txt")
    email_line = line_of(text, "corwin.halloway@")
    card_line = line_of(text, "Detail Author:")
    assert (email_line, "PII", "email address") in got, got
    cards = [line for line, cat, _ in got if cat == "AUTHOR_CARD"]
    assert cards and card_line <= cards[0] <= card_line + 2, got
    assert all(line >= card_line for line, _, _ in got), "nothing flagged in the article"
    assert "corwin.halloway@mailbox-example.net" not in out and "challoway82" not in out


def test_config_allow_list_from_pyproject(repo: Repo) -> None:
    """The README's [tool.cleaner.check] allow-list accepts the known-good address."""
    article = (CHECK / "clean_article.txt").read_text("utf-8")
    text = article + "\nLetters to the editor: press@lakeside-courier.example\n"
    repo.add_file("letters.txt", text)
    code, out = repo.commit("an allowed address")
    assert code == 0, out


def test_readme_commands_baseline_then_fix(repo: Repo) -> None:
    """The README's commands, in order: check all, accept into a baseline, fix."""
    _install, run_all, update_baseline, fix = readme_commands()
    text = (CHECK / "author_card.txt").read_text("utf-8")
    repo.add_file("accepted.txt", text)
    proc = repo.readme(run_all)
    assert proc.returncode == 1 and "corpus/accepted.txt:" in proc.stdout, proc.stdout
    proc = repo.readme(update_baseline)
    assert proc.returncode == 0, proc.stderr
    baseline = (repo.path / ".cleaner-baseline.json").read_text("utf-8")
    assert "accepted.txt" in baseline and "corwin" not in baseline.lower()
    repo.git("add", ".cleaner-baseline.json")
    proc = repo.readme(run_all)
    assert proc.returncode == 0, proc.stdout
    assert repo.commit("accepted findings")[0] == 0

    # a new file with the same card is not in the baseline: fix it in place
    repo.add_file("to_fix.txt", text)
    proc = repo.readme(fix)
    assert proc.returncode == 1, proc.stdout
    assert "Fixing corpus/to_fix.txt" in proc.stdout
    fixed = (repo.path / "corpus" / "to_fix.txt").read_text("utf-8")
    assert "corwin.halloway@mailbox-example.net" not in fixed
    assert "Detail Author" not in fixed
    assert text.split("\n\nDetail Author:")[0] in fixed, "the article itself is untouched"
    repo.git("add", "corpus/to_fix.txt")
    code, out = repo.commit("fixed")
    assert code == 0, out

"""The datatrove step's documented example, run as a user runs it: the code block of
``cleaner/integrations/datatrove.py``'s docstring saved as a script and started with
``python script.py`` in a folder holding ``raw/``.

Written without the ``if __name__ == "__main__":`` guard, datatrove's forkserver
workers re-ran the script, died and were replaced, and the parent waited forever
(50 minutes before it was killed). The guarded example must finish; the unguarded one
must stop at once with an error naming the guard, well inside the timeout."""

from __future__ import annotations

import ast
import gzip
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from _batch_helpers import good_rows, write_jsonl

pytest.importorskip("datatrove")

pytestmark = pytest.mark.slow  # worker pools in subprocesses

MODULE = Path(__file__).resolve().parents[1] / "cleaner" / "integrations" / "datatrove.py"
TIMEOUT = 240  # the run takes ~20-60 s on a loaded 2-core machine; a hang never ends


def documented_example() -> str:
    """The first indented code block of the module docstring, dedented."""
    doc = ast.get_docstring(ast.parse(MODULE.read_text("utf-8"))) or ""
    lines = doc.splitlines()
    start = next(i for i, ln in enumerate(lines) if ln.startswith("    from datatrove"))
    block = []
    for ln in lines[start:]:
        if ln and not ln.startswith("    "):
            break
        block.append(ln)
    return textwrap.dedent("\n".join(block)).strip() + "\n"


def _corpus(folder: Path) -> list[str]:
    rows = good_rows(4, "ex")
    rows.append({"id": "ex-short", "text": "Too short to keep.", "metadata": {}})
    for r in rows:
        if "html" in r:
            r["text"] = r.pop("html")
    for i in range(2):
        write_jsonl(folder / "raw" / f"part-{i}.jsonl", rows[i::2])
    return sorted(str(r["id"]) for r in rows)


def _ids(folder: Path) -> list[str]:
    out: list[str] = []
    for p in sorted(folder.rglob("*.jsonl.gz")):
        out.extend(json.loads(x)["id"] for x in gzip.decompress(p.read_bytes()).splitlines())
    return out


def _run(script: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    (cwd / "pipeline.py").write_text(script, "utf-8")
    try:
        return subprocess.run([sys.executable, "pipeline.py"], cwd=cwd, capture_output=True,
                              text=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        pytest.fail(f"the example hung (no exit within {TIMEOUT} s)")


def test_the_documented_example_has_the_guard_and_runs(tmp_path: Path) -> None:
    script = documented_example()
    assert 'if __name__ == "__main__":' in script
    assert "workers=" in script, "the example names its worker count"
    expected = _corpus(tmp_path)
    proc = _run(script, tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    kept, rejected = _ids(tmp_path / "clean"), _ids(tmp_path / "rejected")
    assert sorted(kept + rejected) == expected, "every document in clean/ or rejected/"
    assert "ex-short" in rejected


def test_the_example_without_its_guard_is_an_error_not_a_hang(tmp_path: Path) -> None:
    script = documented_example()
    head, _, body = script.partition('if __name__ == "__main__":')
    body = body.split("\n", 1)[1]  # drop the guard's own line (and its comment)
    unguarded = head + textwrap.dedent(body)
    assert "__main__" not in unguarded
    _corpus(tmp_path)
    proc = _run(unguarded, tmp_path)
    assert proc.returncode != 0
    assert "ConfigError" in proc.stderr
    assert 'if __name__ == "__main__":' in proc.stderr
    assert "pipeline.py:" in proc.stderr, "the message names the script and line"
    assert not (tmp_path / "clean").exists(), "nothing ran"


@pytest.mark.parametrize(
    ("script", "refused"),
    [
        pytest.param("run = True\nLocalPipelineExecutor(pipeline=[CleanerStep()], tasks=2).run()\n",
                     True, id="unguarded multi-task pool: refused"),
        pytest.param("x = LocalPipelineExecutor(pipeline=[CleanerStep()], tasks=4, workers=1)\n"
                     "x.run()\n", False, id="one worker: no pool, no re-import"),
        pytest.param("LocalPipelineExecutor(pipeline=[CleanerStep()], tasks=4, "
                     "start_method='fork').run()\n", False, id="fork: no re-import"),
        pytest.param("steps = [CleanerStep()]\nx = LocalPipelineExecutor(pipeline=steps, tasks=4)\n"
                     "if __name__ == '__main__':\n    x.run()\n", False,
                     id="pipeline at top level, run guarded: works"),
        pytest.param("steps = [CleanerStep()]\n", False, id="no local executor (Slurm, Ray)"),
        pytest.param("def main():\n    LocalPipelineExecutor(pipeline=[CleanerStep()], "
                     "tasks=2).run()\n\nmain()\n", True, id="unguarded main(): refused"),
    ],
)
def test_which_scripts_are_refused(tmp_path: Path, script: str, refused: bool) -> None:
    """Only a script whose import would start the pool again is refused. (The executor
    is a stand-in: the check reads the script, and the stand-in never starts a pool.)"""
    prelude = textwrap.dedent("""\
        from cleaner.integrations.datatrove import CleanerStep

        class LocalPipelineExecutor:
            def __init__(self, **kw):
                pass

            def run(self):
                print("ran")
        """)
    (tmp_path / "s.py").write_text(prelude + script, "utf-8")
    proc = subprocess.run([sys.executable, "s.py"], cwd=tmp_path, capture_output=True,
                          text=True, timeout=120)
    if refused:
        assert proc.returncode == 1 and "ConfigError" in proc.stderr, proc.stderr[-2000:]
    else:
        assert proc.returncode == 0, proc.stderr[-2000:]

"""Faults in batch runs (issue 8): a worker killed, the disk full, Ctrl-C or kill -9 of the
run, a compressed input cut short. Each run ends with every document accounted for, no
output half-written under its final name, and ``--resume`` completes the rest with every
document exactly once.

Synchronisation is by marker files: :class:`_batch_helpers.FaultStage` writes
``held-<pid>`` when a worker starts on a ``HOLD-ME`` document and holds it there, so a
test knows a worker is busy before it kills or interrupts anything.
"""

from __future__ import annotations

import contextlib
import errno
import gzip
import io
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psutil
import pytest
from _batch_helpers import (
    FAULT_DIR_ENV,
    assert_adds_up,
    good_rows,
    output_rows,
    summary_of,
    temp_files,
    write_jsonl,
    write_truncated_gz,
)

import cleaner.atomic as atomic
from cleaner.batch import BatchOptions, ReadOptions, discover, run_batch
from cleaner.batch.local import LocalPool
from cleaner.batch.records import Origin, Record
from cleaner.cli import main
from cleaner.config import DEFAULT_STAGES, CleanerConfig
from cleaner.pipeline import STAGES

TESTS = Path(__file__).resolve().parent
FAULT_STAGES = (*DEFAULT_STAGES[:-1], "fault_for_tests", DEFAULT_STAGES[-1])
#: the real command line with the test stage registered (forked workers inherit it)
LAUNCH = (
    "import sys; from cleaner.pipeline import STAGES; "
    "STAGES['fault_for_tests'] = '_batch_helpers:FaultStage'; "
    "from cleaner.cli import main; sys.exit(main(sys.argv[1:]))"
)
ENOSPC = os.strerror(errno.ENOSPC)
RESUME_HINT = "(completed inputs are kept: fix this and run again with --resume)"


# -- helpers ----------------------------------------------------------------------------


def wait_for(what: str, ready: Callable[[], bool], timeout: float = 60.0) -> None:
    """Poll a condition on the file system (a marker file), failing after ``timeout``."""
    deadline = time.monotonic() + timeout
    while not ready():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


def held_pid(fault_dir: Path) -> int | None:
    """The pid of the worker holding a ``HOLD-ME`` document, once it holds it."""
    found = sorted(fault_dir.glob("held-*[0-9]"))
    return int(found[0].name.split("-", 1)[1]) if found else None


def placements(out: Path) -> Counter[str]:
    """How often each document id is output: JSONL rows of every outcome plus the
    mirrored ``.txt`` of kept/review pages (id = relative path). Rows without an id
    (a record cut off inside a compressed stream) are checked by the tests themselves."""
    ids = Counter(str(r["id"]) for rows in output_rows(out).values() for r in rows
                  if r.get("id") is not None)
    for place in ("kept", "review"):
        root = out / place
        for p in root.rglob("*.txt") if root.is_dir() else []:
            if ".tmp-" not in p.name:
                ids[p.relative_to(root).as_posix().removesuffix(".txt")] += 1
    return ids


def once(*groups: list[dict[str, Any]] | list[str]) -> Counter[str]:
    """Each id of the given rows (or ids) exactly once."""
    return Counter(r if isinstance(r, str) else str(r["id"]) for g in groups for r in g)


def assert_whole(out: Path) -> list[str]:
    """Every file under its final name is complete (JSON parses to the last line, gzip
    has its end); returns those names, relative to ``out``. Temp files are skipped:
    they are hidden (``.name.tmp-PID``) and ``--resume`` deletes them."""
    names = []
    for p in sorted(out.rglob("*")):
        if not p.is_file() or ".tmp-" in p.name or p.name == "lock":
            continue
        raw = p.read_bytes()
        if p.name.endswith(".gz"):
            raw = gzip.decompress(raw)  # EOFError for a cut-off stream
        if p.name.endswith((".jsonl", ".jsonl.gz")):
            assert raw == b"" or raw.endswith(b"\n"), p
            for line in raw.splitlines():
                json.loads(line)
        elif p.suffix == ".json":
            json.loads(raw)
        names.append(p.relative_to(out).as_posix())
    return names


def with_victim(n: int, prefix: str, at: int, token: str) -> list[dict[str, Any]]:
    """``n`` good rows, the one at index ``at`` replaced by ``victim`` carrying ``token``."""
    rows = good_rows(n, prefix)
    rows[at] = {"id": "victim", "text": f"{token} " + rows[0]["text"]}
    return rows


@pytest.fixture
def fault_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The fault stage registered in this process (forked workers inherit it)."""
    d = tmp_path / "faults"
    d.mkdir()
    monkeypatch.setitem(STAGES, "fault_for_tests", "_batch_helpers:FaultStage")
    monkeypatch.setenv(FAULT_DIR_ENV, str(d))
    return d


@pytest.fixture
def cli(tmp_path: Path) -> Iterator[Callable[..., subprocess.Popen[str]]]:
    """Start ``cleaner clean ARGS`` (with the fault stage) in its own process group;
    whatever the test does, the group is gone afterwards."""
    started: list[subprocess.Popen[str]] = []
    config = tmp_path / "faults.json"
    config.write_text(json.dumps({"stages": list(FAULT_STAGES)}), "utf-8")
    fault = tmp_path / "faults"
    fault.mkdir(exist_ok=True)

    def start(*args: str) -> subprocess.Popen[str]:
        env = dict(os.environ, **{FAULT_DIR_ENV: str(fault)})
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(TESTS), env.get("PYTHONPATH")) if p)
        proc = subprocess.Popen(
            [sys.executable, "-c", LAUNCH, "clean", *args, "--config", str(config)],
            cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            start_new_session=True,
        )
        started.append(proc)
        return proc

    yield start
    for proc in started:  # the whole group: workers outlive a parent killed with -9
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()


# -- a worker killed ----------------------------------------------------------------------


def _kill_when_held(fault_dir: Path, killed: list[int]) -> None:
    wait_for("a worker to hold the marked document", lambda: held_pid(fault_dir) is not None)
    pid = held_pid(fault_dir)
    assert pid is not None
    if psutil.Process(pid).ppid() == os.getpid():  # one of our pool's workers
        os.kill(pid, signal.SIGKILL)
        killed.append(pid)


@pytest.mark.parametrize(
    "token",
    [
        pytest.param("KILL-ME", id="the worker dies by itself (a crash in C code, OOM killer)"),
        pytest.param("HOLD-ME", id="the worker is killed from outside (kill -9) while it works"),
    ],
)
def test_worker_killed_mid_document_fails_that_document_only(
    tmp_path: Path, fault_dir: Path, cleaner_default: Any, token: str
) -> None:
    rows_a = with_victim(10, "a", 4, token)
    rows_b = good_rows(4, "b")
    write_jsonl(tmp_path / "corpus" / "a.jsonl", rows_a)
    write_jsonl(tmp_path / "corpus" / "b.jsonl", rows_b)
    killed: list[int] = []
    killer = threading.Thread(target=_kill_when_held, args=(fault_dir, killed), daemon=True)
    if token == "HOLD-ME":
        killer.start()
    files, _ = discover([str(tmp_path / "corpus")], ReadOptions())
    out = tmp_path / "out"
    result = run_batch(files, CleanerConfig(stages=FAULT_STAGES),
                       BatchOptions(out_dir=out, jobs=2, quiet=True))
    if token == "HOLD-ME":
        killer.join(5)
        assert len(killed) == 1
    failed = output_rows(out)["failed"]
    assert [(r["id"], r["reason"], r["line"]) for r in failed] == [("victim", "worker_crashed", 5)]
    assert failed[0]["error"] == "the worker process died on this document"
    summary = result.summary
    assert summary["failed_reasons"] == {"worker_crashed": 1}
    assert summary["run"]["worker_restarts"] == 1
    assert_adds_up(summary)
    assert summary["documents"]["in"] == 14
    assert placements(out) == once(rows_a, rows_b)
    assert temp_files(out) == []


def test_cli_worker_killed_from_outside(
    tmp_path: Path, cli: Callable[..., subprocess.Popen[str]]
) -> None:
    """The real command: `kill -9` of a busy worker; the run finishes and says why."""
    rows_a = with_victim(8, "a", 3, "HOLD-ME")
    write_jsonl(tmp_path / "corpus" / "a.jsonl", rows_a)
    out = tmp_path / "out"
    proc = cli(str(tmp_path / "corpus"), "-o", str(out), "-j", "2")
    wait_for("a worker to hold the marked document",
             lambda: held_pid(tmp_path / "faults") is not None)
    pid = held_pid(tmp_path / "faults")
    assert pid is not None and pid in [c.pid for c in psutil.Process(proc.pid).children()]
    os.kill(pid, signal.SIGKILL)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 1, err  # documents failed, all accounted for
    assert "worker_crashed 1" in err  # the summary table names the reason
    failed = output_rows(out)["failed"]
    assert [(r["id"], r["reason"], r["line"]) for r in failed] == [("victim", "worker_crashed", 4)]
    summary = summary_of(out)
    assert_adds_up(summary)
    assert summary["run"]["worker_restarts"] == 1
    assert placements(out) == once(rows_a)
    assert temp_files(out) == []


def test_worker_killed_while_idle_blames_no_document(cleaner_default: Any) -> None:
    """A worker killed between documents: the next document goes to its replacement.
    (Before: sending it work raised BrokenPipeError, which ended the whole run and
    which the CLI turned into a silent exit 0.)"""
    # no prefetch: a worker asks for its next record only when idle (with prefetch, a
    # worker killed while idle is the case of the first records or the stream's end)
    pool = LocalPool(CleanerConfig(), jobs=2, prefetch=0)
    rows = good_rows(6)
    killed: list[int] = []

    def records() -> Iterator[Record]:
        for i, row in enumerate(rows):
            if i == 3:  # the worker asking for this record is idle: kill every idle one
                for w in pool.workers:
                    if w.ready and w.task is None:
                        w.process.kill()
                        w.process.join()
                        killed.append(w.process.pid)
            field = "html" if "html" in row else "text"
            yield Record(Origin("mem", line=i + 1), id=row["id"], source=row[field],
                         format="html" if field == "html" else None)

    with pool:
        results = list(pool.imap(records()))
    assert killed
    assert [(r.id, r.outcome) for r in results] == [(row["id"], "kept") for row in rows]
    assert pool.restarts == len(killed)


def test_a_record_queued_behind_a_crash_is_cleaned_not_blamed(fault_dir: Path) -> None:
    """Prefetch: a worker holds its next record while it cleans one. When it dies on
    the one it cleans, the record queued behind it goes to the replacement and is
    cleaned; only the record it died on fails."""
    pool = LocalPool(CleanerConfig(stages=FAULT_STAGES), jobs=1)
    rows = with_victim(5, "q", 1, "KILL-ME")
    held_ahead: list[int] = []

    def records() -> Iterator[Record]:
        for i, row in enumerate(rows):
            # asked for the next record while the only worker still has one: prefetch
            held_ahead.append(max((len(w.tasks) for w in pool.workers), default=0))
            field = "html" if "html" in row else "text"
            yield Record(Origin("mem", line=i + 1), id=row["id"], source=row[field],
                         format="html" if field == "html" else None)

    with pool:
        results = list(pool.imap(records()))
    assert [(r.id, r.outcome) for r in results] == [
        (row["id"], "failed" if row["id"] == "victim" else "kept") for row in rows
    ]
    assert [r.reason for r in results if r.outcome == "failed"] == ["worker_crashed"]
    assert pool.restarts == 1
    assert 1 in held_ahead  # a record was handed over while another was being cleaned


# -- Ctrl-C and kill -9 of the whole run ----------------------------------------------------


@pytest.mark.parametrize(
    ("sig", "to_group", "exit_code"),
    [
        pytest.param(signal.SIGINT, True, 130,
                     id="Ctrl-C: SIGINT to the process group, as a terminal sends it"),
        pytest.param(signal.SIGKILL, False, -signal.SIGKILL,
                     id="kill -9 of the parent: no cleanup runs, workers must not linger"),
    ],
)
def test_stopped_run_leaves_whole_outputs_and_resume_completes(
    tmp_path: Path, cli: Callable[..., subprocess.Popen[str]], cleaner_default: Any,
    sig: signal.Signals, to_group: bool, exit_code: int,
) -> None:
    corpus = tmp_path / "corpus"
    rows_a = good_rows(6, "a")
    rows_b = with_victim(6, "b", 2, "HOLD-ME")
    write_jsonl(corpus / "a.jsonl", rows_a)
    write_jsonl(corpus / "b.jsonl", rows_b)
    out = tmp_path / "out"
    fault = tmp_path / "faults"
    proc = cli(str(corpus), "-o", str(out), "-j", "2", "-q")
    # mid-run, deterministically: unit a committed, a worker busy on unit b
    wait_for("unit a to complete", lambda: (out / ".cleaner" / "done" / "a.json").exists())
    wait_for("a worker to hold the marked document", lambda: held_pid(fault) is not None)
    workers = psutil.Process(proc.pid).children()
    assert len(workers) == 2
    started = time.monotonic()
    if to_group:
        os.killpg(proc.pid, sig)
    else:
        os.kill(proc.pid, sig)
        (fault / "release").touch()  # the held worker finishes its document, then notices
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == exit_code, err
    if sig == signal.SIGINT:
        assert err == "cleaner: interrupted\n"
        # the busy worker is not waited for (before: 5 s, then killed anyway)
        assert time.monotonic() - started < 4
        assert temp_files(out) == []
    _, alive = psutil.wait_procs(workers, timeout=15)
    assert alive == []  # no orphan workers
    # only the completed unit is under final names; unit b left hidden temp files at most;
    # Ctrl-C still writes the summary of what was completed (a kill cannot)
    summary = [] if sig == signal.SIGKILL else ["summary.json"]
    assert assert_whole(out) == [".cleaner/done/a.json", "kept/a.jsonl", *summary]
    if summary:
        assert summary_of(out)["status"] == "interrupted"
        assert summary_of(out)["documents"]["in"] == len(rows_a) and summary_of(out)["accounted"]
    assert all(p.name.startswith(".b.jsonl.tmp-") for p in temp_files(out))

    assert main(["clean", str(corpus), "-o", str(out), "-j", "2", "-q", "--resume"]) == 0
    summary = summary_of(out)
    assert summary["units"] == {"total": 2, "resumed": 1, "run": 1}
    assert_adds_up(summary)
    assert summary["documents"]["kept"] == 12
    assert placements(out) == once(rows_a, rows_b)
    assert temp_files(out) == []


# -- the disk full ----------------------------------------------------------------------------


class _FillingWriter(io.BufferedWriter):
    """A file on a disk with ``room`` bytes left: the write that needs more fails."""

    room = 0

    def write(self, data: Any) -> int:
        if len(data) > self.room:
            raise OSError(errno.ENOSPC, ENOSPC)
        self.room -= len(data)
        return super().write(data)


class FullDisk:
    """Fails the writes of one output with ENOSPC, as a full disk does: at ``write``
    once ``room`` bytes went in (mid-file), or at ``fsync`` when the file is committed
    (delayed allocation, network file systems). ``full = False`` frees the space."""

    def __init__(self, target: Path, at: str, room: int) -> None:
        self.target, self.at, self.room = target, at, room
        self.full = True
        self.fds: set[int] = set()
        self.real_fsync = os.fsync

    def open(self, file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        path = Path(file)
        ours = (self.full and path.parent == self.target.parent
                and path.name.startswith(f".{self.target.name}.tmp-"))
        if ours and self.at == "write":
            filling = _FillingWriter(io.FileIO(path, "wb"))
            filling.room = self.room
            return filling
        f = open(file, mode, *args, **kwargs)  # noqa: SIM115 - the caller closes it
        if ours:
            self.fds.add(f.fileno())
        return f

    def fsync(self, fd: int) -> None:
        if self.full and fd in self.fds:
            self.fds.discard(fd)
            raise OSError(errno.ENOSPC, ENOSPC)
        self.real_fsync(fd)


@pytest.mark.parametrize(
    ("target", "at", "room", "resumed"),
    [
        pytest.param("kept/b.jsonl", "write", 2500, 1,
                     id="the disk fills while a shard is written, after its first record"),
        pytest.param("kept/b.jsonl", "fsync", 0, 1,
                     id="the file system reports it at fsync (delayed allocation, NFS)"),
        pytest.param(".cleaner/done/b.json", "write", 0, 1,
                     id="shards in place but the unit's resume marker cannot be written"),
        pytest.param("summary.json", "write", 0, 2,
                     id="every unit done, only the summary cannot be written"),
    ],
)
def test_disk_full_is_a_clear_error_and_resume_completes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    cleaner_default: Any, target: str, at: str, room: int, resumed: int,
) -> None:
    corpus = tmp_path / "corpus"
    rows_a, rows_b = good_rows(3, "a"), good_rows(4, "b")
    write_jsonl(corpus / "a.jsonl", rows_a)
    write_jsonl(corpus / "b.jsonl", rows_b)
    out = tmp_path / "out"
    disk = FullDisk(out / target, at, room)
    monkeypatch.setattr(atomic, "open", disk.open, raising=False)  # the one atomic writer
    monkeypatch.setattr(os, "fsync", disk.fsync)

    assert main(["clean", str(corpus), "-o", str(out), "-q"]) == 3  # output failure
    assert capsys.readouterr().err == (
        f"cleaner: error: cannot write {out / target}: {ENOSPC} {RESUME_HINT}\n"
    )
    assert temp_files(out) == []  # the failed file's temp is gone, not left to fill the disk
    names = assert_whole(out)
    assert "kept/a.jsonl" in names
    if target != "summary.json":  # the summary of what was done is written all the same
        assert summary_of(out)["status"] == "stopped: OSError"

    disk.full = False  # space freed
    assert main(["clean", str(corpus), "-o", str(out), "-q", "--resume"]) == 0
    summary = summary_of(out)
    assert summary["units"] == {"total": 2, "resumed": resumed, "run": 2 - resumed}
    assert_adds_up(summary)
    assert placements(out) == once(rows_a, rows_b)
    assert temp_files(out) == []


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 64 KiB tmpfs (needs root on Linux; skipped where mounting is not permitted)."""
    mnt = tmp_path / "disk"
    mnt.mkdir()
    try:
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mnt)],
                              capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as exc:
        pytest.skip(f"cannot mount a tmpfs here: {exc}")
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], capture_output=True, timeout=30)


def test_real_full_disk_then_resume(
    tmp_path: Path, small_disk: Path, capsys: pytest.CaptureFixture[str], cleaner_default: Any
) -> None:
    corpus = tmp_path / "corpus"
    rows_a, rows_b = good_rows(2, "a"), good_rows(64, "b")  # b needs ~128 KiB (compact reports)
    write_jsonl(corpus / "a.jsonl", rows_a)
    write_jsonl(corpus / "b.jsonl", rows_b)
    out = small_disk / "out"
    assert main(["clean", str(corpus), "-o", str(out), "-q"]) == 3
    assert capsys.readouterr().err == (
        f"cleaner: error: cannot write {out / 'kept' / 'b.jsonl'}: {ENOSPC} {RESUME_HINT}\n"
    )
    assert temp_files(out) == []
    # the summary of the stopped run is written when the space left allows it
    names = [n for n in assert_whole(out) if n != "summary.json"]
    assert names == [".cleaner/done/a.json", "kept/a.jsonl"]
    subprocess.run(["mount", "-o", "remount,size=16m", str(small_disk)], check=True, timeout=30)
    assert main(["clean", str(corpus), "-o", str(out), "-q", "--resume"]) == 0
    summary = summary_of(out)
    assert summary["units"] == {"total": 2, "resumed": 1, "run": 1}
    assert_adds_up(summary)
    assert placements(out) == once(rows_a, rows_b)
    assert temp_files(out) == []


# -- a compressed input cut short, then repaired ------------------------------------------------


@pytest.mark.parametrize(
    ("suffix", "min_readable"),
    [
        pytest.param(".jsonl.gz", 1, id="gzip stream cut short: decodes up to the cut"),
        pytest.param(".jsonl.zst", 0,
                     id="zstd frame cut short: these rows share one block, none decodes"),
    ],
)
def test_truncated_input_then_repaired_is_redone_without_duplicates(
    tmp_path: Path, cleaner_default: Any, suffix: str, min_readable: int
) -> None:
    corpus = tmp_path / "corpus"
    rows_a = good_rows(3, "a")
    write_jsonl(corpus / "a.jsonl", rows_a)
    cut = write_truncated_gz(corpus / f"t{suffix}", n=12)
    out = tmp_path / "out"
    assert main(["clean", str(corpus), "-o", str(out), "-j", "2", "-q"]) == 1
    failed = output_rows(out)["failed"]
    assert [(r["reason"], r["source_file"]) for r in failed] == [("truncated", str(cut))]
    assert failed[0]["error"].startswith(f"cannot read past line {failed[0]['line'] - 1}: ")
    got = placements(out)
    readable = [f"trunc-{i}" for i in range(12) if f"trunc-{i}" in got]
    assert min_readable <= len(readable) < 12
    assert got == once(rows_a, readable)  # the records before the cut, each once, in order
    summary = summary_of(out)
    assert summary["failed_reasons"] == {"truncated": 1}
    assert summary["documents"]["in"] == 3 + len(readable) + 1
    assert_adds_up(summary)

    write_jsonl(cut, good_rows(12, "trunc"))  # the full file replaces the cut one
    assert main(["clean", str(corpus), "-o", str(out), "-j", "2", "-q", "--resume"]) == 0
    summary = summary_of(out)
    assert summary["units"] == {"total": 2, "resumed": 1, "run": 1}
    assert summary["documents"]["failed"] == 0
    assert_adds_up(summary)
    # the earlier attempt's failed shard is gone (before: it stayed, so the outputs held
    # one failed record more than summary.json counted)
    assert output_rows(out)["failed"] == []
    assert placements(out) == once(rows_a, good_rows(12, "trunc"))
    assert temp_files(out) == []


def test_resume_moves_a_page_whose_verdict_changed(tmp_path: Path, cleaner_default: Any) -> None:
    """A page kept by an earlier run and rejected now (its file changed) is in rejected/
    only (before: its old kept/ mirror stayed too)."""
    site = tmp_path / "site"
    site.mkdir()
    good = good_rows(1)[0]["text"]
    (site / "a.txt").write_text(good, "utf-8")
    (site / "b.txt").write_text(good, "utf-8")
    out = tmp_path / "out"
    assert main(["clean", str(site), "-o", str(out), "-q"]) == 0
    assert (out / "kept" / "a.txt.txt").is_file()
    (site / "a.txt").write_text("Too short.", "utf-8")
    assert main(["clean", str(site), "-o", str(out), "-q", "--resume"]) == 0
    assert [r["id"] for r in output_rows(out)["rejected"]] == ["a.txt"]
    assert placements(out) == once(["a.txt", "b.txt"])
    assert_adds_up(summary_of(out))

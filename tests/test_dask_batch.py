"""The Dask engine on a real ``distributed.LocalCluster`` (worker processes on loopback)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from _batch_helpers import good_rows, output_rows, temp_files, write_broken_jsonl, write_jsonl

from cleaner.batch import BatchOptions, ReadOptions, discover, run_batch
from cleaner.cli import main
from cleaner.config import CleanerConfig

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    from cleaner.batch.dask_engine import local_cluster

    with local_cluster(2) as c:  # the cluster `--engine dask` starts without --scheduler
        yield c


def _listeners(pids: set[int]) -> list[tuple[int, str, int]]:
    import psutil

    found = []
    for pid in pids:
        try:
            conns = psutil.Process(pid).net_connections(kind="inet")
        except psutil.Error:
            continue
        found += [(pid, c.laddr.ip, c.laddr.port) for c in conns
                  if c.status == psutil.CONN_LISTEN]
    return found


def test_local_cluster_listens_on_loopback_only(cluster: Any) -> None:
    """Scheduler, dashboard, workers, nannies: nothing reachable from another machine
    (the dashboard used to listen on 0.0.0.0)."""
    import os

    import psutil

    me = psutil.Process(os.getpid())
    pids = {os.getpid(), *(p.pid for p in me.children(recursive=True))}
    listeners = _listeners(pids)
    assert len({pid for pid, _, _ in listeners}) >= 3, listeners  # us + 2 workers (+ nannies)
    dashboard = int(cluster.dashboard_link.split(":")[-1].split("/")[0])
    assert dashboard in {port for _, _, port in listeners}
    public = [(pid, ip, port) for pid, ip, port in listeners if ip not in ("127.0.0.1", "::1")]
    assert public == []


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("dask") / "corpus"
    for i in range(3):
        write_jsonl(root / f"shard-{i}.jsonl.gz", good_rows(4, f"s{i}"))
    write_broken_jsonl(root / "shard-9-broken.jsonl")
    return root


def test_dask_cluster_gives_the_same_outputs_as_the_local_engine(
    cluster: Any, corpus: Path, tmp_path: Path
) -> None:
    files, _ = discover([str(corpus)], ReadOptions())
    results = {}
    for engine in ("local", "dask"):
        out = tmp_path / engine
        opts = BatchOptions(out_dir=out, engine=engine, quiet=True, jobs=2,  # type: ignore[arg-type]
                            scheduler=cluster.scheduler_address if engine == "dask" else None)
        result = run_batch(files, CleanerConfig(), opts)
        rows = output_rows(out)
        results[engine] = (
            {o: [(r["id"], r.get("text"), r.get("reason")) for r in rs] for o, rs in rows.items()},
            {k: v for k, v in result.summary["documents"].items()},
        )
        assert result.summary["accounted"] is True
        assert temp_files(out) == []
    assert results["dask"] == results["local"]
    # one output shard per partition (input shard) and outcome
    kept = sorted(p.relative_to(tmp_path / "dask").as_posix()
                  for p in (tmp_path / "dask" / "kept").iterdir())
    assert kept == sorted(f"kept/{n}.jsonl" for n in
                          {p.name.split(".")[0] for p in corpus.iterdir()}
                          if (tmp_path / "local" / "kept" / f"{n}.jsonl").exists())


def test_dask_ran_on_several_worker_processes(cluster: Any, corpus: Path, tmp_path: Path) -> None:
    import os

    client = distributed.Client(cluster.scheduler_address)
    try:
        pids = set(client.run(os.getpid).values())
    finally:
        client.close()
    assert len(pids) == 2 and os.getpid() not in pids


def test_cli_dask_engine_starts_its_own_local_cluster(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "cli"
    code = main(["clean", str(corpus), "-o", str(out), "--engine", "dask", "-j", "2"])
    assert code == 1  # the broken shard has failed records, all accounted for
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    assert summary["run"]["engine"] == "dask"
    assert summary["documents"]["read"] == summary["documents"]["in"] == 12 + 9
    assert re.search(r"^cleaner: 21 documents .*, dask\)$", capsys.readouterr().err, re.M)


def test_dask_refuses_stdin(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", "-", "-o", str(tmp_path / "o"), "--engine", "dask",
                 "--input-format", "jsonl"]) == 2
    assert capsys.readouterr().err == (
        "cleaner: error: the dask engine cannot read stdin: give files or folders\n"
    )


# -- the cluster failing: exit 3 with a clear message, never a traceback or a hang ----------


class _KillOnPoison(distributed.WorkerPlugin):
    """On every worker (the scheduler re-applies it to each replacement): a unit whose
    name holds ``poison`` kills the worker process, as a crash or the OOM killer would."""

    def setup(self, worker: Any) -> None:
        import os
        import signal

        from cleaner.batch import dask_engine

        original = dask_engine.process_unit

        def process_unit(unit: Any, *args: Any, **kwargs: Any) -> Any:
            if "poison" in unit.name:
                os.kill(os.getpid(), signal.SIGKILL)
            return original(unit, *args, **kwargs)

        dask_engine.process_unit = process_unit  # type: ignore[assignment]


def test_a_remote_worker_dying_is_an_environment_failure(tmp_path: Path) -> None:
    import subprocess
    import sys

    import dask

    src = tmp_path / "in"
    write_jsonl(src / "good.jsonl", good_rows(2, "g"))
    write_jsonl(src / "poison.jsonl", good_rows(2, "p"))
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}), \
            distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                                     host="127.0.0.1", dashboard_address=None) as c, \
            distributed.Client(c) as client:
        client.register_plugin(_KillOnPoison())
        out = tmp_path / "out"
        # the CLI in its own process, as a user runs it: a second Client in this process
        # (beside the module's cluster and this test's client) would share their event loops
        proc = subprocess.run(
            [sys.executable, "-c", "import sys; from cleaner.cli import main; "
             "sys.exit(main(sys.argv[1:]))", "clean", str(src), "-o", str(out), "-q",
             "--engine", "dask", "--scheduler", c.scheduler_address],
            capture_output=True, text=True, timeout=300)
    code, err = proc.returncode, proc.stderr
    assert code == 3, err
    # (the scheduler blames every unit that was on the dead worker: either may be named)
    # (distributed's own client logger may print a warning line before ours)
    assert re.search(r"^cleaner: error: a Dask worker died while cleaning (poison|good) ", err,
                     re.M), err
    assert "--resume" in err and "Traceback" not in err
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    assert summary["status"] == "stopped: RunError"


def test_a_cluster_without_workers_stops_instead_of_waiting_forever(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from cleaner.batch import dask_engine

    monkeypatch.setattr(dask_engine, "WORKERLESS_SECONDS", 3.0)
    src = tmp_path / "in"
    write_jsonl(src / "a.jsonl", good_rows(2, "a"))
    with distributed.LocalCluster(n_workers=0, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as c:
        code = main(["clean", str(src), "-o", str(tmp_path / "out"), "-q", "--engine", "dask",
                     "--scheduler", c.scheduler_address])
    err = capsys.readouterr().err
    assert code == 3, err
    assert err.startswith("cleaner: error: the Dask cluster has had no worker for 3 s"), err


def test_an_unreachable_scheduler_is_an_environment_failure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import socket

    from cleaner.batch import dask_engine

    monkeypatch.setattr(dask_engine, "CONNECT_SECONDS", 2.0)
    with socket.socket() as s:  # a free port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    src = tmp_path / "in"
    write_jsonl(src / "a.jsonl", good_rows(1, "a"))
    code = main(["clean", str(src), "-o", str(tmp_path / "out"), "-q", "--engine", "dask",
                 "--scheduler", f"tcp://127.0.0.1:{port}"])
    err = capsys.readouterr().err
    assert code == 3, err
    assert err.startswith(
        f"cleaner: error: cannot reach the Dask scheduler at tcp://127.0.0.1:{port}: "), err

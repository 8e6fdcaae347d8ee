"""The library journey of a scraper that batches: ``clean(id=, format=)``, ``.id``/``.url``
on results, and ``clean_many(items, jobs=N)`` in worker processes, order kept."""

from __future__ import annotations

import os

import pytest

import cleaner
from cleaner import (
    Cleaner,
    CleanerConfig,
    CleanResult,
    ConfigError,
    InputError,
    StageError,
    pipeline,
)
from cleaner.model import Document
from cleaner.pipeline import Failure

ARTICLE = "<html><body><article>" + "".join(
    f"<p>Paragraph {i} of a plain article about the harbour wall and the ferry times.</p>"
    for i in range(4)
) + "</article></body></html>"


class _PidStage:
    """Records the process that cleaned the document; ``os._exit`` on a planted marker
    (a worker dying the hard way, as a segfault in a dependency would)."""

    name = "pid"

    def __init__(self, config: CleanerConfig) -> None:
        pass

    def __call__(self, doc: Document) -> None:
        if "KILL-THE-WORKER" in doc.text:
            os._exit(3)
        if "FAIL-THE-STAGE" in doc.text:
            raise ValueError("private words from the document")
        doc.meta["pid"] = os.getpid()


@pytest.fixture
def light_config(monkeypatch: pytest.MonkeyPatch) -> CleanerConfig:
    """A cheap pipeline (no presidio) with the pid stage; workers are forked, so the
    patched stage table reaches them."""
    monkeypatch.setitem(pipeline.STAGES, "pid", f"{__name__}:_PidStage")
    return CleanerConfig(stages=("extract", "pid", "assemble"))


def test_top_level_clean_takes_id_and_format() -> None:
    # planted: markup that format="text" must keep as text, not parse as HTML
    result = cleaner.clean("<b>not markup</b> but a line of text", id="doc-7",
                           url="https://example.org/a", format="text")
    assert isinstance(result, CleanResult)
    assert (result.id, result.url) == ("doc-7", "https://example.org/a")
    assert result.report.to_dict()["input"]["format"] == "text"
    assert result.text == "<b>not markup</b> but a line of text"


def test_results_carry_id_and_url_from_records(light_config: CleanerConfig) -> None:
    items = [{"id": "r1", "text": "first record text", "url": "https://x.org/1"}, "bare text"]
    out = list(Cleaner(light_config).clean_many(items))
    assert [(r.id, r.url) for r in out] == [("r1", "https://x.org/1"), (None, None)]


def _items(n: int) -> list[object]:
    return [{"id": f"doc-{i}", "text": f"Record number {i}.\n\nSecond paragraph of {i}."}
            for i in range(n)]


def test_clean_many_jobs_runs_in_workers_and_keeps_order(light_config: CleanerConfig) -> None:
    items = _items(12)
    items[5] = {"id": "no-source"}  # fails: missing field
    serial = list(Cleaner(light_config).clean_many(items, on_error="return"))
    parallel = list(cleaner.clean_many(items, jobs=2, on_error="return", config=light_config))
    assert [getattr(r, "id", None) for r in parallel] == [f"doc-{i}" if i != 5 else "no-source"
                                                         for i in range(12)]
    assert parallel[5] == Failure(id="no-source", reason="missing_field",
                                  message="record 5 has no 'source', 'html' or 'text'")
    assert [r.text for r in parallel if isinstance(r, CleanResult)] == \
        [r.text for r in serial if isinstance(r, CleanResult)]
    pids = {r.document.meta["pid"] for r in parallel if isinstance(r, CleanResult)}
    assert os.getpid() not in pids, "jobs=2 must clean in worker processes"


def test_clean_many_jobs_is_lazy_on_an_endless_stream(light_config: CleanerConfig) -> None:
    def endless():
        i = 0
        while True:
            yield f"Text {i} of an endless stream."
            i += 1

    stream = Cleaner(light_config).clean_many(endless(), jobs=2)
    first = [next(stream).text for _ in range(3)]
    stream.close()
    assert first == [f"Text {i} of an endless stream." for i in range(3)]


def test_clean_many_jobs_errors_are_the_named_exceptions(light_config: CleanerConfig) -> None:
    items = ["fine text", "FAIL-THE-STAGE here", "more text"]
    with pytest.raises(StageError, match="stage 'pid' failed: ValueError") as info:
        list(Cleaner(light_config).clean_many(items, jobs=2))
    assert info.value.reason == "stage_failed" and "private" not in str(info.value)
    with pytest.raises(InputError):
        list(Cleaner(light_config).clean_many([{"id": "x"}], jobs=2))


def test_a_dead_worker_fails_only_its_own_item(light_config: CleanerConfig) -> None:
    items = _items(6)
    items[2] = {"id": "killer", "text": "KILL-THE-WORKER now"}
    out = list(Cleaner(light_config).clean_many(items, jobs=2, on_error="return"))
    assert [getattr(r, "id", None) for r in out] == [
        "doc-0", "doc-1", "killer", "doc-3", "doc-4", "doc-5"]
    assert isinstance(out[2], Failure) and out[2].reason == "worker_died"
    assert all(isinstance(r, CleanResult) for i, r in enumerate(out) if i != 2)


@pytest.mark.parametrize("jobs", [0, -1, 1.5, True], ids=["zero", "negative", "float", "bool"])
def test_clean_many_refuses_bad_jobs(jobs: object) -> None:
    with pytest.raises(ConfigError, match="jobs must be a positive integer"):
        list(Cleaner(CleanerConfig(stages=("extract", "assemble"))).clean_many(
            ["x"], jobs=jobs))  # type: ignore[arg-type]

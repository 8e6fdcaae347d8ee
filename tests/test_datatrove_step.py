"""The datatrove step, run by datatrove's own LocalPipelineExecutor."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest
from _batch_helpers import good_rows, page, write_jsonl

pytest.importorskip("datatrove")

from datatrove.data import Document
from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter

from cleaner.config import CleanerConfig, ExtractionConfig
from cleaner.integrations.datatrove import CleanerStep


def _read_all(folder: Path) -> list[dict[str, Any]]:
    rows = []
    for p in sorted(folder.rglob("*.jsonl.gz")):
        rows.extend(json.loads(x) for x in gzip.decompress(p.read_bytes()).splitlines())
    return rows


def test_local_executor_cleans_and_accounts_for_every_document(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    rows = good_rows(6, "dt")
    # (datatrove's reader itself skips empty texts, so the shortest input is a few words)
    rows.append({"id": "dt-short", "text": "Too short to keep.", "metadata": {}})
    rows.append({"id": "dt-huge", "text": "word " * 60_000, "metadata": {}})  # over the limit
    for r in rows:  # datatrove reads `text`; put HTML there for the html rows
        if "html" in r:
            r["text"] = r.pop("html")
    for i in range(2):  # two input files -> two tasks
        write_jsonl(raw / f"part-{i}.jsonl", rows[i::2])
    clean, excluded = tmp_path / "clean", tmp_path / "excluded"
    executor = LocalPipelineExecutor(
        pipeline=[
            JsonlReader(str(raw)),
            CleanerStep(CleanerConfig(extraction=ExtractionConfig(max_input_bytes=200_000)),
                        exclusion_writer=JsonlWriter(str(excluded))),
            JsonlWriter(str(clean)),
        ],
        tasks=2, workers=1, logging_dir=str(tmp_path / "logs"),
    )
    executor.run()
    kept, dropped = _read_all(clean), _read_all(excluded)
    assert sorted(d["id"] for d in kept + dropped) == sorted(r["id"] for r in rows)
    for d in kept:
        assert d["metadata"]["cleaner"]["verdict"] in ("keep", "review")
        assert d["metadata"]["cleaner"]["schema"] == "cleaner.report/1"
        assert "<" not in d["text"][:1]  # clean text, not markup
    reasons = {d["id"]: d["metadata"]["filter_reason"] for d in dropped}
    assert reasons["dt-huge"] == "failed:too_large"
    assert reasons["dt-short"] == "reject"
    assert dropped[0]["metadata"].get("cleaner_error") or dropped[0]["metadata"].get("cleaner")
    stats = json.loads((tmp_path / "logs" / "stats.json").read_text("utf-8"))
    step = next(s for s in stats if "cleaner" in s["name"])

    def total(v: Any) -> int:  # datatrove stores a bare number when there is no spread
        return int(v["total"]) if isinstance(v, dict) else int(v)

    counted = {k: total(v) for k, v in step["stats"].items()
               if k in ("kept", "review", "reject", "failed")}
    assert counted["failed"] == 1 and counted["reject"] >= 1
    assert sum(counted.values()) == total(step["stats"]["total"]) == len(rows)


@pytest.mark.parametrize(
    "html_key",
    [
        pytest.param(None, id="text is cleaned in place"),
        pytest.param("html", id="html in metadata is the source, then dropped"),
    ],
)
def test_step_on_single_documents(html_key: str | None) -> None:
    html = page("de_bericht.html")
    doc = Document(text="" if html_key else html, id="d1",
                   metadata={"url": "https://example.de/b", **({"html": html} if html_key else {})})
    step = CleanerStep(html_key=html_key, report="summary")
    (d,) = list(step.run(iter([doc])))
    assert d.text and "<" not in d.text
    assert "html" not in d.metadata
    # the compact report (cleaner.compact): the shape of batch rows and the Scrapy pipeline
    assert set(d.metadata["cleaner"]) == {"schema", "verdict", "language", "summary",
                                          "quality", "output", "compact"}
    assert set(d.metadata["cleaner"]["quality"]) == {"score", "verdict", "reasons",
                                                     "reason_details"}
    assert d.metadata["language"] == "de"


def test_missing_html_key_is_failed_not_lost(tmp_path: Path) -> None:
    sink: list[Any] = []

    class ListWriter:
        def __enter__(self) -> ListWriter:
            return self

        def __exit__(self, *exc: object) -> None:
            return None

        def write(self, doc: Document, rank: int = 0) -> None:
            sink.append(doc)

    step = CleanerStep(html_key="html", exclusion_writer=ListWriter())
    out = list(step.run(iter([Document(text="x", id="nohtml", metadata={})])))
    assert out == []
    assert [(d.id, d.metadata["filter_reason"]) for d in sink] == [
        ("nohtml", "failed:missing_field")
    ]

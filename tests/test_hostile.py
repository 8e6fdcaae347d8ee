"""Hostile HTML and text (issue 8): each cleans in bounded time and memory, or fails with a
named error and a reason; a batch with hostile records goes on and accounts for every one.

Cases are :func:`_hardening_helpers.hostile_cases` (100,000 nesting levels, a million
attributes, 50 MB of text, entity/comment bombs, NUL bytes, bad encodings, RTL, combining
and zero-width characters ...) plus the regression rows below. ``make test`` runs each at
the scale in :data:`QUICK_SCALE` (1.0, the issue's size, unless noted there);
``CLEANER_SOAK=1`` (``make soak``) runs every case at 1.0, bounds the memory of every
case (not only :data:`HEAVIEST`) and builds the batch records at 1.0.

Measured on the development machine (2 shared cores, load 1-4, ``cpu_factor()`` 1.0), with
``python -m pytest tests/test_hostile.py --durations=0`` (and ``CLEANER_SOAK=1``):

* ``clean()`` at scale 1.0, input building excluded: many_entities 1.5-2.2 s (8.7 MB of
  references; 0.4-0.65 s at its make-test scale 0.25), nested_tables 0.8-1.2 s (10,000
  levels; **95 s** before extract.MAX_TABLE_DEPTH), million_attributes 0.1 s (+0.4-0.6 s to
  build the 16.8 MB page), nested_div 0.5-0.65 s (100,000 levels), combining_marks and
  nested_lists 0.4-0.65 s, every other case under 0.45 s; huge_text (50 MB) and
  one_huge_line are refused at once (``too_large``).
* Bound: :data:`TIME_BOUND_S` (10 s) x ``cpu_factor()`` per case at any scale: over 4x the
  slowest case on a loaded machine, a tenth of what the table bomb took.
* Peak RSS, ``ru_maxrss`` of a fresh child that loads the engines, cleans a short article,
  builds the case and cleans it: engines loaded 174 MB; million_attributes 275 MB (+101 MB,
  most of it building the input), huge_text 222-268 MB (+48-94 MB, the 50 MB string),
  nested_div 187 MB (+13 MB); the largest growth of all cases (soak) is many_entities
  +114 MB, then script_bomb +59 MB, many_elements +68 MB. Bound: growth <=
  :data:`MEM_FIXED_MB` (200 MB) + :data:`MEM_PER_INPUT_MB` (4) x input MB.
* This file: ~25 s under ``make test`` (3 memory children load the engines, ~3 s each;
  the 2-worker batch ~7 s), ~100 s under ``CLEANER_SOAK=1``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from _batch_helpers import good_rows, output_rows
from _hardening_helpers import ARTICLE, ARTICLE_HTML, HostileCase, cpu_factor, hostile_cases, page

from cleaner import Cleaner, CleanerConfig
from cleaner.batch import BatchOptions, ReadOptions, RunOptions, discover, run_batch
from cleaner.errors import CleanerError
from cleaner.model import CleanResult

ROOT = Path(__file__).resolve().parent.parent
TESTS = Path(__file__).resolve().parent
SOAK = bool(os.environ.get("CLEANER_SOAK"))

#: seconds one case may take at any scale, times ``cpu_factor()``
TIME_BOUND_S = 10.0
#: memory growth over a process with the engines loaded: fixed part and per MB of input
MEM_FIXED_MB = 200.0
MEM_PER_INPUT_MB = 4.0
#: cases whose memory is bounded under ``make test`` (``make soak`` bounds every case)
HEAVIEST = ("million_attributes", "huge_text", "nested_div")

#: ``make test`` scale per case when not 1.0, and why (full scale is cheap elsewhere)
QUICK_SCALE: dict[str, tuple[float, str]] = {
    "many_entities": (0.25, "1.5 s at full scale, linear: a quarter shows the same path"),
}

#: sentences that must survive when a case keeps its article
SENTENCES = [s.strip() + "." for s in ARTICLE.split(". ") if s.strip().strip(".")]


def _regressions() -> list[HostileCase]:
    a = ARTICLE_HTML
    return [
        # regression (issue 8): trafilatura's table handler collected the elements of every
        # nested table once per enclosing table: 10,000 nested tables took 95 s, 2,000 took
        # 17 s. Fixed in cleaner/extract.py (tables nested deeper than MAX_TABLE_DEPTH become
        # plain containers). Text in every cell, so the flattened tables carry content.
        HostileCase("regression_nested_tables_with_text",
                    "2,000 nested tables with text in every cell (17 s before the fix)",
                    lambda s: page(a + "".join(f"<table><tr><td>cell {i} "
                                               for i in range(2_000)) + "x")),
        # regression (issue 8): a str input with lone surrogates (what a JSON "\ud800"
        # escape decodes to) kept them in the clean text, which no UTF-8 writer can encode:
        # a batch run over such a JSONL record crashed. Fixed in cleaner/detect.py
        # (to_text turns them into U+FFFD).
        HostileCase("regression_lone_surrogates_text",
                    "lone surrogates in a plain-text str (as decoded from JSON escapes)",
                    lambda s: "Harbour \ud800 wall\udfff news\n\n" + ARTICLE * 3),
    ]


CASES = hostile_cases() + _regressions()


def scale_of(case: HostileCase) -> float:
    if SOAK:
        return 1.0
    return QUICK_SCALE.get(case.id, (1.0, ""))[0]


def _params(cases: list[HostileCase]) -> list[Any]:
    return [pytest.param(c, id=c.id) for c in cases]


@pytest.fixture(scope="module")
def factor() -> float:
    return cpu_factor()


def check_result(case: HostileCase, result: CleanResult) -> None:
    """What a cleaned (not refused) hostile input must give."""
    result.text.encode("utf-8")  # writable: no lone surrogates
    doc = result.document
    for b in doc.blocks:
        assert 0 <= b.start < b.end <= len(doc.text)
    json.dumps(result.report.to_dict(), ensure_ascii=False).encode("utf-8")
    if case.keeps_article:
        missing = [s for s in SENTENCES if s not in result.text]
        assert missing == [], f"{case.id}: {len(missing)} article sentence(s) lost"


def check_error(case: HostileCase, exc: CleanerError) -> None:
    assert isinstance(exc.reason, str) and exc.reason.strip(), f"{case.id}: no reason"
    message = str(exc)
    assert message.strip(), f"{case.id}: empty message"
    assert not any(s in message for s in SENTENCES), f"{case.id}: message quotes the page"


@pytest.mark.parametrize("case", _params(CASES))
def test_hostile_input_is_cleaned_in_bounded_time_or_refused_by_name(
    cleaner_default: Cleaner, factor: float, case: HostileCase
) -> None:
    assert case.why
    source = case.build(scale_of(case))
    t0 = time.perf_counter()
    try:
        result = cleaner_default.clean(source)
    except CleanerError as exc:  # any other exception fails the test
        check_error(case, exc)
    else:
        check_result(case, result)
    took = time.perf_counter() - t0
    bound = TIME_BOUND_S * factor
    assert took <= bound, f"{case.id}: {took:.1f} s (bound {bound:.1f} s)"


def test_deep_tables_are_flattened_and_say_so(cleaner_default: Cleaner) -> None:
    """The table fix reports what it did (markup only; no text is lost)."""
    case = next(c for c in CASES if c.id == "regression_nested_tables_with_text")
    result = cleaner_default.clean(case.build(1.0))
    marks = [f for f in result.document.findings if f.rule == "flattened_tables"]
    assert len(marks) == 1 and marks[0].action == "marked" and marks[0].detail["tags"] > 0
    assert all(s in result.text for s in SENTENCES)


# -- memory ---------------------------------------------------------------------------

CHILD = """
import json, resource, sys
sys.path.insert(0, sys.argv[3])
from _hardening_helpers import ARTICLE, hostile_cases
from cleaner import Cleaner
from cleaner.errors import CleanerError

def peak_mb():
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1 << 20) if sys.platform == "darwin" else rss / 1024

cleaner = Cleaner()
cleaner.clean(ARTICLE * 4)
base = peak_mb()
source = {c.id: c for c in hostile_cases()}[sys.argv[1]].build(float(sys.argv[2]))
size = len(source) if isinstance(source, bytes) else len(source.encode("utf-8", "surrogatepass"))
try:
    cleaner.clean(source)
    outcome = "cleaned"
except CleanerError as exc:
    outcome = exc.reason
print(json.dumps({"base_mb": base, "peak_mb": peak_mb(), "input_mb": size / 1e6,
                  "outcome": outcome}))
"""


def _memory_params() -> list[Any]:
    ids = [c.id for c in hostile_cases()] if SOAK else list(HEAVIEST)
    return [pytest.param(i, id=i) for i in ids]


@pytest.mark.parametrize("case_id", _memory_params())
def test_hostile_input_memory_is_bounded(case_id: str, factor: float) -> None:
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, case_id, "1.0", str(TESTS)],
        capture_output=True, text=True, cwd=ROOT, timeout=120 * factor,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    got = json.loads(proc.stdout.strip().splitlines()[-1])
    growth = got["peak_mb"] - got["base_mb"]
    bound = MEM_FIXED_MB + MEM_PER_INPUT_MB * got["input_mb"]
    assert growth <= bound, (
        f"{case_id}: peak {got['peak_mb']:.0f} MB, {growth:.0f} MB over the loaded engines "
        f"for {got['input_mb']:.1f} MB of input (bound {bound:.0f} MB); {got['outcome']}"
    )


# -- batch ------------------------------------------------------------------------------

#: batch records are built at this scale (1.0 under CLEANER_SOAK): the 50 MB text is still
#: over the size limit at 0.1, the nesting 10,000 deep
BATCH_SCALE = 1.0 if SOAK else 0.1


def _as_field(source: str | bytes) -> str:
    # a JSON string holds text: bytes cases arrive as their Latin-1 reading (all bytes kept)
    return source.decode("latin-1") if isinstance(source, bytes) else source


def test_batch_with_hostile_records_accounts_for_every_one(
    tmp_path: Path, cleaner_default: Cleaner, factor: float
) -> None:
    normal = good_rows(6, "normal")
    hostile = [{"id": f"hostile-{c.id}", "text": _as_field(c.build(BATCH_SCALE))}
               for c in CASES]
    rows: list[dict[str, Any]] = []
    for i, row in enumerate(hostile):  # interleaved: a failure must not stop what follows
        rows.append(row)
        if i % 5 == 0 and normal:
            rows.append(normal.pop())
    rows.extend(normal)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    # ASCII JSON: lone surrogates are written as "\ud800" escapes and read back as such
    (corpus / "hostile.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), "ascii")
    files, _ = discover([str(corpus)], ReadOptions())
    out = tmp_path / "out"
    t0 = time.perf_counter()
    result = run_batch(files, CleanerConfig(),
                       BatchOptions(out_dir=out, quiet=True, jobs=2,
                                    run=RunOptions(time_limit=60 * factor)))
    took = time.perf_counter() - t0
    summary = result.summary
    docs = summary["documents"]
    assert summary["accounted"] is True
    assert docs["read"] == docs["in"] == len(rows)
    landed = output_rows(out)
    ids = Counter(r.get("id") for rs in landed.values() for r in rs)
    assert ids == Counter(r["id"] for r in rows)  # each record exactly once, none invented
    outcome_of = {r["id"]: o for o, rs in landed.items() for r in rs}
    for r in landed["failed"]:
        assert r["id"] and r["reason"] and r["error"], r.get("id")
        assert r["reason"] != "internal_error", f"{r['id']}: a bug, not a named error"
    # the batch decides like the library: a record fails exactly when clean() refuses it
    for row in rows:
        try:
            if "html" in row:
                cleaner_default.clean(row["html"], format="html")
            else:
                cleaner_default.clean(row["text"])
            expected = None
        except CleanerError as exc:
            expected = exc.reason
        if expected is None:
            assert outcome_of[row["id"]] != "failed", row["id"]
        else:
            got = next(r["reason"] for r in landed["failed"] if r["id"] == row["id"])
            assert got == expected, row["id"]
    assert took <= 120 * factor, f"batch took {took:.0f} s"

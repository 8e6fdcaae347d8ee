"""Every input in fixtures/regressions (found by ``make fuzz``) through ``clean()``.

Table-driven: each input ``NAME.bin`` (bytes) or ``NAME.txt`` (str) has a sidecar
``NAME.json`` with the call (``as``, ``format``, ``url``, ``id``), the defect it
found and its fix (``defect``, ``fix``, ``found``) and what the fix guarantees
(``expect``):

``outcome``        ``"result"`` (a CleanResult) or ``"error"`` (a CleanerError)
``reason``         the error's ``reason`` when the outcome is an error
``max_seconds``    CPU-time bound for the call (process CPU, so a loaded machine does not
                   fail it; scaled by ``CLEANER_TIME_FACTOR``, default 1)
``text_contains``  strings the clean text must contain
``text_excludes``  strings the clean text must not contain
``min_blocks``     at least this many blocks in the working text

Every row also asserts the fuzz invariant (``fuzz/harness.py``): a JSON-safe report
(``allow_nan=False``, view included), offsets inside the text, a ``str`` text, or
a ``CleanerError`` with a reason. README.md in the folder lists each input.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from conftest import FIXTURES, ROOT

from cleaner import CleanerError
from cleaner.model import CleanResult

REGRESSIONS = FIXTURES / "regressions"
TIME_FACTOR = float(os.environ.get("CLEANER_TIME_FACTOR", "1"))
EXPECT_KEYS = {
    "outcome",
    "reason",
    "max_seconds",
    "text_contains",
    "text_excludes",
    "min_blocks",
}


def _load_harness() -> ModuleType:
    """fuzz/harness.py (not a package: the fuzz target runs it as a sibling script)."""
    name = "cleaner_fuzz_harness"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "fuzz" / "harness.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


harness = _load_harness()
INPUTS: list[Path] = harness.regression_inputs(REGRESSIONS)


def _row_id(path: Path) -> str:
    return path.stem


def test_regression_folder_is_documented() -> None:
    readme = (REGRESSIONS / "README.md").read_text("utf-8")
    for path in INPUTS:
        assert path.name in readme, f"{path.name} is not listed in {REGRESSIONS / 'README.md'}"
    sidecars = {p.stem for p in REGRESSIONS.glob("*.json")}
    assert sidecars == {p.stem for p in INPUTS}, "every input needs exactly one sidecar"


@pytest.mark.parametrize("path", INPUTS, ids=_row_id)
def test_regression(cleaner_default: Any, path: Path) -> None:
    case, meta = harness.load_regression(path)
    unknown = set(meta) - harness.SIDECAR_KEYS
    assert not unknown, f"unknown sidecar keys {unknown}"
    assert meta.get("defect") and meta.get("fix"), "a sidecar says what broke and how it was fixed"
    expect: dict[str, Any] = meta.get("expect", {})
    assert not set(expect) - EXPECT_KEYS, f"unknown expect keys {set(expect) - EXPECT_KEYS}"

    started = time.process_time()
    outcome = harness.run_case(cleaner_default, case)  # asserts the fuzz invariant
    elapsed = time.process_time() - started

    if "max_seconds" in expect:
        bound = expect["max_seconds"] * TIME_FACTOR
        assert elapsed <= bound, f"took {elapsed:.2f}s CPU, bound {bound:.2f}s ({meta['defect']})"
    if expect.get("outcome") == "error":
        assert isinstance(outcome, CleanerError), f"expected an error: {meta['defect']}"
        if "reason" in expect:
            assert outcome.reason == expect["reason"]
        return
    if expect.get("outcome") == "result":
        assert isinstance(outcome, CleanResult), (
            f"expected a result, got {type(outcome).__name__} "
            f"({getattr(outcome, 'reason', '')}): {meta['defect']}"
        )
    if isinstance(outcome, CleanResult):
        for s in expect.get("text_contains", []):
            assert s in outcome.text, f"{s!r} missing from the clean text ({meta['fix']})"
        for s in expect.get("text_excludes", []):
            assert s not in outcome.text, f"{s!r} left in the clean text ({meta['fix']})"
        if "min_blocks" in expect:
            assert len(outcome.document.blocks) >= expect["min_blocks"]

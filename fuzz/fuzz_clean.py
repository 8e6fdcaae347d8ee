"""Coverage-guided fuzzing of ``Cleaner.clean`` (HTML and text) with atheris.

Run it with ``make fuzz`` (``FUZZ_SECONDS=600`` by default), or by hand::

    python fuzz/make_corpus.py build/fuzz-corpus
    python fuzz/fuzz_clean.py build/fuzz-corpus -max_total_time=600 -timeout=30 \\
        -rss_limit_mb=4096 -artifact_prefix=build/fuzz-artifacts/

Replay one input (a crash or a corpus file): ``python fuzz/fuzz_clean.py FILE``.

One ``Cleaner()`` with the full default pipeline (PII included) is built at
start-up; every input is decoded by :func:`harness.decode_case` (header and
payload, see ``fuzz/harness.py``) and checked by :func:`harness.run_case`. An
exception other than a ``CleanerError`` with a reason, or a broken invariant, is a
crash: libFuzzer saves the input as ``crash-*`` under ``-artifact_prefix``.

Per-input time guard: libFuzzer's ``-timeout=`` kills the run on an input that
hangs (``timeout-*`` artifact). Below that, an input that takes longer than
``FUZZ_SLOW_SECONDS`` (default 5) is saved as ``slow-<sha1>`` under
``FUZZ_ARTIFACTS`` (default ``build/fuzz-artifacts``) and reported on stderr; the
run goes on, unless ``FUZZ_SLOW_FAIL=1`` makes it a crash.

``FUZZ_STAGE_ERRORS=1`` also makes a ``StageError`` a crash: the invariant allows it
(a named error with a reason), but it means a dependency raised on the input, and
the ones found so far were defects (fixtures/regressions/html_control_char_*).

Instrumented for coverage: the ``cleaner`` package and this harness (set
``FUZZ_INSTRUMENT=cleaner,trafilatura`` to add packages; slower).
"""

from __future__ import annotations

import hashlib
import importlib
import os
import sys
import time
from pathlib import Path

import atheris

_INSTRUMENT = [p for p in os.environ.get("FUZZ_INSTRUMENT", "cleaner").split(",") if p]
SLOW_SECONDS = float(os.environ.get("FUZZ_SLOW_SECONDS", "5"))
SLOW_FAIL = os.environ.get("FUZZ_SLOW_FAIL", "") not in ("", "0")
STAGE_ERRORS_FAIL = os.environ.get("FUZZ_STAGE_ERRORS", "") not in ("", "0")
ARTIFACTS = Path(os.environ.get("FUZZ_ARTIFACTS", "build/fuzz-artifacts"))

#: modules loaded lazily (importlib in cleaner.pipeline, ``view`` inside
#: Report.to_dict): imported under the hook so that they are instrumented
_LAZY_MODULES = (
    "cleaner.detect",
    "cleaner.extract",
    "cleaner.segment",
    "cleaner.language",
    "cleaner.boilerplate.rules",
    "cleaner.boilerplate.stage",
    "cleaner.pii.engine",
    "cleaner.pii.recognizers",
    "cleaner.pii.registry",
    "cleaner.pii.stage",
    "cleaner.assemble",
    "cleaner.quality",
    "cleaner.view",
)

with atheris.instrument_imports(include=[*_INSTRUMENT, "harness"]):
    for _name in _LAZY_MODULES:
        importlib.import_module(_name)
    import harness

    from cleaner import Cleaner, StageError

CLEANER = Cleaner()
BASES = harness.load_bases()


class SlowInput(Exception):
    """An input took longer than ``FUZZ_SLOW_SECONDS`` (raised with FUZZ_SLOW_FAIL=1)."""


def _save_slow(data: bytes, seconds: float, case: harness.Case) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"slow-{hashlib.sha1(data).hexdigest()}"
    if not path.exists():
        path.write_bytes(data)
    size = len(case.source)
    print(
        f"\n#SLOW {seconds:.2f}s mode={case.mode} format={case.format} "
        f"type={type(case.source).__name__} size={size} saved={path}",
        file=sys.stderr,
        flush=True,
    )


def test_one_input(data: bytes) -> None:
    case = harness.decode_case(data, BASES)
    started = time.perf_counter()
    outcome = harness.run_case(CLEANER, case)
    elapsed = time.perf_counter() - started
    if STAGE_ERRORS_FAIL and isinstance(outcome, StageError):
        # allowed by the invariant, but a dependency raised: worth a look
        raise RuntimeError(f"{outcome} ({outcome.__cause__!r})") from outcome
    if elapsed > SLOW_SECONDS:
        _save_slow(data, elapsed, case)
        if SLOW_FAIL:
            raise SlowInput(f"{elapsed:.2f}s for a {len(case.source)}-long {case.mode} input")


def _warm_up() -> None:
    """Clean each base once so lazy engine loading does not count as a slow input."""
    for base in (*BASES.texts, *BASES.pages):
        CLEANER.clean(base)


def main() -> None:
    _warm_up()
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

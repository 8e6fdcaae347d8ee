"""Batch cleanup at corpus scale: inputs, engines (local processes, Dask), outputs.

``cleaner clean DIR -o OUT`` is the command-line face of :func:`run_batch`.
Every input record ends in exactly one of *kept*, *review*, *rejected* or
*failed*; ``summary.json`` counts them and they add up to the records read.
"""

from __future__ import annotations

from .options import BatchOptions
from .process import Processor, Result, RunOptions
from .readers import ReadOptions, discover, read
from .records import InputFile, Origin, Record, Unit
from .run import BatchResult, plan_units, run_batch

__all__ = [
    "BatchOptions",
    "BatchResult",
    "InputFile",
    "Origin",
    "Processor",
    "ReadOptions",
    "Record",
    "Result",
    "RunOptions",
    "Unit",
    "discover",
    "plan_units",
    "read",
    "run_batch",
]

"""What a batch run is asked to do (the command line's batch options as one value)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .process import RunOptions
from .readers import ReadOptions

Engine = Literal["local", "dask"]


@dataclass(kw_only=True)
class BatchOptions:
    out_dir: Path
    jobs: int = 1
    engine: Engine = "local"
    #: dask: a running scheduler's address; ``None`` starts a local cluster on loopback
    scheduler: str | None = None
    resume: bool = False
    quiet: bool = False
    read: ReadOptions = field(default_factory=ReadOptions)
    #: what every worker needs to clean and write a record
    run: RunOptions = field(default_factory=RunOptions)
    #: page files per unit (a unit has one resume marker and one report part)
    page_chunk: int = 500
    log_interval: float = 10.0
    interactive: bool | None = None

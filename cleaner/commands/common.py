"""Helpers shared by the subcommands: exit codes and config loading."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

from ..config import CleanerConfig

EXIT_OK = 0
#: some documents could not be cleaned (each one is in failed/ with its reason)
EXIT_FAILED = 1
#: a usage or configuration error: nothing was done
EXIT_USAGE = 2
#: the output or the environment failed (a full disk, a locked output folder, a worker
#: process dying at start): completed inputs are kept, ``--resume`` continues
EXIT_ENVIRONMENT = 3
EXIT_CODES_HELP = (
    "Exit codes: 0 done, 1 some documents failed (each in failed/ with its reason), "
    "2 usage or configuration error, 3 output or environment failure (a full disk, "
    "a locked output folder, a worker dying at start: fix it and --resume), "
    "4 (single page) cleaned but rejected: the text is printed, the reasons go to stderr."
)
#: single page: cleaned, but the verdict is reject (the text is still printed)
EXIT_REJECTED = 4


def add_config_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--config", metavar="FILE",
        help="a .toml or .json config file (default: [tool.cleaner] in ./pyproject.toml)",
    )
    p.add_argument(
        "--dry-run", action="store_true",
        help="mark boilerplate in the report instead of removing it",
    )


def load_config(args: argparse.Namespace) -> CleanerConfig:
    """``--config FILE``, else ``[tool.cleaner]`` of the nearest pyproject.toml, else defaults."""
    if getattr(args, "config", None):
        cfg = CleanerConfig.from_file(args.config)
    else:
        cfg = CleanerConfig.from_pyproject(Path.cwd()) or CleanerConfig()
    if getattr(args, "dry_run", False):
        cfg = cfg.replace(boilerplate=dataclasses.replace(cfg.boilerplate, dry_run=True))
    return cfg

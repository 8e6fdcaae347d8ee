"""Helpers shared by the subcommands: exit codes and config loading."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

from ..config import CleanerConfig

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
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

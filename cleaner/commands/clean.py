"""``cleaner clean``: clean a page (batch mode over corpora arrives with issue 5)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from .common import EXIT_OK, add_config_options, load_config

NAME = "clean"


def add_parser(sub: Any) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = sub.add_parser(NAME, help="clean a page and print the clean text")
    p.add_argument("input", metavar="FILE", help="an .html/.txt/.md file, or - for stdin")
    p.add_argument("--report", metavar="PATH", help="write the report JSON to PATH (- for stdout)")
    p.add_argument("--url", help="the page's URL (helps extraction)")
    p.add_argument(
        "--format", choices=("html", "text", "markdown"), help="input format (default: detected)"
    )
    add_config_options(p)
    return p


def _read_input(name: str) -> tuple[bytes, str | None]:
    if name == "-":
        return sys.stdin.buffer.read(), None
    path = Path(name)
    try:
        return path.read_bytes(), path.name
    except FileNotFoundError:
        raise ConfigError(f"no such file: {name}") from None
    except IsADirectoryError:
        raise ConfigError(f"{name} is a directory (batch mode is not available yet)") from None
    except OSError as exc:
        raise ConfigError(f"cannot read {name}: {exc.strerror}") from None


def run(args: argparse.Namespace) -> int:
    from ..pipeline import Cleaner

    config = load_config(args)
    data, filename = _read_input(args.input)
    fmt = args.format or (filename if filename and "." in filename else None)
    result = Cleaner(config).clean(data, url=args.url, id=filename, format=fmt)
    report = json.dumps(result.report.to_dict(), ensure_ascii=False, indent=2)
    if args.report == "-":
        sys.stdout.write(report + "\n")
    else:
        if result.text:
            sys.stdout.write(result.text + "\n")
        if args.report:
            Path(args.report).write_text(report + "\n", encoding="utf-8")
    return EXIT_OK

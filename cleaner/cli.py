"""Command line: a thin layer over the library.

The library raises small named exceptions (``cleaner.errors``); this module
turns them into one-line messages on stderr and exit codes:
0 done, 1 a document could not be cleaned, 2 usage or configuration error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from ._version import __version__
from .config import CleanerConfig
from .errors import CleanerError, ConfigError

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="cleaner",
        description="Clean scraped pages: extract the article, strip link-farm tails and "
        "boilerplate, redact personal data, and report what was removed and why.",
    )
    parser.add_argument("--version", action="version", version=f"cleaner {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("clean", help="clean a page and print the clean text")
    p.add_argument("input", metavar="FILE", help="an .html/.txt/.md file, or - for stdin")
    p.add_argument("--report", metavar="PATH", help="write the report JSON to PATH (- for stdout)")
    p.add_argument("--url", help="the page's URL (helps extraction)")
    p.add_argument(
        "--format", choices=("html", "text", "markdown"), help="input format (default: detected)"
    )
    p.add_argument("--config", metavar="FILE", help="a .toml or .json config file")
    p.add_argument(
        "--dry-run",
        action="store_true",
        help="mark boilerplate in the report instead of removing it",
    )
    return parser


def _load_config(args: argparse.Namespace) -> CleanerConfig:
    if args.config:
        cfg = CleanerConfig.from_file(args.config)
    else:
        cfg = CleanerConfig.from_pyproject(Path.cwd()) or CleanerConfig()
    if getattr(args, "dry_run", False):
        import dataclasses

        cfg = cfg.replace(boilerplate=dataclasses.replace(cfg.boilerplate, dry_run=True))
    return cfg


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


def cmd_clean(args: argparse.Namespace) -> int:
    from .pipeline import Cleaner

    config = _load_config(args)
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


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return int(cmd_clean(args))
    except ConfigError as exc:
        print(f"cleaner: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except CleanerError as exc:
        print(f"cleaner: {args.input}: {exc} ({exc.reason})", file=sys.stderr)
        return EXIT_FAILED
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())

"""Command line: a thin dispatcher over ``cleaner.commands``.

The library raises small named exceptions (``cleaner.errors``); this module
turns them into one-line messages on stderr and exit codes:
0 done, 1 a document could not be cleaned, 2 usage or configuration error,
3 output or environment failure (a full disk, a locked output folder).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from ._version import __version__
from .commands import COMMANDS
from .commands.common import EXIT_CODES_HELP, EXIT_ENVIRONMENT, EXIT_FAILED, EXIT_OK, EXIT_USAGE
from .errors import CleanerError, ConfigError, RunError
from .privacy import mask


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="cleaner",
        description="Clean scraped pages: extract the article, strip link-farm tails and "
        "boilerplate, redact personal data, and report what was removed and why. "
        + EXIT_CODES_HELP,
    )
    parser.add_argument("--version", action="version", version=f"cleaner {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module_name in COMMANDS:
        module = importlib.import_module(module_name)
        p = module.add_parser(sub)
        p.set_defaults(_run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return int(args._run(args))
    except ConfigError as exc:
        print(f"cleaner: error: {mask(str(exc), None)}", file=sys.stderr)
        return EXIT_USAGE
    except RunError as exc:
        print(f"cleaner: error: {mask(str(exc), None)}", file=sys.stderr)
        return EXIT_ENVIRONMENT
    except CleanerError as exc:
        where = getattr(args, "input", None)
        prefix = f"cleaner: {mask(where)}: " if isinstance(where, str) else "cleaner: "
        print(f"{prefix}{mask(str(exc), None)} ({exc.reason})", file=sys.stderr)
        return EXIT_FAILED
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        print("cleaner: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())

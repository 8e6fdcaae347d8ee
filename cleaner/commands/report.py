"""``cleaner report INPUT -o report.html``: one self-contained HTML report.

INPUT is a report ``.json`` (one report or a list), a ``.jsonl[.gz]`` of reports
or of records (``{"id", "text", "metadata": {"cleaner": <report>}}``), or a
batch output folder (its ``report.jsonl``, else its record files, and the
documents of its ``failed/``, listed with their reasons).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..errors import ConfigError, InputError
from .common import EXIT_FAILED, EXIT_OK

NAME = "report"


def add_parser(sub: Any) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = sub.add_parser(
        NAME,
        help="write a self-contained HTML report (what was removed and why)",
        description="Turn cleaner reports into one offline HTML file: batch totals, plots, "
        "a filterable document list and per-document views of what was cut.",
    )
    p.add_argument(
        "input", metavar="INPUT",
        help="a report .json, a .jsonl[.gz] of reports or records, or a batch output folder",
    )
    p.add_argument(
        "-o", "--output", metavar="PATH", required=True, help="the HTML file to write"
    )
    p.add_argument("--title", help="page title (default: 'cleaner report: INPUT')")
    return p


def run(args: argparse.Namespace) -> int:
    from ..htmlreport import iter_reports, write_html_report

    try:
        stats = write_html_report(
            iter_reports(args.input),
            args.output,
            title=args.title or f"cleaner report: {args.input}",
        )
    except InputError as exc:
        if exc.reason in ("missing_file", "no_reports", "bad_report"):
            raise ConfigError(str(exc)) from None
        raise
    except OSError as exc:
        raise ConfigError(f"cannot write {args.output}: {exc.strerror}") from None
    if stats.documents == 0 and stats.failed == 0:
        print(f"cleaner: {args.input}: no reports found", file=sys.stderr)
        return EXIT_FAILED
    failed = f", {stats.failed} failed" if stats.failed else ""
    print(
        f"{stats.path} ({stats.documents} documents{failed}, {stats.bytes / 1024:.1f} KiB)",
        file=sys.stderr,
    )
    return EXIT_OK

"""``cleaner clean``: clean one page to stdout, or a whole corpus into ``-o DIR``.

Single page: ``cleaner clean FILE|-`` prints the clean text (exit 4 when rejected),
``--report PATH`` writes the report JSON. Batch mode starts when there are
several inputs, a folder or glob, a record file (JSONL, WARC, Parquet) or
``-o DIR``: see :mod:`cleaner.batch`. ``-o -`` streams the kept records to stdout
as JSONL; records piped on stdin (sniffed: JSONL, WARC, Parquet, compressed or not)
are streamed the same way without ``-o``.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import os
import sys
import zlib
from pathlib import Path
from typing import Any

from ..errors import ConfigError, InputError, MissingDependencyError, RunError
from .common import (
    EXIT_CODES_HELP,
    EXIT_FAILED,
    EXIT_OK,
    EXIT_REJECTED,
    add_config_options,
    load_config,
)

NAME = "clean"
INPUT_FORMATS = ("auto", "page", "jsonl", "warc", "parquet")
OUTPUT_FORMATS = ("jsonl", "jsonl.gz", "parquet")
CONTENT_FORMATS = ("html", "text", "markdown")


class _FormatAction(argparse.Action):
    """``--format``: an output format (as in trafilatura) sets ``--output-format``; a
    content format (its old meaning) still works, with a deprecation warning, as
    ``--content-format``."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: Any, option_string: str | None = None) -> None:
        if values in CONTENT_FORMATS:
            print(f"cleaner: warning: --format {values} is deprecated: use --content-format "
                  f"{values} (--format names the output format)", file=sys.stderr)
            namespace.content_format = values
        else:
            namespace.output_format = values


def _positive_int(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an integer: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {n}")
    return n


def _positive_float(value: str) -> float:
    try:
        x = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not x > 0:
        raise argparse.ArgumentTypeError(f"must be more than 0, not {value}")
    return x


def add_parser(sub: Any) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = sub.add_parser(
        NAME, help="clean a page (text to stdout) or a corpus (into -o DIR)",
        description="Clean one page and print the clean text, or clean a corpus (folders, "
        "globs, JSONL, WARC, Parquet) into -o DIR: kept/, review/, rejected/ and failed/ "
        f"outputs plus summary.json. {EXIT_CODES_HELP}",
    )
    p.add_argument("inputs", metavar="INPUT", nargs="+",
                   help="files, folders (recursive), globs, or - for stdin")
    p.add_argument("--report", metavar="PATH",
                   help="single page: write the report JSON to PATH (- for stdout)")
    p.add_argument("--html-report", metavar="PATH",
                   help="also write a self-contained HTML report (what was cut, and why) to "
                   "PATH; in batch mode it covers every document of the run")
    p.add_argument("--url", help="single page: the page's URL (helps extraction)")
    p.add_argument("--with-metadata", action="store_true",
                   help="extract the page's title, author, date, site name and URL "
                   "(trafilatura's metadata) into each record's metadata (a single page: "
                   "into its report); the author is redacted like a name in the text")
    p.add_argument("--with-view", action="store_true",
                   help="put the document view (the text with each cut marked, PII as type "
                   "tags) in the reports, for `cleaner report` (implied by --html-report)")
    p.add_argument(
        "--content-format", choices=CONTENT_FORMATS,
        help="content format of pages and text fields (default: detected)",
    )
    p.add_argument(
        "--format", choices=OUTPUT_FORMATS + CONTENT_FORMATS, action=_FormatAction,
        metavar="{" + ",".join(OUTPUT_FORMATS) + "}",
        help="same as --output-format (html/text/markdown, its old meaning, are deprecated "
        "for --content-format)",
    )
    b = p.add_argument_group("batch mode")
    b.add_argument("-o", "--output", metavar="DIR",
                   help="write the cleaned corpus into DIR; - streams the kept and review "
                   "records to stdout as JSONL (progress, failures and the summary go to "
                   "stderr)")
    b.add_argument("--input-format", choices=INPUT_FORMATS, default="auto",
                   help="how to read the inputs (default: from file names / content)")
    b.add_argument("--output-format", choices=OUTPUT_FORMATS, default=None,
                   help="jsonl, jsonl.gz or parquet for every outcome folder, pages "
                   "included (default: records as jsonl, kept/review pages as a mirrored "
                   "tree of .txt files)")
    b.add_argument("--full-report", action="store_true",
                   help="records carry the whole report (blocks, findings, timings) in "
                   "metadata.cleaner, not the compact one (verdict, quality, summary, "
                   "language); implied by --with-view and --html-report")
    b.add_argument("-j", "--jobs", type=_positive_int, default=None,
                   help="worker processes (dask: workers of the local cluster); default: "
                   "the number of CPUs")
    b.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local processes (default) or a Dask cluster")
    b.add_argument("--scheduler", metavar="ADDRESS",
                   help="dask: address of a running scheduler (default: a local cluster)")
    b.add_argument("--resume", action="store_true",
                   help="continue an interrupted run in DIR, skipping completed inputs")
    b.add_argument("-q", "--quiet", action="store_true", help="no progress and no summary table")
    b.add_argument("--time-limit", type=_positive_float, metavar="SECONDS", default=60.0,
                   help="per-document time limit; slower documents are failed (default 60)")
    b.add_argument("--log-interval", type=_positive_float, metavar="SECONDS", default=10.0,
                   help="seconds between progress lines when stderr is not a terminal")
    b.add_argument("--text-field", default="text", help="JSONL/Parquet text field (default text)")
    b.add_argument("--html-field", default="html",
                   help="JSONL/Parquet HTML field, used when present (default html)")
    b.add_argument("--id-field", default="id", help="JSONL/Parquet id field (default id)")
    b.add_argument("--url-field", default=None,
                   help="JSONL/Parquet URL field (default: url, then metadata.url)")
    b.add_argument("--source", metavar="NAME",
                   help="the 'source' of output records without one (default: input file name)")
    add_config_options(p)
    return p


def _is_single(args: argparse.Namespace) -> bool:
    from ..batch.readers import kind_of

    if args.output or len(args.inputs) != 1:
        return False
    if args.input_format not in ("auto", "page"):
        return False
    name = args.inputs[0]
    if name == "-":
        from ..batch.readers import sniff_stdin

        # records piped in are records (streamed back as records), not one text page
        return args.input_format == "page" or sniff_stdin() == "page"
    path = Path(name)
    if path.is_dir():
        return False
    if not path.exists():
        # a glob is batch; a missing plain file is reported by the single-page path
        return not any(c in name for c in "*?[")
    return args.input_format == "page" or kind_of(path.name) in (None, "page")


def _read_input(name: str, cap: int | None) -> tuple[bytes, str | None]:
    """The page's bytes, read no further than ``cap`` (``/dev/zero`` is an input too)."""
    from ..batch.readers import read_page_bytes, too_large

    path = Path(name)
    try:
        # a compressed page (``a.html.gz``, or gzip bytes on stdin) is read decompressed
        if name == "-":
            data = read_page_bytes(sys.stdin.buffer, cap)
        else:
            with path.open("rb") as fh:
                data = read_page_bytes(fh, cap, path.name)
        if data is None:
            raise InputError(f"the input is {too_large(cap)}", reason="too_large")
        return data, None if name == "-" else path.name
    except FileNotFoundError:
        raise ConfigError(f"no such file: {name}") from None
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        raise InputError(f"cannot decompress the page: {type(exc).__name__}",
                         reason="decode_error") from None
    except OSError as exc:
        raise ConfigError(f"cannot read {name}: {exc.strerror}") from None


#: batch-only options and their defaults: refused for a single page instead of ignored
_BATCH_ONLY = {"jobs": ("-j/--jobs", None), "resume": ("--resume", False),
               "engine": ("--engine", "local"), "scheduler": ("--scheduler", None),
               "output_format": ("--output-format", None), "full_report": ("--full-report", False)}


def _config(args: argparse.Namespace) -> Any:
    config = load_config(args)
    if args.with_metadata:
        config = config.replace(
            extraction=dataclasses.replace(config.extraction, with_metadata=True))
    return config


def run(args: argparse.Namespace) -> int:
    if _is_single(args):
        given = [flag for name, (flag, default) in _BATCH_ONLY.items()
                 if getattr(args, name) != default]
        if given:
            raise ConfigError(f"{', '.join(given)}: batch mode only (a folder, several inputs "
                              "or -o DIR); one page is cleaned in this process")
        return _run_single(args)
    return _run_batch(args)


def _run_single(args: argparse.Namespace) -> int:
    from ..batch.readers import page_format_hint
    from ..pipeline import Cleaner

    args.input = args.inputs[0]  # the CLI prefixes document errors with it
    config = _config(args)
    data, filename = _read_input(args.input, config.extraction.max_input_bytes)
    fmt = args.content_format or (page_format_hint(filename) if filename else None)
    from ..privacy import mask, mask_path

    result = Cleaner(config).clean(data, url=args.url, id=filename, format=fmt)
    # the report never holds raw personal data: not in the id (a file name) nor the URL
    masked: dict[str, Any] = {"id": mask_path(filename) if filename else None,
                              "url": mask(args.url)}
    if result.metadata is not None:  # --with-metadata: already redacted (cleaner.metadata)
        masked["metadata"] = result.metadata
    report = json.dumps({**result.report.to_dict(include_view=args.with_view), **masked},
                        ensure_ascii=False, indent=2)
    if args.report == "-":
        sys.stdout.write(report + "\n")
    else:
        if result.text:
            sys.stdout.write(result.text + "\n")
        if args.report:
            Path(args.report).write_text(report + "\n", encoding="utf-8")
    if args.html_report:
        _write_html_report([{**result.report.to_dict(include_view=True), **masked}],
                           args.html_report, title=f"cleaner report: {mask_path(args.input)}")
    if result.verdict == "reject":
        quality = result.report.document.quality
        reasons = "; ".join(str(r) for r in quality.reasons) if quality else "no quality verdict"
        print(f"cleaner: {mask_path(args.input)}: rejected: {reasons}", file=sys.stderr)
        return EXIT_REJECTED
    return EXIT_OK


def _write_html_report(reports: Any, path: str, *, title: str) -> None:
    from ..htmlreport import write_html_report

    try:
        stats = write_html_report(reports, path, title=title)
    except OSError as exc:
        raise ConfigError(f"cannot write {path}: {exc.strerror}") from None
    from ..privacy import mask_path

    print(f"cleaner: HTML report {mask_path(str(stats.path))} ({stats.documents} documents)",
          file=sys.stderr)


def _check_dependency(module: str, package: str, extra: str) -> None:
    import importlib.util

    if importlib.util.find_spec(module) is None:
        raise ConfigError(str(MissingDependencyError(package, extra)))


def _run_batch(args: argparse.Namespace) -> int:
    from collections import Counter

    from ..batch import BatchOptions, ReadOptions, RunOptions, discover, run_batch
    from ..batch.run import STDOUT, stream_batch
    from ..privacy import mask_path

    if not args.output and args.inputs == ["-"]:
        args.output = STDOUT  # records piped in: records streamed out
    if not args.output:
        raise ConfigError(
            "batch mode (several inputs, a folder, a glob or a record file) needs -o DIR "
            "(or -o - for JSONL on stdout)"
        )
    streaming = args.output == STDOUT
    if streaming:
        if args.output_format not in (None, "jsonl"):
            raise ConfigError(f"-o - streams JSONL: --output-format {args.output_format} needs "
                              "-o DIR (or pipe the stream through gzip)")
        if args.html_report:
            raise ConfigError("--html-report reads the run's outputs: it needs -o DIR, "
                              "not -o -")
    if args.report:
        raise ConfigError("--report is for a single page; in batch mode reports go to DIR")
    if args.url:
        raise ConfigError("--url is for a single page; records carry their own URL")
    if args.scheduler and args.engine != "dask":
        raise ConfigError("--scheduler needs --engine dask")
    if args.inputs.count("-") > 1:
        raise ConfigError("stdin (-) can be read only once")
    config = _config(args)
    read_opts = ReadOptions(
        text_field=args.text_field, html_field=args.html_field, id_field=args.id_field,
        url_field=args.url_field,
        input_kind=None if args.input_format == "auto" else args.input_format,
        content_format=args.content_format, max_bytes=config.extraction.max_input_bytes,
    )
    # never read our own outputs back (`cleaner clean . -o out`, then --resume)
    out_dir = Path(args.output)
    if not streaming and out_dir.exists() and not out_dir.is_dir():
        raise ConfigError(f"output {out_dir} exists and is not a directory")
    skipped: Counter[str] = Counter()
    files, ignored = discover(args.inputs, read_opts, exclude=None if streaming else out_dir,
                              skipped=skipped)
    if not files:
        if skipped.get("inside_output_folder"):
            raise ConfigError(
                f"no input files found outside the output folder {args.output}: it is inside "
                "the input folder and never read back as input (choose an output folder "
                "outside the inputs)"
            )
        raise ConfigError("no input files found (known: .html .htm .txt .md, each also "
                          ".gz|.zst; .jsonl[.gz|.zst] .json[.gz] .warc[.gz] .arc[.gz] "
                          ".parquet)")
    if args.output_format == "parquet" or any(f.kind == "parquet" for f in files):
        _check_dependency("pyarrow", "pyarrow", "parquet")
    if args.engine == "dask":
        _check_dependency("distributed", "dask[distributed]", "dask")
    options = BatchOptions(
        out_dir=out_dir, jobs=args.jobs or os.cpu_count() or 1, engine=args.engine,
        scheduler=args.scheduler, resume=args.resume, quiet=args.quiet, read=read_opts,
        run=RunOptions(time_limit=args.time_limit, output_format=args.output_format or "jsonl",
                       source_name=args.source,
                       include_view=bool(args.html_report) or args.with_view,
                       # --output-format given: pages are rows too (one layout everywhere)
                       page_text=args.output_format is None, full_report=args.full_report),
        log_interval=args.log_interval,
    )
    try:
        if streaming:
            result = stream_batch(files, config, options)
        else:
            result = run_batch(files, config, options, ignored=ignored, skipped_files=skipped)
    except MissingDependencyError as exc:
        raise ConfigError(str(exc)) from None
    except OSError as exc:  # the disk full, a read-only or vanished output folder
        what = f"cannot write {mask_path(str(exc.filename))}" if exc.filename else "the run stopped"
        raise RunError(
            f"{what}: {exc.strerror or type(exc).__name__} (completed inputs are kept: "
            "fix this and run again with --resume)"
        ) from None
    if args.html_report:
        from ..htmlreport import iter_reports

        _write_html_report(iter_reports(args.output), args.html_report,
                           title=f"cleaner report: {mask_path(args.output)}")
    return EXIT_FAILED if result.failed else EXIT_OK

"""``cleaner check FILE...``: a linter-style check of corpus files (pre-commit hook).

Prints one finding a line, ``path:line:col: CATEGORY message (rule)``, never the
value; ``--format json|sarif|github`` prints the same findings machine-readably
(:mod:`cleaner.commands.check_formats`). Folders are checked recursively.
Exit codes: 0 clean, 1 findings (or files fixed), 2 usage error.
``--fix`` rewrites the text files in place and prints ``Fixing path``;
``--update-baseline`` accepts today's findings. See :mod:`cleaner.check`.
"""

from __future__ import annotations

import argparse
import contextlib
import subprocess
import sys
from pathlib import Path
from typing import Any

from .check_formats import FORMATS, render
from .common import EXIT_FAILED, EXIT_OK, add_config_options, load_config

NAME = "check"


def add_parser(sub: Any) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = sub.add_parser(
        NAME,
        help="check corpus files for boilerplate and personal data (linter style)",
        description="Check .txt/.md/.html/.jsonl/.jsonl.gz files; one finding a line "
        "(path:line:col: CATEGORY message (rule)). Exit 0 clean, 1 findings, 2 usage error. "
        "Without FILE: the corpus files git tracks here (or all below the current folder).",
    )
    p.add_argument("files", metavar="FILE", nargs="*",
                   help="corpus files, or folders (their corpus files, recursively)")
    p.add_argument(
        "--format", choices=FORMATS, default="text",
        help="text (default: path:line:col lines), json, sarif (SARIF 2.1.0) or github "
        "(GitHub Actions annotations); all on stdout, without the matched values",
    )
    p.add_argument(
        "--fix", action="store_true",
        help="rewrite text files in place with the findings removed/redacted (exits 1 if fixed)",
    )
    p.add_argument(
        "--baseline", metavar="PATH",
        help="baseline file (default: [tool.cleaner.check] baseline, .cleaner-baseline.json)",
    )
    p.add_argument(
        "--update-baseline", action="store_true",
        help="accept the current findings of FILE (or of every corpus file) into the baseline",
    )
    p.add_argument(
        "--time-limit", type=float, metavar="SECONDS", default=60.0,
        help="per-document time limit; a slower document is an error line (default 60)",
    )
    add_config_options(p)
    return p


def _corpus_files() -> list[str]:
    """The corpus files git tracks below the current folder, else every one under it."""
    from ..check import file_kind

    try:
        out = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            check=True, capture_output=True,
        ).stdout.decode("utf-8", "surrogateescape")
        names = [n for n in out.split("\0") if n]
    except (OSError, subprocess.CalledProcessError):
        names = [
            p.as_posix()
            for p in Path(".").rglob("*")
            if p.is_file() and not any(part.startswith(".") for part in p.parts)
        ]
    return sorted(n for n in names if file_kind(n) is not None and Path(n).is_file())


def _expand(names: list[str]) -> list[str]:
    """Folders become their corpus files (recursive, sorted; hidden folders skipped)."""
    from ..check import file_kind
    from ..errors import ConfigError

    out: list[str] = []
    for name in names:
        path = Path(name)
        if not path.is_dir():
            out.append(name)
            continue
        found = sorted(
            p.as_posix() for p in path.rglob("*")
            if p.is_file() and file_kind(p.name) is not None
            and not any(part.startswith(".") for part in p.relative_to(path).parts)
        )
        if not found:
            raise ConfigError(f"{name}: no corpus files in this folder")
        out.extend(found)
    return out


def _validate(names: list[str]) -> None:
    """Usage errors first, so that a bad argument changes no file."""
    from ..check import SUFFIXES, file_kind
    from ..errors import ConfigError

    for name in names:
        if file_kind(name) is None:
            raise ConfigError(
                f"{name}: unsupported file type (cleaner check reads {', '.join(SUFFIXES)})"
            )
        path = Path(name)
        if not path.exists():
            raise ConfigError(f"no such file: {name}")
        if path.is_dir():
            raise ConfigError(f"{name} is a directory")


def run(args: argparse.Namespace) -> int:
    from ..check import Baseline, Checker, baseline_key, fixed_content, write_atomic
    from ..privacy import mask_path

    config = load_config(args)
    root = Path.cwd()
    baseline_path = Path(args.baseline or config.check.baseline)
    baseline = Baseline.load(baseline_path)
    files: list[str] = _expand(list(args.files)) or _corpus_files()
    _validate(files)
    if not args.time_limit > 0:
        from ..errors import ConfigError

        raise ConfigError(f"--time-limit must be more than 0, not {args.time_limit}")
    checker = Checker(config, time_limit=args.time_limit)

    if args.update_baseline:
        fresh = baseline or Baseline()
        if not args.files:
            fresh.results = {}
        total = 0
        for name in files:
            fc = checker.check_file(name)
            fresh.results[baseline_key(name, root)] = fresh.entries(fc)
            total += len(fc.findings)
        fresh.results = {
            k: v for k, v in fresh.results.items() if (root / k).is_file() or Path(k).is_file()
        }
        fresh.save(baseline_path)
        print(
            f"cleaner: {mask_path(str(baseline_path))}: accepted {total} "
            f"finding{'s' if total != 1 else ''} "
            f"in {len(files)} file{'s' if len(files) != 1 else ''}",
            file=sys.stderr,
        )
        return EXIT_OK

    reported = 0
    fixed = 0
    collected: list[Any] = []  # --format other than text: printed at the end
    fix_out = sys.stdout if args.format == "text" else sys.stderr
    for name in files:  # one file at a time: memory stays flat on large commits
        fc = checker.check_file(name)
        key = baseline_key(name, root)
        active = baseline.new_findings(fc, key) if baseline is not None else list(fc.findings)
        if args.fix and active:
            new = fixed_content(fc, active)
            data = None
            if new is not None:
                with contextlib.suppress(UnicodeEncodeError):
                    data = fc.encode(new)
            if not fc.fixable or (new is not None and data is None):
                why = "HTML is not rewritten" if fc.kind == "html" else (
                    "its bytes do not decode cleanly" if not fc.lossless
                    else f"the fix cannot be written as {fc.encoding}"
                )
                print(f"cleaner: {mask_path(fc.path)}: not fixed: {why}", file=sys.stderr)
            if new is not None and data is not None:
                write_atomic(fc.path, data)
                print(f"Fixing {mask_path(fc.path)}", file=fix_out)
                fixed += 1
                # what a rewrite cannot settle (HTML records, errors, verdicts) is still reported
                active = [cf for cf in active if not (cf.sources and fc.units[cf.unit].fixable)]
        for cf in sorted(active, key=lambda c: (c.line, c.col)):
            if args.format == "text":
                print(cf.format())
            else:
                collected.append(cf)
            reported += 1
        sys.stdout.flush()
    if args.format != "text":
        print(render(args.format, collected))
    if reported:
        hint = "" if args.fix else " (fix: cleaner check --fix; accept: --update-baseline)"
        print(
            f"cleaner: {reported} finding{'s' if reported != 1 else ''}{hint}", file=sys.stderr
        )
    return EXIT_FAILED if reported or fixed else EXIT_OK

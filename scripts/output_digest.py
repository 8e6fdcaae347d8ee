"""Dump what ``clean()`` produces for benchmark pages, and diff two dumps.

A speed change must not change output: dump before, dump after, diff.

    python scripts/output_digest.py dump build/before.jsonl            # 181 article pages
    python scripts/output_digest.py dump build/w.jsonl --set wcxb      # WCXB dev subset
    python scripts/output_digest.py dump build/all.jsonl --set all     # + seed + fixtures/
    python scripts/output_digest.py dump build/wa.jsonl --set wcxb-all # all 1,497 WCXB dev
    python scripts/output_digest.py diff build/before.jsonl build/after.jsonl
    python scripts/output_digest.py dump build/m.jsonl --set all --tail-model  # model on

``--set fixtures`` is the seed page (``../shared/seed``) and every page under
``fixtures/`` (format detected, as a user's page would be), which needs no ../shared;
``--set all`` is the articles and those (251 pages: the refactoring check of issue 16);
``--set wcxb-all`` every WCXB dev page (1,497; ``--set wcxb`` is every 10th of them).
``scripts/dump_outputs.py OUT.jsonl`` is the old name of ``dump OUT.jsonl --set all``.

One JSON line per page: ``id``, ``text``, the report without ``timings_ms`` and each
block's ``lang_method`` (how the language stage decided; the boilerplate stage reads it
but the report does not carry it). ``diff`` prints the pages whose text, report or block
languages differ, with the first differing report keys, and counts per-block language
changes; exit 1 when anything differs. The ../shared sets skip (exit 0) when it is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from speedkit import ARTICLES, ROOT, WCXB, Page, article_pages, shared_missing, wcxb_pages

SEED = ROOT.parent / "shared" / "seed"
_PAGE_SUFFIXES = (".html", ".htm", ".txt", ".md")
SETS = ("articles", "wcxb", "wcxb-all", "fixtures", "all")


def fixture_pages() -> list[Page]:
    """The seed page(s) and every page under ``fixtures/``; ``html`` holds the file's text
    and ``url`` is None (the format is detected)."""
    found = [Page(f"seed/{p.name}", p.read_text("utf-8", errors="replace"), None)
             for p in (sorted(SEED.glob("*.txt")) if SEED.is_dir() else [])]
    for p in sorted((ROOT / "fixtures").rglob("*")):
        if p.is_file() and p.suffix in _PAGE_SUFFIXES:
            found.append(Page(p.relative_to(ROOT).as_posix(),
                              p.read_text("utf-8", errors="replace"), None))
    return found


def pages_of(which: str, limit: int | None) -> list[Page]:
    if which == "articles":
        return article_pages(limit)
    if which == "wcxb":
        return wcxb_pages(limit=limit)
    if which == "wcxb-all":
        return wcxb_pages(stride=1, limit=limit)
    if which == "fixtures":
        return fixture_pages()
    return [*article_pages(limit), *fixture_pages()]


def _lang_method(block: Any) -> str | None:
    method = block.lang_method
    return str(method) if method is not None else None


def dump(out: Path, which: str, limit: int | None, tail_model: bool = False) -> int:
    from cleaner import Cleaner, CleanerConfig
    from cleaner.config import BoilerplateConfig

    pages = pages_of(which, limit)
    cleaner = Cleaner(CleanerConfig(boilerplate=BoilerplateConfig(tail_model=True))
                      if tail_model else None)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as f:
        for page in pages:
            row: dict[str, Any] = {"id": page.id}
            try:
                fixture = page.id.startswith(("seed/", "fixtures/"))  # format detected
                res = cleaner.clean(page.html, url=page.url, format=None if fixture else "html")
            except Exception as exc:  # a failure is output too: it must stay the same
                row["error"] = f"{type(exc).__name__}: {exc}"
            else:
                report = res.report.to_dict()
                report.pop("timings_ms", None)
                row["text"] = res.text
                row["report"] = report
                row["lang_method"] = [_lang_method(b) for b in res.document.blocks]
            f.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"{len(pages)} pages -> {out}")
    return 0


def _load(path: Path) -> dict[str, dict[str, Any]]:
    rows = (json.loads(line) for line in path.read_text("utf-8").splitlines() if line)
    return {r["id"]: r for r in rows}


def _differing_keys(a: Any, b: Any, prefix: str = "") -> list[str]:
    if isinstance(a, dict) and isinstance(b, dict):
        out: list[str] = []
        for k in sorted(a.keys() | b.keys()):
            if a.get(k) != b.get(k):
                out.extend(_differing_keys(a.get(k), b.get(k), f"{prefix}{k}."))
        return out
    return [prefix.rstrip(".")] if a != b else []


def _block_langs(row: dict[str, Any]) -> list[tuple[Any, Any]]:
    blocks = row.get("report", {}).get("blocks", [])
    methods = row.get("lang_method") or [None] * len(blocks)
    return [(b.get("lang"), m) for b, m in zip(blocks, methods, strict=False)]


def diff(a_path: Path, b_path: Path) -> int:
    a, b = _load(a_path), _load(b_path)
    differ = 0
    lang_changed = code_changed = blocks_total = text_changed = 0
    for pid in sorted(a.keys() | b.keys()):
        ra, rb = a.get(pid), b.get(pid)
        if ra is None or rb is None:
            print(f"{pid}: only in {'second' if ra is None else 'first'} dump")
            differ += 1
            continue
        la, lb = _block_langs(ra), _block_langs(rb)
        blocks_total += len(la)
        same_blocks = len(la) == len(lb)
        changed = sum(x != y for x, y in zip(la, lb, strict=False)) if same_blocks else len(la)
        lang_changed += changed
        code_changed += (
            sum(x[0] != y[0] for x, y in zip(la, lb, strict=False)) if same_blocks else len(la)
        )
        if ra == rb:
            continue
        differ += 1
        text_changed += ra.get("text") != rb.get("text")
        keys = _differing_keys(ra, rb)
        shown = ", ".join(keys[:6]) + (f" (+{len(keys) - 6})" if len(keys) > 6 else "")
        print(f"{pid}: {shown}; block languages changed {changed}/{len(la)}")
    print(f"{len(a)} vs {len(b)} pages: {differ} differ ({text_changed} in text); "
          f"per-block language (code, method) changed on {lang_changed}/{blocks_total} blocks, "
          f"the code on {code_changed}")
    return 1 if differ else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("--set", choices=SETS, default="articles")
    d.add_argument("--limit", type=int, default=None)
    d.add_argument("--tail-model", action="store_true",
                   help="with the learned tail model on (BoilerplateConfig.tail_model)")
    c = sub.add_parser("diff")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    args = ap.parse_args(argv)
    if args.cmd == "diff":
        return diff(args.a, args.b)
    needs = {"articles": [ARTICLES], "wcxb": [WCXB], "wcxb-all": [WCXB], "fixtures": [],
             "all": [ARTICLES]}
    missing = shared_missing(*needs[args.set])
    if missing:
        print(missing)
        return 0
    return dump(args.out, args.set, args.limit, args.tail_model)


if __name__ == "__main__":
    sys.exit(main())

"""The fast DOM walk against the reference on WCXB dev pages: equality and CPU, one run.

    python scripts/check_dom_equal.py [--type forum] [--limit N] [--verbatim]

For every page: the extract stage runs once (as in the pipeline, ``dom_model`` on) and
its ``refine`` hook hands the tree, the kept texts and the page kind to both
implementations, in alternating order: the reference (``tests/_dom_reference.py``, the
code before the rewrite, with its sibling cache holding parents; ``--verbatim``: without
that fix, to count what the fix changes) and :func:`cleaner.dommodel.dom_matrix`. It
compares the blocks (text, tag, kept, link density, frames), every feature and every
shipped-model probability bit for bit, and the page decision of the gate for the kinds
the shipped policy gates. CPU (``time.process_time``) of each side, per page kind; a
ratio > 1 means the fast code is cheaper. Skips (exit 0) when ../shared is absent.
Exit 1 when a page differs (without ``--verbatim``).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "wcxb-dev"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import _dom_reference as ref  # noqa: E402
import numpy as np  # noqa: E402

from cleaner import dommodel  # noqa: E402


def _bits(x: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(x, dtype=np.float64).view(np.uint64)


def _decision(model: dommodel.DomModel, kind: str, blocks: list[Any], probs: np.ndarray,
              tree: Any, doc: Any) -> tuple[str, float]:
    policy = model.policy.get(kind, ("stage", 1.0))
    if policy[0] != "gate":
        return policy
    return dommodel._gated(model, kind, blocks, [float(p) for p in probs], tree, doc)[0]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--type", default=None, help="one WCXB page type")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--verbatim", action="store_true",
                    help="the reference without its sibling-cache fix")
    args = ap.parse_args(argv)
    if not DATA.is_dir():
        print(f"skipped: {DATA} is absent")
        return 0
    from cleaner.config import CleanerConfig, ExtractionConfig
    from cleaner.evaluation.wcxb import load_pages
    from cleaner.extract import ExtractStage
    from cleaner.model import Document

    ref.KEEP_PARENTS = not args.verbatim
    pages = load_pages(DATA, types=[args.type] if args.type else None)
    if args.limit:
        pages = pages[: args.limit]
    model = dommodel.shipped_model()
    assert model is not None
    old_trees = ref.RefTrees.__new__(ref.RefTrees)
    for name in ("init", "_feature", "_threshold", "_left", "_right", "_value", "_roots",
                 "_depth"):
        setattr(old_trees, name, getattr(model._trees, name))
    stage = ExtractStage(CleanerConfig(extraction=ExtractionConfig(dom_model=True)))
    captured: dict[str, Any] = {}

    def hook(doc: Any, tree: Any, kind: str, model: Any = None, **_: Any) -> None:
        captured["v"] = (doc, tree, kind)

    cpu: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0.0, 0.0])
    diff_pages: list[str] = []
    diff_features: dict[str, int] = defaultdict(int)
    decisions_changed = 0
    n_blocks = 0
    original = dommodel.refine
    dommodel.refine = hook  # type: ignore[assignment]
    try:
        for k, page in enumerate(pages):
            captured.clear()
            html = page.html()
            doc = Document(source=html, url=page.url or None, format="html")
            doc.decoded = html
            stage(doc)
            if "v" not in captured:
                continue
            doc, tree, kind = captured["v"]
            kept = [b.text for b in doc.blocks]
            for side in ((0, 1) if k % 2 == 0 else (1, 0)):
                t0 = time.process_time()
                if side == 0:
                    old = ref.dom_blocks(tree, kept=kept, page_kind=kind)
                    ox = np.array([b.features for b in old], dtype=np.float64).reshape(
                        len(old), len(dommodel.FEATURE_NAMES))
                    t1 = time.process_time()
                    op = old_trees.probabilities(ox)
                else:
                    new, nx = dommodel.dom_matrix(tree, kept=kept, page_kind=kind)
                    t1 = time.process_time()
                    npr = model.probabilities(nx)
                t2 = time.process_time()
                c = cpu[page.page_type]
                c[2 * side] += t1 - t0
                c[2 * side + 1] += t2 - t1
            cpu[page.page_type][4] += 1
            n_blocks += len(old)
            same = (
                [(b.text, b.tag, b.kept, b.link_density, b.frames) for b in old]
                == [(b.text, b.tag, b.kept, b.link_density, b.frames) for b in new]
                and ox.shape == nx.shape
                and np.array_equal(_bits(ox), _bits(nx))
                and np.array_equal(_bits(op), _bits(npr)))
            if not same:
                diff_pages.append(page.id)
                if ox.shape == nx.shape:
                    for col in {int(c) for c in np.argwhere(_bits(ox) != _bits(nx))[:, 1]}:
                        diff_features[dommodel.FEATURE_NAMES[col]] += 1
            if len(old) and _decision(model, kind, old, op, tree, doc) != _decision(
                    model, kind, new, npr, tree, doc):
                decisions_changed += 1
    finally:
        dommodel.refine = original
    total = [sum(c[i] for c in cpu.values()) for i in range(5)]
    print(f"{int(total[4])} pages, {n_blocks} blocks; reference "
          f"{'verbatim' if args.verbatim else 'with parents held'}")
    print(f"pages differing: {len(diff_pages)} {diff_pages[:20]}")
    print(f"features differing (pages): {dict(diff_features)}")
    print(f"page decisions changed (gated kinds): {decisions_changed}")
    print("type        pages  walk+features old/new ms   ratio   trees old/new ms   ratio")
    for name, c in [*sorted(cpu.items()), ("all", total)]:
        n = c[4] or 1
        print(f"{name:<12}{int(c[4]):>5}  {c[0] / n * 1e3:8.2f} {c[2] / n * 1e3:8.2f}  "
              f"{c[0] / (c[2] or 1e-9):6.2f}x  {c[1] / n * 1e3:7.2f} {c[3] / n * 1e3:7.2f}  "
              f"{c[1] / (c[3] or 1e-9):6.2f}x")
    both_old, both_new = total[0] + total[1], total[2] + total[3]
    print(f"walk+features+trees: {both_old / (total[4] or 1) * 1e3:.2f} -> "
          f"{both_new / (total[4] or 1) * 1e3:.2f} ms/page ({both_old / (both_new or 1e-9):.2f}x)")
    return 1 if diff_pages and not args.verbatim else 0


if __name__ == "__main__":
    raise SystemExit(main())

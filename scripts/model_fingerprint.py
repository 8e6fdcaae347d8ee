"""Feature fingerprints of the shipped models: has the feature code changed since training?

A model is only as good as the agreement between the features it was trained on and the
features the package computes at run time. A change to a feature function (a bug fixed,
a count computed another way) silently shifts every score while the model file and its
provenance stay the same. Each training script records, beside the model, a digest of
the features its code computes on a fixed set of inputs that live in this repository
(the golden pages under ``fixtures/`` and a list of planted headlines), so no
``../shared`` is needed to check it; ``tests/test_model_fingerprint.py`` recomputes the
digest and fails, naming the model, when the features no longer match: retrain
(``make train``) and re-measure.

    python scripts/model_fingerprint.py            # print the four digests
    python scripts/model_fingerprint.py --write    # store them in the provenance files

Only the feature functions are covered: a change to the extraction stage (which decides
which blocks a DOM block counts as kept during training) is not, by design.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: the inputs, pinned by name (adding a fixture elsewhere does not move the digests;
#: their bytes are digested too, so an edited fixture is told apart from changed features)
FIXTURE_PAGES: tuple[str, ...] = (
    "fixtures/boilerplate/pages/control_en_interview_html.html",
    "fixtures/boilerplate/pages/control_fr_vignes_html.html",
    "fixtures/boilerplate/pages/de_aside_html.html",
    "fixtures/boilerplate/pages/en_inside_html.html",
    "fixtures/boilerplate/pages/en_review_card_html.html",
    "fixtures/boilerplate/pages/es_aside_html.html",
    "fixtures/boilerplate/pages/nl_inside_html.html",
    "fixtures/pages/de_bericht.html",
    "fixtures/pages/en_blog_related.html",
    "fixtures/scrapy/site/index.html",
    "fixtures/scrapy/site/trending.html",
)
DATA = ROOT / "cleaner" / "data"

#: headline-like and body-like lines in several scripts and shapes (planted, not data)
LINES: tuple[str, ...] = (
    "One Dose In, And Your Life Will Never Be The Same!",
    "You Won't Believe What This 90-Year-Old Grandma Did Next",
    "10 Photos That Prove The 1990s Were A Different World",
    "Council approves budget for the new harbour bridge",
    "The tide rose over the harbour wall at 6.30 pm.",
    "Ingredients: 2 eggs, 250 g flour, a pinch of salt",
    "Популярное за неделю",
    "東京で新しい図書館が開館しました",
    "Detail Author:",
    "Socials",
    "",
    "   ",
    "Q3 2026: revenue +12% (EUR 4.5m) | Read more »",
)

#: provenance file of each model, and the key its fingerprint is stored under
PROVENANCE = {
    "block": DATA / "block_model.provenance.json",
    "dom": DATA / "dom_model.provenance.json",
    "headline": DATA / "headline_model.json",
    "tail": DATA / "tail_model.provenance.json",
}
KEY = "feature_fingerprint"


def fixture_pages() -> list[Path]:
    """The pinned HTML fixture pages, in a fixed order."""
    return [ROOT / name for name in FIXTURE_PAGES]


def inputs_digest(pages: Sequence[Path] | None = None, lines: Sequence[str] = LINES) -> str:
    """Digest of the inputs themselves (the fixture bytes and :data:`LINES`)."""
    h = hashlib.sha256()
    for path in fixture_pages() if pages is None else pages:
        h.update(hashlib.sha256(path.read_bytes()).digest())
    for line in lines:
        h.update(line.encode("utf-8") + b"\n")
    return h.hexdigest()


def _digest(rows: Iterable[Sequence[float] | Sequence[int]]) -> str:
    h = hashlib.sha256()
    for row in rows:
        h.update((",".join(f"{float(v):.6g}" for v in row) + "\n").encode("ascii"))
    return h.hexdigest()


def dom_fingerprint(pages: Sequence[Path] | None = None) -> dict[str, object]:
    """Digest of :func:`cleaner.dommodel.dom_matrix` on the fixture pages, once with no
    kept blocks and once with every other block kept, for two page kinds."""
    import lxml.html

    from cleaner import dommodel

    pages = fixture_pages() if pages is None else pages
    rows: list[list[float]] = []
    for path in pages:
        for kind in ("article", "forum"):
            tree = lxml.html.document_fromstring(path.read_bytes())
            blocks, _ = dommodel.dom_matrix(tree, kept=(), page_kind=kind)
            kept = [b.text for b in blocks[::2]]
            tree = lxml.html.document_fromstring(path.read_bytes())
            _, matrix = dommodel.dom_matrix(tree, kept=kept, page_kind=kind)
            rows.extend(matrix.tolist())
    return {"inputs": f"{len(pages)} fixture pages x 2 kinds x 2 kept sets",
            "rows": len(rows), "sha256": _digest(rows)}


def block_fingerprint(pages: Sequence[Path] | None = None) -> dict[str, object]:
    """Digest of :func:`cleaner.blockmodel.block_features` on the blocks the extract
    stage makes of the fixture pages (markup included), for two page kinds."""
    from cleaner.blockmodel import block_features
    from cleaner.config import CleanerConfig, ExtractionConfig
    from cleaner.extract import ExtractStage
    from cleaner.model import Document

    pages = fixture_pages() if pages is None else pages
    stage = ExtractStage(CleanerConfig(extraction=ExtractionConfig(block_model=False,
                                                                   dom_model=False)))
    rows: list[list[float]] = []
    for path in pages:  # as scripts/train_blocks.py's extract_page does
        html = path.read_bytes().decode("utf-8", "replace")
        doc = Document(source=html, url=None, format="html")
        doc.decoded = html
        stage(doc)
        for kind, fallback in (("article", False), ("product", True)):
            rows.extend(block_features(doc.blocks, page_kind=kind, fallback=fallback))
    return {"inputs": f"{len(pages)} fixture pages x 2 kinds", "rows": len(rows),
            "sha256": _digest(rows)}


def headline_fingerprint(lines: Sequence[str] = LINES) -> dict[str, object]:
    """Digest of :func:`cleaner.boilerplate.headline.feature_ids` on :data:`LINES`."""
    from cleaner.boilerplate.headline import feature_ids

    rows = [feature_ids(line) for line in lines]
    return {"inputs": f"{len(lines)} planted lines", "rows": len(rows),
            "sha256": _digest(rows)}


#: a planted text page for the tail model: three paragraphs, a related run the rules
#: remove, then lines they keep (candidates of the model)
TAIL_PAGE: tuple[str, ...] = (
    "The harbour board met on Tuesday to approve the budget for the new bridge, which "
    "will carry the coast road over the estuary from next spring onwards, the chair said.",
    "Engineers expect the first piles to be driven in March, once the winter storms have "
    "passed and the estuary has settled back to its summer level, the board was told.",
    "Residents who spoke at the meeting asked for a footpath on the seaward side of the "
    "bridge, and the board agreed to look at the cost of one before the next meeting.",
    "Related Stories",
    "You Won't Believe What This 90-Year-Old Grandma Did Next",
    "10 Photos That Prove The 1990s Were A Different World",
    "Council votes to close the old ferry terminal",
    "Source: harbourdaily.example, 12 March 2026",
    "Follow me: @harbour_mehmet",
    "Mehmet Yilmaz",
    "Staff Writer",
)


def tail_fingerprint(pages: Sequence[Path] | None = None,
                     lines: Sequence[str] = TAIL_PAGE) -> dict[str, object]:
    """Digest of :func:`cleaner.boilerplate.tailmodel.tail_vectors` on the candidates of
    the fixture pages and of :data:`TAIL_PAGE` (text), cleaned as
    ``scripts/train_tails.py`` cleans (PII stage off): the rules that fired are features,
    so a changed rule moves it too."""
    from cleaner import Cleaner, CleanerConfig

    pages = fixture_pages() if pages is None else pages
    stages = tuple(s for s in CleanerConfig().stages if s != "pii")
    cleaner = Cleaner(CleanerConfig(stages=stages))
    rows: list[list[float]] = []
    for stage in cleaner.stages:
        if stage.name == "boilerplate":
            stage.tail_hook = lambda doc, feats, end, idx, got: rows.extend(  # type: ignore[attr-defined]
                [[float(i), *x] for i, x in zip(idx, got, strict=True)])
    inputs = [(p.read_bytes().decode("utf-8", "replace"), "html") for p in pages]
    inputs.append(("\n\n".join(lines), "text"))
    for text, fmt in inputs:
        cleaner.clean(text, format=fmt)
    return {"inputs": f"{len(pages)} fixture pages and a text page of {len(lines)} blocks",
            "rows": len(rows), "sha256": _digest(rows)}


FINGERPRINTS = {"block": block_fingerprint, "dom": dom_fingerprint,
                "headline": headline_fingerprint, "tail": tail_fingerprint}


def write(model: str) -> dict[str, object]:
    """Compute ``model``'s fingerprint and store it in its provenance file (the training
    scripts call this right after writing the model)."""
    fp = {**FINGERPRINTS[model](), "inputs_sha256": inputs_digest()}
    path = PROVENANCE[model]
    prov = json.loads(path.read_text("utf-8"))
    prov[KEY] = fp
    indent = 2 if model == "headline" else 1
    path.write_text(json.dumps(prov, indent=indent) + "\n", "utf-8")
    return fp


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--write", action="store_true", help="store them in the provenance files")
    ap.add_argument("models", nargs="*", metavar="MODEL",
                    help=f"some of {sorted(FINGERPRINTS)} (default: all)")
    args = ap.parse_args(argv)
    unknown = set(args.models) - set(FINGERPRINTS)
    if unknown:
        ap.error(f"unknown model(s): {sorted(unknown)}")
    for model in args.models or list(FINGERPRINTS):
        fp = write(model) if args.write else FINGERPRINTS[model]()
        print(f"{model:9} {fp['sha256']}  ({fp['inputs']}, {fp['rows']} rows)")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())

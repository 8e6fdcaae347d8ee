"""Train the headline model (``cleaner/boilerplate/headline.py``): ``make train``.

Data (``../shared``, never copied into the project):

* positives: the clickbait headlines of Chakraborty et al. 2016 ("Stop Clickbait:
  Detecting and Preventing Clickbaits in Online News Media", ASONAM 2016), the
  training half (``crc32(line) % 2 == 0``; half 1 is held out and feeds the tails of
  ``scripts/gen_tails.py``);
* negatives: the news headlines of the same set (same half), and real section
  headings / short lines of the article-extraction benchmark's bodies (the
  develop half of the tails benchmark; WCXB is the report half and is not read).

Deterministic (liblinear, fixed seed). Prints 5-fold cross-validated precision and
recall at p >= 0.5 on the training half and the figures on the held-out half, and
writes the weights (``cleaner/data/headline_model.npz``, float16) with provenance
(``headline_model.json``: data digest, command, figures). Needs scikit-learn (the
``train`` extra: ``pip install -e '.[train]'``).

Usage: python scripts/train_headlines.py [--check]  (--check: train and print, write nothing)
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
import zlib
from datetime import date
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaner.boilerplate.headline import MODEL_PATH, N_FEATURES, feature_ids  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
CLICKBAIT = SHARED / "clickbait-headlines" / "dataset"
ARTICLES = SHARED / "article-extraction-benchmark" / "ground-truth.json"
SEED = 12
C = 4.0


def _half(line: str) -> int:
    return zlib.crc32(line.strip().lower().encode("utf-8")) % 2


def _lines(path: Path) -> list[str]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [ln.strip() for ln in fh if ln.strip()]


def body_short_lines() -> list[str]:
    """Section headings and short lines of real article bodies (negatives)."""
    data = json.loads(ARTICLES.read_text("utf-8"))
    out = []
    for key in sorted(data):
        for line in (data[key].get("articleBody") or "").split("\n"):
            line = line.strip()
            if 2 <= len(line.split()) <= 16:
                out.append(line)
        # the first sentence of each paragraph, cut to headline length: prose openings
        for para in re.split(r"\n\s*\n", data[key].get("articleBody") or ""):
            words = para.split()
            if len(words) > 20:
                out.append(" ".join(words[: 8 + zlib.crc32(para.encode()) % 8]))
    return out


def matrix(lines: list[str]):  # type: ignore[no-untyped-def]
    from scipy.sparse import csr_matrix

    indptr = [0]
    indices: list[int] = []
    values: list[float] = []
    for line in lines:
        ids = feature_ids(line)
        indices.extend(ids)
        v = 1.0 / np.sqrt(len(ids)) if ids else 0.0
        values.extend([v] * len(ids))
        indptr.append(len(indices))
    return csr_matrix((values, indices, indptr), shape=(len(lines), N_FEATURES),
                      dtype=np.float64)


def pr(y: np.ndarray, p: np.ndarray) -> tuple[float, float]:
    pred = p >= 0.5
    tp = int((pred & (y == 1)).sum())
    prec = tp / int(pred.sum()) if pred.sum() else 1.0
    rec = tp / int((y == 1).sum()) if (y == 1).sum() else 1.0
    return prec, rec


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="train and print, write nothing")
    args = ap.parse_args()
    if not CLICKBAIT.is_dir() or not ARTICLES.is_file():
        print("train_headlines: skipped, ../shared/data is absent")
        return 0
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold

    click = _lines(CLICKBAIT / "clickbait_data.gz")
    news = _lines(CLICKBAIT / "non_clickbait_data.gz")
    body = body_short_lines()
    digest = hashlib.sha256()
    for name in ("clickbait_data.gz", "non_clickbait_data.gz"):
        digest.update((CLICKBAIT / name).read_bytes())
    digest.update(ARTICLES.read_bytes())

    pos = [x for x in click if _half(x) == 0]
    neg = [x for x in news if _half(x) == 0] + body
    held_pos = [x for x in click if _half(x) == 1]
    held_neg = [x for x in news if _half(x) == 1]
    lines = pos + neg
    y = np.array([1] * len(pos) + [0] * len(neg))
    X = matrix(lines)

    def fit(Xa, ya):  # type: ignore[no-untyped-def]
        m = LogisticRegression(C=C, solver="liblinear", random_state=SEED, max_iter=200)
        m.fit(Xa, ya)
        return m

    cv_p = np.zeros(len(lines))
    for tr, te in StratifiedKFold(5, shuffle=True, random_state=SEED).split(X, y):
        cv_p[te] = fit(X[tr], y[tr]).predict_proba(X[te])[:, 1]
    cv_prec, cv_rec = pr(y, cv_p)
    body_idx = np.arange(len(pos) + len(neg) - len(body), len(lines))
    body_fp = float((cv_p[body_idx] >= 0.5).mean())
    model = fit(X, y)
    hx = matrix(held_pos + held_neg)
    hy = np.array([1] * len(held_pos) + [0] * len(held_neg))
    h_prec, h_rec = pr(hy, model.predict_proba(hx)[:, 1])
    figures = {
        "cv5_precision": round(cv_prec, 4), "cv5_recall": round(cv_rec, 4),
        "cv5_body_lines_flagged": round(body_fp, 4),
        "heldout_half_precision": round(h_prec, 4), "heldout_half_recall": round(h_rec, 4),
    }
    print(f"train: {len(pos)} clickbait, {len(neg) - len(body)} news, {len(body)} body lines")
    print(f"5-fold CV (train half) at p>=0.5: precision {cv_prec:.4f} recall {cv_rec:.4f}; "
          f"body short lines flagged {body_fp:.2%}")
    print(f"held-out half ({len(held_pos)} clickbait, {len(held_neg)} news): "
          f"precision {h_prec:.4f} recall {h_rec:.4f}")
    if args.check:
        return 0
    weights = model.coef_[0].astype(np.float16)
    bias = np.array([model.intercept_[0]], dtype=np.float32)
    np.savez_compressed(MODEL_PATH, weights=weights, bias=bias)
    prov = {
        "model": "logistic regression, hashed char 2-5-grams + word 1-2-grams + shape, "
                 f"{N_FEATURES} features, L2 C={C}, liblinear seed {SEED}",
        "data": "clickbait-headlines (Chakraborty et al. 2016, MIT) half crc32%2==0; "
                "article-extraction-benchmark body short lines (negatives)",
        "data_sha256": digest.hexdigest(),
        "examples": {"clickbait": len(pos), "news": len(neg) - len(body), "body": len(body)},
        "command": "python scripts/train_headlines.py  (make train)",
        "trained": date.today().isoformat(),
        "figures": figures,
        "sha256": hashlib.sha256(MODEL_PATH.read_bytes()).hexdigest(),
    }
    MODEL_PATH.with_suffix(".json").write_text(json.dumps(prov, indent=2) + "\n", "utf-8")
    import model_fingerprint  # scripts/: the features this model was trained on

    model_fingerprint.write("headline")
    print(f"wrote {MODEL_PATH.relative_to(ROOT)} ({MODEL_PATH.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

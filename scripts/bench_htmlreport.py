"""Benchmark: the HTML report for a large batch (default 10,000 synthetic documents).

Usage: python scripts/bench_htmlreport.py [N] [OUT_DIR]

Builds N synthetic documents (a ~600-word article, a link-farm tail, an author
card with PII findings), turns them into reports with views, writes the HTML
report and prints: view time per document, build time, file size (with and
without views, and gzipped), and, when headless Chromium is installed, the time
the browser needs to open the list and a document (wall clock including browser
start, and the in-page render time the report's script records).
"""

from __future__ import annotations

import gzip
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from cleaner.htmlreport import write_html_report
from cleaner.model import (
    Block,
    BlockKind,
    Document,
    Finding,
    LanguageResult,
    Quality,
    Report,
    Verdict,
)

WORDS = (
    "the council harbour storm wall budget engineers residents water town plan report "
    "coast marsh funding project years season flood defence sea level money question "
    "answer public hearing critics village support record spring winter data study"
).split()
SPAM = [
    "Doctors Stunned: This Simple Trick Melts Belly Fat Overnight!",
    "What Does Mold Smell Like? | How Mold Looks, Smells, & Spreads",
    "10 Celebrities Who Look Unrecognizable Today",
]


def synthetic_document(n: int, rng: random.Random) -> Document:
    paras = []
    for _ in range(rng.randint(5, 9)):
        words = [rng.choice(WORDS) for _ in range(rng.randint(50, 110))]
        paras.append(" ".join(words).capitalize() + ".")
    tail = [rng.choice(SPAM) for _ in range(rng.randint(0, 4))]
    card = [f"Name : Person{n} Example", f"Email : person{n}@example.org",
            f"Phone : +1-541-555-{n % 10000:04d}"] if rng.random() < 0.4 else []
    lines = [f"Headline number {n}", *paras, *tail, *card]
    text = "\n".join(lines)
    blocks, findings, pos = [], [], 0
    for i, line in enumerate(lines):
        kind: BlockKind = "heading" if i == 0 or line in SPAM else "paragraph"
        blocks.append(Block(index=i, start=pos, end=pos + len(line), kind=kind, group=i,
                            text=line, lang="en", lang_prob=0.99))
        if line in SPAM:
            findings.append(Finding("boilerplate", "link_farm", "duplicate_headline+clickbait",
                                    0.9, pos, pos + len(line), "removed", block=i))
        elif line.startswith(("Name :", "Email :", "Phone :")):
            findings.append(Finding("boilerplate", "author_card", "card_run", 0.9,
                                    pos, pos + len(line), "removed", block=i))
            at = line.index(":") + 2
            typ = {"N": "PERSON", "E": "EMAIL_ADDRESS", "P": "PHONE_NUMBER"}[line[0]]
            findings.append(Finding("pii", "pii", f"label_{typ.lower()}", 0.95, pos + at,
                                    pos + len(line), "redacted", block=i, type=typ,
                                    replacement=f"[{typ}]"))
        pos += len(line) + 1
    doc = Document(source=text, id=f"doc-{n:05d}", url=f"https://example.org/{n}",
                   format="text", decoded=text, text=text, blocks=blocks, findings=findings)
    doc.output = "\n\n".join(lines[: 1 + len(paras)])
    doc.language = LanguageResult("en", 0.99, True)
    score = rng.random()
    verdict: Verdict = "keep" if score > 0.6 else "review" if score > 0.3 else "reject"
    doc.quality = Quality({"words_out": float(len(doc.output.split()))}, score, verdict,
                          [] if verdict == "keep" else [f"score {score:.2f} below threshold"])
    doc.timings = {"extract": rng.random() / 50, "total": rng.random() / 20}
    return doc


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--virtual-time-budget=30000"]


def screenshot_wall(binary: str, url: str, profile: str, out: Path) -> float:
    """Wall seconds until Chromium has loaded ``url``, run its script and painted it."""
    t0 = time.perf_counter()
    subprocess.run([binary, *FLAGS, f"--user-data-dir={profile}", "--window-size=1280,1000",
                    f"--screenshot={out}", url], capture_output=True, timeout=600)
    return time.perf_counter() - t0


def render_ms(binary: str, url: str, profile: str) -> str:
    """The in-page render time the report's script records (``--dump-dom`` is slow on big
    files because it serialises the whole DOM, so only this figure is taken from it)."""
    proc = subprocess.run([binary, *FLAGS, f"--user-data-dir={profile}", "--dump-dom", url],
                          capture_output=True, text=True, timeout=600)
    m = re.search(r'data-render-ms="([\d.]+)"', proc.stdout)
    return (m.group(1) + " ms") if m else "n/a"


def main(argv: list[str]) -> int:
    n = int(argv[1]) if len(argv) > 1 else 10_000
    out_dir = Path(argv[2]) if len(argv) > 2 else Path(tempfile.mkdtemp(prefix="bench_html_"))
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(7)
    docs = [synthetic_document(i, rng) for i in range(n)]
    t0 = time.perf_counter()
    reports: list[dict[str, Any]] = [Report(d).to_dict(include_view=True) for d in docs]
    t_view = time.perf_counter() - t0
    plain = [{k: v for k, v in r.items() if k != "view"} for r in reports]
    stats = write_html_report(reports, out_dir / "report.html")
    stats_plain = write_html_report(plain, out_dir / "report_noview.html")
    gz = len(gzip.compress((out_dir / "report.html").read_bytes(), 6))
    text_bytes = sum(len(d.text.encode()) for d in docs)
    print(f"documents: {n:,} (working text {text_bytes / 2**20:.1f} MiB)")
    print(f"to_dict(include_view=True): {t_view:.2f} s ({1000 * t_view / n:.3f} ms/doc)")
    print(f"write_html_report with views: {stats.seconds:.2f} s, "
          f"{stats.bytes / 2**20:.1f} MiB ({stats.bytes / n / 1024:.1f} KiB/doc), "
          f"gzip -6 {gz / 2**20:.1f} MiB")
    print(f"write_html_report without views: {stats_plain.seconds:.2f} s, "
          f"{stats_plain.bytes / 2**20:.1f} MiB")
    binary = chromium()
    if binary is None:
        print("chromium: not installed; browser timings skipped")
        return 0
    with tempfile.TemporaryDirectory() as profile:
        base = out_dir / "base.html"
        base.write_text("<!DOCTYPE html><html><body>x</body></html>")
        shot = out_dir / "shot.png"
        screenshot_wall(binary, base.resolve().as_uri(), profile, shot)  # warm the cache
        wall0 = screenshot_wall(binary, base.resolve().as_uri(), profile, shot)
        print(f"chromium start + empty page (screenshot): {wall0:.2f} s wall")
        uri = (out_dir / "report.html").resolve().as_uri()
        for label, frag in (("list page 1", ""),
                            ("list, verdict=review page 20", "#verdict=review&page=20"),
                            (f"document {n - 1}", f"#doc={n - 1}")):
            wall = screenshot_wall(binary, uri + frag, profile, shot)
            print(f"chromium open {label} (screenshot): {wall:.2f} s wall")
        print(f"in-page script, list page 1: {render_ms(binary, uri, profile)}; "
              f"document {n - 1}: {render_ms(binary, uri + f'#doc={n - 1}', profile)}")
    print(f"output: {out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

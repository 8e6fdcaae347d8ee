"""`make demo`: clean every page in a folder, print each clean text and report summary.

Usage: python scripts/demo.py fixtures/pages build/demo
Writes <out>/<page>.txt and <out>/<page>.report.json, and ends by writing
<out>/report.html (the self-contained HTML report with document views) and
printing its path.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from cleaner import Cleaner
from cleaner.htmlreport import write_html_report


def main(src: str, out: str) -> int:
    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    cleaner = Cleaner()
    pages = sorted(p for p in Path(src).iterdir() if p.is_file())
    views: list[dict[str, Any]] = []
    for page in pages:
        result = cleaner.clean(page.read_bytes(), id=page.name, format=page.name)
        views.append(result.report.to_dict(include_view=True))
        report = result.report.to_dict()
        (out_dir / f"{page.name}.txt").write_text(result.text + "\n", encoding="utf-8")
        (out_dir / f"{page.name}.report.json").write_text(
            json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        lang = report["language"] or {}
        print(f"=== {page.name}  [{report['input']['format']}, {lang.get('code')}, "
              f"verdict={result.verdict}, score={report['quality']['score']}]")
        print(result.text[:600] + (" [...]" if len(result.text) > 600 else ""))
        summary = report["summary"]
        print(f"--- removed: {json.dumps(summary['removed'])}  pii: {json.dumps(summary['pii'])}")
        for reason in report["quality"]["reasons"]:
            print(f"--- reason: {reason}")
        print()
    print(f"{len(pages)} pages cleaned; texts and reports in {out_dir}/")
    stats = write_html_report(views, out_dir / "report.html", title=f"cleaner demo: {src}")
    print(f"HTML report ({stats.documents} documents, {stats.bytes / 1024:.1f} KiB): "
          f"{stats.path.resolve()}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))

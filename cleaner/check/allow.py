"""Accepting findings in place: ``cleaner: allow`` comments on (or before) a line."""

from __future__ import annotations

import re
from collections.abc import Sequence

_ALLOW_RE = re.compile(r"cleaner:\s*allow(-next-line)?(?:\[([A-Za-z_,\s]*)\])?")


def _allowed_inline(lines: Sequence[str], line: int, category: str) -> bool:
    for idx, need_next in ((line - 1, False), (line - 2, True)):
        if not 0 <= idx < len(lines):
            continue
        for m in _ALLOW_RE.finditer(lines[idx]):
            if bool(m.group(1)) != need_next:
                continue
            cats = m.group(2)
            if cats is None or category in {c.strip() for c in cats.split(",")}:
                return True
    return False


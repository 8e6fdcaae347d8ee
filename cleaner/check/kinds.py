"""Which files ``cleaner check`` reads, and how a file was encoded (``--fix`` writes it back so)."""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import Any

SUFFIXES: tuple[str, ...] = (".jsonl.gz", ".jsonl", ".html", ".htm", ".txt", ".md")
#: the ``files`` pattern of the pre-commit hooks (kept in sync by a test)
FILES_PATTERN = r"\.(txt|md|html?|jsonl|jsonl\.gz)$"


def file_kind(path: str | Path) -> str | None:
    """``text``, ``markdown``, ``html`` or ``jsonl`` (``.jsonl.gz`` too); None if unsupported."""
    name = str(path).lower()
    if name.endswith((".jsonl", ".jsonl.gz")):
        return "jsonl"
    if name.endswith((".html", ".htm")):
        return "html"
    if name.endswith(".md"):
        return "markdown"
    if name.endswith(".txt"):
        return "text"
    return None



_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF8, codecs.BOM_UTF16_LE,
         codecs.BOM_UTF16_BE)


def _encoding_of(data: bytes, text: str, encoding: str) -> dict[str, Any]:
    bom = next((b for b in _BOMS if data.startswith(b)), b"")
    try:
        lossless = bom + text.encode(encoding) == data
    except (UnicodeError, LookupError):
        lossless = False
    return {"encoding": encoding, "bom": bom, "lossless": lossless}


"""One reported line (:class:`CheckFinding`) and how pipeline findings become one."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from .. import categories
from ..model import Document, Finding
from ..normalize import squash
from ..privacy import mask, mask_path

BASELINE_ITERATIONS = 10_000


_PII_NAMES = {
    "EMAIL_ADDRESS": "email address",
    "PHONE_NUMBER": "phone number",
    "STREET_ADDRESS": "street address",
    "DATE_OF_BIRTH": "date of birth",
    "PROFILE_URL": "profile URL",
    "SOCIAL_HANDLE": "social handle",
    "USERNAME": "username",
    "PERSON": "person name",
}



@dataclass(frozen=True)
class CheckFinding:
    """One reported line. ``value`` (the matched text) is used for hashing and
    allow-lists only and is never printed."""

    path: str
    line: int
    col: int
    category: str
    rule: str
    message: str
    type: str | None = None
    record: str | None = None
    value: str = field(default="", repr=False, compare=False)
    #: index of the unit (document or JSONL record) in its file
    unit: int = field(default=0, repr=False, compare=False)
    #: the pipeline findings behind this line (what ``--fix`` applies)
    sources: tuple[Finding, ...] = field(default=(), repr=False, compare=False)

    def format(self) -> str:
        # a file name or record id can hold personal data (or lone surrogates)
        where = f"{mask_path(self.path)}:{self.line}:{self.col}"
        return f"{where}: {self.category.upper()} {self.message} ({self.rule})"

    def digest(self, salt: str, iterations: int = BASELINE_ITERATIONS) -> str:
        # the rule is left out: a detector renaming its rule keeps the baseline valid
        material = "\0".join(
            (self.category, self.type or "", normalize(self.value))
        ).encode("utf-8", "surrogatepass")
        return hashlib.pbkdf2_hmac("sha256", material, salt.encode("ascii"), iterations).hex()


def normalize(text: str) -> str:
    return squash(text)



def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _message(category: str, n_blocks: int, tail: bool, ftype: str | None) -> str:
    if category == "pii":
        name = ftype or "UNKNOWN"
        return _PII_NAMES.get(name, name.lower().replace("_", " "))
    if category == "link_farm":
        return _plural(n_blocks, "spam headline") + (" after the article" if tail else "")
    if category == "glued_spam":
        return _plural(n_blocks, "spam headline") + " glued to the text"
    return f"{categories.label(category)} ({_plural(n_blocks, 'line')})"


def _groups(doc: Document, findings: list[Finding]) -> list[list[Finding]]:
    """PII findings alone; adjacent boilerplate findings of one category together
    (only whitespace between them: one author card, one link-farm tail)."""

    def key(f: Finding) -> tuple[int, int]:
        return (f.start or 0, f.end or 0)

    spanned = sorted((f for f in findings if f.start is not None and f.end is not None), key=key)
    groups: list[list[Finding]] = []
    end = 0
    for f in spanned:
        if f.category == "pii":
            continue
        if groups and groups[-1][-1].category == f.category and not doc.text[end : f.start].strip():
            groups[-1].append(f)
        else:
            groups.append([f])
        end = max(end if len(groups[-1]) > 1 else 0, f.end or 0)
    groups.extend([f] for f in spanned if f.category == "pii")
    groups.sort(key=lambda g: key(g[0]))
    groups.extend([f] for f in findings if f.start is None or f.end is None)
    return groups


def _is_tail(doc: Document, end: int, removed: list[tuple[int, int]]) -> bool:
    """No kept word follows ``end`` (only whitespace or other removed spans)."""
    pos = end
    for s, e in removed:
        if e <= pos:
            continue
        if doc.text[pos:s].strip() if s > pos else False:
            return False
        pos = max(pos, e)
    return not doc.text[pos:].strip()



def _in_record(rid: str | None) -> str:
    return f" in record {json.dumps(mask(rid), ensure_ascii=False)}" if rid is not None else ""


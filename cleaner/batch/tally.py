"""Counts of a run (per unit and in total), mergeable and JSON round-trippable."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .process import Result
from .records import OUTCOMES


@dataclass(slots=True)
class Tally:
    outcomes: Counter[str] = field(default_factory=Counter)
    removed_count: Counter[str] = field(default_factory=Counter)
    removed_chars: Counter[str] = field(default_factory=Counter)
    pii: Counter[str] = field(default_factory=Counter)
    marked: Counter[str] = field(default_factory=Counter)
    languages: Counter[str] = field(default_factory=Counter)
    failed_reasons: Counter[str] = field(default_factory=Counter)
    rejected_reasons: Counter[str] = field(default_factory=Counter)
    #: input records that are not documents (WARC requests, non-HTML responses)
    skipped: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    #: records the readers produced (compared with the outcome counts)
    read: int = 0

    @property
    def documents(self) -> int:
        return sum(self.outcomes[o] for o in OUTCOMES)

    def add(self, res: Result) -> None:
        self.outcomes[res.outcome] += 1
        self.seconds += res.seconds
        if res.outcome == "failed":
            self.failed_reasons[res.reason or "error"] += 1
            return
        self.languages[res.lang or "und"] += 1
        for cat, slot in (res.summary.get("removed") or {}).items():
            self.removed_count[cat] += int(slot.get("count", 0))
            self.removed_chars[cat] += int(slot.get("chars", 0))
        for typ, n in (res.summary.get("pii") or {}).items():
            self.pii[typ] += int(n)
        for cat, n in (res.summary.get("marked") or {}).items():
            self.marked[cat] += int(n)
        if res.outcome == "rejected":
            for code in res.reason_codes or ["unspecified"]:
                self.rejected_reasons[code] += 1

    def merge(self, other: Tally) -> None:
        for name in ("outcomes", "removed_count", "removed_chars", "pii", "marked", "languages",
                     "failed_reasons", "rejected_reasons", "skipped"):
            getattr(self, name).update(getattr(other, name))
        self.seconds += other.seconds
        self.read += other.read

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": {
                "read": self.read, "in": self.documents,
                **{o: self.outcomes[o] for o in OUTCOMES},
            },
            "removed": {
                c: {"count": self.removed_count[c], "chars": self.removed_chars[c]}
                for c in sorted(self.removed_count)
            },
            "pii": dict(sorted(self.pii.items())),
            "marked": dict(sorted(self.marked.items())),
            "languages": dict(self.languages.most_common()),
            "failed_reasons": dict(self.failed_reasons.most_common()),
            "rejected_reasons": dict(self.rejected_reasons.most_common()),
            "skipped_records": dict(sorted(self.skipped.items())),
            "cpu_seconds": round(self.seconds, 3),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Tally:
        t = cls()
        docs = d.get("documents", {})
        t.outcomes.update({o: int(docs.get(o, 0)) for o in OUTCOMES})
        for c, slot in d.get("removed", {}).items():
            t.removed_count[c] = int(slot["count"])
            t.removed_chars[c] = int(slot["chars"])
        t.pii.update(d.get("pii", {}))
        t.marked.update(d.get("marked", {}))
        t.languages.update(d.get("languages", {}))
        t.failed_reasons.update(d.get("failed_reasons", {}))
        t.rejected_reasons.update(d.get("rejected_reasons", {}))
        t.skipped.update(d.get("skipped_records", {}))
        t.seconds = float(d.get("cpu_seconds", 0.0))
        t.read = int(docs.get("read", 0))
        return t

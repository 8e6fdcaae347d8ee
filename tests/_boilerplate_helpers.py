"""Helpers for the boilerplate tests: a pipeline without PII and a one-page runner."""

from __future__ import annotations

from cleaner import Cleaner, CleanerConfig
from cleaner.config import BoilerplateConfig
from cleaner.model import CleanResult, Finding

STAGES_NO_PII = ("extract", "language", "boilerplate", "assemble", "quality")


def make_cleaner(**boilerplate: object) -> Cleaner:
    return Cleaner(
        CleanerConfig(stages=STAGES_NO_PII, boilerplate=BoilerplateConfig(**boilerplate))  # type: ignore[arg-type]
    )


def bp_findings(result: CleanResult) -> list[Finding]:
    return [f for f in result.report.findings if f.stage == "boilerplate"]


def removed_texts(result: CleanResult) -> list[tuple[str, str]]:
    """(category, removed text) for every boilerplate removal."""
    doc = result.document
    return [
        (f.category, doc.text[f.start : f.end])
        for f in bp_findings(result)
        if f.action == "removed" and f.start is not None and f.end is not None
    ]


def article(*paragraphs: str, title: str = "Harbour Council Approves New Ferry Timetable") -> str:
    """A plain-text page: title, then blank-line separated paragraphs."""
    return "\n\n".join((title, *paragraphs)) + "\n"


BODY = (
    "The harbour council approved a new ferry timetable on Tuesday after months of complaints "
    "from island residents about cancelled crossings. The timetable adds two early sailings and "
    "moves the last evening ferry forty minutes later, so that commuters can get home after work.",
    "Ferry operators said the change depends on hiring six more crew members before the summer. "
    "The council will pay part of the extra wages for two years, and residents will be asked "
    "for their views on the timetable in an online survey in the autumn.",
    "Island shopkeepers welcomed the later ferry, which they say will bring more evening "
    "visitors to the harbour. The first sailings under the new timetable start in May.",
)

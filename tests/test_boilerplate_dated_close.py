"""The article's end when a dated story list closes the page (issue 12, the shape of
fresh4's table-frame pages, written here in other words): a short article, a body of
short dated lines (a timeline, which keeps the page's tail longer than the article), then
a header and rows of a headline, a source and a date. Before, the article's end stayed at
the last row (the page "was made of short lines"), so no rule after the end saw the rows.
Each "goes" row names values that must go and a rule that must say why; each "stays" row
names what must stay. Values are planted here, not read from the code under test."""

from __future__ import annotations

import pytest
from _boilerplate_helpers import BODY, article, bp_findings, make_cleaner

from cleaner.boilerplate import stage

HEADS = ("Senate panel delays vote on mining permits",
         "Storm closes schools across the northern valley",
         "Pop star cancels stadium tour after vocal injury")
#: a timeline of the island: short dated lines (bare years), the page's own content
YEARS = tuple(f"{1900 + 9 * k} | {line}" for k, line in enumerate((
    "The first wooden pier was built.", "A steam ferry began weekly crossings.",
    "The lighthouse was moved inland.", "Storms closed the harbour for a month.",
    "The council bought the old boat yard.", "A second pier opened for fishing boats.",
    "The ferry company was sold to the town.", "Night sailings started in summer.")))
ROWS = tuple(f"{h} | Valley Post | {k + 2} Nov 2026" for k, h in enumerate(HEADS))


def _names(result) -> set[str]:
    return {r for f in bp_findings(result) for r in f.rule.split("+")}


@pytest.fixture(scope="module")
def bp():
    return make_cleaner()


#: (reason, page, values that must go, a rule that must name the removal)
GONE = [
    ("a partners' list of dated news rows under a header closes a timeline page",
     article(BODY[0], "Timeline", *YEARS, "From Our Partners", *ROWS), (*HEADS, "Valley Post"),
     "dated_run"),
    ("the same without a header above the rows",
     article(BODY[0], "Timeline", *YEARS, *ROWS), HEADS, "dated_run"),
]


@pytest.mark.parametrize(("reason", "page", "gone", "rule"), GONE, ids=[r[0][:50] for r in GONE])
def test_a_dated_list_closing_the_page_goes(bp, reason: str, page: str,
                                            gone: tuple[str, ...], rule: str) -> None:
    result = bp.clean(page, format="text")
    left = [v for v in gone if v in result.text]
    assert not left, (reason, left, result.text[-400:])
    assert rule in _names(result), (reason, sorted(_names(result)))
    assert BODY[0][:60] in result.text and YEARS[-1] in result.text, reason


#: (reason, page, values that must stay)
KEPT = [
    ("a single dated row closing the page is no list",
     article(BODY[0], "Timeline", *YEARS, "From Our Partners", ROWS[0]), (YEARS[-1],)),
    ("the timeline's year lines stay (a bare year is no story's date)",
     article(BODY[0], "Timeline", *YEARS, "From Our Partners", *ROWS), YEARS),
    ("on-topic dated rows (the article's own ferry notices) closing the page are damped",
     article(BODY[0], "Timeline", *YEARS, "Notices",
             "Harbour council approves new ferry timetable | Council | 19 Nov 2026",
             "Island residents welcome two early ferry sailings | Council | 2 Nov 2026"),
     ("approves new ferry timetable", "welcome two early ferry sailings")),
]


@pytest.mark.parametrize(("reason", "page", "kept"), KEPT, ids=[r[0][:50] for r in KEPT])
def test_what_belongs_to_the_page_stays(bp, reason: str, page: str,
                                        kept: tuple[str, ...]) -> None:
    result = bp.clean(page, format="text")
    lost = [v for v in kept if v not in result.text]
    assert not lost, (reason, lost, sorted(_names(result)))


def test_the_end_moves_only_before_a_closing_dated_list() -> None:
    """``_before_dated_close`` on a page's features: the block before the header of a
    closing list of >= 2 dated rows; the last block when fewer rows close it."""
    from cleaner.boilerplate.features import compute_features
    from cleaner.config import CleanerConfig

    cfg = CleanerConfig().boilerplate
    c = make_cleaner()
    for rows, want_from_end in ((ROWS, 1 + len(ROWS)), (ROWS[:1], 0)):
        doc = c.clean(article(BODY[0], *YEARS, "From Our Partners", *rows), format="text")
        blocks = [b for b in doc.document.blocks]
        feats = compute_features(blocks, cfg)
        last = len(feats) - 1
        assert stage._before_dated_close(feats, 1, cfg.headline_words[1]) == last - want_from_end

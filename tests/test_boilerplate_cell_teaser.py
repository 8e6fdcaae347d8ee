"""Teasers inside a flattened layout-table row (issue 12, the shape of fresh4's
table-frame pages, written here in other words): a page laid out as a table whose content
cell holds the article's paragraphs and, after the first, a "Label: <headline>" teaser.
trafilatura joins the cell into one ``table_row`` block, so ``teaser`` never saw the line;
``cell_teaser`` cuts it from the row (``Block.pieces``: the cell's paragraphs) when its
headline is printed again after the article's end or the headline model calls it
clickbait. Each "goes" row names values that must go; each "stays" row what must stay.
Values are planted here, not read from the code under test."""

from __future__ import annotations

import pytest
from _boilerplate_helpers import BODY, bp_findings, make_cleaner

TITLE = "Harbour Council Approves New Ferry Timetable"


def frame(inside: str, below: str = "") -> str:
    """A table-frame page: a menu cell beside the content cell (title, the first
    paragraph, ``inside``, the other paragraphs), ``below`` in the row under it."""
    paras = "".join(f"<p>{p}</p>" for p in BODY[1:])
    return (f"<html><head><title>{TITLE}</title></head><body><table><tr>"
            '<td class="menu"><a href="/">Index</a><br><a href="/archive">Archive</a></td>'
            f'<td class="content"><h1>{TITLE}</h1><p>{BODY[0]}</p>{inside}{paras}</td></tr>'
            f'<tr><td></td><td class="below">{below}</td></tr></table></body></html>')


def teaser(label: str, head: str) -> str:
    return f'<p class="teaser"><b>{label}:</b> <a href="https://news.example/p/9">{head}</a></p>'


def dated_rows(*heads: str) -> str:
    return '<table class="list">' + "".join(
        f'<tr><td>{k + 2} Nov 2026</td><td><a href="https://news.example/p/{k}">{h}</a></td>'
        "</tr>" for k, h in enumerate(heads)) + "</table>"


ECHO = "Storm closes three schools across the northern valley"
BAIT = "21 Pictures That Will Make You Want To Quit Your Job Today"


@pytest.fixture(scope="module")
def bp():
    return make_cleaner()


#: (reason, page, values that must go)
GONE = [
    ("a teaser whose headline the dated rows below print again",
     frame(teaser("Lees ook", ECHO),
           dated_rows(ECHO, "Pop star cancels stadium tour after vocal injury",
                      "Senate panel delays vote on mining permits")), ("Lees ook", ECHO)),
    ("a clickbait teaser whose copy extraction dropped (no rows below)",
     frame(teaser("Ne manquez pas", BAIT)), ("Ne manquez pas", BAIT)),
]


@pytest.mark.parametrize(("reason", "page", "gone"), GONE, ids=[r[0][:50] for r in GONE])
def test_a_teaser_inside_a_layout_cell_goes(bp, reason: str, page: str,
                                            gone: tuple[str, ...]) -> None:
    result = bp.clean(page, format="html")
    left = [v for v in gone if v in result.text]
    assert not left, (reason, left, result.text[:600])
    assert "cell_teaser" in {r for f in bp_findings(result) for r in f.rule.split("+")}
    for p in BODY:  # the row stays: every paragraph of the article
        assert p[:60] in result.text, (reason, p[:60])


#: (reason, page, values that must stay)
KEPT = [
    ("a news-like 'Label: text' paragraph with no copy below stays",
     frame(teaser("Update", "Ferry times may change in bad weather this winter")),
     ("Ferry times may change in bad weather",)),
    ("a 'Label: sentence.' paragraph (a sentence, not a headline) stays",
     frame("<p>Note: 21 Pictures That Will Make You Want To Quit Your Job Today.</p>"),
     ("Note: 21 Pictures",)),
    ("a short label line that is the cell's only paragraph beside the row's text stays",
     frame("", dated_rows(ECHO)), (BODY[0][:60],)),
]


@pytest.mark.parametrize(("reason", "page", "kept"), KEPT, ids=[r[0][:50] for r in KEPT])
def test_what_belongs_to_the_article_stays(bp, reason: str, page: str,
                                           kept: tuple[str, ...]) -> None:
    result = bp.clean(page, format="html")
    lost = [v for v in kept if v not in result.text]
    assert not lost, (reason, lost, result.text[:600])
    assert "cell_teaser" not in {r for f in bp_findings(result) for r in f.rule.split("+")}


def test_the_row_keeps_its_pieces_and_its_text() -> None:
    """Extraction records the content cell's paragraphs as pieces of the row; the row's
    text is the flattened row as before (pieces change no output)."""
    from cleaner import Cleaner, CleanerConfig

    stages = tuple(s for s in CleanerConfig().stages if s not in ("pii", "boilerplate"))
    doc = Cleaner(CleanerConfig(stages=stages)).clean(
        frame(teaser("Lees ook", ECHO)), format="html").document
    rows = [b for b in doc.blocks if b.pieces]
    assert len(rows) == 1 and rows[0].kind == "table_row"
    texts = [rows[0].text[a:b] for a, b in rows[0].pieces]
    assert f"Lees ook: {ECHO}" in texts and BODY[0] in texts
    assert " | " in rows[0].text  # menu cell | content cell, one row as before

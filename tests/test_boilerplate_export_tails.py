"""Tails of the shapes the fresh4 split showed (issue 12), written here in other words:
Markdown reference-style link lists and their definitions, definition-list cards, CSV-like
exports, dated story rows, a teaser inside the body, a headline glued onto the last
paragraph whose copy sits in a dated item. Each "goes" row plants a tail after a clean
article and names values that must go and a rule that must say why; each "stays" row
plants the same shape where it belongs to the article and names what must stay. Values
are planted here, not read from the code under test."""

from __future__ import annotations

import pytest
from _boilerplate_helpers import BODY, article, bp_findings, make_cleaner

HEADS = ("Senate panel delays vote on mining permits",
         "Storm closes schools across the northern valley",
         "Pop star cancels stadium tour after vocal injury")
EMAIL = "r.okafor@examplemail.com"
PHONE = "+44 20 7946 0311"


def _names(result) -> set[str]:
    out: set[str] = set()
    for f in bp_findings(result):
        for rule in [f.rule, *(line["rule"] for line in f.detail.get("lines", []))]:
            out.update(rule.split("+"))
    return out


def _refs(heads: tuple[str, ...], titled: bool = True) -> str:
    return "\n".join(f"[n{k}]: https://news.example/p/{k}" + (f' "{h}"' if titled else "")
                     for k, h in enumerate(heads))


#: (reason, page, format, values that must go, a rule that must name the removal)
GONE = [
    ("a reference-style link list whose definitions (titled) close a Markdown page",
     article(*BODY, "#### Worth Your Time",
             "\n".join(f"- [{h}][n{k}] — {k + 3} Nov 2026" for k, h in enumerate(HEADS)),
             _refs(HEADS)), "markdown", (*HEADS, "news.example/p/1"), "link_definition"),
    ("link definitions without titles go as furniture",
     article(*BODY, "- [Harbour pilots vote][n0]", _refs(HEADS[:1], titled=False)),
     "markdown", ("news.example/p/0",), "link_definition"),
    ("a definition-list card ('Key' / ': value') after a Markdown article",
     article(*BODY, "Email\n: " + EMAIL, "Phone\n: " + PHONE, "Name\n: Rosa Okafor"),
     "markdown", (EMAIL, PHONE), "card_run"),
    ("a CSV export of stories under a header row",
     article(*BODY, "title,url,published\n" + "\n".join(
         f'"{h}",https://news.example/p/{k},2026-11-{k + 10}' for k, h in enumerate(HEADS))),
     "text", HEADS, "export_rows"),
    ("a CSV card export (rows with contact data)",
     article(*BODY, f'field;value\n"Writer";"Rosa Okafor"\n"Mail";"{EMAIL}"\n'
             f'"Mobile";"{PHONE}"'), "text", (EMAIL, PHONE), "export_card"),
    ("a CSV export of profiles",
     article(*BODY, "platform,profile,members\nVimeo,vimeo.com/rokafor,2841\n"
             "Strava,strava.com/athletes/rokafor,377"), "text",
     ("vimeo.com/rokafor", "strava.com/athletes/rokafor"), "export_profiles"),
    ("dated story lines after the article",
     article(*BODY, *(f"{h} — {k + 2} Nov 2026" for k, h in enumerate(HEADS))), "text",
     HEADS, "dated_run"),
    ("a teaser in another language inside the body, its headline in the tail's rows",
     article(BODY[0], f"Lexo edhe: {HEADS[1]}", *BODY[1:], "title,url\n" + "\n".join(
         f'"{h}",https://news.example/p/{k}' for k, h in enumerate(HEADS))), "text",
     ("Lexo edhe",), "teaser"),
    ("a sentence-case headline glued onto the last paragraph, its copy a dated item: the "
     "article's end is still found and the run goes",
     article(*BODY[:-1], BODY[-1] + " " + HEADS[2].lower().capitalize(),
             *(f"{h} — {k + 2} Nov 2026" for k, h in enumerate(HEADS))), "text",
     HEADS[:2], "dated_run"),
]


@pytest.fixture(scope="module")
def bp():
    return make_cleaner()


@pytest.mark.parametrize(("reason", "page", "fmt", "gone", "rule"), GONE,
                         ids=[r[0][:50] for r in GONE])
def test_tail_goes(bp, reason: str, page: str, fmt: str, gone: tuple[str, ...],
                   rule: str) -> None:
    result = bp.clean(page, format=fmt)
    left = [v for v in gone if v in result.text]
    assert not left, (reason, left, result.text[-600:])
    assert rule in _names(result), (reason, sorted(_names(result)))
    assert BODY[0][:60] in result.text, reason


#: (reason, page, format, values that must stay)
KEPT = [
    ("year lines of a timeline after the article (a bare year is no story's date)",
     article(*BODY, "1998 — the first car ferry crossed to the island.",
             "2004 — the harbour wall was rebuilt after the winter storms."), "text",
     ("first car ferry crossed", "harbour wall was rebuilt")),
    ("a CSV table inside the article, before its last paragraph",
     article(BODY[0], "year,passengers\n2023,41000\n2024,45500", *BODY[1:]), "text",
     ("2023,41000", "2024,45500")),
    ("on-topic dated lines (the article's own ferry notices) are damped",
     article(*BODY, "Harbour council approves new ferry timetable — 19 Nov 2026",
             "Ferry operators hire six more crew for the summer — 2 Nov 2026"), "text",
     ("approves new ferry timetable", "hire six more crew")),
    ("a short 'Label: name' line whose name the tail repeats (a product name, < 5 words)",
     article(BODY[0], "Related Videos: SM7dB Active Dynamic Microphone", *BODY[1:],
             "SM7dB Active Dynamic Microphone | Valley Post | 2 Nov 2026",
             f"{HEADS[0]} | Valley Post | 3 Nov 2026"), "text",
     ("Related Videos: SM7dB Active Dynamic Microphone",)),
    ("a bare 'Share' inside the body (the page's own button label)",
     article(BODY[0], "Share", *BODY[1:]), "text", ("\nShare\n",)),
    ("a letter's sign-off over a run of dated related posts",
     article(*BODY, "See you on the ferry!", "Love and Light,", "Autumn",
             *(f"{h} — {k + 2} Nov 2026" for k, h in enumerate(HEADS))), "text",
     ("See you on the ferry!", "Love and Light,")),
    ("a paragraph using reference-style links keeps its text",
     article(BODY[0], "The [harbour council][c] said the [timetable][t] will be reviewed "
             "next year after the survey results are in, and residents can comment.",
             *BODY[1:]), "text", ("said the [timetable][t] will be reviewed",)),
]


@pytest.mark.parametrize(("reason", "page", "fmt", "kept"), KEPT, ids=[r[0][:50] for r in KEPT])
def test_shape_stays(bp, reason: str, page: str, fmt: str, kept: tuple[str, ...]) -> None:
    result = bp.clean(page, format=fmt)
    lost = [v for v in kept if v not in result.text]
    assert not lost, (reason, lost, sorted(_names(result)))

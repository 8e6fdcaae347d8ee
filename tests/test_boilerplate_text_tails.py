"""Plain-text tails by shape (issue 12, the ``dev2`` split): headline runs printed on one
line or as two lists, key/value footers in other syntaxes than ``Key: value``. Each row
plants a tail after a clean article and names the values that must go (and the rule that
must say why), or plants the same shape where it belongs to the article and names what
must stay. Values are planted here, not read from the code under test."""

from __future__ import annotations

import pytest
from _boilerplate_helpers import BODY, article, bp_findings, make_cleaner

HEADS = ("Senate panel delays vote on mining permits",
         "Storm closes schools across the northern valley",
         "Pop star cancels stadium tour after vocal injury")
EMAIL = "r.okafor@examplemail.com"
PHONE = "+44 20 7946 0311"


def _names(result) -> set[str]:
    """Every rule named by a boilerplate finding (a whole names its lines' rules)."""
    out: set[str] = set()
    for f in bp_findings(result):
        for rule in [f.rule, *(line["rule"] for line in f.detail.get("lines", []))]:
            out.update(rule.split("+"))
    return out


#: (reason, tail blocks after the clean article, values that must go, a rule that must
#: name the removal)
GONE = [
    ("a run printed once as one ' / ' line", (" / ".join(HEADS),), HEADS, "inline_run"),
    ("a run after its header on one line, '; ' separated",
     ("Before You Go: " + "; ".join(HEADS),), HEADS, "inline_run"),
    ("a run glued with two spaces", ("  ".join(HEADS),), HEADS, "inline_run"),
    ("a run as '>>' lines and again on one line (sentence case: only the echo tells)",
     ("\n".join(f">> {h}" for h in HEADS), " — ".join(HEADS)), HEADS, "echoed_headline"),
    ("a run as '1)' lines and again as '*' lines",
     ("\n".join(f"{k + 1}) {h}" for k, h in enumerate(HEADS)),
      "\n".join(f"* {h}" for h in HEADS)), HEADS, "echoed_headline"),
    ("a 'key = value' footer with unlisted keys and an e-mail",
     (f"Skribent = Rosa Okafor\nPost = {EMAIL}",), (EMAIL,), "tail_kv_run"),
    ("a 'key = value' card with two kinds of contact data (the card rule reads '=' too)",
     (f"Skribent = Rosa Okafor\nMail = {EMAIL}\nTlf = {PHONE}",), (EMAIL, PHONE),
     "card_run"),
    ("a 'key - value' footer", (f"Writer - Rosa Okafor\nReach - {EMAIL}",), (EMAIL,),
     "tail_kv_run"),
    ("a quoted JSON footer in braces",
     ('{\n  "writer": "Rosa Okafor",\n  "contact": "' + EMAIL + '"\n}',), (EMAIL,),
     "tail_kv_run"),
    ("a YAML-ish footer with a 12-word address value",
     ("author:\n  writer: Rosa Okafor\n  lives: Flat 4, 17 Quayside Road, Port Ellen, "
      "Isle of Islay, PA42 7DX, Scotland\n  contact: " + EMAIL,),
     (EMAIL, "17 Quayside Road"), "card_shape"),  # (its values' shape: before the text pass)
    ("an INI social section", ("[mastodon]\npage = https://mastodon.social/@rokafor\n"
                               "account = rokafor\nsubscribers = 2841",),
     ("mastodon.social/@rokafor", "rokafor"), "social_run"),
    # (issue 12, the shapes of the fresh3 split, written here in other words)
    ("a run printed once as one ' ~ ' line (sentence case: only the run's shape tells)",
     (" ~ ".join(HEADS),), HEADS, "inline_run"),
    ("a run as '◦' lines and again as one ' ~ ' line",
     ("\n".join(f"◦ {h}" for h in HEADS), " ~ ".join(HEADS)), HEADS, "echoed_headline"),
    ("a footer of 'key<TAB>value' lines with unlisted keys and an e-mail",
     (f"Penned by\tRosa Okafor\nReach her\t{EMAIL}",), (EMAIL,), "tail_kv_run"),
    ("profile lines of the platform's name, the URL and the handle",
     ("Flickr » https://flickr.com/people/rokafor_pics » rokafor_pics\n"
      "SoundCloud » https://soundcloud.com/rokafor » rokafor",),
     # (``Label » value`` lines: a list to the segmenter and key/value lines to the
     # stage, :mod:`cleaner.boilerplate.linemarkup`; a run of profile lines)
     ("flickr.com/people/rokafor_pics", "soundcloud.com/rokafor"), "social_run"),
    ("a one-line run with a news headline ending in a full stop before its last part",
     ("Senate panel delays vote on mining permits · Storm closes schools across the "
      "northern valley. · Pop star cancels stadium tour after vocal injury",),
     ("Pop star cancels stadium tour after vocal injury",), "inline_run"),
    ("a Markdown list item of a profile's labelled values, comma-joined",
     ("+ **Behance**: link https://behance.net/rokafor, nick rokafor, audience 2841, "
      "uploads 96",), ("behance.net/rokafor",), "profile_lines"),
    ("a one-line run whose headline ends in an abbreviation's full stop",
     ("Senate panel delays vote on mining permits in the U.S. · Storm closes schools "
      "across the northern valley · Pop star cancels stadium tour after vocal injury",),
     ("Storm closes schools across the northern valley",), "inline_run"),
]


@pytest.fixture(scope="module")
def bp():
    return make_cleaner()


@pytest.mark.parametrize(("reason", "tail", "gone", "rule"), GONE,
                         ids=[r[0] for r in GONE])
def test_a_plain_text_tail_goes(bp, reason: str, tail: tuple[str, ...], gone: tuple[str, ...],
                                rule: str) -> None:
    result = bp.clean(article(*BODY, *tail), format="text")
    for value in gone:
        assert value not in result.text, (reason, value)
    assert rule in _names(result), (reason, sorted(_names(result)))
    assert BODY[-1] in result.text, reason  # the article's last paragraph stays


def test_the_glued_first_headline_of_a_one_line_run_is_cut(bp) -> None:
    """The last paragraph ends with the run's first headline (glued on), the run is
    printed on one line after its header: the glued copy goes, the sentence before stays."""
    page = article(*BODY[:-1], BODY[-1] + " " + HEADS[0], "Also On This Site: "
                   + "; ".join(HEADS))
    result = bp.clean(page, format="text")
    assert BODY[-1] in result.text
    assert HEADS[0] not in result.text
    assert "glued_duplicate" in _names(result)


def test_a_glued_run_header_and_two_headlines_are_cut(bp) -> None:
    """The last paragraph ends with the run's header and its first two headlines (glued
    on, one after the other), the run is printed on one line after it: header and
    headlines go, the article's last sentence stays."""
    page = article(*BODY[:-1], BODY[-1] + " Worth Your Time: " + HEADS[0] + " " + HEADS[1],
                   " ~ ".join(HEADS), "\n".join(f"◦ {h}" for h in HEADS))
    result = bp.clean(page, format="text")
    assert BODY[-1] in result.text
    assert "Worth Your Time" not in result.text
    for h in HEADS:
        assert h not in result.text, h
    assert "glued_duplicate" in _names(result)


LONG_HEAD = ("A Pair Of Ferry Crews Got Married To Another Pair Of Crews, Officiated By A "
             "Pair Of Pilots")


def test_a_glued_headline_of_eighteen_words_is_cut(bp) -> None:
    """A run's first headline of 18 words (a run's part may have up to 20) glued onto the
    last paragraph, the run printed on one line after it: the copy goes."""
    page = article(*BODY[:-1], BODY[-1] + " " + LONG_HEAD, " · ".join((LONG_HEAD, *HEADS)))
    result = bp.clean(page, format="text")
    assert BODY[-1] in result.text
    assert LONG_HEAD not in result.text
    assert "glued_duplicate" in _names(result)


#: a product page: short lines, no prose paragraph (the article's end is not found by
#: prose), its last line with the run's first headline glued on
SHOP = ("Brass Ship's Clock, Hand Polished", "In stock", "US $129.00",
        "Free returns within 30 days", "Ships from Cork, Ireland",
        "Solid brass case with a silvered dial and a mechanical movement")


def test_a_run_printed_twice_after_a_page_without_prose_goes(bp) -> None:
    """No block is prose, so the article's end falls back to the last block and no tail
    rule saw the run; the run printed twice (as lines, and on one line) marks where the
    tail starts: headlines, header and a contact bio go, the product lines stay, and the
    page without its tail is left as it is."""
    bio = (f"Rosa Okafor (@rokafor) sells clocks at Quay Antiques and lives in Cobh. "
           f"Write to {EMAIL} or call {PHONE}.")
    tail = ("Shoppers Also Viewed", "\n".join(f"→ {h}" for h in HEADS), " · ".join(HEADS),
            "More about Rosa Okafor", bio)
    page = "\n\n".join((*SHOP[:-1], SHOP[-1] + " " + HEADS[0], *tail)) + "\n"
    result = bp.clean(page, format="text")
    for value in (*HEADS, "Shoppers Also Viewed", EMAIL, PHONE):
        assert value not in result.text, value
    for line in SHOP:
        assert line in result.text, line
    clean = "\n\n".join(SHOP) + "\n"
    assert bp.clean(clean, format="text").text == make_cleaner(enabled=False).clean(
        clean, format="text").text


#: (reason, page blocks, format, values that must stay, a rule that must not fire)
KEPT = [
    ("a table of 'cell<TAB>cell' rows inside the article",
     (BODY[0], "Sailing\tDeparts\tArrives\nMorning\t06:10\t07:05\nEvening\t19:40\t20:35",
      *BODY[1:]), "text", ("Evening\t19:40",), "tail_kv_run"),
    ("a ' / ' line after the article that ends in a full stop is a sentence, no run",
     (*BODY, "Pilots meet the council on Monday / crews meet it on Tuesday / shop owners "
      "meet it on Friday."), "text", (), "inline_run"),
    ("a '~' between two numbers inside the article",
     (BODY[0], "Crossings take ~ 55 minutes in calm weather ~ 70 in a storm", *BODY[1:]),
     "text", ("~ 70 in a storm",), "inline_run"),
    ("a spec list of 'Key = value' lines inside the article",
     (BODY[0], "CPU = 8-core ARM at 3.2 GHz\nRAM = 16 GB\nStorage = 512 GB SSD", *BODY[1:]),
     "text", ("8-core ARM", "512 GB SSD"), "tail_kv_run"),
    ("a ' / ' line inside the article",
     (BODY[0], "Harbour pilots meet on Monday / ferry crews on Tuesday / shop owners on "
      "Friday", *BODY[1:]), "text", ("ferry crews on Tuesday",), "inline_run"),
    ("'Headline | Site Name' after the article: one headline, not a run",
     (*BODY, "Ten ferry secrets the crews will not tell you | Harbour Buzz"), "text", (),
     "inline_run"),
    ("a date printed twice after the article is no echoed headline",
     (*BODY, "Posted Jan 2, 2024", "Updated Jan 2, 2024"), "text", ("Updated",),
     "echoed_headline"),
    ("one-line runs in HTML input are left to the markup rules",
     ("<html><body><main><article><h1>Harbour Council Approves New Ferry Timetable</h1>"
      + "".join(f"<p>{p}</p>" for p in BODY) + "</article></main><p>"
      + " / ".join(HEADS) + "</p></body></html>",), "html", (), "inline_run"),
]


@pytest.mark.parametrize(("reason", "blocks", "fmt", "kept", "rule"), KEPT,
                         ids=[r[0] for r in KEPT])
def test_the_same_shape_in_the_article_stays(bp, reason: str, blocks: tuple[str, ...],
                                             fmt: str, kept: tuple[str, ...],
                                             rule: str) -> None:
    page = blocks[0] if fmt == "html" else article(*blocks)
    result = bp.clean(page, format=fmt)
    for value in kept:
        assert value in result.text, (reason, value)
    assert rule not in _names(result), (reason, sorted(_names(result)))


def test_the_kept_rows_can_fail(bp) -> None:
    """The spec-list row with the list moved after the article: the same lines are a
    footer by shape there only with contact data; planted, they go."""
    page = article(*BODY, f"CPU = 8-core ARM at 3.2 GHz\nRAM = 16 GB\nMail = {EMAIL}")
    result = bp.clean(page, format="text")
    assert EMAIL not in result.text and "tail_kv_run" in _names(result)

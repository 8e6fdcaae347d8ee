"""Every boilerplate rule has a row here that fires it (issue 12: a rule nobody can fire
goes). Each row is a page (a clean article plus one planted tail) and the rule that
must appear in a boilerplate finding; ``test_every_rule_has_a_firing_row`` fails when
a rule is added without a row."""

from __future__ import annotations

import pytest
from _boilerplate_helpers import BODY, article, bp_findings, make_cleaner

from cleaner.boilerplate import RULES

HEADLINES = ["10 Celebrities Who Look Unrecognizable Today",
             "This One Weird Habit Will Change Your Life Forever",
             "21 Pictures That Will Make You Feel Old Instantly"]
LAST = BODY[-1]


def _text(*tail: str) -> tuple[str, str]:
    return article(*BODY, *tail), "text"


def _md(*tail: str) -> tuple[str, str]:
    return article(*BODY, *tail), "markdown"


def _html(article_html: str, after: str = "") -> tuple[str, str]:
    paras = "".join(f"<p>{p}</p>" for p in BODY)
    return (
        "<html><head><title>Harbour Council Approves New Ferry Timetable</title></head><body>"
        "<main><article><h1>Harbour Council Approves New Ferry Timetable</h1>"
        f"{paras}{article_html}</article>{after}</main></body></html>",
        "html",
    )


_RU_BODY = (
    "Городской совет утвердил новое расписание паромов во вторник после многомесячных жалоб "
    "жителей острова на отменённые рейсы. Расписание добавляет два ранних рейса и переносит "
    "последний вечерний паром на сорок минут позже, чтобы люди успевали домой после работы.",
    "Операторы паромов заявили, что изменения зависят от найма шести новых членов экипажа до "
    "лета. Совет оплатит часть дополнительных зарплат в течение двух лет, а жителей попросят "
    "высказать мнение о расписании в онлайн-опросе осенью этого года в городе.",
)

CARD = "Detail Author:\n  • Name : Quentin Marlowe\n  • Email : q.m@examplemail.com\n" \
       "  • Birthdate : 1982-04-17"
SOCIALS = ("Socials", "twitter:",
           "  • url : https://twitter.com/qm42\n  • followers : 2841\n  • following : 377")

#: rule -> (page, format) -- a page on which the rule fires (reason in the id)
ROWS: dict[str, tuple[str, str]] = {
    "related_header": _text("You May Also Like", *HEADLINES),
    "inline_related": _text("Read more: Harbour Ferry Strike Ends After Two Weeks Of Talks"),
    "after_related_header": _text("You May Also Like", *HEADLINES),
    "duplicate_headline": _text(HEADLINES[0], HEADLINES[0]),
    "clickbait": _text(*HEADLINES),
    "site_separator": _text("What Does Rust Smell Like? | How Rust Looks, Smells, & Feels",
                            "What Does Rust Smell Like? | How Rust Looks, Smells, & Feels"),
    "offtopic": _text(*HEADLINES),
    "headline_run": _text(*HEADLINES),
    "tail": _text(*HEADLINES),
    "linked_headline": _md(*(f"* [{h}](https://example.net/{k})"
                             for k, h in enumerate(HEADLINES))),
    "headline_model": _text(*HEADLINES),
    # a lower-case SEO headline (no title case, no duplicate) between a removed
    # headline and a removed card, on-topic enough ("island ferry") to fall short alone
    "tail_cluster": _text("10 Celebrities Who Look Unrecognizable Today",
                          "10 Celebrities Who Look Unrecognizable Today",
                          "island ferry worksheets for grade 2 | Made By Teachers", CARD),
    "foreign_headline": (article(*_RU_BODY, *HEADLINES,
                                 title="Совет утвердил новое расписание паромов"), "text"),
    "caps_link": _md("[READ THE FULL FERRY TIMETABLE IN OUR APP](https://example.net/app)",
                     "[SEE EVERY HARBOUR SAILING THIS SUMMER](https://example.net/sail)"),
    "linked_list_tail": _md("\n".join(f"* [{h}](https://example.net/{k})"
                                      for k, h in enumerate(HEADLINES))),
    "glued_duplicate": (article(*BODY[:-1], LAST + " " + HEADLINES[0], HEADLINES[0],
                                HEADLINES[0]), "text"),
    "glued_clickbait": (article(*BODY[:-1], LAST + " You Won't Believe What Happens Next",
                                *HEADLINES), "text"),
    "trailing_prompt": (article(*BODY[:-1], LAST + " What do you think? Share your thoughts in"
                                " the comments below.", *HEADLINES), "text"),
    # plain-text tails (issue 12, dev2): a run printed on one line; a run printed as two
    # lists (sentence case: nothing else fires); a two-line '=' footer with an e-mail
    "inline_run": _text("Harbour pilots vote on new shift rota / Ferry fares to rise in "
                        "the spring / Lighthouse keepers cottage goes up for sale"),
    "echoed_headline": _text("1) Senate panel delays vote on mining permits\n2) Storm "
                             "closes schools across the valley",
                             "* Senate panel delays vote on mining permits\n* Storm closes "
                             "schools across the valley"),
    "tail_kv_run": _text("Byline", "Mél = q.m@examplemail.com\nPseudo = qmarlowe"),
    # (issue 12, fresh3 shapes) profile lines with the platform's name and the handle
    # (one line: two ``Label » value`` lines are a key/value run, ``social_run``)
    "profile_lines": _text("Medium » https://medium.com/quinnmarlowe » quinnmarlowe"),
    # (tails5) text input by its markup roles (cleaner.boilerplate.linemarkup): a wire of
    # sourced headlines, a list that goes whole once most of its items went
    "sourced_run": _text("Island Herald ⟩ Senate panel delays vote on mining permits\n"
                         "Bay Chronicle ⟩ Storm closes schools across the northern valley"),
    # (the last item is on-topic, unrated and in sentence case: only the list takes it)
    "list_whole": _text("Elsewhere tonight\n" + "\n".join(f"▸ {h}" for h in (
        *HEADLINES, "the city council publishes the annual survey results"))),
    # (issue 12, fresh4 shapes) Markdown reference definitions, CSV-like exports, dated
    # story rows, a teaser in the body whose headline the tail prints again
    "link_definition": _md("- [Harbour pilots vote on a new shift rota][r1]",
                           "[r1]: https://news.example/p/10001 \"Harbour pilots vote\""),
    "export_rows": _text("title,url,published\n\"Ferry fares to rise in the spring\","
                         "https://news.example/p/2,2026-11-30\n\"Lighthouse cottage goes up "
                         "for sale\",https://news.example/p/3,2026-11-28"),
    "export_card": _text("field,value\n\"Contact email\",\"q.m@examplemail.com\"\n"
                         "\"Phone no.\",\"+44 20 7946 0958\""),
    "export_profiles": _text("platform,profile,members\nMedium,medium.com/@quinnmarlowe,2841\n"
                             "Flickr,flickr.com/people/qm_pics,377"),
    "dated_run": _text("Senate panel delays vote on mining permits — 19 Nov 2026",
                       "Storm closes schools across the valley again — 2 Nov 2026"),
    "teaser": (article(BODY[0], "Lexo edhe: Storm closes three schools across the valley",
                       *BODY[1:], "title,url,published\n\"Storm closes three schools across "
                       "the valley\",https://news.example/p/9,2026-11-30"), "text"),
    "profile_row": _text("Vimeo: vimeo.com/qmarlowe | Strava: strava.com/athletes/qmarlowe"),
    # (issue 12, tails4) a teaser paragraph inside a layout table's content cell
    "cell_teaser": (
        "<html><head><title>Harbour Council</title></head><body><table><tr><td><a href=\"/\">"
        "Index</a><br><a href=\"/a\">Archive</a></td><td><h1>Harbour Council</h1>"
        f"<p>{BODY[0]}</p><p><b>Lees ook:</b> <a href=\"/p/9\">21 Pictures That Will Make "
        f"You Want To Quit Your Job Today</a></p><p>{BODY[1]}</p><p>{BODY[2]}</p></td></tr>"
        "</table></body></html>", "html"),
    "card_run": _text(CARD),
    # labels in a language no vocabulary lists (Turkish): the values' shape makes it a card
    "card_shape": _text("Ad Soyad : Deniz Aksoy\nE-posta : deniz.aksoy@examplemail.com.tr\n"
                        "Adres : Atatürk Caddesi No. 12, 34000 Fatih"),
    "card_inline": _text("Name : Fenwick Adebayo-Lund | Email : fenwick.al@examplemail.com"),
    "card_header": _text(CARD),
    "author_bio": _text(*HEADLINES, "Quentin Marlowe is a freelance journalist based in Leeds."),
    "contact_bio": _text("Quentin Marlowe works at Harbour Ledger. Reach him at "
                         "q.m@examplemail.com or +44 20 7946 0958, born 1982-04-17."),
    "block_header": _text("About Quentin Marlowe", "Quentin Marlowe works at Harbour Ledger. "
                          "Reach him at q.m@examplemail.com or +44 20 7946 0958."),
    "social_run": _text(*SOCIALS),
    "social_header": _text(*SOCIALS),
    "profile_url": _text("https://twitter.com/harbourledger"),
    # the profile lines went with their container: the platform names stay behind
    "platform_label": _html("<p>facebook:</p><p>instagram:</p>"),
    "follower_count": _text("12.4K followers"),
    "follow_prompt": _text("Follow us on Twitter, Facebook and Instagram"),
    "latin_filler": _text("Repellendus quia dolor amet et nisi. Voluptas officia nemo aut "
                          "rerum similique, quis deleniti et temporibus aut."),
    "copyright": _text("© 2024 Northern Ledger. All rights reserved."),
    "copyright_html": _html("<p>Share on Facebook</p><p>© 2024 Northern Ledger. All rights "
                            "reserved.</p>"),
    "cookie_notice": _text("We use cookies to improve your experience. Accept all cookies?"),
    "newsletter": _text("Sign up for our newsletter to get the best stories delivered to "
                        "your inbox."),
    "comment_prompt": _text("Leave a comment"),
    "share_row": _text("Facebook Twitter WhatsApp"),
    "read_more": _text("Read more"),
    "breadcrumb": _text("Home > News > Transport"),
    "tag_list": _text("Tags: ferries, harbour, transport"),
    "app_promo": _text("Get the Northern Ledger app for breaking news"),
    "legal_line": _html("<p>Disclosure: this post may contain affiliate links; we may earn"
                        " a small commission.</p>"),
    "support_prompt": _html("<p>Get News &amp; Updates Directly To Your Inbox</p>"),
    "furniture_cluster": _html("<p>Share on Facebook</p><p>© 2024 Northern Ledger. All rights "
                               "reserved.</p>"),
}


@pytest.fixture(scope="module")
def bp():
    return make_cleaner()


def test_every_rule_has_a_firing_row() -> None:
    assert set(ROWS) == set(RULES), (sorted(set(RULES) - set(ROWS)),
                                     sorted(set(ROWS) - set(RULES)))


@pytest.mark.parametrize("rule", sorted(ROWS))
def test_rule_fires(bp, rule: str) -> None:
    page, fmt = ROWS[rule]
    result = bp.clean(page, format=fmt)
    # a whole (a card, a related section) names its lines' rules in detail["lines"]
    fired = {name for f in bp_findings(result)
             for r in [f.rule, *_lines(f)] for name in r.split("+")}
    assert rule in fired, sorted(fired)


def _lines(finding) -> list[str]:
    return [line["rule"] for line in finding.detail.get("lines", [])]


def test_card_is_reported_once_with_its_lines(bp) -> None:
    """A card (header + three key/value lines) is one finding listing its four lines, and
    the social block after it is another with its five; lines name their key, never the
    value; the card's span covers exactly its lines."""
    page, fmt = _text(CARD, *SOCIALS)
    result = bp.clean(page, format=fmt)
    cards = [f for f in bp_findings(result) if f.category == "author_card"]
    socials = [f for f in bp_findings(result) if f.category == "social"]
    assert len(cards) == 1 and len(socials) == 1, (cards, socials)
    lines = cards[0].detail["lines"]
    assert [line.get("key") for line in lines] == [None, "name", "email", "birthdate"]
    assert len(socials[0].detail["lines"]) == 5
    assert "q.m@examplemail.com" not in repr(cards[0].to_dict())
    text = result.document.text
    span = text[cards[0].start : cards[0].end]
    assert span.startswith("Detail Author:") and span.endswith("1982-04-17"), span


def test_related_section_and_bio_are_wholes(bp) -> None:
    """A related-posts header with its headlines is one finding with 1 + 3 lines; an
    "About NAME" header with the contact bio under it is one card finding of 2 lines."""
    bio = ("Quentin Marlowe works at Harbour Ledger. Reach him at q.m@examplemail.com or "
           "+44 20 7946 0958, born 1982-04-17.")
    page, fmt = _text("You May Also Like", *HEADLINES, "About Quentin Marlowe", bio)
    result = bp.clean(page, format=fmt)
    found = bp_findings(result)
    farms = [f for f in found if f.category == "link_farm"]
    cards = [f for f in found if f.category == "author_card"]
    assert len(farms) == 1 and len(farms[0].detail["lines"]) == 4, farms
    assert len(cards) == 1, cards
    header, body = (r.split("+") for r in _lines(cards[0]))
    assert "block_header" in header and body == ["contact_bio"], cards
    assert LAST in result.text and "Marlowe" not in result.text


def test_a_kept_line_splits_a_whole(bp) -> None:
    """A whole never spans a kept line: with ``card_run`` disabled the header goes alone
    or not at all, and the card lines stay (no finding covers them)."""
    from cleaner import Cleaner, CleanerConfig
    from cleaner.config import BoilerplateConfig

    cfg = CleanerConfig(stages=tuple(s for s in CleanerConfig().stages if s != "pii"),
                        # (the footer-by-shape rule would take the card instead)
                        boilerplate=BoilerplateConfig(disabled_rules=("card_run",
                                                                      "tail_kv_run")))
    result = Cleaner(cfg).clean(article(*BODY, CARD), format="text")
    assert "q.m@examplemail.com" in result.text
    for f in bp_findings(result):
        assert "examplemail" not in result.document.text[f.start : f.end]


def test_every_rule_check_is_run() -> None:
    """A rule that holds a check is in exactly one of the tuples the stage runs (a check
    on no tuple would never fire); the rest are decided by the stage's passes."""
    from cleaner.boilerplate import rules as R

    run = [r.name for t in (R.LEAD_RULES, R.HEADLINE_RULES, R.BLOCK_RULES, R.RUN_RULES,
                            R.BIO_RULES, R.TEXT_TAIL_RULES) for r in t]
    assert len(run) == len(set(run))
    assert set(run) == {name for name, r in RULES.items() if r.check is not None}


def test_prose_after_unknown_keys_is_not_a_card(bp) -> None:
    """"Myth: <sentence>" / "Fact: <sentence>" lines of the article before a real card are
    the article's (a key nobody listed joins a card only with contact data or a short
    value): the card goes, the myths stay."""
    myths = ["Myth: To lose weight, you have to give up all of your favourite foods at once.",
             "Fact: Small amounts of your favourite foods can be part of a plan to lose "
             "weight, and the harbour bakery agrees.",
             "Myth: Bread, pasta and rice are fattening and you should avoid them entirely."]
    result = bp.clean(_text(*myths, CARD)[0], format="text")
    for line in myths:
        assert line in result.text
    assert "q.m@examplemail.com" not in result.text


# -- the full stops of other scripts end a prose paragraph ----------------------------------
# A paragraph is prose (the article's body, the tail starts after it) only when it ends
# in a sentence mark. Without a script's own full stop no paragraph of a Bengali, Hindi,
# Armenian, Urdu... article is prose, the whole page counts as article, and no tail rule
# fires: the English bio with an e-mail and a phone after it stays (fresh split of
# scripts/bench_tails.py, nonlatin bodies). Each row is a body in one script ending in
# one mark; the row fails when that mark is not a sentence end.

#: (id, words of the script, the sentence mark, reason)
SCRIPT_MARKS = [
    ("bengali_danda", ("নদীর", "উপর", "নতুন", "সেতু", "আজ", "খুলেছে", "শহরের", "মানুষ"), "\u0964",
     "Bengali ends a sentence with the danda"),
    ("hindi_danda", ("नदी", "पर", "नया", "पुल", "आज", "खुला", "शहर", "के", "लोग"), "\u0964",
     "Hindi ends a sentence with the danda"),
    ("hindi_double_danda", ("नदी", "पर", "नया", "पुल", "आज", "खुला", "शहर", "के", "लोग"),
     "\u0965", "the double danda closes a verse or a paragraph"),
    ("armenian_verjaket", ("գետի", "վրա", "նոր", "կամուրջ", "այսօր", "բացվեց", "քաղաքի"),
     "\u0589", "Armenian full stop (verjaket), not a Latin colon"),
    ("urdu_full_stop", ("دریا", "پر", "نیا", "پل", "آج", "کھلا", "شہر", "کے", "لوگ"), "\u06d4",
     "Urdu ends a sentence with the Arabic full stop"),
    ("arabic_question", ("هل", "يفتح", "الجسر", "الجديد", "فوق", "النهر", "اليوم"), "\u061f",
     "the Arabic question mark"),
    ("arabic_semicolon", ("افتتح", "الجسر", "الجديد", "فوق", "النهر", "اليوم"), "\u061b",
     "the Arabic semicolon (the Latin ';' is a sentence end here too)"),
    ("arabic_comma", ("افتتح", "الجسر", "الجديد", "فوق", "النهر", "اليوم"), "\u060c",
     "the Arabic comma (the Latin ',' is one too)"),
    ("amharic_full_stop", ("በወንዙ", "ላይ", "አዲስ", "ድልድይ", "ዛሬ", "ተከፈተ", "ከተማ"), "\u1362",
     "Ethiopic full stop"),
    ("myanmar_full_stop", ("မြစ်", "ပေါ်", "တံတား", "သစ်", "ယနေ့", "ဖွင့်", "မြို့"), "\u104b",
     "Myanmar full stop"),
    ("khmer_full_stop", ("ស្ពាន", "ថ្មី", "លើ", "ទន្លេ", "បើក", "ថ្ងៃនេះ", "ទីក្រុង"), "\u17d4",
     "Khmer full stop (khan)"),
]
_BIO = ("About Mira Halden",
        "Mira Halden is a ferry pilot at Nordhavn Lines. Reach Mira at mira.halden@example.org "
        "or 0711 398 206.")


def _script_page(words: tuple[str, ...], mark: str) -> str:
    def para(k: int) -> str:
        ws = [words[(k + i) % len(words)] for i in range(36)]
        return " ".join(ws[:18]) + mark + " " + " ".join(ws[18:]) + mark
    return "\n\n".join((" ".join(words[:4]), para(0), para(1), para(2), *_BIO)) + "\n"


@pytest.mark.parametrize("row", SCRIPT_MARKS, ids=[r[0] for r in SCRIPT_MARKS])
def test_a_scripts_full_stop_ends_prose(bp, row) -> None:
    _, words, mark, reason = row
    result = bp.clean(_script_page(words, mark), format="text")
    assert "mira.halden@example.org" not in result.text, (reason, result.text)
    assert "0711 398 206" not in result.text, reason
    # the article stays: its last paragraph is kept whole
    assert _script_page(words, mark).split("\n\n")[3] in result.text, reason


# -- a headline glued onto a list item or a short last line ---------------------------------
# The copy of a removed headline glued onto the end of the article's last block is cut
# (glued_duplicate) whatever the block is: a Markdown list item, or a short line the
# segmenter calls a heading. The rows fail when only paragraphs are cut.
_GLUED = "Twelve Celebrities Who Look Unrecognizable Today"

#: (id, the article's last block with the headline glued on, its own text, format, reason)
GLUED_KINDS = [
    ("markdown_list_item",
     "- The first sailings under the new timetable start in May, the council said. " + _GLUED,
     "- The first sailings under the new timetable start in May, the council said.",
     "markdown", "the last block is a Markdown bullet"),
    ("short_line_with_colon",
     "The first sailings are listed here: " + _GLUED,
     "The first sailings are listed here:", "text",
     "a short last line (not prose) ending in the glued copy"),
]


@pytest.mark.parametrize("row", GLUED_KINDS, ids=[r[0] for r in GLUED_KINDS])
def test_a_glued_copy_is_cut_from_any_block_kind(bp, row) -> None:
    _, last, own, fmt, reason = row
    page = article(*BODY, last, "You May Also Like", _GLUED, _GLUED, *HEADLINES[1:])
    result = bp.clean(page, format=fmt)
    assert _GLUED not in result.text, (reason, result.text[-300:])
    assert own in result.text, reason


def test_a_pass_skips_blocks_only_by_its_rules_needs() -> None:
    """The run and bio passes skip blocks by what their rules need (a rule object's
    ``needs``), not by a list kept in the stage."""
    from cleaner.boilerplate import rules as R

    assert set(R.BIO_NEEDS) == {frozenset({"tail"})}
    assert set(R.RUN_NEEDS) == {frozenset({"headline"}), frozenset({"tail"}),
                                frozenset({"headline", "tail"})}
    assert R.pass_needs([R.RULES["author_bio"], R.RULES["offtopic"]])[-1] == frozenset()
    with pytest.raises(ValueError):
        R.Rule("x", "link_farm", 0.5, "a need no block has", needs=frozenset({"body"}))

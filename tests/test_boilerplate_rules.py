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
    "card_run": _text(CARD),
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
    fired = {name for f in bp_findings(result) for name in f.rule.split("+")}
    assert rule in fired, sorted(fired)

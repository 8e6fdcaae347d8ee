"""Author cards recognised by shape, whatever the language of their labels (issue 12).

A card is a run of short ``Label: value`` lines whose values look like personal data (an
e-mail, a phone, a birth date, a street address, a name). The cards below are keyed in
languages no ``cleaner/vocab`` module lists (Turkish, Finnish, Czech, Vietnamese,
Swahili) and hold at most one contact value, so neither the card keys nor "two contact
values" catch them: only the shape of the values does (these rows fail on the tree
before ``card_shape``). The content rows are ``Key: value`` lines that belong to the
page (spec sheets, a recipe's times, a venue's address inside the article, FAQ lines):
they stay.
"""

from __future__ import annotations

import pytest
from _boilerplate_helpers import BODY, article, bp_findings, make_cleaner

from cleaner.boilerplate import rules as R


def _lines(*pairs: tuple[str, str], sep: str = ": ") -> str:
    return "\n".join(f"{k}{sep}{v}" for k, v in pairs)


#: (id, tail blocks after the article, values that must go, reason)
CARDS = [
    ("turkish_no_header",
     (_lines(("Ad Soyad", "Deniz Aksoy"), ("E-posta", "deniz.aksoy@examplemail.com.tr"),
             ("Adres", "Atatürk Caddesi No. 12, 34000 Fatih"), ("Meslek", "muhabir"),
             sep=" : "),),
     ("Deniz Aksoy", "deniz.aksoy@examplemail.com.tr", "Atatürk Caddesi No. 12"),
     "Turkish labels, one e-mail, an address with a house number and a postcode, a name"),
    ("finnish_under_header",
     ("Kirjoittajasta",
      _lines(("Nimi", "Aino Virtanen"), ("Käyttäjätunnus", "ainov"),
             ("Puhelin", "040 718 2290"), ("Osoite", "Satamakatu 7 B, 00160 Helsinki"))),
     ("Aino Virtanen", "040 718 2290", "Satamakatu 7 B"),
     "Finnish labels under an unlisted header, one phone, an address, a name"),
    ("czech_bulleted",
     (_lines(("• Jméno", "Petra Dvořáková"), ("• Bydliště", "Nádražní 214, 602 00 Brno"),
             ("• Narozena", "1984-11-03"), ("• Zaměstnavatel", "Přístavní listy")),),
     ("Petra Dvořáková", "Nádražní 214", "1984-11-03"),
     "Czech bullets, a birth date as the only contact value, an address"),
    ("vietnamese_slash_phone",
     (_lines(("Họ tên", "Trần Thị Mai"), ("Điện thoại", "028/3822-4571"),
             ("Nơi làm việc", "Báo Cảng Biển"), ("Quê quán", "Hải Phòng")),),
     ("Trần Thị Mai", "028/3822-4571"),
     "a phone written with a slash (not a contact pattern) and a name"),
    ("swahili_markdown",
     ("**Kuhusu mwandishi**",
      "\n".join(f"**{k}:** {v}  " for k, v in (
          ("Jina", "Amani Mwangi"), ("Barua pepe", "amani.m@examplemail.co.ke"),
          ("Anwani", "Barabara ya Bandari 18, 80100 Mombasa"), ("Kazi", "mwandishi")))),
     ("Amani Mwangi", "amani.m@examplemail.co.ke", "Barabara ya Bandari 18"),
     "Markdown bold labels (one line each), one e-mail"),
]


@pytest.fixture(scope="module")
def bp():
    return make_cleaner()


@pytest.mark.parametrize("row", CARDS, ids=[r[0] for r in CARDS])
def test_a_card_in_any_label_language_goes_whole(bp, row) -> None:
    _, tail, values, reason = row
    fmt = "markdown" if tail[-1].startswith("**") else "text"
    result = bp.clean(article(*BODY, *tail), format=fmt)
    for value in values:
        assert value not in result.text, (reason, value, result.text)
    assert BODY[-1] in result.text, reason
    cards = [f for f in bp_findings(result) if f.category == "author_card"]
    assert len(cards) == 1, (reason, [(f.rule, f.start) for f in cards])
    assert "card_shape" in {line["rule"].split("+")[0] for line in cards[0].detail["lines"]} \
        or "card_shape" in cards[0].rule.split("+"), (reason, cards[0].rule)


#: (id, blocks: where the key/value lines sit, the lines that must stay, reason)
CONTENT = [
    ("spec_sheet_after_text",
     (*BODY, _lines(("Brand", "Bosch Professional"), ("Colour", "Racing Green"),
                    ("Material", "Stainless Steel"), ("Weight", "2.3 kg"),
                    ("Warranty", "2 years"))),
     ("Bosch Professional", "Stainless Steel", "2.3 kg"),
     "a spec sheet after the description: names of brands and materials, no contact value"),
    ("recipe_times",
     (*BODY, _lines(("Prep time", "10 min"), ("Cook time", "25 min"), ("Serves", "4"),
                    ("Calories", "320 kcal"), ("Difficulty", "Easy"))),
     ("Prep time: 10 min", "320 kcal"),
     "a recipe's times and servings: measures, not personal data"),
    ("venue_in_the_article",
     (BODY[0], _lines(("Venue", "Harbour Hall"), ("Address", "12 Quay Street, Portsmouth "
                                                              "PO1 3AB"),
                      ("Box office", "023 9282 4411"), ("Doors", "7.30pm")), *BODY[1:]),
     ("Harbour Hall", "12 Quay Street", "023 9282 4411"),
     "an event's venue, address and box office inside the article, before its end"),
    ("faq_lines",
     (*BODY, "Q: When do the new sailings start?", "A: The first early sailing leaves at 6.10 "
      "from Pier 3 in May.", "Q: Who pays for the crew?", "A: The council and the operator."),
     ("Q: When do the new sailings start?", "A: The council and the operator."),
     "FAQ lines after the article: no personal values"),
    ("book_details",
     (*BODY, _lines(("Author", "Jane Whitlock"), ("Publisher", "Harbour Press"),
                    ("ISBN", "978-0-306-40615-7"), ("Pages", "320"))),
     ("Jane Whitlock", "978-0-306-40615-7"),
     "a book's details: an ISBN is no phone, names alone make no card"),
]


@pytest.mark.parametrize("row", CONTENT, ids=[r[0] for r in CONTENT])
def test_content_key_value_lines_stay(bp, row) -> None:
    _, blocks, kept, reason = row
    result = bp.clean(article(*blocks), format="text")
    for line in kept:
        assert line in result.text, (reason, line, [f.rule for f in bp_findings(result)])


#: (value, the kinds it must have, reason)
VALUES = [
    ("mira.halden@example.org", {"email"}, "an e-mail address"),
    ("56/560-5158", {"phone"}, "a phone with a slash: digits and separators only"),
    ("+40 721 123 456", {"phone"}, "an international phone"),
    ("Dunaparti utca 11. H-1340 Tóváros", {"address"}, "house number, lettered postcode"),
    ("Flat 2, 14 Mill Lane, Bristol BS1 4QA", {"address"}, "a UK postcode"),
    ("Maren K. Holt", {"name"}, "capitalised words with an initial"),
    ("https://example.org/people/mh", {"url"}, "a plain URL (no social domain)"),
    ("10 min", set(), "a measure with a unit"),
    ("250 kcal", set(), "energy: a unit"),
    ("1 234 ml", set(), "a volume with spaces between the digits"),
    ("2023/10/05", set(), "a date with slashes is no phone"),
    ("978-3-16-148410-0", set(), "an ISBN-13 is no phone"),
    ("vegetarian", set(), "one lower-case word"),
    ("Intel Core i7 1165G7", set(), "a model name with digits is no name and no address"),
]


@pytest.mark.parametrize("row", VALUES, ids=[r[0] for r in VALUES])
def test_value_kinds(row) -> None:
    value, kinds, reason = row
    assert set(R.value_kinds(value)) == kinds, reason


#: (kinds of a run's values, is it a card, reason)
SHAPES = [
    ([{"email"}, {"name"}, {"address"}], True, "one contact value and two personal ones"),
    ([{"phone"}, {"date"}, set()], True, "two contact values"),
    ([{"email"}, {"name"}, set(), set()], False, "one contact value and a name only"),
    ([{"name"}, {"name"}, {"address"}, set()], False, "no contact value"),
    ([{"email"}, {"phone"}], False, "two lines are no run"),
]


@pytest.mark.parametrize("row", SHAPES, ids=[r[2] for r in SHAPES])
def test_card_shape_qualifies(row) -> None:
    kinds, expected, reason = row
    assert R.card_shape_qualifies([frozenset(k) for k in kinds]) is expected, reason

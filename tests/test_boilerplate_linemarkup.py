"""Text-input lines reduced from their lightweight markup, once, by a pure function
(:func:`cleaner.boilerplate.linemarkup.reduce_line`, issue 12, helper tails5): each row
is a line, what it must reduce to (role, visible text, key, value) and why. Then the
stage on whole pages: a tail printed in each markup goes, the body lines of each markup
stay, clean pages stay byte-identical."""

from __future__ import annotations

import pytest
from _boilerplate_helpers import BODY, article, bp_findings, make_cleaner

from cleaner.boilerplate.linemarkup import LineMarkup, key_words, reduce_line

#: (reason, line, role, text, key, value); ``None``: not checked
ROWS: list[tuple[str, str, str, str | None, str | None, str | None]] = [
    # -- headings in each syntax -----------------------------------------------------
    ("a wiki heading", "== Popular today ==", "heading", "Popular today", None, None),
    ("a wiki heading without spaces", "===Around the web===", "heading", "Around the web",
     None, None),
    ("an AsciiDoc heading (open)", "== Around the web", "heading", "Around the web", None,
     None),
    ("a Markdown ATX heading", "## Around the web", "heading", "Around the web", None, None),
    ("an org heading (level 2)", "** Around the web", "heading", "Around the web", None,
     None),
    ("a BBCode heading", "[h3]Around the web[/h3]", "heading", "Around the web", None, None),
    ("a bold line (wiki quotes)", "'''About the writer'''", "heading", "About the writer",
     None, None),
    ("a bold line (Markdown)", "**About the writer**", "heading", "About the writer", None,
     None),
    ("a template's opening line (its name is the card's header)", "{{The person behind it",
     "heading", "The person behind it", None, None),
    # -- link items in each syntax -----------------------------------------------------
    ("a wiki external link item", "* [https://news.example/p/1 Ten things you missed]",
     "link_only", "Ten things you missed", None, None),
    ("a wiki internal link with its source", "* Wire Asia: [[Harvest begins early]]",
     "link_only", "Wire Asia: Harvest begins early", None, None),
    ("a wiki internal link with a shown text", "* [[Page name|Ten things you missed]]",
     "link_only", "Ten things you missed", None, None),
    ("a Markdown link item", "- [Ten things you missed](https://news.example/p/1)",
     "link_only", "Ten things you missed", None, None),
    ("an org link item", "- [[https://news.example/p/1][Ten things you missed]]",
     "link_only", "Ten things you missed", None, None),
    ("a reST link item", "* `Ten things you missed <https://news.example/p/1>`_",
     "link_only", "Ten things you missed", None, None),
    ("an AsciiDoc link item", "* https://news.example/p/1[Ten things you missed]",
     "link_only", "Ten things you missed", None, None),
    ("a BBCode link item", "• [url=https://news.example/p/1]Ten things you missed[/url]",
     "link_only", "Ten things you missed", None, None),
    ("a link-only template parameter", "{{Read also | [https://x.example/p/2 A headline]}}",
     "link_only", "Read also: A headline", None, None),
    # -- bullets of any glyph, numbered items ------------------------------------------
    ("a triangle bullet", "▸ Ten things you missed", "list_item", "Ten things you missed",
     None, None),
    ("a star bullet", "★ Ten things you missed", "list_item", "Ten things you missed", None,
     None),
    ("a check-mark bullet", "✓ Ten things you missed", "list_item", "Ten things you missed",
     None, None),
    ("a numbered item in parentheses", "(3) Ten things you missed", "list_item",
     "Ten things you missed", None, None),
    ("a lettered item", "b) Ten things you missed", "list_item", "Ten things you missed",
     None, None),
    # -- card lines in each syntax -------------------------------------------------------
    ("a dotted key path", "byline.mail: ana@example.org", "key_value",
     "mail: ana@example.org", "mail", "ana@example.org"),
    ("a camelCase key", "author.fullName: Ana Silva", "key_value", "full name: Ana Silva",
     "full name", "Ana Silva"),
    ("a snake_case key with '=' (in words)", "author_phone = +351 912 345 678",
     "key_value", "author phone: +351 912 345 678", "author phone", "+351 912 345 678"),
    ("a dotted key with '=' (a social line)", "links.kofi = https://ko-fi.com/ana",
     "key_value", "kofi: https://ko-fi.com/ana", "kofi", "https://ko-fi.com/ana"),
    ("a JSON pair", '"email": "ana@example.org",', "key_value", "email: ana@example.org",
     "email", "ana@example.org"),
    ("a template row", "| Company = Harbour Freight Ltd", "key_value",
     "Company: Harbour Freight Ltd", "company", "Harbour Freight Ltd"),
    ("a template row in Thai (combining vowel marks in the key)",
     "| เบอร์โทร = +66 (0) 914 959 167", "key_value", "เบอร์โทร: +66 (0) 914 959 167",
     None, "+66 (0) 914 959 167"),
    ("a one-line template of pairs", "{{Find me | Goodreads = goodreads.com/ana | Ko-fi = "
     "ko-fi.com/ana}}", "key_value",
     "Find me: Goodreads: goodreads.com/ana | Ko-fi: ko-fi.com/ana", None, None),
    ("an inline mapping", '{"name": "Ana Silva", "email": "ana@example.org"}', "key_value",
     "name: Ana Silva | email: ana@example.org", None, None),
    ("a wiki definition", "; Tide table : the hours of high and low water", "key_value",
     "Tide table: the hours of high and low water", "tide table", None),
    ("a source before its headline", "Island Herald ⟩ Harvest begins early", "key_value",
     "Island Herald ⟩ Harvest begins early", "island herald", "Harvest begins early"),
    ("a bracketed label before a headline", "[ Read also ] Harvest begins early",
     "key_value", "Read also: Harvest begins early", "read also", "Harvest begins early"),
    ("a closing brace", "}}", "punct", "", None, None),
    ("a separator", "----", "punct", "", None, None),
    # -- prose that must stay prose ------------------------------------------------------
    ("a sentence", "The council met on Tuesday.", "prose", "The council met on Tuesday.",
     None, None),
    ("a sentence with a colon", "The reason is simple: the ferry was late.", "prose",
     "The reason is simple: the ferry was late.", None, None),
    ("a FAQ line", "Q: When does the ferry leave? A: At six.", "prose",
     "Q: When does the ferry leave? A: At six.", None, None),
    ("a recipe line", "2 cups flour, sifted", "prose", "2 cups flour, sifted", None, None),
    ("math", "E = mc2 holds for a body at rest", "prose",
     "E = mc2 holds for a body at rest", None, None),
    ("an assignment with a call (code)", "total = price(item) * qty", "prose", None, None,
     None),
    ("a comparison (code)", "if count == limit: stop", "prose", None, None, None),
    ("a statement (code)", "config.timeout = 30;", "prose", None, None, None),
    ("a bracketed paragraph is no label (too long for a headline)",
     "[Update] " + " ".join(["word"] * 30), "prose", None, None, None),
    ("a footnote marker is no label", "[1] Smith, J. The harbour. 2020.", "prose", None,
     None, None),
    ("a signature line is no bullet", "— Heidi Perez, Kathrynmouth", "prose",
     "— Heidi Perez, Kathrynmouth", None, None),
]


@pytest.mark.parametrize(("reason", "line", "role", "text", "key", "value"), ROWS,
                         ids=[r[0] for r in ROWS])
def test_reduce_line(reason: str, line: str, role: str, text: str | None, key: str | None,
                     value: str | None) -> None:
    got = reduce_line(line)
    assert got.role == role, (reason, got)
    if text is not None:
        assert got.text == text, (reason, got)
    if key is not None:
        assert got.key == key, (reason, got)
    if value is not None:
        assert got.value == value, (reason, got)


def test_reduce_line_is_pure_and_leaves_plain_lines_alone() -> None:
    line = "The harbour council approved a new ferry timetable on Tuesday."
    assert reduce_line(line) == reduce_line(line) == LineMarkup(line)


@pytest.mark.parametrize(("key", "words"), [
    ("byline.fullName", "full name"), ("links.x", "x"), ("author[0].e_mail", "e mail"),
    ("$.author.email", "email"), ("Full Name", "full name"),
], ids=["camel", "last component", "index and snake", "JSON path", "words"])
def test_key_words(key: str, words: str) -> None:
    assert key_words(key) == words


# -- the stage on whole pages ------------------------------------------------------------

HEADS = ("10 Celebrities Who Look Unrecognizable Today",
         "This One Weird Habit Will Change Your Life Forever",
         "21 Pictures That Will Make You Feel Old Instantly")

#: (reason, tail blocks, values that must be gone)
GONE = [
    ("a wiki run of external links under a heading",
     ("== Popular today ==\n" + "\n".join(
         f"* [https://news.example/p/{k} {h}]" for k, h in enumerate(HEADS)),),
     HEADS),
    ("an org run of links under an org heading",
     ("** Elsewhere\n" + "\n".join(
         f"- [[https://news.example/p/{k}][{h}]]" for k, h in enumerate(HEADS)),),
     HEADS),
    ("a BBCode run of links",
     ("[b]Elsewhere[/b]\n" + "\n".join(
         f"• [url=https://news.example/p/{k}]{h}[/url]" for k, h in enumerate(HEADS)),),
     HEADS),
    ("a wire of sourced headlines ('Source ⟩ headline')",
     ("Partner content\nIsland Herald ⟩ Senate panel delays vote on mining permits\n"
      "Bay Chronicle ⟩ Storm closes schools across the northern valley\n"
      "Island Herald ⟩ Pop star cancels stadium tour after vocal injury",),
     ("Senate panel delays vote on mining permits", "Pop star cancels stadium tour")),
    ("a card of dotted key paths",
     ("Author sheet\nbyline.fullName: Ana Silva\nbyline.mail: ana.silva@example.org\n"
      "byline.tel: +351 912 345 678\nbyline.dob: 12-Mar-1988",),
     ("ana.silva@example.org", "+351 912 345 678", "12-Mar-1988")),
    ("a wiki template card",
     ("{{The person behind the story\n| Puno ime = Ana Silva\n| Broj telefona = 057 455 674"
      "\n| Poslodavac = Burnett-Parker\n| Prebivalište = 6791 Molina Throughway, Nancyport"
      "\n}}",),
     ("057 455 674", "6791 Molina Throughway")),
    ("social lines of platforms no list names, under a header",
     ("Find me here\nlinks.kofi = https://ko-fi.com/anasilva88\n"
      "links.bandcamp = https://anasilva88.bandcamp.com",),
     ("ko-fi.com/anasilva88", "anasilva88.bandcamp.com")),
    ("a one-line template of social profiles",
     ("{{Subscribe elsewhere | Mixcloud = mixcloud.com/anasilva | Linktree = "
      "linktr.ee/anasilva}}",),
     ("mixcloud.com/anasilva", "linktr.ee/anasilva")),
]


@pytest.fixture(scope="module")
def bp():
    return make_cleaner()


@pytest.mark.parametrize(("reason", "tail", "gone"), GONE, ids=[r[0] for r in GONE])
def test_a_tail_in_any_markup_goes(bp, reason: str, tail: tuple[str, ...],
                                   gone: tuple[str, ...]) -> None:
    result = bp.clean(article(*BODY, *tail), format="text")
    for value in gone:
        assert value not in result.text, (reason, value)
    assert bp_findings(result), reason
    for para in BODY:  # the article stays whole
        assert para in result.text, reason


#: (reason, body blocks placed between the article's paragraphs and its last one)
STAYS = [
    ("a wiki glossary of definitions",
     ("== Terms ==\n; Tide table : the hours of high and low water at the harbour\n"
      "; Slipway : the ramp the ferries are hauled out on for repairs",)),
    ("a code listing of assignments",
     ("timeout = 30\nretries = 3\nhost = ferry.example.org",)),
    ("a recipe's ingredients with bullets of another glyph",
     ("▸ 2 cups flour, sifted\n▸ 1 cup sugar\n▸ 3 eggs, beaten",)),
    ("a FAQ", ("Q: When does the first ferry leave? A: At six in the morning.\n"
               "Q: Can I bring a bicycle? A: Yes, for a small fee.",)),
    ("math lines", ("E = mc2\nF = m a\nv = d / t",)),
]


@pytest.mark.parametrize(("reason", "middle"), STAYS, ids=[r[0] for r in STAYS])
def test_body_lines_of_any_markup_stay(bp, reason: str, middle: tuple[str, ...]) -> None:
    page = article(*BODY[:-1], *middle, BODY[-1])
    result = bp.clean(page, format="text")
    assert not bp_findings(result), (reason, [f.rule for f in bp_findings(result)])
    for block in middle:
        for line in block.splitlines():
            assert line.strip() in result.text, (reason, line)

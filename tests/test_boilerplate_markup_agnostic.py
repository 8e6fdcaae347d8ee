"""Markup-agnostic line reduction and segmentation (issue 12, helper tails6): mechanisms
that read a line of *any* lightweight markup, not one syntax each -- quote prefixes of
any depth, bullets of any symbol glyph, bracket tags of any name, a trailing counter
left out of what the headline model rates, and a paragraph split into its lines when
its lines were broken by hand (the next word would have fit). Each row: an input, what
it must give, and why; negatives are real prose, code and tables that must stay."""

from __future__ import annotations

import pytest
from _boilerplate_helpers import BODY, article, bp_findings, make_cleaner

from cleaner.boilerplate.features import Feat, linked_profile, profile_cells
from cleaner.boilerplate.linemarkup import glyph_bullet, reduce_line
from cleaner.boilerplate.rules import headline_text
from cleaner.segment import segment

#: (reason, line, role, visible text)
LINES: list[tuple[str, str, str, str]] = [
    # -- quote prefixes: the quoted line's own markup gives the role
    ("an e-mail quoted line is its text", "> Readers Also Opened", "prose",
     "Readers Also Opened"),
    ("a quote at depth two", "> > quoted prose here.", "prose", "quoted prose here."),
    ("a quoted bullet is a list item", "> - Ten things you missed", "list_item",
     "Ten things you missed"),
    ("a quoted glyph bullet is a list item", "> \U0001f525 Ten things you missed",
     "list_item", "Ten things you missed"),
    ("'>> x' stays a bullet (read first)", ">> Ten things you missed", "list_item",
     "Ten things you missed"),
    # -- bullets of any symbol glyph (category So), no list of glyphs
    ("an emoji bullet", "\U0001f4cc We Did Things Men Do", "list_item", "We Did Things Men Do"),
    ("an emoji with a variation selector", "\u2b50\ufe0f For Anyone Who Uses A Nightlight",
     "list_item", "For Anyone Who Uses A Nightlight"),
    ("two glyphs", "\u2705\u2705 Ten things you missed", "list_item", "Ten things you missed"),
    ("a link emoji before a social line", "\U0001f517 Quora: https://quora.com/profile/ab12",
     "list_item", "Quora: https://quora.com/profile/ab12"),
    ("a copyright sign is the text's own, no bullet", "\u00a9 2024 Harbour Press",
     "prose", "\u00a9 2024 Harbour Press"),
    ("a trademark sign is no bullet", "\u2122 and \u00ae are marks", "prose",
     "\u2122 and \u00ae are marks"),
    ("a glyph alone is punctuation", "\U0001f600", "punct", ""),
    # -- a label and a text split by a doubled mark or an ASCII arrow between spaces
    ("a description list's pair", "- Full name :: Ana Silva", "key_value",
     "Full name: Ana Silva"),
    ("a wire item with an arrow", "Harbor News -> Storm closes schools in the valley",
     "key_value", "Harbor News: Storm closes schools in the valley"),
    ("a comparison in code is no pair", "if count == limit: stop", "prose",
     "if count == limit: stop"),
    ("a one-letter key is math, no pair", "x -> y", "prose", "x -> y"),
    ("a long clause before the mark is no label",
     "The ferry leaves the harbour at six :: then the bus", "prose",
     "The ferry leaves the harbour at six :: then the bus"),
    # -- bracket tags of any name, on a line that closes one
    ("a spoiler tag of a name no rule lists", "[spoiler=Meet Ana]Ana works at X.[/spoiler]",
     "prose", "Ana works at X."),
    ("a quote tag with an attribute around a key", "[quote=Profile][b]Full name:[/b] Ana Silva",
     "prose", "Full name: Ana Silva"),
    ("an item tag opens a list item; its link makes it a link line",
     "[list][*][url=https://news.example/p/1]Ten things you missed[/url]", "link_only",
     "Ten things you missed"),
    ("an item tag before plain text", "[*] 2 cups flour", "list_item", "2 cups flour"),
    ("a line of tags alone is punctuation", "[/list]", "punct", ""),
    ("two opening tags alone are punctuation", "[list][*]", "punct", ""),
    ("an INI section header is no tag", "[instagram]", "prose", "[instagram]"),
    ("a footnote marker is no tag (digits)", "[1] Smith, J. The harbour. 2020.", "prose",
     "[1] Smith, J. The harbour. 2020."),
    ("code indexing without a closer stays", "rows[k] = cols[n] / 2", "prose",
     "rows[k] = cols[n] / 2"),
]


@pytest.mark.parametrize(("reason", "line", "role", "text"), LINES, ids=[r[0] for r in LINES])
def test_reduce_line_any_markup(reason: str, line: str, role: str, text: str) -> None:
    got = reduce_line(line)
    assert (got.role, got.text) == (role, text), (reason, got)


@pytest.mark.parametrize(("line", "n"), [
    ("\U0001f525 hot", 2), ("\u2b50\ufe0f star", 3), ("\U0001f525hot", 0),
    ("\U0001f525\U0001f525\U0001f525\U0001f525 four", 0), ("\u00b0 degrees", 0), ("plain", 0),
], ids=["emoji and space", "rider", "no space after", "four glyphs", "degree sign",
        "no glyph"])
def test_glyph_bullet(line: str, n: int) -> None:
    assert glyph_bullet(line) == n


def _feat(text: str, plain: bool = True) -> Feat:
    return Feat(text=text, tokens=[], n=len(text.split()), terminal=False, title=False,
                norm="", link_density=0.0, containers=frozenset(), plain=plain)


@pytest.mark.parametrize(("reason", "text", "plain", "rated"), [
    ("a view counter after a headline", "For Anyone Who Uses A Nightlight (7392 shares)",
     True, "For Anyone Who Uses A Nightlight"),
    ("a short counter", "How New Jersey Are You (8.9K views)", True, "How New Jersey Are You"),
    ("a date in brackets", "Storm closes schools [2026-11-30]", True, "Storm closes schools"),
    ("a bracket without a number stays", "Storm closes schools (again)", True,
     "Storm closes schools (again)"),
    ("a long bracketed clause stays", "Storm closes (all of the 12 schools in the north "
     "valley)", True, "Storm closes (all of the 12 schools in the north valley)"),
    ("a whole bracket stays", "(7392 shares)", True, "(7392 shares)"),
    ("HTML blocks as they are (their markup has its boundaries)",
     "For Anyone Who Uses A Nightlight (7392 shares)", False,
     "For Anyone Who Uses A Nightlight (7392 shares)"),
], ids=lambda v: v if isinstance(v, str) and len(v) < 60 else None)
def test_headline_text(reason: str, text: str, plain: bool, rated: str) -> None:
    assert headline_text(_feat(text, plain)) == rated, reason


#: (reason, raw line, shown text, a line of profile links)
PROFILE_LINKS: list[tuple[str, str, str, bool]] = [
    ("BBCode links named by their sites",
     "[url=https://quora.com/profile/ab12]Quora[/url] | [url=https://cd34.itch.io]itch.io[/url]",
     "Quora | itch.io", True),
    ("an org link", "[[https://xing.com/profile/ab12][Xing]]", "Xing", True),
    ("an e-mail style link", "Weibo <https://weibo.com/ab12>", "Weibo", True),
    ("a headline linked to a story is no profile",
     "[url=https://news.example/p/1]Quora answers the question[/url]",
     "Quora answers the question", False),
    ("one name of two does not name its link", "[url=https://quora.com/profile/ab]Quora[/url]"
     " | [url=https://news.example/p/2]Storm closes schools[/url]",
     "Quora | Storm closes schools", False),
    ("a link to a site's home page is no profile", "[url=https://quora.com]Quora[/url]",
     "Quora", False),
    ("no URL at all", "Quora | itch.io", "Quora | itch.io", False),
]


@pytest.mark.parametrize(("reason", "raw", "shown", "expected"), PROFILE_LINKS,
                         ids=[r[0] for r in PROFILE_LINKS])
def test_linked_profile(reason: str, raw: str, shown: str, expected: bool) -> None:
    assert linked_profile(raw, shown) is expected, reason


@pytest.mark.parametrize(("reason", "row", "expected"), [
    ("an org/Markdown table row of a platform, its profile URL and a count",
     "| Quora | https://quora.com/profile/lisasmith55 | 1567 |", True),
    ("a subdomain profile", "| itch.io | https://kristen5619.itch.io | 26459 |", True),
    ("the header row names no URL", "| Network | Profile | Followers |", False),
    ("a timetable row", "| Smith Cove Terminal | 06:32 | 07:02 |", False),
    ("a long cell beside the profile is prose, no profile row",
     "| Quora | https://quora.com/profile/x | the best answers of the week are here |", False),
    ("a URL whose site no cell names", "| Report | https://harbour.example.org/r/2026 |", False),
], ids=lambda v: v if isinstance(v, str) and len(v) < 70 else None)
def test_profile_cells(reason: str, row: str, expected: bool) -> None:
    assert profile_cells(row) is expected, reason


#: (reason, paragraph, blocks it must give)
PARAGRAPHS: list[tuple[str, str, int]] = [
    ("a BBCode card: short lines broken by hand",
     "[quote=About][b]Author name:[/b] Ana Silva Pereira de Souza\n"
     "[b]E-mail me:[/b] ana@example.org\n"
     "[b]Street address:[/b] Rua das Flores 339, apt 61, Lisboa\n"
     "[b]One-liner:[/b] Aliquid quis minima dicta ducimus veniam.[/quote]", 4),
    ("a list of linked items of one length: each line opens with a tag",
     "[list][*][url=https://news.example/p/1]Tell Us About Being In Debt In Your Twenties[/url]\n"
     "[*][url=https://news.example/p/2]What's The Most Underwhelming Celebrity Encounter[/url]\n"
     "[*][url=https://news.example/p/3]17 Life-Changing Ways To Eat Something Sweet[/url]", 3),
    ("linked items of other lengths: the word after the tags would have fit",
     "[i]Lantern Daily[/i] [url=https://news.example/p/1]Jeter saves the day[/url] 13 Oct\n"
     "[i]Harborline News[/i] [url=https://news.example/p/2]Former judge calls for a new "
     "inquiry into the harbour contracts[/url] 6 Nov\n"
     "[i]Riverside Gazette[/i] [url=https://news.example/p/3]Bus explosion kills 40[/url] "
     "31 Oct", 3),
    ("prose wrapped at a fixed width stays one block",
     "The harbour council approved a new ferry timetable on Tuesday after\n"
     "months of complaints from island residents about cancelled crossings.\n"
     "The timetable adds two early sailings and moves the last evening ferry\n"
     "forty minutes later, so that commuters can get home after their work.", 1),
    ("wrapped prose with a long unbreakable word stays one block",
     "See the report at the council's site, which lists every sailing and the\n"
     "https://harbour.example.org/reports/2026/ferry-timetable-consultation-final\n"
     "page with the residents' answers to the survey on the new timetable and\n"
     "the crew the operators still have to hire before the summer season.", 1),
]


@pytest.mark.parametrize(("reason", "text", "blocks"), PARAGRAPHS,
                         ids=[r[0] for r in PARAGRAPHS])
def test_segment_splits_lines_broken_by_hand(reason: str, text: str, blocks: int) -> None:
    assert len(segment(text)) == blocks, (reason, [b.text for b in segment(text)])


# -- the stage on whole pages ------------------------------------------------------------

HEADS = ("10 Celebrities Who Look Unrecognizable Today",
         "This One Weird Habit Will Change Your Life Forever",
         "21 Pictures That Will Make You Feel Old Instantly",
         "We Did Things Men Stereotypically Do And Here's How It Went")


@pytest.fixture(scope="module")
def bp():
    return make_cleaner()


#: (reason, tail blocks, values that must be gone)
GONE = [
    ("a quoted digest of emoji-bulleted headlines with counters",
     ("On 10 October 2026, Lantern Daily <digest@lantern.example> wrote:",
      "> Readers Also Opened\n" + "\n".join(
          f"> \U0001f525 {h} ({k + 3}.{k}K views)" for k, h in enumerate(HEADS))),
     HEADS),
    ("a quoted wire of 'Source: headline' items under a glyph, and the line introducing "
     "the quote",
     ("On 28 October 2026, Signal Desk <digest@signal-desk.example> wrote:",
      "> Elsewhere In The News\n"
      "> \U0001f4f0 Signal Desk: Stanford financier found in Virginia after a search\n"
      "> \U0001f4f0 Lantern Daily: One dead, eighteen injured in Florida lightning strike\n"
      "> \U0001f4f0 Capital Bulletin: Defenseman wins the trophy and eyes the national title"
      "\n> \U0001f4f0 Signal Desk: Former premier arrested in war crimes case"),
     ("Stanford financier found", "eighteen injured", "eyes the national title",
      "wrote:", "Elsewhere In The News")),
    ("a BBCode row of profile links named by their platforms, under a header",
     ("[size=2]Keep in contact[/size]\n[url=https://quora.com/profile/ygillespie99]Quora[/url]"
      " | [url=https://oramirez22.itch.io]itch.io[/url]",),
     ("quora.com/profile/ygillespie99", "oramirez22.itch.io", "Keep in contact")),
    ("an org table of profiles on platforms no list names, under a header",
     ("* Keep in touch\n| Network | Profile | Followers |\n|---+---+---|\n"
      "| Quora | https://quora.com/profile/lisasmith55 | 1567 |\n"
      "| Xing | https://xing.com/profile/christopherlawson46 | 2516 |",),
     ("quora.com/profile/lisasmith55", "xing.com/profile/christopherlawson46")),
    ("a BBCode list of links with item tags, no blank lines",
     ("[b]Others also read[/b]\n[list]" + "\n".join(
         f"[*][url=https://news.example/p/{k}]{h}[/url]" for k, h in enumerate(HEADS))
      + "[/list]",),
     HEADS),
]


@pytest.mark.parametrize(("reason", "tail", "gone"), GONE, ids=[r[0] for r in GONE])
def test_a_tail_in_unlisted_markup_goes(bp, reason: str, tail: tuple[str, ...],
                                        gone: tuple[str, ...]) -> None:
    result = bp.clean(article(*BODY, *tail), format="text")
    for value in gone:
        assert value not in result.text, (reason, value)
    assert bp_findings(result), reason
    for para in BODY:
        assert para in result.text, reason


#: (reason, body blocks placed between the article's paragraphs and its last one)
STAYS = [
    ("a quoted reply in an e-mail body",
     ("> The ferry should leave at six, not seven, the residents wrote.\n"
      "> We asked the council to change it before the summer season.",)),
    ("a list of steps with emoji bullets",
     ("\u2705 Book the ticket online before noon\n\u2705 Bring the printed boarding pass\n"
      "\u2705 Arrive twenty minutes before the sailing",)),
    ("a quoted reply introduced by its sender, in the body",
     ("On Monday, Maria Costa <maria@example.org> wrote:",
      "> The later ferry means I can finally get home after work.\n"
      "> Thank you for listening to the residents.")),
    ("a Q and A of labelled answers",
     ("Q: When does the first ferry leave\nA: At six in the morning, every day\n"
      "Q: Can I bring a bicycle on board\nA: Yes, for a small fee at the desk",)),
    ("a BBCode-formatted quote of a resident",
     ("[quote=Resident][b]Maria:[/b] The later ferry means I can finally get home after "
      "work without paying for a taxi across the island.[/quote]",)),
]


@pytest.mark.parametrize(("reason", "middle"), STAYS, ids=[r[0] for r in STAYS])
def test_body_lines_of_unlisted_markup_stay(bp, reason: str, middle: tuple[str, ...]) -> None:
    page = article(*BODY[:-1], *middle, BODY[-1])
    result = bp.clean(page, format="text")
    assert not bp_findings(result), (reason, [f.rule for f in bp_findings(result)])


def test_a_list_of_headlines_after_a_short_line_body_is_no_article_text(bp) -> None:
    """A chat log's short lines make the body; a quoted list of lower-cased headlines
    follows, which the headline model rates unevenly (the median over the run rates them
    headlines): without the run reading the list counted as article text, the article's
    end moved to the page's end and nothing after it went."""
    chat = "\n".join(f"[15:{30 + k}] <{nick}> {line}" for k, (nick, line) in enumerate([
        ("ryan", "Fast challenge present enough ago military away second."),
        ("michele", "Throw member make should."),
        ("derrick", "Campaign either south local movement onto option."),
        ("wendy", "Make movement site agree."), ("michele", "Group character stage smile stay."),
        ("derrick", "Authority town culture mind contain north economic eight."),
        ("wendy", "Letter hair purpose where pass recent life several keep.")]))
    heads = ["Watch this pup hilariously call out her sister for leaving a mess in the "
             "kitchen (8721 shares)",
             "Which hollywood couple should adopt you based on your first initial (2820 shares)",
             "Wikinews interviews former new mexico governor gary johnson, presidential "
             "nominee (3.1K views)",
             "22 heroes who will give you eternal light (8555 comments)",
             "18 crimes against makeup committed in the '00s (4.5K views)",
             "Oldest user of twitter, ivy bean, dies at 104 (2.6K views)"]
    body = ["Subject: Meeting notes of the harbour committee",
            "The harbour committee met on Tuesday to discuss the new ferry timetable and the\n"
            "repairs of the slipway, and this is the log of the meeting as it was typed.",
            "Transcript\n==========\n\n" + chat,
            "The committee will meet again in two weeks, when the operators have answered the\n"
            "questions about the crew and the costs of the two early sailings in the summer."]
    page = "\n\n".join([*body, "On 3 November 2026, Signal Desk <digest@signal-desk.example> "
                         "wrote:", "> Hot Off The Press\n" + "\n".join("> - " + h for h in heads)])
    out = bp.clean(page + "\n", format="text").text
    for gone in ("wrote:", "Hot Off The Press", "hollywood couple", "eternal light"):
        assert gone not in out, gone
    for line in "\n\n".join(body).splitlines():
        assert line.strip() in out, line


#: (reason, the paragraph's last piece, judged by the sentence before it)
GLUED = [
    ("a headline glued on after an emoji that marks it", "\U0001f449 ", True),
    ("after an arrow", "\u2192 ", True),
    ("with no glyph (a capital opens it: the sentence mark was always read)", "", True),
]


@pytest.mark.parametrize(("reason", "mark", "terminal"), GLUED, ids=[r[0] for r in GLUED])
def test_a_glyph_marked_glued_headline_leaves_the_paragraph_terminated(
        reason: str, mark: str, terminal: bool) -> None:
    """A headline glued onto the body's last paragraph after a glyph (``... costs. 👉
    Who do you think ...``), printed again in the list below: the paragraph is judged
    by the sentence before it (terminated), so the article's end can be found there."""
    from cleaner.boilerplate.features import compute_features
    from cleaner.config import BoilerplateConfig

    head = "Who do you think should win at the 2015 emmy awards"
    last = ("The committee will meet again in two weeks, when the operators have answered "
            f"the questions about the crew and the costs. {mark}{head}")
    page = article(BODY[0], last, "Most read\n" + "\n".join(
        f"- {h}" for h in ("22 dogs who just found their forever homes", head,
                           "59 reasons you should probably answer that call")))
    blocks = segment(page)
    feats = compute_features(blocks, BoilerplateConfig())
    para = next(f for b, f in zip(blocks, feats, strict=True) if b.text == last)
    assert para.terminal is terminal, reason


#: (reason, lines after the article's last paragraph, the words of them that could be
#: article text)
TAIL_WORDS = [
    ("key/value lines of contact data are a card's fields",
     "Date of birth (DOB): 1998-07-05\nE-mail me: francisjulie@example.net\n"
     "Call or text: (340)819-0632x171", 0),
    ("lines mostly of link text in another syntax",
     "[i]Lantern Daily[/i] [url=https://news.example/p/1]Jeter saves the day for the "
     "Yankees[/url] 13 Oct\n[i]Harbor News[/i] [url=https://news.example/p/2]Former judge "
     "calls for an inquiry into the contracts[/url] 6 Nov", 0),
    ("a run of 'Source: headline' list items under any bullet is a wire",
     "- Lantern Daily: Drug cartel and police shootouts erupt in Mexico\n"
     "- Riverside Gazette: Edinburgh Airport runway damage causes delays\n"
     "- Summit Observer: Video Game Publisher Lost Ten Million in Quarter", 0),
    ("two labelled items are no run", "- Lantern Daily: Drug cartel shootouts erupt\n"
     "- Riverside Gazette: Airport runway damage causes delays", 13),
    ("labelled items that end like sentences are article text",
     "- Step one: mix the flour and the sugar.\n- Step two: add the eggs one by one.\n"
     "- Step three: bake for forty minutes.", 22),
    ("key/value lines without contact data may be article text",
     "Departure: six in the morning\nArrival: half past nine", 9),
    ("a sentence mentioning a date is article text",
     "The ferry first sailed on 5 July 1998 from the old harbour.", 12),
]


@pytest.mark.parametrize(("reason", "after", "words"), TAIL_WORDS,
                         ids=[r[0] for r in TAIL_WORDS])
def test_tail_words_leave_out_cards_and_link_lines(reason: str, after: str, words: int) -> None:
    from cleaner.boilerplate.features import _tail_words, compute_features
    from cleaner.config import BoilerplateConfig

    page = article(*BODY, after)
    blocks = segment(page)
    feats = compute_features(blocks, BoilerplateConfig())
    last = next(k for k, b in enumerate(blocks) if b.text == BODY[-1])
    assert _tail_words(feats, last) == words, (reason, [(f.text, f.n) for f in feats[last + 1:]])

"""Issue #11, forum threads (``cleaner.threadshape``): a reply's quote of a post the page
already holds is dropped once the text repeats and the page prints it inside a quote; a
post pasted again outside a quote, short replies and articles are left alone."""

from __future__ import annotations

import lxml.html
import pytest

from cleaner import Cleaner, CleanerConfig
from cleaner.config import ExtractionConfig
from cleaner.threadshape import (
    chrome_keys,
    chrome_lines,
    quote_texts,
    quoted_copies,
    repeated_blocks,
    shingles,
    signature_elements,
)

POST = ("Has anybody tried the beta of the new release yet, and does anyone know which "
        "version of the toolkit it will actually ship with next week")
OTHER = ("I always build the toolkit from source myself because the packaged versions "
         "lag behind by a year or more on most distributions")
NO_PII = tuple(s for s in CleanerConfig().stages if s != "pii")


@pytest.mark.parametrize(
    ("texts", "expected", "reason"),
    [
        ([POST, OTHER], [], "two different posts: nothing repeats"),
        ([POST, OTHER, POST], [2], "a second copy after the first: the later goes"),
        ([POST, f"JonB said: {POST}"], [1],
         "a quote with its attribution: 2 of 24 shingles new, still a repeat"),
        ([f"JonB said: {POST}", POST], [1], "the same the other way round: the first stays"),
        ([POST, f"{POST} {OTHER}"], [],
         "a reply quoting and answering in one block: half of it is new"),
        ([POST, POST[:100]], [1], "a quote of the post's first sentence"),
        (["Thanks, that worked for me as well!"] * 2, [],
         "short replies alike (under 8 words) are never repeats"),
        ([POST, POST, POST], [1, 2], "three copies: the first stays"),
    ],
)
def test_repeated_blocks(texts: list[str], expected: list[int], reason: str) -> None:
    assert [i for i, _ in repeated_blocks(texts)] == expected, reason


def test_shingles_need_eight_words() -> None:
    assert shingles("one two three four five six seven") == []
    assert len(shingles("one two three four five six seven eight")) == 4


def _page(body: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(f"<html><body>{body}</body></html>")


@pytest.mark.parametrize(
    ("body", "expected", "reason"),
    [
        (f"<div class='post'><p>{POST}</p></div>"
         f"<div class='post'><blockquote><p>{POST}</p></blockquote><p>{OTHER}</p></div>",
         [True], "phpBB/XenForo: the copy sits in a <blockquote>"),
        (f"<div class='post'><p>{POST}</p></div>"
         f"<div class='post'><div class='ipsQuote'><div>{POST}</div></div></div>",
         [True], "a class naming a quote (Invision's ipsQuote)"),
        (f"<div class='post'><p>{POST}</p></div><div class='post'><p>{POST}</p></div>",
         [False], "a post pasted again outside any quote: not a quote"),
        (f"<div class='post'><p>{POST}</p></div>"
         f"<blockquote><p>Has <b>anybody</b> tried the beta of the new release</p></blockquote>",
         [True], "the first words split by inline markup are still found"),
        (f"<p>{OTHER}</p>", [False], "text not on the page"),
    ],
)
def test_quoted_copies(body: str, expected: list[bool], reason: str) -> None:
    assert quoted_copies(_page(body), [POST]) == expected, reason


@pytest.mark.parametrize(
    ("body", "expected", "reason"),
    [
        ("<blockquote>Outer <blockquote>inner</blockquote> end</blockquote>",
         ["outer inner end"], "a quote inside a quote is read once, with the outer"),
        ("<div class='post'><p>No quote here.</p></div>", [], "no quote container"),
        ("<div id='QuotedPost'>Shouted</div><script class='quote'>var q = 1;</script>", ["shouted"],
         "an id naming a quote in capitals; scripts are not read"),
    ],
)
def test_quote_texts(body: str, expected: list[str], reason: str) -> None:
    assert sorted(quote_texts(_page(body))) == expected, reason


def _thread(reply: str) -> str:
    posts = "".join(
        f"<article class='message'><div class='user'>member{i}</div>"
        f"<div class='message-body'><p>{text}</p></div></article>"
        for i, text in enumerate([
            POST,
            "The release notes list the toolkit version for each architecture, and the "
            "package search of the distribution shows what the archive holds right now.",
            reply,
            "Thanks to everyone who answered, I will wait for the final release and check "
            "the package list again once it is out on the mirrors.",
        ]))
    return (f"<html><head><title>Which toolkit version</title></head><body><main>"
            f"<h1>Which toolkit version ships with the release</h1>{posts}</main></body></html>")


QUOTING = (f"<blockquote class='bbCodeBlock bbCodeBlock--quote'><div>member0 said:</div>"
           f"<div class='bbCodeBlock-content'>{POST}</div></blockquote>"
           f"</p><p>{OTHER}")
#: (trafilatura itself drops a paragraph printed twice word for word: one word differs)
PASTED = f"Again: {POST}</p><p>{OTHER}"


@pytest.mark.parametrize(
    ("url", "reply", "copies", "dropped", "reason"),
    [
        ("https://forum.example.org/threads/which-toolkit.123/", QUOTING, 1, True,
         "a forum thread: the reply's quote of the opening post goes, its answer stays"),
        ("https://forum.example.org/threads/which-toolkit.123/", PASTED, 2, False,
         "the opening post pasted again outside a quote is a post of its own"),
        ("https://news.example.org/2024/05/toolkit-release-review", QUOTING, 2, False,
         "an article with a comment section quoting it: not a thread, nothing dropped"),
    ],
)
def test_thread_end_to_end(url: str, reply: str, copies: int, dropped: bool,
                           reason: str) -> None:
    cfg = CleanerConfig(stages=NO_PII, extraction=ExtractionConfig(include_comments=True))
    result = Cleaner(cfg).clean(_thread(reply), url=url, format="html")
    doc = result.document
    found = [f for f in doc.findings if f.rule == "repeated_post"]
    assert result.text.count("Has anybody tried the beta") == copies, reason
    assert OTHER[:40] in result.text, reason
    assert bool(found) is dropped, reason
    if reply is PASTED:  # a text repeat the quote test keeps
        assert [i for i, _ in repeated_blocks([b.text for b in doc.blocks])], reason
    if dropped:
        assert found[0].category == "duplicate" and found[0].detail["share"] >= 0.8
        assert doc.meta["extraction"]["repeats"]["blocks"] == len(found)
        off = Cleaner(CleanerConfig(stages=NO_PII, extraction=ExtractionConfig(
            include_comments=True, drop_repeats=False))).clean(_thread(reply), url=url,
                                                               format="html")
        assert off.text.count("Has anybody tried the beta") == 2, "the option turns it off"


@pytest.mark.parametrize(
    ("body", "expected", "reason"),
    [
        ("<div class='post'><p>Text</p><div class='signature'>My motto</div></div>",
         ["My motto"], "phpBB/SMF: div.signature"),
        ("<aside class='message-signature signature-collapsed'>Rig: 5800X</aside>",
         ["Rig: 5800X"], "XenForo: message-signature"),
        ("<div class='ipsEntry__signature'>Sig</div>", ["Sig"], "Invision: BEM element"),
        ("<div class='post-signature owner'><a>asked Jan 5</a> user123</div>",
         ["asked Jan 5 user123"], "Stack Exchange user card"),
        ("<div class='signature'>Outer <div class='signature'>inner</div></div>",
         ["Outer inner"], "nested: the outermost once"),
        ("<div class='pb2 postcontentheight_sig'><p>The post itself.</p></div>", [],
         "tapatalk's post body: 'sig' is not 'signature'"),
        ("<div class='signatures-of-petition'>Sign here</div>", ["Sign here"],
         "the plural too (a token starting with the word)"),
        ("<div class='designature'>No</div><p id='signaturepad'>No</p>", [],
         "the word inside another word is none"),
    ],
)
def test_signature_elements(body: str, expected: list[str], reason: str) -> None:
    found = signature_elements(_page(body))
    assert [" ".join(e.text_content().split()) for e in found] == expected, reason


SIGNED = (
    "<html><body><main><h1>Which toolkit version ships with the release</h1>"
    + "".join(
        f"<article class='message'><div class='message-body'><p>{text}</p></div>"
        f"<div class='signature'>Quantum widgets forever, see my gallery of sprockets</div>"
        "</article>"
        for text in (POST, OTHER, "The release notes list the toolkit version for each "
                     "architecture, and the package search shows what the archive holds."))
    + "</main></body></html>")


@pytest.mark.parametrize(
    ("url", "signatures", "reason"),
    [
        ("https://forum.example.org/threads/which-toolkit.123/", 0,
         "a forum thread: every signature goes, the posts stay"),
        ("https://news.example.org/2024/05/toolkit-release-review", None,
         "not a forum page: left to trafilatura (no signature finding)"),
    ],
)
def test_signatures_end_to_end(url: str, signatures: int | None, reason: str) -> None:
    result = Cleaner(CleanerConfig(stages=NO_PII)).clean(SIGNED, url=url, format="html")
    found = [f for f in result.document.findings if f.rule == "post_signature"]
    assert POST[:40] in result.text and OTHER[:40] in result.text, reason
    if signatures is None:
        assert not found, reason
        return
    assert result.text.count("Quantum widgets") == signatures, reason
    assert len(found) == 3 and all(f.category == "signature" for f in found), reason
    assert all("Quantum" not in str(f.to_dict()) for f in found), "its text is not reported"


@pytest.mark.parametrize(
    ("text", "expected", "reason"),
    [
        ("#7", ["shape:0", "line:7"], "a post number"),
        ("Posts: 4,103", ["label:posts", "shape:posts 0", "line:posts 4 103"],
         "a member's stat line: its label, and its shape with the number as 0"),
        ("macrumors 6502a", ["shape:macrumors 0a", "line:macrumors 6502a"], "a member title"),
        ("Click to expand...", ["shape:click to expand", "line:click to expand"],
         "a quote control"),
        ("Joined: 14. Sep 2019, 16:51", ["label:joined"],
         "a stat line holding a date: chrome by its label only"),
        ("Tue Aug 27, 2019 1:47 am", [], "a post's date: labels keep it"),
        ("03/03/2026 19:44", [], "a numeric date and time"),
        ("felixen", [], "one word without digits: a poster's name"),
        ("paulb203", [], "one word with digits that is no number: a name too"),
        ("-1", ["shape:0", "line:1"], "a vote count"),
        ("Re: Turning off all LED of RPi 5",
         ["label:re", "line:re turning off all led of rpi 5"],
         "a post's title: seven words, too long for a shape"),
        ("Thanks a lot, this fixed my problem completely and I can boot again now", [],
         "over twelve words: a reply"),
        ("Note: the installer asks for the partition before it copies a single file", [],
         "a label line over eight words is prose"),
    ],
)
def test_chrome_keys(text: str, expected: list[str], reason: str) -> None:
    assert chrome_keys(text) == expected, reason


@pytest.mark.parametrize(
    ("texts", "expected", "reason"),
    [
        (["#1", POST, "#2", OTHER, "#3", POST[:50] + " really"], [0, 2, 4],
         "post numbers on three posts"),
        (["#1", POST, "#2", OTHER], [], "two posts: under three, nothing goes"),
        (["Posts: 12", "Posts: 4,103", "Posts: 7"], [0, 1, 2],
         "stat lines alike with other numbers"),
        (["Location: Leeds", "Location: an ant farm", "Location: SIN"], [0, 1, 2],
         "stat lines by their label, the values differ"),
        (["Re: Which toolkit version ships", POST, "Re: Which toolkit version ships",
          OTHER, "Re: Which toolkit version ships"], [0, 2, 4], "each post's title"),
        (["Like", "Like", "Like"], [], "one word without digits is never chrome"),
        (["Aug 27, 2019", "Aug 28, 2019", "Aug 29, 2019"], [], "dates are kept"),
        (["I agree with you", "I agree with you", "I agree with you"], [0, 1, 2],
         "a short reply printed three times is chrome (no thread says only that)"),
    ],
)
def test_chrome_lines(texts: list[str], expected: list[int], reason: str) -> None:
    assert [i for i, _, _ in chrome_lines(texts)] == expected, reason


def _chrome_thread() -> str:
    posts = "".join(
        f"<div class='message'><p>member{i}</p><p>Senior member 4{i}</p>"
        f"<p>Aug 2{i}, 2019</p><p>{text}</p><p>#{i + 1}</p></div>"
        for i, text in enumerate([
            POST, OTHER,
            "The release notes list the toolkit version for each architecture, and the "
            "package search shows what the archive holds right now for everyone.",
            "Thanks to everyone who answered, I will wait for the final release and check "
            "the package list again once it is out on the mirrors."]))
    return (f"<html><body><main><h1>Which toolkit version ships with the release</h1>"
            f"{posts}</main></body></html>")


@pytest.mark.parametrize(
    ("url", "dropped", "reason"),
    [
        ("https://forum.example.org/threads/which-toolkit.123/", True,
         "a thread: member titles and post numbers go; names, dates and posts stay"),
        ("https://news.example.org/2024/05/toolkit-release-review", False,
         "the same markup on an article page: not a thread, nothing dropped"),
    ],
)
def test_post_chrome_end_to_end(url: str, dropped: bool, reason: str) -> None:
    result = Cleaner(CleanerConfig(stages=NO_PII, extraction=ExtractionConfig(
        include_comments=True))).clean(_chrome_thread(), url=url, format="html")
    found = [f for f in result.document.findings if f.rule == "post_chrome"]
    assert POST[:40] in result.text and OTHER[:40] in result.text, reason
    assert bool(found) is dropped, reason
    if dropped:
        assert "Senior member" not in result.text and "#2" not in result.text, reason
        assert "member1" in result.text and "Aug 21, 2019" in result.text, reason
        assert all(f.category == "chrome" and f.detail["repeats"] >= 3 for f in found)
        off = Cleaner(CleanerConfig(stages=NO_PII, extraction=ExtractionConfig(
            include_comments=True, drop_post_chrome=False))).clean(
                _chrome_thread(), url=url, format="html")
        assert "Senior member" in off.text, "the option turns it off"

"""Issue #11, forum and thread pages: a comment section that is a list of threads is not
appended (``cleaner.pagekind.comments_not_posts``: links and short items;
``cleaner.pagekind.thread_rows``: rows of a title link and an excerpt), comment-named
``<article>`` elements are replies, not listing cards, and a microdata Product is a
product (``cleaner.pagekind.refine_kind``)."""

from __future__ import annotations

from dataclasses import replace

import lxml.html
import pytest

from cleaner import Cleaner, CleanerConfig
from cleaner.pagekind import (
    classify,
    comments_not_posts,
    page_signals,
    refine_kind,
    thread_rows,
)


@pytest.mark.parametrize(
    ("blocks", "expected", "reason"),
    [
        ([(320, 0.0), (450, 0.0), (60, 0.0), (210, 0.1)], None,
         "replies of a few hundred characters each: posts"),
        ([(140, 0.0)] * 20 + [(12, 0.0)] * 20, None,
         "twenty 140-character replies and their user names: still posts"),
        ([(48, 1.0), (22, 0.0), (55, 1.0), (19, 0.0), (61, 1.0), (25, 0.0)], "thread_links",
         "linked thread titles with their reply counts: a forum index"),
        ([(130, 1.0)] * 10 + [(120, 0.0)] * 5, "thread_links",
         "long linked titles or excerpts, two thirds of the text: links, however long"),
        ([(40, 0.0)] * 30 + [(150, 0.0)], "no_posts",
         "names, dates and counts with one longer line: under a quarter in post-length blocks"),
        ([(99, 0.0)] * 10, "no_posts", "every block just under the post length"),
        ([(100, 0.0)] * 10, None, "every block exactly the post length"),
        ([(100, 0.49)] * 10, None, "blocks under half link text are not links"),
        ([(100, 0.5)] * 5 + [(100, 0.0)] * 5, "thread_links",
         "exactly half the text in blocks that are half links"),
        ([(320, 0.0), (10, 0.0)] + [(30, 0.0)] * 30, None,
         "one long post and many short lines: over a quarter of the text is the post"),
        ([], "no_posts", "nothing at all"),
    ],
)
def test_comments_not_posts(
    blocks: list[tuple[int, float]], expected: str | None, reason: str
) -> None:
    assert comments_not_posts(blocks) == expected, reason


POST = ("<p>Here is the regular update on what the project worked on in the past two "
        "weeks, so that readers can follow along without reading every change.</p>")


def _articles(n: int, cls: str, og: str = "", extra: str = "", head: str = "") -> str:
    cards = "".join(
        f'<article class="{cls.format(i=i)}" id="{cls.split()[0].format(i=i)}-{i}">'
        f"<p>Entry {i} has a sentence of text in it.</p></article>" for i in range(n))
    meta = f'<meta property="og:type" content="{og}">' if og else ""
    return (f"<html><head>{meta}{head}</head><body>"
            f'<article class="post"><h1>Update</h1>{POST}</article>{extra}{cards}'
            "</body></html>")


_PRODUCT = ('<div itemscope itemtype="https://schema.org/Product"><h1>Classic watch</h1>'
            '<div itemprop="offers" itemscope itemtype="https://schema.org/Offer">'
            "<span>$168.00</span></div></div>")


@pytest.mark.parametrize(
    ("url", "html", "kind", "reason", "why"),
    [
        ("https://lemmy.example/post/123", _articles(8, "comment-node py-2"), "forum",
         "markup:comment_articles",
         "a post and eight <article>s named as comments, nothing saying article: a thread"),
        ("https://blog.example/2024/05/a-story/", _articles(8, "comment-node", og="article"),
         "article", "og:article",
         "a blog post whose reader comments are <article>s: still an article (og:type)"),
        ("https://blog.example/a-story/", _articles(
            8, "comment", head='<script type="application/ld+json">'
            '{"@type": "BlogPosting"}</script>'), "article", "json-ld:blogposting",
         "JSON-LD says blog post: the comment articles never mattered"),
        ("https://news.example/latest", _articles(8, "card teaser"), "listing",
         "markup:articles", "eight teaser cards: a listing"),
        ("https://news.example/opinion", _articles(8, "commentary-card"), "listing",
         "markup:articles", "'commentary' is not a comment: cards of a listing"),
        ("https://blog.example/a-story/", _articles(3, "comment"), "article", "default",
         "three comment articles and a post: never a listing, too few replies for a thread"),
        ("https://lemmy.example/post/9", _articles(5, "card") + "", "listing",
         "markup:articles", "five cards and no replies"),
        ("https://www.watches.example/mens-view-all/moon-silver/28000436.html",
         f"<html><body>{_PRODUCT}<p>Description of the watch.</p></body></html>",
         "product", "microdata:product", "an outermost microdata Product"),
        ("https://www.watches.example/2024/best-watches",
         '<html><head><meta property="og:type" content="article"></head><body>'
         f"{_PRODUCT}<p>Our review.</p></body></html>", "article", "og:article",
         "an article (og:type) that marks up the product it reviews stays an article"),
        ("https://www.watches.example/x",
         '<html><body><div itemscope itemtype="https://schema.org/WebPage">'
         f"{_PRODUCT}</div></body></html>", "article", "default",
         "a Product nested inside another item is not the page's outermost item"),
    ],
)
def test_refine_kind(url: str, html: str, kind: str, reason: str, why: str) -> None:
    tree = lxml.html.fromstring(html)
    s = page_signals(tree)
    assert refine_kind(tree, url, s, *classify(url, s)) == (kind, reason), why


EXCERPT = ("I rebuilt the fence with a straight length of aluminium angle and two clamps, "
           "and the cuts have been square ever since, even on long boards")


def _rows(n: int, row: str) -> str:
    """A page whose ``n`` rows are ``row`` filled in with the row number ``n``."""
    rows = "".join(row.format(n=i, excerpt=f"{EXCERPT} ({i}).") for i in range(n))
    return f'<html><body><h1>Forum</h1><ul class="list">{rows}</ul></body></html>'


_INDEX_ROW = ('<li class="row"><h3><a href="/forum/t/{n}">Thread {n} about the fence</a></h3>'
              "<p>{excerpt}</p><span>{n} replies</span></li>")


@pytest.mark.parametrize(
    ("html", "expected", "reason"),
    [
        (_rows(6, _INDEX_ROW), "thread_rows",
         "each row: a linked thread title, then an excerpt a post's length: a thread list"),
        (_rows(3, _INDEX_ROW), "thread_rows", "three rows are enough to see the template"),
        (_rows(2, _INDEX_ROW), None, "two rows are no template: not judged"),
        (_rows(6, _INDEX_ROW.replace("</span>", '</span><a href="#post-{n}">#{n}</a>')),
         None, "each row has a permalink into the page: posts of a discussion"),
        (_rows(6, _INDEX_ROW.replace("</span>", '</span><button class="reply-btn">'
                                     "Reply</button>")), None,
         "each row has a reply control: posts of a discussion"),
        (_rows(6, _INDEX_ROW.replace("<span>", '<span class="replies">')
               .replace("</li>", '<span class="votes">5</span></li>')), "thread_rows",
         "reply counts and votes are shown on a thread list's rows too: no reply marker"),
        (_rows(6, '<li class="row"><a href="/u/bob{n}">bob{n}</a><p>{excerpt}</p></li>'),
         None, "rows led by a name link, one word: replies signed by their authors"),
        (_rows(6, '<li class="row"><a href="/u/bob{n}">Bob the builder {n}</a> wrote:'
                  "<p>{excerpt}</p></li>"), None,
         "a three-word name inside a longer line is no standalone title"),
        (_rows(6, '<li class="row"><p>{excerpt} <a href="/docs/{n}">see the fence guide'
                  "</a></p></li>"), None,
         "a link in the post's prose, after its first words, is no title over it"),
        (_rows(6, _INDEX_ROW.replace('/forum/t/{n}"', '/forum/t/{n}#unread"')), None,
         "title links into an anchor count as permalinks: not judged a list"),
        (_rows(3, _INDEX_ROW) .replace("</ul>", "".join(
            f'<li class="row"><b>guest{i}</b><p>{EXCERPT} ({i + 3}).</p></li>'
            for i in range(2)) + "</ul>"), "thread_rows",
         "three titled rows of five: 0.6, the share that makes a list"),
        (_rows(2, _INDEX_ROW).replace("</ul>", "".join(
            f'<li class="row"><b>guest{i}</b><p>{EXCERPT} ({i + 2}).</p></li>'
            for i in range(3)) + "</ul>"), None, "two titled rows of five: under 0.6"),
    ],
)
def test_thread_rows(html: str, expected: str | None, reason: str) -> None:
    tree = lxml.html.fromstring(html)
    posts = [" ".join(p.text_content().split()) for p in tree.iter("p")]
    assert thread_rows(tree, posts, "https://forum.example.org/forum/fences") == expected, reason


def test_thread_rows_reads_the_page_path() -> None:
    """A link to the page's own path with another query is the post's permalink."""
    html = _rows(6, _INDEX_ROW.replace("</span>", '</span><a href="/forum/fences?p={n}">'
                                       "link to this post</a>"))
    tree = lxml.html.fromstring(html)
    posts = [" ".join(p.text_content().split()) for p in tree.iter("p")]
    assert thread_rows(tree, posts, "https://forum.example.org/forum/fences") is None
    assert thread_rows(tree, posts, "https://forum.example.org/forum/other") == "thread_rows"


NO_PII = CleanerConfig(stages=tuple(s for s in CleanerConfig().stages if s != "pii"))


@pytest.fixture(scope="module")
def comment_cleaner() -> Cleaner:
    """comment_pages on; the DOM model off: it makes its own choice of blocks (on the
    planted index it adds the thread list itself), and these tests are of the append."""
    return Cleaner(NO_PII.replace(extraction=replace(
        NO_PII.extraction, comment_pages=True, dom_model=False)))


def _forum_index(threads: int) -> str:
    """A forum's index page: a short welcome and a thread list in a ``comment``-classed
    container (where trafilatura looks for comments)."""
    rows = "".join(
        f'<div class="comment-row"><p><a href="/forum/t/{n}">Thread number {n} about '
        f"the table saw fence</a></p><p>{n + 3} replies</p></div>" for n in range(threads))
    return ("<html><head><title>Woodworking forum</title></head><body>"
            "<main><h1>Woodworking forum</h1><p>Welcome to the forum. Ask questions about "
            "tools, joinery and finishing, and share the projects you are building.</p></main>"
            f'<div class="comments-list">{rows}</div></body></html>')


def _forum_thread(replies: int) -> str:
    posts = "".join(
        f'<div class="comment-body"><p>Reply {n}: I rebuilt the fence with a straight '
        "length of aluminium angle and two clamps, and the cuts have been square ever "
        "since, even on long boards.</p></div>" for n in range(replies))
    return ("<html><head><title>Table saw fence</title></head><body>"
            "<main><h1>Table saw fence drifts</h1><p>My table saw fence drifts out of "
            "square when I lock it; what did you do about yours?</p></main>"
            f'<div class="comments-list">{posts}</div></body></html>')


def test_forum_index_thread_list_is_not_appended(comment_cleaner: Cleaner) -> None:
    result = comment_cleaner.clean(_forum_index(30), url="https://forum.example.org/forums/",
                                   format="html")
    ext = result.report.to_dict()["extraction"]
    assert ext["page_kind"] == "forum", "the planted index is classified forum by its URL"
    assert "Welcome to the forum" in result.text
    assert "Thread number 7" not in result.text, "the thread list is no thread's posts"
    assert "comments" not in ext
    assert ext["comments_skipped"]["reason"] == "thread_links"


def _forum_index_excerpts(threads: int) -> str:
    """A forum index whose rows hold a linked title and a post-length excerpt, in a
    ``comment``-classed container: shaped like posts to :func:`comments_not_posts`."""
    rows = "".join(
        f'<div class="comment-row"><h3><a href="/forum/t/{n}">Thread number {n} about the '
        f"table saw fence</a></h3><p>{EXCERPT} ({n}).</p></div>" for n in range(threads))
    return ("<html><head><title>Woodworking forum</title></head><body>"
            "<main><h1>Woodworking forum</h1><p>Welcome to the forum. Ask questions about "
            "tools, joinery and finishing, and share the projects you are building.</p></main>"
            f'<div class="comments-list">{rows}</div></body></html>')


def _forum_thread_signed(replies: int) -> str:
    """A thread whose replies are signed (a name link), numbered by a permalink."""
    posts = "".join(
        f'<div class="comment-item" id="comment-{n}"><a class="author" href="/profile/u{n}">'
        f'u{n}</a> <a href="#comment-{n}">#{n}</a><div class="comment-text"><p>{EXCERPT} '
        f"({n}).</p></div></div>" for n in range(replies))
    return ("<html><head><title>Table saw fence</title></head><body>"
            "<main><h1>Table saw fence drifts</h1><p>My table saw fence drifts out of "
            "square when I lock it; what did you do about yours?</p></main>"
            f'<div class="comments-list"><h3>Replies</h3>{posts}</div></body></html>')


def test_forum_index_with_excerpts_is_not_appended(comment_cleaner: Cleaner) -> None:
    result = comment_cleaner.clean(_forum_index_excerpts(12),
                                   url="https://forum.example.org/forums/fences/",
                                   format="html")
    ext = result.report.to_dict()["extraction"]
    assert ext["page_kind"] == "forum"
    assert "Welcome to the forum" in result.text
    assert "Thread number 7" not in result.text, "a list of threads is no thread's posts"
    assert ext["comments_skipped"]["reason"] == "thread_rows", (
        "the excerpts are post-length, unlinked: only the rows' shape tells")


def test_signed_replies_with_permalinks_are_appended(comment_cleaner: Cleaner) -> None:
    result = comment_cleaner.clean(_forum_thread_signed(12),
                                   url="https://forum.example.org/forums/fences/",
                                   format="html")
    ext = result.report.to_dict()["extraction"]
    assert "(7)." in result.text, "a thread's replies are its content"
    assert ext["comments"]["reason"] == "page_kind:forum"
    assert "comments_skipped" not in ext


def test_forum_thread_replies_are_appended(comment_cleaner: Cleaner) -> None:
    result = comment_cleaner.clean(_forum_thread(12),
                                   url="https://forum.example.org/threads/fence.123/",
                                   format="html")
    ext = result.report.to_dict()["extraction"]
    assert "Reply 7:" in result.text, "a thread's replies are its content"
    assert ext["comments"]["reason"] == "page_kind:forum"
    assert "comments_skipped" not in ext


ARTICLE = "".join(
    f"<p>Paragraph {i} of a short story about a table saw fence, in plain sentences that "
    "make it the body of the page.</p>" for i in range(6))
COOKIE_TEXT = ("<p>These cookies are set by our advertising partners to build a profile of "
               "your interests and show you relevant adverts on other sites.</p>")


@pytest.mark.parametrize(
    ("container", "dropped", "reason"),
    [
        ('<div id="onetrust-consent-sdk"><div id="onetrust-pc-sdk" class="otPcCenter ot-hide">'
         "{}</div></div>", True, "OneTrust's preference centre, hidden by a stylesheet class"),
        ('<div class="cookie-consent-bar-all-options-popup">{}</div>', True,
         "a generic cookie-consent popup"),
        ('<div id="CybotCookiebotDialog">{}</div>', True, "Cookiebot's dialog"),
        ('<aside id="moove_gdpr_cookie_info_bar">{}</aside>', True,
         "GDPR Cookie Compliance's bar"),
        ('<section class="recipes cookies">{}</section>', False,
         "a section about cookies (the baked kind) is not a consent dialog"),
        ('<div class="cmp-container responsivegrid">{}</div>', False,
         "an Adobe 'cmp-' component is no consent manager"),
        ('<div class="shopify-buyer-consent">{}</div>', False,
         "a checkout's consent line is not a cookie dialog"),
    ],
)
def test_consent_dialogs_dropped(container: str, dropped: bool, reason: str) -> None:
    page = (f"<html><body><article><h1>Fence</h1>{ARTICLE}</article>"
            f"{container.format(COOKIE_TEXT)}</body></html>")
    on = NO_PII.replace(extraction=replace(NO_PII.extraction, drop_consent=True))
    result = Cleaner(on).clean(page, format="html")
    rules = [f["rule"] for f in result.report.to_dict()["findings"]]
    assert "Paragraph 5" in result.text, "the article is kept either way"
    assert ("consent_dialog" in rules) is dropped, reason
    if dropped:
        assert "advertising partners" not in result.text, reason


def test_consent_dialogs_kept_by_default() -> None:
    page = (f"<html><body><article><h1>Fence</h1>{ARTICLE}</article>"
            f'<div id="CybotCookiebotDialog">{COOKIE_TEXT}</div></body></html>')
    rules = [f["rule"] for f in Cleaner(NO_PII).clean(page, format="html").report.to_dict()[
        "findings"]]
    assert "consent_dialog" not in rules, "extraction.drop_consent is off by default"

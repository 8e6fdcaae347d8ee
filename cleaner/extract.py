"""Extraction stage: turn the input into the working text and its blocks.

HTML: parsed once with lxml; a pre-pass drops elements hidden from readers
(each drop is a finding) and records, for short block elements, their link
density and the class/id hints of their containers (``related``, ``share``,
``author``...) before trafilatura flattens the page. trafilatura then picks the
main content; its element tree is walked into blocks (headings, paragraphs,
list items, quotes, table rows) joined into the working text.

Text and Markdown: the decoded input *is* the working text; it is segmented
into blocks whose offsets index the input.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from ._trafilatura_inplace import memo_add, memo_find, reuse
from .config import CleanerConfig
from .detect import (
    MAX_MARKUP_DEPTH,
    MAX_TAG_CHARS,
    byte_codes,
    delimiters,
    tame_markup,
    utf8,
)
from .errors import InputError
from .model import Block, BlockKind, Document, Finding, Markup
from .normalize import flatten, squash
from .pagekind import (
    _MAIN_ITEMPROPS,
    _MAIN_TAGS,
    POST_MIN_CHARS,
    SIGNAL_TAGS,
    PageSignals,
    _main_containers,
    classify,
    comments_are_content,
    comments_not_posts,
    comments_worth_reading,
    flat_len,
    hidden_is_page,
    page_signals,
    refine_kind,
    still_truncated,
    suspect_truncation,
    text_of,
    thread_rows,
)
from .segment import segment

if TYPE_CHECKING:
    from collections.abc import Callable

    from lxml.html import HtmlElement

STAGE = "extract"

_LONG_TAG = re.compile(r"<[A-Za-z][^<>]{" + str(MAX_TAG_CHARS) + "}")
#: an element nested ``MAX_MARKUP_DEPTH`` levels under the root exists: one child step
#: per level visits each element once (``count(ancestor::*)`` on every element cost
#: O(elements x depth), 2 ms a page)
_TOO_DEEP = "boolean(/*" + "/*" * MAX_MARKUP_DEPTH + ")"
#: tables nested deeper than this become plain containers before trafilatura (text kept):
#: its table handler collects the elements of every nested table once per enclosing
#: table, so time grew with depth squared times size (10,000 nested tables took 95 s)
MAX_TABLE_DEPTH = 16
_DEEP_TABLES = f"//table[count(ancestor::table) >= {MAX_TABLE_DEPTH}]"
#: characters XML forbids (C0 controls but tab/LF/CR, U+FFFE, U+FFFF): libxml2 parses
#: them into text nodes, but lxml refuses them when a node's text is set, which
#: trafilatura does and then drops the whole page (one \x07 lost the article)
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
#: the C0 characters of ``_XML_ILLEGAL`` as bytes (in UTF-8 they are only ever
#: themselves)
_C0_ILLEGAL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])

#: class/id tokens that name page furniture rather than article content
HINT_TOKENS = (
    "related", "recommend", "popular", "trending", "most-read", "mostread", "more-stories",
    "read-more", "readmore", "also-like", "you-may", "outbrain", "taboola", "sponsored", "promo",
    "advert", "share", "sharing", "social", "follow", "author", "byline", "bio", "profile",
    "newsletter", "subscribe", "signup", "cookie", "consent", "gdpr", "comment", "breadcrumb",
    "tags", "tag-list", "taglist", "categories", "sidebar", "widget", "footer", "nav", "menu",
    "pagination", "copyright",
)
#: a token must start a class/id word (``nav`` matches ``navbar``/``main-nav``, not ``canvas``)
_HINT_RE = re.compile(
    r"(?<![a-z0-9])(?:" + "|".join(re.escape(t) for t in HINT_TOKENS) + ")", re.I
)
#: id/class of a cookie-consent manager's banner or preference centre (OneTrust, Cookiebot,
#: Complianz, GDPR Cookie Compliance, CookieYes/Cookie Law Info, Didomi, Usercentrics,
#: Quantcast, Fides and the generic ``cookie-consent``/``cookie-banner``/``cookie-notice``):
#: its text (what each cookie category does) is never the page's content, and trafilatura
#: kept it on pages where the dialog is hidden by a stylesheet class (a WCXB dev forum
#: thread: 8,000 characters of cookie categories after 1,000 of posts)
_CONSENT = re.compile(
    r"^(?:onetrust-(?:consent|pc|banner)-sdk|CybotCookiebotDialog|cmplz-cookiebanner[-\w]*"
    r"|moove_gdpr_cookie_(?:info_bar|modal)|cookie-law-info-bar|cky-consent[-\w]*"
    r"|didomi-host|usercentrics-root|qc-cmp2-container|fides-(?:banner|modal)[-\w]*"
    r"|cookie-?(?:consent|banner|notice)(?:-[a-z]+)*)$", re.I)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_HINT_TAGS = frozenset({"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "a", "td", "dd", "dt",
                        "figcaption", "blockquote"})
_MAX_HINT_CHARS = 400
_HINT_DEPTH = 10

#: page kinds whose extraction always takes trafilatura's fallback comparison: on WCXB
#: dev forum pages it scored 0.735 word F1 vs 0.667 for fast mode (25 pages), products
#: 0.650 vs 0.607 (40 pages): training figures, see BENCHMARKS.md
FALLBACK_KINDS = frozenset({"forum", "product"})

_KIND_OF_TAG: dict[str, BlockKind] = {
    "head": "heading",
    "p": "paragraph",
    "quote": "quote",
    "code": "code",
}


#: characters of a :func:`norm_key`
_KEY_CHARS = 200


#: characters of a text :func:`norm_key` squashes first (a long paragraph's key is in its head)
_KEY_HEAD = 4 * _KEY_CHARS


def norm_key(text: str) -> str:
    """Key used to match extracted blocks to source elements: the first ``_KEY_CHARS``
    characters of the squashed text. Squashing a prefix of the text gives a prefix of the
    squashed text (words joined by one space, the last one perhaps cut; ``casefold`` maps
    each character on its own), so when the head's squash is long enough it holds the key."""
    head = text[:_KEY_HEAD]
    key = squash(head)
    if len(key) >= _KEY_CHARS or len(head) == len(text):
        return key[:_KEY_CHARS]
    return squash(text)[:_KEY_CHARS]


class ExtractStage:
    """HTML -> main text (trafilatura) or text -> blocks, keeping offsets."""

    name = STAGE
    requires = ("decoded", "format")
    provides = ("text", "blocks", "block.markup", "page_kind", "findings.extract")

    def __init__(self, config: CleanerConfig) -> None:
        self.config = config.extraction

    # -- entry point ----------------------------------------------------------------

    def __call__(self, doc: Document) -> None:
        if doc.format == "html":
            self._html(doc)
        else:
            doc.extractor = doc.format
            doc.text = doc.decoded
            self._check_size(doc)  # before segmenting: a 50 MB text is refused at once
            doc.blocks = segment(doc.text, markdown=doc.format == "markdown")
        if not doc.blocks:
            doc.problems.append("no_text" if doc.format != "html" else "no_main_content")
        self._check_size(doc)

    def _check_size(self, doc: Document) -> None:
        """Refuse working texts whose cleaning time would not be bounded."""
        cfg = self.config
        if len(doc.text) > cfg.max_text_chars:
            raise InputError(
                f"working text is {len(doc.text)} characters, over the limit of "
                f"{cfg.max_text_chars} (extraction.max_text_chars)",
                reason="too_large",
            )
        if len(doc.blocks) > cfg.max_blocks:
            raise InputError(
                f"working text has {len(doc.blocks)} blocks, over the limit of "
                f"{cfg.max_blocks} (extraction.max_blocks)",
                reason="too_large",
            )

    def _check_tree_size(self, body: Any) -> None:
        """Refuse an extracted body of more top-level elements than
        ``extraction.max_tree_size`` (trafilatura's own output-tree budget, which its 2.x
        API no longer takes as an argument)."""
        limit = self.config.max_tree_size
        if limit is not None and len(body) > limit:
            raise InputError(
                f"extracted body has {len(body)} elements, over the limit of {limit} "
                "(extraction.max_tree_size)",
                reason="too_large",
            )

    # -- HTML ---------------------------------------------------------------------------

    def _html(self, doc: Document) -> None:
        doc.extractor = "trafilatura"
        tree = parse_checked(doc.decoded, doc.findings)
        if tree is None:
            doc.problems.append("unparsable_html")
            return
        scan = scan_tree(tree)  # a linear walk: before the limit, as count(//*) was
        if scan.elements > self.config.max_elements:
            raise InputError(
                f"page has {scan.elements} elements, over the limit of "
                f"{self.config.max_elements} (extraction.max_elements)",
                reason="too_large",
            )
        # a table MAX_TABLE_DEPTH tables deep needs more tables than that on the page
        deep_tables = tree.xpath(_DEEP_TABLES) if scan.tables > MAX_TABLE_DEPTH else []
        for table in deep_tables:
            table.tag = "div"
        if deep_tables:
            doc.findings.append(
                Finding(stage=STAGE, category="markup", rule="flattened_tables", score=1.0,
                        start=None, end=None, action="marked",
                        detail={"tags": len(deep_tables)})
            )
        if self.config.with_metadata:
            self._metadata(tree, doc)
        # consent dialogs go before the signals (their text is never the page's); the
        # scan saw them, so it is made again when any went
        if self.config.drop_consent and drop_consent(tree, doc.findings):
            scan = scan_tree(tree)
        signals = page_signals(tree, mains=scan.mains, tagged=scan.tagged)
        kind, kind_reason = refine_kind(tree, doc.url, signals, *classify(doc.url, signals))
        doc.page_kind = kind
        info: dict[str, Any] = {"page_kind_reason": kind_reason}
        doc.meta["extraction"] = info
        # hidden text is injected spam on articles, but collapsed tabs and accordions
        # (descriptions, specs, answers) on products, forums and docs: on WCXB dev,
        # dropping it everywhere cost product and collection pages 0.05 F1
        hidden: list[Finding] = []
        gone: list[HtmlElement] = []  # the hidden elements dropped, text or not
        if self.config.drop_hidden and (kind == "article" or self.config.drop_hidden_all):
            hidden = self._drop_hidden(tree, doc, signals, scan.hidden, gone)
        if kind == "forum" and self.config.drop_signatures:
            gone.extend(drop_signatures(tree, doc.findings))
        scanned = tree
        if kind == "article" and self.config.keep_embedded_posts:
            from .articleshape import unwrap_embedded_posts

            if kept := unwrap_embedded_posts(tree, doc.decoded):  # quoted tweets are text
                info["embedded_posts"] = kept
        with reuse(tree):  # a fallback after the fast extraction reuses what it can
            body, info["path"], info["path_reason"] = self._extract(tree, doc.url, signals, kind)
        if hidden and self.config.recover_truncation and still_truncated(info["path_reason"]):
            tree, body = self._restore_hidden(doc, tree, body, signals, kind, hidden)
        if body is None:
            return
        if kind == "article" and self.config.recover_truncation:
            from .articleshape import append_body_chunks

            if added := append_body_chunks(tree, body):  # the body's other chunks
                info["body_chunks"] = {"paragraphs": added}
            from .articleshape import restore_lost_parts

            lists, heads = restore_lost_parts(tree, body)  # lists its recovery lost
            if lists or heads:
                info["lost_parts"] = {"lists": lists, "headings": heads}
        self._check_tree_size(body)
        if self.config.comment_pages and not self.config.include_comments:
            body = self._comment_sections(tree, doc.url, signals, kind, body, info)
        doc.text, doc.blocks = blocks_from_tree(body)
        if kind == "article" and info["path"] == "fast" and self.config.recover_truncation:
            self._menu_fallback(tree, doc, info)  # a fast body that is the site's menus
        keys = [norm_key(block.text) for block in doc.blocks]
        # the scan's hint elements still in the tree: trafilatura puts back what its prunes
        # deleted (the same elements, ``_trafilatura_inplace``), the hidden drops do not
        hinted = _still_in_tree(scan.hinted, gone) if tree is scanned else None
        by_key = collect_markup(tree, wanted={k for k in keys if k}, elements=hinted)
        for block, key in zip(doc.blocks, keys, strict=True):
            block.markup = by_key.get(key)
        if self.config.block_model:
            self._block_model(doc, kind, info["path"] == "fallback")
        if self.config.dom_model:  # blocks trafilatura missed or kept wrongly (dommodel.py)
            from . import dommodel

            dommodel.refine(doc, tree, kind, stage=STAGE, rejoin=rejoin)
        if kind == "forum" and self.config.drop_repeats:
            self._drop_repeats(doc, tree, info)
        if kind == "forum" and self.config.drop_post_chrome:
            self._drop_post_chrome(doc, info)

    def _drop_repeats(self, doc: Document, tree: HtmlElement, info: dict[str, Any]) -> None:
        """Drop the blocks of a thread that quote a post the page already holds (the text
        repeats other blocks: :func:`cleaner.threadshape.repeated_blocks`, and the page
        prints it inside a quote: :func:`cleaner.threadshape.quoted_copies`; a post a
        reader pasted again outside a quote is kept); each drop is a ``repeated_post``
        finding with the share of its words held elsewhere; ``extraction.repeats`` counts
        them. Never every block."""
        from .threadshape import quoted_copies, repeated_blocks

        found = repeated_blocks([b.text for b in doc.blocks])
        if found:
            quoted = quoted_copies(tree, [doc.blocks[i].text for i, _ in found])
            found = [f for f, q in zip(found, quoted, strict=True) if q]
        if not found or len(found) == len(doc.blocks):
            return
        for i, share in found:
            block = doc.blocks[i]
            doc.findings.append(Finding(
                stage=STAGE, category="duplicate", rule="repeated_post", score=share,
                start=None, end=None, action="dropped",
                detail={"chars": len(block.text), "kind": block.kind, "share": share}))
        _drop_blocks(doc, {i for i, _ in found}, info, "repeats")

    def _drop_post_chrome(self, doc: Document, info: dict[str, Any]) -> None:
        """Drop a thread's per-post chrome: lines printed alike with three or more posts
        (:func:`cleaner.threadshape.chrome_lines`; code blocks are never chrome). Each
        drop is a ``post_chrome`` finding with the key it shares and how often;
        ``extraction.post_chrome`` counts them. Never every block."""
        from .threadshape import chrome_lines

        found = chrome_lines([b.text if b.kind != "code" else "" for b in doc.blocks])
        if not found or len(found) == len(doc.blocks):
            return
        for i, key, count in found:
            block = doc.blocks[i]
            doc.findings.append(Finding(
                stage=STAGE, category="chrome", rule="post_chrome", score=float(count),
                start=None, end=None, action="dropped",
                detail={"chars": len(block.text), "kind": block.kind,
                        "key": key.split(":", 1)[0], "repeats": count}))
        _drop_blocks(doc, {i for i, _, _ in found}, info, "post_chrome")

    def _metadata(self, tree: HtmlElement, doc: Document) -> None:
        """trafilatura's page metadata from this tree, before hidden elements are dropped
        (raw: :func:`cleaner.metadata.publish` redacts it after the PII stage)."""
        from .metadata import extract

        doc.meta["page_metadata"] = extract(tree, doc.url)

    def _extract(
        self, tree: HtmlElement, url: str | None, signals: PageSignals, kind: str
    ) -> tuple[Any, str, str]:
        """(trafilatura body, path, why): ``fast`` unless configured otherwise or the page
        kind is one where the fallback pays (forums, products); when the fast result looks
        truncated (or is empty), trafilatura's fallback comparison (readability, jusText)
        runs too and the longer result wins."""
        if self.config.fallback:
            return self._trafilatura(tree, url, fast=False), "fallback", "configured"
        if kind in FALLBACK_KINDS and self.config.recover_truncation:
            return self._trafilatura(tree, url, fast=False), "fallback", f"page_kind:{kind}"
        body = self._trafilatura(tree, url, fast=True)  # works on a copy of ``tree``
        chars = _body_chars(body)
        why = "empty" if body is None else suspect_truncation(chars, signals)
        if why is None or not self.config.recover_truncation:
            return body, "fast", why or "complete"
        alt = self._trafilatura(tree, url, fast=False)
        if alt is not None and _body_chars(alt) > chars:
            return alt, "fallback", why
        return body, "fast", f"{why}:fallback_not_longer"

    def _menu_fallback(self, tree: HtmlElement, doc: Document, info: dict[str, Any]) -> None:
        """trafilatura's fallback body in place of a fast body shaped like a menu (many
        blocks, few of its words in sentences: :mod:`cleaner.articleshape`), when the fallback
        keeps most of its sentences in a shorter, more sentence-like body;
        ``extraction.menu_shaped`` records the fast body's shape."""
        from .articleshape import (
            MENU_MAX_MEAN_CHARS,
            MENU_MIN_BLOCKS,
            fallback_better,
            menu_shaped,
            sentence_words,
        )

        count = len(doc.blocks)
        if count < MENU_MIN_BLOCKS or len(doc.text) >= MENU_MAX_MEAN_CHARS * count:
            return
        fast = sentence_words(block.text for block in doc.blocks)
        if not menu_shaped(fast):
            return
        alt = self._trafilatura(tree, doc.url, fast=False)
        if alt is None:
            return
        text, blocks = blocks_from_tree(alt)
        if not fallback_better(fast, sentence_words(block.text for block in blocks)):
            return
        self._check_tree_size(alt)
        info["path"], info["path_reason"] = "fallback", "menu_shaped"
        info["menu_shaped"] = {"blocks": fast[0], "words": fast[1], "sentence_words": fast[2]}
        doc.text, doc.blocks = text, blocks

    def _restore_hidden(
        self, doc: Document, tree: HtmlElement, body: Any, signals: PageSignals, kind: str,
        hidden: list[Finding],
    ) -> tuple[HtmlElement, Any]:
        """The page extracted again with its hidden elements kept, when the extraction
        without them still looks truncated after the fallback: on WCXB dev service pages
        the hidden text was the content (collapsed FAQ panels, sections a script reveals,
        and menus whose removal made trafilatura pick another container). The longer
        result wins; when it is the one with hidden text, the ``hidden_element`` findings
        are withdrawn and ``extraction.hidden_restored`` says why. Only when the page
        *without* its hidden elements still holds far more than the extraction (its visible
        main container, paragraphs or body text; not JSON-LD, which says nothing about what
        is shown): when only the hidden text made the page look longer, that text is what
        injected spam looks like, and it stays dropped."""
        visible = replace(page_signals(tree), ld_body_chars=0)
        if suspect_truncation(_body_chars(body), visible) is None:
            return tree, body
        whole = parse_checked(doc.decoded, [])
        if whole is None:
            return tree, body
        for table in whole.xpath(_DEEP_TABLES):
            table.tag = "div"
        if self.config.drop_consent:
            drop_consent(whole, [])
        info = doc.meta["extraction"]
        with reuse(whole):
            alt, path, reason = self._extract(whole, doc.url, signals, kind)
        if alt is None or _body_chars(alt) <= _body_chars(body):
            return tree, body
        info["hidden_restored"] = {
            "elements": len(hidden), "chars": sum(f.detail["chars"] for f in hidden),
            "reason": f"still_truncated:{info['path_reason']}"}
        info["path"], info["path_reason"] = path, reason
        withdrawn = {id(f) for f in hidden}
        doc.findings[:] = [f for f in doc.findings if id(f) not in withdrawn]
        return whole, alt

    def _comment_sections(
        self, tree: HtmlElement, url: str | None, signals: PageSignals, kind: str, body: Any,
        info: dict[str, Any],
    ) -> Any:
        """``body`` with trafilatura's comment section appended when it is the page's
        content (:func:`cleaner.pagekind.comments_are_content`: a forum's posts, or a
        discussion that far outweighs a story's blurb or link) and holds posts
        (:func:`cleaner.pagekind.comments_not_posts`, :func:`cleaner.pagekind.thread_rows`:
        not a forum index's thread list, with or without excerpts);
        ``extraction.comments`` says why and how much, ``extraction.comments_skipped``
        why a section found was left out. The comment extraction runs only where
        :func:`cleaner.pagekind.comments_worth_reading` lets it (cheap signals first)."""
        chars = _body_chars(body)
        if not comments_worth_reading(kind, chars, signals):
            return body
        comments = self._trafilatura(tree, url, fast=True, comments=True)
        comment_chars = _body_chars(comments)
        why = comments_are_content(kind, chars, comment_chars)
        if why is not None and comments is not None:
            blocks = blocks_from_tree(comments)[1]
            not_posts = comments_not_posts(_link_shapes(tree, blocks)) or thread_rows(
                tree, [b.text for b in blocks if len(b.text) >= POST_MIN_CHARS], url)
            if not_posts is not None:  # a list of threads is not a thread
                info["comments_skipped"] = {"chars": comment_chars, "reason": not_posts}
                return body
            for child in list(comments):
                body.append(child)
            info["comments"] = {"chars": comment_chars, "reason": why}
        return body

    def _block_model(self, doc: Document, kind: str, fallback: bool) -> None:
        """Drop the blocks the learned model scores as not main content (each drop is a
        finding with the keep probability); never every block."""
        from .blockmodel import block_features, shipped_model

        model = shipped_model()
        if model is None or not doc.blocks:
            return
        feats = block_features(doc.blocks, page_kind=kind, fallback=fallback)
        probs = [model.keep_probability(x) for x in feats]
        keep = [p >= model.threshold for p in probs]
        if all(keep) or not any(keep):
            return
        for block, p, k in zip(doc.blocks, probs, keep, strict=True):
            if not k:
                doc.findings.append(
                    Finding(stage=STAGE, category="boilerplate", rule="block_model",
                            score=round(1.0 - p, 4), start=None, end=None, action="dropped",
                            detail={"chars": len(block.text), "kind": block.kind,
                                    "keep_probability": round(p, 4)})
                )
        doc.text, doc.blocks = rejoin([b for b, k in zip(doc.blocks, keep, strict=True) if k])

    def _trafilatura(
        self, tree: HtmlElement, url: str | None, *, fast: bool, comments: bool = False
    ) -> Any:
        """trafilatura's body of ``tree``, or (``comments``) its comment section."""
        from ._trafilatura_inplace import bare_extraction  # on ``tree`` itself, no copy

        _skip_unused_backup()
        cfg = self.config
        result = bare_extraction(
            tree,
            url=url,
            options=_extractor(
                url, precision=cfg.favor == "precision", recall=cfg.favor == "recall",
                fast=fast, comments=cfg.include_comments or comments,
                tables=cfg.include_tables,
            ),
            # no ``max_tree_size``: trafilatura 2.x raises ValueError for any value of that
            # deprecated argument; the budget is checked in :meth:`_check_tree_size`
        )
        if result is None:
            return None
        body = getattr(result, "commentsbody" if comments else "body", None)
        if body is None or len(body) == 0:
            return None
        return body

    def _drop_hidden(
        self, tree: HtmlElement, doc: Document, signals: PageSignals,
        hidden: list[HtmlElement] | None = None, gone: list[HtmlElement] | None = None,
    ) -> list[Finding]:
        """Drop the elements hidden from readers (``hidden``: :func:`hidden_elements` of
        ``tree`` when already found; ``gone``: each one dropped is appended); the
        findings of those with text."""
        dropped: list[Finding] = []
        if hidden is None:
            hidden = hidden_elements(tree)
        for el in hidden:
            parent = el.getparent()
            if parent is None:
                continue
            chars = flat_len(el.text_content())
            if hidden_is_page(el, chars, signals):  # the page itself, shown by a script
                doc.meta["extraction"]["hidden_kept"] = {
                    "chars": chars, "reason": "hidden_is_page"}
                continue
            if chars:
                finding = Finding(
                    stage=STAGE,
                    category="hidden",
                    rule="hidden_element",
                    score=1.0,
                    start=None,
                    end=None,
                    action="dropped",
                    detail={"tag": el.tag, "line": el.sourceline, "chars": chars},
                )
                doc.findings.append(finding)
                dropped.append(finding)
            if gone is not None:
                gone.append(el)
            el.drop_tree()
        return dropped


def drop_signatures(tree: HtmlElement, findings: list[Finding]) -> list[HtmlElement]:
    """Drop the posters' signatures of a thread (:func:`cleaner.threadshape.
    signature_elements`) before extraction; each with text is a ``signature`` finding in
    ``findings`` (its length only: a signature is a member's own line, often their name
    and links). The elements dropped."""
    from .threadshape import signature_elements

    found = signature_elements(tree)
    _drop_elements(found, findings, category="signature", rule="post_signature")
    return found


def _drop_elements(els: list[HtmlElement], findings: list[Finding], *, category: str,
                   rule: str) -> None:
    """Drop ``els`` from their tree; each with text is a ``category``/``rule`` finding in
    ``findings`` with its tag, source line and length (never its text)."""
    for el in els:
        chars = flat_len(el.text_content())
        if chars:
            findings.append(Finding(
                stage=STAGE, category=category, rule=rule, score=1.0,
                start=None, end=None, action="dropped",
                detail={"tag": el.tag, "line": el.sourceline, "chars": chars}))
        el.drop_tree()


def _drop_blocks(doc: Document, gone: set[int], info: dict[str, Any], key: str) -> None:
    """Drop the blocks at the indexes ``gone`` from ``doc`` (text rejoined) and count them
    under ``info[key]`` (blocks and characters)."""
    info[key] = {"blocks": len(gone), "chars": sum(len(doc.blocks[i].text) for i in gone)}
    doc.text, doc.blocks = rejoin([b for i, b in enumerate(doc.blocks) if i not in gone])


#: trafilatura ``Extractor`` objects without a URL, by their options (see :func:`_extractor`)
_extractors: dict[tuple[bool, ...], Any] = {}


def _extractor(
    url: str | None, *, precision: bool, recall: bool, fast: bool, comments: bool, tables: bool
) -> Any:
    """The ``Extractor`` trafilatura's ``bare_extraction`` builds from its arguments for
    ``url`` and the flags (``precision``, ``recall``, ``fast``, ``comments``, ``tables``),
    with ``output_format="txt"`` (only ``body`` is read: "python" would also render it to
    text, xmltotxt, ~0.5 ms a page; nothing else in bare_extraction reads the format) and
    no metadata: a copy of one built once without a URL, its ``url`` and ``source`` set
    as ``Extractor.__init__`` sets them (building one reads eight settings through
    ``ConfigParser``, 0.16 ms; a copy costs microseconds). The extraction never changes
    the object it is given (the recall retry works on its own copy); its ``date_params``
    (today's date) are read only for metadata, which is off."""
    import copy

    key = (precision, recall, fast, comments, tables)
    template = _extractors.get(key)
    if template is None:
        from trafilatura.settings import Extractor

        template = _extractors[key] = Extractor(
            output_format="txt", with_metadata=False, precision=precision, recall=recall,
            fast=fast, comments=comments, tables=tables)
    options = copy.copy(template)
    options.url = url
    options.source = url and url.encode("utf-8", "replace").decode("utf-8")
    return options


def drop_consent(tree: HtmlElement, findings: list[Finding]) -> bool:
    """Drop cookie-consent banners and preference centres (``_CONSENT``: an id, or one
    class token, naming a consent manager's container) before extraction; each drop with
    text is a ``consent_dialog`` finding in ``findings``. Whether anything was dropped."""
    found = []
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in ("html", "head", "body"):
            continue
        names = (el.get("id") or "").split() + (el.get("class") or "").split()
        if any(_CONSENT.match(name) for name in names):
            found.append(el)
    # the outermost ones only (a nested match goes with its container)
    outer = [el for el in found
             if el.getparent() is not None and not any(up in found for up in el.iterancestors())]
    _drop_elements(outer, findings, category="boilerplate", rule="consent_dialog")
    return bool(found)


#: elements whose hidden attributes are not looked at (their text is not shown anyway)
_NOT_HIDDEN_TAGS = frozenset({"script", "style", "template", "head"})


def _is_hidden(el: HtmlElement) -> bool:
    """Whether ``el`` is hidden from readers by an attribute (``hidden``,
    ``aria-hidden="true"``, a ``display:none``/``visibility:hidden`` style)."""
    if not isinstance(el.tag, str) or el.tag in _NOT_HIDDEN_TAGS:
        return False
    attrib = el.attrib
    return bool(
        "hidden" in attrib
        or attrib.get("aria-hidden") == "true"
        or ("style" in attrib and _HIDDEN_STYLE.search(attrib["style"]))
    )


def hidden_elements(tree: HtmlElement) -> list[HtmlElement]:
    """The elements of ``tree`` (itself included) hidden from readers, in document order."""
    return [el for el in tree.iter() if _is_hidden(el)]


@dataclass(frozen=True, slots=True)
class TreeScan:
    """What one walk of the parsed page finds for the steps after it."""

    #: :func:`cleaner.pagekind._main_containers` of the page
    mains: list[HtmlElement]
    #: :func:`hidden_elements` of the page
    hidden: list[HtmlElement]
    #: ``<table>`` elements
    tables: int
    #: elements of the whole document, as ``count(//*)`` counts them
    elements: int
    #: the elements :func:`cleaner.pagekind.page_signals` reads (``SIGNAL_TAGS``), in
    #: document order; None for a fragment root (page_signals then walks for them)
    tagged: list[HtmlElement] | None = None
    #: the elements :func:`collect_markup` reads (``_HINT_TAGS``), in document order;
    #: None for a fragment root
    hinted: list[HtmlElement] | None = None


#: the attributes :func:`scan_tree` reads: an element with none of them is neither a
#: main container by attribute nor hidden (most elements with attributes)
_SCAN_KEYS = frozenset({"role", "itemprop", "hidden", "aria-hidden", "style"})


def scan_tree(tree: HtmlElement) -> TreeScan:
    """Main-looking containers, hidden elements, the elements page signals read, the
    table and element counts in one walk of the elements (separate walks cost twice as
    much: the attribute look-ups are shared, and counting while walking is cheaper than
    the XPath ``count(//*)``; page_signals' own tag walk cost 0.14 ms a page on the
    article pages, the list here next to nothing; so did collect_markup's, 0.18 ms).
    The lists are the functions' own, element for element: the main containers are
    those of the whole document, the hidden, tagged and hinted elements those of
    ``tree``; for a fragment root (not the document's root) the first two are found by
    their own walks and the last two are None.
    The tables and elements are those of the whole document, as ``//table`` and ``//*``
    find them: a broken page can parse into a root element and siblings of it (a second
    ``<html>``), which no walk of the root visits."""
    import lxml.etree

    element = lxml.etree.Element  # as a tag filter: elements only, no comments or entities
    root = tree.getroottree().getroot()
    tables = elements = 0
    for sibling in (*root.itersiblings(preceding=True), *root.itersiblings()):
        for el in sibling.iter(element):
            elements += 1
            tables += el.tag == "table"
    if root is not tree:
        tables += sum(1 for _ in root.iter("table"))
        elements = int(tree.xpath("count(//*)"))
        return TreeScan(_main_containers(tree), hidden_elements(tree), tables, elements)
    mains: list[HtmlElement] = []
    hidden: list[HtmlElement] = []
    tagged: list[HtmlElement] = []
    hinted: list[HtmlElement] = []
    search = _HIDDEN_STYLE.search
    unread = _SCAN_KEYS.isdisjoint
    for el in tree.iter(element):
        elements += 1
        tag = el.tag
        if tag in SIGNAL_TAGS:
            tagged.append(el)
        if tag in _HINT_TAGS:
            hinted.append(el)
        if tag in _MAIN_TAGS:
            mains.append(el)
        elif tag == "table":
            tables += 1
        keys = el.keys()
        if not keys or unread(keys):  # most elements: no attribute to read
            continue
        get = el.get
        if tag not in _MAIN_TAGS and (
            ("role" in keys and get("role") == "main")
            or ("itemprop" in keys and get("itemprop") in _MAIN_ITEMPROPS)
        ):
            mains.append(el)
        if tag not in _NOT_HIDDEN_TAGS and (
            "hidden" in keys
            or get("aria-hidden") == "true"
            or ("style" in keys and search(get("style")))
        ):
            hidden.append(el)
    return TreeScan(mains, hidden, tables, elements, tagged, hinted)


# -- raw HTML -> checked tree (one UTF-8 encoding serves every check and the parse) -----


def _html_parser() -> Any:
    """lxml's HTML parser with a C-level element class lookup: every element is an
    ``HtmlElement`` (lxml.html's own lookup is a Python callback, run each time an
    element proxy is made, ~480,000 times for the 181 article pages, and only differs
    for the form-control classes, whose extra methods nothing here uses); and without
    libxml2's table of ``id`` attributes (``collect_ids=False``: read only by the XPath
    ``id()`` function, which neither trafilatura nor this package calls; building it cost
    ~7 % of the parse)."""
    import lxml.etree
    import lxml.html

    parser = lxml.etree.HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, huge_tree=True,
        collect_ids=False,
    )
    parser.set_element_class_lookup(
        lxml.etree.ElementDefaultClassLookup(
            element=lxml.html.HtmlElement,
            comment=lxml.html.HtmlComment,
            pi=lxml.html.HtmlProcessingInstruction,
            entity=lxml.html.HtmlEntity,
        )
    )
    return parser


def _has_xml_illegal(markup: str, data: bytes, codes: Any = None) -> bool:
    """Whether ``markup`` (``data``: its UTF-8 encoding; ``codes``: ``data`` as a numpy
    ``uint8`` array, when made) holds a character of ``_XML_ILLEGAL``: the C0 controls
    on the bytes (numpy picks the bytes under 0x20, then counts those that are not tab,
    LF or CR: 3x faster than a ``translate`` deleting them), the two non-characters on
    the text, where a search for a character wider than the string's storage (every
    page without characters past U+00FF) returns at once (on the bytes the two searches
    cost 0.28 ms a page; the whole test was 3x faster than the regex on the text)."""
    if codes is None:
        c0 = len(data) - len(data.translate(None, _C0_ILLEGAL_BYTES))
    else:
        import numpy as np

        low = codes[codes < 0x20]  # the page's line breaks and tabs, mostly
        c0 = int(np.count_nonzero((low != 0x09) & (low != 0x0A) & (low != 0x0D)))
    return c0 != 0 or "\ufffe" in markup or "\uffff" in markup


def _without_xml_illegal(markup: str) -> bytes:
    # VT and FF are white space in HTML
    markup = _XML_ILLEGAL.sub(lambda m: " " if m[0] in "\x0b\x0c" else "", markup)
    return markup.encode("utf-8", "surrogatepass")


#: the ASCII letters, as byte values (``[A-Za-z]``)
_ASCII_LETTER_BYTES = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _has_long_tag(markup: str, data: bytes, codes: Any = None, at: Any = None) -> bool:
    """``_LONG_TAG`` in ``markup`` (``data``: its UTF-8 encoding; ``codes``, ``at``: its
    :func:`cleaner.detect.byte_codes` and :func:`cleaner.detect.delimiters`, when
    made), found on the bytes.

    The pattern matches at a ``<`` followed by an ASCII letter when the run of
    characters from that letter to the next ``<`` or ``>`` (or the end) is longer than
    ``MAX_TAG_CHARS``. Both delimiters are ASCII, so the runs of the bytes are those of
    the text, each a character's bytes whole; a run's characters are its bytes that are
    not UTF-8 continuation bytes (0x80-0xBF; a lone surrogate's three bytes, written by
    ``surrogatepass``, are one character too). numpy finds the delimiters and the runs
    longer than the limit in bytes, the few candidates are then counted in characters
    (the regex on the bytes, then on the text, cost 0.4-0.9 ms a page: its class scan
    reads every byte inside tags)."""
    if len(data) <= MAX_TAG_CHARS:
        return False
    import numpy as np

    if codes is None:
        codes = byte_codes(data)
    if at is None:
        at = delimiters(codes)
    if not len(at):
        return False
    ends = np.empty_like(at)
    ends[:-1] = at[1:]
    ends[-1] = len(data)
    # a ``<`` with more than MAX_TAG_CHARS bytes before the next delimiter
    long_runs = (ends - at > MAX_TAG_CHARS + 1) & (codes[at] == 0x3C)
    for start, end in zip(at[long_runs].tolist(), ends[long_runs].tolist(), strict=True):
        if data[start + 1] not in _ASCII_LETTER_BYTES:
            continue
        run = codes[start + 1 : end]
        if len(run) - int(np.count_nonzero((run & 0xC0) == 0x80)) > MAX_TAG_CHARS:
            return True
    return False


def _parse_bytes(data: bytes, parser: Any) -> HtmlElement | None:
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.fromstring(data, parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return None
    return root if root is not None and isinstance(root.tag, str) else None


_per_thread = threading.local()


def _too_deep(tree: HtmlElement) -> bool:
    """``_TOO_DEEP`` on ``tree``, compiled once per thread (compiling its 513 steps
    cost more than evaluating them: 0.25 -> 0.11 ms a page); one object per thread so
    that no compiled XPath is shared between threads."""
    xpath = getattr(_per_thread, "too_deep", None)
    if xpath is None:
        import lxml.etree

        xpath = _per_thread.too_deep = lxml.etree.XPath(_TOO_DEEP)
    return bool(xpath(tree))


def parse_checked(markup: str, findings: list[Finding]) -> HtmlElement | None:
    """The page parsed, tamed first when needed (each taming a ``markup`` finding
    appended to ``findings``); None when unparsable.

    Taming reads every tag, so it only runs when needed: a start tag too long to parse
    cheaply, or a parsed tree nested deeper than the limit (libxml2 silently stops at
    2048 levels, so the first parse may be truncated); it is given the page's bytes, on
    which it can often skip its walk (:func:`cleaner.detect.tame_markup`). Characters
    XML forbids are removed before parsing. The raw checks read one numpy view of the
    UTF-8 bytes (:func:`cleaner.detect.byte_codes`, :func:`cleaner.detect.delimiters`)."""
    parser = _html_parser()
    raw = data = utf8(markup)  # the input's encoding from to_text when this is the input
    codes = byte_codes(raw)  # one numpy view of the bytes for every check and the taming
    at = delimiters(codes)
    long_tag = _has_long_tag(markup, raw, codes, at)
    if _has_xml_illegal(markup, raw, codes):
        data = _without_xml_illegal(markup)
    tree = None if long_tag else _parse_bytes(data, parser)
    if tree is None or _too_deep(tree):
        tamed_markup, tamed = tame_markup(markup, raw, codes, at)
        for rule, count in tamed.items():
            if count:
                # markup only: no text is lost, but the report says the page was altered
                findings.append(
                    Finding(stage=STAGE, category="markup", rule=rule, score=1.0,
                            start=None, end=None, action="marked", detail={"tags": count})
                )
        data = tamed_markup.encode("utf-8", "surrogatepass")
        if _has_xml_illegal(tamed_markup, data):
            data = _without_xml_illegal(tamed_markup)
        tree = _parse_bytes(data, parser)
    return tree


# -- trafilatura's unused backup copy ----------------------------------------------------

_lean_installed = False


def _skip_unused_backup() -> None:
    """Let trafilatura skip the backup copy of the cleaned tree when nothing reads it.

    ``trafilatura.core._prepare_tree`` returns ``(converted, backup)``; the backup (a
    copy of the whole cleaned tree, ~1 ms a page) is read only by the fallback
    comparison (``fast=False``) and by the forum-comments branch (comments on). In fast
    mode without comments it is dropped unread, so the wrapper returns ``None`` there and
    delegates every other call unchanged: output is the same for every caller in the
    process. Installed once, and only when the function has the expected shape (another
    trafilatura version is left alone)."""
    global _lean_installed
    if _lean_installed:
        return
    _lean_installed = True
    import inspect

    try:
        import trafilatura.core as core
    except ImportError:  # pragma: no cover - trafilatura is a dependency
        return
    _bound_page_measure(core)  # installed (or not) on its own shape check
    from . import _trafilatura_prune

    _trafilatura_prune.install()  # prune XPaths as Python walks, each on its own text check
    _trafilatura_prune.install_link_texts()  # link texts once a link-density pass
    from . import _trafilatura_justext

    _trafilatura_justext.install()  # jusText's paragraphs without SAX events
    original = getattr(core, "_prepare_tree", None)
    if original is None or getattr(original, "_cleaner_lean", False):
        return
    try:
        source = inspect.getsource(original)
    except (OSError, TypeError):  # pragma: no cover - no source: leave it alone
        return
    expected = ("cleaned = tree_cleaning(copy(tree), options)", "backup = copy(cleaned)",
                "cleaned = convert_tags(cleaned, options, url)")
    if not all(line in source for line in expected) or len(source.splitlines()) > 8:
        return

    def prepare_tree(tree: Any, options: Any, url: str | None) -> tuple[Any, Any]:
        if getattr(options, "fast", False) is True and getattr(options, "comments", True) is False:
            # looked up at call time, as the original does (a profiler's timers see them)
            cleaned = core.tree_cleaning(core.copy(tree), options)
            return core.convert_tags(cleaned, options, url), None
        return original(tree, options, url)

    prepare_tree._cleaner_lean = True  # type: ignore[attr-defined]
    core._prepare_tree = prepare_tree


def _bound_page_measure(core: Any) -> None:
    """Skip trafilatura's escalation page measure when a cheap bound already decides it.

    ``trafilatura_sequence`` escalates only when ``len(temp_text) <
    ESCALATION_PAGE_SHARE * len(html2txt(tree))``; ``html2txt`` copies the tree, deletes
    ``BASIC_CLEAN_XPATH`` and spaces block elements (~4 ms a call on the article pages).
    :func:`page_measure_bound` is at least that length without copying or cleaning the
    tree; when the bound already fails the gate, the exact measure fails it too, and
    ``""`` (which fails it as well) is returned: the gate decides as before, escalation
    runs on the same pages. The wrapper reads ``temp_text`` from the gate's frame, is
    installed in ``trafilatura.core`` only (whose one use of ``html2txt`` is that gate),
    only when the gate and ``BASIC_CLEAN_XPATH`` have the expected shape, and delegates
    every other call unchanged."""
    import importlib
    import inspect
    import sys

    original = getattr(core, "html2txt", None)
    sequence = getattr(core, "trafilatura_sequence", None)
    if original is None or sequence is None or getattr(original, "_cleaner_bound", False):
        return
    try:
        module_source = inspect.getsource(core)
        source = inspect.getsource(sequence)
        from lxml.html import HtmlElement as element_type
        from trafilatura.baseline import _BLOCK_ELEMS as blocks
        from trafilatura.settings import BASIC_CLEAN_XPATH

        cleaned_path = str(BASIC_CLEAN_XPATH.path)
    except (OSError, TypeError, ImportError, AttributeError):  # pragma: no cover
        return
    gate = "and len(temp_text) < ESCALATION_PAGE_SHARE * len(html2txt(tree))"
    if (module_source.count("html2txt(tree)") != 2  # the gate and its NOTE comment
            or gate not in source or not isinstance(blocks, (set, frozenset))
            or not cleaned_path.startswith(_ALWAYS_CLEANED_XPATH + "|")):
        return
    tags = tuple(blocks)
    blockset = frozenset(blocks)
    code = sequence.__code__
    baseline = importlib.import_module("trafilatura.baseline")  # the module, not the function

    def html2txt(content: Any, clean: bool = True) -> str:
        # the gate's frame: the caller, or a frame or two up when a timer wraps this
        frame: Any = sys._getframe(1)
        for _ in range(3):
            if frame is None or frame.f_code is code:
                break
            frame = frame.f_back
        if frame is not None and frame.f_code is code and clean:
            local = frame.f_locals
            temp_text = local.get("temp_text")
            body = content.find(".//body") if isinstance(content, element_type) else None
            if local.get("tree") is content and body is not None:
                # each measure of this pruned tree once: the fallback extraction after a
                # fast one of the same tree reaches the gate with the same tree
                found, bound = memo_find(content, "page_measure_bound")
                if not found and isinstance(temp_text, str):
                    bound = page_measure_bound(body, tags)
                    memo_add(content, "page_measure_bound", bound)
                if (isinstance(temp_text, str) and bound is not None
                        and not len(temp_text) < core.ESCALATION_PAGE_SHARE * bound):
                    return ""  # the gate fails on the bound, so on the exact measure too
                found, exact = memo_find(content, "page_measure")
                if not found:
                    exact = page_measure(body, blockset, _basic_clean_test(baseline, body))
                    memo_add(content, "page_measure", exact)
                if exact is not None:  # the gate reads only the length
                    return " " * exact
        return str(original(content, clean))

    html2txt._cleaner_bound = True  # type: ignore[attr-defined]
    core.html2txt = html2txt


def _basic_clean_test(baseline: Any, body: Any) -> Callable[[Any], bool]:
    """Whether ``basic_cleaning(body)`` deletes an element (one outside every deleted
    subtree): the predicate of ``BASIC_CLEAN_XPATH`` when it is the Python walk of
    :mod:`cleaner._trafilatura_prune` over every descendant (its predicate reads only the
    element's own tag and attributes), else membership in what the expression selects."""
    from ._trafilatura_prune import PyPrune

    expression = baseline.BASIC_CLEAN_XPATH
    if isinstance(expression, PyPrune) and not expression.tags:
        return expression.keep
    return set(expression(body)).__contains__


def page_measure(body: Any, blocks: frozenset[str], cleaned: Callable[[Any], bool]) -> int | None:
    """``len(trafilatura.baseline.html2txt(tree))`` for the tree whose ``<body>`` is
    ``body`` (trafilatura 2.3.1), in one walk of the tree, which is left untouched; None
    when the tree holds a node kind the walk does not read (an entity reference).

    html2txt copies the tree, deletes the elements ``basic_cleaning`` selects
    (``cleaned``; each one's tail joined to the previous sibling's tail or the parent's
    text), then sets every block element's text and tail to ``" " + remove_control_
    characters(value)`` and normalises ``text_content()`` (``" ".join(t.split())``,
    whose length is non-space characters plus words minus one). The walk reads the text
    pieces in document order: a deleted element's subtree is skipped and its tail read
    where it was, control characters removed from it when the slot it joins (the nearest
    earlier sibling left, else the parent) is a block's; comments and processing
    instructions (whose text ``text_content`` leaves out) pass their tails on, and a
    deleted element's tail joins theirs unfiltered, as ``getprevious`` finds them.
    Also None when the body's text holds a character XML forbids (``_XML_ILLEGAL``;
    pages are parsed without them): html2txt raises ``ValueError`` when it writes one
    into a text or tail."""
    from lxml.etree import Comment, ProcessingInstruction
    from trafilatura.utils import remove_control_characters as rcc

    if _XML_ILLEGAL.search(body.text_content()):
        return None

    chars = words = 0
    joined = False  # the last character read is not white space: a word may go on

    def read(text: str) -> None:
        nonlocal chars, words, joined
        if not text:
            return
        parts = text.split()
        if parts:
            chars += sum(map(len, parts))
            words += len(parts)
            if joined and not text[0].isspace():
                words -= 1  # the first part continues the last word
        joined = not text[-1].isspace()

    block = body.tag in blocks
    if block:
        joined = False  # the space before its text
    if body.text:
        read(rcc(body.text) if block else body.text)
    # per open element: its children, whether a deleted child's tail joins a block's
    # slot, the element, whether it is a block
    stack: list[list[Any]] = [[iter(body), block, body, block]]
    while stack:
        frame = stack[-1]
        child = next(frame[0], None)
        if child is None:
            stack.pop()
            if stack:  # the element's tail (the body's own is not in its text)
                el, block = frame[2], frame[3]
                if block:
                    joined = False
                if el.tail:
                    read(rcc(el.tail) if block else el.tail)
                stack[-1][1] = block
            continue
        tag = child.tag
        if not isinstance(tag, str):
            if tag is not Comment and tag is not ProcessingInstruction:
                return None
            if child.tail:
                read(child.tail)
            frame[1] = False
        elif cleaned(child):
            if child.tail:
                read(rcc(child.tail) if frame[1] else child.tail)
        else:
            block = tag in blocks
            if block:
                joined = False
            if child.text:
                read(rcc(child.text) if block else child.text)
            stack.append([iter(child), block, child, block])
    return chars + words - 1 if words else 0


#: the parts of trafilatura's ``BASIC_CLEAN_XPATH`` that test no regular expression: every
#: element they match is deleted by ``basic_cleaning`` (checked at install: its XPath
#: begins with these)
_ALWAYS_CLEANED = (".//aside", ".//div[contains(@class|@id, 'footer')]", ".//fencedframe",
                   ".//footer", ".//script", ".//style", ".//svg", ".//template")
_ALWAYS_CLEANED_XPATH = "|".join(_ALWAYS_CLEANED)


#: the tags of ``_ALWAYS_CLEANED`` matched by name alone (all but the footer divs)
_ALWAYS_CLEANED_TAGS = ("aside", "fencedframe", "footer", "script", "style", "svg", "template")


def _always_cleaned(body: Any) -> list[Any]:
    """The elements ``_ALWAYS_CLEANED_XPATH`` selects under ``body`` (not in document
    order): one tag walk and the footer-div step compiled once per thread (the
    eight-way union scanned the tree eight times: 0.18 against 0.11 ms a page)."""
    xpath = getattr(_per_thread, "footer_divs", None)
    if xpath is None:
        import lxml.etree

        xpath = _per_thread.footer_divs = lxml.etree.XPath(_ALWAYS_CLEANED[1])
    found = list(body.iterdescendants(*_ALWAYS_CLEANED_TAGS))
    found.extend(xpath(body))
    return found


def _words(text: str) -> tuple[int, int]:
    """(non-space characters, words) of ``text``."""
    parts = text.split()
    return sum(map(len, parts)), len(parts)


def page_measure_bound(body: Any, block_tags: tuple[str, ...]) -> int:
    """An upper bound on ``len(trafilatura.baseline.html2txt(tree))`` for the tree whose
    ``<body>`` is ``body``, the tree left untouched.

    html2txt's text is normalised (``" ".join(text.split())``): its length is non-space
    characters plus words minus one. Its text is the body's with the cleaned elements'
    text (not their tails) taken out and spaces put around block elements.
    Taking out an element's text (a substring) removes its non-space characters and at
    least all its words but the two at its ends (which may be parts of longer words);
    taking out more (the regex-matched elements) or control characters never adds a
    word or a character; each block element's two spaces add at most one word each."""
    chars, words = _words(body.text_content())
    matched = _always_cleaned(body)
    seen = set(matched)
    for el in matched:
        if any(up in seen for up in el.iterancestors()):
            continue  # inside an element already counted: its text is in that one's
        gone_chars, gone_words = _words(el.text_content())
        chars -= gone_chars
        words -= max(0, gone_words - 2)
    blocks = sum(1 for _ in body.iter(*block_tags))
    return chars + max(0, words - 1) + 2 * blocks


def collect_markup(
    tree: HtmlElement, wanted: set[str] | None = None,
    elements: list[HtmlElement] | None = None,
) -> dict[str, Markup]:
    """For short block elements: tag, link density and container class/id hints,
    keyed by :func:`norm_key` of their text; only for the keys in ``wanted`` when
    given (the blocks the extractor kept: the rest are never looked up). ``elements``:
    what ``tree.iter(*_HINT_TAGS)`` finds, when already found (:func:`scan_tree`,
    :func:`_still_in_tree`)."""
    hints: dict[str, Markup] = {}
    container_cache: dict[Any, tuple[str, ...]] = {}
    chains: dict[Any, tuple[str, ...]] = {}
    # a key's first word is its text's first word case-folded (casefold is per character
    # and makes no white space): elements whose first word no wanted key has are skipped
    # before the whole text is normalised
    firsts = None if wanted is None else {k.split(" ", 1)[0] for k in wanted}
    for el in tree.iter(*_HINT_TAGS) if elements is None else elements:
        text = text_of(el)
        if not text or len(text) > _MAX_HINT_CHARS:
            continue
        if firsts is not None:
            words = text.split(None, 1)
            if not words or words[0].casefold()[:_KEY_CHARS] not in firsts:
                continue
        key = norm_key(text)
        if not key or key in hints or (wanted is not None and key not in wanted):
            continue
        if el.tag == "a":
            density = 1.0
        else:
            linked = sum(len(text_of(a).strip()) for a in el.iter("a"))
            density = min(1.0, linked / max(1, len(text.strip())))
        hints[key] = Markup(
            tag=el.tag,
            link_density=round(density, 3),
            containers=_containers(el, container_cache, chains),
        )
    return hints


def _still_in_tree(
    hinted: list[HtmlElement] | None, gone: list[HtmlElement]
) -> list[HtmlElement] | None:
    """``hinted`` (:attr:`TreeScan.hinted`) without the elements that left the tree with
    the dropped elements ``gone`` (each dropped with its subtree, which stays attached
    to it): what ``tree.iter(*_HINT_TAGS)`` finds after the drops, in the same order."""
    if hinted is None or not gone:
        return hinted
    out = {el for dropped in gone for el in dropped.iter(*_HINT_TAGS)}
    return [el for el in hinted if el not in out]


def _own_hints(node: HtmlElement) -> tuple[str, ...]:
    found: list[str] = []
    if node.tag in ("nav", "footer", "aside", "header"):
        found.append(node.tag)
    attrs = f"{node.get('class', '')} {node.get('id', '')} {node.get('role', '')}"
    if attrs.strip():
        found.extend(m.group(0).lower() for m in _HINT_RE.finditer(attrs))
    return tuple(found)


def _hint_chain(node: Any, levels: int, cache: dict[Any, tuple[str, ...]]) -> tuple[str, ...]:
    """Hint tokens of ``node`` and its nearest ``levels - 1`` ancestors, each once, in
    order of first appearance (``cache``: each element's :func:`_own_hints`)."""
    found: list[str] = []
    for _ in range(levels):
        if node is None or not isinstance(node.tag, str):
            break
        own = cache.get(node)
        if own is None:
            own = cache[node] = _own_hints(node)
        found.extend(own)
        node = node.getparent()
    return tuple(dict.fromkeys(found))


def _containers(
    el: HtmlElement, cache: dict[Any, tuple[str, ...]], chains: dict[Any, tuple[str, ...]]
) -> tuple[str, ...]:
    """Hint tokens of ``el`` and its nearest ``_HINT_DEPTH - 1`` ancestors, each once, in
    order of first appearance.

    The ancestors' part is its parent's :func:`_hint_chain` of ``_HINT_DEPTH - 1``
    levels, kept in ``chains`` for the element's siblings (the list items of one list,
    the cells of one row): keeping the first of each token in ``own + chain`` gives the
    same tuple as in ``own + every ancestor's own``, since the chain keeps the first of
    each of its tokens, in order.

    Both caches are keyed by the element itself (which keeps lxml's proxy alive):
    keying by ``id()`` let recycled proxies hand one element's hints to another,
    so every block inherited e.g. ``header``.
    """
    if not isinstance(el.tag, str):
        return ()
    own = cache.get(el)
    if own is None:
        own = cache[el] = _own_hints(el)
    parent = el.getparent()
    if parent is None:
        up: tuple[str, ...] = ()
    else:
        found = chains.get(parent)
        if found is None:
            found = chains[parent] = _hint_chain(parent, _HINT_DEPTH - 1, cache)
        up = found
    if not up:
        return tuple(dict.fromkeys(own)) if len(own) > 1 else own
    return tuple(dict.fromkeys((*own, *up)))


# -- trafilatura tree -> blocks ---------------------------------------------------------


#: trafilatura output elements that are blocks, not inline runs: nested inside another
#: block (a heading inside a list item, a ``<p>`` inside a cell) their text is set off by
#: a space, as trafilatura's own text output does (``Vendor:Sennheiser`` + heading
#: ``Sennheiser HD 800S`` became one token ``SennheiserSennheiser``)
_BLOCK_CHILDREN = frozenset({"head", "p", "quote", "item", "row", "cell", "div", "list",
                             "table"})


def _inline_text(el: Any) -> str:
    parts: list[str] = []

    def walk(node: Any) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            if child.tag == "lb":
                parts.append("\n")
            elif child.tag in ("list", "table"):
                parts.append(" ")
            elif child.tag in _BLOCK_CHILDREN:
                parts.append(" ")
                walk(child)
                parts.append(" ")
            else:
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(el)
    lines = (flatten(ln) for ln in "".join(parts).split("\n"))
    return "\n".join(ln for ln in lines if ln)


def _nested_blocks(el: Any) -> list[Any]:
    """Outermost ``list``/``table`` descendants of ``el`` (``_inline_text`` skips them).

    Direct children only was not enough: trafilatura keeps e.g. a ``div`` around an
    interactive table, and the table's rows were lost.
    """
    found: list[Any] = []
    for child in el:
        if not isinstance(child.tag, str):
            continue
        if child.tag in ("list", "table"):
            found.append(child)
        else:
            found.extend(_nested_blocks(child))
    return found


def _link_shapes(tree: HtmlElement, blocks: list[Block]) -> list[tuple[int, float]]:
    """(characters, link density) of each of ``blocks`` (of a trafilatura output), the
    density read from the block's source element in ``tree`` (:func:`collect_markup`;
    0.0 for blocks it does not match: those over its length limit, which are prose)."""
    keys = [norm_key(b.text) for b in blocks]
    found = collect_markup(tree, wanted={k for k in keys if k})
    return [(len(b.text), m.link_density if (m := found.get(k)) is not None else 0.0)
            for b, k in zip(blocks, keys, strict=True)]


def _body_chars(body: Any) -> int:
    if body is None:
        return 0
    return sum(len(t.strip()) for t in body.itertext())


def rejoin(blocks: list[Block]) -> tuple[str, list[Block]]:
    """Working text and fresh blocks (offsets, dense groups, markup kept) for a subset
    of blocks in order: a block joins its predecessor's line group when they shared one."""
    pieces: list[tuple[str, BlockKind, int]] = [(b.text, b.kind, b.group) for b in blocks]
    text, fresh = _join(pieces)
    for new, old in zip(fresh, blocks, strict=True):
        new.markup = old.markup
        new.pieces = old.pieces
    return text, fresh


#: elements of a table cell that are blocks of their own (a layout table's cell holds
#: the page's paragraphs)
_CELL_BLOCKS = frozenset({"p", "head", "quote", "div"})


def _row_pieces(row_text: str, cells: list[Any]) -> tuple[tuple[int, int], ...]:
    """Offsets in ``row_text`` (the flattened row) of the block elements of its cells,
    for the cells that hold two or more of them (a layout table: one cell is the page's
    content); () when no cell does. The text is the one ``_inline_text`` gives each
    element, found in order, so the row's text itself is not changed."""
    out: list[tuple[int, int]] = []
    pos = 0
    for cell in cells:
        kids = [k for k in cell if k.tag in _CELL_BLOCKS]
        if len(kids) < 2:
            continue
        for kid in kids:
            t = _inline_text(kid).replace("\n", " ")
            if not t:
                continue
            at = row_text.find(t, pos)
            if at < 0:
                continue
            out.append((at, at + len(t)))
            pos = at + len(t)
    return tuple(out) if len(out) >= 2 else ()


def blocks_from_tree(body: Any) -> tuple[str, list[Block]]:
    """Walk trafilatura's output tree into (working text, blocks)."""
    pieces: list[tuple[str, BlockKind, int]] = []
    row_pieces: dict[int, tuple[tuple[int, int], ...]] = {}
    group = 0

    def add(text: str, kind: BlockKind, g: int) -> None:
        if text:
            pieces.append((text, kind, g))

    def visit(el: Any) -> None:
        nonlocal group
        tag = el.tag
        if tag == "list":
            for item in el:
                if item.tag == "item":
                    add(_inline_text(item), "list_item", group)
                    for sub in _nested_blocks(item):  # lists and tables at any depth
                        visit(sub)
                elif item.tag == "list":
                    visit(item)
                else:
                    add(_inline_text(item), "list_item", group)
            group += 1
        elif tag == "table":
            for row in el.iter("row"):  # rows of nested tables too
                cells = [c for c in row if c.tag == "cell"]
                texts = [_inline_text(c).replace("\n", " ") for c in cells]
                row_text = " | ".join(t for t in texts if t)
                add(row_text, "table_row", group)
                if row_text and (found := _row_pieces(row_text, cells)):
                    row_pieces[len(pieces) - 1] = found
                # a list inside a cell (a layout table around the page) was lost
                for sub in (b for c in cells for b in _nested_blocks(c) if b.tag == "list"):
                    group += 1
                    visit(sub)
            group += 1
        else:
            kind = _KIND_OF_TAG.get(tag, "paragraph")
            text = _inline_text(el)
            if kind == "paragraph" and "\n" in text:
                for line in text.split("\n"):
                    add(line, "line", group)
            else:
                add(text, kind, group)
            for child in _nested_blocks(el):
                group += 1
                visit(child)
            group += 1

    if body.text and body.text.strip():
        add(flatten(body.text), "paragraph", group)
        group += 1
    for child in body:
        visit(child)
        # text after a block element directly in the body (trafilatura leaves the
        # paragraph that follows a heading there): without this it was lost
        if child.tail and child.tail.strip():
            add(flatten(child.tail), "paragraph", group)
            group += 1

    text, blocks = _join(pieces)
    for k, found in row_pieces.items():
        blocks[k].pieces = found
    return text, blocks


def _join(pieces: list[tuple[str, BlockKind, int]]) -> tuple[str, list[Block]]:
    text_parts: list[str] = []
    blocks: list[Block] = []
    pos = 0
    prev_group: int | None = None
    for text, kind, g in pieces:
        if prev_group is not None:
            sep = "\n" if g == prev_group else "\n\n"
            text_parts.append(sep)
            pos += len(sep)
        blocks.append(Block(len(blocks), pos, pos + len(text), kind, g, text))
        text_parts.append(text)
        pos += len(text)
        prev_group = g
    # renumber groups densely
    mapping: dict[int, int] = {}
    for b in blocks:
        b.group = mapping.setdefault(b.group, len(mapping))
    return "".join(text_parts), blocks

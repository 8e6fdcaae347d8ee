"""Thread shapes: text a forum or Q&A page prints twice, the short lines it prints with
every post, and its posters' signatures.

A thread's words are its posts, once. A reply that quotes an earlier post (``X wrote:``,
``X said: ... Click to expand...``, ``@X said in <title>:``) prints that post's text again;
so do the copies a page keeps of the same post (a "featured" or "most liked" strip above the
thread, a truncated preview beside the full answer, a mobile and a desktop rendering), which
trafilatura and the DOM model both keep. A repeat adds no word the reader has not read, and
every copy past the first is counted against the output (word precision on WCXB: on the
develop half's forum pages, lines that repeat another output line held 4,085 of the 17,900
words kept beyond the label; training figure, BENCHMARKS.md).

:func:`repeated_blocks` finds the blocks whose text the blocks before them already hold
(most of their word shingles: a quote after its post, a second copy), and
:func:`quoted_copies` whether the page prints that text inside a quote container
(``<blockquote>``, a ``quote`` class): the extract stage drops the repeats that are
quotes (a post a reader pasted again outside a quote is a post of its own). Blocks under
``REPEAT_MIN_WORDS`` words are never repeats: short replies ("Thanks!", "+1") and a post's
own lines are alike on every thread. The first copy stays; nothing is dropped when it would
leave the page empty.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_WORD = re.compile(r"\w+")
#: words a shingle spans
SHINGLE_WORDS = 5
#: a block of fewer words is never a repeat
REPEAT_MIN_WORDS = 8
#: a block is a repeat when at least this share of its shingles are held by the text kept
#: before it (a quoting reply's ``X wrote:`` prefix costs a 30-word quote 2 of its 26
#: shingles)
REPEAT_SHARE = 0.8


def shingles(text: str) -> list[tuple[str, ...]]:
    """Word shingles (``SHINGLE_WORDS`` lower-cased ``\\w+`` tokens) of ``text``, in order;
    [] under ``REPEAT_MIN_WORDS`` words."""
    words = _WORD.findall(text.lower())
    if len(words) < REPEAT_MIN_WORDS:
        return []
    k = SHINGLE_WORDS
    return [tuple(words[i:i + k]) for i in range(len(words) - k + 1)]


def repeated_blocks(texts: Sequence[str]) -> list[tuple[int, float]]:
    """(index, share of its shingles held) of each of ``texts`` (blocks in document
    order) whose text the blocks kept before it already hold; the first copy is kept."""
    seen: set[tuple[str, ...]] = set()
    out: list[tuple[int, float]] = []
    for i, text in enumerate(texts):
        s = set(shingles(text))
        if not s:
            continue
        held = sum(1 for g in s if g in seen) / len(s)
        if held >= REPEAT_SHARE:
            out.append((i, round(held, 3)))
        else:
            seen |= s
    return out


#: words of a block's start looked for in the page's quotes (:func:`quoted_copies`)
PROBE_WORDS = 6


def _is_quote(el: Any) -> bool:
    """A quote container: ``<blockquote>``/``<q>``, or a class/id naming a quote
    (``bbCodeBlock--quote``, ``ipsQuote``, ``postquote``), any case."""
    return (el.tag in ("blockquote", "q") or "quote" in (el.get("class") or "").lower()
            or "quote" in (el.get("id") or "").lower())


def quote_texts(tree: HtmlElement) -> list[str]:
    """The text of each outermost quote container of ``tree`` (:func:`_is_quote`), as
    lower-cased ``\\w+`` words joined by one space. One walk that does
    not enter a quote (its subtree is read once, as its text); ~2 ms a thread page."""
    out: list[str] = []
    stack: list[Any] = [tree]
    while stack:
        el = stack.pop()
        for child in reversed(el):
            if not isinstance(child.tag, str) or child.tag in ("script", "style"):
                continue
            if _is_quote(child):
                out.append(" ".join(_WORD.findall(child.text_content().lower())))
            else:
                stack.append(child)
    return out


def quoted_copies(tree: HtmlElement, texts: Sequence[str]) -> list[bool]:
    """For each of ``texts``: whether its first words (``PROBE_WORDS``, whole) are
    printed in the page inside a quote container."""
    quotes = [f" {q} " for q in quote_texts(tree)]
    out = []
    for text in texts:
        probe = " ".join(_WORD.findall(text.lower())[:PROBE_WORDS])
        out.append(bool(probe) and any(f" {probe} " in q for q in quotes))
    return out


#: a class/id token naming a poster's signature: ``signature``, ``post-signature``,
#: ``message-signature``, ``ipsEntry__signature``, ``forum-signature__outer-wrapper``
#: (``signature`` as a whole word of the token; not ``sig``: ``postcontentheight_sig`` holds
#: a tapatalk post's own text)
_SIGNATURE = re.compile(r"^(?:[\w-]*?[-_])?signatures?(?:[-_][\w-]*)?$", re.I)


#: the elements whose class or id could name a signature (``_SIGNATURE`` decides): an XPath
#: filter in C (a Python walk of a thread's elements cost 4 ms a page)
_SIGNATURE_CANDIDATES = (
    ".//*[contains(@class, 'ignature') or contains(@class, 'IGNATURE')"
    " or contains(@id, 'ignature') or contains(@id, 'IGNATURE')]")


def signature_elements(tree: HtmlElement) -> list[HtmlElement]:
    """The outermost elements of ``tree`` whose class or id names a signature
    (``_SIGNATURE``): the lines a forum prints under each of a member's posts (a motto,
    links, badges) and the user cards of Q&A sites (``post-signature``), in document
    order. Never ``<body>`` or ``<html>``."""
    found = [el for el in tree.xpath(_SIGNATURE_CANDIDATES)
             if el.tag not in ("body", "html") and any(
                 _SIGNATURE.match(n)
                 for n in f"{el.get('class') or ''} {el.get('id') or ''}".split())]
    inside = set(found)
    return [el for el in found if not any(up in inside for up in el.iterancestors())]


#: a thread's per-post chrome is a line printed alike with three or more posts
#: (``CHROME_MIN_REPEATS``), by one of three keys (:func:`chrome_keys`):
#:
#: * ``shape``: a short line (at most ``CHROME_MAX_WORDS`` words) of the same words, numbers
#:   aside: vote and post counters (``#7``, ``12``), member titles (``macrumors 6502a``),
#:   quote controls (``felixen said:``, ``Click to expand...``), ``Code: Select all``,
#:   reaction counts (``3 likes``);
#: * ``label``: a ``Label: value`` line (at most ``CHROME_LABEL_WORDS`` words, a label of
#:   one to three words) whose label recurs: a member's stat lines (``Joined: 14. Sep
#:   2019``, ``Location: ...``, ``Posts: 158``), ``Last edited: ...``;
#: * ``line``: the same line word for word (at most ``CHROME_LINE_WORDS`` words): each
#:   post's title (``Re: <the thread's title>``), a control row.
#:
#: Never a post's date (a ``shape`` or ``line`` key: labels keep a post's byline, its
#: poster and date) nor one word that is not a number (the poster's name). On the develop
#: half's 43 forum-classified pages: shape alone +0.0044 word F1, label and line +0.0026
#: each in a simulation on the output lines (training figures, BENCHMARKS.md)
CHROME_MIN_REPEATS = 3
CHROME_MAX_WORDS = 6
CHROME_LABEL_WORDS = 8
CHROME_LINE_WORDS = 12
_DATE = re.compile(
    r"(?<![a-z])(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*(?![a-z])"
    r"|\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{1,2}:\d{2}", re.I)
#: a number, with its thousands separators or decimals (``4,103``, ``1.5``)
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
#: a ``Label: value`` line: a label of letters (and spaces) before a colon
_LABEL = re.compile(r"^\s*([^\W\d_][^\W\d]*(?: [^\W\d_][^\W\d]*){0,2})\s*:\s*\S")


def chrome_keys(text: str) -> list[str]:
    """The keys under which a line could be per-post chrome (see ``CHROME_MIN_REPEATS``):
    ``shape:``, ``label:`` and ``line:`` strings; [] for a line that never is one."""
    words = _WORD.findall(text.lower())
    if not words:
        return []
    keys = []
    label = _LABEL.match(text)
    if label and len(words) <= CHROME_LABEL_WORDS:
        keys.append("label:" + " ".join(label.group(1).lower().split()))
    if _DATE.search(text) or (len(words) == 1 and not words[0].isdigit()):
        return keys
    if len(words) <= CHROME_MAX_WORDS:
        keys.append("shape:" + " ".join(_WORD.findall(_DIGITS.sub("0", text.lower()))))
    if len(words) <= CHROME_LINE_WORDS:
        keys.append("line:" + " ".join(words))
    return keys


def chrome_lines(texts: Sequence[str]) -> list[tuple[int, str, int]]:
    """(index, key, how many of ``texts`` share it) of each of ``texts`` (a thread's
    blocks) that is per-post chrome: one of its :func:`chrome_keys` is shared by
    ``CHROME_MIN_REPEATS`` or more of them."""
    keys = [chrome_keys(t) for t in texts]
    counts: dict[str, int] = {}
    for ks in keys:
        for k in ks:
            counts[k] = counts.get(k, 0) + 1
    out = []
    for i, ks in enumerate(keys):
        best = max(ks, key=lambda k: counts[k], default=None)
        if best is not None and counts[best] >= CHROME_MIN_REPEATS:
            out.append((i, best, counts[best]))
    return out

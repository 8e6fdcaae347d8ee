"""Markdown syntax, once: the patterns segmentation, boilerplate and detection share.

Line patterns (``match`` at the start of one line): a list marker (also the
typographic bullets scraped text uses), an ATX heading, a block quote; and an
inline link or image. The ``DETECT_*`` patterns are the stricter multi-line
forms input detection counts to tell Markdown from plain text.
"""

from __future__ import annotations

import re

#: ``- item``, ``• item``, ``1. item``, ``2) item``
LIST_MARK = re.compile(r"^\s*(?:[-*+•·▪◦‣–]|\d{1,3}[.)])\s+")
#: ``## Heading`` (up to three spaces of indent)
HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
#: ``> quoted``
QUOTE = re.compile(r"^\s{0,3}>\s?")
#: a list bullet of any glyph (ASCII marks, an en dash, arrows, geometric shapes,
#: dingbats, stars, check marks), a wiki ``*``/``:`` run, or a numbered item (``1.``,
#: ``1)``, ``(1)``, ``a)``, ``iv.``, ``#3``); then space (``# x`` is a heading, ``> x``
#: a quote, ``— Name`` a signature: none is a bullet)
ANY_BULLET = re.compile(
    r"^(?:[*:]{1,4}|[-+•·▪◦‣–~]{1,3}|>{2,3}|[\u2190-\u21ff\u2500-\u25ff\u2600-\u27bf"
    r"\u2900-\u297f\u2b00-\u2bff\u27e9\u232a\u3009»›]{1,3}|\d{1,3}[.)]|\(\d{1,3}\)"
    r"|[a-zA-Z][)]|(?:[ivxlc]{1,5}|[IVXLC]{1,5})[.)]|#\d{1,3})[ \t]+(?=\S)")
#: ``Label ⟩ text``: a short label and a text split by an arrow or breadcrumb glyph
#: (``⟩ › » → ➔ ⇒ ▸ 〉``, ``>`` or ``>>``): a source before its headline, a path
SEP_GATE = re.compile(r"\s(?:[⟩›»→➔⇒▸〉]|>>?)\s")
LABEL_SEP = re.compile(r"^(?P<key>[^\W_][^⟩›»→➔⇒▸〉>\n]{0,40}?)\s+(?:[⟩›»→➔⇒▸〉]|>>?)\s+"
                       r"(?P<value>\S[^\n]*)$")

#: ``[text](url)`` / ``![alt](src)``: the text holds no bracket and the url at most one
#: level of parentheses, so a run of ``![`` or ``](`` cannot make it rescan (linear)
LINK = re.compile(r"!?\[([^\[\]]*)\]\((?:[^()]|\([^()]*\))*\)")
#: ``[text][ref]`` / ``[text][]``: a reference-style link, its text in group 1
REF_LINK = re.compile(r"!?\[([^\[\]]+)\]\[[^\[\]\s]{0,40}\]")
#: ``[ref]: https://example.org/a "Title"``: a link reference definition, a line of its
#: own that a rendered page never shows (not a footnote, ``[^1]: ...``); its title, when
#: it has one, in group 1, 2 or 3
LINK_DEFINITION = re.compile(
    r"^\s{0,3}\[(?!\^)[^\[\]\n]{1,100}\]:[ \t]*<?(?:https?://|www\.|/|#)[^\s>]*>?"
    r"(?:[ \t]+(?:\"(.*)\"|'(.*)'|\((.*)\)))?[ \t]*$")

#: ``Term\n: definition``: a definition list's pair (one block), read as ``Term: definition``
DEFINITION_PAIR = re.compile(r"^([^\n]{1,80})\n\s{0,3}:[ \t]+(?=\S)")

#: detection (multi-line): a heading with text, a link to a URL or path, a list item
DETECT_HEADING = re.compile(r"^#{1,6}\s+\S", re.M)
DETECT_LINK = re.compile(r"\[[^\[\]\n]{1,200}\]\((?:https?://|/)[^)\s]{1,500}\)")
DETECT_LIST = re.compile(r"^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+\S", re.M)

#: ``**strong**`` / ``__strong__`` (short spans only)
EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.{1,60}?)(?<=\S)\1")


def plain_line(text: str) -> tuple[str, int]:
    """A block's text without its Markdown syntax (heading, quote and list marks,
    strong emphasis, inline and reference-style links and images unwrapped to their
    text) and the number of
    characters that were link text."""
    if "\n" in text:
        text = DEFINITION_PAIR.sub(r"\1: ", text)
    text = QUOTE.sub("", HEADING.sub("", text))
    text = LIST_MARK.sub("", text)
    if "**" in text or "__" in text:
        text = EMPHASIS.sub(r"\2", text)
    link_chars = 0
    if "][" in text:
        found = list(REF_LINK.finditer(text))
        link_chars += sum(len(m.group(1)) for m in found)
        text = REF_LINK.sub(r"\1", text)
    if "](" in text:
        for _ in range(3):  # a linked image, ``[![alt](src)](url)``, takes two passes
            found = list(LINK.finditer(text))
            if not found:
                break
            link_chars += sum(len(m.group(1)) for m in found)
            text = LINK.sub(r"\1", text)
    return text.strip(), link_chars

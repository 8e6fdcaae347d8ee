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
#: ``[text](url)`` / ``![alt](src)``: the text holds no bracket and the url at most one
#: level of parentheses, so a run of ``![`` or ``](`` cannot make it rescan (linear)
LINK = re.compile(r"!?\[([^\[\]]*)\]\((?:[^()]|\([^()]*\))*\)")

#: detection (multi-line): a heading with text, a link to a URL or path, a list item
DETECT_HEADING = re.compile(r"^#{1,6}\s+\S", re.M)
DETECT_LINK = re.compile(r"\[[^\[\]\n]{1,200}\]\((?:https?://|/)[^)\s]{1,500}\)")
DETECT_LIST = re.compile(r"^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+\S", re.M)

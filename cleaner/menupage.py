"""Fast extractions that are a site's menus: when to ask trafilatura's fallback instead.

trafilatura's fast mode takes the first container its body XPaths match; on some pages
that is the navigation (hundreds of one- and two-word menu entries) with the article
somewhere inside it. Its fallback comparison (readability, jusText) finds the article,
but the fast result is long, so the truncation check (:func:`cleaner.pagekind.
suspect_truncation`) never asks for it. The shape tells: in an article's body most words
sit in sentences; in a menu almost none do.

Measured (2026-12-06, helper articles): WCXB dev develop half, 404 article pages, the
lowest share of words in sentences in cleaner's output was 0.33 (an empty page aside);
the article-benchmark page that showed the shape (a city hall's news item under its
whole menu tree) had 0.10 over 853 blocks (1,202 words, 118 in sentences) fast and 0.92
in the fallback's 5 blocks (103 words, 95 in sentences).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .lexicon import word_count

#: a block is a sentence when it has this many words, or half as many and ends like one
SENTENCE_WORDS = 10
_SENTENCE_END = re.compile(r"[.!?:;\u3002\uff01\uff1f\u0964]['\"\u201d\u2019)\]]*\s*$")
#: a fast body is menu-shaped with at least this many blocks ...
MENU_MIN_BLOCKS = 60
#: ... and under this share of its words in sentences
MENU_MAX_SENTENCE_SHARE = 0.25
#: the fallback's body replaces it when it keeps at least this share of those sentence words
KEEP_SENTENCE_SHARE = 0.5


def sentence_words(texts: Iterable[str]) -> tuple[int, int, int]:
    """(blocks, words, words in sentence blocks) of ``texts``."""
    blocks = words = prose = 0
    for text in texts:
        n = word_count(text)
        blocks += 1
        words += n
        if n >= SENTENCE_WORDS or (n >= SENTENCE_WORDS // 2 and _SENTENCE_END.search(text)):
            prose += n
    return blocks, words, prose


def menu_shaped(shape: tuple[int, int, int]) -> bool:
    """Whether a body of this :func:`sentence_words` shape looks like a menu."""
    blocks, words, prose = shape
    return blocks >= MENU_MIN_BLOCKS and prose < MENU_MAX_SENTENCE_SHARE * words


def fallback_better(fast: tuple[int, int, int], alt: tuple[int, int, int]) -> bool:
    """Whether the fallback's body (shape ``alt``) should replace a menu-shaped fast body
    (shape ``fast``): shorter, more of it in sentences, and most of the fast body's
    sentence words still there (the article, not another fragment)."""
    _, fast_words, fast_prose = fast
    _, alt_words, alt_prose = alt
    return (
        0 < alt_words < fast_words
        and alt_prose * fast_words > fast_prose * alt_words
        and alt_prose >= KEEP_SENTENCE_SHARE * fast_prose
    )

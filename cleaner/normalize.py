"""Text normalisation: the one place that says when two strings count as the same.

- :func:`flatten`: white space runs become one space, the ends are trimmed
  (a value shown on one line);
- :func:`squash`: :func:`flatten` and case-folded: the *same text* (allow-lists of
  the PII stage and of ``cleaner check``, matching extracted blocks to their
  source elements);
- :func:`word_key`: the lower-cased ``\\w+`` words joined by one space: the *same
  words*, punctuation ignored (repeated headlines, benchmark labels).
"""

from __future__ import annotations

import re

_WORDS = re.compile(r"\w+")


def flatten(text: str) -> str:
    # ``str.split()`` splits on the characters the regex ``\s`` matches (both are
    # ``str.isspace``, checked on every code point in tests/test_speed_extract.py):
    # the same result as ``re.sub(r"\s+", " ", text).strip()``, 5x faster
    return " ".join(text.split())


def squash(text: str) -> str:
    return " ".join(text.split()).casefold()


def word_key(text: str) -> str:
    return " ".join(_WORDS.findall(text.lower()))

"""``cleaner.detect.has_surrogate`` (strict UTF-16 encoding as the test) against the
regex it replaced, ``[\\ud800-\\udfff]``: every code point, planted strings, random mixes."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.detect import _replace_surrogates, has_surrogate, to_text

_REFERENCE = re.compile("[\ud800-\udfff]")


def test_every_code_point() -> None:
    """One character at a time: a surrogate exactly when the regex says so."""
    bad = [c for c in range(sys.maxunicode + 1)
           if has_surrogate("é" + chr(c)) != (_REFERENCE.search(chr(c)) is not None)]
    assert bad == []


#: (text, has a surrogate, why)
ROWS = [
    ("plain ascii", False, "ASCII: no encoding needed"),
    ("café 東京 😀", False, "non-ASCII, astral emoji: encodable"),
    ("a\ud800b", True, "a lone high surrogate"),
    ("a\udfff", True, "a lone low surrogate at the end"),
    ("\ud83d\ude00", True, "a surrogate pair as two code points (a JSON escape decoded)"),
    ("x" * 10_000 + "é\udc80", True, "far into a long text"),
]


@pytest.mark.parametrize(("text", "want", "why"), ROWS, ids=[r[2] for r in ROWS])
def test_planted(text: str, want: bool, why: str) -> None:
    assert has_surrogate(text) is want, why
    assert (_REFERENCE.search(text) is not None) is want, "row is wrong"


def test_to_text_replaces_them() -> None:
    text, enc = to_text("a\ud800b\x00c", max_bytes=100)
    assert (text, enc) == ("a\ufffdbc", None)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "é", "東", "😀", "\ud800", "\udfff", "\ud7ff", "\ue000",
                                 " "]), max_size=20))
def test_replace_equals_reference(parts: list[str]) -> None:
    text = "".join(parts)
    assert _replace_surrogates(text) == _REFERENCE.sub("\ufffd", text)

"""Fast paths of the boilerplate features against the code they replaced."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.boilerplate.features import _RAW_WORD, _title_case


def _title_reference(text: str, tokens_raw: list[str], ratio: float) -> bool:
    """``_title_case`` as it was: the letter test character by character."""
    letters = [ch for ch in text if ch.isalpha() and (ch.isupper() or ch.islower())]
    if len(letters) >= 8 and all(not ch.islower() for ch in letters):
        return True
    long_words = [w for w in tokens_raw if len(w) >= 4 and w[0].isalpha()]
    if len(long_words) < 2:
        return False
    caps = sum(1 for w in long_words if w[0].isupper())
    return caps / len(long_words) >= ratio


#: (text, ALL CAPS / title case expected, why)
ROWS = [
    ("BREAKING NEWS TODAY", True, "all caps, 17 letters"),
    ("ABC DEFG", False, "7 letters in caps: under 8, and no long words to count"),
    ("ABCD EFGH", True, "8 letters in caps"),
    ("ABCD efgh", False, "lower-case letters: not all caps, and one of two long words capitalised"),
    ("12345678 !!!! ????", False, "no letters at all"),
    ("Harbour Council Approves Ferry Timetable", True, "title case words"),
    ("ÉTÉ À PARIS ENCORE", True, "non-ASCII caps take the character path"),
]


@pytest.mark.parametrize(("text", "want", "why"), ROWS, ids=[r[2] for r in ROWS])
def test_title_case_planted(text: str, want: bool, why: str) -> None:
    raw = _RAW_WORD.findall(text)
    assert _title_case(text, raw, 0.6) is want, why
    assert _title_reference(text, raw, 0.6) is want, "row is wrong"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ABCXYZabcxyz 019.-'!é", max_size=40), st.sampled_from([0.5, 0.6, 0.8]))
def test_title_case_equals_reference(text: str, ratio: float) -> None:
    raw = _RAW_WORD.findall(text)
    assert _title_case(text, raw, ratio) == _title_reference(text, raw, ratio)

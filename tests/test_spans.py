"""SpanIndex answers like the brute-force test it replaced (every span per query)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cleaner.spans import SpanIndex

span = st.tuples(st.integers(0, 60), st.integers(1, 20)).map(lambda t: (t[0], t[0] + t[1]))


@given(st.lists(span, max_size=12), span)
def test_same_answers_as_brute_force(spans: list[tuple[int, int]], q: tuple[int, int]) -> None:
    idx = SpanIndex(spans)
    s, e = q
    assert idx.overlaps(s, e) == any(a < e and s < b for a, b in spans)
    assert idx.covers(s, e) == any(a <= s and e <= b for a, b in spans)

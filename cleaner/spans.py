"""``SpanIndex``: overlap and containment tests against a fixed set of spans in
O(log n) each, so stages with thousands of findings stay linear-ish (testing
every span per query was quadratic: a page of 8,000 e-mail addresses took seconds).
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable


class SpanIndex:
    """Half-open ``(start, end)`` spans, possibly overlapping, sorted once."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        #: the furthest end among the spans up to each position (by start)
        self._reach = list(itertools.accumulate((e for _, e in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        """A span shares at least one character with ``start:end``: one of those
        starting before ``end`` reaches past ``start``."""
        k = bisect.bisect_left(self._starts, end)
        return k > 0 and self._reach[k - 1] > start

    def covers(self, start: int, end: int) -> bool:
        """One span contains ``start:end``: one of those starting at or before
        ``start`` reaches ``end``."""
        k = bisect.bisect_right(self._starts, start)
        return k > 0 and self._reach[k - 1] >= end

"""scripts/train_dom.py: the gate's kinds and thresholds chosen on inner-fold predictions."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import train_dom

KINDS = ["forum", "forum", "service", "service", "article"]
BASE = np.zeros(5)
#: page -> (gate probability of its best candidate, that candidate's F1 gain)
BEST = {0: (0.9, 0.5), 1: (0.6, -0.05), 2: (0.7, 0.3), 3: (0.55, -0.2), 4: (0.99, 0.4)}

# (gate kinds, one threshold per kind, expected choice, why)
CASES = [
    (train_dom.GATE_KINDS, True, {"forum": 0.9, "service": 0.7},
     "forum gains most from 0.65 up (ties: the higher threshold); service from 0.6 to 0.7,"
     " under 0.6 page 3 falls 0.2 and costs WORSE_COST; article never (STAGE_KINDS)"),
    (train_dom.GATE_KINDS, False, {"forum": 0.65, "service": 0.65},
     "one threshold: 0.65 is the first with the best total (0.5 + 0.3)"),
    (frozenset({"forum"}), False, {"forum": 0.65}, "the shipped design: forum only"),
    (frozenset({"service"}), True, {"service": 0.7}, "service alone"),
]


@pytest.mark.parametrize(("kinds", "per_kind", "want", "why"), CASES)
def test_choose_gate(kinds: frozenset[str], per_kind: bool, want: dict[str, float],
                     why: str) -> None:
    got = train_dom.choose_gate(BASE, BEST, list(range(5)), KINDS, 1.0, kinds, per_kind)
    assert got == want, why


def test_gated_applies_each_kinds_threshold() -> None:
    out = train_dom.gated(BASE, BEST, list(range(5)), KINDS, {"forum": 0.65, "service": 0.5})
    # page 1 (p 0.6) stays under forum's 0.65; page 3 (p 0.55) passes service's 0.5
    assert out.tolist() == [0.5, 0.0, 0.3, -0.2, 0.0]

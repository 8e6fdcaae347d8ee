"""How the fired rules of a block become one score: the :class:`Scorer` interface.

A scorer sees the rules that fired on a block (name -> weight, from
:data:`cleaner.boilerplate.rules.RULES`) and a :class:`ScoreContext`; it returns
a score in [0, 1]; the stage removes the block at ``BoilerplateConfig.min_score``.
:class:`NoisyOr` is the default. A fitted model (per-rule weights learned from
labelled pages, or the block model of the real-pages issue) plugs in by passing
another scorer to :class:`~cleaner.boilerplate.stage.BoilerplateStage`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from .rules import RULES


@dataclass(frozen=True, slots=True)
class ScoreContext:
    #: factor (0..1) applied to damped (link-farm) evidence: 1 = no protection
    protection: float
    #: the block is the page title (protected unless the evidence is near certain)
    title: bool


class Scorer(Protocol):
    def score(self, fired: Mapping[str, float], ctx: ScoreContext) -> float: ...


class NoisyOr:
    """``1 - prod(1 - w)`` over the fired rules, with two guards that make "no
    single signal decides alone" hold for the weak ones:

    * generic link-farm signals (title case, off-topic, a run, the model's
      probability) count only beside a ``specific`` rule or in the tail;
    * damped (link-farm) evidence is multiplied by the protection factor (on-topic
      vocabulary, a heading followed by prose); the title keeps only near-certain
      undamped evidence (>= ``title_min``).
    """

    def __init__(self, title_min: float = 0.85) -> None:
        self.title_min = title_min

    def score(self, fired: Mapping[str, float], ctx: ScoreContext) -> float:
        if not fired:
            return 0.0
        generic_only = "tail" not in fired and not any(RULES[k].specific for k in fired)
        undamped = 1.0
        damped = 1.0
        for name, w in fired.items():
            rule = RULES[name]
            if rule.undamped:
                undamped *= 1.0 - w
            elif not generic_only:
                damped *= 1.0 - w
        if ctx.title:
            score = 1.0 - undamped
            return score if score >= self.title_min else 0.0
        return 1.0 - undamped * (1.0 - (1.0 - damped) * ctx.protection)

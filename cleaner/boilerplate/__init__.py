"""Boilerplate stage (issue 3): link-farm tails, glued spam, author cards, socials,
placeholder text and page furniture. The checks are in :mod:`.stage`; every rule
(one object: category, weight, flags) and pattern is in :mod:`.rules`, the words per
language in :mod:`cleaner.vocab`; :mod:`.scorer` combines fired rules into a score;
:mod:`.headline` is the learned headline model; thresholds are in
:class:`cleaner.config.BoilerplateConfig`."""

from __future__ import annotations

from .rules import CATEGORIES, RULES, Rule
from .stage import STAGE, BoilerplateStage

__all__ = ["CATEGORIES", "RULES", "STAGE", "BoilerplateStage", "Rule"]

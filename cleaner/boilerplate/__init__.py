"""Boilerplate stage (issue 3): link-farm tails, glued spam, author cards, socials,
placeholder text and page furniture. The logic is in :mod:`.stage`; every rule,
weight, word list and pattern is data in :mod:`.rules`; thresholds are in
:class:`cleaner.config.BoilerplateConfig`."""

from __future__ import annotations

from .rules import CATEGORIES, RULES, Rule
from .stage import STAGE, BoilerplateStage

__all__ = ["CATEGORIES", "RULES", "STAGE", "BoilerplateStage", "Rule"]

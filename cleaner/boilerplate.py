"""Boilerplate stage (issue 3): being built; currently finds nothing."""

from __future__ import annotations

from .config import CleanerConfig
from .model import Document

STAGE = "boilerplate"


class BoilerplateStage:
    name = STAGE

    def __init__(self, config: CleanerConfig) -> None:
        self.config = config.boilerplate

    def __call__(self, doc: Document) -> None:
        return None

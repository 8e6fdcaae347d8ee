"""PII stage (issue 4): being built; currently finds nothing."""

from __future__ import annotations

from .config import CleanerConfig
from .model import Document

STAGE = "pii"


class PIIStage:
    name = STAGE

    def __init__(self, config: CleanerConfig) -> None:
        self.config = config.pii

    def __call__(self, doc: Document) -> None:
        return None

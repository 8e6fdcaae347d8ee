"""PII redaction (issue 4): presidio-analyzer, offline, precise on news text.

- :mod:`cleaner.pii.vocab`: per-language words (labels, furniture cues, months,
  birth words, organisation-line and office-holder words) for en/de/fr/es/it/nl/pt/pl/sv/ja.
- :mod:`cleaner.pii.registry`: every recognizer as data (patterns, scores,
  labels and context words; furniture-name patterns; checksummed national IDs).
- :mod:`cleaner.pii.policy`: is a hit personal? (role mailboxes, organisation lines,
  public accounts, article subjects' birth dates, reserved IPs are not).
- :mod:`cleaner.pii.recognizers`: the presidio recognizers built from it.
- :mod:`cleaner.pii.engine`: one ``AnalyzerEngine`` per process (no-op NLP
  engine: nothing downloaded) fed only pre-filtered candidate windows.
- :mod:`cleaner.pii.stage`: :class:`PIIStage`, findings and redaction styles.
"""

from __future__ import annotations

from .engine import Hit, PIIEngine, get_engine
from .registry import ENTITY_TYPES, REGISTRY, TAGS
from .stage import STAGE, PIIStage, ner_install_hint, ner_model_available

__all__ = [
    "ENTITY_TYPES",
    "REGISTRY",
    "STAGE",
    "TAGS",
    "Hit",
    "PIIEngine",
    "PIIStage",
    "get_engine",
    "ner_install_hint",
    "ner_model_available",
]

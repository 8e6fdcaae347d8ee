"""How a language module builds its PII labels from its card keys (one copy of each word).

A card key of a personal field (``Email :`` on an author card) is a label of a personal
value to the PII stage too; the PII stage knows more labels (``Author:``, ``Reporter:``
introduce a name on a byline without making a block a card). A module lists each word
once: in ``CARD_LABELS`` when it is a card key, in ``PII_LINE_LABELS`` when it is a label
only, and takes ``PII_LABELS = pii_labels(CARD_LABELS, PII_LINE_LABELS)``.
"""

from __future__ import annotations

from collections.abc import Mapping

#: the card fields the PII stage labels (``JOB``, ``BIO`` and ``OTHER`` are card-only)
PII_FIELDS: tuple[str, ...] = ("PERSON", "USERNAME", "EMAIL_ADDRESS", "PHONE_NUMBER",
                               "DATE_OF_BIRTH", "STREET_ADDRESS", "ORGANIZATION")

Labels = Mapping[str, tuple[str, ...]]


def pii_labels(card: Labels, line: Labels) -> dict[str, tuple[str, ...]]:
    """Entity type -> label words: the card keys of each PII field, then the labels that
    only a label line uses. A word in both tables is a mistake (two copies)."""
    out: dict[str, tuple[str, ...]] = {}
    for field in PII_FIELDS:
        both = set(card.get(field, ())) & set(line.get(field, ()))
        if both:
            raise ValueError(f"{field}: {sorted(both)} listed as card key and line label")
        words = (*card.get(field, ()), *line.get(field, ()))
        if words:
            out[field] = words
    unknown = set(line) - set(PII_FIELDS)
    if unknown:
        raise ValueError(f"line labels of fields the PII stage does not label: {unknown}")
    return out

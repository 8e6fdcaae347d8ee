"""Per-language vocabulary: one module per language, the one copy of these words.

Each module (``en``, ``de``, ``fr``, ``es``, ``it``, ``nl``, ``pt``) defines:

* ``CARD_LABELS`` -- labels of author-card fields by the PII entity type they
  introduce (``PERSON``, ``USERNAME``, ``EMAIL_ADDRESS``, ``PHONE_NUMBER``,
  ``DATE_OF_BIRTH``, ``STREET_ADDRESS``, ``ORGANIZATION``, ``JOB``, ``BIO``,
  ``OTHER``), lower case;
* ``SOCIAL_LABELS`` -- keys of social-profile lines (``followers``, ``url``);
* ``RELATED_HEADERS``, ``CARD_HEADERS``, ``SOCIAL_HEADERS`` -- regex fragments
  (lower case, matched case-insensitively as a whole line) of the headers that open a
  related-posts list, an author card and a block of social profiles;
* ``MONTHS`` -- month names.

The boilerplate stage reads it through :func:`card_labels`, :func:`fragments` and
:func:`social_labels`; the PII stage can read the card labels the same way
(``card_labels("EMAIL_ADDRESS")``). Adding a language is adding one module here and
its name to ``LANGUAGES``.
"""

from __future__ import annotations

from types import ModuleType

from . import de, en, es, fr, it, nl, pt

MODULES: dict[str, ModuleType] = {m.CODE: m for m in (en, de, fr, es, it, nl, pt)}
LANGUAGES: tuple[str, ...] = tuple(MODULES)
#: card-field types whose label makes a key/value run a card about a person
STRONG_FIELDS = frozenset({"USERNAME", "EMAIL_ADDRESS", "DATE_OF_BIRTH", "STREET_ADDRESS",
                           "PHONE_NUMBER", "BIO"})
#: card-field types that describe a person (not a product spec)
PERSON_FIELDS = frozenset({"USERNAME", "DATE_OF_BIRTH", "BIO", "JOB", "ORGANIZATION"})


def card_labels(field: str | None = None, langs: tuple[str, ...] = LANGUAGES) -> tuple[str, ...]:
    """Card labels of one field type (all fields when ``None``), over ``langs``."""
    out: dict[str, None] = {}
    for lang in langs:
        for name, labels in MODULES[lang].CARD_LABELS.items():
            if field is None or name == field:
                out.update(dict.fromkeys(labels))
    return tuple(out)


def card_fields(langs: tuple[str, ...] = LANGUAGES) -> dict[str, str]:
    """label -> field type (the first language that lists a label wins)."""
    out: dict[str, str] = {}
    for lang in langs:
        for name, labels in MODULES[lang].CARD_LABELS.items():
            for label in labels:
                out.setdefault(label, name)
    return out


def social_labels(langs: tuple[str, ...] = LANGUAGES) -> tuple[str, ...]:
    out: dict[str, None] = {}
    for lang in langs:
        out.update(dict.fromkeys(MODULES[lang].SOCIAL_LABELS))
    return tuple(out)


def fragments(kind: str, langs: tuple[str, ...] = LANGUAGES) -> tuple[str, ...]:
    """Regex fragments of one header kind (``RELATED_HEADERS``, ``CARD_HEADERS``,
    ``SOCIAL_HEADERS``) or the ``MONTHS``, over ``langs``."""
    out: dict[str, None] = {}
    for lang in langs:
        out.update(dict.fromkeys(getattr(MODULES[lang], kind)))
    return tuple(out)

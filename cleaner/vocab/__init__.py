"""Per-language vocabulary: one module per language, the one copy of these words.

Each module (``en``, ``de``, ``fr``, ``es``, ``it``, ``nl``, ``pt``, ``pl``, ``sv``,
``ja``) defines, for the boilerplate stage:

* ``CARD_LABELS`` -- labels of author-card fields by the PII entity type they
  introduce (``PERSON``, ``USERNAME``, ``EMAIL_ADDRESS``, ``PHONE_NUMBER``,
  ``DATE_OF_BIRTH``, ``STREET_ADDRESS``, ``ORGANIZATION``, ``JOB``, ``BIO``,
  ``OTHER``), lower case: the keys that make a key/value run an author card (the keys
  of the PII fields are PII labels too: each word is listed once);
* ``SOCIAL_LABELS`` -- keys of social-profile lines (``url``, ``posts``), among them
  ``FOLLOWER_LABELS`` (``followers``, ``following``): the counts that make a run of
  social lines a person's profile;
* ``RELATED_HEADERS``, ``CARD_HEADERS``, ``SOCIAL_HEADERS`` -- regex fragments
  (lower case, matched case-insensitively as a whole line) of the headers that open a
  related-posts list, an author card and a block of social profiles;

and for the PII stage (:mod:`cleaner.pii.vocab` reads them):

* ``PII_LINE_LABELS`` -- entity type -> the label words that end in ``:`` before a
  personal value but are no card key (``Reporter:``, ``Author:`` introduce a name
  without making a block a card), and ``PII_LABELS`` built from both tables by
  :func:`cleaner.vocab._labels.pii_labels` (every label of a personal value);
* ``PII_CONTEXT`` -- entity type -> free-text words near a value that make it personal;
* ``PII_WORDS`` -- furniture words by kind: ``byline`` (``By NAME``), ``posted_by``,
  ``reply_from`` (comment headers), ``wrote`` (``NAME wrote:``), ``closing`` (letter
  closings a signature follows), ``author_header``, ``bio_role`` and ``bio_verb``
  (``NAME is a freelance writer``), ``born`` (birth words), ``org_phone`` (an
  organisation's own line: box office, switchboard), ``public_title`` (office holders
  and public bodies);
* ``MONTHS`` -- month names, every inflection a date uses.

A module may hold the boilerplate tables only (``hu``, ``id``, ``ro``): its language is
then no language of the PII engine (``PII_LANGUAGES`` lists the modules with PII tables).

Adding a language is adding one module here and its name to ``MODULES``.
"""

from __future__ import annotations

from types import ModuleType

from . import de, en, es, fr, hu, id, it, ja, nl, pl, pt, ro, sv

MODULES: dict[str, ModuleType] = {
    m.CODE: m for m in (en, de, fr, es, it, nl, pt, pl, sv, ja, hu, id, ro)
}
LANGUAGES: tuple[str, ...] = tuple(MODULES)
#: the languages with PII tables (``PII_LABELS``...): the PII engine's languages
PII_LANGUAGES: tuple[str, ...] = tuple(k for k, m in MODULES.items() if hasattr(m, "PII_LABELS"))
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


def social_labels(langs: tuple[str, ...] = LANGUAGES, kind: str = "SOCIAL_LABELS"
                  ) -> tuple[str, ...]:
    """Social-profile keys (``kind="FOLLOWER_LABELS"``: the follower counts), over ``langs``."""
    out: dict[str, None] = {}
    for lang in langs:
        out.update(dict.fromkeys(getattr(MODULES[lang], kind)))
    return tuple(out)


def fragments(kind: str, langs: tuple[str, ...] = LANGUAGES) -> tuple[str, ...]:
    """Regex fragments of one header kind (``RELATED_HEADERS``, ``CARD_HEADERS``,
    ``SOCIAL_HEADERS``), of the furniture lines (``LEGAL_LINES``, ``SUPPORT_PROMPTS``) or
    the ``MONTHS``, over ``langs``."""
    out: dict[str, None] = {}
    for lang in langs:  # a module may leave out a kind (``LEGAL_LINES``, ``SUPPORT_PROMPTS``)
        out.update(dict.fromkeys(getattr(MODULES[lang], kind, ())))
    return tuple(out)

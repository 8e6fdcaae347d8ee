"""Per-language words of the PII stage, read from :mod:`cleaner.vocab` (their one home).

Each language module there holds ``PII_LABELS`` (entity -> label words), ``PII_CONTEXT``
(entity -> context words), ``PII_WORDS`` (furniture words by kind: ``byline``,
``posted_by``, ``reply_from``, ``wrote``, ``closing``, ``author_header``, ``bio_role``,
``bio_verb``, ``born``, ``org_phone``, ``public_title``) and ``MONTHS``.
:mod:`cleaner.pii.registry` builds its labels, context words, month names and furniture
patterns from them through the functions below.
"""

from __future__ import annotations

from .. import vocab as _vocab

#: languages with PII words, in order
LANGUAGES: tuple[str, ...] = _vocab.PII_LANGUAGES


def words(key: str, lang: str | None = None) -> tuple[str, ...]:
    """The ``key`` furniture words (or ``"months"``) of one language, or of every
    language (in order, deduplicated)."""
    langs = [lang] if lang else list(LANGUAGES)
    out: list[str] = []
    for lg in langs:
        mod = _vocab.MODULES.get(lg)
        if mod is None:
            continue
        out.extend(mod.MONTHS if key == "months" else mod.PII_WORDS.get(key, ()))
    return tuple(dict.fromkeys(out))


def labels(entity: str, lang: str) -> tuple[str, ...]:
    """Label words of ``entity`` in ``lang``."""
    mod = _vocab.MODULES.get(lang)
    return tuple(mod.PII_LABELS.get(entity, ())) if mod is not None else ()


def context(entity: str, lang: str) -> tuple[str, ...]:
    """Free-text context words of ``entity`` in ``lang``."""
    mod = _vocab.MODULES.get(lang)
    return tuple(mod.PII_CONTEXT.get(entity, ())) if mod is not None else ()


def months(lang: str) -> tuple[str, ...]:
    mod = _vocab.MODULES.get(lang)
    return tuple(mod.MONTHS) if mod is not None else ()

"""Page metadata (title, author, date, site name, URL): trafilatura's, made safe to publish.

:func:`extract` runs trafilatura's metadata extraction on the tree the extract stage
has already parsed (the page is not parsed twice); it is on when
``extraction.with_metadata`` is (``cleaner clean --with-metadata``). The raw values
stay on the document (``doc.meta["page_metadata"]``) only until :func:`publish`
turns them into what a result, a record or a report may carry
(``CleanResult.metadata``, ``metadata.title`` ... of a batch record):

* ``author`` is a person's name by definition, a byline: the text's policy redacts
  labelled names (``Author: ...``) in page furniture, so the author gets the same
  treatment as such a name in the text: replaced per ``pii.style`` (``[PERSON]``, the
  text's own pseudonym for the same name, or omitted for ``remove``). It is kept as
  found only where the text would keep it: ``pii.enabled = false``, ``PERSON`` in
  ``pii.disabled_types``, or a value ``pii.allow``/``pii.allow_regex`` allows.
* ``title`` and ``sitename``: e-mail addresses, phone numbers and handles masked
  (:func:`cleaner.privacy.mask`), and the author's name where it appears in them
  replaced as above;
* ``url``: masked like every record URL (:func:`cleaner.privacy.mask`);
* ``date``: a publication date (``YYYY-MM-DD``), kept.

No value of these fields is ever logged or used as a key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .normalize import squash
from .privacy import mask

if TYPE_CHECKING:
    from .config import CleanerConfig
    from .model import Document

#: the fields a result or record carries, in this order (one place for the list)
FIELDS: tuple[str, ...] = ("title", "author", "date", "sitename", "url")
#: the entity type an author is, as the PII stage names it
AUTHOR_TYPE = "PERSON"
#: longest value kept (a title of a megabyte is an attack, not a title)
MAX_CHARS = 1000


@dataclass(frozen=True, slots=True)
class PageMetadata:
    """Raw metadata as trafilatura found it (personal data included: never published as is)."""

    title: str | None = None
    author: str | None = None
    date: str | None = None
    sitename: str | None = None
    url: str | None = None


def extract(tree: Any, url: str | None) -> PageMetadata:
    """trafilatura's metadata of an already-parsed page ``tree`` (not modified: the
    date search works on its own copy). A failure inside trafilatura gives empty
    metadata: metadata never fails a document."""
    from trafilatura.metadata import extract_metadata

    try:
        found = extract_metadata(tree, default_url=url, extensive=False)
    except Exception:  # a bug in a metadata heuristic must not cost the page its text
        return PageMetadata(url=url)

    def field(name: str) -> str | None:
        value = getattr(found, name, None)
        if not isinstance(value, str):
            return None
        value = " ".join(value.split())
        return value[:MAX_CHARS] or None

    return PageMetadata(**{name: field(name) for name in FIELDS})


def _author_kept(author: str, config: CleanerConfig) -> bool:
    """Whether the text's policy would leave this name as it is."""
    from .pii.stage import AllowList

    pii = config.pii
    if not pii.enabled or AUTHOR_TYPE in pii.disabled_types:
        return True
    return author in AllowList(pii)


def _author_replacement(author: str, doc: Document, config: CleanerConfig) -> str | None:
    """What the author becomes: the replacement the text gave the same name, else a new
    one in the configured style (``None``: omitted)."""
    from .pii import TAGS

    style = config.pii.style
    if style == "remove":
        return None
    tag = TAGS.get(AUTHOR_TYPE, AUTHOR_TYPE)
    if style == "tag":
        return f"[{tag}]"
    key = squash(author)
    seen: set[str] = set()
    for f in doc.findings:
        if f.category != "pii" or f.type != AUTHOR_TYPE or not f.replacement:
            continue
        seen.add(f.replacement)
        if f.start is not None and f.end is not None and squash(doc.text[f.start:f.end]) == key:
            return f.replacement  # the same person as in the text: the same pseudonym
    return f"[{tag}_{len(seen) + 1}]"


def publish(doc: Document, config: CleanerConfig) -> dict[str, str]:
    """The document's metadata as a result may carry it (see the module docstring);
    fields without a value are left out. Text inputs have only their ``url``."""
    raw: PageMetadata = doc.meta.pop("page_metadata", None) or PageMetadata(url=doc.url)
    out: dict[str, str] = {}
    author = raw.author
    replacement: str | None = None
    redact_author = bool(author) and not _author_kept(author or "", config)
    if author and redact_author:
        replacement = _author_replacement(author, doc, config)

    def scrub(value: str | None) -> str | None:
        if not value:
            return None
        if author and redact_author:
            value = re.sub(re.escape(author), replacement or "", value, flags=re.IGNORECASE)
            value = " ".join(value.split())
        return mask(value, MAX_CHARS) or None

    values = {
        "title": scrub(raw.title),
        "author": (replacement if redact_author else mask(author, MAX_CHARS)) if author else None,
        "date": raw.date,
        "sitename": scrub(raw.sitename),
        "url": mask(raw.url or doc.url, None),
    }
    for name in FIELDS:
        value = values[name]
        if value:
            out[name] = value
    return out

"""``cleaner check``: lint corpus files for boilerplate and personal data.

Each file is cleaned with the normal pipeline and every finding of a checked
category becomes one linter-style line::

    corpus/a.jsonl:17:1: PII email address in record "doc-42" (email)
    corpus/b.txt:88:1: LINK_FARM 6 spam headlines after the article (link_farm_tail)

Never the value itself: a line names the category, the kind of data and where.

Where a finding is
    ``.txt``/``.md``: the working text *is* the decoded file, so the offset of a
    finding maps exactly to a line and a column (1-based, in characters).
    ``.html``: the working text is trafilatura's extraction, so the finding's
    text (whitespace ignored) is looked up in the character data of the source,
    read with the standard ``html.parser`` which knows the line and column of
    every text run. Lines are exact; a column can be off when a character
    reference (``&amp;``) precedes the finding on its line. A finding whose text
    is not found is reported on line 1.
    ``.jsonl``/``.jsonl.gz``: one record a line; a finding is reported on its
    record's line, column 1, with the record id.

Consecutive boilerplate findings of one rule (only whitespace between them)
are one line (``6 spam headlines``); every PII finding is its own line.

Accepting findings
    inline: a line holding ``cleaner: allow`` (optionally restricted:
    ``cleaner: allow[pii,author_card]``) is not reported; ``cleaner:
    allow-next-line`` covers the next line. In HTML/Markdown put it in a
    comment (``<!-- cleaner: allow -->``); a JSONL record allows with the key
    ``"cleaner_allow": true`` (or a list of categories).
    config: ``[tool.cleaner.check] allow`` (exact strings, case and whitespace
    ignored) and ``allow_regex`` (full-match patterns) for known-good text.
    baseline: ``cleaner check --update-baseline`` records the current findings
    as salted hashes (PBKDF2-SHA256, a random salt per baseline file) with their
    line; later runs report only findings that are not in it. A salted hash
    keeps the value out of the file and cannot be matched across repositories,
    but a short value (a phone number, a date) can still be guessed by someone
    holding the file: it is not encryption.

``--fix`` rewrites text files (``.txt``, ``.md``, the text of JSONL records)
atomically: removed spans are cut (whole lines when they cover whole lines),
redactions substitute their placeholder, everything else stays byte for byte,
in the file's own encoding and BOM. HTML is reported but never rewritten, nor is
a file whose bytes do not decode cleanly (a rewrite would change them).
"""

from __future__ import annotations

from ..atomic import write_atomic
from .allow import _ALLOW_RE
from .baseline import BASELINE_VERSION, Baseline, baseline_key
from .checker import Checker, FileCheck
from .findings import BASELINE_ITERATIONS, CheckFinding, normalize
from .fix import apply_findings, fixed_content
from .kinds import FILES_PATTERN, SUFFIXES, file_kind
from .locate import HTMLLocator, LineIndex

__all__ = [
    "BASELINE_ITERATIONS",
    "BASELINE_VERSION",
    "FILES_PATTERN",
    "SUFFIXES",
    "_ALLOW_RE",
    "Baseline",
    "CheckFinding",
    "Checker",
    "FileCheck",
    "HTMLLocator",
    "LineIndex",
    "apply_findings",
    "baseline_key",
    "file_kind",
    "fixed_content",
    "normalize",
    "write_atomic",
]

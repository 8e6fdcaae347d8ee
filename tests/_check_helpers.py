"""A deterministic stand-in detector for testing ``cleaner check`` and the Scrapy
pipeline independently of the real boilerplate/PII stages' quality.

``FakeSpamStage`` removes every block starting with ``SPAM:`` (category
``link_farm``), every line starting with ``Author:`` (``author_card``) and
redacts e-mail addresses (``pii``/``EMAIL_ADDRESS`` -> ``[EMAIL]``).
"""

from __future__ import annotations

import re
from typing import Any

from cleaner.model import Document, Finding

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
FAKE_STAGES = ("extract", "fake_spam", "assemble", "quality")


class FakeSpamStage:
    name = "fake_spam"

    def __init__(self, config: Any) -> None:
        self.config = config

    def __call__(self, doc: Document) -> None:
        for b in doc.blocks:
            if b.text.startswith("SPAM:"):
                doc.findings.append(Finding("boilerplate", "link_farm", "fake_link_farm", 0.9,
                                            b.start, b.end, "removed", block=b.index))
            elif b.text.startswith("Author:"):
                doc.findings.append(Finding("boilerplate", "author_card", "fake_author_card",
                                            0.9, b.start, b.end, "removed", block=b.index))
            for m in EMAIL.finditer(b.text):
                doc.findings.append(Finding("pii", "pii", "fake_email", 0.99,
                                            b.start + m.start(), b.start + m.end(), "redacted",
                                            block=b.index, type="EMAIL_ADDRESS",
                                            replacement="[EMAIL]"))


def readme_blocks(heading: str, lang: str) -> list[str]:
    """The fenced ``lang`` code blocks under the README's ``## heading`` section."""
    from pathlib import Path

    text = (Path(__file__).resolve().parent.parent / "README.md").read_text("utf-8")
    m = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    if m is None:
        raise AssertionError(f"README has no '## {heading}' section")
    return re.findall(rf"^```{re.escape(lang)}\n(.*?)^```", m.group(1), re.M | re.S)

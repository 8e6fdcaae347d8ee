"""`cleaner.pii.registry.TAG_RE` recognises exactly the tags the PII stage prints."""

from __future__ import annotations

import pytest

from cleaner.pii.registry import TAG_RE


@pytest.mark.parametrize(
    ("text", "is_tag", "reason"),
    [
        ("[EMAIL]", True, "style tag"),
        ("[HANDLE]", True, "style tag, a social handle"),
        ("[DATE_OF_BIRTH]", True, "a tag with underscores"),
        ("[PERSON_1]", True, "style pseudonym"),
        ("[PHONE_12]", True, "pseudonym past nine"),
        ("[EMAIL", False, "unclosed"),
        ("[email]", False, "tags are upper case"),
        ("[NOTATAG]", False, "not a tag the stage prints"),
        ("[PERSON_]", False, "pseudonym without its number"),
        ("[1]", False, "a footnote mark"),
    ],
)
def test_tag_re(text: str, is_tag: bool, reason: str) -> None:
    assert (TAG_RE.fullmatch(text) is not None) is is_tag, reason

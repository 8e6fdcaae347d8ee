"""The one text normaliser: when two strings count as the same text or the same words."""

from __future__ import annotations

import pytest

from cleaner.normalize import flatten, squash, word_key


@pytest.mark.parametrize(
    ("text", "flat", "squashed", "words"),
    [
        pytest.param("  Read\tMore:\n Story ", "Read More: Story", "read more: story",
                     "read more story", id="white space runs and ends"),
        pytest.param("Straße", "Straße", "strasse", "straße",
                     id="same text folds case fully; same words only lower-cases"),
        pytest.param("Hello, world!!", "Hello, world!!", "hello, world!!", "hello world",
                     id="punctuation matters for the same text, not for the same words"),
        pytest.param("snake_case 42", "snake_case 42", "snake_case 42", "snake_case 42",
                     id="underscores and digits are word characters"),
        pytest.param("", "", "", "", id="empty"),
    ],
)
def test_normalisers(text: str, flat: str, squashed: str, words: str) -> None:
    assert (flatten(text), squash(text), word_key(text)) == (flat, squashed, words)

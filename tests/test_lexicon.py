"""lexicon.words: the fast path (lower-case the text, then find words) equals the
reference (find words, lower-case each one)."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.lexicon import _WORD, words


def reference_words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def test_lower_casing_keeps_letters_letters_on_every_code_point() -> None:
    # what the fast path relies on: apart from U+0130 (two characters) lower-casing a
    # character gives one character of the same class (letter / apostrophe / other)
    letter = re.compile(r"[^\W\d_]")
    odd = []
    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        low = c.lower()
        if low == c:
            continue
        same_class = bool(letter.match(c)) == bool(letter.match(low[:1])) and (
            (c in "'’") == (low in "'’")
        )
        if len(low) != 1 or not same_class:
            odd.append(cp)
    assert odd == [0x130]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("The Council’s PLAN", ["the", "council's", "plan"], id="curly apostrophe"),
        pytest.param("İstanbul İzmir", ["i̇stanbul", "i̇zmir"], id="dotted capital I: two chars"),
        pytest.param("ΟΔΟΣ.ΑΘΗΝΑ", ["οδος", "αθηνα"], id="final sigma decided per word"),
        pytest.param("Straße 12b, x_y", ["straße", "b", "x", "y"], id="digits, underscore"),
    ],
)
def test_words_table(text: str, expected: list[str]) -> None:
    assert words(text) == expected == reference_words(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=60)
       | st.text(alphabet="aAΣσςİıi’'. -Éé1_ΟΔ", max_size=30))
def test_words_equals_reference(text: str) -> None:
    assert words(text) == reference_words(text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param("don't stop", id="ASCII apostrophe inside a word"),
        pytest.param("'quoted' rock'n'roll a''b x'1 y' 'z", id="apostrophes at edges and doubled"),
        pytest.param("ABC_def 9am CamelCase", id="underscore and digits split words"),
        pytest.param("".join(map(chr, range(128))), id="every ASCII character"),
    ],
)
def test_words_ascii_fast_path_equals_reference(text: str) -> None:
    assert text.isascii()
    assert words(text) == reference_words(text)


def test_words_ascii_fast_path_on_every_ascii_pair() -> None:
    # each ASCII character between letters, after a letter and before one
    for cp in range(128):
        c = chr(cp)
        for text in (f"ab{c}cd", f"x'{c}y", f"{c}'q", f"Q{c}'"):
            assert words(text) == reference_words(text), repr(text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("“Quoted” text — with dashes… and it’s fine", id="curly quotes, dash, ’"),
        pytest.param("x² y½ z", id="superscript two and a half count as letters: slow path"),
        pytest.param("Ⅻ chapter", id="a Roman numeral counts as a letter: slow path"),
        pytest.param("naïve café", id="accented letters: slow path"),
        pytest.param("\u212a elvin", id="Kelvin sign is a letter: slow path"),
        pytest.param("a\u0301b ’’x ’y’", id="combining mark and doubled apostrophes"),
        pytest.param("٣ apples ๓", id="non-ASCII digits separate words"),
    ],
)
def test_words_non_ascii_without_letters_equals_reference(text: str) -> None:
    assert words(text) == reference_words(text)

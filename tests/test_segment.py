"""Text segmentation: offsets into the input, kinds and paragraph groups."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleaner.segment import segment


def test_offsets_index_the_input_exactly() -> None:
    text = "Title Here\n\nFirst paragraph. It has two sentences.\n\n  • Name : X\n  • Email : y\n"
    blocks = segment(text)
    for b in blocks:
        assert text[b.start : b.end] == b.text
    assert [b.kind for b in blocks] == ["heading", "paragraph", "list_item", "list_item"]
    assert blocks[2].group == blocks[3].group != blocks[1].group


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        pytest.param("A Short Headline Without Period", ["heading"], id="title-case-line"),
        pytest.param("A sentence that ends with a period.", ["paragraph"], id="sentence"),
        pytest.param("What Does It Mean? | Site Name", ["heading"], id="question-headline"),
        pytest.param("line one\nline two\nline three", ["line", "line", "line"],
                     id="short-lines-split"),
        pytest.param(
            "This prose was wrapped at a fixed width by the scraper so that\n"
            "every line is long and none of them ends a sentence until the\n"
            "very last one, which does.",
            ["paragraph"],
            id="hard-wrapped-prose-stays-one-block",
        ),
        pytest.param("- one\n- two", ["list_item", "list_item"], id="dash-list"),
        pytest.param("1. one\n2) two", ["list_item", "list_item"], id="numbered-list"),
    ],
)
def test_kinds(text: str, kinds: list[str]) -> None:
    assert [b.kind for b in segment(text)] == kinds


def test_markdown_heading_and_quote() -> None:
    blocks = segment("# Head\n\n> quoted words\n\nbody text here.", markdown=True)
    assert [b.kind for b in blocks] == ["heading", "quote", "paragraph"]


def test_blank_and_whitespace_only_input_has_no_blocks() -> None:
    assert segment("") == []
    assert segment(" \n\n\t \n") == []


@given(st.text(alphabet=st.sampled_from(list("ab .\n\t•-:|#")), max_size=300))
def test_blocks_are_ordered_disjoint_and_trimmed(text: str) -> None:
    blocks = segment(text)
    prev_end = 0
    for i, b in enumerate(blocks):
        assert b.index == i
        assert prev_end <= b.start < b.end <= len(text)
        assert text[b.start : b.end] == b.text == b.text.strip()
        prev_end = b.end

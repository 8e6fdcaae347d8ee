"""Issue #11, article pages: a fast extraction that is the site's menus is replaced by
trafilatura's fallback body (``cleaner.menupage``, ``ExtractStage._menu_fallback``)."""

from __future__ import annotations

from typing import Any

import lxml.html
import pytest

from cleaner import Cleaner, CleanerConfig
from cleaner.extract import ExtractStage
from cleaner.menupage import fallback_better, menu_shaped, sentence_words

SENTENCE = "The city's home care team found two of its five cars broken into this morning."
MENU = [f"Menu item {i}" for i in range(200)]


@pytest.mark.parametrize(
    ("texts", "expected", "reason"),
    [
        ([SENTENCE], (1, 15, 15), "one sentence of fifteen words"),
        (["Contact us", "About"], (2, 3, 0), "menu entries: no sentence words"),
        (["Five words end here."], (1, 4, 0), "four words with a full stop: under half the bar"),
        (["One two three four five."], (1, 5, 5), "five words with a full stop: a sentence"),
        (["One two three four five"], (1, 5, 0), "five words without an ending: not one"),
        (["one two three four five six seven eight nine ten"], (1, 10, 10),
         "ten words: a sentence with or without an ending"),
        (["東京都の介護チームは今朝、車が壊されているのを見つけた。"], (1, 13, 13),
         "unspaced script: counted by characters, ended by a full stop"),
    ],
)
def test_sentence_words(texts: list[str], expected: tuple[int, int, int], reason: str) -> None:
    assert sentence_words(texts) == expected, reason


@pytest.mark.parametrize(
    ("shape", "expected", "reason"),
    [
        ((853, 1202, 118), True, "the benchmark page: 853 menu lines around one news item"),
        ((59, 120, 0), False, "under 60 blocks: a short page, not judged"),
        ((60, 120, 0), True, "60 blocks, no sentences"),
        ((200, 1000, 249), True, "just under a quarter in sentences"),
        ((200, 1000, 250), False, "a quarter in sentences: an article with many list items"),
        ((515, 3562, 1175), False, "WCXB's most list-like article (0.33): left alone"),
    ],
)
def test_menu_shaped(shape: tuple[int, int, int], expected: bool, reason: str) -> None:
    assert menu_shaped(shape) is expected, reason


@pytest.mark.parametrize(
    ("fast", "alt", "expected", "reason"),
    [
        ((853, 1202, 118), (5, 103, 95), True, "the news item alone: shorter, in sentences"),
        ((853, 1202, 118), (5, 50, 45), False, "under half the fast body's sentence words"),
        ((853, 1202, 118), (900, 1300, 200), False, "longer: not a replacement"),
        ((853, 1202, 118), (400, 600, 59), True, "half as long with exactly half the sentences"),
        ((853, 1202, 118), (400, 600, 58), False, "one sentence word under half"),
        ((853, 1202, 118), (300, 590, 58), False, "no more sentence-like than the fast body"),
        ((853, 1202, 118), (0, 0, 0), False, "an empty fallback"),
    ],
)
def test_fallback_better(
    fast: tuple[int, int, int], alt: tuple[int, int, int], expected: bool, reason: str
) -> None:
    assert fallback_better(fast, alt) is expected, reason


def _body(texts: list[str]) -> Any:
    return lxml.html.fromstring("<body>" + "".join(f"<p>{t}</p>" for t in texts) + "</body>")


ARTICLE = [SENTENCE, "Patients booked for the morning are being rescheduled by the health office."]


@pytest.mark.parametrize(
    ("fast_texts", "alt_texts", "path", "reason"),
    [
        (MENU + ARTICLE, ARTICLE, "fallback", "menus around the article: the fallback's body"),
        (MENU + ARTICLE, MENU[:50], "fast", "the fallback lost the article: fast kept"),
        (ARTICLE * 40, ARTICLE, "fast", "a long article: the fallback is not asked"),
    ],
)
def test_menu_fallback_end_to_end(
    monkeypatch: pytest.MonkeyPatch, fast_texts: list[str], alt_texts: list[str], path: str,
    reason: str,
) -> None:
    calls: list[bool] = []

    def fake(self: ExtractStage, tree: Any, url: str | None, *, fast: bool,
             comments: bool = False) -> Any:
        calls.append(fast)
        return _body(fast_texts if fast else alt_texts)

    monkeypatch.setattr(ExtractStage, "_trafilatura", fake)
    monkeypatch.setattr("cleaner.extract.suspect_truncation", lambda *a, **k: None)
    cfg = CleanerConfig(stages=("extract", "assemble"))
    result = Cleaner(cfg).clean("<html><body><p>x</p></body></html>", format="html")
    info = result.report.to_dict()["extraction"]
    assert info["path"] == path, reason
    if path == "fallback":
        assert info["path_reason"] == "menu_shaped"
        assert info["menu_shaped"]["blocks"] == len(fast_texts)
        assert "Menu item" not in result.text and SENTENCE in result.text
    else:
        assert "menu_shaped" not in info
        assert SENTENCE in result.text or alt_texts == ARTICLE
    assert calls[0] is True
    assert (False in calls) is (fast_texts == MENU + ARTICLE), reason

"""Language stage: seeded langdetect on the body and per block; short text is `und`."""

from __future__ import annotations

import pytest

from cleaner import Cleaner, CleanerConfig
from cleaner.language import detect

LANG_ONLY = CleanerConfig(stages=("extract", "language", "assemble", "quality"))

SAMPLES = {
    "en": "The council approved the plan on Tuesday after a long debate about the costs "
    "and the effect it would have on the people who live near the harbour.",
    "de": "Der Stadtrat hat den Plan am Dienstag nach einer langen Debatte über die Kosten "
    "und die Folgen für die Menschen am Hafen beschlossen.",
    "fr": "Le conseil municipal a approuvé le projet mardi après un long débat sur les coûts "
    "et les conséquences pour les habitants du port.",
    "es": "El ayuntamiento aprobó el plan el martes después de un largo debate sobre los "
    "costes y el efecto que tendría en los vecinos del puerto.",
    "it": "Il consiglio comunale ha approvato il piano martedì dopo un lungo dibattito sui "
    "costi e sulle conseguenze per gli abitanti del porto.",
    "nl": "De gemeenteraad heeft het plan dinsdag goedgekeurd na een lang debat over de "
    "kosten en de gevolgen voor de mensen die bij de haven wonen.",
}


@pytest.fixture(scope="module")
def lang_cleaner() -> Cleaner:
    return Cleaner(LANG_ONLY)


@pytest.mark.parametrize("code", sorted(SAMPLES), ids=lambda c: f"body-{c}")
def test_body_language(lang_cleaner: Cleaner, code: str) -> None:
    lang = lang_cleaner.clean(SAMPLES[code]).report.to_dict()["language"]
    assert lang["code"] == code
    assert lang["reliable"] is True
    assert lang["prob"] >= 0.8


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param("Hi there", id="two-words"),
        pytest.param("12345 678 90 --- !!!", id="no-letters"),
    ],
)
def test_short_text_is_undetermined_not_guessed(lang_cleaner: Cleaner, text: str) -> None:
    lang = lang_cleaner.clean(text).document.language
    if lang is not None:  # empty input has no blocks but still gets a result
        assert lang.code == "und"
        assert lang.reliable is False
        assert lang.method == "too_short"


def test_detection_is_deterministic() -> None:
    text = "Totam ut tempora ipsam et. Repellendus dolor animi iste et ex minima officiis."
    assert len({detect(text) for _ in range(5)}) == 1


def test_foreign_block_inside_english_page_is_visible(lang_cleaner: Cleaner) -> None:
    page = "\n\n".join(
        [SAMPLES["en"], SAMPLES["en"].replace("council", "committee"), SAMPLES["de"]]
    )
    doc = lang_cleaner.clean(page).document
    assert doc.language is not None and doc.language.code == "en"
    assert [b.lang for b in doc.blocks] == ["en", "en", "de"]
    assert doc.blocks[2].lang_method == "langdetect"
    assert doc.blocks[0].lang_method == "stopwords"


def test_latin_filler_block_is_not_reported_as_english(lang_cleaner: Cleaner) -> None:
    filler = ("Quia dolores sit amet eius. Voluptas officia nemo aut rerum similique. "
              "Eum temporibus quis deleniti aut.")
    doc = lang_cleaner.clean(SAMPLES["en"] + "\n\n" + filler).document
    assert doc.blocks[-1].lang not in ("en", None)


def test_language_can_be_disabled() -> None:
    from cleaner.config import LanguageConfig

    cfg = LANG_ONLY.replace(language=LanguageConfig(enabled=False))
    assert Cleaner(cfg).clean(SAMPLES["en"]).document.language is None

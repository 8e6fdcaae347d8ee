"""Language stage: seeded langdetect on the body and per block; short text is `und`."""

from __future__ import annotations

import pytest

from cleaner import Cleaner, CleanerConfig
from cleaner.language import detect
from cleaner.model import Block

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


# -- the fast detector must equal stock langdetect to the last bit ------------------------

#: (text, trials, max_chars, why this row)
STOCK_CASES = [
    *((t, 3, 2000, f"body sample {c}") for c, t in sorted(SAMPLES.items())),
    (SAMPLES["en"][:120], 3, 300, "block-sized English"),
    ("Привет мир, как дела? Это тест на русском языке для детектора.", 3, 300,
     "Cyrillic: cleaning_text drops Latin only when non-Latin dominates"),
    ("日本語のテキストです。これはテストです。東京タワー", 3, 300, "kana and kanji normalisation"),
    ("中文文本测试，这是一个测试句子。我们今天去北京。", 3, 300, "CJK map"),
    ("مرحبا بالعالم هذا اختبار للكشف عن اللغة ی", 3, 300, "Arabic, Farsi yeh"),
    ("Tiếng Việt có dấu: người Việt Nam rất thân thiện", 3, 300,
     "Vietnamese diacritics (normalize_vi)"),
    ("THE NATO SUMMIT in BRUSSELS ended WITH NO DEAL", 3, 300, "capital words are skipped"),
    ("Write to a.b@example.org or see https://example.org/x?y=1 for   more    details", 3,
     300, "URL and e-mail removal, runs of spaces"),
    ("Ελληνικά και English mixed together in one Satz, bitte", 7, 10000,
     "mixed scripts, stock trial count and length"),
    ("Ünïcödé Àççéñts ÿ ß ø å æ œ", 3, 300, "Latin-1 letters"),
    ("1234 5678 !!! ---", 3, 300, "no features: both raise"),
    ("", 3, 300, "empty: both raise"),
]


def _stock_and_fast() -> tuple[object, object]:
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    from cleaner.langdetect_fast import LazyProfiles

    DetectorFactory.seed = 0
    stock = DetectorFactory()
    stock.load_profile(PROFILES_DIRECTORY)
    return stock, LazyProfiles(PROFILES_DIRECTORY, seed=0)


@pytest.fixture(scope="module")
def detector_factories() -> tuple[object, object]:
    return _stock_and_fast()


def _run(factory: object, text: str, trials: int, max_chars: int) -> object:
    from langdetect.lang_detect_exception import LangDetectException

    d = factory.create()  # type: ignore[attr-defined]
    d.n_trial, d.max_text_length = trials, max_chars
    d.append(text)
    try:
        probs = d.get_probabilities()
    except LangDetectException as exc:
        return ("raised", str(exc))
    return [(p.lang, p.prob) for p in probs], list(d.langprob)


@pytest.mark.parametrize(
    ("text", "trials", "max_chars"),
    [pytest.param(t, n, m, id=why) for t, n, m, why in STOCK_CASES],
)
def test_fast_detector_equals_stock_langdetect(
    detector_factories: tuple[object, object], text: str, trials: int, max_chars: int
) -> None:
    stock, fast = detector_factories
    assert _run(fast, text, trials, max_chars) == _run(stock, text, trials, max_chars)


def test_fast_detector_equals_stock_on_fixture_pages(
    detector_factories: tuple[object, object],
) -> None:
    from conftest import PAGES

    stock, fast = detector_factories
    texts = [p.read_bytes().decode("utf-8", "replace") for p in sorted(PAGES.iterdir())]
    chunks = [t[i : i + 300] for t in texts for i in range(0, min(len(t), 3000), 300)]
    assert len(chunks) > 20
    for chunk in chunks:
        assert _run(fast, chunk, 3, 300) == _run(stock, chunk, 3, 300), chunk[:60]


# -- which blocks go to langdetect ----------------------------------------------------------

#: (block appended to an English page, expected (lang, method), why)
BLOCK_CASES = [
    ("Council Approves Harbour Plan, Citing Lower Costs", ("en", "inherited"),
     "same script, no stopwords of any language: no sign of another language"),
    ("The council approved the plan on Tuesday after the debate.", ("en", "stopwords"),
     "English function words: the stopword screen"),
    ("Городской совет одобрил план во вторник после долгих дебатов.", ("ru", "langdetect"),
     "another script goes to langdetect"),
    (SAMPLES["de"], ("de", "langdetect"), "German stopwords disagree with the body"),
    ("Quia dolores sit amet eius voluptas officia nemo aut rerum similique eum temporibus",
     (None, "langdetect"), "long prose without English function words (filler)"),
]


@pytest.mark.parametrize(("block", "expected"), [pytest.param(b, e, id=why)
                                                  for b, e, why in BLOCK_CASES])
def test_block_language_method(
    lang_cleaner: Cleaner, block: str, expected: tuple[str | None, str]
) -> None:
    page = "\n\n".join([SAMPLES["en"], SAMPLES["en"].replace("council", "committee"), block])
    doc = lang_cleaner.clean(page).document
    assert doc.language is not None and doc.language.code == "en"
    last = doc.blocks[-1]
    lang, want_method = expected
    assert _method(last) == want_method
    if lang is None:
        assert last.lang != "en"
    else:
        assert last.lang == lang


def _method(block: Block) -> str | None:
    return block.lang_method


@pytest.mark.parametrize(
    ("reliable", "method"),
    [pytest.param(True, "inherited", id="reliable body: inherited"),
     pytest.param(False, "langdetect", id="unreliable body: detected, not inherited")],
)
def test_only_a_reliable_body_language_is_inherited(
    lang_cleaner: Cleaner, reliable: bool, method: str
) -> None:
    from cleaner.language import LanguageStage
    from cleaner.model import LanguageResult

    headline = "Council Approves Harbour Plan, Citing Lower Costs"
    doc = lang_cleaner.clean(SAMPLES["en"] + "\n\n" + headline).document
    doc.language = LanguageResult("en", 0.99 if reliable else 0.5, reliable)
    LanguageStage(LANG_ONLY)._blocks(doc, SAMPLES["en"])
    assert _method(doc.blocks[-1]) == method

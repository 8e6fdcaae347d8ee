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


# -- fast paths against their slow references ---------------------------------------------


def _reference_script(text: str) -> str | None:
    """``script`` letter by letter, as it was written before the translate table."""
    from bisect import bisect_right

    from cleaner.language import _LETTER, _NON_LATIN_LETTER, _SCRIPT_STARTS, _SCRIPTS

    if text.isascii() or not _NON_LATIN_LETTER.search(text):
        return "latin" if _LETTER.search(text) else None
    counts: dict[str, int] = {}
    for ch in text:
        if ch.isalpha():
            name = _SCRIPTS[bisect_right(_SCRIPT_STARTS, ord(ch)) - 1][1]
            counts[name] = counts.get(name, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None


#: (text, expected script, why this row)
SCRIPT_CASES = [
    ("", None, "empty: no letters"),
    ("12 345 !?", None, "digits and punctuation only"),
    ("plain ascii", "latin", "ASCII shortcut"),
    ("café déjà vu", "latin", "Latin with accents (no non-Latin letter)"),
    ("Привет мир", "cyrillic", "Cyrillic"),
    ("abc Привет", "cyrillic", "more Cyrillic than Latin letters"),
    ("abcdefg Прив", "latin", "more Latin than Cyrillic letters"),
    ("ab Пр", "latin", "a tie goes to the script met first (Latin)"),
    ("Пр ab", "cyrillic", "a tie goes to the script met first (Cyrillic)"),
    ("東京タワー", "kana", "two Han, three kana (the long-vowel mark is a letter)"),
    ("東京都タ", "han", "three Han, one kana"),
    ("ひらがなカタカナ東京", "kana", "kana outnumbers Han"),
    ("한국어 텍스트", "hangul", "Hangul syllables"),
    ("ไทย", "thai", "Thai letters"),
    ("Ελληνικά", "greek", "Greek"),
    ("Ǆ ǅ ꙮ 𝔄𝔅", None, "letters outside the table's named ranges: whatever the reference says"),
    ("x² ½ Пр", "cyrillic", "numeric characters that are not letters are not counted"),
    ("² ½", "latin", "no letter but [^\\W\\d_] matches: the shortcut says Latin"),
]


@pytest.mark.parametrize(("text", "expected"),
                         [pytest.param(t, e, id=why) for t, e, why in SCRIPT_CASES])
def test_script_equals_letter_by_letter_reference(text: str, expected: str | None) -> None:
    from cleaner.language import script

    want = _reference_script(text)
    assert script(text) == want
    if expected is not None:
        assert want == expected


def test_script_equals_reference_on_random_mixtures() -> None:
    import random

    from cleaner.language import script

    rng = random.Random(7)
    pool = "abcÀéпри東京ひらカタ한국αβ עבר عربى ไทย 12,.!ǅꙮ𝔄²"
    for _ in range(3000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 14)))
        assert script(text) == _reference_script(text), text


#: (text, trials, max_chars, why): the seeded stream's draws against ``random.Random``
STREAM_CASES = [
    ("a", 3, 300, "one n-gram: every draw is below 1"),
    ("ab", 3, 300, "a few n-grams"),
    ("the " * 400, 3, 2000, "one repeated word: many draws of the same rows"),
    (SAMPLES["de"] * 6, 7, 10000, "long text, stock trial count: several stream chunks"),
    ("Привет мир " * 30, 5, 2000, "odd trial count: a gauss value left cached"),
    ("zzqx vvkj wxyq " * 60, 3, 2000, "rare n-grams: slow convergence, long trials"),
]


@pytest.mark.parametrize(("text", "trials", "max_chars"),
                         [pytest.param(t, n, m, id=why) for t, n, m, why in STREAM_CASES])
def test_seeded_stream_draws_equal_random_module(
    detector_factories: tuple[object, object], text: str, trials: int, max_chars: int
) -> None:
    """The stream path (draws read from precomputed words) against the stock detector,
    and against the same fast detector with the stream switched off (draws from
    ``random.Random``)."""
    from langdetect.detector_factory import PROFILES_DIRECTORY

    from cleaner.langdetect_fast import LazyProfiles

    stock, fast = detector_factories
    assert fast.stream is not None  # type: ignore[attr-defined]
    no_stream = LazyProfiles(PROFILES_DIRECTORY, seed=0)
    no_stream.stream = None
    want = _run(stock, text, trials, max_chars)
    assert _run(fast, text, trials, max_chars) == want
    assert _run(no_stream, text, trials, max_chars) == want


def test_seeded_stream_is_refused_when_it_disagrees_with_random() -> None:
    """A stream whose words are not ``random.Random``'s fails its start-up check (the
    detector then draws from ``random.Random``)."""
    from cleaner.langdetect_fast import _SeededStream

    good = _SeededStream(0)
    assert good._agrees(0)
    bad = _SeededStream(0)
    bad.words = bad.words.copy()
    bad.words[5] ^= 1 << 31  # one flipped top bit changes a draw
    assert not bad._agrees(0)
    assert _SeededStream.checked(None) is None


#: (n-gram, why this row): rows of the compact profiles against langdetect's own table
ROW_CASES = [
    ("e", "a one-letter n-gram every Latin profile has"),
    ("th", "a two-letter n-gram"),
    ("the", "a three-letter n-gram"),
    (" t", "an n-gram that starts with a space"),
    ("東", "a Han character (only CJK profiles have it)"),
    ("ß", "a letter only a few profiles have"),
    ("ья", "Cyrillic pair"),
    ("qzx", "an n-gram no profile has"),
    ("\x00", "a control character no profile has"),
    ("zzzzzz", "longer than any n-gram (past the end of the sorted table)"),
    ("", "empty string"),
]


@pytest.mark.parametrize("gram", [pytest.param(g, id=why) for g, why in ROW_CASES])
def test_compact_profile_rows_equal_langdetect_table(
    detector_factories: tuple[object, object], gram: str
) -> None:
    stock, fast = detector_factories
    table = stock.word_lang_prob_map  # type: ignore[attr-defined]
    index = fast.row(gram)  # type: ignore[attr-defined]
    if gram not in table:
        assert index == -1
        return
    assert index >= 0
    assert fast.matrix[index].tolist() == list(table[gram])  # type: ignore[attr-defined]
    assert fast.row(gram) == index  # filled once  # type: ignore[attr-defined]


def test_word_cache_limit_keeps_results(
    detector_factories: tuple[object, object], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the per-process word cache limit words are computed, not kept: the same
    probabilities, and the cache stops growing (one empty-word entry + the limit)."""
    from langdetect.detector_factory import PROFILES_DIRECTORY

    import cleaner.langdetect_fast as ldf

    stock, _ = detector_factories
    monkeypatch.setattr(ldf, "_MAX_WORDS", 3)
    small = ldf.LazyProfiles(PROFILES_DIRECTORY, seed=0)
    text = "  ".join([SAMPLES["fr"], SAMPLES["nl"]])  # double spaces: empty words
    assert _run(small, text, 3, 2000) == _run(stock, text, 3, 2000)
    assert len(small.spaced) <= 3 + 1

"""Quality reasons are values (code, message, detail); their readers count codes, never text."""

from __future__ import annotations

import pytest

from cleaner import Cleaner, CleanerConfig
from cleaner.batch.process import Result
from cleaner.batch.tally import Tally
from cleaner.config import QualityConfig
from cleaner.htmlreport import _Aggregate, _index_row
from cleaner.model import Reason

STAGES = ("extract", "language", "assemble", "quality")
SENTENCE = "The harbour wall will be two metres higher than the old one, the engineers said. "


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    return Cleaner(CleanerConfig(stages=STAGES))


@pytest.mark.parametrize(
    ("words", "code", "detail"),
    [
        # 15 words a sentence: the counts below are planted, not read from the stage
        pytest.param(30, "too_short", {"words": 30, "min_words": 50}, id="under min_words"),
        pytest.param(90, "short", {"words": 90, "review_words": 120}, id="under review_words"),
    ],
)
def test_size_reasons_carry_their_numbers(
    cleaner: Cleaner, words: int, code: str, detail: dict[str, int]
) -> None:
    text = SENTENCE * (words // 15)
    assert len(text.split()) == words
    quality = cleaner.clean(text).document.quality
    assert quality is not None
    reason = next(r for r in quality.reasons if r.code == code)
    assert dict(reason.detail) == detail
    assert str(reason) == f"{code}: {reason.message}"


def test_empty_output_reason() -> None:
    quality = Cleaner(CleanerConfig(stages=STAGES)).clean("   \n  ").document.quality
    assert quality is not None and [r.code for r in quality.reasons] == ["empty"]


def test_report_keeps_the_readable_form_beside_the_structured_one(cleaner: Cleaner) -> None:
    strict = Cleaner(CleanerConfig(stages=STAGES, quality=QualityConfig(languages=("de",))))
    q = strict.clean(SENTENCE * 4).report.to_dict()["quality"]
    assert q["reasons"] == [f"{d['code']}: {d['message']}" for d in q["reason_details"]]
    lang = next(d for d in q["reason_details"] if d["code"] == "language")
    assert lang["detail"] == {"language": "en", "allowed": ["de"]}


def test_tally_counts_codes_not_text() -> None:
    """The message may say anything (a colon, another language): the code is counted."""
    t = Tally()
    t.add(Result("rejected", "a", reasons=["words: too few"], reason_codes=["too_short"]))
    t.add(Result("rejected", "b", reasons=["x"], reason_codes=["low_score", "signals"]))
    t.add(Result("rejected", "c"))
    assert dict(t.rejected_reasons) == {"too_short": 1, "low_score": 1, "signals": 1,
                                        "unspecified": 1}


def _report(details: list[Reason] | None, legacy: list[str]) -> dict:
    quality: dict = {"score": 0.2, "verdict": "reject", "signals": {}, "reasons": legacy}
    if details is not None:
        quality["reason_details"] = [r.to_dict() for r in details]
    return {"verdict": "reject", "quality": quality}


@pytest.mark.parametrize(
    ("details", "legacy", "keys"),
    [
        pytest.param([Reason("low_score", "0.21 < reject_below 0.3", {"score": 0.21})],
                     ["misleading: text"], {"low_score": 1}, id="counted by code"),
        pytest.param([Reason("signals", "a; b", {"signals": ["symbol_ratio", "dup"]})],
                     ["signals: a; b"], {"signals: symbol_ratio, dup": 1},
                     id="signals name the failing signals"),
        pytest.param(None, ["too_short: 12 words < min_words 50"],
                     {"too_short: # words < min_words #": 1},
                     id="a report from before reason_details: its text, numbers as #"),
    ],
)
def test_html_report_groups_reasons_by_code(
    details: list[Reason] | None, legacy: list[str], keys: dict[str, int]
) -> None:
    agg = _Aggregate()
    rep = _report(details, legacy)
    agg.add(0, _index_row(0, rep), rep)
    assert dict(agg.reasons) == keys

"""The article's end on a page whose script has no sentence-final mark (Thai) (issue 12).

Thai separates phrases with spaces and ends no sentence with a mark, so no Thai paragraph
is prose (a terminated paragraph of 25+ words); without prose the article has no end and
no after-the-article rule runs: the English bio with an e-mail and a phone and the
headline run after it stay. The end is the last long block in the body's (non-Latin)
script when what follows is short or in another script. The tail rows fail on the tree
before ``_unmarked_end``; the Thai text itself must stay byte for byte.
"""

from __future__ import annotations

import pytest
from _boilerplate_helpers import bp_findings, make_cleaner

TITLE = "สภาเมืองอนุมัติตารางเรือเฟอร์รี่ใหม่"
THAI = (
    "สภาเมืองอนุมัติตารางเดินเรือเฟอร์รี่ใหม่เมื่อวันอังคาร หลังจากชาวเกาะร้องเรียนเรื่องเที่ยวเรือ"
    "ที่ถูกยกเลิกมาหลายเดือน ตารางใหม่เพิ่มเที่ยวเช้าสองเที่ยว และเลื่อนเที่ยวสุดท้ายออกไปอีกสี่สิบนาที "
    "เพื่อให้คนทำงานกลับบ้านได้ทัน",
    "บริษัทเดินเรือกล่าวว่าการเปลี่ยนแปลงนี้ขึ้นอยู่กับการจ้างลูกเรือเพิ่มอีกหกคนก่อนฤดูร้อน "
    "สภาจะช่วยจ่ายค่าจ้างส่วนหนึ่งเป็นเวลาสองปี และจะสอบถามความเห็นของชาวบ้านผ่านแบบสำรวจออนไลน์"
    "ในฤดูใบไม้ร่วง",
    "เจ้าของร้านค้าบนเกาะต่างยินดีกับเที่ยวเรือที่ดึกขึ้น เพราะเชื่อว่าจะมีนักท่องเที่ยวช่วงเย็นมากขึ้น "
    "เที่ยวเรือตามตารางใหม่จะเริ่มในเดือนพฤษภาคม",
)
#: a short closing line in Thai (a photo and data credit)
CREDIT = "ภาพประกอบและข้อมูลโดยกองบรรณาธิการ"
HEADLINES = ("12 Kitchen Gadgets That Will Change Your Life Forever",
             "You Won't Believe What These Child Stars Look Like Now",
             "This One Weird Trick Melts Belly Fat Overnight")
BIO = ("About Sunee Kaewmanee",
       "Sunee Kaewmanee is a ferry pilot at Andaman Lines. Reach Sunee at "
       "sunee.k@example.org or +66 76 391 208.")


def _doubled(lines: tuple[str, ...]) -> list[str]:
    return [h for line in lines for h in (line, line)]


def _text(*tail: str, body: tuple[str, ...] = THAI) -> tuple[str, str]:
    return "\n\n".join((TITLE, *body, *tail)) + "\n", "text"


def _md(*tail: str) -> tuple[str, str]:
    return "\n\n".join((f"# {TITLE}", *THAI, *tail)) + "\n", "markdown"


#: (id, page, text that must go, reason)
TAILS = [
    ("bio_after_thai", _text(*BIO), ("sunee.k@example.org", "+66 76 391 208"),
     "an English bio with an e-mail and a phone after a Thai article"),
    ("headlines_after_thai", _text(*_doubled(HEADLINES)), HEADLINES,
     "clickbait headlines printed twice after a Thai article"),
    ("markdown_headline_run", _md(*(f"### [{h}](https://example.net/{k})\n\n"
                                    f"[{h}](https://example.net/{k})"
                                    for k, h in enumerate(HEADLINES))), HEADLINES,
     "a header-less run of linked Markdown headlines after a Thai article"),
    ("headlines_then_bio", _text(*_doubled(HEADLINES), *BIO),
     (*HEADLINES, "sunee.k@example.org"), "headlines and then the bio"),
]


@pytest.fixture(scope="module")
def bp():
    return make_cleaner()


@pytest.fixture(scope="module")
def off():
    return make_cleaner(enabled=False)


@pytest.mark.parametrize("row", TAILS, ids=[r[0] for r in TAILS])
def test_the_tail_after_a_thai_article_goes(bp, row) -> None:
    _, (page, fmt), gone, reason = row
    result = bp.clean(page, format=fmt)
    for text in gone:
        assert text not in result.text, (reason, text, [f.rule for f in bp_findings(result)])
    for para in THAI:
        assert para in result.text, (reason, para[:20])


#: (id, page, reason): pages the stage must leave as they are
KEPT = [
    ("thai_alone", _text(), "a Thai article with nothing after it"),
    ("thai_short_last_line", _text(body=(*THAI, CREDIT)),
     "a short Thai line (a credit) after the last long paragraph, nothing else"),
    ("thai_markdown", _md(), "the same article in Markdown"),
]


@pytest.mark.parametrize("row", KEPT, ids=[r[0] for r in KEPT])
def test_a_thai_article_alone_is_untouched(bp, off, row) -> None:
    _, (page, fmt), reason = row
    assert bp.clean(page, format=fmt).text == off.clean(page, format=fmt).text, reason


def test_a_short_thai_line_before_the_tail_stays(bp) -> None:
    """After the last long Thai paragraph: a short Thai credit line (9 words by
    ``word_count``, under the 12 of a long block), then headlines. The headlines go;
    the Thai line is the article's. (A line of <= 6 words just before a removed run
    that ends the page is taken as the run's header, ``block_header``, in any script.)"""
    page, fmt = _text(*_doubled(HEADLINES), body=(*THAI, CREDIT))
    result = bp.clean(page, format=fmt)
    assert CREDIT in result.text
    for h in HEADLINES:
        assert h not in result.text, h


#: (line, title case or ALL CAPS, reason)
CASE_ROWS = [
    ("ภาพประกอบและข้อมูลโดยกองบรรณาธิการ", False, "Thai has no case: not ALL CAPS"),
    ("港の新しいフェリー時刻表", False, "Han and kana have no case"),
    ("افتتاح الجسر الجديد فوق النهر", False, "Arabic has no case"),
    ("THE NEW FERRY TIMETABLE", True, "ALL CAPS Latin"),
    ("Harbour Council Approves New Timetable", True, "title case"),
    ("the harbour council approves a timetable", False, "sentence case, lower"),
]


@pytest.mark.parametrize("row", CASE_ROWS, ids=[r[2] for r in CASE_ROWS])
def test_title_case_needs_letters_with_case(row) -> None:
    from cleaner.boilerplate.features import _RAW_WORD, _title_case

    line, expected, reason = row
    assert _title_case(line, _RAW_WORD.findall(line), 0.6) is expected, reason

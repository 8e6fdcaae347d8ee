"""Issue 14: people in page furniture, every locale, checksummed IDs, public data kept.

Each row plants a value and says why it must (or must not) be redacted; the
values are typed here, never taken from the code under test.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from cleaner import CleanerConfig
from cleaner.assemble import render
from cleaner.config import PIIConfig
from cleaner.model import Document
from cleaner.pii import PIIEngine, PIIStage, get_engine
from cleaner.segment import segment


@pytest.fixture(scope="session")
def engine() -> PIIEngine:
    return get_engine()


def _personal(engine: PIIEngine, text: str, lang: str) -> list[tuple[str, str]]:
    return [(h.entity, text[h.start : h.end]) for h in engine.analyze(text, lang)
            if h.not_personal is None]


FURNITURE = [
    ("en", "By Harriet Colquhoun | h.colquhoun@examplemail.com", "PERSON", "Harriet Colquhoun",
     "byline with contact data"),
    ("en", "Reporter: Dominic Fairweather", "PERSON", "Dominic Fairweather",
     "'Reporter' is a label word"),
    ("en", "Posted by jdoe88 on 12 March 2023\nGreat piece.", "USERNAME", "jdoe88",
     "comment header"),
    ("en", "Marcy Whitlock wrote:\n> I agree.", "PERSON", "Marcy Whitlock", "quote header"),
    ("en", "Reply from Tobias Ferreira\nThanks!", "PERSON", "Tobias Ferreira", "reply header"),
    ("de", "Danke!\n\n-- \nGesine Hartkopf\nHamburg", "PERSON", "Gesine Hartkopf",
     "signature after the -- delimiter"),
    ("de", "-- Gesine Hartkopf, Hamburg", "PERSON", "Gesine Hartkopf", "one-line signature"),
    ("fr", "Cordialement,\nAurélien Mercadier\nPortable : 06 12 34 56 78", "PERSON",
     "Aurélien Mercadier", "name under a closing"),
    ("en", "Written by Ilona Marsh, born 3 May 1984.", "PERSON", "Ilona Marsh",
     "byline with a birth date: the name too"),
    ("en", "Written by Ilona Marsh, born 3 May 1984.", "DATE_OF_BIRTH", "3 May 1984",
     "byline with a birth date: the date"),
    ("ja", "氏名: 中村 春香", "PERSON", "中村 春香", "a Han-script name after a label"),
    ("pl", "Imię i nazwisko: Jędrzej Berus", "PERSON", "Jędrzej Berus",
     "Polish label and Ł/Ę capitals"),
    ("sv", "Namn: Åsa Lindqvist", "PERSON", "Åsa Lindqvist", "Swedish label"),
    ("pt", "Telefone: +351 912 345 678", "PHONE_NUMBER", "+351 912 345 678", "Portuguese label"),
    ("pl", "Data urodzenia: 3 maja 1984", "DATE_OF_BIRTH", "3 maja 1984",
     "Polish label and genitive month"),
    ("sv", "Adress: Skolvägen 76, 71706 Ängelholm", "STREET_ADDRESS",
     "Skolvägen 76, 71706 Ängelholm", "Swedish label"),
    ("de", "Kontakt\nKarl-Marx-Straße 5\n10115 Berlin", "STREET_ADDRESS",
     "Karl-Marx-Straße 5\n10115 Berlin", "two-line German address"),
    ("en", "Mail to:\n123 Main Street\nSpringfield, IL 62704", "STREET_ADDRESS",
     "123 Main Street\nSpringfield, IL 62704", "two-line US address"),
    ("pl", "ul. Paderewskiego 77\n61-668 Kołobrzeg", "STREET_ADDRESS",
     "ul. Paderewskiego 77\n61-668 Kołobrzeg", "Polish postcode line"),
    ("en", "Oskar Bright\n17 Kennedy Laneway\nEast Tony, VIC, 2609", "PERSON", "Oskar Bright",
     "the name line above an address block"),
    ("pt", "CPF: 991.672.789-90", "BR_CPF", "991.672.789-90", "labelled, valid check digits"),
    ("pl", "PESEL 11122763603", "PL_PESEL", "11122763603", "labelled, valid check digit"),
    ("sv", "Personnummer: 610806-2271", "SE_PERSONNUMMER", "610806-2271", "Luhn-valid"),
    ("nl", "BSN: 083675140", "NL_BSN", "083675140", "11-proof valid"),
    ("fr", "Numéro de sécurité sociale : 148112722999346", "FR_NIR", "148112722999346",
     "key = 97 - n mod 97"),
    ("en", "Card: 676178869159", "CREDIT_CARD", "676178869159", "12-digit Maestro"),
    ("en", "Card: 4430245677883714755", "CREDIT_CARD", "4430245677883714755", "19-digit Visa"),
    ("en", "Card: 2286077076288835", "CREDIT_CARD", "2286077076288835", "2-series Mastercard"),
    ("en", "Card: 180086473786656", "CREDIT_CARD", "180086473786656", "15-digit JCB"),
    ("en", "Films at https://vimeo.com/lenafoss", "PROFILE_URL", "https://vimeo.com/lenafoss",
     "vimeo profile"),
    ("en", "Blog: https://lenafoss.wordpress.com", "PROFILE_URL",
     "https://lenafoss.wordpress.com", "a wordpress.com blog is its author's"),
    ("en", "By Donna Akerlund, 8828164252 · d.akerlund@examplemail.com", "PHONE_NUMBER",
     "8828164252", "unlabelled number on a byline line with an e-mail"),
    ("en", "By Donna Akerlund, 776.986.9141x856", "PHONE_NUMBER", "776.986.9141x856",
     "unlabelled number right after a byline name"),
    ("pt", "Por Sofia Quaresma, 93 3145-8727 · squaresma@examplemail.com", "PHONE_NUMBER",
     "93 3145-8727", "Brazilian number on a byline line"),
    ("en", "Anil Rao\nH.No. 42, Tilak Marg, Pune-411004", "STREET_ADDRESS",
     "H.No. 42, Tilak Marg, Pune-411004", "Indian address on one line (6-digit PIN)"),
    ("en", "Anil Rao\n507\nGandhi Nagar, Jalna 431203", "STREET_ADDRESS",
     "507\nGandhi Nagar, Jalna 431203", "house number alone on the line above"),
    ("en", "Meg Doyle\nSuite 4 18 Kellett Parade\nNorthtown, NSW, 2640", "STREET_ADDRESS",
     "Suite 4 18 Kellett Parade\nNorthtown, NSW, 2640", "unit before the house number"),
    ("fr", "Marc Rivière\nrue Jean Moulin\n69003 Lyon", "STREET_ADDRESS",
     "rue Jean Moulin\n69003 Lyon", "French street without number above a postcode line"),
    ("fr", "Adresse : chemin des Vignes, Barondan", "STREET_ADDRESS",
     "chemin des Vignes, Barondan", "labelled street without a house number"),
]


@pytest.mark.parametrize(("lang", "text", "entity", "value", "why"), FURNITURE,
                         ids=[r[4] for r in FURNITURE])
def test_furniture_and_locales_found(engine: PIIEngine, lang: str, text: str, entity: str,
                                     value: str, why: str) -> None:
    assert (entity, value) in _personal(engine, text, lang), why


KEPT = [
    ("en", "Vladimir Putin met Masoud Pezeshkian in Moscow on Tuesday.", "public figures in prose"),
    ("en", "By 2030, Sergei Shoigu said, the plan would be finished.", "'By' in prose"),
    ("en", "Giorgia Meloni, born 15 January 1977, has led the party since 2014.",
     "birth date of the person the article is about"),
    ("en", "For press enquiries write to press@examplenews.com today.", "role mailbox"),
    ("en", "Box office: +44 20 7946 0958", "a theatre's box office named as such"),
    ("en", "\u201cWe will not back down.\u201d\n\u2014 Governor Kristi Noem (@govkristinoem) "
     "March 3, 2024", "an official account in a quoted post"),
    ("en", "@prefix owl: <http://www.w3.org/2002/07/owl#> .", "Turtle syntax is no handle"),
    ("en", "Clone https://github.com/acme-labs/toolkit.git to start.", "a project repository"),
    ("en", "Nested Loop (cost=0.00..4141.00 rows=9999)", "query plan figures"),
    ("en", "Max Load\n265 lbs", "a spec table row"),
    ("en", "Contact the Division of Drug Information at druginfo@fda-example.gov.",
     "a compound role mailbox (drug + info)"),
    ("en", "Unsure how to store data? Email us at security@univ-example.edu.",
     "a department's mailbox"),
    ("en", "Write to techsupport@shop-example.com for help.", "tech + support"),
    ("fr", "Adresse : Sur rendez-vous", "an address label with no street"),
    ("en", "Address: via email", "'via' is a street word only before a name"),
]


def test_contact_line_is_the_numbers_own_line(engine: PIIEngine) -> None:
    """A number on a long paragraph is not on the "contact line" of an e-mail 200
    characters back (the line window once fell back to the start of the text)."""
    text = ("Write to ana.lopes@examplemail.com about it. " + "More words here. " * 12
            + "Journal of Psychology. 2018;74(9):1485-1508.")
    assert [v for e, v in _personal(engine, text, "en") if e == "PHONE_NUMBER"] == []


ROLE_LOCAL = [
    ("info", True, "a role word"),
    ("druginfo", True, "compound ending in a role word"),
    ("press.office", True, "a segment is a role word"),
    ("media-relations", True, "a segment is a role word"),
    ("info2", True, "digits are ignored"),
    ("security", True, "a department"),
    ("louise_matsakis", False, "first and last name"),
    ("alexandraismail", False, "a name ending in 'mail' (Ismail)"),
    ("pamelarosales", False, "a name ending in 'sales' (Rosales)"),
    ("newsome", False, "a surname starting with 'news'"),
    ("jnews", False, "fewer than three letters before the role word"),
    ("thekian1", False, "a personal nickname"),
    ("timetable.desk", False, "'desk' only counts glued to a word (helpdesk): when in doubt, "
     "redact"),
]


@pytest.mark.parametrize(("local", "role", "why"), ROLE_LOCAL, ids=[r[0] for r in ROLE_LOCAL])
def test_role_mailbox_is_a_rule_on_the_local_part(local: str, role: bool, why: str) -> None:
    from cleaner.pii.policy import role_local_part

    assert role_local_part(local) is role, why


@pytest.mark.parametrize(("lang", "text", "why"), KEPT, ids=[r[2] for r in KEPT])
def test_public_and_organisational_data_kept(engine: PIIEngine, lang: str, text: str,
                                             why: str) -> None:
    assert _personal(engine, text, lang) == [], why


def _stage(**kw: Any) -> PIIStage:
    return PIIStage(CleanerConfig(pii=PIIConfig(**kw)))


def _run(text: str, stage: PIIStage) -> Document:
    doc = Document(source=text, format="text")
    doc.decoded = doc.text = text
    doc.blocks = segment(text)
    doc.findings = []
    stage(doc)
    doc.output = render(doc)
    return doc


def test_policy_all_redacts_organisational_data_and_says_so() -> None:
    text = "For press enquiries write to press@examplenews.com today."
    personal = _run(text, _stage())
    assert "press@examplenews.com" in personal.output and personal.findings == []
    strict = _run(text, _stage(policy="all"))
    assert "press@examplenews.com" not in strict.output
    (f,) = strict.findings
    assert f.detail["personal"] is False and f.detail["not_personal"] == "role_mailbox"


def test_personal_findings_say_so() -> None:
    doc = _run("Email: ilona.marsh@examplemail.com", _stage())
    (f,) = doc.findings
    assert f.detail["personal"] is True


def test_repeated_value_respects_exclude_before() -> None:
    """A handle found once as personal is not propagated into an embedded post's
    signature, which its recognizer refuses (issue 14)."""
    text = ("Follow the campaign: @harbourwatch2\n\n\u201cThe wall holds.\u201d\n"
            "\u2014 Harbour Watch (@harbourwatch2) March 3, 2024")
    doc = _run(text, _stage())
    rules = [f.rule for f in doc.findings]
    assert "repeated_value" not in rules
    assert doc.output.count("@harbourwatch2") == 1


#: digest of the report-half slice this gate scores (Faker 40.63.0 draws these values; the
#: digest is only checked under that version: another one draws other values). Dates are
#: drawn against `pii_snippets.REFERENCE_DAY`, not today, so the digest holds on any day.
SNIPPETS_DIGEST = "beeeacd85f44490c"
SNIPPETS_FAKER = "40.63.0"


@pytest.mark.parametrize("why", ["report half of the issue-14 snippets"])
def test_snippet_report_half_meets_targets(engine: PIIEngine, why: str) -> None:
    """A fixed slice of the held-out half (one snippet per family and locale): recall per
    type within 0.05 of the issue's targets, no public value redacted, precision."""
    pytest.importorskip("faker")
    scripts = Path(__file__).resolve().parent.parent / "scripts"
    sys.path.insert(0, str(scripts))
    try:
        import bench_pii as bp
        import pii_snippets as ps
    finally:
        sys.path.remove(str(scripts))
    import hashlib

    import faker

    snips = ps.build("report", per_family=1)
    digest = hashlib.sha256("\0".join(s.text for s in snips).encode()).hexdigest()[:16]
    if faker.VERSION == SNIPPETS_FAKER:
        assert digest == SNIPPETS_DIGEST, (
            "the report-half snippets changed (generator edited?): re-measure and re-pin")
    preds = [[(h.start, h.end, h.entity) for h in engine.find(s.text, [(0, len(s.text), s.lang)])
              if h.not_personal is None] for s in snips]
    res = bp.score_snippets(snips, preds)
    for typ, target in bp.SNIPPET_TARGETS.items():
        found, total = res["per"].get((typ, "all"), (0, 0))
        if total:
            assert found / total >= target - 0.05, f"{typ}: {found}/{total} ({why})"
    assert all(hit == 0 for hit, _ in res["public"].values()), res["public"]
    assert res["precision"] >= 0.98


def test_recognizers_run_in_registration_order(engine: PIIEngine) -> None:
    """presidio's registry collected recognizers in a set hashed by identity: their order
    (and so which of two equal results presidio kept) changed from process to process."""
    reg = engine.analyzer.registry
    got = reg.get_recognizers(language="en", entities=["STREET_ADDRESS", "PHONE_NUMBER"])
    registered = [r for r in reg.recognizers if r in got]
    assert [r.name for r in got] == [r.name for r in registered]


#: two recognizers give the same span, type and score here (the labelled address and the
#: bare street): the finding's rule must be the same in every process
_TIE_TEXT = "Zip Moving Inc\n\nAddress: 218 Withers St Apt. 1A, Brooklyn, NY 11211\n\nRating: 4.5"
_TIE_SCRIPT = (
    "import json, sys; from cleaner.pii import get_engine; "
    "print(json.dumps([(h.start, h.end, h.entity, h.recognizer, h.pattern) "
    "for h in get_engine().analyze(sys.argv[1], 'en')]))"
)


def test_rule_names_same_under_different_hash_seeds() -> None:
    import json
    import os
    import subprocess

    runs = []
    for seed in ("0", "1"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-c", _TIE_SCRIPT, _TIE_TEXT], env=env,
                             capture_output=True, text=True, check=True, timeout=120)
        runs.append(json.loads(out.stdout))
    assert runs[0] == runs[1]
    # the planted address, named by the first registered rule that finds it
    start = _TIE_TEXT.index("218")
    assert runs[0] == [[start, _TIE_TEXT.index("\n\nRating"), "STREET_ADDRESS",
                        "labelled_address", "label_address"]]


def _pii_snippet_texts() -> list[str]:
    import pii_snippets as ps

    return [s.text for s in ps.build("report", per_family=1)]


def _tail_page_texts() -> list[str]:
    from conftest import require_shared

    require_shared("data", "clickbait-headlines")
    require_shared("data", "article-extraction-benchmark", "ground-truth.json")
    require_shared("data", "wcxb-dev", "ground-truth")
    import gen_tails as gt

    # (page 35: a ru_RU user name with a year up to this year)
    return [page + "\0" + twin for _, page, twin in gt.generate("develop", 40)]


def _dev2_page_texts() -> list[str]:
    from conftest import require_shared

    require_shared("data", "clickbait-headlines")
    require_shared("data", "article-extraction-benchmark", "ground-truth.json")
    import gen_tails as gt

    return [page + "\0" + twin for _, page, twin in gt.generate("dev2", 24)]


def _fresh2_page_texts() -> list[str]:
    from conftest import require_shared

    require_shared("data", "clickbait-headlines")
    require_shared("data", "wcxb-dev", "ground-truth")
    import gen_tails as gt

    # (page 3: an az_AZ/bg_BG user name with a year up to this year; in the gate's 32)
    return [page + "\0" + twin for _, page, twin in gt.generate("fresh2", 8)]


def _fresh3_page_texts() -> list[str]:
    from conftest import require_shared

    require_shared("data", "clickbait-headlines")
    require_shared("data", "dolma-samples", "tests", "data")
    import gen_tails as gt

    return [page + "\0" + twin for _, page, twin in gt.generate("fresh3", 24)]


def _fresh4_page_texts() -> list[str]:
    from conftest import require_shared

    require_shared("data", "clickbait-headlines")
    require_shared("data", "dolma-samples", "tests", "data", "warc")
    import gen_tails as gt

    return [page + "\0" + twin for _, page, twin in gt.generate("fresh4", 24)]


def _fresh5_page_texts() -> list[str]:
    from conftest import require_shared

    require_shared("data", "clickbait-headlines")
    require_shared("data", "trafilatura-eval", "tests", "eval")
    import gen_tails as gt

    return [page + "\0" + twin for _, page, twin in gt.generate("fresh5", 24)]


def _fresh6_page_texts() -> list[str]:
    from conftest import require_shared

    require_shared("data", "clickbait-headlines")
    import gen_tails as gt

    return [page + "\0" + twin for _, page, twin in gt.generate("fresh6", 24)]


def _fresh7_page_texts() -> list[str]:
    from conftest import require_shared

    require_shared("data", "clickbait-headlines")
    import gen_tails as gt

    return [page + "\0" + twin for _, page, twin in gt.generate("fresh7", 24)]


@pytest.mark.parametrize("build, why", [
    (_pii_snippet_texts, "report-half PII snippets: birth dates, other dates, PESEL"),
    (_tail_page_texts, "spam-tail pages: the author card's birth date"),
    (_dev2_page_texts, "dev2 text-tail pages: card and bio birth dates"),
    (_fresh2_page_texts, "fresh2 pages: user names with a year up to this year"),
    (_fresh3_page_texts, "fresh3 pages: card and bio birth dates, user names"),
    (_fresh4_page_texts, "fresh4 pages: birth dates, user names, headline dates"),
    (_fresh5_page_texts, "fresh5 pages: card and bio birth dates, user names"),
    (_fresh6_page_texts, "fresh6 pages: card and bio birth dates, user names, run dates"),
    (_fresh7_page_texts, "fresh7 pages: card and bio birth dates, user names"),
])
def test_generated_pages_do_not_depend_on_today(
        monkeypatch: pytest.MonkeyPatch, build: Callable[[], list[str]], why: str) -> None:
    """Faker counts `date_of_birth`, `date_between("-3y")` and PESEL birth dates from today:
    the generated sets (and the digests and figures pinned on them) changed every day until
    they were drawn against a fixed day."""
    pytest.importorskip("faker")
    import datetime as dt

    import faker.providers.date_time as fdt

    scripts = Path(__file__).resolve().parent.parent / "scripts"
    monkeypatch.syspath_prepend(str(scripts))
    today = build()

    class AnyDate(type):  # plain dates and datetimes still pass Faker's isinstance checks
        def __instancecheck__(cls, obj: object) -> bool:
            return isinstance(obj, cls.__mro__[1])

    class OtherDay(dt.date, metaclass=AnyDate):
        @classmethod
        def today(cls) -> OtherDay:
            return cls(2031, 7, 19)

    class OtherNow(dt.datetime, metaclass=AnyDate):
        @classmethod
        def now(cls, tz: dt.tzinfo | None = None) -> OtherNow:
            return cls(2031, 7, 19, 12, 0, tzinfo=tz)

    monkeypatch.setattr(fdt, "dtdate", OtherDay)
    monkeypatch.setattr(fdt, "datetime", OtherNow)
    assert build() == today, why

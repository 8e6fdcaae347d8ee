"""Boilerplate stage: rule-level table tests, the seed page, golden pages, dry run,
report safety and idempotence."""

from __future__ import annotations

import json

import pytest
from _boilerplate_helpers import BODY, article, bp_findings, make_cleaner, removed_texts
from conftest import golden_pages, require_shared
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner.boilerplate import CATEGORIES, RULES
from cleaner.boilerplate.evaluate import norm


@pytest.fixture(scope="session")
def bp_cleaner():
    return make_cleaner()


@pytest.fixture(scope="session")
def bp_dry_cleaner():
    return make_cleaner(dry_run=True)


# -- rule level: one tail appended to a clean article --------------------------------------

REMOVE_CASES = [
    pytest.param(
        ["You May Also Like", "10 Celebrities Who Look Unrecognizable Today",
         "This One Weird Habit Will Change Your Life Forever"],
        "link_farm", id="related-header-with-clickbait-list",
    ),
    pytest.param(
        ["What Does Rust Smell Like? | How Rust Looks, Smells, & Feels",
         "What Does Rust Smell Like? | How Rust Looks, Smells, & Feels"],
        "link_farm", id="duplicated-seo-headline-with-site-separator",
    ),
    pytest.param(
        ["printable telling time worksheets with answers | Made By Teachers",
         "printable telling time worksheets with answers | Made By Teachers"],
        "link_farm", id="lower-case-worksheet-spam-duplicated",
    ),
    pytest.param(
        ["Detail Author:\n  • Name : Quentin Marlowe-Ashby\n  • Email : q.m@examplemail.com\n"
         "  • Birthdate : 1982-04-17"],
        "author_card", id="english-key-value-card",
    ),
    pytest.param(
        ["Name : Ilse Krautheimer\nE-Mail : ilse.k@beispielpost.de\nGeburtsdatum : 03.09.1975"],
        "author_card", id="german-key-value-card",
    ),
    pytest.param(
        ["Nom : Bastien Quéméner\nE-mail : bastien.q@exemple-courrier.fr\n"
         "Date de naissance : 12/11/1988"],
        "author_card", id="french-key-value-card",
    ),
    pytest.param(
        ["Nombre: Tadeo Irigoyen\nCorreo electrónico: tadeo.i@correo-ejemplo.es\n"
         "Fecha de nacimiento: 25/06/1991"],
        "author_card", id="spanish-key-value-card",
    ),
    pytest.param(
        ["Nome: Ludovica Pezzali\nEmail: ludovica.p@posta-esempio.it\nData di nascita: 08/02/1984"],
        "author_card", id="italian-key-value-card",
    ),
    pytest.param(
        ["Naam: Femke Oosterhuis\nE-mail: femke.o@voorbeeldmail.nl\nGeboortedatum: 14-05-1979"],
        "author_card", id="dutch-key-value-card",
    ),
    pytest.param(
        ["Name : Fenwick Adebayo-Lund | Email : fenwick.al@examplemail.com | Phone : +44 20 7946"],
        "author_card", id="one-line-pipe-card",
    ),
    pytest.param(
        ["Socials", "twitter:", "  • url : https://twitter.com/qm42\n  • followers : 2841\n"
         "  • following : 377"],
        "social", id="socials-block-with-counts",
    ),
    pytest.param(["Follow us on Twitter, Facebook and Instagram"], "social", id="follow-prompt"),
    pytest.param(
        ["Repellendus quia dolor amet et nisi. Voluptas officia nemo aut rerum similique, quis "
         "deleniti et temporibus aut."],
        "placeholder", id="latin-filler-without-lorem-ipsum",
    ),
    pytest.param(["© 2024 Northern Ledger. All rights reserved."], "furniture", id="copyright"),
    pytest.param(["We use cookies to improve your experience. Accept all cookies?"], "furniture",
                 id="cookie-notice"),
    pytest.param(["Sign up for our newsletter to get the best stories delivered to your inbox."],
                 "furniture", id="newsletter-prompt"),
    pytest.param(["Share on Facebook"], "furniture", id="share-row"),
    pytest.param(["Tags: ferries, harbour, transport"], "furniture", id="tag-list"),
    pytest.param(["Leave a comment"], "furniture", id="comment-prompt"),
    pytest.param(["Read more"], "furniture", id="bare-read-more"),
]


@pytest.mark.parametrize(("tail", "category"), REMOVE_CASES)
def test_tail_is_removed_with_category(bp_cleaner, tail: list[str], category: str) -> None:
    result = bp_cleaner.clean(article(*BODY, *tail), format="text")
    out = norm(result.text)
    for chunk in tail:
        for line in chunk.split("\n"):
            assert norm(line) not in out, line
    cats = {c for c, _ in removed_texts(result)}
    assert category in cats
    # the article itself survives
    for para in BODY:
        assert norm(para) in out


KEEP_CASES = [
    pytest.param(["Results", "- Harbourside 3-2 Millbrook\n- Castlegate 1-4 Northfield Athletic"],
                 id="sports-results-list"),
    pytest.param(["Match facts", "- Venue: Quayside Ground\n- Attendance: 4,812\n"
                  "- Referee: Tomas Welling"], id="match-facts-key-values"),
    pytest.param(["Specifications", "- Display: 14 inch\n- Weight: 2.1 kg\n- Price: 1,490 euros"],
                 id="spec-table-key-values"),
    pytest.param(["Ingredients", "- 200 g red lentils\n- 1 onion, finely chopped\n- 2 carrots"],
                 id="recipe-ingredients"),
    pytest.param(["What Happens Next for Commuters",
                  "Commuters will get a printed timetable with their next season ticket, and the "
                  "harbour office will answer questions about the new sailings."],
                 id="short-heading-followed-by-prose"),
    pytest.param(['"We listened to the islanders," the council leader said.'], id="closing-quote"),
    pytest.param(["Will the ferry run on public holidays?",
                  "Yes. The council confirmed that holiday sailings follow the Sunday timetable."],
                 id="q-and-a-pair"),
    pytest.param(["Cookies, cakes and coffee will be sold on board the new evening ferry, the "
                  "operator said, and the café will accept cards as well as cash."],
                 id="prose-mentioning-cookies"),
]


@pytest.mark.parametrize("tail", KEEP_CASES)
def test_article_content_is_kept(bp_cleaner, tail: list[str]) -> None:
    page = article(*BODY, *tail)
    result = bp_cleaner.clean(page, format="text")
    assert bp_findings(result) == []
    assert norm(result.text) == norm(page)


def test_glued_spam_is_cut_at_sentence_level(bp_cleaner) -> None:
    spam = "One Sip In, And Your Mornings Will Never Be The Same!"
    page = article(*BODY[:-1], BODY[-1] + " " + spam, spam,
                   "What Does Rust Smell Like? | How Rust Looks, Smells, & Feels",
                   "What Does Rust Smell Like? | How Rust Looks, Smells, & Feels")
    result = bp_cleaner.clean(page, format="text")
    assert result.text.rstrip().endswith(BODY[-1])
    glued = [f for f in bp_findings(result) if f.category == "glued_spam"]
    assert len(glued) == 1
    assert glued[0].detail.get("sentence_level") is True
    assert result.document.text[glued[0].start : glued[0].end] == spam


# -- the seed page -------------------------------------------------------------------------

SEED_HEADINGS = [
    "Does Russia Truly Back Iran? Unpacking A Complex Alliance",
    "Historical Foundations: A Shifting Sands of Relations",
    "Military Synergy: Drones, Doctrine, and Dependence",
    "Iranian Drones in Ukraine: A Game Changer?",
    "Evolving Needs and Domestic Production",
    "Economic Ties and Sanctions Resilience",
    "Energy and Infrastructure Cooperation",
    "BRICS and the New Economic Order",
    "Geopolitical Convergence in the Middle East",
    "Diplomatic Stances and Strategic Messaging",
    "The Limits of Support and Transactional Realities",
    "Future Prospects and Evolving Dynamics",
    "Does Russia Back Iran? A Concluding Perspective",
]


@pytest.mark.shared
def test_seed_page(bp_cleaner) -> None:
    seed = require_shared("seed", "000_c242f564f4966d71.txt").read_bytes()
    result = bp_cleaner.clean(seed, format="text")
    text = result.text
    assert text.rstrip().endswith("shaping the future of the Middle East and beyond.")
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    for heading in SEED_HEADINGS:
        assert heading in lines, heading
    for junk in ("One Dose In", "What Does Crack Look Like", "worksheets", "Detail Author",
                 "Socials", "followers", "twitter:", "linkedin:", "Username", "Birthdate"):
        assert junk not in text, junk
    summary = result.report.summary()["removed"]
    for category in ("link_farm", "glued_spam", "author_card", "social"):
        assert summary.get(category, {}).get("count", 0) >= 1, category


# -- golden pages (fixtures/pages) ------------------------------------------------------------


@pytest.mark.parametrize("page", golden_pages(), ids=lambda p: p.name)
def test_golden_must_drop_and_keep(bp_cleaner, page) -> None:
    result = bp_cleaner.clean(page.read(), format=page.path.name)
    for snippet in page.expected["must_drop"]:
        assert snippet not in result.text, snippet
    for snippet in page.expected["must_keep"]:
        assert snippet in result.text, snippet
    if "ends_with" in page.expected:
        assert result.text.rstrip().endswith(page.expected["ends_with"])
    if page.expected.get("unchanged"):
        assert bp_findings(result) == []


# -- dry run, config, report safety -----------------------------------------------------------

TAILED = article(
    *BODY, "You May Also Like", "10 Celebrities Who Look Unrecognizable Today",
    "Name : Quentin Marlowe-Ashby\nEmail : q.marlowe@examplemail.com\nBirthdate : 1982-04-17",
)


def test_dry_run_marks_and_keeps_everything(bp_cleaner, bp_dry_cleaner) -> None:
    real = bp_cleaner.clean(TAILED, format="text")
    dry = bp_dry_cleaner.clean(TAILED, format="text")
    assert norm(dry.text) == norm(TAILED)
    marked = bp_findings(dry)
    assert marked and all(f.action == "marked" for f in marked)
    assert [(f.category, f.rule, f.start, f.end) for f in marked] == [
        (f.category, f.rule, f.start, f.end) for f in bp_findings(real)
    ]
    assert dry.report.summary().get("marked")


def test_disabled_stage_finds_nothing() -> None:
    result = make_cleaner(enabled=False).clean(TAILED, format="text")
    assert bp_findings(result) == []


def test_disabled_rule_does_not_fire() -> None:
    # (``tail_kv_run``, the footer card by shape, would take the card after the article)
    result = make_cleaner(disabled_rules=("card_run", "card_header", "tail_kv_run")).clean(
        TAILED, format="text")
    assert all("card_run" not in f.rule and "tail_kv_run" not in f.rule
               for f in bp_findings(result))
    assert "q.marlowe@examplemail.com" in result.text


def test_findings_are_well_formed_and_hold_no_personal_data(bp_cleaner) -> None:
    result = bp_cleaner.clean(TAILED, format="text")
    doc = result.document
    findings = bp_findings(result)
    assert findings
    for f in findings:
        assert f.category in CATEGORIES
        assert 0.0 <= f.score <= 1.0
        assert f.start is not None and f.end is not None
        assert 0 <= f.start < f.end <= len(doc.text)
        assert all(name in RULES for name in f.rule.split("+"))
    report = json.dumps(result.report.to_dict(), ensure_ascii=False)
    for secret in ("Quentin", "Marlowe", "q.marlowe@examplemail.com", "1982-04-17"):
        assert secret not in report


def test_rules_table_is_consistent() -> None:
    for name, rule in RULES.items():
        assert rule.name == name
        assert rule.category in CATEGORIES
        assert 0.0 < rule.weight < 1.0


# -- idempotence: cleaning clean output removes nothing more -----------------------------------

TAIL_POOL = [
    ["You May Also Like", "10 Celebrities Who Look Unrecognizable Today",
     "This One Weird Habit Will Change Your Life Forever"],
    ["What Does Rust Smell Like? | How Rust Looks, Smells, & Feels"] * 2,
    ["Name : Fenwick Adebayo-Lund | Email : fenwick.al@examplemail.com"],
    ["Detail Author:\n  • Name : Q. Ashby\n  • Email : q.a@examplemail.com\n  • Job : Inspector"],
    ["Share on Facebook", "© 2024 Northern Ledger. All rights reserved."],
    ["Repellendus quia dolor amet et nisi. Voluptas officia nemo aut rerum similique."],
    ["Results", "- Harbourside 3-2 Millbrook\n- Castlegate 1-4 Northfield Athletic"],
    ["What Happens Next", "The timetable will be reviewed by the council after one year."],
]


def test_a_results_table_printed_twice_is_no_echoed_headline(bp_cleaner) -> None:
    """Found by the property below on the merge of 2026-12-03: a results list printed
    twice after a headline run was kept by the first pass and taken as headlines printed
    twice (``echoed_headline``) by the second."""
    parts = [line for t in (0, 6, 6) for line in TAIL_POOL[t]]
    once = bp_cleaner.clean(article(*BODY[:1], *parts), format="text")
    assert once.text.count("Castlegate 1-4 Northfield Athletic") == 2
    twice = bp_cleaner.clean(once.text, format="text")
    assert [f.rule for f in bp_findings(twice) if f.action == "removed"] == []


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    n_body=st.integers(min_value=1, max_value=3),
    tails=st.lists(st.sampled_from(range(len(TAIL_POOL))), max_size=4),
)
def test_cleaning_clean_output_removes_nothing_more(bp_cleaner, n_body: int,
                                                    tails: list[int]) -> None:
    parts = [line for t in tails for line in TAIL_POOL[t]]
    once = bp_cleaner.clean(article(*BODY[:n_body], *parts), format="text")
    twice = bp_cleaner.clean(once.text, format="text")
    assert [f for f in bp_findings(twice) if f.action == "removed"] == []
    assert norm(twice.text) == norm(once.text)


def test_headline_model_cache_gives_the_computed_probability() -> None:
    """The model remembers a line's probability (link farms print each headline twice):
    a remembered value is the one computed from the weights, and the memory is bounded."""
    import math

    import numpy as np

    from cleaner.boilerplate.headline import N_FEATURES, HeadlineModel

    rng = np.random.default_rng(5)
    model = HeadlineModel(rng.normal(0, 0.5, N_FEATURES).astype(np.float16), -0.2)
    line = "You Won't Believe What This Ferry Captain Found"
    first = model.prob(line)
    assert model.prob(line) == first
    assert first == 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, model.logit(line)))))
    for k in range(HeadlineModel.CACHE_SIZE + 10):
        model.prob(f"headline number {k}")
    assert len(model._probs) <= HeadlineModel.CACHE_SIZE
    assert model.prob(line) == first

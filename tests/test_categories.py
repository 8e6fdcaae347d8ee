"""The categories registry is the one place each category fact lives; its readers agree."""

from __future__ import annotations

import pytest

from cleaner import categories
from cleaner.boilerplate import CATEGORIES as BOILERPLATE_CATEGORIES
from cleaner.boilerplate import RULES
from cleaner.config import CheckConfig
from cleaner.htmlreport import category_color
from cleaner.model import Block, Document, Finding
from cleaner.view import SHOWN_CATEGORIES, WITHHELD_CATEGORIES, document_view

#: (category, personal, shown in the view, checked by default): written from the policy in
#: the README/view docstring, not read from the registry
POLICY = [
    pytest.param("link_farm", False, True, True, id="spam headlines: shown, checked"),
    pytest.param("glued_spam", False, True, True, id="glued spam: shown, checked"),
    pytest.param("author_card", True, False, True, id="author card: personal, withheld"),
    pytest.param("social", True, False, True, id="social profiles: personal, withheld"),
    pytest.param("placeholder", False, True, True, id="placeholder text: shown, checked"),
    pytest.param("furniture", False, True, True, id="page furniture: shown, checked"),
    pytest.param("hidden", False, True, False, id="hidden element: shown, opt-in for check"),
    pytest.param("pii", True, False, True, id="personal data: never shown as text"),
]


@pytest.mark.parametrize(("name", "personal", "shown", "checked"), POLICY)
def test_registry_matches_the_policy(name: str, personal: bool, shown: bool,
                                     checked: bool) -> None:
    c = categories.CATEGORIES[name]
    assert (c.personal, c.name in SHOWN_CATEGORIES, c.name in WITHHELD_CATEGORIES) == (
        personal, shown, personal)
    assert (name in CheckConfig().categories) == checked


def test_every_rule_category_is_registered_and_boilerplate_reads_the_registry() -> None:
    assert {r.category for r in RULES.values()} <= set(BOILERPLATE_CATEGORIES)
    assert set(BOILERPLATE_CATEGORIES) <= set(categories.CATEGORIES)
    assert all(categories.CATEGORIES[c].stage == "boilerplate" for c in BOILERPLATE_CATEGORIES)


def test_labels_and_colours() -> None:
    assert categories.label("author_card") == "author card"
    assert categories.label("made_up_category") == "made up category"
    assert category_color("pii") == "#c2255c"
    unknown = category_color("made_up_category")
    assert unknown.startswith("hsl(") and unknown == category_color("made_up_category")


SECRET = "Ottilie Brandstetter-Quist"


@pytest.mark.parametrize(
    ("category", "visible"),
    [
        pytest.param("link_farm", True, id="non-personal removal is shown"),
        pytest.param("author_card", False, id="personal removal is withheld"),
        pytest.param("social", False, id="social block is withheld"),
        pytest.param("made_up_category", False, id="an unregistered category is withheld"),
    ],
)
def test_view_shows_text_only_of_shown_categories(category: str, visible: bool) -> None:
    text = f"Kept article sentence here.\n\nWritten by {SECRET} for the paper."
    start = text.index("Written")
    doc = Document(source=text, format="text", decoded=text, text=text)
    doc.blocks = [Block(0, 0, start - 2, "paragraph", 0, text[: start - 2]),
                  Block(1, start, len(text), "paragraph", 1, text[start:])]
    doc.findings = [Finding(stage="t", category=category, rule="r", score=1.0, start=start,
                            end=len(text), action="removed", block=1)]
    assert (SECRET in str(document_view(doc))) == visible

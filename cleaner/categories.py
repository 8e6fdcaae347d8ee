"""Finding categories: the one registry of what each category is and how it is shown.

Every :class:`~cleaner.model.Finding` has a ``category``. What the project
knows about a category lives here and only here:

- ``label``: how people read it (``cleaner check`` messages, reports);
- ``color``: its swatch in the HTML report (``None``: derived from the name);
- ``personal``: it exists to hold personal data (author cards, social
  profiles, PII), so the report view never shows its text, only its length;
- ``shown``: the view may show the removed text (known non-personal categories;
  a category not registered here is withheld, like a personal one);
- ``checked``: ``cleaner check`` fails on it by default (``check.categories``);
- ``stage``: the stage that produces it.

Readers: :mod:`cleaner.boilerplate.rules` (its categories), :mod:`cleaner.view`
(shown/withheld), :mod:`cleaner.htmlreport` (colours), :mod:`cleaner.config`
(``check.categories`` default) and :mod:`cleaner.check` (labels).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Category:
    name: str
    label: str
    stage: str
    color: str | None = None
    personal: bool = False
    shown: bool = False
    checked: bool = False


PII = "pii"

_LIST = (
    Category("link_farm", "spam headline", "boilerplate", "#d9480f", shown=True, checked=True),
    Category("glued_spam", "glued spam headline", "boilerplate", "#e8590c", shown=True,
             checked=True),
    Category("author_card", "author card", "boilerplate", "#7048e8", personal=True,
             checked=True),
    Category("social", "social links block", "boilerplate", "#1c7ed6", personal=True,
             checked=True),
    Category("placeholder", "placeholder text", "boilerplate", "#868e96", shown=True,
             checked=True),
    Category("furniture", "page furniture", "boilerplate", "#2b8a3e", shown=True, checked=True),
    Category("hidden", "hidden element", "extract", "#495057", shown=True),
    Category("markup", "markup repair", "extract"),
    Category("duplicate", "duplicate block", "extract", shown=True),
    Category("signature", "forum signature", "extract", "#5f3dc4", personal=True),
    Category("chrome", "per-post chrome", "extract", "#a61e4d", shown=True),
    Category(PII, "personal data", "pii", "#c2255c", personal=True, checked=True),
    # produced by no built-in stage; their text is safe to show when a custom stage does
    Category("empty", "empty block", "custom", shown=True),
)

#: name -> category, in the order above (the order reports list them in)
CATEGORIES: dict[str, Category] = {c.name: c for c in _LIST}
#: categories of the boilerplate stage
BOILERPLATE: tuple[str, ...] = tuple(c.name for c in _LIST if c.stage == "boilerplate")
#: removed text of these may be shown in the report view
SHOWN: frozenset[str] = frozenset(c.name for c in _LIST if c.shown and not c.personal)
#: categories that exist to hold personal data: their text is never shown
PERSONAL: frozenset[str] = frozenset(c.name for c in _LIST if c.personal)
#: ``cleaner check`` fails on these by default
CHECKED: tuple[str, ...] = tuple(c.name for c in _LIST if c.checked)


def label(name: str) -> str:
    """``"author card"`` for ``author_card``; unknown names read with spaces."""
    c = CATEGORIES.get(name)
    return c.label if c is not None else name.replace("_", " ")


def color(name: str) -> str:
    """The category's swatch colour; for one without a fixed colour, a stable hue
    derived from the name."""
    c = CATEGORIES.get(name)
    if c is not None and c.color is not None:
        return c.color
    h = 0
    for ch in name:
        h = (h * 31 + ord(ch)) % 360
    return f"hsl({h},55%,42%)"

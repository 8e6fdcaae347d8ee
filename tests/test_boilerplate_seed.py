"""The seed page (``../shared/seed``) as text and in three HTML wrappings scrapers meet
(issue 12): each comes out with no headline, card or social line, and with every
heading and the last paragraph of the article. Skipped without ../shared."""

from __future__ import annotations

import html

import pytest
from _boilerplate_helpers import make_cleaner
from conftest import require_shared

pytestmark = pytest.mark.shared

HEADINGS = [
    "Historical Foundations: A Shifting Sands of Relations",
    "Iranian Drones in Ukraine: A Game Changer?",
    "Economic Ties and Sanctions Resilience",
    "BRICS and the New Economic Order",
    "Future Prospects and Evolving Dynamics",
    "Does Russia Back Iran? A Concluding Perspective",
]
LAST_WORDS = "shaping the future of the Middle East and beyond."
#: planted in the seed's tail: none may survive (headlines, headers, card and social lines)
JUNK = ("One Dose In", "What Does Crack Look Like", "worksheets", "Made By Teachers",
        "Detail Author", "Socials", "followers", "following", "twitter:", "tiktok:",
        "Username", "Birthdate", "schmidt.david@hotmail.com", "1971-06-05", "959.667.6332",
        "strosin1981", "Treutel Valleys", "Production Planner")


def _split(seed: str) -> tuple[list[str], list[str]]:
    """(article lines, tail lines): the article ends with the paragraph the first
    headline is glued onto."""
    lines = [ln.strip() for ln in seed.split("\n") if ln.strip()]
    end = next(i for i, ln in enumerate(lines) if LAST_WORDS in ln)
    return lines[: end + 1], lines[end + 1 :]


def _e(s: str) -> str:
    return html.escape(s, quote=False)


def wrap_p_lines(seed: str) -> str:
    """Every line its own ``<p>`` (headings included), inside one container."""
    body = "".join(f"<p>{_e(ln)}</p>" for ln in seed.split("\n") if ln.strip())
    return f"<html><head><title>Seed</title></head><body><div>{body}</div></body></html>"


def wrap_cms(seed: str) -> str:
    """A CMS template: the article in ``<article>`` with ``<h2>`` headings; after
    ``</article>`` the headlines as ``<h3><a>`` in a ``<section>``, the card as a
    ``<ul>`` and the socials as lists."""
    art, tail = _split(seed)
    parts = [f"<h1>{_e(art[0])}</h1>"]
    for ln in art[1:]:
        parts.append(f"<h2>{_e(ln)}</h2>" if ln in HEADINGS or len(ln.split()) <= 10
                     else f"<p>{_e(ln)}</p>")
    heads = list(dict.fromkeys(ln for ln in tail[:6]))
    section = "".join(f'<div class="post"><h3><a href="/p{k}">{_e(h)}</a></h3></div>'
                      for k, h in enumerate(heads))
    rest = tail[6:]
    lis: list[str] = []
    blocks: list[str] = []
    for ln in rest:
        text = ln.lstrip("• ").strip()
        if (text.endswith(":") and " " not in text) or text in ("Detail Author:", "Socials"):
            if lis:
                blocks.append("<ul>" + "".join(lis) + "</ul>")
                lis = []
            blocks.append(f"<h4>{_e(text)}</h4>")
        else:
            lis.append(f"<li>{_e(text)}</li>")
    if lis:
        blocks.append("<ul>" + "".join(lis) + "</ul>")
    return ("<html><head><title>Seed</title></head><body><main><article>" + "".join(parts)
            + f"</article><section>{section}</section><div>{''.join(blocks)}</div></main>"
            "</body></html>")


def wrap_div_br(seed: str) -> str:
    """Paragraphs as ``<div>`` blocks and the tail's lines joined by ``<br>``."""
    art, tail = _split(seed)
    parts = [f"<div>{_e(ln)}</div>" for ln in art]
    parts.append("<div>" + "<br>\n".join(_e(ln) for ln in tail) + "</div>")
    return f"<html><head><title>Seed</title></head><body>{''.join(parts)}</body></html>"


@pytest.fixture(scope="module")
def bp():
    return make_cleaner()


@pytest.fixture(scope="module")
def seed() -> str:
    return require_shared("seed", "000_c242f564f4966d71.txt").read_text("utf-8")


@pytest.mark.parametrize(
    ("wrap", "fmt"),
    [
        pytest.param(None, "text", id="text"),
        pytest.param(wrap_p_lines, "html", id="each-line-own-p"),
        pytest.param(wrap_cms, "html", id="cms-section-h3-links-card-ul"),
        pytest.param(wrap_div_br, "html", id="divs-and-br-tail"),
    ],
)
def test_seed_wrapping_loses_the_tail_keeps_the_article(bp, seed: str, wrap, fmt: str) -> None:
    page = seed if wrap is None else wrap(seed)
    result = bp.clean(page, format=fmt)
    text = result.text
    for junk in JUNK:
        assert junk not in text, junk
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    for heading in HEADINGS:
        assert heading in lines, heading
    assert text.rstrip().endswith(LAST_WORDS), text[-200:]


def test_seed_card_is_one_finding_with_its_lines(bp, seed: str) -> None:
    """As text, the seed's author card ("Detail Author:" and its key/value lines) is
    reported once, listing its lines; no value is in the finding."""
    result = bp.clean(seed, format="text")
    cards = [f for f in result.document.findings
             if f.stage == "boilerplate" and f.category == "author_card"]
    assert len(cards) == 1, [(f.rule, f.start) for f in cards]
    lines = cards[0].detail["lines"]
    assert len(lines) >= 6
    span = result.document.text[cards[0].start : cards[0].end]
    assert span.startswith("Detail Author") and "schmidt.david@hotmail.com" in span
    assert "schmidt.david" not in repr(cards[0].to_dict())

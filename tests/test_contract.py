"""The stage contract: typed fields between stages, and orders that break it refused."""

from __future__ import annotations

import pytest

from cleaner import Cleaner, CleanerConfig, ConfigError
from cleaner import contract as contract_mod
from cleaner.model import Markup

#: planted values (not taken from any stage's output)
EMAIL = "zoe.hartmann@example-mail.org"
PAGE = (
    "The council met on Tuesday to discuss the new budget for the city's schools, and the "
    "members agreed that the plan needs more work before the vote next month.\n\n"
    "The mayor said the city would publish the figures in full, so that parents can see "
    "where the money goes and how the schools will be run from next year on.\n\n"
    f"Questions about the plan can be sent to {EMAIL} until the end of the month."
)

REFUSED = [
    pytest.param(("extract", "assemble", "pii"), "'pii' provides 'findings.pii' after stage "
                 "'assemble'", id="redaction after assembly leaves the e-mail in the output"),
    pytest.param(("extract", "assemble", "boilerplate"), "'boilerplate' provides "
                 "'findings.boilerplate' after stage 'assemble'",
                 id="removals after assembly would be reported but not removed"),
    pytest.param(("extract", "language", "assemble", "quality", "pii"), "'pii' provides",
                 id="redaction after the quality verdict too"),
    pytest.param(("extract", "quality", "assemble"), "stage 'quality' requires 'output', "
                 "which stage 'assemble' provides only after it",
                 id="quality scores the output, which does not exist yet"),
    pytest.param(("extract", "boilerplate", "language", "assemble"), "'language' provides "
                 "'language' after stage 'boilerplate' has read 'language'",
                 id="boilerplate's foreign-block rules need the block languages first"),
    pytest.param(("language", "extract", "assemble"), "stage 'language' requires 'blocks', "
                 "which stage 'extract' provides only after it", id="language before extract"),
    pytest.param(("extract", "language", "pii", "boilerplate", "assemble"), "'boilerplate' "
                 "provides 'findings.boilerplate' after stage 'pii'",
                 id="PII marks hits inside removals, so removals come first"),
    pytest.param(("extract", "language", "assemble", "quality", "language"), "'language' "
                 "provides 'language' after stage 'quality'",
                 id="a stage repeated after a reader of its field"),
]


@pytest.mark.parametrize(("stages", "message"), REFUSED)
def test_order_that_breaks_a_contract_is_refused(stages: tuple[str, ...], message: str) -> None:
    with pytest.raises(ConfigError, match="stage") as info:
        Cleaner(CleanerConfig(stages=stages))
    assert message in str(info.value)


def test_refused_order_would_have_leaked_the_email(monkeypatch: pytest.MonkeyPatch) -> None:
    """Why the order is refused: without the check the e-mail reaches the output while
    the report counts one redaction (so the refusal above is not a formality)."""
    monkeypatch.setattr("cleaner.pipeline.check_order", lambda stages: None)
    result = Cleaner(CleanerConfig(stages=("extract", "assemble", "pii"))).clean(PAGE)
    assert EMAIL in result.text
    assert result.report.summary()["pii"] == {"EMAIL_ADDRESS": 1}


VALID = [
    pytest.param(("extract", "language", "boilerplate", "pii", "assemble", "quality"),
                 id="the default (README)"),
    pytest.param(("extract", "language", "assemble", "quality"), id="language and quality only"),
    pytest.param(("extract", "assemble"), id="the smallest pipeline"),
    pytest.param(("extract", "pii", "assemble"), id="redaction only"),
    pytest.param(("extract", "boilerplate", "assemble", "quality"), id="no language stage"),
    pytest.param(("extract", "language", "boilerplate", "assemble"), id="no PII, no quality"),
    pytest.param(("extract", "boilerplate", "pii", "assemble", "quality"),
                 id="the default without language"),
    pytest.param(("extract", "language", "boilerplate", "pii", "assemble"),
                 id="the default without quality"),
]


@pytest.mark.parametrize("stages", VALID)
def test_valid_orders_still_work(stages: tuple[str, ...]) -> None:
    result = Cleaner(CleanerConfig(stages=stages)).clean(PAGE)
    assert "The mayor said the city would publish the figures" in result.text
    assert (EMAIL in result.text) == ("pii" not in stages)
    assert (result.document.quality is not None) == ("quality" in stages)


def test_unknown_field_in_a_custom_contract_is_refused() -> None:
    class Typo:
        name = "typo"
        requires = ("blokcs",)

    with pytest.raises(ConfigError, match="stage 'typo' requires unknown field 'blokcs'"):
        contract_mod.check_order([Typo])


def test_stage_without_a_contract_is_not_checked() -> None:
    class Plain:
        name = "plain"

    contract_mod.check_order([Plain])  # a test double declaring nothing passes


# -- typed block fields ----------------------------------------------------------------------

ARTICLE_HTML = """<html><body><article>
<h1>Council agrees budget for city schools</h1>
<p>The council met on Tuesday to discuss the new budget for the city's schools, and the members
agreed that the plan needs more work before the vote next month, the chair said.</p>
<p>The mayor said the city would publish the figures in full, so that parents can see where the
money goes and how the schools will be run from next year on, starting in the spring.</p>
<p>Teachers welcomed the plan but asked for more staff in the smaller schools of the district,
where classes have grown every year since the last budget was agreed by the council.</p>
</article>
<div class="related-posts"><ul>
<li><a href="/a">Harbour bridge closes for repairs this weekend</a></li>
</ul></div>
</body></html>"""


def test_markup_is_typed_on_html_blocks_and_absent_on_text() -> None:
    cfg = CleanerConfig(stages=("extract", "language", "assemble"))
    doc = Cleaner(cfg).clean(ARTICLE_HTML, format="html").document
    by_text = {b.text: b for b in doc.blocks}
    para = next(b for t, b in by_text.items() if t.startswith("The mayor said"))
    assert isinstance(para.markup, Markup) and para.markup.tag == "p"
    assert para.markup.link_density == 0.0
    for b in doc.blocks:
        assert b.lang_method in ("too_short", "stopwords", "over_budget", "langdetect")
    text_doc = Cleaner(cfg).clean(PAGE).document
    assert all(b.markup is None for b in text_doc.blocks)
    assert all(b.lang_method is not None for b in text_doc.blocks)


READ_MORE = "Read more: Harbour bridge closes for repairs this weekend"
TEXT_WITH_READ_MORE = (
    "The council met on Tuesday to discuss the new budget for the city's schools, and the "
    "members agreed that the plan needs more work before the vote next month.\n\n"
    f"{READ_MORE}\n\n"
    "The mayor said the city would publish the figures in full, so that parents can see "
    "where the money goes and how the schools will be run from next year on."
)


def test_read_more_line_is_removed_from_text_input() -> None:
    """The ``Read more:`` rule fires on unlinked blocks with no markup evidence; with
    hints as a dict the language stage's per-block hint made it dead on text input."""
    result = Cleaner().clean(TEXT_WITH_READ_MORE)
    assert READ_MORE not in result.text
    rules = [f.rule for f in result.report.findings if f.category != "pii"]
    assert any("inline_related" in r for r in rules), rules
    assert "The mayor said the city would publish" in result.text

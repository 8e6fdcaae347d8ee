"""Issue #11 (WCXB article pages): disclosure lines and newsletter / donation / sign-up
prompts after the article are furniture (rules ``legal_line`` and ``support_prompt``);
the same words before the article's end, in prose, or in a long paragraph stay."""

from __future__ import annotations

import pytest
from _boilerplate_helpers import BODY, bp_findings, make_cleaner

PARAS = "".join(f"<p>{p}</p>" for p in BODY)
PROSE = ("The council said the ferry operator will earn a commission on every ticket sold"
         " through its partners, which drew questions from residents at the meeting.")


def _page(inside: str = "", after: str = "") -> str:
    return ("<html><head><title>Harbour Council Approves New Ferry Timetable</title></head>"
            "<body><main><article><h1>Harbour Council Approves New Ferry Timetable</h1>"
            f"{inside}{PARAS}{after}</article></main></body></html>")


@pytest.fixture(scope="module")
def bp():
    return make_cleaner()


@pytest.mark.parametrize(
    ("page", "rule", "fires", "reason"),
    [
        (_page(after="<p>The Motley Fool has a disclosure policy.</p>"), "legal_line", True,
         "a company's disclosure policy after the article"),
        (_page(after="<p>Required Disclosures</p>"), "legal_line", True,
         "a disclosures header after the article"),
        (_page(after="<p>DISCLOSURE: If you buy through affiliate links, I may earn a small"
                     " commission.</p>"), "legal_line", True, "an affiliate disclosure after it"),
        (_page(after="<p>© Citizens Financial Group, Inc. All rights reserved. Citizens Bank,"
                     " N.A. Member FDIC</p>"), "legal_line", True,
         "a deposit-insurance notice after the article"),
        (_page(after="<p>Dieser Beitrag enthält Affiliate-Links: wir erhalten eine Provision."
                     "</p>"), "legal_line", True, "German affiliate disclosure (vocab de)"),
        (_page(inside="<p>Disclosure: this post may contain affiliate links and we may earn"
                      " a commission.</p>"), "legal_line", False,
         "a disclosure opening the article: WCXB's labels keep it as often as not"),
        (_page(after=f"<p>{PROSE}</p>"), "legal_line", False,
         "prose after the body that only mentions a commission"),
        (_page(after="<p>Copyright 2019 Hawaii News Now. All rights reserved.</p>"),
         "legal_line", False, "a news site's copyright line: the article benchmark keeps it"),
        (_page(after="<p>Enjoyed this piece? We need your help to keep publishing.</p>"),
         "support_prompt", True, "a donation appeal after the article"),
        (_page(after="<p>Join our mailing list! Get a newsletter when an episode is"
                     " published.</p>"), "support_prompt", True, "a mailing-list prompt"),
        (_page(after="<p>Request our free ebook</p>"), "support_prompt", True,
         "a free-download form's header"),
        (_page(after="<p>Abonnez-vous : les meilleures histoires dans votre boîte mail.</p>"),
         "support_prompt", True, "French inbox prompt (vocab fr)"),
        (_page(after="<p>Recibe las mejores historias en tu bandeja de entrada.</p>"),
         "support_prompt", True, "Spanish inbox prompt (vocab es)"),
        (_page(after="<p>Jetzt spenden und unabhängigen Journalismus sichern!</p>"),
         "support_prompt", True, "German donation prompt (vocab de)"),
        (_page(after="<p>Sign up for the Podcast Success Blueprint!</p>"), "support_prompt",
         False, "'sign up for the ...' names the article's own product (a WCXB label keeps it)"),
        (_page(after="<p>" + " ".join(BODY) + " We need your help with the survey.</p>"),
         "support_prompt", False, "a long paragraph that mentions help: prose"),
    ],
)
def test_legal_and_support_lines(bp, page: str, rule: str, fires: bool, reason: str) -> None:
    result = bp.clean(page, format="html")
    fired = {name for f in bp_findings(result) for name in f.rule.split("+")}
    assert (rule in fired) is fires, (reason, sorted(fired))

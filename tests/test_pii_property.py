"""Invariants of the pii stage on generated pages (hypothesis)."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner import CleanerConfig
from cleaner.assemble import render
from cleaner.config import PIIConfig
from cleaner.model import Document, Report
from cleaner.pii import PIIStage
from cleaner.segment import segment

NEWS = [
    "President Vladimir Putin met Masoud Pezeshkian in Moscow on Tuesday.",
    "The council approved 86 million euros for the sea wall in 2019.",
    "Shares rose 3.2% to $148.20 after the results, analysts said.",
    "Le président Emmanuel Macron a reçu les syndicats mardi.",
    "Der Stadtrat tagte am 14.03.2024 in Berlin.",
]
NAMES = ["Oda Hills", "Rosalind Vanterpool", "Femke van der Steenhoven", "Gaspard Lefebvre"]
USERS = ["austin.schiller", "rvanterpool77", "glm_1990", "des.al.photos"]
DOMAINS = ["examplemail.com", "beispielpost.de", "exemple-courrier.fr", "posta-esempio.it"]
PHONES = ["+1-541-555-0187", "959.667.6332", "+44 7700 900431", "030 98765432",
          "01 42 68 53 09", "+39 06 6982 1234"]
DATES = ["1984-11-23", "14.03.1979", "02/07/1990", "March 2, 1969"]

pii_line = st.one_of(
    st.builds(lambda n: f"Name : {n}", st.sampled_from(NAMES)),
    st.builds(lambda u: f"Username : {u}", st.sampled_from(USERS)),
    st.builds(lambda u, d: f"Email : {u}@{d}", st.sampled_from(USERS), st.sampled_from(DOMAINS)),
    st.builds(lambda p: f"Phone : {p}", st.sampled_from(PHONES)),
    st.builds(lambda d: f"Birthdate : {d}", st.sampled_from(DATES)),
    st.builds(lambda u: f"url : https://twitter.com/{u.replace('.', '_')}", st.sampled_from(USERS)),
    st.builds(lambda u: f"She posts as @{u.replace('.', '_')} daily.", st.sampled_from(USERS)),
    st.builds(lambda n, u, d: f"Contact {n} at {u}@{d}.", st.sampled_from(NAMES),
              st.sampled_from(USERS), st.sampled_from(DOMAINS)),
)
page = st.lists(st.one_of(st.sampled_from(NEWS), pii_line), min_size=1, max_size=8)
separators = st.sampled_from(["\n", "\n\n", " "])

_STAGES = {style: PIIStage(CleanerConfig(pii=PIIConfig(style=style)))
           for style in ("tag", "pseudonym", "remove")}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page, separators, st.sampled_from(sorted(_STAGES)))
def test_redacted_values_never_survive_and_never_reach_the_report(
    lines: list[str], sep: str, style: str
) -> None:
    text = sep.join(lines)
    doc = Document(source=text, format="text")
    doc.decoded = doc.text = text
    doc.blocks = segment(text)
    _STAGES[style](doc)
    doc.output = render(doc)
    dumped = json.dumps(Report(doc).to_dict(), ensure_ascii=False)
    for f in doc.findings:
        assert f.start is not None and f.end is not None
        value = text[f.start : f.end]
        assert value not in doc.output, "a redacted value is still in the output"
        assert value not in dumped, "a redacted value is in the report"
    # the news lines are never touched
    for line in lines:
        if line in NEWS:
            assert line in doc.output

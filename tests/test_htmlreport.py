"""The document view (cleaner/view.py) and the HTML report (cleaner/htmlreport.py),
without a browser: privacy policy, segment invariants, input shapes, escaping, CLI."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path
from typing import Any

import pytest
from _htmlreport_helpers import clean_fixtures, fixture_pii_values, known_cleaner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner.cli import main as cli_main
from cleaner.errors import InputError
from cleaner.htmlreport import build_html, iter_reports, normalize_record, write_html_report
from cleaner.model import Block, Document, Finding, Report
from cleaner.view import SHOWN_CATEGORIES, WITHHELD_CATEGORIES, document_view

# -- building documents by hand ---------------------------------------------------------------


def make_doc(lines: list[str], findings: list[Finding] | None = None) -> Document:
    """A document whose working text is ``lines`` joined by newlines, one block a line."""
    text = "\n".join(lines)
    blocks, pos = [], 0
    for i, line in enumerate(lines):
        blocks.append(Block(index=i, start=pos, end=pos + len(line), kind="paragraph",
                            group=i, text=line))
        pos += len(line) + 1
    return Document(source=text, text=text, decoded=text, blocks=blocks,
                    findings=list(findings or []))


def span(doc_text: str, needle: str) -> tuple[int, int]:
    at = doc_text.index(needle)
    return at, at + len(needle)


def cut(text: str, needle: str, category: str, *, action: str = "removed") -> Finding:
    s, e = span(text, needle)
    return Finding(stage="boilerplate", category=category, rule=f"{category}_rule", score=0.87,
                   start=s, end=e, action=action)  # type: ignore[arg-type]


def pii(text: str, needle: str, type_: str) -> Finding:
    s, e = span(text, needle)
    return Finding(stage="pii", category="pii", rule="test_recognizer", score=0.99, start=s,
                   end=e, action="redacted", type=type_, replacement=f"[{type_}]")


def view_json(doc: Document) -> str:
    return json.dumps(document_view(doc), ensure_ascii=False, allow_nan=False)


def segments(doc: Document) -> list[dict[str, Any]]:
    return [s for b in document_view(doc)["blocks"] for s in b["segments"]]


# -- the privacy policy, row by row -----------------------------------------------------------

BODY = "The council approved the sea wall after a long debate."
SPAM = "Doctors Stunned: This Simple Trick Melts Belly Fat Overnight!"
CARD = "Name : Wilhelmina Quaxley-Brandt | Email : w.quaxley@example.org"


def _case_spam_shown() -> tuple[Document, list[str], list[str]]:
    lines = [BODY, SPAM]
    text = "\n".join(lines)
    return make_doc(lines, [cut(text, SPAM, "link_farm")]), [SPAM], []


def _case_card_withheld_pii_missed() -> tuple[Document, list[str], list[str]]:
    lines = [BODY, CARD]
    text = "\n".join(lines)
    return make_doc(lines, [cut(text, CARD, "author_card")]), [], [
        "Wilhelmina Quaxley-Brandt", "w.quaxley@example.org"]


def _case_unknown_category_withheld() -> tuple[Document, list[str], list[str]]:
    lines = [BODY, "Kontakt: Ottokar Friedenreich"]
    text = "\n".join(lines)
    return make_doc(lines, [cut(text, lines[1], "someday_new_category")]), [], [
        "Ottokar Friedenreich"]


def _case_pii_inside_shown_removal() -> tuple[Document, list[str], list[str]]:
    line = "Read more from Ottokar Friedenreich"
    lines = [BODY, line]
    text = "\n".join(lines)
    return make_doc(lines, [cut(text, line, "link_farm"),
                            pii(text, "Ottokar Friedenreich", "PERSON")]), [
        "Read more from "], ["Ottokar Friedenreich"]


def _case_residual_email_in_kept() -> tuple[Document, list[str], list[str]]:
    lines = [BODY + " Write to tips.desk@harbour-news.example for corrections."]
    return make_doc(lines), [BODY], ["tips.desk@harbour-news.example"]


def _case_residual_phone_and_date_in_spam() -> tuple[Document, list[str], list[str]]:
    line = "Call +44 20 7946 0999 now! Offer ends 14.03.2031"
    lines = [BODY, line]
    text = "\n".join(lines)
    return make_doc(lines, [cut(text, line, "furniture")]), ["Call ", " now! Offer ends "], [
        "+44 20 7946 0999", "14.03.2031"]


def _case_marked_card_withheld() -> tuple[Document, list[str], list[str]]:
    lines = [BODY, CARD]
    text = "\n".join(lines)
    return make_doc(lines, [cut(text, CARD, "author_card", action="marked")]), [BODY], [
        "Wilhelmina Quaxley-Brandt", "w.quaxley@example.org"]


def _case_nonpii_redaction_masked() -> tuple[Document, list[str], list[str]]:
    lines = [BODY + " Secret-ish token QX-99-ALPHA here."]
    text = lines[0]
    s, e = span(text, "QX-99-ALPHA")
    f = Finding(stage="custom", category="token", rule="r", score=1.0, start=s, end=e,
                action="redacted", replacement="[TOKEN]")
    return make_doc(lines, [f]), [BODY], ["QX-99-ALPHA"]


def _case_pii_straddles_blocks() -> tuple[Document, list[str], list[str]]:
    lines = [BODY + " Contact Anneliese", "Vorndran-Pickett today."]
    text = "\n".join(lines)
    return make_doc(lines, [pii(text, "Anneliese\nVorndran-Pickett", "PERSON")]), [
        " today."], ["Anneliese", "Vorndran-Pickett"]


POLICY_CASES = [
    pytest.param(_case_spam_shown, id="spam headline in link_farm is shown struck through"),
    pytest.param(_case_card_withheld_pii_missed,
                 id="author card text withheld even when the PII stage missed its values"),
    pytest.param(_case_unknown_category_withheld, id="unknown category is withheld by default"),
    pytest.param(_case_pii_inside_shown_removal,
                 id="PII inside a shown removal becomes a tag (mask first, then mark)"),
    pytest.param(_case_residual_email_in_kept, id="unflagged e-mail in kept text is masked"),
    pytest.param(_case_residual_phone_and_date_in_spam,
                 id="unflagged phone and date in shown removed text are masked"),
    pytest.param(_case_marked_card_withheld, id="dry-run mark on an author card is withheld"),
    pytest.param(_case_nonpii_redaction_masked, id="a non-PII redaction is masked, not shown"),
    pytest.param(_case_pii_straddles_blocks,
                 id="PII straddling two blocks is one tag and no fragment"),
]


@pytest.mark.parametrize("case", POLICY_CASES)
def test_view_policy(case: Any) -> None:
    doc, must_show, must_hide = case()
    out = view_json(doc)
    for snippet in must_show:
        assert json.dumps(snippet, ensure_ascii=False)[1:-1] in out, snippet
    for value in must_hide:
        assert value not in out, value
        for word in value.split():
            if len(word) >= 6:
                assert word not in out, word


def test_view_segments_carry_category_rule_score_action() -> None:
    doc, _, _ = _case_spam_shown()
    removed = [s for s in segments(doc) if s["kind"] == "removed"]
    assert removed == [{
        "kind": "removed", "text": SPAM, "chars": len(SPAM), "withheld": None, "finding": 0,
        "category": "link_farm", "rule": "link_farm_rule", "score": 0.87, "action": "removed",
    }]


def test_view_pii_tag_names_type_and_enclosing_removal() -> None:
    doc, _, _ = _case_pii_inside_shown_removal()
    tags = [s for s in segments(doc) if s["kind"] == "pii"]
    assert [(t["tag"], t["type"], t["within"]["category"]) for t in tags] == [
        ("[PERSON]", "PERSON", "link_farm")]


def test_withheld_and_shown_categories_do_not_overlap() -> None:
    assert not SHOWN_CATEGORIES & WITHHELD_CATEGORIES
    assert {"author_card", "social"} <= WITHHELD_CATEGORIES


def test_report_to_dict_view_is_opt_in() -> None:
    doc, _, _ = _case_spam_shown()
    rep = Report(doc)
    assert "view" not in rep.to_dict()
    with_view = rep.to_dict(include_view=True)
    assert with_view["view"]["schema"] == "cleaner.view/1"
    json.dumps(with_view, allow_nan=False)


# -- invariants ---------------------------------------------------------------------------------

_WORD = st.text(alphabet="abcdefgh ", min_size=1, max_size=12)


@st.composite
def docs_with_findings(draw: st.DrawFn) -> tuple[Document, list[str]]:
    """Random blocks; secrets (unique tokens) planted and flagged by PII findings;
    random removals/marks of any category over any span."""
    n = draw(st.integers(1, 5))
    lines, secrets = [], []
    for i in range(n):
        parts = draw(st.lists(_WORD, min_size=1, max_size=4))
        if draw(st.booleans()):
            secret = f"ZSECRET{i}Q"
            secrets.append(secret)
            parts.insert(draw(st.integers(0, len(parts))), secret)
        lines.append(" ".join(parts))
    doc = make_doc(lines)
    text = doc.text
    for secret in secrets:
        doc.findings.append(pii(text, secret, "PERSON"))
    cats = ["link_farm", "author_card", "furniture", "brand_new"]
    for _ in range(draw(st.integers(0, 4))):
        s = draw(st.integers(0, len(text)))
        e = draw(st.integers(s, len(text)))
        doc.findings.append(Finding(
            stage="boilerplate", category=draw(st.sampled_from(cats)), rule="r",
            score=draw(st.floats(0, 1)), start=s, end=e,
            action=draw(st.sampled_from(["removed", "marked", "dropped"])),
        ))
    return doc, secrets


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(docs_with_findings())
def test_view_invariants(case: tuple[Document, list[str]]) -> None:
    doc, secrets = case
    view = document_view(doc)
    out = json.dumps(view, allow_nan=False)
    for secret in secrets:  # flagged PII never appears, whatever overlaps it
        assert secret not in out
    assert [b["index"] for b in view["blocks"]] == [b.index for b in doc.blocks]
    for block, vb in zip(doc.blocks, view["blocks"], strict=True):
        # every character of the block is covered, in order, by exactly one segment
        # (a PII tag stands for its whole span, so count it up to the block's end)
        pos, rebuilt = block.start, []
        for seg in vb["segments"]:
            assert seg["kind"] in {"kept", "removed", "marked", "pii", "masked"}
            if seg["kind"] == "pii":
                f = doc.findings[seg["finding"]]
                assert f.start is not None and f.end is not None
                assert f.start == pos
                pos = min(f.end, block.end)
                rebuilt.append("\0" * (pos - f.start))
            elif seg["kind"] == "masked" or seg.get("text") is None:
                rebuilt.append("\0" * seg["chars"])
                pos += seg["chars"]
            else:
                assert doc.text[pos : pos + len(seg["text"])] == seg["text"]
                rebuilt.append(seg["text"])
                pos += len(seg["text"])
        assert pos == block.end
        joined = "".join(rebuilt)
        assert len(joined) == block.end - block.start
        # withheld text is never shown
        for seg in vb["segments"]:
            if seg["kind"] in ("removed", "marked") and seg["category"] not in SHOWN_CATEGORIES:
                assert seg["text"] is None and seg["withheld"] == "personal_category"


# -- the HTML: privacy, escaping, offline ---------------------------------------------------


@pytest.fixture(scope="session")
def known_reports() -> list[dict[str, Any]]:
    """Fixtures with known findings, real PII stage OFF (a total PII miss)."""
    return clean_fixtures(known_cleaner(with_pii_stage=False))


@pytest.fixture(scope="session")
def pipeline_reports(cleaner_default: Any) -> list[dict[str, Any]]:
    """Fixtures through the real default pipeline."""
    return clean_fixtures(cleaner_default)


def _pii_rows() -> list[Any]:
    return [
        pytest.param(source, value, id=f"{source}: {value[:3]}…")
        for source, values in fixture_pii_values().items()
        for value in values
    ]


@pytest.mark.parametrize(("source", "value"), _pii_rows())
def test_fixture_pii_absent_from_html(
    source: str, value: str, known_reports: list[dict[str, Any]],
    pipeline_reports: list[dict[str, Any]],
) -> None:
    """Every fixture PII value is absent: from the real pipeline's report, and from a report
    where boilerplate findings are known but the PII stage found nothing at all."""
    for name, reports in (("pipeline", pipeline_reports), ("known, no PII stage", known_reports)):
        page, _ = build_html(reports)
        assert value not in page, f"{source} value leaks in the {name} report"
        assert html_escape(value) not in page


def html_escape(s: str) -> str:
    import html

    return html.escape(s)


def html_unescape(s: str) -> str:
    import html

    return html.unescape(s)


def test_fixture_pii_list_is_not_empty() -> None:
    assert sum(len(v) for v in fixture_pii_values().values()) >= 10


def test_html_escapes_hostile_ids_and_text() -> None:
    evil = '</script><script>alert("x")</script><img src=x onerror=alert(1)>'
    lines = [BODY, evil]
    text = "\n".join(lines)
    doc = make_doc(lines, [cut(text, evil, "link_farm")])
    doc.id = evil
    doc.url = "javascript:alert(1)//" + evil
    rep = Report(doc).to_dict(include_view=True)
    rep["quality"] = {"signals": {}, "score": 0.5, "verdict": "review", "reasons": [evil]}
    page, n = build_html([rep], title=evil)
    assert n == 1
    assert "<script>alert" not in page and "<img src=x" not in page
    # exactly the two script elements we write carry code: the inline script and JSON blobs
    assert page.count("<script>") == 1
    assert page.count("</script>") == page.count("<script")


def test_html_has_no_external_references(known_reports: list[dict[str, Any]]) -> None:
    page, _ = build_html(known_reports)
    assert 'http-equiv="Content-Security-Policy"' in page
    assert "default-src 'none'" in html_unescape(page)
    markup = re.sub(r'<script type="application/json"[^>]*>.*?</script>', "", page, flags=re.S)
    attrs = re.findall(r'\s(?:src|href|action|xlink:href)="([^"]*)"', markup)
    assert all(a.startswith("#") for a in attrs), attrs
    assert "<link" not in markup and "@import" not in markup and "url(" not in markup


def test_batch_view_figures(known_reports: list[dict[str, Any]]) -> None:
    page, n = build_html(known_reports)
    assert n == len(known_reports) == 5
    cats: set[str] = set()
    for r in known_reports:
        cats |= set(r["summary"]["removed"])
    for c in cats:
        assert f'data-label="{c}"' in page  # one bar per category
    assert {"link_farm", "author_card", "social", "glued_spam", "furniture"} <= cats
    assert '<div class="k">documents</div><div class="n">5</div>' in page


def test_write_html_report_stats(tmp_path: Path, known_reports: list[dict[str, Any]]) -> None:
    stats = write_html_report(known_reports, tmp_path / "sub" / "r.html")
    assert stats.documents == 5
    assert stats.bytes == (tmp_path / "sub" / "r.html").stat().st_size > 0
    assert not list((tmp_path / "sub").glob("*.tmp"))


# -- input shapes ---------------------------------------------------------------------------


def _record(rep: dict[str, Any]) -> dict[str, Any]:
    rep = {k: v for k, v in rep.items() if k != "view"}
    return {"id": rep["id"], "text": "clean text", "source": "t", "added": "2026-01-01",
            "metadata": {"url": None, "language": "en", "cleaner": rep}}


def _write(path: Path, lines: list[Any], *, gz: bool = False) -> Path:
    data = "".join(json.dumps(x) + "\n" for x in lines)
    path.parent.mkdir(parents=True, exist_ok=True)
    if gz:
        with gzip.open(path, "wt", encoding="utf-8") as fh:
            fh.write(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


INPUT_SHAPES = [
    pytest.param(lambda d, r: _write(d / "one.json", [r[0]]), 1, id="single report .json"),
    pytest.param(lambda d, r: (d / "list.json").write_text(json.dumps(r)) and d / "list.json",
                 5, id="a JSON list of reports"),
    pytest.param(lambda d, r: _write(d / "r.jsonl", r), 5, id="jsonl of reports"),
    pytest.param(lambda d, r: _write(d / "kept.jsonl.gz", [_record(x) for x in r], gz=True),
                 5, id="gzipped jsonl of records (metadata.cleaner)"),
    pytest.param(lambda d, r: (_write(d / "out" / "report.jsonl", r[:3]),
                               _write(d / "out" / "kept.jsonl", [_record(x) for x in r]))
                 and d / "out", 3, id="batch folder: report.jsonl wins over record files"),
    pytest.param(lambda d, r: (_write(d / "out" / "kept.jsonl", [_record(x) for x in r[:2]]),
                               _write(d / "out" / "rejected.jsonl.gz", [_record(r[2])], gz=True),
                               _write(d / "out" / "failed.jsonl", [{"id": "x", "error": "e"}]))
                 and d / "out", 3, id="batch folder of records, failed output skipped"),
    pytest.param(lambda d, r: _write(d / "mixed.jsonl", ["not a report", {"a": 1}, r[0]])
                 and (d / "mixed.jsonl").open("a").write("{broken\n") and d / "mixed.jsonl",
                 1, id="junk lines are skipped"),
]


@pytest.mark.parametrize(("make", "count"), INPUT_SHAPES)
def test_iter_reports_shapes(
    make: Any, count: int, tmp_path: Path, known_reports: list[dict[str, Any]]
) -> None:
    path = make(tmp_path, known_reports)
    got = list(iter_reports(path))
    assert len(got) == count
    assert all(g["schema"] == "cleaner.report/1" for g in got)


def test_record_without_view_shows_clean_text(known_reports: list[dict[str, Any]]) -> None:
    rep = normalize_record(_record(known_reports[0]))
    assert rep is not None and rep["clean_text"] == "clean text" and "view" not in rep


BAD_INPUTS = [
    pytest.param(lambda d: d / "missing.json", id="missing file"),
    pytest.param(lambda d: (d / "e").mkdir() or d / "e", id="empty folder"),
    pytest.param(lambda d: (d / "x.json").write_text("{nope") and d / "x.json",
                 id="not JSON"),
    pytest.param(lambda d: (d / "x.json").write_text('{"a": 1}') and d / "x.json",
                 id="JSON but no report"),
    pytest.param(lambda d: (d / "x.jsonl.gz").write_bytes(b"\x1f\x8bnot gzip") and
                 d / "x.jsonl.gz", id="corrupt gzip"),
]


@pytest.mark.parametrize("make", BAD_INPUTS)
def test_iter_reports_bad_inputs(make: Any, tmp_path: Path) -> None:
    with pytest.raises(InputError):
        list(iter_reports(make(tmp_path)))


# -- CLI ----------------------------------------------------------------------------------


def test_cli_report(
    tmp_path: Path, known_reports: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    src = _write(tmp_path / "report.jsonl", known_reports)
    out = tmp_path / "r.html"
    assert cli_main(["report", str(src), "-o", str(out)]) == 0
    assert out.is_file() and "5 documents" in capsys.readouterr().err
    assert out.read_text("utf-8").count('<script type="application/json" id="d') == 5


CLI_ERRORS = [
    pytest.param(["report", "{tmp}/missing.jsonl", "-o", "{tmp}/r.html"], 2, id="missing input"),
    pytest.param(["report", "{tmp}"], 2, id="no -o"),
    pytest.param(["report", "{tmp}/empty.jsonl", "-o", "{tmp}/r.html"], 1,
                 id="input without a single report"),
]


@pytest.mark.parametrize(("argv", "code"), CLI_ERRORS)
def test_cli_report_errors(argv: list[str], code: int, tmp_path: Path) -> None:
    (tmp_path / "empty.jsonl").write_text("\n")
    with pytest.raises(SystemExit) if code == 2 and "-o" not in argv else _nullcontext():
        assert cli_main([a.format(tmp=tmp_path) for a in argv]) == code


class _nullcontext:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None

"""The HTML report in a real browser: headless Chromium (Debian's ``chromium``, installed
with apt-get by the session fixture when missing; the tests skip with a message when it
cannot be installed) loads the file, runs its script, and we check the resulting DOM."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import pytest
from _htmlreport_helpers import (
    Browser,
    clean_fixtures,
    fixture_pii_values,
    install_chromium,
    known_cleaner,
)
from lxml import html as lxml_html

from cleaner.htmlreport import PAGE_SIZE, write_html_report

EXPECTED = Path(__file__).resolve().parent.parent / "fixtures" / "expected"
SPAM_HEADLINE = "Doctors Stunned: This Simple Trick Melts Belly Fat Overnight!"
LINKFARM = Path(__file__).resolve().parent.parent / "fixtures" / "pages" / "en_news_linkfarm.txt"
#: the page's first line, its title block
EXPECTED_TITLE = LINKFARM.read_text("utf-8").split("\n", 1)[0]


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Browser:
    binary, message = install_chromium()
    if binary is None:
        pytest.skip(f"headless Chromium is not available: {message}")
    return Browser(binary, tmp_path_factory.mktemp("chromium-profile"))


@pytest.fixture(scope="session")
def known_html(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, Any]]]:
    """The fixtures with known boilerplate and PII findings (independent of those stages)."""
    reports = clean_fixtures(known_cleaner(with_pii_stage=True))
    path = tmp_path_factory.mktemp("known") / "report.html"
    write_html_report(reports, path, title="known findings")
    return path, reports


@pytest.fixture(scope="session")
def pipeline_html(
    tmp_path_factory: pytest.TempPathFactory, cleaner_default: Any
) -> tuple[Path, list[dict[str, Any]]]:
    """The fixtures through the real default pipeline."""
    reports = clean_fixtures(cleaner_default)
    path = tmp_path_factory.mktemp("pipeline") / "report.html"
    write_html_report(reports, path, title="fixtures")
    return path, reports


@pytest.fixture(scope="session")
def many_html(
    tmp_path_factory: pytest.TempPathFactory, known_html: tuple[Path, list[dict[str, Any]]]
) -> tuple[Path, list[dict[str, Any]]]:
    """130 documents (copies of the fixtures' reports with cycled verdicts) for paging."""
    _, base = known_html
    verdicts = itertools.cycle(["keep", "review", "reject"])
    reports = []
    for n, rep in zip(range(130), itertools.cycle(base), strict=False):
        copy = json.loads(json.dumps(rep))
        copy["id"] = f"doc-{n:03d}"
        copy["verdict"] = next(verdicts)
        copy["quality"]["verdict"] = copy["verdict"]
        reports.append(copy)
    path = tmp_path_factory.mktemp("many") / "report.html"
    write_html_report(reports, path)
    return path, reports


def load(browser: Browser, path: Path, fragment: str = "") -> Any:
    dom = browser.dump_dom(path.resolve().as_uri() + (f"#{fragment}" if fragment else ""))
    root = lxml_html.fromstring(dom)
    body = root.find("body")
    assert body is not None and body.get("data-ready") == "1", "the report script did not run"
    return root


def in_text(root: Any, path: str) -> list[Any]:
    """Elements matching ``path`` inside the document text box."""
    return list(root.xpath(f'//*[@id="doc-text"]//{path}'))


def text_of(node: Any) -> str:
    return str(node.text_content())


def index_of(reports: list[dict[str, Any]], doc_id: str) -> int:
    return next(i for i, r in enumerate(reports) if r["id"] == doc_id)


# -- batch view -------------------------------------------------------------------------------


def test_batch_view_counts_and_categories(
    browser: Browser, known_html: tuple[Path, list[dict[str, Any]]]
) -> None:
    path, reports = known_html
    root = load(browser, path)
    rows = root.xpath('//*[@id="doclist"]/tbody/tr')
    assert len(rows) == len(reports) == 5
    # each row names its document by title where the view has one, the id on hover
    assert [r.xpath(".//a")[0].get("title") for r in rows] == [r["id"] for r in reports]
    categories = set()
    for r in reports:
        categories |= set(r["summary"]["removed"])
    options = {o.get("value") for o in root.xpath('//*[@id="f-cat"]/option')}
    assert categories <= options
    chips = {c.get("data-cat") for c in root.xpath('//*[@id="doclist"]//span[@data-cat]')}
    assert chips == categories
    bars = {b.get("data-label") for b in root.xpath("//svg//g[@data-label]")}
    assert categories <= bars
    card = root.xpath('//div[@data-key="documents"]/div[@class="n"]')[0]
    assert text_of(card) == "5"
    assert root.find("body").get("data-view") == "list"


def test_document_view_strikes_spam_and_masks_pii(
    browser: Browser, known_html: tuple[Path, list[dict[str, Any]]], tmp_path: Path
) -> None:
    path, reports = known_html
    i = index_of(reports, "en_news_linkfarm.txt")
    root = load(browser, path, f"doc={i}")
    assert root.find("body").get("data-view") == "doc"
    title = root.xpath('//*[@id="doc-title"]')[0]
    assert title.get("title") == "en_news_linkfarm.txt"  # the id, where the title is shown
    assert text_of(title) == EXPECTED_TITLE
    struck = in_text(root, 'del[@data-cat="link_farm"]')
    assert any(text_of(d) == SPAM_HEADLINE for d in struck)
    assert all(d.get("data-rule") and d.get("data-score") for d in struck)
    glued = in_text(root, 'del[@data-cat="glued_spam"]')
    assert [text_of(d) for d in glued] == [SPAM_HEADLINE]
    summary = reports[i]["summary"]
    withheld = in_text(root, 'span[@data-cat="author_card"][contains(@class, "withheld")]')
    card_findings = {
        str(n) for n, f in enumerate(reports[i]["findings"]) if f["category"] == "author_card"
    }
    assert {w.get("data-finding") for w in withheld} == card_findings
    assert len(card_findings) == summary["removed"]["author_card"]["count"]
    tags = [text_of(t) for t in in_text(root, 'span[contains(@class, "pii")]')]
    for type_, n in summary["pii"].items():
        assert tags.count(f"[{type_}]") >= 1 and n >= 1
    finding_rows = root.xpath('//*[@id="doc-findings"]/tbody/tr')
    assert len(finding_rows) == len(reports[i]["findings"])
    # the kept body is plain, readable text: the last article sentence outside any <del>
    kept = kept_text(root.xpath('//*[@id="doc-text"]')[0])
    assert "hoping the new wall is finished before the first storm of the season." in kept
    dom_text = text_of(root)
    for values in fixture_pii_values().values():
        for value in values:
            assert value not in dom_text
    shot = browser.screenshot(path.resolve().as_uri() + f"#doc={i}", tmp_path / "doc.png")
    assert shot.stat().st_size > 10_000


def kept_text(box: Any) -> str:
    """The text of ``box`` outside struck (``del``) and marked (``mark``) elements."""
    return "".join(box.xpath(".//text()[not(ancestor::del) and not(ancestor::mark)]"))


PAGING = [
    pytest.param("", 130, 1, PAGE_SIZE, None, id="first page of all documents"),
    pytest.param("page=3", 130, 3, 130 - 2 * PAGE_SIZE, None, id="last page is partial"),
    pytest.param("verdict=review", 43, 1, 43, "review", id="verdict filter"),
    pytest.param("verdict=reject&page=9", 43, 1, 43, "reject",
                 id="page beyond the end clamps to the last"),
    pytest.param("cat=social", 26, 1, 26, None, id="category filter"),
    pytest.param("q=doc-12", 10, 1, 10, None, id="id search"),
]


@pytest.mark.parametrize(("fragment", "total", "page", "rows", "verdict"), PAGING)
def test_list_filters_and_paging(
    browser: Browser, many_html: tuple[Path, list[dict[str, Any]]],
    fragment: str, total: int, page: int, rows: int, verdict: str | None,
) -> None:
    path, _ = many_html
    root = load(browser, path, fragment)
    body = root.find("body")
    assert body.get("data-rows") == str(total)
    got = root.xpath('//*[@id="doclist"]/tbody/tr')
    assert len(got) == rows
    if verdict:
        assert {r.get("data-verdict") for r in got} == {verdict}
    pages = max(1, -(-total // PAGE_SIZE))
    assert body.get("data-page") == str(min(max(page, 1), pages) if "page=9" not in fragment
                                         else pages)


# -- the real pipeline ----------------------------------------------------------------------


def _spam_rows() -> list[Any]:
    rows = []
    for stem in ("en_news_linkfarm", "fr_article"):
        exp = json.loads((EXPECTED / f"{stem}.json").read_text("utf-8"))
        rows.append(pytest.param(stem, exp["must_drop"], id=f"{stem}: must_drop struck"))
    return rows


@pytest.mark.parametrize(("stem", "must_drop"), _spam_rows())
def test_pipeline_report_strikes_spam_headline(
    browser: Browser, pipeline_html: tuple[Path, list[dict[str, Any]]],
    stem: str, must_drop: list[str],
) -> None:
    """With the real boilerplate stage: a spam headline of the fixture is struck through,
    and no must_drop snippet is left in the kept (unstruck) text of the view."""
    path, reports = pipeline_html
    i = next(n for n, r in enumerate(reports) if Path(r["id"]).stem == stem)
    root = load(browser, path, f"doc={i}")
    box = root.xpath('//*[@id="doc-text"]')[0]
    struck = " ".join(text_of(d) for d in box.xpath(".//del"))
    assert any(s in struck for s in must_drop[:3] if len(s) > 20), (
        f"no spam headline of {stem} is struck through; removed: "
        f"{reports[i]['summary']['removed']}")
    kept = kept_text(box)
    for snippet in must_drop:
        assert snippet not in kept, f"{snippet!r} is still in the kept text"


@pytest.mark.parametrize(
    ("url", "link"),
    [
        pytest.param("https://news.example.org/harbour-wall", True, id="http(s) URL is a link"),
        pytest.param("javascript:alert(1)", False, id="other schemes are text only"),
    ],
)
def test_single_page_view_from_the_cli(
    browser: Browser, tmp_path: Path, url: str, link: bool
) -> None:
    """`cleaner clean --report --with-view`, then `cleaner report`: the page opens on the
    document, titled, with its source URL and a jump to the first removal."""
    import subprocess
    import sys

    report, page = tmp_path / "page.json", tmp_path / "page.html"
    for argv in (["clean", str(LINKFARM), "--report", str(report), "--with-view", "--url", url],
                 ["report", str(report), "-o", str(page)]):
        proc = subprocess.run([sys.executable, "-m", "cleaner.cli", *argv],
                              capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, proc.stderr
    root = load(browser, page)
    assert root.find("body").get("data-view") == "doc"  # one document: opened directly
    assert text_of(root.xpath('//*[@id="doc-title"]')[0]) == EXPECTED_TITLE
    (shown,) = root.xpath('//*[@id="doc-url"]')
    assert text_of(shown) == url
    assert (shown.tag == "a" and shown.get("href") == url) == link
    assert root.xpath('//*[@id="jump-first-removal"]'), "no jump to the first removal"
    (first,) = in_text(root, '*[@id="first-removal"]')
    first_del = in_text(root, 'del[@data-cat] | span[contains(@class, "withheld")]')[0]
    assert first is first_del or first.getparent() is first_del or first_del.getparent() is first

"""The benchmark metrics (cleaner.evaluation): planted values, computed by hand."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from cleaner.evaluation import articles, wcxb


@pytest.mark.parametrize(
    ("truth", "pred", "expected", "reason"),
    [
        ("a b c d", "a b c d", (1.0, 1.0, 1.0), "identical"),
        ("a b c d", "a b", (1.0, 0.5, 2 / 3), "half the words: recall 0.5"),
        ("a b", "a b x y", (0.5, 1.0, 2 / 3), "two extra words: precision 0.5"),
        ("A, b! a", "a a a", (2 / 3, 2 / 3, 2 / 3), "multiset: a counts twice, lower-cased"),
        ("a b", "", (0.0, 0.0, 0.0), "empty prediction"),
        ("", "", (1.0, 1.0, 1.0), "nothing expected, nothing given"),
    ],
)
def test_word_prf(truth: str, pred: str, expected: tuple[float, float, float], reason: str) -> None:
    assert wcxb.word_prf(truth, pred) == pytest.approx(expected), reason


def _page(tmp: Path, pid: str, kind: str, main: str, with_: list[str], without: list[str]) -> None:
    (tmp / "html").mkdir(exist_ok=True)
    (tmp / "ground-truth").mkdir(exist_ok=True)
    (tmp / "html" / f"{pid}.html.gz").write_bytes(gzip.compress(b"<p>x</p>"))
    gt = {"url": f"https://www.{pid}.example/p", "ground_truth": repr(
        {"main_content": main, "with": with_, "without": without}),
        "_internal": repr({"page_type": {"primary": kind}})}
    (tmp / "ground-truth" / f"{pid}.json").write_text(json.dumps(gt), "utf-8")


def test_snippet_shares_and_loader(tmp_path: Path) -> None:
    # fields stored as Python reprs (as in the WCXB files) are parsed
    _page(tmp_path, "0001", "forum", "Hello world here", ["Hello World", "absent"], ["menu"])
    (page,) = wcxb.load_pages(tmp_path)
    assert (page.page_type, page.domain) == ("forum", "0001.example")
    s = wcxb.score_page(page, "hello world here. MENU")
    assert (s.with_found, s.without_found) == (0.5, 1.0)
    assert s.precision == pytest.approx(3 / 4)


def test_stratified_is_fixed_and_per_type(tmp_path: Path) -> None:
    for i in range(6):
        _page(tmp_path, f"{i:04d}", "forum" if i % 2 else "article", "x", [], [])
    pages = wcxb.load_pages(tmp_path)
    a = wcxb.stratified(pages, 2)
    b = wcxb.stratified(list(reversed(pages)), 2)
    assert [p.id for p in a] == [p.id for p in b], "independent of input order"
    assert sorted(p.page_type for p in a) == ["article", "article", "forum", "forum"]


def test_digest_sees_a_changed_byte(tmp_path: Path) -> None:
    f = tmp_path / "x"
    f.write_bytes(b"abc")
    before = wcxb.digest([f])
    f.write_bytes(b"abd")
    assert wcxb.digest([f]) != before


@pytest.mark.parametrize(
    ("truth", "pred", "expected", "reason"),
    [
        ("one two three four five", "one two three four five", (1.0, 0.0, 0.0), "identical"),
        ("one two three four five", "one two three four", (0.5, 0.0, 0.5),
         "one of two shingles found"),
        ("one two three four", "", (0.0, 0.0, 1.0), "nothing found"),
    ],
)
def test_article_shingles(
    truth: str, pred: str, expected: tuple[float, float, float], reason: str
) -> None:
    assert articles.page_scores(truth, pred) == pytest.approx(expected), reason


@pytest.mark.parametrize(
    ("url", "domain", "half", "reason"),
    [
        ("https://www.Example.com:8080/a/b", "example.com", "report",
         "scheme, www., port and path go; sha1('example.com') ends in f (odd)"),
        ("http://d.com", "d.com", "develop", "sha1('d.com') is even"),
        ("https://www.d.com/x?y=1", "d.com", "develop", "www. and query do not move a page"),
        ("https://news.example.com/p", "news.example.com", "report",
         "a subdomain is its own domain; its sha1 is odd"),
    ],
)
def test_split_half_by_domain(url: str, domain: str, half: str, reason: str) -> None:
    # halves pinned by hand (hashlib in a shell): a changed split would move held-out pages
    assert wcxb.url_domain(url) == domain, reason
    assert articles.half_of(url) == half, reason


def _article(tmp: Path, truth: dict[str, dict[str, str]], pid: str, url: str) -> None:
    (tmp / "html").mkdir(exist_ok=True)
    (tmp / "html" / f"{pid}.html.gz").write_bytes(gzip.compress(b"<p>x</p>"))
    truth[pid] = {"url": url, "articleBody": "x"}


def test_article_loader_keeps_one_half(tmp_path: Path) -> None:
    truth: dict[str, dict[str, str]] = {}
    _article(tmp_path, truth, "p1", "https://d.com/1")  # develop
    _article(tmp_path, truth, "p2", "https://example.com/2")  # report
    _article(tmp_path, truth, "p3", "https://www.d.com/3")  # develop (same domain as p1)
    (tmp_path / "ground-truth.json").write_text(json.dumps(truth), "utf-8")
    ids = {h: [p for p, _, _ in articles.load_pages(tmp_path, half=h)] for h in wcxb.HALVES}
    assert ids == {"develop": ["p1", "p3"], "report": ["p2"]}
    assert [p for p, _, _ in articles.load_pages(tmp_path, half="develop", limit=1)] == ["p1"], \
        "the half is taken before the limit"


def test_article_benchmark_split_sizes() -> None:
    root = Path(__file__).resolve().parent.parent.parent / "shared" / "data" \
        / "article-extraction-benchmark"
    if not (root / "ground-truth.json").is_file():
        pytest.skip(f"{root} is absent (public data is not part of the repo)")
    truth = json.loads((root / "ground-truth.json").read_text("utf-8"))
    halves = [articles.half_of(v["url"]) for v in truth.values()]
    assert (halves.count("develop"), halves.count("report")) == (80, 101)

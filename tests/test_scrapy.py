"""The Scrapy item pipeline: a real crawl of a local site, and the pipeline's plumbing.

``TestCrawl`` runs the README's ``crawl.py`` example (extracted from README.md)
in a subprocess against a local HTTP server on 127.0.0.1 serving
``fixtures/scrapy/site`` with the default pipeline. The other tests drive
``CleanerPipeline`` in-process with the stand-in detector of
``tests/_check_helpers.py`` so they test the plumbing, not detection.
"""

from __future__ import annotations

import ast
import asyncio
import dataclasses
import functools
import http.server
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest

scrapy = pytest.importorskip("scrapy", reason="the scrapy extra is not installed")

from _check_helpers import FAKE_STAGES, readme_blocks  # noqa: E402
from conftest import FIXTURES  # noqa: E402
from scrapy.exceptions import DropItem  # noqa: E402
from scrapy.utils.test import get_crawler  # noqa: E402

from cleaner.errors import ConfigError  # noqa: E402

#: the compact report's keys, written out here (not read from cleaner.compact): batch
#: rows, the datatrove step and this pipeline carry the same shape
COMPACT_SHAPE = {"schema", "verdict", "language", "summary", "quality", "output", "compact"}
from cleaner.integrations.scrapy import CleanerPipeline  # noqa: E402
from cleaner.pipeline import STAGES  # noqa: E402

SITE = FIXTURES / "scrapy" / "site"
TESTS = Path(__file__).resolve().parent
FERRY_EMAIL = "timetable.desk@lakeferry-example.org"


# -- the real crawl ----------------------------------------------------------------------------


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="session")
def site_url() -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(SITE))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@dataclasses.dataclass
class Crawl:
    returncode: int
    stdout: str
    stderr: str
    items: dict[str, dict[str, Any]]
    stats: dict[str, int]


def _run_script(script: str, cwd: Path, *args: str, extra_env: dict[str, str] | None = None
                ) -> subprocess.CompletedProcess[str]:
    (cwd / "crawl.py").write_text(script, "utf-8")
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "", **(extra_env or {})}
    return subprocess.run(
        [sys.executable, "crawl.py", *args], cwd=cwd, env=env, capture_output=True,
        text=True, timeout=300,
    )


def _items(path: Path) -> dict[str, dict[str, Any]]:
    items = {}
    for line in path.read_text("utf-8").splitlines():
        item = json.loads(line)
        items[item["url"].rsplit("/", 1)[-1]] = item
    return items


@pytest.fixture(scope="session")
def crawl(site_url: str, tmp_path_factory: pytest.TempPathFactory) -> Crawl:
    """The README example, run once per session against the local site."""
    (script,) = readme_blocks("Scrapy", "python")
    cwd = tmp_path_factory.mktemp("crawl")
    proc = _run_script(script, cwd, site_url + "index.html")
    stats = ast.literal_eval(proc.stdout.strip().splitlines()[-1]) if proc.stdout.strip() else {}
    feed = cwd / "articles.jsonl"
    return Crawl(proc.returncode, proc.stdout, proc.stderr,
                 _items(feed) if feed.exists() else {}, stats)


@pytest.mark.slow
class TestCrawl:
    def test_crawl_runs(self, crawl: Crawl) -> None:
        assert crawl.returncode == 0, crawl.stderr[-3000:]
        assert crawl.stats["cleaner/items"] == 3, "each article page cleaned once"

    @pytest.mark.parametrize(
        ("page", "must_keep", "must_drop"),
        [
            pytest.param(
                "ferry.html",
                ["Night Ferries Return to the Northern Lakes After a Decade Away",
                 "If passenger numbers hold, the board plans to add a Sunday crossing"],
                ["All rights reserved", "Weather", FERRY_EMAIL],
                id="article kept; menu, footer and the e-mail address are not",
            ),
            pytest.param(
                "allotments.html",
                ["The waiting list for an allotment in Brackenford",
                 "will be discussed at the next council meeting."],
                ["Detail Author", "challoway82", "corwin.halloway@mailbox-example.net",
                 "1982-04-17", "+1-360-555-0142"],
                id="author card with personal data removed",
            ),
        ],
    )
    def test_items_are_cleaned_and_reported(
        self, crawl: Crawl, page: str, must_keep: list[str], must_drop: list[str]
    ) -> None:
        item = crawl.items[page]
        assert sorted(item) == ["clean_text", "cleaner", "url"], "KEEP_SOURCE=False drops html"
        for snippet in must_keep:
            assert snippet in item["clean_text"]
        for snippet in must_drop:
            assert snippet not in item["clean_text"]
        report = item["cleaner"]
        assert report["verdict"] in ("keep", "review")
        assert report["output"]["words"] == len(item["clean_text"].split())
        assert set(report) == COMPACT_SHAPE, "the compact report of batch rows and datatrove"
        assert 0.0 <= report["quality"]["score"] <= 1.0
        assert report["language"]["code"] == "en"

    def test_reports_count_what_was_removed(self, crawl: Crawl) -> None:
        assert crawl.items["ferry.html"]["cleaner"]["summary"]["pii"].get("EMAIL_ADDRESS") == 1
        allot = crawl.items["allotments.html"]["cleaner"]["summary"]
        assert allot["removed"].get("author_card", {}).get("count", 0) >= 1
        assert allot["pii"].get("EMAIL_ADDRESS") == 1

    def test_spam_page_dropped_with_reasons(self, crawl: Crawl, site_url: str) -> None:
        assert "trending.html" not in crawl.items
        assert crawl.stats["cleaner/dropped/reject"] == 1
        assert crawl.stats["cleaner/verdict/reject"] == 1
        assert f"Dropped: cleaner: reject {site_url}trending.html: " in crawl.stderr
        # the crawler's own counters agree
        assert "'item_dropped_count': 1" in crawl.stderr

    def test_stats_match_items(self, crawl: Crawl) -> None:
        kept = sum(v for k, v in crawl.stats.items() if k.startswith("cleaner/verdict/")
                   and not k.endswith("/reject"))
        assert kept == len(crawl.items) == 2
        assert crawl.stats["cleaner/pii/EMAIL_ADDRESS"] == 2


@pytest.mark.slow
def test_crawl_with_a_non_asyncio_reactor(site_url: str, tmp_path: Path) -> None:
    """Under Twisted's select reactor the worker thread is awaited through a Deferred."""
    script = f"""
import json
import scrapy
from scrapy.crawler import CrawlerProcess
from cleaner.pipeline import STAGES
STAGES["fake_spam"] = "_check_helpers:FakeSpamStage"

class S(scrapy.Spider):
    name = "s"
    start_urls = ["{site_url}index.html"]
    def parse(self, response):
        yield from response.follow_all(css="a.article", callback=self.article)
    def article(self, response):
        yield {{"url": response.url, "html": response.text}}

process = CrawlerProcess(settings={{
    "TWISTED_REACTOR": "twisted.internet.selectreactor.SelectReactor",
    "ITEM_PIPELINES": {{"cleaner.integrations.scrapy.CleanerPipeline": 300}},
    "CLEANER_CONFIG": {{"stages": {list(FAKE_STAGES)!r}}},
    "FEEDS": {{"out.jsonl": {{"format": "jsonlines"}}}},
}})
crawler = process.create_crawler(S)
process.crawl(crawler)
process.start()
from twisted.internet import reactor
print(type(reactor).__name__)
stats = crawler.stats.get_stats()
print(json.dumps({{k: v for k, v in stats.items() if k.startswith("cleaner/")}}))
"""
    proc = _run_script(script, tmp_path, extra_env={"PYTHONPATH": str(TESTS)})
    assert proc.returncode == 0, proc.stderr[-3000:]
    reactor_name, stats_line = proc.stdout.strip().splitlines()[-2:]
    assert reactor_name == "SelectReactor"
    stats = json.loads(stats_line)
    items = _items(tmp_path / "out.jsonl")
    assert sorted(items) == ["allotments.html", "ferry.html"]
    assert "[EMAIL]" in items["ferry.html"]["clean_text"]
    assert stats["cleaner/dropped/reject"] == 1 and stats["cleaner/items"] == 3


# -- the pipeline in-process, with the stand-in detector --------------------------------------

ARTICLE = (
    "<html><body><article><h1>Harbour board approves a new ferry timetable</h1>"
    + "".join(
        f"<p>Paragraph {i}: the harbour board approved the new ferry timetable after months of "
        "talks with the islanders, who asked for later crossings in the summer season.</p>"
        for i in range(6)
    )
    + "<p>Questions go to office@harbour-example.org before June.</p>"
    + "<p>SPAM: You will not believe this one trick</p></article></body></html>"
)
SHORT = "<html><body><p>Buy now.</p></body></html>"


class Page(scrapy.Item):
    url = scrapy.Field()
    html = scrapy.Field()
    clean_text = scrapy.Field()
    cleaner = scrapy.Field()


class BarePage(scrapy.Item):
    url = scrapy.Field()
    html = scrapy.Field()


@dataclasses.dataclass
class PageData:
    url: str
    html: str
    clean_text: str = ""
    cleaner: dict[str, Any] = dataclasses.field(default_factory=dict)


class CountingStage:
    """Counts how often it is built and which thread runs it."""

    name = "counting"
    built: ClassVar[int] = 0
    threads: ClassVar[set[str]] = set()

    def __init__(self, config: Any) -> None:
        type(self).built += 1

    def __call__(self, doc: Any) -> None:
        type(self).threads.add(threading.current_thread().name)


@pytest.fixture()
def make_pipeline(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    monkeypatch.setitem(STAGES, "fake_spam", "_check_helpers:FakeSpamStage")
    monkeypatch.setitem(STAGES, "counting", f"{__name__}:CountingStage")
    CountingStage.built = 0
    CountingStage.threads = set()
    made: list[CleanerPipeline] = []

    def make(**settings: Any) -> tuple[CleanerPipeline, Any]:
        base = {"CLEANER_CONFIG": {"stages": [*FAKE_STAGES[:-1], "counting", "quality"]}}
        crawler = get_crawler(settings_dict={**base, **settings})
        pipe = CleanerPipeline.from_crawler(crawler)
        pipe.open_spider()
        made.append(pipe)
        return pipe, crawler.stats

    yield make
    for pipe in made:
        pipe.close_spider()


def process(pipe: CleanerPipeline, item: Any) -> Any:
    return asyncio.run(pipe.process_item(item))


@pytest.mark.parametrize(
    "make_item",
    [
        pytest.param(lambda: {"url": "https://h.example/a", "html": ARTICLE}, id="dict"),
        pytest.param(lambda: Page(url="https://h.example/a", html=ARTICLE), id="scrapy Item"),
        pytest.param(lambda: PageData(url="https://h.example/a", html=ARTICLE), id="dataclass"),
    ],
)
def test_item_kinds_get_clean_text_and_summary(make_pipeline: Any, make_item: Any) -> None:
    pipe, stats = make_pipeline()
    item = make_item()
    out = process(pipe, item)
    assert out is item, "the same item object comes back, updated"
    from itemadapter import ItemAdapter

    a = ItemAdapter(out)
    assert "[EMAIL]" in a["clean_text"] and "office@harbour-example.org" not in a["clean_text"]
    assert "SPAM:" not in a["clean_text"]
    assert a["clean_text"].startswith("Harbour board approves a new ferry timetable")
    assert a["cleaner"]["verdict"] == "keep"
    spam = "SPAM: You will not believe this one trick"
    assert a["cleaner"]["summary"]["removed"] == {"link_farm": {"count": 1, "chars": len(spam)}}
    assert a["cleaner"]["summary"]["pii"] == {"EMAIL_ADDRESS": 1}
    assert a["html"] == ARTICLE, "the source is kept by default"
    assert stats.get_value("cleaner/items") == 1
    assert stats.get_value("cleaner/verdict/keep") == 1
    assert stats.get_value("cleaner/removed/link_farm") == 1
    assert stats.get_value("cleaner/pii/EMAIL_ADDRESS") == 1


def test_one_cleaner_per_crawler_in_a_worker_thread(make_pipeline: Any) -> None:
    pipe, _ = make_pipeline()
    for _ in range(3):
        process(pipe, {"html": ARTICLE})
    assert CountingStage.built == 1
    assert CountingStage.threads == {"cleaner_0"}, "cleaning runs off the reactor thread"


def test_not_threaded_runs_inline(make_pipeline: Any) -> None:
    pipe, _ = make_pipeline(CLEANER_THREADED=False)
    process(pipe, {"html": ARTICLE})
    assert CountingStage.threads == {threading.current_thread().name}


def test_reject_raises_dropitem_with_reasons(make_pipeline: Any) -> None:
    pipe, stats = make_pipeline()
    with pytest.raises(DropItem, match=r"^cleaner: reject https://h\.example/s: .*too_short"):
        process(pipe, {"url": "https://h.example/s", "html": SHORT})
    assert stats.get_value("cleaner/dropped/reject") == 1
    assert stats.get_value("cleaner/verdict/reject") == 1


def test_drop_verdicts_setting(make_pipeline: Any) -> None:
    pipe, stats = make_pipeline(CLEANER_DROP_VERDICTS=[])
    item = process(pipe, {"url": "https://h.example/s", "html": SHORT})
    assert item["cleaner"]["verdict"] == "reject"
    assert stats.get_value("cleaner/dropped/reject") is None


def test_unusable_input_is_dropped_with_reason(make_pipeline: Any) -> None:
    pipe, stats = make_pipeline()
    with pytest.raises(DropItem, match=r"cannot clean .*\(binary\)$"):
        process(pipe, {"html": b"\x00\x01\x02\xff" * 200})
    assert stats.get_value("cleaner/failed/binary") == 1


def test_items_without_input_pass_untouched(make_pipeline: Any) -> None:
    pipe, stats = make_pipeline()
    item = {"url": "https://h.example/img.png", "size": 3}
    assert process(pipe, item) == {"url": "https://h.example/img.png", "size": 3}
    assert stats.get_value("cleaner/skipped") == 1


def test_custom_fields_full_report_and_dropped_source(make_pipeline: Any) -> None:
    pipe, _ = make_pipeline(
        CLEANER_HTML_FIELD="body", CLEANER_TEXT_FIELD="plain", CLEANER_URL_FIELD="link",
        CLEANER_OUTPUT_TEXT_FIELD="article", CLEANER_OUTPUT_REPORT_FIELD="qa",
        CLEANER_REPORT="full", CLEANER_KEEP_SOURCE=False,
    )
    item = process(pipe, {"link": "https://h.example/a", "body": ARTICLE, "id": "p1"})
    assert sorted(item) == ["article", "id", "link", "qa"]
    assert item["qa"]["schema"] == "cleaner.report/1"
    assert item["qa"]["url"] == "https://h.example/a" and item["qa"]["id"] == "p1"
    text_item = process(pipe, {"plain": "Plain words. " * 30})
    assert text_item["article"].startswith("Plain words.")


def test_undeclared_output_field_names_the_setting(make_pipeline: Any) -> None:
    pipe, _ = make_pipeline()
    with pytest.raises(ConfigError, match="BarePage has no field 'clean_text'"):
        process(pipe, BarePage(url="https://h.example/a", html=ARTICLE))


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        pytest.param({"CLEANER_REPORT": "huge"}, "CLEANER_REPORT", id="unknown report style"),
        pytest.param({"CLEANER_DROP_VERDICTS": ["bad"]}, "unknown verdicts", id="bad verdict"),
        pytest.param({"CLEANER_CONFIG": {"stages": ["extract", "nope", "assemble"]}},
                     "unknown stages", id="unknown stage"),
        pytest.param({"CLEANER_CONFIG": {"quality": {"min_wordz": 3}}}, "unknown config name",
                     id="typo in config"),
        pytest.param({"CLEANER_CONFIG": 42}, "file path or a mapping", id="config of wrong type"),
    ],
)
def test_bad_settings_fail_at_startup(settings: dict[str, Any], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        CleanerPipeline.from_crawler(get_crawler(settings_dict=settings))


def test_config_file_setting(make_pipeline: Any, tmp_path: Path) -> None:
    cfg = tmp_path / "cleaner.toml"
    cfg.write_text(
        'stages = ["extract", "fake_spam", "assemble", "quality"]\n'
        "[quality]\nmin_words = 2\n", "utf-8"
    )
    pipe, _ = make_pipeline(CLEANER_CONFIG=str(cfg))
    assert pipe.config.quality.min_words == 2
    item = process(pipe, {"html": SHORT})
    reasons = item["cleaner"]["quality"]["reasons"]
    assert item["cleaner"]["verdict"] != "reject" or "too_short" not in reasons


@pytest.mark.parametrize(
    ("item", "report"),
    [
        pytest.param({"url": "https://h.example/u/lea.moser@example.org", "html": SHORT},
                     "summary", id="rejected: the DropItem message (logged by Scrapy)"),
        pytest.param({"url": "https://h.example/p?email=lea.moser%40example.org",
                      "html": b"\x00\x01\x02\xff" * 200}, "summary",
                     id="failed: the DropItem message, percent-encoded"),
    ],
)
def test_no_raw_address_from_the_url_in_dropitem_or_stats(
    make_pipeline: Any, item: dict[str, Any], report: str
) -> None:
    pipe, stats = make_pipeline(CLEANER_REPORT=report)
    with pytest.raises(DropItem) as info:
        process(pipe, item)
    assert "[EMAIL]" in str(info.value)
    assert "lea.moser" not in str(info.value)
    assert not any("lea.moser" in k for k in stats.get_stats())


def test_full_report_on_the_item_has_the_url_masked(make_pipeline: Any) -> None:
    pipe, _ = make_pipeline(CLEANER_REPORT="full", CLEANER_DROP_VERDICTS=[])
    got = process(pipe, {"url": "https://h.example/u/lea.moser@example.org", "html": SHORT})
    assert got["cleaner"]["url"] == "https://h.example/u/[EMAIL]"

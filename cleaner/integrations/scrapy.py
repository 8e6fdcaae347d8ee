"""A Scrapy item pipeline that cleans scraped pages (``pip install 'scrape-cleaner[scrapy]'``).

Enable it in the project's settings::

    ITEM_PIPELINES = {"cleaner.integrations.scrapy.CleanerPipeline": 300}

and yield items (dicts, ``scrapy.Item``, dataclass or attrs items: anything
itemadapter handles) holding the page, e.g. ``{"url": response.url, "html":
response.text}``. Each item gets the clean text and a compact report; items
whose verdict is in ``CLEANER_DROP_VERDICTS`` are dropped with ``DropItem``
naming the reasons (never page content), as are pages that cannot be cleaned.
Items without the html or text field pass through untouched.

Settings (all optional):

=============================== ===================== ==========================================
``CLEANER_HTML_FIELD``          ``"html"``            field holding raw HTML (parsed as HTML)
``CLEANER_TEXT_FIELD``          ``"text"``            field holding text, used when no HTML
``CLEANER_URL_FIELD``           ``"url"``             field holding the page URL (helps extraction)
``CLEANER_ID_FIELD``            ``"id"``              field holding an id for the report
``CLEANER_OUTPUT_TEXT_FIELD``   ``"clean_text"``      where the clean text goes
``CLEANER_OUTPUT_REPORT_FIELD`` ``"cleaner"``         where the report goes (``None``: nowhere)
``CLEANER_REPORT``              ``"summary"``         ``summary`` (``cleaner.compact``), ``full``
``CLEANER_DROP_VERDICTS``       ``["reject"]``        verdicts whose items are dropped
``CLEANER_KEEP_SOURCE``         ``True``              ``False`` removes the html/text input field
``CLEANER_CONFIG``              ``None``              a ``.toml``/``.json`` file or a dict of
                                                      :class:`~cleaner.CleanerConfig` values
``CLEANER_THREADED``            ``True``              clean in a worker thread (see below)
=============================== ===================== ==========================================

One :class:`~cleaner.Cleaner` is built per crawler, when the spider opens. With
``CLEANER_THREADED`` that build and the cleaning run in one dedicated worker thread, so
the reactor keeps downloading while engines load and pages are cleaned (``process_item``
is a coroutine; it awaits the worker with asyncio, or with a Deferred under a non-
asyncio Twisted reactor). One thread, because the engines are not shared between threads
and Python's GIL leaves little to gain from more; run more Scrapy processes to use more
cores.

Stats (``crawler.stats``): ``cleaner/items`` (cleaned), ``cleaner/verdict/<v>``,
``cleaner/dropped/<v>``, ``cleaner/failed/<reason>``, ``cleaner/skipped`` (no input
field), ``cleaner/removed/<category>`` and ``cleaner/pii/<TYPE>`` (finding counts).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from ..batch.outcome import clean_one
from ..compact import compact_report
from ..config import CleanerConfig
from ..errors import ConfigError, MissingDependencyError
from ..privacy import mask

try:
    from itemadapter import ItemAdapter
    from scrapy.exceptions import DropItem
except ImportError:  # pragma: no cover - exercised only without the extra
    raise MissingDependencyError("scrapy", "scrapy") from None

__all__ = ["CleanerPipeline", "summary"]

T = TypeVar("T")
REPORT_STYLES = ("summary", "full")


def summary(result: Any) -> dict[str, Any]:
    """The compact report of a :class:`~cleaner.CleanResult` (:mod:`cleaner.compact`: the
    shape batch rows and the datatrove step carry too): verdict, quality score and
    reasons, language, output size, and what was removed and redacted, by count."""
    return compact_report(result.report.to_dict())


class CleanerPipeline:
    """Clean the page held by each item; see the module documentation for settings."""

    def __init__(
        self,
        config: CleanerConfig | None = None,
        *,
        stats: Any = None,
        html_field: str = "html",
        text_field: str | None = "text",
        url_field: str | None = "url",
        id_field: str | None = "id",
        output_text_field: str = "clean_text",
        output_report_field: str | None = "cleaner",
        report: str = "summary",
        drop_verdicts: tuple[str, ...] = ("reject",),
        keep_source: bool = True,
        threaded: bool = True,
    ) -> None:
        if report not in REPORT_STYLES:
            raise ConfigError(f"CLEANER_REPORT must be one of {REPORT_STYLES}, not {report!r}")
        unknown = set(drop_verdicts) - {"keep", "review", "reject"}
        if unknown:
            raise ConfigError(f"CLEANER_DROP_VERDICTS: unknown verdicts {sorted(unknown)}")
        self.config = config if config is not None else CleanerConfig()
        self.stats = stats
        self.html_field = html_field
        self.text_field = text_field
        self.url_field = url_field
        self.id_field = id_field
        self.output_text_field = output_text_field
        self.output_report_field = output_report_field
        self.report = report
        self.drop_verdicts = frozenset(drop_verdicts)
        self.keep_source = keep_source
        self.threaded = threaded
        self.cleaner: Any = None
        self._lock = threading.Lock()
        self._executor: concurrent.futures.ThreadPoolExecutor | None = None
        self._warmup: concurrent.futures.Future[Any] | None = None
        # unknown stage names fail now, not on the first item
        from ..pipeline import STAGES

        missing = [n for n in self.config.stages if n not in STAGES]
        if missing:
            raise ConfigError(f"CLEANER_CONFIG: unknown stages {missing}")

    @classmethod
    def from_crawler(cls, crawler: Any) -> CleanerPipeline:
        s = crawler.settings

        def opt(name: str, default: str | None) -> str | None:
            value = s.get(name, default)
            return value if value else None

        return cls(
            _config_from_setting(s.get("CLEANER_CONFIG")),
            stats=crawler.stats,
            html_field=s.get("CLEANER_HTML_FIELD", "html"),
            text_field=opt("CLEANER_TEXT_FIELD", "text"),
            url_field=opt("CLEANER_URL_FIELD", "url"),
            id_field=opt("CLEANER_ID_FIELD", "id"),
            output_text_field=s.get("CLEANER_OUTPUT_TEXT_FIELD", "clean_text"),
            output_report_field=opt("CLEANER_OUTPUT_REPORT_FIELD", "cleaner"),
            report=s.get("CLEANER_REPORT", "summary"),
            drop_verdicts=tuple(s.getlist("CLEANER_DROP_VERDICTS", ["reject"])),
            keep_source=s.getbool("CLEANER_KEEP_SOURCE", True),
            threaded=s.getbool("CLEANER_THREADED", True),
        )

    # -- lifecycle ------------------------------------------------------------------

    def open_spider(self, spider: Any = None) -> None:
        """Start building the one :class:`~cleaner.Cleaner` of this crawler: in the
        worker thread when threaded (downloads start meanwhile), else right here."""
        if self.threaded:
            if self._executor is None:
                self._executor = concurrent.futures.ThreadPoolExecutor(
                    max_workers=1, thread_name_prefix="cleaner"
                )
            self._warmup = self._executor.submit(self._ensure_cleaner)
        else:
            self._ensure_cleaner()

    def _ensure_cleaner(self) -> Any:
        with self._lock:
            if self.cleaner is None:
                from ..pipeline import Cleaner

                self.cleaner = Cleaner(self.config)
            return self.cleaner

    def close_spider(self, spider: Any = None) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True)
            self._executor = None

    # -- items ----------------------------------------------------------------------------

    async def process_item(self, item: Any, spider: Any = None) -> Any:
        """Clean the item's page; return the item with the clean text and report, or
        raise ``DropItem`` (rejected verdict, or a page that cannot be cleaned)."""
        if self._executor is None and self.threaded:
            self.open_spider()
        adapter = ItemAdapter(item)
        source, fmt = self._source(adapter)
        if source is None:
            self._inc("cleaner/skipped")
            return item
        url = _str_or_none(adapter.get(self.url_field)) if self.url_field else None
        rec_id = _str_or_none(adapter.get(self.id_field)) if self.id_field else None

        def work() -> Any:
            return clean_one(self._ensure_cleaner(), source, url=url, id=rec_id, format=fmt)

        done = await self._run(work)
        shown = mask(url) or "item"  # the DropItem message is logged: no raw address in it
        if done.result is None:
            self._inc(f"cleaner/failed/{done.reason}")
            raise DropItem(f"cleaner: cannot clean {shown}: {done.error} ({done.reason})")
        result = done.result
        self._count(result)
        verdict = result.verdict
        if verdict in self.drop_verdicts:
            self._inc(f"cleaner/dropped/{verdict}")
            why = ", ".join(done.reasons) if done.reasons else "no reason given"
            raise DropItem(f"cleaner: {verdict} {shown}: {why}")
        self._set(adapter, self.output_text_field, result.text)
        if self.output_report_field:
            report = compact_report(done.report) if self.report == "summary" else done.report
            self._set(adapter, self.output_report_field, report)
        if not self.keep_source:
            for name in (self.html_field, self.text_field):
                if name and name in adapter and name != self.output_text_field:
                    del adapter[name]
        return item

    def _source(self, adapter: Any) -> tuple[str | bytes | None, str | None]:
        html = adapter.get(self.html_field)
        if isinstance(html, (str, bytes)) and html:
            return html, "html"
        if self.text_field:
            text = adapter.get(self.text_field)
            if isinstance(text, (str, bytes)) and text:
                return text, None
        return None, None

    async def _run(self, fn: Callable[[], T]) -> T:
        if self._executor is None:
            return fn()
        future = self._executor.submit(fn)
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return await _deferred_from_future(future)
        return await asyncio.wrap_future(future)

    def _set(self, adapter: Any, name: str, value: Any) -> None:
        try:
            adapter[name] = value
        except KeyError:
            raise ConfigError(
                f"{type(adapter.item).__name__} has no field {name!r}: declare it on the item "
                "class or point the CLEANER_OUTPUT_* setting at a declared field"
            ) from None

    def _inc(self, key: str, n: int = 1) -> None:
        if self.stats is not None:
            self.stats.inc_value(key, n)

    def _count(self, result: Any) -> None:
        self._inc("cleaner/items")
        self._inc(f"cleaner/verdict/{result.verdict}")
        for f in result.report.findings:
            if f.category == "pii":
                self._inc(f"cleaner/pii/{f.type or 'UNKNOWN'}")
            elif f.action in ("removed", "dropped"):
                self._inc(f"cleaner/removed/{f.category}")


async def _deferred_from_future(future: concurrent.futures.Future[T]) -> T:
    """Await a worker-thread future under a non-asyncio Twisted reactor."""
    from twisted.internet import reactor
    from twisted.internet.defer import Deferred

    d: Deferred[T] = Deferred()

    def fire(f: concurrent.futures.Future[T]) -> None:
        exc = f.exception()
        if exc is not None:
            d.errback(exc)
        else:
            d.callback(f.result())

    future.add_done_callback(lambda f: reactor.callFromThread(fire, f))
    return await d


def _config_from_setting(value: Any) -> CleanerConfig | None:
    if value is None or value == "":
        return None
    if isinstance(value, CleanerConfig):
        return value
    if isinstance(value, Mapping):
        return CleanerConfig.from_dict(value)
    if isinstance(value, (str, Path)):
        return CleanerConfig.from_file(value)
    raise ConfigError(
        f"CLEANER_CONFIG must be a file path or a mapping, not {type(value).__name__}"
    )


def _str_or_none(value: Any) -> str | None:
    return None if value is None else str(value)

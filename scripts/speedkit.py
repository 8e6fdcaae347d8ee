"""Shared pieces of the speed scripts (``profile_pipeline``, ``bench_speed``, ``output_digest``).

* page sets: the 181 article-benchmark pages and a fixed, evenly spaced WCXB dev subset
  (``../shared``; :func:`shared_missing` says when it is absent);
* :class:`StageClock`: CPU time (``time.process_time``) per pipeline stage, by wrapping
  the stage objects of a :class:`cleaner.Cleaner`;
* :class:`SubClock`: CPU time and calls of named functions inside stages (trafilatura
  itself, ``collect_hints``, langdetect...), by patching them where they are looked up;
* :func:`interleaved`: pipeline and ``trafilatura.extract`` timed page by page in one
  run (order alternating), so the ratio is robust to other load on the machine.

Only CPU time is used: the machine is shared, wall time would mislead.
"""

from __future__ import annotations

import gzip
import json
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
ARTICLES = SHARED / "article-extraction-benchmark"
WCXB = SHARED / "wcxb-dev"
#: every n-th WCXB dev page (sorted by file name) forms the speed subset
WCXB_STRIDE = 10


@dataclass(frozen=True)
class Page:
    id: str
    html: str
    url: str | None


def shared_missing(*paths: Path) -> str | None:
    """A skip message when one of ``paths`` is absent, else ``None``."""
    for p in paths:
        if not p.exists():
            return f"skipped: {p} is absent (public data is not part of the repo)"
    return None


def _read_gz(path: Path) -> str:
    return gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")


def article_pages(limit: int | None = None) -> list[Page]:
    """The article-extraction benchmark pages, sorted by id."""
    truth = json.loads((ARTICLES / "ground-truth.json").read_text("utf-8"))
    ids = sorted(truth)[:limit] if limit else sorted(truth)
    return [
        Page(pid, _read_gz(ARTICLES / "html" / f"{pid}.html.gz"), truth[pid].get("url"))
        for pid in ids
    ]


def wcxb_pages(stride: int = WCXB_STRIDE, limit: int | None = None) -> list[Page]:
    """Every ``stride``-th WCXB dev page (all seven page kinds appear), sorted by id."""
    paths = sorted((WCXB / "html").glob("*.html.gz"))[::stride]
    if limit:
        paths = paths[:limit]
    pages = []
    for path in paths:
        pid = path.name.split(".")[0]
        gt = WCXB / "ground-truth" / f"{pid}.json"
        url = json.loads(gt.read_text("utf-8")).get("url") if gt.is_file() else None
        pages.append(Page(pid, _read_gz(path), url))
    return pages


# -- CPU clocks ------------------------------------------------------------------------


class _TimedStage:
    """A stage proxy that adds its CPU time to a :class:`StageClock`."""

    def __init__(self, stage: Any, clock: StageClock) -> None:
        self.stage = stage
        self.name = stage.name
        self.clock = clock

    def __call__(self, doc: Any) -> None:
        t0 = time.process_time()
        try:
            self.stage(doc)
        finally:
            self.clock.add(self.name, time.process_time() - t0)

    def __getattr__(self, attr: str) -> Any:  # requires/provides and the like
        return getattr(self.stage, attr)


@dataclass
class StageClock:
    """CPU seconds per stage name; ``total`` is whole ``clean()`` calls."""

    seconds: dict[str, float] = field(default_factory=dict)
    total: float = 0.0
    pages: int = 0

    def add(self, name: str, dt: float) -> None:
        self.seconds[name] = self.seconds.get(name, 0.0) + dt

    def instrument(self, cleaner: Any) -> None:
        cleaner.stages = [_TimedStage(s, self) for s in cleaner.stages]

    def clean(self, cleaner: Any, page: Page) -> Any:
        t0 = time.process_time()
        result = cleaner.clean(page.html, url=page.url, format="html")
        self.total += time.process_time() - t0
        self.pages += 1
        return result

    def shares(self) -> dict[str, float]:
        """Share of total CPU per stage, plus ``detect+report`` (the rest of ``clean()``)."""
        out = {k: v / self.total for k, v in self.seconds.items()} if self.total else {}
        out["detect+overhead"] = 1.0 - sum(out.values()) if self.total else 0.0
        return out


@dataclass
class _Sub:
    seconds: float = 0.0
    calls: int = 0
    depth: int = 0


class SubClock:
    """CPU time and call count of functions, patched by ``"module:attr.path"`` target.

    A target that does not exist (code moved) is reported as absent, not an error:
    the extract stage is being changed while this tool is used. Time is inclusive;
    recursive calls count once.
    """

    def __init__(self) -> None:
        self.subs: dict[str, _Sub] = {}
        self.absent: list[str] = []
        self._undo: list[Callable[[], None]] = []

    def _wrap(self, label: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        sub = self.subs.setdefault(label, _Sub())

        def timed(*args: Any, **kwargs: Any) -> Any:
            sub.calls += 1
            if sub.depth:
                return fn(*args, **kwargs)
            sub.depth += 1
            t0 = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                sub.seconds += time.process_time() - t0
                sub.depth -= 1

        return timed

    def patch(self, label: str, *targets: str) -> None:
        """Time ``targets`` (each ``"pkg.module:name"`` or ``"pkg.module:Class.method"``)
        under one ``label``; every binding of the same function is one entry."""
        import importlib

        found = False
        for target in targets:
            mod_name, _, path = target.partition(":")
            try:
                owner: Any = importlib.import_module(mod_name)
                *parents, attr = path.split(".")
                for p in parents:
                    owner = getattr(owner, p)
                original = getattr(owner, attr)
            except (ImportError, AttributeError):
                continue
            found = True
            setattr(owner, attr, self._wrap(label, original))
            self._undo.append(lambda o=owner, a=attr, f=original: setattr(o, a, f))
        if not found:
            self.absent.append(label)

    def restore(self) -> None:
        while self._undo:
            self._undo.pop()()


#: sub-steps worth timing: label -> every place the function is looked up at call time
#: (the ``trafilatura:`` rows are inside ``bare_extraction``)
SUB_STEPS: dict[str, tuple[str, ...]] = {
    "extract: parse_checked (checks, parse, taming)": ("cleaner.extract:parse_checked",),
    "extract: lxml parse": ("lxml.html:fromstring",),
    "extract: tame_markup": ("cleaner.extract:tame_markup",),
    "extract: page_signals": ("cleaner.extract:page_signals",),
    "extract: classify": ("cleaner.extract:classify",),
    "extract: _drop_hidden": ("cleaner.extract:ExtractStage._drop_hidden",),
    "extract: trafilatura bare_extraction": ("trafilatura:bare_extraction",),
    "extract: blocks_from_tree": ("cleaner.extract:blocks_from_tree",),
    "extract: collect_hints/markup": (
        "cleaner.extract:collect_hints",
        "cleaner.extract:collect_markup",
    ),
    "extract: norm_key (in collect_markup too)": ("cleaner.extract:norm_key",),
    # inside bare_extraction (names as trafilatura.core looks them up at call time)
    "trafilatura: _forum_thread_page": ("trafilatura.core:_forum_thread_page",),
    "trafilatura: prune_unwanted_nodes (raw tree)": ("trafilatura.core:prune_unwanted_nodes",),
    "trafilatura: copy (tree copies)": ("trafilatura.core:copy",),
    "trafilatura: tree_cleaning": ("trafilatura.core:tree_cleaning",),
    "trafilatura: convert_tags": ("trafilatura.core:convert_tags",),
    "trafilatura: extract_content": ("trafilatura.core:extract_content",),
    "trafilatura: compare_extraction (fallback)": ("trafilatura.core:compare_extraction",),
    "trafilatura: baseline (rescue)": ("trafilatura.core:baseline",),
    "trafilatura: html2txt (escalation's page measure)": ("trafilatura.core:html2txt",),
    "trafilatura: _recall_retry (escalation)": ("trafilatura.core:_recall_retry",),
    "trafilatura: xmltotxt": ("trafilatura.core:xmltotxt",),
    "language: langdetect calls": ("cleaner.language:detect",),
    "pii: presidio/recognizers (engine.find)": ("cleaner.pii.engine:PIIEngine.find",),
    "pii: pre-filter windows": ("cleaner.pii.engine:PIIEngine.block_windows",),
    "lexicon.words (all stages)": (
        "cleaner.language:words",
        "cleaner.quality:words",
        "cleaner.boilerplate.stage:words",
    ),
}


#: the extract stage's own top-level steps: extract's CPU minus these is "extract: rest"
EXTRACT_TOP = (
    "extract: parse_checked (checks, parse, taming)", "extract: page_signals",
    "extract: classify", "extract: _drop_hidden", "extract: trafilatura bare_extraction",
    "extract: blocks_from_tree", "extract: collect_hints/markup",
)


@contextmanager
def sub_clock(steps: dict[str, tuple[str, ...]] | None = None) -> Iterator[SubClock]:
    clock = SubClock()
    try:
        for label, targets in (steps or SUB_STEPS).items():
            clock.patch(label, *targets)
        yield clock
    finally:
        clock.restore()


# -- interleaved comparison with trafilatura -----------------------------------------------

#: a text with one PII candidate window: the PII stage imports presidio (and spaCy) the
#: first time it has a window to analyze, a one-off start-up cost (``bench_speed``
#: reports it); throughput figures are taken after it, like trafilatura's own import
PII_WARM_TEXT = "Contact us.\n\nEmail : warm.up@example.org\n\n" + "Some words here. " * 20


def warm_up(cleaner: Any, page: Page) -> None:
    """First-use costs out of the timed figures: trafilatura's import (``page``, also
    run through ``trafilatura.extract``) and the PII analyzer's (a candidate window)."""
    cleaner.clean(page.html, format="html")
    cleaner.clean(PII_WARM_TEXT)
    trafilatura_default(page.html)



def trafilatura_default(html: str) -> str:
    """``trafilatura.extract`` in *this* process: once a ``Cleaner`` has run here, with the
    speed patches ``cleaner.extract`` installs in trafilatura (the same output, less CPU),
    so it is not the baseline a user compares with; :class:`PristineTrafilatura` is."""
    import trafilatura

    return trafilatura.extract(html) or ""


_PRISTINE_WORKER = r"""
import json, sys, time
import trafilatura
print("ready", flush=True)
for line in sys.stdin:
    html = json.loads(line)
    t0 = time.process_time()
    trafilatura.extract(html)
    print(time.process_time() - t0, flush=True)
"""


class PristineTrafilatura:
    """``trafilatura.extract`` default in a worker process that never imports ``cleaner``
    (so none of its patches of trafilatura apply); a call returns the CPU seconds the
    worker spent in ``extract`` (the pipe is not counted on either side)."""

    def __init__(self) -> None:
        import subprocess
        import sys

        self.proc = subprocess.Popen(
            [sys.executable, "-c", _PRISTINE_WORKER], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, text=True, cwd="/",
        )
        assert self.proc.stdout is not None
        if self.proc.stdout.readline().strip() != "ready":
            raise RuntimeError("the trafilatura worker did not start")

    def __call__(self, html: str) -> float:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(json.dumps(html) + "\n")
        self.proc.stdin.flush()
        return float(self.proc.stdout.readline())

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        self.proc.wait(timeout=30)


@dataclass
class Versus:
    """CPU seconds of the pipeline and of ``trafilatura.extract`` over the same pages."""

    pages: int = 0
    ours: float = 0.0
    theirs: float = 0.0

    @property
    def ratio(self) -> float:
        """Pipeline pages per CPU-second / trafilatura's (>1: the pipeline is faster)."""
        return self.theirs / self.ours if self.ours else 0.0


def interleaved(
    ours: Callable[[Page], Any],
    pages: list[Page],
    rounds: int = 1,
    theirs: Callable[[str], Any] | None = None,
) -> Versus:
    """Time ``ours(page)`` and ``theirs(page.html)`` page by page, alternating which goes
    first, ``rounds`` times over ``pages``. ``theirs`` defaults to trafilatura default in
    a pristine worker process (:class:`PristineTrafilatura`: it reports its own CPU time);
    another callable is timed here."""
    pristine = PristineTrafilatura() if theirs is None else None
    try:
        if pristine is not None:
            pristine(pages[0].html)  # its import and first-use costs out of the figures
        v = Versus()
        for r in range(rounds):
            for i, page in enumerate(pages):
                first_ours = (i + r) % 2 == 0
                for side in ((0, 1) if first_ours else (1, 0)):
                    t0 = time.process_time()
                    if side == 0:
                        ours(page)
                        v.ours += time.process_time() - t0
                    elif pristine is not None:
                        v.theirs += pristine(page.html)
                    else:
                        assert theirs is not None
                        theirs(page.html)
                        v.theirs += time.process_time() - t0
                v.pages += 1
        return v
    finally:
        if pristine is not None:
            pristine.close()

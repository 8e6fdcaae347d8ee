"""A datatrove pipeline step that cleans ``Document`` s.

Install: ``pip install 'scrape-cleaner[datatrove]'``.

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from cleaner.integrations.datatrove import CleanerStep

    if __name__ == "__main__":  # needed: datatrove's workers re-import this script
        LocalPipelineExecutor(pipeline=[
            JsonlReader("raw/"),
            CleanerStep(exclusion_writer=JsonlWriter("rejected/")),
            JsonlWriter("clean/"),
        ], tasks=4, workers=2).run()

The guard is required: ``LocalPipelineExecutor`` starts its workers with the
``forkserver`` method, which re-runs the script in each new worker; unguarded, every
worker tries to start the pipeline again, dies, and is replaced, and the parent waits
forever. ``CleanerStep`` refuses to be built in such a script (``ConfigError`` naming
the line) instead of letting it hang; ``workers=1`` or ``start_method="fork"`` need no
guard. The same list runs on datatrove's Slurm and Ray executors. The document's
``text`` (or ``metadata[html_key]`` when given, e.g. raw HTML) is cleaned; the
clean body replaces ``text`` and ``metadata["cleaner"]`` holds the report.
Rejected documents, review documents (with ``keep_review=False``) and
documents that could not be cleaned go to ``exclusion_writer`` with
``metadata["filter_reason"]`` (``reject``, ``review`` or ``failed:<reason>``),
so nothing is dropped without a trace; datatrove's stats count each outcome.
"""

from __future__ import annotations

import ast
import os
import sys
from types import FrameType
from typing import Any, Literal

from ..config import CleanerConfig
from ..errors import ConfigError, MissingDependencyError

try:
    from datatrove.data import Document as DatatroveDocument
    from datatrove.pipeline.filters.base_filter import BaseFilter
except ImportError:  # pragma: no cover - exercised only without the extra
    raise MissingDependencyError("datatrove", "datatrove") from None


def _is_main_guard(node: ast.AST) -> bool:
    """``if __name__ == "__main__":`` (either operand order)."""
    if not isinstance(node, ast.If) or not isinstance(node.test, ast.Compare):
        return False
    test = node.test
    if len(test.ops) != 1 or not isinstance(test.ops[0], ast.Eq):
        return False
    sides = [test.left, test.comparators[0]]
    names = [s for s in sides if isinstance(s, ast.Name) and s.id == "__name__"]
    consts = [s for s in sides if isinstance(s, ast.Constant) and s.value == "__main__"]
    return bool(names and consts)


def _unguarded(body: list[ast.stmt]) -> list[ast.AST]:
    """The nodes of a script outside its ``__main__`` guard. Function bodies are in: the
    step is built from unguarded top-level code, so a ``main()`` called there runs too."""
    out: list[ast.AST] = []
    todo: list[ast.AST] = list(body)
    while todo:
        node = todo.pop()
        if _is_main_guard(node):
            assert isinstance(node, ast.If)
            todo.extend(node.orelse)
            continue
        out.append(node)
        todo.extend(ast.iter_child_nodes(node))
    return out


def _is_executor(node: ast.AST) -> bool:
    """A ``LocalPipelineExecutor(...)`` call (by name or as ``module.LocalPipelineExecutor``)."""
    if not isinstance(node, ast.Call):
        return False
    f = node.func
    return (isinstance(f, ast.Name) and f.id == "LocalPipelineExecutor") or (
        isinstance(f, ast.Attribute) and f.attr == "LocalPipelineExecutor")


def _literal(call: ast.Call, name: str) -> object:
    for kw in call.keywords:
        if kw.arg == name:
            return kw.value.value if isinstance(kw.value, ast.Constant) else ...
    return None


def _starts_a_respawning_pool(call: ast.Call) -> bool:
    """Whether ``LocalPipelineExecutor(...)`` would run its tasks in a pool whose
    workers re-import the script: not with ``start_method="fork"``, not with one
    worker (``workers=1``, or no ``workers`` and at most one task). Values that are
    not literals count as a pool."""
    if _literal(call, "start_method") == "fork":
        return False
    workers = _literal(call, "workers")
    if workers is None:
        tasks = _literal(call, "tasks")
        return tasks is ... or (isinstance(tasks, int) and tasks > 1)
    return not (isinstance(workers, int) and workers in (0, 1))


def _main_frame() -> FrameType | None:
    """The frame of the running script's top level (``python script.py`` or ``-m``),
    when it is on this call's stack; ``None`` from a function's own import, a child
    process re-importing the script (``__mp_main__``), a REPL or ``python -c``."""
    frame: FrameType | None = sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_name == "<module>" and frame.f_globals.get("__name__") == "__main__":
            return frame
        frame = frame.f_back
    return None


def refuse_unguarded_script() -> None:
    """Raise ``ConfigError`` when a ``CleanerStep`` is built by the top level of the
    script being run, outside ``if __name__ == "__main__":``, and that unguarded code
    also builds a multi-worker ``LocalPipelineExecutor`` and calls ``.run()``: its
    ``forkserver`` workers would re-run the script, fail to start, be replaced, and the
    parent would wait forever. Any doubt (no source, no executor in sight) lets it be."""
    frame = _main_frame()
    path = frame.f_code.co_filename if frame is not None else ""
    if frame is None or not path.endswith(".py") or not os.path.isfile(path):
        return
    try:
        with open(path, encoding="utf-8") as fh:
            tree = ast.parse(fh.read(), filename=path)
    except (OSError, SyntaxError, UnicodeDecodeError, ValueError):
        return
    line = frame.f_lineno
    guarded = any(
        isinstance(node, ast.If) and _is_main_guard(node)
        and any(b.lineno <= line <= (b.end_lineno or b.lineno) for b in node.body)
        for node in ast.walk(tree)
    )
    if guarded:
        return
    top = _unguarded(tree.body)
    pools = [n for n in top if isinstance(n, ast.Call) and _is_executor(n)
             and _starts_a_respawning_pool(n)]
    names = {t.id for n in top if isinstance(n, ast.Assign) and _is_executor(n.value)
             for t in n.targets if isinstance(t, ast.Name)}
    runs = any(
        isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == "run"
        and (_is_executor(n.func.value)
             or (isinstance(n.func.value, ast.Name) and n.func.value.id in names))
        for n in top
    )
    pool = bool(pools)
    if pool and runs:
        from ..privacy import mask_path

        raise ConfigError(
            f"{mask_path(path)}:{line}: the datatrove pipeline is built and run at the top "
            "level of the script: LocalPipelineExecutor's worker processes re-run the script "
            "when they start, fail, and are replaced forever (the run would hang). Put it "
            'under `if __name__ == "__main__":` (see cleaner/integrations/datatrove.py), '
            'or pass workers=1 or start_method="fork"'
        )


class CleanerStep(BaseFilter):
    """Clean each document; keep, send to review, or exclude it with a reason.

    Built on datatrove's ``BaseFilter``: its ``run`` counts ``total``, ``forwarded``,
    ``dropped`` and ``dropped_<reason>``, and writes excluded documents to
    ``exclusion_writer`` with ``metadata["filter_reason"]``. The outcome of each
    document comes from :func:`cleaner.batch.outcome.clean_one`, as in batch mode
    and the Scrapy pipeline.
    """

    name = "🧹 cleaner"

    def __init__(
        self,
        config: CleanerConfig | None = None,
        *,
        html_key: str | None = None,
        keep_review: bool = True,
        report: Literal["full", "summary"] = "full",
        time_limit: float | None = 60.0,
        format: str | None = None,
        exclusion_writer: Any = None,
    ) -> None:
        refuse_unguarded_script()
        super().__init__(exclusion_writer=exclusion_writer)
        self.config = config if config is not None else CleanerConfig()
        self.html_key = html_key
        self.keep_review = keep_review
        self.report = report
        self.time_limit = time_limit
        self.format = format
        self._cleaner: Any = None  # built in the task's process (the step is pickled)

    def filter(self, doc: DatatroveDocument) -> bool | tuple[bool, str]:
        """Clean ``doc`` in place; ``True`` keeps it, ``(False, reason)`` excludes it."""
        from ..batch.outcome import clean_one, counts
        from ..compact import compact_report
        from ..pipeline import Cleaner

        if self._cleaner is None:
            self._cleaner = Cleaner(self.config)
        source = doc.metadata.get(self.html_key) if self.html_key else doc.text
        if not isinstance(source, (str, bytes)):
            doc.metadata["cleaner_error"] = {
                "reason": "missing_field",
                "error": f"document has no {self.html_key or 'text'} to clean"}
            self.stat_update("failed")
            return False, "failed:missing_field"
        url = doc.metadata.get("url")
        done = clean_one(self._cleaner, source, url=url if isinstance(url, str) else None,
                         id=doc.id, format="html" if self.html_key else self.format,
                         limit=self.time_limit)
        if done.report is None:
            doc.metadata["cleaner_error"] = {"reason": done.reason, "error": done.error}
            self.stat_update("failed")
            return False, f"failed:{done.reason}"
        report = done.report
        if self.html_key:
            doc.metadata.pop(self.html_key, None)
        doc.text = done.result.text
        doc.metadata["language"] = done.lang
        doc.metadata["cleaner"] = report if self.report == "full" else compact_report(report)
        for key, n in counts(done.summary).items():
            self.stat_update(key.replace("/", "_"), value=n)
        verdict = str(report["verdict"])
        self.stat_update("kept" if verdict == "keep" else verdict)
        if verdict == "reject" or (verdict == "review" and not self.keep_review):
            return False, verdict
        return True


__all__ = ["CleanerStep"]

"""The pipeline: named stages composed in order, and the library entry points.

A stage is any object with a ``name`` and ``__call__(doc: Document) -> None``,
built once from the :class:`CleanerConfig` (that is where heavy engines load).
It declares the typed fields it ``requires``, ``reads`` and ``provides``
(:mod:`cleaner.contract`); ``Cleaner`` refuses an order that breaks them.
``STAGES`` maps names to ``"module:Class"`` so importing ``cleaner`` stays
fast and a new stage is one line here plus one module.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Literal, Protocol, overload

from .config import CleanerConfig
from .contract import check_order
from .detect import detect_format, to_text
from .errors import CleanerError, ConfigError, InputError, StageError
from .model import CleanResult, Document, Report

#: stage name -> "module:Class", in no particular order (the config orders them)
STAGES: dict[str, str] = {
    "extract": "cleaner.extract:ExtractStage",
    "language": "cleaner.language:LanguageStage",
    "boilerplate": "cleaner.boilerplate:BoilerplateStage",
    "pii": "cleaner.pii:PIIStage",
    "assemble": "cleaner.assemble:AssembleStage",
    "quality": "cleaner.quality:QualityStage",
}


class Stage(Protocol):
    name: str

    def __call__(self, doc: Document) -> None: ...


def stage_class(name: str) -> Callable[[CleanerConfig], Stage]:
    """The class registered for ``name`` in :data:`STAGES` (imported, not built)."""
    try:
        target = STAGES[name]
    except KeyError:
        raise ConfigError(
            f"unknown stage {name!r} (known: {', '.join(sorted(STAGES))})"
        ) from None
    module_name, _, cls_name = target.partition(":")
    cls: Callable[[CleanerConfig], Stage] = getattr(importlib.import_module(module_name), cls_name)
    return cls


@dataclass(frozen=True, slots=True)
class Failure:
    """A record that could not be cleaned (``clean_many(..., on_error="return")``)."""

    id: str | None
    reason: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "reason": self.reason, "message": self.message}


class Cleaner:
    """Builds the stages once; ``clean`` and ``clean_many`` reuse them.

    >>> cleaner = Cleaner()                          # doctest: +SKIP
    >>> result = cleaner.clean(html, url="https://example.org/a")  # doctest: +SKIP
    """

    def __init__(self, config: CleanerConfig | None = None) -> None:
        self.config = config if config is not None else CleanerConfig()
        if not isinstance(self.config, CleanerConfig):
            raise ConfigError(f"config must be a CleanerConfig, not {type(config).__name__}")
        names = list(self.config.stages)
        for required in ("extract", "assemble"):
            if required not in names:
                raise ConfigError(f"the pipeline needs the {required!r} stage")
        classes = [stage_class(n) for n in names]
        check_order(classes)  # before building: a bad order fails before engines load
        self.stages: list[Stage] = [cls(self.config) for cls in classes]

    @property
    def stage_names(self) -> list[str]:
        return [s.name for s in self.stages]

    def clean(
        self,
        source: str | bytes,
        *,
        url: str | None = None,
        id: str | None = None,
        format: str | None = None,
    ) -> CleanResult:
        """Clean one page. Raises ``InputError`` for unusable input, ``StageError``
        when a stage fails; never a dependency's own exception."""
        doc = Document(source=source, id=id, url=url, format_hint=format)
        started = time.perf_counter()
        doc.decoded, doc.encoding = to_text(
            source, max_bytes=self.config.extraction.max_input_bytes
        )
        doc.format = detect_format(doc.decoded, format)
        doc.timings["detect"] = time.perf_counter() - started
        for stage in self.stages:
            t0 = time.perf_counter()
            try:
                stage(doc)
            except CleanerError:
                raise
            except RecursionError as exc:
                raise InputError(
                    f"input is nested too deeply for stage {stage.name!r}", reason="too_deep"
                ) from exc
            except MemoryError as exc:
                raise InputError(
                    f"input needs too much memory in stage {stage.name!r}", reason="too_large"
                ) from exc
            except Exception as exc:
                raise StageError(stage.name, exc) from exc
            doc.timings[stage.name] = time.perf_counter() - t0
        if self.config.extraction.with_metadata:  # after PII: the author is redacted like it
            from .metadata import publish

            doc.meta["metadata"] = publish(doc, self.config)
        doc.timings["total"] = time.perf_counter() - started
        return CleanResult(text=doc.output, report=Report(doc))

    @overload
    def clean_many(
        self, items: Iterable[Any], *, on_error: Literal["raise"] = ..., jobs: int = ...
    ) -> Iterator[CleanResult]: ...

    @overload
    def clean_many(
        self, items: Iterable[Any], *, on_error: Literal["return"], jobs: int = ...
    ) -> Iterator[CleanResult | Failure]: ...

    def clean_many(
        self, items: Iterable[Any], *, on_error: Literal["raise", "return"] = "raise",
        jobs: int = 1,
    ) -> Iterator[Any]:
        """Clean a stream lazily, in input order. Items are ``str``/``bytes`` or mappings
        with ``source`` (or ``html``/``text``) and optional ``url``, ``id``, ``format``.

        With ``on_error="return"`` a record that fails yields a :class:`Failure`
        (id, reason, message) and the stream goes on.

        ``jobs=N`` (N > 1) cleans in N worker processes, each building its own
        :class:`Cleaner` from this one's config; at most ``4 * N`` items are in flight,
        results come back in input order. A worker that dies takes only its own item
        with it (``Failure`` reason ``worker_died``, or a ``StageError`` when raising).
        """
        if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
            raise ConfigError(f"jobs must be a positive integer, not {jobs!r}")
        if jobs == 1:
            for n, item in enumerate(items):
                outcome = _clean_item(self, n, item)
                yield _deliver(outcome, on_error)
            return
        from ._parallel import clean_parallel

        for outcome in clean_parallel(self.config, items, jobs, build=type(self),
                                      clean_item=_clean_item):
            yield _deliver(outcome, on_error)


#: what cleaning one item gives: a result, or (id, error) when it failed
Outcome = CleanResult | tuple[str | None, CleanerError]


def _clean_item(cleaner: Cleaner, n: int, item: Any) -> Outcome:
    rec_id: str | None = None
    try:
        if isinstance(item, Mapping):
            rec_id = item.get("id")
            source = next(
                (item[k] for k in ("source", "html", "text") if item.get(k) is not None),
                None,
            )
            if source is None:
                raise InputError(
                    f"record {n} has no 'source', 'html' or 'text'", reason="missing_field"
                )
            return cleaner.clean(
                source, url=item.get("url"), id=rec_id, format=item.get("format")
            )
        return cleaner.clean(item)
    except CleanerError as exc:
        return rec_id, exc


def _deliver(outcome: Outcome, on_error: str) -> CleanResult | Failure:
    if isinstance(outcome, CleanResult):
        return outcome
    rec_id, exc = outcome
    if on_error == "raise":
        raise exc
    return Failure(id=rec_id, reason=exc.reason, message=str(exc))


_default: dict[CleanerConfig, Cleaner] = {}


def _cached(config: CleanerConfig | None) -> Cleaner:
    cfg = config if config is not None else CleanerConfig()
    cleaner = _default.get(cfg)
    if cleaner is None:
        cleaner = _default[cfg] = Cleaner(cfg)
    return cleaner


def clean(
    source: str | bytes,
    *,
    url: str | None = None,
    id: str | None = None,
    format: str | None = None,
    config: CleanerConfig | None = None,
) -> CleanResult:
    """Clean one page (HTML or text) with a cached :class:`Cleaner` for ``config``;
    the same keywords as :meth:`Cleaner.clean`."""
    return _cached(config).clean(source, url=url, id=id, format=format)


@overload
def clean_many(
    items: Iterable[Any], *, on_error: Literal["raise"] = ..., jobs: int = ...,
    config: CleanerConfig | None = ...,
) -> Iterator[CleanResult]: ...


@overload
def clean_many(
    items: Iterable[Any], *, on_error: Literal["return"], jobs: int = ...,
    config: CleanerConfig | None = ...,
) -> Iterator[CleanResult | Failure]: ...


def clean_many(
    items: Iterable[Any], *, on_error: Literal["raise", "return"] = "raise", jobs: int = 1,
    config: CleanerConfig | None = None,
) -> Iterator[Any]:
    """:meth:`Cleaner.clean_many` with a cached :class:`Cleaner` for ``config``."""
    cleaner = _cached(config)
    if on_error == "return":
        return cleaner.clean_many(items, on_error="return", jobs=jobs)
    return cleaner.clean_many(items, on_error="raise", jobs=jobs)

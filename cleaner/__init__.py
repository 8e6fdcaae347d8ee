"""cleaner: clean scraped pages and say what was removed and why.

>>> from cleaner import clean
>>> result = clean("<html>...</html>", url="https://example.org/a")  # doctest: +SKIP
>>> result.text, result.verdict, result.report.to_dict()  # doctest: +SKIP

Importing ``cleaner`` is cheap: the pipeline and its engines (trafilatura,
langdetect, presidio) load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._version import __version__
from .config import CleanerConfig
from .errors import CleanerError, ConfigError, InputError, MissingDependencyError, StageError

if TYPE_CHECKING:
    from .model import CleanResult, Report
    from .pipeline import Cleaner, Failure, clean, clean_many

__all__ = [
    "CleanResult",
    "Cleaner",
    "CleanerConfig",
    "CleanerError",
    "ConfigError",
    "Failure",
    "InputError",
    "MissingDependencyError",
    "Report",
    "StageError",
    "__version__",
    "clean",
    "clean_many",
]

_LAZY = {
    "clean": "cleaner.pipeline",
    "clean_many": "cleaner.pipeline",
    "Cleaner": "cleaner.pipeline",
    "Failure": "cleaner.pipeline",
    "CleanResult": "cleaner.model",
    "Report": "cleaner.model",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'cleaner' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value

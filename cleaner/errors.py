"""Named exceptions raised by the library.

The CLI turns each into a one-line message and an exit code. Messages never
contain document content (so raw personal data cannot leak through an error).
"""

from __future__ import annotations

from ._version import DISTRIBUTION


class CleanerError(Exception):
    """Base class of every error that ``cleaner`` raises on purpose."""

    #: short machine-readable reason, also used in batch "failed" records
    reason: str = "error"

    def __init__(self, message: str, *, reason: str | None = None) -> None:
        super().__init__(message)
        if reason is not None:
            self.reason = reason


class InputError(CleanerError):
    """The input cannot be cleaned (wrong type, too large, binary, ...)."""

    reason = "bad_input"


class ConfigError(CleanerError):
    """A configuration value is invalid."""

    reason = "bad_config"


class StageError(CleanerError):
    """A pipeline stage failed on a document; wraps the dependency's error."""

    reason = "stage_failed"

    def __init__(self, stage: str, cause: BaseException) -> None:
        # Only the exception *type* goes into the message: a dependency's own
        # message may quote document text.
        super().__init__(f"stage {stage!r} failed: {type(cause).__name__}", reason="stage_failed")
        self.stage = stage


class MissingDependencyError(CleanerError):
    """An optional dependency is needed for the requested feature."""

    reason = "missing_dependency"

    def __init__(self, package: str, extra: str) -> None:
        super().__init__(
            f"this feature needs {package!r}: install it with "
            f"`pip install '{DISTRIBUTION}[{extra}]'`",
            reason="missing_dependency",
        )
        self.package = package
        self.extra = extra


class RunError(CleanerError):
    """A batch run cannot go on for a reason outside its documents: the output cannot be
    written (a full disk, a read-only folder), a worker process dies while starting,
    another run holds the output folder. The CLI exits 3 for it."""

    reason = "environment"

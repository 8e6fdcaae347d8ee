"""The files shipped in ``cleaner/data`` (models, their provenance, report assets)."""

from __future__ import annotations

from importlib import resources


def packaged_text(name: str) -> str | None:
    """The text of ``cleaner/data/<name>``; None when the package does not hold it."""
    path = resources.files("cleaner").joinpath("data").joinpath(name)
    if not path.is_file():
        return None
    return path.read_text("utf-8")

"""Files that appear whole or not at all: a temp file beside the target, renamed on commit.

The one atomic writer of the package (batch outputs, ``cleaner check --fix``, the
baseline). A crash or Ctrl-C leaves at most a hidden ``.<name>.tmp-<pid>`` file,
never a half-written file under its final name.
"""

from __future__ import annotations

import contextlib
import gzip
import os
import stat
from pathlib import Path
from typing import IO


def temp_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.tmp-{os.getpid()}")


def _name(exc: OSError, path: Path) -> None:
    """Make ``exc`` name the target ``path``: a failed write() or fsync() names no file,
    and the temp file's name means nothing to the user."""
    if exc.filename is None or ".tmp-" in str(exc.filename):
        exc.filename = str(path)


class AtomicFile:
    """A binary file that appears under ``path`` only when :meth:`commit` is called."""

    def __init__(self, path: Path, *, compress: bool = False) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self.tmp = temp_path(path)
        try:
            self._raw: IO[bytes] = open(self.tmp, "wb")  # noqa: SIM115 - closed in commit/abort
            # a rewritten file keeps its permissions (``cleaner check --fix``)
            with contextlib.suppress(FileNotFoundError):
                os.chmod(self.tmp, stat.S_IMODE(os.stat(path).st_mode))
        except OSError as exc:
            _name(exc, path)
            raise
        self.stream: IO[bytes] = (
            gzip.GzipFile(fileobj=self._raw, mode="wb", compresslevel=6, mtime=0)  # type: ignore[assignment]
            if compress else self._raw
        )

    def write(self, data: bytes) -> None:
        try:
            self.stream.write(data)
        except OSError as exc:
            _name(exc, self.path)
            raise

    def commit(self) -> None:
        try:
            if self.stream is not self._raw:
                self.stream.close()
            self._raw.flush()
            os.fsync(self._raw.fileno())
            self._raw.close()
            os.replace(self.tmp, self.path)
        except OSError as exc:
            _name(exc, self.path)
            raise

    def abort(self) -> None:
        """Drop the temp file; never raises for the buffered bytes that cannot be flushed
        (the disk being full is often why we abort)."""
        try:
            with contextlib.suppress(OSError, ValueError):
                if self.stream is not self._raw:
                    self.stream.close()
            with contextlib.suppress(OSError, ValueError):
                self._raw.close()
        finally:
            self.tmp.unlink(missing_ok=True)


def write_atomic(path: str | Path, data: bytes | str, *, gz: bool = False) -> None:
    """Replace ``path`` with ``data`` (text as UTF-8, gzipped with ``gz``): readers see
    the old file or the new one, never half of it."""
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    f = AtomicFile(Path(path), compress=gz)
    try:
        f.write(data)
    except BaseException:
        f.abort()
        raise
    f.commit()



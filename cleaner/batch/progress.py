"""Progress on stderr: a one-line bar when interactive, plain log lines otherwise."""

from __future__ import annotations

import time
from typing import TextIO


def _hms(seconds: float) -> str:
    s = int(max(0, seconds))
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


class Progress:
    """``update(done, failed)`` as documents finish; ``close()`` at the end.

    Interactive (a TTY): ``\\r``-redrawn line with docs/s and, when the total is
    known, percent and ETA, at most 5 times a second. Otherwise one plain line
    every ``interval`` seconds, so logs of long runs show it is alive.

    The rate is measured from the first finished document on: the seconds before it
    are the workers loading their engines, and counting them made the first ETA
    many times too long.
    """

    def __init__(
        self, stream: TextIO, *, total: int | None = None, quiet: bool = False,
        interactive: bool | None = None, interval: float = 10.0,
    ) -> None:
        self.stream = stream
        self.total = total
        self.quiet = quiet
        if interactive is None:
            isatty = getattr(stream, "isatty", None)
            interactive = bool(isatty and isatty())
        self.interactive = interactive
        self.interval = 0.2 if interactive else interval
        self.started = time.monotonic()
        self._last = self.started
        self._drawn = False
        self.done = 0
        self.failed = 0
        #: (time, done) of the first update that saw a finished document
        self._first: tuple[float, int] | None = None

    def rate(self) -> float:
        """Documents a second since the first one finished (0 until two updates)."""
        if self._first is None:
            return 0.0
        t0, d0 = self._first
        elapsed = time.monotonic() - t0
        return (self.done - d0) / elapsed if elapsed > 0 else 0.0

    def line(self) -> str:
        rate = self.rate()
        parts = [f"{self.done}" + (f"/{self.total}" if self.total else "") + " documents"]
        if self.total:
            parts.append(f"{100 * self.done / self.total:.0f}%")
        parts.append(f"{rate:.1f} docs/s")
        if self.failed:
            parts.append(f"{self.failed} failed")
        if self.total and rate > 0:
            parts.append(f"ETA {_hms((self.total - self.done) / rate)}")
        else:
            parts.append(f"elapsed {_hms(time.monotonic() - self.started)}")
        return "cleaner: " + ", ".join(parts)

    def update(self, done: int, failed: int = 0, *, force: bool = False) -> None:
        self.done, self.failed = done, failed
        if self._first is None and done > 0:
            self._first = (time.monotonic(), done)
        if self.quiet:
            return
        now = time.monotonic()
        if not force and now - self._last < self.interval:
            return
        self._last = now
        if self.interactive:
            self.stream.write("\r\x1b[K" + self.line())
            self._drawn = True
        else:
            self.stream.write(self.line() + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self.interactive and self._drawn and not self.quiet:
            self.stream.write("\r\x1b[K")
            self.stream.flush()

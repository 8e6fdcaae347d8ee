"""Where a finding is: offsets to line and column, in text and in HTML sources."""

from __future__ import annotations

import bisect
import contextlib
from html.parser import HTMLParser


class LineIndex:
    """Offsets of a text -> 1-based (line, column)."""

    def __init__(self, text: str) -> None:
        self.starts = [0]
        pos = text.find("\n")
        while pos != -1:
            self.starts.append(pos + 1)
            pos = text.find("\n", pos + 1)

    def position(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i + 1, offset - self.starts[i] + 1


class _HTMLChars(HTMLParser):
    """The page's character data without whitespace, with where each run starts."""

    _SKIP = frozenset({"script", "style", "template", "noscript"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        #: per text run: offset of its first character in the joined parts
        self.offsets: list[int] = []
        #: per text run: (raw data, source line, 0-based column)
        self.runs: list[tuple[str, int, int]] = []
        self._total = 0
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        flat = "".join(data.split())
        if not flat:
            return
        line, col = self.getpos()
        self.parts.append(flat)
        self.offsets.append(self._total)
        self.runs.append((data, line, col))
        self._total += len(flat)


class HTMLLocator:
    """Find where a piece of extracted text sits in the HTML source (see module doc)."""

    def __init__(self, html: str) -> None:
        self._html = html
        self._parsed = False
        self.flat = ""
        self.offsets: list[int] = []
        self.runs: list[tuple[str, int, int]] = []
        self._cursor = 0
        #: how many lookups found their text in the source / fell back to line 1
        self.found = 0
        self.missed = 0

    def _position(self, index: int) -> tuple[int, int]:
        k = bisect.bisect_right(self.offsets, index) - 1
        data, line, col = self.runs[k]
        need = index - self.offsets[k]
        for ch in data:
            if ch == "\n":
                line += 1
                col = 0
                continue
            if not ch.isspace():
                if need == 0:
                    return line, col + 1
                need -= 1
            col += 1
        return line, col + 1  # pragma: no cover - index is inside the run

    def _parse(self) -> None:
        """Index the source on first use (pages without findings never pay for it)."""
        parser = _HTMLChars()
        with contextlib.suppress(Exception):  # html.parser is lenient; never fail a check
            parser.feed(self._html)
            parser.close()
        self.flat = "".join(parser.parts)
        self.offsets = parser.offsets
        self.runs = parser.runs
        self._parsed = True

    def locate(self, text: str) -> tuple[int, int]:
        if not self._parsed:
            self._parse()
        needle = "".join(text.split())
        for size in (60, 20):
            part = needle[:size]
            if not part:
                break
            i = self.flat.find(part, self._cursor)
            if i == -1:
                i = self.flat.find(part)
            if i != -1:
                self._cursor = i + 1
                self.found += 1
                return self._position(i)
        self.missed += 1
        return 1, 1


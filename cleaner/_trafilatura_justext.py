"""jusText's paragraphs for trafilatura's rescue, made without SAX events.

trafilatura 2.3.1 runs jusText (``trafilatura.external.try_justext``) on the whole raw
page in the recall escalation of every fallback extraction that reaches it, and on the
cleaned tree in ``compare_extraction``: on the WCXB subset ~0.1 s a call, ~15% of the
pipeline. Most of it is ``ParagraphMaker.make_paragraphs``: ``lxml.sax.saxify`` builds
an attribute object and reads the namespace map of every element for a handler that
reads neither, and every ``Paragraph`` formats its whole DOM path and XPath when it is
started (most are dropped empty at the next block tag); then the classification reads
each paragraph's ``text`` (a join and a whitespace regex with a Python callback) five
to eight times.

:class:`ParagraphMaker` is jusText's (its handler methods unchanged), driven by a walk
that calls them in the order ``saxify`` does (start, text, children, end, tail;
comments and processing instructions pass only their tails; processing-instruction
siblings of the root before and after it), with a path that keeps the DOM path and XPath
strings of every open element (the same strings, built once an element) and paragraphs
that compute ``text`` once after their last ``append_text``. ``normalize_whitespace``
is skipped on a text where it changes nothing (no white space but single spaces). A tree
holding a node the walk does not read the way ``saxify`` does (an entity reference, a
namespaced tag) is handed to jusText's own ``make_paragraphs``.

:func:`install` puts it in ``trafilatura.external`` (the only caller) only when the
sources of ``justext.core``, ``justext.paragraph``, ``justext.utils``,
``trafilatura.external`` and lxml's ``sax.py`` hash to the files read for this.
"""

from __future__ import annotations

import hashlib
import re
import threading
from typing import Any

#: sha256 of the sources this mirrors: ``inspect.getsource`` of the modules, the bytes
#: of lxml's ``sax.py`` (compiled; its source ships beside it)
_EXPECTED_SOURCES = {
    "justext.core": "b870b975ed98629ec7d310d364ca99a886e9a942ab66c19de5f8e22ca1a64724",
    "justext.paragraph": "59cbeacea4c9098e053c273322d12fc424937081a8db148ee6b5218be5a21c9e",
    "justext.utils": "90c56f2e172a3812c2cae69e0023fcb074d30089a3c3e8a22ba0e102a4dbc94b",
    "trafilatura.external": "5f57921dc1724ab44c61523472801eef03bceb76ad3dc09e207eea7ed31ecfa8",
    "lxml/sax.py": "5f96e114e133dda20a1642920ca385fbb349943002864fba723edaf3a88432d4",
}

#: white space ``normalize_whitespace`` would change: a run of two or more, or one
#: character that is not a plain space (it maps every ``\s+`` run to " " or "\n")
_CHANGED_BY_NORMALIZE = re.compile(r"\s\s|[^\S ]")

_installed: bool | None = None  # None: not tried yet
_install_lock = threading.Lock()


class _Decline(Exception):
    """The tree holds a node the walk does not read as ``saxify`` does."""


def _source_hashes() -> dict[str, str]:
    import importlib
    import inspect
    from pathlib import Path

    import lxml.sax

    hashes = {}
    for name in ("justext.core", "justext.paragraph", "justext.utils", "trafilatura.external"):
        source = inspect.getsource(importlib.import_module(name))
        hashes[name] = hashlib.sha256(source.encode("utf-8")).hexdigest()
    sax = Path(lxml.sax.__file__).with_name("sax.py")
    hashes["lxml/sax.py"] = hashlib.sha256(sax.read_bytes()).hexdigest()
    return hashes


def install() -> bool:
    """Use :class:`ParagraphMaker` in ``trafilatura.external`` once; whether it is in
    (only for the sources this mirrors)."""
    global _installed
    if _installed is not None:
        return _installed
    with _install_lock:
        if _installed is None:
            _installed = _install()
    return _installed


def _install() -> bool:
    try:
        hashes = _source_hashes()
    except (ImportError, OSError, TypeError):  # pragma: no cover - no source: leave it
        return False
    if hashes != _EXPECTED_SOURCES:
        return False
    import trafilatura.external as external

    external.ParagraphMaker = paragraph_maker()
    return True


_classes: tuple[Any, ...] | None = None


def paragraph_maker() -> Any:
    """The :class:`ParagraphMaker` class (built on jusText's classes on first use)."""
    global _classes
    if _classes is None:
        _classes = _build()
    return _classes[0]


def _build() -> tuple[Any, ...]:
    from justext.core import ParagraphMaker as Stock
    from justext.paragraph import Paragraph as StockParagraph
    from justext.utils import normalize_whitespace
    from lxml.etree import Comment, ProcessingInstruction

    def normalize(text: str) -> str:
        return normalize_whitespace(text) if _CHANGED_BY_NORMALIZE.search(text) else text

    class Path:
        """jusText's ``PathInfo`` with the ``dom`` and ``xpath`` strings of the open
        elements kept (``".".join`` of the tags; ``"/" + "/".join("tag[order]")``)."""

        __slots__ = ("_doms", "_elements", "_xpaths", "dom", "xpath")

        def __init__(self) -> None:
            self._elements: list[tuple[str, int, dict[str, int]]] = []
            self._doms: list[str] = []
            self._xpaths: list[str] = []
            self.dom = ""
            self.xpath = "/"

        def append(self, tag_name: str) -> Path:
            elements = self._elements
            children = elements[-1][2] if elements else {}
            order = children.get(tag_name, 0) + 1
            children[tag_name] = order
            step = "%s[%d]" % (tag_name, order)  # noqa: UP031 - jusText's own format
            if elements:
                self.dom = self.dom + "." + tag_name
                self.xpath = self.xpath + "/" + step
            else:
                self.dom = tag_name
                self.xpath = "/" + step
            elements.append((tag_name, order, {}))
            self._doms.append(self.dom)
            self._xpaths.append(self.xpath)
            return self

        def pop(self) -> Path:
            self._elements.pop()
            self._doms.pop()
            self._xpaths.pop()
            self.dom = self._doms[-1] if self._doms else ""
            self.xpath = self._xpaths[-1] if self._xpaths else "/"
            return self

    class Paragraph(StockParagraph):
        """jusText's paragraph; ``text`` (and its word count) computed once after the
        last ``append_text``."""

        def __init__(self, path: Any) -> None:
            super().__init__(path)
            self._text: str | None = None
            self._words: int | None = None

        @property
        def text(self) -> str:
            if self._text is None:
                self._text = normalize_whitespace("".join(self.text_nodes).strip())
            return self._text

        @property
        def words_count(self) -> int:
            if self._words is None:
                self._words = len(self.text.split())
            return self._words

        def append_text(self, text: str) -> str:
            text = normalize(text)
            self.text_nodes.append(text)
            self._text = self._words = None
            return text

    def local_name(tag: Any) -> str:
        if type(tag) is not str or tag[:1] == "{":
            raise _Decline
        return tag

    class ParagraphMaker(Stock):
        """jusText's ``ParagraphMaker``, fed by a walk instead of ``lxml.sax``."""

        def __init__(self) -> None:
            self.path = Path()
            self.paragraphs: list[Any] = []
            self.paragraph: Any = None
            self.link = False
            self.br = False
            self._start_new_pragraph()

        def _start_new_pragraph(self) -> None:
            if self.paragraph and self.paragraph.contains_text():
                self.paragraphs.append(self.paragraph)
            self.paragraph = Paragraph(self.path)

        @classmethod
        def make_paragraphs(cls, root: Any) -> list[Any]:
            try:
                element = root.getroot()
            except AttributeError:
                element = root
            try:
                handler = cls()
                handler._saxify(element)
            except _Decline:
                return list(Stock.make_paragraphs(root))
            return handler.paragraphs

        def _saxify(self, element: Any) -> None:
            """``lxml.sax.ElementTreeProducer(element, self).saxify()``'s calls."""
            characters = self.characters
            before = []
            if hasattr(element, "getprevious"):
                sibling = element.getprevious()
                while getattr(sibling, "tag", None) is ProcessingInstruction:
                    before.append(sibling)
                    sibling = sibling.getprevious()
            for sibling in before[::-1]:
                if sibling.tail:
                    characters(sibling.tail)
            self._element(element)
            if hasattr(element, "getnext"):
                sibling = element.getnext()
                while getattr(sibling, "tag", None) is ProcessingInstruction:
                    if sibling.tail:
                        characters(sibling.tail)
                    sibling = sibling.getnext()
            self.endDocument()

        def _element(self, root: Any) -> None:
            start, end, characters = self.startElementNS, self.endElementNS, self.characters
            tag = root.tag
            if tag is Comment or tag is ProcessingInstruction:
                if root.tail:
                    characters(root.tail)
                return
            name = (None, local_name(tag))
            start(name, None, None)
            if root.text:
                characters(root.text)
            stack = [(root, name, iter(root))]
            while stack:
                el, name, children = stack[-1]
                child = next(children, None)
                if child is None:
                    stack.pop()
                    end(name, None)
                    if el.tail:
                        characters(el.tail)
                    continue
                tag = child.tag
                if tag is Comment or tag is ProcessingInstruction:
                    if child.tail:
                        characters(child.tail)
                    continue
                name = (None, local_name(tag))
                start(name, None, None)
                if child.text:
                    characters(child.text)
                stack.append((child, name, iter(child)))

    return ParagraphMaker, Paragraph, Path

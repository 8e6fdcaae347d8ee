"""trafilatura's ``bare_extraction`` on our tree itself: no copy of the raw tree.

Mirrors trafilatura 2.3.1 (``trafilatura/core.py``). ``bare_extraction`` copies an
element it is given (``if tree is filecontent: tree = copy(tree)``, ~0.5 ms a page on the
article benchmark), because ``trafilatura_sequence`` prunes that raw tree in place
(``RAW_TREE_PRUNE_XPATH`` and, comments off, ``REMOVE_COMMENTS_AND_LISTS_XPATH``) before
reading it again: ``_prepare_tree`` copies it for cleaning, the baseline rescue, the
escalation page measure (``html2txt``), the recall retry, the fallback comparison and
justext each copy it before they change anything. Those two prunes are its only changes
to the raw tree, and each is a list of ``delete_element`` calls (remove the element, its
tail joined to the previous sibling's tail or the parent's text).

:func:`bare_extraction` hands trafilatura the tree itself, wrapped in :class:`_Owned`
(which ``core.load_html`` unwraps, so ``tree is filecontent`` is false and no copy is
made), journals every deletion the raw-tree prunes make in it, and undoes the journal in
reverse order when trafilatura returns (or raises): the same nodes back in the same
places, the joined tails and texts reset to their old values, so the tree is as it was
(``tests/test_speed_inplace.py`` compares the serialisation and trafilatura's result
with and without, page by page).

:func:`install` wraps ``core.load_html`` and ``core.prune_unwanted_nodes`` (both
delegate every other call unchanged) only when the sources of ``trafilatura.core`` and
``trafilatura.baseline`` hash to the 2.3.1 files read for this (any other version, or an
edited file, keeps the copy: :func:`bare_extraction` then calls trafilatura as it is).

Within :func:`reuse` (the extract stage's fast extraction of a tree and the fallback
extraction of the same tree that may follow it), what the fast call computed that the
fallback call would compute again, identically, is handed back instead: the escalation
gate's page measure and ``extract_content``'s result (see :func:`reuse` for when).
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from copy import deepcopy
from typing import Any

#: sha256 of ``inspect.getsource`` of ``trafilatura.core`` and ``trafilatura.baseline``
#: (2.3.1): the modules whose functions receive the raw tree were read for this
_EXPECTED_SOURCES = {
    "trafilatura.core": "a123aa052752d3dd1d5a1177ad37f03574456d08df1bcd2ec87971cf3f077825",
    "trafilatura.baseline": "4a4215f815e627456a13a7d6976a0f04dacf25767ce736d466e7adfb1bed3b41",
}

#: sha256 of ``inspect.getsource(trafilatura.main_extractor)`` (2.3.1): ``extract_content``
#: reads ``options.fast`` only in ``recover_wild_text`` (``keep_teasers``) and keeps no
#: state between calls but the ``dedup`` cache (see :func:`reuse`)
_REUSE_SOURCES = {
    "trafilatura.main_extractor":
        "08371cfa8748062900cc54bc985491be81efc614cef18069ab54ad98a498c620",
}

_state = threading.local()
_reuse_ok = False  # set by :func:`install` when main_extractor is the file read
_installed: bool | None = None  # None: not tried yet
_install_lock = threading.Lock()
#: a journal entry whose deletion joined no tail (nothing to reset)
_NO_TEXT = object()


class _Owned:
    """The tree trafilatura may work on in place (``core.load_html`` returns ``tree``)."""

    __slots__ = ("tree",)

    def __init__(self, tree: Any) -> None:
        self.tree = tree


class _NotJournaled(Exception):
    """trafilatura asked for a change to the owned tree that the journal cannot undo."""


def _source_hash(module: Any) -> str:
    import inspect

    return hashlib.sha256(inspect.getsource(module).encode("utf-8")).hexdigest()


def install() -> bool:
    """Wrap ``core.load_html`` and ``core.prune_unwanted_nodes`` once; whether in-place
    extraction is on (only for the trafilatura sources this mirrors)."""
    global _installed
    if _installed is not None:
        return _installed
    with _install_lock:
        if _installed is not None:
            return _installed
        _installed = _install()
    return _installed


def _install() -> bool:
    try:
        import trafilatura.baseline as baseline
        import trafilatura.core as core

        hashes = {"trafilatura.core": _source_hash(core),
                  "trafilatura.baseline": _source_hash(baseline)}
    except (ImportError, OSError, TypeError):  # pragma: no cover - no source: leave it
        return False
    if hashes != _EXPECTED_SOURCES:
        return False
    _install_reuse(core)
    load_html = core.load_html
    prune = core.prune_unwanted_nodes

    def owned_load_html(htmlobject: Any, max_size: int | None = None) -> Any:
        if type(htmlobject) is _Owned:
            return htmlobject.tree
        return load_html(htmlobject, max_size)

    def journaled_prune(tree: Any, nodelist: list[Any], with_backup: bool = False) -> Any:
        journal = getattr(_state, "journal", None)
        if journal is None or tree is not _state.root:
            return prune(tree, nodelist, with_backup)
        if with_backup:  # not called so on the raw tree in 2.3.1; never unjournaled
            raise _NotJournaled
        for expression in nodelist:
            for subtree in expression(tree):
                _delete(subtree, journal)
        return tree

    core.load_html = owned_load_html
    core.prune_unwanted_nodes = journaled_prune
    return True


def _install_reuse(core: Any) -> None:
    """Wrap ``core.extract_content`` (and note ``recover_wild_text`` runs) for
    :func:`reuse`, only when ``trafilatura.main_extractor`` is the 2.3.1 file."""
    global _reuse_ok
    import importlib

    try:
        main = importlib.import_module("trafilatura.main_extractor")
        same = _source_hash(main) == _REUSE_SOURCES["trafilatura.main_extractor"]
    except (ImportError, OSError, TypeError):  # pragma: no cover - no source: leave it
        return
    if not same:
        return
    extract_content = core.extract_content
    recover = main.recover_wild_text

    def noted_recover(*args: Any, **kwargs: Any) -> Any:
        _state.wild = True  # its result depends on ``options.fast``
        return recover(*args, **kwargs)

    def reusing_extract_content(cleaned_tree: Any, options: Any) -> Any:
        memo = _active_memo(_state.root if _owned_call() else None)
        if memo is None or options.dedup:  # dedup: a cache shared between calls
            return extract_content(cleaned_tree, options)
        key = ("extract_content", _cleaned_size(cleaned_tree))
        found, value = memo.find(key, options)
        if found:
            body, text = value
            return deepcopy(body), text
        _state.wild = False
        body, text = extract_content(cleaned_tree, options)
        if not _state.wild:
            memo.add(key, options, (deepcopy(body), text))
        return body, text

    main.recover_wild_text = noted_recover  # type: ignore[attr-defined]
    core.extract_content = reusing_extract_content
    _reuse_ok = True


def _cleaned_size(tree: Any) -> int:
    """Elements under ``tree`` (a check that the cleaned trees of both calls match)."""
    xpath = getattr(_state, "count", None)
    if xpath is None:
        import lxml.etree

        xpath = _state.count = lxml.etree.XPath("count(.//*)")
    return int(xpath(tree))


class _Memo:
    """Values computed during the extractions of ``root`` within one :func:`reuse`, each
    under a key, the extraction options but ``fast`` and the raw tree's state (the
    elements trafilatura's raw-tree prunes deleted, in order: the journal)."""

    __slots__ = ("entries", "root")

    def __init__(self, root: Any) -> None:
        self.root = root
        self.entries: list[tuple[Any, dict[str, Any] | None, tuple[Any, ...], Any]] = []

    @staticmethod
    def _options(options: Any) -> dict[str, Any] | None:
        if options is None:
            return None
        # ``Extractor`` keeps its fields in slots (a subclass may add a ``__dict__``)
        names = [n for cls in type(options).__mro__ for n in getattr(cls, "__slots__", ())]
        fields = {n: getattr(options, n) for n in names if hasattr(options, n)}
        fields.update(getattr(options, "__dict__", {}))
        fields.pop("fast", None)
        return fields

    def find(self, key: Any, options: Any) -> tuple[bool, Any]:
        """(True, value) when ``key`` was stored with equal options and raw-tree state."""
        wanted, state = self._options(options), _journal_state()
        for k, opts, journal, value in self.entries:
            if (k == key and opts == wanted and len(journal) == len(state)
                    and all(a is b for a, b in zip(journal, state, strict=True))):
                return True, value
        return False, None

    def add(self, key: Any, options: Any, value: Any) -> None:
        # the journal's elements are kept alive here, so lxml hands the same proxies to
        # the next call's journal and ``is`` compares nodes
        self.entries.append((key, self._options(options), _journal_state(), value))


def _journal_state() -> tuple[Any, ...]:
    return tuple(entry[0] for entry in getattr(_state, "journal", None) or ())


def _owned_call() -> bool:
    """Whether the current trafilatura call is an in-place extraction (not a nested
    call with trafilatura's copy)."""
    return getattr(_state, "journal", None) is not None and not getattr(_state, "nested", 0)


def _active_memo(tree: Any) -> _Memo | None:
    """The memo of :func:`reuse` when ``tree`` is its tree and an in-place extraction
    of it is running."""
    memo: _Memo | None = getattr(_state, "memo", None)
    if memo is None or tree is None or tree is not memo.root or not _owned_call():
        return None
    return memo


@contextmanager
def reuse(tree: Any) -> Iterator[None]:
    """Within: extractions of ``tree`` reuse values an earlier extraction of it computed.

    For the extract stage's fast extraction and the fallback extraction of the same tree
    after it, with nothing changing the tree between them (trafilatura's raw-tree prunes
    are undone after each call). trafilatura reads ``fast`` only to skip the
    comparison with external extractors and, in ``recover_wild_text``, to keep teaser
    blocks; everything before ``extract_content`` in its sequence is a function of the
    raw tree's state and the other options. So the fallback call's ``extract_content``
    (main pass and recall retry) returns what the fast call's did, on the same options
    but ``fast``, the same raw-tree state and a cleaned tree of the same size, unless
    ``recover_wild_text`` ran or ``dedup`` is on; and the escalation gate's page measure
    (``cleaner.extract``'s ``html2txt`` wrapper) is that of the same pruned tree."""
    previous = getattr(_state, "memo", None)
    _state.memo = _Memo(tree) if install() and _reuse_ok else None
    try:
        yield
    finally:
        _state.memo = previous


def memo_find(tree: Any, key: Any) -> tuple[bool, Any]:
    """(True, value) stored by :func:`memo_add` for ``tree``'s current raw-tree state in
    this :func:`reuse`; (False, None) outside one or on another tree."""
    memo = _active_memo(tree)
    return (False, None) if memo is None else memo.find(key, None)


def memo_add(tree: Any, key: Any, value: Any) -> None:
    """Store ``value`` under ``key`` for ``tree``'s current raw-tree state (a no-op
    outside :func:`reuse` or on another tree)."""
    memo = _active_memo(tree)
    if memo is not None:
        memo.add(key, None, value)


def _delete(element: Any, journal: list[tuple[Any, Any, Any, Any]]) -> None:
    """trafilatura's ``delete_element(element)`` (tail kept), journaled."""
    parent = element.getparent()
    if parent is None:
        return
    previous = element.getprevious()
    tail = element.tail
    if not tail:
        journal.append((element, parent, previous, _NO_TEXT))
    elif previous is None:
        journal.append((element, parent, None, parent.text))
        parent.text = (parent.text or "") + tail
    else:
        journal.append((element, parent, previous, previous.tail))
        previous.tail = (previous.tail or "") + tail
    parent.remove(element)  # lxml moves the element's tail with it


def _undo(journal: list[tuple[Any, Any, Any, Any]]) -> None:
    """Put every journaled deletion back, last first."""
    while journal:
        element, parent, previous, old = journal.pop()
        if previous is None:
            if old is not _NO_TEXT:
                parent.text = old
            parent.insert(0, element)
        else:
            if old is not _NO_TEXT:
                previous.tail = old
            previous.addnext(element)  # after ``previous``'s tail, with its own tail


def bare_extraction(tree: Any, **kwargs: Any) -> Any:
    """``trafilatura.bare_extraction(tree, **kwargs)``, working on ``tree`` itself and
    leaving it as it was; with trafilatura's copy when :func:`install` declined."""
    import trafilatura

    if not install():
        return trafilatura.bare_extraction(tree, **kwargs)
    if getattr(_state, "journal", None) is not None:  # nested: trafilatura with its copy
        _state.nested = getattr(_state, "nested", 0) + 1
        try:
            return trafilatura.bare_extraction(tree, **kwargs)
        finally:
            _state.nested -= 1
    journal: list[tuple[Any, Any, Any, Any]] = []
    _state.root, _state.journal = tree, journal
    try:
        return trafilatura.bare_extraction(_Owned(tree), **kwargs)
    except _NotJournaled:
        pass
    finally:
        _state.root = _state.journal = None
        _undo(journal)
    return trafilatura.bare_extraction(tree, **kwargs)

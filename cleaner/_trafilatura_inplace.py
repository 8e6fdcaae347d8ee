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
"""

from __future__ import annotations

import hashlib
import threading
from typing import Any

#: sha256 of ``inspect.getsource`` of ``trafilatura.core`` and ``trafilatura.baseline``
#: (2.3.1): the modules whose functions receive the raw tree were read for this
_EXPECTED_SOURCES = {
    "trafilatura.core": "a123aa052752d3dd1d5a1177ad37f03574456d08df1bcd2ec87971cf3f077825",
    "trafilatura.baseline": "4a4215f815e627456a13a7d6976a0f04dacf25767ce736d466e7adfb1bed3b41",
}

_state = threading.local()
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

    if not install() or getattr(_state, "journal", None) is not None:
        return trafilatura.bare_extraction(tree, **kwargs)
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

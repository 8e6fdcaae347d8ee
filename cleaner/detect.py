"""Input detection: decode bytes and decide HTML vs text vs Markdown-ish text.

Decoding order: byte-order mark, then the charset the document declares
(HTTP-equiv/meta or XML declaration), then statistical detection
(charset-normalizer), then UTF-8 with replacement characters. Invalid bytes
never raise; NUL bytes are dropped; lone surrogates in a ``str`` input become U+FFFD.
"""

from __future__ import annotations

import codecs
import re
import threading
from typing import Any

from .errors import InputError
from .markdown import DETECT_HEADING, DETECT_LINK, DETECT_LIST
from .model import InputFormat

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


_HTML_START = re.compile(
    r"\A\s*(?:<!--(?:[^-]|-(?!->))*-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I
)
_TAG = re.compile(
    r"</?(?:p|div|span|a|br|li|ul|ol|h[1-6]|table|tr|td|article|section|img|meta)\b[^<>]{0,500}>",
    re.I,
)
_BINARY_MAGIC = (b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"%PDF", b"\x1f\x8b")


def decode(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)``. Never raises on bad bytes."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            bom_codec = enc.replace("-sig", "")
            return _strip_nul(data[len(bom) :].decode(bom_codec, errors="replace")), bom_codec
    declared = _declared_charset(data[:4096])
    if declared:
        codec: str | None
        try:
            codec = codecs.lookup(declared).name
        except (LookupError, ValueError):  # ValueError: a NUL byte in the declared name
            codec = None
        if codec is not None:
            # A declared UTF-8 page with a stray bad byte is still UTF-8; a page
            # declared latin-1 that decodes cleanly as UTF-8 is usually UTF-8.
            if codec != "utf-8":
                try:
                    return _strip_nul(data.decode("utf-8")), "utf-8"
                except UnicodeDecodeError:
                    pass
            try:
                return _strip_nul(data.decode(codec, errors="replace")), codec
            except (LookupError, UnicodeError):
                # not a text encoding (base64, rot13) or one that refuses "replace"
                # (idna, punycode, undefined): detect the encoding instead
                pass
    try:
        return _strip_nul(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding:
        return _strip_nul(data.decode(best.encoding, errors="replace")), best.encoding
    return _strip_nul(data.decode("utf-8", errors="replace")), "utf-8"


def _declared_charset(head: bytes) -> str | None:
    """The charset an HTML/XML document declares in its first bytes (bs4's finder)."""
    from bs4.dammit import EncodingDetector

    found = EncodingDetector.find_declared_encoding(head, is_html=True)
    return found.lower() if found else None


def _strip_nul(text: str) -> str:
    return text.replace("\x00", "") if "\x00" in text else text


#: lone surrogates (a JSON ``"\ud800"`` escape decodes to one): they cannot be encoded,
#: so a clean text holding one crashed every UTF-8 writer downstream (a batch run died)
_SURROGATE = re.compile("[\ud800-\udfff]")


def has_surrogate(text: str) -> bool:
    """Whether ``text`` holds a code point in U+D800..U+DFFF: strict UTF-16 encodes every
    other code point and refuses these, in C at about twice the speed of a regex scan
    (UTF-8 does the same, ~1.4x slower: 0.17 against 0.12 ms a benchmark page)."""
    if text.isascii():
        return False
    try:
        text.encode("utf-16-le")
    except UnicodeEncodeError:
        return True
    return False


def _replace_surrogates(text: str) -> str:
    """Lone surrogates become U+FFFD (one character each: offsets do not move)."""
    if not has_surrogate(text):
        return text
    return _SURROGATE.sub("\ufffd", text)


def _clean_str(text: str) -> str:
    """``_strip_nul(_replace_surrogates(text))`` with one pass for both tests: strict UTF-8
    refuses exactly the lone surrogates, and in its bytes a NUL is the only 0x00 byte,
    which ``memchr`` finds far faster than ``"\\x00" in text`` on a 2-byte string (its
    search stops at the zero high byte of every ASCII character): 0.17 against 0.20 ms
    a benchmark page."""
    if text.isascii():
        return _strip_nul(text)
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        return _strip_nul(_SURROGATE.sub("\ufffd", text))
    if b"\x00" in data:
        return text.replace("\x00", "")
    _last_utf8.pair = (text, data)  # the extract stage parses these bytes: see utf8()
    return text


#: per thread, the last non-ASCII ``str`` input :func:`to_text` returned as it was, with
#: the UTF-8 encoding its checks made (one input's, dropped at the next call)
_last_utf8 = threading.local()


def utf8(text: str) -> bytes:
    """``text.encode("utf-8", "surrogatepass")``: the encoding :func:`to_text` already
    made when ``text`` is the very object it returned last in this thread (a ``str``
    input that needed no change: strict UTF-8 accepted it, so the bytes are the same),
    else a new one (0.17 ms a benchmark page saved: every one is non-ASCII)."""
    pair = getattr(_last_utf8, "pair", None)
    if pair is not None and pair[0] is text:
        return pair[1]
    return text.encode("utf-8", "surrogatepass")


def looks_binary(data: bytes) -> bool:
    """True for content that is not text in any encoding (images, archives...)."""
    sample = data[:8192]
    if not sample:
        return False
    if sample.startswith(_BINARY_MAGIC):
        return True
    for bom, _ in _BOMS:
        if sample.startswith(bom):
            return False
    control = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return control / len(sample) > 0.10


def detect_format(text: str, hint: str | None = None) -> InputFormat:
    """Decide the input format from content; ``hint`` (a format or file name) wins if valid."""
    if hint:
        h = hint.lower().rsplit(".", 1)[-1] if "." in hint else hint.lower()
        if h in ("html", "htm", "xhtml"):
            return "html"
        if h in ("md", "markdown"):
            return "markdown"
        if h in ("txt", "text"):
            return "text"
    head = text[:20_000]
    if _HTML_START.match(head):
        return "html"
    tags = len(_TAG.findall(head))
    if tags >= 5 and tags * 40 > len(head.split()):
        return "html"
    md_score = len(DETECT_HEADING.findall(head)) * 2 + len(DETECT_LINK.findall(head)) * 2
    if md_score >= 4 or (md_score >= 2 and len(DETECT_LIST.findall(head)) >= 2):
        return "markdown"
    return "text"


def to_text(source: str | bytes, *, max_bytes: int) -> tuple[str, str | None]:
    """Validate and decode an input; returns ``(text, encoding or None for str)``."""
    _last_utf8.pair = None  # the last input's encoding is not kept past the next input
    if isinstance(source, str):
        if len(source) > max_bytes:
            raise InputError(
                f"input is {len(source)} characters, over the limit of {max_bytes}",
                reason="too_large",
            )
        return _clean_str(source), None
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        if len(data) > max_bytes:
            raise InputError(
                f"input is {len(data)} bytes, over the limit of {max_bytes}", reason="too_large"
            )
        if looks_binary(data):
            raise InputError("input looks binary, not text or HTML", reason="binary")
        return decode(data)
    raise InputError(
        f"source must be str or bytes, not {type(source).__name__}", reason="bad_type"
    )


# -- hostile markup ---------------------------------------------------------------------

#: deeper element nesting than this is flattened before parsing (libxml2 stops parsing
#: at 2048 levels even with ``huge_tree`` and the rest of the page was silently lost)
MAX_MARKUP_DEPTH = 512
#: a start tag longer than this is cut down: libxml2's duplicate-attribute check is
#: quadratic (100,000 attributes took 70 s) and a megabyte ``class`` value made every
#: container-hint lookup slow. It keeps its first ``MAX_KEPT_ATTRIBUTES`` attributes,
#: each value cut to ``MAX_ATTRIBUTE_CHARS``: stripping every attribute lost the
#: ``class``/``id`` that trafilatura reads (18 % of WCXB dev pages have such a tag, e.g.
#: a Squarespace ``<body class>`` of 5,000 characters; product page 0610 fell from word
#: F1 0.95 to 0.65)
MAX_TAG_CHARS = 4096
MAX_KEPT_ATTRIBUTES = 64
MAX_ATTRIBUTE_CHARS = 1000
_ATTRIBUTE = re.compile(r"""([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")

#: a tag's head after its ``<``: the end tag's slash and the name (a tag is
#: ``<(/?)([A-Za-z][A-Za-z0-9:-]{0,40})([^<>]*)>``; the rest runs to the first ``>``)
_TAG_HEAD = re.compile(r"(/?)([A-Za-z][A-Za-z0-9:-]{0,40})")
#: elements that never contain others (void) or that the parser closes implicitly
#: when a sibling opens, so they do not add nesting depth of their own
_FLAT_TAGS = frozenset(
    "area base br col embed hr img input link meta param source track wbr "
    "p li dt dd tr td th option optgroup thead tbody tfoot colgroup rb rt rp".split()
)


def _cut_attributes(rest: str) -> str:
    """The first ``MAX_KEPT_ATTRIBUTES`` attributes of a start tag's ``rest``, each value
    cut to ``MAX_ATTRIBUTE_CHARS`` (re-quoted), duplicates left out."""
    kept: dict[str, str] = {}
    for m in _ATTRIBUTE.finditer(rest):
        name = m.group(1).lower()
        if name in kept:
            continue
        value = next((g for g in m.groups()[1:] if g is not None), None)
        if value is None:
            kept[name] = f" {name}"
        else:
            value = value[:MAX_ATTRIBUTE_CHARS].replace('"', "&quot;")
            kept[name] = f' {name}="{value}"'
        if len(kept) >= MAX_KEPT_ATTRIBUTES:
            break
    return "".join(kept.values())


def byte_codes(data: bytes) -> Any:
    """``data`` as a numpy ``uint8`` array (a view, no copy)."""
    import numpy as np

    return np.frombuffer(data, dtype=np.uint8)


def delimiters(codes: Any) -> Any:
    """The positions of every ``<`` and ``>`` in ``codes`` (:func:`byte_codes`), ascending."""
    import numpy as np

    return np.flatnonzero((codes == 0x3C) | (codes == 0x3E))


_byte_tables: tuple[Any, Any, Any, Any] | None = None
#: bytes read after a ``<`` to tell a flat tag's name: the longest flat name and the
#: byte after it
_NAME_WINDOW = max(map(len, _FLAT_TAGS)) + 1


def _tag_tables() -> tuple[Any, Any, Any, Any]:
    """(lower, letter, name, nests): ``lower[b]`` is byte ``b`` lower-cased when it is an
    ASCII letter, else ``b``; ``letter[b]`` whether it is an ASCII letter; ``name[b]``
    whether a lower-cased byte continues a tag name (``[a-z0-9:-]``); ``nests[b1, b2]``
    whether every tag name whose first two bytes lower-cased are ``b1, b2`` (``b2`` not
    a name character: the name is ``b1`` alone) is outside ``_FLAT_TAGS``."""
    global _byte_tables
    if _byte_tables is None:
        import numpy as np

        lower = np.arange(256, dtype=np.uint8)
        lower[0x41:0x5B] += 0x20
        letter = np.zeros(256, dtype=bool)
        letter[0x41:0x5B] = letter[0x61:0x7B] = True
        name = np.zeros(256, dtype=bool)
        name[list(b"abcdefghijklmnopqrstuvwxyz0123456789:-")] = True
        nests = np.zeros((256, 256), dtype=bool)
        nests[0x61:0x7B, :] = True
        for first in range(0x61, 0x7B):
            if chr(first) in _FLAT_TAGS:  # the name alone is flat
                nests[first, ~name] = False
        for tag in _FLAT_TAGS:
            if len(tag) > 1:  # every name beginning with its first two bytes may be it
                nests[ord(tag[0]), ord(tag[1])] = False
        _byte_tables = lower, letter, name, nests
    return _byte_tables


def _nesting_stays_below(codes: Any, at: Any, limit: int) -> bool:
    """Whether :func:`tame_markup`'s walk provably never reaches ``limit`` levels of
    nesting on the text whose UTF-8 bytes are ``codes`` (``at``: their
    :func:`delimiters`), decided on the bytes.

    The walk's depth after each tag is a walk reflected at 0: +1 for a start tag that
    nests, -1 for an end tag of a name outside ``_FLAT_TAGS``, so after step ``i`` it is
    ``S[i] - min(0, min(S[:i + 1]))`` for the sums ``S`` of the steps (until it first
    reaches the limit: only then does anything get dropped). Here a step is +1 at every
    tag (a ``<``, a letter, a ``>`` before the next ``<``) that is not surely flat (its
    name one of ``_FLAT_TAGS``, or its last byte before the ``>``, one space allowed,
    a ``/``) and -1 only at end tags whose name surely nests (``_tag_tables``: by its
    first two bytes). No step is smaller than the walk's, so no depth is: when this
    depth stays under ``limit``, the walk's does too."""
    import numpy as np

    if not len(at):
        return True
    lower, letter, name, nests = _tag_tables()
    n = len(codes)
    is_lt = codes[at] == 0x3C
    where = np.flatnonzero(is_lt)  # each ``<``'s index in ``at``
    if len(where) < limit:
        return True
    lt = at[where]
    # a ``>`` is the next delimiter after the ``<``: the regex's tag
    following = where + 1
    has_next = following < len(at)
    complete = np.zeros(len(lt), dtype=bool)
    complete[has_next] = ~is_lt[following[has_next]]
    # the bytes after each ``<``, lower-cased (0 past the end)
    window = np.zeros((_NAME_WINDOW, len(lt)), dtype=np.uint8)
    for k in range(_NAME_WINDOW):
        pos = lt + (k + 1)
        inside = pos < n
        window[k, inside] = lower[codes[pos[inside]]]
    opens = complete & letter[window[0]]
    flat = np.zeros(len(lt), dtype=bool)
    for tag in _FLAT_TAGS:
        same = ~name[window[len(tag)]]
        for k, ch in enumerate(tag.encode()):
            same &= window[k] == ch
        flat |= same
    gt = np.zeros(len(lt), dtype=np.int64)
    gt[has_next] = at[following[has_next]]
    before = codes[np.maximum(gt - 1, 0)]
    spaced = (before == 0x20) & (codes[np.maximum(gt - 2, 0)] == 0x2F)
    closed = (before == 0x2F) | spaced  # ``/>`` or ``/ >`` (``<`` and a letter come first)
    opens &= ~flat & ~closed
    closes = complete & (window[0] == 0x2F) & letter[window[1]] & nests[window[1], window[2]]
    steps = opens.astype(np.int64) - closes
    sums = np.cumsum(steps)
    depth = sums - np.minimum(np.minimum.accumulate(sums), 0)
    return bool(depth.max() < limit)


def _long_start_tags(html: str, data: bytes, codes: Any, at: Any) -> list[int]:
    """The positions in ``html`` of the ``<`` of every start tag longer than
    ``MAX_TAG_CHARS`` characters (``data``/``codes``: its UTF-8 bytes, ``at``: their
    :func:`delimiters`): found on the bytes (a run of more than ``MAX_TAG_CHARS`` - 2
    bytes from a ``<`` and a letter to a ``>``), each checked on the text."""
    import numpy as np

    if not len(at):
        return []
    _, letter, _, _ = _tag_tables()
    ends = np.empty_like(at)
    ends[:-1] = at[1:]
    ends[-1] = -1  # no delimiter after the last: no tag
    tail = np.zeros(len(at), dtype=bool)
    tail[:-1] = codes[at[1:]] == 0x3E
    first = np.minimum(at + 1, len(codes) - 1)
    long_runs = tail & (codes[at] == 0x3C) & letter[codes[first]] & (
        ends - at + 1 > MAX_TAG_CHARS)
    found = []
    ascii_only = len(data) == len(html)
    done = skipped = 0  # continuation bytes before ``done``: counted once, in order
    for byte_pos in at[long_runs].tolist():
        if not ascii_only:  # characters before it: its bytes but continuation bytes
            skipped += int(np.count_nonzero((codes[done:byte_pos] & 0xC0) == 0x80))
            done = byte_pos
        found.append(byte_pos - skipped)
    return found


def tame_markup(
    html: str, data: bytes | None = None, codes: Any = None, at: Any = None
) -> tuple[str, dict[str, int]]:
    """Flatten nesting beyond ``MAX_MARKUP_DEPTH`` and strip the attributes of start
    tags longer than ``MAX_TAG_CHARS``; text is kept. Returns ``(html, counts)`` where
    ``counts`` says how many tags were dropped (``flattened_tags``) or stripped
    (``stripped_tags``); ``html`` is returned unchanged when nothing needed doing.

    The tags are the matches of ``<(/?)([A-Za-z][A-Za-z0-9:-]{0,40})([^<>]*)>``, in
    order. No match holds a ``<`` but its first character, so a ``finditer`` of it
    finds one at every ``<`` where it matches: the text after that ``<`` up to the next
    one holds a ``>`` and begins with the head (``_TAG_HEAD``), and the match ends at
    that first ``>``. So the text is split at ``<`` (C speed) and each piece looked at
    once; the regex's class scan of every character inside a tag cost 1-12 ms a page
    on pages with long tags (17 % of the article benchmark).

    With ``data`` (the UTF-8 encoding of ``html``; ``codes``, ``at``: its
    :func:`byte_codes` and :func:`delimiters`, made when not given), a page whose
    nesting provably stays under the limit (:func:`_nesting_stays_below`) has nothing
    flattened, so every long start tag is stripped: those are found on the bytes
    (:func:`_long_start_tags`) and the walk is not made (0.05 against 2 ms a page)."""
    counts = {"flattened_tags": 0, "stripped_tags": 0}
    if html.count("<") <= MAX_MARKUP_DEPTH and len(html) <= MAX_TAG_CHARS:
        return html, counts
    if data is not None:
        codes = byte_codes(data) if codes is None else codes
        at = delimiters(codes) if at is None else at
        if _nesting_stays_below(codes, at, MAX_MARKUP_DEPTH):
            return _strip_long_tags(html, _long_start_tags(html, data, codes, at), counts)
    parts: list[str] = []
    pos = 0
    depth = 0
    dropped: dict[str, int] = {}
    head = _TAG_HEAD.match
    flat = _FLAT_TAGS
    pieces = html.split("<")
    at = len(pieces[0])  # where the ``<`` before each further piece is
    for piece in pieces[1:]:
        start = at
        at += len(piece) + 1
        m = head(piece)
        if m is None:
            continue
        gt = piece.find(">", m.end())
        if gt < 0:
            continue
        closing, name = m.group(1), m.group(2).lower()
        replacement: str | None = None
        if closing:
            if dropped.get(name):
                dropped[name] -= 1
                replacement = ""
            elif depth > 0 and name not in flat:
                depth -= 1
        else:
            rest = piece[m.end() : gt]
            nests = name not in flat and not rest.rstrip().endswith("/")
            if nests and depth >= MAX_MARKUP_DEPTH:
                dropped[name] = dropped.get(name, 0) + 1
                counts["flattened_tags"] += 1
                replacement = " "
            else:
                if nests:
                    depth += 1
                if gt + 2 > MAX_TAG_CHARS:  # the tag: "<", piece[: gt], ">"
                    counts["stripped_tags"] += 1
                    replacement = f"<{name}{_cut_attributes(rest)}>"
        if replacement is not None:
            parts.append(html[pos:start])
            parts.append(replacement)
            pos = start + gt + 2
    if pos == 0:
        return html, counts
    parts.append(html[pos:])
    return "".join(parts), counts


def _strip_long_tags(html: str, starts: list[int], counts: dict[str, int]) -> tuple[
        str, dict[str, int]]:
    """:func:`tame_markup` of ``html`` when nothing is flattened: each start tag at
    ``starts`` stripped, as the walk strips it."""
    parts: list[str] = []
    pos = 0
    for start in starts:
        m = _TAG_HEAD.match(html, start + 1)
        if m is None or m.group(1):
            continue
        gt = html.find(">", m.end())
        if gt < 0 or html.find("<", m.end(), gt) >= 0 or gt - start + 1 <= MAX_TAG_CHARS:
            continue  # not a tag, or not long in characters
        counts["stripped_tags"] += 1
        parts.append(html[pos:start])
        parts.append(f"<{m.group(2).lower()}{_cut_attributes(html[m.end() : gt])}>")
        pos = gt + 1
    if pos == 0:
        return html, counts
    parts.append(html[pos:])
    return "".join(parts), counts

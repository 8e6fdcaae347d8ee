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

_MARKUP_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]{0,40})([^<>]*)>")
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


def tame_markup(html: str) -> tuple[str, dict[str, int]]:
    """Flatten nesting beyond ``MAX_MARKUP_DEPTH`` and strip the attributes of start
    tags longer than ``MAX_TAG_CHARS``; text is kept. Returns ``(html, counts)`` where
    ``counts`` says how many tags were dropped (``flattened_tags``) or stripped
    (``stripped_tags``); ``html`` is returned unchanged when nothing needed doing.
    """
    counts = {"flattened_tags": 0, "stripped_tags": 0}
    if html.count("<") <= MAX_MARKUP_DEPTH and len(html) <= MAX_TAG_CHARS:
        return html, counts
    parts: list[str] = []
    pos = 0
    depth = 0
    dropped: dict[str, int] = {}
    for m in _MARKUP_TAG.finditer(html):
        closing, name, rest = m.group(1), m.group(2).lower(), m.group(3)
        replacement: str | None = None
        if closing:
            if dropped.get(name):
                dropped[name] -= 1
                replacement = ""
            elif depth > 0 and name not in _FLAT_TAGS:
                depth -= 1
        else:
            nests = name not in _FLAT_TAGS and not rest.rstrip().endswith("/")
            if nests and depth >= MAX_MARKUP_DEPTH:
                dropped[name] = dropped.get(name, 0) + 1
                counts["flattened_tags"] += 1
                replacement = " "
            else:
                if nests:
                    depth += 1
                if m.end() - m.start() > MAX_TAG_CHARS:
                    counts["stripped_tags"] += 1
                    replacement = f"<{name}{_cut_attributes(rest)}>"
        if replacement is not None:
            parts.append(html[pos : m.start()])
            parts.append(replacement)
            pos = m.end()
    if pos == 0:
        return html, counts
    parts.append(html[pos:])
    return "".join(parts), counts

"""One line of text input reduced from its lightweight markup, once, by a pure function.

Text input reaches the boilerplate stage in whatever markup the page was written or
scraped in: Markdown, wiki markup (``== h ==``, ``* [url text]``, ``[[page|text]]``,
``{{template | k = v}}``), reST (```text <url>`_``), org (``[[url][text]]``), AsciiDoc
(``url[text]``), BBCode (``[url=..]text[/url]``, ``[b]..[/b]``), list bullets of any glyph,
numbered items, ``key = value``, ``a.b.c: value``, JSON/YAML-ish pairs. :func:`reduce_line`
turns one line into a :class:`LineMarkup`: the visible text (links unwrapped to their
text, marks and emphasis gone, a key/value pair printed ``key: value`` with a code-like
key in words), the line's *role* (``heading``, ``list_item``, ``key_value``,
``link_only``, ``punct`` or ``prose``), the characters of link text, and the key and
value. The rules and features read these fields (:class:`.features.Feat`), never the raw
glyphs. A line without markup comes back as it is, role ``prose``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..markdown import ANY_BULLET, HEADING, LABEL_SEP, SEP_GATE, plain_line

#: the roles of a line (``prose``: none of the others)
ROLES = ("prose", "heading", "list_item", "key_value", "link_only", "punct")


@dataclass(frozen=True, slots=True)
class LineMarkup:
    """A line of text input without its markup."""

    #: the visible text (a key/value pair as ``key: value``; a template's pairs joined
    #: by `` | `` after its name and a colon)
    text: str
    role: str = "prose"
    #: characters of the visible text that were link text
    link_chars: int = 0
    #: the key of a key/value line, in words (``byline.fullName`` -> ``full name``)
    key: str | None = None
    value: str = ""
    #: the syntax that gave the role (``wiki``, ``bullet``, ``template``...), or ""
    syntax: str = ""


# -- headings --------------------------------------------------------------------------
#: org ``** Heading`` (level 2+: a single ``*`` is a list bullet)
_ORG_HEADING = re.compile(r"^\*{2,6}[ \t]+(\S[^\n]{0,200})$")
#: BBCode ``[h2]..[/h2]``, ``[b]..[/b]``, ``[size=5]..[/size]``, ``[heading]``
_BB_WRAP = re.compile(r"^\[(h[1-6]|b|strong|heading|title|size|u)(?:=[^\]\n]{0,20})?\]"
                      r"([^\[\]\n]{1,200})\[/\1\]$", re.I)
#: a whole line in bold: wiki ``'''x'''``, Markdown ``**x**`` / ``__x__``, AsciiDoc ``*x*``
_BOLD_LINE = re.compile(r"^(?:'{3,5}([^'\n]{1,200}?)'{3,5}|\*\*([^*\n]{1,200})\*\*"
                        r"|__([^_\n]{1,200})__|\*([^*\s][^*\n]{0,199})\*)$")

# -- list marks ----------------------------------------------------------------------------
_BULLET = ANY_BULLET
#: a wiki definition line ``; term : definition`` (its term alone: ``; term``)
_WIKI_TERM = re.compile(r"^;[ \t]*([^:\n]{1,80}?)(?:[ \t]+:[ \t]+(\S[^\n]*))?$")

# -- links ----------------------------------------------------------------------------------
#: org ``[[url][text]]``
_ORG_LINK = re.compile(r"\[\[[^\[\]\n]{1,500}\]\[([^\[\]\n]{1,300})\]\]")
#: wiki internal ``[[Page]]`` / ``[[Page|text]]`` (the text may hold one bracket pair:
#: ``[[[tag] headline]]``)
_WIKI_LINK = re.compile(r"\[\[(?:[^\[\]|\n]{1,200}\|)?((?:[^\[\]\n]|\[[^\[\]\n]{0,40}\])"
                        r"{1,300})\]\]")
#: wiki external ``[https://x text]`` / ``[https://x]``
_WIKI_EXT = re.compile(r"\[((?:https?:)?//|www\.)([^\s\[\]]{1,500})(?:[ \t]([^\]\n]{0,300}))?\]")
#: BBCode ``[url=x]text[/url]`` / ``[url]x[/url]``
_BB_LINK = re.compile(r"\[url(?:=[^\]\n]{1,500})?\]([^\[\]\n]{0,300})\[/url\]", re.I)
#: reST ```text <url>`_`` (or ``__``)
_RST_LINK = re.compile(r"`([^`<\n]{1,300}?)[ \t]*<[^<>`\n]{1,500}>`_{1,2}")
#: AsciiDoc ``https://x[text]`` / ``link:x[text]``
_ADOC_LINK = re.compile(r"(?:link:)?(?:https?://|mailto:)[^\s\[\]]{1,500}\[([^\[\]\n]{1,300})\]")
#: inline emphasis of the other syntaxes: wiki quotes, BBCode tags
_WIKI_QUOTES = re.compile(r"'{2,5}")
_BB_TAG = re.compile(r"\[/?(?:b|i|u|s|em|strong|color|size|font|center|quote)(?:=[^\]\n]"
                     r"{0,30})?\]", re.I)

#: a bracket tag of any name (``[b]``, ``[/spoiler]``, ``[quote=Name]``, ``[*]``): markup
#: on a line that closes one (``[/x]``), or on a line of tags alone (a closer, an item
#: mark or two tags: one ``[name]`` alone is an INI section's header)
_ANY_TAG = re.compile(r"\[/?(?:[A-Za-z][A-Za-z0-9]{0,11}(?:=[^\[\]\n]{0,80})?|\*)\]")
_TAGS_ONLY = re.compile(r"^(?:\[/?(?:[A-Za-z][A-Za-z0-9]{0,11}(?:=[^\[\]\n]{0,80})?|\*)\]"
                        r"[ \t]*)+$")
#: leading tags that open a list item (``[*]``, ``[list][*]``, ``<li>``)
_ITEM_TAG = re.compile(r"^(?:\[[A-Za-z]{1,12}\][ \t]*)*(?:\[\*\]|<li(?:[ \t][^<>\n]{0,80})?>)"
                       r"[ \t]*(?=\S)")

# -- key/value -----------------------------------------------------------------------------
#: a code-like key (``byline.mail``, ``author_name``, ``fullName``, ``links[0].url``,
#: ``$.author.email``) before ``:``, ``=``, ``=>``, ``:=`` or ``->``
_CODE_KEY = re.compile(
    r"^[\"']?(?P<key>[$@]?[A-Za-z_][\w$@-]{0,40}(?:(?:\.|::|/|->)[A-Za-z_][\w-]{0,40}"
    r"|\[\d{1,3}\]|\[[\"'][\w-]{1,30}[\"']\]){0,6})[\"']?[ \t]*(?::=|=>|->|[:=])[ \t]*"
    r"(?P<value>\S[^\n]*)$")
#: the most characters of a template's name (``{{name | k = v}}``)
TEMPLATE_NAME_MAX = 80
#: a template's or a wiki table's row ``| k = v`` / ``| value``
_PIPE_ROW = re.compile(r"^\|(?![-}+])[ \t]*(\S[^\n]*)$")
#: the most pairs of an inline mapping ``{k: v, k2: v2}`` / ``{"k": "v"}``
INLINE_MAP_MAX_PAIRS = 12
#: a ``k = v`` pair (the key up to four words)
_EQ_PAIR = re.compile(r"^([^=\n]{1,60}?)[ \t]*=[ \t]*(\S[^\n]*)$")
#: a part of an inline mapping opens with its key (a word, quoted or not) and ``:``/``=``
_MAP_KEY = re.compile(r"[\"']?[\w.-]{1,40}[\"']?[ \t]*[:=]")
_MAP_PAIR = re.compile(r"^[\"']?([\w.-]{1,40})[\"']?[ \t]*[:=][ \t]*[\"']?([^\"'\n]*)[\"']?$")
#: lines of punctuation only: a template's or a table's close, braces, a separator
_PUNCT_ONLY = re.compile(r"^[\W_]*$")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
#: characters that may open markup (a line with none of them, first character aside,
#: is reduced by :func:`cleaner.markdown.plain_line` alone)
_MARKUP_CHARS = frozenset("[]{}='`*_:|>⟩›»→➔⇒▸〉")


def _eq_heading(s: str) -> str | None:
    """The text of a wiki ``== Heading ==`` (closed) or AsciiDoc ``== Heading`` (open)
    line (1-6 ``=``), None when ``s`` is none."""
    k = len(s) - len(s.lstrip("="))
    if not 1 <= k <= 6:
        return None
    inner = s[k:]
    if inner.endswith("=" * k):
        inner = inner[:-k]
    inner = inner.strip(" \t")
    if not inner or inner[0] == "=" or inner[0].isspace() or len(inner) > 201:
        return None
    return inner


def _template(s: str) -> tuple[str, str] | None:
    """``(name, params)`` of a one-line template ``{{name | k = v}}`` (params from the
    first ``|``, or ""), None when ``s`` is none."""
    if len(s) < 4 or not s.startswith("{{") or not s.endswith("}}"):
        return None
    name, bar, params = s[2:-2].partition("|")
    name = name.strip(" \t")
    if len(name) > TEMPLATE_NAME_MAX or "{" in name or "}" in name or "\n" in s:
        return None
    return name, bar + params


def _template_open(s: str) -> str | None:
    """The name of a template's opening line (``{{name``), None when ``s`` is none."""
    rest = s[2:] if s.startswith("{{") else None
    if rest is None or any(c in rest for c in "{}|\n"):
        return None
    name = rest.strip(" \t")
    return name if len(name) <= TEMPLATE_NAME_MAX else None


def _inline_map(s: str) -> list[str] | None:
    """The comma-separated parts of an inline mapping ``{k: v, k2: v2}`` on one line
    (each part checked by :func:`_pairs`), None when ``s`` is none."""
    body = s.rstrip(" \t,;")
    if len(body) < 3 or body[0] != "{" or body[-1] != "}":
        return None
    inner = body[1:-1]
    if "{" in inner or "}" in inner or "\n" in inner:
        return None
    parts = inner.split(",")
    if len(parts) > INLINE_MAP_MAX_PAIRS + 1 or not all(
            _MAP_KEY.match(q.lstrip(" \t")) is not None for q in parts if q.strip()):
        return None
    return parts


def key_words(key: str) -> str:
    """A code-like key in words: its last named component (``byline.fullName`` ->
    ``full name``, ``links.x`` -> ``x``, ``author[0].e_mail`` -> ``e mail``); a key of
    words comes back lower-cased."""
    parts = [p for p in re.split(r"\.|::|/|->|\[[^\]]*\]", key.strip("$@\"'")) if p]
    last = parts[-1] if parts else key
    spaced = _CAMEL.sub(" ", last).replace("_", " ")
    return " ".join(spaced.lower().split())


def _unwrap_links(text: str) -> tuple[str, int]:
    """Links of the other syntaxes unwrapped to their visible text, and that text's
    characters."""
    chars = 0

    def take(m: re.Match[str], group: int, default: str = "") -> str:
        nonlocal chars
        shown = (m.group(group) or default).strip()
        chars += len(shown)
        return shown

    if "[[" in text:
        text = _ORG_LINK.sub(lambda m: take(m, 1), text)
        text = _WIKI_LINK.sub(lambda m: take(m, 1), text)
    if "[" in text:
        if "//" in text or "www." in text:
            text = _WIKI_EXT.sub(lambda m: take(m, 3, m.group(1) + m.group(2)), text)
            text = _ADOC_LINK.sub(lambda m: take(m, 1), text)
        if "[/" in text:
            text = _BB_LINK.sub(lambda m: take(m, 1), text)
            # (a line that closes a bracket tag is in a tag syntax: every tag of that
            # shape on it is markup, whatever its name)
            text = _ANY_TAG.sub("", text)
        elif "[" in text and "]" in text and "=" in text:
            text = _BB_TAG.sub("", text)
    if "`_" in text:
        text = _RST_LINK.sub(lambda m: take(m, 1), text)
    if "''" in text:
        text = _WIKI_QUOTES.sub("", text)
    return text, chars


def _pairs(params: list[str]) -> list[tuple[str, str]] | None:
    """The ``k = v`` / ``k: v`` pairs of a template's or a mapping's parameters (split at
    ``|`` or ``,``), None when one of them is no pair."""
    out: list[tuple[str, str]] = []
    for part in params:
        part = part.strip()
        if not part:
            continue
        m = _EQ_PAIR.match(part) or _MAP_PAIR.match(part)
        if m is None:
            return None
        out.append((key_words(m.group(1)) if _is_code_key(m.group(1)) else m.group(1).strip(),
                    m.group(2).strip()))
    return out


def _is_code_key(key: str) -> bool:
    """A key written as code (dotted path, ``snake_case``, ``camelCase``, quoted)."""
    k = key.strip()
    return " " not in k and (any(c in k for c in "._[$@\"'") or "::" in k or "->" in k
                             or _CAMEL.search(k) is not None)


#: what makes a line code or math, not a pair: a comparison or an operator between
#: spaces, a call's or an index's brackets, a statement's semicolon
_CODE_VALUE = re.compile(r"==|!=|<=|>=|\s[-+*/%^<>]\s|\w\(|[{};]|\[[^\s\[]*\]$")


#: ``[ Label ] text``: a bracketed label before a text (``[Read also] headline``)
BRACKET_VALUE_MAX_WORDS = 20
_BRACKET_LABEL = re.compile(r"^\[[ \t]*([^\W\d_][^\[\]\n]{0,40}?)[ \t]*\][ \t]+(\S[^\n]*)$")
_SEP_GATE, _LABEL_SEP = SEP_GATE, LABEL_SEP


def _code_value(text: str, value: str) -> bool:
    """``text`` (with its pair's ``value``) reads as code or math."""
    return _CODE_VALUE.search(text) is not None or text.rstrip().endswith(";")


#: a key of words: letters and their combining marks (Thai, Devanagari vowel signs),
#: hyphens, apostrophes, dots and parentheses inside, no digits
_WORD_KEY = re.compile(r"[^\W\d_](?:[^\W\d_]|[\u0300-\u036f\u0900-\u0dff\u0e00-\u0eff"
                       r"\u1000-\u109f]|[-'’.() ])*")


def _word_key(key: str) -> bool:
    """A key in words: 1-4 words of letters (hyphen, apostrophe, dot inside), two
    letters at least (``x = 3`` is math)."""
    k = key.strip()
    return 2 <= len(k) <= 40 and len(k.split()) <= 4 and _WORD_KEY.fullmatch(k) is not None


def _key_value(text: str, syntax: str, link_chars: int, role: str) -> LineMarkup:
    """``text`` (marks and links gone) as a key/value line when it is one in a syntax the
    rules' ``Key: value`` reading does not cover (a code-like key, ``=`` / ``=>``), else
    as it is with ``role``."""
    if ":" not in text and "=" not in text and ">" not in text:
        return _label_sep(text, syntax, link_chars, role)
    m = _CODE_KEY.match(text)
    # (a quoted key, ``"email": "..."``, is one of a JSON object)
    if m is not None and (_is_code_key(m.group("key")) or text[:1] in "\"'") \
            and not _code_value(text, m.group("value")):
        key = key_words(m.group("key"))
        value = m.group("value").strip().rstrip(",").strip().strip("\"'")
        if key and value:
            return LineMarkup(f"{key}: {value}", "key_value", link_chars, key, value,
                              syntax or "code_key")
    if "=" in text:
        m2 = _EQ_PAIR.match(text)
        if m2 is not None and _word_key(m2.group(1)) and not _code_value(text, m2.group(2)):
            key, value = m2.group(1).strip(), m2.group(2).strip()
            return LineMarkup(f"{key}: {value}", "key_value", link_chars, key.lower(), value,
                              syntax or "eq_pair")
    return _label_sep(text, syntax, link_chars, role)


#: ``Label :: text``, ``Label => text``, ``Label -> text``, ``Label || text``: a short
#: label and a text split by a doubled punctuation mark or an ASCII arrow between spaces
#: (a description list's or a wire's separator in any syntax)
_SPACED_SEP = re.compile(r"^(?P<key>[^\W\d_][^\n]{0,40}?)[ \t]+(?:([:=~|-])\2|[=~-]>)[ \t]+"
                         r"(?P<value>\S[^\n]*)$")
_SPACED_SEP_GATE = re.compile(r"[ \t](?:([:=~|-])\1|[=~-]>)[ \t]")


def _label_sep(text: str, syntax: str, link_chars: int, role: str) -> LineMarkup:
    """``text`` as a ``Label ⟩ text`` line (key and value; the text stays as printed: a
    breadcrumb's furniture pattern reads it), or a ``Label :: text`` line (the pair
    printed ``Label: text``), else as it is with ``role``."""
    if text[:1] == "[":
        b = _BRACKET_LABEL.match(text)
        # (a headline's length: a paragraph after a tag stays prose)
        if b is not None and len(b.group(1).split()) <= 4 \
                and len(b.group(2).split()) <= BRACKET_VALUE_MAX_WORDS:
            key, value = b.group(1), b.group(2).strip()
            return LineMarkup(f"{key}: {value}", "key_value", link_chars, key.lower(), value,
                              "bracket_label")
    m = _LABEL_SEP.match(text) if _SEP_GATE.search(text) else None
    if m is not None and len(m.group("key").split()) <= 4:
        return LineMarkup(text, "key_value", link_chars, m.group("key").strip().lower(),
                          m.group("value").strip(), "label_sep")
    m = _SPACED_SEP.match(text) if _SPACED_SEP_GATE.search(text) else None
    if m is not None and len(m.group("key").strip()) >= 2 and len(m.group("key").split()) <= 4 \
            and not _code_value(text, ""):
        key, value = m.group("key").strip(), m.group("value").strip()
        return LineMarkup(f"{key}: {value}", "key_value", link_chars, key.lower(), value,
                          "spaced_sep")
    return LineMarkup(text, role, link_chars, syntax=syntax)


#: characters a line that is one link may hold besides it (a source, a date, a label)
LINK_ONLY_OTHER_CHARS = 30


def _link_only(text: str, link_chars: int) -> bool:
    """Most of ``text`` is link text and the rest is short (``Source: [[headline]]``,
    ``[headline] — 19 Nov``)."""
    size = len(text.strip(" ()[]—–-|·,;:"))
    return link_chars >= 0.5 * size and size - link_chars <= LINK_ONLY_OTHER_CHARS


#: a quote prefix of any depth (``> x``, ``> > x``, ``>> x`` as e-mail quoting); a
#: ``>>`` / ``>>>`` before a space is read as a bullet first (:data:`ANY_BULLET`)
_QUOTE_PREFIX = re.compile(r"^>(?:[ \t]*>)*[ \t]*")
#: the most symbol glyphs a glyph bullet is made of (``🔥``, ``✅✅``, ``⭐️``)
GLYPH_BULLET_MAX = 3
#: characters that ride on a glyph without being one: variation selectors, the
#: zero-width joiner, skin-tone modifiers (U+1F3FB-U+1F3FF are symbols themselves)
_GLYPH_RIDERS = frozenset("\ufe0e\ufe0f\u200d")


def glyph_bullet(s: str) -> int:
    """Characters of a leading bullet made of 1-3 symbol glyphs of any block (emoji,
    dingbats, pictographs, box drawing: Unicode category ``So`` from U+2000, letterlike
    signs aside) and the space after it, 0 when ``s`` has none. Markup-agnostic: no
    list of glyphs."""
    k = glyphs = 0
    while k < len(s) and glyphs <= GLYPH_BULLET_MAX:
        c = s[k]
        if c in _GLYPH_RIDERS:
            k += 1
            continue
        if unicodedata.category(c) != "So" or c < "\u2000" or "\u2100" <= c <= "\u214f":
            break  # (``©``, ``®``, ``°``, ``™``, ``℗`` are the text's own signs)
        glyphs += 1
        k += 1
    if not 1 <= glyphs <= GLYPH_BULLET_MAX or k >= len(s) or s[k] not in " \t":
        return 0
    rest = s[k:].lstrip(" \t")
    return len(s) - len(rest) if rest else 0


def reduce_line(line: str) -> LineMarkup:
    """One line of text input without its markup (a pure function; see the module)."""
    s = line.strip()
    if s[:1] == ">" and _BULLET.match(s) is None:
        # a quoted line (e-mail, Markdown, forum quoting at any depth): the quoted
        # line's own markup gives the role
        rest = s[_QUOTE_PREFIX.match(s).end():]  # type: ignore[union-attr]
        if rest and rest[0] != ">":
            quoted = reduce_line(rest)
            return LineMarkup(quoted.text, quoted.role, quoted.link_chars, quoted.key,
                              quoted.value, quoted.syntax or "quote")
    if not s:
        return LineMarkup("", "punct")
    first = s[0]
    if first.isalnum() and _MARKUP_CHARS.isdisjoint(s):
        if ")" in s[:7] or "." in s[:7]:  # a numbered or lettered item ("b) x", "iv. x")
            m = _BULLET.match(s)
            if m is not None:
                text, chars = plain_line(s[m.end():])
                return LineMarkup(text, "list_item", chars, syntax="bullet")
        text, chars = plain_line(s)
        return LineMarkup(text, "prose", chars)
    if _PUNCT_ONLY.match(s):
        return LineMarkup("", "punct", syntax="punct")
    # templates and inline mappings: a name and pairs
    if s.startswith("{{"):
        tm = _template(s)
        if tm is not None:
            name, params = tm
            parts = params.split("|")[1:] if params else []
            pairs = _pairs(parts)
            if pairs:
                body = " | ".join(f"{k}: {v}" for k, v in pairs)
                inner, chars = _unwrap_links(body)
                text = f"{name}: {inner}" if name else inner
                return LineMarkup(text, "key_value", chars, pairs[0][0], pairs[0][1],
                                  "template")
            inner, chars = _unwrap_links(" ".join(p.strip() for p in parts))
            inner, more = plain_line(inner)
            chars += more
            text = f"{name}: {inner}" if name and inner else (name or inner)
            role = "link_only" if inner and _link_only(inner, chars) else "prose"
            return LineMarkup(text, role, chars, syntax="template")
        name_open = _template_open(s)
        if name_open is not None:
            return LineMarkup(name_open, "heading" if name_open else "punct", syntax="template")
    if first == "{":
        map_parts = _inline_map(s)
        if map_parts is not None:
            pairs = _pairs(map_parts)
            if pairs:
                text = " | ".join(f"{k}: {v}" for k, v in pairs)
                return LineMarkup(text, "key_value", 0, pairs[0][0], pairs[0][1], "mapping")
    if first == "|":
        m = _PIPE_ROW.match(s)
        if m is not None and m.group(1).count("|") == 0:
            inner, chars = _unwrap_links(m.group(1))
            return _key_value(inner.strip(), "template", chars, "prose")
    # headings
    if first == "#" and HEADING.match(s) is not None:
        text, chars = plain_line(s)
        return LineMarkup(text, "heading", chars, syntax="markdown_heading")
    if first == "=":
        heading = _eq_heading(s)
        if heading is not None and any(c.isalpha() for c in heading):
            text, chars = _unwrap_links(heading)
            return LineMarkup(text.strip(), "heading", chars, syntax="wiki_heading")
    if s.startswith("**"):
        m = _ORG_HEADING.match(s)
        if m is not None and not s.endswith("**"):
            text, chars = _unwrap_links(m.group(1))
            return LineMarkup(text.strip(), "heading", chars, syntax="org_heading")
    if first == "[":
        m = _BB_WRAP.match(s)
        if m is not None:
            return LineMarkup(m.group(2).strip(), "heading", syntax="bbcode_heading")
    if first in "'*_":
        m = _BOLD_LINE.match(s)
        if m is not None:
            text = next(g for g in m.groups() if g is not None).strip()
            text, chars = _unwrap_links(text)
            return LineMarkup(text, "heading" if text[-1:] not in ".:;," else "prose",
                              chars, syntax="bold_line")
    if first == ";":
        m = _WIKI_TERM.match(s)
        if m is not None:
            term, definition = m.group(1).strip(), m.group(2)
            if definition:
                text, chars = _unwrap_links(f"{term}: {definition.strip()}")
                return LineMarkup(text, "key_value", chars, term.lower(), definition.strip(),
                                  "wiki_definition")
            return LineMarkup(term, "heading", syntax="wiki_definition")
    # list items: a bullet of any glyph, then the item's own markup
    if first in "[<":
        # (one ``[name]`` alone is an INI section's or a label's header, no tag)
        if _TAGS_ONLY.match(s) is not None and ("[/" in s or "[*]" in s or s.count("[") > 1):
            return LineMarkup("", "punct", syntax="tags")
        m = _ITEM_TAG.match(s)
        if m is not None:  # a list item opened by a tag: its own markup follows
            item = reduce_line(s[m.end():])
            role = item.role if item.role in ("link_only", "punct") else (
                "link_only" if item.text and _link_only(item.text, item.link_chars)
                else "list_item")
            return LineMarkup(item.text, role, item.link_chars, item.key, item.value,
                              "item_tag")
    role, syntax, rest = "prose", "", s
    m = _BULLET.match(s)
    glyphs = glyph_bullet(s) if m is None and not first.isalnum() else 0
    if m is not None:
        rest = s[m.end():]
        mark = m.group().strip()
        role, syntax = ("prose", "indent") if mark == ":" else ("list_item", "bullet")
    elif glyphs:
        rest, role, syntax = s[glyphs:], "list_item", "glyph_bullet"
    rest, chars = _unwrap_links(rest)
    text, more = plain_line(rest)
    chars += more
    if role == "list_item" and text and _link_only(text, chars):
        return LineMarkup(text, "link_only", chars, syntax=syntax)
    if not text:
        return LineMarkup("", "punct", chars, syntax=syntax)
    return _key_value(text, syntax, chars, role)

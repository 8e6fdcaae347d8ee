"""Split plain or Markdown-ish text into blocks with offsets into that text.

Paragraphs are separated by blank lines. Inside a paragraph, each line is its
own block when the lines look like a list, key/value card or separate short
lines; hard-wrapped prose (long lines continuing one another) stays one block.
"""

from __future__ import annotations

import itertools
import re

from .markdown import ANY_BULLET, LABEL_SEP, SEP_GATE
from .markdown import HEADING as _MD_HEADING
from .markdown import LIST_MARK as _LIST_MARK
from .markdown import QUOTE as _QUOTE
from .model import Block, BlockKind

#: list marks of plain-text layouts that are no Markdown (``>> item``, ``→ item``)
_TEXT_MARK = re.compile(r"^\s*(?:>{2,3}|[»→⇒➤►▶➜])\s+")
_PARA_SPLIT = re.compile(r"\n[ \t\r\f\v\u00a0]*\n")
_TERMINAL = frozenset(".!?…:;\"'”’»)")
#: ``Key : value`` / ``Key: value`` (a label of up to three words, then a colon)
#: ``: definition`` (a Markdown definition list's definition line, after its term)
_DEFINITION = re.compile(r"^\s{0,3}:[ \t]+\S")
_KEY_VALUE = re.compile(r"^\s*[^\W\d_][\w.'-]{0,24}(?: [^\W\d_][\w.'-]{0,24}){0,2} ?:\s")


def _line_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl == -1 else nl
        spans.append((pos, stop))
        pos = stop + 1
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


#: the largest share of a wrapped paragraph's lines (but its last) after which the next
#: line's first word would have fit (a width of the longest line): (numerator,
#: denominator); a wrap at a fixed width leaves none, slack for a long unbreakable word
WRAP_FIT_MAX_SHARE = (1, 4)
#: leading tags of any bracket syntax before a line's first word (``[*][url=..]``,
#: ``<li><a href=..>``, ``{{x}}``): markup, not the word a wrap would have moved
_LEAD_TAGS = re.compile(r"^(?:\[[^\[\]\s]{0,80}\]|\[/?[^\W\d_]{1,12}=[^\]\n]{0,80}\]"
                        r"|</?[A-Za-z][^<>\n]{0,80}>|\{\{[^{}\n]{0,80}\}\})+")


#: a tag of a bracket or angle syntax anywhere in a line that closes one (``[b]``,
#: ``[/url]``, ``[url=..]``, ``[*]``, ``<a href=..>``, ``</li>``)
_ANY_TAG = re.compile(r"\[/?(?:[A-Za-z][A-Za-z0-9]{0,11}(?:=[^\[\]\n]{0,200})?|\*)\]"
                      r"|</?[A-Za-z][A-Za-z0-9]{0,11}(?:[ \t][^<>\n]{0,200})?>")


def _visible(line: str) -> str:
    """A line without its tags when it closes one (``[/x]``, ``</x>``): what a wrap
    at a width of visible characters measured."""
    return _ANY_TAG.sub("", line) if "[/" in line or "</" in line else line


def _first_word(line: str) -> str:
    """The first word of a line after its leading tags (the whole line's first
    whitespace-separated token when the tags are all there is)."""
    rest = _LEAD_TAGS.sub("", line, count=1)
    words = rest.split() or line.split()
    return words[0]


def _is_hard_wrapped(lines: list[str]) -> bool:
    """Prose wrapped at a fixed width: most lines long, similar length, no list marks."""
    if len(lines) < 2:
        return False
    if any(_LIST_MARK.match(ln) or _MD_HEADING.match(ln) or _TEXT_MARK.match(ln)
           for ln in lines):
        return False
    # lines with a bullet of another glyph (``▸ item``) or ``Label ⟩ text`` lines (a
    # wire of sourced headlines under its header) are a list, not prose
    # (or a tag of any bracket syntax, ``[*]``, ``<li>``: an item's mark)
    if sum(1 for ln in lines if ANY_BULLET.match(ln) or (
            SEP_GATE.search(ln) and LABEL_SEP.match(ln))
            or (ln[:1] in "[<" and _LEAD_TAGS.match(ln))) * 2 >= len(lines):
        return False
    # a key/value card is lines, not prose: with a dotted value (``Name : Dr. A. Kohl``)
    # it looked hard-wrapped, stayed one block and the card was not recognized (and
    # cleaning the output again then removed it: not idempotent)
    if sum(1 for ln in lines if _KEY_VALUE.match(ln)) * 2 >= len(lines):
        return False
    longest = max(len(ln) for ln in lines)
    if longest < 40:
        return False
    body = lines[:-1]
    long_enough = sum(1 for ln in body if len(ln) >= 0.6 * longest)
    unterminated = sum(1 for ln in body if ln.rstrip()[-1:] not in _TERMINAL)
    if long_enough < 0.8 * len(body) or unterminated < 0.5 * len(body):
        return False
    # a wrapped line ends where the next word would not fit: the width is at least the
    # longest line, so a line followed by a word that fits beside it was broken by hand
    # (lines of any markup: a list of linked headlines, a card, a quoted digest)
    vis = [_visible(ln) for ln in lines]
    width = max(len(v) for v in vis)
    fits = sum(1 for ln, nxt in itertools.pairwise(vis)
               if nxt.split() and len(ln) + 1 + len(_first_word(nxt)) < width)
    return fits * WRAP_FIT_MAX_SHARE[1] <= len(body) * WRAP_FIT_MAX_SHARE[0]


def _line_kind(line: str, single: bool, markdown: bool) -> BlockKind:
    if _LIST_MARK.match(line):
        return "list_item"
    if _MD_HEADING.match(line) and markdown:
        return "heading"
    if _QUOTE.match(line) and markdown:
        return "quote"
    if single and _looks_heading(line):
        return "heading"
    return "paragraph" if single else "line"


def _looks_heading(line: str) -> bool:
    s = line.strip()
    words = s.split()
    if not words or len(words) > 20 or len(s) > 160:
        return False
    last = s[-1]
    # Headlines may end with "?" or "!", but not with a sentence full stop.
    return last not in ".;,:" or s.endswith("...")


def segment(text: str, *, markdown: bool = False) -> list[Block]:
    """Blocks covering the non-blank content of ``text``; offsets index ``text``."""
    blocks: list[Block] = []
    group = 0
    pos = 0
    paragraphs: list[tuple[int, int]] = []
    for m in _PARA_SPLIT.finditer(text):
        paragraphs.append((pos, m.start()))
        pos = m.end()
    paragraphs.append((pos, len(text)))
    for p_start, p_end in paragraphs:
        s, e = _trim(text, p_start, p_end)
        if s >= e:
            continue
        spans = [_trim(text, a, b) for a, b in _line_spans(text, s, e)]
        spans = [(a, b) for a, b in spans if a < b]
        lines = [text[a:b] for a, b in spans]
        if len(spans) == 1 or _is_hard_wrapped(lines):
            kind = _line_kind(text[s:e], True, markdown) if len(spans) == 1 else "paragraph"
            blocks.append(Block(len(blocks), s, e, kind, group, text[s:e]))
        else:
            k = 0
            while k < len(spans):
                (a, b), line = spans[k], lines[k]
                if markdown and k + 1 < len(spans) and _DEFINITION.match(lines[k + 1]) \
                        and not _DEFINITION.match(line) and not _LIST_MARK.match(line) \
                        and not _MD_HEADING.match(line):
                    # a definition list's term and its ``: definition`` line: one block
                    b = spans[k + 1][1]
                    blocks.append(Block(len(blocks), a, b, "line", group, text[a:b]))
                    k += 2
                    continue
                kind = _line_kind(line, False, markdown)
                blocks.append(Block(len(blocks), a, b, kind, group, line))
                k += 1
        group += 1
    return blocks

"""Block features of the boilerplate stage, computed once per document by pure functions.

:func:`block_features` looks at one block alone (plain text, length in words in any
script, terminal punctuation, title case, link density, contact data);
:func:`compute_features` adds what needs the whole page (a headline glued onto the
paragraph before it, vocabulary overlap with the article body, Latin-filler share,
a Latin line in a body written in another script). Rules (:mod:`.rules`) check these
features; the stage (:mod:`.stage`) only decides positions and scores.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..config import BoilerplateConfig
from ..lexicon import STOPWORDS, word_count, words
from ..markdown import LINK_DEFINITION, REF_LINK, plain_line
from ..model import Block
from ..normalize import word_key
from . import rules as R
from .linemarkup import LineMarkup, reduce_line

_ALL_STOPWORDS = frozenset().union(*STOPWORDS.values())
#: period-like ends of a sentence: Latin, full-width (CJK), and the full stops of other
#: scripts -- Devanagari/Bengali danda and double danda, Armenian verjaket, Arabic full
#: stop (Urdu), Arabic comma and semicolon, Ethiopic full stop, Myanmar and Khmer full
#: stops (without them no Bengali, Hindi or Armenian paragraph is prose)
_PERIOD_END = frozenset(".;,:。．；，：、"
                        "\u0964\u0965\u0589\u06d4\u060c\u061b\u1362\u104b\u17d4")
#: sentence-final marks other than the period: Latin and full-width (CJK) forms and the
#: Arabic question mark (the Greek one is a ';' after NFC)
_FINAL_MARKS = "!?…！？\u061f"
#: letters of the scripts written without spaces (Han, kana, Thai...): word_count counts
#: their characters, and the vocabulary overlap compares character bigrams
_UNSPACED_CHAR = re.compile("[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff"
                            "\u31c0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
                            "\uff66-\uff9f]")
_RAW_WORD = re.compile(r"[^\W_][\w'’&-]*")
#: list marks of plain-text layouts that :func:`cleaner.markdown.plain_line` leaves
#: (``>> item``, ``→ item``, ``» item``; a Markdown quote keeps its one ``>``)
_TEXT_MARK = re.compile(r"^(?:>{1,3}|[»→⇒➤►▶➜]+)\s+")
#: how plain-text layouts print a run of headlines on one line (``a | b``, ``a / b``,
#: ``a · b``, ``a — b``, ``a ~ b``, ``a; b``, ``a >> b``, two spaces): separators,
#: longest first
RUN_SEPARATORS = re.compile(r"\s+(?:\||/|·|•|—|–|~|>>|»)\s+|;\s+|\s{2,}")
#: words of each part of a run printed on one line (a headline's length)
RUN_PART_WORDS = (3, 20)
#: words of each part when a line has only two (a site name after a headline is shorter)
RUN_TWO_PART_WORDS = 5
_PERSONAL_CONTACTS = frozenset({"email", "phone", "date"})


@dataclass(slots=True)
class Feat:
    """Features of one block (computed once)."""

    text: str
    tokens: list[str]
    n: int
    terminal: bool
    title: bool
    norm: str
    link_density: float
    containers: frozenset[str]
    #: the block's kind (``paragraph``, ``heading``, ``list_item``...)
    kind: str = "paragraph"
    #: what the line's lightweight markup made it (text input, :mod:`.linemarkup`:
    #: ``heading``, ``list_item``, ``key_value``, ``link_only``, ``punct``, ``prose``)
    role: str = "prose"
    #: the key and value of a ``key_value`` line (:class:`.linemarkup.LineMarkup`), the
    #: key in words; the syntax that gave the role (``label_sep``, ``template``...)
    line_key: str | None = None
    line_value: str = ""
    syntax: str = ""
    #: one of >= 2 list items in a row that the headline model rates headlines (text
    #: input; ``BoilerplateStage._listed_headlines``): no article text for the end
    listed: bool = False
    #: kinds of contact data in the block (email, phone, date, handle, profile)
    contacts: frozenset[str] = frozenset()
    #: a text-input line of links whose shown texts each name the site of their profile
    #: URL, in any link syntax (:func:`linked_profile`), or a table row of a profile URL
    #: and its site's name (:func:`profile_cells`)
    profile_link: bool = False
    overlap: float = 1.0
    #: the words of the block without its teaser pieces (a flattened layout-table row's
    #: "Label: <headline>" paragraphs, ``rules.cell_teaser_headline``), None when it has
    #: none: a teaser's words are not the body's vocabulary (its copy after the article's
    #: end would be on-topic by them)
    own_tokens: list[str] | None = None
    headline: bool = False
    kv_key: str | None = None
    kv_value: str = ""
    prose: bool = False
    latin: float = 0.0
    #: the block ends with the next block's text (a glued headline), normalised
    glued: str = ""
    #: index of the block whose text this block ends with (the glued headline)
    glued_to: int = -1
    headline_prob: float = 0.0
    #: printed twice in a row (or the copy of the headline glued onto the block before)
    dup: bool = False
    #: a clickbait / SEO lexicon hit (headline-length blocks only)
    clickbait: bool = False
    #: "Headline | Site Name" shape (not a table row)
    pipe: bool = False
    #: Latin-script line in a body written in another script (Cyrillic, CJK, Greek...)
    foreign_script: bool = False
    fired: dict[str, float] = field(default_factory=dict)
    category: str | None = None
    #: the block came from text input (no markup): the one-line-run, echo and
    #: key/value-footer features are computed for these only (HTML has its boundaries)
    plain: bool = False
    #: a run of headlines printed on one line: its parts (``a | b | c``), else ()
    segments: tuple[str, ...] = ()
    #: a headline-length line printed again elsewhere on the page (not next to itself:
    #: as a part of a one-line run, or in a second list of the same run)
    echo: bool = False
    #: every line of the block is a Markdown link reference definition (``[r1]: URL
    #: "title"``): text input only; a rendered page shows none of it
    link_def: bool = False
    #: index of the header row of the CSV-like export this block is a row of (the header
    #: row included), else -1: text input only (:func:`_export_tables`)
    export: int = -1
    #: index of the block that opens the whole this block belongs to (a card with its
    #: header, a related section with its header, a bio with its "About NAME"), or -1;
    #: a whole's removed lines are reported as one finding
    group: int = -1
    #: the tail model removed the block: the features that raised its probability most
    model_top: tuple[str, ...] = ()

    @property
    def contact_block(self) -> bool:
        """Two kinds of contact data, one of them personal (e-mail, phone, birth date):
        a handle and a tweet link alone are an embedded post, not a card."""
        return len(self.contacts) >= 2 and bool(self.contacts & _PERSONAL_CONTACTS)
    score: float = 0.0


def _clean_text(block: Block) -> tuple[str, float, LineMarkup | None]:
    """Block text without Markdown/list syntax (:func:`cleaner.markdown.plain_line`),
    and the Markdown link density; a one-line block of text input without any
    lightweight markup (:func:`.linemarkup.reduce_line`), with its reading."""
    lm = None
    if block.markup is None and "\n" not in block.text:
        lm = reduce_line(block.text)
        text, link_chars = lm.text, lm.link_chars
    else:
        text, link_chars = plain_line(block.text)
    if text[:1] in ">»→⇒➤►▶➜":
        text = _TEXT_MARK.sub("", text)
    density = min(1.0, link_chars / len(text)) if text and link_chars else 0.0
    if lm is not None and lm.role == "link_only":
        density = 1.0  # one link, a source or a date beside it (``Source: [[headline]]``)
    return text, density, lm


#: the block kinds a line's markup role gives a text-input line the segmenter left a
#: ``line`` or ``paragraph`` (a bullet of another glyph, a wiki heading)
_ROLE_KIND = {"heading": "heading", "list_item": "list_item", "link_only": "list_item"}


#: a part of a run may end in an abbreviation's full stop ("... 800 M.P.H.", "U.S.")
_ABBREVIATION_END = re.compile(r"(?:^|\s)(?:[^\W\d_]\.){2,}$")


def run_parts(text: str, n: int) -> tuple[str, ...]:
    """The parts of a run of headlines printed on one line: one separator splits the
    line into >= 2 parts of headline length (:data:`RUN_PART_WORDS`), none ending like
    a sentence clause (``.``, ``,``, ``:``) but in an abbreviation (``U.S.``) or, among
    three or more, one part before the last ending in a full stop; else ()."""
    if n < 2 * RUN_PART_WORDS[0] or n > 150:
        return ()
    lo, hi = RUN_PART_WORDS
    best: tuple[str, ...] = ()
    for sep in dict.fromkeys(m.group().strip() or "  " for m in RUN_SEPARATORS.finditer(text)):
        if sep == "  ":
            parts = re.split(r"\s{2,}", text)
        elif sep == ";":
            parts = re.split(r";\s+", text)
        else:
            parts = re.split(r"\s+" + re.escape(sep) + r"\s+", text)
        parts = [p.strip() for p in parts]
        # two parts: both of a headline's length ("Headline | Site Name" is one headline)
        low = lo if len(parts) >= 3 else RUN_TWO_PART_WORDS
        clauses = [p for p in parts if p[-1:] in ".,:" and not _ABBREVIATION_END.search(p)]
        # (a news headline may end in a full stop: one such part among three or more,
        # not the last -- a line ending in a stop is a sentence)
        if len(parts) >= 2 and len(parts) > len(best) \
                and all(low <= len(p.split()) <= hi for p in parts) \
                and (not clauses or (len(parts) >= 3 and len(clauses) == 1
                                     and clauses[0].endswith(".")
                                     and clauses[0] is not parts[-1])):
            best = tuple(parts)
    return best


_ASCII_LOWER = re.compile("[a-z]")
_ASCII_UPPER = re.compile("[A-Z]")


def _title_case(text: str, tokens_raw: list[str], ratio: float) -> bool:
    """ALL CAPS, or at least ``ratio`` of the words with 4+ letters capitalised. Only
    letters with case count: a line in a caseless script (Thai, Han, Arabic) is neither."""
    if text.isascii():  # the cased letters are [A-Za-z]: the same test by regex
        if _ASCII_LOWER.search(text) is None and len(_ASCII_UPPER.findall(text)) >= 8:
            return True
    else:
        letters = [ch for ch in text if ch.isalpha() and (ch.isupper() or ch.islower())]
        if len(letters) >= 8 and all(not ch.islower() for ch in letters):
            return True
    long_words = [w for w in tokens_raw if len(w) >= 4 and w[0].isalpha()]
    if len(long_words) < 2:
        return False
    caps = sum(1 for w in long_words if w[0].isupper())
    return caps / len(long_words) >= ratio


#: roles of a text-input line (:mod:`.linemarkup`) that are no article text for the
#: article's end: a line that is one link, a key/value pair in a markup syntax
_NOT_TEXT_ROLES = frozenset({"link_only", "key_value"})


#: words of a short header over a block that is no article text (text input): it is
#: none either ("Find me here" over a profile line, "Weekend Reads" over a listed run)
HEADER_MAX_WORDS = 6


#: link density of an unterminated text-input line that is mostly link text in any
#: syntax (a linked headline with its source and date beside it): no article text
TEXT_LINK_DENSITY = 0.5
#: words of a text-input ``Key: value`` line whose value is contact data (an e-mail, a
#: phone, a date, a handle, a profile URL): a card's field, no article text
CONTACT_LINE_WORDS = 12


#: a run of this many list items in a row that each read ``Label: text`` (a label of
#: <= 4 words, an unterminated text of >= 3 words) is a wire of sourced items
LABELLED_RUN_MIN = 3


def _labelled_item(f: Feat) -> bool:
    if not f.plain or f.kind != "list_item" or f.terminal or ":" not in f.text:
        return False
    m = R.KV_LINE_RE.match(f.text)
    return m is not None and len(m.group("key").split()) <= 4 \
        and len(m.group("value").split()) >= 3


def _labelled_runs(feats: list[Feat], start: int) -> set[int]:
    """Indices from ``start`` on of the runs of >= :data:`LABELLED_RUN_MIN` list items
    that each read ``Label: text``, whatever their bullet or quote (text input)."""
    out: set[int] = set()
    k = start
    while k < len(feats):
        j = k
        while j < len(feats) and _labelled_item(feats[j]):
            j += 1
        if j - k >= LABELLED_RUN_MIN:
            out.update(range(k, j))
        k = max(j, k + 1)
    return out


def _tail_words(feats: list[Feat], i: int) -> int:
    """Words after block ``i`` that could be article text: cards, contact blocks, lines
    printed twice, lines in another script than the body, markup key/value and link
    lines (text input: a line mostly of link text, a short key/value line of contact
    data, a run of ``Label: text`` list items too) and the short headers over them do
    not count."""
    total = 0
    skip_next = False
    last = len(feats) - 1
    wire = _labelled_runs(feats, i + 1)
    for k in range(last, i, -1):  # backwards: a header sees what follows it
        g = feats[k]
        if k in wire or g.fired or g.contact_block or g.foreign_script or g.segments or g.echo \
                or g.link_def or g.export >= 0 or g.listed or g.role in _NOT_TEXT_ROLES \
                or (g.plain and g.link_density >= TEXT_LINK_DENSITY and not g.terminal) \
                or (g.plain and g.contacts and g.n <= CONTACT_LINE_WORDS
                    and R.kv_split(g.text) is not None) \
                or (g.plain and g.n <= 30 and R.KV_LINE_RE.match(g.text) is None
                    and R.kv_split(g.text) is not None) \
                or (g.norm and (feats[k - 1].norm == g.norm
                                or (k < last and feats[k + 1].norm == g.norm))):
            # (a key/value line of another syntax than ``Key: value``: a footer's)
            skip_next = True
            continue
        if skip_next and g.plain and g.n <= HEADER_MAX_WORDS and not g.terminal:
            continue  # (a header over a header too: "Partner Content" / "Wire")
        skip_next = False
        total += g.n
    return total


#: characters at or above U+0250 (beyond Latin Extended-B): removed, the text's Latin
#: letters are left
_NOT_LATIN = re.compile("[^\x00-\u024f]+")


def _latin_share(text: str) -> float:
    """Share of the letters (``str.isalpha``) below U+0250; 1.0 without letters. The
    letters are filtered in C, not by a loop over characters."""
    if text.isascii():
        return 1.0  # every ASCII letter is Latin (and no letters at all counts as 1.0)
    letters = "".join(filter(str.isalpha, text))
    if not letters:
        return 1.0
    return len(_NOT_LATIN.sub("", letters)) / len(letters)


def _stem(token: str) -> str:
    return token[:6]


def _content(tokens: list[str]) -> list[str]:
    """Content terms of a block for the vocabulary overlap: stems of the words of 3+
    letters that are not stopwords; a run of an unspaced script (one "word" to
    :func:`words`) gives its character bigrams instead."""
    if _UNSPACED_CHAR.search(" ".join(tokens)) is None:  # the common case: one pass
        return [t[:6] for t in tokens if len(t) >= 3 and t not in _ALL_STOPWORDS]  # _stem
    out: list[str] = []
    for t in tokens:
        if not t.isascii() and _UNSPACED_CHAR.search(t):
            out.extend(t[k : k + 2] for k in range(len(t) - 1))
        elif len(t) >= 3 and t not in _ALL_STOPWORDS:
            out.append(_stem(t))
    return out


#: bytes -> bytes keeping what ``\w`` matches in lower-cased ASCII (``a``-``z``, digits,
#: ``_``) and making every other byte a space
_KEY_BYTES = bytes(b if 0x61 <= b <= 0x7A or 0x30 <= b <= 0x39 or b == 0x5F else 0x20
                   for b in range(256))
#: a word character (``\w``) outside ASCII
_NON_ASCII_WORD = re.compile(r"[^\W\x00-\x7f]")


def _word_key(text: str) -> str:
    """:func:`cleaner.normalize.word_key` of a block's text. When its word characters are
    all ASCII (English with curly quotes and dashes too), by translating bytes: every
    other character separates words there, lower-cased or not (checked over every code
    point in the tests), and becomes ``?``, then a space."""
    if not text.isascii() and _NON_ASCII_WORD.search(text) is not None:
        return word_key(text)
    low = text.encode("ascii", "replace").lower().translate(_KEY_BYTES).decode("ascii")
    return " ".join(low.split())


_SELF_PROFILE = frozenset({"profile"})


#: a URL in a raw line of any markup (it ends at a space, a bracket, a quote or a pipe)
_RAW_URL = re.compile(r"(?:https?://|www\.)[^\s\[\]()<>\"'|]{1,300}")
#: what splits the shown texts of several links on one line
_LINK_TEXT_SPLIT = re.compile(r"\s*[|·•,/]\s*|\s{2,}")


def linked_profile(raw: str, shown: str) -> bool:
    """A line of any link syntax (the URL inside its markup, the text beside it) with a
    link whose shown text names the site of its profile URL (``[url=https://quora.com/
    profile/x]Quora[/url]``, ``[[https://x.itch.io][itch.io]]``, ``Quora <https://...>``):
    no syntax is parsed, the raw line's URLs are matched against the shown texts."""
    if "//" not in raw and "www." not in raw:
        return False
    names = [p for p in _LINK_TEXT_SPLIT.split(shown) if p]
    if not names or len(names) > 12:
        return False
    urls = [u.rstrip(".,;:") for u in _RAW_URL.findall(raw)]
    return bool(urls) and all(any(R.self_named_profile(name, url) for url in urls)
                              for name in names)


#: the most cells of a table row read as one profile (platform, URL, counts) and the
#: most words of each of its other cells
PROFILE_ROW_CELLS = 6
PROFILE_ROW_OTHER_WORDS = 3


def profile_cells(text: str) -> bool:
    """A table row of any syntax (cells split by ``|``) holding a profile URL and a cell
    that names its site (``| Quora | https://quora.com/profile/x | 1567 |``), its other
    cells short (a follower count, a handle)."""
    cells = [c.strip() for c in text.strip().strip("|").split("|")]
    cells = [c for c in cells if c]
    if not 2 <= len(cells) <= PROFILE_ROW_CELLS:
        return False
    for a in cells:
        for b in cells:
            if a is not b and R.self_named_profile(a, b):
                return all(len(c.split()) <= PROFILE_ROW_OTHER_WORDS
                           for c in cells if c is not a and c is not b)
    return False


def block_features(block: Block, cfg: BoilerplateConfig) -> Feat:
    """Features of one block (a pure function of the block and the configuration)."""
    text, md_density, lm = _clean_text(block)
    kind: str = block.kind
    if lm is not None and kind in ("line", "paragraph") and lm.role in _ROLE_KIND:
        kind = _ROLE_KIND[lm.role]
    # word count: exact (regex) for short blocks, whitespace split for long ones; in
    # the scripts written without spaces, characters converted to words (word_count)
    parts = text.split()
    raw = _RAW_WORD.findall(text) if len(parts) <= 60 else parts
    n = len(raw)
    if not text.isascii() and _UNSPACED_CHAR.search(text):
        n = max(n, word_count(text))
    tokens = words(text)
    stripped = text.rstrip(" \"'”’»)]*」』】")
    last = stripped[-1:] if stripped else ""
    terminal = last in _PERIOD_END or last in _FINAL_MARKS or stripped.endswith("...")
    markup = block.markup
    density = markup.link_density if markup is not None else 0.0
    contacts = R.contact_kinds(text)
    if lm is not None and lm.key and R.self_named_profile(lm.key, lm.value):
        contacts |= _SELF_PROFILE  # a profile on the site its key names (any platform)
    profile_link = lm is not None and (
        (lm.link_chars > 0 and linked_profile(block.text, text))
        or (text.count("|") >= 2 and profile_cells(text)))
    if profile_link:
        contacts |= _SELF_PROFILE  # links whose shown texts name their profiles' sites
    return Feat(
        text=text,
        tokens=tokens,
        n=n,
        terminal=terminal,
        title=n <= cfg.headline_words[1]
        and _title_case(text, raw, cfg.title_case_ratio),
        norm=_word_key(text),
        link_density=max(density, md_density),
        containers=frozenset(markup.containers) if markup is not None else frozenset(),
        kind=kind,
        role=lm.role if lm is not None else "prose",
        line_key=lm.key if lm is not None else None,
        line_value=lm.value if lm is not None else "",
        syntax=lm.syntax if lm is not None else "",
        contacts=contacts,
        profile_link=profile_link,
        clickbait=n <= cfg.headline_words[1] and R.clickbait(text),
        pipe=" | " in text and block.kind != "table_row",
        plain=markup is None,
        segments=run_parts(text, n) if markup is None and block.kind != "table_row" else (),
        link_def=markup is None and "]:" in block.text and all(
            LINK_DEFINITION.match(line) is not None
            for line in block.text.splitlines() if line.strip()),
    )


#: what may stand between a paragraph's own last sentence and a headline glued onto it:
#: spaces, closing quotes and brackets, and a glyph that marks the glued piece (an arrow,
#: a pictograph, an emoji: :data:`rules.SENTENCE_END_RE`)
_HEAD_TRAIL = re.compile("[\\s\"'”’»)\\]*」』\u2190-\u21ff\u2600-\u27bf\u2b00-\u2bff"
                         "\U0001f300-\U0001faff\ufe0f\u200d]+$")


def _head_terminal(head: str) -> bool:
    """The text before a glued piece ends like a sentence."""
    head = _HEAD_TRAIL.sub("", head)
    return head[-1:] in _PERIOD_END or head[-1:] in _FINAL_MARKS


def _glued_title(f: Feat, cfg: BoilerplateConfig) -> None:
    """A paragraph whose last "sentence" is an unterminated title-case line after a
    terminated one (a headline glued on, its copy gone with the dropped related block):
    judge the paragraph by the sentence before it. Whether the line is spam is decided
    later, at sentence level (model, lexicon, off-topic)."""
    if len(f.text) > 4000:
        return
    cuts = [m for m in R.SENTENCE_END_RE.finditer(f.text)]
    if not cuts:
        return
    last = f.text[cuts[-1].end():]
    n_last = len(last.split())
    if not 4 <= n_last <= cfg.glued_max_words or not _title_case(
        last, _RAW_WORD.findall(last), cfg.title_case_ratio
    ):
        return
    f.terminal = _head_terminal(f.text[: cuts[-1].start()])


def _glued_copy(f: Feat, later: list[str], cfg: BoilerplateConfig) -> None:
    """A paragraph whose last "sentence" (unterminated, after a terminated one) is
    printed again inside a later block ("... season. 8 things you need to know" and,
    further down, "- [8 things you need to know][r1] — 18 Nov 2026"): a headline glued
    on in any case; judge the paragraph by the sentence before it."""
    if len(f.text) > 4000 or not later:
        return
    cuts = list(R.SENTENCE_END_RE.finditer(f.text))
    if not cuts:
        return
    last = f.text[cuts[-1].end():]
    if not 4 <= len(last.split()) <= cfg.glued_max_words:
        return
    key = f" {word_key(last)} "
    if len(key.split()) >= 4 and any(key in t for t in later):
        f.terminal = _head_terminal(f.text[: cuts[-1].start()])


#: a run header glued before the glued headlines ("... season. More For You: a b"):
#: up to 6 words ending in a colon, after the paragraph's last sentence mark
_GLUED_HEADER = re.compile(r"(?:^|(?<=[.!?…。！？\u0964]\s))[^.!?…。！？\u0964:\n]{1,60}:\s*$")


def glued_part(text: str, nxt: Feat) -> str | None:
    """The first headline of the one-line run ``nxt`` (its header, "More: ", left off),
    or its first two or three headlines one after the other, when ``text`` ends with
    them (glued on), with a run header glued before them ("More For You: a b"); else
    None."""
    if not nxt.segments:
        return None
    segs = nxt.segments
    for k in range(min(3, len(segs)), 0, -1):  # the longest glued sequence first
        first = " ".join(segs[:k])
        unheaded = " ".join((segs[0].split(": ", 1)[-1], *segs[1:k]))
        for cand in dict.fromkeys((first, unheaded)):
            words_ = len(cand.split())
            if 3 <= words_ <= RUN_PART_WORDS[1] * k and len(text) > len(cand) + 1 \
                    and text.endswith(cand) \
                    and text[-len(cand) - 1].isspace():
                head = _GLUED_HEADER.search(text[: len(text) - len(cand)])
                if head is not None and len(head.group().split()) <= 6 \
                        and head.start() > 0:
                    return text[head.start():]
                return cand
    return None


def _vocabulary(feats: list[Feat], cfg: BoilerplateConfig) -> None:
    """Overlap of each block's content words with the rest of the article body."""
    lo = cfg.headline_words[0]
    for i, f in enumerate(feats):
        # the headline may follow a section header or its own image caption
        for j in range(i + 1, min(len(feats), i + 4)):
            nxt = feats[j]
            if lo <= nxt.n <= cfg.glued_max_words and nxt.norm and f.n > nxt.n \
                    and f.norm.endswith(" " + nxt.norm):
                f.glued = nxt.norm
                f.glued_to = j
                if f.text.endswith(nxt.text):
                    # judge the paragraph by its own last sentence, not the headline
                    f.terminal = _head_terminal(f.text[: len(f.text) - len(nxt.text)])
                break
            # the first part of a run printed on one line ("More: a; b; c")
            text = glued_part(f.text, nxt)
            if text is not None:
                f.glued = word_key(text)
                f.glued_to = j
                f.terminal = _head_terminal(f.text[: len(f.text) - len(text)])
                break
    later: list[str] = []  # the normalised blocks after each one, built backwards
    for k in range(len(feats) - 1, -1, -1):
        f = feats[k]
        if not f.terminal and not f.glued and f.n >= cfg.prose_min_words:
            _glued_title(f, cfg)
            if not f.terminal:
                _glued_copy(f, later, cfg)
        if f.norm:
            later.append(f" {f.norm} ")
    content = [_block_content(f) for f in feats]
    # (a run printed on one line is no prose, whatever its last headline ends with)
    prose_idx = [i for i, f in enumerate(feats)
                 if f.n >= cfg.prose_min_words and f.terminal and not f.segments]
    source = prose_idx or list(range(len(feats)))
    body_latin = sum(_latin_share(feats[i].text) * feats[i].n for i in source) / max(
        1, sum(feats[i].n for i in source))
    if body_latin < 0.3:
        for f in feats:
            f.foreign_script = f.n >= 3 and _latin_share(f.text) > 0.9
    _overlaps(feats, content, source)
    for i, f in enumerate(feats):
        if content[i]:  # (a block without content terms keeps latin 0.0)
            f.latin = latin_words(f.tokens)


#: the Latin words that are not also words of other languages (``LATIN_AMBIGUOUS``)
_LATIN_ONLY = R.LATIN_WORDS - R.LATIN_AMBIGUOUS


def latin_words(tokens: list[str]) -> float:
    """Share of Latin filler words among the tokens that are not ambiguous (0.0 without
    such tokens). Without a Latin-only word the share is 0.0: one C pass
    (``isdisjoint``) says so for all but ~0.5% of the blocks, before the two passes."""
    if _LATIN_ONLY.isdisjoint(tokens):
        return 0.0
    meaningful = [t for t in tokens if t not in R.LATIN_AMBIGUOUS]
    if not meaningful:
        return 0.0
    return len([t for t in meaningful if t in R.LATIN_WORDS]) / len(meaningful)


def _cell_teaser_words(block: Block, f: Feat) -> None:
    """``f.own_tokens``: the row's words without its teaser pieces, when it has any."""
    spans = [(a, b) for a, b in block.pieces[1:]
             if R.cell_teaser_headline(block.text[a:b]) is not None]
    if not spans:
        return
    keep, pos = [], 0
    for a, b in spans:
        keep.append(block.text[pos:a])
        pos = b
    keep.append(block.text[pos:])
    f.own_tokens = words(" ".join(keep))


def _block_content(f: Feat) -> list[str]:
    """A block's content terms, without the headline glued onto its end (nor a flattened
    row's teaser pieces)."""
    toks = f.tokens if f.own_tokens is None else f.own_tokens
    if f.glued:
        toks = toks[: len(toks) - len(words(f.glued))]
    return _content(toks)


def _overlaps(feats: list[Feat], content: list[list[str]], source: list[int]) -> None:
    """Each block's overlap: the share of its content terms found in the body blocks
    ``source`` (a body block's own terms not counted)."""
    body: Counter[str] = Counter()
    for i in source:
        body.update(content[i])
    in_body = set(source)
    for i, f in enumerate(feats):
        toks = content[i]
        if not toks:
            f.overlap = 1.0
            continue
        if i in in_body:  # a term counts when another body block holds it too
            hits = sum(c for t, c in Counter(toks).items() if body[t] > c)
        else:  # (``body`` holds positive counts only)
            hits = len([t for t in toks if t in body])
        f.overlap = hits / len(toks)


def rebase_overlaps(feats: list[Feat], source: list[int]) -> None:
    """Recompute every block's overlap against the body blocks ``source`` (once the
    article's end is known on a page with no prose block, whose overlaps were taken
    against every block, the tail's included)."""
    _overlaps(feats, [_block_content(f) for f in feats], source)



def _duplicates(feats: list[Feat], cfg: BoilerplateConfig) -> None:
    lo = cfg.headline_words[0]
    for i, f in enumerate(feats):
        f.dup = f.n >= lo and f.norm != "" and (
            (i > 0 and feats[i - 1].norm == f.norm)
            or (i > 0 and feats[i - 1].glued == f.norm)
            or (i + 1 < len(feats) and feats[i + 1].norm == f.norm)
        )


#: a score or a range of two numbers ("3-2", "1:4", "10–12")
_SCORE_RE = re.compile(r"(?<![\w.])\d{1,3} ?[-:–] ?\d{1,3}(?![\w.])")


def _echoes(feats: list[Feat], cfg: BoilerplateConfig) -> None:
    """Headline-length lines printed again away from themselves: as a part of a run on
    one line, or twice on the page not side by side (a run printed as two lists)."""
    lo, hi = cfg.headline_words
    # (the first part may carry the run's header: "More: a; b")
    parts = {word_key(q) for f in feats for p in f.segments for q in (p, p.split(": ", 1)[-1])}
    seen = Counter(f.norm for f in feats if lo <= f.n <= hi and f.norm)
    for f in feats:
        # three words of letters: a date or a score printed twice is no headline (nor a
        # result line, "Castlegate 1-4 Northfield Athletic": a table printed twice)
        if f.plain and lo <= f.n <= hi and f.norm and not f.segments \
                and sum(1 for t in f.tokens if t.isalpha()) >= 3 \
                and not _SCORE_RE.search(f.text):
            f.echo = f.norm in parts or (seen[f.norm] >= 2 and not f.dup)


def _definition_echoes(blocks: list[Block], feats: list[Feat]) -> None:
    """A Markdown item whose reference-style link text is the title of a link
    definition (``- [Headline][r1] — 19 Nov`` ... ``[r1]: https://... "Headline"``)
    prints that headline twice: it is an echo (not article text for the article's
    end), like a headline printed again in a second list."""
    titles = set()
    for b, f in zip(blocks, feats, strict=True):
        if f.link_def:
            for line in b.text.splitlines():
                m = LINK_DEFINITION.match(line)
                title = next((g for g in m.groups() if g), "") if m is not None else ""
                if title:
                    titles.add(word_key(title))
    if not titles:
        return
    for b, f in zip(blocks, feats, strict=True):
        if f.plain and not f.link_def and "][" in b.text and any(
                word_key(m.group(1)) in titles for m in REF_LINK.finditer(b.text)):
            f.echo = True


#: the header row of a CSV-like export: 2-8 field names (lower-case words or
#: ``snake_case``) joined by one delimiter (``title,url,published``, ``source;headline``)
_EXPORT_HEADER = re.compile(
    r"^(?:[a-z][a-z_]{0,23}(?P<d>[,;\t|])){1,7}[a-z][a-z_]{0,23}$")
#: rows of an export are this long at most (a paragraph with commas is none)
EXPORT_ROW_MAX_WORDS = 40


def export_fields(line: str, delim: str) -> int:
    """Fields of one CSV-like row split at ``delim``: a field that opens with a quote
    runs to a quote followed by the delimiter or the line's end (quotes inside it need no
    escaping: scraped exports seldom escape them); 0 when such a field never closes."""
    count, i, size = 1, 0, len(line)
    while i < size:
        if line[i] == '"' and (i == 0 or line[i - 1] == delim):
            close = line.find('"' + delim, i + 1)
            if close < 0:
                return count if line.endswith('"') and size - i >= 2 else 0
            i = close + 1
            continue
        if line[i] == delim:
            count += 1
        i += 1
    return count


def _export_tables(feats: list[Feat]) -> None:
    """CSV-like exports in text input: a header row of field names and the rows after
    it that split into as many fields at the same delimiter (>= 1 row). Each block of
    the table gets the header row's index (:attr:`Feat.export`)."""
    i = 0
    while i < len(feats):
        f = feats[i]
        if f.plain and "\n" in f.text:  # the whole table in one block (it looked wrapped)
            lines = f.text.splitlines()
            m = _EXPORT_HEADER.match(lines[0])
            if m is not None:
                width = export_fields(lines[0], m.group("d"))
                if all(len(ln.split()) <= EXPORT_ROW_MAX_WORDS
                       and export_fields(ln, m.group("d")) == width for ln in lines[1:]):
                    f.export = i
            i += 1
            continue
        m = _EXPORT_HEADER.match(f.text) if f.plain else None
        if m is None:
            i += 1
            continue
        delim = m.group("d")
        width = export_fields(f.text, delim)
        k = i + 1
        while k < len(feats) and feats[k].plain and feats[k].n <= EXPORT_ROW_MAX_WORDS \
                and "\n" not in feats[k].text and export_fields(feats[k].text, delim) == width \
                and _EXPORT_HEADER.match(feats[k].text) is None:
            k += 1
        if k > i + 1:
            for j in range(i, k):
                feats[j].export = i
        i = max(k, i + 1)


def compute_features(blocks: list[Block], cfg: BoilerplateConfig) -> list[Feat]:
    """Block features, computed once per document: shape, link density, contact data,
    glued headlines, repeats, vocabulary overlap with the body, Latin share, script."""
    feats = [block_features(b, cfg) for b in blocks]
    for b, f in zip(blocks, feats, strict=True):
        if b.pieces:
            _cell_teaser_words(b, f)
    _vocabulary(feats, cfg)
    _duplicates(feats, cfg)
    _echoes(feats, cfg)
    _definition_echoes(blocks, feats)
    _export_tables(feats)
    return feats

"""Small word lists shared by stages: the commonest function words per language.

Used for the stopword-ratio quality signal, for a cheap "is this block in the
page's language" screen before langdetect, and by the boilerplate stage.

:func:`word_count` is the one length measure of the project (quality thresholds,
report word counts, boilerplate features): words between spaces, except in
scripts written without spaces between words (Chinese, Japanese, Thai, Lao,
Khmer, Myanmar), where characters are counted and converted to word
equivalents by :data:`CHARS_PER_WORD`. Korean separates its words with spaces
and is counted by spaces.
"""

from __future__ import annotations

import importlib
import re
import sys
from typing import Any

STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "a about after all also an and any are as at be because been but by can could did do "
        "does for from had has have he her his how i if in into is it its just more most my no "
        "not of on one only or other our out over she so some such than that the their them "
        "then there these they this those to up was we were what when which while who will "
        "with would you your".split()
    ),
    "de": frozenset(
        "aber als am an auch auf aus bei bin bis das dass dem den der des die doch du durch ein "
        "eine einem einen einer es für hat hatte ich ihr im in ist ja kann mit nach nicht noch "
        "nur oder sich sie sind so über um und uns von vor war was wenn werden wie wir wird zu "
        "zum zur".split()
    ),
    "fr": frozenset(
        "à au aux avec ce ces c'est dans de des du elle en est et été il ils je la le les leur "
        "lui mais me même mes moi mon ne nous on ont ou où par pas plus pour qu que qui sa sans "
        "se ses son sont sur ta te tes toi ton tu un une vos votre vous y".split()
    ),
    "es": frozenset(
        "a al como con de del el ella en era es esta este fue ha han hay la las le lo los más "
        "me mi muy no nos o para pero por que se sin sobre son su sus también te tiene un una "
        "uno y ya".split()
    ),
    "it": frozenset(
        "a al alla anche che chi ci come con da dal dalla degli dei del della di e è gli ha "
        "hanno i il in io la le lo ma mi nel nella non per più quella quello questa questo se "
        "si sono su sua suo tra un una uno".split()
    ),
    "nl": frozenset(
        "aan al als bij dan dat de der die dit door een en er geen had heb heeft het hij hoe "
        "ik in is je kan maar met mij naar niet nog of om ons ook op over te tot uit van voor "
        "was wat we wel werd wie wij worden zal ze zich zijn zo".split()
    ),
    "pt": frozenset(
        "a ao aos as com como da das de do dos e é ela ele em entre era essa esse está foi há "
        "isso já mais mas me muito na não nas no nos o os ou para pela pelo por que se sem "
        "seu sua são também um uma".split()
    ),
}

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


#: the only characters whose lower-casing depends on context (final sigma) or changes the
#: length (dotted capital I): with them the words are lower-cased one by one
_CONTEXT_CASED = re.compile("[\u03a3\u0130]")


#: :data:`_WORD` on lower-cased text whose letters are all ASCII (``[a-z]``), with ``’``
#: replaced by ``'``
_ASCII_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
#: what :data:`_WORD` counts as a letter, outside ASCII
_NON_ASCII_LETTER = re.compile(r"[^\W\d_\x00-\x7f]")


#: bytes -> bytes table keeping ``a``-``z`` and ``'`` and making every other byte a space
_SEPARATORS = bytes(b if 0x61 <= b <= 0x7A or b == 0x27 else 0x20 for b in range(256))


#: an apostrophe that does not join two letters into one word of :data:`_ASCII_WORD`: no
#: letter before it, no letter after it, or a second apostrophe later in the same run
_LOOSE_APOSTROPHE = re.compile(r"'(?:(?<![a-z]')|(?![a-z])|[a-z]*')")


def _ascii_words(low: str) -> list[str]:
    """``_ASCII_WORD.findall(low)``, by splitting instead of matching word by word.

    Every character but ``a``-``z`` and ``'`` separates words (a non-ASCII one too: it
    becomes ``?``, then a space), so the words are the space-separated runs: a run is one
    match when its only apostrophe sits between two letters (``it's``); a run with a loose
    one (``'tis``, ``rock'n'roll``) is matched by :data:`_ASCII_WORD` itself. No match
    crosses a space, so run by run is the whole text's findall."""
    s = low.encode("ascii", "replace").translate(_SEPARATORS).decode("ascii")
    apostrophes = s.count("'")
    if not apostrophes:
        return s.split()
    if apostrophes * 32 > len(s):  # apostrophe-dense (hostile) text: one regex pass is cheaper
        return _ASCII_WORD.findall(s)
    out: list[str] = []
    pos = 0
    for m in _LOOSE_APOSTROPHE.finditer(s):
        q = m.start()
        if q < pos:  # in a run already matched
            continue
        start = s.rfind(" ", pos, q) + 1
        end = s.find(" ", q)
        if end < 0:
            end = len(s)
        out += s[pos:start].split()
        out += _ASCII_WORD.findall(s, start, end)
        pos = end
    out += s[pos:].split()
    return out


def words(text: str) -> list[str]:
    """Lower-cased letter words (apostrophes kept inside words)."""
    if text.isascii():  # the same words, found by a plain character class
        return _ascii_words(text.lower())
    if not _NON_ASCII_LETTER.search(text):
        # English with curly quotes and dashes: its non-ASCII characters separate words
        # (or are the ’ apostrophe), so the plain character class finds the same words
        return _ascii_words(text.lower().replace("’", "'"))
    if _CONTEXT_CASED.search(text):
        return [w.lower().replace("’", "'") for w in _WORD.findall(text)]
    # lower-casing every other character maps a letter to one letter, so lower-casing
    # the text first finds the same words (checked over every code point in the tests)
    return _WORD.findall(text.lower().replace("’", "'"))


#: Characters of an unspaced script that count as one word. A convention chosen so that
#: ``min_words`` asks for about as much text in every script: an English word is about
#: two Chinese or Japanese characters in translation (Han ideographs and kana), a Thai
#: (Lao, Khmer, Myanmar) word about four code points (letters plus vowel and tone marks).
#: It is a length measure, not a segmentation: no dictionary, no download.
CHARS_PER_WORD: dict[str, float] = {"cjk": 2.0, "southeast_asian": 4.0}

_SCRIPT_CHARS = {
    # kana, CJK strokes, katakana extensions, Han (ext. A, unified, compatibility, ext. B-H)
    "cjk": "\u3040-\u30ff\u31c0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\uff66-\uff9f\U00020000-\U0003134f",
    # Thai, Lao, Myanmar, Khmer
    "southeast_asian": "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff",
}
_SCRIPT_RE = {name: re.compile(f"[{chars}]") for name, chars in _SCRIPT_CHARS.items()}
#: what is not a spaced word: unspaced letters, CJK punctuation and full-width punctuation
_UNSPACED = re.compile(
    "[" + "".join(_SCRIPT_CHARS.values())
    + "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]+"
)


def _high_bytes(pattern: re.Pattern[str]) -> bytes:
    """Every byte but the high bytes (UTF-16) of the code units a character of the class
    ``pattern`` (``[...]+``, literals and ranges) can have; a character past U+FFFF has a
    surrogate pair, whose high bytes are 0xD8-0xDF."""
    parser: Any = importlib.import_module("re._parser" if sys.version_info >= (3, 11)
                                          else "sre_parse")
    ((_, (_, _, body)),) = list(parser.parse(pattern.pattern))
    ((_, members),) = list(body)
    high: set[int] = set()
    for op, av in members:
        lo, hi = (av, av) if op is parser.LITERAL else av
        if hi > 0xFFFF:
            high.update(range(0xD8, 0xE0))
            hi = min(hi, 0xFFFF)
        if lo <= hi:
            high.update(range(lo >> 8, (hi >> 8) + 1))
    return bytes(b for b in range(256) if b not in high)


#: the bytes :func:`has_unspaced` deletes from the high bytes of a text's UTF-16 code units
_NOT_UNSPACED_HIGH = _high_bytes(_UNSPACED)


def has_unspaced(text: str) -> bool:
    """Whether ``text`` holds a character of :data:`_UNSPACED` (an unspaced-script letter,
    CJK or full-width punctuation). Without one, :func:`word_count` is
    ``len(text.split())``, :func:`unspaced_share` is 0 and :func:`spaced_tokens` keeps
    every token of :func:`words` (lower-casing maps no character into those ranges).

    The class has many ranges, so its regex scan costs ~10 ns a character; first, three
    C passes (UTF-16 encoding, every second byte, deleting bytes) say whether any code
    unit has the high byte of one of its characters (English with curly quotes has none:
    U+2019 is 0x20): only then is the regex asked."""
    if text.isascii():
        return False
    if not text.encode("utf-16-le", "surrogatepass")[1::2].translate(None, _NOT_UNSPACED_HIGH):
        return False
    return _UNSPACED.search(text) is not None


def word_count(text: str) -> int:
    """Length of ``text`` in words, in any script.

    Whitespace-separated tokens (as ``len(text.split())``) plus, for the scripts
    written without spaces, their characters divided by :data:`CHARS_PER_WORD`
    (rounded to the nearest word). ``"The 東京都 office"`` is 2 + 3/2 -> 4 words.
    """
    if not has_unspaced(text):
        return len(text.split())
    units = len(_UNSPACED.sub(" ", text).split())
    extra = sum(
        len(rx.findall(text)) / CHARS_PER_WORD[name] for name, rx in _SCRIPT_RE.items()
    )
    return units + int(extra + 0.5)


def unspaced_share(text: str, total: int | None = None) -> float:
    """Share of :func:`word_count` that comes from unspaced scripts (0 for English,
    about 1 for a Japanese article); signals that assume spaces (mean word length)
    do not apply when it is high. ``total`` is ``word_count(text)`` when the caller
    has it."""
    if total is None:
        total = word_count(text)
    if not total:
        return 0.0
    spaced = len(_UNSPACED.sub(" ", text).split()) if not text.isascii() else total
    return max(0.0, (total - spaced) / total)


def spaced_tokens(tokens: list[str]) -> list[str]:
    """The tokens of :func:`words` that hold no unspaced-script letter (a Japanese
    sentence is one long "word" to :func:`words`)."""
    return [t for t in tokens if t.isascii() or not _UNSPACED.search(t)]


def stopword_ratio(tokens: list[str], lang: str | None) -> float:
    """Share of ``tokens`` that are stopwords of ``lang`` (0 when unknown)."""
    if not tokens or not lang or lang not in STOPWORDS:
        return 0.0
    return sum(map(STOPWORDS[lang].__contains__, tokens)) / len(tokens)


#: each stopword -> the indices (in :data:`STOPWORDS` order) of the languages that have it
_LANGUAGES_OF: dict[str, tuple[int, ...]] = {}
for _i, _words in enumerate(STOPWORDS.values()):
    for _w in _words:
        _LANGUAGES_OF[_w] = (*_LANGUAGES_OF.get(_w, ()), _i)


def best_stopword_language(tokens: list[str]) -> tuple[str | None, float]:
    """The language whose stopwords cover most of ``tokens``, with that ratio (the first
    in :data:`STOPWORDS` order on a tie). Every language's count comes from one pass over
    the tokens' stopwords; each ratio is ``count / len(tokens)`` as in
    :func:`stopword_ratio`."""
    best: tuple[str | None, float] = (None, 0.0)
    if not tokens:
        return best
    counts = [0] * len(STOPWORDS)
    for hit in filter(None, map(_LANGUAGES_OF.get, tokens)):
        for i in hit:
            counts[i] += 1
    n = len(tokens)
    for lang, count in zip(STOPWORDS, counts, strict=True):
        r = count / n
        if r > best[1]:
            best = (lang, r)
    return best

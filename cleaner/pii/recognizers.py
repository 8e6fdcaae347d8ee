"""presidio recognizers built from the registry's data.

:class:`SpecRecognizer` runs a spec's regexes, validates and scores each
match, and raises the score when a context word of the recognizer's language
(or English) sits right before or after the match. Context is checked on
characters, not on spaCy lemmas, because the stage runs presidio with its
no-op NLP engine (nothing to download, nothing to tokenize).

:class:`PhoneSpecRecognizer` finds phone-shaped digit runs and checks them
with ``phonenumbers`` for the regions of the language. :class:`WrappedRecognizer`
runs one of presidio's predefined recognizers (credit card, IBAN, IP, crypto,
national IDs, each with its own checksum) with our context words.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import Any

from presidio_analyzer import EntityRecognizer, RecognizerRegistry, RecognizerResult

from ..regex_gate import gated
from .registry import (
    CONTACT_LINE,
    CONTEXT_AFTER,
    CONTEXT_WINDOW,
    LABEL_START,
    LANGUAGES,
    MONTH_SET,
    NON_PERSONAL_PATHS,
    STREET_PREFIXES,
    STREET_TAILS,
    RecognizerSpec,
)

# -- offline domain check ---------------------------------------------------------------


@lru_cache(maxsize=1)
def offline_tldextract() -> Any:
    """A tldextract that never fetches: no suffix-list URLs, bundled snapshot, no cache dir.

    presidio's own ``EmailRecognizer`` calls ``tldextract.extract``, whose default
    instance downloads the Public Suffix List on first use.
    """
    import tldextract

    return tldextract.TLDExtract(
        suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True
    )


def _email_domain(value: str) -> bool:
    return _known_suffix(value.rpartition("@")[2].lower())


@lru_cache(maxsize=4096)
def _known_suffix(domain: str) -> bool:
    parts = offline_tldextract()(domain)
    return bool(parts.suffix) and bool(parts.domain)


_NON_PERSONAL = frozenset(NON_PERSONAL_PATHS)


def _profile_url(value: str) -> bool:
    host = re.match(r"(?:https?://)?([^/]+)", value)
    if host and host.group(1).lower().endswith(".wordpress.com"):
        return host.group(1).lower().split(".")[0] not in ("www", "public-api", "wordpress")
    path = re.split(r"\.(?:com|net|me|tv|app|social)/", value, maxsplit=1)[-1]
    first = path.strip("/").split("/")[0].lstrip("@").lower()
    return bool(first) and first not in _NON_PERSONAL


#: ``@word`` tokens of code and markup (CSS at-rules, decorators, doc tags, Turtle, JSON-LD)
CODE_AT_WORDS = frozenset(
    "prefix base type context id graph vocab value media import charset font-face keyframes "
    "supports namespace page layer container mentions mention concurrent param params return "
    "returns override property interface implementation end synthesize protocol author since "
    "deprecated see throws exception example link inheritdoc todo fixme app component "
    "injectable input output observable staticmethod classmethod dataclass pytest test "
    "everyone here channel all mixin include extend use forward apply tailwind".split()
)


def _handle(value: str) -> bool:
    name = value.lstrip("@")
    if name.lower() in CODE_AT_WORDS:
        return False
    return len(name) >= 2 and not name.isdigit() and not name.lower().endswith((".com", ".org"))


_ROLE_WORDS = frozenset(
    "the a an and our this staff team editor editors editorial newsroom redaktion rédaction "
    "redacción redazione redactie unknown anonymous anonym anonyme anónimo anonimo "
    "by par por door av written posted reply about".split()
)


def _username(value: str) -> bool:
    return 2 <= len(value) <= 40 and value.lower() not in _ROLE_WORDS and not value.isdigit()


#: words that make a capitalised phrase an organisation or a thing, not a person
ORG_WORDS = frozenset(
    "clinic center centre centers centres institute university college school academy "
    "hospital collective district dental company corporation corp inc inc. ltd ltd. llc "
    "gmbh ag sa s.a. srl bv b.v. group foundation association society council ministry "
    "department office agency bank church library museum gallery theatre theater "
    "media news network services service solutions systems technologies "
    "technology partners capital hotel restaurant cafe bar shop store market club team "
    "lab labs loop load capacity power source range weight speed price moving movers lines "
    "states kingdom republic union interface wired wireless usb storage showroom "
    "headquarters hq plaza consulate embassy division administration bureau authority "
    "commission office offices".split()
)


def _person_label(value: str) -> bool:
    words = value.split()
    if not words or words[0].lower() in _ROLE_WORDS or len(value) > 80:
        return False
    lowered = [w.lower().strip(",.") for w in words]
    if any(w in ORG_WORDS for w in lowered):
        return False
    # an all-capitals phrase is a heading or a table header, not a name
    return not all(w.isupper() and len(w) > 2 for w in words if w.isalpha())


_LETTERS = re.compile(r"[^\W\d_]+")


def _date(value: str) -> bool:
    """Numeric dates pass; a date with words needs one of them to be a month."""
    words = [w.lower() for w in _LETTERS.findall(value.replace("年", " ").replace("月", " ")
                                                  .replace("日", " "))
             if w.lower() not in ("de", "st", "nd", "rd", "th")]
    return all(w in MONTH_SET for w in words) and (not words or len(words) == 1)


def _has_digit(value: str) -> bool:
    return any(ch.isdigit() for ch in value)


_STREET_PREFIX = frozenset(w.lower() for w in STREET_PREFIXES)
_STREET_PARTICLES = frozenset("de du des la le l d del della delle dei di da do dos das".split())
# (the look-behind lets a search try each word once, not each of its letters: linear on a
# long run of letters)
_STREET_TAIL = re.compile(
    r"(?i:(?<![^\W\d_])[^\W\d_]{3,}(?:" + "|".join(map(re.escape, STREET_TAILS)) + r"))\b")


def _address_value(value: str) -> bool:
    """A labelled address value: it has a house or postcode number, or it is a street
    without one ("chemin de Da Silva, Barondan", "Rua Augusta, Lisboa")."""
    if _has_digit(value):
        return True
    words = value.split()
    if words and words[0].lower() in _STREET_PREFIX:
        # a street word, then its name ("chemin de Da Silva"), not "via email"
        rest = [x for x in (re.sub(r"^[ldLD]['’]", "", w) for w in words[1:])
                if x and x.lower() not in _STREET_PARTICLES]
        return bool(rest) and rest[0][:1].isupper()
    return bool(_STREET_TAIL.search(value))


def _phone_digits(value: str) -> bool:
    digits = sum(ch.isdigit() for ch in value)
    return 6 <= digits <= 17


# -- checksums ---------------------------------------------------------------------------


def _digits(value: str) -> str:
    return "".join(ch for ch in value if ch.isdigit())


def luhn(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


#: card brands: (IIN ranges as (low, high) prefixes of equal length, allowed lengths)
_CARD_IIN: tuple[tuple[tuple[int, int], tuple[int, ...]], ...] = (
    ((4, 4), (13, 16, 19)),  # Visa (19 digits too)
    ((51, 55), (16,)),  # Mastercard
    ((2221, 2720), (16,)),  # Mastercard 2-series
    ((34, 34), (15,)), ((37, 37), (15,)),  # Amex
    ((300, 305), (14,)), ((36, 36), (14,)), ((38, 39), (14, 16)),  # Diners
    ((6011, 6011), (16, 19)), ((644, 649), (16, 19)), ((65, 65), (16, 19)),  # Discover
    ((3528, 3589), (16, 17, 18, 19)),  # JCB
    ((1800, 1800), (15,)), ((2131, 2131), (15,)),  # JCB 15-digit
    ((5018, 5018), (12, 13, 14, 15, 16, 17, 18, 19)),  # Maestro
    ((5020, 5020), (12, 13, 14, 15, 16, 17, 18, 19)),
    ((5038, 5038), (12, 13, 14, 15, 16, 17, 18, 19)),
    ((5893, 5893), (12, 13, 14, 15, 16, 17, 18, 19)),
    ((6304, 6304), (12, 13, 14, 15, 16, 17, 18, 19)),
    ((6759, 6763), (12, 13, 14, 15, 16, 17, 18, 19)),
    ((62, 62), (16, 17, 18, 19)),  # UnionPay
)


def _card(value: str) -> bool:
    d = _digits(value)
    if not 12 <= len(d) <= 19 or not luhn(d) or len(set(d)) < 2:
        return False
    for (lo, hi), lengths in _CARD_IIN:
        n = len(str(lo))
        if lo <= int(d[:n]) <= hi and len(d) in lengths:
            return True
    return False


def _cpf(value: str) -> bool:
    d = [int(c) for c in _digits(value)]
    if len(d) != 11 or len(set(d)) == 1:
        return False
    for k in (9, 10):
        s = sum(d[i] * (k + 1 - i) for i in range(k))
        if (s * 10 % 11) % 10 != d[k]:
            return False
    return True


def _pesel(value: str) -> bool:
    d = [int(c) for c in _digits(value)]
    if len(d) != 11:
        return False
    w = (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)
    return (10 - sum(a * b for a, b in zip(d, w, strict=False)) % 10) % 10 == d[10]


def _personnummer(value: str) -> bool:
    d = _digits(value)
    if len(d) == 12:
        d = d[2:]
    return len(d) == 10 and luhn(d) and 1 <= int(d[2:4]) <= 12


def _bsn(value: str) -> bool:
    d = [int(c) for c in _digits(value)]
    if len(d) != 9 or len(set(d)) == 1:
        return False
    return (sum(x * w for x, w in zip(d[:8], range(9, 1, -1), strict=True)) - d[8]) % 11 == 0


def _nir(value: str) -> bool:
    v = re.sub(r"\s", "", value).upper()
    if len(v) != 15:
        return False
    body = v[:13].replace("2A", "19").replace("2B", "18")
    if not body.isdigit() or not v[13:].isdigit():
        return False
    return 97 - int(body) % 97 == int(v[13:])


VALIDATORS: dict[str, Callable[[str], bool]] = {
    "card": _card,
    "cpf": _cpf,
    "pesel": _pesel,
    "personnummer": _personnummer,
    "bsn": _bsn,
    "nir": _nir,
    "email_domain": _email_domain,
    "profile_url": _profile_url,
    "handle": _handle,
    "person_label": _person_label,
    "username": _username,
    "has_digit": _has_digit,
    "address_value": _address_value,
    "date": _date,
    "phone_digits": _phone_digits,
}

# -- context ------------------------------------------------------------------------------


def context_regex(spec: RecognizerSpec, language: str) -> re.Pattern[str] | None:
    words: list[str] = []
    for lang in dict.fromkeys((language, "en")):
        words.extend(spec.context.get(lang, ()))
    # pages mix languages (an English card on a German page): the other languages'
    # words count too, except short ones that are common words elsewhere ("al", "op")
    for lang, ws in spec.context.items():
        if lang not in (language, "en"):
            words.extend(w for w in ws if len(w) >= 4)
    if not words:
        return None
    alt = "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=lambda w: (-len(w), w))
    )
    return re.compile(rf"(?<!\w)(?:{alt})(?!\w)", re.I)


def has_context(
    ctx: re.Pattern[str] | None, text: str, start: int, end: int,
    used: list[tuple[int, int]] | None = None,
) -> bool:
    """A context word within the window before or after ``start:end``. ``used``: spans
    of earlier matches of the same recognizer; a context word inside one, or before
    one that lies between it and this value, served that value and does not count
    again (``Birthdate : 2 March 1969 ... met on 14.03.2024``: only the first is a DOB)."""
    if ctx is None:
        return False
    floor = max((ue for _, ue in used or () if ue <= start), default=0)
    for lo, hi in ((max(0, start - CONTEXT_WINDOW, floor), start), (end, end + CONTEXT_AFTER)):
        for m in ctx.finditer(text, lo, min(hi, len(text))):
            if not used or not any(us <= m.start() < ue for us, ue in used):
                return True
    return False


def _flags(letters: str) -> int:
    f = 0
    if "i" in letters:
        f |= re.I
    if "m" in letters:
        f |= re.M
    return f


# -- recognizers ---------------------------------------------------------------------------


class SpecRecognizer(EntityRecognizer):
    """A regex recognizer defined by a :class:`RecognizerSpec`."""

    def __init__(self, spec: RecognizerSpec, language: str) -> None:
        self.spec = spec
        self._compiled = [
            (p.name, re.compile(p.regex, _flags(spec.flags)), p.score,
             _LABEL if p.anchor is None and label_headed(p.regex, _flags(spec.flags))
             else p.anchor)
            for p in spec.patterns
        ]
        #: each pattern's keyword gate (:func:`cleaner.regex_gate.gated`): a text holding
        #: none of the literals every match holds is not scanned (None: no such literals)
        self._gates = [
            g if g.gate is not None else None
            for g in (gated(rx) for _, rx, _, anchor in self._compiled)
        ]
        self._ctx = context_regex(spec, language)
        self._validate = VALIDATORS[spec.validator] if spec.validator else None
        self._exclude = re.compile(spec.exclude_before) if spec.exclude_before else None
        super().__init__(
            supported_entities=[spec.entity],
            name=spec.name,
            supported_language=language,
            context=None,
        )

    def load(self) -> None:
        return None

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: Any = None
    ) -> list[RecognizerResult]:
        if self.spec.entity not in entities:
            return []
        out: list[RecognizerResult] = []
        used: list[tuple[int, int]] = []
        for (pname, rx, base, anchor), gate in zip(self._compiled, self._gates, strict=True):
            if gate is not None and not gate.may_match(text):
                continue  # no match anywhere: finditer would find none
            for m in _scan(rx, text, anchor):
                if "v" in rx.groupindex and m.group("v") is not None:
                    start, end = m.span("v")
                else:
                    start, end = m.span()
                value = text[start:end].rstrip(" .,;:")
                end = start + len(value)
                if not value.strip() or (self._validate and not self._validate(value)):
                    continue
                if self._exclude is not None and self._exclude.search(
                    text, max(0, start - CONTEXT_WINDOW), start
                ):
                    continue
                score = base
                if score < 1.0 and has_context(self._ctx, text, m.start(), m.end(), used):
                    score = min(1.0, score + self.spec.boost)
                used.append(m.span())
                out.append(_result(self.spec, start, end, score, pname))
        return out


_ANCHOR_BEFORE = 100
_ANCHOR_AFTER = 260


#: the ``anchor`` of a pattern every match of which starts with :data:`LABEL_START`
_LABEL = "\x00label"
_LABEL_AFTER_ONE = re.compile(r"[\n|•·;(]")
_LABEL_AFTER_TWO = re.compile(r"[|.!?]\s")
try:  # the parser behind ``re`` (``re._parser`` from Python 3.11, ``sre_parse`` before)
    _PARSER: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - Python 3.10
    _PARSER = importlib.import_module("sre_parse")


@lru_cache(maxsize=64)
def label_headed(pattern: str, flags: int) -> bool:
    """Whether every match of ``pattern`` starts where :data:`LABEL_START` holds: the
    pattern is a sequence (not a top-level alternation, which the parser would have
    factored into one only when every branch starts with it) whose first item is
    ``LABEL_START``'s alternation, once (parse trees compared by their dumps)."""
    try:
        tree = _PARSER.parse(pattern, flags)
        head = list(_PARSER.parse(LABEL_START, flags))
    except re.error:
        return False
    items = list(tree)
    return len(head) == 1 and len(items) > 1 and repr(items[0]) == repr(head[0]) \
        and tree.getwidth()[0] > 0


def label_starts(text: str) -> list[int]:
    """Every position where ``LABEL_START`` can hold, in order: 0, after a line break or
    one of ``|•·;(``, after one of ``|.!?`` and a whitespace character (a superset of
    the positions: more positions only cost a failed ``match``)."""
    starts = {0}
    starts.update(m.end() for m in _LABEL_AFTER_ONE.finditer(text))
    starts.update(m.end() for m in _LABEL_AFTER_TWO.finditer(text))
    return sorted(starts)


_starts_of: tuple[str, list[int]] = ("", [0])


def _label_scan(rx: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``rx.finditer(text)`` for a pattern every match of which starts with
    ``LABEL_START`` (:func:`label_headed`): ``match`` tried at the positions where it
    can hold only, left to right, each after the last match's end. The patterns cannot
    match the empty string (a label is not empty), so finditer's own matches are these:
    its search stops at the first position where the pattern matches, which is one of
    them. The positions are kept for the text the next pattern gets (presidio runs
    every recognizer on the same text)."""
    global _starts_of
    cached = _starts_of
    if cached[0] is not text:
        cached = _starts_of = (text, label_starts(text))
    last = 0
    match = rx.match
    for p in cached[1]:
        if p < last:
            continue
        m = match(text, p)
        if m is not None:
            yield m
            last = m.end()


def _scan(rx: re.Pattern[str], text: str, anchor: str | None) -> Iterator[re.Match[str]]:
    """``rx.finditer(text)``, or only over slices around ``anchor`` occurrences
    (slices end on whitespace, so no match is cut; lookbehinds still see the text), or
    only from the positions where a label can start (``anchor`` :data:`_LABEL`)."""
    if anchor is None:
        yield from rx.finditer(text)
        return
    if anchor is _LABEL:
        yield from _label_scan(rx, text)
        return
    n = len(text)
    pos = text.find(anchor)
    last_end = 0
    while pos != -1:
        s = max(last_end, pos - _ANCHOR_BEFORE)
        e = min(n, pos + _ANCHOR_AFTER)
        while e < n and not text[e].isspace():
            e += 1
        yield from rx.finditer(text, s, e)
        last_end = e
        pos = text.find(anchor, e)


_PHONE_CANDIDATE = re.compile(
    r"(?<![\w+/.-])(?:\+|00)?[\t ]?(?:\(\d{1,5}\)|\d)[\d\t ().\-/]{4,22}\d"
    r"(?:[\t ]*(?:x|ext\.?|#)[\t ]*\d{1,6})?(?![\w/-]|\.\d|,\d)"
)
_NANP = re.compile(r"^(?:\+?1[\t .-]?)?(?:\(\d{3}\)[\t ]?|\d{3}[\t .-])\d{3}[\t .-]\d{4}\b")
_REGIONS: dict[str, tuple[str, ...]] = {
    "en": ("US", "GB", "IE", "CA", "AU", "IN"),
    "de": ("DE", "AT", "CH"),
    "fr": ("FR", "BE", "CH"),
    "es": ("ES", "MX", "AR"),
    "it": ("IT", "CH"),
    "nl": ("NL", "BE"),
    "pt": ("PT", "BR"),
    "pl": ("PL",),
    "sv": ("SE",),
    "ja": ("JP",),
}
_YEAR_RANGE = re.compile(r"^(?:1[89]|20)\d\d[\t ]*[-/–][\t ]*(?:(?:1[89]|20)\d\d|\d\d)$")
_ISO_DATE = re.compile(r"^(?:1[89]|20)\d\d-[01]\d-[0-3]\d")
_DATE_LIKE = re.compile(r"^\d{1,4}[./-]\d{1,2}[./-]\d{2,4}$")


_CONTACT_LINE = re.compile(CONTACT_LINE, re.M)


def _on_contact_line(text: str, start: int, end: int) -> bool:
    """The number shares its line with an e-mail address or opens after a byline."""
    lo = max(0, start - 160)
    ls = text.rfind("\n", lo, start) + 1 or lo
    le = text.find("\n", end, end + 160)
    le = le if le != -1 else min(len(text), end + 160)
    # searched from ``ls``: ``^`` (a byline opener) still only matches at a real line start
    return _CONTACT_LINE.search(text, ls, le) is not None


class PhoneSpecRecognizer(EntityRecognizer):
    """Phone numbers: a candidate regex, then ``phonenumbers`` decides.

    International numbers (``+``/``00``) are parsed without a region. National
    numbers must be *possible* for one of the language's regions and look like a
    phone (a trunk ``0``, an area code in parentheses, the NANP 3-3-4 shape), or
    carry a phone context word. Years, date-like and range-like runs are refused.
    """

    def __init__(self, spec: RecognizerSpec, language: str) -> None:
        self.spec = spec
        self._ctx = context_regex(spec, language)
        regions = list(_REGIONS.get(language, ()))
        for r in _REGIONS["en"][:2]:
            if r not in regions:
                regions.append(r)
        self._regions = tuple(regions)
        #: other supported regions: a valid number there still needs a context word
        self._fallback = tuple(
            x for lang in LANGUAGES for x in _REGIONS[lang] if x not in regions
        )
        super().__init__(
            supported_entities=[spec.entity],
            name=spec.name,
            supported_language=language,
            context=None,
        )

    def load(self) -> None:
        return None

    def _score(self, value: str) -> float:
        import phonenumbers

        digits = "".join(ch for ch in value.split("x")[0].split("ext")[0] if ch.isdigit())
        if not 7 <= len(digits) <= 15:
            return 0.0
        compact = value.strip()
        if ".." in compact or any(
            rx.match(compact) for rx in (_ISO_DATE, _YEAR_RANGE, _DATE_LIKE)
        ):
            return 0.0
        intl = compact.startswith(("+", "00"))
        try:
            if intl:
                num = phonenumbers.parse("+" + compact.lstrip("+")[2:] if compact.startswith("00")
                                         else compact, None)
                return 0.85 if phonenumbers.is_possible_number(num) else 0.0
            for region in self._regions:
                num = phonenumbers.parse(compact, region)
                if not phonenumbers.is_possible_number(num):
                    continue
                if phonenumbers.is_valid_number(num):
                    shaped = (
                        digits.startswith("0")
                        or compact.startswith("(")
                        or bool(_NANP.match(compact))
                    )
                    return 0.7 if shaped else 0.35
                if _NANP.match(compact) or (digits.startswith("0") and len(digits) >= 9):
                    return 0.55
                return 0.3
            for region in self._fallback:
                num = phonenumbers.parse(compact, region)
                if phonenumbers.is_valid_number(num):
                    return 0.35
        except phonenumbers.NumberParseException:
            return 0.0
        return 0.0

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: Any = None
    ) -> list[RecognizerResult]:
        if self.spec.entity not in entities:
            return []
        out: list[RecognizerResult] = []
        for m in _PHONE_CANDIDATE.finditer(text):
            start, end = m.span()
            while start < end and text[start] in " \t":
                start += 1
            value = text[start:end]
            if text[max(0, start - 5) : start].lower().rstrip().endswith("isbn"):
                continue
            score = self._score(value)
            if score <= 0.0:
                continue
            if score < 1.0 and (has_context(self._ctx, text, start, end)
                                or _on_contact_line(text, start, end)):
                score = min(1.0, score + self.spec.boost)
            out.append(_result(self.spec, start, end, score, "phonenumbers"))
        return out


class WrappedRecognizer(EntityRecognizer):
    """One of presidio's predefined recognizers, with our character-window context."""

    def __init__(self, spec: RecognizerSpec, language: str) -> None:
        assert spec.presidio_class is not None
        module, _, cls_name = spec.presidio_class.partition(":")
        cls = getattr(importlib.import_module(module), cls_name)
        self.spec = spec
        self.inner = cls(supported_language=language)
        self._ctx = context_regex(spec, language)
        super().__init__(
            supported_entities=[spec.entity],
            name=spec.name,
            supported_language=language,
            context=None,
        )

    def load(self) -> None:
        return None

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: Any = None
    ) -> list[RecognizerResult]:
        if self.spec.entity not in entities:
            return []
        out = []
        for r in self.inner.analyze(text, [self.spec.entity], None):
            score = float(r.score)
            if has_context(self._ctx, text, r.start, r.end):
                score = min(1.0, score + self.spec.boost)
            elif self.spec.needs_context:
                score = min(score, 0.45)
            out.append(_result(self.spec, r.start, r.end, score, self.inner.name))
        return out


class AddressLinesRecognizer(EntityRecognizer):
    """Multi-line addresses: a postcode line pulls in the street line above it (up to two
    short lines between: "North Holly", "Vila Da Luz"), or below it when none is above,
    and a bare-postcode line takes the city line under it ("1317 YB" / "'s-Heer ...")."""

    _SHORT = re.compile(r"[^\W\d_][\w'’.() -]{0,40}")
    #: a house number on its own line above the street ("40/58")
    _HOUSE = re.compile(r"(?:H\.?[\t ]?No\.?[\t ]*)?\d{1,5}[A-Za-z]?(?:/\d{1,5})?")
    #: a postcode line that starts with a street name ("Wason Marg, Jalna 632918")
    _STREET_POST = re.compile(r"(?<![\w'’.-])[^\W\d_][\w'’.-]*(?:[\t ]+[^\W\d_][\w'’.-]*){0,4},")

    def __init__(self, spec: RecognizerSpec, language: str) -> None:
        self.spec = spec
        pats = {p.name: re.compile(p.regex) for p in spec.patterns}
        self._street = pats["street_line"]
        self._post = pats["postcode_line"]
        self._bare = re.compile(r"\d{4}[\t ]?[A-Z]{2}|[A-Z]{1,2}\d[A-Z\d]?[\t ]?\d[A-Z]{2}|\d{5}")
        super().__init__(supported_entities=[spec.entity], name=spec.name,
                         supported_language=language, context=None)

    def load(self) -> None:
        return None

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: Any = None
    ) -> list[RecognizerResult]:
        if self.spec.entity not in entities or "\n" not in text:
            return []
        lines: list[tuple[int, int]] = []  # stripped spans
        raw: list[tuple[int, int]] = []  # whole lines
        pos = 0
        for line in text.split("\n"):
            s, e = pos, pos + len(line)
            raw.append((s, e))
            while s < e and text[s] in " \t":
                s += 1
            while e > s and text[e - 1] in " \t\r":
                e -= 1
            lines.append((s, e))
            pos += len(line) + 1

        def fits(rx: re.Pattern[str], k: int) -> bool:
            # the line shapes are anchored at a line start (so a scan is linear): they
            # are matched over the raw line, indentation included
            s, e = lines[k]
            return 0 < e - s <= 80 and rx.fullmatch(text, raw[k][0], e) is not None

        out: list[RecognizerResult] = []
        last_end = -1
        for i in range(len(lines)):
            if not fits(self._post, i) or lines[i][0] < last_end:
                continue
            first = house = None
            for j in (i - 1, i - 2, i - 3):
                if j < 0 or lines[j][0] < last_end:
                    break
                if fits(self._street, j):
                    first = j
                    break
                if self._HOUSE.fullmatch(text, *lines[j]):
                    # a house number on its own line right above ("507" / "Wason Marg,
                    # Jalna 632918"), when no street line is found further up
                    house = j if house is None and j == i - 1 else house
                elif not self._SHORT.fullmatch(text, *lines[j]):
                    break
            last = i
            if first is None and house is not None and self._STREET_POST.match(text, *lines[i]):
                first = house
            if first is None:
                if i + 1 < len(lines) and fits(self._street, i + 1):
                    first, last = i, i + 1
                else:
                    continue
            elif (i + 1 < len(lines) and self._bare.fullmatch(text, *lines[i])
                  and self._SHORT.fullmatch(text, *lines[i + 1])):
                last = i + 1
            start, end = lines[first][0], lines[last][1]
            last_end = end
            out.append(_result(self.spec, start, end, self.spec.patterns[1].score, "address_lines"))
        return out


def _result(spec: RecognizerSpec, start: int, end: int, score: float, pattern: str) -> Any:
    r = RecognizerResult(
        entity_type=spec.entity,
        start=start,
        end=end,
        score=score,
        recognition_metadata={
            RecognizerResult.RECOGNIZER_NAME_KEY: spec.name,
            "pattern": pattern,
        },
    )
    return r


def build_recognizers(
    specs: Iterable[RecognizerSpec], languages: Iterable[str] = LANGUAGES
) -> list[EntityRecognizer]:
    out: list[EntityRecognizer] = []
    for lang in languages:
        for spec in specs:
            if spec.kind == "address_lines":
                out.append(AddressLinesRecognizer(spec, lang))
            elif spec.kind == "phone":
                out.append(PhoneSpecRecognizer(spec, lang))
            elif spec.kind == "presidio":
                out.append(WrappedRecognizer(spec, lang))
            else:
                out.append(SpecRecognizer(spec, lang))
    return out


class OrderedRegistry(RecognizerRegistry):
    """presidio's registry, but recognizers come back in the order they were registered.

    ``RecognizerRegistry.get_recognizers`` collects them in a ``set`` of objects hashed
    by identity, so their order differed between processes; presidio's
    ``remove_duplicates`` then keeps the *first* of two results with the same span,
    type and score, and the rule a finding named (``labelled_address`` or
    ``street_address_bare``) changed from one run to the next."""

    #: (the list ranked, its length, rank by recognizer identity)
    _rank: tuple[object, int, dict[int, int]] = (None, -1, {})
    #: (the list, its length, {(language, entities, all_fields): sorted recognizers})
    _found: tuple[object, int, dict[tuple[Any, ...], list[EntityRecognizer]]] = (None, -1, {})

    def get_recognizers(self, *args: Any, **kwargs: Any) -> list[EntityRecognizer]:
        key = self._key(*args, **kwargs)
        recognizers: list[Any] = self.recognizers  # type: ignore[assignment]
        listed, size, found = self._found
        if listed is not recognizers or size != len(recognizers):
            found = {}
            self._found = (recognizers, len(recognizers), found)
        if key is not None and key in found:
            # presidio filters ~560 recognizers on every analyzer call; the same request
            # to an unchanged list gets the same recognizers (a copy: callers may mutate)
            return list(found[key])
        got = super().get_recognizers(*args, **kwargs)
        rank = self._ranks()
        ordered = sorted(got, key=lambda r: rank.get(id(r), len(rank)))
        if key is not None and (key[2] or all(
                any(e in r.supported_entities for r in ordered) for e in key[1] or ())):
            # (kept only when every entity had a recognizer: a request presidio warns
            # about is passed to it each time, so it warns each time)
            found[key] = ordered
        return list(ordered)

    @staticmethod
    def _key(language: Any = None, entities: Any = None, all_fields: bool = False,
             ad_hoc_recognizers: Any = None) -> tuple[Any, ...] | None:
        """The cache key of a request, or None (ad-hoc recognizers, odd arguments)."""
        if ad_hoc_recognizers or not isinstance(language, str):
            return None
        if entities is not None and not all(isinstance(e, str) for e in entities):
            return None
        return (language, None if entities is None else tuple(entities), bool(all_fields))

    def _ranks(self) -> dict[int, int]:
        """Registration rank by recognizer identity, rebuilt when presidio appended to the
        list or replaced it (it was rebuilt on every analyzer call: ~560 recognizers)."""
        ranked, size, rank = self._rank
        recognizers: list[Any] = self.recognizers  # type: ignore[assignment]
        if ranked is not recognizers or size != len(recognizers):
            rank = {id(r): i for i, r in enumerate(recognizers)}
            self._rank = (recognizers, len(recognizers), rank)
        return rank

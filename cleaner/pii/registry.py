"""The recognizer registry: every PII recognizer as data.

Like presidio's own predefined recognizers, each entry names an entity type,
its regex patterns with base scores, the context words that raise the score
(per language) and an optional validator. :mod:`cleaner.pii.recognizers` turns
each :class:`RecognizerSpec` into a presidio ``EntityRecognizer`` per language.

Scores: a pattern's base score is what a bare match is worth; a context word
within ``CONTEXT_WINDOW`` characters before the match (or ``CONTEXT_AFTER``
after it) adds ``boost``. Results under ``PIIConfig.min_score`` (0.5) are
dropped, so a pattern with a base score below 0.5 *needs* context (a bare date
is not a date of birth; ``born on`` + a date is).

Public figures: nothing here looks for names in running text. Names are only
taken behind a label (``Name :``, ``Author:``) or in ``Contact X at`` phrases.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from . import vocab as _vocab

#: languages with context words and labels
LANGUAGES: tuple[str, ...] = _vocab.LANGUAGES

#: characters before / after a match searched for context words
CONTEXT_WINDOW = 48
CONTEXT_AFTER = 16

#: entity type -> the tag printed by style ``tag``
TAGS: dict[str, str] = {
    "EMAIL_ADDRESS": "EMAIL",
    "PHONE_NUMBER": "PHONE",
    "STREET_ADDRESS": "ADDRESS",
    "DATE_OF_BIRTH": "DATE_OF_BIRTH",
    "PROFILE_URL": "PROFILE_URL",
    "SOCIAL_HANDLE": "HANDLE",
    "USERNAME": "USERNAME",
    "PERSON": "PERSON",
    "ORGANIZATION": "EMPLOYER",
    "IP_ADDRESS": "IP_ADDRESS",
    "CREDIT_CARD": "CREDIT_CARD",
    "IBAN_CODE": "IBAN",
    "CRYPTO": "CRYPTO_WALLET",
    "US_SSN": "NATIONAL_ID",
    "UK_NINO": "NATIONAL_ID",
    "UK_NHS": "NATIONAL_ID",
    "ES_NIF": "NATIONAL_ID",
    "ES_NIE": "NATIONAL_ID",
    "IT_FISCAL_CODE": "NATIONAL_ID",
    "DE_TAX_ID": "NATIONAL_ID",
    "BR_CPF": "NATIONAL_ID",
    "PL_PESEL": "NATIONAL_ID",
    "SE_PERSONNUMMER": "NATIONAL_ID",
    "NL_BSN": "NATIONAL_ID",
    "FR_NIR": "NATIONAL_ID",
}

#: a tag as :mod:`cleaner.pii.stage` prints it: ``[EMAIL]`` (style ``tag``) or ``[PERSON_1]``
#: (style ``pseudonym``). On a second cleaning it stands where the value stood on the first.
TAG_RE = re.compile(
    r"\[(?:" + "|".join(sorted(set(TAGS.values()), key=len, reverse=True)) + r")(?:_\d+)?\]"
)


@dataclass(frozen=True)
class PatternSpec:
    """One regex. When it has a group named ``v`` only that group is the value
    (the label in ``Email : x`` is kept, ``x`` is redacted)."""

    name: str
    regex: str
    score: float
    #: a literal every match contains (``@``): the regex then only runs on short
    #: slices around its occurrences, not on the whole text
    anchor: str | None = None


@dataclass(frozen=True)
class RecognizerSpec:
    name: str
    entity: str
    #: ``pattern``: the patterns below; ``phone``: candidate regex + phonenumbers;
    #: ``presidio``: a presidio predefined recognizer class (``module:Class``)
    kind: str = "pattern"
    patterns: tuple[PatternSpec, ...] = ()
    #: language -> context words (lower case; a word matches at word starts)
    context: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    boost: float = 0.35
    #: name of a validator in ``cleaner.pii.recognizers.VALIDATORS``
    validator: str | None = None
    presidio_class: str | None = None
    #: without a context word the score is capped under the threshold (digit-only IDs
    #: that also look like phone numbers or amounts)
    needs_context: bool = False
    #: regex flags as letters: ``i`` (ignore case), ``m`` (multiline)
    flags: str = ""
    #: a match is dropped when the text right before it matches this (searched in
    #: the ``CONTEXT_WINDOW`` characters before the match, anchored at its start)
    exclude_before: str | None = None


# -- vocabulary (data) -----------------------------------------------------------------

#: the order of the entity types in the label and context tables
_LABEL_TYPES = ("PERSON", "USERNAME", "EMAIL_ADDRESS", "PHONE_NUMBER", "DATE_OF_BIRTH",
                "STREET_ADDRESS", "ORGANIZATION")
_CONTEXT_TYPES = ("PHONE_NUMBER", "DATE_OF_BIRTH", "CREDIT_CARD", "IBAN_CODE", "NATIONAL_ID",
                  "SOCIAL_HANDLE")

#: labels that introduce a personal field on an author card / contact box (from
#: ``cleaner.vocab.<lang>.PII_LABELS``)
LABELS: dict[str, dict[str, tuple[str, ...]]] = {
    e: {lang: _vocab.labels(e, lang) for lang in LANGUAGES if _vocab.labels(e, lang)}
    for e in _LABEL_TYPES
}
#: words near a match that make it personal (not a label: free text), from
#: ``cleaner.vocab.<lang>.PII_CONTEXT``; a date of birth's also take the birth words
CONTEXT: dict[str, dict[str, tuple[str, ...]]] = {
    e: {lang: _vocab.context(e, lang) for lang in LANGUAGES if _vocab.context(e, lang)}
    for e in _CONTEXT_TYPES
}
for _lang in LANGUAGES:
    if _vocab.context("DATE_OF_BIRTH", _lang) or _vocab.words("born", _lang):
        CONTEXT["DATE_OF_BIRTH"][_lang] = tuple(dict.fromkeys(
            _vocab.context("DATE_OF_BIRTH", _lang) + _vocab.words("born", _lang)
        ))
#: month names by language (``cleaner.vocab.<lang>.MONTHS``)
MONTHS: dict[str, tuple[str, ...]] = {lang: _vocab.months(lang) for lang in LANGUAGES}

#: street words by locale (suffixes glued to the name, or prefixes before it)
US_STREET_SUFFIXES: tuple[str, ...] = (
    "Alley", "Avenue", "Ave", "Bend", "Bluff", "Bluffs", "Boulevard", "Blvd", "Branch", "Bridge",
    "Brook", "Brooks", "Burg", "Burgs", "Bypass", "Camp", "Canyon", "Cape", "Causeway", "Center",
    "Centers", "Circle", "Circles", "Cliff", "Cliffs", "Club", "Common", "Commons", "Corner",
    "Corners", "Course", "Court", "Courts", "Cove", "Coves", "Creek", "Crescent", "Crest",
    "Crossing", "Crossroad", "Curve", "Dale", "Dam", "Divide", "Drive", "Drives", "Dr", "Estate",
    "Estates", "Expressway", "Extension", "Extensions", "Fall", "Falls", "Ferry", "Field",
    "Fields", "Flat", "Flats", "Ford", "Fords", "Forest", "Forge", "Forges", "Fork", "Forks",
    "Fort", "Freeway", "Garden", "Gardens", "Gateway", "Glen", "Glens", "Green", "Greens",
    "Grove", "Groves", "Harbor", "Harbors", "Haven", "Heights", "Highway", "Hill", "Hills",
    "Hollow", "Inlet", "Island", "Islands", "Isle", "Junction", "Junctions", "Key", "Keys",
    "Knoll", "Knolls", "Lake", "Lakes", "Land", "Landing", "Lane", "Ln", "Light", "Lights",
    "Loaf", "Lock", "Locks", "Lodge", "Loop", "Mall", "Manor", "Manors", "Meadow", "Meadows",
    "Mews", "Mill", "Mills", "Mission", "Motorway", "Mount", "Mountain", "Mountains", "Neck",
    "Orchard", "Oval", "Overpass", "Park", "Parks", "Parkway", "Parkways", "Pass", "Passage",
    "Path", "Pike", "Pine", "Pines", "Place", "Pl", "Plain", "Plains", "Plaza", "Point",
    "Points", "Port", "Ports", "Prairie", "Radial", "Ramp", "Ranch", "Rapid", "Rapids", "Rest",
    "Ridge", "Ridges", "River", "Road", "Roads", "Rd", "Route", "Row", "Rue", "Run", "Shoal",
    "Shoals", "Shore", "Shores", "Skyway", "Spring", "Springs", "Spur", "Spurs", "Square",
    "Squares", "Station", "Stravenue", "Stream", "Street", "Streets", "St", "Summit", "Terrace",
    "Throughway", "Trace", "Track", "Trafficway", "Trail", "Tunnel", "Turnpike", "Underpass",
    "Union", "Unions", "Valley", "Valleys", "Via", "Viaduct", "View", "Views", "Village",
    "Villages", "Ville", "Vista", "Walk", "Walks", "Wall", "Way", "Ways", "Well", "Wells",
)
DE_STREET_SUFFIXES: tuple[str, ...] = (
    "straße", "strasse", "str.", "gasse", "weg", "allee", "platz", "ring", "damm", "ufer",
    "chaussee", "steig", "pfad", "markt", "promenade", "kamp", "hof", "graben", "berg", "garten",
)
NL_STREET_SUFFIXES: tuple[str, ...] = (
    "straat", "laan", "weg", "singel", "plein", "gracht", "kade", "dijk", "dreef", "hof", "pad",
    "ring", "steeg", "baan", "boulevard", "park", "markt", "plantsoen", "wal", "erf", "hage",
)
FR_STREET_PREFIXES: tuple[str, ...] = (
    "rue", "avenue", "av.", "boulevard", "bd", "chemin", "impasse", "place", "allée", "quai",
    "route", "cours", "passage", "square", "rond-point", "voie", "sentier", "faubourg",
)
ES_IT_STREET_PREFIXES: tuple[str, ...] = (
    # es
    "Calle", "C/", "Avenida", "Avda.", "Paseo", "Plaza", "Pasaje", "Pasadizo", "Camino",
    "Carretera", "Ronda", "Vía", "Via", "Vial", "Glorieta", "Alameda", "Acceso", "Callejón",
    "Cuesta",
    "Urbanización", "Travesía", "Rambla", "Cañada", "Bajada", "Camino", "Senda",
    # it
    "Viale", "Vicolo", "Piazza", "Piazzale", "Strada", "Stretto", "Borgo", "Contrada",
    "Rotonda", "Incrocio", "Canale", "Corso", "Largo", "Lungomare", "Lungotevere", "Salita",
)
#: street words that open a street name in every locale (a labelled address without a
#: house number is still an address when it starts with one) and glued street endings
STREET_PREFIXES: tuple[str, ...] = (
    *FR_STREET_PREFIXES, *ES_IT_STREET_PREFIXES, "Rua", "Travessa", "Largo", "Praça",
    "Estrada", "ul.", "ulica", "al.", "aleja", "os.", "plac",
)
STREET_TAILS: tuple[str, ...] = (
    "straße", "strasse", "gasse", "allee", "straat", "laan", "gracht", "gatan", "vägen",
    "gränd",
)
#: a contact line (issue 14): a number on the line of an e-mail address, or on a byline
#: ("By NAME, 776.986.9141 · name@host"), is a phone even without a phone word; matched
#: against the text of the line around the number
CONTACT_LINE = (
    r"[\w.+-]@[\w-]+\.[a-z]"
    r"|^[\t ]*(?:" + "|".join(
        __import__("re").escape(w) for w in sorted(_vocab.words("byline"), key=len, reverse=True)
    ) + r")[\t ]+[A-ZÀ-Þ]"
)
#: words in a handle that make it organisational, not personal (news sources etc.)
NON_PERSONAL_PATHS: tuple[str, ...] = (
    "intent", "share", "sharer", "sharer.php", "hashtag", "search", "home", "login", "signup",
    "i", "explore", "about", "help", "privacy", "terms", "settings", "watch", "embed", "p",
    "reel", "reels", "status", "tv", "stories", "events", "groups", "pages", "dialog", "plugins",
    "tr", "policies", "legal", "jobs", "company", "school", "feed", "notifications", "messages",
    "compose", "oauth", "r", "channel", "c", "playlist", "results", "shorts", "live", "video",
    "videos", "photo", "photos", "tag", "tags", "discover", "trending", "foryou", "music",
    "sound", "download", "ads", "business", "developers", "creators",
)

# -- regex builders --------------------------------------------------------------------


def _alt(words: tuple[str, ...] | list[str]) -> str:
    """Regex alternation, longest first; spaces match any run of spaces."""
    import re

    uniq = sorted(set(words), key=lambda w: (-len(w), w))  # one order in every process
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in uniq)


def labels_for(entity: str) -> tuple[str, ...]:
    return tuple(w for lang in LANGUAGES for w in LABELS[entity].get(lang, ()))


#: where a label may start: a line start, after a separator, after a sentence's end
#: (``recognizers._label_scan`` tries only these positions)
LABEL_START = r"(?:^|(?<=[\n|•·;(])|(?<=[|.!?]\s))"
#: a label at the start of a line / after a separator, then ``:``; the value is group ``v``
_LABEL_HEAD = (
    LABEL_START + r"[\t ]*(?![\t ])(?:[-*•·][\t ]*(?![\t ]))?"
    r"(?i:{labels})[\t ]*(?![\t ])[:：=][\t ]*(?![\t ])"
)
#: a value runs to the end of the line or a field separator
#: (whitespace runs are matched in one way only: no backtracking on long runs)
_VALUE_END = r"(?=[\t ]*(?![\t ])(?:$|[|•·;])|\t| {3,}|\.[\t ]+[A-ZÀ-Þ])"
#: a name also ends before a comma, a parenthesis or a dash (``Reporter: NAME (mail)``)
_NAME_END = r"(?=[\t ]*(?![\t ])(?:$|[|•·;,()—–])|[\t ]-[\t ]|\t| {3,}|\.[\t ]+[A-ZÀ-Þ])"

#: an upper-case letter: Latin-1, Latin Extended-A (Ł, Ś, Ż), Greek and Cyrillic capitals
_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽΑ-ΩА-Я"
_NAME_TOKEN = rf"[{_UPPER}][\w'’.-]*"
_NAME_PARTICLE = (
    r"(?:van|von|der|den|de|del|della|di|da|du|des|la|le|y|zu|ten|ter|bin|al|do|dos|das)"
)
#: a name in Han/kana script (``中村 春香``): one or two runs of up to five characters
CJK_NAME = (
    r"[\u30a0-\u30ff\u3400-\u9fff々]{1,5}"
    r"(?:[\t \u3000][\u3040-\u30ff\u3400-\u9fff々]{1,5}|[\u30a0-\u30ff\u3400-\u9fff々]{1,5})?"
)
#: lower-case honorifics written before a name ("pan Jan Kowalski", "sig.ra Rossi")
_HONORIFIC = (
    r"(?:(?:pan|pani|panna|herr|frau|don|doña|dona|sig\.(?:ra)?|dott\.(?:ssa)?|sr\.|sra\.)"
    r"[\t ]+)?"
)
NAME = (
    rf"(?:{_HONORIFIC}{_NAME_TOKEN}(?:[\t ]+(?:{_NAME_PARTICLE}[\t ]+)*{_NAME_TOKEN}){{0,4}}"
    rf"|{CJK_NAME})"
)
#: a full name (two tokens at least, or Han/kana): what furniture lines hold
FULL_NAME = (
    # one space between tokens: " +" here beside the callers' own space runs made the
    # patterns that embed it polynomial on long runs of spaces (wrote_header, 0.44 s on 8 KB)
    rf"(?:{_HONORIFIC}{_NAME_TOKEN}(?: (?:{_NAME_PARTICLE} )*{_NAME_TOKEN}){{1,4}}"
    rf"|{CJK_NAME})"
)
#: a user name (comment headers): no spaces, a word character at both ends
USER = r"[\w][\w.-]{0,38}[\w]"

_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_MON = r"(?:0?[1-9]|1[0-2])"
_YEAR = r"(?:19\d\d|20\d\d)"
#: a month word is any 3-10 letter word here; the ``date`` validator checks it is a month
_MONTH_WORD = r"[^\W\d_]{3,12}\.?"
DATE = (
    rf"(?:{_YEAR}-{_MON}-{_DAY}"  # ISO
    rf"|{_DAY}[./-]{_MON}[./-]{_YEAR}|{_MON}/{_DAY}/{_YEAR}"  # 14.03.1979, 02/07/1990, 11/23/1984
    rf"|{_DAY}\.?(?:\s+de)?\s+{_MONTH_WORD}(?:\s+de)?,?\s+{_YEAR}"  # 2 de marzo de 1969
    rf"|{_MONTH_WORD}\s+{_DAY}(?:st|nd|rd|th)?,?\s+{_YEAR}"  # March 2, 1969
    rf"|{_YEAR}年{_MON}月{_DAY}日)(?!\d)"  # 1984年5月3日
)
MONTH_SET = frozenset(m for lang in LANGUAGES for m in MONTHS[lang])

_US_SUFFIX = _alt(list(US_STREET_SUFFIXES))
#: a capitalised word (not a possessive: "Logitech's MX Keys" is no street)
_CAP = r"[A-Z](?:[a-zA-Z-]|['’](?!s\b))*"
_US_CITY_TAIL = (
    r",?[\t ]+[A-Z][\w'’.-]*(?:[\t ]+[A-Z][\w'’.-]*){0,3},[\t ]+[A-Z]{2}[\t ]+\d{5}(?:-\d{4})?"
)
US_ADDRESS = (
    rf"(?<![$€£¥.,\t])\b\d{{1,6}} +(?:[NSEW]\.? +)?{_CAP}(?: +{_CAP}){{0,3}}"
    rf" +(?:{_US_SUFFIX})\b\.?"
    rf"(?:,?[\t ]+(?:Apt\.|Apartment|Suite|Ste\.|Unit|#)[\t ]*\d+[A-Z]?)?(?:{_US_CITY_TAIL})?"
)
US_ADDRESS_WITH_TAIL = (
    rf"(?<![$€£¥.,])\b\d{{1,6}}[\t ]+{_CAP}(?:[\t ]+{_CAP}){{0,3}}"
    rf"(?:,?[\t ]+(?:Apt\.|Apartment|Suite|Ste\.|Unit|#)[\t ]*\d+[A-Z]?)?{_US_CITY_TAIL}"
)
US_MILITARY = (
    r"\b(?:PSC[\t ]+\d{4},?[\t ]+Box[\t ]+\d{4}|Unit[\t ]+\d{4}[\t ]+Box[\t ]+\d{4}"
    r"|(?:USNS|USNV|USS|USCGC)[\t ]+[A-Z][a-z]+),?[\t ]+[ADF]PO[\t ]+A[AEP][\t ]+\d{5}\b"
)
_CITY_SEP = r"(?:[\t ]+(?:-[\t ]*)?|-[\t ]*)"
_GB_POSTCODE = r"[A-Z]{1,2}\d[A-Z\d]?[\t ]*\d[A-Z]{2}"
GB_ADDRESS = (
    rf"(?:\b(?:Flat|Studio|Apartment|Unit)[\t ]+\d+[A-Za-z]?,[\t ]+)?(?:\b\d+[A-Za-z]?[\t ]+)?"
    rf"(?<![\w'’-]){_CAP}(?:[\t ]+[A-Za-z][a-zA-Z'’-]*){{0,3}}"
    rf"(?:,[\t ]+[A-Z][\w'’]*(?:{_CITY_SEP}[A-Za-z][\w'’]*){{0,3}}){{1,2}},?[\t ]+{_GB_POSTCODE}\b"
)
_DE_SUFFIX = _alt(list(DE_STREET_SUFFIXES))
_HOUSE = r"\d{1,5}[a-zA-Z]?(?:[\t ]*[-/][\t ]*\d{1,5}[a-zA-Z]?)?"
#: a city: capitalised words joined by spaces or one hyphen ("Aix-en-Provence",
#: "Frankfurt am Main"); a token holds no separator character, so a run like
#: ``A-A-A-...`` splits into tokens one way only (a token class that took ``-`` too
#: made the split ambiguous and the backtracking exponential, issue 15)
_CITY = (
    r"[A-ZÀ-ÖØ-Þ'’][\w'’.()]*(?:" + _CITY_SEP + r"(?:[A-ZÀ-ÖØ-Þ'’(][\w'’.()]*"
    r"|(?:an|am|im|in|der|bei|sur|sous|en|de|la|le|les|di|del)(?![\w'’])))*"
)
#: suffixes that are street words only (others, like "-ring" or "-berg", end many
#: surnames: "Herring 8" in a sports table) need the postcode after the number
_DE_STRONG = _alt(["straße", "strasse", "str.", "gasse", "allee", "platz", "weg", "damm",
                   "ufer", "chaussee", "promenade"])
DE_ADDRESS = (
    rf"(?<![\w.'-])[A-ZÄÖÜ][\wäöüß.'-]*(?i:{_DE_STRONG})[\t ]+{_HOUSE}"
    rf"(?:,?[\t ]+\d{{5}}[\t ]+{_CITY})?"
    rf"|(?<![\w.'-])[A-ZÄÖÜ][\wäöüß.'-]*(?i:{_DE_SUFFIX})[\t ]+{_HOUSE}"
    rf",?[\t ]+\d{{5}}[\t ]+{_CITY}"
    rf"|\b(?:Am|An[\t ]+der|Auf[\t ]+dem|Im|In[\t ]+der|Zum|Zur)[\t ]+{_CAP}[\t ]+{_HOUSE}"
    rf",?[\t ]+\d{{5}}[\t ]+{_CITY}"
)
_NL_SUFFIX = _alt(list(NL_STREET_SUFFIXES))
_NL_STRONG = _alt(["straat", "laan", "gracht", "singel", "plein", "kade", "dijk", "dreef",
                   "steeg", "weg", "boulevard", "plantsoen"])
_NL_POST = r",?[\t ]+\d{4}[\t ]?[A-Z]{2}"
NL_ADDRESS = (
    rf"(?<![\w'-])[A-Z][\w'-]*(?:{_NL_STRONG})[\t ]+{_HOUSE}(?:{_NL_POST}(?:,?[\t ]+{_CITY})?)?"
    rf"|(?<![\w'-])[A-Z][\w'-]*(?:{_NL_SUFFIX})[\t ]+{_HOUSE}{_NL_POST}(?:,?[\t ]+{_CITY})?"
)
_FR_PREFIX = _alt(list(FR_STREET_PREFIXES))
_FR_NAME = (
    r"(?:(?:de[\t ]+la|de[\t ]+l['’]|du|des|de|d['’]|l['’]|la|le)[\t ]*)?[A-ZÀ-ÖØ-Þ][\w'’-]*"
    r"(?:[\t ]+(?:(?:de|du|des|la|le)[\t ]+|l['’][\t ]?|d['’][\t ]?)?[A-ZÀ-ÖØ-Þ][\w'’-]*){0,3}"
)
_FR_POST = rf",?[\t ]+\d{{5}}[\t ]+{_CITY}"
FR_ADDRESS = (
    rf"\b\d{{1,4}}(?:[\t ]?(?:bis|ter))?,?[\t ]+(?i:{_FR_PREFIX})[\t ]+{_FR_NAME}(?:{_FR_POST})?"
    rf"|\b(?i:{_FR_PREFIX})[\t ]+{_FR_NAME}{_FR_POST}"
)
_ESIT_PREFIX = _alt(list(ES_IT_STREET_PREFIXES))
_ESIT_NAME = (
    r"(?:(?:de[\t ]+la|de[\t ]+los|de[\t ]+las|del|de|della|delle|dei|degli|di)[\t ]+)?"
    r"[A-ZÀ-ÖØ-Þ][\w'’-]*(?:[\t ]+(?:(?:de|del|la|di|della|dei)[\t ]+)?[A-ZÀ-ÖØ-Þ][\w'’-]*){0,4}"
)
ESIT_ADDRESS = (
    rf"\b(?:{_ESIT_PREFIX})[\t ]+{_ESIT_NAME},?[\t ]+(?:n\.?[º°]?[\t ]*)?\d{{1,4}}[A-Za-z]?"
    rf"(?:,?[\t ]+(?:Apt\.|Piso|Puerta|Portal|Escalera|Appartamento|Piano|Interno|Sca"
    rf"la)[\t ]*\d+[º°ª]?[A-Za-z]?)?"
    rf"(?:,?[\t ]+(?:\d{{5}},?[\t ]+{_CITY}(?:[\t ]*\([A-Z]{{2}}\))?|{_CITY},[\t ]+\d{{5}}))?"
)

# -- multi-line addresses (issue 14): a street line and a postcode line ---------------
#: a street line: a house number then words ("1777 Kramer Court", "5, avenue Samson",
#: "H.No. 17, Sodhi Chowk") or words then a number ("Karl-Marx-Straße 5", "ul. Paderewskiego
#: 77", "Avenida de Mota, 77"); matched against a whole stripped line
_LW = r"[^\W\d_][\w'’.-]*"
STREET_LINE = (
    rf"(?<![^\n])[\t ]*(?![\t ])(?:"
    # a unit before the house number ("Suite 678 54 Todd Distributor")
    rf"(?:(?:Suite|Unit|Flat|Apartment|Apt\.?|Level|Shop)[\t ]*\d{{1,5}}[A-Za-z]?,?[\t ]+(?=\d))?"
    rf"(?:(?:H\.?[\t ]?No\.?|Flat|Apt\.?|Unit|Suite|No\.?)[\t ]*)?"
    rf"\d{{1,6}}[A-Za-z]?(?:[-/]\d{{1,5}})?,?[\t ]+{_LW}(?:[\t ]+{_LW}){{0,5}}"
    rf"(?:,?[\t ]+(?:Apt\.|Apartment|Suite|Unit|Flat|#)[\t ]*\d{{1,5}}[A-Za-z]?)?"
    rf"|{_LW}(?:[\t ]+{_LW}){{0,6}},?[\t ]+(?:(?:n\.?[º°]?[\t ]*)?\d{{1,5}}[A-Za-z]?"
    rf"(?:[\t ]*[-/][\t ]*\d{{1,5}}[A-Za-z]?)?|S/N)(?:,?[\t ]+(?:Apt\.?|Piso|Puerta|Lgh|m\.|"
    rf"Appartamento|Interno|Scala|Piano|Apartamento|Apto\.?|"
    rf"lok\.|apto\.?|\d{{1,3}}[º°ª]?)[^\n]{{0,16}})?"
    # a street word and its name, no number ("chemin Nathalie Dufour" above "03199 Hubert")
    rf"|(?i:{_alt(list(STREET_PREFIXES))})[\t ]+"
    rf"(?:(?:de|du|des|la|le|del|di|da|do|dos)[\t ]+|[ld]['’])?"
    rf"[{_UPPER}][\w'’.-]*(?:[\t ]+[\w'’.-]+){{0,5}}"
    r")"
)
#: a postcode line: "Johnsonfurt, NE 80119", "East Tony, VIC, 2609", "S6 7LJ",
#: "10115 Berlin", "1317 YB", "61-668 Kołobrzeg", "1170-669 Mealhada", "Madrid, 02857",
#: "Bhagalpur-706690", "717 06 Ängelholm", "31706-690 da Mata de Silveira / SE"
POSTCODE_LINE = (
    r"(?<![^\n])[\t ]*(?![\t ])(?:[^\n\t ][^\n]{0,39}?,?[\t ]+[A-Z]{2,3},?[\t ]+\d{4,5}(?:-\d{4})?"
    r"|(?:[^\n\t ][^\n]{0,39}?,?[\t ]+)?[A-Z]{1,2}\d[A-Z\d]?[\t ]?\d[A-Z]{2}"
    r"|(?:\d{5}|\d{4}[\t ]?[A-Z]{2}|\d{2}-\d{3}|\d{4}-\d{3}|\d{5}-?\d{3}|\d{3}[\t ]\d{2}|\d{4})"
    r",?(?:[\t ]+[^\W\d_][^\n]{0,40})?"
    r"|[^\n\t ][^\n]{0,39}?,[\t ]*\d{5}"
    r"|[^\W\d_][^\n]{0,30}?(?:-|[\t ]+(?:-[\t ]*)?)\d{6})"
)
#: an Indian address on one line: house number, street, city and 6-digit PIN
#: ("81/677, Datta Marg, Bhimavaram 820512", "H.No. 77, Sanghvi Road, Kozhikode-888258")
IN_ADDRESS = (
    r"(?<![^\n])(?:H\.?[\t ]?No\.?[\t ]*)?(?!(?:19|20)\d\d,)\d{1,5}[A-Za-z]?(?:/\d{1,5})?,[\t ]+"
    r"[A-Z][\w'’.-]*(?:[\t ]+[A-Z][\w'’.-]*){0,3},[\t ]+[A-Z][\w'’.-]*(?:[\t ]+[A-Z][\w'’.-]*){0,2}"
    r"(?:-|[\t ]+)\d{6}(?!\d)"
)
#: a Japanese address: prefecture, city or ward, block numbers
JP_ADDRESS = (
    r"(?:[\u4e00-\u9fff]{2,3}[都道府県])?[\u4e00-\u9fff]{1,6}[市区町村郡]"
    r"[\u4e00-\u9fff\u30a0-\u30ff]{0,12}?[0-9０-９]{1,4}(?:丁目|番地|番|号|-)"
    r"(?:[0-9０-９]{1,4}(?:番地|番|号|-)){0,3}"
    r"(?:[\t \u3000][\u30a0-\u30ff\u4e00-\u9fff]{1,12}[0-9０-９]{1,4})?"
)

_HANDLE_CHARS = r"[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,48}[A-Za-z0-9_])?"
_SOCIAL_HOSTS = (
    r"(?:twitter\.com|x\.com|instagram\.com|facebook\.com|fb\.com|tiktok\.com|threads\.net"
    r"|youtube\.com|github\.com|gitlab\.com|pinterest\.com|snapchat\.com/add|t\.me|vk\.com"
    r"|medium\.com|twitch\.tv|soundcloud\.com|behance\.net|dribbble\.com|flickr\.com/people"
    r"|reddit\.com/(?:u|user)|linkedin\.com/(?:in|pub)|bsky\.app/profile|mastodon\.social"
    r"|xing\.com/profile|onlyfans\.com|patreon\.com|tumblr\.com/blog/view|vimeo\.com)"
)
_NON_PERSONAL = _alt(list(NON_PERSONAL_PATHS))
PROFILE_URL = (
    rf"(?:\bhttps?://)?(?<![\w.-])(?:www\.|m\.|mobile\.|[a-z]{{2}}\.)?{_SOCIAL_HOSTS}/"
    rf"(?!(?:{_NON_PERSONAL})(?:[/?#]|\b(?![.@\w])))@?{_HANDLE_CHARS}(?![\w@-])/?"
)
#: a blog on wordpress.com is its author's profile
WORDPRESS_URL = r"(?:\bhttps?://)?(?<![\w.-])[a-z0-9][a-z0-9-]{1,62}\.wordpress\.com\b/?"
HANDLE = rf"(?<![\w@./:+-])@{_HANDLE_CHARS}(?![\w@/-]|\.\w)"


def _label_re(entity: str, value: str, end: str = _VALUE_END) -> str:
    return _LABEL_HEAD.format(labels=_alt(labels_for(entity))) + rf"(?P<v>{value})" + end


def _words(key: str) -> str:
    return _alt(list(_vocab.words(key)))


# -- page furniture: names by the line's role (issue 14) --------------------------------
# A name is taken only where the line's role says it is a person of the page (byline,
# comment header, signature, author card, contact line), never from running text.
#: a phone-shaped run (7+ digits in groups), for furniture lines
_PHONE_SHAPE = r"(?:\+|\b)\d{2,4}[\t ().-]{0,2}\d{3,4}[\t .-]?\d{2,4}\b"
_LINE_END = r"(?=[\t ]*(?:$|[|,·•—–(]|[\t ]-[\t ]))"
_HEADER_TAIL = (
    r"(?=[\t ]+(?i:on|am|le|el|il|op|em|dnia|den|at|um|à|às|alle|a las)\b|[\t ]*(?:$|[|,·•—–(]|\d))"
)
FURNITURE_PERSON: tuple[tuple[str, str], ...] = (
    ("byline", rf"^[\t ]*(?:{_words('byline')})[\t ]+(?P<v>{FULL_NAME})"
               rf"(?=[\t ]*(?:$|[|,·•—–(]|[\t ]-[\t ])|[\t ]+(?:and|und|et|y|e|en|i|och|&)[\t ])"),
    ("byline_sv", rf"^[\t ]*Av[\t ]+(?P<v>{FULL_NAME})(?=[\t ]*(?:$|[|·•—–]))"),
    ("comment_header", rf"^[\t ]*(?:{_words('posted_by')}|{_words('reply_from')})"
                       rf"(?:[\t ]*[:：][\t ]*|[\t ]+)(?P<v>{FULL_NAME}){_HEADER_TAIL}"),
    ("wrote_header", rf"^[\t ]*(?P<v>{FULL_NAME})(?:[\t ]+|(?<=[\u3040-\u9fff]))"
                     rf"(?i:{_words('wrote')})(?:[\t ]*[:：])?[\t ]*$"),
    ("signature", rf"^--[\t ]*(?:\n[\t ]*)?(?P<v>{FULL_NAME})(?=[\t ]*(?:$|,|\|))"),
    ("closing_signature", rf"^[\t ]*(?:{_words('closing')})(?:[\t ]*[,!.。])?[\t ]*\n[\t ]*"
                          rf"(?P<v>{FULL_NAME}){_LINE_END}"),
    ("author_card_header", rf"^[\t ]*(?i:{_words('author_header')})[\t ]*(?:[:：][\t ]*|\n[\t ]*)"
                           rf"(?P<v>{FULL_NAME})(?=[\t ]*(?:$|[,|(·•—–]|[\t ]-[\t ])|[\t ]+"
                           rf"(?:{_words('bio_verb')})[\t ])"),
    ("author_bio", rf"^[\t ]*(?P<v>{FULL_NAME})[\t ]+(?:{_words('bio_verb')})[\t ]+"
                   rf"(?:[\w-]+[\t ]+){{0,2}}?(?i:{_words('bio_role')})(?![\w])"),
    ("contact_line", rf"^[\t ]*(?P<v>{FULL_NAME})[\t ]*(?:[|·•—–(]|[\t ]-[\t ])"
                     rf"(?=[^\n]{{0,60}}?(?:@[\w-]+\.[a-z]|{_PHONE_SHAPE}))"),
    ("name_over_contact", rf"^[\t ]*(?P<v>{FULL_NAME})[\t ]*\n(?=[\t ]*(?:[^\n]{{0,60}}?@[\w-]+\."
                          rf"[a-z]|[^\n]{{0,20}}?{_PHONE_SHAPE}))"),
    ("name_born_card", rf"^[\t ]*(?P<v>{FULL_NAME})[\t ]*\((?i:{_words('born')})[\t ]+"
                       r"(?:\d{1,2}(?!\d)|[^\W\d_]{3,}[\t ]+\d|\d{4}(?:-|年)\d)"),
)
FURNITURE_USER: tuple[tuple[str, str], ...] = (
    ("comment_header_user", rf"^[\t ]*(?:{_words('posted_by')}|{_words('reply_from')})"
                            rf"(?:[\t ]*[:：][\t ]*|[\t ]+)(?P<v>{USER}){_HEADER_TAIL}"),
    ("says_header_user", rf"^[\t ]*(?P<v>{USER})(?:[\t ]+|(?<=[\u3040-\u9fff]))"
                         rf"(?i:{_words('wrote')})[\t ]*[:：][\t ]*$"),
)


#: words that make a street address someone's home
RESIDENCE: dict[str, tuple[str, ...]] = {
    "en": ("lives", "live", "living", "lived", "resides", "residing", "resident", "residence",
           "home", "house", "address", "apartment", "flat", "moved to"),
    "de": ("wohnt", "wohnhaft", "wohnen", "wohnung", "zuhause", "anschrift", "adresse"),
    "fr": ("habite", "domicile", "domicilié", "demeurant", "adresse"),
    "es": ("vive", "reside", "domicilio", "dirección", "casa"),
    "it": ("abita", "vive", "residente", "domicilio", "indirizzo"),
    "nl": ("woont", "woonachtig", "adres", "woning"),
    "pt": ("mora", "vive", "reside", "morada", "endereço"),
    "pl": ("mieszka", "zamieszkały", "zamieszkała", "adres"),
    "sv": ("bor", "bosatt", "adress"),
}

#: checksummed national numbers: (recognizer, entity, regex, validator, context words).
#: A valid number scores 0.45 (kept); a label or context word lifts it over 0.5
NATIONAL_IDS: tuple[tuple[str, str, str, str, tuple[str, ...]], ...] = (
    ("br_cpf", "BR_CPF", r"(?<![\d.-])\d{3}\.?\d{3}\.?\d{3}-?\d{2}(?![\d-]|\.\d)", "cpf",
     ("cpf", "cadastro de pessoas físicas", "contribuinte")),
    ("pl_pesel", "PL_PESEL", r"(?<![\d.-])\d{11}(?![\d-]|\.\d)", "pesel", ("pesel",)),
    ("se_personnummer", "SE_PERSONNUMMER",
     r"(?<![\d.-])(?:19|20)?\d{6}[-+]?\d{4}(?![\d-]|\.\d)", "personnummer",
     ("personnummer", "personnr", "samordningsnummer")),
    ("nl_bsn", "NL_BSN", r"(?<![\d.-])(?:\d{9}|\d{4}\.\d{2}\.\d{3})(?![\d-]|\.\d)", "bsn",
     ("bsn", "burgerservicenummer", "sofinummer")),
    ("fr_nir", "FR_NIR",
     r"(?<![\d.-])[12][\t ]?\d{2}[\t ]?\d{2}[\t ]?(?:\d{2}|2[AB])[\t ]?\d{3}[\t ]?\d{3}[\t ]?\d{2}"
     r"(?![\d-])", "nir",
     ("sécurité sociale", "numéro de sécurité sociale", "nir", "insee", "numéro insee",
      "carte vitale")),
)

_CONTACT_VERBS = _alt([
    "contact", "reach", "email", "e-mail", "call", "write to", "ask for",
    "kontaktieren sie", "wenden sie sich an", "rufen sie", "schreiben sie",
    "contactez", "contacter", "joindre", "écrivez à", "appelez",
    "contacte con", "contactar con", "llame a", "escriba a",
    "contattare", "contatta", "contattate", "scrivete a", "chiamate",
    "neem contact op met", "contact opnemen met", "bel", "mail",
])
_CONTACT_PREP = _alt(["at", "on", "via", "by", "unter", "per", "à", "au", "par", "en", "al", "a",
                      "in", "op", "through"])

# -- the registry -----------------------------------------------------------------------

REGISTRY: tuple[RecognizerSpec, ...] = (
    RecognizerSpec(
        name="email",
        entity="EMAIL_ADDRESS",
        patterns=(
            PatternSpec(
                "email",
                r"(?<![\w.!#$%&'*+/=?^`{|}~-])[\w!#$%&'*+/=?^`{|}~-]+(?:\.[\w!#$%&'*+/=?^`{|}~-]+)*"
                r"@(?:[\w](?:[\w-]*[\w])?\.)+[A-Za-z]{2,24}(?![\w-])",
                0.9,
                anchor="@",
            ),
        ),
        validator="email_domain",
    ),
    RecognizerSpec(
        name="profile_url",
        entity="PROFILE_URL",
        patterns=(PatternSpec("social_profile_url", PROFILE_URL, 0.85),
                  PatternSpec("wordpress_blog", WORDPRESS_URL, 0.85)),
        validator="profile_url",
        flags="i",
    ),
    RecognizerSpec(
        name="social_handle",
        entity="SOCIAL_HANDLE",
        patterns=(PatternSpec("at_handle", HANDLE, 0.6, anchor="@"),),
        # the signature of an embedded post ("— Governor Kristi Noem (@govkristinoem)")
        # quotes a public account: news content, not a personal detail
        exclude_before=r"[—–][\t ][^\n()]{1,60}\($",
        context=CONTEXT["SOCIAL_HANDLE"],
        validator="handle",
    ),
    RecognizerSpec(
        name="labelled_person",
        entity="PERSON",
        patterns=(
            PatternSpec("label_name", _label_re("PERSON", NAME, _NAME_END), 0.85),
            PatternSpec(
                "contact_name",
                rf"(?i:\b(?:{_CONTACT_VERBS}))[\t ]+(?P<v>{NAME})[\t ]+(?i:(?:{_CONTACT_PREP}))\b"
                r"(?=[^\n]{0,40}?(?:@|\+?\d[\d\t ().-]{5,}\d))",
                0.75,
            ),
        ),
        flags="m",
        validator="person_label",
    ),
    RecognizerSpec(
        name="furniture_person",
        entity="PERSON",
        patterns=tuple(PatternSpec(n, rx, 0.8) for n, rx in FURNITURE_PERSON),
        flags="m",
        validator="person_label",
    ),
    RecognizerSpec(
        name="furniture_username",
        entity="USERNAME",
        patterns=tuple(PatternSpec(n, rx, 0.8) for n, rx in FURNITURE_USER),
        flags="m",
        validator="username",
    ),
    RecognizerSpec(
        name="labelled_username",
        entity="USERNAME",
        patterns=(
            PatternSpec(
                "label_username", _label_re("USERNAME", r"@?[\w][\w.@-]{0,38}[\w]|@?\w"), 0.85
            ),
        ),
        flags="im",
    ),
    RecognizerSpec(
        name="labelled_organization",
        entity="ORGANIZATION",
        patterns=(PatternSpec("label_company", _label_re("ORGANIZATION", r"[^\n|•;\t:：]{2,80}"),
                              0.8),),
        flags="im",
    ),
    RecognizerSpec(
        name="labelled_address",
        entity="STREET_ADDRESS",
        patterns=(PatternSpec("label_address", _label_re("STREET_ADDRESS", r"[^\n|•;\t:：]{4,120}"),
                              0.8),),
        flags="im",
        validator="address_value",
    ),
    RecognizerSpec(
        name="street_address",
        entity="STREET_ADDRESS",
        patterns=(
            PatternSpec("us_street_city_zip", US_ADDRESS_WITH_TAIL, 0.8),
            PatternSpec("us_military", US_MILITARY, 0.85),
            PatternSpec("gb_postcode_address", GB_ADDRESS, 0.75),
            PatternSpec("de_street", DE_ADDRESS, 0.75),
            PatternSpec("nl_street", NL_ADDRESS, 0.75),
            PatternSpec("fr_street", FR_ADDRESS, 0.75),
            PatternSpec("es_it_street", ESIT_ADDRESS, 0.75),
            PatternSpec("jp_address", JP_ADDRESS, 0.8),
            PatternSpec("in_street_pin", IN_ADDRESS, 0.75),
        ),
    ),
    # a bare "12 Main Street" in running text is a place of the story (a shop, a venue)
    # more often than someone's home: it needs a residence word nearby
    RecognizerSpec(
        name="street_address_bare",
        entity="STREET_ADDRESS",
        patterns=(PatternSpec("us_street", US_ADDRESS, 0.45),),
        context=RESIDENCE,
        boost=0.35,
    ),
    RecognizerSpec(
        name="address_lines",
        entity="STREET_ADDRESS",
        kind="address_lines",
        patterns=(
            PatternSpec("street_line", STREET_LINE, 0.8),
            PatternSpec("postcode_line", POSTCODE_LINE, 0.8),
        ),
    ),
    RecognizerSpec(
        name="date_of_birth",
        entity="DATE_OF_BIRTH",
        patterns=(
            PatternSpec("label_birthdate", _label_re("DATE_OF_BIRTH", DATE), 0.9),
            PatternSpec("date_near_birth_word", DATE, 0.2),
        ),
        context=CONTEXT["DATE_OF_BIRTH"],
        boost=0.55,
        flags="m",
        validator="date",
    ),
    RecognizerSpec(
        name="labelled_phone",
        entity="PHONE_NUMBER",
        patterns=(
            PatternSpec(
                "label_phone",
                _label_re(
                    "PHONE_NUMBER",
                    r"\+?[\d(][\d\t ().\-/]{4,24}\d(?:[\t ]*(?:x|ext\.?)[\t ]*\d{1,6})?",
                ),
                0.9,
            ),
        ),
        flags="im",
        validator="phone_digits",
    ),
    RecognizerSpec(
        name="phone",
        entity="PHONE_NUMBER",
        kind="phone",
        context=CONTEXT["PHONE_NUMBER"],
        boost=0.3,
    ),
    RecognizerSpec(
        name="ip_address",
        entity="IP_ADDRESS",
        kind="presidio",
        presidio_class="presidio_analyzer.predefined_recognizers:IpRecognizer",
        context={"en": ("ip", "address", "server", "host")},
    ),
    RecognizerSpec(
        name="credit_card",
        entity="CREDIT_CARD",
        # 12-19 digits, Luhn and a brand's IIN range and length (12-digit Maestro,
        # 19-digit Visa, 2-series Mastercard, 15-digit JCB ...)
        patterns=(PatternSpec(
            "card_luhn_iin", r"(?<![\d.,/-])\d(?:[\t -]?\d){11,18}(?![\d-]|[.,]\d)", 0.7
        ),),
        context=CONTEXT["CREDIT_CARD"],
        validator="card",
    ),
    *(
        RecognizerSpec(
            name=name,
            entity=entity,
            patterns=(PatternSpec(name, rx, 0.45),),
            context={"en": words, **{k: v for k, v in CONTEXT["NATIONAL_ID"].items()
                                       if k != "en"}},
            boost=0.45,
            validator=validator,
        )
        for name, entity, rx, validator, words in NATIONAL_IDS
    ),
    RecognizerSpec(
        name="iban",
        entity="IBAN_CODE",
        kind="presidio",
        presidio_class="presidio_analyzer.predefined_recognizers:IbanRecognizer",
        context=CONTEXT["IBAN_CODE"],
    ),
    RecognizerSpec(
        name="crypto_wallet",
        entity="CRYPTO",
        kind="presidio",
        presidio_class="presidio_analyzer.predefined_recognizers:CryptoRecognizer",
        context={"en": ("wallet", "bitcoin", "btc", "address", "crypto")},
    ),
    RecognizerSpec(
        name="us_ssn",
        entity="US_SSN",
        kind="presidio",
        presidio_class="presidio_analyzer.predefined_recognizers:UsSsnRecognizer",
        context=CONTEXT["NATIONAL_ID"],
        boost=0.4,
        needs_context=True,
    ),
    RecognizerSpec(
        name="uk_nino",
        entity="UK_NINO",
        kind="presidio",
        presidio_class="presidio_analyzer.predefined_recognizers:UkNinoRecognizer",
        context=CONTEXT["NATIONAL_ID"],
    ),
    RecognizerSpec(
        name="uk_nhs",
        entity="UK_NHS",
        kind="presidio",
        presidio_class="presidio_analyzer.predefined_recognizers:NhsRecognizer",
        context=CONTEXT["NATIONAL_ID"],
        needs_context=True,
    ),
    RecognizerSpec(
        name="es_nif",
        entity="ES_NIF",
        kind="presidio",
        presidio_class="presidio_analyzer.predefined_recognizers:EsNifRecognizer",
        context=CONTEXT["NATIONAL_ID"],
    ),
    RecognizerSpec(
        name="es_nie",
        entity="ES_NIE",
        kind="presidio",
        presidio_class="presidio_analyzer.predefined_recognizers:EsNieRecognizer",
        context=CONTEXT["NATIONAL_ID"],
    ),
    RecognizerSpec(
        name="it_fiscal_code",
        entity="IT_FISCAL_CODE",
        kind="presidio",
        presidio_class="presidio_analyzer.predefined_recognizers:ItFiscalCodeRecognizer",
        context=CONTEXT["NATIONAL_ID"],
    ),
    RecognizerSpec(
        name="de_tax_id",
        entity="DE_TAX_ID",
        kind="presidio",
        presidio_class="presidio_analyzer.predefined_recognizers:DeTaxIdRecognizer",
        context=CONTEXT["NATIONAL_ID"],
        needs_context=True,
    ),
)

#: every entity type the registry can report
ENTITY_TYPES: tuple[str, ...] = tuple(dict.fromkeys(s.entity for s in REGISTRY))

_LABELLED_TYPES = ("PERSON", "USERNAME", "ORGANIZATION", "STREET_ADDRESS", "DATE_OF_BIRTH",
                   "PHONE_NUMBER")

#: the pre-filter, as data: cheap trigger regexes and the entity types whose
#: recognizers a trigger wakes up. Text with no trigger is never analyzed; a
#: window around a trigger is analyzed for the woken types only. Each regex
#: starts with a concrete character class so the regex engine can skip ahead.
TRIGGERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"@", ("EMAIL_ADDRESS", "SOCIAL_HANDLE", "PROFILE_URL", "PERSON")),
    (r"://|www\.|\.(?:com|net|me|tv|app|social)/", ("PROFILE_URL",)),
    # one scan for digit runs; NUMERIC_KINDS then says which checksummed IDs to wake
    # (one leading class: the engine skips ahead to it; 3-5x faster than an alternation)
    (r"[+\d][\d\t ().\-/]{5,}\d[A-Z]?", ("NUMERIC",)),
    (r"[0-9a-fA-F]{1,4}::?[0-9a-fA-F]{1,4}:", ("IP_ADDRESS",)),
    (r"[:：=]", ("LABEL",)),  # confirmed by LABEL_BEFORE_COLON, then wakes _LABELLED_TYPES
    # furniture lines (bylines, comment headers, signatures, author cards) start a line
    (rf"(?m:^)[\t ]*(?:{_words('byline')}|{_words('posted_by')}|{_words('reply_from')}"
     rf"|{_words('closing')}|--|(?i:{_words('author_header')}))", ("PERSON", "USERNAME")),
    # birth words: one leading class, then the word's rest (a few more windows than
    # pairing each first letter with its own rest, far faster to scan)
    (r"[bBgGnNDuUfF生誕](?:orn\b|irth|eb(?:or|\.|oort)|ée?\b|aiss|aci[dm]|ació|at[oa] il|ascit"
     r"|asc[ei]|OB|\.O\.B|rodz|öd(?:d|el)|年月日|まれ|生)", ("DATE_OF_BIRTH", "PERSON")),
    # street addresses: one regex per shape (a union of them is 10x slower to scan)
    (rf"\d{{1,6}}[\t ]+(?:[NSEW]\.?[\t ]+)?(?:{_CAP}[\t ]+){{1,4}}(?:{_US_SUFFIX})\b",
     ("STREET_ADDRESS",)),
    (r"[A-Z]{2}[A-Z]?,?[\t ]+\d{4,5}\b", ("STREET_ADDRESS",)),
    (r"[A-Z]{1,2}\d[A-Z\d]?[\t ]*\d[A-Z]{2}\b", ("STREET_ADDRESS",)),
    (r"\d{4}(?:\d[\t ]+[A-ZÀ-Þ']|\d,|[\t ]?[A-Z]{2}\b)", ("STREET_ADDRESS",)),
    (r",[\t ]\d{5}\b", ("STREET_ADDRESS",)),
    (r"\d(?:\d-\d{3}\b|\d{3,4}-\d{3}\b|\d{2}[\t ]\d{2}[\t ]+[A-ZÅÄÖ]|\d{5}(?:\d\d)?\b"
     r"|丁目|番地|番|号)",
     ("STREET_ADDRESS",)),
    (rf"\d,?[\t ]+(?:{_FR_PREFIX})[\t ]", ("STREET_ADDRESS",)),
    (r"(?:straße|strasse|str\.|gasse|allee|straat|laan|gracht|singel|weg|ring|platz)[\t ]+\d",
     ("STREET_ADDRESS",)),
    (rf"(?:{_ESIT_PREFIX})[\t ]+[A-ZÀ-Þ]", ("STREET_ADDRESS",)),
    (r"[A-Z]{2}\d{2}[\t ]?[A-Z0-9]{4}", ("IBAN_CODE",)),
    (r"(?:bc1|[13])[a-km-zA-HJ-NP-Z1-9]{25,39}\b|0x[0-9a-fA-F]{40}\b", ("CRYPTO",)),
    (r"[A-Z]{6}\d{2}[A-Z]\d{2}[A-Z]\d{3}[A-Z]\b", ("IT_FISCAL_CODE",)),
    (r"[A-Z]{2}[\t ]?\d{2}[\t ]?\d{2}[\t ]?\d{2}[\t ]?[A-D]\b", ("UK_NINO",)),
    (r"[XYZ]\d{7}[A-Z]\b", ("ES_NIE",)),
)
LABELLED_TYPES = _LABELLED_TYPES
#: every digit run wakes these...
NUMERIC_TYPES = ("PHONE_NUMBER", "PERSON", "DATE_OF_BIRTH")
#: ...and these when the run (matched in full) has their shape
NUMERIC_KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"\d(?:[\t -]?\d){11,18}", ("CREDIT_CARD",)),
    (r"\d{3}\.?\d{3}\.?\d{3}-?\d{2}|\d{11}", ("BR_CPF", "PL_PESEL")),
    (r"(?:19|20)?\d{6}[-+]?\d{4}", ("SE_PERSONNUMMER",)),
    (r"\d{9}|\d{4}\.\d{2}\.\d{3}", ("NL_BSN",)),
    (r"[12][\t ]?\d{2}[\t ]?\d{2}", ("FR_NIR",)),
    (r"\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}", ("IP_ADDRESS",)),
    (r"\d{3}[\t .-]?\d{2}[\t .-]?\d{4}", ("US_SSN",)),
    (r"\d{3}[\t -]?\d{3}[\t -]?\d{4}", ("UK_NHS",)),
    (r"\d{2}[\t ]?\d{3}[\t ]?\d{3}[\t ]?\d{3}", ("DE_TAX_ID",)),
    (r"\d{8}-?[A-Z]", ("ES_NIF",)),
)
#: a label word right before a colon trigger (searched in the 40 chars before it)
LABEL_BEFORE_COLON = (
    rf"(?i:{_alt([w for e in LABELS for w in labels_for(e)] + list(_vocab.words('wrote')))})"
    r"[\t ]*\Z"
)

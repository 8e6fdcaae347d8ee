"""Every knob of the pipeline, with its documented default.

``CleanerConfig`` is the one object users pass around. It groups one section
per stage; each section is a frozen, keyword-only dataclass so a typo is an
error, not a silently ignored setting. ``CleanerConfig.from_dict`` reads the
same names from a TOML/JSON mapping (``[tool.cleaner]`` in ``pyproject.toml``,
``--config FILE``), e.g.::

    [tool.cleaner.quality]
    min_words = 80

    [tool.cleaner.pii]
    style = "pseudonym"
"""

from __future__ import annotations

import dataclasses
import sys
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, Literal

from .categories import CHECKED
from .errors import ConfigError

DEFAULT_STAGES: tuple[str, ...] = (
    "extract",
    "language",
    "boilerplate",
    "pii",
    "assemble",
    "quality",
)


# -- validation ---------------------------------------------------------------------------
# Each section checks itself at construction (``__post_init__``), so a nonsense value is a
# ``ConfigError`` naming the key whether it came from a file, ``from_dict`` or Python.
# Ranges are data: a section's ``_ranges[key] = (low, high)`` (inclusive, ``None`` = open).

_Range = tuple[float | None, float | None]
_UNIT: _Range = (0.0, 1.0)
_POSITIVE: _Range = (1, None)
_NON_NEGATIVE: _Range = (0, None)


def _fail(path: str, value: Any, why: str) -> typing.NoReturn:
    raise ConfigError(f"{path} ({value!r}) {why}")


def _check_range(path: str, value: Any, limits: _Range) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        _fail(path, value, "must be a number")
    lo, hi = limits
    if lo is not None and hi is not None and not lo <= value <= hi:
        _fail(path, value, f"must be between {lo} and {hi}")
    if lo is not None and value < lo:
        _fail(path, value, f"must be >= {lo}")
    if hi is not None and value > hi:
        _fail(path, value, f"must be <= {hi}")


def _check_pair(path: str, pair: Any, limits: _Range) -> None:
    """A ``(low, high)`` setting: both in ``limits`` and ``low <= high``."""
    if not isinstance(pair, tuple) or len(pair) != 2:
        _fail(path, pair, "must be a pair [low, high]")
    _check_range(f"{path}[0]", pair[0], limits)
    _check_range(f"{path}[1]", pair[1], limits)
    if pair[0] > pair[1]:
        _fail(path, pair, "must have low <= high")


def _check_choices(path: str, values: Any, choices: tuple[str, ...]) -> None:
    if isinstance(values, str) or not isinstance(values, tuple):
        _fail(path, values, "must be a list")
    for v in values:
        if v not in choices:
            _fail(path, values, f"holds {v!r}, not one of {', '.join(choices)}")


def _validate(section: Any) -> None:
    """Check ``section``'s fields against its ``_ranges`` and ``_pairs``."""
    name = section._section
    for key, limits in section._ranges.items():
        value = getattr(section, key)
        if value is not None:
            _check_range(f"{name}.{key}", value, limits)
    for key, limits in section._pairs.items():
        _check_pair(f"{name}.{key}", getattr(section, key), limits)


class _Section:
    """Base of the config sections: ``__post_init__`` checks ``_ranges`` and ``_pairs``."""

    _section: ClassVar[str] = ""
    _ranges: ClassVar[dict[str, _Range]] = {}
    _pairs: ClassVar[dict[str, _Range]] = {}

    def __post_init__(self) -> None:
        _validate(self)


def _at_least(section: Any, key: str, other: str) -> None:
    """Cross-field rule: ``section.key >= section.other``."""
    name = section._section
    a, b = getattr(section, key), getattr(section, other)
    if a < b:
        raise ConfigError(f"{name}.{key} ({a!r}) must be >= {name}.{other} ({b!r})")


@dataclass(frozen=True, kw_only=True)
class ExtractionConfig(_Section):
    """HTML -> text (trafilatura) and text segmentation."""

    #: trafilatura's trade-off: ``balanced``, ``precision`` or ``recall``
    favor: Literal["balanced", "precision", "recall"] = "balanced"
    #: keep tables (rendered one row a line, cells joined by `` | ``)
    include_tables: bool = True
    #: keep the page's comment section (off: comments are not the article)
    include_comments: bool = False
    #: before trafilatura, drop elements hidden from readers
    #: (``hidden``, ``aria-hidden``, ``display:none``); each drop is reported
    drop_hidden: bool = True
    #: ... on every page kind; off: only on articles (``cleaner.pagekind``), since on
    #: other kinds hidden elements are mostly collapsed tabs holding the content
    drop_hidden_all: bool = False
    #: inputs larger than this many bytes are refused with ``InputError``
    max_input_bytes: int = 50_000_000
    #: most top-level elements (paragraphs, headings, lists, ...) in the extracted body;
    #: a page whose body has more is refused with ``InputError`` (``too_large``)
    max_tree_size: int | None = None
    #: let trafilatura compare its result with its readability/jusText fallbacks
    #: (off = trafilatura's ``fast`` mode: on the article-extraction benchmark it was
    #: faster and no less accurate, see BENCHMARKS.md)
    fallback: bool = False
    #: with ``fallback`` off: when the fast result kept far less than the page holds
    #: (main container, JSON-LD ``articleBody``, paragraph text; ``cleaner.pagekind``) or
    #: nothing, run the fallback comparison too and keep the longer result
    recover_truncation: bool = True
    #: append trafilatura's comment section where it is the page's content: a forum's
    #: posts, or a discussion far longer than a story's blurb (``cleaner.pagekind.
    #: comments_are_content``; report ``extraction.comments``), unless it is a list of
    #: threads (``comments_not_posts``, ``thread_rows``: ``extraction.comments_skipped``).
    #: Off by default: on WCXB dev it gains on the develop half, but on the report half
    #: it loses a thread whose label keeps only the opening post, and on the gate subset
    #: a reader's "slashdotted" is a must-not-have "Slashdot" (substring, as WCXB's own
    #: metric matches), over the ceiling (BENCHMARKS.md, helper pages3)
    comment_pages: bool = False
    #: before the page signals and trafilatura, drop cookie-consent banners and
    #: preference centres (``cleaner.extract.drop_consent``; each a ``consent_dialog``
    #: finding). Off by default: on WCXB dev's develop half it gained three pages and
    #: lost none, but on one (a forum whose posts trafilatura drops either way) the
    #: extraction without the dialog kept a guest banner that is a must-not-have snippet,
    #: which put the gate subset over its ceiling (BENCHMARKS.md)
    drop_consent: bool = False
    #: on article pages, keep posts quoted with a social network's embed code (a
    #: ``blockquote.twitter-tweet`` and the wrappers holding only it, whose ``social`` or
    #: ``embed`` class trafilatura discards): the quote is the story's text
    #: (``cleaner.articleshape.unwrap_embedded_posts``; report ``extraction.embedded_posts``)
    keep_embedded_posts: bool = True
    #: drop the blocks the learned block model (``cleaner/data/block_model.json``,
    #: ``make train``) scores below its threshold; each drop is a finding. Off: on
    #: trafilatura's blocks it gained nothing held out (blocks that are not main content
    #: hold 5% of their words; see BENCHMARKS.md) and costs ~4% of extraction time
    block_model: bool = False
    #: score every text block of the page DOM with the learned DOM model
    #: (``cleaner/data/dom_model.json``, ``make train``) on the page kinds its policy
    #: gates (the other kinds skip the DOM walk): a page-level gate replaces the extract
    #: stage's blocks with the model's candidate only when confident that it is better;
    #: each added or dropped block is a finding (rule ``dom_model``). Held-out figures
    #: in BENCHMARKS.md ("DOM model gate")
    dom_model: bool = True
    #: on forum pages, drop the blocks that quote a post the page already holds (text the
    #: blocks before it hold, printed inside a quote container: ``cleaner.threadshape``; a
    #: post pasted again outside a quote stays); each drop is a ``repeated_post`` finding,
    #: ``extraction.repeats`` counts them
    drop_repeats: bool = True
    #: on forum pages, drop the posters' signatures (a class/id naming a signature:
    #: ``cleaner.threadshape.signature_elements``) before extraction; each drop is a
    #: ``post_signature`` finding
    drop_signatures: bool = True
    #: on forum pages, drop the per-post chrome: short lines printed in the same shape
    #: with three or more posts (counters, member titles, stat lines, quote controls;
    #: not dates, names or code: ``cleaner.threadshape.chrome_lines``); each drop is a
    #: ``post_chrome`` finding
    drop_post_chrome: bool = True
    #: a working text longer than this many characters is refused with ``InputError``
    #: (reason ``too_large``): later stages cost ~10 µs a character, so this bounds
    #: the time one document can take (a long article is ~100,000 characters)
    max_text_chars: int = 2_000_000
    #: a working text split into more blocks than this is refused the same way
    #: (~0.6 ms a block in the later stages)
    max_blocks: int = 20_000
    #: an HTML page with more elements than this is refused the same way before
    #: trafilatura runs (its time grows faster than linearly: 50,000 ``<p>`` took 22 s)
    max_elements: int = 50_000
    #: also extract the page's title, author, date, site name and URL (trafilatura's
    #: metadata, from the same parsed tree; ``cleaner.metadata``): ``CleanResult.metadata``
    #: and ``metadata.*`` of batch records. The author is redacted like a name in the text
    with_metadata: bool = False

    _section: ClassVar[str] = "extraction"
    _ranges: ClassVar[dict[str, _Range]] = {
        "max_input_bytes": _POSITIVE, "max_tree_size": _POSITIVE, "max_text_chars": _POSITIVE,
        "max_blocks": _POSITIVE, "max_elements": _POSITIVE,
    }


@dataclass(frozen=True, kw_only=True)
class LanguageConfig(_Section):
    """Language identification (langdetect, seeded for determinism)."""

    enabled: bool = True
    #: below this many letters the body gets ``und`` instead of a guess
    min_chars: int = 40
    #: body language probability below this is reported as unreliable
    min_prob: float = 0.80
    #: detect a language per block as well (shows foreign/Latin blocks)
    per_block: bool = True
    #: blocks shorter than this many letters inherit ``und``
    min_block_chars: int = 40
    #: only this many characters of the body are sampled for detection
    sample_chars: int = 800
    #: at most this many blocks per page go to langdetect (the others are
    #: screened by stopwords or marked ``und``); counted from the end of the
    #: page, where foreign and filler blocks cluster
    max_block_detections: int = 12

    _section: ClassVar[str] = "language"
    _ranges: ClassVar[dict[str, _Range]] = {
        "min_chars": _NON_NEGATIVE, "min_prob": _UNIT, "min_block_chars": _NON_NEGATIVE,
        "sample_chars": _POSITIVE, "max_block_detections": _NON_NEGATIVE,
    }


@dataclass(frozen=True, kw_only=True)
class BoilerplateConfig(_Section):
    """Link-farm, author-card, social and page-furniture removal."""

    enabled: bool = True
    #: mark findings instead of removing them (dry run)
    dry_run: bool = False
    #: a block is removed when its combined score (noisy-or of rule weights, damped by
    #: protections; see ``cleaner/boilerplate/rules.py``) reaches this
    min_score: float = 0.65
    #: a paragraph of at least this many words ending in terminal punctuation is
    #: article prose; the tail region starts after the last one
    prose_min_words: int = 25
    #: no tail region when the words after the last prose paragraph exceed this
    #: share of the words up to it
    max_tail_ratio: float = 0.5
    #: headline-shaped blocks have between these many words
    headline_words: tuple[int, int] = (3, 24)
    #: use the shipped headline model (``cleaner/boilerplate/headline.py``); a line whose
    #: probability reaches ``headline_model_min`` gets the ``headline_model`` signal
    headline_model: bool = True
    headline_model_min: float = 0.8
    #: a title-case last sentence with no tail after it is cut as glued spam when it is
    #: off-topic and the model gives it at least this
    glued_model_min: float = 0.6
    #: run the learned tail model (``cleaner/boilerplate/tailmodel.py``) on the blocks the
    #: rules kept after the article's end; off by default (BENCHMARKS.md, issue 12)
    tail_model: bool = False
    #: share of capitalised words (of those with 4+ letters) for "title case"
    title_case_ratio: float = 0.6
    #: below this share of content words shared with the article body -> off-topic
    offtopic_overlap: float = 0.25
    #: at or above this link density (HTML) a headline counts as linked
    link_density: float = 0.75
    #: share of Latin filler words for the placeholder rule (and at least this many words)
    latin_ratio: float = 0.5
    latin_min_words: int = 5
    #: a key/value run is an author card with at least this many known card keys,
    #: at least one of them a strong one (email, birthdate, username, phone...)
    card_min_keys: int = 2
    #: glued spam: the cut sentence has at most this many words
    glued_max_words: int = 16
    #: never touch the first block (the title) with link-farm rules
    protect_title: bool = True
    #: rule names (see ``cleaner/boilerplate/rules.py``) that never fire
    disabled_rules: tuple[str, ...] = ()

    _section: ClassVar[str] = "boilerplate"
    _ranges: ClassVar[dict[str, _Range]] = {
        "min_score": _UNIT, "prose_min_words": _POSITIVE, "max_tail_ratio": _NON_NEGATIVE,
        "title_case_ratio": _UNIT, "offtopic_overlap": _UNIT, "link_density": _UNIT,
        "latin_ratio": _UNIT, "latin_min_words": _POSITIVE, "card_min_keys": _POSITIVE,
        "glued_max_words": _POSITIVE,
    }
    _pairs: ClassVar[dict[str, _Range]] = {"headline_words": _POSITIVE}


@dataclass(frozen=True, kw_only=True)
class PIIConfig(_Section):
    """Personal-data redaction (presidio-analyzer, offline; see ``cleaner/pii/``).

    Names in the article's running text (politicians, officials, people quoted)
    are kept: only labelled names (``Name :``, ``Author:``, ``Contact X at``)
    are redacted unless ``person_ner`` is on.
    """

    enabled: bool = True
    #: ``tag`` -> ``[EMAIL]``, ``pseudonym`` -> ``[PERSON_1]``, ``remove`` -> nothing
    style: Literal["tag", "pseudonym", "remove"] = "tag"
    #: entity types not to look for (``cleaner.pii.ENTITY_TYPES`` lists them), e.g.
    #: ``["IP_ADDRESS", "ORGANIZATION"]``
    disabled_types: tuple[str, ...] = ()
    #: values never redacted, compared case-insensitively (e.g. a newsroom's address)
    allow: tuple[str, ...] = ()
    #: regexes; a value they fully match is never redacted (e.g. ``"@(?i:reuters|ap)"``)
    allow_regex: tuple[str, ...] = ()
    #: results scoring below this are dropped (context words raise scores)
    min_score: float = 0.5
    #: analyze only windows around cheap pre-filter hits (off: every block, slower)
    prefilter: bool = True
    #: also redact person names in running text with a spaCy NER model you install
    #: (public figures will be redacted too); off by default, never downloaded
    person_ner: bool = False
    #: the installed spaCy pipeline used when ``person_ner`` is on
    ner_model: str = "en_core_web_sm"
    #: what is redacted: ``personal`` (default) only values judged personal (private
    #: people's contacts, names in page furniture, IDs); an organisation's role mailbox
    #: (``info@``), its box office or switchboard named as such, an office holder's
    #: account, the birth date of the person an article is about and reserved IP
    #: addresses are kept. ``all``: every detected value (strict corpora). Each
    #: finding carries ``detail.personal``
    policy: Literal["personal", "all"] = "personal"

    _section: ClassVar[str] = "pii"
    _ranges: ClassVar[dict[str, _Range]] = {"min_score": _UNIT}


@dataclass(frozen=True, kw_only=True)
class QualityConfig(_Section):
    """Quality signals and the keep/review/reject verdict.

    Each signal has a range it is healthy in; the score is the mean of the
    per-signal scores (1 inside the range, falling linearly to 0 at twice the
    distance). A *hard* rule sends a document to ``reject``; a *soft* rule or a
    score under ``review_below`` sends it to ``review``.
    """

    #: hard: fewer output words than this -> reject
    min_words: int = 50
    #: soft: fewer output words than this -> review
    review_words: int = 120
    #: healthy mean word length (Gopher: 3..10)
    mean_word_length: tuple[float, float] = (3.0, 10.0)
    #: healthy stopword ratio for the detected language (Gopher: >= 2 stopwords per 50 words)
    min_stopword_ratio: float = 0.06
    #: healthy share of lines ending in terminal punctuation (C4-like)
    min_punct_line_ratio: float = 0.30
    #: healthy duplicate-line fraction (Gopher: <= 0.30)
    max_dup_line_fraction: float = 0.30
    #: healthy symbol-to-word ratio (Gopher: <= 0.10)
    max_symbol_ratio: float = 0.10
    #: score below this -> review
    review_below: float = 0.60
    #: score below this -> reject
    reject_below: float = 0.30
    #: this many bounded signals outside their range -> reject (two -> review)
    reject_failing_signals: int = 3
    #: when set, a body language other than these -> review
    languages: tuple[str, ...] = ()

    _section: ClassVar[str] = "quality"
    _ranges: ClassVar[dict[str, _Range]] = {
        "min_words": _NON_NEGATIVE, "review_words": _NON_NEGATIVE,
        "min_stopword_ratio": _UNIT, "min_punct_line_ratio": _UNIT,
        "max_dup_line_fraction": _UNIT, "max_symbol_ratio": _NON_NEGATIVE,
        "review_below": _UNIT, "reject_below": _UNIT, "reject_failing_signals": _POSITIVE,
    }
    _pairs: ClassVar[dict[str, _Range]] = {"mean_word_length": (0.0, None)}

    def __post_init__(self) -> None:
        super().__post_init__()
        _at_least(self, "review_below", "reject_below")


@dataclass(frozen=True, kw_only=True)
class CheckConfig(_Section):
    """``cleaner check`` (the pre-commit check for corpus files), ``[tool.cleaner.check]``."""

    #: finding categories that fail the check (``pii`` and the boilerplate categories:
    #: those marked ``checked`` in ``cleaner/categories.py``); add ``hidden`` to flag
    #: hidden HTML elements
    categories: tuple[str, ...] = CHECKED
    #: documents with one of these verdicts fail too (e.g. ``["reject"]``); off by default
    fail_verdicts: tuple[str, ...] = ()
    #: known-good strings: a finding whose text equals one of these (case and
    #: whitespace ignored) is not reported
    allow: tuple[str, ...] = ()
    #: known-good patterns: a finding whose text fully matches one of these regexes
    allow_regex: tuple[str, ...] = ()
    #: accepted findings (salted hashes), written by ``cleaner check --update-baseline``
    baseline: str = ".cleaner-baseline.json"
    #: JSONL records: fields holding the page, first present wins (``html`` is parsed as HTML)
    record_fields: tuple[str, ...] = ("text", "html", "source", "content")
    #: JSONL records: field holding the record id shown in findings
    id_field: str = "id"

    _section: ClassVar[str] = "check"

    def __post_init__(self) -> None:
        super().__post_init__()
        _check_choices("check.fail_verdicts", self.fail_verdicts, ("keep", "review", "reject"))
        if not self.record_fields:
            _fail("check.record_fields", self.record_fields, "must name at least one field")


@dataclass(frozen=True, kw_only=True)
class CleanerConfig:
    """Configuration of the whole pipeline. ``CleanerConfig()`` is the default."""

    #: stage names, run in this order (see ``cleaner.pipeline.STAGES``)
    stages: tuple[str, ...] = DEFAULT_STAGES
    extraction: ExtractionConfig = field(default_factory=ExtractionConfig)
    language: LanguageConfig = field(default_factory=LanguageConfig)
    boilerplate: BoilerplateConfig = field(default_factory=BoilerplateConfig)
    pii: PIIConfig = field(default_factory=PIIConfig)
    quality: QualityConfig = field(default_factory=QualityConfig)
    check: CheckConfig = field(default_factory=CheckConfig)

    def __post_init__(self) -> None:
        if isinstance(self.stages, str) or not isinstance(self.stages, tuple):
            _fail("stages", self.stages, "must be a list of stage names")
        if not self.stages:
            _fail("stages", self.stages, "must name at least one stage")

    # -- building from mappings -------------------------------------------------

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CleanerConfig:
        """Build a config from nested mappings; unknown names raise ``ConfigError``."""
        return _build(cls, data, "")

    @classmethod
    def from_file(cls, path: str | Path) -> CleanerConfig:
        """Read a ``.toml`` (top level or ``[tool.cleaner]``) or ``.json`` file."""
        p = Path(path)
        try:
            raw = p.read_bytes()
        except OSError as exc:
            raise ConfigError(f"cannot read config file {str(p)!r}: {exc.strerror}") from None
        data = _parse_config_bytes(raw, p.suffix.lower(), str(p))
        if p.suffix.lower() == ".toml" and "tool" in data:
            data = data.get("tool", {}).get("cleaner", {})
        return cls.from_dict(data)

    @classmethod
    def from_pyproject(cls, directory: str | Path = ".") -> CleanerConfig | None:
        """``[tool.cleaner]`` from the nearest ``pyproject.toml`` upwards, if any."""
        d = Path(directory).resolve()
        for parent in (d, *d.parents):
            candidate = parent / "pyproject.toml"
            if candidate.is_file():
                data = _parse_config_bytes(candidate.read_bytes(), ".toml", str(candidate))
                section = data.get("tool", {}).get("cleaner")
                return cls.from_dict(section) if section else None
        return None

    def replace(self, **changes: Any) -> CleanerConfig:
        return dataclasses.replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        return _to_jsonable(dataclasses.asdict(self))


def _parse_config_bytes(raw: bytes, suffix: str, name: str) -> dict[str, Any]:
    try:
        if suffix == ".json":
            import json

            data = json.loads(raw.decode("utf-8"))
        else:
            if sys.version_info >= (3, 11):
                import tomllib
            else:  # pragma: no cover - Python 3.10
                import tomli as tomllib
            data = tomllib.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot parse config file {name!r}: {exc}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"config file {name!r} must hold a table/object")
    return data


def _to_jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_to_jsonable(v) for v in value]
    return value


def _build(cls: type, data: Mapping[str, Any], where: str) -> Any:
    if not isinstance(data, Mapping):
        raise ConfigError(f"config section {where or '<root>'!r} must be a table/object")
    hints = typing.get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls)}
    kwargs: dict[str, Any] = {}
    for key, value in data.items():
        name = key.replace("-", "_")
        path = f"{where}.{name}" if where else name
        if name not in fields:
            known = ", ".join(sorted(fields))
            raise ConfigError(f"unknown config name {path!r} (known here: {known})")
        kwargs[name] = _coerce(hints[name], value, path)
    return cls(**kwargs)


def _coerce(tp: Any, value: Any, path: str) -> Any:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        return _build(tp, value, path)
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        errors = []
        for arg in args:
            if arg is type(None):
                continue
            try:
                return _coerce(arg, value, path)
            except ConfigError as exc:
                errors.append(str(exc))
        raise ConfigError(errors[0] if errors else f"bad value for {path!r}")
    if origin is Literal:
        if value not in args:
            choices = ", ".join(map(repr, args))
            raise ConfigError(f"{path!r} must be one of {choices}, not {value!r}")
        return value
    if origin is tuple:
        if not isinstance(value, (list, tuple)):
            raise ConfigError(f"{path!r} must be a list")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_coerce(args[0], v, path) for v in value)
        if len(args) != len(value):
            raise ConfigError(f"{path!r} must have {len(args)} items")
        return tuple(_coerce(a, v, path) for a, v in zip(args, value, strict=True))
    if origin in (dict, Mapping) or tp in (dict, Mapping):
        if not isinstance(value, Mapping):
            raise ConfigError(f"{path!r} must be a table/object")
        return dict(value)
    if tp is bool:
        if not isinstance(value, bool):
            raise ConfigError(f"{path!r} must be true or false, not {value!r}")
        return value
    if tp is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ConfigError(f"{path!r} must be an integer, not {value!r}")
        return value
    if tp is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ConfigError(f"{path!r} must be a number, not {value!r}")
        return float(value)
    if tp is str:
        if not isinstance(value, str):
            raise ConfigError(f"{path!r} must be a string, not {value!r}")
        return value
    return value

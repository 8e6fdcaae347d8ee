"""The stage contract: which typed fields of the document each stage needs and fills.

Stages talk only through typed fields of :class:`cleaner.model.Document` and
:class:`cleaner.model.Block` (no dicts of hints). Each stage class declares, as
class attributes, tuples of the field names below:

- ``requires``: fields an *earlier* stage must have filled (assemble needs the
  blocks);
- ``reads``: fields read when present, which therefore must not be filled by a
  *later* stage (assemble reads every finding: a redaction made after it would
  be reported but missing from the output);
- ``provides``: fields the stage fills.

:func:`check_order` applies these to a pipeline; :class:`cleaner.Cleaner` calls
it at construction, so a bad order is a :class:`~cleaner.errors.ConfigError`
naming the stage and the field, never a silently wrong output. A stage that
declares nothing (e.g. a test double) is not checked.

``findings.<stage>`` names the findings one stage adds; ``findings`` (in
``reads``) means the findings of every stage.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .errors import ConfigError

#: field name -> where it lives (the README's ARCHITECTURE section lists the same)
FIELDS: dict[str, str] = {
    "decoded": "Document.decoded: the input as text (input detection, before any stage)",
    "format": "Document.format: html, text or markdown (input detection)",
    "text": "Document.text: the working text every span points into",
    "blocks": "Document.blocks: the blocks (offsets into the working text)",
    "block.markup": "Block.markup: tag, link density and container tokens from the HTML",
    "block.lang": "Block.lang, Block.lang_prob, Block.lang_method",
    "page_kind": "Document.page_kind: article, forum, product... (cleaner.pagekind)",
    "language": "Document.language: the body language",
    "findings": "Document.findings: every stage's findings (only in ``reads``)",
    "output": "Document.output: the clean body",
    "quality": "Document.quality: signals, score, verdict, reasons",
}
#: filled before the first stage runs (``Cleaner.clean`` decodes and detects the format)
GIVEN: tuple[str, ...] = ("decoded", "format")
_FINDINGS = "findings."


@dataclass(frozen=True, slots=True)
class Contract:
    requires: tuple[str, ...] = ()
    reads: tuple[str, ...] = ()
    provides: tuple[str, ...] = ()


def contract_of(stage: Any) -> Contract:
    """The contract a stage (class or instance) declares; empty when it declares none."""
    name = _name(stage)
    parts = {}
    for attr in ("requires", "reads", "provides"):
        value = getattr(stage, attr, ())
        if isinstance(value, str) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"stage {name!r}: {attr} must be a tuple of field names")
        for f in value:
            if not _known(f):
                known = ", ".join([*FIELDS, "findings.<stage>"])
                raise ConfigError(f"stage {name!r} {attr} unknown field {f!r} (known: {known})")
        parts[attr] = tuple(value)
    return Contract(**parts)


def _name(stage: Any) -> str:
    name = getattr(stage, "name", None)
    return str(name) if name else getattr(stage, "__name__", type(stage).__name__)


def _known(field: str) -> bool:
    return field in FIELDS or (field.startswith(_FINDINGS) and len(field) > len(_FINDINGS))


def covers(read: str, provided: str) -> bool:
    """Whether reading ``read`` sees ``provided`` (``findings`` covers ``findings.pii``)."""
    return read == provided or (read == "findings" and provided.startswith(_FINDINGS))


def check_order(stages: Sequence[Any]) -> None:
    """Raise :class:`ConfigError` when ``stages`` (in run order) break a contract."""
    names = [_name(s) for s in stages]
    contracts = [contract_of(s) for s in stages]
    provided = set(GIVEN)
    for i, (name, c) in enumerate(zip(names, contracts, strict=True)):
        for f in c.requires:
            if any(covers(f, p) for p in provided):
                continue
            later = next((names[j] for j in range(i + 1, len(stages))
                          if any(covers(f, p) for p in contracts[j].provides)), None)
            if later is not None:
                raise ConfigError(
                    f"stage {name!r} requires {f!r}, which stage {later!r} provides only "
                    f"after it: put {later!r} before {name!r} (stages: {', '.join(names)})"
                )
            raise ConfigError(
                f"stage {name!r} requires {f!r}, which no stage before it provides "
                f"(stages: {', '.join(names)})"
            )
        for f in c.reads:
            for j in range(i + 1, len(stages)):
                late = next((p for p in contracts[j].provides if covers(f, p)), None)
                if late is not None:
                    raise ConfigError(
                        f"stage {names[j]!r} provides {late!r} after stage {name!r} has read "
                        f"{f!r}: its result would be missing from what {name!r} produced; "
                        f"put {names[j]!r} before {name!r} (stages: {', '.join(names)})"
                    )
        provided.update(c.provides)

"""The baseline: accepted findings as salted hashes, per file."""

from __future__ import annotations

import json
import secrets
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .._version import __version__
from ..atomic import write_atomic
from ..errors import ConfigError
from .checker import FileCheck
from .findings import BASELINE_ITERATIONS, CheckFinding

BASELINE_VERSION = 1


@dataclass
class Baseline:
    """Accepted findings: per file, (category, rule, salted hash) with the line they were on."""

    salt: str = field(default_factory=lambda: secrets.token_hex(16))
    iterations: int = BASELINE_ITERATIONS
    results: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: str | Path) -> Baseline | None:
        p = Path(path)
        if not p.is_file():
            return None
        try:
            data = json.loads(p.read_text("utf-8"))
            if data.get("version") != BASELINE_VERSION:
                raise ConfigError(f"baseline {str(p)!r}: unsupported version")
            return cls(
                salt=str(data["salt"]),
                iterations=int(data.get("iterations", BASELINE_ITERATIONS)),
                results={str(k): list(v) for k, v in data["results"].items()},
            )
        except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
            raise ConfigError(f"baseline {str(p)!r} is not a cleaner baseline file") from None

    def entries(self, fc: FileCheck) -> list[dict[str, Any]]:
        return [
            {
                "line": cf.line,
                "category": cf.category,
                "rule": cf.rule,
                **({"type": cf.type} if cf.type else {}),
                "hash": cf.digest(self.salt, self.iterations),
            }
            for cf in fc.findings
        ]

    def new_findings(self, fc: FileCheck, key: str) -> list[CheckFinding]:
        """Findings of ``fc`` not accepted by the baseline (each entry accepts one)."""
        known = Counter((e.get("category"), e.get("hash")) for e in self.results.get(key, []))
        out = []
        for cf in fc.findings:
            k = (cf.category, cf.digest(self.salt, self.iterations))
            if known[k] > 0:
                known[k] -= 1
            else:
                out.append(cf)
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": BASELINE_VERSION,
            "generated_by": f"cleaner {__version__}",
            "hash": "pbkdf2_sha256",
            "iterations": self.iterations,
            "salt": self.salt,
            "results": {k: self.results[k] for k in sorted(self.results) if self.results[k]},
        }

    def save(self, path: str | Path) -> None:
        write_atomic(path, json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n")


def baseline_key(path: str | Path, root: Path) -> str:
    """A path as stored in the baseline: relative to ``root`` when inside it, POSIX style."""
    p = Path(path).resolve()
    try:
        return p.relative_to(root.resolve()).as_posix()
    except ValueError:
        return p.as_posix()


"""Helpers for the HTML report tests: a test stage that adds known findings to the
golden fixtures (so the rendering is tested independently of the boilerplate and
PII stages), the fixtures' PII values, and a headless Chromium runner."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cleaner import Cleaner, CleanerConfig
from cleaner.model import Document, Finding

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


def fixture_pii_values() -> dict[str, list[str]]:
    """Every PII value the fixtures name: fixtures/expected/*.json "pii", and the
    "pii"/"values"/"expected" lists of fixtures/pii/ files when that folder exists."""
    out: dict[str, list[str]] = {}
    for path in sorted((FIXTURES / "expected").glob("*.json")):
        values = json.loads(path.read_text("utf-8")).get("pii") or []
        out[f"expected/{path.stem}"] = [str(v) for v in values]
    pii_dir = FIXTURES / "pii"
    if pii_dir.is_dir():
        for path in sorted(pii_dir.rglob("*.json*")):
            out[f"pii/{path.relative_to(pii_dir)}"] = sorted(_values_in(path))
    return out


def _values_in(path: Path) -> set[str]:
    """PII values in a fixtures/pii label file (JSON or JSONL), whatever its exact shape:
    strings under keys named like value/values/pii/expected/must_find/text of an entity."""
    found: set[str] = set()

    def walk(obj: Any, key: str = "") -> None:
        if isinstance(obj, dict):
            for k, v in obj.items():
                walk(v, str(k).lower())
        elif isinstance(obj, list):
            for v in obj:
                walk(v, key)
        elif isinstance(obj, str) and key in {
            "value", "values", "pii", "expected", "must_find", "must_redact", "raw"
        } and len(obj) >= 4:
            found.add(obj)

    text = path.read_text("utf-8")
    try:
        walk(json.loads(text))
    except json.JSONDecodeError:
        for line in text.splitlines():
            if line.strip():
                try:
                    walk(json.loads(line))
                except json.JSONDecodeError:
                    continue
    return found


@dataclass
class KnownFindings:
    """A test stage: blocks from a marker on get a category; glued snippets are cut as
    spans; PII values become redactions (``pii`` maps value -> entity type)."""

    markers: Sequence[tuple[str, str]] = ()
    glued: Sequence[tuple[str, str]] = ()
    pii: dict[str, str] = field(default_factory=dict)
    name: str = "known"

    def __call__(self, doc: Document) -> None:
        current: str | None = None
        for block in doc.blocks:
            head = block.text.lstrip("•-#*> \t")
            for marker, category in self.markers:
                if head.startswith(marker):
                    current = category
            if current is not None:
                doc.findings.append(Finding(
                    stage="known", category=current, rule="fixture_marker", score=0.9,
                    start=block.start, end=block.end, action="removed", block=block.index,
                ))
        for snippet, category in self.glued:
            at = doc.text.find(snippet)
            if at >= 0:
                doc.findings.append(Finding(
                    stage="known", category=category, rule="fixture_glued", score=0.8,
                    start=at, end=at + len(snippet), action="removed",
                ))
        for value, type_ in self.pii.items():
            at = doc.text.find(value)
            while at >= 0:
                doc.findings.append(Finding(
                    stage="pii", category="pii", rule="fixture_value", score=1.0,
                    start=at, end=at + len(value), action="redacted", type=type_,
                    replacement=f"[{type_}]",
                ))
                at = doc.text.find(value, at + len(value))


#: what a correct boilerplate stage would cut in the fixtures (the issue's examples)
KNOWN: dict[str, KnownFindings] = {
    "en_news_linkfarm": KnownFindings(
        markers=[
            ("Doctors Stunned", "link_farm"), ("Detail Author:", "author_card"),
            ("Socials", "social"),
        ],
        glued=[
            ("Share your thoughts in the comments below and read our other reports on "
             "climate adaptation.", "furniture"),
            ("Doctors Stunned: This Simple Trick Melts Belly Fat Overnight!", "glued_spam"),
        ],
        pii={
            "rosalind.vanterpool@examplemail.com": "EMAIL_ADDRESS",
            "+1-541-555-0187": "PHONE_NUMBER",
        },
    ),
    "fr_article": KnownFindings(
        markers=[("Lire aussi", "link_farm"), ("Nom :", "author_card")],
        pii={"gaspard.lm@exemple-courrier.fr": "EMAIL_ADDRESS"},
    ),
}


def known_cleaner(*, with_pii_stage: bool, with_boilerplate_stage: bool = False) -> Cleaner:
    """A Cleaner whose findings come from :data:`KNOWN` (keyed by document id stem),
    optionally with the real PII/boilerplate stages as well."""
    stages = ["extract", "language"]
    if with_boilerplate_stage:
        stages.append("boilerplate")
    if with_pii_stage:
        stages.append("pii")
    stages += ["assemble", "quality"]
    cleaner = Cleaner(CleanerConfig(stages=tuple(stages)))

    class _ByDoc:
        name = "known"

        def __call__(self, doc: Document) -> None:
            stem = Path(doc.id or "").stem
            if stem in KNOWN:
                KNOWN[stem](doc)

    at = cleaner.stage_names.index("assemble")
    cleaner.stages.insert(at, _ByDoc())
    return cleaner


def clean_fixtures(cleaner: Cleaner, *, include_view: bool = True) -> list[dict[str, Any]]:
    reports = []
    for page in sorted((FIXTURES / "pages").iterdir()):
        result = cleaner.clean(page.read_bytes(), id=page.name, format=page.name)
        reports.append(result.report.to_dict(include_view=include_view))
    return reports


# -- headless Chromium ----------------------------------------------------------------------

CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--hide-scrollbars", "--mute-audio",
)


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def install_chromium() -> tuple[str | None, str]:
    """Install Debian's ``chromium`` with apt-get when it is missing; (path, message)."""
    found = find_chromium()
    if found:
        return found, "already installed"
    if os.environ.get("CLEANER_NO_BROWSER_INSTALL"):
        return None, "CLEANER_NO_BROWSER_INSTALL is set"
    apt = shutil.which("apt-get")
    if apt is None:
        return None, "apt-get is not available (not a Debian system)"
    sudo: list[str] = []
    if hasattr(os, "geteuid") and os.geteuid() != 0:
        if shutil.which("sudo") is None:
            return None, "not root and no sudo to run apt-get"
        sudo = ["sudo", "-n"]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = [*sudo, apt, "install", "-y", "--no-install-recommends", "chromium"]
    log = ""
    for attempt in range(2):
        if attempt:
            update = subprocess.run(
                [*sudo, apt, "update"], env=env, capture_output=True, text=True, timeout=600
            )
            log += update.stderr[-400:]
        try:
            proc = subprocess.run(install, env=env, capture_output=True, text=True, timeout=900)
        except subprocess.TimeoutExpired:
            return None, "apt-get install chromium timed out"
        log += proc.stderr[-400:]
        found = find_chromium()
        if proc.returncode == 0 and found:
            return found, "installed with apt-get"
    return None, f"apt-get install chromium failed: {log.strip()[-300:]}"


@dataclass
class Browser:
    binary: str
    profile: Path

    def _run(self, args: Iterable[str], timeout: float = 120) -> subprocess.CompletedProcess[str]:
        cmd = [self.binary, *CHROMIUM_FLAGS, f"--user-data-dir={self.profile}", *args]
        return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)

    def dump_dom(self, url: str, *, budget_ms: int = 5000) -> str:
        proc = self._run([f"--virtual-time-budget={budget_ms}", "--dump-dom", url])
        if proc.returncode != 0 or "<html" not in proc.stdout:
            raise RuntimeError(f"chromium --dump-dom failed ({proc.returncode}): "
                               f"{proc.stderr[-500:]}")
        return proc.stdout

    def screenshot(self, url: str, out: Path, *, size: str = "1280,1600") -> Path:
        proc = self._run([
            f"--screenshot={out}", f"--window-size={size}", "--virtual-time-budget=5000", url,
        ])
        if proc.returncode != 0 or not out.is_file():
            raise RuntimeError(f"chromium --screenshot failed ({proc.returncode}): "
                               f"{proc.stderr[-500:]}")
        return out

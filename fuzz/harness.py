"""What the fuzz target feeds to ``Cleaner.clean`` and what it checks; no atheris needed.

``fuzz_clean.py`` (the atheris target), ``make_corpus.py`` (the seed corpus) and
``tests/test_regressions.py`` share this module, so a fuzz input replays the same
way everywhere and the invariant the fuzzer enforces is the one the tests assert.

A fuzz input is a 4-byte header and a payload::

    byte 0  mode     raw | utf16 | html_skeleton | text_mix | html_mix   (value % 5)
    byte 1  format   FORMATS[value % len(FORMATS)]: the ``format=`` hint
    byte 2  flags    bit 0: pass bytes (else str); bits 1-3: ENCODINGS index for
                     bytes; bit 4: a url; bit 5: an id; bit 6: raw str decoding keeps
                     bad bytes as lone surrogates (``surrogateescape``) instead of U+FFFD
    byte 3  choice   which base article (mix modes) and where fragments go

``raw`` passes the payload itself (as bytes, or as str decoded from UTF-8);
``utf16`` reads the payload as UTF-16-LE code units, lone surrogates included, so
any BMP character (and astral ones, as surrogate pairs) can reach ``clean()``.
The three other modes split the payload into lines ("fragments") and put them into
an HTML skeleton or into a known article (fixtures/pages, fixtures/pii), so inputs
reach the boilerplate, PII and quality stages and not only input detection.
The bases are the files of those folders in name order, so adding one there changes
what a saved mix-mode input decodes to: turn a finding into a regression fixture
(:func:`save_regression` stores the decoded call, not the fuzz input) before that.

The invariant (:func:`run_case`): ``clean()`` returns a ``CleanResult`` whose text
is a ``str``, whose report ``to_dict(include_view=True)`` is strict JSON
(``allow_nan=False``) and whose block and finding offsets lie inside the working
text; or it raises a ``CleanerError`` with a non-empty ``reason``. Anything else is
a defect.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cleaner import Cleaner, CleanerError
from cleaner.detect import decode
from cleaner.model import CleanResult

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"

HEADER_BYTES = 4
MODES: tuple[str, ...] = ("raw", "utf16", "html_skeleton", "text_mix", "html_mix")
FORMATS: tuple[str | None, ...] = (
    None,
    "html",
    "text",
    "markdown",
    "page.htm",
    "notes.md",
    "x.txt",
    "weird",
)
#: codec and error handler used when a built (str) input is passed as bytes
ENCODINGS: tuple[tuple[str, str], ...] = (
    ("utf-8", "surrogatepass"),
    ("utf-16", "surrogatepass"),
    ("latin-1", "replace"),
    ("cp1252", "replace"),
    ("utf-32", "surrogatepass"),
    ("gb18030", "replace"),
    ("shift_jis", "replace"),
    ("utf-8-sig", "surrogatepass"),
)
MAX_FRAGMENTS = 16


@dataclass(frozen=True)
class Case:
    """One call of ``Cleaner.clean``: what the fuzz input decodes to."""

    mode: str
    source: str | bytes
    format: str | None
    url: str | None
    id: str | None


@dataclass(frozen=True)
class Bases:
    """Known articles the mix modes put fragments into."""

    texts: tuple[str, ...]
    pages: tuple[str, ...]


def load_bases(fixtures: Path = FIXTURES) -> Bases:
    texts: list[str] = []
    pages: list[str] = []
    for folder in (fixtures / "pages", fixtures / "pii"):
        for path in sorted(folder.iterdir()):
            if path.suffix in (".txt", ".md"):
                texts.append(decode(path.read_bytes())[0])
            elif path.suffix == ".html":
                pages.append(decode(path.read_bytes())[0])
    if not texts or not pages:
        raise RuntimeError(f"no base articles under {fixtures}")
    return Bases(tuple(texts), tuple(pages))


def encode_header(
    mode: str,
    format: str | None = None,
    *,
    as_bytes: bool = False,
    encoding: int = 0,
    url: bool = False,
    id: bool = False,
    surrogateescape: bool = False,
    choice: int = 0,
) -> bytes:
    """The header bytes that :func:`decode_case` reads back (used for seeds)."""
    flags = (
        int(as_bytes)
        | (encoding % len(ENCODINGS)) << 1
        | int(url) << 4
        | int(id) << 5
        | int(surrogateescape) << 6
    )
    return bytes((MODES.index(mode), FORMATS.index(format), flags, choice & 0xFF))


def decode_case(data: bytes, bases: Bases) -> Case:
    """Turn a fuzz input into the arguments of one ``clean()`` call (total: never raises)."""
    head = data[:HEADER_BYTES].ljust(HEADER_BYTES, b"\0")
    payload = data[HEADER_BYTES:]
    mode = MODES[head[0] % len(MODES)]
    fmt = FORMATS[head[1] % len(FORMATS)]
    flags, choice = head[2], head[3]
    as_bytes = bool(flags & 1)
    codec, errors = ENCODINGS[(flags >> 1) % len(ENCODINGS)]
    url = "https://example.org/news/2024/fuzzed-page" if flags & 16 else None
    id_ = "fuzz-1" if flags & 32 else None

    source: str | bytes
    if mode == "raw":
        if as_bytes:
            source = payload
        else:
            source = payload.decode("utf-8", "surrogateescape" if flags & 64 else "replace")
    else:
        if mode == "utf16":
            text = payload[: len(payload) // 2 * 2].decode("utf-16-le", "surrogatepass")
        else:
            frags = _fragments(payload)
            if mode == "html_skeleton":
                text = _html_skeleton(frags, choice)
            elif mode == "text_mix":
                text = _text_mix(bases.texts[choice % len(bases.texts)], frags, choice)
            else:
                text = _html_mix(bases.pages[choice % len(bases.pages)], frags, choice)
        source = text.encode(codec, errors) if as_bytes else text
    return Case(mode=mode, source=source, format=fmt, url=url, id=id_)


def _fragments(payload: bytes) -> list[str]:
    text = payload.decode("utf-8", "surrogateescape")
    return text.split("\n", MAX_FRAGMENTS - 1) if text else []


def _html_skeleton(frags: Sequence[str], choice: int) -> str:
    """Fragments as title, heading, paragraphs and a footer list, inserted unescaped
    (so a fragment can be markup); ``choice`` bit 0 puts one into an attribute value,
    bit 1 adds navigation and footer furniture."""
    title = frags[0] if frags else ""
    heading = frags[1] if len(frags) > 1 else title
    body = list(frags[2:])
    tail = body[len(body) // 2 :] if choice & 4 else []
    paras = body[: len(body) - len(tail)]
    attr = f' class="{frags[-1]}"' if choice & 1 and frags else ""
    nav = foot = ""
    if choice & 2:
        nav = '<nav class="menu"><a href="/">Home</a> <a href="/news">News</a></nav>'
        foot = "<footer><p>© 2024 Example Media. All rights reserved.</p></footer>"
    items = "".join(f'<li><a href="/r/{i}">{t}</a></li>' for i, t in enumerate(tail))
    related = f'<aside class="related"><ul>{items}</ul></aside>' if items else ""
    ps = "\n".join(f"<p>{p}</p>" for p in paras)
    return (
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
        f"<title>{title}</title></head>\n<body>{nav}<main><article{attr}>\n"
        f"<h1>{heading}</h1>\n{ps}\n</article>{related}</main>{foot}</body></html>\n"
    )


def _text_mix(base: str, frags: Sequence[str], choice: int) -> str:
    """Fragments between the base article's paragraphs, glued to their ends, or as a
    tail after the article (where link farms and author cards sit)."""
    paras = base.split("\n\n")
    where = choice >> 3
    out = list(paras)
    tail: list[str] = []
    for i, frag in enumerate(frags):
        kind = (where + i) % 3
        if kind == 0:
            tail.append(frag)
        elif kind == 1:
            k = (where * 7 + i) % len(out)
            out.insert(k, frag)
        else:
            k = (where * 5 + i) % len(out)
            out[k] = f"{out[k]} {frag}"
    joiner = "\n" if choice & 4 else "\n\n"
    return "\n\n".join(out) + ("\n\n" + joiner.join(tail) if tail else "")


def _html_mix(base: str, frags: Sequence[str], choice: int) -> str:
    """Fragments inserted unescaped before ``</article>``, ``</main>`` or ``</body>``
    (as paragraphs, list items or raw markup) or inside the first paragraph."""
    markers = ("</article>", "</main>", "</body>", "<p>")
    out = base
    for i, frag in enumerate(frags):
        marker = markers[((choice >> 3) + i) % len(markers)]
        shape = ((choice & 7) + i) % 3
        piece = (f"<p>{frag}</p>", f'<ul><li><a href="/x/{i}">{frag}</a></li></ul>', frag)[shape]
        at = out.find(marker)
        if at < 0:
            out += piece
        elif marker == "<p>":
            at += len(marker)
            out = out[:at] + frag + " " + out[at:]
        else:
            out = out[:at] + piece + out[at:]
    return out


class InvariantError(AssertionError):
    """``clean()`` returned, but its result breaks the invariant."""


def check_result(result: object) -> dict[str, Any]:
    """Assert the invariant on a returned result; returns the report dict."""
    if not isinstance(result, CleanResult):
        raise InvariantError(f"clean() returned {type(result).__name__}, not CleanResult")
    if not isinstance(result.text, str):
        raise InvariantError(f"result.text is {type(result.text).__name__}, not str")
    report = result.report.to_dict(include_view=True)
    try:
        json.dumps(report, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise InvariantError(f"report is not strict JSON: {exc}") from exc
    doc = result.document
    n = len(doc.text)
    for b in doc.blocks:
        if not (0 <= b.start < b.end <= n):
            raise InvariantError(f"block {b.index} span {b.start}:{b.end} outside text of {n}")
        if doc.text[b.start : b.end] != b.text:
            raise InvariantError(f"block {b.index} text differs from its span")
    for i, f in enumerate(doc.findings):
        if (f.start is None) != (f.end is None):
            raise InvariantError(f"finding {i} has a half-open span {f.start}:{f.end}")
        if f.start is not None and f.end is not None and not (0 <= f.start < f.end <= n):
            raise InvariantError(f"finding {i} span {f.start}:{f.end} outside text of {n}")
        if not math.isfinite(f.score):
            raise InvariantError(f"finding {i} score is {f.score}")
    return report


def run_case(cleaner: Cleaner, case: Case) -> CleanResult | CleanerError:
    """Clean one case and check the invariant. Returns the result, or the
    ``CleanerError`` it raised; re-raises anything else (a crash)."""
    try:
        result = cleaner.clean(case.source, url=case.url, id=case.id, format=case.format)
    except CleanerError as exc:
        if not isinstance(exc.reason, str) or not exc.reason:
            raise InvariantError(f"{type(exc).__name__} without a reason") from exc
        return exc
    check_result(result)
    return result


# -- regression fixtures ------------------------------------------------------------------

#: keys a regression sidecar (``NAME.json`` next to input ``NAME.EXT``) may hold
SIDECAR_KEYS = frozenset({"as", "format", "url", "id", "defect", "fix", "found", "expect"})


def save_regression(case: Case, folder: Path, name: str, **meta: Any) -> Path:
    """Write ``case`` as ``folder/NAME.bin`` (bytes input) or ``NAME.txt`` (str input,
    UTF-8 with lone surrogates kept by ``surrogatepass``) and its sidecar ``NAME.json``."""
    folder.mkdir(parents=True, exist_ok=True)
    if isinstance(case.source, bytes):
        path, data, kind = folder / f"{name}.bin", case.source, "bytes"
    else:
        data = case.source.encode("utf-8", "surrogatepass")
        path, kind = folder / f"{name}.txt", "str"
    path.write_bytes(data)
    sidecar = {"as": kind, "format": case.format, "url": case.url, "id": case.id, **meta}
    path.with_suffix(".json").write_text(json.dumps(sidecar, indent=2) + "\n", "utf-8")
    return path


def regression_inputs(folder: Path) -> list[Path]:
    """The input files of a regression folder (not sidecars, not the README)."""
    if not folder.is_dir():
        return []
    return sorted(
        p for p in folder.iterdir() if p.is_file() and p.suffix not in (".json", ".md")
    )


def load_regression(path: Path) -> tuple[Case, dict[str, Any]]:
    """Read an input saved by :func:`save_regression` and its sidecar (``{}`` if none)."""
    sidecar = path.with_suffix(".json")
    meta: dict[str, Any] = json.loads(sidecar.read_text("utf-8")) if sidecar.is_file() else {}
    data = path.read_bytes()
    source: str | bytes = (
        data.decode("utf-8", "surrogatepass") if meta.get("as") == "str" else data
    )
    case = Case(
        mode="regression",
        source=source,
        format=meta.get("format"),
        url=meta.get("url"),
        id=meta.get("id"),
    )
    return case, meta

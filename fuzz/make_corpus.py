"""Build the seed corpus of the fuzz target: ``python fuzz/make_corpus.py OUT_DIR``.

Seeds are generated at run time (nothing binary is committed): every fixture page
(fixtures/pages, pii, check, boilerplate/pages, scrapy/site) as a raw input, as
bytes and as str with and without its format hint; every input of
fixtures/regressions; and small snippets (spam headlines, author cards, contact
lines, hostile markup) in each of the skeleton and mix modes. Files are named by
content hash, so running it again over an existing corpus only adds what is new.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from harness import (
    ENCODINGS,
    FIXTURES,
    FORMATS,
    encode_header,
    load_regression,
    regression_inputs,
)

FIXTURE_DIRS = ("pages", "pii", "check", "boilerplate/pages", "scrapy/site")
PAGE_SUFFIXES = (".html", ".htm", ".txt", ".md")

#: fragments for the skeleton and mix modes, one line each
SNIPPETS: tuple[str, ...] = (
    "Council approves harbour wall after storm season",
    "You Won't Believe What This Celebrity Did Next\n"
    "10 Tricks Doctors Don't Want You To Know\n"
    "Shocking Photos From The Red Carpet\n"
    "This One Weird Trick Cuts Your Energy Bill",
    "Name: Jane Example\nEmail: jane.example@mail.example\nPhone: +44 20 7946 0958\n"
    "Twitter: @jane_example",
    "Contact Maribel at maribel.or@examplemail.com or call 020 7946 0958 before Friday.",
    "Follow us on Twitter, Facebook and Instagram\nShare this article\nLeave a comment",
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.",
    "IBAN DE89 3704 0044 0532 0130 00, card 4111 1111 1111 1111, born 1984-03-12",
    "Visit https://www.example.org/news/2024/a?utm_source=x or www.example.com/b",
    '<div><div><div><span><a href="/x">deep</a></span></div></div></div>',
    "&amp;&lt;&gt;&#0;&#x110000;&#xD800;&nbsp;&unknown; &#99999999999;",
    "<!-- a comment --><![CDATA[ cdata ]]><?pi x?><script>var a='</p>';</script>",
    '<p hidden>hidden text</p><p style="display:none">gone</p><p aria-hidden="true">x</p>',
    "<table><tr><td>a</td><td>b</td></tr><tr><td>1</td><td>2</td></tr></table>",
    "שלום עולם مرحبا بالعالم \u202eevil\u202c text",
    "ze\u200bro\u200dwidth sp\u200cam@exa\u200bmple.com Cli\u200bck Here",
    "e\u0301\u0301\u0301 combining a\u0308\u0308 \U0001f600 \U0001f1e9\U0001f1ea",
    "# Heading\n- item one\n- item two\n[link](https://example.org/a)",
    "\x00\x01\x02 control \x7f\x85 \ufeff bom \ufffe",
)


def _write(out: Path, data: bytes) -> bool:
    path = out / hashlib.sha1(data).hexdigest()
    if path.exists():
        return False
    path.write_bytes(data)
    return True


def _fixture_pages() -> list[Path]:
    pages: list[Path] = []
    for sub in FIXTURE_DIRS:
        folder = FIXTURES / sub
        if folder.is_dir():
            pages += sorted(p for p in folder.iterdir() if p.suffix in PAGE_SUFFIXES)
    return pages


def _format_of(path: Path) -> str | None:
    return {".html": "html", ".htm": "page.htm", ".txt": "text", ".md": "markdown"}.get(
        path.suffix
    )


def _regression_inputs() -> list[bytes]:
    """Inputs of fixtures/regressions as fuzz inputs that decode to the same call
    (bytes in raw mode; str as UTF-16 code units, so lone surrogates survive)."""
    seeds: list[bytes] = []
    for path in regression_inputs(FIXTURES / "regressions"):
        case, _ = load_regression(path)
        fmt = case.format if case.format in FORMATS else None
        if isinstance(case.source, bytes):
            seeds.append(encode_header("raw", fmt, as_bytes=True) + case.source)
        else:
            payload = case.source.encode("utf-16-le", "surrogatepass")
            seeds.append(encode_header("utf16", fmt) + payload)
    return seeds


def build(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    seeds: list[bytes] = []
    for path in _fixture_pages():
        data = path.read_bytes()
        seeds.append(encode_header("raw", None, as_bytes=True) + data)
        seeds.append(encode_header("raw", _format_of(path), as_bytes=False) + data)
    # the same content as UTF-16 code units, and a few built inputs as other encodings
    first = (FIXTURES / "pages" / "en_blog_related.html").read_text("utf-8")
    seeds.append(encode_header("utf16") + first.encode("utf-16-le"))
    for mode in ("html_skeleton", "text_mix", "html_mix"):
        for i, snippet in enumerate(SNIPPETS):
            payload = snippet.encode("utf-8", "surrogatepass")
            seeds.append(
                encode_header(
                    mode,
                    None,
                    as_bytes=i % 3 == 0,
                    encoding=i % len(ENCODINGS),
                    url=i % 2 == 0,
                    choice=i * 37,
                )
                + payload
            )
    seeds += _regression_inputs()
    added = sum(_write(out, s) for s in seeds)
    return added


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: make_corpus.py OUT_DIR", file=sys.stderr)
        return 2
    out = Path(argv[1])
    added = build(out)
    total = sum(1 for _ in out.iterdir())
    print(f"seed corpus {out}: {added} new, {total} files")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

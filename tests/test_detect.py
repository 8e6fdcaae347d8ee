"""Input detection: decoding order (BOM, declared charset, detection) and format sniffing."""

from __future__ import annotations

import codecs

import pytest

from cleaner.detect import decode, detect_format, looks_binary, to_text
from cleaner.errors import InputError

TEXT = "Grüße aus Köln — café, naïve, 100 €"


@pytest.mark.parametrize(
    ("data", "expected_text", "expected_encoding"),
    [
        pytest.param(TEXT.encode("utf-8"), TEXT, "utf-8", id="plain-utf8"),
        pytest.param(codecs.BOM_UTF8 + TEXT.encode("utf-8"), TEXT, "utf-8", id="utf8-bom-wins"),
        pytest.param(codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), TEXT, "utf-16-le",
                     id="utf16-bom"),
        pytest.param(
            b'<html><head><meta charset="windows-1252"></head><body>caf\xe9 \x80</body></html>',
            "<html><head><meta charset=\"windows-1252\"></head><body>café €</body></html>",
            "cp1252",
            id="declared-charset-used-when-not-utf8",
        ),
        pytest.param(
            '<meta charset="iso-8859-1"><p>Grüße</p>'.encode(),
            '<meta charset="iso-8859-1"><p>Grüße</p>',
            "utf-8",
            id="declared-latin1-but-valid-utf8-is-utf8",
        ),
        pytest.param(b"abc\x00def", "abcdef", "utf-8", id="nul-bytes-dropped"),
    ],
)
def test_decode(data: bytes, expected_text: str, expected_encoding: str) -> None:
    text, enc = decode(data)
    assert text == expected_text
    assert enc == expected_encoding


def test_decode_undeclared_legacy_encoding_is_detected() -> None:
    source = ("Der Bürgermeister äußerte sich über die Straßenbahn. " * 20).encode("cp1252")
    text, enc = decode(source)
    assert "Bürgermeister äußerte" in text
    assert enc is not None


def test_decode_invalid_bytes_never_raise() -> None:
    text, _ = decode(b"valid start \xff\xfe\xfd broken \xc3 end")
    assert text.startswith("valid start")
    assert text.endswith("end")


@pytest.mark.parametrize(
    ("text", "hint", "expected"),
    [
        pytest.param("<!DOCTYPE html><html><body><p>x</p></body></html>", None, "html",
                     id="doctype"),
        pytest.param("  <!-- c --><html lang=en><p>x", None, "html", id="comment-then-html"),
        pytest.param("<div><p>a</p><p>b</p><p>c</p><a href=x>d</a><br></div>", None, "html",
                     id="tag-soup-fragment"),
        pytest.param("Plain text.\n\nAnother paragraph with a < sign.", None, "text",
                     id="plain-text"),
        pytest.param("# Title\n\nSome text.\n\n## Part\n\n- a\n- b\n", None, "markdown",
                     id="markdown-headings-and-list"),
        pytest.param("[link](https://x.org/a) and [other](https://x.org/b)", None, "markdown",
                     id="markdown-links"),
        pytest.param("<p>looks like html</p>", "page.txt", "text", id="file-name-hint-wins"),
        pytest.param("plain", "html", "html", id="format-hint-wins"),
        pytest.param("plain", "weird.xyz", "text", id="unknown-hint-ignored"),
    ],
)
def test_detect_format(text: str, hint: str | None, expected: str) -> None:
    assert detect_format(text, hint) == expected


@pytest.mark.parametrize(
    ("data", "binary"),
    [
        pytest.param(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, True, id="png"),
        pytest.param(b"\x1f\x8b\x08\x00" + b"\x00" * 50, True, id="gzip"),
        pytest.param(bytes(range(0, 32)) * 50, True, id="control-bytes"),
        pytest.param(b"normal text\n" * 10, False, id="text"),
        pytest.param(codecs.BOM_UTF16_LE + "hi".encode("utf-16-le"), False, id="utf16-with-bom"),
        pytest.param(b"", False, id="empty"),
    ],
)
def test_looks_binary(data: bytes, binary: bool) -> None:
    assert looks_binary(data) is binary


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        pytest.param(b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "binary", id="binary"),
        pytest.param(b"x" * 101, "too_large", id="bytes-over-limit"),
        pytest.param("x" * 101, "too_large", id="str-over-limit"),
        pytest.param(12345, "bad_type", id="wrong-type"),
    ],
)
def test_to_text_refuses_with_named_reason(source: object, reason: str) -> None:
    with pytest.raises(InputError) as info:
        to_text(source, max_bytes=100)  # type: ignore[arg-type]
    assert info.value.reason == reason

"""Personal data outside the text: one masking function for identifiers, URLs,
file names and metadata before they reach a report, a log line, an error, a
stats key or an output file name.

The PII stage redacts the *text* of a document; a record's id, its URL, the
name of the file it came from or a WARC-Target-URI can hold an e-mail address
or a phone number too. :func:`mask` replaces what looks personal by a type
tag (``[EMAIL]``, ``[PHONE]``, ``[HANDLE]``, a personal query value by its
tag), deterministically (the same input always gives the same output), and
leaves everything else as it was: ``doc-42`` stays ``doc-42``. It also makes
the value printable: lone surrogates (invalid Unicode from a broken record or
an undecodable file name) become U+FFFD, and a very long value is shortened.

Every pattern here is linear: each can start only at a token boundary and
has bounded repetition.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote

#: longest value kept in a report or message (ids of a million characters exist)
MAX_CHARS = 512

_EMAIL = re.compile(r"(?<![\w.+%-])[\w.+%-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")
# +country code, or groups split by separators with at least nine digits overall;
# a bare digit run (a numeric id), a date (8 digits) or a dated URL path is left alone
_PHONE = re.compile(
    r"(?<![\w+])(?:\+\d[\d ().-]{6,20}\d"
    r"|\(?\d{2,5}\)?[ .-]\d{2,5}[ .-]\d{2,6}(?:[ .-]\d{2,6})?)(?!\w)"
)
#: a UUID (8-4-4-4-12 hex digits): an identifier, never a phone number, although about one
#: random UUID in 200 has three all-digit groups that read as ``5678-4234-8876``
_UUID = re.compile(
    r"(?<![0-9A-Fa-f-])[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}"
    r"-[0-9A-Fa-f]{12}(?![0-9A-Fa-f-])"
)
_HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_]{2,30}(?![\w@])")
_QUERY_PAIR = re.compile(r"(?<=[?&;])([^=&;#?]{1,64})=([^&;#]*)")
_DIGITS = re.compile(r"\d")

#: query parameters whose value is personal whatever it looks like -> its tag
_PERSONAL_KEYS: dict[str, str] = {
    **dict.fromkeys(("email", "e-mail", "mail", "email_address", "emailaddress"), "[EMAIL]"),
    **dict.fromkeys(("phone", "tel", "telephone", "mobile", "cell", "fax", "msisdn"), "[PHONE]"),
    **dict.fromkeys(("user", "username", "user_name", "login", "uid", "userid", "user_id",
                     "name", "firstname", "first_name", "lastname", "last_name", "fullname",
                     "handle", "nick", "account"), "[USERNAME]"),
    **dict.fromkeys(("token", "access_token", "auth", "session", "sessionid", "sid", "key",
                     "apikey", "api_key", "password", "pass", "pwd", "secret", "code"),
                    "[SECRET]"),
    **dict.fromkeys(("address", "street", "zip", "postcode", "dob", "birthday", "birthdate"),
                    "[ADDRESS]"),
}


def scrub(value: str) -> str:
    """``value`` with lone surrogates replaced by U+FFFD (so it can be written as UTF-8)."""
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def _phone(m: re.Match[str]) -> str:
    return "[PHONE]" if len(_DIGITS.findall(m.group(0))) >= 9 else m.group(0)


def _mask_phones(s: str) -> str:
    """Phone numbers of ``s`` as ``[PHONE]``, outside the UUIDs it holds."""
    if "-" not in s or not _UUID.search(s):
        return _PHONE.sub(_phone, s)
    out, at = [], 0
    for m in _UUID.finditer(s):
        out += [_PHONE.sub(_phone, s[at:m.start()]), m.group(0)]
        at = m.end()
    out.append(_PHONE.sub(_phone, s[at:]))
    return "".join(out)


def _query(m: re.Match[str]) -> str:
    key, val = m.group(1), m.group(2)
    tag = _PERSONAL_KEYS.get(key.strip().lower())
    return f"{key}={tag}" if tag is not None and val else m.group(0)


def mask(value: str | None, limit: int | None = MAX_CHARS) -> str | None:
    """``value`` with e-mail addresses, phone numbers, handles and personal query values
    replaced by type tags, shortened to ``limit`` characters; ``None`` stays ``None``."""
    if value is None:
        return None
    s = scrub(str(value))
    if limit is not None and len(s) > limit:
        s = s[:limit] + "…"
    if "%" in s:
        s = scrub(unquote(s))  # john%40example.org is an address too
    if "=" in s:
        s = _QUERY_PAIR.sub(_query, s)
    if "@" in s:
        s = _EMAIL.sub("[EMAIL]", s)
        s = _HANDLE.sub("[HANDLE]", s)
    return _mask_phones(s)


def mask_tree(obj: Any, depth: int = 0) -> Any:
    """:func:`mask` applied to every string (keys too) of a JSON-like value, whole."""
    if isinstance(obj, str):
        return mask(obj, None)
    if depth > 64:
        return "[TOO_DEEP]"
    if isinstance(obj, dict):
        return {mask(str(k), None): mask_tree(v, depth + 1) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [mask_tree(v, depth + 1) for v in obj]
    return obj


def looks_personal(value: str | None) -> bool:
    return value is not None and mask(value) != scrub(str(value))


def _mask_name(name: str) -> str:
    """One file name: its extensions (``.html``, ``.jsonl.gz``) survive the masking of an
    address before them (``jan@example.com.txt`` -> ``[EMAIL].txt``)."""
    full = mask(name, None) or ""
    if full == name:
        return name
    parts = name.split(".")
    for k in (2, 1):
        if len(parts) > k + 1:
            stem, ext = ".".join(parts[:-k]), "." + ".".join(parts[-k:])
            masked = mask(stem, None) or ""
            if masked != stem and len(ext) <= 16:
                return masked + ext
    return full


def mask_path(path: str) -> str:
    """:func:`mask` for a file path, one component at a time, keeping extensions."""
    return "/".join(_mask_name(p) for p in scrub(path).split("/"))

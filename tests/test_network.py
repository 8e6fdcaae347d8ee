"""No network (issue 8): cleaning never opens a socket or resolves a name.

With :func:`_hardening_helpers.sockets_blocked` (``connect``/``connect_ex``,
``create_connection``, ``getaddrinfo``, ``gethostbyname`` refuse and record), the full
default pipeline (pii included) cleans every page input under ``fixtures/pages``,
``fixtures/boilerplate/pages`` and ``fixtures/pii``:

* through ``cleaner.clean()``, one test per page;
* with engines built inside the block from cold caches (a fresh ``Cleaner()`` after the
  process-wide PII engine and the tldextract caches are dropped);
* in a fresh interpreter that blocks sockets before ``import cleaner``, with ``HOME`` and
  the cache folders pointed at an empty directory (so import-time code and first-use
  downloads, e.g. tldextract's Public Suffix List, would show).

The guard itself is tested first, so these tests cannot pass because it blocks nothing.
"""

from __future__ import annotations

import contextlib
import json
import socket
import subprocess
import sys
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from _hardening_helpers import NetworkUsed, sockets_blocked

import cleaner
import cleaner.pii.engine as pii_engine
import cleaner.pii.recognizers as pii_recognizers
from cleaner import Cleaner
from cleaner.errors import CleanerError

ROOT = Path(__file__).resolve().parent.parent
TESTS = Path(__file__).resolve().parent
FIXTURES = ROOT / "fixtures"
PAGE_SUFFIXES = (".html", ".htm", ".txt", ".md")
#: folders of page inputs (expected outputs such as fixtures/pii/*.json are not pages)
PAGE_DIRS = (FIXTURES / "pages", FIXTURES / "boilerplate" / "pages", FIXTURES / "pii")
PAGES = sorted(p for d in PAGE_DIRS for p in d.iterdir()
               if p.is_file() and p.suffix in PAGE_SUFFIXES)


def _rel(path: Path) -> str:
    return path.relative_to(FIXTURES).as_posix()


# -- the guard ------------------------------------------------------------------------------


def _connect() -> Any:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        return s.connect(("192.0.2.1", 80))


def _connect_ex() -> Any:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        return s.connect_ex(("192.0.2.1", 80))


ATTEMPTS: list[Any] = [
    pytest.param(lambda: socket.create_connection(("192.0.2.1", 80), timeout=1),
                 "socket.create_connection (requests, urllib3, http.client)",
                 id="create_connection"),
    pytest.param(_connect, "a raw socket's connect", id="connect"),
    pytest.param(_connect_ex, "a raw socket's connect_ex", id="connect_ex"),
    pytest.param(lambda: socket.getaddrinfo("example.org", 443),
                 "name resolution (every client does it first)", id="getaddrinfo"),
    pytest.param(lambda: socket.gethostbyname("example.org"), "old-style name resolution",
                 id="gethostbyname"),
    pytest.param(lambda: urllib.request.urlopen("http://192.0.2.1/", timeout=1),
                 "a whole HTTP client (urllib)", id="urlopen"),
]


@pytest.mark.parametrize(("attempt", "why"), ATTEMPTS)
def test_guard_catches_and_records_a_network_attempt(
    attempt: Callable[[], Any], why: str
) -> None:
    originals = (socket.socket.connect, socket.create_connection, socket.getaddrinfo)
    with sockets_blocked() as attempts, pytest.raises(NetworkUsed):
        attempt()
    assert len(attempts) == 1, why
    # and the guard is gone afterwards
    assert (socket.socket.connect, socket.create_connection, socket.getaddrinfo) == originals


# -- the pipeline --------------------------------------------------------------------------


def test_there_are_pages_of_every_kind() -> None:
    kinds = {p.suffix for p in PAGES}
    assert {".html", ".txt", ".md"} <= kinds
    assert {p.parent for p in PAGES} == set(PAGE_DIRS)


@pytest.mark.parametrize("path", [pytest.param(p, id=_rel(p)) for p in PAGES])
def test_clean_uses_no_network(path: Path) -> None:
    data = path.read_bytes()
    result = None
    # a stage turns a dependency's NetworkUsed into a StageError: the attempts tell
    with sockets_blocked() as attempts, contextlib.suppress(NetworkUsed, CleanerError):
        result = cleaner.clean(data, url=f"https://news.example/{path.name}")
    assert attempts == [], f"{_rel(path)}: {attempts}"
    assert result is not None
    assert result.report.to_dict()["verdict"] in ("keep", "review", "reject")


@pytest.fixture
def cold_engines(monkeypatch: pytest.MonkeyPatch) -> None:
    """Drop the process-wide PII engines and tldextract caches (restored afterwards)."""
    monkeypatch.setattr(pii_engine, "_engines", {})
    pii_recognizers.offline_tldextract.cache_clear()
    pii_recognizers._known_suffix.cache_clear()


def test_engines_built_inside_the_block_use_no_network(cold_engines: None) -> None:
    found_pii = 0
    with sockets_blocked() as attempts:
        fresh = Cleaner()
        assert "pii" in fresh.stage_names
        for path in PAGES:
            result = fresh.clean(path.read_bytes(), format=path.name,
                                 url=f"https://news.example/{path.name}")
            found_pii += sum(1 for f in result.report.findings if f.category == "pii")
    assert attempts == []
    assert found_pii > 0  # the pii stage ran and looked up e-mail domains


CHILD = """
import json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from _hardening_helpers import NetworkUsed, sockets_blocked

with sockets_blocked() as attempts:
    try:
        import cleaner
        engine = cleaner.Cleaner()
        pii = 0
        for name in sys.argv[2:]:
            path = Path(name)
            result = engine.clean(path.read_bytes(), format=path.name)
            pii += sum(1 for f in result.report.findings if f.category == "pii")
    except NetworkUsed:
        pii = -1
print(json.dumps({"attempts": attempts, "pii": pii, "stages": engine.stage_names}))
"""


def test_fresh_interpreter_uses_no_network(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = {
        "PATH": "/usr/bin:/bin", "HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache"),
        "TLDEXTRACT_CACHE": str(home / "tldextract"), "PYTHONNOUSERSITE": "1",
    }
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, str(TESTS), *map(str, PAGES)],
        capture_output=True, text=True, cwd=tmp_path, env=env, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    got = json.loads(proc.stdout.strip().splitlines()[-1])
    assert got["attempts"] == []
    assert "pii" in got["stages"] and got["pii"] > 0
    assert list((home / "tldextract").glob("**/*")) == []  # nothing fetched into a cache

"""The install instructions as a user follows them: every editable install the Makefile
and the README run keeps mypy able to find the package (``editable_mode=compat``: a
plain path in a ``.pth`` file, not an import hook that mypy cannot follow), and every
install command names the distribution ``scrape-cleaner``, never ``cleaner`` (an
unrelated package owns that name on the index)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PIP_EDITABLE = re.compile(r"pip install[^\n`]*?\s-e\s[^\n`]*")


def _editable_installs(text: str) -> list[str]:
    # README lines wrap inside `...`: join a command broken over two lines
    return PIP_EDITABLE.findall(text.replace("-e\n", "-e ").replace("e -e\n'", "e -e '"))


@pytest.mark.parametrize(
    ("name", "minimum"),
    [
        pytest.param("Makefile", 2, id="make install and make train"),
        pytest.param("README.md", 2, id="quick start and extras from a clone"),
    ],
)
def test_every_editable_install_is_compat_mode(name: str, minimum: int) -> None:
    text = (ROOT / name).read_text("utf-8")
    found = _editable_installs(text.replace("\\\n", " "))
    assert len(found) >= minimum, found
    for cmd in found:
        assert "editable_mode=compat" in cmd, f"{name}: {cmd!r} installs an import hook"


def test_install_commands_name_the_distribution() -> None:
    wrong = re.compile(r"pip install[^\n]*?'cleaner\[")
    for path in [ROOT / "README.md", *sorted((ROOT / "cleaner").rglob("*.py"))]:
        text = path.read_text("utf-8")
        assert not wrong.search(text), f"{path.relative_to(ROOT)}: pip install 'cleaner[...]'"

"""The package's import graph (``scripts/import_graph.py``, over ``ast``) has no cycle."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def graph_mod() -> ModuleType:
    spec = importlib.util.spec_from_file_location("import_graph", ROOT / "scripts/import_graph.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules["import_graph"] = mod
    spec.loader.exec_module(mod)
    return mod


#: cycles accepted for now (none: batch/run.py <-> batch/dask_engine.py went with RunOptions)
KNOWN: list[list[str]] = []


def test_package_has_no_import_cycle(graph_mod: ModuleType) -> None:
    graph = graph_mod.edges(graph_mod.modules())
    assert "cleaner.config" in graph["cleaner.pipeline"]  # the graph is really built
    assert "cleaner.view" in graph["cleaner.model"]  # Report.to_dict(include_view=True)
    assert [c for c in graph_mod.cycles(graph) if c not in KNOWN] == []


PLANTED = [
    pytest.param({"a.py": "from . import b\n", "b.py": "from .a import x\n"},
                 [["pkg.a", "pkg.b"]], id="two modules importing each other"),
    pytest.param({"a.py": "def f():\n    from .b import y\n", "b.py": "import pkg.a\n"},
                 [["pkg.a", "pkg.b"]], id="a lazy import inside a function still counts"),
    pytest.param({"a.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                          "    from .b import T\n", "b.py": "from . import a\n"},
                 [], id="a TYPE_CHECKING import never runs: no cycle"),
    pytest.param({"a.py": "from .sub import c\n", "sub/__init__.py": "",
                  "sub/c.py": "from ..a import z\n"},
                 [["pkg.a", "pkg.sub.c"]], id="through a subpackage and a relative import"),
    pytest.param({"a.py": "from . import b\n", "b.py": "from . import c\n",
                  "c.py": "import pkg.a as again\n"},
                 [["pkg.a", "pkg.b", "pkg.c"]], id="a longer ring"),
]


@pytest.mark.parametrize(("files", "expected"), PLANTED)
def test_cycle_detector_finds_planted_cycles(
    graph_mod: ModuleType, tmp_path: Path, files: dict[str, str], expected: list[list[str]]
) -> None:
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("", "utf-8")
    for name, text in files.items():
        (pkg / name).parent.mkdir(parents=True, exist_ok=True)
        (pkg / name).write_text(text, "utf-8")
    assert graph_mod.cycles(graph_mod.edges(graph_mod.modules(pkg))) == expected

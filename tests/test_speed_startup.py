"""Start-up (issue #13): ``Cleaner()`` does not import presidio (which imports spaCy);
the analyzer is built the first time a pre-filter window is analyzed, and what the PII
stage finds does not depend on when that happens."""

from __future__ import annotations

import json
import subprocess
import sys

from cleaner import Cleaner
from cleaner.pii.engine import PIIEngine

_PROBE = r"""
import json, sys
from cleaner import Cleaner
import cleaner.language, cleaner.pii.engine
c = Cleaner()
after_init = sorted(m for m in ("presidio_analyzer", "spacy") if m in sys.modules)
# langdetect's profiles and the triggers' shapes load at the first page, not in Cleaner()
lazy = [cleaner.language._factory is None, not cleaner.pii.engine._TRIGGERS]
c.clean("A quiet paragraph about the river and the bridge, with no numbers at all. " * 4)
lazy += [cleaner.language._factory is not None, bool(cleaner.pii.engine._TRIGGERS)]
after_plain = sorted(m for m in ("presidio_analyzer", "spacy") if m in sys.modules)
r = c.clean("Contact the author.\n\nEmail : oda.hills@example.org\n\n"
            + "A quiet paragraph about the river and the bridge. " * 4)
after_pii = sorted(m for m in ("presidio_analyzer", "spacy") if m in sys.modules)
types = sorted({f["type"] for f in r.report.to_dict()["findings"] if f.get("category") == "pii"})
print(json.dumps([after_init, after_plain, after_pii, types, lazy]))
"""


def test_presidio_is_imported_on_the_first_candidate_window_only() -> None:
    out = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True,
                         check=True).stdout
    after_init, after_plain, after_pii, types, lazy = json.loads(out)
    assert lazy == [True, True, True, True], "built in Cleaner() / not built at the first page"
    assert after_init == [], "Cleaner() imported presidio/spaCy"
    assert after_plain == [], "a text without a PII trigger imported presidio"
    assert after_pii == ["presidio_analyzer", "spacy"]
    assert types == ["EMAIL_ADDRESS"]


def test_lazy_engine_finds_the_same_as_a_warm_one() -> None:
    text = ("Name : Oda Hills\nEmail : oda.hills@example.org\nPhone : +44 20 7946 0123\n\n"
            "The council met on Tuesday.")
    warm = PIIEngine()
    _ = warm.analyzer
    cold = PIIEngine()
    assert not cold.loaded
    assert cold.windows(text, 0, len(text))  # the pre-filter needs no presidio
    assert not cold.loaded
    found = cold.analyze(text)
    assert cold.loaded
    assert found == warm.analyze(text)
    assert {h.entity for h in found} >= {"EMAIL_ADDRESS", "PHONE_NUMBER"}


def test_no_window_no_analysis() -> None:
    eng = PIIEngine()
    text = "A quiet paragraph about the river and the bridge."
    assert eng.find(text, [(0, len(text), "en")]) == []
    assert not eng.loaded
    # and the stage, on a document without a trigger, finds nothing either
    res = Cleaner().clean(text * 5)
    assert not [f for f in res.report.to_dict()["findings"] if f.get("category") == "pii"]


_WARM = r"""
import gc, json, sys
from cleaner import Cleaner
from cleaner._parallel import warm_for_fork
class Broken:
    def clean(self, *a, **k):
        raise RuntimeError("boom")
warm_for_fork(Broken())  # best effort: no exception
before = gc.get_freeze_count()
c = Cleaner()
warm_for_fork(c)
unfrozen = gc.get_freeze_count() == before
warm_for_fork(c, freeze=True)
print(json.dumps([sorted(m for m in ("presidio_analyzer", "trafilatura") if m in sys.modules),
                  unfrozen, gc.get_freeze_count() > before]))
"""


def test_warm_for_fork_loads_the_lazy_engines_in_the_parent() -> None:
    out = subprocess.run([sys.executable, "-c", _WARM], capture_output=True, text=True,
                         check=True).stdout
    loaded, unfrozen, frozen = json.loads(out)
    assert loaded == ["presidio_analyzer", "trafilatura"]
    assert unfrozen, "a library caller's process was frozen"
    assert frozen

"""The labelled recognizers' scan from label starts only (``recognizers._label_scan``) finds
exactly what ``finditer`` finds (issue #13: speed with identical findings)."""

from __future__ import annotations

import random
import re

import pytest

from cleaner.pii import recognizers as rec
from cleaner.pii.registry import LABEL_START, REGISTRY

_LABELLED = [
    (s.name, p.name, re.compile(p.regex, rec._flags(s.flags)))
    for s in REGISTRY for p in s.patterns
    if rec.label_headed(p.regex, rec._flags(s.flags))
]

_PIECES = [
    "a", "Z", " ", "  ", "   ", "\t", "\n", "\n\n", "|", "•", "·", ";", "(", ")", ".", "!",
    "?", ". ", "! ", "| ", ".\n", "\u00a0", "\u2003", ":", "：", "=", ",", "-", "* ", "0", "12",
    "Name", "name", "NAME", "Author", "written", "written by", "written\nby", "Tel", "phone",
    "Username", "Company", "Address", "Date of birth", "born", "geb.", "住所", "氏名",
    "Jane Doe", "Oda Lindqvist", "de la", "+44 20 7946 0000", "12 Main Street", "1990-04-01",
    "3 March 1985", "@oda", "ACME Ltd", "\u00b6" * 8, "Name: ", "Author: ", "Tel: ",
    "Username: ", "Born: ", "Company: ",
]


def _text(rng: random.Random) -> str:
    return "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 40)))


def _spans(ms: object) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in ms]  # type: ignore[attr-defined]


def test_the_labelled_patterns_are_found() -> None:
    # the registry's six labelled recognizers; a change of LABEL_START's use that made
    # label_headed miss them would quietly bring back the slow scan
    names = {p for _, p, _ in _LABELLED}
    assert {"label_name", "label_username", "label_company", "label_address",
            "label_birthdate", "label_phone"} <= names


@pytest.mark.parametrize(("pattern", "headed", "reason"), [
    (LABEL_START + "Name:", True, "a sequence that starts with the label start"),
    (LABEL_START + "(?i:name)[\t ]*:", True, "case-insensitive label after it"),
    (LABEL_START + "Name:|Email:", False, "a second branch that need not start there"),
    ("(?:" + LABEL_START + ")?Name:", False, "the start made optional"),
    ("(?:" + LABEL_START + ")*Name:", False, "the start repeated"),
    (LABEL_START, False, "the start alone (matches the empty string)"),
    (LABEL_START + "(?:Name:)?", False, "can match the empty string"),
    ("x" + LABEL_START + "Name:", False, "something before it"),
    ("(?:^|(?<=[\\n|]))Name:", False, "another start"),
])
def test_label_headed(pattern: str, headed: bool, reason: str) -> None:
    assert rec.label_headed(pattern, re.M) is headed, reason


@pytest.mark.parametrize(("text", "reason"), [
    ("Name: Jane Doe", "at the start of the text"),
    ("x\nName: Jane Doe\n", "after a line break"),
    ("Photo | Author: Jane Doe | 2020", "after a separator, with spaces"),
    ("Story.  Written by: Jane Doe", "after a sentence's end and a space"),
    ("Story.\u2003Author: Jane Doe", "after a sentence's end and a Unicode space"),
    ("(Author: Jane Doe)", "after a parenthesis"),
    ("•Name: Jane Doe", "after a bullet"),
    ("xName: Jane Doe", "not after a letter: no match either way"),
    ("Name: Jane Doe\nName: Oda Lindqvist", "two matches"),
    ("written\nby: Jane Doe", "a label over a line break"),
    ("| | Name : Jane Doe", "separators in a row"),
    ("Tel: +44 20 7946 0000. Address: 12 Main Street", "two labels on one line"),
])
def test_planted_texts(text: str, reason: str) -> None:
    for _, name, rx in _LABELLED:
        assert _spans(rec._label_scan(rx, text)) == _spans(rx.finditer(text)), (name, reason)


def test_planted_texts_do_match() -> None:
    # the rows above are worth something only if the patterns match in them
    rx = next(rx for _, name, rx in _LABELLED if name == "label_name")
    assert len(_spans(rec._label_scan(rx, "Name: Jane Doe\nName: Oda Lindqvist"))) == 2
    assert _spans(rec._label_scan(rx, "Story.\u2003Author: Jane Doe"))


def test_random_texts() -> None:
    rng = random.Random(13)
    found = 0
    for _ in range(3000):
        text = _text(rng)
        for _, name, rx in _LABELLED:
            want = _spans(rx.finditer(text))
            found += len(want)
            assert _spans(rec._label_scan(rx, text)) == want, (name, text)
    assert found > 150  # the random texts do hold labelled values


def test_starts_are_kept_for_one_text_only() -> None:
    rx = next(rx for _, name, rx in _LABELLED if name == "label_name")
    a = "x\nName: Jane Doe"
    b = "Name: Oda Lindqvist"
    assert _spans(rec._label_scan(rx, a)) == _spans(rx.finditer(a))
    assert _spans(rec._label_scan(rx, b)) == _spans(rx.finditer(b))  # not a's positions
    assert _spans(rec._label_scan(rx, a)) == _spans(rx.finditer(a))


def test_a_missed_start_is_caught() -> None:
    # without the positions after "|.!?" and a space, a label after a sentence is lost:
    # the planted row shows the comparison can fail
    rx = next(rx for _, name, rx in _LABELLED if name == "label_name")
    text = "Story. Author: Jane Doe"
    starts = [0, *(m.end() for m in rec._LABEL_AFTER_ONE.finditer(text))]
    partial = []
    last = 0
    for p in starts:
        if p >= last and (m := rx.match(text, p)) is not None:
            partial.append(m)
            last = m.end()
    assert _spans(partial) != _spans(rx.finditer(text))
    assert _spans(rec._label_scan(rx, text)) == _spans(rx.finditer(text))


def test_the_recognizers_use_it() -> None:
    spec = next(s for s in REGISTRY if s.name == "labelled_person")
    r = rec.SpecRecognizer(spec, "en")
    assert any(anchor is rec._LABEL for _, _, _, anchor in r._compiled)
    found = r.analyze("Intro.\nAuthor: Jane Doe\n", ["PERSON"])
    assert [("Intro.\nAuthor: Jane Doe\n"[f.start:f.end]) for f in found] == ["Jane Doe"]


# -- keyword gates of the recognizers' patterns -------------------------------------------

_STREETS = [
    "Hauptstraße 5", "12 Main Street", "Rue de la Paix 3", "Keizersgracht 12", "Via Roma 1",
    "Avenida B 4", "SW1A 1AA", "London SW1A 1AA", "NY 10001", "born on 3 March 1985",
    "twitter.com/oda", "https://www.linkedin.com/in/oda", "oda.wordpress.com", "PSC 1234, Box",
    "東京都千代田区", "1-2-3", "Jane Doe wrote:", "Oda says", "4111 1111 1111 1111", " ",
    "\n", ", ", "x", "STRASSE", "strasse", "Gasse", "İ", "ſ", "\u212a",
]


def _findings(r: rec.SpecRecognizer, text: str) -> list[tuple[int, int, float]]:
    return [(f.start, f.end, f.score) for f in r.analyze(text, [r.spec.entity])]


def test_gates_change_no_finding() -> None:
    """Every spec recognizer finds the same with its patterns' gates as without them (the
    gate only skips a pattern that cannot match anywhere in the text)."""
    rng = random.Random(17)
    recognizers = []
    for spec in REGISTRY:
        try:
            recognizers.append(rec.SpecRecognizer(spec, "en"))
        except Exception:  # a spec for another recognizer class
            continue
    gated_ones = [r for r in recognizers if any(g is not None for g in r._gates)]
    assert len(gated_ones) >= 6
    found = 0
    texts = ["".join(rng.choice(_STREETS + _PIECES) for _ in range(rng.randint(0, 30)))
             for _ in range(400)]
    for r in gated_ones:
        ungated = rec.SpecRecognizer(r.spec, "en")
        ungated._gates = [None] * len(ungated._gates)
        for text in texts:
            want = _findings(ungated, text)
            found += len(want)
            assert _findings(r, text) == want, (r.spec.name, text)
    assert found > 30  # findings of gated patterns (46 with this seed)


def test_a_wrong_gate_is_caught() -> None:
    # a gate that never lets a text through loses the findings: the comparison can fail
    spec = next(s for s in REGISTRY if s.name == "profile_url")
    r = rec.SpecRecognizer(spec, "en")
    text = "see https://twitter.com/oda_lindqvist for more"
    assert _findings(r, text)
    never = next(g for g in r._gates if g is not None)
    wrong = type(never)(never.rx, never.literals, False, re.compile("(?!)"), None)
    r._gates = [wrong if g is not None else None for g in r._gates]
    assert not _findings(r, text)

"""Quality stage: signals on the clean body, a 0..1 score and a verdict.

Signals (all on ``doc.output`` unless named ``*_in``):

* ``chars_in``/``chars_out``, ``words_in``/``words_out`` -- size before and after, words
  by :func:`cleaner.lexicon.word_count` (unspaced scripts such as Chinese, Japanese
  and Thai count characters as word equivalents);
* ``unspaced_share`` -- share of the words that come from unspaced scripts; at
  :data:`UNSPACED_MAJORITY` or more, the signals that assume spaces (mean word
  length, and the stopword ratio of a language without a stopword list) are not
  scored;
* ``mean_word_length`` -- Gopher-style over spaced words, healthy in
  ``QualityConfig.mean_word_length``;
* ``stopword_ratio`` -- share of function words of the body language;
* ``punct_line_ratio`` -- share of lines ending in terminal punctuation;
* ``dup_line_fraction`` -- share of lines that repeat an earlier line;
* ``symbol_ratio`` -- ``#``, ``…``/``...`` and ``|`` per word;
* ``removed_ratio`` -- share of the working text the other stages cut.

Each bounded signal scores 1 inside its healthy range and falls linearly to 0
at the same distance again outside it; the size signal scores
``words_out / review_words`` capped at 1. The score is their mean. Verdict:
``reject`` on a hard rule (no text, under ``min_words``, score under
``reject_below``, ``reject_failing_signals`` or more signals outside their range);
``review`` on a soft one (under ``review_words``, score
under ``review_below``, two or more signals outside their range, language not
allowed or not reliably detected); otherwise ``keep``. Every rule that fired is
listed in ``reasons``.
"""

from __future__ import annotations

import re
from typing import Any

from .config import CleanerConfig, QualityConfig
from .lexicon import (
    STOPWORDS,
    best_stopword_language,
    has_unspaced,
    spaced_tokens,
    stopword_ratio,
    unspaced_share,
    word_count,
    words,
)
from .model import Document, Quality, Reason, Verdict

STAGE = "quality"
_TERMINAL = tuple(".!?…\"'”’»)]:;。！？")
_SYMBOLS = re.compile(r"#|…|\.\.\.|\|")
#: from this share of unspaced-script words on, space-based signals are not scored
UNSPACED_MAJORITY = 0.5


def _below(value: float, low: float) -> float:
    """1 at or above ``low``, falling to 0 at 0."""
    if value >= low:
        return 1.0
    return max(0.0, value / low) if low > 0 else 0.0


def _above(value: float, high: float) -> float:
    """1 at or below ``high``, falling to 0 at ``2 * high``."""
    if value <= high:
        return 1.0
    return max(0.0, 1.0 - (value - high) / high) if high > 0 else 0.0


def _within(value: float, low: float, high: float) -> float:
    return min(_below(value, low), _above(value, high))


def _symbols(text: str) -> int:
    """``len(_SYMBOLS.findall(text))``: the alternatives share no character, so the
    matches are the non-overlapping occurrences of each, counted left to right."""
    return text.count("#") + text.count("\u2026") + text.count("...") + text.count("|")


def signals(doc: Document, tokens: list[str] | None = None) -> dict[str, float]:
    """The signals; ``tokens`` is ``words(doc.output)`` when the caller already has it."""
    out = doc.output
    if tokens is None:
        tokens = words(out)
    # one test says whether any unspaced-script character is there; without one every
    # token is spaced, the words are the spaced tokens and their share is 0
    unspaced = has_unspaced(out)
    if unspaced:
        tokens = spaced_tokens(tokens)
    n_words = word_count(out) if unspaced else len(out.split())
    lines = [ln for ln in map(str.strip, out.split("\n")) if ln]
    lang = doc.language.code if doc.language else None
    if lang not in STOPWORDS:
        lang = best_stopword_language(tokens)[0]
    seen: set[str] = set()
    dups = 0
    for ln in lines:
        if ln in seen:
            dups += 1
        seen.add(ln)
    removed = sum(
        (f.end or 0) - (f.start or 0)
        for f in doc.findings
        if f.action == "removed" and f.start is not None
    )
    return {
        "chars_in": float(doc.input_chars),
        "chars_out": float(len(out)),
        "words_in": float(word_count(doc.text)),
        "words_out": float(n_words),
        "unspaced_share": unspaced_share(out, n_words) if unspaced else 0.0,
        "mean_word_length": (sum(map(len, tokens)) / len(tokens)) if tokens else 0.0,
        "stopword_ratio": stopword_ratio(tokens, lang),
        "punct_line_ratio": (sum(1 for ln in lines if ln.endswith(_TERMINAL)) / len(lines))
        if lines
        else 0.0,
        "dup_line_fraction": dups / len(lines) if lines else 0.0,
        "symbol_ratio": _symbols(out) / n_words if n_words else 0.0,
        "removed_ratio": min(1.0, removed / len(doc.text)) if doc.text else 0.0,
    }


def assess(doc: Document, cfg: QualityConfig) -> Quality:
    tokens = words(doc.output)  # tokenised once for every signal and check
    s = signals(doc, tokens)
    lang = doc.language.code if doc.language else None
    spaced = s["unspaced_share"] < UNSPACED_MAJORITY
    checks: dict[str, tuple[float, str]] = {
        "size": (min(1.0, s["words_out"] / cfg.review_words) if cfg.review_words else 1.0, ""),
    }
    if spaced:
        checks["mean_word_length"] = (
            _within(s["mean_word_length"], *cfg.mean_word_length),
            "mean word length {v:.2f} outside {lo}..{hi}".format(
                v=s["mean_word_length"], lo=cfg.mean_word_length[0], hi=cfg.mean_word_length[1]
            ),
        )
    checks |= {
        "punct_line_ratio": (
            _below(s["punct_line_ratio"], cfg.min_punct_line_ratio),
            f"only {s['punct_line_ratio']:.2f} of lines end in punctuation "
            f"(< {cfg.min_punct_line_ratio})",
        ),
        "dup_line_fraction": (
            _above(s["dup_line_fraction"], cfg.max_dup_line_fraction),
            f"{s['dup_line_fraction']:.2f} of lines are duplicates (> {cfg.max_dup_line_fraction})",
        ),
        "symbol_ratio": (
            _above(s["symbol_ratio"], cfg.max_symbol_ratio),
            f"symbol ratio {s['symbol_ratio']:.2f} (> {cfg.max_symbol_ratio})",
        ),
    }
    if lang in STOPWORDS or (spaced and best_stopword_language(tokens)[0] is not None):
        checks["stopword_ratio"] = (
            _below(s["stopword_ratio"], cfg.min_stopword_ratio),
            f"stopword ratio {s['stopword_ratio']:.2f} (< {cfg.min_stopword_ratio})",
        )
    score = sum(v for v, _ in checks.values()) / len(checks) if s["words_out"] else 0.0
    reasons: list[Reason] = []
    verdict: Verdict = "keep"

    def soft(code: str, message: str, **detail: Any) -> None:
        nonlocal verdict
        reasons.append(Reason(code, message, detail))
        if verdict == "keep":
            verdict = "review"

    def hard(code: str, message: str, **detail: Any) -> None:
        nonlocal verdict
        reasons.append(Reason(code, message, detail))
        verdict = "reject"

    words_out = int(s["words_out"])
    if not doc.output:
        hard("empty", ", ".join(doc.problems) or "no text left after cleaning",
             problems=list(doc.problems))
    elif words_out < cfg.min_words:
        hard("too_short", f"{words_out} words < min_words {cfg.min_words}",
             words=words_out, min_words=cfg.min_words)
    elif words_out < cfg.review_words:
        soft("short", f"{words_out} words < review_words {cfg.review_words}",
             words=words_out, review_words=cfg.review_words)
    if doc.output:
        if score < cfg.reject_below:
            hard("low_score", f"{score:.2f} < reject_below {cfg.reject_below}",
                 score=round(score, 4), reject_below=cfg.reject_below)
        elif score < cfg.review_below:
            soft("low_score", f"{score:.2f} < review_below {cfg.review_below}",
                 score=round(score, 4), review_below=cfg.review_below)
        failing = [(name, msg) for name, (v, msg) in checks.items() if v < 1.0 and name != "size"]
        if len(failing) >= min(2, cfg.reject_failing_signals):
            grade = hard if len(failing) >= cfg.reject_failing_signals else soft
            grade("signals", "; ".join(msg for _, msg in failing),
                  signals=[name for name, _ in failing])
        if cfg.languages and lang not in cfg.languages:
            soft("language", f"{lang} not in {', '.join(cfg.languages)}",
                 language=lang, allowed=list(cfg.languages))
        elif doc.language is not None and not doc.language.reliable:
            soft("language", f"{doc.language.code} not reliably detected "
                 f"(p={doc.language.prob:.2f})",
                 language=doc.language.code, prob=round(doc.language.prob, 4))
    return Quality(signals=s, score=score, verdict=verdict, reasons=reasons)


class QualityStage:
    name = STAGE
    requires = ("output",)
    reads = ("text", "language", "findings")
    provides = ("quality",)

    def __init__(self, config: CleanerConfig) -> None:
        self.config = config.quality

    def __call__(self, doc: Document) -> None:
        doc.quality = assess(doc, self.config)

"""Boilerplate stage: link-farm tails, glued spam, author cards, socials, filler, furniture.

Every block gets features (size, shape, title case, vocabulary overlap with the
article body, position relative to the article's last prose paragraph, link
density and container tokens from ``Block.markup``). Named rules from
:mod:`cleaner.boilerplate.rules` fire on those features; a block's score is the
noisy-or of the weights of its rules, damped by protections (a heading followed
by prose, on-topic vocabulary, the title). At ``BoilerplateConfig.min_score``
the block is removed (or marked in a dry run) with a :class:`Finding` that
names the category, the rules, the score and the span. Glued spam and trailing
comment prompts are cut at sentence level inside the last paragraph.

Cost: one pass of regexes per block plus a Counter for the body vocabulary; no
language detection (the language stage already set ``block.lang``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..config import BoilerplateConfig, CleanerConfig
from ..lexicon import words
from ..model import Block, Document, Finding
from ..normalize import word_key
from . import rules as R
from .features import (
    _ALL_STOPWORDS,
    _FINAL_MARKS,
    _RAW_WORD,
    Feat,
    _latin_share,
    _stem,
    _tail_words,
    _title_case,
    block_features,
    compute_features,
    glued_part,
    rebase_overlaps,
)
from .headline import default_model
from .scorer import NoisyOr, ScoreContext, Scorer
from .tailmodel import TailModel, candidates, category_of, shipped_model, tail_vectors

STAGE = "boilerplate"

#: what a block is, for :attr:`rules.Rule.needs`: (after the article's end, a headline)
_HAS = {(t, h): frozenset({"tail"} if t else ()) | frozenset({"headline"} if h else ())
        for t in (False, True) for h in (False, True)}

__all__ = ["STAGE", "BoilerplateStage", "Feat", "block_features", "compute_features"]


_PROFILE_ONLY = frozenset({"profile"})

#: a block with at most this share of Latin letters is in the body's own script (Thai...)
#: for :meth:`BoilerplateStage._unmarked_end`
UNMARKED_MAX_LATIN = 0.3


def _opens_other_whole(f: Feat) -> bool:
    """A card, bio or socials header ("About NAME", "Detail Author:", "Socials"): it
    ends a related section (the header goes with what follows it)."""
    return f.n <= 6 and bool(
        R.BLOCK_HEADER_RE.match(f.text) or R.CARD_HEADER_RE.match(f.text)
        or R.SOCIALS_HEADER_RE.match(f.text)
    )


#: a run of list items of headline length is a list of headlines (:attr:`Feat.listed`)
#: when it has this many items and the headline model's median over them reaches this
LISTED_RUN_MIN = 3
LISTED_RUN_MEDIAN = 0.5
#: words of the line that introduces a quoted block (a quote prefix of any depth,
#: :mod:`.linemarkup`): "On 10 October 2026, Lantern Daily <digest@x> wrote:"
QUOTE_INTRO_WORDS = 16


def _opens_removed_block(f: Feat, nxt: Feat, kept_after: bool) -> bool:
    """A short header over a removed card, social or headline block (``block_header``):
    named by the vocabulary, ending in a colon, or the last kept line (``kept_after``:
    a kept line follows further down) that does not end in a comma (a letter's sign-off,
    "Love and Light," / "Autumn", over a removed run of related posts: the chain of
    last kept lines stops there); or the line ending in a colon that introduces a
    removed quoted block."""
    if f.text and nxt.category in ("author_card", "social", "link_farm") \
            and nxt.syntax == "quote" and f.syntax != "quote" and f.n <= QUOTE_INTRO_WORDS \
            and f.text.rstrip().endswith((":", "：")) and not f.prose:
        return True  # the line introducing a quoted block ("On <date>, <sender> wrote:")
    return (
        bool(f.text) and nxt.category in ("author_card", "social", "link_farm")
        and f.n <= 8 and not f.text.rstrip().endswith(".")
        and f.link_density < 0.5 and not f.kv_value
        and bool(
            R.BLOCK_HEADER_RE.match(f.text) or R.RELATED_HEADER_RE.match(f.text)
            or R.CARD_HEADER_RE.match(f.text) or R.SOCIALS_HEADER_RE.match(f.text)
            or f.text.rstrip().endswith((":", "："))
            or (not kept_after and f.n <= 6 and not f.text.rstrip().endswith(","))
        )
    )


#: a run's header before its first echoed line: at most this many words, no sentence
ECHO_HEADER_WORDS = 6
#: contact data that makes an export's rows a card (a date alone is a headline's)
_CARD_CONTACTS = frozenset({"email", "phone"})


def _echoed_run_start(feats: list[Feat]) -> int:
    """On a page with no prose (a shop page, a list of short lines): where a run of
    headlines printed twice starts -- a one-line run (``a · b · c``) two or more of whose
    parts are printed again as lines of their own -- with a short header line before
    it; -1 when there is none. The article (such as it is) ends before it."""
    for k, f in enumerate(feats):
        if len(f.segments) < 2:
            continue
        keys = {word_key(q) for p in f.segments for q in (p, p.split(": ", 1)[-1])}
        again = [j for j, g in enumerate(feats) if j != k and g.norm and g.norm in keys]
        if len(again) < 2:
            continue
        start = min(k, *again)
        head = feats[start - 1] if start > 0 else None
        if head is not None and 0 < head.n <= ECHO_HEADER_WORDS and not head.terminal:
            start -= 1
        return start
    return -1


#: a dated story list that closes the page has at least this many rows
DATED_CLOSE_MIN_ROWS = 2
#: words of the header a dated story list may have above it
DATED_CLOSE_HEADER_WORDS = 6


def _before_dated_close(feats: list[Feat], strict: int, hi: int) -> int:
    """The last block before a dated story list that closes the page (>= 2 rows of a
    headline and one full date each, ``rules.dated_item``, and the short unterminated
    header above them), or the page's last block when the page does not close so. Used
    only when the article's end is not its last prose paragraph (the tail after it is
    as long as the article): a body of dated short lines (a timeline) and the wire of
    news rows after it would otherwise keep the end at the last row, so no after-the-end
    rule saw the rows (fresh4's table-frame pages: the frame's cell flattened into one
    row, its dated lines and the partners' rows as table rows)."""
    last = len(feats) - 1
    i = last
    while i > strict and R.dated_item(feats[i], hi) and not feats[i].terminal:
        i -= 1
    if last - i < DATED_CLOSE_MIN_ROWS:
        return last
    head = feats[i]
    if i > strict and not head.terminal and 0 < head.n <= DATED_CLOSE_HEADER_WORDS \
            and not head.prose:
        i -= 1
    return i


def _wholes(feats: list[Feat]) -> list[list[int]]:
    """The removed blocks, as runs: consecutive blocks of one whole (``Feat.group``) and
    one category are one run; every other removed block is a run of its own. A kept
    block ends a run (a whole's span never covers a kept line)."""
    runs: list[list[int]] = []
    for i, f in enumerate(feats):
        if f.category is None:
            continue
        if runs and f.group >= 0:
            j = runs[-1][-1]
            g = feats[j]
            if j == i - 1 and g.group == f.group and g.category == f.category:
                runs[-1].append(i)
                continue
        runs.append([i])
    return runs


class BoilerplateStage:
    name = STAGE
    requires = ("text", "blocks")
    reads = ("format", "page_kind", "block.markup", "language", "block.lang")
    provides = ("findings.boilerplate",)

    def __init__(self, config: CleanerConfig, scorer: Scorer | None = None) -> None:
        self.config: BoilerplateConfig = config.boilerplate
        #: turns the fired rules of a block into a score (noisy-or by default)
        self.scorer: Scorer = scorer if scorer is not None else NoisyOr()
        if self.config.enabled and self.config.headline_model:
            default_model()  # load once when the pipeline is built, not on the first page
        #: the learned tail model (``BoilerplateConfig.tail_model``), or None
        self.tail_model: TailModel | None = (
            shipped_model() if self.config.enabled and self.config.tail_model else None)
        #: called with (document, features, article end, candidates, vectors) on every
        #: page with a candidate (``scripts/train_tails.py`` collects its examples so)
        self.tail_hook: Callable[..., None] | None = None

    # -- entry point ----------------------------------------------------------------------

    def __call__(self, doc: Document) -> None:
        cfg = self.config
        if not cfg.enabled or not doc.blocks:
            return
        feats = compute_features(doc.blocks, cfg)
        unkeyed = self._cards(doc.blocks, feats)
        end, offtopic = self._article_end(feats)
        if doc.page_kind not in (None, "article"):
            end = len(feats) - 1  # article-tail rules fit articles only (cleaner.pagekind)
        self._shape_cards(feats, end, unkeyed)
        self._inline_and_furniture(doc, feats, end)
        self._link_farm(doc.blocks, feats, end, offtopic, doc.format == "html")
        self._teasers(feats, end)
        self._author_bio(feats, end, doc.format == "html")
        if doc.format != "html":
            self._exports(feats, end)
        self._score(feats)
        if doc.format != "html":
            self._text_tail(doc.blocks, feats, end)
        self._tail_cluster(feats, end)
        if doc.format != "html":
            self._sourced_runs(feats, end)
            self._list_wholes(doc.blocks, feats, end)
        self._headers(feats, end)
        if self.tail_model is not None or self.tail_hook is not None:
            self._learned_tail(doc, feats, end)
        action = "marked" if cfg.dry_run else "removed"
        findings: list[Finding] = []
        for run in _wholes(feats):
            findings.append(self._finding(doc.blocks, feats, run, action))
        findings.extend(self._sentence_cuts(doc, feats, end, action))
        findings.extend(self._cell_teasers(doc, feats, end, action))
        findings.sort(key=lambda x: (x.start or 0, x.end or 0))
        doc.findings.extend(findings)
        doc.meta["boilerplate"] = {"article_end_block": end, "findings": len(findings)}

    # -- features -------------------------------------------------------------------------

    def _article_end(self, feats: list[Feat]) -> tuple[int, float]:
        """Index of the article's last prose paragraph (the tail starts after it), and
        the off-topic overlap threshold for this article."""
        cfg = self.config
        self._listed_headlines(feats)
        for f in feats:
            f.prose = (
                f.n >= cfg.prose_min_words
                and f.terminal
                and f.latin < cfg.latin_ratio
                and R.KV_LINE_RE.match(f.text) is None
                and not f.contact_block
                and not f.segments
                and not f.link_def
                and f.export < 0
            )
        last = len(feats) - 1
        overlaps = sorted(f.overlap for f in feats if f.prose)
        median = overlaps[len(overlaps) // 2] if overlaps else 0.0
        # short articles share little vocabulary between paragraphs: thresholds are
        # relative to the article's own median overlap
        offtopic = min(cfg.offtopic_overlap, 0.5 * median)
        min_overlap = min(0.2, 0.5 * median)
        strict = next((i for i in range(last, -1, -1)
                       if feats[i].prose and feats[i].overlap >= min_overlap), -1)
        # a "tail" as long as the article is not a tail: the page is made of short
        # blocks (lists, recipes, galleries) and position says nothing
        if strict >= 0 and _tail_words(feats, strict) <= cfg.max_tail_ratio * sum(
            g.n for g in feats[: strict + 1]
        ):
            return strict, offtopic
        if strict < 0:
            unmarked = self._unmarked_end(feats)
            if unmarked >= 0:
                return unmarked, self._rebase_on_body(feats, unmarked)
            # (a run printed twice after a body of short lines: the overlaps were taken
            # against every block, the tail's included, and a headline glued onto the
            # body's end protected its copies)
            echoed = _echoed_run_start(feats)
            if echoed > 0:
                return echoed - 1, self._rebase_on_body(feats, echoed - 1)
        # a body of short lines: the last shorter paragraph after the last long one
        # (before a dated story list that closes the page: its rows are no body lines)
        last = _before_dated_close(feats, strict, cfg.headline_words[1])
        for i in range(last, strict, -1):
            f = feats[i]
            if (f.n >= cfg.prose_min_words // 2 and f.terminal and not f.fired
                    and not f.contact_block and f.latin < cfg.latin_ratio):
                before = sum(g.n for g in feats[: i + 1])
                after = _tail_words(feats, i)
                return (i if after <= cfg.max_tail_ratio * before else last), offtopic
        return last, offtopic

    def _listed_headlines(self, feats: list[Feat]) -> None:
        """Text input: list items (any bullet, :mod:`.linemarkup`) of headline length,
        unterminated, that the headline model rates headlines, two or more in a row, or
        a run of >= 3 of them whose median it rates one: :attr:`Feat.listed` (a list of
        headlines is no article text for the article's end, as a run printed twice or
        on one line is not)."""
        cfg = self.config
        model = default_model() if cfg.headline_model else None
        if model is None:
            return
        lo, hi = cfg.headline_words
        shaped = [f.plain and f.kind == "list_item" and lo <= f.n <= hi and not f.terminal
                  for f in feats]
        probs = [model.prob(R.headline_text(f)) if shaped[i] else 0.0
                 for i, f in enumerate(feats)]
        flags = [p >= cfg.headline_model_min for p in probs]
        for i, f in enumerate(feats):
            if flags[i] and ((i > 0 and flags[i - 1]) or (i + 1 < len(feats) and flags[i + 1])):
                f.listed = True
        # a run of >= 3 such items whose median the model rates a headline: the list is
        # one of headlines, its items the model rates lower with it (lower-cased ones)
        i = 0
        while i < len(feats):
            j = i
            while j < len(feats) and shaped[j]:
                j += 1
            if j - i >= LISTED_RUN_MIN and sorted(probs[i:j])[(j - i) // 2] >= LISTED_RUN_MEDIAN:
                for k in range(i, j):
                    feats[k].listed = True
            i = max(j, i + 1)

    def _rebase_on_body(self, feats: list[Feat], end: int) -> float:
        """Overlaps against the long blocks up to ``end`` (not the whole page: a
        link farm printing each headline twice overlaps itself), and the off-topic
        threshold from their median."""
        cfg = self.config
        body = [k for k in range(end + 1)
                if feats[k].n >= cfg.prose_min_words // 2 and not feats[k].fired]
        rebase_overlaps(feats, body)
        overlaps = sorted(feats[k].overlap for k in body)
        median = overlaps[len(overlaps) // 2] if overlaps else 0.0
        return min(cfg.offtopic_overlap, 0.5 * median)

    def _unmarked_end(self, feats: list[Feat]) -> int:
        """The article's end on a page whose script ends no sentence with a mark (Thai,
        Lao: no block is prose): the last long block in a non-Latin script, when what
        follows it is short or in another script (a link-farm run, a bio in English).
        -1 when there is none or it is the last block. No block becomes prose: only the
        tail rules see the blocks after it."""
        cfg = self.config
        min_words = cfg.prose_min_words // 2
        for i in range(len(feats) - 1, -1, -1):
            f = feats[i]
            if f.n < min_words or f.fired or f.kv_value or f.contact_block \
                    or f.link_density >= 0.5 or _latin_share(f.text) >= UNMARKED_MAX_LATIN:
                continue
            if i == len(feats) - 1:
                return -1
            before = sum(g.n for g in feats[: i + 1])
            return i if _tail_words(feats, i) <= cfg.max_tail_ratio * before else -1
        return -1

    # -- author cards and socials ------------------------------------------------------------

    def _cards(self, blocks: list[Block], feats: list[Feat], tail_from: int | None = None
               ) -> list[list[tuple[int, str]]]:
        """Runs of card lines (key/value lines, card and social headers). Before the
        article's end is known (``tail_from`` None): runs whose keys make a card about a
        person (or that hold two contact values) are marked, and the other runs of
        ``Label: value`` lines are returned for :meth:`_shape_cards`, which needs the
        article's end. Then (``tail_from``: the first block after the end, text input):
        also any run of >= 2 key/value lines there, in any syntax, with contact data, a
        card key or a platform name (``tail_kv_run``): a footer card by shape, whatever
        its keys' language."""
        n = len(feats)
        i = 0 if tail_from is None else tail_from
        rest: list[list[tuple[int, str]]] = []
        while i < n:
            run: list[tuple[int, str]] = []  # (index, role)
            keys: set[str] = set()
            contact_values = 0
            j = i
            while j < n:
                f = feats[j]
                line = R.card_line(f, tail=tail_from is not None)
                if line is None:
                    break
                role, key, value = line
                if role == "kv":
                    if key is not None:
                        f.kv_key = key
                        keys.add(key)
                    f.kv_value = value
                    contact_values += bool(f.contacts)
                run.append((j, role))
                j += 1
            n_kv = sum(1 for _, role in run if role == "kv")
            by_shape = False
            if tail_from is not None:
                # runs of text input with >= 2 key/value lines the other rules kept (a
                # platform label or a filler bio line may be removed already)
                kept = sum(1 for idx, role in run if role == "kv" and feats[idx].kv_value
                           and feats[idx].category is None)
                # contact data as :func:`rules.value_kinds` reads it (an ISBN in a book's
                # details is no phone number), or a social header: card keys alone are
                # not enough (the lines a PII stage left, "Email: [EMAIL]", hold no data,
                # and HTML input keeps them: cleaning the output again must change nothing)
                contacts = any(R.value_kinds(feats[idx].kv_value or "") - {"name", "address"}
                               for idx, role in run if role == "kv")
                evidence = contacts or any(role == "social_header" for _, role in run)
                by_shape = bool(run) and n_kv >= 2 and kept >= 2 and evidence and all(
                    feats[idx].plain for idx, _ in run)
                if not by_shape:
                    i = max(j, i + 1)
                    continue
            if run and (R.card_qualifies(keys, self.config.card_min_keys)
                        or (n_kv >= 3 and contact_values >= 2) or by_shape):
                mode = self._mark_card(feats, run, "tail_kv_run" if by_shape else "card_run")
                if by_shape:  # the whole, from its opener (the group _mark_card set)
                    for idx in range(feats[run[0][0]].group, j):
                        self._rescore(feats, idx, "author_card" if mode == "author_card"
                                      and idx >= run[0][0] else None)
            elif n_kv >= 3 and tail_from is None:
                rest.append(run)
            i = max(j, i + 1)
        return rest

    def _card_opener(self, feats: list[Feat], first: int) -> int:
        """The card header just before a run ("About the author"), or -1."""
        k = first - 1
        return k if k >= 0 and R.CARD_HEADER_RE.match(feats[k].text) and feats[k].n <= 6 \
            else -1

    def _mark_card(self, feats: list[Feat], run: list[tuple[int, str]], rule: str) -> str:
        """Fire the card rules on a run of card lines (``rule`` on its personal lines) and
        make it one whole with the card header before it; returns the run's last mode
        (``author_card``, or ``social`` after a social header)."""
        mode = "author_card"
        k = self._card_opener(feats, run[0][0])
        opener = k if k >= 0 else run[0][0]
        for idx, role in run:
            f = feats[idx]
            f.group = opener
            if role == "social_header":
                mode = "social"
                f.fired["social_header"] = R.RULES["social_header"].weight
            elif role == "card_header":
                mode = "author_card"
                f.fired["card_header"] = R.RULES["card_header"].weight
            else:
                kind = R.CARD_KEYS.get(f.kv_key or "", "personal")
                # (a line whose only contact data is a profile URL is a social line)
                if mode == "social" or kind == "social" or f.contacts == _PROFILE_ONLY:
                    f.fired["social_run"] = R.RULES["social_run"].weight
                else:
                    f.fired[rule] = R.RULES[rule].weight
                if f.latin >= self.config.latin_ratio:
                    f.fired["latin_filler"] = R.RULES["latin_filler"].weight
        if k >= 0:
            feats[k].fired["card_header"] = R.RULES["card_header"].weight
            feats[k].group = opener
        return mode

    def _shape_cards(self, feats: list[Feat], end: int,
                     runs: list[list[tuple[int, str]]]) -> None:
        """Cards whose labels no vocabulary lists: a run of ``Label: value`` lines after
        the article's end (or under a card header) whose values look like personal data
        (:func:`rules.card_shape_qualifies`): the labels' language does not matter."""
        for run in runs:
            first = run[0][0]
            opened = self._card_opener(feats, first) >= 0 or any(
                role == "card_header" for _, role in run)
            if first <= end and not opened:
                continue
            kinds = [R.value_kinds(feats[idx].kv_value) for idx, role in run if role == "kv"]
            if R.card_shape_qualifies(kinds):
                self._mark_card(feats, run, "card_shape")

    def _inline_and_furniture(self, doc: Document, feats: list[Feat], end: int) -> None:
        """The rules that need nothing but the block (furniture, socials, one-line cards,
        Latin filler): each rule object holds its check (:data:`rules.BLOCK_RULES`, read as
        :data:`rules.BLOCK_CHECKS`)."""
        cfg = self.config
        html = doc.format == "html"
        for i, f in enumerate(feats):
            text = f.text
            if not text:
                continue
            # (``prompt_ok`` is read by the prompt rules only: not searched on longer blocks)
            where = R.Where(
                tail=i > end, html=html,
                prompt_ok=f.n <= R.PROMPT_MAX_WORDS
                and (i > end or f.overlap < R.PROMPT_ONTOPIC_OVERLAP
                     or f.n <= R.PROMPT_SHORT_WORDS)
                and not R.SELF_REFERENCE.search(text),
                foreign=self._foreign(doc, i), cfg=cfg,
            )
            n = f.n
            for limit, check, name, weight in R.BLOCK_CHECKS:
                if n <= limit and check(f, where):
                    f.fired[name] = weight

    def _foreign(self, doc: Document, i: int) -> bool:
        """The block is not confidently in the body language (Latin is not a body language)."""
        block = doc.blocks[i]
        body = doc.language.code if doc.language else None
        if body == "la":
            return False
        return not (block.lang == body and block.lang_method == "stopwords")

    # -- link farms ---------------------------------------------------------------------------

    def _link_farm(
        self, blocks: list[Block], feats: list[Feat], end: int, offtopic: float, markup: bool
    ) -> None:
        cfg = self.config
        lo, hi = cfg.headline_words
        n = len(feats)
        model = default_model() if cfg.headline_model else None
        for i, f in enumerate(feats):
            if not f.text or f.fired:
                continue
            where = R.Where(tail=i > end, html=markup, prompt_ok=False, foreign=False,
                            cfg=cfg, offtopic=offtopic)
            # a related-posts header or a "Read more: <headline>" line: nothing else to check
            lead = next((r for r in R.LEAD_RULES if r.check is not None and r.check(f, where)),
                        None)
            if lead is not None:
                f.fired[lead.name] = lead.weight
                continue
            short = lo <= f.n <= hi and (not f.terminal or f.text.rstrip()[-1:] in _FINAL_MARKS)
            if not short:
                continue
            # the learned headline probability: one feature, never enough alone
            f.headline_prob = model.prob(R.headline_text(f)) if model is not None else 0.0
            learned = f.headline_prob >= cfg.headline_model_min
            # (a line of text input that is one link, a source or date beside it: the
            # markup's own link, as an HTML list item's <a>, :mod:`.linemarkup`; an
            # off-topic list item after the article's end, any bullet)
            f.headline = f.title or f.pipe or f.dup or f.clickbait or learned \
                or (not markup and (f.role == "link_only" or (
                    f.kind == "list_item" and i > end and f.overlap < offtopic)))
            if not f.headline:
                continue
            for rule in R.HEADLINE_RULES:
                if rule.check is not None and rule.check(f, where):
                    f.fired[rule.name] = rule.weight
        # runs of headlines and of linked list items, then lists under a related header
        self._fire(feats, end, R.RUN_CHECKS, markup, R.RUN_NEEDS)
        i = 0
        while i < n:
            if "related_header" in feats[i].fired:
                j = i + 1
                while j < n and not feats[j].prose:
                    g = feats[j]
                    if "related_header" in g.fired or _opens_other_whole(g):
                        break
                    if g.headline or (g.link_density >= 0.5 and g.n <= 30):
                        g.fired["after_related_header"] = R.RULES["after_related_header"].weight
                        g.group = feats[i].group = i
                        if i > end or g.link_density >= 0.5:
                            g.fired.setdefault("tail", R.RULES["tail"].weight)
                    elif blocks[j].kind in ("heading", "paragraph") and not g.fired:
                        break
                    j += 1
                i = j
            else:
                i += 1

    def _fire(self, feats: list[Feat], end: int, rows: tuple[R.CheckRow, ...], html: bool,
              needs: tuple[frozenset[str], ...] = (frozenset(),)) -> None:
        """Check the rules of ``rows`` (:func:`rules.check_rows`) on every block in order,
        each block seeing its neighbours as the earlier blocks of this pass left them;
        a block that meets none of ``needs`` (:func:`rules.pass_needs`) is skipped."""
        cfg = self.config
        n = len(feats)
        for i in range(n):
            f = feats[i]
            if frozenset() not in needs:
                has = _HAS[i > end, f.headline]
                if not any(need <= has for need in needs):
                    continue
            where = R.Where(tail=i > end, html=html, prompt_ok=False, foreign=False, cfg=cfg,
                            prev=feats[i - 1] if i > 0 else None,
                            next=feats[i + 1] if i + 1 < n else None, prev_tail=i - 1 > end)
            for limit, check, name, weight in rows:
                if f.n <= limit and check(f, where):
                    f.fired[name] = weight

    def _author_bio(self, feats: list[Feat], end: int, html: bool) -> None:
        self._fire(feats, end, R.BIO_CHECKS, html, R.BIO_NEEDS)
        # a bare author header in the tail with a bio after it
        for i, f in enumerate(feats[:-1]):
            if i > end and f.n <= 6 and feats[i + 1].fired and R.CARD_HEADER_RE.match(f.text):
                f.fired.setdefault("card_header", R.RULES["card_header"].weight)
                f.group = feats[i + 1].group = i if feats[i + 1].group < 0 else feats[i + 1].group

    # -- scoring --------------------------------------------------------------------------------

    def _protection(self, feats: list[Feat], i: int) -> float:
        """Factor (0..1) applied to damped rules: 1 = no protection."""
        cfg = self.config
        f = feats[i]
        factor = 1.0 - 0.5 * f.overlap
        if cfg.protect_title and i == 0:
            return 0.0
        # a heading followed by prose that belongs to the article
        nxt = feats[i + 1] if i + 1 < len(feats) else None
        if nxt is not None and nxt.n >= 8 and nxt.terminal and nxt.overlap >= 0.3 \
                and not nxt.headline and not nxt.fired and f.link_density < 0.5:
            factor *= 0.25
        return factor

    def _score(self, feats: list[Feat]) -> None:
        cfg = self.config
        for i, f in enumerate(feats):
            if not f.fired:
                continue
            fired = {k: v for k, v in f.fired.items() if k not in cfg.disabled_rules}
            f.fired = fired
            if not fired:
                continue
            title = i == 0 and cfg.protect_title
            protect = 1.0 if title else self._protection(feats, i)
            score = self.scorer.score(fired, ScoreContext(protection=protect, title=title))
            f.score = score
            if score >= cfg.min_score:
                top = max(f.fired, key=lambda k: (k in R.UNDAMPED, f.fired[k]))
                f.category = R.RULES[top].category
        # furniture that needs a neighbouring removal (copyright inside an HTML body)
        for i, f in enumerate(feats):
            if f.category is None and "copyright_html" in f.fired:
                near = [feats[k] for k in (i - 1, i + 1) if 0 <= k < len(feats)]
                if any(g.category is not None for g in near):
                    f.fired["furniture_cluster"] = R.RULES["furniture_cluster"].weight
                    f.score = 1.0 - (1.0 - f.score) * (1.0 - f.fired["furniture_cluster"])
                    if f.score >= cfg.min_score:
                        f.category = "furniture"

    def _rescore(self, feats: list[Feat], i: int, category: str | None = None) -> None:
        """Score block ``i`` again after a late rule fired; removed at ``min_score`` (with
        ``category``, or its decisive rule's)."""
        f = feats[i]
        f.fired = {k: v for k, v in f.fired.items() if k not in self.config.disabled_rules}
        if not f.fired:
            return
        ctx = ScoreContext(protection=self._protection(feats, i), title=False)
        f.score = self.scorer.score(f.fired, ctx)
        if f.score >= self.config.min_score:
            top = max(f.fired, key=lambda k: (k in R.UNDAMPED, f.fired[k]))
            f.category = category or R.RULES[top].category

    def _text_tail(self, blocks: list[Block], feats: list[Feat], end: int) -> None:
        """Plain-text tails the other rules left (text input, after scoring, on kept
        blocks after the article's end): runs of key/value lines in any syntax
        (``tail_kv_run``), runs printed on one line and headlines printed twice apart
        (:data:`rules.TEXT_TAIL_RULES`). A block removed already keeps its reason."""
        self._cards(blocks, feats, tail_from=end + 1)
        cfg = self.config
        n = len(feats)
        for i in range(end + 1, n):
            f = feats[i]
            if f.category is not None or not f.text or not f.plain:
                continue
            where = R.Where(tail=True, html=False, prompt_ok=False, foreign=False, cfg=cfg,
                            prev=feats[i - 1], next=feats[i + 1] if i + 1 < n else None,
                            prev_tail=i - 1 > end)
            hit = False
            for rule in R.TEXT_TAIL_RULES:
                if rule.check is not None and rule.check(f, where):
                    f.fired[rule.name] = rule.weight
                    hit = True
            if hit:
                f.fired.setdefault("tail", R.RULES["tail"].weight)
                self._rescore(feats, i)

    def _teasers(self, feats: list[Feat], end: int) -> None:
        """A "Label: <headline>" line in the body (a teaser: "Read also: ...", in any
        language) whose headline is printed again after the article's end, inside a
        line, row or item that is link-farm-like itself (``teaser``)."""
        if end + 1 >= len(feats):
            return
        # (the copies: tail blocks with link-farm evidence of their own, rows of an
        # export, headlines printed again)
        tail = [f" {g.norm} " for g in feats[end + 1 :]
                if g.norm and (g.fired or g.export >= 0 or g.echo or g.headline)]
        if not tail:
            return
        rule = R.RULES["teaser"]
        for f in feats[: end + 1]:
            if f.fired or f.n > R.TEASER_MAX_WORDS or f.prose:
                continue
            head = R.teaser_headline(f.text)
            if head is None:
                continue
            key = f" {word_key(head)} "
            if len(key.split()) >= R.TEASER_MIN_WORDS and any(key in t for t in tail):
                f.fired[rule.name] = rule.weight

    def _cell_teasers(self, doc: Document, feats: list[Feat], end: int,
                      action: str) -> list[Finding]:
        """Teasers inside a flattened layout-table row (``cell_teaser``): trafilatura
        joins a layout table's content cell into one ``table_row`` block, so a "Label:
        <headline>" paragraph of the cell (``Block.pieces``) is no block of its own for
        ``teaser``. A piece goes (a cut; the row stays) when it is such a line of <=
        ``TEASER_MAX_WORDS`` words, not a sentence, not the row's first piece, and its
        headline is printed again in a tail block after the article's end or the headline
        model calls it clickbait (the copy may be gone: extraction drops link tables)."""
        cfg = self.config
        rule = R.RULES["cell_teaser"]
        out: list[Finding] = []
        tail: list[str] | None = None
        model = default_model() if cfg.headline_model else None
        for i, block in enumerate(doc.blocks):
            f = feats[i]
            if not block.pieces or f.category is not None or f.n <= R.TEASER_MAX_WORDS:
                continue
            for a, b in block.pieces[1:]:
                piece = block.text[a:b]
                head = R.cell_teaser_headline(piece)
                if head is None:
                    continue
                if tail is None:
                    tail = [f" {g.norm} " for g in feats[end + 1:] if g.norm]
                key = f" {word_key(head)} "
                echoed = any(key in t for t in tail)
                if not echoed and (model is None or model.prob(head) < cfg.headline_model_min):
                    continue
                out.append(self._cut(block, a, b, rule.category, rule.name, rule.weight,
                                     action, len(piece.split())))
        return out

    def _exports(self, feats: list[Feat], end: int) -> None:
        """CSV-like exports after the article's end (text input): each table, its
        header row of field names with its rows, is one whole; a table whose rows hold
        contact data is a card (``export_card``), one of profile URLs a social block
        (``export_profiles``), any other a list of links or headlines (``export_rows``)."""
        head = -1
        for i in range(end + 1, len(feats) + 1):
            if i < len(feats) and feats[i].export >= 0 and feats[i].export == head:
                continue
            if head >= 0:  # the table head..i-1 ends here
                rows = feats[head + 1 : i] or [feats[head]]
                if any(R.SOCIAL_DOMAIN_RE.search(g.text) for g in rows) and not any(
                        g.contacts & _CARD_CONTACTS for g in rows):
                    rule = R.RULES["export_profiles"]
                elif any(g.contacts & _CARD_CONTACTS for g in rows):
                    rule = R.RULES["export_card"]
                else:
                    rule = R.RULES["export_rows"]
                for k in range(head, i):
                    feats[k].fired[rule.name] = rule.weight
                    feats[k].group = head
            head = feats[i].export if i < len(feats) and feats[i].export == i else -1

    def _tail_cluster(self, feats: list[Feat], end: int) -> None:
        """A headline after the article's end, next to a removed link-farm/card/social
        block, with link-farm evidence of its own that fell short of the threshold
        (e.g. the duplicate copy was deduplicated by extraction)."""
        cfg = self.config
        removed = ("link_farm", "author_card", "social")
        for i in range(end + 1, len(feats)):
            f = feats[i]
            # (a headline printed twice apart, text input: ``echoed_headline``)
            if f.category is not None or not (f.headline or f.echo) or not f.fired:
                continue
            near = [feats[k] for k in (i - 1, i + 1) if end < k < len(feats)]
            if not any(g.category in removed for g in near):
                continue
            if _opens_other_whole(f) and i + 1 < len(feats) \
                    and feats[i + 1].category in ("author_card", "social"):
                continue  # "About NAME" over a card: it goes with the card (_headers)
            f.fired["tail_cluster"] = R.RULES["tail_cluster"].weight
            ctx = ScoreContext(protection=self._protection(feats, i), title=False)
            f.score = self.scorer.score(f.fired, ctx)
            if f.score >= cfg.min_score:
                f.category = "link_farm"

    def _sourced_value(self, f: Feat) -> tuple[str, str] | None:
        """``(label, headline)`` of a line of text input that is a short label (<= 4
        words) and an unterminated text of headline length without contact data: a
        ``key_value`` line (:mod:`.linemarkup`), or a list item or line read ``Label:
        text`` (a source before its headline, whatever bullet or quote it is under);
        None when it is none."""
        lo, hi = self.config.headline_words
        if f.category is not None or f.contacts or f.prose or not f.plain:
            return None
        if f.role == "key_value" and f.line_key:
            key, value = f.line_key, f.line_value.rstrip()
        elif f.role in ("list_item", "prose") and ":" in f.text:
            m = R.KV_LINE_RE.match(f.text)
            if m is None:
                return None
            key, value = m.group("key").strip().lower(), m.group("value").rstrip()
        else:
            return None
        size = len(value.split())
        if len(key.split()) > 4 or not lo <= size <= hi or value[-1:] in ".;,:" or sum(
                1 for t in value.split() if any(c.isalpha() for c in t)) < 3:
            return None
        return key, value

    def _sourced_runs(self, feats: list[Feat], end: int) -> None:
        """Text input: a wire of sourced headlines after the article's end (``sourced_run``):
        >= 2 ``Label ⟩ headline`` lines in a row, or >= 3 ``Label: headline`` lines whose
        labels repeat or whose headlines are mostly title case or rated headlines."""
        cfg = self.config
        model = default_model() if cfg.headline_model else None
        n = len(feats)
        i = end + 1
        while i < n:
            first = self._sourced_value(feats[i])
            if first is None:
                i += 1
                continue
            pairs = [first]
            j = i + 1
            while j < n and (feats[j].syntax == "label_sep") == (feats[i].syntax == "label_sep"):
                pair = self._sourced_value(feats[j])
                if pair is None:
                    break
                pairs.append(pair)
                j += 1
            run = range(i, j)
            arrows = feats[i].syntax == "label_sep"
            keys = [k for k, _ in pairs]
            heads = sum(1 for _, v in pairs if _title_case(
                v, _RAW_WORD.findall(v), cfg.title_case_ratio) or (
                    model is not None and model.prob(v) >= 0.5))
            if (arrows and j - i >= 2) or (j - i >= 3 and (
                    len(set(keys)) < len(keys) or 2 * heads >= j - i)):
                for k in run:
                    f = feats[k]
                    f.fired["sourced_run"] = R.RULES["sourced_run"].weight
                    f.score = self.scorer.score(f.fired, ScoreContext(
                        protection=self._protection(feats, k), title=False))
                    if f.score >= cfg.min_score:
                        f.category = "link_farm"
            i = max(j, i + 1)

    def _list_wholes(self, blocks: list[Block], feats: list[Feat], end: int) -> None:
        """Text input: a list after the article's end -- >= 3 list items (any bullet,
        :mod:`.linemarkup`) of one paragraph -- of which at least two thirds went as
        headlines goes whole: its other unterminated items of headline length without
        contact data (a headline the model rated low, a date-stamped one) go too."""
        cfg = self.config
        hi = cfg.headline_words[1]
        n = len(feats)
        i = end + 1
        while i < n:
            if feats[i].kind != "list_item" or not feats[i].plain:
                i += 1
                continue
            j = i
            while j < n and feats[j].kind == "list_item" and blocks[j].group == blocks[i].group:
                j += 1
            gone = sum(1 for k in range(i, j) if feats[k].category == "link_farm")
            if j - i >= 3 and 3 * gone >= 2 * (j - i):
                for k in range(i, j):
                    f = feats[k]
                    if f.category is None and f.text and f.n <= hi + 4 and not f.terminal \
                            and not f.contacts and not f.prose:
                        f.fired["list_whole"] = R.RULES["list_whole"].weight
                        f.score = self.scorer.score(f.fired, ScoreContext(
                            protection=self._protection(feats, k), title=False))
                        if f.score >= cfg.min_score:
                            f.category = "link_farm"
            i = j

    def _headers(self, feats: list[Feat], end: int) -> None:
        """A short header after the article's end that opens a removed card, social
        or headline block goes with the block ("About NAME", "Socials", "Popular This
        Week"): named by the vocabulary, ending in a colon, or the last kept line."""
        n = len(feats)
        kept_after = False
        nxt: Feat | None = None  # the next block with text (a separator line has none)
        for i in range(n - 1, end, -1):
            f = feats[i]
            if i + 1 < n and feats[i + 1].text:
                nxt = feats[i + 1]
            if f.category is None and nxt is not None and _opens_removed_block(f, nxt, kept_after):
                f.fired["block_header"] = R.RULES["block_header"].weight
                if nxt.group < 0:
                    nxt.group = i
                f.group = nxt.group
                f.score = 1.0 - (1.0 - f.score) * (1.0 - f.fired["block_header"])
                f.category = nxt.category
            if f.category is None and f.text:
                kept_after = True

    def _learned_tail(self, doc: Document, feats: list[Feat], end: int) -> None:
        """The tail model on the blocks the rules kept after the article's end
        (:func:`tailmodel.candidates`; none on a page that is not an article, where the
        end is the last block), on pages where the rules removed something after the
        end (the model completes a tail the rules found: a page without one, a clean
        control among them, is left as the rules left it): a block at the model's
        threshold goes, with the rule ``tail_model``, its probability and the features
        that raised it most."""
        if not any(g.category is not None for g in feats[end + 1:]):
            return
        idx = candidates(feats, end)
        if not idx:
            return
        model = default_model() if self.config.headline_model else None
        rows = tail_vectors(feats, end, idx, html=doc.format == "html",
                            headline_prob=model.prob if model is not None else None)
        if self.tail_hook is not None:
            self.tail_hook(doc, feats, end, idx, rows)
        tm = self.tail_model
        if tm is None:
            return
        for i, x in zip(idx, rows, strict=True):
            p = tm.probability(x)
            if p < tm.threshold:
                continue
            f = feats[i]
            f.fired["tail_model"] = round(p, 4)
            f.score = max(f.score, p)
            f.category = category_of(f)
            f.model_top = tuple(tm.top_features(x))

    def _finding(self, blocks: list[Block], feats: list[Feat], run: list[int],
                 action: str) -> Finding:
        """One finding for a removed block, or for a whole (a card, a related section,
        a bio with its header) with one entry per line in ``detail["lines"]``: its rule,
        score, span and card key -- never a value."""
        if len(run) == 1:
            return self._block_finding(blocks[run[0]], feats[run[0]], action)
        parts = [self._block_finding(blocks[i], feats[i], action) for i in run]
        signals: dict[str, float] = {}
        for i in run:
            for k, v in feats[i].fired.items():
                signals[k] = max(v, signals.get(k, 0.0))
        lines = []
        for part in parts:
            line: dict[str, object] = {"block": part.block, "start": part.start,
                                       "end": part.end, "rule": part.rule,
                                       "score": part.score}
            if "key" in part.detail:
                line["key"] = part.detail["key"]
            lines.append(line)
        return Finding(
            stage=STAGE,
            category=parts[0].category,
            # the whole is named by its decisive rule (undamped first, then weight); every
            # line names its own rules in ``lines``
            rule=max(signals, key=lambda k: (k in R.UNDAMPED, signals[k])),
            score=max(p.score for p in parts),
            start=parts[0].start,
            end=parts[-1].end,
            action=action,  # type: ignore[arg-type]
            block=parts[0].block,
            detail={"words": sum(feats[i].n for i in run),
                    "signals": {k: round(v, 3) for k, v in signals.items()},
                    "lines": lines},
        )

    def _block_finding(self, block: Block, f: Feat, action: str) -> Finding:
        names = sorted(f.fired, key=lambda k: -f.fired[k])
        detail: dict[str, object] = {
            "words": f.n,
            "overlap": round(f.overlap, 3),
            "signals": {k: round(v, 3) for k, v in f.fired.items()},
        }
        if f.link_density:
            detail["link_density"] = round(f.link_density, 3)
        if f.kv_key is not None:
            detail["key"] = f.kv_key  # the key ("email"), never the value
        if f.model_top:
            detail["tail_model_top"] = list(f.model_top)  # feature names, never text
        return Finding(
            stage=STAGE,
            category=f.category or "furniture",
            # (a block the rules kept and the tail model removed is named by the model)
            rule="tail_model" if "tail_model" in f.fired else "+".join(names),
            score=round(f.score, 4),
            start=block.start,
            end=block.end,
            action=action,  # type: ignore[arg-type]
            block=block.index,
            detail=detail,
        )

    # -- sentence-level cuts: glued spam and trailing prompts -----------------------------

    def _sentences(self, text: str) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        pos = 0
        for m in R.SENTENCE_END_RE.finditer(text):
            spans.append((pos, m.start()))
            pos = m.end()
        spans.append((pos, len(text)))
        return [(a, b) for a, b in spans if text[a:b].strip()]

    def _sentence_cuts(
        self, doc: Document, feats: list[Feat], end: int, action: str
    ) -> list[Finding]:
        cfg = self.config
        out: list[Finding] = []
        for i, f in enumerate(feats):
            block = doc.blocks[i]
            # (a short CJK paragraph is a "heading" to the text segmenter, which counts
            # words by spaces: by its word_count it is prose; so is a short last paragraph
            # of text input with a headline glued on)
            kind_ok = block.kind in ("paragraph", "line") or (block.kind == "heading" and (
                f.prose or (f.plain and f.glued and f.terminal)))
            if f.category is not None \
                    or not (f.prose or f.glued or i == end or f.n >= cfg.prose_min_words) \
                    or not (kind_ok or self._glued_onto(block, feats, f)):
                continue
            nxt = feats[i + 1] if i + 1 < len(feats) else None
            if not (f.glued or i == end or (nxt is not None and nxt.category == "link_farm")):
                continue  # nothing to cut at sentence level: skip the sentence split
            text = block.text
            cut_from = len(text)
            rule = None
            # 1) glued spam: the block ends with a headline removed just after it
            g = feats[f.glued_to] if f.glued_to >= 0 else None
            if g is not None and g.category == "link_farm":
                head_text = g.text.strip()
                if g.segments and not text.rstrip(" \"'”’»)]*\n").endswith(head_text):
                    head_text = glued_part(text.rstrip(), g) or head_text
                pos = text.rfind(head_text)
                if pos > 0 and not text[pos + len(head_text):].strip(" \"'”’»)]*\n"):
                    rule = "glued_duplicate"
                    w = R.RULES[rule].weight
                    out.append(self._cut(block, pos, len(text), "glued_spam", rule, w, action,
                                         len(head_text.split())))
                    cut_from = pos
            if not kind_ok:
                continue  # a list item or a short line: only the glued copy is cut
            spans = self._sentences(text[:cut_from])
            if len(spans) < 2:
                continue
            # 1b) the last sentence is a headline repeated next / title-case clickbait
            a, b = spans[-1]
            last = text[a:b]
            last_norm = word_key(last)
            last_words = len(last.split())
            if rule is None and last_words <= cfg.glued_max_words:
                raw = _RAW_WORD.findall(last)
                if nxt is not None and nxt.norm == last_norm and last_words >= 3:
                    rule = "glued_duplicate"
                elif _title_case(last, raw, cfg.title_case_ratio) and last_words >= 4 and (
                    (R.clickbait(last) and nxt is not None
                     and nxt.category == "link_farm")
                    or (i == end and self._glued_alone(feats, i, last, text[:a]))
                ):
                    rule = "glued_clickbait"
            if rule is not None and cut_from == len(text):
                w = R.RULES[rule].weight
                if w >= cfg.min_score:
                    out.append(self._cut(block, a, b, "glued_spam", rule, w, action, last_words))
                    cut_from = a
                    spans = spans[:-1]
            # 2) trailing reader prompts at the end of the article's last paragraph, when
            #    a tail we remove follows (without one, the prompt is the author's own)
            tail_follows = rule is not None or (
                nxt is not None and nxt.category not in (None, "furniture")
            )
            if i != end or len(spans) < 2 or not tail_follows:
                continue
            k = len(spans)
            found = False
            while k > 1:
                s, e = spans[k - 1]
                sent = text[s:e]
                if R.FURNITURE_PATTERNS["comment_prompt"].search(sent) or \
                        R.FURNITURE_PATTERNS["newsletter"].search(sent) or \
                        R.FOLLOW_PROMPT_RE.search(sent):
                    found = True
                elif found and sent.rstrip().endswith("?") and re.search(
                    r"\byou(?:r)?\b|\bdu\b|\bvous\b|\busted\b|\bvoi\b|\bjij\b|\bjullie\b",
                    sent, re.I
                ):
                    pass
                else:
                    break
                k -= 1
            if found and k < len(spans):
                s = spans[k][0]
                words_cut = len(text[s:cut_from].split())
                w = R.RULES["trailing_prompt"].weight
                out.append(self._cut(block, s, cut_from, "furniture", "trailing_prompt",
                                     w, action, words_cut))
        return out

    @staticmethod
    def _glued_onto(block: Block, feats: list[Feat], f: Feat) -> bool:
        """A list item or a short line (a "heading" to the segmenter) that ends with the
        copy of a headline removed just after it: the copy is cut, the rest stays."""
        return block.kind in ("list_item", "heading") and f.glued_to >= 0 \
            and feats[f.glued_to].category == "link_farm"

    def _glued_alone(self, feats: list[Feat], i: int, last: str, head: str) -> bool:
        """A title-case last sentence with no tail left to repeat it (extraction dropped
        the related block): clickbait by the model or the lexicon, and off-topic."""
        cfg = self.config
        model = default_model() if cfg.headline_model else None
        prob = model.prob(last) if model is not None else 0.0
        if prob < cfg.glued_model_min:
            return False
        if prob >= cfg.headline_model_min and R.clickbait(last):
            return True  # the model and the lexicon agree: no need to be off-topic
        own = [_stem(t) for t in words(last) if len(t) >= 3 and t not in _ALL_STOPWORDS]
        if not own:
            return False
        rest = {_stem(t) for t in words(head)}
        for k, g in enumerate(feats):
            if k != i:
                rest.update(_stem(t) for t in g.tokens)
        return sum(1 for t in own if t in rest) / len(own) < cfg.offtopic_overlap

    def _cut(
        self, block: Block, a: int, b: int, category: str, rule: str, score: float,
        action: str, n_words: int,
    ) -> Finding:
        return Finding(
            stage=STAGE,
            category=category,
            rule=rule,
            score=score,
            start=block.start + a,
            end=block.start + b,
            action=action,  # type: ignore[arg-type]
            block=block.index,
            detail={"words": n_words, "sentence_level": True},
        )

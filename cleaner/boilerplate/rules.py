"""The boilerplate stage's knowledge, kept as data: one table per decision.

* ``RULES`` -- every named signal with its category and weight. A block's score
  is the noisy-or of the weights of the signals that fired (``1 - prod(1 - w)``),
  damped by protections (on-topic vocabulary, a heading followed by prose).
  Weights under the removal threshold (``BoilerplateConfig.min_score``) can
  never remove a block on their own: that is how "no single signal decides
  alone" is enforced for the weak ones (position, off-topic, title case...).
* word lists and patterns, multilingual (en, de, fr, es, it, nl, pt where known).

Thresholds (how much evidence is enough) live in ``cleaner.config.BoilerplateConfig``.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from .. import vocab
from ..categories import BOILERPLATE
from ..config import BoilerplateConfig
from ..pii.registry import TAG_RE as _REDACTION_TAG_RE
from ..regex_gate import gated

if TYPE_CHECKING:
    from .features import Feat

#: the boilerplate categories (their labels, colours and privacy are in :mod:`cleaner.categories`)
CATEGORIES = BOILERPLATE


#: flags of a rule: ``undamped`` -- the protections (on-topic vocabulary, a heading
#: followed by prose) do not damp it; ``specific`` -- evidence enough for a link farm in
#: the middle of the article (generic link-farm signals count only in the tail or
#: beside a specific one)
FLAGS = frozenset({"undamped", "specific"})
#: the block properties a rule may need (:attr:`Rule.needs`)
NEEDS = frozenset({"tail", "headline"})


class Where(NamedTuple):
    """What a block-local check knows besides the block's own features. (Immutable; a
    named tuple: the stage builds several per block, and a frozen dataclass costs 3-4x
    as much to build.)"""

    #: after the article's last prose paragraph
    tail: bool
    #: the input was HTML (extraction already dropped marked-up containers)
    html: bool
    #: a reader prompt may be furniture here (in the tail, off-topic, or short; not a
    #: newsletter issue referring to itself)
    prompt_ok: bool
    #: the block is not confidently in the body language
    foreign: bool
    cfg: BoilerplateConfig
    #: overlap with the body under which a headline is off-topic (per article)
    offtopic: float = 0.0
    #: the blocks before and after (their features as the earlier passes left them),
    #: for the rules about runs; ``prev_tail``: the block before is after the article's end
    prev: Feat | None = None
    next: Feat | None = None
    prev_tail: bool = False


Check = Callable[["Feat", Where], bool]


@dataclass(frozen=True, slots=True)
class Rule:
    """One named signal: its category, weight (the scorer combines weights), what it
    checks (``doc``) and flags. Categories other than ``link_farm`` are never damped."""

    name: str
    category: str
    weight: float
    doc: str
    flags: frozenset[str] = frozenset()
    #: the block-local check (the block's features and where it stands), when the rule
    #: needs nothing but the block; rules about runs and positions (headline runs,
    #: cards, sections, glued spam) are checked by the stage's passes
    check: Check | None = None
    #: the check only runs on blocks of at most this many words
    max_words: int | None = None
    #: what a block must be for the check to fire at all (``"tail"``: after the article's
    #: end; ``"headline"``: a headline candidate): a pass skips blocks no rule can fire on
    needs: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        if self.category not in CATEGORIES or not 0.0 < self.weight <= 1.0 \
                or not self.flags <= FLAGS or not self.needs <= NEEDS:
            raise ValueError(f"bad rule {self.name!r}")

    @property
    def undamped(self) -> bool:
        return "undamped" in self.flags or self.category != "link_farm"

    @property
    def specific(self) -> bool:
        return "specific" in self.flags


def _alt(*phrases: str) -> str:
    return "(?:" + "|".join(phrases) + ")"


# -- link-farm headers and inline "read more: <headline>" ---------------------------------

RELATED_HEADERS = _alt(*vocab.fragments("RELATED_HEADERS"))
RELATED_HEADER_RE = re.compile(r"^\W{0,3}" + RELATED_HEADERS + r"\W{0,4}$", re.I)
INLINE_RELATED_RE = re.compile(
    r"^[\[(]?\s*" + _alt(
        r"read more", r"related(?: post| article| story| content)?", r"see more", r"see also",
        r"also read", r"read also", r"also on [\w.]+", r"also", r"more", r"watch",
        r"lesen sie auch", r"mehr dazu", r"lire aussi", r"à lire", r"lee también",
        r"leer más", r"leggi anche(?: su)?", r"lees ook", r"leia também", r"veja também",
    ) + r"\s*[:–—-]\s*\S", re.I,
)

#: a teaser line: a label of 1-5 words (any language, no digits) and a colon before the
#: headline ("Read also: ...", "ይህንንም ያንብቡ: ...")
TEASER_RE = re.compile(r"^[^\W\d_][^\d:：\n]{0,40}?\s?[:：]\s+(\S.*)$")
TEASER_MAX_WORDS = 40
#: a teaser's headline has at least this many words (a product name repeated is none)
TEASER_MIN_WORDS = 5


def teaser_headline(text: str) -> str | None:
    """The headline of a "Label: headline" line, or None (a label of > 5 words is no
    teaser's)."""
    m = TEASER_RE.match(text)
    if m is None or len(text[: m.start(1)].split()) > 5:
        return None
    return m.group(1)


def cell_teaser_headline(piece: str) -> str | None:
    """The headline of a flattened row's piece shaped as a teaser ("Label: headline" of
    at most :data:`TEASER_MAX_WORDS` words, a headline of at least
    :data:`TEASER_MIN_WORDS`, no sentence's end), or None."""
    head = teaser_headline(piece)
    if head is None or piece.rstrip()[-1:] in ".!?。" or len(piece.split()) > TEASER_MAX_WORDS \
            or len(head.split()) < TEASER_MIN_WORDS:
        return None
    return head


# -- clickbait / SEO lexicon ---------------------------------------------------------------
# Phrases typical of clickbait / SEO headlines. The first English group is hand-written
# for the SEO-spam tails seen on scraped pages. The second group are word trigrams that
# occur >= 50 times among the clickbait headlines and never among the news headlines of
# Chakraborty et al. 2016, "Stop Clickbait: Detecting and Preventing Clickbaits in
# Online News Media" (ASONAM 2016, MIT licence), generalised by hand; no headline is
# copied. (scripts/bench_boilerplate.py does not need that corpus.)
#: the one phrase whose keyword gate (:mod:`cleaner.regex_gate`) is a common word,
#: "this": searched on its own by :func:`clickbait`
_CLICKBAIT_THIS = r"this (?:one|simple|weird|little) (?:trick|thing|gadget|food|habit)"
CLICKBAIT_PHRASES: tuple[str, ...] = (
        # derived from Chakraborty et al. 2016 (see above)
        r"\bbased on your (?:zodiac|favou?rite|star sign)", r"\bthat will make you\b",
        r"\bwill make you (?:laugh|cry|smile)", r"\bhow well do you know\b",
        r"\bcan (?:we|you) guess\b", r"\bcan you identify\b", r"\bfor people who\b",
        r"\bway too real\b", r"\bdo you (?:actually )?remember\b",
        r"\bwhich [\w\s'’-]{1,30} are you\b", r"\bwe know (?:your|which)\b",
        r"\bare you more\b",
        r"will never be the same", r"you won'?t believe", r"can'?t believe", r"will blow your",
        r"doctors? (?:hate|stunned|are stunned|warn)", _CLICKBAIT_THIS,
        r"what (?:does|do) [\w\s]{1,30} (?:look|smell|feel|taste|sound) like",
        r"look(?:s)?, smells?", r"\bworksheets?\b", r"\bprintables?\b",
        r"unrecogni[sz]able", r"change your life", r"\bshocking\b", r"\bjaw[- ]dropping",
        r"one dose in", r"melts? (?:belly )?fat", r"lose weight fast", r"before (?:it'?s|its) "
        r"(?:too late|deleted)", r"what happens next", r"\bcelebrities who\b",
        r"\bhere'?s why\b", r"\bthe reason (?:why )?will\b", r"\bmade by teachers\b",
        r"\bteacher made\b", r"\bwith answers\b", r"\bfree download\b", r"\bnet worth\b",
        r"\bin \d+ (?:easy|simple) steps\b", r"\bwon'?t believe\b", r"\bmind[- ]blowing",
        # de
        r"sollten sie nie", r"so sieht .{1,40} heute aus", r"\bunglaublich\b", r"\bschockierend",
        r"ärzte (?:sind )?sprachlos", r"dieser trick",
        # fr
        r"les médecins détestent", r"poison lent", r"\bastuce\b", r"vous ne (?:devinerez|croirez)",
        r"incroyable",
        # es
        r"no (?:creerás|vas a creer)", r"los médicos odian", r"\bincreíble\b", r"este truco",
        # it
        r"\bincredibile\b", r"non crederai", r"i medici odiano", r"questo trucco",
        # nl
        r"\bongelooflijk\b", r"artsen haten", r"dit trucje",
)
CLICKBAIT_RE = re.compile(_alt(*CLICKBAIT_PHRASES), re.I)

# -- author cards ------------------------------------------------------------------------
#: normalised key -> "personal" (author card) or "social" (profile lines), from cleaner.vocab
CARD_KEYS: dict[str, str] = {k: "personal" for k in vocab.card_labels()}
CARD_KEYS.update({k: "social" for k in vocab.social_labels() if k not in CARD_KEYS})
#: card field type of each personal key (``EMAIL_ADDRESS``, ``USERNAME``...)
CARD_FIELDS: dict[str, str] = vocab.card_fields()

#: follower/following counts (every language): a person's social profile
FOLLOWER_KEYS = frozenset(vocab.social_labels(kind="FOLLOWER_LABELS"))
#: keys that make a key/value run a card about a person (not a spec table)
STRONG_CARD_KEYS = frozenset(
    k for k, f in CARD_FIELDS.items() if f in vocab.STRONG_FIELDS
) | {"url"} | FOLLOWER_KEYS
#: keys that describe a person, names and e-mail labels
PERSON_KEYS = frozenset(k for k, f in CARD_FIELDS.items() if f in vocab.PERSON_FIELDS) \
    | FOLLOWER_KEYS
NAME_KEYS = frozenset(vocab.card_labels("PERSON"))
EMAIL_KEYS = frozenset(vocab.card_labels("EMAIL_ADDRESS"))
KV_LINE_RE = re.compile(
    r"^\s*(?:[-*+•·▪◦‣–]\s*)?(?P<key>[^\W\d_][^:：|\n]{0,28}?)\s*[:：]\s*(?P<value>.*)$"
)
#: key/value lines in the other syntaxes plain-text footers print: quoted JSON
#: (``"key": "value",``), ``key = value``, ``key - value`` (a spaced hyphen or dash) and
#: ``key<TAB>value``
#: (linear: a lazy value before ``\s*$`` backtracked quadratically on runs of spaces; the
#: quoted value's closing quote, comma and spaces are stripped by :func:`kv_split`)
KV_QUOTED_RE = re.compile(
    r'^\s*(?:[-*+•·▪◦‣–]\s*)?"(?P<qkey>[^"\n]{1,30})"\s*:\s*"?(?P<qrest>[\s\S]*)\Z'
)
KV_ALT_RE = re.compile(
    r"^\s*(?:[-*+•·▪◦‣–]\s*)?(?P<key>[^\W\d_][^=\t\n]{0,28}?)(?:(?:\s*=|\s+[-–—])\s+|\t+ *)"
    r"(?P<value>\S(?:[^\n]*\S)?)\s*$"
)
#: a ``Key : value`` line with a key no vocabulary lists joins a card only with contact
#: data or a value this short (a name, a company, a job title)
GENERIC_VALUE_MAX_WORDS = 8
CARD_HEADER_RE = re.compile(
    r"^\W{0,3}" + _alt(*vocab.fragments("CARD_HEADERS")) + r"\s*(?:[:.]\s*)?$", re.I,
)
#: "About NAME" opening a bio / card
BLOCK_HEADER_RE = re.compile(
    r"^\W{0,3}(?:about|über|à propos de|a propos de|sobre|acerca de|su|over|om|o|meet)\s+"
    r"\S+(?:\s+\S+){0,3}\s*(?::\s*)?$", re.I,
)
AUTHOR_BIO_RE = re.compile(
    r"^(?:[A-Z][\w'’.-]+\s){1,3}(?:is|was|ist|est|es|è|is een|é)\s(?:a|an|the|ein|eine|un|une|"
    r"uno|una|een|um|uma|our|unser|notre)?\s?[\w\s,'’-]{0,60}?\b(?:writer|journalist|editor|"
    r"reporter|author|columnist|blogger|correspondent|contributor|freelancer|journalistin|"
    r"redakteur|redakteurin|autorin|autor|rédacteur|rédactrice|journaliste|periodista|"
    r"redactor|redactora|giornalista|redattore|redattrice|journalist|redacteur|schrijver|"
    r"jornalista)\b",
)

# -- socials -------------------------------------------------------------------------------
PLATFORMS = (
    "twitter", "x", "facebook", "instagram", "tiktok", "linkedin", "youtube", "pinterest",
    "snapchat", "reddit", "tumblr", "whatsapp", "telegram", "threads", "mastodon", "bluesky",
    "xing", "vk", "github", "flipboard", "email", "e-mail", "print", "messenger", "rss",
)
#: the words of a row of share buttons ("Facebook Twitter WhatsApp")
PLATFORM_WORDS = frozenset(PLATFORMS) | {"share", "tweet", "pin", "teilen", "partager",
                                         "compartir", "condividi", "delen", "whatsapp",
                                         "mail", "copy", "link", "on", "via"}
#: a bare platform name: ``instagram:``, ``[instagram]`` (INI), ``"instagram": {`` (JSON)
PLATFORM_RE = re.compile(r"^\W{0,3}(?:" + "|".join(PLATFORMS) + r")\s*(?::\s*)?\W{0,3}$",
                         re.I)
SOCIALS_HEADER_RE = re.compile(
    r"^\W{0,3}" + _alt(*vocab.fragments("SOCIAL_HEADERS")) + r"\s*(?::\s*)?$", re.I,
)
SOCIAL_DOMAIN_RE = re.compile(
    r"(?:https?://)?(?:www\.)?(?:twitter\.com|x\.com|facebook\.com|fb\.com|instagram\.com|"
    r"tiktok\.com|linkedin\.com|youtube\.com|pinterest\.[a-z]+|t\.me|threads\.net|"
    r"mastodon\.[a-z]+|bsky\.app|medium\.com|flickr\.com|snapchat\.com|tumblr\.com|"
    r"soundcloud\.com|behance\.net|vk\.com|twitch\.tv|vimeo\.com|dribbble\.com|patreon\.com|"
    r"letterboxd\.com|strava\.com/athletes)/\S+"
    r"|(?:https?://)?(?<![\w-])[\w-]{1,63}\.substack\.com\b", re.I,
)
FOLLOWER_RE = re.compile(
    r"^\W{0,3}(?:\d[\d.,]*(?:\s*[kKmM])?\s+(?:followers|following|abonnenten|abonnés|seguidores|"
    r"follower|volgers|seguaci)|(?:followers|following|abonnenten|abonnés|seguidores|volgers|"
    r"seguaci)\s*(?:[:：]\s*)?\d[\d.,]*(?:\s*[kKmM])?)\W*$", re.I,
)
FOLLOW_PROMPT_RE = re.compile(
    _alt(
        r"\bfollow (?:us|me|him|her|them|[\w@.'’]+(?: [\w@.'’]+){0,3}) on (?:" + "|".join(PLATFORMS)
        + r")\b", r"\bfollow @\w+", r"\bfind us on (?:facebook|twitter|instagram)",
        r"\bfolgen sie uns\b", r"\bsuivez-nous\b", r"\bsíguenos\b", r"\bseguici\b",
        r"\bvolg ons\b", r"\bsiga-nos\b", r"\bsubscribe to [\w\s.]{1,30} on youtube\b",
    ),
    re.I,
)

# -- placeholder (Latin filler) -------------------------------------------------------------
#: Latin function words and the vocabulary of lorem-ipsum generators
LATIN_WORDS = frozenset(
    """a ab ad adipisci adipiscing alias aliquam aliquid amet animi aperiam architecto asperiores
    aspernatur assumenda at atque aut autem beatae blanditiis commodi consectetur consequatur
    consequuntur corporis corrupti cum cumque cupiditate debitis delectus deleniti deserunt dicta
    dignissimos distinctio dolor dolore dolorem doloremque dolores doloribus dolorum ducimus ea
    eaque earum eius eligendi enim eos error esse est et eum eveniet ex excepturi exercitationem
    expedita explicabo facere facilis fuga fugiat fugit harum hic id illo illum impedit in
    incidunt inventore ipsa ipsam ipsum iste itaque iure iusto labore laboriosam laborum
    laudantium libero magnam magni maiores maxime minima minus modi molestiae molestias mollitia
    nam natus necessitatibus nemo neque nesciunt nihil nisi nobis non nostrum nulla numquam
    obcaecati odio odit officia officiis omnis optio pariatur perferendis perspiciatis placeat
    porro possimus praesentium provident quae quaerat quam quas quasi qui quia quibusdam quidem
    quis quisquam quo quod quos ratione recusandae reiciendis rem repellat repellendus
    reprehenderit repudiandae rerum saepe sapiente sed sequi similique sint sit soluta sunt
    suscipit tempora tempore temporibus tenetur totam ullam unde ut vel velit veniam veritatis
    vero vitae voluptas voluptate voluptatem voluptates voluptatibus voluptatum lorem elit sed
    eiusmod tempor incididunt aliqua""".split()
)
#: words that are Latin filler in one language but function words in another: not counted
LATIN_AMBIGUOUS = frozenset("a ad at in id non ex est et error hic illo minus modi".split())

# -- page furniture -------------------------------------------------------------------------
FURNITURE_PATTERNS: dict[str, re.Pattern[str]] = {
    "copyright": re.compile(
        r"^\W{0,3}(?:©|\(c\)|ⓒ|copyright\s*(?:©|\(c\)|ⓒ|\d{4}|by\b|of\b))|"
        r"\ball rights reserved\b|\balle rechte vorbehalten\b|"
        r"\btous droits réservés\b|\btodos los derechos reservados\b|\btutti i diritti riservati\b"
        r"|\balle rechten voorbehouden\b|\btodos os direitos reservados\b|무단전재", re.I,
    ),
    "cookie_notice": re.compile(
        r"\b(?:we|this (?:web)?site|our (?:web)?site) uses? cookies\b|\baccept (?:all )?cookies\b|"
        r"\bcookie (?:policy|settings|preferences|consent)\b|"
        r"\b(?:diese|unsere) (?:webseite|website|seite) (?:verwendet|nutzt) cookies\b|"
        r"\bwir verwenden cookies\b|\bce site utilise des cookies\b|"
        r"\bnous utilisons des cookies\b|\beste sitio(?: web)? utiliza cookies\b|"
        r"\butilizamos cookies\b|\bquesto sito utilizza (?:i )?cookie\b|"
        r"\butilizziamo (?:i )?cookie\b|\bdeze (?:web)?site gebruikt cookies\b|"
        r"\bwij gebruiken cookies\b|\bcookies akzeptieren\b|\baccepter les cookies\b", re.I,
    ),
    "newsletter": re.compile(
        r"\b(?:sign up|subscribe|register)\b[^.!?]{0,60}\b(?:newsletters?|inbox|e-?mail updates)"
        r"\b|\bnewsletters?\b[^.!?]{0,40}\b(?:sign up|subscribe|inbox)\b|"
        r"\bdelivered (?:straight |right )?to your inbox\b|\bright in your inbox\b|"
        r"\bthanks? (?:you )?for (?:signing up|subscribing)\b|"
        r"\berror processing your subscription\b|\bnewsletter abonnieren\b|"
        r"\bjetzt (?:den )?newsletter\b|\babonnez-vous à (?:notre|la) newsletter\b|"
        r"\binscrivez-vous à (?:notre|la) newsletter\b|\bsuscr[ií]bete a (?:nuestro|nuestra|el|la)"
        r" (?:boletín|newsletter)\b|\biscriviti alla (?:nostra )?newsletter\b|"
        r"\bschrijf je in (?:op|voor) (?:onze|de) nieuwsbrief\b|\bmeld je aan voor (?:onze|de) "
        r"nieuwsbrief\b", re.I,
    ),
    "comment_prompt": re.compile(
        r"^\W{0,3}(?:\d+\s+)?(?:comments?|kommentare?|commentaires?|comentarios?|commenti|"
        r"reacties?|comentários)\W{0,3}$|\bleave a (?:comment|reply)\b|\bpost a comment\b|"
        r"\b(?:share|tell us|let us know) (?:your thoughts|what you think)\b|"
        r"\bin the comments(?: section)? below\b|\bkommentar schreiben\b|"
        r"\blaisser un commentaire\b|\bdeja (?:un|tu) comentario\b|\blascia un commento\b|"
        r"\blaat een reactie achter\b|\bdeixe (?:um|seu) comentário\b|"
        r"\bjoin the (?:conversation|discussion)\b", re.I,
    ),
    "share_row": re.compile(
        r"^\W{0,3}(?:share|teilen|partager|compartir|condividi|delen|compartilhe)(?:\s+(?:this|it|"
        r"this (?:article|story|post|page)|(?:on|via|auf|sur|en|su|op|no) [\w.]+))?\s*[:!]?\s*$|"
        r"^\W{0,3}(?:share|teilen|partager|compartir|condividi|delen) (?:on|via|auf|sur|en|su|op) "
        r"(?:facebook|twitter|x|whatsapp|linkedin|pinterest|reddit|e-?mail)\b|"
        r"\bshare (?:it|this(?: story| article)?) with a friend\b|"
        r"\bdiesen artikel teilen\b|\bpartager cet article\b|\bcompartir este artículo\b|"
        r"\bcondividi (?:questo articolo|su)\b|\bdeel dit artikel\b", re.I,
    ),
    "read_more": re.compile(
        r"^\W{0,3}(?:read (?:more|the full (?:story|article))|continue reading|keep reading|"
        r"weiterlesen|mehr lesen|lire la suite|leer más|seguir leyendo|leggi (?:di più|tutto)|"
        r"continua a leggere|lees meer|verder lezen|leia mais|explore further)\W{0,4}$", re.I,
    ),
    "breadcrumb": re.compile(
        r"^\W{0,3}(?:home|startseite|accueil|inicio|portada|homepage|início)\s*(?:>|»|›|/|\||→)\s*"
        r"\S", re.I,
    ),
    "tag_list": re.compile(
        r"^\W{0,3}(?:tags?|tagged(?: with)?|filed under|related tags|schlagwörter|stichwörter|"
        r"schlagworte|themen|étiquettes|mots-clés|etiquetas|temas|parole chiave|argomenti|"
        r"trefwoorden|onderwerpen|categories|category|kategorien|kategorie|catégories|"
        r"categorías|categorie|categorieën|categorias)\s*(?:[:|]\s*\S.*|$)", re.I,
    ),
    "app_promo": re.compile(
        r"\bget the [\w\s]{1,30} app\b|\bdownload (?:the|our) app\b|"
        r"\bclick here to (?:subscribe|sign up)\b|\bby clicking here\W*$|"
        r"\bsubscribe to [\w\s.]{1,30} on youtube\b",
        re.I,
    ),
}
#: disclosure and legal lines (affiliate disclosures, disclosure policies, deposit-insurance
#: notices): ``legal_line`` (after the article's end)
LEGAL_LINE_RE = re.compile(_alt(*vocab.fragments("LEGAL_LINES")), re.I)
#: newsletter, donation and sign-up prompts: ``support_prompt`` (where a prompt may be
#: furniture: ``Where.prompt_ok``)
SUPPORT_PROMPT_RE = re.compile(_alt(*vocab.fragments("SUPPORT_PROMPTS")), re.I)
LEGAL_LINE_MAX_WORDS = 45
SUPPORT_PROMPT_MAX_WORDS = 30
#: a prompt that refers to the page itself ("subscribe to this newsletter") is part of a
#: newsletter issue, not furniture around an article
SELF_REFERENCE_RE = re.compile(r"\bthis (?:newsletter|briefing|digest)\b", re.I)

#: blocks longer than this many words are only checked for Latin filler and card lines
SHORT_BLOCK_WORDS = 60

#: furniture rules only fire on blocks with at most this many words (a paragraph that
#: merely mentions cookies or comments is prose)
FURNITURE_MAX_WORDS: dict[str, int] = {
    "copyright": 30, "cookie_notice": 60, "newsletter": 40, "comment_prompt": 30,
    "share_row": 14, "read_more": 6, "breadcrumb": 20, "tag_list": 60, "app_promo": 25,
}

#: prompts that an article may legitimately contain (a newsletter issue invites readers
#: to subscribe): inside the article and on-topic they need to be short to count
PROMPT_RULES = frozenset({"newsletter", "comment_prompt", "follow_prompt", "app_promo",
                          "support_prompt"})
PROMPT_ONTOPIC_OVERLAP = 0.35
PROMPT_SHORT_WORDS = 12

#: class/id tokens (from cleaner.extract.HINT_TOKENS) that point at link farms / furniture.
#: No rule reads them today: the container rules went (extraction drops containers with
#: these classes before this stage sees them, so they never fired)
RELATED_CONTAINER_TOKENS = frozenset({
    "related", "recommend", "popular", "trending", "most-read", "mostread", "more-stories",
    "also-like", "you-may", "outbrain", "taboola", "sponsored", "promo",
})
FURNITURE_CONTAINER_TOKENS = frozenset({
    "share", "sharing", "newsletter", "subscribe", "signup", "cookie", "consent", "gdpr",
    "breadcrumb", "tags", "tag-list", "taglist", "footer", "copyright",
})

#: sentence boundary for glued-spam cuts: after . ! ? … (and closing quotes), before a capital
#: (a full-width stop needs no space: "…した。Next Headline")
SENTENCE_END_RE = re.compile(
    r"(?<=[.!?…])[\"'”’»)]*\s+(?=[\"'“‘«(]?[A-ZÀ-ÖØ-Þ0-9]"
    # (or a glyph that marks the next piece: an arrow, a pictograph, an emoji)
    r"|[\u2190-\u21ff\u2600-\u27bf\u2b00-\u2bff\U0001f300-\U0001faff]"
    r"[\ufe0f\u200d]?\s+[\"'“‘«(]?[A-ZÀ-ÖØ-Þ0-9])"
    r"|(?<=[。！？])[」』”’)]*\s*(?=[\"'“‘«(]?[A-ZÀ-ÖØ-Þ0-9])"
)

# -- contact data (language-independent): what makes a bio or a key/value run a card --------
CONTACT_PATTERNS: dict[str, re.Pattern[str]] = {
    "email": re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+"),
    "phone": re.compile(r"(?<![\w.-])\+?\(?\d[\d ().-]{6,18}\d(?:\s?x\d{1,5})?(?![\w-])"),
    "date": re.compile(
        r"\b(?:1[89]|20)\d\d-[01]\d-[0-3]\d\b|\b[0-3]?\d[./][01]?\d[./](?:1[89]|20)\d\d\b"
    ),
    "handle": re.compile(r"(?<![\w@])@[A-Za-z_][\w.]{2,30}\b"),
    "profile": SOCIAL_DOMAIN_RE,
}


#: a character every match of a contact pattern holds ("@" of an address or a handle, the
#: "/" after a profile's domain -- or ".substack." --), or None for a digit: a text
#: without it is not searched
_CONTACT_NEEDS: dict[str, str | None] = {
    "email": "@", "phone": None, "date": None, "handle": "@", "profile": "/",
}
_ANY_DIGIT = re.compile(r"\d")
#: the profile pattern's keyword gate (its platforms' domains, :mod:`cleaner.regex_gate`)
_PROFILE_GATE = gated(SOCIAL_DOMAIN_RE)
#: a part every match of a contact pattern holds, searched first: a phone's run of 8+
#: digits and separators, a date's year (these start with a digit, which the engine
#: skips to; the patterns start with a look-behind or ``\b`` and try every position)
_CONTACT_CORES: dict[str, re.Pattern[str]] = {
    "phone": re.compile(r"\d[\d ().-]{6,18}\d"),
    "date": re.compile(r"(?:1[89]|20)\d\d"),
}


def contact_kinds(text: str) -> frozenset[str]:
    """Which kinds of contact data (email, phone, date, handle, profile URL) a text holds.
    Phones need 7+ digits; a year range or a price is not a phone."""
    if len(text) > 4000:
        text = text[:4000]
    found = set()
    digit = _ANY_DIGIT.search(text) is not None
    for kind, pattern in CONTACT_PATTERNS.items():
        need = _CONTACT_NEEDS[kind]
        if kind == "profile":
            # (a Substack profile is a subdomain: no "/" needed)
            if "/" not in text and ".substack." not in text:
                continue
        elif (need is None and not digit) or (need is not None and need not in text):
            continue  # the pattern cannot match (the common case: prose)
        core = _CONTACT_CORES.get(kind)
        if core is not None and core.search(text) is None:
            continue  # no match holds its core: it cannot match either
        if kind == "profile" and not _PROFILE_GATE.may_match(text):
            continue  # no platform's domain: the many-branch pattern cannot match
        for m in pattern.finditer(text):
            if kind == "phone" and not _phone_like(m.group()):
                continue
            found.add(kind)
            break
    return frozenset(found)


_YEAR_RANGE = re.compile(r"(?:1[89]|20)\d\d\s?[-–]\s?(?:1[89]|20)\d\d")


def _phone_like(s: str) -> bool:
    digits = sum(ch.isdigit() for ch in s)
    if digits < 7 or _YEAR_RANGE.fullmatch(s.strip()) or CONTACT_PATTERNS["date"].fullmatch(
        s.strip()
    ):
        return False
    groups = [g for g in re.split(r"[\s().-]+", s) if g]
    return s[0] in "+(" or len(groups) >= 3 or (len(groups) == 1 and 8 <= digits <= 12)


# -- block-local checks (held by their rule objects below) ------------------------------------


#: a profile URL: a host (its handle as a subdomain, or a path of one segment, an
#: ``@handle`` or ``user/handle``)
_PROFILE_URL_RE = re.compile(
    r"(?:https?://)?(?:www\.)?(?P<host>[\w-]{1,63}(?:\.[\w-]{1,63}){1,3})"
    r"(?:/(?:[\w-]{1,20}/)?@?[\w.-]{1,60})?/?")
_NOT_LETTERS = re.compile(r"[\W\d_]+")


def self_named_profile(key: str, value: str) -> bool:
    """``key: value`` is a profile on the site the key names: the value is one profile
    URL (``ko-fi.com/x``, ``x.bandcamp.com``) whose host holds the key's letters
    (``kofi``, ``Bandcamp``): a social line of any platform, listed or not."""
    k = _NOT_LETTERS.sub("", key.lower())
    if not 2 <= len(k) <= 20:
        return False
    m = _PROFILE_URL_RE.fullmatch(value.strip())
    if m is None:
        return False
    host = _NOT_LETTERS.sub("", m.group("host").lower())
    return k in host and (m.group("host").count(".") >= 2 or m.end("host") < len(
        value.strip().rstrip("/")))


def kv_split(text: str) -> tuple[str, str] | None:
    """``(key, value)`` of a key/value line in any syntax: ``Key : value``, then the
    other ones of :data:`KV_ALT_RE` (quoted JSON, ``key = value``, ``key - value``)."""
    # (``KV_LINE_RE`` needs a colon: without one it cannot match)
    m = KV_LINE_RE.match(text) if ":" in text or "：" in text else None
    if m is not None:
        return m.group("key"), m.group("value")
    if "=" not in text and '"' not in text and " - " not in text and " – " not in text \
            and " — " not in text and "\t" not in text:
        return None  # the common case: no separator of the other syntaxes
    m = KV_QUOTED_RE.match(text)
    if m is not None:
        # the value without what may close it: a quote, spaces, a comma, spaces
        value = m.group("qrest").rstrip()
        value = value[:-1].rstrip() if value.endswith(",") else value
        value = value[:-1] if value.endswith('"') else value
        if "\n" not in value:
            return m.group("qkey"), value
    m = KV_ALT_RE.match(text)
    if m is None:
        return None
    return m.group("key"), m.group("value")


def card_key_value(text: str) -> tuple[str, str] | None:
    """``(key, value)`` of a key/value line (any syntax of :func:`kv_split`) whose key
    is a known card label."""
    return _card_kv(kv_split(text))


def _card_kv(kv: tuple[str, str] | None) -> tuple[str, str] | None:
    """:func:`card_key_value` of a line's :func:`kv_split`."""
    if kv is None:
        return None
    key = kv[0].strip().lower().rstrip(".")
    if key not in CARD_KEYS:
        return None
    return key, kv[1].strip()


def _kv_generic(kv: tuple[str, str] | None) -> str | None:
    """The value of a short key/value line (``kv``: its :func:`kv_split`) with any key
    of at most 3 words."""
    if kv is None or len(kv[0].split()) > 3 or not kv[1].strip():
        return None
    return kv[1].strip()


#: after the article's end (text input), a key/value line with any short key joins a
#: footer card with a value up to this long that is no sentence (an address, a job title
#: with its employer)
TAIL_VALUE_MAX_WORDS = 20


def card_line(f: Feat, tail: bool = False) -> tuple[str, str | None, str] | None:
    """What a block can be inside an author card: ``(role, key, value)`` with role
    ``kv`` (a known card key, or a key nobody listed -- another language -- whose value
    holds contact data or is at most :data:`GENERIC_VALUE_MAX_WORDS` words; a sentence
    after an unknown key, "Myth: ...", is prose), ``card_header`` or ``social_header``
    (a "Socials" header or a bare platform name); ``None`` ends a card."""
    split = kv_split(f.text)  # (once for both readings)
    kv = _card_kv(split)
    if kv is not None:
        return "kv", kv[0], kv[1]
    generic = _kv_generic(split)
    if generic is not None:
        size = len(generic.split())
        # an address value is longer; after the article's end any longer value too, but
        # not a sentence
        if f.contacts or size <= GENERIC_VALUE_MAX_WORDS or (
                size <= ADDRESS_VALUE_MAX_WORDS and "address" in value_kinds(generic)) or (
                tail and size <= TAIL_VALUE_MAX_WORDS and generic[-1:] not in ".!?…"):
            return "kv", None, generic
    if f.n <= 6 and CARD_HEADER_RE.match(f.text):  # (the cheap test first)
        return "card_header", None, ""
    if f.n <= 4 and (SOCIALS_HEADER_RE.match(f.text) or PLATFORM_RE.match(f.text)):
        return "social_header", None, ""
    if f.text and f.n == 0:
        return "punct", None, ""  # a JSON footer's braces: inside a card, not its end
    return None


def card_qualifies(keys: set[str], min_keys: int) -> bool:
    """Keys that make a run a card about a person (not a spec table)."""
    if len(keys) < min_keys:
        return False
    if keys & PERSON_KEYS and keys & (STRONG_CARD_KEYS | NAME_KEYS):
        return True
    return bool(keys & NAME_KEYS and keys & EMAIL_KEYS)


# -- cards by shape: personal values under labels in any language -------------------------
#: value kinds that are contact data on their own (they make a card with one more sign)
STRONG_VALUE_KINDS = frozenset({"email", "phone", "date", "handle", "profile"})
#: a value made of digits and phone separators only ("56/560-5158", "+40 721 123 456")
_PHONE_VALUE_RE = re.compile(r"\+?[\d\s().\-/]{7,24}")
_SLASH_DATE_RE = re.compile(r"\d{4}/\d{1,2}/\d{1,2}|\d{1,2}/\d{1,2}/\d{2,4}")
_ISBN_RE = re.compile(r"\bisbn\b", re.I)
_URL_VALUE_RE = re.compile(r"(?:https?://|www\.)\S+", re.I)
#: a postcode: 4-6 digits (with a country letter prefix "H-1340"), "602 00", "00-950", UK
#: or Canadian shape
_POSTCODE_RE = re.compile(
    r"\b(?:[A-Z]{1,2}-)?\d{4,6}\b|\b\d{3} \d{2}\b|\b\d{2}-\d{3}\b|\b[A-Z]\d[A-Z] ?\d[A-Z]\d\b"
    r"|\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b"
)
_HOUSE_NUMBER_RE = re.compile(r"(?<![\d.,])\d{1,5}[A-Za-z]?(?![\d:%]|[.,]\d)")
#: a person's name: two to four capitalised words (initials allowed), no digits
_NAME_VALUE_RE = re.compile(r"(?<![\w'’-])(?:[^\W\d_][\w'’-]*\.? ){1,3}[^\W\d_][\w'’-]*")
#: an unknown-key line with a street address joins a card up to this many words
ADDRESS_VALUE_MAX_WORDS = 16
_UNITS_RE = re.compile(
    r"\d\s?(?:%|mm|cm|m|km|kg|g|mg|ml|l|oz|lb|lbs|in|ft|min|mins|h|hrs|kcal|cal|w|kw|v|mah|gb|"
    r"tb|mb|mhz|ghz|px|°c|°f|€|\$|£)\b", re.I,
)


def value_kinds(value: str) -> frozenset[str]:
    """Kinds of personal data a card value looks like, whatever the label's language:
    contact data (:func:`contact_kinds`), a phone written with slashes, a URL, a street
    address (a house number and a postcode among capitalised words) or a person's name
    (two to four capitalised words). Measures with units ("10 cm", "250 kcal") are
    none of them."""
    v = value.strip()
    if not v or len(v) > 200:
        return frozenset()
    kinds = set(contact_kinds(v))
    bare = re.sub(r"[\s().\-/]", "", v)
    isbn = _ISBN_RE.search(v) is not None or (
        bare.isdigit() and len(bare) == 13 and bare[:3] in ("978", "979"))
    if isbn:
        kinds.discard("phone")  # a book number, not a phone
    if _UNITS_RE.search(v):
        return frozenset(kinds & STRONG_VALUE_KINDS - {"phone"})
    digits = sum(ch.isdigit() for ch in v)
    if "phone" not in kinds and "date" not in kinds and 7 <= digits <= 15 \
            and not isbn and not _SLASH_DATE_RE.fullmatch(v) \
            and _PHONE_VALUE_RE.fullmatch(v) and _phone_like(v.replace("/", " ")):
        kinds.add("phone")
    if _URL_VALUE_RE.fullmatch(v) and "profile" not in kinds:
        kinds.add("url")
    toks = v.replace(",", " ").split()
    caps = sum(1 for t in toks if t[:1].isupper() and any(ch.isalpha() for ch in t))
    if not kinds and 3 <= len(toks) <= ADDRESS_VALUE_MAX_WORDS and caps >= 2 \
            and _HOUSE_NUMBER_RE.search(v) and _POSTCODE_RE.search(v):
        kinds.add("address")
    if not kinds and digits == 0 and _NAME_VALUE_RE.fullmatch(v) \
            and all(t[:1].isupper() for t in toks):
        kinds.add("name")
    return frozenset(kinds)


def card_shape_qualifies(kinds: list[frozenset[str]]) -> bool:
    """A run of ``Label: value`` lines (``kinds``: each line's :func:`value_kinds`) is a
    card about a person by the shape of its values alone: three or more lines, two of
    them contact data, or one contact value with two more personal values (an address,
    a URL, a name). The labels may be in any language; a spec sheet or a recipe's
    ``Prep time: 10 min`` has no such values."""
    if len(kinds) < 3:
        return False
    strong = sum(1 for k in kinds if k & STRONG_VALUE_KINDS)
    other = sum(1 for k in kinds if k and not k & STRONG_VALUE_KINDS)
    return strong >= 2 or (strong >= 1 and other >= 2)


def _card_inline(f: Feat, w: Where) -> bool:
    if "|" not in f.text:
        return False
    parts = f.text.split("|")
    keys = {kv[0] for kv in map(card_key_value, (p.strip() for p in parts)) if kv is not None}
    return len(keys) >= 2 and len(keys) >= len(parts) - 1 and card_qualifies(
        keys, w.cfg.card_min_keys)


def _latin_filler(f: Feat, w: Where) -> bool:
    return f.n >= w.cfg.latin_min_words and f.latin >= w.cfg.latin_ratio and w.foreign


def _pattern(name: str, *, prompt: bool = False, html: bool | None = None) -> Check:
    """A check that searches the furniture pattern ``name`` (a prompt only where a
    prompt may be furniture; ``html``: only on HTML input / only on other input)."""
    pattern = gated(FURNITURE_PATTERNS[name])  # same results, most texts skipped

    def check(f: Feat, w: Where) -> bool:
        if (prompt and not w.prompt_ok) or (html is not None and w.html != html):
            return False
        return pattern.search(f.text) is not None

    return check


_SHARE_ROW = gated(FURNITURE_PATTERNS["share_row"])


def _share_row(f: Feat, w: Where) -> bool:
    # two *different* platforms: "Email: [EMAIL]" (a redacted card line) is not a
    # share row, and counting repeats removed it when the clean output was cleaned
    if f.n <= FURNITURE_MAX_WORDS["share_row"] and _SHARE_ROW.search(f.text):
        # a bare "Share" / "Share this" before the article's end is the label of the
        # page's own share button inside the body text (a shop page's): it goes only
        # after the end; "Share on Facebook" and platform rows go anywhere
        return w.tail or f.n > 2 or any(t in PLATFORMS for t in f.tokens)
    return 2 <= f.n <= 12 and all(t in PLATFORM_WORDS for t in f.tokens) and len(
        {t for t in f.tokens if t in PLATFORMS}) >= 2


_LEGAL_LINE = gated(LEGAL_LINE_RE)
_SUPPORT_PROMPT = gated(SUPPORT_PROMPT_RE)


def _legal_line(f: Feat, w: Where) -> bool:
    """A short disclosure line after the article's end. Not before the end: WCXB's
    labels keep a disclosure that opens the article as often as they leave it out (3
    pages each of the develop half). Copyright lines are not this rule's: the article
    benchmark's bodies keep a news site's closing notice ('Copyright 2019 Hawaii News
    Now. All rights reserved.', 3 of its 80 develop pages), WCXB's leave them out."""
    return w.tail and _LEGAL_LINE.search(f.text) is not None


def _support_prompt(f: Feat, w: Where) -> bool:
    return w.prompt_ok and _SUPPORT_PROMPT.search(f.text) is not None


def _learned(f: Feat, w: Where) -> bool:
    return f.headline_prob >= w.cfg.headline_model_min


def _linked(f: Feat, w: Where) -> bool:
    return f.link_density >= w.cfg.link_density


def _caps_link(f: Feat, w: Where) -> bool:
    letters = [ch for ch in f.text if ch.isalpha()]
    return _linked(f, w) and bool(letters) and all(not ch.islower() for ch in letters)


def _inline_related(f: Feat, w: Where) -> bool:
    # linked (HTML/Markdown), or a line of text input with a headline after the colon;
    # an on-topic prose paragraph that happens to start with "Also:" is the article's
    return (f.n <= 30 and INLINE_RELATED_RE.match(f.text) is not None
            and (f.link_density >= 0.5 or (not w.html and f.n >= 4))
            and not (f.prose and f.overlap >= 0.5 and f.link_density < 0.5))


def _check(fn: Callable[[Feat], bool]) -> Check:
    return lambda f, w: fn(f)


def _linked_item(f: Feat, w: Where, tail: bool) -> bool:
    """A linked headline as a list item, or as a table row (a row of linked stories
    with their source and date cells, HTML)."""
    return (f.kind == "list_item" or (f.kind == "table_row" and w.html)) and f.headline \
        and f.link_density >= w.cfg.link_density and tail


def _linked_list_tail(f: Feat, w: Where) -> bool:
    """A linked list item after the article with another one beside it."""
    if not _linked_item(f, w, w.tail):
        return False
    return (w.prev is not None and _linked_item(w.prev, w, w.prev_tail)) or (
        w.next is not None and _linked_item(w.next, w, True))


#: a trailing bracketed note with a number in it (``(7.9K views)``, ``[3 comments]``,
#: ``(2026-11-30)``): a counter or a date a list prints after each item, no headline words
#: (no leading ``\s*``: searched unanchored, it would rescan every whitespace run from each of
#: its characters, quadratic; the text before the match is right-stripped instead)
_TRAILING_COUNT = re.compile(r"[(\[][^()\[\]\n]{0,30}\d[^()\[\]\n]{0,30}[)\]]\s*$")
TRAILING_COUNT_MAX_WORDS = 5


def headline_text(f: Feat) -> str:
    """The text the headline model rates: of a text-input line, without a trailing
    bracketed counter or date (the model learned headlines, not their view counts);
    any other block as it is."""
    if not f.plain or f.text[-1:] not in ")]":
        return f.text
    m = _TRAILING_COUNT.search(f.text)
    if m is None:
        return f.text
    head = f.text[:m.start()].rstrip()
    if not head or len(m.group().split()) > TRAILING_COUNT_MAX_WORDS:
        return f.text
    return head


_MONTHS_EN = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?"
#: a story item's full date: ISO, ``30.11.2026``, ``30/11/2026``, ``30 Nov 2026``,
#: ``Nov 30, 2026`` (a bare year, as in a timeline's lines, is none)
ITEM_DATE_RE = re.compile(
    r"(?<![\w.])(?:(?:1[89]|20)\d\d-[01]\d-[0-3]\d|[0-3]?\d[./][01]?\d[./](?:1[89]|20)\d\d"
    r"|[0-3]?\d\.? " + _MONTHS_EN + r" (?:1[89]|20)\d\d"
    r"|" + _MONTHS_EN + r" [0-3]?\d,? (?:1[89]|20)\d\d)(?![\w])", re.I)
#: what a dated item may hold besides its headline and date (separators, "by", a source)
_ITEM_TRIM = " |—–-·•,;:()[]"


def dated_item(f: Feat, hi: int) -> bool:
    """A headline with its date (a story list's item or row: "Headline — 19 Nov 2026",
    "Headline | Source | 2026-11-30"): one full date, and besides it >= 3 words of
    letters, at most ``hi`` + 4 words, not ending like a sentence."""
    if f.prose or f.n > hi + 4 or f.n < 4:
        return False
    m = ITEM_DATE_RE.search(f.text)
    if m is None or ITEM_DATE_RE.search(f.text, m.end()) is not None:
        return False
    rest = (f.text[: m.start()] + " " + f.text[m.end():]).strip(_ITEM_TRIM)
    letters = sum(1 for t in rest.split() if any(c.isalpha() for c in t))
    return letters >= 3 and rest[-1:] not in ".!?,;:"


def _dated_run(f: Feat, w: Where) -> bool:
    """After the article's end, a dated headline with another one beside it."""
    hi = w.cfg.headline_words[1]
    return w.tail and dated_item(f, hi) and (
        (w.prev is not None and w.prev_tail and dated_item(w.prev, hi))
        or (w.next is not None and dated_item(w.next, hi)))


def _headline_run(f: Feat, w: Where) -> bool:
    return f.headline and ((w.prev is not None and w.prev.headline)
                           or (w.next is not None and w.next.headline))


def _inline_run(f: Feat, w: Where) -> bool:
    """A run of headlines on one line, in the text tail. A line with contact data is a
    card's or a profile's, not a run; so is one whose contact data is already redacted."""
    return w.tail and not w.html and len(f.segments) >= 2 and not f.contacts \
        and ("[" not in f.text or _REDACTION_TAG_RE.search(f.text) is None)


#: words a profile line may hold besides its URL, the handle in it and numbers (the
#: platform's name, labels: "link", "nick", "audience", "uploads")
PROFILE_LINE_OTHER_WORDS = 6
_WORD_RE = re.compile(r"\w+")


def _profile_lines(f: Feat, w: Where) -> bool:
    """After the article's end (text input), every line of the block is a social
    profile: a profile URL with at most :data:`PROFILE_LINE_OTHER_WORDS` other words
    besides the handle and counts ("Medium » https://medium.com/x » x", "Flickr: link
    https://flickr.com/people/x, nick x, audience 3781")."""
    if not w.tail or w.html or "profile" not in f.contacts or f.n > SHORT_BLOCK_WORDS:
        return False
    if f.line_key and self_named_profile(f.line_key, f.line_value):
        return True  # ``links.kofi = https://ko-fi.com/x`` (a platform no list names)
    if f.profile_link:
        return True  # ``[url=https://quora.com/profile/x]Quora[/url]``: any link syntax
    for line in f.text.splitlines():
        m = SOCIAL_DOMAIN_RE.search(line)
        if m is None:
            return False
        url = m.group().lower()
        other = [t for t in _WORD_RE.findall(line[: m.start()] + " " + line[m.end():])
                 if not t.isdigit() and t.lower() not in url]
        if len(other) > PROFILE_LINE_OTHER_WORDS:
            return False
    return True


_PROFILE_ROW_SPLIT = re.compile(r"\s[|·•]\s")


def _profile_row(f: Feat, w: Where) -> bool:
    """After the article's end, one line of >= 2 social profiles split by ``|``, ``·`` or
    ``•``, each a profile URL with at most 3 other words ("Vimeo: vimeo.com/x | Strava:
    strava.com/athletes/y"; the first may carry the row's header)."""
    if not w.tail or ("/" not in f.text and ".substack." not in f.text):
        return False
    parts = _PROFILE_ROW_SPLIT.split(f.text)
    if len(parts) < 2:
        return False
    for k, part in enumerate(parts):
        m = SOCIAL_DOMAIN_RE.search(part)
        if m is None:
            # ``Ko-fi: ko-fi.com/x`` (the first part may carry the row's header)
            kv = part.rsplit(": ", 2)
            if len(kv) >= 2 and len(kv[-2].split()) <= 3 \
                    and self_named_profile(kv[-2], kv[-1]):
                continue
            return False
        other = len(_WORD_RE.findall(part[: m.start()] + " " + part[m.end():]))
        if other > (6 if k == 0 else 3):
            return False
    return True


def _author_bio(f: Feat, w: Where) -> bool:
    """A short bio in the tail: under a card header, or "X is a writer/editor..."."""
    if not w.tail or f.fired or f.n > 80:
        return False
    return (w.prev is not None and "card_header" in w.prev.fired) \
        or AUTHOR_BIO_RE.match(f.text) is not None



#: the patterns behind their keyword gates (:mod:`cleaner.regex_gate`: same results)
CLICKBAIT_GATED = gated(CLICKBAIT_RE)
#: the clickbait phrases but "this ... trick", behind a gate without "this"; and that one
_CLICKBAIT_REST = gated(re.compile(_alt(*(p for p in CLICKBAIT_PHRASES
                                          if p != _CLICKBAIT_THIS)), re.I))
_CLICKBAIT_THIS_RE = re.compile(_CLICKBAIT_THIS, re.I)


def clickbait(text: str) -> bool:
    """``CLICKBAIT_RE.search(text) is not None``, in two searches: "this" is in many
    lines, and the gate of the whole lexicon let every one of them run it (~60 us)."""
    return _CLICKBAIT_THIS_RE.search(text) is not None \
        or _CLICKBAIT_REST.search(text) is not None
_FOLLOW_PROMPT = gated(FOLLOW_PROMPT_RE)
SELF_REFERENCE = gated(SELF_REFERENCE_RE)

U, SP, US = frozenset({"undamped"}), frozenset({"specific"}), frozenset({"undamped", "specific"})

_RULE_LIST = [
    # -- link farms: runs of off-topic headlines after the article -----------------------
    Rule("related_header", "link_farm", 0.92, "a 'Related posts' / 'You may also like' header",
         flags=U, max_words=8,
         check=_check(lambda f: f.n <= 8 and RELATED_HEADER_RE.match(f.text) is not None)),
    Rule("inline_related", "link_farm", 0.80, "'Read more: <headline>' / 'Related: ...' line",
         flags=U, max_words=30, check=_inline_related),
    Rule("after_related_header", "link_farm", 0.60, "headline in the list under a related header",
         flags=US),
    Rule("duplicate_headline", "link_farm", 0.45, "headline printed twice in a row (title + alt)",
         flags=SP, check=_check(lambda f: f.dup)),
    Rule("clickbait", "link_farm", 0.45, "clickbait / SEO lexicon hit in a headline", flags=SP,
         check=_check(lambda f: f.clickbait)),
    Rule("site_separator", "link_farm", 0.30, "'Headline | Site Name' shape", flags=SP,
         check=_check(lambda f: f.pipe)),
    Rule("offtopic", "link_farm", 0.30, "headline sharing little vocabulary with the article",
         check=lambda f, w: f.overlap < w.offtopic),
    Rule("headline_run", "link_farm", 0.25, "one of >= 2 consecutive headline-shaped blocks",
         needs=frozenset({"headline"}), check=_headline_run),
    Rule("tail", "link_farm", 0.20, "after the article's last prose paragraph",
         check=lambda f, w: w.tail),
    Rule("linked_headline", "link_farm", 0.45, "headline that is (almost) all link text (HTML)",
         check=_linked),
    Rule("tail_cluster", "link_farm", 0.30,
         "a headline after the article next to a removed link-farm/card/social block"),
    Rule("sourced_run", "link_farm", 0.85,
         "text input: >= 2 lines in a row after the article's end that are 'Label ⟩"
         " headline' (an arrow or breadcrumb glyph), or >= 3 'Label: headline' lines whose"
         " labels repeat or whose headlines are title case or rated headlines: a wire of"
         " sourced headlines", flags=SP),
    Rule("list_whole", "link_farm", 0.90,
         "text input: an unterminated item of headline length in a list after the article's"
         " end (>= 3 items of one paragraph, any bullet) whose other items mostly went as"
         " headlines: the list goes whole, as an HTML list of links does", flags=SP),
    Rule("headline_model", "link_farm", 0.45,
         "the learned headline model (headline.py) rates the line a clickbait headline",
         check=_learned),
    Rule("foreign_headline", "link_farm", 0.30,
         "a Latin-script headline the model rates clickbait, in a body in another script",
         flags=SP, check=lambda f, w: _learned(f, w) and f.foreign_script),
    Rule("caps_link", "link_farm", 0.50, "ALL-CAPS linked promo line (HTML)", flags=US,
         check=_caps_link),
    Rule("inline_run", "link_farm", 0.85,
         "a run of >= 2 headlines printed on one line ('a | b', 'a / b', 'a; b', 'a  b')"
         " after the article's end (text input)", flags=U, check=_inline_run),
    Rule("echoed_headline", "link_farm", 0.60,
         "a headline-length line after the article's end printed again elsewhere on the"
         " page (in a one-line run or a second list; text input)",
         check=lambda f, w: w.tail and not w.html and f.echo),
    Rule("linked_list_tail", "link_farm", 0.55,
         "one of >= 2 consecutive linked list items after the article", flags=US,
         needs=frozenset({"headline", "tail"}), check=_linked_list_tail),
    Rule("teaser", "link_farm", 0.85,
         "a 'Label: <headline>' line (any language) whose headline is printed again after"
         " the article's end (a teaser to the link farm inside the body)", flags=U),
    Rule("cell_teaser", "link_farm", 0.85,
         "a 'Label: <headline>' paragraph inside a flattened layout-table row (one cell"
         " holds the page's paragraphs), its headline printed again after the article's"
         " end or clickbait by the headline model: cut from the row, the row stays"),
    Rule("dated_run", "link_farm", 0.70,
         "one of >= 2 consecutive dated headlines after the article ('Headline — 19 Nov"
         " 2026', a row of headline, source and date; it fires in the tail only, so it"
         " counts without a headline candidate's 'tail')", flags=SP, needs=frozenset({"tail"}),
         check=_dated_run),
    # -- glued spam: a headline stuck to the end of the last paragraph ------------------
    Rule("glued_duplicate", "glued_spam", 0.90, "last sentence repeats the next headline"),
    Rule("glued_clickbait", "glued_spam", 0.70, "title-case clickbait sentence before a tail"),
    Rule("trailing_prompt", "furniture", 0.80,
         "comment/newsletter prompt sentences ending the last paragraph"),
    # -- author cards --------------------------------------------------------------------
    Rule("card_run", "author_card", 0.90, "run of 'Key : value' lines with known card keys",
         flags=U),
    Rule("card_shape", "author_card", 0.90,
         "run of >= 3 'Label: value' lines whose values are personal data (e-mail, phone,"
         " birth date, address, name), labels in any language, after the article's end or"
         " under a card header", flags=U),
    Rule("tail_kv_run", "author_card", 0.90,
         "run of >= 2 key/value lines in any syntax (':', '=', ' - ', quoted JSON) after the"
         " article's end, with contact data, a card key or a platform name: a footer card",
         flags=U),
    Rule("card_inline", "author_card", 0.90, "one-line 'Name: X | Email: Y' card", flags=U,
         max_words=SHORT_BLOCK_WORDS, check=_card_inline),
    Rule("card_header", "author_card", 0.85, "'Detail Author:' / 'About the author' header",
         flags=U),
    Rule("author_bio", "author_card", 0.70, "short 'X is a writer/editor...' bio in the tail",
         needs=frozenset({"tail"}), check=_author_bio),
    Rule("contact_bio", "author_card", 0.90,
         "prose after the article's end holding two kinds of contact data (e-mail, phone,"
         " birth date, handle, profile URL): a bio card", max_words=150,
         needs=frozenset({"tail"}), check=lambda f, w: w.tail and f.contact_block),
    Rule("block_header", "author_card", 0.90,
         "a short header opening a removed card/social/headline block (takes its category)"),
    # -- socials -------------------------------------------------------------------------
    Rule("social_run", "social", 0.90, "profile lines (url/username/followers) in a card", flags=U),
    Rule("social_header", "social", 0.85, "'Socials' / platform-name header next to a card"),
    Rule("profile_url", "social", 0.85, "a bare social-profile URL", flags=U, max_words=6,
         check=_check(lambda f: SOCIAL_DOMAIN_RE.fullmatch(f.text.strip(" <>")) is not None)),
    Rule("profile_lines", "social", 0.85,
         "lines after the article's end that are each a social-profile URL with the"
         " platform's name or the handle beside it (text input)", flags=U,
         check=_profile_lines),
    Rule("profile_row", "social", 0.85,
         "one line of >= 2 social profiles after the article's end ('Vimeo: vimeo.com/x |"
         " Strava: strava.com/athletes/y')", flags=U, max_words=60, check=_profile_row),
    Rule("platform_label", "social", 0.85,
         "a bare platform name ('instagram:') after the article's end (its profile lines"
         " gone with a dropped container)", flags=U, max_words=2,
         check=lambda f, w: w.tail and PLATFORM_RE.match(f.text) is not None),
    Rule("follower_count", "social", 0.85, "'followers : 123' / '1.2K followers'", flags=U,
         max_words=SHORT_BLOCK_WORDS,
         check=_check(lambda f: FOLLOWER_RE.match(f.text) is not None)),
    Rule("follow_prompt", "social", 0.75, "'Follow us on Twitter/Facebook...' line",
         max_words=30, check=lambda f, w: _FOLLOW_PROMPT.search(f.text) is not None
         and not f.prose and w.prompt_ok),
    # -- placeholder -----------------------------------------------------------------------
    Rule("latin_filler", "placeholder", 0.85, "Latin filler text (lorem-ipsum vocabulary)",
         flags=U, check=_latin_filler),
    # -- page furniture --------------------------------------------------------------------
    Rule("copyright", "furniture", 0.90, "copyright / all-rights-reserved line (text input)",
         flags=U, max_words=FURNITURE_MAX_WORDS["copyright"],
         check=_pattern("copyright", html=False)),
    Rule("copyright_html", "furniture", 0.55,
         "copyright line inside the extracted HTML body: needs a footer container or a"
         " neighbouring removal (wire-agency notices belong to the article)", flags=U,
         max_words=FURNITURE_MAX_WORDS["copyright"], check=_pattern("copyright", html=True)),
    Rule("cookie_notice", "furniture", 0.90, "cookie consent notice", flags=U,
         max_words=FURNITURE_MAX_WORDS["cookie_notice"], check=_pattern("cookie_notice")),
    Rule("newsletter", "furniture", 0.85, "newsletter / subscription prompt", flags=U,
         max_words=FURNITURE_MAX_WORDS["newsletter"], check=_pattern("newsletter", prompt=True)),
    Rule("comment_prompt", "furniture", 0.80, "'Comments' / 'Leave a reply' prompt",
         max_words=FURNITURE_MAX_WORDS["comment_prompt"],
         check=_pattern("comment_prompt", prompt=True)),
    Rule("share_row", "furniture", 0.85, "'Share on Facebook' / row of platform names", flags=U,
         max_words=SHORT_BLOCK_WORDS, check=_share_row),
    Rule("read_more", "furniture", 0.85, "bare 'Read more' / 'Continue reading'", flags=U,
         max_words=FURNITURE_MAX_WORDS["read_more"], check=_pattern("read_more")),
    Rule("breadcrumb", "furniture", 0.85, "'Home > News > ...' breadcrumb", flags=U,
         max_words=FURNITURE_MAX_WORDS["breadcrumb"], check=_pattern("breadcrumb")),
    Rule("tag_list", "furniture", 0.80, "'Tags: a, b, c' / 'Filed under:'", flags=U,
         max_words=FURNITURE_MAX_WORDS["tag_list"], check=_pattern("tag_list")),
    Rule("app_promo", "furniture", 0.75, "'Click here to get the app / subscribe' line",
         max_words=FURNITURE_MAX_WORDS["app_promo"], check=_pattern("app_promo", prompt=True)),
    Rule("legal_line", "furniture", 0.85,
         "after the article's end: an affiliate / advertiser disclosure, a disclosure"
         " policy or a deposit-insurance notice",
         flags=U, max_words=LEGAL_LINE_MAX_WORDS, needs=frozenset({"tail"}),
         check=_legal_line),
    Rule("support_prompt", "furniture", 0.85,
         "a newsletter / mailing-list, donation or free-download prompt where a prompt"
         " may be furniture ('... directly to your inbox', 'We need your help', 'Donate"
         " today')", flags=U, max_words=SUPPORT_PROMPT_MAX_WORDS, check=_support_prompt),
    Rule("export_rows", "link_farm", 0.90,
         "rows of a CSV-like export after the article's end under a header row of field"
         " names ('title,url,published'), its header included (text input)", flags=U),
    Rule("export_card", "author_card", 0.90,
         "a CSV-like export after the article's end whose rows hold contact data"
         " ('field,value' rows of a card; text input)"),
    Rule("export_profiles", "social", 0.85,
         "a CSV-like export after the article's end whose rows are social-profile URLs"
         " ('platform,profile,members'; text input)"),
    Rule("link_definition", "furniture", 0.90,
         "Markdown link reference definitions ('[r1]: https://... \"Title\"', text input):"
         " a rendered page never shows them", flags=U,
         check=lambda f, w: f.link_def and not w.html),
    Rule("furniture_cluster", "furniture", 0.40, "next to another removed block"),
]
RULES: dict[str, Rule] = {r.name: r for r in _RULE_LIST}
#: checked first on every block the link-farm pass sees: the first that fires decides
LEAD_RULES: tuple[Rule, ...] = (RULES["related_header"], RULES["inline_related"])
#: the evidence checked on a headline candidate (a short, unterminated line that is title
#: case, repeated, clickbait, piped or rated a headline by the model), in order
HEADLINE_RULES: tuple[Rule, ...] = tuple(RULES[k] for k in (
    "duplicate_headline", "clickbait", "site_separator", "headline_model", "foreign_headline",
    "offtopic", "tail", "linked_headline", "caps_link",
))
#: the most words a block checked by a rule reading ``Where.prompt_ok`` may have (the
#: stage computes ``prompt_ok`` only up to it)
PROMPT_MAX_WORDS = max(RULES[k].max_words or 10**9 for k in PROMPT_RULES)
#: checked on every block once the headline candidates are known: runs of headlines
#: and of linked list items (they read the blocks beside)
RUN_RULES: tuple[Rule, ...] = (RULES["linked_list_tail"], RULES["headline_run"],
                               RULES["dated_run"])
#: checked after scoring on the kept blocks after the article's end of text input: runs
#: printed on one line, headlines printed twice apart (they add to the evidence of the
#: other rules only where those fell short)
TEXT_TAIL_RULES: tuple[Rule, ...] = (RULES["inline_run"], RULES["echoed_headline"],
                                     RULES["profile_lines"])
#: checked on every block after the link-farm pass: bios in the tail
BIO_RULES: tuple[Rule, ...] = (RULES["author_bio"], RULES["contact_bio"])
#: the rules with a block-local check, in the order the stage runs them (the order of
#: the signals in a finding's name; a share row's pattern and platform forms are one)
BLOCK_RULES: tuple[Rule, ...] = tuple(RULES[k] for k in (
    "latin_filler", "card_inline", "follower_count", "profile_url", "profile_row",
    "platform_label",
    "follow_prompt", "copyright", "copyright_html", "cookie_notice", "newsletter",
    "comment_prompt", "share_row", "read_more", "breadcrumb", "tag_list", "app_promo",
    "link_definition", "legal_line", "support_prompt",
))

#: a rule's block-local check as the stage's per-block loops read it: the most words of
#: a block it checks (``sys.maxsize``: no limit), the check, the rule's name and weight
CheckRow = tuple[int, Check, str, float]


def check_rows(rules: Iterable[Rule]) -> tuple[CheckRow, ...]:
    """The rules with a block-local check, in order, as :data:`CheckRow` (no attribute
    look-ups per block and rule)."""
    return tuple((sys.maxsize if r.max_words is None else r.max_words, r.check, r.name,
                  r.weight) for r in rules if r.check is not None)


def pass_needs(rules: Iterable[Rule]) -> tuple[frozenset[str], ...]:
    """The distinct :attr:`Rule.needs` of ``rules``: a block that meets none of them is
    one no rule of the pass can fire on (an empty set is met by every block)."""
    return tuple(dict.fromkeys(r.needs for r in rules if r.check is not None))


BLOCK_CHECKS = check_rows(BLOCK_RULES)
RUN_CHECKS = check_rows(RUN_RULES)
RUN_NEEDS = pass_needs(RUN_RULES)
BIO_CHECKS = check_rows(BIO_RULES)
BIO_NEEDS = pass_needs(BIO_RULES)

#: derived from the flags (kept for readers of the old names)
UNDAMPED = frozenset(r.name for r in _RULE_LIST if "undamped" in r.flags)
SPECIFIC_LINK_FARM = frozenset(r.name for r in _RULE_LIST if r.specific)

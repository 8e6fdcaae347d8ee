"""Is a detected value *personal*? (issue 14: public and organisational data kept)

The recognizers find shapes (an e-mail, a phone, a date after ``born``); this
module judges each hit from its value and the text right around it:

- ``role_mailbox``: an organisation's role address (``info@``, ``press@``, ...);
- ``organisation_line``: a phone the text names as an organisation's own line
  (box office, switchboard, hotline, ``Zentrale``, ``centralino`` ...);
- ``public_account``: a handle after an office holder's or a public body's
  title (``Governor @MattBevin``, ``the Senate, @NGRSenate``);
- ``article_subject_dob``: a birth date in running text right after the name of
  the person the sentence is about (``Giorgia Meloni, born 15 January 1977, has
  led ...``), not on a card, byline or label line;
- ``reserved_ip``: loopback, private, link-local, documentation and unspecified
  addresses, and well-known public resolvers (8.8.8.8).

:data:`cleaner.config.PIIConfig.policy` decides what is redacted: ``personal``
(the default) redacts only hits judged personal, ``all`` redacts every hit. Each
finding says how it was judged (``detail.personal`` and, when not personal,
``detail.not_personal``).
"""

from __future__ import annotations

import ipaddress
import re

from . import vocab
from .recognizers import ORG_WORDS as _ORG_WORDS

ROLE_MAILBOXES = frozenset(
    "info press presse prensa stampa pers contact contacto contatto kontakt contato hello "
    "hallo hola ciao hej office buero bureau secretariat sekretariat support help helpdesk "
    "service services kundenservice sales vertrieb ventas admin administration webmaster "
    "postmaster hostmaster abuse privacy datenschutz legal media news newsdesk newsroom "
    "redaktion redaction redaccion redazione redactie redakcja redaktionen editor editors "
    "editorial letters tips tip jobs careers karriere empleo lavoro billing accounts "
    "marketing booking bookings reservations reservierung events feedback general enquiries "
    "inquiries mail noreply no-reply donotreply team hr recruiting membership members "
    "subscriptions abo abonnement customerservice customercare care tickets boxoffice "
    "communications comms pressoffice publicrelations pr kommunikation compliance "
    "investor investors ir partnerships sponsorship licensing permissions security "
    "enquiry inquiry requests helpline hotline reception relations".split()
)
#: function words a role address may end in as a compound (``druginfo``, ``techsupport``,
#: ``customerservice``): none is the end of a common surname or given name (``sales``,
#: ``mail``, ``care`` are: ``Rosales``, ``Ismail``, ``Macare``; those count only whole)
ROLE_TAILS = ("info", "support", "desk", "office", "service", "services", "contact",
              "contacts", "enquiries", "inquiries", "tickets", "booking", "bookings", "helpline",
              "hotline", "feedback", "security", "newsroom", "relations", "admin", "team",
              "news", "press", "help", "media")
_SEGMENT = re.compile(r"[._+-]+")


def role_local_part(local: str) -> bool:
    """An e-mail local part names a function, not a person: one of its segments
    (``press.office``, ``media-relations``, ``info2``) is a role word, or ends in one
    after at least three letters (``druginfo``, ``helpdesk``, ``techsupport``)."""
    segments = [s for s in (re.sub(r"\d+", "", x) for x in _SEGMENT.split(local.lower())) if s]
    if any(s in ROLE_MAILBOXES for s in segments):
        return True
    return any(s.endswith(t) and len(s) - len(t) >= 3 for s in segments for t in ROLE_TAILS)
_ORG_PHONE = re.compile(
    r"(?<!\w)(?:" + "|".join(
        re.escape(w) for w in sorted(vocab.words("org_phone"), key=len, reverse=True)
    ) + r")(?!\w)[^\n]{0,24}\Z",
    re.I,
)
_TITLE = re.compile(
    r"(?<!\w)(?:" + "|".join(
        re.escape(w) for w in sorted(vocab.words("public_title"), key=len, reverse=True)
    ) + r")(?!\w)[^\n@]{0,24}\Z",
    re.I,
)
#: furniture that makes a birth date personal even after a name: labels, bylines
_FURNITURE_LINE = re.compile(
    r"(?:^|\n)[\t ]*(?:" + "|".join(
        re.escape(w) for w in sorted(vocab.words("byline") + vocab.words("author_header"),
                                     key=len, reverse=True)
    ) + r")\b|[:：][^\n]*\Z",
    re.I,
)
#: a full name (two capitalised words at least), a comma or parenthesis, the birth words
_NAME_BEFORE = re.compile(
    r"(?<![\w'’.-])(?!(?:The|A|An|Der|Die|Das|Le|La|Les|El|Il|De|Het)\b)[A-ZÀ-Þ][\w'’.-]+"
    r"(?:[\t ]+(?:[A-ZÀ-Þ][\w'’.-]+|van|von|de|da|der|del|di|du|la|le|dos|das)){1,4}"
    # (space runs never adjacent: the optional group ends before the last run)
    r"[\t ]*[,(][\t ]*(?:[^\W\d_]+(?:[\t ]+[^\W\d_.]+){0,2}[\t ]*)?(?:\.[\t ]*)?\Z"
)
#: an address of an office (suite, floor) or one an organisation gives as its own
_ORG_ADDRESS = re.compile(r"\b(?:Floor|Fl\.|Büro)\b|#\d{3,}")
_OUR = re.compile(r"\b(?:us|our|uns|unsere[mnr]?|nous|notre|nos|nosotros|nuestra|nuestro|noi|"
                  r"nostra|nostro|ons|onze|nós|nossa|nosso)\b[^\n]{0,30}\Z", re.I)
_PUBLIC_DNS = frozenset({"8.8.8.8", "8.8.4.4", "1.1.1.1", "1.0.0.1", "9.9.9.9"})


_US_AFTER = re.compile(r"[^\n]{0,30}?\b(?:or|and|oder|ou|o|of)[\t ]+(?:e-?mail|contact|write|"
                       r"message|visit)[\t ]+us\b", re.I)


def _org_lines_above(text: str, start: int, lines: int = 3) -> bool:
    """One of the few non-empty lines above (or the start of this line) names an
    organisation: a listing of clinics, shops, offices with their numbers."""
    head = text[max(0, start - 240) : start]
    own = head.rpartition("\n")[2]
    if ":" in own or "：" in own:
        return False  # a labelled field of a card: the label decides
    rows = [x for x in head.split("\n")[:-1] if x.strip()][-lines:]
    return any({w.lower().strip(",.:&()") for w in row.split()} & _ORG_WORDS for row in rows)


def judge(text: str, start: int, end: int, entity: str) -> str | None:
    """``None`` when the value is personal, else the reason it is not."""
    value = text[start:end]
    before = text[max(0, start - 60) : start]
    if entity == "EMAIL_ADDRESS":
        if role_local_part(value.partition("@")[0]):
            return "role_mailbox"
    elif entity == "PHONE_NUMBER":
        line = before.rpartition("\n")[2]
        after = text[end : end + 40]
        if _ORG_PHONE.search(line) or _OUR.search(before) or _US_AFTER.match(after):
            return "organisation_line"
        if _org_lines_above(text, start):
            return "organisation_line"
    elif entity == "PROFILE_URL":
        # a repository under an account ("github.com/org/project") is a project's page
        if re.match(r"[\w.-]+", text[end : end + 1 + 60]) and value.endswith("/"):
            return "project_url"
    elif entity == "SOCIAL_HANDLE":
        line = before.rpartition("\n")[2]
        if _TITLE.search(line):
            return "public_account"
    elif entity == "DATE_OF_BIRTH":
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end == -1 else line_end
        head = text[line_start:start]
        tail = text[end:line_end]
        # running text goes on after the date ("..., has led the party since 2019")
        prose_after = len(re.findall(r"[^\W\d_]{2,}", tail)) >= 3
        if (prose_after and _NAME_BEFORE.search(head)
                and not _FURNITURE_LINE.search(text[line_start:start])):
            return "article_subject_dob"
    elif entity == "STREET_ADDRESS":
        if _ORG_ADDRESS.search(value) or _OUR.search(before):
            return "organisation_address"
        # the line (or the last non-empty line) before names an organisation
        head = text[max(0, start - 120) : start].rstrip()
        prev = head.rpartition("\n")[2] if head.endswith(":") or not head.endswith("\n") else ""
        lines = [x for x in head.split("\n") if x.strip()]
        for line in ([prev] if prev else []) + lines[-1:]:
            words = {w.lower().strip(",.:&") for w in line.split()}
            if words & _ORG_WORDS:
                return "organisation_address"
    elif entity == "IP_ADDRESS":
        if before[-1:] in ("/", "v", "V") or before.endswith("version "):
            return "version_number"
        try:
            ip = ipaddress.ip_address(value)
        except ValueError:
            return None
        if (ip.is_private or ip.is_loopback or ip.is_reserved or ip.is_link_local
                or ip.is_unspecified or ip.is_multicast or value in _PUBLIC_DNS):
            return "reserved_ip"
    return None

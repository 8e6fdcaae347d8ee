"""Seeded scraped-page snippets with planted personal data (issue 14's evaluation).

Page furniture as crawls hold it: bylines with contact data, signatures,
``Reporter: NAME``, comment headers (``Posted by jdoe88 on 12 March 2023``,
``NAME wrote:``, ``Reply from NAME``), author cards, label lines in the local
language, multi-line addresses, national identifiers with valid check digits
and card numbers of every brand, in 14 Faker locales. Public data that must be
*kept* is planted too (public figures in running text, role mailboxes, a box
office named as such, an official account in a quoted post, the birth date of
the person an article is about).

Every kind of snippet has several **template families**; the families are split
into a ``develop`` half (even family index) and a ``report`` half (odd index),
and each half draws fresh values from its own seed. Rules are written looking at
the develop half only; the report half is scored for the figures. Nothing in here
is taken from the recognizers under test: labels, month names and checksums are
this file's own data.

Gold spans are the planted values, by type: PERSON (private people in furniture),
USERNAME, SOCIAL_HANDLE, EMAIL_ADDRESS, PHONE_NUMBER, PROFILE_URL,
STREET_ADDRESS, DATE_OF_BIRTH, NATIONAL_ID, CREDIT_CARD; ``PUBLIC`` spans must
not be redacted.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

LOCALES = ("en_US", "en_GB", "en_AU", "en_IN", "de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL",
           "pt_PT", "pt_BR", "pl_PL", "sv_SE", "ja_JP")


def lang_of(locale: str) -> str:
    return locale[:2]


@dataclass
class Snippet:
    text: str
    locale: str
    family: str  # kind/variant
    gold: list[tuple[int, int, str]] = field(default_factory=list)
    #: spans that must stay (public figures, role mailboxes, ...)
    public: list[tuple[int, int, str]] = field(default_factory=list)

    @property
    def lang(self) -> str:
        return lang_of(self.locale)


# -- language material (this file's own) ------------------------------------------------

W: dict[str, dict[str, str]] = {
    "name": {"en": "Name", "de": "Name", "fr": "Nom", "es": "Nombre", "it": "Nome", "nl": "Naam",
             "pt": "Nome", "pl": "Imię i nazwisko", "sv": "Namn", "ja": "氏名"},
    "phone": {"en": "Phone", "de": "Telefon", "fr": "Téléphone", "es": "Teléfono",
              "it": "Telefono", "nl": "Telefoon", "pt": "Telefone", "pl": "Telefon",
              "sv": "Telefon", "ja": "電話番号"},
    "mobile": {"en": "Mobile", "de": "Handy", "fr": "Portable", "es": "Móvil", "it": "Cellulare",
               "nl": "Mobiel", "pt": "Telemóvel", "pl": "Komórka", "sv": "Mobil", "ja": "携帯"},
    "email": {"en": "Email", "de": "E-Mail", "fr": "Courriel", "es": "Correo", "it": "E-mail",
              "nl": "E-mail", "pt": "E-mail", "pl": "E-mail", "sv": "E-post", "ja": "メール"},
    "dob": {"en": "Date of birth", "de": "Geburtsdatum", "fr": "Date de naissance",
            "es": "Fecha de nacimiento", "it": "Data di nascita", "nl": "Geboortedatum",
            "pt": "Data de nascimento", "pl": "Data urodzenia", "sv": "Födelsedatum",
            "ja": "生年月日"},
    "address": {"en": "Address", "de": "Anschrift", "fr": "Adresse", "es": "Dirección",
                "it": "Indirizzo", "nl": "Adres", "pt": "Morada", "pl": "Adres", "sv": "Adress",
                "ja": "住所"},
    "reporter": {"en": "Reporter", "de": "Redakteurin", "fr": "Journaliste", "es": "Redactor",
                 "it": "Giornalista", "nl": "Verslaggever", "pt": "Repórter", "pl": "Autor",
                 "sv": "Reporter", "ja": "記者"},
    "by": {"en": "By", "de": "Von", "fr": "Par", "es": "Por", "it": "Di", "nl": "Door",
           "pt": "Por", "pl": "Autor:", "sv": "Av", "ja": "文："},
    "born": {"en": "born", "de": "geboren am", "fr": "né le", "es": "nacido el", "it": "nato il",
             "nl": "geboren op", "pt": "nascido em", "pl": "urodzony", "sv": "född",
             "ja": "生まれ"},
    "username": {"en": "Username", "de": "Benutzername", "fr": "Pseudo", "es": "Usuario",
                 "it": "Nome utente", "nl": "Gebruikersnaam", "pt": "Utilizador",
                 "pl": "Nazwa użytkownika", "sv": "Användarnamn", "ja": "ユーザー名"},
    "card": {"en": "Card number", "de": "Kartennummer", "fr": "Numéro de carte",
             "es": "Número de tarjeta", "it": "Numero carta", "nl": "Kaartnummer",
             "pt": "Número do cartão", "pl": "Numer karty", "sv": "Kortnummer",
             "ja": "カード番号"},
    "follow": {"en": "Follow", "de": "Folgen Sie", "fr": "Suivez", "es": "Sigue a",
               "it": "Segui", "nl": "Volg", "pt": "Siga", "pl": "Obserwuj", "sv": "Följ",
               "ja": "フォロー"},
}
POSTED = {"en": "Posted by {u} on {d}", "de": "Geschrieben von {u} am {d}",
          "fr": "Publié par {u} le {d}", "es": "Publicado por {u} el {d}",
          "it": "Pubblicato da {u} il {d}", "nl": "Geplaatst door {u} op {d}",
          "pt": "Publicado por {u} em {d}", "pl": "Dodane przez {u} dnia {d}",
          "sv": "Postat av {u} den {d}", "ja": "投稿者: {u} {d}"}
WROTE = {"en": "{n} wrote:", "de": "{n} schrieb:", "fr": "{n} a écrit :", "es": "{n} escribió:",
         "it": "{n} ha scritto:", "nl": "{n} schreef:", "pt": "{n} escreveu:",
         "pl": "{n} napisał:", "sv": "{n} skrev:", "ja": "{n} さんの書き込み："}
REPLY = {"en": "Reply from {n}", "de": "Antwort von {n}", "fr": "Réponse de {n}",
         "es": "Respuesta de {n}", "it": "Risposta di {n}", "nl": "Reactie van {n}",
         "pt": "Resposta de {n}", "pl": "Odpowiedź od {n}", "sv": "Svar från {n}",
         "ja": "{n} さんからの返信"}
SAYS = {"en": "{u} says:", "de": "{u} sagt:", "fr": "{u} dit :", "es": "{u} dice:",
        "it": "{u} dice:", "nl": "{u} zegt:", "pt": "{u} diz:", "pl": "{u} pisze:",
        "sv": "{u} säger:", "ja": "{u} のコメント："}
REGARDS = {"en": "Best regards,", "de": "Viele Grüße,", "fr": "Cordialement,",
           "es": "Saludos,", "it": "Cordiali saluti,", "nl": "Met vriendelijke groet,",
           "pt": "Cumprimentos,", "pl": "Pozdrawiam,", "sv": "Med vänliga hälsningar,",
           "ja": "よろしくお願いします。"}
ABOUT = {"en": "About the author", "de": "Über die Autorin", "fr": "À propos de l'auteur",
         "es": "Sobre el autor", "it": "L'autore", "nl": "Over de auteur",
         "pt": "Sobre o autor", "pl": "O autorze", "sv": "Om skribenten", "ja": "著者について"}
BIO = {"en": "is a freelance writer based in", "de": "ist freie Journalistin in",
       "fr": "est journaliste indépendant à", "es": "es periodista independiente en",
       "it": "è giornalista freelance a", "nl": "is freelance journalist in",
       "pt": "é jornalista independente em", "pl": "jest niezależnym dziennikarzem z",
       "sv": "är frilansskribent i", "ja": "はフリーライター。拠点は"}
COMMENT = {"en": "Great article, thanks for sharing.", "de": "Toller Artikel, danke!",
           "fr": "Très bon article, merci.", "es": "Muy buen artículo, gracias.",
           "it": "Ottimo articolo, grazie.", "nl": "Mooi artikel, bedankt.",
           "pt": "Ótimo artigo, obrigado.", "pl": "Świetny artykuł, dzięki.",
           "sv": "Bra artikel, tack.", "ja": "とても良い記事でした。"}
MONTHS = {
    "en": "January February March April May June July August September October November "
          "December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre "
          "décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
          "diciembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre "
          "dicembre",
    "nl": "januari februari maart april mei juni juli augustus september oktober november "
          "december",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro "
          "dezembro",
    "pl": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października "
          "listopada grudnia",
    "sv": "januari februari mars april maj juni juli augusti september oktober november "
          "december",
}
ID_LABEL = {"en_US": "SSN", "en_GB": "National Insurance number", "en_AU": "Tax File Number",
            "en_IN": "Aadhaar", "de_DE": "Steuer-ID", "fr_FR": "Numéro de sécurité sociale",
            "es_ES": "DNI", "it_IT": "Codice fiscale", "nl_NL": "BSN", "pt_PT": "NIF",
            "pt_BR": "CPF", "pl_PL": "PESEL", "sv_SE": "Personnummer", "ja_JP": "マイナンバー"}
FIGURES = ["Vladimir Putin", "Masoud Pezeshkian", "Sergei Ryabkov", "Sergei Shoigu",
           "Emmanuel Macron", "Olaf Scholz", "Giorgia Meloni", "Pedro Sánchez", "Keir Starmer",
           "Ursula von der Leyen", "Luiz Inácio Lula da Silva", "Donald Tusk",
           "Ulf Kristersson", "Shigeru Ishiba", "Anthony Albanese", "Narendra Modi"]
PUBLIC_ACCOUNTS = ["@WhiteHouse", "@EU_Commission", "@SenadoFederal", "@govkristinoem",
                   "@ZelenskyyUa", "@Bundeskanzler", "@Elysee", "@10DowningStreet"]
ROLE_BOXES = ["press", "info", "contact", "newsdesk", "kontakt", "redaktion", "presse"]


# -- values -------------------------------------------------------------------------------


#: the day every drawn date is relative to. Faker's `date_of_birth` and `date_between("-3y")`
#: count from today, so the snippets (and the report-half gate's digest) changed every day
#: (the gate failed on a fresh install on 2026-12-03); drawn against this fixed day, the day
#: the gate's digest was pinned, they are the values it was measured on, on any day.
REFERENCE_DAY = dt.date(2026, 12, 2)


@contextlib.contextmanager
def faker_today(day: dt.date = REFERENCE_DAY) -> Iterator[None]:
    """Faker's "today" and "now" are ``day`` (noon) inside the block: its providers that
    still count from the clock (user names with a year up to this year, ``date_time``)
    draw the same values on any day. Plain dates and datetimes still pass Faker's
    ``isinstance`` checks."""
    import faker.providers.date_time as fdt

    class _AnyDate(type):
        def __instancecheck__(cls, obj: object) -> bool:
            return isinstance(obj, cls.__mro__[1])

    class _Day(dt.date, metaclass=_AnyDate):
        @classmethod
        def today(cls) -> _Day:
            return cls(day.year, day.month, day.day)

    class _Now(dt.datetime, metaclass=_AnyDate):
        @classmethod
        def now(cls, tz: dt.tzinfo | None = None) -> _Now:
            return cls(day.year, day.month, day.day, 12, 0, tzinfo=tz)

    saved = fdt.dtdate, fdt.datetime
    fdt.dtdate, fdt.datetime = _Day, _Now  # type: ignore[misc]
    try:
        yield
    finally:
        fdt.dtdate, fdt.datetime = saved  # type: ignore[misc]


def date_of_birth(f: object, minimum_age: int, maximum_age: int) -> dt.date:
    """Faker's `date_of_birth` (same draws) with REFERENCE_DAY in place of today."""
    start = _years_before(REFERENCE_DAY, maximum_age + 1)
    end = _years_before(REFERENCE_DAY, minimum_age)
    dob: dt.date = f.date_time_ad(  # type: ignore[attr-defined]
        start_datetime=start, end_datetime=end).date()
    return dob if dob != start else dob + dt.timedelta(days=1)


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year - years, day=28)


def fmt_date(d: dt.date, lang: str, rng: random.Random) -> str:
    if lang == "ja":
        return f"{d.year}年{d.month}月{d.day}日"
    m = MONTHS[lang].split()[d.month - 1]
    if lang == "en":
        opts = [f"{d.day} {m} {d.year}", f"{m} {d.day}, {d.year}", d.strftime("%d/%m/%Y")]
    elif lang == "de":
        opts = [f"{d.day}. {m} {d.year}", d.strftime("%d.%m.%Y")]
    elif lang in ("es", "pt"):
        opts = [f"{d.day} de {m} de {d.year}", d.strftime("%d/%m/%Y")]
    elif lang == "pl":
        opts = [f"{d.day} {m} {d.year}", d.strftime("%d.%m.%Y")]
    elif lang == "nl":
        opts = [f"{d.day} {m} {d.year}", d.strftime("%d-%m-%Y")]
    elif lang == "sv":
        opts = [f"{d.day} {m} {d.year}", d.isoformat()]
    else:
        opts = [f"{d.day} {m} {d.year}", d.strftime("%d/%m/%Y")]
    return rng.choice(opts)


def _luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def steuer_id(rng: random.Random) -> str:
    """German tax ID: 11 digits, first not 0, one digit twice in the first ten,
    ISO 7064 MOD 11,10 check digit."""
    while True:
        digits = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(9)]
        counts = [digits.count(x) for x in set(digits)]
        if sorted(counts)[-1] == 2 and counts.count(2) == 1:
            break
    product = 10
    for d in digits:
        s = (d + product) % 10 or 10
        product = (s * 2) % 11
    check = (11 - product) % 10
    return "".join(map(str, digits)) + str(check)


def nino(rng: random.Random) -> str:
    first = rng.choice("ABCEGHJKLMNOPRSTWXYZ")
    second = rng.choice("ABCEGHJKLMNPRSTWXYZ")
    if first + second in ("GB", "NK", "TN", "ZZ", "BG", "KN", "NT"):
        first, second = "A", "B"
    n = "".join(str(rng.randint(0, 9)) for _ in range(6))
    return f"{first}{second} {n[:2]} {n[2:4]} {n[4:]} {rng.choice('ABCD')}"


def ssn_us(rng: random.Random) -> str:
    area = rng.choice([x for x in range(1, 900) if x != 666])
    return f"{area:03d}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}"


def national_id(fake: object, locale: str, rng: random.Random) -> str | None:
    """A checksum-valid national identifier of the locale (None: the locale has none
    here)."""
    f = fake
    if locale == "en_US":
        return ssn_us(rng)
    if locale == "en_GB":
        return nino(rng)
    if locale == "de_DE":
        return steuer_id(rng)
    if locale == "fr_FR":
        return str(f.ssn())  # type: ignore[attr-defined]
    if locale == "es_ES":
        return str(rng.choice([f.nif, f.nie])())  # type: ignore[attr-defined]
    if locale == "it_IT":
        return str(f.ssn())  # type: ignore[attr-defined]
    if locale == "nl_NL":
        return str(f.ssn())  # type: ignore[attr-defined]
    if locale == "pt_BR":
        return str(f.cpf())  # type: ignore[attr-defined]
    if locale == "pl_PL":
        # Faker's own default birth date counts from today (see REFERENCE_DAY)
        return str(f.pesel(date_of_birth=date_of_birth(f, 0, 115)))  # type: ignore[attr-defined]
    if locale == "sv_SE":
        return personnummer(f)
    return None


def personnummer(fake: object) -> str:
    """A Swedish personnummer as Faker's sv_SE `ssn()` draws it (age 18-90, YYMMDD-SSSQ, Luhn
    check), aged from REFERENCE_DAY instead of now."""
    rand = fake.random  # type: ignore[attr-defined]
    age = dt.timedelta(days=rand.randrange(18 * 365, 90 * 365))
    born = REFERENCE_DAY - age
    date = f"{born:%y%m%d}"
    serial = f"{rand.randrange(0, 999):03}"
    return f"{date}-{serial}{_luhn_digit(date + serial)}"


#: brand -> (IIN prefixes, lengths)
CARD_BRANDS: dict[str, tuple[tuple[str, ...], tuple[int, ...]]] = {
    "amex": (("34", "37"), (15,)),
    "diners": (("36", "300", "305"), (14,)),
    "discover": (("6011", "65"), (16,)),
    "jcb15": (("1800", "2131"), (15,)),
    "jcb16": (("3528", "3560", "3589"), (16,)),
    "maestro": (("5018", "5020", "5038", "6304", "6759", "6761", "6763"), (12, 19)),
    "mastercard": (("51", "53", "55", "2221", "2500", "2720"), (16,)),
    "visa": (("4",), (13, 16, 19)),
}


def card_number(fake: object, rng: random.Random) -> str:
    """A Luhn-valid number of a random brand, IIN and length (16 digits: grouped by 4
    half of the time)."""
    prefixes, lengths = CARD_BRANDS[rng.choice(sorted(CARD_BRANDS))]
    prefix, length = rng.choice(prefixes), rng.choice(lengths)
    body = prefix + "".join(str(rng.randint(0, 9)) for _ in range(length - len(prefix) - 1))
    n = body + _luhn_digit(body)
    if length == 16 and rng.random() < 0.5:
        n = " ".join(n[i : i + 4] for i in range(0, 16, 4))
    return n


PROFILE_HOSTS = ("https://twitter.com/{u}", "https://www.instagram.com/{u}",
                 "https://www.tiktok.com/@{u}", "https://www.linkedin.com/in/{u}",
                 "https://vimeo.com/{u}", "https://{u}.wordpress.com", "https://github.com/{u}",
                 "https://www.facebook.com/{u}", "https://x.com/{u}")


def _handle_user(fake: object) -> str:
    return re.sub(r"[^A-Za-z0-9_]", "", str(fake.user_name()))[:15] or "user1"  # type: ignore


# -- templates ----------------------------------------------------------------------------
# A template is text with {slot} holes; slots name value kinds (see Values.get). Each
# KIND has a list of families; family i goes to half "develop" if i is even.

KINDS: dict[str, list[str]] = {
    "byline": [
        "{L:by} {person} | {email}",
        "{L:by} {person}, {phone} · {email}",
        "{L:by} {person}\n{email} | {profile}",
        "{person} — {email} — {handle}",
    ],
    "signature": [
        "{L:comment}\n\n-- \n{person}\n{city}",
        "{L:regards}\n{person}\n{L:mobile}: {phone}",
        "-- {person}, {city}",
        "{L:regards}\n{person}\n{email}",
    ],
    "reporter": [
        "{L:reporter}: {person}",
        "{L:reporter}: {person} ({email})",
        "{L:reporter} : {person}\n{L:phone} : {phone}",
        "{L:reporter}: {person} | {handle}",
    ],
    "comment": [
        "{POSTED:user,date}\n{L:comment}",
        "{WROTE:person}\n> {L:comment}",
        "{REPLY:person}\n{L:comment}",
        "{SAYS:user}\n{L:comment}",
    ],
    "author_card": [
        "{L:about}\n{person} {L:bio} {city}. {L:email}: {email}. {L:follow} {handle}.",
        "{L:about}\n{person}\n{profile}\n{L:email}: {email}",
        "{person} {L:bio} {city}.\n{L:phone}: {phone} | {profile}",
        "{L:about}: {person}, {L:born} {dob}. {handle} · {profile}",
    ],
    "labels": [
        "{L:name}: {person}\n{L:dob}: {dob}\n{L:phone}: {phone}",
        "{L:name}: {person}\n{L:address}: {address_line}\n{L:email}: {email}",
        "{L:username}: {user}\n{L:dob}: {dob}\n{L:mobile}: {phone}",
        "{L:name} : {person} | {L:address} : {address_line} | {L:phone} : {phone}",
    ],
    "address": [
        "{person}\n{address}",
        "{L:address}:\n{address}",
        "{address}\n{L:phone}: {phone}",
        "{L:comment}\n\n{person}\n{address}\n{email}",
    ],
    "written_by": [
        "{L:by} {person}, {L:born} {dob}.",
        "{person} ({L:born} {dob})",
    ],
    "identifier": [
        "{IDLABEL}: {national_id}",
        "{L:name}: {person}\n{IDLABEL}: {national_id}",
        "{IDLABEL} {national_id}",
        "{IDLABEL} - {national_id} ({L:name}: {person})",
    ],
    "card": [
        "{L:card}: {card}",
        "{L:name}: {person}\n{L:card}: {card}",
        "Visa/Mastercard/Amex/JCB/Maestro: {card}",
        "{L:card} {card}, exp. 09/29",
    ],
    "public": [
        "{fig} said the talks with {fig2} had been useful. {lead}",
        "For press enquiries: {rolebox}. {fig} is expected in {city} on Monday.",
        "\u201cWe will not back down,\u201d {fig} wrote.\n\u2014 {fig} ({account}) March 3, 2024",
        "{fig}, {L:born} {pubdob}, has led the party since 2019. Box office: {boxphone}.",
    ],
}
LEADS = {
    "en": "The council approved the budget on Tuesday.",
    "de": "Der Stadtrat beschloss am Dienstag den Haushalt.",
    "fr": "Le conseil a adopté le budget mardi.", "es": "El pleno aprobó el presupuesto.",
    "it": "Il consiglio ha approvato il bilancio.", "nl": "De raad keurde de begroting goed.",
    "pt": "A câmara aprovou o orçamento na terça-feira.",
    "pl": "Rada przyjęła budżet we wtorek.", "sv": "Fullmäktige antog budgeten i tisdags.",
    "ja": "市議会は火曜日に予算案を可決した。",
}


class _Filler:
    """Renders one template with fresh values, recording spans."""

    def __init__(self, fake: object, locale: str, rng: random.Random) -> None:
        self.fake = fake
        self.locale = locale
        self.lang = lang_of(locale)
        self.rng = rng
        self.parts: list[str] = []
        self.pos = 0
        self.gold: list[tuple[int, int, str]] = []
        self.public: list[tuple[int, int, str]] = []
        self.cache: dict[str, str] = {}

    def lit(self, s: str) -> None:
        self.parts.append(s)
        self.pos += len(s)

    def put(self, value: str, typ: str | None, public: bool = False) -> None:
        if typ:
            (self.public if public else self.gold).append((self.pos, self.pos + len(value), typ))
        self.lit(value)

    def value(self, slot: str) -> tuple[str, str | None, bool]:
        f: object = self.fake
        rng = self.rng
        lang = self.lang
        if slot == "person":
            return self.cache.setdefault("person", str(f.name())), "PERSON", False  # type: ignore
        if slot == "user":
            return str(f.user_name()) + rng.choice(["", "88", "_x", "42"]), "USERNAME", False  # type: ignore
        if slot == "email":
            return str(rng.choice([f.email, f.free_email])()), "EMAIL_ADDRESS", False  # type: ignore
        if slot == "phone":
            return str(f.phone_number()), "PHONE_NUMBER", False  # type: ignore
        if slot == "handle":
            return "@" + _handle_user(f), "SOCIAL_HANDLE", False
        if slot == "profile":
            return rng.choice(PROFILE_HOSTS).format(u=_handle_user(f).lower()), "PROFILE_URL", False
        if slot == "dob":
            d = date_of_birth(f, minimum_age=18, maximum_age=90)
            return fmt_date(d, lang, rng), "DATE_OF_BIRTH", False
        if slot == "address":
            return str(f.address()), "STREET_ADDRESS", False  # type: ignore[attr-defined]
        if slot == "address_line":
            a = str(f.address()).replace("\n", ", ")  # type: ignore[attr-defined]
            return a, "STREET_ADDRESS", False
        if slot == "city":
            return str(f.city()), None, False  # type: ignore[attr-defined]
        if slot == "national_id":
            v = national_id(f, self.locale, rng)
            return (v, "NATIONAL_ID", False) if v else ("", None, False)
        if slot == "card":
            return card_number(f, rng), "CREDIT_CARD", False
        if slot == "date":
            d = f.date_between_dates(  # type: ignore[attr-defined]
                date_start=REFERENCE_DAY + dt.timedelta(days=-1095.72), date_end=REFERENCE_DAY)
            return fmt_date(d, lang, rng), None, False
        if slot in ("fig", "fig2"):
            if slot not in self.cache:
                others = [x for x in FIGURES if x not in self.cache.values()]
                self.cache[slot] = rng.choice(others)
            return self.cache[slot], "FIGURE", True
        if slot == "account":
            return rng.choice(PUBLIC_ACCOUNTS), "PUBLIC_ACCOUNT", True
        if slot == "rolebox":
            dom = str(f.domain_name())  # type: ignore[attr-defined]
            return f"{rng.choice(ROLE_BOXES)}@{dom}", "ROLE_EMAIL", True
        if slot == "boxphone":
            return str(f.phone_number()), "ORG_PHONE", True  # type: ignore[attr-defined]
        if slot == "pubdob":
            d = dt.date(rng.randint(1940, 1985), rng.randint(1, 12), rng.randint(1, 28))
            return fmt_date(d, lang, rng), "PUBLIC_DOB", True
        if slot == "lead":
            return LEADS[lang], None, False
        raise KeyError(slot)

    def render(self, template: str) -> None:
        pos = 0
        for m in re.finditer(r"\{([A-Z]+):?([\w,]*)\}|\{(\w+)\}", template):
            self.lit(template[pos : m.start()])
            pos = m.end()
            head, arg, slot = m.group(1), m.group(2), m.group(3)
            if head == "L":
                self.lit(_local(arg, self.lang))
            elif head == "IDLABEL":
                self.lit(ID_LABEL[self.locale])
            elif head in ("POSTED", "WROTE", "REPLY", "SAYS"):
                table = {"POSTED": POSTED, "WROTE": WROTE, "REPLY": REPLY, "SAYS": SAYS}[head]
                names = dict(zip(("u", "d") if head == "POSTED" else
                                 ("u",) if head == "SAYS" else ("n",), arg.split(","),
                                 strict=False))
                self._phrase(table[self.lang], names)
            else:
                v, t, public = self.value(slot)
                self.put(v, t, public)
        self.lit(template[pos:])

    def _phrase(self, phrase: str, names: dict[str, str]) -> None:
        pos = 0
        for m in re.finditer(r"\{(\w)\}", phrase):
            self.lit(phrase[pos : m.start()])
            v, t, public = self.value(names[m.group(1)])
            self.put(v, t, public)
            pos = m.end()
        self.lit(phrase[pos:])


def _local(key: str, lang: str) -> str:
    for table_name, table in (("about", ABOUT), ("bio", BIO), ("comment", COMMENT),
                              ("regards", REGARDS)):
        if key == table_name:
            return table[lang]
    return W[key][lang]


HALVES = ("develop", "report")


def families(half: str) -> list[tuple[str, int, str]]:
    """``(kind, index, template)`` of the half: even indices develop, odd report."""
    want = HALVES.index(half)
    return [(k, i, t) for k, ts in KINDS.items() for i, t in enumerate(ts) if i % 2 == want]


def _stable_faker(fake: object) -> None:
    """Faker's it_IT ``cities`` is ``list(set(...))``: its order, and so the cities drawn,
    changed with the hash seed. Sorted here, the snippets are the same in every process."""
    for provider in fake.providers:  # type: ignore[attr-defined]
        cities = getattr(provider, "cities", None)
        if isinstance(cities, list):
            provider.cities = sorted(cities)


def build(half: str, per_family: int = 3, seed: int = 14) -> list[Snippet]:
    """Snippets of one half: every family of the half in every locale, ``per_family``
    times, with values from a seed of their own (the halves never share values)."""
    from faker import Faker

    out: list[Snippet] = []
    base = seed * 1000 + HALVES.index(half) * 101
    for li, locale in enumerate(LOCALES):
        fake = Faker(locale)
        fake.seed_instance(base + li)
        _stable_faker(fake)
        rng = random.Random(base + li)
        for kind, idx, template in families(half):
            for _ in range(per_family):
                filler = _Filler(fake, locale, rng)
                filler.render(template)
                text = "".join(filler.parts)
                gold = [g for g in filler.gold if g[1] > g[0]]
                out.append(Snippet(text, locale, f"{kind}/{idx}", gold, filler.public))
    return out

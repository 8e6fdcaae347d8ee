"""Generate pages with spam tails nobody wrote a rule for (issue 12), and clean twins.

Every sample is a *body* (real article bodies from ``../shared``, short-line bodies,
non-Latin bodies) laid out by a *layout family* (text or HTML templates), followed
by a *tail* made of some of: a link-farm headline run (headlines from the held-out
half of the clickbait set, each printed twice, the first copy glued onto the last
paragraph), an orphan section header, a key/value author card, a prose bio with
contact data, a social block. Personal data comes from Faker in 16 locales.

Body kinds, layout families and locales are split into a **develop** half and a
**report** half: rules, vocabulary and thresholds are developed on the first only;
the second was the honest figure until it was looked at (round two). A third split,
**fresh**, was added afterwards and decided before it was first run (2026-12-02,
issue 12 round three): a new seed, 14 Faker locales used by neither half (card keys in
seven languages with no vocabulary module), four new body kinds (WCXB pages that are
not articles, FAQ pages of ``Q:``/``A:`` lines, recipes, bodies in Thai, Armenian,
Persian, Bengali and Ukrainian), four new layouts (numbered text lists, ``<dl>`` cards
in a widget area, a figure grid inside ``<article>``, Markdown ``###`` link headings
with ``**Key:**`` cards), run headers in the locale's language, and a quarter of the
headline runs made of *news* headlines (held-out half of the news set) under a
header. The headline model is trained on the *other* half of the clickbait and news
sets (see ``scripts/train_headlines.py``), so no tail headline here was seen in
training.

A fourth split, **fresh2**, was decided before it was first run (2026-12-03, issue 12,
after all three had been looked at): seed 31203; 16 Faker locales no other half uses
(for PII or body text) with card keys, run headers, "sponsored" labels and card headers
in their languages (Slovak, Vietnamese, Bulgarian, Lithuanian, Latvian, Estonian,
Slovenian, Swiss German/French/Italian, Colombian/Argentinian Spanish, New Zealand/Irish
English, Georgian, Azerbaijani); four body kinds (WCXB product/collection/listing pages,
which no other half draws from; product spec sheets of ``Key: value`` lines; release
notes of dated versions; Macedonian/Vietnamese/Azerbaijani/Tagalog lorem); four layouts
(``html_footer_table``: the tail in ``<footer>`` after ``</main>``, headlines an ``<ol>``
with thumbnail alt text, the card a ``<table>``; ``text_pipe_bullets``: the run as one
``a | b`` line and ``•`` bullets; ``html_sponsored_split``: a sponsored widget of
``<span>`` headlines and source names, the card split in two blocks around the bio;
``text_jsonld_footer``: ``→`` lines and an ``a · b`` line, the card a JSON-LD-like
``schema.org`` footer); headline runs as printed, in Title Case or in sentence case,
35% of them news and clickbait mixed (under a header, half the time localized); birth
dates in four formats (fixed, not relative to today). ``bench_tails.py --half all``
leaves it out: it is scored only by name (``--half fresh2``).

A fifth split, **dev2**, is a *development* split for the plain-text layouts (2026-12-03,
issue 12, after fresh2's held-out figure: its figures are training figures): seed 51203
(decided before it was first run), the develop half's locales (so fresh2's stay unseen),
card keys, headers and bios of its own in those languages, bodies of short lines (the
article benchmark's bodies, song lyrics with a numbered setlist, hardware spec lists of
``Key: value`` or ``Key - value`` lines, a directory of places whose addresses and
phones are the content) and four text layouts with other separators and footer syntaxes
than fresh2's (``text_slash_ini``: ``a / b`` and ``a — b`` run lines, ``key = value``
cards, INI social sections; ``text_chevron_dash``: ``>>`` lines and an inline
``Header: a; b`` run, ``key - value`` footers; ``text_numbered_json``: ``1)`` and ``*``
lines, quoted JSON key/value footers; ``text_star_yaml``: ``*`` lines, a run glued with two
spaces, YAML-ish footers). Scored by name only (``--half dev2``).

A sixth split, **fresh3**, was decided and committed before it was first run through the
cleaner (2026-12-03, issue 12, after fresh2 had been looked at): seed 71203; 16 Faker
locales no other half uses (Icelandic, Irish, Uzbek, Swahili, Zulu, Yoruba, Chilean
Spanish, Catalan ``es_CA``, Belgian French, Luxembourg/Liechtenstein German, Canadian
and Kenyan English, Saudi/Algerian/Palestinian Arabic) with card keys, run/card/social
headers and bios of its own; bodies from dolma's Common Crawl samples (prose paragraphs
only; no other half draws them), interview transcripts of ``Speaker: ...`` turns, league
tables as rows of cells, prose in Devanagari/Tamil/Sinhala/Gujarati; four layouts
(``html_aside_nav``: the run inline in an ``<aside><nav>`` and again as teaser
``<article>``s, the card an ``<address>``; ``html_role_grid``: ``<div role=article>``
headline cards with "N min read", the card as key/value ``<span>`` pairs;
``markdown_inline_table``: the run as one paragraph of ``[title](url)`` links and again
as a Markdown table, the card a blockquote; ``text_glued_twice``: the header and up to
two headlines glued onto the last paragraph, the run as an ``a ~ b`` line and ``◦``
lines, the card as ``Key<TAB>value`` lines); its gold lines are what the renderer
printed, counted as printed. Scored by name only (``--half fresh3``).

A seventh split, **fresh4**, was decided and committed before it was first run through the
cleaner (2026-12-03, issue 12, after fresh3 had been looked at), with a skeleton of its own:
seed 90412; 12 Faker locales no other split uses (Hausa, Igbo, Twi/Ghana and Nigerian
English, Pakistani English with Urdu keys, Nepali, Marathi, Algerian French, Jordanian and
Emirati Arabic, Amharic, Malaysian English with Malay keys; four of them have no Faker
person provider, so their names and e-mails are Faker's default ones) with card keys,
headers, teaser labels and bios of its own; bodies from dolma's two WARC files (the HTTP
responses' paragraphs; no other split reads them), press releases ending in the company's
own "About" section, timelines of dated lines, Odia prose; a tail is a *plan* (its parts in
print order: the author box may come first, a second "wire" run of news items with source
names and dates, plans without a headline run), a headline may be printed as a teaser after
the body's first paragraph, run items carry dates, body kind and layout come from a shuffled
deck of the 16 combinations; layouts ``html_table_frame`` (a table-frame page: runs as
table rows with date cells, the card as ``<b>Key</b><br>value``), ``html_river_hcard``
(``div#page``, the site nav after the story; ``<li>`` items with alt text and ``<time>``, a
keyless h-card), ``text_csv_export`` (each part a CSV block under a header row) and
``markdown_reflinks`` (reference-style link lists whose definitions close the page, a
definition-list card, a setext bio heading, footnote socials). Scored by name only
(``--half fresh4``).

An eighth split, **fresh5**, and a ninth, **fresh6** (2026-12-07), were held out in turn
and are development and training splits now; a tenth, **fresh7** (2026-12-07, decided and
committed before it was first run through the cleaner), is the held-out split
(``HELD_OUT``: ``scripts/train_tails.py`` never trains on it). Their families are described
beside their generators below. Scored by name only (``--half fresh7``).

Each sample comes with its clean twin (same body, same layout, no tail): the twin is
the control (the stage must leave it byte-identical) and, run with the boilerplate
stage off, the reference body for word-F1.

Usage: python scripts/gen_tails.py
       [--half develop|report|fresh|fresh2|dev2|fresh3|fresh4|fresh5|fresh6|fresh7]
       [--n N]
       [--out DIR]
(writes the pages and a ``samples.jsonl``; ``scripts/bench_tails.py`` needs no files).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import html
import json
import os
import random
import re
import sys
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pii_snippets import REFERENCE_DAY, date_of_birth, faker_today

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
ARTICLES = SHARED / "article-extraction-benchmark" / "ground-truth.json"
WCXB = SHARED / "wcxb-dev" / "ground-truth"
CLICKBAIT = SHARED / "clickbait-headlines" / "dataset"

HALVES = ("develop", "report", "fresh", "fresh2", "dev2", "fresh3", "fresh4", "fresh5",
          "fresh6", "fresh7")
#: splits that are held out (never trained on: scripts/train_tails.py leaves them out);
#: fresh5 became a development and training split on 2026-12-07 (helper tails5), fresh6
#: when fresh7 came (2026-12-07, helper gen7)
HELD_OUT: tuple[str, ...] = ("fresh7",)
#: the seed of each split (fresh, fresh2, dev2: new ones)
SEEDS = {"develop": 12, "report": 12, "fresh": 1202, "fresh2": 31203, "dev2": 51203,
         "fresh3": 71203, "fresh4": 90412, "fresh5": 60612, "fresh6": 120726,
         "fresh7": 71207}
#: body kinds per half
BODIES = {
    "develop": ("article_bench", "steps", "nonlatin_ru_zh_ar", "setlist"),
    "report": ("wcxb", "tour_dates", "code", "nonlatin_ja_el"),
    "fresh": ("wcxb_other", "faq", "recipe", "nonlatin_th_hy_fa_bn_uk"),
    "fresh2": ("wcxb_shop", "spec_sheet", "changelog", "nonlatin_mk_vi_az_tl"),
    "dev2": ("article_bench", "lyrics", "hardware_specs", "address_directory"),
    "fresh3": ("dolma_prose", "interview", "league_table", "nonlatin_hi_ta_si_gu"),
    "fresh4": ("warc_prose", "press_release", "timeline", "nonlatin_or"),
    "fresh5": ("trafeval_prose", "glossary", "letters", "mixed_th_latin"),
    "fresh6": ("pydoc_prose", "chat_log", "timetable", "nonlatin_ml_te_kn_ka"),
    "fresh7": ("idle_help_prose", "play_by_play", "verse", "nonlatin_ko"),
}
#: layout families per half
LAYOUTS = {
    "develop": ("text_blank", "html_p_lines", "html_cms_section", "markdown_links"),
    "report": ("text_single", "html_div_br", "html_cms_aside", "html_list_links"),
    "fresh": ("text_numbered", "html_dl_widget", "html_figure_grid", "markdown_headings"),
    "fresh2": ("html_footer_table", "text_pipe_bullets", "html_sponsored_split",
               "text_jsonld_footer"),
    "dev2": ("text_slash_ini", "text_chevron_dash", "text_numbered_json", "text_star_yaml"),
    "fresh3": ("html_aside_nav", "html_role_grid", "markdown_inline_table", "text_glued_twice"),
    "fresh4": ("html_table_frame", "html_river_hcard", "text_csv_export", "markdown_reflinks"),
    "fresh5": ("html_cell_grid", "html_comments_footer", "text_wikitext", "text_dotted_keys"),
    "fresh6": ("text_org_mode", "text_bbcode", "text_email_digest", "html_amp_carousel",
               "html_microdata_list", "html_block_theme"),
    "fresh7": ("text_rst", "text_asciidoc", "text_gemtext", "html_details_accordion",
               "html_web_components", "html_utility_divs"),
}
LOCALES = {
    "develop": ("en_US", "de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL", "ru_RU", "da_DK"),
    "report": ("en_GB", "pt_BR", "pl_PL", "sv_SE", "ja_JP", "cs_CZ", "fi_FI", "tr_TR"),
    "fresh": ("ko_KR", "hu_HU", "ro_RO", "no_NO", "hr_HR", "uk_UA", "id_ID", "nl_BE", "pt_PT",
              "de_AT", "fr_CA", "es_MX", "en_AU", "en_IN"),
    "fresh2": ("sk_SK", "vi_VN", "bg_BG", "lt_LT", "lv_LV", "et_EE", "sl_SI", "fr_CH", "de_CH",
               "it_CH", "es_CO", "es_AR", "en_NZ", "en_IE", "ka_GE", "az_AZ"),
    "fresh3": ("is_IS", "ga_IE", "uz_UZ", "sw", "zu_ZA", "yo_NG", "es_CL", "es_CA", "fr_BE",
               "de_LU", "de_LI", "en_CA", "en_KE", "ar_SA", "ar_DZ", "ar_PS"),
}
#: dev2 (a development split for the text layouts): the develop half's locales, so
#: fresh2's stay unseen
LOCALES["dev2"] = LOCALES["develop"]
#: Faker locales of the lorem text of each half's ``nonlatin_*`` bodies
NONLATIN_LOCALES = {
    "nonlatin_ru_zh_ar": ["ru_RU", "zh_CN", "zh_TW", "ar_AA", "he_IL"],
    "nonlatin_ja_el": ["ja_JP", "el_GR"],
    "nonlatin_th_hy_fa_bn_uk": ["th_TH", "hy_AM", "fa_IR", "bn_BD", "uk_UA"],
    "nonlatin_mk_vi_az_tl": ["mk_MK", "vi_VN", "az_AZ", "tl_PH"],
}
#: WCXB dev page types of the fresh half's real bodies (the report half used articles)
WCXB_OTHER_TYPES = ("documentation", "forum", "service")
#: WCXB dev page types of the fresh2 half's real bodies (used by no other half)
WCXB_SHOP_TYPES = ("product", "collection", "listing")

#: section headers that open a headline run (English as link farms print them)
RUN_HEADERS = {
    "develop": ("Popular This Week", "You May Also Like", "Related Posts", "Trending Now",
                "More Stories", "Recommended For You"),
    "report": ("Most Popular", "You Might Also Like", "Related Articles", "Don't Miss",
               "Popular Posts", "Editor's Picks", "Read Next"),
    "fresh": ("Related Stories", "More From This Site", "Top Stories", "What To Read Next",
              "Around The Web", "Trending", "Latest Posts", "Keep Reading", "Hot Right Now"),
}
#: fresh half: run headers in the locale's language (used on 40% of its runs)
LOCAL_RUN_HEADERS = {
    "ko": ("관련 기사", "많이 본 뉴스"), "hu": ("Kapcsolódó cikkek", "Legolvasottabb"),
    "ro": ("Articole similare", "Cele mai citite"), "no": ("Les også", "Mest lest"),
    "hr": ("Povezani članci", "Najčitanije"), "uk": ("Читайте також", "Популярне"),
    "id": ("Baca juga", "Berita terkait"), "nl": ("Lees ook", "Meest gelezen"),
    "pt": ("Leia também", "Mais lidas"), "de": ("Mehr zum Thema", "Meistgelesen"),
    "fr": ("À lire aussi", "Les plus lus"), "es": ("Te puede interesar", "Lo más leído"),
}
CARD_HEADERS = {
    "develop": ("Detail Author:", "About the author", "Author Details"),
    "report": ("Detail Author:", "Author Info", "About The Author"),
    "fresh": ("About the Writer", "Author Bio", "Meet the Author", "Written by", "Profile"),
}
SOCIAL_HEADERS = {"develop": ("Socials", "Social Media"), "report": ("Socials", "Find me on"),
                  "fresh": ("Follow me", "Connect with me", "Social Links", "Where to find me")}
PLATFORMS = ("twitter", "tiktok", "instagram", "facebook", "linkedin", "youtube")

#: card keys in the generator's own words (written independently of the stage's vocabulary)
CARD_KEY_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("Name", "Username", "Email", "Birthdate", "Address", "Phone", "Company", "Job", "Bio"),
    "de": ("Name", "Benutzername", "E-Mail", "Geburtsdatum", "Adresse", "Telefon", "Firma",
           "Beruf", "Bio"),
    "pt": ("Nome", "Usuário", "E-mail", "Data de nascimento", "Endereço", "Telefone", "Empresa",
           "Profissão", "Bio"),
    "pl": ("Imię i nazwisko", "Nazwa użytkownika", "E-mail", "Data urodzenia", "Adres",
           "Telefon", "Firma", "Zawód", "Bio"),
    "sv": ("Namn", "Användarnamn", "E-post", "Födelsedatum", "Adress", "Telefon", "Företag",
           "Yrke", "Bio"),
    "ja": ("名前", "ユーザー名", "メール", "生年月日", "住所", "電話", "会社", "職業", "自己紹介"),
    "fr": ("Nom", "Nom d'utilisateur", "E-mail", "Date de naissance", "Adresse", "Téléphone",
           "Entreprise", "Emploi", "Bio"),
    "es": ("Nombre", "Usuario", "Correo", "Fecha de nacimiento", "Dirección", "Teléfono",
           "Empresa", "Trabajo", "Bio"),
}
#: fresh half only: card keys in languages with no vocabulary module (and Dutch)
FRESH_CARD_KEY_WORDS: dict[str, tuple[str, ...]] = {
    "ko": ("이름", "사용자 이름", "이메일", "생년월일", "주소", "전화", "회사", "직업", "소개"),
    "hu": ("Név", "Felhasználónév", "E-mail", "Születési dátum", "Cím", "Telefon", "Cég",
           "Foglalkozás", "Bemutatkozás"),
    "ro": ("Nume", "Nume de utilizator", "E-mail", "Data nașterii", "Adresă", "Telefon",
           "Companie", "Ocupație", "Biografie"),
    "no": ("Navn", "Brukernavn", "E-post", "Fødselsdato", "Adresse", "Telefon", "Firma", "Yrke",
           "Bio"),
    "hr": ("Ime", "Korisničko ime", "E-pošta", "Datum rođenja", "Adresa", "Telefon", "Tvrtka",
           "Zanimanje", "Biografija"),
    "uk": ("Ім'я", "Ім'я користувача", "Електронна пошта", "Дата народження", "Адреса",
           "Телефон", "Компанія", "Посада", "Біографія"),
    "id": ("Nama", "Nama pengguna", "Email", "Tanggal lahir", "Alamat", "Telepon", "Perusahaan",
           "Pekerjaan", "Bio"),
    "nl": ("Naam", "Gebruikersnaam", "E-mail", "Geboortedatum", "Adres", "Telefoon", "Bedrijf",
           "Beroep", "Bio"),
}


@dataclass
class Sample:
    id: str
    half: str
    body_kind: str
    layout: str
    locale: str
    format: str
    page: str
    twin: str
    #: tail lines that must go (headlines, section headers, card/social lines)
    spam_lines: list[str] = field(default_factory=list)
    #: how often each spam line was printed (headlines: twice)
    spam_counts: list[int] = field(default_factory=list)
    #: personal data in the card/bio/social lines (must not survive)
    pii: list[str] = field(default_factory=list)
    tail_parts: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


def _half_of(text: str) -> int:
    return zlib.crc32(text.strip().lower().encode("utf-8")) % 2


def clickbait_headlines(half: int, name: str = "clickbait_data.gz") -> list[str]:
    """Clickbait headlines of one half of the set (half 1 is held out from training);
    ``name="non_clickbait_data.gz"``: the news headlines."""
    out = []
    with gzip.open(CLICKBAIT / name, "rt", encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line and _half_of(line) == half:
                out.append(line)
    return out


# -- bodies ------------------------------------------------------------------------------

Body = list[tuple[str, str]]  # (kind, text): title, heading, para, line


def _paragraph_body(title: str, text: str, max_paras: int = 12) -> Body | None:
    paras = [p.strip() for p in re.split(r"\n\s*\n|\n", text) if p.strip()]
    if len(paras) < 3 or sum(len(p.split()) for p in paras) < 150:
        return None
    body: Body = [("title", title.strip() or paras[0][:60])]
    for p in paras[:max_paras]:
        words = len(p.split())
        kind = "heading" if words <= 10 and p[-1:] not in ".!?:;,\"”" else "para"
        body.append((kind, p))
    if body[-1][0] != "para":
        return None
    return body


def article_bodies() -> Iterator[Body]:
    data = json.loads(ARTICLES.read_text("utf-8"))
    for key in sorted(data):
        text = data[key].get("articleBody") or ""
        first = text.strip().split(".")[0][:70]
        b = _paragraph_body(first, text)
        if b is not None:
            yield b


def wcxb_bodies(types: tuple[str, ...] = ("article",)) -> Iterator[Body]:
    for path in sorted(WCXB.glob("*.json")):
        d = json.loads(path.read_text("utf-8"))
        if d.get("_internal", {}).get("page_type", {}).get("primary") not in types:
            continue
        gt = d.get("ground_truth", {})
        b = _paragraph_body(gt.get("title") or "", gt.get("main_content") or "")
        if b is not None:
            yield b


def _intro(fake: Any, rng: random.Random) -> str:
    return " ".join(fake.sentence(nb_words=rng.randint(10, 16)) for _ in range(3))


def short_line_body(kind: str, rng: random.Random, fake: Any, en: Any) -> Body:
    """Bodies made of short lines: by length a headline run does not stand out."""
    if kind in ("tour_dates", "setlist"):
        title = f"{en.name()} {rng.choice(['Tour', 'Live', 'Concerts'])} {rng.randint(2024, 2027)}"
        body: Body = [("title", title), ("para", _intro(en, rng))]
        months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct"]
        for _ in range(rng.randint(8, 16)):
            if kind == "tour_dates":
                line = (f"{rng.choice(months)} {rng.randint(1, 28)} - {fake.city()}, "
                        f"{en.last_name()} {rng.choice(['Hall', 'Arena', 'Club', 'Theatre'])}")
            else:
                line = f"{rng.randint(1, 20)}. {en.catch_phrase()}"
            body.append(("line", line))
        body.append(("para", _intro(en, rng)))
        return body
    if kind == "code":
        title = f"How to {en.bs()} in Python"
        body = [("title", title), ("para", _intro(en, rng))]
        names = [en.word() for _ in range(6)]
        lines = [f"def {names[0]}_{names[1]}({names[2]}, {names[3]}=None):",
                 f"    result = {names[2]}.get('{names[4]}', [])",
                 f"    for item in {names[3]} or []:",
                 f"        result.append(item.{names[5]}())",
                 "    return sorted(result)", "",
                 f"print({names[0]}_{names[1]}({{'{names[4]}': [3, 1, 2]}}))"]
        body.extend(("code", ln) for ln in lines if ln)
        body.append(("para", _intro(en, rng)))
        return body
    # steps
    title = f"How to {en.bs().title()}: A Step-by-Step Guide"
    body = [("title", title), ("para", _intro(en, rng))]
    for k in range(rng.randint(6, 10)):
        body.append(("line", f"Step {k + 1}: {en.sentence(nb_words=rng.randint(4, 9))}"))
    body.append(("para", _intro(en, rng)))
    return body


def nonlatin_body(kind: str, rng: random.Random) -> Body:
    from faker import Faker

    # develop: Cyrillic, Chinese (no spaces), Arabic/Hebrew (right to left);
    # report: Japanese (no spaces), Greek; fresh: Thai (no spaces), Armenian, Persian
    # (right to left), Bengali, Ukrainian; fresh2: Macedonian (Cyrillic), Vietnamese,
    # Azerbaijani, Tagalog (Latin with diacritics)
    fk = Faker(rng.choice(NONLATIN_LOCALES[kind]))
    fk.seed_instance(rng.randint(0, 10**9))
    body: Body = [("title", fk.sentence(nb_words=6).rstrip("."))]
    for k in range(rng.randint(4, 7)):
        if k and rng.random() < 0.3:
            body.append(("heading", fk.sentence(nb_words=4).rstrip(".")))
        body.append(("para", fk.paragraph(nb_sentences=rng.randint(4, 7))))
    return body


def faq_or_recipe_body(kind: str, rng: random.Random, en: Any) -> Body:
    """Fresh half: an FAQ page (``Q:`` lines and ``A:`` paragraphs: key/value shaped
    lines of the article) or a recipe (short ingredient lines, numbered steps)."""
    if kind == "faq":
        body: Body = [("title", f"Frequently Asked Questions About {en.bs().title()}"),
                      ("para", _intro(en, rng))]
        for _ in range(rng.randint(4, 7)):
            q = en.sentence(nb_words=rng.randint(5, 9)).rstrip(".") + "?"
            body.append(("heading", f"Q: {q}"))
            body.append(("para", "A: " + " ".join(en.sentence(nb_words=rng.randint(8, 14))
                                                  for _ in range(rng.randint(2, 3)))))
        body.append(("para", _intro(en, rng)))
        return body
    dish = f"{en.word().title()} {rng.choice(['Soup', 'Pie', 'Stew', 'Salad', 'Bread'])}"
    body = [("title", f"Easy {dish} Recipe"), ("para", _intro(en, rng)),
            ("heading", "Ingredients")]
    units = ["g", "ml", "tbsp", "tsp", "cups"]
    for _ in range(rng.randint(6, 10)):
        body.append(("line", f"{rng.randint(1, 400)} {rng.choice(units)} {en.word()}"))
    body.append(("heading", "Method"))
    for k in range(rng.randint(3, 5)):
        body.append(("para", f"{k + 1}. " + " ".join(en.sentence(nb_words=rng.randint(8, 13))
                                                     for _ in range(2))))
    body.append(("para", _intro(en, rng)))
    return body


# -- tails -------------------------------------------------------------------------------


@dataclass
class Tail:
    glued: str = ""  # sentence glued onto the last paragraph
    header: str = ""  # section header opening the headline run
    headlines: list[str] = field(default_factory=list)
    card_header: str = ""
    card: list[tuple[str, str]] = field(default_factory=list)
    bio_header: str = ""
    bio: str = ""
    social_header: str = ""
    socials: list[tuple[str, list[tuple[str, str]]]] = field(default_factory=list)
    pii: list[str] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)
    #: fresh2: other tail lines (sponsored labels and source names, JSON-LD lines) and
    #: how often each is printed
    extra: list[tuple[str, int]] = field(default_factory=list)
    #: fresh2 sponsored layout: the source name printed under each headline
    sources: list[str] = field(default_factory=list)


def make_tail(half: str, locale: str, rng: random.Random, heads: list[str],
              news: list[str] | None = None) -> Tail:
    from faker import Faker

    fake = Faker(locale)
    fake.seed_instance(rng.randint(0, 10**9))
    lorem = Faker("la")
    lorem.seed_instance(rng.randint(0, 10**9))
    news = news or []
    t = Tail()
    parts = [p for p, prob in (("headlines", 0.85), ("card", 0.45), ("bio", 0.35),
                               ("social", 0.4)) if rng.random() < prob]
    if not parts:
        parts = ["headlines"]
    t.parts = parts
    if "headlines" in parts:
        news_run = half == "fresh" and bool(news) and rng.random() < 0.25
        t.headlines = rng.sample(news if news_run else heads, rng.randint(2, 6))
        t.glued = t.headlines[0] if rng.random() < 0.7 else ""
        if news_run or rng.random() < 0.6:  # news headlines always come under a header
            local = LOCAL_RUN_HEADERS.get(locale.split("_")[0]) if half == "fresh" else None
            t.header = rng.choice(local) if local and rng.random() < 0.4 \
                else rng.choice(RUN_HEADERS[half])
    name = fake.name()
    user = fake.user_name()
    email = fake.email()
    # against a fixed day: Faker's own date_of_birth counts from today, so the pages (and
    # every figure on them) moved from day to day
    birth = date_of_birth(fake, 20, 70).isoformat()
    phone = fake.phone_number()
    address = fake.address().replace("\n", " ")
    if "card" in parts:
        lang = locale.split("_")[0]
        words = {**CARD_KEY_WORDS, **FRESH_CARD_KEY_WORDS} if half == "fresh" else CARD_KEY_WORDS
        keys = words.get(lang) if rng.random() < 0.5 else None
        keys = keys or CARD_KEY_WORDS["en"]
        values = [name, user, email, birth, address, phone, fake.company(), fake.job(),
                  lorem.paragraph(nb_sentences=2)]
        chosen = sorted([*rng.sample(range(9), rng.randint(4, 9)), 0, 2])
        t.card = [(keys[k], values[k]) for k in dict.fromkeys(chosen)]
        t.pii += [values[k] for k in dict.fromkeys(chosen) if k in (1, 2, 3, 4, 5)]
        if rng.random() < 0.8:
            t.card_header = rng.choice(CARD_HEADERS[half])
    if "bio" in parts:
        first = name.split()[0] if " " in name else name
        t.bio_header = f"About {name}"
        city = fake.city()
        handle = "@" + user
        t.bio = (f"{name} is a {fake.job().lower()} at {fake.company()}. Born on {birth} in "
                 f"{city}, {first} writes about everything. Reach {first} at {email} or "
                 f"{phone}, or follow {handle}. " + lorem.paragraph(nb_sentences=2))
        t.pii += [email, phone, birth, handle]
    if "social" in parts:
        t.social_header = rng.choice(SOCIAL_HEADERS[half])
        for platform in rng.sample(PLATFORMS, rng.randint(1, 3)):
            handle = fake.user_name() + str(rng.randint(1, 999))
            lines = [("url", f"https://{platform}.com/{handle}"), ("username", handle),
                     ("followers", str(rng.randint(100, 9000))),
                     ("following", str(rng.randint(100, 9000)))]
            t.socials.append((platform, lines))
            t.pii += [f"{platform}.com/{handle}", handle]
    return t


# -- layouts -----------------------------------------------------------------------------


def _e(s: str) -> str:
    return html.escape(s, quote=False)


def _slug(s: str) -> str:
    return "/" + re.sub(r"\W+", "-", s.lower()).strip("-")[:60]


def render_text(body: Body, tail: Tail | None, single: bool) -> str:
    sep = "\n" if single else "\n\n"
    out: list[str] = []
    lines_block: list[str] = []

    def flush() -> None:
        if lines_block:
            out.append("\n".join(lines_block))
            lines_block.clear()

    last_para = max(i for i, (k, _) in enumerate(body) if k == "para")
    for i, (kind, text) in enumerate(body):
        if kind in ("line", "code"):
            lines_block.append(text)
            continue
        flush()
        if i == last_para and tail is not None and tail.glued:
            text = text + " " + tail.glued
        out.append(text)
    flush()
    if tail is not None:
        bullet = "- " if single else "  • "
        if tail.header:
            out.append(tail.header)
        for h in tail.headlines:
            out.extend([h, h])
        if tail.card:
            if tail.card_header:
                out.append(tail.card_header)
            out.append("\n".join(f"{bullet}{k} : {v}" for k, v in tail.card))
        if tail.bio:
            out.extend([tail.bio_header, tail.bio])
        if tail.socials:
            out.append(tail.social_header)
            for platform, lines in tail.socials:
                out.append(platform + ":")
                out.append("\n".join(f"{bullet}{k} : {v}" for k, v in lines))
    return sep.join(out) + "\n"


def _markdown_body(body: Body, tail: Tail | None, bullet: str) -> list[str]:
    """The body as Markdown lines (short lines as ``bullet`` items), the tail's glued
    headline on the last paragraph."""
    out: list[str] = []
    last_para = max(i for i, (k, _) in enumerate(body) if k == "para")
    for i, (kind, text) in enumerate(body):
        if kind == "title":
            out.append("# " + text)
        elif kind == "heading":
            out.append("## " + text)
        elif kind == "code":
            out.append("    " + text)
        elif kind == "line":
            out.append(bullet + " " + text)
        else:
            if i == last_para and tail is not None and tail.glued:
                text += " " + tail.glued
            out.append(text)
    return out


def render_markdown(body: Body, tail: Tail | None) -> str:
    out = _markdown_body(body, tail, "*")
    if tail is not None:
        if tail.header:
            out.append("## " + tail.header)
        for h in tail.headlines:
            out.append(f"* [{h}](https://example.net{_slug(h)})\n* [{h}](https://example.net{_slug(h)})")
        if tail.card:
            if tail.card_header:
                out.append("### " + tail.card_header)
            out.append("\n".join(f"* **{k}**: {v}" for k, v in tail.card))
        if tail.bio:
            out.extend(["### " + tail.bio_header, tail.bio])
        if tail.socials:
            out.append("### " + tail.social_header)
            for platform, lines in tail.socials:
                out.append(platform + ":")
                out.append("\n".join(f"* {k}: {v}" for k, v in lines))
    return "\n\n".join(out) + "\n"


def _html_body(body: Body, tail: Tail | None, style: str) -> list[str]:
    out: list[str] = []
    last_para = max(i for i, (k, _) in enumerate(body) if k == "para")
    code: list[str] = []
    lines: list[str] = []

    def flush() -> None:
        if code:
            out.append("<pre><code>" + _e("\n".join(code)) + "</code></pre>")
            code.clear()
        if lines:
            if style == "br":
                out.append("<div>" + "<br>\n".join(_e(x) for x in lines) + "</div>")
            elif style == "p":
                out.extend(f"<p>{_e(x)}</p>" for x in lines)
            else:
                out.append("<ul>" + "".join(f"<li>{_e(x)}</li>" for x in lines) + "</ul>")
            lines.clear()

    for i, (kind, text) in enumerate(body):
        if kind == "code":
            code.append(text)
            continue
        if kind == "line":
            lines.append(text)
            continue
        flush()
        if kind == "title":
            out.append(f"<h1>{_e(text)}</h1>")
        elif kind == "heading":
            out.append(f"<h2>{_e(text)}</h2>")
        else:
            if i == last_para and tail is not None and tail.glued:
                text += " " + tail.glued
            if style == "br":
                out.append(f"<div>{_e(text)}</div>")
            else:
                out.append(f"<p>{_e(text)}</p>")
    flush()
    return out


def render_html(body: Body, tail: Tail | None, layout: str, rng: random.Random) -> str:
    style = {"html_p_lines": "p", "html_div_br": "br"}.get(layout, "ul")
    main = _html_body(body, tail, style)
    after: list[str] = []
    inside: list[str] = []
    if tail is not None:
        heads = tail.headlines
        if layout in ("html_p_lines", "html_div_br"):
            tag = "p" if layout == "html_p_lines" else "div"
            if tail.header:
                inside.append(f"<{tag}>{_e(tail.header)}</{tag}>")
            for h in heads:
                inside += [f"<{tag}>{_e(h)}</{tag}>"] * 2
            if tail.card:
                if tail.card_header:
                    inside.append(f"<{tag}>{_e(tail.card_header)}</{tag}>")
                inside += [f"<{tag}>{_e(k)} : {_e(v)}</{tag}>" for k, v in tail.card]
            if tail.bio:
                inside += [f"<{tag}>{_e(tail.bio_header)}</{tag}>",
                           f"<{tag}>{_e(tail.bio)}</{tag}>"]
            if tail.socials:
                inside.append(f"<{tag}>{_e(tail.social_header)}</{tag}>")
                for platform, lines in tail.socials:
                    inside.append(f"<{tag}>{platform}:</{tag}>")
                    inside += [f"<{tag}>{k} : {_e(v)}</{tag}>" for k, v in lines]
        else:
            if heads:
                h_tag = "h3" if layout == "html_cms_section" else "h4"
                box = "section" if layout == "html_cms_section" else "aside"
                cls = rng.choice(["posts", "more", "grid", "entries"])
                items = []
                for h in heads:
                    href = _slug(h)
                    if layout == "html_list_links":
                        items.append(f'<li><a href="{href}">{_e(h)}</a></li>'
                                     f'<li><a href="{href}">{_e(h)}</a></li>')
                    else:
                        items.append(f'<div class="item"><a href="{href}"><img src="x.jpg" '
                                     f'alt="{_e(h)}"></a><{h_tag}><a href="{href}">{_e(h)}</a>'
                                     f'</{h_tag}><p><a href="{href}">{_e(h)}</a></p></div>')
                head = f"<h2>{_e(tail.header)}</h2>" if tail.header else ""
                if layout == "html_list_links":
                    after.append(f'<div class="{cls}">{head}<ul>{"".join(items)}</ul></div>')
                else:
                    after.append(f'<{box} class="{cls}">{head}{"".join(items)}</{box}>')
            if tail.card:
                head = f"<h3>{_e(tail.card_header)}</h3>" if tail.card_header else ""
                lis = "".join(f"<li>{_e(k)} : {_e(v)}</li>" for k, v in tail.card)
                after.append(f'<div class="box">{head}<ul>{lis}</ul></div>')
            if tail.bio:
                after.append(f"<div><h3>{_e(tail.bio_header)}</h3><p>{_e(tail.bio)}</p></div>")
            if tail.socials:
                blocks = "".join(
                    f"<p>{platform}:</p><ul>"
                    + "".join(f"<li>{k} : {_e(v)}</li>" for k, v in lines) + "</ul>"
                    for platform, lines in tail.socials
                )
                after.append(f"<div><h3>{_e(tail.social_header)}</h3>{blocks}</div>")
    title = next(t for k, t in body if k == "title")
    nav = '<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/about">About</a></nav>'
    return (
        f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{_e(title)}</title></head>"
        f"<body><header>{nav}</header><main><article>{''.join(main)}{''.join(inside)}</article>"
        f"{''.join(after)}</main><footer><p>Contact us</p></footer></body></html>\n"
    )


def render_text_numbered(body: Body, tail: Tail | None) -> str:
    """Fresh half: text with blank lines; headlines as a numbered list, each number's
    headline printed again under it (title and excerpt); ``Key: value`` card lines."""
    out: list[str] = []
    lines_block: list[str] = []
    last_para = max(i for i, (k, _) in enumerate(body) if k == "para")
    for i, (kind, text) in enumerate(body):
        if kind in ("line", "code"):
            lines_block.append(text)
            continue
        if lines_block:
            out.append("\n".join(lines_block))
            lines_block.clear()
        if i == last_para and tail is not None and tail.glued:
            text = text + " " + tail.glued
        out.append(text)
    if lines_block:
        out.append("\n".join(lines_block))
    if tail is not None:
        if tail.header:
            out.append(tail.header)
        for k, h in enumerate(tail.headlines):
            out.extend([f"{k + 1}. {h}", h])
        if tail.card:
            if tail.card_header:
                out.append(tail.card_header)
            out.append("\n".join(f"{k}: {v}" for k, v in tail.card))
        if tail.bio:
            out.extend([tail.bio_header, tail.bio])
        if tail.socials:
            out.append(tail.social_header)
            for platform, lines in tail.socials:
                out.append(platform + ":")
                out.append("\n".join(f"{k}: {v}" for k, v in lines))
    return "\n\n".join(out) + "\n"


def render_markdown_headings(body: Body, tail: Tail | None) -> str:
    """Fresh half: Markdown; each headline a ``### [headline](url)`` heading with the
    same link as a paragraph under it; the card a ``**Key:** value`` paragraph with hard
    line breaks."""
    out = _markdown_body(body, tail, "-")
    if tail is not None:
        if tail.header:
            out.append("## " + tail.header)
        for h in tail.headlines:
            url = f"https://example.org{_slug(h)}"
            out.extend([f"### [{h}]({url})", f"[{h}]({url})"])
        if tail.card:
            if tail.card_header:
                out.append(f"**{tail.card_header}**")
            out.append("  \n".join(f"**{k}:** {v}" for k, v in tail.card))
        if tail.bio:
            out.extend(["#### " + tail.bio_header, tail.bio])
        if tail.socials:
            out.append("#### " + tail.social_header)
            for platform, lines in tail.socials:
                out.append(f"**{platform}:**")
                out.append("\n".join(f"- {k}: {v}" for k, v in lines))
    return "\n\n".join(out) + "\n"


def render_html_fresh(body: Body, tail: Tail | None, layout: str) -> str:
    """Fresh half HTML: ``html_dl_widget`` -- headlines as ``<li><a>`` + excerpt in a
    widget area after ``</article>``, the card a ``<dl>``; ``html_figure_grid`` -- a
    grid of ``<figure>`` captions and ``<h5>`` links inside ``<article>``, the card one
    ``<p>`` with ``<br>`` lines."""
    main = _html_body(body, tail, "p")
    inside: list[str] = []
    after: list[str] = []
    if tail is not None:
        if tail.headlines and layout == "html_dl_widget":
            head = f"<h3>{_e(tail.header)}</h3>" if tail.header else ""
            items = "".join(f'<li><a href="{_slug(h)}">{_e(h)}</a><span class="excerpt">'
                            f"{_e(h)}</span></li>" for h in tail.headlines)
            after.append(f'<div class="widget-area">{head}<ul>{items}</ul></div>')
        elif tail.headlines:
            head = f"<h4>{_e(tail.header)}</h4>" if tail.header else ""
            cells = "".join(f'<figure><a href="{_slug(h)}"><img src="t.jpg" alt=""></a>'
                            f'<figcaption><a href="{_slug(h)}">{_e(h)}</a></figcaption>'
                            f'</figure><h5><a href="{_slug(h)}">{_e(h)}</a></h5>'
                            for h in tail.headlines)
            inside.append(f'<div class="grid">{head}{cells}</div>')
        if tail.card and layout == "html_dl_widget":
            head = f"<h4>{_e(tail.card_header)}</h4>" if tail.card_header else ""
            dl = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in tail.card)
            after.append(f'<div class="entry-author">{head}<dl>{dl}</dl></div>')
        elif tail.card:
            head = f"<p>{_e(tail.card_header)}</p>" if tail.card_header else ""
            lines = "<br>".join(f"<strong>{_e(k)}:</strong> {_e(v)}" for k, v in tail.card)
            after.append(f"<div>{head}<p>{lines}</p></div>")
        if tail.bio:
            after.append(f"<section><h4>{_e(tail.bio_header)}</h4><p>{_e(tail.bio)}</p>"
                         "</section>")
        if tail.socials:
            parts = [f"<h4>{_e(tail.social_header)}</h4>"]
            for platform, kv in tail.socials:
                if layout == "html_dl_widget":
                    parts.append(f"<h5>{platform}:</h5><dl>" + "".join(
                        f"<dt>{k}</dt><dd>{_e(v)}</dd>" for k, v in kv) + "</dl>")
                else:
                    parts.append(f"<p>{platform}:<br>" + "<br>".join(
                        f"{k}: {_e(v)}" for k, v in kv) + "</p>")
            after.append("<div>" + "".join(parts) + "</div>")
    title = next(t for k, t in body if k == "title")
    nav = '<nav><a href="/">Home</a> <a href="/blog">Blog</a> <a href="/contact">Contact</a></nav>'
    return (
        f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{_e(title)}</title></head>"
        f"<body><header>{nav}</header><div id=\"content\"><article>{''.join(main)}"
        f"{''.join(inside)}</article>{''.join(after)}</div><footer><p>Imprint</p></footer>"
        "</body></html>\n"
    )


def render(body: Body, tail: Tail | None, layout: str, rng: random.Random) -> tuple[str, str]:
    if layout == "text_numbered":
        return render_text_numbered(body, tail), "text"
    if layout == "markdown_headings":
        return render_markdown_headings(body, tail), "markdown"
    if layout in ("html_dl_widget", "html_figure_grid"):
        return render_html_fresh(body, tail, layout), "html"
    if layout == "text_blank":
        return render_text(body, tail, single=False), "text"
    if layout == "text_single":
        return render_text(body, tail, single=True), "text"
    if layout == "markdown_links":
        return render_markdown(body, tail), "markdown"
    return render_html(body, tail, layout, rng), "html"


# -- the fresh2 half ---------------------------------------------------------------------
# A fourth split, decided before it was first run (2026-12-03, issue 12): its own seed,
# locales, card-key languages, bodies and layouts, none shared with the other halves.

#: English run headers of fresh2 (no string of another half)
FRESH2_RUN_HEADERS = ("Promoted Links", "Most Read", "In Case You Missed It", "More Like This",
                      "Recommended Reading", "Elsewhere On The Web", "People Also Read")
FRESH2_CARD_HEADERS = ("Author Profile", "Contributor", "Posted by", "Your Host", "Staff Writer")
FRESH2_SOCIAL_HEADERS = ("Follow along", "Elsewhere", "On social media", "Stay in touch")
#: per language: (run headers, "sponsored" label, card header), in the generator's words
FRESH2_LOCAL: dict[str, tuple[tuple[str, str], str, str]] = {
    "sk": (("Súvisiace články", "Najčítanejšie"), "Sponzorované", "O autorovi"),
    "vi": (("Tin liên quan", "Đọc nhiều nhất"), "Được tài trợ", "Về tác giả"),
    "bg": (("Свързани статии", "Най-четени"), "Спонсорирано", "За автора"),
    "lt": (("Susiję straipsniai", "Skaitomiausi"), "Remiama", "Apie autorių"),
    "lv": (("Saistītie raksti", "Lasītākie"), "Sponsorēts", "Par autoru"),
    "et": (("Seotud artiklid", "Loetuimad"), "Sponsoreeritud", "Autorist"),
    "sl": (("Sorodni članki", "Najbolj brano"), "Sponzorirano", "O avtorju"),
    "fr": (("Sur le même sujet", "Vous aimerez aussi"), "Contenu sponsorisé",
           "À propos de l'auteur"),
    "de": (("Das könnte Sie auch interessieren", "Weitere Artikel"), "Gesponsert",
           "Über den Autor"),
    "it": (("Articoli correlati", "I più letti"), "Contenuto sponsorizzato", "L'autore"),
    "es": (("Noticias relacionadas", "También te puede gustar"), "Patrocinado",
           "Sobre el autor"),
    "en": (("Related Reading", "Most Shared"), "Sponsored", "The Author"),
    "ka": (("მსგავსი სტატიები", "ყველაზე კითხვადი"), "რეკლამა", "ავტორის შესახებ"),
    "az": (("Oxşar xəbərlər", "Ən çox oxunanlar"), "Sponsor", "Müəllif haqqında"),
}
#: fresh2 card keys (name, username, e-mail, birth date, address, phone, company, job, bio)
#: in the locales' languages, in the generator's own words; Swiss/Latin-American/Irish
#: variants differ from the other halves' de/fr/it/es/en keys
FRESH2_CARD_KEY_WORDS: dict[str, tuple[str, ...]] = {
    "sk": ("Meno", "Používateľské meno", "E-mail", "Dátum narodenia", "Adresa", "Telefón",
           "Spoločnosť", "Povolanie", "O mne"),
    "vi": ("Họ tên", "Tên đăng nhập", "Email", "Ngày sinh", "Địa chỉ", "Điện thoại", "Công ty",
           "Nghề nghiệp", "Giới thiệu"),
    "bg": ("Име", "Потребителско име", "Имейл", "Дата на раждане", "Адрес", "Телефон", "Фирма",
           "Професия", "За мен"),
    "lt": ("Vardas", "Vartotojo vardas", "El. paštas", "Gimimo data", "Adresas", "Telefonas",
           "Įmonė", "Profesija", "Apie mane"),
    "lv": ("Vārds", "Lietotājvārds", "E-pasts", "Dzimšanas datums", "Adrese", "Tālrunis",
           "Uzņēmums", "Profesija", "Par mani"),
    "et": ("Nimi", "Kasutajanimi", "E-post", "Sünnikuupäev", "Aadress", "Telefon", "Ettevõte",
           "Amet", "Minust"),
    "sl": ("Ime", "Uporabniško ime", "E-pošta", "Datum rojstva", "Naslov", "Telefon",
           "Podjetje", "Poklic", "O meni"),
    "de": ("Vollständiger Name", "Benutzerkennung", "E-Mail-Adresse", "Geboren am", "Wohnort",
           "Telefonnummer", "Arbeitgeber", "Tätigkeit", "Über mich"),
    "fr": ("Nom complet", "Identifiant", "Courriel", "Né(e) le", "Domicile", "Tél.",
           "Employeur", "Métier", "À propos"),
    "it": ("Nome e cognome", "Nome utente", "Posta elettronica", "Data di nascita", "Indirizzo",
           "Telefono", "Azienda", "Professione", "Chi sono"),
    "es": ("Nombre completo", "Nombre de usuario", "Correo electrónico", "Fecha de nacimiento",
           "Domicilio", "Celular", "Empresa", "Ocupación", "Sobre mí"),
    "en": ("Full name", "Handle", "E-mail address", "Date of birth", "Postal address",
           "Mobile", "Employer", "Occupation", "About me"),
    "ka": ("სახელი", "მომხმარებლის სახელი", "ელ-ფოსტა", "დაბადების თარიღი", "მისამართი",
           "ტელეფონი", "კომპანია", "პროფესია", "ჩემ შესახებ"),
    "az": ("Ad", "İstifadəçi adı", "E-poçt", "Doğum tarixi", "Ünvan", "Telefon", "Şirkət",
           "Peşə", "Haqqımda"),
}
#: the JSON-LD-like footer's keys (schema.org Person), same order as the card keys
JSONLD_KEYS = ("name", "alternateName", "email", "birthDate", "address", "telephone",
               "worksFor", "jobTitle", "description")
#: social platforms of fresh2: (label, domain); keys of each profile's lines
FRESH2_PLATFORMS = (("Mastodon", "mastodon.social"), ("Threads", "threads.net"),
                    ("Telegram", "t.me"), ("Pinterest", "pinterest.com"), ("VK", "vk.com"),
                    ("Twitch", "twitch.tv"))
FRESH2_SOCIAL_KEYS = ("profile", "handle", "fans", "posts")
#: source names printed under sponsored headlines
SPONSOR_SOURCES = ("DailyBuzz", "HealthyLife Tips", "Finance Guru", "Trend Chaser",
                   "Gadget Insider", "Smart Savings Daily", "TopTenz", "Celebrity Scoop")
#: birth-date formats of fresh2 cards and bios
BIRTH_FORMATS = ("{y:04d}-{m:02d}-{d:02d}", "{d:02d}.{m:02d}.{y:04d}", "{d}/{m}/{y:04d}",
                 "{d}. {m}. {y:04d}")
#: prose bios in a few of the languages (``{name}`` etc. filled in); others use English
FRESH2_BIOS = {
    "en": ("More about {name}", "{name} ({handle}) has worked as a {job} at {company} for "
           "years and lives in {city}. Born {birth}. Write to {email} or call {phone}."),
    "de": ("Mehr über {name}", "{name} ({handle}) arbeitet als {job} bei {company} und lebt "
           "in {city}. Geboren am {birth}. Kontakt: {email}, Tel. {phone}."),
    "fr": ("En savoir plus sur {name}", "{name} ({handle}) travaille comme {job} chez "
           "{company} et vit à {city}. Né(e) le {birth}. Contact : {email}, tél. {phone}."),
    "es": ("Más sobre {name}", "{name} ({handle}) trabaja como {job} en {company} y vive en "
           "{city}. Nació el {birth}. Escríbele a {email} o llama al {phone}."),
    "it": ("Chi è {name}", "{name} ({handle}) lavora come {job} presso {company} e vive a "
           "{city}. Nato/a il {birth}. Contatti: {email}, tel. {phone}."),
    "sk": ("Viac o autorovi", "{name} ({handle}) pracuje ako {job} v spoločnosti {company} a "
           "žije v meste {city}. Narodil(a) sa {birth}. Kontakt: {email}, tel. {phone}."),
}


def _recase(headline: str, case: str) -> str:
    """Fresh2 headline runs are printed as the set has them, in Title Case, or in
    sentence case."""
    if case == "title":
        return " ".join(w[:1].upper() + w[1:] for w in headline.split(" "))
    if case == "sentence":
        return headline[:1].upper() + headline[1:].lower()
    if case == "upper":  # fresh7 only
        return headline.upper()
    return headline


def spec_sheet_body(rng: random.Random, en: Any) -> Body:
    """Fresh2: a product specification: ``Key: value`` lines (a card's shape) in the body."""
    product = f"{en.word().title()} {rng.choice(['Pro', 'Max', 'Lite', 'S', 'X'])} " \
              f"{rng.randint(2, 12)}"
    specs = [("Model number", f"{en.lexify('??').upper()}-{rng.randint(1000, 9999)}"),
             ("Weight", f"{rng.uniform(0.2, 9):.1f} kg"),
             ("Dimensions", f"{rng.randint(10, 90)} x {rng.randint(10, 90)} x "
                            f"{rng.randint(2, 30)} cm"),
             ("Colour", en.color_name()),
             ("Material", rng.choice(["aluminium", "recycled plastic", "oak", "steel"])),
             ("Battery", f"{rng.randint(1000, 6000)} mAh"),
             ("Warranty", f"{rng.randint(1, 5)} years"),
             ("Release date", f"{rng.randint(2019, 2025)}-{rng.randint(1, 12):02d}-"
                              f"{rng.randint(1, 28):02d}"),
             ("Country of origin", en.country()),
             ("Manufacturer", en.company())]
    keep = sorted(rng.sample(range(len(specs)), rng.randint(6, len(specs))))
    body: Body = [("title", f"{product} – Technical Specifications"), ("para", _intro(en, rng)),
                  ("heading", "Specifications")]
    body += [("line", f"{specs[i][0]}: {specs[i][1]}") for i in keep]
    body.append(("heading", "In the box"))
    body += [("line", f"{rng.randint(1, 3)} x {en.word()} {rng.choice(['cable', 'case', 'guide'])}")
             for _ in range(rng.randint(2, 4))]
    body.append(("para", _intro(en, rng)))
    return body


def changelog_body(rng: random.Random, en: Any) -> Body:
    """Fresh2: release notes: dated version headings and short ``Fixed ...`` lines."""
    major = rng.randint(1, 9)
    body: Body = [("title", f"{en.word().title()} {major}.{rng.randint(0, 9)} Release Notes"),
                  ("para", _intro(en, rng))]
    for minor in range(rng.randint(2, 3), 0, -1):
        date = f"{rng.randint(2022, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        body.append(("heading", f"Version {major}.{minor}.{rng.randint(0, 9)} ({date})"))
        for _ in range(rng.randint(3, 6)):
            verb = rng.choice(["Fixed", "Added", "Changed", "Removed", "Improved"])
            what = en.sentence(nb_words=rng.randint(4, 9)).rstrip(".").lower()
            body.append(("line", f"{verb} {what}"))
    body.append(("para", _intro(en, rng)))
    return body


def make_tail_fresh2(locale: str, layout: str, rng: random.Random, heads: list[str],
                     news: list[str]) -> Tail:
    """A fresh2 tail: mixed news+clickbait runs, recased headlines, localized headers,
    sponsored labels and source names (sponsored layout), schema.org keys (JSON-LD
    layout), localized card keys and bios, birth dates in four formats."""
    from faker import Faker

    fake = Faker(locale)
    fake.seed_instance(rng.randint(0, 10**9))
    lorem = Faker("la")
    lorem.seed_instance(rng.randint(0, 10**9))
    lang = locale.split("_")[0]
    local = FRESH2_LOCAL.get(lang)
    t = Tail()
    parts = [p for p, prob in (("headlines", 0.85), ("card", 0.5), ("bio", 0.35),
                               ("social", 0.4)) if rng.random() < prob]
    t.parts = parts or ["headlines"]
    if "headlines" in t.parts:
        r = rng.random()
        run = "mixed" if r < 0.35 else "news" if r < 0.5 else "clickbait"
        k = rng.randint(2, 6)
        if run == "mixed":
            n_news = rng.randint(1, k - 1)
            items = rng.sample(heads, k - n_news) + rng.sample(news, n_news)
            rng.shuffle(items)
        else:
            items = rng.sample(news if run == "news" else heads, k)
        case = rng.choice(("as printed", "title", "sentence"))
        t.headlines = list(dict.fromkeys(_recase(h, case) for h in items))
        t.glued = t.headlines[0] if rng.random() < 0.7 else ""
        if run != "clickbait" or rng.random() < 0.6:  # news in a run: always a header
            t.header = rng.choice(local[0]) if local and rng.random() < 0.5 \
                else rng.choice(FRESH2_RUN_HEADERS)
        if layout == "html_sponsored_split":
            t.sources = [rng.choice(SPONSOR_SOURCES) for _ in t.headlines]
            t.extra.append((local[1] if local else "Sponsored", 1))
            t.extra += list(Counter(t.sources).items())
    name = fake.name()
    user = fake.user_name()
    email = fake.email()
    birth = rng.choice(BIRTH_FORMATS).format(y=rng.randint(1955, 2004), m=rng.randint(1, 12),
                                             d=rng.randint(1, 28))
    phone = fake.phone_number()
    address = fake.address().replace("\n", ", ")
    if "card" in t.parts:
        keys: tuple[str, ...]
        if layout == "text_jsonld_footer":
            keys = JSONLD_KEYS
            t.extra += [("@context: https://schema.org", 1), ("@type: Person", 1)]
        else:
            keys = FRESH2_CARD_KEY_WORDS.get(lang, FRESH2_CARD_KEY_WORDS["en"]) \
                if rng.random() < 0.6 else FRESH2_CARD_KEY_WORDS["en"]
            if rng.random() < 0.8:
                t.card_header = local[2] if local and rng.random() < 0.5 \
                    else rng.choice(FRESH2_CARD_HEADERS)
        values = [name, user, email, birth, address, phone, fake.company(), fake.job(),
                  lorem.paragraph(nb_sentences=2)]
        chosen = sorted([*rng.sample(range(9), rng.randint(4, 9)), 0, 2])
        t.card = [(keys[k], values[k]) for k in dict.fromkeys(chosen)]
        t.pii += [values[k] for k in dict.fromkeys(chosen) if k in (1, 2, 3, 4, 5)]
    if "bio" in t.parts:
        handle = "@" + user
        header, text = FRESH2_BIOS.get(lang, FRESH2_BIOS["en"])
        fields = {"name": name, "handle": handle, "job": fake.job(), "company": fake.company(),
                  "city": fake.city(), "birth": birth, "email": email, "phone": phone}
        t.bio_header = header.format(**fields)
        t.bio = text.format(**fields) + " " + lorem.paragraph(nb_sentences=2)
        t.pii += [email, phone, birth, handle]
    if "social" in t.parts:
        t.social_header = rng.choice(FRESH2_SOCIAL_HEADERS)
        for label, domain in rng.sample(FRESH2_PLATFORMS, rng.randint(1, 3)):
            handle = fake.user_name() + str(rng.randint(1, 999))
            values = [f"https://{domain}/{handle}", handle, str(rng.randint(100, 9000)),
                      str(rng.randint(10, 900))]
            t.socials.append((label, list(zip(FRESH2_SOCIAL_KEYS, values, strict=True))))
            t.pii += [f"{domain}/{handle}", handle]
    return t


def _text_body(body: Body, tail: Tail | None, bullet: str) -> list[str]:
    """Fresh2 text: blocks separated by blank lines, short lines as ``bullet`` items."""
    out: list[str] = []
    block: list[str] = []
    last_para = max(i for i, (k, _) in enumerate(body) if k == "para")
    for i, (kind, text) in enumerate(body):
        if kind in ("line", "code"):
            block.append(bullet + text)
            continue
        if block:
            out.append("\n".join(block))
            block.clear()
        if i == last_para and tail is not None and tail.glued:
            text += " " + tail.glued
        out.append(text)
    if block:
        out.append("\n".join(block))
    return out


def _text_social(tail: Tail, bullet: str) -> list[str]:
    out = [tail.social_header]
    for label, kv in tail.socials:
        out.append(f"{label}:\n" + "\n".join(f"{bullet}{k}: {v}" for k, v in kv))
    return out


def render_text_pipe_bullets(body: Body, tail: Tail | None) -> str:
    """Fresh2 text: the headline run once as one ``a | b | c`` line and again as ``•``
    bullets; the card as ``• Key: value`` lines."""
    out = _text_body(body, tail, "• ")
    if tail is not None:
        if tail.header:
            out.append(tail.header)
        if tail.headlines:
            out.append(" | ".join(tail.headlines))
            out.append("\n".join(f"• {h}" for h in tail.headlines))
        if tail.card:
            head = [tail.card_header] if tail.card_header else []
            out.append("\n".join(head + [f"• {k}: {v}" for k, v in tail.card]))
        if tail.bio:
            out.extend([tail.bio_header, tail.bio])
        if tail.socials:
            out.extend(_text_social(tail, "• "))
    return "\n\n".join(out) + "\n"


def render_text_jsonld_footer(body: Body, tail: Tail | None, rng: random.Random) -> str:
    """Fresh2 text: ``- `` body items; headlines as ``→`` lines and again as one
    ``a · b`` line; the card last, a JSON-LD-like footer (quoted JSON or bare
    ``key: value`` lines)."""
    out = _text_body(body, tail, "- ")
    if tail is not None:
        if tail.header:
            out.append(tail.header)
        if tail.headlines:
            out.append("\n".join(f"→ {h}" for h in tail.headlines))
            out.append(" · ".join(tail.headlines))
        if tail.bio:
            out.extend([tail.bio_header, tail.bio])
        if tail.socials:
            out.extend(_text_social(tail, "- "))
        if tail.card:
            pairs = [("@context", "https://schema.org"), ("@type", "Person"), *tail.card]
            if rng.random() < 0.5:
                inner = ",\n".join(f"  {json.dumps(k, ensure_ascii=False)}: "
                                   f"{json.dumps(v, ensure_ascii=False)}" for k, v in pairs)
                out.append("{\n" + inner + "\n}")
            else:
                out.append("\n".join(f"{k}: {v}" for k, v in pairs))
    return "\n\n".join(out) + "\n"


def render_html_fresh2(body: Body, tail: Tail | None, layout: str) -> str:
    """Fresh2 HTML. ``html_footer_table``: the tail inside ``<footer>`` after ``</main>``,
    headlines an ``<ol>`` of thumbnail (alt text) + link + excerpt, the card a
    ``<table>``. ``html_sponsored_split``: a "sponsored" widget of ``<span>`` headlines
    and source names, the card split across two blocks (bio between them)."""
    footer = layout == "html_footer_table"
    main = _html_body(body, tail, "ul" if footer else "br")
    tail_html: list[str] = []
    if tail is not None and footer:
        if tail.headlines:
            head = f"<h2>{_e(tail.header)}</h2>" if tail.header else ""
            items = "".join(
                f'<li><a href="{_slug(h)}"><img src="thumb.jpg" alt="{html.escape(h)}"></a>'
                f'<a href="{_slug(h)}">{_e(h)}</a><p>{_e(h)}</p></li>' for h in tail.headlines)
            tail_html.append(f'<section class="related">{head}<ol>{items}</ol></section>')
        if tail.card:
            cap = f"<caption>{_e(tail.card_header)}</caption>" if tail.card_header else ""
            rows = "".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in tail.card)
            tail_html.append(f'<table class="author">{cap}<tbody>{rows}</tbody></table>')
        if tail.bio:
            tail_html.append(f'<div class="bio"><h3>{_e(tail.bio_header)}</h3>'
                             f"<p>{_e(tail.bio)}</p></div>")
        if tail.socials:
            tables = "".join(f"<table><caption>{label}:</caption>" + "".join(
                f"<tr><th>{k}</th><td>{_e(v)}</td></tr>" for k, v in kv) + "</table>"
                for label, kv in tail.socials)
            tail_html.append(f"<div><h3>{_e(tail.social_header)}</h3>{tables}</div>")
    elif tail is not None:
        if tail.headlines:
            label = _e(tail.extra[0][0])
            head = f"<h3>{_e(tail.header)}</h3>" if tail.header else ""
            items = "".join(
                f'<a class="card" href="{_slug(h)}"><span class="title">{_e(h)}</span> '
                f'<span class="source">{_e(src)}</span></a>\n<a class="more" href="{_slug(h)}">'
                f"<span>{_e(h)}</span></a>\n" for h, src in zip(tail.headlines, tail.sources,
                                                             strict=True))
            tail_html.append(f'<div class="sponsored"><span class="label">{label}</span>{head}'
                             f"{items}</div>")
        cut = len(tail.card) // 2 + 1 if len(tail.card) >= 3 else len(tail.card)
        if tail.card:
            head = f"<h4>{_e(tail.card_header)}</h4>" if tail.card_header else ""
            tail_html.append(f'<div class="author-meta">{head}' + "".join(
                f"<p><b>{_e(k)}</b>: {_e(v)}</p>" for k, v in tail.card[:cut]) + "</div>")
        if tail.bio:
            tail_html.append(f"<div><h4>{_e(tail.bio_header)}</h4><p>{_e(tail.bio)}</p></div>")
        if tail.card[cut:]:
            tail_html.append('<div class="author-contact"><ul>' + "".join(
                f"<li>{_e(k)} — {_e(v)}</li>" for k, v in tail.card[cut:]) + "</ul></div>")
        if tail.socials:
            tail_html.append(f'<div class="follow"><h4>{_e(tail.social_header)}</h4>' + "".join(
                f"<p><span>{label}:</span></p><p>" + "<br>".join(
                    f"{k}: {_e(v)}" for k, v in kv) + "</p>" for label, kv in tail.socials)
                + "</div>")
    title = next(t for k, t in body if k == "title")
    head = f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{_e(title)}</title></head>'
    nav = '<nav><a href="/">Start</a> <a href="/shop">Shop</a> <a href="/help">Help</a></nav>'
    if footer:
        return (f"{head}<body><header>{nav}</header><main><article>{''.join(main)}</article>"
                f"</main><footer>{''.join(tail_html)}<p>© 2026 · Impressum · Datenschutz</p>"
                "</footer></body></html>\n")
    return (f'{head}<body><div id="wrapper"><header>{nav}</header><div id="main">'
            f'<div class="entry-content">{"".join(main)}</div>{"".join(tail_html)}</div>'
            "<footer><p>Kontakt</p></footer></div></body></html>\n")


def render_fresh2(body: Body, tail: Tail | None, layout: str,
                  rng: random.Random) -> tuple[str, str]:
    if layout == "text_pipe_bullets":
        return render_text_pipe_bullets(body, tail), "text"
    if layout == "text_jsonld_footer":
        return render_text_jsonld_footer(body, tail, rng), "text"
    return render_html_fresh2(body, tail, layout), "html"


def generate_fresh2(n: int, seed: int) -> Iterator[tuple[Sample, str, str]]:
    """``n`` samples of the fresh2 split: every held-out clickbait and news headline
    (as the fresh half), WCXB product/collection/listing bodies, its own seed."""
    from faker import Faker

    half = "fresh2"
    rng = random.Random(f"{seed}-{half}")
    heads = clickbait_headlines(1)
    rng.shuffle(heads)
    news = clickbait_headlines(1, "non_clickbait_data.gz")
    rng.shuffle(news)
    real = list(wcxb_bodies(WCXB_SHOP_TYPES))
    rng.shuffle(real)
    en = Faker("en_US")
    en.seed_instance(seed)
    kinds, layouts = BODIES[half], LAYOUTS[half]
    for k in range(n):
        kind = kinds[k % len(kinds)]
        layout = layouts[(k // len(kinds)) % len(layouts)]
        locale = rng.choice(LOCALES[half])
        if kind == "wcxb_shop":
            body = real[k % len(real)]
        elif kind == "spec_sheet":
            body = spec_sheet_body(rng, en)
        elif kind == "changelog":
            body = changelog_body(rng, en)
        else:
            body = nonlatin_body(kind, rng)
        tail = make_tail_fresh2(locale, layout, rng, heads, news)
        page, fmt = render_fresh2(body, tail, layout, random.Random(rng.random()))
        twin, _ = render_fresh2(body, None, layout, random.Random(0))
        lines, counts = spam_lines(tail)
        yield Sample(f"{half}-{k:04d}", half, kind, layout, locale, fmt, page, twin, lines,
                     counts, [p for p in tail.pii if p], tail.parts), page, twin


# -- the dev2 split ----------------------------------------------------------------------
# A development split for the plain-text layouts (2026-12-03, issue 12, after fresh2's
# held-out figure showed its text layouts leaving most tails): its own seed (51203),
# the develop half's locales, four text layouts of other separators and footer syntaxes
# than fresh2's, and bodies of short lines. Rules are developed on it (training figures).

#: English run headers of dev2 (no string of fresh2)
DEV2_RUN_HEADERS = ("Further Reading", "Before You Go", "Also On This Site", "Readers Also Liked",
                    "From Around The Network", "Hot Topics", "Recommended Stories")
DEV2_CARD_HEADERS = ("Written By", "Contributor Details", "The Writer", "Byline")
DEV2_SOCIAL_HEADERS = ("Follow the author", "Social profiles", "Online", "Connect")
#: per language: (run headers, card header, bio header with ``{name}``), in the
#: generator's own words (develop-half languages only)
DEV2_LOCAL: dict[str, tuple[tuple[str, str], str, str]] = {
    "en": (("Don't Miss These", "More To Explore"), "Who wrote this", "A few words about {name}"),
    "de": (("Auch interessant", "Weitere Beiträge"), "Zur Person", "Wer ist {name}?"),
    "fr": (("À découvrir aussi", "Nos autres articles"), "L'auteur de cet article",
           "Qui est {name} ?"),
    "es": (("Más noticias", "Otras historias"), "Datos del autor", "Quién es {name}"),
    "it": (("Potrebbe interessarti", "Altre notizie"), "Scheda autore", "Chi è {name}"),
    "nl": (("Ook interessant", "Meer verhalen"), "Over de schrijver", "Wie is {name}?"),
    "ru": (("Вам может понравиться", "Ещё по теме"), "Об авторе статьи", "Кто такой {name}"),
    "da": (("Læs også", "Flere historier"), "Om skribenten", "Hvem er {name}?"),
}
#: dev2 card keys (name, username, e-mail, birth date, address, phone, company, job, bio),
#: variants of the generator's own (short labels, as footers print them)
DEV2_CARD_KEY_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("Author", "User", "Mail", "Born", "Lives at", "Tel", "Works at", "Role", "Short bio"),
    "de": ("Autor", "Nutzer", "Mail", "Geb.", "Anschrift", "Tel.", "Arbeitet bei", "Rolle",
           "Kurzbio"),
    "fr": ("Auteur", "Pseudo", "Mél", "Naissance", "Adresse postale", "Tél", "Société", "Poste",
           "En bref"),
    "es": ("Autor", "Alias", "Correo-e", "Nacimiento", "Calle", "Tel", "Compañía", "Cargo",
           "En breve"),
    "it": ("Autore", "Utente", "Mail", "Nascita", "Residenza", "Tel", "Società", "Ruolo",
           "In breve"),
    "nl": ("Auteur", "Gebruiker", "Mail", "Geboren", "Woonadres", "Tel", "Werkgever", "Functie",
           "Kort"),
    "ru": ("Автор", "Ник", "Почта", "Родился", "Адрес проживания", "Тел.", "Работает в",
           "Должность", "О себе"),
    "da": ("Forfatter", "Bruger", "Mail", "Født", "Bopæl", "Tlf", "Arbejdsgiver", "Stilling",
           "Kort bio"),
}
#: social platforms of dev2 and the keys of each profile's lines
DEV2_PLATFORMS = ("twitter", "instagram", "bluesky", "youtube", "reddit", "github")
DEV2_PLATFORM_DOMAINS = {"twitter": "twitter.com", "instagram": "instagram.com",
                         "bluesky": "bsky.app/profile", "youtube": "youtube.com",
                         "reddit": "reddit.com/user", "github": "github.com"}
DEV2_SOCIAL_KEYS = ("page", "account", "subscribers", "likes")
#: birth-date formats of dev2 cards and bios (of a date drawn against the fixed day)
DEV2_BIRTH_FORMATS = ("{y:04d}-{m:02d}-{d:02d}", "{d:02d}/{m:02d}/{y:04d}", "{d}.{m}.{y:04d}")
#: prose bios (``{name}`` etc. filled in); other languages use English
DEV2_BIOS = {
    "en": "{name} covers {topic} as a {job} for {company} from {city}. Date of birth {birth}; "
          "mail {email}, phone {phone}, and on every network as {handle}.",
    "de": "{name} schreibt als {job} für {company} aus {city}. Geboren {birth}; Mail {email}, "
          "Telefon {phone}, überall als {handle} zu finden.",
    "fr": "{name} écrit comme {job} pour {company} depuis {city}. Naissance le {birth} ; "
          "courriel {email}, téléphone {phone}, partout sous {handle}.",
    "es": "{name} escribe como {job} para {company} desde {city}. Nacimiento {birth}; correo "
          "{email}, teléfono {phone}, en todas las redes como {handle}.",
}
#: lyric and setlist words (a song's lines are short and unterminated, like headlines)
_LYRIC_WORDS = ("night", "river", "heart", "light", "road", "rain", "fire", "home", "sky",
                "dance", "window", "summer", "shadow", "train", "morning", "city", "stars")


def lyrics_body(rng: random.Random, en: Any) -> Body:
    """Dev2: a song page: stanzas of short unterminated lines (some in Title Case), a
    setlist of numbered song titles, a closing paragraph."""
    title = f"{en.word().title()} {rng.choice(['Lyrics', 'Song Lyrics', '(Live) Lyrics'])}"
    body: Body = [("title", title), ("para", _intro(en, rng))]
    for _ in range(rng.randint(2, 3)):
        for _ in range(4):
            words_ = [rng.choice(_LYRIC_WORDS) for _ in range(rng.randint(2, 4))]
            line = f"{en.word()} the {' and the '.join(words_)}"
            body.append(("line", line.title() if rng.random() < 0.4 else line.capitalize()))
        body.append(("para", _intro(en, rng)))
    body.append(("heading", "Setlist"))
    for k in range(rng.randint(5, 9)):
        body.append(("line", f"{k + 1}) {en.catch_phrase()}"))
    body.append(("para", _intro(en, rng)))
    return body


def hardware_specs_body(rng: random.Random, en: Any) -> Body:
    """Dev2: a hardware review's spec list: ``Key: value`` and ``Key - value`` lines
    with other keys than fresh2's spec sheets, then a verdict."""
    product = f"{en.word().title()}Book {rng.randint(13, 17)}"
    specs = [("CPU", f"{rng.randint(4, 16)}-core {rng.choice(['ARM', 'x86'])} @ "
                     f"{rng.uniform(2, 5):.1f} GHz"),
             ("RAM", f"{rng.choice([8, 16, 32, 64])} GB"),
             ("Storage", f"{rng.choice([256, 512, 1024])} GB SSD"),
             ("Display", f"{rng.randint(13, 17)} inch, {rng.choice([60, 90, 120])} Hz"),
             ("Ports", f"{rng.randint(1, 4)} x USB-C, HDMI"),
             ("OS", rng.choice(["Linux", "Windows", "ChromeOS"])),
             ("Price", f"{rng.randint(500, 2500)} EUR"),
             ("Verdict", f"{rng.randint(5, 10)}/10"),
             ("Tested by", "our lab team")]
    keep = sorted(rng.sample(range(len(specs)), rng.randint(5, len(specs))))
    sep = rng.choice([": ", " - "])
    body: Body = [("title", f"{product} Review"), ("para", _intro(en, rng)),
                  ("heading", "Spec list")]
    body += [("line", f"{specs[i][0]}{sep}{specs[i][1]}") for i in keep]
    body.append(("para", _intro(en, rng)))
    body.append(("heading", "What we liked"))
    body += [("line", en.sentence(nb_words=rng.randint(3, 6)).rstrip("."))
             for _ in range(rng.randint(3, 5))]
    body.append(("para", _intro(en, rng)))
    return body


def address_directory_body(rng: random.Random, fake: Any, en: Any) -> Body:
    """Dev2: a directory of places (addresses are the content): per place a name line,
    a street line, opening hours, sometimes a phone line."""
    body: Body = [("title", f"The Best {rng.choice(['Bakeries', 'Bookshops', 'Cafés'])} in "
                            f"{fake.city()}"), ("para", _intro(en, rng))]
    for _ in range(rng.randint(4, 7)):
        body.append(("heading", f"{fake.last_name()} {rng.choice(['Bakery', 'Books', 'Café'])}"))
        body.append(("line", fake.street_address()))
        body.append(("line", f"Open {rng.choice(['Mon-Fri', 'Tue-Sun', 'daily'])} "
                             f"{rng.randint(6, 10)}-{rng.randint(16, 22)}"))
        if rng.random() < 0.5:
            body.append(("line", fake.phone_number()))
    body.append(("para", _intro(en, rng)))
    return body


_YEAR_IN_NAME = re.compile(r"(?:19|20)\d\d")


def _dev2_user_name(fake: Any) -> str:
    """A user name of the locale, not read from the clock: some Faker locales (ru_RU) put
    a random year up to *this* year into user names, so the pages moved with the date;
    the year is replaced by one drawn from the name itself (the draws Faker made stay the
    same, so every other value on the page does too)."""
    user = str(fake.user_name())
    year = 1960 + zlib.crc32(_YEAR_IN_NAME.sub("", user).encode("utf-8")) % 45
    return _YEAR_IN_NAME.sub(str(year), user)


def make_tail_dev2(locale: str, layout: str, rng: random.Random, heads: list[str],
                   news: list[str]) -> Tail:
    """A dev2 tail: clickbait runs (a third mixed with news), recased, under a header
    half the time localized; cards with the locale's short keys or English; a prose bio;
    social profiles; birth dates against the fixed day in three formats."""
    from faker import Faker

    fake = Faker(locale)
    fake.seed_instance(rng.randint(0, 10**9))
    lorem = Faker("la")
    lorem.seed_instance(rng.randint(0, 10**9))
    lang = locale.split("_")[0]
    local = DEV2_LOCAL.get(lang, DEV2_LOCAL["en"])
    t = Tail()
    parts = [p for p, prob in (("headlines", 0.85), ("card", 0.5), ("bio", 0.35),
                               ("social", 0.45)) if rng.random() < prob]
    t.parts = parts or ["headlines"]
    if "headlines" in t.parts:
        k = rng.randint(2, 6)
        if rng.random() < 0.33:
            n_news = rng.randint(1, k - 1)
            items = rng.sample(heads, k - n_news) + rng.sample(news, n_news)
            rng.shuffle(items)
        else:
            items = rng.sample(heads, k)
        case = rng.choice(("as printed", "title", "sentence"))
        t.headlines = list(dict.fromkeys(_recase(h, case) for h in items))
        t.glued = t.headlines[0] if rng.random() < 0.6 else ""
        if layout == "text_chevron_dash" or rng.random() < 0.6:
            t.header = rng.choice(local[0]) if rng.random() < 0.5 \
                else rng.choice(DEV2_RUN_HEADERS)
    name = fake.name()
    user = _dev2_user_name(fake)
    email = fake.email()
    born = date_of_birth(fake, 20, 70)
    birth = rng.choice(DEV2_BIRTH_FORMATS).format(y=born.year, m=born.month, d=born.day)
    phone = fake.phone_number()
    address = fake.address().replace("\n", ", ")
    if "card" in t.parts:
        keys = DEV2_CARD_KEY_WORDS.get(lang, DEV2_CARD_KEY_WORDS["en"]) \
            if rng.random() < 0.6 else DEV2_CARD_KEY_WORDS["en"]
        if rng.random() < 0.7:
            t.card_header = local[1] if rng.random() < 0.5 else rng.choice(DEV2_CARD_HEADERS)
        values = [name, user, email, birth, address, phone, fake.company(), fake.job(),
                  lorem.paragraph(nb_sentences=2)]
        chosen = sorted([*rng.sample(range(9), rng.randint(3, 8)), 0, 2])
        t.card = [(keys[k], values[k]) for k in dict.fromkeys(chosen)]
        t.pii += [values[k] for k in dict.fromkeys(chosen) if k in (1, 2, 3, 4, 5)]
    if "bio" in t.parts:
        handle = "@" + user
        fields = {"name": name, "handle": handle, "job": fake.job().lower(),
                  "company": fake.company(), "city": fake.city(), "birth": birth,
                  "email": email, "phone": phone, "topic": en_topic(rng)}
        t.bio_header = local[2].format(name=name)
        t.bio = DEV2_BIOS.get(lang, DEV2_BIOS["en"]).format(**fields) + " " + \
            lorem.paragraph(nb_sentences=2)
        t.pii += [email, phone, birth, handle]
    if "social" in t.parts:
        t.social_header = rng.choice(DEV2_SOCIAL_HEADERS)
        for platform in rng.sample(DEV2_PLATFORMS, rng.randint(1, 3)):
            handle = _dev2_user_name(fake) + str(rng.randint(1, 999))
            domain = DEV2_PLATFORM_DOMAINS[platform]
            values = [f"https://{domain}/{handle}", handle, str(rng.randint(100, 90000)),
                      str(rng.randint(10, 9000))]
            t.socials.append((platform, list(zip(DEV2_SOCIAL_KEYS, values, strict=True))))
            t.pii += [f"{domain}/{handle}", handle]
    return t


def en_topic(rng: random.Random) -> str:
    return rng.choice(("local politics", "food", "technology", "travel", "football", "music"))


def _dev2_body(body: Body, tail: Tail | None, bullet: str) -> list[str]:
    """Dev2 text: blocks separated by blank lines, each run of short lines one block
    (``bullet`` items); the glued headline on the last paragraph."""
    return _text_body(body, tail, bullet)


def render_dev2(body: Body, tail: Tail | None, layout: str) -> str:
    """Dev2 text layouts.

    * ``text_slash_ini``: the run as one ``a / b / c`` line and again as one
      ``a — b — c`` line; the card as ``key = value`` lines, socials as INI sections
      (``[twitter]`` then ``page = ...``).
    * ``text_chevron_dash``: the run as ``>> a`` lines and again inline after its header
      (``Header: a; b; c``); card and socials as ``key - value`` lines.
    * ``text_numbered_json``: the run as ``1) a`` lines and again as ``* a`` lines; card
      and socials as quoted ``"key": "value",`` lines inside braces.
    * ``text_star_yaml``: the run as ``* a`` lines and again glued into one line with two
      spaces between headlines; card and socials YAML-ish (``author:`` then indented
      ``key: value``; ``- platform:`` items).
    """
    bullet = {"text_slash_ini": "- ", "text_chevron_dash": "* ", "text_numbered_json": "- ",
              "text_star_yaml": ""}[layout]
    out = _dev2_body(body, tail, bullet)
    if tail is None:
        return "\n\n".join(out) + "\n"
    heads = tail.headlines
    card = tail.card
    if layout == "text_slash_ini":
        if tail.header:
            out.append(tail.header)
        if heads:
            out += [" / ".join(heads), " — ".join(heads)]
        if card:
            head = [tail.card_header] if tail.card_header else []
            out.append("\n".join(head + [f"{k} = {v}" for k, v in card]))
    elif layout == "text_chevron_dash":
        if heads:
            out.append("\n".join(f">> {h}" for h in heads))
            out.append(f"{tail.header}: " + "; ".join(heads))
        if card:
            head = [tail.card_header] if tail.card_header else []
            out.append("\n".join(head + [f"{k} - {v}" for k, v in card]))
    elif layout == "text_numbered_json":
        if tail.header:
            out.append(tail.header)
        if heads:
            out.append("\n".join(f"{k + 1}) {h}" for k, h in enumerate(heads)))
            out.append("\n".join(f"* {h}" for h in heads))
        if card:
            head = [tail.card_header] if tail.card_header else []
            inner = ",\n".join(f"  {json.dumps(k, ensure_ascii=False)}: "
                               f"{json.dumps(v, ensure_ascii=False)}" for k, v in card)
            out.append("\n".join([*head, "{", inner, "}"]))
    else:
        if tail.header:
            out.append(tail.header)
        if heads:
            out.append("\n".join(f"* {h}" for h in heads))
            out.append("  ".join(heads))
        if card:
            head = [tail.card_header] if tail.card_header else []
            out.append("\n".join(head + ["author:"] + [f"  {k}: {v}" for k, v in card]))
    if tail.bio:
        out += [tail.bio_header, tail.bio]
    if tail.socials:
        out.append(tail.social_header)
        for platform, kv in tail.socials:
            if layout == "text_slash_ini":
                out.append(f"[{platform}]\n" + "\n".join(f"{k} = {v}" for k, v in kv))
            elif layout == "text_chevron_dash":
                out.append(f"{platform.title()}:\n" + "\n".join(f"{k} - {v}" for k, v in kv))
            elif layout == "text_numbered_json":
                inner = ",\n".join(f'    "{k}": {json.dumps(v, ensure_ascii=False)}'
                                   for k, v in kv)
                out.append(f'"{platform}": {{\n{inner}\n}}')
            else:
                out.append(f"- {platform}:\n" + "\n".join(f"    {k}: {v}" for k, v in kv))
    return "\n\n".join(out) + "\n"


def dev2_extra(tail: Tail, layout: str) -> None:
    """The dev2 tail lines not in the Tail's own fields (the YAML ``author:`` key)."""
    if layout == "text_star_yaml" and tail.card:
        tail.extra.append(("author:", 1))


def generate_dev2(n: int, seed: int) -> Iterator[tuple[Sample, str, str]]:
    """``n`` samples of the dev2 split: the develop half's clickbait pool and the first
    half of the held-out news headlines, article-benchmark bodies and short-line ones."""
    from faker import Faker

    half = "dev2"
    rng = random.Random(f"{seed}-{half}")
    heads = clickbait_headlines(1)
    heads = heads[: len(heads) // 2]  # the develop half's pool
    rng.shuffle(heads)
    news = clickbait_headlines(1, "non_clickbait_data.gz")
    news = news[: len(news) // 2]
    rng.shuffle(news)
    real = list(article_bodies())
    rng.shuffle(real)
    en = Faker("en_US")
    en.seed_instance(seed)
    kinds, layouts = BODIES[half], LAYOUTS[half]
    for k in range(n):
        kind = kinds[k % len(kinds)]
        layout = layouts[(k // len(kinds)) % len(layouts)]
        locale = rng.choice(LOCALES[half])
        if kind == "article_bench":
            body = real[k % len(real)]
        elif kind == "lyrics":
            body = lyrics_body(rng, en)
        elif kind == "hardware_specs":
            body = hardware_specs_body(rng, en)
        else:
            fake = Faker(locale)
            fake.seed_instance(rng.randint(0, 10**9))
            body = address_directory_body(rng, fake, en)
        tail = make_tail_dev2(locale, layout, rng, heads, news)
        dev2_extra(tail, layout)
        page = render_dev2(body, tail, layout)
        twin = render_dev2(body, None, layout)
        lines, counts = spam_lines(tail)
        yield Sample(f"{half}-{k:04d}", half, kind, layout, locale, "text", page, twin, lines,
                     counts, [p for p in tail.pii if p], tail.parts), page, twin


# -- the fresh3 split --------------------------------------------------------------------
# A sixth split, decided and committed before it was first run through the cleaner
# (2026-12-03, issue 12, after fresh2 had been looked at): seed 71203; 16 Faker locales
# no other half uses for personal data or body text; card keys, run/card/social headers
# and bios of its own (sharing no string with another split, tested); bodies from a
# source no other half draws (dolma's Common Crawl text, prose paragraphs only) and kinds
# no other half has (interview transcripts of ``Speaker: ...`` turns, league tables as
# text, Devanagari/Tamil/Sinhala/Gujarati prose); four layouts unlike every other
# renderer. Scored by name only (``--half fresh3``).

DOLMA = SHARED / "dolma-samples" / "tests" / "data"

#: English run headers of fresh3 (no string of another split)
FRESH3_RUN_HEADERS = ("More For You", "Suggested Reads", "Catch Up On", "Our Picks",
                      "Across The Web", "Worth A Click", "Don't Leave Yet")
FRESH3_CARD_HEADERS = ("About This Contributor", "Meet The Writer", "Reporter Details",
                       "Author Card")
FRESH3_SOCIAL_HEADERS = ("Find the author online", "Profiles", "Follow this writer",
                         "Networks")
#: per language: (run headers, card header, social header), in the generator's own words
FRESH3_LOCAL: dict[str, tuple[tuple[str, str], str, str]] = {
    "is": (("Tengdar fréttir", "Mest lesið"), "Um höfundinn", "Fylgdu mér"),
    "ga": (("Scéalta gaolmhara", "Is mó a léitear"), "Faoin údar", "Lean mé"),
    "uz": (("O'xshash maqolalar", "Eng ko'p o'qilgan"), "Muallif haqida", "Meni kuzating"),
    "sw": (("Habari zinazohusiana", "Zilizosomwa zaidi"), "Kuhusu mwandishi", "Nifuate"),
    "zu": (("Izindaba ezihlobene", "Ezifundwa kakhulu"), "Mayelana nombhali", "Ngilandele"),
    "yo": (("Àwọn ìròyìn tó jọ mọ́", "Èyí tí a kà jù"), "Nípa òǹkọ̀wé", "Tẹ̀lé mi"),
    "es": (("Te recomendamos", "Lo más visto"), "Quién escribe", "Sígueme en redes"),
    "ca": (("Notícies relacionades", "El més llegit"), "Sobre l'autor", "Segueix-me"),
    "fr": (("À découvrir", "Les plus consultés"), "L'auteur en bref", "Suivez-moi"),
    "de": (("Passend dazu", "Am häufigsten gelesen"), "Zur Autorin / zum Autor",
           "Folgen Sie mir"),
    "en": (("You Might Enjoy", "Popular Right Now"), "The Reporter", "Where I post"),
    "ar": (("مقالات ذات صلة", "الأكثر قراءة"), "عن الكاتب", "تابعني"),
}
#: the language of each fresh3 locale's card keys, headers and bios
FRESH3_LANG = {"is_IS": "is", "ga_IE": "ga", "uz_UZ": "uz", "sw": "sw", "zu_ZA": "zu",
               "yo_NG": "yo", "es_CL": "es", "es_CA": "ca", "fr_BE": "fr", "de_LU": "de",
               "de_LI": "de", "en_CA": "en", "en_KE": "en", "ar_SA": "ar", "ar_DZ": "ar",
               "ar_PS": "ar"}
#: fresh3 card keys (name, username, e-mail, birth date, address, phone, company, job,
#: bio) in the generator's own words; the de/fr/es/en ones are variants no other split has
FRESH3_CARD_KEY_WORDS: dict[str, tuple[str, ...]] = {
    "is": ("Fullt nafn", "Notandanafn", "Netfang", "Fæðingardagur", "Heimilisfang", "Sími",
           "Vinnustaður", "Starfsheiti", "Um mig"),
    "ga": ("Ainm iomlán", "Ainm úsáideora", "Ríomhphost", "Dáta breithe", "Seoladh", "Fón",
           "Comhlacht", "Slí bheatha", "Fúm féin"),
    "uz": ("To'liq ism", "Foydalanuvchi nomi", "Elektron pochta", "Tug'ilgan sana", "Manzil",
           "Telefon raqami", "Ish joyi", "Kasbi", "O'zim haqimda"),
    "sw": ("Jina kamili", "Jina la mtumiaji", "Barua pepe", "Tarehe ya kuzaliwa", "Anwani",
           "Simu", "Kampuni", "Kazi", "Kuhusu mimi"),
    "zu": ("Igama eliphelele", "Igama lomsebenzisi", "I-imeyili", "Usuku lokuzalwa",
           "Ikheli", "Ucingo", "Inkampani", "Umsebenzi", "Mayelana nami"),
    "yo": ("Orúkọ kíkún", "Orúkọ olùmúlò", "Ímeèlì", "Ọjọ́ ìbí", "Àdírẹ́sì", "Fóònù",
           "Ilé-iṣẹ́", "Iṣẹ́", "Nípa mi"),
    "es": ("Nombre y apellido", "Usuario/a", "Mail de contacto", "Fecha nac.",
           "Dirección particular", "Fono", "Lugar de trabajo", "Cargo actual", "Reseña"),
    "ca": ("Nom i cognoms", "Nom d'usuari", "Correu electrònic", "Data de naixement",
           "Adreça", "Telèfon", "Lloc de treball", "Ofici", "Qui sóc"),
    "fr": ("Prénom et nom", "Pseudonyme", "Adresse électronique", "Date de naiss.",
           "Adresse de contact", "GSM", "Lieu de travail", "Fonction", "Présentation"),
    "de": ("Vor- und Nachname", "Benutzer-ID", "Mailadresse", "Geburtstag", "Postanschrift",
           "Handynummer", "Unternehmen", "Funktion", "Steckbrief"),
    "en": ("Writer's name", "Screen name", "Contact email", "Born on", "Mailing address",
           "Cell", "Organization", "Position", "Profile summary"),
    "ar": ("الاسم الكامل", "اسم المستخدم", "البريد الإلكتروني", "تاريخ الميلاد", "العنوان",
           "رقم الهاتف", "الشركة", "المهنة", "نبذة"),
}
#: prose bios (header, text) in a few of the languages; others use English
FRESH3_BIOS = {
    "en": ("A note on {name}", "{name} writes for {company} as a {job} and is based in "
           "{city}. Birthday: {birth}. Pitches and tips go to {email}; by phone {phone}; "
           "online as {handle}."),
    "fr": ("Quelques mots sur {name}", "{name} signe ses articles pour {company} ({job}) et "
           "habite {city}. Date de naissance : {birth}. Écrire à {email}, joindre au "
           "{phone}, suivre {handle}."),
    "de": ("Kurz vorgestellt: {name}", "{name} ist {job} bei {company} und wohnt in {city}. "
           "Geburtstag am {birth}. Erreichbar unter {email} oder {phone}, online {handle}."),
    "es": ("Conoce a {name}", "{name} es {job} en {company} y vive en {city}. Cumpleaños: "
           "{birth}. Contacto: {email} o al {phone}; en redes, {handle}."),
    "sw": ("Kuhusu {name}", "{name} ni {job} katika {company} na anaishi {city}. Alizaliwa "
           "{birth}. Mwandikie {email} au piga simu {phone}; mtandaoni {handle}."),
    "ca": ("Coneix {name}", "{name} treballa com a {job} a {company} i viu a {city}. Va "
           "néixer el {birth}. Correu {email}, telèfon {phone}, a la xarxa {handle}."),
}
#: social platforms of fresh3 (none another split uses): (label, profile URL prefix)
FRESH3_PLATFORMS = (("Snapchat", "snapchat.com/add"), ("Tumblr", "tumblr.com/blog"),
                    ("Flickr", "flickr.com/people"), ("SoundCloud", "soundcloud.com"),
                    ("Behance", "behance.net"), ("Medium", "medium.com"))
FRESH3_SOCIAL_KEYS = ("link", "nick", "audience", "uploads")
#: birth-date formats of fresh3 cards and bios (a date drawn against the fixed day)
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
FRESH3_BIRTH_FORMATS = ("{y:04d}/{m:02d}/{d:02d}", "{d:02d}-{m:02d}-{y:04d}",
                        "{month} {d}, {y:04d}")
#: Faker locales whose names, cities and streets make the fresh3 non-Latin bodies (scripts
#: no other half's body uses: Devanagari, Tamil, Sinhala, Gujarati)
FRESH3_SCRIPT_LOCALES = ("hi_IN", "ta_IN", "si_LK", "gu_IN")
NONLATIN_LOCALES["nonlatin_hi_ta_si_gu"] = list(FRESH3_SCRIPT_LOCALES)
#: the sentence mark each of those scripts' prose ends with
_SCRIPT_STOP = {"hi_IN": "।", "ta_IN": ".", "si_LK": ".", "gu_IN": "."}
_ASCII_LETTER = re.compile(r"[A-Za-z]")


def dolma_bodies() -> Iterator[Body]:
    """Fresh3: Common Crawl documents from dolma's samples, prose paragraphs only (>= 25
    words ending in a sentence mark): the crawl's own lists and menus are left out, so
    the body holds no tail of its own."""
    for path in sorted(DOLMA.glob("*/*.json*.gz")) + sorted(DOLMA.glob("*/*/*.json*.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                d = json.loads(line)
                paras = [p.strip() for p in (d.get("text") or "").split("\n")]
                prose = [p for p in paras if len(p.split()) >= 25 and p[-1:] in ".!?"]
                if len(prose) < 3 or sum(len(p.split()) for p in prose) < 150:
                    continue
                title = re.split(r"(?<=[.!?])\s", prose[0])[0][:70].rstrip(".!?")
                yield [("title", title)] + [("para", p) for p in prose[:10]]


def interview_body(rng: random.Random, en: Any) -> Body:
    """Fresh3: an interview transcript: ``Speaker: ...`` turns (a key/value shape whose
    keys are people), questions and answers, a closing paragraph."""
    guest = en.last_name()
    host = rng.choice(["Host", "Interviewer", en.first_name()])
    body: Body = [("title", f"In Conversation With {en.first_name()} {guest}"),
                  ("para", _intro(en, rng))]
    for _ in range(rng.randint(4, 7)):
        q = en.sentence(nb_words=rng.randint(6, 11)).rstrip(".") + "?"
        body.append(("para", f"{host}: {q}"))
        a = " ".join(en.sentence(nb_words=rng.randint(7, 15)) for _ in range(rng.randint(1, 3)))
        body.append(("para", f"{guest}: {a}"))
    body.append(("para", _intro(en, rng)))
    return body


def league_table_body(rng: random.Random, en: Any) -> Body:
    """Fresh3: a sports report with its league table as rows of cells (a header row,
    then position, team, played, won, drawn, lost, points)."""
    league = f"{en.city()} {rng.choice(['Premier', 'First', 'Regional'])} League"
    body: Body = [("title", f"{league}: Matchday {rng.randint(3, 30)} Round-Up"),
                  ("para", _intro(en, rng)), ("para", _intro(en, rng)),
                  ("heading", "Standings"), ("row", "Pos\tTeam\tP\tW\tD\tL\tPts")]
    teams = rng.randint(6, 10)
    played = rng.randint(8, 20)
    rows = []
    for _ in range(teams):
        w = rng.randint(0, played)
        d = rng.randint(0, played - w)
        rows.append((f"{en.city()} {rng.choice(['FC', 'United', 'Rovers', 'Athletic'])}",
                     w, d, played - w - d, 3 * w + d))
    rows.sort(key=lambda r: -r[4])
    for pos, (team, w, d, lost, pts) in enumerate(rows, 1):
        body.append(("row", f"{pos}\t{team}\t{played}\t{w}\t{d}\t{lost}\t{pts}"))
    body.append(("para", _intro(en, rng)))
    return body


def script_body(rng: random.Random) -> Body:
    """Fresh3: prose in a script no other half's body uses, its words drawn from the
    locale's names, cities and streets (Faker has no lorem for these locales), sentences
    ended by the script's mark."""
    from faker import Faker

    locale = rng.choice(FRESH3_SCRIPT_LOCALES)
    fk = Faker(locale)
    fk.seed_instance(rng.randint(0, 10**9))
    words: list[str] = []
    while len(words) < 200:
        text = f"{fk.name()} {fk.city()} {fk.address()}"
        words += [w for w in re.split(r"[\s,/\-]+", text)
                  if w and not _ASCII_LETTER.search(w) and not w.isdigit()]
    stop = _SCRIPT_STOP[locale]

    def sentence(lo: int, hi: int) -> str:
        return " ".join(rng.choice(words) for _ in range(rng.randint(lo, hi)))

    body: Body = [("title", sentence(3, 6))]
    for k in range(rng.randint(4, 6)):
        if k and rng.random() < 0.3:
            body.append(("heading", sentence(2, 4)))
        body.append(("para", " ".join(sentence(6, 12) + stop for _ in range(rng.randint(3, 6)))))
    return body


def _fresh3_user_name(fake: Any) -> str:
    """A user name not read from the clock (as ``_dev2_user_name``)."""
    return _dev2_user_name(fake)


def make_tail_fresh3(locale: str, rng: random.Random, heads: list[str],
                     news: list[str]) -> Tail:
    """A fresh3 tail: clickbait, mixed or news runs (recased; news always under a
    header, localized half the time), cards with the locale's keys or English ones, a
    prose bio, social profiles, birth dates against the fixed day in three formats."""
    from faker import Faker

    fake = Faker(locale)
    fake.seed_instance(rng.randint(0, 10**9))
    lorem = Faker("la")
    lorem.seed_instance(rng.randint(0, 10**9))
    lang = FRESH3_LANG[locale]
    local = FRESH3_LOCAL[lang]
    t = Tail()
    parts = [p for p, prob in (("headlines", 0.85), ("card", 0.5), ("bio", 0.35),
                               ("social", 0.4)) if rng.random() < prob]
    t.parts = parts or ["headlines"]
    if "headlines" in t.parts:
        r = rng.random()
        run = "mixed" if r < 0.3 else "news" if r < 0.5 else "clickbait"
        k = rng.randint(2, 6)
        if run == "mixed":
            n_news = rng.randint(1, k - 1)
            items = rng.sample(heads, k - n_news) + rng.sample(news, n_news)
            rng.shuffle(items)
        else:
            items = rng.sample(news if run == "news" else heads, k)
        case = rng.choice(("as printed", "title", "sentence"))
        t.headlines = list(dict.fromkeys(_recase(h, case) for h in items))
        t.glued = t.headlines[0] if rng.random() < 0.7 else ""
        if run != "clickbait" or rng.random() < 0.6:
            t.header = rng.choice(local[0]) if rng.random() < 0.5 \
                else rng.choice(FRESH3_RUN_HEADERS)
    name = fake.name()
    user = _fresh3_user_name(fake)
    email = fake.email()
    born = date_of_birth(fake, 20, 70)
    birth = rng.choice(FRESH3_BIRTH_FORMATS).format(y=born.year, m=born.month, d=born.day,
                                                    month=_MONTHS[born.month - 1])
    phone = fake.phone_number()
    address = fake.address().replace("\n", ", ")
    if "card" in t.parts:
        keys = FRESH3_CARD_KEY_WORDS[lang] if rng.random() < 0.6 else FRESH3_CARD_KEY_WORDS["en"]
        if rng.random() < 0.75:
            t.card_header = local[1] if rng.random() < 0.5 else rng.choice(FRESH3_CARD_HEADERS)
        values = [name, user, email, birth, address, phone, fake.company(), fake.job(),
                  lorem.paragraph(nb_sentences=2)]
        chosen = sorted([*rng.sample(range(9), rng.randint(3, 8)), 0, 2])
        t.card = [(keys[k], values[k]) for k in dict.fromkeys(chosen)]
        t.pii += [values[k] for k in dict.fromkeys(chosen) if k in (1, 2, 3, 4, 5)]
    if "bio" in t.parts:
        handle = "@" + user
        header, text = FRESH3_BIOS.get(lang, FRESH3_BIOS["en"])
        fields = {"name": name, "handle": handle, "job": fake.job().lower(),
                  "company": fake.company(), "city": fake.city(), "birth": birth,
                  "email": email, "phone": phone}
        t.bio_header = header.format(**fields)
        t.bio = text.format(**fields) + " " + lorem.paragraph(nb_sentences=2)
        t.pii += [email, phone, birth, handle]
    if "social" in t.parts:
        t.social_header = local[2] if rng.random() < 0.5 else rng.choice(FRESH3_SOCIAL_HEADERS)
        for label, prefix in rng.sample(FRESH3_PLATFORMS, rng.randint(1, 3)):
            handle = _fresh3_user_name(fake) + str(rng.randint(1, 999))
            values = [f"https://{prefix}/{handle}", handle, str(rng.randint(100, 50000)),
                      str(rng.randint(5, 900))]
            t.socials.append((label, list(zip(FRESH3_SOCIAL_KEYS, values, strict=True))))
            t.pii += [f"{prefix}/{handle}", handle]
    return t


class _Printed:
    """The tail lines a fresh3 renderer prints, counted as they are printed (the gold
    annotation is what was printed, not what a layout was meant to print)."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()

    def __call__(self, line: str) -> str:
        self.counts[line] += 1
        return line


def _fresh3_body_blocks(body: Body, style: str, glue: str) -> list[str]:
    """The body as blocks of one style (``html``, ``markdown``, ``text``); ``glue``
    appended to the last paragraph."""
    out: list[str] = []
    group: list[tuple[str, str]] = []
    last_para = max(i for i, (k, _) in enumerate(body) if k == "para")

    def flush() -> None:
        if not group:
            return
        kind = group[0][0]
        items = [x for _, x in group]
        if style == "html" and kind == "row":
            cells = [r.split("\t") for r in items]
            head = "".join(f"<th>{_e(c)}</th>" for c in cells[0])
            rows = "".join("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in r) + "</tr>"
                           for r in cells[1:])
            out.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
        elif style == "html":
            out.append("<ul>" + "".join(f"<li>{_e(x)}</li>" for x in items) + "</ul>")
        elif style == "markdown" and kind == "row":
            cells = [r.split("\t") for r in items]
            lines = ["| " + " | ".join(r) + " |" for r in cells]
            lines.insert(1, "|" + "---|" * len(cells[0]))
            out.append("\n".join(lines))
        elif style == "markdown":
            out.append("\n".join(f"+ {x}" for x in items))
        else:
            out.append("\n".join(items))
        group.clear()

    for i, (kind, text) in enumerate(body):
        if kind in ("line", "row"):
            if group and group[0][0] != kind:
                flush()
            group.append((kind, text))
            continue
        flush()
        if i == last_para and glue:
            text = text + glue
        if style == "html":
            tag = {"title": "h1", "heading": "h2"}.get(kind, "p")
            out.append(f"<{tag}>{_e(text)}</{tag}>")
        elif style == "markdown":
            out.append({"title": "# ", "heading": "## "}.get(kind, "") + text)
        else:
            out.append(text)
    flush()
    return out


def _story_url(h: str) -> str:
    return f"https://news.example/p/{zlib.crc32(h.encode('utf-8')) % 90000 + 10000}"


def _minutes(h: str) -> str:
    return f"{zlib.crc32(h.encode('utf-8')) % 12 + 2} min read"


def render_fresh3(body: Body, tail: Tail | None, layout: str) -> tuple[str, str, Counter[str]]:
    """Fresh3 layouts (page, format, printed tail lines).

    * ``html_aside_nav``: after ``</article>``, an ``<aside>`` whose ``<nav>`` prints the
      run inline (``a · b · c`` links in one paragraph) and again as teaser
      ``<article>``s; the card an ``<address>`` of ``Key — value`` lines; socials in a
      ``<nav>`` of links.
    * ``html_role_grid``: headline cards as a ``<div role="article">`` grid (thumbnail
      alt text, ``<h3>`` link, the headline again as excerpt, "N min read"); the card a
      list of ``<span>`` key/value pairs with no separator; the bio header and the bio in
      one block.
    * ``markdown_inline_table``: Markdown with ``##`` headers; the run as one paragraph
      of ``[title](url)`` links joined by `` · `` and again as a Markdown table; the card
      a blockquote of ``> **Key** — value`` lines.
    * ``text_glued_twice``: plain text; the run header and up to two headlines glued onto
      the last paragraph, the run printed once with `` ~ `` between headlines and again as
      ``◦ headline`` lines; the card as ``Key<TAB>value`` lines; the bio header on the
      bio's line; socials as ``label » url » nick`` lines.
    """
    p = _Printed()
    glue = ""
    glued_heads: list[str] = []
    if tail is not None and tail.glued:
        if layout == "text_glued_twice":
            glued_heads = tail.headlines[: 2 if len(tail.headlines) > 2 else 1]
            if tail.header:
                glue = " " + p(tail.header) + ": " + " ".join(p(h) for h in glued_heads)
            else:
                glue = " " + " ".join(p(h) for h in glued_heads)
        else:
            glue = " " + p(tail.glued)
    style = {"html_aside_nav": "html", "html_role_grid": "html",
             "markdown_inline_table": "markdown"}.get(layout, "text")
    fmt = {"html": "html", "markdown": "markdown"}.get(style, "text")
    main = _fresh3_body_blocks(body, style, glue)
    t: list[str] = []
    if tail is not None and layout == "html_aside_nav":
        heads = tail.headlines
        if heads:
            head = f"<h2>{_e(p(tail.header))}</h2>" if tail.header else ""
            inline = " · ".join(f'<a href="{_story_url(h)}">{_e(p(h))}</a>' for h in heads)
            teasers = "".join(f'<li><article class="teaser"><a href="{_story_url(h)}">'
                              f"<h3>{_e(p(h))}</h3></a></article></li>" for h in heads)
            t.append(f'<aside class="more"><nav aria-label="related">{head}<p>{inline}</p>'
                     f"</nav><ul>{teasers}</ul></aside>")
        if tail.card:
            head = f"<h3>{_e(p(tail.card_header))}</h3>" if tail.card_header else ""
            lines = "<br>".join(_e(p(f"{k} — {v}")) for k, v in tail.card)
            t.append(f'<aside class="byline">{head}<address>{lines}</address></aside>')
        if tail.bio:
            t.append(f'<aside class="bio"><h3>{_e(p(tail.bio_header))}</h3>'
                     f"<p>{_e(p(tail.bio))}</p></aside>")
        if tail.socials:
            links = "".join(
                f"<p>{_e(p(label + ':'))} " + " ".join(
                    f'<a href="{_e(kv[0][1])}">{_e(p(f"{k}: {v}"))}</a>' for k, v in kv)
                + "</p>" for label, kv in tail.socials)
            t.append(f'<nav class="social"><h3>{_e(p(tail.social_header))}</h3>{links}</nav>')
    elif tail is not None and layout == "html_role_grid":
        if tail.headlines:
            head = f"<h2>{_e(p(tail.header))}</h2>" if tail.header else ""
            cells = "".join(
                f'<div role="article" class="card"><a href="{_story_url(h)}"><img src="c.webp" '
                f'alt="{html.escape(h)}"></a><h3><a href="{_story_url(h)}">{_e(p(h))}</a></h3>'
                f'<p class="dek">{_e(p(h))}</p><span class="meta">{_e(p(_minutes(h)))}</span>'
                "</div>" for h in tail.headlines)
            t.append(f'<div class="grid" role="feed">{head}{cells}</div>')
        if tail.card:
            head = f"<h4>{_e(p(tail.card_header))}</h4>" if tail.card_header else ""
            for k, v in tail.card:
                p(f"{k} {v}")
            items = "".join(f'<li><span class="k">{_e(k)}</span> <span class="v">{_e(v)}'
                            "</span></li>" for k, v in tail.card)
            t.append(f'<div role="complementary">{head}<ul class="meta">{items}</ul></div>')
        if tail.bio:
            t.append(f'<div role="note"><strong>{_e(p(tail.bio_header))}</strong> '
                     f"{_e(p(tail.bio))}</div>")
        if tail.socials:
            rows = "".join(f"<li>{_e(p(label + ':'))} " + " ".join(
                f"<span>{_e(p(f'{k}: {v}'))}</span>" for k, v in kv) + "</li>"
                for label, kv in tail.socials)
            t.append(f'<div role="complementary"><h4>{_e(p(tail.social_header))}</h4>'
                     f"<ul>{rows}</ul></div>")
    elif tail is not None and layout == "markdown_inline_table":
        if tail.header:
            t.append("## " + p(tail.header))
        if tail.headlines:
            t.append(" · ".join(f"[{p(h)}]({p(_story_url(h))})" for h in tail.headlines))
            rows = [p("| Also read |"), "|---|"]
            rows += [f"| [{p(h)}]({p(_story_url(h))}) |" for h in tail.headlines]
            t.append("\n".join(rows))
        if tail.card:
            head = [f"> **{p(tail.card_header)}**", ">"] if tail.card_header else []
            t.append("\n".join(head + [p(f"> **{k}** — {v}") + "  " for k, v in tail.card]))
        if tail.bio:
            t += [f"*{p(tail.bio_header)}*", p(tail.bio)]
        if tail.socials:
            t.append("## " + p(tail.social_header))
            t.append("\n".join(p(f"+ **{label}**: " + ", ".join(f"{k} {v}" for k, v in kv))
                               for label, kv in tail.socials))
    elif tail is not None:
        if tail.header and not glued_heads:
            t.append(p(tail.header))
        if tail.headlines:
            t.append(" ~ ".join(p(h) for h in tail.headlines))
            t.append("\n".join(f"◦ {p(h)}" for h in tail.headlines))
        if tail.card:
            head = [p(tail.card_header)] if tail.card_header else []
            t.append("\n".join(head + [p(f"{k}\t{v}") for k, v in tail.card]))
        if tail.bio:
            t.append(f"{p(tail.bio_header)} — {p(tail.bio)}")
        if tail.socials:
            t.append(p(tail.social_header))
            t.append("\n".join(p(" » ".join([label] + [v for _, v in kv[:2]]))
                               for label, kv in tail.socials))
    if style == "markdown" or style == "text":
        return "\n\n".join(main + t) + "\n", fmt, p.counts
    title = next(x for k, x in body if k == "title")
    head = f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{_e(title)}' \
           "</title></head>"
    nav = '<nav><a href="/">Front page</a> <a href="/sections">Sections</a></nav>'
    if layout == "html_aside_nav":
        page = (f"{head}<body><header>{nav}</header><main><article>{''.join(main)}</article>"
                f"{''.join(t)}</main><footer><p>All rights reserved</p></footer></body></html>\n")
    else:
        page = (f'{head}<body><header>{nav}</header><main><div class="post-body">'
                f"{''.join(main)}</div>{''.join(t)}</main><footer><p>Terms</p></footer>"
                "</body></html>\n")
    return page, fmt, p.counts


def generate_fresh3(n: int, seed: int) -> Iterator[tuple[Sample, str, str]]:
    """``n`` samples of the fresh3 split: the held-out clickbait and news headlines
    (shuffled with its own seed), dolma crawl prose, interviews, league tables, prose in
    Devanagari/Tamil/Sinhala/Gujarati."""
    from faker import Faker

    half = "fresh3"
    rng = random.Random(f"{seed}-{half}")
    heads = clickbait_headlines(1)
    rng.shuffle(heads)
    news = clickbait_headlines(1, "non_clickbait_data.gz")
    rng.shuffle(news)
    real = list(dolma_bodies())
    rng.shuffle(real)
    en = Faker("en_US")
    en.seed_instance(seed)
    kinds, layouts = BODIES[half], LAYOUTS[half]
    for k in range(n):
        kind = kinds[k % len(kinds)]
        layout = layouts[(k // len(kinds)) % len(layouts)]
        locale = rng.choice(LOCALES[half])
        if kind == "dolma_prose":
            body = real[(k // len(kinds)) % len(real)]
        elif kind == "interview":
            body = interview_body(rng, en)
        elif kind == "league_table":
            body = league_table_body(rng, en)
        else:
            body = script_body(rng)
        tail = make_tail_fresh3(locale, rng, heads, news)
        page, fmt, printed = render_fresh3(body, tail, layout)
        twin, _, _ = render_fresh3(body, None, layout)
        lines = list(printed)
        yield Sample(f"{half}-{k:04d}", half, kind, layout, locale, fmt, page, twin, lines,
                     [printed[x] for x in lines], [p for p in tail.pii if p],
                     tail.parts), page, twin


# -- the fresh4 split --------------------------------------------------------------------
# A seventh split, decided and committed before it was first run through the cleaner
# (2026-12-03, issue 12, after fresh3 had been looked at). Its skeleton is its own: a tail
# is one of a few *plans* (ordered lists of parts: the author box may come before the
# headline run, a second run of news items with source names, cards without the name
# first), a teaser line ("Read also: ...") may sit *inside* the body before its last
# paragraph, headline items carry dates or sources, body kind and layout are drawn from a
# shuffled deck of the 16 combinations, and the pages are not ``<header><main><article>``
# pages (a table frame, a ``div#page`` with the site nav after the story, a CSV export,
# Markdown with reference-style links). Every tail line is counted as printed.

WARC = SHARED / "dolma-samples" / "tests" / "data" / "warc"

#: fresh4 Faker locales (personal data) and the language of each one's card keys,
#: headers and bios. Faker has no person provider for ar_JO, ar_AE, am_ET and en_MS:
#: their names and e-mails fall back to Faker's default (English) provider, their phone
#: numbers (and en_MS addresses) are the locale's own.
FRESH4_LANG = {"ha_NG": "ha", "ig_NG": "ig", "tw_GH": "en", "en_NG": "en", "en_PK": "ur",
               "ne_NP": "ne", "mr_IN": "mr", "fr_DZ": "fr", "ar_JO": "ar", "ar_AE": "ar",
               "am_ET": "am", "en_MS": "ms"}
LOCALES["fresh4"] = tuple(FRESH4_LANG)
#: Faker locale of the fresh4 script bodies (Odia: a script no other split's body uses)
FRESH4_SCRIPT_LOCALES = ("or_IN",)
NONLATIN_LOCALES["nonlatin_or"] = list(FRESH4_SCRIPT_LOCALES)
#: English headers of fresh4 (no string of another split): the headline run, the second
#: run of news items (the "wire"), the card, the social line
FRESH4_RUN_HEADERS = ("Hand-Picked Stories", "While You're Here", "Up Next",
                      "The Best Of The Week", "Stories We Love", "Don't Scroll Past These")
FRESH4_WIRE_HEADERS = ("Latest Headlines", "From Our Partners", "Breaking Elsewhere")
FRESH4_CARD_HEADERS = ("Author box", "Who's behind this", "The byline", "Columnist details")
FRESH4_SOCIAL_HEADERS = ("Elsewhere online", "Say hi", "Channels", "Find the writer")
#: per language: (run headers, wire header, teaser label, card header, social header), in
#: the generator's own words
FRESH4_LOCAL: dict[str, tuple[tuple[str, str], str, str, str, str]] = {
    "ha": (("Labarai masu alaƙa", "Mafi karantawa"), "Sabbin labarai", "Karanta kuma",
           "Game da marubuci", "Bi ni"),
    "ig": (("Akụkọ ndị yiri ya", "Ndị a kacha gụọ"), "Akụkọ ọhụrụ", "Gụkwa",
           "Maka onye edemede", "Soro m"),
    "en": (("Handpicked For You", "Readers Are Loving"), "Fresh Off The Wire", "See also",
           "Contributor box", "My channels"),
    "ur": (("متعلقہ خبریں", "سب سے زیادہ پڑھی گئی"), "تازہ ترین", "یہ بھی پڑھیں",
           "مصنف کا تعارف", "مجھے فالو کریں"),
    "ne": (("सम्बन्धित समाचार", "धेरै पढिएको"), "ताजा समाचार", "यो पनि पढ्नुहोस्",
           "लेखकको बारेमा", "मलाई पछ्याउनुहोस्"),
    "mr": (("संबंधित बातम्या", "सर्वाधिक वाचलेले"), "ताज्या बातम्या", "हेही वाचा",
           "लेखकाविषयी", "मला फॉलो करा"),
    "fr": (("Dans la même rubrique", "Les articles du moment"), "Dernières dépêches",
           "Voir aussi", "Fiche du rédacteur", "Mes réseaux"),
    "ar": (("قد يهمك أيضا", "الأكثر مشاهدة"), "آخر الأخبار", "اقرأ أيضا", "بطاقة الكاتب",
           "حساباتي"),
    "am": (("ተዛማጅ ዜናዎች", "በብዛት የተነበቡ"), "የቅርብ ጊዜ ዜናዎች", "ይህንንም ያንብቡ",
           "ስለ ጸሐፊው", "ይከተሉኝ"),
    "ms": (("Berita berkaitan", "Paling popular"), "Terkini", "Jangan lepaskan",
           "Mengenai penulis", "Ikuti saya"),
}
#: fresh4 card keys (name, username, e-mail, birth date, address, phone, company, job,
#: bio) in the generator's own words; the en/fr/ar ones are variants no other split has
FRESH4_CARD_KEY_WORDS: dict[str, tuple[str, ...]] = {
    "ha": ("Suna", "Sunan mai amfani", "Imel", "Ranar haihuwa", "Adireshi", "Lambar waya",
           "Kamfani", "Sana'a", "Game da ni"),
    "ig": ("Aha", "Aha njirimara", "Ozi-e", "Ụbọchị ọmụmụ", "Adreesị", "Nọmba ekwentị",
           "Ụlọ ọrụ", "Ọrụ", "Maka m"),
    "en": ("Contributor name", "Login", "Reach me at", "DOB", "Home address", "Phone no.",
           "Day job at", "Title", "In short"),
    "ur": ("نام", "صارف نام", "ای میل", "تاریخ پیدائش", "پتہ", "فون نمبر", "کمپنی", "پیشہ",
           "تعارف"),
    "ne": ("नाम", "प्रयोगकर्ता नाम", "इमेल", "जन्म मिति", "ठेगाना", "फोन", "कम्पनी", "पेशा",
           "मेरो बारेमा"),
    "mr": ("नाव", "वापरकर्ता नाव", "ईमेल", "जन्मतारीख", "पत्ता", "दूरध्वनी", "कंपनी",
           "व्यवसाय", "माझ्याबद्दल"),
    "fr": ("Nom et prénom", "Nom d'usage", "Mail perso", "Né(e) en", "Lieu de résidence",
           "Portable", "Société employeuse", "Profession", "Parcours"),
    "ar": ("الاسم", "المعرّف", "الإيميل", "يوم الميلاد", "مكان الإقامة", "الجوال", "جهة العمل",
           "الوظيفة", "سيرة مختصرة"),
    "am": ("ስም", "የተጠቃሚ ስም", "ኢሜይል", "የትውልድ ቀን", "አድራሻ", "ስልክ", "ድርጅት", "ሙያ",
           "ስለ እኔ"),
    "ms": ("Nama penuh", "ID pengguna", "E-mel", "Tarikh lahir", "Alamat surat",
           "No. telefon", "Syarikat", "Jawatan", "Tentang saya"),
}
#: prose bios (header, text) in a few of the languages; others use English
FRESH4_BIOS = {
    "en": ("Behind the byline: {name}", "Based in {city}, {name} reports for {company} as "
           "a {job}. Reach the desk at {email} or {phone}; DOB {birth}; handle {handle}."),
    "fr": ("Qui signe cet article : {name}", "{name}, {job} chez {company}, vit à {city}. "
           "Né(e) en {birth}. Courrier : {email}, portable {phone}, pseudo {handle}."),
    "ha": ("Game da {name}", "{name} {job} ne a {company} kuma yana zaune a {city}. An "
           "haife shi {birth}. Imel {email}, waya {phone}, a yanar gizo {handle}."),
    "ar": ("من هو {name}", "{name} يعمل {job} في {company} ويقيم في {city}. مواليد {birth}. "
           "للتواصل {email} أو {phone}، وعلى الشبكات {handle}."),
}
#: social platforms of fresh4 (none another split uses): (label, profile URL with {h})
FRESH4_PLATFORMS = (("Substack", "{h}.substack.com"), ("Vimeo", "vimeo.com/{h}"),
                    ("Dribbble", "dribbble.com/{h}"), ("Patreon", "patreon.com/{h}"),
                    ("Letterboxd", "letterboxd.com/{h}"), ("Strava", "strava.com/athletes/{h}"))
#: source names printed beside the wire's news items
FRESH4_SOURCES = ("Morning Ledger", "Coastline Daily", "The Metro Wire", "Pulse24",
                  "Harbour Times", "Valley Courier")
#: birth-date formats of fresh4 cards and bios (a date drawn against the fixed day)
_MON3 = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
FRESH4_BIRTH_FORMATS = ("{y:04d}{m:02d}{d:02d}", "{d} {mon} {y:04d}", "{d:02d}.{m:02d}.{yy:02d}")
#: the plans of a fresh4 tail: the parts in the order they are printed
FRESH4_PLANS: tuple[tuple[str, ...], ...] = (
    ("card", "social", "run"), ("run", "bio"), ("run", "wire"), ("bio", "run", "wire", "social"),
    ("run",), ("card", "social"), ("card", "bio", "run"), ("wire", "card"),
    ("run", "card", "wire"),
)


def warc_bodies() -> Iterator[Body]:
    """Fresh4: the HTML responses of dolma's two sample WARC files (no other split reads
    them), each page's ``<p>`` paragraphs of >= 25 words that end in a sentence mark and
    hold no e-mail address or URL; one body per URL."""
    seen: set[str] = set()
    for path in sorted(WARC.glob("*.warc.gz")):
        with gzip.open(path) as fh:
            data = fh.read().decode("utf-8", "replace")
        for record in data.split("WARC/1.0\r\n"):
            if "WARC-Type: response" not in record[:600]:
                continue
            uri = re.search(r"WARC-Target-URI: <?([^\s>]+)", record)
            if uri is None or uri.group(1) in seen:
                continue
            seen.add(uri.group(1))
            page = _http_body(record)
            paras = []
            for raw in re.findall(r"<p[^>]*>(.*?)</p>", page, re.S | re.I):
                text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", raw)).split())
                text = re.sub(r"\s+([,.;:!?])", r"\1", text)
                if (len(text.split()) >= 25 and text[-1:] in ".!?" and "@" not in text
                        and "http" not in text):
                    paras.append(text)
            if len(paras) < 3 or sum(len(p.split()) for p in paras) < 150:
                continue
            title = re.search(r"<title[^>]*>(.*?)</title>", page, re.S | re.I)
            head = " ".join(html.unescape(title.group(1)).split()) if title else ""
            head = " ".join(head.split()[:10]) or " ".join(paras[0].split()[:8])
            yield [("title", head)] + [("para", p) for p in paras[:9]]


def _http_body(record: str) -> str:
    """The HTTP body of a WARC response record, de-chunked when its HTTP headers say
    ``Transfer-Encoding: chunked``."""
    parts = record.split("\r\n\r\n", 2)
    if len(parts) < 3:
        return ""
    headers, body = parts[1], parts[2]
    if not re.search(r"^Transfer-Encoding:\s*chunked", headers, re.I | re.M):
        return body
    out: list[str] = []
    pos = 0
    while True:
        m = re.compile(r"([0-9a-fA-F]+)[^\r\n]*\r\n").match(body, pos)
        if m is None or int(m.group(1), 16) == 0:
            break
        size = int(m.group(1), 16)  # a byte count: the text was decoded, so count bytes
        chunk = body[m.end():].encode("utf-8")[:size].decode("utf-8", "ignore")
        out.append(chunk)
        pos = m.end() + len(chunk) + 2
    return "".join(out)


def press_release_body(rng: random.Random, en: Any) -> Body:
    """Fresh4: a press release: a dateline, a quote, and the company's own "About" section
    (a boilerplate paragraph that *is* part of a press release) at its end."""
    company = en.company()
    city = en.city()
    day = REFERENCE_DAY - dt.timedelta(days=rng.randint(1, 300))
    body: Body = [("title", f"{company} Announces {en.catch_phrase().title()}"),
                  ("para", f"{city.upper()}, {_MONTHS[day.month - 1]} {day.day}, {day.year} — "
                   f"{company} today announced {en.bs()}. " + _intro(en, rng))]
    for _ in range(rng.randint(1, 3)):
        body.append(("para", _intro(en, rng)))
    body.append(("para", f"\u201c{en.sentence(nb_words=rng.randint(10, 16)).rstrip('.')},"
                 f"\u201d said {en.name()}, {en.job().lower()} at {company}. "
                 + en.sentence(nb_words=rng.randint(8, 14))))
    body.append(("heading", f"About {company}"))
    body.append(("para", f"{company} is a {en.bs()} company based in {city}. "
                 + " ".join(en.sentence(nb_words=rng.randint(8, 14)) for _ in range(2))))
    return body


def timeline_body(rng: random.Random, en: Any) -> Body:
    """Fresh4: a history page: an introduction, dated event lines (short, like headline
    items with dates), a closing paragraph."""
    place = en.city()
    body: Body = [("title", f"A Short History Of {place}"), ("para", _intro(en, rng)),
                  ("heading", "Timeline")]
    year = rng.randint(1850, 1950)
    for _ in range(rng.randint(6, 11)):
        year += rng.randint(2, 15)
        body.append(("line", f"{year} — {en.sentence(nb_words=rng.randint(5, 10))}"))
    body.append(("para", _intro(en, rng)))
    return body


def odia_body(rng: random.Random) -> Body:
    """Fresh4: prose in Odia script (no other split's body uses it), its words drawn from
    the locale's names, cities and streets, sentences ended by the danda."""
    from faker import Faker

    fk = Faker(FRESH4_SCRIPT_LOCALES[0])
    fk.seed_instance(rng.randint(0, 10**9))
    words: list[str] = []
    while len(words) < 200:
        text = f"{fk.name()} {fk.city()} {fk.address()}"
        words += [w for w in re.split(r"[\s,/\-]+", text)
                  if w and not _ASCII_LETTER.search(w) and not w.isdigit()]

    def sentence(lo: int, hi: int) -> str:
        return " ".join(rng.choice(words) for _ in range(rng.randint(lo, hi)))

    body: Body = [("title", sentence(3, 6))]
    for k in range(rng.randint(4, 6)):
        if k and rng.random() < 0.3:
            body.append(("heading", sentence(2, 4)))
        body.append(("para", " ".join(sentence(6, 12) + "।" for _ in range(rng.randint(3, 6)))))
    return body


@dataclass
class Tail4:
    """A fresh4 tail: its parts in print order, a teaser inside the body or a headline
    glued onto the last paragraph, a dated run, a wire of news items with sources."""

    plan: tuple[str, ...] = ()
    teaser_label: str = ""
    teaser: str = ""
    glued: str = ""
    header: str = ""
    run: list[tuple[str, str]] = field(default_factory=list)  # (headline, date)
    wire_header: str = ""
    wire: list[tuple[str, str, str]] = field(default_factory=list)  # (headline, source, date)
    card_header: str = ""
    card: list[tuple[str, str]] = field(default_factory=list)
    bio_header: str = ""
    bio: str = ""
    social_header: str = ""
    socials: list[tuple[str, str, str]] = field(default_factory=list)  # (label, url, members)
    pii: list[str] = field(default_factory=list)


def _fresh4_date(rng: random.Random, style: str) -> str:
    day = REFERENCE_DAY - dt.timedelta(days=rng.randint(0, 45))
    if style == "iso":
        return day.isoformat()
    return f"{day.day} {_MON3[day.month - 1]} {day.year}"


def _card_and_bio(t: Tail4, rng: random.Random, fake: Any, lang: str, local: Any,
                  person: tuple[str, str, str, str, str, str], *,
                  keys: dict[str, Any], headers: Any, bios: dict[str, tuple[str, str]],
                  motto: Callable[[], str], name_first: float) -> None:
    """The key/value card and the prose bio of a dealt split's tail (fresh4, fresh5,
    fresh6), from the split's tables: ``person`` is (name, user, e-mail, birth date,
    address, phone); the card holds the name and 2-6 other fields (an e-mail or an address
    always), the name first with probability ``name_first``, ``motto()`` its last possible
    field; every personal value printed goes into ``t.pii``."""
    name, user, email, birth, address, phone = person
    if "card" in t.plan:
        card_keys = keys[lang] if rng.random() < 0.6 else keys["en"]
        values = [name, user, email, birth, address, phone, fake.company(), fake.job(),
                  motto()]
        fields = rng.sample(range(1, 9), rng.randint(2, 6))
        if 2 not in fields and 5 not in fields:
            fields.append(rng.choice((2, 5)))
        rng.shuffle(fields)
        order = [0, *fields] if rng.random() < name_first else [*fields, 0]
        t.card = [(card_keys[i], values[i]) for i in order]
        t.pii += [values[i] for i in order if i in (1, 2, 3, 4, 5)]
        if rng.random() < 0.7:
            t.card_header = local[3] if rng.random() < 0.5 else rng.choice(headers)
    if "bio" in t.plan:
        header, text = bios.get(lang, bios["en"])
        info = {"name": name, "handle": "@" + user, "job": fake.job().lower(),
                "company": fake.company(), "city": fake.city(), "birth": birth,
                "email": email, "phone": phone}
        t.bio_header = header.format(**info)
        t.bio = text.format(**info)
        t.pii += [email, phone, birth, "@" + user]


def make_tail_fresh4(locale: str, layout: str, rng: random.Random, heads: list[str],
                     news: list[str]) -> Tail4:
    from faker import Faker

    fake = Faker(locale)
    fake.seed_instance(rng.randint(0, 10**9))
    lang = FRESH4_LANG[locale]
    local = FRESH4_LOCAL[lang]
    t = Tail4(plan=rng.choice(FRESH4_PLANS))
    date_style = "iso" if layout in ("text_csv_export", "html_river_hcard") else "day"
    if "run" in t.plan:
        k = rng.randint(3, 8)
        if rng.random() < 0.3:
            n_news = rng.randint(1, k - 1)
            items = rng.sample(heads, k - n_news) + rng.sample(news, n_news)
            rng.shuffle(items)
        else:
            items = rng.sample(heads, k)
        case = rng.choice(("as printed", "title", "sentence"))
        t.run = [(h, _fresh4_date(rng, date_style))
                 for h in dict.fromkeys(_recase(h, case) for h in items)]
        if rng.random() < 0.75:
            t.header = rng.choice(local[0]) if rng.random() < 0.5 \
                else rng.choice(FRESH4_RUN_HEADERS)
        r = rng.random()
        if r < 0.5:
            t.teaser_label = local[2]
            t.teaser = t.run[0][0]
        elif r < 0.75:
            t.glued = t.run[rng.randrange(len(t.run))][0]
    if "wire" in t.plan:
        used = {h for h, _ in t.run}
        items = [h for h in rng.sample(news, rng.randint(2, 4)) if h not in used]
        t.wire = [(h, rng.choice(FRESH4_SOURCES), _fresh4_date(rng, date_style)) for h in items]
        t.wire_header = local[1] if rng.random() < 0.5 else rng.choice(FRESH4_WIRE_HEADERS)
    name = fake.name()
    user = _dev2_user_name(fake)
    email = fake.email()
    born = date_of_birth(fake, 22, 75)
    birth = rng.choice(FRESH4_BIRTH_FORMATS).format(
        y=born.year, yy=born.year % 100, m=born.month, d=born.day, mon=_MON3[born.month - 1])
    phone = fake.phone_number()
    address = fake.address().replace("\n", ", ")
    _card_and_bio(t, rng, fake, lang, local, (name, user, email, birth, address, phone),
                  keys=FRESH4_CARD_KEY_WORDS, headers=FRESH4_CARD_HEADERS, bios=FRESH4_BIOS,
                  motto=fake.catch_phrase, name_first=0.6)
    if "social" in t.plan or ("card" in t.plan and rng.random() < 0.3):
        t.social_header = local[4] if rng.random() < 0.5 else rng.choice(FRESH4_SOCIAL_HEADERS)
        for label, url in rng.sample(FRESH4_PLATFORMS, rng.randint(1, 3)):
            handle = _dev2_user_name(fake).replace(".", "") + str(rng.randint(10, 99))
            t.socials.append((label, url.format(h=handle), str(rng.randint(40, 40000))))
            t.pii += [url.format(h=handle), handle]
    return t


def _ref(h: str) -> str:
    return f"r{zlib.crc32(h.encode('utf-8')) % 90000 + 10000}"


def _fresh4_body(body: Body, tail: Tail4 | None, style: str, p: _Printed) -> list[str]:
    """The body as blocks (``html_table``, ``html_story``, ``text``, ``markdown``), with
    the tail's teaser after the first paragraph or its glued headline on the last."""
    out: list[str] = []
    lines: list[str] = []
    first_para = min(i for i, (k, _) in enumerate(body) if k == "para")
    last_para = max(i for i, (k, _) in enumerate(body) if k == "para")

    def flush() -> None:
        if not lines:
            return
        if style == "html_table":
            rows = "".join("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in x.split(" — ", 1))
                           + "</tr>" for x in lines)
            out.append(f'<table class="dates">{rows}</table>')
        elif style == "html_story":
            out.append("<ol>" + "".join(f"<li>{_e(x)}</li>" for x in lines) + "</ol>")
        elif style == "markdown":
            out.append("\n".join(f"* {x}" for x in lines))
        else:
            out.append("\n".join(lines))
        lines.clear()

    for i, (kind, text) in enumerate(body):
        if kind == "line":
            lines.append(text)
            continue
        flush()
        if i == last_para and tail is not None and tail.glued:
            text = text + " " + p(tail.glued)
        if style.startswith("html"):
            tag = {"title": "h1", "heading": "h2" if style == "html_table" else "h3"}.get(
                kind, "p")
            out.append(f"<{tag}>{_e(text)}</{tag}>")
        elif style == "markdown":
            out.append({"title": "# ", "heading": "### "}.get(kind, "") + text)
        else:
            out.append(text)
        if i == first_para and tail is not None and tail.teaser:  # after the lead paragraph
            label, head = p(tail.teaser_label), p(tail.teaser)
            if style.startswith("html"):
                out.append(f'<p class="teaser"><b>{_e(label)}:</b> '
                           f'<a href="{_story_url(head)}">{_e(head)}</a></p>')
            elif style == "markdown":
                out.append(f"> **{label}:** [{head}][{p(_ref(head))}]")
            else:
                out.append(f"{label}: {head}")
    flush()
    return out


def _fresh4_tail_html(t: Tail4, layout: str, p: _Printed) -> list[str]:
    out: list[str] = []
    table = layout == "html_table_frame"
    for part in t.plan:
        if part == "run" and t.run:
            if table:
                cap = f"<caption>{_e(p(t.header))}</caption>" if t.header else ""
                rows = "".join(f'<tr><td class="d">{_e(p(d))}</td><td><a href="{_story_url(h)}">'
                               f"{_e(p(h))}</a></td></tr>" for h, d in t.run)
                out.append(f'<table class="list">{cap}{rows}</table>')
            else:
                head = f"<h4>{_e(p(t.header))}</h4>" if t.header else ""
                items = "".join(
                    f'<li><a href="{_story_url(h)}"><img src="/i/{_ref(h)}.jpg" '
                    f'alt="{html.escape(h)}"></a><time datetime="{d}">{_e(p(d))}</time> '
                    f'<a href="{_story_url(h)}">{_e(p(h))}</a></li>' for h, d in t.run)
                out.append(f'<div class="river">{head}<ul>{items}</ul></div>')
        elif part == "wire" and t.wire:
            if table:
                rows = "".join(f'<tr><td><a href="{_story_url(h)}">{_e(p(h))}</a></td>'
                               f"<td>{_e(p(s))}</td><td>{_e(p(d))}</td></tr>"
                               for h, s, d in t.wire)
                out.append(f'<table class="wire"><tr><th colspan="3">{_e(p(t.wire_header))}'
                           f"</th></tr>{rows}</table>")
            else:
                items = "".join(f'<p><a href="{_story_url(h)}">{_e(p(h))}</a> '
                                f"<small>{_e(p(s))}</small></p>" for h, s, _ in t.wire)
                out.append(f'<div class="partners"><h4>{_e(p(t.wire_header))}</h4>{items}</div>')
        elif part == "card" and t.card:
            if table:
                head = f"<b>{_e(p(t.card_header))}</b><br>" if t.card_header else ""
                rows = "".join(f"<b>{_e(p(k))}</b><br>{_e(p(v))}<br>" for k, v in t.card)
                out.append(f'<p class="byline-box">{head}{rows}</p>')
            else:  # an h-card: the values alone, no keys
                head = f'<p class="label">{_e(p(t.card_header))}</p>' if t.card_header else ""
                vals = "<br>".join(f'<span class="p-{i}">{_e(p(v))}</span>'
                                   for i, (_, v) in enumerate(t.card))
                out.append(f'<div class="h-card">{head}{vals}</div>')
        elif part == "bio" and t.bio:
            if table:
                out.append(f"<blockquote><p>{_e(p(t.bio_header))}</p><p>{_e(p(t.bio))}</p>"
                           "</blockquote>")
            else:
                out.append(f'<div class="about"><h5>{_e(p(t.bio_header))}</h5>'
                           f"<p>{_e(p(t.bio))}</p></div>")
        if part in ("social", "card") and t.socials and (part == "social"
                                                         or "social" not in t.plan):
            if table:
                links = " | ".join(f'<a href="https://{u}">{_e(p(f"{lab}: {u}"))}</a>'
                                   for lab, u, _ in t.socials)
                out.append(f"<p>{_e(p(t.social_header))}: {links}</p>")
            else:
                items = "".join(f'<li>{_e(p(f"{lab} — {u} · {m}"))}</li>'
                                for lab, u, m in t.socials)
                out.append(f'<ul class="icons"><li>{_e(p(t.social_header))}</li>{items}</ul>')
    return out


def _fresh4_tail_text(t: Tail4, p: _Printed) -> list[str]:
    """A CSV-ish export: each part a block of rows under a header row."""
    out: list[str] = []
    for part in t.plan:
        if part == "run" and t.run:
            rows = [p(t.header)] if t.header else []
            rows.append(p("title,url,published"))
            rows += [f'"{p(h)}",{p(_story_url(h))},{p(d)}' for h, d in t.run]
            out.append("\n".join(rows))
        elif part == "wire" and t.wire:
            rows = [p(t.wire_header), p("source;headline;date")]
            rows += [f"{p(s)};{p(h)};{p(d)}" for h, s, d in t.wire]
            out.append("\n".join(rows))
        elif part == "card" and t.card:
            rows = [p(t.card_header)] if t.card_header else []
            rows.append(p("field,value"))
            rows += [p(f'"{k}","{v}"') for k, v in t.card]
            out.append("\n".join(rows))
        elif part == "bio" and t.bio:
            out.append(p(t.bio_header) + "\n" + p(t.bio))
        if part in ("social", "card") and t.socials and (part == "social"
                                                         or "social" not in t.plan):
            rows = [p(t.social_header), p("platform,profile,members")]
            rows += [p(f"{lab},{u},{m}") for lab, u, m in t.socials]
            out.append("\n".join(rows))
    return out


def _fresh4_tail_markdown(t: Tail4, p: _Printed) -> list[str]:
    """Markdown: runs as ``- [headline][ref]`` lists whose reference definitions (with
    the headline as the link title) close the page; the card a definition list; the bio
    under a setext heading; socials as footnote definitions."""
    out: list[str] = []
    refs: list[str] = []
    if t.teaser:
        refs.append(f'[{p(_ref(t.teaser))}]: {p(_story_url(t.teaser))} "{p(t.teaser)}"')
    for part in t.plan:
        if part == "run" and t.run:
            if t.header:
                out.append("#### " + p(t.header))
            out.append("\n".join(f"- [{p(h)}][{p(_ref(h))}] — {p(d)}" for h, d in t.run))
            refs += [f'[{p(_ref(h))}]: {p(_story_url(h))} "{p(h)}"' for h, _ in t.run
                     if h != t.teaser]
        elif part == "wire" and t.wire:
            out.append(f"**{p(t.wire_header)}**")
            out.append("\n".join(f"- {p(s)}: [{p(h)}][{p(_ref(h))}]" for h, s, _ in t.wire))
            refs += [f"[{p(_ref(h))}]: {p(_story_url(h))}" for h, _, _ in t.wire]
        elif part == "card" and t.card:
            if t.card_header:
                out.append(f"**{p(t.card_header)}**")
            out.append("\n\n".join(f"{p(k)}\n: {p(v)}" for k, v in t.card))
        elif part == "bio" and t.bio:
            head = p(t.bio_header)
            out.append(head + "\n" + "-" * max(3, len(head)))
            out.append(p(t.bio))
        if part in ("social", "card") and t.socials and (part == "social"
                                                         or "social" not in t.plan):
            out.append(p(t.social_header))
            out.append("\n".join(p(f"[^{lab.lower()}]: {lab} — {u} ({m} followers)")
                                 for lab, u, m in t.socials))
    if refs:
        out.append("\n".join(refs))
    return out


def render_fresh4(body: Body, tail: Tail4 | None, layout: str) -> tuple[str, str, Counter[str]]:
    """Fresh4 layouts (page, format, printed tail lines).

    * ``html_table_frame``: a table-frame page (a menu cell beside the content cell, the
      tail in the row below, no ``<main>``/``<article>``); runs as ``<table>`` rows with a
      date cell (the wire with a source cell), the card a paragraph of ``<b>Key</b><br>
      value`` (key and value on lines of their own), the bio a blockquote, the socials
      one ``a | b`` line.
    * ``html_river_hcard``: a ``div#page`` whose site nav comes after the story; the run a
      "river" of ``<li>`` items with image alt text, a ``<time>`` and the link; the wire
      as paragraphs with a ``<small>`` source; the card an h-card of values without keys.
    * ``text_csv_export``: plain text; each tail part a CSV block under a header row
      (``title,url,published``; ``source;headline;date``; ``field,value``).
    * ``markdown_reflinks``: Markdown; runs as reference-style link lists whose
      definitions (headline as the link title) close the page; the card a definition
      list (``Key`` / ``: value``); the bio under a setext heading; footnote socials.
    """
    p = _Printed()
    style = {"html_table_frame": "html_table", "html_river_hcard": "html_story",
             "markdown_reflinks": "markdown"}.get(layout, "text")
    main = _fresh4_body(body, tail, style, p)
    title = next(x for k, x in body if k == "title")
    if layout == "text_csv_export":
        tail_blocks = _fresh4_tail_text(tail, p) if tail is not None else []
        return "\n\n".join(main + tail_blocks) + "\n", "text", p.counts
    if layout == "markdown_reflinks":
        tail_blocks = _fresh4_tail_markdown(tail, p) if tail is not None else []
        return "\n\n".join(main + tail_blocks) + "\n", "markdown", p.counts
    tail_html = _fresh4_tail_html(tail, layout, p) if tail is not None else []
    head = (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{_e(title)}</title>'
            "</head>")
    if layout == "html_table_frame":
        page = (f'{head}<body bgcolor="#ffffff"><table width="100%" cellpadding="4">'
                '<tr><td colspan="2" class="masthead"><b>The Evening Gazette</b></td></tr>'
                '<tr><td class="menu" valign="top" width="160"><a href="/">Index</a><br>'
                '<a href="/archive">Archive</a><br><a href="/letters">Letters</a></td>'
                f'<td class="content" valign="top">{"".join(main)}</td></tr>'
                f'<tr><td></td><td class="below">{"".join(tail_html)}</td></tr>'
                '<tr><td colspan="2"><small>Printed from the archive</small></td></tr>'
                "</table></body></html>\n")
    else:
        page = (f'{head}<body><div id="page"><div class="story">{"".join(main)}</div>'
                f'{"".join(tail_html)}<div class="sitenav"><a href="/">Home</a> · '
                '<a href="/topics">Topics</a> · <a href="/podcasts">Podcasts</a></div>'
                "</div></body></html>\n")
    return page, "html", p.counts


def _deck(rng: random.Random, half: str) -> Iterator[tuple[str, str]]:
    """Body kind and layout of each page of a dealt split (fresh4, fresh5, fresh6): a
    shuffled deck of every combination, dealt again when it runs out (every
    ``len(BODIES[half]) * len(LAYOUTS[half])`` pages cover each combination once)."""
    combos = [(k, lay) for k in BODIES[half] for lay in LAYOUTS[half]]
    while True:
        deck = combos[:]
        rng.shuffle(deck)
        yield from deck


#: a dealt split's way to make a body of one kind from the split's rng and English Faker
BodyMaker = Callable[[random.Random, Any], Body]


def _dealt_split(half: str, n: int, seed: int, *, real: tuple[str, Callable[[], Iterable[Body]]],
                 makers: dict[str, BodyMaker], make_tail: Callable[..., Tail4],
                 render: Callable[..., tuple[str, str, Counter[str]]],
                 dress: Callable[[Tail4, str, random.Random, Any], tuple[Any, ...]] | None = None,
                 ) -> Iterator[tuple[Sample, str, str]]:
    """The generator the dealt splits share: the held-out clickbait and news headlines and
    the split's real bodies shuffled with its own seed, body kind and layout dealt from
    :func:`_deck`, each page rendered with its tail and as its clean twin.

    ``real`` is the kind of the real bodies and their source (taken in turn); ``makers``
    makes every other kind; ``make_tail(locale, layout, rng, heads, news)``;
    ``dress(tail, layout, rng, en)``, called after the tail is made, returns more
    arguments for ``render`` (fresh5's comment section) and may add to the tail's PII.
    The rng is drawn in the same order for every split, so a split's pages depend only
    on its own seed and tables."""
    from faker import Faker

    rng = random.Random(f"{seed}-{half}")
    heads = clickbait_headlines(1)
    rng.shuffle(heads)
    news = clickbait_headlines(1, "non_clickbait_data.gz")
    rng.shuffle(news)
    real_kind, real_source = real
    bodies = list(real_source())
    rng.shuffle(bodies)
    en = Faker("en_US")
    en.seed_instance(seed)
    deck = _deck(rng, half)
    used_real = 0
    for k in range(n):
        kind, layout = next(deck)
        locale = rng.choice(LOCALES[half])
        if kind == real_kind:
            body = bodies[used_real % len(bodies)]
            used_real += 1
        else:
            body = makers[kind](rng, en)
        tail = make_tail(locale, layout, rng, heads, news)
        extra = dress(tail, layout, rng, en) if dress is not None else ()
        page, fmt, printed = render(body, tail, layout, *extra)
        twin, _, _ = render(body, None, layout, *extra)
        lines = list(printed)
        parts = [{"run": "headlines"}.get(x, x) for x in tail.plan]
        yield Sample(f"{half}-{k:04d}", half, kind, layout, locale, fmt, page, twin, lines,
                     [printed[x] for x in lines], [v for v in tail.pii if v], parts), page, twin


def generate_fresh4(n: int, seed: int) -> Iterator[tuple[Sample, str, str]]:
    """``n`` samples of the fresh4 split: the held-out clickbait and news headlines
    (shuffled with its own seed), dolma's WARC pages, press releases, timelines, Odia."""
    return _dealt_split(
        "fresh4", n, seed, real=("warc_prose", warc_bodies),
        makers={"press_release": press_release_body, "timeline": timeline_body,
                "nonlatin_or": lambda rng, en: odia_body(rng)},
        make_tail=make_tail_fresh4, render=render_fresh4)


# -- the fresh5 split --------------------------------------------------------------------
# An eighth split, decided and committed before it was first run through the cleaner
# (2026-12-06, issue 12, after fresh4 had been looked at). Its own shapes: a headline
# grid inside table cells, cards as <dl> or <figure> footers, the tail after a comment
# section, wiki markup with an infobox-like card, cards as dotted JSON-LD-like key paths,
# headlines with a tag in another script ("【独家】", "ВИДЕО:"), a "read also" box
# *before* the last paragraph; 12 Faker locales no other split uses; bodies from
# trafilatura's evaluation pages, glossaries, signed letters, Thai prose mixed with Latin
# words. Every tail line is counted as printed (as fresh3 and fresh4 do).

TRAFEVAL = SHARED / "trafilatura-eval" / "tests"

#: fresh5 Faker locales (personal data) and the language of each one's card keys,
#: headers and bios. Faker has no person provider for bs_BA, sq_AL, sr_BA, el_CY, mt_MT,
#: lb_LU, es_VE, en_PH and fil_PH (names and e-mails fall back to Faker's default English
#: ones; bs_BA phones and en_PH/fil_PH addresses are the locale's own; en_PH/fil_PH have no
#: phone provider, so their numbers are drawn here in the Philippine mobile shape).
FRESH5_LANG = {"th": "th", "en_TH": "en", "en_BD": "bn", "en_PH": "en", "fil_PH": "fil",
               "bs_BA": "bs", "sq_AL": "sq", "sr_BA": "sr", "el_CY": "el", "mt_MT": "mt",
               "lb_LU": "lb", "es_VE": "es"}
LOCALES["fresh5"] = tuple(FRESH5_LANG)
#: Faker locale of the Thai-and-Latin bodies
FRESH5_SCRIPT_LOCALES = ("th",)
NONLATIN_LOCALES["mixed_th_latin"] = list(FRESH5_SCRIPT_LOCALES)
FRESH5_RUN_HEADERS = ("Before You Close This Tab", "Our Readers Also Clicked", "In Other News",
                      "More On The Site", "Fan Favourites", "Weekend Reads")
FRESH5_WIRE_HEADERS = ("Newswire", "Partner Content", "Syndicated Headlines")
FRESH5_CARD_HEADERS = ("Writer card", "Contact the reporter", "Author sheet",
                       "The person behind the story")
FRESH5_SOCIAL_HEADERS = ("Subscribe elsewhere", "Follow my work", "My other corners",
                         "Find me here")
#: per language: (run headers, wire header, "read also" label, card header, social header)
FRESH5_LOCAL: dict[str, tuple[tuple[str, str], str, str, str, str]] = {
    "th": (("ข่าวที่เกี่ยวข้อง", "ยอดนิยมประจำวัน"), "ข่าวด่วนล่าสุด", "อ่านต่อ", "ข้อมูลผู้เขียน",
           "ติดตามฉัน"),
    "en": (("Picked By Our Editors", "Everyone Is Reading"), "Across The Newsroom",
           "Also worth a look", "Writer at a glance", "Ping me"),
    "bn": (("আরও পড়ুন", "সর্বাধিক পঠিত"), "সর্বশেষ সংবাদ", "আরও দেখুন", "লেখক পরিচিতি",
           "আমাকে অনুসরণ করুন"),
    "fil": (("Mga kaugnay na balita", "Pinakabinabasa"), "Pinakabagong balita", "Basahin din",
            "Tungkol sa manunulat", "Sundan ako"),
    "bs": (("Povezane vijesti", "Najčitanije danas"), "Najnovije vijesti", "Pročitajte i",
           "O autoru teksta", "Pratite me"),
    "sq": (("Lajme të ngjashme", "Më të lexuarat"), "Lajmet e fundit", "Lexo edhe",
           "Rreth autorit", "Më ndiqni"),
    "sr": (("Повезане вести", "Најчитаније"), "Најновије вести", "Прочитајте још", "О аутору",
           "Пратите ме"),
    "el": (("Σχετικά άρθρα", "Τα πιο δημοφιλή"), "Τελευταία νέα", "Διαβάστε επίσης",
           "Για τον συντάκτη", "Ακολουθήστε με"),
    "mt": (("Aħbarijiet relatati", "L-iktar moqrija"), "L-aħħar aħbarijiet", "Aqra wkoll",
           "Dwar il-kittieb", "Segwini"),
    "lb": (("Ähnlech Artikelen", "Am meeschte gelies"), "Lescht Neiegkeeten", "Liest och",
           "Iwwer den Auteur", "Follegt mir"),
    "es": (("Sigue leyendo en la web", "Lo que todos comentan"), "Al cierre de esta edición",
           "Mira también", "Ficha de la autora", "Mis perfiles"),
}
#: fresh5 card keys (name, username, e-mail, birth date, address, phone, company, job,
#: bio) in the generator's own words
FRESH5_CARD_KEY_WORDS: dict[str, tuple[str, ...]] = {
    "th": ("ชื่อ-นามสกุล", "ชื่อผู้ใช้", "อีเมล", "วันเกิด", "ที่อยู่", "เบอร์โทร", "บริษัท", "ตำแหน่ง",
           "แนะนำตัว"),
    "en": ("Writer", "On-site handle", "Write to", "Date born", "Postal address line",
           "Mobile line", "Employed by", "Beat", "Tagline"),
    "bn": ("নাম", "ব্যবহারকারীর নাম", "ইমেইল", "জন্ম তারিখ", "ঠিকানা", "ফোন", "প্রতিষ্ঠান",
           "পেশা", "পরিচিতি"),
    "fil": ("Pangalan", "Username ng user", "Email address", "Kaarawan", "Tirahan",
            "Numero ng telepono", "Kumpanya", "Trabaho", "Tungkol sa akin"),
    "bs": ("Puno ime", "Korisnik", "E-adresa", "Rođen(a)", "Prebivalište", "Broj telefona",
           "Poslodavac", "Zvanje", "Ukratko"),
    "sq": ("Emri", "Përdoruesi", "Posta elektronike", "Datëlindja", "Adresa e banimit",
           "Nr. tel.", "Kompania", "Profesioni", "Pak për mua"),
    "sr": ("Име и презиме", "Корисничко име", "Е-пошта", "Датум рођења", "Пребивалиште",
           "Бр. телефона", "Послодавац", "Занимање", "О мени"),
    "el": ("Ονοματεπώνυμο", "Όνομα χρήστη", "Ηλ. ταχυδρομείο", "Ημερομηνία γέννησης",
           "Διεύθυνση", "Τηλέφωνο", "Εταιρεία", "Επάγγελμα", "Λίγα λόγια"),
    "mt": ("Isem", "Isem tal-utent", "Indirizz elettroniku", "Data tat-twelid", "Indirizz",
           "Numru tat-telefon", "Kumpanija", "Xogħol", "Dwari"),
    "lb": ("Numm", "Benotzernumm", "E-Mail-Adress", "Gebuertsdag", "Wunnadress",
           "Telefonsnummer", "Betrib", "Beruff", "Iwwer mech"),
    "es": ("Nombre y apellidos del autor", "Seudónimo", "Correo personal", "Cumpleaños",
           "Dirección de habitación", "Teléfono celular", "Empresa donde trabaja",
           "Ocupación actual", "Breve reseña"),
}
#: the card as dotted key paths (``text_dotted_keys``: a JSON-LD-like object flattened)
FRESH5_DOTTED_KEYS = ("byline.fullName", "byline.login", "byline.mail", "byline.dob",
                      "byline.street", "byline.tel", "byline.employer", "byline.position",
                      "byline.summary")
#: prose bios (header, text) in a few of the languages; others use English
FRESH5_BIOS = {
    "en": ("A word from {name}", "I am {name}, a {job} with {company} living in {city}. "
           "Born {birth}. Drop a line to {email}, call {phone} or find {handle}."),
    "es": ("Así es {name}", "{name} trabaja como {job} en {company} y vive en {city}. "
           "Nació el {birth}. Escríbele a {email}, llama al {phone} o búscala como {handle}."),
    "el": ("Λίγα λόγια για {name}", "{name}: {job} στην {company}, ζει στην πόλη {city}. "
           "Γεννήθηκε {birth}. Email {email}, τηλ. {phone}, {handle}."),
    "fil": ("Kilalanin si {name}", "Si {name} ay {job} sa {company} at nakatira sa {city}. "
            "Ipinanganak noong {birth}. Email {email}, telepono {phone}, {handle}."),
}
#: social platforms of fresh5 (none another split uses): (label, profile URL with {h})
FRESH5_PLATFORMS = (("Goodreads", "goodreads.com/{h}"), ("Bandcamp", "{h}.bandcamp.com"),
                    ("Ko-fi", "ko-fi.com/{h}"), ("Linktree", "linktr.ee/{h}"),
                    ("DeviantArt", "deviantart.com/{h}"), ("Mixcloud", "mixcloud.com/{h}"))
FRESH5_SOURCES = ("Island Herald", "Northgate Post", "Daily Compass", "Wire Asia",
                  "Metro Evening", "Bay Chronicle")
#: tags in another script put before a headline (mixed-script headlines)
FRESH5_TAGS = ("【独家】", "[단독]", "ВИДЕО:", "عاجل:", "ด่วน!", "ΒΙΝΤΕΟ:", "[動画]", "速報:")
FRESH5_BIRTH_FORMATS = ("{d}-{mon}-{y:04d}", "{y:04d}.{m:02d}.{d:02d}", "{m:02d}/{d:02d}/{y:04d}")
#: the plans of a fresh5 tail: the parts in print order
FRESH5_PLANS: tuple[tuple[str, ...], ...] = (
    ("run", "social", "card"), ("bio", "card"), ("wire", "run"), ("social", "run", "bio"),
    ("card", "run", "wire"), ("run", "card", "bio", "social"), ("bio",), ("wire", "social"),
)
_LATIN_TECH = ("iPhone", "Wi-Fi", "5G", "Netflix", "app", "Bluetooth", "USB-C", "online",
               "AI", "update", "LINE", "QR code", "GPS", "smart TV", "podcast", "e-wallet")


def trafeval_bodies() -> Iterator[Body]:
    """Fresh5: the pages of trafilatura's evaluation set (``tests/eval`` and
    ``tests/cache``; no other split reads them), each page's ``<p>`` paragraphs of >= 20
    words that end in a sentence mark and hold no e-mail address or URL."""
    for path in sorted([*TRAFEVAL.glob("eval/*.html"), *TRAFEVAL.glob("cache/*.html")]):
        page = path.read_text("utf-8", "replace")
        paras = []
        for raw in re.findall(r"<p[^>]*>(.*?)</p>", page, re.S | re.I):
            text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", raw)).split())
            text = re.sub(r"\s+([,.;:!?])", r"\1", text)
            if (len(text.split()) >= 20 and text[-1:] in ".!?" and "@" not in text
                    and "http" not in text and text not in paras):
                paras.append(text)
        if len(paras) < 3:
            continue
        title = re.search(r"<title[^>]*>(.*?)</title>", page, re.S | re.I)
        head = " ".join(html.unescape(title.group(1)).split()) if title else ""
        head = " ".join(head.split()[:10]) or " ".join(paras[0].split()[:8])
        yield [("title", head)] + [("para", p) for p in paras[:9]]


def glossary_body(rng: random.Random, en: Any) -> Body:
    """Fresh5: a glossary: an introduction, ``Term — definition`` lines (short lines of a
    key and a value, as a card's are), a closing paragraph."""
    topic = en.word().title()
    body: Body = [("title", f"A Glossary Of {topic} Terms"), ("para", _intro(en, rng)),
                  ("heading", "Terms")]
    terms: list[str] = []
    while len(terms) < rng.randint(6, 10):
        term = " ".join(en.word().title() for _ in range(rng.randint(1, 2)))
        if term not in terms:
            terms.append(term)
    for term in terms:
        body.append(("line", f"{term} — {en.sentence(nb_words=rng.randint(6, 12))}"))
    body.append(("para", _intro(en, rng)))
    return body


def letters_body(rng: random.Random, en: Any) -> Body:
    """Fresh5: letters to the editor, each a paragraph signed on a line of its own
    (``— Name, City``: a byline-like line that is the content)."""
    body: Body = [("title", f"Letters: {en.catch_phrase().title()}")]
    for _ in range(rng.randint(3, 5)):
        body.append(("para", _intro(en, rng)))
        body.append(("line", f"— {en.name()}, {en.city()}"))
    body.append(("para", "Letters may be edited for length. "
                 + en.sentence(nb_words=rng.randint(8, 12))))
    return body


def mixed_th_latin_body(rng: random.Random) -> Body:
    """Fresh5: Thai prose mixed with Latin words (brand names, tech terms, numbers), as
    Thai news writes about technology; Thai words from the ``th`` locale's names, cities
    and streets, sentences separated by spaces."""
    from faker import Faker

    fk = Faker(FRESH5_SCRIPT_LOCALES[0])
    fk.seed_instance(rng.randint(0, 10**9))
    words: list[str] = []
    while len(words) < 200:
        text = f"{fk.name()} {fk.city()} {fk.address()}"
        words += [w for w in re.split(r"[\s,/\-.]+", text)
                  if w and not _ASCII_LETTER.search(w) and not w.isdigit()]

    def sentence(lo: int, hi: int) -> str:
        out = [rng.choice(words) for _ in range(rng.randint(lo, hi))]
        for _ in range(rng.randint(1, 2)):
            out.insert(rng.randrange(len(out) + 1), rng.choice(_LATIN_TECH))
        return " ".join(out)

    body: Body = [("title", sentence(3, 5))]
    for k in range(rng.randint(4, 6)):
        if k and rng.random() < 0.3:
            body.append(("heading", sentence(2, 3)))
        body.append(("para", "  ".join(sentence(6, 12) for _ in range(rng.randint(3, 5)))))
    return body


def _fresh5_phone(fake: Any, rng: random.Random) -> str:
    try:
        return str(fake.phone_number())
    except AttributeError:  # en_PH, fil_PH: no phone provider
        return f"+63 9{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"


def make_tail_fresh5(locale: str, rng: random.Random, heads: list[str],
                     news: list[str]) -> Tail4:
    from faker import Faker

    fake = Faker(locale)
    fake.seed_instance(rng.randint(0, 10**9))
    lang = FRESH5_LANG[locale]
    local = FRESH5_LOCAL[lang]
    t = Tail4(plan=rng.choice(FRESH5_PLANS))
    tagged = rng.random() < 0.4
    if "run" in t.plan:
        k = rng.randint(3, 9)
        if rng.random() < 0.3:
            n_news = rng.randint(1, k - 1)
            items = rng.sample(heads, k - n_news) + rng.sample(news, n_news)
            rng.shuffle(items)
        else:
            items = rng.sample(heads, k)
        case = rng.choice(("as printed", "title", "sentence"))
        run = [_recase(h, case) for h in items]
        if tagged:
            run = [f"{rng.choice(FRESH5_TAGS)} {h}" if rng.random() < 0.5 else h for h in run]
        t.run = [(h, "") for h in dict.fromkeys(run)]
        if rng.random() < 0.75:
            t.header = rng.choice(local[0]) if rng.random() < 0.5 \
                else rng.choice(FRESH5_RUN_HEADERS)
        r = rng.random()
        if r < 0.35:  # a "read also" box before the body's last paragraph
            t.teaser_label = local[2]
            t.teaser = t.run[rng.randrange(len(t.run))][0]
        elif r < 0.6:
            t.glued = t.run[rng.randrange(len(t.run))][0]
    if "wire" in t.plan:
        used = {h for h, _ in t.run}
        items = [h for h in rng.sample(news, rng.randint(2, 5)) if h not in used]
        if tagged:
            items = [f"{rng.choice(FRESH5_TAGS)} {h}" for h in items]
        t.wire = [(h, rng.choice(FRESH5_SOURCES), "") for h in items]
        t.wire_header = local[1] if rng.random() < 0.5 else rng.choice(FRESH5_WIRE_HEADERS)
    name = fake.name()
    user = _dev2_user_name(fake)
    email = fake.email()
    born = date_of_birth(fake, 22, 75)
    birth = rng.choice(FRESH5_BIRTH_FORMATS).format(
        y=born.year, m=born.month, d=born.day, mon=_MON3[born.month - 1])
    phone = _fresh5_phone(fake, rng)
    address = fake.address().replace("\n", ", ")
    _card_and_bio(t, rng, fake, lang, local, (name, user, email, birth, address, phone),
                  keys=FRESH5_CARD_KEY_WORDS, headers=FRESH5_CARD_HEADERS, bios=FRESH5_BIOS,
                  motto=fake.catch_phrase, name_first=0.5)
    if "social" in t.plan or ("card" in t.plan and rng.random() < 0.3):
        t.social_header = local[4] if rng.random() < 0.5 else rng.choice(FRESH5_SOCIAL_HEADERS)
        for label, url in rng.sample(FRESH5_PLATFORMS, rng.randint(1, 3)):
            handle = _dev2_user_name(fake).replace(".", "").replace("_", "") \
                + str(rng.randint(10, 99))
            t.socials.append((label, url.format(h=handle), str(rng.randint(40, 40000))))
            t.pii += [url.format(h=handle), handle]
    return t


def _fresh5_body(body: Body, tail: Tail4 | None, style: str, p: _Printed) -> list[str]:
    """The body as blocks (``grid``, ``comments``: HTML; ``wiki``; ``text``), with the
    tail's "read also" box before the last paragraph or its glued headline on it."""
    out: list[str] = []
    lines: list[str] = []
    last_para = max(i for i, (k, _) in enumerate(body) if k == "para")

    def flush() -> None:
        if not lines:
            return
        if style == "grid":  # key/value-like lines as a definition list
            items = "".join(f"<dt>{_e(a)}</dt><dd>{_e(b)}</dd>" if b else f"<dd>{_e(a)}</dd>"
                            for a, _, b in (x.partition(" — ") for x in lines))
            out.append(f"<dl>{items}</dl>")
        elif style == "comments":
            out.append('<ul class="plain">' + "".join(f"<li>{_e(x)}</li>" for x in lines)
                       + "</ul>")
        elif style == "wiki":
            out.append("\n".join(f"; {a} : {b}" if b else f": {a}"
                                 for a, _, b in (x.partition(" — ") for x in lines)))
        else:
            out.append("\n".join(lines))
        lines.clear()

    for i, (kind, text) in enumerate(body):
        if kind == "line":
            lines.append(text)
            continue
        flush()
        if i == last_para and tail is not None and tail.teaser:
            label, head = p(tail.teaser_label), p(tail.teaser)
            if style in ("grid", "comments"):
                out.append(f'<aside class="also"><b>{_e(label)}</b> '
                           f'<a href="{_story_url(head)}">{_e(head)}</a></aside>')
            elif style == "wiki":
                out.append(f"{{{{{label} | [{p(_story_url(head))} {head}]}}}}")
            else:
                out.append(f"[ {label} ] {head}")
        if i == last_para and tail is not None and tail.glued:
            text = text + " … " + p(tail.glued)
        if style in ("grid", "comments"):
            tag = {"title": "h1", "heading": "h2"}.get(kind, "p")
            out.append(f"<{tag}>{_e(text)}</{tag}>")
        elif style == "wiki":
            out.append({"title": "= {} =", "heading": "== {} =="}.get(kind, "{}").format(text))
        else:
            out.append(text)
    flush()
    return out


def _fresh5_tail_html(t: Tail4, layout: str, p: _Printed) -> list[str]:
    out: list[str] = []
    grid = layout == "html_cell_grid"
    for part in t.plan:
        if part == "run" and t.run:
            if grid:  # a headline grid: three cells a row
                cells = [f'<td><a href="{_story_url(h)}"><img src="/t/{_ref(h)}.jpg" alt=""></a>'
                         f'<br><a href="{_story_url(h)}">{_e(p(h))}</a></td>' for h, _ in t.run]
                rows = "".join("<tr>" + "".join(cells[k:k + 3]) + "</tr>"
                               for k in range(0, len(cells), 3))
                head = f'<tr><th colspan="3">{_e(p(t.header))}</th></tr>' if t.header else ""
                out.append(f'<table class="grid">{head}{rows}</table>')
            else:
                head = f"<strong>{_e(p(t.header))}</strong>" if t.header else ""
                items = "".join(f'<li><a href="{_story_url(h)}">{_e(p(h))}</a></li>'
                                for h, _ in t.run)
                out.append(f'<div class="widget">{head}<ol>{items}</ol></div>')
        elif part == "wire" and t.wire:
            if grid:
                items = " • ".join(f'<a href="{_story_url(h)}">{_e(p(h))}</a> ({_e(p(s))})'
                                   for h, s, _ in t.wire)
                out.append(f'<p class="wire"><b>{_e(p(t.wire_header))}</b> {items}</p>')
            else:
                items = "".join(f'<li><a href="{_story_url(h)}">{_e(p(h))}</a> — '
                                f"<em>{_e(p(s))}</em></li>" for h, s, _ in t.wire)
                out.append(f'<h4>{_e(p(t.wire_header))}</h4><ul class="ticker">{items}</ul>')
        elif part == "card" and t.card:
            rows = "".join(f"<dt>{_e(p(k))}</dt><dd>{_e(p(v))}</dd>" for k, v in t.card)
            if grid:  # a figure whose caption holds the card
                head = f"<strong>{_e(p(t.card_header))}</strong>" if t.card_header else ""
                out.append(f'<figure class="author"><img src="/a/{_ref(t.card[0][1])}.png" '
                           f'alt=""><figcaption>{head}<dl>{rows}</dl></figcaption></figure>')
            else:
                head = f"<h4>{_e(p(t.card_header))}</h4>" if t.card_header else ""
                out.append(f'{head}<dl class="author-meta">{rows}</dl>')
        elif part == "bio" and t.bio:
            if grid:
                out.append(f'<figure class="bio"><blockquote>{_e(p(t.bio))}</blockquote>'
                           f"<figcaption>{_e(p(t.bio_header))}</figcaption></figure>")
            else:
                out.append(f'<div class="author-bio"><strong>{_e(p(t.bio_header))}</strong> '
                           f"{_e(p(t.bio))}</div>")
        if part in ("social", "card") and t.socials and (part == "social"
                                                         or "social" not in t.plan):
            if grid:
                items = "".join(f'<dd><a href="https://{u}">{_e(p(f"{lab}: {u}"))}</a></dd>'
                                for lab, u, _ in t.socials)
                out.append(f'<dl class="social"><dt>{_e(p(t.social_header))}</dt>{items}</dl>')
            else:
                links = " · ".join(f'<a href="https://{u}">{_e(p(f"{lab} {u}"))}</a>'
                                   for lab, u, _ in t.socials)
                out.append(f'<p class="follow">{_e(p(t.social_header))} {links}</p>')
    return out


def _fresh5_tail_wiki(t: Tail4, p: _Printed) -> list[str]:
    """Wiki markup: runs under ``== header ==`` as external-link items, the wire as
    internal links, the card an infobox-like template, socials as a template row."""
    out: list[str] = []
    for part in t.plan:
        if part == "run" and t.run:
            items = "\n".join(f"* [{p(_story_url(h))} {p(h)}]" for h, _ in t.run)
            out.append((f"== {p(t.header)} ==\n" if t.header else "") + items)
        elif part == "wire" and t.wire:
            out.append(f"=== {p(t.wire_header)} ===\n"
                       + "\n".join(f"* {p(s)}: [[{p(h)}]]" for h, s, _ in t.wire))
        elif part == "card" and t.card:
            rows = "\n".join(f"| {p(f'{k} = {v}')}" for k, v in t.card)
            out.append("{{" + (p(t.card_header) if t.card_header else "") + "\n" + rows
                       + "\n}}")
        elif part == "bio" and t.bio:
            out.append(f"'''{p(t.bio_header)}'''\n{p(t.bio)}")
        if part in ("social", "card") and t.socials and (part == "social"
                                                         or "social" not in t.plan):
            out.append(f"{{{{{p(t.social_header)}"
                       + "".join(f" | {p(f'{lab} = {u}')}" for lab, u, _ in t.socials) + "}}")
    return out


def _fresh5_tail_dotted(t: Tail4, p: _Printed) -> list[str]:
    """Plain text: runs as ``▸`` lines, the wire as ``source ⟩ headline`` lines, the card
    a flattened JSON-LD-like object (``byline.mail: …``), socials as ``links.x = url``."""
    out: list[str] = []
    for part in t.plan:
        if part == "run" and t.run:
            rows = [p(t.header)] if t.header else []
            out.append("\n".join(rows + [f"▸ {p(h)}" for h, _ in t.run]))
        elif part == "wire" and t.wire:
            out.append("\n".join([p(t.wire_header)]
                                 + [f"{p(s)} ⟩ {p(h)}" for h, s, _ in t.wire]))
        elif part == "card" and t.card:
            keys = dict(zip(FRESH5_CARD_KEY_WORDS["en"], FRESH5_DOTTED_KEYS, strict=True))
            for table in FRESH5_CARD_KEY_WORDS.values():
                keys.update(zip(table, FRESH5_DOTTED_KEYS, strict=True))
            rows = [p(t.card_header)] if t.card_header else []
            rows += [p(f"{keys[k]}: {v}") for k, v in t.card]
            out.append("\n".join(rows))
        elif part == "bio" and t.bio:
            out.append(p(t.bio_header) + "\n" + p(t.bio))
        if part in ("social", "card") and t.socials and (part == "social"
                                                         or "social" not in t.plan):
            rows = [p(t.social_header)]
            rows += [p(f"links.{lab.lower().replace('-', '')} = https://{u}")
                     for lab, u, _ in t.socials]
            out.append("\n".join(rows))
    return out


def _comments(rng: random.Random, en: Any) -> list[tuple[str, str]]:
    """A comment section (readers' names and comments): part of the page's content in both
    the page and its twin; the tail comes after it."""
    return [(en.name(), " ".join(en.sentence(nb_words=rng.randint(6, 14))
                                 for _ in range(rng.randint(1, 3))))
            for _ in range(rng.randint(2, 4))]


def render_fresh5(body: Body, tail: Tail4 | None, layout: str,
                  comments: list[tuple[str, str]]) -> tuple[str, str, Counter[str]]:
    """Fresh5 layouts (page, format, printed tail lines).

    * ``html_cell_grid``: a ``div.wrap`` page; the run a grid of headline cells (three a
      row, a thumbnail above each link), the wire one ``a (Source) • b`` paragraph, the card
      a ``<figure>`` whose caption holds a ``<dl>``, the bio a figure with a blockquote,
      socials a ``<dl>``; the body's key/value lines are a ``<dl>`` too.
    * ``html_comments_footer``: ``<article>``, then a comment section, then a
      ``<footer>`` with the tail: an ``<ol>`` widget, a ticker of news with ``<em>``
      sources, a ``<dl>`` card under an ``<h4>``, the bio header inline with the bio.
    * ``text_wikitext``: wiki markup; runs as ``* [url headline]`` under ``== header ==``,
      the wire as ``[[internal links]]``, the card an infobox-like ``{{…| key = value}}``.
    * ``text_dotted_keys``: plain text; runs as ``▸`` lines, the wire as ``source ⟩
      headline``, the card as dotted key paths (``byline.mail: …``), ``links.x = url``.
    """
    p = _Printed()
    style = {"html_cell_grid": "grid", "html_comments_footer": "comments",
             "text_wikitext": "wiki"}.get(layout, "text")
    main = _fresh5_body(body, tail, style, p)
    title = next(x for k, x in body if k == "title")
    if layout == "text_wikitext":
        tail_blocks = _fresh5_tail_wiki(tail, p) if tail is not None else []
        return "\n\n".join(main + tail_blocks) + "\n", "text", p.counts
    if layout == "text_dotted_keys":
        tail_blocks = _fresh5_tail_dotted(tail, p) if tail is not None else []
        return "\n\n".join(main + tail_blocks) + "\n", "text", p.counts
    tail_html = _fresh5_tail_html(tail, layout, p) if tail is not None else []
    head = (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{_e(title)}</title>'
            "</head>")
    if layout == "html_cell_grid":
        page = (f'{head}<body><div class="wrap"><div class="entry">{"".join(main)}</div>'
                f'<div class="below-entry">{"".join(tail_html)}</div></div></body></html>\n')
    else:
        thread = "".join(f'<li class="comment"><div class="comment-author"><cite>{_e(n)}</cite>'
                         f"</div><p>{_e(c)}</p></li>" for n, c in comments)
        page = (f"{head}<body><article>{''.join(main)}</article>"
                f'<section id="comments"><h2>Responses</h2><ol class="commentlist">{thread}'
                f'</ol></section><footer class="site-foot">{"".join(tail_html)}</footer>'
                "</body></html>\n")
    return page, "html", p.counts


def generate_fresh5(n: int, seed: int) -> Iterator[tuple[Sample, str, str]]:
    """``n`` samples of the fresh5 split: the held-out clickbait and news headlines
    (shuffled with its own seed), trafilatura's evaluation pages, glossaries, letters,
    Thai-and-Latin prose; body kind and layout from a shuffled deck of the 16 pairs."""

    def comments(tail: Tail4, layout: str, rng: random.Random, en: Any) -> tuple[Any, ...]:
        return (_comments(rng, en) if layout == "html_comments_footer" else [],)

    return _dealt_split(
        "fresh5", n, seed, real=("trafeval_prose", trafeval_bodies),
        makers={"glossary": glossary_body, "letters": letters_body,
                "mixed_th_latin": lambda rng, en: mixed_th_latin_body(rng)},
        make_tail=lambda locale, layout, rng, heads, news: make_tail_fresh5(
            locale, rng, heads, news),
        render=render_fresh5, dress=comments)


# -- the fresh6 split --------------------------------------------------------------------
# A ninth split, decided and committed before it was first run through the cleaner
# (2026-12-07, issue 12, after fresh5): held out (``HELD_OUT``) until fresh7 came the same
# day (a development and training split since). Seed 120726; 12 Faker
# locales no other split uses for personal data (their card keys, headers and bios in
# Hebrew, Persian, Simplified and Traditional Chinese, Armenian, Macedonian, Québec French,
# Egyptian and Gulf Arabic, Danish, Latin and Nigerian Pidgin; no split had card keys in
# any of them but French, Arabic and Danish, whose strings here are others);
# bodies from a source no split reads (the prose of Python's own language reference,
# ``pydoc_data.topics``), chat logs and timetables (short lines), prose made of the
# Malayalam, Telugu, Kannada and Georgian words of jusText's stop lists (scripts no split's
# body uses); six layouts (three text: org-mode, BBCode forum dumps, a newsletter quoted
# with ``>`` under an "On ..., X wrote:" line with emoji bullets and an e-mail signature
# card; three HTML: an AMP page with an ``amp-carousel`` and ``amp-accordion`` sections,
# schema.org microdata ``ItemList``/``Person`` markup, a block theme's Gutenberg/Elementor
# wrappers with latest-posts and icon-list widgets); headline items carry engagement counts
# ("2.4K views") and dates; a teaser after the body's *middle* paragraph, a glued headline
# after an emoji; body kind and layout dealt from a shuffled deck of the 24 combinations.

#: fresh6 Faker locales (personal data) and the language of each one's card keys, headers
#: and bios. Person and address providers of their own: fa_IR, zh_CN, zh_TW, hy_AM, mk_MK
#: (phones too) and he_IL (Faker's default phones): the lorem of earlier splits' non-Latin
#: bodies, never their personal data, and no split had card keys in their languages;
#: fr_QC has names only; ar_EG, ar_BH, dk_DK, la and ng_NG (used by no split at all) have
#: none: Faker's default English names, e-mails, phones and addresses. Left out: the
#: aliases de/es/en (de_DE/es_ES/en_US's data), fresh3's body locales (hi_IN, ta_IN, si_LK,
#: gu_IN: its test keeps them unused) and body locales whose languages had card keys
#: already (th_TH, bn_BD, el_GR, ar_AA, tl_PH, ...).
FRESH6_LANG = {"he_IL": "he", "fa_IR": "fa", "zh_CN": "zh", "zh_TW": "zh_tw", "hy_AM": "hy",
               "mk_MK": "mk", "fr_QC": "fr_qc", "ar_EG": "ar_eg", "ar_BH": "ar_gulf",
               "dk_DK": "da", "la": "la", "ng_NG": "pcm"}
LOCALES["fresh6"] = tuple(FRESH6_LANG)
#: jusText stop lists whose words make the fresh6 non-Latin bodies (no split's body uses
#: these scripts)
FRESH6_SCRIPTS = ("Malayalam", "Telugu", "Kannada", "Georgian")
FRESH6_RUN_HEADERS = ("Keep Scrolling", "Readers Also Opened", "More Headlines", "The Next Click",
                      "Hot Off The Press", "Staff Selections")
FRESH6_WIRE_HEADERS = ("Ticker", "From The Feeds", "Elsewhere In The News")
FRESH6_CARD_HEADERS = ("Who penned this", "Byline card", "The author in brief",
                       "Contributor facts")
FRESH6_SOCIAL_HEADERS = ("Catch me online", "My accounts", "Keep in contact", "Online presence")
#: per language: (run headers, wire header, teaser label, card header, social header)
FRESH6_LOCAL: dict[str, tuple[tuple[str, str], str, str, str, str]] = {
    "he": (("כתבות נוספות", "הנקראות ביותר"), "מבזקים", "כדאי לקרוא", "על הכותב",
           "עקבו אחריי"),
    "fa": (("مطالب مرتبط", "پربازدیدترین‌ها"), "تازه‌ترین خبرها", "بخوانید", "درباره نویسنده",
           "مرا دنبال کنید"),
    "zh": (("相关阅读", "热门文章"), "最新快讯", "延伸阅读", "作者简介", "关注我"),
    "zh_tw": (("相關新聞", "熱門排行"), "即時新聞", "推薦閱讀", "關於作者", "追蹤我"),
    "hy": (("Նմանատիպ նյութեր", "Ամենաընթերցվածը"), "Վերջին լուրեր", "Կարդացեք նաև",
           "Հեղինակի մասին", "Հետևեք ինձ"),
    "mk": (("Поврзани вести", "Најчитани"), "Најнови вести", "Прочитајте и", "За авторот",
           "Следете ме"),
    "fr_qc": (("À lire sur le même sujet", "Les plus populaires cette semaine"), "En rafale",
              "À voir aussi", "Le journaliste", "Me suivre"),
    "ar_eg": (("اقرأ كمان", "الأكثر تداولا"), "أخبار عاجلة", "شوف كمان", "عن المحرر",
              "تابعوني"),
    "da": (("Andre læste også", "Mest populære i dag"), "Seneste nyt", "Se også",
           "Skribentens profil", "Følg mig"),
    "la": (("Lectiones affines", "Saepissime lecta"), "Nuntii recentissimi", "Lege etiam",
           "De auctore", "Sequere me"),
    "ar_gulf": (("أخبار ذات علاقة", "الأكثر متابعة"), "مستجدات", "طالع أيضاً", "تعريف بالكاتب",
                "تواصل معي"),
    "pcm": (("Oda tori wey relate", "Di ones wey pipo read pass"), "Fresh tori",
            "Read dis one too", "Who write dis tori", "Follow me for dia"),
}
#: fresh6 card keys (name, username, e-mail, birth date, address, phone, company, job,
#: bio) in the generator's own words; "en" is used on 40% of the cards
FRESH6_CARD_KEY_WORDS: dict[str, tuple[str, ...]] = {
    "he": ("שם מלא", "שם משתמש", "דוא\"ל", "תאריך לידה", "כתובת מגורים", "טלפון נייד", "חברה",
           "תפקיד", "קצת עליי"),
    "fa": ("نام و نام خانوادگی", "نام کاربری", "پست الکترونیک", "تاریخ تولد", "نشانی",
           "تلفن همراه", "شرکت", "شغل", "درباره من"),
    "zh": ("姓名", "用户名", "电子邮箱", "出生日期", "地址", "手机", "公司", "职位", "个人简介"),
    "zh_tw": ("真實姓名", "帳號", "電子郵件", "生日", "通訊地址", "聯絡電話", "任職公司", "職稱",
              "自我介紹"),
    "hy": ("Անուն Ազգանուն", "Օգտանուն", "Էլ. փոստ", "Ծննդյան ամսաթիվ", "Հասցե", "Հեռախոս",
           "Ընկերություն", "Մասնագիտություն", "Իմ մասին"),
    "mk": ("Целосно име", "Кориснички профил", "Електронска пошта", "Датум на раѓање",
           "Адреса на живеење", "Телефонски број", "Компанија", "Професија", "За мене"),
    "fr_qc": ("Nom au complet", "Code d'usager", "Adresse courriel", "Date de fête",
              "Adresse de correspondance", "Cellulaire", "Employeur actuel", "Titre du poste",
              "En quelques mots"),
    "ar_eg": ("الاسم بالكامل", "اسم الدخول", "الميل", "تاريخ الولادة", "العنوان بالتفصيل",
              "رقم الموبايل", "الشركة اللي بشتغل فيها", "الشغلانة", "نبذة عني"),
    "da": ("Fulde navn", "Brugernavn", "E-mailadresse", "Fødselsdag", "Hjemadresse", "Mobilnummer",
           "Nuværende arbejdsgiver", "Jobtitel", "Kort om mig"),
    "la": ("Nomen", "Nomen usoris", "Inscriptio electronica", "Dies natalis", "Domicilium",
           "Numerus telephonicus", "Societas", "Officium", "De me"),
    "ar_gulf": ("اسم الكاتب", "اليوزر", "البريد", "المواليد", "عنوان السكن", "رقم الجوال",
                "جهة العمل الحالية", "المسمى الوظيفي", "نبذة قصيرة"),
    "pcm": ("Name wey I dey answer", "Username for site", "Email wey dey work",
            "Di day wey dem born me", "Where I dey stay", "Phone number wey dey work",
            "Company wey I dey work", "Wetin I dey do", "Small tori about me"),
    "en": ("Author name", "Known online as", "E-mail me", "Date of birth (DOB)", "Street address",
           "Call or text", "Employed at", "Current role", "One-liner"),
}
#: prose bios (header, text) in a few of the languages; others use English
FRESH6_BIOS = {
    "en": ("Hi, I'm {name}", "I'm {name}, {job} at {company}, writing from {city}. My birthday "
           "is {birth}. Mail {email}, text {phone}, or find me as {handle}."),
    "fr_qc": ("Qui est {name}?", "{name} est {job} chez {company} et habite à {city}. "
              "Naissance : {birth}. Courriel : {email}; cellulaire : {phone}; réseaux : "
              "{handle}."),
    "da": ("Mød {name}", "{name} arbejder som {job} hos {company} og bor i {city}. Født "
           "{birth}. Skriv til {email} eller ring {phone}; online {handle}."),
    "he": ("הכירו את {name}", "{name} עובד/ת כ{job} ב{company} וגר/ה ב{city}. נולד/ה ב-{birth}. "
           "דוא\"ל {email}, טלפון {phone}, ברשת {handle}."),
    "zh": ("关于{name}", "{name}，{company}{job}，现居{city}。生日 {birth}。邮箱 {email} ，"
           "电话 {phone} ，网名 {handle} 。"),
}
#: social platforms of fresh6 (none another split uses): (label, profile URL with {h})
FRESH6_PLATFORMS = (("Weibo", "weibo.com/{h}"), ("Xing", "xing.com/profile/{h}"),
                    ("Discord", "discord.gg/{h}"), ("Quora", "quora.com/profile/{h}"),
                    ("Unsplash", "unsplash.com/@{h}"), ("itch.io", "{h}.itch.io"))
FRESH6_SOURCES = ("Lantern Daily", "Riverside Gazette", "Signal Desk", "Capital Bulletin",
                  "Summit Observer", "Harborline News")
#: bullets of the newsletter layout's headline lines
FRESH6_EMOJI = ("🔥", "👉", "⭐", "📌", "💥", "✅")
FRESH6_BIRTH_FORMATS = ("{d:02d}/{m:02d}/{y:04d}", "{y:04d}-{m}-{d}", "{d}.{mon}.{y:04d}")
#: the plans of a fresh6 tail: the parts in print order
FRESH6_PLANS: tuple[tuple[str, ...], ...] = (
    ("run", "bio", "social"), ("card", "run"), ("social", "card", "wire"),
    ("wire", "bio", "run"), ("run", "wire", "card", "social"), ("bio", "social"), ("card",),
    ("run", "social"),
)


def pydoc_bodies() -> Iterator[Body]:
    """Fresh6: the prose of Python's own language reference (``pydoc_data.topics``, the
    text ``help()`` shows; no split reads it): each topic's paragraphs of >= 20 words that
    end in a sentence mark and are no indented code or grammar; the topic's first line is
    the title. (The text is the running interpreter's: another Python version makes other
    pages.)"""
    from pydoc_data.topics import topics

    for key in sorted(topics):
        raw = topics[key]
        paras: list[str] = []
        for chunk in re.split(r"\n\s*\n", raw):
            if chunk.startswith((" ", "\t")) or "::=" in chunk or ">>>" in chunk:
                continue
            text = " ".join(chunk.split())
            if (len(text.split()) >= 20 and text[-1:] in ".!?" and "@" not in text
                    and "http" not in text and text not in paras):
                paras.append(text)
        if len(paras) < 3:
            continue
        title = " ".join(raw.strip().split("\n")[0].split()[:10])
        yield [("title", title)] + [("para", p) for p in paras[:8]]


def chat_log_body(rng: random.Random, en: Any) -> Body:
    """Fresh6: a chat log posted as the article (``[HH:MM] <nick> message`` lines: short
    lines with a name-like token each, as a card's are), between an introduction and a
    closing paragraph."""
    nicks = [f"{en.first_name().lower()}{rng.choice(['', '_', '42', 'x'])}" for _ in range(4)]
    body: Body = [("title", f"Meeting Notes: {en.catch_phrase().title()}"),
                  ("para", _intro(en, rng)), ("heading", "Transcript")]
    minute = rng.randint(8 * 60, 20 * 60)
    for _ in range(rng.randint(7, 12)):
        minute += rng.randint(0, 4)
        body.append(("line", f"[{minute // 60:02d}:{minute % 60:02d}] <{rng.choice(nicks)}> "
                     f"{en.sentence(nb_words=rng.randint(3, 10))}"))
    body.append(("para", _intro(en, rng)))
    return body


def timetable_body(rng: random.Random, en: Any) -> Body:
    """Fresh6: a timetable: an introduction, fixed-width rows of a stop name and
    departure times (short lines of numbers), a closing paragraph."""
    route = rng.randint(2, 99)
    body: Body = [("title", f"Route {route} Timetable: {en.city()} To {en.city()}"),
                  ("para", _intro(en, rng)), ("heading", "Weekday departures")]
    start = rng.randint(5 * 60, 7 * 60)
    gap = rng.choice((10, 15, 20, 30))
    for k in range(rng.randint(6, 10)):
        stop = f"{en.street_name()} {rng.choice(['Stop', 'Station', 'Terminal', 'Square'])}"
        times = "  ".join(f"{(start + k * 3 + j * gap) // 60:02d}:"
                          f"{(start + k * 3 + j * gap) % 60:02d}" for j in range(5))
        body.append(("line", f"{stop:<34}{times}"))
    body.append(("para", _intro(en, rng)))
    return body


def stoplist_script_body(rng: random.Random) -> Body:
    """Fresh6: prose in Malayalam, Telugu, Kannada or Georgian, its words drawn from
    jusText's stop list of the language (real words of the language; sorted, so the draw
    does not depend on set order), sentences ended by a full stop."""
    import justext

    words = sorted(justext.get_stoplist(rng.choice(FRESH6_SCRIPTS)))
    words = [w for w in words if not _ASCII_LETTER.search(w) and not any(c.isdigit() for c in w)]

    def sentence(lo: int, hi: int) -> str:
        return " ".join(rng.choice(words) for _ in range(rng.randint(lo, hi)))

    body: Body = [("title", sentence(3, 6))]
    for k in range(rng.randint(4, 6)):
        if k and rng.random() < 0.3:
            body.append(("heading", sentence(2, 4)))
        body.append(("para", " ".join(sentence(6, 12) + "." for _ in range(rng.randint(3, 6)))))
    return body


def _fresh6_stat(h: str) -> str:
    """An engagement count printed beside a headline item (views, comments, shares)."""
    n = zlib.crc32(h.encode("utf-8"))
    kind = ("views", "comments", "shares")[n % 3]
    count = n % 9000 + 100
    return f"{count / 1000:.1f}K {kind}" if kind == "views" else f"{count} {kind}"


def _fresh6_date(rng: random.Random) -> str:
    day = REFERENCE_DAY - dt.timedelta(days=rng.randint(0, 60))
    return f"{_MONTHS[day.month - 1]} {day.day}, {day.year}"


def _fresh6_handle(fake: Any, rng: random.Random) -> str:
    user = re.sub(r"[^a-z0-9]", "", _dev2_user_name(fake).lower())
    return (user or "user") + str(rng.randint(10, 99))


def make_tail_fresh6(locale: str, rng: random.Random, heads: list[str],
                     news: list[str]) -> Tail4:
    import warnings

    from faker import Faker

    with warnings.catch_warnings():  # fr_QC: "deprecated, use fr_CA" (fr_CA is fresh's)
        warnings.simplefilter("ignore")
        fake = Faker(locale)
    fake.seed_instance(rng.randint(0, 10**9))
    lorem = Faker("la")
    lorem.seed_instance(rng.randint(0, 10**9))
    lang = FRESH6_LANG[locale]
    local = FRESH6_LOCAL[lang]
    t = Tail4(plan=rng.choice(FRESH6_PLANS))
    if "run" in t.plan:
        k = rng.randint(3, 8)
        if rng.random() < 0.35:
            n_news = rng.randint(1, k - 1)
            items = rng.sample(heads, k - n_news) + rng.sample(news, n_news)
            rng.shuffle(items)
        else:
            items = rng.sample(heads, k)
        case = rng.choice(("as printed", "title", "sentence"))
        t.run = [(h, _fresh6_date(rng)) for h in dict.fromkeys(_recase(h, case) for h in items)]
        if rng.random() < 0.75:
            t.header = rng.choice(local[0]) if rng.random() < 0.5 \
                else rng.choice(FRESH6_RUN_HEADERS)
        r = rng.random()
        if r < 0.4:  # a teaser after the body's middle paragraph
            t.teaser_label = local[2]
            t.teaser = t.run[rng.randrange(len(t.run))][0]
        elif r < 0.7:
            t.glued = t.run[rng.randrange(len(t.run))][0]
    if "wire" in t.plan:
        used = {h for h, _ in t.run}
        items = [h for h in rng.sample(news, rng.randint(2, 5)) if h not in used]
        t.wire = [(h, rng.choice(FRESH6_SOURCES), _fresh6_date(rng)) for h in items]
        t.wire_header = local[1] if rng.random() < 0.5 else rng.choice(FRESH6_WIRE_HEADERS)
    name = fake.name()
    user = _fresh6_handle(fake, rng)
    email = fake.email()
    born = date_of_birth(fake, 21, 72)
    birth = rng.choice(FRESH6_BIRTH_FORMATS).format(
        y=born.year, m=born.month, d=born.day, mon=_MON3[born.month - 1])
    phone = str(fake.phone_number())
    address = fake.address().replace("\n", ", ")
    _card_and_bio(t, rng, fake, lang, local, (name, user, email, birth, address, phone),
                  keys=FRESH6_CARD_KEY_WORDS, headers=FRESH6_CARD_HEADERS, bios=FRESH6_BIOS,
                  motto=lambda: lorem.sentence(nb_words=8), name_first=0.7)
    if "social" in t.plan or ("card" in t.plan and rng.random() < 0.3):
        t.social_header = local[4] if rng.random() < 0.5 else rng.choice(FRESH6_SOCIAL_HEADERS)
        for label, url in rng.sample(FRESH6_PLATFORMS, rng.randint(1, 3)):
            handle = _fresh6_handle(fake, rng)
            t.socials.append((label, url.format(h=handle), str(rng.randint(30, 60000))))
    return t


def _fresh6_social_pii(t: Tail4, layout: str) -> list[str]:
    """The social values a layout prints (the block theme shows the handle only)."""
    out: list[str] = []
    for _label, url, _ in t.socials:
        handle = re.sub(r"^.*/@?|\.itch\.io$", "", url)
        out += [handle] if layout == "html_block_theme" else [url, handle]
    return out


def _fresh6_body(body: Body, tail: Tail4 | None, style: str, p: _Printed,
                 extra: list[str] | None = None) -> list[str]:
    """The body as blocks (``org``, ``bbcode``, ``email``: text; ``amp``, ``microdata``,
    ``blocks``: HTML), with the tail's teaser after the middle paragraph or its glued
    headline after an emoji on the last one."""
    import textwrap

    out: list[str] = []
    lines: list[str] = []
    paras = [i for i, (k, _) in enumerate(body) if k == "para"]
    middle, last_para = paras[(len(paras) - 1) // 2], paras[-1]
    html_style = style in ("amp", "microdata", "blocks")

    def flush() -> None:
        if not lines:
            return
        if style == "org":
            out.append("\n".join(f"- {x}" for x in lines))
        elif style == "bbcode":
            out.append("[code]\n" + "\n".join(lines) + "\n[/code]")
        elif html_style:
            cls = {"amp": "amp-list-plain", "microdata": "plain",
                   "blocks": "wp-block-list"}[style]
            out.append(f'<ul class="{cls}">' + "".join(f"<li>{_e(x)}</li>" for x in lines)
                       + "</ul>")
        else:
            out.append("\n".join(lines))
        lines.clear()

    for i, (kind, text) in enumerate(body):
        if kind == "line":
            lines.append(text)
            continue
        flush()
        if i == last_para and tail is not None and tail.glued:
            text = text + " 👉 " + p(tail.glued)
        if html_style:
            tag = {"title": "h1", "heading": "h2"}.get(kind, "p")
            cls = ' class="wp-block-heading"' if style == "blocks" and kind == "heading" else ""
            out.append(f"<{tag}{cls}>{_e(text)}</{tag}>")
        elif style == "org":
            out.append({"title": "#+TITLE: ", "heading": "* "}.get(kind, "") + text)
        elif style == "bbcode":
            out.append({"title": "[size=6][b]{}[/b][/size]", "heading": "[b]{}[/b]"}.get(
                kind, "{}").format(text))
        elif kind == "title":
            out.append(f"Subject: {text}")
        elif kind == "heading":
            out.append(f"{text}\n{'=' * min(len(text), 60)}")
        else:  # a mail body wrapped at 72 columns
            out.append(textwrap.fill(text, 72, break_long_words=False, break_on_hyphens=False))
        if i == middle and tail is not None and tail.teaser:
            label, head, url = tail.teaser_label, tail.teaser, _story_url(tail.teaser)
            if style == "amp":
                out.append(f'<div class="amp-related"><span>{_e(p(label))}</span> '
                           f'<a href="{url}">{_e(p(head))}</a></div>')
            elif style == "microdata":
                out.append(f'<aside itemscope itemtype="https://schema.org/NewsArticle">'
                           f'<b>{_e(p(label))}</b> <a itemprop="url" href="{url}">'
                           f'<span itemprop="headline">{_e(p(head))}</span></a></aside>')
            elif style == "blocks":
                out.append(f'<div class="wp-block-group is-style-related"><p><strong>'
                           f'{_e(p(label))}</strong> <a href="{url}">{_e(p(head))}</a>'
                           "</p></div>")
            elif style == "org":
                out.append(f"{p('#+BEGIN_NOTE')}\n{p(f'{label}: [[{url}][{head}]]')}\n"
                           f"{p('#+END_NOTE')}")
            elif style == "bbcode":
                out.append(p(f"[i]{label}[/i] [url={url}]{head}[/url]"))
            else:
                out.append(p(f"{label}: {head} <{url}>"))
    flush()
    return out


def _fresh6_tail_org(t: Tail4, p: _Printed) -> list[str]:
    """org-mode: runs as ``- [[url][headline]] :: stat`` items under a ``*`` heading, the
    wire as ``- source :: headline``, the card a ``- key :: value`` list, the bio a quote
    block, socials an org table."""
    out: list[str] = []
    for part in t.plan:
        if part == "run" and t.run:
            rows = [p(f"* {t.header}")] if t.header else []
            rows += [p(f"- [[{_story_url(h)}][{h}]] :: {_fresh6_stat(h)}") for h, _ in t.run]
            out.append("\n".join(rows))
        elif part == "wire" and t.wire:
            out.append("\n".join([p(f"** {t.wire_header}")]
                                 + [p(f"- {s} :: {h}") for h, s, _ in t.wire]))
        elif part == "card" and t.card:
            rows = [p(f"* {t.card_header}")] if t.card_header else []
            out.append("\n".join(rows + [p(f"- {k} :: {v}") for k, v in t.card]))
        elif part == "bio" and t.bio:
            out.append(f"* {p(t.bio_header)}\n{p('#+BEGIN_QUOTE')}\n{p(t.bio)}\n"
                       f"{p('#+END_QUOTE')}")
        if part in ("social", "card") and t.socials and (part == "social"
                                                         or "social" not in t.plan):
            rows = [p(f"* {t.social_header}"), p("| Network | Profile | Followers |"),
                    "|---+---+---|"]
            rows += [p(f"| {lab} | https://{u} | {n} |") for lab, u, n in t.socials]
            out.append("\n".join(rows))
    return out


def _fresh6_tail_bbcode(t: Tail4, p: _Printed) -> list[str]:
    """BBCode: runs as one ``[*][url=…]headline[/url]`` line an item inside ``[list]``
    (opened on the first line, closed on the last), the wire as ``[i]source[/i]`` lines,
    the card a ``[quote]`` of ``[b]Key:[/b] value`` lines, the bio a spoiler, socials one
    line of ``[url]`` links."""
    out: list[str] = []
    for part in t.plan:
        if part == "run" and t.run:
            items = [f"[*][url={_story_url(h)}]{h}[/url]" for h, _ in t.run]
            items[0] = "[list]" + items[0]
            items[-1] += "[/list]"
            head = [p(f"[b]{t.header}[/b]")] if t.header else []
            out.append("\n".join(head + [p(x) for x in items]))
        elif part == "wire" and t.wire:
            out.append("\n".join([p(f"[u]{t.wire_header}[/u]")]
                                 + [p(f"[i]{s}[/i] [url={_story_url(h)}]{h}[/url] {d}")
                                    for h, s, d in t.wire]))
        elif part == "card" and t.card:
            rows = [f"[b]{k}:[/b] {v}" for k, v in t.card]
            rows[0] = (f"[quote={t.card_header}]" if t.card_header else "[quote]") + rows[0]
            rows[-1] += "[/quote]"
            out.append("\n".join(p(x) for x in rows))
        elif part == "bio" and t.bio:
            out.append(p(f"[spoiler={t.bio_header}]{t.bio}[/spoiler]"))
        if part in ("social", "card") and t.socials and (part == "social"
                                                         or "social" not in t.plan):
            links = " | ".join(f"[url=https://{u}]{lab}[/url]" for lab, u, _ in t.socials)
            out.append(p(f"[size=2]{t.social_header}[/size]") + "\n" + p(links))
    return out


def _fresh6_tail_email(t: Tail4, p: _Printed) -> list[str]:
    """A newsletter quoted under an ``On <date>, <source> wrote:`` line: the run as
    ``> <emoji> headline (stat)`` lines, the wire as ``> 📰 source: headline``, the bio
    quoted; the card an e-mail signature after ``-- ``; socials ``🔗 label: url`` lines."""
    out: list[str] = []
    quoted: list[str] = []
    for part in t.plan:
        if part == "run" and t.run:
            rows = [f"> {p(t.header)}"] if t.header else []
            rows += [f"> {FRESH6_EMOJI[zlib.crc32(h.encode('utf-8')) % 6]} {p(h)} "
                     f"({p(_fresh6_stat(h))})" for h, _ in t.run]
            quoted.append("\n".join(rows))
        elif part == "wire" and t.wire:
            quoted.append("\n".join([f"> {p(t.wire_header)}"]
                                    + [f"> 📰 {p(s)}: {p(h)}" for h, s, _ in t.wire]))
        elif part == "bio" and t.bio:
            quoted.append(f"> {p(t.bio_header)}\n> {p(t.bio)}")
    if quoted:
        h = (t.run or [(w[0], w[2]) for w in t.wire] or [("", "December 1, 2026")])[0]
        source = t.wire[0][1] if t.wire else FRESH6_SOURCES[zlib.crc32(h[0].encode()) % 6]
        out.append(p(f"On {h[1]}, {source} <digest@{_fresh6_slug(source)}.example> wrote:"))
        out.append("\n>\n".join(quoted))
    if t.card:
        rows = [p(t.card_header)] if t.card_header else []
        out.append("-- \n" + "\n".join(rows + [p(f"{k}: {v}") for k, v in t.card]))
    if t.socials:
        out.append("\n".join([p(t.social_header)]
                             + [f"🔗 {p(f'{lab}: https://{u}')}" for lab, u, _ in t.socials]))
    return out


def _fresh6_tail_html(t: Tail4, layout: str, p: _Printed) -> list[str]:
    out: list[str] = []
    props = ("name", "alternateName", "email", "birthDate", "address", "telephone",
             "worksFor", "jobTitle", "description")
    icons = ("user", "at", "envelope", "birthday-cake", "map-marker", "phone", "building",
             "briefcase", "info")
    for part in t.plan:
        if part == "run" and t.run:
            if layout == "html_amp_carousel":
                head = f"<h3>{_e(p(t.header))}</h3>" if t.header else ""
                slides = "".join(
                    f'<div class="slide"><a href="{_story_url(h)}"><amp-img src="/i/{_ref(h)}.jpg"'
                    f' alt="{html.escape(h)}" layout="fill"></amp-img><h4>{_e(p(h))}</h4></a>'
                    f'<span class="views">{_e(p(_fresh6_stat(h)))}</span></div>'
                    for h, _ in t.run)
                out.append(f'<section class="amp-more">{head}<amp-carousel type="carousel" '
                           f'height="300" layout="fixed-height">{slides}</amp-carousel></section>')
            elif layout == "html_microdata_list":
                head = f"<h2>{_e(p(t.header))}</h2>" if t.header else ""
                items = "".join(
                    f'<div itemprop="itemListElement" itemscope '
                    f'itemtype="https://schema.org/ListItem"><meta itemprop="position" '
                    f'content="{k + 1}"><a itemprop="url" href="{_story_url(h)}"><span '
                    f'itemprop="name">{_e(p(h))}</span></a> <time itemprop="datePublished">'
                    f'{_e(p(d))}</time> <span itemprop="interactionStatistic">'
                    f"{_e(p(_fresh6_stat(h)))}</span></div>" for k, (h, d) in enumerate(t.run))
                out.append(f'<section class="related">{head}<div itemscope '
                           f'itemtype="https://schema.org/ItemList">{items}</div></section>')
            else:
                head = f'<h2 class="wp-block-heading">{_e(p(t.header))}</h2>' if t.header else ""
                items = "".join(
                    f'<li><a class="wp-block-latest-posts__post-title" href="{_story_url(h)}">'
                    f'{_e(p(h))}</a><time class="wp-block-latest-posts__post-date">{_e(p(d))}'
                    f'</time><div class="wp-block-latest-posts__post-excerpt"><p>'
                    f"{_e(p(_fresh6_excerpt(h)))}</p></div></li>" for h, d in t.run)
                out.append(f'<nav class="wp-block-group" aria-label="More stories">{head}'
                           f'<ul class="wp-block-latest-posts__list">{items}</ul></nav>')
        elif part == "wire" and t.wire:
            if layout == "html_amp_carousel":
                rows = "".join(f'<p><a href="{_story_url(h)}">{_e(p(h))}</a> <small>'
                               f"{_e(p(s))}</small></p>" for h, s, _ in t.wire)
                out.append(f'<div class="amp-wire"><h5>{_e(p(t.wire_header))}</h5>{rows}</div>')
            elif layout == "html_microdata_list":
                rows = "".join(f'<div itemscope itemtype="https://schema.org/NewsArticle"><span '
                               f'itemprop="publisher">{_e(p(s))}</span> <a itemprop="url" '
                               f'href="{_story_url(h)}"><span itemprop="headline">{_e(p(h))}'
                               "</span></a></div>" for h, s, _ in t.wire)
                out.append(f'<div class="wire"><h3>{_e(p(t.wire_header))}</h3>{rows}</div>')
            else:
                rows = "".join(f'<article class="elementor-post"><h3 class="elementor-post__'
                               f'title"><a href="{_story_url(h)}">{_e(p(h))}</a></h3><div '
                               f'class="elementor-post__meta-data"><span class="elementor-post-'
                               f'author">{_e(p(s))}</span> <span class="elementor-post-date">'
                               f"{_e(p(d))}</span></div></article>" for h, s, d in t.wire)
                out.append(f'<div class="elementor-widget-posts"><h5 class="elementor-heading-'
                           f'title">{_e(p(t.wire_header))}</h5>{rows}</div>')
        elif part == "card" and t.card:
            index = {k: i for table in (FRESH6_CARD_KEY_WORDS[x] for x in FRESH6_CARD_KEY_WORDS)
                     for i, k in enumerate(table)}
            if layout == "html_amp_carousel":
                head = f"<h4>{_e(p(t.card_header))}</h4>" if t.card_header else "<h4></h4>"
                rows = "".join(f"<p>{_e(p(f'{k}: {v}'))}</p>" for k, v in t.card)
                out.append(f"<amp-accordion><section>{head}<div>{rows}</div></section>"
                           "</amp-accordion>")
            elif layout == "html_microdata_list":
                head = f"<h3>{_e(p(t.card_header))}</h3>" if t.card_header else ""
                for k, v in t.card:
                    p(f"{k} {v}")
                rows = "".join(f'<div><span class="label">{_e(k)}</span> <span itemprop='
                               f'"{props[index[k]]}">{_e(v)}</span></div>' for k, v in t.card)
                out.append(f'<div class="author-card" itemprop="author" itemscope itemtype='
                           f'"https://schema.org/Person">{head}{rows}</div>')
            else:
                head = (f'<h4 class="elementor-heading-title">{_e(p(t.card_header))}</h4>'
                        if t.card_header else "")
                for k, v in t.card:
                    p(f"{k} {v}")
                rows = "".join(f'<li class="elementor-icon-list-item"><span class="elementor-'
                               f'icon-list-icon"><i class="fas fa-{icons[index[k]]}"></i></span>'
                               f'<span class="elementor-icon-list-text"><b>{_e(k)}</b> {_e(v)}'
                               "</span></li>" for k, v in t.card)
                out.append(f'<div class="elementor-widget-icon-list">{head}<ul class="elementor'
                           f'-icon-list-items">{rows}</ul></div>')
        elif part == "bio" and t.bio:
            if layout == "html_amp_carousel":
                out.append(f"<amp-accordion><section expanded><h4>{_e(p(t.bio_header))}</h4>"
                           f"<p>{_e(p(t.bio))}</p></section></amp-accordion>")
            elif layout == "html_microdata_list":
                out.append(f'<div itemprop="author" itemscope itemtype="https://schema.org/'
                           f'Person"><h3 itemprop="name">{_e(p(t.bio_header))}</h3><p itemprop='
                           f'"description">{_e(p(t.bio))}</p></div>')
            else:
                out.append(f'<div class="elementor-author-box"><div class="elementor-author-box'
                           f'__text"><h4 class="elementor-author-box__name">'
                           f'{_e(p(t.bio_header))}</h4><div class="elementor-author-box__bio">'
                           f"<p>{_e(p(t.bio))}</p></div></div></div>")
        if part in ("social", "card") and t.socials and (part == "social"
                                                         or "social" not in t.plan):
            if layout == "html_amp_carousel":
                links = " ".join(f'<a href="https://{u}">{_e(p(f"{lab}: {u}"))}</a>'
                                 for lab, u, _ in t.socials)
                out.append(f'<div class="amp-social"><span>{_e(p(t.social_header))}</span> '
                           f"{links}</div>")
            elif layout == "html_microdata_list":
                rows = "".join(f'<p><a itemprop="sameAs" href="https://{u}">{_e(p(lab))}</a> '
                               f"{_e(p(u))}</p>" for lab, u, _ in t.socials)
                out.append(f'<div class="same-as"><h4>{_e(p(t.social_header))}</h4>{rows}</div>')
            else:
                icons_html = "".join(
                    f'<span class="elementor-grid-item"><a class="elementor-social-icon '
                    f'elementor-social-icon-{_fresh6_slug(lab)}" href="https://{u}"><span class='
                    f'"elementor-screen-only">'
                    f'{_e(p(lab + " @" + re.sub(r"^.*/@?|[.]itch[.]io$", "", u)))}</span></a>'
                    "</span>" for lab, u, _ in t.socials)
                out.append(f'<div class="elementor-widget-social-icons"><h5>'
                           f'{_e(p(t.social_header))}</h5><div class="elementor-social-icons-'
                           f'wrapper elementor-grid">{icons_html}</div></div>')
    return out


def _fresh6_slug(s: str) -> str:
    return re.sub(r"\W+", "-", s.lower()).strip("-")


def _fresh6_excerpt(h: str) -> str:
    """A latest-posts excerpt: the headline's first words and an ellipsis (as block themes
    cut the post's opening)."""
    return " ".join(h.split()[:6]) + " […]"


def render_fresh6(body: Body, tail: Tail4 | None, layout: str) -> tuple[str, str, Counter[str]]:
    """Fresh6 layouts (page, format, printed tail lines).

    * ``text_org_mode``: org-mode (``#+TITLE:``, ``*`` headings, ``- item`` lists); the run
      as ``- [[url][headline]] :: stat`` under a ``*`` heading, the card a ``- key ::
      value`` list, the bio a ``#+BEGIN_QUOTE`` block, socials an org table.
    * ``text_bbcode``: a forum post dump in BBCode (short lines in ``[code]``); the run as
      ``[list][*][url=…]…[/url]…[/list]`` one item a line, the card a ``[quote]`` of
      ``[b]Key:[/b] value`` lines, the bio a ``[spoiler]``, socials one line of links.
    * ``text_email_digest``: a mail (``Subject:``, paragraphs wrapped at 72 columns); the
      tail a quoted newsletter under ``On <date>, <source> <addr> wrote:``, emoji bullets
      with engagement counts, the card a signature after ``-- ``, ``🔗 label: url`` lines.
    * ``html_amp_carousel``: an AMP page; the run an ``<amp-carousel>`` of slides (image
      with the headline as alt text, ``<h4>`` link, views), the card and the bio in
      ``<amp-accordion>`` sections, socials one ``<div>`` of links.
    * ``html_microdata_list``: schema.org microdata; the run an ``ItemList`` of
      ``ListItem`` divs with date and stat, the wire ``NewsArticle`` divs with publisher,
      the card a ``Person`` with labelled ``itemprop`` values, socials ``sameAs`` links.
    * ``html_block_theme``: a block theme's wrappers; the run a Gutenberg latest-posts list
      (title, date, excerpt) in a ``<nav>``, the wire Elementor post widgets, the card an
      Elementor icon list, the bio an author box, socials icon links with screen-reader
      text.
    """
    p = _Printed()
    style = {"text_org_mode": "org", "text_bbcode": "bbcode", "text_email_digest": "email",
             "html_amp_carousel": "amp", "html_microdata_list": "microdata"}.get(layout,
                                                                                  "blocks")
    main = _fresh6_body(body, tail, style, p)
    title = next(x for k, x in body if k == "title")
    if style in ("org", "bbcode", "email"):
        tail_blocks: list[str] = []
        if tail is not None:
            tail_blocks = {"org": _fresh6_tail_org, "bbcode": _fresh6_tail_bbcode,
                           "email": _fresh6_tail_email}[style](tail, p)
        return "\n\n".join(main + tail_blocks) + "\n", "text", p.counts
    tail_html = _fresh6_tail_html(tail, layout, p) if tail is not None else []
    if style == "amp":
        page = (f'<!doctype html><html amp lang="en"><head><meta charset="utf-8"><title>'
                f'{_e(title)}</title><script async src="https://cdn.ampproject.org/v0.js">'
                '</script></head><body><header class="amp-header"><a href="/">Home</a></header>'
                f'<main><article class="amp-article">{"".join(main)}</article>'
                f'{"".join(tail_html)}</main><footer class="amp-footer"><p>Mobile edition</p>'
                "</footer></body></html>\n")
    elif style == "microdata":
        page = (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{_e(title)}</title>'
                '</head><body><div id="content"><div itemscope itemtype="https://schema.org/'
                f'NewsArticle"><div itemprop="articleBody">{"".join(main)}</div></div>'
                f'{"".join(tail_html)}</div></body></html>\n')
    else:
        page = (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{_e(title)}</title>'
                '</head><body class="wp-theme"><div class="wp-site-blocks"><header class="wp-'
                'block-template-part"><nav class="wp-block-navigation"><a href="/">Home</a> '
                '<a href="/blog">Blog</a></nav></header><main class="wp-block-group"><div '
                f'class="entry-content wp-block-post-content">{"".join(main)}</div>'
                f'{"".join(tail_html)}</main><footer class="wp-block-template-part"><p>Proudly '
                "powered by WordPress</p></footer></div></body></html>\n")
    return page, "html", p.counts


def generate_fresh6(n: int, seed: int) -> Iterator[tuple[Sample, str, str]]:
    """``n`` samples of the fresh6 split: the held-out clickbait and news headlines
    (shuffled with its own seed), Python's language reference, chat logs, timetables,
    Malayalam/Telugu/Kannada/Georgian prose; body kind and layout from a shuffled deck of
    the 24 pairs."""

    def social_pii(tail: Tail4, layout: str, rng: random.Random, en: Any) -> tuple[Any, ...]:
        tail.pii += _fresh6_social_pii(tail, layout)
        return ()

    return _dealt_split(
        "fresh6", n, seed, real=("pydoc_prose", pydoc_bodies),
        makers={"chat_log": chat_log_body, "timetable": timetable_body,
                "nonlatin_ml_te_kn_ka": lambda rng, en: stoplist_script_body(rng)},
        make_tail=lambda locale, layout, rng, heads, news: make_tail_fresh6(
            locale, rng, heads, news),
        render=render_fresh6, dress=social_pii)


# -- the fresh7 split --------------------------------------------------------------------
# A tenth split, decided and committed before it was first run through the cleaner
# (2026-12-07, issue 12, when fresh6 became a development split): held out (``HELD_OUT``).
# Seed 71207; 12 Faker locales fresh6 does not use (none of fresh3-fresh6's): the four
# issue 12 names (pt_BR, pl_PL, sv_SE, ja_JP, last used for personal data by the report
# half), five no split ever drew personal data from (el_GR, bn_BD, th_TH, tl_PH, ar_AA:
# earlier splits' body lorem only) and cs_CZ, tr_TR, ko_KR; card keys, headers and bios of
# its own in their languages (other strings than any earlier split's); bodies from a source
# no split reads (the prose of IDLE's own user guide, ``idlelib/help.html``), football
# play-by-play (minute-stamped short lines full of names), verse (short capitalised lines
# without stops, in numbered parts: headline-shaped) and Korean prose made of the Hangul
# words of jusText's Korean stop list (a script no split's body uses); six layouts (three
# text: reStructuredText with rubrics, field lists, sidebar/topic directives, a simple
# table and named hyperlink targets; AsciiDoc with block titles, ``link:`` macros,
# ``[horizontal]``/``[sidebar]`` blocks and a quote block; Gemini gemtext with ``=>`` link
# lines and the card as a box-drawn preformatted block; three HTML: every tail part a
# ``<details>/<summary>`` accordion, web components (``<related-posts>``, ``<post-card>``,
# ``<author-card>``, ``<social-links>`` with slots), a utility-class ("Tailwind") page of
# bare ``<div>``s whose headline grid prints each headline again as a hover tooltip);
# headlines in an ALL CAPS recasing too, with a " | Site" suffix on some runs and relative
# ages ("3 days ago"); a teaser right under the title (before the first paragraph), a
# headline glued onto the last paragraph with no space; body kind and layout dealt from a
# shuffled deck of the 24 combinations.

#: fresh7 Faker locales (personal data) and the language of each one's card keys, headers
#: and bios. tl_PH has no person or phone provider (Faker's default English names; its
#: numbers drawn in the Philippine mobile shape, as fresh5 draws en_PH's), ar_AA no address
#: or phone provider and tr_TR no address provider (Faker's default ones).
FRESH7_LANG = {"pt_BR": "pt_br", "pl_PL": "pl", "sv_SE": "sv", "ja_JP": "ja", "el_GR": "el",
               "bn_BD": "bn", "th_TH": "th", "tl_PH": "tl", "ar_AA": "ar", "cs_CZ": "cs",
               "tr_TR": "tr", "ko_KR": "ko"}
LOCALES["fresh7"] = tuple(FRESH7_LANG)
#: the jusText stop list whose words make the fresh7 non-Latin bodies (Hangul: no split's
#: body uses it)
FRESH7_SCRIPTS = ("Korean",)
FRESH7_RUN_HEADERS = ("Further Down The Rabbit Hole", "Queued For You", "Also On Our Radar",
                      "The Click List", "Spotted Around The Network", "Before You Go Anywhere")
FRESH7_WIRE_HEADERS = ("Dispatches", "Syndication Desk", "From The Newsroom Feed")
FRESH7_CARD_HEADERS = ("Byline details", "About whoever wrote this", "Writer's fact file",
                       "Credits and contact")
FRESH7_SOCIAL_HEADERS = ("Elsewhere on the internet", "Ping the author", "Accounts I use",
                         "Reach me online")
#: per language: (run headers, wire header, teaser label, card header, social header)
FRESH7_LOCAL: dict[str, tuple[tuple[str, str], str, str, str, str]] = {
    "pt_br": (("Veja também", "Mais acessadas"), "Últimas do dia", "Leia mais",
              "Sobre quem escreve", "Me siga nas redes"),
    "pl": (("Czytaj także", "Najczęściej czytane"), "Najnowsze wiadomości", "Zobacz też",
           "O autorze", "Obserwuj mnie"),
    "sv": (("Läs också", "Mest lästa"), "Senaste nytt", "Läs mer", "Vem skrev texten",
           "Följ mig"),
    "ja": (("関連記事", "人気の記事"), "最新ニュース", "あわせて読みたい", "この記事を書いた人",
           "フォローする"),
    "el": (("Διαβάστε ακόμα", "Δημοφιλή άρθρα"), "Ειδήσεις τώρα", "Δείτε επίσης",
           "Ο αρθρογράφος", "Βρείτε με"),
    "bn": (("সম্পর্কিত খবর", "জনপ্রিয় খবর"), "টাটকা খবর", "এটাও পড়ুন", "লেখক সম্পর্কে",
           "আমার সাথে যুক্ত থাকুন"),
    "th": (("บทความแนะนำ", "อ่านมากที่สุด"), "ข่าวล่าสุด", "อ่านเพิ่มเติม", "เกี่ยวกับผู้เขียน",
           "ติดตามได้ที่"),
    "tl": (("Iba pang balita", "Pinaka-popular"), "Mga huling ulat", "Tingnan din",
           "Ang sumulat", "I-follow ako"),
    "ar": (("مواضيع مشابهة", "الأكثر شعبية"), "أحدث الأنباء", "لا تفوّت", "كاتب المقال",
           "حساباتي على الشبكات"),
    "cs": (("Související články", "Nejčtenější"), "Zprávy z domova", "Přečtěte si také",
           "O autorovi článku", "Sledujte mě"),
    "tr": (("İlgili haberler", "En çok okunanlar"), "Son dakika", "Bunu da okuyun",
           "Yazar hakkında", "Beni takip edin"),
    "ko": (("함께 읽으면 좋은 기사", "인기 기사"), "속보", "추천 기사", "기자 소개", "팔로우하기"),
    "en": (("Worth Your Next Five Minutes", "Everybody Clicked These"), "Off The Wires",
           "Don't skip", "Writer snapshot", "Online handles"),
}
#: fresh7 card keys (name, username, e-mail, birth date, address, phone, company, job,
#: bio) in the generator's own words; "en" is used on 40% of the cards
FRESH7_CARD_KEY_WORDS: dict[str, tuple[str, ...]] = {
    "pt_br": ("Nome de registro", "Apelido na rede", "E-mail de contato", "Nascimento",
              "Endereço residencial", "Celular/WhatsApp", "Trabalha em", "Cargo atual",
              "Sobre"),
    "pl": ("Imię", "Pseudonim", "Adres e-mail", "Urodzony(a)", "Adres zamieszkania",
           "Nr telefonu", "Pracodawca", "Stanowisko", "Kilka słów o mnie"),
    "sv": ("Fullständigt namn", "Signatur", "Mejladress", "Född", "Gatuadress",
           "Mobiltelefon", "Arbetsgivare", "Befattning", "Lite om mig"),
    "ja": ("氏名", "ハンドルネーム", "メールアドレス", "誕生日", "所在地", "携帯番号", "勤務先",
           "肩書き", "ひとこと"),
    "el": ("Όνομα", "Ψευδώνυμο", "Email επικοινωνίας", "Γενέθλια", "Οδός κατοικίας", "Κινητό",
           "Εργοδότης", "Θέση εργασίας", "Βιογραφικό"),
    "bn": ("পুরো নাম", "ইউজারনেম", "ই-মেইল ঠিকানা", "জন্মদিন", "বর্তমান ঠিকানা",
           "মোবাইল নম্বর", "কর্মস্থল", "পদবি", "সংক্ষেপে আমি"),
    "th": ("ชื่อจริง", "ชื่อเล่นออนไลน์", "ที่อยู่อีเมล", "เกิดวันที่", "ที่อยู่ปัจจุบัน", "มือถือ",
           "ที่ทำงาน", "อาชีพ", "เกี่ยวกับฉัน"),
    "tl": ("Buong pangalan", "Palayaw online", "Email ko", "Petsa ng kapanganakan",
           "Address ng bahay", "Cellphone", "Pinagtatrabahuhan", "Posisyon", "Konting kuwento"),
    "ar": ("اسم المؤلف", "الاسم المستعار", "عنوان البريد", "تاريخ الميلاد الكامل", "محل السكن",
           "الهاتف المحمول", "المؤسسة", "المنصب", "كلمة عني"),
    "cs": ("Jméno a příjmení", "Přezdívka", "E-mailová adresa", "Datum narození", "Bydliště",
           "Mobil", "Zaměstnavatel", "Pracovní pozice", "Pár slov o mně"),
    "tr": ("Ad soyad", "Kullanıcı adı", "E-posta adresi", "Doğum tarihi", "Ev adresi",
           "Cep telefonu", "Çalıştığı yer", "Meslek", "Kısaca ben"),
    "ko": ("성명", "닉네임", "이메일 주소", "출생일", "거주지", "휴대전화", "소속", "직책",
           "한 줄 소개"),
    "en": ("Penned by", "Goes by", "Inbox", "Birthday", "Home is", "Phone/WhatsApp",
           "Works for", "Day-to-day role", "In one line"),
}
#: prose bios (header, text) in a few of the languages; others use English
FRESH7_BIOS = {
    "en": ("Say hello to {name}", "{name} works as a {job} at {company} and lives in {city}. "
           "Born {birth}. Email {email}, WhatsApp {phone}, everywhere else {handle}."),
    "pt_br": ("Quem é {name}", "{name} é {job} na {company} e mora em {city}. Nasceu em "
              "{birth}. Contato: {email}, celular {phone}, redes {handle}."),
    "pl": ("Poznaj {name}", "{name} pracuje jako {job} w firmie {company} i mieszka w "
           "mieście {city}. Urodziny: {birth}. E-mail {email}, tel. {phone}, w sieci {handle}."),
    "sv": ("Det här är {name}", "{name} arbetar som {job} på {company} och bor i {city}. Född "
           "{birth}. Mejla {email}, ring {phone} eller följ {handle}."),
    "ja": ("{name}について", "{name}（{company}・{job}）。{city}在住。誕生日は{birth}。"
           "連絡先 {email} ／ {phone} ／ {handle}"),
    "ko": ("{name} 기자", "{name}은(는) {company}의 {job}이며 {city}에 산다. 생일 {birth}. "
           "이메일 {email}, 전화 {phone}, 계정 {handle}."),
}
#: social platforms of fresh7 (none another split uses): (label, profile URL with {h})
FRESH7_PLATFORMS = (("Keybase", "keybase.io/{h}"), ("Steam", "steamcommunity.com/id/{h}"),
                    ("LINE", "line.me/ti/p/~{h}"), ("Spotify", "open.spotify.com/user/{h}"),
                    ("Stack Overflow", "stackoverflow.com/users/{h}"),
                    ("Codeberg", "codeberg.org/{h}"))
FRESH7_SOURCES = ("Northwind Wire", "Tidewater Tribune", "Copperline Press",
                  "Meridian Dispatch", "Lakeshore Bulletin", "Foxglove Herald")
#: site names a link farm appends to some runs' headlines ("headline | Site")
FRESH7_SITES = ("BuzzNest", "Viral Vault", "Made For Moms", "ClickStack", "The Daily Swipe")
FRESH7_BIRTH_FORMATS = ("{d:02d} {MON} {y:04d}", "{y:04d}.{m}.{d}", "{mon} {d} {y:04d}")
#: the plans of a fresh7 tail: the parts in print order
FRESH7_PLANS: tuple[tuple[str, ...], ...] = (
    ("run", "card", "social"), ("bio", "wire"), ("social", "bio", "run"),
    ("card", "wire", "run"), ("run", "bio", "card"), ("wire", "run", "social"),
    ("social", "card"), ("run", "wire", "bio", "social"),
)
_VERSE_NOUNS = ("harbour", "lantern", "orchard", "window", "sparrow", "meadow", "kettle",
                "ferry", "hillside", "chimney", "ladder", "tide", "garden", "letter", "bell")
_VERSE_ADJS = ("quiet", "salt-grey", "borrowed", "amber", "unfinished", "low", "patient",
               "winter", "narrow", "silver", "late", "open")
_VERSE_VERBS = ("leans", "waits", "folds", "hums", "drifts", "settles", "burns", "turns",
                "listens", "gathers")
_VERSE_PREPS = ("over", "beside", "beneath", "across", "against", "toward", "into")
_ROMAN = ("I", "II", "III", "IV")


def idle_help_bodies() -> Iterator[Body]:
    """Fresh7: the prose of IDLE's user guide (``idlelib/help.html``, the page IDLE's Help
    menu opens; no split reads it): each ``<h2>``/``<h3>`` section's ``<p>`` paragraphs of
    >= 20 words that end in a sentence mark and hold no e-mail address or URL, the section
    heading the title; sections with at least two. (The text is the running
    interpreter's: another Python version makes other pages.)"""
    try:
        import idlelib
    except ImportError:  # a Python built without IDLE
        return
    path = Path(idlelib.__file__).resolve().parent / "help.html"
    if not path.is_file():
        return
    page = path.read_text("utf-8")
    chunks = re.split(r"(<h[23][^>]*>.*?</h[23]>)", page, flags=re.S)
    for k in range(1, len(chunks) - 1, 2):
        title = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", chunks[k])).split())
        title = " ".join(title.rstrip("¶").split()[:10])
        paras: list[str] = []
        for raw in re.findall(r"<p[^>]*>(.*?)</p>", chunks[k + 1], re.S):
            text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", raw)).split())
            text = re.sub(r"\s+([,.;:!?)])", r"\1", text)
            if (len(text.split()) >= 20 and text[-1:] in ".!?" and "@" not in text
                    and "http" not in text and text not in paras):
                paras.append(text)
        if len(paras) >= 2 and title:
            yield [("title", title)] + [("para", p) for p in paras[:8]]


def play_by_play_body(rng: random.Random, en: Any) -> Body:
    """Fresh7: a football live report: an introduction, minute-stamped event lines (short
    lines, each with a player's and a team's name), the full-time line, a closing
    paragraph; the title carries the final score."""
    sides = [f"{en.city()} {rng.choice(('United', 'Rovers', 'Athletic', 'Wanderers'))}"
             for _ in range(2)]
    players = [[en.last_name() for _ in range(5)] for _ in sides]
    lines: list[str] = []
    score = [0, 0]
    minute = 0
    for _ in range(rng.randint(8, 14)):
        minute += rng.randint(2, 8)
        if minute > 89:
            break
        side = rng.randrange(2)
        name, team = rng.choice(players[side]), sides[side]
        event = rng.choice(("goal", "card", "chance", "sub", "corner"))
        if event == "goal":
            score[side] += 1
            lines.append(f"{minute}' GOAL! {name} ({team}) finishes from close range. "
                         f"{score[0]}-{score[1]}")
        elif event == "card":
            lines.append(f"{minute}' Yellow card: {name} ({team}) for a late challenge.")
        elif event == "chance":
            lines.append(f"{minute}' {name} shoots wide from the edge of the box.")
        elif event == "sub":
            lines.append(f"{minute}' Substitution, {team}: {name} replaces "
                         f"{rng.choice(players[side])}.")
        else:
            lines.append(f"{minute}' Corner to {team}, cleared at the near post.")
    lines.append(f"90+{rng.randint(1, 6)}' Full time: {sides[0]} {score[0]}-{score[1]} "
                 f"{sides[1]}")
    body: Body = [("title", f"{sides[0]} {score[0]}-{score[1]} {sides[1]}: As It Happened"),
                  ("para", _intro(en, rng)), ("heading", "Minute by minute")]
    body += [("line", x) for x in lines]
    body.append(("para", _intro(en, rng)))
    return body


def verse_body(rng: random.Random, en: Any) -> Body:
    """Fresh7: a poem of the week: an introduction, two to four numbered parts (a Roman
    numeral heading each) of four short capitalised lines without stops (headline-shaped
    lines that are the content), a closing paragraph."""
    def line() -> str:
        a, n, v = rng.choice(_VERSE_ADJS), rng.choice(_VERSE_NOUNS), rng.choice(_VERSE_VERBS)
        shape = rng.randrange(3)
        if shape == 0:
            text = f"the {a} {n} {v} {rng.choice(_VERSE_PREPS)} the {rng.choice(_VERSE_NOUNS)}"
        elif shape == 1:
            text = f"and {rng.choice(('you', 'we', 'she', 'nobody'))} {v.rstrip('s')} " \
                   f"the {n} {rng.choice(('again', 'slowly', 'by name', 'at last'))}"
        else:
            text = f"{rng.choice(_VERSE_PREPS)} {a} {n}s, {rng.choice(_VERSE_ADJS)} and " \
                   f"{rng.choice(_VERSE_ADJS)}"
        return text[:1].upper() + text[1:]

    title = f"{rng.choice(_VERSE_ADJS).title()} {rng.choice(_VERSE_NOUNS).title()}"
    body: Body = [("title", f"Poem Of The Week: {title}"), ("para", _intro(en, rng))]
    for k in range(rng.randint(2, 4)):
        body.append(("heading", _ROMAN[k]))
        body += [("line", line()) for _ in range(4)]
    body.append(("para", _intro(en, rng)))
    return body


def hangul_body(rng: random.Random) -> Body:
    """Fresh7: prose in Korean, its words the Hangul-only entries of jusText's Korean stop
    list (sorted, so the draw does not depend on set order), sentences ended by a stop."""
    import justext

    words = sorted(w for w in justext.get_stoplist(FRESH7_SCRIPTS[0])
                   if w and all("\uac00" <= c <= "\ud7a3" for c in w))

    def sentence(lo: int, hi: int) -> str:
        return " ".join(rng.choice(words) for _ in range(rng.randint(lo, hi)))

    body: Body = [("title", sentence(3, 6))]
    for k in range(rng.randint(4, 6)):
        if k and rng.random() < 0.3:
            body.append(("heading", sentence(2, 4)))
        body.append(("para", " ".join(sentence(6, 12) + "." for _ in range(rng.randint(3, 6)))))
    return body


def _fresh7_ago(rng: random.Random) -> str:
    """A relative age printed beside a headline item (drawn, never read from a clock)."""
    r = rng.random()
    if r < 0.15:
        return "yesterday"
    if r < 0.5:
        return f"{rng.randint(2, 23)} hours ago"
    return f"{rng.randint(2, 40)} days ago"


def _fresh7_user(fake: Any, rng: random.Random) -> str:
    user = re.sub(r"[^a-z0-9_]", "", _dev2_user_name(fake).lower())
    return (user or "reader") + str(rng.randint(100, 999))


def make_tail_fresh7(locale: str, rng: random.Random, heads: list[str],
                     news: list[str]) -> Tail4:
    from faker import Faker

    fake = Faker(locale)
    fake.seed_instance(rng.randint(0, 10**9))
    lang = FRESH7_LANG[locale]
    local = FRESH7_LOCAL[lang]
    t = Tail4(plan=rng.choice(FRESH7_PLANS))
    if "run" in t.plan:
        k = rng.randint(3, 8)
        if rng.random() < 0.3:
            n_news = rng.randint(1, k - 1)
            items = rng.sample(heads, k - n_news) + rng.sample(news, n_news)
            rng.shuffle(items)
        else:
            items = rng.sample(heads, k)
        case = rng.choice(("as printed", "title", "sentence", "upper"))
        run = [_recase(h, case) for h in items]
        if rng.random() < 0.3:
            run = [f"{h} | {rng.choice(FRESH7_SITES)}" for h in run]
        t.run = [(h, _fresh7_ago(rng)) for h in dict.fromkeys(run)]
        if rng.random() < 0.75:
            t.header = rng.choice(local[0]) if rng.random() < 0.5 \
                else rng.choice(FRESH7_RUN_HEADERS)
        r = rng.random()
        if r < 0.35:  # a teaser right under the title, before the first paragraph
            t.teaser_label = local[2]
            t.teaser = t.run[rng.randrange(len(t.run))][0]
        elif r < 0.7:
            t.glued = t.run[rng.randrange(len(t.run))][0]
    if "wire" in t.plan:
        used = {h for h, _ in t.run}
        items = [h for h in rng.sample(news, rng.randint(2, 5)) if h not in used]
        t.wire = [(h, rng.choice(FRESH7_SOURCES), _fresh7_ago(rng)) for h in items]
        t.wire_header = local[1] if rng.random() < 0.5 else rng.choice(FRESH7_WIRE_HEADERS)
    name = fake.name()
    user = _fresh7_user(fake, rng)
    email = fake.email()
    born = date_of_birth(fake, 20, 74)
    birth = rng.choice(FRESH7_BIRTH_FORMATS).format(
        y=born.year, m=born.month, d=born.day, mon=_MON3[born.month - 1],
        MON=_MON3[born.month - 1].upper())
    phone = _fresh5_phone(fake, rng)
    address = fake.address().replace("\n", ", ")
    _card_and_bio(t, rng, fake, lang, local, (name, user, email, birth, address, phone),
                  keys=FRESH7_CARD_KEY_WORDS, headers=FRESH7_CARD_HEADERS, bios=FRESH7_BIOS,
                  motto=lambda: fake.sentence(nb_words=6), name_first=0.8)
    if "social" in t.plan or ("card" in t.plan and rng.random() < 0.3):
        t.social_header = local[4] if rng.random() < 0.5 else rng.choice(FRESH7_SOCIAL_HEADERS)
        for label, url in rng.sample(FRESH7_PLATFORMS, rng.randint(1, 3)):
            handle = _fresh7_user(fake, rng)
            t.socials.append((label, url.format(h=handle), str(rng.randint(20, 90000))))
            t.pii += [url.format(h=handle), handle]
    return t


_FRESH7_HTML = ("details", "wc", "tw")


def _fresh7_body(body: Body, tail: Tail4 | None, style: str, p: _Printed) -> list[str]:
    """The body as blocks (``rst``, ``adoc``, ``gmi``: text; ``details``, ``wc``, ``tw``:
    HTML), with the tail's teaser right under the title or its glued headline on the last
    paragraph (no space between them)."""
    out: list[str] = []
    lines: list[str] = []
    last_para = max(i for i, (k, _) in enumerate(body) if k == "para")
    html_style = style in _FRESH7_HTML

    def flush() -> None:
        if not lines:
            return
        if style == "rst":  # line blocks
            out.append("\n".join(f"| {x}" for x in lines))
        elif style == "adoc":
            out.append("[%hardbreaks]\n" + "\n".join(lines))
        elif style == "gmi":
            out.append("\n".join(f"* {x}" for x in lines))
        elif style == "details":
            out.append("<ol>" + "".join(f"<li>{_e(x)}</li>" for x in lines) + "</ol>")
        elif style == "wc":
            out.append('<ul class="plain">' + "".join(f"<li>{_e(x)}</li>" for x in lines)
                       + "</ul>")
        else:
            out.append('<div class="mt-4 space-y-1">' + "".join(f"<div>{_e(x)}</div>"
                                                                for x in lines) + "</div>")
        lines.clear()

    for i, (kind, text) in enumerate(body):
        if kind == "line":
            lines.append(text)
            continue
        flush()
        if i == last_para and tail is not None and tail.glued:
            text = text + p(tail.glued)
        if html_style:
            tag = {"title": "h1", "heading": "h2"}.get(kind, "p")
            cls = {"title": "text-3xl font-extrabold tracking-tight",
                   "heading": "mt-8 text-xl font-bold"}.get(kind, "mt-4 leading-7")
            attr = f' class="{cls}"' if style == "tw" else ""
            out.append(f"<{tag}{attr}>{_e(text)}</{tag}>")
        elif style == "rst":
            if kind == "title":
                bar = "=" * (len(text) + 2)
                out.append(f"{bar}\n{text}\n{bar}")
            elif kind == "heading":
                out.append(f"{text}\n{'-' * max(len(text), 3)}")
            else:
                out.append(text)
        elif style == "adoc":
            out.append({"title": "= ", "heading": "== "}.get(kind, "") + text)
        else:
            out.append({"title": "# ", "heading": "## "}.get(kind, "") + text)
        if kind == "title" and tail is not None and tail.teaser:
            label, head, url = tail.teaser_label, tail.teaser, _story_url(tail.teaser)
            if style == "rst":
                out.append(p(f".. note:: {label}: `{head} <{url}>`__"))
            elif style == "adoc":
                out.append(p(f"TIP: {label}: link:{url}[{head}]"))
            elif style == "gmi":
                out.append(p(f"=> {url} {label}: {head}"))
            elif style == "details":
                out.append(f'<p class="kicker"><b>{_e(p(label))}</b> <a href="{url}">'
                           f"{_e(p(head))}</a></p>")
            elif style == "wc":
                out.append(f'<teaser-link href="{url}"><span slot="label">{_e(p(label))}'
                           f'</span> <span slot="title">{_e(p(head))}</span></teaser-link>')
            else:
                out.append(f'<div class="mt-2 text-sm text-indigo-600"><span class="font-'
                           f'semibold">{_e(p(label))}</span> <a class="underline" href="'
                           f'{url}">{_e(p(head))}</a></div>')
    flush()
    return out


def _fresh7_tail_rst(t: Tail4, p: _Printed) -> list[str]:
    """reStructuredText: runs as ``* `headline`_`` items under a ``.. rubric::`` whose
    named hyperlink targets (``.. _`headline`: url``, the headline again) close the page;
    the wire a definition list (source, then the headline indented); the card a field list
    (in a ``.. sidebar::`` when it has a header); the bio a ``.. topic::``; socials a simple
    table."""
    out: list[str] = []
    targets: list[str] = []
    for part in t.plan:
        if part == "run" and t.run:
            rows = [p(f".. rubric:: {t.header}")] if t.header else []
            rows += [p(f"* `{h}`_ ({d})") for h, d in t.run]
            targets += [p(f".. _`{h}`: {_story_url(h)}") for h, _ in t.run]
            out.append("\n".join(rows))
        elif part == "wire" and t.wire:
            out.append(p(f".. rubric:: {t.wire_header}"))
            out.append("\n".join(f"{p(s)}\n   {p(h)}" for h, s, _ in t.wire))
        elif part == "card" and t.card:
            fields = [p(f":{k}: {v}") for k, v in t.card]
            if t.card_header:
                out.append(p(f".. sidebar:: {t.card_header}") + "\n\n"
                           + "\n".join(f"   {x}" for x in fields))
            else:
                out.append("\n".join(fields))
        elif part == "bio" and t.bio:
            out.append(f"{p(f'.. topic:: {t.bio_header}')}\n\n   {p(t.bio)}")
        if part in ("social", "card") and t.socials and (part == "social"
                                                         or "social" not in t.plan):
            w1 = max(len(lab) for lab, _, _ in t.socials)
            w2 = max(len(f"https://{u}") for _, u, _ in t.socials)
            bar = "=" * w1 + "  " + "=" * w2
            rows = [p(f"{lab:<{w1}}  https://{u}") for lab, u, _ in t.socials]
            out.append(p(f".. rubric:: {t.social_header}"))
            out.append("\n".join([bar, *rows, bar]))
    if targets:
        out.append("\n".join(targets))
    return out


def _fresh7_tail_adoc(t: Tail4, p: _Printed) -> list[str]:
    """AsciiDoc: runs as ``* link:url[headline]`` items under a ``.Block title``, the wire
    a ``[horizontal]`` labelled list (``source:: headline``), the card a ``[sidebar]``
    block of ``Key:: value`` items, the bio a quoted paragraph attributed to its header, socials
    ``* https://url[Label]`` items."""
    out: list[str] = []
    for part in t.plan:
        if part == "run" and t.run:
            rows = [p(f".{t.header}")] if t.header else []
            rows += [p(f"* link:{_story_url(h)}[{h}] _{d}_") for h, d in t.run]
            out.append("\n".join(rows))
        elif part == "wire" and t.wire:
            rows = [p(f".{t.wire_header}"), p("[horizontal]")]
            out.append("\n".join(rows + [p(f"{s}:: {h}") for h, s, _ in t.wire]))
        elif part == "card" and t.card:
            rows = [p("[sidebar]")] + ([p(f".{t.card_header}")] if t.card_header else [])
            out.append("\n".join([*rows, "****", *(p(f"{k}:: {v}") for k, v in t.card),
                                  "****"]))
        elif part == "bio" and t.bio:
            out.append(f'{p(f"[quote, {json.dumps(t.bio_header, ensure_ascii=False)}]")}\n'
                       f"{p(t.bio)}")
        if part in ("social", "card") and t.socials and (part == "social"
                                                         or "social" not in t.plan):
            out.append("\n".join([p(f".{t.social_header}")]
                                 + [p(f"* https://{u}[{lab}]") for lab, u, _ in t.socials]))
    return out


def _fresh7_tail_gmi(t: Tail4, p: _Printed) -> list[str]:
    """Gemini gemtext: runs as ``=> gemini://… headline (age)`` link lines under a ``###``
    heading, the wire as ``=> url source — headline`` under a quote line, the card a
    box-drawn table in a preformatted block (its header the block's alt text), socials
    ``=> https://url Label`` lines."""
    out: list[str] = []
    for part in t.plan:
        if part == "run" and t.run:
            rows = [p(f"### {t.header}")] if t.header else []
            rows += [p(f"=> gemini://capsule.example/{_ref(h)}.gmi {h} ({d})") for h, d in t.run]
            out.append("\n".join(rows))
        elif part == "wire" and t.wire:
            out.append("\n".join([p(f"> {t.wire_header}")]
                                 + [p(f"=> {_story_url(h)} {s} — {h}") for h, s, _ in t.wire]))
        elif part == "card" and t.card:
            kw = max(len(k) for k, _ in t.card)
            cells = [f"{k} {'.' * (kw - len(k) + 3)} {v}" for k, v in t.card]
            width = max(len(c) for c in cells)
            rows = [p(f"```{t.card_header}") if t.card_header else "```",
                    "┌" + "─" * (width + 2) + "┐"]
            rows += [p(f"│ {c:<{width}} │") for c in cells]
            rows += ["└" + "─" * (width + 2) + "┘", "```"]
            out.append("\n".join(rows))
        elif part == "bio" and t.bio:
            out.append(f"{p(f'### {t.bio_header}')}\n{p(t.bio)}")
        if part in ("social", "card") and t.socials and (part == "social"
                                                         or "social" not in t.plan):
            out.append("\n".join([p(f"### {t.social_header}")]
                                 + [p(f"=> https://{u} {lab}") for lab, u, _ in t.socials]))
    return out


def _fresh7_tail_html(t: Tail4, style: str, p: _Printed) -> list[str]:
    out: list[str] = []
    for part in t.plan:
        if part == "run" and t.run:
            if style == "details":
                summary = _e(p(t.header)) if t.header else "▾"
                items = "".join(f'<li><a href="{_story_url(h)}">{_e(p(h))}</a> <span class='
                                f'"ago">{_e(p(d))}</span></li>' for h, d in t.run)
                out.append(f'<details open><summary>{summary}</summary><ul class="links">'
                           f"{items}</ul></details>")
            elif style == "wc":
                head = f'<h3 slot="heading">{_e(p(t.header))}</h3>' if t.header else ""
                cards = "".join(
                    f'<post-card href="{_story_url(h)}"><img slot="media" src="/m/{_ref(h)}'
                    f'.avif" alt="{html.escape(h)}"><h4 slot="title">{_e(p(h))}</h4>'
                    f'<time-ago slot="meta">{_e(p(d))}</time-ago></post-card>' for h, d in t.run)
                out.append(f"<related-posts>{head}{cards}</related-posts>")
            else:  # a grid whose cards print the headline again as a hover tooltip
                head = (f'<div class="text-xs font-bold uppercase tracking-widest text-gray-'
                        f'500">{_e(p(t.header))}</div>' if t.header else "")
                cards = "".join(
                    f'<a class="group relative block" href="{_story_url(h)}"><div class="'
                    f'aspect-video rounded bg-gray-100"></div><div class="mt-2 font-semibold '
                    f'group-hover:underline">{_e(p(h))}</div><div class="text-xs text-gray-500'
                    f'">{_e(p(d))}</div><div class="pointer-events-none absolute hidden rounded'
                    f' bg-black p-2 text-white group-hover:block">{_e(p(h))}</div></a>'
                    for h, d in t.run)
                out.append(f'<div class="mt-10">{head}<div class="grid grid-cols-1 gap-6 sm:'
                           f'grid-cols-3">{cards}</div></div>')
        elif part == "wire" and t.wire:
            if style == "details":
                rows = "".join(f'<p><a href="{_story_url(h)}">{_e(p(h))}</a><br><cite>'
                               f"{_e(p(s))}</cite></p>" for h, s, _ in t.wire)
                out.append(f"<details><summary>{_e(p(t.wire_header))}</summary>{rows}"
                           "</details>")
            elif style == "wc":
                rows = "".join(f'<ticker-item><a href="{_story_url(h)}">{_e(p(h))}</a> <i>'
                               f"{_e(p(s))}</i></ticker-item>" for h, s, _ in t.wire)
                out.append(f'<news-ticker><b slot="label">{_e(p(t.wire_header))}</b>{rows}'
                           "</news-ticker>")
            else:
                rows = "".join(f'<div class="flex justify-between py-2"><a class="hover:'
                               f'underline" href="{_story_url(h)}">{_e(p(h))}</a><span class='
                               f'"text-gray-400">{_e(p(s))}</span></div>' for h, s, _ in t.wire)
                out.append(f'<div class="mt-8 divide-y divide-gray-200"><div class="py-2 '
                           f'font-bold">{_e(p(t.wire_header))}</div>{rows}</div>')
        elif part == "card" and t.card:
            if style == "details":
                summary = _e(p(t.card_header)) if t.card_header else "▾"
                for k, v in t.card:
                    p(f"{k} {v}")
                rows = "".join(f'<div class="kv"><label>{_e(k)}</label> <output>{_e(v)}'
                               "</output></div>" for k, v in t.card)
                out.append(f'<details class="author"><summary>{summary}</summary>{rows}'
                           "</details>")
            elif style == "wc":
                head = (f'<h4 slot="heading">{_e(p(t.card_header))}</h4>' if t.card_header
                        else "")
                for k, v in t.card:
                    p(f"{k} {v}")
                rows = "".join(f'<card-field><span slot="key">{_e(k)}</span> <span slot="'
                               f'value">{_e(v)}</span></card-field>' for k, v in t.card)
                out.append(f"<author-card>{head}{rows}</author-card>")
            else:  # key and value in cells of their own
                head = (f'<div class="font-bold">{_e(p(t.card_header))}</div>'
                        if t.card_header else "")
                rows = "".join(f'<div class="text-gray-500">{_e(p(k))}</div><div>{_e(p(v))}'
                               "</div>" for k, v in t.card)
                out.append(f'<div class="mt-8 rounded-xl border p-4">{head}<div class="grid '
                           f'grid-cols-[9rem_1fr] gap-x-4 text-sm">{rows}</div></div>')
        elif part == "bio" and t.bio:
            if style == "details":
                out.append(f"<details><summary>{_e(p(t.bio_header))}</summary><p>"
                           f"{_e(p(t.bio))}</p></details>")
            elif style == "wc":
                out.append(f'<author-bio><h4 slot="name">{_e(p(t.bio_header))}</h4><p slot='
                           f'"text">{_e(p(t.bio))}</p></author-bio>')
            else:
                out.append('<div class="mt-8 flex gap-4"><div class="h-14 w-14 shrink-0 '
                           'rounded-full bg-gray-200"></div><div><div class="font-semibold">'
                           f'{_e(p(t.bio_header))}</div><div class="text-sm text-gray-600">'
                           f"{_e(p(t.bio))}</div></div></div>")
        if part in ("social", "card") and t.socials and (part == "social"
                                                         or "social" not in t.plan):
            if style == "details":
                items = "".join(f'<li><a href="https://{u}">{_e(p(f"{lab} https://{u}"))}'
                                "</a></li>" for lab, u, _ in t.socials)
                out.append(f"<details><summary>{_e(p(t.social_header))}</summary><menu>"
                           f"{items}</menu></details>")
            elif style == "wc":
                links = "".join(f'<social-link platform="{_fresh6_slug(lab)}" href="https://'
                                f'{u}">{_e(p(f"{lab} · {u}"))}</social-link>'
                                for lab, u, _ in t.socials)
                out.append(f'<social-links><span slot="label">{_e(p(t.social_header))}'
                           f"</span>{links}</social-links>")
            else:
                links = "".join(f'<a class="rounded-full border px-3 py-1" href="https://{u}">'
                                f'{_e(p(f"{lab}: {u}"))}</a>' for lab, u, _ in t.socials)
                out.append(f'<div class="mt-6 flex flex-wrap gap-3 text-sm"><span class="'
                           f'font-medium">{_e(p(t.social_header))}</span>{links}</div>')
    return out


def render_fresh7(body: Body, tail: Tail4 | None, layout: str) -> tuple[str, str, Counter[str]]:
    """Fresh7 layouts (page, format, printed tail lines).

    * ``text_rst``: reStructuredText (over- and underlined title, ``| `` line blocks); the
      run as ``* `headline`_ (age)`` under a ``.. rubric::``, its named hyperlink targets
      (the headline again) closing the page; the wire a definition list; the card a field
      list, in a ``.. sidebar::`` when it has a header; the bio a ``.. topic::``; socials a
      simple table under a rubric.
    * ``text_asciidoc``: AsciiDoc (``[%hardbreaks]`` short lines); the run as ``*
      link:url[headline] _age_`` under a ``.Block title``; the wire a ``[horizontal]``
      labelled list; the card a ``[sidebar]`` of ``Key:: value``; the bio a quoted paragraph
      attributed to its header; socials ``* https://url[Label]``.
    * ``text_gemtext``: Gemini gemtext; the run as ``=> gemini://… headline (age)`` link
      lines; the wire as ``=> url source — headline`` under a ``>`` line; the card a
      box-drawn table in a preformatted block; socials ``=> https://url Label``.
    * ``html_details_accordion``: every tail part a ``<details>/<summary>`` accordion after
      ``</article>`` (the card as ``<label>``/``<output>`` pairs, socials a ``<menu>``).
    * ``html_web_components``: custom elements with slots (``<related-posts>`` of
      ``<post-card>``, ``<news-ticker>``, ``<author-card>`` of ``<card-field>``,
      ``<author-bio>``, ``<social-links>``) after a plain ``<article>``.
    * ``html_utility_divs``: a utility-class page of bare ``<div>``s (``#__next``); the run
      a grid of cards printing each headline twice (the title and a hover tooltip) with its
      age; the card key and value in cells of their own.
    """
    p = _Printed()
    style = {"text_rst": "rst", "text_asciidoc": "adoc", "text_gemtext": "gmi",
             "html_details_accordion": "details", "html_web_components": "wc"}.get(layout,
                                                                                  "tw")
    main = _fresh7_body(body, tail, style, p)
    title = next(x for k, x in body if k == "title")
    if style not in _FRESH7_HTML:
        tail_blocks: list[str] = []
        if tail is not None:
            tail_blocks = {"rst": _fresh7_tail_rst, "adoc": _fresh7_tail_adoc,
                           "gmi": _fresh7_tail_gmi}[style](tail, p)
        return "\n\n".join(main + tail_blocks) + "\n", "text", p.counts
    tail_html = "".join(_fresh7_tail_html(tail, style, p)) if tail is not None else ""
    head = f'<head><meta charset="utf-8"><title>{_e(title)}</title>'
    if style == "details":
        page = (f'<!DOCTYPE html><html lang="en">{head}</head><body><div class="page"><header '
                'class="masthead"><a href="/">Home</a> <a href="/faq">FAQ</a></header><article '
                f'class="post">{"".join(main)}</article><section class="extras">{tail_html}'
                "</section><footer><p>Site map · Accessibility</p></footer></div></body>"
                "</html>\n")
    elif style == "wc":
        page = (f'<!DOCTYPE html><html>{head}<script type="module" src="/components.js">'
                '</script></head><body><site-header><a href="/">Home</a> <a href="/topics">'
                f'Topics</a></site-header><main><article>{"".join(main)}</article>{tail_html}'
                "</main><site-footer><p>Built with custom elements</p></site-footer></body>"
                "</html>\n")
    else:
        page = (f'<!DOCTYPE html><html class="h-full">{head}</head><body class="h-full '
                'bg-white"><div id="__next"><div class="mx-auto max-w-3xl px-4"><div class="'
                'flex items-center justify-between py-6"><a class="font-bold" href="/">Home</a>'
                '<a href="/newsletter">Newsletter</a></div><div class="prose prose-lg">'
                f'{"".join(main)}</div>{tail_html}<div class="border-t py-8 text-sm text-gray-'
                '400">© 2026</div></div></div></body></html>\n')
    return page, "html", p.counts


def generate_fresh7(n: int, seed: int) -> Iterator[tuple[Sample, str, str]]:
    """``n`` samples of the fresh7 split: the held-out clickbait and news headlines
    (shuffled with its own seed), IDLE's user guide, football play-by-play, verse, Korean
    prose; body kind and layout from a shuffled deck of the 24 pairs.

    Held out, first look, rules of main edc9f41 (2026-12-07 23:07 UTC, all 160 pages,
    ``bench_tails.py --half fresh7 [--tail-model]``; BENCHMARKS.md "A tenth split, fresh7"):
    rules 32.26% tail lines, 35.91% PII (62 pages), body F1 0.8742, controls 160/160; with
    the tail model 23.78%, 29.72% (50 pages), 0.8928, 160/160. HTML layouts 49/1703 lines
    (PII 7), text layouts 886/1195."""
    return _dealt_split(
        "fresh7", n, seed, real=("idle_help_prose", idle_help_bodies),
        makers={"play_by_play": play_by_play_body, "verse": verse_body,
                "nonlatin_ko": lambda rng, en: hangul_body(rng)},
        make_tail=lambda locale, layout, rng, heads, news: make_tail_fresh7(
            locale, rng, heads, news),
        render=render_fresh7)


# -- samples -----------------------------------------------------------------------------


def spam_lines(tail: Tail) -> tuple[list[str], list[int]]:
    lines: list[str] = []
    counts: list[int] = []
    if tail.header:
        lines.append(tail.header)
        counts.append(1)
    for h in tail.headlines:
        lines.append(h)
        counts.append(3 if h == tail.glued else 2)
    for head in (tail.card_header, tail.bio_header, tail.social_header):
        if head:
            lines.append(head)
            counts.append(1)
    rest = [f"{k} : {v}" for k, v in tail.card]
    rest += [tail.bio] if tail.bio else []
    for platform, kv in tail.socials:
        rest += [f"{platform}:"] + [f"{k} : {v}" for k, v in kv]
    for line in rest:
        lines.append(line)
        counts.append(1)
    for line, count in tail.extra:
        lines.append(line)
        counts.append(count)
    return lines, counts


def generate(half: str, n: int, seed: int | None = None) -> Iterator[tuple[Sample, str, str]]:
    """``n`` samples of one half: (sample, tailed page, clean twin page), drawn with
    Faker's today at ``pii_snippets.REFERENCE_DAY`` (some of its providers read the clock)."""
    with faker_today():
        yield from _generate(half, n, seed)


def _generate(half: str, n: int, seed: int | None = None) -> Iterator[tuple[Sample, str, str]]:
    from faker import Faker

    seed = SEEDS[half] if seed is None else seed
    if half == "fresh2":
        yield from generate_fresh2(n, seed)
        return
    if half == "dev2":
        yield from generate_dev2(n, seed)
        return
    if half == "fresh3":
        yield from generate_fresh3(n, seed)
        return
    if half == "fresh4":
        yield from generate_fresh4(n, seed)
        return
    if half == "fresh5":
        yield from generate_fresh5(n, seed)
        return
    if half == "fresh6":
        yield from generate_fresh6(n, seed)
        return
    if half == "fresh7":
        yield from generate_fresh7(n, seed)
        return
    rng = random.Random(f"{seed}-{half}")
    heads = clickbait_headlines(1)
    rng.shuffle(heads)
    news: list[str] = []
    if half == "fresh":  # every held-out clickbait headline, and the held-out news ones
        news = clickbait_headlines(1, "non_clickbait_data.gz")
        rng.shuffle(news)
    elif half == "develop":
        heads = heads[: len(heads) // 2]
    else:
        heads = heads[len(heads) // 2 :]
    real: list[Body] = list(
        article_bodies() if half == "develop"
        else wcxb_bodies(WCXB_OTHER_TYPES) if half == "fresh" else wcxb_bodies()
    )
    rng.shuffle(real)
    en = Faker("en_US")
    en.seed_instance(seed)
    real_kind = BODIES[half][0]
    for k in range(n):
        kind = BODIES[half][k % len(BODIES[half])]
        layout = LAYOUTS[half][(k // len(BODIES[half])) % len(LAYOUTS[half])]
        locale = rng.choice(LOCALES[half])
        if kind == real_kind:
            body = real[k % len(real)]
        elif kind.startswith("nonlatin"):
            body = nonlatin_body(kind, rng)
        elif kind in ("faq", "recipe"):
            body = faq_or_recipe_body(kind, rng, en)
        else:
            fake = Faker(locale)
            fake.seed_instance(rng.randint(0, 10**9))
            body = short_line_body(kind, rng, fake, en)
        tail = make_tail(half, locale, rng, heads, news)
        lay_rng = random.Random(rng.random())
        page, fmt = render(body, tail, layout, lay_rng)
        twin, _ = render(body, None, layout, random.Random(0))
        lines, counts = spam_lines(tail)
        sid = f"{half}-{k:04d}"
        yield Sample(sid, half, kind, layout, locale, fmt, page, twin, lines, counts,
                     [p for p in tail.pii if p], tail.parts), page, twin


def fixed_hash_seed() -> None:
    """Re-run the script with ``PYTHONHASHSEED=0``: some Faker locales draw from sets
    (it_IT cities), so without a fixed hash seed two runs differ in a few values."""
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.environ["PYTHONHASHSEED"] = "0"
        os.execv(sys.executable, [sys.executable, *sys.argv])


def main() -> None:
    fixed_hash_seed()
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--half", choices=HALVES, default="develop")
    ap.add_argument("--n", type=int, default=64)
    ap.add_argument("--out", type=Path, default=ROOT / "build" / "tails")
    args = ap.parse_args()
    out = args.out / args.half
    out.mkdir(parents=True, exist_ok=True)
    with (out / "samples.jsonl").open("w", encoding="utf-8") as fh:
        for s, _page, _twin in generate(args.half, args.n):
            ext = {"text": "txt", "markdown": "md", "html": "html"}[s.format]
            (out / f"{s.id}.{ext}").write_text(s.page, "utf-8")
            (out / f"{s.id}.clean.{ext}").write_text(s.twin, "utf-8")
            d = s.to_dict()
            d.pop("page")
            d.pop("twin")
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    print(f"wrote {args.n} samples to {out}")


if __name__ == "__main__":
    main()

"""Per-language vocabulary of the boilerplate stage (``cleaner/vocab/<lang>.py``).

Every language module lists card keys, social keys and the three kinds of headers; a
card key of a PII field is a PII label of the same language without a second copy.
Table-driven page tests: a Japanese, Polish or Swedish author card or social block
after an article goes whole (one finding, no value left); the same words in the
article's own prose, or a key/value pair that is not about a person, stay. The cards
hold at most one contact value (e-mail, phone, birth date), so only the keys can tell
them apart from prose: these rows fail with no card words in ja/pl/sv.
"""

from __future__ import annotations

import re

import pytest
from _boilerplate_helpers import bp_findings, make_cleaner

from cleaner import vocab
from cleaner.boilerplate import rules as R
from cleaner.vocab._labels import PII_FIELDS, pii_labels

BODIES: dict[str, tuple[str, ...]] = {
    "ja": (
        "港の新しいフェリー時刻表が承認された",
        "港湾協議会は火曜日、島の住民から欠航について何か月も苦情が寄せられたことを受けて、新しい"
        "フェリーの時刻表を承認した。新しい時刻表では早朝の便が二本増え、最終便は四十分遅くなる。"
        "通勤客が仕事の後に帰宅できるようにするためだ。",
        "運航会社によると、変更には夏までに乗組員を六人増やす必要がある。協議会は二年間、追加の"
        "賃金の一部を負担する。住民には秋にオンライン調査で意見を聞く予定だ。",
        "島の商店主たちは最終便の延長を歓迎した。夕方の観光客が増えると期待している。新しい"
        "時刻表による運航は五月に始まる。",
    ),
    "pl": (
        "Rada portu zatwierdziła nowy rozkład promów",
        "Rada portu zatwierdziła we wtorek nowy rozkład promów po wielu miesiącach skarg "
        "mieszkańców wyspy na odwołane rejsy. Nowy rozkład dodaje dwa poranne kursy i przesuwa "
        "ostatni wieczorny prom o czterdzieści minut, aby dojeżdżający zdążyli wrócić do domu.",
        "Przewoźnik poinformował, że zmiana zależy od zatrudnienia sześciu nowych członków załogi "
        "przed latem. Rada przez dwa lata pokryje część dodatkowych wynagrodzeń, a mieszkańcy "
        "jesienią wypowiedzą się w ankiecie internetowej.",
        "Właściciele sklepów na wyspie cieszą się z późniejszego promu, który ich zdaniem "
        "przyciągnie więcej wieczornych gości. Pierwsze rejsy według nowego rozkładu ruszą w maju.",
    ),
    "sv": (
        "Hamnrådet godkänner ny färjetidtabell",
        "Hamnrådet godkände på tisdagen en ny färjetidtabell efter flera månaders klagomål från "
        "öborna om inställda turer. Tidtabellen lägger till två tidiga avgångar och flyttar den "
        "sista kvällsfärjan fyrtio minuter senare, så att pendlare hinner hem efter jobbet.",
        "Rederiet säger att ändringen kräver att sex nya besättningsmedlemmar anställs före "
        "sommaren. Rådet betalar en del av de extra lönerna i två år, och invånarna får tycka "
        "till om tidtabellen i en enkät under hösten.",
        "Öns butiksägare välkomnar den senare färjan, som de tror ska locka fler kvällsbesökare "
        "till hamnen. De första turerna enligt den nya tidtabellen går i maj.",
    ),
}


def _page(lang: str, *tail: str, middle: str = "") -> str:
    title, *paras = BODIES[lang]
    if middle:
        paras = [paras[0], middle, *paras[1:]]
    return "\n\n".join((title, *paras, *tail)) + "\n"


def _lines(*pairs: str, sep: str = " : ", bullet: str = "  • ") -> str:
    return "\n".join(f"{bullet}{k}{sep}{v}" for k, v in (p.split("=", 1) for p in pairs))


#: (id, language, tail blocks, values that must go, reason)
CARDS = [
    ("ja_issue_shape", "ja",
     ("著者プロフィール", _lines("名前=佐藤 花子", "ユーザー名=hanako_s88",
                                 "メール=hanako.sato@examplemail.jp", "会社=株式会社みなと通信",
                                 "職業=編集者")),
     ("hanako_s88", "hanako.sato@examplemail.jp", "株式会社みなと通信"),
     "the keys of the one report-half miss (名前, ユーザー名, メール, 会社, 職業), one contact"
     " value"),
    ("ja_fullwidth_no_header", "ja",
     (_lines("氏名=鈴木 一郎", "勤務先=港湾新聞社", "役職=記者", "連絡先=ichiro.s@examplemail.jp",
             sep="：", bullet=""),),
     ("鈴木 一郎", "港湾新聞社", "ichiro.s@examplemail.jp"),
     "full-width colons, no bullets, no header: the keys alone make it a card"),
    ("ja_social", "ja",
     ("SNS", "twitter:", _lines("ユーザー名=minato_news", "フォロワー=2841", "フォロー中=377")),
     ("minato_news",),
     "a social block keyed in Japanese (follower counts make it a person's profile)"),
    ("pl_card_with_header", "pl",
     ("O autorze", _lines("Imię i nazwisko=Zofia Wiśniewska", "Nazwa użytkownika=zofia_w77",
                          "E-mail=zofia.w@examplemail.pl", "Firma=Kurier Portowy sp. z o.o.",
                          "Zawód=dziennikarka")),
     ("Zofia Wiśniewska", "zofia_w77", "zofia.w@examplemail.pl"),
     "a Polish card under the PII stage's own author header 'O autorze'"),
    ("pl_card_no_contact", "pl",
     (_lines("Imię=Tomasz", "Nazwisko=Kowalczyk", "Pseudonim=tkowal", "Stanowisko=redaktor",
             "Miasto=Gdynia"),),
     ("Kowalczyk", "tkowal"),
     "no contact value at all: name, nickname and job keys"),
    ("sv_card_with_header", "sv",
     ("Om skribenten", _lines("Namn=Karin Lindqvist", "Användarnamn=karinl", "E-post=karin@"
                              "examplemail.se", "Företag=Hamnbladet AB", "Yrke=journalist")),
     ("Karin Lindqvist", "karinl", "karin@examplemail.se", "Hamnbladet AB"),
     "a Swedish card under 'Om skribenten'"),
    ("sv_card_first_last_name", "sv",
     (_lines("Förnamn=Erik", "Efternamn=Sjöberg", "Arbetsgivare=Sjöfartsverket",
             "Födelsedatum=1979-03-02", sep=": ", bullet="- "),),
     ("Sjöberg", "Sjöfartsverket", "1979-03-02"),
     "first/last-name keys, a birth date as the only contact value"),
    ("sv_social", "sv",
     ("Sociala medier", "instagram:", _lines("Användarnamn=hamnbladet_erik", "Följare=1520",
                                              "Följer=230")),
     ("hamnbladet_erik",),
     "a Swedish social block under 'Sociala medier'"),
]


@pytest.fixture(scope="module")
def bp():
    return make_cleaner()


@pytest.mark.parametrize("row", CARDS, ids=[r[0] for r in CARDS])
def test_card_after_the_article_goes_whole(bp, row) -> None:
    _, lang, tail, values, reason = row
    result = bp.clean(_page(lang, *tail), format="text")
    for value in values:
        assert value not in result.text, (reason, result.text)
    # one finding per whole: the header and every key/value line of the card
    text = result.document.text
    spans = [text[f.start:f.end] for f in bp_findings(result)
             if f.category in ("author_card", "social")]
    assert len(spans) == 1, (reason, spans)
    first, last = tail[0].lstrip(" •-").split()[0], tail[-1].split()[-1]
    assert spans[0].lstrip(" •-").startswith(first) and spans[0].endswith(last), (reason, spans)
    # the article is untouched: its last paragraph is kept whole
    assert BODIES[lang][-1] in result.text, reason


#: (id, language, text put in the middle of the article, reason)
CONTROLS = [
    ("ja_words_in_prose", "ja",
     "会社の名前とメールの使い方について、職業訓練の講師が住民向けに説明した。",
     "card words (会社, 名前, メール, 職業) in a sentence of the article"),
    ("pl_words_in_prose", "pl",
     "Imię i nazwisko kapitana, jego firma i zawód nie zostały podane, napisała policja.",
     "card words in a Polish sentence"),
    ("sv_words_in_prose", "sv",
     "Namn, yrke och företag på den skadade publiceras inte, skriver polisen i ett "
     "pressmeddelande.",
     "card words in a Swedish sentence"),
    ("pl_facts_not_about_a_person", "pl",
     _lines("Miasto=Gdynia", "Wiek floty=12 lat", "Rejsy dziennie=14"),
     "key/value lines in the article with no key about a person (a fact box)"),
    ("sv_facts_not_about_a_person", "sv",
     _lines("Ort=Visby", "Avgångar=14 per dag", "Restid=3 timmar", sep=": ", bullet="- "),
     "a Swedish fact box (Ort is a card key, but no key names or reaches a person)"),
]


@pytest.mark.parametrize("row", CONTROLS, ids=[r[0] for r in CONTROLS])
def test_the_same_words_in_the_article_stay(bp, row) -> None:
    _, lang, middle, reason = row
    page = _page(lang, middle=middle)
    result = bp.clean(page, format="text")
    assert not bp_findings(result), (reason, [f.to_dict() for f in bp_findings(result)])
    assert result.text.split() == page.split(), reason


#: (language, header, the pattern it must match, reason)
HEADERS = [
    ("ja", "関連記事", R.RELATED_HEADER_RE, "related posts"),
    ("ja", "あわせて読みたい", R.RELATED_HEADER_RE, "'read together with this'"),
    ("ja", "この記事を書いた人", R.CARD_HEADER_RE, "'the person who wrote this article'"),
    ("ja", "著者について", R.CARD_HEADER_RE, "the PII stage's author header, shared"),
    ("ja", "公式SNS", R.SOCIALS_HEADER_RE, "official social accounts"),
    ("pl", "Czytaj także", R.RELATED_HEADER_RE, "'read also'"),
    ("pl", "Najczęściej czytane", R.RELATED_HEADER_RE, "most read"),
    ("pl", "O autorce", R.CARD_HEADER_RE, "the PII stage's author header, shared"),
    ("pl", "Obserwuj nas na", R.SOCIALS_HEADER_RE, "'follow us on'"),
    ("sv", "Läs också", R.RELATED_HEADER_RE, "'read also'"),
    ("sv", "Mest lästa", R.RELATED_HEADER_RE, "most read"),
    ("sv", "Om författaren", R.CARD_HEADER_RE, "the PII stage's author header, shared"),
    ("sv", "Följ oss på", R.SOCIALS_HEADER_RE, "'follow us on'"),
    ("pt", "Redes sociais", R.SOCIALS_HEADER_RE, "social networks"),
    ("hu", "Kapcsolódó cikkek", R.RELATED_HEADER_RE, "related articles"),
    ("hu", "Ez is érdekelheti", R.RELATED_HEADER_RE, "'this may interest you too'"),
    ("hu", "Szponzorált tartalom", R.RELATED_HEADER_RE, "sponsored content"),
    ("hu", "A szerzőről", R.CARD_HEADER_RE, "'about the author'"),
    ("hu", "Közösségi média", R.SOCIALS_HEADER_RE, "social media"),
    ("id", "Artikel Terkait", R.RELATED_HEADER_RE, "related articles"),
    ("id", "Paling Banyak Dibaca", R.RELATED_HEADER_RE, "most read"),
    ("id", "Konten Bersponsor", R.RELATED_HEADER_RE, "sponsored content"),
    ("id", "Tentang Penulis", R.CARD_HEADER_RE, "'about the writer'"),
    ("id", "Ikuti kami di", R.SOCIALS_HEADER_RE, "'follow us on'"),
    ("ro", "Cele mai citite", R.RELATED_HEADER_RE, "most read"),
    ("ro", "Citește și", R.RELATED_HEADER_RE, "'read also'"),
    ("ro", "Conținut sponsorizat", R.RELATED_HEADER_RE, "sponsored content"),
    ("ro", "Despre autor", R.CARD_HEADER_RE, "'about the author'"),
    ("ro", "Rețele sociale", R.SOCIALS_HEADER_RE, "social networks"),
    ("it", "Seguici su", R.SOCIALS_HEADER_RE, "'follow us on'"),
]


@pytest.mark.parametrize("row", HEADERS, ids=[f"{r[0]}-{r[1]}" for r in HEADERS])
def test_header_is_known(row) -> None:
    _, header, pattern, reason = row
    assert pattern.match(header), reason


@pytest.mark.parametrize("lang", vocab.LANGUAGES)
def test_every_language_has_the_boilerplate_tables(lang: str) -> None:
    mod = vocab.MODULES[lang]
    assert mod.CARD_LABELS and mod.SOCIAL_LABELS and mod.FOLLOWER_LABELS
    assert set(mod.FOLLOWER_LABELS) <= set(mod.SOCIAL_LABELS)
    for kind in ("RELATED_HEADERS", "CARD_HEADERS", "SOCIAL_HEADERS"):
        fragments = getattr(mod, kind)
        assert fragments, kind
        for frag in fragments:
            re.compile(frag)
            assert frag == frag.lower(), (kind, frag)  # matched case-insensitively
    for words in mod.CARD_LABELS.values():
        assert all(w == w.lower().strip() for w in words), words


@pytest.mark.parametrize("lang", vocab.PII_LANGUAGES)
def test_card_keys_and_pii_labels_are_one_copy(lang: str) -> None:
    """``PII_LABELS`` is built from the card keys and the line-only labels; a word in
    both tables is refused; every card key of a PII field is a PII label."""
    mod = vocab.MODULES[lang]
    assert pii_labels(mod.CARD_LABELS, mod.PII_LINE_LABELS) == mod.PII_LABELS
    for field in PII_FIELDS:
        assert set(mod.CARD_LABELS.get(field, ())) <= set(mod.PII_LABELS.get(field, ()))
        assert not set(mod.CARD_LABELS.get(field, ())) & set(mod.PII_LINE_LABELS.get(field, ()))


def test_a_word_in_both_tables_is_refused() -> None:
    with pytest.raises(ValueError, match="card key and line label"):
        pii_labels({"PERSON": ("name",)}, {"PERSON": ("name", "author")})


# -- Hungarian, Indonesian, Romanian: boilerplate vocabulary only (no PII tables) ---------
# Cards without any contact value on an English page (the fresh split's shape: the
# locale's card keys after an English article): only the keys tell them from prose, so
# these rows fail without the hu/id/ro modules (card_shape needs a contact value).

#: (id, card lines, values that must go, reason)
KEYED_CARDS = [
    ("hu_no_contact", _lines("Név=Szabó Réka", "Becenév=rekasz", "Munkahely=Kikötői Hírlap",
                             "Beosztás=újságíró", sep=": ", bullet=""),
     ("Szabó Réka", "rekasz", "Kikötői Hírlap"),
     "Hungarian name, nickname, workplace and position keys"),
    ("id_no_contact", _lines("Nama lengkap=Dewi Anggraini", "Nama pengguna=dewi_ang",
                             "Pekerjaan=wartawan", "Kantor=Harian Pelabuhan"),
     ("Dewi Anggraini", "dewi_ang", "Harian Pelabuhan"),
     "Indonesian full-name, username, job and office keys"),
    ("ro_no_contact", _lines("Nume și prenume=Ioana Mureșan", "Utilizator=ioana_mu",
                             "Ocupație=jurnalistă", "Localitate=Constanța", sep=": ",
                             bullet="- "),
     ("Ioana Mureșan", "ioana_mu"),
     "Romanian name, user, occupation and town keys (comma-below ș)"),
    ("ro_cedilla_with_header", "Despre autor\n" + _lines(
        "Nume=Andrei Ţurcanu", "Ocupaţie=fotograf", "Data naşterii=12 martie 1981",
        "Firma=Portul Media", sep=": ", bullet=""),
     ("Andrei Ţurcanu", "12 martie 1981", "Portul Media"),
     "the cedilla spellings (ţ, ş) under a Romanian author header"),
]


@pytest.mark.parametrize("row", KEYED_CARDS, ids=[r[0] for r in KEYED_CARDS])
def test_hu_id_ro_card_keys_make_a_card(bp, row) -> None:
    from _boilerplate_helpers import BODY, article

    _, card, values, reason = row
    result = bp.clean(article(*BODY, card), format="text")
    for value in values:
        assert value not in result.text, (reason, value, result.text)
    assert BODY[-1] in result.text, reason


#: (id, sentence put in the middle of an English article, reason)
KEYED_CONTROLS = [
    ("hu_words_in_prose", "A kapitány neve, munkahelye és beosztása nem ismert, közölte a "
     "kikötő szóvivője a sajtótájékoztatón.", "Hungarian card words in a sentence"),
    ("id_facts", _lines("Kota=Surabaya", "Jumlah kapal=12", "Waktu tempuh=3 jam", sep=": ",
                        bullet=""),
     "an Indonesian fact box: a card key (Kota) but nothing about a person"),
]


@pytest.mark.parametrize("row", KEYED_CONTROLS, ids=[r[0] for r in KEYED_CONTROLS])
def test_hu_id_ro_words_in_the_article_stay(bp, row) -> None:
    from _boilerplate_helpers import BODY, article

    _, middle, reason = row
    page = article(BODY[0], middle, *BODY[1:])
    result = bp.clean(page, format="text")
    assert not bp_findings(result), (reason, [f.to_dict() for f in bp_findings(result)])


def test_boilerplate_only_languages_stay_out_of_the_pii_engine() -> None:
    """hu, id and ro have no PII tables: adding their card keys must not add languages
    (and recognizers) to the PII engine."""
    from cleaner.pii import registry

    assert {"hu", "id", "ro"} <= set(vocab.LANGUAGES)
    assert not {"hu", "id", "ro"} & set(registry.LANGUAGES)
    assert set(registry.LANGUAGES) == set(vocab.PII_LANGUAGES)

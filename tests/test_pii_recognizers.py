"""Recognizer table: what the PII registry must find, and what it must leave alone."""

from __future__ import annotations

import re

import pytest

from cleaner.pii import ENTITY_TYPES, REGISTRY, PIIEngine, get_engine
from cleaner.pii.registry import (
    LABELLED_TYPES,
    LANGUAGES,
    NUMERIC_KINDS,
    NUMERIC_TYPES,
    TAGS,
    TRIGGERS,
)


@pytest.fixture(scope="session")
def engine() -> PIIEngine:
    return get_engine()


def _found(engine: PIIEngine, text: str, lang: str) -> list[tuple[str, str]]:
    return [(h.entity, text[h.start : h.end]) for h in engine.analyze(text, lang)]


MUST_FIND = [
    # e-mail
    pytest.param("en", "Write to jane.roe@examplemail.com today.", "EMAIL_ADDRESS",
                 "jane.roe@examplemail.com", id="email-in-prose"),
    pytest.param("de", "E-Mail : f.wollenhaupt@beispielpost.de", "EMAIL_ADDRESS",
                 "f.wollenhaupt@beispielpost.de", id="email-labelled-de"),
    # phones
    pytest.param("en", "Phone : +1-541-555-0187", "PHONE_NUMBER", "+1-541-555-0187",
                 id="phone-us-international"),
    pytest.param("en", "Phone : 959.667.6332", "PHONE_NUMBER", "959.667.6332",
                 id="phone-us-dotted-seed"),
    pytest.param("en", "call 020 7946 0958 before Friday", "PHONE_NUMBER", "020 7946 0958",
                 id="phone-gb-national-with-context"),
    pytest.param("de", "erreichbar unter 030 98765432.", "PHONE_NUMBER", "030 98765432",
                 id="phone-de-national"),
    pytest.param("fr", "appelez le 01 42 68 53 09.", "PHONE_NUMBER", "01 42 68 53 09",
                 id="phone-fr-pairs"),
    pytest.param("es", "llame al 912 345 678 hoy", "PHONE_NUMBER", "912 345 678",
                 id="phone-es-national-context"),
    pytest.param("it", "chiamate il +39 06 6982 1234.", "PHONE_NUMBER", "+39 06 6982 1234",
                 id="phone-it-international"),
    pytest.param("nl", "bel +31(0)20 1234567 voor info", "PHONE_NUMBER", "+31(0)20 1234567",
                 id="phone-nl-trunk-in-parens"),
    # dates of birth
    pytest.param("en", "Birthdate : 1984-11-23", "DATE_OF_BIRTH", "1984-11-23",
                 id="dob-labelled-iso"),
    pytest.param("en", "The applicant, born on March 2, 1969, has no record.", "DATE_OF_BIRTH",
                 "March 2, 1969", id="dob-born-on-long-date"),
    pytest.param("de", "Sie wurde am 3. Mai 1981 in Kiel geboren.", "DATE_OF_BIRTH",
                 "3. Mai 1981", id="dob-geboren-after-date"),
    pytest.param("fr", "Date de naissance : 02/07/1990", "DATE_OF_BIRTH", "02/07/1990",
                 id="dob-labelled-fr"),
    pytest.param("es", "nació el 2 de marzo de 1969 en Cádiz", "DATE_OF_BIRTH",
                 "2 de marzo de 1969", id="dob-es-long"),
    pytest.param("nl", "Geboortedatum : 23-09-1987. Naam : Femke Jansen", "DATE_OF_BIRTH",
                 "23-09-1987", id="dob-nl-mid-line-label"),
    # addresses
    pytest.param("en", "Address : 36054 Treutel Valleys Apt. 503 Goldnerbury, NV 12597",
                 "STREET_ADDRESS", "36054 Treutel Valleys Apt. 503 Goldnerbury, NV 12597",
                 id="address-labelled-seed"),
    pytest.param("en", "She lives at 1777 Kramer Court, Johnsonfurt, NE 80119, near the park.",
                 "STREET_ADDRESS", "1777 Kramer Court, Johnsonfurt, NE 80119",
                 id="address-us-inline"),
    pytest.param("en", "who lives at Flat 0, Francesca Plains, South Joyceborough, SR08 7UX today",
                 "STREET_ADDRESS", "Flat 0, Francesca Plains, South Joyceborough, SR08 7UX",
                 id="address-gb-postcode"),
    pytest.param("de", "wohnhaft in der Lindenstraße 14, 10115 Berlin, sagte", "STREET_ADDRESS",
                 "Lindenstraße 14, 10115 Berlin", id="address-de"),
    pytest.param("fr", "Elle habite au 18, rue des Lilas, 69003 Lyon, depuis 2010.",
                 "STREET_ADDRESS", "18, rue des Lilas, 69003 Lyon", id="address-fr"),
    pytest.param("es", "La sede está en Calle de Alcalá 48, 28014 Madrid.", "STREET_ADDRESS",
                 "Calle de Alcalá 48, 28014 Madrid", id="address-es"),
    pytest.param("it", "abita in Viale Goffredo, 19 Appartamento 0, 13031, Arborio (VC).",
                 "STREET_ADDRESS", "Viale Goffredo, 19 Appartamento 0, 13031, Arborio (VC)",
                 id="address-it"),
    pytest.param("nl", "woont aan de Gerritsingel 7, 1317 YB, Almere sinds mei", "STREET_ADDRESS",
                 "Gerritsingel 7, 1317 YB, Almere", id="address-nl"),
    # social
    pytest.param("en", "  • url : https://tiktok.com/@cassandrestrosin", "PROFILE_URL",
                 "https://tiktok.com/@cassandrestrosin", id="profile-tiktok-seed"),
    pytest.param("en", "see https://www.instagram.com/des.al.photos/ for more", "PROFILE_URL",
                 "https://www.instagram.com/des.al.photos/", id="profile-instagram-slash"),
    pytest.param("en", "on linkedin.com/in/jane-roe-123 too", "PROFILE_URL",
                 "linkedin.com/in/jane-roe-123", id="profile-without-scheme"),
    pytest.param("en", "She posts as @maribel_floods every day.", "SOCIAL_HANDLE",
                 "@maribel_floods", id="handle-in-prose"),
    # labelled fields
    pytest.param("en", "  • Username : austin.schiller", "USERNAME", "austin.schiller",
                 id="username-labelled-seed"),
    pytest.param("en", "  • Name : Oda Hills", "PERSON", "Oda Hills", id="name-labelled-seed"),
    pytest.param("en", "Name : Piers Holloway-Grant | Email : piers.hg@examplemail.com",
                 "PERSON", "Piers Holloway-Grant", id="name-before-pipe"),
    pytest.param("fr", "Nom : Nathalie Jourdan de la Roy", "PERSON", "Nathalie Jourdan de la Roy",
                 id="name-particles"),
    pytest.param("en", "For tickets, contact Maribel Okonkwo at mo@examplemail.com.", "PERSON",
                 "Maribel Okonkwo", id="contact-x-at"),
    pytest.param("en", "  • Company : Skiles, Considine and Franecki", "ORGANIZATION",
                 "Skiles, Considine and Franecki", id="company-labelled-seed"),
    pytest.param("de", "Firma : Girschner AG & Co. OHG", "ORGANIZATION",
                 "Girschner AG & Co. OHG", id="company-with-abbreviation-dot"),
    pytest.param("en", "Tickets by phone on 029 2018894.", "PHONE_NUMBER", "029 2018894",
                 id="phone-wins-over-nhs-checksum-without-nhs-context"),
    pytest.param("en", "His NHS number is 943 476 5919.", "UK_NHS", "943 476 5919",
                 id="nhs-with-context"),
    # presidio's checksummed recognizers
    pytest.param("en", "Card number: 4111 1111 1111 1111", "CREDIT_CARD", "4111 1111 1111 1111",
                 id="credit-card-luhn"),
    pytest.param("de", "IBAN DE89 3704 0044 0532 0130 00 bitte", "IBAN_CODE",
                 "DE89 3704 0044 0532 0130 00", id="iban-checksum"),
    pytest.param("en", "server at 192.168.14.201 was hit", "IP_ADDRESS", "192.168.14.201",
                 id="ipv4"),
    pytest.param("en", "wallet 1BoatSLRHtKNngkdXEeobR76b53LETtpyT please", "CRYPTO",
                 "1BoatSLRHtKNngkdXEeobR76b53LETtpyT", id="bitcoin-address"),
]


@pytest.mark.parametrize(("lang", "text", "entity", "value"), MUST_FIND)
def test_must_find(engine: PIIEngine, lang: str, text: str, entity: str, value: str) -> None:
    assert (entity, value) in _found(engine, text, lang)


MUST_NOT_FIND = [
    pytest.param("en", "President Vladimir Putin met Masoud Pezeshkian in Moscow on Tuesday.",
                 id="public-figures-in-running-text"),
    pytest.param("en", "Sergei Ryabkov and Sergei Shoigu said Iran would sign the treaty.",
                 id="officials-quoted"),
    pytest.param("en", "Read more at https://www.reuters.com/world/europe/putin-iran-2024-06-12/",
                 id="news-source-url"),
    pytest.param("en", "Share on https://twitter.com/intent/tweet?url=x or facebook.com/sharer",
                 id="share-links-not-profiles"),
    pytest.param("en", "The wall cost 86 million euros in 2019 and 2020.", id="years-and-prices"),
    pytest.param("en", "Shares rose 3.2% to $148.20; prices ranged 1,250-1,980 euros.",
                 id="prices-and-ranges"),
    pytest.param("en", "Liverpool won 3-1, and the final score was 102-98.", id="scores"),
    pytest.param("en", "The book (ISBN 978-3-16-148410-0) sold 120,000 copies.", id="isbn"),
    pytest.param("en", "The summit took place on 12 March 2024 at 10:30.",
                 id="event-date-without-birth-context"),
    pytest.param("en", "Between 2019-2023 the budget doubled.", id="year-range"),
    pytest.param("de", "Am 14.03.2024 tagte der Stadtrat in Berlin.", id="meeting-date-de"),
    pytest.param("en", "The question is simple: will it hold?", id="colon-in-prose"),
    pytest.param("en", "Contact the press office for details.", id="contact-without-name"),
    pytest.param("en", "Dragonfly will reach Titan in 2034.\n\n\"It is important\"",
                 id="reach-a-moon-in-a-year"),
    pytest.param("en", "Austin.schiller", id="no-label-no-username"),
    pytest.param("en", "Name : the editorial team", id="label-with-role-not-person"),
    pytest.param("fr", "Le président Emmanuel Macron a parlé avenue des Champs-Élysées.",
                 id="street-name-without-number"),
    pytest.param("en", "Version 1.2.3 of the app shipped; see section 4.1.2.", id="versions"),
    pytest.param("en", "35 Herring 8 0 0 0 0\n36 Andy Seuss 9 0 0 0 0",
                 id="surname-ending-in-ring"),
    pytest.param("en", "alongside the $99 Logitech’s MX Keys keyboard", id="price-and-possessive"),
    pytest.param("en", "Rockledge (3-1): C. Martinez 1 save.", id="sports-stats-initial"),
    pytest.param("en", "— Governor Kristi Noem (@govkristinoem) October 3, 2019",
                 id="embedded-post-signature-public-account"),
]


@pytest.mark.parametrize(("lang", "text"), MUST_NOT_FIND)
def test_must_not_find(engine: PIIEngine, lang: str, text: str) -> None:
    assert _found(engine, text, lang) == []
    # the recognizers themselves must refuse it, not only the pre-filter
    assert _found(get_engine(prefilter=False), text, lang) == []


def test_registry_is_data_with_unique_names_and_tags() -> None:
    names = [s.name for s in REGISTRY]
    assert len(names) == len(set(names))
    assert set(ENTITY_TYPES) <= set(TAGS), "every entity has a tag"
    for spec in REGISTRY:
        for pat in spec.patterns:
            re.compile(pat.regex)
            assert 0.0 < pat.score <= 1.0, spec.name
        assert set(spec.context) <= set(LANGUAGES), spec.name


def test_triggers_cover_every_entity_type() -> None:
    woken = {t for _, types in (*TRIGGERS, *NUMERIC_KINDS) for t in types}
    woken |= set(LABELLED_TYPES) | set(NUMERIC_TYPES)
    missing = set(ENTITY_TYPES) - woken
    assert not missing, "types no trigger wakes are never analyzed"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Email: a.b@examplemail.com; Phone : +44 7700 900431", id="mixed-card"),
        pytest.param("Name : Oda Hills\nUsername : austin.schiller\nBirthdate : 1971-06-05",
                     id="seed-card-lines"),
        pytest.param("She lives at 1777 Kramer Court, Johnsonfurt, NE 80119.", id="address"),
    ],
)
def test_prefilter_finds_what_full_analysis_finds(text: str) -> None:
    fast = get_engine(prefilter=True).analyze(text)
    full = get_engine(prefilter=False).analyze(text)
    assert [(h.start, h.end, h.entity) for h in fast] == [(h.start, h.end, h.entity) for h in full]
    assert fast


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(" " * 20000, id="long-space-run"),
        pytest.param("\t \t" * 7000, id="long-tab-space-run"),
        pytest.param("1" * 20000, id="long-digit-run"),
        pytest.param("Name : " * 3000, id="labels-without-values"),
        pytest.param("@a " * 7000, id="many-at-signs"),
        pytest.param("a.b@c.d " * 3000, id="email-like-junk"),
        pytest.param("https://x.com/" + "a" * 20000, id="huge-url"),
    ],
)
def test_pathological_input_is_bounded(engine: PIIEngine, text: str) -> None:
    import time

    t0 = time.process_time()
    engine.analyze(text)
    assert time.process_time() - t0 < 5.0, "regex backtracking blow-up"


def test_a_birth_context_word_serves_only_the_nearest_date(engine: PIIEngine) -> None:
    """Regression (hypothesis, space-joined card lines): "Birthdate" boosted the card's
    date and then the news date after it too; a context word with another match of the
    same recognizer in between no longer counts."""
    text = "Birthdate : March 2, 1969 Der Stadtrat tagte am 14.03.2024 in Berlin."
    found = [(h.entity, text[h.start:h.end]) for h in engine.analyze(text, "en")]
    assert found == [("DATE_OF_BIRTH", "March 2, 1969")]

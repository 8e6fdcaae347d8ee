"""Dutch vocabulary of the boilerplate stage and the PII stage."""

CODE = "nl"

CARD_LABELS: dict[str, tuple[str, ...]] = {
    "PERSON": ("naam", "voornaam", "achternaam"),
    "USERNAME": ("gebruikersnaam",),
    "DATE_OF_BIRTH": ("geboortedatum",),
    "STREET_ADDRESS": ("adres",),
    "PHONE_NUMBER": ("telefoonnummer",),
    "ORGANIZATION": ("bedrijf",),
    "JOB": ("baan", "functie", "beroep"),
    "BIO": ("biografie",),
    "OTHER": ("leeftijd", "woonplaats"),
}
SOCIAL_LABELS = ("volgers", "volgend")
RELATED_HEADERS = (
    r"lees ook", r"gerelateerde artikelen", r"meest gelezen", r"bekijk ook", r"ook interessant",
)
CARD_HEADERS = (r"over de auteur",)
SOCIAL_HEADERS = (r"sociale media",)


# -- PII stage (cleaner.pii): labels, context words, furniture words ------------------

#: labels that introduce a personal value on a card or label line (``Name:``), by entity
PII_LABELS: dict[str, tuple[str, ...]] = {
    "PERSON": ("naam", "volledige naam", "auteur", "schrijver", "contactpersoon",
               "verslaggever", "verslaggeefster", "journalist", "redacteur", "correspondent",
               "fotograaf", "geplaatst door"),
    "USERNAME": ("gebruikersnaam", "gebruiker", "bijnaam"),
    "EMAIL_ADDRESS": ("e-mail", "e-mailadres", "mail"),
    "PHONE_NUMBER": ("telefoon", "tel", "telefoonnummer", "mobiel", "gsm", "fax"),
    "DATE_OF_BIRTH": ("geboortedatum", "geboren", "geboren op"),
    "STREET_ADDRESS": ("adres", "woonadres", "postadres"),
    "ORGANIZATION": ("bedrijf", "werkgever", "onderneming"),
}
#: free-text words near a value that make it personal, by entity (a birth date's
#: also take ``PII_WORDS['born']``)
PII_CONTEXT: dict[str, tuple[str, ...]] = {
    "PHONE_NUMBER": ("telefoon", "tel", "bellen", "bel", "mobiel", "bereikbaar", "nummer",
                     "op", "contact", "gsm", "fax"),
    "DATE_OF_BIRTH": ("geboren", "geboortedatum", "verjaardag"),
    "CREDIT_CARD": ("kaart", "creditcard", "betaling"),
    "IBAN_CODE": ("iban", "rekening", "bank"),
    "NATIONAL_ID": ("bsn", "burgerservicenummer", "identiteit", "paspoort"),
    "SOCIAL_HANDLE": ("volg", "volgen", "account", "profiel"),
}
#: furniture words by kind (see ``cleaner.vocab``)
PII_WORDS: dict[str, tuple[str, ...]] = {
    "byline": ("Door",),
    "posted_by": ("Geplaatst door", "Gepost door", "Reactie door", "Geschreven door"),
    "reply_from": ("Reactie van", "Antwoord van"),
    "wrote": ("schreef", "schrijft", "zegt", "zei", "reageerde", "antwoordde"),
    "closing": ("Met vriendelijke groet", "Met vriendelijke groeten", "Groeten",
                "Hartelijke groet", "Groet", "Bedankt"),
    "author_header": ("Over de auteur", "Over de schrijver", "Auteur"),
    "bio_role": ("journalist", "redacteur", "auteur", "schrijver", "schrijfster",
                 "correspondent", "blogger", "fotograaf", "columnist"),
    "bio_verb": ("is", "is een", "werkt als"),
    "born": ("geboren", "geboren op"),
    "org_phone": ("receptie", "klantenservice", "kassa", "centrale", "redactie",
                  "servicenummer"),
    "public_title": ("minister", "premier", "burgemeester", "senaat", "regering", "ministerie",
                     "kamerlid", "woordvoerder", "ambassade", "politie", "partij"),
}
#: month names, every inflection a date uses (PII dates of birth)
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")

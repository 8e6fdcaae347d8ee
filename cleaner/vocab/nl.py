"""Dutch vocabulary of the boilerplate stage and the PII stage."""

from ._labels import pii_labels

CODE = "nl"

#: author-card keys, by the field they introduce (the PII entity type, or ``JOB``,
#: ``BIO``, ``OTHER``): the keys that make a key/value run an author card; the keys of
#: PII fields are PII labels too (``PII_LABELS`` below)
CARD_LABELS: dict[str, tuple[str, ...]] = {
    "PERSON": ("naam", "voornaam", "achternaam"),
    "USERNAME": ("gebruikersnaam",),
    "EMAIL_ADDRESS": ("e-mail", "mail"),
    "PHONE_NUMBER": ("telefoonnummer", "tel"),
    "DATE_OF_BIRTH": ("geboortedatum",),
    "STREET_ADDRESS": ("adres",),
    "ORGANIZATION": ("bedrijf",),
    "JOB": ("baan", "functie", "beroep"),
    "BIO": ("biografie",),
    "OTHER": ("leeftijd", "woonplaats"),
}
#: keys of follower/following counts: they make a run of social lines a person's
#: profile
FOLLOWER_LABELS = ("volgers", "volgend")
#: keys of social-profile lines
SOCIAL_LABELS = FOLLOWER_LABELS
RELATED_HEADERS = (
    r"lees ook", r"gerelateerde artikelen", r"meest gelezen", r"bekijk ook", r"ook interessant",
)
CARD_HEADERS = (r"over de auteur",)
SOCIAL_HEADERS = (r"sociale media",)


# -- PII stage (cleaner.pii): labels, context words, furniture words ------------------

#: labels of a personal value on a label line that do not make a block a card
#: (``Author:``, ``Reporter:`` introduce a name on a byline), by entity
PII_LINE_LABELS: dict[str, tuple[str, ...]] = {
    "PERSON": ("volledige naam", "auteur", "schrijver", "contactpersoon", "verslaggever",
               "verslaggeefster", "journalist", "redacteur", "correspondent", "fotograaf",
               "geplaatst door"),
    "USERNAME": ("gebruiker", "bijnaam"),
    "EMAIL_ADDRESS": ("e-mailadres",),
    "PHONE_NUMBER": ("telefoon", "mobiel", "gsm", "fax"),
    "DATE_OF_BIRTH": ("geboren", "geboren op"),
    "STREET_ADDRESS": ("woonadres", "postadres"),
    "ORGANIZATION": ("werkgever", "onderneming"),
}
#: every label that introduces a personal value (``Name:``), by entity: the card keys
#: of the PII fields, then the line labels (each word listed once, above)
PII_LABELS = pii_labels(CARD_LABELS, PII_LINE_LABELS)
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

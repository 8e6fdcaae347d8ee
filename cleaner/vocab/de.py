"""German vocabulary of the boilerplate stage and the PII stage."""

from ._labels import pii_labels

CODE = "de"

#: author-card keys, by the field they introduce (the PII entity type, or ``JOB``,
#: ``BIO``, ``OTHER``): the keys that make a key/value run an author card; the keys of
#: PII fields are PII labels too (``PII_LABELS`` below)
CARD_LABELS: dict[str, tuple[str, ...]] = {
    "PERSON": ("vorname", "nachname", "name"),
    "USERNAME": ("benutzername",),
    "EMAIL_ADDRESS": ("e-mail", "mail"),
    "PHONE_NUMBER": ("telefon", "handy", "tel", "telefonnummer", "mobil", "mobilnummer"),
    "DATE_OF_BIRTH": ("geburtsdatum", "geburtstag"),
    "STREET_ADDRESS": ("adresse", "anschrift", "wohnort"),
    "ORGANIZATION": ("firma", "unternehmen", "arbeitgeber"),
    "JOB": ("beruf", "stelle"),
    "BIO": ("biografie",),
    "OTHER": ("über mich", "alter"),
}
#: keys of follower/following counts: they make a run of social lines a person's
#: profile
FOLLOWER_LABELS = ("abonnenten",)
#: keys of social-profile lines
SOCIAL_LABELS = ("profil", *FOLLOWER_LABELS)
RELATED_HEADERS = (
    r"das könnte (?:sie|dich) auch interessieren", r"(?:lesen sie|lies) auch",
    r"mehr zum thema", r"weitere artikel", r"ähnliche (?:artikel|beiträge)", r"meistgelesen",
    r"auch interessant", r"empfehlungen",
)
CARD_HEADERS = (r"über (?:den|die) (?:autor|autorin)", r"zum autor", r"autor(?:in)?(?:en)?info",
                r"autor")
SOCIAL_HEADERS = (r"soziale (?:medien|netzwerke)",)


#: disclosure and legal lines (regex fragments; rule ``legal_line``)
LEGAL_LINES = (
    r"\baffiliate-links?\b[^.!?]{0,80}\bprovision\b", r"^\W{0,3}(?:werbung|anzeige)\W{0,3}:",
)
#: newsletter, donation and sign-up prompts after an article (rule ``support_prompt``)
SUPPORT_PROMPTS = (
    r"\bin ihr (?:e-mail-)?postfach\b",
    r"\bjetzt spenden\b",
    r"\bunterstützen sie (?:uns|unsere arbeit)\b",
)

# -- PII stage (cleaner.pii): labels, context words, furniture words ------------------

#: labels of a personal value on a label line that do not make a block a card
#: (``Author:``, ``Reporter:`` introduce a name on a byline), by entity
PII_LINE_LABELS: dict[str, tuple[str, ...]] = {
    "PERSON": ("vollständiger name", "autor", "autorin", "verfasser", "verfasserin",
               "ansprechpartner", "ansprechpartnerin", "kontaktperson", "redakteur", "redakteurin",
               "reporter", "reporterin", "journalist", "journalistin", "korrespondent",
               "korrespondentin", "fotograf", "fotografin", "geschrieben von"),
    "USERNAME": ("nutzername", "benutzer", "spitzname"),
    "EMAIL_ADDRESS": ("e-mail-adresse",),
    "PHONE_NUMBER": ("fax",),
    "DATE_OF_BIRTH": ("geboren", "geb."),
    "STREET_ADDRESS": ("wohnadresse", "postanschrift"),
    "ORGANIZATION": ("arbeitgeberin",),
}
#: every label that introduces a personal value (``Name:``), by entity: the card keys
#: of the PII fields, then the line labels (each word listed once, above)
PII_LABELS = pii_labels(CARD_LABELS, PII_LINE_LABELS)
#: free-text words near a value that make it personal, by entity (a birth date's
#: also take ``PII_WORDS['born']``)
PII_CONTEXT: dict[str, tuple[str, ...]] = {
    "PHONE_NUMBER": ("telefon", "tel", "anrufen", "ruf", "handy", "mobil", "erreichbar",
                     "erreichen", "nummer", "unter", "kontakt", "fax"),
    "DATE_OF_BIRTH": ("geboren", "geburt", "geburtsdatum", "geburtstag", "geb"),
    "CREDIT_CARD": ("karte", "kreditkarte", "kartennummer"),
    "IBAN_CODE": ("iban", "konto", "bank", "bankverbindung"),
    "NATIONAL_ID": ("steuer", "steuer-id", "identifikationsnummer", "ausweis",
                    "personalausweis"),
    "SOCIAL_HANDLE": ("folgen", "folgt", "konto", "profil"),
}
#: furniture words by kind (see ``cleaner.vocab``)
PII_WORDS: dict[str, tuple[str, ...]] = {
    "byline": ("Von", "Ein Beitrag von", "Text von", "Text:"),
    "posted_by": ("Geschrieben von", "Verfasst von", "Kommentar von", "Gepostet von"),
    "reply_from": ("Antwort von", "Erwiderung von"),
    "wrote": ("schrieb", "schreibt", "sagt", "meint", "antwortete", "kommentierte"),
    "closing": ("Viele Grüße", "Beste Grüße", "Mit freundlichen Grüßen", "Liebe Grüße", "Gruß",
                "Grüße", "Herzliche Grüße"),
    "author_header": ("Über den Autor", "Über die Autorin", "Zum Autor", "Zur Autorin",
                      "Autor", "Autorin"),
    "bio_role": ("journalist", "journalistin", "redakteur", "redakteurin", "autor", "autorin",
                 "reporter", "reporterin", "korrespondent", "korrespondentin", "bloggerin",
                 "blogger", "fotografin", "fotograf"),
    "bio_verb": ("ist freie", "ist freier", "ist", "arbeitet als"),
    "born": ("geboren", "geb."),
    "org_phone": ("zentrale", "kasse", "theaterkasse", "hotline", "service-hotline",
                  "vermittlung", "empfang", "kundenservice", "redaktion", "tickets"),
    "public_title": ("bundeskanzler", "kanzler", "minister", "ministerin", "präsident",
                     "bürgermeister", "senat", "bundestag", "regierung", "ministerium",
                     "polizei", "botschaft", "sprecher", "sprecherin", "partei"),
}
#: month names, every inflection a date uses (PII dates of birth)
MONTHS = ("januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli", "august",
          "september", "oktober", "november", "dezember")

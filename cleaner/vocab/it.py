"""Italian vocabulary of the boilerplate stage and the PII stage."""

from ._labels import pii_labels

CODE = "it"

#: author-card keys, by the field they introduce (the PII entity type, or ``JOB``,
#: ``BIO``, ``OTHER``): the keys that make a key/value run an author card; the keys of
#: PII fields are PII labels too (``PII_LABELS`` below)
CARD_LABELS: dict[str, tuple[str, ...]] = {
    "PERSON": ("nome", "cognome", "nome completo"),
    "USERNAME": ("nome utente",),
    "EMAIL_ADDRESS": ("posta elettronica", "e-mail"),
    "PHONE_NUMBER": ("telefono", "cellulare", "tel"),
    "DATE_OF_BIRTH": ("data di nascita",),
    "STREET_ADDRESS": ("indirizzo",),
    "ORGANIZATION": ("azienda", "società"),
    "JOB": ("lavoro", "professione"),
    "BIO": ("biografia",),
    "OTHER": ("età", "città"),
}
#: keys of follower/following counts: they make a run of social lines a person's
#: profile
FOLLOWER_LABELS = ("seguaci", "seguiti")
#: keys of social-profile lines
SOCIAL_LABELS = FOLLOWER_LABELS
RELATED_HEADERS = (
    r"leggi anche", r"potrebbe interessarti", r"articoli correlati", r"i più letti",
    r"ti potrebbe(?: anche)? interessare",
)
CARD_HEADERS = (r"(?:sull'|l')autore", r"informazioni sull'autore")
SOCIAL_HEADERS = (r"(?:i nostri |i miei )?social(?: network)?", r"segui(?:ci|mi) su")


# -- PII stage (cleaner.pii): labels, context words, furniture words ------------------

#: labels of a personal value on a label line that do not make a block a card
#: (``Author:``, ``Reporter:`` introduce a name on a byline), by entity
PII_LINE_LABELS: dict[str, tuple[str, ...]] = {
    "PERSON": ("autore", "autrice", "scritto da", "giornalista", "redattore", "redattrice",
               "corrispondente", "fotografo", "fotografa", "inviato", "inviata", "pubblicato da"),
    "USERNAME": ("utente", "soprannome"),
    "EMAIL_ADDRESS": ("indirizzo email",),
    "PHONE_NUMBER": ("cell", "fax"),
    "DATE_OF_BIRTH": ("nascita", "nato il", "nata il"),
    "STREET_ADDRESS": ("domicilio", "residenza"),
    "ORGANIZATION": ("datore di lavoro",),
}
#: every label that introduces a personal value (``Name:``), by entity: the card keys
#: of the PII fields, then the line labels (each word listed once, above)
PII_LABELS = pii_labels(CARD_LABELS, PII_LINE_LABELS)
#: free-text words near a value that make it personal, by entity (a birth date's
#: also take ``PII_WORDS['born']``)
PII_CONTEXT: dict[str, tuple[str, ...]] = {
    "PHONE_NUMBER": ("telefono", "tel", "chiamare", "chiamate", "cellulare", "numero",
                     "raggiungibile", "contatto", "al", "fax"),
    "DATE_OF_BIRTH": ("nato", "nata", "nascita", "compleanno"),
    "CREDIT_CARD": ("carta", "credito", "pagamento"),
    "IBAN_CODE": ("iban", "conto", "banca"),
    "NATIONAL_ID": ("codice fiscale", "identità", "passaporto"),
    "SOCIAL_HANDLE": ("seguire", "segui", "account", "profilo"),
}
#: furniture words by kind (see ``cleaner.vocab``)
PII_WORDS: dict[str, tuple[str, ...]] = {
    "byline": ("Di", "A cura di"),
    "posted_by": ("Pubblicato da", "Scritto da", "Commento di", "Inviato da"),
    "reply_from": ("Risposta di", "Risposta da"),
    "wrote": ("ha scritto", "scrive", "dice", "ha detto", "ha risposto", "commenta"),
    "closing": ("Cordiali saluti", "Saluti", "Distinti saluti", "Grazie", "Un saluto",
                "A presto"),
    "author_header": ("L'autore", "L'autrice", "Sull'autore", "Informazioni sull'autore",
                      "Autore", "Autrice"),
    "bio_role": ("giornalista", "redattore", "redattrice", "autore", "autrice",
                 "corrispondente", "blogger", "fotografo", "fotografa", "editorialista"),
    "bio_verb": ("è", "è un", "è una"),
    "born": ("nato il", "nata il", "nato", "nata"),
    "org_phone": ("centralino", "biglietteria", "botteghino", "reception", "redazione",
                  "servizio clienti", "numero verde"),
    "public_title": ("presidente", "ministro", "ministra", "sindaco", "sindaca", "senato",
                     "governo", "ministero", "deputato", "deputata", "portavoce", "ambasciata",
                     "polizia", "partito"),
}
#: month names, every inflection a date uses (PII dates of birth)
MONTHS = ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
          "settembre", "ottobre", "novembre", "dicembre")

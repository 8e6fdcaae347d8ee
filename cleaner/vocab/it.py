"""Italian vocabulary of the boilerplate stage and the PII stage."""

CODE = "it"

CARD_LABELS: dict[str, tuple[str, ...]] = {
    "PERSON": ("nome", "cognome"),
    "USERNAME": ("nome utente",),
    "EMAIL_ADDRESS": ("posta elettronica",),
    "DATE_OF_BIRTH": ("data di nascita",),
    "STREET_ADDRESS": ("indirizzo",),
    "PHONE_NUMBER": ("telefono", "cellulare"),
    "ORGANIZATION": ("azienda", "società"),
    "JOB": ("lavoro", "professione"),
    "BIO": ("biografia",),
    "OTHER": ("età", "città"),
}
SOCIAL_LABELS = ("seguaci", "seguiti")
RELATED_HEADERS = (
    r"leggi anche", r"potrebbe interessarti", r"articoli correlati", r"i più letti",
    r"ti potrebbe(?: anche)? interessare",
)
CARD_HEADERS = (r"(?:sull'|l')autore", r"informazioni sull'autore")
SOCIAL_HEADERS: tuple[str, ...] = ()


# -- PII stage (cleaner.pii): labels, context words, furniture words ------------------

#: labels that introduce a personal value on a card or label line (``Name:``), by entity
PII_LABELS: dict[str, tuple[str, ...]] = {
    "PERSON": ("nome", "nome completo", "autore", "autrice", "scritto da", "giornalista",
               "redattore", "redattrice", "corrispondente", "fotografo", "fotografa", "inviato",
               "inviata", "pubblicato da"),
    "USERNAME": ("nome utente", "utente", "soprannome"),
    "EMAIL_ADDRESS": ("e-mail", "posta elettronica", "indirizzo email"),
    "PHONE_NUMBER": ("telefono", "tel", "cellulare", "cell", "fax"),
    "DATE_OF_BIRTH": ("data di nascita", "nascita", "nato il", "nata il"),
    "STREET_ADDRESS": ("indirizzo", "domicilio", "residenza"),
    "ORGANIZATION": ("azienda", "società", "datore di lavoro"),
}
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

"""Italian vocabulary of the boilerplate stage (and the PII card labels)."""

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
MONTHS = ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
          "settembre", "ottobre", "novembre", "dicembre")

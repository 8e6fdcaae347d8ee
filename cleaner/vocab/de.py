"""German vocabulary of the boilerplate stage (and the PII card labels)."""

CODE = "de"

CARD_LABELS: dict[str, tuple[str, ...]] = {
    "PERSON": ("vorname", "nachname"),
    "USERNAME": ("benutzername",),
    "DATE_OF_BIRTH": ("geburtsdatum", "geburtstag"),
    "STREET_ADDRESS": ("adresse", "anschrift", "wohnort"),
    "PHONE_NUMBER": ("telefon", "handy"),
    "ORGANIZATION": ("firma", "unternehmen", "arbeitgeber"),
    "JOB": ("beruf", "stelle"),
    "BIO": ("biografie",),
    "OTHER": ("über mich", "alter"),
}
SOCIAL_LABELS = ("profil", "abonnenten")
RELATED_HEADERS = (
    r"das könnte (?:sie|dich) auch interessieren", r"(?:lesen sie|lies) auch",
    r"mehr zum thema", r"weitere artikel", r"ähnliche (?:artikel|beiträge)", r"meistgelesen",
    r"auch interessant", r"empfehlungen",
)
CARD_HEADERS = (r"über (?:den|die) (?:autor|autorin)", r"zum autor", r"autor(?:in)?(?:en)?info",
                r"autor")
SOCIAL_HEADERS = (r"soziale (?:medien|netzwerke)",)
MONTHS = ("januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
          "oktober", "november", "dezember")

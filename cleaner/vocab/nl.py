"""Dutch vocabulary of the boilerplate stage (and the PII card labels)."""

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
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")

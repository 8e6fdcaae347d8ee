"""French vocabulary of the boilerplate stage (and the PII card labels)."""

CODE = "fr"

CARD_LABELS: dict[str, tuple[str, ...]] = {
    "PERSON": ("nom", "prénom"),
    "USERNAME": ("nom d'utilisateur",),
    "EMAIL_ADDRESS": ("courriel", "adresse e-mail"),
    "DATE_OF_BIRTH": ("date de naissance",),
    "STREET_ADDRESS": ("adresse",),
    "PHONE_NUMBER": ("téléphone",),
    "ORGANIZATION": ("entreprise", "société"),
    "JOB": ("emploi", "métier", "profession", "poste"),
    "BIO": ("biographie",),
    "OTHER": ("âge", "ville"),
}
SOCIAL_LABELS = ("profil", "abonnés", "abonnements")
RELATED_HEADERS = (
    r"lire aussi", r"à lire aussi", r"(?:vous )?(?:aimerez|pourriez aimer) aussi",
    r"articles similaires", r"sur le même sujet", r"les plus lus", r"voir aussi",
)
CARD_HEADERS = (r"(?:à propos de|a propos de) l'auteur(?:e)?", r"l'auteur", r"auteur")
SOCIAL_HEADERS = (r"réseaux sociaux",)
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre")

"""French vocabulary of the boilerplate stage and the PII stage."""

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


# -- PII stage (cleaner.pii): labels, context words, furniture words ------------------

#: labels that introduce a personal value on a card or label line (``Name:``), by entity
PII_LABELS: dict[str, tuple[str, ...]] = {
    "PERSON": ("nom", "nom complet", "auteur", "autrice", "auteure", "rédigé par",
               "journaliste", "reporter", "correspondant", "correspondante", "rédacteur",
               "rédactrice", "photographe", "publié par"),
    "USERNAME": ("nom d'utilisateur", "identifiant", "pseudo", "pseudonyme"),
    "EMAIL_ADDRESS": ("courriel", "e-mail", "adresse e-mail", "mél"),
    "PHONE_NUMBER": ("téléphone", "tél", "tel", "portable", "mobile", "numéro de téléphone",
                     "fax"),
    "DATE_OF_BIRTH": ("date de naissance", "né le", "née le", "naissance"),
    "STREET_ADDRESS": ("adresse", "adresse postale", "domicile"),
    "ORGANIZATION": ("entreprise", "société", "employeur"),
}
#: free-text words near a value that make it personal, by entity (a birth date's
#: also take ``PII_WORDS['born']``)
PII_CONTEXT: dict[str, tuple[str, ...]] = {
    "PHONE_NUMBER": ("téléphone", "tél", "tel", "appeler", "appelez", "portable", "joindre",
                     "joignable", "numéro", "au", "contact", "fax"),
    "DATE_OF_BIRTH": ("né", "née", "naissance", "anniversaire"),
    "CREDIT_CARD": ("carte", "crédit", "paiement"),
    "IBAN_CODE": ("iban", "compte", "banque", "rib"),
    "NATIONAL_ID": ("sécurité sociale", "numéro fiscal", "identité", "passeport"),
    "SOCIAL_HANDLE": ("suivre", "suivez", "compte", "profil"),
}
#: furniture words by kind (see ``cleaner.vocab``)
PII_WORDS: dict[str, tuple[str, ...]] = {
    "byline": ("Par",),
    "posted_by": ("Publié par", "Posté par", "Commentaire de", "Écrit par"),
    "reply_from": ("Réponse de",),
    "wrote": ("a écrit", "écrit", "dit", "a dit", "a répondu", "répond"),
    "closing": ("Cordialement", "Bien à vous", "Amitiés", "Bien cordialement", "Salutations",
                "Merci"),
    "author_header": ("À propos de l'auteur", "A propos de l'auteur", "L'auteur", "L'autrice",
                      "Auteur"),
    "bio_role": ("journaliste", "rédacteur", "rédactrice", "auteur", "autrice",
                 "correspondant", "correspondante", "blogueur", "blogueuse", "photographe",
                 "chroniqueur", "chroniqueuse"),
    "bio_verb": ("est", "est un", "est une"),
    "born": ("né le", "née le", "né", "née"),
    "org_phone": ("standard", "billetterie", "accueil", "service client", "rédaction",
                  "location"),
    "public_title": ("président", "présidente", "ministre", "maire", "sénat", "gouvernement",
                     "ministère", "député", "députée", "porte-parole", "ambassade", "police",
                     "préfecture", "élysée", "parti"),
}
#: month names, every inflection a date uses (PII dates of birth)
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre")

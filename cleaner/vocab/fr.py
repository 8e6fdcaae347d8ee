"""French vocabulary of the boilerplate stage and the PII stage."""

from ._labels import pii_labels

CODE = "fr"

#: author-card keys, by the field they introduce (the PII entity type, or ``JOB``,
#: ``BIO``, ``OTHER``): the keys that make a key/value run an author card; the keys of
#: PII fields are PII labels too (``PII_LABELS`` below)
CARD_LABELS: dict[str, tuple[str, ...]] = {
    "PERSON": ("nom", "prénom"),
    "USERNAME": ("nom d'utilisateur",),
    "EMAIL_ADDRESS": ("courriel", "adresse e-mail", "e-mail"),
    "PHONE_NUMBER": ("téléphone", "tel", "mobile"),
    "DATE_OF_BIRTH": ("date de naissance",),
    "STREET_ADDRESS": ("adresse",),
    "ORGANIZATION": ("entreprise", "société"),
    "JOB": ("emploi", "métier", "profession", "poste"),
    "BIO": ("biographie",),
    "OTHER": ("âge", "ville"),
}
#: keys of follower/following counts: they make a run of social lines a person's
#: profile
FOLLOWER_LABELS = ("abonnés", "abonnements")
#: keys of social-profile lines
SOCIAL_LABELS = ("profil", *FOLLOWER_LABELS)
RELATED_HEADERS = (
    r"lire aussi", r"à lire aussi", r"(?:vous )?(?:aimerez|pourriez aimer) aussi",
    r"articles similaires", r"sur le même sujet", r"les plus lus", r"voir aussi",
)
CARD_HEADERS = (r"(?:à propos de|a propos de) l'auteur(?:e)?", r"l'auteur", r"auteur")
SOCIAL_HEADERS = (r"réseaux sociaux",)


#: disclosure and legal lines (regex fragments; rule ``legal_line``)
LEGAL_LINES = (
    r"\bliens? d'affiliation\b[^.!?]{0,80}\bcommission\b",
)
#: newsletter, donation and sign-up prompts after an article (rule ``support_prompt``)
SUPPORT_PROMPTS = (
    r"\bdans votre boîte (?:mail|de réception)\b",
    r"\bfaire un don\b",
    r"\bsoutenez(?:-nous| notre)\b",
)

# -- PII stage (cleaner.pii): labels, context words, furniture words ------------------

#: labels of a personal value on a label line that do not make a block a card
#: (``Author:``, ``Reporter:`` introduce a name on a byline), by entity
PII_LINE_LABELS: dict[str, tuple[str, ...]] = {
    "PERSON": ("nom complet", "auteur", "autrice", "auteure", "rédigé par", "journaliste",
               "reporter", "correspondant", "correspondante", "rédacteur", "rédactrice",
               "photographe", "publié par"),
    "USERNAME": ("identifiant", "pseudo", "pseudonyme"),
    "EMAIL_ADDRESS": ("mél",),
    "PHONE_NUMBER": ("tél", "portable", "numéro de téléphone", "fax"),
    "DATE_OF_BIRTH": ("né le", "née le", "naissance"),
    "STREET_ADDRESS": ("adresse postale", "domicile"),
    "ORGANIZATION": ("employeur",),
}
#: every label that introduces a personal value (``Name:``), by entity: the card keys
#: of the PII fields, then the line labels (each word listed once, above)
PII_LABELS = pii_labels(CARD_LABELS, PII_LINE_LABELS)
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

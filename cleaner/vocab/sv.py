"""Swedish vocabulary of the boilerplate stage and the PII stage."""

import re

from ._labels import pii_labels

CODE = "sv"

#: author-card keys, by the field they introduce (the PII entity type, or ``JOB``,
#: ``BIO``, ``OTHER``): the keys that make a key/value run an author card; the keys of
#: PII fields are PII labels too (``PII_LABELS`` below)
CARD_LABELS: dict[str, tuple[str, ...]] = {
    "PERSON": ("namn", "fullständigt namn", "förnamn", "efternamn"),
    "USERNAME": ("användarnamn", "användare", "smeknamn"),
    "EMAIL_ADDRESS": ("e-post", "epost", "e-postadress", "mejl", "email", "e-mail"),
    "PHONE_NUMBER": ("telefon", "tel", "mobil", "mobilnummer", "telefonnummer"),
    "DATE_OF_BIRTH": ("födelsedatum", "född", "födelsedag"),
    "STREET_ADDRESS": ("adress", "hemadress", "postadress", "gatuadress"),
    "ORGANIZATION": ("företag", "arbetsgivare"),
    "JOB": ("yrke", "befattning", "jobb", "tjänst"),
    "BIO": ("biografi",),
    "OTHER": ("om mig", "ålder", "kön", "ort", "bostadsort", "stad", "webbplats", "hemsida"),
}
#: keys of follower/following counts: they make a run of social lines a person's
#: profile
FOLLOWER_LABELS = ("följare", "följer")
#: keys of social-profile lines
SOCIAL_LABELS = (*FOLLOWER_LABELS, "profil", "inlägg", "gillamarkeringar", "gilla-markeringar")
#: headers of related/popular/recommended link lists (regex fragments, lower case)
RELATED_HEADERS = (
    r"läs (?:också|även)", r"(?:relaterade|liknande) (?:artiklar|inlägg|nyheter|texter)",
    r"mest (?:lästa|delade|populära)(?: artiklar| nyheter| inlägg)?",
    r"populära (?:artiklar|inlägg|nyheter)", r"rekommenderade(?: artiklar| inlägg| för dig)?",
    r"du kanske (?:också|även) gillar",
    r"(?:fler|andra) (?:artiklar|nyheter|inlägg|texter)(?: från [\w\s]{1,30})?",
    r"senaste (?:nytt|nyheterna|artiklarna|inläggen)", r"mer (?:om ämnet|från [\w\s]{1,30})",
    r"missa inte",
)
#: headers of a block of social profiles (regex fragments)
SOCIAL_HEADERS = (r"sociala medier", r"följ (?:oss|mig)(?: på)?", r"hitta (?:oss|mig) på")
# (CARD_HEADERS, the headers of an author card, are after PII_WORDS: they start from its
# ``author_header`` words)

# -- PII stage (cleaner.pii): labels, context words, furniture words ------------------

#: labels of a personal value on a label line that do not make a block a card
#: (``Author:``, ``Reporter:`` introduce a name on a byline), by entity
PII_LINE_LABELS: dict[str, tuple[str, ...]] = {
    "PERSON": ("författare", "reporter", "journalist", "skribent", "fotograf", "postat av"),
    "PHONE_NUMBER": ("fax",),
}
#: every label that introduces a personal value (``Name:``), by entity: the card keys
#: of the PII fields, then the line labels (each word listed once, above)
PII_LABELS = pii_labels(CARD_LABELS, PII_LINE_LABELS)
#: free-text words near a value that make it personal, by entity (a birth date's
#: also take ``PII_WORDS['born']``)
PII_CONTEXT: dict[str, tuple[str, ...]] = {
    "PHONE_NUMBER": ("telefon", "tel", "mobil", "ring", "nummer", "kontakt", "fax"),
    "CREDIT_CARD": ("kort", "kortnummer", "kreditkort", "betalning"),
}
#: furniture words by kind (see ``cleaner.vocab``)
PII_WORDS: dict[str, tuple[str, ...]] = {
    "byline": ("Text:",),
    "posted_by": ("Postat av", "Skrivet av", "Publicerat av", "Kommentar av"),
    "reply_from": ("Svar från", "Svar av"),
    "wrote": ("skrev", "skriver", "säger", "sa", "svarade", "kommenterade"),
    "closing": ("Med vänliga hälsningar", "Vänliga hälsningar", "Hälsningar", "Mvh", "Tack",
                "Bästa hälsningar"),
    "author_header": ("Om skribenten", "Om författaren", "Skribent", "Författare"),
    "bio_role": ("frilansskribent", "skribent", "journalist", "reporter", "redaktör",
                 "författare", "fotograf", "krönikör", "bloggare"),
    "bio_verb": ("är", "är en", "arbetar som"),
    "born": ("född", "föddes"),
    "org_phone": ("växel", "växeln", "biljettkassa", "biljettkassan", "kundtjänst",
                  "reception", "receptionen", "redaktionen", "upplysning"),
    "public_title": ("statsminister", "minister", "president", "borgmästare", "riksdag",
                     "regering", "regeringen", "departement", "talesperson", "ambassad",
                     "polisen", "parti", "partiet"),
}
#: month names, every inflection a date uses (PII dates of birth)
MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
          "september", "oktober", "november", "december")

#: headers of an author card (regex fragments): the PII stage's author headers, and more
CARD_HEADERS = (
    *(re.escape(w.lower()) for w in PII_WORDS["author_header"]),
    r"om artikelförfattaren", r"(?:skribent|författar)(?:presentation|info)",
)

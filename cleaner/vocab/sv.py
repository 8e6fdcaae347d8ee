"""Swedish vocabulary: the PII stage's words (no boilerplate card words yet)."""

CODE = "sv"

CARD_LABELS: dict[str, tuple[str, ...]] = {}
SOCIAL_LABELS: tuple[str, ...] = ()
RELATED_HEADERS: tuple[str, ...] = ()
CARD_HEADERS: tuple[str, ...] = ()
SOCIAL_HEADERS: tuple[str, ...] = ()

# -- PII stage (cleaner.pii): labels, context words, furniture words ------------------

#: labels that introduce a personal value on a card or label line (``Name:``), by entity
PII_LABELS: dict[str, tuple[str, ...]] = {
    "PERSON": ("namn", "fullständigt namn", "författare", "reporter", "journalist", "skribent",
               "fotograf", "postat av"),
    "USERNAME": ("användarnamn", "användare", "smeknamn"),
    "EMAIL_ADDRESS": ("e-post", "epost", "e-postadress", "mejl", "email", "e-mail"),
    "PHONE_NUMBER": ("telefon", "tel", "mobil", "mobilnummer", "telefonnummer", "fax"),
    "DATE_OF_BIRTH": ("födelsedatum", "född", "födelsedag"),
    "STREET_ADDRESS": ("adress", "hemadress", "postadress", "gatuadress"),
    "ORGANIZATION": ("företag", "arbetsgivare"),
}
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

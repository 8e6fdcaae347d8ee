"""Polish vocabulary of the boilerplate stage and the PII stage."""

import re

from ._labels import pii_labels

CODE = "pl"

#: author-card keys, by the field they introduce (the PII entity type, or ``JOB``,
#: ``BIO``, ``OTHER``): the keys that make a key/value run an author card; the keys of
#: PII fields are PII labels too (``PII_LABELS`` below)
CARD_LABELS: dict[str, tuple[str, ...]] = {
    "PERSON": ("imię i nazwisko", "imię", "nazwisko"),
    "USERNAME": ("nazwa użytkownika", "użytkownik", "login", "pseudonim", "nick"),
    "EMAIL_ADDRESS": ("e-mail", "email", "adres e-mail", "poczta"),
    "PHONE_NUMBER": ("telefon", "tel", "komórka", "nr telefonu", "numer telefonu"),
    "DATE_OF_BIRTH": ("data urodzenia", "urodzony", "urodzona"),
    "STREET_ADDRESS": ("adres", "adres zamieszkania", "adres do korespondencji"),
    "ORGANIZATION": ("firma", "pracodawca", "przedsiębiorstwo"),
    "JOB": ("zawód", "stanowisko", "praca"),
    "BIO": ("biografia", "biogram"),
    "OTHER": ("o mnie", "wiek", "płeć", "miasto", "miejscowość", "strona www", "strona internetowa",
              "lokalizacja"),
}
#: keys of follower/following counts: they make a run of social lines a person's
#: profile
FOLLOWER_LABELS = ("obserwujący", "obserwujących", "obserwowani", "obserwowanych",
                   "obserwuje")
#: keys of social-profile lines
SOCIAL_LABELS = (*FOLLOWER_LABELS, "profil", "posty", "wpisy", "polubienia")
#: headers of related/popular/recommended link lists (regex fragments, lower case)
RELATED_HEADERS = (
    r"(?:czytaj|przeczytaj|zobacz) (?:też|także|również)", r"polecamy(?: również| także)?",
    r"(?:powiązane|podobne|polecane) (?:artykuły|wpisy|posty|teksty)",
    r"najczęściej (?:czytane|komentowane)", r"najpopularniejsze(?: artykuły| wpisy| teksty)?",
    r"popularne (?:artykuły|wpisy|posty)", r"może cię (?:też |także |również )?zainteresować",
    r"(?:inne|więcej) (?:artykuły|artykułów|wpisy|wpisów|tekstów)(?: autora)?",
    r"(?:najnowsze|ostatnie) (?:artykuły|wpisy|posty|wiadomości)", r"warto przeczytać",
)
#: headers of a block of social profiles (regex fragments)
SOCIAL_HEADERS = (
    r"media społecznościowe", r"(?:znajdź|znajdziesz) (?:nas|mnie) na",
    r"(?:obserwuj|śledź) (?:nas|mnie)(?: na)?",
)
# (CARD_HEADERS, the headers of an author card, are after PII_WORDS: they start from its
# ``author_header`` words)

# -- PII stage (cleaner.pii): labels, context words, furniture words ------------------

#: labels of a personal value on a label line that do not make a block a card
#: (``Author:``, ``Reporter:`` introduce a name on a byline), by entity
PII_LINE_LABELS: dict[str, tuple[str, ...]] = {
    "PERSON": ("autor", "autorka", "reporter", "reporterka", "dziennikarz", "dziennikarka",
               "fotograf", "dodane przez"),
    "PHONE_NUMBER": ("fax", "tel. kom."),
    "DATE_OF_BIRTH": ("ur.",),
}
#: every label that introduces a personal value (``Name:``), by entity: the card keys
#: of the PII fields, then the line labels (each word listed once, above)
PII_LABELS = pii_labels(CARD_LABELS, PII_LINE_LABELS)
#: free-text words near a value that make it personal, by entity (a birth date's
#: also take ``PII_WORDS['born']``)
PII_CONTEXT: dict[str, tuple[str, ...]] = {
    "PHONE_NUMBER": ("telefon", "tel", "komórka", "zadzwoń", "numer", "kontakt", "fax"),
    "CREDIT_CARD": ("karta", "karty", "kredytowa", "płatność"),
}
#: furniture words by kind (see ``cleaner.vocab``)
PII_WORDS: dict[str, tuple[str, ...]] = {
    "byline": ("Autor:", "Tekst:", "Autorka:"),
    "posted_by": ("Dodane przez", "Dodał", "Dodała", "Napisane przez", "Komentarz od"),
    "reply_from": ("Odpowiedź od", "Odpowiedź użytkownika"),
    "wrote": ("napisał", "napisała", "napisał(a)", "pisze", "mówi", "odpowiedział",
              "odpowiedziała"),
    "closing": ("Pozdrawiam", "Z poważaniem", "Pozdrawiamy", "Serdecznie pozdrawiam",
                "Dziękuję"),
    "author_header": ("O autorze", "O autorce", "Autor", "Autorka"),
    "bio_role": ("dziennikarz", "dziennikarka", "dziennikarzem", "dziennikarką", "autor",
                 "autorka", "reporter", "reporterka", "redaktor", "redaktorka", "fotograf",
                 "blogerka", "bloger"),
    "bio_verb": ("jest", "jest niezależnym", "jest niezależną", "pracuje jako"),
    "born": ("urodzony", "urodzona", "urodził się", "urodziła się", "ur.", "urodzenia"),
    "org_phone": ("centrala", "kasa biletowa", "kasa", "infolinia", "recepcja", "sekretariat",
                  "redakcja", "biuro obsługi klienta"),
    "public_title": ("prezydent", "premier", "minister", "burmistrz", "prezydent miasta",
                     "senat", "sejm", "rząd", "ministerstwo", "poseł", "posłanka", "rzecznik",
                     "rzeczniczka", "ambasada", "policja", "partia"),
}
#: month names, every inflection a date uses (PII dates of birth)
MONTHS = ("stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia",
          "września", "października", "listopada", "grudnia", "styczeń", "luty", "marzec",
          "kwiecień", "maj", "czerwiec", "lipiec", "sierpień", "wrzesień", "październik",
          "listopad", "grudzień")

#: headers of an author card (regex fragments): the PII stage's author headers, and more
CARD_HEADERS = (
    *(re.escape(w.lower()) for w in PII_WORDS["author_header"]),
    r"(?:informacje )?o autor(?:ze|ce)(?: tekstu| artykułu| wpisu)?",
    r"autor(?:ka)? (?:tekstu|artykułu|wpisu)", r"kilka słów o autor(?:ze|ce)",
)

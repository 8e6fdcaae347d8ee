"""Polish vocabulary: the PII stage's words (no boilerplate card words yet)."""

CODE = "pl"

CARD_LABELS: dict[str, tuple[str, ...]] = {}
SOCIAL_LABELS: tuple[str, ...] = ()
RELATED_HEADERS: tuple[str, ...] = ()
CARD_HEADERS: tuple[str, ...] = ()
SOCIAL_HEADERS: tuple[str, ...] = ()

# -- PII stage (cleaner.pii): labels, context words, furniture words ------------------

#: labels that introduce a personal value on a card or label line (``Name:``), by entity
PII_LABELS: dict[str, tuple[str, ...]] = {
    "PERSON": ("imię i nazwisko", "imię", "nazwisko", "autor", "autorka", "reporter",
               "reporterka", "dziennikarz", "dziennikarka", "fotograf", "dodane przez"),
    "USERNAME": ("nazwa użytkownika", "użytkownik", "login", "pseudonim", "nick"),
    "EMAIL_ADDRESS": ("e-mail", "email", "adres e-mail", "poczta"),
    "PHONE_NUMBER": ("telefon", "tel", "komórka", "nr telefonu", "numer telefonu", "fax",
                     "tel. kom."),
    "DATE_OF_BIRTH": ("data urodzenia", "urodzony", "urodzona", "ur."),
    "STREET_ADDRESS": ("adres", "adres zamieszkania", "adres do korespondencji"),
    "ORGANIZATION": ("firma", "pracodawca", "przedsiębiorstwo"),
}
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

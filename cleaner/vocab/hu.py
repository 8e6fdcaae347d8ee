"""Hungarian vocabulary of the boilerplate stage (card keys, social keys, headers).

No PII tables: Hungarian is no language of the PII engine (:data:`cleaner.vocab.PII_LANGUAGES`),
so its labels serve the boilerplate stage's cards only.
"""

CODE = "hu"

#: author-card keys, by the field they introduce (see :mod:`cleaner.vocab`)
CARD_LABELS: dict[str, tuple[str, ...]] = {
    "PERSON": ("név", "teljes név", "vezetéknév", "keresztnév", "családnév", "utónév"),
    "USERNAME": ("felhasználónév", "felhasználó", "becenév"),
    "EMAIL_ADDRESS": ("e-mail", "email", "e-mail cím", "e-mail-cím", "email cím", "villámposta"),
    "PHONE_NUMBER": ("telefon", "telefonszám", "tel", "mobil", "mobilszám", "mobiltelefon"),
    "DATE_OF_BIRTH": ("születési dátum", "születési idő", "született", "születésnap",
                      "születési hely és idő"),
    "STREET_ADDRESS": ("cím", "lakcím", "postacím", "levelezési cím"),
    "ORGANIZATION": ("cég", "munkahely", "munkáltató", "vállalat", "cégnév"),
    "JOB": ("foglalkozás", "munkakör", "beosztás", "szakma", "pozíció"),
    "BIO": ("bemutatkozás", "életrajz", "rólam"),
    "OTHER": ("kor", "életkor", "nem", "város", "lakhely", "település", "weboldal", "honlap"),
}
#: keys of follower/following counts
FOLLOWER_LABELS = ("követők", "követő", "követett", "követések", "követi")
#: keys of social-profile lines
SOCIAL_LABELS = (*FOLLOWER_LABELS, "profil", "bejegyzések", "posztok", "kedvelések")
#: headers of related/popular/recommended/sponsored link lists (regex fragments, lower case)
RELATED_HEADERS = (
    r"kapcsolódó (?:cikkek|cikk|hírek|bejegyzések|tartalmak|anyagok)",
    r"hasonló (?:cikkek|hírek|bejegyzések|tartalmak)",
    r"(?:a )?legolvasottabb(?: cikkek| hírek| tartalmak)?",
    r"(?:a )?legnépszerűbb(?: cikkek| hírek| bejegyzések)?", r"ajánlott (?:cikkek|tartalmak)",
    r"(?:ez|ezek) is érdekelhet(?:i|né|nek)?", r"olvassa el (?:ezt )?is", r"ezt olvasta már",
    r"(?:további|még több) (?:cikkek|cikk|hírek|hír|bejegyzések)(?: a témában)?",
    r"(?:a )?legfrissebb (?:hírek|cikkek|bejegyzések)", r"ne hagyja ki",
    r"szponzorált(?: tartalom| tartalmak| cikkek)?", r"támogatott tartalom", r"hirdetés",
)
#: headers of an author card (regex fragments)
CARD_HEADERS = (
    r"(?:a )?szerzőről", r"(?:a cikk )?szerzője", r"szerző", r"szerzői (?:adatok|profil)",
    r"a szerző bemutatása",
)
#: headers of a block of social profiles (regex fragments)
SOCIAL_HEADERS = (
    r"közösségi (?:média|oldalak|oldalakon)",
    r"kövess(?:en|etek)? (?:minket|bennünket|engem)(?: a| az| itt)?",
    r"(?:keress|keressen|találj) meg (?:minket|engem)(?: a| az| itt)?",
)

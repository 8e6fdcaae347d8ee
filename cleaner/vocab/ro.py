"""Romanian vocabulary of the boilerplate stage (card keys, social keys, headers).

No PII tables: Romanian is no language of the PII engine (:data:`cleaner.vocab.PII_LANGUAGES`),
so its labels serve the boilerplate stage's cards only. Words with ș/ț are listed with the
comma below and with the cedilla (ş/ţ), both in use.
"""

CODE = "ro"

#: author-card keys, by the field they introduce (see :mod:`cleaner.vocab`)
CARD_LABELS: dict[str, tuple[str, ...]] = {
    "PERSON": ("nume", "numele", "nume complet", "prenume", "nume și prenume",
               "nume şi prenume"),
    "USERNAME": ("nume de utilizator", "utilizator", "pseudonim", "poreclă"),
    "EMAIL_ADDRESS": ("e-mail", "email", "adresă de e-mail", "adresa de e-mail",
                      "adresa de email"),
    "PHONE_NUMBER": ("telefon", "tel", "mobil", "număr de telefon", "nr. telefon",
                     "nr. de telefon"),
    "DATE_OF_BIRTH": ("data nașterii", "data naşterii", "născut", "născută", "născut(ă)",
                      "ziua de naștere", "ziua de naştere"),
    "STREET_ADDRESS": ("adresă", "adresa", "domiciliu", "adresa de domiciliu"),
    "ORGANIZATION": ("companie", "compania", "firmă", "firma", "angajator", "societate"),
    "JOB": ("ocupație", "ocupaţie", "profesie", "funcție", "funcţie", "meserie", "post"),
    "BIO": ("biografie", "despre mine"),
    "OTHER": ("vârstă", "vârsta", "sex", "gen", "oraș", "oraş", "localitate", "site web",
              "site", "locație", "locaţie"),
}
#: keys of follower/following counts
FOLLOWER_LABELS = ("urmăritori", "urmărește", "urmăreşte", "urmăriri")
#: keys of social-profile lines
SOCIAL_LABELS = (*FOLLOWER_LABELS, "profil", "postări", "aprecieri")
#: headers of related/popular/recommended/sponsored link lists (regex fragments, lower case)
RELATED_HEADERS = (
    r"articole (?:similare|asemănătoare|recomandate|populare|conexe|relaționate)",
    r"(?:știri|ştiri|stiri) (?:similare|conexe|recomandate)",
    r"(?:citește|citeşte|citeste|vezi) (?:și|şi|si)",
    r"cele mai (?:citite|populare|comentate|noi)(?: articole| știri| ştiri| stiri)?",
    r"s-ar putea să (?:vă|îți|îţi|iti) (?:placă|placa|intereseze)",
    r"(?:alte|mai multe) (?:articole|știri|ştiri|stiri)(?: din [\w\s]{1,30})?",
    r"(?:ultimele|cele mai recente) (?:articole|știri|ştiri|stiri)",
    r"recomandări(?: pentru tine)?", r"(?:îți|îţi|iti) recomandăm", r"nu rata",
    r"(?:conținut|conţinut|continut) sponsorizat", r"sponsorizat",
)
#: headers of an author card (regex fragments)
CARD_HEADERS = (
    r"despre (?:autor|autoare|autorul articolului)", r"autorul articolului", r"autor",
    r"(?:profilul|biografia) autorului",
)
#: headers of a block of social profiles (regex fragments)
SOCIAL_HEADERS = (
    r"(?:rețele|reţele|retele) (?:sociale|de socializare)",
    r"urmăr(?:ește|eşte|iți|iţi)-ne(?: pe)?", r"(?:găsește|găseşte|găsiți)-ne pe",
)

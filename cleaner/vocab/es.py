"""Spanish vocabulary of the boilerplate stage and the PII stage."""

from ._labels import pii_labels

CODE = "es"

#: author-card keys, by the field they introduce (the PII entity type, or ``JOB``,
#: ``BIO``, ``OTHER``): the keys that make a key/value run an author card; the keys of
#: PII fields are PII labels too (``PII_LABELS`` below)
CARD_LABELS: dict[str, tuple[str, ...]] = {
    "PERSON": ("nombre", "apellido"),
    "USERNAME": ("usuario", "nombre de usuario"),
    "EMAIL_ADDRESS": ("correo", "correo electrónico", "e-mail"),
    "PHONE_NUMBER": ("teléfono", "tel", "celular"),
    "DATE_OF_BIRTH": ("fecha de nacimiento",),
    "STREET_ADDRESS": ("dirección",),
    "ORGANIZATION": ("empresa",),
    "JOB": ("trabajo", "puesto", "ocupación"),
    "BIO": ("biografía",),
    "OTHER": ("edad", "ciudad"),
}
#: keys of follower/following counts: they make a run of social lines a person's
#: profile
FOLLOWER_LABELS = ("seguidores", "siguiendo")
#: keys of social-profile lines
SOCIAL_LABELS = FOLLOWER_LABELS
RELATED_HEADERS = (
    r"te puede interesar", r"también te puede interesar", r"lee también",
    r"noticias relacionadas", r"artículos relacionados", r"lo más leído", r"te recomendamos",
)
CARD_HEADERS = (r"sobre el autor(?:a)?", r"acerca del autor", r"autor")
SOCIAL_HEADERS = (r"redes sociales",)


#: disclosure and legal lines (regex fragments; rule ``legal_line``)
LEGAL_LINES = (
    r"\benlaces? de afiliados?\b[^.!?]{0,80}\bcomisi[oó]n\b",
)
#: newsletter, donation and sign-up prompts after an article (rule ``support_prompt``)
SUPPORT_PROMPTS = (
    r"\ben tu (?:bandeja de entrada|correo)\b",
    r"\bhaz (?:una|tu) donaci[oó]n\b",
    r"\bapoya (?:nuestro|nuestra)\b",
)

# -- PII stage (cleaner.pii): labels, context words, furniture words ------------------

#: labels of a personal value on a label line that do not make a block a card
#: (``Author:``, ``Reporter:`` introduce a name on a byline), by entity
PII_LINE_LABELS: dict[str, tuple[str, ...]] = {
    "PERSON": ("nombre completo", "autor", "autora", "escrito por", "redactor", "redactora",
               "periodista", "reportero", "reportera", "corresponsal", "fotógrafo", "fotógrafa",
               "publicado por"),
    "USERNAME": ("apodo",),
    "PHONE_NUMBER": ("móvil", "fax"),
    "DATE_OF_BIRTH": ("nacimiento", "nacido el", "nacida el"),
    "STREET_ADDRESS": ("direccion", "domicilio"),
    "ORGANIZATION": ("compañía", "empleador"),
}
#: every label that introduces a personal value (``Name:``), by entity: the card keys
#: of the PII fields, then the line labels (each word listed once, above)
PII_LABELS = pii_labels(CARD_LABELS, PII_LINE_LABELS)
#: free-text words near a value that make it personal, by entity (a birth date's
#: also take ``PII_WORDS['born']``)
PII_CONTEXT: dict[str, tuple[str, ...]] = {
    "PHONE_NUMBER": ("teléfono", "tel", "llamar", "llame", "móvil", "celular", "número",
                     "contacto", "localizable", "al", "fax"),
    "DATE_OF_BIRTH": ("nació", "nacido", "nacida", "nacimiento", "cumpleaños"),
    "CREDIT_CARD": ("tarjeta", "crédito", "pago"),
    "IBAN_CODE": ("iban", "cuenta", "banco"),
    "NATIONAL_ID": ("dni", "nif", "nie", "documento", "identidad", "pasaporte"),
    "SOCIAL_HANDLE": ("seguir", "sigue", "síguenos", "cuenta", "perfil"),
}
#: furniture words by kind (see ``cleaner.vocab``)
PII_WORDS: dict[str, tuple[str, ...]] = {
    "byline": ("Por",),
    "posted_by": ("Publicado por", "Escrito por", "Comentario de", "Enviado por"),
    "reply_from": ("Respuesta de",),
    "wrote": ("escribió", "escribe", "dice", "dijo", "respondió", "comentó"),
    "closing": ("Saludos", "Un saludo", "Atentamente", "Gracias", "Un abrazo",
                "Saludos cordiales"),
    "author_header": ("Sobre el autor", "Sobre la autora", "Acerca del autor", "Autor",
                      "Autora"),
    "bio_role": ("periodista", "redactor", "redactora", "autor", "autora", "corresponsal",
                 "bloguero", "bloguera", "fotógrafo", "fotógrafa", "columnista"),
    "bio_verb": ("es", "es un", "es una"),
    "born": ("nacido el", "nacida el", "nació el", "nacido", "nacida", "nació"),
    "org_phone": ("centralita", "taquilla", "atención al cliente", "recepción", "redacción",
                  "información"),
    "public_title": ("presidente", "presidenta", "ministro", "ministra", "alcalde",
                     "alcaldesa", "senado", "gobierno", "ministerio", "diputado", "diputada",
                     "portavoz", "embajada", "policía", "partido"),
}
#: month names, every inflection a date uses (PII dates of birth)
MONTHS = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
          "septiembre", "setiembre", "octubre", "noviembre", "diciembre")

"""Spanish vocabulary of the boilerplate stage (and the PII card labels)."""

CODE = "es"

CARD_LABELS: dict[str, tuple[str, ...]] = {
    "PERSON": ("nombre", "apellido"),
    "USERNAME": ("usuario", "nombre de usuario"),
    "EMAIL_ADDRESS": ("correo", "correo electrónico"),
    "DATE_OF_BIRTH": ("fecha de nacimiento",),
    "STREET_ADDRESS": ("dirección",),
    "PHONE_NUMBER": ("teléfono",),
    "ORGANIZATION": ("empresa",),
    "JOB": ("trabajo", "puesto", "ocupación"),
    "BIO": ("biografía",),
    "OTHER": ("edad", "ciudad"),
}
SOCIAL_LABELS = ("seguidores", "siguiendo")
RELATED_HEADERS = (
    r"te puede interesar", r"también te puede interesar", r"lee también",
    r"noticias relacionadas", r"artículos relacionados", r"lo más leído", r"te recomendamos",
)
CARD_HEADERS = (r"sobre el autor(?:a)?", r"acerca del autor", r"autor")
SOCIAL_HEADERS = (r"redes sociales",)
MONTHS = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
          "septiembre", "octubre", "noviembre", "diciembre")

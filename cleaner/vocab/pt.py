"""Portuguese vocabulary of the boilerplate stage (and the PII card labels)."""

CODE = "pt"

CARD_LABELS: dict[str, tuple[str, ...]] = {}
SOCIAL_LABELS = ("seguidores",)
RELATED_HEADERS = (r"leia também", r"veja também", r"notícias relacionadas", r"mais lidas")
CARD_HEADERS = (r"sobre o autor",)
SOCIAL_HEADERS: tuple[str, ...] = ()
MONTHS = ("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
          "setembro", "outubro", "novembro", "dezembro")

"""Portuguese vocabulary of the boilerplate stage and the PII stage."""

from ._labels import pii_labels

CODE = "pt"

#: author-card keys, by the field they introduce (the PII entity type, or ``JOB``,
#: ``BIO``, ``OTHER``): the keys that make a key/value run an author card; the keys of
#: PII fields are PII labels too (``PII_LABELS`` below)
CARD_LABELS: dict[str, tuple[str, ...]] = {
    "PERSON": ("nome", "nome completo"),
    "USERNAME": ("utilizador", "usuário", "usuario", "nome de usuário", "nome de utilizador"),
    "EMAIL_ADDRESS": ("e-mail", "email", "correio eletrónico", "correio eletrônico"),
    "PHONE_NUMBER": ("telefone", "tel", "telemóvel", "celular", "contacto", "contato"),
    "DATE_OF_BIRTH": ("data de nascimento", "nascimento"),
    "STREET_ADDRESS": ("morada", "endereço", "endereco", "residência", "domicílio"),
    "ORGANIZATION": ("empresa", "empregador", "companhia"),
    "JOB": ("profissão", "ocupação", "trabalho", "emprego"),
    "BIO": ("biografia",),
    "OTHER": ("sobre mim", "idade", "sexo", "cidade", "localização", "site"),
}
#: keys of follower/following counts: they make a run of social lines a person's
#: profile
FOLLOWER_LABELS = ("seguidores", "seguindo")
#: keys of social-profile lines
SOCIAL_LABELS = (*FOLLOWER_LABELS, "perfil", "publicações")
RELATED_HEADERS = (r"leia também", r"veja também", r"notícias relacionadas", r"mais lidas")
CARD_HEADERS = (r"sobre o autor",)
SOCIAL_HEADERS = (r"redes sociais", r"siga-(?:nos|me)(?: n[oa]s?)?", r"me siga(?: n[oa]s?)?")


# -- PII stage (cleaner.pii): labels, context words, furniture words ------------------

#: labels of a personal value on a label line that do not make a block a card
#: (``Author:``, ``Reporter:`` introduce a name on a byline), by entity
PII_LINE_LABELS: dict[str, tuple[str, ...]] = {
    "PERSON": ("autor", "autora", "repórter", "jornalista", "correspondente", "fotógrafo",
               "fotógrafa", "publicado por"),
    "USERNAME": ("apelido",),
    "PHONE_NUMBER": ("fax", "whatsapp"),
    "DATE_OF_BIRTH": ("nascido em", "nascida em"),
}
#: every label that introduces a personal value (``Name:``), by entity: the card keys
#: of the PII fields, then the line labels (each word listed once, above)
PII_LABELS = pii_labels(CARD_LABELS, PII_LINE_LABELS)
#: free-text words near a value that make it personal, by entity (a birth date's
#: also take ``PII_WORDS['born']``)
PII_CONTEXT: dict[str, tuple[str, ...]] = {
    "PHONE_NUMBER": ("telefone", "tel", "telemóvel", "celular", "ligar", "ligue", "contacto",
                     "contato", "número", "fax", "whatsapp"),
    "CREDIT_CARD": ("cartão", "crédito", "pagamento"),
}
#: furniture words by kind (see ``cleaner.vocab``)
PII_WORDS: dict[str, tuple[str, ...]] = {
    "byline": ("Por",),
    "posted_by": ("Publicado por", "Postado por", "Escrito por", "Comentário de", "Enviado por"),
    "reply_from": ("Resposta de",),
    "wrote": ("escreveu", "escreve", "diz", "disse", "respondeu", "comentou"),
    "closing": ("Cumprimentos", "Atenciosamente", "Abraços", "Abraço", "Obrigado", "Obrigada",
                "Melhores cumprimentos"),
    "author_header": ("Sobre o autor", "Sobre a autora", "O autor", "A autora"),
    "bio_role": ("jornalista", "repórter", "autor", "autora", "correspondente", "fotógrafo",
                 "fotógrafa", "colunista", "escritor", "escritora", "blogueiro", "blogueira"),
    "bio_verb": ("é", "é um", "é uma"),
    "born": ("nascido em", "nascida em", "nasceu em", "nascido", "nascida", "nasceu",
             "nascimento"),
    "org_phone": ("bilheteira", "bilheteria", "central de atendimento", "receção", "recepção",
                  "redação", "linha de apoio", "atendimento"),
    "public_title": ("presidente", "ministro", "ministra", "prefeito", "prefeita", "senado",
                     "governo", "ministério", "deputado", "deputada", "porta-voz", "embaixada",
                     "polícia", "partido"),
}
#: month names, every inflection a date uses (PII dates of birth)
MONTHS = ("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
          "setembro", "outubro", "novembro", "dezembro")

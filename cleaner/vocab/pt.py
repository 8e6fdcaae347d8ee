"""Portuguese vocabulary of the boilerplate stage and the PII stage."""

CODE = "pt"

CARD_LABELS: dict[str, tuple[str, ...]] = {}
SOCIAL_LABELS = ("seguidores",)
RELATED_HEADERS = (r"leia também", r"veja também", r"notícias relacionadas", r"mais lidas")
CARD_HEADERS = (r"sobre o autor",)
SOCIAL_HEADERS: tuple[str, ...] = ()


# -- PII stage (cleaner.pii): labels, context words, furniture words ------------------

#: labels that introduce a personal value on a card or label line (``Name:``), by entity
PII_LABELS: dict[str, tuple[str, ...]] = {
    "PERSON": ("nome", "nome completo", "autor", "autora", "repórter", "jornalista",
               "correspondente", "fotógrafo", "fotógrafa", "publicado por"),
    "USERNAME": ("utilizador", "usuário", "usuario", "nome de usuário", "nome de utilizador",
                 "apelido"),
    "EMAIL_ADDRESS": ("e-mail", "email", "correio eletrónico", "correio eletrônico"),
    "PHONE_NUMBER": ("telefone", "tel", "telemóvel", "celular", "fax", "contacto", "contato",
                     "whatsapp"),
    "DATE_OF_BIRTH": ("data de nascimento", "nascimento", "nascido em", "nascida em"),
    "STREET_ADDRESS": ("morada", "endereço", "endereco", "residência", "domicílio"),
    "ORGANIZATION": ("empresa", "empregador", "companhia"),
}
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

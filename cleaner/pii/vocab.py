"""Per-language words of the PII stage (issue 14), one entry per language.

Structured by language (not by entity) so that a language is added in one
place and the whole table can later move to ``cleaner/vocab/`` beside the
boilerplate stage's card words. :mod:`cleaner.pii.registry` merges these into
its labels, context words and month names and builds the furniture patterns
from them.

Keys of a language entry:

- ``labels``: entity type -> label words that end in ``:`` on a card line;
- ``byline``: words that open a byline (``By NAME``);
- ``posted_by``: comment-header openers (``Posted by jdoe88 on ...``);
- ``reply_from``: reply-header openers (``Reply from NAME``);
- ``wrote``: words after a name that end a quote header (``NAME wrote:``);
- ``closing``: letter closings a signature name follows (``Best regards,``);
- ``author_header``: author-card headings (``About the author``);
- ``bio_role``: job words of a one-line author bio (``NAME is a freelance writer``);
- ``bio_verb``: the copula of that bio line;
- ``months``: month names (every inflection a date uses);
- ``born``: birth words (context of a date of birth);
- ``org_phone``: words naming an organisation's own line (box office, switchboard);
- ``public_title``: titles of office holders and public bodies (``Governor``, ``Senate``).
"""

from __future__ import annotations

VOCAB: dict[str, dict[str, tuple[str, ...] | dict[str, tuple[str, ...]]]] = {
    "en": {
        "labels": {
            "PERSON": ("reporter", "correspondent", "journalist", "writer", "photographer",
                       "posted by", "submitted by", "commenter", "contributor"),
        },
        "byline": ("By", "Written by", "Words by", "Story by", "Reporting by"),
        "posted_by": ("Posted by", "Submitted by", "Comment by", "Posted on behalf of"),
        "reply_from": ("Reply from", "Response from", "Answer from", "Reply to"),
        "wrote": ("wrote", "says", "said", "commented", "replied", "writes"),
        "closing": ("Best regards", "Kind regards", "Regards", "Best wishes", "Cheers",
                    "Sincerely", "Thanks", "Thank you", "Yours sincerely", "Best"),
        "author_header": ("About the author", "About the writer", "About the reporter",
                          "Author", "The author"),
        "bio_role": ("writer", "journalist", "reporter", "editor", "author", "columnist",
                     "blogger", "correspondent", "contributor", "freelancer", "photographer"),
        "bio_verb": ("is a", "is an", "is the", "is our", "is"),
        "months": (),
        "born": ("born",),
        "org_phone": ("box office", "switchboard", "hotline", "helpline", "reception",
                      "front desk", "customer service", "main office", "newsroom", "tickets",
                      "ticket office", "information line", "enquiries", "inquiries",
                      "main line", "office", "toll-free", "toll free", "inquiry",
                      "information"),
        "public_title": ("governor", "gov.", "senator", "sen.", "president", "minister",
                         "prime minister", "mayor", "senate", "ministry", "congressman",
                         "congresswoman", "rep.", "secretary", "chancellor", "official",
                         "spokesperson", "spokesman", "spokeswoman", "embassy", "government",
                         "parliament", "police", "department", "agency", "council", "party"),
    },
    "de": {
        "labels": {
            "PERSON": ("redakteur", "redakteurin", "reporter", "reporterin", "journalist",
                       "journalistin", "korrespondent", "korrespondentin", "fotograf",
                       "fotografin", "geschrieben von"),
        },
        "byline": ("Von", "Ein Beitrag von", "Text von", "Text:"),
        "posted_by": ("Geschrieben von", "Verfasst von", "Kommentar von", "Gepostet von"),
        "reply_from": ("Antwort von", "Erwiderung von"),
        "wrote": ("schrieb", "schreibt", "sagt", "meint", "antwortete", "kommentierte"),
        "closing": ("Viele Grüße", "Beste Grüße", "Mit freundlichen Grüßen", "Liebe Grüße",
                    "Gruß", "Grüße", "Herzliche Grüße"),
        "author_header": ("Über den Autor", "Über die Autorin", "Zum Autor", "Zur Autorin",
                          "Autor", "Autorin"),
        "bio_role": ("journalist", "journalistin", "redakteur", "redakteurin", "autor",
                     "autorin", "reporter", "reporterin", "korrespondent", "korrespondentin",
                     "bloggerin", "blogger", "fotografin", "fotograf"),
        "bio_verb": ("ist freie", "ist freier", "ist", "arbeitet als"),
        "months": ("jänner",),
        "born": ("geboren", "geb."),
        "org_phone": ("zentrale", "kasse", "theaterkasse", "hotline", "service-hotline",
                      "vermittlung", "empfang", "kundenservice", "redaktion", "tickets"),
        "public_title": ("bundeskanzler", "kanzler", "minister", "ministerin", "präsident",
                         "bürgermeister", "senat", "bundestag", "regierung", "ministerium",
                         "polizei", "botschaft", "sprecher", "sprecherin", "partei"),
    },
    "fr": {
        "labels": {"PERSON": ("journaliste", "reporter", "correspondant", "correspondante",
                              "rédacteur", "rédactrice", "photographe", "publié par")},
        "byline": ("Par",),
        "posted_by": ("Publié par", "Posté par", "Commentaire de", "Écrit par"),
        "reply_from": ("Réponse de",),
        "wrote": ("a écrit", "écrit", "dit", "a dit", "a répondu", "répond"),
        "closing": ("Cordialement", "Bien à vous", "Amitiés", "Bien cordialement",
                    "Salutations", "Merci"),
        "author_header": ("À propos de l'auteur", "A propos de l'auteur", "L'auteur",
                          "L'autrice", "Auteur"),
        "bio_role": ("journaliste", "rédacteur", "rédactrice", "auteur", "autrice",
                     "correspondant", "correspondante", "blogueur", "blogueuse",
                     "photographe", "chroniqueur", "chroniqueuse"),
        "bio_verb": ("est", "est un", "est une"),
        "months": (),
        "born": ("né le", "née le", "né", "née"),
        "org_phone": ("standard", "billetterie", "accueil", "service client", "rédaction",
                      "location"),
        "public_title": ("président", "présidente", "ministre", "maire", "sénat",
                         "gouvernement", "ministère", "député", "députée", "porte-parole",
                         "ambassade", "police", "préfecture", "élysée", "parti"),
    },
    "es": {
        "labels": {"PERSON": ("redactor", "redactora", "periodista", "reportero", "reportera",
                              "corresponsal", "fotógrafo", "fotógrafa", "publicado por")},
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
        "months": ("setiembre",),
        "born": ("nacido el", "nacida el", "nació el", "nacido", "nacida", "nació"),
        "org_phone": ("centralita", "taquilla", "atención al cliente", "recepción",
                      "redacción", "información"),
        "public_title": ("presidente", "presidenta", "ministro", "ministra", "alcalde",
                         "alcaldesa", "senado", "gobierno", "ministerio", "diputado",
                         "diputada", "portavoz", "embajada", "policía", "partido"),
    },
    "it": {
        "labels": {"PERSON": ("giornalista", "redattore", "redattrice", "corrispondente",
                              "fotografo", "fotografa", "inviato", "inviata", "pubblicato da")},
        "byline": ("Di", "A cura di"),
        "posted_by": ("Pubblicato da", "Scritto da", "Commento di", "Inviato da"),
        "reply_from": ("Risposta di", "Risposta da"),
        "wrote": ("ha scritto", "scrive", "dice", "ha detto", "ha risposto", "commenta"),
        "closing": ("Cordiali saluti", "Saluti", "Distinti saluti", "Grazie", "Un saluto",
                    "A presto"),
        "author_header": ("L'autore", "L'autrice", "Sull'autore", "Informazioni sull'autore",
                          "Autore", "Autrice"),
        "bio_role": ("giornalista", "redattore", "redattrice", "autore", "autrice",
                     "corrispondente", "blogger", "fotografo", "fotografa", "editorialista"),
        "bio_verb": ("è", "è un", "è una"),
        "months": (),
        "born": ("nato il", "nata il", "nato", "nata"),
        "org_phone": ("centralino", "biglietteria", "botteghino", "reception", "redazione",
                      "servizio clienti", "numero verde"),
        "public_title": ("presidente", "ministro", "ministra", "sindaco", "sindaca", "senato",
                         "governo", "ministero", "deputato", "deputata", "portavoce",
                         "ambasciata", "polizia", "partito"),
    },
    "nl": {
        "labels": {"PERSON": ("verslaggever", "verslaggeefster", "journalist", "redacteur",
                              "correspondent", "fotograaf", "geplaatst door")},
        "byline": ("Door",),
        "posted_by": ("Geplaatst door", "Gepost door", "Reactie door", "Geschreven door"),
        "reply_from": ("Reactie van", "Antwoord van"),
        "wrote": ("schreef", "schrijft", "zegt", "zei", "reageerde", "antwoordde"),
        "closing": ("Met vriendelijke groet", "Met vriendelijke groeten", "Groeten",
                    "Hartelijke groet", "Groet", "Bedankt"),
        "author_header": ("Over de auteur", "Over de schrijver", "Auteur"),
        "bio_role": ("journalist", "redacteur", "auteur", "schrijver", "schrijfster",
                     "correspondent", "blogger", "fotograaf", "columnist"),
        "bio_verb": ("is", "is een", "werkt als"),
        "months": (),
        "born": ("geboren", "geboren op"),
        "org_phone": ("receptie", "klantenservice", "kassa", "centrale", "redactie",
                      "servicenummer"),
        "public_title": ("minister", "premier", "burgemeester", "senaat", "regering",
                         "ministerie", "kamerlid", "woordvoerder", "ambassade", "politie",
                         "partij"),
    },
    "pt": {
        "labels": {
            "PERSON": ("nome", "nome completo", "autor", "autora", "repórter", "jornalista",
                       "correspondente", "fotógrafo", "fotógrafa", "publicado por"),
            "USERNAME": ("utilizador", "usuário", "usuario", "nome de usuário",
                         "nome de utilizador", "apelido"),
            "EMAIL_ADDRESS": ("e-mail", "email", "correio eletrónico", "correio eletrônico"),
            "PHONE_NUMBER": ("telefone", "tel", "telemóvel", "celular", "fax", "contacto",
                             "contato", "whatsapp"),
            "DATE_OF_BIRTH": ("data de nascimento", "nascimento", "nascido em", "nascida em"),
            "STREET_ADDRESS": ("morada", "endereço", "endereco", "residência", "domicílio"),
            "ORGANIZATION": ("empresa", "empregador", "companhia"),
        },
        "byline": ("Por",),
        "posted_by": ("Publicado por", "Postado por", "Escrito por", "Comentário de",
                      "Enviado por"),
        "reply_from": ("Resposta de",),
        "wrote": ("escreveu", "escreve", "diz", "disse", "respondeu", "comentou"),
        "closing": ("Cumprimentos", "Atenciosamente", "Abraços", "Abraço", "Obrigado",
                    "Obrigada", "Melhores cumprimentos"),
        "author_header": ("Sobre o autor", "Sobre a autora", "O autor", "A autora"),
        "bio_role": ("jornalista", "repórter", "autor", "autora", "correspondente",
                     "fotógrafo", "fotógrafa", "colunista", "escritor", "escritora",
                     "blogueiro", "blogueira"),
        "bio_verb": ("é", "é um", "é uma"),
        "months": ("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho",
                   "agosto", "setembro", "outubro", "novembro", "dezembro"),
        "born": ("nascido em", "nascida em", "nasceu em", "nascido", "nascida", "nasceu",
                 "nascimento"),
        "org_phone": ("bilheteira", "bilheteria", "central de atendimento", "receção",
                      "recepção", "redação", "linha de apoio", "atendimento"),
        "public_title": ("presidente", "ministro", "ministra", "prefeito", "prefeita",
                         "senado", "governo", "ministério", "deputado", "deputada",
                         "porta-voz", "embaixada", "polícia", "partido"),
    },
    "pl": {
        "labels": {
            "PERSON": ("imię i nazwisko", "imię", "nazwisko", "autor", "autorka", "reporter",
                       "reporterka", "dziennikarz", "dziennikarka", "fotograf", "dodane przez"),
            "USERNAME": ("nazwa użytkownika", "użytkownik", "login", "pseudonim", "nick"),
            "EMAIL_ADDRESS": ("e-mail", "email", "adres e-mail", "poczta"),
            "PHONE_NUMBER": ("telefon", "tel", "komórka", "nr telefonu", "numer telefonu",
                             "fax", "tel. kom."),
            "DATE_OF_BIRTH": ("data urodzenia", "urodzony", "urodzona", "ur."),
            "STREET_ADDRESS": ("adres", "adres zamieszkania", "adres do korespondencji"),
            "ORGANIZATION": ("firma", "pracodawca", "przedsiębiorstwo"),
        },
        "byline": ("Autor:", "Tekst:", "Autorka:"),
        "posted_by": ("Dodane przez", "Dodał", "Dodała", "Napisane przez", "Komentarz od"),
        "reply_from": ("Odpowiedź od", "Odpowiedź użytkownika"),
        "wrote": ("napisał", "napisała", "napisał(a)", "pisze", "mówi", "odpowiedział",
                  "odpowiedziała"),
        "closing": ("Pozdrawiam", "Z poważaniem", "Pozdrawiamy", "Serdecznie pozdrawiam",
                    "Dziękuję"),
        "author_header": ("O autorze", "O autorce", "Autor", "Autorka"),
        "bio_role": ("dziennikarz", "dziennikarka", "dziennikarzem", "dziennikarką", "autor",
                     "autorka", "reporter", "reporterka", "redaktor", "redaktorka",
                     "fotograf", "blogerka", "bloger"),
        "bio_verb": ("jest", "jest niezależnym", "jest niezależną", "pracuje jako"),
        "months": ("stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca",
                   "sierpnia", "września", "października", "listopada", "grudnia",
                   "styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec",
                   "sierpień", "wrzesień", "październik", "listopad", "grudzień"),
        "born": ("urodzony", "urodzona", "urodził się", "urodziła się", "ur.", "urodzenia"),
        "org_phone": ("centrala", "kasa biletowa", "kasa", "infolinia", "recepcja",
                      "sekretariat", "redakcja", "biuro obsługi klienta"),
        "public_title": ("prezydent", "premier", "minister", "burmistrz", "prezydent miasta",
                         "senat", "sejm", "rząd", "ministerstwo", "poseł", "posłanka",
                         "rzecznik", "rzeczniczka", "ambasada", "policja", "partia"),
    },
    "sv": {
        "labels": {
            "PERSON": ("namn", "fullständigt namn", "författare", "reporter", "journalist",
                       "skribent", "fotograf", "postat av"),
            "USERNAME": ("användarnamn", "användare", "smeknamn"),
            "EMAIL_ADDRESS": ("e-post", "epost", "e-postadress", "mejl", "email", "e-mail"),
            "PHONE_NUMBER": ("telefon", "tel", "mobil", "mobilnummer", "telefonnummer", "fax"),
            "DATE_OF_BIRTH": ("födelsedatum", "född", "födelsedag"),
            "STREET_ADDRESS": ("adress", "hemadress", "postadress", "gatuadress"),
            "ORGANIZATION": ("företag", "arbetsgivare"),
        },
        # "Av NAME" has a pattern of its own: "Av" also abbreviates Avenida
        "byline": ("Text:",),
        "posted_by": ("Postat av", "Skrivet av", "Publicerat av", "Kommentar av"),
        "reply_from": ("Svar från", "Svar av"),
        "wrote": ("skrev", "skriver", "säger", "sa", "svarade", "kommenterade"),
        "closing": ("Med vänliga hälsningar", "Vänliga hälsningar", "Hälsningar", "Mvh",
                    "Tack", "Bästa hälsningar"),
        "author_header": ("Om skribenten", "Om författaren", "Skribent", "Författare"),
        "bio_role": ("frilansskribent", "skribent", "journalist", "reporter", "redaktör",
                     "författare", "fotograf", "krönikör", "bloggare"),
        "bio_verb": ("är", "är en", "arbetar som"),
        "months": ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
                   "september", "oktober", "november", "december"),
        "born": ("född", "föddes"),
        "org_phone": ("växel", "växeln", "biljettkassa", "biljettkassan", "kundtjänst",
                      "reception", "receptionen", "redaktionen", "upplysning"),
        "public_title": ("statsminister", "minister", "president", "borgmästare", "riksdag",
                         "regering", "regeringen", "departement", "talesperson", "ambassad",
                         "polisen", "parti", "partiet"),
    },
    "ja": {
        "labels": {
            "PERSON": ("氏名", "名前", "お名前", "著者", "記者", "筆者", "担当", "投稿者",
                       "執筆者", "文"),
            "USERNAME": ("ユーザー名", "ユーザ名", "ハンドルネーム", "ニックネーム", "アカウント"),
            "EMAIL_ADDRESS": ("メール", "メールアドレス", "e-mail", "email", "電子メール"),
            "PHONE_NUMBER": ("電話", "電話番号", "携帯", "携帯電話", "tel", "fax", "連絡先"),
            "DATE_OF_BIRTH": ("生年月日", "誕生日", "生まれ"),
            "STREET_ADDRESS": ("住所", "所在地", "自宅", "現住所"),
            "ORGANIZATION": ("会社", "勤務先", "所属"),
        },
        "byline": ("文：", "文:", "著者：", "記者："),
        "posted_by": ("投稿者:", "投稿者：", "投稿者"),
        "reply_from": (),
        "wrote": ("さんの書き込み", "さんのコメント", "のコメント", "さんからの返信"),
        "closing": ("よろしくお願いします", "以上"),
        "author_header": ("著者について", "著者紹介", "筆者について", "プロフィール"),
        "bio_role": ("ライター", "フリーライター", "記者", "ジャーナリスト", "編集者"),
        "bio_verb": ("は",),
        "months": (),
        "born": ("生まれ", "生年月日", "誕生"),
        "org_phone": ("代表", "窓口", "受付", "チケット", "お問い合わせ"),
        "public_title": ("首相", "大臣", "知事", "市長", "大統領", "政府", "省", "議員"),
    },
}


def words(key: str, lang: str | None = None) -> tuple[str, ...]:
    """The ``key`` words of one language, or of every language (in order, deduplicated)."""
    langs = [lang] if lang else list(VOCAB)
    out: list[str] = []
    for lg in langs:
        v = VOCAB.get(lg, {}).get(key, ())
        if isinstance(v, tuple):
            out.extend(v)
    return tuple(dict.fromkeys(out))


def labels(entity: str, lang: str) -> tuple[str, ...]:
    table = VOCAB.get(lang, {}).get("labels", {})
    return table.get(entity, ()) if isinstance(table, dict) else ()

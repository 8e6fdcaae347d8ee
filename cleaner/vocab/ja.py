"""Japanese vocabulary of the boilerplate stage and the PII stage."""

import re

from ._labels import pii_labels

CODE = "ja"

#: author-card keys, by the field they introduce (the PII entity type, or ``JOB``,
#: ``BIO``, ``OTHER``): the keys that make a key/value run an author card; the keys of
#: PII fields are PII labels too (``PII_LABELS`` below)
CARD_LABELS: dict[str, tuple[str, ...]] = {
    "PERSON": ("名前", "氏名", "お名前"),
    "USERNAME": ("ユーザー名", "ユーザ名", "ハンドルネーム", "ニックネーム", "アカウント"),
    "EMAIL_ADDRESS": ("メール", "メールアドレス", "電子メール", "e-mail", "email"),
    "PHONE_NUMBER": ("電話", "電話番号", "携帯", "携帯電話", "tel", "連絡先"),
    "DATE_OF_BIRTH": ("生年月日", "誕生日", "生まれ"),
    "STREET_ADDRESS": ("住所", "所在地", "自宅", "現住所"),
    "ORGANIZATION": ("会社", "勤務先", "所属"),
    "JOB": ("職業", "仕事", "職種", "役職", "肩書き", "肩書"),
    "BIO": ("自己紹介", "経歴", "略歴"),
    "OTHER": ("年齢", "性別", "出身", "出身地", "居住地", "趣味", "ウェブサイト", "ホームページ"),
}
#: keys of follower/following counts: they make a run of social lines a person's
#: profile
FOLLOWER_LABELS = ("フォロワー", "フォロワー数", "フォロー", "フォロー中")
#: keys of social-profile lines
SOCIAL_LABELS = (*FOLLOWER_LABELS, "投稿", "投稿数", "いいね")
#: headers of related/popular/recommended link lists (regex fragments)
RELATED_HEADERS = (
    r"関連(?:する)?記事", r"(?:あわせて|合わせて|併せて)読みたい", r"おすすめ(?:の)?記事",
    r"(?:こちらも|この記事も)おすすめ", r"こちらの記事もおすすめ", r"人気(?:の)?記事",
    r"(?:よく|最も)読まれている記事", r"注目(?:の)?記事", r"(?:新着|最新)記事",
    r"アクセスランキング", r"記事ランキング", r"次に読みたい記事",
)
#: headers of a block of social profiles (regex fragments)
SOCIAL_HEADERS = (r"(?:公式)?sns(?:アカウント)?", r"ソーシャルメディア", r"sns(?:で|を)フォロー",
                  r"フォローする")
# (CARD_HEADERS, the headers of an author card, are after PII_WORDS: they start from its
# ``author_header`` words)

# -- PII stage (cleaner.pii): labels, context words, furniture words ------------------

#: labels of a personal value on a label line that do not make a block a card
#: (``Author:``, ``Reporter:`` introduce a name on a byline), by entity
PII_LINE_LABELS: dict[str, tuple[str, ...]] = {
    "PERSON": ("著者", "記者", "筆者", "担当", "投稿者", "執筆者", "文"),
    "PHONE_NUMBER": ("fax",),
}
#: every label that introduces a personal value (``Name:``), by entity: the card keys
#: of the PII fields, then the line labels (each word listed once, above)
PII_LABELS = pii_labels(CARD_LABELS, PII_LINE_LABELS)
#: free-text words near a value that make it personal, by entity (a birth date's
#: also take ``PII_WORDS['born']``)
PII_CONTEXT: dict[str, tuple[str, ...]] = {
    "PHONE_NUMBER": ("電話", "携帯", "tel", "fax", "連絡"),
    "CREDIT_CARD": ("カード", "クレジット"),
}
#: furniture words by kind (see ``cleaner.vocab``)
PII_WORDS: dict[str, tuple[str, ...]] = {
    "byline": ("文：", "文:", "著者：", "記者："),
    "posted_by": ("投稿者:", "投稿者：", "投稿者"),
    "reply_from": (),
    "wrote": ("さんの書き込み", "さんのコメント", "のコメント", "さんからの返信"),
    "closing": ("よろしくお願いします", "以上"),
    "author_header": ("著者について", "著者紹介", "筆者について", "プロフィール"),
    "bio_role": ("ライター", "フリーライター", "記者", "ジャーナリスト", "編集者"),
    "bio_verb": ("は",),
    "born": ("生まれ", "生年月日", "誕生"),
    "org_phone": ("代表", "窓口", "受付", "チケット", "お問い合わせ"),
    "public_title": ("首相", "大臣", "知事", "市長", "大統領", "政府", "省", "議員"),
}
#: month names, every inflection a date uses (PII dates of birth)
MONTHS: tuple[str, ...] = ()

#: headers of an author card (regex fragments): the PII stage's author headers, and more
CARD_HEADERS = (
    *(re.escape(w) for w in PII_WORDS["author_header"]),
    r"(?:著者|筆者|執筆者)(?:の)?プロフィール", r"執筆者(?:紹介)?", r"この記事を書いた人",
    r"ライター紹介",
)

"""Japanese vocabulary: the PII stage's words (no boilerplate card words yet)."""

CODE = "ja"

CARD_LABELS: dict[str, tuple[str, ...]] = {}
SOCIAL_LABELS: tuple[str, ...] = ()
RELATED_HEADERS: tuple[str, ...] = ()
CARD_HEADERS: tuple[str, ...] = ()
SOCIAL_HEADERS: tuple[str, ...] = ()

# -- PII stage (cleaner.pii): labels, context words, furniture words ------------------

#: labels that introduce a personal value on a card or label line (``Name:``), by entity
PII_LABELS: dict[str, tuple[str, ...]] = {
    "PERSON": ("氏名", "名前", "お名前", "著者", "記者", "筆者", "担当", "投稿者", "執筆者", "文"),
    "USERNAME": ("ユーザー名", "ユーザ名", "ハンドルネーム", "ニックネーム", "アカウント"),
    "EMAIL_ADDRESS": ("メール", "メールアドレス", "e-mail", "email", "電子メール"),
    "PHONE_NUMBER": ("電話", "電話番号", "携帯", "携帯電話", "tel", "fax", "連絡先"),
    "DATE_OF_BIRTH": ("生年月日", "誕生日", "生まれ"),
    "STREET_ADDRESS": ("住所", "所在地", "自宅", "現住所"),
    "ORGANIZATION": ("会社", "勤務先", "所属"),
}
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

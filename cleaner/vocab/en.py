"""English vocabulary of the boilerplate stage and the PII stage."""

from ._labels import pii_labels

CODE = "en"

#: author-card keys, by the field they introduce (the PII entity type, or ``JOB``,
#: ``BIO``, ``OTHER``): the keys that make a key/value run an author card; the keys of
#: PII fields are PII labels too (``PII_LABELS`` below)
CARD_LABELS: dict[str, tuple[str, ...]] = {
    "PERSON": ("name", "full name"),
    "USERNAME": ("username", "user name", "nickname", "login"),
    "EMAIL_ADDRESS": ("email", "e-mail", "mail"),
    "PHONE_NUMBER": ("phone", "telephone", "tel", "mobile"),
    "DATE_OF_BIRTH": ("birthdate", "birth date", "date of birth", "born", "birthday"),
    "STREET_ADDRESS": ("address",),
    "ORGANIZATION": ("company", "employer"),
    "JOB": ("job", "job title", "occupation", "position"),
    "BIO": ("bio", "biography"),
    "OTHER": ("about", "website", "location", "age", "gender"),
}
#: keys of follower/following counts: they make a run of social lines a person's
#: profile
FOLLOWER_LABELS = ("followers", "following")
#: keys of social-profile lines
SOCIAL_LABELS = ("url", "profile", *FOLLOWER_LABELS, "follower", "posts", "likes", "handle")
#: headers of related/popular/recommended link lists (regex fragments, lower case)
RELATED_HEADERS = (
    r"related (?:posts?|articles?|stories|coverage|content|reading|links|topics|tutorials|videos)",
    r"(?:you|we think you) (?:may|might|will|could) (?:also )?(?:like|enjoy|be interested in)",
    r"(?:more|other) (?:stories|articles|posts|news|reads)"
    r"(?: (?:from|like this|you may have missed)[\w\s]*)?",
    r"more from [\w\s&'’.-]{1,30}", r"recommended(?: for you| reading| stories| articles)?",
    r"(?:most|top) (?:popular|read|viewed|shared|emailed)(?: [\w\s]{1,25})?",
    r"popular (?:posts|articles|stories|videos|now|on [\w\s.]{1,25})",
    r"popular this (?:week|month)",
    r"trending(?: now| stories| posts| articles| nationally| on [\w\s.]{1,25})?",
    r"don'?t miss(?: this)?", r"(?:read|see) (?:also|next)", r"also (?:read|on [\w.]+)",
    r"what to read next", r"further reading", r"editor'?s picks",
    r"around the web", r"sponsored (?:content|stories|links)", r"promoted stories",
    r"latest (?:news|posts|stories|articles)", r"recent posts",
)
#: headers of an author card (regex fragments)
CARD_HEADERS = (
    r"(?:detail|details|about|more about|meet) (?:the |this )?author", r"author (?:details|info"
    r"|bio|profile)", r"about the (?:writer|reporter|contributor)", r"written by", r"author",
)
#: headers of a block of social profiles (regex fragments)
SOCIAL_HEADERS = (
    r"socials?", r"social (?:media|links|profiles?|networks?)", r"find (?:me|us|him|her) on",
    r"connect with (?:me|us)", r"social network",
)


#: disclosure and legal lines a page prints around its article (regex fragments, lower
#: case; rule ``legal_line``): affiliate disclosures, a company's disclosure policy,
#: deposit-insurance notices
LEGAL_LINES = (
    r"^\W{0,3}(?:required |affiliate |advertiser |editorial )?disclosures?\W{0,3}(?::|$)",
    r"\baffiliate links?\b[^.!?]{0,80}\b(?:commissions?|compensat\w+)\b",
    r"\b(?:may|might|will|could) (?:earn|receive|get) (?:us |me |a )?(?:a )?(?:small )?"
    r"(?:affiliate )?commission\b",
    r"\bhas a disclosure policy\b", r"\bmember fdic\b", r"\bnot fdic insured\b",
)
#: newsletter, donation and sign-up prompts after an article (regex fragments; rule
#: ``support_prompt``, after the article's end only)
SUPPORT_PROMPTS = (
    r"\b(?:directly |straight |right )?to your inbox\b", r"\bjoin (?:our|the) (?:mailing|email)"
    r" list\b", r"\bdonate (?:today|now|here)\b", r"\breader donations\b",
    r"\bwe need your (?:help|support)\b", r"\bsupport (?:our|independent) (?:work|journalism)\b",
    r"\b(?:request|download|get) (?:our|your|a) free (?:e-?book|guide|white ?paper)\b",
    r"\bsign up for (?:our|free)\b",
)

# -- PII stage (cleaner.pii): labels, context words, furniture words ------------------

#: labels of a personal value on a label line that do not make a block a card
#: (``Author:``, ``Reporter:`` introduce a name on a byline), by entity
PII_LINE_LABELS: dict[str, tuple[str, ...]] = {
    "PERSON": ("author", "contact person", "written by", "reporter", "correspondent", "journalist",
               "writer", "photographer", "posted by", "submitted by", "commenter", "contributor"),
    "USERNAME": ("user", "handle", "screen name"),
    "EMAIL_ADDRESS": ("email address",),
    "PHONE_NUMBER": ("cell", "fax", "phone number", "whatsapp"),
    "DATE_OF_BIRTH": ("dob", "d.o.b."),
    "STREET_ADDRESS": ("home address", "street address", "mailing address", "residence"),
    "ORGANIZATION": ("works at",),
}
#: every label that introduces a personal value (``Name:``), by entity: the card keys
#: of the PII fields, then the line labels (each word listed once, above)
PII_LABELS = pii_labels(CARD_LABELS, PII_LINE_LABELS)
#: free-text words near a value that make it personal, by entity (a birth date's
#: also take ``PII_WORDS['born']``)
PII_CONTEXT: dict[str, tuple[str, ...]] = {
    "PHONE_NUMBER": ("phone", "telephone", "tel", "call", "calling", "mobile", "cell",
                     "reached", "reach", "contact", "number", "whatsapp", "text", "dial", "fax",
                     "hotline"),
    "DATE_OF_BIRTH": ("born", "birth", "birthday", "dob", "birthdate"),
    "CREDIT_CARD": ("card", "credit", "visa", "mastercard", "amex", "payment"),
    "IBAN_CODE": ("iban", "bank", "account"),
    "NATIONAL_ID": ("ssn", "social security", "national insurance", "nino", "nhs", "id",
                    "passport"),
    "SOCIAL_HANDLE": ("follow", "twitter", "instagram", "tiktok", "on x", "handle", "account",
                      "dm", "threads", "telegram", "mastodon", "bluesky", "snapchat"),
}
#: furniture words by kind (see ``cleaner.vocab``)
PII_WORDS: dict[str, tuple[str, ...]] = {
    "byline": ("By", "Written by", "Words by", "Story by", "Reporting by"),
    "posted_by": ("Posted by", "Submitted by", "Comment by", "Posted on behalf of"),
    "reply_from": ("Reply from", "Response from", "Answer from", "Reply to"),
    "wrote": ("wrote", "says", "said", "commented", "replied", "writes"),
    "closing": ("Best regards", "Kind regards", "Regards", "Best wishes", "Cheers",
                "Sincerely", "Thanks", "Thank you", "Yours sincerely", "Best"),
    "author_header": ("About the author", "About the writer", "About the reporter", "Author",
                      "The author"),
    "bio_role": ("writer", "journalist", "reporter", "editor", "author", "columnist",
                 "blogger", "correspondent", "contributor", "freelancer", "photographer"),
    "bio_verb": ("is a", "is an", "is the", "is our", "is"),
    "born": ("born",),
    "org_phone": ("box office", "switchboard", "hotline", "helpline", "reception",
                  "front desk", "customer service", "main office", "newsroom", "tickets",
                  "ticket office", "information line", "enquiries", "inquiries", "main line",
                  "office", "toll-free", "toll free", "inquiry", "information"),
    "public_title": ("governor", "gov.", "senator", "sen.", "president", "minister",
                     "prime minister", "mayor", "senate", "ministry", "congressman",
                     "congresswoman", "rep.", "secretary", "chancellor", "official",
                     "spokesperson", "spokesman", "spokeswoman", "embassy", "government",
                     "parliament", "police", "department", "agency", "council", "party"),
}
#: month names, every inflection a date uses (PII dates of birth)
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
          "jul", "aug", "sep", "sept", "oct", "nov", "dec")

"""English vocabulary of the boilerplate stage (and the PII card labels)."""

CODE = "en"

#: labels of author-card fields, by the PII entity type they introduce
CARD_LABELS: dict[str, tuple[str, ...]] = {
    "PERSON": ("name", "full name"),
    "USERNAME": ("username", "user name", "nickname"),
    "EMAIL_ADDRESS": ("email", "e-mail", "mail"),
    "DATE_OF_BIRTH": ("birthdate", "birth date", "date of birth", "born", "birthday"),
    "STREET_ADDRESS": ("address",),
    "PHONE_NUMBER": ("phone", "telephone", "tel", "mobile"),
    "ORGANIZATION": ("company", "employer"),
    "JOB": ("job", "job title", "occupation", "position"),
    "BIO": ("bio", "biography"),
    "OTHER": ("about", "website", "location", "age", "gender"),
}
#: keys of social-profile lines
SOCIAL_LABELS = ("url", "profile", "followers", "following", "follower", "posts", "likes",
                 "handle")
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
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")

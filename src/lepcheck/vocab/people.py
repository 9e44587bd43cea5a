"""People and their names as LEP sites write them: titles, honours, short forms, name shapes.

The same board member appears as "Cllr Jane Smith" on the board page, "J. Smith" in minutes,
"SMITH, Jane Anne" in a register and "jane-smith-roi.pdf" as a file name (lepcheck.site.names
matches them). Words that show a line is not a name (headings, organisations, site furniture)
are listed here too, as are the pronouns and titles that state a member's gender.
"""

from __future__ import annotations

import re

# Titles written before a name and dropped to compare names ("Cllr Mrs Jane Doe", "Rt Hon").
TITLES = frozenset(
    {
        "cllr", "councillor", "cr", "dr", "doctor", "prof", "professor", "sir", "dame", "mr",
        "mrs", "ms", "miss", "mx", "rt", "hon", "honourable", "right", "the", "lord", "lady",
        "baroness", "baron", "rev", "revd", "reverend", "canon", "mayor", "alderman",
    }
)  # fmt: skip

# Honours, degrees and post-nominals written after a name ("Jane Doe OBE DL", "FRICS").
HONOURS = frozenset(
    {
        "obe", "mbe", "cbe", "kbe", "dbe", "bem", "cvo", "lvo", "mvo", "cmg", "kcmg", "dl", "jp",
        "qc", "kc", "mp", "mep", "frsa", "frs", "freng", "phd", "dphil", "mba", "ma", "msc", "bsc",
        "ba", "llb", "llm", "meng", "beng", "ceng", "fca", "aca", "acca", "fcca", "cpfa", "cipfa",
        "frics", "mrics", "mrtpi", "frtpi", "fice", "mice", "fcipd", "fiod", "cdir", "cmgr",
        "fcmi", "hons", "fcim", "fimeche", "fiet", "dsc", "dba", "facss", "frcp",
    }
)  # fmt: skip

# Common English short forms; a short form only ever matches with less confidence.
SHORT_FORMS: dict[str, frozenset[str]] = {
    "bob": frozenset({"robert"}), "rob": frozenset({"robert"}), "bill": frozenset({"william"}),
    "will": frozenset({"william"}), "liz": frozenset({"elizabeth"}),
    "beth": frozenset({"elizabeth"}), "kate": frozenset({"katherine", "catherine"}),
    "cathy": frozenset({"catherine"}), "dick": frozenset({"richard"}),
    "rick": frozenset({"richard"}), "jim": frozenset({"james"}), "jamie": frozenset({"james"}),
    "tony": frozenset({"anthony"}), "ted": frozenset({"edward"}), "ed": frozenset({"edward"}),
    "mike": frozenset({"michael"}), "steve": frozenset({"stephen", "steven"}),
    "sue": frozenset({"susan"}), "jo": frozenset({"joanne", "joanna"}),
    "andy": frozenset({"andrew"}), "nick": frozenset({"nicholas"}),
    "pete": frozenset({"peter"}), "dave": frozenset({"david"}),
    "tom": frozenset({"thomas"}), "ben": frozenset({"benjamin"}), "sam": frozenset({"samuel"}),
    "peggy": frozenset({"margaret"}), "maggie": frozenset({"margaret"}),
    "ellie": frozenset({"eleanor", "elinor"}), "nell": frozenset({"eleanor", "helen"}),
    "chris": frozenset({"christopher", "christine", "christina"}),
    "alex": frozenset({"alexander", "alexandra"}), "sandy": frozenset({"alexander"}),
    "gill": frozenset({"gillian"}), "jenny": frozenset({"jennifer"}),
    "matt": frozenset({"matthew"}), "phil": frozenset({"philip", "phillip"}),
    "tim": frozenset({"timothy"}), "greg": frozenset({"gregory"}),
}  # fmt: skip

# A name token in any alphabet: "José", "Ó Súilleabháin", "McDonald", "J." (its capital is
# checked apart, by the reader).
NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_'’\-]*(?:['’\-][^\W\d_]+)*\.?$")

# Lower-case particles of surnames ("van der Berg"), compared as part of the surname.
NAME_PARTICLES = frozenset(
    # "ap" and "ab": Welsh patronymics ("Rhiannon ap Gwilym")
    {"de", "van", "von", "der", "den", "la", "le", "da", "di", "du", "bin", "ap", "ab", "del"}
)

# Words that show a line is a heading, an organisation or prose, not a person's name.
NOT_NAME_WORDS = frozenset(
    {
        "board", "boards", "our", "the", "members", "member", "meet", "team", "staff", "chair",
        "chairman", "chairwoman", "deputy", "vice", "register", "registers", "interest",
        "interests", "declaration", "declarations", "meeting", "meetings", "minutes", "agenda",
        "partnership", "enterprise", "local", "ltd", "limited", "plc", "llp", "council",
        "university", "college", "group", "company", "private", "public", "sector", "education",
        "news", "contact", "about", "us", "home", "director", "directors", "executive", "chief",
        "officer", "committee", "panel", "policy", "privacy", "cookies", "and", "of", "for",
        "in", "with", "to", "at", "on", "by", "from", "co-opted", "vacancy", "vacant", "lep",
        "governance", "transparency", "report", "reports", "papers", "documents", "download",
        "view", "read", "more", "profile", "biography", "appointed", "term", "role",
        "business", "growth", "investment", "fund", "strategy", "economic", "plan", "annual",
        "trust", "nhs", "authority", "county", "city", "borough", "district", "association",
        "federation", "chamber", "commerce", "date", "name", "item", "items", "apologies",
        "present", "attendance", "none", "nil", "total", "page", "project", "projects",
        "skills", "hub", "newsletter", "events", "event", "jobs", "careers", "search", "menu",
        "welcome", "introduction", "sub", "diversity", "champion", "representative", "small",
        "board's", "secretary", "accountable", "body", "structure", "all", "new",
        "cookie", "settings", "accessibility", "sitemap", "twitter", "linkedin", "facebook",
        "youtube", "instagram", "subscribe", "login", "copyright", "reserved", "skip",
        "navigation", "email", "telephone", "website", "opportunities", "funding",
        "programmes", "programme", "studies", "insights", "resources", "publications",
        "priorities", "sectors", "find", "out", "back", "top", "terms", "conditions",
        "statement", "vision", "mission", "values", "partners", "members'", "get", "involved",
        "join", "net", "zero", "deal", "deals", "levy", "apprenticeship", "apprenticeships",
        "digital", "innovation", "recovery", "covid", "support", "advice", "grants", "grant",
        "loans", "export", "exports", "tourism", "housing", "transport", "infrastructure",
        "energy", "region", "regional", "coast", "coastal", "rural", "freeport",
        "zone", "zones", "campus", "gateway", "corridor", "cluster", "hubs", "toolkit",
    }
)  # fmt: skip

# A table column that holds people's names: "Name", "Board Member", "Director", "Member name".
NAME_HEADER = re.compile(
    r"^(?!.*(?:organi[sz]ation|company|project|scheme|business|employer|body|file))"
    r".*(?:\bname\b|board member|^\s*members?\s*$|^\s*directors?\s*$|^\s*councillors?\s*$)",
    re.IGNORECASE,
)

# Fragments of PERSON: a capitalised word, and the titles minutes write before names.
_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"  # capitals of English and the Latin alphabets names arrive in
_WORD = rf"[{_UPPER}][^\W\d_'’\-]*(?:['’\-][^\W\d_]+)*"
_TITLE_WORDS = r"(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Dame)"

# A person's name as minutes write it: "Cllr Jane Doe", "J. Doe", "Dr Lee", "Anna van Dyke".
PERSON = re.compile(
    rf"(?:{_TITLE_WORDS}\.?[ \t]+)?{_WORD}(?:[ \t]+[{_UPPER}]\.?)*"
    rf"(?:[ \t]+(?:{_WORD}|van|de|der)\b)+"
    rf"|{_TITLE_WORDS}\.?[ \t]+{_WORD}"
    rf"|[{_UPPER}]\.(?:[ \t]*[{_UPPER}]\.)*[ \t]+{_WORD}"
)

# A name that opens with a title is a person's even when it reads like something else.
TITLED = re.compile(r"^(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Dame)\b")

# A sentence about the person just named: "She left the room for that item."
PRONOUN_START = re.compile(r"^\s*(?:she|he|they|the\s+member|the\s+chair)\b", re.IGNORECASE)

# Titles before a known member's name in a register's text (a fragment, used case-sensitively).
NAME_TITLE_PREFIX = (
    r"(?:(?:Cllr|Councillor|Dr|Prof|Professor|Sir|Dame|Mr|Mrs|Ms|Miss|Lord|Lady|Baroness)\.?\s+)*"
)

# A section heading that is one person's name (a board page's card), for the classifier.
PERSON_NAME_HEADING = re.compile(
    r"^(?:(?:cllr|councillor|dr|prof|professor|sir|dame|mr|mrs|ms|miss)\.? )?"
    r"[A-Z][a-z'’\-]+(?: [A-Z]\.?)?(?: [A-Z][A-Za-z'’\-]+){1,2}(?: (?:OBE|MBE|CBE|DL))*$"
)

# Titles that say a member's gender (BOARD-05): the site's own word, never a first name.
FEMALE_TITLES = frozenset({"mrs", "ms", "miss", "dame", "lady", "baroness"})
MALE_TITLES = frozenset({"mr", "sir", "lord", "baron"})

# Pronouns of a biography that uses one set repeatedly (BOARD-05).
SHE = re.compile(r"\b(?:she|her|hers|herself)\b", re.IGNORECASE)
HE = re.compile(r"\b(?:he|him|his|himself)\b", re.IGNORECASE)

# "ODUYA, Margaret – Chair": a surname in capitals, then the given names.
SURNAME_FIRST = re.compile(
    r"^(?P<surname>(?:Mc|Mac)?[A-Z][A-Z'’\-]+(?:\s+[A-Z][A-Z'’\-]+){0,2})\s*,\s*"
    r"(?P<given>[A-Z][a-z][\w'’\-]*(?:\s+[A-Z][a-z][\w'’\-]*)?)(?P<rest>(?:\s|$).*)$"
)

# An untitled capitalised pair is a person only when it does what people do in minutes.
PERSON_VERB = re.compile(
    r"[ \t]*(?:\([^)]*\)[ \t]*)?(?:declared|said|noted|welcomed|reported|asked|thanked|"
    r"presented|left|joined|confirmed|agreed|explained|updated|introduced|withdrew|"
    r"proposed|seconded|abstained|chaired|advised|highlighted|commented|took|did)\b"
)

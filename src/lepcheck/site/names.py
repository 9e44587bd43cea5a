"""People's names as LEP sites write them, and whether two spellings are one person.

The same board member appears as "Cllr Jane Smith" on the board page, "J. Smith" in minutes,
"SMITH, Jane Anne" in a register and "jane-smith-roi.pdf" as a file name. A register can only be
tied to a member (Ney 6.1: a register for each board member) when these are matched, and two
different people who share a surname must never be.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

TITLES = frozenset(
    {
        "cllr", "councillor", "cr", "dr", "doctor", "prof", "professor", "sir", "dame", "mr",
        "mrs", "ms", "miss", "mx", "rt", "hon", "honourable", "right", "the", "lord", "lady",
        "baroness", "baron", "rev", "revd", "reverend", "canon", "mayor", "alderman",
    }
)  # fmt: skip

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

_PARENTHESES = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_NOT_NAME_CHARS = re.compile(r"[^\w\s'’.\-]")
# A capitalised name token in any alphabet: "José", "Ó Súilleabháin", "McDonald", "J.".
_CAPITALISED = re.compile(r"^[^\W\d_][^\W\d_'’\-]*(?:['’\-][^\W\d_]+)*\.?$")
_LOWER_PARTICLES = frozenset(
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


@dataclass(frozen=True)
class PersonName:
    """A name reduced to what identifies the person: given names and surname, lower case."""

    given: tuple[str, ...]
    surname: str

    @property
    def key(self) -> str:
        return " ".join((*self.given, self.surname))


def _tokens(raw: str) -> list[str]:
    text = _PARENTHESES.sub(" ", raw)
    text = _NOT_NAME_CHARS.sub(" ", text.replace("’", "'"))
    return [t for t in re.split(r"\s+", text) if t]


def is_honour(token: str) -> bool:
    return token.lower().strip(".").replace(".", "") in HONOURS


def _is_title(token: str) -> bool:
    return token.lower().strip(".") in TITLES


def strip_titles_and_honours(raw: str) -> str:
    """'Cllr Jane Smith OBE DL' -> 'Jane Smith', keeping the writer's case."""
    text = raw.strip()
    # "Smith, Jane" (surname first) is common in registers; "Jane Smith, OBE" is not reversed.
    if text.count(",") == 1:
        before, after = (part.strip() for part in text.split(","))
        after_tokens = _tokens(after)
        if after_tokens and all(is_honour(t) for t in after_tokens):
            text = before
        elif after_tokens and len(_tokens(before)) == 1 and not is_honour(before):
            text = f"{after} {before}"
    tokens = _tokens(text)
    while tokens and _is_title(tokens[0]):
        tokens.pop(0)
    while tokens and (is_honour(tokens[-1]) or _is_title(tokens[-1])):
        tokens.pop()
    return " ".join(tokens).strip(" .-")


def display_name(raw: str) -> str:
    """A name as shown in the site model: titles and honours dropped, capitals restored."""
    tokens = strip_titles_and_honours(raw).split()
    shouting = all(t.isupper() or t.islower() for t in tokens)
    # "SMITH, Jane" and "JANE SMITH": surnames in capitals are a register convention.
    return " ".join(
        _capitalise(t) if shouting or (t.isupper() and len(t.strip(".")) > 2) else t for t in tokens
    )


def _capitalise(token: str) -> str:
    return "-".join(part[:1].upper() + part[1:].lower() for part in token.split("-"))


def _fold(text: str) -> str:
    """'Siân Álvarez' -> 'Sian Alvarez': registers and board pages differ in accents."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# Board members are matched against every register entry and declaration: parse each spelling
# once (bounded, as a hostile page can hold millions of name-like lines).
@lru_cache(maxsize=50_000)
def parse_name(raw: str) -> PersonName | None:
    tokens = [t.strip(".").lower() for t in _fold(strip_titles_and_honours(raw)).split()]
    tokens = [t for t in tokens if t]
    if not tokens:
        return None
    # Hyphenated or particle surnames ("Smith-Jones", "van der Berg") are compared joined.
    surname_parts = [tokens.pop()]
    while tokens and tokens[-1] in _LOWER_PARTICLES:
        surname_parts.insert(0, tokens.pop())
    surname = "".join(surname_parts).replace("-", "").replace("'", "")
    given: list[str] = []
    for token in tokens:
        # "J.A." or "JA" written as initials in minutes.
        if re.fullmatch(r"(?:[a-z]\.)+[a-z]?", token + "."):
            given.extend(c for c in token if c.isalpha())
        else:
            # "Ann-Marie" and "Annmarie" are one given name.
            given.append(token.replace("'", "").replace("-", ""))
    return PersonName(given=tuple(given), surname=surname)


def _given_score(a: str, b: str) -> float:
    if a == b:
        return 1.0
    if len(a) == 1 or len(b) == 1:
        return 0.75 if a[0] == b[0] else 0.0
    if b in SHORT_FORMS.get(a, frozenset()) or a in SHORT_FORMS.get(b, frozenset()):
        return 0.85
    shorter, longer = sorted((a, b), key=len)
    if len(shorter) >= 3 and longer.startswith(shorter):
        return 0.8  # "Chris" / "Christopher"
    return 0.0


def name_match(a: str, b: str) -> float:
    """Confidence (0..1) that two written names are the same person.

    Surnames must agree. Different full first names are different people ("Jane Smith" and
    "John Smith" score 0), an initial agreeing with a first name scores 0.75, an extra middle
    name costs a little, and a surname alone scores 0.5.
    """
    left, right = parse_name(a), parse_name(b)
    if left is None or right is None:
        return 0.0
    if left.key.replace(" ", "") == right.key.replace(" ", ""):
        return 1.0  # "Smith-Jones" and "Smith Jones": only the hyphen differs
    if left.surname != right.surname:
        # "C Okoye Bello" against "Chinedu Okoye-Bello": the spaced double surname.
        left, right = _double_surname(left, right.surname), _double_surname(right, left.surname)
    if left.surname != right.surname:
        return 0.0
    if not left.given or not right.given:
        return 0.5
    first = _given_score(left.given[0], right.given[0])
    if first == 0.0:
        return 0.0
    middles_left, middles_right = left.given[1:], right.given[1:]
    if not middles_left or not middles_right:
        # "Jane Anne Smith" and "Jane Smith": the second simply leaves the middle name out.
        return first * (1.0 if middles_left == middles_right else 0.95)
    for x, y in zip(middles_left, middles_right, strict=False):
        if _given_score(x, y) == 0.0:
            return 0.0
    return first


def _double_surname(name: PersonName, other_surname: str) -> PersonName:
    """The name with its last given name joined to its surname, when that gives the other
    name's (hyphenated) surname; else unchanged."""
    if name.given and name.given[-1] + name.surname == other_surname and len(name.given) > 1:
        return PersonName(given=name.given[:-1], surname=other_surname)
    return name


MATCH_THRESHOLD = 0.7


def match_keys(name: str) -> frozenset[str]:
    """Keys two names always share when `name_match` scores them above 0: the surname, the
    last given name joined to the surname (the spaced double surname), and all the tokens
    joined (for names that differ only in spacing). Names without one can never match."""
    parsed = parse_name(name)
    if parsed is None:
        return frozenset()
    keys = {f"surname {parsed.surname}", f"joined {parsed.key.replace(' ', '')}"}
    if parsed.given:
        keys.add(f"surname {parsed.given[-1]}{parsed.surname}")
    return frozenset(keys)


class NameIndex(tuple[str, ...]):
    """Names (a board's) that can be looked up by `match_keys` instead of one by one: matching
    each of thousands of register entries against each of thousands of members is quadratic
    (issue 11), while a person has only a handful of namesakes."""

    @cached_property
    def _positions(self) -> dict[str, list[int]]:
        positions: dict[str, list[int]] = {}
        for position, name in enumerate(self):
            for key in match_keys(name):
                positions.setdefault(key, []).append(position)
        return positions

    def could_match(self, name: str) -> list[str]:
        """The names `name_match` may score above 0 against `name`, in this index's order."""
        found: set[int] = set()
        for key in match_keys(name):
            found.update(self._positions.get(key, ()))
        return [self[position] for position in sorted(found)]


def best_match(name: str, candidates: Sequence[str]) -> tuple[str, float] | None:
    """The one candidate that `name` most likely is, or None when none or several fit equally."""
    if isinstance(candidates, NameIndex):
        # Every other candidate scores 0: below the threshold, and never a rival.
        candidates = candidates.could_match(name)
    scored = sorted(
        ((name_match(name, c), c) for c in candidates), key=lambda pair: pair[0], reverse=True
    )
    if not scored or scored[0][0] < MATCH_THRESHOLD:
        return None
    best_score, best = scored[0]
    rivals = [
        c for score, c in scored[1:] if score == best_score and parse_name(c) != parse_name(best)
    ]
    if rivals:
        return None  # two members "J. Smith" could be: do not pick one
    return best, best_score


def looks_like_person_name(text: str) -> bool:
    """Whether a short line reads as a person's name rather than a heading or organisation."""
    stripped = text.strip()
    if not stripped or len(stripped) > 60 or any(ch.isdigit() for ch in stripped):
        return False
    if re.search(r"[:;!?@/|•–—]", stripped):
        return False
    core = strip_titles_and_honours(stripped)
    tokens = core.split()
    if not 2 <= len(tokens) <= 5:
        return False
    if any(t.lower().strip(".,'") in NOT_NAME_WORDS for t in tokens):
        return False
    capitalised = [t for t in tokens if t.lower() not in _LOWER_PARTICLES]
    if core.isupper():
        return all(t.replace("-", "").replace("'", "").replace(".", "").isalpha() for t in tokens)
    return all(t[:1].isupper() and _CAPITALISED.match(t) for t in capitalised)


# A table column that holds people's names: "Name", "Board Member", "Director", "Member name".
NAME_HEADER = re.compile(
    r"^(?!.*(?:organi[sz]ation|company|project|scheme|business|employer|body|file))"
    r".*(?:\bname\b|board member|^\s*members?\s*$|^\s*directors?\s*$|^\s*councillors?\s*$)",
    re.IGNORECASE,
)

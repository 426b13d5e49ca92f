"""Naming the source: from the words of a mention to a resolved name and type.

Why a separate stage: the cue rules find *where* the speaker is mentioned;
this module decides *who* it is, as fully as the article allows.

Source types (decided by the head of the mention, in this order):

- ``outlet``: the mention resolves through the gazetteer ("the state-run TASS
  news agency", "AFP correspondents", "ТАСС"); ``source`` is the outlet's
  gazetteer name and ``source_outlet`` its id.
- ``group``: a common-noun mention whose head is plural or collective
  ("Observers", "Russian authorities", "Russian media", "sources in the
  camp", "women held in Ain Issa"); ``source`` is the mention as written.
- ``government``: a country or capital standing for its government
  ("Turkey", "Ankara"), a capitalised body whose name holds a government word
  ("Interior Ministry", "the Kremlin"), or a common-noun body
  ("the region's Kurdish-led administration"). "the ministry" becomes the
  latest capitalised "... Ministry" named before it.
- ``organization``: any other capitalised name holding an organisation word
  ("Syrian Observatory for Human Rights").
- ``unnamed``: a singular common-noun mention ("a Kurdish official", "one
  woman", "Turkey's defense minister", "Fatima's grandmother"), and a pronoun
  that cannot be resolved (kept as written).
- ``person``: any other capitalised name. Titles and roles before the name
  are cut at the last title word ("Russia's Defense Minister Sergei Shoigu"
  -> "Sergei Shoigu"); a lone surname becomes the latest full name with that
  surname before it ("Saratova" -> "Kheda Saratova"), allowing one typo in
  long surnames (the given names are taken, the surname kept as written).

``source_text`` is the mention with whitespace (newlines, NBSP) collapsed to
single spaces; ``source`` likewise.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from ..outlets import Gazetteer, fold
from ..tries import trie_regex
from . import cues

_WS = re.compile(r"\s+")
_CONTRACTION = re.compile(r"[’']")
_TOKEN = re.compile(r"\S+")
_DOCUMENT_BY = re.compile(
    r"^(?:(?:a|an|the)\s+)?(?:new\s+)?(?:report|statement|study|survey|analysis|assessment|estimate|poll|polling|research"
    r"|data|figure|statistic|record)s?"
    r"(?:\s+(?:released|published|compiled|issued|collected|gathered|conducted)"
    r"(?:\s+(?:on\s+)?[A-Z][a-z]+day|\s+(?:last|this|earlier\s+this)\s+[a-z]+)?)?"
    r"\s+(?:by|from)\s+(.+)$",
    re.I,
)
def names_author(mention: str) -> bool:
    """Is the mention a document and who put it out ("a report by Gallup",
    "data released Wednesday by the CDC"), which ``classify`` reads as its
    author?"""
    return _DOCUMENT_BY.match(mention) is not None


_RELEASED = re.compile(r"\s+(?:released|published|conducted|out|issued|made\s+public)\b")
#: "... by YouGov for the Times": the outlet that commissioned the work.
_FOR_OUTLET = re.compile(r"\s+for\s+(?=(?:the\s+)?[^\W\d_])", re.I)
_UPPER = "".join(c for c in map(chr, range(0x2000)) if c.isupper() and c.isalpha())
_LOWER_WORD = re.compile(r"(?<![\w’'])[a-z][a-z’'\-]*")
_LOWER_TAIL = frozenset("abcdefghijklmnopqrstuvwxyz’'-")
# (Possessive quantifiers: giving characters back never lets a run match,
# and not trying saves a sixth of the scan.)
_CAP = r"(?:[^\w\s]|[\d_])*+[" + re.escape(_UPPER) + r"]\S*+"
#: The first token of a run is _CAP written to open with one character
#: class, anything but a space or a lower-case letter: ``re`` then skips
#: to the next such character in C instead of trying the pattern at every
#: position (the run scan takes 82 instead of 119 ms over 300 PolNeAR
#: articles, with the particles below, the same matches).
_CAP_FIRST = (
    r"[^\s" + re.escape("".join(c for c in map(chr, range(0x2000)) if c.isalpha() and not c.isupper())) + r"]"
    r"(?<!\S.)(?:(?<=[" + re.escape(_UPPER) + r"])|(?<![^\W\d_])(?:[^\w\s]|[\d_])*+[" + re.escape(_UPPER) + r"])\S*+"
)
_RUN_PART = r"(?i:" + trie_regex(sorted(cues.NAME_PARTICLES)) + r"|(?:al|el|bin|ibn)-\S*+)"
_RUN_SEP = r"(?=\s)[^\S\n]*\n?[^\S\n]*"
_NO_STOP = r"(?<![,.;:!?)\]”\"])"
_RUN_TOKEN = r"(?:" + _CAP + r"|" + _RUN_PART + r")"
#: Two or more capitalised tokens or particles in a row (a candidate name).
#: (The look-ahead after the first token fails a lone capitalised word
#: once, not twice, first in the loop and then in the last token: 15% of
#: the scan.)
_RUN = re.compile(
    _CAP_FIRST + _NO_STOP + r"(?=" + _RUN_SEP + _RUN_TOKEN + r"(?!\S))"
    + r"(?:" + _RUN_SEP + _RUN_TOKEN + _NO_STOP + r"(?!\S))*" + _RUN_SEP + _RUN_TOKEN + r"(?!\S)"
)
_EDGE_PUNCT = " \t\n,;:.!?()[]{}\"“”‘’'«»—–-"
_OPENING_MARKS = "\"“”‘’'«»(["


def collapse(s: str) -> str:
    """Whitespace runs (incl. newlines and NBSP) as single spaces, stripped."""
    return _WS.sub(" ", s).strip()


@functools.lru_cache(maxsize=1 << 16)
def bare(word: str) -> str:
    """A token without surrounding punctuation or a possessive ending."""
    w = word.strip(_EDGE_PUNCT)
    # (Trailing apostrophes went with the punctuation; "’s" remains.)
    if len(w) > 2 and w[-1] == "s" and w[-2] in "’'":
        return w[:-2]
    return w


def is_capitalised(word: str) -> bool:
    """Does the word start like a name: an upper-case letter, or a letter of
    a script without case (新华社, الجزيرة), or an Arabic article before a
    capital ("al-Hassan", "el-Sisi")?"""
    for i, c in enumerate(word):
        if c.isalpha():
            if c.isupper() or not c.islower():
                return True
            return _ARTICLE_NAME.match(word, i) is not None
    return False


#: "al-Assad", "el-Sisi", "bin-Salman": a name after an Arabic article.
_ARTICLE_NAME = re.compile(r"(?:al|el|ad|as|ash|at|az|bin|ibn|abu)-[A-Z]")


def before_apostrophe(word: str) -> str:
    """The word before a contraction ("I'll" -> "I", "we’re" -> "we")."""
    return _CONTRACTION.split(word, 1)[0]


def is_particle(word: str) -> bool:
    w = word.lower()
    return w in cues.NAME_PARTICLES or w.startswith(("al-", "el-", "bin-", "ibn-"))


def _verb_opener(word: str) -> bool:
    """Is this capitalised word a verb, not a first name ("Does", "Said",
    "Asserting", "Given")? A name run opening a question or a headline."""
    low = word.lower()
    return low in cues.FINITE_BLOCKERS or low in ("said", "says", "see", "given") or (
        len(low) > 5 and low.endswith("ing") and gender_of(word) is None
    )


def is_possessive(word: str) -> bool:
    """"Russia's", "Sanders’" (a plural or s-final possessive)."""
    w = word.rstrip(",;:")
    return w.endswith(("’s", "'s")) or (len(w) > 2 and w[-1] in "’'" and w[-2] in "sS")


def is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return 1 < len(letters) <= 6 and all(c.isupper() for c in letters)


def is_title(word: str) -> bool:
    return bare(word).lower().rstrip(".") in cues.TITLE_WORDS


_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())


#: What follows a company's name and never a person's: a corporate suffix,
#: its chief executive or staff, or its shares or stock doing something
#: ("Nvidia shares fell"; not "Trump shares a view").
_COMPANY_TAIL = (
    r"(?:[’']s)?[ \u00a0]+(?:Inc\b|Corp\b|Corporation\b|Co\.|Ltd\b|LLC\b|PLC\b|plc\b|AG\b|SE\b|N\.V\.|"
    r"Holdings\b|Platforms\b|share[ \u00a0]+price\b|(?:CEO|chief[ \u00a0]+executive|employees|headquarters)\b|"
    r"(?:shares|stock)[ \u00a0]+(?:fell|rose|slid|slipped|sank|dropped|jumped|"
    r"climbed|gained|lost|tumbled|soared|surged|plunged|closed|ended|traded|were|are|have|had|has|was|is)\b)"
)

_COMPANY = re.compile(r"(?<![\w.\-])([A-Z][\w&\-]*)" + _COMPANY_TAIL)
#: The words of a tail, found first: they are rare, capitalised words are not.
#: (Every alternative of _COMPANY_TAIL must contain one of them.)
_COMPANY_WORDS = (
    "Inc", "Corp", "Co.", "Ltd", "LLC", "PLC", "plc", " AG", " SE", "N.V.", "Holdings", "Platforms", "share", "stock",
    "CEO", "chief executive", "employees", "headquarters",
)

#: An acronym: three to six capitals, or letters with an ampersand or
#: dots ("CDC", "AT&T", "U.N.").
_ACRONYM = re.compile(r"^(?:[A-Z]{3,6}|[A-Z]&[A-Z]|(?:[A-Z]\.){2,4})$")  # (not "VP", "TV")

#: Kinds of body named just before a one-word name ("the militant group
#: Hezbollah", "the company Nvidia", "rights group Memorial").
_BODY_KINDS = (" group ", " company ", " firm ", " movement ", " militia ", " organization ", " organisation ")
_NAME_AFTER_KIND = re.compile(r"([A-Z][\w&\-]+)(?=[\s,.;:)]|[’']s\b)(?![ \u00a0]+[A-Z])")

#: Words that make a title another office: "Vice President", "former Governor".
_COMPOUND_TITLE = frozenset("vice former deputy ex acting interim assistant associate lieutenant".split())

#: "Mr. Trump", "Mrs Clinton", "Ms. Lee": a title and the surname it genders.
_TITLED_SURNAME = re.compile(r"M(rs?|s)\.?[ \u00a0]+([A-Z][\w’'\-]+)")  # (a literal first: a fast scan)
_MALE_TITLES = frozenset("mr mr.".split())
_FEMALE_TITLES = frozenset("mrs mrs. ms ms. miss".split())


def name_gender(tokens: list[str]) -> str | None:
    """"male", "female" or None, read off a title ("Mr.", "Mrs.") or a
    common first name ("Hillary Clinton") of a personal name."""
    for t in tokens:
        low = t.lower()
        if low in _MALE_TITLES:
            return "male"
        if low in _FEMALE_TITLES:
            return "female"
    first = bare(strip_titles(tokens)[0]).lower() if tokens else ""
    if first in cues.FEMALE_FIRST_NAMES:
        return "female"
    if first in cues.MALE_FIRST_NAMES:
        return "male"
    return None


@functools.lru_cache(maxsize=1 << 12)
def gender_of(name: str) -> str | None:
    """``name_gender`` of a name as one string (memoised: pronouns ask it of
    the same candidates again and again)."""
    return name_gender(name.split())


def strip_titles(tokens: list[str]) -> list[str]:
    """The name after the last title, possessive or acronym qualifier (a
    title word before a suffix is the name's: "Martin Luther King Jr.")."""
    cut = 0
    for i, t in enumerate(tokens[:-1]):
        rest = tokens[i + 1 :]
        if i and _body_word(t) and is_title(tokens[i - 1]) and 2 <= len(rest) <= 3 and all(
            is_capitalised(x) and not is_title(x) and not _body_word(x) for x in rest
        ):
            cut = i + 1  # "Chief of the General Staff Valery Gerasimov": the body ends the title
            continue
        if is_title(t) or is_possessive(t) or (is_acronym(t) and i + 1 < len(tokens) and is_title(tokens[i + 1])) or (
            i == 0 and len(tokens) >= 3 and bare(t).lower() in cues.ROLE_NOUNS and is_capitalised(tokens[1])
            and not any(bare(x).lower() in cues.ORG_WORDS for x in tokens) and not bare(tokens[-1]).isupper()
        ):  # "Columnist George Will", "Pollster Ann Selzer" (not "Conservative Solutions PAC")
            if not all(bare(x).lower().rstrip(",") in _SUFFIXES for x in tokens[i + 1 :]) and not (
                i + 2 == len(tokens) and _body_word(tokens[-1])
            ):  # (not "General Staff", "Foreign Ministry": a title word naming a body)
                cut = i + 1
    return tokens[cut:]


def _body_word(word: str) -> bool:
    """A word that ends the name of a body ("Staff", "Ministry", "Office")."""
    low = bare(word).lower()
    return low in cues.ORG_WORDS or low in ("staff", "staffs", "chiefs")


def trailing_name_run(tokens: list[str]) -> list[str]:
    """The maximal run of capitalised tokens (with inner particles) at the end."""
    i = len(tokens)
    while i > 0:
        t = tokens[i - 1]
        if is_capitalised(t) and bare(t).lower() not in cues.NOT_NAMES - {"may", "jun"}:  # ("Theresa May", "Ai Jun")
            i -= 1
        elif is_particle(t) and i < len(tokens) and i - 1 > 0 and any(
            is_capitalised(x) for x in tokens[max(0, i - 3) : i - 1]
        ):
            i -= 1
        else:
            break
    while i < len(tokens) and is_particle(tokens[i]) and not is_capitalised(tokens[i]):
        i += 1
    return tokens[i:]


def edit_distance_le1(a: str, b: str) -> bool:
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :] or (len(a) == len(b) and a[i + 1 :] == b[i + 1 :])


@functools.lru_cache(maxsize=1 << 16)
def _run_token_kind(tok: str) -> int:
    """1: a word of a name ("Trump", "Saratova,"); 2: a particle ("al",
    "de"); 0: neither ("The", "But"). Memoised: the same tokens recur."""
    if is_capitalised(tok) and (bare(tok) if "’" in tok or "'" in tok else tok.strip(_EDGE_PUNCT)).lower() not in cues.NOT_NAMES:
        return 1
    return 2 if is_particle(tok) else 0


@dataclass
class NameIndex:
    """Capitalised runs of a document, to expand surnames and "the ministry"."""

    runs: list[tuple[int, list[str]]] = field(default_factory=list)
    lowercase_words: set[str] = field(default_factory=set)

    @classmethod
    def build(cls, text: str) -> NameIndex:
        # One regex finds the stretches of two or more capitalised tokens
        # (and particles) separated by spaces or one line break, the inner
        # ones not ending in punctuation; the loop then only splits them at
        # capitalised words that are not names ("The", "But").
        runs: list[tuple[int, list[str]]] = []
        for m in _RUN.finditer(text):
            cur: list[str] = []
            cur_start = 0
            for t in _TOKEN.finditer(text, m.start(), m.end()):
                tok = t.group(0)
                kind = _run_token_kind(tok)
                if kind == 1 or (cur and kind == 2):
                    if not cur:
                        cur_start = t.start()
                    cur.append(tok)
                else:
                    if cur:
                        runs.append((cur_start, cur))
                    cur = []
            if cur:
                runs.append((cur_start, cur))
        cleaned = []
        for start, toks in runs:
            if len(toks) < 2:
                continue  # a lone capitalised word names nobody in full
            while toks and is_particle(toks[-1]) and not is_capitalised(toks[-1]):
                toks = toks[:-1]
            if toks:
                words = [bare(t) if i == len(toks) - 1 else t.strip(",;:") for i, t in enumerate(toks)]
                lead = len(words[0]) - len(stripped := words[0].lstrip(_OPENING_MARKS))
                words[0] = stripped  # "''Donald Trump" opening a quotation is "Donald Trump"
                cleaned.append((start + lead, words))
        index = cls(cleaned)
        index._text = text  # the lower-case vocabulary is read on first use
        return index

    def __post_init__(self) -> None:
        self._indexed = False
        self._text = ""
        self._title_gender: dict[str, str] | None = None  # surname -> the one gender its titles give
        self._companies: set[str] | None = None  # words the text writes as a company's name
        self._titled: dict[str, tuple[int, list[str]] | None] = {}  # title -> the first run naming a person with it

    def _index(self) -> None:
        self._indexed = True
        # Indexes so that every lookup is a dict access plus a bisect, which
        # keeps a megabyte of text linear: surname -> [(start, full name)],
        # head word -> [(start, body name)].
        # (Runs are keyed by their last word; titles are stripped and
        # organisations dropped only for the few surnames looked up.)
        self._runs_by_last: dict[str, list[tuple[int, list[str]]]] = {}
        for start, toks in self.runs:
            if len(toks) >= 2:
                self._runs_by_last.setdefault(bare(toks[-1]).casefold(), []).append((start, toks))
                if "of" in toks[2:-1]:  # "Senator Ted Cruz of Texas" also names "Ted Cruz"
                    k = toks.index("of", 2)
                    head = [*toks[: k - 1], bare(toks[k - 1])]
                    self._runs_by_last.setdefault(bare(toks[k - 1]).casefold(), []).append((start, head))
        # (Runs come in text order, so every list is sorted by start.)
        self._by_surname: dict[str, list[tuple[int, list[str]]]] = {}

    def _surname_entries(self, key: str) -> list[tuple[int, list[str]]]:
        """Full personal names ending in ``key``, in text order."""
        entries = self._by_surname.get(key)
        if entries is None:
            entries = []
            for start, toks in self._runs_by_last.get(key, ()):
                name = strip_titles(toks)
                if len(name) >= 2 and not any(
                    (low := bare(t).lower()) in cues.ORG_WORDS or low in cues.SOURCE_NOUNS or t in ("and", "&", "of", "for", "the")
                    for t in name[:-1]
                ) and bare(name[-1]).lower() not in cues.ORG_WORDS:  # (not "Florida Republicans Jolly")
                    entries.append((start, name))
            self._by_surname[key] = entries
        return entries

    @staticmethod
    def _latest(entries: list, before: int):
        entry = NameIndex._latest_entry(entries, before)
        return entry[1] if entry else None

    @staticmethod
    def _latest_entry(entries: list, before: int):
        """The last (start, tokens) entry starting before ``before``."""
        i = bisect.bisect_left(entries, before, key=lambda e: e[0])
        return entries[i - 1] if i > 0 else None

    def full_name(self, surname: str, before: int, gender: str | None = None) -> str:
        """The latest full name before ``before`` ending in ``surname``; in
        the first line (a headline), with none before, the first after: the
        headline's "Macron" is the "Emmanuel Macron" of the lede. With a
        ``gender`` (from "Mr." or "Mrs."), names of the other are passed
        over: "Mr. Clinton" after "Hillary Clinton" is not she."""
        if not self._indexed:
            self._index()
        key = bare(surname).casefold()
        entries = self._surname_entries(key)
        if gender is not None:
            entries = [e for e in entries if gender_of(" ".join(e[1])) in (None, gender)]
        if entries:
            name = self._latest(entries, before)
            if name is not None and _verb_opener(name[0]):
                # "Does Rubio", "Asserting Clinton" (a sentence or headline
                # opening with a verb) after "Marco Rubio": the latest name
                # that opens with a name.
                names = [e[1] for e in entries if e[0] < before and not _verb_opener(e[1][0])]
                name = names[-1] if names else name
            if name is None and "\n" not in self._text[:before] and entries[0][1][0][:1].isalpha():
                name = entries[0][1]
            if name is not None:
                return " ".join([*name[:-1], bare(name[-1])])
        if len(key) >= cues.FUZZY_SURNAME_MIN:
            best: tuple[int, list[str]] | None = None
            for other in list(self._runs_by_last):
                if other[:1] != key[:1] or abs(len(other) - len(key)) > 1 or not edit_distance_le1(other, key):
                    continue
                ents = self._surname_entries(other)
                i = bisect.bisect_left(ents, before, key=lambda e: e[0])
                if i > 0 and (best is None or ents[i - 1][0] > best[0]):
                    best = ents[i - 1]
            if best is not None:
                return " ".join([*best[1][:-1], bare(surname)])
        return bare(surname)

    def gender(self, name: str) -> str | None:
        """``gender_of`` a name, else the gender of the titles the text gives
        its surname ("Mr. Trump" makes "Trump" male; with "Mr. Clinton" and
        "Mrs. Clinton" both in the text, "Clinton" is neither)."""
        found = gender_of(name)
        if found is not None or not name:
            return found
        if self._title_gender is None:
            # One pass over the text: surname -> the genders its titles give.
            seen: dict[str, set[str]] = {}
            t = self._text
            for m in _TITLED_SURNAME.finditer(t):
                if m.start() and (t[m.start() - 1].isalnum() or t[m.start() - 1] == "_"):
                    continue  # inside a word ("HMS Victory")
                seen.setdefault(m.group(2), set()).add("male" if m.group(1) == "r" else "female")
            self._title_gender = {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}
        return self._title_gender.get(bare(name.split()[-1]))

    def titled_person(self, title: str, before: int) -> str | None:
        """The person the text names with ``title`` ("Governor Vyacheslav
        Gladkov", "President Obama", "Pope Francis" for "the governor", "the
        president", "the pope"): the first the text names so (a story
        introduces its principal first: "Pope Francis" before "Pope John
        Paul II"), before ``before`` or, in the first line (a headline:
        "..., governor says"), after it. Not a compound title ("Vice
        President Joseph R. Biden", "former President Bill Clinton")."""
        if title not in self._titled:
            self._titled[title] = self._first_titled(title)  # one scan per title, not per mention
        first = self._titled[title]
        if first is None:
            return None
        start, name = first
        if start < before or self._text.find("\n", 0, before) < 0:
            return " ".join(name) if len(name) > 1 else self.full_name(name[0], start)
        return None

    def _first_titled(self, title: str) -> tuple[int, list[str]] | None:
        """(start, name) of the first run naming a person with ``title``."""
        for start, toks in self.runs:
            low = [t.lower().rstrip(".") for t in toks]
            if title not in low[:-1]:
                continue  # (also "President," before a quotation mark: punctuation ends the title)
            k = low.index(title)
            if k > 0 and low[k - 1] in _COMPOUND_TITLE:
                continue
            name = strip_titles(toks[k + 1 :])
            cut = next((i for i, t in enumerate(name) if is_possessive(t)), None)
            if cut is not None:
                name = name[: cut + 1]  # "President Obama's America"
            if name and all(is_capitalised(t) or is_particle(t) for t in name):
                return start, [*name[:-1], bare(name[-1])]
        return None

    def is_company(self, word: str) -> bool:
        """Does the text write ``word`` as a body's name somewhere: after its
        kind ("the militant group Hezbollah"), or as a company's, before
        a corporate suffix, its moving shares, its chief executive or staff
        ("Nvidia Corp", "Apple Inc.", "Nvidia shares fell", "Microsoft CEO
        Satya Nadella", "Amazon employees")? A person's name never is."""
        return word in self._company_names()

    def _company_names(self) -> set[str]:
        """The names ``is_company`` accepts, found once per text."""
        if self._companies is None:
            # One scan for the tails (rare words), then the word before each.
            t = self._text
            found = set()
            for tail in _COMPANY_WORDS:  # (str.find: a regex over the whole text cost 2% of extraction)
                at = t.find(tail)
                while at >= 0:
                    window = t[max(0, at - 60) : at + len(tail) + 12]
                    found.update(c.group(1) for c in _COMPANY.finditer(window))
                    at = t.find(tail, at + len(tail))
            for kind in _BODY_KINDS:  # "the militant group Hezbollah", "the company Nvidia"
                at = t.find(kind)
                while at >= 0:
                    named = _NAME_AFTER_KIND.match(t, at + len(kind))
                    if named is not None:
                        found.add(named.group(1))
                    at = t.find(kind, at + len(kind))
            self._companies = found
        return self._companies

    def labels_speaker(self, word: str, pos: int) -> bool:
        """Is ``word`` at ``pos`` a transcript's speaker label ("RAMOS:")?"""
        at = self._text.find(word, pos, pos + 200)
        return at >= 0 and self._text[at + len(word) : at + len(word) + 1] == ":"

    def in_capitals(self, pos: int) -> bool:
        """Is the line around ``pos`` written in capitals (a shouted
        headline, where a name is an acronym's shape)?"""
        t = self._text
        line = t[t.rfind("\n", 0, pos) + 1 : (end if (end := t.find("\n", pos)) >= 0 else len(t))]
        letters = [c for c in line[:300] if c.isalpha()]
        return bool(letters) and sum(c.isupper() for c in letters) > 0.8 * len(letters)

    def latest_company(self, before: int) -> str | None:
        """What "the company" or "the chipmaker" stands for: the one company
        (``is_company``) the text names, when it names it before ``before``.
        With two or more, the antecedent may be a company the text gives no
        sign of ("Trump said of Apple ..., when the company balked", in a
        story that also names "V F Corp."): none."""
        companies = self._company_names()
        if len(companies) != 1:
            return None
        (name,) = companies
        return name if len(name) > 1 and self._text.rfind(name, 0, before) >= 0 else None

    def latest_body(self, head: str, before: int) -> str | None:
        """The latest capitalised name ending in ``head`` ("Foreign Ministry")."""
        if not self._indexed:
            self._index()
        entries = self._runs_by_last.get(head.casefold())
        entry = self._latest_entry(entries, before) if entries else None
        if entry is None:
            return None
        start, found = entry
        # A body's name goes on after "of" ("the Illinois Board of Elections"),
        # where a person's stops ("Senator Ted Cruz of Texas"): the whole run.
        k = bisect.bisect_left(self.runs, start, key=lambda r: r[0])
        if k < len(self.runs) and self.runs[k][0] == start and self.runs[k][1][len(found) : len(found) + 1] == ["of"]:
            whole = self.runs[k][1]
            return " ".join([*whole[:-1], bare(whole[-1])])
        return " ".join(found)

    def is_common_word(self, word: str) -> bool:
        """Does the word also occur in lower case (so it is not a name)?

        A lower-case token of the text is ``[a-z][a-z’'-]*`` standing alone;
        the few words asked about are looked up with ``find``.
        """
        w = word.lower()
        if self.lowercase_words:
            return w in self.lowercase_words
        t = self._text
        if not t or not _LOWER_WORD.fullmatch(w):
            return False
        i = t.find(w)
        while i >= 0:
            j = i + len(w)
            if (i == 0 or not (t[i - 1].isalnum() or t[i - 1] in "_’'")) and (j >= len(t) or t[j] not in _LOWER_TAIL):
                return True
            i = t.find(w, i + 1)
        return False


@dataclass
class Source:
    source: str | None
    source_text: str
    source_type: str
    source_outlet: str | None = None
    pronoun: bool = False


def _common_type(head: str) -> str:
    h = head.lower()
    if h in cues.GOVERNMENT_NOUNS:
        return "government"
    if h in cues.GROUP_NOUNS or (h.endswith("s") and not h.endswith("ss")):
        return "group"
    if h in cues.ORG_WORDS:
        return "government" if h in cues.GOVERNMENT_WORDS else "organization"  # "the church", "the ministry"
    return "unnamed"


_INDEFINITE = frozenset("a an one another".split())
#: A party and state tag after a politician's name: ", D-Calif", "(R-Texas)".
_PARTY_TAG = re.compile(r",?\s*\(?\b[RDI]-[A-Z][\w.]*\)?$")


def _person_name(tokens: list[str]) -> str:
    """The name as written, without a possessive ending."""
    return " ".join(bare(t) if i == len(tokens) - 1 else t for i, t in enumerate(tokens))


def _is_role(word: str) -> bool:
    """A title or role before a name: "spokesman", "executive", "member"."""
    w = bare(word).lower()
    return is_title(word) or w in cues.ROLE_NOUNS or w in cues.SOURCE_NOUNS


def _speaks(w: str) -> bool:
    """A common noun heading a source with a tail ("sources in the camp")."""
    return w in cues.SOURCE_NOUNS or (w[-1:] == "s" and w[:-1] in cues.ROLE_NOUNS)


def _outlet_short_form(word: str, text: str, gaz: Gazetteer, names: NameIndex, pos: int) -> Source | None:
    """The outlet a newspaper's short form names, "the Post", "the Journal",
    "the Times": the latest name before ``pos`` ending in ``word``, when the
    gazetteer knows it as an outlet ("The Washington Post", "The Wall Street
    Journal") or it reads as one ("The Denver Post": an outlet's last word,
    no first name), so the short form follows the article, not a guess."""
    full = names.full_name(word, pos)
    if full == bare(word):
        return None
    outlet = gaz.resolve(full)
    if outlet is not None:
        return Source(outlet.name, text, "outlet", source_outlet=outlet.id) if outlet.kind in _NEWS_KINDS else None
    if _reads_as_outlet(full.split()):
        return Source(full, text, "outlet")
    return None


#: Gazetteer kinds whose names have a short form ("the Post").
_NEWS_KINDS = frozenset({"newspaper", "magazine", "online", "broadcaster"})


def _reads_as_outlet(run: list[str], after_the: bool = False) -> bool:
    """A name of two words or more ending in an outlet's word ("Al Qahera
    News TV", "Denver Post"), not a person's ("Emily Post"): no first name
    opens it, unless "the" stands before it ("The Charlotte Observer")."""
    return len(run) >= 2 and bare(run[-1]).lower() in cues.OUTLET_NAME_ENDINGS and is_capitalised(run[-1]) and (
        after_the or name_gender(run) is None
    )


#: Capitalised words that open a share of a group, not a name ("Majorities
#: of Democrats", "None of the Murdochs", "Members of Congress").
_SHARE_HEADS = frozenset(
    "majority majorities most many some none half all both few several members supporters thousands hundreds "
    "dozens millions".split()
)


def classify(mention: str, gaz: Gazetteer, names: NameIndex, pos: int) -> Source | None:
    """Name and type the source a mention refers to (None: not a source)."""
    text = collapse(mention).strip(" ,;:.")
    if text[:1] in _OPENING_MARKS:
        text = text.strip(_OPENING_MARKS + " ,;:.")  # (quotation marks around a mention are no part of it)
    untagged = _PARTY_TAG.sub("", text) if "-" in text[-14:] else text
    if untagged and untagged != text:
        # "Rep. Maria Lopez, D-Calif.": the name without the tag, the mention with it.
        found = classify(untagged, gaz, names, pos)
        if found is not None:
            found.source_text = text
        return found
    tokens = text.split()
    if not tokens:
        return None
    low = [bare(t).lower() for t in tokens]
    if len(tokens) > 1 and low[0] in ("what", "whatever", "which", "whom"):
        return classify(" ".join(tokens[1:]), gaz, names, pos)  # "what Obama says", "which friends described": Obama, friends
    if len(tokens) == 1 and low[0] in cues.PRONOUNS:
        return Source(None, text, cues.PRONOUNS[low[0]], pronoun=True)
    first = before_apostrophe(low[0])  # "I’ll", "we're", "I've", "You’ll"
    if len(tokens) > 1 and tokens[0] == "US":
        first = ""  # the country ("US Senator Jeff Sessions"), not "us"
    if first in cues.FIRST_PERSON or first == "you" or (len(low) > 1 and low[0] in cues.DETERMINERS and low[1] in cues.FIRST_PERSON):
        return None
    # "a report by the Institute ...": the author of the document speaks.
    m = _DOCUMENT_BY.match(text)
    if m:
        author = _RELEASED.split(m.group(1), 1)[0]  # "... Law School released Wednesday"
        cut = _FOR_OUTLET.search(author)
        if cut and gaz.resolve(author[cut.end() :]) is not None:
            author = author[: cut.start()]  # not "the Institute for the Study of War"
        inner = classify(author, gaz, names, pos)
        if inner is not None:
            inner.source_text = text
            if inner.source_type == "person" and any(w.startswith(("poll", "survey")) for w in low[:3]):
                inner.source_type = "organization"  # pollsters: "a poll by YouGov"
            return inner
    content = 1 if low[0] in {"the", "a", "an", "one", "another", "some", "several", "many", "two", "three"} else 0
    run = trailing_name_run(tokens)
    lead = len(tokens) - len(run) - 1 if run else -1  # the word before the name run, if any
    if "of" in run[2:]:
        # "Professor Mark Ellis of King's College London", "Dan McLaughlin of
        # National Review": the person before "of" (not "Bank of America",
        # "Secretary of State John Kerry").
        head = run[: run.index("of", 2)]
        if not any(bare(t).lower() in cues.ORG_WORDS for t in head) and len(strip_titles(head)) >= 2 and (
            head[0].lower() not in cues.DETERMINERS and gaz.resolve(" ".join(head)) is None
        ):
            run = head  # (it starts where it did: ``lead`` stays)
    lead_word, lead_low = (tokens[lead], low[lead]) if lead >= 0 else ("", "")
    run_name = " ".join(bare(t) for t in run)
    # "sources in the camp", "women held in ...": a noun head with a tail;
    # but "Kremlin spokesman Dmitry Peskov" is the person after the role.
    head = content  # past a modifier or two: "protest organizers in Cleveland"
    while head < min(content + 3, len(tokens) - 2) and not _speaks(low[head]) and low[head].isalpha() and (
        tokens[head].islower() or head == 0 or (low[head - 1] == "of" and low[head].endswith(cues.NATIONALITY_SUFFIXES))
    ):
        head += 1  # (and a nationality: "Dozens of Russian women in a camp")
    if (
        head < len(tokens) - 1
        and _speaks(low[head]) and (head == content or tokens[head].islower())
        and not is_capitalised(tokens[head + 1])
        and (low[head + 1] in cues.NOUN_TAIL_WORDS or low[head + 1].endswith("ed"))  # not "government insider"
        and not (
            lead_word and (
                (len(run) >= 2 and _is_role(lead_word))
                or (lead_low not in cues.NOUN_TAIL_WORDS and gaz.resolve(" ".join(run)) is not None)
            )
        )  # a role, then a name ("Kremlin spokesman Dmitry Peskov", "the official news agency KCNA")
        and not (len(run) == len(tokens) and 2 <= len(strip_titles(run)) <= 3 < len(run))
        # (a capitalised title with its body, then a name: "Chief of the General Staff Valery Gerasimov")
    ):
        return Source(text, text, _common_type(low[head]))
    if run and len(run) >= len(tokens) - 1 and (
        run_name.lower() in cues.POLLSTERS or (len(run) > 1 and bare(run[-1]).lower() in cues.EVIDENCE_NOUNS)
    ):
        return Source(run_name, text, "organization")  # "Gallup", "the Pew Research Center", "A Morning Consult Poll"
    # "the Post" after "The Washington Post"; asked before the gazetteer, so
    # that "the Times" after "The Moscow Times" is not the New York Times.
    if len(run) == 1 and low[0] == "the" and len(tokens) == 2 and (short := _outlet_short_form(run[0], text, gaz, names, pos)):
        return short
    outlet = gaz.resolve(text)
    if outlet is not None:
        person = strip_titles(run) if run else []
        if outlet.kind == "social" and lead_low in cues.CHANNEL_NOUNS and gaz.resolve(" ".join(run)) is None:
            # "The Telegram channel Baza": the channel speaks, not the platform.
            return Source(run_name, text, "organization")
        if not (len(person) >= 2 and gaz.resolve(" ".join(person)) is None):
            return Source(outlet.name, text, "outlet", source_outlet=outlet.id)
    if lead_low in cues.ORG_WORDS and lead_word.islower():
        return Source(run_name, text, "organization")  # "rights group OVD-Info"
    if run and run_name.lower() in cues.GOVERNMENT_SEATS and len(run) >= len(tokens) - 1:
        return Source(run_name, text, "government")  # "Downing Street", "the White House"
    if not run or (len(run) == 1 and (bare(run[0]).lower() in cues.SOURCE_NOUNS or bare(run[0]).lower() in cues.EVIDENCE_NOUNS)):
        head = bare(tokens[-1])
        kind = _common_type(head)
        if kind == "unnamed" and len(tokens) <= 2 and low[-1] in cues.NAMED_TITLES and (len(tokens) == 1 or low[0] == "the"):
            person = names.titled_person(low[-1], pos)
            if person is not None:
                return Source(person, text, "person")  # "the governor" -> Governor Vyacheslav Gladkov
        if (kind == "government" or low[-1] in cues.NAMED_BODIES) and low[0] == "the" and len(tokens) == 2:
            body = names.latest_body(head, pos)  # "the ministry" -> Foreign Ministry, "the foundation" -> Clinton Foundation
            if body and " and " not in body:
                return Source(body, text, kind)
        if low[-1] in cues.COMPANY_EPITHETS and low[0] == "the" and len(tokens) == 2:
            company = names.latest_company(pos)  # "Nvidia shares fell after the chipmaker said"
            if company is not None:
                return Source(company, text, "organization")
        if low[-1] in cues.ORG_WORDS and tokens[-1].islower() and any(is_capitalised(t) for t in tokens[content:-1]):
            # "The IG Metall union", "the Kremlin-backed United Russia party": a named body.
            return Source(text, text, "government" if low[-1] in cues.GOVERNMENT_WORDS else "organization")
        return Source(text, text, kind)
    run_low = [bare(t).lower() for t in run]
    if len(run) == 1 and (run_low[0] in cues.PLACES or fold(run[0]) in cues.PLACES):
        return Source(bare(run[0]) if run == tokens else text, text, "government")
    if low[0] in _INDEFINITE and len(run) < len(tokens) and is_title(run[-1]):
        return Source(text, text, "unnamed")  # "one Conservative MP": no name ends in a title
    if run and all(is_title(t) for t in run) and not (len(run) == 1 and names.full_name(run[0], pos) != bare(run[0])):
        # "Mayor defends ...", "the President": a title names nobody (but
        # "Major" after "John Major" is his surname).
        return Source(text, text, "unnamed")
    titled = strip_titles(run)
    if 2 <= len(titled) < len(run) and not any(bare(t).lower() in cues.ORG_WORDS for t in titled):
        # "Army Lt. Gen. Mick Bednarek", "Interior Ministry spokesman Ivan Petrov": a person
        return Source(_person_name(titled), text, "person")
    if any(w in cues.ORG_WORDS or (w[-1:] == "s" and w[:-1] in cues.ORG_WORDS) for w in run_low):  # "Centers for ..."
        body = " ".join(run)
        kind = "government" if any(w in cues.GOVERNMENT_WORDS for w in run_low) else "organization"
        return Source(body, text, kind)
    if _reads_as_outlet(run, lead_low == "the"):
        return Source(run_name, text, "outlet")  # "Al Qahera News TV": an outlet the gazetteer does not know
    if len(run) >= 3 and run_low[1] == "of" and run_low[0] in _SHARE_HEADS:
        return Source(run_name, text, "group")  # "Majorities of Democrats", "Half of Vermont Democrats"
    person = titled
    if not person:
        return Source(text, text, "unnamed")
    if len(person) == 1:
        if len(tokens) > 1 and bare(person[0]).endswith("s") and (
            low[0] == "the" or is_possessive(tokens[-2]) or low[-2] == "of"
        ):
            return Source(text, text, "group")  # "Syria's Kurds", "the Democrats", "Majorities of Democrats"
        full = names.full_name(person[0], pos, name_gender(tokens))
        if full == bare(person[0]) and len(run) == 1 and names.is_company(full):
            return Source(full, text, "organization")  # "Nvidia said", where the text has "Nvidia shares" or "Nvidia Corp"
        if full == bare(person[0]) and len(run) == 1 and _ACRONYM.match(full) and not names.in_capitals(pos) and (
            not names.labels_speaker(full, pos)
        ):
            # "CDC says", "the ACLU said" (not "TRUMP" in a line of capitals,
            # nor a transcript's "RAMOS:")
            return Source(full, text, "organization")
        return Source(full, text, "person")
    return Source(_person_name(person), text, "person")

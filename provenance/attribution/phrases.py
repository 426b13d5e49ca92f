"""Noun phrases next to a cue: who speaks, found by the words around it.

Why a module of its own: the cue rules (``statements``) decide *that* a
sentence attributes; these helpers decide *where* the speaker is mentioned:

- ``_np_before``: the subject before a verb, from the last clause boundary
  (comma, semicolon, colon, dash, a closing quotation mark, or a clause word
  like "after"/"that"), minus auxiliaries and adverbs ("has previously
  said"), a leading prepositional phrase ("By the spring of 2016 the
  Interior Ministry estimated") and a trailing time phrase ("Sean Spicer on
  Thursday evening said").
- ``_np_after``: the noun phrase after a cue ("according to X", "said X").
- ``_parenthetical_subject``: "X, <descriptor>[, <descriptor>], said".
- ``_antecedent``: "France, which announced", "voters who want".
- ``_sentence_subject``: "Bush criticized ... and said": the name opening
  the sentence.
- ``_colon_source``: "Sanders: Endorsements prove ...".
- ``valid_subject``: do these words look like a speaker at all?
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from . import cues, lexicon
from .names import bare, gender_of, is_capitalised, is_particle, is_possessive, strip_titles

_TOKEN = re.compile(r"\S+")
_CUT_AFTER = frozenset("on about that who which after following during when while for over as because since before until".split())
_NP_END = re.compile(r"[,;:!?“”\"«»()]|\.(?:\s|$)")


def _np_end(text: str, start: int, hi: int) -> int:
    """Where a noun phrase starting at ``start`` must end: punctuation, or a
    period that is not an abbreviation's ("Lt. Gen. Mick Bednarek")."""
    pos = start
    while True:
        m = _NP_END.search(text, pos, hi)
        if m is None:
            return hi
        if text[m.start()] == ".":
            word = text[max(start, text.rfind(" ", start, m.start()) + 1) : m.start() + 1]
            if word.lower() in cues.ABBREVIATIONS or (len(word) == 2 and word[0].isupper()):  # "Yevgeny E. Kopachko"
                pos = m.end()
                continue
        return m.start()


def _inside(pos: int, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    for s, e in spans:
        if s <= pos < e:
            return (s, e)
    return None


def _tokens(text: str, a: int, b: int) -> list[tuple[int, int, str]]:
    """Whitespace-separated tokens of ``text[a:b]`` as (start, end, token).

    (``str.split`` and ``find`` beat a regex here: this runs for every cue.)
    """
    sub = text[a:b]
    out = []
    off = 0
    for w in sub.split():
        i = sub.find(w, off)
        off = i + len(w)
        out.append((a + i, a + off, w))
    if "-\n" in sub:
        out = _join_broken_words(text, out)
    return out


def _words(text: str, a: int, b: int) -> list[str]:
    """The tokens of ``text[a:b]`` without their offsets (a plain split
    unless a print dump broke a word over a line)."""
    sub = text[a:b]
    return [t[2] for t in _tokens(text, a, b)] if "-\n" in sub else sub.split()


def _join_broken_words(text: str, toks: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """"Volk-\nswagen", "Anto-\nlitz": a word a print dump hyphenated at a
    line end is one token (its text runs over the line break)."""
    out: list[tuple[int, int, str]] = []
    for t in toks:
        if out and out[-1][2].endswith("-") and out[-1][2][-2:-1].isalpha() and t[2][:1].islower() and (
            "\n" in text[out[-1][1] : t[0]]
        ):
            s, _, w = out.pop()
            out.append((s, t[1], text[s : t[1]]))
        else:
            out.append(t)
    return out


_DATE_WORDS = frozenset("""
    monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december week month year today yesterday
""".split())
#: Month abbreviations are dates only with their period: "Jan." is January,
#: "Jan" a name (Jan Kowalski), as is "Jun" (Ai Jun).
_MONTH_ABBREVIATIONS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())


_AGED = re.compile(r"^\d+-(?:year|month)-old")


@functools.lru_cache(maxsize=1 << 16)
def _is_datey(tok: str) -> bool:
    b = tok.strip(",;:!?()[]\"“”‘’'").lower()
    if _AGED.match(b):
        return False  # "the 46-year-old": a person
    if any(c.isdigit() for c in tok) or b.rstrip(".") in _DATE_WORDS:
        return True
    return b.endswith(".") and b[:-1] in _MONTH_ABBREVIATIONS


def _adverb(w: str) -> bool:
    """A lower-case -ly word that is no noun that speaks ("later", "also
    privately"; not "A Clinton ally", "the family")."""
    return w.endswith("ly") and w.islower() and not _source_noun(w)


def _source_noun(w: str) -> bool:
    """A common noun that can speak ("official", "employees", "actress")."""
    if w in cues.SOURCE_NOUNS or w in cues.ROLE_NOUNS or w in cues.EVIDENCE_NOUNS:
        return True
    if w.endswith("ies"):
        return w[:-3] + "y" in cues.ROLE_NOUNS or w[:-3] + "y" in cues.SOURCE_NOUNS
    if w.endswith("men"):  # "spokesmen", "congressmen", "businessmen"
        return w[:-3] + "man" in cues.ROLE_NOUNS or w[:-3] + "man" in cues.SOURCE_NOUNS
    if w.endswith("s"):
        return w[:-1] in cues.ROLE_NOUNS or w[:-1] in cues.SOURCE_NOUNS or (w.endswith("es") and w[:-2] in cues.ROLE_NOUNS)
    return False


_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten twenty hundred thousand".split())


_APPROXIMATORS = frozenset("about nearly almost roughly some only just over under more fewer less than around approximately".split())
_FRACTIONS = frozenset("half third thirds quarter quarters fourth fourths fifth fifths tenth tenths percent".split())
_SHARE_WORDS = _NUMBER_WORDS | _FRACTIONS | {"a"}


def _is_share_word(w: str) -> bool:
    return w in _SHARE_WORDS or w.rstrip("%").replace(".", "", 1).isdigit() or (
        "-" in w and all(p in _SHARE_WORDS for p in w.split("-"))  # "two-thirds", "three-quarters"
    )


_SHARE_MARKERS = _FRACTIONS | {"in", "out"}


def _is_poll_share(low: list[str]) -> bool:
    """A share of those polled as the subject: "42%", "About 4 in 10",
    "nearly three in five", "two-thirds", "60 percent". A bare number is
    not one ("Cory James, 22," is an age; "2012 remark" a year)."""
    if low[-1] not in _APPROXIMATORS and not _is_share_word(low[-1]):
        return False  # (most subjects: a name or a noun ends them)
    words = [w for w in low if w not in _APPROXIMATORS]
    if words[:1] == ["a"] and len(words) == 2 and words[1] in _FRACTIONS and len(low) > 2:
        return True  # "Nearly a third", "roughly a quarter"
    if not words or words[0] == "a" or len(words) > 4 or words[-1] in ("in", "out", "of"):
        return False
    if not all(_is_share_word(w) or w in ("in", "out", "of") for w in words):
        return False
    return any(w in _SHARE_MARKERS or w.endswith("%") or "-" in w for w in words)


def share_tail(run: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A share of those polled ending ``run``, before "who" ("compared with
    four in 10 who said", "38 percent — who", "double the number who",
    "those who"), or []."""
    low = [bare(t[2]).lower() for t in run]
    for k in range(max(0, len(low) - 4), len(low)):
        if _is_poll_share(low[k:]):
            return run[k:]
    if low and low[-1] in ("number", "those", "share", "proportion"):
        return run[-2:] if len(low) > 1 and low[-2] in ("the", "a") else run[-1:]
    return []


def _adjectival(low: list[str], k: int, head_is_name: bool = False) -> bool:
    """An -ed word inside a noun phrase ("registered voters", "those
    surveyed", "retired neurosurgeon Ben Carson")."""
    if k < len(low) - 1:
        named = head_is_name and low[k + 1] not in cues.DETERMINERS and low[k + 1] not in _OBJECT_PREPOSITIONS
        # "the retired neurosurgeon": between a determiner and the head noun
        between = k == len(low) - 2 and k > 0 and low[k - 1] in cues.DETERMINERS and low[k + 1].isalpha()
        return named or between or _source_noun(low[-1]) or low[k + 1] in cues.TITLE_WORDS or _source_noun(low[k + 1])
    return k > 0 and (low[k - 1] == "those" or _source_noun(low[k - 1]))


#: Lemmas of the "say" core: with these, any determined noun phrase speaks.
#: ("read" only ever speaks before punctuation or a quotation, and what
#: reads is a text: "The plaque reads: “...”", "a banner read".)
_SAY_LEMMAS = (frozenset(lexicon.FORMS[w].lemma for w in cues.CORE_SPEECH if w in lexicon.FORMS) - cues.PUNCT_ONLY_VERBS) | {"read"}
#: Verbs a body (a church, a company) speaks with: the "say" core and the
#: written channels.
_BODY_VERBS = _SAY_LEMMAS | frozenset("post write tweet announce".split())
#: Endings of plural nouns for people by what they do ("makers",
#: "defenders", "activists", "Republicans").
_AGENT_PLURALS = ("ers", "ists", "ans", "ents", "ors")
_QUANTIFIERS = frozenset("one another each every many some several few most both all no".split())


def _determined_noun_phrase(toks: list[str], low: list[str]) -> bool:
    """A short noun phrase opened by a determiner, quantifier or possessive
    and ending in a lower-case noun ("the NFL legend", "another ranking")."""
    if len(toks) > 8 or not (low[0] in cues.DETERMINERS or low[0] in _QUANTIFIERS or is_possessive(toks[0])):
        return False
    head = toks[-1]
    if not head[:1].islower() or not head.replace("-", "").replace("’", "").replace("'", "").isalnum():
        return False
    return not any(w in cues.CLAUSE_WORDS or w in _NP_BREAKERS for w in low[1:])


_NP_BREAKERS = frozenset("and or but to not".split())


def _bare_plural(toks: list[str], low: list[str]) -> bool:
    """A plural noun with at most two modifiers and no determiner
    ("forecasters", "ordinary Chinese traders"): with "say" or "tell", who
    speaks ("deficits would add up", "markets respond" are no speakers)."""
    head = toks[-1]
    return (
        len(toks) <= 3 and head.isalpha() and head.islower() and head.endswith("s") and not head.endswith(("ss", "us", "is"))
        and not any(w in cues.CLAUSE_WORDS or w in _NP_BREAKERS or w in cues.PRONOUNS or w in cues.AUXILIARIES
                    or w in cues.FINITE_BLOCKERS or lexicon.is_cue_word(w) for w in low)
        and all(t.replace("-", "").isalpha() for t in toks)
    )


#: Participles closing a noun phrase of people asked in a poll.
_POLLED = frozenset("polled surveyed interviewed questioned sampled".split())


#: A party or state tag standing as a word of its own: "(D)", "(R-Utah)", "(Vt.)".
_PARTY_TAG_TOKEN = re.compile(r"^\((?:[RDI](?:-[A-Z][\w.]*)?|[A-Z][a-z]{0,4}\.)\)[,]?$")


def valid_subject(toks: list[str], v: lexicon.Verb | None = None) -> bool:
    """Do these words look like the noun phrase of a speaker?"""
    if any(_PARTY_TAG_TOKEN.match(t) for t in toks):
        toks = _untagged(toks)  # "Martin O’Malley (D) and Mike Huckabee (R)"
    if not toks or len(toks) > cues.MAX_LONG_SUBJECT_WORDS:
        return False
    low = [bare(t).lower() for t in toks]
    if len(toks) > cues.MAX_SUBJECT_WORDS and not _long_subject(toks, low):
        if low.count("and") != 1:
            return False
        # "Former Maryland Gov. Martin O’Malley and former Arkansas Gov. Mike
        # Huckabee": two speakers, each a short noun phrase of its own.
        k = low.index("and")
        return len(toks) - 1 - k <= cues.MAX_SUBJECT_WORDS and k <= cues.MAX_SUBJECT_WORDS and (
            is_capitalised(toks[k - 1]) and is_capitalised(toks[-1])
            and valid_subject(toks[:k], v) and valid_subject(toks[k + 1 :], v)
        )
    if len(low) > 2 and low[-1] in _POLLED and not is_capitalised(toks[-1]):
        return valid_subject(toks[:-1], v)  # "Some 56 percent of Cuban-Americans polled"
    if len(low) > 1 and (low[-1] in ("there", "here") or low[-1] in _RELEASED_PARTICIPLES and any(
        w in cues.EVIDENCE_NOUNS or w in _RELEASED_NOUNS for w in low[:-1]
    )):
        return valid_subject(toks[:-1], v)  # "Polls there show", "A poll of South Carolina released (on Tuesday) showed"
    for k in range(1, len(low) - 1):
        if low[k].endswith("ed") and _released_on(toks, low, k):
            return valid_subject(toks[:k], v)  # "the order released Friday"
    last = len(toks) - 1
    for k, (t, w) in enumerate(zip(toks, low)):
        if not is_capitalised(t):
            if w in cues.FINITE_BLOCKERS or (
                lexicon.is_cue_word(w) and w not in cues.SOURCE_NOUNS and not (k == last and _source_noun(w))
                and not _noun_in_tail(toks, low, k) and not _briefed(low, k)
                and not _noun_modifier(toks, low, k)
            ):  # ("Abortion rights advocates": a noun that is also a verb form, as the head;
                # "protest organizers", "campaign officials": a noun modifying a noun that speaks)
                return False
            if w.endswith("ed") and "-" not in w and w not in cues.SOURCE_NOUNS and not _briefed(low, k) and not _adjectival(
                low, k, is_capitalised(toks[-1])
            ):
                return False
    head, first = toks[-1], low[0]
    if len(low) > 1 and low[-1].endswith("ed") and (low[-2] == "those" or _source_noun(low[-2])):
        return True  # "those surveyed", "voters polled"
    if _is_poll_share(low):
        return True  # "one in five", "two out of three", "About 4 in 10", "42%", "43 said"
    if low[-1] in ("who", "which") and len(low) > 1:
        return False
    if low[-1] in cues.PRONOUNS and len(low) > 2 and low[-2] not in ("and", "but", "or", "so", "yet", "then", "now"):
        return False  # "They search for something he": a clause, not a subject
    if low[-1] in cues.PRONOUNS or _source_noun(low[-1]):
        return True
    if v is not None and v.lemma in _BODY_VERBS and low[-1] in cues.ORG_WORDS and len(low) <= 4 and first in ("the", "a", "an") and toks[-1].islower():
        return True  # "the church posted", "the company wrote": a body speaks in words
    if v is not None and v.lemma in _SAY_LEMMAS and (
        _determined_noun_phrase(toks, low) or (v.lemma in ("say", "tell") and _bare_plural(toks, low))
    ):
        return True  # "The NFL legend said", "One attendee said", "the 46-year-old said"
    if v is not None and v.kind == "statement" and v.lemma != "attack" and _bare_plural(toks, low) and low[-1].endswith(_AGENT_PLURALS):
        return True  # "Cement makers argue", "Clinton defenders argue": people by what they do
    # "The former secretary of state": the head stands before "of".
    for k in range(1, len(low) - 1):
        if low[k] in ("of", "for", "at", "from", "in") and not is_capitalised(toks[k - 1]):
            if _source_noun(low[k - 1]) or low[k - 1] in cues.TITLE_WORDS:
                return True  # "voters in each state", "4 in 10 voters in Ohio"

    if is_capitalised(head) and (low[-1] not in cues.NOT_NAMES and not _is_datey(head) or _first_name_before(toks)):
        return True  # (a surname that is also a word after a first name: "Theresa May", "George Will")
    if len(toks) > 1 and low[-1] in _MONTH_ABBREVIATIONS and head.isalpha() and is_capitalised(toks[-2]) and not _is_datey(toks[-2]):
        return True  # "columnist Ai Jun": without its period a month's abbreviation is a name
    # "sources in the camp", "three people familiar with ...", "few on
    # either side": a noun head (after a determiner or a number) with a tail.
    starts = (0, 1) if first in cues.DETERMINERS or first in cues.QUANTIFIERS or first.isdigit() else (0,)
    return any(k + 1 < len(low) and _source_noun(low[k]) and _tail_at(low, k + 1) for k in starts)


def _long_subject(toks: list[str], low: list[str]) -> bool:
    """Is a long phrase one noun phrase: a noun that speaks among its first
    few words, then only its modifiers (no clause or dash inside)?"""
    head = next((k for k in range(min(5, len(low))) if _source_noun(low[k]) and toks[k].islower()), -1)
    if head < 0 or low[0].endswith("ing") or any(_finite_after_noun(w) for w in low[:head]):
        return False  # ("Following the release of a video from the group": a clause opener)
    while head + 1 < len(low) and toks[head + 1].islower() and _source_noun(low[head + 1]):
        head += 1  # "many unions": the last noun of the run is the head
    nxt = low[head + 1] if head + 1 < len(low) else ""
    if _finite_after_noun(nxt) and nxt not in _POLLED:
        return False  # "Wealthy donors handed over ...": a clause, not a phrase
    return not any(
        w in cues.CLAUSE_WORDS or w in cues.PRONOUNS or t[-1:] in ",;:"
        or (w in _NOT_IN_LONG_SUBJECT and not (w == "and" and between_capitals(toks, j)))
        or (w == "to" and j + 1 < len(low) and low[j + 1] not in cues.DETERMINERS and toks[j + 1].islower())
        for j, (t, w) in enumerate(zip(toks[head:], low[head:]), head)
    )


def between_capitals(toks: list[str], j: int) -> bool:
    """Is the word at ``j`` between two capitalised words, inside a name
    ("Center for Economic and Policy Research", "Bank of America")?"""
    return 0 < j < len(toks) - 1 and is_capitalised(toks[j - 1]) and is_capitalised(toks[j + 1])


#: Words that end a long subject: a clause, a coordination, an object.
_NOT_IN_LONG_SUBJECT = frozenset("and what than her him them -- - — –".split())


def _finite_after_noun(w: str) -> bool:
    """A past tense after a noun reads as its verb ("donors handed")."""
    return (w.endswith("ed") and len(w) > 3) or w in _IRREGULAR_PAST


def _briefed(low: list[str], k: int) -> bool:
    """"people briefed on the matter": a participle between a noun that can
    speak and its tail."""
    return 0 < k < len(low) - 1 and _source_noun(low[k - 1]) and low[k + 1] in cues.NOUN_TAIL_WORDS


_RELEASED_NOUNS = cues.DOCUMENT_NOUNS | frozenset("order ruling opinion decision indictment document".split())
#: Participles that put a document out ("a poll released on Tuesday").
_RELEASED_PARTICIPLES = frozenset("released published issued conducted taken completed unveiled".split())


def _released_on(toks: list[str], low: list[str], k: int) -> bool:
    """"the order released Friday", "a statement issued Monday": a document
    noun, then a participle and nothing but a date, or its author ("a
    report released by the Pentagon")."""
    if not (0 < k < len(low) - 1 and (low[k - 1] in _RELEASED_NOUNS or _source_noun(low[k - 1]))):
        return False
    if low[k + 1] == "by" and k + 2 < len(low) and low[k] in _RELEASED_PARTICIPLES:
        return is_capitalised(toks[-1]) and all(is_capitalised(t) or w in ("the", "of", "and") for t, w in zip(toks[k + 2 :], low[k + 2 :]))
    return low[k + 1] not in ("the", "a") and all(
        (_is_datey(t) and "-" not in t) or low[j] in _TIME_WORDS or low[j] in _TIME_OPENERS
        for j, t in enumerate(toks[k + 1 :], k + 1)
    )


def _noun_modifier(toks: list[str], low: list[str], k: int) -> bool:
    """"protest organizers", "Some campaign officials", "Radio talk host": a
    verb's base form that modifies the noun after it, which can speak; it
    opens the phrase or follows a determiner or a capitalised word ("Polls
    show voters", "Clinton says many" are clauses)."""
    v = lexicon.verb(low[k])
    return (
        v is not None and v.form == "base" and k + 1 < len(low) and _source_noun(low[k + 1]) and toks[k + 1].islower()
        and (k == 0 or low[k - 1] in cues.DETERMINERS or low[k - 1] in cues.QUANTIFIERS
             or (is_capitalised(toks[k - 1]) and not low[k - 1].endswith("s")))
    )


def _noun_in_tail(toks: list[str], low: list[str], k: int) -> bool:
    """"officials close to the talks", "familiar with Putin's thinking": after
    a determiner or a possessive in a noun's tail, a verb form is a noun."""
    return k > 1 and (low[k - 1] in cues.DETERMINERS or is_possessive(toks[k - 1])) and any(
        x in cues.NOUN_TAIL_WORDS for x in low[1 : k - 1]
    )


def _tail_at(low: list[str], k: int) -> bool:
    """Does a noun's tail start at ``k`` ("in the camp", "briefed on the
    matter", "involved in the talks")?"""
    return low[k] in cues.NOUN_TAIL_WORDS or (
        low[k].endswith("ed") and k + 1 < len(low) and low[k + 1] in cues.NOUN_TAIL_WORDS
    )


@dataclass
class _Subject:
    start: int
    end: int
    boundary: int  # where the clause began
    boundary_char: str


def _clause_start(text: str, lo: int, pos: int, qspans: list[tuple[int, int]]) -> tuple[int, str]:
    """Offset after the last clause boundary before ``pos`` (and its char).

    A boundary is one of ``,;:—–`` outside quotations (a comma between
    digits, "1,779", is none) or the end of a quotation.
    """
    # The quotation reached first when walking back from pos - 1.
    q_at, q_end = -1, -1
    for s_, e_ in qspans:
        if s_ <= pos - 1 and e_ - 1 >= lo:
            at = min(e_ - 1, pos - 1)
            if at > q_at:
                q_at, q_end = at, e_
    j = pos
    while True:
        # (One rfind per mark: a generator over the marks cost a third of the function.)
        j = max(text.rfind(",", lo, j), text.rfind(";", lo, j), text.rfind(":", lo, j),
                text.rfind("—", lo, j), text.rfind("–", lo, j))
        if j < lo or j <= q_at:
            break
        if text[j] == "," and text[j - 1 : j].isdigit() and text[j + 1 : j + 2].isdigit():
            continue
        if _inside(j, qspans):
            continue
        return j + 1, text[j]
    if q_at >= lo:
        return q_end, "quote"
    return lo, ""


_RELATIVES = frozenset("which who whom whose".split())
#: Subject pronouns that can close a two-word run before a verb ("which he").
_PERSONAL = frozenset(p for p in cues.PRONOUNS if p not in _RELATIVES)
_RELATIVE_PREPOSITIONS = cues.PREPOSITIONS | {
    "of", "to", "through", "about", "against", "among", "behind", "between", "into", "upon", "toward", "towards", "within",
}  # "in which", "of whom", "the lens through which voters view"
_TIME_OPENERS = frozenset("on in at during last this earlier later early late".split())
_TIME_WORDS = frozenset("morning evening night afternoon day the a past week weekend month year".split())
_TIME_NOUNS = _TIME_WORDS - {"the", "a"}


#: Units of a span of time ("a few minutes later", "two days ago").
_TIME_UNITS = frozenset(
    "moment moments second seconds minute minutes hour hours day days week weeks month months year years decade decades".split()
)


def _time_span_end(toks: list[tuple[int, int, str]]) -> int:
    """Where a span of time opening ``toks`` ends ("A few minutes later",
    "Two days ago", "Years later"), or 0."""
    for k in range(1, min(len(toks) - 1, 5)):
        if toks[k][2].lower() in ("later", "ago", "earlier"):
            words = [t[2].lower() for t in toks[:k]]
            if words[-1] in _TIME_UNITS and all(
                w in _TIME_UNITS or w in cues.QUANTIFIERS or w in ("a", "an", "few") or w.isdigit() for w in words
            ):
                return k + 1
            return 0
    return 0


_ASIDE_CLOSERS = {")": "(", "—": "—", "–": "–"}
_SPACED_HYPHENS = re.compile(r"\s(--?)$")


def _skip_aside(text: str, lo: int, pos: int) -> int:
    """Where the subject ends when an aside stands before the verb:
    "Kasich (who has 25 delegates) said", "Insiders — in Nevada — said"."""
    j = pos
    while j > lo and text[j - 1].isspace():
        j -= 1
    opener = _ASIDE_CLOSERS.get(text[j - 1]) if j > lo else None
    if opener is None:
        # Hyphens standing for dashes, spaced: "Donald Trump - who said ... - said",
        # "A former candidate -- John McCain, who lost -- said".
        if j <= lo or text[j - 1] != "-":
            return pos
        m = _SPACED_HYPHENS.search(text, max(lo, j - 4), j)
        if m is None or m.end() != j:
            return pos
        k = text.rfind(" " + m.group(1) + " ", max(lo, j - 200), m.start())
        return k if k > lo else pos
    k = text.rfind(opener, max(lo, j - 200), j - 1)
    if k <= lo or text[k - 1 : k].strip():
        return pos  # no opening mark, or one glued to a word ("(R-Utah)" stays)
    return k


def _np_before(text: str, lo: int, pos: int, qspans: list[tuple[int, int]]) -> _Subject:
    pos = _skip_aside(text, lo, pos)
    b, bchar = _clause_start(text, lo, pos, qspans)
    toks = _tokens(text, b, pos)
    for k in range(len(toks) - 1, -1, -1):
        # A clause word, or a bare punctuation token (the "-" of a dateline).
        w = bare(toks[k][2]).lower()
        if w == "since" and k > 0 and toks[k - 1][2].lower() in ("has", "have", "had"):
            continue  # "She has since stressed": an adverb
        if w == "once" and k == len(toks) - 1 and k > 0:
            continue  # "Churchill once said": an adverb, not "once he arrived"
        tok = toks[k][2]
        if w in cues.CLAUSE_WORDS or (
            tok != "&" and not (tok[0].isalnum() or tok[-1].isalnum() or any(ch.isalnum() for ch in tok))
        ) or (
            w in _RELATIVES and k > 0 and bare(toks[k - 1][2]).lower() in _RELATIVE_PREPOSITIONS
        ):  # "in which he declares"; "the official who spoke to us said" keeps its relative clause
            toks = toks[k + 1 :]
            break
    while toks and (bare(toks[-1][2]).lower() in cues.AUXILIARIES or _adverb(toks[-1][2])) and not _surname_homograph(toks) and not (
        is_capitalised(toks[-1][2]) and toks[-1][2].lower() in _MODALS and _past_next(text, pos)
        # ('"...," Will wrote': no modal takes a past tense)
    ):
        toks = toks[:-1]
    # "RNC spokesman Sean Spicer on Thursday evening said": a time phrase.
    for k in range(len(toks) - 1, 0, -1):
        w = toks[k][2].lower()
        if w in _TIME_OPENERS and all(_is_datey(t[2]) or t[2].lower() in _TIME_WORDS for t in toks[k + 1 :]) and not (
            w == "in" and _is_share_word(toks[k - 1][2].lower())  # "4 in 10": a share, not a date
        ):
            toks = toks[:k]
            while toks and (bare(toks[-1][2]).lower() in cues.AUXILIARIES or _adverb(toks[-1][2])):
                toks = toks[:-1]
            break
    toks = toks[_time_span_end(toks) :]  # "A few minutes later he said", "Two days ago she said"
    while len(toks) > 1 and (toks[0][2].lower() in _SENTENCE_ADVERBS or (_adverb(toks[0][2]) and is_capitalised(toks[1][2]))):
        toks = toks[1:]  # "Perhaps Russia will oppose", "Maybe the senator believes", "how deeply Washington believes"
    while toks and toks[0][2].lower() in ("and", "but", "or", "yet", "so"):
        toks = toks[1:]  # "... and I've told": the conjunction opens the clause
    if len(toks) > 1 and toks[0][2].lower() in cues.QUESTION_AUXILIARIES and toks[1][2].lower() in cues.PRONOUNS:
        toks = toks[1:]  # "Do they want": a question's auxiliary before its subject
    if toks and toks[0][2].lower() in ("last", "this", "next", "earlier", "later") and all(
        _is_datey(t[2]) or t[2].lower() in _TIME_WORDS for t in toks[1:]
    ):
        toks = []  # "Trump, whose views ..., last year proposed": only a time phrase
    if toks and bare(toks[0][2]).lower() in _PP_OPENERS:
        nxt = text[pos : pos + 30].split()[:1]
        if toks[-1][2].lower() in ("who", "which", "that") or (nxt and nxt[0].endswith("ing")):
            toks = toks[1:]  # "Like other owners who foresee", "Like others defending": the noun
        else:
            toks = []  # "X, along with Y, wrote", "and like Trump has spoken": not the subject
    if toks and bare(toks[0][2]).lower() in cues.PREPOSITIONS:
        last_date = max((k for k, t in enumerate(toks) if _is_datey(t[2])), default=-1)
        if last_date >= 0:
            toks = toks[last_date + 1 :]
            while toks and toks[0][2].lower() in _TIME_NOUNS:
                toks = toks[1:]  # "on Tuesday night he said"
        else:
            dets = [k for k, t in enumerate(toks) if k > 1 and t[2].lower() in ("the", "a", "an")]
            toks = toks[dets[-1] :] if dets else []
    if not toks:
        return _Subject(pos, pos, b, bchar)
    if len(toks) == 2 and toks[1][2].lower() in _PERSONAL and not is_capitalised(toks[0][2]) and not (
        lexicon.is_cue_word(first := bare(toks[0][2]).lower()) or first in cues.FINITE_BLOCKERS
    ):
        # "names he said would be released", "how much they hoped", "which
        # he said": a relative clause; the pronoun is the speaker. ("said
        # he wanted" stays unsplit: a mind inside reported speech.)
        toks = toks[1:]
    end = toks[-1][1]
    if is_possessive(toks[-1][2]) and bare(toks[-1][2]).lower() in cues.HAS_CONTRACTED:
        end -= 2  # "he's said": the subject is "he"
    return _Subject(toks[0][0], end, b, bchar)


def _past_next(text: str, pos: int) -> bool:
    """Is the word at ``pos`` a past tense ("wrote", "said", "added")?"""
    m = _WORD_AT.match(text, pos)
    w = m.group(0).strip().lower() if m else ""
    return w == "said" or _finite_after_noun(w)


_MODALS = frozenset("will may can might must shall".split())
_WORD_AT = re.compile(r"\s*[^\W\d_]+")


def _surname_homograph(toks: list[tuple[int, int, str]]) -> bool:
    """Is the last token a surname that is also an auxiliary, after a first
    name ("George Will wrote", "Theresa May said")?"""
    return is_capitalised(toks[-1][2]) and _first_name_before([t[2] for t in toks])


def _first_name_before(words: list[str]) -> bool:
    """Is the word before the last a common first name ("Theresa May")?"""
    return len(words) > 1 and ((first := words[-2].lower()) in cues.MALE_FIRST_NAMES or first in cues.FEMALE_FIRST_NAMES)


def subject_before(text: str, lo: int, pos: int, qspans, v: lexicon.Verb | None = None) -> tuple[int, int] | None:
    """The noun phrase before ``pos`` when it looks like a speaker."""
    subj = _np_before(text, lo, pos, qspans)
    if subj.start < subj.end and valid_subject(_words(text, subj.start, subj.end), v):
        return subj.start, subj.end
    return None


def _np_after(text: str, start: int, hi: int, capitalised_only: bool = False, any_start: bool = False) -> tuple[int, int] | None:
    """The noun phrase starting at ``start`` (up to punctuation or a cut word).

    It must start like a source (a capital, a determiner, a source noun)
    unless ``any_start`` ("according to exit polls", "... to company
    documents": whatever follows "according to" is the source)."""
    end = _np_end(text, start, hi)
    toks = _tokens(text, start, end)
    out: list[tuple[int, int, str]] = []
    for k, t in enumerate(toks):
        w = bare(t[2]).lower()
        inner_particle = (
            is_particle(t[2]) and out and is_capitalised(out[-1][2])
            and any(is_capitalised(x[2]) for x in toks[k + 1 : k + 3])
        )
        if not inner_particle and (k > 0 and (w in _CUT_AFTER or _is_datey(t[2])) and not is_capitalised(t[2]) or (k > 0 and _is_datey(t[2]))):
            break
        if capitalised_only or (out and is_capitalised(out[0][2]) and not is_particle(out[0][2])):
            if not (is_capitalised(t[2]) or (out and is_particle(t[2])) or (out and w in cues.SOURCE_NOUNS)):
                break
        out.append(t)
        if len(out) >= cues.MAX_SUBJECT_WORDS:
            break
    first = bare(out[0][2]).lower() if out else ""
    if not out or not (
        any_start or is_capitalised(out[0][2]) or first in cues.DETERMINERS or first in cues.SOURCE_NOUNS
        or first in cues.FIRST_PERSON or first in cues.QUANTIFIERS  # "citing two sources in ..."
    ):
        return None
    while out and (is_particle(out[-1][2]) and not is_capitalised(out[-1][2])):
        out.pop()
    while len(out) > 1 and out[-1][2].lower() in ("last", "this", "next", "early", "late", "earlier"):
        out.pop()  # "a study last (year)": a time phrase the date cut in two
    for k in range(1, len(out)):
        if out[k][2].islower() and (out[k][2].endswith("ed") or out[k][2] in ("taken", "done", "written")) and (
            bare(out[k - 1][2]).lower() in cues.EVIDENCE_NOUNS
        ):
            del out[k:]  # "a study published Tuesday", "court documents unsealed in Manhattan": the document
            break
    if not out:
        return None
    return out[0][0], out[-1][1]


#: Adverbs that may open a conjunct of a subject ("and even some technologists").
_FOCUS_ADVERBS = frozenset("even also especially particularly".split())


def _untagged(words: list[str]) -> list[str]:
    """The words without party tags ("Martin O’Malley (D)")."""
    return [w for w in words if not _PARTY_TAG_TOKEN.match(w)]


def _split_and(text: str, s: int, e: int, v: lexicon.Verb | None = None) -> list[tuple[int, int]]:
    """"a Kurdish official and AFP correspondents" -> two noun phrases."""
    toks = _tokens(text, s, e)
    ands = [k for k, t in enumerate(toks) if t[2] == "and"]
    if len(ands) != 1:
        return [(s, e)]
    k = ands[0]
    left, right = toks[:k], toks[k + 1 :]
    if len(right) > 1 and right[0][2] in _FOCUS_ADVERBS:
        right = right[1:]  # "Politicians and even some technologists"
    lw, rw = [t[2] for t in left], [t[2] for t in right]
    # ("Hillary Clinton and former Gov. Martin O’Malley": two people; not
    # "Procter and Gamble", "the Urban Institute and Brookings Institution".)
    people = all(len(name := strip_titles(_untagged(ws))) > 1 and gender_of(" ".join(name)) is not None for ws in (lw, rw))
    if people and _PARTY_TAG_TOKEN.match(lw[-1]) and len(left) > 1:
        left = left[:-1]  # the speaker's span ends before the tag
    if valid_subject(lw, v) and valid_subject(rw, v) and (not is_capitalised(lw[-1]) or not is_capitalised(rw[-1]) or people):
        if is_capitalised(lw[-1]) and not lw[-1].endswith("s") and is_capitalised(rw[0]) and not is_capitalised(rw[-1]) and (
            bare(lw[0]).lower() in ("a", "an", "the")
        ):
            return [(s, e)]  # one body's name, then its role: "A Department of Health and Social Care spokesperson"
        return [(left[0][0], left[-1][1]), (right[0][0], right[-1][1])]
    return [(s, e)]



_AFTER_INVERTED = re.compile(r"\s*(?:$|[,.;:!?)\]—–(]|(?:on|in|at|during|after|before|last|this|who|when|while|as|to|about|of|from|for|with|and|adding|noting|according)\b)", re.I)


def _ends_inverted_subject(text: str, span: tuple[int, int], hi: int) -> bool:
    """"..., said Pavel Orlov, the mayor" / "said Orlov on Monday": the noun
    phrase after the verb ends there; "said Trump's nomination will" is the
    start of the reported clause, not an inverted subject."""
    words = text[span[0] : span[1]].split()
    if words and is_possessive(words[-1]):
        return False
    return _AFTER_INVERTED.match(text, span[1], hi) is not None


_NEXT_TOKEN = re.compile(r"\s*(\S+)")
#: Pronouns of a list of speakers that stand alone after the verb.
_INVERTED_ONES = frozenset("another one others".split())
#: Objects that can follow a cue verb but never speak after it ("her" can:
#: "said her spokesman").
_OBJECT_PRONOUNS = frozenset("it him them me us".split())
#: Words after a cue that start no speaker: object pronouns, "about", and
#: the words that open an embedded question.
_NO_SPEAKER_NEXT = _OBJECT_PRONOUNS | frozenset("about whether if why how what when where".split())


_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")


def inverted_subject(text: str, start: int, hi: int) -> tuple[int, int] | None:
    """The speaker after "..., said": "said Pavel Orlov, the mayor", "said
    GOP strategist Keith Nahigian, a veteran", "said one unaligned Florida
    Republican strategist" — a noun phrase that ends there (punctuation or a
    time phrase follows), not the start of the reported clause."""
    first = _NEXT_TOKEN.match(text, start, hi)
    if first is None or first.group(1).lower() in cues.PREPOSITIONS or first.group(1).lower() in _NO_SPEAKER_NEXT:
        # "Asked on Fox News who ..., he said", "reported it to the F.B.I.",
        # "Asked about the case in Strasbourg, he said", "said about 300
        # people": no speaker after the verb
        return None
    after = _np_after(text, start, hi, capitalised_only=False)
    if after is not None and _ends_inverted_subject(text, after, hi) and (
        valid_subject(words := _words(text, *after)) or (len(words) == 1 and words[0].lower() in _INVERTED_ONES)
    ):
        return after  # ("..., tweeted another.", "said one.")
    # Roles and adjectives before a name or a role noun.
    toks = _tokens(text, start, _np_end(text, start, hi))
    run: list[tuple[int, int, str]] = []
    for k, t in enumerate(toks[: cues.MAX_SUBJECT_WORDS + 1]):
        w = bare(t[2]).lower()
        rank = k + 1 < len(toks) and _ORDINAL.match(t[2]) is not None and is_capitalised(toks[k + 1][2])
        if run and (w in _CUT_AFTER or _is_datey(t[2])) and not is_capitalised(t[2]) and not rank:
            break  # (not "Air Force 1st Lt. Tyler Livingston": an ordinal before a rank)
        if not bare(t[2]).replace("-", "").replace("’", "").replace("'", "").replace(".", "").isalnum():
            return None
        if w in cues.FINITE_BLOCKERS or (lexicon.is_cue_word(w) and not _source_noun(w)) or w in cues.CLAUSE_WORDS:
            return None
        run.append(t)
    if len(run) < 2 or len(run) > cues.MAX_SUBJECT_WORDS:
        return None
    first, last = bare(run[0][2]).lower(), run[-1][2]
    determined = first in cues.DETERMINERS or first in ("one", "another")
    if not (is_capitalised(run[0][2]) or determined or _source_noun(first) or first in cues.TITLE_WORDS
            or is_capitalised(last)):  # "said retired Army Lt. Gen. Mick Bednarek"
        return None
    if not (is_capitalised(last) or _source_noun(bare(last).lower()) or determined) or is_possessive(last):
        return None  # ("says a narrator.", "said the 46-year-old.")
    span = (run[0][0], run[-1][1])
    return span if _ends_inverted_subject(text, span, hi) else None


_AGENT_STOP = _CUT_AFTER | cues.CLAUSE_WORDS | cues.FINITE_BLOCKERS | {"whether", "to", "in", "at", "with", "from"}


_GERUND_NEXT = re.compile(r"\s+\S+ing\b")


def _gerund_with_object(toks: list[tuple[int, int, str]]) -> bool:
    """Does the phrase open with a gerund and its object ("sidestepping
    Moscow", "watching his brother"), not an adjective ("overwhelming
    majorities", "left-leaning economists")?"""
    first = toks[0][2]
    if not first.islower() or not first.endswith("ing") or "-" in first or len(toks) < 2:
        return False
    nxt = toks[1][2]
    return is_capitalised(nxt) or bare(nxt).lower() in cues.DETERMINERS or bare(nxt).lower() in _POSSESSIVE_PRONOUNS


_POSSESSIVE_PRONOUNS = frozenset("his her their its our my your".split())


def agent_np(text: str, start: int, hi: int) -> tuple[int, int] | None:
    """The agent after a passive's "by" ("asked by host John Dickerson
    whether", "rejected by a series of congressional inquiries."): up to
    punctuation or a word that starts a clause."""
    run: list[tuple[int, int, str]] = []
    toks = _tokens(text, start, _np_end(text, start, hi))
    if toks and _gerund_with_object(toks):
        return None  # "responded by sidestepping Moscow", "learned by watching his brother": a means
    if toks and toks[0][2][:1].isdigit() and (len(toks) == 1 or bare(toks[1][2]).lower() not in ("of", "percent")):
        return None  # "declined by 0.2% from 2005": a measure ("backed by 34% of GOP voters" is an agent)
    for t in toks:
        w = bare(t[2]).lower()
        if not is_capitalised(t[2]) and (
            w in _AGENT_STOP or lexicon.is_cue_word(w) or w in _IRREGULAR_PAST or (w.endswith("ed") and run)
        ):
            break
        if w == "of" and run and _GERUND_NEXT.match(text, t[1], hi):
            break  # "accused by the Turkish government of coordinating": the charge follows
        run.append(t)
        if len(run) > cues.MAX_SUBJECT_WORDS:
            return None
    while run and not is_capitalised(run[-1][2]) and is_particle(run[-1][2]):
        run.pop()
    if not run or not valid_subject([t[2] for t in run]):
        return None
    return run[0][0], run[-1][1]


def _antecedent(toks: list[tuple[int, int, str]], after_verb: bool = False, relative: bool = False) -> list[tuple[int, int, str]]:
    """The noun phrase ending a clause: a capitalised run, else a common-noun
    source. ``after_verb``: the phrase is an object and starts after its
    verb ("published a report detailing": "a report")."""
    run: list[tuple[int, int, str]] = []
    for t in reversed(toks):
        if is_capitalised(t[2]) or (run and is_particle(t[2])):
            run.insert(0, t)
        else:
            break
    if run:
        return run
    last = bare(toks[-1][2]).lower() if toks else ""
    if last in cues.SOURCE_NOUNS or (relative and _source_noun(last) and last not in cues.QUANTIFIERS):
        # (before "who", any noun that speaks: "one former campaign staffer, who")
        k = len(toks) - 1
        while k > 0 and len(toks) - k < 3 and not _BOUNDARY_TOKEN.search(toks[k - 1][2]) and (
            (w := bare(toks[k - 1][2]).lower()) not in cues.CLAUSE_WORDS | cues.PREPOSITIONS
            and not (after_verb and (w in cues.FINITE_BLOCKERS or lexicon.is_cue_word(w) or _adverb(w)))
        ):
            k -= 1
        if k > 0 and toks[k][2].lower() == "to" and toks[k - 1][2].lower() == "according":
            k += 1  # "according to the ministry, which said": the ministry
        return toks[k:]
    return []


_OBJECT_PREPOSITIONS = cues.PREPOSITIONS | {"of", "to", "among"}
#: Adverbs of a whole sentence that may open it before its subject.
_SENTENCE_ADVERBS = frozenset("perhaps maybe probably possibly surely certainly indeed apparently presumably".split())
_BOUNDARY_TOKEN = re.compile(r"[,;:.!?”\"]$")


_LEAD_COLON = re.compile(r"[“\"‘']?([^\W\d_][^\n:]{0,60}?)\s*:(?=\s+\S)")
_COLON_TALLY = re.compile(r"\s*[\d$%]")  # "Clinton: 2,316.", "Sanders: $4.2 million"
_NAME_LIST = re.compile(r"\s*(?:[A-Z][\w.’'\-]*(?:[ \t]+[A-Z][\w.’'\-]*){0,3},[ \t]*){3}")
_QUOTE_COLON = re.compile(r":\s*[“\"«]")
_INITIAL = re.compile(r"[^\W\d_]\.$")


def _colon_source(text: str, lo: int, hi: int, qspans) -> tuple[int, int, int] | None:
    """"Sanders: Endorsements prove ...", "Q: ...", "... pollster Daron
    Shaw: “Historically ...”": the name before a colon speaks. Returns
    (colon offset, source start, source end)."""
    m = _LEAD_COLON.match(text, lo, hi)
    if m is not None:
        toks = _tokens(text, m.start(1), m.end(1))
        words = [t[2] for t in toks]
        first = next((w for w in (bare(x).lower() for x in words) if w not in ("the", "a", "an", "just")), "")
        if (
            words and len(words) <= 4 and all(is_capitalised(w) or is_particle(w) for w in words)
            # A label opens the line ("Breaking News:", "The Latest:", "Just
            # Leaked:") or closes it ("Photo credit:"); "Judicial Watch" is a name.
            and first not in cues.COLON_LABELS
            and bare(words[-1]).lower() not in cues.COLON_LABELS_LAST
            and not (is_possessive(words[0]) and (_is_datey(bare(words[0])) or first in ("today", "tonight")))  # "Monday’s Morning Email:"
            and valid_subject(words) and not _is_datey(words[-1])
            and not _COLON_TALLY.match(text, m.end(), hi)
            and not _NAME_LIST.match(text, m.end(), hi)  # "Iowa: Tim Albrecht, Brad Anderson, Rob Barron": a list
            and not (len(words) == 1 and lexicon.is_cue_word(bare(words[0]).lower()))
        ):
            return m.end() - 1, toks[0][0], toks[-1][1]
    for q in _QUOTE_COLON.finditer(text, lo, hi):
        c = q.start()
        if _inside(c, qspans):
            continue
        toks = _tokens(text, max(lo, c - 80), c)
        run: list[tuple[int, int, str]] = []
        for t in reversed(toks):
            if is_capitalised(t[2]) and (not any(ch in t[2] for ch in ",;.“”\"") or (run and _INITIAL.match(t[2]))) or (
                run and is_particle(t[2])
            ):  # ("Michael P. McDonald:": an initial inside the name)
                run.insert(0, t)
            else:
                break
        # The name is the colon's speaker, not the object of a verb or a
        # preposition before it ("Priebus told Fox News: “...”").
        k = len(toks) - len(run) - 1
        after = bare(toks[k][2]).lower() if k >= 0 else ""
        if (
            run and 2 <= len(run) <= 5 and bare(run[0][2]).lower() not in cues.NOT_NAMES
            and not (k >= 0 and toks[k][2][:1].islower() and (after in cues.PREPOSITIONS or lexicon.is_cue_word(after)))
        ):
            return c, run[0][0], run[-1][1]
    return None


#: Words that open a prepositional phrase, not a subject ("like Trump has
#: spoken", "Along with her husband, she ...").
_PP_OPENERS = frozenset("along like unlike despite amid among besides alongside".split())


def _sentence_subject(text: str, lo: int, cs: int) -> tuple[int, int] | None:
    """The name opening the sentence, before its first verb ("Bush
    criticized ... and said"): a capitalised run followed by a lower-case word."""
    toks = _tokens(text, lo, cs)
    k = _time_span_end(toks)  # "Minutes later they reversed course and said"
    if toks and (bare(toks[0][2]).lower().endswith("ing") or bare(toks[0][2]).lower() in _PP_OPENERS):
        # "Walking to the next address, Ebeling reminisced ...", "Along
        # with her husband, she ...": after the comma
        k = next((i + 1 for i, t in enumerate(toks) if t[2].endswith(",")), 0)
    while k < len(toks) and bare(toks[k][2]).lower() in cues.NOT_NAMES and bare(toks[k][2]).lower() not in cues.PRONOUNS:
        k += 1
    run: list[tuple[int, int, str]] = []
    for t in toks[k:]:
        if is_capitalised(t[2]) or (run and is_particle(t[2])):
            run.append(t)
            if t[2].endswith((",", ";", ":")):
                break
        else:
            break
    if not run or len(run) == len(toks) - k or any(ch in run[-1][2] for ch in ",;:"):
        return None
    nxt = toks[k + len(run)][2]
    if not nxt[:1].islower() or nxt in ("of", "and", "for", "in", "at", "on"):
        return None
    if bare(run[0][2]).lower() in cues.NOT_NAMES and len(run) == 1:
        return None
    return run[0][0], run[-1][1]


#: Common irregular past tenses: the first verb of a clause ("he began").
_IRREGULAR_PAST = frozenset(
    """
    began went took made gave came got held kept left met ran sent spent stood won
    brought built bought caught chose drew drove fell fought found felt grew heard
    hit led let lost meant paid put read rose saw set shook sought sold struck
    swore threw told thought understood wrote became broke spoke sat shot taught fled
    """.split()
)


_SUBORDINATING = cues.CLAUSE_WORDS - {"but", "so", "as"}


def main_subject(text: str, lo: int, pos: int, qspans, same_clause: bool = False) -> tuple[int, int] | None:
    """The subject of the sentence's first verb before ``pos``: who speaks
    in "Fiorina was upfront about ..., saying" or "he used stronger language,
    saying". The first verb is the first lower-case auxiliary, -ed form,
    cue verb or common irregular past after the opening word."""
    toks = _tokens(text, lo, pos)
    for k in range(1, len(toks)):
        t = toks[k][2]
        w = bare(t).lower()
        if not t[:1].islower() or _inside(toks[k][0], qspans):
            continue
        if w in cues.FINITE_BLOCKERS or w in _IRREGULAR_PAST or (w.endswith("ed") and len(w) > 3 and "-" not in w) or (
            lexicon.is_cue_word(w) and (w.endswith("s") or lexicon.FORMS[w].form == "past")
        ):
            subj = _np_before(text, lo, toks[k][0], qspans)
            opener = re.split(r"['’]", toks[0][2].lower())[0]
            if k > 1 and toks[k - 1][2].lower() in ("who", "which") and not opener.endswith("ing") and opener not in cues.PRONOUNS:
                # "Central European leaders who have been ... have embraced",
                # "Donald Trump, who is battling ..., has picked up": the head
                # before "who", when it opens the sentence.
                at = toks[k - 1][0]
                before = text[lo:at].rstrip()
                head = _np_before(text, lo, lo + len(before) - 1 if before.endswith(",") else at, qspans)
                subj = head if head.start == toks[0][0] else subj
            if subj.start >= subj.end:
                if subj.boundary_char == ",":  # "Gary Emineth, a former chairman, became ... and said"
                    spans = _parenthetical_subject(text, lo, subj, qspans, None)
                    return spans[0] if spans else None
                return None
            words = _words(text, subj.start, subj.end)
            if same_clause and any(
                bare(x[2]).lower() in _SUBORDINATING and not _demonstrative_that(toks, j)
                for j, x in enumerate(toks[k:], k)
            ):
                return None  # "..., because its society, eager for redress, wants" (not "..., but said")
            return (subj.start, subj.end) if valid_subject(words) else None
    return None


#: Words after which "that" is a pronoun, not a clause ("brought that down").
_AFTER_DEMONSTRATIVE = frozenset("down up out off back away over around".split())


def _demonstrative_that(toks: list[tuple[int, int, str]], j: int) -> bool:
    """Is "that" at ``j`` an object pronoun ("brought that down, but said")?"""
    return toks[j][2].lower() == "that" and j + 1 < len(toks) and toks[j + 1][2].lower() in _AFTER_DEMONSTRATIVE


def _coordinated(prev: list[tuple[int, int, str]]) -> bool:
    """Is the verb the second of a pair ("... and called", "but has denied")?"""
    k = len(prev) - 1
    while k >= 0 and (
        prev[k][2] in cues.AUXILIARIES or _adverb(prev[k][2])
        or prev[k][2] in _TIME_OPENERS or prev[k][2] in _TIME_WORDS or _is_datey(prev[k][2])
    ):
        k -= 1  # "... but on Tuesday wrote", "and last week said"
    if k >= 0 and prev[k][2] in ("and", "but", "or"):
        return True
    # "but in a later interview said": a short prepositional phrase after the conjunction
    if not any(t[2] in cues.PREPOSITIONS for t in prev[max(0, k - 5) : k + 1]):
        return False
    for j in range(k, max(-1, k - 6), -1):
        w = prev[j][2].lower()
        if any(ch in w for ch in ",;:“”\"") or w in cues.CLAUSE_WORDS or w in cues.PRONOUNS or lexicon.is_cue_word(w):
            return False
        if prev[j][2] in cues.PREPOSITIONS:
            return j > 0 and prev[j - 1][2] in ("and", "but", "or")
    return False


def comma_before_conjunction(prev: list[tuple[int, int, str]]) -> bool:
    """Does a comma stand before the coordinating conjunction (", and accused")?"""
    for j in range(len(prev) - 1, max(-1, len(prev) - 8), -1):
        if prev[j][2] in ("and", "but", "or"):
            return j > 0 and prev[j - 1][2].endswith(",")
    return False



def _adjective_before_noun(words: list[str], v: lexicon.Verb | None) -> bool:
    """"Republican support", "Democratic plans": an adjective and a noun."""
    if v is None or v.lemma not in cues.NOUN_HOMOGRAPHS or v.form not in ("base", "s"):
        return False
    last = bare(words[-1])
    if len(words) > 1 and is_capitalised(words[-2]) and bare(words[-2]).lower() not in cues.DETERMINERS and not any(
        is_possessive(w) for w in words
    ):
        return False  # a name's last word: "RIA Novosti reports" (not "China's ambitious Central Asian plans")
    return is_capitalised(last) and not last.endswith("s") and last.lower().endswith(cues.NATIONALITY_SUFFIXES + ("an",))


def _parenthetical_subject(text: str, lo: int, subj: _Subject, qspans, v) -> list[tuple[int, int]]:
    """"X, <descriptor>[, <descriptor>], said": skip the descriptors.

    A descriptor is a comma-separated segment that starts in lower case ("a
    senior adviser to ..."), with a possessive ("Sanders' campaign
    manager"), a relative clause ("who helped found EDGE") or a party tag
    ("R-Utah"). The subject is the segment before the descriptors.
    """
    end = subj.boundary - 1 if subj.boundary_char != "quote" else subj.boundary
    # A descriptor can itself be what a second descriptor describes ("Anna
    # Smith, a spokeswoman for Acme, a chemicals company, said"): a role
    # found in a comma-set descriptor is kept only as a fallback while the
    # walk goes on back to a name.
    fallback: list[tuple[int, int]] = []
    for _ in range(4):
        b2, c2 = _clause_start(text, lo, end, qspans)
        if c2 == "quote" and (title := _title_quote(text, b2, qspans) or _quoted_in_descriptor(text, lo, b2, qspans)):
            # "host of MSNBC’s “Morning Joe,” suggested", "citing “the unique magic of Trump,” said"
            b2, c2 = _clause_start(text, lo, title[0], qspans)
        inner = _tokens(text, b2, end)
        if c2 == "," and inner and is_capitalised(inner[0][2]) and _org_word_before(text, lo, b2 - 1) and (
            gender_of(" ".join(t[2] for t in inner)) is None  # (not "a spokeswoman for the foundation, Karen Mills,")
        ) and (any(
            t[2] == "&" or bare(t[2]).lower() in cues.ORG_WORDS or t[2].isupper() for t in inner
        ) or _inside_descriptor(text, lo, b2 - 1, qspans)):
            # "A spokesman for the lobbying firm, Hart & Lowe, said": the
            # name is the firm's; the speaker comes before it, or before
            # the descriptor it ends ("Vian, the editor of the newspaper,
            # L'Osservatore Romano, said").
            span = subject_before(text, lo, b2 - 1, qspans, v)
            if span is not None and _inside_descriptor(text, lo, b2 - 1, qspans):
                fallback = fallback or [span]
                end = b2 - 1
                continue
            return [span] if span is not None else fallback
        if c2 == "," and inner and _appositive_name(text, lo, b2 - 1, inner, qspans):
            return [(inner[0][0], inner[-1][1])]  # "the press secretary, Josh Earnest, said"
        if c2 == "," and inner and _place_tail(text, lo, b2 - 1, inner):
            # "of Baldwin, Miss.,": the state of a place; before it, a
            # descriptor or the speaker ("Officials in Baldwin, Miss., said").
            end = b2 - 1
            b3, _ = _clause_start(text, lo, end, qspans)
            inner = _tokens(text, b3, end)
            if inner and not _descriptor(inner):
                span = subject_before(text, lo, end, qspans, v)
                return [span] if span is not None else []
            continue
        if c2 == "," and inner and not _descriptor(inner) and _in_relative_clause(text, lo, b2 - 1, qspans):
            # "Michael Seaman, who lives outside the state capital,
            # Sacramento, said": a name inside the relative clause.
            end = b2 - 1
            continue
        if c2 != "," or not inner or not _descriptor(inner):
            return fallback
        b3, c3 = _clause_start(text, lo, b2 - 1, qspans)
        if c3 == "," and _place_tail(text, lo, b3 - 1, _tokens(text, b3, b2 - 1)):
            end = b2 - 1  # "who lost her daughter in Aurora, Colorado, in July 2012,": not "Colorado"
            continue
        span = subject_before(text, lo, b2 - 1, qspans, v)
        if span is not None and c3 == "," and span[0] >= b3 and _whose_before(text, lo, b3 - 1, qspans):
            end = b3 - 1  # "Marco Rubio, whose hometown, Miami, is projected ..., argues"
            continue
        if span is not None:
            words = _words(text, *span)
            if fallback:  # walked back past a role: only a name will do
                return [span] if all(is_capitalised(w) or is_particle(w) for w in words) else fallback
            segment = [t for t in _tokens(text, b3, b2 - 1) if any(ch.isalnum() for ch in t[2])]
            role = not is_capitalised(words[0]) or bare(words[0]).lower() in cues.DETERMINERS or (
                _PARTY_TAG.match(words[0]) is not None  # "Sen. Lindsey Graham, R-S.C., a candidate, said"
            )
            if c3 != "," or span[0] < b3 or not role or not segment or not _descriptor(segment):
                return [span]
            fallback = [span]
        end = b2 - 1
    return fallback


_PARTY_TAG = re.compile(r"^\(?[RDI]-[A-Z]")


def _org_word_before(text: str, lo: int, comma: int) -> bool:
    """Does the phrase before the comma end in a common noun for a body
    ("the lobbying firm,", "a rights group,", "the official newspaper,")?"""
    words = text[max(lo, comma - 30) : comma].split()
    return bool(words) and words[-1].islower() and (words[-1] in cues.ORG_WORDS or words[-1] in cues.OUTLET_NOUN_KINDS)


def _in_relative_clause(text: str, lo: int, comma: int, qspans) -> bool:
    """Is the segment ending at ``comma`` a relative clause set off by a
    comma ("..., who lives near the state capital,")?"""
    b, c = _clause_start(text, lo, comma, qspans)
    first = text[b:comma].split()[:1]
    return c == "," and bool(first) and first[0].lower() in ("who", "which", "whose")


def _whose_before(text: str, lo: int, comma: int, qspans) -> bool:
    """Does a "whose" clause end at ``comma`` ("Rubio, whose hometown,
    Miami, ...": the name after it is the hometown's)?"""
    b, c = _clause_start(text, lo, comma, qspans)
    return c == "," and text[b:comma].split()[:1] == ["whose"]


def _inside_descriptor(text: str, lo: int, comma: int, qspans) -> bool:
    """Is the segment ending at ``comma`` itself a descriptor set off by a
    comma ("Vian, the editor of the Vatican's newspaper, L'Osservatore
    Romano, said": the name after it is the newspaper's)?"""
    b, c = _clause_start(text, lo, comma, qspans)
    seg = _tokens(text, b, comma)
    return c == "," and bool(seg) and _descriptor(seg)


def _appositive_name(text: str, lo: int, comma: int, inner: list[tuple[int, int, str]], qspans) -> bool:
    """Is ``inner`` a name set off after a role ("the assailant, John McGraw,")?

    The segment is a short capitalised run, and the noun phrase before its
    comma ends in a common noun that can speak ("press secretary",
    "Santilli's attorney", "one group").
    """
    words = [t[2] for t in inner]
    if words[0].lower() == "the" and len(words) > 2:
        words = words[1:]  # "Elliott's father, the Rev. Charles Elliott Jr.,"
    if not 1 <= len(words) <= 6 or not all(is_capitalised(w) or is_particle(w) or _role_word(w) for w in words):
        return False
    if bare(words[0]).lower() in cues.NOT_NAMES or not is_capitalised(words[-1]) or not is_capitalised(words[-2 if len(words) > 1 else -1]):
        return False
    role = _np_before(text, lo, comma, qspans)
    toks = _words(text, role.start, role.end)
    if not toks or len(toks) > cues.MAX_SUBJECT_WORDS:
        return False
    low = [bare(t).lower() for t in toks]
    if not (toks[-1].isalpha() and (toks[-1].islower() or (toks[-1].isupper() and _source_noun(low[-1])))):  # ("... Group's CEO,")
        # "The director of the European Centre": a role noun before "of".
        k = low.index("of") if "of" in low[1:] else 0
        if not k or not (_source_noun(low[k - 1]) or low[k - 1] in cues.TITLE_WORDS):
            return False
        low = low[:k]
    return (
        _source_noun(low[-1]) or low[-1] in cues.TITLE_WORDS
        or low[0] in cues.DETERMINERS or low[0] in ("one", "another") or any(is_possessive(t) for t in toks)
    ) and not any(w in cues.FINITE_BLOCKERS or (lexicon.is_cue_word(w) and not _source_noun(w)) for w in low)


def _role_word(w: str) -> bool:
    """A lower-case role inside a name ("Party chairwoman Nancy Worley")."""
    b = bare(w).lower()
    return b in cues.TITLE_WORDS or b in cues.ROLE_NOUNS


def _quote_inner(text: str, q: tuple[int, int]) -> str:
    """A quotation's words without its marks (two apostrophes are one mark)."""
    a, b = q
    if text.startswith("''", a):
        a += 1
    if text.startswith("''", b - 2):
        b -= 1
    return text[a + 1 : b - 1]


def _title_quote(text: str, q_end: int, qspans) -> tuple[int, int] | None:
    """The quotation ending at ``q_end`` when it is a short title inside a
    descriptor ("star of television’s “Scandal,”"): a few capitalised words
    with the descriptor's comma inside the closing mark."""
    q = _inside(q_end - 1, qspans)
    if q is None:
        return None
    inner = _quote_inner(text, q).strip()
    words = inner.rstrip(",").split()
    if not inner.endswith(",") or not 1 <= len(words) <= 6:
        return None
    if not all(is_capitalised(w) or w in ("of", "the", "and", "a", "in", "on", "for", "to") for w in words):
        return None
    return q


def _quoted_in_descriptor(text: str, lo: int, q_end: int, qspans) -> tuple[int, int] | None:
    """The quotation ending at ``q_end`` when it closes a lower-case
    descriptor with the descriptor's comma inside its closing mark
    ("Mr. Manafort, citing “the unique magic of Trump,” said")."""
    q = _inside(q_end - 1, qspans)
    if q is None or not _quote_inner(text, q).rstrip().endswith(","):
        return None
    b, c = _clause_start(text, lo, q[0], qspans)
    lead = text[b : q[0]].split()
    return q if c == "," and lead and lead[0][:1].islower() else None


_PLACE_BEFORE = re.compile(r"(?:^|\s)(?:in|of|from|near)\s+(?:[A-Z][\w.’'\-]*\s+){0,2}[A-Z][\w.’'\-]*\s*$")


def _place_tail(text: str, lo: int, comma: int, inner: list[tuple[int, int, str]]) -> bool:
    """Is ``inner`` the state or country after a place ("of Baldwin, Miss.",
    "in Carthage, Ill.")? A short capitalised segment after "in/of/from X"."""
    if len(inner) > 2 or not all(is_capitalised(t[2]) for t in inner):
        return False
    place = _PLACE_BEFORE.search(text, max(lo, comma - 60), comma)
    if place is None:
        return False
    opener = text[lo : place.start()].split()
    # ("Speaking in Harlem, Clinton, ... accused": after a participle opening
    # the sentence, the capitalised segment is its subject, not a state.)
    return not (len(opener) == 1 and opener[0].endswith("ing") and is_capitalised(opener[0]))


def _descriptor(toks: list[tuple[int, int, str]]) -> bool:
    first = toks[0][2]
    return (
        first.isdigit()  # an age: "Dewayne Smithy, 33, of Baldwin"
        or not is_capitalised(first) or is_possessive(first) or _PARTY_TAG.match(first) is not None
        or any(t[2] in ("who", "which", "whose") for t in toks[:2])
        or (len(toks) > 1 and any(is_possessive(t[2]) for t in toks[:2]))
        or (len(toks) > 2 and toks[1][2] == "of" and bare(first).lower() in _PARTIES)  # "Republican of New York"
        # A role after capitalised words, last or before a preposition:
        # "South Carolina director for Sanders" (not "Clinton and husband Bill").
        or (len(toks) > 1 and "and" not in (t[2] for t in toks) and any(
            t[2].islower() and _role_word(t[2]) and (k == len(toks) - 1 or toks[k + 1][2] in _ROLE_PREPOSITIONS)
            for k, t in enumerate(toks[1:6], 1)
        ))
    )


_PARTIES = frozenset("republican democrat independent libertarian".split())
_ROLE_PREPOSITIONS = frozenset("for of at to in with on".split())




def coordinated_names(
    text: str, lo: int, span: tuple[int, int], qspans, is_person
) -> list[tuple[int, int]] | None:
    """The speakers of a list that is the whole subject, with a comma in it
    ("A and B" alone is ``_split_and``'s): each name when descriptors are
    set among them ("Meta's president, Nick Clegg, and its lawyer Jennifer
    Newstead said", "Nick Clegg, the president, and Jennifer Newstead
    said"); the whole list as one source when it is only names ("Clinton,
    Sanders and Biden said", as PolNeAR and ``_split_and`` keep "A and B").

    The clause before the verb (after a quotation or an opening phrase such
    as "After the vote,") must split at commas and one "and" into names and
    descriptors set off by commas, the "and" before the last name. A lone
    word is a name only when ``is_person(word, at)`` (not "Procter and
    Gamble"). None when the clause is anything else.
    """
    ns, ne = span
    start = max([lo, *(e for s, e in qspans if e <= ns), *(text.rfind(d, lo, ns) + 1 for d in "—–")])
    segments: list[tuple[list[tuple[int, int, str]], str]] = []  # (tokens, separator before)
    cur: list[tuple[int, int, str]] = []
    sep = ""
    for a, b, w in _tokens(text, start, ne):
        if w == "and":
            if cur:
                segments.append((cur, sep))
                cur, sep = [], "and"
            elif sep == ",":
                sep = ",and"
            else:
                return None
            continue
        comma = w.endswith(",")
        w = w.rstrip(",")
        if w:
            cur.append((a, b - comma, w))
        if comma:
            if not cur:
                return None
            segments.append((cur, sep))
            cur, sep = [], ","
    if not cur:
        return None
    segments.append((cur, sep))
    first = bare(segments[0][0][0][2]).lower()
    if len(segments) > 1 and segments[1][1] == "," and (first in cues.PREPOSITIONS or first in _SUBORDINATING):
        segments = [(segments[1][0], "")] + segments[2:]  # "After the vote, ..."
    seps = [s for _, s in segments]
    if len(segments) < 2 or seps.count("and") + seps.count(",and") != 1 or seps == ["", "and"]:
        return None  # (a plain "A and B" is ``_split_and``'s)
    if "and" not in segments[-1][1]:
        return None
    names: list[tuple[int, int]] = []
    described = False
    for k, (toks, before) in enumerate(segments):
        words = [t[2] for t in toks]
        if k == len(segments) - 1:
            names.append((max(ns, toks[0][0]), ne))
            continue
        after = segments[k + 1][1]
        if _descriptor(toks) or bare(words[0]).lower() in cues.DETERMINERS:
            # A descriptor is set off by commas, next to its name: "Meta's
            # president, Nick Clegg," or "Nick Clegg, the president, and".
            # (Not "The Democratic candidates, Hillary Clinton and Senator
            # Bernie Sanders,": a descriptor of the pair, which is one source.)
            set_off = (
                after == "," and k + 2 < len(segments) and segments[k + 2][1] in (",", ",and")
                if before == ""
                else before == "," and after in (",", ",and") and bool(names) and names[-1][1] >= segments[k - 1][0][-1][1]
            )
            if not set_off:
                return None
            described = True
            continue
        core = strip_titles(words)
        if not core or len(core) > 4 or not valid_subject(words) or not all(is_capitalised(w) or is_particle(w) for w in core):
            return None
        if len(core) == 1 and not is_person(core[0], toks[0][0]):
            return None
        names.append((toks[0][0], toks[-1][1]))
    if len(names) < 2:
        return None
    # A bare list of names is one source, as "A and B" is ("Clinton, Sanders
    # and Biden"); with descriptors, each name is a source of its own.
    return names if described else [(names[0][0], ne)]

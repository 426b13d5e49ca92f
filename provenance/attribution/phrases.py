"""Words and noun phrases: the tests every speaker rule shares.

Why a module of its own: ``subjects`` finds the noun phrase before a verb,
``after_cue`` the one after a cue, ``descriptors`` the speaker set off by
commas; all of them cut text into words and ask the same questions of those
words. The answers live here, once, below all three:

- ``_tokens`` / ``_words``: whitespace tokens with their offsets (a word a
  print dump broke at a line end, "Volk-" + "swagen", is one);
  ``_inside``: the quotation that holds an offset.
- word tests: ``_is_datey`` ("Thursday", "Jan.", "2016"; not "the
  46-year-old"), ``_adverb``, ``_source_noun`` (a common noun that can
  speak: "official", "employees"), ``_finite_after_noun`` ("donors handed").
- shares of those polled: ``_is_poll_share`` ("About 4 in 10", "42%",
  "two-thirds"); ``share_tail``, one before "who".
- ``valid_subject``: do these words look like a speaker at all?
"""

from __future__ import annotations

import functools
import re

from . import cues, lexicon
from .names import bare, is_capitalised, is_possessive



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


#: Words that speak alone before "say" or "tell", standing for members of a group.
_STANDING_ALONE = frozenset("another one others some many most several few".split())


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
    if v is not None and v.lemma in ("say", "tell") and len(low) == 1 and low[0] in _STANDING_ALONE:
        return True  # "Another said", "One says", "Others say": members of a group named before
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


_TIME_OPENERS = frozenset("on in at during last this earlier later early late".split())
_TIME_WORDS = frozenset("morning evening night afternoon day the a past week weekend month year".split())


def _first_name_before(words: list[str]) -> bool:
    """Is the word before the last a common first name ("Theresa May")?"""
    return len(words) > 1 and ((first := words[-2].lower()) in cues.MALE_FIRST_NAMES or first in cues.FEMALE_FIRST_NAMES)


def _untagged(words: list[str]) -> list[str]:
    """The words without party tags ("Martin O’Malley (D)")."""
    return [w for w in words if not _PARTY_TAG_TOKEN.match(w)]


_OBJECT_PREPOSITIONS = cues.PREPOSITIONS | {"of", "to", "among"}


#: Common irregular past tenses: the first verb of a clause ("he began").
_IRREGULAR_PAST = frozenset(
    """
    began went took made gave came got held kept left met ran sent spent stood won
    brought built bought caught chose drew drove fell fought found felt grew heard
    hit led let lost meant paid put read rose saw set shook sought sold struck
    swore threw told thought understood wrote became broke spoke sat shot taught fled
    """.split()
)

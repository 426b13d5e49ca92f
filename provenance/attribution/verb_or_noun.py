"""Verb or noun: is a cue word of the lexicon a verb where it stands?

Why a module of its own: the matcher of ``lexicon`` finds every inflected
form of the cue verbs, and many of them are as often nouns or adjectives
("the reports", "Trump's plans", "Republican support", "the most
elaborate", "with support of", "the Drudge Report"). Only the words around
the word tell which it is, so the tests here read the few tokens before the
cue and the characters right after it, and nothing else: no subject, no
record of the sentence. ``statements`` asks them before any rule looks for
a speaker; a word they call a noun is no cue.

- ``not_a_verb``: after a determiner, a possessive, a degree word ("most
  telling"), a number ("two reports"), a preposition ("for comment"), a
  name used as an adjective ("The Orlando attack"), or inside the noun
  phrase of "according to", the word is a noun or an adjective; a noun
  homograph before "is", punctuation or a number is a noun ("Trump
  support is", "Clinton support 27 percent"), unless a subject pronoun or
  an auxiliary stands before it ("they support.") or its object does
  ("what people want.").
- ``singular_before_noun``: a base form right after one singular
  capitalised word, where a verb would need its -s form ("Drone attack
  sparks").
- ``capitalised_before``, ``title_case_after``: a capitalised noun
  homograph after a capitalised word is a name's last word ("the Drudge
  Report,"), unless a Title Case headline goes on.

``_OBJECT_GAP`` and ``_SUBJECT_PRONOUNS`` are read by ``statements`` too
(the "seen as" rule; the clause after "feels").
"""

from __future__ import annotations

import re

from . import cues, lexicon
from .channels import _NEXT_WORD
from .names import bare, is_capitalised, is_possessive
from .phrases import _source_noun, _tokens

#: Prepositions after which a cue word (not an -ing form) is a noun.
_NOUN_AFTER = cues.PREPOSITIONS | {"of", "with", "without", "into", "about"}
#: Determiners before "adjective + noun-homograph" ("his Islamophobic remarks").
_NOUN_DETERMINERS = frozenset("the a an his her their its our my your".split())
#: Words that end the adjectives ``_determiner_before`` walks over.
_NOT_ADJECTIVES = frozenset("to not never and or will would can could should may might must do does did also still just".split())
#: What follows a noun, not a verb: punctuation, the end, a verb.
_NOUN_NEXT = re.compile(r"\s*(?:[,.;:!?)”\"]|$|(?:is|was|are|were|has|had|have|will|would|could|should|may|might)\b)")
_NOUN_NEXT_OR_NUMBER = re.compile(r"\s*(?:[,.;)]|(?:is|was|are|were|has|had)\b|\d)")
_PREPOSITION_NEXT = re.compile(r"\s+(?:among|in|from|for|of|across)\b")
#: Words before a verb whose object stands before it ("what people want.").
_OBJECT_GAP = frozenset("what which that as who whom".split())
#: Subject pronouns ("they support.", "feels he can win").
_SUBJECT_PRONOUNS = frozenset("he she it they we i you".split())
#: Plurals and collectives that take a base form without an -s.
_PLURALS_WITHOUT_S = frozenset("children staff clergy personnel youth folk public cattle".split())


def not_a_verb(
    text: str, lo: int, hi: int, cs: int, ce: int, key: str, v: lexicon.Verb | None, prev: list[tuple[int, int, str]], pw: str,
) -> bool:
    """Is the cue word ``text[cs:ce]`` of the sentence ``text[lo:hi]`` an
    adjective or a noun, not a verb ("the most elaborate", "the reports",
    "Trump support is", "with support of")? ``key`` is the cue lower-cased,
    ``v`` its verb (None for a fixed phrase such as "according to");
    ``prev`` are the tokens before the cue (``phrases._tokens`` of the 40
    characters before it), ``pw`` the last one bare and lower-cased."""
    if v is not None and prev and v.form in ("base", "past", "ing") and prev[-1][2].isalpha() and prev[-1][2].islower() and (
        pw in ("very", "too") or (pw in ("most", "least", "more", "less") and (
            v.form == "ing" or (len(prev) > 1 and prev[-2][2].lower() in ("the", "a", "an"))
        ))
    ) and not text.startswith(" by ", ce):  # ("the most disliked by the establishment": a passive)
        return True  # an adjective: "the most elaborate process", "Perhaps most telling" (not "most said")
    if prev and (
        prev[-1][2][-1:].isalpha() and (pw in cues.DETERMINERS or (is_possessive(prev[-1][2]) and pw not in cues.HAS_CONTRACTED))
        or prev[-1][2][-1:] in "’'" and prev[-1][2][-2:-1] in "sS" and is_possessive(prev[-1][2])
    ):
        return True  # a noun: "the reports", "Trump's plans", "veterans’ issues" (but "he's said")
    if v is not None and text.find("ccording to", max(lo, cs - 100), cs) >= 0 and _after_according_to(
        _tokens(text, max(lo, cs - 100), cs)
    ):
        return True  # inside the phrase's noun phrase: "according to a study published Tuesday"
    if v is not None and v.form == "s" and v.lemma in cues.NOUN_HOMOGRAPHS and len(prev) > 1 and (
        prev[-2][2] in _NOUN_DETERMINERS and prev[-1][2].isalpha() and prev[-1][2][:1].islower()
        and not (prev[-1][2].endswith("ly") or _source_noun(prev[-1][2]))
    ):
        return True  # a plural noun after an adjective: "his Islamophobic remarks", "the new plans"
    if v is not None and v.form == "s" and pw in cues.QUANTIFIERS and prev[-1][2].isalpha():
        return True  # a plural noun after a number: "took several questions", "two reports"
    if v is not None and v.form == "base" and (key not in cues.CORE_SPEECH or v.lemma in cues.NOUN_HOMOGRAPHS) and len(prev) > 1 and (
        prev[-2][2].lower() in ("the", "a", "an") and prev[-1][2][:1].isupper() and (
            prev[-1][2].isalpha() or (v.lemma in cues.NOUN_HOMOGRAPHS and prev[-1][2].replace(".", "").isalpha())
        )
        and not (prev[-1][2].endswith("s") and not prev[-1][2].endswith(("ss", "is", "as", "us")))
    ):
        return True  # a noun after a name used as an adjective: "The Orlando attack", "the U.S. pledge"
        # (not "The Democrats oppose", "The Clintons say"; an abbreviation only before a noun
        # homograph: "Opponents ... into the U.S. cite concerns" is a verb)
    if v is not None and v.form == "base" and v.lemma in cues.NOUN_HOMOGRAPHS and _possessor_then_name(prev):
        return True  # "China's Silk Road plan has": a possessor, a name, then the noun
    if v is not None and v.form == "base" and v.lemma in cues.NOUN_HOMOGRAPHS and (det := _determiner_before(prev)) >= 0 and (
        _NOUN_NEXT.match(text, ce, hi) or not _after_preposition(prev, det)
    ):
        return True  # a singular noun: "the tax plan is", "in an apparent terrorist attack." (not
        # "Majorities across the political spectrum favor granting")
    if v is not None and v.form == "base" and v.lemma in cues.NOUN_HOMOGRAPHS and pw not in _SUBJECT_PRONOUNS and (
        pw not in cues.AUXILIARIES
    ) and (
        _NOUN_NEXT_OR_NUMBER.match(text, ce, hi) or pw in ("percent", "%") and _PREPOSITION_NEXT.match(text, ce, hi)
    ) and not any(t[2].lower() in _OBJECT_GAP for t in prev[-4:]):
        return True  # a noun: "45 percent support among", "Trump support is", "Clinton support 27 percent"
        # (not "they support.", "what people want.", "as some liberals hope,", "would support is")
    if pw in _NOUN_AFTER and not text[ce - 3 : ce] == "ing" and prev[-1][2].isalpha() and not (
        len(prev) > 1 and prev[-2][2].lower() in ("has", "have", "had")  # "has since said"
    ) and not (pw == "since" and v is not None and v.form == "past"):  # "Smith since said": an adverb
        return True  # a noun after a preposition: "with support of", "for comment"
    return False


def singular_before_noun(words: list[str], v: lexicon.Verb | None) -> bool:
    """Is a base form that is also a noun ("attack", "plan", "support")
    right after one singular capitalised word, which as a verb would need
    its -s form ("Drone attack", "Trump support"; not "Kurds support", "I
    fear", "Many fear", "Police fear", "Cruz would not comment")?"""
    if v is None or v.form != "base" or v.lemma not in cues.NOUN_HOMOGRAPHS or len(words) != 1:
        return False
    w = bare(words[0])
    low = w.lower()
    return is_capitalised(w) and not low.endswith("s") and low not in cues.PRONOUNS and low not in cues.FIRST_PERSON and (
        low != "you" and low not in cues.QUANTIFIERS and low not in cues.GROUP_NOUNS and low not in _PLURALS_WITHOUT_S
    )  # ("Many fear", "Police fear", "Children want")


def capitalised_before(text: str, lo: int, cs: int) -> bool:
    """Is the word before ``cs`` (within 40 characters) capitalised?"""
    before = text[max(lo, cs - 40) : cs].split()
    return bool(before) and before[-1][:1].isupper()


def title_case_after(text: str, end: int, hi: int) -> bool:
    """Does a capitalised word follow (a Title Case headline goes on)?"""
    m = _NEXT_WORD.match(text, end, hi)
    return m is not None and m.group(1)[:1].isupper()


def _after_preposition(prev: list[tuple[int, int, str]], det: int) -> bool:
    """Does the determiner at ``det`` follow a preposition ("across the
    political spectrum")?"""
    w = prev[det - 1][2].lower() if det > 0 else ""
    return w in cues.PREPOSITIONS or w in ("of", "across", "among", "to")


def _possessor_then_name(prev: list[tuple[int, int, str]]) -> bool:
    """Do a possessive and a capitalised run stand right before ("China's
    Silk Road", "Trump's Mexico")?"""
    k = len(prev) - 1
    while k >= 0 and prev[k][2][:1].isupper() and not is_possessive(prev[k][2]):
        k -= 1
    return 0 <= k < len(prev) - 1 and is_possessive(prev[k][2])


def _determiner_before(prev: list[tuple[int, int, str]]) -> int:
    """Where a determiner stands with one to three lower-case singular words
    after it, right before ("an apparent terrorist", "the tax"), or -1. A
    base form there is a noun: a singular subject takes no base form."""
    for k in range(len(prev) - 1, max(-1, len(prev) - 5), -1):
        w = prev[k][2]
        if w.lower() in _NOUN_DETERMINERS:
            return k if k < len(prev) - 1 else -1
        if not (w.replace("-", "").isalpha() and w.islower()) or w.endswith(("s", "ly")) or w in _NOT_ADJECTIVES or w in _SUBJECT_PRONOUNS:
            return -1
    return -1


def _after_according_to(prev: list[tuple[int, int, str]]) -> bool:
    """Does "according to" come shortly before, with no punctuation since?"""
    for k in range(len(prev) - 1, 0, -1):
        w = prev[k][2]
        if w[-1] in ",;:.!?)”\"":
            return False
        if w.lower() == "to" and prev[k - 1][2].lower() == "according":
            return True
    return False

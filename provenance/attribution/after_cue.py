"""The noun phrase after a cue: "according to X", "..., said X", "by X".

Why a module of its own: after a cue the speaker opens what follows, and
the work is deciding where the noun phrase ends (punctuation, a cut word
like "on"/"that", a date) and that it is no start of the reported clause.
Nothing here looks back before the cue, so ``phrases`` is all it needs:

- ``_np_after``: the noun phrase after a cue ("according to X", "citing
  two sources in ...").
- ``inverted_subject``: "..., said Pavel Orlov, the mayor", "said GOP
  strategist Keith Nahigian" (not "said Trump's nomination will": the
  reported clause).
- ``agent_np``: the agent after a passive's "by" ("asked by host John
  Dickerson whether").
"""

from __future__ import annotations

import re

from . import cues, lexicon
from .names import bare, is_capitalised, is_particle, is_possessive
from .phrases import _IRREGULAR_PAST, _is_datey, _source_noun, _tokens, _words, valid_subject

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


_AFTER_INVERTED = re.compile(r"\s*(?:$|[,.;:!?)\]—–(]|(?:on|in|at|during|after|before|last|this|who|whose|that|when|while|as|to|about|of|from|for|with|and|adding|noting|according)\b)", re.I)


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
_YEAR = re.compile(r"(?:19|20)\d\d")


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
        # ("said a 2008 Clinton veteran": a year after the determiner is a modifier)
        year = k == 1 and k + 1 < len(toks) and _YEAR.fullmatch(t[2]) is not None and bare(run[0][2]).lower() in cues.DETERMINERS
        if run and (w in _CUT_AFTER or _is_datey(t[2])) and not is_capitalised(t[2]) and not rank and not year:
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
    whether", "rejected by congressional investigators."): up to
    punctuation or a word that starts a clause, when it can speak ("by a
    series of congressional inquiries" gives none: ``valid_subject``)."""
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

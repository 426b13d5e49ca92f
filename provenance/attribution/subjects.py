"""The noun phrase before a verb: who speaks in "X said".

Why a module of its own: most speakers stand before their verb, and finding
where that noun phrase starts is most of the work; ``phrases`` judges the
words, the functions here cut them out of the clause:

- ``_np_before``: the subject before a verb, from the last clause boundary
  (comma, semicolon, colon, dash, a closing quotation mark, or a clause word
  like "after"/"that"), minus auxiliaries and adverbs ("has previously
  said"), a leading prepositional phrase ("By the spring of 2016 the
  Interior Ministry estimated") and a trailing time phrase ("Sean Spicer on
  Thursday evening said"); ``subject_before`` keeps it when it looks like a
  speaker.
- ``_split_and``: "a Kurdish official and AFP correspondents": two.
- ``_antecedent``: "France, which announced", "voters who want".
- ``_sentence_subject``: "Bush criticized ... and said": the name opening
  the sentence.
- ``_colon_source``: "Sanders: Endorsements prove ...".
- ``_coordinated``, ``comma_before_conjunction``, ``_adjective_before_noun``:
  what stands just before the verb ("... and called", "Republican support").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import cues, lexicon
from .names import bare, gender_of, is_capitalised, is_particle, is_possessive, strip_titles
from .phrases import (
    _PARTY_TAG_TOKEN,
    _TIME_OPENERS,
    _TIME_WORDS,
    _adverb,
    _finite_after_noun,
    _first_name_before,
    _inside,
    _is_datey,
    _is_share_word,
    _source_noun,
    _tokens,
    _untagged,
    _words,
    valid_subject,
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


def subject_before(text: str, lo: int, pos: int, qspans, v: lexicon.Verb | None = None) -> tuple[int, int] | None:
    """The noun phrase before ``pos`` when it looks like a speaker."""
    subj = _np_before(text, lo, pos, qspans)
    if subj.start < subj.end and valid_subject(_words(text, subj.start, subj.end), v):
        return subj.start, subj.end
    return None


#: Adverbs that may open a conjunct of a subject ("and even some technologists").
_FOCUS_ADVERBS = frozenset("even also especially particularly".split())


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


#: Words that open a modifier after a subject's head noun: prepositions
#: (but "of"), an infinitive, a relative pronoun.
_MODIFIER_OPENERS = (cues.PREPOSITIONS | _RELATIVES | {"across", "among", "around", "to", "that"}) - {"of"}


#: Adjectives whose "to"/"with" phrase belongs to the head ("close to him").
_TAKES_COMPLEMENT = frozenset("close familiar loyal opposed sympathetic connected allied linked friendly near".split())


def head_of_long_subject(text: str, start: int, end: int, v: lexicon.Verb | None) -> tuple[int, int] | None:
    """The head of a subject too long to be a speaker's name, for "say":
    the words before its first modifier, a preposition, an infinitive, a
    relative or a participle ("Three-in-five GOP insiders | across the four
    states ... said", "The last man | to mount a ... race says"), keeping
    one "of" phrase ("Many of the local GOP leaders | who'd rather ...
    said"). None when the phrase holds a verb of its own ("Scarborough Shoal
    is now the place Pentagon officials say": a clause, not a subject) or
    ends in a pronoun (the pronoun is the subject)."""
    toks = _tokens(text, start, end)
    low = [re.split(r"['’]", bare(t[2]).lower())[0] for t in toks]  # ("who’d": who)
    relative = next((k for k, w in enumerate(low) if w in _RELATIVES or w == "that"), len(low))  # (its clause has verbs)
    if len(toks) < 3 or low[-1] in cues.PRONOUNS or low[-1] in cues.FIRST_PERSON or any(
        w in cues.FINITE_BLOCKERS or (toks[k][2].islower() and lexicon.is_cue_word(w) and low[k + 1 : k + 2] != ["by"])
        for k, w in enumerate(low[:relative])
    ):
        return None  # a clause before the subject ("the polls close at 7 p.m. He", "A poll shows 68% of voters")
    cuts = []
    for k in range(1, len(toks)):
        w, raw = low[k], toks[k][2]
        if w == "of" and not cuts:
            cuts.append(k)  # the phrase before "of", if the one with it is no speaker
            continue
        participle = raw.islower() and (w.endswith("ing") or (w.endswith(("ed", "en")) and low[k + 1 : k + 2] == ["by"]))
        if w in ("to", "with") and low[k - 1] in _TAKES_COMPLEMENT:
            continue  # "Those close to him", "people familiar with the talks": one phrase
        if w in _MODIFIER_OPENERS or participle or w == "of":
            cuts.append(k)
            break
    else:
        return None
    for k in reversed(cuts):
        if valid_subject([t[2] for t in toks[:k]], v):
            return toks[0][0], toks[k - 1][1]
    return None


#: Words that open a phrase before the subject, with no comma after it.
_COMMALESS_OPENERS = cues.PREPOSITIONS | {"at", "speaking", "addressing", "appearing", "writing"} | frozenset(
    "monday tuesday wednesday thursday friday saturday sunday yesterday today tonight earlier later".split()
)


def name_after_opener(text: str, start: int, end: int, v: lexicon.Verb | None) -> tuple[int, int] | None:
    """A person's name ending a phrase that opens the sentence without a
    comma: "Speaking Saturday at the state party convention Sen. Elizabeth
    Warren (D-MA) said", "At the rally Gov. John Kasich said". The phrase
    opens with a preposition, a day or an -ing form of speaking ("Saturday
    at the convention Sen. Elizabeth Warren said"); the name has a
    title or a known first name and does not follow a preposition ("the
    report by Sen. Elizabeth Warren said" is the report's)."""
    toks = _tokens(text, start, end)
    if toks and _PARTY_TAG_TOKEN.match(toks[-1][2]):
        toks = toks[:-1]  # "Sen. Elizabeth Warren (D-MA)"
    if len(toks) < 4 or bare(toks[0][2]).lower() not in _COMMALESS_OPENERS:
        return None
    k = len(toks)
    while k > 1 and is_capitalised(toks[k - 1][2]):
        k -= 1
    name = [t[2] for t in toks[k:]]
    if not 2 <= len(name) <= 5 or bare(toks[k - 1][2]).lower() in cues.PREPOSITIONS | {"of", "to", "at", "and"}:
        return None
    person = strip_titles(name)
    if len(person) < 2 or (len(person) == len(name) and gender_of(" ".join(person)) is None):
        return None  # (a title or a known first name says it is a person)
    return (toks[k][0], toks[-1][1]) if valid_subject(name, v) else None

"""Speakers set off by commas: "X, <descriptor>[, <descriptor>], said".

Why a module of its own: when descriptors ("a senior adviser to ...",
"Sanders' campaign manager", "who helped found EDGE", "R-Utah") stand
between a speaker and the verb, the noun phrase before the verb is a
descriptor, not the speaker. The functions here walk back over such
segments and ask ``subjects`` for the noun phrase each walk reaches (so
they sit above it, and it never imports them):

- ``_parenthetical_subject``: "X, <descriptor>[, <descriptor>], said",
  past the names that are not the speaker's ("the lobbying firm, Hart &
  Lowe,", "of Baldwin, Miss.,", a quoted title).
- ``coordinated_names``: a list with descriptors among its names ("Meta's
  president, Nick Clegg, and its lawyer Jennifer Newstead said").
- ``main_subject``: the subject of the sentence's first verb ("Fiorina was
  upfront about ..., saying"); after a descriptor, the walk ("Gary Emineth,
  a former chairman, became ... and said").
"""

from __future__ import annotations

import re

from . import cues, lexicon
from .names import bare, gender_of, is_capitalised, is_particle, is_possessive, strip_titles
from .phrases import _IRREGULAR_PAST, _inside, _source_noun, _tokens, _words, valid_subject
from .subjects import _clause_start, _np_before, _Subject, subject_before

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

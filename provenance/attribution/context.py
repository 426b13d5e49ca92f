"""Per-document state: the gazetteer, names, cue matches and pronoun candidates.

Pronouns resolve to the nearest fitting person named before (a source
already found, or a name opening a sentence) within a short window, never to
the speaker of the quotation they stand in; otherwise they stay as written
and are typed ``unnamed``. Names opening sentences are looked for lazily:
only the sentences within the window of a pronoun are ever read. The cue
matcher runs once over the whole text; each sentence takes its slice.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..outlets import Gazetteer
from . import cues, lexicon
from .names import NameIndex, Source, bare, before_apostrophe, classify, gender_of, is_capitalised, strip_titles
from .phrases import _inside
from .sentences import double_quotes

_CUE = lexicon.cue_regex()
_INITIAL_NAME = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=[.!?][”\"’]\s)|(?<=[“\"‘«]))"
    r"([^\W\d_][\w’'\-]*(?:[ \t\u00a0]+[^\W\d_][\w’'\-]*){0,2}?)(?=,|\s+[a-z])",
    re.M,
)

@dataclass
class Candidate:
    pos: int
    name: str
    type: str
    rank: int
    from_text: bool = False
    quoted: bool = False  # mentioned inside a quotation


@dataclass
class Context:
    """Per-document state: the gazetteer, names, and the speakers so far."""

    text: str
    gaz: Gazetteer
    names: NameIndex
    rank: dict[int, int]  # paragraph index -> rank among non-furniture paragraphs
    candidates: list[Candidate] = field(default_factory=list)  # sources found, in order
    last_speaker: tuple[Source, int] | None = None
    # Names opening sentences, found lazily: only the sentences within the
    # pronoun window of a pronoun are ever looked at.
    text_candidates: list[Candidate] = field(default_factory=list)
    pending: list[tuple[int, int, int]] = field(default_factory=list)  # (lo, hi, rank)

    _cue_matches: list[re.Match] | None = None
    _cue_starts: list[int] | None = None
    _cue_ends: list[int] | None = None
    _mid_sentence: dict[str, bool] = field(default_factory=dict)
    _interviewee: str | None = None
    _runs_read: int = 0  # name runs read looking for the interviewee
    _first_question: int | None = None

    def named_mid_sentence(self, word: str) -> bool:
        """Does ``word`` also stand capitalised inside a sentence (after a
        lower-case word, a comma or a title: "Mr. Putin"), as names do and
        sentence openers do not? (Its occurrences are found with ``str.find``:
        a name is rare in its text, a scan of every capitalised word is not.)"""
        known = self._mid_sentence.get(word)
        if known is None:
            known = self._mid_sentence[word] = _mid_sentence(self.text, word)
        return known

    def is_person(self, word: str, at: int) -> bool:
        """Does a lone capitalised word name a person: a surname of a full
        name in the text ("Biden" after "Joe Biden"), or a first name?"""
        return self.names.full_name(word, at) != bare(word) or gender_of(word) is not None

    def cues_in(self, lo: int, hi: int) -> list[re.Match]:
        """Cue matches inside ``text[lo:hi]``: the text is scanned once."""
        if self._cue_matches is None:
            self._cue_matches = list(_CUE.finditer(self.text))
            self._cue_starts = [m.start() for m in self._cue_matches]
            # Matches do not overlap, so their ends are sorted too.
            self._cue_ends = [m.end() for m in self._cue_matches]
        a = bisect.bisect_left(self._cue_starts, lo)
        b = bisect.bisect_right(self._cue_ends, hi)
        return self._cue_matches[a:b] if b > a else []

    def _materialise(self, floor: int) -> None:
        for lo, hi, rank in self.pending:
            if rank >= floor - 1:
                self.text_candidates.extend(_sentence_initial_names(self, lo, hi, rank))
        self.pending.clear()

    def after_question(self, pos: int) -> bool:
        """Does a "Q:" line come before ``pos`` (an interview's answers follow
        its questions)? (The first "Q:" is found once per document.)"""
        if self._first_question is None:
            self._first_question = self.text.find("Q:")
        return 0 <= self._first_question < pos

    def interviewee(self, pos: int) -> str | None:
        """The person an interview's answers belong to: the first person the
        text names in full (a Q&A names its subject in the headline or the
        introduction; people named in the answers come later). The runs are
        read once, however many answers ask."""
        runs = self.names.runs
        while self._interviewee is None and self._runs_read < len(runs) and runs[self._runs_read][0] < pos:
            toks = runs[self._runs_read][1]
            self._runs_read += 1
            name = strip_titles(toks)
            if len(name) >= 2 and all(is_capitalised(t) for t in name) and not any(
                bare(t).lower() in cues.ORG_WORDS or bare(t).lower() in cues.NOT_NAMES for t in name
            ) and self.gaz.resolve(" ".join(name)) is None:
                self._interviewee = " ".join(bare(t) for t in name)
        return self._interviewee

    def resolve(self, src: Source, pos: int, rank: int, exclude: str | None) -> Source:
        """Resolve a pronoun source (kept as written, ``unnamed``, when no
        fitting name comes before it).

        Inside a quotation (``exclude`` is the quoted speaker) a pronoun
        refers to someone the speaker named, so only names mentioned inside
        quotations qualify.
        """
        want = src.source_type
        # "he" is not the "Hillary Clinton" named last, nor "she" "Bill Clinton".
        other = _OTHER_GENDER.get((src.source_text or "").lower())
        fits = {"person": ("person",), "group": ("group", "person", "government", "organization"),
                "organization": ("organization", "outlet", "government"), "any": ("person", "organization", "outlet", "government", "group")}[want]
        best: Candidate | None = None
        # Sources already found come first; names opening sentences second,
        # so those are read only when no source fits.
        floor = rank - cues.PRONOUN_WINDOW_PARAGRAPHS
        for pool in (self.candidates, self.text_candidates):
            if pool is self.text_candidates:
                self._materialise(floor)
            for c in reversed(pool):
                if c.rank < floor - 1:
                    break
                if (
                    c.pos < pos and c.type in fits and c.name != exclude
                    and (exclude is None or c.quoted)
                    and c.rank >= rank - cues.PRONOUN_WINDOW_PARAGRAPHS
                    and (other is None or self.names.gender(c.name) != other)
                ):
                    if best is None or c.pos > best.pos:
                        best = c
            if best is not None:
                break
        if best is None:
            return Source(src.source_text, src.source_text, "unnamed", pronoun=True)
        outlet = self.gaz.resolve(best.name) if best.type == "outlet" else None
        return Source(best.name, src.source_text, best.type, outlet.id if outlet else None, pronoun=True)


_OTHER_GENDER = {"he": "female", "she": "male"}
_ADVERB_ENDINGS = ("ally", "ously", "ively", "edly", "ingly", "ently", "antly")
_TITLES_BEFORE = ("Mr. ", "Mrs. ", "Ms. ", "Dr. ", "Sen. ", "Rep. ", "Gov. ", "Gen. ", "Prof. ")


def _mid_sentence(text: str, word: str) -> bool:
    """Context.named_mid_sentence, uncached."""
    i = text.find(word)
    while i >= 0:
        end = i + len(word)
        if (end >= len(text) or not text[end].isalnum()) and i >= 2 and text[i - 1] == " " and (
            text[i - 2].islower() or text[i - 2] == "," or text.endswith(_TITLES_BEFORE, 0, i)
        ):
            return True
        i = text.find(word, i + 1)
    return False


def _sentence_initial_names(ctx: Context, lo: int, hi: int, rank: int) -> Iterator[Candidate]:
    quoted = double_quotes(ctx.text, lo, hi)
    for m in _INITIAL_NAME.finditer(ctx.text[lo:hi]):
        words = [bare(w) for w in m.group(1).split()]
        if not all(is_capitalised(w) for w in words) or (len(words) == 1 and lexicon.is_cue_word(words[0].lower())):
            continue  # (nor "Asked about it, he said": a verb)
        w = words[0]
        lw = before_apostrophe(w.lower())  # "I'll", "We've"
        if (
            w.isupper() or lw in cues.NOT_NAMES or lw in cues.FIRST_PERSON or lw in cues.PLACES
            or lw in cues.SOURCE_NOUNS or ctx.names.is_common_word(w)
            or ctx.gaz.resolve(" ".join(words)) is not None
            or any(x.lower() in cues.ORG_WORDS or x.lower() in cues.PLACES for x in words)
        ):
            continue
        name = strip_titles(words)
        at = lo + m.start(1)
        full = " ".join(name) if len(name) > 1 else ctx.names.full_name(name[0], at + 1)
        if len(name) == 1 and full == name[0] and (
            (lw.endswith(("ing", "ed")) and len(lw) > 5) or (lw.endswith(_ADVERB_ENDINGS) and len(lw) > 6)
            or lw in cues.SENTENCE_OPENERS
        ):
            # "Losing the primary, ...", "Reached by phone, ...", "Politically,
            # she knew", "Indeed, ...", "Democratic front-runner ...": no one named
            continue
        if len(words) == 1 and full == name[0] and not ctx.named_mid_sentence(name[0]):
            continue  # "Unfortunately", "Footage", "Everybody": capitalised only where sentences open
        yield Candidate(at, full, "person", rank, True, _inside(at, quoted) is not None)


def index_paragraph(ctx: Context, lo: int, hi: int, rank: int) -> None:
    """Add the names opening sentences of a paragraph as pronoun candidates."""
    ctx.pending.append((lo, hi, rank))


_OUTLET_NOUN = re.compile(
    r"the\s+(?:(?:state|state-run|state-owned|official|news|daily|online|pro-kremlin|local)\s+)*(%s)" % "|".join(cues.OUTLET_NOUN_KINDS),
    re.I,
)


def outlet_named_before(ctx: Context, src: Source, rank: int) -> Source | None:
    """"The newspaper said": the outlet last named as a source, when it is
    the latest organisation named and of a fitting kind (so "the agency"
    after the Environmental Protection Agency stays as written)."""
    m = _OUTLET_NOUN.fullmatch(src.source_text)
    if m is None:
        return None
    kinds = cues.OUTLET_NOUN_KINDS[m.group(1).lower()]
    for c in reversed(ctx.candidates):
        if c.rank < rank - cues.PRONOUN_WINDOW_PARAGRAPHS:
            break
        if c.type in ("organization", "government"):
            return None
        if c.type == "outlet":
            outlet = ctx.gaz.resolve(c.name)
            if outlet is None or (kinds and outlet.kind not in kinds):
                return None
            # (Resolved like a pronoun: the confidence says so.)
            return Source(outlet.name, src.source_text, "outlet", outlet.id, pronoun=True)
    return None


def _make_source(ctx: Context, s: int, e: int, rank: int, exclude: str | None) -> Source | None:
    src = classify(ctx.text[s:e], ctx.gaz, ctx.names, s)
    if src is None:
        return None
    if src.pronoun:
        if src.source_text.lower() in ("who", "which"):
            return None
        return ctx.resolve(src, s, rank, exclude)
    if src.source_type == "unnamed" and src.source_text[:4].lower() == "the ":
        return outlet_named_before(ctx, src, rank) or src
    return src



"""Statements: "X said", "..., said X", "according to X", "X told Y" ...

Why rules and not a parser: the inputs are noisy page dumps and the patterns
of attribution in news English are few and regular. Each cue is found by one
linear regex over a sentence; the speaker is the noun phrase next to it:

- subject before the cue ("Saratova told RTVI", "“...,” he added"): the
  words between the last clause boundary (comma, semicolon, colon, dash, a
  closing quotation mark, or a clause word like "after"/"that") and the cue,
  minus auxiliaries and adverbs ("has previously said"), minus a leading
  prepositional phrase ("By the spring of 2016 the Interior Ministry
  estimated"). "X, <parenthetical>, said" skips the parenthetical;
  "France, which announced" takes the antecedent; "A and B said" gives two.
- subject after the cue when nothing stands before it ("“...,” said Beat
  Rohr", headline "..., says Russia").
- source after the cue: "according to X", "warnings by X".
- "X, citing Y, said": X from the verb, and Y as a second record via X.
- "Y published ... it said were sent by Z": source Z via Y; the cue is the
  span from "published" to "said" (contiguous, as written).
- participles ("X criticized Y, saying ...") only when the sentence has no
  finite cue, so "said ..., warning that" stays one record.
- via: "told RTVI", "was quoted as saying by TASS", "said in an interview
  with Sputnik" (when the name is an outlet or capitalised), "tweeted"
  (the platform).
- quotations inside a quotation are relayed speech ("Aisha whispered: ‘...’"
  inside Madina's quote): source the inner speaker, via the quoted speaker.
  A sentence that is only a quotation continues the previous speaker.
- pronouns resolve to the nearest fitting person named before (a source
  already found, or a name opening a sentence) within a short window, never
  to the speaker of the quotation they stand in; otherwise they stay as
  written and are typed ``unnamed``. First-person sources ("according to
  our data") are the speaker themself and give no record.

``quote`` is the text of the sentence's quotations without the marks, a
trailing comma dropped, whitespace collapsed; parts of a split quotation are
joined by a space (or " … " when the first does not end in punctuation).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..outlets import Gazetteer
from . import cues
from .furniture import is_disclaimer
from .names import NameIndex, Source, bare, classify, collapse, is_capitalised, is_particle, strip_titles
from .sentences import Sentence, double_quotes, quotes, single_quotes


@dataclass
class Statement:
    rule: str
    sentence: Sentence
    cue_start: int
    cue_end: int
    source: Source
    via: str | None = None
    via_outlet: str | None = None
    quote: str | None = None


def _cue_regex() -> re.Pattern[str]:
    words = [*cues.PHRASE_CUES, *cues.SOURCE_AFTER_CUES, cues.CITING_CUE, *cues.SPEECH_VERBS, *cues.PARTICIPLES]
    alts = sorted({w for w in words}, key=lambda w: (-len(w.split()), -len(w)))
    body = "|".join(r"\s+".join(map(re.escape, w.split())) for w in alts)
    return re.compile(r"(?<![\w’'\-])(?:" + body + r")(?![\w’'\-])", re.I)


_CUE = _cue_regex()
_RELAY = re.compile(
    r"(?<![\w\-])(?P<cue>published\b[^.;!?]{0,%d}?\bit\s+said)\s+(?:were|was|had\s+been|have\s+been)\s+[a-z]+\s+by\s+"
    % cues.RELAY_MAX_GAP,
    re.I,
)
_TOKEN = re.compile(r"\S+")
_BOUNDARY = ",;:—–"
_CUT_AFTER = frozenset("on about that who which after following during when while for over as because since before until".split())
_INITIAL_NAME = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=[.!?][”\"’]\s)|(?<=[“\"‘«]))"
    r"([^\W\d_][\w’'\-]*(?:[ \t\u00a0]+[^\W\d_][\w’'\-]*){0,2}?)(?=,|\s+[a-z])",
    re.M,
)
_ON_PLATFORM = re.compile(r"\s+(?:in\s+an?\s+\w+\s+)?on\s+([^\W\d_][\w.\-]*)", re.I)
_NP_END = re.compile(r"[,;:!?“”\"«»()]|\.(?:\s|$)")


def _key(match_text: str) -> str:
    return " ".join(match_text.lower().split())


def _inside(pos: int, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    for s, e in spans:
        if s <= pos < e:
            return (s, e)
    return None


def _tokens(text: str, a: int, b: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text, a, b)]


def _is_datey(tok: str) -> bool:
    b = bare(tok).lower().rstrip(".")
    return any(c.isdigit() for c in tok) or b in {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "jan", "feb", "mar", "apr",
        "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "week", "month", "year",
        "today", "yesterday",
    }


def valid_subject(toks: list[str]) -> bool:
    """Do these words look like the noun phrase of a speaker?"""
    if not toks or len(toks) > cues.MAX_SUBJECT_WORDS:
        return False
    low = [bare(t).lower() for t in toks]
    for t, w in zip(toks, low):
        if not is_capitalised(t):
            if w in cues.FINITE_BLOCKERS or w in cues.SPEECH_VERBS or w in cues.PARTICIPLES:
                return False
            if w.endswith("ed") and "-" not in w and w not in cues.SOURCE_NOUNS:
                return False
    head, first = toks[-1], low[0]
    if low[-1] in cues.PRONOUNS or low[-1] in cues.SOURCE_NOUNS:
        return True
    if is_capitalised(head) and low[-1] not in cues.NOT_NAMES and not _is_datey(head):
        return True
    start = 1 if first in cues.DETERMINERS or first in {"one", "another"} else 0
    return start < len(low) and low[start] in cues.SOURCE_NOUNS


@dataclass
class _Subject:
    start: int
    end: int
    boundary: int  # where the clause began
    boundary_char: str


def _clause_start(text: str, lo: int, pos: int, qspans: list[tuple[int, int]]) -> tuple[int, str]:
    """Offset after the last clause boundary before ``pos`` (and its char)."""
    i = pos - 1
    while i >= lo:
        q = _inside(i, qspans)
        if q is not None:
            return q[1], "quote"
        c = text[i]
        if c in _BOUNDARY:
            return i + 1, c
        i -= 1
    return lo, ""


def _np_before(text: str, lo: int, pos: int, qspans: list[tuple[int, int]]) -> _Subject:
    b, bchar = _clause_start(text, lo, pos, qspans)
    toks = _tokens(text, b, pos)
    for k in range(len(toks) - 1, -1, -1):
        # A clause word, or a bare punctuation token (the "-" of a dateline).
        if bare(toks[k][2]).lower() in cues.CLAUSE_WORDS or not any(ch.isalnum() for ch in toks[k][2]):
            toks = toks[k + 1 :]
            break
    while toks and (bare(toks[-1][2]).lower() in cues.AUXILIARIES or (toks[-1][2].endswith("ly") and toks[-1][2].islower())):
        toks = toks[:-1]
    if toks and bare(toks[0][2]).lower() in cues.PREPOSITIONS:
        last_date = max((k for k, t in enumerate(toks) if _is_datey(t[2])), default=-1)
        if last_date >= 0:
            toks = toks[last_date + 1 :]
        else:
            dets = [k for k, t in enumerate(toks) if k > 1 and t[2].lower() in ("the", "a", "an")]
            toks = toks[dets[-1] :] if dets else []
    if not toks:
        return _Subject(pos, pos, b, bchar)
    return _Subject(toks[0][0], toks[-1][1], b, bchar)


def _np_after(text: str, start: int, hi: int, capitalised_only: bool = False) -> tuple[int, int] | None:
    """The noun phrase starting at ``start`` (up to punctuation or a cut word)."""
    m = _NP_END.search(text, start, hi)
    end = m.start() if m else hi
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
    if not out or not (is_capitalised(out[0][2]) or bare(out[0][2]).lower() in cues.DETERMINERS or bare(out[0][2]).lower() in cues.SOURCE_NOUNS or bare(out[0][2]).lower() in cues.FIRST_PERSON):
        return None
    while out and (is_particle(out[-1][2]) and not is_capitalised(out[-1][2])):
        out.pop()
    if not out:
        return None
    return out[0][0], out[-1][1]


def _split_and(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """"a Kurdish official and AFP correspondents" -> two noun phrases."""
    toks = _tokens(text, s, e)
    ands = [k for k, t in enumerate(toks) if t[2] == "and"]
    if len(ands) != 1:
        return [(s, e)]
    k = ands[0]
    left, right = toks[:k], toks[k + 1 :]
    lw, rw = [t[2] for t in left], [t[2] for t in right]
    if valid_subject(lw) and valid_subject(rw) and (not is_capitalised(lw[-1]) or not is_capitalised(rw[-1])):
        return [(left[0][0], left[-1][1]), (right[0][0], right[-1][1])]
    return [(s, e)]


def _join_quotes(text: str, spans: list[tuple[int, int]]) -> str | None:
    parts = [collapse(text[a + 1 : b - 1]) for a, b in spans]
    parts = [p for p in parts if p]
    if not parts:
        return None
    out = parts[0]
    for p in parts[1:]:
        out += (" " if out[-1] in ",.;:?!—–…" else " … ") + p
    return out.rstrip(",").rstrip() or None


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
    candidates: list[Candidate] = field(default_factory=list)
    last_speaker: tuple[Source, int] | None = None

    def resolve(self, src: Source, pos: int, rank: int, exclude: str | None) -> tuple[Source, bool]:
        """Resolve a pronoun source; returns (source, resolved?).

        Inside a quotation (``exclude`` is the quoted speaker) a pronoun
        refers to someone the speaker named, so only names mentioned inside
        quotations qualify.
        """
        want = src.source_type
        fits = {"person": ("person",), "group": ("group", "person", "government", "organization"),
                "organization": ("organization", "outlet", "government"), "any": ("person", "organization", "outlet", "government", "group")}[want]
        best: Candidate | None = None
        # Sources already found come first; names opening sentences second.
        floor = rank - cues.PRONOUN_WINDOW_PARAGRAPHS
        for from_text in (False, True):
            for c in reversed(self.candidates):
                if c.rank < floor - 1:
                    break
                if (
                    c.from_text == from_text and c.pos < pos and c.type in fits and c.name != exclude
                    and (exclude is None or c.quoted)
                    and c.rank >= rank - cues.PRONOUN_WINDOW_PARAGRAPHS
                ):
                    if best is None or c.pos > best.pos:
                        best = c
            if best is not None:
                break
        if best is None:
            return Source(src.source_text, src.source_text, "unnamed", pronoun=True), False
        outlet = self.gaz.resolve(best.name) if best.type == "outlet" else None
        return Source(best.name, src.source_text, best.type, outlet.id if outlet else None, pronoun=True), True


def _sentence_initial_names(ctx: Context, lo: int, hi: int, rank: int) -> Iterator[Candidate]:
    quoted = double_quotes(ctx.text, lo, hi)
    for m in _INITIAL_NAME.finditer(ctx.text[lo:hi]):
        words = [bare(w) for w in m.group(1).split()]
        if not all(is_capitalised(w) for w in words):
            continue
        w = words[0]
        lw = w.lower()
        if (
            w.isupper() or lw in cues.NOT_NAMES or lw in cues.PLACES
            or lw in cues.SOURCE_NOUNS or ctx.names.is_common_word(w)
            or ctx.gaz.resolve(" ".join(words)) is not None
            or any(x.lower() in cues.ORG_WORDS or x.lower() in cues.PLACES for x in words)
        ):
            continue
        name = strip_titles(words)
        at = lo + m.start(1)
        full = " ".join(name) if len(name) > 1 else ctx.names.full_name(name[0], at + 1)
        yield Candidate(at, full, "person", rank, True, _inside(at, quoted) is not None)


def index_paragraph(ctx: Context, lo: int, hi: int, rank: int) -> None:
    """Add the names opening sentences of a paragraph as pronoun candidates."""
    ctx.candidates.extend(_sentence_initial_names(ctx, lo, hi, rank))


def _make_source(ctx: Context, s: int, e: int, rank: int, exclude: str | None) -> tuple[Source, bool] | None:
    src = classify(ctx.text[s:e], ctx.gaz, ctx.names, s)
    if src is None:
        return None
    if src.pronoun:
        if src.source_text.lower() in ("who", "which"):
            return None
        return ctx.resolve(src, s, rank, exclude)
    return src, False


def _via_after(ctx: Context, pos: int, hi: int, capitalised_only: bool) -> tuple[str | None, str | None]:
    span = _np_after(ctx.text, pos, hi, capitalised_only)
    if span is None:
        return None, None
    mention = collapse(ctx.text[span[0] : span[1]])
    outlet = ctx.gaz.resolve(mention)
    if outlet is not None:
        return outlet.name, outlet.id
    return None, None


def statements_in(ctx: Context, sent: Sentence, lo: int, hi: int, rank: int, speaker: Source | None) -> list[Statement]:
    """Statements in ``text[lo:hi]`` (a sentence, or the inside of a quote)."""
    text = ctx.text
    nested = speaker is not None
    if nested:
        qspans = single_quotes(text, lo, hi)
    else:
        qspans = quotes(text, lo, hi)
    exclude = speaker.source if speaker else None
    out: list[Statement] = []
    consumed: list[tuple[int, int]] = []

    def quote_for(cs: int) -> str | None:
        if not nested:
            return _join_quotes(text, qspans)
        near = [q for q in qspans if abs(q[0] - cs) <= 80 or abs(q[1] - cs) <= 80]
        if not near:
            return None
        best = min(near, key=lambda q: min(abs(q[0] - cs), abs(q[1] - cs)))
        return _join_quotes(text, [best])

    def emit(rule: str, cs: int, ce: int, ns: int, ne: int, via: str | None = None, via_outlet: str | None = None) -> Source | None:
        made = _make_source(ctx, ns, ne, rank, exclude)
        if made is None:
            return None
        src, via_pronoun = made
        if nested and via is None:
            via, via_outlet = speaker.source, speaker.source_outlet
        out.append(Statement(rule if not nested else "statement.nested", sent, cs, ce, src, via, via_outlet, quote_for(cs)))
        if src.source and not src.pronoun:
            ctx.candidates.append(Candidate(cs, src.source, src.source_type, rank, False, nested))
        return src

    # "Y published ... it said were sent by Z"
    for m in _RELAY.finditer(text, lo, hi):
        if _inside(m.start(), qspans):
            continue
        zspan = _np_after(text, m.end(), hi)
        subj = _np_before(text, lo, m.start(), qspans)
        if zspan is None or subj.start >= subj.end:
            continue
        y = classify(text[subj.start : subj.end], ctx.gaz, ctx.names, subj.start)
        if y is None:
            continue
        via = y.source
        via_outlet = y.source_outlet
        emit("statement.relay", m.start("cue"), m.end("cue"), zspan[0], zspan[1], via or None, via_outlet)
        consumed.append((m.start(), m.end()))

    matches = [m for m in _CUE.finditer(text, lo, hi) if not _inside(m.start(), qspans) and not _inside(m.start(), consumed)]
    finite = [m for m in matches if _key(m.group(0)) not in cues.PARTICIPLES and _key(m.group(0)) != cues.CITING_CUE]
    for m in matches:
        key = _key(m.group(0))
        cs, ce = m.start(), m.end()
        prev = _tokens(text, max(lo, cs - 30), cs)
        if prev and prev[-1][2].lower() in cues.DETERMINERS:
            continue
        if key in cues.SOURCE_AFTER_CUES:
            span = _np_after(text, ce, hi)
            if span:
                emit("statement.according_to", cs, ce, *span)
            continue
        if key == cues.CITING_CUE:
            cited = _np_after(text, ce, hi)
            before = text[lo:cs].rstrip()
            citer = _np_before(text, lo, lo + len(before) - 1 if before.endswith(",") else cs, qspans)
            if cited is None or citer.start >= citer.end:
                continue
            x = classify(text[citer.start : citer.end], ctx.gaz, ctx.names, citer.start)
            if x is None or x.pronoun:
                continue
            emit("statement.citing", cs, ce, cited[0], cited[1], x.source, x.source_outlet)
            continue
        if key in cues.PARTICIPLES:
            if finite or consumed or not text[lo:cs].rstrip().endswith(","):
                continue
            comma = text.rfind(",", lo, cs)
            b, _ = _clause_start(text, lo, comma, qspans)
            toks = _tokens(text, b, comma)
            run: list[tuple[int, int, str]] = []
            for t in toks:
                if is_capitalised(t[2]) or (run and is_particle(t[2])):
                    run.append(t)
                else:
                    break
            if run and len(run) < len(toks):
                emit("statement.participle", cs, ce, run[0][0], run[-1][1])
            continue
        # A finite verb or fixed phrase: find who speaks.
        role = cues.PHRASE_CUES.get(key, "verb")
        rule = "statement.phrase" if key in cues.PHRASE_CUES else "statement.subject_verb"
        via, via_outlet = None, None
        if role == "via":
            via, via_outlet = _via_after(ctx, ce, hi, False)
        elif key in ("told", "tells", "tell"):
            via, via_outlet = _via_after(ctx, ce, hi, True)
        elif key in cues.PLATFORM_VERBS:
            outlet = ctx.gaz.resolve(cues.PLATFORM_VERBS[key])
            if outlet is not None:
                via, via_outlet = outlet.name, outlet.id
        else:
            # "wrote on Telegram", "said in a post on Facebook": a platform.
            pm = _ON_PLATFORM.match(text, ce, hi)
            if pm:
                outlet = ctx.gaz.resolve(pm.group(1))
                if outlet is not None and outlet.kind == "social":
                    via, via_outlet = outlet.name, outlet.id
        subj = _np_before(text, lo, cs, qspans)
        spans: list[tuple[int, int]] = []
        if subj.start < subj.end:
            words = [t[2] for t in _tokens(text, subj.start, subj.end)]
            if len(words) == 1 and words[0].lower() in ("which", "who") and subj.boundary_char == ",":
                ante = _tokens(text, lo, subj.boundary - 1)
                run = []
                for t in reversed(ante):
                    if is_capitalised(t[2]) or (run and is_particle(t[2])):
                        run.insert(0, t)
                    else:
                        break
                if run:
                    made = classify(text[run[0][0] : run[-1][1]], ctx.gaz, ctx.names, run[0][0])
                    if made is not None:
                        made.source_text = words[0]
                        made.pronoun = True
                        out.append(Statement(rule, sent, cs, ce, made, via, via_outlet, quote_for(cs)))
                continue
            if valid_subject(words):
                spans = _split_and(text, subj.start, subj.end)
        elif subj.boundary_char in ("quote", ",", "") or subj.boundary == lo:
            after = _np_after(text, ce, hi, capitalised_only=False)
            if after is not None and valid_subject([t[2] for t in _tokens(text, *after)]):
                spans = [after]
                rule = "statement.verb_subject" if rule != "statement.phrase" else rule
            elif subj.boundary_char == ",":
                # "X, <parenthetical>, said": skip the parenthetical.
                prev_comma = subj.boundary - 1
                b2, c2 = _clause_start(text, lo, prev_comma, qspans)
                inner = _tokens(text, b2, prev_comma)
                if c2 == "," and inner and not is_capitalised(inner[0][2]):
                    s2 = _np_before(text, lo, b2 - 1, qspans)
                    words = [t[2] for t in _tokens(text, s2.start, s2.end)]
                    if s2.start < s2.end and valid_subject(words):
                        spans = [(s2.start, s2.end)]
        for ns, ne in spans:
            emit(rule, cs, ce, ns, ne, via, via_outlet)
    return out


def document_statements(ctx: Context, sentences: list[Sentence], furniture: set[int]) -> list[Statement]:
    """All statements of a document, nested quotations included."""
    text = ctx.text
    out: list[Statement] = []
    indexed: set[int] = set()
    for sent in sentences:
        if sent.paragraph in furniture or is_disclaimer(text[sent.start : sent.end]):
            continue
        rank = ctx.rank[sent.paragraph]
        if sent.paragraph not in indexed:
            indexed.add(sent.paragraph)
        index_paragraph(ctx, sent.start, sent.end, rank)
        top = statements_in(ctx, sent, sent.start, sent.end, rank, None)
        out.extend(top)
        speaker: Source | None = None
        if top:
            speaker = top[0].source
        elif text[sent.start] in "“\"«„" and ctx.last_speaker and ctx.last_speaker[1] >= rank - cues.CONTINUATION_WINDOW_PARAGRAPHS:
            speaker = ctx.last_speaker[0]
        if speaker is not None and speaker.source:
            for qs, qe in double_quotes(text, sent.start, sent.end):
                out.extend(statements_in(ctx, sent, qs + 1, qe - 1, rank, speaker))
        if top:
            ctx.last_speaker = (top[0].source, rank)
    return out

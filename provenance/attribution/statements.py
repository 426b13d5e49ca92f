"""Statements and beliefs: "X said", "..., said X", "according to X", "X believes" ...

Why rules and not a parser: the inputs are noisy page dumps and the patterns
of attribution in news English are few and regular. One matcher finds every
cue of the lexicon (``lexicon``: say/tell/argue/accuse/..., believe/want/
support/..., poll "found") in the whole text; the speaker is the noun phrase
next to it (``subjects`` before it, ``descriptors`` past commas,
``after_cue`` after it; ``phrases`` holds the word tests they share):

- subject before the cue ("Saratova told RTVI", "“...,” he added", "Most
  voters think"); "X, <descriptor>, said" skips the descriptors; "France,
  which announced" and "voters who want" take the antecedent (``source_text``
  "which"/"who"); "A and B said" gives two; "X said A and called B" gives the
  second verb X's subject.
- subject after the cue when nothing stands before it ("“...,” said Beat
  Rohr", headline "..., says Russia"): only for the "say" core, never for
  "told" (its object is the listener), and only when the noun phrase ends
  there ("said Trump's nomination will ..." is the reported clause).
- source after the cue: "according to X", "warnings by X".
- "Y published ... it said were sent by Z": source Z via Y; the cue is the
  span from "published" to "said" (contiguous, as written).
- -ing forms: after "is/was" a finite verb ("is seeking"); after a comma or
  "before/after/while" a second claim of the latest source in the sentence
  ("said ..., warning that", "endorsed her, citing her record"), else of the
  capitalised subject of the clause ("Çavuşoğlu criticized Russia, saying").
  "X, citing Y, said" with Y a possible source: Y as its own record via X.
- not cues: a noun ("the reports", "Trump's plans", "Republican support"),
  a passive ("was asked", "backed by"), an infinitive ("to support"), a
  particle changing the verb ("backed off"); evidence verbs ("show",
  "found") only with a document or body as subject ("a poll found").
- "Name: ..." opening a sentence, or "... Name: “quote”": the name speaks
  (cue ":"), unless the name is a label ("UPDATE:", "Editor's note:").
- kind: ``statement`` for words; ``belief`` for reported beliefs,
  intentions and stances (rule ``belief.cognition`` / ``belief.intention``
  / ``belief.stance``).
- via (found by ``channels``): "told RTVI", "was quoted as saying by TASS", "said in an interview
  with Sputnik" (when the name is an outlet or capitalised), "tweeted"
  (the platform), "wrote on Telegram".
- quotations inside a quotation are relayed speech ("Aisha whispered: ‘...’"
  inside Madina's quote): source the inner speaker, via the quoted speaker;
  only the "say" core counts there. A sentence that is only a quotation
  continues the previous speaker.
- pronouns resolve through ``context``; first-person sources ("according
  to our data") are the speaker themself and give no record.

What needs the whole document (headlines, reported content, quotations
over several sentences) is ``document_statements``; the channel is
``channels``; who speaks through an -ing form ("..., adding", "citing X")
is ``participles``; whether a cue word is a verb there at all, not a noun
or an adjective ("the reports", "the most elaborate"), is
``verb_or_noun``; the ``Statement`` record is ``statement_record``'s.

``quote`` is the text of the sentence's quotations without the marks, a
trailing comma dropped, whitespace collapsed; parts of a split quotation are
joined by a space (or " … " when the first does not end in punctuation).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from . import cues, lexicon
from .after_cue import _np_after, agent_np, inverted_subject
from .channels import (
    _NEXT_WORD,
    _OBTAINED_BY,
    _journal_channel,
    _names_document,
    _on_air,
    _opens_with_subordinate,
    _outlet_named,
    _platform,
    _platform_in,
    _sentence_channel,
    _unknown_outlet,
    _via_after,
)
from .context import Candidate, Context, _make_source, outlet_named_before
from .descriptors import _parenthetical_subject, _quote_inner, coordinated_names, main_subject
from .names import (
    Source,
    bare,
    classify,
    collapse,
    is_capitalised,
    names_author,
)
from .phrases import (
    _OBJECT_PREPOSITIONS,
    _adverb,
    _inside,
    _source_noun,
    _tokens,
    _words,
    between_capitals,
    share_tail,
    valid_subject,
)
from .participles import participle_statements
from .sentences import Sentence, quotes, single_quotes
from .statement_record import _FAMILY_RULE, Statement, _same_speaker
from .subjects import (
    _Subject,
    _adjective_before_noun,
    _antecedent,
    _colon_source,
    _coordinated,
    _np_before,
    _sentence_subject,
    _split_and,
    comma_before_conjunction,
    head_of_long_subject,
    name_after_opener,
    subject_before,
)
from .verb_or_noun import (
    _OBJECT_GAP,
    _SUBJECT_PRONOUNS,
    capitalised_before,
    not_a_verb,
    singular_before_noun,
    title_case_after,
)


_RELAY = re.compile(
    r"(?<![\w\-])(?P<cue>published\b[^.;!?]{0,%d}?\bit\s+said)\s+(?:were|was|had\s+been|have\s+been)\s+[a-z]+\s+by\s+"
    % cues.RELAY_MAX_GAP,
    re.I,
)
#: "KCNA quoted leader Kim Jong Un as saying", "Xinhua cited a spokesperson
#: as saying": the quoted party speaks, the one quoting is the channel.
_QUOTED_AS = re.compile(
    r"(?<![\w\-])(?P<cue>(?P<verb>quoted|quotes|cited|cites)\s+(?P<who>[^,.;:!?“”\"()]{1,100}?)\s+as\s+"
    r"(?:saying|telling|stating|writing|warning))\b"
)
_QUOTE_BEFORE = re.compile(r"[,?!][”\"’']\s*$")
_QUOTE_NEXT = re.compile(r"\s*[:,]?\s*[“\"«‘]")
_PUNCT_NEXT = re.compile(r"\s*(?:[,:;.!?“”\"«»‘’]|$)")
#: "wrote on Telegram", "said in a post on Facebook", "wrote on his Telegram
#: channel", "said in a video posted to Instagram": a platform.
_ON_PLATFORM = re.compile(
    r"(?i:\s+(?:in\s+an?\s+\w+\s+(?:(?:posted|published|shared|uploaded)\s+)?)?(?:on|to)\s+"
    r"(?:(?:his|her|their|its|the|an?)\s+(?:official\s+)?)?([^\W\d_][\w.\-]*))"
    # "said in a Telegram post", "wrote in a Facebook message" (the name capitalised)
    r"|\s+in\s+(?:an?|his|her|their|its)\s+(?:late-night\s+|brief\s+|new\s+)?([A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)?)\s+"
    r"(?:post|posts|message|video|statement|tweet|update|story|live\s?stream|broadcast|interview|podcast|op-ed|column)\b",
)

def _key(match_text: str) -> str:
    return " ".join(match_text.lower().split())


def _join_quotes(text: str, spans: list[tuple[int, int]]) -> str | None:
    parts = [collapse(_quote_inner(text, q)) for q in spans]  # (''two apostrophes'' are one mark)
    parts = [p for p in parts if p]
    if not parts:
        return None
    out = parts[0]
    for p in parts[1:]:
        out += (" " if out[-1] in ",.;:?!—–…" else " … ") + p
    return out.rstrip(",").rstrip() or None


#: "in a statement to", "in an email to", "in a phone interview with": a
#: document or a call addressed to someone (an outlet, when named so).
_SENT_TO = re.compile(
    r"\s+in\s+(?:an?|his|her|their|its)\s+(?:(?:brief|short|written|emailed|phone|telephone)\s+)?"
    r"(?:statement|e-?mail|letter|message|text\s+message|text|note|interview|call)\s+(?:to|with)(?=\s)"
)


class _Scan:
    """One call of ``statements_in``: the span scanned and the records found so far.

    The rule groups below read and extend the same state: ``out`` (the
    records, in the order found), ``consumed`` (spans a relay or "quoted as"
    took, which the cue matcher then skips) and ``ctx.candidates`` (the
    antecedents pronouns resolve to). They run in a fixed order, each cue
    once; a group that settles a cue returns True (or just returns) and the
    later groups do not see it."""

    __slots__ = ("ctx", "sent", "lo", "hi", "rank", "speaker", "text", "nested", "qspans", "exclude", "out", "consumed")

    def __init__(self, ctx: Context, sent: Sentence, lo: int, hi: int, rank: int, speaker: Source | None) -> None:
        self.ctx = ctx
        self.sent = sent
        self.lo = lo
        self.hi = hi
        self.rank = rank
        self.speaker = speaker
        self.text = text = ctx.text
        #: Inside a quotation (``speaker`` quoted): only relayed speech counts, via the speaker.
        self.nested = nested = speaker is not None
        if nested:
            self.qspans = single_quotes(text, lo, hi)
        else:
            self.qspans = quotes(text, lo, hi)
        self.exclude = speaker.source if speaker else None
        self.out: list[Statement] = []
        self.consumed: list[tuple[int, int]] = []

    def quote_for(self, cs: int) -> str | None:
        """The quotation a record at ``cs`` carries: all of the sentence's,
        or inside a quotation only the nearest inner one (within 80 characters)."""
        text, qspans, nested = self.text, self.qspans, self.nested
        if not nested:
            return _join_quotes(text, qspans)
        near = [q for q in qspans if abs(q[0] - cs) <= 80 or abs(q[1] - cs) <= 80]
        if not near:
            return None
        best = min(near, key=lambda q: min(abs(q[0] - cs), abs(q[1] - cs)))
        return _join_quotes(text, [best])

    def emit(self, rule: str, cs: int, ce: int, ns: int, ne: int, via: str | None = None, via_outlet: str | None = None,
             kind: str = "statement", v: lexicon.Verb | None = None) -> Source | None:
        """A record for the cue ``text[cs:ce]`` said by the noun phrase
        ``text[ns:ne]``, appended to ``out`` (and the speaker to
        ``ctx.candidates``); the source, or None when the phrase is no source.

        Decides the channel the caller did not give: an outlet's own sources
        ("RTVI's sources"), the quoting speaker inside a quotation, a
        platform ("users on X", "the Telegram channel Baza") or the outlet a
        journalist reports for ("CNN's Jake Tapper"); and turns an outlet's
        "understands"/"has learned" into a statement. ``participles`` calls
        it too, with the same signature."""
        ctx, text, out, nested, rank, exclude = self.ctx, self.text, self.out, self.nested, self.rank, self.exclude
        day = _ON_DAY.match(text, ne, cs) if ne < cs else None
        if day is not None and ctx.gaz.resolve(collapse(text[ns : day.end()])) is not None:
            ne = day.end()  # "The Mail on Sunday reported": a name, not a time
        src = _make_source(ctx, ns, ne, rank, exclude)
        if src is None:
            return None
        if not _fits(v, src, ctx.text[ns:ne].split()):
            return None
        own = _OUTLETS_SOURCES.search(text, ns, ne) if via is None else None
        if own is not None and src.source_type == "outlet":
            # "According to RTVI's sources": the sources speak, through RTVI.
            via, via_outlet = src.source, src.source_outlet
            src = Source(collapse(text[ns:ne]), collapse(text[ns:ne]), "group")
        elif own is not None and (
            owner := outlet_named_before(ctx, Source(None, collapse(text[ns : own.start()]), "unnamed"), rank)
        ) is not None:
            # "According to the newspaper's sources": through the outlet
            # last named as a speaker, as "the newspaper said" would be.
            via, via_outlet = owner.source, owner.source_outlet
        if nested and via is None:
            via, via_outlet = self.speaker.source, self.speaker.source_outlet
        elif via is None and src.source_type in ("group", "unnamed") and text.find(" on ", ns, ne) >= 0:
            via, via_outlet = _platform_in(ctx, ns, ne)  # "Several users on X", "A post on Facebook"
        elif via is None and (account := _PLATFORM_ACCOUNT.search(text, ns, ne)) is not None and (
            platform := _platform(ctx, account.group(1))
        ) is not None:
            # "The Telegram channel Baza": Baza, through Telegram.
            if src.source_outlet != platform[1]:
                via, via_outlet = platform
            elif _POSSESSOR.search(text, ns, account.start()):
                # "The Kremlin's Telegram account": the owner, through Telegram
                # (not a pronoun: "Her Facebook page" stays as it was).
                owner = _make_source(ctx, ns, account.start(), rank, exclude)
                if owner is not None and not owner.pronoun:
                    src, (via, via_outlet) = owner, platform
        if via is None and src.source_type == "person" and text.find(" and ", ns, ne) < 0 and (
            staff := _OUTLET_STAFF.match(text, ns, ne)
        ) is not None and (
            outlet := ctx.gaz.resolve(staff.group(1))
        ) is not None and outlet.kind != "social":
            # "ESPN's Adrian Wojnarowski reported", "CNN's Jake Tapper said": the
            # journalist, through the outlet they report for.
            via, via_outlet = outlet.name, outlet.id
        if kind == "belief" and v is not None and v.lemma in ("understand", "learn") and src.source_type == "outlet":
            # "..., the Guardian understands", "CNN has learned": an outlet's
            # own reporting, not a belief.
            kind, rule = "statement", "statement.subject_verb"
        if nested:
            rule = "statement.nested" if kind == "statement" else rule
        out.append(Statement(rule, self.sent, cs, ce, src, via, via_outlet, self.quote_for(cs), kind))
        if src.source and not src.pronoun and src.source not in _INTERVIEW_LABELS:  # (no pronoun points to "Q:")
            ctx.candidates.append(Candidate(cs, src.source, src.source_type, rank, False, nested))
        return src

    def relays(self) -> None:
        """A relay, "Y published ... it said were sent by Z": Z speaks, via Y.
        The cue (from "published" to "said") is consumed, so no cue inside
        it counts again."""
        ctx, text, lo, hi, qspans, consumed = self.ctx, self.text, self.lo, self.hi, self.qspans, self.consumed
        for m in (_RELAY.finditer(text, lo, hi) if text.find("ublished", lo, hi) >= 0 else ()):
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
            self.emit("statement.relay", m.start("cue"), m.end("cue"), zspan[0], zspan[1], via or None, via_outlet)
            consumed.append((m.start(), m.end()))

    def quoted_as(self) -> None:
        """Quoted-as, "KCNA quoted Kim as saying": the quoted party speaks,
        through the one quoting; "Peskov was quoted by TASS as saying":
        Peskov, via TASS. The cue is consumed, as a relay's is."""
        ctx, text, lo, hi, qspans, consumed = self.ctx, self.text, self.lo, self.hi, self.qspans, self.consumed
        quoting = text.find(" as ", lo, hi) >= 0 and (text.find("quote", lo, hi) >= 0 or text.find("cite", lo, hi) >= 0)
        for m in _QUOTED_AS.finditer(text, lo, hi) if quoting else ():
            if _inside(m.start(), qspans):
                continue
            subj = _np_before(text, lo, m.start(), qspans)
            span = (subj.start, subj.end)
            if subj.start >= subj.end:
                # "Syria's transport minister, Zouheir Khazim, was quoted by":
                # the subject stands before its descriptors.
                spans = _parenthetical_subject(text, lo, subj, qspans, None) if subj.boundary_char == "," else []
                if not spans:
                    continue
                span = spans[0]
            if text.startswith("by ", m.start("who")):
                # "Peskov was quoted by TASS as saying": Peskov speaks, via TASS.
                agent = _np_after(text, m.start("who") + 3, m.end("who"), any_start=True)
                by = classify(text[agent[0] : agent[1]], ctx.gaz, ctx.names, agent[0]) if agent else None
                if by is not None and by.source and not by.pronoun:
                    self.emit("statement.quoted_as", m.start("cue"), m.end("cue"), span[0], span[1], by.source, by.source_outlet)
                    consumed.append((m.start(), m.end()))
                continue
            y = classify(text[span[0] : span[1]], ctx.gaz, ctx.names, span[0])
            if y is None or y.pronoun and y.source is None:
                continue
            zspan = _np_after(text, m.start("who"), m.end("who"), any_start=True)
            if zspan is not None:
                self.emit("statement.quoted_as", m.start("cue"), m.end("cue"), zspan[0], zspan[1], y.source or None, y.source_outlet)
                consumed.append((m.start(), m.end()))

    def interview_or_colon(self) -> None:
        """Outside quotations only: "A: ..." after a question is the
        interviewee's answer; else "Name: ..." (not a label such as "Q:") is
        the name speaking, cue ":"."""
        ctx, text, lo, hi, qspans, out, sent = self.ctx, self.text, self.lo, self.hi, self.qspans, self.out, self.sent
        answer = _ANSWER.match(text, lo, hi) if text.startswith("A:", lo) and ctx.after_question(lo) else None
        if answer is not None:
            # "A: No. I mean ...": the interviewee answers (the first person
            # the text names in full); "Q:" is the interviewer's question, no claim.
            name = ctx.interviewee(lo)
            if name is not None:
                src = Source(name, "A", "person", pronoun=True)
                out.append(Statement("statement.interview", sent, answer.start(1), answer.end(1), src, None, None, None))
        colon = _colon_source(text, lo, hi, qspans) if answer is None else None
        if colon is not None and text[colon[1] : colon[2]] not in _INTERVIEW_LABELS:
            self.emit("statement.colon", colon[0], colon[0] + 1, colon[1], colon[2])

    def cue(self, cs: int, ce: int, key: str, v: lexicon.Verb | None, np_end: int) -> None:
        """One cue item (``_cue_items``): the rule groups in order, the first
        that settles the cue ends it. A cue word that is no verb here is
        dropped; "according to X" takes the source after it; a verb form
        (infinitive, passive, participle, ...) has rules of its own; "X said
        A and called B" shares the subject; anything else is a finite verb
        or fixed phrase whose speaker is found by ``_finite``."""
        text, lo, nested = self.text, self.lo, self.nested
        prev = _tokens(text, max(lo, cs - 40), cs)
        pw = bare(prev[-1][2]).lower() if prev else ""
        if not_a_verb(text, lo, self.hi, cs, ce, key, v, prev, pw):
            return
        if v is None and key in cues.SOURCE_AFTER_CUES:
            self._source_after(cs, ce, key)
            return
        # The word before the verb, adverbs skipped ("was later asked").
        k = len(prev) - 1
        while k >= 0 and prev[k][2].islower() and prev[k][2] not in cues.BE_FORMS and (
            _adverb(prev[k][2]) or prev[k][2] in cues.AUXILIARIES
        ) and prev[k][2] not in ("has", "have", "had"):
            k -= 1
        before = prev[k][2].lower() if k >= 0 else ""
        kind, rule = "statement", "statement.subject_verb"
        if v is not None:
            if nested and key not in cues.NESTED_CUES:
                return  # inside a quotation only relayed words count
            kind = v.kind
            rule = _FAMILY_RULE.get(v.family, rule)
            if self._verb_form_settles(cs, ce, key, v, prev, pw, k, before, kind, rule):
                return
        if v is not None and _coordinated(prev):
            self._second_verb(cs, ce, v, prev, kind, rule)
            return
        self._finite(cs, ce, key, v, np_end, kind, rule)

    def _source_after(self, cs: int, ce: int, key: str) -> None:
        """A phrase cue whose source follows it, "according to X", "warnings
        by X". A document "seen by"/"obtained by" an outlet speaks through
        the outlet; "data released by the CDC" is the CDC's; a role followed
        by a name is the name; "according to X and Y" gives both."""
        ctx, text, hi = self.ctx, self.text, self.hi
        span = _np_after(text, ce, hi, any_start=key == "according to")
        if span:
            seen = _OBTAINED_BY.search(text, span[0], hi)
            if seen is not None and seen.start() > span[1] + 1:
                seen = None  # (the participle must follow the noun phrase)
            outlet = ctx.gaz.resolve(collapse(seen.group(1))) if seen and seen.start() > span[0] else None
            unknown = _unknown_outlet(collapse(seen.group(1))) if seen and seen.start() > span[0] and outlet is None else None
            if outlet is not None or unknown is not None:
                # "according to documents seen by Reuters", "a police report
                # obtained by the Detroit Free Press": the documents, through the outlet.
                end = span[0] + len(text[span[0] : seen.start()].rstrip())
                self.emit("statement.according_to", cs, ce, span[0], end, *((outlet.name, outlet.id) if outlet else (unknown, None)))
            else:
                released = _RELEASED_BY.match(text, span[1], hi) if _names_document(text[span[0] : span[1]]) else None
                author = _np_after(text, released.end(), hi, any_start=True) if released else None
                if author is not None and names_author(text[span[0] : author[1]]):
                    span = (span[0], author[1])  # "data released Wednesday by the CDC": the CDC's data
                elif (cut := text.rfind(" ", span[0], span[1])) > span[0] and text[cut + 1 : span[1]].endswith("ed") and (
                    _names_document(text[span[0] : cut])
                ):
                    span = (span[0], cut)  # "an indictment unsealed Tuesday": the indictment
                last = text[span[0] : span[1]].rsplit(None, 1)[-1]
                named = _APPOSITIVE_NAME.match(text, span[1], hi) if last.islower() and (
                    bare(last) in cues.ROLE_NOUNS or bare(last) in cues.TITLE_WORDS
                ) else None  # (a role, not "an FBI summary of its investigation, Cheryl Mills ...")
                if named is not None:
                    # "according to the study's lead author, Dr. Maria Chen of
                    # Stanford": the person the role names.
                    span = named.span(1)
                self.emit("statement.according_to", cs, ce, *span)
                second = _AND_SOURCE.match(text, span[1], hi) if key == "according to" else None
                if second is not None and _MODIFIER_PREPOSITION.search(text, span[1], second.end()):
                    second = None  # ("a study by economists at Duke University and the University of Ottawa")
                other = _np_after(text, second.end(), hi, any_start=True) if second else None
                if other is not None and valid_subject(_words(text, *other)):
                    # "according to court documents unsealed on Friday
                    # and two people familiar with the inquiry": both.
                    self.emit("statement.according_to", cs, ce, *other)

    def _verb_form_settles(
        self, cs: int, ce: int, key: str, v: lexicon.Verb, prev: list[tuple[int, int, str]], pw: str, k: int, before: str,
        kind: str, rule: str,
    ) -> bool:
        """Rules by the verb's form and what stands around it; True when they
        settled the cue. Not a cue: a noun after an auxiliary, a particle
        ("backed off"), a complement ("has known Trump"), a participle after
        a linking verb or "seen as", naming ("a company called"). An
        infinitive after a control verb ("went on to criticize") gives the
        control verb's subject; a passive its agent ("was asked by X"), or
        the channel of the last record ("a statement published by Anadolu");
        an -ing form not after "is/was" goes to ``participles``. ``k`` is the
        index in ``prev`` of ``before``, the word before the verb, adverbs
        skipped."""
        ctx, text, lo, hi, qspans, out = self.ctx, self.text, self.lo, self.hi, self.qspans, self.out
        if v.form == "s" and before in cues.FINITE_BLOCKERS:
            return True  # "Taiwan have claims in the area": a noun after an auxiliary
        if v.lemma == "tell" and v.form == "ing" and before in cues.BE_FORMS and _ADJECTIVE_NEXT.match(text, ce, hi):
            return True  # "Alpert's metaphor is telling in its own right": revealing
        if v.form == "base" and before == "to":
            # An infinitive: "wants to support" is one act (the cue is
            # "wants"); after a verb that is no cue, "went on to
            # criticize", "used his speech to offer", its subject speaks.
            ctl = _CONTROL.search(text, max(lo, cs - 80), cs)
            if ctl is not None:
                end = ctl.start()
                head = text[lo:end].rstrip().rsplit(None, 1)
                while len(head) == 2 and head[1].lower() in _DEGREE:
                    end = lo + len(head[0])  # "were slightly more likely to say"
                    head = head[0].rstrip().rsplit(None, 1)
                span = subject_before(text, lo, end, qspans, v)
                if span is not None:
                    self.emit(rule, cs, ce, span[0], span[1], None, None, kind, v)
            return True
        nxt = _NEXT_WORD.match(text, ce, hi)
        nw = nxt.group(1).lower() if nxt else ""
        if nw in cues.NOT_CUE_PARTICLES.get(v.lemma, ()) and not (
            nw == "to" and (after := _NEXT_WORD.match(text, nxt.end(), hi)) and is_capitalised(after.group(1))
        ):  # ("Trump added to People": a listener)
            return True  # "backed off", "called off"
        if v.lemma in cues.NOT_CUE_COMPLEMENTS and _has_complement(text, ce, hi, cues.NOT_CUE_COMPLEMENTS[v.lemma]):
            return True  # "has known Trump since the 1970s": an acquaintance
        agent = _BY_AGENT.match(text, ce, hi) if v.form == "past" else None
        # ("were mocked and criticized": the second participle of a passive)
        passive_pair = before in ("and", "or") and k >= 2 and prev[k - 2][2].lower() in cues.BE_FORMS - {"be"} and prev[k - 1][2].endswith("ed")
        if before in _LINKING_VERBS and v.form == "past":
            return True  # "the memo seemed aimed at": a participle after a linking verb
        if v.form == "past" and nw == "as" and v.lemma in _SEEN_AS and prev and (prev[-1][2].endswith(",") or (
            prev[-1][2].islower() and pw not in cues.PRONOUNS and pw not in cues.AUXILIARIES and not _adverb(pw)
        )) and not any(t[2].lower() in _OBJECT_GAP for t in prev[-4:]) and not _has_complement(text, ce, hi, ("by",)):
            return True  # "in remarks seen as a veiled criticism": a passive participle, no one sees
            # (not "which friends described as", "viewed as terrorists by Ankara": its agent sees)
        if v.form == "past" and (before in cues.BE_FORMS or before == "as" or agent or passive_pair):
            # A passive: "was asked", "is expected", "as opposed to", "a
            # staffer backed by the senator". The agent after "by" speaks.
            span = agent_np(text, agent.end(), hi) if agent and before != "as" else None
            channel = ctx.gaz.resolve(collapse(text[span[0] : span[1]])) if span is not None and out and (
                bare(before) in cues.DOCUMENT_NOUNS
            ) else None
            if channel is not None:
                # "said in a statement published by the state news agency
                # Anadolu": the outlet carried what was said.
                if out[-1].via is None:
                    out[-1].via, out[-1].via_outlet = channel.name, channel.id
            elif span is not None:
                self.emit(_PASSIVE_RULE.get(kind, rule), cs, ce, span[0], span[1], None, None, kind, v)
            return True
        if v.lemma == "call" and v.form == "past" and nxt and is_capitalised(nxt.group(1)) and prev[-1][2].isalpha() and (
            not is_capitalised(prev[-1][2]) and pw not in cues.PRONOUNS and pw not in cues.AUXILIARIES
            and any(t[2].lower() in ("a", "an") for t in prev[-3:-1])
        ):
            return True  # naming, not speech: "a company called Harmony", "a website called Real News"
        if v.form == "ing" and pw in cues.NOT_CUE_AFTER.get(v.lemma, ()):
            return True  # "with 99 percent of precincts reporting": results
        if v.form == "ing" and before not in cues.BE_FORMS:
            found = len(out)
            participle_statements(ctx, text, lo, hi, cs, ce, v, out, qspans, self.emit)
            if v.lemma == "tell" and len(out) > found and out[-1].via is None:
                # "..., telling the BBC's Today programme": the outlet told is the channel
                out[-1].via, out[-1].via_outlet = _via_after(ctx, ce, hi, True)
            return True
        return False

    def _second_verb(self, cs: int, ce: int, v: lexicon.Verb, prev: list[tuple[int, int, str]], kind: str, rule: str) -> None:
        """A second verb, "X said A and called B": it shares the subject of
        the first record's verb - the main clause's (not a relative clause's,
        not a subordinate opener's); with no record yet, the sentence's
        subject. Not a second verb when the tenses differ ("said ... services
        and support")."""
        text, lo, qspans, out = self.text, self.lo, self.qspans, self.out
        if out:
            # ", and accused": the main clause's verb (the first record),
            # not one inside its reported content; else the latest.
            first = out[0] if comma_before_conjunction(prev) else out[-1]
            if not _same_tense(text, first, v):
                return  # "said ... services and support": a noun, not a second verb
            relative = None
            for relative in _COMMA_WHO.finditer(text, first.cue_end, cs):
                pass
            if relative is not None and not any(ch in text[relative.end() : cs] for ch in ",;:“”\""):
                # "Sabato said his members, who lean Republican but voted
                # for Obama": the verb is the relative clause's.
                head = _np_before(text, first.cue_end, relative.start(), qspans)
                span = (head.start, head.end)
                named = _NAME_BEFORE_APPOSITIVE.search(text, max(first.cue_end, head.start - 60), head.start)
                if named is not None and text[head.start : head.start + 1].islower():
                    span = named.span(1)  # "said Annamaria Schifano, then the girlfriend of ..., who"
                if span[0] < span[1] and valid_subject(_words(text, *span), v):
                    self.emit(rule, cs, ce, span[0], span[1], None, None, kind, v)
                return
            comma = text.find(",", lo, cs) if _opens_with_subordinate(text, lo) else -1
            if first.cue_start < comma:
                # "As the crowd began to chant, Silverman was joined ...
                # and joked": the main clause's subject, not the opener's.
                head = _sentence_subject(text, comma + 1, cs) or main_subject(text, comma + 1, cs, qspans, same_clause=True)
                if head is not None:
                    self.emit(rule, cs, ce, head[0], head[1], None, None, kind, v)
                return
            if first is out[0] and not comma_before_conjunction(prev) and len(out) == 1:
                head = main_subject(text, lo, first.cue_start, qspans)
                if head is not None and _EMBEDDING.search(text, head[1], first.cue_start):
                    # "Sullivan put off deciding whether Judicial Watch
                    # could question Clinton but said": the record is
                    # inside the clause; the main subject says.
                    self.emit(rule, cs, ce, head[0], head[1], None, None, kind, v)
                    return
            out.append(_same_speaker(first, rule, cs, ce, self.quote_for(cs), kind))
        else:
            # "Ruth Marcus has been critical of X but wrote": the subject
            # of the first verb; else a name opening the sentence.
            start = lo
            if _opens_with_subordinate(text, lo) and (comma := text.find(",", lo, cs)) >= 0:
                start = comma + 1  # "As the crowd began to chant, Silverman was joined ... and joked"
            head = _sentence_subject(text, start, cs) or main_subject(text, start, cs, qspans, same_clause=True)
            if head is not None:
                self.emit(rule, cs, ce, head[0], head[1], None, None, kind, v)

    def _finite(self, cs: int, ce: int, key: str, v: lexicon.Verb | None, np_end: int, kind: str, rule: str) -> None:
        """A finite verb or fixed phrase: the channel after it, then who
        speaks (``_subjects``), a list of names split into its members, one
        record each (a conjunct holding a record's cue is a clause, skipped)."""
        ctx, text, lo, qspans, out = self.ctx, self.text, self.lo, self.qspans, self.out
        role = cues.PHRASE_CUES.get(key, "verb") if v is None else "verb"
        if v is None:
            rule = "statement.phrase"
        via, via_outlet = self._channel(ce, key, v, role)
        found = self._subjects(cs, ce, key, v, np_end, kind, rule, via, via_outlet)
        if found is None:
            return
        spans, rule = found
        if len(spans) == 1 and text.find(",", lo, spans[0][1]) >= 0 and text.find(" and ", lo, spans[0][1]) >= 0 and (
            listed := coordinated_names(text, lo, spans[0], qspans, ctx.is_person)
        ) is not None:
            spans = listed  # "Meta's president, Nick Clegg, and ... Jennifer Newstead said"; "Clinton, Sanders and Biden said"
        for ns, ne in spans:
            if len(spans) > 1 and any(ns <= st.cue_start < ne for st in out):
                continue  # ("a woman asked for a photo and Clinton said": a clause, not a speaker)
            self.emit(rule, cs, ce, ns, ne, via, via_outlet, kind, v)

    def _channel(self, ce: int, key: str, v: lexicon.Verb | None, role: str) -> tuple[str | None, str | None]:
        """The channel named after the cue: the listener of "told"/phrase
        cues ("told RTVI"), a platform verb's platform ("tweeted"), a
        platform or outlet ("wrote on Telegram", "said in a statement to
        Reuters"); (None, None) when there is none."""
        ctx, text, hi = self.ctx, self.text, self.hi
        via, via_outlet = None, None
        if role == "via":
            via, via_outlet = _via_after(ctx, ce, hi, False)
        elif v is not None and v.lemma == "tell":
            via, via_outlet = _via_after(ctx, ce, hi, True)
        elif key in cues.PLATFORM_VERBS:
            outlet = ctx.gaz.resolve(cues.PLATFORM_VERBS[key])
            if outlet is not None:
                via, via_outlet = outlet.name, outlet.id
        else:
            # "wrote on Telegram", "said in a post on Facebook": a platform.
            pm = _ON_PLATFORM.match(text, ce, hi)
            found = (_on_air(ctx, pm.group(1).rstrip(".")) if pm.group(1) else _outlet_named(ctx, pm.group(2))) if pm else None
            if found is None and (sent_to := _SENT_TO.match(text, ce, hi)) is not None:
                # "said in a statement to Reuters", "in an email to the Associated Press"
                found = _via_after(ctx, sent_to.end(), hi, True)
                found = found if found[0] is not None else None
            if found is not None:
                via, via_outlet = found
        return via, via_outlet

    def _subjects(
        self, cs: int, ce: int, key: str, v: lexicon.Verb | None, np_end: int, kind: str, rule: str,
        via: str | None, via_outlet: str | None,
    ) -> tuple[list[tuple[int, int]], str] | None:
        """Who speaks for a finite verb: the spans of the speakers and the
        rule (``statement.verb_subject`` when the speaker follows, "..., said
        X"); None when the cue is settled (a record added here, or no verb).
        A subject before the verb (``_subject_before``); else "X,
        <descriptor>, said" or the name after the verb; else, past a comma,
        a list of verbs sharing the subject ("supports X, opposes Y")."""
        text, lo, hi, qspans, out = self.text, self.lo, self.hi, self.qspans, self.out
        subj = _np_before(text, lo, np_end, qspans)
        spans: list[tuple[int, int]] = []
        if subj.start < subj.end:
            found = self._subject_before(subj, cs, ce, key, v, kind, rule, via, via_outlet)
            if found is None:
                return None
            spans = found
        elif (v is None or (key in cues.CORE_SPEECH and v.lemma != "tell") or v.lemma == "read" or (
            key in cues.INVERTED_SPEECH and _named_inversion(text, ce, hi)  # ("posted the clip": an object)
        )) and (subj.boundary_char in ("quote", ",", "") or subj.boundary == lo):
            # "X, <descriptor>, said" before "..., said X".
            spans = _parenthetical_subject(text, lo, subj, qspans, v) if subj.boundary_char in (",", "quote") else []
            if not spans and subj.boundary_char == "," and text[lo : subj.boundary - 1].rstrip().endswith(")"):
                # "Sen. Jack Reed (D-R.I.), said": a stray comma after the tag
                # (first: the name is the subject, whatever follows the verb).
                tagged = _np_before(text, lo, subj.boundary - 1, qspans)
                if (tagged.boundary == lo or tagged.boundary_char == ",") and tagged.start < tagged.end and valid_subject(
                    _words(text, tagged.start, tagged.end), v
                ):  # (or after an opener: "In Columbus, after winning Ohio, Gov. John Kasich (R-OH), said")
                    spans = [(tagged.start, tagged.end)]
            after = inverted_subject(text, ce, hi) if not spans or _named_inversion(text, ce, hi) else None
            if after is not None:
                spans = [after]
                rule = "statement.verb_subject" if rule != "statement.phrase" else rule
        elif subj.boundary_char in (",", "quote") and v is not None:
            spans = _parenthetical_subject(text, lo, subj, qspans, v)
            if not spans and v.form in ("past", "s"):
                # "supports X, opposes Y": a list of verbs shares the subject.
                if out and _same_tense(text, out[-1], v):
                    if not _CLAUSE_WORD.search(text, out[-1].cue_end, cs):
                        out.append(_same_speaker(out[-1], rule, cs, ce, self.quote_for(cs), kind))
                    return None  # (", because its society, eager ..., wants": another clause's verb)
                head = None if out else main_subject(text, lo, subj.boundary - 1, qspans, same_clause=True)
                if head is not None:
                    spans = [head]
        return spans, rule

    def _subject_before(
        self, subj: _Subject, cs: int, ce: int, key: str, v: lexicon.Verb | None, kind: str, rule: str,
        via: str | None, via_outlet: str | None,
    ) -> list[tuple[int, int]] | None:
        """The speakers in the noun phrase ``subj`` before the verb: the
        phrase itself, split at "and" ("A and B said"); the noun before a
        relative clause ("Two people who attended the meeting said", only
        for the "say" core); the last conjunct when it opens a clause of its
        own. None when the cue is settled: "which"/"who" ends the phrase
        (``_relative_subject``), or a noun after a noun ("Drone attack
        sparks")."""
        text, lo, qspans = self.text, self.lo, self.qspans
        spans: list[tuple[int, int]] = []
        words = _words(text, subj.start, subj.end)
        if words[-1].lower() in ("which", "who") and (len(words) > 1 or subj.boundary_char in (",", "—", "–")):
            self._relative_subject(subj, words, cs, ce, v, kind, rule, via, via_outlet)
            return None
        rel = next((i for i, w in enumerate(words[1:-1], 1) if w.lower() in ("who", "which", "whose") or (
            # "activists clamoring to block Trump say": a participle after a noun that speaks
            w.endswith("ing") and w.islower() and _source_noun(bare(words[i - 1]).lower())
        )), 0)
        if not text[subj.end : cs].strip() and singular_before_noun(words, v):
            return None  # "Drone attack sparks fire": a noun after a noun, not a verb that needs "attacks"
        if valid_subject(words, v) and not _adjective_before_noun(words, v):
            spans = _split_and(text, subj.start, subj.end)
        elif rel and v is not None and key in cues.CORE_SPEECH and words[-1].lower() not in cues.PRONOUNS and valid_subject(words[:rel], v):
            # "Two people who attended the meeting said": the noun before
            # the relative clause (which may hold a cue of its own). Only
            # for the "say" core: other cue words there are often nouns.
            toks = _tokens(text, subj.start, subj.end)
            spans = [(toks[0][0], toks[rel - 1][1])]
        elif (that := _relative_that(text, lo, subj.start, words, qspans, v)) is not None and key in cues.CORE_SPEECH:
            spans = [that]  # "organizations that have endorsed him say": the noun before "that"
        elif v is not None and v.lemma == "say" and v.form != "ing" and (
            head := head_of_long_subject(text, subj.start, subj.end, v)
        ) is not None:
            spans = [head]  # "The last man to mount a major third-party race says": the man
        elif (name := name_after_opener(text, subj.start, subj.end, v)) is not None:
            spans = [name]  # "Speaking at the convention Sen. Elizabeth Warren said": no comma after the opener
        elif "and" in words[:-1] and v is not None and v.lemma in ("say", "tell") and len(
            both := _split_and(text, subj.start, subj.end, v)
        ) == 2:
            spans = both  # "Politicians and even some technologists say": each speaks
        elif "and" in words[:-1]:
            # "the bill Democrats opposed and Obama said": the last conjunct
            # opens a clause of its own when it is a name or a pronoun.
            toks = _tokens(text, subj.start, subj.end)
            k = max(i for i, t in enumerate(toks) if t[2] == "and")
            tail = [t[2] for t in toks[k + 1 :]]
            if tail and (is_capitalised(tail[0]) or tail[0].lower() in cues.PRONOUNS) and valid_subject(tail, v):
                spans = [(toks[k + 1][0], toks[-1][1])]
        return spans

    def _relative_subject(
        self, subj: _Subject, words: list[str], cs: int, ce: int, v: lexicon.Verb | None, kind: str, rule: str,
        via: str | None, via_outlet: str | None,
    ) -> None:
        """A subject ending in a relative pronoun, "France, which announced",
        "voters who want": the antecedent speaks (a share of people is a
        group; the named person before an appositive, "Zagidat, a mother of
        four who hopes"), recorded with the pronoun as ``source_text``."""
        ctx, text, lo, out, sent = self.ctx, self.text, self.lo, self.out, self.sent
        share: list = []
        if len(words) > 1:
            run = _tokens(text, subj.start, subj.end)[:-1]
            if share := share_tail(run):
                run = share  # "compared with four in 10 who said", "the number who said"
            elif any(t[2] in _OBJECT_PREPOSITIONS for t in run):
                run = _head_of_prepositional(run)  # "children in Syria and Iraq who": "children"
            elif not valid_subject([t[2] for t in run]):
                run = _antecedent(run)  # "This angered Hispanics who viewed it"
                if run and not valid_subject([t[2] for t in run]):
                    run = []
        else:
            before = _tokens(text, lo, subj.boundary - 1)
            run = share = share_tail(before) or []  # "compared to 38 percent — who said"
            if not run:
                run = _antecedent(before, relative=True)
        if run:
            # (the article may stand before the run: "Rendell, a former governor, who")
            article = _ARTICLE_BEFORE.search(text, max(lo, run[0][0] - 5), run[0][0])
            named = _NAME_BEFORE_APPOSITIVE.search(text, max(lo, run[0][0] - 60), article.start() if article else run[0][0])
            if named is not None and (run[0][2].lower() in ("a", "an", "the") or article) and not bare(run[-1][2])[:1].isupper():
                # "Zagidat, a Dagestani mother of four who hopes": the named person
                run = _tokens(text, named.start(1), named.end(1))
            made = classify(text[run[0][0] : run[-1][1]], ctx.gaz, ctx.names, run[0][0])
            if made is not None and share:
                made.source_type = "group"  # a share of people
            if made is not None and _fits(v, made, words):
                made.source_text = words[-1]
                made.pronoun = True
                out.append(Statement(rule, sent, cs, ce, made, via, via_outlet, self.quote_for(cs), kind))

    def finish(self) -> list[Statement]:
        """The records, with the sentence's channel ("..., the BBC reported")
        and a journal's ("published in Nature") outside quotations."""
        ctx, text, lo, hi, out, nested = self.ctx, self.text, self.lo, self.hi, self.out, self.nested
        if not nested and out:
            _sentence_channel(ctx, lo, hi, out)
            if text.find("published", lo, hi) >= 0:
                _journal_channel(ctx, lo, hi, out)
        return out


def statements_in(ctx: Context, sent: Sentence, lo: int, hi: int, rank: int, speaker: Source | None) -> list[Statement]:
    """Statements in ``text[lo:hi]`` (a sentence, or the inside of a quote)."""
    text = ctx.text
    # ("published" of the relay rule is itself a cue verb.)
    if not ctx.cues_in(lo, hi) and text.find(":", lo, hi) < 0:
        return []  # most sentences: no cue at all, nothing else to compute
    scan = _Scan(ctx, sent, lo, hi, rank, speaker)
    scan.relays()
    scan.quoted_as()
    if not scan.nested:
        scan.interview_or_colon()
    for cs, ce, key, v, np_end in _cue_items(ctx, lo, hi, scan.qspans, scan.consumed):
        scan.cue(cs, ce, key, v, np_end)
    return scan.finish()


#: Verbs and adjectives that pass their subject to an infinitive cue and
#: are no cue themselves ("went on to criticize", "was quick to praise",
#: "took to Twitter to attack", "used his keynote speech to offer").
_CONTROL = re.compile(
    r"(?<![\w’'])(?:(?:went|goes|go|going)\s+(?:on|so\s+far\s+as)|(?:attempt|tr(?:y|ies|ied|ying)|seem|appear|beg(?:in|an|un)|start"
    r"|mov|rush|hasten|proceed|manag|struggl|fail|continu)\w*|(?:quick|eager|careful|poised|set|scheduled|expected|likely"
    r"|inclined|willing|ready|able)"
    r"|(?:took|takes|take|taking)\s+to\s+[^,.;:!?“”\"]{1,40}?|(?:used|uses|use|using)\s+[^,.;:!?“”\"]{1,40}?"
    r"|(?:came|come|comes|coming|returned|returns|traveled|travelled|stood|descended|appeared)\b[^,.;:!?“”\"]{0,40}?)"
    r"\s+to\s+$"
)
_DEGREE = frozenset("more less most very so too far much slightly increasingly all".split())

#: "was asked by host John Dickerson", "was confirmed as a passenger by".
#: "was backed by the senator": an agent after "by" (not a means: "said by
#: telephone", "told by email").
_BY_AGENT = re.compile(
    r"(?:\s+\w+ly)?(?:\s+as\s+[\w’'\-]+(?:\s+[\w’'\-]+)?)?\s+by\s+"
    r"(?!(?:tele)?phone\b|e-?mail\b|text(?:\s+message)?\b|video(?:\s*link)?\b|letter\b|mail\b|fax\b|Zoom\b|Skype\b)"
)
_PASSIVE_RULE = {"statement": "statement.passive"}
#: Verbs that class something "as" something ("seen as", "viewed as").
_SEEN_AS = frozenset("see view regard consider describe perceive interpret".split())
_COMMA_WHO = re.compile(r",\s+who\s")
#: Verbs after which a past participle is an adjective ("seemed aimed at").
_LINKING_VERBS = frozenset("seem seems seemed appear appears appeared look looks looked become becomes became".split())

_CLAUSE_WORD = re.compile(r"(?<![\w’'])(?:" + "|".join(sorted(cues.CLAUSE_WORDS)) + r")(?![\w’'])", re.I)
#: A copula, adverbs allowed, just before an adjective cue.
_COPULA_BEFORE = re.compile(
    r"(?<![\w’'])(?:" + "|".join(sorted(map(re.escape, cues.COPULAS), key=len, reverse=True)) + r")"
    r"(?:\s+(?:not|n[’']t|also|still|now|so|very|more|less|most|too|quite|increasingly|deeply|highly|\w+ly))*\s+$"
)

#: An outlet's own sources, ending the mention: "RTVI's sources".
_OUTLETS_SOURCES = re.compile(r"[’']s?\s+(?:own\s+)?(?:sources|source|informants|contacts)$")
#: An outlet's possessive before a name: "ESPN's Adrian Wojnarowski", "The
#: Athletic’s Shams Charania".
_OUTLET_STAFF = re.compile(r"((?:The\s+)?[A-Z][\w.&\-]*(?:\s+[A-Z][\w.&\-]*){0,3})[’']s?\s+(?=[A-Z])")
#: A possessor just before: "The Kremlin's (Telegram account)".
_POSSESSOR = re.compile(r"[’']s?\s+$")
#: A second source joined by "and" after the first one "according to" names.
_AND_SOURCE = re.compile(r"[^,.;:!?“”\"()]{0,60}?\s+and\s+(?=(?:an?|the|two|three|four|several|some|many|one|[A-Z])\b)")
#: ", Dr. Maria Chen of Stanford University," after a role: the name it gives.
_APPOSITIVE_NAME = re.compile(
    r",\s+((?:(?:Dr|Mr|Mrs|Ms|Prof|Sen|Rep|Gov|Gen)\.\s+)?[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'.\-]*){1,3})(?=\s*(?:[,.;]|$|\s+of\s))"
)
_MODIFIER_PREPOSITION = re.compile(r"\s(?:by|at|of|from|for|with|between|among)\s")
#: A platform's channel or account named in the speaker's mention.
_PLATFORM_ACCOUNT = re.compile(r"([A-Z][\w.]+)\s+(?:channel|account|page|feed)\b")
_ARTICLE_BEFORE = re.compile(r"(?<![\w’'])(?:a|an|the)\s+$")
_NAME_BEFORE_APPOSITIVE = re.compile(r"(?<![\w’'])([A-Z][\w’'\-]+(?:\s+[A-Z](?:[\w’'\-]+|\.)){0,3}),\s+$")
_BREAK_PREPOSITIONS = frozenset("by with from to among for on at about against between".split())


#: "..., said Brad Bannon, a Democratic pollster": a name of two or more
#: capitalised words (or a determined role) right after the verb, then a
#: comma, a full stop or "who".
_NAMED_INVERSION = re.compile(
    r"\s+(?:(?:[A-Z][\w.’'\-]*\s+){1,3}[A-Z][\w’'\-]+|(?:an?|the)\s+(?:[\w\-]+\s+){0,3}"
    r"(?:official|officials|spokesman|spokeswoman|spokesperson|aide|source|person))(?:,|\.(?:\s|$)|\s+who\b)"
)


def _named_inversion(text: str, ce: int, hi: int) -> bool:
    """Does a speaker's name, not a clause, follow the verb? Then "..., said
    X, a pollster" is an inversion even where the words before the verb
    could pass for a subject with a descriptor."""
    return _NAMED_INVERSION.match(text, ce, hi) is not None


#: The speaker labels of an interview's lines: the interviewer and the
#: interviewee, never what "he" or "they" later refers to.
_INTERVIEW_LABELS = frozenset("Q A".split())
#: An interview's answer line: "A: ...".
_ANSWER = re.compile(r"A(:)\s")


_THAT_BEFORE = re.compile(r"\bthat\s+$")


def _relative_that(text: str, lo: int, start: int, words: list[str], qspans, v) -> tuple[int, int] | None:
    """The noun phrase before a relative "that" whose clause runs up to the
    cue ("progressive organizations that have endorsed him say"): the words
    after "that" open with an auxiliary (a complement clause would open
    with its own subject: "told reporters that officials say")."""
    m = _THAT_BEFORE.search(text, max(lo, start - 12), start)
    if m is None or bare(words[0]).lower() not in cues.FINITE_BLOCKERS:
        return None
    np = _np_before(text, lo, m.start(), qspans)
    if np.start >= np.end:
        return None
    before = _words(text, np.start, np.end)
    if not _source_noun(bare(before[-1]).lower()) or not valid_subject(before, v):
        return None
    return np.start, np.end


def _head_of_prepositional(run: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The antecedent of "who" in a noun phrase with a preposition: the whole
    phrase when it ends in a noun that can speak ("dozens of women who"), a
    preposition inside a name is no break ("a Club for Growth donor who"),
    else the part before the preposition ("children in Syria and Iraq who")."""
    cut = 0  # the object after the clause's verb or preposition: "is coming under attack by dozens of women"
    words = [t[2] for t in run]
    for i, w in enumerate(words[:-1]):
        if between_capitals(words, i):
            continue
        if w in cues.BE_FORMS or w in cues.FINITE_BLOCKERS or w in _BREAK_PREPOSITIONS or lexicon.is_cue_word(w) or (
            w.endswith("ed") and w.isalpha() and w not in cues.SOURCE_NOUNS
        ):
            cut = i + 1
    run = run[cut:]
    words = [t[2] for t in run]
    det = next((i for i, w in enumerate(words) if w.lower() in cues.DETERMINERS or w.lower() in cues.QUANTIFIERS), 0)
    if det and all(w[:1].islower() for w in words[:det]):
        # "helped convince some lawmakers who": the noun phrase opens at
        # its determiner, after the verb that governs it.
        run, words = run[det:], words[det:]
    if _source_noun(bare(words[-1]).lower()) and valid_subject(words):
        return run
    k = next((i for i, w in enumerate(words) if w in _OBJECT_PREPOSITIONS and not between_capitals(words, i)), len(words))
    head = run[:k]
    return head if head and valid_subject([t[2] for t in head]) else []


def _same_tense(text: str, earlier: Statement, v: lexicon.Verb) -> bool:
    """Coordinated verbs share a tense ("said ... and called")."""
    first = text[earlier.cue_start : earlier.cue_end].split()
    prev = lexicon.verb(first[0]) if first else None
    if prev is None or prev.form in ("ing", "base"):
        return True  # ("did not mention X but told Y": after an auxiliary)
    return (prev.form == "past") == (v.form == "past")


def _fits(v: lexicon.Verb | None, src: Source, words: list[str]) -> bool:
    """Evidence verbs ("shows", "found") speak only for documents and bodies."""
    if v is None or v.family != "evidence":
        return True
    # "a poll found", "Exit polls taken in South Carolina found", "the ad shows"
    return src.source_type in ("outlet", "organization") or any(
        (b := bare(w).lower()) in cues.EVIDENCE_NOUNS or b in cues.DOCUMENT_NOUNS
        for i, w in enumerate(words) if i == 0 or i == len(words) - 1 or not is_capitalised(w)
    )  # ("Data from the CDC show"; the head, "A Morning Consult Poll found")


def _cue_items(ctx: Context, lo: int, hi: int, qspans, consumed) -> Iterator[tuple[int, int, str, lexicon.Verb | None, int]]:
    """(cue start, cue end, key, verb or None for a fixed phrase, where the
    subject's noun phrase ends) outside quotes. The subject ends at the cue,
    except before an adjective cue, where it ends at the copula ("She remains
    | confident that")."""
    text = ctx.text
    for m in ctx.cues_in(lo, hi):
        cs = m.start()
        if _inside(cs, qspans) or _inside(cs, consumed) or text[cs - 1 : cs] in ("<", "/"):
            continue  # (a tag left in a text dump: "<tweet/>")
        if m.group("phrase"):
            yield cs, m.end(), _key(m.group(0)), None, cs
            continue
        word = m.group("verb")
        if word in lexicon.ADJECTIVES:
            family, particles = lexicon.ADJECTIVES[word]
            copula = _COPULA_BEFORE.search(text, max(lo, cs - 60), cs) if m.group("particle") in particles else None
            if copula is not None:
                # "Cruz is critical of": the cue is the adjective and its particle.
                yield cs, m.end(), word, lexicon.Verb(word, family, "belief", "adjective"), copula.start()
                continue
            # (else a verb, if it is one: "opposed", "worried")
        v = lexicon.verb(word)
        if v is None:
            continue
        low = word.lower()
        if not word[0].islower() and low not in cues.CORE_SPEECH and not (v.form == "ing" and not text[lo:cs].strip(_SENTENCE_LEAD)):
            continue  # "the Washington Post", "Backs": not a verb in running text
        if v.lemma in cues.NOUN_HOMOGRAPHS and word[0].isupper() and not title_case_after(text, m.end(), hi) and (
            capitalised_before(text, lo, cs)
        ):
            continue  # a name's last word: "the Drudge Report,", "U.S. News & World Report arrested"
        particle = m.group("particle")
        ce = m.end("verb")
        if particle and particle.lower() in cues.PARTICLE_VERBS.get(v.lemma, ()):
            ce = m.end("particle")
        else:
            particle = None
        if lexicon.needs_particle(v, particle):
            continue
        if v.lemma in cues.PUNCT_ONLY_VERBS and not _QUOTE_NEXT.match(text, ce, hi) and not (
            v.form != "ing" and _PUNCT_NEXT.match(text, ce, hi) and (v.form != "base" or v.lemma == "read" or any(e <= cs for _, e in qspans))
        ) and not (v.lemma == "read" and _QUOTE_BEFORE.search(text, lo, cs)):
            # ("a sign reading “...”", "He continued, ...", "“...,” read a
            # banner"; not "math and reading,", nor a base form with no
            # quotation: "the protest would continue."; "read" is a past too)
            continue
        if v.lemma in cues.COMPLEMENT_VERBS and not _has_complement(text, ce, hi, cues.COMPLEMENT_VERBS[v.lemma]):
            continue
        if v.lemma in cues.CLAUSE_VERBS and not _clause_next(text, ce, hi, cues.CLAUSE_VERBS[v.lemma]):
            continue
        if _nothing_said(text, lo, cs, ce, hi):
            continue
        yield cs, ce, low, v, cs


#: The second character after a cue that may start one of the phrases
#: of ``cues.NOTHING_SAID_AFTER`` (a space first, then "not", "for", "on",
#: "immediately", "to"; or more space).
_NOTHING_SAID_FIRST = frozenset("nfoitNFOITıİ \t\n\u00a0")


def _nothing_said(text: str, lo: int, cs: int, ce: int, hi: int) -> bool:
    """"asked not to be named", "spoke on condition of anonymity", "did not
    respond to a request for comment": a cue verb that reports no words."""
    if text[ce + 1 : ce + 2] not in _NOTHING_SAID_FIRST:
        return False  # (what follows starts with none of the phrases' first letters)
    m = cues.NOTHING_SAID_AFTER.match(text, ce, hi)
    if m is None:
        return False
    if m.group("anonymous"):
        return True
    before = text[max(lo, cs - 30) : cs].lower().replace("’", "'").split()[-3:]
    return any(w in cues.NEGATIONS or w.endswith("n't") for w in before)


def _has_complement(text: str, ce: int, hi: int, words: tuple[str, ...]) -> bool:
    """Does one of ``words`` follow within the clause (before punctuation)?"""
    end = min(hi, ce + 80)
    for ch in ",;:.!?":
        k = text.find(ch, ce, end)
        if k >= 0:
            end = k
    return any(f" {w} " in f" {text[ce:end]} " for w in words)


def _clause_next(text: str, ce: int, hi: int, words: tuple[str, ...]) -> bool:
    """Does a clause start right after the cue: a subject pronoun, a name or
    one of ``words`` ("feels he can win", not "feels confident")?"""
    nxt = _NEXT_WORD.match(text, ce, hi)
    if nxt is None:
        return False
    w = nxt.group(1)
    return w.lower() in words or w.lower() in _SUBJECT_PRONOUNS or is_capitalised(w)


#: What may stand before a sentence's first word: space and opening marks
#: (not names.py's _OPENING_MARKS, which also strips closing marks off a mention).
_SENTENCE_LEAD = " \n\"“‘'("


#: "on Sunday" after a subject: a time, or the end of an outlet's name.
_ON_DAY = re.compile(r"\s+on\s+Sunday\b")
#: "data released Wednesday by", "a report published last week by": who
#: put the document out follows.
_RELEASED_BY = re.compile(
    r"\s+(?:released|published|compiled|issued|collected|gathered|conducted)"
    r"(?:\s+(?:on\s+)?[A-Z][a-z]+day|\s+(?:last|this|earlier\s+this)\s+[a-z]+)?\s+by\s+"
)


#: What follows an adjective ("is telling.", "is telling in its own right").
_ADJECTIVE_NEXT = re.compile(r"\s*(?:[.,;:!?]|$|(?:in|of|that|about)\b)")


#: Words that open a clause embedded in the main one ("deciding whether X").
_EMBEDDING = re.compile(r"(?<![\w’'])(?:whether|if|how|why|what|that)(?![\w’'])")

"""Statements of a whole document: what one sentence alone cannot tell.

``statements`` finds the statements of one sentence; this module runs it
over the body and adds what needs the document: a Title Case headline that
attributes ("Donald Trump Praises Breitbart's Editor"), statements inside
another's reported content (the relaying speaker becomes their ``via``),
quotations that run over several sentences (each sentence is the quoted
speaker's), and sentences that are only a quotation (the previous speaker
goes on).
"""

from __future__ import annotations

import re

from . import cues, lexicon
from .channels import _CLAUSE_BREAK, _trailing_attribution
from .context import Context, index_paragraph
from .furniture import is_disclaimer
from .names import Source, bare, classify, collapse, is_capitalised
from .phrases import _tokens, valid_subject
from .sentences import CLOSERS, OPENERS, Sentence, double_quotes, open_quote_at_end
from .statement_record import _FAMILY_RULE, Statement
from .statements import _fits, statements_in


_HEADLINE_ADVERBS = frozenset("just now also again finally still already quietly reportedly".split())


def headline_statement(ctx: Context, sent: Sentence, rank: int) -> Statement | None:
    """A Title Case headline: "Donald Trump Praises Breitbart's Editor",
    "New Poll Shows Gap", "Hillary Just Vowed To ...". The first verb form
    (-s or past; a bare form is too often a noun) after a name speaks for it."""
    text = ctx.text
    if sent.end - sent.start > 200:
        return None
    head = text[sent.start : min(sent.end, sent.start + 60)].split(None, 3)
    if len(head) < 3 or not (is_capitalised(head[1]) and is_capitalised(head[2])):
        return None  # most sentences: lower case by the second or third word
    toks = _tokens(text, sent.start, sent.end)
    if not 3 <= len(toks) <= 20 or sum(is_capitalised(t[2]) or not t[2][:1].isalpha() for t in toks) < 0.8 * len(toks):
        return None
    while toks and toks[0][2].isdigit():
        toks = toks[1:]  # "6 Zoe Questioned ...": a numbered list item
    for k in range(1, len(toks)):
        word = bare(toks[k][2])
        v = lexicon.verb(word)
        if v is None or v.form not in ("s", "past") or not word[:1].isupper():
            continue
        subj = toks[:k]
        while subj and bare(subj[-1][2]).lower() in _HEADLINE_ADVERBS:
            subj = subj[:-1]
        words = [t[2] for t in subj]
        if not subj or len(subj) > 5 or any(ch.isdigit() for w in words for ch in w) or not valid_subject(words, v):
            return None  # ("Russia Repatriates 38 Children of Islamic State Suspects": no name before a verb)
        # Title Case hides common nouns ("New Poll", "Clinton Campaign"):
        # words the article also writes in lower case are lowered.
        mention = " ".join(w.lower() if ctx.names.is_common_word(bare(w)) else w for w in words)
        src = classify(mention, ctx.gaz, ctx.names, subj[0][0])
        if src is None or src.pronoun or not _fits(v, src, mention.split()):
            return None
        src.source_text = collapse(text[subj[0][0] : subj[-1][1]])
        cs = text.find(word, toks[k][0])
        return Statement(_FAMILY_RULE.get(v.family, "statement.subject_verb") if v.kind == "belief" else "statement.headline",
                         sent, cs, cs + len(word), src, kind=v.kind)
    return None


def document_statements(ctx: Context, sentences: list[Sentence], furniture: set[int]) -> list[Statement]:
    """All statements of a document, nested quotations included."""
    text = ctx.text
    out: list[Statement] = []
    # (A sentence that is a disclaimer makes the text match too: most texts
    # are read once instead of sentence by sentence.)
    disclaimers = is_disclaimer(text)
    for sent in sentences:
        if sent.paragraph in furniture or disclaimers and is_disclaimer(text[sent.start : sent.end]):
            continue
        rank = ctx.rank[sent.paragraph]
        index_paragraph(ctx, sent.start, sent.end, rank)
        top = statements_in(ctx, sent, sent.start, sent.end, rank, None)
        if not top:
            headline = headline_statement(ctx, sent, rank)
            if headline is not None:
                top = [headline]
        if len(top) > 1:
            top = _reported_content(text, top)
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
    _spanning_quotes(text, sentences, furniture, out)
    return out


#: Relative pronouns as a belief's source: a clause about the speaker
#: ("said Murphy, who thinks"), not what the speaker said.
_RELATIVE_SOURCES = frozenset({"who", "which", "that"})


def _reported_content(text: str, top: list[Statement]) -> list[Statement]:
    """Records inside what another record of the sentence reports.

    A statement whose speaker opens the reported clause comes through the
    reporter ("Peskov told reporters that the minister had denied": the
    minister, via Peskov). A belief inside a statement's content is that
    statement's content, not a second attribution by the article: "Clinton
    said she wanted to move forward" is one record (Clinton, said);
    "Manafort told friends that the candidate knew" keeps the candidate's
    belief with Manafort, who relays it, as its ``via``. A belief of the
    speaker's own after the content ends ("said ..., but he wants"), in a
    relative clause ("said Murphy, who thinks") or as a second verb of the
    same subject ("questioned ... and refused") stands as it is."""
    kept: list[Statement] = []
    for st in top:
        outer = None
        if st.rule == "statement.subject_verb" and st.via is None:
            reporter = next((o for o in top if o.kind == "statement" and _complement_subject(text, o, st)), None)
            if reporter is not None and reporter.source.source and reporter.source.source != st.source.source and (
                not _speaker_again(reporter.source, st.source)
            ):
                # "The Kremlin said Putin and Xi had discussed Ukraine": the
                # words of the reported clause's subject come through the speaker.
                st.via, st.via_outlet = reporter.source.source, reporter.source.source_outlet
            kept.append(st)
            continue
        if st.kind == "belief" and st.source.source_text.lower() not in _RELATIVE_SOURCES:
            outer = next((o for o in top if o.kind == "statement" and o.cue_end <= st.cue_start), None)
        if outer is not None and (outer.source == st.source or _CLAUSE_BREAK.search(text, outer.cue_end, st.cue_start)):
            outer = None
        if outer is not None and _speaker_again(outer.source, st.source):
            continue  # "The president also said that he imagined ...": his own content
        if outer is None and st.kind == "belief":
            # "Dozens of women ... are seeking help, RTVI reported": relayed.
            # (Not "He hoped, he said, that": PolNeAR marks both; 14 of the
            # 16 such beliefs of the speaker's own on train are marked.)
            trailing = next((o for o in top if o.kind == "statement" and _trailing_attribution(text, st, o)), None)
            if trailing is not None and trailing.source.source and trailing.source.source != st.source.source:
                outer = trailing
        if outer is None:
            kept.append(st)
        elif outer.source.source and st.source.source != outer.source.source:
            if st.via is None:
                st.via, st.via_outlet = outer.source.source, outer.source.source_outlet
            kept.append(st)
    return kept


#: Between a cue and the subject of its reported clause: "said", "said
#: on Monday that", "told reporters that", "said, however, that".
_TO_COMPLEMENT = re.compile(
    r"\s*(?:(?:on|last|this|in|at)\s+[\w’'.]+\s+)?"
    r"(?:(?:(?:reporters|journalists|supporters|voters|me|us|him|her|them|the\s+crowd|a\s+crowd"
    r"|(?:the\s+)?[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)?)\s+|,\s*[a-z]+,\s*)?that\s+)?$"
)


def _complement_subject(text: str, o: Statement, st: Statement) -> bool:
    """Does ``st``'s speaker open the clause ``o`` reports ("The Kremlin said
    Putin and Xi had discussed", "told reporters that the minister had
    denied")?"""
    if o is st or o.cue_end > st.cue_start or o.cue_end >= st.cue_start - 2:
        return False
    mention = text.rfind(st.source.source_text, o.cue_end, st.cue_start)
    return mention >= 0 and _TO_COMPLEMENT.fullmatch(text, o.cue_end, mention) is not None


def _speaker_again(outer: Source, src: Source) -> bool:
    """Is the pronoun ``src`` inside ``outer``'s reported content the speaker
    again ("She added that she thinks", "The chairman said he opposes")?
    Its resolution may have gone past an unnamed speaker to a name."""
    pron = src.source_text.lower()
    if not src.pronoun or pron not in ("he", "she", "they"):
        return False
    if outer.source_text.lower() == pron or (outer.pronoun and outer.source == src.source):
        return True
    head = bare(outer.source_text.split()[-1]).lower()
    if outer.source_type != "unnamed" or head in cues.EVIDENCE_NOUNS or head in cues.DOCUMENT_NOUNS:
        return False
    return (pron == "they") == (head.endswith("s") and not head.endswith("ss"))


def _spanning_quotes(text: str, sentences: list[Sentence], furniture: set[int], out: list[Statement]) -> None:
    """A quotation running over paragraphs belongs to the attribution in
    its first or last paragraph: each paragraph but the last opens with a
    quotation mark and leaves it unclosed, by convention. The record's
    ``quote`` gets the whole of it."""
    if not any(
        text[st.sentence.start] in OPENERS or text.find("“", st.cue_end, st.sentence.end) >= 0
        or text.find('"', st.cue_end, st.sentence.end) >= 0
        for st in out
    ):
        return  # no record opens or follows a quotation: nothing can span
    spans: dict[int, list[int]] = {}  # paragraph -> [start, end]
    for sent in sentences:
        if sent.paragraph not in furniture:
            spans.setdefault(sent.paragraph, [sent.start, sent.end])[1] = sent.end
    for st in out:
        if st.rule == "statement.nested" or st.sentence.paragraph not in spans:
            continue
        p = st.sentence.paragraph
        parts: list[str] = []
        q = p - 1
        # Back: "“We waited too long.\n\n“And we will not wait,” she said."
        while text[spans[p][0]] in OPENERS and q in spans and len(parts) < cues.QUOTE_MAX_PARAGRAPHS:
            qs, qe = spans[q]
            if text[qs] not in OPENERS or open_quote_at_end(text, qs, qe) != qs:
                break
            parts.insert(0, collapse(text[qs + 1 : qe]))
            q -= 1
        # On: "she said: “We waited too long.\n\n“And we will not wait.”"
        tail: list[str] = []
        marks_after = text.find("“", st.cue_end, spans[p][1]) >= 0 or text.find('"', st.cue_end, spans[p][1]) >= 0
        opened = open_quote_at_end(text, *spans[p]) if marks_after else -1
        if opened > st.cue_end:
            tail.append(collapse(text[opened + 1 : spans[p][1]]))
            r = p + 1
            while r in spans and text[spans[r][0]] in OPENERS and len(tail) <= cues.QUOTE_MAX_PARAGRAPHS:
                rs, re_ = spans[r]
                closes = open_quote_at_end(text, rs, re_) != rs
                body = text[rs + 1 : re_]
                if closes:
                    k = max(body.rfind(m) for m in CLOSERS)
                    tail.append(collapse(body[:k] if k >= 0 else body))
                    break
                tail.append(collapse(body))
                r += 1
            else:
                tail = []  # never closed: no quotation to speak of
        if parts or tail:
            st.quote = " ".join(x for x in (*parts, st.quote or "", *tail) if x) or None

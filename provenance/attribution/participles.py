"""The participle pass: whose words an -ing form of a cue verb reports.

An -ing form that is no finite verb ("saying", "adding that", "citing",
"urging"; not "is seeking", which ``statements`` reads as a verb with its
subject) has no subject of its own. ``statements`` hands each one it finds
to ``participle_statements``, which decides who speaks:

- the noun phrase it modifies ("Outside groups supporting X", "with about
  three in 10 saying", "62 percent of voters saying");
- the subject of a clause of its own ("..., and the ACLU has sued the
  city, saying");
- else the latest source of the sentence goes on ("X said ..., adding
  that");
- with no earlier record: whoever put a document out ("filed a lawsuit
  alleging"), whoever was heard ("was heard on a microphone telling"), the
  main clause's subject when the participle opens the sentence ("Responding
  to Trump, Clinton wrote") or stands between subject and verb ("Durbin,
  noting ..., said"), else the subject before the comma ("Çavuşoğlu
  criticized Russia, saying"). A participle that only sets the scene
  ("Speaking to reporters, ...") gives no record of its own;
- "X, citing Y, said": Y is a second source, relayed by X (rule
  ``statement.citing``), when Y can speak; otherwise ("citing his record")
  X gives the reasons.

Rules: ``statement.participle`` for words, ``belief.*`` for beliefs and
stances, ``statement.citing``. The pass is apart from ``statements`` because
it is one question with its own rules and word lists, and needs nothing of
the cue loop there but the sentence's records so far and the ``emit`` that
makes a record; the record type both use is in ``statement_record``.
"""

from __future__ import annotations

import re

from . import cues, lexicon
from .after_cue import _np_after
from .channels import _NEXT_WORD, _opens_with_subordinate
from .context import Context
from .descriptors import main_subject
from .names import bare, classify, is_capitalised, is_particle, is_possessive
from .phrases import _inside, _source_noun, _tokens, _words, valid_subject
from .statement_record import _FAMILY_RULE, Statement, _same_speaker
from .subjects import _antecedent, _clause_start, _np_before, subject_before


def participle_statements(ctx: Context, text: str, lo: int, hi: int, cs: int, ce: int, v, out: list[Statement], qspans, emit) -> None:
    """"X said ..., adding that": the -ing form continues the latest source.

    Without an earlier record in the sentence, a capitalised subject opening
    the clause before the comma speaks ("Çavuşoğlu criticized Russia,
    saying ..."). "X, citing Y, said": Y is a second source relayed by X
    when Y can speak; otherwise ("citing his record") X gives the reasons.

    The cue is ``text[cs:ce]`` (verb ``v``) in ``text[lo:hi]``, whose
    quotations are ``qspans``; ``out`` holds the sentence's records so far.
    A record goes to ``out``, through ``emit`` (``statements_in``'s: rule,
    cue span, speaker span, via, via outlet, kind, verb) or, for the
    latest speaker going on, directly.
    """
    kind = v.kind
    rule = "statement.participle" if kind == "statement" else _FAMILY_RULE[v.family]
    head = text[lo:cs].rstrip()
    prev = head.rsplit(None, 1)[-1].lower() if head else ""
    toks = _tokens(text, max(lo, cs - 120), cs)
    withs = [k for k, t in enumerate(toks) if t[2].lower() == "with"]
    if withs and 0 < len(toks) - withs[-1] - 1 <= cues.MAX_SUBJECT_WORDS:
        np = toks[withs[-1] + 1 :]
        approx = _APPROXIMATE.match(text, np[0][0], cs)
        # ("with more than 40 Labour MPs signalling": the count decides, the mention keeps it)
        counted = [t for t in np if t[0] >= approx.end()] if approx is not None and len(np) > 1 else np
        if valid_subject([t[2] for t in counted]) and not any(ch in text[np[0][0] : cs] for ch in ",;:"):
            # "with about three in 10 saying", "with one of her ads asking"
            # (not 'an interview with "The View," remarking': a comma, even
            # inside the quotation marks, ends the noun phrase)
            emit(rule, cs, ce, np[0][0], np[-1][1], None, None, kind, v)
            return
    absolute = _WITH_ING_AND.search(text, max(lo, cs - 200), cs) if prev == "and" else None
    if absolute is not None and valid_subject(absolute.group(1).split()):
        # "with top defense officials underlining ... and vowing": the
        # second -ing form shares the first one's subject.
        emit(rule, cs, ce, absolute.start(1), absolute.end(1), None, None, kind, v)
        return
    if prev.isalpha() and prev not in cues.DOCUMENT_NOUNS and (_source_noun(prev) or prev in ("percent", "anyone")):
        # "Outside groups supporting X", "62 percent of voters saying": the
        # noun phrase the -ing form modifies.
        span = subject_before(text, lo, cs, qspans, v)
        if span is not None:
            emit(rule, cs, ce, span[0], span[1], None, None, kind, v)
        else:
            run = _antecedent(_tokens(text, max(lo, cs - 60), cs), after_verb=True)
            if run and len(run) <= 4:
                emit(rule, cs, ce, run[0][0], run[-1][1], None, None, kind, v)
        return
    earlier = [st for st in out if st.cue_start < cs]
    if bare(prev) in cues.DOCUMENT_NOUNS and not earlier:
        # "filed a lawsuit alleging", "has run editorials pushing": whoever
        # put the document out speaks through it.
        subject = main_subject(text, lo, cs, qspans)
        if subject is not None:
            emit(rule, cs, ce, subject[0], subject[1], None, None, kind, v)
        return
    if _HEARD.search(text, max(lo, cs - 60), cs) and not earlier:
        # "Trump was heard on a microphone telling Christie": what was heard
        # is the subject's.
        subject = main_subject(text, lo, cs, qspans)
        if subject is not None:
            emit(rule, cs, ce, subject[0], subject[1], None, None, kind, v)
        return
    opening = None
    if (not head or head.lower() in _OPENING_PREPOSITIONS) and not out:
        # "Responding to Trump, Clinton wrote", "After meeting X, he said":
        # a participle opening the sentence is the main clause's subject's.
        comma = text.find(",", ce, hi)
        while comma >= 0 and _inside(comma, qspans):
            comma = text.find(",", comma + 1, hi)
        opening = main_subject(text, comma + 1, hi, qspans) if comma >= 0 else None
        if opening is None or _sets_scene(text, ce, hi, v):
            return
        if v.lemma not in ("cite", "quote"):
            emit(rule, cs, ce, opening[0], opening[1], None, None, kind, v)
            return
    elif not head.rstrip("”\"’'").endswith((",", "–", "—")) and prev not in cues.PARTICIPLE_OPENERS:
        return  # "screaming supporters", "some explaining to do" (not "on the spot – saying")
    if v.lemma in ("cite", "quote"):
        cited = _np_after(text, ce, hi, any_start=True)  # (also "citing local officials")
        words = _words(text, *cited) if cited is not None else []
        # ("citing Trump's blue-collar appeal": the head follows the span.)
        with_head = words + text[cited[1] : min(hi, cited[1] + 80)].split() if words and is_possessive(words[-1]) else words
        if words and valid_subject(words) and _can_be_cited(with_head):
            if earlier:
                x = earlier[-1].source
            elif opening is not None:  # "Citing sources in the camp, the paper said"
                x = classify(text[opening[0] : opening[1]], ctx.gaz, ctx.names, opening[0])
            else:
                before = text[lo:cs].rstrip()
                end = lo + len(before) - 1 if before.endswith(",") else cs
                # The subject of a clause before ("He resigned, citing"),
                # else the noun phrase ("The monitor ..., citing sources").
                subject = main_subject(text, lo, end, qspans)
                if subject is None:
                    phrase = _np_before(text, lo, end, qspans)
                    subject = (phrase.start, phrase.end)
                if subject[0] >= subject[1] or not valid_subject(_words(text, *subject)):
                    return
                x = classify(text[subject[0] : subject[1]], ctx.gaz, ctx.names, subject[0])
            if x is None or x.pronoun and x.source is None:
                return
            emit("statement.citing", cs, ce, cited[0], cited[1], x.source, x.source_outlet)
            return
    if opening is not None:  # "Citing his record, he ...": he gives the reasons
        emit(rule, cs, ce, opening[0], opening[1], None, None, kind, v)
        return
    comma = text.find(",", earlier[-1].cue_end, cs) if earlier else -1
    if comma >= 0 and _opens_with_subordinate(text, lo):
        # "Ever since she endorsed X, Ms. Warren has been ..., attacking":
        # the main clause's subject, not the subordinate clause's.
        subject = main_subject(text, comma + 1, cs, qspans)
        if subject is not None:
            emit(rule, cs, ce, subject[0], subject[1], None, None, kind, v)
            return
    clause = None
    for clause in _NEW_CLAUSE.finditer(text, earlier[-1].cue_end if earlier else lo, cs):
        pass
    subject = main_subject(text, clause.end(), cs, qspans, same_clause=True) if clause else None
    if subject is not None:
        # "Protest groups say ..., and the ACLU has sued the city, saying",
        # "Trump pivoted to trade, but Wallace brought him back ..., asking":
        # the clause after the conjunction has its own subject.
        emit(rule, cs, ce, subject[0], subject[1], None, None, kind, v)
        return
    if earlier:
        out.append(_same_speaker(earlier[-1], rule, cs, ce, earlier[-1].quote, kind))
        return
    if head.endswith(","):
        comma = text.rfind(",", lo, cs)
        b, _ = _clause_start(text, lo, comma, qspans)
        toks = _tokens(text, b, comma)
        while toks and toks[0][2] in ("And", "But", "So", "Yet", "Or"):
            toks = toks[1:]
        words = [t[2] for t in toks]
        if b == lo and toks and bare(words[0]).lower() not in cues.PREPOSITIONS and (
            _verb_after_parenthetical(text, ce, hi) and valid_subject(words)
        ):
            # "Durbin, noting the size of his following, said": the participle
            # is set off between the sentence's subject and its verb, and
            # says something of its own ("speaking to reporters", "answering
            # a question" only set the scene of the statement that follows).
            if not _sets_scene(text, ce, hi, v):
                emit(rule, cs, ce, toks[0][0], toks[-1][1], None, None, kind, v)
            return
        run: list[tuple[int, int, str]] = []
        for t in toks:
            if is_capitalised(t[2]) or (run and is_particle(t[2])):
                run.append(t)
            else:
                break
        if run and len(run) < len(toks) and any(bare(t[2]).lower() not in cues.NOT_NAMES for t in run):
            # ("Clinton's spokesman ..., saying", "Clinton campaign aides ...,
            # saying": the run only modifies the subject; the sentence's
            # subject is the whole noun phrase.)
            if is_possessive(run[-1][2]) or _source_noun(bare(toks[len(run)][2]).lower()):
                subject = main_subject(text, lo, cs, qspans)
                if subject is not None:
                    run = [(subject[0], subject[1], "")]
            emit(rule, cs, ce, run[0][0], run[-1][1], None, None, kind, v)
            return
    # Else the subject of the sentence ("he used stronger language, saying").
    subject = main_subject(text, lo, cs, qspans)
    if subject is not None:
        emit(rule, cs, ce, subject[0], subject[1], None, None, kind, v)


def _can_be_cited(words: list[str]) -> bool:
    """Is the head of what "citing" names a source: a name ("citing Reuters"),
    a noun that speaks or a document ("citing officials", "citing a poll
    conducted by ...")? Not a reason: "citing Trump's blue-collar appeal",
    "citing the unique magic of Trump"."""
    head = ""
    for i, w in enumerate(words):
        low = bare(w).lower()
        if i and w[:1].islower() and (
            low in cues.NOUN_TAIL_WORDS or low in cues.PREPOSITIONS or low in _CITED_TAIL
            or (low.endswith("ed") and words[i + 1 : i + 2] == ["by"])  # "a poll conducted by"
        ):
            break
        head = w
    if not head:
        return False
    low = bare(head).lower()
    return is_capitalised(head) or (
        (_source_noun(low) or low in cues.DOCUMENT_NOUNS or low in _SPOKEN_NOUNS) and low not in _REASON_NOUNS
    )


_CITED_TAIL = frozenset("and or about that which who whose".split())
#: Words said, as what "citing" names: "citing Trump's remarks".
_SPOKEN_NOUNS = frozenset("remarks comments words testimony interview interviews speech speeches quote quotes".split())
#: Role nouns that, cited, are reasons: "citing a more progressive platform".
_REASON_NOUNS = frozenset("platform platforms record".split())


_OPENING_PREPOSITIONS = frozenset("after before while by when without besides despite in upon since".split())


def _sets_scene(text: str, ce: int, hi: int, v: lexicon.Verb) -> bool:
    """Does the participle only set the scene of the statement that follows
    ("Speaking to reporters", "answering a question", "Writing in the
    Telegraph": the channel, not words of its own)?"""
    return v.lemma in cues.SETTING_VERBS or (v.lemma == "write" and _IN_OR_FOR.match(text, ce, hi) is not None)


_IN_OR_FOR = re.compile(r"\s+(?:in|for)\s")


#: A count's approximation before its noun phrase: "more than 40 MPs".
_APPROXIMATE = re.compile(r"(?:more|fewer|less)\s+than\s+|at\s+least\s+|nearly\s+|almost\s+|about\s+|around\s+|up\s+to\s+", re.I)


#: "was heard on a microphone", "were caught on tape": a perception passive
#: whose participle ("telling", "saying") the subject speaks.
_HEARD = re.compile(r"\b(?:was|were|is|are|be|been)\s+(?:heard|overheard|caught|recorded|filmed|seen)\b[^,.;:!?“”\"]{0,40}$")


def _verb_after_parenthetical(text: str, ce: int, hi: int) -> bool:
    """Does a finite verb follow the comma that closes the phrase after
    ``ce`` ("..., noting the size of his following, said")?"""
    comma = text.find(",", ce, hi)
    nxt = _NEXT_WORD.match(text, comma + 1, hi) if comma >= 0 else None
    if nxt is None or not nxt.group(1).islower():
        return False
    w = nxt.group(1)
    v = lexicon.verb(w)
    return w in cues.FINITE_BLOCKERS or (v is not None and v.form in ("past", "s"))


#: "with top defense officials underlining ... and": an absolute phrase
#: whose -ing form a second one after "and" continues.
_WITH_ING_AND = re.compile(r"\bwith\s+((?:[\w’'.\-]+\s+){0,5}?[\w’'.\-]+)\s+\w+ing\b[^,;:“”\"]*\s+and\s+$")


#: A comma and a conjunction opening a clause of its own.
_NEW_CLAUSE = re.compile(r",\s+(?:and|but|while|whereas)\s+")

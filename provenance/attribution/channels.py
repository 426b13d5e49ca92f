"""The channel of a statement (its ``via``): through whom the words reached the page.

"told RTVI", "told the state-run Anadolu news agency", "wrote on Telegram",
"said on MSNBC's Morning Joe", "in an interview with Sputnik", "Speaking to
ТАСС, ...", "in a memo obtained by NBC News", "a study published in the
journal BMJ", "..., RIA reported": each names an outlet, a platform or a
journal that carried the words. ``statements`` finds the speakers; the
functions here find the outlet next to a cue, and the outlet a whole
sentence came through, and give it to the sentence's records. Outlets are
resolved through the gazetteer; a name the gazetteer does not know is kept
when it has an outlet's shape ("REVOLT TV", "KTLA", "the Sioux City
Journal").
"""

from __future__ import annotations

import re

from . import cues, lexicon
from .after_cue import _np_after
from .context import Context
from .names import bare, collapse, is_capitalised, is_possessive
from .sentences import OPENERS
from .statement_record import Statement


_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")


_THE_NAME = re.compile(r"\s+the\s+(?=[^\W\d_])")


#: "told the state-run Anadolu news agency": lower-case words before the name.
_THE_MODIFIED_NAME = re.compile(r"\s+the\s+(?:[a-z][\w\-]*\s+){1,2}(?=[A-Z])")


#: "told public broadcaster SVT", "told the pro-Kremlin newspaper Izvestia",
#: "told the Austrian broadcaster ORF":
#: the kind of outlet, then its name.
_KIND_THEN_NAME = re.compile(
    r"\s+(?:the\s+)?(?:[A-Za-z][\w\-]*\s+){0,3}?(?:%s)\s+(?=[A-Z])" % "|".join(cues.OUTLET_NOUN_KINDS)
)


_ON_NAME = re.compile(r"\bon\s+([^\W\d_][\w.\-]*)")


def _platform(ctx: Context, name: str) -> tuple[str, str] | None:
    """(name, id) of the platform ``name`` names, if it names one."""
    outlet = ctx.gaz.resolve(name)
    return (outlet.name, outlet.id) if outlet is not None and outlet.kind == "social" else None


def _on_air(ctx: Context, name: str) -> tuple[str, str] | None:
    """(name, id) of the platform or broadcaster "on <name>" names: "wrote on
    Telegram", "said on CNBC", "said on MSNBC's Morning Joe" (not "said on
    Monday", nor a newspaper)."""
    outlet = ctx.gaz.resolve(bare(name))
    return (outlet.name, outlet.id) if outlet is not None and outlet.kind in ("social", "broadcaster") else None


def _outlet_named(ctx: Context, name: str) -> tuple[str, str] | None:
    """(name, id) of the outlet or platform ``name`` names ("in a Reuters
    interview", "in a Telegram post"); not a government body."""
    outlet = ctx.gaz.resolve(name)
    return (outlet.name, outlet.id) if outlet is not None and outlet.kind != "government" else None


def _platform_in(ctx: Context, start: int, end: int) -> tuple[str | None, str | None]:
    """The platform a noun phrase places its speakers on ("users on X")."""
    for m in _ON_NAME.finditer(ctx.text, start, end):
        found = _platform(ctx, m.group(1))
        if found is not None:
            return found
    return None, None


def _via_after(ctx: Context, pos: int, hi: int, capitalised_only: bool) -> tuple[str | None, str | None]:
    """The outlet named right after ``pos`` ("told RTVI", "told the BBC",
    "told public broadcaster SVT")."""
    kind = _KIND_THEN_NAME.match(ctx.text, pos, hi) if capitalised_only else None
    the = kind or ((_THE_MODIFIED_NAME.match(ctx.text, pos, hi) or _THE_NAME.match(ctx.text, pos, hi)) if capitalised_only else None)
    span = _np_after(ctx.text, the.end() if the else pos, hi, capitalised_only)
    if span is None:
        return None, None
    mention = collapse(ctx.text[span[0] : span[1]])
    outlet = ctx.gaz.resolve(mention)
    if outlet is None and kind is not None and len(mention.split()) <= 4 and not _verb_next(ctx.text, span[1], hi):
        # an outlet the gazetteer does not know, named as one: "public
        # broadcaster SVT" (not "told the newspaper Smith was wrong")
        return mention, None
    words = mention.split()
    if outlet is None and len(words) > 1 and bare(words[-1]).lower() in cues.OUTLET_NOUN_KINDS:
        # "the state-run Anadolu agency": the name inside the description
        names = [w for w in words[:-1] if is_capitalised(w)]
        outlet = ctx.gaz.resolve(" ".join(names)) if names else None
    if outlet is not None:
        return outlet.name, outlet.id
    if _outlet_name_shape(words):
        return mention, None  # an outlet the gazetteer does not know: "told REVOLT TV", "told the Sioux City Journal"
    return None, None


def _verb_next(text: str, pos: int, hi: int) -> bool:
    """Is the word at ``pos`` a finite verb ("Smith was wrong")?"""
    nxt = _NEXT_WORD.match(text, pos, hi)
    if nxt is None:
        return False
    w = nxt.group(1).lower()
    v = lexicon.verb(w)
    return w in cues.FINITE_BLOCKERS or (v is not None and v.form in ("past", "s")) or (w.endswith("ed") and len(w) > 3)


#: "Speaking to ТАСС, ...", "In comments to the Interfax news agency, ...",
#: "In an interview with CNN, ...", "In a post on X, ...": a channel opening
#: the sentence.
_CHANNEL_PHRASE = (
    r"(?:(?:[Ss]peaking|[Tt]alking|[Ww]riting|[Aa]ppearing)\s+(?:to|with|in|on)|(?:[Ii]n|[Dd]uring)\s+(?:(?:an?|his|her|their)\s+)?"
    r"(?:comments?|remarks|an?\s+interview|interviews?|an?\s+appearance|appearances?|a\s+statement|(?:a\s+)?posts?|a\s+video"
    r"|a\s+message|an?\s+op-ed|an?\s+article"
    r"|an?\s+e-?mail|e-?mails|a\s+letter|a\s+text\s+message|a\s+phone\s+call)"
    r"\s+(?:to|with|on|in))\s+([^,]{1,80}),"
)


_CHANNEL_OPENER = re.compile(_CHANNEL_PHRASE)


#: "Trump, speaking to Fox News, said", "Peskov, in an interview with RIA,
#: said": the channel set off between the subject and its verb.
_CHANNEL_ASIDE = re.compile(r",\s+" + _CHANNEL_PHRASE)


#: "in a memo to staff obtained by NBC News", "in a statement carried by
#: TASS": the outlet that had or ran the document.
_OBTAINED_BY = re.compile(
    r"\b(?:obtained|seen|reviewed|viewed|verified|first\s+reported|carried|published|distributed|released|broadcast|aired)\s+by\s+((?:the\s+)?[^\W\d_][^,.;:!?]{0,60}?)"
    r"(?=\s*(?:[,.;:!?]|$|\s+(?:and|on|in|last|this|earlier|that|which)\b))"
)


#: "a study published Wednesday in the journal BMJ", "published in the
#: Lancet": the journal that carried a study is the channel of its findings.
_PUBLISHED_IN = re.compile(
    r"\bpublished\s+(?:(?:on\s+)?[A-Z][a-z]+day\s+|online\s+|(?:last|this|earlier\s+this)\s+[a-z]+\s+)?in\s+"
    r"(?:the\s+)?(?:(?:scientific|medical|peer-reviewed|academic)\s+)?(?:(?P<kind>journal|magazine|newspaper)\s+)?"
    r"(?P<name>(?:The\s+)?[A-Z][\w&\-]*(?:\s+(?:of\s+|&\s+)?[A-Z][\w&\-]*){0,5})"
)


def _journal_channel(ctx: Context, lo: int, hi: int, out: list[Statement]) -> None:
    """"According to a study published Wednesday in the journal BMJ": the
    journal is the channel of the records whose source is a document (the
    study, the paper), when the kind word names it as one or the gazetteer
    knows it."""
    m = _PUBLISHED_IN.search(ctx.text, lo, hi)
    if m is None:
        return
    found = ctx.gaz.resolve(m.group("name"))
    if found is None and m.group("kind") is None:
        return
    via = (found.name, found.id) if found is not None else (m.group("name"), None)
    for st in out:
        if st.via is None and _names_document(st.source.source_text):
            st.via, st.via_outlet = via  # (not "Smith, who has published in Nature, said")


def _sentence_channel(ctx: Context, lo: int, hi: int, out: list[Statement]) -> None:
    """The outlet a whole sentence came through is the channel of its
    records: "Peskov told reporters ..., according to the RIA Novosti news
    agency", "Speaking to ТАСС, Melikov said", "said in a memo obtained by
    NBC News"."""
    # "According to the complaint, Feld told agents ...": what the sentence
    # reports came through the outlet or document "according to" names (a
    # person there is a source of their own, not a channel).
    relay = next((st for st in out if st.rule == "statement.according_to" and st.source.source and (
        st.source.source_type in ("outlet", "organization") or _names_document(st.source.source_text)
    )), None)
    via = (relay.source.source, relay.source.source_outlet) if relay else None
    # Opening the sentence, it covers all of it; after a clause, what came
    # before it (not "..., according to the Labor Department, ending a strike
    # that company executives said could ...").
    until = hi if relay is None or relay.cue_start - lo < 4 else relay.cue_start
    reporter = max((st for st in out if st.kind == "statement" and st.source.source and (
        st.source.source_type == "outlet" or st.rule == "statement.verb_subject" and st.source.source_type == "person"
    )), key=lambda st: st.cue_start, default=None)  # the last: "..., said Kristen Day, ..., reports USA Today"
    if via is None and reporter is not None:
        # "The Kremlin has denied the allegations, RIA reported.": what
        # comes before the outlet's trailing attribution came through it.
        opener_end = ctx.text.find(",", lo, hi) if _opens_with_subordinate(ctx.text, lo) else -1
        for st in out:
            if st.via is None and st.source.source_type != "outlet" and st.cue_start > opener_end and (
                _trailing_attribution(ctx.text, st, reporter)
            ):  # (not "Though Kaine has described himself ..., the Huffington Post reported")
                st.via, st.via_outlet = reporter.source.source, reporter.source.source_outlet
        return
    if via is None:
        text = ctx.text
        m = (_CHANNEL_OPENER.match(text, lo, hi) if text[lo] in "SITWAD" else None) or (
            _CHANNEL_ASIDE.search(text, lo, hi)
        ) or (
            _OBTAINED_BY.search(text, lo, hi) if text.find(" by ", lo, hi) >= 0 else None
        )
        mention = collapse(m.group(1)) if m else ""
        found = ctx.gaz.resolve(mention) if m else None
        if found is not None:
            via = (found.name, found.id)
        elif (named := _unknown_outlet(mention)) is not None:
            via = (named, None)  # "broadcast by the group's Al-Manar TV": an outlet the gazetteer does not know
        else:
            return
    for st in out:
        if st.via is None and st.rule != "statement.according_to" and st.source.source_type != "outlet" and st.cue_start < until and not (
            relay is not None and relay.cue_start > st.cue_end and _SET_OFF_CLAUSE.search(ctx.text, st.cue_end, relay.cue_start)
        ):  # (not "two sources said, as strikes killed 12, according to WAFA": WAFA reports the strikes)
            st.via, st.via_outlet = via


#: A time clause set off after a statement ("..., as strikes killed 12,"):
#: a trailing "according to" after it reports that clause, not the
#: statement (after ", but" or ", while" it covers both clauses: "X has 52
#: percent, while Y has 33, according to a survey").
_SET_OFF_CLAUSE = re.compile(r"[,;]\s+(?:even\s+)?(?:as|when|after|before)\s")


def _unknown_outlet(mention: str) -> str | None:
    """The name in a mention of an outlet the gazetteer does not know, when
    the name ends in an outlet word ("the group's Al-Manar TV" -> "Al-Manar
    TV", "the Sioux City Journal")."""
    words = mention.split()
    while words and not is_capitalised(words[0]):
        words = words[1:]  # "the", "the group's"
    while words and is_possessive(words[0]) and len(words) > 1 and not is_capitalised(words[1]):
        words = words[1:]
    return " ".join(words) if _outlet_name_shape(words) else None


def _outlet_name_shape(words: list[str]) -> bool:
    """Do capitalised words end in an outlet word ("REVOLT TV", "Sioux City
    Journal"), or is the name a North American broadcaster's call sign
    ("WXYZ-TV", "KTLA"), as an outlet's name the gazetteer does not know?"""
    if len(words) == 1:
        return _CALL_SIGN.match(bare(words[0])) is not None
    return len(words) > 1 and bare(words[-1]).lower() in cues.OUTLET_NAME_ENDINGS and all(is_capitalised(w) for w in words)


_CALL_SIGN = re.compile(r"^[KW](?:[A-Z]{3}(?:-(?:TV|FM|AM|HD|DT|CD|LP)\d?)?|[A-Z]{2}-(?:TV|FM|AM))$")  # (not "WHO")


def _names_document(mention: str | None) -> bool:
    """Does the mention name a document or a body of evidence ("the
    complaint", "a Pentagon readout", "exit polling data")?"""
    head = bare(mention.split()[-1]).lower() if mention else ""
    return head in cues.DOCUMENT_NOUNS or head in cues.EVIDENCE_NOUNS or head in _RELAY_DOCUMENTS


#: Documents that relay words, besides ``cues.DOCUMENT_NOUNS``.
_RELAY_DOCUMENTS = frozenset("indictment readout transcript account report filings book".split())


def _opens_with_subordinate(text: str, lo: int) -> bool:
    """Does the sentence open with a subordinate clause ("Ever since she
    endorsed ...,", "When he said ...,")?"""
    if text[lo : lo + 1] in OPENERS:
        return False  # a quotation opens it: “How big is that wall?” asked the boy
    words = text[lo : lo + 40].split()[:2]
    return any(bare(w).lower() in _SUBORDINATORS for w in words)


_SUBORDINATORS = cues.CLAUSE_WORDS - {"that", "so", "but"}


#: Between a statement's cue and a belief's, these end the reported
#: content: "said he had voted for Rubio, but cautioned", "says ..., though
#: he supports".
_CLAUSE_BREAK = re.compile(r";|\bbut\b|\b(?:because|though|although|while|whereas|even as)\b")


def _trailing_attribution(text: str, inner: Statement, o: Statement) -> bool:
    """Is ``o`` an attribution after the content that holds ``inner``
    ("Dozens of women ... are seeking help ..., RTVI reported")? Its
    speaker follows a comma after the inner cue, and no clause break comes
    between."""
    if o.cue_start <= inner.cue_end:
        return False
    tail = text[o.cue_end : o.sentence.end]
    rest = [w.lower() for w in re.split(r"[,;:—–]", tail, maxsplit=1)[0].split()[:10]]  # up to a clause's end
    if any(w in ("that", "he", "she", "they", "it", "we", "i") for w in rest):
        return False  # ("After ..., Emanuel said he meets ...": the content follows the verb)
    comma = text.rfind(",", inner.cue_end, o.cue_start)
    if comma < 0 or _CLAUSE_BREAK.search(text, inner.cue_end, comma):
        return False
    between = text[comma + 1 : o.cue_start].strip()
    return between == "" and o.rule == "statement.verb_subject" or between == o.source.source_text

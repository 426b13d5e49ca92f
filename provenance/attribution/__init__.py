"""The attribution extractor: text in, citation records out (pure).

Pipeline (one module per stage):

0. ``hyphens``    words a print dump broke at a line end, read whole; the
                  offsets are mapped back to the text as it came.
1. ``sentences``  paragraphs, sentences and quotations with offsets into the
                  untouched text (hard-wrapped lines, NBSP, abbreviations).
2. ``furniture``  donation appeals, newsletter boxes, related-article
                  headlines, headline lists, disclaimers: kept out.
3. ``credits``    photo credits, bylines, contribution lines (by shape).
4. ``statements`` cue + speaker rules, nested and continued quotations;
                  beliefs, intentions and stances typed apart (kind
                  ``belief``). ``lexicon`` inflects the verb lists of
                  ``cues`` into one matcher; ``verb_or_noun`` drops the
                  matches that are nouns or adjectives there ("the
                  reports", "the most elaborate"); ``subjects`` (before
                  a verb), ``descriptors`` (set off by commas) and
                  ``after_cue`` find the noun phrase next to a cue, with
                  the word tests of ``phrases``; ``context`` holds
                  per-document state and resolves pronouns.
                  ``participles`` decides who speaks an -ing form
                  ("..., adding that"), ``channels`` the via
                  ("told RTVI"), ``document_statements`` what needs the
                  whole document (headlines, quotations over paragraphs);
                  ``statement_record`` is the record they share.
5. ``names``      naming and typing the source; the gazetteer for outlets.
6. ``labeller``   optional: a trained tagger's pairs the rules missed, and
                  its veto on rule cues it reads as none.

Offsets: ``text[start:end] == sentence`` and ``text[cue_start:cue_end] ==
cue`` always hold. ``via_link`` is the first link whose registered domain is
the domain of the via outlet (or, without a via, of the source outlet).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..model import Citation, Link
from ..outlets import Gazetteer, load_gazetteer
from . import cues, hyphens
from .context import Context
from .credits import bylines, contributions, datelines, metadata_bylines, photo_credits, quote_credits
from .document_statements import document_statements
from .furniture import furniture_paragraphs
from .labeller import Labeller, labelled_records, pair, second_opinion_drops
from .names import NameIndex
from .sentences import paragraphs, sentences

__all__ = ["extract_citations"]


def _via_link(gaz: Gazetteer, outlet_id: str | None, links: Sequence[Link]) -> str | None:
    """The first link to any domain the outlet publishes on."""
    if not outlet_id or outlet_id not in gaz.outlets:
        return None
    domains = gaz.outlets[outlet_id].domains
    if not domains:
        return None
    for link in links:
        if link.domain and link.domain.lower() in domains:
            return link.id
    return None


class _CachedGazetteer:
    """The gazetteer with ``resolve`` memoised: the same mentions ("he",
    "officials", "Trump") come back thousands of times in a corpus, and
    resolving one folds it and scans every outlet name."""

    def __init__(self, gaz: Gazetteer):
        self.gaz = gaz
        self.outlets = gaz.outlets
        self._cache: dict[str, object] = {}

    def resolve(self, mention):
        if mention is None:
            return None
        try:
            return self._cache[mention]
        except KeyError:
            found = self.gaz.resolve(mention)
            if len(self._cache) < 200_000:
                self._cache[mention] = found
            return found

    def by_domain(self, domain):
        return self.gaz.by_domain(domain)


_CACHED: dict[int, tuple[Gazetteer, _CachedGazetteer]] = {}


def _cached(gaz: Gazetteer) -> _CachedGazetteer:
    hit = _CACHED.get(id(gaz))
    if hit is None or hit[0] is not gaz:
        if len(_CACHED) > 8:
            _CACHED.clear()
        hit = _CACHED[id(gaz)] = (gaz, _CachedGazetteer(gaz))
    return hit[1]


def extract_citations(
    text: str,
    document: str,
    links: Sequence[Link] = (),
    gazetteer: Gazetteer | None = None,
    byline: str | None = None,
    labeller: Labeller | None = None,
) -> list[Citation]:
    """Every attribution in ``text``, in document order.

    ``byline`` is the authors a page's metadata names; it gives byline
    citations (with no place in the text) only when the text has no byline
    of its own. Words a print dump broke at a line end are read whole
    (``hyphens``); the records' offsets are into ``text`` as it came.
    ``labeller`` (optional, trained) adds the actions and stances no rule
    reaches, as records of rule ``labeller``, and drops rule records whose
    cue it reads as no cue (``labeller.VETO``).
    """
    mended = hyphens.mend(text)
    if mended is None:
        return _extract(text, document, links, gazetteer, byline, labeller)
    joined, to_start, to_end = mended
    out = []
    for c in _extract(joined, document, links, gazetteer, byline, labeller):
        start, end = to_start(c.start), to_end(c.end)
        cs = to_start(c.cue_start) if c.cue_start is not None else None
        ce = to_end(c.cue_end) if c.cue_end is not None else None
        out.append(replace(
            c, start=start, end=end, cue_start=cs, cue_end=ce, sentence=text[start:end],
            cue=text[cs:ce] if cs is not None and ce is not None else c.cue, id="",
        ))
    return out


def _extract(
    text: str, document: str, links: Sequence[Link], gazetteer: Gazetteer | None, byline: str | None,
    labeller: Labeller | None = None,
) -> list[Citation]:
    gaz = _cached(gazetteer if gazetteer is not None else load_gazetteer())
    paras = paragraphs(text)
    furniture = furniture_paragraphs(text, paras)
    names = NameIndex.build(text)
    sents = [s for p in paras for s in sentences(text, p)]
    rank: dict[int, int] = {}
    r = 0
    for p in paras:
        if p.index not in furniture:
            r += 1
        rank[p.index] = r

    out: list[Citation] = []

    def add(kind: str, rule: str, start: int, end: int, cs: int | None, ce: int | None, src, via, via_outlet, quote,
            confidence: float | None = None) -> None:
        if confidence is None:
            confidence = cues.CONFIDENCE.get(rule, 0.5)
        if src.pronoun:
            confidence -= cues.PRONOUN_PENALTY
        link = _via_link(gaz, via_outlet, links) if via_outlet else _via_link(gaz, src.source_outlet, links)
        out.append(
            Citation(
                document=document, kind=kind, source=src.source, source_text=src.source_text,
                source_type=src.source_type, cue=text[cs:ce] if cs is not None else None, sentence=text[start:end],
                start=start, end=end, cue_start=cs, cue_end=ce, quote=quote,
                source_outlet=src.source_outlet, via=via, via_outlet=via_outlet, via_link=link,
                rule=rule, confidence=round(max(0.0, min(1.0, confidence)), 2),
            )
        )

    def add_credit(c) -> None:
        via_outlet = None
        if c.via_mention:
            o = gaz.resolve(c.via_mention)
            via_outlet = o.id if o else None
        add(c.kind, c.rule, c.start, c.end, c.cue_start, c.cue_end, c.source, c.via, via_outlet, c.quote)

    for c in (
        *photo_credits(text, paras, furniture, gaz, names),
        *bylines(text, paras, furniture, gaz, names),
        *datelines(text, paras, furniture, gaz),
        *quote_credits(text, paras, furniture, gaz, names),
    ):
        add_credit(c)
    if byline and not any(c.kind == "byline" for c in out):
        for src in metadata_bylines(byline, gaz, names):
            add("byline", "credit.byline_metadata", 0, 0, None, None, src, None, None, None)
    body = [s for s in sents if s.paragraph not in furniture]
    for c in contributions(text, body, gaz, names):
        add_credit(c)
    ctx = Context(text, gaz, names, rank)
    for st in document_statements(ctx, sents, furniture):
        add(st.kind, st.rule, st.sentence.start, st.sentence.end, st.cue_start, st.cue_end,
            st.source, st.via, st.via_outlet, st.quote)
    if labeller is not None:
        seen_by = labeller.read(text)
        out = [c for c in out if not second_opinion_drops(c, seen_by)]
        found = [(c.start, c.end, c.cue_start, c.cue_end, c.source, c.source_text)
                 for c in out if c.kind in ("statement", "belief")]
        pairs = pair(seen_by.spans, body)
        for rec in labelled_records(ctx, body, rank, pairs, found):
            add(rec.kind, "labeller", rec.sentence.start, rec.sentence.end, rec.cue_start, rec.cue_end,
                rec.source, None, None, None, confidence=rec.score)

    seen: set[tuple] = set()
    unique: list[Citation] = []
    for c in sorted(out, key=lambda c: (c.start, c.cue_start or 0)):
        key = (c.kind, c.cue_start, c.cue_end, c.source, c.via)
        if key not in seen:
            seen.add(key)
            unique.append(c)
    return unique

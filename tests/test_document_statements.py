"""Statements that need the whole document: headlines, quotations over
several paragraphs, the quoted speaker's next words. (The extractor-wide
cases are in test_attribution.py; these pin the module's own entry points.)"""

from __future__ import annotations

from provenance.attribution import extract_citations
from provenance.attribution.context import Context
from provenance.attribution.document_statements import document_statements, headline_statement
from provenance.attribution.names import NameIndex
from provenance.attribution.sentences import Sentence, paragraphs, sentences
from provenance.outlets import load_gazetteer

HEADLINE = "Donald Trump Praises Breitbart's Editor\n\nThe president spoke on Monday."


def _context(text: str, ranks: dict[int, int]) -> Context:
    return Context(text, load_gazetteer(), NameIndex.build(text), ranks)


def test_a_title_case_headline_attributes():
    st = headline_statement(_context(HEADLINE, {0: 0, 1: 1}), Sentence(0, 39, 0), 0)
    assert (st.kind, st.rule, st.source.source, st.source.source_type, HEADLINE[st.cue_start : st.cue_end]) == (
        "statement", "statement.headline", "Donald Trump", "person", "Praises")


def test_a_body_sentence_is_no_headline():
    text = "Donald Trump praised the editor on Monday.\n\nThe president spoke."
    assert headline_statement(_context(text, {0: 0, 1: 1}), Sentence(0, 42, 0), 0) is None


def test_quotation_over_paragraphs_is_one_quote_of_its_speaker():
    text = ('Chen said: "We have waited too long.\n\n"The city deserves better."\n\nThe hearing ended at noon.')
    sents = [s for p in paragraphs(text) for s in sentences(text, p)]
    found = document_statements(_context(text, {s.paragraph: s.paragraph for s in sents}), sents, set())
    assert [(st.source.source, st.rule, st.quote, st.cue_start, st.cue_end) for st in found] == [
        ("Chen", "statement.subject_verb", "We have waited too long. The city deserves better.", 5, 9)]


def test_the_headline_record_through_the_extractor():
    assert [(c.kind, c.rule, c.source, c.cue, c.start, c.end) for c in extract_citations(HEADLINE, "d")] == [
        ("statement", "statement.headline", "Donald Trump", "Praises", 0, 39)]

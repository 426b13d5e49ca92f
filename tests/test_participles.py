"""The participle pass: who speaks through an -ing form of a cue verb
("..., adding that", "citing X", "Criticizing the report, Clinton said").
The first two tests call the module's entry point directly; the others pin
its records through the extractor."""

from __future__ import annotations

import pytest

from provenance.attribution import extract_citations, lexicon
from provenance.attribution.context import Context
from provenance.attribution.names import NameIndex, Source
from provenance.attribution.participles import participle_statements
from provenance.attribution.sentences import Sentence
from provenance.attribution.statement_record import Statement
from provenance.outlets import load_gazetteer


def _context(text: str) -> Context:
    return Context(text, load_gazetteer(), NameIndex.build(text), {0: 0})


def _records(text: str) -> list[tuple]:
    return [(c.kind, c.rule, c.source, c.source_type, c.cue, c.cue_start, c.cue_end, c.start, c.end, c.via)
            for c in extract_citations(text, "d")]


def test_the_latest_speaker_goes_on():
    text = "Smith said the plan would fail, adding that it cost too much."
    said = Statement("statement.subject_verb", Sentence(0, len(text), 0), 6, 10, Source("Smith", "Smith", "person"))
    out, emitted = [said], []
    participle_statements(_context(text), text, 0, len(text), 32, 38, lexicon.verb("adding"), out, [],
                          lambda *args: emitted.append(args))
    assert emitted == []  # (no new speaker: the earlier record's goes on, straight into out)
    assert len(out) == 2 and out[0] is said
    new = out[1]
    assert (new.rule, new.kind, new.cue_start, new.cue_end, new.source.source, new.source.source_type, new.via, new.quote) == (
        "statement.participle", "statement", 32, 38, "Smith", "person", None, None)
    assert new.source is not said.source  # a copy: the two records' sources are not one object


def test_with_no_earlier_record_the_subject_before_the_comma_speaks():
    text = "Cavusoglu criticized Russia, saying the talks had failed."
    v = lexicon.verb("saying")
    out: list[Statement] = []
    emitted: list[tuple] = []
    participle_statements(_context(text), text, 0, len(text), 29, 35, v, out, [], lambda *args: emitted.append(args))
    assert out == []
    assert emitted == [("statement.participle", 29, 35, 0, 9, None, None, "statement", v)]


def test_citing_a_source_relays_it_through_the_subject():
    assert _records("The mayor resigned on Friday, citing Reuters.") == [
        ("statement", "statement.citing", "Reuters", "outlet", "citing", 30, 36, 0, 45, "The mayor")]
    assert _records("Citing sources in the camp, the paper said the deal was off.") == [
        ("statement", "statement.citing", "sources in the camp", "group", "Citing", 0, 6, 0, 60, "the paper"),
        ("statement", "statement.subject_verb", "the paper", "unnamed", "said", 38, 42, 0, 60, None)]


def test_citing_a_reason_is_the_subjects_own_statement():
    assert _records("The senator resigned on Friday, citing his record.") == [
        ("statement", "statement.participle", "The senator", "unnamed", "citing", 32, 38, 0, 50, None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the noun phrase after "with", its count's approximation included
        ("The vote passed, with about three in 10 voters saying they disagreed.",
         [("statement", "statement.participle", "about three in 10 voters", "group", "saying", 47, 53, 0, 69, None)]),
        # a perception passive: what was heard is the subject's
        ("Trump was heard on a microphone telling Christie to sit down.",
         [("statement", "statement.participle", "Trump", "person", "telling", 32, 39, 0, 61, None)]),
        # whoever filed the document speaks through it
        ("The union filed a lawsuit alleging the city broke the law.",
         [("statement", "statement.participle", "The union", "organization", "alleging", 26, 34, 0, 58, None)]),
        # the noun phrase the -ing form modifies; a stance is a belief
        ("Outside groups supporting Clinton spent millions.",
         [("belief", "belief.stance", "Outside groups", "group", "supporting", 15, 25, 0, 49, None)]),
        # set off between the subject and its verb
        ("Durbin, noting the size of the crowd, said the vote was close.",
         [("statement", "statement.participle", "Durbin", "person", "noting", 8, 14, 0, 62, None),
          ("statement", "statement.subject_verb", "Durbin", "person", "said", 38, 42, 0, 62, None)]),
        # a clause of its own after ", and"
        ("Protest groups say the law is unfair, and the ACLU has sued the city, saying it broke the rules.",
         [("statement", "statement.subject_verb", "Protest groups", "group", "say", 15, 18, 0, 96, None),
          ("statement", "statement.participle", "ACLU", "organization", "saying", 70, 76, 0, 96, None)]),
    ],
)
def test_who_speaks_through_the_participle(text, expected):
    assert _records(text) == expected


def test_an_opening_participle_is_the_main_subjects_unless_it_sets_the_scene():
    assert _records("Criticizing the report, Clinton said it was wrong.") == [
        ("statement", "statement.participle", "Clinton", "person", "Criticizing", 0, 11, 0, 50, None),
        ("statement", "statement.subject_verb", "Clinton", "person", "said", 32, 36, 0, 50, None)]
    # ("Speaking to reporters" is the channel of what follows, no words of its own)
    assert _records("Speaking to reporters, Clinton said the report was wrong.") == [
        ("statement", "statement.subject_verb", "Clinton", "person", "said", 31, 35, 0, 57, None)]

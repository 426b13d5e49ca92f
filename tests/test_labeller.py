"""The optional trained labeller: its pure parts with exact values, its
records joined to the rules', and a real MiniLM fine-tuned on a few
sentences, loaded again and run through extract, ingest and the CLI."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from provenance.attribution import cues, extract_citations
from provenance.attribution.context import Context
from provenance.attribution.labeller import (
    VETO,
    Pair,
    Reading,
    Span,
    char_kinds,
    decode,
    labelled_records,
    pair,
    token_tags,
    whole_words,
    windows,
)
from provenance.attribution.names import NameIndex
from provenance.attribution.sentences import Sentence
from provenance.cli import cli
from provenance.outlets import load_gazetteer

from .test_crawl_helpers import _shared_server, no_outside_dns, server, url  # noqa: F401


# --- pure parts ---


def test_char_kinds_cues_win_over_sources():
    kinds, starts = char_kinds(14, [("source", 0, 5), ("cue", 6, 10), ("source", 8, 12)])
    assert kinds == [1, 1, 1, 1, 1, 0, 2, 2, 2, 2, 0, 0, 0, 0]
    assert starts == {0, 6}


def test_token_tags_begin_and_inside():
    # "Maria Lopez voted for it ." with "Maria Lopez" the source, "voted for" the cue
    offsets = [(0, 5), (6, 11), (12, 17), (18, 21), (22, 24), (24, 25)]
    kinds, starts = char_kinds(25, [("source", 0, 11), ("cue", 12, 21)])
    assert token_tags(offsets, kinds, starts) == [1, 2, 3, 4, 0, 0]


def test_token_tags_two_sources_side_by_side_each_begin():
    offsets = [(0, 5), (6, 11)]
    kinds, starts = char_kinds(11, [("source", 0, 5), ("source", 6, 11)])
    assert token_tags(offsets, kinds, starts) == [1, 1]


def test_word_pieces_of_one_word_continue_it():
    # "Haddad" as "had" + "##dad": one source, begun once
    kinds, starts = char_kinds(6, [("source", 0, 6)])
    assert token_tags([(0, 3), (3, 6)], kinds, starts) == [1, 2]


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (10, [(0, 10)]),
        (254, [(0, 254)]),
        (255, [(0, 254), (192, 255)]),
        (600, [(0, 254), (192, 446), (384, 600)]),
    ],
)
def test_windows_overlap_by_a_quarter(n, expected):
    assert windows(n) == expected


def _row(tag: int, p: float) -> list[float]:
    row = [(1 - p) / 4] * 5
    row[tag] = p
    return row


def test_decode_spans_with_their_least_probability():
    offsets = [(0, 5), (6, 11), (12, 17), (18, 21), (22, 24)]
    probs = [_row(1, 0.9), _row(2, 0.8), _row(3, 0.7), _row(4, 0.6), _row(0, 0.95)]
    assert decode(offsets, probs) == [Span("source", 0, 11, 0.8), Span("cue", 12, 21, 0.6)]


def test_decode_cuts_at_an_unsure_token_and_an_inside_tag_after_outside_begins():
    offsets = [(0, 5), (6, 11), (12, 17), (18, 21)]
    probs = [_row(3, 0.9), _row(4, 0.4), _row(0, 0.9), _row(2, 0.7)]
    assert decode(offsets, probs) == [Span("cue", 0, 5, 0.9), Span("source", 18, 21, 0.7)]


def test_whole_words_widens_a_tag_on_inner_word_pieces():
    text = "He helped conceive a plan, Schlafly said."
    spans = [Span("cue", 13, 18, 0.7), Span("source", 27, 31, 0.8), Span("cue", 36, 40, 0.9)]
    assert whole_words(text, spans) == [Span("cue", 10, 18, 0.7), Span("source", 27, 35, 0.8), Span("cue", 36, 40, 0.9)]
    assert [text[s.start:s.end] for s in whole_words(text, spans)] == ["conceive", "Schlafly", "said"]


def test_pair_nearest_source_in_the_sentence_before_preferred():
    sents = [Sentence(0, 40, 0), Sentence(41, 80, 0), Sentence(81, 99, 1)]
    spans = [
        Span("source", 3, 8, 0.9), Span("cue", 14, 20, 0.8), Span("source", 22, 26, 0.9),  # 6 before; 2 after, +5
        Span("cue", 45, 50, 0.7), Span("source", 55, 60, 0.6),  # only after
        Span("cue", 85, 90, 0.9),  # no source in its sentence
    ]
    assert pair(spans, sents) == [
        Pair(Span("source", 3, 8, 0.9), Span("cue", 14, 20, 0.8)),
        Pair(Span("source", 55, 60, 0.6), Span("cue", 45, 50, 0.7)),
    ]
    assert pair(spans, sents)[1].score == 0.6
    # two characters further off (8 against 2 + 5), the source after the cue is nearer
    spans[0] = Span("source", 1, 6, 0.9)
    assert pair(spans, sents)[0].source == Span("source", 22, 26, 0.9)


# --- the labeller's records beside the rules' ---

TEXT = (
    "Maria Lopez, a senator from Ohio, arrived in Springfield on Monday.\n\n"
    "She shot back at her critics in a long speech.\n\n"
    "Lopez said the bill would pass."
)


class FixedLabeller:
    """The spans a trained model would give, and word probabilities to match
    (each word of a wanted span has its B tag at the span's score and the
    rest outside), so that what the extractor does with them is tested apart
    from what a model learns."""

    def __init__(self, spans: list[tuple[str, str, float]], veto: float = VETO):
        self.wanted = spans
        self.veto = veto

    def read(self, text: str) -> Reading:
        spans = []
        for kind, words, score in self.wanted:
            s = text.index(words)
            spans.append(Span(kind, s, s + len(words), score))
        offsets, probs = [], []
        for m in re.finditer(r"\w+|[^\w\s]", text):
            row = [1.0, 0.0, 0.0, 0.0, 0.0]
            for sp in spans:
                if sp.start <= m.start() < sp.end:
                    row = [1 - sp.score, 0.0, 0.0, 0.0, 0.0]
                    row[3 if sp.kind == "cue" else 1] = sp.score
            offsets.append(m.span())
            probs.append(row)
        return Reading(spans, offsets, probs, self.veto)


def test_labelled_record_resolves_its_pronoun_and_joins_the_rules():
    labeller = FixedLabeller([
        ("source", "She", 0.91), ("cue", "shot back", 0.83),
        ("source", "Lopez said", 0.9), ("cue", "said the", 0.9),  # the rules' record already: dropped
    ])
    records = extract_citations(TEXT, "doc", labeller=labeller)
    got = [(c.kind, c.rule, c.source, c.source_text, c.source_type, c.cue, c.start, c.end, c.cue_start, c.cue_end,
            c.confidence) for c in records]
    she = TEXT.index("She")
    said = TEXT.index("Lopez said")
    assert got == [
        # a resolved pronoun costs the record cues.PRONOUN_PENALTY, as the rules' do
        ("belief", "labeller", "Maria Lopez", "She", "person", "shot back", she, TEXT.index("speech.") + 7,
         she + 4, she + 13, round(0.83 - cues.PRONOUN_PENALTY, 2)),
        ("statement", "statement.subject_verb", "Maria Lopez", "Lopez", "person", "said", said, len(TEXT),
         said + 6, said + 10, records[1].confidence),
    ]
    assert records[0].sentence == "She shot back at her critics in a long speech."


def test_a_cue_the_rules_attributed_keeps_the_rules_source():
    """The labeller pairing the rules' cue with another source ("the bill
    said") adds nothing: the rule read the sentence's grammar. Another cue
    of the same sentence by another source is added."""
    text = "Lopez said the bill would pass, and the mayor cheered."
    labeller = FixedLabeller([("source", "the bill", 0.9), ("cue", "said", 0.9),
                              ("source", "the mayor", 0.8), ("cue", "cheered", 0.7)])
    got = [(c.rule, c.source, c.cue, c.cue_start) for c in extract_citations(text, "doc", labeller=labeller)]
    assert got == [("statement.subject_verb", "Lopez", "said", 6), ("labeller", "the mayor", "cheered", 46)]


def test_reading_cue_probability_is_the_surest_piece_of_the_span():
    """B-CUE and I-CUE together, for the best word piece the span touches."""
    offsets = [(0, 5), (6, 10), (11, 14), (14, 18)]
    probs = [_row(1, 0.9), _row(3, 0.7), _row(0, 0.6), _row(4, 0.5)]
    seen = Reading([], offsets, probs)
    assert seen.cue_probability(6, 10) == pytest.approx(0.7 + 0.075)
    assert seen.cue_probability(0, 5) == pytest.approx(0.025 + 0.025)  # a source piece
    assert seen.cue_probability(11, 18) == pytest.approx(0.125 + 0.5)  # "com|ment": the better of its pieces
    assert seen.cue_probability(12, 13) == pytest.approx(0.1 + 0.1)  # inside one piece
    assert seen.cue_probability(19, 25) == 0.0  # no piece there


def test_the_labeller_vetoes_a_rule_record_whose_cue_it_reads_as_none():
    """A second opinion: a rule statement whose cue the model gives less
    than VETO is dropped ("Business issues", a noun read as a verb); at
    VETO it stays. Credits and "said" are never vetoed."""
    text = "By Anna Berg\n\nLopez said the bill would pass.\n\nBusiness issues rarely excite voters, Smith argued."
    rules = [(c.kind, c.source, c.cue) for c in extract_citations(text, "doc")]
    assert rules == [("byline", "Anna Berg", "By"), ("statement", "Lopez", "said"),
                     ("statement", "Business", "issues"), ("statement", "Smith", "argued")]
    sure = FixedLabeller([("cue", "argued", VETO)])
    assert [(c.kind, c.source, c.cue) for c in extract_citations(text, "doc", labeller=sure)] == [
        ("byline", "Anna Berg", "By"), ("statement", "Lopez", "said"), ("statement", "Smith", "argued")]
    unsure = FixedLabeller([("cue", "argued", VETO - 0.01)])
    assert [(c.kind, c.source, c.cue) for c in extract_citations(text, "doc", labeller=unsure)] == [
        ("byline", "Anna Berg", "By"), ("statement", "Lopez", "said")]
    # A veto of 0 (the model's settings) keeps every rule record.
    kept = FixedLabeller([("cue", "argued", VETO - 0.01)], veto=0.0)
    assert [(c.kind, c.source, c.cue) for c in extract_citations(text, "doc", labeller=kept)] == rules


@pytest.mark.parametrize(
    ("text", "rule", "source", "cue"),
    [
        ("RTVI published audio messages Monday it said were sent by women held in Ain Issa.",
         "statement.relay", "women held in Ain Issa", "published audio messages Monday it said"),
        ("The rebels have withdrawn, according to the ministry.", "statement.according_to", "the ministry",
         "according to"),
        ("\u201cHe told my daughter they were going on vacation,\u201d says Malika.", "statement.nested", "He", "told"),
    ],
)
def test_speech_sure_by_its_shape_or_verb_is_never_vetoed(text, rule, source, cue):
    """PolNeAR's annotators leave some of these out (a statement inside a
    quote); they are speech all the same, so a model trained on PolNeAR
    does not get to drop them."""
    nothing = FixedLabeller([])
    got = [(c.rule, c.source, c.cue) for c in extract_citations(text, "doc", labeller=nothing)]
    assert (rule, source, cue) in got
    assert (rule, source, cue) in [(c.rule, c.source, c.cue) for c in extract_citations(text, "doc")]


def test_no_labeller_no_labelled_records():
    assert [c.rule for c in extract_citations(TEXT, "doc")] == ["statement.subject_verb"]


def test_labelled_kind_is_statement_for_a_speech_verb_and_furniture_is_skipped():
    gaz = load_gazetteer()
    names = NameIndex.build(TEXT)
    ctx = Context(TEXT, gaz, names, {0: 1, 1: 2, 2: 3})
    s1 = Sentence(TEXT.index("She"), TEXT.index("speech.") + 7, 1)
    s2 = Sentence(TEXT.index("Lopez said"), len(TEXT), 2)
    lopez = TEXT.index("Lopez said")
    pairs = [
        Pair(Span("source", lopez, lopez + 5, 0.9), Span("cue", lopez + 6, lopez + 10, 0.8)),
        Pair(Span("source", 0, 11, 0.9), Span("cue", 34, 41, 0.8)),  # in the first paragraph: not among sents
    ]
    records = labelled_records(ctx, [s1, s2], {0: 1, 1: 2, 2: 3}, pairs, found=[])
    assert [(r.kind, r.sentence, r.cue_start, r.cue_end, r.source.source, r.source.source_type, r.score)
            for r in records] == [("statement", s2, lopez + 6, lopez + 10, "Maria Lopez", "person", 0.8)]


# --- a real model, fine-tuned on a few sentences ---

TRAINING = [
    ("Maria Lopez voted for the bill on Tuesday.", "Maria Lopez", "voted for"),
    ("The senator shot back at his critics.", "The senator", "shot back"),
    ("Omar Haddad endorsed the mayor last week.", "Omar Haddad", "endorsed"),
    ("Voters cheered when the governor arrived.", "Voters", "cheered"),
    ("Anna Berg pushed a proposal to cut taxes.", "Anna Berg", "pushed"),
    ("The union backed the strike in March.", "The union", "backed"),
]


@pytest.fixture(scope="module")
def trained(tmp_path_factory) -> Path:
    pytest.importorskip("torch")
    from provenance.attribution.labeller import train

    examples = []
    for text, source, cue in TRAINING:
        s, c = text.index(source), text.index(cue)
        examples.append((text, [("source", s, s + len(source)), ("cue", c, c + len(cue))]))
    out = tmp_path_factory.mktemp("labeller")
    steps = []
    assert train(examples, out, epochs=20, learning_rate=3e-4, progress=lambda s, t, loss: steps.append((s, t))) == 20
    assert steps[-1] == (20, 20)
    return out


@pytest.mark.slow
def test_trained_labeller_tags_what_it_learned(trained):
    from provenance.attribution.labeller import Labeller

    labeller = Labeller.load(trained)
    for text, source, cue in TRAINING:
        got = [(s.kind, text[s.start : s.end]) for s in labeller.read(text).spans]
        assert got == [("source", source), ("cue", cue)], text


@pytest.mark.slow
def test_cli_extract_and_ingest_with_the_labeller(trained, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Voters cheered when the governor arrived.\n\nThe senator shot back at his critics.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(article), "--labeller", str(trained)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["kind"], r["rule"], r["source"], r["source_type"], r["cue"], r["start"], r["end"]) for r in rows] == [
        ("belief", "labeller", "Voters", "group", "cheered", 0, 41),
        ("belief", "labeller", "The senator", "unnamed", "shot back", 43, 80),
    ]
    assert all(0.5 <= r["confidence"] <= 1 for r in rows)
    db = tmp_path / "p.db"
    result = CliRunner().invoke(cli, ["ingest", str(article), "--db", str(db), "--labeller", str(trained)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    with sqlite3.connect(db) as conn:
        assert conn.execute("select source, cue from citations where rule = 'labeller' order by start").fetchall() == [
            ("Voters", "cheered"), ("The senator", "shot back"),
        ]


def test_cli_labeller_not_trained_is_a_one_line_error(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Lopez said the bill would pass.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(article), "--labeller", str(tmp_path / "none")])
    assert result.exit_code == 1
    assert result.stderr == f"error: {tmp_path / 'none'}: no trained labeller here (run provenance train-labeller)\n"


@pytest.mark.slow
def test_pool_workers_each_load_the_labeller(trained, tmp_path):
    from provenance.inputs import expand_paths, iter_items
    from provenance.runner import MIN_INPUTS_FOR_POOL, extract_items

    for i in range(MIN_INPUTS_FOR_POOL):
        (tmp_path / f"{i:02}.txt").write_text(f"Story {i}.\n\nThe senator shot back at his critics.\n", encoding="utf-8")
    outcomes = list(extract_items(iter_items(expand_paths([str(tmp_path)])), workers=2, labeller=str(trained)))
    assert len(outcomes) == MIN_INPUTS_FOR_POOL
    assert all(not o.error for o in outcomes)
    assert {tuple((c.rule, c.source, c.cue) for c in o.extraction.citations) for o in outcomes} == {
        (("labeller", "The senator", "shot back"),)
    }


def test_dask_engine_refuses_the_labeller(tmp_path):
    from provenance.runner import EngineError, extract_items

    with pytest.raises(EngineError, match="^the trained labeller runs with the local engine only$"):
        next(extract_items(iter([]), engine="dask", labeller=str(tmp_path)))


@pytest.mark.slow
def test_crawled_pages_get_the_labellers_records(trained, tmp_path, server):  # noqa: F811
    page = ("<!DOCTYPE html><html><head><title>Budget fight</title></head><body><article><h1>Budget fight</h1>"
            "<p>The budget fight went on for a third week in the capital, with no vote in sight.</p>"
            "<p>The senator shot back at his critics.</p></article></body></html>")
    server.expect_request("/fight").respond_with_data(page, content_type="text/html; charset=utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "seed.html").write_text(
        f'<html><body><article><p>See <a href="{url(server, "/fight")}">the fight</a>.</p></article></body></html>',
        encoding="utf-8")
    db = tmp_path / "crawl.db"
    assert CliRunner().invoke(cli, ["ingest", str(corpus), "--db", str(db)]).exit_code == 0
    result = CliRunner().invoke(cli, ["crawl", "--db", str(db), "--allow-private", "--delay", "0",
                                      "--labeller", str(trained)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    with sqlite3.connect(db) as conn:
        assert conn.execute(
            "select d.origin, c.kind, c.source, c.cue from citations c join documents d on d.id = c.document "
            "where c.rule = 'labeller'"
        ).fetchall() == [("crawl", "belief", "The senator", "shot back")]


@pytest.mark.parametrize(
    ("text", "source", "cue", "expected"),
    [
        ("because its society, eager for redress, wants it", "its", "wants", "its society"),
        ("Their lawyers argued", "Their", "argued", "Their lawyers"),
        ("his wants", "his", "wants", "his"),  # nothing between: left as tagged
        ("The union backed it", "The union", "backed", "The union"),
    ],
)
def test_a_possessive_alone_takes_its_noun(text, source, cue, expected):
    from provenance.attribution.labeller import source_end

    s = text.index(source)
    assert text[s : source_end(text, s, s + len(source), text.index(cue))] == expected

"""The noun phrase after a cue (``after_cue``): exact spans on short sentences."""

from __future__ import annotations

from provenance.attribution.after_cue import _np_after, agent_np, inverted_subject


def test_np_after_ends_at_punctuation_or_a_date() -> None:
    text = "The plan, according to Defense Secretary Jim Mattis on Friday, failed."
    assert _np_after(text, text.index("to ") + 3, len(text)) == (23, 51)  # "Defense Secretary Jim Mattis"
    text = "The plan, according to the ministry, failed."
    assert _np_after(text, text.index("to ") + 3, len(text)) == (23, 35)  # "the ministry"


def test_np_after_any_start() -> None:
    text = "according to company documents reviewed by Reuters"
    assert _np_after(text, 13, len(text)) is None  # (no source's start)
    assert _np_after(text, 13, len(text), any_start=True) == (13, 30)  # "company documents"


def test_inverted_subject_ends_where_the_noun_phrase_does() -> None:
    text = "The deal is dead, said Pavel Orlov, the mayor."
    assert inverted_subject(text, text.index("said") + 5, len(text)) == (23, 34)  # "Pavel Orlov"
    text = "“It works,” said GOP strategist Keith Nahigian on Monday."
    assert inverted_subject(text, text.index("said") + 5, len(text)) == (17, 46)  # "GOP strategist Keith Nahigian"


def test_inverted_subject_is_not_the_reported_clause() -> None:
    text = "He said Trump's nomination will fail."
    assert inverted_subject(text, text.index("said") + 5, len(text)) is None


def test_agent_np_is_the_agent_not_a_means_or_a_measure() -> None:
    text = "He was asked by host John Dickerson whether he would run."
    assert agent_np(text, text.index("by ") + 3, len(text)) == (16, 35)  # "host John Dickerson"
    text = "The bill was backed by 34% of GOP voters in the poll."
    assert agent_np(text, text.index("by ") + 3, len(text)) == (23, 40)  # "34% of GOP voters"
    text = "Moscow responded by sidestepping Moscow entirely."
    assert agent_np(text, text.index("by ") + 3, len(text)) is None
    text = "Exports declined by 0.2% from 2005."
    assert agent_np(text, text.index("by ") + 3, len(text)) is None


def test_agent_np_must_be_able_to_speak() -> None:
    text = "The plan was rejected by congressional investigators."
    assert agent_np(text, text.index("by ") + 3, len(text)) == (25, 52)  # "congressional investigators"
    text = "The plan was rejected by a series of congressional inquiries."
    assert agent_np(text, text.index("by ") + 3, len(text)) is None


def test_inverted_subject_with_a_year_or_a_relative_clause_after_it() -> None:
    text = "“She didn’t like that,” said a 2008 Clinton veteran."
    start = text.index("said") + 4
    assert text[slice(*inverted_subject(text, start, len(text)))] == "a 2008 Clinton veteran"
    text = '"It was all lies," said one owner of a shop that sells shoes.'
    start = text.index("said") + 4
    assert text[slice(*inverted_subject(text, start, len(text)))] == "one owner of a shop"
    text = '"It was all lies," said 2008 voters.'  # (a year opening the phrase is no modifier of a determiner)
    assert inverted_subject(text, text.index("said") + 4, len(text)) is None

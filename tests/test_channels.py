"""The channel (via) of statements: outlets next to a cue, outlets a whole
sentence came through, and names with an outlet's shape."""

from __future__ import annotations

import pytest

from provenance.attribution import extract_citations
from provenance.attribution.channels import (
    _names_document,
    _opens_with_subordinate,
    _outlet_name_shape,
    _unknown_outlet,
)


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("the group's Al-Manar TV", "Al-Manar TV"),
        ("the Sioux City Journal", "Sioux City Journal"),
        ("KTLA", "KTLA"),
        ("WHO", None),  # a call sign is K or W and three letters more, or a suffix
        ("the local paper", None),
    ],
)
def test_unknown_outlet_keeps_a_name_with_an_outlets_shape(mention, expected):
    assert _unknown_outlet(mention) == expected


def test_outlet_name_shape_needs_capitals_and_an_outlet_word():
    assert _outlet_name_shape(["REVOLT", "TV"])
    assert _outlet_name_shape(["WXYZ-TV"])
    assert not _outlet_name_shape(["revolt", "TV"])
    assert not _outlet_name_shape(["Sioux", "City"])


@pytest.mark.parametrize(
    ("mention", "expected"),
    [("the complaint", True), ("a Pentagon readout", True), ("exit polling data", True), ("the senator", False), (None, False)],
)
def test_names_document(mention, expected):
    assert _names_document(mention) is expected


def test_opens_with_subordinate():
    assert _opens_with_subordinate("When he said it, they left.", 0)
    assert not _opens_with_subordinate("“How big is that wall?” asked the boy.", 0)
    assert not _opens_with_subordinate("He said it.", 0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Peskov told reporters the talks had stalled, according to the RIA Novosti news agency.",
         [("Peskov", "RIA Novosti"), ("RIA Novosti", None)]),  # the outlet is a record of its own too
        ("Speaking to TASS, Melikov said the talks had stalled.", [("Melikov", "TASS")]),
        ("Smith said in a memo obtained by NBC News that the plan was dead.", [("Smith", "NBC News")]),
        ("Navalny wrote on Telegram that he was well.", [("Navalny", "Telegram")]),
        ("The Kremlin has denied the allegations, RIA reported.", [("Kremlin", "RIA Novosti"), ("RIA Novosti", None)]),
    ],
)
def test_the_channel_of_a_sentence_reaches_its_records(text, expected):
    assert [(c.source, c.via) for c in extract_citations(text, "doc")] == expected

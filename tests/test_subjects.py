"""The noun phrase before a verb (``subjects``): exact spans on short sentences."""

from __future__ import annotations

from provenance.attribution import lexicon
import pytest

from provenance.attribution.subjects import (
    _colon_source,
    _np_before,
    _sentence_subject,
    _split_and,
    _Subject,
    head_of_long_subject,
    name_after_opener,
    subject_before,
)


def test_np_before_drops_a_trailing_time_phrase() -> None:
    text = "RNC spokesman Sean Spicer on Thursday evening said the party was united."
    subj = _np_before(text, 0, text.index("said"), [])
    assert subj == _Subject(0, 25, 0, "")
    assert text[subj.start : subj.end] == "RNC spokesman Sean Spicer"


def test_subject_before_skips_a_leading_prepositional_phrase_and_a_clause() -> None:
    text = "By the spring of 2016 the Interior Ministry estimated that costs would rise."
    assert subject_before(text, 0, text.index("estimated"), [], lexicon.verb("estimated")) == (22, 43)  # "the Interior Ministry"
    text = "After the vote, deficits would add up, the senator warned."
    assert subject_before(text, 0, text.index("warned"), [], lexicon.verb("warned")) == (39, 50)  # "the senator"


def test_split_and_gives_two_speakers() -> None:
    text = "A Kurdish official and AFP correspondents said the town had fallen."
    assert _split_and(text, 0, text.index(" said"), lexicon.verb("said")) == [(0, 18), (23, 41)]


def test_colon_source_is_the_name_before_the_colon() -> None:
    text = "Sanders: Endorsements prove nothing."
    assert _colon_source(text, 0, len(text), []) == (7, 0, 7)  # (colon, source start, source end)


def test_sentence_subject_is_the_name_opening_the_sentence() -> None:
    text = "Bush criticized the plan and said it would fail."
    assert _sentence_subject(text, 0, text.index("said")) == (0, 4)


@pytest.mark.parametrize(
    ("text", "head"),
    [
        ("Three-in-five GOP insiders across the four states said so.", "Three-in-five GOP insiders"),
        ("The last man to mount a major third-party presidential race says so.", "The last man"),
        ("Many of the local GOP leaders who’d rather be working now on a campaign said so.", "Many of the local GOP leaders"),
        ("A redacted copy of the 2013 FDIC inspector general’s memo seen by Reuters said so.",
         "A redacted copy of the 2013 FDIC inspector general’s memo"),
        ("Majorities of Democrats in five states going to the polls Tuesday say so.", "Majorities of Democrats"),
        # no head: a clause before the verb, a pronoun as the subject, one phrase with its complement
        ("Scarborough Shoal is now the place Pentagon officials say so.", None),
        ("A CNN/ORC poll in January shows 68% of Democratic voters say so.", None),
        ("Bush will wait until after the polls close at 7 p.m. He says so.", None),
        ("Those close to him say so.", None),
    ],
)
def test_head_of_long_subject(text: str, head: str | None) -> None:
    verb = text.split()[-2]
    got = head_of_long_subject(text, 0, text.rindex(" " + verb), lexicon.verb(verb))
    assert (text[got[0] : got[1]] if got else None) == head


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Speaking Saturday at the convention Sen. Elizabeth Warren (D-MA) said so.", "Sen. Elizabeth Warren"),
        ("At the rally Gov. John Kasich said so.", "Gov. John Kasich"),
        ("In a report by Sen. Elizabeth Warren said so.", None),  # after a preposition: the report's
        ("During the debate the Ohio Republican Party said so.", None),  # no person's name
        ("The senator Elizabeth Warren said so.", None),  # no opener
    ],
)
def test_name_after_opener(text: str, name: str | None) -> None:
    got = name_after_opener(text, 0, text.rindex(" said"), lexicon.verb("said"))
    assert (text[got[0] : got[1]] if got else None) == name

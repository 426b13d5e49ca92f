"""Speakers set off by commas (``descriptors``): exact spans on short sentences."""

from __future__ import annotations

from provenance.attribution import lexicon
from provenance.attribution.descriptors import _parenthetical_subject, coordinated_names, main_subject
from provenance.attribution.subjects import _np_before


def _behind_descriptors(text: str) -> list[tuple[int, int]]:
    pos = text.index(" said") + 1
    return _parenthetical_subject(text, 0, _np_before(text, 0, pos, []), [], lexicon.verb("said"))


def test_parenthetical_subject_walks_back_over_descriptors() -> None:
    assert _behind_descriptors("Anna Smith, a spokeswoman for Acme, a chemicals company, said the plant was safe.") == [(0, 10)]
    assert _behind_descriptors("Dewayne Smithy, 33, of Baldwin, Miss., said he was home.") == [(0, 14)]


def test_parenthetical_subject_takes_a_name_set_off_after_a_role() -> None:
    text = "The press secretary, Josh Earnest, said the talks went well."
    assert _behind_descriptors(text) == [(21, 33)]  # "Josh Earnest"


def test_coordinated_names_with_descriptors_among_them_are_each_a_speaker() -> None:
    text = "Meta's president, Nick Clegg, and its lawyer Jennifer Newstead said the plan was legal."
    spans = coordinated_names(text, 0, (0, text.index(" said")), [], lambda word, at: True)
    assert spans == [(18, 28), (34, 62)]  # "Nick Clegg", "its lawyer Jennifer Newstead"


def test_coordinated_names_a_bare_list_is_one_source_and_a_pair_is_not_theirs() -> None:
    text = "Clinton, Sanders and Biden said they would attend."
    assert coordinated_names(text, 0, (0, text.index(" said")), [], lambda word, at: True) == [(0, 26)]
    text = "Procter and Gamble said profits rose."
    assert coordinated_names(text, 0, (0, text.index(" said")), [], lambda word, at: True) is None


def test_main_subject_is_the_subject_of_the_first_verb() -> None:
    text = "Fiorina was upfront about her record, saying she had no regrets."
    assert main_subject(text, 0, text.index("saying"), []) == (0, 7)
    text = "Gary Emineth, a former chairman, became a critic and said the party had lost its way."
    assert main_subject(text, 0, text.index("said"), []) == (0, 12)  # past the descriptor

"""Words a print dump broke at a line end: read whole, offsets into the text as it came."""

from hypothesis import given
from hypothesis import strategies as st

from provenance.attribution import extract_citations
from provenance.attribution.hyphens import mend

DUMP = (
    "Officials said on Tues-\nday that the strikes hit an en-\nergy site. \"We will rebuild,\" De-\n"
    "puty Prime Minister Oleksandr Kuba-\nkov told reporters.\n\n"
    "The Interfax-Ukraine news agency, ci-\nting a source in the ministry, re-\nported that three "
    "transformers were destroyed."
)


def test_mend_joins_known_words_and_keeps_other_hyphens() -> None:
    joined, to_start, to_end = mend(DUMP)
    assert "Tues-day" in joined  # unknown: the hyphen stays, the break goes
    assert "Deputy Prime Minister Oleksandr Kuba-kov" in joined  # a title joins, a name keeps its hyphen
    assert "citing a source" in joined and "reported that" in joined
    assert "Interfax-Ukraine" in joined
    # Every joined word maps back onto its broken form.
    for word, broken in (("reported", "re-\nported"), ("Deputy", "De-\nputy"), ("citing", "ci-\nting")):
        s = joined.index(word)
        assert DUMP[to_start(s) : to_end(s + len(word))] == broken


def test_mend_joins_a_word_the_article_spells_whole() -> None:
    text = "German carmaker Volk-\nswagen said. Volkswagen shares fell; Kurdish-\nled forces advanced."
    joined, _, _ = mend(text)
    assert joined == "German carmaker Volkswagen said. Volkswagen shares fell; Kurdish-led forces advanced."


def test_mend_leaves_text_without_broken_words() -> None:
    assert mend("No breaks here.\nA new line - and a dash\nThe end") is None
    assert mend("A dash at a line end -\nthen text") is None  # no letters before the hyphen
    assert mend("Interfax-\nUkraine") is None  # a capital after the break


def test_records_read_broken_cues_and_point_into_the_text_as_it_came() -> None:
    got = extract_citations(DUMP, "doc")
    assert [(c.source, c.source_text, c.cue, c.via, c.rule) for c in got] == [
        ("Officials", "Officials", "said", None, "statement.subject_verb"),
        ("Oleksandr Kuba-kov", "Deputy Prime Minister Oleksandr Kuba-kov", "told", None, "statement.subject_verb"),
        ("a source in the ministry", "a source in the ministry", "ci-\nting", "Interfax-Ukraine", "statement.citing"),
        ("Interfax-Ukraine", "The Interfax-Ukraine news agency", "re-\nported", None, "statement.subject_verb"),
    ]
    for c in got:
        assert DUMP[c.start : c.end] == c.sentence
        assert DUMP[c.cue_start : c.cue_end] == c.cue
    assert got[3].cue_start == DUMP.index("re-\nported")


@given(st.lists(st.sampled_from(["said", "re-\nported", "Kuba-\nkov", " ", "\n", "-", "told", "X", "."]), max_size=40))
def test_maps_are_monotonic_and_land_on_the_same_letters(pieces: list[str]) -> None:
    text = "".join(pieces)
    mended = mend(text)
    if mended is None:
        return
    joined, to_start, to_end = mended
    previous = -1
    for i, ch in enumerate(joined):
        j = to_start(i)
        assert j > previous and text[j] == ch
        previous = j
    assert to_end(len(joined)) == len(text)

"""Name runs: the capitalised stretches NameIndex expands surnames from; the gender a name carries."""

import pytest

from provenance.attribution.names import NameIndex, classify, name_gender
from provenance.outlets import load_gazetteer


@pytest.mark.parametrize(
    ("text", "runs"),
    [
        ("Donald Trump said", [(0, ["Donald", "Trump"])]),
        # A quotation mark before the first letter is no part of the name.
        ("“Donald Trump, he said", [(1, ["Donald", "Trump"])]),
        ("x(Joe Biden) and ’Kamala Harris’", [(18, ["Kamala", "Harris"])]),
        ("''Donald Trump is here,'' he said", [(2, ["Donald", "Trump"])]),
        # Particles join a run; "al-" names too.
        ("He met Bashar al-Assad and Ludwig van Beethoven.",
         [(7, ["Bashar", "al-Assad", "and", "Ludwig", "van", "Beethoven"])]),
        ("said 3M Company chief", [(5, ["3M", "Company"])]),
        # A capitalised word that is no name splits the run.
        ("The White House said", [(4, ["White", "House"])]),
        # One line break may fall inside a run, a blank line may not.
        ("Ted\nCruz spoke", [(0, ["Ted", "Cruz"])]),
        ("Ted\n\nCruz spoke", []),
        # A token ending a sentence ends the run; Cyrillic is upper case too.
        ("É. Macron met Володимир Зеленський", [(14, ["Володимир", "Зеленський"])]),
        ("the lower case words only", []),
    ],
)
def test_runs(text, runs):
    assert NameIndex.build(text).runs == runs


@pytest.mark.parametrize(
    ("tokens", "gender"),
    [
        (["Hillary", "Clinton"], "female"),
        (["Mr.", "Clinton"], "male"),
        (["Sen.", "Bernie", "Sanders"], "male"),
        (["Ms.", "Lee"], "female"),
        (["Ngozi", "Okonjo-Iweala"], None),
        (["Clinton"], None),
    ],
)
def test_name_gender(tokens: list[str], gender: str | None) -> None:
    assert name_gender(tokens) == gender


@pytest.mark.parametrize(
    "mention, source",
    [
        ("Columnist John Smith", "John Smith"),
        ("Pollster Ann Selzer", "Ann Selzer"),
        ("Democrat Hillary Clinton", "Hillary Clinton"),
        ("Billionaire Donald Trump", "Donald Trump"),
        ("Conservative Solutions PAC", "Conservative Solutions PAC"),  # a body's name, not a role
    ],
)
def test_a_capitalised_role_opening_a_name_is_kept_out_of_the_source(mention: str, source: str) -> None:
    got = classify(mention, load_gazetteer(), NameIndex.build(mention), 0)
    assert (got.source, got.source_text) == (source, mention)


@pytest.mark.parametrize(
    "mention, source",
    [
        ("The Ukrainian General Staff", "Ukrainian General Staff"),  # a body, not "Staff"
        ("The General Staff", "General Staff"),
        ("Foreign Minister Sergei Lavrov", "Sergei Lavrov"),
    ],
)
def test_a_title_word_naming_a_body_is_not_cut(mention: str, source: str) -> None:
    assert classify(mention, load_gazetteer(), NameIndex.build(mention), 0).source == source


@pytest.mark.parametrize(
    ("text", "surname", "full"),
    [
        # A question or headline opening with a verb makes a run that is no
        # name: the latest real full name is the surname's.
        ("Marco Rubio spoke. Does Rubio know? Later on,", "Rubio", "Marco Rubio"),
        ("Bernie Sanders spoke. Asserting Sanders was wrong, they left. Later on,", "Sanders", "Bernie Sanders"),
        # Unknown first names stay names ("Jeh" is no verb).
        ("Gary Johnson spoke. Jeh Johnson spoke too. Later on,", "Johnson", "Jeh Johnson"),
    ],
)
def test_full_name_passes_over_a_verb_opening_a_run(text: str, surname: str, full: str) -> None:
    assert NameIndex.build(text).full_name(surname, len(text)) == full


@pytest.mark.parametrize("word", ["al-Assad", "el-Sisi", "bin-Salman", "Assad", "Аль-Асад"])
def test_a_name_after_an_arabic_article_is_capitalised(word: str) -> None:
    from provenance.attribution.names import is_capitalised

    assert is_capitalised(word)


@pytest.mark.parametrize("word", ["al-qaeda-linked", "well-known", "el"])
def test_lower_case_words_are_not(word: str) -> None:
    from provenance.attribution.names import is_capitalised

    assert not is_capitalised(word)


@pytest.mark.parametrize(
    ("text", "mention", "source", "outlet"),
    [
        ("The Washington Post reported it. Then the Post said more.", "the Post", "The Washington Post",
         "the-washington-post"),
        ("The Wall Street Journal reported it. The Journal said more.", "The Journal", "The Wall Street Journal", "wsj"),
        # the article's own Times, not the gazetteer's guess (the New York Times)
        ("The Moscow Times reported it. The Times said more.", "The Times", "The Moscow Times", "the-moscow-times"),
        ("The New York Post reports it. The Post has learned more.", "The Post", "New York Post", "new-york-post"),
        ("The Denver Post reported it. The Post said more.", "The Post", "Denver Post", None),  # not in the gazetteer
    ],
)
def test_a_newspapers_short_form_is_the_outlet_named_before(text: str, mention: str, source: str, outlet: str) -> None:
    pos = text.rindex(mention)
    src = classify(mention, load_gazetteer(), NameIndex.build(text), pos)
    assert (src.source, src.source_text, src.source_type, src.source_outlet) == (source, mention, "outlet", outlet)


def test_a_short_form_with_no_outlet_before_stays_as_written() -> None:
    text = "The Post said more."
    src = classify("The Post", load_gazetteer(), NameIndex.build(text), 0)
    assert (src.source, src.source_type, src.source_outlet) == ("The Post", "unnamed", None)
    text = "Emily Post wrote it. The Post said more."  # a person's surname is no outlet
    src = classify("The Post", load_gazetteer(), NameIndex.build(text), text.rindex("The Post"))
    assert (src.source, src.source_type, src.source_outlet) == ("The Post", "unnamed", None)


@pytest.mark.parametrize(
    ("mention", "source", "kind"),
    [
        ("Al Qahera News TV", "Al Qahera News TV", "outlet"),
        ("The Charlotte Observer", "Charlotte Observer", "outlet"),  # "the" before it: a city, not a first name
        ("Emily Post", "Emily Post", "person"),  # a first name opens it
    ],
)
def test_a_name_ending_in_an_outlets_word(mention: str, source: str, kind: str) -> None:
    src = classify(mention, load_gazetteer(), NameIndex.build(mention + " said so."), 0)
    assert (src.source, src.source_type) == (source, kind)

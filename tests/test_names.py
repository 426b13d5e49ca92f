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

"""Verb or noun (``verb_or_noun``): is a cue word a verb where it stands?
Exact answers on short sentences, the functions called as ``statements``
calls them."""

from __future__ import annotations

from provenance.attribution import lexicon
from provenance.attribution.names import bare
from provenance.attribution.phrases import _tokens
from provenance.attribution.verb_or_noun import capitalised_before, not_a_verb, singular_before_noun, title_case_after


def _not_a_verb(text: str, cue: str) -> bool:
    """``not_a_verb`` for the first ``cue`` in ``text`` (one sentence), with
    ``prev`` and ``pw`` built as ``statements`` builds them."""
    cs = text.index(cue)
    ce = cs + len(cue)
    prev = _tokens(text, max(0, cs - 40), cs)
    pw = bare(prev[-1][2]).lower() if prev else ""
    v = lexicon.verb(cue)
    assert v is not None  # (a cue word of the lexicon)
    return not_a_verb(text, 0, len(text), cs, ce, cue.lower(), v, prev, pw)


def test_a_determiner_or_a_possessive_before_makes_a_noun() -> None:
    assert _not_a_verb("He read the reports on Monday.", "reports") is True
    assert _not_a_verb("Smith reports that the plan failed.", "reports") is False
    assert _not_a_verb("Trump's plans are vague.", "plans") is True
    assert _not_a_verb("Trump plans to run.", "plans") is False
    assert _not_a_verb("They ignored veterans’ issues.", "issues") is True


def test_a_contracted_has_is_no_possessive() -> None:
    assert _not_a_verb("Since then he's said nothing.", "said") is False


def test_a_degree_word_before_makes_an_adjective() -> None:
    assert _not_a_verb("It was the most elaborate plan.", "elaborate") is True
    assert _not_a_verb("Perhaps most telling was the silence.", "telling") is True
    assert _not_a_verb("Most said no.", "said") is False  # (no article before "most")
    assert _not_a_verb("It was the most disliked by the establishment.", "disliked") is False  # a passive


def test_after_a_preposition_a_noun_but_not_after_has() -> None:
    assert _not_a_verb("The bill passed with support of both parties.", "support") is True
    assert _not_a_verb("He did not respond to a request for comment.", "comment") is True
    assert _not_a_verb("Smith has since said the plan is dead.", "said") is False
    assert _not_a_verb("Smith since said the plan is dead.", "said") is False  # "since" an adverb
    assert _not_a_verb("Nothing has changed since reports surfaced.", "reports") is True  # a preposition


def test_a_noun_homograph_before_is_punctuation_or_a_number() -> None:
    assert _not_a_verb("Trump support is strong.", "support") is True
    assert _not_a_verb("Clinton support 27 percent.", "support") is True
    assert _not_a_verb("Polls show Trump support.", "support") is True
    assert _not_a_verb("Polls show they support.", "support") is False  # a subject pronoun
    assert _not_a_verb("It is the plan they support.", "support") is False  # (the pronoun ends "the plan")
    assert _not_a_verb("It is what people want.", "want") is False  # the object stands before
    assert _not_a_verb("Smith would support it.", "support") is False  # an auxiliary


def test_a_name_or_adjectives_between_a_determiner_and_a_noun() -> None:
    assert _not_a_verb("The Orlando attack shocked the nation.", "attack") is True
    assert _not_a_verb("The Democrats oppose the bill.", "oppose") is False  # a plural name
    assert _not_a_verb("China's Silk Road plan has stalled.", "plan") is True
    assert _not_a_verb("In an apparent terrorist attack.", "attack") is True
    assert _not_a_verb("He read the new plans.", "plans") is True
    # (after "across the ...": the words are the subject of a verb, not a noun before it)
    assert _not_a_verb("Voters across the political spectrum favor granting it.", "favor") is False


def test_a_number_before_or_according_to() -> None:
    assert _not_a_verb("He took several questions.", "questions") is True
    assert _not_a_verb("He said it, according to a study published Tuesday.", "published") is True
    assert _not_a_verb("A study published Tuesday found it.", "published") is False


def test_singular_before_noun() -> None:
    assert singular_before_noun(["Drone"], lexicon.verb("attack")) is True  # "Drone attack sparks"
    assert singular_before_noun(["Trump"], lexicon.verb("support")) is True
    assert singular_before_noun(["Kurds"], lexicon.verb("support")) is False  # a plural
    assert singular_before_noun(["Police"], lexicon.verb("fear")) is False  # a collective
    assert singular_before_noun(["Children"], lexicon.verb("want")) is False  # a plural without -s
    assert singular_before_noun(["I"], lexicon.verb("fear")) is False
    assert singular_before_noun(["Drone"], lexicon.verb("attacks")) is False  # (no base form)
    assert singular_before_noun(["Drone", "strike"], lexicon.verb("attack")) is False  # (one word only)


def test_a_capitalised_noun_homograph_ends_a_name_unless_title_case_goes_on() -> None:
    text = "He cited the Drudge Report, a website."
    cs = text.index("Report")
    assert capitalised_before(text, 0, cs) is True
    assert title_case_after(text, cs + len("Report"), len(text)) is False
    text = "U.S. News & World Report Arrests Suspect"
    cs = text.index("Report")
    assert title_case_after(text, cs + len("Report"), len(text)) is True
    text = "The police report said so."
    cs = text.index("report")
    assert capitalised_before(text, 0, cs) is False
    assert capitalised_before(text, cs, cs) is False  # (nothing before, within the sentence)

"""The prefix-tree alternation matches exactly what a plain alternation,
sorted longest first, matches."""

import random
import re

import pytest

from provenance.tries import trie_regex


def test_the_tree_shares_prefixes():
    assert trie_regex(["said", "says", "say"]) == "sa(?:id|y(?:s)?)"


@pytest.mark.parametrize(
    ("words", "text", "found"),
    [
        # The longest word wins where one is a prefix of another.
        (["TASS", "TASS news agency"], "by the TASS news agency.", ["TASS news agency"]),
        # A longer word the boundary rejects gives way to the shorter.
        (["was quoted", "was quoted as"], "was quoted asking", ["was quoted"]),
        # Regex characters in words are literal.
        (["a.b", "c+"], "axb a.b c+ cc", ["a.b", "c+"]),
    ],
)
def test_matches_are_the_longest_words_the_pattern_accepts(words, text, found):
    rx = re.compile(r"(?<!\w)(?:" + trie_regex(words) + r")(?!\w)")
    assert [m.group(0) for m in rx.finditer(text)] == found


def test_same_matches_as_an_alternation_sorted_longest_first():
    rnd = random.Random(7)
    vocab = ["news", "agency", "the", "new", "newsweek", "a", "an", "ap", "x", "tass"]
    words = sorted({" ".join(rnd.choice(vocab) for _ in range(rnd.randint(1, 3))) for _ in range(60)})
    plain = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + r")(?!\w)")
    tree = re.compile(r"(?<!\w)(?:" + trie_regex(words) + r")(?!\w)")
    for _ in range(3000):
        text = " ".join(rnd.choice(vocab) for _ in range(rnd.randint(1, 8)))
        assert [m.span() for m in tree.finditer(text)] == [m.span() for m in plain.finditer(text)], text

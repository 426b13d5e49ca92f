"""The verb lexicon, inflected, and one fast matcher for every cue.

Why generated: a few hundred lemmas in four tenses are a thousand forms;
listing them by hand invites gaps ("argues" but not "argued"). The lemmas
live in ``cues.VERB_FAMILIES``; here they are inflected by the regular
English rules plus ``cues.IRREGULAR`` and ``cues.DOUBLING``.

Why one matcher: the whole text is scanned once, with the forms folded into
a prefix tree (``provenance.tries``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..tries import trie_regex
from . import cues


@dataclass(frozen=True)
class Verb:
    lemma: str
    family: str  # a key of cues.VERB_FAMILIES
    kind: str  # statement | belief
    form: str  # base | s | past | ing


def _s(lemma: str) -> str:
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        return lemma + "es"
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return lemma[:-1] + "ies"
    return lemma + "s"


def _past(lemma: str) -> list[str]:
    if lemma in cues.IRREGULAR:
        return list(cues.IRREGULAR[lemma])
    if lemma in cues.DOUBLING:
        return [lemma + lemma[-1] + "ed"]
    if lemma.endswith("e"):
        return [lemma + "d"]
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return [lemma[:-1] + "ied"]
    return [lemma + "ed"]


def _ing(lemma: str) -> str:
    if lemma.endswith("ie"):
        return lemma[:-2] + "ying"
    if lemma in cues.DOUBLING:
        return lemma + lemma[-1] + "ing"
    if lemma.endswith("e") and not lemma.endswith(("ee", "ye", "oe")):
        return lemma[:-1] + "ing"
    return lemma + "ing"


#: A final l after one vowel after a consonant ("signal", "label"; not
#: "appeal", "reveal", "call").
_BRITISH_DOUBLE_L = re.compile(r"[^aeiou][aeiou]l$")


def _build() -> dict[str, Verb]:
    forms: dict[str, Verb] = {}
    for family, (kind, lemmas) in cues.VERB_FAMILIES.items():
        for lemma in lemmas.split():
            variants = [("s", _s(lemma)), *(("past", p) for p in _past(lemma)), ("ing", _ing(lemma))]
            if _BRITISH_DOUBLE_L.search(lemma):
                # British spelling doubles the l: "signalled", "labelling".
                variants += [("past", lemma + "led"), ("ing", lemma + "ling")]
            if lemma not in cues.NO_BASE_FORM:
                variants.insert(0, ("base", lemma))
            for form, word in variants:
                if word not in cues.EXCLUDED_FORMS:
                    forms.setdefault(word, Verb(lemma, family, kind, form))
    return forms


#: Every inflected cue verb -> what it is.
FORMS: dict[str, Verb] = _build()


def cue_regex() -> re.Pattern[str]:
    """One matcher: fixed phrases first, then verbs (with their particles).

    Case-sensitive on purpose (``re.I`` makes every character comparison a
    case fold, twice as slow): verbs in running text are lower case; the
    "say" core also matches Capitalised and UPPER CASE (headlines), phrases
    match with a capital first letter ("According to").
    """
    # Phrases share one prefix tree too (a NUL stands for the space until
    # rendered as \s+): 52 alternatives tried in turn at every word made the
    # scan 2.3 times slower (166 vs 72 ms over 300 PolNeAR articles, the
    # same matches). The tree's optional tails are greedy, so the longest
    # phrase wins ("was quoted as saying by").
    phrases = {" ".join(p.split()) for p in (*cues.PHRASE_CUES, *cues.SOURCE_AFTER_CUES)}
    phrase_alt = trie_regex(
        sorted({v.replace(" ", "\0") for p in phrases for v in (p, p[0].upper() + p[1:])})
    ).replace("\0", r"\s+")
    particles = sorted({p for ps in cues.PARTICLE_VERBS.values() for p in ps})
    # Capitalised -ing forms too: "Responding to Trump, Clinton wrote" (the
    # statement finder keeps them only where they open a sentence).
    words = set(FORMS) | {w.capitalize() for w in cues.CORE_SPEECH if w in FORMS} | {
        w.capitalize() for w, v in FORMS.items() if v.form == "ing"
    } | {
        w.upper() for w in cues.CORE_SPEECH if w in FORMS
    }
    # Adjective cues ("critical of") share the verb trie and the particle
    # group: one alternation is cheaper per position than two.
    adjectives = {a for group in cues.ADJECTIVE_CUES.values() for a in group}
    particles = sorted(set(particles) | {p for group in cues.ADJECTIVE_CUES.values() for ps in group.values() for p in ps})
    verb_alt = trie_regex(sorted(words | adjectives))
    # The leading \b adds nothing to the look-behind (every cue starts with a
    # letter) but fails faster inside words: the scan is 8% faster (39.5 vs
    # 43.1 ms over PolNeAR dev, medians of 15 interleaved passes).
    return re.compile(
        r"\b(?<![\w’'\-])(?:(?P<phrase>" + phrase_alt + r")|(?P<verb>" + verb_alt + r")"
        r"(?:\s+(?P<particle>" + "|".join(particles) + r"))?)(?![\w’'\-])"
    )


#: Adjective cue -> (family, the particles it needs).
ADJECTIVES: dict[str, tuple[str, tuple[str, ...]]] = {
    a: (family, ps) for family, group in cues.ADJECTIVE_CUES.items() for a, ps in group.items()
}


def verb(word: str) -> Verb | None:
    return FORMS.get(word.lower())


def needs_particle(v: Verb, particle: str | None) -> bool:
    """Is this verb a cue only with a particle it did not get?"""
    allowed = cues.PARTICLE_VERBS.get(v.lemma)
    if allowed is None or v.lemma in cues.OPTIONAL_PARTICLES:
        return False
    return particle is None or particle.lower() not in allowed


def is_cue_word(word: str) -> bool:
    """A verb form of the lexicon (it cannot sit inside a subject)."""
    return word in FORMS

"""The record of one statement the rules find, shared by the passes that find them.

``Statement`` is what ``statements``, ``participles`` and
``document_statements`` give (``extract_citations`` makes each one a
``Citation``); ``_FAMILY_RULE`` is the rule a cue verb's family gives it and
``_same_speaker`` a second record by an earlier one's speaker. They live
here, below those modules, so that ``statements`` can hand its -ing forms to
``participles`` and ``participles`` can still make records, with neither
importing the other.
"""

from __future__ import annotations

from dataclasses import dataclass

from .names import Source
from .sentences import Sentence


@dataclass
class Statement:
    rule: str
    sentence: Sentence
    cue_start: int
    cue_end: int
    source: Source
    via: str | None = None
    via_outlet: str | None = None
    quote: str | None = None
    kind: str = "statement"


def _same_speaker(earlier: Statement, rule: str, cs: int, ce: int, quote: str | None, kind: str) -> Statement:
    """A record for the cue at ``cs:ce`` by the speaker (and channel) of an
    earlier record in the same sentence ("said ... and called", "supports X,
    opposes Y", "said ..., adding")."""
    src = earlier.source
    return Statement(rule, earlier.sentence, cs, ce,
                     Source(src.source, src.source_text, src.source_type, src.source_outlet, src.pronoun),
                     earlier.via, earlier.via_outlet, quote, kind)


_FAMILY_RULE = {
    "speech": "statement.subject_verb", "cognition": "belief.cognition", "intention": "belief.intention",
    "stance": "belief.stance", "evidence": "statement.evidence",
}

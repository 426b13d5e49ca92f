"""Words a print dump broke at a line end, joined before extraction.

"re-\\nported" is a cue only when it is whole again, and "De-\\nputy Prime
Minister" a title. The extractor reads a copy of the text with such words
joined and maps every offset back, so the records still point into the text
as it came (their ``sentence`` and ``cue`` keep the break, as the text has it).

A broken word loses its hyphen when the article spells it whole elsewhere or
the cue lexicon knows it ("Volk-\\nswagen" is Volkswagen when the article
says so, "re-\\nported" is "reported"); otherwise it keeps the hyphen, which
may be the word's own ("Kurdish-\\nled" is "Kurdish-led", "Anto-\\nlitz"
stays "Anto-litz").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from . import cues, lexicon

#: A hyphen ending a line before a lower-case letter (a capital after the
#: break starts a name of its own: "Interfax-\nUkraine" keeps its hyphen
#: anyway). The regex opens with the hyphen, so the scan skips ahead in C.
_BREAK = re.compile(r"-[ \t\u00a0]*\n[ \t\u00a0]*(?=[a-z])")
_WORD = re.compile(r"[^\W\d_]+")
#: The longest head of a broken word looked back for (a bound on hostile input).
MAX_HEAD = 60

#: Maps an offset in the joined text back to the text as it came.
OffsetMap = Callable[[int], int]


def _known(word: str) -> bool:
    low = word.lower()
    return lexicon.verb(low) is not None or low in cues.TITLE_WORDS or low in cues.SOURCE_NOUNS or low in cues.ROLE_NOUNS


def mend(text: str) -> tuple[str, OffsetMap, OffsetMap] | None:
    """The text with its broken words joined, and maps for start and end
    offsets back into ``text``; None when no word is broken."""
    if text.find("\n") < 0 or text.find("-") < 0:
        return None
    breaks = []
    for m in _BREAK.finditer(text):
        head = m.start()
        while head > 0 and m.start() - head < MAX_HEAD and text[head - 1].isalpha():
            head -= 1
        if head < m.start():  # letters before the hyphen: a word broken in two
            breaks.append((head, m.start(), m.end(), _WORD.match(text, m.end()).end()))
    if not breaks:
        return None
    spelled = {w.lower() for w in _WORD.findall(text)}
    parts: list[str] = []
    tails: list[int] = []  # where each joined word's tail starts in the joined text
    shifts: list[int] = []  # characters removed up to and including each break
    removed = 0
    last = 0
    for head, hyphen_at, tail, tail_end in breaks:
        joined = text[head:hyphen_at] + text[tail:tail_end]
        hyphen = "" if joined.lower() in spelled or _known(joined) else "-"
        parts.append(text[last:hyphen_at])
        parts.append(hyphen)
        removed += tail - hyphen_at - len(hyphen)
        tails.append(tail - removed)
        shifts.append(removed)
        last = tail
    parts.append(text[last:])

    def to_start(pos: int) -> int:
        i = bisect.bisect_right(tails, pos)
        return pos + (shifts[i - 1] if i else 0)

    def to_end(pos: int) -> int:
        i = bisect.bisect_left(tails, pos)
        return pos + (shifts[i - 1] if i else 0)

    return "".join(parts), to_start, to_end

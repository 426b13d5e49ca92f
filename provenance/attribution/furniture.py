"""Site furniture: the parts of a page dump that are not the article.

Why: donation appeals ("The authorities claim our work ...") and headlines of
other articles ("Related article: ..., Kremlin Says") contain attribution
cues, and counting them would put false edges in the graph. We recognise them
by general signals, never by a site's exact wording:

- an opener at the start of a paragraph ("Related article:", "Read more",
  "A Message from", "Dear readers", "Sign up", "Support us", cookies ...);
- appeal vocabulary (support, donate, newsletter, journalism, readers ...)
  together with the site speaking as "we/our/us" outside quotation marks;
- a long run of words with no sentence punctuation (a list of headlines);
- paragraphs made only of URLs.

Blocks continue: after an appeal opener, following paragraphs stay furniture
while they are short (buttons: "Once", "Monthly", "Continue") or still read
like an appeal; after a "Related article" opener, following paragraphs stay
furniture while they are bare URLs or short title-case fragments without
terminal punctuation (the rest of a wrapped headline, "Kremlin Says").
Disclaimer sentences ("The views expressed ... do not necessarily reflect")
are furniture at sentence level.
"""

from __future__ import annotations

import bisect
import re

from ..tries import trie_regex
from . import cues
from .sentences import Paragraph, double_quotes

_OPENER_KINDS = list(cues.FURNITURE_OPENERS.values())
#: All openers in one pattern (one search per paragraph, not one per opener).
_OPENER = re.compile(
    # (up to three marks before the words, none of them a quotation mark:
    # "''Follow us,'' Ms. Gil said" is speech)
    r"^[^\w\"“”„«»'‘’]{0,3}(?:" + "|".join(f"(?P<o{i}>{pat})" for i, pat in enumerate(cues.FURNITURE_OPENERS)) + ")", re.I
)
#: The appeal words in the three casings they count in.
_APPEAL_CASINGS = frozenset(v for w in cues.APPEAL_WORDS for v in (w.lower(), w.capitalize(), w.upper()))
_APPEAL = re.compile(  # a prefix tree, case-sensitive over three casings: fast on whole texts
    r"\b(?:"  # (\b rather than a look-behind: the same matches, failing faster inside words)
    + trie_regex(sorted(_APPEAL_CASINGS))
    + r")(?!\w)"
)
_APPEAL_LOWER = sorted({w.lower() for w in cues.APPEAL_WORDS})


def _appeal_positions(text: str) -> list[int]:
    """Where _APPEAL matches in ``text``, sorted. Found with ``str.find`` on
    the lower-cased text, each hit then checked for word edges and casing:
    the same positions as the regex in half the time (25 against 43 ms over
    300 PolNeAR articles), for a scan every text gets."""
    low = text.lower()
    if len(low) != len(text):  # ("İ" lowers to two characters: offsets would shift)
        return [m.start() for m in _APPEAL.finditer(text)]
    out = []
    n = len(text)
    for w in _APPEAL_LOWER:
        i = low.find(w)
        while i >= 0:
            j = i + len(w)
            if (
                (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_"))
                and (j >= n or not (text[j].isalnum() or text[j] == "_"))
                and text[i:j] in _APPEAL_CASINGS
            ):
                out.append(i)
            i = low.find(w, j)
    out.sort()
    return out


_WE = re.compile(r"(?<!\w)(?:we|our|us|ours)(?!\w)", re.I)
_URL_LINE = re.compile(r"^(?:\s*(?:https?://|www\.)\S*\s*|\s*\S+/\S*\s*)$")
_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
_DISCLAIMER = re.compile("|".join(f"(?:{p})" for p in cues.DISCLAIMER_PATTERNS), re.I | re.S)


def _outside_quotes(text: str, para: Paragraph) -> str:
    """The paragraph with quoted material blanked out."""
    chunk = list(text[para.start : para.end])
    for qs, qe in double_quotes(text, para.start, para.end):
        for i in range(qs - para.start, qe - para.start):
            chunk[i] = " "
    return "".join(chunk)


def _opener(body: str) -> str | None:
    m = _OPENER.match(body)
    if m is None:
        return None
    return _OPENER_KINDS[int(m.lastgroup[1:])]


def _appeal_score(text: str, para: Paragraph) -> tuple[int, bool]:
    """(appeal words, does the site speak as "we") outside quotations."""
    body = _outside_quotes(text, para)
    return len(_APPEAL.findall(body)), bool(_WE.search(body))


def _is_appeal(score: int, we: bool, body: str) -> bool:
    """Dense appeal vocabulary, with the site speaking as "we" or without.
    Density, not a count: a long news paragraph about campaign "support" and
    "ads" reaches any count."""
    if score < 2:
        return False
    words = len(_WORD.findall(body))
    if we and words <= score * cues.APPEAL_WORDS_PER_HIT_WE:
        return True
    return score >= 3 and words <= score * cues.APPEAL_WORDS_PER_HIT


def _is_url_block(body: str) -> bool:
    if "/" not in body and "www." not in body:
        return False  # (every line needs one: most paragraphs are not split)
    lines = [ln for ln in body.splitlines() if ln.strip()]
    return bool(lines) and all(_URL_LINE.match(ln) and ("/" in ln or "www." in ln) for ln in lines)


def _is_headline_fragment(body: str) -> bool:
    """A short title-case run without terminal punctuation ("Kremlin Says")."""
    if re.search(r"[.!?:;][\"”’»)\]]*\s*$", body):
        return False
    words = _WORD.findall(body)
    if not words or len(words) > cues.HEADLINE_FRAGMENT_MAX_WORDS:
        return False
    caps = sum(1 for w in words if w[0].isupper())
    return caps >= max(1, len(words) - 1) or caps / len(words) >= 0.6


_SENTENCE_PUNCT = re.compile(r"[.!?][\"'”’»)\]]*(?:\s|$)")


def _is_headline_list(body: str) -> bool:
    """Many words with no sentence punctuation. Clauses joined by ";", or a
    paragraph in parentheses, are prose: "(Reporting by A in Brussels and B
    in Stockholm; Editing by C)" is a credit line, not a list."""
    stripped = body.strip()
    if _SENTENCE_PUNCT.search(body) or stripped.endswith(":") or ";" in body or stripped[:1] == "(" and stripped[-1:] == ")":
        return False  # (":" introduces a quote)
    return len(_WORD.findall(body)) >= cues.HEADLINE_LIST_MIN_WORDS


def furniture_paragraphs(text: str, paras: list[Paragraph]) -> set[int]:
    """Indices of paragraphs that are site furniture."""
    out: set[int] = set()
    block: str | None = None
    appeal_at = _appeal_positions(text)  # one scan of the text
    for p in paras:
        body = text[p.start : p.end]
        kind = _opener(body)
        if kind is not None:
            out.add(p.index)
            block = kind
            continue
        if _is_url_block(body):
            out.add(p.index)
            continue
        if _is_headline_list(body):
            out.add(p.index)
            block = None
            continue
        if block != "appeal" and not _has_appeal_word(appeal_at, p):
            score, we = 0, False  # nothing to count: skip blanking the quotes
        else:
            score, we = _appeal_score(text, p)
        if block == "appeal" and (score >= 1 or we or len(_WORD.findall(body)) <= 5):
            out.add(p.index)
            continue
        if block in ("related", "links") and _is_headline_fragment(body):
            out.add(p.index)
            continue
        if _is_appeal(score, we, body):
            out.add(p.index)
            block = "appeal"
            continue
        block = None
    return out


def _has_appeal_word(positions: list[int], para: Paragraph) -> bool:
    i = bisect.bisect_left(positions, para.start)
    return i < len(positions) and positions[i] < para.end


def is_disclaimer(sentence: str) -> bool:
    """Is this sentence (or text) an editorial disclaimer?"""
    folded = sentence.casefold()
    if not any(w in folded for w in cues.DISCLAIMER_WORDS):
        return False
    return _DISCLAIMER.search(sentence) is not None

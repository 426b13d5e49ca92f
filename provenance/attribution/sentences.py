"""Paragraphs, sentences and quotations, with offsets into the original text.

Why not a library segmenter: the inputs are print dumps whose lines are
hard-wrapped mid-sentence, whose paragraphs are sometimes blank-line
separated and sometimes one per line, with NBSP between words. Every span we
return indexes the untouched text, so ``text[start:end]`` is always the
sentence; we never normalise the text itself.

Rules:
- Paragraphs are blank-line separated blocks, except that in a block with a
  line longer than a print wrap (and in a document without blank lines),
  each line ending a sentence (or short, like a title) ends a paragraph, and
  wrapped lines are joined.
- Sentences end at ``.!?`` (plus closing quotes/brackets) followed by
  whitespace and an upper-case letter, digit or opening quote — but not after
  an abbreviation ("U.S.", "Nov.") or an initial, and never inside a
  balanced quotation (so a multi-sentence quote stays with its "she said").
- Quotations are balanced pairs: curly/straight double quotes and guillemets
  at the top level; single quotes (curly or straight, told apart from
  apostrophes) inside them or, when a paragraph has no double quotes, at the
  top level. An unbalanced mark is ignored, never an error.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from typing import NamedTuple

from . import cues

OPEN_DOUBLE = "“«„"
CLOSE_DOUBLE = "”»"
OPEN_SINGLE = "‘‹"
CLOSE_SINGLE = "’›"
ALL_QUOTES = "\"'“”«»„‘’‹›"
#: Marks that open / close a double quotation, the straight mark included.
OPENERS = OPEN_DOUBLE + '"'
CLOSERS = CLOSE_DOUBLE + '"'


# (Named tuples, not frozen dataclasses: every text makes thousands, and a
# tuple is built in half the time.)
class Paragraph(NamedTuple):
    index: int
    start: int
    end: int


class Sentence(NamedTuple):
    start: int
    end: int
    paragraph: int


_BLANK = re.compile(r"\n[ \t\r\f\v\u00a0\u2000-\u200b\u3000]*\n")
_TERMINAL_LINE = re.compile(r"[.!?:;\"'”’»)\]]\s*$")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] == "\ufeff"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == "\ufeff"):
        end -= 1
    return start, end


def paragraphs(text: str) -> list[Paragraph]:
    """Split ``text`` into paragraphs (trimmed, non-empty), with offsets."""
    blocks: list[tuple[int, int]] = []
    pos = 0
    for m in _BLANK.finditer(text):
        blocks.append((pos, m.start()))
        pos = m.end() - 1
    blocks.append((pos, len(text)))
    spans: list[tuple[int, int]] = []
    for start, end in blocks:
        if len(blocks) == 1 or _has_long_line(text, start, end):
            spans.extend(_line_paragraphs(text, start, end))
        else:
            spans.append((start, end))
    out: list[Paragraph] = []
    for s, e in spans:
        s, e = _trim(text, s, e)
        if e > s:
            out.append(Paragraph(len(out), s, e))
    return out


def _has_long_line(text: str, start: int, end: int) -> bool:
    """Does a line of this block run longer than a print wrap? Then its line
    breaks are paragraph breaks (a site that puts blank lines after a title
    but single newlines between paragraphs), not hard wraps."""
    nl = text.find("\n", start, end)
    while nl != -1:
        if nl - start > cues.HARD_WRAP_MAX_CHARS:
            return True
        start = nl + 1
        nl = text.find("\n", start, end)
    return False  # the last line ends the block: it wraps nothing


def _line_paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """One paragraph per line, except that a line which does not end a
    sentence and is long (a hard wrap) joins the next one."""
    spans: list[tuple[int, int]] = []
    pos = first = start
    for line in text[start:end].splitlines(keepends=True):
        stop = pos + len(line)
        body = line.rstrip()
        last = body.rsplit(None, 1)[-1].lower() if body.split() else ""
        nxt = text[stop : stop + 1]
        short = len(body) < 40 and last not in cues.CONTINUING_WORDS and not nxt.islower()
        if _TERMINAL_LINE.search(body) or short or stop >= end:
            spans.append((first, stop))
            first = stop
        pos = stop
    if first < end:
        spans.append((first, end))
    return spans


_DOUBLE_MARK = re.compile("[" + re.escape(OPEN_DOUBLE + CLOSE_DOUBLE) + '"]')
#: Two apostrophes stand for a straight double quotation mark in some
#: archives' text (''Follow us,'' Ms. Gil said); the alternation costs a
#: scan, so it is used only on ranges that hold one.
_DOUBLE_MARK_APOS = re.compile("''|[" + re.escape(OPEN_DOUBLE + CLOSE_DOUBLE) + '"]')


def _double_marks(text: str, start: int, end: int) -> Iterator[re.Match]:
    """The double quotation marks in ``text[start:end]``, two apostrophes
    among them where the range holds any."""
    marks = _DOUBLE_MARK_APOS if text.find("''", start, end) >= 0 else _DOUBLE_MARK
    return marks.finditer(text, start, end)


def open_quote_at_end(text: str, start: int, end: int) -> int:
    """Where a double quotation left open at the end of ``text[start:end]``
    opens, or -1 (a quotation running over paragraphs leaves one open)."""
    depth, straight, at = 0, -1, -1
    for m in _double_marks(text, start, end):
        i = m.start()
        c = text[i]
        if c in OPEN_DOUBLE:
            if depth == 0:
                at = i
            depth += 1
        elif c in CLOSE_DOUBLE:
            depth = max(0, depth - 1)
        else:  # '"'
            straight = i if straight < 0 else -1
    return at if depth > 0 else straight


_memo = threading.local()


def double_quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Balanced top-level double quotations (memoised per text and range:
    paragraphs, sentences and the statement rules ask for the same ranges)."""
    if getattr(_memo, "text", None) is not text:
        _memo.text = text
        _memo.spans = {}
    key = (start, end)
    hit = _memo.spans.get(key)
    if hit is None:
        hit = _memo.spans[key] = _double_quotes(text, start, end)
    return hit


def _double_quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Balanced top-level double quotations in ``text[start:end]``.

    Each span includes its quote marks. Straight quotes pair left to right;
    curly marks and guillemets nest by depth.
    """
    spans: list[tuple[int, int]] = []
    depth = 0
    open_at = -1
    straight_open = -1
    inner = False  # a straight quotation open inside a curly one
    curly_in_straight = 0  # curly quotations open inside a straight one
    for m in _double_marks(text, start, end):
        i = m.start()
        c = text[i]
        if c in OPEN_DOUBLE:
            if depth == 0 and straight_open < 0:
                open_at = i
            if straight_open < 0:
                depth += 1
            else:
                curly_in_straight += 1
        elif c in CLOSE_DOUBLE:
            if depth > 0 and straight_open < 0:
                depth -= 1
                if depth == 0:
                    inner = False
                    if i + 1 - open_at <= cues.MAX_QUOTE:
                        spans.append((open_at, i + 1))
            elif curly_in_straight:
                curly_in_straight -= 1
            elif depth == 0 and straight_open >= 0:
                # Mixed marks: "Families endure blackouts.” closes a straight
                # opening (one with no curly quotation inside it so far).
                if i + 1 - straight_open <= cues.MAX_QUOTE:
                    spans.append((straight_open, i + 1))
                straight_open = -1
        elif c == '"' and depth == 1 and straight_open < 0:
            # Inside a curly quotation a straight mark opens and closes an
            # inner quotation ("He said "no" to me"), or, unpaired and in
            # a closing place, ends the curly one: “We waited," she said.
            if inner:
                inner = False
            elif _closing_place(text, i, end):
                depth = 0
                if i + 1 - open_at <= cues.MAX_QUOTE:
                    spans.append((open_at, i + 1))
            else:
                inner = True
        elif c == '"' or c == "'":  # (the regex matches "'" only as "''")
            if depth == 0:
                if straight_open < 0:
                    straight_open = i
                else:
                    if m.end() - straight_open <= cues.MAX_QUOTE:
                        spans.append((straight_open, m.end()))
                    straight_open = -1
                    curly_in_straight = 0
    return spans


def _closing_place(text: str, i: int, end: int) -> bool:
    """Does the mark at ``i`` close a quotation: after a word or punctuation,
    before a space, punctuation or the end?"""
    return i > 0 and not text[i - 1].isspace() and (i + 1 >= end or text[i + 1].isspace() or text[i + 1] in ",.;:!?)")


def _is_letter(c: str) -> bool:
    return c.isalpha() or c.isdigit()


def single_quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Balanced single quotations in ``text[start:end]``, apostrophes skipped.

    An opening mark follows a space, start or opening bracket/quote and
    precedes a non-space; a closing mark follows a non-space and is not
    followed by a letter ("it’s", "Russians’ ..." are apostrophes).
    """
    marks = [m.start() for m in _SINGLE_MARK.finditer(text, start, end)]
    spans: list[tuple[int, int]] = []
    k = 0
    while k < len(marks):
        i = marks[k]
        c = text[i]
        k += 1
        if c not in OPEN_SINGLE and c != "'":
            continue
        prev = text[i - 1] if i > start else " "
        nxt = text[i + 1] if i + 1 < end else " "
        if not ((prev.isspace() or prev in "([{“\"«—–-:" or i == start) and not nxt.isspace()):
            continue
        limit = min(end, i + cues.MAX_QUOTE)
        for kk in range(k, len(marks)):
            j = marks[kk]
            if j >= limit:
                break
            d = text[j]
            if d in CLOSE_SINGLE or d == "'":
                after = text[j + 1] if j + 1 < end else " "
                if not text[j - 1].isspace() and not _is_letter(after):
                    spans.append((i, j + 1))
                    k = kk + 1
                    break
    return spans


_SINGLE_MARK = re.compile("[" + re.escape(OPEN_SINGLE + CLOSE_SINGLE) + "']")


def quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Top-level quotations: double quotes, else single quotes."""
    spans = double_quotes(text, start, end)
    return spans if spans else single_quotes(text, start, end)


_SENT_END = re.compile(r"[.!?…]+[\"”’»)\]]*(?=\s)")


def _abbreviation_before(text: str, lo: int, dot: int) -> bool:
    """Is the period at ``dot`` part of an abbreviation or an initial?"""
    j = dot
    while j > lo and not text[j - 1].isspace() and text[j - 1] not in "(\"“‘'":
        j -= 1
    token = text[j : dot + 1].lower()
    if token in cues.ABBREVIATIONS:
        return True
    word = token[:-1]
    return len(word) == 1 and word.isalpha()


def sentences(text: str, para: Paragraph) -> list[Sentence]:
    """Sentences of one paragraph, trimmed, with offsets into ``text``."""
    lo, hi = para.start, para.end
    protected = double_quotes(text, lo, hi)
    cuts: list[int] = []
    for m in _SENT_END.finditer(text, lo, hi):
        dot = m.start()
        if any(qs < dot and m.end() < qe for qs, qe in protected):
            continue
        k = m.end()
        while k < hi and text[k].isspace():
            k += 1
        if k >= hi:
            continue
        nxt = text[k]
        if not (nxt.isupper() or nxt.isdigit() or nxt in ALL_QUOTES or nxt in "([«"):
            continue
        if text[m.start()] == "." and m.end() - m.start() == 1 and _abbreviation_before(text, lo, dot):
            continue
        cuts.append(m.end())
    out: list[Sentence] = []
    pos = lo
    for c in [*cuts, hi]:
        s, e = _trim(text, pos, c)
        # A runaway "sentence" (no punctuation at all) is cut at line breaks.
        while e - s > cues.MAX_SENTENCE:
            nl = text.rfind("\n", s, s + cues.MAX_SENTENCE)
            cut = nl if nl > s else s + cues.MAX_SENTENCE
            s2, e2 = _trim(text, s, cut)
            if e2 > s2:
                out.append(Sentence(s2, e2, para.index))
            s, e = _trim(text, cut, e)
        if e > s:
            out.append(Sentence(s, e, para.index))
        pos = c
    return out

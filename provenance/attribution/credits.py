"""Credits: photo credits, bylines and contribution lines.

Why apart from statements: these are not sentences with a verb but
conventions of page layout, recognised by shape.

- Photo credit: at the end of a line (alone, or after the caption's last
  sentence), "Name / AGENCY [/ AGENCY ...]", where "A via B" also separates
  agencies. ``source`` is the photographer, ``via`` the agencies in order as
  written joined by " / ", ``via_outlet`` the last agency (the one that
  delivered the image to this page). ``cue`` and ``sentence`` are the whole
  credit as written.
- Byline: a line "By Name[, Name and Name]"; ``cue`` is "By". A line that is
  nothing but an outlet's name, near the top of the page, is the outlet's
  byline; its ``cue`` is that name as written.
- Contribution: "X (and Y) contributed reporting / to this report",
  "Additional reporting by X"; ``cue`` is the cue words as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..outlets import Gazetteer, fold
from . import cues
from .names import NameIndex, Source, classify, collapse, is_capitalised, is_particle
from .sentences import Paragraph, Sentence


@dataclass
class Credit:
    kind: str
    rule: str
    start: int
    end: int
    cue_start: int
    cue_end: int
    source: Source
    via: str | None = None
    via_mention: str | None = None


_LINE = re.compile(r"[^\n]+")
_CAPTION_END = re.compile(r"[.!?][\"”’)]*\s+")
_AGENCY_SPLIT = re.compile(r"\s*/\s*|\s+via\s+")
_NAME_WORD = re.compile(r"^[^\W\d_][\w.'’\-]*$")


def _name_like(part: str, max_words: int = 5) -> bool:
    words = part.split()
    if not words or len(words) > max_words:
        return False
    if not is_capitalised(words[0]):
        return False
    for w in words:
        if not _NAME_WORD.match(w):
            return False
        if not (is_capitalised(w) or is_particle(w)):
            return False
    return True


def photo_credits(text: str, paras: list[Paragraph], skip: set[int], gaz: Gazetteer, names: NameIndex) -> Iterator[Credit]:
    for p in paras:
        if p.index in skip or text.find("/", p.start, p.end) < 0:
            continue  # every credit has a slash
        for m in _LINE.finditer(text, p.start, p.end):
            line_start, line_end = m.start(), m.end()
            while line_end > line_start and text[line_end - 1].isspace():
                line_end -= 1
            # The credit is what follows the caption's last sentence.
            start = line_start
            for e in _CAPTION_END.finditer(text, line_start, line_end):
                start = e.end()
            while start < line_end and text[start].isspace():
                start += 1
            chunk = text[start:line_end]
            if "/" not in chunk or "://" in chunk or "www." in chunk:
                continue
            if len(chunk.split()) > cues.CREDIT_MAX_WORDS:
                continue
            parts = [collapse(x) for x in _AGENCY_SPLIT.split(chunk)]
            if len(parts) < 2 or not all(_name_like(x) for x in parts):
                continue
            photographer = classify(parts[0], gaz, names, start)
            if photographer is None:
                continue
            if photographer.source_type not in ("person", "outlet"):
                photographer.source_type = "person"
                photographer.source = parts[0]
            yield Credit(
                "photo_credit", "credit.photo", start, line_end, start, line_end,
                photographer, via=" / ".join(parts[1:]), via_mention=parts[-1],
            )


_BYLINE = re.compile(r"^[ \t\u00a0]*(By)[ \t\u00a0]+(\S.*?)[ \t\u00a0]*$", re.M)
_SPLIT_AUTHORS = re.compile(r"\s*,\s*|\s+and\s+|\s*&\s*")


def bylines(text: str, paras: list[Paragraph], skip: set[int], gaz: Gazetteer, names: NameIndex) -> Iterator[Credit]:
    for p in paras:
        if p.index in skip:
            continue
        for m in (_BYLINE.finditer(text, p.start, p.end) if text.find("By", p.start, p.end) >= 0 else ()):
            authors = m.group(2)
            if not all(_name_like(a) for a in _SPLIT_AUTHORS.split(authors)):
                continue
            line_s = m.start(1)
            line_e = m.end(2)
            pos = m.start(2)
            for name in _SPLIT_AUTHORS.split(authors):
                name = name.strip()
                if not name:
                    continue
                src = classify(name, gaz, names, pos)
                if src is None:
                    continue
                if src.source_type not in ("person", "outlet"):
                    src.source_type, src.source = "person", collapse(name)
                yield Credit("byline", "credit.byline", line_s, line_e, m.start(1), m.end(1), src)
        if p.index < cues.BYLINE_PARAGRAPHS and p.end - p.start <= cues.BYLINE_OUTLET_MAX_CHARS and "\n" not in text[p.start : p.end]:
            body = text[p.start : p.end]
            outlet = gaz.resolve(body)
            if outlet is not None and fold(body) in {fold(n) for n in (outlet.name, *outlet.aliases)}:
                yield Credit(
                    "byline", "credit.byline_outlet", p.start, p.end, p.start, p.end,
                    Source(outlet.name, collapse(body), "outlet", source_outlet=outlet.id),
                )


_CONTRIB = re.compile(
    r"(?P<cue>contributed\s+(?:reporting|reports|to\s+this\s+(?:report|article|story)))"
)
_ADDITIONAL = re.compile(r"(?P<cue>(?:[Aa]dditional\s+)?[Rr]eporting\s+by)\s+(?P<who>[^.;\n]{1,120})")


def contributions(text: str, sentences: list[Sentence], gaz: Gazetteer, names: NameIndex) -> Iterator[Credit]:
    for s in sentences:
        if text.find("ontribut", s.start, s.end) < 0 and text.find("eporting", s.start, s.end) < 0:
            continue  # neither cue can be in this sentence
        body = text[s.start : s.end]
        m = _CONTRIB.search(body)
        if m:
            who = body[: m.start()]
            for name in _SPLIT_AUTHORS.split(collapse(who)):
                if name and _name_like(name, 6):
                    src = classify(name, gaz, names, s.start)
                    if src is not None:
                        yield Credit("contribution", "credit.contribution", s.start, s.end,
                                     s.start + m.start("cue"), s.start + m.end("cue"), src)
            continue
        m = _ADDITIONAL.search(body)
        if m and (m.start() == 0 or body[: m.start()].rstrip().endswith((".", ";", "(", "—"))):
            for name in _SPLIT_AUTHORS.split(collapse(m.group("who"))):
                name = name.strip(" .")
                if name and _name_like(name, 6):
                    src = classify(name, gaz, names, s.start)
                    if src is not None:
                        yield Credit("contribution", "credit.contribution", s.start, s.end,
                                     s.start + m.start("cue"), s.start + m.end("cue"), src)

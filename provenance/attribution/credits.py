"""Credits: photo credits, bylines and contribution lines.

Why apart from statements: these are not sentences with a verb but
conventions of page layout, recognised by shape.

- Photo credit: at the end of a line (alone, or after the caption's last
  sentence), "Name / AGENCY [/ AGENCY ...]", where "A via B" also separates
  agencies. ``source`` is the photographer, ``via`` the agencies in order as
  written joined by " / ", ``via_outlet`` the last agency (the one that
  delivered the image to this page). ``cue`` and ``sentence`` are the whole
  credit as written.
- Byline: a line "By Name[, Name and Name]" (or "BYLINE: Name", as news
  databases export them); ``cue`` is "By" (or "BYLINE:"). A line that is
  nothing but an outlet's name, near the top of the page, is the outlet's
  byline; its ``cue`` is that name as written. A page whose text has no
  byline but whose metadata names authors gets one byline per author with
  no place in the text (offsets 0, 0; rule ``credit.byline_metadata``).
- Dateline: "WASHINGTON (AP) —", "ORLANDO, Fla. (Reuters) -", "(CNN) —"
  opening one of the first paragraphs: the agency in brackets, when the
  gazetteer knows it, delivered the story. Kind ``byline``, ``cue`` the
  bracketed name with its brackets, ``source`` the outlet.
- Contribution: "X (and Y) contributed reporting / to this report",
  "Additional reporting by X", "(Reporting by X; Writing by Y; Editing by
  Z)" (reporters and writer, not editors); ``cue`` is the cue words as
  written.
- Dash credit: a quotation followed by a dash and who said it, closing the
  paragraph ("“...” ― Sonya Herridge, 34") or as a paragraph of its own
  under a paragraph that is one quotation (a pull quote). Kind
  ``statement``, ``cue`` the dash, ``source`` the name (a descriptor after a
  comma is left out), ``quote`` the quotation.
- Embedded post: the signature a post embedded from Twitter/X leaves in the
  text, "— Name (@handle) July 5, 2016", after the post's text in the same
  paragraph or the one before (HTML embeds put it in a paragraph of its
  own). Kind ``statement``, ``via`` the platform, ``quote`` the post.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Outlet
from ..outlets import Gazetteer, fold
from . import cues
from .names import NameIndex, Source, classify, collapse, is_capitalised, is_particle
from .sentences import CLOSERS, OPENERS, Paragraph, Sentence, double_quotes


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
    quote: str | None = None


_LINE = re.compile(r"[^\n]+")
_CAPTION_END = re.compile(r"[.!?][\"”’)]*\s+")
_AGENCY_SPLIT = re.compile(r"\s*/\s*|\s+via\s+")
_NAME_WORD = re.compile(r"^[^\W\d_][\w.'’\-]*$")
#: A label before a photo credit: "Photo: ", "Фото: ", "Photo by ", "Image: ".
_PHOTO_LABEL = re.compile(
    r"(?:photo(?:graph)?s?(?:\s+credit)?|images?|pictures?|credit|фото(?:графия)?|снимок)\s*(?::|\s+by\b|[-–—])\s*",
    re.I,
)


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


#: "AP Photo", "Reuters Pictures": an agency's name for its photo desk.
_PHOTO_SUFFIX = re.compile(r"\s+(?:Photos?|Pictures|Images)$")


def _agency_first(parts: list[str], gaz: Gazetteer) -> bool:
    """Does the credit name the agency first, then the photographer, as AP
    and Reuters write theirs ("AP Photo/Evan Vucci", "REUTERS/Kevin
    Lamarque"), where the seed articles write "Ahmed Mardnly / EPA"?"""
    first, last = parts
    return gaz.resolve(_PHOTO_SUFFIX.sub("", first)) is not None and gaz.resolve(last) is None and len(last.split()) >= 2


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
            end = line_end
            if text[start : start + 1] == "(" and text[end - 1 : end] == ")":
                start, end = start + 1, end - 1  # "(Photo: Sergei Bobylev/TASS)"
            label = _PHOTO_LABEL.match(text, start, end)
            name_start = label.end() if label else start  # "Photo: ", "Фото: ", "Photo by "
            chunk = text[name_start:end]
            if "/" not in chunk or "://" in chunk or "www." in chunk:
                continue
            if len(chunk.split()) > cues.CREDIT_MAX_WORDS:
                continue
            parts = [collapse(x) for x in _AGENCY_SPLIT.split(chunk)]
            if parts[-1].endswith(".") and len(parts[-1].split()[-1]) > 3 and "." not in parts[-1][:-1]:
                parts[-1] = parts[-1][:-1]  # a caption's full stop: "Jim Urquhart / Reuters."
            if len(parts) < 2 or not all(_name_like(x) for x in parts):
                continue
            if _agency_first(parts[:2], gaz):
                # "AP Photo/Evan Vucci", "REUTERS/Kevin Lamarque", "Sputnik/Alexander
                # Kazakov/Pool via REUTERS": the photographer, then the agencies as written.
                parts = [parts[1], _PHOTO_SUFFIX.sub("", parts[0]), *parts[2:]]
            photographer = classify(parts[0], gaz, names, name_start)
            if photographer is None:
                continue
            if photographer.source_type not in ("person", "outlet"):
                photographer.source_type = "person"
                photographer.source = parts[0]
            yield Credit(
                "photo_credit", "credit.photo", start, end, start, end,
                photographer, via=" / ".join(parts[1:]), via_mention=parts[-1],
            )


_BYLINE = re.compile(r"^[ \t\u00a0]*(By|BYLINE:|Byline:)[ \t\u00a0]+(\S.*?)[ \t\u00a0]*$", re.M)
#: Authors are separated by commas, "and", "&", "|" or (in page metadata,
#: where trafilatura joins several authors) semicolons.
_SPLIT_AUTHORS = re.compile(r"\s*[,;|]\s*|\s+and\s+|\s*&\s*")
_BY_PREFIX = re.compile(r"^\s*by\s+", re.I)


def _outlet_after_name(part: str, gaz: Gazetteer) -> list[str]:
    """"JOHN ROE Associated Press" (AP's byline style): the author and the
    outlet, when the part ends in a name the gazetteer knows exactly."""
    words = part.split()
    for k in range(2, len(words)):  # (a first name and a surname before it: not "Mark Reuters")
        tail = " ".join(words[k:])
        if _outlet_named_exactly(tail, gaz) is not None:
            return [" ".join(words[:k]), tail]
    return [part]


def _outlet_named_exactly(mention: str, gaz: Gazetteer) -> Outlet | None:
    """The outlet ``mention`` is the name or an alias of, whole ("Reuters",
    not "Reuters reporters")."""
    outlet = gaz.resolve(mention)
    return outlet if outlet is not None and fold(mention) in {fold(n) for n in (outlet.name, *outlet.aliases)} else None


def byline_sources(authors: str, gaz: Gazetteer, names: NameIndex, pos: int = 0) -> list[Source]:
    """Each author of a byline as a source, or none when any part is not a
    name ("By the end of the day" is no byline): a person, or an outlet when
    the gazetteer knows the name."""
    parts = [piece for a in _SPLIT_AUTHORS.split(authors) for piece in _outlet_after_name(a.strip(), gaz)]
    if not all(_name_like(a) for a in parts):
        return []
    found = []
    for name in parts:
        src = classify(name, gaz, names, pos)
        if src is None:
            continue
        if src.source_type not in ("person", "outlet"):
            src.source_type, src.source = "person", collapse(name)
        found.append(src)
    return found


def metadata_bylines(byline: str, gaz: Gazetteer, names: NameIndex) -> list[Source]:
    """The authors a page's metadata names (``<meta name="author">``, or what
    trafilatura read off the page) when its text has no byline line: HTML
    extraction takes the byline out of the article text."""
    return byline_sources(_BY_PREFIX.sub("", collapse(byline)), gaz, names)


def bylines(text: str, paras: list[Paragraph], skip: set[int], gaz: Gazetteer, names: NameIndex) -> Iterator[Credit]:
    for p in paras:
        if p.index in skip:
            continue
        has_by = text.find("By", p.start, p.end) >= 0 or text.find("BYLINE:", p.start, p.end) >= 0
        for m in (_BYLINE.finditer(text, p.start, p.end) if has_by else ()):
            for src in byline_sources(m.group(2), gaz, names, m.start(2)):
                yield Credit("byline", "credit.byline", m.start(1), m.end(2), m.start(1), m.end(1), src)
        if p.index < cues.BYLINE_PARAGRAPHS and p.end - p.start <= cues.BYLINE_OUTLET_MAX_CHARS and "\n" not in text[p.start : p.end]:
            body = text[p.start : p.end]
            outlet = _outlet_named_exactly(body, gaz)
            if outlet is not None:
                yield Credit(
                    "byline", "credit.byline_outlet", p.start, p.end, p.start, p.end,
                    Source(outlet.name, collapse(body), "outlet", source_outlet=outlet.id),
                )


#: "WASHINGTON (AP) —", "ANKARA, Jan 23 (AFP) -": an optional place and
#: date (words, commas, abbreviations, numbers), the agency in brackets, a
#: dash.
_DATELINE = re.compile(
    r"(?:[^\W\d_][\w.'’\-/]*(?:,?" + r"[ \t\u00a0]+[^\W_][\w.'’\-/]*){0,5}[ \t\u00a0]*)?"
    r"(?P<cue>\((?P<agency>[^\W\d_][^()\n]{0,40})\))(?:[ \t\u00a0]*(?:[—―–]|--?)|(?=[ \t\u00a0]+[A-Z“\"]))"
)  # (PTI and IANS put no dash: "New Delhi, June 1 (PTI) The monsoon ...")


def datelines(text: str, paras: list[Paragraph], skip: set[int], gaz: Gazetteer) -> Iterator[Credit]:
    for p in paras:
        if p.index >= cues.BYLINE_PARAGRAPHS:
            break
        if p.index in skip:
            continue
        m = _DATELINE.match(text, p.start, p.end) if text.find("(", p.start, p.start + 80) >= 0 else None
        if m is None:
            continue
        outlet = gaz.resolve(m.group("agency"))
        if outlet is None:
            continue  # "Sen. Ted Cruz (R-Texas) —"
        yield Credit(
            "byline", "credit.dateline", p.start, m.end(), m.start("cue"), m.end("cue"),
            Source(outlet.name, collapse(m.group("agency")), "outlet", source_outlet=outlet.id),
        )


_CONTRIB = re.compile(
    r"(?P<cue>contributed(?:\s+(?:reporting|reports|to\s+this\s+(?:report|article|story))|(?=\.\s*$)))"
)
_ADDITIONAL = re.compile(
    r"(?P<cue>(?:[Aa]dditional\s+)?[Rr]eporting(?:\s+and\s+writing)?\s+by|[Ww]riting\s+by|Contribut(?:ing|ors?):"
    r"|[Ww]ith\s+assistance\s+from)\s+(?P<who>[^.;()\n]{1,120})"
)
#: "Associated Press writers ...", "Reuters correspondent ...": an outlet's staff.
_STAFF_PREFIX = re.compile(
    r"^(?:(?P<outlet>[A-Z][^,;]{1,60}?)\s+)?(?:[Ss]taff\s+)?(?:[Ww]riters?|[Rr]eporters?|[Cc]orrespondents?|[Jj]ournalists?)\s+(?=[A-Z])"
)
#: The place after a reporter's name in a credit line: "Dmitry Antonov in Moscow".
_IN_PLACE = re.compile(r"\s+in\s+[A-Z][\w.’'\- ]*$")


def contributions(text: str, sentences: list[Sentence], gaz: Gazetteer, names: NameIndex) -> Iterator[Credit]:
    for s in sentences:
        if text.find("ontribut", s.start, s.end) < 0 and text.find("eporting", s.start, s.end) < 0 and (
            text.find("riting by", s.start, s.end) < 0 and text.find("ssistance from", s.start, s.end) < 0
        ):
            continue  # no cue can be in this sentence
        body = text[s.start : s.end]
        m = _CONTRIB.search(body)
        if m:
            who = collapse(body[: m.start()])
            # "Associated Press writers A in Kyiv and B in Brussels": the
            # outlet the reporters write for is the channel of their credit.
            staff = _STAFF_PREFIX.match(who)
            outlet = gaz.resolve(staff.group("outlet")) if staff and staff.group("outlet") else None
            if staff is not None:
                who = who[staff.end() :]
            for name in _SPLIT_AUTHORS.split(who):
                name = _IN_PLACE.sub("", name.strip(" ."))
                if name and _name_like(name, 6):
                    src = classify(name, gaz, names, s.start)
                    if src is not None:
                        yield Credit("contribution", "credit.contribution", s.start, s.end,
                                     s.start + m.start("cue"), s.start + m.end("cue"), src,
                                     via=outlet.name if outlet else None, via_mention=outlet.name if outlet else None)
            continue
        # "(Reporting by A; Writing by B; Editing by C)": the reporters and
        # the writer; editors are no source.
        for m in _ADDITIONAL.finditer(body):
            if m.start() and not body[: m.start()].rstrip().endswith((".", ";", "(", "—")):
                continue
            for name in _SPLIT_AUTHORS.split(collapse(m.group("who"))):
                name = _IN_PLACE.sub("", name.strip(" ."))
                if name and _name_like(name, 6):
                    src = classify(name, gaz, names, s.start)
                    if src is not None:
                        yield Credit("contribution", "credit.contribution", s.start, s.end,
                                     s.start + m.start("cue"), s.start + m.end("cue"), src)


_SP = r"[ \t\u00a0]"
#: "— Paul Ryan (@SpeakerRyan) July 5, 2016": an embedded post's signature.
_POST_SIGNATURE = re.compile(
    r"(?P<cue>[—―–])" + _SP + r"*(?P<who>[^\n—―–()@]{1,80}?)" + _SP + r"*\((?P<handle>@\w{1,30})\)"
    + _SP + r"*(?P<date>[A-Z][a-z]{2,8}\.?" + _SP + r"+\d{1,2}," + _SP + r"+\d{4})"
)
#: A dash that can open a credit: after a space, a closing quote or at the
#: start of a line, before a letter ("― Name", "”― Name", "-Name", "-- Name").
_CREDIT_DASH = re.compile(r"(?:^|(?<=[\s”\"»]))(?:[—―–]|--?)(?=" + _SP + r"*[^\W\d_])", re.M)
_MARKUP = re.compile(r"<[^<>\n]{0,300}>")


def _post_text(text: str, start: int, end: int) -> str | None:
    """The words of a post as written, without markup around them."""
    return collapse(_MARKUP.sub(" ", text[start:end])) or None


def _is_quotation(text: str, p: Paragraph) -> bool:
    """Is the paragraph one quotation ("“...”", "“...”.")?"""
    body = text[p.start : p.end].rstrip(".")
    return len(body) > 2 and body[0] in OPENERS and body[-1] in CLOSERS


def _dash_credit_name(credit: str) -> str | None:
    """The name in "Name[, descriptor]" after a dash, if it is one."""
    if len(credit.split()) > cues.DASH_CREDIT_MAX_WORDS:
        return None
    name = collapse(credit.split(",", 1)[0]).rstrip(".")
    return name if _name_like(name, cues.DASH_CREDIT_NAME_WORDS) else None


def quote_credits(text: str, paras: list[Paragraph], skip: set[int], gaz: Gazetteer, names: NameIndex) -> Iterator[Credit]:
    """Dash credits and embedded posts (see the module docstring)."""
    prev: Paragraph | None = None
    platform = gaz.resolve(cues.PLATFORM_VERBS["tweeted"])
    for p in paras:
        if p.index in skip:
            continue
        body_start = p.start
        credited = False
        signed = text.find("(@", p.start, p.end) >= 0  # every post signature has a handle
        for m in _POST_SIGNATURE.finditer(text, p.start, p.end) if signed else ():
            src = classify(m.group("who"), gaz, names, m.start("who"))
            if src is None:
                continue
            start, quote = body_start, _post_text(text, body_start, m.start())
            if quote is None and prev is not None:
                start, quote = prev.start, _post_text(text, prev.start, prev.end)
            credited = True
            yield Credit(
                "statement", "statement.post", start, m.end("date"), m.start("cue"), m.end("cue"), src,
                via=platform.name if platform else None, via_mention=platform.name if platform else None, quote=quote,
            )
            body_start = m.end()
        if not credited and _may_hold_credit_dash(text, p.start, p.end) and (
            _has_closing_quote(text, p.start, p.end) or (prev is not None and _is_quotation(text, prev))
        ):
            yield from _dash_credit(text, p, prev, gaz, names)
        elif not credited and text.find("\n", p.start, p.end) < 0 and _may_hold_credit_dash(text, p.start, p.end):
            credit = _headline_credit(text, p, gaz, names)
            if credit is not None:
                yield credit
        prev = p


#: A headline credited to its speaker after a dash: "Russia to respond to
#: new sanctions - Zakharova".
_HEADLINE_CREDIT = re.compile(r"(?P<claim>[^\n.!?]{12,200}?)\s+(?P<dash>[—―–]|--?)\s+(?P<name>[^\W\d_][^\n,.!?]{1,40}?)\.?\s*$")


def _headline_credit(text: str, p: Paragraph, gaz: Gazetteer, names: NameIndex) -> Credit | None:
    """A one-line paragraph, a headline, ending in a dash and a person's name
    (as news agencies headline a quote). Not a site's name after a page
    title ("... - The Moscow Times"): the name must be a person's."""
    m = _HEADLINE_CREDIT.match(text, p.start, p.end)
    if m is None or len(m.group("claim").split()) < 4 or len(text[p.start : p.end].split()) > cues.CREDIT_MAX_WORDS * 2:
        return None
    words = m.group("claim").split()
    if sum(is_capitalised(w) for w in words) > 0.6 * len(words):
        return None  # a Title Case headline: what follows its dash is more title
    name = _dash_credit_name(m.group("name"))
    window = cues.HEADLINE_NAME_WINDOW  # (bounded: a page of dash lines must not scan the text for each)
    if name and text.find(name.split()[-1], p.end, p.end + window) < 0 and (
        text.rfind(name.split()[-1], max(0, p.start - window), p.start) < 0
    ):
        return None  # a speaker's name comes back in the story
    src = classify(name, gaz, names, m.start("name")) if name else None
    if src is None or src.source_type != "person" or gaz.resolve(name) is not None:
        return None
    return Credit("statement", "statement.dash_credit", p.start, p.end, m.start("dash"), m.end("dash"), src,
                  quote=collapse(m.group("claim")))


def _has_closing_quote(text: str, start: int, end: int) -> bool:
    return any(text.find(c, start, end) >= 0 for c in CLOSERS)


def _may_hold_credit_dash(text: str, start: int, end: int) -> bool:
    """A cheap test before the credit regex (measured: 20 times cheaper than
    a regex search): a dash, or a hyphen after a space, a line break or a
    closing quote (most hyphens sit inside words)."""
    i = text.find("-", start, end)
    while i >= 0:
        if i == start or text[i - 1] in " \t\n\u00a0”\"":
            return True
        i = text.find("-", i + 1, end)
    return text.find("—", start, end) >= 0 or text.find("―", start, end) >= 0 or text.find("–", start, end) >= 0


def _dash_credit(text: str, p: Paragraph, prev: Paragraph | None, gaz: Gazetteer, names: NameIndex) -> Iterator[Credit]:
    # A credit closes a line: lists of quotations often sit one per line.
    tail = cues.DASH_CREDIT_MAX_WORDS * 20  # characters: no credit is longer
    for line in _LINE.finditer(text, p.start, p.end):
        ls, le = line.span()
        found = None
        for found in _CREDIT_DASH.finditer(text, max(ls, le - tail), le):
            pass  # the last one: a credit ends its line
        if found is None:
            continue
        dash, dash_end = found.span()
        name = _dash_credit_name(text[dash_end:le])
        if name is None:
            continue
        before = text[ls:dash].rstrip()
        if before and before[-1] in CLOSERS:
            close = ls + len(before)
            spans = [q for q in double_quotes(text, p.start, p.end) if q[1] == close]
            if spans:
                start = spans[0][0]
            elif text[ls] in OPENERS:
                start = ls
            else:
                continue
            quote = collapse(text[start + 1 : close - 1])
        elif not before and ls == p.start and prev is not None and _is_quotation(text, prev):
            start = prev.start
            quote = collapse(text[prev.start : prev.end].rstrip(".")[1:-1])
        else:
            continue
        src = classify(name, gaz, names, dash_end)
        if src is not None:
            end = le - (len(text[ls:le]) - len(text[ls:le].rstrip()))
            yield Credit("statement", "statement.dash_credit", start, end, dash, dash_end, src, quote=quote or None)

"""Loading: files on disk -> Document (plus the anchors of HTML pages).

Plain text is kept exactly as decoded, so every offset the extractors report
indexes the file's own characters; only a leading byte-order mark is dropped.
Non-breaking spaces, CRLF line ends and hard-wrapped lines stay as they are:
the extractors treat them as whitespace instead of rewriting the evidence.

HTML goes through trafilatura, the best-measured open main-text extractor,
for the article body, title, byline and date; its body tree marks the links
that sit inside the article (``ref`` elements), so we serialise that tree
ourselves and record each anchor's exact position in the text we store.
beautifulsoup4 decodes the bytes (HTTP header-free files: BOM, ``<meta
charset>``, then detection) and reads rel=canonical and og:url from the head.
"""

from __future__ import annotations

import re
import warnings
from html.parser import HTMLParser
from urllib.parse import urljoin
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup, SoupStrainer, UnicodeDammit

from .model import Document

TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES

#: Inputs larger than this are refused rather than read whole into memory.
MAX_INPUT_BYTES = 64 * 1024 * 1024
#: A NUL byte in this many leading bytes marks a file as binary (unless it
#: is UTF-16/32); control characters are counted over as many characters.
BINARY_SNIFF_BYTES = 8192
#: More than this share of control characters is binary data, not text.
CONTROL_CHAR_SHARE = 0.01
#: Byte-order marks, longest first (the UTF-32 LE mark starts like UTF-16's).
BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"),
)
#: Encoding detection looks at this many leading bytes...
DETECT_BYTES = 256 * 1024
#: ...and its guess is used only when charset_normalizer's "chaos" (how
#: garbled the decoded text looks, 0..1) is at most this.
MAX_DETECTION_CHAOS = 0.1
#: Encodings a detected guess may be. News text that is not UTF-8 comes in
#: these; DOS and Mac code pages and Korean cp949 are left out because
#: random bytes and junk decode "cleanly" into them.
DETECTABLE_ENCODINGS = frozenset({
    "utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be",
    "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257",
    "latin_1", "iso8859_2", "iso8859_5", "iso8859_7", "iso8859_9", "iso8859_15",
    "koi8_r", "koi8_u", "gb2312", "gbk", "gb18030", "big5", "cp932", "shift_jis", "euc_jp",
})
#: trafilatura elements that start a new block; blocks are separated by a
#: blank line so sentence splitting sees paragraph boundaries.
BLOCK_TAGS = frozenset({"p", "head", "item", "quote", "list", "table", "row", "cell", "code", "div"})
#: The same for plain HTML, read when trafilatura is skipped or finds nothing.
HTML_BLOCK_TAGS = frozenset({
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
    "blockquote", "pre", "table", "tr", "td", "th", "section", "article", "main",
    "figure", "figcaption", "hr", "address",
})
#: Elements that are never article text.
NON_CONTENT_TAGS = frozenset({
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside",
    "form", "button", "svg", "iframe", "select", "head", "title",
})
#: Elements without an end tag.
VOID_TAGS = frozenset({"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "wbr"})
#: Figure captions added after the article text (see _captions): at most
#: this many, each at most this long.
MAX_CAPTIONS = 50
MAX_CAPTION_CHARS = 400
#: Past these sizes a page skips trafilatura (see load_html).
HUGE_HTML_CHARS = 2_000_000
HUGE_HTML_ANCHORS = 5_000


class InputError(Exception):
    """A bad input. ``str(err)`` is one line naming what is wrong with it."""

    def __init__(self, message: str, path: str | Path | None = None) -> None:
        super().__init__(message)
        self.path = str(path) if path is not None else None


@dataclass(frozen=True)
class Anchor:
    """An ``<a href>`` inside an HTML article body, located in the text."""

    href: str
    text: str
    start: int | None
    end: int | None


def load_item(item) -> tuple[Document, list[Anchor]]:
    """Load an ``inputs.Item`` (bytes plus provenance). Raises InputError.

    HTML by suffix or content type, or by sniffing a .txt that holds a whole
    page; anything else must be text.
    """
    data = item.data
    if item.kind == "html" or (item.kind == "auto" and _looks_like_html(data)):
        if b"\x00" in data[:BINARY_SNIFF_BYTES] and not data.startswith(tuple(b for b, _ in BOMS)):
            raise InputError(f"{item.name}: binary file, not HTML")
        document, anchors = load_html(data, path=item.path, url=item.url, name=item.name)
    else:
        if item.kind == "auto" and Path(item.path).suffix.lower() not in TEXT_SUFFIXES:
            suffix = Path(item.path).suffix
            raise InputError(
                f"{item.name}: unsupported file type {suffix or '(none)'!r}: expected .txt, .html, .htm or .warc"
            )
        document, anchors = load_text(data, path=item.path, name=item.name), []
        document.url = item.url
    document.origin = item.origin
    return document, anchors


def _looks_like_html(data: bytes) -> bool:
    head = data[:512].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Decode article bytes; return (text, encoding) or raise InputError.

    UTF-8 first, as nearly all text is; a byte-order mark settles UTF-16/32;
    anything else is offered to charset_normalizer, and its answer is kept
    only when the result reads as text. Binary data is refused: NUL bytes
    outside UTF-16/32, or control characters beyond CONTROL_CHAR_SHARE.
    """
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return _check_text(data[len(bom):].decode(codec), name), codec
            except UnicodeDecodeError:
                raise InputError(f"{name}: not valid {codec} despite its byte-order mark") from None
    has_nul = b"\x00" in data[:BINARY_SNIFF_BYTES]
    first_bad: UnicodeDecodeError | None = None
    try:
        text = data.decode("utf-8")
        if not has_nul:  # NULs are valid UTF-8 but mean UTF-16/32 or binary
            return _check_text(text, name), "utf-8"
    except UnicodeDecodeError as err:
        first_bad = err
    from charset_normalizer import from_bytes

    for guess in from_bytes(data[:DETECT_BYTES]):
        if guess.chaos > MAX_DETECTION_CHAOS or guess.encoding not in DETECTABLE_ENCODINGS:
            continue
        # NULs mean UTF-16/32 (or binary); without them UTF-16/32 is a
        # misreading (its spaces and ASCII punctuation would be NULs).
        if has_nul != guess.encoding.startswith(("utf_16", "utf_32")):
            continue
        try:
            return _check_text(data.decode(guess.encoding), name), guess.encoding.replace("_", "-")
        except (UnicodeDecodeError, LookupError):
            continue
    if has_nul or first_bad is None:
        raise InputError(f"{name}: binary file, not text")
    raise InputError(
        f"{name}: not valid UTF-8 (byte 0x{data[first_bad.start]:02x} at offset {first_bad.start})"
        " and no other text encoding fits"
    )


def _check_text(text: str, name: str) -> str:
    sample = text[:BINARY_SNIFF_BYTES]
    controls = sum(1 for c in sample if c < " " and c not in "\t\n\r\f\v" or c == "\x7f")
    if sample and controls / len(sample) > CONTROL_CHAR_SHARE:
        raise InputError(f"{name}: binary file, not text")
    return text


def load_text(data: bytes, path: str | None = None, name: str | None = None) -> Document:
    """A plain-text article, decoded (see decode_text), nothing else touched.

    ``name`` is what errors call the input (defaults to ``path``).
    """
    name = name or path or "<text>"
    text, encoding = decode_text(data, name)
    if not text.strip():
        raise InputError(f"{name}: file is empty")
    return Document(text=text, path=path, encoding=encoding)


def load_html(
    data: bytes | str, path: str | None = None, url: str | None = None, name: str | None = None
) -> tuple[Document, list[Anchor]]:
    """An HTML page: main text, metadata and the anchors inside the article."""
    document, anchors, _ = load_html_page(data, path, url, name)
    return document, anchors


def load_html_page(
    data: bytes | str, path: str | None = None, url: str | None = None, name: str | None = None
) -> tuple[Document, list[Anchor], tuple[str | None, str | None]]:
    """``load_html`` plus the page's rel=canonical and og:url, made absolute
    against ``url``: the crawler keeps both as evidence and decides which
    identifies the page. (One parse of the head serves both.)

    trafilatura finds the article body on ordinary pages. A huge page (over
    HUGE_HTML_CHARS or HUGE_HTML_ANCHORS) skips it — trafilatura's work grows
    faster than the page (measured: a page of 30,000 links spent 60 of its
    119 s there) — and so does a page where it finds nothing: both are read
    by a linear walk over the whole body instead, navigation and scripts left
    out, anchors located exactly.
    """
    name = name or path or url or "<html>"
    if isinstance(data, str):
        html, encoding = data, None
    else:
        dammit = UnicodeDammit(data, is_html=True)
        html, encoding = dammit.unicode_markup, dammit.original_encoding
    if not html or not html.strip():
        raise InputError(f"{name}: cannot decode HTML")
    huge = len(html) > HUGE_HTML_CHARS
    lower = "" if huge else html.lower()  # (one lower-case copy, and none of a huge page)
    huge = huge or lower.count("<a ") > HUGE_HTML_ANCHORS
    has_captions = not huge and "<figcaption" in lower  # (captions join trafilatura's text only)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        head = _parse_head(html, has_captions)
        extracted = None
        if not huge:
            import trafilatura  # heavy import, only needed for HTML

            extracted = trafilatura.bare_extraction(
                html, url=url, with_metadata=True, include_links=True, include_tables=True,
                include_comments=False,
            )
    text, anchors = ("", [])
    if extracted is not None and extracted.body is not None:
        text, anchors = serialise_body(extracted.body)
        if text.strip() and has_captions:
            text += _captions(head, text)  # trafilatura leaves captions, and their photo credits, out
    if not text.strip():
        text, anchors = _whole_page_text(html)
    if not text.strip():
        raise InputError(f"{name}: no article text found in HTML")
    canonical = _head_link(head, "canonical")
    og_url = _meta(head, "og:url")
    head_links = (
        urljoin(url, canonical) if url and canonical else canonical,
        urljoin(url, og_url) if url and og_url else og_url,
    )
    title = (extracted.title if extracted else None) or (head.title.get_text(strip=True) if head.title else None)
    return (
        Document(
            text=text,
            path=path,
            url=url,
            canonical_url=canonical or og_url,
            title=title or None,
            byline=(extracted.author if extracted else None) or _meta(head, "author"),
            published=(extracted.date if extracted else None),
            outlet=(extracted.sitename if extracted else None) or _meta(head, "og:site_name"),
            encoding=encoding,
        ),
        anchors,
        head_links,
    )


def serialise_body(body) -> tuple[str, list[Anchor]]:
    """Text of a trafilatura body tree, blocks split by blank lines, with anchors.

    Whitespace inside a block collapses to single spaces (as a browser renders
    it) and each ``ref`` element's text is located exactly in the result. The
    walk is iterative, so deep nesting cannot overflow the stack.
    """
    out = _TextBuilder()
    spans: list[tuple[str, int, int]] = []
    stack: list[tuple[object, int]] = [(body, -1)]
    while stack:
        el, start = stack.pop()
        tag = el.tag if isinstance(el.tag, str) else None
        if start >= 0:  # leaving the element
            if tag == "ref" and el.get("target"):
                spans.append((el.get("target"), start, out.length))
            if tag in BLOCK_TAGS:
                out.newlines(2)
            out.add(el.tail or "")
            continue
        if tag is None:  # a comment or processing instruction
            out.add(el.tail or "")
            continue
        if tag in BLOCK_TAGS:
            out.newlines(2)
        elif tag == "lb":
            out.newlines(1)
        stack.append((el, out.length))
        out.add(el.text or "")
        stack.extend((child, -1) for child in reversed(el))
    return out.text(), _located(out.text(), spans)


def _located(text: str, spans: list[tuple[str, int, int]]) -> list[Anchor]:
    """Anchors for (href, start, end) spans, trimmed of surrounding whitespace."""
    anchors = []
    for href, start, end in spans:
        end = min(end, len(text))
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        found = end > start
        anchors.append(Anchor(href.strip(), text[start:end], start if found else None, end if found else None))
    return anchors


def _whole_page_text(html: str) -> tuple[str, list[Anchor]]:
    """The text of a whole page, without navigation and scripts, with anchors.

    Read as a stream of tags (the standard library's HTMLParser), not a tree:
    linear in the page's size, small in memory, tolerant of broken markup,
    and with no depth limit (libxml2 stops at a few thousand levels).
    """
    reader = _PageReader()
    reader.feed(html)
    reader.close()
    text = reader.out.text()
    return text, _located(text, reader.spans)


class _PageReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out = _TextBuilder()
        self.spans: list[tuple[str, int, int]] = []
        self.open_links: list[tuple[str, int]] = []
        self.skipping: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if self.skipping:
            if tag == self.skipping[-1] and tag not in VOID_TAGS:
                self.skipping.append(tag)
            return
        if tag in NON_CONTENT_TAGS:
            if tag not in VOID_TAGS:
                self.skipping.append(tag)
        elif tag in HTML_BLOCK_TAGS:
            self.out.newlines(2)
        elif tag == "br":
            self.out.newlines(1)
        elif tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.open_links.append((href, self.out.length))

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            if tag == self.skipping[-1]:
                self.skipping.pop()
            return
        if tag in HTML_BLOCK_TAGS:
            self.out.newlines(2)
        elif tag == "a" and self.open_links:
            href, start = self.open_links.pop()
            self.spans.append((href, start, self.out.length))

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.out.add(data)


class _TextBuilder:
    """Appends text with HTML whitespace rules, tracking the length so far."""

    def __init__(self) -> None:
        self.chunks: list[str] = []
        self.length = 0

    def _last(self) -> str:
        return self.chunks[-1][-1] if self.chunks else "\n"

    def add(self, s: str) -> None:
        s = re.sub(r"\s+", " ", s)
        if self._last() in " \n":
            s = s.lstrip(" ")
        if s:
            self.chunks.append(s)
            self.length += len(s)

    def newlines(self, count: int) -> None:
        """End the current line or block with ``count`` newlines in all."""
        while self.chunks and self.chunks[-1].endswith(" "):
            chunk = self.chunks.pop()
            self.length -= len(chunk)
            chunk = chunk.rstrip(" ")
            if chunk:
                self.chunks.append(chunk)
                self.length += len(chunk)
        if not self.chunks:
            return
        tail = "".join(self.chunks[-count:])
        have = len(tail) - len(tail.rstrip("\n"))
        if have < count:
            self.chunks.append("\n" * (count - have))
            self.length += count - have

    def text(self) -> str:
        return "".join(self.chunks).rstrip()


def _captions(soup: BeautifulSoup, text: str) -> str:
    """The page's figure captions (in the soup ``_parse_head`` read) not
    already in ``text``, each as a paragraph after it: a photo credit
    ("Dmitry Peskov. Photo: Sergei Bobylev / TASS") often sits only there."""
    found: list[str] = []
    for tag in soup.find_all("figcaption")[:MAX_CAPTIONS]:
        caption = " ".join(tag.get_text(" ").split())
        if caption and len(caption) <= MAX_CAPTION_CHARS and caption not in text and caption not in found:
            found.append(caption)
    return "".join("\n\n" + c for c in found)


def _parse_head(html: bytes | str, captions: bool = False) -> BeautifulSoup:
    """Only the head tags (and, when asked, the figure captions, so one
    parse serves both): a whole soup costs ten times the page in memory."""
    tags = ["title", "link", "meta", "figcaption"] if captions else ["title", "link", "meta"]
    return BeautifulSoup(html, "lxml", parse_only=SoupStrainer(tags))


def _head_link(soup: BeautifulSoup, rel: str) -> str | None:
    for tag in soup.find_all("link", href=True):
        if rel in [r.lower() for r in (tag.get("rel") or [])]:
            return tag["href"].strip() or None
    return None


def _meta(soup: BeautifulSoup, name: str) -> str | None:
    """The first <meta property|name=NAME> (any case) that has content."""
    for tag in soup.find_all("meta"):
        if (tag.get("property") or tag.get("name") or "").lower() == name and tag.get("content"):
            return tag["content"].strip() or None
    return None

"""Inputs: files, directories and WARC captures -> a lazy stream of items.

This is the I/O edge of ingest. Every article becomes an ``Item`` — its bytes
and where they came from — which ``documents.load_item`` turns into a
Document anywhere, a worker process or a cluster node, without touching the
file system. The stream is lazy: a WARC file of a million captures is read
record by record, so memory stays flat whatever the corpus size.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .documents import ARTICLE_SUFFIXES, HTML_SUFFIXES, MAX_INPUT_BYTES, Anchor, InputError, load_item
from .model import Document

WARC_SUFFIXES = (".warc", ".warc.gz")
#: Content types of WARC records read as articles; other records (images,
#: scripts, robots.txt, DNS and metadata records) are passed over.
WARC_HTML_TYPES = ("text/html", "application/xhtml+xml")
WARC_TEXT_TYPES = ("text/plain",)


@dataclass(frozen=True)
class Item:
    """One article's bytes and provenance, ready to load anywhere."""

    name: str  # what error messages call it: a path, or "capture.warc.gz#<uri>"
    data: bytes
    kind: str  # "text", "html", or "auto" (decided by the file's content)
    path: str  # the file it was read from
    url: str | None = None  # the captured URL, for WARC records
    origin: str = "file"  # file / warc
    size: int = 0  # bytes of input consumed, for progress


def is_article_file(path: Path) -> bool:
    return path.suffix.lower() in ARTICLE_SUFFIXES or path.name.lower().endswith(WARC_SUFFIXES)


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """Files and directories (recursively, sorted) -> article files.

    A missing path or a directory holding no article becomes an
    ``InputError`` in place, so it is reported in command-line order.
    Symlinked directories are not followed (no symlink loops).
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = False
            for item in _walk(path):
                found = found or isinstance(item, Path)
                yield item
            if not found:
                yield InputError(f"{path}: directory holds no .txt, .html or .warc files", path)
        elif path.exists():
            yield path
        else:
            yield InputError(f"{path}: no such file or directory", path)


def _walk(directory: Path) -> Iterator[Path | InputError]:
    try:
        entries = sorted(directory.iterdir())
    except OSError as err:
        yield InputError(f"{directory}: cannot list directory: {err.strerror or err}", directory)
        return
    for entry in entries:
        if entry.is_symlink() and entry.is_dir():
            continue
        if entry.is_dir():
            yield from _walk(entry)
        elif is_article_file(entry) and entry.is_file():
            yield entry


def input_size(path: Path | InputError) -> int:
    """Bytes a progress bar should expect from this input."""
    try:
        return path.stat().st_size if isinstance(path, Path) else 0
    except OSError:
        return 0


def iter_items(paths: Iterable[Path | InputError]) -> Iterator[Item | InputError]:
    """Read each input lazily: a file is one item, a WARC file many."""
    for path in paths:
        if isinstance(path, InputError):
            yield path
        elif path.name.lower().endswith(WARC_SUFFIXES):
            yield from iter_warc(path)
        else:
            try:
                data = read_file(path)
            except InputError as err:
                yield err
                continue
            kind = "html" if path.suffix.lower() in HTML_SUFFIXES else "auto"
            yield Item(str(path), data, kind, str(path), size=len(data))


def read_file(path: Path) -> bytes:
    """A file's bytes, refusing what is too large before reading it."""
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise InputError(f"{path}: file is {size:,} bytes, over the {MAX_INPUT_BYTES:,}-byte limit", path)
        with open(path, "rb") as f:
            data = f.read(MAX_INPUT_BYTES + 1)
    except OSError as err:
        raise InputError(f"{path}: cannot read: {err.strerror or err}", path) from err
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"{path}: file grew past the {MAX_INPUT_BYTES:,}-byte limit while reading", path)
    if not data.strip():
        raise InputError(f"{path}: file is empty", path)
    return data


def iter_warc(path: Path) -> Iterator[Item | InputError]:
    """Article records of a WARC file: HTML or text responses with status 200.

    A record over the size limit is an error of its own; a damaged file
    (bad gzip member, truncated record) ends with one error naming the file
    and the offset reached, after every record before it was yielded.
    """
    from warcio.archiveiterator import ArchiveIterator

    offset = consumed = 0
    try:
        with open(path, "rb") as f:
            records = ArchiveIterator(f)
            for record in records:
                kind = _article_kind(record)
                # read the payload before asking for the offset: warcio's
                # get_record_offset() reads the record to its end
                data = record.content_stream().read(MAX_INPUT_BYTES + 1) if kind else b""
                offset = records.get_record_offset()
                if kind is None:
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI") or ""
                name = f"{path}#{uri}"
                size, consumed = f.tell() - consumed, f.tell()
                if len(data) > MAX_INPUT_BYTES:
                    yield InputError(f"{name}: record is over the {MAX_INPUT_BYTES:,}-byte limit", path)
                elif not data.strip():
                    yield InputError(f"{name}: record is empty", path)
                else:
                    yield Item(name, data, kind, str(path), url=uri or None, origin="warc", size=size)
    except OSError as err:
        yield InputError(f"{path}: cannot read: {err.strerror or err}", path)
    except Exception as err:  # warcio raises several types on damaged input
        yield InputError(f"{path}: damaged WARC after offset {offset}: {type(err).__name__}: {err}", path)


def _article_kind(record) -> str | None:
    if record.rec_type not in ("response", "resource"):
        return None
    if record.rec_type == "response":
        if record.http_headers is None or record.http_headers.get_statuscode() != "200":
            return None
        content_type = record.http_headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    content_type = content_type.split(";", 1)[0].strip().lower()
    if content_type in WARC_HTML_TYPES:
        return "html"
    if content_type in WARC_TEXT_TYPES:
        return "text"
    return None


def load_path(path: Path) -> tuple[Document, list[Anchor]]:
    """Read and load one article file (not a WARC). Raises InputError."""
    items = list(iter_items([path]))
    if len(items) != 1 or isinstance(items[0], InputError):
        raise items[0] if items and isinstance(items[0], InputError) else InputError(f"{path}: not one article")
    return load_item(items[0])

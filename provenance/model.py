"""The records that flow through the pipeline: plain dataclasses, no I/O.

Every stage is a function from these records to more of them; only ``store``
turns them into rows. Field names are the column names of the SQLite tables
(see metadata.yml), so ``record.row()`` is the row.

Ids are stable: they are derived from content, never from a counter or the
clock, so ingesting the same input twice produces the same ids and the store's
upserts leave the database unchanged.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from typing import Any

#: Bumped whenever links.normalise changes its output, so stored match keys
#: made by an older normaliser can be found and recomputed.
NORMALIZER_VERSION = 1

CITATION_KINDS = ("statement", "belief", "contribution", "photo_credit", "byline")
SOURCE_TYPES = ("person", "organization", "outlet", "government", "group", "unnamed")
LINK_CONTEXTS = ("original", "related", "inline", "anchor", "wrapped")


def stable_id(*parts: object) -> str:
    """A short, stable identifier: 16 hex digits of the SHA-256 of ``parts``.

    Parts are joined with a unit separator so ("ab", "c") and ("a", "bc")
    differ. 64 bits is plenty for the tens of millions of rows one SQLite file
    holds and keeps ids readable in datasette.
    """
    joined = "\x1f".join(["" if p is None else str(p) for p in parts])  # (a list: join builds one anyway)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]


def _row(record: Any) -> dict[str, Any]:
    """A record's fields as a dict: shallow, unlike dataclasses.asdict, which
    deep-copies every value and dominated the cost of saving."""
    return {f.name: getattr(record, f.name) for f in dataclasses.fields(record)}


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Document:
    """One article as loaded: its text is what every offset points into."""

    text: str
    path: str | None = None
    url: str | None = None
    canonical_url: str | None = None
    title: str | None = None
    outlet: str | None = None
    byline: str | None = None
    published: str | None = None
    origin: str = "file"  # file / crawl / warc
    depth: int = 0
    encoding: str | None = None  # how the bytes were decoded
    sha256: str = ""
    id: str = ""

    def __post_init__(self) -> None:
        if not self.sha256:
            self.sha256 = sha256_text(self.text)
        if not self.id:
            # A file's identity is its content: the same article ingested
            # from another path or machine is the same document.
            self.id = self.sha256[:16]

    def row(self) -> dict[str, Any]:
        return _row(self)


@dataclass
class Link:
    """A URL found in a document.

    ``url`` is the evidence exactly as written (for a URL wrapped across lines,
    the text between ``start`` and ``end`` with the line break removed);
    ``fetch_url`` is conservatively normalised and still fetchable;
    ``match_key`` is lossy and only for joining.
    """

    document: str
    url: str
    fetch_url: str
    match_key: str
    domain: str | None
    context: str  # one of LINK_CONTEXTS
    start: int | None = None
    end: int | None = None
    anchor_text: str | None = None
    normalizer_version: int = NORMALIZER_VERSION
    target: str | None = None  # documents.id of the fetched page, set by crawl
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = stable_id("link", self.document, self.start, self.end, self.url)

    def row(self) -> dict[str, Any]:
        return _row(self)


@dataclass
class Citation:
    """One attribution: who said it (source) and through whom (via).

    ``start``/``end`` delimit ``sentence`` in the document text, so
    ``text[start:end] == sentence`` always holds; ``cue_start``/``cue_end``
    delimit the cue words. ``rule`` names the pattern that produced the record
    and ``confidence`` (0..1) lets a user filter.
    """

    document: str
    kind: str  # one of CITATION_KINDS
    source: str | None
    source_text: str | None
    source_type: str | None  # one of SOURCE_TYPES
    cue: str | None
    sentence: str
    start: int
    end: int
    cue_start: int | None = None
    cue_end: int | None = None
    quote: str | None = None
    source_outlet: str | None = None  # outlets.id
    via: str | None = None
    via_outlet: str | None = None  # outlets.id
    via_link: str | None = None  # links.id
    rule: str = ""
    confidence: float = 0.5
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = stable_id(
                "citation", self.document, self.kind, self.start, self.end,
                self.cue_start, self.source, self.via,
            )

    def row(self) -> dict[str, Any]:
        return _row(self)


@dataclass
class Outlet:
    """A news agency, outlet, broadcaster or platform from the gazetteer."""

    id: str
    name: str
    domain: str | None
    kind: str  # agency, newspaper, broadcaster, online, social, government
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    #: Every registered domain it publishes on, ``domain`` (the main one)
    #: first: bbc.co.uk and bbc.com, tass.com and tass.ru, x.com and twitter.com.
    domains: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.domain and self.domain not in self.domains:
            self.domains = [self.domain, *self.domains]

    def row(self) -> dict[str, Any]:
        return _row(self)


#: Column order of the fetches table. The crawler fills it; the foundation
#: creates it empty with its final shape so the schema does not churn.
FETCH_COLUMNS: dict[str, type] = {
    "id": str,
    "url": str,
    "fetched_at": str,
    "status": int,
    "outcome": str,
    "hops": str,
    "final_url": str,
    "canonical_url": str,
    "og_url": str,
    "content_type": str,
    "etag": str,
    "last_modified": str,
    "sha256": str,
    "bytes": int,
    "elapsed_ms": int,
    "error": str,
    "document": str,
}

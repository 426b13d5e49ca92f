"""One document through the pure stages: links, then citations, then metadata.

Everything here is a function of its arguments (no I/O), which is what lets
extraction run anywhere — a process pool, a cluster — and the store write the
result.
"""

from __future__ import annotations

from dataclasses import dataclass

from .attribution import extract_citations
from .attribution.labeller import Labeller
from .documents import Anchor
from .links import find_links, link_from_href, registered_domain
from .model import Citation, Document, Link
from .outlets import Gazetteer, load_gazetteer


@dataclass
class Extraction:
    document: Document
    links: list[Link]
    citations: list[Citation]


def analyse(
    document: Document, anchors: list[Anchor] = (), gazetteer: Gazetteer | None = None, labeller: Labeller | None = None,
) -> Extraction:
    """Find the links and citations of a loaded document and fill its metadata
    (``labeller``: the optional trained labeller's records join the rules')."""
    gazetteer = gazetteer or load_gazetteer()
    links = collect_links(document, anchors)
    citations = extract_citations(document.text, document.id, links, gazetteer, byline=document.byline, labeller=labeller)
    describe(document, links, citations, gazetteer)
    return Extraction(document, links, citations)


def collect_links(document: Document, anchors: list[Anchor] = ()) -> list[Link]:
    """Anchors of an HTML body plus URLs written out in the text, in text order.

    A URL written as the visible text of its own anchor is one link, not two:
    the anchor wins because it carries the real href.
    """
    base = document.url or document.canonical_url
    links: list[Link] = []
    for anchor in anchors:
        link = link_from_href(
            anchor.href, document.id, base_url=base, anchor_text=anchor.text or None,
            start=anchor.start, end=anchor.end,
        )
        if link is not None:
            links.append(link)
    taken = [(l.start, l.end) for l in links if l.start is not None]
    for link in find_links(document.text, document.id):
        if not any(s < link.end and link.start < e for s, e in taken):
            links.append(link)
    links.sort(key=lambda l: (l.start is None, l.start or 0, l.end or 0))
    # The same URL at the same place twice (duplicate anchors) is one row.
    unique: dict[str, Link] = {}
    for link in links:
        unique.setdefault(link.id, link)
    return list(unique.values())


def describe(document: Document, links: list[Link], citations: list[Citation], gazetteer: Gazetteer) -> None:
    """Fill metadata a plain-text dump only states in passing.

    An "Original url:" line names the article's own address; a byline
    citation names its author; the outlet is the gazetteer's outlet for the
    article's domain.
    """
    if document.url is None and document.canonical_url is None:
        original = next((l for l in links if l.context == "original"), None)
        if original is not None:
            document.canonical_url = original.fetch_url
    if document.byline is None:
        byline = next((c for c in citations if c.kind == "byline" and c.source_type == "person"), None)
        if byline is not None:
            document.byline = byline.source
    outlet = None
    for url in (document.canonical_url, document.url):
        outlet = gazetteer.by_domain(registered_domain(url)) if url else None
        if outlet:
            break
    if outlet is None and document.outlet:
        outlet = gazetteer.resolve(document.outlet)
    document.outlet = outlet.id if outlet else None


"""One document through the stages: links merged, metadata filled in."""

from __future__ import annotations

from provenance.documents import Anchor, load_html, load_text
from provenance.outlets import load_gazetteer
from provenance.pipeline import analyse, collect_links

HTML = b"""<html><head><title>t</title><link rel="canonical" href="https://www.rtvi.com/news/1"></head><body><article>
<p>The activist told <a href="https://tass.com/world/9">TASS</a> on Monday that the women wanted to return home soon.</p>
<p>The full list is at <a href="https://example.org/list">https://example.org/list</a> and also https://example.net/other for readers.</p>
<p>A relative <a href="/local/page">said</a> the camp was overcrowded and that guards had left the area overnight.</p>
</article></body></html>"""


def test_anchors_and_written_urls_merge_in_text_order_without_duplicates() -> None:
    doc, anchors = load_html(HTML, path="p.html")
    links = collect_links(doc, anchors)
    assert [(l.url, l.context, l.anchor_text) for l in links] == [
        ("https://tass.com/world/9", "anchor", "TASS"),
        # a URL that is the visible text of its own anchor is one link, the anchor
        ("https://example.org/list", "anchor", "https://example.org/list"),
        ("https://example.net/other", "inline", None),
        # trafilatura resolves relative hrefs against the page's canonical URL
        ("https://www.rtvi.com/local/page", "anchor", "said"),
    ]
    assert links[3].fetch_url == "https://www.rtvi.com/local/page"
    for link in links:
        assert doc.text[link.start:link.end] in (link.url, link.anchor_text)


def test_anchor_without_position_is_kept_after_positioned_links() -> None:
    doc = load_text(b"Plain text mentioning https://a.example.com/x here.")
    links = collect_links(doc, [Anchor("https://b.example.com/y", "", None, None)])
    assert [l.url for l in links] == ["https://a.example.com/x", "https://b.example.com/y"]


def test_original_url_line_fills_canonical_url_and_outlet() -> None:
    text = (
        "Moscow said the talks had failed, officials told reporters.\n\n"
        "Original url:\nhttps://www.themoscowtimes.com/2018/05/30/some-article-a61628\n"
    )
    extraction = analyse(load_text(text.encode()), gazetteer=load_gazetteer())
    assert extraction.document.canonical_url == "https://www.themoscowtimes.com/2018/05/30/some-article-a61628"
    assert extraction.document.outlet == "the-moscow-times"


def test_byline_line_fills_document_byline() -> None:
    text = "Returnees face trial\n\nBy Ekaterina Sokirianskaia\n\nMay 30, 2018\n\nThe ministry said 24 women had returned.\n"
    extraction = analyse(load_text(text.encode()))
    assert extraction.document.byline == "Ekaterina Sokirianskaia"


def test_html_site_name_resolves_to_an_outlet_id() -> None:
    doc, anchors = load_html(HTML, path="p.html")
    extraction = analyse(doc, anchors)
    # canonical URL on rtvi.com -> the RTVI outlet
    assert extraction.document.outlet == "rtvi"


def test_html_byline_from_metadata_becomes_byline_citations() -> None:
    page = b"""<html><head><title>t</title><meta name="author" content="Jane Doe, John Smith"></head><body><article>
<h1>Prices</h1><p>The minister told reporters on Monday that prices would rise again before the end of the year.</p>
<p>Officials did not respond to requests for comment on the figures published by the ministry this week.</p>
</article></body></html>"""
    doc, anchors = load_html(page, path="p.html")
    extraction = analyse(doc, anchors)
    bylines = [(c.source, c.source_type, c.start, c.end, c.rule) for c in extraction.citations if c.kind == "byline"]
    assert bylines == [
        ("Jane Doe", "person", 0, 0, "credit.byline_metadata"),
        ("John Smith", "person", 0, 0, "credit.byline_metadata"),
    ]
    # trafilatura joins several authors with "; "
    assert extraction.document.byline == "Jane Doe; John Smith"

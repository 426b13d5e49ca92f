"""Tests for provenance.links: URL finding, wrap repair, contexts, normalisation,
registered domains (offline) and HTML anchors."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from provenance import links
from provenance.links import find_links, link_from_href, normalise, registered_domain
from provenance.model import NORMALIZER_VERSION, Link

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"

# A prose prefix that makes the line "full width", as print/PDF dumps fill it.
W = "According to the statement published on the ministry's website, "


def urls(text: str) -> list[str]:
    return [link.url for link in find_links(text, "doc")]


def assert_spans(text: str, result: list[Link]) -> None:
    """The span of every link, minus whitespace, is exactly its url."""
    for link in result:
        assert 0 <= link.start < link.end <= len(text)
        assert "".join(text[link.start:link.end].split()) == link.url


# --------------------------------------------------------------------------
# The demo corpus
# --------------------------------------------------------------------------

RTVI = "https://rtvi.com/topics/my-v-neizvestnosti-rossiyanki-kotorye-ostalis-v-siriyskom-lagere/"
MT_2026_04 = ("https://www.themoscowtimes.com/2026/04/14/"
              "kremlin-we-dont-want-to-consider-possibility-of-syria-clash-with-turkey")
MT_2018 = ("https://www.themoscowtimes.com/2018/05/30/"
           "russias-islamic-state-women-and-children-should-be-returned-home-op-ed-a61628")
MT_2026_06 = ("https://www.themoscowtimes.com/2026/06/17/"
              "russia-arrests-60-organizers-islamic-state-fighters-pipeline-moscow")

CORPUS = {
    "000_894e449b0d82cf1f.txt": [
        # RTVI is the outlet the article cites: an inline link. The next URL
        # starts on the very next line and must not be glued to it.
        (RTVI, "inline"),
        # Its slug is the title after "Related article:" two lines up.
        (MT_2026_04, "related"),
    ],
    "001_34515e69bfa560d7.txt": [],
    "002_a33109398c212efd.txt": [],
    "003_f71d14fe5b8ebe83.txt": [
        # Wrapped across two lines right after "Original url:".
        (MT_2018, "original"),
        # Its slug is the "Related article: Russia Arrests 60 Organizers..."
        # title, 30 lines earlier.
        (MT_2026_06, "related"),
    ],
    "004_25c953e6f2a1b7ac.txt": [],
}


def test_corpus_has_five_files():
    assert sorted(p.name for p in SAMPLES.glob("*.txt")) == sorted(CORPUS)


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_corpus_links_exactly(name):
    text = (SAMPLES / name).read_text(encoding="utf-8")
    result = find_links(text, name)
    assert [(link.url, link.context) for link in result] == CORPUS[name]
    assert_spans(text, result)
    for link, (url, _) in zip(result, CORPUS[name]):
        # The span starts where the URL starts and ends where it ends.
        assert link.start == text.index(url[:60])
        assert text[link.end - 10:link.end] == url[-10:]
        assert link.document == name
        assert link.fetch_url == url
        assert link.match_key == url.split("://", 1)[1].removeprefix("www.").rstrip("/")
        assert link.anchor_text is None
        assert link.normalizer_version == NORMALIZER_VERSION


def test_corpus_wrapped_url_span():
    text = (SAMPLES / "003_f71d14fe5b8ebe83.txt").read_text(encoding="utf-8")
    link = find_links(text, "003")[0]
    assert text[link.start:link.end] == (
        "https://www.themoscowtimes.com/2018/05/30/russias-islamic-state-women-and-children-"
        "should-be-re\nturned-home-op-ed-a61628"
    )
    assert link.domain == "themoscowtimes.com"


def test_corpus_consecutive_urls_not_joined():
    text = (SAMPLES / "000_894e449b0d82cf1f.txt").read_text(encoding="utf-8")
    first, second = find_links(text, "000")
    assert text[first.start:first.end] == RTVI
    assert text[second.start:second.end] == MT_2026_04
    assert text[first.end] == "\n" and second.start == first.end + 1


# --------------------------------------------------------------------------
# Plain URLs, punctuation, brackets
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("see https://x.com/a.", ["https://x.com/a"]),
        ("see https://x.com/a, then", ["https://x.com/a"]),
        ("https://x.com/a; https://x.com/b: done", ["https://x.com/a", "https://x.com/b"]),
        ("wow https://x.com/a!", ["https://x.com/a"]),
        ("seen https://x.com/a?", ["https://x.com/a"]),
        ("seen https://x.com/a?!...", ["https://x.com/a"]),
        ("'https://x.com/a'", ["https://x.com/a"]),
        ('"https://x.com/a"', ["https://x.com/a"]),
        ("“https://x.com/a”", ["https://x.com/a"]),
        ("‘https://x.com/a’", ["https://x.com/a"]),
        ("«https://x.com/a»", ["https://x.com/a"]),
        ("„https://x.com/a“", ["https://x.com/a"]),
        ("(see https://x.com/a)", ["https://x.com/a"]),
        ("(see https://x.com/a).", ["https://x.com/a"]),
        ("[https://x.com/a]", ["https://x.com/a"]),
        ("{https://x.com/a}", ["https://x.com/a"]),
        ("<https://x.com/a>", ["https://x.com/a"]),
        ("<https://x.com/a>.", ["https://x.com/a"]),
        ("[link](https://x.com/a)", ["https://x.com/a"]),
        ("**https://x.com/a**", ["https://x.com/a"]),
        ("https://en.wikipedia.org/wiki/Foo_(bar)", ["https://en.wikipedia.org/wiki/Foo_(bar)"]),
        ("(https://en.wikipedia.org/wiki/Foo_(bar))", ["https://en.wikipedia.org/wiki/Foo_(bar)"]),
        ("https://en.wikipedia.org/wiki/Foo_(bar).", ["https://en.wikipedia.org/wiki/Foo_(bar)"]),
        ("https://x.com/a[1]", ["https://x.com/a[1]"]),
        ("https://x.com/api/{id}", ["https://x.com/api/{id}"]),
        ("https://x.com/a?q=(x).", ["https://x.com/a?q=(x)"]),
        ("https://x.com/rock'n'roll", ["https://x.com/rock'n'roll"]),
        ("https://x.com/a—the site", ["https://x.com/a"]),
        ("https://x.com/a…", ["https://x.com/a"]),
        ("Voir\xa0https://x.com/a\xa0ici", ["https://x.com/a"]),
        ("x\u200bhttps://x.com/a\u200b", ["https://x.com/a"]),
        ("via:https://x.com/a", ["https://x.com/a"]),
        ("HTTPS://X.COM/A", ["HTTPS://X.COM/A"]),
        ("http://x.com:8080/a?b=1&c=2#frag", ["http://x.com:8080/a?b=1&c=2#frag"]),
        ("https://ru.wikipedia.org/wiki/Сирия.", ["https://ru.wikipedia.org/wiki/Сирия"]),
        ("http://127.0.0.1:5000/x", ["http://127.0.0.1:5000/x"]),
        ("two: https://x.com/a https://x.com/b", ["https://x.com/a", "https://x.com/b"]),
        ("same twice https://x.com/a https://x.com/a", ["https://x.com/a", "https://x.com/a"]),
        ("Visit www.example.com.", ["www.example.com"]),
        ("(www.bbc.co.uk/news)", ["www.bbc.co.uk/news"]),
        ("WWW.Example.COM/a", ["WWW.Example.COM/a"]),
    ],
)
def test_plain_urls(text, expected):
    result = find_links(text, "doc")
    assert [link.url for link in result] == expected
    assert all(link.context == "inline" for link in result)
    assert_spans(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "This commitment costs us $10,000 a month.",
        "after U.S. President Donald Trump decided",
        "e.g. i.e. a.m. p.m. No. 5",
        "http:// alone",
        "https://",
        "www.example is not a host",
        "www. nothing",
        "write to user@www.example.com",
        "example.com/path has no scheme",
        "wwwhat a day",
        "xhttps://x.com/a is glued to a word",
        "http:/x.com has one slash",
        "ftp://x.com/a is not a web link",
        "javascript:alert(1)",
        "https://... and http://)",
    ],
)
def test_not_links(text):
    assert find_links(text, "doc") == []


def test_www_gets_http_scheme():
    (link,) = find_links("Visit www.Example.com/a?utm_source=x.", "doc")
    assert link.url == "www.Example.com/a?utm_source=x"
    assert link.fetch_url == "http://www.example.com/a"
    assert link.match_key == "example.com/a"
    assert link.domain == "example.com"


def test_link_fields():
    text = "Read it at https://News.BBC.co.uk/world/1?utm_source=tw#top now"
    (link,) = find_links(text, "doc-1")
    assert link == Link(
        document="doc-1",
        url="https://News.BBC.co.uk/world/1?utm_source=tw#top",
        fetch_url="https://news.bbc.co.uk/world/1",
        match_key="news.bbc.co.uk/world/1",
        domain="bbc.co.uk",
        context="inline",
        start=11,
        end=11 + len("https://News.BBC.co.uk/world/1?utm_source=tw#top"),
    )
    assert text[link.start:link.end] == link.url


def test_overlong_url_is_junk():
    assert find_links("https://x.com/" + "a" * (links.MAX_URL_CHARS + 1), "doc") == []


# --------------------------------------------------------------------------
# URLs wrapped across lines
# --------------------------------------------------------------------------

WRAPPED = [
    pytest.param(  # in the middle of a path word
        W + "https://example.com/2019/10/14/russian-women-in-syr\nian-camp-ask-for-help\n",
        [("https://example.com/2019/10/14/russian-women-in-syrian-camp-ask-for-help", "wrapped")],
        id="mid-path"),
    pytest.param(  # URL alone on a full line (as in the corpus)
        "https://example.com/2019/10/14/russian-women-in-syrian-camp-ask-for-he\nlp\n\nNext.",
        [("https://example.com/2019/10/14/russian-women-in-syrian-camp-ask-for-help", "wrapped")],
        id="url-only-line"),
    pytest.param(  # at a hyphen: the hyphen is part of the URL and is kept
        W + "https://example.com/2019/10/14/russian-women-in-\nsyrian-camp\n",
        [("https://example.com/2019/10/14/russian-women-in-syrian-camp", "wrapped")],
        id="hyphen"),
    pytest.param(  # a hyphen break continues even with prose after the piece
        W + "https://example.com/reports/2019/annual-\nreport.html and more.",
        [("https://example.com/reports/2019/annual-report.html", "wrapped")],
        id="hyphen-then-prose"),
    pytest.param(  # after "_" even a capitalised piece continues
        W + "https://en.wikipedia.org/wiki/Islamic_State_of_Iraq_and_the_\nLevant\n",
        [("https://en.wikipedia.org/wiki/Islamic_State_of_Iraq_and_the_Levant", "wrapped")],
        id="underscore-capital"),
    pytest.param(  # inside a query string
        W + "https://example.com/search?q=islamic+state&page=2&so\nrt=date\n",
        [("https://example.com/search?q=islamic+state&page=2&sort=date", "wrapped")],
        id="query"),
    pytest.param(  # right after "&", prose following
        W + "https://example.com/search?q=islamic+state&\nsort=date the page said",
        [("https://example.com/search?q=islamic+state&sort=date", "wrapped")],
        id="query-after-ampersand"),
    pytest.param(  # URL syntax in the piece: prose may follow it
        W + "https://example.com/reports/2019/annual-rep\nort/full.pdf, the minister said.",
        [("https://example.com/reports/2019/annual-report/full.pdf", "wrapped")],
        id="urlish-piece-then-prose"),
    pytest.param(  # wrapped twice
        "https://www.example.com/2018/05/30/a-very-long-slug-that-goes-on-and-o\n"
        "n-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-o\n"
        "n.html\n",
        [("https://www.example.com/2018/05/30/a-very-long-slug-that-goes-on-and-o"
          "n-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-o"
          "n.html", "wrapped")],
        id="twice"),
    pytest.param(  # CRLF line endings
        W + "https://example.com/2019/10/14/russian-women-should-be-re\r\nturned-home\r\nNext",
        [("https://example.com/2019/10/14/russian-women-should-be-returned-home", "wrapped")],
        id="crlf"),
    pytest.param(  # NBSP and spaces around the break, indented continuation
        "\xa0https://example.com/2019/10/14/russian-women-should-be-re\xa0 \n"
        "   \xa0turned-home\xa0\n",
        [("https://example.com/2019/10/14/russian-women-should-be-returned-home", "wrapped")],
        id="nbsp-indent"),
    pytest.param(  # at a dot, when the piece is URL syntax
        W + "https://www.\nexample.com/a/b\n",
        [("https://www.example.com/a/b", "wrapped")],
        id="after-dot-urlish"),
    pytest.param(  # RFC 3986 appendix C: whitespace inside <...> is ignored
        "<https://example.com/a/\n   Long_Path>",
        [("https://example.com/a/Long_Path", "wrapped")],
        id="angle-brackets"),
    pytest.param(  # a lowercase word alone on the next line is taken as a
        # continuation: in a dump that is what a URL tail looks like. Limit.
        W + "https://example.com/reports/2019/annual\nreport\n",
        [("https://example.com/reports/2019/annualreport", "wrapped")],
        id="lowercase-alone-joins"),
]


@pytest.mark.parametrize("text, expected", WRAPPED)
def test_wrapped(text, expected):
    result = find_links(text, "doc")
    assert [(link.url, link.context) for link in result] == expected
    assert_spans(text, result)
    assert all("\n" in text[link.start:link.end] for link in result)


NOT_WRAPPED = [
    pytest.param(W + "https://example.com/reports/2019/annual\nThe next sentence starts here.",
                 "https://example.com/reports/2019/annual", id="prose-sentence"),
    pytest.param(W + "https://example.com/reports/2019/annual\nand then the minister said",
                 "https://example.com/reports/2019/annual", id="prose-lowercase"),
    pytest.param(W + "https://example.com/reports/2019/annual\nKremlin Says\n",
                 "https://example.com/reports/2019/annual", id="kremlin-says"),
    pytest.param(W + "https://example.com/reports/2019/annual\nThanks\n",
                 "https://example.com/reports/2019/annual", id="thanks"),
    pytest.param(W + "https://example.com/reports/2019/annual\nThanks.\n",
                 "https://example.com/reports/2019/annual", id="thanks-dot"),
    pytest.param(W + "https://example.com/reports/2019/annual\nСпасибо\n",
                 "https://example.com/reports/2019/annual", id="cyrillic-word"),
    pytest.param(W + "https://example.com/reports/2019/annual\nI\n",
                 "https://example.com/reports/2019/annual", id="pronoun"),
    pytest.param(W + "https://example.com/reports/2019/annual\nU.S. officials said",
                 "https://example.com/reports/2019/annual", id="us-officials"),
    pytest.param("Link: https://x.com/a\nb\n", "https://x.com/a", id="short-line"),
    pytest.param(W + "https://example.com/reports/2019/annual\n\nreport\n",
                 "https://example.com/reports/2019/annual", id="blank-line-between"),
    pytest.param(W + "https://example.com/reports/2019/annual\n---\n",
                 "https://example.com/reports/2019/annual", id="separator"),
    pytest.param(W + "https://example.com/reports/2019/annual\n(2019)\n",
                 "https://example.com/reports/2019/annual", id="bracketed"),
    pytest.param(W + "(see https://example.com/a/b/c)\nthanks\n",
                 "https://example.com/a/b/c", id="closed-paren"),
    pytest.param(W + "https://example.com/reports/2019/annual.\nhtml\n",
                 "https://example.com/reports/2019/annual", id="sentence-dot"),
    pytest.param(W + "https://example.com/reports/2019/annual more\nreport\n",
                 "https://example.com/reports/2019/annual", id="text-after-url"),
]


@pytest.mark.parametrize("text, url", NOT_WRAPPED)
def test_not_wrapped(text, url):
    result = find_links(text, "doc")
    assert [link.url for link in result] == [url]
    assert_spans(text, result)


def test_next_line_starting_a_url_is_a_new_url():
    text = ("https://example.com/2019/10/14/russian-women-in-syrian-camp-ask-for-help/\n"
            "https://example.com/b\nwww.example.org/c\n")
    assert urls(text) == [
        "https://example.com/2019/10/14/russian-women-in-syrian-camp-ask-for-help/",
        "https://example.com/b",
        "www.example.org/c",
    ]


def test_wrap_is_capped():
    piece = "abcdefghij" * 5
    text = "https://example.com/" + "\n".join([piece] * (links.MAX_WRAP_JOINS + 3))
    (link,) = find_links(text, "doc")
    assert link.url == "https://example.com/" + piece * (links.MAX_WRAP_JOINS + 1)


# --------------------------------------------------------------------------
# Contexts
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Original url: https://x.com/a", [("https://x.com/a", "original")]),
        ("Original URL:\nhttps://x.com/a", [("https://x.com/a", "original")]),
        ("Original url:\n\n\nhttps://x.com/a", [("https://x.com/a", "original")]),
        ("Original url:\n\n\n\nhttps://x.com/a", [("https://x.com/a", "inline")]),
        ("ORIGINAL  URL :  <https://x.com/a>", [("https://x.com/a", "original")]),
        ("Source: https://x.com/a", [("https://x.com/a", "original")]),
        ("Source:\r\nhttps://x.com/a\r\n", [("https://x.com/a", "original")]),
        ("  - Source https://x.com/a", [("https://x.com/a", "original")]),
        ("Originally published at https://x.com/a", [("https://x.com/a", "original")]),
        ("Source: https://x.com/a https://x.com/b",
         [("https://x.com/a", "original"), ("https://x.com/b", "original")]),
        ("Original url:\nhttps://x.com/a\n\nhttps://x.com/b",
         [("https://x.com/a", "original"), ("https://x.com/b", "inline")]),
        ("Related article: https://x.com/a", [("https://x.com/a", "related")]),
        ("Read more: https://x.com/a", [("https://x.com/a", "related")]),
        ("Read more\nhttps://x.com/a", [("https://x.com/a", "related")]),
        ("- Related: https://x.com/a", [("https://x.com/a", "related")]),
        ("See also:\nhttps://x.com/a\n- https://x.com/b\n\nhttps://x.com/c",
         [("https://x.com/a", "related"), ("https://x.com/b", "related"),
          ("https://x.com/c", "inline")]),
        ("Related article: Kremlin Says It Will Not Attack Turkey\n\n"
         "https://x.com/2019/10/14/kremlin-says-it-will-not-attack-turkey",
         [("https://x.com/2019/10/14/kremlin-says-it-will-not-attack-turkey", "related")]),
        ("Related article: Kremlin Says It Will\nNot Attack Turkey\n\n"  # title on two lines
         "https://x.com/2019/10/14/kremlin-will-not-attack-turkey-a123",
         [("https://x.com/2019/10/14/kremlin-will-not-attack-turkey-a123", "related")]),
        ("Related article: Kremlin Says It Will Not Attack Turkey\n\n"
         "https://x.com/2019/10/14/heavy-rain-expected-in-moscow",
         [("https://x.com/2019/10/14/heavy-rain-expected-in-moscow", "inline")]),
        ("Related article: Kremlin Says\n\nhttps://x.com/12345",
         [("https://x.com/12345", "inline")]),
        ("The source: https://x.com/a", [("https://x.com/a", "inline")]),
        ("Sources say https://x.com/a", [("https://x.com/a", "inline")]),
        ("Source: Reuters\nhttps://x.com/a", [("https://x.com/a", "inline")]),
        ("Originality https://x.com/a", [("https://x.com/a", "inline")]),
        ("Original url:\n" + "https://example.com/2019/10/14/russian-women-should-be-re\n"
         "turned-home\n",
         [("https://example.com/2019/10/14/russian-women-should-be-returned-home", "original")]),
    ],
)
def test_contexts(text, expected):
    result = find_links(text, "doc")
    assert [(link.url, link.context) for link in result] == expected
    assert_spans(text, result)


# --------------------------------------------------------------------------
# normalise
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url, fetch_url, match_key",
    [
        ("https://www.Example.com/a/b/?utm_source=x&b=2&a=1#top",
         "https://www.example.com/a/b/?b=2&a=1", "example.com/a/b?a=1&b=2"),
        ("HTTP://EXAMPLE.COM:80", "http://example.com/", "example.com"),
        ("HTTPS://WWW.EXAMPLE.COM/Path", "https://www.example.com/Path", "example.com/Path"),
        ("https://example.com:443/a", "https://example.com/a", "example.com/a"),
        ("http://example.com:8080/a/", "http://example.com:8080/a/", "example.com:8080/a"),
        ("http://example.com/a/./b/../c", "http://example.com/a/c", "example.com/a/c"),
        ("http://example.com/%7euser/%e2%82%ac", "http://example.com/~user/%E2%82%AC",
         "example.com/~user/%E2%82%AC"),
        ("https://x.com/a b", "https://x.com/a%20b", "x.com/a%20b"),
        ("  https://x.com/a\n  ", "https://x.com/a", "x.com/a"),
        ("https://x.com/lo\nng", "https://x.com/long", "x.com/long"),
        ("www.example.com/x", "http://www.example.com/x", "example.com/x"),
        ("example.com/a", "http://example.com/a", "example.com/a"),
        ("//cdn.example.com/x.js", "http://cdn.example.com/x.js", "cdn.example.com/x.js"),
        ("http://bücher.de/ö", "http://xn--bcher-kva.de/%C3%B6", "xn--bcher-kva.de/%C3%B6"),
        ("https://ru.wikipedia.org/wiki/Сирия",
         "https://ru.wikipedia.org/wiki/%D0%A1%D0%B8%D1%80%D0%B8%D1%8F",
         "ru.wikipedia.org/wiki/%D0%A1%D0%B8%D1%80%D0%B8%D1%8F"),
        ("https://en.wikipedia.org/wiki/Foo_(bar)", "https://en.wikipedia.org/wiki/Foo_(bar)",
         "en.wikipedia.org/wiki/Foo_(bar)"),
        ("https://m.bbc.co.uk/news/world-123", "https://m.bbc.co.uk/news/world-123",
         "bbc.co.uk/news/world-123"),
        ("https://mobile.twitter.com/user/status/1", "https://mobile.twitter.com/user/status/1",
         "twitter.com/user/status/1"),
        ("https://www.m.example.com/a", "https://www.m.example.com/a", "example.com/a"),
        ("https://amp.theguardian.com/world/2019/oct/x/amp",
         "https://amp.theguardian.com/world/2019/oct/x/amp", "theguardian.com/world/2019/oct/x"),
        ("https://example.com/story/amp/", "https://example.com/story/amp/", "example.com/story"),
        ("https://www.example.com/story?amp", "https://www.example.com/story?amp",
         "example.com/story"),
        ("https://www.example.com/story?amp=1&id=5", "https://www.example.com/story?amp=1&id=5",
         "example.com/story?id=5"),
        ("https://m.co.uk/", "https://m.co.uk/", "m.co.uk"),  # m.co.uk is the domain
        ("https://www.com/", "https://www.com/", "www.com"),
        # Functional parameters survive (url_normalize's filter_params would drop them).
        ("https://example.com/list?id=7&page=2&fbclid=abc&gclid=x&UTM_Medium=y",
         "https://example.com/list?id=7&page=2", "example.com/list?id=7&page=2"),
        ("https://example.com/?mc_cid=1&mc_eid=2&_ga=3&igshid=4&ref_src=twsrc&cmpid=5"
         "&msclkid=6&yclid=7&dclid=8", "https://example.com/", "example.com"),
        ("https://example.com/a?b=&a", "https://example.com/a?b=&a", "example.com/a?a&b="),
        ("https://example.com/a?q=a+b&p=%20", "https://example.com/a?q=a+b&p=%20",
         "example.com/a?p=%20&q=a+b"),
        ("https://example.com/a?", "https://example.com/a", "example.com/a"),
        ("https://example.com/a?x=1&&y=2", "https://example.com/a?x=1&y=2", "example.com/a?x=1&y=2"),
        # The fragment goes, and "#!" is not rewritten to _escaped_fragment_.
        ("https://twitter.com/#!/user", "https://twitter.com/", "twitter.com"),
        ("http://user:pw@Example.com/a", "http://user:pw@example.com/a", "example.com/a"),
        ("http://[::1]:8080/a", "http://[::1]:8080/a", "[::1]:8080/a"),
        ("http://127.0.0.1:80/", "http://127.0.0.1/", "127.0.0.1"),
        ("http:example.com", "http://example.com/", "example.com"),
    ],
)
def test_normalise(url, fetch_url, match_key):
    assert normalise(url) == (fetch_url, match_key)


@pytest.mark.parametrize(
    "junk, expected",
    [
        ("", ("", "")),
        ("   ", ("", "")),
        ("#top", ("#top", "#top")),
        ("hello world", ("hello world", "hello world")),
        ("Hello", ("Hello", "hello")),
        ("http://", ("http://", "http://")),
        ("http://:80", ("http://:80", "http://:80")),
        ("http://[zz", ("http://[zz", "http://[zz")),  # url_normalize raises ValueError
        ("http://./", ("http://./", "http://./")),
        ("javascript:alert(1)", ("javascript:alert(1)", "javascript:alert(1)")),
        ("mailto:A@b.c", ("mailto:A@b.c", "mailto:a@b.c")),
        ("ftp://x.com/a", ("ftp://x.com/a", "ftp://x.com/a")),
        ("\x00", ("\x00", "\x00")),
        ("www.", ("www.", "www.")),
        ("https://%zz.com/", ("https://%zz.com/", "https://%zz.com/")),
        ("http://-/", ("http://-/", "http://-/")),
        ("https://x.com:abc/", ("https://x.com:abc/", "https://x.com:abc/")),
        ("https://x.com:99999/", ("https://x.com:99999/", "https://x.com:99999/")),
        ("http://…http/", ("http://…http/", "http://…http/")),
    ],
)
def test_normalise_junk(junk, expected):
    assert normalise(junk) == expected


def test_normalise_huge_input_is_returned_trimmed():
    big = " https://x.com/" + "A" * (links.MAX_URL_CHARS + 10)
    assert normalise(big) == (big.strip(), big.strip().lower())


def test_normalise_not_a_string_does_not_raise():
    assert normalise(None) == ("", "")  # type: ignore[arg-type]


def test_match_key_joins_variants():
    variants = [
        "http://www.example.com/story/",
        "https://example.com/story?utm_campaign=x",
        "https://m.example.com/story#comments",
        "https://amp.example.com/story/amp",
        "https://EXAMPLE.com:443/story?amp",
        "www.example.com/story",
    ]
    assert {normalise(v)[1] for v in variants} == {"example.com/story"}


# --------------------------------------------------------------------------
# registered_domain
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url, domain",
    [
        ("https://foo.blogspot.com/2019/10/x.html", "foo.blogspot.com"),
        ("foo.blogspot.com", "foo.blogspot.com"),
        ("http://blogspot.com/", "blogspot.com"),
        ("https://foo.github.io/x", "foo.github.io"),
        ("news.bbc.co.uk", "bbc.co.uk"),
        ("http://NEWS.BBC.CO.UK:80/a", "bbc.co.uk"),
        (MT_2018, "themoscowtimes.com"),
        ("https://user:pw@www.example.com/", "example.com"),
        ("http://www.example.com./", "example.com"),
        ("http://bücher.de/", "xn--bcher-kva.de"),
        ("http://xn--bcher-kva.de/", "xn--bcher-kva.de"),
        ("https://президент.рф/", "xn--d1abbgf6aiiy.xn--p1ai"),
        ("http://192.168.0.1:8080/", "192.168.0.1"),
        ("127.0.0.1", "127.0.0.1"),
        ("http://[2001:DB8::1]/", "2001:db8::1"),
        ("http://localhost:5000/", "localhost"),
        ("", None),
        ("   ", None),
        ("hello world", None),
        ("http://", None),
        ("co.uk", None),
        ("http://999.1.1.1/", None),
        ("http://[zz", None),
        ("https://%zz.com/", None),
        ("http://-/", None),
        ("javascript:alert(1)", None),
    ],
)
def test_registered_domain(url, domain):
    assert registered_domain(url) == domain


class NetworkAttempted(AssertionError):
    pass


def test_extractor_never_touches_network_or_disk(monkeypatch, tmp_path):
    def refuse(*args, **kwargs):
        raise NetworkAttempted("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(requests.Session, "send", refuse)
    # Every place tldextract could find a URL list or a cache directory.
    monkeypatch.setenv("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "https://psl.invalid/list.dat")
    monkeypatch.setenv("TLDEXTRACT_CACHE", str(tmp_path / "tldcache"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    with pytest.raises(NetworkAttempted):  # the trap is armed
        requests.get("http://psl.invalid/")

    extractor = links._new_extractor()  # fresh: nothing memoised yet
    result = extractor("news.bbc.co.uk")
    assert result.top_domain_under_public_suffix == "bbc.co.uk"
    assert extractor("foo.blogspot.com").top_domain_under_public_suffix == "foo.blogspot.com"
    assert list(tmp_path.iterdir()) == []  # no cache written anywhere


def test_extractor_is_a_singleton():
    assert links._extractor() is links._extractor()


# --------------------------------------------------------------------------
# link_from_href
# --------------------------------------------------------------------------

BASE = "https://www.example.com/world/index.html"


@pytest.mark.parametrize(
    "href, base, url, fetch_url",
    [
        ("https://Example.com/a?utm_source=x", None, "https://Example.com/a?utm_source=x",
         "https://example.com/a"),
        ("/news/2019/story.html", BASE, "/news/2019/story.html",
         "https://www.example.com/news/2019/story.html"),
        ("story.html", BASE, "story.html", "https://www.example.com/world/story.html"),
        ("../b", "https://x.com/a/c/d", "../b", "https://x.com/a/b"),
        ("?page=2", "https://x.com/list?page=1", "?page=2", "https://x.com/list?page=2"),
        ("//cdn.example.com/x", BASE, "//cdn.example.com/x", "https://cdn.example.com/x"),
        ("//cdn.example.com/x", None, "//cdn.example.com/x", "http://cdn.example.com/x"),
        ("  https://x.com/long/\n    path  ", None, "https://x.com/long/\n    path",
         "https://x.com/long/path"),
        ("https://x.com/a\tb", None, "https://x.com/a\tb", "https://x.com/ab"),
        ("https://x.com/My Report.pdf", None, "https://x.com/My Report.pdf",
         "https://x.com/My%20Report.pdf"),
        ("www.example.com/a", BASE, "www.example.com/a", "http://www.example.com/a"),
        ("HTTPS://X.COM/A#section", None, "HTTPS://X.COM/A#section", "https://x.com/A"),
        ("https://other.org/x", BASE, "https://other.org/x", "https://other.org/x"),
    ],
)
def test_link_from_href(href, base, url, fetch_url):
    link = link_from_href(href, "doc", base_url=base)
    assert link is not None
    assert (link.url, link.fetch_url, link.context) == (url, fetch_url, "anchor")
    assert link.match_key == normalise(fetch_url)[1]
    assert link.domain == registered_domain(fetch_url)
    assert (link.start, link.end, link.anchor_text) == (None, None, None)


@pytest.mark.parametrize(
    "href, base",
    [
        ("javascript:void(0)", BASE),
        ("JavaScript:alert(1)", BASE),
        ("mailto:editor@example.com", BASE),
        ("tel:+7-495-000-00-00", BASE),
        ("data:text/html,<b>hi</b>", BASE),
        ("ftp://x.com/file", BASE),
        ("#top", BASE),
        ("#", BASE),
        ("", BASE),
        ("   \n ", BASE),
        ("/relative", None),
        ("relative.html", None),
        ("?page=2", None),
        ("a.html", "file:///tmp/page.html"),
        ("http://", None),
        ("http://[zz", None),
        ("a.html", "http://[zz"),
    ],
)
def test_link_from_href_rejects(href, base):
    assert link_from_href(href, "doc", base_url=base) is None


def test_link_from_href_passes_fields_through():
    link = link_from_href("/a", "doc-9", base_url="https://www.bbc.co.uk/news",
                          anchor_text="the BBC", start=10, end=20, context="related")
    assert link == Link(
        document="doc-9", url="/a", fetch_url="https://www.bbc.co.uk/a",
        match_key="bbc.co.uk/a", domain="bbc.co.uk", context="related",
        start=10, end=20, anchor_text="the BBC",
    )


def test_link_from_href_rejects_unknown_context():
    with pytest.raises(ValueError):
        link_from_href("https://x.com/", "doc", context="footnote")


# --------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------

FRAGMENTS = [
    "http://", "https://", "www.", "HTTPS://", "x.com", "example.co.uk", "/", "-", "_", "a",
    "Z9", "?", "=", "&", "#", "%", "%2", ".", ",", ";", ":", "!", "'", '"', "(", ")", "[",
    "]", "{", "}", "<", ">", "«", "»", "“", "”", "’", "\n", "\r\n", "\r", " ", "\t", "\xa0",
    "\u200b", "Thanks", "Kremlin Says", "Original url:", "Related article: ", "Read more",
    "Source:", "@", "…", "—", "Сирия", "$10,000", "U.S.", "a" * 45,
]
fragment_text = st.lists(st.sampled_from(FRAGMENTS), max_size=60).map("".join)
any_text = st.one_of(st.text(max_size=300), fragment_text)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_find_links_properties(text):
    result = find_links(text, "doc")
    previous_end = 0
    for link in result:
        assert 0 <= link.start < link.end <= len(text)
        assert link.start >= previous_end  # in order, no overlap
        previous_end = link.end
        assert "".join(text[link.start:link.end].split()) == link.url
        assert link.context in ("original", "related", "inline", "wrapped")
        assert link.url.lower().startswith(("http://", "https://", "www."))


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_normalise_never_raises(text):
    fetch_url, match_key = normalise(text)
    assert isinstance(fetch_url, str) and isinstance(match_key, str)
    domain = registered_domain(text)
    assert domain is None or isinstance(domain, str)


@settings(max_examples=300, deadline=None)
@given(any_text, st.one_of(st.none(), st.just(BASE), fragment_text))
def test_link_from_href_never_raises(href, base):
    link = link_from_href(href, "doc", base_url=base)
    assert link is None or link.fetch_url.startswith(("http://", "https://"))


label = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=12).filter(
    lambda s: not s.startswith("-") and not s.endswith("-"))
url_strategy = st.builds(
    lambda scheme, sub, host, tld, segments, params: (
        f"{scheme}://{sub}{host}.{tld}/" + "/".join(segments)
        + ("?" + "&".join(f"{k}={v}" for k, v in params) if params else "")
    ),
    st.sampled_from(["http", "https", "HTTP"]),
    st.sampled_from(["", "www.", "m.", "news."]),
    label,
    st.sampled_from(["com", "co.uk", "ru", "blogspot.com"]),
    st.lists(st.text(alphabet="abcXYZ019-_.~%", max_size=8), max_size=4),
    st.lists(st.tuples(st.sampled_from(["id", "page", "utm_source", "fbclid", "q", "amp"]),
                       st.text(alphabet="ab12+", max_size=4)), max_size=4),
)


@settings(max_examples=300, deadline=None)
@given(url_strategy)
def test_normalise_is_idempotent(url):
    fetch_url, match_key = normalise(url)
    assert normalise(fetch_url) == (fetch_url, match_key)
    assert "utm_source" not in fetch_url and "fbclid" not in match_key
    assert not match_key.startswith(("http://", "https://"))


@settings(max_examples=200, deadline=None)
@given(url_strategy)
def test_generated_urls_are_found_whole(url):
    text = f"See ({url}). Next"
    (link,) = find_links(text, "doc")
    assert link.url == url.rstrip(".,;:!?'*")
    assert (link.fetch_url, link.match_key) == normalise(link.url)


# --------------------------------------------------------------------------
# Performance sanity (no timing assertions: these must simply finish)
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(("Some prose, U.S. $10,000 e.g. " * 30 + "https://example.com/a-b\n") * 1100,
                     id="prose-with-urls"),
        pytest.param("lorem ipsum http://x.com/a " * 40_000, id="many-urls-one-line"),
        pytest.param("x" * 1_000_000, id="one-word"),
        pytest.param("http://" * 150_000, id="schemes"),
        pytest.param("www." * 250_000, id="www"),
        pytest.param("http://a" + ")" * 1_000_000, id="closers"),
        pytest.param("https://a.b/" + "(" * 500_000 + ")" * 500_000, id="balanced"),
        pytest.param(("https://example.com/" + "a" * 70 + "\n") * 12_000, id="many-lines"),
        pytest.param("".join(f"Related article: Kremlin says {i} things\n"
                             f"https://x.com/kremlin-said-other-{i}-stuff\n" for i in range(14_000)),
                     id="many-related-titles"),
        pytest.param("Original url:\n" + "https://x.com/a\n" * 70_000, id="long-url-block"),
    ],
)
def test_one_megabyte_inputs_finish(text):
    assert len(text) >= 900_000
    result = find_links(text, "doc")
    assert all(0 <= link.start < link.end <= len(text) for link in result)

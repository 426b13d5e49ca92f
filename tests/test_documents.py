"""Loading files into Documents: text kept exact, HTML main text and anchors."""

from __future__ import annotations

from pathlib import Path

import pytest

from provenance.documents import Anchor, InputError, load_html, load_text
from provenance.inputs import load_path

ARTICLE_HTML = """<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<title>Ministers clash | Example News</title>
<link rel="canonical" href="https://www.example-news.com/2024/05/01/ministers-clash">
<meta property="og:url" content="https://example-news.com/og-elsewhere">
<meta property="og:site_name" content="Example News">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2024-05-01T10:00:00Z">
</head>
<body>
<nav><a href="/home">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Ministers clash over prices</h1>
<p>The minister said on Monday that prices would rise, according to <a href="https://tass.com/economy/1">TASS</a> reports seen by many readers.</p>
<p>“We will act,” she told
   <a href="https://rtvi.com/news/2?utm_source=tw"> RTVI </a> in an interview broadcast late on Sunday evening.</p>
<p>Officials did not respond to requests for comment on the figures published by the ministry this week.</p>
</article>
<footer><a href="/privacy">Privacy policy</a></footer>
</body></html>"""


def test_text_is_kept_exactly_as_decoded() -> None:
    raw = "Line one\xa0with NBSP\r\nline two\n\n“Quote,” he said.\n"
    doc = load_text(raw.encode("utf-8"), path="a.txt")
    assert doc.text == raw
    assert doc.path == "a.txt"
    assert doc.origin == "file"
    assert len(doc.id) == 16 and doc.id == doc.sha256[:16]


def test_text_drops_only_a_leading_bom() -> None:
    doc = load_text("\ufeffHello\ufeffworld".encode("utf-8"))
    assert doc.text == "Hello\ufeffworld"


def test_same_text_same_id_wherever_it_comes_from() -> None:
    assert load_text(b"Same words.", path="a.txt").id == load_text(b"Same words.", path="b/c.txt").id
    assert load_text(b"Same words.").id != load_text(b"Other words.").id


def test_invalid_utf8_with_no_fitting_encoding_names_the_input_and_the_byte() -> None:
    data = "Министр заявил".encode("utf-8")[:-1] + b" and then \xd0"
    with pytest.raises(InputError) as err:
        load_text(data, path="cut.txt")
    assert str(err.value) == "cut.txt: not valid UTF-8 (byte 0xd0 at offset 25) and no other text encoding fits"


RUSSIAN = "Министр заявил ТАСС, что цены вырастут. «Мы будем действовать», — сказал он. "
RUSSIAN_PLAIN = "Министр заявил ТАСС, что цены вырастут в этом году по всей стране. "  # KOI8-R has no « — 
ENGLISH = "“Prices will rise,” the minister said on Monday, according to Agence France-Presse. "


@pytest.mark.parametrize(
    "data, text, encoding",
    [
        pytest.param((RUSSIAN * 3).encode("cp1251"), RUSSIAN * 3, "cp1251", id="windows-1251"),
        pytest.param((RUSSIAN_PLAIN * 3).encode("koi8-r"), RUSSIAN_PLAIN * 3, "koi8-r", id="koi8-r"),
        pytest.param("Café owners said the minister had lied. ".encode("latin-1") * 2,
                     "Café owners said the minister had lied. " * 2, None, id="latin-1"),
        pytest.param((ENGLISH * 2).encode("utf-16-le"), ENGLISH * 2, "utf-16-le", id="utf-16-le-no-bom"),
        pytest.param((RUSSIAN * 2).encode("utf-16-be"), RUSSIAN * 2, "utf-16-be", id="utf-16-be-no-bom"),
        pytest.param(b"\xff\xfe" + ENGLISH.encode("utf-16-le"), ENGLISH, "utf-16-le", id="utf-16-bom"),
        pytest.param(b"\xfe\xff" + RUSSIAN.encode("utf-16-be"), RUSSIAN, "utf-16-be", id="utf-16-be-bom"),
        pytest.param(b"\xef\xbb\xbf" + ENGLISH.encode(), ENGLISH, "utf-8", id="utf-8-bom"),
        pytest.param(ENGLISH.encode(), ENGLISH, "utf-8", id="utf-8"),
    ],
)
def test_text_encodings_are_decoded_and_recorded(data: bytes, text: str, encoding: str | None) -> None:
    doc = load_text(data, path="x.txt")
    assert doc.text == text
    if encoding is None:  # Latin-1 bytes are equally valid cp1250/cp1252: any of them reads right
        assert doc.encoding in {"cp1250", "cp1252", "latin-1", "iso8859-15"}
    else:
        assert doc.encoding == encoding


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("empty.txt", b"", "empty.txt: file is empty"),
        ("blank.txt", b"  \n\t\n", "blank.txt: file is empty"),
        ("binary.txt", bytes(range(256)) * 4, "binary.txt: binary file, not text"),
        ("random.txt", __import__("random").Random(7).randbytes(4096), "random.txt: binary file, not text"),
        ("binary.html", b"<html>\x00\x01\x02" * 50, "binary.html: binary file, not HTML"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64, "image.txt: binary file, not text"),
        ("notes.md", b"# Notes\nSome text.", "notes.md: unsupported file type '.md': expected .txt, .html, .htm or .warc"),
    ],
)
def test_bad_files_raise_one_line_errors(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as err:
        load_path(path)
    assert str(err.value) == f"{tmp_path}/{message}"
    assert "\n" not in str(err.value)


def test_oversized_file_is_refused_without_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("provenance.inputs.MAX_INPUT_BYTES", 100)
    path = tmp_path / "big.txt"
    path.write_text("word " * 40)
    with pytest.raises(InputError, match=r"big\.txt: file is 200 bytes, over the 100-byte limit"):
        load_path(path)


def test_html_main_text_metadata_and_anchor_offsets() -> None:
    doc, anchors = load_html(ARTICLE_HTML.encode("utf-8"), path="page.html")
    assert doc.title == "Ministers clash over prices"
    assert doc.byline == "Jane Doe"
    assert doc.published == "2024-05-01"
    assert doc.outlet == "Example News"
    # rel=canonical wins over og:url
    assert doc.canonical_url == "https://www.example-news.com/2024/05/01/ministers-clash"
    # navigation and footer are not article text
    assert "Privacy policy" not in doc.text and "World" not in doc.text
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[1] == (
        "The minister said on Monday that prices would rise, according to TASS reports seen by many readers."
    )
    assert paragraphs[2] == "“We will act,” she told RTVI in an interview broadcast late on Sunday evening."
    assert [(a.href, a.text) for a in anchors] == [
        ("https://tass.com/economy/1", "TASS"),
        ("https://rtvi.com/news/2?utm_source=tw", "RTVI"),
    ]
    for anchor in anchors:
        assert doc.text[anchor.start:anchor.end] == anchor.text


def test_html_charset_from_meta_is_honoured() -> None:
    html = (
        '<html><head><meta charset="windows-1251"><title>t</title></head><body><article>'
        "<p>Министр заявил ТАСС, что цены вырастут в этом году по всей стране и в регионах тоже.</p>"
        "<p>Это второй абзац статьи с достаточным количеством слов для извлечения текста.</p>"
        "</article></body></html>"
    ).encode("cp1251")
    doc, _ = load_html(html, path="ru.html")
    assert "Министр заявил ТАСС" in doc.text


def test_malformed_html_still_yields_text() -> None:
    html = b"<html><body><p>Unclosed <b>bold <i>italic</p><div><p>The spokesman said the talks failed.<table><tr><td>x"
    doc, _ = load_html(html, path="broken.html")
    assert "The spokesman said the talks failed." in doc.text


def test_html_without_text_is_an_input_error() -> None:
    with pytest.raises(InputError, match=r"^empty\.html: no article text found in HTML$"):
        load_html(b"<html><head><script>var x = 1;</script></head><body></body></html>", path="empty.html")


def test_txt_holding_a_full_html_page_is_loaded_as_html(tmp_path: Path) -> None:
    path = tmp_path / "saved.txt"
    path.write_text(ARTICLE_HTML, encoding="utf-8")
    doc, anchors = load_path(path)
    assert doc.title == "Ministers clash over prices"
    assert len(anchors) == 2


def test_anchor_is_a_plain_value() -> None:
    assert Anchor("https://x.com", "x", 0, 1) == Anchor("https://x.com", "x", 0, 1)


def test_figure_captions_follow_the_article_text_once() -> None:
    """trafilatura drops <figcaption>; the photo credit there is kept as a
    paragraph after the article text (once, and not when already in it)."""
    body = " ".join(["The Kremlin on Monday denied reports of a new wave of mobilization."] * 3)
    html = (
        "<html><head><title>t</title></head><body><article><h1>Kremlin denies plan</h1>"
        "<figure><img src='a.jpg'><figcaption>Dmitry Peskov. Photo: Sergei Bobylev / TASS</figcaption></figure>"
        f"<p>{body}</p><p>{body}</p>"
        "<figure><img src='b.jpg'><figcaption>Dmitry Peskov. Photo: Sergei Bobylev / TASS</figcaption></figure>"
        "</article></body></html>"
    )
    doc, _ = load_html(html, "page.html")
    assert doc.text.endswith("\n\nDmitry Peskov. Photo: Sergei Bobylev / TASS")
    assert doc.text.count("Sergei Bobylev") == 1
    from provenance.attribution import extract_citations

    credits = [c for c in extract_citations(doc.text, "d") if c.kind == "photo_credit"]
    assert [(c.source, c.via, c.via_outlet, c.cue) for c in credits] == [
        ("Sergei Bobylev", "TASS", "tass", "Photo: Sergei Bobylev / TASS")
    ]

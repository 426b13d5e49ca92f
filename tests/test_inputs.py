"""Inputs: files, directories and WARC captures become a lazy stream of items."""

from __future__ import annotations

import io
import os
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from provenance.cli import cli
from provenance.documents import InputError
from provenance.inputs import Item, expand_paths, iter_items, load_path

ARTICLE = (
    "<html><head><title>Talks fail</title></head><body><article><h1>Talks fail</h1>"
    "<p>The minister told <a href='https://tass.com/x'>TASS</a> on Monday that the talks had failed "
    "and that no new meeting was planned before the end of the month.</p>"
    "<p>Officials did not respond to several requests for comment on the figures this week.</p>"
    "</article></body></html>"
)


def write_warc(path: Path, gz: bool = True) -> None:
    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=gz)

        def response(uri: str, status: str, content_type: str, body: bytes) -> None:
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers))

        writer.write_record(writer.create_warc_record("http://news.test/a", "request", payload=io.BytesIO(b"GET /a HTTP/1.1\r\n\r\n")))
        response("http://news.test/a", "200 OK", "text/html; charset=utf-8", ARTICLE.encode())
        response("http://news.test/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)
        response("http://news.test/gone", "404 Not Found", "text/html", b"<html><body>Not found</body></html>")
        writer.write_record(writer.create_warc_record(
            "http://news.test/plain.txt", "resource", payload=io.BytesIO("Moscow said the talks failed.".encode()),
            warc_content_type="text/plain",
        ))


def test_directories_expand_recursively_and_sorted(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.html").write_text("<p>x</p>")
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "skip.pdf").write_bytes(b"%PDF")
    (tmp_path / "c.HTM").write_text("<p>x</p>")
    (tmp_path / "d.warc.gz").write_bytes(b"")
    assert list(expand_paths([tmp_path])) == [
        tmp_path / "a.txt", tmp_path / "b" / "two.html", tmp_path / "c.HTM", tmp_path / "d.warc.gz",
    ]


def test_missing_paths_and_empty_dirs_are_errors_in_place(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "ok.txt").write_text("x")
    items = list(expand_paths([tmp_path / "nope.txt", tmp_path / "empty", tmp_path / "ok.txt"]))
    assert [str(i) for i in items] == [
        f"{tmp_path}/nope.txt: no such file or directory",
        f"{tmp_path}/empty: directory holds no .txt, .html or .warc files",
        str(tmp_path / "ok.txt"),
    ]
    assert isinstance(items[0], InputError) and items[0].path == str(tmp_path / "nope.txt")


def test_symlink_loop_does_not_recurse(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_text("x")
    os.symlink(tmp_path / "d", tmp_path / "d" / "loop")
    assert list(expand_paths([tmp_path])) == [tmp_path / "d" / "a.txt"]


def test_files_become_items_lazily(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"Text.")
    (tmp_path / "b.html").write_bytes(b"<p>Hi</p>")
    (tmp_path / "c.txt").write_bytes(b"")
    stream = iter_items(expand_paths([tmp_path]))
    assert next(stream) == Item(str(tmp_path / "a.txt"), b"Text.", "auto", str(tmp_path / "a.txt"), size=5)
    assert next(stream) == Item(str(tmp_path / "b.html"), b"<p>Hi</p>", "html", str(tmp_path / "b.html"), size=9)
    error = next(stream)
    assert isinstance(error, InputError) and str(error) == f"{tmp_path}/c.txt: file is empty"


@pytest.mark.parametrize("gz", [True, False])
def test_warc_article_records_become_items(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("capture.warc.gz" if gz else "capture.warc")
    write_warc(path, gz)
    items = list(iter_items([path]))
    assert [(i.name, i.kind, i.url, i.origin, i.path) for i in items] == [
        (f"{path}#http://news.test/a", "html", "http://news.test/a", "warc", str(path)),
        (f"{path}#http://news.test/plain.txt", "text", "http://news.test/plain.txt", "warc", str(path)),
    ]
    assert items[0].data == ARTICLE.encode()
    assert sum(i.size for i in items) <= path.stat().st_size


def test_damaged_warc_yields_what_it_can_then_one_error(tmp_path: Path) -> None:
    whole = tmp_path / "whole.warc.gz"
    write_warc(whole)
    data = whole.read_bytes()
    damaged = tmp_path / "damaged.warc.gz"
    # keep the first two records intact, then garbage where a gzip member should start
    items_whole = list(iter_items([whole]))
    cut = data.index(b"\x1f\x8b", len(data) // 2)
    damaged.write_bytes(data[:cut] + b"\x1f\x8bnot gzip at all" * 4)
    items = list(iter_items([damaged]))
    assert isinstance(items[-1], InputError)
    assert str(items[-1]).startswith(f"{damaged}: damaged WARC after offset ")
    assert [i.url for i in items[:-1]] == [i.url for i in items_whole][: len(items) - 1]


def test_ingest_reads_warc_captures(tmp_path: Path) -> None:
    path = tmp_path / "capture.warc.gz"
    write_warc(path)
    db = tmp_path / "w.db"
    result = CliRunner().invoke(cli, ["ingest", str(path), "--db", str(db)])
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(db)
    rows = conn.execute("select url, origin, path, title from documents order by url").fetchall()
    assert rows == [
        ("http://news.test/a", "warc", str(path), "Talks fail"),
        ("http://news.test/plain.txt", "warc", str(path), None),
    ]
    assert conn.execute("select url, anchor_text from links").fetchall() == [("https://tass.com/x", "TASS")]


def test_load_path_is_one_article(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Ankara said so.", encoding="utf-8")
    document, anchors = load_path(tmp_path / "a.txt")
    assert (document.text, document.origin, anchors) == ("Ankara said so.", "file", [])
    with pytest.raises(InputError, match=r"missing\.txt: cannot read: No such file or directory"):
        load_path(tmp_path / "missing.txt")

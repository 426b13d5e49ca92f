"""WARC record then replay with the server stopped; charset handling; the Wayback client."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from warcio.archiveiterator import ArchiveIterator

from provenance.cli import cli
from provenance.crawl.archive import ArchiveError, Wayback, wayback_timestamp
from provenance.crawl.crawler import decode_html, page_identity
from provenance.documents import load_html

from .test_crawl_helpers import (  # noqa: F401
    _shared_server,
    article,
    no_outside_dns,
    own_server,
    server,
    url,
)

RU = "Министерство обороны заявило, что переговоры снова зашли в тупик, сообщил представитель."


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def table(db: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_record_then_replay_offline_gives_the_same_documents(tmp_path: Path, own_server) -> None:
    srv = own_server
    srv.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /secret\n", content_type="text/plain")
    srv.expect_request("/start").respond_with_data("", status=301, headers={"Location": "/story"})
    srv.expect_request("/story").respond_with_data(article("Recorded story"), content_type="text/html")
    srv.expect_request("/data.json").respond_with_data('{"a": 1}', content_type="application/json")
    srv.expect_request("/gone").respond_with_data("gone", status=410)
    links = [url(srv, p) for p in ("/start", "/data.json", "/gone", "/secret/x")]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "seed.html").write_text(article("Seed", [(u, "link") for u in links]))
    live, replayed, warc = tmp_path / "live.db", tmp_path / "replay.db", tmp_path / "run.warc.gz"
    for db in (live, replayed):
        assert run("ingest", str(corpus), "--db", str(db)).exit_code == 0

    result = run("crawl", "--db", str(live), "--allow-private", "--delay", "0", "--record", str(warc))
    assert result.exit_code == 1  # the 410 and the robots refusal
    srv.stop()
    result = run("crawl", "--db", str(replayed), "--replay", str(warc), "--delay", "0")
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1] == (
        f"4 fetched: 2 ok, 0 unchanged, 2 failed (http_error 1, robots 1); 1 new documents in {replayed}")

    sql = "select url, outcome, status, hops, final_url, content_type, sha256, bytes, document from fetches order by url"
    assert table(replayed, sql) == table(live, sql)
    docs = "select id, url, text, origin, depth from documents order by id"
    assert table(replayed, docs) == table(live, docs)
    assert table(replayed, "select fetch_url, target from links order by id") == table(
        live, "select fetch_url, target from links order by id")

    with open(warc, "rb") as stream:
        records = [(r.rec_type, r.rec_headers.get_header("WARC-Target-URI")) for r in ArchiveIterator(stream)]
    responses = sorted(u for t, u in records if t == "response")
    assert responses == sorted([url(srv, "/robots.txt"), url(srv, "/start"), url(srv, "/story"),
                                url(srv, "/data.json"), url(srv, "/gone")])
    assert sum(t == "request" for t, _ in records) == len(responses)
    assert records[0][0] == "warcinfo"


def test_replay_of_a_url_not_in_the_warc(tmp_path: Path) -> None:
    from provenance.crawl.fetch import Fetcher
    from provenance.crawl.warc import ReplayTransport

    warc = tmp_path / "empty.warc.gz"
    from provenance.crawl.warc import WarcRecorder

    WarcRecorder(str(warc), "ua").close()
    res = Fetcher(ReplayTransport(str(warc))).fetch("http://news.test/a")
    assert (res.outcome, res.error) == ("error", "ReplayMiss: not in the WARC: http://news.test/a")


def cp1251_html(meta: bool) -> bytes:
    head = '<meta charset="windows-1251">' if meta else ""
    body = "".join(f"<p>{RU} Номер {i}.</p>" for i in range(4))
    return f"<html><head>{head}<title>Новости</title></head><body><article>{body}</article></body></html>".encode("cp1251")


@pytest.mark.parametrize("body,header", [
    (cp1251_html(meta=True), None),             # charset only in <meta>
    (cp1251_html(meta=False), None),            # no charset anywhere: detection
    (cp1251_html(meta=False), "windows-1251"),  # the header says it
    (cp1251_html(meta=True), "utf-8"),          # a wrong header: strict decoding fails, meta wins
])
def test_charset(body: bytes, header: str | None) -> None:
    document, _ = load_html(decode_html(body, header), url="http://news.test/ru")
    assert RU in document.text


def test_header_charset_beats_meta() -> None:
    body = '<html><head><meta charset="windows-1251"></head><body><p>café crème, déjà vu and more words here.</p></body></html>'
    document, _ = load_html(decode_html(body.encode("utf-8"), "UTF-8"), url="http://news.test/fr")
    assert "café crème" in document.text


@pytest.mark.parametrize("canonical,og,expected", [
    ("http://news.test/c", None, "http://news.test/c"),
    ("http://other.test/c", "http://news.test/og", "http://news.test/og"),
    ("http://other.test/c", "http://other.test/og", None),
    (None, None, None),
    ("ftp://news.test/c", None, None),
])
def test_page_identity(canonical, og, expected) -> None:
    assert page_identity("http://news.test/final", canonical, og) == expected


def test_wayback_client(server) -> None:
    server.expect_request("/available", query_string="url=http%3A%2F%2Fdead.test%2Fa&timestamp=20250102030405").respond_with_json(
        {"archived_snapshots": {"closest": {"available": True, "url": "http://web.archive.org/web/2025/x",
                                            "timestamp": "20250101000000", "status": "200"}}})
    server.expect_request("/available", query_string="url=http%3A%2F%2Fnever.test%2F").respond_with_json(
        {"url": "never.test", "archived_snapshots": {}})
    server.expect_request("/broken").respond_with_data("oops", status=500)
    wb = Wayback(url(server, "/available", "127.0.0.1"))
    snap = wb.closest("http://dead.test/a", wayback_timestamp("2025-01-02T03:04:05.678+00:00"))
    assert (snap.url, snap.timestamp, snap.status) == ("http://web.archive.org/web/2025/x", "20250101000000", "200")
    assert wb.closest("http://never.test/") is None
    with pytest.raises(ArchiveError):
        Wayback(url(server, "/broken", "127.0.0.1")).closest("http://x.test/")

"""Crawl and refresh end to end: real SQLite files, the real CLI, a real server on 127.0.0.1."""

from __future__ import annotations

import json
import socket
import sqlite3
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

from click.testing import CliRunner
from werkzeug import Response

from provenance.cli import cli
from provenance.crawl import CrawlConfig, Crawler
from provenance.crawl.archive import Wayback
from provenance.store import ensure_db_shape, open_db

from .test_crawl_helpers import (  # noqa: F401
    RESOLVER,
    Clock,
    _shared_server,
    article,
    no_outside_dns,
    server,
    url,
)

ROOT = Path(__file__).resolve().parent.parent
CYRILLIC = "Министерство обороны заявило в понедельник, что переговоры снова зашли в тупик"


def run(*args: str, env: dict | None = None):
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


def rows(db: Path, sql: str, *params) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def seed(tmp_path: Path, links: list[str]) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "seed.html").write_text(article("Seed story", [(u, f"source {i}") for i, u in enumerate(links)]))
    db = tmp_path / "crawl.db"
    result = run("ingest", str(corpus), "--db", str(db))
    assert result.exit_code == 0, result.output
    return db


def cp1251_page() -> bytes:
    body = "".join(f"<p>{CYRILLIC}, сообщил представитель ведомства номер {i}.</p>" for i in range(3))
    return (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
            f"<title>Новости</title></head><body><article>{body}</article></body></html>").encode("cp1251")


def test_cli_crawl_corpus_against_local_server(tmp_path: Path, server) -> None:
    one, pdf, missing, ru = url(server, "/one"), url(server, "/doc.pdf"), url(server, "/missing"), url(server, "/ru")
    server.expect_request("/one").respond_with_data(
        article("First source", [(url(server, "/deep"), "deeper")],
                extra_head=f'<link rel="canonical" href="/one-canonical">'
                           f'<meta property="og:url" content="{url(server, "/elsewhere", "a.example")}">'),
        content_type="text/html; charset=utf-8")
    server.expect_request("/doc.pdf").respond_with_data(b"%PDF-1.4 " + b"0" * 91, content_type="application/pdf")
    server.expect_request("/missing").respond_with_data("not here", status=404)
    server.expect_request("/ru").respond_with_data(cp1251_page(), content_type="text/html")
    server.expect_request("/deep").respond_with_data(article("Deep source"), content_type="text/html")
    db = seed(tmp_path, [one, pdf, missing, ru])

    result = run("crawl", "--db", str(db), "--allow-private", "--delay", "0")
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1] == (
        f"4 fetched: 3 ok, 0 unchanged, 1 failed (http_error 1); 2 new documents in {db}")
    fetched = {r[0]: r[1:] for r in rows(db, "select url, outcome, status, content_type, bytes, hops from fetches")}
    assert fetched == {
        one: ("ok", 200, "text/html; charset=utf-8", fetched[one][3], "[]"),
        pdf: ("not_html", 200, "application/pdf", 100, "[]"),
        missing: ("http_error", 404, "text/plain; charset=utf-8", 8, "[]"),
        ru: ("ok", 200, "text/html", len(cp1251_page()), "[]"),
    }
    # The page became a document at depth 1 and the citing link points at it.
    docs = rows(db, "select d.url, d.canonical_url, d.origin, d.depth, d.text from documents d "
                    "join links l on l.target = d.id where l.fetch_url in (?, ?) order by d.url", one, ru)
    assert [(u, c, o, dep) for u, c, o, dep, _ in docs] == [
        (one, url(server, "/one-canonical"), "crawl", 1),
        (ru, None, "crawl", 1),
    ]
    assert CYRILLIC in docs[1][4]
    # canonical and og:url are stored separately; the cross-site og:url is evidence, not identity.
    assert rows(db, "select canonical_url, og_url from fetches where url = ?", one) == [
        (url(server, "/one-canonical"), url(server, "/elsewhere", "a.example"))]
    assert rows(db, "select state from url_states where url = ?", missing) == [("uncertain",)]
    assert rows(db, "select count(*) from fetches where url = ?", url(server, "/deep")) == [(0,)]

    # Depth 2 follows the crawled page's own link; re-running fetches only what is new.
    result = run("crawl", "--db", str(db), "--allow-private", "--delay", "0", "--depth", "2")
    assert result.exit_code == 0, result.output
    assert result.output.strip().splitlines()[-1] == f"1 fetched: 1 ok, 0 unchanged, 0 failed; 1 new documents in {db}"
    assert rows(db, "select d.depth, d.origin from documents d join links l on l.target = d.id where l.fetch_url = ?",
                url(server, "/deep")) == [(2, "crawl")]


def test_cli_crawl_without_allow_private_is_blocked(tmp_path: Path, server) -> None:
    server.expect_request("/one").respond_with_data(article("x"), content_type="text/html")
    target = url(server, "/one", "127.0.0.1")
    db = seed(tmp_path, [target])
    result = run("crawl", "--db", str(db), "--delay", "0")
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1] == (
        f"1 fetched: 0 ok, 0 unchanged, 1 failed (blocked 1); 0 new documents in {db}")
    assert rows(db, "select outcome, status from fetches") == [("blocked", None)]
    assert server.log == []


def test_cli_crawl_missing_db_and_record_with_replay(tmp_path: Path) -> None:
    result = run("crawl", "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 1
    assert result.output == f"error: {tmp_path / 'none.db'}: no such database; run `provenance ingest` first\n"
    warc = tmp_path / "x.warc.gz"
    warc.write_bytes(b"")
    db = tmp_path / "e.db"
    ensure_db_shape(open_db(db))
    result = run("crawl", "--db", str(db), "--record", str(tmp_path / "y.warc.gz"), "--replay", str(warc))
    assert (result.exit_code, result.output) == (1, "error: --record and --replay cannot be used together\n")


def test_cli_crawl_nothing_to_do_exits_0(tmp_path: Path) -> None:
    db = tmp_path / "e.db"
    ensure_db_shape(open_db(db))
    result = run("crawl", "--db", str(db))
    assert (result.exit_code, result.output) == (0, f"0 fetched: 0 ok, 0 unchanged, 0 failed; 0 new documents in {db}\n")


def test_sample_corpus_offline_records_every_url_as_dns(tmp_path: Path, monkeypatch) -> None:
    db = tmp_path / "samples.db"
    assert run("ingest", str(ROOT / "data" / "samples"), "--db", str(db)).exit_code == 0
    urls = {r[0] for r in rows(db, "select distinct fetch_url from links")}
    lookups: list[str] = []
    guard = socket.getaddrinfo

    def counted(host, *args, **kwargs):
        lookups.append(host)
        return guard(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", counted)
    result = run("crawl", "--db", str(db))  # system resolver: the test guard fails every real name
    assert result.exit_code == 1
    # Each host looked up once: a failed name is neither retried nor waited on.
    assert sorted(lookups) == sorted({urlsplit(u).hostname for u in urls})
    n = len(urls)
    assert result.output.strip().splitlines()[-1] == (
        f"{n} fetched: 0 ok, 0 unchanged, {n} failed (dns {n}); 0 new documents in {db}")
    assert {r[0]: r[1] for r in rows(db, "select url, outcome from fetches")} == {u: "dns" for u in urls}
    assert {r[0] for r in rows(db, "select state from url_states")} == {"uncertain"}


def crawler(db: Path, clock: Clock, **kw) -> Crawler:
    return Crawler(open_db(db), CrawlConfig(delay=0, allow_private=True, resolver=RESOLVER, backoff=0.01,
                                            retries=0, clock=clock, **kw))


def test_refresh_conditional_get_and_changed_page(tmp_path: Path, server) -> None:
    version = {"n": 1}

    def page(req):
        etag = f'"v{version["n"]}"'
        if req.headers.get("If-None-Match") == etag:
            return Response(status=304, headers={"ETag": etag})
        return Response(article(f"Version {version['n']} of the story"), content_type="text/html",
                        headers={"ETag": etag, "Last-Modified": "Mon, 02 Nov 2026 10:00:00 GMT"})

    server.expect_request("/v").respond_with_handler(page)
    target = url(server, "/v")
    db = seed(tmp_path, [target])
    clock = Clock(datetime(2026, 11, 1, tzinfo=timezone.utc))
    with crawler(db, clock) as c:
        assert c.crawl().line() == "1 fetched: 1 ok, 0 unchanged, 0 failed; 1 new documents"
        first_doc = rows(db, "select target from links where fetch_url = ?", target)[0][0]
        clock.advance(days=1)
        from datetime import timedelta
        assert c.refresh(timedelta(days=7)).fetched == 0  # checked a day ago: not due
        clock.advance(days=7)
        s = c.refresh(timedelta(days=7))
        assert s.line() == "1 fetched: 0 ok, 1 unchanged, 0 failed; 0 new documents"
        req = server.log[-1][0]
        assert (req.headers.get("If-None-Match"), req.headers.get("If-Modified-Since")) == (
            '"v1"', "Mon, 02 Nov 2026 10:00:00 GMT")
        version["n"] = 2
        clock.advance(days=8)
        s = c.refresh(timedelta(days=7))
        assert s.line() == "1 fetched: 1 ok, 0 unchanged, 0 failed; 1 new documents"
    history = rows(db, "select outcome, status, etag, document from fetches where url = ? order by fetched_at", target)
    second_doc = rows(db, "select target from links where fetch_url = ?", target)[0][0]
    assert second_doc != first_doc
    assert history == [("ok", 200, '"v1"', first_doc), ("not_modified", 304, '"v1"', None), ("ok", 200, '"v2"', second_doc)]
    assert rows(db, "select count(*) from documents where origin = 'crawl'") == [(2,)]


def test_link_rot_hysteresis_and_archive_lookup(tmp_path: Path, server) -> None:
    from datetime import timedelta

    server.expect_request("/rot").respond_with_data("gone", status=503)
    server.expect_request("/wayback/available").respond_with_json({
        "url": "x", "archived_snapshots": {"closest": {
            "available": True, "url": "http://web.archive.org/web/20261101000000/http://news.test/rot",
            "timestamp": "20261101000000", "status": "200"}}})
    target = url(server, "/rot")
    db = seed(tmp_path, [target])
    clock = Clock(datetime(2026, 11, 1, tzinfo=timezone.utc))
    states = []
    with crawler(db, clock) as c:
        c.crawl()
        states.append(rows(db, "select state, failures from url_states")[0])
        for days in (1, 1, 1):  # days 1 and 2 do not count (< 3 days after day 0); day 3 does
            clock.advance(days=days)
            c.refresh(timedelta(0))
            states.append(rows(db, "select state, failures from url_states")[0])
        clock.advance(days=3)
        summary = c.refresh(timedelta(0))
        states.append(rows(db, "select state, failures from url_states")[0])
        c.archive_dead(Wayback(url(server, "/wayback/available", "127.0.0.1")), summary)
    assert states == [("uncertain", 1), ("uncertain", 1), ("uncertain", 1), ("uncertain", 2), ("dead", 3)]
    assert summary.line() == ("1 fetched: 0 ok, 0 unchanged, 1 failed (http_error 1); 0 new documents; "
                              "archive: 1 found, 0 not archived")
    assert rows(db, "select archive_url, archive_timestamp from url_states") == [
        ("http://web.archive.org/web/20261101000000/http://news.test/rot", "20261101000000")]
    wayback_req = server.log[-1][0]
    assert (wayback_req.args["url"], wayback_req.args["timestamp"]) == (target, "20261101000000")


def test_cli_refresh_dead_only_with_archive(tmp_path: Path, server) -> None:
    server.expect_request("/fine").respond_with_data(article("fine"), content_type="text/html")
    server.expect_request("/wayback").respond_with_json({"archived_snapshots": {}})
    fine = url(server, "/fine")
    db = seed(tmp_path, [fine])
    assert run("crawl", "--db", str(db), "--allow-private", "--delay", "0").exit_code == 0
    result = run("refresh", "--db", str(db), "--older-than", "0", "--dead-only", "--archive", "--allow-private",
                 env={"PROVENANCE_WAYBACK_API": url(server, "/wayback", "127.0.0.1")})
    assert (result.exit_code, result.output) == (0, f"0 fetched: 0 ok, 0 unchanged, 0 failed; 0 new documents in {db}\n")
    result = run("refresh", "--db", str(db), "--older-than", "0", "--allow-private", "--delay", "0")
    assert (result.exit_code, result.output) == (0, f"1 fetched: 0 ok, 1 unchanged, 0 failed; 0 new documents in {db}\n")
    result = run("refresh", "--db", str(db), "--older-than", "soon")
    assert (result.exit_code, result.output) == (1, "error: --older-than 'soon': expected a number with s, m, h, d or w, e.g. 7d\n")
    assert json.loads(rows(db, "select hops from fetches limit 1")[0][0]) == []


def test_crawl_and_refresh_have_help_with_example() -> None:
    for command in ("crawl", "refresh"):
        result = run(command, "--help")
        assert result.exit_code == 0 and "Example:" in result.output and f"provenance {command}" in result.output

"""The publishing layer in datasette's test client: every canned query with
exact rows on the sample corpus (a link cycle included), the graph JSON, the
graph page, the links from rows to their graph, and full-text search."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from datasette.app import Datasette

from provenance.cli import cli
from provenance.publish import load_metadata

A = "4fdbd632250f5c61"  # 000_894e449b0d82cf1f.txt
B = "dc7a64c2defee87a"  # 003_f71d14fe5b8ebe83.txt (The Moscow Times)
DUVAR = "834d83bd9d8c9537"  # 004_25c953e6f2a1b7ac.txt
A_TO_B = "a8485a85b1d21310"  # A's "Related article" link, made to point at B
B_TO_A = "71fad1739412498b"  # B's "Related article" link, made to point at A
RTVI_URL = "https://rtvi.com/topics/my-v-neizvestnosti-rossiyanki-kotorye-ostalis-v-siriyskom-lagere/"
MT_URL = "https://www.themoscowtimes.com/2026/04/14/kremlin-we-dont-want-to-consider-possibility-of-syria-clash-with-turkey"


@pytest.fixture
def corpus(samples: list[Path], db_path: Path) -> Path:
    """The sample corpus, as the crawler would leave it: A links B links A
    (a cycle), one dead link with an archived snapshot and a last good fetch,
    one uncertain link never fetched successfully."""
    assert CliRunner().invoke(cli, ["ingest", str(samples[0].parent), "--db", str(db_path)]).exit_code == 0
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute("update links set target = ? where id = ?", [B, A_TO_B])
        conn.execute("update links set target = ? where id = ?", [A, B_TO_A])
        conn.executemany(
            "insert into fetches (id, url, fetched_at, status, outcome) values (?, ?, ?, ?, ?)",
            [
                ("f1", RTVI_URL, "2026-05-01T10:00:00Z", 200, "ok"),
                ("f2", RTVI_URL, "2026-06-01T10:00:00Z", 200, "ok"),
                ("f3", RTVI_URL, "2026-07-01T10:00:00Z", 404, "http_error"),
                ("f4", MT_URL, "2026-07-02T10:00:00Z", None, "timeout"),
            ],
        )
        conn.executemany(
            "insert into url_states (id, url, state, failures, first_failure_at, last_checked_at, last_ok_at,"
            " last_status, last_outcome, archive_url, archive_timestamp) values (?,?,?,?,?,?,?,?,?,?,?)",
            [
                ("s1", RTVI_URL, "dead", 3, "2026-07-01T10:00:00Z", "2026-07-20T10:00:00Z", "2026-06-01T10:00:00Z",
                 404, "http_error", "https://web.archive.org/web/20260601000000/" + RTVI_URL, "20260601000000"),
                ("s2", MT_URL, "uncertain", 1, "2026-07-02T10:00:00Z", "2026-07-02T10:00:00Z", None,
                 None, "timeout", None, None),
            ],
        )
    conn.close()
    return db_path


def request(db_path: Path, path: str):
    async def fetch():
        ds = Datasette([str(db_path)], metadata=load_metadata(db_path))
        response = await ds.client.get(path)
        try:
            body = response.json()
        except ValueError:
            body = response.text
        return response.status_code, body

    return asyncio.run(fetch())


def query(db_path: Path, name: str, **params: str) -> list[dict]:
    from urllib.parse import urlencode

    status, rows = request(db_path, f"/{db_path.stem}/{name}.json?_shape=array&{urlencode(params)}")
    assert status == 200, rows
    return rows


def test_every_canned_query_has_a_title_description_and_parameters(corpus: Path) -> None:
    queries = load_metadata(corpus)["databases"][corpus.stem]["queries"]
    assert {"chain_upstream", "chain_downstream", "outlet_relays", "most_cited_origins", "link_rot",
            "citations_by_outlet", "links_by_domain"} <= set(queries)
    for name in ["chain_upstream", "chain_downstream", "outlet_relays", "most_cited_origins", "link_rot"]:
        q = queries[name]
        assert q["title"] and q["description"] and q["params"], name
        for param in q["params"]:
            assert f":{param}" in q["sql"], (name, param)


def expected_upstream(db_path: Path, depths: dict[str, int], links: list[tuple[int, str, str]]) -> list[dict]:
    """An independent oracle in Python for chain_upstream: the citations of
    the documents at their depths, grouped into edges, plus the link edges."""
    conn = sqlite3.connect(db_path)
    conn.row_factory = sqlite3.Row
    names = dict(conn.execute("select id, name from outlets").fetchall())
    labels = {r["id"]: Path(r["path"]).name for r in conn.execute("select id, path from documents")}
    edges: dict[tuple, dict] = {}

    def add(depth, a, a_label, relation, b, b_label, citations=1):
        row = edges.setdefault((a, relation, b), {"depth": depth, "from_label": a_label, "relation": relation,
                                                   "to_label": b_label, "citations": 0, "from_node": a, "to_node": b})
        row["depth"] = min(row["depth"], depth)
        row["citations"] += citations

    for doc, depth in depths.items():
        for c in conn.execute("select * from citations where document = ?", [doc]):
            origin = (f"outlet:{c['source_outlet']}", names[c["source_outlet"]]) if c["source_outlet"] else (
                (f"source:{c['source']}", c["source"]) if c["source"] else None)
            channel = (f"outlet:{c['via_outlet']}", names[c["via_outlet"]]) if c["via_outlet"] else (
                (f"source:{c['via']}", c["via"]) if c["via"] else None)
            if origin and channel and origin[0] != channel[0]:
                add(depth, *origin, "relayed_by", *channel)
            last = channel or origin
            if last:
                add(depth, *last, "cited_in", f"document:{doc}", labels[doc])
    for depth, target, document in links:
        add(depth, f"document:{target}", labels[target], "linked_from", f"document:{document}", labels[document], 0)
    conn.close()
    return sorted(edges.values(), key=lambda r: (r["depth"], r["to_node"], r["relation"], r["from_node"]))


def test_chain_upstream_of_the_duvar_article(corpus: Path) -> None:
    rows = query(corpus, "chain_upstream", document=DUVAR)
    doc = "004_25c953e6f2a1b7ac.txt"
    # The chain the issue names: Oleg Syromolotov -> Sputnik -> the Duvar English article.
    assert {"depth": 0, "from_label": "Oleg Syromolotov", "relation": "relayed_by", "to_label": "Sputnik",
            "citations": 1, "from_node": "source:Oleg Syromolotov", "to_node": "outlet:sputnik"} in rows
    assert {"depth": 0, "from_label": "Sputnik", "relation": "cited_in", "to_label": doc, "citations": 1,
            "from_node": "outlet:sputnik", "to_node": f"document:{DUVAR}"} in rows
    assert {"depth": 0, "from_label": "Duvar English", "relation": "cited_in", "to_label": doc, "citations": 1,
            "from_node": "outlet:duvar-english", "to_node": f"document:{DUVAR}"} in rows
    assert rows == expected_upstream(corpus, {DUVAR: 0}, [])


def test_chain_upstream_through_a_link_cycle_ends(corpus: Path) -> None:
    """A links B links A: the walk enters B once and stops at A."""
    rows = query(corpus, "chain_upstream", document=A)
    assert [r for r in rows if r["relation"] == "linked_from"] == [
        {"depth": 0, "from_label": "003_f71d14fe5b8ebe83.txt", "relation": "linked_from",
         "to_label": "000_894e449b0d82cf1f.txt", "citations": 0, "from_node": f"document:{B}", "to_node": f"document:{A}"},
    ]
    assert {"depth": 1, "from_label": "Alaa Al-Marjani", "relation": "relayed_by", "to_label": "Reuters", "citations": 1,
            "from_node": "source:Alaa Al-Marjani", "to_node": "outlet:reuters"} in rows
    assert rows == expected_upstream(corpus, {A: 0, B: 1}, [(0, B, A)])
    # And from B, symmetrically.
    assert query(corpus, "chain_upstream", document=B) == expected_upstream(corpus, {B: 0, A: 1}, [(0, A, B)])


def test_chain_upstream_of_an_unknown_document_is_empty(corpus: Path) -> None:
    assert query(corpus, "chain_upstream", document="nope") == []


def count(db_path: Path, where: str, *params: str) -> int:
    """How many citations match: the extractor decides, the tests follow it."""
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(f"select count(*) from citations where {where}", params).fetchone()[0]
    finally:
        conn.close()


def test_chain_downstream_of_a_source_and_of_an_outlet(corpus: Path) -> None:
    duvar = {"depth": 0, "document": DUVAR, "label": "004_25c953e6f2a1b7ac.txt", "outlet": None, "links_to": None}
    oleg = count(corpus, "document = ? and source = ?", DUVAR, "Oleg Syromolotov")
    assert oleg >= 2
    assert query(corpus, "chain_downstream", source="Oleg Syromolotov") == [{**duvar, "citations": oleg}]
    assert query(corpus, "chain_downstream", source="sputnik") == [{**duvar, "citations": 1}]
    assert query(corpus, "chain_downstream", source="Sputnik") == [{**duvar, "citations": 1}]


def test_chain_downstream_follows_links_and_stops_at_the_cycle(corpus: Path) -> None:
    assert query(corpus, "chain_downstream", source="Kheda Saratova") == [
        {"depth": 0, "document": A, "label": "000_894e449b0d82cf1f.txt", "outlet": None, "links_to": None,
         "citations": count(corpus, "document = ? and source = ?", A, "Kheda Saratova")},
        {"depth": 1, "document": B, "label": "003_f71d14fe5b8ebe83.txt", "outlet": "the-moscow-times", "links_to": A, "citations": 0},
    ]
    # RTVI: as the channel in A; B links to A, A links back to B (already seen).
    assert query(corpus, "chain_downstream", source="rtvi") == [
        {"depth": 0, "document": A, "label": "000_894e449b0d82cf1f.txt", "outlet": None, "links_to": None,
         "citations": count(corpus, "document = ? and (source_outlet = 'rtvi' or via_outlet = 'rtvi')", A)},
        {"depth": 1, "document": B, "label": "003_f71d14fe5b8ebe83.txt", "outlet": "the-moscow-times", "links_to": A, "citations": 0},
    ]


def test_outlet_relays(corpus: Path) -> None:
    expected = [
        {"source": "Ahmed Mardnly", "source_type": "person", "citations": 1, "documents": 1, "example_document": A},
        {"source": "Juma Muhammad", "source_type": "person", "citations": 1, "documents": 1, "example_document": "1283596859491dab"},
        {"source": "Sergei Shoigu", "source_type": "person", "citations": 1, "documents": 1, "example_document": "2abb001bf2f5ac71"},
    ]
    assert query(corpus, "outlet_relays", outlet="tass") == expected
    assert query(corpus, "outlet_relays", outlet="TASS") == expected
    assert query(corpus, "outlet_relays", outlet="sputnik") == [
        {"source": "Oleg Syromolotov", "source_type": "person", "citations": 1, "documents": 1, "example_document": DUVAR},
    ]
    assert query(corpus, "outlet_relays", outlet="nobody") == []


def expected_origins(db_path: Path, source_type: str) -> list[dict]:
    conn = sqlite3.connect(db_path)
    conn.row_factory = sqlite3.Row
    names = dict(conn.execute("select id, name from outlets").fetchall())
    origins: dict[str, dict] = {}
    for c in conn.execute("select * from citations where source_type is not 'unnamed'"):
        if source_type and c["source_type"] != source_type:
            continue
        if c["source_outlet"]:
            node, label, kind = f"outlet:{c['source_outlet']}", names[c["source_outlet"]], "outlet"
        elif c["source"]:
            node, label, kind = f"source:{c['source']}", c["source"], "source"
        else:
            continue
        o = origins.setdefault(node, {"origin": label, "kind": kind, "types": set(), "docs": set(),
                                      "citations": 0, "channels": set(), "origin_node": node})
        o["types"].add(c["source_type"])
        o["docs"].add(c["document"])
        o["citations"] += 1
        if c["via_outlet"]:
            o["channels"].add(names[c["via_outlet"]])
        elif c["via"]:
            o["channels"].add(c["via"])
    conn.close()
    rows = [{"origin": o["origin"], "kind": o["kind"], "source_type": max(o["types"]), "documents": len(o["docs"]),
             "citations": o["citations"], "channels": len(o["channels"]),
             "via": ",".join(sorted(o["channels"])) or None, "origin_node": o["origin_node"]}
            for o in origins.values()]
    return sorted(rows, key=lambda r: (-r["documents"], -r["citations"], r["origin"]))[:100]


def test_most_cited_origins(corpus: Path) -> None:
    rows = query(corpus, "most_cited_origins", source_type="")
    # group_concat's order is SQLite's: compare the channel lists as sets.
    for row in rows:
        row["via"] = ",".join(sorted(row["via"].split(","))) if row["via"] else None
    assert rows == expected_origins(corpus, "")
    assert rows[0]["origin"] == "Donald Trump" and rows[0]["documents"] == 2
    oleg = next(r for r in rows if r["origin"] == "Oleg Syromolotov")
    assert (oleg["kind"], oleg["channels"], oleg["via"]) == ("source", 1, "Sputnik")
    assert all(r["origin"] not in ("he", "He", "One woman") for r in rows)
    outlets = query(corpus, "most_cited_origins", source_type="outlet")
    assert outlets == expected_origins(corpus, "outlet")
    assert [r["origin"] for r in outlets] == ["AFP", "Duvar English", "RTVI", "Reuters"]


def test_link_rot(corpus: Path) -> None:
    dead = {
        "state": "dead", "url": RTVI_URL, "domain": "rtvi.com", "document": A,
        "document_label": "000_894e449b0d82cf1f.txt", "failures": 3,
        "first_failure_at": "2026-07-01T10:00:00Z", "last_checked_at": "2026-07-20T10:00:00Z",
        "last_status": 404, "last_outcome": "http_error", "last_ok_at": "2026-06-01T10:00:00Z",
        "last_good_fetch": "f2",
        "archive_url": "https://web.archive.org/web/20260601000000/" + RTVI_URL, "archive_timestamp": "20260601000000",
    }
    uncertain = {
        "state": "uncertain", "url": MT_URL, "domain": "themoscowtimes.com", "document": A,
        "document_label": "000_894e449b0d82cf1f.txt", "failures": 1,
        "first_failure_at": "2026-07-02T10:00:00Z", "last_checked_at": "2026-07-02T10:00:00Z",
        "last_status": None, "last_outcome": "timeout", "last_ok_at": None, "last_good_fetch": None,
        "archive_url": None, "archive_timestamp": None,
    }
    assert query(corpus, "link_rot", state="") == [dead, uncertain]
    assert query(corpus, "link_rot", state="dead") == [dead]
    assert query(corpus, "link_rot", state="uncertain") == [uncertain]


def test_graph_json_for_a_document(corpus: Path) -> None:
    status, data = request(corpus, f"/-/provenance/graph.json?document={DUVAR}")
    assert status == 200 and data["ok"]
    assert data["roots"] == [f"document:{DUVAR}"]
    nodes = {n["id"]: (n["kind"], n["label"], n["url"]) for n in data["nodes"]}
    name = corpus.stem
    assert nodes == {
        f"document:{DUVAR}": ("document", "004_25c953e6f2a1b7ac.txt", f"/{name}/documents/{DUVAR}"),
        "outlet:duvar-english": ("outlet", "Duvar English", f"/{name}/outlets/duvar-english"),
        "outlet:sputnik": ("outlet", "Sputnik", f"/{name}/outlets/sputnik"),
        "source:Mevlüt Çavuşoğlu": ("source", "Mevlüt Çavuşoğlu", f"/{name}/citations?source=Mevl%C3%BCt+%C3%87avu%C5%9Fo%C4%9Flu"),
        "source:Mevlüt Çavuşoğu": ("source", "Mevlüt Çavuşoğu", f"/{name}/citations?source=Mevl%C3%BCt+%C3%87avu%C5%9Fo%C4%9Fu"),
        "source:Oleg Syromolotov": ("source", "Oleg Syromolotov", f"/{name}/citations?source=Oleg+Syromolotov"),
        "source:Russia": ("source", "Russia", f"/{name}/citations?source=Russia"),
    }
    edges = {(e["source"], e["relation"], e["target"]): e["citations"] for e in data["edges"]}
    assert edges == {(r["from_node"], r["relation"], r["to_node"]): r["citations"]
                     for r in expected_upstream(corpus, {DUVAR: 0}, [])}
    assert edges[("source:Oleg Syromolotov", "relayed_by", "outlet:sputnik")] == 1
    assert edges[("outlet:sputnik", "cited_in", f"document:{DUVAR}")] == 1


def test_graph_json_through_the_cycle(corpus: Path) -> None:
    status, data = request(corpus, f"/-/provenance/graph.json?document={A}")
    assert status == 200
    links = sorted((e["source"], e["target"], e["link_ids"]) for e in data["edges"] if e["relation"] == "linked_from")
    # Upstream: A links to B; downstream: B links to A - one edge each way, each walked once.
    assert links == [
        (f"document:{A}", f"document:{B}", [B_TO_A]),
        (f"document:{B}", f"document:{A}", [A_TO_B]),
    ]


def test_graph_json_for_a_source_and_errors(corpus: Path) -> None:
    status, data = request(corpus, "/-/provenance/graph.json?source=Oleg%20Syromolotov")
    assert status == 200
    assert data["roots"] == ["source:Oleg Syromolotov"]
    assert sorted((e["source"], e["relation"], e["target"], e["citations"]) for e in data["edges"]) == [
        ("outlet:sputnik", "cited_in", f"document:{DUVAR}", 1),
        ("source:Oleg Syromolotov", "cited_in", f"document:{DUVAR}",
         count(corpus, "document = ? and source = ? and via is null", DUVAR, "Oleg Syromolotov")),
        ("source:Oleg Syromolotov", "relayed_by", "outlet:sputnik", 1),
    ]
    assert request(corpus, "/-/provenance/graph.json?source=nobody") == (
        404, {"ok": False, "error": "nobody: no citations of this source or outlet"})
    assert request(corpus, "/-/provenance/graph.json")[0] == 400
    assert request(corpus, "/-/provenance/graph.json?document=x&source=y")[0] == 400


def test_graph_page_and_vendored_library(corpus: Path) -> None:
    status, html = request(corpus, f"/-/provenance/graph?document={DUVAR}")
    assert status == 200
    assert "/-/provenance/static/cytoscape.min.js" in html and "/-/provenance/static/graph.js" in html
    assert f'data-url="/-/provenance/graph.json?db={corpus.stem}&amp;document={DUVAR}"' in html
    status, js = request(corpus, "/-/provenance/static/cytoscape.min.js")
    assert status == 200 and "Cytoscape Consortium" in js[:500]
    status, html = request(corpus, "/-/provenance/graph")
    assert status == 200 and "<form" in html and 'id="provenance-graph"' not in html


def test_rows_link_to_their_graph(corpus: Path) -> None:
    name = corpus.stem
    status, html = request(corpus, f"/{name}/citations?source=Oleg+Syromolotov&via_outlet=sputnik")
    assert status == 200
    assert f'href="/-/provenance/graph?db={name}&amp;document={DUVAR}"' in html
    assert f'href="/-/provenance/graph?db={name}&amp;source=Oleg+Syromolotov"' in html
    status, html = request(corpus, f"/{name}/documents/{DUVAR}")
    assert status == 200 and f'href="/-/provenance/graph?db={name}&amp;document={DUVAR}"' in html
    status, html = request(corpus, f"/{name}/documents")
    assert status == 200 and f'href="/-/provenance/graph?db={name}&amp;document={A}"' in html


def test_chain_edges_view_in_datasette(corpus: Path) -> None:
    rows = query(corpus, "chain_edges", document=DUVAR, relation="relayed_by")
    assert rows == [{
        "from_node": "source:Oleg Syromolotov", "from_kind": "source", "from_label": "Oleg Syromolotov",
        "relation": "relayed_by", "to_node": "outlet:sputnik", "to_kind": "outlet", "to_label": "Sputnik",
        "document": DUVAR, "citation": rows[0]["citation"], "citation_kind": "statement", "link": None,
    }]


def test_full_text_search_from_the_ui(corpus: Path) -> None:
    """The search box of the table pages (?_search=), diacritics folded."""
    name = corpus.stem
    status, html = request(corpus, f"/{name}/documents?_search=Syromolotov")
    assert status == 200
    assert 'name="_search"' in html and "1 row where search matches" in html
    assert "004_25c953e6f2a1b7ac.txt" in html
    status, rows = request(corpus, f"/{name}/citations.json?_search=Cavusoglu&_shape=array&_col=source")
    assert status == 200 and "Mevlüt Çavuşoğlu" in {r["source"] for r in rows}
    expected = len(rows)
    status, html = request(corpus, f"/{name}/citations?_search=Cavusoglu")
    assert status == 200
    assert f"{expected} row{'s' if expected > 1 else ''} where search matches" in html
    assert "Mevlüt Çavuşoğlu" in html


def test_canned_chain_walks_of_a_dense_link_graph(db_path: Path) -> None:
    """chain_upstream and chain_downstream on 200 documents linking to 10
    others each (cycles everywhere): they finish, with every reachable
    document at its nearest depth."""
    import importlib.util
    import time

    spec = importlib.util.spec_from_file_location("chain_tests", Path(__file__).with_name("test_chains.py"))
    chain_tests = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(chain_tests)
    bfs, dense_db = chain_tests.bfs, chain_tests.dense_db

    graph = dense_db(db_path)
    reverse: dict[str, list[str]] = {d: [] for d in graph}
    for d, targets in graph.items():
        for t in targets:
            reverse[t].append(d)
    queries = load_metadata(db_path)["databases"][db_path.stem]["queries"]
    conn = sqlite3.connect(db_path)
    conn.row_factory = sqlite3.Row
    start = time.perf_counter()
    up = bfs(graph, "n000")
    rows = conn.execute(queries["chain_upstream"]["sql"], {"document": "n000"}).fetchall()
    link_rows = [r for r in rows if r["relation"] == "linked_from"]
    reached = {r["from_node"] for r in link_rows} | {r["to_node"] for r in link_rows}
    assert reached == {f"document:{d}" for d in up}
    for r in link_rows:
        frm, to = r["to_node"][9:], r["from_node"][9:]  # to_node links to from_node
        assert r["depth"] == up[frm] and up[to] >= up[frm] and to in graph[frm]
    # Every outward link is there, once.
    assert len(link_rows) == sum(1 for d in up if up[d] < 10 for t in graph[d] if up[t] >= up[d])
    down = bfs(reverse, "n000")
    rows = conn.execute(queries["chain_downstream"]["sql"], {"source": "Dense"}).fetchall()
    assert [(r["depth"], r["document"]) for r in rows] == sorted((depth, d) for d, depth in down.items())
    for r in rows[1:]:
        assert r["links_to"] in graph[r["document"]] and down[r["links_to"]] == r["depth"] - 1
    assert [r["citations"] for r in rows] == [1] + [0] * (len(rows) - 1)
    conn.close()
    assert time.perf_counter() - start < 10

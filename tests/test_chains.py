"""chain_edges and the chains library and command: exact edges, cycles, depth caps."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from provenance.chains import ChainError, document_graph, source_graph, tree_lines
from provenance.cli import cli
from provenance.model import Citation, Document, Link, Outlet
from provenance.store import VIEWS, ensure_db_shape, open_db, save_extraction

OUTLETS = [
    Outlet("sputnik", "Sputnik", "sputnikglobe.com", "agency", "RU", []),
    Outlet("tass", "TASS", "tass.com", "agency", "RU", []),
]


@pytest.fixture
def chain_db(db_path: Path) -> Path:
    """Three articles: A cites Syromolotov via Sputnik; B links to A; C links
    to B and B links to C (a cycle); plus a chain of D1..D5 linking onwards."""
    db = open_db(db_path)
    ensure_db_shape(db, OUTLETS)
    docs = {name: Document(text=f"Article {name}.", path=f"dir/{name}.txt") for name in ["A", "B", "C"]}
    a, b, c = docs["A"], docs["B"], docs["C"]
    save_extraction(db, a, [], [
        Citation(a.id, "statement", "Oleg Syromolotov", "Syromolotov", "person", "said", "Article A.", 0, 10,
                 via="Sputnik", via_outlet="sputnik"),
        Citation(a.id, "photo_credit", "TASS", "TASS", "outlet", None, "Article A", 0, 9, source_outlet="tass"),
    ])
    save_extraction(db, b, [Link(b.id, "https://x/a", "https://x/a", "x/a", "x", "inline", 0, 1),
                            Link(b.id, "https://x/c", "https://x/c", "x/c", "x", "inline", 2, 3)], [])
    save_extraction(db, c, [Link(c.id, "https://x/b", "https://x/b", "x/b", "x", "inline", 0, 1)], [])
    links = {row["url"]: row["id"] for row in db["links"].rows}
    db.execute("update links set target = ? where id = ?", [a.id, links["https://x/a"]])
    db.execute("update links set target = ? where id = ?", [c.id, links["https://x/c"]])
    db.execute("update links set target = ? where id = ?", [b.id, links["https://x/b"]])
    db.conn.commit()
    db.close()
    return db_path


def ids(db_path: Path) -> dict[str, str]:
    conn = sqlite3.connect(db_path)
    try:
        return {Path(p).stem: i for i, p in conn.execute("select id, path from documents")}
    finally:
        conn.close()


def test_views_are_created_and_replaced_only_when_their_sql_changes(db_path: Path, monkeypatch) -> None:
    db = open_db(db_path)
    ensure_db_shape(db)
    assert set(db.view_names()) == set(VIEWS)
    stored = db["chain_edges"].schema
    ensure_db_shape(db)
    assert db["chain_edges"].schema == stored
    monkeypatch.setitem(VIEWS, "chain_edges", VIEWS["chain_edges"] + "\n-- v2")
    ensure_db_shape(db)
    assert db["chain_edges"].schema.endswith("-- v2")


def test_chain_edges_rows(chain_db: Path) -> None:
    d = ids(chain_db)
    conn = sqlite3.connect(chain_db)
    rows = sorted(conn.execute("select from_node, from_label, relation, to_node, to_label from chain_edges"))
    conn.close()
    assert rows == sorted([
        ("source:Oleg Syromolotov", "Oleg Syromolotov", "relayed_by", "outlet:sputnik", "Sputnik"),
        ("outlet:sputnik", "Sputnik", "cited_in", f"document:{d['A']}", "A.txt"),
        ("outlet:tass", "TASS", "cited_in", f"document:{d['A']}", "A.txt"),
        (f"document:{d['A']}", "A.txt", "linked_from", f"document:{d['B']}", "B.txt"),
        (f"document:{d['C']}", "C.txt", "linked_from", f"document:{d['B']}", "B.txt"),
        (f"document:{d['B']}", "B.txt", "linked_from", f"document:{d['C']}", "C.txt"),
    ])


def test_document_graph_upstream_and_downstream_through_a_cycle(chain_db: Path) -> None:
    d = ids(chain_db)
    conn = sqlite3.connect(chain_db)
    graph = document_graph(conn, d["A"])
    assert graph.roots == [f"document:{d['A']}"]
    assert sorted((e.source, e.relation, e.target, e.depth) for e in graph.edges.values()) == sorted([
        ("source:Oleg Syromolotov", "relayed_by", "outlet:sputnik", 0),
        ("outlet:sputnik", "cited_in", f"document:{d['A']}", 0),
        ("outlet:tass", "cited_in", f"document:{d['A']}", 0),
        (f"document:{d['A']}", "linked_from", f"document:{d['B']}", 1),
        (f"document:{d['B']}", "linked_from", f"document:{d['C']}", 2),
    ])
    assert tree_lines(graph) == [
        f"A.txt [document:{d['A']}]",
        "├── <- Sputnik [outlet:sputnik] (cited_in, 1 citation)",
        "│   └── <- Oleg Syromolotov [source:Oleg Syromolotov] (relayed_by, 1 citation)",
        "├── <- TASS [outlet:tass] (cited_in, 1 citation)",
        f"└── -> B.txt [document:{d['B']}] (linked_from)",
        f"    └── -> C.txt [document:{d['C']}] (linked_from)",
    ]
    # Upstream of B: B links to A and to C, C links back to B - the cycle ends.
    graph = document_graph(conn, d["B"])
    assert sorted((e.source, e.relation, e.target) for e in graph.edges.values() if e.relation == "linked_from") == sorted([
        (f"document:{d['A']}", "linked_from", f"document:{d['B']}"),
        (f"document:{d['C']}", "linked_from", f"document:{d['B']}"),
        (f"document:{d['B']}", "linked_from", f"document:{d['C']}"),
    ])
    assert any(line.endswith("(cycle)") for line in tree_lines(graph))
    # Depth 0: B itself has no citations and no link is followed.
    assert {e.relation for e in document_graph(conn, d["B"], max_depth=0).edges.values()} == set()
    with pytest.raises(ChainError):
        document_graph(conn, "nope")
    conn.close()


def test_source_graph_by_name_and_by_outlet(chain_db: Path) -> None:
    d = ids(chain_db)
    conn = sqlite3.connect(chain_db)
    for name in ["Oleg Syromolotov", "sputnik", "Sputnik"]:
        graph = source_graph(conn, name)
        assert sorted((e.source, e.relation, e.target) for e in graph.edges.values()) == sorted([
            ("source:Oleg Syromolotov", "relayed_by", "outlet:sputnik"),
            ("outlet:sputnik", "cited_in", f"document:{d['A']}"),
            (f"document:{d['A']}", "linked_from", f"document:{d['B']}"),
            (f"document:{d['B']}", "linked_from", f"document:{d['C']}"),
        ]), name
    assert source_graph(conn, "sputnik").roots == ["outlet:sputnik"]
    with pytest.raises(ChainError):
        source_graph(conn, "nobody")
    conn.close()


def test_chains_command_tree_and_jsonl(chain_db: Path) -> None:
    d = ids(chain_db)
    result = CliRunner().invoke(cli, ["chains", "--db", str(chain_db), "--source", "Oleg Syromolotov"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "Oleg Syromolotov [source:Oleg Syromolotov]",
        "└── -> Sputnik [outlet:sputnik] (relayed_by, 1 citation)",
        f"    └── -> A.txt [document:{d['A']}] (cited_in, 1 citation)",
        f"        └── -> B.txt [document:{d['B']}] (linked_from)",
        f"            └── -> C.txt [document:{d['C']}] (linked_from)",
    ]
    result = CliRunner().invoke(cli, ["chains", "--db", str(chain_db), "--document", d["A"], "--format", "jsonl"])
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.output.splitlines()]
    assert [(r["from"], r["relation"], r["to"], r["citations"], r["depth"]) for r in records] == [
        ("outlet:sputnik", "cited_in", f"document:{d['A']}", 1, 0),
        ("outlet:tass", "cited_in", f"document:{d['A']}", 1, 0),
        ("source:Oleg Syromolotov", "relayed_by", "outlet:sputnik", 1, 0),
        (f"document:{d['A']}", "linked_from", f"document:{d['B']}", 0, 1),
        (f"document:{d['B']}", "linked_from", f"document:{d['C']}", 0, 2),
    ]


def test_chains_command_errors(chain_db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    for args, message in [
        ([], "error: give exactly one of --document ID or --source NAME\n"),
        (["--document", "x", "--source", "y"], "error: give exactly one of --document ID or --source NAME\n"),
        (["--source", "nobody"], "error: nobody: no citations of this source or outlet\n"),
        (["--document", "nope"], "error: nope: no such document\n"),
    ]:
        result = runner.invoke(cli, ["chains", "--db", str(chain_db), *args])
        assert (result.exit_code, result.output) == (1, message), args
    missing = tmp_path / "missing.db"
    result = runner.invoke(cli, ["chains", "--db", str(missing), "--source", "x"])
    assert result.exit_code == 1 and result.output == f"error: {missing}: no such database; run `provenance ingest` first\n"
    assert "Example:" in runner.invoke(cli, ["chains", "--help"]).output


def test_chains_on_the_sample_corpus(samples: list[Path], db_path: Path) -> None:
    assert CliRunner().invoke(cli, ["ingest", str(samples[0].parent), "--db", str(db_path)]).exit_code == 0
    result = CliRunner().invoke(cli, ["chains", "--db", str(db_path), "--source", "sputnik"])
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        "Sputnik [outlet:sputnik]",
        "└── -> 004_25c953e6f2a1b7ac.txt [document:834d83bd9d8c9537] (cited_in, 1 citation)",
    ]


def dense_db(db_path: Path, documents: int = 200, per_document: int = 10, seed: int = 5) -> dict[str, list[str]]:
    """Every document links to ``per_document`` others at random (cycles
    everywhere); document 0 cites one source. Returns {document: targets}."""
    import random

    rng = random.Random(seed)
    db = open_db(db_path)
    ensure_db_shape(db, OUTLETS)
    names = [f"n{i:03d}" for i in range(documents)]
    graph = {d: rng.sample([x for x in names if x != d], per_document) for d in names}
    with db.conn:
        db.conn.executemany("insert into documents (id, path, text) values (?, ?, ?)",
                            [(d, f"dense/{d}.txt", d) for d in names])
        db.conn.executemany(
            "insert into links (id, document, url, target) values (?, ?, ?, ?)",
            [(f"{d}-{t}", d, f"https://x/{t}", t) for d, targets in graph.items() for t in targets])
        db.conn.execute("insert into citations (id, document, kind, source) values ('c0', 'n000', 'statement', 'Dense')")
    db.close()
    return graph


def bfs(graph: dict[str, list[str]], root: str, max_depth: int = 10) -> dict[str, int]:
    depth, frontier = {root: 0}, [root]
    for level in range(1, max_depth + 1):
        frontier = sorted({t for d in frontier for t in graph[d] if t not in depth})
        depth.update({t: level for t in frontier})
    return depth


def test_walks_of_a_dense_link_graph_finish_with_the_exact_min_depths(db_path: Path) -> None:
    """200 documents linking to 10 others each: billions of simple paths, but
    the walk visits each document once, at its nearest depth."""
    from provenance.chains import _walk

    graph = dense_db(db_path)
    reverse: dict[str, list[str]] = {d: [] for d in graph}
    for d, targets in graph.items():
        for t in targets:
            reverse[t].append(d)
    conn = sqlite3.connect(db_path)
    expanded: list[str] = []  # the documents each links query asks about

    def trace(sql: str) -> None:
        if " from links where " in sql:
            expanded.extend(re.findall(r"'(n\d+)'", sql.split(" in (", 1)[1]))

    conn.set_trace_callback(trace)
    for root in ["n000", "n123"]:
        expanded.clear()
        up, up_links = _walk(conn, [root], "up", 10)
        assert up == bfs(graph, root)
        # Each reached document expanded exactly once, not once per path.
        assert sorted(expanded) == sorted(up)
        # Only outward links: never back towards the start, never to itself.
        for link, depth in up_links.items():
            frm, to = link.split("-")
            assert up[to] >= up[frm] and depth == up[frm] + 1
        down, _ = _walk(conn, [root], "down", 10)
        assert down == bfs(reverse, root)
        assert _walk(conn, [root], "up", 1)[0] == bfs(graph, root, 1)
        g = document_graph(conn, root)
        assert {n for n in g.nodes if n.startswith("document:")} == {f"document:{d}" for d in {**up, **down}}
        for edge in g.edges.values():
            assert edge.source != edge.target
            assert edge.relation == "linked_from" or edge.target == "document:n000"
    assert source_graph(conn, "Dense").roots == ["source:Dense"]
    conn.close()

"""datasette on top: metadata complete, canned queries exact, search, a real server."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
import requests
from click.testing import CliRunner
from datasette.app import Datasette

from provenance.cli import cli
from provenance.model import Citation, Document, Link, Outlet
from provenance.publish import METADATA, load_metadata
from provenance.store import TABLES, VIEWS, ensure_db_shape, open_db, save_extraction
from .conftest import running_server

OUTLETS = [
    Outlet("rtvi", "RTVI", "rtvi.com", "broadcaster", "RU", []),
    Outlet("tass", "TASS", "tass.com", "agency", "RU", ["ТАСС"], domains=["tass.com", "tass.ru"]),
    Outlet("sputnik", "Sputnik", "sputnikglobe.com", "agency", "RU", []),
]


def get_json(db_path: Path, path: str):
    async def fetch():
        ds = Datasette([str(db_path)], metadata=load_metadata(db_path))
        response = await ds.client.get(path)
        return response.status_code, response.json() if response.status_code == 200 else response.text

    return asyncio.run(fetch())


def get_html(db_path: Path, path: str) -> tuple[int, str]:
    async def fetch():
        ds = Datasette([str(db_path)], metadata=load_metadata(db_path))
        response = await ds.client.get(path)
        return response.status_code, response.text

    return asyncio.run(fetch())


@pytest.fixture
def sample_db(samples: list[Path], db_path: Path) -> Path:
    assert CliRunner().invoke(cli, ["ingest", str(samples[0].parent), "--db", str(db_path)]).exit_code == 0
    return db_path


@pytest.fixture
def controlled_db(db_path: Path) -> Path:
    """Two documents with hand-made citations and links: exact query results."""
    db = open_db(db_path)
    ensure_db_shape(db, OUTLETS)
    a = Document(text="Shoigu was quoted by TASS. Saratova told RTVI. https://rtvi.com/a", path="a.txt")
    b = Document(text="Syromolotov said in an interview with Sputnik. https://www.rtvi.com/b https://tass.com/c https://tass.ru/d",
                 path="b.txt")
    link_a = Link(a.id, "https://rtvi.com/a", "https://rtvi.com/a", "rtvi.com/a", "rtvi.com", "inline", 47, 65)
    link_b1 = Link(b.id, "https://www.rtvi.com/b", "https://www.rtvi.com/b", "rtvi.com/b", "rtvi.com", "inline", 47, 69)
    link_b2 = Link(b.id, "https://tass.com/c", "https://tass.com/c", "tass.com/c", "tass.com", "inline", 70, 88)

    def cite(doc: Document, source: str, via: str | None, via_outlet: str | None, start: int, end: int,
             source_outlet: str | None = None) -> Citation:
        return Citation(doc.id, "statement", source, source, "person", "said", doc.text[start:end], start, end,
                        via=via, via_outlet=via_outlet, source_outlet=source_outlet)

    save_extraction(db, a, [link_a], [
        cite(a, "Sergei Shoigu", "TASS", "tass", 0, 26),
        cite(a, "Kheda Saratova", "RTVI", "rtvi", 27, 46),
    ])
    link_b3 = Link(b.id, "https://tass.ru/d", "https://tass.ru/d", "tass.ru/d", "tass.ru", "inline", 89, 106)
    save_extraction(db, b, [link_b1, link_b2, link_b3], [
        cite(b, "Oleg Syromolotov", "Sputnik", "sputnik", 0, 46),
        cite(b, "TASS", None, None, 0, 10, source_outlet="tass"),
    ])
    db.close()
    return db_path


def test_metadata_describes_every_table_and_column(sample_db: Path) -> None:
    metadata = load_metadata(sample_db)
    assert metadata["title"] and metadata["license"] and metadata["source"]
    assert metadata.get("description") or metadata.get("description_html")
    tables = metadata["databases"][sample_db.stem]["tables"]
    db = open_db(sample_db)
    visible = [t for t in db.table_names() if not t.endswith("_fts") and not t.startswith("documents_fts") and "_fts_" not in t]
    assert set(visible) == set(TABLES)
    missing = [
        f"{table}.{column}"
        for table in visible
        for column in db[table].columns_dict
        if not tables.get(table, {}).get("columns", {}).get(column)
    ]
    assert missing == []
    assert all(tables[t].get("description") for t in visible)
    # The views too: every view and every one of its columns.
    assert set(db.view_names()) == set(VIEWS)
    missing_views = [
        f"{view}.{column}"
        for view in db.view_names()
        for column in db[view].columns_dict
        if not tables.get(view, {}).get("columns", {}).get(column)
    ]
    assert missing_views == []
    assert all(tables[v].get("description") for v in db.view_names())


def test_metadata_is_rekeyed_for_any_database_name(tmp_path: Path) -> None:
    metadata = load_metadata(tmp_path / "my-archive.db")
    assert list(metadata["databases"]) == ["my-archive"]
    assert "citations_by_outlet" in metadata["databases"]["my-archive"]["queries"]
    assert METADATA.name == "metadata.yml"


def test_every_table_page_renders_with_its_description(sample_db: Path) -> None:
    name = sample_db.stem
    for table in TABLES:
        status, html = get_html(sample_db, f"/{name}/{table}")
        assert status == 200, table
        description = load_metadata(sample_db)["databases"][name]["tables"][table]["description"]
        assert description.split(" - ")[0].split(",")[0] in html


def test_canned_query_citations_by_outlet_exact_rows(controlled_db: Path) -> None:
    status, rows = get_json(controlled_db, f"/{controlled_db.stem}/citations_by_outlet.json?_shape=array")
    assert status == 200
    assert rows == [
        {"outlet": "tass", "name": "TASS", "kind": "agency", "country": "RU", "as_source": 1, "as_via": 1, "citations": 2, "documents": 2},
        {"outlet": "rtvi", "name": "RTVI", "kind": "broadcaster", "country": "RU", "as_source": 0, "as_via": 1, "citations": 1, "documents": 1},
        {"outlet": "sputnik", "name": "Sputnik", "kind": "agency", "country": "RU", "as_source": 0, "as_via": 1, "citations": 1, "documents": 1},
    ]


def test_canned_query_links_by_domain_exact_rows(controlled_db: Path) -> None:
    status, rows = get_json(controlled_db, f"/{controlled_db.stem}/links_by_domain.json?_shape=array")
    assert status == 200
    assert rows == [
        {"domain": "rtvi.com", "outlet": "RTVI", "links": 2, "documents": 2, "example_url": "https://rtvi.com/a"},
        {"domain": "tass.com", "outlet": "TASS", "links": 1, "documents": 1, "example_url": "https://tass.com/c"},
        # Another domain of the same outlet.
        {"domain": "tass.ru", "outlet": "TASS", "links": 1, "documents": 1, "example_url": "https://tass.ru/d"},
    ]


def test_links_by_domain_on_the_sample_corpus(sample_db: Path) -> None:
    status, rows = get_json(sample_db, f"/{sample_db.stem}/links_by_domain.json?_shape=array")
    assert status == 200
    assert [(r["domain"], r["outlet"], r["links"], r["documents"]) for r in rows] == [
        ("themoscowtimes.com", "The Moscow Times", 3, 2),
        ("rtvi.com", "RTVI", 1, 1),
    ]


def test_full_text_search_from_datasette(sample_db: Path) -> None:
    name = sample_db.stem
    status, rows = get_json(sample_db, f"/{name}/documents.json?_search=Syromolotov&_shape=array&_col=path")
    assert status == 200
    assert [Path(r["path"]).name for r in rows] == ["004_25c953e6f2a1b7ac.txt"]
    status, rows = get_json(sample_db, f"/{name}/citations.json?_search=Shoigu&_shape=array&_col=source")
    assert status == 200
    assert rows and {r["source"] for r in rows} == {"Sergei Shoigu"}


def test_provenance_serve_runs_datasette_with_metadata(sample_db: Path) -> None:
    with running_server(sample_db) as served:
        base = served.base
        metadata = requests.get(f"{base}/-/metadata.json", timeout=5).json()
        assert metadata["title"] == "provenance"
        assert "citations_by_outlet" in metadata["databases"][sample_db.stem]["queries"]
        page = requests.get(f"{base}/{sample_db.stem}/citations", timeout=5)
        assert page.status_code == 200


def test_serving_is_safe_by_default(sample_db: Path) -> None:
    """Loopback by default, no write queries, datasette's SQL time limit kept."""
    host = next(p for p in cli.commands["serve"].params if p.name == "host")
    assert host.default == "127.0.0.1"
    metadata = load_metadata(sample_db)
    queries = metadata["databases"][sample_db.stem]["queries"]
    assert not any(q.get("write") for q in queries.values())
    status, settings = get_json(sample_db, "/-/settings.json")
    assert status == 200 and settings["sql_time_limit_ms"] == 1000
    name = sample_db.stem
    for sql in ("delete from citations", "insert into outlets (id) values ('x')", "drop table documents"):
        status, body = get_json(sample_db, f"/{name}.json?sql={sql.replace(' ', '+')}")
        assert status != 200 or "error" in str(body).lower()
    assert open_db(sample_db)["citations"].count > 0
    assert open_db(sample_db)["outlets"].count_where("id = 'x'") == 0

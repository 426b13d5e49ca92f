"""The graph page in a real browser: Debian's chromium driven by Playwright
(executable_path, never `playwright install`) against a real `provenance
serve` on 127.0.0.1. Nothing leaves loopback: every request the page makes
to another host is aborted and fails the test."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
import requests
from click.testing import CliRunner

from provenance.cli import cli
from .conftest import running_server

CHROMIUM = os.environ.get("PROVENANCE_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
DUVAR = "834d83bd9d8c9537"
A, B, A_TO_B, B_TO_A = "4fdbd632250f5c61", "dc7a64c2defee87a", "a8485a85b1d21310", "71fad1739412498b"

playwright_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} missing (.ci/run installs it)")


@pytest.fixture
def server(samples: list[Path], db_path: Path):
    assert CliRunner().invoke(cli, ["ingest", str(samples[0].parent), "--db", str(db_path)]).exit_code == 0
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute("update links set target = ? where id = ?", [B, A_TO_B])
        conn.execute("update links set target = ? where id = ?", [A, B_TO_A])
    conn.close()
    with running_server(db_path) as served:
        yield served.base, db_path


def screenshot_path() -> Path:
    folder = Path(os.environ.get("PROVENANCE_SCREENSHOT_DIR") or os.environ.get("TMPDIR") or "/tmp")
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "provenance-graph.png"


def open_graph(base: str, query: str, shot: Path | None = None):
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            errors: list[str] = []
            outside: list[str] = []
            page.on("pageerror", lambda err: errors.append(str(err)))
            page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)

            def guard(route):
                if route.request.url.startswith(base + "/"):
                    route.continue_()
                else:
                    outside.append(route.request.url)
                    route.abort()

            page.route("**/*", guard)
            page.goto(f"{base}/-/provenance/graph?{query}")
            page.wait_for_function("document.body.dataset.graphReady !== undefined", timeout=15000)
            state = page.evaluate("document.body.dataset.graphReady")
            nodes = page.evaluate("window.provenanceGraph ? window.provenanceGraph.nodes().map(n => [n.id(), n.data('label')]) : []")
            edges = page.evaluate("window.provenanceGraph ? window.provenanceGraph.edges().map(e => [e.source().id(), e.data('relation'), e.target().id()]) : []")
            visible = page.evaluate(
                "!window.provenanceGraph || window.provenanceGraph.nodes().every(n => { const p = n.renderedPosition();"
                " return p.x >= 0 && p.y >= 0 && p.x <= n.cy().width() && p.y <= n.cy().height(); })"
            )
            if shot is not None:
                page.screenshot(path=str(shot), full_page=True)
            clicked = None
            if nodes:
                # A node click opens its row.
                position = page.evaluate(
                    "(() => { const n = window.provenanceGraph.getElementById('outlet:sputnik');"
                    " if (!n.length) return null; const p = n.renderedPosition();"
                    " const box = document.getElementById('provenance-graph').getBoundingClientRect();"
                    " return [box.left + p.x, box.top + p.y]; })()"
                )
                if position:
                    page.mouse.click(*position)
                    page.wait_for_url("**/outlets/sputnik", timeout=10000)
                    clicked = page.url
            return state, sorted(nodes), sorted(edges), visible, errors, outside, clicked
        finally:
            browser.close()


def test_graph_page_draws_the_duvar_chain(server) -> None:
    base, db_path = server
    shot = screenshot_path()
    state, nodes, edges, visible, errors, outside, clicked = open_graph(base, f"document={DUVAR}", shot)
    assert state == "1" and errors == [] and outside == []
    expected = requests.get(f"{base}/-/provenance/graph.json?document={DUVAR}", timeout=5).json()
    assert nodes == sorted([n["id"], n["label"]] for n in expected["nodes"])
    assert edges == sorted([e["source"], e["relation"], e["target"]] for e in expected["edges"])
    assert ["source:Oleg Syromolotov", "relayed_by", "outlet:sputnik"] in edges
    assert ["outlet:sputnik", "cited_in", f"document:{DUVAR}"] in edges
    assert visible
    assert clicked == f"{base}/{db_path.stem}/outlets/sputnik"
    assert shot.stat().st_size > 10_000


def test_graph_page_with_a_link_cycle(server) -> None:
    base, _ = server
    state, nodes, edges, visible, errors, outside, _ = open_graph(base, f"document={A}")
    assert state == "1" and errors == [] and outside == []
    assert [f"document:{A}", "linked_from", f"document:{B}"] in edges
    assert [f"document:{B}", "linked_from", f"document:{A}"] in edges
    expected = requests.get(f"{base}/-/provenance/graph.json?document={A}", timeout=5).json()
    assert len(edges) == len(expected["edges"]) and len(nodes) == len(expected["nodes"])


def test_graph_page_reports_an_unknown_source(server) -> None:
    base, _ = server
    state, nodes, edges, _, errors, outside, _ = open_graph(base, "source=nobody")
    # The page shows the error; the failed fetch (404) is the only console error.
    assert state == "error" and nodes == [] and outside == []
    assert all("404" in e for e in errors)

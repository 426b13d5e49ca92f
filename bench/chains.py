"""Chain query benchmark on a synthetic database of 1 million citations.

    .venv/bin/python bench/chains.py [--citations 1000000] [--runs 50] [--db /tmp/chains-bench.db]

Builds (once; reused when the file exists with the same size) a database in
the real schema (store.ensure_db_shape): 100,000 articles, 10 citations each
from 20,000 sources through 200 outlets, and 2 links per article of which half
point at an earlier article (links.target, as the crawler sets it) - chains
up to the depth cap, plus some link cycles. Then times every canned chain
query of metadata.yml and the chains library (graph page / CLI) with random
parameters and prints the median and p95 in milliseconds. Target: p95 under
100 ms (datasette's default time limit is 1 s). A reused database is brought
to the current shape first (new indexes and views, then ANALYZE). A query
still running after --limit seconds in total is stopped and reported as
such. Not run in CI.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from provenance.chains import ChainError, document_graph, source_graph  # noqa: E402
from provenance.model import Outlet  # noqa: E402
from provenance.publish import load_metadata  # noqa: E402
from provenance.store import ensure_db_shape, open_db  # noqa: E402

PER_DOCUMENT = 10


def build(path: Path, citations: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    documents = citations // PER_DOCUMENT
    outlets = [Outlet(f"o{i}", f"Outlet {i}", f"outlet{i}.example", "agency", "XX", []) for i in range(200)]
    db = open_db(path)
    ensure_db_shape(db, outlets)
    # The FTS triggers are irrelevant to chain queries and slow a bulk load.
    for (name,) in db.execute("select name from sqlite_master where type = 'trigger'").fetchall():
        db.execute(f"drop trigger [{name}]")
    db.close()
    conn = sqlite3.connect(path)
    conn.execute("pragma synchronous = off")
    doc_ids = [f"d{i:07d}" for i in range(documents)]
    with conn:
        conn.executemany(
            "insert into documents (id, path, title, outlet, text, sha256, origin, depth) values (?,?,?,?,?,?,?,?)",
            ((d, f"corpus/{d}.txt", f"Article {d}", f"o{rng.randrange(200)}", "text", d, "file", 0) for d in doc_ids),
        )
        def links():
            for i, d in enumerate(doc_ids):
                for k in range(2):
                    target = None
                    if i > 0 and rng.random() < 0.5:
                        # Mostly recent articles (chains), sometimes a later one (cycles).
                        j = i - 1 - int(rng.expovariate(1 / 50)) if rng.random() < 0.98 else rng.randrange(documents)
                        target = doc_ids[max(0, min(j, documents - 1))]
                    url = f"https://outlet{rng.randrange(200)}.example/{i}/{k}"
                    yield (f"l{i:07d}{k}", d, url, url, url[8:], 1, "example", "inline", k, k + 1, target)
        conn.executemany(
            "insert into links (id, document, url, fetch_url, match_key, normalizer_version, domain, context,"
            " start, end, target) values (?,?,?,?,?,?,?,?,?,?,?)", links())
        def cites():
            n = 0
            for i, d in enumerate(doc_ids):
                for k in range(PER_DOCUMENT):
                    source = f"Source {int(rng.paretovariate(1.2)) % 20000}"
                    via_outlet = f"o{rng.randrange(200)}" if rng.random() < 0.3 else None
                    yield (f"c{n:08d}", d, "statement", source, source, "person", via_outlet,
                           via_outlet and f"Outlet {via_outlet[1:]}", "said", "sentence", k * 10, k * 10 + 9)
                    n += 1
        conn.executemany(
            "insert into citations (id, document, kind, source, source_text, source_type, via_outlet, via, cue,"
            " sentence, start, end) values (?,?,?,?,?,?,?,?,?,?,?,?)", cites())
        dead = rng.sample(range(documents * 2), 20000)
        conn.executemany(
            "insert into url_states (id, url, state, failures, last_ok_at, archive_url) values (?,?,?,?,?,?)",
            ((f"s{j}", f"https://x/{j}", "dead" if j % 2 else "uncertain", 3, None, None) for j in dead))
        conn.execute(
            "update url_states set url = (select fetch_url from links where id = 'l' || printf('%07d', substr(url_states.id, 2) / 2)"
            " || (substr(url_states.id, 2) % 2))")
        conn.executemany("insert into fetches (id, url, fetched_at, status, outcome) select 'f' || id, url,"
                         " '2026-01-01T00:00:00Z', 200, 'ok' from url_states where rowid % ? = 0", [(3,)])
    conn.execute("analyze")
    conn.close()


def source_edges(conn: sqlite3.Connection, name: str) -> int:
    try:
        return len(source_graph(conn, name).edges)
    except ChainError:  # a rare source the random corpus never cites
        return 0


def timed(conn: sqlite3.Connection, fn, runs: int, limit: float) -> tuple[float, float, int] | None:
    """Median and p95 in ms and the last result size; None when the runs
    took more than ``limit`` seconds in all (SQLite is interrupted)."""
    times, size = [], 0
    deadline = time.perf_counter() + limit
    conn.set_progress_handler(lambda: int(time.perf_counter() > deadline), 10_000)
    try:
        for _ in range(runs):
            start = time.perf_counter()
            size = fn()
            times.append((time.perf_counter() - start) * 1000)
            if time.perf_counter() > deadline:
                return None
    except sqlite3.OperationalError as err:
        if "interrupted" in str(err):
            return None
        raise
    finally:
        conn.set_progress_handler(None, 0)
    times.sort()
    return statistics.median(times), times[max(0, int(round(0.95 * len(times))) - 1)], size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--citations", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--db", type=Path, default=Path("/tmp/chains-bench.db"))
    parser.add_argument("--limit", type=float, default=120, help="seconds per query, all runs together")
    args = parser.parse_args()
    if args.db.exists():
        count = sqlite3.connect(args.db).execute("select count(*) from citations").fetchone()[0]
        if count != args.citations:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{args.db}{suffix}").unlink(missing_ok=True)
    if not args.db.exists():
        start = time.perf_counter()
        build(args.db, args.citations)
        print(f"built {args.db} in {time.perf_counter() - start:.0f} s", file=sys.stderr)
    else:
        # New indexes and views of store.py; the FTS triggers stay dropped.
        db = open_db(args.db)
        before = db.execute("select count(*) from sqlite_master where type = 'index'").fetchone()[0]
        ensure_db_shape(db)
        if db.execute("select count(*) from sqlite_master where type = 'index'").fetchone()[0] != before:
            db.execute("analyze")
        db.close()
    conn = sqlite3.connect(args.db)
    counts = {t: conn.execute(f"select count(*) from {t}").fetchone()[0]
              for t in ("documents", "citations", "links", "url_states")}
    targets = conn.execute("select count(*) from links where target is not null").fetchone()[0]
    print(f"{counts['citations']:,} citations, {counts['documents']:,} documents, {counts['links']:,} links "
          f"({targets:,} with a target), {counts['url_states']:,} url states; {args.runs} runs each; sqlite {sqlite3.sqlite_version}")
    queries = load_metadata(args.db)["databases"][args.db.stem]["queries"]
    rng = random.Random(7)
    documents = counts["documents"]
    doc = lambda: f"d{rng.randrange(documents):07d}"  # noqa: E731
    source = lambda: f"Source {rng.choice([1, 2, 5, 50, 500, 5000])}"  # noqa: E731
    cases = [
        ("chain_upstream (canned)", lambda: len(conn.execute(queries["chain_upstream"]["sql"], {"document": doc()}).fetchall())),
        ("chain_downstream, source (canned)", lambda: len(conn.execute(queries["chain_downstream"]["sql"], {"source": source()}).fetchall())),
        ("chain_downstream, outlet (canned)", lambda: len(conn.execute(queries["chain_downstream"]["sql"], {"source": f"o{rng.randrange(200)}"}).fetchall())),
        ("outlet_relays (canned)", lambda: len(conn.execute(queries["outlet_relays"]["sql"], {"outlet": f"o{rng.randrange(200)}"}).fetchall())),
        ("most_cited_origins (canned)", lambda: len(conn.execute(queries["most_cited_origins"]["sql"], {"source_type": ""}).fetchall())),
        ("link_rot (canned)", lambda: len(conn.execute(queries["link_rot"]["sql"], {"state": "dead"}).fetchall())),
        ("document_graph (graph page, CLI)", lambda: len(document_graph(conn, doc()).edges)),
        ("source_graph (graph page, CLI)", lambda: source_edges(conn, source())),
    ]
    print(f"{'query':38} {'median ms':>10} {'p95 ms':>10} {'rows/edges (last)':>18}")
    for name, fn in cases:
        runs = args.runs if "most_cited" not in name and "link_rot" not in name else max(5, args.runs // 5)
        result = timed(conn, fn, runs, args.limit)
        if result is None:
            print(f"{name:38} {'did not finish in ' + str(round(args.limit)) + ' s':>40}")
            continue
        median, p95, size = result
        flag = "" if p95 < 100 else "  over 100 ms"
        print(f"{name:38} {median:10.1f} {p95:10.1f} {size:18,}{flag}")


if __name__ == "__main__":
    main()

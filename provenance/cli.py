"""The command line: parse arguments, call the library, report.

Every command that reads inputs follows one rule for bad input: one line on
stderr naming the input, carry on with the rest, exit status 1 at the end if
anything failed.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import click

from . import __version__
from .inputs import expand_paths, input_size, iter_items
from .outlets import load_gazetteer
from .pipeline import Extraction
from .runner import EngineError, Outcome, check_labeller, default_workers, extract_items
from .publish import serve as run_datasette

DEFAULT_DB = "provenance.db"
FORMATS = click.Choice(["jsonl", "csv", "table"])

#: Columns shown by --format table (jsonl and csv carry every field).
TABLE_COLUMNS = {
    "citations": ["kind", "source", "cue", "via", "quote", "start", "end"],
    "links": ["context", "url", "domain", "start", "end"],
}
TABLE_CELL_WIDTH = 48

db_option = click.option(
    "--db", "db_path", type=click.Path(dir_okay=False), envvar="PROVENANCE_DB",
    default=DEFAULT_DB, show_default=True,
    help="SQLite database file (or set $PROVENANCE_DB).",
)

workers_option = click.option(
    "--workers", type=click.IntRange(1), default=default_workers, show_default="number of cores",
    help="Processes extracting in parallel (one process writes).",
)
engine_option = click.option(
    "--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
    help="local: a process pool here; dask: a Dask cluster (needs provenance[dask]).",
)
labeller_option = click.option(
    "--labeller", "labeller", type=click.Path(file_okay=False), envvar="PROVENANCE_LABELLER", metavar="DIR",
    help="Add the records of a trained labeller (provenance train-labeller; needs provenance[labeller]).",
)
scheduler_option = click.option(
    "--scheduler", metavar="ADDRESS",
    help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: a local cluster of --workers).",
)


@click.group()
@click.version_option(__version__, prog_name="provenance")
def cli() -> None:
    """Find who said it, and through whom it reached the page.

    Reads news articles, extracts their links and attributions, and stores
    them in SQLite for datasette.

    \b
    Example:
        provenance ingest data/samples && provenance serve
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@db_option
@click.option("--force", is_flag=True, help="Re-extract documents already stored (after an extractor upgrade).")
@workers_option
@engine_option
@scheduler_option
@labeller_option
def ingest(
    paths: tuple[str, ...], db_path: str, force: bool, workers: int, engine: str, scheduler: str | None,
    labeller: str | None,
) -> None:
    """Load articles, extract links and citations, and store them.

    PATHS are .txt, .html or .htm files, or directories searched
    recursively. A document whose text is already stored is skipped, so a
    nightly run over a growing archive costs only the new part and an
    interrupted run resumes where it stopped; --force re-extracts them.
    Re-ingesting the same input leaves the database unchanged.

    \b
    Example:
        provenance ingest data/samples --db provenance.db
    """
    from .store import Batches, ensure_db_shape, open_db, stored_document_ids

    _check_labeller(labeller)
    db = open_db(db_path)
    ensure_db_shape(db, load_gazetteer())
    counts = {"documents": 0, "changed": 0, "skipped": 0, "links": 0, "citations": 0}

    def save(batches: Batches, extraction: Extraction) -> None:
        result = batches.save(extraction.document, extraction.links, extraction.citations)
        counts["changed"] += result.changed
        counts["links"] += len(extraction.links)
        counts["citations"] += len(extraction.citations)

    skip_ids = set() if force else stored_document_ids(db)
    try:
        failed = 0
        with Batches(db) as batches:
            for outcome in _outcomes(paths, workers, skip_ids, progress=True, engine=engine, scheduler=scheduler,
                                   labeller=labeller):
                if outcome.error:
                    failed += 1
                    continue
                if outcome.skipped:
                    counts["skipped"] += 1
                else:
                    save(batches, outcome.extraction)
                counts["documents"] += 1
    except EngineError as err:
        db.close()
        _error(str(err))
        sys.exit(1)
    except KeyboardInterrupt:
        db.close()
        click.echo(
            f"interrupted: {counts['documents']} documents stored, the one in progress "
            "rolled back; run the same command again to resume (stored documents are skipped)",
            err=True,
        )
        sys.exit(130)
    db.close()
    click.echo(
        f"{counts['documents']} documents ({counts['changed']} changed, "
        f"{counts['skipped']} already stored), "
        f"{counts['links']} links, {counts['citations']} citations in {db_path}"
        + (f"; {failed} inputs failed" if failed else ""),
        err=True,
    )
    sys.exit(1 if failed else 0)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=FORMATS, default="jsonl", show_default=True)
@workers_option
@labeller_option
def extract(paths: tuple[str, ...], fmt: str, workers: int, labeller: str | None) -> None:
    """Print the citation records of articles (no database needed).

    One record per attribution: every citations column plus the document id
    and its path; start/end index the text as loaded and sentence is that span.

    \b
    Example:
        provenance extract data/samples/002_a33109398c212efd.txt --format table
    """
    _check_labeller(labeller)
    _print_records(paths, fmt, "citations", lambda e: e.citations, workers, labeller)


@cli.command("train-labeller")
@click.option("--polnear", type=click.Path(file_okay=False, exists=True), default="../shared/polnear",
              show_default=True, help="The PolNeAR corpus (its train split is read; nothing is copied).")
@click.option("--out", type=click.Path(file_okay=False), default="data/labeller", show_default=True,
              help="Directory the trained labeller is saved to.")
@click.option("--epochs", type=click.IntRange(1), default=None, help="Passes over the data (default: labeller.EPOCHS).")
@click.option("--limit", type=click.IntRange(1), default=None, help="Only the first N articles.")
@click.option("--hold-out", "every", type=click.IntRange(0), default=None, metavar="N",
              help="Keep every N-th article out of training to choose the threshold on (default: polnear.HOLD_OUT; 0: none).")
def train_labeller(polnear: str, out: str, epochs: int | None, limit: int | None, every: int | None) -> None:
    """Fine-tune the optional labeller on PolNeAR's train split.

    Needs provenance[labeller]. Every N-th article (--hold-out) is kept
    out of training; the threshold with the best F1 on those is saved with
    the model. Two epochs take 20 to 70 minutes on two cores; extract and
    ingest use the result with --labeller DIR.

    \b
    Example:
        provenance train-labeller --out data/labeller
        provenance extract article.txt --labeller data/labeller
    """
    from pathlib import Path

    from .attribution import labeller as lab
    from .polnear import HOLD_OUT, calibrate, hold_out, load_split

    articles = load_split(Path(polnear), "train", limit)
    if not articles:
        _error(f"{polnear}: no PolNeAR train articles found")
        sys.exit(1)
    articles, held = hold_out(articles, HOLD_OUT if every is None else every)
    examples = [
        (text, [("cue", s, e) for a in found for s, e in a.cue_spans] + [("source", *a.source_span) for a in found])
        for _, text, found in articles
    ]
    show = sys.stderr.isatty()
    bar = click.progressbar(length=1, label="training", file=sys.stderr, item_show_func=lambda x: x) if show else _nullbar()
    with bar:
        def progress(step: int, total: int, loss: float) -> None:
            bar.length = total
            bar.update(1, f"loss {loss:.3f}")

        try:
            steps = lab.train(examples, out, epochs or lab.EPOCHS, progress=progress)
        except ImportError:
            _error(lab.NEEDS_EXTRA)
            sys.exit(1)
    click.echo(f"trained on {len(articles)} articles ({steps} steps); saved to {out}", err=True)
    if held:
        click.echo(f"choosing the threshold on {len(held)} held-out articles ...", err=True)
        settings = calibrate(out, held)
        click.echo(f"threshold {settings['threshold']}: held-out F1 {settings['f1_by_threshold'][str(settings['threshold'])]:.3f}"
                   f" (rules alone {settings['f1_rules']:.3f}); saved to {out}/{lab.SETTINGS}", err=True)
    else:  # a threshold chosen for an earlier model in ``out`` does not hold for this one
        (Path(out) / lab.SETTINGS).unlink(missing_ok=True)
        click.echo(f"no article held out: the threshold stays at {lab.THRESHOLD}", err=True)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=FORMATS, default="jsonl", show_default=True)
@workers_option
def links(paths: tuple[str, ...], fmt: str, workers: int) -> None:
    """Print the links found in articles (no database needed).

    Each link has the URL as written, a fetchable normalised URL, a lossy
    match key, its registered domain and its context.

    \b
    Example:
        provenance links data/samples --format csv
    """
    _print_records(paths, fmt, "links", lambda e: e.links, workers)


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind; keep loopback unless publishing.")
@click.option("--port", default=8001, show_default=True, type=int)
def serve(db_path: str, host: str, port: int) -> None:
    """Serve the database in datasette with the project's metadata.

    \b
    Example:
        provenance serve --db provenance.db --port 8001
    """
    _require_database(db_path)
    sys.exit(run_datasette(db_path, host, port))


def _outcomes(
    paths: Iterable[str], workers: int, skip_ids=frozenset(), progress: bool = False,
    engine: str = "local", scheduler: str | None = None, labeller: str | None = None,
) -> Iterator[Outcome]:
    """Extract every input, in order; report each failure as one line on stderr."""
    inputs = list(expand_paths(paths))
    show = progress and sys.stderr.isatty()
    with click.progressbar(
        length=sum(map(input_size, inputs)), label="extracting", file=sys.stderr,
        item_show_func=lambda n: f"{n:,} documents" if n else None,
    ) if show else _nullbar() as bar:
        done = 0
        for outcome in extract_items(iter_items(inputs), workers, skip_ids, engine, scheduler, labeller):
            done += 1
            bar.update(outcome.size, done)
            if outcome.error:
                _error(outcome.error)
            yield outcome


class _nullbar:
    """Stands in for a progress bar when stderr is not a terminal."""

    def __enter__(self) -> "_nullbar":
        return self

    def __exit__(self, *exc) -> None:
        return None

    def update(self, n: int, current: object = None) -> None:
        pass


def _check_labeller(path: str | None) -> None:
    if path is None:
        return
    try:
        check_labeller(path)
    except EngineError as err:
        _error(str(err))
        sys.exit(1)


def _error(message: str) -> None:
    click.echo(f"error: {message}", err=True)


def _require_database(db_path: str) -> None:
    """Commands that read a database stop with one line when it is missing."""
    if not Path(db_path).exists():
        _error(f"{db_path}: no such database; run `provenance ingest` first")
        sys.exit(1)


def _print_records(
    paths: tuple[str, ...], fmt: str, kind: str, pick: Callable[[Extraction], list], workers: int,
    labeller: str | None = None,
) -> None:
    writer = _RecordWriter(fmt, kind)

    failed = 0
    for outcome in _outcomes(paths, workers, labeller=labeller):
        if outcome.error:
            failed += 1
            continue
        for record in pick(outcome.extraction):
            writer.write({**record.row(), "path": outcome.extraction.document.path})
    writer.close()
    sys.exit(1 if failed else 0)


class _RecordWriter:
    """Streams records as JSON lines or CSV; buffers only for a table."""

    def __init__(self, fmt: str, kind: str) -> None:
        self.fmt = fmt
        self.kind = kind
        self.csv: csv.DictWriter | None = None
        self.table: list[dict] = []

    def write(self, record: dict) -> None:
        if self.fmt == "jsonl":
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif self.fmt == "csv":
            if self.csv is None:
                self.csv = csv.DictWriter(sys.stdout, fieldnames=list(record))
                self.csv.writeheader()
            self.csv.writerow(record)
        else:
            self.table.append(record)

    def close(self) -> None:
        if self.fmt == "table" and self.table:
            from tabulate import tabulate

            columns = TABLE_COLUMNS[self.kind]
            rows = [[_cell(r.get(c)) for c in columns] for r in self.table]
            click.echo(tabulate(rows, headers=columns))
        sys.stdout.flush()


def _cell(value: object) -> str:
    text = "" if value is None else " ".join(str(value).split())
    return text if len(text) <= TABLE_CELL_WIDTH else text[: TABLE_CELL_WIDTH - 1] + "…"


@cli.command()
@db_option
@click.option("--document", "document", metavar="ID", help="Chains through this document (documents.id).")
@click.option("--source", "source", metavar="NAME", help="Chains from this source (a name as in citations.source) or outlet (id or name).")
@click.option("--format", "fmt", type=click.Choice(["tree", "jsonl"]), default="tree", show_default=True)
@click.option("--max-depth", default=10, show_default=True, type=click.IntRange(0, 50),
              help="Link hops (article to article) to follow.")
def chains(db_path: str, document: str | None, source: str | None, fmt: str, max_depth: int) -> None:
    """Print attribution chains: origin -> outlet that carried it -> article
    -> article that links to it.

    With --document, everything upstream of the article (its sources, the
    outlets they reached it through, the articles it links to) and the
    articles linking to it; with --source, everything downstream of a source
    or outlet. jsonl prints one edge per line.

    \b
    Example:
        provenance chains --source "Oleg Syromolotov"
        provenance chains --document 834d83bd9d8c9537 --format jsonl
    """
    from .chains import ChainError, document_graph, edge_records, source_graph, tree_lines

    if (document is None) == (source is None):
        _error("give exactly one of --document ID or --source NAME")
        sys.exit(1)
    _require_database(db_path)
    import sqlite3

    conn = sqlite3.connect(db_path)
    try:
        if document is not None:
            graph = document_graph(conn, document, max_depth)
        else:
            graph = source_graph(conn, source, max_depth)
    except ChainError as err:
        _error(str(err))
        sys.exit(1)
    except sqlite3.DatabaseError as err:
        _error(f"{db_path}: {err}")
        sys.exit(1)
    finally:
        conn.close()
    if fmt == "jsonl":
        for record in edge_records(graph):
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        click.echo("\n".join(tree_lines(graph)))


# --------------------------------------------------------------------------
# crawl and refresh
# --------------------------------------------------------------------------

_crawl_common = [
    click.option("--concurrency", default=8, show_default=True, type=click.IntRange(1, 256),
                 help="Fetches in flight at once (across all hosts)."),
    click.option("--per-host", default=1, show_default=True, type=click.IntRange(1, 16),
                 help="Connections to one host at a time."),
    click.option("--delay", default=1.0, show_default=True, type=click.FloatRange(0),
                 help="Seconds between two requests to one host (robots.txt Crawl-delay can raise it)."),
    click.option("--timeout", default=10.0, show_default=True, type=click.FloatRange(0.1),
                 help="Connect and read timeout in seconds; one URL gets at most 3x this in all."),
    click.option("--user-agent", default=None, metavar="TEXT", help="User-Agent header and robots.txt agent."),
    click.option("--allow-private", is_flag=True,
                 help="Allow hosts that resolve to private, loopback or link-local addresses (tests, intranets)."),
]


def _with_crawl_options(fn):
    for option in reversed(_crawl_common):
        fn = option(fn)
    return fn


def _crawl_db(db_path: str):
    from .store import ensure_db_shape, open_db

    _require_database(db_path)
    db = open_db(db_path)
    ensure_db_shape(db)
    return db


class _CrawlProgress:
    """A click progress bar on a terminal (stderr), nothing otherwise."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.bar = None

    def level(self, count: int) -> None:
        if not sys.stderr.isatty():
            return
        if self.bar is None:
            self.bar = click.progressbar(length=count, label=self.label, file=sys.stderr, show_pos=True)
            self.bar.__enter__()
        else:
            self.bar.length += count

    def done(self, url: str) -> None:
        if self.bar is not None:
            self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


def _run_crawl(db_path: str, config, action) -> None:
    from .crawl import Crawler

    db = _crawl_db(db_path)
    progress = _CrawlProgress("fetching")
    try:
        with Crawler(db, config) as crawler:
            summary = action(crawler, progress)
    except KeyboardInterrupt:
        progress.close()
        db.close()
        click.echo(
            "interrupted: every page fetched so far is stored; run the same command again "
            "to resume (URLs already fetched are not fetched again)",
            err=True,
        )
        sys.exit(130)
    except Exception as err:  # one line, as for every command
        if os.environ.get("PROVENANCE_DEBUG"):
            raise
        progress.close()
        _error(f"{db_path}: {type(err).__name__}: {err}")
        sys.exit(1)
    progress.close()
    db.close()
    for message in summary.archive_errors:
        _error(message)
    click.echo(f"{summary.line()} in {db_path}", err=True)
    sys.exit(1 if summary.failed or summary.archive_errors else 0)


@cli.command()
@db_option
@click.option("--depth", default=1, show_default=True, type=click.IntRange(0, 10),
              help="How far to follow links: 1 fetches the pages the input articles cite, 2 also the pages those cite.")
@_with_crawl_options
@click.option("--max-bytes", default=10 * 1024 * 1024, show_default=True, type=click.IntRange(1),
              help="Largest body read; a bigger one is recorded as too_large.")
@click.option("--record", type=click.Path(dir_okay=False), metavar="FILE.warc.gz",
              help="Also write every request and response to this WARC file.")
@click.option("--replay", type=click.Path(exists=True, dir_okay=False), metavar="FILE.warc.gz",
              help="Serve every fetch from this WARC file instead of the network.")
@labeller_option
def crawl(db_path: str, depth: int, concurrency: int, per_host: int, delay: float, timeout: float,
          user_agent: str | None, allow_private: bool, max_bytes: int, record: str | None, replay: str | None,
          labeller: str | None) -> None:
    """Fetch every link not fetched yet, politely, and add the pages to the graph.

    HTML pages become documents (origin crawl, depth + 1) whose links and
    citations are extracted; every attempt is a row in fetches (outcome ok,
    not_modified, timeout, dns, refused, robots, too_large, not_html,
    redirect_loop, blocked, http_error or error). robots.txt is obeyed.
    Exit status 1 if any fetch failed (anything but ok / not_html).

    \b
    Example:
        provenance crawl --db provenance.db --depth 1 --concurrency 8 --delay 1
        provenance crawl --record run.warc.gz   # later: --replay run.warc.gz
    """
    from .crawl import CrawlConfig

    _check_labeller(labeller)
    if record and replay:
        _error("--record and --replay cannot be used together")
        sys.exit(1)
    config = CrawlConfig(
        depth=depth, concurrency=concurrency, per_host=per_host, delay=delay, timeout=timeout,
        max_bytes=max_bytes, allow_private=allow_private, record=record, replay=replay, labeller=labeller,
        **({"user_agent": user_agent} if user_agent else {}),
    )
    _run_crawl(db_path, config, lambda crawler, p: crawler.crawl(on_level=p.level, on_done=p.done))


@cli.command()
@db_option
@click.option("--older-than", default="7d", show_default=True, metavar="AGE",
              help="Re-check URLs last checked longer ago than this: 30m, 12h, 7d, 2w, or 0 for all.")
@click.option("--dead-only", is_flag=True, help="Only re-check URLs whose state is dead.")
@click.option("--archive", is_flag=True, help="Look up the closest Wayback Machine snapshot of every dead URL.")
@click.option("--archive-api", envvar="PROVENANCE_WAYBACK_API", default=None, metavar="URL",
              help="Wayback availability API endpoint (or set $PROVENANCE_WAYBACK_API).")
@_with_crawl_options
@labeller_option
def refresh(db_path: str, older_than: str, dead_only: bool, archive: bool, archive_api: str | None,
            concurrency: int, per_host: int, delay: float, timeout: float, user_agent: str | None,
            allow_private: bool, labeller: str | None) -> None:
    """Re-check fetched URLs with conditional GET and track link rot.

    A 304 counts as unchanged; a changed page becomes a new document and the
    links move to it (fetches keeps both). Link states (alive, uncertain,
    dead, auth, paywall) update with hysteresis: dead only after 3 failed
    checks at least 3 days apart.

    \b
    Example:
        provenance refresh --db provenance.db --older-than 7d --archive
    """
    from .crawl import CrawlConfig
    from .crawl.archive import DEFAULT_WAYBACK_API, Wayback

    _check_labeller(labeller)
    try:
        age = _parse_age(older_than)
    except ValueError as err:
        _error(str(err))
        sys.exit(1)
    config = CrawlConfig(
        concurrency=concurrency, per_host=per_host, delay=delay, timeout=timeout, allow_private=allow_private,
        labeller=labeller, **({"user_agent": user_agent} if user_agent else {}),
    )

    def action(crawler, progress):
        jobs = crawler.refresh_jobs(age, dead_only)
        progress.level(len(jobs))
        summary = crawler.refresh(age, dead_only, jobs=jobs, on_done=progress.done)
        if archive:
            wayback = Wayback(archive_api or DEFAULT_WAYBACK_API, config.user_agent)
            try:
                crawler.archive_dead(wayback, summary)
            finally:
                wayback.close()
        return summary

    _run_crawl(db_path, config, action)


def _parse_age(text: str):
    import re
    from datetime import timedelta

    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhdw]?)\s*", text or "")
    if not m:
        raise ValueError(f"--older-than {text!r}: expected a number with s, m, h, d or w, e.g. 7d")
    unit = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks", "": "days"}[m.group(2)]
    return timedelta(**{unit: float(m.group(1))})

"""The SQLite store: schema, idempotent shape, and per-document saves.

Only this module touches SQLite. ``ensure_db_shape`` creates whatever is
missing (tables, foreign keys, indexes, full-text search, the outlet
gazetteer) and is safe to run on every command, as github-to-sqlite does.

``save_extraction`` writes one document with its links and citations in one
transaction. It compares the new rows with the stored ones and writes only
the difference, so ingesting the same input twice leaves every table, the FTS
indexes included, byte-for-byte unchanged, and a re-extraction with a newer
extractor removes the rows it no longer produces.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from .model import FETCH_COLUMNS, Citation, Document, Link, Outlet, stable_id

#: Milliseconds a writer waits for a lock before giving up; datasette may be
#: reading the same file.
BUSY_TIMEOUT_MS = 5000
#: An ingest commits after this many documents or seconds (see Batches).
BATCH_DOCUMENTS = 100
BATCH_SECONDS = 2.0

DOCUMENT_COLUMNS = {
    "id": str, "url": str, "canonical_url": str, "path": str, "title": str,
    "outlet": str, "byline": str, "published": str, "text": str, "sha256": str,
    "origin": str, "depth": int, "encoding": str,
}
OUTLET_COLUMNS = {
    "id": str, "name": str, "domain": str, "kind": str, "country": str, "aliases": str, "domains": str,
}
LINK_COLUMNS = {
    "id": str, "document": str, "url": str, "fetch_url": str, "match_key": str,
    "normalizer_version": int, "domain": str, "context": str, "anchor_text": str,
    "start": int, "end": int, "target": str,
}
CITATION_COLUMNS = {
    "id": str, "document": str, "kind": str, "source": str, "source_text": str,
    "source_type": str, "source_outlet": str, "via": str, "via_outlet": str,
    "via_link": str, "cue": str, "quote": str, "sentence": str, "start": int,
    "end": int, "cue_start": int, "cue_end": int, "rule": str, "confidence": float,
}

#: In creation order: a table comes after the tables its foreign keys name.
#: One row per fetched URL: its current link state, derived from its fetches
#: with hysteresis (the crawler decides), and the archived snapshot found for
#: it. Keyed by stable_id(fetch_url).
URL_STATE_COLUMNS = {
    "id": str, "url": str, "state": str, "failures": int, "first_failure_at": str,
    "last_checked_at": str, "last_ok_at": str, "last_status": int, "last_outcome": str,
    "archive_url": str, "archive_timestamp": str, "archive_checked_at": str,
}

TABLES: dict[str, dict] = {
    "outlets": {"columns": OUTLET_COLUMNS, "foreign_keys": []},
    "documents": {"columns": DOCUMENT_COLUMNS, "foreign_keys": [("outlet", "outlets", "id")]},
    "links": {
        "columns": LINK_COLUMNS,
        "foreign_keys": [("document", "documents", "id"), ("target", "documents", "id")],
    },
    "citations": {
        "columns": CITATION_COLUMNS,
        "foreign_keys": [
            ("document", "documents", "id"),
            ("source_outlet", "outlets", "id"),
            ("via_outlet", "outlets", "id"),
            ("via_link", "links", "id"),
        ],
    },
    "fetches": {"columns": FETCH_COLUMNS, "foreign_keys": [("document", "documents", "id")]},
    "url_states": {"columns": URL_STATE_COLUMNS, "foreign_keys": []},
}

INDEXES: dict[str, list[tuple[str, ...]]] = {
    "documents": [("sha256",), ("canonical_url",), ("url",), ("outlet",)],
    "outlets": [("domain",), ("name",)],
    "links": [("document",), ("match_key",), ("fetch_url",), ("domain",), ("target",)],
    "citations": [
        ("document",), ("source",), ("source_outlet",), ("via_outlet",), ("via_link",), ("kind",),
    ],
    "fetches": [("url", "fetched_at"), ("outcome",), ("document",)],
    "url_states": [("url",), ("state",)],
}

FTS: dict[str, list[str]] = {
    "documents": ["title", "text"],
    "citations": ["source", "quote", "sentence"],
}

#: A document's label in the chain views: its title, else its file name,
#: else its canonical URL, URL or id.
_DOCUMENT_LABEL = (
    "coalesce(nullif({d}.title, ''), "
    "nullif(replace({d}.path, rtrim({d}.path, replace({d}.path, '/', '')), ''), ''), "
    "{d}.canonical_url, {d}.url, {d}.id)"
)

#: Views, created or replaced by ensure_db_shape whenever their SQL differs
#: from the stored one. A chain node id is "document:<documents.id>",
#: "outlet:<outlets.id>" or "source:<name as written>"; an edge points
#: downstream: origin -> the channel that carried it -> article -> article
#: linking to it. citation_chain is a plain join (no UNION), so SQLite flattens
#: it into queries that join it on citation_chain.document and uses the index;
#: chain_edges is the union of every edge, for browsing and single filters.
VIEWS: dict[str, str] = {
    "citation_chain": f"""select
  c.id as citation,
  c.document as document,
  c.kind as kind,
  case when c.source_outlet is not null then 'outlet:' || c.source_outlet
       when c.source is not null then 'source:' || c.source end as origin_node,
  case when c.source_outlet is not null then 'outlet'
       when c.source is not null then 'source' end as origin_kind,
  coalesce(so.name, c.source_outlet, c.source) as origin_label,
  case when c.via_outlet is not null then 'outlet:' || c.via_outlet
       when c.via is not null then 'source:' || c.via end as channel_node,
  case when c.via_outlet is not null then 'outlet'
       when c.via is not null then 'source' end as channel_kind,
  coalesce(vo.name, c.via_outlet, c.via) as channel_label,
  'document:' || c.document as document_node,
  {_DOCUMENT_LABEL.format(d="d")} as document_label,
  c.via_link as via_link
from citations c
join documents d on d.id = c.document
left join outlets so on so.id = c.source_outlet
left join outlets vo on vo.id = c.via_outlet""",
    "chain_edges": f"""select
  origin_node as from_node, origin_kind as from_kind, origin_label as from_label,
  'relayed_by' as relation,
  channel_node as to_node, channel_kind as to_kind, channel_label as to_label,
  document, citation, kind as citation_kind, via_link as link
from citation_chain
where origin_node is not null and channel_node is not null and origin_node != channel_node
union all
select
  coalesce(channel_node, origin_node), coalesce(channel_kind, origin_kind), coalesce(channel_label, origin_label),
  'cited_in',
  document_node, 'document', document_label,
  document, citation, kind, via_link
from citation_chain
where coalesce(channel_node, origin_node) is not null
union all
select
  'document:' || l.target, 'document', {_DOCUMENT_LABEL.format(d="t")},
  'linked_from',
  'document:' || l.document, 'document', {_DOCUMENT_LABEL.format(d="d")},
  l.document, null, null, l.id
from links l
join documents t on t.id = l.target
join documents d on d.id = l.document""",
}


def open_db(path: str | Path) -> sqlite_utils.Database:
    """Open (creating if needed) a database in WAL mode with foreign keys on."""
    db = sqlite_utils.Database(path)
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys = ON")
    if db.journal_mode != "wal":
        db.enable_wal()
    # In WAL mode NORMAL syncs at checkpoints, not at every commit: a killed
    # process loses nothing committed, and an OS crash or power cut can only
    # roll back the last commits, never corrupt the file (SQLite's advice
    # for WAL). FULL costs an fsync per document.
    db.execute("PRAGMA synchronous = NORMAL")
    return db


def ensure_db_shape(db: sqlite_utils.Database, outlets: Iterable[Outlet] = ()) -> None:
    """Create every missing table, index and FTS index; load the gazetteer.

    Idempotent: running it on a database that already has its shape changes
    nothing (the outlet rows are only written when they differ).
    """
    with db.atomic():
        for name, spec in TABLES.items():
            if not db[name].exists():
                db[name].create(
                    spec["columns"], pk="id", foreign_keys=spec["foreign_keys"], not_null={"id"}
                )
            else:
                # Additive upgrade: a database made before a column existed
                # gains it (empty) in place; nothing stored is rewritten.
                have = db[name].columns_dict
                for column, kind in spec["columns"].items():
                    if column not in have:
                        db[name].add_column(column, kind)
        for name, indexes in INDEXES.items():
            existing = {tuple(ix.columns) for ix in db[name].indexes}
            for columns in indexes:
                if columns not in existing:
                    db[name].create_index(list(columns), find_unique_name=True)
    for name, columns in FTS.items():
        if not db[f"{name}_fts"].exists():
            db[name].enable_fts(columns, create_triggers=True, tokenize="unicode61 remove_diacritics 2")
    with db.atomic():
        for name, sql in VIEWS.items():
            # Replaced only when the stored SQL differs: re-running changes nothing.
            db.create_view(name, sql, replace=True)
    outlet_rows = [_outlet_row(o) for o in outlets]
    if outlet_rows:
        with db.atomic():
            _sync_rows(db, "outlets", outlet_rows, existing=_rows_by_id(db, "outlets", None))


class Batches:
    """One open transaction, committed every BATCH_DOCUMENTS saves or
    BATCH_SECONDS, whichever comes first, with new rows indexed for
    full-text search once per batch rather than once per row.

    Each save inside it is still atomic on its own (a savepoint: a failing
    document rolls back alone), but committing once per batch instead of
    once per document halves what an ingest spends in SQLite. A killed
    process loses at most the open batch, which the next run redoes;
    leaving the block, even by Ctrl-C or an error, commits every document
    that was completed.

    Why the FTS indexing waits: the insert trigger that sqlite-utils puts on
    ``documents`` and ``citations`` tokenises row by row, and that was a
    sixth of a two-worker ingest's time, in the one writer; one
    ``INSERT ... SELECT`` per batch does the same work at a tenth of the
    cost. While a batch is open its insert triggers are swapped for
    temporary ones that only note the new rowids; before each commit those
    rows are indexed and the insert triggers put back, in the same
    transaction, so a committed database always has them and a killed
    process rolls the swap back with the batch. A document saved twice in
    one batch (the same text under two names) is indexed before its second
    save, whose updates and deletes need their old rows in the index.
    """

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self.pending = 0
        self.since = 0.0
        self.insert_triggers: dict[str, str] = {}
        self.unindexed: set[str] = set()  # documents saved since the last indexing

    def __enter__(self) -> "Batches":
        self.db.begin()
        self._defer_indexing()
        self.since = time.monotonic()
        return self

    def save(self, document: Document, links: list[Link], citations: list[Citation]) -> SaveResult:
        """``save_extraction`` within the batch; commits when it is full."""
        if document.id in self.unindexed:
            self._index_pending()
        result = save_extraction(self.db, document, links, citations)
        self.unindexed.add(document.id)
        self.pending += 1
        if self.pending >= BATCH_DOCUMENTS or time.monotonic() - self.since >= BATCH_SECONDS:
            self._restore_indexing()
            self.db.commit()
            self.db.begin()
            self._defer_indexing()
            self.pending, self.since = 0, time.monotonic()
        return result

    def __exit__(self, *exc) -> None:
        self._restore_indexing()
        self.db.commit()

    def _defer_indexing(self) -> None:
        for table in FTS:
            row = self.db.execute(
                "select sql from sqlite_master where type = 'trigger' and name = ?", [f"{table}_ai"]
            ).fetchone()
            if row is None:
                continue  # (no full-text index on this table)
            self.insert_triggers[table] = row[0]
            self.db.execute("create temp table if not exists fts_pending (tbl text, rid integer)")
            self.db.execute(f"drop trigger [{table}_ai]")
            self.db.execute(
                f"create temp trigger [{table}_pending] after insert on main.[{table}] "
                f"begin insert into fts_pending values ('{table}', new.rowid); end"
            )

    def _index_pending(self) -> None:
        for table in self.insert_triggers:
            columns = ", ".join(f"[{c}]" for c in FTS[table])
            self.db.execute(
                f"insert into [{table}_fts] (rowid, {columns}) select rowid, {columns} from [{table}] "
                "where rowid in (select rid from temp.fts_pending where tbl = ?)", [table],
            )
        if self.insert_triggers:
            self.db.execute("delete from temp.fts_pending")
        self.unindexed.clear()

    def _restore_indexing(self) -> None:
        self._index_pending()
        for table, sql in self.insert_triggers.items():
            self.db.execute(f"drop trigger temp.[{table}_pending]")
            self.db.execute(sql)
        self.insert_triggers.clear()


@dataclass
class SaveResult:
    """What one save changed: counts of rows written and deleted."""

    written: dict[str, int] = field(default_factory=dict)
    deleted: dict[str, int] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return any(self.written.values()) or any(self.deleted.values())


def save_extraction(
    db: sqlite_utils.Database,
    document: Document,
    links: list[Link],
    citations: list[Citation],
) -> SaveResult:
    """Store one document and everything extracted from it, atomically."""
    result = SaveResult()
    with db.atomic():
        doc_row = document.row()
        result.written["documents"] = _sync_rows(
            db, "documents", [doc_row], existing=_rows_by_id(db, "documents", None, ids=[document.id])
        )
        # Citations reference links, so links go in first and out last.
        link_rows = [_link_row(link) for link in links]
        old_links = _rows_by_id(db, "links", document.id)
        result.written["links"] = _sync_rows(db, "links", link_rows, existing=old_links)
        cit_rows = [c.row() for c in citations]
        old_cits = _rows_by_id(db, "citations", document.id)
        result.written["citations"] = _sync_rows(db, "citations", cit_rows, existing=old_cits)
        result.deleted["citations"] = _delete_missing(db, "citations", old_cits, cit_rows)
        result.deleted["links"] = _delete_missing(db, "links", old_links, link_rows)
    return result


def stored_document_ids(db: sqlite_utils.Database) -> set[str]:
    """Ids (text hashes) of every stored document: what an ingest can skip."""
    return {row[0] for row in db.execute("select id from documents")}


def _outlet_row(outlet: Outlet) -> dict:
    row = outlet.row()
    row["aliases"] = json.dumps(outlet.aliases, ensure_ascii=False)
    row["domains"] = json.dumps(outlet.domains)
    return row


def _link_row(link: Link) -> dict:
    row = link.row()
    if row["target"] is None:
        # The crawler owns `target`; extraction must not erase what it set.
        del row["target"]
    return row


def _rows_by_id(
    db: sqlite_utils.Database, table: str, document: str | None, ids: list[str] | None = None
) -> dict[str, dict]:
    # A plain cursor: sqlite-utils' query() wraps every SELECT in a savepoint,
    # two extra statements per lookup on the hot path of every save.
    if ids is not None:
        cursor = db.conn.execute(f"select * from [{table}] where id in ({','.join('?' * len(ids))})", ids)
    elif document is not None:
        cursor = db.conn.execute(f"select * from [{table}] where document = ?", [document])
    else:
        cursor = db.conn.execute(f"select * from [{table}]")
    columns = [d[0] for d in cursor.description]
    rows = (dict(zip(columns, row)) for row in cursor)
    return {row["id"]: row for row in rows}


def _sync_rows(db: sqlite_utils.Database, table: str, rows: list[dict], existing: dict[str, dict]) -> int:
    """Upsert the rows that are new or differ from what is stored."""
    new = [row for row in rows if row["id"] not in existing]
    changed = [
        row for row in rows
        if row["id"] in existing and any(existing[row["id"]].get(k) != v for k, v in row.items())
    ]
    if new:
        # Plain INSERT: these ids are known to be absent, and a generic
        # upsert's per-row INSERT OR IGNORE + UPDATE costs twice as much.
        columns = list(new[0])
        db.conn.executemany(
            f"insert into [{table}] ({', '.join(f'[{c}]' for c in columns)}) "
            f"values ({', '.join('?' * len(columns))})",
            [[row[c] for c in columns] for row in new],
        )
    if changed:
        db[table].upsert_all(changed, pk="id", alter=False)
    return len(new) + len(changed)


def _delete_missing(db: sqlite_utils.Database, table: str, existing: dict[str, dict], rows: list[dict]) -> int:
    keep = {row["id"] for row in rows}
    gone = [i for i in existing if i not in keep]
    for chunk_start in range(0, len(gone), 500):
        chunk = gone[chunk_start:chunk_start + 500]
        db.execute(f"delete from [{table}] where id in ({','.join('?' * len(chunk))})", chunk)
    return len(gone)


# --------------------------------------------------------------------------
# Crawl history and link state (written by provenance.crawl)
# --------------------------------------------------------------------------


def record_fetch(db: sqlite_utils.Database, fetch_row: dict, url_state: dict | None = None) -> None:
    """Add one fetch attempt (never overwriting history) and, optionally, the
    URL's new state (``url_state`` holds URL_STATE_COLUMNS minus id and url;
    the archive columns are left as they are), in one transaction."""
    row = {k: fetch_row.get(k) for k in FETCH_COLUMNS}
    with db.atomic():
        db["fetches"].insert(row, pk="id", alter=False)
        if url_state is not None:
            state = {k: v for k, v in url_state.items() if k in URL_STATE_COLUMNS and k not in ("id", "url")}
            db["url_states"].upsert({"id": url_state_id(row["url"]), "url": row["url"], **state}, pk="id", alter=False)


def url_state_id(url: str) -> str:
    return stable_id(url)


def fetch_history(db: sqlite_utils.Database, url: str) -> list[dict]:
    """Every fetch of ``url``, oldest first."""
    return list(db.query("select * from fetches where url = ? order by fetched_at, id", [url]))


def last_fetch(db: sqlite_utils.Database, url: str, outcomes: tuple[str, ...] = ("ok",)) -> dict | None:
    """The most recent fetch of ``url`` with one of ``outcomes``."""
    marks = ",".join("?" * len(outcomes))
    rows = list(db.query(
        f"select * from fetches where url = ? and outcome in ({marks}) order by fetched_at desc, id desc limit 1",
        [url, *outcomes],
    ))
    return rows[0] if rows else None


def set_link_target(db: sqlite_utils.Database, fetch_url: str, document: str) -> int:
    """Point every link whose fetch_url is ``fetch_url`` at ``document``; returns rows changed."""
    with db.atomic():
        cursor = db.execute(
            "update links set target = ? where fetch_url = ? and (target is null or target != ?)",
            [document, fetch_url, document],
        )
    return cursor.rowcount


def crawl_frontier(db: sqlite_utils.Database, max_depth: int) -> list[tuple[str, int]]:
    """(fetch_url, smallest depth of a citing document) for every link in a
    document shallower than ``max_depth`` whose URL has no fetch yet."""
    rows = db.execute(
        """
        select l.fetch_url, min(d.depth) from links l join documents d on d.id = l.document
        where d.depth < ? and l.fetch_url is not null
          and not exists (select 1 from fetches f where f.url = l.fetch_url)
        group by l.fetch_url order by l.fetch_url
        """,
        [max_depth],
    ).fetchall()
    return [(url, depth) for url, depth in rows]


def citing_depth(db: sqlite_utils.Database, fetch_url: str) -> int | None:
    """The smallest depth of the documents linking to ``fetch_url``."""
    row = db.execute(
        "select min(d.depth) from links l join documents d on d.id = l.document where l.fetch_url = ?",
        [fetch_url],
    ).fetchone()
    return row[0] if row else None


def document_exists(db: sqlite_utils.Database, document: str) -> bool:
    return db.execute("select 1 from documents where id = ?", [document]).fetchone() is not None


def refresh_candidates(db: sqlite_utils.Database, checked_before: str, dead_only: bool = False) -> list[str]:
    """URLs with a state whose last check is older than ``checked_before`` (ISO)."""
    sql = "select url from url_states where (last_checked_at is null or last_checked_at < ?)"
    if dead_only:
        sql += " and state = 'dead'"
    return [r[0] for r in db.execute(sql + " order by url", [checked_before]).fetchall()]


def url_states_in(db: sqlite_utils.Database, states: tuple[str, ...]) -> list[dict]:
    marks = ",".join("?" * len(states))
    return list(db.query(f"select * from url_states where state in ({marks}) order by url", list(states)))


def set_archive(db: sqlite_utils.Database, url: str, archive_url: str | None,
                archive_timestamp: str | None, checked_at: str) -> None:
    """Store the archived snapshot found (or not found) for ``url``."""
    with db.atomic():
        db["url_states"].upsert(
            {"id": url_state_id(url), "url": url, "archive_url": archive_url,
             "archive_timestamp": archive_timestamp, "archive_checked_at": checked_at},
            pk="id", alter=False,
        )

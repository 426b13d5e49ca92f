"""The store on real SQLite files: shape, idempotence, atomic per-document saves."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from provenance import store
from provenance.model import Citation, Document, Link, Outlet
from provenance.store import (
    FTS,
    INDEXES,
    TABLES,
    Batches,
    ensure_db_shape,
    open_db,
    save_extraction,
)

OUTLETS = [
    Outlet("rtvi", "RTVI", "rtvi.com", "broadcaster", "RU", ["РТВИ"]),
    Outlet("tass", "TASS", "tass.com", "agency", "RU", ["ТАСС"]),
]
TEXT = "Saratova told RTVI she had forwarded the appeals.\nhttps://rtvi.com/topics/x/\n"


def records(text: str = TEXT) -> tuple[Document, list[Link], list[Citation]]:
    doc = Document(text=text, path="a.txt")
    link = Link(
        document=doc.id, url="https://rtvi.com/topics/x/", fetch_url="https://rtvi.com/topics/x/",
        match_key="rtvi.com/topics/x", domain="rtvi.com", context="inline", start=50, end=76,
    )
    citation = Citation(
        document=doc.id, kind="statement", source="Kheda Saratova", source_text="Saratova",
        source_type="person", cue="told", sentence=text[:49], start=0, end=49, cue_start=9,
        cue_end=13, via="RTVI", via_outlet="rtvi", via_link=link.id, rule="told_outlet",
        confidence=0.9,
    )
    return doc, [link], [citation]



def test_shape_has_every_table_index_fts_and_wal(db_path: Path) -> None:
    db = open_db(db_path)
    ensure_db_shape(db, OUTLETS)
    assert set(TABLES) | {f"{t}_fts" for t in FTS} <= set(db.table_names())
    assert db.journal_mode == "wal"
    for table, spec in TABLES.items():
        assert db[table].columns_dict.keys() == spec["columns"].keys()
        assert db[table].pks == ["id"]
        fks = {(fk.column, fk.other_table, fk.other_column) for fk in db[table].foreign_keys}
        assert fks == set(spec["foreign_keys"])
        indexed = {tuple(ix.columns) for ix in db[table].indexes}
        assert set(INDEXES[table]) <= indexed
    assert db["fetches"].count == 0
    assert [r["id"] for r in db["outlets"].rows_where(order_by="id")] == ["rtvi", "tass"]
    assert db["outlets"].get("rtvi")["aliases"] == '["РТВИ"]'


def test_ensure_db_shape_is_idempotent(db_path: Path, dump) -> None:
    db = open_db(db_path)
    ensure_db_shape(db, OUTLETS)
    before = dump(db_path)
    ensure_db_shape(db, OUTLETS)
    ensure_db_shape(open_db(db_path), OUTLETS)
    assert dump(db_path) == before


def test_saving_twice_leaves_the_database_byte_for_byte_unchanged(db_path: Path, dump) -> None:
    db = open_db(db_path)
    ensure_db_shape(db, OUTLETS)
    first = save_extraction(db, *records())
    assert first.written == {"documents": 1, "links": 1, "citations": 1}
    before = dump(db_path)
    second = save_extraction(db, *records())
    assert not second.changed
    assert dump(db_path) == before


def test_reextraction_replaces_stale_rows(db_path: Path) -> None:
    db = open_db(db_path)
    ensure_db_shape(db, OUTLETS)
    doc, links, citations = records()
    save_extraction(db, doc, links, citations)
    # A newer extractor finds a different citation and no link.
    changed = Citation(**{**citations[0].row(), "id": "", "via_link": None, "rule": "v2", "cue_start": 10})
    result = save_extraction(db, doc, [], [changed])
    assert result.deleted == {"citations": 1, "links": 1}
    assert [r["rule"] for r in db["citations"].rows] == ["v2"]
    assert db["links"].count == 0


def test_crawl_target_survives_reingest(db_path: Path) -> None:
    db = open_db(db_path)
    ensure_db_shape(db, OUTLETS)
    doc, links, citations = records()
    target = Document(text="The cited page.", origin="crawl", depth=1, url="https://rtvi.com/topics/x/")
    save_extraction(db, target, [], [])
    save_extraction(db, doc, links, citations)
    db.execute("update links set target = ? where id = ?", [target.id, links[0].id])
    db.conn.commit()
    save_extraction(db, *records())
    assert db["links"].get(links[0].id)["target"] == target.id


def test_foreign_keys_are_enforced(db_path: Path) -> None:
    db = open_db(db_path)
    ensure_db_shape(db, OUTLETS)
    doc, links, citations = records()
    bad = Citation(**{**citations[0].row(), "id": "", "via_outlet": "no-such-outlet", "via_link": None})
    with pytest.raises(sqlite3.IntegrityError):
        save_extraction(db, doc, [], [bad])
    # the failed save was one transaction: nothing of it is stored
    assert db["documents"].count == 0


def test_full_text_search_on_documents_and_citations(db_path: Path) -> None:
    db = open_db(db_path)
    ensure_db_shape(db, OUTLETS)
    save_extraction(db, *records())
    assert [r["path"] for r in db["documents"].search("forwarded")] == ["a.txt"]
    assert [r["source"] for r in db["citations"].search("Saratova")] == ["Kheda Saratova"]
    # diacritics are folded: "Cavusoglu" finds "Çavuşoğlu"
    doc = Document(text="Çavuşoğlu said so.", path="b.txt")
    save_extraction(db, doc, [], [])
    assert [r["path"] for r in db["documents"].search("Cavusoglu")] == ["b.txt"]


def test_older_database_gains_new_columns_in_place(db_path: Path) -> None:
    """A database made before a column existed upgrades without losing rows."""
    db = open_db(db_path)
    ensure_db_shape(db, OUTLETS)
    save_extraction(db, *records())
    db.execute("alter table documents drop column encoding")
    db.conn.commit()
    assert "encoding" not in open_db(db_path)["documents"].columns_dict
    db = open_db(db_path)
    ensure_db_shape(db, OUTLETS)
    assert "encoding" in db["documents"].columns_dict
    assert [r["path"] for r in db["documents"].rows] == ["a.txt"]
    assert db["documents"].search("forwarded") and db.execute("pragma integrity_check").fetchone() == ("ok",)


FIXTURE_0_1_0 = Path(__file__).parent / "fixtures" / "provenance-0.1.0.db"


def test_a_database_made_by_version_0_1_0_opens_and_upgrades(tmp_path: Path) -> None:
    """The committed fixture was made by provenance 0.1.0 (two sample articles).

    Whatever the schema becomes, ensure_db_shape must bring that file up to
    date without losing a row, and ingest must recognise what it holds.
    """
    from provenance.outlets import load_gazetteer

    path = tmp_path / "old.db"
    path.write_bytes(FIXTURE_0_1_0.read_bytes())
    before = {t: sqlite3.connect(path).execute(f"select count(*) from [{t}]").fetchone()[0]
              for t in ("documents", "links", "citations")}
    assert before == {"documents": 2, "links": 2, "citations": 30}
    db = open_db(path)
    ensure_db_shape(db, load_gazetteer())
    for table, spec in TABLES.items():
        assert spec["columns"].keys() <= db[table].columns_dict.keys()
        assert db[table].count >= before.get(table, 0)
    assert {t: db[t].count for t in before} == before
    assert db.execute("pragma integrity_check").fetchone() == ("ok",)
    assert [r["path"] for r in db["documents"].search("Shoigu")] == ["data/samples/002_a33109398c212efd.txt"]
    for view in db.view_names():
        db.execute(f"select * from [{view}] limit 1").fetchall()


def _fts_intact(db) -> None:
    """FTS5's own check of each index against its content table, and the
    insert triggers in place."""
    for table in FTS:
        db.execute(f"insert into [{table}_fts] ([{table}_fts], rank) values ('integrity-check', 1)")
    triggers = {r[0] for r in db.execute("select name from sqlite_master where type = 'trigger'")}
    assert {f"{t}_{s}" for t in FTS for s in ("ai", "ad", "au")} <= triggers


def _article(i: int) -> tuple[Document, list[Link], list[Citation]]:
    text = f"Witness{i} told RTVI that tanks{i} had crossed the border.\n"
    doc = Document(text=text, path=f"{i}.txt")
    cit = Citation(document=doc.id, kind="statement", source=f"Witness{i}", source_text=f"Witness{i}",
                   source_type="person", cue="told", sentence=text.strip(), start=0, end=len(text) - 1,
                   cue_start=len(f"Witness{i} "), cue_end=len(f"Witness{i} told"), rule="statement.subject_verb")
    return doc, [], [cit]


def test_batches_index_new_rows_for_search_once_per_batch(db_path: Path, monkeypatch) -> None:
    """Rows saved in a batch are found by full-text search after each commit
    (three batches of two here, the last one partial), the index passes
    FTS5's integrity check, and the insert triggers are back."""
    monkeypatch.setattr(store, "BATCH_DOCUMENTS", 2)
    db = open_db(db_path)
    ensure_db_shape(db, OUTLETS)
    with Batches(db) as batches:
        for i in range(5):
            batches.save(*_article(i))
            if i == 2:  # the first batch is committed: its rows are found from another connection
                other = sqlite3.connect(db_path)
                found = other.execute("select count(*) from citations_fts where citations_fts match 'tanks1'").fetchone()
                assert found == (1,)
                other.close()
    _fts_intact(db)
    for i in range(5):
        assert [r["source"] for r in db["citations"].search(f"tanks{i}")] == [f"Witness{i}"]
        assert [r["path"] for r in db["documents"].search(f"tanks{i}")] == [f"{i}.txt"]
    assert db.execute("select count(*) from sqlite_temp_master where type = 'trigger'").fetchone() == (0,)


def test_a_document_saved_twice_in_one_batch_keeps_the_index_whole(db_path: Path) -> None:
    """The same text under two names: the second save updates the row the
    first inserted, which must be in the index by then."""
    db = open_db(db_path)
    ensure_db_shape(db, OUTLETS)
    doc, links, cits = _article(7)
    with Batches(db) as batches:
        batches.save(doc, links, cits)
        again = Document(text=doc.text, path="copy-of-7.txt")
        batches.save(again, links, cits)
    _fts_intact(db)
    assert [r["path"] for r in db["documents"].search("tanks7")] == ["copy-of-7.txt"]
    assert [r["source"] for r in db["citations"].search("tanks7")] == ["Witness7"]


def test_an_error_in_a_batch_keeps_what_was_saved_indexed(db_path: Path) -> None:
    db = open_db(db_path)
    ensure_db_shape(db, OUTLETS)
    with pytest.raises(KeyboardInterrupt):
        with Batches(db) as batches:
            batches.save(*_article(1))
            raise KeyboardInterrupt
    _fts_intact(db)
    assert [r["source"] for r in db["citations"].search("tanks1")] == ["Witness1"]


def test_a_killed_batch_rolls_back_with_the_triggers_in_place(db_path: Path) -> None:
    """A process killed mid-batch never commits: the open batch, trigger
    swap included, is rolled back and the database is as it was."""
    db = open_db(db_path)
    ensure_db_shape(db, OUTLETS)
    with Batches(db) as batches:
        batches.save(*_article(1))
    batches = Batches(db).__enter__()
    batches.save(*_article(2))
    db.conn.close()  # (no commit: what a kill leaves)
    db = open_db(db_path)
    _fts_intact(db)
    assert [r["source"] for r in db["citations"].search("tanks1")] == ["Witness1"]
    assert list(db["citations"].search("tanks2")) == []

"""The command-line contract, through click's CliRunner on real files and databases."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from provenance import __version__
from provenance.cli import cli
from provenance.model import CITATION_KINDS, Citation, Link

SAMPLE_URLS = [
    ("000_894e449b0d82cf1f.txt", "https://rtvi.com/topics/my-v-neizvestnosti-rossiyanki-kotorye-ostalis-v-siriyskom-lagere/"),
    ("000_894e449b0d82cf1f.txt", "https://www.themoscowtimes.com/2026/04/14/kremlin-we-dont-want-to-consider-possibility-of-syria-clash-with-turkey"),
    ("003_f71d14fe5b8ebe83.txt", "https://www.themoscowtimes.com/2018/05/30/russias-islamic-state-women-and-children-should-be-returned-home-op-ed-a61628"),
    ("003_f71d14fe5b8ebe83.txt", "https://www.themoscowtimes.com/2026/06/17/russia-arrests-60-organizers-islamic-state-fighters-pipeline-moscow"),
]
CITATION_FIELDS = {f.name for f in Citation.__dataclass_fields__.values()} | {"path"}
LINK_FIELDS = {f.name for f in Link.__dataclass_fields__.values()} | {"path"}


def run(*args: str, env: dict | None = None):
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)



def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.output == f"provenance, version {__version__}\n"


@pytest.mark.parametrize("command", ["ingest", "extract", "links", "serve"])
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Example:" in result.output
    assert f"provenance {command}" in result.output


def test_python_dash_m_works() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "provenance", "--version"], capture_output=True, text=True, check=True
    )
    assert out.stdout == f"provenance, version {__version__}\n"


def test_ingest_samples_then_reingest_is_a_no_op(samples: list[Path], db_path: Path, dump) -> None:
    result = run("ingest", str(samples[0].parent), "--db", str(db_path))
    assert result.exit_code == 0, result.output
    db = sqlite3.connect(db_path)
    assert db.execute("select count(*) from documents").fetchone()[0] == 5
    assert sorted(db.execute("select url from links")) == sorted((u,) for _, u in SAMPLE_URLS)
    citations = db.execute("select count(*) from citations").fetchone()[0]
    assert citations > 20
    assert result.stderr == f"5 documents (5 changed, 0 already stored), 4 links, {citations} citations in {db_path}\n"
    # the "Original url:" line names the article's own address
    assert db.execute(
        "select canonical_url, outlet from documents where path like '%003_f71d14fe5b8ebe83.txt'"
    ).fetchone() == (
        "https://www.themoscowtimes.com/2018/05/30/russias-islamic-state-women-and-children-should-be-returned-home-op-ed-a61628",
        "the-moscow-times",
    )
    db.close()
    before = dump(db_path)
    again = run("ingest", *map(str, samples), "--db", str(db_path))
    assert again.exit_code == 0
    assert again.stderr == f"5 documents (0 changed, 5 already stored), 0 links, 0 citations in {db_path}\n"
    assert dump(db_path) == before
    forced = run("ingest", *map(str, samples), "--db", str(db_path), "--force")
    assert forced.exit_code == 0
    assert forced.stderr == f"5 documents (0 changed, 0 already stored), 4 links, {citations} citations in {db_path}\n"
    assert dump(db_path) == before


def test_default_database_comes_from_environment(samples: list[Path], tmp_path: Path) -> None:
    target = tmp_path / "from-env.db"
    result = run("ingest", str(samples[2]), env={"PROVENANCE_DB": str(target)})
    assert result.exit_code == 0
    assert sqlite3.connect(target).execute("select count(*) from documents").fetchone()[0] == 1


def test_default_database_is_provenance_db_in_cwd(samples: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PROVENANCE_DB", raising=False)
    result = run("ingest", str(samples[2]))
    assert result.exit_code == 0
    assert (tmp_path / "provenance.db").exists()


def test_bad_inputs_get_one_line_each_and_the_rest_is_stored(samples: list[Path], tmp_path: Path, db_path: Path) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (bad / "cut.txt").write_bytes("Министр".encode("utf-8")[:-1] + b" \xd0")
    (bad / "empty.txt").write_bytes(b"")
    (bad / "nothing").mkdir()
    good = bad / "good.txt"
    good.write_bytes(samples[2].read_bytes())
    result = run(
        "ingest", str(bad / "binary.txt"), str(bad / "cut.txt"), str(bad / "empty.txt"),
        str(bad / "missing.txt"), str(bad / "nothing"), str(good), "--db", str(db_path),
    )
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[:5] == [
        f"error: {bad}/binary.txt: binary file, not text",
        f"error: {bad}/cut.txt: not valid UTF-8 (byte 0xd1 at offset 12) and no other text encoding fits",
        f"error: {bad}/empty.txt: file is empty",
        f"error: {bad}/missing.txt: no such file or directory",
        f"error: {bad}/nothing: directory holds no .txt, .html or .warc files",
    ]
    citations = sqlite3.connect(db_path).execute("select count(*) from citations").fetchone()[0]
    assert lines[5] == f"1 documents (1 changed, 0 already stored), 0 links, {citations} citations in {db_path}; 5 inputs failed"
    assert "Traceback" not in result.output
    db = sqlite3.connect(db_path)
    assert db.execute("select path from documents").fetchall() == [(str(good),)]


def test_failure_later_does_not_lose_what_was_stored(samples: list[Path], tmp_path: Path, db_path: Path) -> None:
    assert run("ingest", str(samples[0]), "--db", str(db_path)).exit_code == 0
    missing = run("ingest", str(tmp_path / "gone.txt"), "--db", str(db_path))
    assert missing.exit_code == 1
    assert sqlite3.connect(db_path).execute("select count(*) from documents").fetchone()[0] == 1


def test_extract_prints_valid_jsonl_records(samples: list[Path]) -> None:
    result = run("extract", *map(str, samples))
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) > 20
    texts = {str(p): p.read_text(encoding="utf-8") for p in samples}
    for record in records:
        assert set(record) == CITATION_FIELDS
        text = texts[record["path"]]
        assert text[record["start"]:record["end"]] == record["sentence"]
        assert record["kind"] in CITATION_KINDS
        assert record["cue"]
    kinds = {r["kind"] for r in records}
    assert {"statement", "contribution", "photo_credit", "byline"} <= kinds


def test_links_prints_the_four_sample_urls_whole(samples: list[Path]) -> None:
    result = run("links", str(samples[0].parent))
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(Path(r["path"]).name, r["url"]) for r in records] == SAMPLE_URLS
    for record in records:
        assert set(record) == LINK_FIELDS
    assert [r["domain"] for r in records] == ["rtvi.com", "themoscowtimes.com", "themoscowtimes.com", "themoscowtimes.com"]


def test_csv_and_table_formats(samples: list[Path]) -> None:
    as_csv = run("links", str(samples[3]), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert [r["url"] for r in rows] == [u for name, u in SAMPLE_URLS if name == samples[3].name]
    table = run("extract", str(samples[2]), "--format", "table")
    header = table.stdout.splitlines()[0].split()
    assert header == ["kind", "source", "cue", "via", "quote", "start", "end"]
    assert "Sergei Shoigu" in table.stdout


def test_extract_reports_bad_input_and_continues(samples: list[Path], tmp_path: Path) -> None:
    result = run("extract", str(tmp_path / "missing.txt"), str(samples[2]))
    assert result.exit_code == 1
    assert result.stderr == f"error: {tmp_path}/missing.txt: no such file or directory\n"
    assert all(json.loads(line)["path"] == str(samples[2]) for line in result.stdout.splitlines())


def test_serve_refuses_a_missing_database(tmp_path: Path) -> None:
    result = run("serve", "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 1
    assert result.stderr == f"error: {tmp_path}/none.db: no such database; run `provenance ingest` first\n"

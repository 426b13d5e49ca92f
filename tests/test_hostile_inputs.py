"""Hostile inputs: each gets one line or a correct ingest; the rest is stored.

The corpus is generated here, never committed. The whole run goes through the
real command line in a subprocess so its peak memory can be measured.
"""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from provenance.documents import InputError
from provenance.inputs import expand_paths, iter_items

from .conftest import SAMPLE_FILES

#: The run may not use more than this (resident memory of the ingest process).
MEMORY_LIMIT_BYTES = 1024 * 1024 * 1024

RUSSIAN = "Министр иностранных дел заявил ТАСС, что переговоры продолжатся на следующей неделе. "


def build_corpus(root: Path) -> dict[str, str]:
    """Write the hostile files; return name -> expected result."""
    rng = random.Random(6)
    expected: dict[str, str] = {}

    def put(name: str, data: bytes, outcome: str) -> None:
        (root / name).write_bytes(data)
        expected[name] = outcome

    put("random.txt", rng.randbytes(50_000), "error: binary file, not text")
    put("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rng.randbytes(5000), "error: binary file, not text")
    put("cut-utf8.txt", "Министр".encode()[:-1] + b" said", "error: not valid UTF-8 (byte 0xd1 at offset 12) and no other text encoding fits")
    put("utf16-bom.txt", b"\xff\xfe" + ("The envoy said talks resumed. " * 20).encode("utf-16-le"), "ok:utf-16-le")
    put("utf16-nobom.txt", ("The minister said talks failed. " * 20).encode("utf-16-le"), "ok:utf-16-le")
    put("latin1.txt", ("Le ministre a déclaré à l'AFP que les négociations ont échoué. " * 5).encode("latin-1"), "ok:")
    put("cp1251.txt", (RUSSIAN * 5).encode("cp1251"), "ok:cp1251")
    put("empty.txt", b"", "error: file is empty")
    put("quotes.txt", ('He said “this is “never closed and ‘also not « nor " this. ' * 2000).encode(), "ok:utf-8")
    line = " ".join(rng.choice(["the", "minister", "said", "talks", "failed", "officials", "told", "Reuters"]) for _ in range(900_000))
    put("one-line.txt", line[:5_000_000].encode(), "ok:utf-8")
    put("deep.html", ("<html><body>" + "<div>" * 10_000 + "<p>The minister said the talks had failed.</p>"
                      + "</div>" * 10_000 + "</body></html>").encode(), "ok:")
    put("links.html", ("<html><body><article>" + "".join(
        f'<p>Item {i}: <a href="https://example{i % 500}.com/a/{i}">link {i}</a> was noted.</p>' for i in range(100_000)
    ) + "</article></body></html>").encode(), "ok:links=100000")
    put("broken.html", b"<html><body><p>Unclosed <b>bold <i>italic</p><div><p>The spokesman said the talks failed.<table><tr><td>x",
        "ok:")
    # 200 MB that costs no disk: a sparse file, refused before it is read
    with open(root / "huge.txt", "wb") as f:
        f.truncate(200 * 1024 * 1024)
    expected["huge.txt"] = "error: file is 209,715,200 bytes, over the 67,108,864-byte limit"
    put("good.txt", SAMPLE_FILES[2].read_bytes(), "ok:utf-8")
    return expected


@pytest.mark.slow
def test_hostile_corpus_one_line_each_rest_stored_memory_bounded(tmp_path: Path) -> None:
    corpus = tmp_path / "hostile"
    corpus.mkdir()
    expected = build_corpus(corpus)
    (corpus / "loop").symlink_to(corpus)  # a symlink loop: not followed
    db = tmp_path / "h.db"
    process = subprocess.Popen(
        [sys.executable, "-m", "provenance", "ingest", str(corpus), "--db", str(db), "--workers", "1"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    err = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    assert os.waitstatus_to_exitcode(status) == 1
    assert usage.ru_maxrss * 1024 < MEMORY_LIMIT_BYTES
    lines = err.splitlines()
    errors = {line.split(": ", 1)[1].split("/")[-1].split(":")[0]: line for line in lines if line.startswith("error: ")}
    conn = sqlite3.connect(db)
    stored = {Path(p).name: (enc, n) for p, enc, n in conn.execute(
        "select d.path, d.encoding, (select count(*) from links l where l.document = d.id) from documents d")}
    for name, outcome in expected.items():
        if outcome.startswith("error: "):
            assert errors.get(name) == f"error: {corpus}/{name}: {outcome[len('error: '):]}", name
            assert name not in stored
        else:
            assert name in stored and name not in errors, name
            detail = outcome[3:]
            if detail.startswith("links="):
                assert stored[name][1] == int(detail[6:])
            elif detail:
                assert stored[name][0] == detail, name
    assert len(errors) == sum(o.startswith("error") for o in expected.values())
    assert lines[-1].endswith(f"; {len(errors)} inputs failed")
    assert "Traceback" not in err
    deep = conn.execute("select text from documents where path like '%deep.html'").fetchone()[0]
    assert deep == "The minister said the talks had failed."
    assert conn.execute("pragma integrity_check").fetchone() == ("ok",)


def test_a_file_that_vanishes_or_turns_unreadable_mid_run_is_one_error(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(f"{name} said the minister.", encoding="utf-8")
    listed = list(expand_paths([tmp_path]))
    (tmp_path / "a.txt").unlink()  # gone after the directory was listed
    (tmp_path / "b.txt").unlink()
    (tmp_path / "b.txt").mkdir()  # replaced by something unreadable as a file
    items = list(iter_items(listed))
    assert [str(i) if isinstance(i, InputError) else i.name for i in items] == [
        f"{tmp_path}/a.txt: cannot read: No such file or directory",
        f"{tmp_path}/b.txt: cannot read: Is a directory",
        str(tmp_path / "c.txt"),
    ]

"""Publishing with datasette: the metadata and the command that serves it.

datasette keys per-database metadata by the database's name, which is the
file's stem. metadata.yml describes the database as ``provenance``; this
module re-keys it to whatever file is being served, so ``--db other.db``
keeps every description, facet and canned query.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import yaml

#: Shipped inside the package (metadata.yml at the repository root links here).
METADATA = Path(__file__).resolve().parent / "metadata.yml"
METADATA_DATABASE = "provenance"


def load_metadata(db_path: str | Path, path: Path = METADATA) -> dict:
    """metadata.yml with its database entry renamed for ``db_path``."""
    metadata = yaml.safe_load(path.read_text(encoding="utf-8"))
    databases = metadata.get("databases", {})
    if METADATA_DATABASE in databases:
        databases[Path(db_path).stem] = databases.pop(METADATA_DATABASE)
    return metadata


def serve(db_path: str, host: str, port: int) -> int:
    """Run datasette on ``db_path`` with our metadata, in this process.

    In-process, not a child process: a SIGTERM or Ctrl-C reaches uvicorn
    directly and shuts the server down, where a wrapper process would die
    and leave an orphaned server holding the port. The re-keyed metadata
    lives in a temporary directory removed when the server stops.
    """
    from datasette.cli import cli as datasette_cli

    args = ["serve", db_path, "--host", host, "--port", str(port)]
    with tempfile.TemporaryDirectory(prefix="provenance-serve-") as tmp:
        if METADATA.exists():
            metadata = Path(tmp) / "metadata.json"
            metadata.write_text(json.dumps(load_metadata(db_path)), encoding="utf-8")
            args += ["--metadata", str(metadata)]
        try:
            datasette_cli.main(args=args, prog_name="datasette", standalone_mode=False)
        except SystemExit as exit_:
            return int(exit_.code or 0)
    return 0

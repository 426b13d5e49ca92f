"""Publishing with datasette: the metadata and the command that serves it.

datasette keys per-database metadata by the database's name, which is the
file's stem. metadata.yml describes the database as ``provenance``; this
module re-keys it to whatever file is being served, so ``--db other.db``
keeps every description, facet and canned query.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import yaml

METADATA = Path(__file__).resolve().parent.parent / "metadata.yml"
METADATA_DATABASE = "provenance"


def load_metadata(db_path: str | Path, path: Path = METADATA) -> dict:
    """metadata.yml with its database entry renamed for ``db_path``."""
    metadata = yaml.safe_load(path.read_text(encoding="utf-8"))
    databases = metadata.get("databases", {})
    if METADATA_DATABASE in databases:
        databases[Path(db_path).stem] = databases.pop(METADATA_DATABASE)
    return metadata


def serve_command(db_path: str, host: str, port: int) -> list[str]:
    """The datasette command line serving ``db_path`` with our metadata.

    The metadata is written to a temporary JSON file that lives as long as
    the process that asked for it.
    """
    command = [sys.executable, "-m", "datasette", "serve", db_path, "--host", host, "--port", str(port)]
    if METADATA.exists():
        handle = tempfile.NamedTemporaryFile("w", suffix=".json", prefix="provenance-metadata-", delete=False)
        with handle:
            json.dump(load_metadata(db_path), handle)
        command += ["--metadata", handle.name]
    return command

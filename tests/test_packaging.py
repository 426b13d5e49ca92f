"""The built wheel carries everything the package reads at run time.

A ``pip install -e .`` reads files from the source tree, so a file missing
from the wheel goes unnoticed until someone installs provenance for real.
This builds the wheel (pip's isolated build, as a user's ``pip install .``
does), unpacks it outside the source tree and runs the parts that read
bundled files: the gazetteer, datasette's metadata and the graph plugin's
assets.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(out), str(ROOT)],
        check=True, capture_output=True, timeout=600,
    )
    (built,) = out.glob("provenance-*.whl")
    return built


def test_wheel_holds_the_bundled_files(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for bundled in (
        "provenance/data/outlets.csv",
        "provenance/metadata.yml",
        "provenance/datasette_plugin/static/cytoscape.min.js",
        "provenance/datasette_plugin/templates/provenance_graph.html",
    ):
        assert bundled in names, bundled
    # The repository-root links point at the same files.
    assert (ROOT / "data" / "outlets.csv").resolve() == ROOT / "provenance" / "data" / "outlets.csv"
    assert (ROOT / "metadata.yml").resolve() == ROOT / "provenance" / "metadata.yml"


def test_unpacked_wheel_works_outside_the_source_tree(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    probe = (
        "import provenance, pathlib\n"
        "from provenance.outlets import load_gazetteer\n"
        "from provenance.publish import load_metadata, METADATA\n"
        "from provenance.attribution import extract_citations\n"
        f"assert pathlib.Path(provenance.__file__).is_relative_to({str(site)!r}), provenance.__file__\n"
        "assert load_gazetteer().resolve('ТАСС').id == 'tass'\n"
        "assert 'citations_by_outlet' in load_metadata('x.db')['databases']['x']['queries']\n"
        "c, = extract_citations('Shoigu was quoted as saying by the state-run TASS news agency.', 'd')\n"
        "print(c.source, c.via_outlet)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True, timeout=120,
        env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "Shoigu tass"

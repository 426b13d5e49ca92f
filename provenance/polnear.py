"""Read the PolNeAR corpus: news articles with hand-annotated attributions.

PolNeAR (Newell, Margolin, Ruths, LREC 2018) ships each article as a text
file and one or more annotators' brat ``.ann`` files of Source, Cue and
Content spans joined by attribution events. The benchmark scores against it
and ``provenance train-labeller`` learns from it; its texts are read from
where they lie (../shared/polnear by default) and never copied here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Attribution:
    """One annotated attribution: who (source) and the words that attribute (cue)."""

    source: str
    source_span: tuple[int, int]
    cue: str
    cue_spans: list[tuple[int, int]]


_TSPAN = re.compile(r"^T\d+\t")
_ESPAN = re.compile(r"^E\d+\t")
_ANY_LINE = re.compile(r"^[A-Z#*]\d*\t")


def parse_ann(path: Path) -> list[Attribution]:
    """The attributions of one brat file that have both a Source and a Cue."""
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    events: list[dict[str, str]] = []
    last = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if _TSPAN.match(line):
            tid, middle, text = (line.split("\t") + [""])[:3]
            label, _, offsets = middle.partition(" ")
            pieces = [tuple(map(int, p.split())) for p in offsets.split(";")]
            spans[tid] = (label, pieces, text)
            last = tid
        elif not _ESPAN.match(line) and last is not None and not _ANY_LINE.match(line):
            # A span whose text holds a line break continues on the next line.
            label, pieces, text = spans[last]
            spans[last] = (label, pieces, text + "\n" + line)
        elif line.startswith("E"):
            _, args = line.split("\t", 1)
            events.append(dict(a.split(":", 1) for a in args.split()))
    found = []
    for event in events:
        if "Source" not in event or "Cue" not in event:
            continue
        _, source_pieces, source_text = spans[event["Source"]]
        _, cue_pieces, cue_text = spans[event["Cue"]]
        found.append(Attribution(source_text, (source_pieces[0][0], source_pieces[-1][1]), cue_text, cue_pieces))
    return found


def load_split(polnear: Path, split: str, limit: int | None = None) -> list[tuple[str, str, list[Attribution]]]:
    """(name, text, attributions) for each article of a split, with one
    annotator's file per article (the first in sorted order)."""
    chosen: dict[str, Path] = {}
    for ann in sorted((polnear / split / "attributions").glob("*.ann")):
        name = ann.stem.rsplit("_", 1)[0]
        chosen.setdefault(name, ann)
    articles = []
    for name, ann in sorted(chosen.items())[:limit]:
        text_path = polnear / split / "text" / f"{name}.txt"
        if text_path.exists():
            articles.append((name, text_path.read_text(encoding="utf-8"), parse_ann(ann)))
    return articles

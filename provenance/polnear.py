"""Read the PolNeAR corpus: news articles with hand-annotated attributions.

PolNeAR (Newell, Margolin, Ruths, LREC 2018) ships each article as a text
file and one or more annotators' brat ``.ann`` files of Source, Cue and
Content spans joined by attribution events. The benchmark scores against it
and ``provenance train-labeller`` learns from it and chooses its threshold on
it; its texts are read from where they lie (../shared/polnear by default)
and never copied here.

The measure: a gold attribution that has a source is found when a predicted
statement or belief's sentence overlaps the gold cue and the prediction's
source or source_text names the gold source; matching is one-to-one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .attribution.labeller import THRESHOLDS, VETO, Labeller, Remembered, save_settings
from .outlets import fold, load_gazetteer


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


#: Citation kinds PolNeAR annotates: statements and reported beliefs,
#: intentions and stances (bylines, photo credits, contributions are out).
SCORED_KINDS = ("statement", "belief")
STOPWORDS = {"the", "a", "an", "of", "and", "in", "on", "for", "to", "at", "by", "mr", "mrs", "ms", "dr", "s"}


@dataclass
class Prediction:
    source: str | None
    source_text: str | None
    start: int
    end: int


def words(text: str | None) -> set[str]:
    return {w for w in re.findall(r"\w+", fold(text or "")) if w not in STOPWORDS and len(w) > 1}


def _contains_words(outer: str, inner: str) -> bool:
    """Is ``inner`` inside ``outer`` as whole words ("he" is not in "she")?"""
    return bool(inner) and re.search(r"(?<!\w)" + re.escape(inner) + r"(?!\w)", outer) is not None


def names_gold(prediction: Prediction, gold: Attribution) -> bool:
    """Equal after folding, one inside the other as whole words, or a shared
    name word (stopwords and titles aside)."""
    target = fold(gold.source)
    for mention in (prediction.source, prediction.source_text):
        if not mention:
            continue
        folded = fold(mention)
        if folded == target or _contains_words(target, folded) or _contains_words(folded, target):
            return True
        if words(mention) & words(gold.source):
            return True
    return False


def match(predictions: list[Prediction], golds: list[Attribution]) -> list[tuple[Prediction, Attribution]]:
    """Greedy one-to-one matching in text order."""
    pairs = []
    used: set[int] = set()
    for gold in sorted(golds, key=lambda g: g.cue_spans[0][0]):
        for i, p in enumerate(predictions):
            if i in used:
                continue
            if any(p.start < e and s < p.end for s, e in gold.cue_spans) and names_gold(p, gold):
                used.add(i)
                pairs.append((p, gold))
                break
    return pairs


def predictions(citations: Sequence) -> list[Prediction]:
    """The citations PolNeAR scores, as predictions."""
    return [Prediction(c.source, c.source_text, c.start, c.end) for c in citations if c.kind in SCORED_KINDS]


def scored(
    run: Callable[[str], list[Prediction]], articles: Sequence[tuple[str, str, list[Attribution]]],
) -> Iterator[tuple[list[Attribution], list[Prediction], list[tuple[Prediction, Attribution]]]]:
    """For each article: its gold attributions that have a source, what
    ``run`` predicts, and the matched pairs (the bench and ``f1`` count these)."""
    for _, text, golds in articles:
        golds = [g for g in golds if g.source.strip()]
        found = run(text)
        yield golds, found, match(found, golds)


def f1(run: Callable[[str], list[Prediction]], articles: Sequence[tuple[str, str, list[Attribution]]]) -> float:
    """Source-cue F1 of ``run`` over ``articles``."""
    tp = n_pred = n_gold = 0
    for golds, found, pairs in scored(run, articles):
        tp += len(pairs)
        n_pred += len(found)
        n_gold += len(golds)
    return 2 * tp / (n_pred + n_gold) if n_pred + n_gold else 0.0


#: ``provenance train-labeller`` keeps every HOLD_OUT-th train article (in
#: sorted order) out of training, to choose the labeller's threshold on
#: articles it has not learnt from, since dev is only for measuring.
HOLD_OUT = 8


def hold_out(articles: list, every: int = HOLD_OUT) -> tuple[list, list]:
    """(kept, held out): every ``every``-th article is held out; 0 holds none."""
    if every <= 0:
        return list(articles), []
    return ([a for i, a in enumerate(articles) if i % every != every - 1],
            [a for i, a in enumerate(articles) if i % every == every - 1])


def choose_threshold(
    labeller, articles: Sequence[tuple[str, str, list[Attribution]]], gazetteer,
    thresholds: Sequence[float] = THRESHOLDS,
) -> tuple[float, dict[float, float]]:
    """The labeller threshold with the best F1 of rules + labeller over
    ``articles`` (the higher one on a tie: fewer records), and the F1 of
    each; ``None`` keys the rules alone."""
    from .attribution import extract_citations

    memory = {text: labeller.probabilities(text) for _, text, _ in articles}
    scores: dict[float | None, float] = {}
    for threshold in (None, *thresholds):
        tagger = None if threshold is None else Remembered(memory, threshold)
        scores[threshold] = f1(lambda text: predictions(extract_citations(text, "polnear", (), gazetteer, labeller=tagger)), articles)
    best = max(thresholds, key=lambda t: (scores[t], t))
    return best, scores


def calibrate(model: Path | str, held_out: Sequence[tuple[str, str, list[Attribution]]]) -> dict:
    """Choose the threshold of the labeller saved in ``model`` on
    ``held_out`` articles and save it with the model; returns the settings."""
    best, scores = choose_threshold(Labeller.load(model), held_out, load_gazetteer())
    settings = {
        "threshold": best,
        "veto": VETO,
        "chosen_on": f"{len(held_out)} PolNeAR train articles held out of training",
        "f1_rules": round(scores.pop(None), 4),
        "f1_by_threshold": {str(t): round(f, 4) for t, f in scores.items()},
    }
    save_settings(model, **settings)
    return settings

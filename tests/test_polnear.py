"""The PolNeAR reader and measure, the held-out split and the labeller's
threshold chosen on it (a real, tiny training run through the CLI)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from provenance.attribution.labeller import SETTINGS, TAGS, THRESHOLDS, VETO
from provenance.cli import cli
from provenance.outlets import load_gazetteer
from provenance.polnear import (
    Attribution,
    Prediction,
    choose_threshold,
    f1,
    hold_out,
    load_split,
    match,
    names_gold,
    parse_ann,
)

ANN = (
    "T1\tSource 0 6\tVoters\n"
    "T2\tCue 7 14\tcheered\n"
    "T3\tContent 15 40\twhen the governor arrived\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "T5\tCue 42 50\tit seems\n"
    "E2\tAttribution:T6 Cue:T5\n"
)


def test_parse_ann_keeps_attributions_with_a_source_and_a_cue(tmp_path: Path) -> None:
    path = tmp_path / "a_1.ann"
    path.write_text(ANN, encoding="utf-8")
    assert parse_ann(path) == [Attribution("Voters", (0, 6), "cheered", [(7, 14)])]


def test_hold_out_every_nth_in_order() -> None:
    assert hold_out(list("abcdefghij"), 4) == (list("abcefgij"), list("dh"))
    assert hold_out(list("abc"), 0) == (list("abc"), [])


@pytest.mark.parametrize("source, source_text, expected", [
    ("Jane Smith", "Smith", True),  # a shared name word
    ("he", "he", False),  # "he" is not inside "she"
    ("the White House", None, True),  # contains the gold as whole words
    ("Mr. Jones", "Mr. Jones", False),  # titles are not name words
])
def test_names_gold(source: str, source_text: str | None, expected: bool) -> None:
    assert names_gold(Prediction(source, source_text, 0, 10), Attribution("White House Smith she", (0, 5), "said", [(0, 4)])) is expected


def test_match_is_one_to_one_and_needs_the_cue_inside_the_sentence() -> None:
    golds = [Attribution("Smith", (0, 5), "said", [(6, 10)]), Attribution("Smith", (30, 35), "said", [(36, 40)])]
    once = Prediction("Smith", "Smith", 0, 20)
    elsewhere = Prediction("Smith", "Smith", 50, 60)
    assert match([once, elsewhere], golds) == [(once, golds[0])]
    assert f1(lambda text: [once, elsewhere], [("a", "", golds)]) == pytest.approx(2 * 1 / (2 + 2))


class _Tagger:
    """Probabilities for whole words: the named words get their tag at the
    given probability, the rest are outside."""

    def __init__(self, tags: dict[str, tuple[str, float]]):
        self.tags = tags

    def probabilities(self, text: str):
        offsets, probs = [], []
        for m in re.finditer(r"\w+", text):
            tag, p = self.tags.get(m.group(), ("O", 1.0))
            row = [(1 - p) / (len(TAGS) - 1)] * len(TAGS)
            row[TAGS.index(tag)] = p
            offsets.append(m.span())
            probs.append(row)
        return offsets, probs


def test_choose_threshold_keeps_the_sure_pairs_and_drops_the_unsure() -> None:
    right = "Voters cheered when the governor arrived."
    wrong = "Weather turned cold in March."
    articles = [("a", right, [Attribution("Voters", (0, 6), "cheered", [(7, 14)])]), ("b", wrong, [])]
    tagger = _Tagger({"Voters": ("B-SRC", 0.75), "cheered": ("B-CUE", 0.75),
                      "Weather": ("B-SRC", 0.65), "turned": ("B-CUE", 0.65)})
    best, scores = choose_threshold(tagger, articles, load_gazetteer())
    assert scores == {None: 0.0, 0.3: pytest.approx(2 / 3), 0.4: pytest.approx(2 / 3), 0.5: pytest.approx(2 / 3),
                      0.6: pytest.approx(2 / 3), 0.7: 1.0, 0.8: 0.0, 0.9: 0.0}
    assert best == 0.7


def _corpus(root: Path, n: int) -> None:
    """A PolNeAR-shaped train split of ``n`` short articles."""
    (root / "train" / "text").mkdir(parents=True)
    (root / "train" / "attributions").mkdir()
    names = ["Voters", "The union", "Anna Berg", "Critics", "The mayor", "Farmers"]
    cues = ["cheered", "backed", "pushed", "slammed", "praised", "protested"]
    for i in range(n):
        source, cue = names[i % len(names)], cues[i % len(cues)]
        text = f"{source} {cue} the plan on day {i}.\n"
        (root / "train" / "text" / f"art{i:02d}.txt").write_text(text, encoding="utf-8")
        c = len(source) + 1
        (root / "train" / "attributions" / f"art{i:02d}_x.ann").write_text(
            f"T1\tSource 0 {len(source)}\t{source}\nT2\tCue {c} {c + len(cue)}\t{cue}\n"
            "E1\tAttribution:T3 Cue:T2 Source:T1\n", encoding="utf-8")


@pytest.mark.slow
def test_train_labeller_holds_out_articles_and_saves_the_threshold_chosen_on_them(tmp_path: Path) -> None:
    pytest.importorskip("torch")
    from provenance.attribution.labeller import Labeller

    _corpus(tmp_path / "polnear", 12)
    out = tmp_path / "model"
    result = CliRunner().invoke(cli, ["train-labeller", "--polnear", str(tmp_path / "polnear"), "--out", str(out),
                                      "--epochs", "2", "--hold-out", "4"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "trained on 9 articles (2 steps)" in result.stderr
    assert "choosing the threshold on 3 held-out articles" in result.stderr
    settings = json.loads((out / SETTINGS).read_text(encoding="utf-8"))
    assert settings["chosen_on"] == "3 PolNeAR train articles held out of training"
    scores = {float(t): f for t, f in settings["f1_by_threshold"].items()}
    assert sorted(scores) == list(THRESHOLDS)
    assert settings["threshold"] == max(THRESHOLDS, key=lambda t: (scores[t], t))
    assert f"threshold {settings['threshold']}: held-out F1 {scores[settings['threshold']]:.3f}" in result.stderr
    assert Labeller.load(out).threshold == settings["threshold"]
    assert Labeller.load(out, 0.42).threshold == 0.42
    assert settings["veto"] == VETO and Labeller.load(out).read("Voters cheered.").veto == VETO
    settings["veto"] = 0.0  # a user who wants every rule record kept
    (out / SETTINGS).write_text(json.dumps(settings), encoding="utf-8")
    assert Labeller.load(out).read("Voters cheered.").veto == 0.0
    # The held-out articles are every 4th in sorted order, never trained on.
    held = hold_out(load_split(tmp_path / "polnear", "train"), 4)[1]
    assert [name for name, _, _ in held] == ["art03", "art07", "art11"]


@pytest.mark.slow
def test_train_labeller_without_hold_out_leaves_no_stale_threshold(tmp_path: Path) -> None:
    pytest.importorskip("torch")
    from provenance.attribution.labeller import THRESHOLD, Labeller

    _corpus(tmp_path / "polnear", 4)
    out = tmp_path / "model"
    out.mkdir()
    (out / SETTINGS).write_text('{"threshold": 0.9}', encoding="utf-8")  # an earlier model's
    result = CliRunner().invoke(cli, ["train-labeller", "--polnear", str(tmp_path / "polnear"), "--out", str(out),
                                      "--epochs", "1", "--hold-out", "0"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert result.stderr.endswith(f"trained on 4 articles (1 steps); saved to {out}\n"
                                  f"no article held out: the threshold stays at {THRESHOLD}\n")
    assert not (out / SETTINGS).exists()
    assert Labeller.load(out).threshold == THRESHOLD

"""Does extraction time grow linearly with the text? Adversarial inputs.

    python bench/scaling.py [--repeat R]

Each input shape that once risked a regex or a scan going quadratic
(a run of letters with no space, thousands of opening quotes, photo-credit
slashes, a cue repeated without end, a relay whose "it said" never closes)
is extracted at 200 KB and at 400 KB, and the sample corpus at 0.5 MB and 1
MB. Prints the median of R passes (default 3) for each size and the ratio
of the two: about 2 is linear, about 4 quadratic. The tests check that these
inputs give valid records; the timing lives here, where a noisy machine
cannot fail a build with it.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from provenance.attribution import extract_citations  # noqa: E402

#: Repeated to any size; each once made some stage slow.
ADVERSARIAL = {
    "letters, no space": "a" * 1000 + " ",
    "opening quotes, then said": "“" * 500 + "said " * 200,
    "credit slashes": "Aaa Bbb / " * 300 + "\n",
    "According to, repeated": "According to " * 300,
    "relay never closed": "published " + "x " * 300 + "it said were sent by " * 50,
    "comma said, repeated": ", said" * 500 + ". ",
}
SAMPLES = ROOT / "data" / "samples"


def repeated(chunk: str, size: int) -> str:
    """``chunk`` repeated to about ``size`` characters (at least once)."""
    return chunk * max(1, size // len(chunk))


def samples_text() -> str:
    """The sample articles, joined as one text."""
    return "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt")))


def seconds(text: str, repeat: int) -> float:
    """Median time of ``repeat`` extractions of ``text``."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        extract_citations(text, "bench")
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    cases = {name: (repeated(chunk, 200_000), repeated(chunk, 400_000)) for name, chunk in ADVERSARIAL.items()}
    news = samples_text() + "\n\n"
    cases["sample articles"] = (repeated(news, 500_000), repeated(news, 1_000_000))
    print(f"{'input':28} {'small s':>9} {'large s':>9} {'size x':>7} {'time x':>7}")
    for name, (small, large) in cases.items():
        a, b = seconds(small, args.repeat), seconds(large, args.repeat)
        print(f"{name:28} {a:9.3f} {b:9.3f} {len(large) / len(small):7.2f} {b / a:7.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

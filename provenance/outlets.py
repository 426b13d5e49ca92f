"""The outlet gazetteer: names and aliases in any script, and domains.

An outlet is named many ways in news text ("TASS", "ТАСС", "the state-run
TASS news agency", "AFP correspondents"). ``Gazetteer.resolve`` maps any such
mention to one outlet; ``Gazetteer.by_domain`` maps a link's registered domain
to the outlet that publishes there, which is how a citation finds its
``via_link``.
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from .model import Outlet
from .tries import trie_regex

#: The bundled gazetteer, shipped inside the package so that any install
#: (a wheel, not only ``pip install -e``) has it; data/outlets.csv at the
#: repository root is a link to it, where it is easy to find and edit.
DEFAULT_GAZETTEER = Path(__file__).resolve().parent / "data" / "outlets.csv"

#: Aliases this short are ambiguous inside longer text ("AP", "RT", "X"):
#: they resolve only when they are the whole mention.
SHORT_ALIAS = 2


#: Letters that carry no combining mark, so NFD leaves them alone, but that
#: people type without the diacritic ("Ajansi" for "Ajansı").
UNDECOMPOSED = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ħ": "h"})


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case- and accent-insensitive form used for matching names (memoised:
    the extractor folds the same mentions again and again)."""
    if text.isascii():  # (most mentions: nothing to normalise, 5 times faster)
        return " ".join(text.split()).lower()
    text = unicodedata.normalize("NFKC", text).translate(UNDECOMPOSED)
    text = "".join(
        c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn"
    )
    return re.sub(r"\s+", " ", text).strip().casefold()


class Gazetteer:
    """Outlets indexed by every name they go by and by domain."""

    def __init__(self, outlets: Iterable[Outlet]):
        self.outlets: dict[str, Outlet] = {}
        self._names: dict[str, Outlet] = {}
        self._domains: dict[str, Outlet] = {}
        #: Names written with capitals ("The Independent", not "dpa"): inside
        #: a longer mention they must be written so ("the independent
        #: outlet Meduza" is not The Independent).
        self._cased: set[str] = set()
        uncased: set[str] = set()  # "dpa" as well as "DPA": either will do
        for outlet in outlets:
            self.outlets[outlet.id] = outlet
            for name in (outlet.name, *outlet.aliases):
                self._names.setdefault(fold(name), outlet)
                (self._cased if _capitalised_words(name.split()) else uncased).add(fold(name))
            for domain in outlet.domains:
                self._domains.setdefault(domain.lower(), outlet)
        self._cased -= uncased
        # The longest name wins ("TASS news agency" over "TASS"); a prefix
        # tree, as 700 alternatives tried in turn took 2-4 times as long.
        long_names = sorted(
            (n for n in self._names if len(n) > SHORT_ALIAS), key=len, reverse=True
        )
        self._scan = (
            re.compile(r"(?<!\w)(?:" + trie_regex(long_names) + r")(?!\w)")
            if long_names
            else None
        )

    def __len__(self) -> int:
        return len(self.outlets)

    def __iter__(self):
        return iter(self.outlets.values())

    def resolve(self, mention: str | None) -> Outlet | None:
        """The outlet a mention names, or None.

        The whole mention is tried first, then the longest known name inside
        it, so descriptors around the name ("the state-run ... news agency",
        "... correspondents") do not get in the way.
        """
        if not mention:
            return None
        folded = fold(mention)
        if folded in self._names:
            return self._names[folded]
        stripped = folded[4:] if folded.startswith("the ") else folded
        if stripped in self._names:
            return self._names[stripped]
        if self._scan is None:
            return None
        for match in self._scan.finditer(folded):
            name = match.group(0)
            if name not in self._cased or _written_capitalised(mention, name):
                return self._names[name]
        return None

    def by_domain(self, domain: str | None) -> Outlet | None:
        """The outlet publishing on a registered domain, or None."""
        return self._domains.get(domain.lower()) if domain else None


_LOWER_INSIDE_NAMES = frozenset("the of and for de du la le al el on in news".split())


def _capitalised_words(words: list[str]) -> bool:
    """Does every word but the small ones start with a capital (or a letter
    of a script without case)?"""
    for w in words:
        letter = next((c for c in w if c.isalpha()), None)
        if letter is not None and letter.islower() and w.lower() not in _LOWER_INSIDE_NAMES:
            return False
    return True


def _written_capitalised(mention: str, name: str) -> bool:
    """Is the known name ``name`` (folded) written with its capitals inside
    ``mention``?"""
    words = mention.split()
    n = len(name.split())
    return any(
        name in fold(" ".join(words[i : i + n])) and _capitalised_words(words[i : i + n])
        for i in range(len(words) - n + 1)
    )


def _split(cell: str | None) -> list[str]:
    return [a.strip() for a in (cell or "").split("|") if a.strip()]


def read_outlets(path: Path | str) -> list[Outlet]:
    """Outlets from the CSV; ``domain`` and ``aliases`` hold "|"-separated
    lists (the first domain is the main one)."""
    with open(path, newline="", encoding="utf-8") as f:
        out = []
        for row in csv.DictReader(f):
            domains = [d.lower() for d in _split(row["domain"])]
            out.append(
                Outlet(
                    id=row["id"], name=row["name"], domain=domains[0] if domains else None, kind=row["kind"],
                    country=row["country"] or None, aliases=_split(row["aliases"]), domains=domains,
                )
            )
        return out


@functools.lru_cache(maxsize=4)
def load_gazetteer(path: Path | str = DEFAULT_GAZETTEER) -> Gazetteer:
    """The gazetteer from a CSV file (cached: it is read once per process)."""
    return Gazetteer(read_outlets(path))

"""The outlet gazetteer: well-formed, and mentions in any form resolve to one outlet."""

from __future__ import annotations

from pathlib import Path

import pytest

from provenance.outlets import DEFAULT_GAZETTEER, Gazetteer, fold, load_gazetteer, read_outlets

KINDS = {"agency", "newspaper", "broadcaster", "online", "social", "government"}


def test_bundled_gazetteer_is_well_formed() -> None:
    outlets = read_outlets(DEFAULT_GAZETTEER)
    ids = [o.id for o in outlets]
    assert len(ids) == len(set(ids))
    for outlet in outlets:
        assert outlet.kind in KINDS, outlet
        assert outlet.domain is None or outlet.domain == outlet.domain.lower()
        assert outlet.country is None or len(outlet.country) == 2


def test_every_name_resolves_to_its_own_outlet() -> None:
    """No alias is claimed by two outlets (the first would silently win)."""
    gazetteer = load_gazetteer()
    clashes = [
        (name, outlet.id, gazetteer.resolve(name).id)
        for outlet in gazetteer
        for name in (outlet.name, *outlet.aliases)
        if gazetteer.resolve(name).id != outlet.id
    ]
    assert clashes == []


@pytest.mark.parametrize(
    "mention, outlet",
    [
        ("TASS", "tass"),
        ("ТАСС", "tass"),
        ("the state-run TASS news agency", "tass"),
        ("РИА Новости", "ria-novosti"),
        ("AFP correspondents", "afp"),
        ("Agence France-Presse", "afp"),
        ("the Associated Press", "ap"),
        ("ZUMA Press Wire", "zuma-press"),
        ("Sputnik", "sputnik"),
        ("AP", "ap"),
        ("the Russian Foreign Ministry", None),
        ("Mr X", None),  # two-letter and shorter aliases only match a whole mention
        ("", None),
        (None, None),
    ],
)
def test_resolve(mention: str | None, outlet: str | None) -> None:
    found = load_gazetteer().resolve(mention)
    assert (found.id if found else None) == outlet


def test_by_domain() -> None:
    gazetteer = load_gazetteer()
    assert gazetteer.by_domain("rtvi.com").id == "rtvi"
    assert gazetteer.by_domain("TASS.com").id == "tass"
    assert gazetteer.by_domain("example.org") is None
    assert gazetteer.by_domain(None) is None
    # Outlets publishing on more than one domain: the main one comes first.
    assert gazetteer.by_domain("tass.ru").id == "tass"
    assert gazetteer.by_domain("twitter.com").id == gazetteer.by_domain("x.com").id == "twitter"
    assert gazetteer.by_domain("bbc.com").domain == "bbc.co.uk"
    assert gazetteer.outlets["tass"].domains == ["tass.com", "tass.ru"]


def test_fold_ignores_case_accents_and_spacing() -> None:
    assert fold("  Anadolu  Ajansı ") == fold("anadolu ajansi") == "anadolu ajansi"
    assert fold("ТАСС") == "тасс"


def test_custom_gazetteer_file(tmp_path: Path) -> None:
    path = tmp_path / "outlets.csv"
    path.write_text("id,name,domain,kind,country,aliases\nx,Example Wire,example.com,agency,,EW|Example\n", encoding="utf-8")
    gazetteer = load_gazetteer(path)
    assert isinstance(gazetteer, Gazetteer) and len(gazetteer) == 1
    assert gazetteer.resolve("EW").id == "x"
    assert gazetteer.resolve("the Example Wire service").id == "x"
    assert gazetteer.by_domain("example.com").country is None


def test_gazetteer_file_with_several_domains(tmp_path: Path) -> None:
    path = tmp_path / "outlets.csv"
    path.write_text("id,name,domain,kind,country,aliases\nx,Example Wire,Example.com| ex.co ,agency,,\ny,No Site,,online,,\n",
                    encoding="utf-8")
    gazetteer = load_gazetteer(path)
    x = gazetteer.outlets["x"]
    assert (x.domain, x.domains, x.aliases) == ("example.com", ["example.com", "ex.co"], [])
    assert gazetteer.by_domain("ex.co") is x
    y = gazetteer.outlets["y"]
    assert (y.domain, y.domains) == (None, [])

"""Editors' data has a schema with units: a slip stops the build with the file, the line and the fix."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from typing import Annotated

import pytest

from calculators._data import Datafejl, laes_fil
from calculators._enheder import Dato, Kroner, Procent


@dataclasses.dataclass(frozen=True)
class Rolle:
    taerskel_kr: Annotated[Decimal, Kroner(10_000, 10_000_000, "notatets grænser er 150.000 kr.–5 mio. kr.")]
    startdato: Annotated[dt.date, Dato(dt.date(2000, 1, 1), dt.date(2030, 12, 31))]


@dataclasses.dataclass(frozen=True)
class Skema:
    sats_pct: Annotated[Decimal, Procent(0, 100)]
    roller: dict[str, Rolle]


GOD = """\
sats_pct = 2.5

[roller.raadgiver]
startdato = 2008-05-01
taerskel_kr = 150_000
"""


def _laes(tmp_path, tekst: str):
    fil = tmp_path / "proeve.toml"
    fil.write_text(tekst, encoding="utf-8")
    return laes_fil(fil, Skema)


def test_gyldige_vaerdier(tmp_path):
    s = _laes(tmp_path, GOD)
    assert s.roller["raadgiver"].taerskel_kr == Decimal(150000) and s.sats_pct == Decimal("2.5")
    assert _laes(tmp_path, GOD.replace("150_000", '"150000,50"')).roller["raadgiver"].taerskel_kr == Decimal("150000.50")


def test_dansk_tusindtalspunktum_er_en_fejl_med_linje_og_rettelse(tmp_path):
    with pytest.raises(Datafejl) as e:
        _laes(tmp_path, GOD.replace("150_000", "175.000"))
    besked = str(e.value)
    assert besked.startswith("proeve.toml, linje 5: roller.raadgiver.taerskel_kr: er et kommatal (175.0)")
    assert "skriv" not in besked or "175000 eller 175_000" in besked


def test_urimelig_stoerrelse_afvises_med_grunden(tmp_path):
    with pytest.raises(Datafejl, match=r"linje 5: .*175 kr\. ligger uden for 10\.000–10\.000\.000 kr\. "
                                       r"\(notatets grænser er 150\.000 kr\.–5 mio\. kr\.\)"):
        _laes(tmp_path, GOD.replace("150_000", "175"))


def test_dato_som_tekst_afvises(tmp_path):
    with pytest.raises(Datafejl, match="linje 4: roller.raadgiver.startdato: skal være en dato skrevet åååå-mm-dd"):
        _laes(tmp_path, GOD.replace("2008-05-01", '"1.5.2008"'))


def test_ukendt_noegle_naevner_linjen(tmp_path):
    with pytest.raises(Datafejl, match="linje 5: roller.raadgiver.taerskel: ukendt nøgle 'taerskel'"):
        _laes(tmp_path, GOD.replace("taerskel_kr", "taerskel"))

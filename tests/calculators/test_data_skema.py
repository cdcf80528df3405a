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


# -- the real rule files ------------------------------------------------------------------------------------------
import calculators._merinvestering_regler as merinvestering_regler  # noqa: E402
from calculators import groen_garanti, noegletal  # noqa: E402
from calculators._data import datamappe  # noqa: E402


@pytest.mark.parametrize("fil,skema,foer,efter,forventet", [
    # The slip: a Danish thousands separator makes a TOML float.
    ("noegletal.toml", noegletal.Regler, "taerskel_kr = 150000", "taerskel_kr = 175.000",
     r"noegletal.toml, linje \d+: roller.raadgiver.taerskel_kr: er et kommatal \(175.0\).*175000 eller 175_000"),
    ("noegletal.toml", noegletal.Regler, "taerskel_kr = 150000", "taerskel_kr = 175",
     r"roller.raadgiver.taerskel_kr: 175 kr. ligger uden for 10.000–50.000.000 kr."),
    ("groen_garanti.toml", groen_garanti.Regler, "maks_aar = 10", "maks_aar = 100",
     r"groen_garanti.toml, linje 30: varighed.maks_aar: 100 ligger uden for 1–30 \(beskrivelsen siger højst 10 år\)"),
    ("merinvestering.toml", merinvestering_regler.Regler, "aar = 40", "aar = 400", r"periode.aar: 400 ligger uden for"),
])
def test_slip_i_de_rigtige_filer(tmp_path, fil, skema, foer, efter, forventet):
    tekst = (datamappe() / fil).read_text(encoding="utf-8")
    assert foer in tekst
    (tmp_path / fil).write_text(tekst.replace(foer, efter, 1), encoding="utf-8")
    with pytest.raises(Datafejl, match=forventet):
        laes_fil(tmp_path / fil, skema)


@pytest.mark.parametrize("fil,skema", [("noegletal.toml", noegletal.Regler),
                                       ("groen_garanti.toml", groen_garanti.Regler),
                                       ("merinvestering.toml", merinvestering_regler.Regler)])
def test_de_rigtige_filer_overholder_skemaet(fil, skema):
    assert laes_fil(datamappe() / fil, skema)


def test_slip_i_puljens_aarsramme(tmp_path):
    from calculators import budgettjek
    tekst = (datamappe() / "baeredygtighedspuljen.toml").read_text(encoding="utf-8")
    assert "beloeb_kr = 17500000" in tekst
    (tmp_path / "baeredygtighedspuljen.toml").write_text(tekst.replace("beloeb_kr = 17500000", "beloeb_kr = 17.500", 1),
                                                          encoding="utf-8")
    with pytest.raises(Datafejl, match=r"baeredygtighedspuljen.toml, linje \d+: "
                                       r"delpuljer.investeringsramme.aarsrammer\[1\].beloeb_kr: er et kommatal"):
        laes_fil(tmp_path / "baeredygtighedspuljen.toml", budgettjek.Regler)


def test_slip_i_runderegler(tmp_path):
    from calculators import frister
    tekst = (datamappe() / "ansoegningsrunder.toml").read_text(encoding="utf-8")
    assert "annoncering_min_maaneder_foer_frist = 3" in tekst
    (tmp_path / "ansoegningsrunder.toml").write_text(
        tekst.replace("annoncering_min_maaneder_foer_frist = 3", "annoncering_min_maaneder_foer_frist = 30", 1),
        encoding="utf-8")
    with pytest.raises(Datafejl, match=r"ansoegningsrunder.toml, linje \d+: annoncering_min_maaneder_foer_frist: "
                                       r"30 ligger uden for 0–24"):
        laes_fil(tmp_path / "ansoegningsrunder.toml", frister.Runderegler)

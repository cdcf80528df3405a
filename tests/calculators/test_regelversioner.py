"""Rules over time (issue 15): dated versions, the loader's refusals, calculators on both sides of every change the
sources contain, and the mechanism where the sources have no second version (fixtures, never invented values in
the real data). Each real date is pinned to the sentence of the source it follows."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest
from kildecitat import citat

from calculators import _data, budgettjek, groen_garanti, merinvestering, noegletal, run
from calculators._data import Datafejl, laes_fil
from calculators._merinvestering_regler import Sats
from calculators._versioner import Dateret, IngenRegel, Versioner

# -- the loader -------------------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True, kw_only=True)
class _Sats(Dateret):
    pct: Decimal


@dataclasses.dataclass(frozen=True)
class _Skema:
    betegnelse: str
    versioner: Versioner[_Sats]


def _laes(tmp_path, versioner: str):
    fil = tmp_path / "test.toml"
    fil.write_text('betegnelse = "Satsen"\n\n' + versioner, encoding="utf-8")
    return laes_fil(fil, _Skema)


V2021 = '[[versioner]]\ngyldig_fra = 2021-01-01\ngyldig_til = 2025-12-31\npct = 3.0\nkilde = "A"\n\n'


def test_versioner_slaas_op_paa_datoen(tmp_path):
    s = _laes(tmp_path, V2021 + '[[versioner]]\ngyldig_fra = 2026-01-01\npct = 2.5\nkilde = "B"\n')
    assert s.versioner.paa(dt.date(2025, 12, 31)).pct == Decimal("3.0")
    assert s.versioner.paa(dt.date(2026, 1, 1)).pct == Decimal("2.5")
    with pytest.raises(IngenRegel, match="Der er ingen regel for satsen i kraft den 31. december 2020. Reglerne "
                                         "gælder fra 1. januar 2021."):
        s.versioner.paa(dt.date(2020, 12, 31))


def test_et_hul_er_ingen_regel(tmp_path):
    s = _laes(tmp_path, V2021 + '[[versioner]]\ngyldig_fra = 2027-01-01\npct = 2.5\nkilde = "B"\n')
    with pytest.raises(IngenRegel, match="i kraft den 1. juli 2026. Reglerne gælder 1. januar 2021–31. december "
                                         "2025; fra 1. januar 2027"):
        s.versioner.paa(dt.date(2026, 7, 1))


def test_overlappende_versioner_afvises_med_fil_og_linje(tmp_path):
    with pytest.raises(Datafejl, match=r"test.toml, linje 10: versioner\[1\].gyldig_fra: versionen gælder fra 1. "
                                       r"januar 2025, men den før den gælder 1. januar 2021–31. december 2025, så "
                                       r"de overlapper. Giv den forrige version »gyldig_til = 2024-12-31«"):
        _laes(tmp_path, V2021 + '[[versioner]]\ngyldig_fra = 2025-01-01\npct = 2.5\nkilde = "B"\n')


def test_en_aaben_version_foer_en_ny_afvises(tmp_path):
    with pytest.raises(Datafejl, match="så de overlapper"):
        _laes(tmp_path, V2021.replace("gyldig_til = 2025-12-31\n", "")
              + '[[versioner]]\ngyldig_fra = 2026-01-01\npct = 2.5\nkilde = "B"\n')


def test_versioner_i_forkert_raekkefoelge_afvises(tmp_path):
    with pytest.raises(Datafejl, match="Skriv versionerne i tidsrækkefølge, den ældste først"):
        _laes(tmp_path, '[[versioner]]\ngyldig_fra = 2026-01-01\npct = 2.5\nkilde = "B"\n\n' + V2021)


def test_en_version_uden_kilde_afvises(tmp_path):
    with pytest.raises(Datafejl, match=r"test.toml, linje 7: versioner\[0\].kilde: kilden mangler. Skriv, hvor "
                                       r"værdien står"):
        _laes(tmp_path, V2021.replace('kilde = "A"', 'kilde = " "'))
    with pytest.raises(Datafejl, match="nøglen 'kilde' mangler"):
        _laes(tmp_path, V2021.replace('kilde = "A"\n', ""))


def test_slut_foer_start_afvises(tmp_path):
    with pytest.raises(Datafejl, match=r"gyldig_til \(31. december 2020\) ligger før gyldig_fra"):
        _laes(tmp_path, V2021.replace("gyldig_til = 2025-12-31", "gyldig_til = 2020-12-31"))


def test_regelsaettet_har_et_stabilt_id():
    assert _data.regelsaet() == _data.regelsaet() and len(_data.regelsaet()) == 12
    svar = run("noegletal", noegletal.EKSEMPEL)
    assert svar["regelgrundlag"]["regelsaet"] == _data.regelsaet()


# -- every result names its rules ------------------------------------------------------------------------------
@pytest.mark.parametrize("navn,modul", [("noegletal", noegletal), ("merinvestering", merinvestering),
                                        ("budgettjek", budgettjek), ("groen_garanti", groen_garanti)])
def test_hvert_resultat_har_et_regelgrundlag_med_datoer_og_kilder(navn, modul):
    g = run(navn, modul.EKSEMPEL)["regelgrundlag"]
    assert g["regler"], navn
    for regel in g["regler"]:
        assert regel["regel"] and regel["vaerdi"] and regel["kilde"].strip()
        assert dt.date.fromisoformat(regel["gyldig_fra"])


# -- nøgletal: the start dates (tilsagn) and the cut-off (udbud) -------------------------------------------------
def test_noegletal_startdatoer_og_skaeringsdato_citeret():
    citat("N", 55, 57, "Reglerne om nøgletal for entreprenører har været i kraft for tilsagn meddelt den 1. marts "
                       "2007 eller senere")
    citat("N", 35, 37, "Rådgiver- og entrepriseopgaver som udbydes fra og med den 1. november 2015")
    r = noegletal.regler()
    assert r.roller["entreprenoer"].gyldig_fra == dt.date(2007, 3, 1)
    assert r.skaeringsdato.gyldig_fra == dt.date(2015, 11, 1)


@pytest.mark.parametrize("tilsagn,udbud,omfattet", [
    ("2007-02-28", "2015-10-31", False), ("2007-03-01", "2015-10-31", True), ("2007-03-01", "2015-11-01", False)])
def test_noegletal_paa_begge_sider_af_datoerne(tilsagn, udbud, omfattet):
    svar = run("noegletal", {"rolle": "entreprenoer", "tilsagnsdato": tilsagn, "udbudsdato": udbud,
                             "beloeb_kr": 1_000_000})
    assert svar["omfattet"] is omfattet


# -- Bæredygtighedspuljen: the frames of 2021–25 and of 2026 ------------------------------------------------------
def test_puljens_rammer_citeret():
    citat("A", 158, 160, "16,5 mio. kr. årligt i 2021-25 og 17,5 mio. kr. i 2026")


@pytest.mark.parametrize("aar,ramme", [(2025, "16.500.000"), (2026, "17.500.000")])
def test_budgettjek_bruger_aarets_version_af_rammen(aar, ramme):
    svar = run("budgettjek", {**budgettjek.EKSEMPEL, "aar": aar})
    assert svar["aarsramme_kr"] == int(ramme.replace(".", ""))
    brugt = [r for r in svar["regelgrundlag"]["regler"] if r["regel"].startswith("Årsramme")]
    assert brugt[0]["gyldig_fra"] == f"{2021 if aar == 2025 else 2026}-01-01"


def test_budgettjek_efter_puljens_slutning():
    svar = run("budgettjek", {**budgettjek.EKSEMPEL, "aar": 2027})
    tjek = {t["id"]: t for t in svar["tjek"]}
    assert tjek["periode"]["status"] == "fejl" and "udgangen af 2026" in tjek["periode"]["besked"]
    assert svar["aarsramme_kr"] is None


def test_aarsrammerne_skal_give_delpuljens_samlede_beloeb(monkeypatch):
    r = budgettjek.regler()
    d = r.delpuljer["investeringsramme"]
    forkert = dataclasses.replace(d.aarsrammer[1], beloeb_kr=Decimal(18_000_000))
    monkeypatch.setattr(budgettjek, "indlaes", lambda *a: dataclasses.replace(r, delpuljer={
        **r.delpuljer, "investeringsramme": dataclasses.replace(
            d, aarsrammer=Versioner((d.aarsrammer[0], forkert), "årsrammen"))}))
    with pytest.raises(Datafejl, match="årsrammerne giver tilsammen 100.500.000\u00a0kr., men delpuljens samlet_kr "
                                       "er 100.000.000\u00a0kr."):
        budgettjek.regler.__wrapped__()


# -- merinvestering: the BEK's date, the defaults on the calculation date, the percentage on the tilsagn year ------
def test_bekendtgoerelsens_ikrafttraeden_citeret():
    citat("B", 128, 128, "§ 16. Bekendtgørelsen træder i kraft den 1. april 2016.")
    citat("B", 116, 118, "fastsættes som en procentdel af merinvesteringerne en gang om året per 1. januar og gælder")
    assert merinvestering.regler().periode.gyldig_fra == dt.date(2016, 4, 1)


def test_beregningsdato_foer_bekendtgoerelsen_afvises():
    svar = run("merinvestering", {**merinvestering.EKSEMPEL, "beregningsdato": "2016-03-31"})
    assert svar["fejl"] == [{"felt": "beregningsdato", "besked": "Beregningsdatoen kan tidligst være 1. april 2016, "
                             "hvor bekendtgørelsen trådte i kraft (BEK nr. 314 af 30. marts 2016, § 16)."}]


@pytest.fixture
def ny_rente_fra_2027(monkeypatch):
    """A FIXTURE second version of the default discount rate (the sources have none): 2,75 % from 2027."""
    rg = merinvestering.regler()
    gammel = dataclasses.replace(rg.kalkulationsrente.versioner[0], gyldig_til=dt.date(2026, 12, 31))
    ny = dataclasses.replace(gammel, gyldig_fra=dt.date(2027, 1, 1), gyldig_til=None, pct=Decimal("2.75"),
                             kilde="Testkilde 2027")
    rente = dataclasses.replace(rg.kalkulationsrente, versioner=Versioner((gammel, ny), "kalkulationsrenten"))
    monkeypatch.setattr(merinvestering, "regler", lambda: dataclasses.replace(rg, kalkulationsrente=rente))


@pytest.mark.parametrize("dag,pct,kilde", [("2026-12-31", 3.0, "tabel 6"), ("2027-01-01", 2.75, "Testkilde 2027")])
def test_en_gammel_sag_regner_med_den_gamle_version(ny_rente_fra_2027, dag, pct, kilde):
    svar = run("merinvestering", {**merinvestering.EKSEMPEL, "beregningsdato": dag})
    assert svar["kalkulationsrente_pct"] == pct
    rente = next(r for r in svar["regelgrundlag"]["regler"] if r["regel"].startswith("Kalkulationsrente"))
    assert kilde in rente["kilde"]


@pytest.fixture
def beboerbetaling_2030(monkeypatch):
    """A FIXTURE yearly figure for 2030 (no year's figure has been found in a public source)."""
    rg = merinvestering.regler()
    sats = Sats(gyldig_fra=dt.date(2030, 1, 1), gyldig_til=dt.date(2030, 12, 31), pct=Decimal("4.5"), kilde="Testkilde")
    bebo = dataclasses.replace(rg.beboerbetalingsprocent, versioner=Versioner((sats,), "beboerbetalingsprocenten"))
    monkeypatch.setattr(merinvestering, "regler", lambda: dataclasses.replace(rg, beboerbetalingsprocent=bebo))


def test_beboerbetalingsprocenten_efter_tilsagnsaaret(beboerbetaling_2030):
    uden = {k: v for k, v in merinvestering.EKSEMPEL.items() if k != "beboerbetalingsprocent"}
    svar = run("merinvestering", {**uden, "tilsagnsaar": 2030})
    assert svar["beboerbetalingsprocent"] == 4.5
    assert any(r["regel"] == "Beboerbetalingsprocent for tilsagn i 2030" and r["kilde"] == "Testkilde"
               for r in svar["regelgrundlag"]["regler"])
    fejl = run("merinvestering", {**uden, "tilsagnsaar": 2031})["fejl"]
    assert fejl[0]["felt"] == "beboerbetalingsprocent" and "tilsagn i 2031" in fejl[0]["besked"]


def test_de_rigtige_data_har_ingen_opfundne_aarsprocenter():
    assert merinvestering.regler().beboerbetalingsprocent.versioner == ()


# -- Grøn garanti: the application date ---------------------------------------------------------------------------
def test_groen_garanti_datoer_citeret():
    citat("G", 15, 15, "Fra 1. oktober 2021 vil det være muligt at ansøge om Grøn garanti.")


@pytest.mark.parametrize("dag,advarsel", [("2026-12-31", False), ("2027-01-01", True)])
def test_groen_garanti_advarer_efter_rammens_periode(dag, advarsel):
    svar = run("groen_garanti", {**groen_garanti.EKSEMPEL, "ansoegningsdato": dag})
    assert any("efter rammens periode, 2021–2026" in b for b in svar["bemaerkninger"]) is advarsel


def test_groen_garanti_foer_ordningen_aabnede():
    svar = run("groen_garanti", {**groen_garanti.EKSEMPEL, "ansoegningsdato": "2021-09-30"})
    assert svar["fejl"][0]["felt"] == "ansoegningsdato"
    assert "fra 1. oktober 2021" in svar["fejl"][0]["besked"]

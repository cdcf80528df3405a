"""Tests for the Grøn garanti calculator (calculators/groen_garanti.py) and its view.

Known answers are worked out by hand in the comments; the property tests compare every run
with an independent reference written in exact fractions.
"""

from __future__ import annotations

import dataclasses
import json
import re
import subprocess
import sys
from decimal import Decimal
from fractions import Fraction
from math import floor
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from kildecitat import citat

from calculators import groen_garanti as gg
from calculators import run
from calculators._contract import Laeser
from calculators.visning import html as vis_html

ROD = Path(__file__).resolve().parents[2]
NB = "\u00a0"


def inddata(**over) -> dict:
    """A valid input in a normal year (all degree days equal), changed by ``over``."""
    d = {
        "baseline_forbrug_kwh": 100_000, "baseline_graddage": 3000, "normalaar_graddage": 3000,
        "graddageuafhaengig_andel_pct": 0, "beregnet_besparelse_kwh": 15_000,
        "energipris_kr_pr_kwh": 2, "selvrisiko_kr": 3_000, "leverandoergaranti_kr": 4_000,
        "aar": [{"aar": 1, "forbrug_kwh": 90_000, "graddage": 3000}],
    }
    d.update(over)
    return d


def beregn(d: dict, formular: bool = False) -> gg.Resultat:
    """The Decimal result (run() gives JSON numbers; the exact sums are checked here)."""
    return gg.beregn(gg.parse(Laeser(d, formular=formular)))


def fejl(d, formular: bool = False) -> dict[str, str]:
    r = run("groen_garanti", d, formular=formular)
    assert "fejl" in r, r
    return {f["felt"]: f["besked"] for f in r["fejl"]}


# -- independent reference in exact fractions ---------------------------------------------
def _halv_op(x: Fraction, enhed: Fraction = Fraction(1)) -> Fraction:
    return floor(x / enhed + Fraction(1, 2)) * enhed


def reference(d: dict) -> list[tuple[int, Fraction, Fraction, Fraction, Fraction, Fraction, Fraction, Fraction]]:
    """(aar, norm. baseline, norm. forbrug, manko kWh, manko kr, selvrisiko, leverandør, fond)."""
    F = lambda x: Fraction(str(x))  # noqa: E731 - JSON numbers read exactly as written
    a = F(d["graddageuafhaengig_andel_pct"]) / 100
    gn = F(d["normalaar_graddage"])

    def norm(e, g):
        return _halv_op(F(e) * ((1 - a) * gn / F(g) + a))

    nb = norm(d["baseline_forbrug_kwh"], d["baseline_graddage"])
    ud = []
    for x in sorted(d["aar"], key=lambda x: x["aar"]):
        nf = norm(x["forbrug_kwh"], x["graddage"])
        manko = max(Fraction(0), F(d["beregnet_besparelse_kwh"]) - (nb - nf))
        mkr = _halv_op(manko * F(d["energipris_kr_pr_kwh"]), Fraction(1, 100))
        s = min(mkr, F(d["selvrisiko_kr"]))
        lev = min(mkr - s, F(d["leverandoergaranti_kr"]))
        ud.append((x["aar"], nb, nf, manko, mkr, s, lev, mkr - s - lev))
    return ud


def som_fraction(r: gg.Aarsresultat):
    return (r.aar, *(Fraction(v) for v in (
        r.normaliseret_baseline_kwh, r.normaliseret_forbrug_kwh, r.manko_kwh, r.manko_kr,
        r.daekket_selvrisiko_kr, r.daekket_leverandoer_kr, r.daekket_fond_kr)))


# -- known answers by hand ----------------------------------------------------------------
class TestNormalisering:
    def test_normalaar_lader_forbruget_uroert(self):
        # G = G_normal: factor (1 − a)·1 + a = 1 for any a.
        for andel in (0, 20, 55.5, 100):
            r = beregn(inddata(graddageuafhaengig_andel_pct=andel)).aar[0]
            assert r.normaliseret_baseline_kwh == 100_000
            assert r.normaliseret_forbrug_kwh == 90_000
            assert r.opnaaet_besparelse_kwh == 10_000

    def test_andel_100_pct_ser_bort_fra_vejret(self):
        # a = 1: factor = 0·G_normal/G + 1 = 1, however cold or mild the years were.
        d = inddata(graddageuafhaengig_andel_pct=100, baseline_graddage=2000,
                    aar=[{"aar": 1, "forbrug_kwh": 90_000, "graddage": 4500}])
        r = beregn(d).aar[0]
        assert (r.normaliseret_baseline_kwh, r.normaliseret_forbrug_kwh) == (100_000, 90_000)
        assert r.normaliseringsfaktor == 1

    def test_andel_0_pct_skalerer_med_graddage(self):
        # a = 0, G = 2·G_normal: factor 1/2, so 90.000 kWh in a cold year is 45.000 in a normal one.
        d = inddata(aar=[{"aar": 1, "forbrug_kwh": 90_000, "graddage": 6000}])
        r = beregn(d).aar[0]
        assert r.normaliseret_forbrug_kwh == 45_000
        assert r.normaliseringsfaktor == Decimal("0.5")

    def test_haandregnet_eksempel_med_stigende_forbrug(self):
        # a = 25 %: baseline factor 0,75·3000/2500 + 0,25 = 1,15 -> 115.000 kWh.
        # Year 1: factor 0,75·3000/2000 + 0,25 = 1,375 -> 90.000 · 1,375 = 123.750 kWh.
        # Achieved saving 115.000 − 123.750 = −8.750; shortfall 20.000 + 8.750 = 28.750 kWh;
        # at 1,25 kr./kWh 35.937,50 kr.: selvrisiko 10.000, supplier 5.000, fund 20.937,50.
        d = inddata(baseline_graddage=2500, graddageuafhaengig_andel_pct=25,
                    beregnet_besparelse_kwh=20_000, energipris_kr_pr_kwh=1.25,
                    selvrisiko_kr=10_000, leverandoergaranti_kr=5_000,
                    aar=[{"aar": 1, "forbrug_kwh": 90_000, "graddage": 2000}])
        res = beregn(d)
        r = res.aar[0]
        assert r.normaliseret_baseline_kwh == 115_000
        assert r.normaliseret_forbrug_kwh == 123_750
        assert r.opnaaet_besparelse_kwh == -8_750
        assert r.manko_kwh == 28_750
        assert r.manko_kr == Decimal("35937.50")
        assert (r.daekket_selvrisiko_kr, r.daekket_leverandoer_kr, r.daekket_fond_kr) == (
            Decimal("10000.00"), Decimal("5000.00"), Decimal("20937.50"))
        assert res.baseline_normaliseringsfaktor == Decimal("1.15")
        assert any("højere end baselinen" in b for b in res.bemaerkninger)

    def test_afrunding_til_hele_kwh_halvt_op(self):
        # a = 0, G_normal/G = 3000/2000 = 1,5: 1 kWh -> 1,5 -> 2 (half up), 3 kWh -> 4,5 -> 5.
        assert gg.normaliser(Decimal(1), Decimal(2000), Decimal(3000), Decimal(0)) == 2
        assert gg.normaliser(Decimal(3), Decimal(2000), Decimal(3000), Decimal(0)) == 5


class TestDaekningsraekkefoelge:
    # Normal year, baseline 100.000 kWh: shortfall = 15.000 − (100.000 − forbrug) kWh at 2 kr.
    def _aar(self, forbrug, **over):
        return beregn(inddata(aar=[{"aar": 1, "forbrug_kwh": forbrug, "graddage": 3000}], **over)).aar[0]

    def test_ingen_manko_naar_besparelsen_naas(self):
        r = self._aar(80_000)  # saved 20.000 > 15.000
        assert (r.manko_kwh, r.manko_kr, r.daekket_fond_kr) == (0, 0, 0)
        assert "ingen manko" in r.konklusion and "5.000" in r.konklusion

    def test_besparelsen_praecis_naaet(self):
        r = self._aar(85_000)
        assert r.manko_kwh == 0
        assert r.konklusion == f"I år 1 er den beregnede besparelse på 15.000{NB}kWh nået. Der er ingen manko."

    def test_selvrisikoen_daekker_alt(self):
        # saved 14.000: shortfall 1.000 kWh = 2.000 kr. <= selvrisiko 3.000.
        r = self._aar(86_000)
        assert (r.manko_kr, r.daekket_selvrisiko_kr, r.daekket_leverandoer_kr, r.daekket_fond_kr) == (
            2000, 2000, 0, 0)
        assert r.konklusion == (f"I år 1 mangler 1.000{NB}kWh, svarende til 2.000{NB}kr.; "
                                f"selvrisikoen dækker 2.000{NB}kr.")

    def test_leverandoeren_daekker_resten(self):
        # shortfall 3.000 kWh = 6.000 kr.: selvrisiko 3.000, supplier 3.000 of its 4.000.
        r = self._aar(88_000)
        assert (r.manko_kr, r.daekket_selvrisiko_kr, r.daekket_leverandoer_kr, r.daekket_fond_kr) == (
            6000, 3000, 3000, 0)

    def test_fonden_daekker_det_sidste(self):
        # shortfall 5.000 kWh = 10.000 kr.: 3.000 + 4.000 + fund 3.000.
        r = self._aar(90_000)
        assert (r.manko_kr, r.daekket_selvrisiko_kr, r.daekket_leverandoer_kr, r.daekket_fond_kr) == (
            10000, 3000, 4000, 3000)

    def test_uden_selvrisiko_og_leverandoer_daekker_fonden_alt(self):
        r = self._aar(90_000, selvrisiko_kr=0, leverandoergaranti_kr=0)
        assert (r.daekket_selvrisiko_kr, r.daekket_leverandoer_kr, r.daekket_fond_kr) == (0, 0, 10000)
        assert r.konklusion.endswith(f"; fonden dækker 10.000{NB}kr.")

    def test_konklusion_som_i_issuet(self):
        # saved 7.600 of 20.000: 12.400 kWh · 0,80 = 9.920 kr.; selvrisiko 8.000, fund 1.920.
        r = self._aar(92_400, beregnet_besparelse_kwh=20_000, energipris_kr_pr_kwh=0.8,
                      selvrisiko_kr=8_000, leverandoergaranti_kr=0)
        assert r.konklusion == (f"I år 1 mangler 12.400{NB}kWh, svarende til 9.920{NB}kr.; "
                                f"selvrisikoen dækker 8.000{NB}kr. og fonden 1.920{NB}kr.")

    def test_energipris_0_giver_intet_at_daekke(self):
        r = self._aar(90_000, energipris_kr_pr_kwh=0)
        assert r.manko_kwh == 5_000 and r.manko_kr == 0
        assert "intet at dække" in r.konklusion

    def test_afrunding_til_oere(self):
        # shortfall 1 kWh · 0,335 kr. = 0,335 -> 0,34 kr. (half up), all of it selvrisiko.
        r = self._aar(85_001, energipris_kr_pr_kwh=0.335)
        assert r.manko_kr == Decimal("0.34") and r.daekket_selvrisiko_kr == Decimal("0.34")
        # 3 kWh · 0,3333 = 0,9999 -> 1,00; selvrisiko 0,10, supplier 0,25, fund 0,65: sums exactly.
        r = self._aar(85_003, energipris_kr_pr_kwh=0.3333, selvrisiko_kr=0.1, leverandoergaranti_kr=0.25)
        assert (r.manko_kr, r.daekket_selvrisiko_kr, r.daekket_leverandoer_kr, r.daekket_fond_kr) == (
            Decimal("1.00"), Decimal("0.10"), Decimal("0.25"), Decimal("0.65"))


class TestHeleForloebet:
    def test_eksemplet(self):
        # Baseline: 0,8·3112/2900 + 0,2 = 1,05848… -> 1.058.483 kWh.
        # År 1: 870.000·(0,8·3112/3050 + 0,2) = 884.148 -> saved 174.335, short 25.665 kWh = 20.532 kr.
        # År 2: 900.000·(0,8·3112/2800 + 0,2) = 980.229 -> saved 78.254, short 121.746 = 97.396,80 kr.
        # År 3: 800.000·(0,8·3112/3200 + 0,2) = 782.400 -> saved 276.083, no shortfall.
        r = run("groen_garanti", gg.EKSEMPEL)
        assert [a["normaliseret_forbrug_kwh"] for a in r["aar"]] == [884_148, 980_229, 782_400]
        assert r["aar"][0]["normaliseret_baseline_kwh"] == 1_058_483
        assert [a["manko_kr"] for a in r["aar"]] == [20532, 97396.8, 0]
        assert [a["daekket_fond_kr"] for a in r["aar"]] == [0, 7396.8, 0]
        assert r["total"]["manko_kr"] == 117928.8
        assert r["total"]["daekket_selvrisiko_kr"] == 70532
        assert r["total"]["aar_med_manko"] == 2
        assert r["konklusion"].startswith("Den beregnede besparelse er ikke nået i 2 af 3 opfølgningsår.")
        assert len(r["konklusioner"]) == 3

    def test_sorteret_efter_aar_og_manglende_aar(self):
        d = inddata(aar=[{"aar": 4, "forbrug_kwh": 90_000, "graddage": 3000},
                         {"aar": 1, "forbrug_kwh": 80_000, "graddage": 3000}])
        r = run("groen_garanti", d)
        assert [a["aar"] for a in r["aar"]] == [1, 4]
        assert r["konklusioner"][0].startswith("I år 1 ") and r["konklusioner"][1].startswith("I år 4 ")
        assert r["manglende_aar"] == [2, 3]
        assert any("ingen tal for år 2 og 3" in b for b in r["bemaerkninger"])

    def test_totaler_er_summen_af_aarene(self):
        d = dict(gg.EKSEMPEL)
        res = beregn(d)
        for felt in ("normaliseret_forbrug_kwh", "opnaaet_besparelse_kwh", "manko_kwh", "manko_kr",
                     "daekket_selvrisiko_kr", "daekket_leverandoer_kr", "daekket_fond_kr"):
            assert getattr(res.total, felt) == sum(getattr(a, felt) for a in res.aar), felt

    def test_alle_aar_naaet(self):
        r = run("groen_garanti", inddata(aar=[{"aar": n, "forbrug_kwh": 80_000, "graddage": 3000}
                                              for n in range(1, 11)]))
        assert r["konklusion"] == ("Den beregnede besparelse er nået i alle 10 opfølgningsår, "
                                   "så der er ingen manko at dække.")

    def test_formular_med_danske_tal(self):
        d = inddata(baseline_forbrug_kwh="100.000", energipris_kr_pr_kwh="2,00", selvrisiko_kr="3.000,00",
                    aar=[{"aar": "1", "forbrug_kwh": "90.000", "graddage": "3.000"}])
        assert run("groen_garanti", d, formular=True)["aar"][0]["manko_kr"] == 10000
        assert "fejl" in run("groen_garanti", d)  # text is only accepted from the form


# -- bad input ----------------------------------------------------------------------------
class TestForkertInput:
    def test_graddage_0_med_praecis_sti(self):
        d = inddata(aar=[{"aar": n, "forbrug_kwh": 90_000, "graddage": 3000} for n in range(1, 5)])
        d["aar"][3]["graddage"] = 0
        f = fejl(d)
        assert list(f) == ["aar[3].graddage"]
        assert f["aar[3].graddage"] == "Årets graddagetal skal være større end 0 graddage."

    def test_flere_end_10_aar_citerer_graensen(self):
        d = inddata(aar=[{"aar": n, "forbrug_kwh": 1, "graddage": 1} for n in range(1, 12)])
        f = fejl(d)
        assert list(f) == ["aar"]
        assert "højst 10 opfølgningsår" in f["aar"] and "der er 11" in f["aar"]
        assert "Grøn garanti løber i højst 10 år" in f["aar"]

    @pytest.mark.parametrize("nr", [0, 11, -1])
    def test_aar_uden_for_1_til_10(self, nr):
        d = inddata(aar=[{"aar": 1, "forbrug_kwh": 1, "graddage": 1},
                         {"aar": nr, "forbrug_kwh": 1, "graddage": 1}])
        f = fejl(d)
        assert list(f) == ["aar[1].aar"]
        assert f["aar[1].aar"].startswith("Årets nummer skal være fra 1 til 10.")
        assert "højst 10 år" in f["aar[1].aar"]

    def test_graensen_kommer_fra_data(self, monkeypatch):
        r = gg.regler()
        kort = dataclasses.replace(r, varighed=dataclasses.replace(r.varighed, maks_aar=3))
        monkeypatch.setattr(gg, "regler", lambda: kort)
        d = inddata(aar=[{"aar": n, "forbrug_kwh": 1, "graddage": 1} for n in range(1, 5)])
        assert "højst 3 opfølgningsår" in fejl(d)["aar"]
        d = inddata(aar=[{"aar": 4, "forbrug_kwh": 1, "graddage": 1}])
        assert "fra 1 til 3" in fejl(d)["aar[0].aar"]

    def test_dubletaar(self):
        d = inddata(aar=[{"aar": 2, "forbrug_kwh": 1, "graddage": 1},
                         {"aar": 1, "forbrug_kwh": 1, "graddage": 1},
                         {"aar": 2, "forbrug_kwh": 1, "graddage": 1}])
        f = fejl(d)
        assert list(f) == ["aar[2].aar"]
        assert f["aar[2].aar"] == "År 2 er angivet mere end én gang. Hvert opfølgningsår må kun stå én gang."

    def test_aar_skal_vaere_heltal(self):
        d = inddata(aar=[{"aar": 1.5, "forbrug_kwh": 1, "graddage": 1}])
        assert fejl(d) == {"aar[0].aar": "Angiv årets nummer som et helt tal, fx 1."}

    def test_alle_fejl_paa_en_gang(self):
        f = fejl({"aar": [{"forbrug_kwh": -1}]})
        assert set(f) == {"baseline_forbrug_kwh", "baseline_graddage", "normalaar_graddage",
                          "graddageuafhaengig_andel_pct", "beregnet_besparelse_kwh",
                          "energipris_kr_pr_kwh", "selvrisiko_kr", "leverandoergaranti_kr",
                          "aar[0].aar", "aar[0].forbrug_kwh", "aar[0].graddage"}
        assert f["baseline_forbrug_kwh"] == "Indtast baselineforbruget, fx 1.000.000."
        assert f["aar[0].forbrug_kwh"] == "Årets forbrug skal være mindst 0 kWh."
        assert f["selvrisiko_kr"] == "Indtast beløbet for selvrisikoen, fx 50.000."

    @pytest.mark.parametrize("felt,vaerdi,besked", [
        ("graddageuafhaengig_andel_pct", 101, "Den graddageuafhængige andel må højst være 100 %."),
        ("graddageuafhaengig_andel_pct", -1, "Den graddageuafhængige andel skal være mindst 0 %."),
        ("baseline_forbrug_kwh", 0, "Baselineforbruget skal være større end 0 kWh."),
        ("baseline_graddage", 0, "Graddagetallet for baselineåret skal være større end 0 graddage."),
        ("normalaar_graddage", -3112, "Normalårets graddagetal skal være større end 0 graddage."),
        ("beregnet_besparelse_kwh", -5, "Den beregnede besparelse skal være mindst 0 kWh."),
        ("energipris_kr_pr_kwh", -0.5, "Energiprisen skal være mindst 0 kr. pr. kWh."),
        ("selvrisiko_kr", -1, "Beløbet for selvrisikoen kan ikke være negativt. Indtast et beløb på 0 kr. eller mere."),
        ("leverandoergaranti_kr", 1.001,
         "Angiv beløbet for leverandørens eller rådgiverens garanti i hele kroner og øre (højst to decimaler)."),
        ("energipris_kr_pr_kwh", "0,80", "Indtast energiprisen som et tal, fx 0,80."),
    ])
    def test_felt_og_besked(self, felt, vaerdi, besked):
        assert fejl(inddata(**{felt: vaerdi})) == {felt: besked}

    def test_ukendt_felt_og_tastefejl(self):
        d = inddata(selvrisko_kr=5)
        d["aar"][0]["forbrug"] = 1
        f = fejl(d)
        assert set(f) == {"selvrisko_kr", "aar[0].forbrug"}
        assert "kendes ikke" in f["aar[0].forbrug"]

    @pytest.mark.parametrize("aar", [None, [], "1,2", [1, 2]])
    def test_aar_ikke_en_liste_af_objekter(self, aar):
        f = fejl(inddata(aar=aar))
        assert any(k.startswith("aar") for k in f), f

    def test_absurd_smaa_graddage_giver_fejl_ikke_undtagelse(self):
        f = fejl(inddata(aar=[{"aar": 1, "forbrug_kwh": 90_000, "graddage": 1e-300}]))
        assert list(f) == ["aar[0].graddage"] and "urimeligt stort" in f["aar[0].graddage"]
        f = fejl(inddata(baseline_graddage=1e-300))
        assert list(f) == ["baseline_graddage"]
        # Zero use with absurd degree days: nothing to blow up, but the factor itself is absurd.
        f = fejl(inddata(aar=[{"aar": 1, "forbrug_kwh": 0, "graddage": 1e-300}]))
        assert list(f) == ["aar[0].graddage"]

    def test_absurd_energipris(self):
        f = fejl(inddata(energipris_kr_pr_kwh=9e14, beregnet_besparelse_kwh=9e14))
        assert list(f) == ["energipris_kr_pr_kwh"]


# -- properties ---------------------------------------------------------------------------
def _dec(lo, hi, places):
    return st.decimals(min_value=lo, max_value=hi, places=places, allow_nan=False,
                       allow_infinity=False).map(lambda d: float(d) if d != d.to_integral_value() else int(d))


gyldige_aar = st.lists(st.integers(1, 10), min_size=1, max_size=10, unique=True).flatmap(
    lambda numre: st.tuples(*[st.fixed_dictionaries({
        "aar": st.just(n), "forbrug_kwh": _dec(0, 3_000_000, 1), "graddage": _dec(1, 6000, 1)})
        for n in numre]).map(list))

gyldigt_input = st.fixed_dictionaries({
    "baseline_forbrug_kwh": _dec(Decimal("0.1"), 3_000_000, 1),
    "baseline_graddage": _dec(1, 6000, 1),
    "normalaar_graddage": _dec(1, 6000, 1),
    "graddageuafhaengig_andel_pct": _dec(0, 100, 2),
    "beregnet_besparelse_kwh": _dec(0, 1_000_000, 1),
    "energipris_kr_pr_kwh": _dec(0, 10, 4),
    "selvrisiko_kr": _dec(0, 500_000, 2),
    "leverandoergaranti_kr": _dec(0, 500_000, 2),
    "aar": gyldige_aar,
})

json_vaerdi = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda børn: st.lists(børn, max_size=4) | st.dictionaries(st.text(max_size=6), børn, max_size=4),
    max_leaves=12)


@st.composite
def naesten_gyldigt(draw):
    """A valid input with some fields (also inside the years) swapped for arbitrary JSON."""
    d = draw(gyldigt_input)
    for k in list(d):
        if draw(st.booleans()) and draw(st.booleans()):
            d[k] = draw(json_vaerdi)
    if isinstance(d.get("aar"), list):
        for x in d["aar"]:
            if isinstance(x, dict) and draw(st.booleans()):
                x[draw(st.sampled_from(["aar", "forbrug_kwh", "graddage"]))] = draw(
                    json_vaerdi | st.floats(min_value=0, max_value=1e-200) | st.integers(-5, 15))
    return d


class TestEgenskaber:
    @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.one_of(json_vaerdi, naesten_gyldigt()), st.booleans())
    def test_fejler_aldrig(self, d, formular):
        r = run("groen_garanti", d, formular=formular)
        assert ("fejl" in r) != ("aar" in r)
        if "fejl" in r:
            assert r["fejl"] and all(f["besked"] for f in r["fejl"])
        else:
            json.dumps(r, allow_nan=False)
            assert vis_html("groen_garanti", r).count('role="img"') in (1, 2)

    @settings(max_examples=300, deadline=None)
    @given(gyldigt_input)
    def test_daekning_summer_til_manko_og_er_aldrig_negativ(self, d):
        res = beregn(d)
        for a in res.aar:
            assert a.daekket_selvrisiko_kr + a.daekket_leverandoer_kr + a.daekket_fond_kr == a.manko_kr
            assert min(a.daekket_selvrisiko_kr, a.daekket_leverandoer_kr, a.daekket_fond_kr, a.manko_kr) >= 0
            assert a.daekket_selvrisiko_kr <= Decimal(str(d["selvrisiko_kr"]))
            assert a.daekket_leverandoer_kr <= Decimal(str(d["leverandoergaranti_kr"]))
            assert a.manko_kr == a.manko_kr.quantize(Decimal("0.01"))
        assert [a.aar for a in res.aar] == sorted(x["aar"] for x in d["aar"])

    @settings(max_examples=300, deadline=None)
    @given(gyldigt_input)
    def test_svarer_til_uafhaengig_reference(self, d):
        assert [som_fraction(a) for a in beregn(d).aar] == reference(d)

    @settings(max_examples=200, deadline=None)
    @given(gyldigt_input, _dec(0, 500_000, 2), _dec(0, 500_000, 2))
    def test_stoerre_selvrisiko_hever_aldrig_fondens_andel(self, d, s1, s2):
        lav, hoej = sorted((s1, s2))
        f_lav = [a.daekket_fond_kr for a in beregn({**d, "selvrisiko_kr": lav}).aar]
        f_hoej = [a.daekket_fond_kr for a in beregn({**d, "selvrisiko_kr": hoej}).aar]
        assert all(h <= l for h, l in zip(f_hoej, f_lav, strict=True))

    @settings(max_examples=100, deadline=None)
    @given(gyldigt_input)
    def test_normalaar_er_identitet(self, d):
        g = d["normalaar_graddage"]
        d = {**d, "baseline_graddage": g, "aar": [{**x, "graddage": g} for x in d["aar"]]}
        res = beregn(d)
        for a, x in zip(res.aar, sorted(d["aar"], key=lambda x: x["aar"]), strict=True):
            assert a.normaliseret_forbrug_kwh == Decimal(str(x["forbrug_kwh"])).quantize(
                Decimal(1), rounding="ROUND_HALF_UP")


# -- the view -----------------------------------------------------------------------------
class TestVisning:
    def test_konklusion_foerst_grafer_tabel(self):
        h = vis_html("groen_garanti", run("groen_garanti", gg.EKSEMPEL))
        assert h.index("ikke nået i 2 af 3") < h.index("<svg") < h.index("<table")
        assert h.count('role="img"') == 2
        for ref in re.findall(r'aria-labelledby="([^"]+)"', h):
            for i in ref.split():
                assert h.count(f'id="{i}"') == 1, i
        assert h.count("<tbody><tr>") == 1 and h.count("<tr>") == 5  # head, 3 years, total
        for tekst in ("Selvrisiko", "Leverandør/rådgiver", "Landsbyggefonden", "Beregnet besparelse"):
            assert f">{tekst}</text>" in h  # legend in words, not colour alone
        assert "url(#" in h  # patterns

    def test_ingen_manko_ingen_stablet_graf(self):
        h = vis_html("groen_garanti", run("groen_garanti", inddata(
            aar=[{"aar": 1, "forbrug_kwh": 80_000, "graddage": 3000}])))
        assert h.count('role="img"') == 1 and "intet at dække" in h

    def test_negativ_besparelse_tegnes(self):
        r = run("groen_garanti", inddata(aar=[{"aar": 1, "forbrug_kwh": 130_000, "graddage": 3000}]))
        assert r["aar"][0]["opnaaet_besparelse_kwh"] == -30_000
        h = vis_html("groen_garanti", r)
        assert ">-30.000</text>" in h and 'height="-' not in h

    def test_tekst_escapes(self):
        r = run("groen_garanti", gg.EKSEMPEL)
        r["konklusion"] = "<script>alert(1)</script>"
        r["konklusioner"][0] = 'a"b<i>'
        h = vis_html("groen_garanti", r)
        assert "<script>" not in h and "<i>" not in h and "&lt;script&gt;" in h

    def test_id_prefiks(self):
        from calculators.visning.groen_garanti import html
        r = run("groen_garanti", gg.EKSEMPEL)
        assert html(r) != html(r, idprefiks="live")
        assert 'id="live-tabel"' in html(r, idprefiks="live")
        r2 = run("groen_garanti", inddata())
        ids = lambda h: set(re.findall(r'id="([^"]+)"', h))  # noqa: E731
        assert not ids(html(r)) & ids(html(r2))


# -- the data file ------------------------------------------------------------------------
def test_regler_fra_kilden():
    r = gg.regler()
    assert r.varighed.maks_aar == 10
    assert r.ramme.beloeb_kr == 404_000_000 and (r.ramme.gyldig_fra.year, r.ramme.gyldig_til.year) == (2021, 2026)
    assert r.ansoegning.gyldig_fra.isoformat() == "2021-10-01"
    assert [d.noegle for d in r.daekningsraekkefoelge] == ["selvrisiko", "leverandoer", "fond"]
    assert len(r.forudsaetninger) == 4 and all(f.spoergsmaal.endswith("?") and f.hvis_nej and f.kilde
                                                for f in r.forudsaetninger)
    forslag = r.forslag["normalaar_graddage"]
    assert forslag.vaerdi == 3112 and "ikke en regel" in forslag.status and "Dansk Fjernvarme" in forslag.kilde


# -- the command line ---------------------------------------------------------------------
def _cli(tekst: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "calculators", "groen_garanti"], input=tekst,
                          capture_output=True, text=True, cwd=ROD, timeout=60)


def test_cli_gyldigt_input_exit_0():
    p = _cli(json.dumps(gg.EKSEMPEL))
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)["total"]["daekket_fond_kr"] == 7396.8


def test_cli_forkert_input_exit_2():
    d = inddata()
    d["aar"][0]["graddage"] = 0
    p = _cli(json.dumps(d))
    assert p.returncode == 2
    assert json.loads(p.stdout)["fejl"][0]["felt"] == "aar[0].graddage"


def test_cli_ugyldig_json_exit_2():
    p = _cli("{ikke json")
    assert p.returncode == 2 and "ikke gyldig JSON" in json.loads(p.stdout)["fejl"][0]["besked"]


# -- what the source says, quoted (legal review 2026-11, items 13 and 15) ---------------------
def test_fire_forudsaetninger_og_tilbagebetalingstiden_er_et_kriterium():
    """G l. 72 lists four prerequisites; the payback time (G l. 70) is a criterion, not a fifth."""
    citat("G", 72, 72, "Landsbyggefonden prioriterer ud fra et trangsprincip mellem de afdelinger, der opfylder "
                       "kriterierne og lever op til forudsætningerne. Forudsætningerne er, at der skal udarbejdes "
                       "en helhedsplan for afdelingen; at afdelingen skal have afsøgt finansieringsmuligheder; at "
                       "boligorganisationen skal medfinansiere renovering mv. og at renoveringen mv. skal "
                       "god- kendes af afdelingens beboere, boligorganisationen og kommunen.")  # sic: "god- kendes"
    citat("G", 70, 70, "Der ses endvidere på længden af tilbagebetalingstiden samt energi- og klimabesparelse pr. "
                       "investeret krone og i samlet størrelse.")
    citat("G", 70, 70, "som samlet set har en relativt lang tilbagebetalingstid")
    r = gg.regler()
    emner = ["helhedsplan", "finansieres", "finansiere renoveringen", "godkendt af afdelingens beboere"]
    assert [e for e, f in zip(emner, r.forudsaetninger, strict=True) if e in f.spoergsmaal] == emner
    assert not any("tilbagebetalingstid" in f.spoergsmaal for f in r.forudsaetninger)
    (k,) = r.kriterier
    assert "tilbagebetalingstid" in k.spoergsmaal and k.spoergsmaal.endswith("?") and k.kilde
    assert "ikke en af de fire forudsætninger" in k.hvis_nej


def test_fonden_daekker_i_naermere_bestemt_omfang():
    """The fund's cover is »i nærmere bestemt omfang« (G l. 11): every result says the calculator's
    "the fund covers the rest" is a simplification."""
    citat("G", 11, 11, "den beregnede besparelse efter ansøgning garanteres – efter fastlagte vilkår og i nærmere "
                       "bestemt omfang")
    citat("G", 11, 11, "derefter træder fondens garanti i kraft og dækker forskellen mellem den beregnede "
                       "besparelse og den opnåede besparelse")
    r = run("groen_garanti", gg.EKSEMPEL)
    (note,) = [b for b in r["bemaerkninger"] if "nærmere bestemt omfang" in b]
    assert "fonden dækker ikke nødvendigvis det hele" in note
    fond = [d for d in gg.regler().daekningsraekkefoelge if d.noegle == "fond"][0]
    assert "nærmere bestemt omfang" in fond.tekst and "resten" not in fond.tekst


def test_baselineperioden_og_forenklingen_siges():
    """The source's baseline period is the last full calendar year plus data up to the application
    (G l. 27); the calculator takes one year and says so."""
    citat("G", 27, 27, "Periode: Seneste hele kalenderår samt data frem til ansøgning.")
    r = run("groen_garanti", inddata())
    (note,) = [b for b in r["bemaerkninger"] if "baseline" in b and "kalenderår" in b]
    assert "ét års forbrug" in note and "seneste hele kalenderår samt data frem til ansøgningen" in note
    assert "kalenderår samt data frem til ansøgningen" in gg.regler().opfoelgning.baseline


@pytest.mark.parametrize("aar", [
    [{"aar": 1, "forbrug_kwh": 130_000, "graddage": 3000}],   # use above the baseline
    [{"aar": 1, "forbrug_kwh": 95_000, "graddage": 3000}],    # a shortfall, use below the baseline
])
def test_adfaerd_foelges_op_uden_at_love_noget(aar):
    """Baselines are set so that both the actual saving and the residents' behaviour can be followed
    up (G l. 21). The note says that and no more: the source does not say what follows."""
    citat("G", 21, 21, "så det sidenhen er muligt at følge op på både den faktiske energibesparelse og på "
                       "beboernes adfærd – altså om beboerne f.eks. har valgt at hæve indetemperaturen")
    r = run("groen_garanti", inddata(aar=aar))
    (note,) = [b for b in r["bemaerkninger"] if "adfærd" in b]
    assert "både den faktiske energibesparelse og beboernes adfærd" in note
    assert "hævet indetemperaturen" in note
    assert "siger ikke, hvad det betyder for garantien" in note
    # No note on behaviour when the saving is reached.
    ok = run("groen_garanti", inddata(aar=[{"aar": 1, "forbrug_kwh": 80_000, "graddage": 3000}]))
    assert not any("adfærd" in b for b in ok["bemaerkninger"])

"""Merinvestering alternatives side by side (issue 16, item 2): each computed as the calculator computes it, ranked
by net present value, and the assumption that decides the order found in the sensitivity analysis."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from calculators import _browser, merinvestering, run
from calculators._contract import Inputfejl
from calculators.alternativer import MAKS_ALTERNATIVER, sammenlign
from calculators.visning import alternativer as visning


def alt(merpris: int, kwh: int, levetid: int = 40) -> dict:
    return {"foranstaltninger": [{"navn": "Tiltag", "merpris_kr": merpris, "levetid_aar": levetid}],
            "energibesparelser": [{"energiart": "fjernvarme", "maengde_aar": kwh, "enhed": "kWh",
                                   "pris_kr_pr_enhed": 0.75}],
            "beboerbetalingsprocent": 2, "beregningsdato": "2026-11-30"}


TAG, VINDUER = alt(1_000_000, 80_000), alt(400_000, 48_000)


def test_hvert_alternativ_er_regnet_som_beregneren_regner_det():
    s = sammenlign([("Tag", TAG), ("Vinduer", VINDUER)])
    for a, data in zip(s.alternativer, (TAG, VINDUER), strict=True):
        alene = run("merinvestering", data)
        assert float(a.nettonutidsvaerdi_kr) == alene["nettonutidsvaerdi_kr"]
        assert float(a.noedvendig_egenbetaling_kr) == alene["noedvendig_egenbetaling_kr"]
        assert a.rentabel is alene["rentabel"] and a.konklusion == alene["konklusion"]


def test_den_afgoerende_forudsaetning_findes_i_foelsomheden():
    s = sammenlign([("Tag", TAG), ("Vinduer", VINDUER)])
    assert s.bedste == "Tag"
    assert s.afgoerende is not None
    assert (s.afgoerende.variant, s.afgoerende.bedste) == ("Kalkulationsrente +1 procentpoint", "Vinduer")
    # The claim holds: at the rate one point higher the windows have the higher net present value.
    op = {k: {**v, "kalkulationsrente_pct": 4} for k, v in (("Tag", TAG), ("Vinduer", VINDUER))}
    assert run("merinvestering", op["Vinduer"])["nettonutidsvaerdi_kr"] > run("merinvestering", op["Tag"])["nettonutidsvaerdi_kr"]
    tekst = str(visning.html(s, idprefiks="t"))
    assert "med kalkulationsrente +1 procentpoint er det »Vinduer«" in tekst


def test_en_klar_rangorden_siges_ogsaa():
    s = sammenlign([("Stor", alt(400_000, 96_000)), ("Lille", alt(400_000, 48_000))])
    assert s.bedste == "Stor" and s.afgoerende is None
    assert "det ændrer sig ikke ved nogen af de afprøvede ændringer" in str(visning.html(s, idprefiks="t"))


def test_fejl_naevner_alternativet_og_feltet():
    slem = {**VINDUER, "foranstaltninger": [{"navn": "Tiltag", "merpris_kr": "mange", "levetid_aar": 40}]}
    with pytest.raises(Inputfejl) as e:
        sammenlign([("Tag", TAG), ("Vinduer", slem)])
    assert e.value.fejl[0].felt == "alternativer[1].foranstaltninger[0].merpris_kr"
    assert e.value.fejl[0].besked.startswith("»Vinduer«: ")


@pytest.mark.parametrize("antal", [1, MAKS_ALTERNATIVER + 1])
def test_antallet_af_alternativer_er_begraenset(antal):
    with pytest.raises(Inputfejl, match="Vælg mellem 2 og 6 alternativer"):
        sammenlign([(f"A{i}", TAG) for i in range(antal)])


def test_visningen_har_tabel_graf_og_regler():
    s = sammenlign([("Tag", TAG), ("Vinduer", VINDUER), ("Facade", alt(700_000, 60_000))])
    tekst = str(visning.html(s, idprefiks="t"))
    for ord_ in ("Alternativerne side om side", "Nettonutidsværdi", "Beboerbetaling år 1", "Egenbetaling efter § 13",
                 'role="img"', "Regler brugt i beregningen", "Facade"):
        assert ord_ in tekst
    assert tekst.count('<th scope="col" class="lbf-tal">') == 3


def test_browserens_indgang():
    svar = json.loads(_browser.sammenlign(json.dumps(
        {"alternativer": [{"navn": "Tag", "inddata": TAG}, {"navn": "Vinduer", "inddata": VINDUER}]})))
    assert svar["resultat"]["bedste"] == "Tag" and "Sammenligning af alternativer" in svar["html"]
    assert 'id="lbf-live-sammenligning-alt-graf-t"' in svar["html"]
    forkert = json.loads(_browser.sammenlign(json.dumps({"alternativer": [{"navn": 3}]})))
    assert forkert["fejl"][0]["felt"] == "alternativer"
    assert merinvestering.regler().periode.aar == 40  # the real rules, not a fixture
    assert Decimal(str(svar["resultat"]["alternativer"][0]["merinvestering_kr"])) == 1_000_000

"""The contract shared by every calculator: run() and the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import calculators
from calculators._contract import ENHEDER, Enhedsfejl, Laeser, parse_dansk_tal, skriveformer

ROD = Path(__file__).resolve().parent.parent

json_vaerdier = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=12)
    | st.sampled_from(["2015-11-01", "1.250.000,50", "-0", "1e400", "", "2012-02-30"]),
    lambda born: st.lists(born, max_size=4) | st.dictionaries(st.text(max_size=10), born, max_size=5),
    max_leaves=20,
)


def _mulige_noegler(navn):
    eksempel = calculators.modul(navn).EKSEMPEL
    return st.sampled_from(sorted(eksempel) + ["ukendt"])


def _beregnere():
    navne = []
    for navn in calculators.BEREGNERE:
        try:
            calculators.modul(navn)
        except ModuleNotFoundError:
            continue
        navne.append(navn)
    return navne


@pytest.mark.parametrize("navn", _beregnere())
@settings(max_examples=150, deadline=None)
@given(data=st.data(), formular=st.booleans())
def test_run_kaster_aldrig(navn, data, formular):
    """No input of any shape makes run() raise: it answers with a result or fejl."""
    eksempel = calculators.modul(navn).EKSEMPEL
    variant = dict(eksempel)
    for _ in range(data.draw(st.integers(0, 4))):
        noegle = data.draw(_mulige_noegler(navn))
        if data.draw(st.booleans()):
            variant[noegle] = data.draw(json_vaerdier)
        else:
            variant.pop(noegle, None)
    inddata = data.draw(st.sampled_from([variant, variant, data.draw(json_vaerdier)]))
    svar = calculators.run(navn, inddata, formular=formular)
    assert isinstance(svar, dict)
    if "fejl" in svar:
        assert svar["fejl"] and all(set(f) == {"felt", "besked"} and f["besked"] for f in svar["fejl"])
    json.dumps(svar, allow_nan=False)


@pytest.mark.parametrize("navn", _beregnere())
def test_eksempel_giver_resultat(navn):
    svar = calculators.run(navn, calculators.modul(navn).EKSEMPEL)
    assert "fejl" not in svar


def _cli(*args, stdin=""):
    return subprocess.run([sys.executable, "-m", "calculators", *args], input=stdin,
                          capture_output=True, text=True, cwd=ROD)


def test_cli_gyldigt_input_exit_0():
    p = _cli("noegletal", stdin=json.dumps(calculators.modul("noegletal").EKSEMPEL))
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)["omfattet"] is True


def test_cli_ugyldigt_input_exit_2_med_alle_fejl():
    p = _cli("noegletal", stdin='{"rolle": "bygherre", "beloeb_kr": -5}')
    assert p.returncode == 2
    fejl = json.loads(p.stdout)["fejl"]
    assert [f["felt"] for f in fejl] == ["tilsagnsdato", "udbudsdato", "beloeb_kr"]
    assert "Traceback" not in p.stderr


@pytest.mark.parametrize("stdin", ["", "{", "[1, 2]", "null", '"tekst"', "[" * 100000])
def test_cli_ikke_json_eller_ikke_objekt_exit_2(stdin):
    p = _cli("noegletal", stdin=stdin)
    assert p.returncode == 2, p.stderr
    assert json.loads(p.stdout)["fejl"][0]["besked"]
    assert "Traceback" not in p.stderr


def test_cli_ukendt_beregner_exit_2():
    p = _cli("findesikke", stdin="{}")
    assert p.returncode == 2
    assert "Ukendt beregner" in json.loads(p.stdout)["fejl"][0]["besked"]


def test_cli_uden_navn_viser_brug():
    p = _cli()
    assert p.returncode == 2
    assert "Brug: python -m calculators" in p.stderr


@pytest.mark.parametrize("tekst,forventet", [
    ("1.250.000", Decimal("1250000")), ("1.234.567,50", Decimal("1234567.50")),
    ("1234567,5", Decimal("1234567.5")), ("1234567.5", Decimal("1234567.5")),
    ("0,85", Decimal("0.85")), ("0.125", Decimal("0.125")), ("1.250", Decimal("1250")),
    ("-12,5", Decimal("-12.5")), ("\u22125", Decimal("-5")), ("1 234 567", Decimal("1234567")),
    ("1,2,3", None), ("1.25.000", None), ("abc", None), ("", None), ("1e5", None), ("%", None),
])
def test_danske_tal(tekst, forventet):
    assert parse_dansk_tal(tekst) == forventet


# -- a unit after the number (issue 16, item 6): one parser, the field's unit as a parameter -------------------
@pytest.mark.parametrize("enhed,tekst,forventet", [
    ("kr.", "1.900.000 kr.", Decimal("1900000")), ("kr.", "1.900.000 kr", Decimal("1900000")),
    ("kr.", "250 000 kr.", Decimal("250000")), ("kr.", "12kr", Decimal("12")), ("kr.", "12 KR.", Decimal("12")),
    ("kr.", "1.900.000,-", Decimal("1900000")), ("kr.", "12.500,50\u00a0kr.", Decimal("12500.50")),
    ("kr.", "-2.500 kr.", Decimal("-2500")),
    ("%", "2,8 %", Decimal("2.8")), ("%", "2,8%", Decimal("2.8")), ("%", "3 %", Decimal("3")),
    ("%", "3\u00a0%", Decimal("3")), ("%", "3\u202f%", Decimal("3")), ("%", "4,5 pct.", Decimal("4.5")),
    ("%", "\u22120,5 %", Decimal("-0.5")), ("%", "2,8", Decimal("2.8")),
    ("kWh", "1.000.000 kWh", Decimal("1000000")), ("kWh", "870.000kwh", Decimal("870000")),
    ("graddage", "2.900 graddage", Decimal("2900")),
    ("kr. pr. kWh", "0,80 kr. pr. kWh", Decimal("0.80")), ("kr. pr. kWh", "0,80 kr/kWh", Decimal("0.80")),
    ("kr. pr. kWh", "0,80 kr.", Decimal("0.80")),
    ("ton CO₂e", "420 ton CO₂e", Decimal("420")), ("ton CO₂e", "420 ton CO2e", Decimal("420")),
    ("ton CO₂e", "420 ton", Decimal("420")),
    ("år", "30 år", Decimal("30")),
    ("m³", "800 m³", Decimal("800")), ("m³", "800 m3", Decimal("800")),   # a unit the user chose
])
def test_tal_med_feltets_enhed(enhed, tekst, forventet):
    assert parse_dansk_tal(tekst, enhed) == forventet


@pytest.mark.parametrize("enhed,tekst,skrevet", [
    ("kr.", "3 %", "%"), ("kr.", "3%", "%"), ("%", "2 kr.", "kr."), ("%", "2,8 kWh", "kWh"),
    ("", "12 kr.", "kr."), ("", "2026 %", "%"), ("kWh", "200.000 MWh", "MWh"), ("ton CO₂e", "420 kg", "kg"),
    ("kr. pr. kWh", "0,80 %", "%"), ("graddage", "2.900 kWh", "kWh"),
])
def test_forkert_enhed_afvises(enhed, tekst, skrevet):
    with pytest.raises(Enhedsfejl) as e:
        parse_dansk_tal(tekst, enhed)
    assert e.value.skrevet == skrevet


@pytest.mark.parametrize("tekst", ["tre hundrede", "kr. 1.000", "1,2,3 %", "1.25.000 kr.", "% 3", "1e5 kr."])
def test_ulaeseligt_med_enhed_er_none(tekst):
    assert parse_dansk_tal(tekst, "kr.") is None


def test_skriveformer_er_hintets_ord():
    assert skriveformer("%", "2,8") == "fx 2,8 eller 2,8\u00a0%"
    assert skriveformer("kr.", "1.900.000") == "fx 1.900.000 eller 1.900.000\u00a0kr."
    assert skriveformer("", "2026") == "fx 2026"
    # Every form a hint lists is one the parser reads, in that field.
    for enhed in ENHEDER:
        for form in skriveformer(enhed, "2,8").removeprefix("fx ").split(" eller "):
            assert parse_dansk_tal(form, enhed) == Decimal("2.8"), (enhed, form)


@pytest.mark.parametrize("metode,kw,enhed,eksempel", [
    ("beloeb", {}, "kr.", "250.000"),
    ("tal", {"enhed": "%"}, "%", "2,5"),
    ("heltal", {"enhed": "år"}, "år", "40"),
    ("tal", {}, "", "2,5"),
])
def test_laeseren_i_formularen(metode, kw, enhed, eksempel):
    """In form mode each reader takes its unit after the number, and names the field and the forms when the
    unit is wrong; the JSON interface (no form) reads numbers only, as before."""
    l = Laeser({"x": f"12 {enhed}".strip()}, formular=True)
    assert getattr(l, metode)("x", "feltet", **kw) == 12
    forkert = "kWh" if enhed != "kWh" else "%"
    l = Laeser({"x": f"12 {forkert}"}, formular=True)
    assert getattr(l, metode)("x", "feltet", **kw) is None
    i = {"kr.": "i kroner", "%": "i procent", "år": "i hele år", "": "som et tal uden enhed"}[enhed]
    assert [(f.felt, f.besked) for f in l.fejl] == [
        ("x", f"Feltet skrives {i}, så »{forkert}« passer ikke. Skriv {skriveformer(enhed, eksempel)}.")]
    l = Laeser({"x": f"12 {enhed}".strip()}, formular=False)
    assert getattr(l, metode)("x", "feltet", **kw) is None and "som et tal" in l.fejl[0].besked


@pytest.mark.parametrize("navn,sti,enhed,tekst", [
    ("noegletal", ("beloeb_kr",), "kr.", "2.400.000 kr."),
    ("budgettjek", ("klimagevinst_ton_co2e",), "ton CO₂e", "420 ton CO₂e"),
    ("groen_garanti", ("graddageuafhaengig_andel_pct",), "%", "20 %"),
    ("merinvestering", ("kalkulationsrente_pct",), "%", "2,8 %"),
    ("merinvestering", ("energibesparelser", 0, "maengde_aar"), "kWh", "95.000 kWh"),
])
def test_hver_beregner_tager_enheden(navn, sti, enhed, tekst):
    """Each calculator reads its fields through the one parser: the unit form gives the same answer as the
    bare number, and a wrong unit a message at that field."""
    data = json.loads(json.dumps(calculators.modul(navn).EKSEMPEL))
    inde = data
    for trin in sti[:-1]:
        inde = inde[trin]
    bar = tekst.removesuffix(enhed).strip()
    inde[sti[-1]] = bar
    uden = calculators.run(navn, data, formular=True)
    inde[sti[-1]] = tekst
    med = calculators.run(navn, data, formular=True)
    assert "fejl" not in med and med == uden
    inde[sti[-1]] = bar + " kWh" if enhed != "kWh" else bar + " %"
    felt = "".join(f"[{t}]" if isinstance(t, int) else (f".{t}" if i else t) for i, t in enumerate(sti))
    fejl = calculators.run(navn, data, formular=True)["fejl"]
    assert [f["felt"] for f in fejl] == [felt] and "passer ikke" in fejl[0]["besked"]

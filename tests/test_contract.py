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
from calculators._contract import parse_dansk_tal

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
    ("-12,5", Decimal("-12.5")), ("250 000 kr.", Decimal("250000")), ("12kr", Decimal("12")),
    ("1,2,3", None), ("1.25.000", None), ("abc", None), ("", None), ("1e5", None),
])
def test_danske_tal(tekst, forventet):
    assert parse_dansk_tal(tekst) == forventet

"""The calculators contract holds for any input: never an exception, valid UTF-8 JSON out, Danish messages only.

Hypothesis mutates each calculator's worked example – one field, or one field of a row, replaced by a value of a
wrong type, a huge, tiny or non-finite number, odd Unicode, deep nesting or a huge array – and feeds it through
``calculators.run`` in JSON mode and in form mode (the browser's path), and raw bytes through the CLI
(``python -m calculators``, called in-process). The example counts are fixed below; ``make test`` prints the time.
"""

from __future__ import annotations

import io
import json
import re
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import calculators
from calculators.__main__ import main

NAVNE = list(calculators.BEREGNERE)
ENGELSK = re.compile(r"\b(?:Expecting|Traceback|[A-Za-z]*Error|[Ii]nvalid|column|NaN|Infinity|None|call stack|"
                     r"[Oo]verflow|math domain)\b")

tal = st.one_of(
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([10**4299, -(10**4299), 1e308, 5e-324, 0, -0.0]),
)
tekst = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["", " ", "١٢٣", "１２３", "1.250.000,50", "-99,99999999999999999999", "2,8 %", "1e400",
                     "NaN", "Infinity", "9" * 5000, "0x10", "1_000", "2014-05-01", "31.12.9999", "\u202e12",
                     "kr.", "ÆØÅ" * 300]),
)
skalar = st.one_of(st.none(), st.booleans(), tal, tekst)
json_vaerdi = st.recursive(skalar, lambda inde: st.one_of(st.lists(inde, max_size=4),
                                                          st.dictionaries(st.text(max_size=8), inde, max_size=4)),
                           max_leaves=12)
dybt = st.integers(min_value=1, max_value=60).map(lambda n: json.loads("[" * n + "]" * n))
afvigelse = st.one_of(json_vaerdi, dybt, st.just(list(range(5000))))


@st.composite
def muteret(draw, navn: str) -> dict:
    eksempel = calculators.modul(navn).EKSEMPEL
    data = json.loads(json.dumps(eksempel))
    noegle = draw(st.sampled_from(sorted(data)))
    vaerdi = data[noegle]
    if isinstance(vaerdi, list) and vaerdi and isinstance(vaerdi[0], dict) and draw(st.booleans()):
        raekke = draw(st.integers(min_value=0, max_value=len(vaerdi) - 1))
        felt = draw(st.sampled_from(sorted(vaerdi[raekke])))
        vaerdi[raekke][felt] = draw(afvigelse)
    elif draw(st.booleans()):
        data[noegle] = draw(afvigelse)
    else:
        data[draw(st.text(min_size=1, max_size=8))] = draw(afvigelse)
    return data


def _tjek_svar(svar: dict) -> None:
    assert isinstance(svar, dict)
    json.dumps(svar, ensure_ascii=False, allow_nan=False).encode("utf-8")   # valid, strict UTF-8 JSON
    if "fejl" in svar:
        assert svar["fejl"], "an error answer lists its errors"
        for f in svar["fejl"]:
            assert set(f) == {"felt", "besked"} and isinstance(f["felt"], str)
            egen_tekst = re.sub(r"»[^«]*«", "", f["besked"])      # the user's own key or text, echoed
            assert f["besked"] and not ENGELSK.search(egen_tekst), f


INDSTILLINGER = settings(max_examples=250, deadline=None, suppress_health_check=list(HealthCheck))


@pytest.mark.parametrize("formular", [False, True], ids=["json", "formular"])
@pytest.mark.parametrize("navn", NAVNE)
def test_run_holder_kontrakten(navn, formular):
    @INDSTILLINGER
    @given(data=muteret(navn))
    def egenskab(data):
        _tjek_svar(calculators.run(navn, data, formular=formular))
    egenskab()


def _cli(navn: str, stdin: bytes) -> tuple[int, bytes]:
    ud = io.BytesIO()
    gammel = sys.stdin, sys.stdout
    ind_tekst = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")   # a strict UTF-8 stdin, as on a Danish desktop
    ud_tekst = io.TextIOWrapper(ud, encoding="utf-8")
    sys.stdin, sys.stdout = ind_tekst, ud_tekst
    try:
        kode = main([navn])
        ud_tekst.flush()
    finally:
        sys.stdin, sys.stdout = gammel
    svar = ud.getvalue()
    ud_tekst.detach()
    return kode, svar


raa_bytes = st.one_of(
    st.binary(max_size=200),
    st.text(max_size=60).map(lambda t: t.encode("utf-16")),
    st.just(b'{"x": "\\ud800"}'), st.just(b'{"\\udfff": 1}'), st.just(b"\xef\xbb\xbf{}"),
    st.just(b"[" * 100_000), st.just(b'{"beloeb_kr": ' + b"9" * 5000 + b"}"),
)


@pytest.mark.parametrize("navn", NAVNE)
def test_cli_svarer_paa_alle_bytes(navn):
    @INDSTILLINGER
    @given(stdin=st.one_of(raa_bytes, muteret(navn).map(lambda d: json.dumps(d).encode())))
    def egenskab(stdin):
        kode, ud = _cli(navn, stdin)
        assert kode in (0, 2)
        _tjek_svar(json.loads(ud.decode("utf-8")))
    egenskab()


@pytest.mark.parametrize("stdin,besked", [
    (b"\xff\xfe{\x00}\x00", "UTF-8"),
    (b'{"x": "\\ud800"}', "ugyldigt tegn"),
    (b'{"beloeb_kr": ' + b"9" * 5000 + b"}", "for mange cifre"),
    (b"[" * 100_000 + b"]" * 100_000, "for dybt"),
])
def test_cli_kendte_huller_er_lukket(stdin, besked):
    kode, ud = _cli("noegletal", stdin)
    assert kode == 2 and besked in json.loads(ud)["fejl"][0]["besked"]


def test_bom_godtages_som_paa_siden():
    kode, ud = _cli("noegletal", b"\xef\xbb\xbf" + json.dumps(calculators.modul("noegletal").EKSEMPEL).encode())
    assert kode == 0 and "omfattet" in json.loads(ud)


@pytest.mark.parametrize("vaerdi", ["١٢٣", "１２３"])
def test_kun_ascii_cifre_i_formularen(vaerdi):
    data = {**calculators.modul("noegletal").EKSEMPEL, "beloeb_kr": vaerdi}
    svar = calculators.run("noegletal", data, formular=True)
    assert [f["felt"] for f in svar["fejl"]] == ["beloeb_kr"]


def test_kalkulationsrente_med_mange_cifre_giver_en_besked():
    data = {**calculators.modul("merinvestering").EKSEMPEL, "kalkulationsrente_pct": "-99,99999999999999999999"}
    svar = calculators.run("merinvestering", data, formular=True)
    assert [f["felt"] for f in svar["fejl"]] == ["kalkulationsrente_pct"]
    assert "for mange cifre" in svar["fejl"][0]["besked"]


def test_beloeb_over_graensen_afvises_paa_feltet():
    eks = calculators.modul("budgettjek").EKSEMPEL
    poster = [dict(p) for p in eks["poster"]]
    poster[1]["beloeb_kr"] = 99_999_999_999_999.99
    svar = calculators.run("budgettjek", {**eks, "poster": poster})
    assert [f["felt"] for f in svar["fejl"]] == ["poster[1].beloeb_kr"]


@pytest.mark.parametrize("navn,sti,vaerdi,felt", [
    ("groen_garanti", ("baseline_forbrug_kwh",), 9.9e14, "baseline_forbrug_kwh"),
    ("merinvestering", ("energibesparelser", 0, "pris_kr_pr_enhed"), 9e13, "energibesparelser[0].pris_kr_pr_enhed"),
    ("merinvestering", ("energibesparelser", 0, "maengde_aar"), 9e13, "energibesparelser[0].maengde_aar"),
])
def test_det_rigtige_felt_faar_skylden(navn, sti, vaerdi, felt):
    data = json.loads(json.dumps(calculators.modul(navn).EKSEMPEL))
    inde = data
    for trin in sti[:-1]:
        inde = inde[trin]
    inde[sti[-1]] = vaerdi
    assert [f["felt"] for f in calculators.run(navn, data)["fejl"]] == [felt]

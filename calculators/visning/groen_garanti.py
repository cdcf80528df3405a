"""The Grøn garanti result: conclusions first, then two charts, then the yearly table.

Both charts are inline SVG with ``role="img"``, a ``<title>``/``<desc>`` named by
``aria-labelledby`` and a caption pointing to the table, which is their text alternative.
Colour is never the only cue: every series has its own fill pattern and a legend in words.

Every element id starts with the caller's ``idprefiks`` (by default one derived from the result), so
that a worked example and a live result can stand on the same page without clashing ids.

>>> from calculators import beregn
>>> from calculators.groen_garanti import EKSEMPEL
>>> side = html(beregn("groen_garanti", EKSEMPEL), idprefiks="eks")
>>> side.count('role="img"'), side.count("<svg"), 'id="eks-tabel"' in side
(2, 2, True)
>>> side.index("Den beregnede besparelse") < side.index("<svg") < side.index("<table")
True
"""

from __future__ import annotations

import math
from decimal import Decimal

from .._contract import til_json
from .._format import kr, tal
from ..groen_garanti import Resultat
from ._html import Html, celle, fragment, h, kilde, liste, rulleomraade, standard_idprefiks, trin, udfald
from ._regler import regelgrundlag_html
from ._typet import som_resultat

__all__ = ["html"]

# Series: (css modifier, legend text, pattern). Dark colours (contrast > 4.5:1 on white);
# the patterns carry the distinction on their own, also in print and forced colours.
_BEREGNET = ("beregnet", "Beregnet besparelse", "skraa", "#1a4d80")
_OPNAAET = ("opnaaet", "Opnået besparelse (normaliseret)", "fuld", "#2b6a3f")
_DAEKNING = (
    ("daekket_selvrisiko_kr", "selvrisiko", "Selvrisiko", "skraa", "#8a4b00"),
    ("daekket_leverandoer_kr", "leverandoer", "Leverandør/rådgiver", "prik", "#5b2a86"),
    ("daekket_fond_kr", "fond", "Landsbyggefonden", "fuld", "#1a4d80"),
)

_B, _H = 640, 300          # drawing size (viewBox units)
_V, _O, _N = 78, 60, 36    # left, top and bottom margins: axis labels, legend, year labels
_TEKST = "#1a1a1a"


def html(resultat: Resultat | dict, *, idprefiks: str | None = None) -> Html:
    """The result as an HTML fragment; every id in it starts with ``idprefiks``."""
    r = som_resultat(Resultat, resultat)
    p = idprefiks or standard_idprefiks("gg", til_json(r))
    t = r.total
    tabel_id = f"{p}-tabel"
    dele: list[object] = [
        udfald(t.aar_med_manko == 0, r.konklusion),
        h("h3", {}, "År for år"),
        liste(r.konklusioner, klasse="lbf-konklusioner"),
        h("h3", {}, "Beregnet og opnået besparelse"),
        _besparelsesgraf(r, p, tabel_id),
        h("h3", {}, "Hvem dækker manko?"),
        _daekningsgraf(r, p, tabel_id) if any(a.manko_kr > 0 for a in r.aar)
        else h("p", {}, "Der er ingen manko i kroner i nogen af årene, så der er intet at dække."),
        _tabel(r, tabel_id),
        h("h3", {}, "Sådan er det beregnet"),
        h("p", {}, "Forbruget omregnes til et normalår med formlen ", h("code", {}, r.normalisering),
          f". Baselinen er normaliseret med faktoren {tal(r.baseline_normaliseringsfaktor)}. "
          "Normaliserede tal er afrundet til hele kWh, og manko i kroner til hele øre."),
        kilde(r.normalisering_kilde),
        h("p", {}, f"Garantien løber i højst {r.maks_aar} år."),
        kilde(r.maks_aar_kilde),
        h("h3", {}, "Husk"),
        liste(r.bemaerkninger),
        kilde(r.kilde),
        regelgrundlag_html(r.regelgrundlag, beregnet_paa=r.ansoegningsdato, datotekst="ansøgningsdatoen"),
    ]
    return fragment(dele, sep="\n")


# -- helpers -------------------------------------------------------------------------------
def _kwh(x: Decimal) -> str:
    return tal(x) + "\u00a0kWh"


def _kr_tal(x: Decimal) -> str:
    """Kroner without the unit, for table columns whose heading names it."""
    return kr(x).removesuffix("\u00a0kr.")


def _akse(lav: float, hoej: float) -> tuple[float, float, list[float]]:
    """Axis bounds rounded out to whole steps, always including zero, and the ticks."""
    lav, hoej = min(lav, 0.0), max(hoej, 0.0)
    if hoej == lav:
        hoej = lav + 1
    skridt = trin(hoej - lav)
    a, b = math.floor(lav / skridt) * skridt, math.ceil(hoej / skridt) * skridt
    n = round((b - a) / skridt)
    return a, b, [round(a + i * skridt, 10) for i in range(n + 1)]


def _moenstre(p: str, serier) -> Html:
    """One SVG pattern per series: hatched, dotted or solid, in the series' colour."""
    ud = []
    for modifier, monster, farve in serier:
        pid = f"{p}-m-{modifier}"
        if monster == "skraa":
            ud.append(h("pattern", {"id": pid, "width": 8, "height": 8, "patternUnits": "userSpaceOnUse",
                                    "patternTransform": "rotate(45)"},
                        h("rect", {"width": 8, "height": 8, "fill": "#ffffff"}),
                        h("rect", {"width": 3, "height": 8, "fill": farve})))
        elif monster == "prik":
            ud.append(h("pattern", {"id": pid, "width": 7, "height": 7, "patternUnits": "userSpaceOnUse"},
                        h("rect", {"width": 7, "height": 7, "fill": "#ffffff"}),
                        h("circle", {"cx": 3.5, "cy": 3.5, "r": 2, "fill": farve})))
        else:
            ud.append(h("pattern", {"id": pid, "width": 4, "height": 4, "patternUnits": "userSpaceOnUse"},
                        h("rect", {"width": 4, "height": 4, "fill": farve})))
    return h("defs", {}, ud)


def _forklaring(p: str, serier) -> Html:
    """The legend: a patterned swatch and the series' name in words."""
    ud: list[Html] = []
    x: float = _V
    for modifier, tekst, farve in serier:
        ud.append(h("rect", {"x": x, "y": 10, "width": 16, "height": 16, "fill": f"url(#{p}-m-{modifier})",
                             "stroke": farve, "stroke-width": 1.5}))
        ud.append(h("text", {"x": x + 22, "y": 23, "font-size": 13, "fill": _TEKST}, tekst))
        x += 30 + 7.2 * len(tekst)
    return fragment(ud)


def _ramme(p: str, navn: str, titel: str, beskrivelse: str, indhold: Html, tabel_id: str) -> Html:
    tid, did = f"{p}-{navn}-titel", f"{p}-{navn}-beskrivelse"
    return h("figure", {"class": "lbf-graf"},
             h("svg", {"xmlns": "http://www.w3.org/2000/svg", "viewBox": f"0 0 {_B} {_H}", "width": "100%",
                       "role": "img", "aria-labelledby": f"{tid} {did}", "class": "lbf-graf__svg"},
               h("title", {"id": tid}, titel), h("desc", {"id": did}, beskrivelse), indhold),
             h("figcaption", {}, f"{titel}. Tallene står i ", h("a", {"href": f"#{tabel_id}"}, "tabellen nedenfor"),
               "."))


def _y_akse(lav: float, hoej: float, ticks: list[float], enhed: str):
    """Gridlines with labels; returns the SVG and a value -> y function."""
    bund, top = _H - _N, _O

    def y(v: float) -> float:
        return round(bund - (v - lav) / (hoej - lav) * (bund - top), 2)

    ud = [h("text", {"x": 4, "y": top - 16, "font-size": 12, "fill": _TEKST}, enhed)]
    for v in ticks:
        ud.append(h("line", {"x1": _V, "x2": _B - 8, "y1": y(v), "y2": y(v),
                             "stroke": "#1a1a1a" if v == 0 else "#c8c8c8", "stroke-width": 1}))
        ud.append(h("text", {"x": _V - 6, "y": y(v) + 4, "font-size": 12, "text-anchor": "end", "fill": _TEKST},
                    tal(v)))
    return fragment(ud), y


def _kolonner(n: int) -> tuple[float, float]:
    """The width of one year's slot on the x axis, and where the first slot starts."""
    return (_B - 8 - _V) / max(n, 1), _V


def _aarstekst(midt: float, aar: int) -> Html:
    return h("text", {"x": round(midt, 2), "y": _H - _N + 18, "font-size": 13, "text-anchor": "middle",
                      "fill": _TEKST}, f"År {aar}")


def _besparelsesgraf(r: Resultat, p: str, tabel_id: str) -> Html:
    aar = r.aar
    vaerdier = [float(a.beregnet_besparelse_kwh) for a in aar] + [float(a.opnaaet_besparelse_kwh) for a in aar]
    lav, hoej, ticks = _akse(min(vaerdier), max(vaerdier))
    gitter, y = _y_akse(lav, hoej, ticks, "kWh pr. år")
    bredde, start = _kolonner(len(aar))
    soejle = min(bredde * 0.34, 40)
    ud = [_moenstre(p, [(_BEREGNET[0], _BEREGNET[2], _BEREGNET[3]), (_OPNAAET[0], _OPNAAET[2], _OPNAAET[3])]),
          _forklaring(p, [(_BEREGNET[0], _BEREGNET[1], _BEREGNET[3]), (_OPNAAET[0], _OPNAAET[1], _OPNAAET[3])]),
          gitter]
    nul = y(0)
    for i, a in enumerate(aar):
        midt = start + bredde * (i + 0.5)
        for k, (serie, kwh) in enumerate(((_BEREGNET, a.beregnet_besparelse_kwh),
                                          (_OPNAAET, a.opnaaet_besparelse_kwh))):
            y0, y1 = sorted((nul, y(float(kwh))))
            x = midt - soejle - 1 + k * (soejle + 2)
            ud.append(h("rect", {"x": round(x, 2), "y": y0, "width": round(soejle, 2),
                                 "height": round(max(y1 - y0, 0.5), 2), "fill": f"url(#{p}-m-{serie[0]})",
                                 "stroke": serie[3], "stroke-width": 1.5, "class": f"lbf-graf__{serie[0]}"},
                        h("title", {}, f"År {a.aar}: {serie[1].lower()} {_kwh(kwh)}")))
        ud.append(_aarstekst(midt, a.aar))
    beskrivelse = "Søjlediagram med to søjler pr. år: " + "; ".join(
        f"år {a.aar}: beregnet {_kwh(a.beregnet_besparelse_kwh)}, opnået {_kwh(a.opnaaet_besparelse_kwh)}"
        for a in aar) + "."
    return _ramme(p, "besparelse", "Beregnet og opnået normaliseret besparelse pr. år",
                  beskrivelse, fragment(ud), tabel_id)


def _daekningsgraf(r: Resultat, p: str, tabel_id: str) -> Html:
    aar = r.aar
    lav, hoej, ticks = _akse(0.0, max(float(a.manko_kr) for a in aar))
    gitter, y = _y_akse(lav, hoej, ticks, "kr. pr. år")
    bredde, start = _kolonner(len(aar))
    soejle = min(bredde * 0.6, 64)
    ud = [_moenstre(p, [(m, mo, f) for _, m, _, mo, f in _DAEKNING]),
          _forklaring(p, [(m, t, f) for _, m, t, _, f in _DAEKNING]),
          gitter]
    for i, a in enumerate(aar):
        midt = start + bredde * (i + 0.5)
        x = round(midt - soejle / 2, 2)
        bund = 0.0
        for felt, modifier, tekst, _, farve in _DAEKNING:
            beloeb = getattr(a, felt)
            v = float(beloeb)
            if v <= 0:
                continue
            y_top, y_bund = y(bund + v), y(bund)
            ud.append(h("rect", {"x": x, "y": y_top, "width": round(soejle, 2),
                                 "height": round(max(y_bund - y_top, 0.5), 2), "fill": f"url(#{p}-m-{modifier})",
                                 "stroke": farve, "stroke-width": 1.5, "class": f"lbf-graf__{modifier}"},
                        h("title", {}, f"År {a.aar}: {tekst.lower()} dækker {kr(beloeb)}")))
            bund += v
        if float(a.manko_kr) <= 0:
            ud.append(h("text", {"x": round(midt, 2), "y": y(0) - 6, "font-size": 12, "text-anchor": "middle",
                                 "fill": _TEKST}, "ingen"))
        ud.append(_aarstekst(midt, a.aar))
    beskrivelse = "Stablet søjlediagram over, hvem der dækker manko i hvert år: " + "; ".join(
        (f"år {a.aar}: selvrisiko {kr(a.daekket_selvrisiko_kr)}, "
         f"leverandør/rådgiver {kr(a.daekket_leverandoer_kr)}, fonden {kr(a.daekket_fond_kr)}")
        if a.manko_kr > 0 else f"år {a.aar}: ingen manko"
        for a in aar) + "."
    return _ramme(p, "daekning", "Hvem dækker manko i hvert år", beskrivelse, fragment(ud), tabel_id)


_KOLONNER = (
    ("graddage", "Graddage", tal),
    ("normaliseringsfaktor", "Normaliserings\u00adfaktor", tal),
    ("forbrug_kwh", "Målt forbrug (kWh)", tal),
    ("normaliseret_forbrug_kwh", "Normaliseret forbrug (kWh)", tal),
    ("normaliseret_baseline_kwh", "Normaliseret baseline (kWh)", tal),
    ("beregnet_besparelse_kwh", "Beregnet besparelse (kWh)", tal),
    ("opnaaet_besparelse_kwh", "Opnået besparelse (kWh)", tal),
    ("manko_kwh", "Manko (kWh)", tal),
    ("manko_kr", "Manko (kr.)", _kr_tal),
    ("daekket_selvrisiko_kr", "Selvrisiko dækker (kr.)", _kr_tal),
    ("daekket_leverandoer_kr", "Leverandør/rådgiver dækker (kr.)", _kr_tal),
    ("daekket_fond_kr", "Fonden dækker (kr.)", _kr_tal),
)


def _tabel(r: Resultat, tabel_id: str) -> Html:
    cap = f"{tabel_id}-titel"
    raekker = [h("tr", {}, h("th", {"scope": "row"}, f"År {a.aar}"),
                 [celle("td", "lbf-tal", fmt(getattr(a, felt))) for felt, _, fmt in _KOLONNER])
               for a in r.aar]
    t = r.total
    total = h("tr", {}, h("th", {"scope": "row"}, f"I alt ({t.antal_aar} år)"),
              [celle("td", "lbf-tal", fmt(getattr(t, felt))) if hasattr(t, felt) else h("td")
               for felt, _, fmt in _KOLONNER])
    return rulleomraade("Opfølgning år for år", tabel_id, h("table", {"class": "lbf-tabel", "id": tabel_id},
               h("caption", {"id": cap}, "Opfølgning år for år"),
               h("thead", {}, h("tr", {}, h("th", {"scope": "col"}, "År"),
                                [h("th", {"scope": "col"}, navn) for _, navn, _ in _KOLONNER])),
               h("tbody", {}, raekker),
               h("tfoot", {}, total)))

"""The Grøn garanti result: conclusions first, then two charts, then the yearly table.

Both charts are inline SVG with ``role="img"``, a ``<title>``/``<desc>`` named by
``aria-labelledby`` and a caption pointing to the table, which is their text alternative.
Colour is never the only cue: every series has its own fill pattern and a legend in words.

Element ids carry a prefix (``idprefiks``; by default derived from the result), so that a
worked example and a live result can stand on the same page without clashing ids.

>>> from calculators import run
>>> from calculators.groen_garanti import EKSEMPEL
>>> h = html(run("groen_garanti", EKSEMPEL))
>>> h.count('role="img"'), h.count("<svg"), "<table" in h
(2, 2, True)
>>> h.index("Den beregnede besparelse") < h.index("<svg") < h.index("<table")
True
"""

from __future__ import annotations

import json
import math
from decimal import Decimal

from .._format import kr, tal
from ._html import element_id, esc, kilde, liste

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


def html(r: dict, *, idprefiks: str | None = None) -> str:
    """The result as an HTML fragment; every text is escaped."""
    p = idprefiks or element_id("gg", json.dumps(r, sort_keys=True))
    t = r["total"]
    tabel_id = f"{p}-tabel"
    dele = [
        f'<div class="lbf-udfald lbf-udfald--{"ja" if t["aar_med_manko"] == 0 else "nej"}">',
        f'<h3 class="lbf-udfald__titel">{esc(r["konklusion"])}</h3>',
        "</div>",
        "<h3>År for år</h3>",
        liste(r["konklusioner"], klasse="lbf-konklusioner"),
        "<h3>Beregnet og opnået besparelse</h3>",
        _besparelsesgraf(r, p, tabel_id),
        "<h3>Hvem dækker manko?</h3>",
    ]
    if any(_d(a["manko_kr"]) > 0 for a in r["aar"]):
        dele.append(_daekningsgraf(r, p, tabel_id))
    else:
        dele.append("<p>Der er ingen manko i kroner i nogen af årene, så der er intet at dække.</p>")
    dele += [
        _tabel(r, tabel_id),
        "<h3>Sådan er det beregnet</h3>",
        f"<p>Forbruget omregnes til et normalår med formlen <code>{esc(r['normalisering'])}</code>. "
        f"Baselinen er normaliseret med faktoren {esc(tal(_d(r['baseline_normaliseringsfaktor'])))}. "
        "Normaliserede tal er afrundet til hele kWh, og manko i kroner til hele øre.</p>",
        kilde(r["normalisering_kilde"]),
        f"<p>Garantien løber i højst {esc(r['maks_aar'])} år.</p>",
        kilde(r["maks_aar_kilde"]),
        "<h3>Husk</h3>",
        liste(r["bemaerkninger"]),
        kilde(r["kilde"]),
    ]
    return "\n".join(dele)


# -- helpers -------------------------------------------------------------------------------
def _d(x) -> Decimal:
    return x if isinstance(x, Decimal) else Decimal(str(x))


def _kwh(x) -> str:
    return tal(_d(x)) + "\u00a0kWh"


def _kr_tal(x) -> str:
    """Kroner without the unit, for table columns whose heading names it."""
    return kr(_d(x)).removesuffix("\u00a0kr.")


def _trin(spaend: float) -> float:
    """A round tick step giving about four to six ticks over ``spaend``."""
    if spaend <= 0:
        return 1.0
    grov = spaend / 5
    stoerrelse = 10 ** math.floor(math.log10(grov))
    for m in (1, 2, 2.5, 5, 10):
        if m * stoerrelse >= grov:
            return m * stoerrelse
    return 10 * stoerrelse  # pragma: no cover


def _akse(lav: float, hoej: float) -> tuple[float, float, list[float]]:
    """Axis bounds rounded out to whole steps, always including zero, and the ticks."""
    lav, hoej = min(lav, 0.0), max(hoej, 0.0)
    if hoej == lav:
        hoej = lav + 1
    trin = _trin(hoej - lav)
    a, b = math.floor(lav / trin) * trin, math.ceil(hoej / trin) * trin
    n = round((b - a) / trin)
    return a, b, [round(a + i * trin, 10) for i in range(n + 1)]


def _moenstre(p: str, serier) -> str:
    """One SVG pattern per series: hatched, dotted or solid, in the series' colour."""
    ud = []
    for modifier, monster, farve in serier:
        pid = f"{p}-m-{modifier}"
        if monster == "skraa":
            ud.append(f'<pattern id="{pid}" width="8" height="8" patternUnits="userSpaceOnUse" '
                      f'patternTransform="rotate(45)"><rect width="8" height="8" fill="#ffffff"/>'
                      f'<rect width="3" height="8" fill="{farve}"/></pattern>')
        elif monster == "prik":
            ud.append(f'<pattern id="{pid}" width="7" height="7" patternUnits="userSpaceOnUse">'
                      f'<rect width="7" height="7" fill="#ffffff"/>'
                      f'<circle cx="3.5" cy="3.5" r="2" fill="{farve}"/></pattern>')
        else:
            ud.append(f'<pattern id="{pid}" width="4" height="4" patternUnits="userSpaceOnUse">'
                      f'<rect width="4" height="4" fill="{farve}"/></pattern>')
    return "<defs>" + "".join(ud) + "</defs>"


def _forklaring(p: str, serier) -> str:
    """The legend: a patterned swatch and the series' name in words."""
    ud, x = [], _V
    for modifier, tekst, farve in serier:
        ud.append(f'<rect x="{x}" y="10" width="16" height="16" fill="url(#{p}-m-{modifier})" '
                  f'stroke="{farve}" stroke-width="1.5"/>'
                  f'<text x="{x + 22}" y="23" font-size="13" fill="{_TEKST}">{esc(tekst)}</text>')
        x += 30 + 7.2 * len(tekst)
    return "".join(ud)


def _ramme(p: str, navn: str, titel: str, beskrivelse: str, indhold: str, tabel_id: str) -> str:
    tid, did = f"{p}-{navn}-titel", f"{p}-{navn}-beskrivelse"
    return (f'<figure class="lbf-graf">'
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_B} {_H}" width="100%" '
            f'role="img" aria-labelledby="{tid} {did}" class="lbf-graf__svg">'
            f'<title id="{tid}">{esc(titel)}</title><desc id="{did}">{esc(beskrivelse)}</desc>'
            f'{indhold}</svg>'
            f'<figcaption>{esc(titel)}. Tallene står i <a href="#{esc(tabel_id)}">tabellen nedenfor</a>.'
            f'</figcaption></figure>')


def _y_akse(lav: float, hoej: float, ticks: list[float], enhed: str):
    """Gridlines with labels; returns the SVG and a value -> y function."""
    bund, top = _H - _N, _O

    def y(v: float) -> float:
        return round(bund - (v - lav) / (hoej - lav) * (bund - top), 2)

    ud = [f'<text x="4" y="{top - 16}" font-size="12" fill="{_TEKST}">{esc(enhed)}</text>']
    for v in ticks:
        ud.append(f'<line x1="{_V}" x2="{_B - 8}" y1="{y(v)}" y2="{y(v)}" '
                  f'stroke="{"#1a1a1a" if v == 0 else "#c8c8c8"}" stroke-width="1"/>'
                  f'<text x="{_V - 6}" y="{y(v) + 4}" font-size="12" text-anchor="end" '
                  f'fill="{_TEKST}">{esc(tal(_d(v)))}</text>')
    return "".join(ud), y


def _kolonner(n: int) -> tuple[float, float]:
    """The width of one year's slot on the x axis, and where the first slot starts."""
    return (_B - 8 - _V) / max(n, 1), _V


def _besparelsesgraf(r: dict, p: str, tabel_id: str) -> str:
    aar = r["aar"]
    vaerdier = [float(a["beregnet_besparelse_kwh"]) for a in aar] + \
               [float(a["opnaaet_besparelse_kwh"]) for a in aar]
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
        for k, (serie, felt) in enumerate(((_BEREGNET, "beregnet_besparelse_kwh"),
                                           (_OPNAAET, "opnaaet_besparelse_kwh"))):
            v = float(a[felt])
            y0, y1 = sorted((nul, y(v)))
            x = midt - soejle - 1 + k * (soejle + 2)
            ud.append(f'<rect x="{round(x, 2)}" y="{y0}" width="{round(soejle, 2)}" '
                      f'height="{round(max(y1 - y0, 0.5), 2)}" fill="url(#{p}-m-{serie[0]})" '
                      f'stroke="{serie[3]}" stroke-width="1.5" class="lbf-graf__{serie[0]}">'
                      f'<title>År {esc(a["aar"])}: {esc(serie[1].lower())} {esc(_kwh(a[felt]))}</title></rect>')
        ud.append(f'<text x="{round(midt, 2)}" y="{_H - _N + 18}" font-size="13" text-anchor="middle" '
                  f'fill="{_TEKST}">År {esc(a["aar"])}</text>')
    beskrivelse = "Søjlediagram med to søjler pr. år: " + "; ".join(
        f"år {a['aar']}: beregnet {_kwh(a['beregnet_besparelse_kwh'])}, opnået {_kwh(a['opnaaet_besparelse_kwh'])}"
        for a in aar) + "."
    return _ramme(p, "besparelse", "Beregnet og opnået normaliseret besparelse pr. år",
                  beskrivelse, "".join(ud), tabel_id)


def _daekningsgraf(r: dict, p: str, tabel_id: str) -> str:
    aar = r["aar"]
    lav, hoej, ticks = _akse(0.0, max(float(a["manko_kr"]) for a in aar))
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
            v = float(a[felt])
            if v <= 0:
                continue
            y_top, y_bund = y(bund + v), y(bund)
            ud.append(f'<rect x="{x}" y="{y_top}" width="{round(soejle, 2)}" '
                      f'height="{round(max(y_bund - y_top, 0.5), 2)}" fill="url(#{p}-m-{modifier})" '
                      f'stroke="{farve}" stroke-width="1.5" class="lbf-graf__{modifier}">'
                      f'<title>År {esc(a["aar"])}: {esc(tekst.lower())} dækker {esc(kr(_d(a[felt])))}</title></rect>')
            bund += v
        if float(a["manko_kr"]) <= 0:
            ud.append(f'<text x="{round(midt, 2)}" y="{y(0) - 6}" font-size="12" text-anchor="middle" '
                      f'fill="{_TEKST}">ingen</text>')
        ud.append(f'<text x="{round(midt, 2)}" y="{_H - _N + 18}" font-size="13" text-anchor="middle" '
                  f'fill="{_TEKST}">År {esc(a["aar"])}</text>')
    beskrivelse = "Stablet søjlediagram over, hvem der dækker manko i hvert år: " + "; ".join(
        (f"år {a['aar']}: selvrisiko {kr(_d(a['daekket_selvrisiko_kr']))}, "
         f"leverandør/rådgiver {kr(_d(a['daekket_leverandoer_kr']))}, fonden {kr(_d(a['daekket_fond_kr']))}")
        if _d(a["manko_kr"]) > 0 else f"år {a['aar']}: ingen manko"
        for a in aar) + "."
    return _ramme(p, "daekning", "Hvem dækker manko i hvert år", beskrivelse, "".join(ud), tabel_id)


_KOLONNER = (
    ("aar", "År", str),
    ("graddage", "Graddage", lambda v: tal(_d(v))),
    ("normaliseringsfaktor", "Normaliserings\u00adfaktor", lambda v: tal(_d(v))),
    ("forbrug_kwh", "Målt forbrug (kWh)", lambda v: tal(_d(v))),
    ("normaliseret_forbrug_kwh", "Normaliseret forbrug (kWh)", lambda v: tal(_d(v))),
    ("normaliseret_baseline_kwh", "Normaliseret baseline (kWh)", lambda v: tal(_d(v))),
    ("beregnet_besparelse_kwh", "Beregnet besparelse (kWh)", lambda v: tal(_d(v))),
    ("opnaaet_besparelse_kwh", "Opnået besparelse (kWh)", lambda v: tal(_d(v))),
    ("manko_kwh", "Manko (kWh)", lambda v: tal(_d(v))),
    ("manko_kr", "Manko (kr.)", _kr_tal),
    ("daekket_selvrisiko_kr", "Selvrisiko dækker (kr.)", _kr_tal),
    ("daekket_leverandoer_kr", "Leverandør/rådgiver dækker (kr.)", _kr_tal),
    ("daekket_fond_kr", "Fonden dækker (kr.)", _kr_tal),
)


def _tabel(r: dict, tabel_id: str) -> str:
    cap = f"{tabel_id}-titel"
    hoved = "".join(f'<th scope="col">{esc(navn)}</th>' for _, navn, _ in _KOLONNER)
    raekker = []
    for a in r["aar"]:
        celler = [f'<th scope="row">År {esc(a["aar"])}</th>'] + [
            f'<td class="lbf-tal">{esc(fmt(a[felt]))}</td>' for felt, _, fmt in _KOLONNER[1:]]
        raekker.append("<tr>" + "".join(celler) + "</tr>")
    t = r["total"]
    total = [f'<th scope="row">I alt ({esc(t["antal_aar"])} år)</th>'] + [
        f'<td class="lbf-tal">{esc(fmt(t[felt]))}</td>' if felt in t else "<td></td>"
        for felt, _, fmt in _KOLONNER[1:]]
    return (f'<div class="lbf-tabel-rulle" role="region" aria-labelledby="{esc(cap)}" tabindex="0">'
            f'<table class="lbf-tabel" id="{esc(tabel_id)}">'
            f'<caption id="{esc(cap)}">Opfølgning år for år</caption>'
            f"<thead><tr>{hoved}</tr></thead><tbody>{''.join(raekker)}</tbody>"
            f"<tfoot><tr>{''.join(total)}</tr></tfoot></table></div>")

"""Merinvestering alternatives side by side: a table (one column per alternative), a bar chart of the net present
values with the same figures as text, which assumption decides the order, and the rules used.

>>> from calculators.alternativer import sammenlign
>>> from calculators.merinvestering import EKSEMPEL
>>> s = sammenlign([("A", EKSEMPEL), ("B", {**EKSEMPEL, "kalkulationsrente_pct": "5"})])
>>> tekst = str(html(s, idprefiks="x"))
>>> "Sammenligning af alternativer" in tekst and 'id="x-alt-graf-t"' in tekst
True
"""

from __future__ import annotations

from .._format import kr
from ..alternativer import Sammenligning
from ._html import Html, fragment, h, rulleomraade, status_ikon
from ._regler import regelgrundlag_html

__all__ = ["html"]

_B, _RAEKKE, _V = 640, 34, 190


def html(s: Sammenligning, *, idprefiks: str) -> Html:
    """The comparison as an HTML fragment; every id starts with ``idprefiks``."""
    navne = [a.navn for a in s.alternativer]
    raekker: list[tuple[str, list[object]]] = [
        ("Merinvestering", [kr(a.merinvestering_kr) for a in s.alternativer]),
        ("Nettonutidsværdi", [kr(a.nettonutidsvaerdi_kr) for a in s.alternativer]),
        ("Betingelse 1: nutidsværdien", [status_ikon(a.betingelse_nutidsvaerdi_opfyldt) for a in s.alternativer]),
        ("Besparelse år 1", [kr(a.besparelse_foerste_aar_kr) for a in s.alternativer]),
        ("Beboerbetaling år 1", [kr(a.beboerbetaling_foerste_aar_kr) for a in s.alternativer]),
        ("Betingelse 2: besparelsen ved ibrugtagelse",
         [status_ikon(a.betingelse_beboerbetaling_opfyldt) for a in s.alternativer]),
        ("Totaløkonomisk rentabel", ["Ja" if a.rentabel else "Nej" for a in s.alternativer]),
        ("Egenbetaling efter § 13", [kr(a.noedvendig_egenbetaling_kr) for a in s.alternativer]),
    ]
    tabel = rulleomraade("Alternativerne side om side", idprefiks, h(
        "table", {"class": "lbf-tabel lbf-alternativer"},
        h("caption", {}, "Alternativerne side om side"),
        h("thead", {}, h("tr", {}, h("th", {"scope": "col"}, "Tal"),
                         [h("th", {"scope": "col", "class": "lbf-tal"}, n) for n in navne])),
        h("tbody", {}, [h("tr", {}, h("th", {"scope": "row"}, r), [h("td", {"class": "lbf-tal"}, c) for c in celler])
                        for r, celler in raekker])))
    if s.afgoerende is None:
        afgoer = (f"»{s.bedste}« har den højeste nettonutidsværdi, og det ændrer sig ikke ved nogen af de afprøvede "
                  f"ændringer af forudsætningerne ({_opremsning(s.varianter).lower()}).")
    else:
        afgoer = (f"»{s.bedste}« har den højeste nettonutidsværdi med jeres forudsætninger. Men rækkefølgen afhænger "
                  f"af forudsætningerne: med {s.afgoerende.variant[0].lower()}{s.afgoerende.variant[1:]} er det "
                  f"»{s.afgoerende.bedste}«, der har den højeste nettonutidsværdi.")
    return fragment(
        h("h3", {}, "Sammenligning af alternativer"),
        h("p", {"class": "lbf-alternativer__konklusion"}, afgoer),
        _graf(s, f"{idprefiks}-alt-graf"),
        tabel,
        h("p", {}, "Hvert alternativ er regnet for sig med sine egne tal. Konklusionen for hvert alternativ står i "
                   "dets egen beregning."),
        regelgrundlag_html(s.regelgrundlag),
        sep="\n")


def _graf(s: Sammenligning, uid: str) -> Html:
    """Horizontal bars of the net present values (negative to the left of the zero line)."""
    v = [float(a.nettonutidsvaerdi_kr) for a in s.alternativer]
    lo, hi = min(0.0, *v), max(0.0, *v)
    spaend = (hi - lo) or 1.0
    bredde = _B - _V - 20
    hoejde = _RAEKKE * len(v) + 20

    def x(t: float) -> float:
        return round(_V + bredde * (t - lo) / spaend, 1)

    beskriv = "; ".join(f"{a.navn}: {kr(a.nettonutidsvaerdi_kr)}" for a in s.alternativer)
    bjaelker = []
    for i, (a, t) in enumerate(zip(s.alternativer, v, strict=True)):
        y = 10 + i * _RAEKKE
        x0, x1 = sorted((x(0.0), x(t)))
        bjaelker += [
            h("text", {"x": _V - 8, "y": y + 17, "text-anchor": "end"}, a.navn[:28]),
            h("rect", {"x": x0, "y": y + 4, "width": max(round(x1 - x0, 1), 1), "height": 18,
                       "class": "lbf-graf__pos" if t >= 0 else "lbf-graf__neg"}),
        ]
    return h("figure", {"class": "lbf-graf"},
             h("svg", {"class": "lbf-graf__svg", "role": "img", "aria-labelledby": f"{uid}-t {uid}-d",
                       "viewBox": f"0 0 {_B} {hoejde}", "width": "100%", "xmlns": "http://www.w3.org/2000/svg",
                       "font-size": 12, "fill": "currentColor"},
               h("title", {"id": f"{uid}-t"}, "Nettonutidsværdi pr. alternativ"),
               h("desc", {"id": f"{uid}-d"}, beskriv),
               h("line", {"x1": x(0.0), "x2": x(0.0), "y1": 4, "y2": hoejde - 4, "stroke": "currentColor"}),
               bjaelker),
             h("figcaption", {}, f"Nettonutidsværdi pr. alternativ: {beskriv}"))


def _opremsning(dele: tuple[str, ...]) -> str:
    return ", ".join(dele[:-1]) + (" og " + dele[-1] if len(dele) > 1 else "".join(dele))

"""The merinvestering result: verdict, the two conditions, § 11/§ 13, chart, tables, and a CSV.

When the residual value (the site's convention, not the BEK's) is counted, the verdict, condition 1,
the § 13 amount and the present values are also shown without it, side by side.

``html(result, idprefiks=...)`` renders the typed result of :func:`calculators.beregn` ("merinvestering");
the chart's ids start with ``idprefiks``. ``csv(result)`` gives the yearly table for "Download beregning"
(semicolon separated, decimal comma, no thousands separator, so that a Danish spreadsheet reads the
numbers as numbers).

>>> from calculators import beregn
>>> from calculators.merinvestering import EKSEMPEL
>>> r = beregn("merinvestering", EKSEMPEL)
>>> html(r).startswith('<div class="lbf-udfald lbf-udfald--ja">')
True
>>> 'aria-labelledby="x-graf-t x-graf-d"' in html(r, idprefiks="x")
True
>>> csv(r).splitlines()[1]
'0;;;;;-1170000,00;-1170000,00;-1170000,00'
"""

from __future__ import annotations

import csv as _csv
import io
import math
from collections.abc import Sequence
from decimal import Decimal

from .._contract import til_json
from .._format import kr, pct, pct_som_angivet, tal, tal_som_angivet
from ..merinvestering import Resultat
from ._html import (
    Html,
    celle,
    fragment,
    h,
    kilde,
    kildetekst,
    liste,
    rulleomraade,
    standard_idprefiks,
    status_ikon,
    trin,
    udfald,
)
from ._regler import regelgrundlag_html
from ._typet import som_resultat

__all__ = ["html", "csv"]


def html(resultat: Resultat | dict, *, idprefiks: str | None = None) -> Html:
    """The result as an HTML fragment; every id in it starts with ``idprefiks``."""
    r = som_resultat(Resultat, resultat)
    p = idprefiks or standard_idprefiks("lbf-mi", til_json(r))
    n = r.periode_aar
    dele: list[object] = [
        udfald(r.rentabel, r.konklusion),
        h("h3", {}, "Betingelserne for totaløkonomisk rentabilitet"),
        h("ul", {"class": "lbf-tjekliste"}, "\n",
          h("li", {}, status_ikon(r.betingelse_nutidsvaerdi_opfyldt), " ",
            h("strong", {}, f"1. Nutidsværdi over {n} år:"), " ", _tekst_nutidsvaerdi(r),
            kilde(r.kilder.betingelse_nutidsvaerdi)), "\n",
          h("li", {}, status_ikon(r.betingelse_beboerbetaling_opfyldt), " ",
            h("strong", {}, "2. Besparelse ved ibrugtagelse:"), " ", _tekst_beboerbetaling(r),
            kilde(r.kilder.betingelse_beboerbetaling)), "\n"),
    ]
    if not r.rentabel or not r.uden_restvaerdi.rentabel:
        dele.append(_egenbetaling(r))
    dele += [_nutidsvaerdier(r, p), _graf(r, f"{p}-graf"), _aarstabel(r, p), _foelsomhed(r, p), _inddata(r, p)]
    if r.bemaerkninger:
        dele += [h("h3", {}, "Bemærk"), liste(r.bemaerkninger)]
    dele.append(h("details", {"class": "lbf-konventioner"}, h("summary", {}, "Sådan er der regnet"), "\n",
                  h("ol", {}, "\n", [(h("li", {}, k), "\n") for k in r.konventioner]), "\n"))
    dele.append(regelgrundlag_html(r.regelgrundlag, beregnet_paa=r.beregningsdato))
    return fragment(dele, sep="\n")


# -- texts ------------------------------------------------------------------------------------
def _sammen(forskel: Decimal) -> str:
    return (f"Besparelserne er {kr(forskel)} større." if forskel > 0 else
            "De er lige store." if forskel == 0 else f"Besparelserne er {kr(-forskel)} mindre.")


def _opfyldt(ja: bool) -> str:
    return "opfyldt" if ja else "ikke opfyldt"


def _tekst_nutidsvaerdi(r: Resultat) -> str:
    rest = ", fratrukket restværdien (sidens egen konvention)," if r.medregn_restvaerdi else ""
    tekst = (f"Nutidsværdien af energibesparelserne over {r.periode_aar} år er "
             f"{kr(r.nutidsvaerdi_besparelser_kr)} Nutidsværdien af merinvesteringen inkl. "
             f"reinvesteringer og ændret drift{rest} er {kr(r.nutidsvaerdi_omkostninger_kr)} "
             f"{_sammen(r.nettonutidsvaerdi_kr)} "
             f"Betingelsen er {_opfyldt(r.betingelse_nutidsvaerdi_opfyldt)}.")
    if r.medregn_restvaerdi:
        u = r.uden_restvaerdi
        tekst += (f" Uden restværdien, som bekendtgørelsen ikke nævner, er nutidsværdien af merinvesteringen inkl. "
                  f"reinvesteringer og ændret drift {kr(u.nutidsvaerdi_omkostninger_kr)} "
                  f"{_sammen(u.nettonutidsvaerdi_kr)} Så er betingelsen "
                  f"{_opfyldt(u.betingelse_nutidsvaerdi_opfyldt)}.")
    return tekst


def _tekst_beboerbetaling(r: Resultat) -> str:
    return (f"Besparelsen det første år er {kr(r.besparelse_foerste_aar_kr)} Beboernes betaling er "
            f"{pct_som_angivet(r.beboerbetalingsprocent)} af merinvesteringen på {kr(r.merinvestering_kr)}, "
            f"dvs. {kr(r.beboerbetaling_foerste_aar_kr)} det første år. Betingelsen er "
            f"{_opfyldt(r.betingelse_beboerbetaling_opfyldt)}.")


#: What § 11 and § 13 say, and when each applies (BEK nr. 314, l. 89–90 and 106–107).
_PARAGRAF_11_13 = ("Før byggeriet påbegyndes (skema B), er det en forudsætning for kommunalbestyrelsens "
                   "godkendelse, at merinvesteringen er totaløkonomisk rentabel (§ 11). § 13 gælder den endelige "
                   "opgørelse ved byggeregnskabet (skema C): er den beregnede totaløkonomi ikke rentabel, afholder "
                   "den almene boligorganisation »så stor en del af merinvesteringen, at rentabiliteten opnås«.")


def _egen_del(m: Decimal, egen: Decimal, kan: bool, oevrige: Decimal, pv_s: Decimal, rest: bool) -> str:
    if kan and egen == 0:
        return "Ingen egenbetaling: merinvesteringen er totaløkonomisk rentabel."
    if kan:
        return (f"Boligorganisationen skal afholde {kr(egen)} af merinvesteringen på {kr(m)} – det mindste "
                f"beløb, der får begge betingelser opfyldt, når det trækkes fra merinvesteringen ved "
                f"ibrugtagelsen.")
    return (f"Heller ikke hvis boligorganisationen afholder hele merinvesteringen på {kr(m)}, bliver den "
            f"rentabel: nutidsværdien af reinvesteringer og ændret drift"
            f"{', fratrukket restværdien,' if rest else ''} er {kr(oevrige)} og dermed større "
            f"end nutidsværdien af besparelserne på {kr(pv_s)} Se på foranstaltningerne igen.")


def _egenbetaling(r: Resultat) -> Html:
    """The § 13 section: when § 11 and § 13 apply, then the amount (with and without residual value)."""
    m, pv_s = r.merinvestering_kr, r.nutidsvaerdi_besparelser_kr
    med = _egen_del(m, r.noedvendig_egenbetaling_kr, r.rentabel_med_egenbetaling,
                    r.nutidsvaerdi_omkostninger_kr - m, pv_s, r.medregn_restvaerdi)
    dele = [h("h3", {}, "Boligorganisationens egenbetaling (§ 13)"), h("p", {}, _PARAGRAF_11_13)]
    if not r.medregn_restvaerdi:
        dele.append(h("p", {}, med))
    else:
        u = r.uden_restvaerdi
        uden = _egen_del(m, u.noedvendig_egenbetaling_kr, u.rentabel_med_egenbetaling,
                         u.nutidsvaerdi_omkostninger_kr - m, pv_s, False)
        dele.append(liste([f"Med restværdien (sidens egen konvention): {med}",
                           f"Uden restværdien (bekendtgørelsen nævner ingen restværdi): {uden}"]))
    return fragment(dele, kilde(r.kilder.egenbetaling), sep="\n")


# -- tables -----------------------------------------------------------------------------------
def _tabel(hoved: Sequence[str], raekker: Sequence[Sequence[object]], *, p: str, navn: str,
           klasse: str = "lbf-tabel", tal_fra: int = 1, titel: str = "") -> Html:
    """A table with a row heading first in every row; columns from ``tal_fra`` are numbers. It scrolls in its
    own region named ``navn`` (see :func:`rulleomraade`)."""
    def k(i: int) -> str | None:
        return "lbf-tal" if i >= tal_fra else None

    return rulleomraade(navn, p, h(
        "table", {"class": klasse},
        h("caption", {}, titel) if titel else None,
        h("thead", {}, h("tr", {}, [h("th", {"scope": "col", "class": k(i)}, c) for i, c in enumerate(hoved)])),
        h("tbody", {}, [h("tr", {}, h("th", {"scope": "row"}, rk[0]),
                          [celle("td", k(i), c) for i, c in enumerate(rk[1:], 1)]) for rk in raekker])))


def _ja_nej(x: bool | None) -> str:
    return "Ja" if x else "Nej"


def _nutidsvaerdier(r: Resultat, p: str) -> Html:
    tb = r.tilbagebetalingstid_aar
    tilbage = f"{tal(tb)} år" if tb is not None else "Ingen besparelse"
    tb_navn = "Simpel tilbagebetalingstid (merinvestering / besparelse år 1)"
    if not r.medregn_restvaerdi:
        rk: list[list[object]] = [
            ["Merinvestering ved ibrugtagelse (år 0)", kr(r.merinvestering_kr)],
            ["+ Reinvesteringer", kr(r.nutidsvaerdi_reinvesteringer_kr)],
            ["+ Ændret drift", kr(r.nutidsvaerdi_drift_kr)],
            ["= Omkostninger i alt", kr(r.nutidsvaerdi_omkostninger_kr)],
            ["Energibesparelser", kr(r.nutidsvaerdi_besparelser_kr)],
            ["Nettonutidsværdi (besparelser − omkostninger)", kr(r.nettonutidsvaerdi_kr)],
            [tb_navn, tilbage]]
        return fragment(h("h3", {}, "Nutidsværdier"), _tabel(["Post", "Nutidsværdi"], rk, p=p, navn="Nutidsværdier"))
    # Side by side: with the residual value the user chose, and without it, as the BEK names none.
    u = r.uden_restvaerdi
    rk = [["Merinvestering ved ibrugtagelse (år 0)", kr(r.merinvestering_kr), kr(r.merinvestering_kr)],
          ["+ Reinvesteringer", kr(r.nutidsvaerdi_reinvesteringer_kr), kr(r.nutidsvaerdi_reinvesteringer_kr)],
          ["+ Ændret drift", kr(r.nutidsvaerdi_drift_kr), kr(r.nutidsvaerdi_drift_kr)],
          ["− Restværdi ved periodens udløb", kr(r.nutidsvaerdi_restvaerdi_kr), "–"],
          ["= Omkostninger i alt", kr(r.nutidsvaerdi_omkostninger_kr), kr(u.nutidsvaerdi_omkostninger_kr)],
          ["Energibesparelser", kr(r.nutidsvaerdi_besparelser_kr), kr(r.nutidsvaerdi_besparelser_kr)],
          ["Nettonutidsværdi (besparelser − omkostninger)", kr(r.nettonutidsvaerdi_kr), kr(u.nettonutidsvaerdi_kr)],
          ["Betingelse 1 opfyldt", _ja_nej(r.betingelse_nutidsvaerdi_opfyldt),
           _ja_nej(u.betingelse_nutidsvaerdi_opfyldt)],
          ["Totaløkonomisk rentabel", _ja_nej(r.rentabel), _ja_nej(u.rentabel)],
          ["Egenbetaling efter § 13", kr(r.noedvendig_egenbetaling_kr), kr(u.noedvendig_egenbetaling_kr)],
          [tb_navn, tilbage, tilbage]]
    return fragment(h("h3", {}, "Nutidsværdier"),
                    h("p", {}, "Restværdien er sidens egen konvention; bekendtgørelsen nævner ingen restværdi. "
                               "Derfor står tallene uden restværdi ved siden af."),
                    _tabel(["Post", "Med restværdi", "Uden restværdi"], rk, p=p, navn="Nutidsværdier"))


_AARSHOVED = ["År", "Besparelse (kr.)", "Ændret drift (kr.)", "Reinvestering (kr.)", "Restværdi (kr.)",
              "Netto (kr.)", "Diskonteret netto (kr.)", "Akkumuleret diskonteret (kr.)"]
_AARSFELTER = ["besparelse_kr", "drift_kr", "reinvestering_kr", "restvaerdi_kr", "netto_kr",
               "diskonteret_netto_kr", "akkumuleret_diskonteret_kr"]


def _aarstabel(r: Resultat, p: str) -> Html:
    m = tal(-r.merinvestering_kr, 2)
    rk: list[Sequence[object]] = [["0 (ibrugtagelse)", "", "", "", "", m, m, m]]
    rk += [[str(a.aar), *(tal(getattr(a, f), 2) for f in _AARSFELTER)] for a in r.aar]
    return h("details", {"class": "lbf-aarstabel"},
             h("summary", {}, "Se pengestrømmen år for år (tabel)"),
             _tabel(_AARSHOVED, rk, p=p, navn="Pengestrøm år for år", titel="Pengestrøm år for år i faste priser"),
             h("p", {}, "Netto = besparelse − ændret drift − reinvestering + restværdi. Diskonteret netto = netto / "
                        "(1 + kalkulationsrenten)^år. Den akkumulerede værdi starter i minus merinvesteringen. Hvert "
                        "år er afrundet til hele øre, så den sidste akkumulerede værdi kan afvige nogle øre fra "
                        "nettonutidsværdien."))


def _foelsomhed(r: Resultat, p: str) -> Html:
    rk: list[list[object]] = []
    for f in r.foelsomhed:
        if f.nettonutidsvaerdi_kr is None:
            vaerdi, b1, ren = "Kan ikke beregnes", "–", "–"
        else:
            vaerdi, b1, ren = kr(f.nettonutidsvaerdi_kr), _ja_nej(f.betingelse_nutidsvaerdi_opfyldt), _ja_nej(f.rentabel)
        rk.append([f.betegnelse, pct(f.kalkulationsrente_pct, 2), vaerdi, b1, ren])
    return fragment(
        h("h3", {}, "Følsomhed"),
        h("p", {}, "Nettonutidsværdien, hvis kalkulationsrenten eller den reale prisstigning er en anden. "
                   "Betingelse 2 afhænger hverken af renten eller prisstigningen."),
        _tabel(["Variant", "Kalkulationsrente", "Nettonutidsværdi", "Betingelse 1 opfyldt", "Rentabel"], rk,
               p=p, navn="Følsomhed"))


def _inddata(r: Resultat, p: str) -> Html:
    fr = [[f.navn, kr(f.merpris_kr), f"{f.levetid_aar} år", kr(f.aendret_drift_kr_aar),
           ", ".join(str(t) for t in f.reinvesteringsaar) or "–", kr(f.restvaerdi_kr)]
          for f in r.foranstaltninger]
    er = [[e.energiart, f"{tal(e.maengde_aar)} {e.enhed}", f"{tal_som_angivet(e.pris_kr_pr_enhed, 2)} kr./{e.enhed}",
           pct_som_angivet(e.realprisstigning_pct, 1) + " pr. år", kr(e.besparelse_foerste_aar_kr)]
          for e in r.energibesparelser]
    ff = [[f.betegnelse, f.vaerdi,
           fragment(kildetekst(f.kilde), " ", h("em", {}, "(standardværdi)")) if f.standardvaerdi
           else kildetekst(f.kilde)]
          for f in r.forudsaetninger]
    return fragment(
        h("h3", {}, "Det bygger beregningen på"),
        _tabel(["Foranstaltning", "Merpris", "Levetid", "Ændret drift pr. år", "Købes igen i år", "Restværdi"], fr,
               p=p, navn="Foranstaltninger", titel="Foranstaltninger"),
        _tabel(["Energiart", "Mængde pr. år", "Pris", "Real prisstigning", "Besparelse år 1"], er,
               p=p, navn="Energibesparelser", titel="Energibesparelser"),
        _tabel(["Forudsætning", "Værdi", "Kilde"], ff, p=p, navn="Forudsætninger", tal_fra=99,
               titel="Forudsætninger"))


# -- chart --------------------------------------------------------------------------------------
_B, _H = 640, 320
_V, _HO, _T, _U = 96, 16, 30, 44  # margins: left, right, top, bottom


def _akse_tekst(v: float, mio: bool, trin_: float) -> str:
    if mio:
        return tal(Decimal(str(round(v / 1e6, 2)))) + " mio."
    if trin_ < 1:  # only toy amounts: keep decimals so the labels differ
        return tal(Decimal(str(round(v, 4))))
    return tal(Decimal(str(round(v))))


def _graf(r: Resultat, uid: str) -> Html:
    """The accumulated discounted cash flow as an SVG line chart; its ids start with ``uid``."""
    n = r.periode_aar
    m = r.merinvestering_kr
    vaerdier = [float(-m)] + [float(a.akkumuleret_diskonteret_kr) for a in r.aar]
    lo, hi = min(0.0, *vaerdier), max(0.0, *vaerdier)
    if hi - lo <= 0:
        hi = lo + 1.0
    skridt = trin(hi - lo)
    lo, hi = math.floor(lo / skridt) * skridt, math.ceil(hi / skridt) * skridt
    mio = max(abs(lo), abs(hi)) >= 1e6
    bredde, hoejde = _B - _V - _HO, _H - _T - _U

    def x(t: float) -> float:
        return round(_V + bredde * t / n, 1)

    def y(v: float) -> float:
        return round(_T + hoejde * (hi - v) / (hi - lo), 1)

    nul = next((t for t, v in enumerate(vaerdier) if v >= 0), None)
    if nul is None:
        forloeb = f"Den bliver ikke positiv inden for de {n} år."
    elif nul == 0:
        forloeb = "Den er ikke negativ på noget tidspunkt."
    else:
        forloeb = f"Den bliver positiv i år {nul}."
    beskriv = (f"Den akkumulerede diskonterede pengestrøm starter i {kr(-m)} ved ibrugtagelsen og ender i "
               f"{kr(r.nettonutidsvaerdi_kr)} efter {n} år (nettonutidsværdien). {forloeb}")
    gitter = []
    v = lo
    while v <= hi + skridt / 2:
        yy = y(v)
        gitter.append(h("line", {"x1": _V, "x2": _B - _HO, "y1": yy, "y2": yy, "stroke": "currentColor",
                                 "stroke-opacity": 0.6 if abs(v) < skridt / 2 else 0.15}))
        gitter.append(h("text", {"x": _V - 6, "y": yy + 4, "text-anchor": "end"}, _akse_tekst(v, mio, skridt)))
        v += skridt
    xtrin = 1 if n <= 10 else 5 if n <= 50 else 10
    svg = h("svg", {"class": "lbf-graf__svg", "role": "img", "aria-labelledby": f"{uid}-t {uid}-d",
                    "viewBox": f"0 0 {_B} {_H}", "width": "100%", "preserveAspectRatio": "xMidYMid meet",
                    "xmlns": "http://www.w3.org/2000/svg", "font-size": 12, "fill": "currentColor"},
            h("title", {"id": f"{uid}-t"}, f"Akkumuleret diskonteret pengestrøm over {n} år"),
            h("desc", {"id": f"{uid}-d"}, beskriv),
            gitter,
            [h("text", {"x": x(t), "y": _H - _U + 18, "text-anchor": "middle"}, t) for t in range(0, n + 1, xtrin)],
            h("text", {"x": _V + bredde / 2, "y": _H - 6, "text-anchor": "middle"}, "År"),
            h("text", {"x": _V - 6, "y": _T - 16, "text-anchor": "end"}, "mio. kr." if mio else "kr."),
            h("polyline", {"class": "lbf-graf__linje", "points": " ".join(f"{x(t)},{y(v)}" for t, v in enumerate(vaerdier)),
                           "fill": "none", "stroke": "currentColor", "stroke-width": 2.5, "stroke-linejoin": "round"}))
    return fragment(h("h3", {}, "Akkumuleret diskonteret pengestrøm"),
                    h("figure", {"class": "lbf-graf"}, svg,
                      h("figcaption", {}, f"{beskriv} Tallene for hvert år står i tabellen nedenfor.")))


# -- CSV ----------------------------------------------------------------------------------------
def _csv_tal(x: Decimal) -> str:
    return f"{x:.2f}".replace(".", ",")


def csv(resultat: Resultat | dict, *, bom: bool = False) -> str:
    """The yearly table as CSV: ``;`` between fields, decimal comma, CRLF line ends.

    The first row after the header is year 0 (the merinvestering). ``bom=True`` starts the text
    with a byte-order mark, which spreadsheet programs need to read "æøå" in a downloaded file.
    """
    r = som_resultat(Resultat, resultat)
    ud = io.StringIO()
    skriver = _csv.writer(ud, delimiter=";", lineterminator="\r\n")
    m = _csv_tal(-r.merinvestering_kr)
    skriver.writerow(_AARSHOVED)
    skriver.writerow(["0", "", "", "", "", m, m, m])
    skriver.writerows([str(a.aar)] + [_csv_tal(getattr(a, f)) for f in _AARSFELTER] for a in r.aar)
    return ("\ufeff" if bom else "") + ud.getvalue()

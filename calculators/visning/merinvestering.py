"""The merinvestering result: verdict, the two conditions, § 11/§ 13, chart, tables, and a CSV.

When the residual value (the site's convention, not the BEK's) is counted, the verdict, condition 1,
the § 13 amount and the present values are also shown without it, side by side.

``html(result)`` renders the JSON of :func:`calculators.run` ("merinvestering"); ``csv(result)``
gives the yearly table for "Download beregning" (semicolon separated, decimal comma, no
thousands separator, so that a Danish spreadsheet reads the numbers as numbers).

>>> import calculators
>>> from calculators.merinvestering import EKSEMPEL
>>> r = calculators.run("merinvestering", EKSEMPEL)
>>> html(r).startswith('<div class="lbf-udfald lbf-udfald--ja">')
True
>>> csv(r).splitlines()[1]
'0;;;;;-1170000,00;-1170000,00;-1170000,00'
"""

from __future__ import annotations

import itertools
import math
from decimal import Decimal

from .._format import kr, pct, tal
from ._html import element_id, esc, kilde, liste, status_ikon

__all__ = ["html", "csv"]

_ider = itertools.count(1)


def _d(x) -> Decimal:
    return x if isinstance(x, Decimal) else Decimal(str(x))


def _kr(x) -> str:
    return esc(kr(_d(x)))


def _pct(x, mindst: int = 0) -> str:
    """A percentage with the decimals it has (at least ``mindst``): 4 %, 1,0 %, 2,75 %."""
    d = _d(x)
    return pct(d, max(mindst, -min(0, d.normalize().as_tuple().exponent)))  # type: ignore[operator]


def html(r: dict) -> str:
    n = r["periode_aar"]
    dele = [
        f'<div class="lbf-udfald lbf-udfald--{"ja" if r["rentabel"] else "nej"}">',
        f'<h3 class="lbf-udfald__titel">{esc(r["konklusion"])}</h3>',
        "</div>",
        "<h3>Betingelserne for totaløkonomisk rentabilitet</h3>",
        '<ul class="lbf-tjekliste">',
        f'<li>{status_ikon(r["betingelse_nutidsvaerdi_opfyldt"])} <strong>1. Nutidsværdi over {n} år:</strong> '
        f'{esc(_tekst_nutidsvaerdi(r))}{kilde(r["kilder"]["betingelse_nutidsvaerdi"])}</li>',
        f'<li>{status_ikon(r["betingelse_beboerbetaling_opfyldt"])} <strong>2. Besparelse ved ibrugtagelse:</strong> '
        f'{esc(_tekst_beboerbetaling(r))}{kilde(r["kilder"]["betingelse_beboerbetaling"])}</li>',
        "</ul>",
    ]
    if not r["rentabel"] or not r["uden_restvaerdi"]["rentabel"]:
        dele.append(_egenbetaling(r))
    dele += [_nutidsvaerdier(r), _graf(r), _aarstabel(r), _foelsomhed(r), _inddata(r)]
    if r["bemaerkninger"]:
        dele += ["<h3>Bemærk</h3>", liste(r["bemaerkninger"])]
    dele += ['<details class="lbf-konventioner"><summary>Sådan er der regnet</summary>', "<ol>",
             *(f"<li>{esc(k)}</li>" for k in r["konventioner"]), "</ol>", "</details>"]
    return "\n".join(dele)


# -- texts ------------------------------------------------------------------------------------
def _sammen(forskel: Decimal) -> str:
    return (f"Besparelserne er {kr(forskel)} større." if forskel > 0 else
            "De er lige store." if forskel == 0 else f"Besparelserne er {kr(-forskel)} mindre.")


def _tekst_nutidsvaerdi(r: dict) -> str:
    rest = ", fratrukket restværdien (sidens egen konvention)," if r["medregn_restvaerdi"] else ""
    tekst = (f"Nutidsværdien af energibesparelserne over {r['periode_aar']} år er "
             f"{kr(_d(r['nutidsvaerdi_besparelser_kr']))} Nutidsværdien af merinvesteringen inkl. "
             f"reinvesteringer og ændret drift{rest} er {kr(_d(r['nutidsvaerdi_omkostninger_kr']))} "
             f"{_sammen(_d(r['nettonutidsvaerdi_kr']))} "
             f"Betingelsen er {'' if r['betingelse_nutidsvaerdi_opfyldt'] else 'ikke '}opfyldt.")
    if r["medregn_restvaerdi"]:
        u = r["uden_restvaerdi"]
        tekst += (f" Uden restværdien, som bekendtgørelsen ikke nævner, er nutidsværdien af merinvesteringen inkl. "
                  f"reinvesteringer og ændret drift {kr(_d(u['nutidsvaerdi_omkostninger_kr']))} "
                  f"{_sammen(_d(u['nettonutidsvaerdi_kr']))} Så er betingelsen "
                  f"{'' if u['betingelse_nutidsvaerdi_opfyldt'] else 'ikke '}opfyldt.")
    return tekst


def _tekst_beboerbetaling(r: dict) -> str:
    return (f"Besparelsen det første år er {kr(_d(r['besparelse_foerste_aar_kr']))} Beboernes betaling er "
            f"{_pct(r['beboerbetalingsprocent'])} af merinvesteringen på {kr(_d(r['merinvestering_kr']))}, "
            f"dvs. {kr(_d(r['beboerbetaling_foerste_aar_kr']))} det første år. Betingelsen er "
            f"{'' if r['betingelse_beboerbetaling_opfyldt'] else 'ikke '}opfyldt.")


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


def _egenbetaling(r: dict) -> str:
    """The § 13 section: when § 11 and § 13 apply, then the amount (with and without residual value)."""
    m, pv_s = _d(r["merinvestering_kr"]), _d(r["nutidsvaerdi_besparelser_kr"])
    med = _egen_del(m, _d(r["noedvendig_egenbetaling_kr"]), r["rentabel_med_egenbetaling"],
                    _d(r["nutidsvaerdi_omkostninger_kr"]) - m, pv_s, r["medregn_restvaerdi"])
    dele = ["<h3>Boligorganisationens egenbetaling (§ 13)</h3>", f"<p>{esc(_PARAGRAF_11_13)}</p>"]
    if not r["medregn_restvaerdi"]:
        dele.append(f"<p>{esc(med)}</p>")
    else:
        u = r["uden_restvaerdi"]
        uden = _egen_del(m, _d(u["noedvendig_egenbetaling_kr"]), u["rentabel_med_egenbetaling"],
                         _d(u["nutidsvaerdi_omkostninger_kr"]) - m, pv_s, False)
        dele.append(liste([f"Med restværdien (sidens egen konvention): {med}",
                           f"Uden restværdien (bekendtgørelsen nævner ingen restværdi): {uden}"]))
    return "\n".join(dele + [kilde(r["kilder"]["egenbetaling"])])


# -- tables -----------------------------------------------------------------------------------
def _tabel(hoved: list[str], raekker: list[list[str]], *, klasse: str = "lbf-tabel",
           tal_fra: int = 1, titel: str = "") -> str:
    """A table whose cells are already escaped HTML; columns from ``tal_fra`` are numbers."""
    cap = f"<caption>{esc(titel)}</caption>" if titel else ""
    def k(i: int) -> str:
        return ' class="lbf-tal"' if i >= tal_fra else ""

    th = "".join(f'<th scope="col"{k(i)}>{h}</th>' for i, h in enumerate(hoved))
    tr = []
    for rk in raekker:
        celler = [f'<th scope="row">{rk[0]}</th>'] + [
            f"<td{k(i)}>{c}</td>" for i, c in enumerate(rk[1:], 1)]
        tr.append("<tr>" + "".join(celler) + "</tr>")
    return (f'<div class="lbf-tabel-ramme"><table class="{klasse}">{cap}<thead><tr>{th}</tr></thead>'
            f'<tbody>{"".join(tr)}</tbody></table></div>')


def _ja_nej(x: bool) -> str:
    return "Ja" if x else "Nej"


def _nutidsvaerdier(r: dict) -> str:
    tb = r["tilbagebetalingstid_aar"]
    tilbage = esc(f"{tal(_d(tb))} år") if tb is not None else "Ingen besparelse"
    tb_navn = "Simpel tilbagebetalingstid (merinvestering / besparelse år 1)"
    if not r["medregn_restvaerdi"]:
        rk = [["Merinvestering ved ibrugtagelse (år 0)", _kr(r["merinvestering_kr"])],
              ["+ Reinvesteringer", _kr(r["nutidsvaerdi_reinvesteringer_kr"])],
              ["+ Ændret drift", _kr(r["nutidsvaerdi_drift_kr"])],
              ["= Omkostninger i alt", _kr(r["nutidsvaerdi_omkostninger_kr"])],
              ["Energibesparelser", _kr(r["nutidsvaerdi_besparelser_kr"])],
              ["Nettonutidsværdi (besparelser − omkostninger)", _kr(r["nettonutidsvaerdi_kr"])],
              [tb_navn, tilbage]]
        return "<h3>Nutidsværdier</h3>" + _tabel(["Post", "Nutidsværdi"], rk)
    # Side by side: with the residual value the user chose, and without it, as the BEK names none.
    u = r["uden_restvaerdi"]
    rk = [["Merinvestering ved ibrugtagelse (år 0)", _kr(r["merinvestering_kr"]), _kr(r["merinvestering_kr"])],
          ["+ Reinvesteringer", _kr(r["nutidsvaerdi_reinvesteringer_kr"]), _kr(r["nutidsvaerdi_reinvesteringer_kr"])],
          ["+ Ændret drift", _kr(r["nutidsvaerdi_drift_kr"]), _kr(r["nutidsvaerdi_drift_kr"])],
          ["− Restværdi ved periodens udløb", _kr(r["nutidsvaerdi_restvaerdi_kr"]), "–"],
          ["= Omkostninger i alt", _kr(r["nutidsvaerdi_omkostninger_kr"]), _kr(u["nutidsvaerdi_omkostninger_kr"])],
          ["Energibesparelser", _kr(r["nutidsvaerdi_besparelser_kr"]), _kr(r["nutidsvaerdi_besparelser_kr"])],
          ["Nettonutidsværdi (besparelser − omkostninger)", _kr(r["nettonutidsvaerdi_kr"]),
           _kr(u["nettonutidsvaerdi_kr"])],
          ["Betingelse 1 opfyldt", _ja_nej(r["betingelse_nutidsvaerdi_opfyldt"]),
           _ja_nej(u["betingelse_nutidsvaerdi_opfyldt"])],
          ["Totaløkonomisk rentabel", _ja_nej(r["rentabel"]), _ja_nej(u["rentabel"])],
          ["Egenbetaling efter § 13", _kr(r["noedvendig_egenbetaling_kr"]), _kr(u["noedvendig_egenbetaling_kr"])],
          [tb_navn, tilbage, tilbage]]
    return ("<h3>Nutidsværdier</h3><p>Restværdien er sidens egen konvention; bekendtgørelsen nævner ingen "
            "restværdi. Derfor står tallene uden restværdi ved siden af.</p>"
            + _tabel(["Post", "Med restværdi", "Uden restværdi"], rk))


_AARSHOVED = ["År", "Besparelse (kr.)", "Ændret drift (kr.)", "Reinvestering (kr.)", "Restværdi (kr.)",
              "Netto (kr.)", "Diskonteret netto (kr.)", "Akkumuleret diskonteret (kr.)"]
_AARSFELTER = ["besparelse_kr", "drift_kr", "reinvestering_kr", "restvaerdi_kr", "netto_kr",
               "diskonteret_netto_kr", "akkumuleret_diskonteret_kr"]


def _aarstabel(r: dict) -> str:
    m = esc(tal(-_d(r["merinvestering_kr"]), 2))
    rk = [["0 (ibrugtagelse)", "", "", "", "", m, m, m]]
    rk += [[str(a["aar"])] + [esc(tal(_d(a[f]), 2)) for f in _AARSFELTER] for a in r["aar"]]
    return ('<details class="lbf-aarstabel"><summary>Se pengestrømmen år for år (tabel)</summary>'
            + _tabel([esc(h) for h in _AARSHOVED], rk, titel="Pengestrøm år for år i faste priser")
            + "<p>Netto = besparelse − ændret drift − reinvestering + restværdi. Diskonteret netto = netto / "
              "(1 + kalkulationsrenten)^år. Den akkumulerede værdi starter i minus merinvesteringen. Hvert år er "
              "afrundet til hele øre, så den sidste akkumulerede værdi kan afvige nogle øre fra "
              "nettonutidsværdien.</p>"
            + "</details>")


def _foelsomhed(r: dict) -> str:
    rk = []
    for f in r["foelsomhed"]:
        if f["nettonutidsvaerdi_kr"] is None:
            vaerdi, b1, ren = "Kan ikke beregnes", "–", "–"
        else:
            vaerdi = _kr(f["nettonutidsvaerdi_kr"])
            b1 = "Ja" if f["betingelse_nutidsvaerdi_opfyldt"] else "Nej"
            ren = "Ja" if f["rentabel"] else "Nej"
        rk.append([esc(f["betegnelse"]), esc(pct(_d(f["kalkulationsrente_pct"]), 2)), vaerdi, b1, ren])
    return ("<h3>Følsomhed</h3><p>Nettonutidsværdien, hvis kalkulationsrenten eller den reale prisstigning er "
            "en anden. Betingelse 2 afhænger hverken af renten eller prisstigningen.</p>"
            + _tabel(["Variant", "Kalkulationsrente", "Nettonutidsværdi", "Betingelse 1 opfyldt", "Rentabel"], rk))


def _pris(x) -> str:
    """A price per unit with at least two decimals, more if the user gave more: 0,75 / 0,8525."""
    d = _d(x)
    return tal(d, max(2, -min(0, d.normalize().as_tuple().exponent)))  # type: ignore[operator]


def _inddata(r: dict) -> str:
    fr = []
    for f in r["foranstaltninger"]:
        genkoeb = ", ".join(str(t) for t in f["reinvesteringsaar"]) or "–"
        fr.append([esc(f["navn"]), _kr(f["merpris_kr"]), esc(f"{f['levetid_aar']} år"),
                   _kr(f["aendret_drift_kr_aar"]), esc(genkoeb), _kr(f["restvaerdi_kr"])])
    er = []
    for e in r["energibesparelser"]:
        er.append([esc(e["energiart"]), esc(f"{tal(_d(e['maengde_aar']))} {e['enhed']}"),
                   esc(f"{_pris(e['pris_kr_pr_enhed'])} kr./{e['enhed']}"),
                   esc(_pct(e["realprisstigning_pct"], 1) + " pr. år"), _kr(e["besparelse_foerste_aar_kr"])])
    ff = [[esc(f["betegnelse"]), esc(f["vaerdi"]),
           esc(f["kilde"]) + (" <em>(standardværdi)</em>" if f["standardvaerdi"] else "")]
          for f in r["forudsaetninger"]]
    return ("<h3>Det bygger beregningen på</h3>"
            + _tabel(["Foranstaltning", "Merpris", "Levetid", "Ændret drift pr. år", "Købes igen i år",
                      "Restværdi"], fr, titel="Foranstaltninger")
            + _tabel(["Energiart", "Mængde pr. år", "Pris", "Real prisstigning", "Besparelse år 1"], er,
                     titel="Energibesparelser")
            + _tabel(["Forudsætning", "Værdi", "Kilde"], ff, tal_fra=99, titel="Forudsætninger"))


# -- chart --------------------------------------------------------------------------------------
_B, _H = 640, 320
_V, _HO, _T, _U = 96, 16, 30, 44  # margins: left, right, top, bottom


def _trin(spaend: float) -> float:
    """A round tick step giving about five intervals."""
    raa = spaend / 5
    eksp = 10 ** math.floor(math.log10(raa))
    for f in (1, 2, 2.5, 5, 10):
        if f * eksp >= raa:
            return f * eksp
    return 10 * eksp  # pragma: no cover


def _akse_tekst(v: float, mio: bool, trin: float) -> str:
    if mio:
        return tal(Decimal(str(round(v / 1e6, 2)))) + " mio."
    if trin < 1:  # only toy amounts: keep decimals so the labels differ
        return tal(Decimal(str(round(v, 4))))
    return tal(Decimal(str(round(v))))


def _graf(r: dict) -> str:
    n = r["periode_aar"]
    m = _d(r["merinvestering_kr"])
    vaerdier = [float(-m)] + [float(a["akkumuleret_diskonteret_kr"]) for a in r["aar"]]
    lo, hi = min(0.0, *vaerdier), max(0.0, *vaerdier)
    if hi - lo <= 0:
        hi = lo + 1.0
    trin = _trin(hi - lo)
    lo, hi = math.floor(lo / trin) * trin, math.ceil(hi / trin) * trin
    mio = max(abs(lo), abs(hi)) >= 1e6
    bredde, hoejde = _B - _V - _HO, _H - _T - _U

    def x(t: float) -> float:
        return round(_V + bredde * t / n, 1)

    def y(v: float) -> float:
        return round(_T + hoejde * (hi - v) / (hi - lo), 1)

    uid = f"{element_id('lbf-mi', repr(vaerdier))}-{next(_ider)}"
    slut = vaerdier[-1]
    nul = next((t for t, v in enumerate(vaerdier) if v >= 0), None)
    if nul is None:
        forloeb = f"Den bliver ikke positiv inden for de {n} år."
    elif nul == 0:
        forloeb = "Den er ikke negativ på noget tidspunkt."
    else:
        forloeb = f"Den bliver positiv i år {nul}."
    beskriv = (f"Den akkumulerede diskonterede pengestrøm starter i {kr(-m)} ved ibrugtagelsen og ender i "
               f"{kr(_d(r['nettonutidsvaerdi_kr']))} efter {n} år (nettonutidsværdien). {forloeb}")
    dele = [f'<svg class="lbf-graf__svg" role="img" aria-labelledby="{uid}-t {uid}-d" '
            f'viewBox="0 0 {_B} {_H}" width="100%" preserveAspectRatio="xMidYMid meet" '
            f'xmlns="http://www.w3.org/2000/svg" font-size="12" fill="currentColor">',
            f'<title id="{uid}-t">Akkumuleret diskonteret pengestrøm over {n} år</title>',
            f'<desc id="{uid}-d">{esc(beskriv)}</desc>']
    v = lo
    while v <= hi + trin / 2:
        yy = y(v)
        dele.append(f'<line x1="{_V}" x2="{_B - _HO}" y1="{yy}" y2="{yy}" stroke="currentColor" '
                    f'stroke-opacity="{0.6 if abs(v) < trin / 2 else 0.15}"/>')
        dele.append(f'<text x="{_V - 6}" y="{yy + 4}" text-anchor="end">{esc(_akse_tekst(v, mio, trin))}</text>')
        v += trin
    xtrin = 1 if n <= 10 else 5 if n <= 50 else 10
    for t in range(0, n + 1, xtrin):
        dele.append(f'<text x="{x(t)}" y="{_H - _U + 18}" text-anchor="middle">{t}</text>')
    dele.append(f'<text x="{_V + bredde / 2}" y="{_H - 6}" text-anchor="middle">År</text>')
    dele.append(f'<text x="{_V - 6}" y="{_T - 16}" text-anchor="end">{"mio. kr." if mio else "kr."}</text>')
    punkter = " ".join(f"{x(t)},{y(v)}" for t, v in enumerate(vaerdier))
    dele.append(f'<polyline class="lbf-graf__linje" points="{punkter}" fill="none" stroke="currentColor" '
                f'stroke-width="2.5" stroke-linejoin="round"/>')
    dele.append("</svg>")
    return ('<h3>Akkumuleret diskonteret pengestrøm</h3><figure class="lbf-graf">' + "".join(dele)
            + f"<figcaption>{esc(beskriv)} Tallene for hvert år står i tabellen nedenfor.</figcaption></figure>")


# -- CSV ----------------------------------------------------------------------------------------
def _csv_tal(x) -> str:
    return f"{_d(x):.2f}".replace(".", ",")


def _csv_tekst(s: str) -> str:
    if any(c in s for c in ';"\r\n'):
        return '"' + s.replace('"', '""') + '"'
    return s


def csv(r: dict, *, bom: bool = False) -> str:
    """The yearly table as CSV: ``;`` between fields, decimal comma, CRLF line ends.

    The first row after the header is year 0 (the merinvestering). ``bom=True`` starts the text
    with a byte-order mark, which spreadsheet programs need to read "æøå" in a downloaded file.
    """
    m = _csv_tal(-_d(r["merinvestering_kr"]))
    linjer = [";".join(_csv_tekst(h) for h in _AARSHOVED), f"0;;;;;{m};{m};{m}"]
    linjer += [";".join([str(a["aar"])] + [_csv_tal(a[f]) for f in _AARSFELTER]) for a in r["aar"]]
    return ("\ufeff" if bom else "") + "\r\n".join(linjer) + "\r\n"

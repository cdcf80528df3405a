"""The budget check as a page fragment: the verdict, the key figures, then every check.

Checks are grouped as a traffic light ("Skal rettes", "Bør I se på", "I orden"); each carries
its status as text, the rule quoted with its source, a link to the section of the
Bæredygtighedspuljen page and what to do. The link is relative to the calculator page
(``/beregnere/budgettjek/``), so it works wherever the site is served from.
The fragment carries no ``id``: it appears twice on that page (the worked example and the
live result), so checks are marked with ``data-tjek`` instead.

>>> from calculators import run
>>> from calculators.budgettjek import EKSEMPEL
>>> side = html(run("budgettjek", EKSEMPEL))
>>> "Ansøgningen kan sendes" in side and 'href="../../baeredygtighedspuljen/#udmoentning"' in side
True
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from .._format import kr, pct
from ._html import esc, kilde

__all__ = ["html", "TITLER", "AFSNIT", "SIDE"]

#: The Bæredygtighedspuljen guide page, relative to the calculator page.
SIDE = "../../baeredygtighedspuljen/"

TITLER = {
    "ansoegerkreds": "Hvem der søger",
    "periode": "Puljens periode",
    "beloeb_stemmer": "Ansøgt beløb og budget",
    "aarsramme": "Årets ramme",
    "statslig_dobbeltstoette": "Anden statslig støtte",
    "lbf_kombination": "Anden støtte fra LBF",
    "indhold_effekt": "Indhold – projektets effekt",
    "indhold_maal_og_succeskriterier": "Indhold – mål og succeskriterier",
    "indhold_evaluering": "Indhold – evaluering",
    "indhold_tidsplan": "Indhold – plan og tidsramme",
    "indhold_kompetencer": "Indhold – viden og kompetence",
    "indhold_budget": "Indhold – budget",
    "egenfinansiering": "Egenfinansiering",
    "klimagevinst": "Klimagevinst",
}

#: Section anchors on the guide page -> their headings there, for link texts that make sense alone.
AFSNIT = {
    "hvem-kan-soege": "Hvem kan søge?",
    "ansoegningens-indhold": "Ansøgningens indhold",
    "udmoentning": "Sådan fordeles midlerne",
    "kombination-med-anden-stoette": "Kombination med anden støtte",
    "prioriteringskriterier": "Prioriteringskriterier",
}

_GRUPPER = (
    ("fejl", "Skal rettes", "fejl"),
    ("advarsel", "Bør I se på", "advarsel"),
    ("ok", "I orden", "ok"),
)
_STATUS = {"ok": "OK", "advarsel": "Advarsel", "fejl": "Fejl"}


def html(r: dict) -> str:
    if "fejl" in r:
        return _inputfejl(r["fejl"])
    tjek = r["tjek"]
    antal = {s: sum(t["status"] == s for t in tjek) for s in _STATUS}
    dele = [
        f'<div class="lbf-udfald lbf-udfald--{"ja" if r["kan_indsendes"] else "nej"}">',
        f'<h3 class="lbf-udfald__titel">{esc(_dom(r, antal))}</h3>',
        f"<p>{esc(_optaelling(antal))}</p>",
        "</div>",
        _noegletal(r),
        "<h3>Sådan er ansøgningen tjekket</h3>",
    ]
    for status, overskrift, klasse in _GRUPPER:
        gruppe = [t for t in tjek if t["status"] == status]
        if not gruppe:
            continue
        dele.append(f'<h4 class="lbf-tjekgruppe lbf-tjekgruppe--{klasse}">{esc(overskrift)} ({len(gruppe)})</h4>')
        dele.append('<ul class="lbf-tjekliste">')
        dele.extend(_punkt(t) for t in gruppe)
        dele.append("</ul>")
    return "\n".join(dele)


def _dom(r: dict, antal: dict[str, int]) -> str:
    if antal["fejl"]:
        return f"Ret {antal['fejl']} fejl før I sender ansøgningen."
    return "Ansøgningen kan sendes."


def _optaelling(antal: dict[str, int]) -> str:
    adv = antal["advarsel"]
    if antal["fejl"]:
        tekst = "Ansøgningen opfylder ikke alle krav i administrationsgrundlaget. Fejlene står først herunder."
    else:
        tekst = "Ansøgningen opfylder de krav, der er tjekket her."
    if adv:
        tekst += (" Der er 1 advarsel: læs den, før I sender ansøgningen." if adv == 1 else
                  f" Der er {adv} advarsler: læs dem, før I sender ansøgningen.")
    return tekst


def _punkt(t: dict) -> str:
    titel = TITLER.get(t["id"], t["id"])
    afsnit = t.get("afsnit", "")
    dele = [f'<li class="lbf-tjek lbf-tjek--{esc(t["status"])}" data-tjek="{esc(t["id"])}">',
            f'<span class="lbf-status lbf-status--{esc(t["status"])}">'
            f'{esc(_STATUS.get(t["status"], t["status"]))}</span> '
            f"<strong>{esc(titel)}:</strong> {esc(t['besked'])}"]
    if t.get("hvad_goer_i"):
        dele.append(f'<p class="lbf-tjek__hvad"><strong>Det skal I gøre:</strong> {esc(t["hvad_goer_i"])}</p>')
    if t.get("regel"):
        dele.append(f'<blockquote class="lbf-tjek__regel"><p>{esc(t["regel"])}</p></blockquote>')
    dele.append(kilde(t["kilde"]))
    if afsnit:
        navn = AFSNIT.get(afsnit, "Bæredygtighedspuljen")
        dele.append(f'<p class="lbf-tjek__link"><a href="{esc(SIDE)}#{esc(afsnit)}">Læs afsnittet '
                    f"»{esc(navn)}« i vejledningen om Bæredygtighedspuljen</a></p>")
    dele.append("</li>")
    return "\n".join(dele)


def _noegletal(r: dict) -> str:
    """The three figures LBF prioritises by, then the budget split, as one table (prints well)."""
    egen_andel = r["egenfinansieringsandel_pct"]
    ramme_andel = r["andel_af_aarsramme_pct"]
    pr_ton = r["kr_pr_ton_co2e"]
    aar = esc(r.get("aar", ""))
    raekker = [
        ("Egenfinansieringsandel",
         _andel(egen_andel) if egen_andel is not None else "Kan ikke beregnes: budgettet er 0\u00a0kr.",
         f"{kr(r['egenfinansiering_kr'])} af {kr(r['samlet_budget_kr'])}"),
        (f"Andel af årsrammen for {aar}" if aar else "Andel af årsrammen",
         _andel(ramme_andel) if ramme_andel is not None else "Ingen årsramme for året",
         f"{kr(r['ansoegt_beloeb_kr'])} ansøgt af {kr(r['aarsramme_kr'])}" if r["aarsramme_kr"] is not None else ""),
        ("Kr. pr. ton CO₂e",
         kr(pr_ton) if pr_ton is not None else "Kan ikke beregnes uden en klimagevinst over 0 ton CO₂e",
         "Samlet budget delt med klimagevinsten" if pr_ton is not None else ""),
    ]
    dele = ['<h3>Nøgletal for ansøgningen</h3>',
            '<table class="lbf-noegletal"><thead><tr><th scope="col">Nøgletal</th><th scope="col">Værdi</th>'
            '<th scope="col">Grundlag</th></tr></thead><tbody>']
    for navn, vaerdi, grundlag in raekker:
        dele.append(f'<tr><th scope="row">{esc(navn)}</th><td>{esc(vaerdi)}</td><td>{esc(grundlag)}</td></tr>')
    dele.append("</tbody></table>")
    dele.append('<table class="lbf-budget"><caption>Budgettet fordelt på finansiering</caption>'
                '<thead><tr><th scope="col">Finansiering</th><th scope="col" class="lbf-tal">Beløb</th></tr>'
                '</thead><tbody>')
    for navn, noegle in (("Puljen", "puljefinansiering_kr"), ("Egenfinansiering", "egenfinansiering_kr"),
                         ("Anden finansiering", "anden_finansiering_kr")):
        dele.append(f'<tr><th scope="row">{esc(navn)}</th><td class="lbf-tal">{esc(kr(r[noegle]))}</td></tr>')
    dele.append(f'</tbody><tfoot><tr><th scope="row">Samlet budget</th>'
                f'<td class="lbf-tal">{esc(kr(r["samlet_budget_kr"]))}</td></tr></tfoot></table>')
    return "\n".join(dele)


def _andel(x: float | int) -> str:
    """A share with one decimal, none when whole: 20,9 %, 100 %."""
    return pct(Decimal(str(x)).quantize(Decimal("0.1"), ROUND_HALF_UP))


def _inputfejl(fejl: list[dict]) -> str:
    punkter = "".join(f"<li><strong>{esc(f.get('felt', ''))}</strong>: {esc(f.get('besked', ''))}</li>"
                      if f.get("felt") else f"<li>{esc(f.get('besked', ''))}</li>" for f in fejl)
    return (f'<div class="lbf-fejlopsummering" role="alert"><h3>Der er problemer</h3>'
            f"<ul>{punkter}</ul></div>")


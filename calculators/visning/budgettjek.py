"""The budget check as a page fragment: the verdict, the key figures, then every check.

Checks are grouped as a traffic light ("Skal rettes", "Bør I se på", "I orden"); each carries
its status as text, the rule quoted with its source, a link to the section of the
Bæredygtighedspuljen page and what to do. The link is relative to the calculator page
(``/beregnere/budgettjek/``), so it works wherever the site is served from.
The fragment carries no ``id``: it appears twice on that page (the worked example and the
live result), so checks are marked with ``data-tjek`` instead.

>>> from calculators import beregn
>>> from calculators.budgettjek import EKSEMPEL
>>> side = html(beregn("budgettjek", EKSEMPEL))
>>> "Ansøgningen kan sendes" in side and 'href="../../baeredygtighedspuljen/#udmoentning"' in side
True
"""

from __future__ import annotations

import functools

from .._format import andel, kr
from ..budgettjek import Resultat, Tjek
from ._html import EKSEMPEL_IDPRAEFIKS, Html, fragment, h, kilde, rulleomraade, status_ikon, udfald
from ._regler import regelgrundlag_html
from ._typet import som_resultat

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
    ("fejl", "Skal rettes"),
    ("advarsel", "Bør I se på"),
    ("ok", "I orden"),
)


def html(resultat: Resultat | dict, *, idprefiks: str | None = None) -> Html:
    """The result as an HTML fragment. It has no ids; ``idprefiks`` tells the worked example's scroll areas from
    the live result's (see :func:`rulleomraade`)."""
    r = som_resultat(Resultat, resultat)
    dele = [
        udfald(r.kan_indsendes, r.dom, h("p", {}, _optaelling(r.antal))),
        _noegletal(r, idprefiks or EKSEMPEL_IDPRAEFIKS),
        h("h3", {}, "Sådan er ansøgningen tjekket"),
    ]
    for status, overskrift in _GRUPPER:
        gruppe = [t for t in r.tjek if t.status == status]
        if gruppe:
            dele += [h("h4", {"class": f"lbf-tjekgruppe lbf-tjekgruppe--{status}"}, f"{overskrift} ({len(gruppe)})"),
                     h("ul", {"class": "lbf-tjekliste"}, "\n", [(_punkt(t), "\n") for t in gruppe])]
    dele.append(regelgrundlag_html(r.regelgrundlag))
    return fragment(dele, sep="\n")


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


@functools.lru_cache(maxsize=128)  # a changed amount changes a few checks; the others render as before
def _punkt(t: Tjek) -> Html:
    dele: list[object] = [fragment(status_ikon(t.status), " ", h("strong", {}, f"{TITLER.get(t.id, t.id)}:"),
                                   " ", t.besked)]
    if t.hvad_goer_i:
        dele.append(h("p", {"class": "lbf-tjek__hvad"}, h("strong", {}, "Det skal I gøre:"), " ", t.hvad_goer_i))
    if t.regel:
        dele.append(h("blockquote", {"class": "lbf-tjek__regel"}, h("p", {}, t.regel)))
    dele.append(kilde(t.kilde))
    if t.afsnit:
        navn = AFSNIT.get(t.afsnit, "Bæredygtighedspuljen")
        dele.append(h("p", {"class": "lbf-tjek__link"},
                      h("a", {"href": f"{SIDE}#{t.afsnit}"},
                        f"Læs afsnittet »{navn}« i vejledningen om Bæredygtighedspuljen")))
    return h("li", {"class": f"lbf-tjek lbf-tjek--{t.status}", "data-tjek": t.id},
             "\n", fragment(dele, sep="\n"), "\n")


def _noegletal(r: Resultat, p: str) -> Html:
    """The three figures LBF prioritises by, then the budget split, as one table (prints well)."""
    raekker = [
        ("Egenfinansieringsandel",
         andel(r.egenfinansieringsandel_pct) if r.egenfinansieringsandel_pct is not None
         else "Kan ikke beregnes: budgettet er 0\u00a0kr.",
         f"{kr(r.egenfinansiering_kr)} af {kr(r.samlet_budget_kr)}"),
        (f"Andel af årsrammen for {r.aar}" if r.aar else "Andel af årsrammen",
         andel(r.andel_af_aarsramme_pct) if r.andel_af_aarsramme_pct is not None else "Ingen årsramme for året",
         f"{kr(r.ansoegt_beloeb_kr)} ansøgt af {kr(r.aarsramme_kr)}" if r.aarsramme_kr is not None else ""),
        ("Kr. pr. ton CO₂e",
         kr(r.kr_pr_ton_co2e) if r.kr_pr_ton_co2e is not None
         else "Kan ikke beregnes uden en klimagevinst over 0 ton CO₂e",
         "Samlet budget delt med klimagevinsten" if r.kr_pr_ton_co2e is not None else ""),
    ]
    budget = (("Puljen", r.puljefinansiering_kr), ("Egenfinansiering", r.egenfinansiering_kr),
              ("Anden finansiering", r.anden_finansiering_kr))
    tal = {"class": "lbf-tal"}
    return fragment(
        h("h3", {}, "Nøgletal for ansøgningen"),
        # Wide tables scroll inside their own named region on a phone, never the page (WCAG 1.4.10).
        rulleomraade("Nøgletal for ansøgningen", p, h("table", {"class": "lbf-noegletal"},
          h("thead", {}, h("tr", {}, [h("th", {"scope": "col"}, t) for t in ("Nøgletal", "Værdi", "Grundlag")])),
          h("tbody", {}, "\n", [(h("tr", {}, h("th", {"scope": "row"}, navn), h("td", {}, vaerdi),
                                   h("td", {}, grundlag)), "\n") for navn, vaerdi, grundlag in raekker]))),
        rulleomraade("Budgettet fordelt på finansiering", p, h("table", {"class": "lbf-budget"},
          h("caption", {}, "Budgettet fordelt på finansiering"),
          h("thead", {}, h("tr", {}, h("th", {"scope": "col"}, "Finansiering"),
                           h("th", {"scope": "col", "class": "lbf-tal"}, "Beløb"))),
          h("tbody", {}, "\n", [(h("tr", {}, h("th", {"scope": "row"}, navn), h("td", tal, kr(beloeb))), "\n")
                                for navn, beloeb in budget]),
          h("tfoot", {}, h("tr", {}, h("th", {"scope": "row"}, "Samlet budget"),
                           h("td", tal, kr(r.samlet_budget_kr)))))),
        sep="\n")




""""Regler brugt i beregningen": the rule values a result used, with their dates and sources, under every result
and in its printout.

>>> from calculators import beregn
>>> from calculators.noegletal import EKSEMPEL
>>> tekst = str(regelgrundlag_html(beregn("noegletal", EKSEMPEL).regelgrundlag))
>>> "Regler brugt i beregningen" in tekst, "gælder fra 1. marts 2007" in tekst
(True, True)
"""

from __future__ import annotations

import datetime as dt
import functools

from .._format import dato
from .._regelgrundlag import Regelgrundlag
from ._html import Html, h, kilde

__all__ = ["regelgrundlag_html"]


def _periode(fra, til) -> str:
    return f"gælder {dato(fra)}–{dato(til)}" if til else f"gælder fra {dato(fra)}"


# The rules of a calculation rarely change between two recalculations (Regelgrundlag is frozen, so hashable).
@functools.lru_cache(maxsize=64)
def regelgrundlag_html(g: Regelgrundlag, *, beregnet_paa: dt.date | None = None,
                       datotekst: str = "beregningsdatoen") -> Html:
    """The rules as a list (never a wide table: it must read on a phone and print on A4); ``beregnet_paa``: the
    date the rules were looked up on, when the calculator has one."""
    dato_tekst = (h("p", {}, f"Reglerne er dem, der gælder {dato(beregnet_paa)} ({datotekst}).")
                  if beregnet_paa else "")
    return h("section", {"class": "lbf-regelgrundlag"}, "\n",
             h("h3", {}, "Regler brugt i beregningen"), "\n", dato_tekst,
             h("ul", {"class": "lbf-regelliste"}, "\n",
               [(h("li", {}, h("strong", {}, f"{b.regel}:"), " ", b.vaerdi, " ",
                   h("span", {"class": "lbf-regel-periode"}, f"({_periode(b.gyldig_fra, b.gyldig_til)})"),
                   kilde(b.kilde)), "\n") for b in g.regler]) if g.regler else
             h("p", {}, "Beregningen har ikke brugt regelværdier fra sidens data: I har selv angivet alle tal."),
             "\n",
             h("p", {"class": "lbf-regelsaet"},
               f"Regelsæt {g.regelsaet}: et fingeraftryk af alle regelværdierne i denne udgave af siden. En gemt "
               "beregning husker det, så I kan se, om reglerne er ændret siden."), "\n")

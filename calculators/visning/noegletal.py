"""The nøgletal outcome: the verdict first, then each condition with its rule and source.

>>> from calculators import beregn
>>> from calculators.noegletal import EKSEMPEL
>>> html(beregn("noegletal", EKSEMPEL)).startswith('<div class="lbf-udfald lbf-udfald--ja">')
True
"""

from __future__ import annotations

from ..noegletal import Resultat
from ._html import Html, fragment, h, kilde, liste, status_ikon, udfald
from ._regler import regelgrundlag_html
from ._typet import som_resultat

__all__ = ["html", "BETINGELSER"]

BETINGELSER = {"tilsagnsdato": "Tilsagnsdato", "beloeb": "Beløbsgrænse", "udbudsdato": "Udbudsdato"}


def html(resultat: Resultat | dict, *, idprefiks: str | None = None) -> Html:
    """The result as an HTML fragment (it has no ids, so ``idprefiks`` is not used)."""
    r = som_resultat(Resultat, resultat)
    dele = [
        udfald(r.omfattet, r.konklusion),
        h("h3", {}, "Sådan er det vurderet"),
        h("ul", {"class": "lbf-tjekliste"}, "\n",
          [(h("li", {}, status_ikon(b.opfyldt), " ",
              h("strong", {}, f"{BETINGELSER.get(b.betingelse, b.betingelse)}:"), " ", b.tekst, kilde(b.kilde)),
            "\n") for b in r.begrundelser]),
    ]
    if r.forpligtelser:
        dele += [h("h3", {}, "Det skal I gøre"), liste(r.forpligtelser)]
    if r.bemaerkninger:
        dele += [h("h3", {}, "Husk"), liste(r.bemaerkninger)]
    dele.append(regelgrundlag_html(r.regelgrundlag))
    return fragment(dele, sep="\n")

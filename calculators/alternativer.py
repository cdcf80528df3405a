"""Alternatives of one merinvestering case side by side (e.g. per building part: roof, façade, windows).

Each alternative is a complete merinvestering input, computed by :func:`calculators.merinvestering.beregn` as it
is; nothing is averaged or combined. The comparison lists, per alternative, the net present value (condition 1 of
BEK 314 § 3, stk. 2, nr. 1), the first year's saving against the residents' payment (condition 2), the verdict and
the § 13 amount, ranks the alternatives by net present value, and asks the sensitivity analysis which assumption
decides the order: the first variant (the rate ±1 or ±2 points, the real price growth ±1 point) under which another
alternative has the highest net present value.

>>> from calculators.merinvestering import EKSEMPEL
>>> mindre = {**EKSEMPEL, "energibesparelser": [{**e, "maengde_aar": e["maengde_aar"] // 2}
...                                              for e in EKSEMPEL["energibesparelser"]]}
>>> s = sammenlign([("Som eksemplet", EKSEMPEL), ("Halv besparelse", mindre)])
>>> [a.navn for a in s.alternativer], s.bedste
(['Som eksemplet', 'Halv besparelse'], 'Som eksemplet')
>>> s.afgoerende is None
True
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any

from . import merinvestering
from ._contract import Fejl, Inputfejl, Laeser
from ._regelgrundlag import Regelgrundlag, regelgrundlag

__all__ = ["MAKS_ALTERNATIVER", "Alternativ", "Sammenligning", "sammenlign"]

#: More alternatives than this do not fit side by side on a screen or an A4 page.
MAKS_ALTERNATIVER = 6


@dataclasses.dataclass(frozen=True)
class Alternativ:
    navn: str
    merinvestering_kr: Decimal
    nettonutidsvaerdi_kr: Decimal
    besparelse_foerste_aar_kr: Decimal
    beboerbetaling_foerste_aar_kr: Decimal
    betingelse_nutidsvaerdi_opfyldt: bool
    betingelse_beboerbetaling_opfyldt: bool
    rentabel: bool
    noedvendig_egenbetaling_kr: Decimal
    konklusion: str


@dataclasses.dataclass(frozen=True)
class Afgoerende:
    """The first sensitivity variant under which another alternative comes first."""
    variant: str
    bedste: str


@dataclasses.dataclass(frozen=True)
class Sammenligning:
    alternativer: tuple[Alternativ, ...]
    bedste: str
    """The alternative with the highest net present value (the first of equals)."""
    afgoerende: Afgoerende | None
    """None: the same alternative comes first under every variant tried."""
    varianter: tuple[str, ...]
    """The variants tried (the sensitivity analysis's, without "Som beregnet")."""
    regelgrundlag: Regelgrundlag


def sammenlign(alternativer: list[tuple[str, Any]]) -> Sammenligning:
    """Compute each ``(navn, inddata)`` with the merinvestering calculator and compare them.

    Raises :class:`Inputfejl` naming the alternative (``alternativer[1].foranstaltninger[0].merpris_kr``) when an
    input is wrong, and when there are fewer than two or more than :data:`MAKS_ALTERNATIVER` alternatives.
    """
    if not 2 <= len(alternativer) <= MAKS_ALTERNATIVER:
        raise Inputfejl([Fejl("alternativer", f"Vælg mellem 2 og {MAKS_ALTERNATIVER} alternativer at sammenligne. "
                                              f"Der er {len(alternativer)}.")])
    resultater = []
    fejl: list[Fejl] = []
    for i, (navn, data) in enumerate(alternativer):
        try:
            resultater.append((navn, merinvestering.beregn(merinvestering.parse(Laeser(data, formular=True)))))
        except Inputfejl as e:
            fejl += [Fejl(f"alternativer[{i}].{f.felt}".rstrip("."), f"»{navn}«: {f.besked}") for f in e.fejl]
    if fejl:
        raise Inputfejl(fejl)
    rk = tuple(Alternativ(navn, r.merinvestering_kr, r.nettonutidsvaerdi_kr, r.besparelse_foerste_aar_kr,
                          r.beboerbetaling_foerste_aar_kr, r.betingelse_nutidsvaerdi_opfyldt,
                          r.betingelse_beboerbetaling_opfyldt, r.rentabel, r.noedvendig_egenbetaling_kr, r.konklusion)
               for navn, r in resultater)
    bedste = _foerst([(a.navn, a.nettonutidsvaerdi_kr) for a in rk])
    varianter = [f.betegnelse for f in resultater[0][1].foelsomhed[1:]]
    afgoerende = None
    for j, variant in enumerate(varianter, start=1):
        npv = [(navn, r.foelsomhed[j].nettonutidsvaerdi_kr) for navn, r in resultater]
        if any(v is None for _, v in npv):
            continue  # a variant some alternative cannot be computed under decides nothing
        if (foerst := _foerst(npv)) != bedste:  # type: ignore[arg-type]
            afgoerende = Afgoerende(variant, foerst)
            break
    brugt = {(b.regel, b.vaerdi, b.gyldig_fra, b.kilde): b for _, r in resultater for b in r.regelgrundlag.regler}
    return Sammenligning(rk, bedste, afgoerende, tuple(varianter), regelgrundlag(*brugt.values()))


def _foerst(npv: list[tuple[str, Decimal]]) -> str:
    """The name with the highest value; the first of equals."""
    return max(enumerate(npv), key=lambda x: (x[1][1], -x[0]))[1][0]

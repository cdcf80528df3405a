"""What a result was computed with: the rule values used, each with its dates and source, and the rule set's id.

Every calculator's result carries a :class:`Regelgrundlag`; the page shows it under the result ("Regler brugt i
beregningen"), the printout carries it, and a saved case records its ``regelsaet`` so it can say when the rules
changed since.

>>> import datetime as dt
>>> from calculators._versioner import Dateret
>>> g = regelgrundlag(brug("Beløbsgrænse", "300.000 kr.", Dateret(gyldig_fra=dt.date(2007, 3, 1), kilde="notatet s. 1")))
>>> g.regler[0].vaerdi, g.regler[0].gyldig_fra, len(g.regelsaet)
('300.000 kr.', datetime.date(2007, 3, 1), 12)
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from ._data import regelsaet
from ._versioner import Dateret

__all__ = ["Regelbrug", "Regelgrundlag", "brug", "regelgrundlag"]


@dataclasses.dataclass(frozen=True)
class Regelbrug:
    """One rule value a result used."""

    regel: str
    vaerdi: str
    """As the reader reads it ("300.000 kr.", "3,0 %", "1. marts 2007")."""
    gyldig_fra: dt.date
    gyldig_til: dt.date | None
    kilde: str


@dataclasses.dataclass(frozen=True)
class Regelgrundlag:
    regelsaet: str
    """The version id of the whole rule set (:func:`calculators._data.regelsaet`)."""
    regler: tuple[Regelbrug, ...]


def brug(regel: str, vaerdi: str, version: Dateret, kilde: str | None = None) -> Regelbrug:
    """``version`` used as ``regel`` with the value ``vaerdi``; ``kilde`` when the value's own source is more precise
    than the version's (a threshold's §, next to the role's start date)."""
    return Regelbrug(regel, vaerdi, version.gyldig_fra, version.gyldig_til, kilde or version.kilde)


def regelgrundlag(*regler: Regelbrug) -> Regelgrundlag:
    return Regelgrundlag(regelsaet(), tuple(regler))

"""The rules and defaults of the merinvestering calculator: the schema of
``calculators/data/merinvestering.toml`` and the look-ups the calculator and its page need.

Defaults that change over time are dated versions (:mod:`calculators._versioner`), looked up on the calculation
date; the beboerbetalingsprocent on the year of tilsagn (BEK 314 § 15).

>>> import datetime as dt
>>> r = regler()
>>> d = dt.date(2026, 11, 30)
>>> r.periode.aar, r.kalkulationsrente.versioner.paa(d).pct, r.energiarter["naturgas"].versioner.paa(d).realprisstigning_pct
(40, Decimal('3.0'), Decimal('-0.5'))
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from decimal import Decimal
from typing import Annotated

from ._data import indlaes
from ._enheder import Antal, Procent
from ._versioner import Dateret, Versioner

__all__ = ["Regler", "Kilder", "Energiart", "IkkeEnergiart", "regler", "standardvaerdier", "energiart_for",
           "ikke_energiart_for"]


@dataclasses.dataclass(frozen=True, kw_only=True)
class Periode(Dateret):
    betegnelse: str
    aar: Annotated[int, Antal(1, 100, "BEK 314 § 3 regner over 40 år")]


@dataclasses.dataclass(frozen=True, kw_only=True)
class Rente(Dateret):
    pct: Annotated[Decimal, Procent(-5, 20, "en real kalkulationsrente; standardværdien er 3 %")]


@dataclasses.dataclass(frozen=True)
class Kalkulationsrente:
    betegnelse: str
    note: str
    versioner: Versioner[Rente]


@dataclasses.dataclass(frozen=True, kw_only=True)
class Prisstigning(Dateret):
    realprisstigning_pct: Annotated[Decimal, Procent(-10, 10, "reale prisstigninger pr. år, i dag fra -0,5 til 2 %")]


@dataclasses.dataclass(frozen=True)
class Energiart:
    betegnelse: str
    versioner: Versioner[Prisstigning]
    alias: tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True, kw_only=True)
class IkkeEnergiart(Dateret):
    """Something users have entered as an energy type that BEK 314 does not count (cold water)."""
    betegnelse: str
    alias: tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True, kw_only=True)
class Levetid(Dateret):
    betegnelse: str
    levetid_aar: Annotated[int, Antal(1, 150, "levetider for bygningsdele, i dag 10–40 år")]


@dataclasses.dataclass(frozen=True, kw_only=True)
class Sats(Dateret):
    """The beboerbetalingsprocent for tilsagn given from ``gyldig_fra`` to ``gyldig_til`` (one calendar year)."""
    pct: Annotated[Decimal, Procent(0, 100, "beboerbetalingsprocenten er en andel af merinvesteringen")]


@dataclasses.dataclass(frozen=True)
class Beboerbetalingsprocent:
    betegnelse: str
    kilde: str
    versioner: Versioner[Sats] = Versioner((), "beboerbetalingsprocenten")


@dataclasses.dataclass(frozen=True)
class Kilder:
    betingelse_nutidsvaerdi: str
    betingelse_beboerbetaling: str
    egenbetaling: str
    dokumentation: str
    restvaerdi: str


@dataclasses.dataclass(frozen=True)
class Regler:
    kilde: str
    periode: Periode
    kalkulationsrente: Kalkulationsrente
    energiarter: dict[str, Energiart]
    ikke_energiarter: dict[str, IkkeEnergiart]
    levetider: dict[str, Levetid]
    beboerbetalingsprocent: Beboerbetalingsprocent
    kilder: Kilder


def regler() -> Regler:
    return indlaes("merinvestering", Regler)


def standardvaerdier(paa: dt.date, rg: Regler | None = None) -> dict:
    """The defaults in force on ``paa``, each with its source, as JSON (an energy type without a version in force
    is left out).

    >>> s = standardvaerdier(dt.date(2026, 11, 30))
    >>> s["periode_aar"]["vaerdi"], s["energiarter"]["naturgas"]["realprisstigning_pct"]
    (40, -0.5)
    """
    rg = rg or regler()
    rente = rg.kalkulationsrente.versioner.paa(paa)
    arter = {k: (e, v) for k, e in rg.energiarter.items() for v in e.versioner if v.gaelder(paa)}
    return {
        "periode_aar": {"vaerdi": rg.periode.aar, "kilde": rg.periode.kilde},
        "kalkulationsrente_pct": {"vaerdi": float(rente.pct), "kilde": rente.kilde,
                                  "note": rg.kalkulationsrente.note},
        "energiarter": {k: {"betegnelse": e.betegnelse, "realprisstigning_pct": float(v.realprisstigning_pct),
                            "kilde": v.kilde} for k, (e, v) in arter.items()},
        "levetider": {k: {"betegnelse": v.betegnelse, "levetid_aar": v.levetid_aar, "kilde": v.kilde}
                      for k, v in rg.levetider.items()},
        "beboerbetalingsprocent": {"kilde": rg.beboerbetalingsprocent.kilde,
                                   "versioner": [{"gyldig_fra": s.gyldig_fra.isoformat(), "pct": float(s.pct),
                                                  "kilde": s.kilde} for s in rg.beboerbetalingsprocent.versioner]},
    }


def _noegle(tekst: str) -> str:
    s = tekst.strip().lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    return re.sub(r"[\s\-_]+", "_", s)


def _find(navn: str, arter):
    n = _noegle(navn)
    for k, e in arter.items():
        if n in (_noegle(k), _noegle(e.betegnelse), *(_noegle(a) for a in e.alias)):
            return e
    return None


def energiart_for(navn: str, rg: Regler) -> Energiart | None:
    """The energy type a user's ``energiart`` names: its key, its name or an alias, ignoring case,
    spaces, hyphens and æ/ø/å spelt ae/oe/aa.

    >>> energiart_for("Fast-braendsel", regler()).betegnelse, energiart_for("biogas", regler())
    ('Fast brændsel', None)
    """
    return _find(navn, rg.energiarter)


def ikke_energiart_for(navn: str, rg: Regler) -> IkkeEnergiart | None:
    """The entry of ``ikke_energiarter`` a user's ``energiart`` names (matched as above), if any.

    >>> ikke_energiart_for("Koldt vand", regler()).betegnelse, ikke_energiart_for("varmt vand", regler())
    ('Vand', None)
    """
    return _find(navn, rg.ikke_energiarter)

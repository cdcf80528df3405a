"""Dated rule values: every value the calculators apply is in force from a date, maybe until a date, and names
its source.

A rule table in ``calculators/data/*.toml`` is *dated* when its schema derives from :class:`Dateret`::

    [[kalkulationsrente.versioner]]
    gyldig_fra = 2021-01-18
    pct = 3.0
    kilde = "Den frivillige bæredygtighedsklasse …, tabel 6"

``gyldig_fra`` and ``gyldig_til`` are both inclusive; no ``gyldig_til`` means "until a later version says
otherwise". Several versions of one value are a :class:`Versioner` (a list of tables in the file): the loader
(:mod:`calculators._data`) refuses versions out of order, overlapping versions and a version without a source, each
in Danish with the file and line. A date between two versions, before the first or after the last one's
``gyldig_til`` has **no rule in force**: :meth:`Versioner.paa` says so (:class:`IngenRegel`) instead of guessing.

Changing a rule therefore means adding a version, never overwriting one, so an old case still computes with the
rule of its date:

>>> import datetime as dt
>>> from dataclasses import dataclass
>>> @dataclass(frozen=True, kw_only=True)
... class Ramme(Dateret):
...     beloeb_kr: int
>>> rammer = Versioner((Ramme(gyldig_fra=dt.date(2021, 1, 1), gyldig_til=dt.date(2025, 12, 31), beloeb_kr=16, kilde="pkt. 5"),
...                     Ramme(gyldig_fra=dt.date(2026, 1, 1), gyldig_til=dt.date(2026, 12, 31), beloeb_kr=17, kilde="pkt. 5")),
...                    "årsrammen")
>>> rammer.paa(dt.date(2025, 12, 31)).beloeb_kr, rammer.paa(dt.date(2026, 1, 1)).beloeb_kr
(16, 17)
>>> rammer.paa(dt.date(2027, 1, 1))
Traceback (most recent call last):
...
calculators._versioner.IngenRegel: Der er ingen regel for årsrammen i kraft den 1. januar 2027. Reglerne gælder 1. januar 2021–31. december 2026.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from typing import TypeVar

from ._format import dato

__all__ = ["Dateret", "IngenRegel", "Versioner", "overlap", "periode_tekst"]


@dataclasses.dataclass(frozen=True, kw_only=True)
class Dateret:
    """A rule value with the dates it is in force (both inclusive) and its source."""

    gyldig_fra: dt.date
    kilde: str
    gyldig_til: dt.date | None = None
    betegnelse: str = ""
    """What the Ændringer page and the feed call the value (optional)."""

    def gaelder(self, paa: dt.date) -> bool:
        return self.gyldig_fra <= paa and (self.gyldig_til is None or paa <= self.gyldig_til)


class IngenRegel(LookupError):
    """No version of a rule value is in force on the date asked about (a gap, or outside all versions)."""


V = TypeVar("V", bound=Dateret)


def periode_tekst(fra: dt.date, til: dt.date | None) -> str:
    """``"1. januar 2021–31. december 2025"``, or ``"fra 1. januar 2021"`` when open-ended."""
    return f"{dato(fra)}–{dato(til)}" if til else f"fra {dato(fra)}"


class Versioner(tuple[V, ...]):
    """The dated versions of one rule value, oldest first, never overlapping (the loader checks that)."""

    navn: str

    def __new__(cls, versioner: Iterable[V], navn: str = "") -> Versioner[V]:
        self = super().__new__(cls, versioner)
        self.navn = navn
        return self

    def paa(self, paa: dt.date) -> V:
        """The version in force on ``paa``; :class:`IngenRegel` with a Danish message when there is none."""
        for v in self:
            if v.gaelder(paa):
                return v
        if not self:
            raise IngenRegel(f"Der er endnu ingen regel for {self.navn} i datafilerne, så den kan ikke bruges "
                             f"for {dato(paa)}.")
        perioder = "; ".join(periode_tekst(v.gyldig_fra, v.gyldig_til) for v in _sammenhaengende(self))
        raise IngenRegel(f"Der er ingen regel for {self.navn} i kraft den {dato(paa)}. Reglerne gælder {perioder}.")


def _sammenhaengende(versioner: tuple[Dateret, ...]) -> list[Dateret]:
    """Adjacent versions merged, so a message names the periods with a rule, not every version."""
    ud: list[Dateret] = []
    for v in versioner:
        if ud and ud[-1].gyldig_til is not None and ud[-1].gyldig_til + dt.timedelta(days=1) == v.gyldig_fra:
            ud[-1] = dataclasses.replace(ud[-1], gyldig_til=v.gyldig_til)
        else:
            ud.append(Dateret(gyldig_fra=v.gyldig_fra, gyldig_til=v.gyldig_til, kilde=v.kilde))
    return ud


def overlap(versioner: tuple[Dateret, ...]) -> tuple[int, str] | None:
    """The index of the first version that breaks the order and a Danish fix, or ``None`` if all is well."""
    for i, v in enumerate(versioner):
        if v.gyldig_til is not None and v.gyldig_til < v.gyldig_fra:
            return i, (f"gyldig_til ({dato(v.gyldig_til)}) ligger før gyldig_fra ({dato(v.gyldig_fra)}). "
                       "Ret en af datoerne.")
        if i == 0:
            continue
        forrige = versioner[i - 1]
        if v.gyldig_fra <= forrige.gyldig_fra:
            return i, (f"versionen gælder fra {dato(v.gyldig_fra)}, men den før den gælder fra "
                       f"{dato(forrige.gyldig_fra)}. Skriv versionerne i tidsrækkefølge, den ældste først.")
        if forrige.gyldig_til is None or forrige.gyldig_til >= v.gyldig_fra:
            slut = dato(v.gyldig_fra - dt.timedelta(days=1))
            return i, (f"versionen gælder fra {dato(v.gyldig_fra)}, men den før den gælder "
                       f"{periode_tekst(forrige.gyldig_fra, forrige.gyldig_til)}, så de overlapper. Giv den "
                       f"forrige version »gyldig_til = {v.gyldig_fra - dt.timedelta(days=1)}« ({slut}); ret aldrig "
                       "en gammel version, tilføj en ny.")
    return None

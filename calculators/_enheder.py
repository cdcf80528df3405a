"""Units for the rules' schemas: what an editor may write for a value, and the range it must lie in.

A schema field says its unit with :data:`typing.Annotated`::

    taerskel_kr: Annotated[Decimal, Kroner(10_000, 10_000_000, "nøgletalsgrænserne i notatet er 150.000–5 mio. kr.")]

The loader (:mod:`calculators._data`) then accepts only what the unit allows and refuses a value outside the range
with the reason written here, so a typo (``taerskel_kr = 175.000``, a TOML float 175.0, or ``175`` beside
300.000) stops the build instead of publishing a wrong amount.

Kroner are TOML integers (``300000`` or ``300_000``), or a text with a decimal comma where øre matter
(``"1250000,50"``); a TOML float is refused, because an editor who writes ``175.000`` means 175.000 kr. and TOML
reads 175,0.

>>> Kroner(0, 10).laes(7)
Decimal('7')
>>> Kroner(0, 10).laes("7,50")
Decimal('7.50')
>>> Kroner(0, 10).laes(7.0)
Traceback (most recent call last):
...
ValueError: er et kommatal (7.0); beløb i kroner skrives som et helt tal uden punktum, fx 175000 eller 175_000 (øre som tekst med komma: "1250000,50")
>>> Procent(0, 100, "en andel").laes(120)
Traceback (most recent call last):
...
ValueError: 120 % ligger uden for 0–100 % (en andel)
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from decimal import Decimal
from typing import Any

__all__ = ["Aar", "Antal", "Dato", "Enhed", "Kroner", "Procent", "Tekst"]

_KRONER_TEKST = re.compile(r"-?[0-9]+(,[0-9]{1,2})?", re.ASCII)


def _tal(x: Decimal | int) -> str:
    """Danish grouping for a range in a message (the loader cannot import the formatting module's rounding)."""
    d = Decimal(x)
    heltal, _, rest = f"{d:,f}".partition(".")
    return heltal.replace(",", ".") + ("," + rest if rest.strip("0") else "")


@dataclasses.dataclass(frozen=True)
class Enhed:
    """A unit with an inclusive range and the reason for it (from the sources, said in the schema)."""

    min: Any = None
    max: Any = None
    grund: str = ""
    navn = "en værdi"
    tegn = ""

    def laes(self, v: Any) -> Any:
        """The value as the calculators use it; ``ValueError`` with a Danish reason otherwise."""
        x = self.konverter(v)
        if (self.min is not None and x < self.min) or (self.max is not None and x > self.max):
            grund = f" ({self.grund})" if self.grund else ""
            raise ValueError(f"{self.vis(x)} ligger uden for {self.vis(self.min, tegn=False)}–{self.vis(self.max)}"
                             f"{grund}")
        return x

    def konverter(self, v: Any) -> Any:
        raise NotImplementedError

    def vis(self, x: Any, *, tegn: bool = True) -> str:
        return f"{x}{self.tegn if tegn else ''}"


class Kroner(Enhed):
    navn = "et beløb i kroner"
    tegn = " kr."

    def konverter(self, v: Any) -> Decimal:
        if isinstance(v, float):
            raise ValueError(f"er et kommatal ({v!r}); beløb i kroner skrives som et helt tal uden punktum, "
                             'fx 175000 eller 175_000 (øre som tekst med komma: "1250000,50")')
        if isinstance(v, str) and _KRONER_TEKST.fullmatch(v):
            return Decimal(v.replace(",", "."))
        if isinstance(v, bool) or not isinstance(v, int):
            raise ValueError(f'skal være et beløb i kroner, fx 175000 (eller "1250000,50" med øre), fik {v!r}')
        return Decimal(v)

    def vis(self, x: Any, *, tegn: bool = True) -> str:
        return _tal(x) + (self.tegn if tegn else "")


class Procent(Enhed):
    navn = "en procentsats"
    tegn = " %"

    def konverter(self, v: Any) -> Decimal:
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            raise ValueError(f"skal være et tal i procent, fx 2.5 (punktum som decimaltegn i TOML), fik {v!r}")
        return Decimal(str(v))

    def vis(self, x: Any, *, tegn: bool = True) -> str:
        return str(x).replace(".", ",") + (self.tegn if tegn else "")


class Antal(Enhed):
    navn = "et helt tal"

    def konverter(self, v: Any) -> int:
        if isinstance(v, bool) or not isinstance(v, int):
            raise ValueError(f"skal være et helt tal, fx 10, fik {v!r}")
        return v


class Aar(Antal):
    navn = "et årstal"

    def konverter(self, v: Any) -> int:
        if isinstance(v, bool) or not isinstance(v, int):
            raise ValueError(f"skal være et årstal, fx 2026 (uden anførselstegn), fik {v!r}")
        return v


class Dato(Enhed):
    navn = "en dato"

    def konverter(self, v: Any) -> dt.date:
        if isinstance(v, dt.datetime) or not isinstance(v, dt.date):
            raise ValueError(f"skal være en dato skrevet åååå-mm-dd uden anførselstegn, fx 2015-11-01, fik {v!r}")
        return v

    def vis(self, x: Any, *, tegn: bool = True) -> str:
        return x.isoformat() if isinstance(x, dt.date) else str(x)


class Tekst(Enhed):
    navn = "en tekst"

    def konverter(self, v: Any) -> str:
        if not isinstance(v, str):
            raise ValueError(f"skal være en tekst i anførselstegn, fik {v!r}")
        return v

"""Danish number and date formats for everything a user reads (1.250.000 kr., 12,5 %, 5. januar 2024).

>>> kr(Decimal("1250000"))
'1.250.000\xa0kr.'
>>> kr(Decimal("1234.5"))
'1.234,50\xa0kr.'
>>> pct(Decimal("12.5"))
'12,5\xa0%'
>>> dato(dt.date(2024, 1, 5))
'5. januar 2024'
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

__all__ = ["dato", "kr", "pct", "tal"]

MAANEDER = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
            "september", "oktober", "november", "december")


def tal(x: Decimal | float | int, decimaler: int | None = None) -> str:
    """A number with "." as thousands separator and "," as decimal mark.

    ``decimaler=None`` keeps the decimals the number has (none for whole numbers).

    >>> tal(Decimal("-1234567.891"), 2)
    '-1.234.567,89'
    >>> tal(3112)
    '3.112'
    """
    d = x if isinstance(x, Decimal) else Decimal(str(x))
    if decimaler is not None:
        d = d.quantize(Decimal(1).scaleb(-decimaler), rounding=ROUND_HALF_UP)
    elif d == d.to_integral_value():
        d = d.quantize(Decimal(1))
    else:
        d = d.normalize()
    tegn = "-" if d < 0 else ""
    heltal, _, brok = f"{abs(d):f}".partition(".")
    grupper = []
    while len(heltal) > 3:
        grupper.insert(0, heltal[-3:])
        heltal = heltal[:-3]
    grupper.insert(0, heltal)
    ud = ".".join(grupper)
    if tegn and (ud.strip("0.") or brok.strip("0")):
        ud = "-" + ud
    return ud + ("," + brok if brok else "")


def kr(x: Decimal | float | int) -> str:
    """Kroner: whole kroner without decimals, otherwise always two (øre), NBSP before kr."""
    d = x if isinstance(x, Decimal) else Decimal(str(x))
    d = d.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return (tal(d, 0) if d == d.to_integral_value() else tal(d, 2)) + "\u00a0kr."


def pct(x: Decimal | float | int, decimaler: int | None = None) -> str:
    return tal(x, decimaler) + "\u00a0%"


def dato(d: dt.date) -> str:
    return f"{d.day}. {MAANEDER[d.month - 1]} {d.year}"

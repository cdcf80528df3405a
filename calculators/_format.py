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

__all__ = ["andel", "dato", "decimal", "kr", "pct", "pct_som_angivet", "punktum", "tal",
           "tal_som_angivet"]

MAANEDER = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
            "september", "oktober", "november", "december")

# English grouping and decimal mark, swapped for the Danish ones in one pass.
_DANSK = str.maketrans({",": ".", ".": ","})


def decimal(x: Decimal | float | int) -> Decimal:
    """``x`` as a Decimal; a float by its shortest repr, so 0.85 stays 0.85.

    >>> decimal(0.85), decimal(3), decimal(Decimal("1.50"))
    (Decimal('0.85'), Decimal('3'), Decimal('1.50'))
    """
    return x if isinstance(x, Decimal) else Decimal(str(x))


def tal(x: Decimal | float | int, decimaler: int | None = None) -> str:
    """A number with "." as thousands separator and "," as decimal mark.

    ``decimaler=None`` keeps the decimals the number has (none for whole numbers).

    >>> tal(Decimal("-1234567.891"), 2)
    '-1.234.567,89'
    >>> tal(3112)
    '3.112'
    >>> tal(Decimal("-0.001"), 2)  # no minus sign on a number shown as zero
    '0,00'
    """
    d = decimal(x)
    if decimaler is not None:
        d = d.quantize(Decimal(1).scaleb(-decimaler), rounding=ROUND_HALF_UP)
    elif d == d.to_integral_value():
        d = d.quantize(Decimal(1))
    else:
        d = d.normalize()
    if d == 0:
        d = d.copy_abs()
    return format(d, ",f").translate(_DANSK)


def kr(x: Decimal | float | int) -> str:
    """Kroner: whole kroner without decimals, otherwise always two (øre), NBSP before kr."""
    d = decimal(x).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return (tal(d, 0) if d == d.to_integral_value() else tal(d, 2)) + "\u00a0kr."


def pct(x: Decimal | float | int, decimaler: int | None = None) -> str:
    return tal(x, decimaler) + "\u00a0%"


def tal_som_angivet(x: Decimal | float | int, mindst: int = 0) -> str:
    """A number with the decimals it has, at least ``mindst`` (a price: 0,75 / 0,8525).

    >>> tal_som_angivet(Decimal("0.75"), 2), tal_som_angivet(Decimal("0.8525"), 2), tal_som_angivet(3, 2)
    ('0,75', '0,8525', '3,00')
    """
    d = decimal(x)
    eksponent = d.normalize().as_tuple().exponent
    assert isinstance(eksponent, int)  # a finite number
    return tal(d, max(mindst, -min(0, eksponent)))


def pct_som_angivet(x: Decimal | float | int, mindst: int = 0) -> str:
    """A percentage with the decimals it has, at least ``mindst``: 4 %, 1,0 %, 2,75 %.

    >>> pct_som_angivet(4), pct_som_angivet(Decimal("1"), 1), pct_som_angivet(Decimal("2.750"))
    ('4\xa0%', '1,0\xa0%', '2,75\xa0%')
    """
    return tal_som_angivet(x, mindst) + "\u00a0%"


def andel(x: Decimal | float | int) -> str:
    """A share as the pages show it: one decimal, none when whole (20,9 %, 100 %).

    >>> andel(Decimal("20.91")), andel(Decimal("99.96"))
    ('20,9\xa0%', '100\xa0%')
    """
    return pct(decimal(x).quantize(Decimal("0.1"), ROUND_HALF_UP))


def punktum(saetning: str) -> str:
    """End a sentence with one full stop, also when it ends in an abbreviation ("… 3.450.000 kr.").

    >>> punktum("Forskellen er 5\xa0kr."), punktum("Det er opfyldt")
    ('Forskellen er 5\xa0kr.', 'Det er opfyldt.')
    """
    return saetning if saetning.endswith(".") else saetning + "."


def dato(d: dt.date) -> str:
    return f"{d.day}. {MAANEDER[d.month - 1]} {d.year}"

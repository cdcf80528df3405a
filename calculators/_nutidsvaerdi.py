"""Present values of yearly cash flows: the few pure functions the merinvestering rests on.

Conventions (the same everywhere in this package):

* Year ``t = 1 … N``; a flow of year ``t`` is paid at the *end* of that year.
* Flows are given as a sequence ``x[0] … x[N-1]`` for the years ``1 … N``; what happens at
  ``t = 0`` (the investment itself) is never discounted and is not part of the sequence.
* Rates are fractions per year (``0.03`` for 3 %), real (net of inflation), and
  greater than ``-1``.

Floats are used here and only here; callers round once, at the edge.

>>> round(nutidsvaerdi([100.0, 100.0], 0.10), 6)
173.553719
>>> voksende(100.0, 0.5, 3)
[100.0, 150.0, 225.0]
>>> list(genkoebsaar(15, 40)), restandel(15, 40)
([15, 30], Fraction(1, 3))
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction

__all__ = ["nutidsvaerdi", "voksende", "genkoebsaar", "restandel", "log10_faktor"]


def nutidsvaerdi(stroem: Sequence[float], rente: float, /) -> float:
    """Present value at ``t = 0`` of end-of-year flows for the years ``1 … N``.

    .. math:: PV = \\sum_{t=1}^{N} x_t \\, (1 + r)^{-t}

    Parameters
    ----------
    stroem
        ``x_1 … x_N`` (``stroem[0]`` is year 1).
    rente
        ``r``, a fraction per year, ``r > -1``.

    Examples
    --------
    An annuity of 1 over 40 years at 3 % (the textbook factor 23,1148):

    >>> round(nutidsvaerdi([1.0] * 40, 0.03), 4)
    23.1148
    >>> nutidsvaerdi([5.0, 5.0], 0.0)
    10.0
    """
    if rente == 0:
        return math.fsum(stroem)
    v = 1.0 + rente
    # v ** -t rather than x / v ** t: a huge rate then underflows to 0 instead of overflowing.
    return math.fsum(x * v ** -t for t, x in enumerate(stroem, start=1))


def voksende(beloeb: float, vaekst: float, n: int, /) -> list[float]:
    """``beloeb`` in year 1, growing by ``vaekst`` a year: ``beloeb × (1 + g)^(t−1)``, t = 1 … n.

    The first year is at today's prices ("ved ibrugtagelse").

    >>> voksende(1000.0, -0.5, 3)
    [1000.0, 500.0, 250.0]
    """
    v = 1.0 + vaekst
    return [beloeb * v ** (t - 1) for t in range(1, n + 1)]


def genkoebsaar(levetid: int, periode: int, /) -> range:
    """Years ``t = L, 2L, …`` strictly before ``N`` in which a measure is bought again.

    A purchase wearing out exactly at ``N`` is not renewed.

    >>> list(genkoebsaar(20, 40)), list(genkoebsaar(40, 40)), list(genkoebsaar(50, 40))
    ([20], [], [])
    """
    return range(levetid, periode, levetid)


def restandel(levetid: int, periode: int, /) -> Fraction:
    """Share of a measure's price left at ``t = N``, valued linearly over its lifetime.

    The latest purchase is at ``t0 = L × floor((N − 1) / L)`` (0 when ``L ≥ N``); at ``N`` it
    has ``t0 + L − N`` of its ``L`` years left.

    >>> restandel(30, 40), restandel(20, 40), restandel(50, 40), restandel(1, 40)
    (Fraction(2, 3), Fraction(0, 1), Fraction(1, 5), Fraction(0, 1))
    """
    t0 = levetid * ((periode - 1) // levetid)
    return Fraction(t0 + levetid - periode, levetid)


def log10_faktor(rate: float, aar: int, /) -> float:
    """``log10`` of the largest of ``1`` and ``(1 + rate)^aar``: how many decimal digits a
    compounding over ``aar`` years can add. Used to refuse inputs that would overflow.

    >>> log10_faktor(9.0, 3), log10_faktor(-0.5, 3)
    (3.0, 0.0)
    """
    return max(0.0, aar * math.log10(1.0 + rate))

"""The formats a page or a deadline text shows a rule's value in (the Jinja filters of the site).

A page writes ``{{ noegletal.roller.entreprenoer.taerskel_kr | kr }}`` and reads 300.000 kr.
Each format refuses a value of the wrong kind with a Danish message, so an editor's mistake
stops the build instead of printing nonsense. A text an editor has not filled in yet (``""``)
shows as »ikke angivet« (:func:`vis`, used for every value a page prints, and by ``link``);
a number or date format still refuses it.

>>> FORMATER["mio_kr"](16500000), FORMATER["dato"](dt.date(2015, 11, 1)), vis("")
('16,5\\xa0mio. kr.', '1. november 2015', 'ikke angivet')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from . import _format

__all__ = ["FORMATER", "IKKE_ANGIVET", "Formatfejl", "vis"]

#: What an editor-maintained text field shows until it is filled in.
IKKE_ANGIVET = "ikke angivet"


class Formatfejl(ValueError):
    """A value does not fit the format a page asks for."""


def vis(v: Any) -> Any:
    """A value as a page prints it: an empty text is »ikke angivet«, anything else unchanged."""
    return IKKE_ANGIVET if isinstance(v, str) and not v.strip() else v


def _tal(fmt: str, v: Any) -> Decimal:
    if isinstance(v, bool) or not isinstance(v, (int, float, Decimal)):
        raise Formatfejl(f"formatet »{fmt}« kræver et tal, fik {v!r}")
    return Decimal(str(v))


def kr(v: Any) -> str:
    return _format.kr(_tal("kr", v))


def mio_kr(v: Any) -> str:
    return _format.tal(_tal("mio_kr", v) / Decimal(1_000_000)) + "\u00a0mio. kr."


def pct(v: Any) -> str:
    return _format.pct(_tal("pct", v))


def tal(v: Any) -> str:
    return _format.tal(_tal("tal", v))


def dato(v: Any) -> str:
    if isinstance(v, dt.datetime) or not isinstance(v, dt.date):
        raise Formatfejl(f"formatet »dato« kræver en dato, fik {v!r}")
    return _format.dato(v)


def aar(v: Any) -> str:
    """A year without a thousands separator (2026, not 2.026)."""
    return str(v)


def link(v: Any) -> str:
    """A web address as a Markdown autolink ``<https://…>``; an empty text is »ikke angivet«."""
    if not isinstance(v, str):
        raise Formatfejl(f"formatet »link« kræver en tekst, fik {v!r}")
    v = v.strip()
    if not v:
        return IKKE_ANGIVET
    if not v.startswith(("https://", "http://")) or any(c.isspace() or c in "<>" for c in v):
        raise Formatfejl(f"formatet »link« kræver en hel adresse, der begynder med https://, fik {v!r}")
    return f"<{v}>"


FORMATER: dict[str, Callable[[Any], str]] = {
    "kr": kr, "mio_kr": mio_kr, "pct": pct, "tal": tal, "dato": dato, "aar": aar, "link": link}

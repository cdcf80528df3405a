"""HTML for calculator results: the same fragment at build time and in the browser.

``html(navn, resultat)`` renders the JSON result of :func:`calculators.run`. Every text that
can come from a user is escaped here, so the browser may insert the fragment as HTML.
"""

from __future__ import annotations

import importlib

__all__ = ["csv", "html"]


def html(navn: str, resultat: dict) -> str:
    return importlib.import_module(f"{__name__}.{navn}").html(resultat)


def csv(navn: str, resultat: dict) -> str | None:
    """The result's table as CSV (Danish number format), for calculators that have one."""
    modul = importlib.import_module(f"{__name__}.{navn}")
    return modul.csv(resultat) if hasattr(modul, "csv") else None

"""HTML for calculator results: the same fragment at build time and in the browser.

``html(navn, resultat)`` renders the JSON result of :func:`calculators.run`. Every text that
can come from a user is escaped here, so the browser may insert the fragment as HTML.
"""

from __future__ import annotations

import importlib

__all__ = ["csv", "eksempel_html", "html"]


def html(navn: str, resultat: dict) -> str:
    return importlib.import_module(f"{__name__}.{navn}").html(resultat)


def csv(navn: str, resultat: dict) -> str | None:
    """The result's table as CSV (Danish number format), for calculators that have one."""
    modul = importlib.import_module(f"{__name__}.{navn}")
    return modul.csv(resultat) if hasattr(modul, "csv") else None


def eksempel_html(navn: str) -> str:
    """Calculator ``navn``'s worked example (its module's ``EKSEMPEL``), rendered as the page shows it.

    Raises ``ValueError`` with a Danish message if the example no longer passes the calculator's own checks
    (an editor changed a rule the example depends on), so the build stops with the reason.
    """
    from .. import modul, run

    resultat = run(navn, modul(navn).EKSEMPEL)
    if "fejl" in resultat:
        beskeder = "; ".join(f"{f['felt']}: {f['besked']}" for f in resultat["fejl"])
        raise ValueError(f"eksemplet for beregneren »{navn}« giver fejl: {beskeder}")
    return html(navn, resultat)

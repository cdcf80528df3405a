"""Calculators for Landsbyggefonden's pools and the rules around them.

One contract for all of them, used alike by the CLI, the tests, the site build and the
browser (Pyodide):

>>> run("noegletal", {"rolle": "raadgiver", "tilsagnsdato": "2009-01-01",
...                   "udbudsdato": "2015-01-01", "beloeb_kr": 150000})["omfattet"]
False
>>> run("noegletal", {"rolle": "raadgiver"})["fejl"][0]["felt"]
'tilsagnsdato'

``run`` never raises for bad input; it returns ``{"fejl": [{"felt", "besked"}, ...]}``.
:func:`beregn` is the typed path next to it: the calculator's frozen result dataclass, or
:class:`Inputfejl` (the result views render from it):

>>> beregn("noegletal", {"rolle": "raadgiver", "tilsagnsdato": "2009-01-01",
...                      "udbudsdato": "2015-01-01", "beloeb_kr": 150000}).omfattet
False

The package is standard-library only, so that it runs unchanged in the browser.
"""

from __future__ import annotations

import importlib
from typing import Any

from ._contract import Fejl, Inputfejl, Laeser, til_json

__all__ = ["BEREGNERE", "Inputfejl", "beregn", "modul", "raekkegraenser", "run"]

#: name -> (module, Danish title). Modules are imported on first use, so a page imports
#: only the calculator it needs.
BEREGNERE: dict[str, str] = {
    "noegletal": "Nøgletal: er I omfattet?",
    "merinvestering": "Totaløkonomisk merinvestering",
    "budgettjek": "Tjek af ansøgning til Bæredygtighedspuljen",
    "groen_garanti": "Grøn garanti: besparelse og manko",
}


def modul(navn: str):
    """The module implementing calculator ``navn`` (``KeyError`` if there is none)."""
    if navn not in BEREGNERE:
        raise KeyError(navn)
    return importlib.import_module(f"{__name__}.{navn}")


def beregn(navn: str, data: Any, /, *, formular: bool = False) -> Any:
    """Validate ``data`` and run calculator ``navn``: its typed result (a frozen dataclass).

    Raises :class:`Inputfejl` for bad input and for an unknown calculator, with the messages
    :func:`run` returns as JSON.
    """
    if navn not in BEREGNERE:
        kendte = ", ".join(BEREGNERE)
        raise Inputfejl([Fejl("", f"Ukendt beregner »{navn}«. Kendte beregnere: {kendte}.")])
    m = modul(navn)
    return m.beregn(m.parse(Laeser(data, formular=formular)))


def run(navn: str, data: Any, /, *, formular: bool = False) -> dict:
    """Validate ``data`` and run calculator ``navn``; the result or ``{"fejl": [...]}`` as JSON.

    ``formular=True`` also accepts numbers as the text a user typed ("1.250.000,50").
    """
    try:
        return til_json(beregn(navn, data, formular=formular))
    except Inputfejl as e:
        return e.til_json()


def raekkegraenser() -> dict[str, dict[str, int]]:
    """Each calculator's row limits (``{"merinvestering": {"foranstaltninger": 100, …}, …}``): the one source the
    calculators check and the pages' row blocks show (``data-max``).

    >>> raekkegraenser()["budgettjek"]["poster"]
    100
    """
    return {navn: modul(navn).raekkegraenser() for navn in BEREGNERE}

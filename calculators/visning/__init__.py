"""HTML for calculator results: the same fragment at build time and in the browser.

``html(navn, resultat, idprefiks=...)`` renders a calculator's typed result (the frozen dataclass
its ``beregn()`` returns, see :func:`calculators.beregn`; the JSON of :func:`calculators.run` is
accepted too). The views build their HTML with :mod:`calculators.visning._html`, which escapes
every plain string, so the browser may insert the fragment as HTML.

Element ids follow one rule: the caller passes ``idprefiks`` and every id in the fragment starts
with it. The build renders the worked example with :data:`EKSEMPEL_IDPRAEFIKS`, the browser the
live result with :data:`BROWSER_IDPRAEFIKS`; both stand on the same page, so the two differ.

>>> from calculators import beregn
>>> from calculators.groen_garanti import EKSEMPEL
>>> r = beregn("groen_garanti", EKSEMPEL)
>>> f'id="{EKSEMPEL_IDPRAEFIKS}-tabel"' in html("groen_garanti", r, idprefiks=EKSEMPEL_IDPRAEFIKS)
True
"""

from __future__ import annotations

import importlib

from ._html import BROWSER_IDPRAEFIKS, EKSEMPEL_IDPRAEFIKS, Html

__all__ = ["BROWSER_IDPRAEFIKS", "EKSEMPEL_IDPRAEFIKS", "csv", "eksempel_html", "glem_gemte_dele", "html"]


def _modul(navn: str):
    return importlib.import_module(f"{__name__}.{navn}")


def html(navn: str, resultat: object, *, idprefiks: str | None = None) -> Html:
    """Calculator ``navn``'s result as an HTML fragment, every id starting with ``idprefiks``.

    Without ``idprefiks`` the view derives one from the result (tests, the CLI).
    """
    return _modul(navn).html(resultat, idprefiks=idprefiks)


def glem_gemte_dele() -> None:
    """Forget the pieces of HTML the views keep between calls (``functools.lru_cache``: a rule's source, the rules
    used, a budget check), for a test that watches what the views render."""
    import sys

    for navn, m in list(sys.modules.items()):
        if navn == __name__ or navn.startswith(__name__ + "."):
            for f in vars(m).values():
                if callable(getattr(f, "cache_clear", None)):
                    f.cache_clear()


def csv(navn: str, resultat: object) -> str | None:
    """The result's table as CSV (Danish number format), for calculators that have one."""
    modul = _modul(navn)
    return modul.csv(resultat) if hasattr(modul, "csv") else None


def eksempel_html(navn: str) -> str:
    """Calculator ``navn``'s worked example (its module's ``EKSEMPEL``), rendered as the page shows it.

    Raises ``ValueError`` with a Danish message if the example no longer passes the calculator's own checks
    (an editor changed a rule the example depends on), so the build stops with the reason.
    """
    from .. import Inputfejl, beregn, modul

    try:
        resultat = beregn(navn, modul(navn).EKSEMPEL)
    except Inputfejl as e:
        beskeder = "; ".join(f"{f.felt}: {f.besked}" for f in e.fejl)
        raise ValueError(f"eksemplet for beregneren »{navn}« giver fejl: {beskeder}") from None
    return str(html(navn, resultat, idprefiks=EKSEMPEL_IDPRAEFIKS))

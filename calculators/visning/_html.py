"""Small, escaping HTML builders shared by the result views."""

from __future__ import annotations

import hashlib
import sys
from html import escape

__all__ = ["element_id", "esc", "kilde", "liste", "status_ikon"]


def element_id(praefiks: str, indhold: str) -> str:
    """An id for a result's elements (chart titles, table links), unique on the page.

    A page holds the worked example rendered at build time and, later, the live result
    rendered in the browser (Pyodide); a "b" marks the browser's ids, so the two never clash
    even when a user enters exactly the example's figures. The hash tells results apart.

    >>> element_id("gg", "x") == element_id("gg", "x") != element_id("gg", "y")
    True
    """
    side = f"{praefiks}b" if sys.platform == "emscripten" else praefiks
    return f"{side}-{hashlib.sha1(indhold.encode()).hexdigest()[:8]}"


def esc(x: object) -> str:
    return escape(str(x), quote=True)


def kilde(tekst: str) -> str:
    return f'<p class="lbf-kilde"><span class="lbf-kilde__label">Kilde:</span> {esc(tekst)}</p>'


def liste(punkter, *, klasse: str = "") -> str:
    k = f' class="{esc(klasse)}"' if klasse else ""
    return f"<ul{k}>" + "".join(f"<li>{esc(p)}</li>" for p in punkter) + "</ul>"


def status_ikon(opfyldt: bool | str) -> str:
    """A text label, never colour alone (WCAG 1.4.1)."""
    navn = {True: ("ok", "Opfyldt"), False: ("fejl", "Ikke opfyldt"), "ok": ("ok", "OK"),
            "advarsel": ("advarsel", "Advarsel"), "fejl": ("fejl", "Fejl")}[opfyldt]
    return f'<span class="lbf-status lbf-status--{navn[0]}">{navn[1]}</span>'

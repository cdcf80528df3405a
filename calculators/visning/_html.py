"""Small, escaping HTML builders shared by the result views."""

from __future__ import annotations

from html import escape

__all__ = ["esc", "kilde", "liste", "status_ikon"]


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

"""Checks on a rendered page that stop the build when an editor's slip would reach readers.

* Nothing template-shaped survives: ``{{``, ``}}``, ``{%`` or ``%}`` in a page's text outside code (a placeholder
  missing a brace is otherwise published as raw text).
* Markdown eats no date: every date written in the page's Markdown ("1. november 2015") appears, unchanged, in the
  built text, and no list item starts with a month name (a wrapped line beginning "1. november 2015" becomes list
  item 1 with the text "november 2015", and in an ordered list the reader sees another number).

Pure functions over text, so they are tested without MkDocs; the hook that calls them is wiring only.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

__all__ = ["MAANEDER", "datoer_i_markdown", "listepunkter_med_maaned", "skabelonrester", "tjek_side"]

MAANEDER = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
            "november", "december")
_DATO = re.compile(rf"\b\d{{1,2}}\.\s+(?:{'|'.join(MAANEDER)})\s+\d{{4}}\b")
_SKABELON = re.compile(r"\{\{|\}\}|\{%|%\}")
_KODE = {"code", "pre", "script", "style", "template", "kbd", "samp"}


class _Tekst(HTMLParser):
    """The page's visible text outside code, with the source line of each piece, and the text of each <li>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.i_kode = 0
        self.stykker: list[tuple[int, str]] = []
        self.al_tekst: list[str] = []          # code included: a date in a code example still counts
        self.li: list[list[str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _KODE:
            self.i_kode += 1
        if tag == "li":
            self.li.append([])

    def handle_endtag(self, tag: str) -> None:
        if tag in _KODE and self.i_kode:
            self.i_kode -= 1

    def handle_data(self, data: str) -> None:
        self.al_tekst.append(data)
        if self.i_kode:
            return
        self.stykker.append((self.getpos()[0], data))
        if self.li:
            self.li[-1].append(data)


def _laes(html: str) -> _Tekst:
    p = _Tekst()
    p.feed(html)
    p.close()
    return p


def skabelonrester(html: str) -> list[tuple[int, str]]:
    """``(line in the HTML, excerpt)`` for every ``{{ }} {% %}`` left in the text outside code.

    >>> skabelonrester("<p>Grænsen er {{ noegletal.x | kr }</p><pre><code>{{ vist }}</code></pre>")
    [(1, 'Grænsen er {{ noegletal.x | kr }')]
    """
    return [(linje, tekst.strip()[:80]) for linje, tekst in _laes(html).stykker if _SKABELON.search(tekst)]


def datoer_i_markdown(markdown: str) -> list[str]:
    """Every date written out in Danish in a page's Markdown source, white space collapsed.

    >>> datoer_i_markdown("udbudt inden den\\n1. november 2015 og 30. juni 2011")
    ['1. november 2015', '30. juni 2011']
    """
    return [" ".join(m.group(0).split()) for m in _DATO.finditer(markdown)]


def listepunkter_med_maaned(html: str) -> list[str]:
    """List items whose text starts with a month name – the mark of a date eaten by Markdown.

    >>> listepunkter_med_maaned("<ol><li>Tilsagn</li><li>november 2015 eller senere</li></ol>")
    ['november 2015 eller senere']
    """
    ud = []
    for stykker in _laes(html).li:
        tekst = " ".join("".join(stykker).split())
        if tekst.split(" ", 1)[0].lower() in MAANEDER:
            ud.append(tekst[:60])
    return ud


def tjek_side(side: str, markdown: str, html: str) -> list[str]:
    """Every problem on one page, as Danish sentences naming the page (and the line) and the fix."""
    fejl = [f"{side}: skabelontekst er ikke udfyldt (HTML-linje {linje}): »{uddrag}«. Tjek at pladsholderen har to "
            "krøllede parenteser i hver ende, fx {{ noegletal.skaeringsdato.gyldig_fra | dato }}."
            for linje, uddrag in skabelonrester(html)]
    tekst = " ".join("".join(_laes(html).al_tekst).split())
    for m in _DATO.finditer(markdown):
        dato = " ".join(m.group(0).split())
        if dato not in tekst:
            linje = markdown.count("\n", 0, m.start()) + 1
            fejl.append(f"{side}, linje {linje}: datoen »{dato}« står ikke uændret på den færdige side. En linje, "
                        "der begynder med »1. november 2015«, bliver et nyt listepunkt: flyt datoen op på linjen før.")
    fejl += [f"{side}: et listepunkt begynder med et månedsnavn (»{p}«) – en dato er blevet til et listepunkt. "
             "Flyt datoen op på linjen før." for p in listepunkter_med_maaned(html)]
    return fejl

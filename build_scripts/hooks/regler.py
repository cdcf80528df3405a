"""MkDocs hook: the rules in ``calculators/data`` drive the pages, and a broken rule file fails the build.

* ``on_config`` loads every calculator's rules through the one typed loader
  (:mod:`calculators._data`); a wrong value stops the build with the file, key and what
  was expected.
* ``on_page_markdown`` replaces placeholders with values from the data folder, formatted
  the Danish way, so a page never holds a second copy of a number a calculator uses::

      {{ noegletal.roller.entreprenoer.taerskel_kr | kr }}   ->  300.000 kr.
      {{ noegletal.skaeringsdato.dato | dato }}              ->  1. november 2015

  Formats: ``kr``, ``mio_kr`` (16,5 mio. kr.), ``pct``, ``tal``, ``dato``, ``aar``, ``link``
  (a web address as a link); none inserts the value as it is. An unknown key fails the build.
  A text an editor has not filled in yet (``""``) shows as »ikke angivet«, never as nothing,
  with no format and with ``link``; a number or date format still refuses it.
* ``{{ eksempel: NAVN }}`` inserts calculator NAVN's worked example, computed now by the
  same code the browser runs, so the page shows a real result without JavaScript.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
from decimal import Decimal
from pathlib import Path

from mkdocs.exceptions import PluginError

ROD = Path(__file__).resolve().parents[2]
if str(ROD) not in sys.path:
    sys.path.insert(0, str(ROD))

import calculators  # noqa: E402
from calculators import _data, _format, visning  # noqa: E402

PLADSHOLDER = re.compile(r"\{\{\s*([a-z_][a-z0-9_]*(?:\.[A-Za-z0-9_]+)+)\s*(?:\|\s*([a-z_]+)\s*)?\}\}")
EKSEMPEL = re.compile(r"\{\{\s*eksempel:\s*([a-z_]+)\s*\}\}")
BEREGNER = re.compile(r'data-beregner="([a-z_]+)"')


def _mio_kr(v: Decimal) -> str:
    return _format.tal(v / Decimal(1_000_000)) + "\u00a0mio. kr."


# What an editor-maintained text field shows until it is filled in.
IKKE_ANGIVET = "ikke angivet"


def _link(v: str) -> str:
    if not v.startswith(("https://", "http://")) or any(c.isspace() or c in "<>" for c in v):
        raise KeyError(f"formatet »link« kræver en hel adresse, der begynder med https://, fik {v!r}")
    return f"<{v}>"


FORMATER = {
    "kr": _format.kr,
    "mio_kr": _mio_kr,
    "pct": _format.pct,
    "tal": _format.tal,
    "dato": _format.dato,
    "aar": str,
    "link": _link,
    None: str,
}


def on_config(config, **kwargs):
    if os.environ.get("LBF_PREVIEW"):
        # `make preview`: mkdocs serve reloads pages with an inline script, which the
        # site's policy forbids; the preview goes without the <meta> policy.
        config.extra["csp"] = ""
    _data.raa.cache_clear()
    _data.indlaes.cache_clear()
    for navn in calculators.BEREGNERE:
        try:
            m = calculators.modul(navn)
        except ModuleNotFoundError:
            continue  # a calculator still being written has no page yet
        if hasattr(m, "regler"):
            try:
                m.regler()
            except _data.Datafejl as e:
                raise PluginError(f"Fejl i datamappen (calculators/data): {e}") from None
    return config


def slaa_op(sti: str):
    """The value at ``fil.noegle.sti`` in ``calculators/data/fil.toml``."""
    fil, *noegler = sti.split(".")
    try:
        v = _data.raa(fil)
    except _data.Datafejl as e:
        raise KeyError(str(e)) from None
    for n in noegler:
        if not isinstance(v, dict) or n not in v:
            raise KeyError(f"{fil}.toml har ingen nøgle »{'.'.join(noegler)}«")
        v = v[n]
    return v


def formater(v, fmt: str | None) -> str:
    if fmt not in FORMATER:
        raise KeyError(f"ukendt format »{fmt}« (kendte: {', '.join(f for f in FORMATER if f)})")
    if fmt in ("kr", "mio_kr", "pct", "tal"):
        if isinstance(v, bool) or not isinstance(v, (int, float, Decimal)):
            raise KeyError(f"formatet »{fmt}« kræver et tal, fik {v!r}")
        v = Decimal(str(v))
    if fmt == "dato" and not isinstance(v, dt.date):
        raise KeyError(f"formatet »dato« kræver en dato, fik {v!r}")
    if fmt in (None, "link") and isinstance(v, str) and not v.strip():
        return IKKE_ANGIVET
    if fmt == "link":
        if not isinstance(v, str):
            raise KeyError(f"formatet »link« kræver en tekst, fik {v!r}")
        return _link(v.strip())
    return FORMATER[fmt](v)


def on_page_markdown(markdown: str, page, config, files, **kwargs):
    kilde = page.file.src_uri

    def erstat(m: re.Match) -> str:
        try:
            return formater(slaa_op(m.group(1)), m.group(2))
        except KeyError as e:
            raise PluginError(f"{kilde}: pladsholderen {m.group(0)} kan ikke udfyldes: {e.args[0]}") from None

    def eksempel(m: re.Match) -> str:
        navn = m.group(1)
        try:
            modul = calculators.modul(navn)
        except KeyError:
            raise PluginError(f"{kilde}: ukendt beregner i {m.group(0)}") from None
        resultat = calculators.run(navn, modul.EKSEMPEL)
        if "fejl" in resultat:
            raise PluginError(f"{kilde}: eksemplet for {navn} giver fejl: {resultat['fejl']}")
        return visning.html(navn, resultat)

    # A page with a calculator starts its worker from <head> (docs/overrides/main.html).
    if m := BEREGNER.search(markdown):
        page.meta["beregner"] = m.group(1)
    markdown = EKSEMPEL.sub(eksempel, markdown)
    return PLADSHOLDER.sub(erstat, markdown)

"""The rules editors maintain (``calculators/data/*.toml``), for code outside the package.

The site build reads the same files as the calculators through this module: the pages show the
raw values (:func:`raa`), and :func:`tjek_alle` loads every calculator's rules through its typed
schema, so a wrong value stops the build with the file, the key and what was expected.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from . import BEREGNERE, _data, frister, modul
from ._data import Datafejl, datamappe

__all__ = ["Datafejl", "datamappe", "filnavne", "gaeldende", "raa", "tjek_alle"]


def filnavne() -> list[str]:
    """The names of the rule files (``noegletal`` for ``noegletal.toml``), sorted.

    ``frister.toml`` is not one: it is the deadlines list, read and checked by :mod:`calculators.frister`
    (its values may point into the rule files, and the pages show it through the ``frister()`` macro).
    """
    return sorted(p.stem for p in _data.datamappe().glob("*.toml") if p.stem != frister.NAVN)


def raa(navn: str) -> dict[str, Any]:
    """The parsed ``<navn>.toml`` as plain dicts, lists, numbers, texts and dates."""
    return _data.raa(navn)


def gaeldende(v: Any, paa: dt.date) -> Any:
    """``v`` (raw rule data) as a page shows it on ``paa``: a table with ``versioner`` also gets the keys of the
    version in force that day (the list stays, for a table of all versions); without one in force, nothing is
    added, so a page that shows the value fails the build instead of showing an old one.

    >>> r = gaeldende({"rente": {"betegnelse": "Rente", "versioner": [
    ...     {"gyldig_fra": dt.date(2021, 1, 1), "gyldig_til": dt.date(2025, 12, 31), "pct": 3.0, "kilde": "a"},
    ...     {"gyldig_fra": dt.date(2026, 1, 1), "pct": 2.5, "kilde": "b"}]}}, dt.date(2026, 11, 30))
    >>> r["rente"]["pct"], r["rente"]["kilde"], len(r["rente"]["versioner"])
    (2.5, 'b', 2)
    """
    if isinstance(v, list):
        return [gaeldende(x, paa) for x in v]
    if not isinstance(v, dict):
        return v
    ud = {k: gaeldende(x, paa) for k, x in v.items()}
    versioner = v.get("versioner")
    if isinstance(versioner, list):
        for version in versioner:
            fra, til = version.get("gyldig_fra"), version.get("gyldig_til")
            if isinstance(fra, dt.date) and fra <= paa and (til is None or paa <= til):
                ud.update({k: x for k, x in version.items()})
    return ud


def tjek_alle() -> None:
    """Forget what was read before, then load every calculator's rules; :class:`Datafejl` if one is wrong.

    >>> tjek_alle()
    """
    _data.raa.cache_clear()
    _data.indlaes.cache_clear()
    for navn in BEREGNERE:
        try:
            m = modul(navn)
        except ModuleNotFoundError:
            continue  # a calculator still being written has no page yet
        if hasattr(m, "regler"):
            m.regler()

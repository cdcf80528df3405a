"""The rules editors maintain (``calculators/data/*.toml``), for code outside the package.

The site build reads the same files as the calculators through this module: the pages show the
raw values (:func:`raa`), and :func:`tjek_alle` loads every calculator's rules through its typed
schema, so a wrong value stops the build with the file, the key and what was expected.
"""

from __future__ import annotations

from typing import Any

from . import BEREGNERE, _data, frister, modul
from ._data import Datafejl, datamappe

__all__ = ["Datafejl", "datamappe", "filnavne", "raa", "tjek_alle"]


def filnavne() -> list[str]:
    """The names of the rule files (``noegletal`` for ``noegletal.toml``), sorted.

    ``frister.toml`` is not one: it is the deadlines list, read and checked by :mod:`calculators.frister`
    (its values may point into the rule files, and the pages show it through the ``frister()`` macro).
    """
    return sorted(p.stem for p in _data.datamappe().glob("*.toml") if p.stem != frister.NAVN)


def raa(navn: str) -> dict[str, Any]:
    """The parsed ``<navn>.toml`` as plain dicts, lists, numbers, texts and dates."""
    return _data.raa(navn)


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

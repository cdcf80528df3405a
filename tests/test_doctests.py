"""Every worked example in the calculators' and the build checks' docstrings runs (and so stays true)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import calculators

MODULER = sorted(m.name for m in pkgutil.walk_packages(calculators.__path__, "calculators.")
                 if not m.name.endswith("__main__"))


@pytest.mark.parametrize("navn", ["calculators", *MODULER, "build_scripts.sidevagt", "build_scripts.serve",
                                  "build_scripts.udgivelse"])
def test_doctests(navn):
    modul = importlib.import_module(navn)
    resultat = doctest.testmod(modul, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert resultat.failed == 0


def test_de_vigtige_moduler_har_eksempler():
    for navn in ("calculators._contract", "calculators._format", "calculators.noegletal"):
        assert doctest.DocTestFinder().find(importlib.import_module(navn)), navn

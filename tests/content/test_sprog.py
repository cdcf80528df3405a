"""Language slips a reader would notice, over every built page and every calculator message.

The editor guide (docs/redaktoer.md, "Sprog og typografi") sets the style: readers are addressed as I/jer/jeres,
an amount ends in one full stop ("250.000 kr."), an adjective agrees with its noun ("Merprisen er for stor",
"Beløbet er for stort"), and no text from an English parser or engine reaches a reader.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

import calculators

# The editor guide discusses these forms on purpose.
UNDTAGET = {"redaktoer/index.html"}

SLIP = {
    "du-form (skriv I/jer/jeres)": re.compile(r"\b(?:[Dd]u|[Dd]in|[Dd]ine|[Dd]it|[Dd]ig)\b"),
    "to punktummer efter kr.": re.compile(r"\bkr\.\.(?!\.)"),
    "»for stort« efter et fælleskønsord": re.compile(r"\b\w+en er for stort\b"),
    "»for stor« efter et intetkønsord": re.compile(r"\b\w+et er for stor\b"),
    "engelsk tekst fra en parser": re.compile(
        r"Expecting|Traceback|Exception|\bError\b|\binvalid\b|\bInvalid\b|\bcolumn\b|\bundefined\b|"
        r"\bNaN\b|\bInfinity\b|\bNone\b|object Object|call stack"),
}


def _slip(tekst: str) -> list[str]:
    return [f"{navn}: …{tekst[max(0, m.start() - 40):m.end() + 40]}…"
            for navn, regex in SLIP.items() for m in regex.finditer(tekst)]


def test_sproget_paa_hver_side(sider):
    fund = {sti: _slip(s.tekst) for sti, s in sider.items() if sti not in UNDTAGET}
    assert not {sti: f for sti, f in fund.items() if f}


def test_moenstrene_kan_fange_en_fejl():
    assert _slip("Tjek dine svar")
    assert _slip("Det koster 250.000 kr..")
    assert _slip("Klimagevinsten er for stort.")
    assert _slip("Beløbet er for stor.")
    assert _slip("Expecting value: line 1 column 1")
    assert not _slip("Tjek jeres svar. Det koster 250.000 kr. Merprisen er for stor. Beløbet er for stort.")


# -- calculator messages --------------------------------------------------------------------------
AFVIGELSER: list[Any] = ["", "abc", -1, "-1", 10**30, "1e400", None, [], {}, True, "2024-13-45", "x" * 600]


def _varianter(eksempel: dict) -> Iterator[dict]:
    """The worked example with one field, or one field of the first row of a list, replaced."""
    yield {}
    for noegle, vaerdi in eksempel.items():
        for afvig in AFVIGELSER:
            yield {**eksempel, noegle: afvig}
        if isinstance(vaerdi, list) and vaerdi and isinstance(vaerdi[0], dict):
            for felt in vaerdi[0]:
                for afvig in AFVIGELSER:
                    yield {**eksempel, noegle: [{**vaerdi[0], felt: afvig}, *vaerdi[1:]]}
    yield {**eksempel, "ukendt_felt": 1}


def _tekster(v: Any) -> Iterator[str]:
    if isinstance(v, str):
        yield v
    elif isinstance(v, dict):
        for x in v.values():
            yield from _tekster(x)
    elif isinstance(v, list):
        for x in v:
            yield from _tekster(x)


@pytest.mark.parametrize("navn", list(calculators.BEREGNERE))
def test_sproget_i_beregnernes_beskeder(navn):
    eksempel = calculators.modul(navn).EKSEMPEL
    tekster: set[str] = set()
    for inddata in _varianter(eksempel):
        for formular in (False, True):
            svar = calculators.run(navn, inddata, formular=formular)
            if "fejl" in svar:
                tekster.update(f["besked"] for f in svar["fejl"])
            else:
                tekster.update(_tekster(svar))
    assert len(tekster) > 10          # the variants really reached the messages
    fund = sorted({f for t in tekster for f in _slip(t)})
    assert not fund

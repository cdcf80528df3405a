"""The page guards catch the slips an editor makes, and the real pages pass them."""

from __future__ import annotations

import markdown as md

from build_scripts.sidevagt import tjek_side


def _html(tekst: str) -> str:
    return md.markdown(tekst, extensions=["tables", "def_list"])


def test_manglende_krollet_parentes_stopper():
    kilde = "| Rådgiver | {{ noegletal.roller.raadgiver.taerskel_kr | kr } |\n|---|---|\n"
    fejl = tjek_side("noegletal/index.md", kilde, _html("Grænsen er {{ noegletal.x | kr }"))
    assert len(fejl) == 1 and "noegletal/index.md" in fejl[0] and "skabelontekst" in fejl[0]


def test_spist_dato_stopper_med_linjen():
    kilde = "Betingelser:\n\n1. Tilsagn givet efter 2010, og opgaven udbudt inden den\n1. november 2015.\n"
    fejl = tjek_side("noegletal/index.md", kilde, _html(kilde))
    assert any("linje 4: datoen »1. november 2015«" in f for f in fejl)
    assert any("listepunkt begynder med et månedsnavn" in f for f in fejl)


def test_rigtig_ombrydning_er_i_orden():
    kilde = "1. Tilsagn givet efter 2010, og opgaven udbudt inden den 1. november\n   2015.\n"
    assert tjek_side("x.md", kilde, _html(kilde)) == []


def test_skabelon_i_kode_er_tilladt():
    kilde = "Skriv `{{ noegletal.skaeringsdato.gyldig_fra | dato }}` i teksten.\n"
    assert tjek_side("redaktoer.md", kilde, _html(kilde)) == []

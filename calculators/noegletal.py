"""Is a party to an almen byggesag covered by the nøgletal rules?

Source: the notat of 19 December 2016, "Krav om beregning af nøgletal for alment byggeri",
on BEK nr. 675 af 18. juni 2010 (nøgletalsbekendtgørelsen) and BEK nr. 1171 af 30.
september 2015 (ophævelsesbekendtgørelsen). The dates and amounts are data
(``calculators/data/noegletal.toml``); this module holds only the logic:

A role (entreprenør, rådgiver, bygherre) is covered if and only if

1. the tilsagn was given on or after the role's start date,
2. the amount *exceeds* the role's threshold (strictly greater: "overstiger"), and
3. the task was put out to tender *before* the cut-off date (for the bygherre: at least one
   rådgiver- or entrepriseopgave of the project was).

An entreprise- or rådgiveropgave put out to tender on or after the cut-off date must be marked as
not covered in the company's module in BOSSINF-STB. The notat ties that duty to the tender date
alone, so the note is shown for every such task, whatever the tilsagn date and the amount.

>>> r = beregn(Input("entreprenoer", dt.date(2014, 5, 1), dt.date(2015, 10, 31), Decimal("300000.01")))
>>> r.omfattet
True
>>> beregn(Input("entreprenoer", dt.date(2014, 5, 1), dt.date(2015, 11, 1), Decimal(10**6))).omfattet
False
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from typing import Annotated

from ._contract import Laeser
from ._data import indlaes
from ._enheder import Dato, Kroner
from ._format import dato, kr
from ._format import punktum as _punktum
from ._regelgrundlag import Regelgrundlag, brug, regelgrundlag
from ._versioner import Dateret

__all__ = ["Input", "Resultat", "Begrundelse", "Regler", "regler", "parse", "beregn", "EKSEMPEL"]

ROLLER = {"entreprenoer": "Entreprenør", "raadgiver": "Rådgiver", "bygherre": "Bygherre"}


# -- rules (schema of calculators/data/noegletal.toml) ---------------------------------------------
@dataclasses.dataclass(frozen=True, kw_only=True)
class Skaeringsdato(Dateret):
    """In force from ``gyldig_fra``: tasks put out to tender on or after it are not covered."""

    gyldig_fra: Annotated[dt.date, Dato(dt.date(2007, 1, 1), dt.date(2030, 12, 31),
                                        "notatet omtaler regler fra 2007 til skæringsdatoen 1. november 2015")]
    betegnelse: str = "Skæringsdato"


@dataclasses.dataclass(frozen=True, kw_only=True)
class Rolle(Dateret):
    """A role's rules, in force for tilsagn given on or after ``gyldig_fra`` (the notat's start date)."""

    betegnelse: str
    gyldig_fra: Annotated[dt.date, Dato(dt.date(2007, 1, 1), dt.date(2015, 10, 31),
                                        "notatets startdatoer ligger 2007–2010, før skæringsdatoen")]
    taerskel_kr: Annotated[Decimal, Kroner(10_000, 50_000_000,
                                           "notatets beløbsgrænser er 150.000 kr., 300.000 kr. og 5 mio. kr.")]
    taerskel_tekst: str
    """What must exceed the threshold, in the notat's words (the subject of "overstiger")."""
    taerskel_moms: str
    """Said after the amount, as the notat does ("ekskl. moms"); empty when the notat says nothing."""
    taerskel_kilde: str
    forpligtelser: tuple[str, ...]
    bossinf_note: str
    taerskel_note: str = ""
    """Shown after the amount condition, e.g. that the wording is the notat's own."""


@dataclasses.dataclass(frozen=True)
class Regler:
    kilde: str
    skaeringsdato: Skaeringsdato
    roller: dict[str, Rolle]


def regler() -> Regler:
    return indlaes("noegletal", Regler)


# -- input and result ---------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class Input:
    rolle: str
    tilsagnsdato: dt.date
    udbudsdato: dt.date | None
    """entreprenør/rådgiver: when the task was put out to tender; bygherre: the earliest
    date any task of the project was (None: none yet)."""
    beloeb_kr: Decimal


@dataclasses.dataclass(frozen=True)
class Begrundelse:
    betingelse: str
    opfyldt: bool
    tekst: str
    kilde: str


@dataclasses.dataclass(frozen=True)
class Resultat:
    rolle: str
    omfattet: bool
    konklusion: str
    begrundelser: tuple[Begrundelse, ...]
    forpligtelser: tuple[str, ...]
    bemaerkninger: tuple[str, ...]
    regelgrundlag: Regelgrundlag


EKSEMPEL = {"rolle": "entreprenoer", "tilsagnsdato": "2014-05-01",
            "udbudsdato": "2015-06-15", "beloeb_kr": 2400000}


def raekkegraenser() -> dict[str, int]:
    """The nøgletal input has no lists."""
    return {}


def parse(laeser: Laeser) -> Input:
    rolle = laeser.valg("rolle", "jeres rolle i byggesagen", ROLLER)
    tilsagnsdato = laeser.dato("tilsagnsdato", "tilsagnsdatoen")
    if rolle in ("bygherre", None):  # None: unknown role, so don't also demand a date
        udbudsdato = laeser.dato("udbudsdato", "den første udbudsdato", tillad_tom=True)
    else:
        udbudsdato = laeser.dato("udbudsdato", "udbudsdatoen for opgaven")
    beloeb = laeser.beloeb("beloeb_kr", "beløbet", eksempel="2.400.000")
    laeser.afslut()
    return Input(rolle, tilsagnsdato, udbudsdato, beloeb)  # type: ignore[arg-type]  # None only with an error, and afslut() raised


def beregn(inp: Input, r: Regler | None = None) -> Resultat:
    """Apply the three conditions of the notat for the input's role."""
    r = r or regler()
    rolle = r.roller[inp.rolle]
    skaering = r.skaeringsdato.gyldig_fra

    start_ok = inp.tilsagnsdato >= rolle.gyldig_fra
    beloeb_ok = inp.beloeb_kr > rolle.taerskel_kr
    udbud_ok = inp.udbudsdato is not None and inp.udbudsdato < skaering

    begrundelser = [
        Begrundelse(
            "tilsagnsdato", start_ok,
            (f"Reglerne gælder for tilsagn meddelt {dato(rolle.gyldig_fra)} eller senere. Tilsagnet er "
             f"givet {dato(inp.tilsagnsdato)}, så betingelsen er {'' if start_ok else 'ikke '}opfyldt."),
            rolle.kilde),
        Begrundelse(
            "beloeb", beloeb_ok, _beloeb_tekst(inp, rolle, beloeb_ok), rolle.taerskel_kilde),
        Begrundelse(
            "udbudsdato", udbud_ok,
            _udbud_tekst(inp, rolle, skaering, udbud_ok),
            r.skaeringsdato.kilde),
    ]
    omfattet = start_ok and beloeb_ok and udbud_ok
    bemaerkninger = []
    if (inp.rolle != "bygherre" and inp.udbudsdato is not None and inp.udbudsdato >= skaering
            and rolle.bossinf_note):
        # Notat p. 2 and 3: for every task put out to tender from the cut-off date, whatever the
        # tilsagn date and the amount.
        opgave = "Entrepriseopgaven" if inp.rolle == "entreprenoer" else "Rådgiveropgaven"
        bemaerkninger.append(f"{opgave} er udbudt den {dato(skaering)} eller senere og er derfor ikke "
                             f"underlagt nøgletalsbekendtgørelsen. {rolle.bossinf_note}")
    if omfattet:
        konklusion = f"Som {rolle.betegnelse} er I omfattet af reglerne om nøgletal for alment byggeri."
    else:
        konklusion = f"Som {rolle.betegnelse} er I ikke omfattet af reglerne om nøgletal for alment byggeri."
    grundlag = regelgrundlag(
        brug(f"Startdato ({rolle.betegnelse}): tilsagn meddelt fra", dato(rolle.gyldig_fra), rolle),
        brug(f"Beløbsgrænse ({rolle.betegnelse}), skal overstiges", kr(rolle.taerskel_kr), rolle,
             rolle.taerskel_kilde),
        brug("Skæringsdato: opgaver udbudt fra denne dag er ikke omfattet", dato(skaering), r.skaeringsdato),
    )
    return Resultat(inp.rolle, omfattet, konklusion, tuple(begrundelser),
                    rolle.forpligtelser if omfattet else (), tuple(bemaerkninger), grundlag)


def _beloeb_tekst(inp: Input, rolle: Rolle, ok: bool) -> str:
    graense = kr(rolle.taerskel_kr) + (f" {rolle.taerskel_moms}" if rolle.taerskel_moms else "")
    tekst = (f"Reglerne gælder, når {rolle.taerskel_tekst} overstiger {_punktum(graense)} "
             f"Beløbet er {kr(inp.beloeb_kr)}, så betingelsen er {'' if ok else 'ikke '}opfyldt.")
    return f"{tekst} {rolle.taerskel_note}" if rolle.taerskel_note else tekst


def _udbud_tekst(inp: Input, rolle: Rolle, skaering: dt.date, ok: bool) -> str:
    graense = f"før {dato(skaering)}"
    if inp.rolle == "bygherre":
        if inp.udbudsdato is None:
            return (f"Der er endnu ikke udbudt nogen rådgiver- eller entrepriseopgave. Bygherren er kun "
                    f"omfattet, hvis mindst én opgave er udbudt {graense}, så betingelsen er ikke opfyldt.")
        return (f"Den første opgave blev udbudt {dato(inp.udbudsdato)}. Bygherren er omfattet, hvis mindst "
                f"én rådgiver- eller entrepriseopgave er udbudt {graense}"
                + (", så betingelsen er opfyldt." if ok else ", så betingelsen er ikke opfyldt."))
    assert inp.udbudsdato is not None
    opgave = "entrepriseopgaven" if inp.rolle == "entreprenoer" else "rådgiveropgaven"
    return (f"{opgave.capitalize()} blev udbudt {dato(inp.udbudsdato)}. Kun opgaver udbudt {graense} "
            f"er omfattet" + (", så betingelsen er opfyldt." if ok else
                              f"; opgaver udbudt {dato(skaering)} eller senere er ikke."))

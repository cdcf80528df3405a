"""Grøn garanti: the weather-normalised saving year by year, and who covers a shortfall.

Source: Landsbyggefonden, "Grøn garanti – jf. Boligaftale 2020". The fund guarantees the
calculated energy saving of a renovation for at most 10 years (``calculators/data/groen_garanti.toml``),
»efter fastlagte vilkår og i nærmere bestemt omfang«. If the achieved saving falls short, first a
selvrisiko covers the gap, then any agreement with a supplier or adviser, and then the fund. This
module holds only the arithmetic.

Simplifications, said on the page and in every result: the fund is shown covering all of the rest
(the source leaves the extent of its cover to the administrationsgrundlag and the agreement), and
the baseline is one year's use (the source's period is the last full calendar year plus data up to
the application).

Normalisation (common Danish degree-day correction; the source requires normalised yearly use
but gives no formula, so the page names the method):

.. math:: E_{norm} = E \\cdot \\left((1 - a)\\,\\frac{G_{normal}}{G} + a\\right)

where :math:`E` is the metered use in kWh, :math:`G` the year's degree days, :math:`G_{normal}`
the normal year's and :math:`a` the share of use that does not depend on the weather (hot
water). The baseline is normalised with its own degree days, each follow-up year with its own.

Per year, with ``B`` the calculated (guaranteed) yearly saving in a normal year:

* ``opnaaet_besparelse_kwh = normaliseret_baseline_kwh − normaliseret_forbrug_kwh``
* ``manko_kwh = max(0, B − opnaaet_besparelse_kwh)``
* ``manko_kr = manko_kwh × energipris``, rounded to øre
* ``daekket_selvrisiko_kr = min(manko_kr, selvrisiko)``,
  ``daekket_leverandoer_kr = min(manko_kr − selvrisiko-delen, leverandørgaranti)``,
  ``daekket_fond_kr`` = the rest.

Conventions: normalised kWh are rounded to whole kWh (half up) *before* they are subtracted, so
that every row of the table adds up by hand; ``manko_kr`` is rounded to øre once, and the three
covered amounts are split from that rounded amount in exact øre, so they always sum to it.
Selvrisiko and supplier guarantee are amounts *per year*.

>>> inp = Input(Decimal(100_000), Decimal(3000), Decimal(3000), Decimal(0), Decimal(15_000),
...             Decimal(2), Decimal(3_000), Decimal(4_000),
...             (Aarstal(1, Decimal(90_000), Decimal(3000)),))
>>> r = beregn(inp).aar[0]
>>> r.opnaaet_besparelse_kwh, r.manko_kwh, r.manko_kr
(Decimal('10000'), Decimal('5000'), Decimal('10000.00'))
>>> r.daekket_selvrisiko_kr, r.daekket_leverandoer_kr, r.daekket_fond_kr
(Decimal('3000.00'), Decimal('4000.00'), Decimal('3000.00'))
>>> r.konklusion
'I år 1 mangler 5.000\\xa0kWh, svarende til 10.000\\xa0kr.; selvrisikoen dækker 3.000\\xa0kr., aftalen med leverandør/rådgiver 4.000\\xa0kr. og fonden 3.000\\xa0kr.'
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Annotated

from ._contract import Laeser
from ._data import Datafejl, indlaes
from ._enheder import Antal, Dato, Kroner
from ._format import dato, kr, tal
from ._format import punktum as _punktum
from ._regelgrundlag import Regelgrundlag, brug, regelgrundlag
from ._versioner import Dateret

__all__ = ["Input", "Aarstal", "Aarsresultat", "Total", "Resultat", "Regler", "regler",
           "normaliser", "parse", "beregn", "EKSEMPEL"]

_OERE = Decimal("0.01")
_KWH = Decimal(1)
# Same bound as the input reader's: keeps every amount readable and Decimal arithmetic exact.
_STOERST = Decimal("1e15")


# -- rules (schema of calculators/data/groen_garanti.toml) -----------------------------------------
@dataclasses.dataclass(frozen=True, kw_only=True)
class Varighed(Dateret):
    maks_aar: Annotated[int, Antal(1, 30, "beskrivelsen siger højst 10 år")]


@dataclasses.dataclass(frozen=True, kw_only=True)
class Ramme(Dateret):
    """The frame, for the years from ``gyldig_fra`` to ``gyldig_til``."""
    beloeb_kr: Annotated[Decimal, Kroner(1_000_000, 100_000_000_000, "rammen er 404 mio. kr. (2020-priser)")]
    prisniveau: str
    gyldig_fra: Annotated[dt.date, Dato(dt.date(2020, 1, 1), dt.date(2040, 12, 31), "rammen gælder 2021–2026")]
    gyldig_til: Annotated[dt.date, Dato(dt.date(2020, 1, 1), dt.date(2040, 12, 31), "rammen gælder 2021–2026")]
    tekst: str
    antaget_investering_kr: Annotated[Decimal, Kroner(1_000_000, 1_000_000_000_000,
                                                      "beskrivelsen antager 6 mia. kr. i investeringer")]
    antaget_investering_tekst: str


@dataclasses.dataclass(frozen=True, kw_only=True)
class Ansoegning(Dateret):
    """Applications are possible from ``gyldig_fra``."""
    gyldig_fra: Annotated[dt.date, Dato(dt.date(2020, 1, 1), dt.date(2040, 12, 31),
                                        "ansøgning muligt fra 1. oktober 2021")]
    hvor: str
    tekst: str


@dataclasses.dataclass(frozen=True)
class Opfoelgning:
    tekst: str
    baseline: str
    kilde: str


@dataclasses.dataclass(frozen=True)
class Daekning:
    noegle: str
    betegnelse: str
    tekst: str
    kilde: str


@dataclasses.dataclass(frozen=True)
class Normalisering:
    formel: str
    forklaring: str
    kilde: str


@dataclasses.dataclass(frozen=True)
class Forslag:
    """A suggested, editable starting value for an input: never a rule."""

    vaerdi: Decimal
    status: str
    kilde: str


@dataclasses.dataclass(frozen=True)
class IkkeFastsat:
    felt: str
    tekst: str


@dataclasses.dataclass(frozen=True)
class Forudsaetning:
    """One of the prerequisites LBF names (»Forudsætningerne er, at …«), asked as a yes/no question."""

    spoergsmaal: str
    hvis_nej: str
    kilde: str


@dataclasses.dataclass(frozen=True)
class Kriterium:
    """Something the fund also looks at when it prioritises (e.g. a relatively long payback time):
    a criterion, not a prerequisite, so the page asks it apart from them."""

    spoergsmaal: str
    hvis_nej: str
    kilde: str


@dataclasses.dataclass(frozen=True)
class Regler:
    kilde: str
    varighed: Varighed
    ramme: Ramme
    ansoegning: Ansoegning
    opfoelgning: Opfoelgning
    daekningsraekkefoelge: tuple[Daekning, ...]
    normalisering: Normalisering
    forslag: dict[str, Forslag]
    ikke_fastsat: tuple[IkkeFastsat, ...]
    forudsaetninger: tuple[Forudsaetning, ...]
    kriterier: tuple[Kriterium, ...]
    bemaerkninger: tuple[str, ...]


def regler() -> Regler:
    r = indlaes("groen_garanti", Regler)
    noegler = tuple(d.noegle for d in r.daekningsraekkefoelge)
    if noegler != ("selvrisiko", "leverandoer", "fond"):
        # The arithmetic below implements exactly this order; a different one in the data
        # needs a code change, so say so instead of computing something else.
        raise Datafejl(f"groen_garanti.toml: daekningsraekkefoelge: forventede nøglerne "
                       f"selvrisiko, leverandoer, fond i den rækkefølge, fik {', '.join(noegler)}")
    return r


# -- input and result ---------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class Aarstal:
    """One follow-up year as metered: year number 1..10 after handover, use, degree days."""

    aar: int
    forbrug_kwh: Decimal
    graddage: Decimal


@dataclasses.dataclass(frozen=True)
class Input:
    baseline_forbrug_kwh: Decimal
    baseline_graddage: Decimal
    normalaar_graddage: Decimal
    graddageuafhaengig_andel_pct: Decimal
    beregnet_besparelse_kwh: Decimal
    energipris_kr_pr_kwh: Decimal
    selvrisiko_kr: Decimal
    leverandoergaranti_kr: Decimal
    aar: tuple[Aarstal, ...]
    ansoegningsdato: dt.date = dt.date(2026, 11, 30)
    """The date of the application for the guarantee; the rules are those in force that day (the form's
    empty field means today)."""


@dataclasses.dataclass(frozen=True)
class Aarsresultat:
    aar: int
    forbrug_kwh: Decimal
    graddage: Decimal
    normaliseringsfaktor: Decimal
    """Rounded to four decimals for display; the kWh are computed with the exact factor."""
    normaliseret_baseline_kwh: Decimal
    normaliseret_forbrug_kwh: Decimal
    beregnet_besparelse_kwh: Decimal
    opnaaet_besparelse_kwh: Decimal
    manko_kwh: Decimal
    manko_kr: Decimal
    daekket_selvrisiko_kr: Decimal
    daekket_leverandoer_kr: Decimal
    daekket_fond_kr: Decimal
    konklusion: str


@dataclasses.dataclass(frozen=True)
class Total:
    antal_aar: int
    aar_med_manko: int
    normaliseret_baseline_kwh: Decimal
    normaliseret_forbrug_kwh: Decimal
    beregnet_besparelse_kwh: Decimal
    opnaaet_besparelse_kwh: Decimal
    manko_kwh: Decimal
    manko_kr: Decimal
    daekket_selvrisiko_kr: Decimal
    daekket_leverandoer_kr: Decimal
    daekket_fond_kr: Decimal


@dataclasses.dataclass(frozen=True)
class Resultat:
    konklusion: str
    konklusioner: tuple[str, ...]
    """One plain-Danish sentence per year, in year order."""
    aar: tuple[Aarsresultat, ...]
    """Sorted by year."""
    total: Total
    baseline_normaliseringsfaktor: Decimal
    manglende_aar: tuple[int, ...]
    """Years between 1 and the last year entered that have no figures."""
    bemaerkninger: tuple[str, ...]
    maks_aar: int
    maks_aar_kilde: str
    normalisering: str
    normalisering_kilde: str
    kilde: str
    ansoegningsdato: dt.date
    regelgrundlag: Regelgrundlag


EKSEMPEL = {
    "baseline_forbrug_kwh": 1_000_000, "baseline_graddage": 2900, "normalaar_graddage": 3112,
    "graddageuafhaengig_andel_pct": 20, "beregnet_besparelse_kwh": 200_000,
    "energipris_kr_pr_kwh": 0.8, "selvrisiko_kr": 50_000, "leverandoergaranti_kr": 40_000,
    "aar": [
        {"aar": 1, "forbrug_kwh": 870_000, "graddage": 3050},
        {"aar": 2, "forbrug_kwh": 900_000, "graddage": 2800},
        {"aar": 3, "forbrug_kwh": 800_000, "graddage": 3200},
    ],
    # Fixed, so the page's worked example does not change with the build date.
    "ansoegningsdato": "2026-11-30",
}


# -- the arithmetic ------------------------------------------------------------------------
def _faktor(graddage: Decimal, normalaar: Decimal, andel_pct: Decimal) -> Decimal:
    a = andel_pct / 100
    return (1 - a) * normalaar / graddage + a


def normaliser(forbrug_kwh: Decimal, graddage: Decimal, normalaar_graddage: Decimal,
               andel_pct: Decimal) -> Decimal:
    """Use in a normal year, rounded to whole kWh (half up).

    >>> normaliser(Decimal(100_000), Decimal(2000), Decimal(3000), Decimal(25))
    Decimal('137500')
    >>> normaliser(Decimal(100_000), Decimal(2000), Decimal(3000), Decimal(100))  # weather ignored
    Decimal('100000')
    """
    with localcontext(prec=60):
        return (forbrug_kwh * _faktor(graddage, normalaar_graddage, andel_pct)).quantize(
            _KWH, rounding=ROUND_HALF_UP)


def _fordel(manko_kr: Decimal, selvrisiko: Decimal, leverandoer: Decimal) -> tuple[Decimal, Decimal, Decimal]:
    """Split a rounded shortfall in exact øre: selvrisiko first, then supplier, then the fund."""
    s = min(manko_kr, selvrisiko).quantize(_OERE)
    lev = min(manko_kr - s, leverandoer).quantize(_OERE)
    return s, lev, manko_kr - s - lev


def beregn(inp: Input, r: Regler | None = None) -> Resultat:
    """The yearly rows (sorted by year), totals and conclusions for a follow-up."""
    r = r or regler()
    with localcontext(prec=60):
        nb = normaliser(inp.baseline_forbrug_kwh, inp.baseline_graddage, inp.normalaar_graddage,
                        inp.graddageuafhaengig_andel_pct)
        b = inp.beregnet_besparelse_kwh
        raekker = []
        for a in sorted(inp.aar, key=lambda x: x.aar):
            nf = normaliser(a.forbrug_kwh, a.graddage, inp.normalaar_graddage,
                            inp.graddageuafhaengig_andel_pct)
            opn = nb - nf
            manko = max(Decimal(0), b - opn)
            manko_kr = (manko * inp.energipris_kr_pr_kwh).quantize(_OERE, rounding=ROUND_HALF_UP)
            s, lev, fond = _fordel(manko_kr, inp.selvrisiko_kr, inp.leverandoergaranti_kr)
            faktor = _faktor(a.graddage, inp.normalaar_graddage, inp.graddageuafhaengig_andel_pct)
            raekker.append(Aarsresultat(
                a.aar, a.forbrug_kwh, a.graddage, _fire_dec(faktor), nb, nf, b, opn, manko,
                manko_kr, s, lev, fond, _aarskonklusion(a.aar, b, opn, manko, manko_kr, s, lev, fond)))
        total = Total(
            len(raekker), sum(1 for x in raekker if x.manko_kwh > 0),
            *(sum((getattr(x, f) for x in raekker), Decimal(0)) for f in (
                "normaliseret_baseline_kwh", "normaliseret_forbrug_kwh", "beregnet_besparelse_kwh",
                "opnaaet_besparelse_kwh", "manko_kwh", "manko_kr", "daekket_selvrisiko_kr",
                "daekket_leverandoer_kr", "daekket_fond_kr")))
        faktor_b = _fire_dec(_faktor(inp.baseline_graddage, inp.normalaar_graddage,
                                     inp.graddageuafhaengig_andel_pct))
    aarstal = {x.aar for x in raekker}
    manglende = tuple(n for n in range(1, max(aarstal) + 1) if n not in aarstal)
    return Resultat(
        _samlet_konklusion(raekker, total), tuple(x.konklusion for x in raekker), tuple(raekker),
        total, faktor_b, manglende, _bemaerkninger(raekker, manglende, r, inp.ansoegningsdato), r.varighed.maks_aar,
        r.varighed.kilde, r.normalisering.formel, r.normalisering.kilde, r.kilde, inp.ansoegningsdato,
        regelgrundlag(
            brug("Garantien løber højst", f"{r.varighed.maks_aar} år", r.varighed),
            brug("Ramme for garantier", f"{kr(r.ramme.beloeb_kr)} ({r.ramme.prisniveau}), "
                 f"{r.ramme.gyldig_fra.year}–{r.ramme.gyldig_til.year}", r.ramme),
            brug("Der kan søges fra", dato(r.ansoegning.gyldig_fra), r.ansoegning)))


def _fire_dec(x: Decimal) -> Decimal:
    return x.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)


# -- plain-language conclusions -----------------------------------------------------------
def _kwh(x: Decimal) -> str:
    return tal(x) + "\u00a0kWh"


def _opremsning(dele: list[str]) -> str:
    return dele[0] if len(dele) == 1 else ", ".join(dele[:-1]) + " og " + dele[-1]


def _aarskonklusion(aar: int, beregnet: Decimal, opnaaet: Decimal, manko: Decimal,
                    manko_kr: Decimal, s: Decimal, lev: Decimal, fond: Decimal) -> str:
    if manko == 0:
        if opnaaet > beregnet:
            return (f"I år {aar} er den beregnede besparelse nået: der er sparet {_kwh(opnaaet)}, "
                    f"{_kwh(opnaaet - beregnet)} mere end de beregnede {_kwh(beregnet)}. Der er ingen manko.")
        return f"I år {aar} er den beregnede besparelse på {_kwh(beregnet)} nået. Der er ingen manko."
    start = f"I år {aar} mangler {_kwh(manko)}"
    if manko_kr == 0:
        return f"{start}, men med den indtastede energipris svarer det til 0\u00a0kr., så der er intet at dække."
    betalere = [(navn, v) for navn, v in (("selvrisikoen", s), ("aftalen med leverandør/rådgiver", lev),
                                          ("fonden", fond)) if v > 0]
    dele = [f"{navn}{' dækker' if i == 0 else ''} {kr(v)}" for i, (navn, v) in enumerate(betalere)]
    return _punktum(f"{start}, svarende til {kr(manko_kr)}; {_opremsning(dele)}")


def _samlet_konklusion(raekker: list[Aarsresultat], t: Total) -> str:
    if t.aar_med_manko == 0:
        hvor = f"år {raekker[0].aar}" if len(raekker) == 1 else f"alle {len(raekker)} opfølgningsår"
        return f"Den beregnede besparelse er nået i {hvor}, så der er ingen manko at dække."
    hvor = f"år {raekker[0].aar}" if len(raekker) == 1 else f"{t.aar_med_manko} af {len(raekker)} opfølgningsår"
    return (f"Den beregnede besparelse er ikke nået i {hvor}. I alt mangler {_kwh(t.manko_kwh)}, "
            f"svarende til {kr(t.manko_kr)}; selvrisikoen dækker {kr(t.daekket_selvrisiko_kr)}, "
            f"aftalen med leverandør/rådgiver {kr(t.daekket_leverandoer_kr)} og fonden "
            f"{kr(t.daekket_fond_kr)}")


def _bemaerkninger(raekker: list[Aarsresultat], manglende: tuple[int, ...], r: Regler,
                   ansoegningsdato: dt.date) -> tuple[str, ...]:
    ud = []
    if r.ramme.gyldig_til is not None and ansoegningsdato > r.ramme.gyldig_til:
        ud.append(efter_rammen(r, ansoegningsdato))
    if manglende:
        aar = _opremsning([str(n) for n in manglende])
        ud.append(f"Der er ingen tal for år {aar}. Energiforbruget skal følges op hvert år, "
                  f"så udfyld også {'det år' if len(manglende) == 1 else 'de år'}.")
    stigning = [x.aar for x in raekker if x.opnaaet_besparelse_kwh < 0]
    if stigning:
        aar = _opremsning([str(n) for n in stigning])
        ud.append(f"I år {aar} er det normaliserede forbrug højere end baselinen. " + _ADFAERD)
    elif any(x.manko_kwh > 0 for x in raekker):
        ud.append("Besparelsen er ikke nået i alle år. " + _ADFAERD)
    return tuple(ud) + r.bemaerkninger


# LBF's description, »Ansøgning mv.«: the baselines are set so that both the actual saving and the
# residents' behaviour can be followed up. It does not say what follows for the guarantee, so
# neither does this text.
_ADFAERD = ("Baselines for komfort og indeklima fastsættes, så man kan følge op på både den faktiske "
            "energibesparelse og beboernes adfærd – fx om beboerne har hævet indetemperaturen. Tjek "
            "derfor også målingerne af komfort og indeklima. Landsbyggefondens beskrivelse siger ikke, "
            "hvad det betyder for garantien.")


# -- input ---------------------------------------------------------------------------------
def raekkegraenser() -> dict[str, int]:
    """The row limit of each list in the input, for the page: one row per year the guarantee may run."""
    return {"aar": regler().varighed.maks_aar}


def i_dag() -> dt.date:
    """Today, where the calculation runs (the reader's browser); tests replace it."""
    return dt.date.today()


def efter_rammen(r: Regler, paa: dt.date) -> str:
    """The warning for a case dated after the frame's period (the sources say nothing beyond it)."""
    assert r.ramme.gyldig_til is not None
    return (f"Advarsel: Ansøgningsdatoen, {dato(paa)}, ligger efter rammens periode, "
            f"{r.ramme.gyldig_fra.year}–{r.ramme.gyldig_til.year}. Kilderne siger ikke, om der kan ydes Grøn garanti "
            f"efter {dato(r.ramme.gyldig_til)}. Spørg Landsbyggefonden, før I regner med garantien.")


def parse(laeser: Laeser) -> Input:
    r = regler()
    paa = laeser.dato("ansoegningsdato", "ansøgningsdatoen", paakraevet=False)
    if paa is None and not any(f.felt == laeser.felt("ansoegningsdato") for f in laeser.fejl):
        paa = i_dag()
    if paa is not None and paa < r.ansoegning.gyldig_fra:
        laeser.tilfoej(laeser.felt("ansoegningsdato"),
                       f"Der kan søges om Grøn garanti fra {dato(r.ansoegning.gyldig_fra)}, så ansøgningsdatoen kan "
                       f"ikke ligge før. Ret datoen, eller lad feltet stå tomt for at bruge dagens dato.")
    maks = r.varighed.maks_aar
    graense = (f"Grøn garanti løber i højst {maks} år, så opfølgningsårene nummereres "
               f"1 til {maks} fra afleveringen.")
    baseline = laeser.tal("baseline_forbrug_kwh", "baselineforbruget", eksempel="1.000.000",
                          min=0, min_inkl=False, enhed="kWh")
    baseline_gd = laeser.tal("baseline_graddage", "graddagetallet for baselineåret",
                             eksempel="2.900", min=0, min_inkl=False, enhed="graddage")
    normal_gd = laeser.tal("normalaar_graddage", "normalårets graddagetal", eksempel="3.112",
                           min=0, min_inkl=False, enhed="graddage")
    andel = laeser.tal("graddageuafhaengig_andel_pct", "den graddageuafhængige andel",
                       eksempel="20", min=0, max=100, enhed="%")
    beregnet = laeser.tal("beregnet_besparelse_kwh", "den beregnede besparelse",
                          eksempel="200.000", min=0, enhed="kWh")
    pris = laeser.tal("energipris_kr_pr_kwh", "energiprisen", eksempel="0,80", min=0,
                      enhed="kr. pr. kWh")
    selvrisiko = laeser.beloeb("selvrisiko_kr", "beløbet for selvrisikoen", eksempel="50.000")
    lev = laeser.beloeb("leverandoergaranti_kr", "beløbet for leverandørens eller rådgiverens garanti",
                        eksempel="40.000")

    set_aar: set[int] = set()

    def laes_aar(sub: Laeser) -> Aarstal:
        nr = sub.heltal("aar", "årets nummer", eksempel="1")
        if nr is not None and not 1 <= nr <= maks:
            sub.tilfoej(sub.felt("aar"), f"Årets nummer skal være fra 1 til {maks}. " + graense)
        elif nr is not None and nr in set_aar:
            sub.tilfoej(sub.felt("aar"), f"År {nr} er angivet mere end én gang. "
                        "Hvert opfølgningsår må kun stå én gang.")
        elif nr is not None:
            set_aar.add(nr)
        forbrug = sub.tal("forbrug_kwh", "årets forbrug", eksempel="870.000", min=0, enhed="kWh")
        gd = sub.tal("graddage", "årets graddagetal", eksempel="3.050", min=0, min_inkl=False, enhed="graddage")
        return Aarstal(nr, forbrug, gd)  # type: ignore[arg-type]  # None only with an error, and afslut() raised

    aar = laeser.liste("aar", "opfølgningsår", laes_aar, min_antal=1, max_antal=maks,
                       max_besked=f"Angiv højst {maks} opfølgningsår – der er {{antal}}. " + graense)
    if not laeser.fejl:
        _tjek_stoerrelser(laeser, baseline, baseline_gd, normal_gd, andel, beregnet, pris, aar)
    laeser.afslut()
    return Input(baseline, baseline_gd, normal_gd, andel, beregnet, pris,  # type: ignore[arg-type]  # None only with an error, and afslut() raised
                 selvrisiko, lev, tuple(aar), paa)  # type: ignore[arg-type]  # None only with an error, and afslut() raised


def _tjek_stoerrelser(laeser: Laeser, baseline, baseline_gd, normal_gd, andel, beregnet, pris,
                      aar: list[Aarstal]) -> None:
    """Refuse degree days or prices so extreme that the results cannot be shown as amounts.

    Each value is within bounds on its own, but a tiny degree-day figure can still blow the
    normalised use up by many orders of magnitude; :func:`beregn` must never fail on it.
    """
    urimelig = ("er så lille i forhold til normalårets graddagetal, at det normaliserede forbrug "
                "bliver urimeligt stort. Tjek tallet.")
    with localcontext(prec=60):
        def for_stort(forbrug: Decimal, graddage: Decimal) -> str:
            """Which input makes the normalised use too large: "graddage", "forbrug" or ""."""
            f = _faktor(graddage, normal_gd, andel)
            if f >= _STOERST:
                return "graddage"
            return "forbrug" if forbrug * f >= _STOERST else ""

        stort_forbrug = "Forbruget er så stort, at det normaliserede forbrug ikke kan vises som et tal. Tjek tallet."
        match for_stort(baseline, baseline_gd):
            case "graddage":
                laeser.tilfoej(laeser.felt("baseline_graddage"), f"Graddagetallet for baselineåret {urimelig}")
            case "forbrug":
                laeser.tilfoej(laeser.felt("baseline_forbrug_kwh"), stort_forbrug)
        for i, a in enumerate(aar):
            match for_stort(a.forbrug_kwh, a.graddage):
                case "graddage":
                    laeser.tilfoej(f"{laeser.felt('aar')}[{i}].graddage", f"Årets graddagetal {urimelig}")
                case "forbrug":
                    laeser.tilfoej(f"{laeser.felt('aar')}[{i}].forbrug_kwh", stort_forbrug)
        if laeser.fejl:
            return
        nb = normaliser(baseline, baseline_gd, normal_gd, andel)
        stoerste_manko = max(beregnet - nb + normaliser(a.forbrug_kwh, a.graddage, normal_gd, andel)
                             for a in aar)
        if stoerste_manko * pris >= _STOERST:
            laeser.tilfoej(laeser.felt("energipris_kr_pr_kwh"),
                           "Energiprisen giver et urimeligt stort beløb for den manglende besparelse. "
                           "Tjek energiprisen og forbruget.")

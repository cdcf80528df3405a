"""Is the merinvestering in a new almen lavenergibolig totaløkonomisk rentabel?

Source: BEK nr. 314 af 30. marts 2016 om totaløkonomiske merinvesteringer i nye
lavenergiboliger i alment byggeri m.v. A merinvestering is totaløkonomisk rentabel when
(§ 3, stk. 2)

1. the present value of the energy savings over 40 years at least equals the merinvestering
   including reinvestments and extra operating costs, and
2. the saving at ibrugtagelse at least equals the residents' payment under almenboliglovens
   § 129, stk. 4 (the beboerbetalingsprocent of § 15 times the merinvestering).

Rentability is a condition for the kommunalbestyrelse's approval before building starts
(skema B, § 11); § 13 (Kapitel 4, after the final statement of § 12, skema C) makes the
organisation bear "så stor en del af merinvesteringen, at rentabiliteten opnås" when the
final calculation is not rentable. The calculator reports that § 13 amount; it is not a way
round § 11. Defaults (period, discount rate, real price growth per energy type) and their
sources are data (``calculators/data/merinvestering.toml``); the beboerbetalingsprocent has no default.

Energy savings are savings on heating, hot water and electricity (§ 8): an energy line naming
cold water (``ikke_energiarter`` in the data) is refused with a field error. A line is the net
saving of its energy kind, as § 8's calculation of the building's energy need gives it: a measure
that uses more of a kind (a ventilation unit's electricity) makes that line negative.

Conventions (also returned as ``konventioner`` and shown on the page)
--------------------------------------------------------------------
* ``M = Σ merpris_kr`` at ``t = 0``, not discounted. ``r = kalkulationsrente_pct/100``,
  ``N = periode_aar``. Every other flow is real (fixed prices) and paid at the end of year
  ``t = 1 … N``; ``PV(x) = Σ x_t/(1+r)^t``.
* Saving: ``S_t = Σ maengde_aar × pris_kr_pr_enhed × (1+g)^(t−1)`` with ``g`` per energy
  line, so ``S_1`` is the saving at today's prices ("ved ibrugtagelse").
* Operating cost: ``D_t = Σ aendret_drift_kr_aar`` (+ = extra cost), every year.
* Reinvestment: a measure with lifetime ``L < N`` is bought again at its merpris at
  ``t = L, 2L, …`` for every such ``t < N``.
* Residual value (only if ``medregn_restvaerdi``, default off: the site's convention, not the
  BEK's, which names none): the latest purchase, at ``t0 = L × floor((N−1)/L)``, has
  ``t0 + L − N`` of its ``L`` years left at ``N`` and is credited at ``t = N`` with
  ``merpris × (t0 + L − N)/L``. When it is on, ``uden_restvaerdi`` gives the same figures
  without it, so the page can show both.
* ``PV_omkostninger = M + PV(reinvestments) + PV(D) − PV(residual)``. Condition 1:
  ``PV(S) ≥ PV_omkostninger``; condition 2: ``S_1 ≥ beboerbetalingsprocent/100 × M``.
* § 13: ``noedvendig_egenbetaling_kr = min(M, max(0, PV_omkostninger − PV(S),
  M − S_1/(beboerbetalingsprocent/100)))`` (the last term only for a percentage > 0).

Rounding: floats are used only inside the discounting. Each present value is rounded once to
øre (half up); ``PV_omkostninger`` is the sum of the rounded parts, so the figures a user
sees add up, and both conditions are judged on those figures. The residents' payment and the
§ 13 amount are rounded *up* to øre, so that paying the amount shown always suffices.

Worked example: one measure of 100.000 kr. lasting the whole period, saving 10.000 kWh at
1 kr./kWh with no price growth, 3 % and 40 years: PV(S) = 10.000 kr. × 23,114772.

>>> r = beregn(Input((Foranstaltning("Efterisolering", Decimal(100000), 40, Decimal(0)),),
...                  (Energibesparelse("fjernvarme", Decimal(10000), "kWh", Decimal(1), Decimal(0)),),
...                  Decimal(3), Decimal(5), 40, False))
>>> r.nutidsvaerdi_besparelser_kr, r.nettonutidsvaerdi_kr, r.rentabel
(Decimal('231147.72'), Decimal('131147.72'), True)
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal, localcontext

from . import _nutidsvaerdi as nv
from ._contract import Laeser
from ._format import dato, kr, pct_som_angivet
from ._merinvestering_regler import Kilder, Regler, energiart_for, ikke_energiart_for, regler, standardvaerdier
from ._regelgrundlag import Regelbrug, Regelgrundlag, brug, regelgrundlag
from ._versioner import IngenRegel, periode_tekst

__all__ = ["Input", "Foranstaltning", "Energibesparelse", "Resultat", "Regler", "regler", "egenbetaling",
           "standardvaerdier", "parse", "beregn", "EKSEMPEL", "KONVENTIONER"]

_OERE = Decimal("0.01")
#: Amounts travel as JSON numbers (doubles): below 10^13 kr. every øre survives the trip
#: (15 significant digits). Inputs whose present values could pass that are refused.
_LOG10_STOERST = 13.0


# -- input ----------------------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class Foranstaltning:
    navn: str
    merpris_kr: Decimal
    levetid_aar: int
    aendret_drift_kr_aar: Decimal
    """Change in yearly operating cost, real; + is an extra cost."""


@dataclasses.dataclass(frozen=True)
class Energibesparelse:
    energiart: str
    maengde_aar: Decimal
    enhed: str
    pris_kr_pr_enhed: Decimal
    realprisstigning_pct: Decimal
    realprisstigning_kilde: str = ""
    """Source of the default growth used; empty when the user entered it."""
    realprisstigning_regel: Regelbrug | None = None
    """The dated default used, for the result's regelgrundlag; None when the user entered the growth."""


@dataclasses.dataclass(frozen=True)
class Input:
    foranstaltninger: tuple[Foranstaltning, ...]
    energibesparelser: tuple[Energibesparelse, ...]
    kalkulationsrente_pct: Decimal
    beboerbetalingsprocent: Decimal
    periode_aar: int
    medregn_restvaerdi: bool
    standard: tuple[str, ...] = ()
    """The top-level fields that took their default from the data folder."""
    beregningsdato: dt.date = dt.date(2026, 11, 30)
    """The date the defaults are looked up on (skema B or C); the form's empty field means today."""
    tilsagnsaar: int | None = None
    """The year of tilsagn, which fixes the beboerbetalingsprocent (§ 15)."""
    regelbrug: tuple[Regelbrug, ...] = ()
    """The dated rule values parse() took defaults from."""


EKSEMPEL = {
    # An illustration only: the amounts are made up, and the beboerbetalingsprocent is NOT a
    # published figure (the page says so); the user always enters the figure for the year.
    "foranstaltninger": [
        {"navn": "Ekstra isolering af klimaskærmen", "merpris_kr": 640000, "levetid_aar": 40},
        {"navn": "3-lags vinduer i stedet for 2-lags", "merpris_kr": 380000, "levetid_aar": 30},
        {"navn": "Ventilationsaggregat med højere varmegenvinding", "merpris_kr": 150000,
         "levetid_aar": 20, "aendret_drift_kr_aar": 1500},
    ],
    "energibesparelser": [
        {"energiart": "fjernvarme", "maengde_aar": 95000, "enhed": "kWh", "pris_kr_pr_enhed": 0.75},
        {"energiart": "el", "maengde_aar": 4000, "enhed": "kWh", "pris_kr_pr_enhed": 2.2},
    ],
    "beboerbetalingsprocent": 4,
    # Fixed, so the page's worked example does not change with the build date.
    "beregningsdato": "2026-11-30",
}


def i_dag() -> dt.date:
    """Today, where the calculation runs (the reader's browser); tests replace it."""
    return dt.date.today()

_SENTINEL = object()


def _raekke(l: Laeser, navn: str) -> str:
    """ "foranstaltning 3": messages name the row as the page numbers it (1, 2, 3, …)."""
    m = re.search(r"\[(\d+)\]$", l.felt("")[:-1])
    return f"{navn} {int(m.group(1)) + 1}" if m else navn


def _mangler(l: Laeser, noegle: str) -> bool:
    """True when an empty text has not already been reported as missing."""
    return not any(f.felt == l.felt(noegle) for f in l.fejl)


def _laes_foranstaltning(l: Laeser) -> Foranstaltning:
    r = _raekke(l, "foranstaltning")
    navn = l.tekst("navn", f"navnet på {r}")
    if navn == "" and _mangler(l, "navn"):
        l.tilfoej(l.felt("navn"), f"Udfyld navnet på {r}.")
    merpris = l.beloeb("merpris_kr", f"merprisen for {r}", eksempel="250.000")
    levetid = l.heltal("levetid_aar", f"levetiden for {r}", eksempel="30", min=1, max=100, enhed="år")
    drift = l.beloeb("aendret_drift_kr_aar", f"den ændrede driftsudgift for {r}", eksempel="2.500", min=None,
                     paakraevet=False, default=Decimal(0))
    return Foranstaltning(navn, merpris, levetid, drift)  # type: ignore[arg-type]  # None only with an error, and afslut() raised


def _laes_energi(l: Laeser, rg: Regler, paa: dt.date) -> Energibesparelse:
    r = _raekke(l, "energilinje")
    energiart = l.tekst("energiart", f"energiarten i {r}", max_laengde=100)
    if energiart == "" and _mangler(l, "energiart"):
        l.tilfoej(l.felt("energiart"), f"Udfyld energiarten i {r}, fx fjernvarme.")
    # The saving of one energy kind is net (BEK nr. 314, § 8: documented by the building's calculated energy
    # need, SBi-anvisning 213/Be15), so a measure that uses more of a kind (a ventilation unit's electricity)
    # gives a negative line, priced at that kind's price (§ 9) – not an operating cost (§ 7, stk. 3).
    # The amount may carry the unit the line's unit field names ("12.500 kWh").
    raekkens_enhed = l.kig("enhed")
    maengde = l.tal("maengde_aar", f"den årlige mængde i {r}", eksempel="12.500",
                    enhed=raekkens_enhed.strip() if isinstance(raekkens_enhed, str) and len(raekkens_enhed) <= 30
                    else "")
    enhed = l.tekst("enhed", f"enheden i {r}", max_laengde=30)
    pris = l.tal("pris_kr_pr_enhed", f"prisen pr. enhed i {r}", eksempel="0,85", enhed="kr.")
    if pris is not None and pris < 0:
        # A negative price is how some would write a higher consumption: say where that belongs.
        l.tilfoej(l.felt("pris_kr_pr_enhed"),
                  f"Prisen pr. enhed i {r} kan ikke være negativ. Bruger foranstaltningerne mere af energiarten, "
                  f"end de sparer, så skriv merforbruget med minus i feltet »Besparelse pr. år« i samme række, "
                  f"fx -1.200, og prisen som et positivt tal.")
        pris = None
    g = l.tal("realprisstigning_pct", f"den reale prisstigning i {r}", eksempel="1,5", min=-100, min_inkl=False,
              paakraevet=False, default=_SENTINEL, enhed="%")
    kilde, regel = "", None
    ikke = ikke_energiart_for(energiart, rg) if energiart else None
    if ikke is not None:
        # Cold water is not an energy saving (§ 8); older saved calculations may still name it.
        l.tilfoej(l.felt("energiart"),
                  f"»{energiart}« er ikke en energibesparelse: bekendtgørelsen regner kun med "
                  f"besparelser til opvarmning, varmt vand og el ({ikke.kilde}). Fjern linjen. En "
                  f"besparelse på varmt vand skrives som den energi, der spares til at opvarme det, "
                  f"fx fjernvarme eller el.")
        if g is _SENTINEL:
            g = None
    elif g is _SENTINEL:
        g = None
        art = energiart_for(energiart, rg) if energiart else None
        version = next((v for v in art.versioner if v.gaelder(paa)), None) if art is not None else None
        if art is not None and version is not None:
            g, kilde = version.realprisstigning_pct, version.kilde
            regel = brug(f"Real prisstigning, {art.betegnelse.lower()} (standardværdi)",
                         pct_som_angivet(g, 1) + " pr. år", version)
        elif art is not None:
            perioder = "; ".join(periode_tekst(v.gyldig_fra, v.gyldig_til) for v in art.versioner) or "ingen"
            l.tilfoej(l.felt("realprisstigning_pct"),
                      f"Der er ingen standardværdi for den reale prisstigning for {art.betegnelse.lower()} den "
                      f"{dato(paa)} (beregningsdatoen); standardværdierne gælder {perioder}. Indtast prisstigningen "
                      f"i procent om året, fx 1,5.")
        elif energiart:
            # Safer than assuming 0 %: a missing growth rate changes the answer silently.
            kendte = ", ".join(e.betegnelse.lower() for e in rg.energiarter.values())
            l.tilfoej(l.felt("realprisstigning_pct"),
                      f"Indtast den reale prisstigning for »{energiart}« i procent om året, fx 1,5. "
                      f"Der er kun standardværdier for {kendte}.")
    if maengde is not None and pris is not None and abs(maengde * pris) >= Decimal("1e13"):
        # Blame the factor that is out of scale: the larger one.
        l.tilfoej(l.felt("maengde_aar" if abs(maengde) >= abs(pris) else "pris_kr_pr_enhed"),
                  "Den årlige besparelse (mængde × pris) er for stor. Tjek mængden og prisen.")
    return Energibesparelse(energiart, maengde, enhed, pris, g, kilde, regel)  # type: ignore[arg-type]  # None only with an error, and afslut() raised


#: Row limits: the one source for the calculator, the page (data-max, through build_scripts/makroer.py) and a
#: loaded file.
MAKS_FORANSTALTNINGER = 100
MAKS_ENERGIARTER = 20


def raekkegraenser() -> dict[str, int]:
    """The row limit of each list in the input, for the page."""
    return {"foranstaltninger": MAKS_FORANSTALTNINGER, "energibesparelser": MAKS_ENERGIARTER}


def parse(laeser: Laeser) -> Input:
    rg = regler()
    standard = []
    brugt: list[Regelbrug] = []
    paa = laeser.dato("beregningsdato", "beregningsdatoen", paakraevet=False)
    if paa is None and not any(f.felt == laeser.felt("beregningsdato") for f in laeser.fejl):
        paa = i_dag()
        standard.append("beregningsdato")
    if paa is not None and paa < rg.periode.gyldig_fra:
        laeser.tilfoej(laeser.felt("beregningsdato"),
                       f"Beregningsdatoen kan tidligst være {dato(rg.periode.gyldig_fra)}, hvor bekendtgørelsen "
                       f"trådte i kraft ({rg.periode.kilde.split(',')[0]}, § 16).")
        paa = None
    paa_eller_i_dag = paa or i_dag()
    foranst = laeser.liste("foranstaltninger", "foranstaltning", _laes_foranstaltning,
                           max_antal=MAKS_FORANSTALTNINGER,
                           max_besked=f"Der kan højst være {MAKS_FORANSTALTNINGER} foranstaltninger i én "
                                      "beregning. Der er {antal}.")
    energi = laeser.liste("energibesparelser", "energibesparelse", lambda l: _laes_energi(l, rg, paa_eller_i_dag),
                          max_antal=MAKS_ENERGIARTER,
                          max_besked=f"Der kan højst være {MAKS_ENERGIARTER} energiarter i én beregning. "
                                     "Der er {antal}.")
    rente = laeser.tal("kalkulationsrente_pct", "kalkulationsrenten", eksempel="3", min=-100, min_inkl=False,
                       paakraevet=False, default=_SENTINEL, enhed="%")
    if rente is _SENTINEL:
        try:
            version = rg.kalkulationsrente.versioner.paa(paa_eller_i_dag)
        except IngenRegel as e:
            laeser.tilfoej(laeser.felt("kalkulationsrente_pct"),
                           f"{e} Indtast kalkulationsrenten, fx 3, eller ret beregningsdatoen.")
            rente = None
        else:
            rente = version.pct
            standard.append("kalkulationsrente_pct")
            brugt.append(brug("Kalkulationsrente (standardværdi)", pct_som_angivet(rente, 2), version))
    tilsagnsaar = laeser.heltal("tilsagnsaar", "tilsagnsåret", eksempel="2026", min=rg.periode.gyldig_fra.year,
                                max=2100, paakraevet=False)
    bebo = laeser.tal("beboerbetalingsprocent", "beboerbetalingsprocenten", eksempel="4,5", min=0, max=100,
                      enhed="%", paakraevet=tilsagnsaar is None, default=_SENTINEL)
    if bebo is _SENTINEL and tilsagnsaar is None:
        bebo = None  # missing, and reported as such (required without a year of tilsagn)
    elif bebo is _SENTINEL and tilsagnsaar is not None:
        # § 15: the figure is fixed each 1 January for tilsagn given that year.
        try:
            sats = rg.beboerbetalingsprocent.versioner.paa(dt.date(tilsagnsaar, 1, 1))
        except IngenRegel:
            laeser.tilfoej(laeser.felt("beboerbetalingsprocent"),
                           f"Siden kender ikke beboerbetalingsprocenten for tilsagn i {tilsagnsaar}: ministeriet "
                           f"fastsætter den hvert år pr. 1. januar (BEK nr. 314, § 15). Indtast procenten for "
                           f"tilsagnsåret, fx 4,5.")
            bebo = None
        else:
            bebo = sats.pct
            standard.append("beboerbetalingsprocent")
            brugt.append(brug(f"Beboerbetalingsprocent for tilsagn i {tilsagnsaar}", pct_som_angivet(bebo, 0),
                              sats))
    periode = laeser.heltal("periode_aar", "perioden", eksempel="40", min=1, max=100, paakraevet=False,
                            default=_SENTINEL, enhed="år")
    if periode is _SENTINEL:
        periode = rg.periode.aar
        standard.append("periode_aar")
        brugt.append(brug("Beregningsperiode", f"{periode} år", rg.periode))
    restv = laeser.sandhed("medregn_restvaerdi", "om restværdien skal medregnes", paakraevet=False,
                           default=None)
    if restv is None:
        restv = False  # the BEK names no residual value: only on the user's choice
        standard.append("medregn_restvaerdi")
    if not laeser.fejl:
        problem = _for_stort(foranst, energi, float(rente) / 100, 0.0, periode)  # type: ignore[arg-type]  # None only with an error, and afslut() raised
        if problem:
            laeser.tilfoej(*problem)
    laeser.afslut()
    brugt += [e.realprisstigning_regel for e in energi if e.realprisstigning_regel is not None]
    return Input(tuple(foranst), tuple(energi), rente, bebo, periode, restv, tuple(standard),  # type: ignore[arg-type]
                 paa, tilsagnsaar, tuple(brugt))  # type: ignore[arg-type]  # None only with an error, and afslut() raised


def _for_stort(foranst, energi, r: float, dg: float, n: int) -> tuple[str, str] | None:
    """(field, message) if the present values could pass 10^13 kr., else None.

    A generous upper bound in log10: N years × the largest discount factor × the largest
    yearly flow. Needs ``r > -1`` and every growth ``> -1``. Only absurd inputs (a rate near
    −100 %, a growth of hundreds of percent a year) reach it; it keeps every figure exact in
    JSON and printable.
    """
    log_d = max(0.0, -n * math.log10(1 + r))  # the largest discount factor, (1+r)^-N for r < 0
    log_g = [nv.log10_faktor(float(e.realprisstigning_pct) / 100 + dg, n - 1) for e in energi]
    led = [math.log10(float(abs(e.maengde_aar * e.pris_kr_pr_enhed)) + 1) + lg
           for e, lg in zip(energi, log_g, strict=True)]
    penge = math.log10(float(sum(abs(f.aendret_drift_kr_aar) + f.merpris_kr * (n // f.levetid_aar + 1)
                                 for f in foranst)) + 1)
    stoerst = math.log10(n) + log_d + max(led + [penge]) + math.log10(len(led) + 1)
    if stoerst < _LOG10_STOERST:
        return None
    if log_d >= max(log_g, default=0.0) and log_d > 2:
        return ("kalkulationsrente_pct", "Kalkulationsrenten er så lav, at nutidsværdierne bliver for store "
                                         "til at regne med. Tjek kalkulationsrenten.")
    if log_g and max(log_g) > 2:
        i = log_g.index(max(log_g))
        return (f"energibesparelser[{i}].realprisstigning_pct",
                "Den reale prisstigning er så stor, at besparelserne bliver for store til at regne med. "
                "Tjek den reale prisstigning.")
    if penge >= max(led):
        return ("foranstaltninger",
                "Merpriserne og driftsudgifterne bliver for store til at regne med. Tjek beløbene.")
    return ("energibesparelser", "Besparelserne bliver for store til at regne med. Tjek mængder og priser.")


# -- result ---------------------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class Aar:
    aar: int
    besparelse_kr: Decimal
    drift_kr: Decimal
    reinvestering_kr: Decimal
    restvaerdi_kr: Decimal
    netto_kr: Decimal
    diskonteret_netto_kr: Decimal
    akkumuleret_diskonteret_kr: Decimal


@dataclasses.dataclass(frozen=True)
class Foelsomhed:
    betegnelse: str
    kalkulationsrente_pct: Decimal
    prisstigning_aendring_point: int
    nettonutidsvaerdi_kr: Decimal | None
    """None when the variant cannot be computed (a rate or growth of −100 % or less)."""
    betingelse_nutidsvaerdi_opfyldt: bool | None
    rentabel: bool | None


@dataclasses.dataclass(frozen=True)
class Forudsaetning:
    felt: str
    betegnelse: str
    vaerdi: str
    standardvaerdi: bool
    kilde: str


@dataclasses.dataclass(frozen=True)
class ForanstaltningUd:
    navn: str
    merpris_kr: Decimal
    levetid_aar: int
    aendret_drift_kr_aar: Decimal
    reinvesteringsaar: tuple[int, ...]
    restvaerdi_kr: Decimal


@dataclasses.dataclass(frozen=True)
class EnergibesparelseUd:
    energiart: str
    maengde_aar: Decimal
    enhed: str
    pris_kr_pr_enhed: Decimal
    realprisstigning_pct: Decimal
    besparelse_foerste_aar_kr: Decimal


@dataclasses.dataclass(frozen=True)
class UdenRestvaerdi:
    """The figures that change when the residual value is left out, as the BEK (which names
    none) would have them. Equal to the main figures when the residual value is not counted."""
    nutidsvaerdi_omkostninger_kr: Decimal
    nettonutidsvaerdi_kr: Decimal
    betingelse_nutidsvaerdi_opfyldt: bool
    rentabel: bool
    noedvendig_egenbetaling_kr: Decimal
    rentabel_med_egenbetaling: bool


@dataclasses.dataclass(frozen=True)
class Resultat:
    konklusion: str
    rentabel: bool
    merinvestering_kr: Decimal
    nutidsvaerdi_besparelser_kr: Decimal
    nutidsvaerdi_reinvesteringer_kr: Decimal
    nutidsvaerdi_drift_kr: Decimal
    nutidsvaerdi_restvaerdi_kr: Decimal
    nutidsvaerdi_omkostninger_kr: Decimal
    nettonutidsvaerdi_kr: Decimal
    besparelse_foerste_aar_kr: Decimal
    beboerbetaling_foerste_aar_kr: Decimal
    betingelse_nutidsvaerdi_opfyldt: bool
    betingelse_beboerbetaling_opfyldt: bool
    noedvendig_egenbetaling_kr: Decimal
    rentabel_med_egenbetaling: bool
    tilbagebetalingstid_aar: Decimal | None
    kalkulationsrente_pct: Decimal
    beboerbetalingsprocent: Decimal
    periode_aar: int
    medregn_restvaerdi: bool
    uden_restvaerdi: UdenRestvaerdi
    foranstaltninger: tuple[ForanstaltningUd, ...]
    energibesparelser: tuple[EnergibesparelseUd, ...]
    forudsaetninger: tuple[Forudsaetning, ...]
    bemaerkninger: tuple[str, ...]
    kilder: Kilder
    konventioner: tuple[str, ...]
    foelsomhed: tuple[Foelsomhed, ...]
    aar: tuple[Aar, ...]
    beregningsdato: dt.date
    tilsagnsaar: int | None
    regelgrundlag: Regelgrundlag


KONVENTIONER = (
    "Merinvesteringen er summen af foranstaltningernes merpriser. Den betales ved ibrugtagelsen (år 0) "
    "og diskonteres ikke.",
    "Alle andre beløb er i faste priser og betales ved udgangen af hvert år 1, 2, …, N. De diskonteres "
    "med den reale kalkulationsrente r: beløb / (1 + r)^t.",
    "Besparelsen i år t er mængde × pris × (1 + g)^(t − 1) for hver energiart, hvor g er den reale "
    "prisstigning. Besparelsen i år 1 er altså besparelsen i dagens priser, ved ibrugtagelsen.",
    "Ændrede driftsudgifter er de samme hvert år. Et plus er en merudgift, et minus en besparelse.",
    "En foranstaltning, hvis levetid L er kortere end perioden, købes igen til samme merpris i år L, 2L, … "
    "så længe det er før periodens sidste år.",
    "Restværdi regnes kun med, hvis I vælger det. Den er sidens egen konvention: bekendtgørelsen nævner ingen "
    "restværdi. Den seneste anskaffelse af hver foranstaltning afskrives lineært over levetiden. Det, der er "
    "tilbage ved periodens udløb, regnes som en indtægt i år N. En anskaffelse, der udløber netop i år N, har "
    "ingen restværdi. Med restværdi vises resultatet uden restværdi ved siden af.",
    "Nutidsværdien af omkostningerne er merinvesteringen + reinvesteringer + ændret drift − restværdi, alt "
    "regnet som nutidsværdi.",
    "Før byggeriet påbegyndes (skema B), er rentabiliteten en forudsætning for kommunalbestyrelsens "
    "godkendelse (§ 11). § 13 gælder den endelige opgørelse ved byggeregnskabet (skema C): er totaløkonomien "
    "ikke rentabel, afholder boligorganisationen så stor en del af merinvesteringen, at rentabiliteten opnås. "
    "Beregneren regner den del ud som det mindste beløb, der trukket fra merinvesteringen ved ibrugtagelsen "
    "får begge betingelser opfyldt. Den kan højst være hele merinvesteringen.",
    "Beløb afrundes til hele øre. Nutidsværdien af omkostningerne er summen af de afrundede dele, og "
    "betingelserne vurderes på de viste beløb. Beboerbetalingen og egenbetalingen rundes op til hele øre.",
)


def _oere(x: float | Decimal, rounding: str = ROUND_HALF_UP) -> Decimal:
    with localcontext() as ctx:
        ctx.prec = 60
        d = x if isinstance(x, Decimal) else Decimal(repr(x))
        return d.quantize(_OERE, rounding=rounding) + 0  # "+ 0" turns -0.00 into 0.00


@dataclasses.dataclass(frozen=True)
class _Stroemme:
    besparelse: list[float]          # S_1 … S_N
    reinvestering: list[Decimal]     # exact: sums of merpriser
    drift: Decimal                   # D, every year
    restvaerdi: Decimal              # at t = N (0 if not counted)


def _stroemme(inp: Input, dg: float = 0.0) -> _Stroemme:
    n = inp.periode_aar
    s = [0.0] * n
    for e in inp.energibesparelser:
        a = float(e.maengde_aar * e.pris_kr_pr_enhed)
        for t, x in enumerate(nv.voksende(a, float(e.realprisstigning_pct) / 100 + dg, n)):
            s[t] += x
    reinv = [Decimal(0)] * n
    rest = Decimal(0)
    for f in inp.foranstaltninger:
        for t in nv.genkoebsaar(f.levetid_aar, n):
            reinv[t - 1] += f.merpris_kr
        if inp.medregn_restvaerdi:
            rest += _restvaerdi(f, n)
    return _Stroemme(s, reinv, sum((f.aendret_drift_kr_aar for f in inp.foranstaltninger), Decimal(0)), rest)


def _restvaerdi(f: Foranstaltning, n: int) -> Decimal:
    andel = nv.restandel(f.levetid_aar, n)
    return f.merpris_kr * andel.numerator / andel.denominator


def _nutidsvaerdier(st: _Stroemme, r: float) -> tuple[Decimal, Decimal, Decimal, Decimal]:
    """PV(S), PV(reinvestments), PV(D), PV(residual), each rounded to øre."""
    n = len(st.besparelse)
    return (_oere(nv.nutidsvaerdi(st.besparelse, r)),
            _oere(nv.nutidsvaerdi([float(x) for x in st.reinvestering], r)),
            _oere(nv.nutidsvaerdi([float(st.drift)] * n, r)),
            _oere(nv.nutidsvaerdi([0.0] * (n - 1) + [float(st.restvaerdi)], r)))


def egenbetaling(m: Decimal, pv_omk: Decimal, pv_s: Decimal, s1: Decimal, bebo_pct: Decimal) -> Decimal:
    """The § 13 amount: the least whole-øre amount making both conditions hold, at most M.

    ``min(M, max(0, PV_omk − PV(S), M − S_1/b))`` with ``b = bebo_pct/100`` (the last term only
    when ``b > 0``), rounded up to øre.

    >>> egenbetaling(Decimal(1000), Decimal(1200), Decimal(1100), Decimal(100), Decimal(5))
    Decimal('100.00')
    >>> egenbetaling(Decimal(1000), Decimal(900), Decimal(1100), Decimal(30), Decimal(5))
    Decimal('400.00')
    """
    kandidater = [Decimal(0), pv_omk - pv_s]
    b = bebo_pct / 100
    if b > 0 and b * m > s1:
        kandidater.append(_oere(m - s1 / b, ROUND_CEILING))
    e = _oere(min(m, max(kandidater)), ROUND_CEILING)
    while e < m and b * (m - e) > s1:  # guard against the division's last digit
        e += _OERE
    return e


def _betingelser(m, pv_omk, pv_s, s1, bebo_pct, egen=Decimal(0)) -> tuple[bool, bool]:
    """Conditions 1 and 2 when the organisation pays ``egen`` of M at t = 0."""
    return pv_s >= pv_omk - egen, s1 >= _oere(bebo_pct / 100 * (m - egen), ROUND_CEILING)


def beregn(inp: Input, rg: Regler | None = None) -> Resultat:
    """Judge the merinvestering by the two conditions of § 3, stk. 2, and the § 13 amount."""
    rg = rg or regler()
    n, r = inp.periode_aar, float(inp.kalkulationsrente_pct) / 100
    m = sum((f.merpris_kr for f in inp.foranstaltninger), Decimal(0))
    st = _stroemme(inp)
    pv_s, pv_r, pv_d, pv_rest = _nutidsvaerdier(st, r)
    pv_omk = m + pv_r + pv_d - pv_rest
    s1 = _oere(sum((e.maengde_aar * e.pris_kr_pr_enhed for e in inp.energibesparelser), Decimal(0)))
    bebo = _oere(inp.beboerbetalingsprocent / 100 * m, ROUND_CEILING)
    b1, b2, rentabel, egen, med_egen = _udfald(m, pv_omk, pv_s, s1, inp.beboerbetalingsprocent)
    pv_omk_u = m + pv_r + pv_d
    b1_u, _, rentabel_u, egen_u, med_egen_u = _udfald(m, pv_omk_u, pv_s, s1, inp.beboerbetalingsprocent)
    uden = UdenRestvaerdi(pv_omk_u, pv_s - pv_omk_u, b1_u, rentabel_u, egen_u, med_egen_u)

    konklusion = _konklusion(m, inp.medregn_restvaerdi, (rentabel, med_egen, egen),
                             (rentabel_u, med_egen_u, egen_u))

    return Resultat(
        konklusion=konklusion, rentabel=rentabel, merinvestering_kr=m,
        nutidsvaerdi_besparelser_kr=pv_s, nutidsvaerdi_reinvesteringer_kr=pv_r, nutidsvaerdi_drift_kr=pv_d,
        nutidsvaerdi_restvaerdi_kr=pv_rest, nutidsvaerdi_omkostninger_kr=pv_omk,
        nettonutidsvaerdi_kr=pv_s - pv_omk, besparelse_foerste_aar_kr=s1, beboerbetaling_foerste_aar_kr=bebo,
        betingelse_nutidsvaerdi_opfyldt=b1, betingelse_beboerbetaling_opfyldt=b2,
        noedvendig_egenbetaling_kr=egen, rentabel_med_egenbetaling=med_egen,
        tilbagebetalingstid_aar=(m / s1).quantize(Decimal("0.1"), ROUND_HALF_UP) if s1 > 0 else None,
        kalkulationsrente_pct=inp.kalkulationsrente_pct, beboerbetalingsprocent=inp.beboerbetalingsprocent,
        periode_aar=n, medregn_restvaerdi=inp.medregn_restvaerdi, uden_restvaerdi=uden,
        foranstaltninger=tuple(
            ForanstaltningUd(f.navn, f.merpris_kr, f.levetid_aar, f.aendret_drift_kr_aar,
                             tuple(nv.genkoebsaar(f.levetid_aar, n)),
                             _oere(_restvaerdi(f, n)) if inp.medregn_restvaerdi else Decimal("0.00"))
            for f in inp.foranstaltninger),
        energibesparelser=tuple(
            EnergibesparelseUd(e.energiart, e.maengde_aar, e.enhed, e.pris_kr_pr_enhed, e.realprisstigning_pct,
                               _oere(e.maengde_aar * e.pris_kr_pr_enhed))
            for e in inp.energibesparelser),
        forudsaetninger=_forudsaetninger(inp, rg),
        bemaerkninger=_bemaerkninger(inp, rg),
        kilder=rg.kilder,
        konventioner=KONVENTIONER,
        foelsomhed=_foelsomhed(inp, m, s1, b2),
        aar=_aarstabel(st, r, m),
        beregningsdato=inp.beregningsdato,
        tilsagnsaar=inp.tilsagnsaar,
        regelgrundlag=regelgrundlag(*inp.regelbrug),
    )


def _udfald(m, pv_omk, pv_s, s1, bebo_pct) -> tuple[bool, bool, bool, Decimal, bool]:
    """Conditions 1 and 2, rentable, the § 13 amount and whether paying it makes it rentable."""
    b1, b2 = _betingelser(m, pv_omk, pv_s, s1, bebo_pct)
    egen = egenbetaling(m, pv_omk, pv_s, s1, bebo_pct)
    return b1, b2, b1 and b2, egen, all(_betingelser(m, pv_omk, pv_s, s1, bebo_pct, egen))


def _p13(med_egen: bool, egen: Decimal) -> str:
    """What § 13 means for these figures, as a main clause after a fronted condition (verb first)."""
    if med_egen:
        return f"afholder boligorganisationen selv {kr(egen)} af den, så rentabiliteten opnås"
    return "kan den ikke blive rentabel, heller ikke hvis boligorganisationen selv afholder hele merinvesteringen"


def _konklusion(m: Decimal, med_rest: bool, med: tuple[bool, bool, Decimal],
                uden: tuple[bool, bool, Decimal]) -> str:
    """The verdict: § 3, stk. 2, then § 11 (skema B) and § 13 (skema C) when it is not rentable.

    ``med``/``uden`` are (rentable, rentable with the § 13 amount, the amount) with and without the
    residual value; without it is never better, so only "rentable with it, not without" can differ.
    """
    ja = "totaløkonomisk rentabel: begge betingelser i bekendtgørelsens § 3, stk. 2, er opfyldt"
    skema_b = "Før byggeriet påbegyndes (skema B), kan kommunalbestyrelsen derfor ikke godkende den (§ 11)."
    skema_c = "Er tallene de samme ved byggeregnskabet (skema C),"
    mi = f"Merinvesteringen på {kr(m)}"
    if not med_rest:
        if med[0]:
            return f"{mi} er {ja}."
        return f"{mi} er ikke totaløkonomisk rentabel. {skema_b} {skema_c} {_p13(*med[1:])} (§ 13)."
    if med[0] and uden[0]:
        return f"{mi} er {ja}, både med og uden restværdien, som er sidens egen konvention."
    if med[0]:
        return (f"{mi} er kun totaløkonomisk rentabel, når restværdien medregnes, og restværdien er sidens egen "
                f"konvention: bekendtgørelsen nævner ingen. Uden restværdien kan kommunalbestyrelsen ikke godkende "
                f"den, før byggeriet påbegyndes (skema B, § 11), og er tallene de samme ved byggeregnskabet "
                f"(skema C), {_p13(*uden[1:])} (§ 13).")
    tillaeg = "" if med[1:] == uden[1:] else f"; uden restværdien {_p13(*uden[1:])}"
    return (f"{mi} er ikke totaløkonomisk rentabel, hverken med eller uden restværdien, som er sidens egen "
            f"konvention. {skema_b} {skema_c} {_p13(*med[1:])} (§ 13){tillaeg}.")


def _aarstabel(st: _Stroemme, r: float, m: Decimal) -> tuple[Aar, ...]:
    """One row per year; each row adds up by hand, and the accumulation starts from −M."""
    n = len(st.besparelse)
    rest_n = _oere(st.restvaerdi)
    akk = -m
    rk = []
    for t in range(1, n + 1):
        s = _oere(st.besparelse[t - 1])
        rest = rest_n if t == n else Decimal("0.00")
        netto = s - st.drift - st.reinvestering[t - 1] + rest
        disk = _oere(float(netto) * (1 + r) ** -t)
        akk += disk
        rk.append(Aar(t, s, st.drift, st.reinvestering[t - 1], rest, netto, disk, akk))
    return tuple(rk)


def _foelsomhed(inp: Input, m: Decimal, s1: Decimal, b2: bool) -> tuple[Foelsomhed, ...]:
    """Net present value with the rate ±1 and ±2 points and the growth of every line ±1 point."""
    varianter = [("Som beregnet", 0, 0), ("Kalkulationsrente −2 procentpoint", -2, 0),
                 ("Kalkulationsrente −1 procentpoint", -1, 0), ("Kalkulationsrente +1 procentpoint", 1, 0),
                 ("Kalkulationsrente +2 procentpoint", 2, 0),
                 ("Real prisstigning −1 procentpoint for alle energiarter", 0, -1),
                 ("Real prisstigning +1 procentpoint for alle energiarter", 0, 1)]
    rk = []
    for betegnelse, dr, dg in varianter:
        rente = inp.kalkulationsrente_pct + dr
        r = float(rente) / 100
        uden_for = r <= -1 or any(float(e.realprisstigning_pct) / 100 + dg / 100 <= -1
                                  for e in inp.energibesparelser)
        if uden_for or _for_stort(inp.foranstaltninger, inp.energibesparelser, r, dg / 100, inp.periode_aar):
            rk.append(Foelsomhed(betegnelse, rente, dg, None, None, None))
            continue
        pv_s, pv_r, pv_d, pv_rest = _nutidsvaerdier(_stroemme(inp, dg / 100), r)
        npv = pv_s - (m + pv_r + pv_d - pv_rest)
        rk.append(Foelsomhed(betegnelse, rente, dg, npv, npv >= 0, npv >= 0 and b2))
    return tuple(rk)


def _forudsaetninger(inp: Input, rg: Regler) -> tuple[Forudsaetning, ...]:
    selv = "Angivet i beregningen."
    std = set(inp.standard)
    periode_kilde = rg.periode.kilde if inp.periode_aar == rg.periode.aar else (
        f"{selv} Bekendtgørelsen regner med {rg.periode.aar} år ({rg.periode.kilde}).")
    ud = [
        Forudsaetning("periode_aar", "Beregningsperiode", f"{inp.periode_aar} år", "periode_aar" in std,
                      periode_kilde),
        Forudsaetning("kalkulationsrente_pct", "Kalkulationsrente (real, pr. år)",
                      pct_som_angivet(inp.kalkulationsrente_pct, 2), "kalkulationsrente_pct" in std,
                      _kilde(inp, "Kalkulationsrente") if "kalkulationsrente_pct" in std else selv),
        Forudsaetning("beboerbetalingsprocent", "Beboerbetalingsprocent", pct_som_angivet(inp.beboerbetalingsprocent, 0),
                      "beboerbetalingsprocent" in std,
                      _kilde(inp, "Beboerbetalingsprocent") if "beboerbetalingsprocent" in std
                      else f"{selv} {rg.beboerbetalingsprocent.kilde}."),
        Forudsaetning("medregn_restvaerdi", "Restværdi medregnet", "Ja" if inp.medregn_restvaerdi else "Nej",
                      "medregn_restvaerdi" in std, rg.kilder.restvaerdi),
    ]
    for i, e in enumerate(inp.energibesparelser):
        ud.append(Forudsaetning(f"energibesparelser[{i}].realprisstigning_pct",
                                f"Real prisstigning, {e.energiart}", pct_som_angivet(e.realprisstigning_pct, 1) + " pr. år",
                                bool(e.realprisstigning_kilde), e.realprisstigning_kilde or selv))
    return tuple(ud)


def _kilde(inp: Input, regel: str) -> str:
    return next(b.kilde for b in inp.regelbrug if b.regel.startswith(regel))


def _bemaerkninger(inp: Input, rg: Regler) -> tuple[str, ...]:
    ud = []
    if "kalkulationsrente_pct" in inp.standard:
        ud.append(f"Kalkulationsrenten er standardværdien på {pct_som_angivet(inp.kalkulationsrente_pct, 2)}. "
                  f"{rg.kalkulationsrente.note}")
    if inp.periode_aar != rg.periode.aar:
        ud.append(f"Perioden er sat til {inp.periode_aar} år. Bekendtgørelsen regner med {rg.periode.aar} år "
                  f"({rg.periode.kilde}).")
    if inp.medregn_restvaerdi:
        ud.append("Restværdien ved periodens udløb er medregnet, fordi I har valgt det. Den er sidens egen "
                  "konvention: bekendtgørelsen nævner ingen restværdi. Resultatet uden restværdi står ved siden af.")
    else:
        ud.append("Restværdien ved periodens udløb er ikke medregnet: bekendtgørelsen nævner ingen restværdi.")
    if inp.beboerbetalingsprocent == 0:
        ud.append("Beboerbetalingsprocenten er 0 %, så betingelse 2 er altid opfyldt. Tjek satsen for tilsagnsåret.")
    return tuple(ud)


"""Check an application to Bæredygtighedspuljen against the administrationsgrundlag before sending it.

Source: Administrationsgrundlag for Bæredygtighedspuljen (undated; the date 22 March 2021 that follows it in
the source most likely belongs to the digitalisation strategy's letterhead): who may apply
(pkt. 6), what an application must contain (pkt. 7), which support it may not be combined
with (pkt. 3), the period and the yearly frames (pkt. 1 and 5) and the prioritisation
criteria (pkt. 5). The years, frames and rule texts are data (``calculators/data/baeredygtighedspuljen.toml``);
this module holds only the logic.

Every result holds every check in :data:`TJEK_IDS`, each ``ok``, ``advarsel`` or ``fejl``;
the application *kan indsendes* when no check is ``fejl``.

Key figures (money exact, in Decimal; shares rounded half up once, to the 0.1 percentage point the page shows –
rounding first to 0.01 and then for display read 12,2496 % as "12,3 %"):

* samlet budget = Σ all budget lines = puljefinansiering + egenfinansiering + anden finansiering;
* egenfinansieringsandel = egenfinansiering / samlet budget × 100 (none for a budget of 0 kr.);
* andel af årsrammen = ansøgt beløb / the delpulje's frame for the year × 100 (none outside the period);
* kr pr. ton CO₂e = samlet budget / klimagevinst, rounded to øre: the project's whole cost set
  against its climate gain, as pkt. 5 asks ("sættes i relation til projektets størrelse og
  omkostninger"); none without a climate gain above 0.

The frame check: up to the year's frame is ``ok``, above it ``advarsel``, never ``fejl`` (only a
year without a frame is). Pkt. 5 lets unused money move to the next year, and gives LBF "et
begrænset merforbrug (op til 20 pct.)" by advancing frame money: room for the pool as a whole, not
a ceiling per application, so no amount is a ``fejl`` on this ground.

A climate gain left out (or 0 ton CO₂e) is at most an ``advarsel``: the criterion is the relative
"miljø- eller klimagevinst", one of an unranked list, and a gain need not be in ton CO₂e.

>>> r = beregn(parse(Laeser(EKSEMPEL)))
>>> r.samlet_budget_kr, r.egenfinansieringsandel_pct, r.andel_af_aarsramme_pct, r.kr_pr_ton_co2e
(Decimal('4000000'), Decimal('10.0'), Decimal('20.9'), Decimal('9523.81'))
>>> r.kan_indsendes, [t.id for t in r.tjek if t.status != "ok"]
(True, ['lbf_kombination'])
>>> post = {"tekst": "Hele projektet", "beloeb_kr": 19800000.01, "finansiering": "pulje"}
>>> stor = beregn(parse(Laeser(dict(EKSEMPEL, ansoegt_beloeb_kr=19800000.01, poster=[post]))))
>>> stor.kan_indsendes, [t.status for t in stor.tjek if t.id == "aarsramme"]
(True, ['advarsel'])
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Annotated

from ._contract import Laeser
from ._data import Datafejl, indlaes, linje
from ._enheder import Dato, Kroner, Procent
from ._format import andel as pct_andel
from ._format import kr, pct, punktum, tal
from ._regelgrundlag import Regelgrundlag, brug, regelgrundlag
from ._versioner import Dateret, Versioner

__all__ = ["TJEK_IDS", "INDHOLD", "ANSOEGERE", "FINANSIERING", "Regler", "regler", "Post", "Input",
           "Tjek", "Resultat", "parse", "beregn", "EKSEMPEL"]

#: What the applicant is; values of the input field ``ansoeger``.
ANSOEGERE = {
    "boligorganisation": "almen boligorganisation",
    "boligafdeling": "boligafdeling",
    "raadgivning_forskning": "rådgivnings- eller forskningsinstitution",
    "anden": "anden ansøger",
}
#: Who pays a budget line; values of ``poster[i].finansiering``.
FINANSIERING = {"pulje": "puljen", "egen": "ansøger selv", "anden": "anden finansiering"}

#: The minimum content of an application (pkt. 7): key -> (what it is, what to do when it is missing).
INDHOLD = {
    "effekt": ("en redegørelse for projektets effekt",
               "Beskriv, hvilken effekt projektet vil have, fx på klima, miljø eller energiforbrug."),
    "maal_og_succeskriterier": ("projektets mål og konkrete succeskriterier",
                                "Skriv præcist, hvilke mål og konkrete succeskriterier projektet skal nå."),
    "evaluering": ("en evaluering, der måler, om målene og succeskriterierne er nået",
                   "Beskriv, hvordan projektets resultater evalueres, og hvordan I måler, om målene og "
                   "succeskriterierne er opfyldt."),
    "tidsplan": ("en konkret og realistisk plan med tidsramme",
                 "Læg en konkret og realistisk plan for, hvordan og inden for hvilken tidsramme målene og "
                 "succeskriterierne skal nås."),
    "kompetencer": ("en beskrivelse af jeres viden og kompetence til at gennemføre projektet",
                    "Beskriv, hvilken viden og kompetence I har til at gennemføre projektet, også den, I får "
                    "fra samarbejdspartnere."),
    "budget": ("et budget, der viser, hvilke udgifter puljen skal betale, og hvilke I selv finansierer",
               "Læg et budget ved ansøgningen, der for hver udgift viser, om puljen betaler den, eller om I "
               "selv finansierer den."),
}

TJEK_IDS = ("ansoegerkreds", "periode", "beloeb_stemmer", "aarsramme", "statslig_dobbeltstoette",
            "lbf_kombination", *(f"indhold_{k}" for k in INDHOLD), "egenfinansiering", "klimagevinst")

#: The most budget lines an application may have here: the one limit the checker, the page (its row block's
#: data-max, through build_scripts/makroer.py) and a loaded file all follow.
MAKS_POSTER = 100


def raekkegraenser() -> dict[str, int]:
    """The row limit of each list in the input, for the page."""
    return {"poster": MAKS_POSTER}

#: The pools pkt. 3 names, as the checker's question and messages say them.
STATSLIGE_PULJER = ("Klima-, Energi- og Forsyningsministeriets puljer eller andre tilsvarende "
                    "statslige puljer")

_OERE = Decimal("0.01")
_HUNDREDE = Decimal(100)


# -- rules (schema of calculators/data/baeredygtighedspuljen.toml) -----------------------------------
@dataclasses.dataclass(frozen=True, kw_only=True)
class Aarsramme(Dateret):
    """The frame for each calendar year from ``gyldig_fra`` to ``gyldig_til``."""
    beloeb_kr: Annotated[Decimal, Kroner(0, 500_000_000, "årsrammerne er 7,5–17,5 mio. kr. pr. delpulje")]


@dataclasses.dataclass(frozen=True, kw_only=True)
class Delpulje(Dateret):
    betegnelse: str
    samlet_kr: Annotated[Decimal, Kroner(1_000_000, 1_000_000_000, "delpuljerne er på 100 og 50 mio. kr.")]
    udbetaling: str
    merforbrug_pct: Annotated[Decimal, Procent(0, 100, "LBF's merforbrug er »op til 20 pct.«")]
    """LBF's room to advance frame money for the pool as a whole (pkt. 5); not a ceiling per application."""
    aarsrammer: Versioner[Aarsramme]

    def aarsramme(self, aar: int) -> Aarsramme | None:
        """The frame version in force for calendar year ``aar``; None in a gap or outside the pool's years."""
        return next((v for v in self.aarsrammer if v.gaelder(dt.date(aar, 1, 1))), None)

    def aarsrammer_kr(self) -> dict[int, Decimal]:
        """Year → frame, for every year a version covers."""
        return {a: v.beloeb_kr for v in self.aarsrammer
                for a in range(v.gyldig_fra.year, (v.gyldig_til or v.gyldig_fra).year + 1)}


@dataclasses.dataclass(frozen=True)
class Tjekregel:
    kilde: str
    afsnit: str
    regel: str = ""
    regel_pr_delpulje: dict[str, str] = dataclasses.field(default_factory=dict)

    def tekst(self, delpulje: str) -> str:
        return self.regel_pr_delpulje.get(delpulje, self.regel)


@dataclasses.dataclass(frozen=True, kw_only=True)
class Regler(Dateret):
    """The pool, in force from ``gyldig_fra`` to ``gyldig_til`` (»for perioden 2021-2026«, pkt. 1)."""
    betegnelse: str
    samlet_kr: Annotated[Decimal, Kroner(1_000_000, 1_000_000_000, "puljen er på 150 mio. kr.")]
    samlet_kilde: str
    gyldig_fra: Annotated[dt.date, Dato(dt.date(2020, 1, 1), dt.date(2040, 12, 31), "puljen udmøntes 2021–2026")]
    gyldig_til: Annotated[dt.date, Dato(dt.date(2020, 1, 1), dt.date(2040, 12, 31), "puljen udmøntes 2021–2026")]
    delpuljer: dict[str, Delpulje]
    tjek: dict[str, Tjekregel]

    @property
    def foerste_udmoentningsaar(self) -> int:
        return self.gyldig_fra.year

    @property
    def sidste_udmoentningsaar(self) -> int:
        return self.gyldig_til.year

    def aarsramme(self, delpulje: str, aar: int) -> Decimal | None:
        v = self.delpuljer[delpulje].aarsramme(aar)
        return v.beloeb_kr if v is not None else None


@functools.cache
def regler() -> Regler:
    """The rules, checked for what the schema cannot say: a frame for every year, a rule per check."""
    r = indlaes("baeredygtighedspuljen", Regler)
    fil = "baeredygtighedspuljen.toml"
    aar = set(range(r.foerste_udmoentningsaar, r.sidste_udmoentningsaar + 1))
    for navn, d in r.delpuljer.items():
        sted = f"{fil}, linje {linje(fil, f'delpuljer.{navn}.aarsrammer[0].gyldig_fra')}: delpuljer.{navn}.aarsrammer"
        if any(v.gyldig_fra.timetuple().tm_yday != 1 or v.gyldig_til is None
               or (v.gyldig_til.month, v.gyldig_til.day) != (12, 31) for v in d.aarsrammer):
            raise Datafejl(f"{sted}: en årsramme gælder hele kalenderår: gyldig_fra skal være 1. januar og "
                           "gyldig_til 31. december.")
        if set(d.aarsrammer_kr()) != aar:
            raise Datafejl(f"{sted}: forventede en årsramme for præcis årene {r.foerste_udmoentningsaar}–"
                           f"{r.sidste_udmoentningsaar} (puljens gyldig_fra og gyldig_til), fik "
                           f"{', '.join(map(str, sorted(d.aarsrammer_kr()))) or 'ingen'}.")
        if (d.gyldig_fra, d.gyldig_til) != (r.gyldig_fra, r.gyldig_til):
            raise Datafejl(f"{fil}, linje {linje(fil, f'delpuljer.{navn}.gyldig_fra')}: delpuljer.{navn}: "
                           f"delpuljen skal gælde samme periode som puljen ({r.gyldig_fra}–{r.gyldig_til}). Ret "
                           "gyldig_fra og gyldig_til.")
        if (sum_ := sum(d.aarsrammer_kr().values(), Decimal(0))) != d.samlet_kr:
            raise Datafejl(f"{sted}: årsrammerne giver tilsammen {kr(sum_)}, men delpuljens samlet_kr er "
                           f"{kr(d.samlet_kr)}. Ret årsrammerne eller samlet_kr, så de stemmer.")
    for tid in TJEK_IDS:
        t = r.tjek.get(tid)
        if t is None:
            raise Datafejl(f"{fil}: tjek.{tid}: mangler")
        for navn in r.delpuljer:
            if not t.tekst(navn):
                raise Datafejl(f"{fil}: tjek.{tid}: mangler regel (eller regel_pr_delpulje.{navn})")
    return r


# -- input and result ---------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class Post:
    """One line of the budget: what it is, what it costs and who pays."""

    tekst: str
    beloeb_kr: Decimal
    finansiering: str


@dataclasses.dataclass(frozen=True)
class Input:
    delpulje: str
    ansoeger: str
    aar: int
    ansoegt_beloeb_kr: Decimal
    poster: tuple[Post, ...]
    stoettet_af_lbf: bool
    vandtaette_skotter: bool
    anden_statslig_pulje: bool
    klimagevinst_ton_co2e: Decimal | None
    indhold: dict[str, bool]


@dataclasses.dataclass(frozen=True)
class Tjek:
    id: str
    status: str
    """"ok", "advarsel" or "fejl"."""
    besked: str
    kilde: str
    afsnit: str
    """Anchor of the section on the Bæredygtighedspuljen page the rule is explained in."""
    hvad_goer_i: str
    """What to do about it (empty when the check is ok)."""
    regel: str
    """The rule, quoted from the administrationsgrundlag."""


@dataclasses.dataclass(frozen=True)
class Resultat:
    delpulje: str
    aar: int
    ansoegt_beloeb_kr: Decimal
    samlet_budget_kr: Decimal
    puljefinansiering_kr: Decimal
    egenfinansiering_kr: Decimal
    anden_finansiering_kr: Decimal
    egenfinansieringsandel_pct: Decimal | None
    aarsramme_kr: Decimal | None
    andel_af_aarsramme_pct: Decimal | None
    kr_pr_ton_co2e: Decimal | None
    kan_indsendes: bool
    konklusion: str
    tjek: tuple[Tjek, ...]
    regelgrundlag: Regelgrundlag

    # Properties, not fields: the JSON (``til_json``) holds only the fields.
    @property
    def antal(self) -> dict[str, int]:
        """How many checks have each status: ``{"fejl": …, "advarsel": …, "ok": …}``."""
        return {s: sum(t.status == s for t in self.tjek) for s in ("fejl", "advarsel", "ok")}

    @property
    def dom(self) -> str:
        """The verdict alone, as a heading says it: the first sentence of :attr:`konklusion`."""
        return _dom(self.antal["fejl"])


EKSEMPEL = {
    "delpulje": "investeringsramme",
    "ansoeger": "boligorganisation",
    "aar": 2024,
    "ansoegt_beloeb_kr": 3450000,
    "poster": [
        {"tekst": "Luft-vand-varmepumper til tre blokke", "beloeb_kr": 3200000, "finansiering": "pulje"},
        {"tekst": "Måling og evaluering af driften i to år", "beloeb_kr": 250000, "finansiering": "pulje"},
        {"tekst": "Projektledelse i boligorganisationen", "beloeb_kr": 400000, "finansiering": "egen"},
        {"tekst": "Bidrag fra leverandør til målerudstyr", "beloeb_kr": 150000, "finansiering": "anden"},
    ],
    "stoettet_af_lbf": True,
    "vandtaette_skotter": True,
    "anden_statslig_pulje": False,
    "klimagevinst_ton_co2e": 420,
    "indhold": {k: True for k in INDHOLD},
}


def parse(laeser: Laeser) -> Input:
    r = regler()
    delpulje = laeser.valg("delpulje", "hvilken delpulje I søger",
                           {k: d.betegnelse for k, d in r.delpuljer.items()})
    ansoeger = laeser.valg("ansoeger", "hvem der søger", ANSOEGERE)
    aar = laeser.heltal("aar", "ansøgningsåret", eksempel="2024", min=2000, max=2100)
    ansoegt = laeser.beloeb("ansoegt_beloeb_kr", "det ansøgte beløb", eksempel="3.450.000")
    poster = laeser.liste("poster", "budgetpost", _laes_post,
                          max_besked=f"Højst {MAKS_POSTER} budgetposter. Der er {{antal}}.",
                          max_antal=MAKS_POSTER)
    stoettet = laeser.sandhed("stoettet_af_lbf", "om projektet i forvejen er støttet af LBF")
    # Asked only when the project is supported by LBF already; otherwise it does not matter.
    skotter = laeser.sandhed("vandtaette_skotter", "om der er vandtætte skotter til det LBF støtter",
                             paakraevet=bool(stoettet), default=False)
    # Pkt. 3 excludes projects "allerede [...] støttet af" these pools, not any state support.
    statslig = laeser.sandhed("anden_statslig_pulje", "om projektet allerede er støttet af " + STATSLIGE_PULJER)
    # The label has no capital letters: the reader capitalises it with str.capitalize().
    foer = len(laeser.fejl)
    ton = laeser.tal("klimagevinst_ton_co2e", "klimagevinsten", eksempel="420", min=0,
                     paakraevet=False, default=None, enhed="ton CO₂e")
    # The reader's message for a too large number is worded for any noun; "klimagevinsten" is
    # common gender, so say it with the adjective agreeing.
    for i in range(foer, len(laeser.fejl)):
        if "for stort" in laeser.fejl[i].besked:
            laeser.fejl[i] = dataclasses.replace(laeser.fejl[i], besked="Klimagevinsten er for stor. Tjek tallet.")
    if ton is not None and ton != ton.quantize(Decimal("0.001")):
        laeser.tilfoej(laeser.felt("klimagevinst_ton_co2e"),
                       "Angiv klimagevinsten i ton CO₂e med højst tre decimaler (hele kilo).")
        ton = None
    indhold = laeser.objekt("indhold", "hvad ansøgningen indeholder", _laes_indhold)
    laeser.afslut()
    return Input(delpulje, ansoeger, aar, ansoegt, tuple(poster), stoettet, skotter,  # type: ignore[arg-type]  # None only with an error, and afslut() raised
                 statslig, ton, indhold)  # type: ignore[arg-type]  # None only with an error, and afslut() raised


def _laes_post(l: Laeser) -> Post:
    # Messages name the line by its number as the page shows it ("budgetpost 2"), so that
    # an error summary listing several lines says which one is meant.
    m = re.search(r"\[(\d+)\]\.tekst$", l.felt("tekst"))
    post = f"budgetpost {int(m.group(1)) + 1}" if m else "budgetposten"
    # A missing text is reported by the reader (default None); a blank one in JSON here.
    tekst = l.tekst("tekst", f"hvad {post} dækker", max_laengde=300, default=None)
    if tekst == "":
        l.tilfoej(l.felt("tekst"), f"Udfyld hvad {post} dækker.")
    beloeb = l.beloeb("beloeb_kr", f"beløbet for {post}")
    finansiering = l.valg("finansiering", f"hvem der betaler {post}", FINANSIERING)
    return Post(tekst or "", beloeb, finansiering)  # type: ignore[arg-type]  # None only with an error, and afslut() raised


def _laes_indhold(l: Laeser) -> dict[str, bool]:
    return {k: l.sandhed(k, f"om ansøgningen indeholder {tekst}")  # type: ignore[misc]  # None only with an error, and afslut() raises
            for k, (tekst, _) in INDHOLD.items()}


# -- the checks ---------------------------------------------------------------------------
def beregn(inp: Input, r: Regler | None = None) -> Resultat:
    """Compute the key figures and run every check in :data:`TJEK_IDS`."""
    r = r or regler()
    summer = {k: sum((p.beloeb_kr for p in inp.poster if p.finansiering == k), Decimal(0))
              for k in FINANSIERING}
    samlet = summer["pulje"] + summer["egen"] + summer["anden"]
    egen_andel = _andel(summer["egen"], samlet)
    ramme = r.aarsramme(inp.delpulje, inp.aar)
    ramme_andel = _andel(inp.ansoegt_beloeb_kr, ramme) if ramme is not None else None
    ton = inp.klimagevinst_ton_co2e
    kr_pr_ton = (samlet / ton).quantize(_OERE, ROUND_HALF_UP) if ton else None

    def tjek(tid: str, status: str, besked: str, hvad: str = "") -> Tjek:
        regel = r.tjek[tid]
        return Tjek(tid, status, besked, regel.kilde, regel.afsnit, hvad if status != "ok" else "",
                    regel.tekst(inp.delpulje))

    liste = [
        tjek("ansoegerkreds", *_ansoegerkreds(inp)),
        tjek("periode", *_periode(inp, r)),
        tjek("beloeb_stemmer", *_beloeb_stemmer(inp.ansoegt_beloeb_kr, summer["pulje"])),
        tjek("aarsramme", *_aarsramme(inp, r, ramme, ramme_andel)),
        tjek("statslig_dobbeltstoette", *_statslig(inp)),
        tjek("lbf_kombination", *_lbf_kombination(inp)),
        *(tjek(f"indhold_{k}", *_indhold(k, inp.indhold[k])) for k in INDHOLD),
        tjek("egenfinansiering", *_egenfinansiering(summer["egen"], samlet, egen_andel)),
        tjek("klimagevinst", *_klimagevinst(ton, kr_pr_ton)),
    ]
    antal_fejl = sum(t.status == "fejl" for t in liste)
    antal_adv = sum(t.status == "advarsel" for t in liste)
    konklusion = _dom(antal_fejl)
    if not antal_fejl and antal_adv:
        konklusion += (" Læs advarslen først." if antal_adv == 1 else f" Læs de {antal_adv} advarsler først.")
    return Resultat(inp.delpulje, inp.aar, inp.ansoegt_beloeb_kr, samlet,
                    summer["pulje"], summer["egen"], summer["anden"],
                    egen_andel, ramme, ramme_andel, kr_pr_ton, antal_fejl == 0, konklusion, tuple(liste),
                    _regelgrundlag(inp, r))


def _regelgrundlag(inp: Input, r: Regler) -> Regelgrundlag:
    """The pool's period, the sub-pool and the frame of the application year, each as a dated rule value."""
    d = r.delpuljer[inp.delpulje]
    brugt = [brug("Puljens periode", f"{r.foerste_udmoentningsaar}–{r.sidste_udmoentningsaar}", r),
             brug(f"{d.betegnelse}, i alt", kr(d.samlet_kr), d)]
    if (v := d.aarsramme(inp.aar)) is not None:
        brugt.append(brug(f"Årsramme for {d.betegnelse.lower()} i {inp.aar}", kr(v.beloeb_kr), v))
    if d.merforbrug_pct > 0:
        brugt.append(brug("LBF's begrænsede merforbrug (for puljen som helhed)", f"op til {pct(d.merforbrug_pct)}",
                          d))
    return regelgrundlag(*brugt)


def _dom(antal_fejl: int) -> str:
    """The verdict: can the application be sent?"""
    return f"Ret {antal_fejl} fejl før I sender ansøgningen." if antal_fejl else "Ansøgningen kan sendes."


def _andel(del_: Decimal, hele: Decimal) -> Decimal | None:
    """del_ / hele in per cent, rounded half up once to one decimal (as shown); None when hele is 0.

    >>> _andel(Decimal("122496"), Decimal("1000000"))     # 12,2496 %: one rounding, not 12,25 → 12,3
    Decimal('12.2')
    """
    return (del_ * _HUNDREDE / hele).quantize(Decimal("0.1"), ROUND_HALF_UP) if hele else None


def _ansoegerkreds(inp: Input) -> tuple[str, str, str]:
    if inp.ansoeger == "boligorganisation":
        return ("ok", "Ansøgningen kommer fra en almen boligorganisation. Det er kun almene boligorganisationer, "
                      "der kan søge puljen.", "")
    if inp.ansoeger == "boligafdeling":
        return ("fejl",
                "En boligafdeling kan ikke selv søge puljen. Ansøgningen skal komme fra boligorganisationen, "
                "og afdelingen deltager i samarbejde med den.",
                "Lad boligorganisationen stå som ansøger, og beskriv afdelingens rolle i projektet.")
    if inp.ansoeger == "raadgivning_forskning":
        # Pkt. 6: only almene boligorganisationer apply; pkt. 5: LBF's forsøgsmidler to such an
        # institution "udmøntes ikke som led i ansøgningsrunderne". So a fejl for both delpuljer.
        return ("fejl",
                "Det er kun almene boligorganisationer, der kan søge puljen, så en rådgivnings- eller "
                "forskningsinstitution kan ikke stå som ansøger. LBF kan give forsøgsmidler direkte til "
                "rådgivnings- og forskningsinstitutioner til særlige forsøgs- og udviklingsprojekter, men de "
                "midler uddeles ikke i ansøgningsrunderne.",
                "Lad en almen boligorganisation stå som ansøger, og samarbejd med den om ansøgningen og "
                "projektet. Gælder det et særligt forsøgs- eller udviklingsprojekt, som jeres institution selv "
                "skal have midler til, så kontakt LBF om forsøgsmidler uden for ansøgningsrunderne.")
    return ("fejl", "Det er kun almene boligorganisationer, der kan søge puljen.",
            "Lad en almen boligorganisation stå som ansøger. Boligorganisationen kan samarbejde med andre "
            "organisationer og virksomheder om ansøgningen og om at gennemføre projektet.")


def _periode(inp: Input, r: Regler) -> tuple[str, str, str]:
    foerste, sidste = r.foerste_udmoentningsaar, r.sidste_udmoentningsaar
    if foerste <= inp.aar <= sidste:
        return "ok", f"{inp.aar} ligger i puljens periode, {foerste}\u2013{sidste}.", ""
    if inp.aar < foerste:
        besked = f"Puljen dækker årene {foerste}\u2013{sidste}, og {inp.aar} ligger før perioden."
    else:
        besked = (f"Puljen dækker årene {foerste}\u2013{sidste}, og alle midler skal være udmøntet med udgangen "
                  f"af {sidste}. Der kan ikke søges midler for {inp.aar}.")
    return "fejl", besked, f"Ret ansøgningsåret til et år fra {foerste} til og med {sidste}."


def _beloeb_stemmer(ansoegt: Decimal, pulje: Decimal) -> tuple[str, str, str]:
    if ansoegt == pulje:
        return ("ok", f"Det ansøgte beløb, {kr(ansoegt)}, er lig med summen af de budgetposter, som puljen "
                      f"skal betale ({kr(pulje)}).", "")
    if pulje == 0:
        grund = "men ingen budgetposter skal betales af puljen (0\u00a0kr.)."
    else:
        grund = punktum(f"men de budgetposter, som puljen skal betale, giver tilsammen {kr(pulje)}")
    return ("fejl",
            f"I søger {kr(ansoegt)}, {grund} " + punktum(f"Forskellen er {kr(abs(ansoegt - pulje))}"),
            "Ret det ansøgte beløb eller budgetposterne, så det ansøgte beløb er præcis summen af de "
            "poster, som puljen skal betale.")


def _aarsramme(inp: Input, r: Regler, ramme: Decimal | None,
               andel: Decimal | None) -> tuple[str, str, str]:
    d = r.delpuljer[inp.delpulje]
    navn = d.betegnelse.lower()
    a = inp.ansoegt_beloeb_kr
    if ramme is None or andel is None:
        return ("fejl",
                f"Der er ingen årsramme for {navn} i {inp.aar}. Puljen har årsrammer for "
                f"{r.foerste_udmoentningsaar}\u2013{r.sidste_udmoentningsaar}.",
                "Ret ansøgningsåret (se tjekket af perioden).")
    ramme_tekst = f"årsrammen for {navn} i {inp.aar} på {kr(ramme)}"
    if a <= ramme:
        return "ok", punktum(f"I søger {kr(a)}, som er {pct_andel(andel)} af {ramme_tekst}"), ""
    # Above the frame: a warning, whatever the amount. Pkt. 5's carry-over and "begrænset merforbrug
    # (op til 20 pct.)" are LBF's room for the pool as a whole, not a ceiling for one application.
    # The share is not shown: rounded, it could read "100 %" for an amount just above the frame.
    besked = punktum(f"I søger {kr(a)}") + " " + punktum(f"Det er {kr(a - ramme)} mere end hele {ramme_tekst}")
    if inp.aar > r.foerste_udmoentningsaar:
        besked += (f" Uforbrugte midler kan overføres til året efter, så der kan være flere midler i {inp.aar} "
                   "end årsrammen.")
    if d.merforbrug_pct > 0:
        besked += (f" LBF har også adgang til et begrænset merforbrug på op til {pct(d.merforbrug_pct)} af "
                   "årsrammen ved at fremrykke rammemidler, hvis der er behov for det.")
    besked += " Det er LBF's råderum for puljen som helhed, ikke et loft for den enkelte ansøgning."
    return ("advarsel", besked,
            f"Spørg LBF, om der er midler nok i {inp.aar}, eller søg et mindre beløb, fx ved at øge "
            "egenfinansieringen eller afgrænse projektet.")


def _statslig(inp: Input) -> tuple[str, str, str]:
    if inp.anden_statslig_pulje:
        return ("fejl",
                f"I har oplyst, at projektet allerede er støttet af {STATSLIGE_PULJER}. Der kan ikke ydes "
                "støtte fra Bæredygtighedspuljen til et projekt, der allerede er støttet af sådan en pulje.",
                "Søg kun til et projekt, som ikke allerede er støttet af sådan en pulje. Er I i tvivl om, "
                "hvorvidt en pulje er en tilsvarende statslig pulje, så spørg LBF.")
    return "ok", f"I har oplyst, at projektet ikke allerede er støttet af {STATSLIGE_PULJER}.", ""


def _lbf_kombination(inp: Input) -> tuple[str, str, str]:
    if not inp.stoettet_af_lbf:
        return "ok", "I har oplyst, at projektet ikke i forvejen er støttet af LBF.", ""
    if not inp.vandtaette_skotter:
        return ("fejl",
                "Projektet er i forvejen støttet af LBF, og der er ikke vandtætte skotter mellem det og det, "
                "som LBF's øvrige støtteordninger støtter. Puljen giver kun midler til projekter, som ikke i "
                "forvejen er støttet af LBF.",
                "Adskil det projekt, I søger til, fra det, som LBF's øvrige støtteordninger støtter i samme sag, "
                "så der er vandtætte skotter mellem dem, og beskriv adskillelsen i ansøgningen.")
    return ("advarsel",
            "Projektet indgår i en sag, der også er støttet af LBF. Puljens midler kan kun kombineres med "
            "LBF's øvrige støtteordninger, hvis der er vandtætte skotter mellem projekterne, og det har I "
            "oplyst, at der er.",
            "Beskriv i ansøgningen og i budgettet, hvordan projektet er adskilt fra det, som LBF's øvrige "
            "støtteordninger støtter, så LBF kan se de vandtætte skotter.")


def _indhold(noegle: str, med: bool) -> tuple[str, str, str]:
    tekst, hvad = INDHOLD[noegle]
    if med:
        return "ok", f"Ansøgningen indeholder {tekst}.", ""
    return "fejl", f"Ansøgningen mangler {tekst}. Det skal den som minimum indeholde.", hvad


def _egenfinansiering(egen: Decimal, samlet: Decimal, andel: Decimal | None) -> tuple[str, str, str]:
    if egen == 0:
        return ("advarsel",
                "Budgettet har ingen egenfinansiering. Et af kriterierne, når ansøgningerne prioriteres, er, "
                "at ansøger bidrager med størst egenfinansiering.",
                "Overvej, om I selv kan finansiere en del af projektet, og vis det som budgetposter med "
                "egenfinansiering.")
    assert andel is not None  # egen > 0, so samlet > 0
    return "ok", f"I finansierer selv {kr(egen)}, som er {pct_andel(andel)} af det samlede budget på {kr(samlet)}", ""


def _klimagevinst(ton: Decimal | None, kr_pr_ton: Decimal | None) -> tuple[str, str, str]:
    # The criterion (pkt. 5) is the relative "miljø- eller klimagevinst", one of several, unranked.
    # A missing CO₂e figure is not a missing gain: the gain may be environmental and not in CO₂e.
    hvad = ("Beskriv og sandsynliggør i ansøgningen projektets miljø- eller klimagevinst, og sæt projektets "
            "samlede klimagevinst i forhold til projektets størrelse og omkostninger, fx med udgangspunkt i "
            "den frivillige bæredygtighedsklasse.")
    kriterium = ("Ansøgningen skal stadig beskrive projektets miljø- eller klimagevinst: den relative miljø- "
                 "eller klimagevinst er et af de kriterier, ansøgningerne prioriteres efter.")
    if ton is None:
        return ("advarsel",
                "I har ikke angivet en klimagevinst i ton CO₂e, så tjekket kan ikke beregne kr. pr. ton CO₂e. "
                "Det er ikke et krav at angive tallet her. " + kriterium, hvad)
    if kr_pr_ton is None:
        return ("advarsel",
                "I har angivet en klimagevinst på 0 ton CO₂e, så tjekket kan ikke beregne kr. pr. ton CO₂e. "
                + kriterium, hvad)
    return ("ok", f"I har angivet en klimagevinst på {tal(ton)} ton CO₂e. Det svarer til {kr(kr_pr_ton)} "
                  "af det samlede budget pr. ton CO₂e.", "")

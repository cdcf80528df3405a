"""Deadlines and milestones (``calculators/data/frister.yml``) and Bæredygtighedspuljen's round rules.

Standard-library only: the build reads the YAML file and fills in its placeholders, then passes
the parsed entries to :func:`begivenheder`, which checks every entry (required keys, known types
and topics, dates, unique ids) and every application round against the rules in
``ansoegningsrunder.toml`` (:func:`tjek_runder`). A problem raises :class:`FristFejl` with a
Danish message that names the entry.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re
from typing import Any

from . import _data
from ._format import dato as fmt_dato

__all__ = ["EMNER", "FIL", "TYPER", "Begivenhed", "FristFejl", "Runderegler", "begivenhed", "begivenheder",
           "er_passeret", "naeste_dato", "naeste_gentagelse", "plus_maaneder", "runderegler",
           "tidsangivelse", "tjek_runder"]

FIL = "calculators/data/frister.yml"
REGELFIL = "ansoegningsrunder"

TYPER = {
    "ikrafttraeden": "Ikrafttræden",
    "skaeringsdato": "Skæringsdato",
    "ansoegning": "Ansøgning",
    "milepael": "Milepæl",
    "frist": "Frist",
    "ansoegningsrunde": "Ansøgningsrunde",
}
EMNER = {
    "baeredygtighedspuljen": "Bæredygtighedspuljen",
    "digitalisering": "Digitalisering",
    "groen-garanti": "Grøn garanti",
    "merinvestering": "Merinvestering",
    "noegletal": "Nøgletal",
}
FAELLES = {"id", "titel", "type", "emne", "kilde", "beskrivelse", "side"}
ALMINDELIG = FAELLES | {"dato", "til", "dato_tekst", "gentagelse"}
RUNDE = FAELLES | {"annonceret", "frist", "afgoerelse"}
ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class FristFejl(ValueError):
    """frister.yml is malformed or an application round breaks the pool's rules."""


@dataclasses.dataclass(frozen=True)
class Begivenhed:
    id: str
    titel: str
    type: str
    emne: str
    kilde: str
    dato: dt.date
    """The (first) day: the deadline for an application round."""
    til: dt.date | None = None
    dato_tekst: str | None = None
    gentagelse: str | None = None
    beskrivelse: str | None = None
    side: str | None = None
    annonceret: dt.date | None = None
    frist: dt.date | None = None
    afgoerelse: dt.date | None = None

    @property
    def er_runde(self) -> bool:
        return self.type == "ansoegningsrunde"

    @property
    def slut(self) -> dt.date:
        """The last day the event concerns."""
        return self.afgoerelse or self.til or self.dato


@dataclasses.dataclass(frozen=True)
class Runderegler:
    """The round rules (schema of ``calculators/data/ansoegningsrunder.toml``)."""

    kilde: str
    runder_pr_aar: int
    annoncering_min_maaneder_foer_frist: int
    fordeling_max_maaneder_efter_frist: int


# -- dates --------------------------------------------------------------------------------
def plus_maaneder(d: dt.date, n: int) -> dt.date:
    """``d`` moved ``n`` calendar months (negative: back), clamped to the month's last day.

    >>> plus_maaneder(dt.date(2024, 5, 31), -3)
    datetime.date(2024, 2, 29)
    >>> plus_maaneder(dt.date(2024, 11, 15), 2)
    datetime.date(2025, 1, 15)
    """
    m = d.month - 1 + n
    aar, m = d.year + m // 12, m % 12 + 1
    return dt.date(aar, m, min(d.day, calendar.monthrange(aar, m)[1]))


def naeste_gentagelse(b: Begivenhed, dag: dt.date) -> dt.date:
    """The first yearly occurrence of ``b`` on or after ``dag`` (never before ``b.dato``)."""
    aar = max(dag.year, b.dato.year)
    while True:
        d = dt.date(aar, b.dato.month, min(b.dato.day, calendar.monthrange(aar, b.dato.month)[1]))
        if d >= dag and d >= b.dato:
            return d
        aar += 1


def er_passeret(b: Begivenhed, dag: dt.date) -> bool:
    return b.gentagelse is None and b.slut < dag


def naeste_dato(b: Begivenhed, dag: dt.date) -> dt.date:
    """The date an upcoming event is sorted by: its next date that has not passed."""
    if b.gentagelse:
        return naeste_gentagelse(b, dag)
    datoer = [d for d in (b.annonceret, b.frist, b.afgoerelse, b.dato) if d]
    kommende = [d for d in datoer if d >= dag]
    return min(kommende) if kommende else dag  # a period under way sorts as today


def tidsangivelse(b: Begivenhed, dag: dt.date) -> str:
    """How the page states an event's time: the source's wording, a date or a period.

    >>> tidsangivelse(Begivenhed("x", "T", "frist", "noegletal", "K", dt.date(2026, 12, 31),
    ...                          dato_tekst="udgangen af 2026"), dt.date(2026, 1, 1))
    'Udgangen af 2026'
    """
    if b.er_runde and b.frist is not None:
        return f"Ansøgningsfrist {fmt_dato(b.frist)}"
    if b.gentagelse:
        d = b.dato
        return f"Hvert år {d.day}. {fmt_dato(d).split(' ')[1]} – næste gang {fmt_dato(naeste_gentagelse(b, dag))}"
    if b.dato_tekst:
        return b.dato_tekst[:1].upper() + b.dato_tekst[1:]
    if b.til:
        return f"{fmt_dato(b.dato)} – {fmt_dato(b.til)}"
    return fmt_dato(b.dato)


# -- checking -------------------------------------------------------------------------------
def _dato(v: Any, hvor: str) -> dt.date:
    if isinstance(v, dt.date) and not isinstance(v, dt.datetime):
        return v
    raise FristFejl(f"{hvor}: forventede en dato skrevet åååå-mm-dd uden anførselstegn "
                    f"(eller en henvisning som \"{{{{ noegletal.skaeringsdato.dato }}}}\"), fik {v!r}")


def begivenhed(raa: Any, nr: int) -> Begivenhed:
    """One entry of frister.yml (placeholders already filled in) as a :class:`Begivenhed`.

    >>> begivenhed({"id": "x", "titel": "T", "type": "frist", "emne": "noegletal", "kilde": "K",
    ...             "dato": dt.date(2020, 1, 1)}, 1).slut
    datetime.date(2020, 1, 1)
    """
    if not isinstance(raa, dict):
        raise FristFejl(f"{FIL}: begivenhed nr. {nr} er ikke en tabel med nøgler (id, titel, ...)")
    navn = raa.get("id")
    hvor = f"{FIL}: begivenhed »{navn}«" if isinstance(navn, str) else f"{FIL}: begivenhed nr. {nr}"
    for n in ("id", "titel", "type", "emne", "kilde"):
        if not isinstance(raa.get(n), str) or not raa[n].strip():
            raise FristFejl(f"{hvor}: »{n}« mangler eller er tom")
    if not isinstance(navn, str) or not ID.match(navn):
        raise FristFejl(f"{hvor}: »id« må kun have små bogstaver a–z, tal og bindestreger")
    if raa["type"] not in TYPER:
        raise FristFejl(f"{hvor}: ukendt type »{raa['type']}« (kendte: {', '.join(TYPER)})")
    if raa["emne"] not in EMNER:
        raise FristFejl(f"{hvor}: ukendt emne »{raa['emne']}« (kendte: {', '.join(EMNER)})")
    tilladte = RUNDE if raa["type"] == "ansoegningsrunde" else ALMINDELIG
    if ukendte := sorted(set(raa) - tilladte):
        raise FristFejl(f"{hvor}: ukendt nøgle »{ukendte[0]}« (tilladte for typen "
                        f"{raa['type']}: {', '.join(sorted(tilladte))})")
    for n in ("beskrivelse", "side", "dato_tekst"):
        if n in raa and not isinstance(raa[n], str):
            raise FristFejl(f"{hvor}: »{n}« skal være en tekst")
    felter: dict[str, Any] = dict(
        id=navn, titel=raa["titel"].strip(), type=raa["type"], emne=raa["emne"], kilde=raa["kilde"].strip(),
        beskrivelse=raa["beskrivelse"].strip() if raa.get("beskrivelse") else None, side=raa.get("side"))
    if raa["type"] == "ansoegningsrunde":
        for n in ("annonceret", "frist", "afgoerelse"):
            if n not in raa:
                raise FristFejl(f"{hvor}: en ansøgningsrunde skal have »{n}« (åååå-mm-dd)")
            felter[n] = _dato(raa[n], f"{hvor}: »{n}«")
        return Begivenhed(dato=felter["frist"], **felter)
    if "dato" not in raa:
        raise FristFejl(f"{hvor}: »dato« mangler")
    felter["dato"] = _dato(raa["dato"], f"{hvor}: »dato«")
    if "til" in raa:
        felter["til"] = _dato(raa["til"], f"{hvor}: »til«")
        if felter["til"] < felter["dato"]:
            raise FristFejl(f"{hvor}: »til« ({felter['til']}) ligger før »dato« ({felter['dato']})")
    if raa.get("dato_tekst"):
        felter["dato_tekst"] = raa["dato_tekst"].strip()
    if "gentagelse" in raa:
        if raa["gentagelse"] != "aarlig":
            raise FristFejl(f"{hvor}: »gentagelse« kan kun være »aarlig«, fik {raa['gentagelse']!r}")
        if "til" in raa:
            raise FristFejl(f"{hvor}: en årlig begivenhed kan ikke have »til«")
        felter["gentagelse"] = "aarlig"
    return Begivenhed(**felter)


def runderegler() -> Runderegler:
    """The round rules from ``ansoegningsrunder.toml``."""
    try:
        return _data.indlaes(REGELFIL, Runderegler)
    except _data.Datafejl as e:
        raise FristFejl(str(e)) from None


def tjek_runder(begivenheder: tuple[Begivenhed, ...], r: Runderegler) -> list[str]:
    """Every way the application rounds entered break the pool's round rules (Danish)."""
    fejl = []
    for b in begivenheder:
        if not b.er_runde:
            continue
        assert b.frist and b.annonceret and b.afgoerelse
        seneste_annoncering = plus_maaneder(b.frist, -r.annoncering_min_maaneder_foer_frist)
        seneste_fordeling = plus_maaneder(b.frist, r.fordeling_max_maaneder_efter_frist)
        if b.annonceret > seneste_annoncering:
            fejl.append(
                f"Ansøgningsrunden »{b.id}« er annonceret for sent: en runde skal annonceres mindst "
                f"{r.annoncering_min_maaneder_foer_frist} måneder før ansøgningsfristen ({r.kilde}). "
                f"Med frist {fmt_dato(b.frist)} skulle den senest være annonceret "
                f"{fmt_dato(seneste_annoncering)}, men »annonceret« er {fmt_dato(b.annonceret)}.")
        if b.afgoerelse > seneste_fordeling:
            fejl.append(
                f"Ansøgningsrunden »{b.id}« fordeler midlerne for sent: midlerne skal fordeles "
                f"senest {r.fordeling_max_maaneder_efter_frist} måneder efter ansøgningsfristen "
                f"({r.kilde}). Med frist {fmt_dato(b.frist)} er den seneste dag "
                f"{fmt_dato(seneste_fordeling)}, men »afgoerelse« er {fmt_dato(b.afgoerelse)}.")
        if b.afgoerelse < b.frist:
            fejl.append(f"Ansøgningsrunden »{b.id}«: »afgoerelse« ({fmt_dato(b.afgoerelse)}) "
                        f"ligger før ansøgningsfristen ({fmt_dato(b.frist)}).")
    pr_aar: dict[int, list[str]] = {}
    for b in begivenheder:
        if b.er_runde and b.frist:
            pr_aar.setdefault(b.frist.year, []).append(b.id)
    for aar, ider in sorted(pr_aar.items()):
        if len(ider) > r.runder_pr_aar:
            fejl.append(f"Der er {len(ider)} ansøgningsrunder med frist i {aar} "
                        f"({', '.join(f'»{i}«' for i in ider)}), men der gennemføres "
                        f"{r.runder_pr_aar} om året ({r.kilde}).")
    return fejl


def begivenheder(raa: Any) -> tuple[Begivenhed, ...]:
    """The whole parsed file (``{"begivenheder": [...]}``) checked; :class:`FristFejl` says what is wrong."""
    if not isinstance(raa, dict) or not isinstance(raa.get("begivenheder"), list):
        raise FristFejl(f"{FIL}: filen skal have en liste »begivenheder:«")
    if ukendte := sorted(set(raa) - {"begivenheder"}):
        raise FristFejl(f"{FIL}: ukendt nøgle »{ukendte[0]}« øverst i filen (kun »begivenheder«)")
    alle = tuple(begivenhed(b, i) for i, b in enumerate(raa["begivenheder"], 1))
    sete = set()
    for b in alle:
        if b.id in sete:
            raise FristFejl(f"{FIL}: id »{b.id}« bruges mere end én gang; hvert id skal være unikt")
        sete.add(b.id)
    if fejl := tjek_runder(alle, runderegler()):
        raise FristFejl(f"{FIL}: ansøgningsrunderne overholder ikke reglerne:\n"
                        + "\n".join(f"  - {f}" for f in fejl))
    return alle

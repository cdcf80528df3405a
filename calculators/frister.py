"""Deadlines and milestones (``calculators/data/frister.toml``) and Bæredygtighedspuljen's round rules.

Standard-library only. The file is read by the one loader of the data folder (:mod:`._data`, ``tomllib``):
:func:`fil` gives the parsed file and its text. The build fills in the placeholders in its values
(``dato = "{{ noegletal.skaeringsdato.gyldig_fra }}"``), then passes the entries to :func:`begivenheder`, which
checks every entry against the schema :class:`Post` (units from :mod:`._enheder`; required keys, known keys,
types and topics, dates, unique ids) and every application round against the rules in
``ansoegningsrunder.toml`` (:func:`tjek_runder`). A problem raises :class:`FristFejl` with a Danish message
that names the file, the line, the entry and the key, and says how to fix it.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re
import typing
from typing import Annotated, Any

from . import _data
from ._enheder import Antal, Dato, Enhed, Tekst
from ._format import dato as fmt_dato
from ._versioner import Dateret

__all__ = ["EMNER", "FIL", "NAVN", "TABEL", "TYPER", "Begivenhed", "FristFejl", "Post", "Runderegler",
           "begivenhed", "begivenheder", "er_passeret", "fil", "linje", "naeste_dato", "naeste_gentagelse",
           "plus_maaneder", "runderegler", "tidsangivelse", "tjek_runder"]

NAVN = "frister"
"""The file's name in the data folder: ``frister.toml``."""
FIL = f"calculators/data/{NAVN}.toml"
TABEL = "begivenhed"
"""Each entry is a ``[[begivenhed]]`` table."""
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
    """frister.toml is malformed or an application round breaks the pool's rules."""


_DATO = Dato(dt.date(2000, 1, 1), dt.date(2100, 12, 31), "frister og milepæle for puljerne; tjek årstallet")


@dataclasses.dataclass(frozen=True)
class Post:
    """One ``[[begivenhed]]`` as an editor writes it (the schema of ``frister.toml``), placeholders filled in.

    Fields without a default are required. Which of the optional ones an entry may have depends on its
    ``type`` (:data:`ALMINDELIG`, :data:`RUNDE`); :func:`begivenhed` turns a checked post into a
    :class:`Begivenhed`.
    """

    id: Annotated[str, Tekst()]
    titel: Annotated[str, Tekst()]
    type: Annotated[str, Tekst()]
    emne: Annotated[str, Tekst()]
    kilde: Annotated[str, Tekst()]
    dato: Annotated[dt.date | None, _DATO] = None
    til: Annotated[dt.date | None, _DATO] = None
    dato_tekst: Annotated[str | None, Tekst()] = None
    gentagelse: Annotated[str | None, Tekst()] = None
    beskrivelse: Annotated[str | None, Tekst()] = None
    side: Annotated[str | None, Tekst()] = None
    annonceret: Annotated[dt.date | None, _DATO] = None
    frist: Annotated[dt.date | None, _DATO] = None
    afgoerelse: Annotated[dt.date | None, _DATO] = None


_ENHEDER: dict[str, Enhed] = {
    navn: next(e for e in typing.get_args(hint)[1:] if isinstance(e, Enhed))
    for navn, hint in typing.get_type_hints(Post, include_extras=True).items()}
_KRAEVET = tuple(f.name for f in dataclasses.fields(Post) if f.default is dataclasses.MISSING)


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


@dataclasses.dataclass(frozen=True, kw_only=True)
class Runderegler(Dateret):
    """The round rules (schema of ``calculators/data/ansoegningsrunder.toml``), in force for the pool's period."""

    runder_pr_aar: Annotated[int, Antal(1, 12, "administrationsgrundlaget siger én runde om året")]
    annoncering_min_maaneder_foer_frist: Annotated[int, Antal(0, 24, "runder annonceres mindst 3 måneder før")]
    fordeling_max_maaneder_efter_frist: Annotated[int, Antal(0, 24, "midlerne fordeles højst 2 måneder efter")]


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


# -- reading and checking ---------------------------------------------------------------------
def fil() -> tuple[dict[str, Any], str]:
    """``frister.toml`` parsed by the data folder's loader, and its text (for the lines in messages)."""
    try:
        raa = _data.raa(NAVN)
    except _data.Datafejl as e:
        raise FristFejl(f"calculators/data/{e}") from None
    return raa, (_data.datamappe() / f"{NAVN}.toml").read_text(encoding="utf-8")


def linje(tekst: str | None, nr: int, noegle: str | None = None) -> int | None:
    r"""The line of entry ``nr`` (1-based) in the file's ``tekst``: its ``[[begivenhed]]`` header, or the
    line where it writes ``noegle``. ``None`` without a text or when the entry writes it some other way.

    >>> linje('# x\n[[begivenhed]]\nid = "a"\n\n[[begivenhed]]\nid = "b"\ndato = 2020-01-01\n', 2, "dato")
    7
    """
    if tekst is None:
        return None
    antal = 0
    for n, linjetekst in enumerate(tekst.splitlines(), 1):
        ren = linjetekst.strip()
        if ren.startswith("["):
            antal += bool(re.fullmatch(rf"\[\[\s*{TABEL}\s*\]\](\s*#.*)?", ren))
            if antal == nr and noegle is None:
                return n
            if antal > nr:
                return None
        elif antal == nr and noegle is not None and re.match(rf"{re.escape(noegle)}\s*=", ren):
            return n
    return None


def _hvor(raa: Any, nr: int, tekst: str | None, noegle: str | None = None) -> str:
    """``calculators/data/frister.toml, linje 57: begivenhed »bek-314-ikrafttraeden«`` – the file, line, entry."""
    n = linje(tekst, nr, noegle) or (linje(tekst, nr) if noegle else None)
    navn = raa.get("id") if isinstance(raa, dict) else None
    post = f"begivenhed »{navn}«" if isinstance(navn, str) and navn.strip() else f"begivenhed nr. {nr}"
    return f"{FIL}{f', linje {n}' if n else ''}: {post}"


def _foldet(v: str) -> str:
    r"""A text as the page shows it: an editor's line breaks (a long text over several lines) are spaces.
    Only ASCII white space folds: a no-break space a format puts in (»404\u00a0mio. kr.«) stays.

    >>> _foldet("404\u00a0mio. kr.\n  i alt ")
    '404\xa0mio. kr. i alt'
    """
    return re.sub(r"[ \t\r\n]+", " ", v).strip(" ")


def begivenhed(raa: Any, nr: int, tekst: str | None = None) -> Begivenhed:
    """Entry ``nr`` of frister.toml (placeholders already filled in) as a :class:`Begivenhed`;
    ``tekst``, the file's text, puts the line in a message.

    >>> begivenhed({"id": "x", "titel": "T", "type": "frist", "emne": "noegletal", "kilde": "K",
    ...             "dato": dt.date(2020, 1, 1)}, 1).slut
    datetime.date(2020, 1, 1)
    """
    if not isinstance(raa, dict):
        raise FristFejl(f"{_hvor(raa, nr, tekst)} er ikke en tabel med nøgler (id, titel, …): "
                        f"skriv [[{TABEL}]] på en linje for sig og nøglerne på linjerne under")
    for n in _KRAEVET:
        if n not in raa or (isinstance(raa[n], str) and not raa[n].strip()):
            eksempel = {"id": '"groen-garanti-ny-frist"', "type": f'"{"|".join(TYPER)}"',
                        "emne": f'"{"|".join(EMNER)}"'}.get(n, '"…"')
            raise FristFejl(f"{_hvor(raa, nr, tekst)}: »{n}« mangler eller er tom. Tilføj {n} = {eksempel} "
                            f"under [[{TABEL}]]")
    felter: dict[str, Any] = {}
    for n, v in raa.items():
        if n not in _ENHEDER:
            continue  # an unknown key: named below, with the keys the entry's type allows
        try:
            felter[n] = _ENHEDER[n].laes(v)
        except ValueError as e:
            henvisning = (" (eller en henvisning til datamappen som \"{{ noegletal.skaeringsdato.gyldig_fra }}\")"
                          if isinstance(_ENHEDER[n], Dato) else "")
            raise FristFejl(f"{_hvor(raa, nr, tekst, n)}: »{n}« {e}{henvisning}") from None
    post = Post(**{n: v for n, v in felter.items()})
    hvor = _hvor(raa, nr, tekst)
    if not ID.match(post.id):
        raise FristFejl(f"{_hvor(raa, nr, tekst, 'id')}: »id« må kun have små bogstaver a–z, tal og bindestreger, "
                        f"fx \"groen-garanti-ny-frist\"")
    if post.type not in TYPER:
        raise FristFejl(f"{_hvor(raa, nr, tekst, 'type')}: ukendt type »{post.type}« (kendte: {', '.join(TYPER)})")
    if post.emne not in EMNER:
        raise FristFejl(f"{_hvor(raa, nr, tekst, 'emne')}: ukendt emne »{post.emne}« (kendte: {', '.join(EMNER)})")
    tilladte = RUNDE if post.type == "ansoegningsrunde" else ALMINDELIG
    if ukendte := sorted(set(raa) - tilladte):
        raise FristFejl(f"{_hvor(raa, nr, tekst, ukendte[0])}: ukendt nøgle »{ukendte[0]}«. Tjek stavningen; "
                        f"tilladte nøgler for typen {post.type}: {', '.join(sorted(tilladte))}")
    faelles: dict[str, Any] = dict(
        id=post.id, titel=_foldet(post.titel), type=post.type, emne=post.emne, kilde=_foldet(post.kilde),
        beskrivelse=_foldet(post.beskrivelse) if post.beskrivelse else None, side=post.side)
    if post.type == "ansoegningsrunde":
        for n in ("annonceret", "frist", "afgoerelse"):
            if getattr(post, n) is None:
                raise FristFejl(f"{hvor}: en ansøgningsrunde skal have »{n}«. Tilføj {n} = åååå-mm-dd")
        assert post.frist is not None
        return Begivenhed(dato=post.frist, annonceret=post.annonceret, frist=post.frist,
                          afgoerelse=post.afgoerelse, **faelles)
    if post.dato is None:
        raise FristFejl(f"{hvor}: »dato« mangler. Tilføj dato = åååå-mm-dd (uden anførselstegn)")
    if post.til is not None and post.til < post.dato:
        raise FristFejl(f"{_hvor(raa, nr, tekst, 'til')}: »til« ({post.til}) ligger før »dato« ({post.dato})")
    if post.gentagelse is not None:
        if post.gentagelse != "aarlig":
            raise FristFejl(f"{_hvor(raa, nr, tekst, 'gentagelse')}: »gentagelse« kan kun være \"aarlig\", "
                            f"fik {post.gentagelse!r}")
        if post.til is not None:
            raise FristFejl(f"{hvor}: en årlig begivenhed kan ikke have »til«")
    return Begivenhed(dato=post.dato, til=post.til, dato_tekst=_foldet(post.dato_tekst) if post.dato_tekst else None,
                      gentagelse=post.gentagelse, **faelles)


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


def begivenheder(raa: Any, tekst: str | None = None) -> tuple[Begivenhed, ...]:
    """The whole parsed file (``{"begivenhed": [...]}``, placeholders filled in) checked; :class:`FristFejl`
    says what is wrong, with the line when ``tekst`` (the file's text) is given."""
    if not isinstance(raa, dict) or not isinstance(raa.get(TABEL), list):
        raise FristFejl(f"{FIL}: filen skal have begivenheder, hver med linjen [[{TABEL}]] (to klammer på "
                        f"hver side) over nøglerne")
    if ukendte := sorted(set(raa) - {TABEL}):
        raise FristFejl(f"{FIL}: ukendt nøgle »{ukendte[0]}« øverst i filen. Alle nøgler skal stå under en "
                        f"linje [[{TABEL}]]")
    alle = tuple(begivenhed(b, i, tekst) for i, b in enumerate(raa[TABEL], 1))
    sete = set()
    for i, b in enumerate(alle, 1):
        if b.id in sete:
            n = linje(tekst, i, "id")
            raise FristFejl(f"{FIL}{f', linje {n}' if n else ''}: id »{b.id}« bruges mere end én gang; "
                            f"hvert id skal være unikt")
        sete.add(b.id)
    if fejl := tjek_runder(alle, runderegler()):
        raise FristFejl(f"{FIL}: ansøgningsrunderne overholder ikke reglerne:\n"
                        + "\n".join(f"  - {f}" for f in fejl))
    return alle

"""MkDocs hook: deadlines and milestones as data (``calculators/data/frister.yml``).

* ``on_pre_build`` reads the file, checks every entry (required keys, known types and topics,
  dates, unique ids) and checks Bæredygtighedspuljen's round rules on every application round
  entered, with the rule values from ``calculators/data/ansoegningsrunder.toml``: a round must be
  announced at least N months before its deadline, the money distributed at most M months
  after it, and there is at most one round a year. Any problem stops the build with one message
  that names the entry.
* ``on_files`` adds ``frister.ics``, an iCalendar file built with ``icalendar`` (all-day events,
  Europe/Copenhagen, UIDs derived from each entry's ``id`` so they never change).
* ``on_page_markdown`` replaces ``<!-- frister -->`` with the list of upcoming events (soonest
  first) and past ones (greyed, latest first), as of today at build time in Copenhagen, and
  ``<!-- frister: EMNE -->`` with the events of one topic.

A date may be taken from the data folder, so a date a calculator uses is written once::

    dato: "{{ noegletal.skaeringsdato.dato }}"

Titles and descriptions may hold the same placeholders as pages (``{{ fil.noegle | kr }}``).
Set ``LBF_IDAG=åååå-mm-dd`` to build as if it were another day (used by the tests).
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import os
import posixpath
import re
import sys
import uuid
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

ROD = Path(__file__).resolve().parents[2]
if str(ROD) not in sys.path:
    sys.path.insert(0, str(ROD))

from build_scripts.hooks.regler import PLADSHOLDER, formater, slaa_op  # noqa: E402
from calculators import _data  # noqa: E402
from calculators._format import dato as fmt_dato  # noqa: E402

FIL = "calculators/data/frister.yml"
REGELFIL = "ansoegningsrunder"
ICS_NAVN = "frister.ics"
TZ = "Europe/Copenhagen"
# Fixed namespace: a UID is uuid5(NAVNERUM, id), the same in every build.
NAVNERUM = uuid.UUID("6f0f7a4e-3c1b-5d0e-9a57-2f3c8f1e4b21")

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
MARKOER = re.compile(r"<!--\s*frister(?:\s*:\s*([a-z-]+))?\s*-->")


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


def idag() -> dt.date:
    """Today in Copenhagen, or ``LBF_IDAG`` when set."""
    if v := os.environ.get("LBF_IDAG"):
        return dt.date.fromisoformat(v)
    return dt.datetime.now(ZoneInfo(TZ)).date()


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


# -- loading and checking -------------------------------------------------------------------
def _udfyld(tekst: str, hvor: str) -> str:
    def erstat(m: re.Match) -> str:
        try:
            return formater(slaa_op(m.group(1)), m.group(2))
        except KeyError as e:
            raise FristFejl(f"{hvor}: pladsholderen {m.group(0)} kan ikke udfyldes: {e.args[0]}") from None
    return PLADSHOLDER.sub(erstat, tekst)


def _dato(v, hvor: str) -> dt.date:
    if isinstance(v, str):
        m = PLADSHOLDER.fullmatch(v.strip())
        if m and m.group(2) is None:
            try:
                v = slaa_op(m.group(1))
            except KeyError as e:
                raise FristFejl(f"{hvor}: {v} kan ikke slås op: {e.args[0]}") from None
    if isinstance(v, dt.date) and not isinstance(v, dt.datetime):
        return v
    raise FristFejl(f"{hvor}: forventede en dato skrevet åååå-mm-dd uden anførselstegn "
                    f"(eller en henvisning som \"{{{{ noegletal.skaeringsdato.dato }}}}\"), fik {v!r}")


def begivenhed(raa: dict, nr: int) -> Begivenhed:
    """One entry of frister.yml as a :class:`Begivenhed`, or :class:`FristFejl` naming it."""
    if not isinstance(raa, dict):
        raise FristFejl(f"{FIL}: begivenhed nr. {nr} er ikke en tabel med nøgler (id, titel, ...)")
    navn = raa.get("id")
    hvor = f"{FIL}: begivenhed »{navn}«" if isinstance(navn, str) else f"{FIL}: begivenhed nr. {nr}"
    for n in ("id", "titel", "type", "emne", "kilde"):
        if not isinstance(raa.get(n), str) or not raa[n].strip():
            raise FristFejl(f"{hvor}: »{n}« mangler eller er tom")
    if not ID.match(navn):
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
    felter = dict(
        id=navn,
        titel=_udfyld(raa["titel"].strip(), hvor),
        type=raa["type"],
        emne=raa["emne"],
        kilde=_udfyld(raa["kilde"].strip(), hvor),
        beskrivelse=_udfyld(raa["beskrivelse"].strip(), hvor) if raa.get("beskrivelse") else None,
        side=raa.get("side"),
    )
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
        if b.er_runde:
            pr_aar.setdefault(b.frist.year, []).append(b.id)
    for aar, ider in sorted(pr_aar.items()):
        if len(ider) > r.runder_pr_aar:
            fejl.append(f"Der er {len(ider)} ansøgningsrunder med frist i {aar} "
                        f"({', '.join(f'»{i}«' for i in ider)}), men der gennemføres "
                        f"{r.runder_pr_aar} om året ({r.kilde}).")
    return fejl


def indlaes(sti: Path | None = None) -> tuple[Begivenhed, ...]:
    """Read and check frister.yml; :class:`FristFejl` lists what is wrong."""
    sti = sti or ROD / FIL
    try:
        raa = yaml.safe_load(sti.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FristFejl(f"{FIL} findes ikke") from None
    except yaml.YAMLError as e:
        raise FristFejl(f"{FIL} kan ikke læses som YAML: {e}") from None
    if not isinstance(raa, dict) or not isinstance(raa.get("begivenheder"), list):
        raise FristFejl(f"{FIL}: filen skal have en liste »begivenheder:«")
    if ukendte := sorted(set(raa) - {"begivenheder"}):
        raise FristFejl(f"{FIL}: ukendt nøgle »{ukendte[0]}« øverst i filen (kun »begivenheder«)")
    begivenheder = tuple(begivenhed(b, i) for i, b in enumerate(raa["begivenheder"], 1))
    sete = set()
    for b in begivenheder:
        if b.id in sete:
            raise FristFejl(f"{FIL}: id »{b.id}« bruges mere end én gang; hvert id skal være unikt")
        sete.add(b.id)
    if fejl := tjek_runder(begivenheder, runderegler()):
        raise FristFejl(f"{FIL}: ansøgningsrunderne overholder ikke reglerne:\n"
                        + "\n".join(f"  - {f}" for f in fejl))
    return begivenheder


# -- the page ---------------------------------------------------------------------------------
def _stort(s: str) -> str:
    return s[:1].upper() + s[1:]


def tidsangivelse(b: Begivenhed, dag: dt.date) -> str:
    """How the page states an event's time: the source's wording, a date or a period."""
    if b.er_runde:
        return f"Ansøgningsfrist {fmt_dato(b.frist)}"
    if b.gentagelse:
        d = b.dato
        return f"Hvert år {d.day}. {fmt_dato(d).split(' ')[1]} – næste gang {fmt_dato(naeste_gentagelse(b, dag))}"
    if b.dato_tekst:
        return _stort(b.dato_tekst)
    if b.til:
        return f"{fmt_dato(b.dato)} – {fmt_dato(b.til)}"
    return fmt_dato(b.dato)


def _link(b: Begivenhed, fra_src_uri: str) -> str:
    if not b.side:
        return ""
    sti, _, anker = b.side.partition("#")
    if sti == fra_src_uri:
        return ""
    rel = posixpath.relpath(sti, posixpath.dirname(fra_src_uri) or ".")
    return f" [Læs mere]({rel}{'#' + anker if anker else ''})"


def blok(b: Begivenhed, dag: dt.date, fra_src_uri: str) -> str:
    """One event as Markdown (md_in_html), greyed and labelled when it has passed."""
    passeret = er_passeret(b, dag)
    igang = not passeret and not b.er_runde and not b.gentagelse and b.dato < dag <= b.slut
    klasse = "lbf-frist lbf-frist--passeret" if passeret else "lbf-frist"
    mærke = "Passeret" if passeret else ("I gang" if igang else "Kommende")
    linjer = [
        f'<div class="{klasse}" markdown>',
        "",
        f'<span class="lbf-frist__status">{mærke}:</span> **{tidsangivelse(b, dag)}** · '
        f"{TYPER[b.type]} · {EMNER[b.emne]}",
        "",
        f"**{b.titel}{'' if b.titel[-1] in '.!?' else '.'}**"
        + (f" {b.beskrivelse}" if b.beskrivelse else "") + _link(b, fra_src_uri),
        "",
    ]
    if b.er_runde:
        linjer += [
            f"- Annonceret: {fmt_dato(b.annonceret)}",
            f"- Ansøgningsfrist: {fmt_dato(b.frist)}",
            f"- Midlerne fordeles senest: {fmt_dato(b.afgoerelse)}",
            "",
        ]
    kilde = b.kilde if b.kilde.endswith(".") else b.kilde + "."
    linjer += [f"Kilde: {kilde}", "{: .kilde }", "", "</div>", ""]
    return "\n".join(linjer)


def frister_markdown(begivenheder, dag: dt.date, fra_src_uri: str) -> str:
    """The whole list: upcoming (soonest first), then past (latest first)."""
    kommende = sorted((b for b in begivenheder if not er_passeret(b, dag)),
                      key=lambda b: (naeste_dato(b, dag), b.id))
    passerede = sorted((b for b in begivenheder if er_passeret(b, dag)),
                       key=lambda b: (b.slut, b.id), reverse=True)
    ud = ["## Kommende frister og milepæle {#kommende}", ""]
    ud += [blok(b, dag, fra_src_uri) for b in kommende] or ["Der er ingen kommende frister i kalenderen.", ""]
    ud += ["## Passerede frister og milepæle {#passerede}", ""]
    ud += [blok(b, dag, fra_src_uri) for b in passerede] or ["Ingen.", ""]
    return "\n".join(ud)


def emne_markdown(begivenheder, emne: str, dag: dt.date, fra_src_uri: str) -> str:
    """One topic's events in date order, past ones greyed."""
    valgte = sorted((b for b in begivenheder if b.emne == emne), key=lambda b: (b.dato, b.id))
    return "\n".join(blok(b, dag, fra_src_uri) for b in valgte)


# -- the calendar -------------------------------------------------------------------------
def uid(b_id: str, del_: str = "") -> str:
    return f"{uuid.uuid5(NAVNERUM, b_id + (':' + del_ if del_ else ''))}"


def ics(begivenheder, side_url=lambda side: None, stempel: dt.datetime | None = None) -> bytes:
    """The calendar as iCalendar bytes: one all-day event per date (three per round)."""
    from icalendar import Calendar, Event, Timezone

    if stempel is None:
        epoke = os.environ.get("SOURCE_DATE_EPOCH")
        stempel = (dt.datetime.fromtimestamp(int(epoke), dt.timezone.utc) if epoke
                   else dt.datetime.now(dt.timezone.utc).replace(microsecond=0))
    kal = Calendar()
    kal.add("prodid", "-//Vejledning om Landsbyggefondens puljer og regler//Frister og milepæle//DA")
    kal.add("version", "2.0")
    kal.add("calscale", "GREGORIAN")
    kal.add("method", "PUBLISH")
    kal.add("x-wr-calname", "Frister og milepæle – Landsbyggefondens puljer og regler")
    kal.add("x-wr-timezone", TZ)
    alle = [d for b in begivenheder for d in (b.dato, b.slut)]
    if alle:
        kal.add_component(Timezone.from_tzid(TZ, first_date=min(alle),
                                             last_date=max(max(alle), stempel.date()) + dt.timedelta(days=3660)))

    def begivenhed_(b: Begivenhed, del_: str, titel: str, fra: dt.date, til: dt.date) -> Event:
        e = Event()
        e.add("uid", uid(b.id, del_))
        e.add("dtstamp", stempel)
        e.add("summary", titel)
        e.add("dtstart", fra)
        e.add("dtend", til + dt.timedelta(days=1))
        e.add("transp", "TRANSPARENT")
        e.add("categories", [TYPER[b.type], EMNER[b.emne]])
        tekst = [b.beskrivelse] if b.beskrivelse else []
        if b.dato_tekst:
            tekst.append(f"Tidsangivelse i kilden: {b.dato_tekst}.")
        tekst.append(f"Kilde: {b.kilde}")
        e.add("description", "\n\n".join(tekst))
        if url := side_url(b.side):
            e.add("url", url)
        if b.gentagelse == "aarlig":
            e.add("rrule", {"freq": "yearly"})
        return e

    for b in begivenheder:
        if b.er_runde:
            for del_, navn, d in (("annonceret", "annonceret", b.annonceret),
                                  ("frist", "ansøgningsfrist", b.frist),
                                  ("afgoerelse", "midlerne fordeles senest", b.afgoerelse)):
                kal.add_component(begivenhed_(b, del_, f"{b.titel}: {navn}", d, d))
        else:
            kal.add_component(begivenhed_(b, "", b.titel, b.dato, b.til or b.dato))
    return kal.to_ical()


# -- MkDocs events --------------------------------------------------------------------------
_tilstand: dict = {}


def on_pre_build(config, **kwargs):
    try:
        _tilstand["begivenheder"] = indlaes()
    except FristFejl as e:
        raise PluginError(f"Fejl i frister og milepæle: {e}") from None
    _tilstand["idag"] = idag()


def on_files(files, config, **kwargs):
    site_url = config.site_url or ""

    def side_url(side: str | None) -> str | None:
        if not side or not site_url:
            return None
        sti, _, anker = side.partition("#")
        f = files.get_file_from_path(sti)
        if f is None:
            return None
        return site_url.rstrip("/") + "/" + f.url + (f"#{anker}" if anker else "")

    for b in _tilstand["begivenheder"]:
        if b.side and files.get_file_from_path(b.side.partition("#")[0]) is None:
            raise PluginError(f"{FIL}: begivenhed »{b.id}«: siden »{b.side}« findes ikke under docs/")
    indhold = ics(_tilstand["begivenheder"], side_url)
    files.append(File.generated(config, ICS_NAVN, content=indhold))
    return files


def on_page_markdown(markdown, page, config, files, **kwargs):
    begivenheder, dag = _tilstand["begivenheder"], _tilstand["idag"]
    src = page.file.src_uri

    def erstat(m: re.Match) -> str:
        emne = m.group(1)
        if emne is None:
            return frister_markdown(begivenheder, dag, src)
        if emne not in EMNER:
            raise PluginError(f"{src}: ukendt emne i {m.group(0)} (kendte: {', '.join(EMNER)})")
        return emne_markdown(begivenheder, emne, dag, src)

    return MARKOER.sub(erstat, markdown)

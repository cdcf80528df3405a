"""Deadlines and milestones on the site (build code): read ``frister.toml``, list the events on a
page, write the calendar file ``frister.ics``.

The package reads the file (the data folder's one loader, ``tomllib``) and checks the entries and
the round rules (:mod:`calculators.frister`); this module has the placeholders in the values
filled in by the pages' Jinja2 environment (:mod:`build_scripts.makroer`) in between, and renders
the results.
Set ``LBF_IDAG=åååå-mm-dd`` to build as if it were another day (used by the tests).
"""

from __future__ import annotations

import datetime as dt
import os
import posixpath
import uuid
from collections.abc import Callable, Iterable
from typing import Any
from zoneinfo import ZoneInfo

from calculators import frister as f
from calculators.frister import EMNER, TYPER, Begivenhed, FristFejl
from calculators.sideformater import dato as vis_dato

TZ = "Europe/Copenhagen"
ICS_NAVN = "frister.ics"
# Fixed namespace: a UID is uuid5(NAVNERUM, id), the same in every build.
NAVNERUM = uuid.UUID("6f0f7a4e-3c1b-5d0e-9a57-2f3c8f1e4b21")


def idag() -> dt.date:
    """Today in Copenhagen, or ``LBF_IDAG`` when set."""
    if v := os.environ.get("LBF_IDAG"):
        return dt.date.fromisoformat(v)
    return dt.datetime.now(ZoneInfo(TZ)).date()


def indlaes(udfyld: Callable[[Any], Any]) -> tuple[Begivenhed, ...]:
    """Read frister.toml, fill in each value's placeholders with ``udfyld``, and check it."""
    raa, tekst = f.fil()
    if isinstance(raa.get(f.TABEL), list):
        raa = {**raa, f.TABEL: [_udfyldt(b, i, udfyld, tekst) for i, b in enumerate(raa[f.TABEL], 1)]}
    return f.begivenheder(raa, tekst)


def _udfyldt(post: Any, nr: int, udfyld: Callable[[Any], Any], tekst: str) -> Any:
    if not isinstance(post, dict):
        return post
    navn = post.get("id")
    ud = {}
    for noegle, v in post.items():
        try:
            ud[noegle] = udfyld(v)
        except Exception as e:  # a Jinja2 or format error: name the file, line, entry and placeholder
            n = f.linje(tekst, nr, noegle)
            hvor = (f"{f.FIL}{f', linje {n}' if n else ''}: "
                    + (f"begivenhed »{navn}«" if isinstance(navn, str) else f"begivenhed nr. {nr}"))
            raise FristFejl(f"{hvor}: pladsholderen i »{noegle}« ({' '.join(str(v).split())}) "
                            f"kan ikke udfyldes: {e}") from None
    return ud


# -- the page ---------------------------------------------------------------------------------
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
    passeret = f.er_passeret(b, dag)
    igang = not passeret and not b.er_runde and not b.gentagelse and b.dato < dag <= b.slut
    klasse = "lbf-frist lbf-frist--passeret" if passeret else "lbf-frist"
    maerke = "Passeret" if passeret else ("I gang" if igang else "Kommende")
    linjer = [
        f'<div class="{klasse}" markdown>',
        "",
        f'<span class="lbf-frist__status">{maerke}:</span> **{f.tidsangivelse(b, dag)}** · '
        f"{TYPER[b.type]} · {EMNER[b.emne]}",
        "",
        f"**{b.titel}{'' if b.titel[-1] in '.!?' else '.'}**"
        + (f" {b.beskrivelse}" if b.beskrivelse else "") + _link(b, fra_src_uri),
        "",
    ]
    if b.er_runde:
        assert b.annonceret and b.frist and b.afgoerelse
        linjer += [
            f"- Annonceret: {vis_dato(b.annonceret)}",
            f"- Ansøgningsfrist: {vis_dato(b.frist)}",
            f"- Midlerne fordeles senest: {vis_dato(b.afgoerelse)}",
            "",
        ]
    kilde = b.kilde if b.kilde.endswith(".") else b.kilde + "."
    linjer += [f"Kilde: {kilde}", "{: .kilde }", "", "</div>", ""]
    return "\n".join(linjer)


def liste(begivenheder: Iterable[Begivenhed], emne: str | None, dag: dt.date, fra_src_uri: str) -> str:
    """All events, upcoming (soonest first) then past (latest first); or one topic's, in date order."""
    if emne is not None:
        if emne not in EMNER:
            raise ValueError(f"ukendt emne »{emne}« (kendte: {', '.join(EMNER)})")
        valgte = sorted((b for b in begivenheder if b.emne == emne), key=lambda b: (b.dato, b.id))
        return "\n".join(blok(b, dag, fra_src_uri) for b in valgte)
    kommende = sorted((b for b in begivenheder if not f.er_passeret(b, dag)),
                      key=lambda b: (f.naeste_dato(b, dag), b.id))
    passerede = sorted((b for b in begivenheder if f.er_passeret(b, dag)),
                       key=lambda b: (b.slut, b.id), reverse=True)
    ud = ["## Kommende frister og milepæle {#kommende}", ""]
    ud += [blok(b, dag, fra_src_uri) for b in kommende] or ["Der er ingen kommende frister i kalenderen.", ""]
    ud += ["## Passerede frister og milepæle {#passerede}", ""]
    ud += [blok(b, dag, fra_src_uri) for b in passerede] or ["Ingen.", ""]
    return "\n".join(ud)


# -- the calendar -------------------------------------------------------------------------
def uid(b_id: str, del_: str = "") -> str:
    return f"{uuid.uuid5(NAVNERUM, b_id + (':' + del_ if del_ else ''))}"


def ics(begivenheder: Iterable[Begivenhed], side_url: Callable[[str | None], str | None] = lambda side: None,
        stempel: dt.datetime | None = None) -> bytes:
    """The calendar as iCalendar bytes: one all-day event per date (three per round)."""
    from icalendar import Calendar, Event, Timezone

    begivenheder = tuple(begivenheder)
    if stempel is None:
        epoke = os.environ.get("SOURCE_DATE_EPOCH")
        stempel = (dt.datetime.fromtimestamp(int(epoke), dt.UTC) if epoke
                   else dt.datetime.now(dt.UTC).replace(microsecond=0))
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

    def begivenhed(b: Begivenhed, del_: str, titel: str, fra: dt.date, til: dt.date) -> Event:
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
            assert b.annonceret and b.frist and b.afgoerelse
            for del_, navn, d in (("annonceret", "annonceret", b.annonceret),
                                  ("frist", "ansøgningsfrist", b.frist),
                                  ("afgoerelse", "midlerne fordeles senest", b.afgoerelse)):
                kal.add_component(begivenhed(b, del_, f"{b.titel}: {navn}", d, d))
        else:
            kal.add_component(begivenhed(b, "", b.titel, b.dato, b.til or b.dato))
    return kal.to_ical()

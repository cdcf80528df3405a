"""Deadlines and milestones: the calendar file parses and matches frister.yml, the page lists
upcoming events before past ones, and the pool's round rules stop the build."""

from __future__ import annotations

import datetime as dt
import doctest
import uuid

import icalendar
import pytest
import yaml
from indhold_hjaelp import ROD, slaa_op

from build_scripts import frister as fristside
from build_scripts import makroer
from calculators import frister


def tekstform(s: str) -> str:
    """A title as it reads in the page text (no-break spaces as spaces)."""
    return " ".join(s.replace("\u00a0", " ").split())


@pytest.fixture(scope="session")
def begivenheder():
    return makroer.begivenheder()


@pytest.fixture(scope="session")
def kalender(bygget_site):
    return icalendar.Calendar.from_ical((bygget_site / "frister.ics").read_bytes())


def test_doctests():
    from build_scripts.hooks import indhold
    for modul in (frister, makroer, indhold):
        resultat = doctest.testmod(modul)
        assert resultat.failed == 0 and resultat.attempted > 0


def test_ics_parses_and_describes_the_calendar(kalender):
    assert kalender.name == "VCALENDAR"
    assert str(kalender["version"]) == "2.0"
    assert str(kalender["x-wr-timezone"]) == "Europe/Copenhagen"
    assert [str(tz["tzid"]) for tz in kalender.walk("VTIMEZONE")] == ["Europe/Copenhagen"]


def test_ics_matches_the_yaml(kalender, begivenheder):
    forventet = {}
    for b in begivenheder:
        if b.er_runde:
            for del_, d in (("annonceret", b.annonceret), ("frist", b.frist), ("afgoerelse", b.afgoerelse)):
                forventet[fristside.uid(b.id, del_)] = (d, d)
        else:
            forventet[fristside.uid(b.id)] = (b.dato, b.til or b.dato)
    fundet = {}
    for e in kalender.walk("VEVENT"):
        start, slut = e.decoded("dtstart"), e.decoded("dtend")
        # All-day events: DATE values, the end exclusive.
        assert type(start) is dt.date and type(slut) is dt.date
        fundet[str(e["uid"])] = (start, slut - dt.timedelta(days=1))
        assert "Kilde:" in str(e["description"])
    assert fundet == forventet


def test_ics_titles_and_recurrence_follow_the_yaml(kalender, begivenheder):
    efter_uid = {str(e["uid"]): e for e in kalender.walk("VEVENT")}
    for b in begivenheder:
        if b.er_runde:
            continue
        e = efter_uid[fristside.uid(b.id)]
        assert str(e["summary"]) == b.titel
        assert ("rrule" in e) == (b.gentagelse == "aarlig")
        assert "{{" not in str(e["summary"]) + str(e["description"])


def test_uids_are_stable_and_unique(begivenheder):
    # A uuid5 of the entry's id: the same in every build, different for every entry.
    assert fristside.uid("bek-314-ikrafttraeden") == str(uuid.uuid5(fristside.NAVNERUM, "bek-314-ikrafttraeden"))
    alle = [fristside.uid(b.id) for b in begivenheder]
    assert len(alle) == len(set(alle))


def test_dates_taken_from_the_data_folder_match_it(begivenheder):
    efter_id = {b.id: b for b in begivenheder}
    assert efter_id["noegletal-skaeringsdato"].dato == slaa_op("noegletal.skaeringsdato.dato")
    assert efter_id["noegletal-entreprenoerer-start"].dato == slaa_op("noegletal.roller.entreprenoer.startdato")
    assert efter_id["groen-garanti-ansoegning-aabner"].dato == slaa_op("groen_garanti.ansoegning.fra_dato")
    # The pool's last year lives in baeredygtighedspuljen.toml; the deadline entry must agree.
    slut = efter_id["baeredygtighedspuljen-alle-midler-udmoentet"].dato
    assert slut == dt.date(slaa_op("baeredygtighedspuljen.sidste_udmoentningsaar"), 12, 31)


def test_yaml_holds_the_dates_the_issue_names(begivenheder):
    datoer = {(b.id, b.dato) for b in begivenheder}
    for id_, dato in (("bek-314-ikrafttraeden", dt.date(2016, 4, 1)),
                      ("noegletal-skaeringsdato", dt.date(2015, 11, 1)),
                      ("groen-garanti-ansoegning-aabner", dt.date(2021, 10, 1)),
                      ("baeredygtighedspuljen-alle-midler-udmoentet", dt.date(2026, 12, 31))):
        assert (id_, dato) in datoer


def test_page_lists_upcoming_first_and_greys_past_ones(sider, begivenheder):
    side = sider["frister/index.html"]
    tekst = side.tekst
    assert tekst.index("Kommende frister og milepæle") < tekst.index("Passerede frister og milepæle")
    dag = fristside.idag()
    passerede = [b for b in begivenheder if frister.er_passeret(b, dag)]
    kommende = [b for b in begivenheder if not frister.er_passeret(b, dag)]
    assert passerede and kommende  # both sections are exercised by the real data
    klasser = [k for tag, k in side.klasser if tag == "div" and k.startswith("lbf-frist")]
    assert klasser.count("lbf-frist lbf-frist--passeret") == len(passerede)
    assert klasser.count("lbf-frist") == len(kommende)
    # Upcoming ones are in date order, and all of them come before the first past one.
    graense = tekst.index("Passerede frister og milepæle")
    for b in kommende:
        assert tekst.index(tekstform(b.titel)) < graense
    for b in passerede:
        assert tekst.index(tekstform(b.titel)) > graense
    raekkefoelge = sorted(kommende, key=lambda b: frister.naeste_dato(b, dag))
    positioner = [tekst.index(tekstform(b.titel)) for b in raekkefoelge]
    assert positioner == sorted(positioner)
    assert "frister.ics" in side.links or "../frister.ics" in side.links


def test_digitalisation_page_shows_its_milestones(sider, begivenheder):
    tekst = sider["digitalisering/index.html"].tekst
    for b in begivenheder:
        if b.emne == "digitalisering":
            assert tekstform(b.titel) in tekst


def test_build_fails_on_a_round_that_breaks_the_rules(byg_kopi):
    def aendr(kopi):
        fil = kopi / "calculators" / "data" / "frister.yml"
        data = yaml.safe_load(fil.read_text())
        data["begivenheder"].append({
            "id": "forsoegsmidler-runde-2027", "titel": "Ansøgningsrunde for Forsøgsmidler",
            "type": "ansoegningsrunde", "emne": "baeredygtighedspuljen",
            "annonceret": dt.date(2027, 2, 1), "frist": dt.date(2027, 4, 1), "afgoerelse": dt.date(2027, 5, 1),
            "kilde": "Test"})
        fil.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    proc = byg_kopi(aendr)
    assert proc.returncode != 0
    fejl = proc.stdout + proc.stderr
    assert "Ansøgningsrunden »forsoegsmidler-runde-2027« er annonceret for sent" in fejl
    assert "senest være annonceret 1. januar 2027" in fejl


def test_yaml_keeps_a_commented_round_example_for_editors():
    assert "#   type: ansoegningsrunde" in (ROD / "calculators" / "data" / "frister.yml").read_text()

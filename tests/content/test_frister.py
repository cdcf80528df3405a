"""Deadlines and milestones: the calendar file parses and matches frister.toml, the page lists
upcoming events before past ones, and the pool's round rules and an editor's slip stop the build."""

from __future__ import annotations

import datetime as dt
import doctest
import tomllib
import uuid

import icalendar
import pytest
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


def test_ics_matches_the_data_file(kalender, begivenheder):
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


def test_ics_titles_and_recurrence_follow_the_data_file(kalender, begivenheder):
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
    assert efter_id["noegletal-skaeringsdato"].dato == slaa_op("noegletal.skaeringsdato.gyldig_fra")
    assert efter_id["noegletal-entreprenoerer-start"].dato == slaa_op("noegletal.roller.entreprenoer.gyldig_fra")
    assert efter_id["groen-garanti-ansoegning-aabner"].dato == slaa_op("groen_garanti.ansoegning.gyldig_fra")
    # The pool's last year lives in baeredygtighedspuljen.toml; the deadline entry must agree.
    slut = efter_id["baeredygtighedspuljen-alle-midler-udmoentet"].dato
    assert slut == slaa_op("baeredygtighedspuljen.gyldig_til")


def test_data_file_holds_the_dates_the_issue_names(begivenheder):
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


FRISTER = ROD / "calculators" / "data" / "frister.toml"


def test_build_fails_on_a_round_that_breaks_the_rules(byg_kopi):
    def aendr(kopi):
        fil = kopi / "calculators" / "data" / "frister.toml"
        fil.write_text(fil.read_text(encoding="utf-8") + """
[[begivenhed]]
id = "forsoegsmidler-runde-2027"
titel = "Ansøgningsrunde for Forsøgsmidler"
type = "ansoegningsrunde"
emne = "baeredygtighedspuljen"
annonceret = 2027-02-01
frist = 2027-04-01
afgoerelse = 2027-05-01
kilde = "Test"
""", encoding="utf-8")
    proc = byg_kopi(aendr)
    assert proc.returncode != 0
    fejl = proc.stdout + proc.stderr
    assert "Ansøgningsrunden »forsoegsmidler-runde-2027« er annonceret for sent" in fejl
    assert "senest være annonceret 1. januar 2027" in fejl


def test_build_fails_on_a_date_written_as_text_naming_file_and_line(byg_kopi):
    # The issue's slip: a Danish date in quotes is a text, not a date. The build stops and says where and how.
    linjer = FRISTER.read_text(encoding="utf-8").splitlines()
    nr = linjer.index('id = "groen-garanti-administrationsgrundlag"') + 1
    dato_linje = next(i for i in range(nr, len(linjer)) if linjer[i].startswith("dato = ")) + 1
    assert linjer[dato_linje - 1] == "dato = 2021-10-01"

    def aendr(kopi):
        fil = kopi / "calculators" / "data" / "frister.toml"
        tekst = fil.read_text(encoding="utf-8").splitlines(keepends=True)
        tekst[dato_linje - 1] = 'dato = "1.10.2021"\n'
        fil.write_text("".join(tekst), encoding="utf-8")
    proc = byg_kopi(aendr)
    assert proc.returncode != 0
    fejl = " ".join((proc.stdout + proc.stderr).split())
    assert (f"calculators/data/frister.toml, linje {dato_linje}: begivenhed »groen-garanti-administrationsgrundlag«: "
            "»dato« skal være en dato skrevet åååå-mm-dd uden anførselstegn, fx 2015-11-01, fik '1.10.2021'") in fejl


def test_data_file_keeps_a_commented_round_example_for_editors():
    tekst = FRISTER.read_text(encoding="utf-8")
    eksempel = [linje[2:] for linje in tekst.splitlines() if linje.startswith("# ") and " = " in linje
                and linje[2:].split(" = ")[0] in frister.RUNDE]
    assert 'type = "ansoegningsrunde"' in eksempel
    # Uncommented (with dates filled in) the example is a valid round.
    toml = "[[begivenhed]]\n" + "\n".join(eksempel).replace("AAAA-MM-DD", "2027-06-01").replace(
        "annonceret = 2027-06-01", "annonceret = 2027-01-15").replace("frist = 2027-06-01", "frist = 2027-04-15")
    (b,) = frister.begivenheder(tomllib.loads(toml), toml)
    assert b.er_runde and b.id == "forsoegsmidler-runde-aaaa"


def test_no_yaml_left_for_the_deadlines():
    assert not (ROD / "calculators" / "data" / "frister.yml").exists()
    for fil in ("build_scripts/frister.py", "calculators/frister.py"):
        assert "import yaml" not in (ROD / fil).read_text(encoding="utf-8"), fil

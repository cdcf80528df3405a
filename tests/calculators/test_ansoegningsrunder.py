"""Deadlines and milestones in the package: entries are checked, and Bæredygtighedspuljen's round
rules (ansoegningsrunder.toml) refuse a round that breaks them, naming it."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators import frister


def runde(id_="runde-2027", annonceret="2027-01-15", frist="2027-04-15", afgoerelse="2027-06-15"):
    return frister.begivenhed({
        "id": id_, "titel": "Ansøgningsrunde", "type": "ansoegningsrunde", "emne": "baeredygtighedspuljen",
        "annonceret": dt.date.fromisoformat(annonceret), "frist": dt.date.fromisoformat(frist),
        "afgoerelse": dt.date.fromisoformat(afgoerelse), "kilde": "Test"}, 1)


def test_a_round_on_the_limits_passes():
    # Exactly 3 months before the deadline and exactly 2 months after it are allowed.
    assert frister.tjek_runder((runde(),), frister.runderegler()) == []


@pytest.mark.parametrize("felt,vaerdi,besked", [
    ("annonceret", "2027-01-16", "annonceret for sent"),
    ("afgoerelse", "2027-06-16", "fordeler midlerne for sent"),
    ("afgoerelse", "2027-04-14", "ligger før ansøgningsfristen"),
])
def test_a_round_breaking_a_rule_is_named(felt, vaerdi, besked):
    fejl = frister.tjek_runder((runde(**{felt: vaerdi}),), frister.runderegler())
    assert len(fejl) == 1 and "»runde-2027«" in fejl[0] and besked in fejl[0]


def test_two_rounds_in_one_year_are_refused():
    to = (runde(), runde("anden-runde-2027", "2027-05-01", "2027-09-01", "2027-10-01"))
    (fejl,) = frister.tjek_runder(to, frister.runderegler())
    assert "2027" in fejl and "»anden-runde-2027«" in fejl


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 12, 31)), st.integers(-36, 36))
def test_month_arithmetic_round_trips_within_the_month(d, n):
    r = frister.plus_maaneder(d, n)
    assert (r.year * 12 + r.month) - (d.year * 12 + d.month) == n
    assert r.day == d.day or r.day < d.day  # clamped only at the end of a shorter month


def test_unknown_type_is_refused_with_the_entry_named():
    with pytest.raises(frister.FristFejl, match="»x«: ukendt type »deadline«"):
        frister.begivenhed({"id": "x", "titel": "T", "type": "deadline", "emne": "noegletal",
                                 "kilde": "K", "dato": dt.date(2020, 1, 1)}, 1)




def _post(**ekstra):
    return {"id": "x", "titel": "T", "type": "frist", "emne": "noegletal", "kilde": "K",
            "dato": dt.date(2020, 1, 1), **ekstra}


def test_an_id_used_twice_is_refused():
    with pytest.raises(frister.FristFejl, match="id »x« bruges mere end én gang"):
        frister.begivenheder({"begivenhed": [_post(), _post()]})


def test_a_quoted_date_is_refused():
    with pytest.raises(frister.FristFejl, match="»x«: »dato« skal være en dato skrevet åååå-mm-dd uden anførselstegn"):
        frister.begivenheder({"begivenhed": [_post(dato="2020-01-01")]})


def test_a_valid_file_loads():
    (b,) = frister.begivenheder({"begivenhed": [_post(til=dt.date(2020, 1, 31))]})
    assert b.slut == dt.date(2020, 1, 31) and not b.er_runde


def test_line_breaks_in_a_text_are_spaces():
    # A long text is written over several lines in a """…""" string; the page shows one paragraph.
    (b,) = frister.begivenheder({"begivenhed": [_post(beskrivelse="En sætning\nover  to linjer.\n")]})
    assert b.beskrivelse == "En sætning over to linjer."
    # A no-break space (a format's »404\u00a0mio. kr.«) is kept.
    (b,) = frister.begivenheder({"begivenhed": [_post(titel="404\u00a0mio.\nkr.")]})
    assert b.titel == "404\u00a0mio. kr."


# -- a slip in frister.toml: the message names the file, the line, the entry, the key and the fix -----------
import tomllib  # noqa: E402

from calculators import _data  # noqa: E402

GOD = """\
# Frister
[[begivenhed]]
id = "bek-314-ikrafttraeden"
titel = "Bekendtgørelsen træder i kraft"
type = "ikrafttraeden"
emne = "merinvestering"
dato = 2016-04-01
kilde = "BEK nr. 314 af 30/03/2016, § 16"

[[begivenhed]]
id = "groen-garanti-administrationsgrundlag"
titel = "Administrationsgrundlaget kan findes"
type = "milepael"
emne = "groen-garanti"
dato = 2021-10-01
til = 2021-10-31
kilde = "Landsbyggefonden: Grøn garanti"
"""


def _laes(tekst: str):
    return frister.begivenheder(tomllib.loads(tekst), tekst)


def test_the_example_file_loads():
    assert [b.id for b in _laes(GOD)] == ["bek-314-ikrafttraeden", "groen-garanti-administrationsgrundlag"]


@pytest.mark.parametrize("foer,efter,forventet", [
    # A Danish date written as text.
    ("dato = 2021-10-01", 'dato = "1.10.2021"',
     "frister.toml, linje 15: begivenhed »groen-garanti-administrationsgrundlag«: »dato« skal være en dato "
     "skrevet åååå-mm-dd uden anførselstegn, fx 2015-11-01, fik '1.10.2021'"),
    # A misspelt key.
    ("til = 2021-10-31", "tiil = 2021-10-31",
     "frister.toml, linje 16: begivenhed »groen-garanti-administrationsgrundlag«: ukendt nøgle »tiil«. "
     "Tjek stavningen; tilladte nøgler for typen milepael:"),
    # A missing id: the entry's [[begivenhed]] line, and what to add.
    ('id = "groen-garanti-administrationsgrundlag"\n', "",
     "frister.toml, linje 10: begivenhed nr. 2: »id« mangler eller er tom. Tilføj id = "),
    # An id written with capitals and spaces.
    ('id = "bek-314-ikrafttraeden"', 'id = "BEK 314"',
     "frister.toml, linje 3: begivenhed »BEK 314«: »id« må kun have små bogstaver"),
    ("dato = 2016-04-01", "dato = 1016-04-01",
     "frister.toml, linje 7: begivenhed »bek-314-ikrafttraeden«: »dato« 1016-04-01 ligger uden for"),
    ('type = "milepael"', 'type = "deadline"',
     "frister.toml, linje 13: begivenhed »groen-garanti-administrationsgrundlag«: ukendt type »deadline«"),
    ("til = 2021-10-31", "til = 2021-09-30", "linje 16: .*»til« \\(2021-09-30\\) ligger før »dato«"),
    ('id = "groen-garanti-administrationsgrundlag"', 'id = "bek-314-ikrafttraeden"',
     "frister.toml, linje 11: id »bek-314-ikrafttraeden« bruges mere end én gang"),
])
def test_a_slip_names_file_line_and_fix(foer, efter, forventet):
    assert foer in GOD
    with pytest.raises(frister.FristFejl, match=forventet):
        _laes(GOD.replace(foer, efter, 1))


def test_a_single_bracket_table_is_explained():
    with pytest.raises(frister.FristFejl, match=r"\[\[begivenhed\]\] \(to klammer"):
        _laes(GOD.replace("[[begivenhed]]", "[begivenhed]", 1).split("\n\n[[")[0])


def test_the_real_file_is_read_by_the_data_folders_loader():
    raa, tekst = frister.fil()
    assert raa is _data.raa(frister.NAVN)  # the one (tomllib) loader, not a second parser
    assert tomllib.loads(tekst) == raa
    # The line finder agrees with the loader's own (used for the rule files) on the real file.
    ider = [b["id"] for b in raa[frister.TABEL]]
    for i in (1, len(ider)):
        assert frister.linje(tekst, i, "id") == _data.linje("frister.toml", f"begivenhed[{i - 1}].id")
        assert f'id = "{ider[i - 1]}"' in tekst.splitlines()[frister.linje(tekst, i, "id") - 1]

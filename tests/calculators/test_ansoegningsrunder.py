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
        frister.begivenheder({"begivenheder": [_post(), _post()]})


def test_a_quoted_date_is_refused():
    with pytest.raises(frister.FristFejl, match="»x«: »dato«: forventede en dato"):
        frister.begivenheder({"begivenheder": [_post(dato="2020-01-01")]})


def test_a_valid_file_loads():
    (b,) = frister.begivenheder({"begivenheder": [_post(til=dt.date(2020, 1, 31))]})
    assert b.slut == dt.date(2020, 1, 31) and not b.er_runde

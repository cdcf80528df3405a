"""The repository's copy of the source documents is faithful, and the quote helper can fail."""

from __future__ import annotations

import hashlib

import pytest
from kildecitat import DOKUMENTER, MAPPE, citat

# SHA-256 of ../shared/seeds/*.txt as copied on 2026-11-30.
SHA256 = {
    "000_f40cb9c5af6f7efb.txt": "96ded9e38d4bde7d1852527ac9acc7a639b9994cb829e9ba14d1bad5d1ce54f3",
    "001_826c626f960f7c82.txt": "a7d001e123fa98e9cac1f0ecbe47aea19a93d508d286f0917fd3def21320cad6",
    "003_d7c1ae64b813f3df.txt": "1fdf0cc482b9d602668519a28997e9d98e603b8b8b1126cabb7de866167c7580",
    "004_f5823218afdd4d3a.txt": "7592c7dc47ccd7c859ec02e2c7ed2864d78ecde354c450344107ac9d4819c238",
}


@pytest.mark.parametrize("navn", sorted(DOKUMENTER.values()))
def test_kopien_er_uaendret(navn):
    data = (MAPPE / navn).read_bytes()
    assert hashlib.sha256(data).hexdigest() == SHA256[navn]
    seed = MAPPE.parents[1] / "shared" / "seeds" / navn   # <clone>/kilder -> <clone>/../shared/seeds
    if seed.is_file():      # CI and developers have shared/ beside the clone: the copy must equal it
        assert seed.read_bytes() == data


def test_citat_finder_ord_paa_tvaers_af_linjer():
    citat("A", 316, 318, "Det er alene almene boligorganisationer, som kan ansøge om midler fra puljen")


def test_citat_fejler_paa_forkert_ordlyd_og_forkerte_linjer():
    with pytest.raises(AssertionError):
        citat("A", 316, 318, "Det er gerne almene boligorganisationer")
    with pytest.raises(AssertionError):
        citat("A", 1, 5, "Det er alene almene boligorganisationer")


def test_orddeling_og_bindestreg_i_sammensaetning():
    citat("A", 318, 320, "indgår LBF dermed alene aftaler")                    # "af-⏎taler"
    citat("B", 52, 55, "Udlændinge-, Integrations- og Boligministeriets")      # "Integrations- ⏎og"

"""The glossary and the abbreviation tooltips describe the same terms, and the tooltips reach
the pages: every term in docs/includes/forkortelser.md is in the ordliste and vice versa
(case does not matter: a term may be listed with a capital for the start of a sentence)."""

from __future__ import annotations

import re

from indhold_hjaelp import DOCS

ABBR = re.compile(r"^\*\[(?P<ord>[^\]]+)\]:\s*(?P<forklaring>.+)$")


def forkortelser() -> dict[str, str]:
    ud = {}
    for linje in (DOCS / "includes" / "forkortelser.md").read_text(encoding="utf-8").splitlines():
        if not linje.strip():
            continue
        m = ABBR.match(linje)
        assert m, f"not an abbreviation definition: {linje!r}"
        ud[m["ord"]] = m["forklaring"]
    return ud


def test_definitions_are_well_formed_and_unique():
    linjer = [ln for ln in (DOCS / "includes" / "forkortelser.md").read_text().splitlines() if ln.strip()]
    ord_ = [ABBR.match(ln)["ord"] for ln in linjer]
    assert len(ord_) == len(set(ord_))
    # A term listed in two cases must explain itself the same way in both.
    f = forkortelser()
    for o, forklaring in f.items():
        for andet, forklaring2 in f.items():
            if o != andet and o.casefold() == andet.casefold():
                assert forklaring == forklaring2, (o, andet)


def test_every_abbreviation_is_in_the_ordliste_and_vice_versa(sider):
    termer = {t.casefold() for t in sider["ordliste/index.html"].dt}
    forkortet = {o.casefold() for o in forkortelser()}
    assert forkortet - termer == set(), "in forkortelser.md but not in the ordliste"
    assert termer - forkortet == set(), "in the ordliste but not in forkortelser.md"


def test_key_terms_are_in_the_glossary():
    forkortet = {o.casefold() for o in forkortelser()}
    for term in ("LBF", "BSF", "DCAB", "BOSSINF-STB", "skema A", "skema B", "skema C", "ESCO",
                 "helhedsplan", "trangsprincip", "ydelsesstøtte", "merinvestering", "nøgletal",
                 "evaluator", "baseline", "graddage"):
        assert term.casefold() in forkortet, term


def test_every_glossary_entry_names_its_source(sider):
    s = sider["ordliste/index.html"]
    assert s.dd_kilder and all(n == 1 for n in s.dd_kilder), s.dd_kilder


def test_tooltips_appear_on_the_pages(sider):
    f = forkortelser()
    set_ = {(tekst, titel) for s in sider.values() for tekst, titel in s.abbr}
    for tekst, titel in set_:
        assert f.get(tekst) == titel, f"<abbr> for {tekst!r} does not use the definition"
    for side, term in (("groen-garanti/index.html", "trangsprincip"),
                       ("noegletal/index.html", "BOSSINF-STB"),
                       ("merinvestering/index.html", "skema B"),
                       ("baeredygtighedspuljen/index.html", "vandtætte skotter")):
        assert term in {t for t, _ in sider[side].abbr}, (side, term)

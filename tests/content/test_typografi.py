"""The rules of »Sprog og typografi« in the editor guide (docs/redaktoer.md), checked in the Markdown.

* No wrapped line inside a list (or any paragraph) may start with "<number>. ": Python-Markdown reads it as
  a new list item, and a date such as "1. november 2015" loses its day or becomes item "4." – this check
  covers every page.
* On the pages this check owns (below), readers are addressed as I/jer/jeres, an abbreviation's genitive is
  »LBF's«, and a year range has an en dash (2021–2026). Words quoted from a source between »…« keep the
  source's form, and code (fenced or inline) and front matter are not prose.
"""

from __future__ import annotations

import re
import tomllib

import pytest
from indhold_hjaelp import DOCS, ROD, kildesider

# Pages whose prose this check holds to the style rules (the other pages have their own owners;
# every page is checked for wrapped list numbers).
SIDER = ["index.md", "frister.md", "ordliste.md", "redaktoer.md", "tilgaengelighed.md",
         "baeredygtighedspuljen/index.md", "digitalisering/index.md"]

TAL_PUNKTUM = re.compile(r"^( *)\d+\.\s")
FENCE = re.compile(r"^\s*(```|~~~)")


def _indrykning(linje: str) -> int:
    return len(linje) - len(linje.lstrip(" "))


def ombrudte_tal(tekst: str) -> list[tuple[int, str]]:
    """Lines (number, text) that continue a paragraph or list item but start with "<number>. ".

    A line starting with a number and a full stop is a real list item only when it opens its
    block (a blank line before it), follows a sibling item of the same list (walking back over
    the block, the first line at the same indentation is itself a numbered item) or starts a
    nested list (indented four spaces or more under a line that ends with a colon). Meeting a less
    indented line otherwise means the line continues that line's text.

    >>> ombrudte_tal("1. Første punkt\\n   fortsat\\n2. Andet punkt\\n")
    []
    >>> ombrudte_tal("- udbudt før\\n  1. november 2015\\n")
    [(2, '  1. november 2015')]
    >>> ombrudte_tal("Tekst om dagen\\n1. november 2015.\\n")
    [(2, '1. november 2015.')]
    >>> ombrudte_tal("Tekst:\\n\\n1. punkt\\n2. punkt\\n")
    []
    >>> ombrudte_tal("- **Dokumentation:**\\n    1. beregningsmodellen\\n    2. energimærket\\n")
    []
    """
    linjer = tekst.split("\n")
    fund = []
    i_kode = False
    for nr, linje in enumerate(linjer):
        if FENCE.match(linje):
            i_kode = not i_kode
            continue
        if i_kode or not (m := TAL_PUNKTUM.match(linje)):
            continue
        ind = len(m.group(1))
        for forrige in reversed(linjer[:nr]):
            if not forrige.strip():
                break                                   # the line opens its block
            p = _indrykning(forrige)
            if p > ind:
                continue                                # a sibling item's continuation
            indlejret = ind >= p + 4 and forrige.rstrip(" *_").endswith(":")
            if (p < ind and not indlejret) or (p == ind and not TAL_PUNKTUM.match(forrige)):
                fund.append((nr + 1, linje))
            break
    return fund


def _uden_front_matter(tekst: str) -> str:
    if tekst.startswith("---"):
        _, fm, krop = tekst.split("---", 2)
        return "\n" * fm.count("\n") + krop           # keep the line numbers
    return tekst


@pytest.mark.parametrize("md", kildesider())
def test_no_wrapped_line_starts_with_a_number_and_full_stop(md):
    fund = ombrudte_tal(_uden_front_matter((DOCS / md).read_text(encoding="utf-8")))
    assert fund == [], f"{md}: a wrapped line starts with »<tal>. « (Markdown makes it a list item): {fund}"


def test_the_wrapped_number_check_can_fail():
    # The case the legal review found: the day of a cut-off date inside a list item.
    tekst = ("- Opgaver, der er udbudt før\n  1. november 2015, er omfattet.\n\n"
             "1. Skema B\n   fortsat\n2. Skema C\n")
    assert ombrudte_tal(tekst) == [(2, "  1. november 2015, er omfattet.")]


# -- prose on this check's pages ----------------------------------------------------------------
def prosa(tekst: str) -> str:
    """The prose of a Markdown page: no front matter, code, HTML comments or »quotes«."""
    tekst = _uden_front_matter(tekst)
    tekst = re.sub(r"^\s*(```|~~~).*?^\s*\1", "", tekst, flags=re.S | re.M)
    tekst = re.sub(r"<pre>.*?</pre>", "", tekst, flags=re.S)
    tekst = re.sub(r"`[^`\n]*`", "", tekst)
    tekst = re.sub(r"<!--.*?-->", "", tekst, flags=re.S)
    return re.sub(r"»[^«]*«", "»«", tekst)


SLIP = {
    "du-form (skriv I/jer/jeres)": re.compile(r"\b(?:[Dd]u|[Dd]in|[Dd]ine|[Dd]it|[Dd]ig)\b"),
    "»LBFs« (skriv »LBF's«)": re.compile(r"\bLBFs\b"),
    "bindestreg i årsinterval (skriv 2021–2026)": re.compile(r"\b(?:19|20)\d\d-(?:(?:19|20)\d\d|\d\d)\b(?!-\d)"),
}


def slip(tekst: str) -> list[str]:
    t = prosa(tekst)
    return [f"{navn}: …{t[max(0, m.start() - 30):m.end() + 30]!r}…" for navn, r in SLIP.items()
            for m in r.finditer(t)]


@pytest.mark.parametrize("md", SIDER)
def test_the_pages_follow_the_style_guide(md):
    assert slip((DOCS / md).read_text(encoding="utf-8")) == []


def test_the_deadline_texts_follow_the_style_guide():
    with (ROD / "calculators" / "data" / "frister.toml").open("rb") as f:
        data = tomllib.load(f)
    tekster = [b.get(n, "") for b in data["begivenhed"] for n in ("titel", "beskrivelse", "dato_tekst")]
    assert slip("\n\n".join(t for t in tekster if isinstance(t, str))) == []


def test_the_style_checks_can_fail():
    assert slip("Før du søger, så tjek dine tal.")
    assert slip("Se LBFs hjemmeside.")
    assert slip("Puljen gælder 2021-2026.")
    assert slip("Perioden 2021-25.")
    # Quotes keep the source's form; ISO dates and code are not prose.
    assert not slip("Kilden siger »for perioden 2021-2026« og »LBFs øvrige støtteordninger«.")
    assert not slip("Skriv `2015-11-01` i datafilen.\n\n```yaml\ndato: 2021-10-01\n```\n")
    assert not slip("Før I søger, så tjek jeres tal for 2021–2026 på LBF's hjemmeside.")


def test_the_editor_guide_states_the_rules():
    tekst = (DOCS / "redaktoer.md").read_text(encoding="utf-8")
    afsnit = tekst.split("## Sprog og typografi", 1)[1].split("\n## ", 1)[0]
    for regel in ("»jer«", "»LBF's«", "2021–2026", "»…«", "1.250.000 kr.", "12,5 %", "5. januar 2024",
                  "må aldrig begynde med et tal og et punktum"):
        assert regel in afsnit, regel


def test_the_examples_in_this_file_run():
    import doctest
    import sys

    resultat = doctest.testmod(sys.modules[__name__])
    assert resultat.failed == 0 and resultat.attempted >= 5

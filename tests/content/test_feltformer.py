"""Issue 16, item 6: every number field on every calculator page names the forms it accepts, in the same words.

The number fields are not listed by hand: each calculator reads its example input once with a spy on the one number
reader (``Laeser._tal``), which records every field it reads and that field's unit. A field a calculator adds later
is then checked without anyone remembering to. For each such field the built page must have an input of that name
whose hint (the elements its ``aria-describedby`` names and the hints of the field group it sits in, which is how a
table column's hint is given) says »fx N eller N <unit>« – the words of ``formater_hint`` in
build_scripts/makroer.py, from :func:`calculators._contract.skriveformer` – with an N the field reads; the unit shown
beside the input is the unit the field reads.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

import calculators
from calculators._contract import ENHEDER, Laeser, parse_dansk_tal, skriveformer

_TOMME = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Knude:
    def __init__(self, tag: str, attrs: dict[str, str], forael: _Knude | None):
        self.tag, self.attrs, self.forael = tag, attrs, forael
        self.born: list[_Knude | str] = []

    @property
    def klasser(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def tekst(self) -> str:
        return "".join(b if isinstance(b, str) else b.tekst() for b in self.born)

    def alle(self):
        for b in self.born:
            if isinstance(b, _Knude):
                yield b
                yield from b.alle()

    def forfaedre(self):
        k = self.forael
        while k is not None:
            yield k
            k = k.forael


class _Trae(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.rod = _Knude("#dokument", {}, None)
        self.her = self.rod

    def handle_starttag(self, tag, attrs):
        k = _Knude(tag, {n: v or "" for n, v in attrs}, self.her)
        self.her.born.append(k)
        if tag not in _TOMME:
            self.her = k

    def handle_endtag(self, tag):
        k = self.her
        while k is not None and k.tag != tag:
            k = k.forael
        if k is not None and k.forael is not None:
            self.her = k.forael

    def handle_data(self, data):
        self.her.born.append(data)


def _trae(html: str) -> _Knude:
    p = _Trae()
    p.feed(html)
    return p.rod


def talfelter(navn: str) -> dict[str, str]:
    """Every number field calculator ``navn`` reads (its path, rows as ``[0]``) and its unit ("" for none)."""
    fundet: dict[str, str] = {}
    original = Laeser._tal

    def spion(self, noegle, label, eksempel, paakraevet, default, enhed=""):
        fundet[re.sub(r"\[\d+\]", "[0]", self.felt(noegle))] = enhed
        return original(self, noegle, label, eksempel, paakraevet, default, enhed)

    Laeser._tal = spion  # type: ignore[method-assign]
    try:
        svar = calculators.run(navn, calculators.modul(navn).EKSEMPEL, formular=True)
    finally:
        Laeser._tal = original  # type: ignore[method-assign]
    assert "fejl" not in svar, svar
    return fundet


def _beregnersider(bygget_site) -> dict[str, _Knude]:
    sider = {}
    for sti in sorted((bygget_site / "beregnere").glob("*/index.html")):
        m = re.search(r'data-beregner="([a-z_]+)"', tekst := sti.read_text(encoding="utf-8"))
        if m:
            sider[m.group(1)] = _trae(tekst)
    return sider


@pytest.fixture(scope="module")
def beregnersider(bygget_site) -> dict[str, _Knude]:
    return _beregnersider(bygget_site)


def _hint(felt: _Knude, dok: _Knude) -> str:
    """The hint text a reader gets for ``felt``: what aria-describedby names, and the group's hints."""
    ider = felt.attrs.get("aria-describedby", "").split()
    dele = [k.tekst() for k in dok.alle() if k.attrs.get("id") in ider]
    gruppe = next((k for k in felt.forfaedre() if "lbf-felt" in k.klasser), None)
    if gruppe is not None:
        dele += [k.tekst() for k in gruppe.alle() if "lbf-hint" in k.klasser]
    return " ".join(_ren(d) for d in dele)


def _ren(tekst: str) -> str:
    """Runs of white space as one space; a no-break space (between a number and its unit) stays."""
    return re.sub(r"[ \t\r\n]+", " ", tekst).strip()


TAL = r"-?\d+(?:\.\d{3})*(?:,\d+)?"


def _former(enhed: str) -> re.Pattern[str]:
    """The words of skriveformer(enhed, N) for any N (the same N twice)."""
    skabelon = re.escape(skriveformer(enhed, "\x00"))
    return re.compile(skabelon.replace("\x00", f"({TAL})", 1).replace("\x00", r"\1", 1)
                      + (r"(?![\d,]|\.\d| eller)" if not enhed else ""))


def test_hver_beregner_har_talfelter():
    for navn in calculators.BEREGNERE:
        assert talfelter(navn), navn
    # The spy sees the units the calculators read in, every one a unit the parser knows.
    enheder = {e for navn in calculators.BEREGNERE for e in talfelter(navn).values()}
    assert {"kr.", "%"} <= enheder and enheder <= set(ENHEDER) | {""}


@pytest.mark.parametrize("navn", calculators.BEREGNERE)
def test_hvert_talfelt_har_et_hint_med_formerne(navn, beregnersider):
    dok = beregnersider[navn]
    felter = {k.attrs["name"]: k for k in dok.alle()
              if k.tag == "input" and "name" in k.attrs
              and not any(f.tag == "template" for f in k.forfaedre())}
    mangler = []
    for sti, enhed in talfelter(navn).items():
        felt = felter.get(sti)
        assert felt is not None, f"{navn}: the page has no input for {sti}"
        hint = _hint(felt, dok)
        fund = _former(enhed).findall(hint)
        if not fund:
            mangler.append(f"{sti} ({enhed or 'uden enhed'}): {hint[:160]!r}")
            continue
        for n in fund:  # the example is one the field reads, in each form the hint lists
            for form in skriveformer(enhed, n).removeprefix("fx ").split(" eller "):
                assert parse_dansk_tal(form, enhed) is not None, (sti, form)
        # The unit printed beside the input is the unit the field reads.
        ramme = felt.forael
        if ramme is not None and "lbf-med-enhed" in ramme.klasser:
            vist = [_ren(k.tekst()) for k in ramme.alle() if k.tag == "span"]
            assert vist == [enhed], (sti, vist, enhed)
    assert not mangler, f"{navn}: number fields whose hint does not name the accepted forms:\n" + "\n".join(mangler)


def test_formerne_staar_kun_i_en_ordlyd(beregnersider):
    """»fx N eller N <unit>« is the one wording: no hint lists two forms of a number in other words (as the
    budget's »Skriv beløb som 250.000 eller 12.500,50« did)."""
    for navn, dok in beregnersider.items():
        for k in dok.alle():
            if "lbf-hint" not in k.klasser:
                continue
            t = _ren(k.tekst())
            rigtige = [m.span() for m in re.finditer(rf"fx ({TAL}) eller \1\u00a0\S", t)]
            for m in re.finditer(rf"{TAL} eller {TAL}", t):
                assert any(a <= m.start() < b for a, b in rigtige), (navn, t[max(0, m.start() - 60):m.end() + 20])

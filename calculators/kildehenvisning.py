"""Which words of a source note ("Kilde: …") point at a passage of a source text published under ``/kilder/``.

A calculator's result ends its rules with the source the rule comes from, a text from the rules data, e.g.
"BEK nr. 314 af 30. marts 2016, § 3, stk. 2, nr. 2, jf. almenboliglovens § 129, stk. 4, og bekendtgørelsens § 15".
:func:`henvisninger` finds the spans of such a text that can become links to the published source texts
(``/kilder/<side>/#<anker>``, the anchors that ``build_scripts/kildetekster.py`` gives the pages):

>>> tekst = ("BEK nr. 314 af 30. marts 2016, § 3, stk. 2, nr. 2, jf. almenboliglovens § 129, stk. 4, "
...          "og bekendtgørelsens § 15")
>>> for hv in henvisninger(tekst):
...     print(repr(tekst[hv.start:hv.slut]), "->", hv.maal)
'§ 3, stk. 2, nr. 2' -> bek-314-2016/#p3-stk2-nr2
'§ 15' -> bek-314-2016/#p15

"§ 129" belongs to almenboligloven, which is not published under /kilder/, so it stays text; "bekendtgørelsens"
means the bekendtgørelse named last, BEK 314. The rules:

* A reference (``§ 3, stk. 2``, ``kapitel 5``, ``s. 2``, ``pkt. 5 (Forsøgsmidler)``, ``»Sagsbehandling i
  fonden«``, ``indledningen``) belongs to the document named last before it. A document not published under
  /kilder/ (BEK 675/2010 »nøgletalsbekendtgørelsen«, BEK 1171/2015, almenboligloven, BR15, the frivillige
  bæredygtighedsklasse, a vejledning, Retsinformation, lbf.dk …), a generic word that names no document
  ("bekendtgørelsen" before any bekendtgørelse is named) and the start of the text all stand for "unknown", and
  nothing after them is linked until a published document is named. "notatet" is the notat of 19 December 2016,
  the only notat among the sources.
* Each kind of reference fits one document: § and kapitel BEK 314, s. (page of the original) the notat, pkt. the
  Administrationsgrundlag, a section name in »…« or "indledningen" the strategy and the Grøn garanti extracts.
  A reference that does not fit its document is not linked.
* The link goes to the most specific anchor that exists (:data:`ANKRE`): § 3, stk. 2, nr. 1 -> ``#p3-stk2-nr1``,
  else ``#p3-stk2``, else ``#p3``; stk. 1 is the § itself; pkt. 5 (Forsøgsmidler) -> ``#pkt5-forsoegsmidler``,
  else ``#pkt5``; a section name only when a heading with that anchor exists. When nothing fits, no link:
  the module never guesses.
* A list goes on with the same kind: "pkt. 1, 3 og 5", "s. 1–3", "§§ 11 og 13" link each number.
* A published document named without any reference that could be linked ("Bekendtgørelse nr. 314 af 30. marts
  2016 om …", "Landsbyggefonden: »Grøn garanti – jf. Boligaftale 2020«: »Fondens garanti …«") is linked as a
  whole to its page, as the guide pages do.

**Design: the anchors are data held here, kept equal to the pages by a test.** The calculators ship to the
browser as a standard-library-only package and cannot import ``build_scripts``, and choosing the most specific
anchor *that exists* needs the set of anchors (the scheme has gaps: stk. 1 is the § itself, only pkt. 5 has
sub-sections, a section name is an anchor only when it is a heading). So :data:`ANKRE` lists the anchors of each
page, and ``tests/calculators/test_kildehenvisning.py`` asserts that it equals what
``build_scripts.kildetekster.ankre`` gives the built pages (a changed page fails that test, which prints the new
value), and that every source text in ``calculators/data/*.toml`` is linked to an existing anchor or is listed
there as citing only sources outside /kilder/. :func:`henvisninger` takes the anchors as an argument, so a test
can pass others. Pure functions; the HTML is made in ``calculators.visning._html.kilde``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

__all__ = ["ANKRE", "Henvisning", "henvisninger", "slug"]

#: The anchors of each source page under /kilder/ (page slug -> anchor ids), as build_scripts/kildetekster.py
#: makes them. A test keeps this equal to ``kildetekster.ankre(side)``.
ANKRE: Mapping[str, frozenset[str]] = {
    "bek-314-2016": frozenset({
        "kap1", "p1", "p2", "definitioner", "p3", "p3-stk2", "p3-stk2-nr1", "p3-stk2-nr2", "kap2", "p4", "p4-stk2",
        "p4-stk3", "kap3", "p5", "p6", "p7", "p7-stk2", "p7-stk3", "p8", "p9", "p10", "p10-stk2", "p10-stk3", "p11",
        "p11-stk2", "kap4", "p12", "p12-stk2", "p12-stk2-nr1", "p12-stk2-nr2", "p13", "p14", "kap5", "p15",
        "p15-stk2", "kap6", "p16", "p16-stk2"
    }),
    "noegletal-notat": frozenset({
        "side1", "s1", "s2", "s3", "s4", "side2", "side3", "side4"
    }),
    "administrationsgrundlag": frozenset({
        "pkt1", "pkt2", "pkt3", "pkt4", "pkt5", "pkt5-investeringsrammemidler", "pkt5-forsoegsmidler", "pkt6", "pkt7",
        "pkt8", "pkt9", "dato"
    }),
    "digitaliseringsstrategi": frozenset({
        "indledning", "strategiens-formaal", "anvendelse-af-midler", "strategiens-overordnede-indhold", "projekterne",
        "dcab", "almen-byggeportal", "tilstandsmaerke-for-alment-byggeri", "justering-af-den-almene-kontoplan",
        "udviklingsprojekter", "organisering", "erfaringsopsamling-og-formidling", "tidsplan",
        "milepaele-paa-kort-sigt"
    }),
    "groen-garanti": frozenset({
        "indledning", "ansoegning-mv", "indgaaelse-af-aftale", "overvaagning-aktivering-og-evaluering",
        "sagsbehandling-i-fonden", "helhedsplan"
    }),
}

_BEK, _NOTAT, _GRUNDLAG, _STRATEGI, _GG = ANKRE


@dataclass(frozen=True)
class Henvisning:
    """``tekst[start:slut]`` points at ``/kilder/<side>/#<anker>`` (``anker`` empty: the page as a whole)."""

    start: int
    slut: int
    side: str
    anker: str = ""

    @property
    def maal(self) -> str:
        """The target below /kilder/, as a relative URL path with use_directory_urls: ``side/#anker``."""
        return f"{self.side}/" + (f"#{self.anker}" if self.anker else "")


def slug(tekst: str) -> str:
    """A heading as its anchor on the source pages: lower case, æ ø å spelt out, other characters as hyphens.

    >>> slug("Ansøgning mv."), slug("Milepæle på kort sigt")
    ('ansoegning-mv', 'milepaele-paa-kort-sigt')
    """
    tekst = tekst.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    return re.sub(r"[^a-z0-9]+", "-", tekst).strip("-")


# -- the scanner ------------------------------------------------------------------------------------------------
# One pattern, tried left to right; at one position the first alternative wins, so the published documents come
# before the general "BEK nr. N" and the Grøn garanti title before a section name in »…«. A document is a named
# group "d_<art>_<side>" (side "" for a document that is not published under /kilder/); "g_<art>" is a generic
# word for the last document of that kind; "r_<kind>" is a reference.
_DOK = {
    # published under /kilder/
    "d_bek_0": r"\b(?:BEK\.?|[Bb]ekendtgørelse)\s+nr\.?\s*314\b(?:\s+af\s+30(?:\.\s*marts\s+|/0?3/)2016|/2016)?",
    "d_notat_1": r"\b[Nn]otat(?:et)?\s+af\s+19\.\s*december\s+2016",
    "d_grundlag_2": r"\b[Aa]dministrationsgrundlag(?:et|ets)?(?:\s+for\s+Bæredygtighedspuljen)?",
    "d_strategi_3": r"\b[Ss]trategi(?:en|ens)?\s+for\s+digitalisering(?:\s+(?:af|i)\s+(?:den\s+)?almen[te]?\s+"
                    r"(?:byggeri|boligsektor))?",
    "d_gg_4": r"(?:Landsbyggefonden:\s*)?»?Grøn\s+garanti\s+–\s+jf\.\s+Boligaftale\s+2020«?",
    # not published there: what follows them is never linked
    "d_bek_": r"\b(?:BEK\.?|[Bb]ekendtgørelse)\s+nr\.?\s*\d+|\b(?:[Nn]øgletals|[Oo]phævelses)bekendtgørelse\w*",
    "d_lov_": r"\b[Aa]lmenboliglov\w*|\b[Ll]ov(?:en)?\s+om\s+\w+",
    "d_andet_": (r"\bBR\s?\d\d\b|\b[Bb]ygningsreglement\w*|\b[Dd]en\s+frivillige\s+bæredygtighedsklasse\w*"
                 r"|\b[Vv]ejledning\w*\s+nr\.?\s*\d+|\bRetsinformation\b|\bAlmen2tal\b|\blbf\.dk\b|\bLandsbyggefonden\w*"
                 r"|\b[Bb]ekendtgørelser\w*|\bnotater\b"),
}
_GENERISK = {
    "g_bek": r"\b[Bb]ekendtgørelse(?:n|ns)\b",
    "g_lov": r"\b[Ll]oven(?:s)?\b",
    "g_notat": r"\b[Nn]otat(?:et|ets)\b",
    "g_strategi": r"\b[Ss]trategien(?:s)?\b",
}
_REF = {
    "r_para": r"§§?\s*(?P<p>\d+)(?:,\s*stk\.\s*(?P<stk>\d+)(?:,\s*nr\.\s*(?P<nr>\d+))?)?",
    "r_kap": r"\b[Kk]ap(?:itel|\.)\s*(?P<kap>\d+)",
    "r_side": r"\bs\.\s*(?P<side>\d+)",
    "r_pkt": r"\bpkt\.\s*(?P<pkt>\d+)(?:\s*\((?P<under>[^()]*)\))?",
    "r_afsnit": r"»(?P<navn>[^»«]+)«",
    "r_indl": r"\bindledningen\b",
}
_MOENSTER = re.compile("|".join(f"(?P<{navn}>{m})" for navn, m in {**_DOK, **_GENERISK, **_REF}.items()))
#: A list goes on: ", 3", " og 5", "–3" right after a reference, ending where a number ends.
_FORTSAT = re.compile(r"(?:,\s*|\s+(?:og|eller)\s+|\s*[–-]\s*)(?P<tal>\d{1,3})(?![\d.,]\d)(?!\s*(?:år|kr|%|mio))")
_SIDER = tuple(ANKRE)


def _sti(navn: str) -> tuple[str, str | None]:
    """(art, side or None) of a document group name."""
    _, art, nr = navn.split("_")
    return art, (_SIDER[int(nr)] if nr else None)


def _kandidater(art: str, m: re.Match[str], side: str) -> list[str]:
    """The anchors a reference could mean on page ``side``, most specific first."""
    if art == "r_para" and side == _BEK:
        p, stk, nr = m.group("p"), m.group("stk"), m.group("nr")
        ud = []
        if stk and nr:
            ud.append(f"p{p}-stk{stk}-nr{nr}")
        if stk and stk != "1":
            ud.append(f"p{p}-stk{stk}")
        return [*ud, f"p{p}"]
    if art == "r_kap" and side == _BEK:
        return [f"kap{m.group('kap')}"]
    if art == "r_side" and side == _NOTAT:
        return [f"side{m.group('side')}"]
    if art == "r_pkt" and side == _GRUNDLAG:
        pkt = m.group("pkt")
        return ([f"pkt{pkt}-{slug(m.group('under'))}"] if m.group("under") else []) + [f"pkt{pkt}"]
    if art == "r_afsnit" and side in (_STRATEGI, _GG):
        return [slug(m.group("navn"))]
    if art == "r_indl" and side in (_STRATEGI, _GG):
        return ["indledning"]
    return []


def _fortsat_kandidater(art: str, m: re.Match[str], tal: str) -> list[str]:
    """The anchors of the next number of a list that began with reference ``m``."""
    if art == "r_para":
        p, stk, nr = m.group("p"), m.group("stk"), m.group("nr")
        if nr:
            return [f"p{p}-stk{stk}-nr{tal}", *([f"p{p}-stk{stk}"] if stk != "1" else []), f"p{p}"]
        if stk:
            return [f"p{p}"] if tal == "1" else [f"p{p}-stk{tal}", f"p{p}"]
        return [f"p{tal}"]
    if art == "r_side":
        return [f"side{tal}"]
    if art == "r_pkt":
        return [f"pkt{tal}"]
    if art == "r_kap":
        return [f"kap{tal}"]
    return []


def henvisninger(tekst: str, ankre: Mapping[str, frozenset[str]] = ANKRE) -> tuple[Henvisning, ...]:
    """The spans of ``tekst`` that point at a source text under /kilder/, in order (see the module docstring).

    >>> t = "Notat af 19. december 2016, s. 1–3; Nøgletalsbekendtgørelsens § 4, stk. 3, jf. notatet s. 4"
    >>> [(t[hv.start:hv.slut], hv.maal) for hv in henvisninger(t)]
    [('s. 1', 'noegletal-notat/#side1'), ('3', 'noegletal-notat/#side3'), ('s. 4', 'noegletal-notat/#side4')]
    >>> t = "Administrationsgrundlaget for Bæredygtighedspuljen, pkt. 6 (Ansøgerkreds) og pkt. 5 (Forsøgsmidler)"
    >>> [(t[hv.start:hv.slut], hv.anker) for hv in henvisninger(t)]
    [('pkt. 6', 'pkt6'), ('pkt. 5', 'pkt5-forsoegsmidler')]
    >>> henvisninger("BR15, bilag 6, tabel 1; BEK nr. 675 af 18. juni 2010, § 3")
    ()
    """
    ud: list[Henvisning] = []
    art_side: dict[str, str | None] = {}      # the last document named of each kind
    aktuel: str | None = None                 # the page references belong to now (None: unknown or unpublished)
    navngivet: tuple[int, int, str] | None = None   # the last published document named, until it gets a link
    pos = 0

    def tilfoej(start: int, slut: int, side: str, kandidater: list[str]) -> bool:
        nonlocal navngivet
        findes = ankre.get(side, frozenset())
        anker = next((a for a in kandidater if a in findes), None)
        if anker is None:
            return False
        ud.append(Henvisning(start, slut, side, anker))
        navngivet = None
        return True

    def afslut_dokument() -> None:
        # A published document named with no reference linked after it: link its name to the page.
        if navngivet is not None:
            ud.append(Henvisning(*navngivet))

    while m := _MOENSTER.search(tekst, pos):
        navn = m.lastgroup or ""
        pos = m.end()
        if navn.startswith("d_"):
            afslut_dokument()
            art, side = _sti(navn)
            art_side[art] = aktuel = side
            navngivet = (m.start(), m.end(), side) if side else None
        elif navn.startswith("g_"):
            art = navn[2:]
            afslut_dokument()
            navngivet = None
            aktuel = _NOTAT if art == "notat" else art_side.get(art)
        # "pkt. 5 (Forsøgsmidler)": the link is "pkt. 5", the words in brackets only choose the anchor.
        elif aktuel is not None and tilfoej(m.start(), m.end("pkt") if navn == "r_pkt" else m.end(), aktuel,
                                            _kandidater(navn, m, aktuel)):
            while f := _FORTSAT.match(tekst, pos):
                if not tilfoej(f.start("tal"), f.end("tal"), aktuel, _fortsat_kandidater(navn, m, f.group("tal"))):
                    break
                pos = f.end()
    afslut_dokument()
    return tuple(sorted(ud, key=lambda hv: hv.start))

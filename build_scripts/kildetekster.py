"""The source documents in ``kilder/`` as readable pages under ``/kilder/`` (the macro ``kildetekst``).

``kilder/*.txt`` are byte copies of text extracted from PDFs and web pages; the quote tests read the same files by
line number, so they are never edited. This module turns a line range of one of them into the body of a page:

* extraction noise goes: page headers and footers ("BEK nr 314 af 30/03/2016 1", "Side 2/4"), "Print Print icon"
  debris, the blank lines between every text line, figure text that has no meaning without the figure;
* a word split by the page layout is joined ("dokumenta-⏎tion"), a suspended compound keeps its hyphen
  ("Integrations- ⏎og"), runs of white space become one space;
* paragraphs, headings and list items are rebuilt, each numbered part with a **stable anchor** (the scheme is in
  docs/redaktoer.md, "Kildeteksterne under /kilder/"): BEK ``#p11``, ``#p3-stk2``, ``#p3-stk2-nr1``, ``#kap1``;
  the Administrationsgrundlag ``#pkt5``, ``#pkt5-forsoegsmidler``; the notat ``#s1``–``#s4`` and ``#side2``–``#side4``
  (where a page of the original begins); the strategy and the Grøn garanti extracts by heading
  (``#strategiens-formaal``, ``#sagsbehandling-i-fonden``).

Headings and anchors are fixed by line number in :data:`SIDER`: the files are pinned by SHA-256, so a line number
never moves. The wording is never changed; only LBF's Grøn garanti description is shown as extracts
(:data:`GROEN_GARANTI_UDDRAG`, citatretten in ophavsretsloven § 22), each located by its first and last words in
one line of the source, so a wrong line or a changed text stops the build.

Pure functions over the files; :func:`markdown` is what the macro returns.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

MAPPE = Path(__file__).resolve().parents[1] / "kilder"

FILER = {
    "A": "000_f40cb9c5af6f7efb.txt",   # Administrationsgrundlag (l. 1–430) and the strategy (l. 431–)
    "N": "001_826c626f960f7c82.txt",   # notat of 19.12.2016 on nøgletal
    "B": "003_d7c1ae64b813f3df.txt",   # BEK nr. 314 af 30/03/2016
    "G": "004_f5823218afdd4d3a.txt",   # LBF: Grøn garanti – jf. Boligaftale 2020
}

# Lines that are layout, not text, wherever they stand.
_STOEJ = re.compile(r"^(?:Print(?: Print icon)?|BEK nr \d+ af \d\d/\d\d/\d{4} \d+)$")
_SIDE = re.compile(r"^Side (\d+)/\d+\s+")            # "Side 2/4 med aflevering …": a page of the original begins
_PUNKT = re.compile(r"^(?:[\uf0b7•]\s*|- )")       # a bullet: Word's Symbol bullet, •, or "- "
_KAPITEL = re.compile(r"^Kapitel (\d+)$")
_PARAGRAF = re.compile(r"^§ (\d+)\.\s")
_STK = re.compile(r"^Stk\. (\d+)\.\s")
_NR = re.compile(r"^(\d+)\)\s")
_SLUT = re.compile(r"[.:!?][\"”»)]?$")
_MARKOER = re.compile(r"\x00side(\d+)\x00")


class Kildefejl(ValueError):
    """A page's set-up does not fit its source file (a wrong line number or words not found)."""


@cache
def linjer(bogstav: str) -> tuple[str, ...]:
    """The lines of one source document (its letter: A, N, B or G)."""
    return tuple((MAPPE / FILER[bogstav]).read_text(encoding="utf-8").splitlines())


def saml(stykker: Iterable[str]) -> str:
    """Lines of one paragraph as one clean text.

    A hyphen at a line end followed by a lower-case letter is the page layout and goes; a hyphen followed by a
    space is a suspended compound and stays; white space becomes single spaces.

    >>> saml(["dokumenta-", "tion af merinvesteringer"])
    'dokumentation af merinvesteringer'
    >>> saml(["Udlændinge-, Integrations- ", "og Boligministeriets"])
    'Udlændinge-, Integrations- og Boligministeriets'
    >>> saml(["BOSSINF-", "STB", "  mio.\\u00a0kr.  "])
    'BOSSINF-STB mio. kr.'
    """
    tekst = re.sub(r"(\w)-\n[ \t]*([a-zæøå])", r"\1\2", "\n".join(stykker))
    tekst = re.sub(r"(\w)-\n[ \t]*(?=[A-ZÆØÅ])", r"\1-", tekst)
    return re.sub(r"\s+", " ", tekst.replace("\u00a0", " ")).strip()


@dataclass
class Blok:
    """One block of a page: ``art`` is ``h2``, ``h3``, ``titel``, ``p``, ``li``, ``linjer`` or ``note``."""

    art: str
    stykker: list[str]
    id: str | None = None

    @property
    def tekst(self) -> str:
        return saml(self.stykker)


@dataclass(frozen=True)
class Opsaetning:
    """How one page is cut from its source: a line range and what the lines are (line numbers of the file)."""

    bogstav: str
    fra: int
    til: int
    lov: bool = False                         # a statute: Kapitel, §, Stk. and numbered items by pattern
    blanklinje_skiller: bool = False          # single-spaced source: a blank line ends a paragraph
    titel: tuple[int, int] | None = None
    overskrifter: dict[int, tuple[str, str]] = field(default_factory=dict)   # line -> (h2/h3, id)
    ider: dict[int, str] = field(default_factory=dict)     # the block that starts at this line gets this id
    linjeblokke: dict[int, int] = field(default_factory=dict)   # lines fra..til shown as lines (a letterhead)
    udelad: frozenset[int] = frozenset()      # layout debris that no pattern catches (see SIDER)
    noter: dict[int, str] = field(default_factory=dict)    # the site's own note after this line (Danish)


def _afslutter(forrige: str) -> bool:
    return bool(_SLUT.search(forrige.rstrip()))


def blokke(o: Opsaetning) -> list[Blok]:
    """The blocks of a page, in order (see the module docstring)."""
    alle = linjer(o.bogstav)
    if not 1 <= o.fra <= o.til <= len(alle):
        raise Kildefejl(f"{FILER[o.bogstav]} har {len(alle)} linjer, ikke {o.fra}–{o.til}")
    ud: list[Blok] = []
    aktuel: Blok | None = None
    forrige = ""             # the raw previous text line
    tomme = 0                # blank lines since it
    paragraf = stk = nr = 0
    spring_til = 0
    for nr_linje in range(o.fra, o.til + 1):
        if nr_linje <= spring_til or nr_linje in o.udelad:
            continue
        raa = alle[nr_linje - 1].replace("\u00a0", " ")
        s = raa.strip()
        if _STOEJ.match(s):
            continue
        if not s:
            tomme += 1
            continue
        markoer = ""
        if m := _SIDE.match(s):
            markoer, s = f"\x00side{m.group(1)}\x00", s[m.end():]
        t = raa.lstrip()[len(raa.strip()) - len(s):]     # the line without the "Side n/m" prefix, trailing space kept
        ny: Blok | None = None
        if nr_linje in o.overskrifter:
            niveau, id_ = o.overskrifter[nr_linje]
            ny = Blok(niveau, [t], id_)
        elif o.titel and o.titel[0] <= nr_linje <= o.titel[1]:
            if aktuel is not None and aktuel.art == "titel":
                aktuel.stykker.append(t)
            else:
                ny = Blok("titel", [t])
        elif nr_linje in o.linjeblokke:
            stykker = [alle[i - 1].strip() for i in range(nr_linje, o.linjeblokke[nr_linje] + 1)]
            ny = Blok("linjer", [x for x in stykker if x])
            spring_til = o.linjeblokke[nr_linje]
        elif o.lov and (m := _KAPITEL.match(s)):
            efter = next(i for i in range(nr_linje + 1, o.til + 1) if alle[i - 1].strip())
            ny = Blok("h2", [f"{s}. {alle[efter - 1].strip()}"], f"kap{m.group(1)}")
            spring_til = efter
        elif o.lov and (m := _PARAGRAF.match(s)):
            paragraf, stk, nr = int(m.group(1)), 1, 0
            ny = Blok("p", [t], f"p{paragraf}")
        elif o.lov and paragraf and (m := _STK.match(s)):
            stk, nr = int(m.group(1)), 0
            ny = Blok("p", [t], f"p{paragraf}-stk{stk}")
        elif o.lov and paragraf and (m := _NR.match(s)):
            nr = int(m.group(1))
            ny = Blok("p", [t], f"p{paragraf}-stk{stk}-nr{nr}")
        elif m := _PUNKT.match(s):
            ny = Blok("li", [t[m.end():]])
        elif aktuel is None or aktuel.art not in ("p", "li", "titel"):
            ny = Blok("p", [t])
        else:
            bindestreg = forrige.endswith("-") and not forrige.endswith(" -")
            smaat = s[0].islower()
            if o.blanklinje_skiller or aktuel.art == "titel":
                brud = (tomme > 0 or aktuel.art == "titel") and not (bindestreg or (smaat and not _afslutter(forrige)))
            else:
                brud = tomme >= 2 and not (bindestreg or smaat)
            brud = brud or (_afslutter(forrige) and s[0].isupper())
            if brud:
                ny = Blok("p", [t])
            else:
                aktuel.stykker.append(markoer + t)
        if ny is not None:
            if markoer:
                ny.stykker[0] = markoer + ny.stykker[0]
            if nr_linje in o.ider:
                ny.id = o.ider[nr_linje]
            ud.append(ny)
            aktuel = ny if ny.art in ("p", "li", "titel") else None
        forrige, tomme = (alle[spring_til - 1] if spring_til >= nr_linje else t).rstrip(), 0
        if nr_linje in o.noter:
            ud.append(Blok("note", [o.noter[nr_linje]]))
            aktuel = None
    return ud


def _inline(tekst: str) -> str:
    """A block's text as HTML: escaped, the page markers as anchors, § and Stk. in bold.

    >>> _inline("§ 3. Ved <x> & y")
    '<strong>§ 3.</strong> Ved &lt;x&gt; &amp; y'
    >>> _inline("\\x00side2\\x00med aflevering")
    '<span class="lbf-kildeside" id="side2">[s. 2]</span> med aflevering'
    """
    tekst = html.escape(tekst, quote=False)
    tekst = re.sub(r"^(§ \d+\.|Stk\. \d+\.)", r"<strong>\1</strong>", tekst)
    tekst = _MARKOER.sub(lambda m: f'<span class="lbf-kildeside" id="side{m.group(1)}">[s. {m.group(1)}]</span> ',
                         tekst)
    return tekst.replace("  ", " ").strip()


def _md_overskrift(tekst: str) -> str:
    return re.sub(r"([\\`*_{}\[\]<>#])", r"\\\1", tekst)


def html_af(bl: list[Blok]) -> str:
    """The blocks as Markdown: headings in Markdown (they reach the table of contents), the rest as HTML."""
    ud: list[str] = []
    liste: list[str] = []

    def luk_liste() -> None:
        if liste:
            ud.append("<ul>\n" + "\n".join(liste) + "\n</ul>")
            liste.clear()

    for b in bl:
        attr = f' id="{b.id}"' if b.id else ""
        if b.art == "li":
            liste.append(f"<li{attr}>{_inline(b.tekst)}</li>")
            continue
        luk_liste()
        if b.art in ("h2", "h3"):
            hashes = "##" if b.art == "h2" else "###"
            ud.append(f"{hashes} {_md_overskrift(b.tekst)} {{#{b.id}}}" if b.id else f"{hashes} {b.tekst}")
        elif b.art == "titel":
            ud.append(f'<p class="lbf-kildetitel"{attr}><strong>{_inline(b.tekst)}</strong></p>')
        elif b.art == "linjer":
            ud.append(f"<p{attr}>" + "<br>\n".join(_inline(saml([x])) for x in b.stykker) + "</p>")
        elif b.art == "note":
            ud.append(f'<p class="lbf-kildenote"><em>[{html.escape(b.tekst, quote=False)}]</em></p>')
        else:
            ud.append(f"<p{attr}>{_inline(b.tekst)}</p>")
    luk_liste()
    return "\n\n".join(ud) + "\n"


# --- the pages -----------------------------------------------------------------------------------------------

_FIGUR_NOTE = "{} er en illustration i originalen og er ikke gengivet her."

SIDER: dict[str, Opsaetning] = {
    "bek-314-2016": Opsaetning(
        "B", 1, 137, lov=True, blanklinje_skiller=True, titel=(1, 2),
        overskrifter={18: ("h3", "definitioner")}),
    "noegletal-notat": Opsaetning(
        "N", 1, 278,
        linjeblokke={9: 17}, ider={9: "side1"},
        overskrifter={19: ("h2", "s1"), 53: ("h2", "s2"), 124: ("h2", "s3"), 193: ("h2", "s4")}),
    "administrationsgrundlag": Opsaetning(
        "A", 1, 430, titel=(1, 1),
        overskrifter={5: ("h2", "pkt1"), 45: ("h2", "pkt2"), 78: ("h2", "pkt3"), 123: ("h2", "pkt4"),
                      152: ("h2", "pkt5"), 154: ("h3", "pkt5-investeringsrammemidler"),
                      221: ("h3", "pkt5-forsoegsmidler"), 314: ("h2", "pkt6"), 338: ("h2", "pkt7"),
                      377: ("h2", "pkt8"), 406: ("h2", "pkt9")},
        linjeblokke={422: 422}, ider={422: "dato"},
        # l. 426–428 "Sag nr.: Klik her for at angive tekst." is an unfilled field of the Word template.
        udelad=frozenset({426, 428})),
    "digitaliseringsstrategi": Opsaetning(
        "A", 431, 1136, titel=(460, 460),
        ider={463: "indledning"},
        overskrifter={550: ("h2", "strategiens-formaal"), 627: ("h2", "anvendelse-af-midler"),
                      657: ("h2", "strategiens-overordnede-indhold"), 744: ("h2", "projekterne"),
                      855: ("h3", "dcab"), 875: ("h3", "almen-byggeportal"),
                      892: ("h3", "tilstandsmaerke-for-alment-byggeri"),
                      908: ("h3", "justering-af-den-almene-kontoplan"), 942: ("h3", "udviklingsprojekter"),
                      966: ("h2", "organisering"), 1031: ("h2", "erfaringsopsamling-og-formidling"),
                      1049: ("h2", "tidsplan"), 1102: ("h3", "milepaele-paa-kort-sigt")},
        # l. 432–434: the running header "/Strategi for digitalisering i den almene boligsektor";
        # l. 887 the caption of figure 1 (it stands inside a paragraph); l. 1068 the year labels of the
        # time line; l. 1136 "DCAB lan-", a word cut off inside a figure.
        udelad=frozenset({432, 434, 887, 1068, 1136}),
        noter={811: _FIGUR_NOTE.format("Figur 1, »Oversigt over initiativer«,"),
               1064: _FIGUR_NOTE.format("Tidslinjen")}),
}

# LBF's own text: only the passages the site relies on (citatretten, ophavsretsloven § 22).
# (anchor, heading, ((line, first words, last words), …)); the headings are the source's own, except
# »Indledning« (the opening paragraphs have none).
GROEN_GARANTI_UDDRAG: tuple[tuple[str, str, tuple[tuple[int, str, str], ...]], ...] = (
    ("indledning", "Indledning", (
        (7, "Landsbyggefonden etablerer", "Grøn boligaftale 2020."),
        (9, "Ordningen finansierer ikke", "energibesparende arbejder."),
        (11, "Boligorganisationer har mulighed", "i nærmere bestemt omfang."),
        (11, "Hvis den beregnede besparelse ikke opnås", "maksimalt 10 år."),
        (15, "Fra 1. oktober 2021", "ansøge om Grøn garanti."),
        (17, "Landsbyggefonden kan yde garanti", "tab på aktiverede garantier."),
    )),
    ("ansoegning-mv", "Ansøgning mv.", (
        (21, "I første fase fastsættes derfor", "højere energiforbrug."),
        (25, "Baseline for energiforbrug", "(indledende)."),
        (27, "Periode:", "frem til ansøgning."),
    )),
    ("indgaaelse-af-aftale", "Indgåelse af aftale", (
        (43, "Der opstilles en samlet", "godkendt energikonsulent."),
    )),
    ("overvaagning-aktivering-og-evaluering", "Overvågning, aktivering og evaluering", (
        (66, "Årlig evaluering", "korrigerende tiltag."),
    )),
    ("sagsbehandling-i-fonden", "Sagsbehandling i fonden", (
        (70, "Der ses endvidere", "lang tilbagebetalingstid."),
        (72, "Landsbyggefonden prioriterer", "og kommunen."),
    )),
    ("helhedsplan", "Ordforklaringer: Helhedsplan", (
        (85, "Det er en forudsætning", "pågældende boligområde."),
    )),
)


def uddrag(bogstav: str, linje: int, fra: str, til: str) -> str:
    """The words of line ``linje`` from ``fra`` to the end of ``til``, as in the source.

    >>> uddrag("G", 15, "Fra 1. oktober", "Grøn garanti.")
    'Fra 1. oktober 2021 vil det være muligt at ansøge om Grøn garanti.'
    """
    tekst = saml([linjer(bogstav)[linje - 1]])
    start = tekst.find(fra)
    slut = tekst.find(til, max(start, 0))
    if start < 0 or slut < 0:
        raise Kildefejl(f"{FILER[bogstav]} l. {linje}: »{fra}« … »{til}« står ikke i linjen")
    return tekst[start:slut + len(til)]


def uddrag_markdown() -> str:
    """The Grøn garanti page's extracts, each a quotation under its section's heading."""
    ud: list[str] = []
    for id_, overskrift, stykker in GROEN_GARANTI_UDDRAG:
        ud.append(f"## {_md_overskrift(overskrift)} {{#{id_}}}")
        for linje, fra, til in stykker:
            ud.append(f"<blockquote><p>»{html.escape(uddrag('G', linje, fra, til), quote=False)}«</p></blockquote>")
    return "\n\n".join(ud) + "\n"


def markdown(navn: str) -> str:
    """The body of page ``navn`` (a key of :data:`SIDER`, or ``groen-garanti``) as Markdown."""
    if navn == "groen-garanti":
        return uddrag_markdown()
    if navn not in SIDER:
        raise Kildefejl(f"ukendt kildetekst »{navn}« (kendte: {', '.join([*SIDER, 'groen-garanti'])})")
    return html_af(blokke(SIDER[navn]))


def ankre(navn: str) -> list[str]:
    """Every anchor page ``navn`` gets, in order.

    >>> ankre("bek-314-2016")[:4]
    ['kap1', 'p1', 'p2', 'definitioner']
    """
    if navn == "groen-garanti":
        return [id_ for id_, _, _ in GROEN_GARANTI_UDDRAG]
    ider = [b.id for b in blokke(SIDER[navn]) if b.id]
    ider += [f"side{m}" for m in _MARKOER.findall("".join(s for b in blokke(SIDER[navn]) for s in b.stykker))]
    return ider

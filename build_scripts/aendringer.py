"""What has changed on the site, and when: the page »Ændringer« and the Atom feed ``aendringer.xml``.

Two sources, one list:

* **Corrections written on a page.** A page's front matter may carry a change log::

      aendringer:
        - dato: 2026-11-30
          tekst: "Rettet: … (kort: hvad er ændret og hvorfor)"

  :func:`fra_sider` reads it and stops the build on a slip (no or a wrong ``dato``, an empty ``tekst``, an
  unknown key, a date after today) with the file, the line and the fix, in Danish (:class:`Aendringsfejl`).
* **Dated rule versions in the data.** Any table anywhere in ``calculators/data/*.toml`` (also an item of an array of
  tables, such as ``[[kalkulationsrente.versioner]]``) with a key ``gyldig_fra`` is one dated version of a rule
  value: it has a ``kilde``, may have ``gyldig_til`` (inclusive) and a ``betegnelse``. :func:`versioner` finds them;
  each gives an entry on its ``gyldig_fra`` (»gældende fra …«) and, if set, one on its ``gyldig_til`` (»gælder ikke
  længere efter …«; :func:`fra_regler`). An entry dated after today (a version not yet in force, or the end of one
  that still is) is *kommende*: the page lists it under »Kommende«, the feed leaves it out until the first build on
  or after its date (a feed announces what has happened, and its ``updated`` must not lie in the future).

"Today" is :func:`build_scripts.udgivelse.i_dag` (``LBF_I_DAG`` in tests). Pure functions over texts and dicts; the
macro (:mod:`build_scripts.makroer`) and the hook (``build_scripts/hooks/aendringer.py``) only wire them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import posixpath
import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml
from mkdocs.utils.meta import YAML_RE, get_data

from calculators.sideformater import dato as vis_dato

__all__ = ["FEED_NAVN", "REGELSIDER", "Aendring", "Aendringsfejl", "Samling", "Version", "atom", "fra_regler",
           "fra_sider", "linjer", "markdown", "samle", "sider", "versioner"]

FEED_NAVN = "aendringer.xml"
SIDE = "aendringer.md"
NOEGLE = "aendringer"
FELTER = ("dato", "tekst")
VEJLEDNING = "Se »Ændringer og feed« i docs/redaktoer.md."
# The guide page(s) that present a rule file (calculators/data/<navn>.toml); a file not named here links nowhere.
REGELSIDER: dict[str, tuple[str, ...]] = {
    "noegletal": ("noegletal/index.md",),
    "merinvestering": ("merinvestering/index.md",),
    "baeredygtighedspuljen": ("baeredygtighedspuljen/index.md",),
    "ansoegningsrunder": ("baeredygtighedspuljen/index.md",),
    "groen_garanti": ("groen-garanti/index.md",),
    "tilgaengelighed": ("tilgaengelighed.md",),
}
# A rule file's own name, for a version at the top of the file that has no »betegnelse«.
FILBETEGNELSER = {
    "noegletal": "Reglerne om nøgletal",
    "merinvestering": "Reglerne om totaløkonomiske merinvesteringer",
    "baeredygtighedspuljen": "Bæredygtighedspuljen",
    "ansoegningsrunder": "Reglerne for ansøgningsrunder i Bæredygtighedspuljen",
    "groen_garanti": "Grøn garanti",
}
TZ = ZoneInfo("Europe/Copenhagen")
ATOM = "http://www.w3.org/2005/Atom"
XML = "http://www.w3.org/XML/1998/namespace"
# Fixed namespace: an entry's id is uuid5(NAVNERUM, its page or rule path + date + text), the same in every build.
NAVNERUM = uuid.UUID("3b0c7d52-8f1e-5a49-b6d2-7c4e91a0f5e3")
_BAR_NOEGLE = re.compile(r"[A-Za-z0-9_-]+")


class Aendringsfejl(ValueError):
    """A change entry an editor must fix; the message names the file, the line when known, and the fix."""


@dataclasses.dataclass(frozen=True)
class Aendring:
    """One entry of the list: a correction on a page, or a rule version coming into force or ending."""

    dato: dt.date
    tekst: str               # the sentence the page and the feed show
    overskrift: str          # short: the feed entry's title after the topic
    emne: str                # the title of the page it concerns, or the rule file
    sider: tuple[str, ...]   # the pages it concerns (src_uri under docs/), first the main one; may be empty
    noegle: str              # where it comes from: "side:noegletal/index.md" or "regel:noegletal:roller.bygherre"

    @property
    def id(self) -> str:
        """``urn:uuid:…`` from where the entry comes from, its date and its text: stable between builds."""
        return uuid.uuid5(NAVNERUM, f"{self.noegle}\n{self.dato.isoformat()}\n{self.tekst}").urn


@dataclasses.dataclass(frozen=True)
class Version:
    """One dated version of a rule value in a rule file."""

    fil: str                  # "noegletal" for calculators/data/noegletal.toml
    sti: str                  # the key path, e.g. "roller.entreprenoer" or "kalkulationsrente.versioner[1]"
    betegnelse: str
    gyldig_fra: dt.date
    gyldig_til: dt.date | None
    kilde: str


@dataclasses.dataclass(frozen=True)
class Samling:
    """The entries up to today (newest first) and the coming ones (soonest first)."""

    aendringer: tuple[Aendring, ...]
    kommende: tuple[Aendring, ...]


def _er_dato(v: Any) -> bool:
    return isinstance(v, dt.date) and not isinstance(v, dt.datetime)


def _stor(s: str) -> str:
    return s[:1].upper() + s[1:]


def _punktum(s: str) -> str:
    return s if s.endswith((".", "!", "?")) else s + "."


# -- corrections in the pages' front matter -----------------------------------------------------------
def linjer(kildetekst: str) -> dict[str, int]:
    """The file line of ``aendringer``, of each entry and of each entry's keys, when the front matter parses.

    >>> linjer("---\\ntitle: T\\naendringer:\\n  - dato: 2026-11-30\\n    tekst: x\\n---\\n# T\\n")
    {'aendringer': 3, 'aendringer[0]': 4, 'aendringer[0].dato': 4, 'aendringer[0].tekst': 5}
    """
    m = YAML_RE.match(kildetekst)
    if not m:
        return {}
    foerste = kildetekst.count("\n", 0, m.start(1)) + 1
    try:
        rod = yaml.compose(m.group(1), Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return {}
    ud: dict[str, int] = {}
    if not isinstance(rod, yaml.MappingNode):
        return ud
    for k, v in rod.value:
        if k.value != NOEGLE:
            continue
        ud[NOEGLE] = foerste + k.start_mark.line
        if isinstance(v, yaml.SequenceNode):
            for i, post in enumerate(v.value):
                ud[f"{NOEGLE}[{i}]"] = foerste + post.start_mark.line
                if isinstance(post, yaml.MappingNode):
                    for pk, _ in post.value:
                        ud[f"{NOEGLE}[{i}].{pk.value}"] = foerste + pk.start_mark.line
    return ud


def _fejl_i_post(post: Any, dag: dt.date) -> list[tuple[str, str]]:
    """``(key, problem)`` for everything wrong with one entry (key "" for the entry as a whole)."""
    if not isinstance(post, dict):
        return [("", f"en ændring skal have »dato« og »tekst« på hver sin linje, fik {post!r}. Skriv den som "
                     "»- dato: 2026-11-30« og på linjen under »  tekst: \"Rettet: …\"«.")]
    fejl = [(str(k), f"ukendt nøgle »{k}« (kendte: {', '.join(FELTER)}). Ret stavemåden, eller flyt teksten til "
                     "»tekst«.") for k in post if k not in FELTER]
    d = post.get("dato")
    if d is None:
        fejl.append(("", "»dato« mangler. Skriv den dag, ændringen blev lavet, som åååå-mm-dd uden anførselstegn, "
                         "fx »dato: 2026-11-30«."))
    elif not _er_dato(d):
        fejl.append(("dato", f"»dato« skal være en dato skrevet åååå-mm-dd uden anførselstegn, fx 2026-11-30, "
                             f"fik {d!r}."))
    elif d > dag:
        fejl.append(("dato", f"»dato« ({vis_dato(d)}) ligger efter i dag ({vis_dato(dag)}). Skriv den dag, "
                             "ændringen blev lavet; en kommende regel hører til i datafilerne (gyldig_fra)."))
    t = post.get("tekst")
    if t is None or (isinstance(t, str) and not t.strip()):
        fejl.append(("tekst" if t is not None else "", "»tekst« mangler eller er tom. Skriv kort, hvad der er "
                                                       "ændret og hvorfor, fx »tekst: \"Rettet: …\"«."))
    elif not isinstance(t, str):
        fejl.append(("tekst", f"»tekst« skal være en tekst i anførselstegn, fik {t!r}."))
    return fejl


def fra_side(side: str, kildetekst: str, dag: dt.date) -> list[Aendring]:
    """The change log in one page's front matter; :class:`Aendringsfejl` names every slip with file and line.

    >>> tekst = '---\\ntitle: Nøgletal\\naendringer:\\n  - dato: 2026-11-30\\n    tekst: "Rettet: x."\\n---\\n'
    >>> [(a.dato, a.emne, a.tekst) for a in fra_side("noegletal/index.md", tekst, dt.date(2026, 11, 30))]
    [(datetime.date(2026, 11, 30), 'Nøgletal', 'Rettet: x.')]
    """
    _, meta = get_data(kildetekst)
    if meta.get(NOEGLE) is None:
        return []
    poster = meta[NOEGLE]
    steder = linjer(kildetekst)

    def hvor(noegle: str) -> str:
        n = steder.get(noegle)
        return f"docs/{side}" + (f", linje {n}" if n else "")

    if not isinstance(poster, list):
        raise Aendringsfejl(f"{hvor(NOEGLE)}: »{NOEGLE}« skal være en liste af ændringer, hver med »- dato:« og "
                            "»tekst:«. " + VEJLEDNING)
    fejl = []
    set_: set[tuple[Any, str]] = set()
    for i, post in enumerate(poster):
        problemer = _fejl_i_post(post, dag)
        if not problemer:
            if (post["dato"], post["tekst"].strip()) in set_:
                problemer.append(("", "samme dato og tekst står to gange. Slet den ene."))
            set_.add((post["dato"], post["tekst"].strip()))
        for noegle, problem in problemer:
            sted = hvor(f"{NOEGLE}[{i}].{noegle}" if noegle and f"{NOEGLE}[{i}].{noegle}" in steder
                        else f"{NOEGLE}[{i}]")
            fejl.append(f"{sted}: ændring nr. {i + 1} i »{NOEGLE}«: {problem}")
    if fejl:
        raise Aendringsfejl("\n".join(fejl))
    titel = t if isinstance(t := meta.get("title"), str) else side
    return [Aendring(dato=p["dato"], tekst=_punktum(" ".join(p["tekst"].split())),
                     overskrift=" ".join(p["tekst"].split()), emne=titel, sider=(side,), noegle=f"side:{side}")
            for p in poster]


def sider(files: Any) -> dict[str, str]:
    """src_uri → source text of every page of a MkDocs ``Files`` collection, read from disk (the macro and the hook
    need every page's front matter, whatever order MkDocs reads the pages in)."""
    return {f.src_uri: Path(f.abs_src_path).read_text(encoding="utf-8-sig")
            for f in files.documentation_pages() if f.abs_src_path}


def fra_sider(sider: Mapping[str, str], dag: dt.date) -> list[Aendring]:
    """Every page's change log (``sider``: src_uri → the page's source text); every slip in one message."""
    ud: list[Aendring] = []
    fejl: list[str] = []
    for side in sorted(sider):
        try:
            ud += fra_side(side, sider[side], dag)
        except Aendringsfejl as e:
            fejl.append(str(e))
    if fejl:
        raise Aendringsfejl("\n".join(fejl))
    return ud


# -- dated versions in the rule data --------------------------------------------------------------------
def _sti(dele: Sequence[str | int]) -> str:
    ud = ""
    for d in dele:
        if isinstance(d, int):
            ud += f"[{d}]"
        else:
            ud += ("." if ud else "") + (d if _BAR_NOEGLE.fullmatch(d) else f'"{d}"')
    return ud


def _uden_versioner(dele: Sequence[str | int]) -> list[str | int]:
    """The path of the value a version belongs to: a trailing ``versioner[i]`` removed."""
    dele = list(dele)
    if len(dele) >= 2 and dele[-2] == "versioner" and isinstance(dele[-1], int):
        dele = dele[:-2]
    return dele


def versioner(fil: str, data: Mapping[str, Any]) -> list[Version]:
    """Every table with ``gyldig_fra`` in the rule file ``fil``, in file order; :class:`Aendringsfejl` when one
    lacks its source or has a date that is not a date.

    A version without ``betegnelse`` is named by its key path (a trailing ``versioner[i]`` left out) and the
    nearest ancestor's ``betegnelse``; one at the top of the file by the file (:data:`FILBETEGNELSER`):

    >>> data = {"delpuljer": {"investeringsramme": {"betegnelse": "Investeringsrammemidler", "aarsramme": [
    ...     {"gyldig_fra": dt.date(2021, 1, 1), "gyldig_til": dt.date(2025, 12, 31), "kilde": "pkt. 5"},
    ...     {"gyldig_fra": dt.date(2026, 1, 1), "kilde": "pkt. 5"}]}},
    ...     "kalkulationsrente": {"versioner": [{"gyldig_fra": dt.date(2021, 1, 18), "kilde": "tabel 6"}]}}
    >>> [(v.sti, v.betegnelse) for v in versioner("x", data)]  # doctest: +NORMALIZE_WHITESPACE
    [('delpuljer.investeringsramme.aarsramme[0]', 'Investeringsrammemidler (delpuljer.investeringsramme.aarsramme[0])'),
     ('delpuljer.investeringsramme.aarsramme[1]', 'Investeringsrammemidler (delpuljer.investeringsramme.aarsramme[1])'),
     ('kalkulationsrente.versioner[0]', 'kalkulationsrente')]
    """
    ud: list[Version] = []
    fejl: list[str] = []

    def navn(v: Mapping[str, Any], dele: list[str | int], forfader: tuple[int, str] | None) -> str:
        egen = v.get("betegnelse")
        if isinstance(egen, str) and egen.strip():
            return " ".join(egen.split())
        vaerdi = _uden_versioner(dele)
        if forfader is None:
            return _sti(vaerdi) or FILBETEGNELSER.get(fil, f"{fil}.toml")
        dybde, betegnelse = forfader
        return betegnelse if len(vaerdi) <= dybde else f"{betegnelse} ({_sti(vaerdi)})"

    def gaa(v: Any, dele: list[str | int], forfader: tuple[int, str] | None) -> None:
        if isinstance(v, list):
            for i, u in enumerate(v):
                gaa(u, [*dele, i], forfader)
            return
        if not isinstance(v, dict):
            return
        if "gyldig_fra" in v:
            hvor = f"calculators/data/{fil}.toml: »{_sti(dele) or '(øverst i filen)'}«"
            fra, til, kilde = v["gyldig_fra"], v.get("gyldig_til"), v.get("kilde")
            problemer = []
            if not _er_dato(fra):
                problemer.append(f"»gyldig_fra« skal være en dato skrevet åååå-mm-dd uden anførselstegn, fik {fra!r}")
            if til is not None and not _er_dato(til):
                problemer.append(f"»gyldig_til« skal være en dato skrevet åååå-mm-dd uden anførselstegn, fik {til!r}")
            if not isinstance(kilde, str) or not kilde.strip():
                problemer.append("en dateret regel skal have sin »kilde« (tekst), fx kilde = \"BEK nr. 314, § 3\"")
            if problemer:
                fejl.append(f"{hvor}: " + "; ".join(problemer) + ".")
            else:
                assert isinstance(kilde, str)
                ud.append(Version(fil=fil, sti=_sti(dele), betegnelse=navn(v, dele, forfader), gyldig_fra=fra,
                                  gyldig_til=til, kilde=" ".join(kilde.split())))
        egen = v.get("betegnelse")
        if isinstance(egen, str) and egen.strip():
            forfader = (len(dele), " ".join(egen.split()))
        for k, u in v.items():
            gaa(u, [*dele, k], forfader)

    gaa(dict(data), [], None)
    if fejl:
        raise Aendringsfejl("\n".join(fejl))
    return ud


def fra_regler(alle: Iterable[Version], sidetitler: Mapping[str, str]) -> list[Aendring]:
    """Each version's entries: in force from ``gyldig_fra``; no longer in force after ``gyldig_til``, if set.

    Whether an entry has happened is :func:`samle`'s business (it compares with today).

    >>> v = Version(fil="noegletal", sti="roller.bygherre", betegnelse="bygherre", gyldig_fra=dt.date(2010, 1, 1),
    ...             gyldig_til=dt.date(2015, 10, 31), kilde="Notatet, s. 3")
    >>> [(a.dato.isoformat(), a.emne, a.tekst) for a in fra_regler([v], {"noegletal/index.md": "Nøgletal"})]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('2010-01-01', 'Nøgletal', 'Bygherre: gældende fra 1. januar 2010 (kilde: Notatet, s. 3).'),
     ('2015-10-31', 'Nøgletal', 'Bygherre: gælder ikke længere efter 31. oktober 2015 (kilde: Notatet, s. 3).')]
    """
    ud = []
    for v in alle:
        sider = REGELSIDER.get(v.fil, ())
        emne = sidetitler.get(sider[0], v.fil) if sider else f"Datafilen {v.fil}.toml"
        noegle = f"regel:{v.fil}:{v.sti}"
        datoer = [(v.gyldig_fra, f"{_stor(v.betegnelse)}: gældende fra {vis_dato(v.gyldig_fra)}")]
        if v.gyldig_til is not None:
            datoer.append((v.gyldig_til, f"{_stor(v.betegnelse)}: gælder ikke længere efter {vis_dato(v.gyldig_til)}"))
        ud += [Aendring(dato=d, tekst=f"{overskrift} (kilde: {v.kilde}).", overskrift=overskrift, emne=emne,
                        sider=sider, noegle=noegle) for d, overskrift in datoer]
    return ud


def _orden(a: Aendring) -> tuple[int, str, str, str]:
    """Newest first; on one day by topic and text, so the order never depends on the order files are read in."""
    return (-a.dato.toordinal(), a.emne, a.tekst, a.noegle)


def samle(sider: Mapping[str, str], regler: Mapping[str, Mapping[str, Any]], dag: dt.date) -> Samling:
    """Every entry from the pages (src_uri → source text) and the rule files (name → parsed TOML), split at ``dag``.

    :class:`Aendringsfejl` when a page's change log or a rule version is wrong, or a rule file's page is missing.
    """
    fejl = []
    fra_front_matter: list[Aendring] = []
    try:
        fra_front_matter = fra_sider(sider, dag)
    except Aendringsfejl as e:
        fejl.append(str(e))
    alle_versioner: list[Version] = []
    for navn in sorted(regler):
        try:
            alle_versioner += versioner(navn, regler[navn])
        except Aendringsfejl as e:
            fejl.append(str(e))
    mangler = sorted({s for navn in regler for s in REGELSIDER.get(navn, ()) if s not in sider})
    fejl += [f"build_scripts/aendringer.py: REGELSIDER nævner siden »{s}«, som ikke findes under docs/. Ret "
             "navnet i REGELSIDER." for s in mangler]
    if fejl:
        raise Aendringsfejl("\n".join(fejl))
    titler = {s: t for s, tekst in sider.items() if isinstance(t := get_data(tekst)[1].get("title"), str)}
    alle = fra_front_matter + fra_regler(alle_versioner, titler)
    return Samling(aendringer=tuple(sorted((a for a in alle if a.dato <= dag), key=_orden)),
                   kommende=tuple(sorted((a for a in alle if a.dato > dag), key=lambda a: (a.dato, *_orden(a)[1:]))))


# -- the page ------------------------------------------------------------------------------------------------
def _link(side: str, fra: str, emne: str) -> str:
    rel = posixpath.relpath(side, posixpath.dirname(fra) or ".")
    return f"[{emne}]({rel})"


def _punkt(a: Aendring, fra: str) -> str:
    hvad = _link(a.sider[0], fra, a.emne) if a.sider else a.emne
    return f"- **{vis_dato(a.dato)}** · {hvad}: {a.tekst}"


def markdown(samling: Samling, fra: str = SIDE, feed_href: str | None = None) -> str:
    """The list as Markdown for the page ``fra`` (src_uri): the feed, »Kommende«, then each year, newest first.

    ``feed_href`` is the feed's address relative to the page; it is written as raw HTML, because the feed is
    written after the pages (MkDocs would report a Markdown link to it as missing).
    """
    ud = []
    if feed_href:
        ud += [f'<p class="lbf-feed"><strong>Feed:</strong> <a href="{feed_href}" type="application/atom+xml">'
               "Abonnér på ændringerne (Atom-feed, aendringer.xml)</a> i en feedlæser eller et mailprogram, der kan "
               "læse feeds. Feedet har de samme ændringer som listen herunder. De kommende kommer med, når dagen er "
               "kommet.</p>", ""]
    ud += ["## Kommende {#kommende}", ""]
    if samling.kommende:
        ud += [_punkt(a, fra) for a in samling.kommende] + [""]
    else:
        ud += ["Datafilerne har ingen regler, der først gælder fra en senere dato.", ""]
    aar = None
    for a in samling.aendringer:
        if a.dato.year != aar:
            aar = a.dato.year
            ud += ["", f"## {aar} {{#aar-{aar}}}", ""]
        ud.append(_punkt(a, fra))
    if not samling.aendringer:
        ud += ["## Ændringer {#aendringer}", "", "Der er endnu ingen ændringer i listen."]
    return "\n".join(ud) + "\n"


# -- the feed ------------------------------------------------------------------------------------------------
def tidspunkt(d: dt.date) -> str:
    """Midnight in Copenhagen as an RFC 3339 date-time (Atom's date construct).

    >>> tidspunkt(dt.date(2026, 11, 30)), tidspunkt(dt.date(2026, 7, 1))
    ('2026-11-30T00:00:00+01:00', '2026-07-01T00:00:00+02:00')
    """
    return dt.datetime(d.year, d.month, d.day, tzinfo=TZ).isoformat()


def atom(aendringer: Sequence[Aendring], *, titel: str, forfatter: str, url: Callable[[str], str],
         site_url: str = "", opdateret: dt.date | None = None) -> bytes:
    """The entries as an Atom 1.0 feed (RFC 4287), UTF-8, the same bytes for the same input.

    ``url(src_uri)`` is a page's address relative to the site root (the feed lies there too), so the links work
    without ``site_url``; with it, ``xml:base`` makes them absolute. The feed's ``updated`` is the newest entry's
    date (``opdateret`` when there is none), never the time of the build.
    """
    ET.register_namespace("", ATOM)

    def el(op: ET.Element, navn: str, tekst: str | None = None, **attr: str) -> ET.Element:
        e = ET.SubElement(op, f"{{{ATOM}}}{navn}", attr)
        if tekst is not None:
            e.text = tekst
        return e

    feed = ET.Element(f"{{{ATOM}}}feed", {f"{{{XML}}}lang": "da"})
    if site_url:
        feed.set(f"{{{XML}}}base", site_url.rstrip("/") + "/")
    el(feed, "id", uuid.uuid5(NAVNERUM, "feed:aendringer").urn)
    el(feed, "title", titel)
    el(feed, "subtitle", "Rettelser på vejledningens sider og regler, der træder i kraft eller ophører.")
    nyeste = max((a.dato for a in aendringer), default=opdateret or dt.date(1970, 1, 1))
    el(feed, "updated", tidspunkt(nyeste))
    el(el(feed, "author"), "name", forfatter)
    el(feed, "link", rel="self", type="application/atom+xml", href=FEED_NAVN)
    el(feed, "link", rel="alternate", type="text/html", href=url(SIDE))
    for a in aendringer:
        e = el(feed, "entry")
        el(e, "id", a.id)
        el(e, "title", f"{a.emne} – {a.overskrift}")
        el(e, "updated", tidspunkt(a.dato))
        el(e, "link", rel="alternate", type="text/html", href=url(a.sider[0] if a.sider else SIDE))
        for side in a.sider[1:]:
            el(e, "link", rel="related", type="text/html", href=url(side))
        el(e, "category", term="regel" if a.noegle.startswith("regel:") else "rettelse",
           label="Regel" if a.noegle.startswith("regel:") else "Rettelse")
        el(e, "summary", a.tekst, type="text")
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"

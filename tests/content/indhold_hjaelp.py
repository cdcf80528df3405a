"""Helpers for the content checks (a module with a unique name, so test files can import it
whatever other ``conftest`` modules the suite has)."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import yaml

from build_scripts import udgivelse
from calculators import regeldata, sideformater

ROD = Path(__file__).resolve().parents[2]
DOCS = ROD / "docs"
IKKE_SIDER = ("overrides/", "data/", "includes/")  # exclude_docs in mkdocs.yml


@dataclass
class Side:
    """What the tests need from one built HTML page."""

    sti: str                                  # path under the site, e.g. "noegletal/index.html"
    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)
    tekst: str = ""                           # the text of <article>, tags removed
    dt: list[str] = field(default_factory=list)
    dd_kilder: list[int] = field(default_factory=list)  # "kilde" paragraphs in each <dd>
    abbr: list[tuple[str, str]] = field(default_factory=list)
    # (h2 id, number of "kilde" paragraphs in that section) in page order
    afsnit: list[list] = field(default_factory=list)
    klasser: list[tuple[str, str]] = field(default_factory=list)  # (tag, class) inside article


class _Parser(HTMLParser):
    def __init__(self, side: Side):
        super().__init__(convert_charrefs=True)
        self.s = side
        self.i_artikel = 0
        self.i_dt = False
        self.i_dd = False
        self.i_abbr: str | None = None
        self.dt_tekst: list[str] = []
        self.abbr_tekst: list[str] = []
        self.tekst: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.s.ids.add(a["id"])
        if tag == "a" and a.get("href") is not None:
            self.s.links.append(a["href"])
        if tag == "article":
            self.i_artikel += 1
        if not self.i_artikel:
            return
        klasse = a.get("class") or ""
        if klasse:
            self.s.klasser.append((tag, klasse))
        if tag == "h2" and "id" in a:
            self.s.afsnit.append([a["id"], 0])
        if tag == "p" and "kilde" in klasse.split():
            if self.s.afsnit:
                self.s.afsnit[-1][1] += 1
            if self.i_dd:
                self.s.dd_kilder[-1] += 1
        if tag == "dd":
            self.i_dd = True
            self.s.dd_kilder.append(0)
        if tag == "dt":
            self.i_dt, self.dt_tekst = True, []
        if tag == "abbr":
            self.i_abbr, self.abbr_tekst = a.get("title", ""), []

    def handle_endtag(self, tag):
        if tag == "article" and self.i_artikel:
            self.i_artikel -= 1
        if tag == "dd":
            self.i_dd = False
        if tag == "dt" and self.i_dt:
            self.s.dt.append("".join(self.dt_tekst).strip())
            self.i_dt = False
        if tag == "abbr" and self.i_abbr is not None:
            self.s.abbr.append(("".join(self.abbr_tekst), self.i_abbr))
            self.i_abbr = None

    def handle_data(self, data):
        if self.i_artikel:
            self.tekst.append(data)
        if self.i_dt:
            self.dt_tekst.append(data)
        if self.i_abbr is not None:
            self.abbr_tekst.append(data)

    def close(self):
        super().close()
        self.s.tekst = " ".join("".join(self.tekst).replace("\u00a0", " ").split())


def laes_side(site: Path, sti: str) -> Side:
    side = Side(sti)
    p = _Parser(side)
    p.feed((site / sti).read_text(encoding="utf-8"))
    p.close()
    return side


def kildesider() -> list[str]:
    """Every Markdown page under docs/ (not the excluded folders), as paths under docs/."""
    return sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")
                  if not p.relative_to(DOCS).as_posix().startswith(IKKE_SIDER))


def html_sti(md: str) -> str:
    """The built file for a page (use_directory_urls: a.md -> a/index.html)."""
    if md == "index.md" or md.endswith("/index.md"):
        return md[:-3] + ".html"
    return md[:-3] + "/index.html"


def front_matter(md: str) -> dict:
    tekst = (DOCS / md).read_text(encoding="utf-8")
    if not tekst.startswith("---"):
        return {}
    return yaml.safe_load(tekst.split("---", 2)[1]) or {}


def mkdocs_konfig() -> dict:
    class _Loader(yaml.SafeLoader):
        pass
    # mkdocs.yml may use !ENV or !!python/name tags; the tests only need nav and extra.
    _Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    return yaml.load((ROD / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)


def slaa_op(sti: str):
    """The value at ``fil.noegle.sti`` in ``calculators/data/fil.toml`` (``KeyError`` if none)."""
    fil, *noegler = sti.split(".")
    # As the pages see it: the version in force on the build date (a date's ``.year`` as Jinja reads it).
    v = regeldata.gaeldende(regeldata.raa(fil), udgivelse.i_dag())
    for n in noegler:
        v = v[n] if isinstance(v, dict) else getattr(v, n)
    return v


def formater(v, fmt: str | None) -> str:
    """``v`` as a page shows it with format ``fmt`` (none: as it is, an empty text »ikke angivet«)."""
    return str(sideformater.vis(v)) if fmt is None else sideformater.FORMATER[fmt](v)

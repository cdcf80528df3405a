"""The text a reader sees on every built page, to prove a refactoring changes no page.

    python -m build_scripts.sidetekst site/ > foer.json           # before the change
    python -m build_scripts.sidetekst site/ --sammenlign foer.json  # after: exit 1 and a diff if any page differs

"Text" is the page's ``<article>`` (the content Material renders from Markdown), tags removed and white space
collapsed, plus the ``<title>``. Element ids are left out on purpose: a refactoring may rename them.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from html.parser import HTMLParser
from pathlib import Path


class _Tekst(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.dybde = 0
        self.i_titel = False
        self.i_script = False
        self.titel: list[str] = []
        self.dele: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.dybde += 1
        self.i_titel = self.i_titel or tag == "title"
        self.i_script = self.i_script or tag in ("script", "style", "template")

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.dybde -= 1
        if tag == "title":
            self.i_titel = False
        if tag in ("script", "style", "template"):
            self.i_script = False

    def handle_data(self, data: str) -> None:
        if self.i_titel:
            self.titel.append(data)
        elif self.dybde and not self.i_script:
            self.dele.append(data)


def sidetekst(html: str) -> str:
    """The title and the article text of one page, white space collapsed."""
    p = _Tekst()
    p.feed(html)
    p.close()
    return " ".join(("".join(p.titel) + " | " + "".join(p.dele)).split())


def alle_sider(site: Path) -> dict[str, str]:
    return {f.relative_to(site).as_posix(): sidetekst(f.read_text(encoding="utf-8"))
            for f in sorted(site.rglob("*.html"))}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("site", type=Path)
    ap.add_argument("--sammenlign", type=Path, help="a JSON file written by this script before the change")
    a = ap.parse_args(argv)
    nu = alle_sider(a.site)
    if not a.sammenlign:
        json.dump(nu, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    foer = json.loads(a.sammenlign.read_text(encoding="utf-8"))
    forskelle = 0
    for sti in sorted(set(foer) | set(nu)):
        if foer.get(sti) != nu.get(sti):
            forskelle += 1
            print(f"== {sti}")
            a_ord, b_ord = (foer.get(sti) or "").split(" "), (nu.get(sti) or "").split(" ")
            for linje in difflib.unified_diff(a_ord, b_ord, lineterm="", n=8):
                print(linje)
    print(f"{len(nu)} sider, {forskelle} med ændret tekst")
    return 1 if forskelle else 0


if __name__ == "__main__":
    sys.exit(main())

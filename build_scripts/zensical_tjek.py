"""``make zensical-check``: what a Zensical build of this site drops, before and after the post-build step.

Material for MkDocs reaches its end of life in 2027. Its successor, Zensical, reads ``mkdocs.yml`` but has
no hooks and no plugin API, and silently ignores what it does not support. This builds the site with the
pinned Zensical into a folder of its own, compares its files and pages with ``site/`` (built by ``make
build``), then runs the post-build step (``build_scripts/efterbyg.py``) on Zensical's output and compares
again. It prints; it never fails (exit 0 also when Zensical cannot be installed or cannot build).

Usage: ``python -m build_scripts.zensical_tjek --zensical BIN --ud DIR [SITE]``
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

from build_scripts import efterbyg

ROD = Path(__file__).resolve().parent.parent
UUDFYLDT = re.compile(r"\{\{|\{%")  # Jinja placeholders left in a page: its hooks/macros did not run
VIS = 12


def filer(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file() and p.suffix != ".gz"}


def _gruppe(sti: str) -> str:
    dele = sti.split("/")
    if dele[0] == "assets" and len(dele) > 2:
        return "/".join(dele[:2]) + "/"
    return dele[0] + "/" if len(dele) > 1 else sti


def _liste(titel: str, stier: set[str]) -> None:
    print(f"  {titel}: {len(stier)}")
    if not stier:
        return
    for gruppe, n in sorted(Counter(_gruppe(s) for s in stier).items()):
        print(f"    {gruppe:<32} {n:4d} filer")
    sider = sorted(s for s in stier if s.endswith(".html"))
    for s in sider[:VIS]:
        print(f"      side: {s}")
    if len(sider) > VIS:
        print(f"      … og {len(sider) - VIS} sider mere")


def sammenlign(reference: Path, zensical: Path, titel: str) -> dict:
    """Print how ``zensical`` differs from ``reference``; return the figures."""
    ref, zen = filer(reference), filer(zensical)
    mangler, ekstra = ref - zen, zen - ref
    ref_ber, zen_ber = efterbyg.beregnersider(reference), efterbyg.beregnersider(zensical)
    uudfyldt = sorted(p.relative_to(zensical).as_posix() for p in zensical.rglob("*.html")
                      if UUDFYLDT.search(p.read_text(errors="replace")))
    print(f"\n== {titel}")
    _liste(f"filer i {reference} som Zensical ikke har", mangler)
    _liste("filer kun i Zensicals output", ekstra)
    print(f"  sider med en beregner: {len(zen_ber)} (site/: {len(ref_ber)})")
    print(f"  sider med uudfyldte {{{{ … }}}}/{{% … %}} (makroer/hooks kørte ikke): {len(uudfyldt)}")
    for s in uudfyldt[:VIS]:
        print(f"      {s}")
    for navn in ("sw.js", "assets/beregnere/manifest.json"):
        print(f"  {navn}: {'findes' if navn in zen else 'MANGLER'}")
    print(f"  Pyodide-runtime: {'findes' if any(s.startswith('assets/pyodide/') for s in zen) else 'MANGLER'}; "
          f"beregner-hjul: {'findes' if any(s.endswith('.whl') for s in zen) else 'MANGLER'}")
    return {"mangler": mangler, "ekstra": ekstra, "beregnersider": zen_ber, "uudfyldt": uudfyldt}


def byg(zensical: Path, ud: Path) -> bool:
    """Build with Zensical into ``ud``: a copy of mkdocs.yml with site_dir changed (Zensical has no output
    option; the folder must be inside the project) and strict off (its warnings are printed instead: they
    are part of the answer), written beside the original so that every relative path means the same."""
    if not zensical.is_file():
        print(f"zensical-check: {zensical} findes ikke (Zensical kunne ikke installeres); intet sammenlignet.")
        return False
    if ud.exists():
        shutil.rmtree(ud)
    tekst = (ROD / "mkdocs.yml").read_text()
    tekst, n = re.subn(r"(?m)^site_dir:.*$", f"site_dir: {ud.resolve()}", tekst)
    if n != 1:
        print("zensical-check: fandt ikke site_dir i mkdocs.yml; intet bygget.")
        return False
    tekst = re.sub(r"(?m)^strict:.*$", "strict: false", tekst)
    konfig = ROD / ".zensical-check.yml"
    konfig.write_text(tekst)
    try:
        proc = subprocess.run([str(zensical), "build", "-f", str(konfig)], cwd=ROD, capture_output=True, text=True)
    finally:
        konfig.unlink(missing_ok=True)
    print(f"zensical build: exit {proc.returncode}")
    linjer = (proc.stdout + proc.stderr).strip().splitlines()
    advarsler = [linje for linje in linjer if re.search(r"(?i)warn|error|fejl", linje)]
    print(f"  advarsler og fejl fra Zensical: {len(advarsler)}")
    for linje in (advarsler[:40] if not proc.returncode else linjer[-15:]):
        print(f"  | {linje}")
    if proc.returncode or not (ud / "index.html").is_file():
        print("zensical-check: Zensical byggede ikke sitet; intet sammenlignet.")
        return False
    return True


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--zensical", type=Path, required=True, help="the zensical program")
    ap.add_argument("--ud", type=Path, required=True, help="where Zensical builds")
    ap.add_argument("site", type=Path, nargs="?", default=Path("site"), help="the site built by `make build`")
    a = ap.parse_args(argv)
    try:
        if not (a.site / "index.html").is_file():
            print(f"zensical-check: {a.site} er ikke bygget (kør make build); intet sammenlignet.")
            return 0
        if not byg(a.zensical, a.ud):
            return 0
        sammenlign(a.site, a.ud, "Zensical alene (ingen hooks: ingen beregnere, Pyodide, hjul eller sw.js)")
        try:
            efterbyg.main(a.ud)
        except Exception as e:  # reported, never fatal
            print(f"efterbyg på Zensicals output fejlede: {e}")
            return 0
        sammenlign(a.site, a.ud, "Zensical + efterbyg (det, der stadig er anderledes)")
    except Exception as e:  # the check must never fail a run
        print(f"zensical-check: uventet fejl: {e!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

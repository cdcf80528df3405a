"""The Python standard library the browser downloads: only what a start and the calculators use.

Pyodide ships its whole standard library as ``python_stdlib.zip`` (2.5 MB, 614 files, sources). A calculator
page needs a fraction of it: what Pyodide's own start imports, and what the calculators import, anywhere in
their code (a function-level ``import csv`` included). The post-build step (``build_scripts/efterbyg.py``)

1. finds the standard-library modules the calculators import (:func:`importerede_moduler`, from their source);
2. runs Pyodide in Node (``build_scripts/snapshot.mjs lav``) with the full zip: it imports those modules and
   every calculator, runs every worked example (and the error paths) through the browser's entry point, and
   lists the zip's files that were used;
3. writes the trimmed zip (:func:`skriv_zip`): those files, plus the ``pyodide`` and ``_pyodide`` packages
   whole (Pyodide's start in a browser may import a module its start in Node did not).

The normal start mounts the trimmed zip. The snapshot start mounts an empty one (:func:`skriv_tom_zip`): the
snapshot already holds every module of the trimmed zip imported (``snapshot.mjs`` drops zipimport's cached
directory before the snapshot, so the restored Python reads the mounted zip afresh).
``tests/build/test_standardbibliotek.py`` starts Python from the built trimmed zip and fails when a
calculator imports something outside it.
"""

from __future__ import annotations

import ast
import sys
import zipfile
from collections.abc import Iterable
from pathlib import Path

ROD = Path(__file__).resolve().parent.parent
CALCULATORS = ROD / "calculators"
# Always whole: Pyodide's own packages (its start in a browser differs a little from its start in Node).
ALTID = ("pyodide/", "_pyodide/")
# A fixed date in the zip's entries: the same files give the same bytes, so the same name (its hash).
DATO = (2020, 1, 1, 0, 0, 0)


def importerede_moduler(mappe: Path = CALCULATORS) -> list[str]:
    """Every absolute import in ``mappe``'s Python files that is not the package itself: the modules the
    calculators may import at some point (``["csv", "dataclasses", "decimal", …]``, a dotted name for a
    submodule). Relative imports and ``calculators.*`` are left out; so is ``__future__``.

    >>> "tomllib" in importerede_moduler() and "calculators" not in importerede_moduler()
    True
    """
    navne: set[str] = set()
    for fil in sorted(mappe.rglob("*.py")):
        for knude in ast.walk(ast.parse(fil.read_text(encoding="utf-8"), str(fil))):
            if isinstance(knude, ast.Import):
                navne.update(a.name for a in knude.names)
            elif isinstance(knude, ast.ImportFrom) and knude.level == 0 and knude.module:
                navne.add(knude.module)
    return sorted(n for n in navne if n.split(".")[0] not in ("calculators", "__future__"))


def ikke_standardbibliotek(moduler: Iterable[str]) -> list[str]:
    """Those of ``moduler`` that are not in Python's standard library (by this Python's list of its
    top-level names): the calculators must run in the browser without any package."""
    return sorted(m for m in moduler if m.split(".")[0] not in sys.stdlib_module_names)


def skriv_zip(fuld: Path, brugte: Iterable[str], ud: Path) -> list[str]:
    """Write ``ud``: the entries of the zip ``fuld`` that are in ``brugte`` or under :data:`ALTID`, with the
    folder entries above them, in ``fuld``'s order, with a fixed date. Returns the names. The entries are
    stored, not deflated: brotli over the whole file (the ``.br`` copy the server sends) makes it smaller
    than deflate per file, and Python reads a stored entry without inflating it."""
    brugt = set(brugte)
    with zipfile.ZipFile(fuld) as kilde:
        filer = [i for i in kilde.infolist()
                 if not i.is_dir() and (i.filename in brugt or i.filename.startswith(ALTID))]
        mangler = brugt - {i.filename for i in filer}
        if mangler:
            raise ValueError(f"{fuld.name} mangler {sorted(mangler)}")
        med = {i.filename for i in filer}
        med |= {f"{'/'.join(n.split('/')[:k])}/" for n in med for k in range(1, n.count("/") + 1)}
        navne = []
        with zipfile.ZipFile(ud, "w") as z:
            for info in kilde.infolist():
                if info.filename not in med:
                    continue
                ny = zipfile.ZipInfo(info.filename, DATO)
                ny.compress_type = zipfile.ZIP_STORED
                ny.external_attr = info.external_attr
                z.writestr(ny, b"" if info.is_dir() else kilde.read(info))
                navne.append(info.filename)
    return navne


def skriv_tom_zip(ud: Path) -> None:
    """An empty zip (its end record only): what the snapshot start mounts as the standard library."""
    with zipfile.ZipFile(ud, "w"):
        pass


def moduler_i_zip(sti: Path) -> set[str]:
    """The module names a zip provides (``"json"``, ``"json.decoder"``, ``"encodings.utf_8"``)."""
    with zipfile.ZipFile(sti) as z:
        navne = set()
        for n in z.namelist():
            if n.endswith(".py"):
                navn = n[:-3].replace("/", ".")
                navne.add(navn.removesuffix(".__init__"))
    return navne

"""Quote tests: pin a rule to the sentence of the source it follows.

The source documents are copied byte for byte into the repository's top-level ``kilder/`` folder (see its
README), the one copy that these checks and the site's pages under ``/kilder/`` both read, so the checks run on a
fresh clone and never skip. Documents are named by the letters the legal review and the issues use:

* ``A`` – Administrationsgrundlag for Bæredygtighedspuljen (l. 1–430) and the digitalisation strategy (l. 431–),
* ``N`` – the notat of 19.12.2016 on nøgletal,
* ``B`` – BEK nr. 314 af 30/03/2016,
* ``G`` – Landsbyggefonden's description of Grøn garanti.

Usage in a test::

    citat("B", 89, 90, "Det er en forudsætning for kommunalbestyrelsens godkendelse")

asserts that the quoted words stand, in that order, within lines 89–90 (1-based, inclusive) of document B.
Line breaks, hyphenation at a line end and runs of white space in the source are ignored; every other
character must match.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

MAPPE = Path(__file__).resolve().parents[1] / "kilder"

DOKUMENTER = {
    "A": "000_f40cb9c5af6f7efb.txt",
    "N": "001_826c626f960f7c82.txt",
    "B": "003_d7c1ae64b813f3df.txt",
    "G": "004_f5823218afdd4d3a.txt",
}


@cache
def linjer(dokument: str) -> tuple[str, ...]:
    """The lines of one source document (its letter, see the module docstring)."""
    return tuple((MAPPE / DOKUMENTER[dokument]).read_text(encoding="utf-8").splitlines())


def _norm(tekst: str) -> str:
    # Page layout, not wording: a hyphen that splits a word at a line end, line breaks, spacing,
    # and the typographic variants of quotes and dashes that PDF extraction mixes.
    # "af-⏎taler" is one word split by the layout; "Integrations- ⏎og" (a space before the break) is a
    # Danish suspended compound and keeps its hyphen.
    tekst = re.sub(r"(\w)-\n\s*(\w)", r"\1\2", tekst)
    tekst = tekst.translate(str.maketrans({"”": '"', "“": '"', "„": '"', "’": "'", "–": "-", "—": "-",
                                            "\u00a0": " "}))
    return re.sub(r"\s+", " ", tekst).strip()


def afsnit(dokument: str, fra: int, til: int) -> str:
    """Lines ``fra``–``til`` (1-based, inclusive) of a document, normalised as the quotes are."""
    alle = linjer(dokument)
    assert 1 <= fra <= til <= len(alle), f"{dokument} has {len(alle)} lines, not {fra}–{til}"
    return _norm("\n".join(alle[fra - 1:til]))


def citat(dokument: str, fra: int, til: int, tekst: str) -> None:
    """Assert that ``tekst`` stands word for word within lines ``fra``–``til`` of ``dokument``."""
    kilde = afsnit(dokument, fra, til)
    assert _norm(tekst) in kilde, (
        f"not in {DOKUMENTER[dokument]} l. {fra}–{til}:\n  quoted: {_norm(tekst)!r}\n  source: {kilde!r}")

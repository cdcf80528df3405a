"""Everyday spellings for the site search: »CO2« finds the pages that write »CO₂e«.

The pages write units as they should be written (CO₂e, m²), but a reader types what the keyboard has. The
editors keep the pairs in ``docs/includes/soegeord.toml`` (the spelling on the pages, and the spellings the search
must also find it by). After the search plugin has written ``search/search_index.json``, the hook
``build_scripts/hooks/soegeord.py`` puts the everyday spellings next to each typographic one in the index's
text, inside a hidden ``<span>``: the search (Material's lunr, which splits words only at spaces and hyphens)
then finds the page by either spelling, and a result's preview shows only what the page says.

>>> par = {"CO₂e": ("CO2e",), "CO₂": ("CO2",)}
>>> tilfoej("<p>420 ton CO₂e og CO₂.</p>", par)
'<p>420 ton CO₂e<span class="lbf-soegeord" hidden> CO2e</span> og CO₂<span class="lbf-soegeord" hidden> CO2</span>.</p>'
>>> tilfoej(tilfoej("ton CO₂e", par), par) == tilfoej("ton CO₂e", par)
True
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

__all__ = ["FIL", "Soegeordsfejl", "indlaes", "tilfoej", "tilfoej_indeks"]

#: The editors' file, relative to the repository root.
FIL = Path("docs") / "includes" / "soegeord.toml"
_KLASSE = "lbf-soegeord"
_MAERKE = f'<span class="{_KLASSE}" hidden>'
_TAG = re.compile(r"(<[^>]*>)")


class Soegeordsfejl(ValueError):
    """The editors' file cannot be used; the message says where and what to do, in Danish."""


def indlaes(sti: Path) -> dict[str, tuple[str, ...]]:
    """The pairs in ``sti``: the spelling on the pages -> the everyday spellings the search must also find.

    >>> import tempfile, os
    >>> with tempfile.NamedTemporaryFile("w", suffix=".toml", delete=False, encoding="utf-8") as f:
    ...     _ = f.write('[stavemaader]\\n"m²" = ["m2"]\\n')
    >>> indlaes(Path(f.name))
    {'m²': ('m2',)}
    >>> os.unlink(f.name)
    """
    try:
        data = tomllib.loads(sti.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise Soegeordsfejl(f"{sti}: filen kan ikke læses ({e}). Ret den, så den er gyldig TOML.") from None
    return tjek(data, str(sti))


def tjek(data: Mapping[str, Any], navn: str = str(FIL)) -> dict[str, tuple[str, ...]]:
    """The pairs of a parsed file, or :class:`Soegeordsfejl` naming the first problem.

    >>> tjek({"stavemaader": {"CO₂": ["CO2"]}})
    {'CO₂': ('CO2',)}
    >>> tjek({"stavemaader": {"CO₂": "CO2"}})
    Traceback (most recent call last):
    ...
    build_scripts.soegeord.Soegeordsfejl: docs/includes/soegeord.toml: »CO₂« skal have en liste af stavemåder i klammer, fx "CO₂" = ["CO2"].
    """
    ukendte = set(data) - {"stavemaader"}
    if ukendte or not isinstance(data.get("stavemaader"), Mapping):
        raise Soegeordsfejl(f"{navn}: filen skal have én tabel, [stavemaader], og intet andet "
                            f"(fandt {', '.join(sorted(ukendte)) or 'ingen [stavemaader]'}).")
    ud: dict[str, tuple[str, ...]] = {}
    for side, hverdag in data["stavemaader"].items():
        if not isinstance(hverdag, list) or not hverdag or not all(isinstance(h, str) and h.strip() for h in hverdag):
            raise Soegeordsfejl(f'{navn}: »{side}« skal have en liste af stavemåder i klammer, fx "CO₂" = ["CO2"].')
        if not side.strip() or re.search(r"[\s<>&\-]", side):
            raise Soegeordsfejl(f"{navn}: »{side}« skal være ét ord uden mellemrum, bindestreg eller <, > og &, "
                                "sådan som det står på siderne.")
        for h in hverdag:
            if re.search(r"[\s<>&\-]", h):
                raise Soegeordsfejl(f"{navn}: »{h}« (for »{side}«) skal være ét ord uden mellemrum, bindestreg "
                                    "eller <, > og &: søgningen deler ord ved mellemrum og bindestreger.")
            if h == side:
                raise Soegeordsfejl(f"{navn}: »{h}« er den samme stavemåde som på siderne. Fjern den.")
        ud[side] = tuple(hverdag)
    return ud


def tilfoej(tekst: str, par: Mapping[str, tuple[str, ...]]) -> str:
    """``tekst`` (the HTML of one search entry) with the everyday spellings after each typographic one, in text
    only (never inside a tag); the longest spelling wins ("CO₂e" before "CO₂"); already added ones stay as they are.
    """
    if not par or not any(s in tekst for s in par):
        return tekst
    # No pair holds <, > or & (tjek() refuses them), so the spellings stand in the HTML as they are written.
    moenster = re.compile("|".join(re.escape(s) for s in sorted(par, key=len, reverse=True)))
    efter = {s: " " + " ".join(hverdag) for s, hverdag in par.items()}
    dele = _TAG.split(tekst)
    for i in range(0, len(dele), 2):       # the even parts are text, the odd ones tags
        if i + 1 < len(dele) and dele[i + 1] == _MAERKE:
            # Text right before our own span: its last match already has its spellings.
            dele[i] = _erstat(moenster, efter, dele[i], spring_sidste_over=True)
        elif i == 0 or dele[i - 1] != _MAERKE:
            dele[i] = _erstat(moenster, efter, dele[i])
    return "".join(dele)


def _erstat(moenster: re.Pattern[str], efter: Mapping[str, str], tekst: str, *,
            spring_sidste_over: bool = False) -> str:
    fund = list(moenster.finditer(tekst))
    if spring_sidste_over and fund and fund[-1].end() == len(tekst):
        fund = fund[:-1]
    for m in reversed(fund):
        tekst = tekst[:m.end()] + _MAERKE + efter[m.group(0)] + "</span>" + tekst[m.end():]
    return tekst


def tilfoej_indeks(indeks: str, par: Mapping[str, tuple[str, ...]]) -> str:
    """The search index (``search_index.json``'s text) with :func:`tilfoej` applied to every entry's title and
    text; written in the search plugin's own compact form."""
    data = json.loads(indeks)
    for doc in data.get("docs", []):
        for felt in ("title", "text"):
            if isinstance(doc.get(felt), str):
                doc[felt] = tilfoej(doc[felt], par)
    return json.dumps(data, separators=(",", ":"), ensure_ascii=True)

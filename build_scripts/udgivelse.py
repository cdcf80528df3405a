"""Who publishes the site, and whether a build may be published.

The publisher and the contact come from ``calculators/data/tilgaengelighed.toml`` (the same values the
accessibility statement shows); ``site_url`` from mkdocs.yml. A value still holding the placeholder sentence an
editor is asked to replace counts as unset. A production build (``make build UDGIVELSE=1``, as the Pages workflow
runs it) fails while any of the three is unset; a development build only says so.

Review dates: a page shows »Næste gennemgang«, by default twelve months after »Senest gennemgået« (front matter
``naeste_gennemgang`` may set it), and the build lists the pages whose review date has passed. "Today" comes from
``LBF_I_DAG`` when set, so tests never depend on the real date.
"""

from __future__ import annotations

import datetime as dt
import os

__all__ = ["I_DAG_VARIABEL", "forfaldne", "i_dag", "mangler", "naeste_gennemgang"]

I_DAG_VARIABEL = "LBF_I_DAG"
# The sentences tilgaengelighed.toml ships with until an editor fills in the real values.
PLADSHOLDERE = ("endnu ikke angivet",)


def i_dag() -> dt.date:
    """Today, or the date in LBF_I_DAG (åååå-mm-dd) for tests."""
    v = os.environ.get(I_DAG_VARIABEL)
    return dt.date.fromisoformat(v) if v else dt.date.today()


def _sat(v: object) -> bool:
    return isinstance(v, str) and bool(v.strip()) and not any(p in v for p in PLADSHOLDERE)


def mangler(data: dict, site_url: str | None) -> list[str]:
    """What a production build still lacks, in Danish; empty when publisher, contact and address are set.

    >>> mangler({"udgiver": "Udgiveren er endnu ikke angivet af redaktionen.", "kontakt": "x@y.dk"}, "")
    ['udgiveren (»udgiver« i calculators/data/tilgaengelighed.toml)', 'sitets adresse (»site_url« i mkdocs.yml)']
    >>> mangler({"udgiver": "Boligorganisationernes Videnscenter", "kontakt": "x@y.dk"}, "https://x.dk/")
    []
    """
    ud = []
    if not _sat(data.get("udgiver")):
        ud.append("udgiveren (»udgiver« i calculators/data/tilgaengelighed.toml)")
    if not _sat(data.get("kontakt")):
        ud.append("kontaktoplysningerne (»kontakt« i calculators/data/tilgaengelighed.toml)")
    if not _sat(site_url):
        ud.append("sitets adresse (»site_url« i mkdocs.yml)")
    return ud


def naeste_gennemgang(senest: dt.date, angivet: dt.date | None = None) -> dt.date:
    """The next review: as given in front matter, else twelve months after the last (29 February → 28).

    >>> naeste_gennemgang(dt.date(2026, 11, 22)), naeste_gennemgang(dt.date(2024, 2, 29))
    (datetime.date(2027, 11, 22), datetime.date(2025, 2, 28))
    """
    if angivet:
        return angivet
    try:
        return senest.replace(year=senest.year + 1)
    except ValueError:
        return senest.replace(year=senest.year + 1, day=28)


def forfaldne(datoer: dict[str, dt.date], dag: dt.date) -> list[str]:
    """The pages whose next review date lies before ``dag``, sorted.

    >>> forfaldne({"a.md": dt.date(2026, 1, 1), "b.md": dt.date(2027, 1, 1)}, dt.date(2026, 11, 30))
    ['a.md']
    """
    return sorted(side for side, d in datoer.items() if d < dag)


def slutnote(regel: dict, titel: str, kilden_siger: str, ukendt: str, i_dag: dt.date) -> str:
    """A Markdown admonition about a pool's end, as of ``i_dag``: before the end a warning with the days left,
    after it a note that the period is over. The end date is the data's ``gyldig_til``.

    >>> print(slutnote({"gyldig_til": dt.date(2026, 12, 31)}, "Puljen slutter", "Alle midler skal være udmøntet.",
    ...                "Kilderne siger intet om tiden efter.", dt.date(2026, 11, 30)))
    !!! warning "Puljen slutter 31. december 2026"
    <BLANKLINE>
        Alle midler skal være udmøntet. Da siden blev bygget, 30. november 2026, var der 31 dage tilbage.
        Kilderne siger intet om tiden efter.
    <BLANKLINE>
    >>> print(slutnote({"gyldig_til": dt.date(2026, 12, 31)}, "Puljen slutter", "Alle midler skal være udmøntet.",
    ...                "Kilderne siger intet om tiden efter.", dt.date(2027, 1, 1)).splitlines()[2])
        Alle midler skal være udmøntet. Perioden sluttede 31. december 2026; siden er bygget 1. januar 2027.
    """
    from calculators._format import dato

    slut = regel.get("gyldig_til")
    if not isinstance(slut, dt.date):
        raise ValueError("slutning(): reglen har ingen gyldig_til i datafilen")
    if i_dag <= slut:
        dage = (slut - i_dag).days
        status = (f"Da siden blev bygget, {dato(i_dag)}, var der {dage} {'dag' if dage == 1 else 'dage'} tilbage.")
        return f'!!! warning "{titel} {dato(slut)}"\n\n    {kilden_siger} {status}\n    {ukendt}\n'
    status = f"Perioden sluttede {dato(slut)}; siden er bygget {dato(i_dag)}."
    return f'!!! note "{titel} {dato(slut)}"\n\n    {kilden_siger} {status}\n    {ukendt}\n'

"""The one entry point the browser worker calls: JSON text in, JSON text out.

Crossing the JavaScript boundary as text keeps the glue trivial and the contract the CLI's:
``{"resultat": {...}, "html": "...", "regelsaet": "..."}`` (the result's rule set, also inside ``resultat``,
named on its own for the answers that leave ``resultat`` out) or ``{"fejl": [...]}``.

>>> import json
>>> svar = json.loads(kald("noegletal", json.dumps({"rolle": "bygherre",
...     "tilsagnsdato": "2012-03-01", "udbudsdato": "", "beloeb_kr": "6.000.000"})))
>>> svar["resultat"]["omfattet"]
False
"""

from __future__ import annotations

import json

from . import Inputfejl, beregn, visning
from ._contract import laes_json, til_json

__all__ = ["kald", "opvarm", "sammenlign"]


def kald(navn: str, data_json: str, formular: bool = True, med_csv: bool = False, med_resultat: bool = True, *,
         idprefiks: str = visning.BROWSER_IDPRAEFIKS) -> str:
    """Run calculator ``navn``; the CSV table (for a download) only when asked for. A result's answer also names
    its ``regelsaet``; ``med_resultat=False`` leaves the result's data out (a recalculation as the reader types
    shows only the HTML; the data is asked for when a file is saved).

    The HTML's ids start with ``idprefiks`` (the browser's own, so that they never clash with
    the worked example's on the same page).

    >>> svar = json.loads(kald("noegletal", json.dumps({"rolle": "bygherre", "tilsagnsdato": "2012-03-01",
    ...     "udbudsdato": "", "beloeb_kr": "6.000.000"}), True, False, False))
    >>> sorted(svar), len(svar["regelsaet"])
    (['html', 'regelsaet'], 12)
    """
    data, problem = laes_json(data_json)   # the CLI's rule: huge integers, deep nesting, lone surrogates
    if problem:
        return json.dumps({"fejl": [{"felt": "", "besked": problem}]}, ensure_ascii=False)
    try:
        resultat = beregn(navn, data, formular=formular)
    except Inputfejl as e:
        return json.dumps(e.til_json(), ensure_ascii=False)
    svar = {"html": visning.html(navn, resultat, idprefiks=idprefiks),
            "regelsaet": resultat.regelgrundlag.regelsaet}
    if med_resultat:
        svar["resultat"] = til_json(resultat)
    csv = visning.csv(navn, resultat) if med_csv else None
    if csv is not None:
        svar["csv"] = csv
    return json.dumps(svar, ensure_ascii=False)


def opvarm(navn: str) -> None:
    """Run calculator ``navn`` on its worked example, as the page would, and throw the answer away.

    The worker calls it a few times while the page is idle after start-up: WebAssembly starts in the
    browser's baseline compiler and the engine optimises a function only once it has run enough, so the
    first real recalculations otherwise pay for that work (issue 17).

    >>> opvarm("noegletal")
    """
    from . import modul

    kald(navn, json.dumps(modul(navn).EKSEMPEL, default=str), True, False)


def sammenlign(data_json: str, *, idprefiks: str = visning.BROWSER_IDPRAEFIKS) -> str:
    """Compare merinvestering alternatives: ``{"alternativer": [{"navn": …, "inddata": {…}}, …]}`` (the form's data
    of each saved case) in, the comparison's JSON and HTML out (:mod:`calculators.alternativer`).

    >>> svar = json.loads(sammenlign(json.dumps({"alternativer": [{"navn": "A", "inddata": {}}]})))
    >>> svar["fejl"][0]["besked"]
    'Vælg mellem 2 og 6 alternativer at sammenligne. Der er 1.'
    """
    from . import alternativer
    from .visning import alternativer as vis

    data, problem = laes_json(data_json)
    liste = data.get("alternativer") if isinstance(data, dict) else None
    if problem or not isinstance(liste, list) or not all(
            isinstance(a, dict) and isinstance(a.get("navn"), str) and isinstance(a.get("inddata"), dict)
            for a in liste):
        besked = problem or "Sammenligningen skal have en liste af alternativer, hver med et navn og sine tal."
        return json.dumps({"fejl": [{"felt": "alternativer", "besked": besked}]}, ensure_ascii=False)
    try:
        s = alternativer.sammenlign([(a["navn"], a["inddata"]) for a in liste])
    except Inputfejl as e:
        return json.dumps(e.til_json(), ensure_ascii=False)
    return json.dumps({"resultat": til_json(s), "html": vis.html(s, idprefiks=f"{idprefiks}-sammenligning")},
                      ensure_ascii=False)

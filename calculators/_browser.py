"""The one entry point the browser worker calls: JSON text in, JSON text out.

Crossing the JavaScript boundary as text keeps the glue trivial and the contract identical
to the CLI's: ``{"resultat": {...}, "html": "..."}`` or ``{"fejl": [...]}``.

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

__all__ = ["kald"]


def kald(navn: str, data_json: str, formular: bool = True, med_csv: bool = False, *,
         idprefiks: str = visning.BROWSER_IDPRAEFIKS) -> str:
    """Run calculator ``navn``; the CSV table (for a download) only when asked for.

    The HTML's ids start with ``idprefiks`` (the browser's own, so that they never clash with
    the worked example's on the same page).
    """
    data, problem = laes_json(data_json)   # the CLI's rule: huge integers, deep nesting, lone surrogates
    if problem:
        return json.dumps({"fejl": [{"felt": "", "besked": problem}]}, ensure_ascii=False)
    try:
        resultat = beregn(navn, data, formular=formular)
    except Inputfejl as e:
        return json.dumps(e.til_json(), ensure_ascii=False)
    svar = {"resultat": til_json(resultat), "html": visning.html(navn, resultat, idprefiks=idprefiks)}
    csv = visning.csv(navn, resultat) if med_csv else None
    if csv is not None:
        svar["csv"] = csv
    return json.dumps(svar, ensure_ascii=False)

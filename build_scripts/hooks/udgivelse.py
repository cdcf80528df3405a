"""MkDocs hook: the publisher in every footer, a production build refused while it is unset, review dates.

Wiring only; the rules are in build_scripts/udgivelse.py.
"""

from __future__ import annotations

import logging
import os

from mkdocs.exceptions import PluginError

from build_scripts import udgivelse
from build_scripts.hooks.indhold import som_dato
from calculators import regeldata

log = logging.getLogger("mkdocs.hooks.udgivelse")


def on_config(config, **kwargs):
    data = regeldata.raa("tilgaengelighed")
    mangler = udgivelse.mangler(data, config.get("site_url"))
    config.extra["udgiver"] = {"navn": data.get("udgiver", ""), "kontakt": data.get("kontakt", ""),
                               "angivet": not any("udgiveren" in m for m in mangler)}
    if mangler and os.environ.get("LBF_UDGIVELSE") == "1":
        raise PluginError("Sitet kan ikke udgives, før disse er angivet: " + "; ".join(mangler) + ".")
    if mangler:
        # Info, not a warning: `mkdocs build --strict` would stop a development build on a warning.
        log.info("ADVARSEL til redaktionen: før udgivelse mangler " + "; ".join(mangler) + ".")
    return config


def on_env(env, config, files, **kwargs):
    # Runs once every page's front matter has been read: each page's next review, and the overdue ones.
    datoer = {}
    for f in files.documentation_pages():
        senest = som_dato(f.page.meta.get("senest_gennemgaaet")) if f.page else None
        if senest:
            naeste = udgivelse.naeste_gennemgang(senest, som_dato(f.page.meta.get("naeste_gennemgang")))
            f.page.meta["naeste_gennemgang"] = naeste
            datoer[f.src_uri] = naeste
    if forfaldne := udgivelse.forfaldne(datoer, udgivelse.i_dag()):
        log.info("Sider, hvis næste gennemgang er overskredet: " + ", ".join(forfaldne))
    return env

"""MkDocs hook: page wiring for the rules and calculators.

The rules reach the pages through Jinja2 (mkdocs-macros, :mod:`build_scripts.makroer`), which
also checks every rule file when the build starts. This hook only wires two things:

* ``make preview`` (``LBF_PREVIEW``): mkdocs serve reloads pages with an inline script, which
  the site's policy forbids; the preview goes without the ``<meta>`` policy.
* A page with a calculator (``data-beregner="…"``) starts its worker from ``<head>``:
  ``page.meta.beregner`` is read by docs/overrides/main.html.
"""

from __future__ import annotations

import os
import re

BEREGNER = re.compile(r'data-beregner="([a-z_]+)"')


def on_config(config, **kwargs):
    if os.environ.get("LBF_PREVIEW"):
        config.extra["csp"] = ""
    return config


def on_page_markdown(markdown: str, page, config, files, **kwargs):
    if m := BEREGNER.search(markdown):
        page.meta["beregner"] = m.group(1)
    return markdown

"""MkDocs hook for ``make preview`` only: runs the post-build step inside ``mkdocs serve``.

The site's own build is ``mkdocs build`` followed by ``python -m build_scripts.efterbyg site``
(the Makefile), which adds the calculators wheel, the Pyodide runtime, the service worker and
the gzip copies. ``mkdocs serve`` builds into a folder of its own on every saved change, so with
``LBF_PREVIEW=1`` (set by ``make preview``) this hook runs the same step there, after every other
hook (by priority, not by its place in mkdocs.yml). Without ``LBF_PREVIEW`` it does nothing.
"""

from __future__ import annotations

import os

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from build_scripts.efterbyg import EfterbygFejl, main


@event_priority(-100)
def on_post_build(config, **kwargs):
    if not os.environ.get("LBF_PREVIEW"):
        return
    try:
        # The preview server sends no pre-compressed files: skip the gzip copies.
        main(config["site_dir"], komprimer=False)
    except EfterbygFejl as e:
        raise PluginError(str(e)) from None

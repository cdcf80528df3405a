"""MkDocs hook: the calendar file ``frister.ics`` (deadlines and milestones from
``calculators/data/frister.toml``, built by :mod:`build_scripts.frister`).

The pages list the same events through the ``frister()`` macro (:mod:`build_scripts.makroer`),
which also stops the build when an entry or an application round is wrong.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from build_scripts import frister as fristside
from build_scripts import makroer
from calculators.frister import FIL, FristFejl


def on_files(files, config, **kwargs):
    try:
        begivenheder = makroer.begivenheder()
    except FristFejl as e:
        raise PluginError(f"Fejl i frister og milepæle: {e}") from None
    site_url = config.site_url or ""

    def side_url(side: str | None) -> str | None:
        if not side or not site_url:
            return None
        sti, _, anker = side.partition("#")
        f = files.get_file_from_path(sti)
        return None if f is None else site_url.rstrip("/") + "/" + f.url + (f"#{anker}" if anker else "")

    for b in begivenheder:
        if b.side and files.get_file_from_path(b.side.partition("#")[0]) is None:
            raise PluginError(f"{FIL}: begivenhed »{b.id}«: siden »{b.side}« findes ikke under docs/")
    files.append(File.generated(config, fristside.ICS_NAVN, content=fristside.ics(begivenheder, side_url)))
    return files

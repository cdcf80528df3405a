"""MkDocs hook: the change list's checks and the Atom feed ``aendringer.xml`` (build_scripts/aendringer.py).

* ``on_files``: a slip in a page's ``aendringer`` front matter or in a dated rule version stops the build before any
  page is rendered, with the file, the line and the fix.
* ``on_post_build``: the feed, written to the site's root from the same entries the page »Ændringer« lists
  (the ``aendringsliste()`` macro). Its author is the publisher from calculators/data/tilgaengelighed.toml when
  it is filled in (build_scripts/hooks/udgivelse.py decides that), else the site's name.

Wiring only; the rules are in build_scripts/aendringer.py.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, get_files

from build_scripts import aendringer, udgivelse
from calculators import regeldata


def _samling(files):
    regler = {navn: regeldata.raa(navn) for navn in regeldata.filnavne()}
    try:
        return aendringer.samle(aendringer.sider(files), regler, udgivelse.i_dag())
    except aendringer.Aendringsfejl as e:
        raise PluginError(f"Fejl i ændringslisten:\n{e}\n{aendringer.VEJLEDNING}") from None


def on_files(files, config, **kwargs):
    _samling(files)
    return files


def on_post_build(config, **kwargs):
    files = get_files(config)
    samling = _samling(files)
    udgiver = config.extra.get("udgiver") or {}
    forfatter = udgiver["navn"] if udgiver.get("angivet") and udgiver.get("navn") else config.site_name

    def url(side: str) -> str:
        f = files.get_file_from_path(side) or File(side, config.docs_dir, config.site_dir, config.use_directory_urls)
        return f.url

    feed = aendringer.atom(samling.aendringer, titel=f"Ændringer – {config.site_name}", forfatter=forfatter,
                           url=url, site_url=config.site_url or "", opdateret=udgivelse.i_dag())
    (Path(config.site_dir) / aendringer.FEED_NAVN).write_bytes(feed)

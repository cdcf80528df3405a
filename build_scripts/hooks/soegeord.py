"""MkDocs hook: everyday spellings in the site search (»CO2« finds »CO₂e«).

Wiring only; the work is :mod:`build_scripts.soegeord`, the pairs are the editors' ``docs/includes/soegeord.toml``.
Hooks run after the configured plugins, so the search plugin has written ``search/search_index.json`` when this
``on_post_build`` runs; ``make preview``'s post-build step (priority -100) runs after it.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from build_scripts import soegeord

_PAR: dict[str, tuple[str, ...]] = {}


def on_config(config, **kwargs):
    """Read the pairs once per build, so a broken file stops the build before any page is made."""
    sti = Path(config.config_file_path).parent / soegeord.FIL
    try:
        _PAR.clear()
        _PAR.update(soegeord.indlaes(sti))
    except soegeord.Soegeordsfejl as e:
        raise PluginError(f"Fejl i søgeordene: {e}") from None
    return config


@event_priority(-50)
def on_post_build(config, **kwargs):
    indeks = Path(config.site_dir) / "search" / "search_index.json"
    if not indeks.is_file():
        return  # no search plugin: nothing to add to
    indeks.write_text(soegeord.tilfoej_indeks(indeks.read_text(encoding="utf-8"), _PAR), encoding="utf-8")

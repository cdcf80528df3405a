"""MkDocs hook: stop the build when a page would publish an editor's slip (build_scripts/sidevagt.py).

Runs on each page's rendered content: a template leftover outside code, a date eaten by Markdown or a list item
starting with a month name fails the build with the page, the line and the fix.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError

from build_scripts.sidevagt import tjek_side


def on_page_content(html: str, page, config, files, **kwargs):
    fejl = tjek_side(page.file.src_uri, page.markdown or "", html)
    if fejl:
        raise PluginError("\n".join(fejl))
    return html

"""MkDocs hook: small corrections to the HTML Material writes, so every page validates.

The Nu Html Checker (tests/build/test_html_gyldig.py) rejects three things in the stock
theme and in our raw-HTML blocks; each is removed here, where it is written, rather than
tolerated in the test:

* ``autocomplete="off"`` on checkboxes (Material's drawer, search and navigation toggles):
  HTML allows autocomplete only on text-like inputs.
* ``tabindex=""`` on navigation section labels: an empty tabindex is not a number; leaving
  it out means the same (not focusable).
* ``markdown="…"`` left on raw HTML blocks by md_in_html.
* ``for="__toc"`` on pages outside the navigation, where Material writes the table of
  contents' label but not the toggle it points to.

And one for the Content-Security-Policy, which allows no inline style: the column
alignment Markdown tables write as ``style="text-align: right;"`` becomes a class
(``lbf-justering-right``, styled in lbf.css).
"""

from __future__ import annotations

import re

CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"')
TOM_TABINDEX = re.compile(r'\s+tabindex=""')
MARKDOWN_ATTR = re.compile(r'(<[a-z][a-z0-9]*\b[^>]*?)\s+markdown="[^"]*"')
JUSTERING = re.compile(r'<(th|td)( [^>]*)? style="text-align: (left|right|center);"')


def ret(output: str) -> str:
    output = CHECKBOX_AUTOCOMPLETE.sub(r"\1", output)
    output = TOM_TABINDEX.sub("", output)
    if 'id="__toc"' not in output:
        output = output.replace(' for="__toc"', "")
    output = JUSTERING.sub(r'<\1\2 class="lbf-justering-\3"', output)
    return MARKDOWN_ATTR.sub(r"\1", output)


def on_post_page(output: str, page, config, **kwargs) -> str:
    return ret(output)


def on_post_template(output: str, template_name: str, config, **kwargs) -> str:
    return ret(output) if template_name.endswith(".html") else output

"""MkDocs hook: every page says where its facts come from and when they were last checked.

* Every page in ``docs/`` (guides and calculator pages alike) must start with front matter::

      ---
      title: Sidens titel
      description: Én sætning om siden.
      kilder:
        - titel: "Notat af 19. december 2016: Krav om beregning af nøgletal for alment byggeri"
          henvisning: "s. 1–4"      # optional
      senest_gennemgaaet: 2026-11-22
      ---

  ``on_page_markdown`` checks it on each page and ``on_env`` (which runs once every page has
  been read) fails the build with one message that lists every page and what it lacks.
* ``on_page_content`` appends a block to each page with its sources, "Senest gennemgået"
  and, when ``extra.rediger_url`` is set in ``mkdocs.yml``, a link to edit the page. The
  setting is a URL template with ``{path}`` (the page's path under ``docs/``); without it the
  site shows no edit link, because the site must not point at a repository that does not exist.
"""

from __future__ import annotations

import datetime as dt
import html
import sys
from pathlib import Path
from urllib.parse import quote

from mkdocs.exceptions import PluginError

ROD = Path(__file__).resolve().parents[2]
if str(ROD) not in sys.path:
    sys.path.insert(0, str(ROD))

from calculators._format import dato as fmt_dato  # noqa: E402

KRAEVET = ("title", "description", "kilder", "senest_gennemgaaet")
VEJLEDNING = "Se »Sådan skriver I en side« i docs/redaktoer.md."

# Problems found while reading pages, reported together in on_env.
_fejl: dict[str, list[str]] = {}


def on_config(config, **kwargs):
    url = config.extra.get("rediger_url")
    if url not in (None, "") and (not isinstance(url, str) or "{path}" not in url):
        raise PluginError(
            "mkdocs.yml: extra.rediger_url skal være en adresse med {path}, fx "
            "»https://github.com/ORG/REPO/edit/main/docs/{path}«, eller stå tom. "
            f"Fik {url!r}.")
    return config


def on_pre_build(config, **kwargs):
    _fejl.clear()


def som_dato(v) -> dt.date | None:
    """``senest_gennemgaaet`` as a date (YAML reads 2026-11-22 as one; a quoted one is text)."""
    if isinstance(v, dt.datetime):
        return None
    if isinstance(v, dt.date):
        return v
    if isinstance(v, str):
        try:
            return dt.date.fromisoformat(v.strip())
        except ValueError:
            return None
    return None


def tjek_front_matter(meta: dict) -> list[str]:
    """Everything wrong with a page's front matter, in Danish; empty when it is complete.

    >>> tjek_front_matter({"title": "T", "description": "D", "senest_gennemgaaet": "2026-11-22",
    ...                    "kilder": [{"titel": "BEK nr. 314 af 30/03/2016"}]})
    []
    >>> tjek_front_matter({"title": "T"})
    ['mangler »description«', 'mangler »kilder«', 'mangler »senest_gennemgaaet«']
    """
    fejl = []
    for noegle in KRAEVET:
        if meta.get(noegle) in (None, "", []):
            fejl.append(f"mangler »{noegle}«")
    for noegle in ("title", "description"):
        v = meta.get(noegle)
        if v not in (None, "") and not isinstance(v, str):
            fejl.append(f"»{noegle}« skal være en tekst")
    kilder = meta.get("kilder")
    if kilder not in (None, "", []):
        if not isinstance(kilder, list):
            fejl.append("»kilder« skal være en liste med mindst én kilde (- titel: ...)")
        else:
            for i, k in enumerate(kilder, 1):
                if not isinstance(k, dict) or not isinstance(k.get("titel"), str) or not k["titel"].strip():
                    fejl.append(f"kilde nr. {i} mangler »titel«")
                    continue
                ukendte = set(k) - {"titel", "henvisning"}
                if ukendte:
                    fejl.append(f"kilde nr. {i} har en ukendt nøgle »{sorted(ukendte)[0]}« "
                                "(kendte: titel, henvisning)")
                if "henvisning" in k and not isinstance(k["henvisning"], str):
                    fejl.append(f"kilde nr. {i}: »henvisning« skal være en tekst")
    sg = meta.get("senest_gennemgaaet")
    if sg not in (None, "") and som_dato(sg) is None:
        fejl.append(f"»senest_gennemgaaet« skal være en dato skrevet åååå-mm-dd, fik {sg!r}")
    return fejl


def on_page_markdown(markdown, page, config, files, **kwargs):
    fejl = tjek_front_matter(page.meta)
    if fejl:
        _fejl[page.file.src_uri] = fejl
    return markdown


def on_env(env, config, files, **kwargs):
    if _fejl:
        linjer = [f"  {side}: {'; '.join(f)}" for side, f in sorted(_fejl.items())]
        raise PluginError(
            "Disse sider mangler oplysninger i front matter (øverst i filen mellem to linjer "
            "med ---):\n" + "\n".join(linjer) + "\n" + VEJLEDNING)
    return env


def kildeblok(meta: dict, rediger: str | None) -> str:
    """The HTML block with the page's sources, review date and edit link.

    >>> print(kildeblok({"kilder": [{"titel": "A & B", "henvisning": "§ 3"}],
    ...                  "senest_gennemgaaet": dt.date(2026, 11, 22)}, None))  # doctest: +NORMALIZE_WHITESPACE
    <aside class="lbf-sidekilder" aria-labelledby="kilder-til-siden">
    <h2 id="kilder-til-siden">Kilder til siden</h2>
    <ul><li>A &amp; B, § 3</li></ul>
    <p class="lbf-gennemgaaet">Senest gennemgået: <time datetime="2026-11-22">22. november 2026</time></p>
    </aside>
    """
    punkter = []
    for k in meta.get("kilder") or []:
        tekst = html.escape(k["titel"].strip())
        if k.get("henvisning"):
            tekst += ", " + html.escape(k["henvisning"].strip())
        punkter.append(f"<li>{tekst}</li>")
    d = som_dato(meta.get("senest_gennemgaaet"))
    dele = [
        '<aside class="lbf-sidekilder" aria-labelledby="kilder-til-siden">',
        '<h2 id="kilder-til-siden">Kilder til siden</h2>',
        f"<ul>{''.join(punkter)}</ul>",
        f'<p class="lbf-gennemgaaet">Senest gennemgået: <time datetime="{d.isoformat()}">'
        f"{fmt_dato(d)}</time></p>",
    ]
    if rediger:
        dele.append(f'<p class="lbf-rediger"><a href="{html.escape(rediger)}">Ret denne side</a></p>')
    dele.append("</aside>")
    return "\n".join(dele)


def rediger_url(config, page) -> str | None:
    skabelon = config.extra.get("rediger_url")
    if not skabelon:
        return None
    return skabelon.replace("{path}", quote(page.file.src_uri))


def on_page_content(html_indhold, page, config, files, **kwargs):
    if tjek_front_matter(page.meta):
        return html_indhold  # reported in on_env; do not render half a block
    return html_indhold + "\n" + kildeblok(page.meta, rediger_url(config, page))

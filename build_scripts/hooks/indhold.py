"""MkDocs hook: every page says where its facts come from and when they were last checked.

* Every page in ``docs/`` must start with front matter::

      ---
      title: Sidens titel
      description: Én sætning om siden.
      kilder:
        - titel: "Notat af 19. december 2016: Krav om beregning af nøgletal for alment byggeri"
          henvisning: "s. 1–4"      # optional
      senest_gennemgaaet: 2026-11-22
      ---

  ``on_env`` (which runs once every page has been read) fails the build with one message that
  lists every page and what it lacks.
* The theme shows the block (docs/overrides/partials/source-file.html, with the filters
  ``lbf_som_dato`` and ``lbf_dato`` added here). The edit link is Material's
  (``content.action.edit``), shown only when ``edit_uri_template`` is set in mkdocs.yml.
"""

from __future__ import annotations

import datetime as dt

from mkdocs.exceptions import PluginError

from calculators.sideformater import dato as fmt_dato

KRAEVET = ("title", "description", "kilder", "senest_gennemgaaet")
VEJLEDNING = "Se »Sådan skriver I en side« i docs/redaktoer.md."


def som_dato(v) -> dt.date | None:
    """``senest_gennemgaaet`` as a date (YAML reads 2026-11-22 as one; a quoted one is text)."""
    if isinstance(v, dt.date) and not isinstance(v, dt.datetime):
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
    fejl = [f"mangler »{n}«" for n in KRAEVET if meta.get(n) in (None, "", [])]
    fejl += [f"»{n}« skal være en tekst" for n in ("title", "description")
             if meta.get(n) not in (None, "") and not isinstance(meta.get(n), str)]
    kilder = meta.get("kilder")
    if kilder not in (None, "", []) and not isinstance(kilder, list):
        fejl.append("»kilder« skal være en liste med mindst én kilde (- titel: ...)")
    elif kilder:
        for i, k in enumerate(kilder, 1):
            if not isinstance(k, dict) or not isinstance(k.get("titel"), str) or not k["titel"].strip():
                fejl.append(f"kilde nr. {i} mangler »titel«")
                continue
            if ukendte := set(k) - {"titel", "henvisning"}:
                fejl.append(f"kilde nr. {i} har en ukendt nøgle »{sorted(ukendte)[0]}« (kendte: titel, henvisning)")
            if "henvisning" in k and not isinstance(k["henvisning"], str):
                fejl.append(f"kilde nr. {i}: »henvisning« skal være en tekst")
    sg = meta.get("senest_gennemgaaet")
    if sg not in (None, "") and som_dato(sg) is None:
        fejl.append(f"»senest_gennemgaaet« skal være en dato skrevet åååå-mm-dd, fik {sg!r}")
    return fejl


def on_env(env, config, files, **kwargs):
    fejl = {f.src_uri: tjek_front_matter(f.page.meta) for f in files.documentation_pages() if f.page}
    if linjer := [f"  {side}: {'; '.join(f)}" for side, f in sorted(fejl.items()) if f]:
        raise PluginError(
            "Disse sider mangler oplysninger i front matter (øverst i filen mellem to linjer "
            "med ---):\n" + "\n".join(linjer) + "\n" + VEJLEDNING)
    env.filters["lbf_som_dato"] = som_dato
    env.filters["lbf_dato"] = fmt_dato
    return env

"""The pages' Jinja2 environment (mkdocs-macros; ``module_name: build_scripts/makroer`` in mkdocs.yml).

Every page in ``docs/`` is a Jinja2 template. It sees

* each rule file ``calculators/data/<navn>.toml`` as the variable ``<navn>``:
  ``{{ noegletal.roller.entreprenoer.taerskel_kr | kr }}``; a table of entries is looped over,
  ``{% for art in merinvestering.energiarter.values() %}``, so a new entry reaches the page;
* the formats of :mod:`calculators.sideformater` as filters: ``kr``, ``mio_kr``, ``pct``, ``tal``,
  ``dato``, ``aar``, ``link``; a text an editor has not filled in (``""``) shows as »ikke angivet«;
* ``eksempel("noegletal")``: a calculator's worked example, computed now by the code the browser runs;
* ``formater_hint("%", "2,8")``: the forms a number field takes, in the same words on every page (»Skriv fx 2,8
  eller 2,8 %.«), from the calculators' own list of units (:data:`calculators._contract.ENHEDER`);
* ``frister()``: the deadlines list (upcoming, then past); ``frister("digitalisering")``: one topic's;
* ``aendringsliste()``: the page »Ændringer« (:mod:`build_scripts.aendringer`);
* ``kildetekst("bek-314-2016")``: a source document from ``kilder/`` as a clean page body with stable anchors
  (:mod:`build_scripts.kildetekster`).

Undefined names are errors (``on_undefined: strict``, ``on_error_fail``): a typo stops the build
with the page named. ``frister.toml``'s values go through the same environment (:func:`miljoe`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import jinja2
from mkdocs.exceptions import PluginError

import calculators
from build_scripts import aendringer, kildetekster, udgivelse
from build_scripts import frister as fristside
from calculators import regeldata, sideformater, visning
from calculators._contract import ENHEDER, parse_dansk_tal, skriveformer
from calculators.frister import Begivenhed, FristFejl
from calculators.visning import _html


def _streng(formater: Callable[[Any], str]) -> Callable[[Any], str]:
    """A format that reports a missing key by name (Jinja2 hands a filter an Undefined value)."""
    def filter_(v: Any) -> str:
        if isinstance(v, jinja2.Undefined):
            str(v)  # StrictUndefined raises UndefinedError naming the missing key
        return formater(v)
    return filter_


FILTRE = {navn: _streng(f) for navn, f in sideformater.FORMATER.items()}


def data() -> dict[str, dict[str, Any]]:
    """Every rule file by name, as the pages see it: a value with dated versions shows the version in force on the
    build date (``LBF_I_DAG`` in tests, see :func:`build_scripts.udgivelse.i_dag`)."""
    i_dag = udgivelse.i_dag()
    return {navn: regeldata.gaeldende(regeldata.raa(navn), i_dag) for navn in regeldata.filnavne()}


def miljoe() -> jinja2.Environment:
    """A Jinja2 environment like the pages' (formats, rule files, strict), outside mkdocs-macros."""
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, finalize=sideformater.vis)
    env.filters.update(FILTRE)
    env.globals.update(data())
    return env


def udfyld(v: Any, env: jinja2.Environment) -> Any:
    """``v`` with its placeholders filled in; a text that is a single placeholder keeps the
    value's type, so ``dato = "{{ noegletal.skaeringsdato.gyldig_fra }}"`` is a date.

    >>> udfyld("{{ noegletal.skaeringsdato.gyldig_fra }}", miljoe())
    datetime.date(2015, 11, 1)
    >>> udfyld("Før {{ noegletal.skaeringsdato.gyldig_fra | dato }}", miljoe())
    'Før 1. november 2015'
    """
    if not isinstance(v, str) or ("{{" not in v and "{%" not in v):
        return v
    s = v.strip()
    if s.startswith("{{") and s.endswith("}}") and s.count("{{") == 1:
        vaerdi = env.compile_expression(s[2:-2], undefined_to_none=False)()
        if isinstance(vaerdi, jinja2.Undefined):
            str(vaerdi)  # raises UndefinedError naming the missing key
        return sideformater.vis(vaerdi)
    return env.from_string(v).render()


def begivenheder() -> tuple[Begivenhed, ...]:
    """frister.toml, its placeholders filled in and checked (:class:`FristFejl` says what is wrong)."""
    env = miljoe()
    return fristside.indlaes(lambda v: udfyld(v, env))


def define_env(env: Any) -> None:
    """mkdocs-macros: the rule files, formats and macros every page sees."""
    # `mkdocs build -q` shows errors only, and mkdocs-macros reports a page's template error as a
    # warning before it stops the build: keep that message visible.
    logging.getLogger("mkdocs.plugins.mkdocs_macros.util").setLevel(logging.WARNING)
    try:
        regeldata.tjek_alle()
        alle = begivenheder()
    except regeldata.Datafejl as e:
        raise PluginError(f"Fejl i datamappen (calculators/data): {e}") from None
    except FristFejl as e:
        raise PluginError(f"Fejl i frister og milepæle: {e}") from None
    for navn, vaerdi in data().items():
        if navn in env.variables:
            raise PluginError(f"calculators/data/{navn}.toml: navnet »{navn}« er optaget i mkdocs-macros")
        env.variables[navn] = vaerdi
    # Row limits come from the calculators, so a page's row block can never allow more than they read.
    env.variables["raekkegraenser"] = calculators.raekkegraenser()
    # The pool's frames per calendar year, from their dated versions (one version may cover several years).
    from calculators import budgettjek
    env.variables["aarsrammer"] = {navn: d.aarsrammer_kr() for navn, d in budgettjek.regler().delpuljer.items()}
    for navn, formater in FILTRE.items():
        env.filter(formater, name=navn)

    def kildelinks(tekst: str) -> str:
        """A data ``kilde`` text with its passages linked under /kilder/, as results link them
        (:func:`calculators.visning._html.kildetekst`); only for pages at /beregnere/<navn>/, whose links
        the results' ``../../kilder/`` fits."""
        if not env.page.file.src_uri.startswith("beregnere/"):
            raise PluginError(f"{env.page.file.src_uri}: filtret »kildelinks« virker kun på beregnersiderne")
        return str(_html.kildetekst(tekst))

    env.filter(kildelinks, name="kildelinks")

    def eksempel(navn: str) -> str:
        """Calculator ``navn``'s worked example as HTML."""
        return visning.eksempel_html(navn)

    def frister(emne: str | None = None) -> str:
        """The deadlines list (Markdown) for the page being rendered."""
        return fristside.liste(alle, emne, fristside.idag(), env.page.file.src_uri)

    def kildetekst(navn: str) -> str:
        """Source document ``navn`` (kilder/) as the body of its page under /kilder/."""
        try:
            return kildetekster.markdown(navn)
        except kildetekster.Kildefejl as e:
            raise PluginError(f"Fejl i kildeteksten »{navn}«: {e}") from None

    def aendringsliste() -> str:
        """The page »Ændringer«: the pages' change logs and the rules' dated versions (build_scripts/aendringer.py)."""
        sider = aendringer.sider(env.variables["files"])
        regler = {navn: regeldata.raa(navn) for navn in regeldata.filnavne()}
        try:
            samling = aendringer.samle(sider, regler, udgivelse.i_dag())
        except aendringer.Aendringsfejl as e:
            raise PluginError(f"Fejl i ændringslisten:\n{e}\n{aendringer.VEJLEDNING}") from None
        return aendringer.markdown(samling, env.page.file.src_uri,
                                   "../" * env.page.url.count("/") + aendringer.FEED_NAVN)

    def slutning(regel: dict, titel: str, kilden_siger: str, ukendt: str) -> str:
        """A note, as of the build date, on a pool that ends: what the source says (``kilden_siger``), the end date
        from the data (``regel``'s ``gyldig_til``) and what the site cannot know (``ukendt``)."""
        return udgivelse.slutnote(regel, titel, kilden_siger, ukendt, udgivelse.i_dag())

    def formater_hint(enhed: str, eksempel: str, hvad: str = "") -> str:
        """The sentence a number field's hint lists its accepted forms with: ``formater_hint("%", "2,8")`` is
        »Skriv fx 2,8 eller 2,8 %.«, ``formater_hint("kr.", "250.000", "merprisen")`` »Skriv merprisen som fx
        250.000 eller 250.000 kr.«; ``enhed`` "" for a number without a unit (»Skriv fx 2026.«)."""
        if enhed and enhed not in ENHEDER:
            raise PluginError(f"{env.page.file.src_uri}: formater_hint kender ikke enheden »{enhed}«; "
                              f"brug en af {', '.join(f'»{e}«' for e in ENHEDER)} eller \"\" for et tal uden enhed")
        if parse_dansk_tal(eksempel) is None:
            raise PluginError(f"{env.page.file.src_uri}: formater_hint: »{eksempel}« er ikke et tal, som "
                              "beregnerne kan læse (skriv fx 2,8 eller 1.900.000)")
        former = skriveformer(enhed, eksempel)
        saetning = f"Skriv {hvad} som {former}" if hvad else f"Skriv {former}"
        return saetning if saetning.endswith(".") else saetning + "."   # "… 250.000 kr." ends the sentence

    env.macro(formater_hint, name="formater_hint")
    env.macro(aendringsliste, name="aendringsliste")
    env.macro(slutning, name="slutning")
    env.macro(eksempel, name="eksempel")
    env.macro(frister, name="frister")
    env.macro(kildetekst, name="kildetekst")


def on_pre_page_macros(env: Any) -> None:
    """Before each page: empty texts show as »ikke angivet«; front matter hides no rule file."""
    env.env.finalize = sideformater.vis
    # mkdocs-macros adds the page's front matter to the variables; its `kilder:` (the page's
    # sources, shown by the theme) would hide kilder.toml. The page object is a copy.
    side = env.variables["page"]
    side.meta = {k: v for k, v in side.meta.items() if k not in regeldata.filnavne()}

"""One loader for the rules editors maintain in ``calculators/data/*.toml``.

Rules, thresholds, amounts and dates are data, not code. Each calculator declares the
shape of its rules as frozen dataclasses; :func:`indlaes` reads ``<navn>.toml`` and builds
those dataclasses, checking every value's type. A wrong value fails loudly with the file,
the key and what was expected ("noegletal.toml: roller.entreprenoer.taerskel_kr: forventede
et beløb, fik 'tre hundrede'"), which is what fails the site build for an editor.

TOML because the calculators ship to browsers and must stay standard-library only:
``tomllib`` reads it on CPython and in Pyodide alike, so the files editors change are the
very files the calculators read, in a source checkout and inside the wheel alike.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import re
import tomllib
import types
import typing
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from ._enheder import Enhed
from ._versioner import Dateret, Versioner, overlap

__all__ = ["Datafejl", "datamappe", "indlaes", "laes_fil", "linje", "raa", "regelsaet"]

T = TypeVar("T")


class Datafejl(ValueError):
    """A data file is missing, malformed or does not match its schema."""


def datamappe() -> Path:
    """``calculators/data``: the rules' one home, in a checkout, an editable install and the wheel alike."""
    return Path(__file__).with_name("data")


@functools.cache
def raa(navn: str) -> dict[str, Any]:
    """The parsed TOML of ``<navn>.toml``, as a plain dict."""
    sti = datamappe() / f"{navn}.toml"
    try:
        with sti.open("rb") as f:
            return tomllib.load(f)
    except FileNotFoundError:
        raise Datafejl(f"{navn}.toml: filen findes ikke i {datamappe()}") from None
    except tomllib.TOMLDecodeError as e:
        # tomllib says where in English ("Invalid value (at line 3, column 14)"): keep the place, say it in Danish.
        m = re.search(r"line (\d+), column (\d+)", str(e))
        sted = f", linje {m.group(1)}, kolonne {m.group(2)}" if m else ""
        raise Datafejl(f"{navn}.toml{sted}: kan ikke læses som TOML. Tjek anførselstegn, kommaer og klammer på "
                       "linjen; datoer skrives åååå-mm-dd, tekster i anførselstegn.") from None


@functools.cache
def regelsaet() -> str:
    """The version id of the whole rule set: the first 12 hex digits of a SHA-256 over every data file's name and
    bytes. The same files give the same id in a checkout, the wheel and the browser, so a saved case can tell
    whether the rules changed since it was computed."""
    h = hashlib.sha256()
    for sti in sorted(datamappe().glob("*.toml")):
        h.update(sti.name.encode() + b"\0" + sti.read_bytes() + b"\0")
    return h.hexdigest()[:12]


@functools.cache
def indlaes(navn: str, skema: type[T]) -> T:
    """Load ``<navn>.toml`` as an instance of the frozen dataclass ``skema``."""
    return _byg(skema, raa(navn), f"{navn}.toml", "")


class _Fil(str):
    """A data file's name (as messages show it) that also carries its text, for line look-ups."""

    tekst: str


def laes_fil(sti: Path, skema: type[T]) -> T:
    """Load any TOML file as ``skema`` (tests and tools; the calculators use :func:`indlaes`)."""
    tekst = sti.read_text(encoding="utf-8")
    fil = _Fil(sti.name)
    fil.tekst = tekst
    try:
        data = tomllib.loads(tekst)
    except tomllib.TOMLDecodeError as e:
        raise Datafejl(f"{sti.name}: kan ikke læses som TOML ({e})") from None
    return _byg(skema, data, fil, "")


def linje(fil: str, sti: str) -> int | None:
    """The line of ``fil`` (``"noegletal.toml"``) where the value at ``sti`` (``"roller.raadgiver.taerskel_kr"``,
    ``"runder[1].dato"``) is written, found the way an editor reads the file: its table header, then its key.
    ``None`` when the file writes it some other way (an inline table)."""
    try:
        linjer = (fil.tekst if isinstance(fil, _Fil) else (datamappe() / fil).read_text(encoding="utf-8")).splitlines()
    except OSError:
        return None
    dele = re.findall(r"[^.\[\]]+|\[\d+\]", sti)
    noegle = dele[-1] if dele else ""
    tabel = [d for d in dele[:-1] if not d.startswith("[")]
    indeks = [int(d[1:-1]) for d in dele[:-1] if d.startswith("[")]
    header: list[str] = []
    antal: dict[str, int] = {}
    for nr, tekst in enumerate(linjer, 1):
        ren = tekst.strip()
        if m := re.fullmatch(r"\[\[?\s*([^\]]+?)\s*\]\]?(\s*#.*)?", ren):
            header = [h.strip().strip('"') for h in m.group(1).split(".")]
            if ren.startswith("[["):
                antal[m.group(1)] = antal.get(m.group(1), -1) + 1
            continue
        if header == tabel and re.match(rf"{re.escape(noegle)}\s*=", ren):
            aktuel = antal.get(".".join(tabel))
            if not indeks or aktuel is None or aktuel == indeks[-1]:
                return nr
    return None


def _byg(typ: Any, v: Any, fil: str, sti: str) -> Any:
    def fejl(forventet: str) -> Datafejl:
        return Datafejl(f"{_sted(fil, sti)}: forventede {forventet}, fik {v!r}")

    origin = typing.get_origin(typ)
    if origin is typing.Annotated:
        grund, *ekstra = typing.get_args(typ)
        enheder = [e for e in ekstra if isinstance(e, Enhed)]
        if not enheder:
            return _byg(grund, v, fil, sti)
        try:
            return enheder[0].laes(v)
        except ValueError as e:
            raise Datafejl(f"{_sted(fil, sti)}: {e}") from None
    if dataclasses.is_dataclass(typ):
        if not isinstance(v, dict):
            raise fejl("en tabel")
        hints = typing.get_type_hints(typ, include_extras=True)
        felter = {f.name: f for f in dataclasses.fields(typ)}
        ukendte = set(v) - set(felter)
        if ukendte:
            ukendt = sorted(ukendte)[0]
            raise Datafejl(f"{_sted(fil, f'{sti}.{ukendt}' if sti else ukendt)}: ukendt nøgle {ukendt!r}. Tjek "
                           f"stavningen; kendte nøgler her: {', '.join(felter)}")
        kw = {}
        for navn, f in felter.items():
            under = f"{sti}.{navn}" if sti else navn
            if navn not in v:
                if f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING:
                    continue
                raise Datafejl(f"{_sted(fil, sti)}: nøglen {navn!r} mangler. Tilføj »{navn} = …«")
            kw[navn] = _byg(hints[navn], v[navn], fil, under)
        obj = typing.cast(Any, typ)(**kw)
        for x in kw.values():
            if isinstance(x, Versioner) and isinstance(getattr(obj, "betegnelse", None), str):
                x.navn = obj.betegnelse.lower()  # "Der er ingen regel for kalkulationsrenten …"
        if isinstance(obj, Dateret):
            _tjek_dateret(obj, fil, sti)
        return obj
    if origin is Versioner:
        (etyp,) = typing.get_args(typ)
        if not isinstance(v, list):
            raise fejl("en liste af versioner ([[…versioner]] med gyldig_fra, kilde og værdien)")
        versioner = tuple(_byg(etyp, x, fil, f"{sti}[{i}]") for i, x in enumerate(v))
        if (brud := overlap(versioner)) is not None:
            i, fix = brud
            raise Datafejl(f"{_sted(fil, f'{sti}[{i}].gyldig_fra')}: {fix}")
        return Versioner(versioner, _regelnavn(fil, sti))
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(typ)
        if type(None) in args and (v is None or v == ""):
            return None
        for a in args:
            if a is type(None):
                continue
            try:
                return _byg(a, v, fil, sti)
            except Datafejl:
                pass
        raise fejl(" eller ".join(_navn(a) for a in args))
    if origin is dict:
        _, vtyp = typing.get_args(typ)
        if not isinstance(v, dict):
            raise fejl("en tabel")
        return types.MappingProxyType({k: _byg(vtyp, x, fil, f"{sti}.{k}") for k, x in v.items()})
    if origin in (tuple, list):
        (etyp, *_) = typing.get_args(typ)
        if not isinstance(v, list):
            raise fejl("en liste")
        return tuple(_byg(etyp, x, fil, f"{sti}[{i}]") for i, x in enumerate(v))
    if typ is Decimal:
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            raise fejl("et tal")
        return Decimal(str(v))
    if typ is dt.date:
        if isinstance(v, dt.datetime) or not isinstance(v, dt.date):
            raise fejl("en dato (åååå-mm-dd, uden anførselstegn)")
        return v
    if typ is int:
        if isinstance(v, bool) or not isinstance(v, int):
            raise fejl("et helt tal")
        return v
    if typ is bool:
        if not isinstance(v, bool):
            raise fejl("true eller false")
        return v
    if typ is str:
        if not isinstance(v, str):
            raise fejl("en tekst")
        return v
    raise TypeError(f"unsupported schema type {typ!r}")  # a programming error, not data


def _tjek_dateret(v: Dateret, fil: str, sti: str) -> None:
    """A dated value must name its source, and must not end before it begins."""
    if not v.kilde.strip():
        raise Datafejl(f"{_sted(fil, f'{sti}.kilde' if sti else 'kilde')}: kilden mangler. Skriv, hvor værdien "
                       "står (dokument og §, pkt. eller side), fx »BEK nr. 314 af 30. marts 2016, § 15«.")
    if (brud := overlap((v,))) is not None:
        raise Datafejl(f"{_sted(fil, f'{sti}.gyldig_til' if sti else 'gyldig_til')}: {brud[1]}")


def _regelnavn(fil: str, sti: str) -> str:
    """What a "no rule in force" message calls a value: its ``betegnelse`` when the table above has one."""
    return f"»{sti}« i {fil}"


def _sted(fil: str, sti: str) -> str:
    """``"noegletal.toml, linje 12: roller.raadgiver.taerskel_kr"`` – the file, the line and the key."""
    nr = linje(fil, sti) if sti else None
    return f"{fil}{f', linje {nr}' if nr else ''}: {sti or '(roden)'}"


def _navn(t: Any) -> str:
    return {Decimal: "et tal", dt.date: "en dato", int: "et helt tal", str: "en tekst",
            bool: "true eller false", type(None): "ingenting"}.get(t, getattr(t, "__name__", str(t)))

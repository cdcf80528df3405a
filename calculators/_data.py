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
import tomllib
import types
import typing
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

__all__ = ["Datafejl", "datamappe", "indlaes", "raa"]

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
        raise Datafejl(f"{navn}.toml: kan ikke læses som TOML: {e}") from None


@functools.cache
def indlaes(navn: str, skema: type[T]) -> T:
    """Load ``<navn>.toml`` as an instance of the frozen dataclass ``skema``."""
    return _byg(skema, raa(navn), f"{navn}.toml", "")


def _byg(typ: Any, v: Any, fil: str, sti: str) -> Any:
    def fejl(forventet: str) -> Datafejl:
        return Datafejl(f"{fil}: {sti or '(roden)'}: forventede {forventet}, fik {v!r}")

    origin = typing.get_origin(typ)
    if dataclasses.is_dataclass(typ):
        if not isinstance(v, dict):
            raise fejl("en tabel")
        hints = typing.get_type_hints(typ)
        felter = {f.name: f for f in dataclasses.fields(typ)}
        ukendte = set(v) - set(felter)
        if ukendte:
            raise Datafejl(f"{fil}: {sti or '(roden)'}: ukendt nøgle {sorted(ukendte)[0]!r} "
                           f"(kendte: {', '.join(felter)})")
        kw = {}
        for navn, f in felter.items():
            under = f"{sti}.{navn}" if sti else navn
            if navn not in v:
                if f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING:
                    continue
                raise Datafejl(f"{fil}: {under}: mangler")
            kw[navn] = _byg(hints[navn], v[navn], fil, under)
        return typ(**kw)
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(typ)
        if v is None or (isinstance(v, str) and v == "" and type(None) in args):
            if type(None) in args:
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


def _navn(t: Any) -> str:
    return {Decimal: "et tal", dt.date: "en dato", int: "et helt tal", str: "en tekst",
            bool: "true eller false", type(None): "ingenting"}.get(t, getattr(t, "__name__", str(t)))

"""The typed result a view renders, also when it is handed the JSON of :func:`calculators.run`.

The views read the frozen dataclasses each calculator's ``beregn()`` returns. Callers holding only
the JSON (older code, tests that edit a result to see it escaped) get it turned back into that
dataclass, field by field, by the dataclass's own type hints.

>>> from calculators import noegletal
>>> r = som_resultat(noegletal.Resultat, {"rolle": "raadgiver", "omfattet": False, "konklusion": "Nej.",
...     "begrundelser": [{"betingelse": "beloeb", "opfyldt": False, "tekst": "t", "kilde": "k"}],
...     "forpligtelser": [], "bemaerkninger": [], "regelgrundlag": {"regelsaet": "0", "regler": []}})
>>> r.begrundelser[0].opfyldt, type(r.begrundelser)
(False, <class 'tuple'>)
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import types
import typing
from decimal import Decimal
from typing import Any, TypeVar

__all__ = ["som_resultat"]

T = TypeVar("T")


def som_resultat(cls: type[T], resultat: Any) -> T:
    """``resultat`` as an instance of the dataclass ``cls``: returned as it is if it already is one."""
    if isinstance(resultat, cls):
        return resultat
    if not isinstance(resultat, dict) or "fejl" in resultat:
        # Errors are shown by the page's error summary, never as a result.
        raise ValueError(f"ikke et resultat af typen {cls.__qualname__}: {str(resultat)[:80]}")
    return _fra_json(cls, resultat)


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _fra_json(tp: Any, v: Any) -> Any:
    if v is None:
        return None
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        if not isinstance(v, dict):
            return v
        hints = _hints(tp)
        return tp(**{f.name: _fra_json(hints[f.name], v[f.name]) for f in dataclasses.fields(tp) if f.name in v})
    oprindelse = typing.get_origin(tp)
    argumenter = typing.get_args(tp)
    if oprindelse in (typing.Union, types.UnionType):
        ikke_none = [a for a in argumenter if a is not type(None)]
        return _fra_json(ikke_none[0], v) if len(ikke_none) == 1 else v
    if oprindelse in (tuple, list) and isinstance(v, (list, tuple)):
        element = argumenter[0] if argumenter else Any
        return oprindelse(_fra_json(element, x) for x in v)
    if oprindelse is dict and isinstance(v, dict):
        return {k: _fra_json(argumenter[1], x) for k, x in v.items()}
    if tp is Decimal and isinstance(v, (int, float)) and not isinstance(v, bool):
        return Decimal(str(v))
    if tp is dt.date and isinstance(v, str):
        try:
            return dt.date.fromisoformat(v)
        except ValueError:
            return v
    return v

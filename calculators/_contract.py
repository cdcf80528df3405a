"""The contract every calculator honours: validated input in, plain JSON out.

A calculator module defines

* ``parse(laeser: Laeser) -> Input`` that reads its input through a :class:`Laeser`,
  which collects *every* problem as a :class:`Fejl` (field path + Danish message)
  instead of stopping at the first;
* ``beregn(inp: Input) -> Resultat``, a pure function over frozen dataclasses;
* ``EKSEMPEL``, the worked example the site renders at build time.

:func:`calculators.run` ties them together and never raises for bad input: it returns
``{"fejl": [{"felt": ..., "besked": ...}, ...]}`` instead.

Paths name fields the way a user's JSON does: ``tilsagnsdato``, ``poster[2].beloeb_kr``.

Numbers arrive as JSON numbers. In *form mode* (``formular=True``, used by the browser
glue) they may also arrive as the text a user typed, in Danish format
("1.250.000", "0,85", "1.234.567,50"), optionally followed by the field's unit ("2,8 %",
"1.900.000 kr."); the parsing lives here, not in JavaScript (:func:`parse_dansk_tal`).

>>> l = Laeser({"beloeb_kr": "1.250.000,50", "x": 1}, formular=True)
>>> l.beloeb("beloeb_kr", "beløbet")
Decimal('1250000.50')
>>> l.afslut()
Traceback (most recent call last):
...
calculators._contract.Inputfejl: x: Feltet »x« kendes ikke. Tjek stavningen.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
import re
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any, TypeVar

from ._format import punktum as _punktum

__all__ = ["ENHEDER", "MAKS_CIFRE", "STOERSTE_BELOEB", "Enhedsfejl", "Fejl", "Inputfejl", "Laeser", "laes_json",
           "parse_dansk_tal", "skriveformer", "til_json"]

T = TypeVar("T")

_MANGLER = object()
# Larger than any amount in this domain; also keeps Decimal arithmetic exact (28 digits).
_STOERST = Decimal("1e15")
#: The largest amount any field accepts, in kroner (10 mia. kr., far above any amount in these pools). Results
#: travel as JSON numbers (IEEE doubles, exact to 15 significant digits): with at most 500 rows of at most this
#: much, every sum a calculator makes stays below 10^13 kr. and so exact to the øre.
STOERSTE_BELOEB = Decimal("9999999999.99")
#: Significant digits a number may have: a double (the browser's and JSON's number) holds 15 exactly, and a longer
#: number is a typing slip, not a figure anyone means.
MAKS_CIFRE = 15


@dataclasses.dataclass(frozen=True)
class Fejl:
    """One problem with the input: where it is and what to do about it, in Danish."""

    felt: str
    besked: str


class Inputfejl(Exception):
    """Raised by :meth:`Laeser.afslut` when the input had one or more problems."""

    def __init__(self, fejl: Iterable[Fejl]):
        self.fejl = list(fejl)
        super().__init__("; ".join(f"{f.felt}: {f.besked}" for f in self.fejl))

    def til_json(self) -> dict:
        return {"fejl": [{"felt": f.felt, "besked": f.besked} for f in self.fejl]}


# "1.234.567,50", "1234567,5", "1234567.5", "-12,5", "1 234 567". Digits are ASCII only (one rule for the CLI and
# the form: "١٢٣" is not read as 123). Dots between groups of
# three digits are thousands separators (Danish convention): "1.250" = 1250, but "0.125" = 0,125.
_TUSIND_MED_PUNKTUM = re.compile(r"^[+-]?[1-9]\d{0,2}(\.\d{3})+(,\d+)?$", re.ASCII)
_DECIMAL_KOMMA = re.compile(r"^[+-]?\d+(,\d+)?$", re.ASCII)
_DECIMAL_PUNKTUM = re.compile(r"^[+-]?\d*\.\d+$|^[+-]?\d+$", re.ASCII)
# The number, then whatever follows it (a unit, or "" when there is none).
_TAL_OG_ENHED = re.compile(r"([+-]?[\d .,]*\d)\s*(.*)", re.ASCII | re.DOTALL)
# Spaces a user's text may hold: a plain one, a no-break space (what the site writes between a number and its
# unit, so a copied figure has it), a narrow no-break space and a thin space.
_MELLEMRUM = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2212": "-"})


@dataclasses.dataclass(frozen=True)
class _Enhed:
    stavemaader: tuple[str, ...]
    """What a user may type after the number, compared without spaces and case (see :func:`_enhedsnoegle`)."""
    i: str
    """How a message names the unit: "Kalkulationsrenten skrives *i procent*"."""


#: The units a number field is read in, by the ``enhed`` its reader names (``Laeser.tal(..., enhed="%")``;
#: ``Laeser.beloeb`` is "kr."). After the number a user may write the unit in any of its spellings ("2,8 %",
#: "2,8%", "2,8 pct.", "1.900.000 kr.", "1.900.000,-"); another unit is refused with a message naming the
#: field and the forms it takes. A unit not listed here (a unit the user chose, such as an energy line's
#: "m³") is accepted as written. The pages' hints list the same forms (:func:`skriveformer`, through the
#: macro ``formater_hint`` in build_scripts/makroer.py).
ENHEDER: dict[str, _Enhed] = {
    "kr.": _Enhed(("kr.", "kr", "kroner", ",-", "dkk"), "i kroner"),
    "%": _Enhed(("%", "pct.", "pct", "procent"), "i procent"),
    "kWh": _Enhed(("kwh",), "i kWh"),
    "kr. pr. kWh": _Enhed(("kr.pr.kwh", "krpr.kwh", "kr./kwh", "kr/kwh", "kr.", "kr", "kroner"),
                          "i kroner pr. kWh"),
    "graddage": _Enhed(("graddage", "graddag"), "i graddage"),
    "år": _Enhed(("år", "aar"), "i hele år"),
    "ton CO₂e": _Enhed(("tonco2e", "tco2e", "ton"), "i ton CO₂e"),
}


class Enhedsfejl(ValueError):
    """Raised by :func:`parse_dansk_tal` when a readable number is followed by a unit the field is not in."""

    def __init__(self, skrevet: str):
        self.skrevet = skrevet
        super().__init__(f"»{skrevet}« passer ikke til feltets enhed")


def _enhedsnoegle(tekst: str) -> str:
    """A unit as compared: lower case, no spaces, subscript and superscript digits as plain ones.

    >>> _enhedsnoegle("Ton CO₂e"), _enhedsnoegle("m³"), _enhedsnoegle(" Kr. pr. kWh")
    ('tonco2e', 'm3', 'kr.pr.kwh')
    """
    t = tekst.translate(_MELLEMRUM).translate(str.maketrans("₀₁₂₃₄₅₆₇₈₉²³", "012345678923"))
    return "".join(t.split()).lower()


def _stavemaader(enhed: str) -> frozenset[str]:
    kendt = ENHEDER.get(enhed)
    return frozenset((kendt.stavemaader if kendt else ()) + ((_enhedsnoegle(enhed),) if enhed else ()))


def parse_dansk_tal(tekst: str, enhed: str = "") -> Decimal | None:
    """Read a number as a Danish user types it in a field whose unit is ``enhed`` (see :data:`ENHEDER`; "" for a
    number without a unit); ``None`` if it cannot be read unambiguously.

    The number may be followed by the field's unit, in any of its spellings, with or without a space:

    >>> parse_dansk_tal("1.250.000")
    Decimal('1250000')
    >>> parse_dansk_tal("0,85")
    Decimal('0.85')
    >>> parse_dansk_tal("1234567.5")
    Decimal('1234567.5')
    >>> parse_dansk_tal("1.900.000 kr.", "kr."), parse_dansk_tal("1.900.000,-", "kr.")
    (Decimal('1900000'), Decimal('1900000'))
    >>> parse_dansk_tal("2,8 %", "%"), parse_dansk_tal("2,8%", "%"), parse_dansk_tal("3\\u00a0%", "%")
    (Decimal('2.8'), Decimal('2.8'), Decimal('3'))
    >>> parse_dansk_tal("−0,5 pct.", "%")
    Decimal('-0.5')
    >>> parse_dansk_tal("420 ton CO2e", "ton CO₂e"), parse_dansk_tal("800 m3", "m³")
    (Decimal('420'), Decimal('800'))

    A readable number followed by a unit the field is not in raises :class:`Enhedsfejl` (the reader then says
    which unit the field takes); text that is no number at all gives ``None``:

    >>> parse_dansk_tal("3 %", "kr.")
    Traceback (most recent call last):
    ...
    calculators._contract.Enhedsfejl: »%« passer ikke til feltets enhed
    >>> parse_dansk_tal("2 kr.", "%")
    Traceback (most recent call last):
    ...
    calculators._contract.Enhedsfejl: »kr.« passer ikke til feltets enhed
    >>> parse_dansk_tal("12 kr.")
    Traceback (most recent call last):
    ...
    calculators._contract.Enhedsfejl: »kr.« passer ikke til feltets enhed
    >>> parse_dansk_tal("tolv kroner", "kr.") is None, parse_dansk_tal("1e5") is None
    (True, True)
    """
    m = _TAL_OG_ENHED.fullmatch(tekst.translate(_MELLEMRUM).strip())
    if not m:
        return None
    s, skrevet = m.group(1).replace(" ", ""), m.group(2).strip()
    if _TUSIND_MED_PUNKTUM.match(s):
        d = Decimal(s.replace(".", "").replace(",", "."))
    elif _DECIMAL_KOMMA.match(s):
        d = Decimal(s.replace(",", "."))
    elif _DECIMAL_PUNKTUM.match(s):
        d = Decimal(s)
    else:
        return None
    if skrevet and _enhedsnoegle(skrevet) not in _stavemaader(enhed):
        if re.search(r"\d", skrevet, re.ASCII) or len(skrevet) > 30:
            return None   # "1e5", "2 3 4 x", a sentence: more than a unit
        raise Enhedsfejl(skrevet)
    return d


def skriveformer(enhed: str, eksempel: str) -> str:
    """The forms a number field takes, as the hints and the messages list them (a no-break space before the unit).

    >>> skriveformer("%", "2,8")
    'fx 2,8 eller 2,8\\xa0%'
    >>> skriveformer("", "2026")
    'fx 2026'
    """
    return f"fx {eksempel} eller {eksempel}\u00a0{enhed}" if enhed else f"fx {eksempel}"


def _forkert_enhed(label: str, enhed: str, eksempel: str, skrevet: str) -> str:
    """The message for a number in the wrong unit: which unit the field takes, and its forms.

    >>> _forkert_enhed("kalkulationsrenten", "%", "3", "kr.")
    'Kalkulationsrenten skrives i procent, så »kr.« passer ikke. Skriv fx 3 eller 3\\xa0%.'
    >>> _forkert_enhed("tilsagnsåret", "", "2026", "%")
    'Tilsagnsåret skrives som et tal uden enhed, så »%« passer ikke. Skriv fx 2026.'
    """
    kendt = ENHEDER.get(enhed)
    i = kendt.i if kendt else (f"i {enhed}" if enhed else "som et tal uden enhed")
    return f"{_stort(label)} skrives {i}, så »{skrevet}« passer ikke. Skriv {skriveformer(enhed, eksempel)}."


def laes_json(data: bytes | str) -> tuple[Any, str]:
    """Parse one JSON document from the CLI or the browser: ``(value, "")`` or ``(None, Danish message)``.

    UTF-8 only, a leading byte-order mark allowed; never raises. JSON that Python could read but no calculator can
    use is refused here too: integers longer than Python's limit, nesting deeper than the parser allows, and lone
    surrogates (``"\\ud800"``), which cannot be written back as UTF-8.

    >>> laes_json(b'\\xef\\xbb\\xbf{"a": 1}')
    ({'a': 1}, '')
    >>> laes_json(b'{"a": 1')[1]
    'Inddata er ikke gyldig JSON (linje 1, kolonne 8). Tjek kommaer, anførselstegn og klammer omkring det sted.'
    >>> laes_json(b'\\xff')[1]
    'Inddata skal være tekst i UTF-8. Gem filen som UTF-8, og prøv igen.'
    """
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError:
            return None, "Inddata skal være tekst i UTF-8. Gem filen som UTF-8, og prøv igen."
    data = data.removeprefix("\ufeff")
    try:
        vaerdi = json.loads(data)
    except json.JSONDecodeError as e:
        # The parser's own message is English ("Expecting value"); say where, in Danish.
        return None, (f"Inddata er ikke gyldig JSON (linje {e.lineno}, kolonne {e.colno}). "
                      "Tjek kommaer, anførselstegn og klammer omkring det sted.")
    except RecursionError:
        return None, "Inddata er indlejret for dybt til at kunne læses."
    except ValueError:   # an integer beyond Python's digit limit (4.300 digits)
        return None, "Inddata indeholder et tal med for mange cifre."
    if _har_enlig_surrogat(vaerdi):
        return None, "Inddata indeholder et ugyldigt tegn (en enlig surrogat). Skriv teksten igen."
    return vaerdi, ""


def _har_enlig_surrogat(v: Any) -> bool:
    # Iterative: the value may be nested as deeply as the parser allowed.
    stak = [v]
    while stak:
        x = stak.pop()
        if isinstance(x, str):
            if any("\ud800" <= c <= "\udfff" for c in x):
                return True
        elif isinstance(x, dict):
            stak.extend(x.keys())
            stak.extend(x.values())
        elif isinstance(x, list):
            stak.extend(x)
    return False


class Laeser:
    """Reads one JSON object field by field and collects every problem it finds.

    Each reader method takes the key and a Danish label used in messages
    ("Indtast tilsagnsdatoen ..."), returns the value (or ``None`` when it was missing or
    invalid, so that parsing can continue) and records a :class:`Fejl` otherwise.
    """

    def __init__(self, data: Any, sti: str = "", *, formular: bool = False,
                 fejl: list[Fejl] | None = None):
        self._sti = sti
        self.formular = formular
        self.fejl: list[Fejl] = [] if fejl is None else fejl
        self._brugt: set[str] = set()
        if isinstance(data, Mapping):
            self._data: Mapping = data
        else:
            self._data = {}
            self.tilfoej(sti, "Forventede et objekt med felter ({…})." if sti
                         else "Inddata skal være ét JSON-objekt ({…}).")

    # -- bookkeeping -----------------------------------------------------------------------
    def felt(self, noegle: str) -> str:
        return f"{self._sti}.{noegle}" if self._sti else noegle

    def tilfoej(self, felt: str, besked: str) -> None:
        self.fejl.append(Fejl(felt, besked))

    def har(self, noegle: str) -> bool:
        return noegle in self._data and self._data[noegle] is not None

    def kig(self, noegle: str) -> Any:
        """The value of ``noegle`` as given (``None`` if absent), without reading it: a reader may depend on a
        field that is read after it (an energy line's amount is in the unit its unit field names)."""
        return self._data.get(noegle)

    def _hent(self, noegle: str, label: str, paakraevet: bool, tom_besked: str | None):
        self._brugt.add(noegle)
        v = self._data.get(noegle, _MANGLER)
        if v is None or v is _MANGLER or (self.formular and isinstance(v, str) and not v.strip()):
            if paakraevet:
                self.tilfoej(self.felt(noegle), tom_besked or f"Udfyld {label}.")
            return _MANGLER
        return v

    def afslut(self) -> None:
        """Report unknown keys (typos must not be ignored) and raise if anything was wrong."""
        for noegle in self._data:
            if noegle not in self._brugt:
                self.tilfoej(self.felt(str(noegle)), f"Feltet »{noegle}« kendes ikke. Tjek stavningen.")
        if self.fejl:
            raise Inputfejl(self.fejl)

    def under(self, noegle: str, data: Any, indeks: int | None = None) -> Laeser:
        sti = self.felt(noegle) + (f"[{indeks}]" if indeks is not None else "")
        return Laeser(data, sti, formular=self.formular, fejl=self.fejl)

    def _afslut_under(self, sub: Laeser) -> None:
        for noegle in sub._data:
            if noegle not in sub._brugt:
                self.tilfoej(sub.felt(str(noegle)), f"Feltet »{noegle}« kendes ikke. Tjek stavningen.")

    # -- readers ---------------------------------------------------------------------------
    def _tal(self, noegle: str, label: str, eksempel: str, paakraevet: bool,
             default: Any, enhed: str = "") -> Decimal | None:
        v = self._hent(noegle, label, paakraevet, f"Indtast {label}, fx {eksempel}.")
        if v is _MANGLER:
            return default
        if isinstance(v, bool):
            d = None
        elif isinstance(v, int):
            d = Decimal(v)
        elif isinstance(v, float):
            d = Decimal(repr(v)) if math.isfinite(v) else None
        elif isinstance(v, str) and self.formular:
            try:
                d = parse_dansk_tal(v, enhed)
            except Enhedsfejl as e:
                self.tilfoej(self.felt(noegle), _forkert_enhed(label, enhed, eksempel, e.skrevet))
                return None
        else:
            d = None
        if d is None or not d.is_finite():
            self.tilfoej(self.felt(noegle), f"Indtast {label} som et tal, fx {eksempel}.")
            return None
        if len(d.normalize().as_tuple().digits) > MAKS_CIFRE and abs(d) < _STOERST:
            self.tilfoej(self.felt(noegle), f"{_stort(label)} har for mange cifre (højst {MAKS_CIFRE}). Afrund tallet.")
            return None
        if abs(d) >= _STOERST:
            self.tilfoej(self.felt(noegle), f"{_stort(label)} er et for stort tal. Tjek tallet.")
            return None
        return d

    def beloeb(self, noegle: str, label: str, *, eksempel: str = "250.000",
               min: Decimal | int | None = 0, paakraevet: bool = True,
               default: Any = None) -> Decimal | None:
        """An amount in kroner, exact (Decimal), at most two decimals (øre); in form mode also "1.900.000 kr."."""
        d = self._tal(noegle, label, eksempel, paakraevet, default, "kr.")
        if d is None or d is default:
            return d
        if d != d.quantize(Decimal("0.01")):
            self.tilfoej(self.felt(noegle), f"Angiv {label} i hele kroner og øre (højst to decimaler).")
            return None
        if min is not None and d < min:
            self.tilfoej(self.felt(noegle), f"{_stort(label)} kan ikke være negativt. Indtast et beløb på {_dk(min)} kr. eller mere.")
            return None
        if abs(d) > STOERSTE_BELOEB:
            self.tilfoej(self.felt(noegle), f"{_stort(label)} er et for stort beløb: højst 9.999.999.999,99 kr. Tjek tallet.")
            return None
        return d

    def tal(self, noegle: str, label: str, *, eksempel: str = "2,5", min: float | None = None,
            max: float | None = None, min_inkl: bool = True, paakraevet: bool = True,
            default: Any = None, enhed: str = "") -> Decimal | None:
        """A real number (Decimal), optionally bounded; ``enhed`` is its unit (:data:`ENHEDER`), which a user may
        write after the number in form mode and which messages name."""
        d = self._tal(noegle, label, eksempel, paakraevet, default, enhed)
        if d is None or d is default:
            return d
        e = f" {enhed}" if enhed else ""
        if min is not None and (d < Decimal(str(min)) if min_inkl else d <= Decimal(str(min))):
            ord_ = "mindst" if min_inkl else "større end"
            self.tilfoej(self.felt(noegle), _punktum(f"{_stort(label)} skal være {ord_} {_dk(min)}{e}"))
            return None
        if max is not None and d > Decimal(str(max)):
            self.tilfoej(self.felt(noegle), _punktum(f"{_stort(label)} må højst være {_dk(max)}{e}"))
            return None
        return d

    def heltal(self, noegle: str, label: str, *, eksempel: str = "40", min: int | None = None,
               max: int | None = None, paakraevet: bool = True, default: Any = None,
               enhed: str = "") -> int | None:
        d = self._tal(noegle, label, eksempel, paakraevet, default, enhed)
        if d is None or d is default:
            return d
        if d != d.to_integral_value():
            self.tilfoej(self.felt(noegle), f"Angiv {label} som et helt tal, fx {eksempel}.")
            return None
        n = int(d)
        e = f" {enhed}" if enhed else ""
        if (min is not None and n < min) or (max is not None and n > max):
            if min is not None and max is not None:
                self.tilfoej(self.felt(noegle), _punktum(f"{_stort(label)} skal være mellem {min} og {max}{e}"))
            elif min is not None:
                self.tilfoej(self.felt(noegle), _punktum(f"{_stort(label)} skal være mindst {min}{e}"))
            else:
                self.tilfoej(self.felt(noegle), _punktum(f"{_stort(label)} må højst være {max}{e}"))
            return None
        return n

    def dato(self, noegle: str, label: str, *, paakraevet: bool = True,
             tillad_tom: bool = False) -> dt.date | None:
        """An ISO date ``YYYY-MM-DD``; in form mode also as Danes write it: 1.5.2014, 01-05-2014."""
        if tillad_tom and noegle in self._data and (
                self._data[noegle] is None or (self.formular and self._data[noegle] == "")):
            self._brugt.add(noegle)
            return None
        eksempel = "1.5.2014" if self.formular else "2014-05-01"
        v = self._hent(noegle, label, paakraevet, f"Indtast {label}, fx {eksempel}.")
        if v is _MANGLER:
            return None
        if isinstance(v, str):
            d = _laes_dato(v.strip(), dansk=self.formular)
            if d is not None:
                return d
        form = "dag.måned.år" if self.formular else "år-måned-dag"
        self.tilfoej(self.felt(noegle), f"{_stort(label)} skal være en rigtig dato skrevet som {form}, fx {eksempel}.")
        return None

    def valg(self, noegle: str, label: str, muligheder: Mapping[str, str] | Iterable[str], *,
             paakraevet: bool = True, default: Any = None) -> str | None:
        """One of a fixed set of values; the message lists them (with their Danish names)."""
        v = self._hent(noegle, label, paakraevet, f"Vælg {label}.")
        if v is _MANGLER:
            return default
        navne = dict(muligheder) if isinstance(muligheder, Mapping) else {m: m for m in muligheder}
        if not isinstance(v, str) or v not in navne:
            liste = ", ".join(f"»{k}«" for k in navne)
            self.tilfoej(self.felt(noegle), f"Vælg {label}: en af {liste}.")
            return None
        return v

    def sandhed(self, noegle: str, label: str, *, paakraevet: bool = True,
                default: bool | None = None) -> bool | None:
        """A yes/no answer: JSON true/false (form mode also takes "ja"/"nej")."""
        v = self._hent(noegle, label, paakraevet, f"Svar ja eller nej til {label}.")
        if v is _MANGLER:
            return default
        if isinstance(v, bool):
            return v
        if self.formular and isinstance(v, str) and v.lower() in ("ja", "nej", "true", "false"):
            return v.lower() in ("ja", "true")
        self.tilfoej(self.felt(noegle), f"Svar ja eller nej til {label} (true eller false).")
        return None

    def tekst(self, noegle: str, label: str, *, paakraevet: bool = True, default: str | None = "",
              max_laengde: int = 200) -> str | None:
        v = self._hent(noegle, label, paakraevet, f"Udfyld {label}.")
        if v is _MANGLER:
            return default
        if not isinstance(v, str):
            self.tilfoej(self.felt(noegle), f"Skriv {label} som tekst.")
            return None
        if len(v) > max_laengde:
            self.tilfoej(self.felt(noegle), f"{_stort(label)} må højst være {max_laengde} tegn.")
            return None
        return v.strip()

    def liste(self, noegle: str, label: str, laes: Callable[[Laeser], T], *,
              min_antal: int = 1, max_antal: int = 500,
              max_besked: str | None = None) -> list[T]:
        """A list of objects, each read by ``laes`` with its own path (``poster[2].beloeb_kr``).

        ``max_besked`` replaces the message for too many elements (e.g. to cite the rule
        behind ``max_antal``); ``{antal}`` in it is replaced by the number given.
        """
        v = self._hent(noegle, label, True, f"Tilføj mindst {min_antal} {label}." if min_antal else None)
        if v is _MANGLER:
            return []
        if not isinstance(v, list):
            self.tilfoej(self.felt(noegle), f"Angiv {label} som en liste ([…]).")
            return []
        if len(v) < min_antal:
            self.tilfoej(self.felt(noegle), f"Tilføj mindst {min_antal} {label}.")
        if len(v) > max_antal:
            self.tilfoej(self.felt(noegle), max_besked.replace("{antal}", str(len(v))) if max_besked
                         else f"Højst {max_antal} {label}.")
            return []
        ud: list[T] = []
        for i, element in enumerate(v):
            sub = self.under(noegle, element, i)
            foer = len(self.fejl)
            vaerdi = laes(sub)
            self._afslut_under(sub)
            if len(self.fejl) == foer:
                ud.append(vaerdi)
        return ud

    def objekt(self, noegle: str, label: str, laes: Callable[[Laeser], T], *,
               paakraevet: bool = True, default: Any = None) -> T | None:
        """A nested object, read by ``laes`` with its own paths (``indhold.effekt``)."""
        v = self._hent(noegle, label, paakraevet, f"Udfyld {label}.")
        if v is _MANGLER:
            return default
        if not isinstance(v, Mapping):
            self.tilfoej(self.felt(noegle), f"Angiv {label} som et objekt med felter ({{…}}).")
            return None
        sub = self.under(noegle, v)
        foer = len(self.fejl)
        vaerdi = laes(sub)
        self._afslut_under(sub)
        return vaerdi if len(self.fejl) == foer else None


def _laes_dato(tekst: str, *, dansk: bool) -> dt.date | None:
    """ISO ``2014-05-01``; with ``dansk`` also ``1.5.2014``, ``01-05-2014``, ``1/5/2014``.

    >>> _laes_dato("1.5.2014", dansk=True), _laes_dato("1.5.2014", dansk=False)
    (datetime.date(2014, 5, 1), None)
    >>> _laes_dato("30.2.2014", dansk=True) is None
    True
    """
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", tekst, re.ASCII):
            return dt.date.fromisoformat(tekst)
        m = re.fullmatch(r"(\d{1,2})[.\-/](\d{1,2})[.\-/](\d{4})", tekst, re.ASCII) if dansk else None
        if m:
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    except ValueError:
        pass
    return None


def _stort(label: str) -> str:
    """Capitalise the first letter only ("co₂e" must stay as written after it)."""
    return label[:1].upper() + label[1:]


def _dk(x: float | int | Decimal) -> str:
    return str(x).replace(".", ",")


#: Each result dataclass's field names, looked up once (a merinvestering result is thousands of values).
_FELTNAVNE: dict[type, tuple[str, ...]] = {}


def til_json(v: Any) -> Any:
    """Dataclasses, Decimals and dates as plain JSON values (amounts become numbers)."""
    t = type(v)
    if t is str or t is int or t is bool or v is None:
        return v
    navne = _FELTNAVNE.get(t)
    if navne is None and dataclasses.is_dataclass(v) and not isinstance(v, type):
        navne = _FELTNAVNE[t] = tuple(f.name for f in dataclasses.fields(v))
    if navne is not None:
        return {n: til_json(getattr(v, n)) for n in navne}
    if isinstance(v, Decimal):
        return int(v) if v == v.to_integral_value() and abs(v) < 2**53 else float(v)
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()
    if isinstance(v, Mapping):
        return {str(k): til_json(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [til_json(x) for x in v]
    if isinstance(v, float) and not math.isfinite(v):
        return None
    return v

"""Escape-by-default HTML for the result views, standard library only (it runs in Pyodide).

A plain ``str`` is always *text*: wherever it goes (a child of :func:`h`, an attribute value,
either side of ``+`` with :class:`Html`) it is escaped. Only :class:`Html`, which the functions
here return, passes through as markup. So a view cannot forget to escape a user's text; at
worst it escapes twice, which shows as "&amp;lt;" on the page instead of running a script.

>>> h("p", {"class": "x"}, "Tom & Jerry <3 ", h("strong", {}, "y"))
Html('<p class="x">Tom &amp; Jerry &lt;3 <strong>y</strong></p>')

Element ids follow one rule: the caller passes a prefix (the build one for the worked example,
the browser another for the live result, see :mod:`calculators.visning`), and a view makes every
id of a result from that prefix. A page holding both therefore never has an id twice, and each
caller's HTML is deterministic.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import re
from collections.abc import Iterable, Iterator, Mapping
from html import escape

from ..kildehenvisning import henvisninger

__all__ = ["KILDER", "Html", "esc", "fragment", "h", "kilde", "kildetekst", "liste", "standard_idprefiks",
           "status_ikon", "trin", "udfald"]

#: HTML elements that have no end tag (and so no children).
_TOMME = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
                    "track", "wbr"})
#: SVG elements written as ``<rect …/>`` when they have no children.
_SVG_TOMME = frozenset({"circle", "ellipse", "line", "path", "polygon", "polyline", "rect", "stop", "use"})
#: Element and attribute names already checked (a result checks the same few names thousands of times).
_GYLDIGE_ELEMENTER: set[str] = set()
_GYLDIGE_ATTRIBUTTER: set[str] = set()
#: The characters :func:`html.escape` replaces.
_SAERLIGE = re.compile(r"[&<>\"']").search


class Html(str):
    """Markup that is safe to insert as it is. Wrap a literal in it only when it holds no user text.

    Adding a plain ``str`` to it escapes that string:

    >>> Html("<b>") + "<i>"
    Html('<b>&lt;i&gt;')
    >>> "<i>" + Html("<b>")
    Html('&lt;i&gt;<b>')
    """

    __slots__ = ()

    def __add__(self, other: object) -> Html:
        if not isinstance(other, str):
            return NotImplemented
        return Html(str.__add__(self, esc(other)))

    def __radd__(self, other: object) -> Html:
        if not isinstance(other, str):
            return NotImplemented
        return Html(str.__add__(esc(other), self))

    def __repr__(self) -> str:
        return f"Html({str.__repr__(self)})"

    def __html__(self) -> str:
        """Markup as template engines (Jinja's ``markupsafe``) recognise it: inserted unescaped."""
        return str(self)


def esc(x: object) -> Html:
    """``x`` as text in HTML: ``&<>"'`` escaped. :class:`Html` is already markup and stays as it is.

    >>> esc('a<b & "c"'), esc(Html("<br>")), esc(3)
    (Html('a&lt;b &amp; &quot;c&quot;'), Html('<br>'), Html('3'))
    """
    if isinstance(x, Html):
        return x
    return Html(_tekst(str(x)))


def _tekst(s: str) -> str:
    # Most texts of a result (numbers, labels) hold nothing to escape; one regex search is cheaper than
    # html.escape's five replaces, and a result is thousands of texts (issue 17: recalculation within a frame).
    return escape(s, quote=True) if _SAERLIGE(s) else s


def _saml(kids: Iterable[object], ud: list[str]) -> None:
    """Append the escaped ``kids`` to ``ud``: lists, tuples and iterators flattened, ``None``/``False`` left out."""
    for k in kids:
        t = type(k)
        if t is Html:
            ud.append(k)  # type: ignore[arg-type]
        elif t is str:
            ud.append(_tekst(k))  # type: ignore[arg-type]
        elif k is None or k is False:
            continue
        elif isinstance(k, (list, tuple)) or isinstance(k, Iterator) and not isinstance(k, str):
            _saml(k, ud)
        else:
            ud.append(esc(k))


def _indhold(kids: tuple[object, ...]) -> str:
    """The escaped ``kids`` joined; the common case of one text or one :class:`Html` without a list (a result has
    thousands of table cells)."""
    if len(kids) == 1:
        t = type(kids[0])
        if t is str:
            return _tekst(kids[0])  # type: ignore[arg-type]
        if t is Html:
            return kids[0]  # type: ignore[return-value]
    ud: list[str] = []
    _saml(kids, ud)
    return "".join(ud)


def fragment(*kids: object, sep: str = "") -> Html:
    """Several pieces as one: ``str`` pieces are escaped, lists and generators are flattened, ``None`` left out.

    >>> fragment(h("b", {}, "1"), None, ["<2>", h("i", {}, "3")], sep="\\n")
    Html('<b>1</b>\\n&lt;2&gt;\\n<i>3</i>')
    """
    ud: list[str] = []
    _saml(kids, ud)
    return Html(esc(sep).join(ud))


def h(tag: str, attrs: Mapping[str, object] | None = None, /, *kids: object) -> Html:
    """The element ``<tag attrs>kids</tag>``; every ``str`` child and every attribute value is escaped.

    An attribute whose value is ``None`` or ``False`` is left out, ``True`` writes it bare. Children
    are flattened as in :func:`fragment`. Empty HTML elements (``br``) get no end tag; empty SVG
    shapes are closed as ``<rect …/>``.

    >>> h("a", {"href": '"><script>', "hidden": None}, "x")
    Html('<a href="&quot;&gt;&lt;script&gt;">x</a>')
    >>> h("rect", {"width": 8}), h("br"), h("td", {"class": "lbf-tal"}, 0)
    (Html('<rect width="8"/>'), Html('<br>'), Html('<td class="lbf-tal">0</td>'))
    """
    if tag not in _GYLDIGE_ELEMENTER:
        if not tag.replace("-", "").isalnum():
            raise ValueError(f"not an element name: {tag!r}")
        _GYLDIGE_ELEMENTER.add(tag)
    dele = [f"<{tag}"]
    if attrs:
        for navn, vaerdi in attrs.items():
            if navn not in _GYLDIGE_ATTRIBUTTER:
                if not navn.replace("-", "").replace(":", "").isalnum():
                    raise ValueError(f"not an attribute name: {navn!r}")
                _GYLDIGE_ATTRIBUTTER.add(navn)
            if vaerdi is None or vaerdi is False:
                continue
            if vaerdi is True:
                dele.append(f" {navn}")
                continue
            # Numbers (an SVG's coordinates) have nothing to escape.
            t = type(vaerdi)
            dele.append(f' {navn}="{str(vaerdi) if t is int or t is float else esc(vaerdi)}"')
    indhold = _indhold(kids)
    if tag in _TOMME:
        if indhold:
            raise ValueError(f"<{tag}> cannot have children")
        return Html("".join(dele) + ">")
    if tag in _SVG_TOMME and not indhold:
        return Html("".join(dele) + "/>")
    return Html("".join(dele) + f">{indhold}</{tag}>")


def celle(tag: str, klasse: str | None, indhold: object) -> Html:
    """A table cell (``td`` or ``th``) with an optional class: ``h(tag, {"class": klasse}, indhold)`` without
    :func:`h`'s general work (a year-by-year table has hundreds of cells, and it is rebuilt on every keystroke).

    >>> celle("td", "lbf-tal", "1.250 kr. & <x>") == h("td", {"class": "lbf-tal"}, "1.250 kr. & <x>")
    True
    >>> celle("th", None, Html("<b>År</b>")) == h("th", {"class": None}, Html("<b>År</b>"))
    True
    """
    if tag not in ("td", "th"):
        raise ValueError(f"not a table cell: {tag!r}")
    start = f'<{tag} class="{esc(klasse)}">' if klasse else f"<{tag}>"
    return Html(f"{start}{_indhold((indhold,))}</{tag}>")


def standard_idprefiks(kort: str, resultat: object) -> str:
    """The id prefix a view uses when its caller gives none: ``kort`` and a hash of the result.

    Two different results get different ids; the build and the browser pass their own prefixes.

    >>> standard_idprefiks("gg", {"a": 1}) == standard_idprefiks("gg", {"a": 1}) != standard_idprefiks("gg", {"a": 2})
    True
    """
    tekst = json.dumps(resultat, sort_keys=True, ensure_ascii=False, default=str)
    return f"{kort}-{hashlib.sha1(tekst.encode()).hexdigest()[:8]}"


#: The source texts (``/kilder/``) relative to a calculator page (``/beregnere/<navn>/``, use_directory_urls). The
#: same fragment is rendered into the page at build time and inserted into it in the browser, so one relative
#: address serves both and works wherever the site is served from.
KILDER = "../../kilder/"


# A result names the same few sources again on every recalculation: finding their passages is done once per text
# (typed: an Html and a str of the same characters are rendered differently).
@functools.lru_cache(maxsize=512, typed=True)
def kildetekst(tekst: str) -> Html:
    """A source text with each cited passage published under /kilder/ as a link to it (see
    :mod:`calculators.kildehenvisning`); the rest is text, escaped. :class:`Html` is already markup and stays as is.

    >>> kildetekst("BEK nr. 314 af 30/03/2016, § 15, stk. 2 & <x>")
    Html('BEK nr. 314 af 30/03/2016, <a href="../../kilder/bek-314-2016/#p15-stk2">§ 15, stk. 2</a> &amp; &lt;x&gt;')
    >>> kildetekst("BR15, bilag 6")
    Html('BR15, bilag 6')
    """
    if isinstance(tekst, Html):
        return tekst
    dele: list[object] = []
    forrige = 0
    for hv in henvisninger(tekst):
        dele += [tekst[forrige:hv.start], h("a", {"href": KILDER + hv.maal}, tekst[hv.start:hv.slut])]
        forrige = hv.slut
    return fragment(dele, tekst[forrige:])


def kilde(tekst: str) -> Html:
    """The source of a rule, labelled, its passages linked to the source texts (:func:`kildetekst`).

    >>> print(kilde("Administrationsgrundlaget, pkt. 1"))
    <p class="lbf-kilde"><span class="lbf-kilde__label">Kilde:</span>
    Administrationsgrundlaget, <a href="../../kilder/administrationsgrundlag/#pkt1">pkt. 1</a></p>
    """
    return h("p", {"class": "lbf-kilde"}, h("span", {"class": "lbf-kilde__label"}, "Kilde:"), " ", kildetekst(tekst))


def liste(punkter: Iterable[object], *, klasse: str = "") -> Html:
    """A bullet list; each point is text (or :class:`Html`).

    >>> liste(["a", "<b>"], klasse="x")
    Html('<ul class="x"><li>a</li><li>&lt;b&gt;</li></ul>')
    """
    return h("ul", {"class": klasse or None}, [h("li", {}, p) for p in punkter])


_STATUSSER = {True: ("ok", "Opfyldt"), False: ("fejl", "Ikke opfyldt"), "ok": ("ok", "OK"),
              "advarsel": ("advarsel", "Advarsel"), "fejl": ("fejl", "Fejl")}


def status_ikon(status: bool | str) -> Html:
    """A status as a text label, never colour alone (WCAG 1.4.1).

    >>> status_ikon(False)
    Html('<span class="lbf-status lbf-status--fejl">Ikke opfyldt</span>')
    """
    modifier, tekst = _STATUSSER[status]
    return h("span", {"class": f"lbf-status lbf-status--{modifier}"}, tekst)


def udfald(ja: bool, titel: str, *mere: object) -> Html:
    """The verdict box every result starts with; ``mere`` follows the heading, one piece a line.

    >>> udfald(False, "Nej & nej")
    Html('<div class="lbf-udfald lbf-udfald--nej">\\n<h3 class="lbf-udfald__titel">Nej &amp; nej</h3>\\n</div>')
    """
    return h("div", {"class": f"lbf-udfald lbf-udfald--{'ja' if ja else 'nej'}"},
             "\n", h("h3", {"class": "lbf-udfald__titel"}, titel), "\n", [(m, "\n") for m in mere])


def trin(spaend: float) -> float:
    """A round tick step for a chart axis, giving about five intervals over ``spaend``.

    >>> trin(1_170_000), trin(37), trin(0)
    (250000.0, 10, 1.0)
    """
    if spaend <= 0:
        return 1.0
    grov = spaend / 5
    stoerrelse = 10 ** math.floor(math.log10(grov))
    for m in (1, 2, 2.5, 5, 10):
        if m * stoerrelse >= grov:
            return m * stoerrelse
    return 10 * stoerrelse  # pragma: no cover


#: The worked example, rendered at build time, and the live result, rendered in the browser, stand on the same page:
#: their ids start with these two prefixes, and their scroll areas carry these words in their names.
EKSEMPEL_IDPRAEFIKS = "lbf-eksempel"
BROWSER_IDPRAEFIKS = "lbf-live"


def rulleomraade(navn: str, idprefiks: str, indhold: object) -> Html:
    """A wide table's own scroll area: a focusable region with a name, so the page never scrolls sideways on a
    phone and keyboard and screen-reader users can reach and scroll the table (WCAG 1.4.10, 2.1.1). The name says
    whose table it is, so the worked example's and the live result's regions differ.

    >>> print(rulleomraade("Opfølgning år for år", EKSEMPEL_IDPRAEFIKS, h("table", {})))
    <div class="lbf-tabel-rulle" role="region" aria-label="Opfølgning år for år – regneeksemplet" tabindex="0"><table></table></div>
    """
    hvis = "regneeksemplet" if idprefiks.startswith(EKSEMPEL_IDPRAEFIKS) else "jeres beregning"
    return h("div", {"class": "lbf-tabel-rulle", "role": "region", "aria-label": f"{navn} – {hvis}", "tabindex": 0},
             indhold)

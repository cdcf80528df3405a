"""Helpers shared by the browser tests (import as `from hjaelp import …`)."""

from __future__ import annotations

START_TIMEOUT_MS = 90_000  # Pyodide's first start on a busy 2-core machine; not a speed goal


def vent_paa_klar(page, rod: str = "[data-beregner]") -> None:
    """Wait until the calculator's worker has Python and the wheel loaded."""
    page.wait_for_selector(f"{rod}[data-state='ready']", timeout=START_TIMEOUT_MS)


# The focused element is visibly marked: an outline of at least 2 px or a box shadow.
SYNLIGT_FOKUS = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return false;
  const s = getComputedStyle(e);
  const omrids = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
  return omrids || (s.boxShadow && s.boxShadow !== 'none');
}"""


def tab_til(page, selector: str, maks: int = 60, baglaens: bool = False) -> None:
    """Press Tab until `selector` has focus, checking a visible focus on each stop."""
    for _ in range(maks):
        page.keyboard.press("Shift+Tab" if baglaens else "Tab")
        aktiv = page.evaluate("() => document.activeElement && document.activeElement.tagName")
        if aktiv and aktiv != "BODY":
            assert page.evaluate(SYNLIGT_FOKUS), page.evaluate("document.activeElement.outerHTML.slice(0, 200)")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")

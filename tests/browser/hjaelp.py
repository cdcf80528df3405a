"""Helpers shared by the browser tests (import as `from hjaelp import …`)."""

from __future__ import annotations

START_TIMEOUT_MS = 90_000  # Pyodide's first start on a busy 2-core machine; not a speed goal


def vent_paa_klar(page, rod: str = "[data-beregner]") -> None:
    """Wait until the calculator's worker has Python and the wheel loaded."""
    page.wait_for_selector(f"{rod}[data-state='ready']", timeout=START_TIMEOUT_MS)

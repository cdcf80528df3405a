"""The nøgletal outcome: the verdict first, then each condition with its rule and source."""

from __future__ import annotations

from ._html import esc, kilde, liste, status_ikon

BETINGELSER = {"tilsagnsdato": "Tilsagnsdato", "beloeb": "Beløbsgrænse", "udbudsdato": "Udbudsdato"}


def html(r: dict) -> str:
    dele = [
        f'<div class="lbf-udfald lbf-udfald--{"ja" if r["omfattet"] else "nej"}">',
        f'<h3 class="lbf-udfald__titel">{esc(r["konklusion"])}</h3>',
        "</div>",
        "<h3>Sådan er det vurderet</h3>",
        '<ul class="lbf-tjekliste">',
    ]
    for b in r["begrundelser"]:
        dele.append(
            f'<li>{status_ikon(b["opfyldt"])} <strong>{esc(BETINGELSER.get(b["betingelse"], b["betingelse"]))}:</strong> '
            f'{esc(b["tekst"])}{kilde(b["kilde"])}</li>')
    dele.append("</ul>")
    if r["forpligtelser"]:
        dele.append("<h3>Det skal I gøre</h3>")
        dele.append(liste(r["forpligtelser"]))
    if r["bemaerkninger"]:
        dele.append("<h3>Husk</h3>")
        dele.append(liste(r["bemaerkninger"]))
    return "\n".join(dele)

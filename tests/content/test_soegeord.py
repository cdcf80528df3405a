"""Issue 16, item 6: the site search finds »CO2« for »CO₂e« (build_scripts/soegeord.py, its hook and the editors'
docs/includes/soegeord.toml)."""

from __future__ import annotations

import doctest
import json
import re

import pytest
from indhold_hjaelp import ROD

from build_scripts import soegeord

PAR = soegeord.indlaes(ROD / soegeord.FIL)


def test_modulets_eksempler():
    assert doctest.testmod(soegeord).failed == 0


def test_filen_har_de_kendte_par():
    assert PAR["CO₂e"] == ("CO2e",) and PAR["CO₂"] == ("CO2",) and PAR["m²"] == ("m2",)


def test_kun_i_tekst_aldrig_i_et_tag():
    tekst = '<a href="#co₂" title="CO₂e">ton CO₂e</a> <code>m²</code>'
    ud = soegeord.tilfoej(tekst, PAR)
    assert ud.startswith('<a href="#co₂" title="CO₂e">ton CO₂e<span class="lbf-soegeord" hidden> CO2e</span></a>')
    assert '<code>m²<span class="lbf-soegeord" hidden> m2</span></code>' in ud
    assert re.sub(r'<span class="lbf-soegeord" hidden>[^<]*</span>', "", ud) == tekst


def test_laengste_stavemaade_vinder_og_intet_fordobles():
    ud = soegeord.tilfoej("CO₂e CO₂", PAR)
    assert ud.count("CO2e") == 1 and ud.count(" CO2<") == 1
    assert soegeord.tilfoej(ud, PAR) == ud
    assert soegeord.tilfoej("Ingen enheder her.", PAR) == "Ingen enheder her."


@pytest.mark.parametrize("data,ord_", [
    ({"stavemaader": {"CO₂e": "CO2e"}}, "liste"),
    ({"stavemaader": {"CO₂e": []}}, "liste"),
    ({"stavemaader": {"CO₂e": ["CO2 e"]}}, "mellemrum"),
    ({"stavemaader": {"ton CO₂e": ["CO2e"]}}, "mellemrum"),
    ({"stavemaader": {"CO₂e": ["CO₂e"]}}, "samme stavemåde"),
    ({"ord": {}}, "[stavemaader]"),
])
def test_forkert_fil_siger_hvad_der_er_galt(data, ord_):
    with pytest.raises(soegeord.Soegeordsfejl) as e:
        soegeord.tjek(data)
    assert ord_ in str(e.value) and "soegeord.toml" in str(e.value)


def test_det_byggede_indeks_har_hverdagsstavemaaderne(bygget_site):
    """Every search entry that writes »CO₂e« (»CO₂«, »m²«) has »CO2e« (»CO2«, »m2«) beside it, hidden."""
    docs = json.loads((bygget_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    med_co2 = [d["location"] for d in docs if "CO₂" in d["text"]]
    assert "baeredygtighedspuljen/#prioriteringskriterier" in med_co2
    moenster = re.compile("|".join(re.escape(s) for s in sorted(PAR, key=len, reverse=True)))
    fundet = 0
    for d in docs:
        dele = re.split(r"(<[^>]*>)", d["text"])
        for i in range(0, len(dele), 2):             # text, not tags
            for m in moenster.finditer(dele[i]):
                if dele[i - 1:i] == ['<span class="lbf-soegeord" hidden>']:
                    continue                         # our own words
                fundet += 1
                assert m.end() == len(dele[i]) and dele[i + 1] == '<span class="lbf-soegeord" hidden>' \
                    and dele[i + 2] == " " + " ".join(PAR[m.group(0)]), (d["location"], dele[i][-40:])
    assert fundet >= len(med_co2)
    # The search splits words at spaces and hyphens only (Material's separator), so the spellings are words.
    config = json.loads((bygget_site / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]
    assert config["separator"] == r"[\s\-]+"


def test_en_forkert_fil_stopper_byggeriet(byg_kopi):
    def aendr(kopi):
        (kopi / soegeord.FIL).write_text('[stavemaader]\n"CO₂e" = "CO2e"\n', encoding="utf-8")
    proc = byg_kopi(aendr)
    assert proc.returncode != 0
    assert "Fejl i søgeordene" in proc.stderr and "»CO₂e« skal have en liste" in proc.stderr

"""The Candidates and Trade-offs tabs in Spanish: after a run, with a recipe selected and the
Trade-offs tab open, every text a person can read there is Spanish (or a number, unit, id or proper
name), apart from the texts the services build in English (listed below, with the reason)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from spacetrash_desktop.ui import i18n
from spacetrash_desktop.ui.i18n import install_language

from .conftest import run_to_end
from .visible_text import ROOT, allowed, untranslated, visible_texts

# Labels that show texts the services and the engine build in English (the window only places them),
# by object name, with where each text comes from:
SERVICE_BUILT: dict[str, str] = {}  # every text of these tabs is now in Spanish (messages tables included)


def _service_built(where: str) -> bool:
    return any(f"'{name}'" in where for name in SERVICE_BUILT)


@pytest.fixture
def spanish(tmp_path, monkeypatch):
    """The window's Spanish catalogue built from the repository's .ts files (the .qm in the tree may
    predate them), installed for the test; English again afterwards."""
    tool = shutil.which("pyside6-lrelease") or str(Path(sys.executable).parent / "pyside6-lrelease")
    qm = tmp_path / "spacetrash_es.qm"
    ts = sorted(str(p) for p in (ROOT / "resources" / "i18n" / "es").glob("*.ts"))
    subprocess.run([tool, "-silent", *ts, "-qm", str(qm)], check=True)
    monkeypatch.setattr(i18n, "catalogue_path", lambda lang: qm)
    assert install_language("es")
    yield
    install_language("en")


@pytest.mark.slow
def test_candidates_and_tradeoffs_speak_spanish(qtbot, make_main_window, spanish):
    w = make_main_window()
    assert run_to_end(qtbot, w) == "finished"
    tab = w.candidates_tab
    tab.table.selectRow(0)
    qtbot.waitUntil(lambda: tab.detail.cand is not None, timeout=20000)
    qtbot.waitUntil(lambda: tab.detail._explain_task is None, timeout=20000)

    # the check itself tells English from Spanish
    assert not allowed("Select a recipe in the table", "es")
    texts = visible_texts(tab)
    # the window's own words are there, in Spanish
    shown = {t for t, _w in texts}
    for spanish_text in ("Generar  (Ctrl+G)", "Composición", "Notas de seguridad", "Mostrar", "Viabilidad"):
        assert spanish_text in shown, spanish_text
    left = [(t, where) for t, where in untranslated(texts, "es") if not _service_built(where)]
    assert left == []
    # in those, the parts the window owns are Spanish
    assert "Cómo se compone cada valor" in tab.detail.why.text()
    assert "Detalles físicos" in tab.detail.why.text()

    w.show_tab("tradeoffs")
    trade = w.tradeoffs_tab
    qtbot.waitUntil(lambda: trade.isVisible(), timeout=5000)
    texts = visible_texts(trade)
    assert any("frente de Pareto" in t for t, _w in texts)
    assert untranslated(texts, "es") == []
    # the axis titles (pyqtgraph labels, not widgets) are Spanish too
    for axis in ("bottom", "left"):
        title = trade.plot.getPlotItem().getAxis(axis).labelText
        assert allowed(title.split("  ·  ")[0], "es"), title
    # numbers with a decimal comma, on the plot's axes too
    assert trade.plot.getPlotItem().getAxis("bottom").tickStrings([1.5, 1.75], 1.0, 0.05) == ["1,50", "1,75"]
    assert "," in tab.model.data(tab.model.index(0, tab.columns.index["rigidity"]))

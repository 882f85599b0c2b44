"""The Spanish catalogue the window loads is built from the .ts files in the repository, complete."""

from __future__ import annotations

import importlib.util
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from spacetrash_desktop.ui.i18n import current_language, install_language

ROOT = Path(__file__).resolve().parents[2]


def _tools():
    spec = importlib.util.spec_from_file_location("translations_tool", ROOT / "packaging" / "translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_shipped_qm_is_built_from_the_ts_files(tmp_path):
    tools = _tools()
    built = tools.release("es", tmp_path / "spacetrash_es.qm")
    assert built.read_bytes() == tools.qm_file("es").read_bytes(), (
        "resources/i18n/spacetrash_es.qm is stale: run `python packaging/translations.py release es`"
    )


@pytest.mark.parametrize("ts", sorted((ROOT / "resources" / "i18n" / "es").glob("*.ts")), ids=lambda p: p.stem)
def test_every_message_of_the_window_has_a_spanish_translation(ts):
    missing = [
        m.findtext("source")
        for m in ET.parse(ts).getroot().iter("message")
        if (m.find("translation") is None or m.find("translation").get("type") == "unfinished")
    ]
    assert missing == [], f"{ts.name}: {len(missing)} messages without Spanish, e.g. {missing[:3]}"


def test_the_window_speaks_spanish_and_back(qapp):
    before = current_language()
    try:
        assert install_language("es")
        assert QCoreApplication.translate("MainWindow", "Inventory") == "Inventario"
    finally:
        install_language(before)
    assert QCoreApplication.translate("MainWindow", "Inventory") == "Inventory"

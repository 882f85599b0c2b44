"""What the crew can read in a window, and whether it is in the window's language.

``visible_texts(root)`` walks a widget tree (and the window's menus) and returns every text a person
can see: labels, buttons, group titles, tab titles, placeholders, combo-box entries, table and tree
headers, menu entries, window titles. ``untranslated(texts, lang)`` returns those that are neither a
message of the language's catalogue (``resources/i18n/<lang>/*.ts``, with ``{placeholders}`` filled
by anything) nor a dataset text in that language, a number, a unit, an id or a proper name.
"""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTabWidget,
    QWidget,
)

from spacetrash_desktop.messages import table

ROOT = Path(__file__).resolve().parents[2]

# Proper names, units and symbols that read the same in every language.
PROPER = {
    "Space Trash Desktop",
    "English",
    "Español",
    "MGS-1",
    "CTB",
    "PVDF",
    "PTFE",
    "HDPE",
    "LDPE",
    "PE",
    "PET",
    "EVOH",
    "NBR",
    "HMC",
    "NASA",
    "ISS",
    "CSV",
    "JSON",
    "PNG",
    "PDF",
    "HTML",
    "Parquet",
    "OK",
    "kWh",
    "kg",
    "L",
    "min",
    "h",
    "MPa",
    "GPa",
    "°C",
    "%",
    "R",
    "T",
    "ID",
    "Sankey",
    "Pareto",
    "XGBoost",
}
# Qt's own standard buttons, translated by Qt's catalogue (qtbase_es.qm), not the window's
QT_STANDARD_ES = {"Sí", "No", "Aceptar", "Cancelar", "Cerrar", "Guardar", "Descartar", "Reintentar", "Ignorar", "Abrir"}
_NUMERIC = re.compile(
    r"^[\s\d.,:;%+\-−–—/×x()\[\]#*★≥≤<>=~±·|…°]*(kg|kWh|L|min|h|MPa|GPa|°C|s|ms|sol|sols)?[\s\d.,%)]*$"
)
_ID = re.compile(r"^(R[0-9a-f]{12}|W\d{3,}|[A-Z]{2,}\d*|v?\d+(\.\d+)*|[0-9a-f]{8,}|[\w\-]+ \d+\.\d+\.\d+\S*)$")
# Codes the crew types or reads as codes, the same in every language: a composition in the inventory
# file format (material ids with their shares, "cotton 56%; nylon 6%"), a single lower-case token (an
# item flag such as "foam", a field name such as "mass_kg", a model name such as "spacetrash-residual").
_COMPOSITION = re.compile(r"^[a-z][a-z0-9 _]*\s\d+(\.\d+)?%(;\s*[a-z][a-z0-9 _]*\s\d+(\.\d+)?%)*$")
_CODE = re.compile(r"^[a-z][a-z0-9_\-]*$")
_SPLIT = re.compile(r"\n|\s[·—|]\s|;\s")


def _plain(text: str) -> str:
    if "<" in text and ">" in text:
        text = QTextDocumentFragment.fromHtml(text).toPlainText()
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


def _menu_texts(menu: QMenu, out: list[tuple[str, str]]) -> None:
    for a in menu.actions():
        if a.isSeparator() or not a.isVisible():
            continue
        out.append((_plain(a.text()), f"menu {menu.title()!r}"))
        if a.menu() is not None:
            out.append((_plain(a.menu().title()), "submenu"))
            _menu_texts(a.menu(), out)


def _cell_texts(view: QAbstractItemView, where: str, max_rows: int = 40) -> list[tuple[str, str]]:
    """The texts of the cells a person can read: the first ``max_rows`` rows of every shown column."""
    m = view.model()
    out = []
    columns = m.columnCount(QModelIndex())
    for r in range(min(max_rows, m.rowCount(QModelIndex()))):
        for c in range(columns):
            if hasattr(view, "isColumnHidden") and view.isColumnHidden(c):
                continue
            value = m.data(m.index(r, c), Qt.ItemDataRole.DisplayRole)
            if isinstance(value, str) and value.strip():
                out.append((_plain(value), f"{where} cell {r},{c}"))
    return out


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(text, where) for every text a person can read in ``root`` as it is shown now."""
    out: list[tuple[str, str]] = []
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        if w is not root and not w.isVisibleTo(root):
            continue
        where = f"{type(w).__name__} {w.objectName()!r}"
        if isinstance(w, (QLabel, QAbstractButton)):
            out.append((_plain(w.text()), where))
        elif isinstance(w, QGroupBox):
            out.append((_plain(w.title()), where))
        elif isinstance(w, QLineEdit):
            out.append((w.placeholderText(), where))
        elif isinstance(w, QComboBox):
            out.extend((_plain(w.itemText(i)), where) for i in range(w.count()))
        if isinstance(w, QTabWidget):
            out.extend((_plain(w.tabText(i)), where) for i in range(w.count()))
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            m = w.model()
            for orient, n in ((Qt.Orientation.Horizontal, m.columnCount(QModelIndex())),):
                for i in range(n):
                    value = m.headerData(i, orient, Qt.ItemDataRole.DisplayRole)
                    if value:
                        out.append((_plain(str(value)), f"{where} header"))
            out.extend(_cell_texts(w, where))
    if isinstance(root, QMainWindow):
        out.append((root.windowTitle(), "window title"))
        for a in root.menuBar().actions():
            out.append((_plain(a.text()), "menu bar"))
            if a.menu() is not None:
                _menu_texts(a.menu(), out)
    elif root.isWindow():
        out.append((root.windowTitle(), "window title"))
    return [(t, w) for t, w in out if t and t.strip()]


def _pattern(text: str) -> re.Pattern:
    parts = re.split(r"(\{[^{}]*\}|%n|%\d)", text)
    rx = "".join(".+?" if re.fullmatch(r"\{[^{}]*\}|%n|%\d", p) else re.escape(p) for p in parts)
    return re.compile(rf"^{rx}$", re.DOTALL)


@lru_cache(maxsize=4)
def catalogue(lang: str) -> tuple[frozenset[str], tuple[re.Pattern, ...]]:
    """The translations of the language's .ts files (plain texts, and patterns for templates)."""
    plain, patterns = set(), []
    for ts in sorted((ROOT / "resources" / "i18n" / lang).glob("*.ts")):
        for msg in ET.parse(ts).getroot().iter("message"):
            node = msg.find("translation")
            if node is None:
                continue
            forms = [n.text or "" for n in node.findall("numerusform")] or [node.text or ""]
            for t in forms:
                t = _plain(t)
                if not t:
                    continue
                plain.add(t)
                if re.search(r"\{[^{}]*\}|%n|%\d", t):
                    patterns.append(_pattern(t))
    return frozenset(plain), tuple(patterns)


@lru_cache(maxsize=4)
def message_patterns(lang: str) -> tuple[re.Pattern, ...]:
    """The sentences the layers below the window write in ``lang`` (``spacetrash_desktop.messages``)."""
    return tuple(_pattern(t) for t in table(lang).values())


@lru_cache(maxsize=4)
def dataset_texts(lang: str) -> frozenset[str]:
    path = ROOT / "datasets" / f"translations_{lang}.csv"
    if not path.exists():
        return frozenset()
    with path.open(encoding="utf-8", newline="") as fh:
        return frozenset(r["translation"] for r in csv.DictReader(fh) if r["translation"])


def allowed(text: str, lang: str) -> bool:
    text = text.strip()
    plain, patterns = catalogue(lang)
    if not text or text in PROPER or text in plain or text in dataset_texts(lang):
        return True
    if lang == "es" and text in QT_STANDARD_ES:
        return True
    if _NUMERIC.match(text) or _ID.match(text) or _COMPOSITION.match(text) or _CODE.match(text):
        return True
    if any(p.match(text) for p in patterns) or any(p.match(text) for p in message_patterns(lang)):
        return True
    if any(text in d for d in dataset_texts(lang)):  # a dataset text cut to fit
        return True
    parts = [p.strip() for p in _SPLIT.split(text) if p.strip()]
    if len(parts) > 1:
        return all(allowed(p, lang) for p in parts)
    return False


def untranslated(texts: list[tuple[str, str]], lang: str) -> list[tuple[str, str]]:
    seen, out = set(), []
    for text, where in texts:
        if text not in seen and not allowed(text, lang):
            seen.add(text)
            out.append((text, where))
    return out

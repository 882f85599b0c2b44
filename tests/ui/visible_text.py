"""What the crew can read in a window, and whether it is in the window's language.

``visible_texts(root)`` walks a widget tree (and the window's menus) and returns every text a person
can see: labels, buttons, group titles, tab titles, placeholders, combo-box entries, table and tree
headers and cells, menu entries, window titles. ``untranslated(texts, lang)`` returns those that do
not read in ``lang``.

A text reads in ``lang`` (``allowed``) when it is, as it stands, a message of the language's catalogue
(``resources/i18n/<lang>/*.ts``) or of the sentences the layers below the window write
(``spacetrash_desktop.messages``), a dataset text in that language, a proper name, a number with its
unit, an id, a moment or a code; or a template of those catalogues whose every placeholder holds a
value of its kind: a formatted number for ``{x:.2f}``/``%n``, a quoted echo of the crew's input for
``{x!r}``, anything for the few ``FREE`` placeholders (user data), and otherwise a text that itself
reads in ``lang`` (down to ``DEPTH`` levels). The split of a text between a template's literal pieces
is searched, not guessed. A composed text (lines, " · "/" — "/"; " parts, wide gaps, sentences, lists)
reads when every part does; so do a quantity before a name ("12,5 kg Ropa"), a value after a label
("rigidez ≥ 0,45"), a text cut with "…" to fit, and a sentence followed by a catalogue continuation
(", e informa a …"). Status symbols (●, ✓, ★, →) are not words.
"""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
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

from spacetrash_desktop.errors import ErrorCode
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
# Units and symbols: the same in every language (SI symbols, and the app's per-sol and per-kg units).
UNITS = (
    r"(kg|g|mm|cm|cm²|m|m²|N|kWh|W|L|min|h|s|ms|MPa|GPa|kPa|Pa|°C|sol|sols|kWh/sol|L/sol|min/sol|kg/sol|kWh/kg|L/kg)"
)
_NUMERIC = re.compile(rf"^[\s\d.,:;%+\-−–—/×x()\[\]#*★≥≤<>=~±·|…°]*{UNITS}?[\s\d.,%)]*$")
# A moment as the app writes it (ISO 8601: 2026-12-06T04:02:38Z, 2026-12-06 04:02)
_TIME = re.compile(r"^\d{4}-\d\d-\d\d([T ]\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+\-]\d\d:?\d\d)?)?$")
# A quantity written before what it measures, the same in every language: "12,5 kg Ropa", "64% Ropa"
_QUANTITY = re.compile(rf"^[+\-−±]?\d[\d.,]*\s?(%|{UNITS})?\s+(?P<rest>\S.*)$", re.DOTALL)
# Symbols that mark a line (status dots, checks, stars, arrows, bullets): not words
_DECORATION = " \t●○◆◇■□✓✔✗✘★☆⚠•→←↑↓▲▼-"
# A value set against what it measures: "rigidez ≥ 0,45", "agua 1,5 L ± 0,01", "Toallas +1" (one more)
_MEASURED = re.compile(
    rf"^(?P<rest>\S.*?)\s*([≥≤<>=]\s*)?[+\-−]?\d[\d.,]*\s?(%|{UNITS})?(\s*±\s*\d[\d.,]*\s?(%|{UNITS})?)?$"
)
# The error codes a dialog names for support ("Código de error BAD_INPUT"): codes, in every language
ERROR_CODES = frozenset(c.value for c in ErrorCode)
# A keyboard shortcut as Qt writes it ("Ctrl+Shift+Z", "Esc", "F1")
_SHORTCUT = re.compile(
    r"^((Ctrl|Shift|Alt|Meta)\+)*(Ctrl|Shift|Alt|Meta|Esc|Del|Supr|Intro|Enter|Return|F\d{1,2}|[A-Z0-9])$"
)
# ids, versions, codes; a Python exception's class name ("TypeError") in a reason is a code too
_ID = re.compile(
    r"^([A-Z][A-Za-z]+(Error|Exception)|R[0-9a-f]{12}|W\d{3,}|[A-Z]{2,}\d*|v?\d+(\.\d+)*(\+[a-z]+(\.\d+)*)?|[0-9a-f]{8,}|[\w\-]+ \d+\.\d+\.\d+\S*)$"
)
# Codes the crew types or reads as codes, the same in every language: a composition in the inventory
# file format (material ids with their shares, "cotton 56%; nylon 6%"), a single lower-case token (an
# item flag such as "foam", a field name such as "mass_kg", a model name such as "spacetrash-residual").
_COMPOSITION = re.compile(r"^[a-z][a-z0-9 _]*\s\d+(\.\d+)?%(;\s*[a-z][a-z0-9 _]*\s\d+(\.\d+)?%)*$")
# Only a token with "_" or a digit (or a model name, "spacetrash-…") counts as a code by its look; a plain lower-case word counts
# only when the datasets use it as a code (an item flag, a material or process id, a column of the
# inventory file), so that an English word ("rows", "recipes") is never taken for one.
_CODE = re.compile(r"^([a-z][a-z0-9\-]*[_0-9][a-z0-9_\-]*|spacetrash-[a-z0-9\-]+)$")
_LINES = re.compile(r"\n")
_SPLIT = re.compile(r"\s[·—|]\s|;\s")
_GAP = re.compile(r"\s{3,}")  # a legend's or a result line's entries set apart by wide spaces
_PLUS = re.compile(r"\s\+\s")  # "a + b": the items of a recipe (names may hold commas)
_LIST = re.compile(r",\s|\s\+\s")  # "a, b" and "a + b": a list of allowed texts
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[¿¡«(\"\w])")


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


def _cell_texts(
    view: QAbstractItemView, where: str, max_rows: int = 40, role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole
) -> list[tuple[str, str]]:
    """The texts of the cells a person can read: the first ``max_rows`` rows of every shown column."""
    m = view.model()
    out = []
    columns = m.columnCount(QModelIndex())
    for r in range(min(max_rows, m.rowCount(QModelIndex()))):
        for c in range(columns):
            if hasattr(view, "isColumnHidden") and view.isColumnHidden(c):
                continue
            value = m.data(m.index(r, c), role)
            if isinstance(value, str) and value.strip():
                out.append((_plain(value), f"{where} cell {r},{c}"))
    return out


def visible_texts(root: QWidget, tooltips: bool = True) -> list[tuple[str, str]]:
    """(text, where) for every text a person can read in ``root`` as it is shown now (``tooltips``:
    with the tooltips of its widgets, headers and cells, which the mouse shows)."""
    out: list[tuple[str, str]] = []
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        if w is not root and not w.isVisibleTo(root):
            continue
        where = f"{type(w).__name__} {w.objectName()!r}"
        if tooltips and w.toolTip():
            out.append((_plain(w.toolTip()), f"{where} tooltip"))
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
                    tip = m.headerData(i, orient, Qt.ItemDataRole.ToolTipRole) if tooltips else None
                    if isinstance(tip, str) and tip.strip():
                        out.append((_plain(tip), f"{where} header tooltip"))
            out.extend(_cell_texts(w, where))
            if tooltips:
                out.extend(_cell_texts(w, f"{where} tooltip", role=Qt.ItemDataRole.ToolTipRole))
    if isinstance(root, QMainWindow):
        out.append((root.windowTitle(), "window title"))
        for a in root.menuBar().actions():
            out.append((_plain(a.text()), "menu bar"))
            if a.menu() is not None:
                _menu_texts(a.menu(), out)
    elif root.isWindow():
        out.append((root.windowTitle(), "window title"))
    return [(t, w) for t, w in out if t and t.strip()]


# Placeholders of Qt (%n, %1) and of str.format ({name}, {name:.2f}, {name!r}).
_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n|%L?\d")
# Placeholders whose value is the crew's own data and may be any text, in any language:
FREE = {
    "path",  # a file path the crew chose in a file dialog
    "file",  # a file name, as on disk
    "folder",  # a folder path, as on disk
    "who",  # the name of the crew member who reported, as typed
    "text",  # what the crew typed into a field, quoted back in a "… is not a number" reason
}
# A {name!r} placeholder is a value echoed back from the crew's input (a typed value, a cell of the
# file being imported), in quotes: any text, but it must be quoted.
# What a numeric placeholder ({x:.2f}, {n:,}, {p:.0%}, %n) may show: one formatted number.
_NUMBER = re.compile(r"^[+\-−]?(\d[\d.,\u00a0\u202f ]*\d|\d)([eE][+\-]?\d+)?\s?%?$|^[+\-−]?(inf|nan)$")
DEPTH = 3  # how deep a placeholder's value may itself be a filled template


@dataclass(frozen=True)
class Slot:
    """One placeholder of a template: its name and what its value may be."""

    name: str
    kind: str  # "free" (user data), "number" (a formatted number), "repr" (a quoted value), "text"


def _slot(token: str) -> Slot:
    if token == "%n":
        return Slot("n", "number")
    if not token.startswith("{"):
        return Slot(token, "text")
    field = token[1:-1]
    name, _, spec = field.partition(":")
    name, _, conversion = name.partition("!")
    if name in FREE:
        return Slot(name, "free")
    if conversion == "r":
        return Slot(name, "repr")
    if spec and (spec[-1] in "bdeEfFgGnoxX%" or "," in spec):
        return Slot(name, "number")
    return Slot(name, "text")


@dataclass(frozen=True)
class Template:
    """A translated text with placeholders: its literal pieces and slots, and a quick regex that
    every filled form of it matches (a cheap first filter before the strict match)."""

    text: str
    pieces: tuple[str | Slot, ...]
    quick: re.Pattern

    @classmethod
    def parse(cls, text: str) -> Template:
        pieces: list[str | Slot] = []
        for part in re.split(f"({_PLACEHOLDER.pattern})", text):
            if not part:
                continue
            pieces.append(_slot(part) if _PLACEHOLDER.fullmatch(part) else part)
        rx = "".join(".*?" if isinstance(p, Slot) else re.escape(p) for p in pieces)
        return cls(text, tuple(pieces), re.compile(rf"^{rx}$", re.DOTALL))

    def matches(self, text: str, lang: str, depth: int, cut: bool = False) -> bool:
        """Whether ``text`` is this template filled with allowed values: some split of ``text``
        between the literal pieces gives every slot a value its kind allows. ``cut``: ``text`` is
        the beginning of such a text (its end cut off; the last value may be cut too)."""
        if not cut and not self.quick.match(text):
            return False
        pieces, n = self.pieces, len(text)

        @cache
        def fill(i: int, pos: int) -> bool:
            if i == len(pieces):
                return pos == n
            piece = pieces[i]
            if cut and pos == n:
                return i > 0
            if isinstance(piece, str):
                if cut and piece.startswith(text[pos:]):
                    return True
                return text.startswith(piece, pos) and fill(i + 1, pos + len(piece))
            if cut and value_allowed(piece, text[pos:] + "…", lang, depth):
                return True
            if i + 1 == len(pieces):
                ends: Iterable[int] = (n,)
            elif isinstance(pieces[i + 1], str):
                ends = _occurrences(text, pieces[i + 1], pos)
            else:
                ends = range(pos, n + 1)
            return any(value_allowed(piece, text[pos:end], lang, depth) and fill(i + 1, end) for end in ends)

        return fill(0, 0)


def _occurrences(text: str, piece: str, start: int) -> Iterable[int]:
    i = text.find(piece, start)
    while i >= 0:
        yield i
        i = text.find(piece, i + 1)


def value_allowed(slot: Slot, value: str, lang: str, depth: int) -> bool:
    """Whether ``value`` may fill ``slot`` in a text of ``lang``."""
    if slot.kind == "free" or not value.strip():
        return True
    if slot.kind == "number":
        return bool(_NUMBER.match(value.strip()))
    if slot.kind == "repr":
        value = value.strip()
        return len(value) >= 2 and value[0] == value[-1] and value[0] in "'\""
    return allowed(value, lang, depth)


def _forms(node: ET.Element) -> list[str]:
    return [n.text or "" for n in node.findall("numerusform")] or [node.text or ""]


@lru_cache(maxsize=4)
def catalogue(lang: str) -> tuple[frozenset[str], tuple[Template, ...]]:
    """The translations of the language's .ts files and the sentences the layers below the window
    write in ``lang`` (``spacetrash_desktop.messages``): plain texts, and templates."""
    plain, templates = set(), {}
    texts = [
        _plain(t)
        for ts in sorted((ROOT / "resources" / "i18n" / lang).glob("*.ts"))
        for msg in ET.parse(ts).getroot().iter("message")
        if msg.find("translation") is not None
        for t in _forms(msg.find("translation"))
    ]
    texts += [t.strip() for t in table(lang).values()]
    for t in texts:
        if not t:
            continue
        if _PLACEHOLDER.search(t):
            templates.setdefault(t, Template.parse(t))
        else:
            plain.add(t)
    return frozenset(plain), tuple(templates.values())


@lru_cache(maxsize=4)
def dataset_texts(lang: str) -> frozenset[str]:
    path = ROOT / "datasets" / f"translations_{lang}.csv"
    if not path.exists():
        return frozenset()
    with path.open(encoding="utf-8", newline="") as fh:
        return frozenset(r["translation"] for r in csv.DictReader(fh) if r["translation"])


def _cut_to_fit(text: str, lang: str) -> bool:
    """A catalogue or dataset text shortened with an ellipsis to fit its place ("Toallas de alg…")."""
    stem = text.strip("…").strip()
    if stem == text or len(stem) < 3:
        return False
    plain, _templates = catalogue(lang)
    return any(stem in t for t in dataset_texts(lang)) or any(stem in t for t in plain)


@lru_cache(maxsize=1)
def dataset_codes() -> frozenset[str]:
    """The lower-case words the datasets use as codes: item flags, material and process ids, the
    columns of the inventory file."""
    codes: set[str] = set()
    with (ROOT / "datasets" / "waste_inventory.csv").open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        codes |= set(reader.fieldnames or ())
        for row in reader:
            codes |= {f.strip() for f in (row.get("flags") or "").split(";") if f.strip()}
    for name, key in (("materials.csv", "material_id"), ("processes.csv", "process_id")):
        with (ROOT / "datasets" / name).open(encoding="utf-8", newline="") as fh:
            codes |= {row[key] for row in csv.DictReader(fh)}
    return frozenset(codes)


def _atomic(text: str, lang: str) -> bool:
    """A text allowed as it stands: a catalogue, message or dataset text, a proper name, a number
    with its unit, an id or a code."""
    plain, _templates = catalogue(lang)
    if text in PROPER or text in plain or text in dataset_texts(lang):
        return True
    if lang == "es" and text in QT_STANDARD_ES:
        return True
    if _NUMERIC.match(text) or _ID.match(text) or _COMPOSITION.match(text) or _CODE.match(text):
        return True
    if text in dataset_codes() or _TIME.match(text) or text in ERROR_CODES:
        return True
    upper = text[:1].upper() + text[1:]  # a label or a dataset name used inside a sentence, lower-case first
    if text[:1].islower() and (upper in plain or upper in dataset_texts(lang) or _atomic(upper, lang)):
        return True
    if text + "…" in plain:  # a menu entry without its "…" (Qt's tooltip of an action)
        return True
    if _SHORTCUT.match(text) or text + ":" in plain:  # a shortcut; a catalogue label ("Aún no …:") before its text
        return True
    if any(d.startswith(text + " (") for d in dataset_texts(lang)):  # a dataset name without its parenthesis
        return True
    return _cut_to_fit(text, lang)


def _splits(text: str) -> Iterable[list[str]]:
    """The ways to read a composed text as parts: its lines; else its " · ", " — ", "; " separated
    parts, its entries set apart by wide gaps, its sentences, the entries of a list ("a, b", "a + b")."""
    lines = [p.strip(_DECORATION) for p in _LINES.split(text) if p.strip(_DECORATION)]
    if len(lines) > 1:
        yield lines
        return
    for rx in (_SPLIT, _GAP, _SENTENCE, _PLUS, _LIST):
        parts = [p.strip(_DECORATION) for p in rx.split(text) if p.strip(_DECORATION)]
        if len(parts) > 1:
            yield parts


def _parts(text: str) -> list[str]:
    return next(iter(_splits(text)), [text])


@lru_cache(maxsize=200_000)
def allowed(text: str, lang: str, depth: int = DEPTH) -> bool:
    """Whether ``text`` reads in ``lang``: an allowed text as it stands, a template of the
    catalogue whose every placeholder holds an allowed value (itself a filled template, down to
    ``depth`` levels), or a composed text whose every part is allowed."""
    raw = text.strip()
    text = raw.strip(_DECORATION)
    if not text or _atomic(text, lang) or _atomic(raw, lang):
        return True
    for notation in (_QUANTITY, _MEASURED):
        m = notation.match(text)
        if m and m["rest"] != text and allowed(m["rest"], lang, depth):
            return True
    if depth > 0:
        _plain_texts, templates = catalogue(lang)
        if any(t.matches(text, lang, depth - 1) or t.matches(raw, lang, depth - 1) for t in templates):
            return True
    if any(all(allowed(p, lang, depth) for p in parts) for parts in _splits(text)):
        return True
    if text.endswith(".") and not text.endswith("..") and allowed(text[:-1], lang, depth):  # a sentence's stop
        return True
    return _continued(text, lang, depth) or _cut_template(text, lang, depth)


def _continued(text: str, lang: str, depth: int) -> bool:
    """An allowed text followed by a catalogue continuation (a template that starts with ", ", "; ",
    " (" or " — ": the code appends it to a sentence, as in "…, and informs {more} more recipes")."""
    if depth <= 0:
        return False
    for t in continuations(lang):
        first = t.pieces[0]
        assert isinstance(first, str)
        for i in _occurrences(text, first, 1):
            if t.matches(text[i:], lang, depth - 1) and allowed(text[:i], lang, depth):
                return True
    return False


@lru_cache(maxsize=4)
def continuations(lang: str) -> tuple[Template, ...]:
    _plain_texts, templates = catalogue(lang)
    starts = (", ", "; ", " (", " — ")
    return tuple(t for t in templates if isinstance(t.pieces[0], str) and t.pieces[0].startswith(starts))


def _cut_template(text: str, lang: str, depth: int) -> bool:
    """A filled template shortened with an ellipsis to fit a table cell ("Mide rigidez donde…")."""
    if not text.endswith("…") or depth <= 0 or len(text) < 24:
        return False
    _plain_texts, templates = catalogue(lang)
    return any(t.matches(text[:-1].rstrip(), lang, depth - 1, cut=True) for t in templates)


def untranslated(texts: list[tuple[str, str]], lang: str) -> list[tuple[str, str]]:
    seen, out = set(), []
    for text, where in texts:
        if text not in seen and not allowed(text, lang):
            seen.add(text)
            out.append((text, where))
    return out

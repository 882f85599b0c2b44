"""The window's language: English or Spanish (español).

Every visible string of the window goes through Qt's translation system (``self.tr`` in a class,
``QCoreApplication.translate(context, text)`` elsewhere); the Spanish catalogue is
``resources/i18n/spacetrash_es.ts`` (built into ``spacetrash_es.qm`` by ``pyside6-lrelease``, see
``packaging/translations.py``), with Qt's own ``qtbase_es.qm`` for the standard dialogs. Dataset
texts (materials, items, processes, targets, hazards, procedures) come from
``datasets/translations_es.csv`` through the catalog (``services.inventory.load_catalog(lang)``).

The choice is kept in the window settings (``view/language``); the first start follows the system
locale (Spanish when the system speaks Spanish, else English). Numbers follow the language: a
decimal comma in Spanish (``number``). The command line stays English.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from spacetrash_desktop.services.files import bundled_dir
from spacetrash_desktop.services.inventory import set_data_language

log = logging.getLogger(__name__)

LANGUAGES = {"en": "English", "es": "Español"}
SETTINGS_KEY = "view/language"
_installed: list[QTranslator] = []
_current = ["en"]
_english_locale: list[QLocale] = []  # the default locale before the first switch (English keeps it)


# pyqtgraph's own words a crew member can meet (a plot's right-click menu): pyqtgraph asks Qt's
# translators with these contexts, so the window's catalogue answers for them too
PYQTGRAPH_TEXTS = (QT_TRANSLATE_NOOP("GraphicsScene", "Export..."),)


def system_language() -> str:
    """The system locale's language when the window speaks it, else English."""
    name = QLocale.system().name().split("_")[0].lower()
    return name if name in LANGUAGES else "en"


def chosen_language(settings: QSettings | None) -> str:
    """The language the crew chose (kept in the settings); on the first start, the system's."""
    value = str(settings.value(SETTINGS_KEY, "") or "") if settings is not None else ""
    return value if value in LANGUAGES else system_language()


def remember_language(settings: QSettings, lang: str) -> None:
    settings.setValue(SETTINGS_KEY, lang)
    settings.sync()


def catalogue_path(lang: str):
    return bundled_dir("resources").joinpath("i18n", f"spacetrash_{lang}.qm")


def install_language(lang: str) -> bool:
    """Load ``lang``'s catalogues into the running application (removing the previous ones) and make
    its number format the default. Returns False when the window's catalogue cannot be loaded (the
    window then stays in English and says so in the log)."""
    app = QCoreApplication.instance()
    for t in _installed:
        if app is not None:
            QCoreApplication.removeTranslator(t)
    _installed.clear()
    lang = lang if lang in LANGUAGES else "en"
    ok = True
    if lang != "en":
        own = QTranslator()
        path = catalogue_path(lang)
        ok = own.load(str(path))
        if ok:
            _installed.append(own)
        else:
            log.warning("the %s catalogue %s could not be loaded; the window stays in English", lang, path)
            lang = "en"
        qt = QTranslator()
        if ok and qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            _installed.append(qt)
    for t in _installed:
        QCoreApplication.installTranslator(t)
    if not _english_locale:
        _english_locale.append(QLocale())
    QLocale.setDefault(QLocale(QLocale.Language.Spanish, QLocale.Country.Spain) if lang == "es" else _english_locale[0])
    _current[0] = lang
    set_data_language(lang)
    return ok


def current_language() -> str:
    return _current[0]


def percent(share: float | None, decimals: int = 0, *, empty: str = "–") -> str:
    """A share (0.97) as a percentage in the window's language: '97%' in English, '97 %' in Spanish
    (a space before the sign, as Spanish writes it)."""
    if share is None:
        return empty
    value = number(100.0 * float(share), decimals)
    return f"{value}%" if current_language() == "en" else f"{value} %"


def number(value: float | int | None, decimals: int = 2, *, empty: str = "–") -> str:
    """``value`` in the window's language: 1,234.5 in English, 1.234,5 in Spanish."""
    if value is None:
        return empty
    locale = QLocale()
    if isinstance(value, int):
        return locale.toString(value)
    return locale.toString(float(value), "f", decimals)

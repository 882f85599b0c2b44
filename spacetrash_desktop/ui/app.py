"""The application: QApplication, the Fusion style with a restrained light palette and large,
glove-friendly controls, the global exception hooks, and ``run_app`` (what ``spacetrash`` with no
arguments runs).

``SPACETRASH_STARTUP_PROBE=1`` makes the app print ``SPACETRASH_READY <unix time>`` once the window
is shown, the inventory is in the table and the event loop is idle, then quit (``spacetrash bench
gui`` measures the start-up time with it).
"""

from __future__ import annotations

import logging
import os
import sys
import time

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QColor, QFont, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QMessageBox, QStyleFactory

from spacetrash_desktop._version import __version__
from spacetrash_desktop.domain import ModelStatus
from spacetrash_desktop.services.files import bundled_dir, log_path, setup_logging
from spacetrash_desktop.ui.errors import ExceptionHooks
from spacetrash_desktop.ui.i18n import catalogue_path, chosen_language, current_language, install_language
from spacetrash_desktop.ui.language_menu import restart_in
from spacetrash_desktop.ui.main_window import MainWindow, window_settings

log = logging.getLogger(__name__)

PROBE_ENV = "SPACETRASH_STARTUP_PROBE"
ORG, APP = "SpaceTrash", "Space Trash Desktop"


def resource_path(*parts: str):
    return bundled_dir("resources").joinpath(*parts)


def light_palette() -> QPalette:
    p = QPalette()
    c = {
        QPalette.ColorRole.Window: "#f3f4f6",
        QPalette.ColorRole.WindowText: "#111827",
        QPalette.ColorRole.Base: "#ffffff",
        QPalette.ColorRole.AlternateBase: "#f1f5f9",
        QPalette.ColorRole.ToolTipBase: "#fffbea",
        QPalette.ColorRole.ToolTipText: "#111827",
        QPalette.ColorRole.PlaceholderText: "#6b7280",
        QPalette.ColorRole.Text: "#111827",
        QPalette.ColorRole.Button: "#e5e7eb",
        QPalette.ColorRole.ButtonText: "#111827",
        QPalette.ColorRole.BrightText: "#ffffff",
        QPalette.ColorRole.Highlight: "#2563eb",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#1d4ed8",
    }
    for role, color in c.items():
        p.setColor(role, QColor(color))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#9ca3af"))
    return p


def apply_style(app: QApplication) -> None:
    """Fusion everywhere (consistent on every OS), a light palette and the bundled stylesheet."""
    fusion = QStyleFactory.create("Fusion")
    if fusion is not None:
        app.setStyle(fusion)
    app.setPalette(light_palette())
    font = QFont(app.font())
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    app.setFont(font)
    try:
        qss = resource_path("styles", "app.qss")
        if qss.exists():
            app.setStyleSheet(qss.read_text(encoding="utf-8"))
        icon = resource_path("icons", "spacetrash.svg")
        if icon.exists():
            app.setWindowIcon(QIcon(str(icon)))
    except OSError:  # a missing resource folder must not stop the window
        log.warning("bundled resources not found; using the default look")
    # antialiasing per item (the scatter points): axes and grids are axis-aligned and repaint faster without
    pg.setConfigOptions(antialias=False, background="w", foreground="#374151")


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        QGuiApplication.setApplicationName(APP)
        QGuiApplication.setOrganizationName(ORG)
        QGuiApplication.setApplicationVersion(__version__)
        QGuiApplication.setDesktopFileName("spacetrash")
        app = QApplication([sys.argv[0] if sys.argv else "spacetrash", *(argv or [])])
    apply_style(app)
    return app


def route_qt_messages() -> None:
    """Qt's own warnings go to the log file (not to a console the crew never sees)."""
    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }
    qt_log = logging.getLogger("qt")

    def handler(mode, _context, message):
        if "propagateSizeHints" in message:  # the offscreen platform's noise, not a problem
            return
        qt_log.log(levels.get(mode, logging.WARNING), "%s", message)

    qInstallMessageHandler(handler)


def run_app(argv: list[str] | None = None) -> int:
    """Open the window and run the event loop; returns the exit code. The window reopens when the
    crew changes its language (View > Language)."""
    setup_logging()
    route_qt_messages()
    app = make_application(argv)
    install_language(chosen_language(window_settings()))
    while True:
        code = _run_window(app)
        if not restart_in:
            return code
        install_language(restart_in.pop())


def _run_window(app: QApplication) -> int:
    t0 = time.perf_counter()
    try:
        window = MainWindow()
    except Exception as exc:  # a start-up failure: on the terminal AND in a plain dialog
        report_startup_failure(exc)
        return 1
    hooks = ExceptionHooks(window.show_failure).install()
    window.inventory_ready.connect(
        lambda: log.info("window ready %.2f s after the window was built", time.perf_counter() - t0)
    )
    if os.environ.get(PROBE_ENV):
        _install_probe(app, window)
    window.show()
    try:
        return int(app.exec())
    finally:
        hooks.uninstall()
        if not getattr(window, "_closed", True):
            window.close()


def report_startup_failure(exc: BaseException) -> None:
    """The window could not be built (after Qt started): one plain message on the terminal and in a
    dialog; the traceback goes to the log file. (A Qt platform plugin that cannot load is diagnosed
    before Qt starts, in cli.py: no dialog can be shown then.)"""
    log.error("the window could not start", exc_info=exc)
    reason = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    text = f"Space Trash Desktop could not start: {reason}\n\nDetails are in the log file: {log_path()}"
    print(f"spacetrash: {text}", file=sys.stderr, flush=True)
    if os.environ.get(PROBE_ENV):  # an unattended start (CI, bench): no dialog to wait on
        return
    box = QMessageBox(QMessageBox.Icon.Critical, APP, text, QMessageBox.StandardButton.Close)
    box.exec()


def _install_probe(app: QApplication, window) -> None:
    """Print the time once the window is usable (shown, inventory loaded, event loop idle) and quit."""
    state = {"inventory": False}

    def ready():
        print(f"SPACETRASH_READY {time.time():.6f}", flush=True)
        log.info("start-up probe: window ready, quitting")
        window.close()
        app.quit()

    def inventory_loaded():
        state["inventory"] = True
        QTimer.singleShot(0, window, ready)  # runs when the queue of pending events is drained

    window.inventory_ready.connect(inventory_loaded)


def self_test_window(timeout_s: float = 60.0) -> str:
    """The ``spacetrash self-test`` window check: open the main window (offscreen when there is no
    display), wait until the inventory is in the table and the model check has finished, switch
    through every tab and render it, close the window. Returns what was checked (including the model
    status the status bar shows); raises RuntimeError on failure."""
    route_qt_messages()
    app = make_application([])
    window = MainWindow()
    loop = QEventLoop()
    state: dict = {"inventory": False, "model": None}

    def check_done():
        if state["inventory"] and state["model"] is not None:
            loop.quit()

    def inventory_ready():
        state["inventory"] = True
        check_done()

    def model_checked(info):
        state["model"] = info
        check_done()

    window.inventory_ready.connect(inventory_ready)
    window.model_checked.connect(model_checked)
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    window.show()
    if not (state["inventory"] and state["model"] is not None):
        loop.exec()
    try:
        if not state["inventory"]:
            raise RuntimeError(f"the window did not finish loading the inventory within {timeout_s:g} s")
        if state["model"] is None:
            raise RuntimeError(f"the window's model check did not finish within {timeout_s:g} s")
        titles = []
        for i in range(window.tabs.count()):
            window.tabs.setCurrentIndex(i)
            app.processEvents()
            pixmap = window.tabs.currentWidget().grab()
            if pixmap.isNull() or pixmap.width() < 50:
                raise RuntimeError(f"the {window.tabs.tabText(i)} tab did not render")
            titles.append(window.tabs.tabText(i).replace("&", ""))
        info = state["model"]
    finally:
        window.close()
        app.processEvents()
    spanish = _check_spanish_catalogue()
    return (
        f"{len(titles)} tabs shown and rendered ({', '.join(titles)}); status bar: model {info.status}"
        + (f" ({info.name} {info.version})" if info.status == ModelStatus.READY else f" ({info.reason})")
        + f"; {spanish}"
    )


def _check_spanish_catalogue() -> str:
    """Load the Spanish catalogue and translate the tab titles with it (then back to the language the
    window was in); RuntimeError when it cannot be loaded or translates nothing."""
    before = current_language()
    try:
        if not install_language("es"):
            raise RuntimeError(f"the Spanish catalogue cannot be loaded ({catalogue_path('es')})")
        titles = [QCoreApplication.translate("MainWindow", t) for _k, t in MainWindow.TAB_TITLES]
        if titles == [t for _k, t in MainWindow.TAB_TITLES]:
            raise RuntimeError("the Spanish catalogue translates none of the tab titles")
    finally:
        install_language(before)
    return f"Spanish catalogue loaded ({', '.join(titles)})"

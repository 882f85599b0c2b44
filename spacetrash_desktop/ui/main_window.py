"""The main window: four tabs (Inventory, Target, Candidates, Trade-offs) plus the panels (Feedback
and Model by default, see ui/panels.py), File / Edit / Recipes / View / Help menus, a status bar with
the model status and the data folder, and window state remembered in a per-user QSettings file."""

from __future__ import annotations

import html
import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QCoreApplication, QRect, QSettings, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from spacetrash_desktop.domain import ModelInfo, ModelStatus
from spacetrash_desktop.errors import ErrorCode
from spacetrash_desktop.services.files import data_dir, log_path
from spacetrash_desktop.services.inventory import load_catalog
from spacetrash_desktop.services.model import prepare_window_model, window_scorer
from spacetrash_desktop.ui.candidates_tab import CandidatesTab
from spacetrash_desktop.ui.context import AppContext, model_reason
from spacetrash_desktop.ui.dialogs import AboutDialog
from spacetrash_desktop.ui.errors import ErrorDialog, plain_message, versions
from spacetrash_desktop.ui.inventory_tab import InventoryTab
from spacetrash_desktop.ui.language_menu import build_language_menu
from spacetrash_desktop.ui.model_status import STATUS_COLORS
from spacetrash_desktop.ui.panels import PanelSpec, registered_panels
from spacetrash_desktop.ui.target_tab import TargetTab
from spacetrash_desktop.ui.tasks import TaskFailure, TaskRunner
from spacetrash_desktop.ui.tradeoffs_tab import TradeoffsTab

log = logging.getLogger(__name__)

SETTINGS_FILE = "window.ini"
LAYOUT_KEYS = (  # the splitters and table headers View > Reset layout forgets
    "inventory/header",
    "inventory/splitter",
    "candidates/header",
    "candidates/splitter",
    "tradeoffs/splitter",
    "feedback/splitter",
    "feedback/list_splitter",
    "feedback/header",
    "model/splitter",
    "model/runs_splitter",
)


def window_settings() -> QSettings:
    """Window state lives in the per-user data directory (tests point it at a temp dir)."""
    return QSettings(str(data_dir() / SETTINGS_FILE), QSettings.Format.IniFormat)


DEFAULT_SIZE = (1440, 900)  # on a screen with room for it; smaller screens get what they have
FRAME_ALLOWANCE = 40  # the title bar and borders a window manager adds outside the client area


def _available(widget: QWidget) -> QRect | None:
    """The part of the screen the window opens on that windows may use (no task bar, no dock)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return None
    avail = screen.availableGeometry()
    return None if avail.isEmpty() else avail


def fit_to_screen(window: QWidget) -> None:
    """Size ``window`` to :data:`DEFAULT_SIZE` or, on a smaller screen, to the screen's available
    area less the window frame, and centre it there (issue 17: the window fits a 1280 x 720 laptop)."""
    w, h = DEFAULT_SIZE
    avail = _available(window)
    if avail is None:
        window.resize(w, h)
        return
    w = min(w, avail.width())
    h = min(h, avail.height() - FRAME_ALLOWANCE)
    window.resize(w, h)
    window.move(avail.x() + (avail.width() - w) // 2, avail.y() + max(0, (avail.height() - h - FRAME_ALLOWANCE) // 2))


def geometry_fits(window: QWidget) -> bool:
    """True when the window's size (as restored from the settings) fits its screen's available area;
    a window that fits but lies partly off the screen is moved onto it."""
    avail = _available(window)
    if avail is None:
        return True
    geo = window.geometry()
    if geo.width() > avail.width() or geo.height() > avail.height() - FRAME_ALLOWANCE // 2:
        return False
    if not avail.contains(geo):
        x = min(max(geo.x(), avail.x()), avail.right() - geo.width())
        y = min(max(geo.y(), avail.y()), avail.bottom() - geo.height())
        window.move(x, y)
    return True


def _close_warnings(panels) -> list[str]:
    """What the panels say is not saved yet (each panel with a ``close_warning``)."""
    warnings = []
    for w in panels:
        if callable(getattr(w, "close_warning", None)):
            try:
                text = w.close_warning()
            except Exception:
                log.exception("could not ask %s about unsaved work", type(w).__name__)
                text = ""
            if text:
                warnings.append(text)
    return warnings


def _add_to_menu(menu, *actions: QAction | None) -> None:
    """Add ``actions`` in order; None adds a separator."""
    for a in actions:
        if a is None:
            menu.addSeparator()
        else:
            menu.addAction(a)


class MainWindow(QMainWindow):
    inventory_ready = Signal()
    model_checked = Signal(object)  # ModelInfo
    closed = Signal()

    TAB_TITLES = (
        ("inventory", QT_TRANSLATE_NOOP("MainWindow", "Inventory")),
        ("target", QT_TRANSLATE_NOOP("MainWindow", "Target")),
        ("candidates", QT_TRANSLATE_NOOP("MainWindow", "Candidates")),
        ("tradeoffs", QT_TRANSLATE_NOOP("MainWindow", "Trade-offs")),
    )

    def __init__(
        self,
        *,
        catalog=None,
        settings: QSettings | None = None,
        scorer_factory=None,
        generate_options: dict | None = None,
        save_fn=None,
        model_check=prepare_window_model,
        start: bool = True,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle("Space Trash Desktop")
        self._closed = False
        self._model_check = model_check
        self.error_dialogs: list[ErrorDialog] = []
        self.settings = settings if settings is not None else window_settings()
        self.runner = TaskRunner(self, error_handler=self.show_failure)
        self.ctx = AppContext(
            catalog=catalog or load_catalog(),
            runner=self.runner,
            settings=self.settings,
            scorer_factory=scorer_factory or window_scorer,
            generate_options=generate_options,
            parent=self,
        )
        self.ctx.error_handler = self.show_failure
        self.ctx.status_message.connect(self._status_message)
        self.ctx.model_info_changed.connect(self._model_info_changed)
        self.ctx.show_tab.connect(self.show_tab)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        self.inventory_tab = InventoryTab(self.ctx, save_fn=save_fn)
        self.target_tab = TargetTab(self.ctx)
        self.candidates_tab = CandidatesTab(self.ctx)
        self.tradeoffs_tab = TradeoffsTab(self.ctx)
        self.panels: dict[str, QWidget] = {}
        self.docks: dict[str, QDockWidget] = {}
        for (key, title), widget in zip(
            self.TAB_TITLES, (self.inventory_tab, self.target_tab, self.candidates_tab, self.tradeoffs_tab)
        ):
            self.panels[key] = widget
            title = QCoreApplication.translate("MainWindow", title)
            i = self.tabs.addTab(widget, title)
            self.tabs.setTabToolTip(i, f"{title} (Ctrl+{i + 1})")
        self.setCentralWidget(self.tabs)
        self.target_tab.generate_requested.connect(self.generate)
        self.inventory_tab.loaded.connect(self.inventory_ready)

        self._build_status_bar()
        self._build_menus()
        self._add_registered_panels()
        self._connect_plan_to_mission()
        fit_to_screen(self)
        self.restore_state()
        if start:
            self.start()

    # ------------------------------------------------------------------ start-up
    def start(self) -> None:
        """Load the inventory (I/O pool) and check, load and warm up the model (compute pool) off the
        GUI thread. A Generate pressed meanwhile queues behind the model task on the one compute
        worker, so it scores with the loaded, warmed model (or the physics fallback)."""
        self.inventory_tab.load_at_startup()
        self.runner.submit(
            self._model_check,
            slot="model",
            pool="compute",
            label="checking the model",
            on_done=self.ctx.set_model_info,
            on_error=self._model_check_failed,
        )

    def _model_check_failed(self, failure: TaskFailure) -> None:
        self.ctx.set_model_info(
            ModelInfo(
                status=ModelStatus.FALLBACK,
                reason=self.tr("the model could not be loaded: {message}").format(message=failure.message),
            )
        )

    # ------------------------------------------------------------------ status bar
    def _build_status_bar(self) -> None:
        sb = self.statusBar()
        sb.setObjectName("statusBar")
        self.model_label = QLabel()
        self.model_label.setObjectName("modelStatus")
        self.model_label.setAccessibleName(self.tr("Model status"))
        self.data_label = QLabel()
        self.data_label.setObjectName("dataDir")
        self.data_label.setAccessibleName(self.tr("Data folder"))
        try:
            path = str(data_dir())
        except OSError as exc:
            path = self.tr("unavailable ({reason})").format(reason=exc.strerror)
        self.data_dir = path
        short = path if len(path) <= 48 else "…" + path[-47:]
        self.data_label.setText(self.tr("Data: {folder}").format(folder=short))
        self.data_label.setToolTip(
            self.tr("Your inventory, settings and logs are saved in\n{folder}").format(folder=path)
        )
        sb.addPermanentWidget(self.model_label)
        sb.addPermanentWidget(self.data_label)
        self._model_info_changed(self.ctx.model_info)

    def _model_info_changed(self, info: ModelInfo) -> None:
        color = STATUS_COLORS.get(info.status, "#6b7280")
        name = (
            ""
            if info.status in (ModelStatus.FALLBACK, ModelStatus.CHECKING)
            else f" — {html.escape(info.name)} {html.escape(info.version)}"
        )
        status = self.status_text(info.status)
        self.model_label.setText(
            self.tr("{dot} Model: {status}").format(
                dot=f"<span style='color:{color}'>●</span>", status=html.escape(status)
            )
            + name
        )
        self.model_label.setToolTip(
            self.tr("Model status: {status}\n{reason}").format(status=status, reason=model_reason(info)).strip()
        )
        self.model_label.setAccessibleDescription(f"{status}: {model_reason(info)}")
        if info.status != ModelStatus.CHECKING:
            self.model_checked.emit(info)

    def status_text(self, status: str) -> str:
        """The model status in the window's language (the status values are the registry's words)."""
        texts = {
            ModelStatus.READY: self.tr("ready"),
            ModelStatus.BOOTSTRAPPING: self.tr("bootstrapping"),
            ModelStatus.FALLBACK: self.tr("physics fallback"),
            ModelStatus.CHECKING: self.tr("checking"),
        }
        return texts.get(status, str(status))

    def _status_message(self, text: str, timeout_ms: int) -> None:
        self.statusBar().showMessage(text, timeout_ms)

    # ------------------------------------------------------------------ menus
    def _action(
        self, text: str, slot=None, *, tip: str = "", shortcut=None, role: QAction.MenuRole | None = None
    ) -> QAction:
        """A window action: ``shortcut`` is a key sequence's text or a standard key."""
        a = QAction(text, self)
        if shortcut not in (None, ""):
            a.setShortcut(QKeySequence(shortcut))
        if tip:
            a.setToolTip(tip)
        if role is not None:
            a.setMenuRole(role)
        if slot is not None:
            a.triggered.connect(slot)
        return a

    def _build_menus(self) -> None:
        inv, cand, trade = self.inventory_tab, self.candidates_tab, self.tradeoffs_tab
        mb = self.menuBar()
        file_menu = mb.addMenu(self.tr("&File"))
        _add_to_menu(
            file_menu,
            inv.import_action,
            inv.export_action,
            None,
            cand.open_results_action,  # issue 17 item 5: File > Open results…
            cand.export_action,
            cand.export_front_action,
            trade.export_png_action,
        )
        self._file_panel_anchor = file_menu.addSeparator()  # panels' File-menu actions go here
        open_data = self._action(
            self.tr("Open the &data folder"),
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(self.data_dir)),
            tip=self.tr("Show the folder with your saved inventory, settings and logs"),
        )
        quit_action = self._action(self.tr("&Quit"), self.close, shortcut="Ctrl+Q", role=QAction.MenuRole.QuitRole)
        _add_to_menu(file_menu, open_data, None, quit_action)

        edit = mb.addMenu(self.tr("&Edit"))
        _add_to_menu(edit, inv.undo_action, inv.redo_action, None, inv.add_action, inv.delete_action, inv.filter_action)

        recipes = mb.addMenu(self.tr("&Recipes"))
        self.generate_action = self._action(
            self.tr("&Generate recipes"), self.generate, shortcut="Ctrl+G", tip=cand.generate_action.toolTip()
        )
        cand.generate_action.setShortcut(QKeySequence())  # the window-level action owns Ctrl+G
        cand.generate_action.changed.connect(lambda: self.generate_action.setEnabled(cand.generate_action.isEnabled()))
        self.generate_action.setEnabled(cand.generate_action.isEnabled())
        compare = self._action(
            self.tr("&Compare selected recipes"),
            lambda: self.show_tab("tradeoffs"),
            tip=self.tr("Show the selected recipes side by side in the Trade-offs tab"),
        )
        _add_to_menu(recipes, self.generate_action, cand.cancel_action, None, compare)
        self.addAction(cand.cancel_action)
        self.addAction(self.generate_action)
        for a in (inv.undo_action, inv.redo_action, inv.import_action, inv.add_action, cand.export_action, quit_action):
            self.addAction(a)

        self.file_menu = file_menu
        self.view_menu = mb.addMenu(self.tr("&View"))
        self.tab_actions: dict[str, QAction] = {}
        for i, (key, title) in enumerate(self.TAB_TITLES):
            a = self._action(
                QCoreApplication.translate("MainWindow", title),
                lambda _c=False, k=key: self.show_tab(k),
                shortcut=f"Ctrl+{i + 1}",
            )
            self.view_menu.addAction(a)
            self.addAction(a)
            self.tab_actions[key] = a
        self.view_menu.addSeparator()
        self.view_menu.addMenu(cand.columns_menu)
        self._panel_anchor = self.view_menu.addSeparator()
        self.view_menu.addAction(self._action(self.tr("Reset the window layout"), self.reset_layout))
        self.language_menu = build_language_menu(self, self.settings)
        self.view_menu.addMenu(self.language_menu)

        help_menu = mb.addMenu(self.tr("&Help"))
        help_action = self._action(
            self.tr("Help and keyboard shortcuts"),
            lambda: self.show_about(1),
            shortcut=QKeySequence.StandardKey.HelpContents,
        )
        if help_action.shortcut().isEmpty():
            help_action.setShortcut(QKeySequence("F1"))
        physics = self._action(self.tr("What rigidity and tightness mean"), lambda: self.show_tab("target"))
        about = self._action(
            self.tr("&About Space Trash Desktop"), lambda: self.show_about(0), role=QAction.MenuRole.AboutRole
        )
        _add_to_menu(help_menu, help_action, physics, None, about)
        self.addAction(help_action)
        for menu in (file_menu, edit, recipes, self.view_menu, help_menu):
            menu.setToolTipsVisible(True)

    def _connect_plan_to_mission(self) -> None:
        """The Mission tab projects its totals to the end of the plan the Plan tab made last."""
        plan, mission = self.panels.get("plan"), self.panels.get("mission")
        if plan is None or mission is None or not hasattr(plan, "run_finished"):
            return

        def plan_done(outcome: str) -> None:
            if outcome == "done" and plan.display is not None:
                mission.set_plan(plan.display.result)

        plan.run_finished.connect(plan_done)

    def _add_registered_panels(self) -> None:
        for spec in registered_panels():
            self.add_panel(spec)

    def add_panel(self, spec: PanelSpec) -> QWidget:
        """Add a registered panel (issue 6: Feedback, Model) as a tab or a right-hand dock."""
        widget = spec.factory(self.ctx)
        self.panels[spec.key] = widget
        title = QCoreApplication.translate("Panels", spec.title)
        tooltip = QCoreApplication.translate("Panels", spec.tooltip) if spec.tooltip else title
        action = self._action(title, tip=tooltip, shortcut=spec.shortcut)
        if spec.area == "dock":
            dock = QDockWidget(title, self)
            dock.setObjectName(f"dock_{spec.key}")
            dock.setWidget(widget)
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            dock.hide()
            self.docks[spec.key] = dock
            action = dock.toggleViewAction()
            if spec.shortcut:
                action.setShortcut(QKeySequence(spec.shortcut))
        else:
            i = self.tabs.addTab(widget, title)
            self.tabs.setTabToolTip(i, tooltip)
            action.triggered.connect(lambda _c=False, k=spec.key: self.show_tab(k))
        self.view_menu.insertAction(self._panel_anchor, action)
        self.addAction(action)
        self.tab_actions[spec.key] = action
        file_actions = getattr(widget, "file_actions", None)
        if callable(file_actions):
            actions = list(file_actions())
            if actions:
                self.file_menu.insertSeparator(self._file_panel_anchor)
                for a in actions:
                    self.file_menu.insertAction(self._file_panel_anchor, a)
        return widget

    # ------------------------------------------------------------------ actions
    def show_tab(self, key: str) -> None:
        if key in self.docks:
            self.docks[key].show()
            self.docks[key].raise_()
            return
        widget = self.panels.get(key)
        if widget is not None:
            self.tabs.setCurrentWidget(widget)

    def current_tab_key(self) -> str:
        w = self.tabs.currentWidget()
        return next((k for k, v in self.panels.items() if v is w), "inventory")

    def generate(self) -> None:
        if self.ctx.target is None:  # the reason is shown at the field; take the crew there
            self.show_tab("target")
            self.ctx.say(self.tr("Fix the target first: {problem}").format(problem=self.ctx.target_problem), 10000)
            return
        self.show_tab("candidates")
        self.candidates_tab.generate()

    def show_about(self, tab: int = 0) -> None:
        try:
            log_file = log_path()
        except OSError:
            log_file = self.tr("unavailable")
        dlg = AboutDialog(
            versions(),
            dict(self.ctx.catalog.sources),
            self.data_dir,
            log_file,
            self.ctx.model_info.to_dict(),
            self,
            start_tab=tab,
        )
        self.about_dialog = dlg
        dlg.open()

    def show_failure(self, failure: TaskFailure) -> ErrorDialog | None:
        """A plain message with its code and "Copy details"; the traceback is already in the log."""
        if self._closed:
            return None
        for d in self.error_dialogs:  # the same problem twice in a row: one dialog is enough
            if d.isVisible() and d.failure.code == failure.code and d.failure.message == failure.message:
                return d
        self.error_dialogs = [d for d in self.error_dialogs if d.isVisible()]
        dlg = ErrorDialog(failure, self, self.ctx.model_info.to_dict())
        self.error_dialogs.append(dlg)
        self.last_error_dialog = dlg
        if failure.code != ErrorCode.CANCELLED:
            self.statusBar().showMessage(plain_message(failure.message), 15000)
        dlg.open()
        return dlg

    def reset_layout(self) -> None:
        fit_to_screen(self)
        for key in LAYOUT_KEYS:
            self.settings.remove(key)
        self.ctx.say(self.tr("The layout is back to its defaults; column widths reset on the next start"), 6000)

    # ------------------------------------------------------------------ state
    def save_state(self) -> None:
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("window/tab", self.current_tab_key())
        for w in self.panels.values():
            if hasattr(w, "save_state"):
                try:
                    w.save_state(s)
                except Exception:  # a panel's bug must not stop the window from closing
                    log.exception("could not save the state of %s", type(w).__name__)
        s.sync()

    def restore_state(self) -> None:
        s = self.settings
        geo = s.value("window/geometry")
        if isinstance(geo, QByteArray) and not geo.isEmpty():
            before = self.geometry()
            if self.restoreGeometry(geo) and not geometry_fits(self):
                log.info("the saved window size does not fit this screen; sizing to the screen instead")
                self.setGeometry(before)
        st = s.value("window/state")
        if isinstance(st, QByteArray) and not st.isEmpty():
            self.restoreState(st)
        for w in self.panels.values():
            if hasattr(w, "restore_state"):
                try:
                    w.restore_state(s)
                except Exception:
                    log.exception("could not restore the state of %s", type(w).__name__)
        self.show_tab(str(s.value("window/tab", "inventory") or "inventory"))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closed:
            event.accept()
            return
        self.save_state()
        if not self.inventory_tab.autosaver.flush():
            last = self.inventory_tab.autosaver.last_failure
            answer = QMessageBox.warning(
                self,
                self.tr("The inventory could not be saved"),
                self.tr(
                    "Your latest inventory edits could not be written to the data folder ({reason}).\n\n"
                    "Export the inventory as CSV before closing to keep them."
                ).format(reason=last.message if last else self.tr("the disk refused the write")),
                QMessageBox.StandardButton.Save
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Save,
            )
            if answer == QMessageBox.StandardButton.Cancel:
                event.ignore()
                return
            if answer == QMessageBox.StandardButton.Save:
                event.ignore()
                self.inventory_tab.choose_export_file()
                return
        warnings = _close_warnings(self.panels.values())
        if warnings:
            answer = QMessageBox.warning(
                self,
                self.tr("Some work is not saved"),
                "\n\n".join(warnings)
                + "\n\n"
                + self.tr("Keep the window open and press Retry once the disk has room, or close it and lose them."),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                event.ignore()
                return
        self._closed = True
        for w in self.panels.values():
            if hasattr(w, "shutdown"):
                try:
                    w.shutdown()
                except Exception:
                    log.exception("could not shut down %s", type(w).__name__)
        for timer in self.findChildren(QTimer):
            timer.stop()
        self.runner.shutdown()
        for d in self.error_dialogs:
            d.close()
        event.accept()
        self.closed.emit()
        super().closeEvent(event)

"""What the crew sees when something goes wrong: a plain message with a code and a "Copy details"
button (the traceback and versions, for whoever helps them), never a raw traceback. The traceback
goes to the log file in the data directory. The global hooks route anything unexpected (an exception
in a slot, in a paint event, in a stray thread) to the same dialog; the window keeps running."""

from __future__ import annotations

import logging
import platform
import re
import sys
import threading
from collections.abc import Callable
from importlib import metadata

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, Signal, Slot, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from spacetrash_desktop._version import __version__
from spacetrash_desktop.errors import ErrorCode
from spacetrash_desktop.services.files import log_path
from spacetrash_desktop.ui.tasks import TaskFailure, failure_from_exception

log = logging.getLogger(__name__)

HINTS = {
    ErrorCode.BAD_INPUT: QT_TRANSLATE_NOOP("ErrorDialog", "Check the file or the value and try again."),
    ErrorCode.MODEL_ERROR: QT_TRANSLATE_NOOP(
        "ErrorDialog", "The window keeps working; recipes are scored with the physics model until the model is fixed."
    ),
    ErrorCode.STORAGE_ERROR: QT_TRANSLATE_NOOP(
        "ErrorDialog", "Your work is kept in memory. Free some disk space or check the data folder, then try again."
    ),
    ErrorCode.TIMEOUT: QT_TRANSLATE_NOOP("ErrorDialog", "Try again with a longer time limit or a smaller inventory."),
    ErrorCode.CANCELLED: QT_TRANSLATE_NOOP("ErrorDialog", "Nothing was changed."),
    ErrorCode.INTERNAL: QT_TRANSLATE_NOOP(
        "ErrorDialog", "Try again. If it happens again, press Copy details and pass the text on."
    ),
}
TITLES = {
    ErrorCode.BAD_INPUT: QT_TRANSLATE_NOOP("ErrorDialog", "This input cannot be used"),
    ErrorCode.MODEL_ERROR: QT_TRANSLATE_NOOP("ErrorDialog", "The model could not be used"),
    ErrorCode.STORAGE_ERROR: QT_TRANSLATE_NOOP("ErrorDialog", "Could not save"),
    ErrorCode.TIMEOUT: QT_TRANSLATE_NOOP("ErrorDialog", "This took too long"),
    ErrorCode.CANCELLED: QT_TRANSLATE_NOOP("ErrorDialog", "Cancelled"),
    ErrorCode.INTERNAL: QT_TRANSLATE_NOOP("ErrorDialog", "Something went wrong"),
}


_CODE_PREFIX = re.compile(r"\b(?:" + "|".join(re.escape(c.value) for c in ErrorCode) + r")\b:?\s*")


def plain_message(text: str) -> str:
    """A message as the crew reads it: without error-code prefixes ("BAD_INPUT: ..." or "(BAD_INPUT: ...)")
    that a lower layer or a batch line may carry; the code stays in the details and the log."""
    out = _CODE_PREFIX.sub("", text or "")
    out = out.replace("()", "").strip()
    return out[:1].upper() + out[1:] if out else out


def versions() -> dict[str, str]:
    out = {
        "Space Trash Desktop": __version__,
        "Python": platform.python_version(),
        "Qt": qVersion(),
        "PySide6": pyside_version,
        "OS": f"{platform.system()} {platform.release()} ({platform.machine()})",
    }
    for dist in ("pyqtgraph", "numpy", "pandas", "pyarrow", "scikit-learn", "xgboost-cpu"):
        try:
            out[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            pass
    return out


def diagnostics(failure: TaskFailure, model: dict | None = None) -> str:
    lines = [
        f"Error code: {failure.code.value}",
        f"Message: {failure.message}",
        f"While: {failure.label or '-'}",
        "",
        "Versions:",
        *(f"  {k}: {v}" for k, v in versions().items()),
    ]
    if model:
        lines += ["", "Model: " + ", ".join(f"{k}={model.get(k, '')}" for k in ("name", "version", "status"))]
    try:
        lines += ["", f"Log file: {log_path()}"]
    except OSError:
        pass
    lines += ["", "Details:", failure.details.rstrip()]
    return "\n".join(lines) + "\n"


class ErrorDialog(QDialog):
    """Plain message, code, what to do; Copy details puts the diagnostics on the clipboard."""

    def __init__(self, failure: TaskFailure, parent: QWidget | None = None, model: dict | None = None):
        super().__init__(parent)
        self.failure = failure
        self.details_text = diagnostics(failure, model)
        heading = self.tr(TITLES[failure.code]) if failure.code in TITLES else self.tr("Problem")
        self.setWindowTitle(f"Space Trash Desktop: {heading}")
        self.setObjectName("errorDialog")
        self.setAccessibleName(self.tr("Error message"))
        icon = QLabel()
        std = (
            QStyle.StandardPixmap.SP_MessageBoxWarning
            if failure.code in (ErrorCode.BAD_INPUT, ErrorCode.STORAGE_ERROR, ErrorCode.TIMEOUT)
            else QStyle.StandardPixmap.SP_MessageBoxCritical
        )
        icon.setPixmap(self.style().standardIcon(std).pixmap(40, 40))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        title = QLabel(heading)
        title.setObjectName("errorTitle")
        f = title.font()
        f.setPointSizeF(f.pointSizeF() * 1.25)
        f.setBold(True)
        title.setFont(f)
        self.message_label = QLabel(plain_message(failure.message))
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # the code is for a bug report (Copy details, the log), not for the crew to decode
        self.code_label = QLabel(
            self.tr("Copy details puts the error code and the versions on the clipboard for a report.")
        )
        self.code_label.setObjectName("hint")
        self.code_label.setToolTip(self.tr("Error code {code}").format(code=failure.code.value))
        self.hint_label = QLabel(self.tr(HINTS[failure.code]) if failure.code in HINTS else "")
        self.hint_label.setWordWrap(True)
        self.hint_label.setObjectName("hint")
        self.copied_label = QLabel("")
        self.copied_label.setObjectName("hint")

        text = QVBoxLayout()
        text.addWidget(title)
        text.addWidget(self.message_label)
        text.addWidget(self.code_label)
        text.addWidget(self.hint_label)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(text, 1)

        self.copy_button = QPushButton(self.tr("Copy details"))
        self.copy_button.setToolTip(self.tr("Copy the error code, versions and technical details to the clipboard"))
        self.copy_button.clicked.connect(self.copy_details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setDefault(True)

        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.copied_label)
        lay.addWidget(buttons)
        self.setMinimumWidth(460)

    @Slot()
    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details_text)
        self.copied_label.setText(self.tr("The details are on the clipboard."))


class _HookBridge(QObject):
    """Carries exceptions from any thread to the GUI thread (queued)."""

    raised = Signal(object)


class ExceptionHooks:
    """Install ``sys.excepthook`` and ``threading.excepthook``: log the traceback, show the dialog."""

    def __init__(self, show: Callable[[TaskFailure], None]):
        self._show = show
        self._bridge = _HookBridge()
        self._bridge.raised.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._old_sys = None
        self._old_thread = None
        self._showing = False

    def install(self) -> ExceptionHooks:
        self._old_sys, self._old_thread = sys.excepthook, threading.excepthook
        sys.excepthook = self.handle
        threading.excepthook = self._thread_hook
        return self

    def uninstall(self) -> None:
        if self._old_sys is not None:
            sys.excepthook = self._old_sys
            threading.excepthook = self._old_thread
            self._old_sys = self._old_thread = None

    def handle(self, exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            (self._old_sys or sys.__excepthook__)(exc_type, exc, tb)
            return
        if exc is None:
            exc = exc_type()
        if exc.__traceback__ is None and tb is not None:
            exc = exc.with_traceback(tb)
        log.critical("unexpected error", exc_info=(exc_type, exc, tb))
        try:
            self._bridge.raised.emit(
                failure_from_exception(exc, QCoreApplication.translate("ErrorDialog", "the window"))
            )
        except RuntimeError:  # the bridge is gone (shutting down): the log has it
            pass

    def _thread_hook(self, args) -> None:
        if args.exc_type is SystemExit:
            return
        log.critical(
            "unexpected error in thread %s",
            getattr(args.thread, "name", "?"),
            exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
        )
        exc = args.exc_value if args.exc_value is not None else args.exc_type()
        try:
            self._bridge.raised.emit(
                failure_from_exception(
                    exc,
                    QCoreApplication.translate("ErrorDialog", "a background thread ({name})").format(
                        name=getattr(args.thread, "name", "?")
                    ),
                )
            )
        except RuntimeError:
            pass

    @Slot(object)
    def _deliver(self, failure: TaskFailure) -> None:
        if self._showing:  # an error while showing an error: the log has it
            return
        self._showing = True
        try:
            self._show(failure)
        except Exception:
            log.exception("could not show the error dialog")
        finally:
            self._showing = False

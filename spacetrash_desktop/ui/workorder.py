"""The work order on paper: the HTML of ``services/workorder.py`` laid out by Qt's own
``QTextDocument`` and written as an A4 PDF (``QPdfWriter``) or sent to a printer (``QPrinter``).
No new dependency; the same layout for the file and the printer. ``cli.py`` passes
:func:`write_work_order_pdf` to ``spacetrash workorder`` (commands cannot import Qt)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QMarginsF, QObject, QSizeF, QThread, Signal
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QApplication

from spacetrash_desktop.errors import StorageError

PDF_DPI = 300
MARGINS_MM = QMarginsF(15, 15, 15, 15)
FONT_PT = 9.5


def _ensure_app() -> None:
    """QTextDocument needs a Qt application for its fonts; the command line has none yet."""
    if QApplication.instance() is None:
        QApplication([])


def work_order_document(html: str) -> QTextDocument:
    """The work order HTML as a Qt text document (its default font matches the HTML's body size)."""
    _ensure_app()
    doc = QTextDocument()
    font = doc.defaultFont()
    font.setPointSizeF(FONT_PT)
    doc.setDefaultFont(font)
    doc.setHtml(html)
    return doc


def _a4_layout(device: QPagedPaintDevice) -> None:
    device.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            MARGINS_MM,
            QPageLayout.Unit.Millimeter,
        )
    )


def print_to_device(html: str, device: QPagedPaintDevice) -> int:
    """Lay the work order out on ``device``'s pages (A4, margins of 15 mm) and print it; returns the
    number of pages. ``QTextDocument.print_`` breaks pages between lines and honours
    ``page-break-before`` (the "as made" sheet starts on a page of its own)."""
    doc = work_order_document(html)
    doc.documentLayout().setPaintDevice(device)  # lay out at the device's resolution: points stay points
    doc.setHtml(html)
    rect = device.pageLayout().paintRectPixels(device.resolution())
    doc.setPageSize(QSizeF(rect.width(), rect.height()))
    pages = doc.pageCount()
    doc.print_(device)
    return pages


def write_work_order_pdf(html: str, path: Path | str) -> int:
    """Write the work order as an A4 PDF at ``path``; returns the number of pages. A file that cannot
    be written raises StorageError with the reason."""
    path = Path(path)
    _ensure_app()
    tmp = path.with_name(f".{path.name}.tmp")
    writer = QPdfWriter(str(tmp))
    writer.setResolution(PDF_DPI)
    writer.setTitle(_title(html))
    writer.setCreator("Space Trash Desktop")
    _a4_layout(writer)
    pages = print_to_device(html, writer)
    del writer  # closes the file
    try:
        if not tmp.exists() or tmp.stat().st_size == 0:
            raise StorageError(f"the work order could not be written to {path}: the folder refused the file")
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise StorageError(f"the work order could not be written to {path} ({exc.strerror or exc})") from None
    return pages


def print_work_order(html: str, printer) -> int:
    """Print on a ``QPrinter`` the crew chose in the print dialog (A4 unless they changed it)."""
    return print_to_device(html, printer)


def _title(html: str) -> str:
    start, end = html.find("<title>"), html.find("</title>")
    return html[start + 7 : end] if 0 <= start < end else "Work order"


def self_test_work_order_pdf(html: str) -> str:
    """The self-test's window check renders a work order as PDF: pages and size, or RuntimeError."""
    with tempfile.TemporaryDirectory(prefix="spacetrash-selftest-pdf-") as folder:
        path = Path(folder) / "work-order.pdf"
        pages = write_work_order_pdf(html, path)
        size = path.stat().st_size
        if pages < 1 or size < 2000 or not path.read_bytes().startswith(b"%PDF"):
            raise RuntimeError(f"the work-order PDF came out empty ({pages} pages, {size} bytes)")
    return f"work-order PDF {pages} pages ({size / 1024:.0f} KiB)"


class PdfJob(QThread):
    """Writes a work-order PDF off the GUI thread. A QThread, not the task runner's Python threads:
    Qt's text layout keeps per-thread font caches whose timers need a Qt event dispatcher.
    ``done(path, pages)`` or ``failed(exception)`` is emitted on the GUI thread."""

    done = Signal(str, int)
    failed = Signal(object)

    def __init__(self, html: str, path: Path | str, parent: QObject | None = None):
        super().__init__(parent)
        self.html, self.path = html, str(path)

    def run(self) -> None:
        try:
            pages = write_work_order_pdf(self.html, self.path)
        except Exception as exc:  # reported to the user by the dialog, never raised in a thread
            self.failed.emit(exc)
            return
        self.done.emit(self.path, pages)

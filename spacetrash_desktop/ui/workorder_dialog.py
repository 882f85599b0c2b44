"""The work-order preview: the work order of the selected recipe, or of a sol of the production plan,
as the crew will see it on paper, with Print…, Save PDF… and Save HTML…. Opened by "Work order…" in
the recipe detail pane and by "Work order for a day…" on the Plan tab (:func:`ask_day_work_order`:
which sol, then the sol's work order).

The work order is built on a worker (:func:`open_work_order`); the PDF is written on a Qt thread of
its own (``ui/workorder.PdfJob``); printing runs on the GUI thread behind Qt's own print dialog, as Qt
requires for a printer the user just chose."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize
from PySide6.QtWidgets import QDialog, QLabel, QTextBrowser, QVBoxLayout, QWidget

from spacetrash_desktop.services.files import save_text
from spacetrash_desktop.services.plan import plan_to_dict
from spacetrash_desktop.services.workorder import WorkOrder, work_order_for_candidate, work_order_html
from spacetrash_desktop.services.workorder_day import (
    DayWorkOrder,
    build_day_work_order,
    day_work_order_html,
    horizon,
    sol_schedule,
)
from spacetrash_desktop.ui.context import AppContext
from spacetrash_desktop.ui.i18n import current_language
from spacetrash_desktop.ui.plan_forms import SolDialog
from spacetrash_desktop.ui.tasks import Task, failure_from_exception
from spacetrash_desktop.ui.widgets import ask_save_path, button_row, push_button
from spacetrash_desktop.ui.workorder import MARGINS_MM, PdfJob, print_work_order

# shown through QCoreApplication.translate("WorkOrderDialog", ...)
TITLE = QT_TRANSLATE_NOOP("WorkOrderDialog", "Work order")
NO_PRINTING = QT_TRANSLATE_NOOP(
    "WorkOrderDialog", "Printing is not available in this build: save the PDF and print it from another program."
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("WorkOrderDialog", text)


PREVIEW_SIZE = (900, 640)  # fits a 1280 x 720 screen with the window's frame


class WorkOrderDialog(QDialog):
    """The preview of one work order and the ways to get it onto paper."""

    def __init__(self, ctx: AppContext, order: WorkOrder | DayWorkOrder, html: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.order, self.html = ctx, order, html
        self.pdf_job: PdfJob | None = None
        self.setObjectName("workOrderDialog")
        if isinstance(order, DayWorkOrder):
            self.setWindowTitle(self.tr("Work order for sol {sol}").format(sol=order.sol))
        else:
            self.setWindowTitle(
                self.tr("{title}: {process} ({recipe})").format(
                    title=_tr(TITLE), process=order.process_name, recipe=order.recipe_id
                )
            )
        self.preview = QTextBrowser()
        self.preview.setObjectName("workOrderPreview")
        self.preview.setAccessibleName(self.tr("Work order preview"))
        self.preview.setOpenLinks(False)
        self.preview.setHtml(html)
        self.status = QLabel("")
        self.status.setObjectName("hint")
        self.print_button = push_button(
            self.tr("Print…"),
            self.tr("Print the work order (A4) on a printer you choose"),
            self.print_dialog,
            name="printButton",
        )
        self.pdf_button = push_button(
            self.tr("Save PDF…"),
            self.tr("Save the work order as an A4 PDF to print or show on a tablet"),
            self.choose_pdf_file,
            name="savePdfButton",
        )
        self.html_button = push_button(
            self.tr("Save HTML…"),
            self.tr("Save the work order as a web page (opens in any browser)"),
            self.choose_html_file,
            name="saveHtmlButton",
        )
        close = push_button(self.tr("Close"), self.tr("Close the preview"), self.accept, name="closeButton")
        lay = QVBoxLayout(self)
        lay.addWidget(self.preview, 1)
        lay.addWidget(self.status)
        lay.addLayout(button_row(self.print_button, self.pdf_button, self.html_button, close))
        self._fit()

    def _fit(self) -> None:
        w, h = PREVIEW_SIZE
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            avail = screen.availableGeometry()
            w, h = min(w, avail.width() - 40), min(h, avail.height() - 60)
        self.resize(max(w, 480), max(h, 360))

    @property
    def default_name(self) -> str:
        if isinstance(self.order, DayWorkOrder):
            return f"work-order-sol-{self.order.sol}"
        return f"work-order-{self.order.recipe_id}"

    def _saved(self, path: str) -> None:
        self.status.setText(self.tr("Saved to {path}").format(path=path))
        self.ctx.say(self.tr("Work order saved to {path}").format(path=path), 8000)

    def _failed(self, failure) -> None:
        self.status.setText(self.tr("Not saved: {reason}").format(reason=failure.message))
        self.ctx.report(failure)

    # ------------------------------------------------------------------ saving
    def choose_pdf_file(self) -> None:
        path = ask_save_path(self, self.tr("Save the work order as PDF"), f"{self.default_name}.pdf", "PDF (*.pdf)")
        if path:
            self.save_pdf(path)

    def choose_html_file(self) -> None:
        path = ask_save_path(
            self,
            self.tr("Save the work order as HTML"),
            f"{self.default_name}.html",
            self.tr("Web page") + " (*.html)",
        )
        if path:
            self.save_html(path)

    def save_pdf(self, path: str) -> PdfJob:
        """Write the PDF on its own Qt thread (see PdfJob); the dialog says when it is saved."""
        self.status.setText(self.tr("Writing the PDF…"))
        job = PdfJob(self.html, path, self)
        job.done.connect(lambda p, _n: self._saved(p))
        what = self.tr("the work-order PDF")
        job.failed.connect(lambda exc: self._failed(failure_from_exception(exc, what)))
        job.finished.connect(job.deleteLater)
        self.pdf_job = job
        job.start()
        return job

    def save_html(self, path: str) -> Task:
        html = self.html

        def work(_c):
            save_text(path, html, what="the work order")
            return path

        return self.ctx.runner.submit(
            work, pool="io", label=self.tr("the work-order HTML"), on_done=self._saved, on_error=self._failed
        )

    # ------------------------------------------------------------------ printing
    def make_printer(self):
        """A high-resolution A4 printer; None when this build lacks Qt's print support."""
        try:
            from PySide6.QtPrintSupport import QPrinter  # noqa: PLC0415 - optional Qt module: a build may leave it out
        except ImportError:
            return None
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                MARGINS_MM,
                QPageLayout.Unit.Millimeter,
            )
        )
        printer.setDocName(self.windowTitle())
        return printer

    def print_dialog(self) -> None:
        printer = self.make_printer()
        if printer is None:
            self.status.setText(_tr(NO_PRINTING))
            return
        from PySide6.QtPrintSupport import QPrintDialog  # noqa: PLC0415 - optional Qt module (make_printer found it)

        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the work order"))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer) -> int:
        pages = print_work_order(self.html, printer)
        if pages == 1:
            self.status.setText(self.tr("Sent 1 page to the printer"))
        else:
            self.status.setText(self.tr("Sent {pages} pages to the printer").format(pages=pages))
        return pages


def open_work_order(
    parent: QWidget, ctx: AppContext, cand, run, on_open: Callable[[WorkOrderDialog], None] | None = None
) -> Task:
    """Build the work order of ``cand`` (generated in ``run``) on a worker, then show the preview."""
    target, items, model = run.target, tuple(run.items), ctx.model_info

    def build(_c):
        order = work_order_for_candidate(cand, target, model, items, lang=current_language())
        return order, work_order_html(order)

    def done(result) -> None:
        order, html = result
        _show(parent, ctx, order, html, on_open)

    label = QCoreApplication.translate("WorkOrderDialog", "the work order")
    return ctx.runner.submit(build, pool="io", label=label, on_done=done, on_error=ctx.report)


def _show(parent: QWidget, ctx: AppContext, order, html: str, on_open) -> WorkOrderDialog:
    dialog = WorkOrderDialog(ctx, order, html, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if on_open is not None:
        on_open(dialog)
    dialog.show()
    return dialog


def open_day_work_order(
    parent: QWidget, ctx: AppContext, doc, sol: int, on_open: Callable[[WorkOrderDialog], None] | None = None
) -> Task:
    """Build the work order of sol ``sol`` of the plan ``doc`` (the plan file's JSON) on a worker (a
    recipe the plan lacks is scored again there), then show the preview."""
    items = tuple(ctx.inventory.snapshot())
    lang = current_language()

    def build(_c):
        order = build_day_work_order(doc, sol, items=items, lang=lang)
        return order, day_work_order_html(order)

    label = QCoreApplication.translate("WorkOrderDialog", "the work order of the sol")
    return ctx.runner.submit(
        build, pool="io", label=label, on_done=lambda r: _show(parent, ctx, *r, on_open), on_error=ctx.report
    )


def ask_day_work_order(
    parent: QWidget,
    ctx: AppContext,
    result,
    on_ask: Callable[[SolDialog], None] | None = None,
    on_open: Callable[[WorkOrderDialog], None] | None = None,
) -> Task:
    """ "Work order for a day…": the plan ``result`` as its file and its sols with work (on a worker), then
    the question which sol (the first with work to begin with), then that sol's work order."""

    def plan(_c):
        doc = plan_to_dict(result)
        return doc, sol_schedule(doc), horizon(doc)

    def ask(found) -> None:
        doc, schedule, last = found
        dialog = SolDialog(schedule, last, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: open_day_work_order(parent, ctx, doc, dialog.sol(), on_open))
        if on_ask is not None:
            on_ask(dialog)
        dialog.open()

    label = QCoreApplication.translate("WorkOrderDialog", "the plan's sols")
    return ctx.runner.submit(plan, pool="io", label=label, on_done=ask, on_error=ctx.report)

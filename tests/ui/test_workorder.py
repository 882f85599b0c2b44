"""The work order on paper and on screen: the A4 PDF of a recipe of every process holds, as a PDF text
extractor reads it back, every step, set point and hazard of that recipe; its pages turn into
non-blank A4 PNGs; the recipe detail pane opens the preview for a feasible recipe only; the preview
saves PDF and HTML, prints, and fits a 1280 x 720 screen."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pypdf
import pypdfium2
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from spacetrash_desktop.domain import Recipe
from spacetrash_desktop.services.workorder import missing_from, score_recipes, work_order_for_candidate, work_order_html
from spacetrash_desktop.ui.views import RunInfo
from spacetrash_desktop.ui.workorder import write_work_order_pdf
from tests.services.workorder_recipes import TARGET, candidate_per_process

MODEL = {"name": "spacetrash-residual", "version": "1.0.0", "status": "ready"}
# where the page images go to be looked at (docs/WORKORDER.md); the test's own folder otherwise
PNG_DIR = os.environ.get("SPACETRASH_WORKORDER_PNG", "")


def pdf_pages_to_png(pdf: Path, out_dir: Path, scale: float = 1.2) -> list[QImage]:
    """Each page of ``pdf`` as a PNG in ``out_dir`` (``<stem>-<page>.png``); returns the images."""
    images = []
    doc = pypdfium2.PdfDocument(str(pdf))
    try:
        for i in range(len(doc)):
            arr = doc[i].render(scale=scale).to_numpy()
            h, w = arr.shape[:2]
            img = QImage(arr.tobytes(), w, h, arr.strides[0], QImage.Format.Format_BGR888).copy()
            img.save(str(out_dir / f"{pdf.stem}-{i + 1}.png"))
            images.append(img)
    finally:
        doc.close()
    return images


def dark_share(img: QImage) -> float:
    """Share of sampled pixels that are dark (text and rules), from a grid of about 4,000 samples."""
    step = max(1, int((img.width() * img.height() / 4000) ** 0.5))
    samples = dark = 0
    for y in range(0, img.height(), step):
        for x in range(0, img.width(), step):
            samples += 1
            dark += img.pixelColor(x, y).lightness() < 128
    return dark / samples


@pytest.mark.slow
def test_the_pdf_of_every_process_holds_every_step_set_point_and_hazard(qapp, tmp_path, catalog):
    out_dir = Path(PNG_DIR) if PNG_DIR else tmp_path
    out_dir.mkdir(parents=True, exist_ok=True)
    cands = candidate_per_process()
    assert set(cands) == set(catalog.processes)
    for pid, cand in cands.items():
        order = work_order_for_candidate(cand, TARGET, MODEL, catalog.default_inventory)
        pdf = out_dir / f"work-order-{pid}.pdf"
        pages = write_work_order_pdf(work_order_html(order), pdf)
        reader = pypdf.PdfReader(str(pdf))
        assert len(reader.pages) == pages >= 2, pid  # the procedure, then the as-made sheet
        texts = [p.extract_text() for p in reader.pages]
        assert missing_from(texts, order) == [], pid
        assert "Asmade" in "".join(texts[-1].split()) and cand.recipe_id in texts[0], pid
        flat = "".join(unicodedata.normalize("NFKC", "".join(texts)).split())  # ligatures back to letters
        for h in cand.hazards:
            assert "".join(h["material"].split()) in flat, pid
        box = reader.pages[0].mediabox
        assert float(box.width) / float(box.height) == pytest.approx(210 / 297, abs=0.01)  # A4 portrait
        images = pdf_pages_to_png(pdf, out_dir)
        assert len(images) == pages
        for img in images:
            assert not img.isNull() and img.width() < img.height()
            assert 0.0001 < dark_share(img) < 0.5, pid  # text on a white page: not blank, not black


def _pane(make_main_window, catalog):
    w = make_main_window()
    run = RunInfo(serial=1, items=tuple(catalog.default_inventory), target=TARGET)
    return w, w.candidates_tab.detail, run


@pytest.mark.slow
def test_the_detail_pane_opens_the_work_order_of_a_feasible_recipe_only(qtbot, make_main_window, catalog, tmp_path):
    _w, pane, run = _pane(make_main_window, catalog)
    cand = candidate_per_process()["hot_press_lamination"]
    bad = score_recipes(
        [Recipe((("W018", 1.0),), 0.0, "hot_press_lamination", 1.0)],
        catalog.default_inventory,
        catalog.targets["interior_panel"],
    )[0]
    pane.show_candidate(bad, run)
    assert not pane.work_order_button.isEnabled() and pane.open_work_order() is None
    pane.show_candidate(cand, run)
    assert pane.work_order_button.isEnabled() and pane.work_order_button.text() == "Work order…"
    qtbot.mouseClick(pane.work_order_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.work_order_dialog is not None, timeout=20000)
    dialog = pane.work_order_dialog
    preview = dialog.preview.toPlainText()
    assert cand.recipe_id in preview and "Procedure" in preview and "As made" in preview
    assert missing_from(dialog.html, dialog.order) == []
    # fits a 1280 x 720 screen
    assert dialog.width() <= 1280 and dialog.height() <= 720 - 40
    dialog.grab().save(str(tmp_path / "workorder-dialog.png"))

    def wait(task):
        qtbot.waitUntil(lambda: task.state == "finished", timeout=20000)

    with qtbot.waitSignal(dialog.save_pdf(str(tmp_path / "order.pdf")).done, timeout=20000):
        pass
    wait(dialog.save_html(str(tmp_path / "order.html")))
    assert (tmp_path / "order.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "order.html").read_text(encoding="utf-8") == dialog.html
    texts = [p.extract_text() for p in pypdf.PdfReader(str(tmp_path / "order.pdf")).pages]
    assert missing_from(texts, dialog.order) == []
    assert "Saved to" in dialog.status.text()
    dialog.close()


@pytest.mark.slow
def test_printing_sends_every_page_to_the_printer(qtbot, make_main_window, catalog, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    _w, pane, run = _pane(make_main_window, catalog)
    pane.show_candidate(candidate_per_process()["melt_extrusion"], run)
    pane.open_work_order()
    qtbot.waitUntil(lambda: pane.work_order_dialog is not None, timeout=20000)
    dialog = pane.work_order_dialog
    printer = dialog.make_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # a printer that writes a file
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    pages = dialog.print_to(printer)
    del printer
    reader = pypdf.PdfReader(str(tmp_path / "printed.pdf"))
    assert len(reader.pages) == pages >= 2
    assert missing_from([p.extract_text() for p in reader.pages], dialog.order) == []
    assert f"Sent {pages} pages to the printer" == dialog.status.text()
    dialog.close()

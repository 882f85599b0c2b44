"""Take the documentation screenshots: one PNG per tab (and the import report), offscreen, on a
throw-away data folder with the bundled default inventory and the Container preset.

    python -m spacetrash_desktop.ui.screenshots [--out docs/screenshots] [--size 1440x900]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

SAMPLE_IMPORT = """id,name,category,composition,mass_kg,count,moisture_pct
A1,Drink pouches (used),Food Packaging,ldpe 65%; aluminium_foil 24%; pet 11%,12.5,240,2
A2,Rehydratable food pouches,Food Packaging,nylon 41%; ldpe 33%; evoh 11%; other 15%,-3,80,1
A3,Nitrile gloves,Other Packaging/Gloves,nbr 100%,4.5,300,0
A4,Mystery tub,Other,unobtainium 100%,2,1,0
A5,Packing foam,Foam Packaging,ldpe 100%,7,2,0
A6,Wipes,Fabrics,cotton 100%,3.2,lots,12
"""


def _wait(app, cond, timeout_s: float = 60.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not cond():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not reach the expected state")
        app.processEvents()
        time.sleep(0.005)


def take(out: Path, size: tuple[int, int] = (1440, 900)) -> list[Path]:
    if sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = tempfile.mkdtemp(prefix="spacetrash-shots-")
    os.environ["SPACETRASH_HOME"] = home  # never a real user's data
    from spacetrash_desktop.ui.app import make_application, route_qt_messages
    from spacetrash_desktop.ui.main_window import MainWindow

    route_qt_messages()
    app = make_application([])
    w = MainWindow()  # the default scorer: the active model when one is installed, else physics
    w.resize(*size)
    w.show()
    _wait(app, lambda: len(w.ctx.inventory) > 0)
    _wait(app, lambda: w.ctx.model_info.status != "checking")
    out.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []

    def shot(name: str, widget=None) -> None:
        for _ in range(5):
            app.processEvents()
        path = out / f"{name}.png"
        (widget or w).grab().save(str(path), "PNG")
        saved.append(path)

    # Inventory: one row selected, the chart beside it
    w.show_tab("inventory")
    w.inventory_tab.table.selectRow(7)
    shot("inventory")

    # Target: the Container preset
    w.show_tab("target")
    combo = w.target_tab.preset_combo
    i = combo.findData("container")
    combo.setCurrentIndex(i)
    combo.activated.emit(i)
    shot("target")
    # a value out of range is refused at the field, with the reason
    from PySide6.QtTest import QTest

    field = w.target_tab.fields["batch_mass_kg"]
    field.edit.clear()
    QTest.keyClicks(field.edit, "150")
    shot("target-refused")
    field.edit.clear()
    QTest.keyClicks(field.edit, "1")

    # Candidates: a finished run, the best recipe selected
    w.generate()
    _wait(app, lambda: not w.candidates_tab.running, 120)
    view = w.ctx.results.view
    front = [rid for rid, c in zip(view.ids, view.candidates) if c.on_front]
    pick = max(front, key=lambda rid: len(view.candidate(rid).item_names)) if front else view.ids[0]
    w.candidates_tab.table.selectRow(w.candidates_tab.model.row_of(pick))
    detail = w.candidates_tab.detail
    _wait(app, lambda: detail._explain_task is None, 30)  # the contributions come from a worker
    shot("candidates")
    inner = detail.widget()  # the whole detail pane, not only the part in view
    inner.resize(inner.width(), max(inner.sizeHint().height(), inner.height()))
    shot("candidate-detail", inner)

    # Trade-offs: the chosen recipe against the stiffest and the tightest recipes of the front
    by = {name: max(front, key=lambda rid: view.candidate(rid).values[name]) for name in ("rigidity", "tightness")}
    chosen = list(dict.fromkeys([pick, by["rigidity"], by["tightness"]]))
    w.ctx.selection.set(chosen, pick)
    w.show_tab("tradeoffs")
    shot("tradeoffs")

    # The import report of a file with bad rows
    w.show_tab("inventory")
    sample = Path(os.environ["SPACETRASH_HOME"]) / "stock-from-the-hab.csv"
    sample.write_text(SAMPLE_IMPORT, encoding="utf-8")
    w.inventory_tab.import_file(str(sample))
    _wait(app, lambda: w.inventory_tab.import_dialog is not None and w.inventory_tab.import_dialog.isVisible())
    shot("import-report", w.inventory_tab.import_dialog)
    w.inventory_tab.import_dialog.reject()

    w.close()
    import shutil

    shutil.rmtree(home, ignore_errors=True)
    return saved


def main(argv: list[str] | None = None) -> int:
    root = Path(__file__).resolve().parents[2]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(root / "docs" / "screenshots"))
    parser.add_argument("--size", default="1440x900")
    args = parser.parse_args(argv)
    wdt, hgt = (int(x) for x in args.size.lower().split("x"))
    for path in take(Path(args.out), (wdt, hgt)):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())

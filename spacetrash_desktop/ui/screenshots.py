"""Take the documentation screenshots: one PNG per tab and panel (and the import report), offscreen,
on a throw-away data folder with the bundled default inventory and the Container preset (the
Feedback panel gets three sample reports; the Model panel a retraining run from them, with the fast
training configuration).

Then every tab again in a window maximised on each of ``--screens`` (a laptop's 1280 x 720 and a
1920 x 1080 monitor by default), in ``<out>/<W>x<H>/``.

    python -m spacetrash_desktop.ui.screenshots [--out docs/screenshots] [--size 1440x900]
        [--screens 1280x720,1920x1080] [--screens-only]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtTest import QTest

from spacetrash_desktop.domain import ModelStatus
from spacetrash_desktop.services.feedback import record_feedback
from spacetrash_desktop.services.model import quick_train_config
from spacetrash_desktop.ui.app import make_application, route_qt_messages
from spacetrash_desktop.ui.feedback_views import MadeRecipe
from spacetrash_desktop.ui.i18n import current_language, install_language, number
from spacetrash_desktop.ui.main_window import FRAME_ALLOWANCE, MainWindow

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


SCENARIOS = ("residence_renovations", "cosmic_celebrations", "daring_discoveries")


def _scenario_shots(app, w, shot) -> None:
    """The Candidates tab for each challenge scenario and each of its products, the product's
    recommended recipe selected."""
    combo = w.target_tab.scenario_combo
    for sid in SCENARIOS:
        w.show_tab("target")
        i = combo.findData(sid)
        if i < 0:
            raise LookupError(f"the scenario {sid!r} is not in the Target tab")
        combo.setCurrentIndex(i)
        combo.activated.emit(i)
        w.generate()
        _wait(app, lambda: not w.candidates_tab.running, 180)
        picker = w.candidates_tab.products  # one search per product of the scenario
        for k in range(max(1, picker.combo.count())):
            if picker.combo.count():
                picker.combo.setCurrentIndex(k)
            view = w.ctx.results.view
            if view.recommended:
                w.candidates_tab.table.selectRow(w.candidates_tab.model.row_of(view.recommended))
            _wait(app, lambda: w.candidates_tab.detail._explain_task is None, 30)
            if k == 0:
                shot(f"candidates-{sid}")  # the scenario's first product, as the crew first sees it
            if view.target is not None and view.target.kind == "product":
                shot(f"candidates-{sid}-{view.target.target_id}")


def take(
    out: Path, size: tuple[int, int] = (1440, 900), *, screen: tuple[int, int] | None = None, lang: str = "en"
) -> list[Path]:
    """The full set at window ``size``; or, given ``screen``, every tab of a window maximised on a
    screen of that size (the scenario, import and refused-value shots are left out); in the window
    language ``lang``."""
    if sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = tempfile.mkdtemp(prefix="spacetrash-shots-")
    os.environ["SPACETRASH_HOME"] = home  # never a real user's data
    route_qt_messages()
    app = make_application([])
    install_language(lang)
    w = MainWindow()  # the default scorer: the active model when one is installed, else physics
    if screen is None:
        w.resize(*size)
    else:  # the window maximised on a screen of this size (less the title bar and frame)
        w.resize(screen[0], screen[1] - FRAME_ALLOWANCE)
    w.show()
    _wait(app, lambda: len(w.ctx.inventory) > 0)
    _wait(app, lambda: w.ctx.model_info.status != ModelStatus.CHECKING)
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
    if screen is None:
        # a value out of range is refused at the field, with the reason
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
    # the recommended recipe, as the crew first sees it (else the richest front recipe)
    pick = view.recommended or (
        max(front, key=lambda rid: len(view.candidate(rid).item_names)) if front else view.ids[0]
    )
    w.candidates_tab.table.selectRow(w.candidates_tab.model.row_of(pick))
    detail = w.candidates_tab.detail
    _wait(app, lambda: detail._explain_task is None, 30)  # the contributions come from a worker
    shot("candidates")
    if screen is None:
        inner = detail.widget()  # the whole detail pane, not only the part in view
        inner.resize(inner.width(), max(inner.sizeHint().height(), inner.height()))
        shot("candidate-detail", inner)

    shot_tradeoffs(w, view, front, pick, shot)

    # Feedback: a few past reports, then the form filled in for the chosen recipe
    shot_feedback(app, w, view, front, pick, shot)

    # Model: the active model, a retraining run from that feedback and its drift report
    shot_model(app, w, shot)

    if screen is not None:  # the Plan and Mission tabs as they open (the full set runs a plan)
        for key in ("plan", "mission"):
            w.show_tab(key)
            shot(key)
    if screen is None:
        # Plan (issue 13): the default mission plan, then a what-if sweep of the energy budget
        shot_plan(app, w, shot)
        w.show_tab("mission")
        shot("mission")
        # The import report of a file with bad rows
        shot_import_report(app, w, shot)
        # The Candidates tab for each challenge scenario
        _scenario_shots(app, w, shot)

    w.close()
    shutil.rmtree(home, ignore_errors=True)
    return saved


SAMPLE_REPORTS = (
    # (who, rigidity factor, method, how, tightness factor, method, how, energy x, crew x, passed, notes)
    (
        "Ana",
        0.92,
        "measured",
        "3-point bend of a 10 cm strip, 2 samples",
        0.85,
        "judged",
        "held 1 L of water for an hour, slight seep at one corner",
        1.42,
        1.25,
        True,
        "Edges needed trimming; otherwise fine for the storage bin.",
    ),
    (
        "Kenji",
        0.97,
        "judged",
        "pressed by hand, no visible flex",
        0.95,
        "measured",
        "drip test, 24 h, no loss",
        1.38,
        1.10,
        True,
        "",
    ),
    (
        "Ana",
        0.80,
        "measured",
        "3-point bend, cracked at 60% of the expected load",
        0.70,
        "judged",
        "splash-proof only",
        1.55,
        1.35,
        False,
        "Too brittle: the regolith share looks too high for this press.",
    ),
)


# what the sample crew typed, in the window's language (the Spanish screenshots show a Spanish crew)
SAID_ES = {
    "3-point bend of a 10 cm strip, 2 samples": "flexión en 3 puntos de una tira de 10 cm, 2 muestras",
    "held 1 L of water for an hour, slight seep at one corner": "aguantó 1 L de agua una hora, rezuma un poco en una esquina",
    "Edges needed trimming; otherwise fine for the storage bin.": "Hubo que recortar los bordes; por lo demás sirve para el cubo.",
    "pressed by hand, no visible flex": "apretado a mano, no se ve que flexione",
    "drip test, 24 h, no loss": "prueba de goteo, 24 h, sin pérdida",
    "3-point bend, cracked at 60% of the expected load": "flexión en 3 puntos, se agrietó al 60 % de la carga esperada",
    "splash-proof only": "solo resiste salpicaduras",
    "Too brittle: the regolith share looks too high for this press.": (
        "Demasiado frágil: parece demasiado regolito para esta prensa."
    ),
    "3-point bend of a 10 cm strip": "flexión en 3 puntos de una tira de 10 cm",
    "filled with water, no drip after 1 h": "llena de agua, sin goteo tras 1 h",
    "Good bin; the lid warps slightly when warm.": "Buen cubo; la tapa se deforma un poco en caliente.",
}


def type_into(widget, text: str) -> None:
    """Type ``text`` as the crew would (QTest types ASCII only: other text is inserted as typed)."""
    if text.isascii():
        QTest.keyClicks(widget, text)
    elif hasattr(widget, "insertPlainText"):
        widget.insertPlainText(text)
    else:
        widget.insert(text)


def said(text: str) -> str:
    """``text`` as the sample crew would type it in the window's language."""
    return SAID_ES.get(text, text) if current_language() == "es" else text


def shot_tradeoffs(w, view, front, pick, shot) -> None:
    """Trade-offs: the chosen recipe against the stiffest and the tightest recipes of the front."""
    by = {name: max(front, key=lambda rid: view.candidate(rid).values[name]) for name in ("rigidity", "tightness")}
    chosen = list(dict.fromkeys([pick, by["rigidity"], by["tightness"]]))
    w.ctx.selection.set(chosen, pick)
    w.show_tab("tradeoffs")
    shot("tradeoffs")


def shot_import_report(app, w, shot) -> None:
    w.show_tab("inventory")
    sample = Path(os.environ["SPACETRASH_HOME"]) / "stock-from-the-hab.csv"
    sample.write_text(SAMPLE_IMPORT, encoding="utf-8")
    w.inventory_tab.import_file(str(sample))
    _wait(app, lambda: w.inventory_tab.import_dialog is not None and w.inventory_tab.import_dialog.isVisible())
    shot("import-report", w.inventory_tab.import_dialog)
    w.inventory_tab.import_dialog.reject()


SAMPLE_ROWS = 30  # a retraining run learns from these (its boosted correction needs 20 rows of a property)


def shot_feedback(app, w, view, front, pick, shot) -> None:
    """Past reports on the front's recipes (the three samples, varied), then the form filled in for
    the chosen recipe."""
    others = [rid for rid in front if rid != pick] or [pick]
    now = datetime.now(UTC)
    for k in range(SAMPLE_ROWS):
        rid, rep = others[k % len(others)], SAMPLE_REPORTS[k % len(SAMPLE_REPORTS)]
        c = view.candidate(rid)
        made = MadeRecipe.from_candidate(c, view.run.target, view.result.model)
        who, rf, rm, rh, tf, tm, th, ef, cf, passed, notes = rep
        jitter = 1 + 0.015 * (k % 7 - 3)  # the same kind of report, not the same numbers
        report = {
            "who": who,
            "rigidity": round(min(1.0, c.values["rigidity"] * rf * jitter), 2),
            "rigidity_method": rm,
            "rigidity_how": said(rh),
            "tightness": round(min(1.0, c.values["tightness"] * tf * jitter), 2),
            "tightness_method": tm,
            "tightness_how": said(th),
            "energy_kwh": round(c.values["energy_kwh"] * ef * jitter, 2),
            "water_l": round(c.values["water_l"] * 1.2 * jitter, 2),
            "crew_min": round(c.values["crew_min"] * cf * jitter),
            "product_mass_kg": round(float(c.details.get("product_kg", 0.0)) * 0.96, 2),
            "passed": passed,
        }
        if notes:
            report["notes"] = said(notes)
        when = (now - timedelta(days=SAMPLE_ROWS - k, hours=2 * (k % 5))).isoformat()
        record_feedback(made.to_row(report, row_id="", recorded_at=when))  # the service gives it a new row id
    fb = w.panels["feedback"]
    w.show_tab("candidates")
    w.candidates_tab.table.selectRow(w.candidates_tab.model.row_of(pick))
    w.candidates_tab.detail.report_button.click()
    _wait(app, lambda: fb.isVisible() and fb.made is not None and fb.list_model.source_count >= 1)
    c = view.candidate(pick)
    typed = {  # as the crew types numbers in the window's language (a decimal comma in Spanish)
        "rigidity": number(min(1.0, c.values["rigidity"] * 0.95), 2),
        "tightness": number(min(1.0, c.values["tightness"] * 0.9), 2),
        "energy_kwh": number(c.values["energy_kwh"] * 1.45, 2),
        "water_l": number(c.values["water_l"] * 1.1, 2),
        "crew_min": number(c.values["crew_min"] * 1.2, 0),
        "product_mass_kg": number(float(c.details.get("product_kg", 0.0)) * 0.97, 2),
    }
    for key, text in typed.items():
        QTest.keyClicks(fb.fields[key].edit, text)
    fb.methods["rigidity"].setCurrentIndex(1)
    type_into(fb.hows["rigidity"], said("3-point bend of a 10 cm strip"))
    fb.methods["tightness"].setCurrentIndex(2)
    type_into(fb.hows["tightness"], said("filled with water, no drip after 1 h"))
    fb.outcome_buttons["passed"].setChecked(True)
    type_into(fb.notes, said("Good bin; the lid warps slightly when warm."))
    fb.who.setCurrentText("Kenji")
    fb.table.selectRow(0)
    shot("feedback")


def shot_model(app, w, shot) -> None:
    mp = w.panels["model"]
    w.show_tab("model")
    _wait(app, lambda: mp._loaded_once and mp.bundles_model.rowCount() > 0, 60)
    mp.retrain_config_factory = quick_train_config
    mp.start_retrain(use_journal=True)
    _wait(app, lambda: mp.retrain_task is None, 600)
    _wait(app, lambda: mp.selected_run is not None, 60)
    _wait(app, lambda: not w.runner.is_busy("model-load") and not w.runner.is_busy("model-details"), 60)
    shot("model")


def shot_plan(app, w, shot) -> None:
    tab = w.panels["plan"]
    w.show_tab("plan")
    tab.run_plan()
    _wait(app, lambda: tab.task is None, 900)
    tab.result_pane.table.selectRow(0)
    shot("plan")
    tab.run_sweep()  # the default range: 5 to 50 kWh per sol
    _wait(app, lambda: tab.task is None, 1800)
    shot("plan-sweep")


def main(argv: list[str] | None = None) -> int:
    root = Path(__file__).resolve().parents[2]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(root / "docs" / "screenshots"))
    parser.add_argument("--size", default="1440x900", help="window size of the full set (default 1440x900)")
    parser.add_argument(
        "--screens",
        default="1280x720,1920x1080",
        help="screen sizes for a shot of every tab each, in OUT/WxH/ (comma-separated; '' for none)",
    )
    parser.add_argument("--screens-only", action="store_true", help="only the per-screen shots")
    parser.add_argument("--lang", default="en", choices=("en", "es"), help="window language (es: in OUT/es/)")
    args = parser.parse_args(argv)
    out = Path(args.out) if args.lang == "en" else Path(args.out) / args.lang
    if not args.screens_only:
        for path in take(out, _size(args.size), lang=args.lang):
            print(path)
    for text in filter(None, (t.strip() for t in args.screens.split(","))):
        for path in take(out / text.lower(), screen=_size(text), lang=args.lang):
            print(path)
    return 0


def _size(text: str) -> tuple[int, int]:
    wdt, hgt = (int(x) for x in text.lower().split("x"))
    return wdt, hgt


if __name__ == "__main__":
    sys.exit(main())

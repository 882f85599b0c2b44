"""Target tab: presets and scenarios fill the fields; a value out of range is refused at the field
with the reason (never clamped) and Generate is disabled until it is fixed."""

from __future__ import annotations

from PySide6.QtCore import Qt

from spacetrash_desktop.domain import TARGET_LIMITS


def pick(combo, target_id):
    i = combo.findData(target_id)
    assert i >= 0
    combo.setCurrentIndex(i)
    combo.activated.emit(i)


def test_presets_and_scenarios_fill_the_fields(make_main_window, catalog):
    w = make_main_window()
    tab = w.target_tab
    pick(tab.preset_combo, "shielding_tile")
    t = catalog.targets["shielding_tile"]
    assert w.ctx.target == t
    assert tab.fields["batch_mass_kg"].value() == t.batch_mass_kg
    assert tab.regolith_check.isChecked() == t.regolith_allowed
    assert {p for p, cb in tab.process_checks.items() if cb.isChecked()} == set(t.allowed_processes)
    pick(tab.scenario_combo, "cosmic_celebrations")
    assert w.ctx.target.target_id == "cosmic_celebrations"
    assert tab.preset_combo.currentIndex() == 0  # the preset picker no longer claims a preset
    for key, f in tab.fields.items():
        lo, hi, unit = TARGET_LIMITS[key]
        assert unit in f.edit.toolTip() or unit == "index"
        assert f"{lo:g} to {hi:g}" in f.edit.toolTip()


def test_tooltips_say_what_the_values_mean_physically(make_main_window):
    w = make_main_window()
    tip = w.target_tab.fields["rigidity_min"].edit.toolTip()
    assert "HDPE" in tip and "GPa" in tip
    assert "water-tight" in w.target_tab.fields["tightness_min"].edit.toolTip()


def test_a_refused_target_value(qtbot, make_main_window):
    w = make_main_window()
    w.show_tab("target")
    tab = w.target_tab
    good = w.ctx.target
    field = tab.fields["batch_mass_kg"]
    field.edit.clear()
    qtbot.keyClicks(field.edit, "150")
    assert not field.valid
    assert field.error.isVisible() and "Too high" in field.error.text() and "100 kg" in field.error.text()
    assert field.edit.property("invalid") is True
    assert field.value() not in (100.0, 150.0)  # not clamped, not taken: the last valid value stays
    assert good.batch_mass_kg == 1.0
    assert w.ctx.target is None
    assert not w.candidates_tab.generate_button.isEnabled() and not w.generate_action.isEnabled()
    assert not tab.generate_button.isEnabled()
    assert "Not ready" in tab.status.text()
    w.show_tab("candidates")
    w.generate()  # Ctrl+G brings the crew back to the field that needs fixing
    assert not w.candidates_tab.running and w.current_tab_key() == "target"
    field.edit.clear()
    qtbot.keyClicks(field.edit, "abc")
    assert "not a number" in field.error.text()
    field.edit.clear()
    qtbot.keyClicks(field.edit, "2,5")
    assert field.valid and not field.error.isVisible()
    assert w.ctx.target.batch_mass_kg == 2.5 and w.ctx.target.kind == "custom"
    assert w.candidates_tab.generate_button.isEnabled()


def test_no_process_allowed_is_refused(qtbot, make_main_window):
    w = make_main_window()
    w.show_tab("target")
    tab = w.target_tab
    for cb in tab.process_checks.values():
        cb.setChecked(False)
    assert w.ctx.target is None and "at least one process" in tab.process_error.text()
    cb = next(iter(tab.process_checks.values()))
    qtbot.mouseClick(cb, Qt.MouseButton.LeftButton)
    assert w.ctx.target is not None and w.ctx.target.allowed_processes == (next(iter(tab.process_checks)),)


def test_time_budget_is_a_refused_field_too(qtbot, make_main_window):
    w = make_main_window()
    f = w.target_tab.budget_field
    f.edit.clear()
    qtbot.keyClicks(f.edit, "0")
    assert not f.valid and w.ctx.target is None
    f.edit.clear()
    qtbot.keyClicks(f.edit, "12")
    assert w.ctx.time_budget_s == 12.0 and w.ctx.target is not None
    assert "time limit 12 s" in w.candidates_tab.target_label.text()

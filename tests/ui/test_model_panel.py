"""Model panel: the active model's status and held-out figures, installing a bundle (a tampered one is
refused with its reason and nothing changes), rolling back, and the retraining controls, run history
and drift report. The retraining service is replaced by a small fake here (the real one runs in
test_feedback_e2e.py), so these tests do not depend on it."""

from __future__ import annotations

import json
import shutil
import threading
import types
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from spacetrash_desktop.errors import BadInputError
from spacetrash_desktop.ml import registry
from spacetrash_desktop.ml.bundle import MANIFEST, canonical_json, manifest_self_hash
from spacetrash_desktop.ml.registry import shipped_bundle
from spacetrash_desktop.services import retrain as retrain_service
from spacetrash_desktop.services.model import RunRecord, check_model

from .conftest import run_to_end


@pytest.fixture(autouse=True)
def _fresh_registry_cache():
    registry.clear_cache()
    yield
    registry.clear_cache()


def shipped() -> Path:
    path = shipped_bundle()
    assert path is not None, "the shipped model bundle is missing"
    return path


def relabel(dst: Path, version: str) -> Path:
    """A copy of the shipped bundle under another version: a different, valid bundle."""
    shutil.copytree(shipped(), dst)
    m = json.loads((dst / MANIFEST).read_text(encoding="utf-8"))
    m["version"] = version
    m["self_sha256"] = manifest_self_hash(m)
    (dst / MANIFEST).write_bytes(canonical_json(m))
    return dst


def model_window(qtbot, make_main_window, **kwargs):
    """A window whose start-up model check is the real one (installs and loads the shipped model)."""
    kwargs.setdefault("model_check", check_model)
    w = make_main_window(**kwargs)
    mp = w.panels["model"]
    with qtbot.waitSignal(mp.details_loaded, timeout=30000):
        w.show_tab("model")
    return w, mp


def do(qtbot, mp, fn, *args, timeout: int = 60000):
    with qtbot.waitSignal(mp.action_finished, timeout=timeout) as blocker:
        fn(*args)
    return blocker.args


# ---------------------------------------------------------------------------------- the active model


def test_the_panel_shows_the_active_model_its_metrics_and_the_installed_bundles(qtbot, make_main_window):
    w, mp = model_window(qtbot, make_main_window)
    info = w.ctx.model_info
    assert info.status == "ready" and info == registry.active_scorer().info
    assert "ready" in mp.status_label.text() and f"{info.name} {info.version}" in mp.status_label.text()
    assert mp.reason_label.text() == info.reason
    manifest = json.loads((shipped() / "manifest.json").read_text(encoding="utf-8"))
    assert mp.trained_on_label.text() == manifest["trained_on"]["description"]
    assert mp.trained_at_label.text() != "–"
    assert mp.test_rows_label.text() == f"{manifest['metrics']['n_test']:,}"
    assert mp.ood_label.text() == f"{100 * manifest['metrics']['ood_rate']:.1f}%"
    assert mp.metrics_model.rowCount() == 5
    rows = {mp.metrics_model.rows[r][0].split(" (")[0]: mp.metrics_model.rows[r] for r in range(5)}
    cov = manifest["metrics"]["coverage"]["energy_kwh"]
    assert rows["Energy"][4] == f"{100 * cov:.1f}%"
    held = manifest["metrics"]["held_out"]["rigidity"]
    assert rows["Rigidity"][3] == f"{held['blend_vs_physics']:.3f}"
    assert mp.bundles_model.rowCount() == 1 and mp.bundles_model.rows[0][3] == "active"
    assert not mp.rollback_button.isEnabled()  # nothing to roll back to
    assert mp.install_file_button.isEnabled() and mp.install_folder_button.isEnabled()
    for b in (mp.install_file_button, mp.install_folder_button, mp.rollback_button, mp.retrain_button):
        assert b.toolTip()


def test_physics_fallback_is_shown_with_its_reason(qtbot, make_main_window):
    w = make_main_window()  # the fixture's model check: physics fallback
    mp = w.panels["model"]
    w.show_tab("model")
    assert "physics fallback" in mp.status_label.text()
    assert mp.reason_label.text() == w.ctx.model_info.reason
    assert mp.metrics_model.rowCount() == 0 and "physics model alone" in mp.metrics_note.text()
    qtbot.waitUntil(lambda: mp.details is not None and mp._loaded_once and not w.runner.is_busy("model-details"))


def test_a_tampered_bundle_is_refused_with_the_reason_and_the_active_model_stays(
    qtbot, make_main_window, tmp_path, monkeypatch
):
    w, mp = model_window(qtbot, make_main_window)
    before_info, before_ptr = w.ctx.model_info, registry.read_pointer()
    bad = relabel(tmp_path / "tampered", "9.0.0")
    victim = bad / "xgb_energy_kwh.ubj"
    data = bytearray(victim.read_bytes())
    data[len(data) // 2] ^= 0x01
    victim.write_bytes(bytes(data))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(bad))
    assert do(qtbot, mp, qtbot.mouseClick, mp.install_folder_button, Qt.MouseButton.LeftButton) == ["install", "failed"]
    text = mp.action_status.text()
    assert "Not installed" in text and "refused" in text and "checksum mismatch" in text and "unchanged" in text
    assert "xgb_energy_kwh.ubj" in text
    qtbot.waitUntil(lambda: getattr(w, "last_error_dialog", None) is not None and w.last_error_dialog.isVisible())
    dlg = w.last_error_dialog
    assert dlg.failure.code.value == "MODEL_ERROR" and "refused" in dlg.message_label.text()
    dlg.close()
    assert registry.read_pointer()["active"] == before_ptr["active"]
    assert w.ctx.model_info == before_info and before_info.version in w.model_label.text()
    assert [b["version"] for b in registry.installed_bundles()] == [before_info.version]
    assert mp.install_folder_button.isEnabled()  # usable again


def test_install_a_bundle_then_roll_back_updates_the_panel_and_the_status_bar(
    qtbot, make_main_window, tmp_path, monkeypatch
):
    w, mp = model_window(qtbot, make_main_window)
    old = w.ctx.model_info
    new_bundle = relabel(tmp_path / "newer", "1.0.1-test")
    zipped = tmp_path / "newer.zip"
    with zipfile.ZipFile(zipped, "w") as zf:
        for f in sorted(new_bundle.iterdir()):
            zf.write(f, f.name)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(zipped), ""))
    assert do(qtbot, mp, mp.install_file_button.click) == ["install", "done"]
    assert "Installed and active" in mp.action_status.text() and "1.0.1-test" in mp.action_status.text()
    qtbot.waitUntil(lambda: w.ctx.model_info.version == "1.0.1-test", timeout=30000)
    assert "1.0.1-test" in w.model_label.text() and "ready" in w.model_label.text()
    assert "1.0.1-test" in mp.status_label.text()
    assert registry.active_scorer().info.version == "1.0.1-test"
    qtbot.waitUntil(lambda: mp.bundles_model.rowCount() == 2 and mp.rollback_button.isEnabled(), timeout=20000)
    states = {mp.bundles_model.rows[r][1]: mp.bundles_model.rows[r][3] for r in range(2)}
    assert states == {"1.0.1-test": "active", old.version: "previous"}

    assert do(qtbot, mp, mp.rollback_button.click) == ["rollback", "done"]
    assert "Rolled back" in mp.action_status.text()
    qtbot.waitUntil(lambda: w.ctx.model_info.version == old.version, timeout=30000)
    assert w.ctx.model_info.manifest_sha256 == old.manifest_sha256
    assert f"{old.name} {old.version}" in w.model_label.text() and "1.0.1-test" not in mp.status_label.text()
    qtbot.waitUntil(lambda: not mp.rollback_button.isEnabled(), timeout=20000)  # the history is used up

    # a rollback with nothing to roll back to says why, and changes nothing
    assert do(qtbot, mp, mp.rollback) == ["rollback", "failed"]
    assert "no previous model" in mp.action_status.text()
    qtbot.waitUntil(lambda: getattr(w, "last_error_dialog", None) is not None)
    w.last_error_dialog.close()
    assert registry.active_scorer().info.version == old.version


# ---------------------------------------------------------------------------------- retraining (fake service)


@dataclass
class FakeRun:
    run_id: str
    verdict: str
    reason: str
    champion: dict
    challenger: dict | None
    metrics: dict
    drift: dict
    data: dict
    record_path: str = ""
    finished_at: str = "2031-05-01T10:00:00+00:00"
    extra: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "run_id": self.run_id,
            "verdict": self.verdict,
            "reason": self.reason,
            "champion": self.champion,
            "challenger": self.challenger,
            "metrics": self.metrics,
            "drift": self.drift,
            "data": self.data,
            "record_path": self.record_path,
            "finished_at": self.finished_at,
        }


PROPS = ("rigidity", "tightness", "energy_kwh", "water_l", "crew_min")


def fake_run(n: int, verdict: str = "rejected", challenger_version: str | None = None) -> FakeRun:
    """A run in the shape services.retrain records (see ml.run_record.RunRecord and ml.drift.feature_drift)."""
    drift = {
        "features": {
            "frac_ldpe": {
                "label": "Share of LDPE in the feed",
                "psi": 0.31,
                "ks": 0.42,
                "ks_pvalue": 0.001,
                "flag": "major",
                "train_mean": 0.1,
                "new_mean": 0.4,
            },
            "regolith_frac": {
                "label": "Regolith share",
                "psi": 0.02,
                "ks": 0.08,
                "ks_pvalue": 0.71,
                "flag": "none",
                "train_mean": 0.2,
                "new_mean": 0.21,
            },
            "batch_mass_kg": {
                "label": "Batch mass",
                "psi": 0.12,
                "ks": 0.2,
                "ks_pvalue": 0.04,
                "flag": "moderate",
                "train_mean": 2.0,
                "new_mean": 1.0,
            },
        },
        "summary": {
            "level": "major",
            "text": "Major drift in 1 of 3 features (Share of LDPE in the feed)",
            "note": "only 7 new row(s): the drift figures are rough below 20 rows",
        },
    }
    metrics = {
        p: {
            "unit": "kWh",
            "lab": {
                "rows": 2000,
                "mae_champion": 0.1 * (i + 1),
                "mae_challenger": 0.11 * (i + 1),
                "coverage_champion": 0.95,
                "coverage_challenger": 0.94,
            },
            "feedback": {"rows": 0},
            "learnt": {"correction": False, "calibrated_on": None},
            "checks": [
                {
                    "check": "error on virtual-lab trials",
                    "passed": i != 2,
                    "text": f"{p} error on 2,000 virtual-lab trials away from the feedback",
                }
            ],
            "passed": i != 2,
        }
        for i, p in enumerate(PROPS)
    }
    version = challenger_version or f"1.0.0+fb.{n}"
    reason = (
        "Not promoted: the feedback was not enough to teach the model anything yet. The active model stays."
        if verdict == "rejected"
        else "Promoted: it learnt from the feedback."
    )
    return FakeRun(
        f"run-{n:03d}",
        verdict,
        reason,
        {"name": "spacetrash-residual", "version": "1.0.0"},
        {"name": "spacetrash-residual", "version": version, "status": "candidate"},
        metrics,
        drift,
        {
            "feedback_total": 7,
            "feedback_usable": 6,
            "feedback_measured": 4,
            "feedback_judged": 2,
            "recipes": {"total": 3, "train": 3, "held_out": 0},
        },
    )


@pytest.fixture
def fake_retrain(monkeypatch):
    """A stand-in for the retraining service (services.retrain): records its calls, reports progress,
    honours cancel; its runs are the history the model service reads."""
    mod = types.SimpleNamespace(calls=[], runs=[], release=threading.Event(), hold=False)
    mod.promote_bundle = None  # a bundle folder to install and activate, as a promotion does

    def retrain(ctx=None, *, feedback_files=(), use_journal=True, seed=0, config=None, promote=True):
        mod.calls.append(
            {"feedback_files": tuple(feedback_files), "use_journal": use_journal, "config": config, "promote": promote}
        )
        for i in range(5):
            ctx.progress(i, 5, f"step {i + 1} of 5")
            ctx.check_cancelled()
        while mod.hold:  # on the worker thread: wait until the test cancels or releases it
            ctx.check_cancelled()
            mod.release.wait(0.01)
        if mod.promote_bundle is not None:
            info = registry.install_bundle(mod.promote_bundle)
            run = fake_run(len(mod.runs) + 1, "promoted", info.version)
        else:
            run = fake_run(len(mod.runs) + 1)
        record = RunRecord.from_dict(run.to_dict())
        mod.runs.insert(0, record)
        return record

    def read_run(run_id):
        return next(r for r in mod.runs if r.run_id == run_id)

    mod.retrain = retrain
    monkeypatch.setattr(retrain_service, "retrain", lambda *a, **k: mod.retrain(*a, **k))
    monkeypatch.setattr(retrain_service, "run_history", lambda: list(mod.runs))
    monkeypatch.setattr(retrain_service, "read_run", read_run)
    return mod


def test_retrain_dialog_progress_verdict_history_and_drift(
    qtbot, make_main_window, fake_retrain, monkeypatch, tmp_path
):
    w = make_main_window()
    mp = w.panels["model"]
    mp.retrain_config_factory = lambda: "small-config"
    with qtbot.waitSignal(mp.details_loaded, timeout=20000):
        w.show_tab("model")
    assert mp.retrain_button.isEnabled() and "No retraining has run yet" in mp.runs_note.text()

    qtbot.mouseClick(mp.retrain_button, Qt.MouseButton.LeftButton)
    dlg = mp.retrain_dialog
    qtbot.waitUntil(dlg.isVisible)
    dlg.use_journal.setChecked(False)
    assert not dlg.ok_button.isEnabled() and "Choose the feedback" in dlg.reason.text()
    exported = [str(tmp_path / "a.parquet"), str(tmp_path / "b.parquet")]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (exported, ""))
    qtbot.mouseClick(dlg.add_files_button, Qt.MouseButton.LeftButton)
    dlg.files.item(1).setSelected(True)
    qtbot.mouseClick(dlg.remove_button, Qt.MouseButton.LeftButton)
    assert dlg.paths() == exported[:1] and dlg.ok_button.isEnabled()
    with qtbot.waitSignal(mp.retrain_finished, timeout=20000) as blocker:
        qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    outcome, run = blocker.args
    assert outcome == "done" and run.verdict == "rejected"
    assert fake_retrain.calls == [
        {"feedback_files": tuple(exported[:1]), "use_journal": False, "config": "small-config", "promote": True}
    ]
    assert "Rejected" in mp.verdict_label.text() and run.reason in mp.verdict_label.text()
    assert mp.progress.format() == "rejected" and mp.retrain_button.isEnabled() and not mp.cancel_button.isEnabled()

    # the history lists the run; its drift report and metrics are shown
    qtbot.waitUntil(lambda: mp.runs_model.rowCount() == 1 and mp.selected_run is not None, timeout=20000)
    row = mp.runs_model.rows[0]
    assert row[1] == "rejected" and row[2] == "1.0.0" and row[3] == "1.0.0+fb.1"
    assert row[4] == "7 (6 usable)" and row[5] == run.reason
    assert mp.drift_model.rowCount() == 3 and "Major drift in 1 of 3 features" in mp.drift_summary.text()
    assert "rough below 20 rows" in mp.drift_summary.text()

    def column(c):
        return [mp.drift_model.data(mp.drift_model.index(r, c)) for r in range(3)]

    assert column(4) == ["major", "moderate", "none"]  # the most drifted first
    mp.drift_table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # PSI, smallest first
    assert column(0) == ["Regolith share", "Batch mass", "Share of LDPE in the feed"]
    assert mp.drift_model.data(mp.drift_model.index(2, 4), Qt.ItemDataRole.ForegroundRole) is not None
    assert mp.drift_model.data(mp.drift_model.index(0, 4), Qt.ItemDataRole.ForegroundRole) is None
    mp.drift_table.sortByColumn(3, Qt.SortOrder.AscendingOrder)  # KS p-value
    assert column(3)[0] == "0.001" and column(6)[0] == "0.4"
    titles = [c[0] for c in mp.run_metrics_model.columns]
    assert titles[:3] == ["Property", "Lab MAE, active", "Lab MAE, new"] and "Checks passed" in titles
    assert mp.run_metrics_model.rowCount() == 5 and mp.run_metrics_model.rows[2][-1] == "0 of 1"
    assert "✗" in mp.checks_label.text() and "energy_kwh error on 2,000" in mp.checks_label.text()
    assert "feedback usable" in mp.run_data_label.text()

    # a second run: the newest first; selecting the older one loads its record
    with qtbot.waitSignal(mp.retrain_finished, timeout=20000):
        mp.start_retrain(use_journal=True)
    qtbot.waitUntil(lambda: mp.runs_model.rowCount() == 2, timeout=20000)
    assert mp.selected_run.run_id == "run-002"
    with qtbot.waitSignal(mp.run_loaded, timeout=20000) as blocker:
        mp.runs_table.selectRow([mp.runs_model.payload_at(r) for r in range(2)].index("run-001"))
    assert blocker.args[0].run_id == "run-001" and "run-001" in mp.run_title.text()


def test_retraining_can_be_cancelled_and_changes_nothing(qtbot, make_main_window, fake_retrain):
    w = make_main_window()
    mp = w.panels["model"]
    fake_retrain.hold = True
    with qtbot.waitSignal(w.runner.task_started, timeout=20000):
        task = mp.start_retrain()
    assert task is not None and task.pool == "train"
    assert mp.cancel_button.isEnabled() and not mp.retrain_button.isEnabled()
    assert mp.start_retrain() is None  # one at a time
    # Generate is not queued behind the retraining (its own worker)
    assert run_to_end(qtbot, w) == "finished"
    assert mp.retrain_task is not None
    with qtbot.waitSignal(mp.retrain_finished, timeout=20000) as blocker:
        qtbot.mouseClick(mp.cancel_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0] == "cancelled" and "Cancelled" in mp.verdict_label.text()
    assert fake_retrain.runs == [] and mp.retrain_button.isEnabled()


def test_a_failing_retrain_is_reported_with_its_code(qtbot, make_main_window, fake_retrain):
    def broken(ctx=None, **kw):
        raise BadInputError("The exported file is not a feedback export.")

    fake_retrain.retrain = broken
    w = make_main_window()
    mp = w.panels["model"]
    with qtbot.waitSignal(mp.retrain_finished, timeout=20000) as blocker:
        mp.start_retrain(feedback_files=["x.parquet"], use_journal=False)
    assert blocker.args[0] == "failed" and "BAD_INPUT" in mp.verdict_label.text()
    assert "not a feedback export" in mp.verdict_label.text() and "unchanged" in mp.verdict_label.text()
    qtbot.waitUntil(lambda: getattr(w, "last_error_dialog", None) is not None)
    w.last_error_dialog.close()


def test_a_promotion_loads_the_new_model_and_updates_the_status_bar(qtbot, make_main_window, fake_retrain, tmp_path):
    w, mp = model_window(qtbot, make_main_window)
    fake_retrain.promote_bundle = relabel(tmp_path / "retrained", "1.0.0+fb.test")
    with qtbot.waitSignal(mp.retrain_finished, timeout=30000) as blocker:
        mp.start_retrain()
    assert blocker.args[1].verdict == "promoted" and "Promoted" in mp.verdict_label.text()
    qtbot.waitUntil(lambda: w.ctx.model_info.version == "1.0.0+fb.test", timeout=30000)
    assert "1.0.0+fb.test" in w.model_label.text() and "1.0.0+fb.test" in mp.status_label.text()
    assert registry.active_scorer().info.version == "1.0.0+fb.test"
    qtbot.waitUntil(lambda: mp.bundles_model.rowCount() == 2 and mp.rollback_button.isEnabled(), timeout=20000)

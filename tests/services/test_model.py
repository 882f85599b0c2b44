"""The model service: the one door of the window and the command line to the trained model. Status,
install, verify, rollback and the run history on real (small) bundles; an old run record on disk
still loads through the typed reader."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from spacetrash_desktop.domain import ModelStatus, Verdict
from spacetrash_desktop.errors import BadInputError, ModelError
from spacetrash_desktop.ml import registry
from spacetrash_desktop.ml.bundle import MANIFEST
from spacetrash_desktop.ml.run_record import RUN_FORMAT_VERSION, RunRecord, record_problems
from spacetrash_desktop.ml.scorer import MLScorer
from spacetrash_desktop.ml.train import train_bundle
from spacetrash_desktop.services import model as model_service
from spacetrash_desktop.services import retrain as retrain_service
from spacetrash_desktop.storage import paths
from tests.ml.conftest import _fresh_registry_cache, relabel, small_config  # noqa: F401 - an autouse fixture


@pytest.fixture(scope="module")
def small_bundle(tmp_path_factory) -> Path:
    """A bundle trained with the ML tests' small configuration (seconds)."""
    return train_bundle(tmp_path_factory.mktemp("bundles") / "small", seed=0, config=small_config())


@pytest.fixture
def no_shipped(monkeypatch, tmp_path):
    """The shipped bundle removed from the installation: only what a test installs exists."""
    empty = tmp_path / "install" / "models"
    empty.mkdir(parents=True)
    real = paths.bundled_dir
    monkeypatch.setattr(paths, "bundled_dir", lambda name: empty if name == "models" else real(name))


def test_status_without_a_model_is_the_physics_fallback_with_the_reason(no_shipped):
    info = model_service.status()
    assert info.status == ModelStatus.FALLBACK
    assert "missing from this installation" in info.reason and info.reason.endswith("physics model.")
    assert model_service.installed_bundles() == []
    assert model_service.check_model(None).status == ModelStatus.FALLBACK


def test_install_rollback_and_status(small_bundle, tmp_path, no_shipped):
    first = model_service.install(small_bundle)
    assert first.status == ModelStatus.READY and first == model_service.status()
    assert model_service.check_model(None) == first  # a ready model is loaded at once
    assert isinstance(registry.active_scorer(), MLScorer)

    second = model_service.install(relabel(small_bundle, tmp_path / "b", "9.9.9"))
    assert second.version == "9.9.9" and model_service.load_active_model().version == "9.9.9"
    states = {b["version"]: (b["active"], b["previous"]) for b in model_service.installed_bundles()}
    assert states == {"9.9.9": (True, False), first.version: (False, True)}
    details = model_service.model_details(with_runs=False)
    assert details.can_roll_back and details.active_sha256 == second.manifest_sha256
    assert details.manifest["version"] == "9.9.9" and details.runs == []
    summary = details.metrics_summary()  # the figures the status shows, read from the manifest
    assert summary["held_out"] == second.metrics["held_out"]
    for key in ("coverage", "mean_width", "n_test", "ood_rate", "trained_at"):
        assert summary[key] == second.metrics[key]

    back = model_service.rollback()
    assert back.version == first.version and model_service.load_active_model().version == first.version
    with pytest.raises(ModelError, match="no previous model"):
        model_service.rollback()


def test_a_refused_install_changes_nothing(small_bundle, tmp_path, no_shipped):
    before = model_service.install(small_bundle)
    bad = shutil.copytree(small_bundle, tmp_path / "bad")
    victim = next(p for p in bad.iterdir() if p.name != MANIFEST and p.is_file())
    victim.write_bytes(victim.read_bytes() + b"tampered")
    with pytest.raises(ModelError, match="was refused"):
        model_service.install(bad)
    assert model_service.status() == before


def test_verify_a_bundle_the_active_one_and_a_tampered_one(small_bundle, tmp_path, no_shipped):
    with pytest.raises(ModelError, match="No model is active"):
        model_service.verify()
    check = model_service.verify(small_bundle)
    assert check.ok and check.problems == () and check.reason == ""
    assert check.n_files == len([p for p in small_bundle.iterdir() if p.is_file()])
    assert check.info is not None and check.info.status == ModelStatus.READY
    assert check.manifest_sha256 == check.info.manifest_sha256 and check.size_bytes > 0

    info = model_service.install(small_bundle)
    active = model_service.verify()
    assert active.ok and active.manifest_sha256 == info.manifest_sha256

    bad = shutil.copytree(small_bundle, tmp_path / "bad")
    victim = next(p for p in bad.iterdir() if p.name != MANIFEST and p.is_file())
    victim.write_bytes(b"not the model")
    refused = model_service.verify(bad)
    assert not refused.ok and refused.problems and refused.info is None
    assert refused.reason.startswith(refused.problems[0])


def _old_record(run_id: str) -> dict:
    """A run record exactly as services/retrain.py wrote it before the typed record existed."""
    return {
        "format": "spacetrash-retrain-run",
        "format_version": 1,
        "run_id": run_id,
        "started_at": "2026-11-25T13:15:00.000001Z",
        "finished_at": "2026-11-25T13:16:00.000001Z",
        "verdict": "no_data",
        "reason": "No feedback to learn from: the feedback journal is empty. Nothing was trained.",
        "champion": {"name": "spacetrash-residual", "version": "1.0.0", "status": "ready", "manifest_sha256": "ab"},
        "challenger": None,
        "data": {"feedback_total": 0, "from_journal": 0, "from_files": 0, "duplicates": 0},
        "drift": {},
        "metrics": {},
        "artifacts": {
            "champion_manifest_sha256": "ab",
            "challenger_manifest_sha256": "",
            "feedback_files": [],
            "journal_row_ids": [],
            "file_row_ids": [],
        },
        "versions": {"app": "0.9.0", "feature_version": 3},
        "settings": {"seed": 0, "promote": True, "use_journal": True, "feedback_files": []},
        "timings": {"total_s": 0.4},
        "a_key_from_the_future": {"kept": True},
    }


def test_an_old_run_record_on_disk_loads_through_the_typed_reader():
    run_id = "run-20261125T131500Z-3f9a"
    old = _old_record(run_id)
    path = paths.runs_dir() / f"{run_id}.json"
    path.write_text(json.dumps(old), encoding="utf-8")
    (paths.runs_dir() / "run-20261126T000000Z-dead.json").write_text("{not json", encoding="utf-8")

    run = model_service.read_run(run_id)
    assert isinstance(run, RunRecord) and run.format_version == RUN_FORMAT_VERSION
    assert run.verdict is Verdict.NO_DATA and run.reason == old["reason"]
    assert run.champion_name == "spacetrash-residual" and run.champion_version == "1.0.0"
    assert run.challenger is None and run.challenger_version == "" and run.feedback_total == 0
    assert run.record_path == str(path) and run.checks() == [] and not run.compared
    assert run.to_dict() == old  # written back exactly as it was read, unknown keys included
    assert record_problems(run) == [] and retrain_service.load_run(run_id) == old
    assert run.settings["use_journal"] is True

    history = model_service.run_history()
    assert [r.run_id for r in history] == [run_id, "run-20261126T000000Z-dead"]
    assert history[1].verdict == "unreadable" and history[1].reason == "This run's record cannot be read."
    assert retrain_service.list_runs()[0] == {
        "run_id": run_id,
        "started_at": old["started_at"],
        "finished_at": old["finished_at"],
        "verdict": "no_data",
        "reason": old["reason"],
        "champion_name": "spacetrash-residual",
        "champion_version": "1.0.0",
        "challenger_name": None,
        "challenger_version": None,
        "challenger_status": None,
        "feedback_rows": 0,
        "feedback_usable": 0,
        "drift": None,
        "record_path": str(path),
    }
    details = model_service.model_details()
    assert [r.run_id for r in details.runs] == [run_id, "run-20261126T000000Z-dead"] and not details.runs_error


def test_the_metrics_summary_of_a_partial_manifest_keeps_what_it_has():
    held = {"rigidity": {"unit": "index", "mae_physics": 0.2, "mae_blend": 0.1, "blend_vs_physics": 0.5}}
    details = model_service.ModelDetails(manifest={"metrics": {"held_out": {**held, "bad": 3}}})
    assert details.metrics_summary() == {
        "held_out": {"rigidity": {"unit": "index", "mae_physics": 0.2, "mae_model": 0.1, "ratio": 0.5}},
        "coverage": {},
        "mean_width": {},
        "n_test": None,
        "ood_rate": None,
        "trained_at": None,
    }
    assert model_service.ModelDetails().metrics_summary()["held_out"] == {}


def test_read_run_refuses_unknown_and_malformed_ids():
    with pytest.raises(BadInputError, match="not a retraining run id"):
        model_service.read_run("../etc/passwd")
    with pytest.raises(BadInputError, match="There is no retraining run"):
        model_service.read_run("run-20310501T100000Z-3f9a")
    (paths.runs_dir() / "run-20310501T100000Z-0bad.json").write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(BadInputError, match="is damaged"):
        model_service.read_run("run-20310501T100000Z-0bad")


def test_a_run_record_round_trips_through_save_and_load(tmp_path):
    rec = RunRecord.from_dict(_old_record("run-20261125T131500Z-3f9a"))
    rec.verdict = Verdict.REJECTED
    target = rec.save(tmp_path)
    again = RunRecord.load(target)
    assert again.record_path == str(target) and again.verdict is Verdict.REJECTED
    assert again.to_dict() == rec.to_dict() and json.loads(target.read_text())["verdict"] == "rejected"


def test_the_typed_record_reads_the_comparison_and_the_drift_report():
    check = {"check": "error on held-out feedback", "passed": False, "text": "rigidity error on 12 rows"}
    rec = RunRecord.from_dict(
        {
            "run_id": "run-20261125T131500Z-3f9a",
            "verdict": "rejected",
            "metrics": {
                "rigidity": {
                    "unit": "-",
                    "lab": {"rows": 2000, "mae_champion": 0.1, "mae_challenger": 0.11, "coverage_champion": 0.95},
                    "feedback": {"rows": 12, "mae_champion": 0.2, "mae_challenger": 0.3},
                    "learnt": {"correction": True, "reach": "local", "calibrated_on": "crew_feedback"},
                    "checks": [check],
                    "passed": False,
                },
                "evaluation": {"lab_rows": 2000},
            },
            # an early record's flat drift report with other key names
            "drift": {"batch_kg": {"psi": 0.3, "ks_stat": 0.4, "p_value": 0.01, "flag": True}},
        }
    )
    assert rec.compared and rec.comparison_complete
    [c] = rec.comparisons()
    assert (c.name, c.unit, c.passed, c.correction, c.reach, c.calibrated_on) == (
        "rigidity",
        "-",
        False,
        True,
        "local",
        "crew_feedback",
    )
    assert (c.lab.rows, c.lab.mae_challenger, c.lab.coverage_challenger) == (2000, 0.11, None)
    assert (c.feedback.rows, c.feedback.mae_champion) == (12, 0.2)
    assert rec.checks() == [(False, "rigidity error on 12 rows")]
    [f] = rec.drift_features()
    assert (f.key, f.label, f.psi, f.ks, f.ks_pvalue, f.flag) == ("batch_kg", "batch_kg", 0.3, 0.4, 0.01, "drift")
    assert rec.drift_level is None and rec.drift_text == ""

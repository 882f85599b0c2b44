"""The registry: first start installs the shipped bundle; without it the app says why and uses the
physics model; install / rollback / tamper on disk / caching / training cancelled."""

from __future__ import annotations

import shutil

import pytest

from spacetrash_desktop.context import Cancelled, RunContext
from spacetrash_desktop.engine.scorer import PhysicsScorer
from spacetrash_desktop.errors import ErrorCode, ModelError
from spacetrash_desktop.ml import registry
from spacetrash_desktop.ml.scorer import MLScorer
from spacetrash_desktop.storage import paths

from .conftest import relabel, small_config


@pytest.fixture
def no_shipped(monkeypatch, tmp_path):
    """The shipped bundle removed from the installation."""
    empty = tmp_path / "install" / "models"
    empty.mkdir(parents=True)
    real = paths.bundled_dir

    def fake(name):
        return empty if name == "models" else real(name)

    monkeypatch.setattr(paths, "bundled_dir", fake)
    return empty


def test_empty_data_dir_installs_the_shipped_bundle():
    assert registry.read_pointer() is None
    info = registry.ensure_installed()
    assert info.status == "ready", info.reason
    assert info.name == "spacetrash-residual"
    ptr = registry.read_pointer()
    assert (paths.models_dir() / ptr["active"] / "manifest.json").is_file()
    assert registry.ensure_installed().manifest_sha256 == info.manifest_sha256  # idempotent
    scorer = registry.active_scorer()
    assert isinstance(scorer, MLScorer) and scorer.info.status == "ready"
    assert registry.active_scorer() is scorer  # loaded once, cached
    assert registry.registry_status().metrics["coverage"]


def test_without_the_shipped_bundle_the_physics_model_is_used_and_the_reason_given(no_shipped):
    info = registry.ensure_installed()
    assert info.status == "physics fallback"
    assert "missing" in info.reason and "physics model" in info.reason
    scorer = registry.active_scorer()
    assert isinstance(scorer, PhysicsScorer)
    assert scorer.info.status == "physics fallback" and "missing" in scorer.info.reason
    assert registry.registry_status().reason == scorer.info.reason


def test_install_rollback_and_history(small_bundle, tmp_path, no_shipped):
    a = registry.install_bundle(small_bundle)
    b_path = relabel(small_bundle, tmp_path / "b", "2.0.0")
    b = registry.install_bundle(b_path)
    assert (a.version, b.version) == ("1.0.0", "2.0.0")
    ptr = registry.read_pointer()
    assert len(ptr["history"]) == 1
    assert registry.active_scorer().info.version == "2.0.0"
    back = registry.rollback()
    assert back.version == "1.0.0" and back.manifest_sha256 == a.manifest_sha256
    assert registry.active_scorer().info.version == "1.0.0"
    with pytest.raises(ModelError) as exc:
        registry.rollback()
    assert exc.value.code is ErrorCode.MODEL_ERROR and "no previous model" in exc.value.message
    # re-installing an installed bundle re-activates it without copying again
    assert registry.install_bundle(b_path).version == "2.0.0"
    listed = {d["version"]: d for d in registry.installed_bundles()}
    assert listed["2.0.0"]["active"] and not listed["1.0.0"]["active"]


def test_a_bundle_damaged_on_disk_falls_back_to_physics_with_the_reason(small_bundle, no_shipped):
    registry.install_bundle(small_bundle)
    ptr = registry.read_pointer()
    victim = paths.models_dir() / ptr["active"] / "xgb_energy_kwh.ubj"
    data = bytearray(victim.read_bytes())
    data[10] ^= 0x01
    victim.write_bytes(bytes(data))
    registry.clear_cache()
    scorer = registry.active_scorer()
    assert isinstance(scorer, PhysicsScorer)
    assert "failed verification" in scorer.info.reason and "xgb_energy_kwh.ubj" in scorer.info.reason
    assert registry.registry_status().status == "physics fallback"
    assert registry.read_pointer() == ptr  # nothing changed silently


def test_the_pointer_names_a_missing_folder(small_bundle, no_shipped):
    registry.install_bundle(small_bundle)
    shutil.rmtree(paths.models_dir() / registry.read_pointer()["active"])
    registry.clear_cache()
    info = registry.registry_status()
    assert info.status == "physics fallback" and "no longer installed" in info.reason


def test_a_corrupt_pointer_is_no_pointer(small_bundle, no_shipped):
    (paths.models_dir() / registry.POINTER).write_text("{not json")
    assert registry.read_pointer() is None
    assert registry.active_scorer().info.status == "physics fallback"
    registry.install_bundle(small_bundle)
    assert registry.read_pointer() is not None


def test_loading_happens_once_per_active_bundle(small_bundle, no_shipped, monkeypatch):
    """The install loads the model files to check them against the feature schema; the scorer reuses
    that load: one load in all, however often the scorer is asked for."""
    from spacetrash_desktop.ml import bundle

    calls = []
    real = bundle.load_ensemble

    def counted(*a, **k):
        calls.append(1)
        return real(*a, **k)

    monkeypatch.setattr(registry, "load_ensemble", counted)
    monkeypatch.setattr(bundle, "load_ensemble", counted)
    registry.install_bundle(small_bundle)
    for _ in range(5):
        registry.active_scorer()
    assert calls == [1]
    registry.clear_cache()  # forgetting the scorer (files may have changed): the next one loads again
    registry.active_scorer()
    assert calls == [1, 1]


def test_remove_bundle(small_bundle, tmp_path, no_shipped):
    registry.install_bundle(small_bundle)
    registry.install_bundle(relabel(small_bundle, tmp_path / "b", "2.0.0"))
    ptr = registry.read_pointer()
    with pytest.raises(ModelError):
        registry.remove_bundle(ptr["active"])
    registry.remove_bundle(ptr["history"][0])
    assert registry.read_pointer()["history"] == []
    assert not (paths.models_dir() / ptr["history"][0]).exists()
    with pytest.raises(ModelError):
        registry.rollback()


def test_train_and_install_cancel_leaves_everything_as_it_was(no_shipped):
    ctx = RunContext()
    ctx.cancel()
    with pytest.raises(Cancelled):
        registry.train_and_install(ctx, seed=0, config=small_config(n_rows=3000))
    assert registry.read_pointer() is None
    assert registry.registry_status().status == "physics fallback"
    assert not [p for p in paths.models_dir().iterdir() if p.name.startswith(".staging")]


def test_user_messages_carry_no_paths(tmp_path, no_shipped):
    with pytest.raises(ModelError) as exc:
        registry.install_bundle(tmp_path / "does-not-exist")
    assert str(tmp_path) not in exc.value.message
    assert exc.value.message == "The model bundle was refused: the model bundle does not exist"

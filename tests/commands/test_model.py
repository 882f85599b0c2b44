"""`spacetrash model info|verify|install|rollback|train`: plain output, one-line errors, exit codes."""

from __future__ import annotations

from spacetrash_desktop.cli import run
from spacetrash_desktop.ml import train
from tests.ml.conftest import _fresh_registry_cache, copy_bundle, relabel  # noqa: F401 - an autouse fixture
from tests.ml.conftest import small_bundle as small_bundle  # the fixture


def test_info_installs_and_reports(capsys):
    assert run(["model", "info"]) == 0
    out = capsys.readouterr().out
    assert "status:  ready" in out and "coverage" in out and "active" in out


def test_verify_on_a_fresh_data_folder_agrees_with_info(capsys):
    """`model verify` (no path) on a fresh data folder installs and verifies the shipped model, as
    `model info` does: before, it said "No model is active" while info said ready."""
    assert run(["model", "verify"]) == 0
    verified = capsys.readouterr().out
    assert verified.startswith("OK: spacetrash-residual ")
    assert run(["model", "info"]) == 0
    info = capsys.readouterr().out
    assert "status:  ready" in info
    name_version = verified.split(":")[1].strip()
    assert f"model:   {name_version}" in info


def test_verify_install_rollback(small_bundle, tmp_path, capsys):
    assert run(["model", "verify", str(small_bundle)]) == 0
    assert "OK: spacetrash-residual 1.0.0" in capsys.readouterr().out
    bad = copy_bundle(small_bundle, tmp_path / "bad")
    (bad / "extra.bin").write_bytes(b"x")
    assert run(["model", "verify", str(bad)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("spacetrash: MODEL_ERROR: verification failed: unexpected file 'extra.bin'")
    assert run(["model", "install", str(bad)]) == 1
    assert capsys.readouterr().err.count("\n") == 1  # one line
    assert run(["model", "install", str(small_bundle)]) == 0
    assert run(["model", "install", str(relabel(small_bundle, tmp_path / "b", "3.0.0"))]) == 0
    assert "3.0.0" in capsys.readouterr().out
    assert run(["model", "verify"]) == 0  # the active one
    assert run(["model", "rollback"]) == 0
    assert run(["model", "rollback"]) == 1
    assert "no previous model" in capsys.readouterr().err


def test_train_quick_to_a_folder(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(
        train.TrainConfig,
        "small",
        staticmethod(
            lambda: train.TrainConfig(
                n_rows=3000, rf_trees=4, rf_depth=6, xgb_rounds=20, diff_rounds=10, importance_rows=100, nthread=1
            )
        ),
    )
    assert run(["model", "train", "--quick", "--out", str(tmp_path / "m"), "--seed", "2"]) == 0
    out = capsys.readouterr().out
    assert "wrote" in out and (tmp_path / "m" / "manifest.json").is_file()
    assert run(["model", "verify", str(tmp_path / "m")]) == 0

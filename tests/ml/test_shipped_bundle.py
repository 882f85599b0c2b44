"""The committed bundle in models/ matches its manifest, is small, is the documented configuration,
and was trained against the current physics model and datasets."""

from __future__ import annotations

from dataclasses import asdict

from spacetrash_desktop.ml.bundle import read_bundle
from spacetrash_desktop.ml.registry import shipped_bundle
from spacetrash_desktop.ml.train import TrainConfig

REGENERATE = "spacetrash model train --out models/spacetrash-residual --seed 0"


def test_committed_bundle_matches_its_manifest():
    path = shipped_bundle()
    assert path is not None and path.name == "spacetrash-residual"
    contents, problems = read_bundle(path)
    assert problems == [], problems
    size = sum(len(b) for b in contents.files.values())
    assert size < 5_000_000, f"the shipped bundle is {size:,} bytes; keep it to a few MB"


def test_committed_bundle_is_the_documented_configuration():
    contents, _ = read_bundle(shipped_bundle())
    meta = contents.metadata()
    assert meta["seed"] == 0
    assert meta["config"] == json_ready(asdict(TrainConfig())), f"regenerate with `{REGENERATE}`"
    assert contents.manifest["trained_on"]["measured_rows"] == 0
    m = contents.manifest["metrics"]
    assert all(0.93 <= v <= 0.97 for v in m["coverage"].values()), m["coverage"]
    assert m["n_test"] >= 2000


def test_committed_bundle_was_trained_on_the_current_physics(catalog):
    from spacetrash_desktop.ml.virtual_lab import physics_fingerprint

    contents, _ = read_bundle(shipped_bundle())
    assert contents.manifest["trained_on"]["physics_fingerprint"] == physics_fingerprint(catalog), (
        f"the physics model or the datasets changed since the shipped model was trained: run `{REGENERATE}`"
    )


def json_ready(d):
    import json

    return json.loads(json.dumps(d))

"""Shared fixtures for the ML tests: one small bundle trained once per session (seconds), helpers to
copy and re-label bundles."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from spacetrash_desktop.domain import Material, MaterialFamily
from spacetrash_desktop.ml import registry
from spacetrash_desktop.ml.bundle import MANIFEST, canonical_json, load_bundle, manifest_self_hash
from spacetrash_desktop.ml.train import TrainConfig, train_bundle
from spacetrash_desktop.services.generate import generate, physics_scorer


def small_config(**kw):
    return replace(TrainConfig.small(), **kw)


@pytest.fixture(scope="session")
def small_bundle(tmp_path_factory) -> Path:
    """A bundle trained with the test configuration (12,000 virtual-lab rows, 2,000-row test split)."""
    out = tmp_path_factory.mktemp("bundles") / "small"
    return train_bundle(out, seed=0, config=small_config())


@pytest.fixture(scope="session")
def small_loaded(small_bundle):
    return load_bundle(small_bundle)  # (contents, ensemble)


@pytest.fixture(scope="session")
def shielding_search(catalog):
    """(items, result): the default inventory searched for the shielding tile with physics, seed 0
    (the suggestion tests' world: many feasible families, a front, a recommendation)."""
    items = list(catalog.default_inventory)
    return items, generate(items, catalog.targets["shielding_tile"], scorer=physics_scorer(), seed=0)


@pytest.fixture(autouse=True)
def _fresh_registry_cache():
    registry.clear_cache()
    yield
    registry.clear_cache()


def copy_bundle(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst)
    return dst


def edit_manifest(bundle: Path, edit) -> dict:
    """Change the manifest with ``edit(manifest)`` and re-seal it (a validly re-hashed manifest)."""
    m = json.loads((bundle / MANIFEST).read_text(encoding="utf-8"))
    edit(m)
    m["self_sha256"] = manifest_self_hash(m)
    (bundle / MANIFEST).write_bytes(canonical_json(m))
    return m


def relabel(src: Path, dst: Path, version: str) -> Path:
    """A copy of a bundle under another version (a different, valid bundle)."""
    copy_bundle(src, dst)
    edit_manifest(dst, lambda m: m.__setitem__("version", version))
    return dst


def mystery_material() -> Material:
    """A thermoplastic no bundled dataset knows: features give it zero columns and the model flags it OOD."""
    return Material(
        "mystery_polymer",
        "Mystery polymer",
        (),
        MaterialFamily.THERMOPLASTIC,
        "unknown",
        1000.0,
        1.0,
        20.0,
        None,
        150.0,
        140.0,
        200.0,
        300.0,
        1.8,
        100.0,
        0.5,
        10.0,
        True,
        (),
    )

"""Bundle verification runs before any deserialiser: flipped bytes, added/removed files, folders,
links, incompatible schemas and libraries are refused with a reason, the loaders are never called, and
the active model stays as it was."""

from __future__ import annotations

import io
import json
import os
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from spacetrash_desktop.domain import PROPERTY_NAMES
from spacetrash_desktop.errors import ModelError
from spacetrash_desktop.ml import registry
from spacetrash_desktop.ml.bundle import (
    MANIFEST,
    load_bundle,
    sha256_bytes,
    verify_bundle,
)

from .conftest import copy_bundle, edit_manifest

BUNDLE_FILES = (
    ["manifest.json", "metadata.json", "rf.skops"]
    + [f"xgb_{n}.ubj" for n in PROPERTY_NAMES]
    + [f"difficulty_{n}.ubj" for n in PROPERTY_NAMES]
)
POSITIONS = ("first", "third", "middle", "last")


@pytest.fixture
def no_loaders(monkeypatch):
    """Make every deserialiser fail the test if it is called."""
    import skops.io
    import xgboost

    calls = _LoaderCalls()
    targets = [(skops.io, "load"), (skops.io, "get_untrusted_types"), (xgboost.Booster, "load_model")]
    originals = [(obj, attr, getattr(obj, attr)) for obj, attr in targets]

    def forbid(name):
        def f(*a, **k):
            calls.append(name)
            raise AssertionError(f"{name} was called on an unverified bundle")

        return f

    def forbid_all():
        for obj, attr in targets:
            monkeypatch.setattr(obj, attr, forbid(f"{getattr(obj, '__name__', obj)}.{attr}"))

    calls.allow = lambda: [monkeypatch.setattr(obj, attr, fn) for obj, attr, fn in originals]
    calls.forbid = forbid_all
    forbid_all()
    return calls


class _LoaderCalls(list):
    """The loader calls seen; ``allow()`` lifts the ban (to install a GOOD bundle: an install reads
    the model files against the feature schema), ``forbid()`` sets it again."""

    allow: Callable[[], object]
    forbid: Callable[[], object]


def _flip(path: Path, where: str, mask: int = 0x01) -> None:
    data = bytearray(path.read_bytes())
    i = {"first": 0, "third": len(data) // 3, "middle": len(data) // 2, "last": len(data) - 1}[where]
    data[i] ^= mask
    path.write_bytes(bytes(data))


def test_the_bundle_lists_every_file_with_hash_and_size(small_bundle):
    assert sorted(os.listdir(small_bundle)) == sorted(BUNDLE_FILES)
    m = json.loads((small_bundle / MANIFEST).read_text())
    for name in BUNDLE_FILES[1:]:
        data = (small_bundle / name).read_bytes()
        assert m["files"][name] == {"sha256": sha256_bytes(data), "size": len(data)}
    for key in ("name", "version", "trained_on", "trained_at", "libraries", "feature_schema", "targets", "metrics"):
        assert key in m
    assert m["metrics"]["coverage"] and m["metrics"]["held_out"]
    assert verify_bundle(small_bundle) == []


@pytest.mark.parametrize("name", BUNDLE_FILES)
@pytest.mark.parametrize("where", POSITIONS)
def test_a_flipped_byte_anywhere_is_refused_before_any_loader(small_bundle, tmp_path, no_loaders, name, where):
    good = small_bundle
    # a good model is active first (its install reads its model files)
    no_loaders.allow()
    info = registry.install_bundle(good)
    no_loaders.forbid()
    ptr_before = registry.read_pointer()
    bad = copy_bundle(good, tmp_path / "bad")
    _flip(bad / name, where, 0x01 if where != "middle" else 0x80)
    problems = verify_bundle(bad)
    assert problems, "a flipped byte went unnoticed"
    with pytest.raises(ModelError) as exc:
        registry.install_bundle(bad)
    assert "refused" in exc.value.message
    assert str(tmp_path) not in exc.value.message  # no internal paths in user messages
    with pytest.raises(ModelError):
        load_bundle(bad)
    assert no_loaders == []
    after = registry.read_pointer()
    assert after["active"] == ptr_before["active"] and after["manifest_sha256"] == info.manifest_sha256


def test_manifest_whitespace_change_is_refused(small_bundle, tmp_path, no_loaders):
    bad = copy_bundle(small_bundle, tmp_path / "bad")
    text = (bad / MANIFEST).read_bytes().replace(b'\n  "files"', b'\n\t"files"', 1)
    (bad / MANIFEST).write_bytes(text)
    assert json.loads(text)  # still valid JSON with the same content ...
    assert "canonical" in verify_bundle(bad)[0]  # ... but not the sealed bytes
    assert no_loaders == []


def test_a_resealed_manifest_with_a_wrong_file_hash_is_refused(small_bundle, tmp_path, no_loaders):
    bad = copy_bundle(small_bundle, tmp_path / "bad")
    (bad / "rf.skops").write_bytes(b"PK not a forest")
    problems = verify_bundle(bad)
    assert any("rf.skops" in p for p in problems)
    assert no_loaders == []


def test_extra_missing_folder_and_link_are_refused(small_bundle, tmp_path, no_loaders):
    extra = copy_bundle(small_bundle, tmp_path / "extra")
    (extra / "notes.txt").write_text("hello")
    assert any("unexpected file 'notes.txt'" in p for p in verify_bundle(extra))
    missing = copy_bundle(small_bundle, tmp_path / "missing")
    (missing / "xgb_water_l.ubj").unlink()
    assert any("'xgb_water_l.ubj'" in p and "missing" in p for p in verify_bundle(missing))
    folder = copy_bundle(small_bundle, tmp_path / "folder")
    (folder / "sub").mkdir()
    assert any("unexpected folder" in p for p in verify_bundle(folder))
    link = copy_bundle(small_bundle, tmp_path / "link")
    os.symlink(link / "rf.skops", link / "rf2.skops")
    assert any("link" in p for p in verify_bundle(link))
    nomani = copy_bundle(small_bundle, tmp_path / "nomani")
    (nomani / MANIFEST).unlink()
    assert "no manifest" in verify_bundle(nomani)[0]
    for b in (extra, missing, folder, link, nomani):
        with pytest.raises(ModelError):
            registry.install_bundle(b)
    assert no_loaders == []
    assert registry.read_pointer() is None  # nothing was ever activated


def test_incompatible_feature_schema_is_refused_with_a_clear_message(small_bundle, tmp_path, no_loaders):
    v2 = copy_bundle(small_bundle, tmp_path / "v2")
    edit_manifest(v2, lambda m: m["feature_schema"].__setitem__("version", 99))
    problems = verify_bundle(v2)
    assert problems and problems[0].startswith(
        "incompatible feature schema: the model was built for feature schema version 99"
    )
    cols = copy_bundle(small_bundle, tmp_path / "cols")
    edit_manifest(cols, lambda m: m["feature_schema"]["columns"].append("spectral:band_7"))
    with pytest.raises(ModelError) as exc:
        registry.install_bundle(cols)
    assert "features this app does not compute (spectral:band_7)" in exc.value.message
    assert no_loaders == []


def test_incompatible_library_versions_are_refused(small_bundle, tmp_path, no_loaders):
    old = copy_bundle(small_bundle, tmp_path / "old")
    edit_manifest(old, lambda m: m["libraries"].__setitem__("scikit-learn", "1.5.2"))
    assert "scikit-learn 1.5.2" in verify_bundle(old)[0]
    new = copy_bundle(small_bundle, tmp_path / "new")
    edit_manifest(new, lambda m: m["libraries"].__setitem__("xgboost", "99.0.0"))
    assert "XGBoost 99.0.0" in verify_bundle(new)[0]
    assert no_loaders == []


def test_wrong_targets_and_kind_are_refused(small_bundle, tmp_path):
    t = copy_bundle(small_bundle, tmp_path / "t")
    edit_manifest(t, lambda m: m.__setitem__("targets", ["rigidity"]))
    assert any("predicts" in p for p in verify_bundle(t))
    k = copy_bundle(small_bundle, tmp_path / "k")
    edit_manifest(k, lambda m: m.__setitem__("kind", "something-else"))
    assert "not a Space Trash model bundle" in verify_bundle(k)[0]


def test_a_forest_file_with_unexpected_types_is_refused_before_skops_loads_it(small_bundle, tmp_path, monkeypatch):
    """Defence in depth: even with valid hashes, the forest file may only hold the allowed types."""
    import skops.io
    from sklearn.linear_model import LinearRegression

    bad = copy_bundle(small_bundle, tmp_path / "bad")
    buf = io.BytesIO()
    skops.io.dump(LinearRegression(), buf)
    (bad / "rf.skops").write_bytes(buf.getvalue())
    data = buf.getvalue()
    edit_manifest(bad, lambda m: m["files"].__setitem__("rf.skops", {"sha256": sha256_bytes(data), "size": len(data)}))
    assert verify_bundle(bad) == []  # the bytes are what the manifest says ...
    called = []
    monkeypatch.setattr(skops.io, "load", lambda *a, **k: called.append(1))
    with pytest.raises(ModelError) as exc:
        load_bundle(bad)
    assert "not allowed" in exc.value.message and "LinearRegression" in exc.value.message
    assert called == []


def test_zip_bundles_install_and_a_damaged_zip_is_refused(small_bundle, tmp_path, no_loaders):
    z = tmp_path / "model.zip"
    with zipfile.ZipFile(z, "w") as zf:
        for name in sorted(os.listdir(small_bundle)):
            zf.write(small_bundle / name, f"small/{name}")
    assert verify_bundle(z) == []
    bad = tmp_path / "bad.zip"
    data = bytearray(z.read_bytes())
    data[len(data) // 2] ^= 0xFF
    bad.write_bytes(bytes(data))
    assert verify_bundle(bad)
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(evil, "w") as zf:
        zf.writestr("../escape.txt", "x")
        for name in sorted(os.listdir(small_bundle)):
            zf.write(small_bundle / name, name)
    assert any("unexpected entry" in p for p in verify_bundle(evil))
    assert no_loaders == []
    no_loaders.allow()  # an install reads the verified model files against the feature schema
    registry.install_bundle(z)
    assert registry.read_pointer() is not None


def test_not_a_bundle(tmp_path):
    assert verify_bundle(tmp_path / "nothing") == ["the model bundle does not exist"]
    f = tmp_path / "x.txt"
    f.write_text("hi")
    assert "neither" in verify_bundle(f)[0]
    (tmp_path / "empty").mkdir()
    assert "no manifest" in verify_bundle(tmp_path / "empty")[0]


def test_verified_bundle_loads_into_an_ensemble(small_bundle):
    _contents, ens = load_bundle(small_bundle)
    assert len(ens.xgb) == 5 and len(ens.difficulty) == 5
    assert ens.rf.n_features_in_ == ens.schema.n
    assert set(ens.q_by_process) >= {"shredding", "heat_melt_compaction"}


def _swap_and_reseal(bundle: Path, a: str, b: str) -> None:
    """Swap two model files and re-hash the manifest: every hash check passes."""
    da, db = (bundle / a).read_bytes(), (bundle / b).read_bytes()
    (bundle / a).write_bytes(db)
    (bundle / b).write_bytes(da)

    def edit(m):
        m["files"][a] = {"sha256": sha256_bytes(db), "size": len(db)}
        m["files"][b] = {"sha256": sha256_bytes(da), "size": len(da)}

    edit_manifest(bundle, edit)


def test_swapped_and_resealed_boosters_are_refused_at_install(small_bundle, tmp_path):
    """A bundle whose property and difficulty boosters were swapped and re-hashed passes every hash
    check; install reads the boosters against the feature schema and refuses it (before, it showed
    "ready" and scoring fell back to physics). The active model stays."""
    registry.install_bundle(small_bundle)
    before = registry.read_pointer()
    bad = copy_bundle(small_bundle, tmp_path / "swapped")
    _swap_and_reseal(bad, "xgb_rigidity.ubj", "difficulty_rigidity.ubj")
    assert verify_bundle(bad) == []  # the hashes match the (re-sealed) manifest ...
    with pytest.raises(ModelError) as refused:
        registry.install_bundle(bad)  # ... but the files do not match the feature schema
    msg = refused.value.message
    assert msg.startswith("The model bundle was refused: the booster xgb_rigidity.ubj does not match the feature")
    assert "difficulty_rigidity.ubj" in refused.value.details
    assert registry.read_pointer() == before
    with pytest.raises(ModelError, match="does not match the feature schema"):
        registry.install_candidate(bad)
    assert registry.registry_status().status == "ready"


def test_a_forest_of_the_wrong_width_is_refused_at_install(small_bundle, tmp_path):
    bad = copy_bundle(small_bundle, tmp_path / "narrow")
    _swap_and_reseal(bad, "xgb_rigidity.ubj", "xgb_tightness.ubj")  # same width: only the metrics could tell
    registry.install_bundle(bad)  # documented limit: a same-width swap is not detectable from the files
    forest = copy_bundle(small_bundle, tmp_path / "forest")
    import skops.io
    from sklearn.ensemble import RandomForestRegressor

    rf = RandomForestRegressor(n_estimators=2, max_depth=2, random_state=0)
    import numpy as np

    rf.fit(np.zeros((10, 3)), np.zeros((10, len(PROPERTY_NAMES))))
    buf = io.BytesIO()
    skops.io.dump(rf, buf)
    data = buf.getvalue()
    (forest / "rf.skops").write_bytes(data)
    edit_manifest(
        forest, lambda m: m["files"].__setitem__("rf.skops", {"sha256": sha256_bytes(data), "size": len(data)})
    )
    with pytest.raises(ModelError, match="forest in the model bundle does not match its feature schema"):
        registry.install_bundle(forest)

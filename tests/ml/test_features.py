"""The one feature function: shape and dtype, alignment by name, unknown categories, missing columns,
NaN/inf handling."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from spacetrash_desktop.domain import WasteItem
from spacetrash_desktop.engine.physics import score_physics
from spacetrash_desktop.engine.recipes import RecipeBatch
from spacetrash_desktop.engine.tables import MAX_SLOTS, compile_tables
from spacetrash_desktop.ml.features import (
    FEATURE_VERSION,
    FIXED_COLUMNS,
    FeatureSchema,
    build_features,
    feature_label,
    schema_for,
    schema_problems,
)
from spacetrash_desktop.ml.virtual_lab import sample_batch
from tests.ml.conftest import mystery_material


def _batch(tables, n=64, seed=0):
    return sample_batch(tables, np.random.default_rng(seed), n)


@pytest.fixture(scope="module")
def tables(catalog):
    return compile_tables(catalog, list(catalog.default_inventory))


def test_matrix_is_float32_c_contiguous_in_schema_order(catalog, tables):
    schema = schema_for(tables.material_ids, tables.process_ids)
    b = _batch(tables)
    ph = score_physics(tables, b, 2.0)
    fb = build_features(tables, b, ph, 2.0, schema)
    assert fb.X.dtype == np.float32 and fb.X.flags["C_CONTIGUOUS"]
    assert fb.X.shape == (len(b), schema.n)
    assert np.isfinite(fb.X).all() and not fb.unknown.any() and not fb.nonfinite.any()
    idx = schema.index()
    # one-hot process, material fractions sum to the solids per kg of feed
    onehot = fb.X[:, [idx[f"proc:{p}"] for p in tables.process_ids]]
    assert (onehot.sum(axis=1) == 1).all()
    assert (np.argmax(onehot, axis=1) == b.proc).all()
    mats = fb.X[:, [idx[f"mat:{m}"] for m in tables.material_ids]]
    np.testing.assert_allclose(mats.sum(axis=1) + fb.X[:, idx["moisture"]], 1.0, atol=1e-5)
    np.testing.assert_allclose(fb.X[:, idx["phys:rigidity"]], ph.rigidity, atol=1e-6)


def test_alignment_is_by_name_not_position(catalog, tables):
    schema = schema_for(tables.material_ids, tables.process_ids)
    shuffled = FeatureSchema(FEATURE_VERSION, tuple(reversed(schema.columns)))
    b = _batch(tables)
    ph = score_physics(tables, b, 1.0)
    a = build_features(tables, b, ph, 1.0, schema).X
    r = build_features(tables, b, ph, 1.0, shuffled).X
    np.testing.assert_array_equal(a, r[:, ::-1])


def test_unknown_material_and_process_are_zero_columns_and_flag_ood(catalog):
    mystery = mystery_material()
    new_proc = dataclasses.replace(catalog.processes["hot_press_lamination"], process_id="new_press", name="New press")
    cat2 = dataclasses.replace(
        catalog,
        materials={**catalog.materials, "mystery_polymer": mystery},
        processes={**catalog.processes, "new_press": new_proc},
    )
    items = [
        WasteItem("M1", "mystery film", "x", (("mystery_polymer", 0.6), ("ldpe", 0.4)), 10.0),
        WasteItem("M2", "pe film", "x", (("ldpe", 1.0),), 10.0),
    ]
    t2 = compile_tables(cat2, items)
    schema = schema_for(tuple(catalog.materials), tuple(catalog.processes))  # the bundle's (older) catalog
    pad = t2.n_items
    idx = np.full((3, MAX_SLOTS), pad, np.int32)
    idx[0, 0], idx[1, 0], idx[2, 0] = 0, 1, 1
    frac = np.zeros((3, MAX_SLOTS))
    frac[:, 0] = 1.0
    proc = np.array(
        [
            t2.process_index("hot_press_lamination"),
            t2.process_index("hot_press_lamination"),
            t2.process_index("new_press"),
        ],
        np.int32,
    )
    b = RecipeBatch(idx, frac, np.zeros(3), proc)
    ph = score_physics(t2, b, 1.0)
    fb = build_features(t2, b, ph, 1.0, schema)
    assert fb.unknown.tolist() == [True, False, True]
    assert "mat:mystery_polymer" not in schema.columns
    sidx = schema.index()
    assert fb.X[2, [sidx[c] for c in schema.columns if c.startswith("proc:")]].sum() == 0  # unseen process
    assert fb.X[2, sidx["proc_heated"]] == 1.0  # but its description is still there


def test_missing_and_uncomputable_columns(catalog, tables):
    schema = schema_for(tables.material_ids, tables.process_ids)
    cols = schema.columns + ("mat:retired_material", "proc:retired_process", "future:thing")
    wide = FeatureSchema(FEATURE_VERSION, cols)
    b = _batch(tables, 16)
    ph = score_physics(tables, b, 1.0)
    fb = build_features(tables, b, ph, 1.0, wide)
    i = wide.index()
    assert (fb.X[:, i["mat:retired_material"]] == 0).all()
    assert (fb.X[:, i["proc:retired_process"]] == 0).all()
    assert np.isnan(fb.X[:, i["future:thing"]]).all()
    assert not fb.nonfinite.any()  # a column this version cannot compute is not bad input


def test_nan_and_inf_inputs_never_crash(catalog, tables):
    schema = schema_for(tables.material_ids, tables.process_ids)
    b = _batch(tables, 8)
    ph = score_physics(tables, b, 1.0)
    ph.energy_kwh = ph.energy_kwh.copy()
    ph.porosity = ph.porosity.copy()
    ph.energy_kwh[0] = np.inf
    ph.porosity[1] = np.nan
    fb = build_features(tables, b, ph, 1.0, schema)
    assert fb.nonfinite[:2].all() and not fb.nonfinite[2:].any()
    assert not np.isinf(fb.X).any()


def test_empty_batch(catalog, tables):
    schema = schema_for(tables.material_ids, tables.process_ids)
    b = _batch(tables, 4).take(slice(0, 0))
    fb = build_features(tables, b, score_physics(tables, b, 1.0), 1.0, schema)
    assert fb.X.shape == (0, schema.n)


def test_schema_problems():
    ok = schema_for(("ldpe", "mgs1_regolith"), ("shredding",)).to_dict()
    assert schema_problems(ok) == []
    assert "version" in schema_problems({**ok, "version": FEATURE_VERSION + 1})[0]
    assert "does not compute" in schema_problems({**ok, "columns": ok["columns"] + ["future:x"]})[0]
    assert (
        "lacks required" in schema_problems({**ok, "columns": [c for c in ok["columns"] if c != FIXED_COLUMNS[0]]})[0]
    )
    assert schema_problems(None)


def test_labels_are_plain(catalog):
    names = {m.material_id: m.name for m in catalog.materials.values()}
    assert feature_label("mat:ldpe", names).startswith("Share of Low-density polyethylene")
    assert feature_label("proc:shredding", None, {"shredding": "Shredding"}) == "Process: Shredding"
    assert feature_label("phys:porosity") == "Porosity (physics estimate)"

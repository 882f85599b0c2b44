"""explain_recipe and global_importances: physics drivers add up to the physics estimate, ML
contributions add up to the model's change, labels are plain, and physics-only scorers work."""

from __future__ import annotations

import pytest

from spacetrash_desktop.domain import PROPERTY_NAMES, ModelInfo, Recipe
from spacetrash_desktop.engine.scorer import PhysicsScorer
from spacetrash_desktop.errors import BadInputError
from spacetrash_desktop.ml.scorer import MLScorer
from spacetrash_desktop.services.explain import explain_recipe, global_importances


@pytest.fixture(scope="module")
def taught_scorer(catalog):
    """A model corrected by feedback from the shifted reality (so XGBoost contributions are not 0)."""
    from spacetrash_desktop.ml.train import fit
    from spacetrash_desktop.ml.virtual_lab import LabRows, ShiftedReality, make_lab_rows

    from .conftest import small_config

    cfg = small_config(n_rows=4000, rf_trees=6, xgb_rounds=40, diff_rounds=20)
    rows = LabRows.concat(
        [make_lab_rows(catalog, cfg.n_rows, 0), make_lab_rows(catalog, 200, 1, reality=ShiftedReality(catalog))]
    )
    f = fit(rows, cfg, 0)
    return MLScorer(f.ensemble, ModelInfo(name="taught", version="1", status="ready", reason="test"))


def _recipes(catalog):
    items = list(catalog.default_inventory)
    pe = next(i for i in items if i.fraction_of("ldpe") > 0.9).item_id
    pouch = next(i for i in items if i.fraction_of("nylon") > 0.3).item_id
    return items, [
        Recipe(((pe, 0.6), (pouch, 0.4)), 0.0, "hot_press_lamination", 1.0),
        Recipe(((pe, 1.0),), 0.5, "regolith_polymer_sinter", 3.0),
        Recipe(((pouch, 1.0),), 0.0, "heat_melt_compaction", 2.0),
    ]


def test_physics_drivers_add_up_to_the_physics_estimate(catalog):
    items, recipes = _recipes(catalog)
    for r in recipes:
        e = explain_recipe(r, items, scorer=PhysicsScorer(), catalog=catalog)
        assert e["kind"] == "physics" and e["model"]["status"] == "physics fallback"
        for name in PROPERTY_NAMES:
            p = e["properties"][name]
            total = sum(d["value"] for d in p["physics_drivers"])
            assert total == pytest.approx(p["physics"], abs=1e-5), (r.process_id, name)
            assert p["contributions_source"] == "physics" and p["ml"] is None
            assert all(isinstance(d["label"], str) and d["label"] for d in p["contributions"])


def test_ml_contributions_add_up_to_the_change_from_physics(catalog, taught_scorer):
    items, recipes = _recipes(catalog)
    moved = 0
    for r in recipes:
        e = explain_recipe(r, items, scorer=taught_scorer, top=4, catalog=catalog)
        assert e["kind"] == "ml"
        for name in PROPERTY_NAMES:
            p = e["properties"][name]
            ml = p["ml"]
            parts = (
                sum(d["value"] for d in ml["contributions"])
                + ml["other_features"]
                + ml["average_correction"]
                + ml["random_forest"]
            )
            assert parts == pytest.approx(p["value"] - p["physics"], abs=1e-5), (r.process_id, name)
            assert len(ml["contributions"]) <= 4
            for d in ml["contributions"]:
                assert d["label"] and not d["label"].startswith(("mat:", "proc:", "phys:"))
            if abs(ml["total"]) > 1e-3:
                moved += 1
                assert p["contributions_source"] == "ml"
            assert p["low"] <= p["value"] <= p["high"]
    assert moved >= 3  # heated recipes: the taught energy correction shows up


def test_global_importances(taught_scorer, catalog):
    g = global_importances(taught_scorer, top=5, catalog=catalog)
    assert g["kind"] == "ml"
    gated = set(g["gated"])
    # the taught model learnt from its feedback rows: those properties say so instead of listing
    # the importances of a stage-1 member that is not used
    assert g["learnt_from_feedback"]
    for name in PROPERTY_NAMES:
        lines = g["properties"][name]
        if name in gated:  # an unused member has nothing to show, and the note says why
            assert lines == [] and name in g["note"]
            continue
        assert 0 < len(lines) <= 5
        assert all(0 <= d["share"] <= 1 and d["label"] for d in lines)
    p = global_importances(PhysicsScorer(), catalog=catalog)
    assert p["kind"] == "physics" and p["properties"] == {}


def test_unknown_item_is_a_plain_error(catalog):
    items, _ = _recipes(catalog)
    bad = Recipe((("NOPE", 1.0),), 0.0, "shredding", 1.0)
    with pytest.raises(BadInputError) as exc:
        explain_recipe(bad, items, scorer=PhysicsScorer(), catalog=catalog)
    assert "NOPE" in exc.value.message


def test_default_scorer_is_the_active_model(catalog):
    items, recipes = _recipes(catalog)
    e = explain_recipe(recipes[0], items, catalog=catalog)  # installs the shipped bundle on first use
    assert e["model"]["status"] == "ready" and e["kind"] == "ml"

"""Suggested trials (ml.suggest through services.suggest.plan_trials): stock and budget respected,
no near-duplicates in a batch, a family's trial interval narrows once its feedback is in, and a
report informs only its own family of the model's offsets."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from spacetrash_desktop.engine.physics import score_physics
from spacetrash_desktop.engine.recipes import from_recipes
from spacetrash_desktop.engine.tables import REGOLITH_ID, compile_tables
from spacetrash_desktop.ml.suggest import (
    NEAR_DUPLICATE,
    family_key,
    family_similarity,
    information,
    material_axis,
    similarity,
    trial_half_widths,
)
from spacetrash_desktop.services.suggest import feedback_information, options_from_result, plan_trials


@pytest.fixture
def searched(shielding_search):
    return shielding_search


def _row(cand, **measured):
    return {"recipe_json": cand.to_dict(), "rigidity_method": "measured", "tightness_method": "measured", **measured}


def test_a_batch_has_one_trial_per_family_and_says_what_it_teaches_and_costs(searched):
    items, result = searched
    plan = plan_trials(result, items, n=5, feedback_rows=[])
    assert len(plan.suggestions) == 5
    families = [family_key(s.candidate.recipe) for s in plan.suggestions]
    assert len(set(families)) == len(families)
    # nor two recipes of one process with nearly the same composition
    by_id = {o.recipe.recipe_id: o for o in options_from_result(result, items)}
    picked = [by_id[s.candidate.recipe_id] for s in plan.suggestions]
    comp = np.stack([o.composition for o in picked])
    sim = similarity(comp, [o.recipe.process_id for o in picked], comp, [o.recipe.process_id for o in picked])
    assert (sim[~np.eye(len(picked), dtype=bool)] < NEAR_DUPLICATE).all()
    for s in plan.suggestions:
        assert s.candidate.feasible
        assert "narrows" in s.teaches and "±" in s.teaches
        assert s.stock_kg and all(kg > 0 for _, _, kg in s.stock_kg)
        assert "kWh" in s.cost_text and "crew time" in s.cost_text


def test_suggestions_respect_the_trial_budget(searched):
    items, result = searched
    free = plan_trials(result, items, n=5, feedback_rows=[])
    one = free.suggestions[0]
    kwh, mins = 2.5 * one.energy_kwh, 2.5 * one.crew_min
    plan = plan_trials(result, items, n=5, budget_kwh=kwh, budget_crew_min=mins, feedback_rows=[])
    assert 1 <= len(plan.suggestions) < 5
    assert sum(s.energy_kwh for s in plan.suggestions) <= kwh + 1e-9
    assert sum(s.crew_min for s in plan.suggestions) <= mins + 1e-9


def test_suggestions_respect_the_stock(searched):
    items, result = searched
    first = plan_trials(result, items, n=5, feedback_rows=[]).suggestions[0]
    scarce_id, _, kg = max(first.stock_kg, key=lambda t: t[2])
    # leave less of its main item than one batch of it needs
    short = [replace(it, mass_kg=0.5 * kg) if it.item_id == scarce_id else it for it in items]
    plan = plan_trials(result, short, n=5, feedback_rows=[])
    stock = {it.item_id: it.mass_kg for it in short}
    used: dict[str, float] = {}
    for s in plan.suggestions:
        for iid, _, k in s.stock_kg:
            used[iid] = used.get(iid, 0.0) + k
    assert all(used[i] <= stock[i] + 1e-9 for i in used)
    assert first.candidate.recipe_id not in {s.candidate.recipe_id for s in plan.suggestions}


def test_a_family_gains_information_once_its_feedback_is_in(searched):
    items, result = searched
    plan = plan_trials(result, items, n=3, feedback_rows=[])
    s = plan.suggestions[0]
    options = options_from_result(result, items)
    i = next(j for j, o in enumerate(options) if o.recipe.recipe_id == s.candidate.recipe_id)
    comp = np.stack([o.composition for o in options])
    procs = [o.recipe.process_id for o in options]
    fb = feedback_information([_row(s.candidate, rigidity=0.5, tightness=0.8, energy_kwh=1.0)], items)
    before = trial_half_widths(options, result.target, np.zeros((len(options), 5)))
    after = trial_half_widths(options, result.target, information(comp, procs, *fb))
    # its own interval narrows for each measured property, not for what the report left out
    assert (after[i, :3] < before[i, :3]).all()
    assert np.allclose(after[i, 3:], before[i, 3:])
    # recipes of another process learn nothing from it
    other = [j for j, p in enumerate(procs) if p != procs[i]]
    assert other and np.allclose(after[other], before[other])
    # and the best trial of the next plan is worth less than it was (what it would teach is known now)
    again = plan_trials(result, items, n=3, feedback_rows=[_row(s.candidate, rigidity=0.5, tightness=0.8)])
    assert again.suggestions[0].score < s.score


def test_judged_values_count_less_than_measured_ones(searched):
    items, result = searched
    cand = next(c for c in result.candidates if c.feasible)
    m = feedback_information([_row(cand, rigidity=0.5)], items)[2]
    j = feedback_information([{**_row(cand, rigidity=0.5), "rigidity_method": "judged"}], items)[2]
    assert m[0, 0] == 1.0 and j[0, 0] == 0.5 and m[0, 1] == 0.0


def test_a_report_informs_its_own_offset_family_not_another_main_material():
    """The model's offsets are per process + main material: a report on a cotton-main mix does not
    inform an LDPE-main mix of the same items, however close their compositions (it does inform
    the recipes of its own family, and nothing of another process)."""
    # axis: cotton, ldpe, regolith
    report = np.array([[0.55, 0.45, 0.0]])
    options = np.array([[0.60, 0.40, 0.0], [0.45, 0.55, 0.0], [0.55, 0.45, 0.0]])
    procs = ["hot_press_lamination", "hot_press_lamination", "cold_press_binder"]
    assert similarity(options[[1]], procs[:1], report, procs[:1])[0, 0] >= NEAR_DUPLICATE  # close in composition
    fam = family_similarity(options, procs, report, ["hot_press_lamination"])
    assert fam[0, 0] > 0.9 and fam[1, 0] == 0.0 and fam[2, 0] == 0.0
    n = information(options, procs, report, ["hot_press_lamination"], np.ones((1, 5)))
    assert (n[0] > 0.8).all() and (n[1] == 0).all() and (n[2] == 0).all()


def test_compositions_are_dry_like_the_model_features(catalog, searched):
    """The main material of a suggestion's composition is the one the model's family offsets use
    (its largest dry share, regolith included), also for wet items."""
    items, result = searched
    options = options_from_result(result, items)
    tables = compile_tables(catalog, items)
    batch = from_recipes(tables, [o.recipe for o in options])
    phys = score_physics(tables, batch, float(result.target.batch_mass_kg))
    axis = material_axis(items)
    mains = [axis[j] for j in np.argmax(np.stack([o.composition for o in options]), axis=1)]
    mains = [REGOLITH_ID if m == "regolith" else m for m in mains]
    want = np.asarray(tables.material_ids, object)[np.argmax(phys.material_frac, axis=1)]
    assert mains == list(want)
    wet = [it for it in items if it.moisture_pct > 0]
    assert wet  # the inventory has wet items, so the dry basis matters

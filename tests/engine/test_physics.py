"""Physics model and vetting: invariants over random batches (hypothesis) and physical anchors."""

from __future__ import annotations

import dataclasses
import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spacetrash_desktop.domain import Recipe
from spacetrash_desktop.engine.physics import score_physics
from spacetrash_desktop.engine.recipes import RecipeBatch, from_recipes
from spacetrash_desktop.engine.scorer import PhysicsScorer
from spacetrash_desktop.engine.tables import compile_tables
from spacetrash_desktop.engine.vetting import INFEASIBLE_MASK, REFUSED_MASK, Flag, vet


@pytest.fixture(scope="module")
def tables():
    from spacetrash_desktop.catalog import load_catalog

    cat = load_catalog()
    return compile_tables(cat, list(cat.default_inventory))


def every_target(catalog):
    """The presets and scenarios plus every scenario's products (each a target of its own)."""
    return [*catalog.targets.values(), *(p for t in catalog.targets.values() for p in t.products)]


def random_batch(t, seed: int, n: int = 400, *, no_regolith_share: float = 0.0) -> RecipeBatch:
    """``n`` random recipes of 1-4 items on every process; ``no_regolith_share`` of them without regolith
    (drawn after the rest, so the default draws exactly what it always drew)."""
    rng = np.random.default_rng(seed)
    pad = t.n_items
    idx = np.full((n, 4), pad, np.int32)
    frac = np.zeros((n, 4))
    for i in range(n):
        k = rng.integers(1, 5)
        idx[i, :k] = rng.choice(t.n_items, k, replace=False)
        frac[i, :k] = rng.dirichlet(np.ones(k))
    reg = np.round(rng.random(n) * 0.95, 2)
    if no_regolith_share:
        reg = reg * (rng.random(n) >= no_regolith_share)
    proc = rng.integers(0, t.n_processes, n).astype(np.int32)
    return RecipeBatch(idx, frac, reg, proc).canonical(pad)


seeds = st.integers(min_value=0, max_value=2**31 - 1)
masses = st.floats(min_value=0.05, max_value=100.0, allow_nan=False)


@settings(max_examples=40, deadline=None)
@given(seed=seeds, mass=masses)
def test_fractions_sum_to_one_and_mass_balance_closes(tables, seed, mass):
    b = random_batch(tables, seed)
    np.testing.assert_allclose(b.frac.sum(axis=1), 1.0, rtol=0, atol=1e-12)
    ph = score_physics(tables, b, mass)
    inputs = ph.item_kg.sum(axis=1) + ph.regolith_kg
    outputs = ph.product_kg + ph.loss_vapour_kg + ph.loss_volatiles_kg + ph.loss_fines_kg + ph.loss_trim_kg
    np.testing.assert_allclose(inputs, outputs, rtol=1e-9, atol=0)
    np.testing.assert_allclose(ph.product_kg, mass, rtol=1e-12)
    for arr in (ph.loss_vapour_kg, ph.loss_volatiles_kg, ph.loss_fines_kg, ph.loss_trim_kg, ph.item_kg):
        assert (arr >= 0).all()
    assert ((ph.rigidity >= 0) & (ph.rigidity <= 1) & (ph.tightness >= 0) & (ph.tightness <= 1)).all()
    assert (ph.energy_kwh >= 0).all() and (ph.water_l >= 0).all() and (ph.crew_min > 0).all()
    assert np.isfinite(ph.objectives()).all()


@settings(max_examples=30, deadline=None)
@given(seed=seeds, m1=masses, m2=masses)
def test_more_batch_mass_never_lowers_energy(tables, seed, m1, m2):
    lo, hi = sorted((m1, m2))
    b = random_batch(tables, seed, 200)
    e_lo = score_physics(tables, b, lo).energy_kwh
    e_hi = score_physics(tables, b, hi).energy_kwh
    assert (e_hi >= e_lo - 1e-12).all()


@settings(max_examples=30, deadline=None)
@given(seed=seeds, data=st.data())
def test_stricter_target_never_adds_feasible_recipes(tables, catalog, seed, data):
    target = data.draw(st.sampled_from(every_target(catalog)))
    stricter = dataclasses.replace(
        target,
        rigidity_min=min(1.0, target.rigidity_min + data.draw(st.floats(0, 0.5))),
        tightness_min=min(1.0, target.tightness_min + data.draw(st.floats(0, 0.5))),
        max_energy_kwh=target.max_energy_kwh * data.draw(st.floats(0.1, 1.0)),
        max_water_l=target.max_water_l * data.draw(st.floats(0.0, 1.0)),
        max_crew_min=target.max_crew_min * data.draw(st.floats(0.1, 1.0)),
        regolith_allowed=target.regolith_allowed and data.draw(st.booleans()),
    )
    b = random_batch(tables, seed, 300)
    s = PhysicsScorer().score(tables, b, target.batch_mass_kg)
    loose = vet(tables, b, s.phys, target, s.props).feasible
    strict = vet(tables, b, s.phys, stricter, s.props).feasible
    assert not (strict & ~loose).any()


@settings(max_examples=30, deadline=None)
@given(seed=seeds, data=st.data())
def test_feasible_means_every_cap_stock_and_safety_rule_holds(tables, catalog, seed, data):
    target = data.draw(st.sampled_from(every_target(catalog)))
    b = random_batch(tables, seed, 400)
    s = PhysicsScorer().score(tables, b, target.batch_mass_kg)
    v = vet(tables, b, s.phys, target, s.props)
    f = v.feasible
    p = s.props[f]
    assert (p[:, 0] >= target.rigidity_min - 1e-9).all() and (p[:, 1] >= target.tightness_min - 1e-9).all()
    assert (p[:, 2] <= target.max_energy_kwh + 1e-9).all()
    assert (p[:, 3] <= target.max_water_l + 1e-9).all()
    assert (p[:, 4] <= target.max_crew_min + 1e-9).all()
    used = s.phys.item_kg[f]
    stock = tables.stock[b.idx[f]]
    assert (used <= stock + 1e-9).all()
    # PVDF (and PTFE) never in a heated process, whatever the target
    for name in ("pvdf", "ptfe"):
        m = tables.material_ids.index(name)
        heated_with = (s.phys.material_frac[:, m] > 0) & tables.heated[b.proc]
        assert ((v.flags[heated_with] & int(Flag.HEATED_HAZARD)) != 0).all()
        assert not (heated_with & f).any()


def _one(t, items, reg, proc, mass=1.0):
    b = from_recipes(t, [Recipe(items=tuple(items), regolith_frac=reg, process_id=proc, batch_mass_kg=mass)])
    return b, score_physics(t, b, mass)


def test_heating_energy_matches_a_hand_calculation(tables, catalog):
    """1 kg of dry LDPE foam through heat-melt compaction: cp*dT + latent over the heater efficiency,
    plus the machine's per-kg and per-batch energy, the per-batch pre-heat guess replaced by the
    tooling warm-up (tooling mass x cp x dT over the heater efficiency, datasets/process_steps.csv)."""
    _b, ph = _one(tables, [("W018", 1.0)], 0.0, "heat_melt_compaction")
    pe, hmc = catalog.materials["ldpe"], catalog.processes["heat_melt_compaction"]
    steps = catalog.process_steps["heat_melt_compaction"]
    feed = ph.feed_kg[0]
    heat = (pe.cp_kj_kg_k * (hmc.temperature_c - 20.0) + pe.latent_heat_kj_kg) * feed / 3600 / hmc.heater_efficiency
    warmup = (
        steps.tooling_mass_kg * steps.tooling_cp_kj_kg_k * (hmc.temperature_c - 20.0) / 3600 / hmc.heater_efficiency
    )
    per_batch = hmc.machine_kwh_per_batch - steps.replaces_kwh_per_batch + warmup
    expected = heat + hmc.machine_kwh_per_kg * feed + per_batch
    assert ph.energy_kwh[0] == pytest.approx(expected, rel=1e-9)
    assert 0.05 < heat < 0.5  # order of 0.1 kWh per kg before losses, not 100


def test_wet_wipes_cost_drying_energy_and_return_their_water(tables):
    _, dry = _one(tables, [("W005", 1.0)], 0.0, "heat_melt_compaction")  # towels, 5% water
    _, wet = _one(tables, [("W006", 1.0)], 0.0, "heat_melt_compaction")  # wipes, 69% water
    assert wet.energy_kwh[0] > dry.energy_kwh[0] + 0.5
    assert wet.water_recovered_l[0] > 1.0


def test_regolith_stiffens_then_embrittles(tables):
    """PE-bound regolith: rigidity rises with regolith while the melt still fills the voids, then
    falls when there is too little binder (the process itself stops at 70%, below the peak)."""
    regs = np.round(np.arange(0.3, 0.96, 0.05), 2)
    r = [_one(tables, [("W018", 1.0)], float(x), "regolith_polymer_sinter")[1].rigidity[0] for x in regs]
    peak = int(np.argmax(r))
    assert 0 < peak < len(r) - 1, r
    assert r[-1] < r[peak] - 0.05


def test_sealing_needs_a_continuous_melt_phase(tables):
    """Hot-press lamination: tightness grows with the share of meltable PE against non-melting cotton."""
    shares = [0.1, 0.2, 0.3, 0.5, 0.8]
    t = [_one(tables, [("W018", s), ("W005", 1 - s)], 0.0, "hot_press_lamination")[1].tightness[0] for s in shares]
    assert all(a <= b + 1e-12 for a, b in itertools.pairwise(t))
    assert t[0] < 0.1 and t[-1] > 0.6


def test_incompatible_polymers_bond_worse_than_compatible_ones(catalog):
    """At 230 deg C LDPE, HDPE and EVOH all melt. LDPE+HDPE (both polyolefins) blend; LDPE+EVOH do not
    mix, so their interface leaks: the blend is less tight than either pure polymer."""
    from spacetrash_desktop.domain import WasteItem

    items = [WasteItem(f"T{m}", m, "test", ((m, 1.0),), 100.0) for m in ("ldpe", "hdpe", "evoh")]
    t = compile_tables(catalog, items)

    def tight(mix):
        return _one(t, mix, 0.0, "melt_extrusion")[1].tightness[0]

    pure = {m: tight([(f"T{m}", 1.0)]) for m in ("ldpe", "hdpe", "evoh")}
    assert tight([("Tldpe", 0.5), ("Thdpe", 0.5)]) >= min(pure["ldpe"], pure["hdpe"]) - 1e-12
    assert tight([("Tldpe", 0.5), ("Tevoh", 0.5)]) < min(pure["ldpe"], pure["evoh"]) - 0.05


def test_vetting_refuses_with_plain_reasons(tables, catalog):
    from spacetrash_desktop.engine.vetting import explain

    target = catalog.targets["interior_panel"]
    b, ph = _one(tables, [("W001", 1.0)], 0.0, "heat_melt_compaction")  # PVDF foam heated
    v = vet(tables, b, ph, target)
    assert v.refused[0]
    reasons = explain(tables, b, 0, int(v.flags[0]), ph, target, ph.objectives()[0])
    text = " ".join(r["message"] for r in reasons)
    assert "hydrogen fluoride" in text and "PFAS" in text
    b, ph = _one(tables, [("W010", 1.0)], 0.0, "shredding")  # aluminium struts into the shredder
    v = vet(tables, b, ph, target)
    assert v.refused[0] and int(v.flags[0]) & int(Flag.REFUSED_MATERIAL)
    b, ph = _one(tables, [("W010", 1.0)], 0.0, "strut_reassembly", mass=5000.0)  # more than in stock
    v = vet(tables, b, ph, target)
    assert int(v.flags[0]) & int(Flag.STOCK) and not v.feasible[0]
    assert (int(v.flags[0]) & REFUSED_MASK) == 0 and (int(v.flags[0]) & INFEASIBLE_MASK) != 0


def test_a_nan_prediction_is_never_feasible(tables, catalog):
    target = catalog.targets["interior_panel"]
    b = random_batch(tables, 3, 50)
    s = PhysicsScorer().score(tables, b, target.batch_mass_kg)
    props = s.props.copy()
    props[:, 2] = np.nan
    v = vet(tables, b, s.phys, target, props)
    assert not v.feasible.any()
    assert ((v.flags & int(Flag.NO_PREDICTION)) != 0).all()


def test_the_tables_carry_the_variability_with_the_default_for_a_process_without_a_row(catalog):
    from spacetrash_desktop.engine.scorer import load_variability
    from spacetrash_desktop.engine.tables import DEFAULT_VARIABILITY

    t = compile_tables(catalog, [])
    for pid, row in catalog.process_variability.items():
        assert tuple(t.variability[t.process_index(pid)]) == row
    missing = next(iter(catalog.process_variability))
    rest = {k: v for k, v in catalog.process_variability.items() if k != missing}
    t2 = compile_tables(dataclasses.replace(catalog, process_variability=rest), [])
    assert tuple(t2.variability[t2.process_index(missing)]) == DEFAULT_VARIABILITY
    var = load_variability(t)
    var[:] = 0  # a copy: the tables stay as they were
    assert t.variability.any()


# ---- hidden steps (issue 12, item 4): written against the properties every version has, so each
# fails on the code before the steps were counted (see also tests/engine/test_hidden_steps.py)


def test_wet_feed_in_a_cold_press_costs_drying_energy(tables):
    """Pre-wetted wipes (69% water) in a cold-pressed regolith block are dried first: about 1 kWh of
    dryer energy per kg of water, where towels (5%) need none."""
    _, wet = _one(tables, [("W006", 1.0)], 0.7, "cold_press_binder", 4.0)
    _, dry = _one(tables, [("W005", 1.0)], 0.7, "cold_press_binder", 4.0)
    assert wet.energy_kwh[0] > dry.energy_kwh[0] + 0.5
    assert wet.crew_min[0] > dry.crew_min[0] + 4.0  # loading and emptying the dryer
    assert wet.loss_vapour_kg[0] > 0.5  # the water is driven off, not pressed into the block


def test_a_rigid_composite_in_a_pressed_process_pays_shredding_energy_and_crew_time(tables, catalog):
    shredder = catalog.processes["shredding"]
    _, foam = _one(tables, [("W018", 1.0)], 0.0, "hot_press_lamination", 0.5)
    _, mixed = _one(tables, [("W011", 0.5), ("W018", 0.5)], 0.0, "hot_press_lamination", 0.5)
    composite_kg = 0.5 * mixed.feed_kg[0]
    assert mixed.crew_min[0] >= foam.crew_min[0] + shredder.crew_min_per_batch + shredder.crew_min_per_kg * composite_kg
    assert mixed.energy_kwh[0] > foam.energy_kwh[0] - 0.05 + shredder.machine_kwh_per_kg * composite_kg


def test_a_heated_batch_pays_its_tooling_warm_up(tables):
    """~34 kg of aluminium platens heated to 150 C each batch: ~1.1 kWh before heater losses."""
    _, ph = _one(tables, [("W018", 1.0)], 0.0, "hot_press_lamination", 1.0)
    assert ph.energy_kwh[0] - ph.heat_kwh[0] > 1.1


def test_cold_sintering_uses_naoh_and_a_target_with_a_lower_cap_refuses_it(tables, catalog):
    b, ph = _one(tables, [("W018", 1.0)], 0.8, "regolith_cold_sinter", 4.0)
    target = catalog.targets["shielding_tile"]
    strict = dataclasses.replace(target, max_consumables_kg=0.02)
    assert not int(vet(tables, b, ph, target).flags[0]) & int(Flag.CONSUMABLES_CAP)  # ~0.1 kg fits the preset
    v = vet(tables, b, ph, strict)
    assert int(v.flags[0]) & int(Flag.CONSUMABLES_CAP) and not v.feasible[0]

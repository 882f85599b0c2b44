"""Consolidation is a hard rule (issue 12): a melt-bound or pressed process makes a solid part only
when enough of its volume binds at the process conditions, and a process carries only as much filler
or crumbled fibre as it can. Every test here failed on the code issue 12 started from."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spacetrash_desktop.domain import Recipe
from spacetrash_desktop.engine.physics import score_physics
from spacetrash_desktop.engine.recipes import RecipeBatch, from_recipes
from spacetrash_desktop.engine.scorer import PhysicsScorer
from spacetrash_desktop.engine.search import search
from spacetrash_desktop.engine.tables import compile_tables
from spacetrash_desktop.engine.vetting import Flag, explain, vet
from tests.engine.test_physics import random_batch


@pytest.fixture(scope="module")
def tables(catalog):
    return compile_tables(catalog, list(catalog.default_inventory))


def _one(t, catalog, items, reg, proc, target_id, mass=1.0):
    b = from_recipes(t, [Recipe(items=tuple(items), regolith_frac=reg, process_id=proc, batch_mass_kg=mass)])
    ph = score_physics(t, b, mass)
    target = catalog.targets[target_id]
    v = vet(t, b, ph, target)
    reasons = explain(t, b, 0, int(v.flags[0]), ph, target, ph.objectives()[0])
    return ph, v, {r["code"]: r for r in reasons}


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(min_value=0, max_value=2**31 - 1), data=st.data())
def test_no_feasible_melt_bound_recipe_below_its_binder_minimum(tables, catalog, seed, data):
    target = data.draw(st.sampled_from(list(catalog.targets.values())))
    b = random_batch(tables, seed)
    s = PhysicsScorer().score(tables, b, target.batch_mass_kg)
    v = vet(tables, b, s.phys, target, s.props)
    melt_bound = tables.needs_melt[b.proc]
    below = melt_bound & (s.phys.melt_fraction < tables.min_melt[b.proc] - 1e-9)
    assert not (below & v.feasible).any()
    assert ((v.flags[below] & int(Flag.NO_CONSOLIDATION)) != 0).all()
    assert ((v.flags & int(Flag.NO_BINDER)) == 0).all()  # the old warning is retired


def test_the_carbon_heavy_filament_of_the_old_front_is_refused_with_a_plain_reason(tables, catalog):
    """The issue's example: 80 wt% carbon residue in PE foam, 35% of the volume melting."""
    _, v, reasons = _one(tables, catalog, [("W018", 0.2), ("W019", 0.8)], 0.0, "melt_extrusion", "printer_filament")
    assert not v.feasible[0]
    assert int(v.flags[0]) & int(Flag.NO_CONSOLIDATION) and int(v.flags[0]) & int(Flag.FILLER_LIMIT)
    msg = reasons["NO_CONSOLIDATION"]["message"]
    assert "35% of the volume melts" in msg and "needs 85%" in msg and "crumble" in msg
    assert "at most 20%" in reasons["FILLER_LIMIT"]["message"]


def test_every_printer_filament_front_recipe_is_printable(tables, catalog):
    target = catalog.targets["printer_filament"]
    out = search(tables, target, PhysicsScorer(), mode="exact")
    assert len(out.front_rows) > 0
    a = out.store.arrays()
    rows = out.front_rows
    batch = RecipeBatch(a["idx"][rows], a["frac"][rows], a["reg"][rows], a["proc"][rows])
    ph = score_physics(tables, batch, target.batch_mass_kg)
    assert (ph.melt_fraction >= 0.85 - 1e-9).all()
    assert (ph.filler_frac <= 0.20 + 1e-9).all()


def test_a_filament_over_the_filler_cap_is_refused_even_when_enough_melts(tables, catalog):
    ph, v, reasons = _one(tables, catalog, [("W018", 0.75), ("W019", 0.25)], 0.0, "melt_extrusion", "printer_filament")
    assert ph.melt_fraction[0] >= 0.85  # consolidates ...
    assert int(v.flags[0]) & int(Flag.FILLER_LIMIT) and not int(v.flags[0]) & int(Flag.NO_CONSOLIDATION)
    assert "25% of the solids does not melt" in reasons["FILLER_LIMIT"]["message"]
    _, v, _ = _one(tables, catalog, [("W018", 0.85), ("W019", 0.15)], 0.0, "melt_extrusion", "printer_filament")
    assert not int(v.flags[0]) & int(Flag.FILLER_LIMIT | Flag.NO_CONSOLIDATION)


def test_crumbled_fibre_above_its_cap_is_refused(tables, catalog):
    """Carbon/epoxy crumb is 60% carbon fibre: 80% crumb in a laminate is 48 wt% fibre, above 40 wt%."""
    ph, v, reasons = _one(
        tables, catalog, [("W011", 0.8), ("W018", 0.2)], 0.0, "hot_press_lamination", "interior_panel", 3.0
    )
    assert ph.short_fibre_frac[0] == pytest.approx(0.48)
    assert int(v.flags[0]) & int(Flag.FILLER_LIMIT) and not v.feasible[0]
    assert "48% of the solids is crumbled fibre" in reasons["FILLER_LIMIT"]["message"]


def test_a_cold_pressed_block_needs_enough_regolith_to_bond(tables, catalog):
    """Cold pressing: the regolith is the binder; 40% PE foam crumb by mass is 68% of the volume."""
    ph, v, reasons = _one(tables, catalog, [("W018", 1.0)], 0.6, "cold_press_binder", "shielding_tile", 4.0)
    assert ph.binder_fraction[0] < 0.5
    assert int(v.flags[0]) & int(Flag.NO_CONSOLIDATION)
    assert "MGS-1" in reasons["NO_CONSOLIDATION"]["message"] and "needs 50%" in reasons["NO_CONSOLIDATION"]["message"]
    ph, v, _ = _one(tables, catalog, [("W018", 1.0)], 0.9, "cold_press_binder", "shielding_tile", 4.0)
    assert not int(v.flags[0]) & int(Flag.NO_CONSOLIDATION)


def test_water_kept_in_a_cold_pressed_block_dilutes_the_binder(tables, catalog):
    """The issue's example: a cold-pressed block with 80% pre-wetted wipes in its waste share."""
    steps = dataclasses.replace(tables.steps, dry_max_moisture=np.ones_like(tables.steps.dry_max_moisture))
    no_dryer = dataclasses.replace(tables, steps=steps)  # nobody dries the wipes: the water stays in the block
    ph, v, reasons = _one(
        no_dryer, catalog, [("W006", 0.8), ("W018", 0.2)], 0.6, "cold_press_binder", "interior_panel", 3.0
    )
    assert ph.water_voids[0] > 0.1
    assert int(v.flags[0]) & int(Flag.NO_CONSOLIDATION) and not v.feasible[0]
    assert "water the process does not drive off" in reasons["NO_CONSOLIDATION"]["message"]

"""One scored recipe of every process, built from the bundled inventory, for the work-order tests
(services, window and command line). For each process every single item and every pair of items of
the bundled inventory is scored with the physics model and vetted against a permissive target; the
recipe kept is a feasible one that needs the most of the recipe-dependent steps (shredding, drying,
regolith, consumables) and hazards, so those are exercised too."""

from __future__ import annotations

import itertools
from functools import lru_cache

from spacetrash_desktop.catalog import load_catalog
from spacetrash_desktop.domain import Recipe, RecipeStatus, Target
from spacetrash_desktop.engine.results import Candidate
from spacetrash_desktop.services.workorder import score_recipes

TARGET = Target(
    "workorder_test",
    "Test part for the work order",
    rigidity_min=0.0,
    tightness_min=0.0,
    batch_mass_kg=2.0,
    max_energy_kwh=500.0,
    max_water_l=200.0,
    max_crew_min=2000.0,
    max_consumables_kg=100.0,
)


def _recipes(catalog) -> list[Recipe]:
    out = []
    ids = [i.item_id for i in catalog.default_inventory]
    for proc in catalog.processes.values():
        reg = 0.0 if proc.regolith_max <= 0 else round((proc.regolith_min + proc.regolith_max) / 2, 2)
        for a in ids:
            out.append(Recipe(((a, 1.0),), reg, proc.process_id, TARGET.batch_mass_kg))
        for a, b in itertools.combinations(ids, 2):
            out.append(Recipe(((a, 0.5), (b, 0.5)), reg, proc.process_id, TARGET.batch_mass_kg))
    return out


def _needs(c: Candidate) -> int:
    d = c.details
    return sum(
        (
            d.get("shred_kwh", 0) > 0,
            d.get("dried_water_kg", 0) > 0,
            d.get("regolith_kg", 0) > 0,
            d.get("consumables_kg", 0) > 0,
            len(c.hazards) > 0,
        )
    )


@lru_cache(maxsize=1)
def candidate_per_process() -> dict[str, Candidate]:
    """process_id -> a feasible candidate (the one needing the most recipe-dependent steps)."""
    catalog = load_catalog()
    best: dict[str, Candidate] = {}
    for c in score_recipes(_recipes(catalog), catalog.default_inventory, TARGET):
        if c.status != RecipeStatus.FEASIBLE:
            continue
        pid = c.recipe.process_id
        if pid not in best or _needs(c) > _needs(best[pid]):
            best[pid] = c
    return best

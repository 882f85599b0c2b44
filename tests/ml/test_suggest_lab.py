"""The local reality of ``spacetrash bench learn`` (ml.suggest_lab): it departs from physics only in
the few recipe families it chose - families of the front, the model's offset families - and leaves
every other recipe exactly at physics; the same seed chooses the same families."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from spacetrash_desktop.engine.physics import score_physics
from spacetrash_desktop.engine.recipes import from_recipes
from spacetrash_desktop.engine.tables import compile_tables
from spacetrash_desktop.ml.features import build_features, schema_for
from spacetrash_desktop.ml.offsets import family_keys, main_material, process_of
from spacetrash_desktop.ml.suggest_lab import (
    LOCAL_MAX_SHARE,
    LOCAL_MIN_CANDIDATES,
    LocalDeparture,
    local_families,
    make_reality,
    recipe_families,
)


@pytest.fixture(scope="module")
def world(catalog, shielding_search):
    items, result = shielding_search
    target = result.target
    cands = [c for c in result.candidates if c.feasible]
    tables = compile_tables(catalog, items)
    batch = from_recipes(tables, [c.recipe for c in cands])
    phys = score_physics(tables, batch, float(target.batch_mass_kg))
    fam = recipe_families(tables, batch, phys)
    front = {f for f, c in zip(fam, cands, strict=True) if c.on_front}
    return tables, batch, phys, fam, dict(Counter(fam.tolist())), front


@pytest.mark.slow
def test_the_families_are_those_the_model_offsets_learn(catalog, world):
    tables, batch, phys, fam, _, _ = world
    schema = schema_for(sorted(catalog.materials), sorted(catalog.processes))
    X = build_features(tables, batch, phys, 10.0, schema).X
    assert (family_keys(process_of(schema, X), main_material(schema, X)) == fam).all()


@pytest.mark.slow
def test_a_local_reality_departs_only_in_its_chosen_front_families(catalog, world):
    tables, batch, phys, fam, families, front = world
    P = phys.objectives()
    seen: set = set()
    for seed in range(6):
        reality = make_reality("local", catalog, seed, {}, {}, families, front)
        assert isinstance(reality, LocalDeparture)
        chosen = set(reality.strengths)
        seen |= chosen
        # one to three families of the front, each of 2+ candidates, together a minority of them
        assert 1 <= len(chosen) <= 3
        assert chosen <= front
        assert all(families[f] >= LOCAL_MIN_CANDIDATES for f in chosen)
        assert sum(families[f] for f in chosen) <= LOCAL_MAX_SHARE * len(fam)
        y = reality.expected(tables, batch, phys)
        inside = np.isin(fam, list(chosen))
        assert inside.any() and (~inside).any()
        # every other recipe is exactly physics
        np.testing.assert_array_equal(y[~inside], P[~inside])
        # the chosen families depart: weaker, less tight, more energy and crew time; water unchanged
        d = y[inside] - P[inside]
        assert (d[:, 0] <= 0).all() and (d[:, 1] <= 0).all() and (d[:, 0] + d[:, 1] < 0).all()
        assert (y[inside, 2] > P[inside, 2]).all() and (y[inside, 4] > P[inside, 4]).all()
        np.testing.assert_array_equal(y[inside, 3], P[inside, 3])
        # the same seed: the same families and strengths
        again = make_reality("local", catalog, seed, {}, {}, families, front)
        assert again.strengths == reality.strengths
    # the seeds do not all choose the same family
    assert len(seen) >= 2
    assert seen <= set(local_families(families, front))


def test_a_local_reality_needs_a_front_family_of_a_minority_of_the_candidates(catalog):
    # a front family holding most candidates is not local; one of a single candidate leaves none held out
    families = {"p|big": 90, "p|one": 1, "q|other": 9}
    assert local_families(families, {"p|big", "p|one"}) == []
    with pytest.raises(ValueError):
        make_reality("local", catalog, 0, {}, {}, families, {"p|big", "p|one"})
    assert local_families(families, {"p|big", "q|other"}) == ["q|other"]

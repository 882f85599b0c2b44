"""Generated inventories for benchmarks and tests: variations of the bundled NASA items.

Each generated item copies a bundled item's materials and perturbs their shares (Dirichlet around the
original), its stock (log-normal around a typical stock line) and its moisture, so the generated
inventory stays physically meaningful while being much larger than the bundled one.
"""

from __future__ import annotations

import numpy as np

from spacetrash_desktop.catalog.datasets import Catalog
from spacetrash_desktop.domain import WasteItem


def synthetic_inventory(catalog: Catalog, n: int, seed: int = 0, concentration: float = 30.0) -> list[WasteItem]:
    rng = np.random.default_rng(seed)
    base = list(catalog.default_inventory)
    out = []
    for i in range(n):
        b = base[int(rng.integers(0, len(base)))]
        mats = [m for m, _ in b.composition]
        shares = np.array([f for _, f in b.composition])
        if len(mats) > 1:
            shares = rng.dirichlet(shares * concentration + 0.5)
        shares = np.round(shares, 4)
        shares[-1] = round(1.0 - shares[:-1].sum(), 4)
        if shares[-1] <= 0:
            shares = np.full(len(mats), round(1.0 / len(mats), 4))
            shares[-1] = round(1.0 - shares[:-1].sum(), 4)
        comp = tuple((m, float(s)) for m, s in zip(mats, shares) if s > 0)
        total = sum(f for _, f in comp)
        comp = tuple((m, f / total) for m, f in comp)
        mass = float(np.round(rng.lognormal(np.log(40.0), 1.0), 2)) + 0.5
        moisture = float(np.clip(b.moisture_pct + rng.normal(0, 1.0), 0, 90))
        out.append(
            WasteItem(
                item_id=f"G{i:05d}",
                name=f"{b.name} #{i}",
                category=b.category,
                composition=comp,
                mass_kg=mass,
                count=0,
                moisture_pct=round(moisture, 2),
                flags=b.flags,
                difficulty=b.difficulty,
            )
        )
    return out

"""Shared helpers for the feedback-journal tests."""

from __future__ import annotations

import itertools

import pytest

_counter = itertools.count(1)


def make_row(**over) -> dict:
    """A valid feedback row as the window or `feedback add` would give it."""
    n = next(_counter)
    rid = f"R{n:012d}"
    row = {
        "recipe_id": rid,
        "recipe_json": {
            "id": rid,
            "items": [
                {"item_id": "PKG-01", "name": "Food packaging", "fraction": 0.7},
                {"item_id": "FOAM-02", "fraction": 0.3},
            ],
            "regolith_frac": 0.25,
            "process_id": "hot_press",
            "batch_mass_kg": 1.5,
        },
        "target_json": {"id": "container", "rigidity_min": 0.5, "tightness_min": 0.6},
        "prediction_json": {
            "interval": "95%",
            "properties": {
                "rigidity": {"value": 0.62, "low": 0.5, "high": 0.74, "unit": "index"},
                "tightness": {"value": 0.7, "low": 0.6, "high": 0.8, "unit": "index"},
                "energy_kwh": {"value": 1.1, "low": 0.9, "high": 1.3, "unit": "kWh"},
                "water_l": {"value": 0.2, "low": 0.1, "high": 0.3, "unit": "L"},
                "crew_min": {"value": 40.0, "low": 30.0, "high": 50.0, "unit": "min"},
            },
        },
        "model_name": "spacetrash-rf-xgb",
        "model_version": "1.2.0",
        "model_manifest_sha256": "ab" * 32,
        "rigidity": 0.55,
        "rigidity_method": "measured",
        "rigidity_how": "3-point bend on a 10 cm strip",
        "energy_kwh": 1.25,
        "passed": True,
        "who": "Ana",
        "notes": f"row {n}",
    }
    row.update(over)
    return row


@pytest.fixture
def row():
    return make_row

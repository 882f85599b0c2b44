"""Measurement protocols map readings to the feedback fields as docs/MEASURING.md documents."""

from __future__ import annotations

import math

import numpy as np
import pytest

from spacetrash_desktop.engine.physics import rigidity_index
from spacetrash_desktop.ml.measurements import G_MARS, MeasurementError, measure

BEND = {"load_g": 500, "span_mm": 100, "width_mm": 20, "thickness_mm": 4, "deflection_mm": 2}


def test_three_point_bend_gives_the_physics_rigidity_index_of_the_measured_modulus():
    m = measure("bend", BEND)
    F = 0.5 * G_MARS
    E = F * 0.1**3 / (4 * 0.02 * 0.004**3 * 0.002)  # Pa, by hand
    assert m.field == "rigidity"
    assert m.value == pytest.approx(float(rigidity_index(np.array([E / 1e9]))[0]), abs=1e-12)
    # first-order propagation of the default reading uncertainties, as documented
    rel = math.sqrt((1 / 500) ** 2 + (3 * 0.5 / 100) ** 2 + (0.5 / 20) ** 2 + (3 * 0.1 / 4) ** 2 + (0.5 / 2) ** 2)
    assert m.uncertainty == pytest.approx(rel / (math.log(10) * math.log10(3000)), rel=1e-9)
    assert m.low < m.value < m.high


def test_a_finer_ruler_narrows_the_bend_result_and_a_stiffer_strip_reads_higher():
    coarse = measure("bend", BEND)
    fine = measure("bend", BEND, {"deflection_mm": 0.05})
    assert fine.uncertainty < coarse.uncertainty and fine.value == coarse.value
    assert measure("bend", {**BEND, "deflection_mm": 1}).value > coarse.value


def test_soak_test_maps_open_porosity_to_the_tightness_term():
    m = measure("soak", {"dry_g": 50, "wet_g": 52, "length_mm": 100, "width_mm": 50, "thickness_mm": 8})
    p = 2 / 0.998 / 40.0
    assert m.field == "tightness" and m.bound == "upper"
    assert m.value == pytest.approx((1 - p) ** 2)
    with pytest.raises(MeasurementError, match="wet mass is below"):
        measure("soak", {"dry_g": 50, "wet_g": 49, "length_mm": 100, "width_mm": 50, "thickness_mm": 8})


def test_drip_test_more_leak_is_less_tight_and_no_drop_is_a_lower_bound():
    base = {"head_mm": 100, "area_cm2": 20, "wall_mm": 3, "minutes": 30}
    none = measure("drip", {**base, "leak_g": 0})
    some = measure("drip", {**base, "leak_g": 5})
    lots = measure("drip", {**base, "leak_g": 200})
    assert none.bound == "lower" and some.bound == ""
    assert none.value > some.value > lots.value
    assert 0 <= lots.value <= 1


def test_scale_and_meter_readings_fill_the_per_batch_fields():
    w = measure("water", {"water_before_kg": 10.0, "water_after_kg": 9.2})
    assert w.field == "water_l" and w.value == pytest.approx(0.8 / 0.998)
    e = measure("energy", {"meter_before_kwh": 12.0, "meter_after_kwh": 13.5})
    assert e.field == "energy_kwh" and e.value == pytest.approx(1.5)
    with pytest.raises(MeasurementError, match="Enter the"):
        measure("bend", {k: v for k, v in BEND.items() if k != "deflection_mm"})

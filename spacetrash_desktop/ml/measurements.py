"""Measurement protocols a crew can run with what a habitat has, each mapped to a feedback field with
its standard uncertainty (docs/MEASURING.md; the index definitions are docs/PHYSICS.md's).

* **Three-point bend** (a known weight, a ruler): ``E = F L^3 / (4 b h^3 d)`` with ``F = m g``;
  rigidity index ``R = log10(E / 0.01 GPa) / log10(30 GPa / 0.01 GPa)`` clipped to [0, 1]
  (``engine.physics.rigidity_index``). Uncertainty by first-order propagation:
  ``u(E)/E = sqrt((3 u_L/L)^2 + (u_b/b)^2 + (3 u_h/h)^2 + (u_d/d)^2 + (u_m/m)^2)``,
  ``u(R) = u(E)/E / (ln 10 log10 3000)``.
* **Soak test** (a kitchen scale, a ruler): open porosity ``p = (m_wet - m_dry) / (rho_w V)``,
  ``V = L W H``; tightness ``T = (1 - p)^2``: docs/PHYSICS.md step 7 with the seal, continuity and
  adhesion factors taken as 1 (a dense part of one polymer family), so for other parts it is an upper
  bound of the index.
* **Water-column drip test** (a tube, a ruler, a kitchen scale, a clock): leak flow through the wall
  -> Darcy permeability ``k = Q mu t_w / (A rho g H)`` -> porosity by Kozeny-Carman
  ``k = d^2 p^3 / (180 (1 - p)^2)`` with an assumed pore-forming grain size ``d`` (0.5 mm, known
  only to a factor of 3) -> ``T = (1 - p)^2``. No drop in the time: the scale's resolution is the
  largest flow that could have gone unseen, so the result is a lower bound.
* **Kitchen scale / meters** for the per-batch quantities: water used (tank weighed before and
  after), product mass, energy (meter before and after), crew time (clock).

Plain Python; the window reaches it through ``services.suggest``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from spacetrash_desktop.engine.physics import E_HIGH_GPA, E_LOW_GPA
from spacetrash_desktop.messages import msg

G_MARS = 3.721  # m/s^2, surface gravity of Mars (standard value; Jezero Crater is the base)
RHO_WATER = 998.0  # kg/m^3 at 20 deg C
MU_WATER = 1.0e-3  # Pa s at 20 deg C
KC_GRAIN_MM = 0.5  # assumed pore-forming grain size for the drip test (a factor of 3 either way)
KC_GRAIN_FACTOR = 3.0
_LOG_SPAN = math.log10(E_HIGH_GPA / E_LOW_GPA)


@dataclass(frozen=True)
class Quantity:
    key: str
    label: str
    unit: str
    resolution: float  # default standard uncertainty of one reading (the instrument's half-division)
    minimum: float = 0.0  # values must be above this (strictly, for divisors)


@dataclass(frozen=True)
class Measurement:
    field: str  # the feedback field it fills: rigidity | tightness | water_l | product_mass_kg | ...
    value: float
    uncertainty: float  # standard uncertainty (1 sd), in the field's unit
    how: str  # plain words for the "how" field
    bound: str = ""  # "" | "lower" | "upper": the value is only a bound

    @property
    def low(self) -> float:
        lo = self.value - 1.96 * self.uncertainty
        return max(lo, 0.0)

    @property
    def high(self) -> float:
        hi = self.value + 1.96 * self.uncertainty
        return min(hi, 1.0) if self.field in ("rigidity", "tightness") else hi


@dataclass(frozen=True)
class Protocol:
    key: str
    title: str
    field: str
    steps: str
    quantities: tuple[Quantity, ...]
    compute: Callable[[Mapping[str, float], Mapping[str, float]], Measurement]


class MeasurementError(ValueError):
    """A reading that cannot give a value (plain message for the crew)."""


def _need(values: Mapping[str, float], q: Quantity) -> float:
    v = values.get(q.key)
    if v is None or not math.isfinite(float(v)):
        raise MeasurementError(msg("Enter the {reading} ({unit}).", reading=msg(q.label).lower(), unit=q.unit))
    v = float(v)
    if v < q.minimum or (q.minimum == 0.0 and v <= 0.0 and q.key not in _ZERO_OK):
        raise MeasurementError(
            msg(
                "The {reading} must be more than {minimum:g} {unit}.",
                reading=msg(q.label).lower(),
                minimum=q.minimum,
                unit=q.unit,
            )
        )
    return v


_ZERO_OK = {"leak_g", "water_after_kg", "meter_before_kwh"}


def _u(q: Quantity, unc: Mapping[str, float]) -> float:
    v = unc.get(q.key)
    return float(v) if v is not None and math.isfinite(float(v)) and float(v) >= 0 else q.resolution


# ------------------------------------------------------------------------------------ bend

_BEND = (
    Quantity("load_g", "Weight hung at mid-span", "g", 1.0),
    Quantity("span_mm", "Span between the supports", "mm", 0.5),
    Quantity("width_mm", "Width of the strip", "mm", 0.5),
    Quantity("thickness_mm", "Thickness of the strip", "mm", 0.1),
    Quantity("deflection_mm", "Sag at mid-span under the weight", "mm", 0.5),
    Quantity("gravity", "Local gravity", "m/s²", 0.0),
)


def bend_modulus_gpa(
    load_g: float, span_mm: float, width_mm: float, thickness_mm: float, deflection_mm: float, g: float
) -> float:
    """Young's modulus (GPa) of a strip in three-point bending: E = F L^3 / (4 b h^3 d)."""
    F = load_g / 1000.0 * g
    L, b, h, d = span_mm / 1000.0, width_mm / 1000.0, thickness_mm / 1000.0, deflection_mm / 1000.0
    return F * L**3 / (4.0 * b * h**3 * d) / 1e9


def rigidity_from_modulus(e_gpa: float) -> float:
    """docs/PHYSICS.md's rigidity index of a modulus (0 at 0.01 GPa, 1 at 30 GPa, log scale)."""
    return min(max(math.log10(max(e_gpa, 1e-12) / E_LOW_GPA) / _LOG_SPAN, 0.0), 1.0)


def _bend(values: Mapping[str, float], unc: Mapping[str, float]) -> Measurement:
    vals = {q.key: (_need(values, q) if q.key != "gravity" else float(values.get("gravity") or G_MARS)) for q in _BEND}
    e = bend_modulus_gpa(
        *(vals[k] for k in ("load_g", "span_mm", "width_mm", "thickness_mm", "deflection_mm", "gravity"))
    )
    exps = {"load_g": 1, "span_mm": 3, "width_mm": 1, "thickness_mm": 3, "deflection_mm": 1, "gravity": 1}
    rel = math.sqrt(sum((exps[q.key] * _u(q, unc) / vals[q.key]) ** 2 for q in _BEND))
    r = rigidity_from_modulus(e)
    u = rel / (math.log(10) * _LOG_SPAN)
    how = msg(
        "Three-point bend: {load:g} g at mid-span of a {span:g} mm span, strip {width:g} x {thickness:g} mm, "
        "sag {sag:g} mm → modulus {modulus} GPa (±{rel:.0f}%)",
        load=vals["load_g"],
        span=vals["span_mm"],
        width=vals["width_mm"],
        thickness=vals["thickness_mm"],
        sag=vals["deflection_mm"],
        modulus=_sig(e),
        rel=rel * 100,
    )
    bound = "upper" if r >= 1.0 else ("lower" if r <= 0.0 else "")
    return Measurement("rigidity", r, u, how, bound)


# ------------------------------------------------------------------------------------ soak

_SOAK = (
    Quantity("dry_g", "Mass dry", "g", 1.0),
    Quantity("wet_g", "Mass after a day under water, wiped", "g", 1.0),
    Quantity("length_mm", "Length of the sample", "mm", 0.5),
    Quantity("width_mm", "Width of the sample", "mm", 0.5),
    Quantity("thickness_mm", "Thickness of the sample", "mm", 0.5),
)


def tightness_from_porosity(p: float) -> float:
    """docs/PHYSICS.md step 7's porosity term, (1 - p)^2 (the other factors taken as 1)."""
    return (1.0 - min(max(p, 0.0), 1.0)) ** 2


def _soak(values: Mapping[str, float], unc: Mapping[str, float]) -> Measurement:
    v = {q.key: _need(values, q) for q in _SOAK}
    if v["wet_g"] < v["dry_g"]:
        raise MeasurementError(msg("The wet mass is below the dry mass: weigh again."))
    vol_cm3 = v["length_mm"] * v["width_mm"] * v["thickness_mm"] / 1000.0
    water_cm3 = (v["wet_g"] - v["dry_g"]) / (RHO_WATER / 1000.0)
    p = water_cm3 / vol_cm3
    if p >= 1.0:
        raise MeasurementError(msg("More water than the sample's volume: check the dimensions."))
    q = {x.key: _u(x, unc) for x in _SOAK}
    u_water = math.hypot(q["dry_g"], q["wet_g"])
    rel_v = math.sqrt(sum((q[k] / v[k]) ** 2 for k in ("length_mm", "width_mm", "thickness_mm")))
    u_p = math.sqrt((u_water / (RHO_WATER / 1000.0) / vol_cm3) ** 2 + (p * rel_v) ** 2)
    t = tightness_from_porosity(p)
    u_t = 2.0 * (1.0 - p) * u_p
    how = msg(
        "Soak test: {dry:g} g dry, {wet:g} g wet, sample {length:g} x {width:g} x {thickness:g} mm → "
        "open porosity {porosity:.1f}%",
        dry=v["dry_g"],
        wet=v["wet_g"],
        length=v["length_mm"],
        width=v["width_mm"],
        thickness=v["thickness_mm"],
        porosity=p * 100,
    )
    return Measurement("tightness", t, u_t, how, "upper")


# ------------------------------------------------------------------------------------ drip

_DRIP = (
    Quantity("head_mm", "Height of the water column", "mm", 1.0),
    Quantity("area_cm2", "Wetted area of the wall", "cm²", 0.5),
    Quantity("wall_mm", "Wall thickness", "mm", 0.1),
    Quantity("minutes", "Time watched", "min", 0.1),
    Quantity("leak_g", "Water that came through (weighed)", "g", 1.0),
)


def porosity_from_permeability(k_m2: float, grain_mm: float) -> float:
    """Solve Kozeny-Carman ``k = d^2 p^3 / (180 (1 - p)^2)`` for the porosity p (bisection)."""
    d = grain_mm / 1000.0
    lo, hi = 0.0, 0.999
    for _ in range(80):
        mid = 0.5 * (lo + hi)
        if d * d * mid**3 / (180.0 * (1.0 - mid) ** 2) < k_m2:
            lo = mid
        else:
            hi = mid
    return 0.5 * (lo + hi)


def _drip(values: Mapping[str, float], unc: Mapping[str, float]) -> Measurement:
    v = {q.key: _need(values, q) for q in _DRIP}
    g = float(values.get("gravity") or G_MARS)
    q_res = _u(_DRIP[-1], unc)
    seen = v["leak_g"] > 0
    leak_g = v["leak_g"] if seen else q_res
    Q = leak_g / 1000.0 / RHO_WATER / (v["minutes"] * 60.0)  # m^3/s
    A = v["area_cm2"] / 1e4
    k = Q * MU_WATER * (v["wall_mm"] / 1000.0) / (A * RHO_WATER * g * v["head_mm"] / 1000.0)
    ts = [
        tightness_from_porosity(porosity_from_permeability(k, KC_GRAIN_MM * f))
        for f in (1 / KC_GRAIN_FACTOR, 1.0, KC_GRAIN_FACTOR)
    ]
    t = ts[1]
    u = (max(ts) - min(ts)) / (2 * 1.96)  # the grain-size range read as a 95% interval
    # (no drop seen: the bound already sits at the scale's resolution, only the column's reading adds)
    k_rel = math.hypot(q_res / leak_g if seen else 0.0, _u(_DRIP[0], unc) / v["head_mm"])
    u = math.hypot(u, 2.0 * t * k_rel / 3.0)  # p ~ k^(1/3) for small p
    how = msg(
        "Drip test: {head:g} mm water column over {area:g} cm² of a {wall:g} mm wall, {minutes:g} min, "
        "{leak:g} g came through",
        head=v["head_mm"],
        area=v["area_cm2"],
        wall=v["wall_mm"],
        minutes=v["minutes"],
        leak=v["leak_g"],
    ) + ("" if seen else msg(" (none seen: the value is a lower bound)"))
    return Measurement("tightness", t, u, how, "" if seen else "lower")


# ------------------------------------------------------------------------------------ scale and meters

_WATER = (
    Quantity("water_before_kg", "Water tank before the batch", "kg", 0.001),
    Quantity("water_after_kg", "Water tank after the batch", "kg", 0.001),
)
_PRODUCT = (Quantity("product_g", "Product on the kitchen scale", "g", 1.0),)
_ENERGY = (
    Quantity("meter_before_kwh", "Energy meter before the batch", "kWh", 0.005),
    Quantity("meter_after_kwh", "Energy meter after the batch", "kWh", 0.005),
)


def _water(values: Mapping[str, float], unc: Mapping[str, float]) -> Measurement:
    a, b = (_need(values, q) for q in _WATER)
    if b > a:
        raise MeasurementError(msg("The tank weighs more after the batch than before."))
    u = math.hypot(*(_u(q, unc) for q in _WATER)) / (RHO_WATER / 1000.0)
    return Measurement(
        "water_l",
        (a - b) / (RHO_WATER / 1000.0),
        u,
        msg("Water tank weighed: {before:g} kg before, {after:g} kg after", before=a, after=b),
    )


def _product(values: Mapping[str, float], unc: Mapping[str, float]) -> Measurement:
    m = _need(values, _PRODUCT[0])
    return Measurement(
        "product_mass_kg", m / 1000.0, _u(_PRODUCT[0], unc) / 1000.0, msg("Kitchen scale: {mass:g} g", mass=m)
    )


def _energy(values: Mapping[str, float], unc: Mapping[str, float]) -> Measurement:
    a, b = (_need(values, q) for q in _ENERGY)
    if b < a:
        raise MeasurementError(msg("The meter reads less after the batch than before."))
    u = math.hypot(*(_u(q, unc) for q in _ENERGY))
    return Measurement(
        "energy_kwh", b - a, u, msg("Energy meter: {before:g} kWh before, {after:g} kWh after", before=a, after=b)
    )


PROTOCOLS: dict[str, Protocol] = {
    p.key: p
    for p in (
        Protocol(
            "bend",
            "Three-point bend (known weight, ruler)",
            "rigidity",
            "Cut a straight strip, rest it on two supports, hang a known weight at the middle and read the sag "
            "against a ruler held beside it.",
            _BEND,
            _bend,
        ),
        Protocol(
            "soak",
            "Soak test (kitchen scale, ruler)",
            "tightness",
            "Weigh a cut sample dry, keep it under water for a day, wipe the surface and weigh it again.",
            _SOAK,
            _soak,
        ),
        Protocol(
            "drip",
            "Water-column drip test (tube, ruler, scale, clock)",
            "tightness",
            "Seal a tube on the part, fill it to a marked height, catch what comes through the wall and weigh it.",
            _DRIP,
            _drip,
        ),
        Protocol(
            "water",
            "Water used (tank on the scale)",
            "water_l",
            "Weigh the water tank before and after the batch.",
            _WATER,
            _water,
        ),
        Protocol(
            "product",
            "Product mass (kitchen scale)",
            "product_mass_kg",
            "Weigh the finished product.",
            _PRODUCT,
            _product,
        ),
        Protocol(
            "energy",
            "Energy used (meter)",
            "energy_kwh",
            "Read the energy meter before and after the batch.",
            _ENERGY,
            _energy,
        ),
    )
}


def measure(
    protocol: str, values: Mapping[str, float], uncertainties: Mapping[str, float] | None = None
) -> Measurement:
    """The value (and its standard uncertainty) a protocol's readings give for its feedback field."""
    p = PROTOCOLS.get(protocol)
    if p is None:
        raise MeasurementError(msg("There is no measurement called {name!r}.", name=protocol))
    return p.compute(values, uncertainties or {})


def _sig(x: float) -> str:
    return f"{x:.3g}"

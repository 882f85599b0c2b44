"""The mission production plan's plain data (docs/PLAN.md): what is asked for (demands, daily budgets,
the inventory, the horizon), the recipes the plan may use, and what the solver hands back. No I/O."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from spacetrash_desktop.domain import Recipe, WasteItem

UNITS = ("units", "kg")
BUDGET_NAMES = ("kwh", "water", "crew")


@dataclass(frozen=True)
class Demand:
    """How much of one product the mission needs. ``unit`` "units": whole products (one batch of the
    product's batch mass makes ``units_per_batch`` of them); "kg": product mass. Priority 1 is the most
    important; ``due_sol``: only batches in periods that start on or before it count."""

    product_id: str
    product_name: str
    quantity: float
    unit: str = "units"
    priority: int = 1
    due_sol: int | None = None


@dataclass(frozen=True)
class Budgets:
    """The habitat's daily budgets for recycling. ``batches_per_sol``: machine capacity per process id
    (a process not named there has no machine limit). ``math.inf`` = unlimited."""

    kwh_per_sol: float
    water_l_per_sol: float
    crew_min_per_sol: float
    batches_per_sol: Mapping[str, float] = field(default_factory=dict)

    def get(self, name: str) -> float:
        return {"kwh": self.kwh_per_sol, "water": self.water_l_per_sol, "crew": self.crew_min_per_sol}[name]

    def with_budget(self, name: str, value: float) -> Budgets:
        key = {"kwh": "kwh_per_sol", "water": "water_l_per_sol", "crew": "crew_min_per_sol"}[name]
        return Budgets(**{**self.__dict__, key: float(value)})


UNLIMITED = Budgets(math.inf, math.inf, math.inf, {})


@dataclass(frozen=True)
class PlanCandidate:
    """One recipe the plan may run, with what one batch (of the product's batch mass) takes and makes.
    ``machine_batches``: machine runs one product batch needs (a batch larger than the machine's load is
    split). ``problematic_kg``: waste diverted per batch weighted by difficulty (difficulty 1 counts 0,
    2 counts half, 3 counts whole: (difficulty - 1) / 2 of the item's kg)."""

    recipe_id: str
    product_id: str
    process_id: str
    recipe: Recipe
    label: str
    product_kg_per_batch: float
    units_per_batch: float
    items_kg_per_batch: Mapping[str, float]
    regolith_kg_per_batch: float
    energy_kwh: float
    water_l: float
    crew_min: float
    problematic_kg: float
    machine_batches: float = 1.0
    # the recipe as the result contract has it (``Candidate.to_dict()``) and the model that predicted it,
    # when the candidate came from a search: the plan file carries them for the day's work order
    contract: Mapping[str, Any] | None = None
    model: Mapping[str, Any] | None = None

    @property
    def waste_kg(self) -> float:
        return float(sum(self.items_kg_per_batch.values()))

    def quantity_per_batch(self, unit: str) -> float:
        return self.product_kg_per_batch if unit == "kg" else self.units_per_batch


@dataclass(frozen=True)
class PlanRequest:
    demands: tuple[Demand, ...]
    inventory: tuple[WasteItem, ...]
    budgets: Budgets
    horizon_sols: int = 1095
    period_sols: int = 30
    waste_weight: float = 1.0  # extra weight on problematic (difficulty-weighted) waste in the second stage
    time_limit_s: float = 10.0
    mip_gap: float = 0.01
    marginal: bool = True  # re-solve with one more kWh, litre and crew hour per sol to explain the plan

    def periods(self) -> list[tuple[int, int, int]]:
        """(period index, first sol, last sol), sols numbered from 1."""
        h, step = max(1, int(self.horizon_sols)), max(1, int(self.period_sols))
        return [(k, 1 + k * step, min(h, (k + 1) * step)) for k in range(math.ceil(h / step))]


@dataclass(frozen=True)
class PlanLine:
    period: int
    first_sol: int
    last_sol: int
    product_id: str
    recipe_id: str
    batches: int
    items_kg: Mapping[str, float]
    product_kg: float
    label: str = ""
    process_id: str = ""
    regolith_kg: float = 0.0
    energy_kwh: float = 0.0
    water_l: float = 0.0
    crew_min: float = 0.0


@dataclass(frozen=True)
class PeriodUse:
    period: int
    first_sol: int
    last_sol: int
    energy_kwh: float
    water_l: float
    crew_min: float
    batches_by_process: Mapping[str, float]
    energy_cap: float
    water_cap: float
    crew_cap: float
    machine_caps: Mapping[str, float] = field(default_factory=dict)

    @property
    def sols(self) -> int:
        return self.last_sol - self.first_sol + 1


@dataclass(frozen=True)
class UnmetDemand:
    product_id: str
    short_quantity: float
    unit: str
    reason: str
    product_name: str = ""
    limits: tuple[
        str, ...
    ] = ()  # the binding limits as keys: "stock:W010", "energy", "water", "crew", "machine:<process>"


@dataclass(frozen=True)
class Marginal:
    """What one more unit of a daily budget would bring (a re-solve)."""

    budget: str  # kwh | water | crew
    step: float  # per sol, in the budget's own unit (kWh, L, crew minutes)
    demand_met_share: float  # change in the priority-weighted share of demand met
    waste_diverted_kg: float  # change in waste diverted
    text: str


@dataclass(frozen=True)
class ObjectiveParts:
    demand_score: float  # priority-weighted share met (stage 1 objective)
    demand_met_share: float  # plain share of demand met (each demand's met/asked, averaged)
    met_by_priority: Mapping[int, float]  # priority -> share of that priority's demand met
    waste_diverted_kg: float
    problematic_kg: float
    energy_kwh: float
    crew_min: float
    water_l: float


@dataclass(frozen=True)
class PlanResult:
    request: PlanRequest
    lines: tuple[PlanLine, ...]
    periods: tuple[PeriodUse, ...]
    unmet: tuple[UnmetDemand, ...]
    stock_left: Mapping[str, float]
    stock_by_period: Mapping[str, tuple[float, ...]]  # item -> kg left at the start and after each period
    marginal: tuple[Marginal, ...]
    status: str  # optimal | time limit | greedy
    gap: float
    objective: ObjectiveParts
    solve_seconds: float
    met: Mapping[str, float] = field(default_factory=dict)  # product id -> quantity met (demand's unit)
    stage_gaps: Mapping[str, float] = field(default_factory=dict)
    method: str = "milp"
    recipes: Mapping[str, PlanCandidate] = field(default_factory=dict)  # the lines' candidates by recipe id

    @property
    def demand_met_share(self) -> float:
        return self.objective.demand_met_share

"""What the Plan tab shows, without Qt: the budget fields with their units and limits, the checks of
what the crew types into the demands table, the plan as table rows, the solver's status, unmet
demand, binding limits and marginal values in plain words, the series of the burn-down, daily-use
and what-if charts, and the production request "Mark as made…" sends for a plan line.

Everything here runs on a worker or in a test without a display; the plan comes from
``services.plan`` (its dataclasses are read by attribute, so this module is the one place that
adapts to them)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from spacetrash_desktop.common import parse_number
from spacetrash_desktop.domain import ProductionRequest, Recipe
from spacetrash_desktop.ui.i18n import current_language, number


# ------------------------------------------------------------------------------------ numbers
def fmt_num(x: float, decimals: int = 1) -> str:
    """A number the crew reads: thousands separated, at most ``decimals`` decimals, no trailing zeros."""
    if x is None or not math.isfinite(float(x)):
        return "–"
    if current_language() == "en":
        text, point = f"{float(x):,.{decimals}f}", "."
    else:  # the window's language: a decimal comma in Spanish
        text, point = number(float(x), decimals), QLocale().decimalPoint()
    if point in text:
        text = text.rstrip("0").rstrip(point)
    return "0" if text in ("-0", "") else text


def fmt_kg(x: float) -> str:
    return f"{fmt_num(x, 2 if abs(x) < 10 else 1)} kg"


def sols_text(first: int, last: int) -> str:
    if first == last:
        return QCoreApplication.translate("PlanViews", "sol {sol}").format(sol=first)
    return QCoreApplication.translate("PlanViews", "sols {first}–{last}").format(first=first, last=last)


# ------------------------------------------------------------------------------------ budgets
@dataclass(frozen=True)
class BudgetField:
    key: str  # attribute of the service's Budgets / PlanRequest
    label: str
    unit: str
    lo: float
    hi: float
    decimals: int
    tip: str

    @property
    def label_text(self) -> str:
        """The label in the window's language."""
        return QCoreApplication.translate("PlanViews", self.label)

    @property
    def unit_text(self) -> str:
        return QCoreApplication.translate("PlanViews", self.unit)

    @property
    def tip_text(self) -> str:
        return QCoreApplication.translate("PlanViews", self.tip)

    @property
    def title_text(self) -> str:
        """ "Energy per sol (kWh/sol)" in the window's language."""
        return unit_title(self.label_text, self.unit_text)


BUDGET_FIELDS: tuple[BudgetField, ...] = (
    BudgetField(
        "kwh_per_sol",
        QT_TRANSLATE_NOOP("PlanViews", "Energy per sol"),
        QT_TRANSLATE_NOOP("PlanViews", "kWh/sol"),
        0.0,
        1000.0,
        1,
        QT_TRANSLATE_NOOP(
            "PlanViews", "Electrical energy the habitat can give to production each sol (heaters, presses, shredder)."
        ),
    ),
    BudgetField(
        "water_l_per_sol",
        QT_TRANSLATE_NOOP("PlanViews", "Water per sol"),
        QT_TRANSLATE_NOOP("PlanViews", "L/sol"),
        0.0,
        500.0,
        1,
        QT_TRANSLATE_NOOP(
            "PlanViews", "Water production may use each sol (rinsing, cleaning, process water), in litres."
        ),
    ),
    BudgetField(
        "crew_min_per_sol",
        QT_TRANSLATE_NOOP("PlanViews", "Crew time per sol"),
        QT_TRANSLATE_NOOP("PlanViews", "min/sol"),
        0.0,
        1440.0,
        0,
        QT_TRANSLATE_NOOP(
            "PlanViews", "Hands-on crew minutes production may take each sol (all crew members together)."
        ),
    ),
    BudgetField(
        "horizon_sols",
        QT_TRANSLATE_NOOP("PlanViews", "Horizon"),
        QT_TRANSLATE_NOOP("PlanViews", "sols"),
        1.0,
        5000.0,
        0,
        QT_TRANSLATE_NOOP("PlanViews", "How many sols the plan covers (a three-year mission is about 1,095 sols)."),
    ),
    BudgetField(
        "period_sols",
        QT_TRANSLATE_NOOP("PlanViews", "Period length"),
        QT_TRANSLATE_NOOP("PlanViews", "sols"),
        1.0,
        365.0,
        0,
        QT_TRANSLATE_NOOP(
            "PlanViews",
            "The plan decides per period of this many sols; longer periods make a long mission faster to plan.",
        ),
    ),
)
BUDGET_INDEX = {f.key: f for f in BUDGET_FIELDS}
MACHINE_LIMITS = (0.0, 100.0)  # batches per sol per process
SWEEPABLE = ("kwh_per_sol", "water_l_per_sol", "crew_min_per_sol")
SWEEP_DEFAULT = ("kwh_per_sol", 5.0, 50.0, 10)
SWEEP_STEPS = (2, 40)


def check_budgets(values: Mapping[str, float]) -> list[str]:
    """Problems between fields (each field checks its own range)."""
    problems = []
    horizon, period = values.get("horizon_sols"), values.get("period_sols")
    if horizon is not None and period is not None and period > horizon:
        problems.append(
            QCoreApplication.translate(
                "PlanViews",
                "The period ({period} sols) is longer than the horizon ({horizon} sols): "
                "shorten the period or lengthen the horizon.",
            ).format(period=fmt_num(period, 0), horizon=fmt_num(horizon, 0))
        )
    return problems


def check_sweep(lo: float | None, hi: float | None, steps: float | None, key: str) -> str:
    """Why the what-if range cannot be swept ("" when it can)."""
    f = BUDGET_INDEX[key]
    if lo is None or hi is None:
        return QCoreApplication.translate("PlanViews", "Type the range to try, from and to, in {unit}.").format(
            unit=f.unit_text
        )
    if lo < 0 or hi < 0:
        return QCoreApplication.translate("PlanViews", "The range cannot go below 0.")
    if hi <= lo:
        return QCoreApplication.translate("PlanViews", "'To' ({to}) must be above 'from' ({start}).").format(
            to=fmt_num(hi), start=fmt_num(lo)
        )
    if hi > f.hi:
        return QCoreApplication.translate(
            "PlanViews", "'To' is above the most the field allows ({most} {unit})."
        ).format(most=fmt_num(f.hi), unit=f.unit_text)
    if steps is None or steps != int(steps) or not SWEEP_STEPS[0] <= steps <= SWEEP_STEPS[1]:
        return QCoreApplication.translate("PlanViews", "Steps must be a whole number from {low} to {high}.").format(
            low=SWEEP_STEPS[0], high=SWEEP_STEPS[1]
        )
    return ""


def sweep_values(lo: float, hi: float, steps: int) -> list[float]:
    return [round(lo + (hi - lo) * k / (steps - 1), 6) for k in range(steps)]


# ------------------------------------------------------------------------------------ demands
UNITS = (("units", QT_TRANSLATE_NOOP("PlanViews", "units")), ("kg", "kg"))  # shown through tr_text
DEMAND_COLUMNS = (  # titles and tips shown through tr_text
    (
        "product",
        QT_TRANSLATE_NOOP("PlanViews", "Product"),
        QT_TRANSLATE_NOOP("PlanViews", "What to make (a product of a challenge scenario)"),
    ),
    (
        "quantity",
        QT_TRANSLATE_NOOP("PlanViews", "Quantity"),
        QT_TRANSLATE_NOOP("PlanViews", "How much of it the mission needs over the plan"),
    ),
    (
        "unit",
        QT_TRANSLATE_NOOP("PlanViews", "Unit"),
        QT_TRANSLATE_NOOP("PlanViews", "units: pieces (one batch makes the product's batch mass); kg: product mass"),
    ),
    (
        "priority",
        QT_TRANSLATE_NOOP("PlanViews", "Priority"),
        QT_TRANSLATE_NOOP("PlanViews", "1 = most important; a lower priority is only met with what is left"),
    ),
    (
        "due_sol",
        QT_TRANSLATE_NOOP("PlanViews", "Due sol"),
        QT_TRANSLATE_NOOP("PlanViews", "Sol by which it must be made (empty: any time within the horizon)"),
    ),
)


def unit_title(label: str, unit: str) -> str:
    """A label with its unit, "Energy (kWh/sol)"."""
    return QCoreApplication.translate("PlanViews", "{label} ({unit})").format(label=label, unit=unit)


def tr_text(text: str) -> str:
    """A constant of this module (marked with QT_TRANSLATE_NOOP) in the window's language."""
    return QCoreApplication.translate("PlanViews", text)


def unit_word(unit: str) -> str:
    """ "kg" or "units" in the window's language."""
    return "kg" if unit == "kg" else QCoreApplication.translate("PlanViews", "units")


MAX_QUANTITY = 100_000.0
MAX_PRIORITY = 9


def check_quantity(text: str) -> tuple[float | None, str]:
    x = parse_number(text)
    if not str(text).strip():
        return None, QCoreApplication.translate(
            "PlanViews", "Quantity is empty: type how many (or how many kg) the mission needs."
        )
    if x is None or not math.isfinite(x):
        return None, QCoreApplication.translate("PlanViews", "Quantity '{text}' is not a number.").format(
            text=str(text).strip()[:20]
        )
    if x <= 0:
        return None, QCoreApplication.translate(
            "PlanViews", "Quantity must be above 0 (remove the row to drop the product)."
        )
    if x > MAX_QUANTITY:
        return None, QCoreApplication.translate("PlanViews", "Quantity {value} is above the limit of {limit}.").format(
            value=fmt_num(x), limit=fmt_num(MAX_QUANTITY)
        )
    return float(x), ""


def check_priority(text: str) -> tuple[int | None, str]:
    x = parse_number(text)
    if x is None or x != int(x) or not 1 <= x <= MAX_PRIORITY:
        return None, QCoreApplication.translate(
            "PlanViews", "Priority must be a whole number from 1 (most important) to {most}."
        ).format(most=MAX_PRIORITY)
    return int(x), ""


def check_due_sol(text: str, horizon: float | None) -> tuple[int | None, str]:
    if not str(text).strip():
        return None, ""
    x = parse_number(text)
    if x is None or x != int(x) or x < 1:
        return None, QCoreApplication.translate(
            "PlanViews", "Due sol must be a whole sol number from 1 (or empty for any time)."
        )
    if horizon is not None and x > horizon:
        return None, QCoreApplication.translate(
            "PlanViews", "Due sol {sol} is after the end of the plan (sol {end})."
        ).format(sol=int(x), end=int(horizon))
    return int(x), ""


@dataclass(frozen=True)
class DemandRow:
    product: str  # product id
    name: str
    quantity: float
    unit: str  # "units" | "kg"
    priority: int
    due_sol: int | None = None


def check_demand_cells(
    name: str, quantity: str, priority: str, due_sol: str, horizon: float | None
) -> tuple[tuple[float | None, int | None, int | None], list[str]]:
    """The values of one demands-table row and the problems, each naming the product."""
    q, rq = check_quantity(quantity)
    p, rp = check_priority(priority)
    d, rd = check_due_sol(due_sol, horizon)
    return (q, p, d), [demand_problem(name, r) for r in (rq, rp, rd) if r]


def demand_problem(name: str, problem: str) -> str:
    """A problem of a demands-table row, naming its product."""
    return QCoreApplication.translate("PlanViews", "{product}: {problem}").format(product=name, problem=problem)


# ------------------------------------------------------------------------------------ the plan
PLAN_COLUMNS = (  # titles and tips shown through tr_text
    (
        "period",
        QT_TRANSLATE_NOOP("PlanViews", "Period"),
        QT_TRANSLATE_NOOP("PlanViews", "Period of the plan (each a few sols long)"),
    ),
    ("sols", QT_TRANSLATE_NOOP("PlanViews", "Sols"), QT_TRANSLATE_NOOP("PlanViews", "The sols of the period")),
    ("product", QT_TRANSLATE_NOOP("PlanViews", "Product"), QT_TRANSLATE_NOOP("PlanViews", "What these batches make")),
    (
        "recipe",
        QT_TRANSLATE_NOOP("PlanViews", "Recipe"),
        QT_TRANSLATE_NOOP("PlanViews", "The recipe: process and its main items (hover for the whole recipe)"),
    ),
    (
        "batches",
        QT_TRANSLATE_NOOP("PlanViews", "Batches"),
        QT_TRANSLATE_NOOP("PlanViews", "Batches of this recipe in the period"),
    ),
    (
        "product_kg",
        QT_TRANSLATE_NOOP("PlanViews", "Made"),
        QT_TRANSLATE_NOOP("PlanViews", "Product mass of the batches"),
    ),
    (
        "items",
        QT_TRANSLATE_NOOP("PlanViews", "Stock used"),
        QT_TRANSLATE_NOOP("PlanViews", "Kilograms of each inventory item the batches use (hover for all of them)"),
    ),
    ("energy", QT_TRANSLATE_NOOP("PlanViews", "Energy"), QT_TRANSLATE_NOOP("PlanViews", "kWh the batches use")),
    ("crew", QT_TRANSLATE_NOOP("PlanViews", "Crew"), QT_TRANSLATE_NOOP("PlanViews", "Crew minutes the batches take")),
)


@dataclass(frozen=True)
class PlanNames:
    """Display names: inventory items, products, processes."""

    items: Mapping[str, str]
    products: Mapping[str, str]
    processes: Mapping[str, str]

    @staticmethod
    def of(result, processes: Mapping[str, str]) -> PlanNames:
        req = result.request
        return PlanNames(
            {w.item_id: w.name for w in req.inventory},
            {d.product_id: d.product_name for d in req.demands},
            dict(processes),
        )


@dataclass(frozen=True)
class PlanRowView:
    index: int  # index of the line in result.lines
    period: int
    first_sol: int
    last_sol: int
    product: str
    product_name: str
    recipe_id: str
    recipe_text: str
    recipe_tip: str
    batches: int
    product_kg: float
    items: tuple[tuple[str, float], ...]  # (item id, kg) largest first
    items_text: str
    items_tip: str
    energy_kwh: float
    water_l: float
    crew_min: float
    regolith_kg: float = 0.0
    cells: tuple[str, ...] = field(default=())


def items_texts(items: Sequence[tuple[str, float]], names: Mapping[str, str], shown: int = 2) -> tuple[str, str]:
    """A short "12 kg PE foam, 3.5 kg towels +2 more" and the whole list (one item a line) for the tooltip."""
    if not items:
        return "–", QCoreApplication.translate("PlanViews", "no stock used")
    parts = [f"{fmt_kg(kg)} {names.get(i, i)}" for i, kg in items]
    more = QCoreApplication.translate("PlanViews", " +{n} more").format(n=len(parts) - shown)
    short = ", ".join(parts[:shown]) + (more if len(parts) > shown else "")
    total = QCoreApplication.translate("PlanViews", "Total: {kg}").format(kg=fmt_kg(sum(kg for _i, kg in items)))
    return short, "\n".join(parts) + "\n" + total


def recipe_texts(line, recipe: Recipe | None, names: PlanNames) -> tuple[str, str]:
    """The recipe in short (process: main item) and in full (process, every item's share, regolith)."""
    process = names.processes.get(line.process_id, line.process_id.replace("_", " "))
    if recipe is None:
        return line.label or process or line.recipe_id, process + "\n" + QCoreApplication.translate(
            "PlanViews", "recipe {id}"
        ).format(id=line.recipe_id)
    shares = sorted(recipe.items, key=lambda p: -p[1])
    main = names.items.get(shares[0][0], shares[0][0]) if shares else ""
    text = f"{process}: {main}" + (f" +{len(shares) - 1}" if len(shares) > 1 else "")
    lines = [
        QCoreApplication.translate("PlanViews", "{process} (recipe {id})").format(process=process, id=line.recipe_id)
    ]
    share = QCoreApplication.translate("PlanViews", "{item}: {percent}% of the waste")
    lines += [share.format(item=names.items.get(i, i), percent=fmt_num(f * 100, 0)) for i, f in shares]
    if recipe.regolith_frac > 0:
        lines.append(
            QCoreApplication.translate("PlanViews", "regolith: {percent}% of the batch").format(
                percent=fmt_num(recipe.regolith_frac * 100, 0)
            )
        )
    return text, "\n".join(lines)


def plan_rows(result, recipes: Mapping[str, Recipe], names: PlanNames) -> list[PlanRowView]:
    """One row per plan line with batches, in period order. ``recipes``: recipe id -> recipe."""
    rows = []
    for k, line in enumerate(result.lines):
        if line.batches <= 0:
            continue
        items = tuple(sorted(((i, float(kg)) for i, kg in line.items_kg.items() if kg > 0), key=lambda p: -p[1]))
        short, tip = items_texts(items, names.items)
        rtext, rtip = recipe_texts(line, recipes.get(line.recipe_id), names)
        row = PlanRowView(
            index=k,
            period=line.period,
            first_sol=line.first_sol,
            last_sol=line.last_sol,
            product=line.product_id,
            product_name=names.products.get(line.product_id, line.product_id),
            recipe_id=line.recipe_id,
            recipe_text=rtext,
            recipe_tip=rtip,
            batches=int(line.batches),
            product_kg=float(line.product_kg),
            items=items,
            items_text=short,
            items_tip=tip,
            energy_kwh=float(line.energy_kwh),
            water_l=float(line.water_l),
            crew_min=float(line.crew_min),
            regolith_kg=float(line.regolith_kg),
        )
        rows.append(replace(row, cells=row_cells(row)))
    rows.sort(key=lambda r: (r.period, r.product_name, -r.batches))
    return rows


def row_cells(r: PlanRowView) -> tuple[str, ...]:
    return (
        str(r.period + 1),
        sols_text(r.first_sol, r.last_sol),
        r.product_name,
        r.recipe_text,
        str(r.batches),
        fmt_kg(r.product_kg),
        r.items_text,
        f"{fmt_num(r.energy_kwh)} kWh",
        f"{fmt_num(r.crew_min, 0)} min",
    )


def production_request(row: PlanRowView, recipe: Recipe) -> ProductionRequest:
    """What "Mark as made…" sends for a plan line: its recipe, batches, product and stock used, on the
    first sol of its period."""
    return ProductionRequest(
        recipe=recipe,
        recipe_id=row.recipe_id,
        product=row.product,
        product_name=row.product_name,
        batches=row.batches,
        product_kg=row.product_kg,
        items_kg=tuple((i, round(kg, 6)) for i, kg in row.items),
        regolith_kg=row.regolith_kg,
        energy_kwh=row.energy_kwh,
        water_l=row.water_l,
        crew_min=row.crew_min,
        sol=row.first_sol,
        source="plan",
    )


# ------------------------------------------------------------------------------------ words
STATUS_WORDS = {  # shown through tr_text
    "optimal": QT_TRANSLATE_NOOP("PlanViews", "the best plan for these demands and budgets"),
    "time limit": QT_TRANSLATE_NOOP("PlanViews", "the best plan found within the time limit"),
    "greedy": QT_TRANSLATE_NOOP(
        "PlanViews", "a quick plan (each demand in priority order, its best recipe first); not checked against the best"
    ),
    "cancelled": QT_TRANSLATE_NOOP("PlanViews", "the best plan found before you stopped it"),
    "infeasible": QT_TRANSLATE_NOOP("PlanViews", "no plan fits these limits"),
}


def status_text(result) -> str:
    """The solver's status and gap, in words."""
    status = str(result.status or "").lower()
    if status in STATUS_WORDS:
        words = tr_text(STATUS_WORDS[status])
    else:
        words = status.replace("_", " ") or QCoreApplication.translate("PlanViews", "no status")
    gap = result.gap
    if status == "greedy" or gap is None or not math.isfinite(float(gap)):
        tail = "."
    elif float(gap) * 100 < 0.005:
        tail = QCoreApplication.translate("PlanViews", ", proven the best there is.")
    else:
        g = float(gap) * 100
        tail = QCoreApplication.translate("PlanViews", ", at most {gap}% short of the best possible.").format(
            gap=fmt_num(g, 2 if g < 1 else 1)
        )
    return QCoreApplication.translate("PlanViews", "Plan: {status}{tail} Solved in {seconds} s.").format(
        status=words, tail=tail, seconds=fmt_num(result.solve_seconds, 1)
    )


def summary_text(result) -> str:
    """Demand met, waste diverted and what the plan takes, in one line."""
    o = result.objective
    made = sum(line.product_kg for line in result.lines)
    return QCoreApplication.translate(
        "PlanViews",
        "Demand met: {met}% · waste turned into products: {waste} (of which problematic {problematic}) · "
        "product made: {made} · energy {energy} kWh · water {water} L · crew {crew} h",
    ).format(
        met=fmt_num(o.demand_met_share * 100, 0),
        waste=fmt_kg(o.waste_diverted_kg),
        problematic=fmt_kg(o.problematic_kg),
        made=fmt_kg(made),
        energy=fmt_num(o.energy_kwh, 0),
        water=fmt_num(o.water_l, 0),
        crew=fmt_num(o.crew_min / 60, 0),
    )


def unmet_texts(result, names: PlanNames) -> list[str]:
    """One sentence per demand the plan cannot meet in full, with the limit that binds."""
    out = []
    for u in result.unmet:
        name = u.product_name or names.products.get(u.product_id, u.product_id)
        reason = sentence_body(u.reason)  # the planner's words (English, from services.plan)
        head = QCoreApplication.translate("PlanViews", "{product}: {quantity} {unit} short").format(
            product=name, quantity=fmt_num(u.short_quantity, 1), unit=unit_word(u.unit)
        )
        out.append(f"{head} — {reason}." if reason else f"{head}.")
    return out


def sentence_body(text: str) -> str:
    return str(text or "").strip().rstrip(".")


def marginal_texts(result) -> list[str]:
    """What one more kWh, litre or crew hour per sol would bring, in words."""
    return [m.text if m.text.endswith(".") else m.text + "." for m in result.marginal if m.text]


def met_texts(result, names: PlanNames) -> list[str]:
    """Per demand: how much the plan makes of what was asked."""
    out = []
    for d in result.request.demands:
        got = float(result.met.get(d.product_id, 0.0))
        share = 100 * min(1.0, got / d.quantity) if d.quantity > 0 else 100.0
        out.append(
            QCoreApplication.translate(
                "PlanViews", "{product} (priority {priority}): {made} of {quantity} {unit} ({percent}%)"
            ).format(
                product=d.product_name,
                priority=d.priority,
                made=fmt_num(got, 1),
                quantity=fmt_num(d.quantity, 1),
                unit=unit_word(d.unit),
                percent=fmt_num(share, 0),
            )
        )
    return out


# ------------------------------------------------------------------------------------ charts
@dataclass(frozen=True)
class Series:
    name: str
    x: tuple[float, ...]
    y: tuple[float, ...]


def burn_down(result, names: PlanNames, top: int = 6) -> list[Series]:
    """Stock left (kg) of the ``top`` items the plan uses most: at sol 0, then at the end of each period."""
    xs = (0.0, *(float(p.last_sol) for p in result.periods))
    used = {i: (v[0] - v[-1]) for i, v in result.stock_by_period.items() if len(v) >= 2}
    chosen = [i for i, u in sorted(used.items(), key=lambda p: (-p[1], p[0])) if u > 1e-6][:top]
    series = []
    for i in chosen:
        ys = tuple(float(v) for v in result.stock_by_period[i])
        n = min(len(xs), len(ys))
        series.append(Series(names.items.get(i, i), xs[:n], ys[:n]))
    return series


USE_KINDS = (  # titles and units shown through tr_text
    ("energy", QT_TRANSLATE_NOOP("PlanViews", "Energy"), QT_TRANSLATE_NOOP("PlanViews", "kWh/sol")),
    ("water", QT_TRANSLATE_NOOP("PlanViews", "Water"), QT_TRANSLATE_NOOP("PlanViews", "L/sol")),
    ("crew", QT_TRANSLATE_NOOP("PlanViews", "Crew time"), QT_TRANSLATE_NOOP("PlanViews", "min/sol")),
)
_USE_ATTRS = {
    "energy": ("energy_kwh", "energy_cap"),
    "water": ("water_l", "water_cap"),
    "crew": ("crew_min", "crew_cap"),
}


def daily_use(result) -> dict[str, tuple[Series, Series]]:
    """Per kind (energy, water, crew): the average use per sol of each period and the cap per sol
    (x: the first sol of each period)."""
    out = {}
    for key, _title, _unit in USE_KINDS:
        use_attr, cap_attr = _USE_ATTRS[key]
        xs, use, cap = [], [], []
        for p in result.periods:
            sols = max(1, p.last_sol - p.first_sol + 1)
            xs.append(float(p.first_sol))
            use.append(float(getattr(p, use_attr)) / sols)
            c = float(getattr(p, cap_attr))  # the cap of the whole period
            cap.append(c / sols if math.isfinite(c) else float("nan"))
        out[key] = (Series("used per sol", tuple(xs), tuple(use)), Series("cap per sol", tuple(xs), tuple(cap)))
    return out


def sweep_point(point) -> tuple[float, float, float]:
    """(budget value, demand met %, waste diverted kg) of one plan of the what-if sweep (a SweepPoint:
    its demand met is the priority-weighted share)."""
    return float(point.value), float(point.demand_met_share) * 100.0, float(point.waste_diverted_kg)


def join_sentences(parts: Iterable[str]) -> str:
    return " ".join(p if p.endswith(".") else p + "." for p in parts if p)


# ------------------------------------------------------------------------------------ all of it
@dataclass(frozen=True)
class PlanDisplay:
    """Everything the tab shows of one plan, built on the worker."""

    result: object  # services.plan PlanResult
    recipes: Mapping[str, Recipe]
    names: PlanNames
    rows: tuple[PlanRowView, ...]
    status: str
    summary: str
    met: tuple[str, ...]
    unmet: tuple[str, ...]
    marginal: tuple[str, ...]
    burn_down: tuple[Series, ...]
    daily_use: Mapping[str, tuple[Series, Series]]

    @staticmethod
    def build(result, candidates: Mapping[str, Iterable], processes: Mapping[str, str]) -> PlanDisplay:
        """``candidates``: product id -> the PlanCandidates the plan could use."""
        names = PlanNames.of(result, processes)
        recipes = {c.recipe_id: c.recipe for cs in candidates.values() for c in cs}
        return PlanDisplay(
            result=result,
            recipes=recipes,
            names=names,
            rows=tuple(plan_rows(result, recipes, names)),
            status=status_text(result),
            summary=summary_text(result),
            met=tuple(met_texts(result, names)),
            unmet=tuple(unmet_texts(result, names)),
            marginal=tuple(marginal_texts(result)),
            burn_down=tuple(burn_down(result, names)),
            daily_use=daily_use(result),
        )

    def explanation_html(self) -> str:
        """Unmet demand with the limit that binds, what more budget would bring, and demand met, as HTML."""

        def head(text: str) -> str:
            return f"<h3>{_esc(text)}</h3>"

        if self.unmet:
            parts = [head(QCoreApplication.translate("PlanViews", "Not met, and what limits it")) + "<ul>"]
            parts += [f"<li>{_esc(t)}</li>" for t in self.unmet] + ["</ul>"]
        else:
            parts = [head(QCoreApplication.translate("PlanViews", "Every demand is met in full"))]
        if self.marginal:
            parts += [head(QCoreApplication.translate("PlanViews", "What more budget would bring")) + "<ul>"]
            parts += [f"<li>{_esc(t)}</li>" for t in self.marginal] + ["</ul>"]
        parts += [head(QCoreApplication.translate("PlanViews", "Demand met")) + "<ul>"]
        parts += [f"<li>{_esc(t)}</li>" for t in self.met] + ["</ul>"]
        return "".join(parts)


def _esc(text: str) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

"""The work order for one sol of the production plan: what the crew makes that day, at the machine.

The plan (``services/plan.py``, the plan file ``spacetrash.plan``) gives each period its batches; a
period's budgets may be spent on any of its sols. :func:`sol_schedule` spreads each period's batches
over its sols: batches that take the most of a daily budget first, each on the sol with the least work
so far (the largest share of a daily budget or a machine's loads it already uses, then the fewest
batches), the earliest such sol on a tie. :func:`build_day_work_order` turns one sol into a
:class:`DayWorkOrder`: a header (plan, sol and period, date, model, the sol's energy, water and crew
time against the daily budgets), what to make, and for each plan line the recipe's work order
(``services/workorder.build_work_order``: bill of materials, now also in kg for the sol's batches,
steps with their set points, hazards and safety notes, outputs, predicted properties, a blank "as made"
sheet). :func:`day_work_order_html` lays it out with the recipe work order's own sections.

The recipe of each line comes from the plan file's ``recipes`` (schema 1.1); a plan file without it
(1.0) still works: the recipe is rebuilt from the line's kg and scored again with the physics model.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from spacetrash_desktop._version import __version__
from spacetrash_desktop.catalog import load_catalog
from spacetrash_desktop.domain import Recipe, Target, WasteItem
from spacetrash_desktop.errors import BadInputError
from spacetrash_desktop.messages import msg
from spacetrash_desktop.services.inventory import current_inventory
from spacetrash_desktop.services.plan import PLAN_SCHEMA_ID, product_target
from spacetrash_desktop.services.workorder import (
    _CSS,
    PdfWriter,
    WorkOrder,
    _as_made_html,
    _batches_text,
    _bom_html,
    _e,
    _grid,
    _header_html,
    _model_label,
    _results_html,
    _safety_html,
    _steps_html,
    build_work_order,
    check_output,
    fmt_kg,
    missing_from,
    score_recipes,
    write_document,
)
from spacetrash_desktop.services.workorder_text import decimal, language, percent, words
from spacetrash_desktop.storage.json_files import read_json_document

BUDGETS = (  # (plan file budget key, the line's key, property title key, unit, decimals)
    ("kwh_per_sol", "energy_kwh", "energy_kwh", "kWh", 2),
    ("water_l_per_sol", "water_l", "water_l", "L", 2),
    ("crew_min_per_sol", "crew_min", "crew_min", "min", 0),
)


# ------------------------------------------------------------------------------------ the plan file
def check_plan(doc: Any, name: str = "the plan") -> Mapping[str, Any]:
    """``doc`` when it is a plan (``spacetrash.plan``) whose lines a work order can use; BadInputError
    naming what is wrong otherwise."""
    if not isinstance(doc, Mapping) or doc.get("schema") != PLAN_SCHEMA_ID:
        raise BadInputError(
            msg('{name} is not a Space Trash plan file (no "schema": "{schema}")', name=name, schema=PLAN_SCHEMA_ID)
        )
    lines, periods = doc.get("lines"), doc.get("periods")
    if not isinstance(lines, list) or not isinstance(periods, list):
        raise BadInputError(msg("{name} has no list of plan lines and periods", name=name))
    for k, ln in enumerate(lines, start=1):
        ok = isinstance(ln, Mapping) and all(
            isinstance(ln.get(f), int) and not isinstance(ln.get(f), bool)
            for f in ("period", "first_sol", "last_sol", "batches")
        )
        if not ok or not isinstance(ln.get("items_kg"), Mapping) or not ln.get("recipe_id"):
            raise BadInputError(
                msg("{name}: plan line {k} lacks its period, sols, batches, recipe or items", name=name, k=k)
            )
    return doc


def read_plan(path: Path | str) -> Mapping[str, Any]:
    """The plan file at ``path`` (``spacetrash plan --out plan.json`` or the Plan tab's export), checked."""
    shown = Path(path).name or str(path)
    if Path(path).suffix.lower() == ".csv":
        raise BadInputError(
            msg("{name} is the CSV form of the plan; use the JSON file (spacetrash plan --out x.json)", name=shown)
        )
    return check_plan(read_json_document(path, what="the plan file"), shown)


def horizon(doc: Mapping[str, Any]) -> int:
    """The plan's last sol."""
    h = (doc.get("inputs") or {}).get("horizon_sols")
    ends = [int(p.get("last_sol", 0)) for p in doc.get("periods", ()) if isinstance(p, Mapping)]
    return int(h) if isinstance(h, int) and h > 0 else max(ends, default=0)


# -------------------------------------------------------------------------------------- the sols
def _recipe_entry(doc: Mapping[str, Any], recipe_id: str) -> Mapping[str, Any]:
    recipes = doc.get("recipes")
    entry = recipes.get(recipe_id) if isinstance(recipes, Mapping) else None
    return entry if isinstance(entry, Mapping) else {}


def _per_batch_use(doc: Mapping[str, Any], line: Mapping[str, Any]) -> dict[str, float]:
    """What one batch of a plan line takes: kWh, L, crew minutes and ``machine:<process>`` loads."""
    n = max(1, int(line["batches"]))
    use = {key: _num(line.get(key)) / n for _b, key, _t, _u, _d in BUDGETS}
    loads = _num((_recipe_entry(doc, str(line["recipe_id"])).get("details") or {}).get("batches"), 1.0)
    use[f"machine:{line.get('process_id', '')}"] = max(loads, 1.0)
    return use


def _daily_caps(doc: Mapping[str, Any]) -> dict[str, float]:
    """The daily limits a sol's batches are spread against (an unlimited budget is left out)."""
    budgets = (doc.get("inputs") or {}).get("budgets") or {}
    caps = {key: _num(budgets.get(b), math.inf) for b, key, _t, _u, _d in BUDGETS}
    for pid, cap in (budgets.get("batches_per_sol") or {}).items():
        caps[f"machine:{pid}"] = _num(cap, math.inf)
    return {k: v for k, v in caps.items() if math.isfinite(v) and v > 0}


def sol_schedule(doc: Mapping[str, Any]) -> dict[int, dict[int, int]]:
    """Sol -> {index of the plan line: batches on that sol}, for every sol with work (see the module)."""
    caps = _daily_caps(doc)
    keys = list(caps)
    out: dict[int, dict[int, int]] = {}
    by_period: dict[tuple[int, int], list[int]] = {}
    for k, ln in enumerate(doc["lines"]):
        if ln["batches"] > 0:
            by_period.setdefault((int(ln["first_sol"]), int(ln["last_sol"])), []).append(k)
    for (first, last), idx in sorted(by_period.items()):
        sols = max(1, last - first + 1)
        load = np.zeros((sols, len(keys) + 1))  # share of each daily cap used, then batches
        jobs = []
        for k in idx:
            use = _per_batch_use(doc, doc["lines"][k])
            share = np.array([use.get(key, 0.0) / caps[key] for key in keys] + [1.0])
            jobs += [(k, share)] * int(doc["lines"][k]["batches"])
        jobs.sort(key=lambda job: -float(job[1][:-1].max(initial=0.0)))  # stable: plan order on a tie
        for k, share in jobs:
            after = load + share
            score = after[:, :-1].max(axis=1, initial=0.0) + 1e-9 * after[:, -1]
            s = int(np.argmin(score))
            load[s] = after[s]
            day = out.setdefault(first + s, {})
            day[k] = day.get(k, 0) + 1
    return {sol: dict(sorted(day.items())) for sol, day in sorted(out.items())}


def sols_with_work(doc: Mapping[str, Any]) -> list[int]:
    return list(sol_schedule(doc))


def _num(v: Any, default: float = 0.0) -> float:
    try:
        x = float(v)
    except (TypeError, ValueError):
        return default
    return x if not math.isnan(x) else default


# ------------------------------------------------------------------------------------- the document
@dataclass(frozen=True)
class UseLine:
    title: str
    used: str
    cap: str
    share: str
    over: bool = False


@dataclass(frozen=True)
class DayLine:
    """One plan line's work on the sol: its recipe's work order and the batches to make."""

    line_no: int  # 1-based, as the Plan tab numbers the plan's lines
    product: str
    batches: int
    batches_text: str  # "2 batches of 6 in the period"
    product_kg: str
    order: WorkOrder
    rebuilt: bool = False  # the recipe was scored again (a plan file without its recipes)


@dataclass(frozen=True)
class DayWorkOrder:
    plan_name: str
    sol: int
    period_line: str
    created: str
    model_label: str
    use: tuple[UseLine, ...]
    lines: tuple[DayLine, ...]
    warnings: tuple[str, ...] = ()
    lang: str = "en"

    @property
    def batches(self) -> int:
        return sum(d.batches for d in self.lines)


def _check_sol(doc: Mapping[str, Any], sol: int, schedule: Mapping[int, Mapping[int, int]]) -> None:
    last = horizon(doc)
    if not 1 <= sol <= last:
        raise BadInputError(
            msg("sol {sol} is outside this plan, which runs from sol 1 to sol {last}", sol=sol, last=last)
        )
    if sol not in schedule:
        if not schedule:
            raise BadInputError(msg("nothing is scheduled on sol {sol}: this plan has no batches at all", sol=sol))
        later = [s for s in schedule if s > sol]
        hint = (
            msg("the next sol with work is {sol}", sol=later[0])
            if later
            else msg("the last sol with work is {sol}", sol=max(schedule))
        )
        raise BadInputError(msg("nothing is scheduled on sol {sol} of this plan; {hint}", sol=sol, hint=hint))


def _items(items: Sequence[WasteItem]) -> list[WasteItem]:
    """The inventory a rebuilt recipe is scored from: ``items``, then the bundled lines they lack."""
    by_id = {i.item_id: i for i in load_catalog().default_inventory}
    by_id.update({i.item_id: i for i in items})
    return list(by_id.values())


def _rebuilt_recipe(entry: Mapping[str, Any], line: Mapping[str, Any]) -> Recipe:
    """The recipe of a plan line from the plan file's ``recipes`` entry, else from the line's kg."""
    if entry.get("items") and entry.get("process_id"):
        return Recipe(
            tuple((str(i["item_id"]), float(i["fraction"])) for i in entry["items"]),
            float(entry.get("regolith_frac", 0.0)),
            str(entry["process_id"]),
            float(entry.get("batch_mass_kg", 1.0)),
        )
    used = {str(i): _num(kg) for i, kg in line["items_kg"].items() if _num(kg) > 0}
    waste, regolith = sum(used.values()), _num(line.get("regolith_kg"))
    if waste <= 0 or not line.get("process_id"):
        raise BadInputError(
            msg("plan line for recipe {rid} lacks the kg of its items or its process", rid=line["recipe_id"])
        )
    return Recipe(
        tuple((i, kg / waste) for i, kg in used.items()),
        regolith / (waste + regolith),
        str(line["process_id"]),
        _num(line.get("product_kg")) / max(1, int(line["batches"])) or 1.0,
    )


def line_recipe(
    doc: Mapping[str, Any], line: Mapping[str, Any], target: Target | None, items: Sequence[WasteItem]
) -> tuple[Mapping[str, Any], bool]:
    """(the line's recipe as the result contract has it, whether it was scored again here)."""
    rid = str(line["recipe_id"])
    entry = _recipe_entry(doc, rid)
    if entry.get("mass_flow") and entry.get("properties") and entry.get("process_id"):
        return {**entry, "id": rid}, False
    recipe = _rebuilt_recipe(entry, line)
    pool = _items(items)
    known = {i.item_id for i in pool}
    missing = [i for i, _f in recipe.items if i not in known]
    if missing:
        raise BadInputError(
            msg(
                "recipe {rid} of this plan uses {items}, which the inventory no longer has, and the "
                "plan file does not hold the recipe itself: make the plan again",
                rid=rid,
                items=", ".join(missing),
            )
        )
    if target is None:
        raise BadInputError(msg("recipe {rid} of this plan is for a product this version does not know", rid=rid))
    cand = score_recipes([recipe], pool, target)[0]
    return {**cand.to_dict(), "id": rid}, True


def _target(product_id: str) -> Target | None:
    try:
        return product_target(product_id)
    except BadInputError:
        return None


def _product_names(doc: Mapping[str, Any]) -> dict[str, str]:
    demands = (doc.get("inputs") or {}).get("demands") or ()
    return {str(d.get("product_id")): str(d.get("product_name") or "") for d in demands if isinstance(d, Mapping)}


def _use_lines(
    doc: Mapping[str, Any], day: Mapping[int, int], lang: str, process_names: Mapping[str, str]
) -> tuple[UseLine, ...]:
    t = words(lang)
    budgets = (doc.get("inputs") or {}).get("budgets") or {}
    used: dict[str, float] = {}
    for k, n in day.items():
        for key, per in _per_batch_use(doc, doc["lines"][k]).items():
            used[key] = used.get(key, 0.0) + per * n
    out = []
    for b, key, title_key, unit, places in BUDGETS:
        cap = _num(budgets.get(b), math.inf)
        out.append(_use_line(t.property_titles[title_key][0], used.get(key, 0.0), cap, unit, places, lang))
    machines = budgets.get("batches_per_sol") or {}
    for key in sorted(k for k in used if k.startswith("machine:")):
        pid = key.split(":", 1)[1]
        title = t.text["machine"].format(process=process_names.get(pid, pid))
        out.append(_use_line(title, used[key], _num(machines.get(pid), math.inf), "", 0, lang))
    return tuple(out)


def _use_line(title: str, used: float, cap: float, unit: str, places: int, lang: str) -> UseLine:
    t = words(lang).text

    def fig(x: float) -> str:
        whole = abs(x - round(x)) < 1e-9 or x >= 1000
        text = decimal(x, 0 if whole else places, lang)
        return f"{text} {unit}".strip()

    if not math.isfinite(cap):
        return UseLine(title, fig(used), t["unlimited"], "–")
    share = used / cap if cap > 0 else math.inf
    shown = percent(share, lang) if math.isfinite(share) else "–"
    return UseLine(title, fig(used), fig(cap), shown, used > cap * (1 + 1e-9))


def build_day_work_order(
    doc: Mapping[str, Any],
    sol: int,
    *,
    items: Sequence[WasteItem] = (),
    plan_name: str = "",
    now: _dt.datetime | None = None,
    lang: str = "en",
) -> DayWorkOrder:
    """The work order of sol ``sol`` of the plan ``doc`` (a plan file's JSON, or ``plan_to_dict`` of the
    plan in the window), in ``lang``. ``items``: the inventory a line's recipe is scored from when the
    plan file lacks it. BadInputError for a sol outside the plan or one with nothing scheduled."""
    lang = language(lang)
    doc = check_plan(doc, plan_name or "the plan")
    schedule = sol_schedule(doc)
    _check_sol(doc, sol, schedule)
    day = schedule[sol]
    t = words(lang).text
    when = now or _dt.datetime.now()
    model = doc.get("model") if isinstance(doc.get("model"), Mapping) else None
    names = _product_names(doc)
    lines = []
    for k, n in day.items():
        ln = doc["lines"][k]
        target = _target(str(ln["product_id"]))
        recipe, rebuilt = line_recipe(doc, ln, target, items)
        tgt = target.to_dict() if target is not None else {"name": names.get(str(ln["product_id"]), "")}
        order = build_work_order(recipe, tgt, None if rebuilt else model, items=_items(items), now=when, lang=lang)
        product = order.target_name if target is not None else str(names.get(str(ln["product_id"])) or ln["product_id"])
        per_batch = _num(ln.get("product_kg")) / max(1, int(ln["batches"]))
        lines.append(
            DayLine(
                line_no=k + 1,
                product=product,
                batches=n,
                batches_text=t["of_period"].format(batches=_batches_text(n, lang), total=ln["batches"]),
                product_kg=fmt_kg(per_batch * n, lang),
                order=order,
                rebuilt=rebuilt,
            )
        )
    first_line = doc["lines"][next(iter(day))]
    first, last, period_no = first_line["first_sol"], first_line["last_sol"], int(first_line["period"]) + 1
    process_names = {d.order.process_id: d.order.process_name for d in lines}
    use = _use_lines(doc, day, lang, process_names)
    warnings = tuple(
        t["over_budget"].format(budget=u.title.lower(), used=u.used, cap=u.cap) for u in use[: len(BUDGETS)] if u.over
    )
    created = str(doc.get("created_at") or "")[:16].replace("T", " ")
    name = " · ".join(x for x in (plan_name, t["plan_made"].format(date=created) if created else "") if x)
    return DayWorkOrder(
        plan_name=name or "–",
        sol=sol,
        period_line=t["period_line"].format(sol=f"{t['sol']} {sol}", period=period_no, first=first, last=last),
        created=when.strftime("%Y-%m-%d %H:%M"),
        model_label=_model_label(model, lang) if model is not None or any(d.rebuilt for d in lines) else "–",
        use=use,
        lines=tuple(lines),
        warnings=warnings,
        lang=lang,
    )


# ------------------------------------------------------------------------------------------- HTML
def _day_header_html(o: DayWorkOrder) -> str:
    t = words(o.lang).text
    rows = [
        (t["plan"], o.plan_name),
        (t["sol"], o.period_line),
        (t["model"], o.model_label),
        (t["date"], o.created),
    ]
    body = "".join(f"<tr><td width='18%'><b>{_e(a)}</b></td><td>{_e(b)}</td></tr>" for a, b in rows)
    use = _grid(
        [t["budget"], t["used"], t["daily_budget"], t["share_used"]],
        [[_e(u.title), f"<b>{_e(u.used)}</b>" if u.over else _e(u.used), _e(u.cap), _e(u.share)] for u in o.use],
        (46, 18, 18, 18),
        (1, 2, 3),
    )
    warn = "".join(f"<p class='warn'>⚠ {_e(w)}</p>" for w in o.warnings)
    what = _grid(
        [t["line_no"], t["product_col"], t["recipe"], t["process"], t["batches"], t["product"]],
        [
            [
                str(d.line_no),
                _e(d.product),
                _e(d.order.recipe_id),
                _e(d.order.process_name),
                _e(d.batches_text),
                _e(d.product_kg),
            ]
            for d in o.lines
        ],
        (7, 22, 17, 24, 17, 13),
        (0, 5),
    )
    return (
        f"<h1>{_e(t['day_title'].format(sol=o.sol))}</h1><table cellpadding='2'>{body}</table>"
        f"<h2>{_e(t['day_use'])}</h2>{use}{warn}<h2>{_e(t['day_lines'])}</h2>{what}"
        f"<p class='small'>{_e(t['schedule_note'])}</p>"
    )


def _line_html(o: DayWorkOrder, d: DayLine) -> str:
    t = words(o.lang).text
    title = t["line_title"].format(n=d.line_no, product=d.product)
    extra = [(t["sol"], f"{o.sol} · {d.batches_text}")]
    head = _header_html(d.order, title, extra)
    rebuilt = f"<p class='small'>{_e(t['rebuilt'])}</p>" if d.rebuilt else ""
    return (
        f"<div style='page-break-before: always'></div>{head}{rebuilt}"
        + _bom_html(d.order, d.batches)
        + _safety_html(d.order)
        + _results_html(d.order)
        + _steps_html(d.order, d.batches)
        + _as_made_html(d.order, d.batches)
    )


def day_work_order_html(o: DayWorkOrder) -> str:
    """The sol's work order as one HTML page (Qt's rich-text subset, like the recipe's): a cover sheet
    (the sol, its use of the daily budgets, what to make), then for each plan line the recipe's work
    order: summary sheet from a new page, the procedure, the "as made" sheet."""
    t = words(o.lang).text
    foot = t["footer"].format(app=t["app"], version=__version__, date=o.created)
    body = _day_header_html(o) + "".join(_line_html(o, d) for d in o.lines) + f"<p class='small'>{_e(foot)}</p>"
    title = t["day_title"].format(sol=o.sol)
    return (
        f"<!DOCTYPE html><html lang='{o.lang}'><head><meta charset='utf-8'>"
        f"<title>{_e(title)}</title><style>{_CSS}</style></head><body>{body}</body></html>"
    )


def day_missing_from(text: str | Sequence[str], day: DayWorkOrder) -> list[str]:
    """What of any line's steps, set points, tolerances and hazards a rendering of the day lacks."""
    return [w for d in day.lines for w in missing_from(text, d.order)]


def write_day_work_order(
    plan_path: Path | str,
    sol: int,
    out: Path | str,
    *,
    pdf_writer: PdfWriter | None = None,
    lang: str = "en",
) -> DayWorkOrder:
    """``spacetrash workorder --plan``: the work order of sol ``sol`` of a plan file as ``.html`` or
    ``.pdf`` (a PDF needs ``pdf_writer``, Qt's, from the window layer), in ``lang``."""
    out = check_output(out, pdf_writer)
    doc = read_plan(plan_path)
    items, _source = current_inventory()
    order = build_day_work_order(doc, sol, items=items, plan_name=Path(plan_path).name, lang=lang)
    write_document(day_work_order_html(order), out, pdf_writer)
    return order

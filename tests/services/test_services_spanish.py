"""The services' crew-facing sentences (a recipe's explanation, the recommendation line, a stock
refusal, a trial's cost and the trial plan's note, a plan's summary and the what-if progress) are Spanish when the window speaks
Spanish and exactly the old English otherwise."""

from __future__ import annotations

import pytest

from spacetrash_desktop import messages
from spacetrash_desktop.context import RunContext
from spacetrash_desktop.domain import Recipe, WasteItem
from spacetrash_desktop.engine.plan import Budgets, Demand, PlanCandidate, PlanRequest
from spacetrash_desktop.errors import BadInputError
from spacetrash_desktop.services import plan as plan_service
from spacetrash_desktop.services import production as P
from spacetrash_desktop.services.explain import explain_recipe
from spacetrash_desktop.services.generate import generate, physics_scorer, recipe_line, recommendation_line
from spacetrash_desktop.services.suggest import TrialPlan, plan_trials


@pytest.fixture(scope="module")
def searched(catalog):
    items = list(catalog.default_inventory)
    result = generate(items, catalog.targets["insulation"], scorer=physics_scorer(), max_evals=1500, seed=0)
    return items, result


@pytest.fixture
def language():
    """Sets the messages' language for one test; English again afterwards, whatever happens."""
    yield messages.set_language
    messages.set_language("en")


def es_number(x: float, spec: str) -> str:
    """How a Spanish sentence writes ``x`` with ``spec``: decimal comma, point between thousands, '78 %'."""
    out = format(x, spec).translate(str.maketrans({".": ",", ",": "."}))
    return out[:-1] + " %" if out.endswith("%") else out


def _explained(searched, lang: str, set_language) -> dict:
    items, result = searched
    cand = next(c for c in result.candidates if c.feasible)
    set_language(lang)
    return explain_recipe(cand.recipe, items, scorer=physics_scorer())


def test_a_generated_recipes_explanation_is_spanish_and_the_english_is_unchanged(searched, language):
    en = _explained(searched, "en", language)
    es = _explained(searched, "es", language)
    assert en["notes"] == ["The physics model alone made this prediction; the lines show its own terms."]
    assert es["notes"] == ["Esta predicción la hizo solo el modelo físico; las líneas muestran sus propios términos."]

    rig_en = [d["label"] for d in en["properties"]["rigidity"]["physics_drivers"]]
    rig_es = [d["label"] for d in es["properties"]["rigidity"]["physics_drivers"]]
    assert rig_en[0].startswith("Stiffness of the materials (") and rig_en[0].endswith(" GPa, rule of mixtures)")
    assert rig_es[0] == rig_en[0].replace("Stiffness of the materials", "Rigidez de los materiales").replace(
        "rule of mixtures", "regla de las mezclas"
    ).replace(".", ",")  # the decimal comma
    por = next(x for x in rig_en if x.startswith("Porosity ("))
    assert por.replace("Porosity", "Porosidad").replace(".", ",").replace("%", " %") in rig_es
    assert "Poor adhesion between different polymers" in rig_en
    assert "Mala adhesión entre polímeros distintos" in rig_es

    # the same numbers in both languages; the perfect seal is where the tightness sum starts in both
    for name in en["properties"]:
        assert [d["value"] for d in en["properties"][name]["physics_drivers"]] == [
            d["value"] for d in es["properties"][name]["physics_drivers"]
        ]
    assert en["properties"]["tightness"]["breakdown"]["start"] == {"label": "Perfect seal", "value": 1.0}
    assert es["properties"]["tightness"]["breakdown"]["start"] == {"label": "Sellado perfecto", "value": 1.0}
    assert en["properties"]["energy_kwh"]["breakdown"]["rest"]["label"] == "The other terms"
    assert es["properties"]["energy_kwh"]["breakdown"]["rest"]["label"] == "Los demás términos"
    energy_es = [d["label"] for d in es["properties"]["energy_kwh"]["physics_drivers"]]
    assert any(x.startswith("Calentar la carga a ") for x in energy_es), energy_es
    assert not any(x.startswith("Heating") for x in energy_es)


def test_the_recommendation_line_is_spanish_and_the_english_is_unchanged(searched, language):
    _, result = searched
    cand = result.recommended
    assert cand is not None
    language("en")
    line_en = recommendation_line(result)
    assert line_en is not None and line_en.startswith(f"recommended: {recipe_line(cand)} | ")
    language("es")
    line_es = recommendation_line(result)
    assert line_es is not None and line_es.startswith(f"recomendada: {recipe_line(cand)} | ")
    if cand.recipe.regolith_frac:
        assert f" + regolito {cand.recipe.regolith_frac:.0%}" in line_es


def test_a_stock_refusal_is_spanish_and_the_english_is_unchanged(catalog, language):
    items = list(catalog.default_inventory)
    a = items[0]
    need = [(a.item_id, a.mass_kg + 1.0), ("NOPE", 1.0)]
    language("en")
    with pytest.raises(BadInputError) as en:
        P.apply_to_inventory(items, need)
    language("es")
    with pytest.raises(BadInputError) as es:
        P.apply_to_inventory(items, need)
    have = P._kg(a.mass_kg)
    want = P._kg(a.mass_kg + 1.0)
    assert en.value.message == (
        f"Not enough stock to record this: {a.name} needs {want}, only {have} in stock; NOPE is not in the inventory."
    )
    assert es.value.message == (
        f"No hay existencias suficientes para registrar esto: {a.name} necesita {want}, solo hay {have} en "
        "existencias; NOPE no está en el inventario."
    )


def test_a_trials_cost_and_the_plans_note_are_spanish_and_the_english_is_unchanged(searched, language):
    items, result = searched
    plan = plan_trials(result, items, n=2, feedback_rows=[])
    trial = plan.suggestions[0]
    stock = ", ".join(f"{kg:.2f} kg {name}" for _, name, kg in trial.stock_kg)
    language("en")
    assert trial.cost_text == f"{stock}; {trial.energy_kwh:.2f} kWh; {trial.crew_min:.0f} min of crew time"
    assert plan.note == (
        f"{len(plan.suggestions)} trial(s) from {plan.candidates} feasible recipes; 0 crew report(s) already count."
    )
    empty = TrialPlan(result.target, [], 0, 0)
    assert empty.note == "No feasible recipe for this target and inventory: nothing to try."
    language("es")
    stock_es = ", ".join(f"{es_number(kg, '.2f')} kg de {name}" for _, name, kg in trial.stock_kg)
    assert trial.cost_text == (
        f"{stock_es}; {es_number(trial.energy_kwh, '.2f')} kWh; {trial.crew_min:.0f} min de tiempo de tripulación"
    )
    assert plan.note == (
        f"{len(plan.suggestions)} ensayo(s) entre {plan.candidates} recetas viables; ya cuentan 0 informe(s) de "
        "la tripulación."
    )
    assert empty.note == "No hay ninguna receta viable para este objetivo e inventario: nada que probar."
    with pytest.raises(BadInputError, match="presupuesto de tiempo de tripulación"):
        plan_trials(result, items, n=2, budget_crew_min=0.0, feedback_rows=[])


def _tiny_plan() -> tuple[PlanRequest, dict[str, list[PlanCandidate]]]:
    """Two products from two items; the energy budget leaves the second product short."""
    inventory = (
        WasteItem("W1", "Foam", "packing", (("pe", 1.0),), 40.0, difficulty=3),
        WasteItem("W2", "Cloth", "textiles", (("cotton", 1.0),), 400.0, difficulty=1),
    )

    def cand(pid, rid, items, energy):
        return PlanCandidate(
            rid, pid, "press", Recipe(tuple((i, 1 / len(items)) for i in items), 0.0, "press"), rid,
            1.0, 1.0, items, 0.0, energy, 0.1, 20.0, items.get("W1", 0.0),
        )  # fmt: skip

    candidates = {
        "cc_banner": [cand("cc_banner", "RA", {"W1": 1.0}, 1.0), cand("cc_banner", "RB", {"W2": 2.0}, 4.0)],
        "cc_small_gifts": [cand("cc_small_gifts", "RC", {"W2": 1.0}, 2.0)],
    }
    demands = (Demand("cc_banner", "Banner", 60, "units", 1), Demand("cc_small_gifts", "Small gifts", 60, "units", 2))
    req = PlanRequest(demands, inventory, Budgets(2.5, 10.0, 600.0, {"press": 5}), horizon_sols=90, period_sols=30)
    return req, candidates


def test_a_plans_summary_and_what_if_progress_are_spanish_and_the_english_is_unchanged(language):
    req, cands = _tiny_plan()
    result = plan_service.solve(req, cands)
    obj = result.objective
    (unmet,) = result.unmet
    language("en")
    en = plan_service.summary_lines(result)
    made = sum(ln.batches for ln in result.lines)
    assert en[0] == (
        f"plan: {len(result.lines)} lines, {made:,} batches over 90 sols; "
        f"solver {result.status}, gap {result.gap:.2%}, {result.solve_seconds:.2f} s"
    )
    assert en[1].startswith(f"demand met: {obj.demand_met_share:.1%} (priority-weighted {obj.demand_score:.1%}); ")
    assert f"unmet: Small gifts short by {unmet.short_quantity:,.0f} units: {unmet.reason}" in en
    language("es")
    es = plan_service.summary_lines(result)
    assert es[0].startswith(
        f"plan: {len(result.lines)} líneas, {es_number(made, ',')} lotes en 90 soles; solucionador "
    )
    assert es[1].startswith(f"demanda cubierta: {es_number(obj.demand_met_share, '.1%')} (ponderada por prioridad ")
    assert "prioridad 1: 100 %" in es[1]
    assert (
        f"sin cubrir: a Small gifts le faltan {es_number(unmet.short_quantity, ',.0f')} unidades: {unmet.reason}" in es
    )

    said: list[str] = []
    ctx = RunContext(on_progress=lambda done, total, message: said.append(message))
    plan_service.sweep_budget(req, cands, "kwh", [2.0], ctx=ctx)
    assert said[0] == "Hipótesis: kwh = 2 por sol" and said[-1] == "Hipótesis terminadas"
    language("en")
    said.clear()
    plan_service.sweep_budget(req, cands, "kwh", [2.0], ctx=ctx)
    assert said[0] == "What-if: kwh = 2 per sol" and said[-1] == "What-if done"

"""The engine's crew-facing sentences in the window's language (issue 14, item 3): with Spanish set,
a real vetting of a refused and a flagged recipe, the recommendation's reason and rule, a plan's
unmet-demand reasons, its progress lines and what one more unit of budget would bring come in Spanish;
in English the same calls give exactly the sentences they always gave."""

from __future__ import annotations

import math
from types import SimpleNamespace

import pytest

from spacetrash_desktop.context import RunContext
from spacetrash_desktop.domain import Recipe, Target
from spacetrash_desktop.engine.physics import score_physics
from spacetrash_desktop.engine.plan import UNLIMITED, Budgets, Demand, PlanRequest, solve_plan
from spacetrash_desktop.engine.recipes import from_recipes
from spacetrash_desktop.engine.recommend import RULE_TEXT, recommendation_reason, recommendation_summary
from spacetrash_desktop.engine.tables import compile_tables
from spacetrash_desktop.engine.vetting import HAZARD_FLAGS, explain, vet
from spacetrash_desktop.messages import set_language
from tests.engine.test_plan import cand, item

# the messages built from dataset text only (already translated by the catalog, not by the engine)
DATA_CODES = {*HAZARD_FLAGS, "PROCESS_NOTE"}


@pytest.fixture(scope="module")
def tables(catalog):
    return compile_tables(catalog, list(catalog.default_inventory))


@pytest.fixture
def lang():
    """Switch the engine's language for a call; English again afterwards whatever happens."""
    yield set_language
    set_language("en")


def _reasons(catalog, tables, items, proc, target_id, lang_code):
    b = from_recipes(tables, [Recipe(items=tuple(items), regolith_frac=0.0, process_id=proc, batch_mass_kg=1.0)])
    ph = score_physics(tables, b, 1.0)
    target = catalog.targets[target_id]
    props = ph.objectives()
    v = vet(tables, b, ph, target, props)
    set_language(lang_code)
    try:
        reasons = explain(tables, b, 0, int(v.flags[0]), ph, target, props[0])
    finally:
        set_language("en")
    return str(v.status()[0]), {r["code"]: r["message"] for r in reasons}


def _name(tables, material_id):
    return tables.material_names[tables.material_ids.index(material_id)]


def test_a_refused_recipe_gives_its_reasons_in_spanish_and_the_old_english(catalog, tables, lang):
    """PVDF foam in the heat-melt compactor: refused; every engine sentence translated."""
    args = (catalog, tables, [("W001", 1.0)], "heat_melt_compaction", "interior_panel")
    status, en = _reasons(*args, "en")
    _, es = _reasons(*args, "es")
    pvdf = _name(tables, "pvdf")
    assert status == "refused" and en.keys() == es.keys()
    assert en["HEATED_HAZARD"] == (
        f"Heating {pvdf} releases hydrogen fluoride (HF) and PFAS; it must never go into a heated process. "
        "Use it mechanically only."
    )
    assert es["HEATED_HAZARD"] == (
        f"Calentar {pvdf} libera fluoruro de hidrógeno (HF) y PFAS; nunca debe entrar en un proceso con calor. "
        "Úselo solo por medios mecánicos."
    )
    assert en["HOT_SURFACE"] == "Hot surfaces at 160 °C: wait for cool-down before handling."
    assert es["HOT_SURFACE"] == "Superficies calientes a 160 °C: espere a que se enfríen antes de manipular."
    assert en["RIGIDITY_LOW"] == "Rigidity 0.00 is below the target's 0.55."
    assert es["RIGIDITY_LOW"] == "La rigidez 0,00 está por debajo del mínimo del objetivo, 0,55."
    assert en["NO_CONSOLIDATION"].startswith("Only 0% of the volume melts at 160 °C; ")
    assert en["NO_CONSOLIDATION"].endswith(" needs 20%: the tile would crumble.")
    assert es["NO_CONSOLIDATION"].startswith("Solo el 0 % del volumen se funde a 160 °C; ")
    assert es["NO_CONSOLIDATION"].endswith(" necesita un 20 %: la baldosa se desmoronaría.")
    assert " cannot take " in en["REFUSED_MATERIAL"] and " no admite " in es["REFUSED_MATERIAL"]
    for code in en.keys() - DATA_CODES:
        assert es[code] != en[code], code


def test_flagged_recipes_give_their_warnings_in_spanish(catalog, tables, lang):
    """A feasible recipe with a handling warning, and a foil laminate in the hot press."""
    status, en = _reasons(catalog, tables, [("W018", 1.0)], "foam_cut_reuse", "insulation", "en")
    _, es = _reasons(catalog, tables, [("W018", 1.0)], "foam_cut_reuse", "insulation", "es")
    assert status == "feasible"
    assert en["MICROPLASTICS"] == (
        "Shredding makes microplastic dust: run it enclosed with the HEPA filter and keep the fines out of the "
        "water loop."
    )
    assert es["MICROPLASTICS"].startswith("La trituración produce polvo de microplásticos")

    args = (catalog, tables, [("W009", 0.5), ("W018", 0.5)], "hot_press_lamination", "interior_panel")
    _, en = _reasons(*args, "en")
    _, es = _reasons(*args, "es")
    assert en["ALUMINIUM_FLAKES"] == (
        "Aluminium foil layers do not melt: they stay in the product as flakes. Separate them first if you can."
    )
    assert es["ALUMINIUM_FLAKES"] == (
        "Las capas de papel de aluminio no se funden: quedan en el producto como escamas. Sepárelas antes si puede."
    )
    assert es["HOT_SURFACE"] == "Superficies calientes a 150 °C: espere a que se enfríen antes de manipular."


def test_the_recommendation_reason_and_rule_in_spanish_and_the_old_english(lang):
    target = Target("t", "T", rigidity_min=0.5, tightness_min=0.4, max_energy_kwh=2.0, max_water_l=1.0)
    sure = SimpleNamespace(
        recipe_id="R1",
        recommended=True,
        p_meets_target=0.975,
        preference=0.78,
        values={"energy_kwh": 0.312, "crew_min": 12.2},
        ood=False,
    )
    unsure = SimpleNamespace(**{**sure.__dict__, "p_meets_target": 0.5, "ood": True})
    en = recommendation_reason(sure, target)
    assert (
        en
        == "Recommended: 97% chance of meeting every requirement; 78% problematic waste; 0.31 kWh, 12 min of crew time per batch"
    )
    assert recommendation_reason(unsure, target, label=False) == (
        "with care: only 50% chance of meeting every requirement (no recipe found reaches 90%); 78% problematic "
        "waste; 0.31 kWh, 12 min of crew time per batch; far from the model's training data, so its intervals "
        "were taken twice as wide"
    )
    assert recommendation_summary([sure], target)["rule"] == RULE_TEXT
    lang("es")
    assert recommendation_reason(sure, target) == (
        "Recomendada: 97 % de probabilidad de cumplir todos los requisitos; 78 % de residuos problemáticos; "
        "0,31 kWh, 12 min de tiempo de tripulación por lote"
    )
    care = recommendation_reason(unsure, target)
    assert care.startswith("Recomendada con cautela: solo 50 % de probabilidad") and "lejos de los datos" in care
    summary = recommendation_summary([sure], target)
    assert summary["rule"].startswith("Orden: primero las recetas con al menos un 90 % de probabilidad")
    assert summary["reason"].startswith("Recomendada: 97 %")


def _energy_bound_plan(ctx=None):
    candidates = {"P": [cand("P", "R1", {"W1": 1.0}, energy=10.0)]}
    request = PlanRequest(
        (Demand("P", "Panel", 100, "units", 1),),
        (item("W1", 1000.0),),
        Budgets(2.0, math.inf, math.inf, {}),
        horizon_sols=100,
        period_sols=25,
        marginal=True,
    )
    return solve_plan(request, candidates, ctx=ctx)


def test_an_unmet_demand_and_the_marginal_value_in_spanish_and_the_old_english(lang):
    seen: list[str] = []
    en = _energy_bound_plan(RunContext(on_progress=lambda _d, _t, m: seen.append(m)))
    assert en.unmet[0].reason == "energy cap on sols 1-100"
    energy = next(m for m in en.marginal if m.budget == "kwh")
    assert energy.text == (
        "One more kWh of energy per sol (3 kWh instead of 2): +8.0 points of weighted demand met, "
        "+8 kg of waste diverted."
    )
    assert "Planning: demand of priority 1" in seen and "Planning: waste diverted" in seen
    assert "Planning: what one more kWh of energy per sol would bring" in seen

    lang("es")
    seen.clear()
    es = _energy_bound_plan(RunContext(on_progress=lambda _d, _t, m: seen.append(m)))
    assert es.unmet[0].reason == "límite de energía en los soles 1-100"
    assert es.unmet[0].limits == en.unmet[0].limits == ("energy",)  # keys stay codes
    energy_es = next(m for m in es.marginal if m.budget == "kwh")
    assert energy_es.text == (
        "Un kWh más de energía por sol (3 kWh en lugar de 2): +8,0 puntos de demanda ponderada satisfecha, "
        "+8 kg de residuos aprovechados."
    )
    assert "Planificando: demanda de prioridad 1" in seen and "Planificando: residuos aprovechados" in seen
    assert es.stage_gaps.keys() == en.stage_gaps.keys()  # machine keys of the result file stay English


def test_an_item_that_runs_out_in_spanish(lang):
    inventory = (item("W1", 10.0), item("W2", 500.0))
    candidates = {"P": [cand("P", "R1", {"W1": 1.0})], "Q": [cand("Q", "R2", {"W2": 1.0})]}
    demands = (Demand("P", "Panel", 25, "units", 1), Demand("Q", "Quilt", 5, "units", 2))
    request = PlanRequest(demands, inventory, UNLIMITED, horizon_sols=60, period_sols=10, marginal=False)
    (en,) = solve_plan(request, candidates).unmet
    lang("es")
    (es,) = solve_plan(request, candidates).unmet
    sol = en.reason.removeprefix("Item W1 runs out on sol ")
    assert sol.isdigit()
    assert es.reason == f"Item W1 se agota el sol {sol}"

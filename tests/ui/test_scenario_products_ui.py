"""Issue 12 item 5 in the window: choosing a scenario in the Target tab runs the search for each
of its products, and the Candidates tab shows the recipes grouped by product."""

from __future__ import annotations

from tests.ui.conftest import run_to_end
from tests.ui.test_target_tab import pick


def test_a_scenario_is_searched_per_product_and_shown_grouped_by_product(qtbot, make_main_window, catalog):
    w = make_main_window()
    w.ctx.generate_options = {**w.ctx.generate_options, "max_evals": 1500, "seed": 1}
    pick(w.target_tab.scenario_combo, "cosmic_celebrations")
    assert "3 products" in w.target_tab.status.text()
    assert run_to_end(qtbot, w) == "finished"
    picker = w.candidates_tab.products
    scenario = catalog.targets["cosmic_celebrations"]
    assert picker.isVisible() and picker.combo.count() == len(scenario.products)
    shown = []
    for i, product in enumerate(scenario.products):
        picker.combo.setCurrentIndex(i)
        view = w.ctx.results.view
        assert view.target.target_id == product.target_id and picker.combo.itemText(i).startswith(product.name)
        rec = view.candidate(view.recommended)
        assert rec is not None and rec.recommended
        assert {it for it, _ in rec.recipe.items} & set(product.preferred_items)
        assert view.run.target.target_id == product.target_id  # the work order and bars use the product
        assert product.name in w.candidates_tab.target_label.text()  # the product's own limits
        assert "★" in picker.combo.itemText(i) and rec.recipe_id in picker.combo.itemText(i)
        shown.append(w.candidates_tab.model.rowCount())
        # the counts line speaks of this product's table, not the first product's
        assert f"Kept the best {len(view):,} for the table" in w.candidates_tab.counts.text()
    assert all(n > 0 for n in shown)
    # a preset is one search again: the product selector goes away
    pick(w.target_tab.preset_combo, "container")
    assert run_to_end(qtbot, w) == "finished"
    assert not picker.isVisible() and w.ctx.results.view.target.target_id == "container"

"""services.suggest: the journal's reports count as information; the plan's JSON form."""

from __future__ import annotations

import pytest

from spacetrash_desktop.errors import BadInputError
from spacetrash_desktop.services.feedback import build_feedback_row, record_feedback
from spacetrash_desktop.services.generate import generate, physics_scorer
from spacetrash_desktop.services.suggest import plan_trials


@pytest.fixture(scope="module")
def searched(catalog):
    items = list(catalog.default_inventory)
    return items, generate(items, catalog.targets["insulation"], scorer=physics_scorer(), seed=0)


def test_a_report_in_the_journal_counts_and_lowers_what_its_recipe_would_teach(searched):
    items, result = searched
    before = plan_trials(result, items, n=2)
    assert before.feedback_rows == 0 and before.suggestions
    top = before.suggestions[0]
    record_feedback(
        build_feedback_row(top.candidate, result.target, rigidity=0.4, rigidity_method="measured", rigidity_how="bend")
    )
    after = plan_trials(result, items, n=2)
    assert after.feedback_rows == 1
    same = [s for s in after.suggestions if s.candidate.recipe_id == top.candidate.recipe_id]
    assert not same or same[0].score < top.score
    d = after.to_dict()
    assert d["feedback_rows_counted"] == 1 and len(d["suggestions"]) == len(after.suggestions)


def test_plan_refuses_a_nonsense_request(searched):
    items, result = searched
    with pytest.raises(BadInputError, match="at least one trial"):
        plan_trials(result, items, n=0, feedback_rows=[])
    with pytest.raises(BadInputError, match="crew-time budget"):
        plan_trials(result, items, n=2, budget_crew_min=0.0, feedback_rows=[])

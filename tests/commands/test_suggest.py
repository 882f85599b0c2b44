"""``spacetrash suggest``: the next trials with what they teach and cost, JSON, one-line errors."""

from __future__ import annotations

import json

from spacetrash_desktop.cli import run


def test_suggest_prints_and_writes_the_trials_within_the_budget(tmp_path, capsys):
    out = tmp_path / "trials.json"
    argv = ["suggest", "--n", "3", "--target", "insulation", "--budget-kwh", "50", "--budget-crew-min", "600"]
    assert run([*argv, "--json", str(out)]) == 0
    text = capsys.readouterr().out
    data = json.loads(out.read_text())
    assert 1 <= len(data["suggestions"]) <= 3
    assert sum(s["cost"]["energy_kwh"] for s in data["suggestions"]) <= 50
    assert sum(s["cost"]["crew_min"] for s in data["suggestions"]) <= 600
    first = data["suggestions"][0]
    assert first["recipe_id"] in text and "teaches:" in text and "costs:" in text
    assert first["cost"]["stock_kg"] and first["teaches"]


def test_suggest_refuses_a_bad_count_or_budget_in_one_line(capsys):
    assert run(["suggest", "--n", "0"]) != 0
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "--n" in err
    assert run(["suggest", "--n", "2", "--target", "insulation", "--budget-kwh", "-1"]) != 0
    assert "energy budget must be a positive number" in capsys.readouterr().err

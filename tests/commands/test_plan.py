"""``spacetrash plan``: a plan file on the versioned contract and a short summary; bad input is one
line on stderr with exit 1."""

from __future__ import annotations

import csv
import json

import pytest

from spacetrash_desktop.cli import run

FAST = ["--max-evals", "300", "--physics-only", "--no-marginal"]


@pytest.mark.slow
def test_plan_one_scenario_writes_json_and_csv(tmp_path, capsys):
    demands = tmp_path / "d.csv"
    demands.write_text("product_id,quantity,unit,priority\ncc_banner,4,units,1\ncc_small_gifts,3,units,2\n")
    budgets = tmp_path / "b.json"
    budgets.write_text(json.dumps({"kwh_per_sol": 10, "water_l_per_sol": 1, "crew_min_per_sol": 120}))
    out = tmp_path / "plan.json"
    code = run(
        ["plan", "--demands", str(demands), "--budgets", str(budgets), "--horizon", "60", "--period", "10",
         "--out", str(out), *FAST]
    )  # fmt: skip
    assert code == 0
    text = capsys.readouterr().out
    assert "demand met:" in text and "solver" in text and f"wrote {out}" in text
    doc = json.loads(out.read_text())
    assert doc["schema"] == "spacetrash.plan"
    assert doc["inputs"]["horizon_sols"] == 60 and len(doc["periods"]) == 6
    assert doc["inputs"]["budgets"]["kwh_per_sol"] == 10
    assert [d["product_id"] for d in doc["inputs"]["demands"]] == ["cc_banner", "cc_small_gifts"]
    made = {}
    for line in doc["lines"]:
        made[line["product_id"]] = made.get(line["product_id"], 0) + line["batches"]
    assert made == {"cc_banner": 4, "cc_small_gifts": 3}  # plenty of stock and budget: exactly what was asked
    csv_out = tmp_path / "plan.csv"
    assert run(["plan", "--demands", "scenario", "cosmic_celebrations", "--out", str(csv_out), *FAST]) == 0
    rows = list(csv.DictReader(csv_out.read_text(encoding="utf-8-sig").splitlines()))
    assert rows and {"period", "product_id", "recipe_id", "batches"} <= set(rows[0])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--out", "plan.txt"], "--out must end in .json or .csv"),
        (["--demands", "missing.csv", "--out", "p.json"], "demands file missing.csv does not exist"),
        (["--demands", "scenario", "--out", "p.json"], "--demands scenario needs one scenario id"),
        (["--demands", "scenario", "nope", "--out", "p.json"], "unknown scenario 'nope'"),
        (["--period", "0", "--out", "p.json"], "--period must be a whole number of sols"),
        (["--time-limit", "-1", "--out", "p.json"], "--time-limit must be a positive number"),
    ],
)
def test_bad_input_is_one_line_exit_1(tmp_path, monkeypatch, capsys, args, message):
    monkeypatch.chdir(tmp_path)
    assert run(["plan", *args]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("spacetrash: BAD_INPUT:") and message in err[0]

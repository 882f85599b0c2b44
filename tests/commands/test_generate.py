"""``spacetrash generate``: a non-empty front, files that re-read, one-line errors."""

from __future__ import annotations

import json

import jsonschema
import pandas as pd
import pytest

from spacetrash_desktop.cli import run
from spacetrash_desktop.services.files import bundled_dir

SCHEMA = json.loads((bundled_dir("resources") / "result.schema.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("target", ["residence_renovations", "cosmic_celebrations", "daring_discoveries", "container"])
def test_generate_writes_a_nonempty_front(tmp_path, capsys, target):
    out = tmp_path / "r.json"
    assert (
        run(
            [
                "generate",
                "--inventory",
                "default",
                "--target",
                target,
                "--max-evals",
                "60000",
                "--physics-only",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    data = json.loads(out.read_text())
    assert data["front"] and data["schema"] == "spacetrash.result"
    rec = data["recipes"][0]
    assert set(rec["properties"]) == {"rigidity", "tightness", "energy_kwh", "water_l", "crew_min"}
    assert rec["properties"]["energy_kwh"]["unit"] == "kWh"
    assert "Pareto front" in capsys.readouterr().out


def test_generate_csv_rereads(tmp_path):
    out = tmp_path / "r.csv"
    assert run(["generate", "--target", "container", "--max-evals", "30000", "--physics-only", "--out", str(out)]) == 0
    df = pd.read_csv(out, encoding="utf-8-sig")
    assert len(df) > 0 and {"rigidity", "rigidity_low", "rigidity_high", "status", "pareto_rank"} <= set(df.columns)


@pytest.mark.parametrize(
    "argv, fragment",
    [
        (["generate", "--target", "nope", "--out", "x.json"], "unknown target 'nope'"),
        (["generate", "--target", "container", "--out", "x.txt"], "--out must end in .json or .csv"),
        (
            ["generate", "--target", "container", "--time-budget", "0", "--out", "x.json"],
            "--time-budget must be a positive",
        ),
        (["generate", "--target", "container", "--inventory", "/no/such.csv", "--out", "x.json"], "does not exist"),
    ],
)
def test_generate_bad_arguments_one_line_error(tmp_path, capsys, monkeypatch, argv, fragment):
    monkeypatch.chdir(tmp_path)
    assert run(argv) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and fragment in err[0] and "Traceback" not in err[0]


def test_bad_target_file_is_refused_with_the_reason(tmp_path, capsys):
    tf = tmp_path / "t.json"
    tf.write_text(
        json.dumps(
            {
                "id": "x",
                "rigidity_min": 2,
                "tightness_min": 0,
                "batch_mass_kg": 1,
                "max_energy_kwh": 1,
                "max_water_l": 1,
                "max_crew_min": 10,
            }
        ),
        encoding="utf-8",
    )
    assert run(["generate", "--target", str(tf), "--out", str(tmp_path / "r.json")]) == 1
    assert "'rigidity_min' = 2 must be between 0 and 1" in capsys.readouterr().err


def test_generate_names_the_recommended_recipe_in_the_summary_and_the_json(tmp_path, capsys):
    out = tmp_path / "r.json"
    argv = ["generate", "--target", "container", "--seed", "1", "--max-evals", "20000", "--physics-only"]
    assert run([*argv, "--out", str(out)]) == 0
    data = json.loads(out.read_text())
    jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(data)
    rec = data["recommended"]
    marked = [r for r in data["recipes"] if r["recommended"]]
    assert len(marked) == 1 and marked[0]["id"] == rec["id"] and marked[0]["feasible"]
    assert rec["p_meets_target"] == marked[0]["p_meets_target"] and rec["reason"].startswith("Recommended")
    lines = [ln for ln in capsys.readouterr().out.splitlines() if ln.startswith("recommended: ")]
    assert len(lines) == 1 and lines[0].startswith(f"recommended: {rec['id']} {marked[0]['process_name']}: ")
    assert "chance of meeting every requirement" in lines[0]
    csv = tmp_path / "r.csv"
    assert run([*argv, "--out", str(csv)]) == 0
    df = pd.read_csv(csv, encoding="utf-8-sig")
    assert df["recommended"].sum() == 1 and df.loc[df["recommended"], "id"].item() == rec["id"]


def test_generate_a_scenario_into_a_folder_writes_one_result_per_product(tmp_path, capsys):
    out = tmp_path / "cosmic"
    argv = ["generate", "--target", "cosmic_celebrations", "--max-evals", "1500", "--physics-only", "--out", str(out)]
    assert run(argv) == 0
    files = sorted(p.name for p in out.iterdir())
    assert files == ["cc_banner.json", "cc_decorations.json", "cc_small_gifts.json"]
    for f in files:
        data = json.loads((out / f).read_text())
        jsonschema.validate(data, SCHEMA)
        assert data["target"]["id"] == f.removesuffix(".json") and data["target"]["kind"] == "product"
    printed = capsys.readouterr().out
    assert printed.count("recommended: ") == 3 and "product cc_banner (Banner):" in printed

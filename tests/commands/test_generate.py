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


def test_a_target_file_may_start_from_a_preset(tmp_path, capsys):
    """{"base": "container", ...}: the preset with only the stated fields changed."""
    import json as _json

    from spacetrash_desktop.catalog import load_catalog
    from spacetrash_desktop.services.generate import resolve_target

    path = tmp_path / "stiffer.json"
    path.write_text(_json.dumps({"base": "container", "rigidity_min": 0.6, "max_water_l": 0.5}), encoding="utf-8")
    target = resolve_target(str(path))
    preset = load_catalog().targets["container"]
    assert target.rigidity_min == 0.6 and target.max_water_l == 0.5
    assert target.tightness_min == preset.tightness_min and target.batch_mass_kg == preset.batch_mass_kg
    assert target.allowed_processes == preset.allowed_processes and target.food_contact == preset.food_contact
    assert target.target_id == "container_custom" and target.kind == "custom"
    named = tmp_path / "named.json"
    named.write_text(_json.dumps({"base": "tool", "id": "wrench", "name": "Wrench"}), encoding="utf-8")
    wrench = resolve_target(str(named))
    assert (wrench.target_id, wrench.name, wrench.rigidity_min) == (
        "wrench",
        "Wrench",
        load_catalog().targets["tool"].rigidity_min,
    )
    bad = tmp_path / "bad.json"
    bad.write_text(_json.dumps({"base": "spaceship", "rigidity_min": 0.6}), encoding="utf-8")
    assert run(["generate", "--target", str(bad), "--out", str(tmp_path / "r.json"), "--max-evals", "100"]) == 1
    err = capsys.readouterr().err
    assert "BAD_INPUT" in err and "'base' must name a bundled target" in err and "container" in err
    out_of_range = tmp_path / "range.json"
    out_of_range.write_text(_json.dumps({"base": "container", "rigidity_min": 3}), encoding="utf-8")
    assert run(["generate", "--target", str(out_of_range), "--out", str(tmp_path / "r.json")]) == 1
    assert "'rigidity_min' = 3 must be between 0 and 1" in capsys.readouterr().err


def test_a_full_target_file_without_base_still_works(tmp_path):
    import json as _json

    from spacetrash_desktop.catalog import load_catalog
    from spacetrash_desktop.services.generate import resolve_target

    full = load_catalog().targets["container"].to_dict() | {"id": "mine", "kind": "custom"}
    path = tmp_path / "full.json"
    path.write_text(_json.dumps(full), encoding="utf-8")
    t = resolve_target(str(path))
    assert t.target_id == "mine" and t.rigidity_min == full["rigidity_min"]

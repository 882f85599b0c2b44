"""The command line: exit codes, one-line errors, and files that re-read."""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest

from spacetrash_desktop.cli import run

GOOD = (
    "id,name,category,composition,mass_kg\n"
    "W1,Bags,Packaging,ldpe 100%,12.5\n"
    'W2,Pouch,Food,"nylon 41%; ldpe 33%; evoh 11%; other_unlisted 15%",3\n'
)
BAD = GOOD + "W3,Vest,Fabrics,Kevlar 100%,2\nW4,Bags,Packaging,ldpe 100%,-1\n"


def test_inventory_validate_exit_codes_and_one_line_per_error(tmp_path, capsys):
    good, bad = tmp_path / "good.csv", tmp_path / "bad.csv"
    good.write_text(GOOD, encoding="utf-8")
    bad.write_text(BAD, encoding="utf-8")
    assert run(["inventory", "validate", str(good)]) == 0
    assert capsys.readouterr().out == ""
    assert run(["inventory", "validate", str(bad)]) == 1
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 2
    assert "line 4" in lines[0] and "Kevlar" in lines[0]
    assert "line 5" in lines[1] and "negative" in lines[1]
    (tmp_path / "empty.csv").write_bytes(b"")
    assert run(["inventory", "validate", str(tmp_path / "empty.csv")]) == 1
    assert "empty" in capsys.readouterr().out


def test_inventory_import_keeps_good_rows_only_when_asked(tmp_path, capsys, _isolated_home):
    bad = tmp_path / "bad.csv"
    bad.write_text(BAD, encoding="utf-8")
    assert run(["inventory", "import", str(bad)]) == 1
    assert not (_isolated_home / "inventory.parquet").exists()
    assert run(["inventory", "import", str(bad), "--keep-good"]) == 1
    saved = pd.read_parquet(_isolated_home / "inventory.parquet")
    assert list(saved["id"]) == ["W1", "W2"]
    capsys.readouterr()
    assert run(["inventory", "show"]) == 0
    assert "saved, 2 items" in capsys.readouterr().out


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


def test_usage_errors_exit_2_with_one_line(capsys):
    with pytest.raises(SystemExit) as exc:
        run(["generate", "--target"])
    assert exc.value.code == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


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


def test_console_entry_point_runs(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "spacetrash_desktop", "targets"], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0 and "residence_renovations" in proc.stdout


def test_a_damaged_saved_inventory_is_kept_aside_not_overwritten(_isolated_home, capsys):
    from spacetrash_desktop.services.inventory import current_inventory, save_current_inventory

    damaged = _isolated_home / "inventory.parquet"
    damaged.write_bytes(b"PAR1 this is not a parquet file any more")
    items, origin = current_inventory()
    assert origin.startswith("bundled default") and "inventory.damaged-" in origin
    kept = list(_isolated_home.glob("inventory.damaged-*.parquet"))
    assert len(kept) == 1 and kept[0].read_bytes() == b"PAR1 this is not a parquet file any more"
    save_current_inventory(items[:3])  # the next autosave no longer touches the damaged copy
    assert kept[0].read_bytes() == b"PAR1 this is not a parquet file any more"
    assert run(["inventory", "show"]) == 0
    assert "saved, 3 items" in capsys.readouterr().out

"""``spacetrash inventory``: exit codes, one line per error, and the saved inventory."""

from __future__ import annotations

import pandas as pd

from spacetrash_desktop.cli import run
from spacetrash_desktop.services.inventory import current_inventory, save_current_inventory

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


def test_a_damaged_saved_inventory_is_kept_aside_not_overwritten(_isolated_home, capsys):
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


def test_parquet_with_invalid_utf8_says_bad_input_not_internal(tmp_path, capsys, _isolated_home):
    from tests.catalog.test_importer import _parquet_with_bad_utf8

    bad = tmp_path / "bad.parquet"
    _parquet_with_bad_utf8(bad)
    for action in ("validate", "import"):
        assert run(["inventory", action, str(bad)]) == 1
        captured = capsys.readouterr()
        assert "not valid UTF-8" in captured.out and "'name'" in captured.out and "row 2" in captured.out
        assert "spacetrash: BAD_INPUT:" in captured.err
        assert "INTERNAL" not in captured.err
    assert not (_isolated_home / "inventory.parquet").exists()


def test_fractional_difficulty_is_a_bad_input_row(tmp_path, capsys):
    f = tmp_path / "difficulty.csv"
    f.write_text(
        "id,name,category,composition,mass_kg,difficulty\nW1,Bags,Packaging,ldpe 100%,1,2.5\n", encoding="utf-8"
    )
    assert run(["inventory", "validate", str(f)]) == 1
    captured = capsys.readouterr()
    assert "line 2" in captured.out and "difficulty must be a whole number: 1, 2 or 3" in captured.out
    assert "spacetrash: BAD_INPUT: 1 row(s) of the file were rejected" in captured.err
    assert run(["inventory", "import", str(f)]) == 1
    assert "BAD_INPUT" in capsys.readouterr().err

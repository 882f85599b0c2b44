"""The crew's procedures (datasets/procedures.csv): one for every process, in order, with the set
point of every heated process filled from the recipe, and every figure sourced or declared assumed.
A broken copy of the file is refused with every problem named."""

from __future__ import annotations

import csv
import json
import shutil

import pytest

from spacetrash_desktop.catalog.procedures import (
    PLACEHOLDERS,
    STEP_KINDS,
    figures_in,
    load_procedures,
    load_procedures_from,
    placeholders_in,
    read_result_file,
)
from spacetrash_desktop.errors import BadInputError, CatalogError
from spacetrash_desktop.storage.paths import bundled_dir


def test_every_process_has_a_procedure_in_order(catalog):
    procs = load_procedures()
    assert set(procs) == set(catalog.processes)
    for pid, steps in procs.items():
        assert [s.step for s in steps] == list(range(1, len(steps) + 1))
        kinds = [s.kind for s in steps]
        assert kinds[0] == "sort" and kinds[-1] == "inspect", pid  # start by sorting, end by inspecting
        assert len(steps) >= 5 and set(kinds) <= STEP_KINDS
        assert any(s.checkpoint for s in steps) and any(s.record for s in steps), pid


def test_a_heated_process_sets_its_temperature_and_its_band_from_the_recipe(catalog):
    procs = load_procedures()
    for pid, process in catalog.processes.items():
        set_points = [s.set_point for s in procs[pid]]
        tolerances = " ".join(s.tolerance for s in procs[pid])
        has_temp = any("temperature_c" in placeholders_in(sp) for sp in set_points)
        assert has_temp == process.heated, pid
        if process.heated:
            assert {"temp_low_c", "temp_high_c", "ceiling_c"} <= placeholders_in(tolerances), pid
            assert any(s.kind == "cool" for s in procs[pid]), pid  # a heated part cools before handling


def test_recipe_dependent_steps_name_what_they_depend_on():
    for steps in load_procedures().values():
        for s in steps:
            used = set().union(*(placeholders_in(getattr(s, c)) for c in ("action", "set_point", "checkpoint")))
            assert used <= PLACEHOLDERS
            if s.when == "dry":
                assert {"dried_water_kg", "moisture_limit"} <= used
            if s.when == "shred":
                assert "shred_items" in used


def test_figures_are_told_apart_from_names_and_placeholders():
    assert figures_in("5 bar for 20 min at {temperature_c} °C")
    assert not figures_in("Weigh {regolith_kg} of MGS-1 regolith with a P100/FFP3 mask")
    assert figures_in("about 68 kg per 1.0 CTB")


def _broken_copy(tmp_path, edit):
    root = tmp_path / "datasets"
    shutil.copytree(bundled_dir("datasets"), root)
    path = root / "procedures.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    rows = edit(rows)
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    return root


def test_a_broken_procedures_file_is_refused_with_every_problem_named(tmp_path, catalog):
    def edit(rows):
        rows = [r for r in rows if r["process_id"] != "strut_reassembly"]  # a process without a procedure
        rows[0]["action"] = "Sort the {feed_kgs} of feed"  # a misspelt placeholder
        rows[0]["checkpoint"] = "At most 3 items per tray."  # a new figure without a source
        rows[2]["kind"] = "bake"
        rows.append({**rows[0], "process_id": "melting_pot", "step": "1"})
        return rows

    with pytest.raises(CatalogError) as exc:
        load_procedures_from(_broken_copy(tmp_path, edit), catalog.processes)
    msg = exc.value.message
    assert "strut_reassembly has no procedure" in msg
    assert "unknown placeholder(s) ['feed_kgs']" in msg
    assert "shredding:1.checkpoint = 'At most 3 items per tray.' states a figure with no provenance line" in msg
    assert "kind 'bake'" in msg
    assert "unknown process 'melting_pot'" in msg


def test_the_bundled_copy_loads_from_a_copy_too(tmp_path, catalog):
    root = _broken_copy(tmp_path, lambda rows: rows)
    assert load_procedures_from(root, catalog.processes) == load_procedures()


def test_a_results_file_is_read_or_refused_in_plain_words(tmp_path):
    good = tmp_path / "r.json"
    good.write_text(json.dumps({"schema": "spacetrash.result", "recipes": [{"id": "R1"}]}), encoding="utf-8")
    assert read_result_file(good)["recipes"][0]["id"] == "R1"
    cases = {
        "missing.json": ("does not exist", None),
        "bad.json": ("is not a JSON results file", "{not json"),
        "other.json": ("is not a Space Trash results file", json.dumps({"schema": "something.else"})),
        "norecipes.json": ("has no list of recipes", json.dumps({"schema": "spacetrash.result", "recipes": 3})),
        "r.csv": ("CSV form", "id,status\n"),
    }
    for name, (words, content) in cases.items():
        if content is not None:
            (tmp_path / name).write_text(content, encoding="utf-8")
        with pytest.raises(BadInputError) as exc:
            read_result_file(tmp_path / name)
        assert words in exc.value.message, name

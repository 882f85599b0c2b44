"""The result contract carries every hazard to the crew: a recipe with carbon powder has the
combustible-dust flag and a structured hazard (with its protective equipment) in the result JSON
and the CSV, and the file validates against the versioned schema."""

from __future__ import annotations

import json

import jsonschema
import pandas as pd
import pytest

from spacetrash_desktop.engine.scorer import PhysicsScorer
from spacetrash_desktop.services.generate import generate
from spacetrash_desktop.services.results_io import SCHEMA_VERSION, result_to_dict, result_to_frame, write_result
from spacetrash_desktop.storage.paths import bundled_dir

SCHEMA = json.loads((bundled_dir("resources") / "result.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def daring(catalog):
    """Daring Discoveries: tiles and blocks from the O2-extraction carbon (W019, carbon powder)."""
    return generate(
        list(catalog.default_inventory),
        catalog.targets["daring_discoveries"],
        scorer=PhysicsScorer(),
        time_budget_s=10,
        seed=1,
    )


def test_a_recipe_with_carbon_powder_carries_the_combustible_dust_flag_in_the_result_json(daring, tmp_path):
    path = write_result(daring, tmp_path / "result.json")
    doc = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(doc)
    assert doc["schema_version"] == SCHEMA_VERSION == "1.1"
    with_carbon = [r for r in doc["recipes"] if any(it["item_id"] == "W019" for it in r["items"])]
    assert with_carbon, "the run found no recipe with the carbon residue"
    for r in with_carbon:
        codes = [f["code"] for f in r["flags"]]
        assert "COMBUSTIBLE_DUST" in codes, r["id"]
        dust = [h for h in r["hazards"] if h["code"] == "COMBUSTIBLE_DUST"]
        assert len(dust) == 1 and dust[0]["material_id"] == "carbon_residue"
        assert "combustible dust" in dust[0]["text"] and "P100/FFP3" in dust[0]["ppe"]
    without = [r for r in doc["recipes"] if not any(it["item_id"] == "W019" for it in r["items"])]
    assert all("COMBUSTIBLE_DUST" not in [f["code"] for f in r["flags"]] for r in without)


def test_the_csv_export_names_each_hazard_and_its_protective_equipment(daring, tmp_path):
    frame = result_to_frame(daring)
    assert "hazards" in frame.columns
    row = frame[frame["item_ids"].str.contains("W019")].iloc[0]
    assert "COMBUSTIBLE_DUST (Carbon residue" in row["hazards"] and "P100/FFP3" in row["hazards"]
    assert "COMBUSTIBLE_DUST" in row["flags"]
    path = write_result(daring, tmp_path / "result.csv")
    back = pd.read_csv(path, encoding="utf-8-sig", keep_default_na=False)
    assert back["hazards"].astype(str).tolist() == frame["hazards"].astype(str).tolist()


def test_the_target_says_whether_it_touches_food(catalog, daring):
    assert result_to_dict(daring)["target"]["food_contact"] is False
    assert catalog.targets["utensil"].to_dict()["food_contact"] is True


def test_a_version_1_0_file_without_hazards_still_validates(daring):
    """Older files (1.0) have no hazards and no food_contact: the schema still reads them."""
    doc = result_to_dict(daring)
    doc["schema_version"] = "1.0"
    doc["target"].pop("food_contact")
    for r in doc["recipes"]:
        r.pop("hazards")
    jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(doc)

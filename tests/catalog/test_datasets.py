"""Every bundled dataset loads through the catalog with zero validation errors, and every figure
has a source or a declared assumption."""

from __future__ import annotations

import shutil

import pytest

from spacetrash_desktop.catalog.datasets import load_catalog_from, provenance_problems
from spacetrash_desktop.errors import CatalogError
from spacetrash_desktop.storage.paths import bundled_dir

DATASETS = bundled_dir("datasets")


def test_catalog_loads_with_zero_errors(catalog):
    assert len(catalog.materials) >= 12
    assert len(catalog.processes) >= 8
    assert len(catalog.default_inventory) >= 16
    kinds = {t.kind for t in catalog.targets.values()}
    assert kinds == {"preset", "scenario"}
    scenarios = {t.target_id for t in catalog.targets.values() if t.kind == "scenario"}
    assert {"residence_renovations", "cosmic_celebrations", "daring_discoveries"} <= scenarios
    assert abs(sum(w for _, _, w in catalog.mgs1_phases) - 100) < 0.5


def test_every_figure_has_a_source_or_an_assumption():
    assert provenance_problems(DATASETS) == []


def test_provenance_check_catches_an_unsourced_figure(tmp_path):
    root = tmp_path / "datasets"
    shutil.copytree(DATASETS, root)
    prov = root / "materials.provenance.csv"
    lines = prov.read_text(encoding="utf-8").splitlines()
    kept = [ln for ln in lines if not ln.startswith("ldpe,")]
    prov.write_text("\n".join(kept) + "\n", encoding="utf-8")
    problems = provenance_problems(root)
    assert any(p.startswith("materials.csv: ldpe.") for p in problems)


def test_a_broken_bundled_file_fails_loudly(tmp_path):
    root = tmp_path / "datasets"
    shutil.copytree(DATASETS, root)
    text = (root / "processes.csv").read_text(encoding="utf-8")
    (root / "processes.csv").write_text(text.replace(",true,", ",maybe,", 1), encoding="utf-8")
    with pytest.raises(CatalogError) as exc:
        load_catalog_from(root)
    assert "is not true/false" in exc.value.message


def test_heated_processes_refuse_fluoropolymers(catalog):
    for p in catalog.processes.values():
        if p.heated:
            assert not p.accepts_material("pvdf") and not p.accepts_material("ptfe"), p.process_id


def test_heating_energy_is_physically_plausible(catalog):
    """Heating 1 kg of LDPE from 20 to 180 deg C and melting it: ~0.1 kWh, not 100."""
    pe = catalog.materials["ldpe"]
    kwh = (pe.cp_kj_kg_k * 160 + pe.latent_heat_kj_kg) / 3600
    assert 0.05 < kwh < 0.2


def test_inventory_total_is_explained_against_12600_kg(catalog):
    total = sum(i.mass_kg for i in catalog.default_inventory)
    text = (DATASETS / "waste_inventory.totals.md").read_text(encoding="utf-8")
    assert "12,600" in text or "12600" in text
    assert f"{total:,.0f}" in text or f"{total:.0f}" in text or f"{total:,.1f}" in text


def test_the_catalog_carries_the_process_variability_table(catalog):
    import csv

    with (bundled_dir("datasets") / "process_variability.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert set(catalog.process_variability) == {r["process_id"] for r in rows} == set(catalog.processes)
    for r in rows:
        assert catalog.process_variability[r["process_id"]] == (
            float(r["rigidity_sd"]),
            float(r["tightness_sd"]),
            float(r["energy_rel_sd"]),
            float(r["water_rel_sd"]),
            float(r["crew_rel_sd"]),
        )


def test_a_broken_variability_row_is_a_listed_problem(tmp_path):
    root = tmp_path / "datasets"
    shutil.copytree(bundled_dir("datasets"), root)
    path = root / "process_variability.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    pid = lines[1].split(",")[0]
    lines[1] = f"{pid},lots,0.02,0.10,0.10,0.20"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(CatalogError, match=f"process_variability.csv line 2: {pid} has no valid spreads"):
        load_catalog_from(root)

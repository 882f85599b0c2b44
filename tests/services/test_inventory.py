"""services.inventory: the target presets and the crew's current inventory (saved or bundled)."""

from __future__ import annotations

from spacetrash_desktop.services.inventory import (
    current_inventory,
    import_inventory,
    load_catalog,
    save_current_inventory,
    target_presets,
)


def test_target_presets_are_the_catalog_targets_in_order(catalog):
    presets = target_presets()
    assert [t.target_id for t in presets] == list(catalog.targets)
    assert {t.kind for t in presets} == {"preset", "scenario"}


def test_current_inventory_is_the_bundled_default_until_one_is_saved(_isolated_home, tmp_path):
    items, origin = current_inventory()
    assert origin == "bundled default" and items == list(load_catalog().default_inventory)
    f = tmp_path / "inv.csv"
    f.write_text("id,name,category,composition,mass_kg\nW1,Bags,Packaging,ldpe 100%,12.5\n", encoding="utf-8")
    imported = import_inventory(f).items
    path = save_current_inventory(imported)
    assert path == _isolated_home / "inventory.parquet" and path.exists()
    saved, origin = current_inventory()
    assert origin == "saved"
    assert [(it.item_id, it.mass_kg, it.composition) for it in saved] == [("W1", 12.5, (("ldpe", 1.0),))]

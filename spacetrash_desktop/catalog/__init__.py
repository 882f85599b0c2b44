"""Loading and validating the bundled datasets, inventories and targets. No Qt."""

from spacetrash_desktop.catalog.datasets import Catalog, load_catalog, parse_target
from spacetrash_desktop.catalog.importer import (
    ImportIssue,
    ImportResult,
    InventoryImportError,
    import_inventory,
)

__all__ = [
    "Catalog",
    "ImportIssue",
    "ImportResult",
    "InventoryImportError",
    "import_inventory",
    "load_catalog",
    "parse_target",
]

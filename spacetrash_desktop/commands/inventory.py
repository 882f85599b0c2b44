"""``spacetrash inventory validate|import|export|show``."""

from __future__ import annotations

import argparse
import sys

from spacetrash_desktop.services.inventory import (
    InventoryImportError,
    current_inventory,
    export_csv,
    import_inventory,
    items_to_frame,
    save_current_inventory,
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("inventory", help="validate, import, show or export an inventory")
    isub = p.add_subparsers(dest="inventory_command", metavar="ACTION", required=True, parser_class=type(p))
    v = isub.add_parser("validate", help="check a CSV or Parquet inventory file; one line per error")
    v.add_argument("file")
    v.set_defaults(func=cmd_validate)
    i = isub.add_parser("import", help="import a file as the crew's inventory")
    i.add_argument("file")
    i.add_argument("--keep-good", action="store_true", help="save the good rows even when some rows are rejected")
    i.set_defaults(func=cmd_import)
    s = isub.add_parser("show", help="print the current inventory (saved, or the bundled default)")
    s.set_defaults(func=cmd_show)
    e = isub.add_parser("export", help="export the current inventory as CSV")
    e.add_argument("--out", required=True)
    e.set_defaults(func=cmd_export)


def _issue_line(prefix: str, issue) -> str:
    return f"{prefix}: {issue.describe()}"


def _import(path: str):
    try:
        return import_inventory(path), None
    except InventoryImportError as exc:
        return None, exc


def _bad_input(fatal) -> None:
    """The closing stderr line names the kind of failure (BAD_INPUT), as every failing command does."""
    print(f"spacetrash: {fatal.code.value}: the file cannot be read as an inventory (see above)", file=sys.stderr)


def cmd_validate(args) -> int:
    result, fatal = _import(args.file)
    if fatal is not None:
        for issue in fatal.issues:
            print(_issue_line(args.file, issue))
        _bad_input(fatal)
        return 1
    for issue in result.errors:
        print(_issue_line(args.file, issue))
    for issue in result.warnings:
        print(_issue_line(args.file, issue) + " (warning)", file=sys.stderr)
    s = result.summary()
    print(
        f"{args.file}: {s['rows_ok']} good row(s), {s['rows_rejected']} rejected "
        f"({result.file_format}{', ' + result.encoding if result.encoding else ''})",
        file=sys.stderr,
    )
    if result.errors:
        _rows_rejected(result)
    return 1 if result.errors else 0


def _rows_rejected(result) -> None:
    print(
        f"spacetrash: BAD_INPUT: {result.rows_rejected} row(s) of the file were rejected (see above)", file=sys.stderr
    )


def cmd_import(args) -> int:
    result, fatal = _import(args.file)
    if fatal is not None:
        for issue in fatal.issues:
            print(_issue_line(args.file, issue))
        print("Nothing was imported.", file=sys.stderr)
        _bad_input(fatal)
        return 1
    for issue in result.errors:
        print(_issue_line(args.file, issue))
    if result.errors and not args.keep_good:
        print(
            f"{result.rows_rejected} row(s) rejected; nothing was imported (use --keep-good to import the good rows).",
            file=sys.stderr,
        )
        _rows_rejected(result)
        return 1
    path = save_current_inventory(result.items)
    print(f"Imported {len(result.items)} item(s) into {path}", file=sys.stderr)
    if result.errors:
        _rows_rejected(result)
    return 1 if result.errors else 0


def cmd_show(args) -> int:
    items, origin = current_inventory()
    print(f"# inventory: {origin}, {len(items)} items, {sum(i.mass_kg for i in items):,.1f} kg")
    for it in items:
        comp = ", ".join(f"{m} {f:.0%}" for m, f in it.composition)
        print(f"{it.item_id:8s} {it.name[:32]:32s} {it.mass_kg:10.1f} kg  {comp}")
    return 0


def cmd_export(args) -> int:
    items, _ = current_inventory()
    export_csv(items_to_frame(items), args.out)
    print(f"Exported {len(items)} item(s) to {args.out}", file=sys.stderr)
    return 0

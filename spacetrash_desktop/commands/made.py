"""``spacetrash made add|list|undo``: what the crew made, taken out of the inventory (with undo).

``add`` prints the new entry id on stdout only once the entry is durable and the inventory saved; every
other message goes to stderr. Errors are one plain line and exit 1 (see ``cli.run``).
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from spacetrash_desktop.errors import BadInputError
from spacetrash_desktop.services.production import (
    ProductionEntry,
    list_entries,
    record,
    request_from_plan_file,
    request_from_result_file,
    undo,
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("made", help="record what the crew made (takes the stock out of the inventory), list, undo")
    msub = p.add_subparsers(dest="made_command", metavar="ACTION", required=True, parser_class=type(p))
    a = msub.add_parser(
        "add",
        help="record batches of a recipe as made, from a results file (--results, --recipe) or a plan line "
        "(--plan, --line); prints the entry id once it is saved",
    )
    a.add_argument("--results", metavar="FILE", help="a results JSON (`spacetrash generate --out FILE`)")
    a.add_argument("--recipe", metavar="ID", help="the recipe id in the results file")
    a.add_argument("--plan", metavar="FILE", help="a plan JSON (`spacetrash plan --out plan.json`)")
    a.add_argument("--line", type=int, metavar="N", help="the plan line (1 = the first)")
    a.add_argument("--batches", type=int, metavar="N", help="how many batches were made (a plan line: as planned)")
    a.add_argument("--who", default="", help="who made it")
    a.add_argument("--sol", type=int, help="the mission sol it was made on")
    a.set_defaults(func=cmd_add)
    ls = msub.add_parser("list", help="list the production entries (oldest first); undone ones are marked")
    ls.add_argument("--json", action="store_true", help="print a JSON array of entries")
    ls.set_defaults(func=cmd_list)
    u = msub.add_parser("undo", help="undo an entry: put its stock back in the inventory (recorded in the log)")
    u.add_argument("entry_id", metavar="ID", help="the entry id (or its first characters) as `made list` shows")
    u.add_argument("--who", default="", help="who undid it")
    u.set_defaults(func=cmd_undo)


def cmd_add(args) -> int:
    if args.plan:
        if args.results or args.recipe:
            raise BadInputError("Give either --plan FILE --line N or --results FILE --recipe ID, not both.")
        if args.line is None:
            raise BadInputError("--plan needs --line N (the plan line that was made; 1 = the first).")
        request = request_from_plan_file(args.plan, args.line, args.batches)
    else:
        if not args.results or not args.recipe:
            raise BadInputError("Say what was made: --results FILE --recipe ID --batches N, or --plan FILE --line N.")
        if args.batches is None:
            raise BadInputError("--batches N is needed: how many batches of the recipe were made.")
        request = request_from_result_file(args.results, args.recipe, args.batches)
    out = record(request, args.who, args.sol)
    for note in out.notes:
        print(note, file=sys.stderr)
    e = out.entry
    print(
        f"Recorded {e.batches} batch(es) of {e.product_name} ({_num(e.product_kg)} kg) from {_num(e.items_kg)} kg "
        f"of waste; the inventory was updated.",
        file=sys.stderr,
    )
    print(e.entry_id, flush=True)
    return 0


def cmd_list(args) -> int:
    entries = list_entries()
    try:
        if args.json:
            print(json.dumps([_entry_dict(e) for e in entries], indent=2))
            return 0
        if not entries:
            print("No production recorded yet.", file=sys.stderr)
            return 0
        print(
            f"{'id':<10} {'recorded (UTC)':<17} {'sol':>5} {'product':<24} {'batches':>7} {'product kg':>10} "
            f"{'waste kg':>9} {'kWh':>8} {'who':<12} state"
        )
        for e in entries:
            state = f"undone {e.undone_at[:16].replace('T', ' ')}" if e.undone else "made"
            print(
                f"{e.entry_id[:8]:<10} {e.recorded_at[:16].replace('T', ' '):<17} "
                f"{'' if e.sol is None else e.sol:>5} {e.product_name[:24]:<24} {e.batches:>7} "
                f"{_num(e.product_kg):>10} {_num(e.items_kg):>9} {_num(e.energy_kwh):>8} {e.who[:12]:<12} {state}"
            )
    except BrokenPipeError:  # `made list | head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


def cmd_undo(args) -> int:
    out = undo(args.entry_id, args.who)
    for note in out.notes:
        print(note, file=sys.stderr)
    e = out.entry
    print(f"Undone {e.entry_id[:8]}: {_num(e.items_kg)} kg put back in the inventory.", file=sys.stderr)
    print(e.entry_id, flush=True)
    return 0


def _entry_dict(e: ProductionEntry) -> dict:
    return {
        "entry_id": e.entry_id,
        "recorded_at": e.recorded_at,
        "who": e.who,
        "sol": e.sol,
        "source": e.source,
        "recipe_id": e.recipe_id,
        "recipe": dict(e.recipe),
        "product": e.product,
        "product_name": e.product_name,
        "batches": e.batches,
        "product_kg": e.product_kg,
        "items": [{"item_id": c.item_id, "name": c.name, "category": c.category, "kg": c.kg} for c in e.changes],
        "items_kg": e.items_kg,
        "regolith_kg": e.regolith_kg,
        "energy_kwh": e.energy_kwh,
        "water_l": e.water_l,
        "crew_min": e.crew_min,
        "undone": e.undone,
        "undone_at": e.undone_at or None,
    }


def _num(x: float) -> str:
    return f"{x:,.2f}".rstrip("0").rstrip(".")

"""``spacetrash workorder``: a work order for the crew at the machine, in English or Spanish (``--lang es``:
the document the crew reads; the command's own messages stay English).

* ``--results FILE --recipe ID --out FILE.pdf|.html``: one recipe of a results file
  (``spacetrash generate --out FILE.json``);
* ``--plan PLAN.json --sol N --out FILE.pdf|.html``: what sol N of a production plan
  (``spacetrash plan --out PLAN.json``) makes, every line with its recipe's steps.

The PDF is laid out by Qt, which this layer cannot import: ``cli.py`` wires the window layer's PDF
writer in as ``pdf_writer`` (as it wires the self-test's window check). Without it (a build without
the window libraries) ``.html`` still works and ``.pdf`` says plainly what is missing.
"""

from __future__ import annotations

import argparse

from spacetrash_desktop.services.workorder import write_work_order
from spacetrash_desktop.services.workorder_day import write_day_work_order


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "workorder",
        help="the work order of one recipe, or of one sol of a production plan, as PDF or HTML",
        description="Write the work order of one recipe of a results file (--results, --recipe) or of one "
        "sol of a production plan (--plan, --sol): the crew's steps with the recipe's set points, the "
        "bill of materials, hazards and safety notes, expected outputs, predicted properties and a blank "
        "'as made' sheet; for a sol, every plan line made that sol and the sol's use of the daily budgets.",
    )
    p.add_argument("--results", metavar="FILE", help="results file written by `spacetrash generate --out FILE.json`")
    p.add_argument("--recipe", metavar="ID", help="with --results: the recipe's id (or a unique start of it)")
    p.add_argument("--plan", metavar="FILE", help="plan file written by `spacetrash plan --out FILE.json`")
    p.add_argument("--sol", metavar="N", type=int, help="with --plan: the sol (1 = the plan's first) to make")
    p.add_argument("--out", required=True, metavar="FILE", help="where to write it: FILE.pdf or FILE.html")
    p.add_argument(
        "--lang",
        choices=("en", "es"),
        default="en",
        help="the language of the work order for the crew: en (English, the default) or es (Spanish)",
    )
    # the PDF writer comes from the top layer (cli.py wires the window's): commands cannot import Qt
    p.set_defaults(func=cmd_workorder, pdf_writer=None, workorder_parser=p)


def _check(args) -> None:
    """Exactly one of --results/--recipe and --plan/--sol, each pair complete (a usage error otherwise)."""
    recipe = args.results is not None or args.recipe is not None
    plan = args.plan is not None or args.sol is not None
    error = args.workorder_parser.error
    if recipe and plan:
        error("give --results and --recipe for a recipe, or --plan and --sol for a sol of a plan, not both")
    if not recipe and not plan:
        error("give --results FILE --recipe ID, or --plan FILE --sol N")
    if recipe and (args.results is None or args.recipe is None):
        error("a recipe's work order needs both --results FILE and --recipe ID")
    if plan and (args.plan is None or args.sol is None):
        error("a sol's work order needs both --plan FILE and --sol N")


def cmd_workorder(args) -> int:
    _check(args)
    writer = getattr(args, "pdf_writer", None)
    if args.plan is not None:
        day = write_day_work_order(args.plan, args.sol, args.out, pdf_writer=writer, lang=args.lang)
        steps = sum(len(d.order.steps) for d in day.lines)
        counts = ", ".join(
            _count(n, w) for n, w in ((len(day.lines), "plan line"), (day.batches, "batch"), (steps, "step"))
        )
        print(f"work order for sol {day.sol} ({counts}) written to {args.out}")
        return 0
    order = write_work_order(args.results, args.recipe, args.out, pdf_writer=writer, lang=args.lang)
    print(
        f"work order for recipe {order.recipe_id} ({order.process_name}, {len(order.steps)} steps) written to {args.out}"
    )
    return 0


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}{'es' if word.endswith('ch') else 's'}"

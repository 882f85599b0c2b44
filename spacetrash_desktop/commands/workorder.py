"""``spacetrash workorder --results FILE --recipe ID --out FILE.pdf|.html``: the work order of one
recipe of a results file (``spacetrash generate --out FILE.json``), for the crew at the machine, in
English or Spanish (``--lang es``: the document the crew reads; the command's own messages stay English).

The PDF is laid out by Qt, which this layer cannot import: ``cli.py`` wires the window layer's PDF
writer in as ``pdf_writer`` (as it wires the self-test's window check). Without it (a build without
the window libraries) ``.html`` still works and ``.pdf`` says plainly what is missing.
"""

from __future__ import annotations

import argparse

from spacetrash_desktop.services.workorder import write_work_order


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "workorder",
        help="the work order of one recipe (steps, set points, materials, safety) as PDF or HTML",
        description="Write the work order of one recipe of a results file: the crew's steps with this "
        "recipe's set points, the bill of materials, hazards and safety notes, expected outputs, "
        "predicted properties and a blank 'as made' sheet.",
    )
    p.add_argument(
        "--results", required=True, metavar="FILE", help="results file written by `spacetrash generate --out FILE.json`"
    )
    p.add_argument("--recipe", required=True, metavar="ID", help="the recipe's id (or a unique start of it)")
    p.add_argument("--out", required=True, metavar="FILE", help="where to write it: FILE.pdf or FILE.html")
    p.add_argument(
        "--lang",
        choices=("en", "es"),
        default="en",
        help="the language of the work order for the crew: en (English, the default) or es (Spanish)",
    )
    # the PDF writer comes from the top layer (cli.py wires the window's): commands cannot import Qt
    p.set_defaults(func=cmd_workorder, pdf_writer=None)


def cmd_workorder(args) -> int:
    order = write_work_order(
        args.results, args.recipe, args.out, pdf_writer=getattr(args, "pdf_writer", None), lang=args.lang
    )
    print(
        f"work order for recipe {order.recipe_id} ({order.process_name}, {len(order.steps)} steps) written to {args.out}"
    )
    return 0

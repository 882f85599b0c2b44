"""``spacetrash retrain``: retrain the model from crew feedback, champion against challenger; and the
run history (``spacetrash retrain --list``, also ``spacetrash model runs``).

Exit status: 0 when the run ended with a verdict (promoted, rejected, no_data), 1 when it failed
(or a feedback file was refused), 130 when interrupted. Progress goes to stderr, the summary to
stdout.
"""

from __future__ import annotations

import argparse
import json
import sys

from spacetrash_desktop.commands import PercentProgress
from spacetrash_desktop.context import RunContext
from spacetrash_desktop.domain import Verdict
from spacetrash_desktop.services import model as model_service
from spacetrash_desktop.services.model import RunRecord

EXIT_OK, EXIT_FAIL = 0, 1


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("retrain", help="retrain the model from crew feedback; promote it only if it is no worse")
    p.add_argument(
        "--feedback",
        nargs="+",
        action="extend",
        default=[],
        metavar="FILE",
        help="trainer export(s) to learn from: a folder, its manifest.json or the .parquet files "
        "(verified against their checksums first)",
    )
    p.add_argument("--no-journal", action="store_true", help="do not use this computer's feedback journal")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument(
        "--no-promote",
        action="store_true",
        help="train and compare, keep the challenger as a candidate, never activate it",
    )
    p.add_argument("--quick", action="store_true", help="a small, fast training configuration (for trying out)")
    p.add_argument("--json", action="store_true", help="print the run (or with --list, the runs) as JSON")
    p.add_argument("--list", action="store_true", help="list past retraining runs instead of running one")
    p.add_argument("--show", metavar="RUN_ID", default=None, help="print the full record of one past run")
    p.set_defaults(func=cmd_retrain)

    # `spacetrash model runs`: the same history next to the other model commands (registered here so
    # that commands/model.py stays as it is; cli.py registers this module after it)
    model = sub.choices.get("model")
    if model is not None:
        for a in model._actions:  # argparse has no public lookup of a parser's subcommands
            if isinstance(a, argparse._SubParsersAction) and "runs" not in a.choices:
                r = a.add_parser("runs", help="past retraining runs (newest first)")
                r.add_argument("--json", action="store_true", help="print them as JSON")
                r.set_defaults(func=cmd_runs)
                break


def cmd_retrain(args) -> int:
    if args.list:
        return cmd_runs(args)
    if args.show:
        print(json.dumps(model_service.read_run(args.show).to_dict(), indent=2, sort_keys=True))
        return EXIT_OK
    progress = PercentProgress()
    try:
        run = model_service.retrain(
            RunContext(on_progress=progress),
            feedback_files=args.feedback,
            use_journal=not args.no_journal,
            seed=args.seed,
            quick=args.quick,
            promote=not args.no_promote,
        )
    finally:
        if progress.started:
            print(file=sys.stderr)
    if args.json:
        print(json.dumps(run.outcome(), indent=2, sort_keys=True, default=str))
    else:
        print_summary(run)
    return EXIT_FAIL if run.verdict == Verdict.FAILED else EXIT_OK


def print_summary(run: RunRecord, out=None) -> None:
    out = out or sys.stdout
    print(f"run:      {run.run_id}", file=out)
    print(f"verdict:  {run.verdict}", file=out)
    print(f"reason:   {run.reason}", file=out)
    print(f"champion: {run.champion_name or '?'} {run.champion_version}".rstrip(), file=out)
    if run.challenger:
        print(
            f"challenger: {run.challenger_name} {run.challenger_version} "
            f"({run.challenger_status}; {run.challenger_folder or '-'})",
            file=out,
        )
    if run.data:
        print(
            f"feedback: {run.feedback_total} row(s), {run.feedback_usable} usable "
            f"({run.feedback_measured} with measured values, {run.feedback_judged} with judged "
            f"values), {run.feedback_skipped} skipped",
            file=out,
        )
        for reason, n in sorted(run.skipped_by_reason.items(), key=lambda kv: -kv[1])[:5]:
            print(f"  skipped {n}: {reason}", file=out)
    if run.drift_summary:
        print(f"drift:    {run.drift_level} - {run.drift_text}", file=out)
    if run.compared:
        _print_comparison(run, out)
    if run.record_path:
        print(f"\nrecord:   {run.record_path}", file=out)


def _print_comparison(run: RunRecord, out) -> None:
    print("\nheld-out error (MAE) and 95% interval coverage, champion -> challenger:", file=out)
    print(
        f"  {'property':<11}{'unit':>6}{'lab MAE':>22}{'lab cover':>14}{'feedback MAE':>24}{'fb cover':>14}"
        f"{'n fb':>6}  checks",
        file=out,
    )
    for c in run.comparisons():
        checks = "pass" if c.passed else "FAIL"
        if not c.checks:
            checks = "(no check applies)"
        print(
            f"  {c.name:<11}{c.unit:>6}"
            f"{_pair(c.lab.mae_champion, c.lab.mae_challenger):>22}"
            f"{_pair(c.lab.coverage_champion, c.lab.coverage_challenger, pct=True):>14}"
            f"{_pair(c.feedback.mae_champion, c.feedback.mae_challenger):>24}"
            f"{_pair(c.feedback.coverage_champion, c.feedback.coverage_challenger, pct=True):>14}"
            f"{c.feedback.rows:>6}  {checks}",
            file=out,
        )


def _pair(a, b, pct: bool = False) -> str:
    def f(x):
        if x is None:
            return "-"
        return f"{x:.0%}" if pct else f"{x:.4g}"

    if a is None and b is None:
        return "-"
    return f"{f(a)} -> {f(b)}"


def cmd_runs(args) -> int:
    runs = model_service.run_history()
    if getattr(args, "json", False):
        print(json.dumps([r.summary() for r in runs], indent=2, sort_keys=True))
        return EXIT_OK
    if not runs:
        print("no retraining runs yet")
        return EXIT_OK
    for r in runs:
        s = r.summary()
        ch = f"{s.get('challenger_name')} {s.get('challenger_version')}" if s.get("challenger_name") else "-"
        print(
            f"{r.run_id}  {r.finished_at}  {r.verdict:<9} champion {s.get('champion_name', '?')} "
            f"{s.get('champion_version', '')}  challenger {ch}  feedback {s.get('feedback_usable', 0)}/"
            f"{s.get('feedback_rows', 0)}"
        )
        print(f"    {r.reason}")
    return EXIT_OK

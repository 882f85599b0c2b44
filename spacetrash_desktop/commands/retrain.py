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
        from spacetrash_desktop.services.retrain import load_run

        print(json.dumps(load_run(args.show), indent=2, sort_keys=True))
        return EXIT_OK
    from spacetrash_desktop.commands import PercentProgress
    from spacetrash_desktop.context import RunContext
    from spacetrash_desktop.services.retrain import retrain

    progress = PercentProgress()
    config = None
    if args.quick:
        from spacetrash_desktop.ml.train import TrainConfig

        config = TrainConfig.small()
    try:
        run = retrain(
            RunContext(on_progress=progress),
            feedback_files=args.feedback,
            use_journal=not args.no_journal,
            seed=args.seed,
            config=config,
            promote=not args.no_promote,
        )
    finally:
        if progress.started:
            print(file=sys.stderr)
    if args.json:
        print(json.dumps(run.to_dict(), indent=2, sort_keys=True, default=str))
    else:
        print_summary(run.to_dict())
    return EXIT_FAIL if run.verdict == "failed" else EXIT_OK


def print_summary(run: dict, out=None) -> None:
    from spacetrash_desktop.domain import PROPERTY_NAMES

    out = out or sys.stdout
    print(f"run:      {run['run_id']}", file=out)
    print(f"verdict:  {run['verdict']}", file=out)
    print(f"reason:   {run['reason']}", file=out)
    champ = run.get("champion") or {}
    print(f"champion: {champ.get('name', '?')} {champ.get('version', '')}".rstrip(), file=out)
    ch = run.get("challenger")
    if ch:
        print(
            f"challenger: {ch.get('name')} {ch.get('version')} ({ch.get('status')}; {ch.get('folder') or '-'})",
            file=out,
        )
    data = run.get("data") or {}
    if data:
        print(
            f"feedback: {data.get('feedback_total', 0)} row(s), {data.get('feedback_usable', 0)} usable "
            f"({data.get('feedback_measured', 0)} with measured values, {data.get('feedback_judged', 0)} with judged "
            f"values), {data.get('feedback_skipped', 0)} skipped",
            file=out,
        )
        for reason, n in sorted((data.get("skipped_by_reason") or {}).items(), key=lambda kv: -kv[1])[:5]:
            print(f"  skipped {n}: {reason}", file=out)
    drift = (run.get("drift") or {}).get("summary")
    if drift:
        print(f"drift:    {drift.get('level')} - {drift.get('text', '')}", file=out)
    metrics = run.get("metrics") or {}
    if any(n in metrics for n in PROPERTY_NAMES):
        print("\nheld-out error (MAE) and 95% interval coverage, champion -> challenger:", file=out)
        print(
            f"  {'property':<11}{'unit':>6}{'lab MAE':>22}{'lab cover':>14}{'feedback MAE':>24}{'fb cover':>14}"
            f"{'n fb':>6}  checks",
            file=out,
        )
        for name in PROPERTY_NAMES:
            m = metrics.get(name)
            if not m:
                continue
            lab, fb = m.get("lab", {}), m.get("feedback", {})
            checks = "pass" if m.get("passed") else "FAIL"
            if not m.get("checks"):
                checks = "(no check applies)"
            print(
                f"  {name:<11}{m.get('unit', ''):>6}"
                f"{_pair(lab.get('mae_champion'), lab.get('mae_challenger')):>22}"
                f"{_pair(lab.get('coverage_champion'), lab.get('coverage_challenger'), pct=True):>14}"
                f"{_pair(fb.get('mae_champion'), fb.get('mae_challenger')):>24}"
                f"{_pair(fb.get('coverage_champion'), fb.get('coverage_challenger'), pct=True):>14}"
                f"{fb.get('rows', 0):>6}  {checks}",
                file=out,
            )
    if run.get("record_path"):
        print(f"\nrecord:   {run['record_path']}", file=out)


def _pair(a, b, pct: bool = False) -> str:
    def f(x):
        if x is None:
            return "-"
        return f"{x:.0%}" if pct else f"{x:.4g}"

    if a is None and b is None:
        return "-"
    return f"{f(a)} -> {f(b)}"


def cmd_runs(args) -> int:
    from spacetrash_desktop.services.retrain import list_runs

    runs = list_runs()
    if getattr(args, "json", False):
        print(json.dumps(runs, indent=2, sort_keys=True))
        return EXIT_OK
    if not runs:
        print("no retraining runs yet")
        return EXIT_OK
    for r in runs:
        ch = f"{r.get('challenger_name')} {r.get('challenger_version')}" if r.get("challenger_name") else "-"
        print(
            f"{r['run_id']}  {r.get('finished_at', '')}  {r['verdict']:<9} champion {r.get('champion_name', '?')} "
            f"{r.get('champion_version', '')}  challenger {ch}  feedback {r.get('feedback_usable', 0)}/"
            f"{r.get('feedback_rows', 0)}"
        )
        print(f"    {r.get('reason', '')}")
    return EXIT_OK

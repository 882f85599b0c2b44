"""``spacetrash batch --queue DIR``: run every pending planning job of a folder queue."""

from __future__ import annotations

import argparse
import signal
import sys

from spacetrash_desktop.errors import BadInputError
from spacetrash_desktop.services.batch import BatchQueue
from spacetrash_desktop.services.generate import physics_scorer


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("batch", help="process the jobs of a folder queue (pending -> processed/failed)")
    p.add_argument("--queue", required=True, metavar="DIR", help="the queue folder (created if missing)")
    p.add_argument("--watch", action="store_true", help="keep watching for new jobs until stopped (Ctrl+C)")
    p.add_argument("--timeout", type=float, default=300.0, metavar="S", help="wall-time limit per job (default 300)")
    p.add_argument("--poll", type=float, default=2.0, metavar="S", help="how often --watch looks for new jobs")
    p.add_argument("--max-job-kb", type=int, default=256, help="largest accepted job file (default 256 KB)")
    p.add_argument("--physics-only", action="store_true", help="ignore any trained model")
    p.set_defaults(func=cmd_batch)


def cmd_batch(args) -> int:
    if not args.timeout > 0:
        raise BadInputError("--timeout must be a positive number of seconds")
    if args.max_job_kb <= 0:
        raise BadInputError("--max-job-kb must be positive")
    factory = physics_scorer if args.physics_only else None
    queue = BatchQueue(args.queue, timeout_s=args.timeout, max_job_bytes=args.max_job_kb * 1024, scorer_factory=factory)

    def stop(signum, frame):
        queue.stop_requested = True
        print("stopping after the current step...", file=sys.stderr, flush=True)

    old = {s: signal.signal(s, stop) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        summary = queue.run(watch=args.watch, poll_s=args.poll, on_event=lambda m: print(m, flush=True))
    finally:
        for s, h in old.items():
            signal.signal(s, h)
    print(
        f"done: {summary.processed} processed, {summary.failed} failed"
        + (f", {summary.recovered} recovered" if summary.recovered else ""),
        flush=True,
    )
    return 1 if summary.failed else 0

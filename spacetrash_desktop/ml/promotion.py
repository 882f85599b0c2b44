"""The promotion policy of retraining: the champion (the model active now) against the challenger
(trained with the crew's feedback) on fresh virtual-lab trials and on held-out feedback, the checks
per property and the verdict rule (:func:`decide`). Plain Python and numpy; no I/O beyond loading
the physics variability tables. The procedure is explained in ``docs/RETRAINING.md``."""

from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any, cast

import numpy as np

from spacetrash_desktop.catalog import load_catalog
from spacetrash_desktop.common import round_or_none
from spacetrash_desktop.domain import PROPERTY_NAMES, PROPERTY_UNITS
from spacetrash_desktop.engine.recipes import RecipeBatch
from spacetrash_desktop.engine.scorer import DEFAULT_VARIABILITY, load_variability, physics_band
from spacetrash_desktop.engine.tables import compile_tables
from spacetrash_desktop.messages import msg, number_text
from spacetrash_desktop.ml.virtual_lab import LabRows, align_rows

RULES: dict[str, Any] = {
    "feedback_min_rows": 10,  # held-out measured rows a property needs before its feedback check applies
    "feedback_mae": "challenger MAE <= champion MAE on the held-out feedback (no tolerance)",
    "lab_mae_tolerance": 0.02,  # relative: challenger MAE <= champion MAE x 1.02 on the virtual-lab trials
    "lab_min_rows": 100,
    "coverage_floor": 0.93,  # challenger coverage >= min(champion coverage, 0.93)
    "feedback_coverage_slack": "one row: 1/n of the held-out rows",
}


# ------------------------------------------------------------------------------------ models


@dataclass
class Contender:
    """The champion or the challenger: a loaded ensemble, or the physics model (``ens`` None) with
    its assumed 95% band when no trained model was active."""

    ens: Any = None

    def predict(self, rows: LabRows) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        procs = [str(p) for p in rows.process_id]
        if self.ens is None:
            return _physics_band(rows, procs)
        ens = self.ens
        X = rows.X if rows.schema.columns == ens.schema.columns else align_rows(rows, ens.schema).X
        pred = ens.predict(X, rows.phys, zero=ens.zero_mask(procs), flagged=rows.flags, q=ens.q_matrix(procs))
        return pred.props, pred.lo, pred.hi


def _physics_band(rows: LabRows, procs: list[str]):
    t = compile_tables(load_catalog(), [])
    var = load_variability(t)
    pos = {p: i for i, p in enumerate(t.process_ids)}
    var = np.vstack([var, np.array(DEFAULT_VARIABILITY)[None, :]])
    idx = np.array([pos.get(p, len(pos)) for p in procs], np.intp)
    props = np.array(rows.phys, float)
    batch = cast(RecipeBatch, SimpleNamespace(proc=idx))  # physics_band reads only the process index
    lo, hi = physics_band(t, batch, props, var)
    return props, lo, hi


# ------------------------------------------------------------------------------------ comparison


def _errors(model: Contender, rows: LabRows) -> tuple[np.ndarray, np.ndarray]:
    """(|error| [N,5], inside the 95% interval [N,5]) of a model on labelled rows."""
    props, lo, hi = model.predict(rows)
    y = rows.y
    with np.errstate(invalid="ignore"):
        err = np.abs(props - y)
        inside = (lo <= y) & (y <= hi)
    return err, inside


def _summ(err: np.ndarray, inside: np.ndarray, sel: np.ndarray) -> tuple[float | None, float | None]:
    if not sel.any():
        return None, None
    return round_or_none(float(err[sel].mean())), round_or_none(float(inside[sel].mean()), 4)


@dataclass(frozen=True)
class _Scores:
    """Both models on one set of labelled rows: |error| and inside-the-interval [N,5] of each, and the
    physics model's |error|."""

    champ_err: np.ndarray
    champ_in: np.ndarray
    chall_err: np.ndarray
    chall_in: np.ndarray
    phys_err: np.ndarray

    @classmethod
    def of(cls, champ: Contender, chall: Contender, rows: LabRows) -> _Scores:
        ce, ci = _errors(champ, rows)
        xe, xi = _errors(chall, rows)
        return cls(ce, ci, xe, xi, np.abs(rows.phys - rows.y))

    def side_by_side(self, k: int, sel: np.ndarray) -> dict:
        """Rows, physics MAE and both models' MAE and coverage of property ``k`` on the rows ``sel``."""
        m: dict = {
            "rows": int(sel.sum()),
            "mae_physics": round_or_none(float(self.phys_err[sel, k].mean())) if sel.any() else None,
        }
        m["mae_champion"], m["coverage_champion"] = _summ(self.champ_err[:, k], self.champ_in[:, k], sel)
        m["mae_challenger"], m["coverage_challenger"] = _summ(self.chall_err[:, k], self.chall_in[:, k], sel)
        return m


def compare(
    champ: Contender, chall: Contender, lab: LabRows, hold: LabRows | None, report: dict, intervals: dict, catalog
) -> dict:
    """Per property: errors and coverage of both models on the virtual-lab trials (all of them, and
    those outside the reach of the challenger's feedback corrections, which the gate uses) and on
    the held-out feedback (measured values; judged ones shown apart), with the checks."""
    on_lab = _Scores.of(champ, chall, lab)
    on_hold = _Scores.of(champ, chall, hold) if hold is not None else None
    procs = lab.process_id.astype(str)
    by_prop = report.get("by_property", {}) if isinstance(report, dict) else {}
    out: dict = {}
    for k, name in enumerate(PROPERTY_NAMES):
        rep = by_prop.get(name, {})
        booster = bool(rep.get("used"))
        off = rep.get("offsets") if isinstance(rep.get("offsets"), dict) else {}
        off_used = bool(off.get("used"))
        used = booster or off_used
        # the stage-2 correction's reach; the family offsets reach the processes they were
        # learnt on
        reach = rep.get("reach") if booster else ("local" if off_used else None)
        reached = set(rep.get("processes", []) if booster else []) | set(off.get("processes", []) if off_used else [])
        ok_l = np.isfinite(lab.y[:, k])
        if reach == "global":
            gate = np.zeros(len(lab), bool)
        elif reach == "local":
            gate = ok_l & ~np.isin(procs, sorted(reached))
        else:
            gate = ok_l
        lab_m = on_lab.side_by_side(k, ok_l)
        lab_m["gate_rows"] = int(gate.sum())
        lab_m["gate_mae_champion"], lab_m["gate_coverage_champion"] = _summ(
            on_lab.champ_err[:, k], on_lab.champ_in[:, k], gate
        )
        lab_m["gate_mae_challenger"], lab_m["gate_coverage_challenger"] = _summ(
            on_lab.chall_err[:, k], on_lab.chall_in[:, k], gate
        )
        fb_m: dict = {"rows": 0}
        if hold is not None and on_hold is not None:
            has = np.isfinite(hold.y[:, k])
            meas = has & (hold.weight[:, k] >= 1)
            judged = has & (hold.weight[:, k] > 0) & (hold.weight[:, k] < 1)
            fb_m = on_hold.side_by_side(k, meas)
            fb_m["judged_rows"] = int(judged.sum())
            if judged.any():
                fb_m["judged_mae_champion"] = round_or_none(float(on_hold.champ_err[judged, k].mean()))
                fb_m["judged_mae_challenger"] = round_or_none(float(on_hold.chall_err[judged, k].mean()))
        learnt = {
            "correction": used,
            "booster": booster,
            "offsets": off_used,
            "reach": reach,
            "processes": sorted(reached),
            "training_rows": rep.get("rows", 0),
            "calibrated_on": (intervals.get("calibrated_on") or {}).get(name),
            "why": rep.get("reason") or (rep.get("reach_check") or {}).get("why_local"),
        }
        property_checks = checks(name, lab_m, fb_m)
        out[name] = {
            "unit": PROPERTY_UNITS[name],
            "lab": lab_m,
            "feedback": fb_m,
            "learnt": learnt,
            "checks": property_checks,
            "passed": all(c["passed"] for c in property_checks),
        }
    return out


def _word(name: str) -> str:
    """A property's name in a sentence: the code itself in English (as before), a word in the window's language."""
    words = {
        "rigidity": msg("rigidity"),
        "tightness": msg("tightness"),
        "energy_kwh": msg("energy_kwh"),
        "water_l": msg("water_l"),
        "crew_min": msg("crew_min"),
    }
    return words.get(name, name)


def _unit(name: str) -> str:
    unit = PROPERTY_UNITS[name]
    return msg("index") if unit == "index" else unit


def checks(name: str, lab: dict, fb: dict) -> list[dict]:
    out = []
    unit = _unit(name)
    word = _word(name)
    if fb.get("rows", 0) >= RULES["feedback_min_rows"] and fb.get("mae_champion") is not None:
        a, b = fb["mae_champion"], fb["mae_challenger"]
        out.append(
            {
                "check": "error on held-out feedback",
                "passed": bool(b <= a * (1 + 1e-9) + 1e-12),
                "champion": a,
                "challenger": b,
                "rows": fb["rows"],
                "text": msg(
                    "{name} error on {rows} held-out feedback rows: {new} {unit} vs {old} {unit}",
                    name=word,
                    rows=fb["rows"],
                    new=_f(b),
                    old=_f(a),
                    unit=unit,
                ),
            }
        )
        floor = min(fb["coverage_champion"], RULES["coverage_floor"]) - 1.0 / fb["rows"]
        out.append(
            {
                "check": "coverage on held-out feedback",
                "passed": bool(fb["coverage_challenger"] >= floor - 1e-12),
                "champion": fb["coverage_champion"],
                "challenger": fb["coverage_challenger"],
                "rows": fb["rows"],
                "text": msg(
                    "{name} interval coverage on held-out feedback: {new:.0%} vs {old:.0%}",
                    name=word,
                    new=fb["coverage_challenger"],
                    old=fb["coverage_champion"],
                ),
            }
        )
    if lab.get("gate_rows", 0) >= RULES["lab_min_rows"] and lab.get("gate_mae_champion") is not None:
        a, b = lab["gate_mae_champion"], lab["gate_mae_challenger"]
        out.append(
            {
                "check": "error on virtual-lab trials",
                "champion": a,
                "challenger": b,
                "rows": lab["gate_rows"],
                "passed": bool(b <= a * (1 + RULES["lab_mae_tolerance"]) + 1e-12),
                "text": msg(
                    "{name} error on {rows:,} virtual-lab trials away from the feedback: {new} {unit} vs {old} {unit}",
                    name=word,
                    rows=lab["gate_rows"],
                    new=_f(b),
                    old=_f(a),
                    unit=unit,
                ),
            }
        )
        floor = min(lab["gate_coverage_champion"], RULES["coverage_floor"])
        out.append(
            {
                "check": "coverage on virtual-lab trials",
                "champion": lab["gate_coverage_champion"],
                "challenger": lab["gate_coverage_challenger"],
                "rows": lab["gate_rows"],
                "passed": bool(lab["gate_coverage_challenger"] >= floor - 1e-12),
                "text": msg(
                    "{name} interval coverage on virtual-lab trials: {new:.0%} vs {old:.0%}",
                    name=word,
                    new=lab["gate_coverage_challenger"],
                    old=lab["gate_coverage_champion"],
                ),
            }
        )
    return out


def decide(metrics: dict, data: dict) -> tuple[bool, str]:
    """(promote?, reason). Promote when every check of every property passed and the challenger
    learnt something from the feedback (a correction or a recalibration)."""
    failed = [c for name in PROPERTY_NAMES for c in metrics[name]["checks"] if not c["passed"]]
    if failed:
        first = failed[0]["text"]
        more = msg(" ({n} other check(s) failed too)", n=len(failed) - 1) if len(failed) > 1 else ""
        return False, msg(
            "Not promoted: it is worse than the active model on {first}{more}. The active model stays; "
            "the challenger is kept as a rejected candidate.",
            first=first,
            more=more,
        )
    learnt = [
        n
        for n in PROPERTY_NAMES
        if metrics[n]["learnt"]["correction"] or metrics[n]["learnt"]["calibrated_on"] == "crew_feedback"
    ]
    if not learnt:
        return False, msg(
            "Not promoted: the feedback did not teach the model anything yet (the reports do not depart from "
            "the active model beyond their measurement scatter, and a finer correction needs at least 20 usable "
            "rows of a property in the training part). The active model stays."
        )
    best = None
    for n in learnt:
        fb = metrics[n]["feedback"]
        if fb.get("rows", 0) >= RULES["feedback_min_rows"] and fb.get("mae_champion"):
            gain = 1 - fb["mae_challenger"] / fb["mae_champion"]
            if best is None or gain > best[0]:
                best = (gain, n, fb)
    n_checks = sum(len(metrics[n]["checks"]) for n in PROPERTY_NAMES)
    detail = ""
    if best is not None:
        _gain, n, fb = best
        detail = msg(
            ", cutting the {name} error on held-out feedback from {old} to {new} ({unit}),",
            name=_word(n),
            old=_f(fb["mae_champion"]),
            new=_f(fb["mae_challenger"]),
            unit=_unit(n),
        )
    return True, msg(
        "Promoted: it learnt from the feedback ({learnt}){detail} and is no worse than the "
        "previous model in any of {checks} checks of error and interval coverage. The previous model "
        "can be restored with Roll back.",
        learnt=", ".join(_word(n) for n in learnt),
        detail=detail,
        checks=n_checks,
    )


def _f(x) -> str:
    """A measured error to 4 significant figures, written the window language's way (decimal comma
    in Spanish)."""
    return "-" if x is None else number_text(float(x), ".4g")

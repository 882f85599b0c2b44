"""Qt-free helpers of the Model panel: the display rows of the metrics, run-history and drift tables
and the texts of a retraining run (:class:`services.model.RunRecord`). Everything tolerates missing
pieces: a record without a comparison or a drift report still shows what it has."""

from __future__ import annotations

import html
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from spacetrash_desktop.domain import PROPERTY_NAMES, Verdict
from spacetrash_desktop.domain import finite_float as num
from spacetrash_desktop.services.model import RunRecord
from spacetrash_desktop.ui.feedback_views import grouped, prop_title
from spacetrash_desktop.ui.i18n import number, percent
from spacetrash_desktop.ui.views import OBJECTIVES


def tr_text(text: str) -> str:
    """``text`` (a constant of this module marked with QT_TRANSLATE_NOOP) in the window's language."""
    return QCoreApplication.translate("ModelViews", text)


def _prop(name: str) -> str:
    """'Rigidity (0–1)': a property's title and unit in the window's language."""
    return f"{prop_title(name)} ({OBJECTIVES[name][1]})" if name in OBJECTIVES else name


VERDICT_TEXT = {
    Verdict.PROMOTED: QT_TRANSLATE_NOOP("ModelViews", "Promoted: the new model is active"),
    Verdict.REJECTED: QT_TRANSLATE_NOOP("ModelViews", "Rejected: the current model stays active"),
    Verdict.NO_DATA: QT_TRANSLATE_NOOP("ModelViews", "No usable feedback: nothing was trained"),
    Verdict.FAILED: QT_TRANSLATE_NOOP("ModelViews", "Failed: the current model stays active"),
}
VERDICT_WORDS = {  # the verdict in a table cell, the progress bar and the status bar (no codes like no_data)
    Verdict.PROMOTED: QT_TRANSLATE_NOOP("ModelViews", "promoted"),
    Verdict.REJECTED: QT_TRANSLATE_NOOP("ModelViews", "rejected"),
    Verdict.NO_DATA: QT_TRANSLATE_NOOP("ModelViews", "not enough data"),
    Verdict.FAILED: QT_TRANSLATE_NOOP("ModelViews", "failed"),
}


def verdict_word(verdict: Any) -> str:
    """The verdict in a word or two, in the window's language."""
    word = VERDICT_WORDS.get(str(verdict))
    return tr_text(word) if word else str(verdict).replace("_", " ")


VERDICT_COLORS = {
    Verdict.PROMOTED: "#166534",
    Verdict.REJECTED: "#b45309",
    Verdict.NO_DATA: "#4b5563",
    Verdict.FAILED: "#b91c1c",
}
RUN_COLORS = {Verdict.PROMOTED: "#166534", Verdict.REJECTED: "#b45309", Verdict.FAILED: "#b91c1c"}


def fmt_num(v: Any, digits: int = 4) -> str:
    x = num(v)
    if x is None:
        return "–"
    if x == 0:
        return "0"
    if abs(x) >= 1000:
        return grouped(x)
    text = f"{x:.{digits}g}"
    if "e" in text:
        return text
    return number(float(text), len(text.split(".")[1]) if "." in text else 0)


def fmt_pct(v: Any) -> str:
    x = num(v)
    return "–" if x is None else percent(x, 1)


def short_time(iso: Any) -> str:
    if not isinstance(iso, str) or not iso:
        return "–"
    try:
        t = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return iso
    if t.tzinfo is not None:
        t = t.astimezone()
    return t.strftime("%Y-%m-%d %H:%M")


# ------------------------------------------------------------------------------------ metrics


def corrected_by_feedback(metrics: Mapping | None) -> dict[str, dict]:
    """Properties whose predictions a bundle corrects from crew feedback: {property: {"reach": "local" |
    "global", "processes": [process ids]}} (empty for a model trained on simulated trials only)."""
    corr = (metrics or {}).get("feedback_correction") if isinstance(metrics, Mapping) else None
    by = corr.get("by_property") if isinstance(corr, Mapping) else None
    out: dict[str, dict] = {}
    for name, rep in (by or {}).items():
        if not isinstance(rep, Mapping):
            continue
        off = rep.get("offsets") if isinstance(rep.get("offsets"), Mapping) else {}
        booster, offsets = bool(rep.get("used")), bool(off.get("used"))
        if not (booster or offsets):
            continue
        procs: list = []
        for part, on in ((rep, booster), (off, offsets)):  # the family offsets reach the processes they were learnt on
            if on and isinstance(part.get("processes"), list):
                procs += [str(p) for p in part["processes"] if str(p) not in procs]
        reach = str(rep.get("reach") or "global") if booster else "local"
        out[str(name)] = {"reach": reach, "processes": procs}
    return out


def corrected_note(corrected: Mapping[str, Mapping], process_name=lambda p: p) -> str:
    """One or two sentences saying why a feedback-corrected property's ratio to the physics model on
    the simulated test split can exceed 1 ("" when nothing was corrected)."""
    if not corrected:
        return ""
    parts = []
    for name, c in corrected.items():
        procs = [process_name(p) for p in c.get("processes", [])] if c.get("reach") == "local" else []
        title = prop_title(name).lower()
        parts.append(f"{title} ({', '.join(procs)})" if procs else title)
    return " " + QCoreApplication.translate(
        "ModelViews",
        "Crew feedback corrects {properties}: there the model departs from the simulated trials "
        "on purpose, so its ratio on this split measures that departure, not its error against what the crew "
        "measured (the retraining run's Metrics tab has that).",
    ).format(properties="; ".join(parts))


METRIC_COLUMNS = (
    QT_TRANSLATE_NOOP("ModelViews", "Property"),
    QT_TRANSLATE_NOOP("ModelViews", "MAE physics"),
    QT_TRANSLATE_NOOP("ModelViews", "MAE model"),
    QT_TRANSLATE_NOOP("ModelViews", "Ratio"),
    QT_TRANSLATE_NOOP("ModelViews", "Coverage"),
    QT_TRANSLATE_NOOP("ModelViews", "Width"),
)


def metric_rows(metrics: Mapping | None) -> list[tuple[str, ...]]:
    """Held-out metrics of the active model (ModelInfo.metrics, as summarised by the registry)."""
    m = dict(metrics or {})
    held = m.get("held_out") or {}
    cov = m.get("coverage") or {}
    width = m.get("mean_width") or {}
    rows = []
    for name in PROPERTY_NAMES:
        h = held.get(name) or {}
        if not h and name not in cov:
            continue
        title, unit = prop_title(name), OBJECTIVES[name][1]
        u = unit or h.get("unit")
        ratio = num(h.get("ratio"))
        rows.append(
            (
                f"{title} ({u})",
                fmt_num(h.get("mae_physics")),
                fmt_num(h.get("mae_model")),
                "–" if ratio is None else number(ratio, 3),
                fmt_pct(cov.get(name)),
                fmt_num(width.get(name)),
            )
        )
    return rows


# ------------------------------------------------------------------------------------ runs


def run_feedback_rows(run: RunRecord) -> str:
    """'7 (6 usable)': the feedback rows a run read and how many it could use."""
    if "feedback_total" not in run.data:
        return "–"
    total, usable = run.feedback_total, run.feedback_usable
    if "feedback_usable" not in run.data or usable == total:
        return str(total)
    return QCoreApplication.translate("ModelViews", "{total} ({usable} usable)").format(total=total, usable=usable)


def run_side(run: RunRecord, side: str, *, version_only: bool = False) -> str:
    """The champion or challenger of a run as 'name version' (or only the version)."""
    name, version = (
        (run.champion_name, run.champion_version)
        if side == "champion"
        else (run.challenger_name, run.challenger_version)
    )
    if version_only and version:
        return version
    return f"{name} {version}".strip() or "–"


RUN_COLUMNS = (
    (
        "finished",
        QT_TRANSLATE_NOOP("ModelViews", "Finished"),
        QT_TRANSLATE_NOOP("ModelViews", "When the run ended (local time)"),
    ),
    (
        "verdict",
        QT_TRANSLATE_NOOP("ModelViews", "Verdict"),
        QT_TRANSLATE_NOOP(
            "ModelViews",
            "promoted: the new model became active; rejected: it was worse than the "
            "current one on held-out data; not enough data: no usable feedback; failed: an error",
        ),
    ),
    (
        "champion",
        QT_TRANSLATE_NOOP("ModelViews", "Champion"),
        QT_TRANSLATE_NOOP("ModelViews", "The version of the model that was active when the run started"),
    ),
    (
        "challenger",
        QT_TRANSLATE_NOOP("ModelViews", "Challenger"),
        QT_TRANSLATE_NOOP("ModelViews", "The version of the model trained in this run"),
    ),
    (
        "rows",
        QT_TRANSLATE_NOOP("ModelViews", "Rows"),
        QT_TRANSLATE_NOOP(
            "ModelViews",
            "Feedback rows the run read, and how many could be used for training (a row "
            "needs a known recipe and a measured or judged value)",
        ),
    ),
    ("reason", QT_TRANSLATE_NOOP("ModelViews", "Reason"), QT_TRANSLATE_NOOP("ModelViews", "Why the run ended so")),
)


def run_row(run: RunRecord) -> tuple[str, ...]:
    return (
        short_time(run.finished_at or run.started_at),
        verdict_word(run.verdict),
        run_side(run, "champion", version_only=True),
        run_side(run, "challenger", version_only=True),
        run_feedback_rows(run),
        run.reason,
    )


def verdict_html(run: RunRecord) -> str:
    verdict = str(run.verdict)
    color = VERDICT_COLORS.get(verdict, "#1f2937")
    text = tr_text(VERDICT_TEXT[verdict]) if verdict in VERDICT_TEXT else verdict
    reason = run.reason
    return f"<span style='color:{color}; font-weight:bold'>{html.escape(text)}</span><br>{html.escape(reason)}"


# ------------------------------------------------------------------------------------ drift


DRIFT_COLUMNS = (
    (
        "feature",
        QT_TRANSLATE_NOOP("ModelViews", "Feature"),
        QT_TRANSLATE_NOOP("ModelViews", "A model input, as the crew would name it"),
    ),
    (
        "psi",
        "PSI",
        QT_TRANSLATE_NOOP(
            "ModelViews",
            "Population stability index between the training data and the feedback: "
            "< 0.1 none, 0.1–0.25 moderate, > 0.25 major shift",
        ),
    ),
    (
        "ks",
        "KS",
        QT_TRANSLATE_NOOP(
            "ModelViews", "Kolmogorov–Smirnov statistic: the largest gap between the two distributions (0–1)"
        ),
    ),
    (
        "ks_pvalue",
        QT_TRANSLATE_NOOP("ModelViews", "KS p-value"),
        QT_TRANSLATE_NOOP("ModelViews", "How likely a gap this large is by chance alone (small = a real shift)"),
    ),
    (
        "flag",
        QT_TRANSLATE_NOOP("ModelViews", "Drift"),
        QT_TRANSLATE_NOOP("ModelViews", "The shift's level from its PSI: none, moderate or major"),
    ),
    (
        "train_mean",
        QT_TRANSLATE_NOOP("ModelViews", "Train mean"),
        QT_TRANSLATE_NOOP("ModelViews", "Mean of the feature over the training data"),
    ),
    (
        "new_mean",
        QT_TRANSLATE_NOOP("ModelViews", "New mean"),
        QT_TRANSLATE_NOOP("ModelViews", "Mean of the feature over the feedback rows"),
    ),
)
FLAG_WORDS = {
    "none": QT_TRANSLATE_NOOP("ModelViews", "none"),
    "not judged": QT_TRANSLATE_NOOP("ModelViews", "not judged"),
    "moderate": QT_TRANSLATE_NOOP("ModelViews", "moderate"),
    "major": QT_TRANSLATE_NOOP("ModelViews", "major"),
    "drift": QT_TRANSLATE_NOOP("ModelViews", "drift"),
}


def flag_word(flag: str) -> str:
    """A drift flag in the window's language."""
    return tr_text(FLAG_WORDS[flag]) if flag in FLAG_WORDS else flag


def columns(spec) -> list[tuple[str, str]]:
    """(title, tooltip) of RUN_COLUMNS, DRIFT_COLUMNS or RUN_METRIC_COLUMNS in the window's language."""
    return [(tr_text(c[-2]), tr_text(c[-1])) for c in spec]


FLAG_ORDER = {"": 0, "none": 0, "not judged": 0, "moderate": 1, "major": 2, "drift": 2}
FLAG_COLORS = {"moderate": "#b45309", "major": "#b91c1c", "drift": "#b91c1c"}


def drift_rows(run: RunRecord, in_language: tuple[Mapping, str, str] | None = None) -> tuple[list[dict], str]:
    """Per-feature rows ({feature, psi, ks, ks_pvalue, flag, level, train_mean, new_mean}) of a run's
    drift report, and a one-line summary. ``in_language``: the report's feature labels, summary text
    and note in the window's language (``services.model.drift_in_language``), used where given."""
    labels, text, note = in_language or ({}, "", "")
    rows = [
        {
            "feature": labels.get(f.key, f.label),
            "key": f.key,
            "psi": f.psi,
            "ks": f.ks,
            "ks_pvalue": f.ks_pvalue,
            "flag": f.flag,
            "level": FLAG_ORDER.get(f.flag, 1),
            "train_mean": f.train_mean,
            "new_mean": f.new_mean,
        }
        for f in run.drift_features()
    ]
    s = run.drift.get("summary")
    if isinstance(s, str):
        summary = s
    elif isinstance(s, Mapping):
        s = {**s, "text": text or s.get("text"), "note": note or s.get("note")}
        summary = str(s.get("text") or s.get("message") or "")
        if not summary:
            summary = "; ".join(
                f"{str(k).replace('_', ' ')}: {_plain(v)}" for k, v in s.items() if not isinstance(v, (Mapping, list))
            )
        if s.get("note") and str(s["note"]) not in summary:
            summary += f" ({s['note']})"
    else:
        n_flag = sum(1 for r in rows if r["level"] > 0)
        summary = (
            QCoreApplication.translate("ModelViews", "{n} of {total} features flagged").format(
                n=n_flag, total=len(rows)
            )
            if rows
            else ""
        )
    return rows, summary


def _plain(v: Any) -> str:
    if isinstance(v, float):
        return fmt_num(v)
    return str(v)


# ------------------------------------------------------------------------------------ run metrics


RUN_METRIC_COLUMNS = (
    (QT_TRANSLATE_NOOP("ModelViews", "Property"), QT_TRANSLATE_NOOP("ModelViews", "The property and its unit")),
    (
        QT_TRANSLATE_NOOP("ModelViews", "Lab MAE, active"),
        QT_TRANSLATE_NOOP(
            "ModelViews", "Mean absolute error of the active model (the champion) on fresh virtual-lab trials"
        ),
    ),
    (
        QT_TRANSLATE_NOOP("ModelViews", "Lab MAE, new"),
        QT_TRANSLATE_NOOP(
            "ModelViews", "Mean absolute error of the retrained model (the challenger) on the same trials"
        ),
    ),
    (
        QT_TRANSLATE_NOOP("ModelViews", "Lab coverage, active"),
        QT_TRANSLATE_NOOP("ModelViews", "Share of the trials inside the champion's 95% interval"),
    ),
    (
        QT_TRANSLATE_NOOP("ModelViews", "Lab coverage, new"),
        QT_TRANSLATE_NOOP("ModelViews", "Share of the trials inside the challenger's 95% interval"),
    ),
    (
        QT_TRANSLATE_NOOP("ModelViews", "Feedback rows"),
        QT_TRANSLATE_NOOP("ModelViews", "Held-out measured feedback rows (recipes the challenger never saw)"),
    ),
    (
        QT_TRANSLATE_NOOP("ModelViews", "Feedback MAE, active"),
        QT_TRANSLATE_NOOP("ModelViews", "Mean absolute error of the champion on the held-out feedback"),
    ),
    (
        QT_TRANSLATE_NOOP("ModelViews", "Feedback MAE, new"),
        QT_TRANSLATE_NOOP("ModelViews", "Mean absolute error of the challenger on the held-out feedback"),
    ),
    (
        QT_TRANSLATE_NOOP("ModelViews", "Learnt"),
        QT_TRANSLATE_NOOP("ModelViews", "What the challenger learnt from the feedback for this property"),
    ),
    (
        QT_TRANSLATE_NOOP("ModelViews", "Checks passed"),
        QT_TRANSLATE_NOOP("ModelViews", "The promotion checks of this property that passed (details in Checks)"),
    ),
)


def run_metric_rows(run: RunRecord) -> tuple[list[str], list[tuple[str, ...]]]:
    """Champion vs challenger per property: (column titles, rows). The retraining record's shape
    (lab / feedback / learnt / checks per property) gets its own columns; any other shape is
    flattened, so whatever the record holds per property is shown."""
    if run.comparison_complete:
        rows = []
        for c in run.comparisons():
            bits = []
            if c.correction:
                reach = {
                    "local": QCoreApplication.translate("ModelViews", "local"),
                    "global": QCoreApplication.translate("ModelViews", "global"),
                }.get(c.reach, c.reach)
                bits.append(QCoreApplication.translate("ModelViews", "correction") + (f" ({reach})" if c.reach else ""))
            if c.calibrated_on == "crew_feedback":
                bits.append(QCoreApplication.translate("ModelViews", "intervals"))
            n_ok = sum(1 for check in c.checks if check.passed)
            rows.append(
                (
                    _prop(c.name),
                    fmt_num(c.lab.mae_champion),
                    fmt_num(c.lab.mae_challenger),
                    fmt_pct(c.lab.coverage_champion),
                    fmt_pct(c.lab.coverage_challenger),
                    str(c.feedback.rows),
                    fmt_num(c.feedback.mae_champion),
                    fmt_num(c.feedback.mae_challenger),
                    ", ".join(bits) or QCoreApplication.translate("ModelViews", "nothing"),
                    QCoreApplication.translate("ModelViews", "{n} of {total}").format(n=n_ok, total=len(c.checks))
                    if c.checks
                    else "–",
                )
            )
        return [tr_text(t) for t, _tip in RUN_METRIC_COLUMNS], rows
    m = run.metrics
    props = [p for p in (*PROPERTY_NAMES, *[k for k in m if k not in PROPERTY_NAMES]) if isinstance(m.get(p), Mapping)]
    flat = {p: _flatten(m[p]) for p in props}
    keys = list(dict.fromkeys(k for p in props for k in flat[p]))
    titles = [tr_text("Property"), *(_title(k) for k in keys)]
    rows = []
    for p in props:
        title = _prop(p)
        rows.append((title, *(_cell(flat[p].get(k)) for k in keys)))
    return titles, rows


def _flatten(d: Mapping, prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in d.items():
        key = f"{prefix}{k}"
        if isinstance(v, Mapping):
            out.update(_flatten(v, key + " "))
        elif not isinstance(v, (list, tuple)):
            out[key] = v
    return out


def _title(key: str) -> str:
    fixed = {"mae": "MAE", "rmse": "RMSE", "ks": "KS", "psi": "PSI"}
    words = [fixed.get(w.lower(), w) for w in key.replace("_", " ").split()]
    if words and words[0] not in fixed.values():
        words[0] = words[0][:1].upper() + words[0][1:]
    return " ".join(words)


def _cell(v: Any) -> str:
    if v is None:
        return "–"
    if isinstance(v, bool):
        return QCoreApplication.translate("ModelViews", "yes") if v else QCoreApplication.translate("ModelViews", "no")
    if isinstance(v, (int, float)):
        return fmt_num(v)
    return str(v)


# ------------------------------------------------------------------------------------ run texts


def checks_html(run: RunRecord) -> str:
    """The Checks tab: the verdict, the reason and every promotion check with its outcome."""
    checks = run.checks()
    head = f"<p><b>{html.escape(verdict_word(run.verdict))}</b>: {html.escape(run.reason)}</p>"
    if not checks:
        return (
            head
            + "<p style='color:#4b5563'>"
            + QCoreApplication.translate("ModelViews", "No promotion check ran in this run.")
            + "</p>"
        )
    items = "".join(
        f"<tr><td style='color:{'#166534' if ok else '#b91c1c'}'><b>{'✓' if ok else '✗'}</b></td>"
        f"<td>{html.escape(text)}</td></tr>"
        for ok, text in checks
    )
    return head + f"<table cellspacing='3'>{items}</table>"


# The run record's own field names and states (services.retrain) as the Data tab shows them
DATA_FIELDS = {
    "feedback_total": QT_TRANSLATE_NOOP("ModelViews", "feedback total"),
    "from_journal": QT_TRANSLATE_NOOP("ModelViews", "from journal"),
    "from_files": QT_TRANSLATE_NOOP("ModelViews", "from files"),
    "duplicates": QT_TRANSLATE_NOOP("ModelViews", "duplicates"),
    "feedback_usable": QT_TRANSLATE_NOOP("ModelViews", "feedback usable"),
    "feedback_measured": QT_TRANSLATE_NOOP("ModelViews", "feedback measured"),
    "feedback_judged": QT_TRANSLATE_NOOP("ModelViews", "feedback judged"),
    "feedback_skipped": QT_TRANSLATE_NOOP("ModelViews", "feedback skipped"),
    "skipped_by_reason": QT_TRANSLATE_NOOP("ModelViews", "skipped by reason"),
    "passed": QT_TRANSLATE_NOOP("ModelViews", "passed"),
    "not_said": QT_TRANSLATE_NOOP("ModelViews", "not said"),
    "recipes": QT_TRANSLATE_NOOP("ModelViews", "recipes"),
    "total": QT_TRANSLATE_NOOP("ModelViews", "total"),
    "train": QT_TRANSLATE_NOOP("ModelViews", "train"),
    "held_out": QT_TRANSLATE_NOOP("ModelViews", "held out"),
    "training_rows": QT_TRANSLATE_NOOP("ModelViews", "training rows"),
    "virtual_lab": QT_TRANSLATE_NOOP("ModelViews", "virtual lab"),
    "feedback": QT_TRANSLATE_NOOP("ModelViews", "feedback"),
    "journal_damaged_files": QT_TRANSLATE_NOOP("ModelViews", "journal damaged files"),
    "holdout_note": QT_TRANSLATE_NOOP("ModelViews", "holdout note"),
    "held_out_feedback_rows": QT_TRANSLATE_NOOP("ModelViews", "held out feedback rows"),
    "name": QT_TRANSLATE_NOOP("ModelViews", "name"),
    "version": QT_TRANSLATE_NOOP("ModelViews", "version"),
    "manifest_sha256": QT_TRANSLATE_NOOP("ModelViews", "manifest sha256"),
    "folder": QT_TRANSLATE_NOOP("ModelViews", "folder"),
    "status": QT_TRANSLATE_NOOP("ModelViews", "status"),
    "trained_on": QT_TRANSLATE_NOOP("ModelViews", "trained on"),
    "yes": QT_TRANSLATE_NOOP("ModelViews", "yes"),
    "no": QT_TRANSLATE_NOOP("ModelViews", "no"),
    "measured": QT_TRANSLATE_NOOP("ModelViews", "measured"),
    "judged": QT_TRANSLATE_NOOP("ModelViews", "judged"),
}
DATA_STATES = {
    "not installed": QT_TRANSLATE_NOOP("ModelViews", "not installed"),
    "active": QT_TRANSLATE_NOOP("ModelViews", "active"),
    "discarded": QT_TRANSLATE_NOOP("ModelViews", "discarded"),
    "candidate": QT_TRANSLATE_NOOP("ModelViews", "candidate"),
    "previous": QT_TRANSLATE_NOOP("ModelViews", "previous"),
}


def _field(key: object) -> str:
    key = str(key)
    return tr_text(DATA_FIELDS[key]) if key in DATA_FIELDS else key.replace("_", " ")


def _state(value: object) -> str:
    return tr_text(DATA_STATES[value]) if isinstance(value, str) and value in DATA_STATES else _short(value)


def data_html(run: RunRecord) -> str:
    """The Data tab: the feedback the run read and used, the champion and the challenger."""
    parts = []
    for title, d in (
        (QCoreApplication.translate("ModelViews", "Feedback data"), run.data),
        (QCoreApplication.translate("ModelViews", "Champion"), run.champion),
        (QCoreApplication.translate("ModelViews", "Challenger"), run.challenger),
    ):
        if not isinstance(d, dict) or not d:
            continue
        rows, tables = [], []
        for k, v in d.items():
            if k in ("metrics", "skipped_rows", "mapping") or isinstance(v, list):
                continue
            if k == "by_property" and isinstance(v, dict):
                tables.append(_by_property_html(v))
                continue
            if isinstance(v, dict):
                if not v or any(isinstance(x, (dict, list)) for x in v.values()):
                    continue
                text = "; ".join(f"{_field(a)} {_short(b)}" for a, b in v.items())
            else:
                text = _state(v)
            rows.append(f"<tr><td valign='top'>{html.escape(_field(k))}</td><td><b>{html.escape(text)}</b></td></tr>")
        parts.append(f"<p><b>{title}</b></p><table cellspacing='3'>{''.join(rows)}</table>{''.join(tables)}")
    if run.record_path:
        record = QCoreApplication.translate("ModelViews", "Record: {path}").format(path=html.escape(run.record_path))
        parts.append(f"<p style='color:#4b5563'>{record}</p>")
    return "".join(parts) or QCoreApplication.translate("ModelViews", "No details recorded.")


def _by_property_html(by_prop: dict) -> str:
    cols = []
    for x in by_prop.values():
        if isinstance(x, dict):
            cols += [c for c in x if c not in cols]
    head = "".join(f"<th align='right'>{html.escape(c.replace('_', ' '))}</th>" for c in cols)
    body = ""
    for name, x in by_prop.items():
        if not isinstance(x, dict):
            continue
        title = prop_title(name) if name in OBJECTIVES else name
        body += (
            f"<tr><td>{html.escape(title)}</td>"
            + "".join(f"<td align='right'>{html.escape(_short(x.get(c, '–')))}</td>" for c in cols)
            + "</tr>"
        )
    return (
        "<p>"
        + QCoreApplication.translate("ModelViews", "Feedback rows per property")
        + "</p><table cellspacing='4'><tr><th align='left'>"
        + QCoreApplication.translate("ModelViews", "property")
        + f"</th>{head}</tr>"
        f"{body}</table>"
    )


def _short(v: Any) -> str:
    if isinstance(v, float):
        return fmt_num(v)
    s = str(v)
    return s if len(s) <= 120 else s[:117] + "…"

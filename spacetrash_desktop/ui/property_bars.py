"""Each predicted property against the target: the 95% interval as a bar, the value as a tick, the
target's minimum or cap as a line with the failing side shaded. Green = the value meets the target
with its whole interval; amber = the value meets it but the interval crosses the limit; red = the
value misses it."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from spacetrash_desktop.domain import PROPERTY_NAMES
from spacetrash_desktop.ui.views import (
    OBJECTIVES,
    fmt_value,
    limit_sign,
    objective_title,
    target_limit,
    target_limits,
)

GOOD, MARGINAL, BAD = "#15803d", "#b45309", "#b91c1c"


def verdict(value: float, low: float, high: float, limit: float, kind: str) -> str:
    if kind == "min":
        if value < limit:
            return BAD
        return GOOD if low >= limit else MARGINAL
    if value > limit:
        return BAD
    return GOOD if high <= limit else MARGINAL


class PropertyBars(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.cand = None
        self.target = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Properties against the target"))

    def set_candidate(self, cand, target) -> None:
        self.cand, self.target = cand, target
        self.updateGeometry()
        if cand is not None and target is not None:
            parts = []
            for name, _title, unit, limit, kind in target_limits(target):
                template = (
                    self.tr("{title} {value} {unit} (at least {limit})")
                    if kind == "min"
                    else self.tr("{title} {value} {unit} (at most {limit})")
                )
                parts.append(
                    template.format(
                        title=objective_title(name),
                        value=fmt_value(name, cand.values[name]),
                        unit=unit,
                        limit=fmt_value(name, limit),
                    )
                )
            self.setAccessibleDescription("; ".join(parts))
        self.update()

    def _row_h(self) -> int:
        return QFontMetrics(self.font()).height() + 12

    def sizeHint(self) -> QSize:
        return QSize(520, self._row_h() * len(PROPERTY_NAMES) + 8)

    def minimumSizeHint(self) -> QSize:
        return QSize(320, self.sizeHint().height())

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        fm = QFontMetrics(self.font())
        if self.cand is None or self.target is None:
            p.setPen(pal.placeholderText().color())
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Select a recipe"))
            p.end()
            return
        row_h = self._row_h()
        name_w = max(fm.horizontalAdvance(f"{objective_title(n)} ({OBJECTIVES[n][1]})") for n in PROPERTY_NAMES) + 10
        text_w = fm.horizontalAdvance("0.00 [0.00–0.00]  ≥ 0.00 ✗") + 10
        x0 = name_w
        x1 = max(x0 + 60, self.width() - text_w - 6)
        for i, (name, _title, unit, limit, kind) in enumerate(target_limits(self.target)):
            label = f"{objective_title(name)} ({unit})"
            self._paint_row(p, QRectF(x0, 4 + i * row_h, x1 - x0, row_h), name, label, limit, kind)
        p.end()

    def _paint_row(self, p: QPainter, row: QRectF, name: str, label: str, limit: float, kind: str) -> None:
        """One property: ``label`` left of ``row``, the interval bar and the value in it, the numbers right of it."""
        pal = self.palette()
        x0, x1, y, row_h = row.left(), row.right(), row.top(), row.height()
        value, low, high = self.cand.values[name], self.cand.low[name], self.cand.high[name]
        if name in ("rigidity", "tightness"):
            lo_ax, hi_ax = 0.0, 1.0
        else:
            hi_ax = max(high, limit, value, 1e-9) * 1.15
            lo_ax = 0.0
        span = hi_ax - lo_ax

        def X(v):
            return x0 + (x1 - x0) * (min(max(v, lo_ax), hi_ax) - lo_ax) / span

        color = verdict(value, low, high, limit, kind)
        p.setPen(pal.text().color())
        p.drawText(
            QRectF(0, y, x0 - 6, row_h),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            label,
        )
        track = QRectF(x0, y + row_h / 2 - 3, x1 - x0, 6)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(pal.alternateBase())
        p.drawRoundedRect(track, 3, 3)
        # failing side of the target
        shade = QColor(BAD)
        shade.setAlpha(28)
        p.setBrush(shade)
        if kind == "min":
            p.drawRect(QRectF(x0, y + 3, X(limit) - x0, row_h - 6))
        else:
            p.drawRect(QRectF(X(limit), y + 3, x1 - X(limit), row_h - 6))
        # interval
        band = QColor(color)
        band.setAlpha(110)
        p.setBrush(band)
        p.drawRoundedRect(QRectF(X(low), y + row_h / 2 - 5, max(2.0, X(high) - X(low)), 10), 4, 4)
        # value
        p.setPen(QPen(QColor(color), 3))
        p.drawLine(int(X(value)), int(y + 4), int(X(value)), int(y + row_h - 4))
        # target line
        p.setPen(QPen(pal.text().color(), 1, Qt.PenStyle.DashLine))
        p.drawLine(int(X(limit)), int(y + 2), int(X(limit)), int(y + row_h - 2))
        # numbers
        mark = "✓" if color == GOOD else ("~" if color == MARGINAL else "✗")
        txt = f"{fmt_value(name, value)} [{fmt_value(name, low)}–{fmt_value(name, high)}]  {limit_sign(kind)} {fmt_value(name, limit)} {mark}"
        p.setPen(QColor(color) if color != GOOD else pal.text().color())
        p.drawText(
            QRectF(x1 + 8, y, self.width() - x1 - 8, row_h),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            txt,
        )

    @staticmethod
    def verdicts(cand, target) -> dict[str, str]:
        out = {}
        for name in PROPERTY_NAMES:
            limit, kind = target_limit(target, name)
            out[name] = verdict(cand.values[name], cand.low[name], cand.high[name], limit, kind)
        return out

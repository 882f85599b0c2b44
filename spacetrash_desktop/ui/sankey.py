"""Mass-flow (Sankey) widget drawn with QPainter: inputs (each waste item, regolith) -> process ->
product and each loss stream. Band widths are proportional to mass (one scale for the whole
picture); every node carries its label and mass; tiny flows stay visible as hairlines."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from spacetrash_desktop.domain import LOSS_STREAMS
from spacetrash_desktop.ui.i18n import number
from spacetrash_desktop.ui.views import fmt_kg

INPUT_COLORS = ("#2563eb", "#0891b2", "#7c3aed", "#db2777")
REGOLITH_COLOR = "#b45309"
PRODUCT_COLOR = "#15803d"
LOSS_COLOR = "#9ca3af"
PROCESS_COLOR = "#334155"
LOSS_TITLES = {key: title for _src, key, title in LOSS_STREAMS}
# the loss streams' titles (domain.LOSS_STREAMS) for the translators; shown through loss_title()
_LOSS_TITLE_TEXTS = (
    QT_TRANSLATE_NOOP("SankeyWidget", "Water vapour (condensed, recovered)"),
    QT_TRANSLATE_NOOP("SankeyWidget", "Regolith volatiles (H2O/CO2, captured)"),
    QT_TRANSLATE_NOOP("SankeyWidget", "Fines and dust (captured by the filter)"),
    QT_TRANSLATE_NOOP("SankeyWidget", "Trim and off-cuts (recyclable)"),
)


def loss_title(key: str) -> str:
    """A loss stream's title in the window's language (its key when the domain has no title for it)."""
    return QCoreApplication.translate("SankeyWidget", LOSS_TITLES[key]) if key in LOSS_TITLES else key


@dataclass
class Flow:
    label: str
    kg: float
    color: str


def flows_of(cand) -> tuple[list[Flow], str, list[Flow]]:
    """(inputs, process label, outputs) of a Candidate."""
    inputs = [
        Flow(name, float(kg), INPUT_COLORS[i % len(INPUT_COLORS)])
        for i, (name, kg) in enumerate(zip(cand.item_names, cand.item_kg))
        if kg > 0
    ]
    reg = float(cand.details.get("regolith_kg", 0.0))
    if reg > 0:
        inputs.append(Flow(QCoreApplication.translate("SankeyWidget", "MGS-1 regolith"), reg, REGOLITH_COLOR))
    product = QCoreApplication.translate("SankeyWidget", "Product")
    outputs = [Flow(product, float(cand.details.get("product_kg", 0.0)), PRODUCT_COLOR)]
    for key, kg in cand.losses().items():
        if kg > 1e-9:
            outputs.append(Flow(loss_title(key), float(kg), LOSS_COLOR))
    return inputs, cand.process_name, outputs


@dataclass
class _Geometry:
    """Where one paint of the diagram puts things (see :meth:`SankeyWidget._geometry`)."""

    line: int  # the height of a line of text
    label_w: int
    x_in: float  # the inputs' nodes' left edge
    scale: float  # pixels per kg
    total_in: float
    total_out: float
    in_rects: list[QRectF]
    out_rects: list[QRectF]
    proc: QRectF


class SankeyWidget(QWidget):
    NODE_W = 12

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.inputs: list[Flow] = []
        self.outputs: list[Flow] = []
        self.process = ""
        self._hit: list[tuple[QRectF, str]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(self.tr("Mass flow diagram"))
        self.setMouseTracking(True)

    def sizeHint(self) -> QSize:
        return QSize(520, 230)

    def minimumSizeHint(self) -> QSize:
        return QSize(300, 150)

    def set_candidate(self, cand) -> None:
        if cand is None:
            self.set_flows([], "", [])
            return
        self.set_flows(*flows_of(cand))

    def set_flows(self, inputs: list[Flow], process: str, outputs: list[Flow]) -> None:
        self.inputs, self.process, self.outputs = list(inputs), process, list(outputs)
        summary = "; ".join(f"{f.label} {fmt_kg(f.kg)}" for f in self.inputs)
        out = "; ".join(f"{f.label} {fmt_kg(f.kg)}" for f in self.outputs)
        self.setAccessibleDescription(
            self.tr("Inputs: {inputs}. Process: {process}. Outputs: {outputs}.").format(
                inputs=summary, process=process, outputs=out
            )
        )
        self.update()

    # ------------------------------------------------------------------ painting
    def _stack(self, flows: list[Flow], x: float, top: float, height: float, scale: float, gap: float):
        total_h = sum(max(1.0, f.kg * scale) for f in flows) + gap * (len(flows) - 1)
        y = top + (height - total_h) / 2
        rects = []
        for f in flows:
            h = max(1.0, f.kg * scale)
            rects.append(QRectF(x, y, self.NODE_W, h))
            y += h + gap
        return rects

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        p.fillRect(self.rect(), pal.base())
        self._hit = []
        fm = QFontMetrics(self.font())
        if not self.inputs or not self.outputs:
            p.setPen(pal.placeholderText().color())
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Select a recipe to see its mass flow"))
            p.end()
            return
        g = self._geometry(fm)
        self._paint_bands(p, g)
        self._paint_nodes(p, g)
        self._paint_labels(p, fm, g)
        self._paint_title_and_total(p, fm, g)
        feed = self.tr("{process}: feed {kg}").format(process=self.process, kg=fmt_kg(g.total_in))
        self._hit.append((g.proc.adjusted(-4, -4, 4, 4), feed))
        p.end()

    def _geometry(self, fm: QFontMetrics) -> _Geometry:
        """Where everything goes: one mass scale for the whole picture, room for the labels at the
        sides, the process title above and the feed total below."""
        w, h = self.width(), self.height()
        line = fm.height()
        margin_top = line + 8  # room for the process title
        margin_bottom = line + 6  # room for the feed total
        gap = line + 2  # labels of neighbouring nodes never overlap
        want = max(fm.horizontalAdvance(self._label(fm, f, 10_000)) for f in [*self.inputs, *self.outputs]) + 8
        label_w = int(max(60, min(want, w * 0.37, 300)))
        x_in = label_w + 8
        x_out = w - label_w - 8 - self.NODE_W
        x_proc = (x_in + x_out) / 2 - self.NODE_W / 2
        avail = h - margin_top - margin_bottom
        n_max = max(len(self.inputs), len(self.outputs))
        total_in = sum(f.kg for f in self.inputs)
        total_out = sum(f.kg for f in self.outputs)
        total = max(total_in, total_out, 1e-12)
        scale = max(0.0, avail - gap * (n_max - 1)) / total
        proc_h = max(2.0, total * scale)
        return _Geometry(
            line=line,
            label_w=label_w,
            x_in=x_in,
            scale=scale,
            total_in=total_in,
            total_out=total_out,
            in_rects=self._stack(self.inputs, x_in, margin_top, avail, scale, gap),
            out_rects=self._stack(self.outputs, x_out, margin_top, avail, scale, gap),
            proc=QRectF(x_proc, margin_top + (avail - proc_h) / 2, self.NODE_W, proc_h),
        )

    def _paint_bands(self, p: QPainter, g: _Geometry) -> None:
        """Inputs -> process (stacked in order on the process node), process -> outputs."""
        y = g.proc.top()
        for f, r in zip(self.inputs, g.in_rects):
            self._band(p, r.right(), r.top(), r.height(), g.proc.left(), y, max(1.0, f.kg * g.scale), f.color)
            y += f.kg * g.scale
        y = g.proc.top()
        for f, r in zip(self.outputs, g.out_rects):
            self._band(p, g.proc.right(), y, max(1.0, f.kg * g.scale), r.left(), r.top(), r.height(), f.color)
            y += f.kg * g.scale

    def _paint_nodes(self, p: QPainter, g: _Geometry) -> None:
        p.setPen(Qt.PenStyle.NoPen)
        for f, r in [*zip(self.inputs, g.in_rects), *zip(self.outputs, g.out_rects)]:
            p.setBrush(QColor(f.color))
            p.drawRect(r)
        p.setBrush(QColor(PROCESS_COLOR))
        p.drawRect(g.proc)

    def _paint_labels(self, p: QPainter, fm: QFontMetrics, g: _Geometry) -> None:
        """Each node's name and mass beside it (inputs on the left, outputs on the right); a tooltip each."""
        p.setPen(QPen(self.palette().text().color()))
        for f, r in zip(self.inputs, g.in_rects):
            box = QRectF(0, r.center().y() - g.line / 2, g.x_in - 6, g.line)
            p.drawText(box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, self._label(fm, f, g.label_w))
            self._hit.append((box.united(r), f"{f.label}: {fmt_kg(f.kg)}"))
        for f, r in zip(self.outputs, g.out_rects):
            box = QRectF(r.right() + 6, r.center().y() - g.line / 2, g.label_w, g.line)
            p.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self._label(fm, f, g.label_w))
            pct = 100 * f.kg / g.total_in if g.total_in > 0 else 0
            share = self.tr("{label}: {kg} ({pct}% of the feed)").format(
                label=f.label, kg=fmt_kg(f.kg), pct=number(float(pct), 1)
            )
            self._hit.append((box.united(r), share))

    def _paint_title_and_total(self, p: QPainter, fm: QFontMetrics, g: _Geometry) -> None:
        """The process's name above it (bold) and the feed against product and losses below it."""
        bold = p.font()
        bold.setBold(True)
        p.setFont(bold)
        bfm = QFontMetrics(bold)
        # the title row and the footer row hold no node labels: they may use the whole width
        cx = g.proc.center().x()
        half = min(cx, self.width() - cx) - 4
        title = bfm.elidedText(self.process, Qt.TextElideMode.ElideRight, int(max(40, 2 * half)))
        p.drawText(
            QRectF(cx - half, 2, 2 * half, g.line + 4),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter,
            title,
        )
        p.setFont(self.font())
        p.setPen(QPen(self.palette().placeholderText().color()))
        foot = fm.elidedText(
            self.tr("feed {feed}  →  product and losses {out}").format(
                feed=fmt_kg(g.total_in), out=fmt_kg(g.total_out)
            ),
            Qt.TextElideMode.ElideRight,
            int(max(40, 2 * half)),
        )
        p.drawText(
            QRectF(cx - half, self.height() - g.line - 4, 2 * half, g.line + 2),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter,
            foot,
        )

    def _label(self, fm: QFontMetrics, f: Flow, width: int) -> str:
        kg = fmt_kg(f.kg)
        room = width - fm.horizontalAdvance(" " + kg) - 4
        name = fm.elidedText(f.label, Qt.TextElideMode.ElideRight, max(10, int(room)))
        return f"{name} {kg}"

    @staticmethod
    def _band(p: QPainter, x0, y0, h0, x1, y1, h1, color: str) -> None:
        c = QColor(color)
        c.setAlpha(90)
        path = QPainterPath(QPointF(x0, y0))
        mx = (x0 + x1) / 2
        path.cubicTo(QPointF(mx, y0), QPointF(mx, y1), QPointF(x1, y1))
        path.lineTo(QPointF(x1, y1 + h1))
        path.cubicTo(QPointF(mx, y1 + h1), QPointF(mx, y0 + h0), QPointF(x0, y0 + h0))
        path.closeSubpath()
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(c)
        p.drawPath(path)

    def event(self, ev):  # tooltips on nodes and labels
        if ev.type() == ev.Type.ToolTip:
            pos = ev.position() if hasattr(ev, "position") else ev.pos()
            for rect, text in self._hit:
                if rect.contains(QPointF(pos)):
                    QToolTip.showText(ev.globalPos(), text, self)
                    return True
            QToolTip.hideText()
            ev.ignore()
            return True
        return super().event(ev)

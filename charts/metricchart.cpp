#include "metricchart.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

MetricChart::MetricChart(QWidget *parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setMinimumHeight(220);
    m_plot->setBackground(Qt::white);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->axisRect()->setRangeDrag(Qt::Horizontal);
    m_plot->axisRect()->setRangeZoom(Qt::Horizontal);
    m_plot->installEventFilter(this);
    m_plot->setMouseTracking(true);
    QFont legendFont = font();
    legendFont.setPointSizeF(legendFont.pointSizeF() * 0.9);
    m_plot->legend->setFont(legendFont);
    m_plot->legend->setBrush(QColor(255, 255, 255, 215));
    m_plot->legend->setBorderPen(Qt::NoPen);
    // The legend above the chart, in rows, not over the data.
    m_plot->axisRect()->insetLayout()->take(m_plot->legend);
    m_plot->plotLayout()->insertRow(0);
    m_plot->plotLayout()->addElement(0, 0, m_plot->legend);
    m_plot->plotLayout()->setRowStretchFactor(0, 0.001);
    m_plot->plotLayout()->setRowSpacing(0);
    m_plot->legend->setFillOrder(QCPLegend::foColumnsFirst);
    m_plot->legend->setWrap(6);
    m_plot->legend->setMargins(QMargins(4, 2, 4, 0));
}

QColor MetricChart::color(int index)
{
    static const QColor colors[] = {
        QColor(0x3B, 0x7D, 0xD8), QColor(0xE0, 0x7A, 0x1F), QColor(0x2E, 0x9E, 0x5B),
        QColor(0xC2, 0x3B, 0x4E), QColor(0x7B, 0x5C, 0xC4), QColor(0x1F, 0xA3, 0xA8),
        QColor(0xB5, 0x8B, 0x1E), QColor(0x8A, 0x8A, 0x8A), QColor(0x5D, 0x3A, 0x1A)};
    return colors[index % int(std::size(colors))];
}

void MetricChart::setPanel(const MetricDashboards::PanelData &data)
{
    using Chart = MetricDashboards::Chart;
    const Style style = data.chart == Chart::StackedBars      ? Style::StackedBars
                        : data.chart == Chart::GroupedBars    ? Style::GroupedBars
                        : data.chart == Chart::HorizontalBars ? Style::HorizontalBars
                        : data.chart == Chart::HeatMap        ? Style::HeatMap
                                                              : Style::Lines;
    QList<Series> series;
    for (const MetricDashboards::Line &line : data.lines)
        series.append({line.name, line.values, line.dashed});
    const MetricStore::Unit unit = data.unit;
    setData(
        style, data.categories, data.incomplete, series,
        [unit](double v) { return MetricStore::format(v, unit); },
        unit == MetricStore::Unit::Percent);
}

void MetricChart::setData(Style style, const QStringList &categories, const QList<bool> &incomplete,
                          const QList<Series> &series, const Formatter &format, bool percent)
{
    m_style = style;
    m_categories = categories;
    m_incomplete = incomplete;
    m_series = series;
    m_format = format;
    m_percent = percent;
    m_plot->clearPlottables();
    m_plot->clearItems();
    if (m_plot->plotLayout()->elementCount() > 1) {
        // A heat map's colour scale from before.
        for (int i = m_plot->plotLayout()->elementCount() - 1; i > 0; --i) {
            if (auto *scale = qobject_cast<QCPColorScale *>(m_plot->plotLayout()->elementAt(i)))
                m_plot->plotLayout()->remove(scale);
        }
        m_plot->plotLayout()->simplify();
    }
    for (QCPAxis *axis : {m_plot->xAxis, m_plot->yAxis}) {
        axis->setBasePen(QPen(QColor(0xB0, 0xB0, 0xB0)));
        axis->setTickPen(QPen(QColor(0xB0, 0xB0, 0xB0)));
        axis->setSubTickPen(Qt::NoPen);
        axis->setTickLabelColor(QColor(0x55, 0x55, 0x55));
        axis->grid()->setPen(QPen(QColor(0xE6, 0xE6, 0xE6), 0, Qt::SolidLine));
        axis->setRangeReversed(false);
        axis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    }
    m_plot->xAxis->grid()->setVisible(false);
    const double scale = percent ? 100.0 : 1.0;
    const int n = int(categories.size());
    QVector<double> keys(n);
    for (int i = 0; i < n; ++i)
        keys[i] = i;
    const bool horizontal = style == Style::HorizontalBars;
    QCPAxis *keyAxis = horizontal ? m_plot->yAxis : m_plot->xAxis;
    QCPAxis *valueAxis = horizontal ? m_plot->xAxis : m_plot->yAxis;
    double top = 0;

    if (style == Style::HeatMap) {
        auto *map = new QCPColorMap(m_plot->xAxis, m_plot->yAxis);
        const int columns = int(series.size());
        map->data()->setSize(std::max(columns, 1), std::max(n, 1));
        map->data()->setRange(QCPRange(0, std::max(columns - 1, 0)),
                              QCPRange(0, std::max(n - 1, 0)));
        double most = 0;
        for (int c = 0; c < columns; ++c) {
            for (int r = 0; r < n; ++r) {
                const double v = series[c].values.value(r, qQNaN());
                map->data()->setCell(c, r, std::isnan(v) ? qQNaN() : v * scale);
                if (c > 0 && !std::isnan(v))
                    most = std::max(most, v * scale);
            }
        }
        QCPColorGradient gradient;
        gradient.clearColorStops();
        gradient.setColorStopAt(0, QColor(0xF4, 0xF8, 0xFD));
        gradient.setColorStopAt(0.5, QColor(0x6C, 0xA6, 0xE8));
        gradient.setColorStopAt(1, QColor(0x12, 0x3F, 0x7A));
        gradient.setNanHandling(QCPColorGradient::nhTransparent);
        map->setGradient(gradient);
        map->setInterpolate(false);
        // D0 is near 100 %: the scale follows D1 and later, D0 saturates.
        map->setDataRange(QCPRange(0, std::max(most, 1.0)));
        auto *colorScale = new QCPColorScale(m_plot);
        m_plot->plotLayout()->addElement(1, 1, colorScale);
        colorScale->setType(QCPAxis::atRight);
        colorScale->setBarWidth(10);
        // Linked, the map takes the scale's gradient and range: set them on the scale.
        map->setColorScale(colorScale);
        colorScale->setGradient(gradient);
        colorScale->setDataRange(QCPRange(0, std::max(most, 1.0)));
        colorScale->axis()->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
        colorScale->axis()->setLabel(QStringLiteral("%"));
        auto *margins = new QCPMarginGroup(m_plot);
        m_plot->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
        colorScale->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
        m_plot->xAxis->setRange(-0.5, std::max(columns, 1) - 0.5);
        m_plot->yAxis->setRange(-0.5, std::max(n, 1) - 0.5);
        m_plot->yAxis->setRangeReversed(true);
        m_plot->legend->setVisible(false);
        QSharedPointer<QCPAxisTickerText> columnTicks(new QCPAxisTickerText);
        for (int c = 0; c < columns; c += std::max(1, columns / 10))
            columnTicks->addTick(c, series[c].name);
        m_plot->xAxis->setTicker(columnTicks);
        updateTicks();
        m_plot->replot();
        return;
    }

    // Incomplete categories: a shaded band behind the data.
    for (int i = 0; i < n; ++i) {
        if (!incomplete.value(i))
            continue;
        int j = i;
        while (j + 1 < n && incomplete.value(j + 1))
            ++j;
        auto *band = new QCPItemRect(m_plot);
        band->setLayer(QStringLiteral("background"));
        band->setClipToAxisRect(true);
        band->setPen(Qt::NoPen);
        band->setBrush(QBrush(QColor(0xC8, 0xC8, 0xC8, 90), Qt::BDiagPattern));
        for (QCPItemPosition *pos : {band->topLeft, band->bottomRight}) {
            pos->setTypeX(horizontal ? QCPItemPosition::ptAxisRectRatio
                                     : QCPItemPosition::ptPlotCoords);
            pos->setTypeY(horizontal ? QCPItemPosition::ptPlotCoords
                                     : QCPItemPosition::ptAxisRectRatio);
        }
        if (horizontal) {
            band->topLeft->setCoords(0, i - 0.5);
            band->bottomRight->setCoords(1, j + 0.5);
        } else {
            band->topLeft->setCoords(i - 0.5, 0);
            band->bottomRight->setCoords(j + 0.5, 1);
        }
        i = j;
    }

    QCPBars *below = nullptr;
    QVector<double> stackTotal(n, 0);
    const int solid =
        int(std::count_if(series.begin(), series.end(), [](const Series &s) { return !s.dashed; }));
    int solidIndex = 0;
    int dashedIndex = 0;
    for (const Series &s : series) {
        QVector<double> values(n);
        for (int i = 0; i < n; ++i)
            values[i] = s.values.value(i, qQNaN()) * scale;
        const QColor color = MetricChart::color(s.dashed ? dashedIndex++ : solidIndex++);
        const bool asBars = !s.dashed && style != Style::Lines;
        if (asBars) {
            auto *bars = new QCPBars(keyAxis, valueAxis);
            bars->setName(s.name);
            bars->setPen(Qt::NoPen);
            bars->setBrush(color);
            if (style == Style::GroupedBars) {
                bars->setWidth(0.8 / std::max(solid, 1));
                QVector<double> shifted(n);
                for (int i = 0; i < n; ++i)
                    shifted[i] = i - 0.4 + (solidIndex - 0.5) * 0.8 / std::max(solid, 1);
                QVector<double> clean(values);
                for (double &v : clean)
                    v = std::isnan(v) ? 0 : v;
                bars->setData(shifted, clean, true);
                for (double v : std::as_const(clean))
                    top = std::max(top, v);
                continue;
            }
            bars->setWidth(0.72);
            QVector<double> clean(values);
            for (int i = 0; i < n; ++i) {
                clean[i] = std::isnan(clean[i]) ? 0 : clean[i];
                stackTotal[i] += clean[i];
                top = std::max(top, style == Style::StackedBars ? stackTotal[i] : clean[i]);
            }
            bars->setData(keys, clean, true);
            if (style == Style::StackedBars && below) {
                bars->setStackingGap(0);
                bars->moveAbove(below);
            }
            below = bars;
            continue;
        }
        QCPGraph *graph = m_plot->addGraph(keyAxis, valueAxis);
        graph->setName(s.name);
        QPen pen(color, s.dashed ? 1.5 : 2);
        if (s.dashed) {
            pen.setStyle(Qt::DashLine);
            pen.setColor(style == Style::Lines ? color.lighter(125) : QColor(0x55, 0x55, 0x55));
        }
        graph->setPen(pen);
        if (n <= 45)
            graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, s.dashed ? 3 : 5));
        graph->setData(keys, values, true);
        for (double v : std::as_const(values))
            if (!std::isnan(v))
                top = std::max(top, v);
    }
    keyAxis->setRange(-0.6, std::max(n, 1) - 0.4);
    valueAxis->setRange(0, top > 0 ? top * 1.12 : 1);
    if (horizontal)
        keyAxis->setRangeReversed(true);
    if (percent)
        valueAxis->setLabel(QStringLiteral("%"));
    else
        valueAxis->setLabel(QString());
    m_plot->legend->setVisible(!series.isEmpty());
    updateTicks();
    m_plot->replot();
}

void MetricChart::updateTicks(int width)
{
    const bool horizontal = m_style == Style::HorizontalBars;
    const bool heat = m_style == Style::HeatMap;
    QCPAxis *axis = horizontal || heat ? m_plot->yAxis : m_plot->xAxis;
    const QCPRange range = axis->range();
    const double shown = std::max(1.0, range.size());
    // Before the first layout (offscreen reports) the axis rect has no size yet: the width
    // the chart is drawn at decides.
    const int along =
        horizontal || heat ? m_plot->axisRect()->height() : m_plot->axisRect()->width();
    const int pixels =
        std::max(horizontal || heat ? 40 : 80, width > 0 && !(horizontal || heat) ? width : along);
    const int per = horizontal || heat ? 18 : 80;
    const int step = std::max(1, int(std::ceil(shown / std::max(1, pixels / per))));
    QSharedPointer<QCPAxisTickerText> ticks(new QCPAxisTickerText);
    for (int i = 0; i < m_categories.size(); i += step)
        ticks->addTick(i, m_categories[i]);
    axis->setTicker(ticks);
}

QString MetricChart::toolTipAt(int index, int column) const
{
    if (index < 0 || index >= m_categories.size())
        return {};
    QString text = QStringLiteral("<b>%1</b>").arg(m_categories[index].toHtmlEscaped());
    if (m_incomplete.value(index))
        text += QStringLiteral(" <i>(%1)</i>").arg(tr("incomplete"));
    const auto format = [this](double v) {
        return m_format ? m_format(v) : QString::number(v);
    };
    if (m_style == Style::HeatMap) {
        if (column < 0 || column >= m_series.size())
            return text;
        return text + QStringLiteral("<br>%1: %2")
                          .arg(m_series[column].name.toHtmlEscaped(),
                               format(m_series[column].values.value(index, qQNaN())));
    }
    double total = 0;
    int solid = 0;
    for (const Series &s : m_series) {
        const double v = s.values.value(index, qQNaN());
        text += QStringLiteral("<br>%1: %2").arg(s.name.toHtmlEscaped(), format(v));
        if (!s.dashed && !std::isnan(v)) {
            total += v;
            ++solid;
        }
    }
    if (m_style == Style::StackedBars && solid > 1)
        text += QStringLiteral("<br><b>%1: %2</b>").arg(tr("Total"), format(total));
    return text;
}

void MetricChart::resetView()
{
    const int n = int(m_categories.size());
    if (m_style == Style::HeatMap) {
        m_plot->xAxis->setRange(-0.5, std::max<int>(int(m_series.size()), 1) - 0.5);
    } else {
        (m_style == Style::HorizontalBars ? m_plot->yAxis : m_plot->xAxis)
            ->setRange(-0.6, std::max(n, 1) - 0.4);
    }
    updateTicks();
    m_plot->replot();
}

QPair<double, double> MetricChart::visibleRange() const
{
    const QCPRange r = m_plot->xAxis->range();
    return {r.lower, r.upper};
}

bool MetricChart::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_plot) {
        switch (event->type()) {
        case QEvent::MouseMove: {
            const auto *mouse = static_cast<QMouseEvent *>(event);
            const QPointF pos = mouse->position();
            if (!m_plot->axisRect()->rect().contains(pos.toPoint())) {
                QToolTip::hideText();
                break;
            }
            const bool horizontal = m_style == Style::HorizontalBars;
            const bool heat = m_style == Style::HeatMap;
            const int index =
                int(std::lround(horizontal || heat ? m_plot->yAxis->pixelToCoord(pos.y())
                                                   : m_plot->xAxis->pixelToCoord(pos.x())));
            const int column = heat ? int(std::lround(m_plot->xAxis->pixelToCoord(pos.x()))) : -1;
            const QString tip = toolTipAt(index, column);
            if (tip.isEmpty())
                QToolTip::hideText();
            else
                QToolTip::showText(mouse->globalPosition().toPoint(), tip, m_plot);
            if (mouse->buttons() != Qt::NoButton)
                updateTicks();
            break;
        }
        case QEvent::Wheel:
        case QEvent::Resize:
            QMetaObject::invokeMethod(
                this,
                [this] {
                    updateTicks();
                    m_plot->replot();
                },
                Qt::QueuedConnection);
            break;
        case QEvent::MouseButtonDblClick:
            resetView();
            return true;
        case QEvent::Leave:
            QToolTip::hideText();
            break;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void MetricChart::render(QCPPainter *painter, const QRect &rect)
{
    updateTicks(rect.width() - 90);
    painter->save();
    painter->translate(rect.topLeft());
    m_plot->toPainter(painter, rect.width(), rect.height());
    painter->restore();
}

bool MetricChart::savePng(const QString &path, int width, int height)
{
    updateTicks(width - 90);
    return m_plot->savePng(path, width, height);
}

bool MetricChart::savePdf(const QString &path, int width, int height)
{
    updateTicks(width - 90);
    return m_plot->savePdf(path, width, height);
}

#include "leveldistributionchart.h"

#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>

namespace {

QColor levelColor(int level, int levels)
{
    if (level == 0)
        return QColor(0xC8, 0xC8, 0xC8);
    // From a light to a deep blue, then the top level in amber.
    if (level == levels - 1 && levels > 2)
        return QColor(0xE0, 0x9B, 0x1A);
    const double t = levels <= 2 ? 1.0 : double(level - 1) / double(std::max(1, levels - 2));
    return QColor::fromHsvF(0.58, 0.25 + 0.6 * t, 0.95 - 0.35 * t);
}

} // namespace

void LevelDistributionChart::style(QCustomPlot *plot)
{
    plot->setBackground(plot->palette().base());
    plot->xAxis->grid()->setVisible(false);
    plot->yAxis->grid()->setPen(QPen(QColor(0xE3, 0xE3, 0xE3), 0, Qt::SolidLine));
    for (QCPAxis *axis : {plot->xAxis, plot->yAxis}) {
        axis->setBasePen(QPen(QColor(0xB0, 0xB0, 0xB0)));
        axis->setTickPen(QPen(QColor(0xB0, 0xB0, 0xB0)));
        axis->setSubTickPen(Qt::NoPen);
        axis->setTickLabelColor(QColor(0x55, 0x55, 0x55));
    }
    plot->legend->setVisible(true);
    plot->legend->setBorderPen(Qt::NoPen);
    plot->legend->setBrush(QColor(255, 255, 255, 220));
    QFont font = plot->font();
    font.setPointSizeF(font.pointSizeF() * 0.9);
    plot->legend->setFont(font);
}

LevelDistributionChart::LevelDistributionChart(QWidget *parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setMinimumHeight(200);
    style(m_plot);
    // The bands fill the plot: the legend stands beside it.
    m_plot->axisRect()->insetLayout()->take(m_plot->legend);
    auto *side = new QCPLayoutGrid;
    m_plot->plotLayout()->addElement(0, 1, side);
    m_plot->plotLayout()->setColumnStretchFactor(1, 0.001);
    side->addElement(0, 0, m_plot->legend);
    side->addElement(1, 0, new QCPLayoutElement(m_plot));
    side->setRowStretchFactor(0, 0.001);
    m_plot->legend->setMargins(QMargins(8, 4, 4, 4));
    auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
    ticker->setDateTimeFormat(QStringLiteral("MM-dd"));
    ticker->setDateTimeSpec(Qt::UTC);
    m_plot->xAxis->setTicker(ticker);
    retranslate();
}

void LevelDistributionChart::retranslate()
{
    m_plot->yAxis->setLabel(tr("Creators"));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

int LevelDistributionChart::bandCount() const
{
    return m_plot->graphCount();
}

void LevelDistributionChart::setDistribution(const QList<Day> &days, const QStringList &levelNames)
{
    m_plot->clearGraphs();
    m_plot->clearItems();
    m_versionMarks = 0;
    const int levels = int(levelNames.size());
    QVector<double> keys;
    for (const Day &d : days)
        keys.append(QDateTime(d.day, QTime(0, 0), Qt::UTC).toSecsSinceEpoch());
    // Bands from the top level down, each filled to the one below: the stack reads upwards.
    QVector<double> below(days.size(), 0.0);
    QList<QVector<double>> tops;
    for (int level = 0; level < levels; ++level) {
        QVector<double> top(days.size());
        for (qsizetype i = 0; i < days.size(); ++i)
            top[i] = below[i] + days[i].creators.value(level);
        tops.append(top);
        below = top;
    }
    QCPGraph *previous = nullptr;
    QList<QCPGraph *> graphs;
    for (int level = 0; level < levels; ++level) {
        QCPGraph *g = m_plot->addGraph();
        const QColor color = levelColor(level, levels);
        g->setPen(QPen(color.darker(115), 1));
        g->setBrush(color);
        g->setName(levelNames.at(level));
        g->setData(keys, tops.at(level), true);
        if (previous)
            g->setChannelFillGraph(previous);
        previous = g;
        graphs.append(g);
    }
    // The legend lists the top level first, as the bands stack.
    m_plot->legend->clearItems();
    for (qsizetype i = graphs.size() - 1; i >= 0; --i)
        m_plot->legend->addItem(new QCPPlottableLegendItem(m_plot->legend, graphs.at(i)));
    double maxValue = 1;
    for (double v : below)
        maxValue = std::max(maxValue, v);
    for (qsizetype i = 1; i < days.size(); ++i) {
        if (days[i].version == days[i - 1].version)
            continue;
        auto *line = new QCPItemStraightLine(m_plot);
        line->point1->setCoords(keys[i], 0);
        line->point2->setCoords(keys[i], 1);
        line->setPen(QPen(QColor(0x55, 0x55, 0x55), 1, Qt::DashLine));
        auto *label = new QCPItemText(m_plot);
        label->position->setCoords(keys[i], maxValue * 1.12);
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
        label->setPadding(QMargins(4, 0, 0, 0));
        label->setText(tr("version %1").arg(days[i].version));
        label->setColor(QColor(0x44, 0x44, 0x44));
        ++m_versionMarks;
    }
    if (!keys.isEmpty())
        m_plot->xAxis->setRange(keys.first() - 43200, keys.last() + 43200);
    m_plot->yAxis->setRange(0, maxValue * 1.15);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

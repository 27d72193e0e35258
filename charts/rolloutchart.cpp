#include "rolloutchart.h"

#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>

RolloutChart::RolloutChart(QWidget *parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setMinimumHeight(160);
    m_plot->setBackground(palette().base());
    m_offers = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_offers->setPen(Qt::NoPen);
    m_offers->setBrush(QColor(0x3B, 0x7D, 0xD8));
    m_offers->setWidth(0.7 * 86400);
    m_percent = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis2);
    m_percent->setPen(QPen(QColor(0xD9, 0x77, 0x06), 2));
    m_percent->setLineStyle(QCPGraph::lsStepLeft);
    m_halted = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis2);
    m_halted->setPen(QPen(QColor(0xB0, 0x30, 0x30), 2, Qt::DashLine));
    m_halted->setLineStyle(QCPGraph::lsStepLeft);
    auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
    ticker->setDateTimeFormat(QStringLiteral("MM-dd"));
    ticker->setDateTimeSpec(Qt::LocalTime);
    m_plot->xAxis->setTicker(ticker);
    m_plot->xAxis->grid()->setVisible(false);
    m_plot->yAxis->grid()->setPen(QPen(QColor(0xE3, 0xE3, 0xE3), 0, Qt::SolidLine));
    m_plot->yAxis2->setVisible(true);
    m_plot->yAxis2->setRange(0, 100);
    for (QCPAxis *axis : {m_plot->xAxis, m_plot->yAxis, m_plot->yAxis2}) {
        axis->setBasePen(QPen(QColor(0xB0, 0xB0, 0xB0)));
        axis->setTickPen(QPen(QColor(0xB0, 0xB0, 0xB0)));
        axis->setSubTickPen(Qt::NoPen);
        axis->setTickLabelColor(QColor(0x55, 0x55, 0x55));
    }
    retranslate();
}

void RolloutChart::retranslate()
{
    m_plot->yAxis->setLabel(tr("Users offered per day"));
    m_plot->yAxis2->setLabel(tr("Rollout %"));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void RolloutChart::clear()
{
    setRollout({}, {}, {});
}

void RolloutChart::setRollout(const QList<QPair<QDate, qint64>> &offersPerDay,
                              const QList<QPair<QDateTime, double>> &percent,
                              const QList<QPair<QDateTime, QString>> &states)
{
    QVector<double> dayKeys;
    QVector<double> counts;
    double maxCount = 0;
    for (const auto &[day, count] : offersPerDay) {
        // Bars centred on the day's noon.
        dayKeys.append(QDateTime(day, QTime(12, 0), Qt::LocalTime).toSecsSinceEpoch());
        counts.append(double(count));
        maxCount = std::max(maxCount, double(count));
    }
    m_offers->setData(dayKeys, counts, true);
    // The percentage as steps, to now; the halted stretches drawn apart.
    QVector<double> keys, values, haltedKeys, haltedValues;
    for (qsizetype i = 0; i < percent.size(); ++i) {
        const double at = percent[i].first.toSecsSinceEpoch();
        const bool halted = states.value(i).second == QLatin1String("halted");
        keys.append(at);
        values.append(percent[i].second);
        haltedKeys.append(at);
        haltedValues.append(halted ? percent[i].second : qQNaN());
    }
    if (!keys.isEmpty()) {
        const double now = QDateTime::currentSecsSinceEpoch();
        keys.append(std::max(now, keys.last()));
        values.append(values.last());
        haltedKeys.append(keys.last());
        haltedValues.append(haltedValues.last());
    }
    m_percent->setData(keys, values, true);
    m_halted->setData(haltedKeys, haltedValues, true);
    double first = keys.isEmpty() ? QDateTime::currentSecsSinceEpoch() - 7 * 86400 : keys.first();
    double last = keys.isEmpty() ? QDateTime::currentSecsSinceEpoch() : keys.last();
    if (!dayKeys.isEmpty()) {
        first = std::min(first, dayKeys.first() - 86400);
        last = std::max(last, dayKeys.last() + 86400);
    }
    if (last - first < 2 * 86400)
        first = last - 2 * 86400;
    m_plot->xAxis->setRange(first - 3600, last + 3600);
    m_plot->yAxis->setRange(0, std::max(1.0, maxCount * 1.15));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

int RolloutChart::offerBars() const
{
    return m_offers->data()->size();
}

int RolloutChart::percentPoints() const
{
    return m_percent->data()->size();
}

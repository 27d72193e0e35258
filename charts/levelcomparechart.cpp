#include "levelcomparechart.h"

#include "leveldistributionchart.h"

#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>

LevelCompareChart::LevelCompareChart(QWidget *parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setMinimumHeight(150);
    LevelDistributionChart::style(m_plot);
    m_group = new QCPBarsGroup(m_plot);
    m_group->setSpacing(2);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignRight | Qt::AlignTop);
    retranslate();
}

void LevelCompareChart::retranslate()
{
    m_plot->yAxis->setLabel(tr("Creators"));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LevelCompareChart::setCounts(const QList<int> &now, const QList<int> &draft,
                                  const QStringList &labels)
{
    m_plot->clearPlottables();
    m_group->clear();
    QCPBarsGroup *group = m_group;
    const auto bars = [&](const QList<int> &counts, const QColor &color, const QString &name) {
        auto *b = new QCPBars(m_plot->xAxis, m_plot->yAxis);
        b->setPen(Qt::NoPen);
        b->setBrush(color);
        b->setWidth(0.38);
        b->setName(name);
        b->setBarsGroup(group);
        QVector<double> keys, values;
        for (qsizetype i = 0; i < labels.size(); ++i) {
            keys.append(double(i));
            values.append(counts.value(i));
        }
        b->setData(keys, values, true);
        return values;
    };
    const QVector<double> nowValues = bars(now, QColor(0xB8, 0xC4, 0xD6), tr("Now"));
    const QVector<double> draftValues = bars(draft, QColor(0x3B, 0x7D, 0xD8), tr("Draft"));
    m_draft = QList<double>(draftValues.begin(), draftValues.end());
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (qsizetype i = 0; i < labels.size(); ++i)
        ticker->addTick(double(i), labels.at(i));
    m_plot->xAxis->setTicker(ticker);
    m_plot->xAxis->setRange(-0.6, double(labels.size()) - 0.4);
    double maxValue = 1;
    for (double v : nowValues + draftValues)
        maxValue = std::max(maxValue, v);
    m_plot->yAxis->setRange(0, maxValue * 1.15);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

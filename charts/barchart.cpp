#include "barchart.h"

#include <QLocale>
#include <QMouseEvent>
#include <QToolTip>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

BarChart::BarChart(QWidget *parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setMinimumHeight(140);
    m_plot->setBackground(palette().base());
    m_bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_bars->setPen(Qt::NoPen);
    m_bars->setBrush(QColor(0x3B, 0x7D, 0xD8));
    m_bars->setWidth(0.75);
    m_line = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis2);
    m_line->setPen(QPen(QColor(0xD9, 0x77, 0x06), 2));
    m_plot->xAxis->grid()->setVisible(false);
    m_plot->yAxis->grid()->setPen(QPen(QColor(0xE3, 0xE3, 0xE3), 0, Qt::SolidLine));
    for (QCPAxis *axis : {m_plot->xAxis, m_plot->yAxis, m_plot->yAxis2}) {
        axis->setBasePen(QPen(QColor(0xB0, 0xB0, 0xB0)));
        axis->setTickPen(QPen(QColor(0xB0, 0xB0, 0xB0)));
        axis->setSubTickPen(Qt::NoPen);
        axis->setTickLabelColor(QColor(0x55, 0x55, 0x55));
    }
    m_plot->yAxis2->setRange(0, 100);
    m_plot->installEventFilter(this);
    m_plot->setMouseTracking(true);
}

void BarChart::setSeries(const QStringList &labels, const QList<double> &values,
                         const QString &valueLabel, bool cumulative, double total)
{
    m_labels = labels;
    m_values = values;
    m_valueLabel = valueLabel;
    m_cumulative.clear();
    const int n = int(std::min(labels.size(), values.size()));
    QVector<double> keys(n);
    QVector<double> shares(n);
    if (total <= 0) {
        for (int i = 0; i < n; ++i)
            total += values.at(i);
    }
    double running = 0;
    for (int i = 0; i < n; ++i) {
        keys[i] = i;
        running += values.at(i);
        shares[i] = total > 0 ? 100.0 * running / total : 0;
    }
    if (cumulative)
        m_cumulative = QList<double>(shares.begin(), shares.end());
    m_bars->setData(keys, QVector<double>(values.begin(), values.begin() + n), true);
    m_line->setData(cumulative ? keys : QVector<double>(), cumulative ? shares : QVector<double>(),
                    true);
    m_plot->yAxis2->setVisible(cumulative);
    if (cumulative) {
        QSharedPointer<QCPAxisTickerText> percent(new QCPAxisTickerText);
        for (int p = 0; p <= 100; p += 25)
            percent->addTick(p, QStringLiteral("%1 %").arg(p));
        m_plot->yAxis2->setTicker(percent);
    }
    const double maxValue = n == 0 ? 1.0 : *std::max_element(values.begin(), values.begin() + n);
    m_plot->xAxis->setRange(-0.8, std::max(n, 1) - 0.2);
    m_plot->yAxis->setRange(0, std::max(1.0, maxValue * 1.1));
    updateTicks();
}

void BarChart::updateTicks()
{
    // As many labels as fit: about one per 70 pixels (the labels are names).
    const int n = int(std::min(m_labels.size(), m_values.size()));
    const int fit = std::max(1, m_plot->axisRect()->width() / 70);
    const int step = std::max(1, (n + fit - 1) / fit);
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (int i = 0; i < n; i += step)
        ticker->addTick(i, m_labels.at(i));
    m_plot->xAxis->setTicker(ticker);
    m_plot->xAxis->setTickLabelRotation(step > 1 ? 45 : 0);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

bool BarChart::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_plot && event->type() == QEvent::Resize)
        QMetaObject::invokeMethod(this, &BarChart::updateTicks, Qt::QueuedConnection);
    if (watched == m_plot && event->type() == QEvent::MouseMove) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        const double x = m_plot->xAxis->pixelToCoord(mouse->position().x());
        const int i = int(std::lround(x));
        if (i >= 0 && i < m_values.size() && i < m_labels.size() && std::abs(x - i) < 0.45) {
            QString text =
                QStringLiteral("%1: %2 %3")
                    .arg(m_labels.at(i), QLocale().toString(m_values.at(i), 'f', 0), m_valueLabel);
            if (i < m_cumulative.size())
                text +=
                    QStringLiteral(" (%1 %)").arg(QLocale().toString(m_cumulative.at(i), 'f', 1));
            QToolTip::showText(mouse->globalPosition().toPoint(), text, m_plot);
        } else {
            QToolTip::hideText();
        }
    }
    return QWidget::eventFilter(watched, event);
}

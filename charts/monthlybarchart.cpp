#include "monthlybarchart.h"

#include <QDate>
#include <QLocale>
#include <QMouseEvent>
#include <QToolTip>
#include <QVBoxLayout>
#include <qcustomplot.h>

MonthlyBarChart::MonthlyBarChart(QWidget *parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setMinimumHeight(150);
    m_plot->setBackground(palette().base());
    m_bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_bars->setPen(Qt::NoPen);
    m_bars->setBrush(QColor(0x3B, 0x7D, 0xD8));
    m_bars->setWidth(0.75);
    m_plot->xAxis->grid()->setVisible(false);
    m_plot->yAxis->grid()->setPen(QPen(QColor(0xE3, 0xE3, 0xE3), 0, Qt::SolidLine));
    for (QCPAxis *axis : {m_plot->xAxis, m_plot->yAxis}) {
        axis->setBasePen(QPen(QColor(0xB0, 0xB0, 0xB0)));
        axis->setTickPen(QPen(QColor(0xB0, 0xB0, 0xB0)));
        axis->setSubTickPen(Qt::NoPen);
        axis->setTickLabelColor(QColor(0x55, 0x55, 0x55));
    }
    m_plot->axisRect()->setAutoMargins(QCP::msLeft | QCP::msBottom);
    m_plot->axisRect()->setMargins(QMargins(0, 6, 6, 0));
    m_plot->installEventFilter(this);
    m_plot->setMouseTracking(true);
}

void MonthlyBarChart::clear()
{
    setSeries({}, m_valueLabel);
}

void MonthlyBarChart::setSeries(const QList<QPair<QString, qint64>> &series,
                                const QString &valueLabel)
{
    m_valueLabel = valueLabel;
    m_months.clear();
    m_values.clear();
    if (!series.isEmpty()) {
        QDate month = QDate::fromString(series.first().first + QStringLiteral("-01"), Qt::ISODate);
        const QDate last =
            QDate::fromString(series.last().first + QStringLiteral("-01"), Qt::ISODate);
        int at = 0;
        while (month.isValid() && month <= last) {
            const QString key = month.toString(QStringLiteral("yyyy-MM"));
            qint64 value = 0;
            if (at < series.size() && series.at(at).first == key)
                value = series.at(at++).second;
            m_months.append(key);
            m_values.append(double(value));
            month = month.addMonths(1);
        }
    }
    QVector<double> keys(m_values.size());
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    const int step = std::max<int>(1, int(m_months.size() / 6));
    for (int i = 0; i < m_values.size(); ++i) {
        keys[i] = i;
        if (i % step == 0)
            ticker->addTick(i, m_months.at(i));
    }
    m_plot->xAxis->setTicker(ticker);
    m_bars->setData(keys, QVector<double>(m_values.begin(), m_values.end()), true);
    const double maxValue =
        m_values.isEmpty() ? 1.0 : *std::max_element(m_values.begin(), m_values.end());
    m_plot->xAxis->setRange(-0.8, std::max<double>(m_values.size(), 1) - 0.2);
    m_plot->yAxis->setRange(0, std::max(1.0, maxValue * 1.1));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

bool MonthlyBarChart::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_plot && event->type() == QEvent::MouseMove) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        const double x = m_plot->xAxis->pixelToCoord(mouse->position().x());
        const int i = int(std::lround(x));
        if (i >= 0 && i < m_values.size() && std::abs(x - i) < 0.45) {
            QToolTip::showText(
                mouse->globalPosition().toPoint(),
                QStringLiteral("%1: %2 %3")
                    .arg(m_months.at(i), QLocale().toString(qint64(m_values.at(i))), m_valueLabel),
                m_plot);
        } else {
            QToolTip::hideText();
        }
    }
    return QWidget::eventFilter(watched, event);
}

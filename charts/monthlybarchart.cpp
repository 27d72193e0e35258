#include "monthlybarchart.h"

#include <QDate>

MonthlyBarChart::MonthlyBarChart(QWidget *parent)
    : BarChart(parent)
{
    setMinimumHeight(150);
}

void MonthlyBarChart::clear()
{
    BarChart::setSeries({}, {}, QString());
}

void MonthlyBarChart::setSeries(const QList<QPair<QString, qint64>> &series,
                                const QString &valueLabel)
{
    QStringList months;
    QList<double> values;
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
            months.append(key);
            values.append(double(value));
            month = month.addMonths(1);
        }
    }
    BarChart::setSeries(months, values, valueLabel);
}

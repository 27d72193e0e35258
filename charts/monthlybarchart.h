#pragma once

#include "barchart.h"

#include <QList>
#include <QPair>
#include <QString>

/// A compact bar chart of counts per month (a prepared series; the chart never reads the
/// database): months without data are shown as zero. Hovering a bar shows its month and exact
/// value.
class MonthlyBarChart : public BarChart
{
    Q_OBJECT

public:
    explicit MonthlyBarChart(QWidget *parent = nullptr);

    /// \a series holds ("yyyy-MM", value) in order. Months without data are filled with 0.
    void setSeries(const QList<QPair<QString, qint64>> &series, const QString &valueLabel);
    void clear();
    /// The months shown (with gaps filled), for tests.
    QStringList months() const { return labels(); }
};

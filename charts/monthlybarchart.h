#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QWidget>

class QCustomPlot;
class QCPBars;

/// A compact bar chart of counts per month (a prepared series; the chart never reads the
/// database). Hovering a bar shows its month and exact value.
class MonthlyBarChart : public QWidget
{
    Q_OBJECT

public:
    explicit MonthlyBarChart(QWidget *parent = nullptr);

    /// \a series holds ("yyyy-MM", value) in order. Months without data are filled with 0.
    void setSeries(const QList<QPair<QString, qint64>> &series, const QString &valueLabel);
    void clear();
    /// The months shown (with gaps filled), for tests.
    QStringList months() const { return m_months; }
    QList<double> values() const { return m_values; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QCustomPlot *m_plot;
    QCPBars *m_bars;
    QStringList m_months;
    QList<double> m_values;
    QString m_valueLabel;
};

#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QWidget>

class QCPBars;
class QCPGraph;
class QCustomPlot;

/// Bars with a text label each (a prepared series; the chart never reads the database), and,
/// for a Pareto chart, the cumulative share of the total as a line on a second axis (0–100 %).
/// Hovering a bar shows its label and exact value.
class BarChart : public QWidget
{
    Q_OBJECT

public:
    explicit BarChart(QWidget *parent = nullptr);

    /// \a labels and \a values in order (tick labels: as many as fit). With \a cumulative, the
    /// running share of \a total (0: of the values shown) is drawn as a line.
    void setSeries(const QStringList &labels, const QList<double> &values,
                   const QString &valueLabel, bool cumulative = false, double total = 0);
    QStringList labels() const { return m_labels; }
    QList<double> values() const { return m_values; }
    /// The cumulative shares drawn (percent), for tests.
    QList<double> cumulative() const { return m_cumulative; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateTicks();

    QCustomPlot *m_plot;
    QCPBars *m_bars;
    QCPGraph *m_line;
    QStringList m_labels;
    QList<double> m_values;
    QList<double> m_cumulative;
    QString m_valueLabel;
};

#pragma once

#include <QDateTime>
#include <QList>
#include <QPair>
#include <QWidget>

class QCPBars;
class QCPGraph;
class QCustomPlot;

/// A release's rollout over time: the users first offered it each day (bars, left axis) and
/// the rollout percentage after each change (a step line, right axis, 0–100 %), with halted
/// periods drawn dashed. A prepared series: the chart never reads the database.
class RolloutChart : public QWidget
{
    Q_OBJECT

public:
    explicit RolloutChart(QWidget *parent = nullptr);

    /// \a states: the state after each change, at the same instants as \a percent.
    void setRollout(const QList<QPair<QDate, qint64>> &offersPerDay,
                    const QList<QPair<QDateTime, double>> &percent,
                    const QList<QPair<QDateTime, QString>> &states);
    void clear();

    /// What is drawn, for tests: offers per day and the percentage steps.
    int offerBars() const;
    int percentPoints() const;

    void retranslate();

private:
    QCustomPlot *m_plot;
    QCPBars *m_offers;
    QCPGraph *m_percent;
    QCPGraph *m_halted;
};

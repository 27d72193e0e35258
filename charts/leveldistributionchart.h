#pragma once

#include <QDate>
#include <QList>
#include <QMap>
#include <QStringList>
#include <QWidget>

class QCustomPlot;

/// Creators per level over time (the Levels page): one stacked band per level, from level 0
/// at the bottom, and a dashed line where the ladder's version changed, labelled with it. A
/// prepared series: the chart never reads the database.
class LevelDistributionChart : public QWidget
{
    Q_OBJECT

public:
    struct Day
    {
        QDate day;
        int version = 0;
        QList<int> creators; ///< index = level
    };

    explicit LevelDistributionChart(QWidget *parent = nullptr);

    /// \a days in order; \a levelNames[i] names level i (0: not yet on the ladder).
    void setDistribution(const QList<Day> &days, const QStringList &levelNames);
    int bandCount() const;
    int versionMarks() const { return m_versionMarks; }
    void retranslate();

    /// The look the level charts share: axes, grid and a legend inside the plot.
    static void style(QCustomPlot *plot);

private:
    QCustomPlot *m_plot;
    int m_versionMarks = 0;
};

#pragma once

#include <QList>
#include <QStringList>
#include <QWidget>

class QCPBarsGroup;
class QCustomPlot;

/// Creators per level now and under the draft ladder, side by side (the what-if preview).
class LevelCompareChart : public QWidget
{
    Q_OBJECT

public:
    explicit LevelCompareChart(QWidget *parent = nullptr);

    void setCounts(const QList<int> &now, const QList<int> &draft, const QStringList &labels);
    QList<double> draftValues() const { return m_draft; }
    void retranslate();

private:
    QCustomPlot *m_plot;
    QCPBarsGroup *m_group; ///< the two series side by side (owned by the plot)
    QList<double> m_draft;
};

#pragma once

#include "metricdashboards.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <functional>

class QCustomPlot;
class QCPPainter;

/// A chart of prepared series (it never reads the database): lines (dashed ones for a
/// comparison), stacked bars, grouped bars, horizontal bars, or a heat map (rows × columns).
/// Categories are the x axis (periods or names); incomplete ones are shaded. Hovering shows
/// the exact values of the category under the mouse; the wheel zooms and dragging pans along
/// the x axis, a double click shows everything again. A legend names the series.
class MetricChart : public QWidget
{
    Q_OBJECT

public:
    enum class Style { Lines, StackedBars, GroupedBars, HorizontalBars, HeatMap };
    struct Series
    {
        QString name;
        QList<double> values; ///< one per category; NaN: no data
        bool dashed = false;
    };
    using Formatter = std::function<QString(double)>;

    explicit MetricChart(QWidget *parent = nullptr);

    /// Draws a dashboard panel's data (its chart kind, unit and lines).
    void setPanel(const MetricDashboards::PanelData &panel);
    /// Draws \a series over \a categories. \a percent: values are shares (0..1) shown as %.
    /// For HeatMap, each series is a column and the categories are the rows.
    void setData(Style style, const QStringList &categories, const QList<bool> &incomplete,
                 const QList<Series> &series, const Formatter &format, bool percent);

    /// The tooltip text for category \a index (heat map: row \a index, column \a column).
    QString toolTipAt(int index, int column = -1) const;
    /// Shows every category again (after zooming or panning).
    void resetView();
    /// The visible x range, for tests: first and last category index shown.
    QPair<double, double> visibleRange() const;

    QCustomPlot *plot() const { return m_plot; }
    /// Draws the chart into \a painter's \a rect (PDF pages, printing): a QCPPainter on the
    /// page's device.
    void render(QCPPainter *painter, const QRect &rect);
    bool savePng(const QString &path, int width, int height);
    bool savePdf(const QString &path, int width, int height);

    /// The colour of series \a index (stable between charts).
    static QColor color(int index);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    /// Category labels, as many as fit in \a width pixels (-1: the chart's own width).
    void updateTicks(int width = -1);

    QCustomPlot *m_plot;
    Style m_style = Style::Lines;
    QStringList m_categories;
    QList<bool> m_incomplete;
    QList<Series> m_series;
    Formatter m_format;
    bool m_percent = false;
};

#pragma once

#include "metricstore.h"
#include "metrictablemodel.h"

#include <QCoreApplication>
#include <QJsonObject>

/// The Metrics page's dashboards and what each panel shows, computed from a cache for a set of
/// filters: the series a chart draws and the table behind it. The app's panels, `coulisse-cli
/// report` and the benchmark all go through here (no widgets).
class MetricDashboards
{
    Q_DECLARE_TR_FUNCTIONS(MetricDashboards)

public:
    enum class Chart { Lines, StackedBars, HeatMap, HorizontalBars, GroupedBars };
    enum class Compare { None, PreviousPeriod, Shift };

    struct Filters
    {
        QDate from;
        QDate to;
        MetricStore::Granularity granularity = MetricStore::Granularity::Day;
        QString dim;   ///< "" (the total), or a dimension to split or filter by
        QString value; ///< with dim: only this value ("" every value)
        Compare compare = Compare::None;
        int shiftDays = 7; ///< with Compare::Shift

        /// The comparison range (invalid dates without a comparison).
        QPair<QDate, QDate> compareRange() const;
        /// A preset: "7d", "30d", "90d", "365d", "mtd", "last-month", "ytd", "all" ending on
        /// \a last (the last complete day); false for an unknown name.
        bool applyPreset(const QString &preset, const QDate &last, const QDate &first);
        /// The filters for people, one line ("2026-10-01 – 2026-10-30 · Week · …").
        QString describe() const;
        QJsonObject toJson() const;
        static Filters fromJson(const QJsonObject &object);
    };

    struct Line
    {
        QString name;
        QList<double> values; ///< one per category (NaN: no data)
        bool dashed = false;  ///< the comparison
    };
    struct PanelData
    {
        QString id;
        QString title;
        QString subtitle; ///< what the panel is split or filtered by
        Chart chart = Chart::Lines;
        MetricStore::Unit unit = MetricStore::Unit::Count;
        QStringList categories;  ///< x-axis labels (periods, or names)
        QList<bool> incomplete;  ///< per category
        QList<Line> lines;       ///< stacked in order for StackedBars
        QStringList heatColumns; ///< HeatMap: the columns (D0..D30); rows are categories
        QString definition;      ///< the written definition, in the interface's language
        int version = 0;
        QString table; ///< row header of the table
        QList<MetricTableModel::Column> columns;
        bool empty = true;
    };
    struct Panel
    {
        QString id;
        Chart chart;
        QStringList metrics;
        QString split; ///< the panel's own split ("" follows the filters)
        int top = 8;
    };
    struct Dashboard
    {
        QString key;
        QList<Panel> panels;
    };

    static QList<Dashboard> all();
    static QStringList keys();
    static QString title(const QString &key);
    static QString panelTitle(const QString &id);

    explicit MetricDashboards(const QSqlDatabase &cache);

    MetricStore &store() { return m_store; }
    /// Every panel of dashboard \a key for \a filters, in the \a language of the definitions.
    QList<PanelData> compute(const QString &key, const Filters &filters, const QString &language);
    PanelData compute(const Panel &panel, const Filters &filters, const QString &language);

private:
    void fillTable(PanelData &data) const;
    void seriesPanel(const Panel &panel, const Filters &filters, PanelData &data);
    void retentionPanel(const Panel &panel, const Filters &filters, PanelData &data);
    void campaignPanel(const Panel &panel, const Filters &filters, PanelData &data);
    void tagPanel(const Panel &panel, const Filters &filters, PanelData &data);

    MetricStore m_store;
};

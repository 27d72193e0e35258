#include "metricdashboards.h"

#include <QHash>
#include <QJsonObject>

#include <cmath>

using G = MetricStore::Granularity;
using Chart = MetricDashboards::Chart;

// Filters ------------------------------------------------------------------------------------

QPair<QDate, QDate> MetricDashboards::Filters::compareRange() const
{
    switch (compare) {
    case Compare::None:
        return {};
    case Compare::PreviousPeriod: {
        const qint64 days = from.daysTo(to) + 1;
        return {from.addDays(-days), from.addDays(-1)};
    }
    case Compare::Shift:
        return {from.addDays(-shiftDays), to.addDays(-shiftDays)};
    }
    return {};
}

bool MetricDashboards::Filters::applyPreset(const QString &preset, const QDate &last,
                                            const QDate &first)
{
    static const QHash<QString, int> days{{QStringLiteral("7d"), 7},
                                          {QStringLiteral("30d"), 30},
                                          {QStringLiteral("90d"), 90},
                                          {QStringLiteral("365d"), 365}};
    if (days.contains(preset)) {
        to = last;
        from = last.addDays(1 - days.value(preset));
    } else if (preset == QLatin1String("mtd")) {
        to = last;
        from = QDate(last.year(), last.month(), 1);
    } else if (preset == QLatin1String("last-month")) {
        from = QDate(last.year(), last.month(), 1).addMonths(-1);
        to = from.addMonths(1).addDays(-1);
    } else if (preset == QLatin1String("ytd")) {
        to = last;
        from = QDate(last.year(), 1, 1);
    } else if (preset == QLatin1String("all")) {
        to = last;
        from = first.isValid() ? first : last.addDays(-89);
    } else {
        return false;
    }
    return true;
}

QString MetricDashboards::Filters::describe() const
{
    QStringList parts{
        QStringLiteral("%1 – %2").arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate)),
        MetricStore::granularityName(granularity)};
    if (!dim.isEmpty())
        parts.append(value.isEmpty()
                         ? tr("by %1").arg(MetricStore::dimensionName(dim))
                         : QStringLiteral("%1 = %2").arg(MetricStore::dimensionName(dim),
                                                         MetricStore::valueName(dim, value)));
    const auto range = compareRange();
    if (range.first.isValid())
        parts.append(
            tr("compared with %1 – %2")
                .arg(range.first.toString(Qt::ISODate), range.second.toString(Qt::ISODate)));
    return parts.join(QStringLiteral(" · "));
}

QJsonObject MetricDashboards::Filters::toJson() const
{
    static const char *const grains[] = {"day", "week", "month"};
    static const char *const compares[] = {"none", "previous", "shift"};
    return {{QStringLiteral("from"), from.toString(Qt::ISODate)},
            {QStringLiteral("to"), to.toString(Qt::ISODate)},
            {QStringLiteral("granularity"), QLatin1String(grains[int(granularity)])},
            {QStringLiteral("dim"), dim},
            {QStringLiteral("value"), value},
            {QStringLiteral("compare"), QLatin1String(compares[int(compare)])},
            {QStringLiteral("shift_days"), shiftDays}};
}

MetricDashboards::Filters MetricDashboards::Filters::fromJson(const QJsonObject &o)
{
    Filters f;
    f.from = QDate::fromString(o.value(QStringLiteral("from")).toString(), Qt::ISODate);
    f.to = QDate::fromString(o.value(QStringLiteral("to")).toString(), Qt::ISODate);
    const QString grain = o.value(QStringLiteral("granularity")).toString();
    f.granularity = grain == QLatin1String("week")    ? G::Week
                    : grain == QLatin1String("month") ? G::Month
                                                      : G::Day;
    f.dim = o.value(QStringLiteral("dim")).toString();
    f.value = o.value(QStringLiteral("value")).toString();
    const QString compare = o.value(QStringLiteral("compare")).toString();
    f.compare = compare == QLatin1String("previous") ? Compare::PreviousPeriod
                : compare == QLatin1String("shift")  ? Compare::Shift
                                                     : Compare::None;
    f.shiftDays = o.value(QStringLiteral("shift_days")).toInt(7);
    return f;
}

// Dashboards ---------------------------------------------------------------------------------

QList<MetricDashboards::Dashboard> MetricDashboards::all()
{
    const auto p = [](const char *id, Chart chart, QStringList metrics, const char *split = "") {
        return Panel{QLatin1String(id), chart, metrics, QLatin1String(split), 8};
    };
    using S = QStringList;
    return {
        {QStringLiteral("users"),
         {p("new_users", Chart::Lines, S{QStringLiteral("new_users")}),
          p("active_users", Chart::Lines,
            S{QStringLiteral("dau"), QStringLiteral("wau"), QStringLiteral("mau")}),
          p("stickiness", Chart::Lines, S{QStringLiteral("stickiness")})}},
        {QStringLiteral("retention"),
         {p("retention_heat", Chart::HeatMap, S{QStringLiteral("retention")}),
          p("retention_curves", Chart::Lines, S{QStringLiteral("retention")})}},
        {QStringLiteral("acquisition"),
         {p("new_by_channel", Chart::StackedBars, S{QStringLiteral("new_users")}, "channel"),
          p("new_by_platform", Chart::StackedBars, S{QStringLiteral("new_users")}, "platform")}},
        {QStringLiteral("devices"),
         {p("active_by_os", Chart::StackedBars, S{QStringLiteral("dau")}, "os"),
          p("new_by_model", Chart::StackedBars, S{QStringLiteral("new_users")}, "device_model")}},
        {QStringLiteral("content"),
         {p("published_by_source", Chart::StackedBars, S{QStringLiteral("published")}, "source"),
          p("featured", Chart::Lines, S{QStringLiteral("featured")}),
          p("featured_rate", Chart::Lines, S{QStringLiteral("featured_rate")})}},
        {QStringLiteral("plays"),
         {p("plays_by_platform", Chart::StackedBars, S{QStringLiteral("plays")}, "platform"),
          p("watch_time", Chart::Lines, S{QStringLiteral("watch_time")}),
          p("replay_rate", Chart::Lines, S{QStringLiteral("replay_rate")})}},
        {QStringLiteral("revenue"),
         {p("vip_open_rate", Chart::Lines, S{QStringLiteral("vip_open_rate")}, "platform"),
          p("vip_conversion", Chart::Lines, S{QStringLiteral("vip_conversion")}),
          p("recorder_vip", Chart::StackedBars, S{QStringLiteral("recorder_vip")}),
          p("gifts", Chart::StackedBars, S{QStringLiteral("gifts")}),
          p("gift_amount", Chart::Lines, S{QStringLiteral("gift_amount")})}},
        {QStringLiteral("campaigns"),
         {p("campaign_effect", Chart::GroupedBars, S{QStringLiteral("campaigns")}),
          p("campaign_daily", Chart::Lines, S{QStringLiteral("campaigns")})}},
        {QStringLiteral("tags"),
         {p("tagging", Chart::StackedBars, S{QStringLiteral("tagging")}),
          p("top_tags", Chart::HorizontalBars, S{QStringLiteral("top_tags")})}},
    };
}

QStringList MetricDashboards::keys()
{
    QStringList list;
    for (const Dashboard &d : all())
        list.append(d.key);
    return list;
}

QString MetricDashboards::title(const QString &key)
{
    static const QHash<QString, const char *> titles{
        {QStringLiteral("users"), QT_TR_NOOP("Users")},
        {QStringLiteral("retention"), QT_TR_NOOP("Retention")},
        {QStringLiteral("acquisition"), QT_TR_NOOP("Acquisition")},
        {QStringLiteral("devices"), QT_TR_NOOP("Devices")},
        {QStringLiteral("content"), QT_TR_NOOP("Content")},
        {QStringLiteral("plays"), QT_TR_NOOP("Plays")},
        {QStringLiteral("revenue"), QT_TR_NOOP("Revenue")},
        {QStringLiteral("campaigns"), QT_TR_NOOP("Campaigns")},
        {QStringLiteral("tags"), QT_TR_NOOP("Tags")}};
    const char *title = titles.value(key);
    return title ? tr(title) : key;
}

QString MetricDashboards::panelTitle(const QString &id)
{
    static const QHash<QString, const char *> titles{
        {QStringLiteral("new_users"), QT_TR_NOOP("New users")},
        {QStringLiteral("active_users"), QT_TR_NOOP("Active users (DAU, WAU, MAU)")},
        {QStringLiteral("stickiness"), QT_TR_NOOP("Stickiness (DAU / MAU)")},
        {QStringLiteral("retention_heat"), QT_TR_NOOP("Retention by cohort (day N)")},
        {QStringLiteral("retention_curves"), QT_TR_NOOP("D1, D7 and D30 retention")},
        {QStringLiteral("new_by_channel"), QT_TR_NOOP("New users by channel")},
        {QStringLiteral("new_by_platform"), QT_TR_NOOP("New users by platform")},
        {QStringLiteral("active_by_os"), QT_TR_NOOP("Daily active users by OS")},
        {QStringLiteral("new_by_model"), QT_TR_NOOP("New users by device model")},
        {QStringLiteral("published_by_source"), QT_TR_NOOP("Videos published by source")},
        {QStringLiteral("featured"), QT_TR_NOOP("Videos featured")},
        {QStringLiteral("featured_rate"), QT_TR_NOOP("Featured rate")},
        {QStringLiteral("plays_by_platform"), QT_TR_NOOP("Plays by platform")},
        {QStringLiteral("watch_time"), QT_TR_NOOP("Average watch time")},
        {QStringLiteral("replay_rate"), QT_TR_NOOP("Replay rate")},
        {QStringLiteral("vip_open_rate"), QT_TR_NOOP("VIP open rate by platform")},
        {QStringLiteral("vip_conversion"), QT_TR_NOOP("VIP conversion (7 days)")},
        {QStringLiteral("recorder_vip"), QT_TR_NOOP("Recorder VIP opens")},
        {QStringLiteral("gifts"), QT_TR_NOOP("Gifts sent")},
        {QStringLiteral("gift_amount"), QT_TR_NOOP("Gift amount")},
        {QStringLiteral("campaign_effect"), QT_TR_NOOP("Campaigns: before and during")},
        {QStringLiteral("campaign_daily"), QT_TR_NOOP("Campaign participants per day")},
        {QStringLiteral("tagging"), QT_TR_NOOP("Videos published, tagged and untagged")},
        {QStringLiteral("top_tags"), QT_TR_NOOP("Most used tags")}};
    const char *title = titles.value(id);
    return title ? tr(title) : id;
}

// Computing -----------------------------------------------------------------------------------

MetricDashboards::MetricDashboards(const QSqlDatabase &cache)
    : m_store(cache)
{}

QList<MetricDashboards::PanelData>
MetricDashboards::compute(const QString &key, const Filters &filters, const QString &language)
{
    QList<PanelData> list;
    for (const Dashboard &d : all()) {
        if (d.key != key)
            continue;
        for (const Panel &panel : d.panels)
            list.append(compute(panel, filters, language));
    }
    return list;
}

MetricDashboards::PanelData MetricDashboards::compute(const Panel &panel, const Filters &filters,
                                                      const QString &language)
{
    PanelData data;
    data.id = panel.id;
    data.title = panelTitle(panel.id);
    data.chart = panel.chart;
    const QString metric = panel.metrics.value(0);
    const QString definition = MetricStore::definitionOf(metric);
    if (metric != QLatin1String("tagging") && metric != QLatin1String("top_tags")) {
        const MetricStore::Definition d = m_store.definition(definition, language);
        data.definition = d.text;
        data.version = d.version;
    }
    if (metric == QLatin1String("retention")) {
        retentionPanel(panel, filters, data);
    } else if (metric == QLatin1String("campaigns")) {
        campaignPanel(panel, filters, data);
    } else if (metric == QLatin1String("tagging") || metric == QLatin1String("top_tags")) {
        tagPanel(panel, filters, data);
    } else {
        seriesPanel(panel, filters, data);
    }
    for (const Line &line : std::as_const(data.lines)) {
        for (double v : line.values)
            data.empty = data.empty && (std::isnan(v) || v == 0);
    }
    fillTable(data);
    return data;
}

void MetricDashboards::fillTable(PanelData &data) const
{
    if (!data.columns.isEmpty())
        return;
    for (const Line &line : std::as_const(data.lines))
        data.columns.append({line.name, data.unit, line.values});
    if (data.table.isEmpty())
        data.table = tr("Period");
}

void MetricDashboards::seriesPanel(const Panel &panel, const Filters &f, PanelData &data)
{
    const QString metric = panel.metrics.value(0);
    data.unit = MetricStore::unitOf(metric);
    // The panel's own split, or the filters' dimension when the metric has it.
    QString dim = panel.split;
    QStringList values;
    if (dim.isEmpty() && !f.dim.isEmpty() && MetricStore::dimensionsOf(metric).contains(f.dim)) {
        dim = f.dim;
        if (!f.value.isEmpty())
            values = {f.value};
    }
    if (!dim.isEmpty())
        data.subtitle =
            values.isEmpty()
                ? tr("by %1").arg(MetricStore::dimensionName(dim))
                : QStringLiteral("%1 = %2").arg(MetricStore::dimensionName(dim),
                                                MetricStore::valueName(dim, values.first()));
    else if (!f.dim.isEmpty())
        data.subtitle = tr("Total (not split by %1)").arg(MetricStore::dimensionName(f.dim));
    const auto range = f.compareRange();
    bool first = true;
    for (const QString &m : panel.metrics) {
        const QList<MetricStore::Series> series =
            m_store.series(m, dim, values, f.from, f.to, f.granularity, panel.top);
        for (const MetricStore::Series &s : series) {
            Line line;
            line.name = panel.metrics.size() > 1 ? MetricStore::metricName(m)
                        : dim.isEmpty()          ? MetricStore::metricName(m)
                                                 : MetricStore::valueName(dim, s.value);
            for (const MetricStore::Point &p : s.points) {
                line.values.append(p.value);
                if (first) {
                    data.categories.append(MetricStore::periodLabel(p.period, f.granularity));
                    data.incomplete.append(p.incomplete);
                }
            }
            first = false;
            data.lines.append(line);
        }
        if (!range.first.isValid())
            continue;
        // The comparison: the same series over the earlier range, period by period; split
        // panels compare their total.
        const bool split = !dim.isEmpty() && values.isEmpty();
        const QList<MetricStore::Series> earlier =
            m_store.series(m, split ? QString() : dim, values, range.first, range.second,
                           f.granularity, panel.top);
        for (const MetricStore::Series &s : earlier) {
            Line line;
            line.name = tr("%1 (earlier)")
                            .arg(split || dim.isEmpty() ? MetricStore::metricName(m)
                                                        : MetricStore::valueName(dim, s.value));
            line.dashed = true;
            for (const MetricStore::Point &p : s.points)
                line.values.append(p.value);
            line.values.resize(data.categories.size(), qQNaN());
            data.lines.append(line);
        }
    }
}

void MetricDashboards::retentionPanel(const Panel &panel, const Filters &f, PanelData &data)
{
    data.unit = MetricStore::Unit::Percent;
    const QString value = f.dim.isEmpty() ? QString() : f.value;
    const QString dim = value.isEmpty() ? QString() : f.dim;
    if (!dim.isEmpty())
        data.subtitle = QStringLiteral("%1 = %2").arg(MetricStore::dimensionName(dim),
                                                      MetricStore::valueName(dim, value));
    const QList<MetricStore::RetentionRow> rows =
        m_store.retention(f.from, f.to, f.granularity, dim, value);
    data.table = tr("Cohort");
    for (const MetricStore::RetentionRow &row : rows) {
        data.categories.append(MetricStore::periodLabel(row.cohort, f.granularity));
        data.incomplete.append(row.incomplete);
    }
    if (panel.chart == Chart::HeatMap) {
        QList<double> sizes;
        for (const MetricStore::RetentionRow &row : rows)
            sizes.append(double(row.size));
        data.columns.append({tr("Cohort size"), MetricStore::Unit::Count, sizes});
        for (int n = 0; n <= 30; ++n) {
            data.heatColumns.append(QStringLiteral("D%1").arg(n));
            Line line{QStringLiteral("D%1").arg(n), {}, false};
            for (const MetricStore::RetentionRow &row : rows)
                line.values.append(row.rates.value(n, qQNaN()));
            data.lines.append(line);
            data.columns.append({line.name, MetricStore::Unit::Percent, line.values});
        }
        return;
    }
    for (int n : {1, 7, 30}) {
        Line line{tr("D%1 retention").arg(n), {}, false};
        for (const MetricStore::RetentionRow &row : rows)
            line.values.append(row.rates.value(n, qQNaN()));
        data.lines.append(line);
    }
}

void MetricDashboards::campaignPanel(const Panel &panel, const Filters &f, PanelData &data)
{
    const QList<MetricStore::Campaign> campaigns = m_store.campaigns(f.from, f.to);
    data.table = tr("Campaign");
    if (panel.chart == Chart::GroupedBars) {
        data.unit = MetricStore::Unit::Percent;
        Line before{tr("Participation before"), {}, false};
        Line during{tr("Participation during"), {}, false};
        Line conversion{tr("Conversion during"), {}, false};
        QList<double> participants;
        QList<double> active;
        for (const MetricStore::Campaign &c : campaigns) {
            data.categories.append(c.name);
            data.incomplete.append(false);
            const auto rate = [](qint64 num, qint64 den) {
                return den > 0 ? double(num) / double(den) : qQNaN();
            };
            before.values.append(rate(c.participantsBefore, c.activeBefore));
            during.values.append(rate(c.participantsDuring, c.activeDuring));
            conversion.values.append(rate(c.convertedDuring, c.participantsDuring));
            participants.append(double(c.participantsDuring));
            active.append(double(c.activeDuring));
        }
        data.lines = {before, during, conversion};
        data.columns = {{tr("Participants"), MetricStore::Unit::Count, participants},
                        {tr("Active users during"), MetricStore::Unit::Count, active},
                        {before.name, MetricStore::Unit::Percent, before.values},
                        {during.name, MetricStore::Unit::Percent, during.values},
                        {conversion.name, MetricStore::Unit::Percent, conversion.values}};
        return;
    }
    // Participants per day of the range, a line per campaign.
    data.table = tr("Day");
    for (QDate d = f.from; d <= f.to; d = d.addDays(1)) {
        data.categories.append(d.toString(Qt::ISODate));
        data.incomplete.append(!m_store.dataAsOf().lastComplete.isValid() ||
                               d > m_store.dataAsOf().lastComplete);
    }
    for (const MetricStore::Campaign &c : campaigns) {
        Line line{c.name, QList<double>(data.categories.size(), qQNaN()), false};
        for (const auto &[day, n] : c.daily) {
            const qint64 i = f.from.daysTo(day);
            if (i >= 0 && i < line.values.size())
                line.values[i] = double(n);
        }
        data.lines.append(line);
    }
}

void MetricDashboards::tagPanel(const Panel &panel, const Filters &f, PanelData &data)
{
    if (panel.chart == Chart::HorizontalBars) {
        data.table = tr("Tag");
        Line uses{tr("Videos"), {}, false};
        for (const auto &[name, n] : m_store.topTags(15)) {
            data.categories.append(name);
            data.incomplete.append(false);
            uses.values.append(double(n));
        }
        data.lines.append(uses);
        return;
    }
    const QList<MetricStore::Series> series = m_store.tagging(f.from, f.to, f.granularity);
    for (const MetricStore::Series &s : series) {
        Line line{s.value == QLatin1String("tagged") ? tr("Tagged") : tr("Untagged"), {}, false};
        for (const MetricStore::Point &p : s.points) {
            line.values.append(p.value);
            if (data.lines.isEmpty()) {
                data.categories.append(MetricStore::periodLabel(p.period, f.granularity));
                data.incomplete.append(p.incomplete);
            }
        }
        data.lines.append(line);
    }
}

#include "metricstore.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMap>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QVariant>

#include <algorithm>
#include <cmath>

namespace {

QString iso(const QDate &d)
{
    return d.toString(Qt::ISODate);
}

QDate dateOf(const QVariant &v)
{
    return QDate::fromString(v.toString(), Qt::ISODate);
}

// SQLite compares NULL with nothing: a null QString is bound as ''.
QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

const QString kOther = QStringLiteral("\x01other");

} // namespace

MetricStore::MetricStore(const QSqlDatabase &cache)
    : m_db(cache)
{}

bool MetricStore::failed(const QSqlQuery &q)
{
    m_error = q.lastError().text();
    return false;
}

// Metric catalogue ----------------------------------------------------------------------------

QStringList MetricStore::metrics()
{
    return {QStringLiteral("new_users"),
            QStringLiteral("dau"),
            QStringLiteral("wau"),
            QStringLiteral("mau"),
            QStringLiteral("stickiness"),
            QStringLiteral("published"),
            QStringLiteral("featured"),
            QStringLiteral("featured_rate"),
            QStringLiteral("plays"),
            QStringLiteral("watch_time"),
            QStringLiteral("replay_rate"),
            QStringLiteral("vip_open_rate"),
            QStringLiteral("vip_conversion"),
            QStringLiteral("recorder_vip"),
            QStringLiteral("gifts"),
            QStringLiteral("gift_amount")};
}

MetricStore::Kind MetricStore::kindOf(const QString &metric)
{
    if (metric == QLatin1String("dau") || metric == QLatin1String("stickiness"))
        return Kind::Average;
    if (metric == QLatin1String("wau") || metric == QLatin1String("mau"))
        return Kind::Last;
    if (metric.endsWith(QLatin1String("_rate")) || metric == QLatin1String("watch_time") ||
        metric == QLatin1String("vip_conversion"))
        return Kind::Ratio;
    return Kind::Sum;
}

MetricStore::Unit MetricStore::unitOf(const QString &metric)
{
    if (metric == QLatin1String("watch_time"))
        return Unit::Seconds;
    if (metric == QLatin1String("gift_amount"))
        return Unit::Amount;
    if (kindOf(metric) == Kind::Ratio || metric == QLatin1String("stickiness"))
        return Unit::Percent;
    return Unit::Count;
}

QString MetricStore::definitionOf(const QString &metric)
{
    if (metric == QLatin1String("new_users"))
        return metric;
    if (metric == QLatin1String("dau") || metric == QLatin1String("wau") ||
        metric == QLatin1String("mau") || metric == QLatin1String("stickiness"))
        return QStringLiteral("active_users");
    if (metric == QLatin1String("published") || metric.startsWith(QLatin1String("featured")))
        return QStringLiteral("content");
    if (metric == QLatin1String("plays") || metric == QLatin1String("watch_time") ||
        metric == QLatin1String("replay_rate"))
        return QStringLiteral("plays");
    if (metric == QLatin1String("retention"))
        return QStringLiteral("active_users");
    if (metric == QLatin1String("campaigns"))
        return metric;
    return QStringLiteral("revenue");
}

QStringList MetricStore::dimensionsOf(const QString &metric)
{
    const QString def = definitionOf(metric);
    if (def == QLatin1String("new_users") || def == QLatin1String("active_users"))
        return {QString(), QStringLiteral("platform"), QStringLiteral("channel"),
                QStringLiteral("os"), QStringLiteral("device_model")};
    if (def == QLatin1String("content"))
        return {QString(), QStringLiteral("source")};
    return {QString(), QStringLiteral("platform")};
}

QString MetricStore::metricName(const QString &metric)
{
    static const QHash<QString, const char *> names{
        {QStringLiteral("new_users"), QT_TR_NOOP("New users")},
        {QStringLiteral("dau"), QT_TR_NOOP("DAU")},
        {QStringLiteral("wau"), QT_TR_NOOP("WAU")},
        {QStringLiteral("mau"), QT_TR_NOOP("MAU")},
        {QStringLiteral("stickiness"), QT_TR_NOOP("Stickiness (DAU / MAU)")},
        {QStringLiteral("published"), QT_TR_NOOP("Videos published")},
        {QStringLiteral("featured"), QT_TR_NOOP("Videos featured")},
        {QStringLiteral("featured_rate"), QT_TR_NOOP("Featured rate")},
        {QStringLiteral("plays"), QT_TR_NOOP("Plays")},
        {QStringLiteral("watch_time"), QT_TR_NOOP("Average watch time")},
        {QStringLiteral("replay_rate"), QT_TR_NOOP("Replay rate")},
        {QStringLiteral("vip_open_rate"), QT_TR_NOOP("VIP open rate")},
        {QStringLiteral("vip_conversion"), QT_TR_NOOP("VIP conversion")},
        {QStringLiteral("recorder_vip"), QT_TR_NOOP("Recorder VIP opens")},
        {QStringLiteral("gifts"), QT_TR_NOOP("Gifts")},
        {QStringLiteral("gift_amount"), QT_TR_NOOP("Gift amount")},
        {QStringLiteral("retention"), QT_TR_NOOP("Retention")},
        {QStringLiteral("campaigns"), QT_TR_NOOP("Campaigns")}};
    const char *name = names.value(metric);
    return name ? tr(name) : metric;
}

QString MetricStore::dimensionName(const QString &dim)
{
    if (dim == QLatin1String("platform"))
        return tr("Platform");
    if (dim == QLatin1String("channel"))
        return tr("Channel");
    if (dim == QLatin1String("os"))
        return tr("OS");
    if (dim == QLatin1String("device_model"))
        return tr("Device model");
    if (dim == QLatin1String("source"))
        return tr("Source");
    return tr("Total");
}

QString MetricStore::valueName(const QString &dim, const QString &value)
{
    if (dim.isEmpty())
        return tr("Total");
    if (value == kOther)
        return tr("Other");
    static const QHash<QString, const char *> names{
        {QStringLiteral("pc"), QT_TR_NOOP("PC client")},
        {QStringLiteral("app"), QT_TR_NOOP("App")},
        {QStringLiteral("web"), QT_TR_NOOP("Web")},
        {QStringLiteral("pc_recorder"), QT_TR_NOOP("PC recorder")},
        {QStringLiteral("mobile_recorder"), QT_TR_NOOP("Mobile recorder")},
        {QStringLiteral("web_upload"), QT_TR_NOOP("Web upload")},
        {QStringLiteral("official"), QT_TR_NOOP("Official site")}};
    if (value.isEmpty())
        return tr("(unknown)");
    const char *name = names.value(value);
    return name ? tr(name) : value;
}

QString MetricStore::granularityName(Granularity g)
{
    switch (g) {
    case Granularity::Day:
        return tr("Day");
    case Granularity::Week:
        return tr("Week");
    case Granularity::Month:
        return tr("Month");
    }
    return {};
}

QDate MetricStore::periodStart(const QDate &day, Granularity g)
{
    switch (g) {
    case Granularity::Day:
        return day;
    case Granularity::Week:
        return day.addDays(1 - day.dayOfWeek());
    case Granularity::Month:
        return QDate(day.year(), day.month(), 1);
    }
    return day;
}

QDate MetricStore::periodEnd(const QDate &day, Granularity g)
{
    const QDate start = periodStart(day, g);
    switch (g) {
    case Granularity::Day:
        return start;
    case Granularity::Week:
        return start.addDays(6);
    case Granularity::Month:
        return start.addMonths(1).addDays(-1);
    }
    return start;
}

QString MetricStore::periodLabel(const QDate &start, Granularity g)
{
    switch (g) {
    case Granularity::Day:
        return iso(start);
    case Granularity::Week: {
        int year = 0;
        const int week = start.weekNumber(&year);
        return QStringLiteral("%1-W%2").arg(year).arg(week, 2, 10, QLatin1Char('0'));
    }
    case Granularity::Month:
        return start.toString(QStringLiteral("yyyy-MM"));
    }
    return {};
}

QString MetricStore::format(double value, Unit unit)
{
    if (std::isnan(value))
        return QStringLiteral("–");
    const QLocale locale;
    switch (unit) {
    case Unit::Percent:
        return locale.toString(value * 100, 'f', value * 100 >= 10 ? 1 : 2) + QLatin1Char('%');
    case Unit::Seconds:
        return tr("%1 s").arg(locale.toString(value, 'f', 1));
    case Unit::Amount:
        return locale.toString(value, 'f', 2);
    case Unit::Count:
        break;
    }
    return std::abs(value - std::round(value)) < 1e-9 ? locale.toString(qint64(std::round(value)))
                                                      : locale.toString(value, 'f', 1);
}

// Reading --------------------------------------------------------------------------------------

MetricStore::DataAsOf MetricStore::dataAsOf()
{
    if (m_asOfRead)
        return m_asOf;
    m_asOfRead = true;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT finished_at, events_until, time_zone, "
                               "(SELECT min(first_day) FROM metric_refreshes) "
                               "FROM metric_refreshes ORDER BY id DESC LIMIT 1"))) {
        failed(q);
        return m_asOf;
    }
    if (!q.next() || q.value(1).isNull())
        return m_asOf;
    m_asOf.any = true;
    m_asOf.timeZone = q.value(2).toString();
    QTimeZone zone(m_asOf.timeZone.toUtf8());
    if (!zone.isValid())
        zone = QTimeZone::utc();
    m_asOf.refreshed = QDateTime::fromSecsSinceEpoch(q.value(0).toLongLong(), zone);
    m_asOf.eventsUntil = QDateTime::fromSecsSinceEpoch(q.value(1).toLongLong(), zone);
    m_asOf.firstDay = dateOf(q.value(3));
    // The newest event's day is complete only if that event is at the day's last second.
    m_asOf.lastComplete = m_asOf.eventsUntil.time() >= QTime(23, 59, 59)
                              ? m_asOf.eventsUntil.date()
                              : m_asOf.eventsUntil.date().addDays(-1);
    return m_asOf;
}

int MetricStore::currentVersion(const QString &definition)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT max(version) FROM metric_definitions WHERE definition = ?"));
    q.addBindValue(definition);
    if (!q.exec())
        return failed(q), 0;
    return q.next() ? q.value(0).toInt() : 0;
}

MetricStore::Definition MetricStore::definition(const QString &definition, const QString &language)
{
    Definition d;
    d.definition = definition;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT version, description, note FROM metric_definitions "
                             "WHERE definition = ? ORDER BY version DESC LIMIT 1"));
    q.addBindValue(definition);
    if (!q.exec()) {
        failed(q);
        return d;
    }
    if (!q.next())
        return d;
    d.version = q.value(0).toInt();
    const QJsonObject text = QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object();
    d.text = text.value(language).toString();
    if (d.text.isEmpty())
        d.text = text.value(QStringLiteral("en")).toString();
    d.note = q.value(2).toString();
    return d;
}

QStringList MetricStore::values(const QString &metric, const QString &dim, const QDate &from,
                                const QDate &to)
{
    const QString stored = metric == QLatin1String("stickiness") ? QStringLiteral("dau") : metric;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT value, sum(num) AS total FROM metric_daily WHERE metric = ? "
                             "AND version = ? AND day BETWEEN ? AND ? AND dim = ? "
                             "GROUP BY value ORDER BY total DESC, value"));
    q.addBindValue(stored);
    q.addBindValue(currentVersion(definitionOf(metric)));
    q.addBindValue(iso(from));
    q.addBindValue(iso(to));
    q.addBindValue(text(dim));
    QStringList list;
    if (!q.exec())
        return failed(q), list;
    while (q.next())
        list.append(q.value(0).toString());
    return list;
}

QList<QDate> MetricStore::periods(const QDate &from, const QDate &to, Granularity g) const
{
    QList<QDate> list;
    for (QDate p = periodStart(from, g); p.isValid() && p <= to; p = periodEnd(p, g).addDays(1))
        list.append(p);
    return list;
}

QList<MetricStore::Series> MetricStore::series(const QString &metric, const QString &dim,
                                               const QStringList &values, const QDate &from,
                                               const QDate &to, Granularity g, int top)
{
    QList<Series> result;
    if (!from.isValid() || !to.isValid() || from > to)
        return result;
    const DataAsOf asOf = dataAsOf();
    const QList<QDate> starts = periods(from, to, g);
    const auto incomplete = [&](const QDate &start) {
        const QDate end = periodEnd(start, g);
        return start < from || end > to || !asOf.lastComplete.isValid() || end > asOf.lastComplete;
    };

    if (metric == QLatin1String("stickiness")) {
        // Per day DAU / MAU, averaged over the period's days.
        const QList<Series> dau =
            series(QStringLiteral("dau"), dim, values, from, to, Granularity::Day, top);
        const QList<Series> mau =
            series(QStringLiteral("mau"), dim, values, from, to, Granularity::Day, top);
        for (qsizetype s = 0; s < dau.size() && s < mau.size(); ++s) {
            Series out{metric, dim, dau[s].value, {}};
            QMap<QDate, QPair<double, int>> sums;
            for (qsizetype i = 0; i < dau[s].points.size(); ++i) {
                const double m = mau[s].points[i].value;
                if (m > 0) {
                    auto &sum = sums[periodStart(dau[s].points[i].period, g)];
                    sum.first += dau[s].points[i].value / m;
                    ++sum.second;
                }
            }
            for (const QDate &p : starts) {
                const auto it = sums.constFind(p);
                out.points.append(
                    {p, it == sums.constEnd() ? qQNaN() : it->first / it->second, incomplete(p)});
            }
            result.append(out);
        }
        return result;
    }

    QStringList chosen{QString()};
    QStringList rest;
    if (!dim.isEmpty()) {
        chosen = values.isEmpty() ? this->values(metric, dim, from, to) : values;
        if (top > 0 && chosen.size() > top) {
            rest = chosen.mid(top);
            chosen = chosen.mid(0, top);
        }
    }
    const Kind kind = kindOf(metric);
    const bool other = !rest.isEmpty() && (kind == Kind::Sum || kind == Kind::Ratio);
    QHash<QString, int> index;
    for (int i = 0; i < chosen.size(); ++i)
        index.insert(chosen[i], i);
    if (other) {
        for (const QString &v : std::as_const(rest))
            index.insert(v, int(chosen.size()));
        chosen.append(kOther);
    }

    struct Cell
    {
        double num = 0;
        double den = 0;
        QDate lastDay;
        double last = qQNaN();
    };
    QList<QHash<QDate, Cell>> cells(chosen.size());
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT day, value, num, den FROM metric_daily WHERE metric = ? AND "
                             "version = ? AND day BETWEEN ? AND ? AND dim = ?"));
    q.addBindValue(metric);
    q.addBindValue(currentVersion(definitionOf(metric)));
    q.addBindValue(iso(from));
    q.addBindValue(iso(to));
    q.addBindValue(text(dim));
    if (!q.exec())
        return failed(q), result;
    while (q.next()) {
        const auto it = index.constFind(q.value(1).toString());
        if (it == index.constEnd())
            continue;
        const QDate day = dateOf(q.value(0));
        Cell &c = cells[*it][periodStart(day, g)];
        c.num += q.value(2).toDouble();
        c.den += q.value(3).toDouble();
        if (!c.lastDay.isValid() || day >= c.lastDay) {
            c.last = (day == c.lastDay ? c.last : 0) + q.value(2).toDouble();
            c.lastDay = day;
        }
    }
    for (int s = 0; s < chosen.size(); ++s) {
        Series out{metric, dim, chosen[s], {}};
        for (const QDate &p : starts) {
            const Cell c = cells[s].value(p);
            double v = 0;
            switch (kind) {
            case Kind::Sum:
                v = c.num;
                break;
            case Kind::Ratio:
                v = c.den > 0 ? c.num / c.den : qQNaN();
                break;
            case Kind::Average: {
                const QDate a = std::max(p, from);
                const QDate b = std::min({periodEnd(p, g), to});
                v = c.num / double(std::max<qint64>(1, a.daysTo(b) + 1));
                break;
            }
            case Kind::Last:
                v = c.lastDay.isValid() ? c.last : 0;
                break;
            }
            out.points.append({p, v, incomplete(p)});
        }
        result.append(out);
    }
    return result;
}

QList<MetricStore::RetentionRow> MetricStore::retention(const QDate &from, const QDate &to,
                                                        Granularity g, const QString &dim,
                                                        const QString &value)
{
    QList<RetentionRow> rows;
    const DataAsOf asOf = dataAsOf();
    struct Sums
    {
        qint64 size = 0;
        qint64 retained[31] = {};
        qint64 mature[31] = {}; // cohort size of the days old enough for day n
    };
    QMap<QDate, Sums> sums;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT cohort_day, day_n, cohort_size, retained FROM "
                             "metric_retention WHERE version = ? AND cohort_day BETWEEN ? AND ? "
                             "AND dim = ? AND value = ?"));
    q.addBindValue(currentVersion(QStringLiteral("active_users")));
    q.addBindValue(iso(from));
    q.addBindValue(iso(to));
    q.addBindValue(text(dim));
    q.addBindValue(dim.isEmpty() ? text({}) : text(value));
    if (!q.exec())
        return failed(q), rows;
    while (q.next()) {
        const QDate cohort = dateOf(q.value(0));
        const int n = q.value(1).toInt();
        if (n < 0 || n > 30)
            continue;
        Sums &s = sums[periodStart(cohort, g)];
        const qint64 size = q.value(2).toLongLong();
        if (n == 0)
            s.size += size;
        if (asOf.lastComplete.isValid() && cohort.addDays(n) <= asOf.lastComplete) {
            s.retained[n] += q.value(3).toLongLong();
            s.mature[n] += size;
        }
    }
    for (auto it = sums.cbegin(); it != sums.cend(); ++it) {
        RetentionRow row;
        row.cohort = it.key();
        row.size = it->size;
        row.incomplete = it.key() < from || periodEnd(it.key(), g) > to;
        for (int n = 0; n <= 30; ++n)
            row.rates.append(it->mature[n] > 0 ? double(it->retained[n]) / double(it->mature[n])
                                               : qQNaN());
        rows.append(row);
    }
    return rows;
}

QList<MetricStore::Campaign> MetricStore::campaigns(const QDate &from, const QDate &to)
{
    QList<Campaign> list;
    const int version = currentVersion(QStringLiteral("campaigns"));
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "SELECT c.id, c.name, c.start_day, c.end_day, e.period, e.active_users, e.participants, "
        "e.converted FROM campaigns c LEFT JOIN campaign_effect e ON e.campaign_id = c.id AND "
        "e.version = ? WHERE c.start_day <= ? AND c.end_day > ? ORDER BY c.start_day, c.id"));
    q.addBindValue(version);
    q.addBindValue(iso(to));
    q.addBindValue(iso(from));
    if (!q.exec())
        return failed(q), list;
    while (q.next()) {
        if (list.isEmpty() || list.last().id != q.value(0).toString()) {
            Campaign c;
            c.id = q.value(0).toString();
            c.name = q.value(1).toString();
            c.start = dateOf(q.value(2));
            c.end = dateOf(q.value(3));
            list.append(c);
        }
        Campaign &c = list.last();
        const bool before = q.value(4).toString() == QLatin1String("before");
        (before ? c.activeBefore : c.activeDuring) = q.value(5).toLongLong();
        (before ? c.participantsBefore : c.participantsDuring) = q.value(6).toLongLong();
        (before ? c.convertedBefore : c.convertedDuring) = q.value(7).toLongLong();
    }
    QSqlQuery d(m_db);
    d.prepare(QStringLiteral("SELECT day, participants FROM campaign_daily WHERE campaign_id = ? "
                             "AND version = ? ORDER BY day"));
    for (Campaign &c : list) {
        d.addBindValue(c.id);
        d.addBindValue(version);
        if (!d.exec())
            return failed(d), list;
        while (d.next())
            c.daily.append({dateOf(d.value(0)), d.value(1).toLongLong()});
    }
    return list;
}

QList<MetricStore::Series> MetricStore::tagging(const QDate &from, const QDate &to, Granularity g)
{
    QList<Series> result{
        {QStringLiteral("tagged"), QStringLiteral("tagging"), QStringLiteral("tagged"), {}},
        {QStringLiteral("untagged"), QStringLiteral("tagging"), QStringLiteral("untagged"), {}}};
    const DataAsOf asOf = dataAsOf();
    QTimeZone zone(asOf.timeZone.isEmpty() ? QByteArrayLiteral("Asia/Shanghai")
                                           : asOf.timeZone.toUtf8());
    if (!zone.isValid())
        zone = QTimeZone::utc();
    const qint64 start = QDateTime(from, QTime(0, 0), zone).toSecsSinceEpoch();
    const qint64 end = QDateTime(to.addDays(1), QTime(0, 0), zone).toSecsSinceEpoch();
    const int offset = zone.offsetFromUtc(QDateTime(from, QTime(0, 0), zone));
    QHash<QDate, QPair<qint64, qint64>> counts;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT (published_at + ?) / 86400, tag_count > 0, count(*) FROM "
                             "videos WHERE published_at >= ? AND published_at < ? GROUP BY 1, 2"));
    q.addBindValue(offset);
    q.addBindValue(start);
    q.addBindValue(end);
    if (!q.exec())
        return failed(q), result;
    const QDate epoch(1970, 1, 1);
    while (q.next()) {
        auto &c = counts[periodStart(epoch.addDays(q.value(0).toLongLong()), g)];
        (q.value(1).toBool() ? c.first : c.second) += q.value(2).toLongLong();
    }
    for (const QDate &p : periods(from, to, g)) {
        const bool partial = p < from || periodEnd(p, g) > to;
        result[0].points.append({p, double(counts.value(p).first), partial});
        result[1].points.append({p, double(counts.value(p).second), partial});
    }
    return result;
}

QList<QPair<QString, qint64>> MetricStore::topTags(int count)
{
    QList<QPair<QString, qint64>> list;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT name, usage_count FROM tags WHERE usage_count > 0 AND "
                             "status = 'active' ORDER BY usage_count DESC, name LIMIT ?"));
    q.addBindValue(count);
    if (!q.exec())
        return failed(q), list;
    while (q.next())
        list.append({q.value(0).toString(), q.value(1).toLongLong()});
    return list;
}

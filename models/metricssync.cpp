#include "metricssync.h"

#include "cachedatabase.h"
#include "syncstate.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QSqlQuery>
#include <QVariant>

namespace {

const char *const kAggregates[] = {"metric_daily", "metric_retention"};
const char *const kSmallTables[] = {"metric_definitions", "metric_refreshes", "campaigns",
                                    "campaign_effect", "campaign_daily"};

const RowCopier::Table kDefinitions{
    "SELECT definition, version, params::text, description::text, note, "
    "extract(epoch FROM created_at)::bigint, created_by FROM coulisse.metric_definitions",
    "INSERT INTO metric_definitions (definition, version, params, description, note, created_at, "
    "created_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
    "titttit"};
const RowCopier::Table kRefreshes{
    "SELECT id, extract(epoch FROM finished_at)::bigint, refreshed_by, full_refresh::int, days, "
    "first_day::text, last_day::text, extract(epoch FROM events_until)::bigint, time_zone "
    "FROM coulisse.metric_refreshes WHERE finished_at IS NOT NULL",
    "INSERT INTO metric_refreshes (id, finished_at, refreshed_by, full_refresh, days, first_day, "
    "last_day, events_until, time_zone) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "iitiinnit"};
const RowCopier::Table kCampaigns{
    "SELECT id, name, kind, template, array_to_json(events)::text, match_campaign::int, "
    "goal_event, start_day::text, end_day::text, row_version FROM coulisse.campaigns",
    "INSERT INTO campaigns (id, name, kind, template, events, match_campaign, goal_event, "
    "start_day, end_day, row_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "tttntittti"};
const RowCopier::Table kEffects{
    "SELECT campaign_id, version, period, start_day::text, end_day::text, active_users, "
    "participants, converted, goal_users FROM coulisse.campaign_effect",
    "INSERT INTO campaign_effect (campaign_id, version, period, start_day, end_day, active_users, "
    "participants, converted, goal_users) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "titttiiii"};
const RowCopier::Table kCampaignDays{
    "SELECT campaign_id, version, day::text, participants, goal_users FROM coulisse.campaign_daily",
    "INSERT INTO campaign_daily (campaign_id, version, day, participants, goal_users) "
    "VALUES (?, ?, ?, ?, ?)",
    "titii"};
const RowCopier::Table kDaily{
    "SELECT definition, version, metric, day::text, dim, value, num, den "
    "FROM coulisse.metric_daily",
    "INSERT OR REPLACE INTO metric_daily (definition, version, metric, day, dim, value, num, den) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    "tittttrr"};
const RowCopier::Table kRetention{
    "SELECT version, cohort_day::text, dim, value, day_n, cohort_size, retained, "
    "retained_unbounded FROM coulisse.metric_retention",
    "INSERT OR REPLACE INTO metric_retention (version, cohort_day, dim, value, day_n, "
    "cohort_size, retained, retained_unbounded) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    "itttiiii"};

} // namespace

MetricsSync::MetricsSync(CacheDatabase &cache, const QSqlDatabase &central, const QString &owner)
    : SyncPart(cache, central, owner)
{}

bool MetricsSync::clear()
{
    QSqlQuery q(m_cache.database());
    if (q.exec(QStringLiteral("SELECT EXISTS (SELECT 1 FROM sync_state WHERE key LIKE "
                              "'metrics\\_%' ESCAPE '\\') OR EXISTS (SELECT 1 FROM "
                              "saved_reports)")) &&
        q.next() && !q.value(0).toBool())
        return true; // nothing to drop
    q.finish();
    if (!m_cache.beginImmediate())
        return cache(m_cache.errorString());
    QStringList tables;
    for (const char *t : kAggregates)
        tables.append(QLatin1String(t));
    for (const char *t : kSmallTables)
        tables.append(QLatin1String(t));
    tables.append(QStringLiteral("saved_reports"));
    for (const QString &t : std::as_const(tables)) {
        if (!q.exec(QStringLiteral("DELETE FROM %1").arg(t))) {
            m_cache.rollback();
            return cache(q.lastError().text());
        }
    }
    if (!q.exec(
            QStringLiteral("DELETE FROM sync_state WHERE key LIKE 'metrics\\_%' ESCAPE '\\'"))) {
        m_cache.rollback();
        return cache(q.lastError().text());
    }
    return m_cache.commit() || cache(m_cache.errorString());
}

bool MetricsSync::run(Result *result)
{
    *result = {};
    const QString cachedOwner =
        SyncState::stateValue(m_cache.database(), QStringLiteral("metrics_owner"));
    if (!cachedOwner.isEmpty() && cachedOwner != m_owner && !clear())
        return false;
    if (!pushReports(result))
        return false;
    return onSnapshot([this, result] { return pullReports(result) && pullAggregates(result); });
}

// Saved reports ----------------------------------------------------------------------------

bool MetricsSync::pushReports(Result *result)
{
    const QSqlDatabase db = m_cache.database();
    QSqlQuery dirty(db);
    if (!dirty.exec(QStringLiteral(
            "SELECT name, spec, updated_at, deleted FROM saved_reports WHERE dirty")))
        return cache(dirty.lastError().text());
    struct Report
    {
        QString name;
        QString spec;
        qint64 updatedAt;
        bool deleted;
    };
    QList<Report> reports;
    while (dirty.next())
        reports.append({dirty.value(0).toString(), dirty.value(1).toString(),
                        dirty.value(2).toLongLong(), dirty.value(3).toBool()});
    dirty.finish();
    for (const Report &r : std::as_const(reports)) {
        QSqlQuery save(m_central);
        save.prepare(QStringLiteral(
            "SELECT coulisse.report_save(?, ?::jsonb, to_timestamp(?::double precision / 1000), "
            "?)"));
        save.addBindValue(r.name);
        save.addBindValue(r.spec);
        save.addBindValue(r.updatedAt);
        save.addBindValue(r.deleted);
        if (!save.exec())
            return central(save.lastError());
        // Taken or overtaken by a newer save elsewhere: either way central decides now.
        QSqlQuery done(db);
        done.prepare(
            QStringLiteral("UPDATE saved_reports SET dirty = 0 WHERE name = ? AND updated_at = ?"));
        done.addBindValue(r.name);
        done.addBindValue(r.updatedAt);
        if (!done.exec())
            return cache(done.lastError().text());
        ++result->reportsSent;
    }
    return true;
}

bool MetricsSync::pullReports(Result *result)
{
    QSqlQuery q(m_central);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral(
            "SELECT name, spec::text, (extract(epoch FROM updated_at) * 1000)::bigint, "
            "deleted::int FROM coulisse.saved_reports")))
        return central(q.lastError());
    struct Report
    {
        QString name;
        QString spec;
        qint64 updatedAt;
        int deleted;
    };
    QList<Report> reports;
    while (q.next())
        reports.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong(),
                        q.value(3).toInt()});
    if (q.lastError().isValid())
        return central(q.lastError());
    const QSqlDatabase db = m_cache.database();
    if (!m_cache.beginImmediate())
        return cache(m_cache.errorString());
    QSqlQuery w(db);
    // A report changed here since the push (dirty again) keeps its local state.
    w.prepare(QStringLiteral(
        "INSERT INTO saved_reports (name, spec, updated_at, deleted, dirty) VALUES (?, ?, ?, ?, 0) "
        "ON CONFLICT (name) DO UPDATE SET spec = excluded.spec, updated_at = excluded.updated_at, "
        "deleted = excluded.deleted WHERE NOT saved_reports.dirty "
        "AND saved_reports.updated_at <> excluded.updated_at"));
    for (const Report &r : std::as_const(reports)) {
        w.addBindValue(r.name);
        w.addBindValue(r.spec);
        w.addBindValue(r.updatedAt);
        w.addBindValue(r.deleted);
        if (!w.exec()) {
            const QString error = w.lastError().text();
            m_cache.rollback();
            return cache(error);
        }
        result->reportsReceived += w.numRowsAffected() > 0 ? 1 : 0;
    }
    if (!m_cache.commit())
        return cache(m_cache.errorString());
    return true;
}

// Aggregates --------------------------------------------------------------------------------

bool MetricsSync::replaceSmallTables()
{
    QSqlQuery q(m_cache.database());
    for (const char *t : kSmallTables) {
        if (!q.exec(QStringLiteral("DELETE FROM %1").arg(QLatin1String(t))))
            return cache(q.lastError().text());
    }
    qint64 rows = 0;
    for (const RowCopier::Table *c :
         {&kDefinitions, &kRefreshes, &kCampaigns, &kEffects, &kCampaignDays}) {
        if (!copy(*c, {}, &rows))
            return false;
    }
    return true;
}

// Deletes the keys central cleared after refresh \a after: one statement per metric and
// version, with its days as a JSON array (the primary key leads with them).
bool MetricsSync::deleteCleared(qint64 after)
{
    QSqlQuery q(m_central);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT tbl, version, metric, json_agg(DISTINCT day::text)::text "
                             "FROM coulisse.metric_cleared WHERE refresh_id > ? "
                             "GROUP BY tbl, version, metric"));
    q.addBindValue(after);
    if (!q.exec())
        return central(q.lastError());
    QSqlQuery daily(m_cache.database());
    daily.prepare(QStringLiteral("DELETE FROM metric_daily WHERE metric = ? AND version = ? AND "
                                 "day IN (SELECT value FROM json_each(?))"));
    QSqlQuery retention(m_cache.database());
    retention.prepare(QStringLiteral("DELETE FROM metric_retention WHERE version = ? AND "
                                     "cohort_day IN (SELECT value FROM json_each(?))"));
    while (q.next()) {
        QSqlQuery &d = q.value(0).toString() == QLatin1String("daily") ? daily : retention;
        if (&d == &daily)
            d.addBindValue(q.value(2).toString());
        d.addBindValue(q.value(1).toInt());
        d.addBindValue(q.value(3).toString());
        if (!d.exec())
            return cache(d.lastError().text());
    }
    if (q.lastError().isValid())
        return central(q.lastError());
    return true;
}

bool MetricsSync::pullAggregates(Result *result)
{
    const QSqlDatabase db = m_cache.database();
    QSqlQuery q(m_central);
    if (!q.exec(QStringLiteral("SELECT (SELECT coalesce(max(id), 0) FROM coulisse.metric_refreshes "
                               "        WHERE finished_at IS NOT NULL), "
                               "       (SELECT coalesce(max(id), 0) FROM coulisse.metric_refreshes "
                               "        WHERE finished_at IS NOT NULL AND full_refresh), "
                               "       (SELECT count(*) || ':' || coalesce(sum(row_version), 0) "
                               "        FROM coulisse.campaigns) || '/' || "
                               "       (SELECT count(*) FROM coulisse.metric_definitions)")) ||
        !q.next())
        return central(q.lastError());
    const qint64 newest = q.value(0).toLongLong();
    const qint64 lastFull = q.value(1).toLongLong();
    const QString fingerprint = q.value(2).toString();
    q.finish();
    const QString cursorText = SyncState::stateValue(db, QStringLiteral("metrics_refresh"));
    const qint64 cursor = cursorText.toLongLong();
    if (!cursorText.isEmpty() && newest == cursor &&
        fingerprint == SyncState::stateValue(db, QStringLiteral("metrics_fingerprint")))
        return true;

    const bool full = cursorText.isEmpty() || lastFull > cursor || newest < cursor;
    if (!m_cache.beginImmediate())
        return cache(m_cache.errorString());
    const auto fail = [this] {
        m_cache.rollback();
        return false;
    };
    if (!replaceSmallTables())
        return fail();
    QSqlQuery w(db);
    if (full) {
        for (const char *t : kAggregates) {
            if (!w.exec(QStringLiteral("DELETE FROM %1").arg(QLatin1String(t))))
                return cache(w.lastError().text()) || fail();
        }
    } else if (newest > cursor && !deleteCleared(cursor)) {
        return fail();
    }
    if (full || newest > cursor) {
        const QString after =
            full ? QString() : QStringLiteral(" WHERE refresh_id > %1").arg(cursor);
        for (const RowCopier::Table *c : {&kDaily, &kRetention}) {
            if (!copy(*c, after, &result->rows))
                return fail();
        }
    }
    QString error;
    for (const auto &[key, value] :
         {std::pair{QStringLiteral("metrics_refresh"), QString::number(newest)},
          std::pair{QStringLiteral("metrics_fingerprint"), fingerprint},
          std::pair{QStringLiteral("metrics_owner"), m_owner}}) {
        if (!SyncState::setState(db, key, value, &error))
            return cache(error) || fail();
    }
    if (!m_cache.commit())
        return cache(m_cache.errorString()) || fail();
    result->changed = true;
    result->full = full;
    return true;
}

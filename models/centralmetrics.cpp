#include "centralmetrics.h"

#include "centralconnection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace {

QJsonObject jsonObject(const QVariant &value)
{
    return QJsonDocument::fromJson(value.toString().toUtf8()).object();
}

QString jsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

/// A text[] literal for PostgreSQL: {"a","b"}.
QString textArray(const QStringList &values)
{
    QStringList quoted;
    for (QString v : values)
        quoted.append(QLatin1Char('"') +
                      v.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
                          .replace(QLatin1Char('"'), QLatin1String("\\\"")) +
                      QLatin1Char('"'));
    return QLatin1Char('{') + quoted.join(QLatin1Char(',')) + QLatin1Char('}');
}

} // namespace

QString CentralMetrics::Definition::text(const QString &language) const
{
    const QString localized = description.value(language).toString();
    return localized.isEmpty() ? description.value(QLatin1String("en")).toString() : localized;
}

CentralMetrics::CentralMetrics(const QSqlDatabase &db)
    : m_db(db)
{}

bool CentralMetrics::failed(const QSqlQuery &query)
{
    m_error = CentralConnection::describe(query.lastError());
    return false;
}

CentralMetrics::Refresh CentralMetrics::refresh(bool full)
{
    Refresh result;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT coulisse.metrics_refresh(?)::text"));
    q.addBindValue(full);
    if (!q.exec() || !q.next()) {
        failed(q);
        return result;
    }
    const QJsonObject o = jsonObject(q.value(0));
    result.ok = true;
    result.id = o.value(QLatin1String("refresh_id")).toInteger();
    result.full = o.value(QLatin1String("full")).toBool();
    result.days = o.value(QLatin1String("days")).toInt();
    result.firstDay =
        QDate::fromString(o.value(QLatin1String("first_day")).toString(), Qt::ISODate);
    result.lastDay = QDate::fromString(o.value(QLatin1String("last_day")).toString(), Qt::ISODate);
    result.elapsedMs = o.value(QLatin1String("elapsed_ms")).toInteger();
    return result;
}

QList<CentralMetrics::Definition> CentralMetrics::definitions(bool currentOnly)
{
    QList<Definition> result;
    QSqlQuery q(m_db);
    const QString sql = currentOnly
                            ? QStringLiteral("SELECT DISTINCT ON (definition) definition, version, "
                                             "params::text, description::text, note, created_at, "
                                             "created_by FROM coulisse.metric_definitions "
                                             "ORDER BY definition, version DESC")
                            : QStringLiteral("SELECT definition, version, params::text, "
                                             "description::text, note, created_at, created_by "
                                             "FROM coulisse.metric_definitions "
                                             "ORDER BY definition, version");
    if (!q.exec(sql)) {
        failed(q);
        return result;
    }
    while (q.next()) {
        Definition d;
        d.definition = q.value(0).toString();
        d.version = q.value(1).toInt();
        d.params = jsonObject(q.value(2));
        d.description = jsonObject(q.value(3));
        d.note = q.value(4).toString();
        d.createdAt = q.value(5).toDateTime();
        d.createdBy = q.value(6).toString();
        result.append(d);
    }
    m_error.clear();
    return result;
}

int CentralMetrics::define(const QString &definition, const QJsonObject &params,
                           const QJsonObject &description, const QString &note)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT coulisse.metric_define(?, ?::jsonb, ?::jsonb, ?)"));
    q.addBindValue(definition);
    q.addBindValue(jsonText(params));
    q.addBindValue(jsonText(description));
    q.addBindValue(note);
    if (!q.exec() || !q.next()) {
        failed(q);
        return 0;
    }
    return q.value(0).toInt();
}

QList<CentralMetrics::Campaign> CentralMetrics::campaigns()
{
    QList<Campaign> result;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT id, name, kind, coalesce(template, ''), "
                               "array_to_json(events)::text, goal_event, start_day, end_day "
                               "FROM coulisse.campaigns ORDER BY start_day, id"))) {
        failed(q);
        return result;
    }
    while (q.next()) {
        Campaign c;
        c.id = q.value(0).toString();
        c.name = q.value(1).toString();
        c.kind = q.value(2).toString();
        c.templateName = q.value(3).toString();
        const QJsonArray events = QJsonDocument::fromJson(q.value(4).toString().toUtf8()).array();
        for (const QJsonValue &e : events)
            c.events.append(e.toString());
        c.goalEvent = q.value(5).toString();
        c.startDay = q.value(6).toDate();
        c.endDay = q.value(7).toDate();
        result.append(c);
    }
    m_error.clear();
    return result;
}

bool CentralMetrics::saveCampaign(const Campaign &c)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT coulisse.campaign_save(?, ?, ?, nullif(?, ''), ?::text[], "
                             "?, ?, ?)"));
    q.addBindValue(c.id);
    q.addBindValue(c.name);
    q.addBindValue(c.kind);
    q.addBindValue(c.templateName);
    q.addBindValue(textArray(c.events));
    q.addBindValue(c.goalEvent);
    q.addBindValue(c.startDay);
    q.addBindValue(c.endDay);
    return q.exec() || failed(q);
}

bool CentralMetrics::deleteCampaign(const QString &id)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT coulisse.campaign_delete(?)"));
    q.addBindValue(id);
    return q.exec() || failed(q);
}

QString CentralMetrics::timeZone()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT time_zone FROM coulisse.metric_settings")) || !q.next()) {
        failed(q);
        return {};
    }
    return q.value(0).toString();
}

bool CentralMetrics::setTimeZone(const QString &timeZone)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT coulisse.metric_set_time_zone(?)"));
    q.addBindValue(timeZone);
    return q.exec() || failed(q);
}

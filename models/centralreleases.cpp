#include "centralreleases.h"

#include "centralconnection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace {

QJsonArray jsonArray(const QStringList &values)
{
    QJsonArray array;
    for (const QString &v : values)
        array.append(v);
    return array;
}

} // namespace

QJsonObject CentralReleases::Release::toJson() const
{
    return {{QStringLiteral("app"), app},
            {QStringLiteral("platform"), platform},
            {QStringLiteral("version"), version},
            {QStringLiteral("min_version"), minVersion},
            {QStringLiteral("rollout_percent"), rolloutPercent},
            {QStringLiteral("channels"), jsonArray(channels)},
            {QStringLiteral("os_prefixes"), jsonArray(osPrefixes)},
            {QStringLiteral("from_version"), fromVersion},
            {QStringLiteral("to_version"), toVersion},
            {QStringLiteral("user_keys"), jsonArray(userKeys)},
            {QStringLiteral("notes_zh"), notesZh},
            {QStringLiteral("notes_en"), notesEn}};
}

CentralReleases::CentralReleases(const QSqlDatabase &db)
    : m_db(db)
{}

bool CentralReleases::failed(const QSqlQuery &query)
{
    m_error = CentralConnection::describe(query.lastError());
    return false;
}

std::optional<QList<CentralReleases::Release>> CentralReleases::releases()
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral(
            "SELECT r.id, r.app, r.platform, r.version, coalesce(r.min_version, ''), "
            "r.rollout_percent::float8, array_to_json(r.channels)::text, "
            "array_to_json(r.os_prefixes)::text, coalesce(r.from_version, ''), "
            "coalesce(r.to_version, ''), array_to_json(r.user_keys)::text, r.notes_zh, "
            "r.notes_en, r.state, r.created_by, coalesce(r.publish_requested_by, ''), "
            "coalesce(r.published_by, ''), r.published_at, r.updated_at, "
            "(SELECT count(*) FROM coulisse.release_offers o WHERE o.release_id = r.id) "
            "FROM coulisse.releases r ORDER BY r.created_at DESC, r.id DESC"))) {
        failed(q);
        return std::nullopt;
    }
    const auto list = [](const QVariant &json) {
        QStringList values;
        for (const QJsonValue &v : QJsonDocument::fromJson(json.toString().toUtf8()).array())
            values.append(v.toString());
        return values;
    };
    QList<Release> result;
    while (q.next()) {
        Release r;
        r.id = q.value(0).toLongLong();
        r.app = q.value(1).toString();
        r.platform = q.value(2).toString();
        r.version = q.value(3).toString();
        r.minVersion = q.value(4).toString();
        r.rolloutPercent = q.value(5).toDouble();
        r.channels = list(q.value(6));
        r.osPrefixes = list(q.value(7));
        r.fromVersion = q.value(8).toString();
        r.toVersion = q.value(9).toString();
        r.userKeys = list(q.value(10));
        r.notesZh = q.value(11).toString();
        r.notesEn = q.value(12).toString();
        r.state = q.value(13).toString();
        r.createdBy = q.value(14).toString();
        r.publishRequestedBy = q.value(15).toString();
        r.publishedBy = q.value(16).toString();
        r.publishedAt = q.value(17).toDateTime();
        r.updatedAt = q.value(18).toDateTime();
        r.offers = q.value(19).toLongLong();
        result.append(r);
    }
    return result;
}

qint64 CentralReleases::save(const Release &release)
{
    QJsonObject fields = release.toJson();
    if (release.id > 0 && release.state != QLatin1String("draft") && !release.state.isEmpty())
        fields = {{QStringLiteral("notes_zh"), release.notesZh},
                  {QStringLiteral("notes_en"), release.notesEn}};
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT coulisse.release_save(?, ?::jsonb)"));
    q.addBindValue(release.id > 0 ? QVariant(release.id)
                                  : QVariant(QMetaType(QMetaType::LongLong)));
    q.addBindValue(QString::fromUtf8(QJsonDocument(fields).toJson(QJsonDocument::Compact)));
    if (!q.exec() || !q.next()) {
        failed(q);
        return 0;
    }
    return q.value(0).toLongLong();
}

bool CentralReleases::removeDraft(qint64 id)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT coulisse.release_delete_draft(?)"));
    q.addBindValue(id);
    return q.exec() || failed(q);
}

QString CentralReleases::publish(qint64 id)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT coulisse.release_publish(?)"));
    q.addBindValue(id);
    if (!q.exec() || !q.next()) {
        failed(q);
        return {};
    }
    return q.value(0).toString();
}

bool CentralReleases::approve(qint64 id)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT coulisse.release_approve(?)"));
    q.addBindValue(id);
    return q.exec() || failed(q);
}

bool CentralReleases::rollout(qint64 id, const QString &action, double percent)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT coulisse.release_rollout(?, ?, ?::numeric)"));
    q.addBindValue(id);
    q.addBindValue(action);
    q.addBindValue(action == QLatin1String("percent") ? QVariant(percent)
                                                      : QVariant(QMetaType(QMetaType::Double)));
    return q.exec() || failed(q);
}

std::optional<CentralReleases::Preview> CentralReleases::preview(qint64 id, double percent)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT coulisse.release_preview(?, ?::numeric)::text"));
    q.addBindValue(id);
    q.addBindValue(percent >= 0 ? QVariant(percent) : QVariant(QMetaType(QMetaType::Double)));
    if (!q.exec() || !q.next()) {
        failed(q);
        return std::nullopt;
    }
    const QJsonObject o = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
    Preview p;
    p.active = o.value(QLatin1String("active")).toInteger();
    p.platform = o.value(QLatin1String("platform")).toInteger();
    p.targeted = o.value(QLatin1String("targeted")).toInteger();
    p.reached = o.value(QLatin1String("reached")).toInteger();
    p.percent = o.value(QLatin1String("percent")).toDouble();
    return p;
}

std::optional<CentralReleases::Rollout> CentralReleases::rolloutHistory(qint64 id)
{
    Rollout r;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT (first_offered_at AT TIME ZONE 'UTC')::date, count(*) "
                             "FROM coulisse.release_offers WHERE release_id = ? "
                             "GROUP BY 1 ORDER BY 1"));
    q.addBindValue(id);
    if (!q.exec()) {
        failed(q);
        return std::nullopt;
    }
    while (q.next())
        r.offersPerDay.append({q.value(0).toDate(), q.value(1).toLongLong()});
    q.prepare(QStringLiteral("SELECT at, rollout_percent::float8, state FROM "
                             "coulisse.release_history WHERE release_id = ? ORDER BY at, id"));
    q.addBindValue(id);
    if (!q.exec()) {
        failed(q);
        return std::nullopt;
    }
    while (q.next()) {
        r.percent.append({q.value(0).toDateTime(), q.value(1).toDouble()});
        r.states.append({q.value(0).toDateTime(), q.value(2).toString()});
    }
    return r;
}

std::optional<CentralReleases::Decision>
CentralReleases::decide(const QString &app, const QString &platform, const QString &current,
                        const QString &user, const QString &channel, const QString &os)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT coulisse.update_decision(?, ?, ?, ?, ?, ?)::text"));
    for (const QString &v : {app, platform, current, user, channel, os})
        q.addBindValue(v.isNull() ? QString(QLatin1String("")) : v);
    if (!q.exec() || !q.next()) {
        failed(q);
        return std::nullopt;
    }
    const QJsonObject o = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
    Decision d;
    d.decision = o.value(QLatin1String("decision")).toString();
    const QJsonObject release = o.value(QLatin1String("release")).toObject();
    d.releaseId = release.value(QLatin1String("id")).toInteger();
    d.version = release.value(QLatin1String("version")).toString();
    d.minVersion = release.value(QLatin1String("min_version")).toString();
    d.notesZh = release.value(QLatin1String("notes_zh")).toString();
    d.notesEn = release.value(QLatin1String("notes_en")).toString();
    return d;
}

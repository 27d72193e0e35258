#include "centrallevels.h"

#include "centralconnection.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {

QString jsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

CentralLevels::CentralLevels(const QSqlDatabase &db)
    : m_db(db)
{}

QString CentralLevels::stateName(const QString &state)
{
    if (state == QLatin1String("active"))
        return tr("Active");
    if (state == QLatin1String("pending"))
        return tr("Waiting for approval");
    if (state == QLatin1String("retired"))
        return tr("Replaced");
    if (state == QLatin1String("rejected"))
        return tr("Rejected");
    if (state == QLatin1String("withdrawn"))
        return tr("Withdrawn");
    return state;
}

bool CentralLevels::supported(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    return q.exec(QStringLiteral("SELECT to_regproc('coulisse.levels_refresh') IS NOT NULL")) &&
           q.next() && q.value(0).toBool();
}

bool CentralLevels::failed(const QSqlQuery &query)
{
    m_error = CentralConnection::describe(query.lastError());
    return false;
}

std::optional<QList<CentralLevels::Ladder>> CentralLevels::ladders()
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(
            QStringLiteral("SELECT version, ladder::text, note, state, created_by, created_at, "
                           "coalesce(decided_by, ''), decided_at, activated_at, "
                           "decision_note FROM coulisse.level_ladders ORDER BY version DESC"))) {
        failed(q);
        return std::nullopt;
    }
    QList<Ladder> result;
    while (q.next()) {
        Ladder l;
        l.version = q.value(0).toInt();
        l.ladder = QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object();
        l.note = q.value(2).toString();
        l.state = q.value(3).toString();
        l.createdBy = q.value(4).toString();
        l.createdAt = q.value(5).toDateTime();
        l.decidedBy = q.value(6).toString();
        l.decidedAt = q.value(7).toDateTime();
        l.activatedAt = q.value(8).toDateTime();
        l.decisionNote = q.value(9).toString();
        result.append(l);
    }
    if (q.lastError().isValid()) {
        failed(q);
        return std::nullopt;
    }
    return result;
}

std::optional<CentralLevels::Saved> CentralLevels::save(const QJsonObject &ladder,
                                                        const QString &note, int baseVersion)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT version, state FROM coulisse.ladder_save(?::jsonb, ?, ?)"));
    q.addBindValue(jsonText(ladder));
    q.addBindValue(note);
    q.addBindValue(baseVersion >= 0 ? QVariant(baseVersion) : QVariant(QMetaType(QMetaType::Int)));
    if (!q.exec() || !q.next()) {
        failed(q);
        return std::nullopt;
    }
    return Saved{q.value(0).toInt(), q.value(1).toString()};
}

bool CentralLevels::decide(int version, bool approve, const QString &reason)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT coulisse.ladder_decide(?, ?, ?)"));
    q.addBindValue(version);
    q.addBindValue(approve);
    q.addBindValue(reason);
    return q.exec() || failed(q);
}

bool CentralLevels::withdraw(int version)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT coulisse.ladder_withdraw(?)"));
    q.addBindValue(version);
    return q.exec() || failed(q);
}

std::optional<CentralLevels::Refresh> CentralLevels::refresh(const QDate &asOf, bool full)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT coulisse.levels_refresh(?::date, ?)"));
    q.addBindValue(asOf.isValid() ? QVariant(asOf.toString(Qt::ISODate)) : QVariant());
    q.addBindValue(full);
    if (!q.exec() || !q.next()) {
        failed(q);
        return std::nullopt;
    }
    const qint64 id = q.value(0).toLongLong();
    // A statement sees the rows of the statements before it: the refresh's row is read next.
    q.prepare(QStringLiteral("SELECT as_of::text, creators, changed, coalesce(ladder_version, 0) "
                             "FROM coulisse.level_refreshes WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next()) {
        failed(q);
        return std::nullopt;
    }
    return Refresh{id, QDate::fromString(q.value(0).toString(), Qt::ISODate), q.value(1).toInt(),
                   q.value(2).toInt(), q.value(3).toInt()};
}

std::optional<int> CentralLevels::backfill(const QDate &from, const QDate &to, int step)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT coulisse.levels_backfill(?::date, ?::date, ?)"));
    q.addBindValue(from.toString(Qt::ISODate));
    q.addBindValue(to.toString(Qt::ISODate));
    q.addBindValue(step);
    if (!q.exec() || !q.next()) {
        failed(q);
        return std::nullopt;
    }
    return q.value(0).toInt();
}

std::optional<QString> CentralLevels::check(const QJsonObject &ladder)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT coalesce(coulisse.level_ladder_error(?::jsonb), '')"));
    q.addBindValue(jsonText(ladder));
    if (!q.exec() || !q.next()) {
        failed(q);
        return std::nullopt;
    }
    return q.value(0).toString();
}

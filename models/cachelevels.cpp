#include "cachelevels.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {

QDateTime fromSeconds(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromSecsSinceEpoch(value.toLongLong());
}

} // namespace

QList<CentralLevels::Ladder> CacheLevels::ladders(const QSqlDatabase &cache, QString *error)
{
    QList<CentralLevels::Ladder> result;
    QSqlQuery q(cache);
    if (!q.exec(QStringLiteral("SELECT version, ladder, note, state, created_by, created_at, "
                               "decided_by, decided_at, activated_at, decision_note "
                               "FROM level_ladders "
                               "ORDER BY version DESC"))) {
        if (error)
            *error = q.lastError().text();
        return result;
    }
    while (q.next()) {
        CentralLevels::Ladder l;
        l.version = q.value(0).toInt();
        l.ladder = QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object();
        l.note = q.value(2).toString();
        l.state = q.value(3).toString();
        l.createdBy = q.value(4).toString();
        l.createdAt = fromSeconds(q.value(5));
        l.decidedBy = q.value(6).toString();
        l.decidedAt = fromSeconds(q.value(7));
        l.activatedAt = fromSeconds(q.value(8));
        l.decisionNote = q.value(9).toString();
        result.append(l);
    }
    return result;
}

QList<CacheLevels::Day> CacheLevels::distribution(const QSqlDatabase &cache, QString *error)
{
    QList<Day> result;
    QSqlQuery q(cache);
    // A day placed by two versions (a ladder approved that day) shows the newer one's.
    if (!q.exec(QStringLiteral(
            "SELECT d.day, d.ladder_version, d.level, d.creators FROM level_distribution d "
            "WHERE d.ladder_version = (SELECT max(x.ladder_version) FROM level_distribution x "
            "WHERE x.day = d.day) ORDER BY d.day, d.level"))) {
        if (error)
            *error = q.lastError().text();
        return result;
    }
    while (q.next()) {
        const QDate day = QDate::fromString(q.value(0).toString(), Qt::ISODate);
        if (result.isEmpty() || result.last().day != day)
            result.append({day, q.value(1).toInt(), {}});
        QList<int> &creators = result.last().creators;
        const int level = q.value(2).toInt();
        if (level < 0 || level > 1000)
            continue;
        while (creators.size() <= level)
            creators.append(0);
        creators[level] = q.value(3).toInt();
    }
    return result;
}

QDate CacheLevels::asOf(const QSqlDatabase &cache)
{
    QSqlQuery q(cache);
    if (q.exec(QStringLiteral("SELECT as_of FROM level_refreshes WHERE kind = 'refresh' "
                              "ORDER BY id DESC LIMIT 1")) &&
        q.next())
        return QDate::fromString(q.value(0).toString(), Qt::ISODate);
    return {};
}

#include "centralstaff.h"

#include "centralconnection.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

CentralStaff::CentralStaff(const QSqlDatabase &db)
    : m_db(db)
{}

QStringList CentralStaff::roles()
{
    return {QStringLiteral("editor"), QStringLiteral("supervisor"), QStringLiteral("pm"),
            QStringLiteral("admin")};
}

bool CentralStaff::call(const QString &sql, const QVariantList &values)
{
    m_error.clear();
    m_state.clear();
    QSqlQuery q(m_db);
    q.prepare(sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (q.exec())
        return true;
    return fail(q.lastError());
}

bool CentralStaff::fail(const QSqlError &error)
{
    m_error = CentralConnection::describe(error);
    m_state = CentralConnection::sqlState(error);
    return false;
}

bool CentralStaff::add(const QString &name, const QString &role, const QString &password,
                       const QString &displayName)
{
    const QByteArray hash = CentralConnection::encryptPassword(m_db, name, password, &m_error);
    if (hash.isEmpty())
        return false;
    return call(QStringLiteral("SELECT coulisse.staff_add(?, ?, ?, ?)"),
                {name, role, QString::fromLatin1(hash), displayName});
}

bool CentralStaff::setRole(const QString &name, const QString &role)
{
    return call(QStringLiteral("SELECT coulisse.staff_set_role(?, ?)"), {name, role});
}

bool CentralStaff::setActive(const QString &name, bool active)
{
    return call(QStringLiteral("SELECT coulisse.staff_set_active(?, ?)"), {name, active});
}

bool CentralStaff::setPassword(const QString &name, const QString &password)
{
    const QByteArray hash = CentralConnection::encryptPassword(m_db, name, password, &m_error);
    if (hash.isEmpty())
        return false;
    return call(QStringLiteral("SELECT coulisse.staff_set_password(?, ?)"),
                {name, QString::fromLatin1(hash)});
}

bool CentralStaff::setScope(const QString &name, const QList<qint64> &games)
{
    QStringList ids;
    for (qint64 id : games)
        ids.append(QString::number(id));
    return call(QStringLiteral("SELECT coulisse.staff_set_scope(?, ?::bigint[])"),
                {name, QStringLiteral("{%1}").arg(ids.join(QLatin1Char(',')))});
}

bool CentralStaff::resolveGames(const QStringList &idsOrNames, QList<qint64> *games)
{
    m_error.clear();
    m_state.clear();
    games->clear();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id FROM coulisse.games WHERE id::text = ? OR name = ? "
                             "OR lower(name_en) = lower(?) ORDER BY id LIMIT 2"));
    for (const QString &raw : idsOrNames) {
        const QString key = raw.trimmed();
        if (key.isEmpty())
            continue;
        q.addBindValue(key);
        q.addBindValue(key);
        q.addBindValue(key);
        if (!q.exec()) {
            return fail(q.lastError());
        }
        if (!q.next()) {
            m_error = tr("No game \"%1\" (give a game id or its name).").arg(key);
            return false;
        }
        const qint64 id = q.value(0).toLongLong();
        if (q.next()) {
            m_error = tr("\"%1\" names more than one game: give its id.").arg(key);
            return false;
        }
        if (!games->contains(id))
            games->append(id);
    }
    return true;
}

bool CentralStaff::list(QList<Member> *members)
{
    m_error.clear();
    m_state.clear();
    members->clear();
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral(
            "SELECT s.name, s.role, s.display_name, s.active, s.created_at, s.created_by, "
            "       coalesce((SELECT array_to_string(array_agg(sc.game_id ORDER BY sc.game_id), "
            "',') "
            "                 FROM coulisse.staff_scopes sc WHERE sc.staff = s.name), '') "
            "FROM coulisse.staff s ORDER BY s.name"))) {
        return fail(q.lastError());
    }
    while (q.next()) {
        Member m;
        m.name = q.value(0).toString();
        m.role = q.value(1).toString();
        m.displayName = q.value(2).toString();
        m.active = q.value(3).toBool();
        m.createdAt = q.value(4).toDateTime();
        m.createdBy = q.value(5).toString();
        const QStringList ids = q.value(6).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString &id : ids)
            m.games.append(id.toLongLong());
        members->append(m);
    }
    return true;
}

bool CentralStaff::policy(QList<PolicyRule> *rules)
{
    m_error.clear();
    m_state.clear();
    rules->clear();
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT kind, requires_review, updated_at, updated_by, role "
                               "FROM coulisse.approval_policy ORDER BY role, kind"))) {
        return fail(q.lastError());
    }
    while (q.next())
        rules->append({q.value(0).toString(), q.value(1).toBool(), q.value(4).toString(),
                       q.value(2).toDateTime(), q.value(3).toString()});
    return true;
}

bool CentralStaff::setPolicy(const QString &kind, bool requiresReview, const QString &role)
{
    return call(QStringLiteral("SELECT coulisse.set_approval_policy(?, ?, ?)"),
                {role, kind, requiresReview});
}

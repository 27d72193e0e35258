#include "syncstate.h"

#include <QSqlError>
#include <QSqlQuery>

namespace SyncState {

QString stateValue(const QSqlDatabase &db, const QString &key)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT value FROM sync_state WHERE key = ?"));
    q.addBindValue(key);
    if (q.exec() && q.next())
        return q.value(0).toString();
    return {};
}

bool setState(const QSqlDatabase &db, const QString &key, const QVariant &value, QString *error)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO sync_state (key, value) VALUES (?, ?) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    q.addBindValue(key);
    const QString text = value.toString();
    q.addBindValue(text.isNull() ? QStringLiteral("") : text); // an empty scope is not NULL
    if (q.exec())
        return true;
    *error = q.lastError().text();
    return false;
}

} // namespace SyncState

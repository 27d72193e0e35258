#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QVariant>

/// The cache's sync_state table: the sync's cursors, identity and bookkeeping, by key.
namespace SyncState {

/// The value of \a key (empty when unset or unreadable).
QString stateValue(const QSqlDatabase &db, const QString &key);
/// Sets \a key to \a value (a null value is stored as ''); false with \a error on failure.
bool setState(const QSqlDatabase &db, const QString &key, const QVariant &value, QString *error);

} // namespace SyncState

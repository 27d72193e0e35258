#pragma once

#include "rowcopier.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

#include <functional>

class CacheDatabase;

/// What the metrics and levels halves of a sync share: the cache, the central connection, the
/// store and user the cache mirrors (its owner), and on which side a failure happened.
class SyncPart
{
public:
    QString errorString() const { return m_error; }
    /// Set when central failed (the sync classifies it); otherwise the cache failed.
    QSqlError centralError() const { return m_centralError; }

protected:
    SyncPart(CacheDatabase &cache, const QSqlDatabase &central, const QString &owner);

    /// Record a failure of central or of the cache; both return false.
    bool central(const QSqlError &error);
    bool cache(const QString &message);
    /// Runs \a read in one read-only REPEATABLE READ transaction of central: one snapshot.
    bool onSnapshot(const std::function<bool()> &read);
    /// RowCopier::copy into the cache, the failure recorded on its side.
    bool copy(const RowCopier::Table &table, const QString &where, qint64 *rows);

    CacheDatabase &m_cache;
    QSqlDatabase m_central;
    QString m_owner;
    QString m_error;
    QSqlError m_centralError;
};

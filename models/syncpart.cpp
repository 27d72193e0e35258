#include "syncpart.h"

#include "cachedatabase.h"

#include <QSqlQuery>

SyncPart::SyncPart(CacheDatabase &cache, const QSqlDatabase &central, const QString &owner)
    : m_cache(cache)
    , m_central(central)
    , m_owner(owner)
{}

bool SyncPart::central(const QSqlError &error)
{
    m_centralError = error;
    m_error = error.text();
    return false;
}

bool SyncPart::cache(const QString &message)
{
    m_centralError = QSqlError();
    m_error = message;
    return false;
}

bool SyncPart::onSnapshot(const std::function<bool()> &read)
{
    QSqlQuery begin(m_central);
    if (!begin.exec(QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")))
        return central(begin.lastError());
    const bool ok = read();
    QSqlQuery end(m_central);
    end.exec(QStringLiteral("ROLLBACK")); // read only: nothing to keep
    return ok;
}

bool SyncPart::copy(const RowCopier::Table &table, const QString &where, qint64 *rows)
{
    RowCopier copier(m_central, m_cache.database());
    if (copier.copy(table, where, rows))
        return true;
    return copier.centralError().isValid() ? central(copier.centralError())
                                           : cache(copier.errorString());
}

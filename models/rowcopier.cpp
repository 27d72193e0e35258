#include "rowcopier.h"

#include "cachedatabase.h"

#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>

RowCopier::RowCopier(const QSqlDatabase &central, const QSqlDatabase &cache)
    : m_central(central)
    , m_cache(cache)
{}

bool RowCopier::copy(const QString &select, const char *insertSql, const char *types, qint64 *rows)
{
    m_centralError = QSqlError();
    m_error.clear();
    QSqlQuery q(m_central);
    q.setForwardOnly(true);
    if (!q.exec(select)) {
        m_centralError = q.lastError();
        m_error = m_centralError.text();
        return false;
    }
    sqlite3 *handle = CacheDatabase::handleOf(m_cache);
    sqlite3_stmt *insert = nullptr;
    if (sqlite3_prepare_v2(handle, insertSql, -1, &insert, nullptr) != SQLITE_OK) {
        m_error = QString::fromUtf8(sqlite3_errmsg(handle));
        return false;
    }
    const int columns = int(qstrlen(types));
    while (q.next()) {
        for (int c = 0; c < columns; ++c) {
            const QVariant v = q.value(c);
            if (v.isNull()) {
                sqlite3_bind_null(insert, c + 1);
            } else if (types[c] == 'i') {
                sqlite3_bind_int64(insert, c + 1, v.toLongLong());
            } else if (types[c] == 'r') {
                sqlite3_bind_double(insert, c + 1, v.toDouble());
            } else {
                const QByteArray text = v.toString().toUtf8();
                sqlite3_bind_text(insert, c + 1, text.constData(), int(text.size()),
                                  SQLITE_TRANSIENT);
            }
        }
        if (sqlite3_step(insert) != SQLITE_DONE) {
            m_error = QString::fromUtf8(sqlite3_errmsg(handle));
            sqlite3_finalize(insert);
            return false;
        }
        sqlite3_reset(insert);
        ++*rows;
    }
    sqlite3_finalize(insert);
    if (q.lastError().isValid()) {
        m_centralError = q.lastError();
        m_error = m_centralError.text();
        return false;
    }
    return true;
}

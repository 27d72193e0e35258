#include "rowloader.h"

#include "cachedatabase.h"

#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include <algorithm>
#include <memory>

namespace {
// COULISSE_TRACE_ROWS=1 prints each window read and its time (diagnosis of slow pages).
const bool s_trace = qEnvironmentVariableIntValue("COULISSE_TRACE_ROWS") != 0;
} // namespace

/// Lives in the loader's thread; owns the thread's connection.
class RowLoaderWorker : public QObject
{
public:
    RowLoaderWorker(RowLoader *loader, QString path)
        : m_loader(loader)
        , m_path(std::move(path))
    {}

    bool ensureOpen(QString *error)
    {
        if (m_cache && m_cache->isOpen())
            return true;
        m_cache = std::make_unique<CacheDatabase>();
        if (!m_cache->open(m_path, CacheDatabase::Access::ReadOnly)) {
            *error = m_cache->errorString();
            m_cache.reset();
            return false;
        }
        return true;
    }

    void reset(quint64 client, quint64 generation, const TableQuery &query, int windowSize)
    {
        if (!m_loader->isCurrent(client, generation))
            return;
        QString error;
        if (!ensureOpen(&error)) {
            emit m_loader->failed(client, generation, error);
            return;
        }
        QElapsedTimer timer;
        timer.start();
        QSqlQuery q(m_cache->database());
        q.setForwardOnly(true);
        for (const QString &statement : query.setup) {
            if (!q.exec(statement)) {
                emit m_loader->failed(client, generation, q.lastError().text());
                return;
            }
        }
        if (!q.prepare(query.countSql())) {
            emit m_loader->failed(client, generation, q.lastError().text());
            return;
        }
        for (const QVariant &p : query.parameters)
            q.addBindValue(p);
        if (!q.exec() || !q.next()) {
            emit m_loader->failed(client, generation, q.lastError().text());
            return;
        }
        const int count = int(std::min<qint64>(q.value(0).toLongLong(), INT_MAX));
        q.finish();
        if (s_trace)
            qInfo("count %d: %.1f ms", count, timer.nsecsElapsed() / 1e6);
        RowLoader::Rows rows;
        if (count > 0 && !read(query, 0, std::min(windowSize, count), count, &rows, &error)) {
            emit m_loader->failed(client, generation, error);
            return;
        }
        emit m_loader->resetReady(client, generation, count, rows);
    }

    void window(quint64 client, quint64 generation, const TableQuery &query, int offset, int limit,
                int total)
    {
        if (!m_loader->isCurrent(client, generation))
            return;
        QString error;
        RowLoader::Rows rows;
        if (!ensureOpen(&error) || !read(query, offset, limit, total, &rows, &error)) {
            emit m_loader->failed(client, generation, error);
            return;
        }
        emit m_loader->windowReady(client, generation, offset, rows);
    }

private:
    bool read(const TableQuery &query, int offset, int limit, int total, RowLoader::Rows *rows,
              QString *error)
    {
        // Past the middle, read backwards from the end: OFFSET costs what it skips.
        const bool reversed = total > 0 && offset > total / 2;
        int sqlOffset = offset;
        if (reversed) {
            sqlOffset = total - offset - limit;
            if (sqlOffset < 0) {
                limit += sqlOffset;
                sqlOffset = 0;
            }
        }
        QElapsedTimer timer;
        timer.start();
        QSqlQuery q(m_cache->database());
        q.setForwardOnly(true);
        if (!q.prepare(query.windowSql(reversed))) {
            *error = q.lastError().text();
            return false;
        }
        for (const QVariant &p : query.parameters)
            q.addBindValue(p);
        q.addBindValue(limit);
        q.addBindValue(sqlOffset);
        if (!q.exec()) {
            *error = q.lastError().text();
            return false;
        }
        const int columns = q.record().count();
        rows->reserve(limit);
        while (q.next()) {
            QVariantList row;
            row.reserve(columns);
            for (int c = 0; c < columns; ++c)
                row.append(q.value(c));
            rows->append(std::move(row));
        }
        if (q.lastError().isValid()) {
            *error = q.lastError().text();
            return false;
        }
        if (reversed)
            std::reverse(rows->begin(), rows->end());
        if (s_trace) {
            qInfo("window %d+%d%s: %.1f ms", offset, limit, reversed ? " (reversed)" : "",
                  timer.nsecsElapsed() / 1e6);
            QSqlQuery plan(m_cache->database());
            plan.prepare(QStringLiteral("EXPLAIN QUERY PLAN ") + query.windowSql(reversed));
            for (const QVariant &p : query.parameters)
                plan.addBindValue(p);
            plan.addBindValue(limit);
            plan.addBindValue(sqlOffset);
            if (plan.exec())
                while (plan.next())
                    qInfo("  %s", qPrintable(plan.value(3).toString()));
        }
        return true;
    }

    RowLoader *m_loader;
    QString m_path;
    std::unique_ptr<CacheDatabase> m_cache;
};

RowLoader::RowLoader(const QString &cachePath, QObject *parent)
    : QObject(parent)
    , m_cachePath(cachePath)
{
    m_thread.setObjectName(QStringLiteral("RowLoader"));
    m_worker = new RowLoaderWorker(this, cachePath);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

RowLoader::~RowLoader()
{
    {
        QMutexLocker lock(&m_mutex);
        m_generations.clear(); // every pending request is now stale
    }
    m_thread.quit();
    m_thread.wait();
}

quint64 RowLoader::registerClient()
{
    QMutexLocker lock(&m_mutex);
    const quint64 id = m_nextClient++;
    m_generations.insert(id, 0);
    return id;
}

void RowLoader::setGeneration(quint64 client, quint64 generation)
{
    QMutexLocker lock(&m_mutex);
    m_generations.insert(client, generation);
}

bool RowLoader::isCurrent(quint64 client, quint64 generation) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_generations.constFind(client);
    return it != m_generations.constEnd() && it.value() <= generation;
}

void RowLoader::requestReset(quint64 client, quint64 generation, const TableQuery &query,
                             int windowSize)
{
    QMetaObject::invokeMethod(
        m_worker,
        [w = m_worker, client, generation, query, windowSize] {
            w->reset(client, generation, query, windowSize);
        },
        Qt::QueuedConnection);
}

void RowLoader::requestWindow(quint64 client, quint64 generation, const TableQuery &query,
                              int offset, int limit, int total)
{
    QMetaObject::invokeMethod(
        m_worker,
        [w = m_worker, client, generation, query, offset, limit, total] {
            w->window(client, generation, query, offset, limit, total);
        },
        Qt::QueuedConnection);
}

void RowLoader::waitForIdle()
{
    QMetaObject::invokeMethod(
        m_worker, [] {}, Qt::BlockingQueuedConnection);
}

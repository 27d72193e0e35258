#pragma once

#include "tablequery.h"

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QThread>

class RowLoaderWorker;

/// Reads windows of rows for the table models on a worker thread with its own read-only
/// connection to the cache, so that the UI never waits for SQLite.
///
/// Each model registers as a client and tags its requests with a generation; when the model
/// changes its query it bumps the generation, and the worker skips requests (and the model
/// drops replies) of older generations. Replies arrive as queued signals in the UI thread.
class RowLoader : public QObject
{
    Q_OBJECT

public:
    using Rows = QList<QVariantList>;

    explicit RowLoader(const QString &cachePath, QObject *parent = nullptr);
    ~RowLoader() override;

    QString cachePath() const { return m_cachePath; }

    quint64 registerClient();
    /// Marks every request of \a client older than \a generation as stale. Thread-safe.
    void setGeneration(quint64 client, quint64 generation);
    bool isCurrent(quint64 client, quint64 generation) const;

    /// Counts the rows of \a query and reads its first window.
    void requestReset(quint64 client, quint64 generation, const TableQuery &query, int windowSize);
    /// Reads \a limit rows from \a offset; \a total (the known count) picks the cheaper direction.
    void requestWindow(quint64 client, quint64 generation, const TableQuery &query, int offset,
                       int limit, int total);

    /// Blocks until every request sent so far has been handled (tests and benchmarks).
    void waitForIdle();

signals:
    void resetReady(quint64 client, quint64 generation, int count, const RowLoader::Rows &rows);
    void windowReady(quint64 client, quint64 generation, int offset, const RowLoader::Rows &rows);
    void failed(quint64 client, quint64 generation, const QString &message);

private:
    QString m_cachePath;
    QThread m_thread;
    RowLoaderWorker *m_worker = nullptr;
    mutable QMutex m_mutex;
    QHash<quint64, quint64> m_generations;
    quint64 m_nextClient = 1;
};

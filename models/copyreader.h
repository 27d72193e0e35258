#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

typedef struct pg_conn PGconn;

/// Streams the rows of a query from the central store with libpq's `COPY (query) TO STDOUT`
/// on a thread of its own, in batches of whole lines, so that the caller writes one batch into
/// the cache while the next one is read: the initial copy's reader. Text format: fields
/// separated by tabs, `\N` for NULL, backslash escapes (see field()).
///
/// One connection, opened by open(), serves one query at a time: start() it, take its batches
/// with next() until that returns false, then check failed(). The destructor (or cancel())
/// stops a query that is still running.
class CopyReader
{
    Q_DECLARE_TR_FUNCTIONS(CopyReader)

public:
    CopyReader() = default;
    ~CopyReader();
    CopyReader(const CopyReader &) = delete;
    CopyReader &operator=(const CopyReader &) = delete;

    /// Connects with a libpq URL or key=value string (and a password, if not empty).
    bool open(const QString &conninfo, const QString &password);
    bool isOpen() const { return m_conn != nullptr; }

    /// Starts `COPY (select) TO STDOUT` on the reader's thread.
    bool start(const QString &select);
    /// The next batch of complete lines (each ending in '\n'); false at the end of the rows or
    /// on an error (then failed() is true).
    bool next(QByteArray *batch);
    /// Stops the running query (if any) and waits for the thread.
    void cancel();

    bool failed() const { return !m_error.isEmpty(); }
    QString errorString() const { return m_error; }
    /// The SQLSTATE of the error (empty when the connection broke without one).
    QString sqlState() const { return m_sqlState; }

    /// Decodes one field of a line in COPY's text format: false for NULL (`\N`). Fields
    /// without a backslash are returned as they are (no copy).
    static bool field(const char *begin, const char *end, QByteArray *scratch, const char **text,
                      int *size);

private:
    void run(QByteArray sql);
    void finish(const QString &error, const QString &sqlState);
    void join();

    PGconn *m_conn = nullptr;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<QByteArray> m_batches;
    bool m_done = true;
    bool m_stop = false;
    QString m_error;
    QString m_sqlState;
};

#include "copyreader.h"

#include <libpq-fe.h>

namespace {

// A batch is handed over once it holds this much; a few are read ahead.
constexpr qsizetype kBatchBytes = 512 * 1024;
constexpr size_t kReadAhead = 8;

QString resultError(const PGresult *result, PGconn *conn, QString *sqlState)
{
    const char *state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    *sqlState = state ? QString::fromLatin1(state) : QString();
    const char *primary = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    QString text = primary ? QString::fromUtf8(primary) : QString::fromUtf8(PQerrorMessage(conn));
    text = text.trimmed();
    return text.isEmpty() ? CopyReader::tr("the connection to the central store broke") : text;
}

} // namespace

CopyReader::~CopyReader()
{
    cancel();
    if (m_conn)
        PQfinish(m_conn);
}

bool CopyReader::open(const QString &conninfo, const QString &password)
{
    if (m_conn) {
        cancel();
        PQfinish(m_conn);
        m_conn = nullptr;
    }
    m_error.clear();
    m_sqlState.clear();
    const QByteArray info = conninfo.toUtf8();
    const QByteArray secret = password.toUtf8();
    // The connection string is expanded first; the keywords after it override what it says.
    const char *keywords[] = {"dbname", "application_name", "client_encoding",
                              password.isEmpty() ? nullptr : "password", nullptr};
    const char *values[] = {info.constData(), "coulisse-copy", "UTF8",
                            password.isEmpty() ? nullptr : secret.constData(), nullptr};
    m_conn = PQconnectdbParams(keywords, values, 1);
    if (!m_conn || PQstatus(m_conn) != CONNECTION_OK) {
        m_error = tr("Cannot connect to the central store: %1")
                      .arg(m_conn ? QString::fromUtf8(PQerrorMessage(m_conn)).trimmed()
                                  : tr("out of memory"));
        if (m_conn)
            PQfinish(m_conn);
        m_conn = nullptr;
        return false;
    }
    // The copy's scans are plain: compiling them (JIT, when the server has it on) costs more
    // than it saves. A server without JIT ignores this.
    PQclear(PQexec(m_conn, "SET jit = off"));
    return true;
}

bool CopyReader::start(const QString &select)
{
    cancel();
    m_error.clear();
    m_sqlState.clear();
    if (!m_conn) {
        m_error = tr("not connected");
        return false;
    }
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_batches.clear();
        m_done = false;
        m_stop = false;
    }
    m_thread = std::thread(&CopyReader::run, this,
                           QStringLiteral("COPY (%1) TO STDOUT").arg(select).toUtf8());
    return true;
}

void CopyReader::run(QByteArray sql)
{
    PGresult *result = PQexec(m_conn, sql.constData());
    if (PQresultStatus(result) != PGRES_COPY_OUT) {
        QString state;
        const QString error = resultError(result, m_conn, &state);
        PQclear(result);
        finish(error, state);
        return;
    }
    PQclear(result);
    QByteArray batch;
    batch.reserve(kBatchBytes + 4096);
    const auto handOver = [&]() {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_changed.wait(lock, [&] { return m_stop || m_batches.size() < kReadAhead; });
        if (m_stop)
            return false;
        m_batches.push_back(std::move(batch));
        m_changed.notify_all();
        batch = QByteArray();
        batch.reserve(kBatchBytes + 4096);
        return true;
    };
    bool stopped = false;
    for (;;) {
        char *row = nullptr;
        const int size = PQgetCopyData(m_conn, &row, 0);
        if (size > 0) {
            // Once stopped, the rest is read and dropped until the server's cancel arrives:
            // the connection stays usable.
            if (!stopped)
                batch.append(row, size);
            PQfreemem(row);
            if (!stopped && batch.size() >= kBatchBytes)
                stopped = !handOver();
            continue;
        }
        if (size == -1 && !stopped && !batch.isEmpty())
            handOver();
        break;
    }
    // The end of the COPY (or its error): drain the results so the connection can go on.
    QString error;
    QString state;
    while ((result = PQgetResult(m_conn)) != nullptr) {
        if (PQresultStatus(result) != PGRES_COMMAND_OK && error.isEmpty())
            error = resultError(result, m_conn, &state);
        PQclear(result);
    }
    if (error.isEmpty() && PQstatus(m_conn) != CONNECTION_OK)
        error = resultError(nullptr, m_conn, &state);
    finish(error, state);
}

void CopyReader::finish(const QString &error, const QString &sqlState)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_stop) {
        m_error = error;
        m_sqlState = sqlState;
    }
    m_done = true;
    m_changed.notify_all();
}

bool CopyReader::next(QByteArray *batch)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    m_changed.wait(lock, [&] { return !m_batches.empty() || m_done; });
    if (m_batches.empty()) {
        lock.unlock();
        join();
        return false;
    }
    *batch = std::move(m_batches.front());
    m_batches.pop_front();
    m_changed.notify_all();
    return true;
}

void CopyReader::cancel()
{
    if (!m_thread.joinable())
        return;
    bool running = false;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        running = !m_done;
        m_stop = true;
        m_changed.notify_all();
    }
    if (running && m_conn) {
        // The thread may be waiting for the server: ask the server to stop the query.
        if (PGcancel *cancel = PQgetCancel(m_conn)) {
            char message[256];
            PQcancel(cancel, message, sizeof message);
            PQfreeCancel(cancel);
        }
    }
    join();
    std::lock_guard<std::mutex> lock(m_mutex);
    m_batches.clear();
}

void CopyReader::join()
{
    if (m_thread.joinable())
        m_thread.join();
}

bool CopyReader::field(const char *begin, const char *end, QByteArray *scratch, const char **text,
                       int *size)
{
    if (end - begin == 2 && begin[0] == '\\' && begin[1] == 'N')
        return false;
    const char *slash = static_cast<const char *>(memchr(begin, '\\', size_t(end - begin)));
    if (!slash) {
        *text = begin;
        *size = int(end - begin);
        return true;
    }
    scratch->resize(0);
    scratch->append(begin, slash - begin);
    for (const char *p = slash; p < end; ++p) {
        if (*p != '\\' || p + 1 >= end) {
            scratch->append(*p);
            continue;
        }
        const char c = *++p;
        switch (c) {
        case 'b':
            scratch->append('\b');
            break;
        case 'f':
            scratch->append('\f');
            break;
        case 'n':
            scratch->append('\n');
            break;
        case 'r':
            scratch->append('\r');
            break;
        case 't':
            scratch->append('\t');
            break;
        case 'v':
            scratch->append('\v');
            break;
        default:
            scratch->append(c); // "\\" and any other escaped character stand for themselves
        }
    }
    *text = scratch->constData();
    *size = int(scratch->size());
    return true;
}

#include "copywriter.h"

#include <QRegularExpression>

#include <libpq-fe.h>

CopyWriter::CopyWriter(PGconn *conn)
    : m_conn(conn)
{}

CopyWriter::~CopyWriter()
{
    rollback();
}

bool CopyWriter::begin()
{
    m_open = exec("BEGIN");
    return m_open;
}

bool CopyWriter::commit()
{
    if (m_inCopy && !endCopy())
        return false;
    if (!exec("COMMIT"))
        return false;
    m_open = false;
    return true;
}

void CopyWriter::rollback()
{
    if (m_inCopy)
        finishCopy("import stopped");
    if (m_open) {
        PQclear(PQexec(m_conn, "ROLLBACK"));
        m_open = false;
    }
}

bool CopyWriter::exec(const char *sql)
{
    PGresult *res = PQexec(m_conn, sql);
    const bool ok = PQresultStatus(res) == PGRES_COMMAND_OK;
    if (!ok)
        describe(res);
    PQclear(res);
    return ok;
}

bool CopyWriter::query(const char *sql, const QList<QByteArray> &params, QList<QByteArray> *rows)
{
    QList<const char *> values;
    for (const QByteArray &p : params)
        values.append(p.isNull() ? nullptr : p.constData());
    PGresult *res = PQexecParams(m_conn, sql, int(values.size()), nullptr, values.constData(),
                                 nullptr, nullptr, 0);
    const ExecStatusType status = PQresultStatus(res);
    const bool ok = status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK;
    if (!ok) {
        describe(res);
    } else {
        m_value = PQntuples(res) > 0 && PQnfields(res) > 0 ? QByteArray(PQgetvalue(res, 0, 0))
                                                           : QByteArray();
        if (rows) {
            for (int r = 0; r < PQntuples(res); ++r)
                rows->append(QByteArray(PQgetvalue(res, r, 0)));
        }
    }
    PQclear(res);
    return ok;
}

bool CopyWriter::startCopy(const char *copySql)
{
    PGresult *res = PQexec(m_conn, copySql);
    m_inCopy = PQresultStatus(res) == PGRES_COPY_IN;
    if (!m_inCopy)
        describe(res);
    PQclear(res);
    m_lines.clear();
    m_rows = 0;
    m_buffer.clear();
    return m_inCopy;
}

bool CopyWriter::add(const QByteArray &row, qint64 line)
{
    m_buffer += row;
    if (m_lines.isEmpty() || line - m_rows != m_lines.last().second - m_lines.last().first)
        m_lines.append({m_rows, line});
    ++m_rows;
    return true;
}

bool CopyWriter::flush(qsizetype minBytes)
{
    if (m_buffer.isEmpty() || m_buffer.size() < minBytes)
        return true;
    if (PQputCopyData(m_conn, m_buffer.constData(), int(m_buffer.size())) != 1)
        return finishCopy("the connection failed");
    m_buffer.clear();
    return true;
}

bool CopyWriter::endCopy()
{
    if (!flush())
        return false;
    return finishCopy(nullptr);
}

bool CopyWriter::finishCopy(const char *failure)
{
    m_inCopy = false;
    m_buffer.clear();
    PQputCopyEnd(m_conn, failure);
    bool ok = failure == nullptr;
    while (PGresult *res = PQgetResult(m_conn)) {
        if (PQresultStatus(res) != PGRES_COMMAND_OK) {
            if (ok || m_error.isEmpty())
                describe(res);
            ok = false;
        }
        PQclear(res);
    }
    if (!ok && m_error.isEmpty())
        m_error = QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
    return ok;
}

void CopyWriter::describe(PGresult *res)
{
    const QString message = QString::fromUtf8(PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY));
    const QString state = QString::fromLatin1(PQresultErrorField(res, PG_DIAG_SQLSTATE));
    const QString context = QString::fromUtf8(PQresultErrorField(res, PG_DIAG_CONTEXT));
    static const QRegularExpression copyLine(QStringLiteral("COPY \\w+, line (\\d+)"));
    const QRegularExpressionMatch m = copyLine.match(context);
    m_errorLine = m.hasMatch() ? fileLine(m.captured(1).toLongLong()) : 0;
    m_error = message.isEmpty() ? QString::fromUtf8(PQerrorMessage(m_conn)).trimmed()
                                : QStringLiteral("%1 (SQLSTATE %2)").arg(message, state);
}

qint64 CopyWriter::fileLine(qint64 copyRow) const
{
    const qint64 r = copyRow - 1;
    qint64 found = 0;
    for (const auto &[start, line] : m_lines) {
        if (start > r)
            break;
        found = line + (r - start);
    }
    return found;
}

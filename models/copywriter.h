#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

typedef struct pg_conn PGconn;

/// One transaction on a libpq connection that streams rows into the central store with
/// `COPY table FROM STDIN` (text format, see CopyLine), in as many COPY segments as the caller
/// needs, with plain statements between them. Remembers the file line of every row sent, so
/// that a row the store refuses is reported at its line. Rolls back unless commit() was
/// called.
class CopyWriter
{
public:
    explicit CopyWriter(PGconn *conn);
    ~CopyWriter();
    CopyWriter(const CopyWriter &) = delete;
    CopyWriter &operator=(const CopyWriter &) = delete;

    bool begin();
    bool commit();
    void rollback();

    /// Runs \a sql with text parameters; the first column of its rows goes to \a rows.
    bool query(const char *sql, const QList<QByteArray> &params = {},
               QList<QByteArray> *rows = nullptr);
    /// The first column of the first row of the last query() (empty when it had none).
    const QByteArray &value() const { return m_value; }

    /// Starts a COPY segment: \a copySql is "COPY ... FROM STDIN".
    bool startCopy(const char *copySql);
    /// Adds \a row (one COPY line) that came from line \a line of the file.
    bool add(const QByteArray &row, qint64 line);
    /// Sends what add() buffered when it reached \a minBytes.
    bool flush(qsizetype minBytes = 0);
    /// Ends the COPY segment (sending what is buffered).
    bool endCopy();

    QString errorString() const { return m_error; }
    /// The file line of the row the store refused, 0 when the error was not about one row.
    qint64 errorLine() const { return m_errorLine; }

private:
    bool exec(const char *sql);
    bool finishCopy(const char *failure);
    void describe(struct pg_result *res);
    qint64 fileLine(qint64 copyRow) const;

    PGconn *m_conn;
    bool m_open = false;
    bool m_inCopy = false;
    QByteArray m_buffer;
    QByteArray m_value;
    QString m_error;
    qint64 m_errorLine = 0;
    /// (COPY row, file line) where the gap between them changes, for the current segment.
    QList<QPair<qint64, qint64>> m_lines;
    qint64 m_rows = 0;
};

#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

/// One row of PostgreSQL's COPY text format: tab-separated fields, backslash escapes, \N for
/// NULL, ended by a newline.
class CopyLine
{
public:
    CopyLine &text(const QString &value);
    /// UTF-8 bytes, escaped like text().
    CopyLine &bytes(const QByteArray &utf8);
    CopyLine &number(qint64 value);
    /// \a id, or NULL when it is not positive.
    CopyLine &reference(qint64 id);
    CopyLine &null();
    CopyLine &boolean(bool value);
    /// An instant as ISO 8601 UTC.
    CopyLine &time(qint64 secondsSinceEpoch);
    /// A JSON array of strings.
    CopyLine &list(const QStringList &values);
    /// The row with its newline; the line is empty again afterwards.
    QByteArray done();

    /// Appends the field separator and \a utf8 escaped to \a out (no newline).
    static void appendEscaped(QByteArray &out, const QByteArray &utf8);

private:
    void separator();
    QByteArray m_bytes;
};

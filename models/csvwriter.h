#pragma once

#include <QIODevice>
#include <QStringList>

/// Writes RFC 4180 CSV: UTF-8 (with a byte-order mark, so spreadsheet programs read Chinese
/// right), CRLF line ends, fields quoted when they hold a comma, quote or line break.
class CsvWriter
{
public:
    /// \a bom: start with the UTF-8 byte-order mark.
    explicit CsvWriter(QIODevice *device, bool bom = true);

    bool writeRow(const QStringList &fields);
    /// False once a write failed (disk full, closed pipe).
    bool isOk() const { return m_ok; }

    static QByteArray quote(const QString &field);

private:
    QIODevice *m_device;
    bool m_ok = true;
};

#include "csvwriter.h"

CsvWriter::CsvWriter(QIODevice *device, bool bom)
    : m_device(device)
{
    if (bom)
        m_ok = m_device->write("\xEF\xBB\xBF") == 3;
}

QByteArray CsvWriter::quote(const QString &field)
{
    QByteArray bytes = field.toUtf8();
    const bool needsQuotes =
        bytes.contains(',') || bytes.contains('"') || bytes.contains('\n') || bytes.contains('\r');
    if (!needsQuotes)
        return bytes;
    bytes.replace('"', "\"\"");
    return '"' + bytes + '"';
}

bool CsvWriter::writeRow(const QStringList &fields)
{
    if (!m_ok)
        return false;
    QByteArray line;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            line += ',';
        line += quote(fields.at(i));
    }
    // A row of one empty (or blank) field would be a blank line, which readers skip.
    if (fields.size() == 1 && fields.first().trimmed().isEmpty())
        line = '"' + fields.first().toUtf8() + '"';
    line += "\r\n";
    m_ok = m_device->write(line) == line.size();
    return m_ok;
}

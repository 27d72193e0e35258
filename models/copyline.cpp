#include "copyline.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

void CopyLine::appendEscaped(QByteArray &out, const QByteArray &utf8)
{
    for (const char c : utf8) {
        switch (c) {
        case '\\':
            out += "\\\\";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        default:
            out += c;
        }
    }
}

void CopyLine::separator()
{
    if (!m_bytes.isEmpty())
        m_bytes += '\t';
}

CopyLine &CopyLine::text(const QString &value)
{
    return bytes(value.toUtf8());
}

CopyLine &CopyLine::bytes(const QByteArray &utf8)
{
    separator();
    appendEscaped(m_bytes, utf8);
    return *this;
}

CopyLine &CopyLine::number(qint64 value)
{
    separator();
    m_bytes += QByteArray::number(value);
    return *this;
}

CopyLine &CopyLine::reference(qint64 id)
{
    return id > 0 ? number(id) : null();
}

CopyLine &CopyLine::null()
{
    separator();
    m_bytes += "\\N";
    return *this;
}

CopyLine &CopyLine::boolean(bool value)
{
    separator();
    m_bytes += value ? 't' : 'f';
    return *this;
}

CopyLine &CopyLine::time(qint64 secondsSinceEpoch)
{
    separator();
    m_bytes +=
        QDateTime::fromSecsSinceEpoch(secondsSinceEpoch, Qt::UTC).toString(Qt::ISODate).toLatin1();
    return *this;
}

CopyLine &CopyLine::list(const QStringList &values)
{
    return text(QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(values)).toJson(QJsonDocument::Compact)));
}

QByteArray CopyLine::done()
{
    m_bytes += '\n';
    QByteArray row;
    row.swap(m_bytes);
    return row;
}

#include "recordreader.h"

#include <QFileInfo>
#include <QHash>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QVariant>

#include <cmath>

namespace {

/// Where a member of the line's top-level object starts: its key and its value.
struct Member
{
    qsizetype keyAt = -1;
    qsizetype valueAt = -1;
};

/// The members of the top-level object of \a line (valid JSON), by key: keys inside nested
/// values and strings that spell a key are not members. A repeated key keeps its last place.
QHash<QString, Member> topLevelMembers(const QByteArray &line)
{
    QHash<QString, Member> members;
    int depth = 0;
    char previous = 0; // the last character outside strings that is not white space
    for (qsizetype i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (c == '"') {
            const qsizetype start = i;
            bool escaped = false;
            for (++i; i < line.size(); ++i) {
                if (escaped)
                    escaped = false;
                else if (line[i] == '\\')
                    escaped = true;
                else if (line[i] == '"')
                    break;
            }
            if (depth == 1 && (previous == '{' || previous == ',')) {
                const QByteArray raw = line.mid(start, i - start + 1);
                const QString key =
                    raw.contains('\\')
                        ? QJsonDocument::fromJson('[' + raw + ']').array().at(0).toString()
                        : QString::fromUtf8(raw.mid(1, raw.size() - 2));
                qsizetype v = i + 1;
                while (v < line.size() && (line[v] == ' ' || line[v] == '\t' || line[v] == '\r' ||
                                           line[v] == '\n' || line[v] == ':'))
                    ++v;
                members.insert(key, {start, v});
            }
            previous = '"';
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            continue;
        if (c == '{' || c == '[')
            ++depth;
        else if (c == '}' || c == ']')
            --depth;
        previous = c;
    }
    return members;
}

/// The number literal at \a at of \a line, as the line writes it.
QByteArray numberLiteral(const QByteArray &line, qsizetype at)
{
    if (at < 0)
        return {};
    qsizetype end = at;
    while (end < line.size() &&
           (QByteArrayView("-+.eE").contains(line[end]) || (line[end] >= '0' && line[end] <= '9')))
        ++end;
    return line.mid(at, end - at);
}

/// Whether \a literal is a JSON integer: an optional minus and digits.
bool isIntegerLiteral(const QByteArray &literal)
{
    const qsizetype first = literal.startsWith('-') ? 1 : 0;
    if (literal.size() <= first)
        return false;
    for (qsizetype i = first; i < literal.size(); ++i) {
        if (literal[i] < '0' || literal[i] > '9')
            return false;
    }
    return true;
}

} // namespace

RecordReader::RecordReader(QIODevice *device, Format format, QStringList columns)
    : m_device(device)
    , m_format(format)
    , m_names(std::move(columns))
    , m_fields(m_names.size())
{}

RecordReader::~RecordReader() = default;

QByteArray RecordReader::sha256() const
{
    return m_hash ? m_hash->result() : QByteArray();
}

bool RecordReader::hasColumn(int column) const
{
    return m_format == Format::JsonLines || m_headerColumns.contains(column);
}

QString RecordReader::message(const QString &file, qint64 line, int column, const QString &reason)
{
    return column > 0 ? tr("%1:%2:%3: %4").arg(file).arg(line).arg(column).arg(reason)
                      : tr("%1:%2: %3").arg(file).arg(line).arg(reason);
}

RecordReader::Format RecordReader::formatOf(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("csv"))
        return Format::Csv;
    if (suffix == QLatin1String("jsonl") || suffix == QLatin1String("ndjson") ||
        suffix == QLatin1String("json"))
        return Format::JsonLines;
    return Format::Auto;
}

int RecordReader::characterColumn(const QByteArray &line, qsizetype offset)
{
    int column = 1;
    for (qsizetype i = 0; i < offset && i < line.size(); ++i) {
        if ((uchar(line[i]) & 0xC0) != 0x80)
            ++column;
    }
    return column;
}

bool RecordReader::validUtf8(const QByteArray &bytes)
{
    const auto *p = reinterpret_cast<const uchar *>(bytes.constData());
    const auto *end = p + bytes.size();
    while (p < end) {
        const uchar c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        int extra = 0;
        if (c >= 0xC2 && c <= 0xDF)
            extra = 1;
        else if (c >= 0xE0 && c <= 0xEF)
            extra = 2;
        else if (c >= 0xF0 && c <= 0xF4)
            extra = 3;
        else
            return false;
        if (end - p <= extra)
            return false;
        for (int i = 1; i <= extra; ++i) {
            if ((p[i] & 0xC0) != 0x80)
                return false;
        }
        if ((c == 0xE0 && p[1] < 0xA0) || (c == 0xED && p[1] > 0x9F) ||
            (c == 0xF0 && p[1] < 0x90) || (c == 0xF4 && p[1] > 0x8F))
            return false;
        p += extra + 1;
    }
    return true;
}

bool RecordReader::fail(qint64 line, int column, const QString &reason)
{
    m_failure = {line, column, reason};
    return false;
}

bool RecordReader::readLine()
{
    if (m_atEnd)
        return false;
    m_line = m_device->readLine();
    if (m_line.isEmpty()) {
        m_atEnd = true;
        return false;
    }
    if (m_hashing) {
        if (!m_hash)
            m_hash = std::make_unique<QCryptographicHash>(QCryptographicHash::Sha256);
        m_hash->addData(m_line);
    }
    m_bytes += m_line.size();
    ++m_lineNumber;
    if (m_lineNumber == 1 && m_line.startsWith("\xEF\xBB\xBF"))
        m_line.remove(0, 3);
    m_lineBreak = 0;
    if (m_line.endsWith('\n')) {
        m_line.chop(1);
        m_lineBreak = 1;
    }
    if (m_line.endsWith('\r')) {
        m_line.chop(1);
        m_lineBreak = m_lineBreak == 1 ? 2 : 0;
    }
    return true;
}

bool RecordReader::start()
{
    if (m_hashing && !m_hash)
        m_hash = std::make_unique<QCryptographicHash>(QCryptographicHash::Sha256);
    bool any = readLine();
    while (any && m_line.trimmed().isEmpty())
        any = readLine();
    if (m_format == Format::Auto)
        m_format = m_line.trimmed().startsWith('{') ? Format::JsonLines : Format::Csv;
    if (m_format == Format::JsonLines) {
        // The first line is a record: next() starts from it.
        m_pendingFirst = any;
        return true;
    }
    if (!any)
        return fail(1, 0, tr("the file is empty: a CSV file starts with a header row"));
    m_recordLine = m_lineNumber;
    if (!validUtf8(m_line))
        return fail(m_recordLine, 0, tr("the line is not valid UTF-8"));
    if (!parseCsv(&m_values, &m_valueColumns, &m_valueLines))
        return false;
    for (qsizetype f = 0; f < m_values.size(); ++f) {
        const QString title = QString::fromUtf8(m_values[f].trimmed()).toLower();
        const int c = int(m_names.indexOf(title));
        if (c < 0)
            return fail(m_recordLine, m_valueColumns[f],
                        tr("unknown column \"%1\" (known: %2)")
                            .arg(title, m_names.join(QStringLiteral(", "))));
        if (m_headerColumns.contains(c))
            return fail(m_recordLine, m_valueColumns[f],
                        tr("the column \"%1\" appears twice").arg(title));
        m_headerColumns.append(c);
    }
    for (const int c : std::as_const(m_required)) {
        if (!m_headerColumns.contains(c))
            return fail(m_recordLine, 0, tr("the header has no \"%1\" column").arg(m_names[c]));
    }
    return true;
}

bool RecordReader::next()
{
    if (failed())
        return false;
    while (true) {
        if (m_pendingFirst)
            m_pendingFirst = false; // JSON Lines: start() read the first line already
        else if (!readLine())
            return false;
        if (!m_line.trimmed().isEmpty())
            break;
    }
    m_recordLine = m_lineNumber;
    if (!validUtf8(m_line))
        return fail(m_recordLine, 0, tr("the line is not valid UTF-8"));
    for (Field &f : m_fields)
        f = Field();
    return m_format == Format::Csv ? readCsvRecord() : readJsonRecord();
}

bool RecordReader::parseCsv(QList<QByteArray> *values, QList<int> *columns, QList<qint64> *lines)
{
    values->clear();
    columns->clear();
    lines->clear();
    qint64 extraLines = 0;
    qsizetype i = 0;
    while (true) {
        columns->append(characterColumn(m_line, i));
        lines->append(extraLines);
        QByteArray value;
        if (i < m_line.size() && m_line[i] == '"') {
            const int openColumn = columns->last();
            const qint64 openLine = m_lineNumber;
            ++i;
            while (true) {
                const qsizetype quote = m_line.indexOf('"', i);
                if (quote < 0) {
                    // The quoted field goes on on the next line.
                    value.append(m_line.constData() + i, m_line.size() - i);
                    // The line break belongs to the value, as the file wrote it.
                    const int lineBreak = m_lineBreak;
                    if (!readLine())
                        return fail(openLine, openColumn,
                                    tr("a quoted field is not closed before the end of the file"));
                    if (!validUtf8(m_line))
                        return fail(m_lineNumber, 0, tr("the line is not valid UTF-8"));
                    i = 0;
                    ++extraLines;
                    value += lineBreak == 2 ? "\r\n" : "\n";
                    continue;
                }
                value.append(m_line.constData() + i, quote - i);
                if (quote + 1 < m_line.size() && m_line[quote + 1] == '"') {
                    value += '"';
                    i = quote + 2;
                    continue;
                }
                i = quote + 1;
                break;
            }
            if (i < m_line.size() && m_line[i] != ',')
                return fail(m_lineNumber, characterColumn(m_line, i),
                            tr("text after the closing quote of a field"));
        } else {
            const qsizetype end = m_line.indexOf(',', i);
            const qsizetype stop = end < 0 ? m_line.size() : end;
            const qsizetype quote = m_line.indexOf('"', i);
            if (quote >= 0 && quote < stop)
                return fail(m_lineNumber, characterColumn(m_line, quote),
                            tr("a quote inside a field that does not start with one (quote the "
                               "whole field and double the quotes inside it)"));
            value = m_line.mid(i, stop - i);
            i = stop;
        }
        values->append(value);
        if (i >= m_line.size())
            return true;
        ++i; // the comma
    }
}

bool RecordReader::readCsvRecord()
{
    if (!parseCsv(&m_values, &m_valueColumns, &m_valueLines))
        return false;
    if (m_values.size() != m_headerColumns.size())
        return fail(m_recordLine, 0,
                    tr("%n field(s), but the header has %1", "", int(m_values.size()))
                        .arg(m_headerColumns.size()));
    for (qsizetype f = 0; f < m_values.size(); ++f) {
        Field &field = m_fields[m_headerColumns[f]];
        field.text = m_values[f];
        field.type = Type::Text;
        // A field on a later line of the record: its column would mislead.
        field.column = m_valueLines[f] == 0 ? m_valueColumns[f] : 0;
    }
    return true;
}

bool RecordReader::readJsonRecord()
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(m_line, &error);
    if (error.error != QJsonParseError::NoError)
        return fail(m_recordLine, characterColumn(m_line, error.offset),
                    tr("not valid JSON: %1").arg(error.errorString()));
    if (!doc.isObject())
        return fail(m_recordLine, 1, tr("each line holds one JSON object"));
    const QJsonObject object = doc.object();
    const QHash<QString, Member> members = topLevelMembers(m_line);
    for (auto it = object.begin(); it != object.end(); ++it) {
        const Member member = members.value(it.key());
        const int column = member.keyAt < 0 ? 1 : characterColumn(m_line, member.keyAt);
        const int c = int(m_names.indexOf(it.key()));
        if (c < 0)
            return fail(m_recordLine, column,
                        tr("unknown key \"%1\" (known: %2)")
                            .arg(it.key(), m_names.join(QStringLiteral(", "))));
        Field &field = m_fields[c];
        field.column = column;
        const QJsonValue v = it.value();
        switch (v.type()) {
        case QJsonValue::String:
            field.type = Type::String;
            field.text = v.toString().toUtf8();
            break;
        case QJsonValue::Double: {
            field.type = Type::Number;
            // Qt's parser keeps a number as a double or a 64-bit integer (also 5.0 or 1e3 as
            // integers, and 2^53 + 1 written with a fraction as the double 2^53): the line's
            // own literal says whether the file wrote a whole number, and its exact digits
            // (checked against the value, should a key be repeated).
            const double d = v.toDouble();
            const QByteArray literal = numberLiteral(m_line, member.valueAt);
            bool literalOk = false;
            const bool same = !literal.isEmpty() && literal.toDouble(&literalOk) == d && literalOk;
            const QVariant exact = v.toVariant();
            if (same ? isIntegerLiteral(literal) : exact.typeId() == QMetaType::LongLong) {
                field.text = !same             ? QByteArray::number(exact.toLongLong())
                             : literal == "-0" ? QByteArrayLiteral("0")
                                               : literal;
                field.integral = true;
                break;
            }
            // Written with a fraction or an exponent: whole values below 2^53 are exact as
            // digits; beyond, the exponent shows that the digits were rounded (never read back
            // as an exact integer).
            if (std::fabs(d) >= 9007199254740992.0)
                field.text = QByteArray::number(d, 'e', QLocale::FloatingPointShortest);
            else if (std::floor(d) == d)
                field.text = QByteArray::number(qint64(d));
            else
                field.text = QByteArray::number(d, 'g', QLocale::FloatingPointShortest);
            break;
        }
        case QJsonValue::Bool:
            field.type = Type::Bool;
            field.text = v.toBool() ? QByteArrayLiteral("true") : QByteArrayLiteral("false");
            break;
        case QJsonValue::Array:
            field.type = Type::Array;
            field.text = QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact);
            break;
        case QJsonValue::Object:
            field.type = Type::Object;
            field.text = QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
            break;
        default:
            field.type = Type::Null;
            break;
        }
    }
    return true;
}

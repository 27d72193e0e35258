#include "eventimporter.h"

#include "centralconnection.h"
#include "copyline.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <cmath>
#include <libpq-fe.h>

namespace {

enum Column { Time, User, Event, Platform, Channel, Device, Os, Version, Properties, ColumnCount };
const char *const kColumnNames[ColumnCount] = {"time",     "user_id",     "event",
                                               "platform", "channel",     "device_model",
                                               "os",       "app_version", "properties"};
constexpr int kMaxText = 200;
constexpr qsizetype kFlushBytes = 1 << 20;

struct Failure
{
    int column = 0; ///< 1-based character column, 0 when the whole line is meant
    QString reason;
};

/// Character column (1-based) of byte \a offset of \a line.
int characterColumn(const QByteArray &line, qsizetype offset)
{
    int column = 1;
    for (qsizetype i = 0; i < offset && i < line.size(); ++i) {
        if ((uchar(line[i]) & 0xC0) != 0x80)
            ++column;
    }
    return column;
}

bool validUtf8(const QByteArray &bytes)
{
    const auto *p = reinterpret_cast<const uchar *>(bytes.constData());
    const auto *end = p + bytes.size();
    while (p < end) {
        const uchar c = *p;
        int extra = 0;
        if (c < 0x80)
            extra = 0;
        else if (c >= 0xC2 && c <= 0xDF)
            extra = 1;
        else if (c >= 0xE0 && c <= 0xEF)
            extra = 2;
        else if (c >= 0xF0 && c <= 0xF4)
            extra = 3;
        else
            return false;
        if (end - p <= extra)
            return extra == 0 && end - p == 1;
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

qint64 daysFromCivil(int y, int m, int d)
{
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return qint64(era) * 146097 + doe - 719468;
}

/// ISO 8601 with a UTC offset: YYYY-MM-DD(T| )hh:mm[:ss[.fraction]](Z|+hh[:mm]|-hh[:mm]).
bool parseTime(const QByteArray &text, qint64 *epoch, QString *reason)
{
    const char *s = text.constData();
    const qsizetype n = text.size();
    qsizetype i = 0;
    auto digits = [&](int count, int *value) {
        if (i + count > n)
            return false;
        int v = 0;
        for (int k = 0; k < count; ++k) {
            const char c = s[i + k];
            if (c < '0' || c > '9')
                return false;
            v = v * 10 + (c - '0');
        }
        i += count;
        *value = v;
        return true;
    };
    auto expect = [&](char c) {
        if (i < n && s[i] == c) {
            ++i;
            return true;
        }
        return false;
    };
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    const QString format =
        EventImporter::tr(
            "\"%1\" is not a time like 2026-11-01T08:30:00+08:00 (ISO 8601 with a UTC offset)")
            .arg(QString::fromUtf8(text.left(40)));
    if (!digits(4, &year) || !expect('-') || !digits(2, &month) || !expect('-') ||
        !digits(2, &day) || !(expect('T') || expect(' ')) || !digits(2, &hour) || !expect(':') ||
        !digits(2, &minute)) {
        *reason = format;
        return false;
    }
    if (expect(':')) {
        if (!digits(2, &second)) {
            *reason = format;
            return false;
        }
        if (expect('.') || expect(',')) {
            const qsizetype start = i;
            while (i < n && s[i] >= '0' && s[i] <= '9')
                ++i;
            if (i == start || i - start > 9) {
                *reason = format;
                return false;
            }
        }
    }
    int offset = 0;
    if (expect('Z') || expect('z')) {
        offset = 0;
    } else if (i < n && (s[i] == '+' || s[i] == '-')) {
        const int sign = s[i] == '-' ? -1 : 1;
        ++i;
        int oh = 0, om = 0;
        if (!digits(2, &oh)) {
            *reason = format;
            return false;
        }
        if (expect(':')) {
            if (!digits(2, &om)) {
                *reason = format;
                return false;
            }
        } else if (i < n) {
            if (!digits(2, &om)) {
                *reason = format;
                return false;
            }
        }
        if (oh > 15 || om > 59) {
            *reason = format;
            return false;
        }
        offset = sign * (oh * 3600 + om * 60);
    } else if (i == n) {
        *reason = EventImporter::tr("\"%1\" has no UTC offset (add Z or +08:00)")
                      .arg(QString::fromUtf8(text));
        return false;
    }
    if (i != n) {
        *reason = format;
        return false;
    }
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (month < 1 || month > 12 || day < 1 ||
        day > kDays[month - 1] + (month == 2 && leap ? 1 : 0) || hour > 23 || minute > 59 ||
        second > 60) {
        *reason =
            EventImporter::tr("\"%1\" is not a valid date and time").arg(QString::fromUtf8(text));
        return false;
    }
    *epoch = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 +
             std::min(second, 59) - offset;
    // The store keeps events of 2000-2099.
    if (*epoch < 946684800 || *epoch >= 4102444800) {
        *reason =
            EventImporter::tr("%1 is outside the years 2000-2099").arg(QString::fromUtf8(text));
        return false;
    }
    return true;
}

/// Month key (UTC) of an instant: year * 12 + month - 1.
int monthKey(qint64 epoch)
{
    const QDate date = QDateTime::fromSecsSinceEpoch(epoch, Qt::UTC).date();
    return date.year() * 12 + date.month() - 1;
}

bool parseUser(const QByteArray &text, qint64 *id, QString *reason)
{
    bool ok = false;
    *id = text.toLongLong(&ok);
    if (!ok || *id <= 0 || text.startsWith('+') || text.startsWith('0')) {
        *reason = EventImporter::tr("the user id \"%1\" is not a positive whole number")
                      .arg(QString::fromUtf8(text.left(40)));
        return false;
    }
    return true;
}

bool checkEventName(const QByteArray &name, QString *reason)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z][a-z0-9_.]{0,63}$"));
    if (!pattern.match(QString::fromLatin1(name)).hasMatch()) {
        *reason = EventImporter::tr("the event name \"%1\" is not 1-64 lowercase letters, digits, "
                                    "_ or . starting with a letter")
                      .arg(QString::fromUtf8(name.left(80)));
        return false;
    }
    return true;
}

bool checkPlatform(const QByteArray &platform, QString *reason)
{
    if (platform != "web" && platform != "app" && platform != "pc") {
        *reason = EventImporter::tr("the platform \"%1\" is not web, app or pc")
                      .arg(QString::fromUtf8(platform.left(40)));
        return false;
    }
    return true;
}

bool checkText(Column column, const QByteArray &text, QString *reason)
{
    if (QString::fromUtf8(text).size() > kMaxText) {
        *reason = EventImporter::tr("%1 is longer than %2 characters")
                      .arg(QLatin1String(kColumnNames[column]))
                      .arg(kMaxText);
        return false;
    }
    return true;
}

/// Properties the metrics read must have the right type.
bool checkPropertyTypes(const QJsonObject &properties, QString *reason)
{
    for (const char *key : {"duration_s", "amount"}) {
        const QJsonValue v = properties.value(QLatin1String(key));
        if (!v.isUndefined() && (!v.isDouble() || v.toDouble() < 0)) {
            *reason = EventImporter::tr("the property \"%1\" is not a non-negative number")
                          .arg(QLatin1String(key));
            return false;
        }
    }
    const QJsonValue video = properties.value(QLatin1String("video_id"));
    if (!video.isUndefined() && (!video.isDouble() || video.toDouble() < 1 ||
                                 std::floor(video.toDouble()) != video.toDouble())) {
        *reason = EventImporter::tr("the property \"video_id\" is not a positive whole number");
        return false;
    }
    for (const char *key : {"campaign", "source", "product"}) {
        const QJsonValue v = properties.value(QLatin1String(key));
        if (!v.isUndefined() && !v.isString()) {
            *reason =
                EventImporter::tr("the property \"%1\" is not a string").arg(QLatin1String(key));
            return false;
        }
    }
    return true;
}

/// Checks a JSON object of properties; on failure \a offset is the byte where it went wrong.
bool checkProperties(const QByteArray &json, qsizetype *offset, QString *reason)
{
    if (json.trimmed().isEmpty())
        return true;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        *offset = error.offset;
        *reason =
            EventImporter::tr("the properties are not valid JSON: %1").arg(error.errorString());
        return false;
    }
    *offset = 0;
    if (!doc.isObject()) {
        *reason = EventImporter::tr("the properties are not a JSON object");
        return false;
    }
    return checkPropertyTypes(doc.object(), reason);
}

/// One event as it goes to COPY.
struct Row
{
    QByteArray fields[ColumnCount];
    qint64 epoch = 0;
};

/// Checks the fields of \a event; \a columns gives each field's character column (0: absent).
bool checkEvent(Row &event, const int *columns, Failure *failure)
{
    QString reason;
    auto fail = [&](Column c) {
        failure->column = columns[c];
        failure->reason = reason;
        return false;
    };
    for (const Column c : {Time, User, Event, Platform}) {
        if (event.fields[c].isEmpty()) {
            reason = EventImporter::tr("%1 is missing").arg(QLatin1String(kColumnNames[c]));
            return fail(c);
        }
    }
    qint64 user = 0;
    if (!parseTime(event.fields[Time], &event.epoch, &reason))
        return fail(Time);
    if (!parseUser(event.fields[User], &user, &reason))
        return fail(User);
    if (!checkEventName(event.fields[Event], &reason))
        return fail(Event);
    if (!checkPlatform(event.fields[Platform], &reason))
        return fail(Platform);
    for (const Column c : {Channel, Device, Os, Version}) {
        if (!checkText(c, event.fields[c], &reason))
            return fail(c);
    }
    return true;
}

/// RFC 4180 CSV: splits the record that starts with \a line, reading further lines from
/// \a device while a quoted field is open.
class CsvRecord
{
public:
    QList<QByteArray> fields;
    QList<int> columns;  ///< character column of each field in its line
    QList<qint64> lines; ///< line of each field, relative to the record's first line
    qint64 extraLines = 0;

    bool parse(QIODevice *device, QByteArray line, QCryptographicHash &hash, qint64 *bytes,
               Failure *failure)
    {
        fields.clear();
        columns.clear();
        lines.clear();
        extraLines = 0;
        qsizetype i = 0;
        QByteArray value;
        while (true) {
            columns.append(characterColumn(line, i));
            lines.append(extraLines);
            value.clear();
            if (i < line.size() && line[i] == '"') {
                const int openColumn = columns.last();
                ++i;
                while (true) {
                    if (i >= line.size()) {
                        // The quoted field goes on on the next line.
                        QByteArray next = device->readLine();
                        if (next.isEmpty()) {
                            failure->column = openColumn;
                            failure->reason = EventImporter::tr(
                                "a quoted field is not closed before the end of the file");
                            return false;
                        }
                        hash.addData(next);
                        *bytes += next.size();
                        chop(next);
                        line = next;
                        i = 0;
                        ++extraLines;
                        value += '\n';
                        continue;
                    }
                    if (line[i] == '"') {
                        if (i + 1 < line.size() && line[i + 1] == '"') {
                            value += '"';
                            i += 2;
                            continue;
                        }
                        ++i;
                        break;
                    }
                    value += line[i++];
                }
                if (i < line.size() && line[i] != ',') {
                    failure->column = characterColumn(line, i);
                    failure->reason = EventImporter::tr("text after the closing quote of a field");
                    return false;
                }
            } else {
                const qsizetype end = line.indexOf(',', i);
                const qsizetype stop = end < 0 ? line.size() : end;
                value = line.mid(i, stop - i);
                const qsizetype quote = value.indexOf('"');
                if (quote >= 0) {
                    failure->column = characterColumn(line, i + quote);
                    failure->reason = EventImporter::tr(
                        "a quote inside a field that does not start with one (quote the "
                        "whole field and double the quotes inside it)");
                    return false;
                }
                i = stop;
            }
            fields.append(value);
            if (i >= line.size())
                return true;
            ++i; // the comma
        }
    }

    static void chop(QByteArray &line)
    {
        if (line.endsWith('\n'))
            line.chop(1);
        if (line.endsWith('\r'))
            line.chop(1);
    }
};

/// The store's side of one import: a transaction, the import row, COPY segments.
class Store
{
public:
    explicit Store(PGconn *conn)
        : m_conn(conn)
    {}
    ~Store()
    {
        if (m_inCopy)
            endCopy(false);
        if (m_open)
            exec("ROLLBACK");
    }

    QString error;
    int errorCopyLine = 0; ///< line of the COPY segment the store refused, 0 if none

    bool begin(const QString &name, qint64 *importId)
    {
        if (!exec("BEGIN"))
            return false;
        m_open = true;
        const QByteArray utf8 = name.toUtf8();
        const char *values[] = {utf8.constData()};
        if (!query("SELECT coulisse.events_import_begin($1)", 1, values))
            return false;
        *importId = m_value.toLongLong();
        // The months that have a partition, as month keys (year * 12 + month - 1).
        QList<QByteArray> months;
        if (!query("SELECT (extract(year FROM m AT TIME ZONE 'UTC') * 12 + extract(month FROM "
                   "m AT TIME ZONE 'UTC') - 1)::int FROM coulisse.events_partitions() m",
                   0, nullptr, &months))
            return false;
        for (const QByteArray &month : std::as_const(months))
            m_monthKeys.insert(month.toInt());
        return true;
    }

    bool hasMonth(int key) const { return m_monthKeys.contains(key); }

    bool addMonth(int key, const QByteArray &time)
    {
        const char *values[] = {time.constData()};
        if (!query("SELECT coulisse.events_partition($1)", 1, values))
            return false;
        m_monthKeys.insert(key);
        return true;
    }

    bool startCopy()
    {
        PGresult *res = PQexec(m_conn, "COPY coulisse.events (at, user_id, name, platform, "
                                       "channel, device_model, os, app_version, properties, "
                                       "import_id) FROM STDIN");
        const bool started = PQresultStatus(res) == PGRES_COPY_IN;
        if (!started)
            error = QString::fromUtf8(PQresultErrorMessage(res)).trimmed();
        PQclear(res);
        m_inCopy = started;
        return started;
    }

    bool send(const QByteArray &data)
    {
        if (data.isEmpty())
            return true;
        if (PQputCopyData(m_conn, data.constData(), int(data.size())) == 1)
            return true;
        return endCopy(false);
    }

    /// Ends the COPY segment; false with error (and errorCopyLine) when the store refused it.
    bool endCopy(bool ok)
    {
        m_inCopy = false;
        PQputCopyEnd(m_conn, ok ? nullptr : "import stopped");
        bool result = ok;
        while (PGresult *res = PQgetResult(m_conn)) {
            if (PQresultStatus(res) != PGRES_COMMAND_OK) {
                result = false;
                if (error.isEmpty())
                    describe(res);
            }
            PQclear(res);
        }
        return result;
    }

    bool finish(qint64 importId, const QByteArray &sha256, qint64 events, qint64 first, qint64 last)
    {
        const QByteArray id = QByteArray::number(importId);
        const QByteArray count = QByteArray::number(events);
        const QByteArray from =
            QDateTime::fromSecsSinceEpoch(first, Qt::UTC).toString(Qt::ISODate).toLatin1();
        const QByteArray to =
            QDateTime::fromSecsSinceEpoch(last, Qt::UTC).toString(Qt::ISODate).toLatin1();
        const char *values[] = {id.constData(), sha256.constData(), count.constData(),
                                from.constData(), to.constData()};
        if (!query("SELECT coulisse.events_import_finish($1, $2, $3, $4, $5)", 5, values))
            return false;
        if (!exec("COMMIT"))
            return false;
        m_open = false;
        return true;
    }

private:
    bool exec(const char *sql)
    {
        PGresult *res = PQexec(m_conn, sql);
        const bool ok = PQresultStatus(res) == PGRES_COMMAND_OK;
        if (!ok && error.isEmpty())
            describe(res);
        PQclear(res);
        return ok;
    }

    bool query(const char *sql, int count, const char *const *values,
               QList<QByteArray> *rows = nullptr)
    {
        PGresult *res = PQexecParams(m_conn, sql, count, nullptr, values, nullptr, nullptr, 0);
        const bool ok = PQresultStatus(res) == PGRES_TUPLES_OK;
        if (!ok) {
            describe(res);
        } else {
            m_value = PQntuples(res) > 0 ? QByteArray(PQgetvalue(res, 0, 0)) : QByteArray();
            if (rows) {
                for (int r = 0; r < PQntuples(res); ++r)
                    rows->append(QByteArray(PQgetvalue(res, r, 0)));
            }
        }
        PQclear(res);
        return ok;
    }

    void describe(PGresult *res)
    {
        const QString message = QString::fromUtf8(PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY));
        const QString state = QString::fromLatin1(PQresultErrorField(res, PG_DIAG_SQLSTATE));
        const QString context = QString::fromUtf8(PQresultErrorField(res, PG_DIAG_CONTEXT));
        static const QRegularExpression copyLine(QStringLiteral("COPY events, line (\\d+)"));
        const QRegularExpressionMatch m = copyLine.match(context);
        if (m.hasMatch())
            errorCopyLine = m.captured(1).toInt();
        error = message.isEmpty() ? QString::fromUtf8(PQerrorMessage(m_conn)).trimmed()
                                  : QStringLiteral("%1 (SQLSTATE %2)").arg(message, state);
    }

    PGconn *m_conn;
    bool m_open = false;
    bool m_inCopy = false;
    QByteArray m_value;
    QSet<int> m_monthKeys;
};

/// File lines of the rows of one COPY segment: (row, line) where the gap between them changes.
class LineMap
{
public:
    void clear()
    {
        m_points.clear();
        m_rows = 0;
    }
    void add(qint64 line)
    {
        if (m_points.isEmpty() || line - m_rows != m_points.last().second - m_points.last().first)
            m_points.append({m_rows, line});
        ++m_rows;
    }
    /// The file line of COPY row \a row (1-based).
    qint64 line(qint64 row) const
    {
        const qint64 r = row - 1;
        qint64 found = 0;
        for (const auto &[start, line] : m_points) {
            if (start > r)
                break;
            found = line + (r - start);
        }
        return found;
    }

private:
    QList<QPair<qint64, qint64>> m_points;
    qint64 m_rows = 0;
};

} // namespace

EventImporter::EventImporter(const QSqlDatabase &db)
    : m_db(db)
{}

EventImporter::Result EventImporter::importFile(const QString &path, Format format)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Result result;
        result.error = tr("%1: cannot be read: %2").arg(path, file.errorString());
        return result;
    }
    if (format == Format::Auto) {
        const QString suffix = QFileInfo(path).suffix().toLower();
        if (suffix == QLatin1String("csv"))
            format = Format::Csv;
        else if (suffix == QLatin1String("jsonl") || suffix == QLatin1String("ndjson") ||
                 suffix == QLatin1String("json"))
            format = Format::JsonLines;
    }
    return import(&file, path, format);
}

EventImporter::Result EventImporter::import(QIODevice *device, const QString &name, Format format)
{
    Result result;
    QElapsedTimer timer;
    timer.start();
    const QString shortName = QFileInfo(name).fileName();
    auto failAt = [&](qint64 line, int column, const QString &reason) {
        result.error = column > 0 ? tr("%1:%2:%3: %4").arg(name).arg(line).arg(column).arg(reason)
                                  : tr("%1:%2: %3").arg(name).arg(line).arg(reason);
        result.events = 0;
        return result;
    };

    PGconn *conn = CentralConnection::handle(m_db);
    if (!conn) {
        result.error = tr("%1: not connected to the central store").arg(name);
        return result;
    }
    const qint64 total = device->size();
    QCryptographicHash hash(QCryptographicHash::Sha256);

    // Format: from the caller, or the first character that is not white space.
    QByteArray line = device->readLine();
    qint64 lineNumber = 1;
    qint64 bytes = line.size();
    hash.addData(line);
    if (line.startsWith("\xEF\xBB\xBF"))
        line.remove(0, 3);
    if (format == Format::Auto)
        format = line.trimmed().startsWith('{') ? Format::JsonLines : Format::Csv;

    int columnIndex[ColumnCount];
    std::fill(std::begin(columnIndex), std::end(columnIndex), -1);
    int headerSize = 0;
    CsvRecord record;
    Failure failure;
    if (format == Format::Csv) {
        CsvRecord::chop(line);
        if (line.trimmed().isEmpty())
            return failAt(1, 0, tr("the file is empty: a CSV file starts with a header row"));
        if (!record.parse(device, line, hash, &bytes, &failure))
            return failAt(1, failure.column, failure.reason);
        headerSize = int(record.fields.size());
        for (int f = 0; f < headerSize; ++f) {
            const QByteArray title = record.fields[f].trimmed().toLower();
            int c = 0;
            while (c < ColumnCount && title != kColumnNames[c])
                ++c;
            if (c == ColumnCount)
                return failAt(1, record.columns[f],
                              tr("unknown column \"%1\" (known: %2)")
                                  .arg(QString::fromUtf8(title),
                                       QStringLiteral("time, user_id, event, platform, channel, "
                                                      "device_model, os, app_version, "
                                                      "properties")));
            if (columnIndex[c] >= 0)
                return failAt(1, record.columns[f],
                              tr("the column \"%1\" appears twice").arg(QString::fromUtf8(title)));
            columnIndex[c] = f;
        }
        for (const Column c : {Time, User, Event, Platform}) {
            if (columnIndex[c] < 0)
                return failAt(
                    1, 0,
                    tr("the header has no \"%1\" column").arg(QLatin1String(kColumnNames[c])));
        }
        lineNumber += record.extraLines;
        line = device->readLine();
        hash.addData(line);
        bytes += line.size();
        ++lineNumber;
    }

    Store store(conn);
    if (!store.begin(shortName, &result.importId) || !store.startCopy()) {
        result.error = tr("%1: %2").arg(name, store.error);
        return result;
    }
    const QByteArray importId = QByteArray::number(result.importId);
    QByteArray buffer;
    LineMap lineMap;
    qint64 first = 0, last = 0;
    Row event;
    int columns[ColumnCount];
    auto storeFailed = [&]() {
        if (store.errorCopyLine > 0)
            return failAt(lineMap.line(store.errorCopyLine), 0,
                          tr("the central store refused this event: %1").arg(store.error));
        result.error = tr("%1: %2").arg(name, store.error);
        result.events = 0;
        return result;
    };

    for (; !line.isEmpty(); ++lineNumber) {
        const qint64 recordLine = lineNumber;
        CsvRecord::chop(line);
        if (line.trimmed().isEmpty()) {
            line = device->readLine();
            hash.addData(line);
            bytes += line.size();
            continue;
        }
        if (!validUtf8(line))
            return failAt(recordLine, 0, tr("the line is not valid UTF-8"));
        for (QByteArray &f : event.fields)
            f.clear();
        std::fill(std::begin(columns), std::end(columns), 0);

        if (format == Format::Csv) {
            if (!record.parse(device, line, hash, &bytes, &failure))
                return failAt(recordLine + record.extraLines, failure.column, failure.reason);
            lineNumber += record.extraLines;
            if (record.fields.size() != headerSize)
                return failAt(recordLine, 0,
                              tr("%n field(s), but the header has %1", "", record.fields.size())
                                  .arg(headerSize));
            for (int c = 0; c < ColumnCount; ++c) {
                if (columnIndex[c] >= 0) {
                    event.fields[c] = record.fields[columnIndex[c]];
                    columns[c] =
                        record.lines[columnIndex[c]] == 0 ? record.columns[columnIndex[c]] : 0;
                }
            }
            qsizetype offset = 0;
            QString reason;
            if (!checkProperties(event.fields[Properties], &offset, &reason)) {
                const int base = columnIndex[Properties] >= 0 ? columns[Properties] : 0;
                return failAt(recordLine, base > 0 ? base + int(offset) : 0, reason);
            }
        } else {
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
            if (error.error != QJsonParseError::NoError)
                return failAt(recordLine, characterColumn(line, error.offset),
                              tr("not valid JSON: %1").arg(error.errorString()));
            if (!doc.isObject())
                return failAt(recordLine, 1, tr("a line holds one JSON object per event"));
            const QJsonObject object = doc.object();
            auto keyColumn = [&](const QString &key) {
                const qsizetype at = line.indexOf('"' + key.toUtf8() + '"');
                return at < 0 ? 1 : characterColumn(line, at);
            };
            for (auto it = object.begin(); it != object.end(); ++it) {
                int c = 0;
                while (c < ColumnCount && it.key() != QLatin1String(kColumnNames[c]))
                    ++c;
                if (c == ColumnCount)
                    return failAt(recordLine, keyColumn(it.key()),
                                  tr("unknown key \"%1\"").arg(it.key()));
                columns[c] = keyColumn(it.key());
                const QJsonValue v = it.value();
                if (c == Properties) {
                    if (v.isNull())
                        continue;
                    QString reason;
                    if (!v.isObject())
                        return failAt(recordLine, columns[c],
                                      tr("the properties are not a JSON object"));
                    if (!checkPropertyTypes(v.toObject(), &reason))
                        return failAt(recordLine, columns[c], reason);
                    event.fields[c] = QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
                } else if (c == User && v.isDouble()) {
                    const double d = v.toDouble();
                    if (d < 1 || d > 9007199254740992.0 || std::floor(d) != d)
                        return failAt(recordLine, columns[c],
                                      tr("the user id is not a positive whole number"));
                    event.fields[c] = QByteArray::number(qint64(d));
                } else if (v.isString()) {
                    event.fields[c] = v.toString().toUtf8();
                } else {
                    return failAt(recordLine, columns[c],
                                  tr("\"%1\" is not a string").arg(it.key()));
                }
            }
        }
        if (!checkEvent(event, columns, &failure))
            return failAt(recordLine, failure.column, failure.reason);

        // A month without a partition: end this COPY, create it, go on.
        const int month = monthKey(event.epoch);
        if (!store.hasMonth(month)) {
            if (!store.send(buffer) || !store.endCopy(true) ||
                !store.addMonth(month, event.fields[Time]) || !store.startCopy())
                return storeFailed();
            buffer.clear();
            lineMap.clear();
        }
        CopyLine::appendEscaped(buffer, event.fields[Time]);
        buffer += '\t';
        buffer += event.fields[User];
        for (const Column c : {Event, Platform, Channel, Device, Os, Version}) {
            buffer += '\t';
            CopyLine::appendEscaped(buffer, event.fields[c]);
        }
        buffer += '\t';
        if (event.fields[Properties].trimmed().isEmpty())
            buffer += "{}";
        else
            CopyLine::appendEscaped(buffer, event.fields[Properties]);
        buffer += '\t';
        buffer += importId;
        buffer += '\n';
        lineMap.add(recordLine);
        if (result.events == 0 || event.epoch < first)
            first = event.epoch;
        if (result.events == 0 || event.epoch > last)
            last = event.epoch;
        ++result.events;
        if (buffer.size() >= kFlushBytes) {
            if (!store.send(buffer))
                return storeFailed();
            buffer.clear();
            if (m_progress)
                m_progress(bytes, total);
        }
        line = device->readLine();
        hash.addData(line);
        bytes += line.size();
    }
    if (!store.send(buffer) || !store.endCopy(true))
        return storeFailed();
    if (result.events == 0) {
        // Nothing to keep: the transaction rolls back and the file may come again later.
        result.ok = true;
        result.importId = 0;
        result.bytes = bytes;
        result.elapsedMs = timer.elapsed();
        return result;
    }
    if (!store.finish(result.importId, hash.result().toHex(), result.events, first, last)) {
        result.error = tr("%1: %2").arg(name, store.error);
        result.events = 0;
        return result;
    }
    if (m_progress)
        m_progress(bytes, total);
    result.ok = true;
    result.first = QDateTime::fromSecsSinceEpoch(first, Qt::UTC);
    result.last = QDateTime::fromSecsSinceEpoch(last, Qt::UTC);
    result.bytes = bytes;
    result.elapsedMs = timer.elapsed();
    return result;
}

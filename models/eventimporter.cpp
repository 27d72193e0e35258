#include "eventimporter.h"

#include "centralconnection.h"
#include "copyline.h"
#include "copywriter.h"
#include "fieldparser.h"
#include "recordreader.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
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

/// An event's time: ISO 8601 with a UTC offset, in the years the store keeps (2000-2099).
bool parseTime(const QByteArray &text, qint64 *epoch, QString *reason)
{
    if (!FieldParser::parseInstant(text, epoch, reason))
        return false;
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

/// Checks the fields of \a reader's record; on failure \a column is where it went wrong.
bool checkEvent(const RecordReader &reader, qint64 *epoch, int *column, QString *reason)
{
    auto field = [&](Column c) -> const QByteArray & {
        return reader.field(c).text;
    };
    auto fail = [&](Column c) {
        *column = reader.field(c).column;
        return false;
    };
    for (const Column c : {Time, User, Event, Platform}) {
        if (reader.field(c).isEmpty()) {
            *reason = EventImporter::tr("%1 is missing").arg(QLatin1String(kColumnNames[c]));
            return fail(c);
        }
    }
    for (const Column c : {Time, Event, Platform, Channel, Device, Os, Version}) {
        const RecordReader::Type type = reader.field(c).type;
        if (type != RecordReader::Type::Text && type != RecordReader::Type::String &&
            !reader.field(c).isEmpty()) {
            *reason =
                EventImporter::tr("\"%1\" is not a string").arg(QLatin1String(kColumnNames[c]));
            return fail(c);
        }
    }
    qint64 user = 0;
    if (!parseTime(field(Time), epoch, reason))
        return fail(Time);
    if (!parseUser(field(User), &user, reason))
        return fail(User);
    if (!checkEventName(field(Event), reason))
        return fail(Event);
    if (!checkPlatform(field(Platform), reason))
        return fail(Platform);
    for (const Column c : {Channel, Device, Os, Version}) {
        if (!checkText(c, field(c), reason))
            return fail(c);
    }
    const RecordReader::Field &properties = reader.field(Properties);
    switch (properties.type) {
    case RecordReader::Type::Absent:
    case RecordReader::Type::Null:
        return true;
    case RecordReader::Type::Text: {
        qsizetype offset = 0;
        if (checkProperties(properties.text, &offset, reason))
            return true;
        *column = properties.column > 0 ? properties.column + int(offset) : 0;
        return false;
    }
    case RecordReader::Type::Object:
        if (checkPropertyTypes(QJsonDocument::fromJson(properties.text).object(), reason))
            return true;
        return fail(Properties);
    default:
        *reason = EventImporter::tr("the properties are not a JSON object");
        return fail(Properties);
    }
}

/// The store's side of one import: the import row and the month partitions.
class Store
{
public:
    explicit Store(CopyWriter &writer)
        : m_writer(writer)
    {}

    bool begin(const QString &name, qint64 *importId)
    {
        if (!m_writer.begin() ||
            !m_writer.query("SELECT coulisse.events_import_begin($1)", {name.toUtf8()}))
            return false;
        *importId = m_writer.value().toLongLong();
        // The months that have a partition, as month keys (year * 12 + month - 1).
        QList<QByteArray> months;
        if (!m_writer.query("SELECT (extract(year FROM m AT TIME ZONE 'UTC') * 12 + "
                            "extract(month FROM m AT TIME ZONE 'UTC') - 1)::int "
                            "FROM coulisse.events_partitions() m",
                            {}, &months))
            return false;
        for (const QByteArray &month : std::as_const(months))
            m_monthKeys.insert(month.toInt());
        return true;
    }

    bool hasMonth(int key) const { return m_monthKeys.contains(key); }

    bool addMonth(int key, const QByteArray &time)
    {
        if (!m_writer.query("SELECT coulisse.events_partition($1)", {time}))
            return false;
        m_monthKeys.insert(key);
        return true;
    }

    bool startCopy()
    {
        return m_writer.startCopy("COPY coulisse.events (at, user_id, name, platform, channel, "
                                  "device_model, os, app_version, properties, import_id) "
                                  "FROM STDIN");
    }

    bool finish(qint64 importId, const QByteArray &sha256, qint64 events, qint64 first, qint64 last)
    {
        const auto iso = [](qint64 t) {
            return QDateTime::fromSecsSinceEpoch(t, Qt::UTC).toString(Qt::ISODate).toLatin1();
        };
        return m_writer.query("SELECT coulisse.events_import_finish($1, $2, $3, $4, $5)",
                              {QByteArray::number(importId), sha256, QByteArray::number(events),
                               iso(first), iso(last)}) &&
               m_writer.commit();
    }

private:
    CopyWriter &m_writer;
    QSet<int> m_monthKeys;
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
    if (format == Format::Auto)
        format = RecordReader::formatOf(path);
    return import(&file, path, format);
}

EventImporter::Result EventImporter::import(QIODevice *device, const QString &name, Format format)
{
    Result result;
    QElapsedTimer timer;
    timer.start();
    const QString shortName = QFileInfo(name).fileName();
    auto failAt = [&](qint64 line, int column, const QString &reason) {
        result.error = RecordReader::message(name, line, column, reason);
        result.events = 0;
        return result;
    };

    PGconn *conn = CentralConnection::handle(m_db);
    if (!conn) {
        result.error = tr("%1: not connected to the central store").arg(name);
        return result;
    }
    const qint64 total = device->size();
    QStringList names;
    for (const char *column : kColumnNames)
        names.append(QLatin1String(column));
    RecordReader reader(device, format, names);
    reader.setRequired({Time, User, Event, Platform});
    reader.setHashing(true);
    auto readFailed = [&]() {
        return failAt(reader.failure().line, reader.failure().column, reader.failure().reason);
    };
    if (!reader.start())
        return readFailed();

    CopyWriter writer(conn);
    Store store(writer);
    if (!store.begin(shortName, &result.importId) || !store.startCopy()) {
        result.error = tr("%1: %2").arg(name, writer.errorString());
        return result;
    }
    const QByteArray importId = QByteArray::number(result.importId);
    auto storeFailed = [&]() {
        if (writer.errorLine() > 0)
            return failAt(writer.errorLine(), 0,
                          tr("the central store refused this event: %1").arg(writer.errorString()));
        result.error = tr("%1: %2").arg(name, writer.errorString());
        result.events = 0;
        return result;
    };

    qint64 first = 0, last = 0;
    QByteArray row;
    while (reader.next()) {
        qint64 epoch = 0;
        int column = 0;
        QString reason;
        if (!checkEvent(reader, &epoch, &column, &reason))
            return failAt(reader.line(), column, reason);
        const QByteArray &time = reader.field(Time).text;

        // A month without a partition: end this COPY, create it, go on.
        const int month = monthKey(epoch);
        if (!store.hasMonth(month)) {
            if (!writer.endCopy() || !store.addMonth(month, time) || !store.startCopy())
                return storeFailed();
        }
        row.clear();
        CopyLine::appendEscaped(row, time);
        row += '\t';
        row += reader.field(User).text;
        for (const Column c : {Event, Platform, Channel, Device, Os, Version}) {
            row += '\t';
            CopyLine::appendEscaped(row, reader.field(c).text);
        }
        row += '\t';
        const QByteArray &properties = reader.field(Properties).text;
        if (properties.trimmed().isEmpty())
            row += "{}";
        else
            CopyLine::appendEscaped(row, properties);
        row += '\t';
        row += importId;
        row += '\n';
        writer.add(row, reader.line());
        if (result.events == 0 || epoch < first)
            first = epoch;
        if (result.events == 0 || epoch > last)
            last = epoch;
        ++result.events;
        if (!writer.flush(kFlushBytes))
            return storeFailed();
        if (m_progress && result.events % 10000 == 0)
            m_progress(reader.bytesRead(), total);
    }
    if (reader.failed())
        return readFailed();
    if (!writer.endCopy())
        return storeFailed();
    if (result.events == 0) {
        // Nothing to keep: the transaction rolls back and the file may come again later.
        result.ok = true;
        result.importId = 0;
        result.bytes = reader.bytesRead();
        result.elapsedMs = timer.elapsed();
        return result;
    }
    if (!store.finish(result.importId, reader.sha256().toHex(), result.events, first, last)) {
        result.error = tr("%1: %2").arg(name, writer.errorString());
        result.events = 0;
        return result;
    }
    if (m_progress)
        m_progress(reader.bytesRead(), total);
    result.ok = true;
    result.first = QDateTime::fromSecsSinceEpoch(first, Qt::UTC);
    result.last = QDateTime::fromSecsSinceEpoch(last, Qt::UTC);
    result.bytes = reader.bytesRead();
    result.elapsedMs = timer.elapsed();
    return result;
}

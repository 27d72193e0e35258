#include "catalogueimporter.h"

#include "centralconnection.h"
#include "copyline.h"
#include "copywriter.h"
#include "fieldparser.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <libpq-fe.h>

namespace {

using Kind = CatalogueFile::Kind;
using Type = CatalogueFile::Type;
using Value = RecordReader::Type;

constexpr qsizetype kFlushBytes = 1 << 20;
/// 2^53 - 1: the largest integer that a double, and so any JSON reader, keeps exactly.
constexpr qint64 kLargestExactInteger = (Q_INT64_C(1) << 53) - 1;

bool isString(const RecordReader::Field &f)
{
    return f.type == Value::Text || f.type == Value::String;
}

/// An external id: 1 to \a max characters, no white space at either end, no control
/// characters (the store's check, said with the value).
bool checkKey(const QString &column, const QByteArray &text, int max, QString *reason)
{
    const QString key = QString::fromUtf8(text);
    bool control = false;
    qsizetype characters = 0; // code points, as the store's length() counts them
    for (const QChar c : key) {
        control = control || c.category() == QChar::Other_Control;
        if (!c.isLowSurrogate())
            ++characters;
    }
    if (key.isEmpty() || characters > max || key.front().isSpace() || key.back().isSpace() ||
        control) {
        *reason = CatalogueImporter::tr("%1 \"%2\" is not 1-%3 characters without control "
                                        "characters or white space at either end")
                      .arg(column, key.left(40))
                      .arg(max);
        return false;
    }
    return true;
}

/// The message for a line the store refused (see catalogue_refusal in the central schema).
QString refusal(Kind kind, const QJsonObject &r)
{
    const QString field = r.value(QLatin1String("field")).toString();
    const QString code = r.value(QLatin1String("code")).toString();
    const QString value = r.value(QLatin1String("value")).toString();
    const QString other = r.value(QLatin1String("other")).toString();
    if (code == QLatin1String("duplicate"))
        return CatalogueImporter::tr("the external id \"%1\" is on line %2 already")
            .arg(value, other);
    if (code == QLatin1String("reserved"))
        return CatalogueImporter::tr("no row has the external id \"%1\", and ids that start with "
                                     "\"coulisse:\" name rows made in Coulisse")
            .arg(value);
    if (code == QLatin1String("missing")) {
        switch (kind) {
        case Kind::Games:
            return CatalogueImporter::tr("a new game needs %1").arg(field);
        case Kind::Tags:
            return CatalogueImporter::tr("a new tag needs %1").arg(field);
        case Kind::Users:
            return CatalogueImporter::tr("a new user needs %1").arg(field);
        case Kind::Videos:
            return CatalogueImporter::tr("a new video needs %1").arg(field);
        }
    }
    if (code == QLatin1String("name_in_file"))
        return CatalogueImporter::tr("the name \"%1\" is on line %2 already").arg(value, other);
    if (code == QLatin1String("name_taken"))
        return kind == Kind::Games
                   ? CatalogueImporter::tr("another game is named \"%1\" (external id %2)")
                         .arg(value, other)
                   : CatalogueImporter::tr("another tag of the group is named \"%1\" (external "
                                           "id %2)")
                         .arg(value, other);
    if (code == QLatin1String("name_held"))
        return kind == Kind::Games
                   ? CatalogueImporter::tr("the name \"%1\" still belongs to the game of line %2, "
                                           "which gives it up in this file: a name moves from "
                                           "one game to another in two imports (first rename "
                                           "the game of line %2)")
                         .arg(value, other)
                   : CatalogueImporter::tr("the name \"%1\" still belongs to the tag of line %2, "
                                           "which gives it up in this file: a name moves from "
                                           "one tag to another in two imports (first rename "
                                           "the tag of line %2)")
                         .arg(value, other);
    if (code == QLatin1String("unknown_game"))
        return CatalogueImporter::tr("no game has the external id \"%1\"").arg(value);
    if (code == QLatin1String("unknown_user"))
        return CatalogueImporter::tr("no user has the external id \"%1\"").arg(value);
    if (code == QLatin1String("unknown_group"))
        return other.isEmpty()
                   ? CatalogueImporter::tr("the central store has no tag group \"%1\"").arg(value)
                   : CatalogueImporter::tr("the game \"%1\" has no tag group \"%2\"")
                         .arg(other, value);
    if (code == QLatin1String("tag_move"))
        return CatalogueImporter::tr("a tag cannot move to the group \"%1\" of another library "
                                     "(its videos and games would carry a foreign tag)")
            .arg(value);
    return CatalogueImporter::tr("refused (%1)").arg(code);
}

/// The staging table's column list (file order; "group" is a reserved word there).
QByteArray stagingColumns(Kind kind)
{
    QByteArray list = "batch, line";
    for (const CatalogueFile::Column &c : CatalogueFile::columns(kind))
        list += ", " + (c.name == QLatin1String("group") ? QByteArray("grp") : c.name.toUtf8());
    return list;
}

} // namespace

CatalogueImporter::CatalogueImporter(const QSqlDatabase &db)
    : m_db(db)
{}

bool CatalogueImporter::convert(Kind kind, const RecordReader &reader, QByteArray *row, int *column,
                                QString *reason)
{
    const QList<CatalogueFile::Column> &columns = CatalogueFile::columns(kind);
    for (int c = 0; c < columns.size(); ++c) {
        const CatalogueFile::Column &spec = columns[c];
        const RecordReader::Field &f = reader.field(c);
        const QString &name = spec.name;
        *column = f.column;
        if (c > 0)
            *row += '\t';
        if (f.type == Value::Absent && spec.type != Type::ExternalId) {
            *row += "\\N";
            continue;
        }
        const bool empty = f.isEmpty();
        auto notA = [&](const QString &what) {
            *reason = what;
            return false;
        };
        switch (spec.type) {
        case Type::ExternalId:
        case Type::Reference:
        case Type::OptionalReference:
            if (empty) {
                if (spec.type == Type::ExternalId)
                    return notA(tr("%1 is missing").arg(name));
                *row += spec.type == Type::Reference ? "\\N" : "";
                break;
            }
            if (!isString(f) && f.type != Value::Number)
                return notA(tr("%1 is not a string").arg(name));
            if (f.type == Value::Number) {
                // A JSON number stands for an id only when it is written whole and is exact in
                // every reader of the file (a double holds integers up to 2^53 exactly).
                qint64 value = 0;
                if (!f.integral || !FieldParser::parseInteger(f.text, -kLargestExactInteger,
                                                              kLargestExactInteger, &value, reason))
                    return notA(tr("%1: a JSON number as an id is a whole number from %2 to "
                                   "%3, without a fraction or an exponent (or write the id as a "
                                   "JSON string)")
                                    .arg(name)
                                    .arg(-kLargestExactInteger)
                                    .arg(kLargestExactInteger));
            }
            if (!checkKey(name, f.text, spec.maxLength, reason))
                return false;
            CopyLine::appendEscaped(*row, f.text);
            break;
        case Type::Name:
        case Type::Text:
            if (f.type != Value::Null && !isString(f))
                return notA(tr("%1 is not a string").arg(name));
            if (spec.type == Type::Name && f.text.trimmed().isEmpty())
                return notA(tr("%1 is empty").arg(name));
            if (!FieldParser::checkLength(name, f.text, spec.maxLength, reason))
                return false;
            CopyLine::appendEscaped(*row, f.text);
            break;
        case Type::Aliases: {
            if (f.type != Value::Text && f.type != Value::Array && f.type != Value::Null)
                return notA(tr("%1 is not a JSON array of strings").arg(name));
            QByteArray json;
            if (!FieldParser::parseStringArray(f.text, &json, reason))
                return notA(tr("%1: %2").arg(name, *reason));
            if (!FieldParser::checkLength(name, json, spec.maxLength, reason))
                return false;
            CopyLine::appendEscaped(*row, json);
            break;
        }
        case Type::Integer:
        case Type::OptionalInt: {
            if (empty) {
                *row += spec.type == Type::Integer ? "\\N" : "";
                break;
            }
            if (f.type != Value::Text && f.type != Value::Number)
                return notA(tr("%1 is not a number").arg(name));
            qint64 value = 0;
            if (!FieldParser::parseInteger(f.text, spec.min, spec.max, &value, reason))
                return notA(tr("%1: %2").arg(name, *reason));
            *row += QByteArray::number(value);
            break;
        }
        case Type::Bool: {
            if (empty) {
                *row += "\\N";
                break;
            }
            if (f.type != Value::Text && f.type != Value::Bool)
                return notA(tr("%1 is not true or false").arg(name));
            bool value = false;
            if (!FieldParser::parseBool(f.text, &value, reason))
                return notA(tr("%1: %2").arg(name, *reason));
            *row += value ? 't' : 'f';
            break;
        }
        case Type::Enum:
        case Type::Instant: {
            if (empty) {
                *row += "\\N";
                break;
            }
            if (!isString(f))
                return notA(tr("%1 is not a string").arg(name));
            qint64 epoch = 0;
            if (spec.type == Type::Enum ? !FieldParser::checkEnum(f.text, spec.allowed, reason)
                                        : !FieldParser::parseInstant(f.text, &epoch, reason))
                return notA(tr("%1: %2").arg(name, *reason));
            CopyLine::appendEscaped(*row, f.text);
            break;
        }
        }
    }
    if (kind == Kind::Tags) {
        // A category belongs to a game's library; the other groups to none.
        const RecordReader::Field &group = reader.field(1);
        const RecordReader::Field &game = reader.field(2);
        const bool category =
            CatalogueFile::categoryCodes().contains(QString::fromUtf8(group.text));
        if (!group.isEmpty() && category && game.isEmpty()) {
            *column = group.column;
            *reason = tr("the group \"%1\" is a category of a game's library: the line needs "
                         "the game")
                          .arg(QString::fromUtf8(group.text));
            return false;
        }
        if (!game.isEmpty() && !category) {
            *column = game.column;
            *reason = group.isEmpty() ? tr("a game goes with a group (a category of its library)")
                                      : tr("the group \"%1\" belongs to no game: leave game empty")
                                            .arg(QString::fromUtf8(group.text));
            return false;
        }
    }
    return true;
}

CatalogueImporter::Result CatalogueImporter::importFile(Kind kind, const QString &path,
                                                        RecordReader::Format format)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Result result;
        result.error = tr("%1: cannot be read: %2").arg(path, file.errorString());
        return result;
    }
    if (format == RecordReader::Format::Auto)
        format = RecordReader::formatOf(path);
    return import(kind, &file, path, format);
}

CatalogueImporter::Result CatalogueImporter::import(Kind kind, QIODevice *device,
                                                    const QString &name,
                                                    RecordReader::Format format)
{
    Result result;
    result.dryRun = m_dryRun;
    QElapsedTimer timer;
    timer.start();
    auto failAt = [&](qint64 line, int column, const QString &reason) {
        result.error = RecordReader::message(name, line, column, reason);
        result.rows = 0;
        return result;
    };
    PGconn *conn = CentralConnection::handle(m_db);
    if (!conn) {
        result.error = tr("%1: not connected to the central store").arg(name);
        return result;
    }
    const qint64 total = device->size();
    const QStringList names = CatalogueFile::columnNames(kind);
    RecordReader reader(device, format, names);
    reader.setRequired({0});
    if (!reader.start())
        return failAt(reader.failure().line, reader.failure().column, reader.failure().reason);

    CopyWriter writer(conn);
    auto storeFailed = [&]() {
        if (writer.errorLine() > 0)
            return failAt(writer.errorLine(), 0,
                          tr("the central store refused this row: %1").arg(writer.errorString()));
        result.error = tr("%1: %2").arg(name, writer.errorString());
        result.rows = 0;
        return result;
    };
    const QByteArray kindName = CatalogueFile::name(kind).toUtf8();
    if (!writer.begin() || !writer.query("SELECT coulisse.catalogue_import_begin($1, $2)",
                                         {kindName, QFileInfo(name).fileName().toUtf8()}))
        return storeFailed();
    const QByteArray batch = writer.value();
    const QByteArray copy = "COPY coulisse.catalogue_staging_" + kindName + " (" +
                            stagingColumns(kind) + ") FROM STDIN";
    if (!writer.startCopy(copy.constData()))
        return storeFailed();

    QByteArray row;
    while (reader.next()) {
        row = batch;
        row += '\t';
        row += QByteArray::number(reader.line());
        row += '\t';
        int column = 0;
        QString reason;
        if (!convert(kind, reader, &row, &column, &reason))
            return failAt(reader.line(), column, reason);
        row += '\n';
        writer.add(row, reader.line());
        ++result.rows;
        if (!writer.flush(kFlushBytes))
            return storeFailed();
        if (m_progress && result.rows % 10000 == 0)
            m_progress(reader.bytesRead(), total);
    }
    if (reader.failed())
        return failAt(reader.failure().line, reader.failure().column, reader.failure().reason);
    if (!writer.endCopy())
        return storeFailed();
    result.bytes = reader.bytesRead();
    if (result.rows == 0) {
        // Nothing to write: the transaction rolls back.
        result.ok = true;
        result.elapsedMs = timer.elapsed();
        return result;
    }
    if (!writer.query("SELECT coulisse.catalogue_import_apply($1, $2)::text",
                      {batch, m_dryRun ? QByteArrayLiteral("true") : QByteArrayLiteral("false")}))
        return storeFailed();
    const QJsonObject answer = QJsonDocument::fromJson(writer.value()).object();
    if (answer.contains(QLatin1String("code"))) {
        const qint64 line = answer.value(QLatin1String("line")).toInteger();
        const int field = int(names.indexOf(answer.value(QLatin1String("field")).toString()));
        // The column of the refused field: read the file again up to that line.
        int column = 0;
        if (field >= 0 && !device->isSequential() && device->seek(0)) {
            RecordReader again(device, reader.format(), names);
            if (again.start()) {
                while (again.next() && again.line() <= line) {
                    if (again.line() == line)
                        column = again.field(field).column;
                }
            }
        }
        return failAt(line, column, refusal(kind, answer));
    }
    result.inserted = answer.value(QLatin1String("inserted")).toInteger();
    result.updated = answer.value(QLatin1String("updated")).toInteger();
    result.unchanged = answer.value(QLatin1String("unchanged")).toInteger();
    if (m_dryRun)
        writer.rollback();
    else if (!writer.commit())
        return storeFailed();
    if (m_progress)
        m_progress(result.bytes, total);
    result.ok = true;
    result.elapsedMs = timer.elapsed();
    return result;
}

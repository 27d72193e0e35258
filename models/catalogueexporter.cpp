#include "catalogueexporter.h"

#include "centralconnection.h"
#include "csvwriter.h"

#include <QSaveFile>
#include <QSqlError>
#include <QSqlQuery>

namespace {

using Kind = CatalogueFile::Kind;
using Type = CatalogueFile::Type;

/// An instant as ISO 8601 in UTC, with microseconds only when it has some.
QString iso(const QString &column)
{
    return QStringLiteral("to_char(%1 AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS') || "
                          "CASE WHEN date_trunc('second', %1) = %1 THEN '' "
                          "ELSE to_char(%1 AT TIME ZONE 'UTC', '.US') END || 'Z'")
        .arg(column);
}

QString selectFor(Kind kind)
{
    switch (kind) {
    case Kind::Games:
        return QStringLiteral("SELECT g.external_id, g.name, g.name_en, g.aliases::text, "
                              "g.introduction, g.developer, g.released, g.status "
                              "FROM coulisse.games g ORDER BY g.id");
    case Kind::Tags:
        return QStringLiteral(
            "SELECT t.external_id, CASE gr.kind WHEN 'general' THEN 'general' ELSE gr.code END, "
            "coalesce(gm.external_id, ''), t.name, t.name_en, t.aliases::text, t.status "
            "FROM coulisse.tags t JOIN coulisse.tag_groups gr ON gr.id = t.group_id "
            "LEFT JOIN coulisse.games gm ON gm.id = gr.game_id ORDER BY t.id");
    case Kind::Users:
        return QStringLiteral("SELECT u.external_id, u.nickname, u.kind, %1, u.channel, "
                              "u.platform, u.device_model, u.os, u.level, u.vip "
                              "FROM coulisse.users u ORDER BY u.id")
            .arg(iso(QStringLiteral("u.registered_at")));
    case Kind::Videos:
        break;
    }
    return QStringLiteral("SELECT v.external_id, v.title, g.external_id, "
                          "coalesce(u.external_id, ''), v.source, v.duration_s, %1, v.featured, "
                          "v.plays FROM coulisse.videos v "
                          "JOIN coulisse.games g ON g.id = v.game_id "
                          "LEFT JOIN coulisse.users u ON u.id = v.uploader_id ORDER BY v.id")
        .arg(iso(QStringLiteral("v.published_at")));
}

} // namespace

CatalogueExporter::CatalogueExporter(const QSqlDatabase &db)
    : m_db(db)
{}

void CatalogueExporter::appendJsonString(QByteArray &out, const QByteArray &utf8)
{
    static const char hex[] = "0123456789abcdef";
    out += '"';
    for (const char ch : utf8) {
        const uchar c = uchar(ch);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (c < 0x20) {
                out += "\\u00";
                out += hex[c >> 4];
                out += hex[c & 15];
            } else {
                out += ch;
            }
        }
    }
    out += '"';
}

CatalogueExporter::Result CatalogueExporter::exportTo(Kind kind, QIODevice *device, Format format,
                                                      bool bom)
{
    Result result;
    const QList<CatalogueFile::Column> &columns = CatalogueFile::columns(kind);
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(selectFor(kind))) {
        result.error = CentralConnection::describe(q.lastError());
        return result;
    }
    CsvWriter csv(device, format == Format::Csv && bom);
    if (format == Format::Csv)
        csv.writeRow(CatalogueFile::columnNames(kind));
    QStringList fields;
    QByteArray line;
    while (q.next()) {
        if (format == Format::Csv) {
            fields.clear();
            for (int c = 0; c < columns.size(); ++c) {
                const QVariant v = q.value(c);
                fields.append(v.isNull() ? QString()
                              : columns[c].type == Type::Bool
                                  ? (v.toBool() ? QStringLiteral("true") : QStringLiteral("false"))
                                  : v.toString());
            }
            if (!csv.writeRow(fields))
                break;
        } else {
            line = "{";
            for (int c = 0; c < columns.size(); ++c) {
                if (c > 0)
                    line += ", ";
                appendJsonString(line, columns[c].name.toUtf8());
                line += ": ";
                const QVariant v = q.value(c);
                switch (columns[c].type) {
                case Type::Integer:
                    line += QByteArray::number(v.toLongLong());
                    break;
                case Type::OptionalInt:
                    line += v.isNull() ? QByteArray("null") : QByteArray::number(v.toLongLong());
                    break;
                case Type::Bool:
                    line += v.toBool() ? "true" : "false";
                    break;
                case Type::Aliases:
                    line += v.toString().toUtf8();
                    break;
                case Type::OptionalReference:
                    if (v.toString().isEmpty()) {
                        line += "null";
                        break;
                    }
                    appendJsonString(line, v.toString().toUtf8());
                    break;
                default:
                    appendJsonString(line, v.toString().toUtf8());
                }
            }
            line += "}\n";
            if (device->write(line) != line.size()) {
                result.error = tr("The file could not be written: %1").arg(device->errorString());
                return result;
            }
        }
        ++result.rows;
    }
    if (!csv.isOk()) {
        result.error = tr("The file could not be written: %1").arg(device->errorString());
        return result;
    }
    if (q.lastError().isValid()) {
        result.error = CentralConnection::describe(q.lastError());
        return result;
    }
    result.ok = true;
    return result;
}

CatalogueExporter::Result CatalogueExporter::exportFile(Kind kind, const QString &path,
                                                        Format format)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        Result result;
        result.error = tr("%1 cannot be written: %2").arg(path, file.errorString());
        return result;
    }
    Result result = exportTo(kind, &file, format);
    if (result.ok && !file.commit()) {
        result.ok = false;
        result.error = tr("%1 cannot be written: %2").arg(path, file.errorString());
    }
    return result;
}

#include "auditlog.h"

#include "centralconnection.h"
#include "csvwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>

namespace {

const char *const kTables[] = {"videos",          "video_tags", "tags",         "tag_groups",
                               "game_tags",       "games",      "users",        "change_requests",
                               "approval_policy", "staff",      "staff_scopes", "catalogue"};

const char *const kObjectKinds[] = {"video", "tag", "game", "user", "staff", "request"};

/// Columns that change with every write and say nothing to a reader.
bool isBookkeeping(const QString &field)
{
    return field == QLatin1String("row_version") || field == QLatin1String("updated_at");
}

QJsonObject parseObject(const QVariant &text)
{
    if (text.isNull())
        return {};
    return QJsonDocument::fromJson(text.toString().toUtf8()).object();
}

QString compact(const QJsonObject &object)
{
    if (object.isEmpty())
        return {};
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString shortened(const QString &text, int length = 40)
{
    return text.size() <= length ? text : text.left(length - 1) + QChar(0x2026);
}

constexpr const char kSelect[] =
    "SELECT id, (extract(epoch FROM at) * 1000)::bigint, actor, tbl, op, txid::text, key::text, "
    "before::text, after::text FROM coulisse.audit_log";

} // namespace

QStringList AuditLog::tables()
{
    QStringList list;
    for (const char *table : kTables)
        list.append(QString::fromLatin1(table));
    return list;
}

QString AuditLog::tableLabel(const QString &table)
{
    if (table == QLatin1String("videos"))
        return tr("Videos");
    if (table == QLatin1String("video_tags"))
        return tr("Video tags");
    if (table == QLatin1String("tags"))
        return tr("Tags");
    if (table == QLatin1String("tag_groups"))
        return tr("Tag groups");
    if (table == QLatin1String("game_tags"))
        return tr("Game tags");
    if (table == QLatin1String("games"))
        return tr("Games");
    if (table == QLatin1String("users"))
        return tr("Users");
    if (table == QLatin1String("change_requests"))
        return tr("Change requests");
    if (table == QLatin1String("approval_policy"))
        return tr("Approval policy");
    if (table == QLatin1String("staff"))
        return tr("Staff");
    if (table == QLatin1String("staff_scopes"))
        return tr("Staff games");
    if (table == QLatin1String("catalogue"))
        return tr("Catalogue");
    return table;
}

QStringList AuditLog::objectKinds()
{
    QStringList list;
    for (const char *kind : kObjectKinds)
        list.append(QString::fromLatin1(kind));
    return list;
}

QString AuditLog::objectKindLabel(const QString &kind)
{
    if (kind == QLatin1String("video"))
        return tr("Video");
    if (kind == QLatin1String("tag"))
        return tr("Tag");
    if (kind == QLatin1String("game"))
        return tr("Game");
    if (kind == QLatin1String("user"))
        return tr("User");
    if (kind == QLatin1String("staff"))
        return tr("Staff member");
    if (kind == QLatin1String("request"))
        return tr("Change request");
    return kind;
}

QString AuditLog::operationLabel(const QString &op)
{
    if (op == QLatin1String("INSERT"))
        return tr("Added");
    if (op == QLatin1String("UPDATE"))
        return tr("Changed");
    if (op == QLatin1String("DELETE"))
        return tr("Removed");
    if (op == QLatin1String("BULK LOAD"))
        return tr("Bulk load");
    return op;
}

QString AuditLog::displayValue(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return QStringLiteral("—");
    case QJsonValue::Bool:
        return value.toBool() ? tr("yes") : tr("no");
    case QJsonValue::Double: {
        const double number = value.toDouble();
        if (number == double(qint64(number)))
            return QString::number(qint64(number));
        return QString::number(number);
    }
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Array: {
        QStringList parts;
        for (const QJsonValue &item : value.toArray())
            parts.append(displayValue(item));
        return parts.isEmpty() ? QStringLiteral("—") : parts.join(QStringLiteral(", "));
    }
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
    return {};
}

QString AuditLog::objectLabel(const Entry &e)
{
    const auto key = [&e](const char *field) {
        return displayValue(e.key.value(QLatin1String(field)));
    };
    const QString t = e.table;
    if (t == QLatin1String("videos"))
        return tr("Video %1").arg(key("id"));
    if (t == QLatin1String("video_tags"))
        return tr("Video %1 · tag %2").arg(key("video_id"), key("tag_id"));
    if (t == QLatin1String("tags"))
        return tr("Tag %1").arg(key("id"));
    if (t == QLatin1String("tag_groups"))
        return tr("Tag group %1").arg(key("id"));
    if (t == QLatin1String("game_tags"))
        return tr("Game %1 · tag %2").arg(key("game_id"), key("tag_id"));
    if (t == QLatin1String("games"))
        return tr("Game %1").arg(key("id"));
    if (t == QLatin1String("users"))
        return tr("User %1").arg(key("id"));
    if (t == QLatin1String("change_requests"))
        return tr("Request %1").arg(key("id").left(8));
    if (t == QLatin1String("approval_policy"))
        return key("role") + QStringLiteral(" · ") + key("kind");
    if (t == QLatin1String("staff"))
        return key("name");
    if (t == QLatin1String("staff_scopes"))
        return tr("%1 · game %2").arg(key("staff"), key("game_id"));
    if (t == QLatin1String("catalogue"))
        return tr("Whole catalogue");
    return compact(e.key);
}

QStringList AuditLog::changedFields(const Entry &e)
{
    QStringList fields;
    if (e.op != QLatin1String("UPDATE"))
        return fields;
    for (auto it = e.after.constBegin(); it != e.after.constEnd(); ++it) {
        if (!isBookkeeping(it.key()) && e.before.value(it.key()) != it.value())
            fields.append(it.key());
    }
    return fields;
}

QString AuditLog::summary(const Entry &e)
{
    if (e.op == QLatin1String("UPDATE")) {
        QStringList parts;
        for (const QString &field : changedFields(e)) {
            parts.append(QStringLiteral("%1: %2 → %3")
                             .arg(field, shortened(displayValue(e.before.value(field))),
                                  shortened(displayValue(e.after.value(field)))));
        }
        return parts.isEmpty() ? tr("no visible change") : parts.join(QStringLiteral("; "));
    }
    if (e.op == QLatin1String("BULK LOAD")) {
        QStringList parts;
        for (auto it = e.after.constBegin(); it != e.after.constEnd(); ++it) {
            if (it.value().isDouble())
                parts.append(QStringLiteral("%1 %2").arg(
                    it.key(), QLocale().toString(it.value().toDouble(), 'f', 0)));
        }
        const QString description = e.after.value(QLatin1String("description")).toString();
        return (description.isEmpty() ? QString() : description + QStringLiteral(": ")) +
               parts.join(QStringLiteral(", "));
    }
    // A row added or removed: what names it.
    const QJsonObject &row = e.op == QLatin1String("DELETE") ? e.before : e.after;
    static const char *const naming[] = {"name_en",      "name_zh", "title", "name",
                                         "display_name", "kind",    "status"};
    QStringList parts;
    for (const char *field : naming) {
        const QJsonValue value = row.value(QLatin1String(field));
        if (value.isString() && !value.toString().isEmpty())
            parts.append(shortened(value.toString()));
        if (parts.size() == 2)
            break;
    }
    return parts.join(QStringLiteral(" · "));
}

QString AuditLog::whereClause(const Filter &f, QVariantList *values)
{
    QStringList conditions;
    if (!f.actor.isEmpty()) {
        conditions.append(QStringLiteral("actor = ?"));
        values->append(f.actor);
    }
    if (!f.table.isEmpty()) {
        conditions.append(QStringLiteral("tbl = ?"));
        values->append(f.table);
    }
    if (f.from.isValid()) {
        conditions.append(QStringLiteral("at >= to_timestamp(?::double precision / 1000)"));
        values->append(f.from.toMSecsSinceEpoch());
    }
    if (f.to.isValid()) {
        conditions.append(QStringLiteral("at < to_timestamp(?::double precision / 1000)"));
        values->append(f.to.toMSecsSinceEpoch());
    }
    if (f.object.isSet()) {
        const QString &kind = f.object.kind;
        const QString id = f.object.id.trimmed();
        bool numeric = false;
        const qint64 number = id.toLongLong(&numeric);
        // Numeric kinds with a non-number match nothing (rather than failing the cast).
        const QVariant n = numeric ? QVariant(number) : QVariant(qint64(-1));
        if (kind == QLatin1String("video")) {
            conditions.append(
                QStringLiteral("((tbl = 'videos' AND key ->> 'id' = ?) OR "
                               "(tbl = 'video_tags' AND (key ->> 'video_id')::bigint = ?))"));
            *values << id << n;
        } else if (kind == QLatin1String("tag")) {
            conditions.append(
                QStringLiteral("((tbl = 'tags' AND key ->> 'id' = ?) OR "
                               "(tbl = 'game_tags' AND (key ->> 'tag_id')::bigint = ?))"));
            *values << id << n;
        } else if (kind == QLatin1String("game")) {
            conditions.append(QStringLiteral(
                "((tbl = 'games' AND key ->> 'id' = ?) OR "
                "(tbl = 'game_tags' AND (key ->> 'game_id')::bigint = ?) OR "
                "(tbl = 'tag_groups' AND (coalesce(after, before) ->> 'game_id')::bigint = ?))"));
            *values << id << n << n;
        } else if (kind == QLatin1String("user")) {
            conditions.append(QStringLiteral("(tbl = 'users' AND key ->> 'id' = ?)"));
            *values << id;
        } else if (kind == QLatin1String("staff")) {
            conditions.append(QStringLiteral("((tbl = 'staff' AND key ->> 'name' = ?) OR "
                                             "(tbl = 'staff_scopes' AND key ->> 'staff' = ?))"));
            *values << id << id;
        } else if (kind == QLatin1String("request")) {
            conditions.append(QStringLiteral("(tbl = 'change_requests' AND key ->> 'id' = ?)"));
            *values << id;
        } else {
            conditions.append(QStringLiteral("false"));
        }
    }
    return conditions.isEmpty()
               ? QString()
               : QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
}

QString AuditLog::readError(const QSqlError &error)
{
    return CentralConnection::isDenied(error)
               ? tr("The central store does not let you read the audit log.")
               : CentralConnection::describe(error);
}

AuditLog::Entry AuditLog::entryFrom(const QVariantList &row)
{
    Entry e;
    e.id = row.at(0).toLongLong();
    e.at = QDateTime::fromMSecsSinceEpoch(row.at(1).toLongLong(), Qt::UTC);
    e.actor = row.at(2).toString();
    e.table = row.at(3).toString();
    e.op = row.at(4).toString();
    e.txid = row.at(5).toString();
    e.key = parseObject(row.at(6));
    e.before = parseObject(row.at(7));
    e.after = parseObject(row.at(8));
    return e;
}

bool AuditLog::fetch(const QSqlDatabase &db, const Filter &filter, qint64 beforeId, int limit,
                     QList<Entry> *entries, QString *error)
{
    QVariantList values;
    QString where = whereClause(filter, &values);
    if (beforeId > 0) {
        where += where.isEmpty() ? QStringLiteral(" WHERE ") : QStringLiteral(" AND ");
        where += QStringLiteral("id < ?");
        values.append(beforeId);
    }
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(QString::fromLatin1(kSelect) + where +
                  QStringLiteral(" ORDER BY id DESC LIMIT ?"));
    for (const QVariant &value : std::as_const(values))
        query.addBindValue(value);
    query.addBindValue(limit);
    if (!query.exec()) {
        *error = readError(query.lastError());
        return false;
    }
    entries->clear();
    while (query.next()) {
        QVariantList row;
        for (int c = 0; c < 9; ++c)
            row.append(query.value(c));
        entries->append(entryFrom(row));
    }
    return true;
}

bool AuditLog::exportCsv(const QSqlDatabase &db, const Filter &filter, QIODevice *out, qint64 *rows,
                         QString *error, const std::function<bool(qint64)> &progress)
{
    *rows = 0;
    QVariantList values;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(QString::fromLatin1(kSelect) + whereClause(filter, &values) +
                  QStringLiteral(" ORDER BY id"));
    for (const QVariant &value : std::as_const(values))
        query.addBindValue(value);
    if (!query.exec()) {
        *error = readError(query.lastError());
        return false;
    }
    CsvWriter csv(out);
    csv.writeRow({QStringLiteral("id"), QStringLiteral("at"), QStringLiteral("actor"),
                  QStringLiteral("table"), QStringLiteral("operation"), QStringLiteral("object"),
                  QStringLiteral("changed"), QStringLiteral("key"), QStringLiteral("before"),
                  QStringLiteral("after")});
    while (query.next()) {
        QVariantList row;
        for (int c = 0; c < 9; ++c)
            row.append(query.value(c));
        const Entry e = entryFrom(row);
        csv.writeRow({QString::number(e.id), e.at.toString(Qt::ISODateWithMs), e.actor, e.table,
                      e.op, objectLabel(e), changedFields(e).join(QLatin1Char(' ')), compact(e.key),
                      compact(e.before), compact(e.after)});
        if (!csv.isOk()) {
            *error = tr("Cannot write the file: %1").arg(out->errorString());
            return false;
        }
        if (++*rows % 10000 == 0 && progress && !progress(*rows)) {
            *error = tr("The export was cancelled.");
            return false;
        }
    }
    if (query.lastError().isValid()) {
        *error = CentralConnection::describe(query.lastError());
        return false;
    }
    return true;
}

bool AuditLog::actors(const QSqlDatabase &db, QStringList *names, QString *error)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT name FROM coulisse.staff UNION "
                                   "SELECT session_user::text ORDER BY 1"))) {
        *error = CentralConnection::describe(query.lastError());
        return false;
    }
    names->clear();
    while (query.next())
        names->append(query.value(0).toString());
    return true;
}

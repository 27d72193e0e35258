#include "localops.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

namespace {

struct TagSetKind
{
    const char *kind;
    const char *table;
    const char *owner; // the payload's and the table's key column
    const char *ownerTable;
};

const TagSetKind kTagSets[] = {{"video_tags", "video_tags", "video_id", "videos"},
                               {"game_tags", "game_tags", "game_id", "games"}};

struct ScalarKind
{
    const char *kind;
    const char *table;
    const char *idField;
    QStringList fields;
};

const ScalarKind &scalarKind(int i)
{
    static const ScalarKind kinds[] = {
        {"tag_update",
         "tags",
         "tag_id",
         {QStringLiteral("name"), QStringLiteral("name_en"), QStringLiteral("aliases"),
          QStringLiteral("status")}},
        {"game_update",
         "games",
         "game_id",
         {QStringLiteral("name"), QStringLiteral("name_en"), QStringLiteral("aliases"),
          QStringLiteral("introduction"), QStringLiteral("developer"), QStringLiteral("released"),
          QStringLiteral("status")}}};
    return kinds[i];
}

bool exec(QSqlQuery &q, QString *error)
{
    if (q.exec())
        return true;
    *error = q.lastError().text();
    return false;
}

} // namespace

QString LocalOps::key(const QString &kind, const QJsonObject &payload)
{
    for (const TagSetKind &k : kTagSets) {
        if (kind == QLatin1String(k.kind))
            return QStringLiteral("%1:%2")
                .arg(QLatin1String(k.kind))
                .arg(payload.value(QLatin1String(k.owner)).toInteger());
    }
    for (int i = 0; i < 2; ++i) {
        const ScalarKind &k = scalarKind(i);
        if (kind == QLatin1String(k.kind))
            return QStringLiteral("%1:%2")
                .arg(QLatin1String(k.table))
                .arg(payload.value(QLatin1String(k.idField)).toInteger());
    }
    return {};
}

bool LocalOps::apply(const QSqlDatabase &db, const QString &kind, const QJsonObject &payload,
                     QString *error)
{
    for (const TagSetKind &k : kTagSets) {
        if (kind != QLatin1String(k.kind))
            continue;
        const qint64 owner = payload.value(QLatin1String(k.owner)).toInteger();
        QSqlQuery insert(db);
        // Rows that left the cache (another scope, deleted centrally) take no overlay.
        insert.prepare(
            QStringLiteral("INSERT OR IGNORE INTO %1 (%2, tag_id) SELECT ?, ? "
                           "WHERE EXISTS (SELECT 1 FROM tags WHERE id = ?) "
                           "AND EXISTS (SELECT 1 FROM %3 WHERE id = ?)")
                .arg(QLatin1String(k.table), QLatin1String(k.owner), QLatin1String(k.ownerTable)));
        for (const QJsonValue &tag : payload.value(QLatin1String("add")).toArray()) {
            insert.addBindValue(owner);
            insert.addBindValue(tag.toInteger());
            insert.addBindValue(tag.toInteger());
            insert.addBindValue(owner);
            if (!exec(insert, error))
                return false;
        }
        QSqlQuery erase(db);
        erase.prepare(QStringLiteral("DELETE FROM %1 WHERE %2 = ? AND tag_id = ?")
                          .arg(QLatin1String(k.table), QLatin1String(k.owner)));
        for (const QJsonValue &tag : payload.value(QLatin1String("remove")).toArray()) {
            erase.addBindValue(owner);
            erase.addBindValue(tag.toInteger());
            if (!exec(erase, error))
                return false;
        }
        return true;
    }
    for (int i = 0; i < 2; ++i) {
        const ScalarKind &k = scalarKind(i);
        if (kind != QLatin1String(k.kind))
            continue;
        QStringList assignments;
        QVariantList values;
        for (const QString &field : k.fields) {
            if (!payload.contains(field))
                continue;
            const QJsonValue value = payload.value(field);
            if (field == QLatin1String("aliases")) {
                assignments.append(QStringLiteral("aliases = json(?)"));
                values.append(QString::fromUtf8(
                    QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)));
            } else if (field == QLatin1String("released")) {
                assignments.append(QStringLiteral("released = ?"));
                values.append(value.isNull() ? QVariant(QMetaType(QMetaType::LongLong))
                                             : QVariant(value.toInteger()));
            } else {
                assignments.append(field + QStringLiteral(" = ?"));
                values.append(value.toString());
            }
        }
        if (assignments.isEmpty())
            return true;
        QSqlQuery update(db);
        update.prepare(QStringLiteral("UPDATE %1 SET %2 WHERE id = ?")
                           .arg(QLatin1String(k.table), assignments.join(QStringLiteral(", "))));
        for (const QVariant &v : std::as_const(values))
            update.addBindValue(v);
        update.addBindValue(payload.value(QLatin1String(k.idField)).toInteger());
        return exec(update, error);
    }
    return true; // no overlay for this kind
}

bool LocalOps::replaceTagSet(const QSqlDatabase &db, const QString &kind, qint64 owner,
                             const QList<qint64> &tags, QString *error)
{
    for (const TagSetKind &k : kTagSets) {
        if (kind != QLatin1String(k.kind))
            continue;
        QSqlQuery erase(db);
        erase.prepare(QStringLiteral("DELETE FROM %1 WHERE %2 = ?")
                          .arg(QLatin1String(k.table), QLatin1String(k.owner)));
        erase.addBindValue(owner);
        if (!exec(erase, error))
            return false;
        QJsonArray add;
        for (qint64 tag : tags)
            add.append(tag);
        return apply(db, kind, {{QLatin1String(k.owner), owner}, {QStringLiteral("add"), add}},
                     error);
    }
    *error = QStringLiteral("%1 is not a tag set").arg(kind);
    return false;
}

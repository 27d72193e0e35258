#include "outboxmodel.h"

#include "auditlog.h"
#include "catalogue.h"

#include <QColor>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace {

const char *const kFieldOrder[] = {"name",         "name_en",   "aliases", "status",
                                   "introduction", "developer", "released"};

QJsonObject parseObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QString idList(const QSet<qint64> &ids)
{
    QStringList list;
    for (qint64 id : ids)
        list.append(QString::number(id));
    return list.join(QLatin1Char(','));
}

/// id -> name of the rows of \a table among \a ids.
bool readNames(const QSqlDatabase &db, const QString &sql, const QSet<qint64> &ids,
               QHash<qint64, QString> *names, QString *error)
{
    if (ids.isEmpty())
        return true;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(sql.arg(idList(ids)))) {
        *error = q.lastError().text();
        return false;
    }
    while (q.next())
        names->insert(q.value(0).toLongLong(),
                      Catalogue::Labels::name(q.value(1).toString(), q.value(2).toString()));
    return true;
}

QList<qint64> ids(const QJsonValue &array)
{
    QList<qint64> list;
    for (const QJsonValue &v : array.toArray())
        list.append(v.toInteger());
    return list;
}

} // namespace

OutboxModel::OutboxModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_rejectedBrush(QColor(0xb4, 0x23, 0x18))
    , m_conflictBrush(QColor(0xa8, 0x5d, 0x00))
{}

QStringList OutboxModel::editedFields(const QJsonObject &payload)
{
    QStringList fields;
    for (const char *field : kFieldOrder) {
        if (payload.contains(QLatin1String(field)))
            fields.append(QString::fromLatin1(field));
    }
    return fields;
}

QString OutboxModel::fieldLabel(const QString &field)
{
    if (field == QLatin1String("name"))
        return tr("name");
    if (field == QLatin1String("name_en"))
        return tr("English name");
    if (field == QLatin1String("aliases"))
        return tr("aliases");
    if (field == QLatin1String("status"))
        return tr("status");
    if (field == QLatin1String("introduction"))
        return tr("introduction");
    if (field == QLatin1String("developer"))
        return tr("developer");
    if (field == QLatin1String("released"))
        return tr("release year");
    return field;
}

QString OutboxModel::valueText(const QJsonValue &value)
{
    return AuditLog::displayValue(value);
}

QString OutboxModel::fieldValueText(const QString &field, const QJsonValue &value)
{
    if (field == QLatin1String("status") && value.isString())
        return Catalogue::Labels::status(value.toString());
    if (field == QLatin1String("aliases") && value.isString())
        return valueText(QJsonDocument::fromJson(value.toString().toUtf8()).array());
    return valueText(value);
}

bool OutboxModel::reload(const QSqlDatabase &db)
{
    beginResetModel();
    m_entries.clear();
    m_rejected = 0;
    m_conflicts = 0;
    m_error.clear();
    const auto fail = [&](const QString &error) {
        m_entries.clear();
        m_rejected = 0;
        m_conflicts = 0;
        m_error = error;
        endResetModel();
        return false;
    };

    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT op_id, kind, state, payload, last_error, result, "
                               "updated_at FROM outbox WHERE state IN ('rejected', 'conflict') "
                               "ORDER BY updated_at DESC, local_tx DESC, op_id")))
        return fail(q.lastError().text());
    QSet<qint64> videos;
    QSet<qint64> games;
    QSet<qint64> tags;
    while (q.next()) {
        Entry e;
        e.opId = q.value(0).toString();
        e.kind = q.value(1).toString();
        e.state = q.value(2).toString();
        e.payload = parseObject(q.value(3).toString());
        e.error = q.value(4).toString();
        e.current = parseObject(q.value(5).toString()).value(QStringLiteral("current")).toObject();
        e.updatedAt = q.value(6).toLongLong();
        if (e.payload.contains(QStringLiteral("video_id")))
            videos.insert(e.payload.value(QStringLiteral("video_id")).toInteger());
        if (e.payload.contains(QStringLiteral("game_id")))
            games.insert(e.payload.value(QStringLiteral("game_id")).toInteger());
        for (const char *field : {"tag_id", "into"}) {
            if (e.payload.contains(QLatin1String(field)))
                tags.insert(e.payload.value(QLatin1String(field)).toInteger());
        }
        for (qint64 tag : ids(e.payload.value(QStringLiteral("add"))))
            tags.insert(tag);
        for (qint64 tag : ids(e.payload.value(QStringLiteral("remove"))))
            tags.insert(tag);
        if (e.state == QLatin1String("conflict"))
            ++m_conflicts;
        else
            ++m_rejected;
        m_entries.append(e);
    }
    q.finish();

    QHash<qint64, QString> videoNames;
    QHash<qint64, QString> gameNames;
    QHash<qint64, QString> tagNames;
    QString error;
    if (!readNames(db, QStringLiteral("SELECT id, title, '' FROM videos WHERE id IN (%1)"), videos,
                   &videoNames, &error) ||
        !readNames(db, QStringLiteral("SELECT id, name, name_en FROM games WHERE id IN (%1)"),
                   games, &gameNames, &error) ||
        !readNames(db, QStringLiteral("SELECT id, name, name_en FROM tags WHERE id IN (%1)"), tags,
                   &tagNames, &error))
        return fail(error);

    const auto named = [](const QString &what, qint64 id, const QHash<qint64, QString> &names) {
        const QString name = names.value(id);
        return name.isEmpty() ? tr("%1 %2").arg(what).arg(id)
                              : tr("%1 %2 “%3”").arg(what).arg(id).arg(name);
    };
    const auto tagList = [&](const QJsonValue &array) {
        QStringList items;
        for (qint64 tag : ids(array)) {
            const QString name = tagNames.value(tag);
            items.append(name.isEmpty() ? QString::number(tag)
                                        : QStringLiteral("%1 (%2)").arg(name).arg(tag));
        }
        return items.join(QStringLiteral(", "));
    };

    for (Entry &e : m_entries) {
        e.when = Catalogue::Labels::dateTime(e.updatedAt);
        const QJsonObject &p = e.payload;
        if (e.kind == QLatin1String("video_tags") || e.kind == QLatin1String("game_tags")) {
            const bool video = e.kind == QLatin1String("video_tags");
            const qint64 id =
                p.value(video ? QStringLiteral("video_id") : QStringLiteral("game_id")).toInteger();
            QStringList parts;
            if (!p.value(QStringLiteral("add")).toArray().isEmpty())
                parts.append(tr("add tags %1").arg(tagList(p.value(QStringLiteral("add")))));
            if (!p.value(QStringLiteral("remove")).toArray().isEmpty())
                parts.append(tr("remove tags %1").arg(tagList(p.value(QStringLiteral("remove")))));
            e.change = tr("%1: %2").arg(video ? named(tr("Video"), id, videoNames)
                                              : named(tr("Game"), id, gameNames),
                                        parts.join(QStringLiteral("; ")));
        } else if (e.kind == QLatin1String("tag_update") ||
                   e.kind == QLatin1String("game_update")) {
            const bool tag = e.kind == QLatin1String("tag_update");
            const qint64 id =
                p.value(tag ? QStringLiteral("tag_id") : QStringLiteral("game_id")).toInteger();
            QStringList parts;
            for (const QString &field : editedFields(p))
                parts.append(
                    tr("%1 → %2").arg(fieldLabel(field), fieldValueText(field, p.value(field))));
            e.change = tr("%1: %2").arg(tag ? named(tr("Tag"), id, tagNames)
                                            : named(tr("Game"), id, gameNames),
                                        parts.join(QStringLiteral(", ")));
        } else if (e.kind == QLatin1String("tag_create")) {
            e.change = tr("New tag “%1”").arg(p.value(QStringLiteral("name")).toString());
        } else if (e.kind == QLatin1String("tag_merge")) {
            e.change =
                tr("Merge %1 into %2")
                    .arg(named(tr("Tag"), p.value(QStringLiteral("tag_id")).toInteger(), tagNames),
                         named(tr("Tag"), p.value(QStringLiteral("into")).toInteger(), tagNames));
        } else if (e.kind == QLatin1String("game_create")) {
            e.change = tr("New game “%1”").arg(p.value(QStringLiteral("name")).toString());
        } else {
            e.change = QStringLiteral("%1 %2").arg(e.kind, valueText(p));
        }
        if (e.state == QLatin1String("conflict")) {
            QStringList theirs;
            for (const QString &field : editedFields(p))
                theirs.append(tr("%1 = %2").arg(fieldLabel(field),
                                                fieldValueText(field, e.current.value(field))));
            e.reason = theirs.isEmpty() ? tr("Someone else changed it first.")
                                        : tr("Someone else changed it first; central has %1.")
                                              .arg(theirs.join(QStringLiteral(", ")));
        } else {
            e.reason = e.error.isEmpty() ? tr("Central refused the change.") : e.error;
        }
    }
    endResetModel();
    return true;
}

int OutboxModel::rowOf(const QString &opId) const
{
    for (int i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).opId == opId)
            return i;
    }
    return -1;
}

int OutboxModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int OutboxModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OutboxModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &e = m_entries.at(index.row());
    const bool conflict = e.state == QLatin1String("conflict");
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case WhenColumn:
            return e.when;
        case ChangeColumn:
            return e.change;
        case StateColumn:
            return conflict ? tr("Conflict") : tr("Rejected");
        case ReasonColumn:
            return e.reason;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == ChangeColumn)
            return e.change;
        if (index.column() == ReasonColumn)
            return e.reason;
        return {};
    case Qt::ForegroundRole:
        if (index.column() == StateColumn)
            return conflict ? m_conflictBrush : m_rejectedBrush;
        return {};
    case IdRole:
        return e.opId;
    case StateRole:
        return e.state;
    case KindRole:
        return e.kind;
    case PayloadRole:
        return e.payload;
    case CurrentRole:
        return e.current;
    case EditableFieldsRole:
        return conflict ? editedFields(e.payload) : QStringList();
    }
    return {};
}

QVariant OutboxModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case WhenColumn:
        return tr("When");
    case ChangeColumn:
        return tr("Change");
    case StateColumn:
        return tr("State");
    case ReasonColumn:
        return tr("Reason / central's values");
    }
    return {};
}

#include "cacheeditor.h"

#include "cachedatabase.h"
#include "localops.h"
#include "reviewtablemodel.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace {

// Tags a video may carry: the general library's and those of its game's library.
const char *const kUsableTag =
    "SELECT t.id, t.status FROM tags t JOIN tag_groups g ON g.id = t.group_id "
    "WHERE t.id = :tag AND (g.kind = 'general' OR (g.kind = 'category' AND g.game_id = "
    "(SELECT game_id FROM videos WHERE id = :video)))";

QJsonArray ids(const QList<qint64> &values)
{
    QJsonArray array;
    for (qint64 v : values)
        array.append(v);
    return array;
}

} // namespace

CacheEditor::CacheEditor(CacheDatabase &cache)
    : m_cache(cache)
{}

QString CacheEditor::newOperationId()
{
    QByteArray bytes(16, Qt::Uninitialized);
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    const quint64 ms = quint64(QDateTime::currentMSecsSinceEpoch());
    for (int i = 0; i < 6; ++i)
        bytes[i] = char((ms >> (8 * (5 - i))) & 0xFF);
    bytes[6] = char((bytes[6] & 0x0F) | 0x70); // version 7
    bytes[8] = char((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
    return QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces);
}

qint64 CacheEditor::resolveTag(qint64 videoId, const QString &idOrName, QString *error)
{
    QSqlQuery q(m_cache.database());
    q.prepare(QStringLiteral(
        "SELECT t.id FROM tags t JOIN tag_groups g ON g.id = t.group_id "
        "WHERE (CAST(t.id AS TEXT) = :key OR t.name = :key OR lower(t.name_en) = lower(:key)) "
        "AND (g.kind = 'general' OR (g.kind = 'category' AND g.game_id = "
        "(SELECT game_id FROM videos WHERE id = :video))) ORDER BY t.id LIMIT 2"));
    q.bindValue(QStringLiteral(":key"), idOrName.trimmed());
    q.bindValue(QStringLiteral(":video"), videoId);
    if (!q.exec()) {
        *error = q.lastError().text();
        return 0;
    }
    if (!q.next()) {
        *error = tr("No tag \"%1\" can go on video %2 (the general library and the library of "
                    "the video's game hold its tags).")
                     .arg(idOrName)
                     .arg(videoId);
        return 0;
    }
    const qint64 id = q.value(0).toLongLong();
    if (q.next()) {
        *error = tr("\"%1\" names more than one tag: give its id.").arg(idOrName);
        return 0;
    }
    return id;
}

CacheEditor::Result CacheEditor::tagVideo(qint64 videoId, const QList<qint64> &add,
                                          const QList<qint64> &remove)
{
    const BulkResult bulk = tagVideos({{videoId, add, remove}});
    Result result;
    result.ok = bulk.ok;
    result.error = bulk.error;
    if (!bulk.changes.isEmpty()) {
        result = bulk.changes.first();
        result.ok = true;
        result.changed = true;
    }
    return result;
}

CacheEditor::BulkResult CacheEditor::tagVideos(const QList<TagChange> &changes)
{
    BulkResult bulk;
    if (!m_cache.beginImmediate()) {
        bulk.error = m_cache.errorString();
        return bulk;
    }
    auto fail = [&](const QString &message) {
        m_cache.rollback();
        bulk.changes.clear();
        bulk.error = message;
        return bulk;
    };
    const QSqlDatabase db = m_cache.database();
    QSqlQuery video(db);
    video.prepare(QStringLiteral("SELECT 1 FROM videos WHERE id = ?"));
    QSqlQuery usable(db);
    usable.prepare(QString::fromLatin1(kUsableTag));
    QSqlQuery has(db);
    has.prepare(QStringLiteral("SELECT 1 FROM video_tags WHERE video_id = ? AND tag_id = ?"));
    qint64 localTx = 0; // one local transaction: the videos reach central together
    for (const TagChange &change : changes) {
        const qint64 videoId = change.videoId;
        video.addBindValue(videoId);
        if (!video.exec())
            return fail(video.lastError().text());
        if (!video.next())
            return fail(tr("There is no video %1 in the cache.").arg(videoId));
        auto carries = [&](qint64 tag, bool *yes) {
            has.addBindValue(videoId);
            has.addBindValue(tag);
            if (!has.exec())
                return false;
            *yes = has.next();
            return true;
        };
        Result result;
        for (qint64 tag : change.add) {
            usable.bindValue(QStringLiteral(":tag"), tag);
            usable.bindValue(QStringLiteral(":video"), videoId);
            if (!usable.exec())
                return fail(usable.lastError().text());
            if (!usable.next())
                return fail(tr("Tag %1 cannot go on video %2: it belongs neither to the general "
                               "library nor to the library of the video's game.")
                                .arg(tag)
                                .arg(videoId));
            if (usable.value(1).toString() != QLatin1String("active"))
                return fail(tr("Tag %1 is retired and cannot be applied.").arg(tag));
            bool present = false;
            if (!carries(tag, &present))
                return fail(has.lastError().text());
            if (!present && !result.added.contains(tag) && !change.remove.contains(tag))
                result.added.append(tag);
        }
        for (qint64 tag : change.remove) {
            bool present = false;
            if (!carries(tag, &present))
                return fail(has.lastError().text());
            if (present && !result.removed.contains(tag) && !change.add.contains(tag))
                result.removed.append(tag);
        }
        if (result.added.isEmpty() && result.removed.isEmpty())
            continue; // nothing to do for this video
        QJsonObject payload{{QStringLiteral("video_id"), videoId}};
        if (!result.added.isEmpty())
            payload.insert(QStringLiteral("add"), ids(result.added));
        if (!result.removed.isEmpty())
            payload.insert(QStringLiteral("remove"), ids(result.removed));
        QString error;
        result.opId = enqueue(QStringLiteral("video_tags"), payload, {}, &error, &localTx);
        if (result.opId.isEmpty())
            return fail(error);
        result.ok = true;
        result.changed = true;
        result.videoId = videoId;
        bulk.changes.append(result);
    }
    if (bulk.changes.isEmpty()) {
        m_cache.rollback();
        bulk.ok = true;
        return bulk;
    }
    if (!m_cache.commit())
        return fail(m_cache.errorString());
    bulk.ok = true;
    return bulk;
}

QString CacheEditor::enqueue(const QString &kind, const QJsonObject &payload, const QVariant &base,
                             QString *error, qint64 *sharedTx)
{
    const QSqlDatabase db = m_cache.database();
    if (!LocalOps::apply(db, kind, payload, error))
        return {};
    qint64 localTx = sharedTx ? *sharedTx : 0;
    if (localTx == 0) {
        // Local transaction numbers only grow, even after sent operations leave the outbox.
        QSqlQuery counter(db);
        if (!counter.exec(QStringLiteral(
                "INSERT INTO sync_state (key, value) VALUES ('local_tx', '1') ON CONFLICT (key) "
                "DO UPDATE SET value = CAST(value AS INTEGER) + 1 RETURNING value")) ||
            !counter.next()) {
            *error = counter.lastError().text();
            return {};
        }
        localTx = counter.value(0).toLongLong();
        counter.finish();
        if (sharedTx)
            *sharedTx = localTx;
    }
    const QString opId = newOperationId();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QSqlQuery outbox(db);
    outbox.prepare(QStringLiteral(
        "INSERT INTO outbox (op_id, local_tx, kind, payload, base_row_version, created_at, "
        "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    outbox.addBindValue(opId);
    outbox.addBindValue(localTx);
    outbox.addBindValue(kind);
    outbox.addBindValue(QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)));
    outbox.addBindValue(base.isValid() ? base : QVariant(QMetaType(QMetaType::LongLong)));
    outbox.addBindValue(now);
    outbox.addBindValue(now);
    if (!outbox.exec()) {
        *error = outbox.lastError().text();
        return {};
    }
    return opId;
}

CacheEditor::Result CacheEditor::editRow(const QString &kind, qint64 id, const QJsonObject &fields)
{
    const bool tag = kind == QLatin1String("tag_update");
    const QStringList allowed =
        tag ? QStringList{QStringLiteral("name"), QStringLiteral("name_en"),
                          QStringLiteral("aliases"), QStringLiteral("status")}
            : QStringList{QStringLiteral("name"),      QStringLiteral("name_en"),
                          QStringLiteral("aliases"),   QStringLiteral("introduction"),
                          QStringLiteral("developer"), QStringLiteral("released"),
                          QStringLiteral("status")};
    Result result;
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (!allowed.contains(it.key())) {
            result.error = tr("\"%1\" cannot be edited here.").arg(it.key());
            return result;
        }
    }
    const QString name = fields.value(QStringLiteral("name")).toString();
    if (fields.contains(QStringLiteral("name")) && name.trimmed().isEmpty()) {
        result.error = tr("The name cannot be empty.");
        return result;
    }
    const QString status = fields.value(QStringLiteral("status")).toString();
    if (fields.contains(QStringLiteral("status")) && status != QLatin1String("active") &&
        status != QLatin1String("retired")) {
        result.error = tr("The status is \"active\" or \"retired\".");
        return result;
    }
    return queueOne(kind, [&](QJsonObject *payload, QVariant *base, Result *) {
        QSqlQuery q(m_cache.database());
        q.prepare(QStringLiteral("SELECT row_version FROM %1 WHERE id = ?")
                      .arg(tag ? QStringLiteral("tags") : QStringLiteral("games")));
        q.addBindValue(id);
        if (!q.exec() || !q.next())
            return tag ? tr("There is no tag %1 in the cache.").arg(id)
                       : tr("There is no game %1 in the cache.").arg(id);
        qint64 version = q.value(0).toLongLong();
        if (tag && fields.contains(QStringLiteral("name"))) {
            q.prepare(QStringLiteral("SELECT 1 FROM tags WHERE name = ? AND id <> ? AND group_id "
                                     "= (SELECT group_id FROM tags WHERE id = ?)"));
            q.addBindValue(name);
            q.addBindValue(id);
            q.addBindValue(id);
            if (q.exec() && q.next())
                return tr("Another tag of this group is already called \"%1\".").arg(name);
        }
        // Earlier edits of the same row still on their way: a supervisor's are applied as they
        // arrive, each moving the row on by one version, so this edit builds on the last of
        // them (instead of conflicting with the user's own edit). An editor's become change
        // requests and leave the version as it is.
        q.prepare(QStringLiteral(
            "SELECT count(*) FROM outbox WHERE kind = ? AND state IN ('pending', 'sent') AND "
            "json_extract(payload, ?) = ? AND (SELECT value FROM sync_state WHERE key = 'role') "
            "= 'supervisor'"));
        q.addBindValue(kind);
        q.addBindValue(tag ? QStringLiteral("$.tag_id") : QStringLiteral("$.game_id"));
        q.addBindValue(id);
        if (q.exec() && q.next())
            version += q.value(0).toLongLong();
        *base = version;
        *payload = fields;
        payload->insert(tag ? QStringLiteral("tag_id") : QStringLiteral("game_id"), id);
        return QString();
    });
}

CacheEditor::Result CacheEditor::editTag(qint64 tagId, const QJsonObject &fields)
{
    return editRow(QStringLiteral("tag_update"), tagId, fields);
}

CacheEditor::Result CacheEditor::editGame(qint64 gameId, const QJsonObject &fields)
{
    return editRow(QStringLiteral("game_update"), gameId, fields);
}

CacheEditor::Result CacheEditor::resolve(const QString &opId, Resolution how,
                                         const QJsonObject &edited)
{
    Result result;
    if (!m_cache.beginImmediate()) {
        result.error = m_cache.errorString();
        return result;
    }
    const QSqlDatabase db = m_cache.database();
    auto fail = [&](const QString &message) {
        m_cache.rollback();
        result.error = message;
        return result;
    };
    QSqlQuery op(db);
    op.prepare(QStringLiteral("SELECT kind, payload, state, result FROM outbox WHERE op_id = ?"));
    op.addBindValue(opId);
    if (!op.exec())
        return fail(op.lastError().text());
    if (!op.next())
        return fail(tr("There is no change %1 in the outbox.").arg(opId));
    const QString kind = op.value(0).toString();
    QJsonObject payload = QJsonDocument::fromJson(op.value(1).toString().toUtf8()).object();
    const QString state = op.value(2).toString();
    const QJsonObject answer = QJsonDocument::fromJson(op.value(3).toString().toUtf8()).object();
    op.finish();
    const bool conflict = state == QLatin1String("conflict");
    if (!conflict && state != QLatin1String("rejected"))
        return fail(tr("Change %1 is not waiting for a decision (it is %2).").arg(opId, state));
    if ((how == Resolution::KeepMine || how == Resolution::Edit) && !conflict)
        return fail(tr("Only a conflicting change can be kept or edited; retry or discard a "
                       "rejected one."));
    if (how == Resolution::Retry && conflict)
        return fail(tr("A conflicting change is kept, edited or given up, not retried."));

    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE outbox SET state = ?, updated_at = ? WHERE op_id = ?"));
    update.addBindValue(how == Resolution::Retry ? QStringLiteral("pending")
                                                 : QStringLiteral("discarded"));
    update.addBindValue(now);
    update.addBindValue(opId);
    if (!update.exec())
        return fail(update.lastError().text());
    QString error;
    if (how == Resolution::Retry) {
        // The same operation again (central never applied it): its overlay comes back.
        if (!LocalOps::apply(db, kind, payload, &error))
            return fail(error);
        result.opId = opId;
    } else if (how == Resolution::KeepMine || how == Resolution::Edit) {
        // A new operation made against the version central holds now.
        if (how == Resolution::Edit) {
            const QString idField = payload.contains(QStringLiteral("tag_id"))
                                        ? QStringLiteral("tag_id")
                                        : QStringLiteral("game_id");
            const QJsonValue id = payload.value(idField);
            payload = edited;
            payload.insert(idField, id);
        }
        const QJsonValue base =
            answer.value(QStringLiteral("current")).toObject().value(QStringLiteral("row_version"));
        result.opId = enqueue(kind, payload,
                              base.isDouble() ? QVariant(base.toInteger()) : QVariant(), &error);
        if (result.opId.isEmpty())
            return fail(error);
    }
    if (!m_cache.commit())
        return fail(m_cache.errorString());
    result.ok = true;
    result.changed = true;
    return result;
}

CacheEditor::Result CacheEditor::queueOne(const QString &kind, const Build &build)
{
    Result result;
    if (!m_cache.beginImmediate()) {
        result.error = m_cache.errorString();
        return result;
    }
    QJsonObject payload;
    QVariant base;
    const QString problem = build(&payload, &base, &result);
    if (!problem.isEmpty() || payload.isEmpty()) {
        // Refused, or nothing to do: nothing is queued.
        m_cache.rollback();
        result.error = problem;
        result.ok = problem.isEmpty();
        return result;
    }
    QString error;
    result.opId = enqueue(kind, payload, base, &error);
    if (result.opId.isEmpty() || !m_cache.commit()) {
        result.error = error.isEmpty() ? m_cache.errorString() : error;
        m_cache.rollback();
        result.opId.clear();
        return result;
    }
    result.ok = true;
    result.changed = true;
    return result;
}

CacheEditor::ReviewResult CacheEditor::review(const QStringList &requestIds, bool approve,
                                              const QString &comment)
{
    ReviewResult result;
    if (requestIds.isEmpty()) {
        result.ok = true;
        return result;
    }
    if (!approve && comment.trimmed().isEmpty()) {
        result.error = tr("A rejection needs a comment for the author.");
        return result;
    }
    if (!m_cache.beginImmediate()) {
        result.error = m_cache.errorString();
        return result;
    }
    const QSqlDatabase db = m_cache.database();
    const auto refuse = [&](const QString &message) {
        m_cache.rollback();
        result.error = message;
        result.opIds.clear();
        return result;
    };
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT (SELECT value FROM sync_state WHERE key = 'role'), "
                               "(SELECT value FROM sync_state WHERE key = 'user')")) ||
        !q.next())
        return refuse(q.lastError().text());
    const QString role = q.value(0).toString();
    const QString user = q.value(1).toString();
    q.finish();
    if (role != QLatin1String("supervisor"))
        return refuse(tr("Only a supervisor reviews change requests."));
    q.prepare(QStringLiteral("SELECT status, requested_by, reviewed_by, %1 IS NOT NULL FROM "
                             "change_requests c WHERE c.id = ?")
                  .arg(ReviewTableModel::queuedDecisionExpression()));
    for (const QString &id : requestIds) {
        q.addBindValue(id);
        if (!q.exec())
            return refuse(q.lastError().text());
        if (!q.next())
            return refuse(tr("There is no change request %1 in the cache.").arg(id));
        if (q.value(1).toString() == user)
            return refuse(tr("You cannot review your own change request."));
        if (q.value(0).toString() != QLatin1String("pending"))
            return refuse(tr("This change request was already decided (%1 by %2).")
                              .arg(q.value(0).toString(), q.value(2).toString()));
        if (q.value(3).toBool())
            return refuse(tr("A decision on this change request is already waiting to sync."));
        QString error;
        const QString opId = enqueue(QStringLiteral("review"),
                                     {{QStringLiteral("request_id"), id},
                                      {QStringLiteral("approve"), approve},
                                      {QStringLiteral("comment"), comment.trimmed()}},
                                     QVariant(), &error);
        if (opId.isEmpty())
            return refuse(error);
        result.opIds.append(opId);
    }
    if (!m_cache.commit())
        return refuse(m_cache.errorString());
    result.ok = true;
    return result;
}

CacheEditor::Result CacheEditor::createTag(qint64 groupId, const QString &name,
                                           const QString &nameEn, const QStringList &aliases)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty()) {
        Result result;
        result.error = tr("A tag needs a name.");
        return result;
    }
    return queueOne(QStringLiteral("tag_create"), [&](QJsonObject *payload, QVariant *, Result *) {
        QSqlQuery q(m_cache.database());
        q.prepare(QStringLiteral("SELECT kind FROM tag_groups WHERE id = ?"));
        q.addBindValue(groupId);
        if (!q.exec() || !q.next())
            return tr("There is no tag group %1 in the cache.").arg(groupId);
        if (q.value(0).toString() == QLatin1String("library"))
            return tr("A game's library holds its tags in categories: pick one of them.");
        q.prepare(QStringLiteral("SELECT 1 FROM tags WHERE group_id = ? AND name = ?"));
        q.addBindValue(groupId);
        q.addBindValue(trimmed);
        if (q.exec() && q.next())
            return tr("Another tag of this group is already called \"%1\".").arg(trimmed);
        // So is a creation waiting in the outbox.
        q.prepare(QStringLiteral("SELECT 1 FROM outbox WHERE kind = 'tag_create' AND state IN "
                                 "('pending', 'sent') AND json_extract(payload, '$.group_id') = "
                                 "? AND json_extract(payload, '$.name') = ?"));
        q.addBindValue(groupId);
        q.addBindValue(trimmed);
        if (q.exec() && q.next())
            return tr("A tag called \"%1\" is already waiting to be created in this group.")
                .arg(trimmed);
        QJsonArray names;
        for (const QString &alias : aliases) {
            if (!alias.trimmed().isEmpty())
                names.append(alias.trimmed());
        }
        *payload = {{QStringLiteral("group_id"), groupId}, {QStringLiteral("name"), trimmed}};
        if (!nameEn.trimmed().isEmpty())
            payload->insert(QStringLiteral("name_en"), nameEn.trimmed());
        if (!names.isEmpty())
            payload->insert(QStringLiteral("aliases"), names);
        return QString();
    });
}

CacheEditor::Result CacheEditor::mergeTag(qint64 from, qint64 into)
{
    if (from == into) {
        Result result;
        result.error = tr("A tag cannot be merged into itself.");
        return result;
    }
    return queueOne(QStringLiteral("tag_merge"), [&](QJsonObject *payload, QVariant *, Result *) {
        QSqlQuery q(m_cache.database());
        q.prepare(QStringLiteral("SELECT t.status, g.kind, g.game_id FROM tags t JOIN tag_groups "
                                 "g ON g.id = t.group_id WHERE t.id = ?"));
        struct Side
        {
            QString status, kind;
            QVariant game;
        };
        Side sides[2];
        const qint64 ids[2] = {from, into};
        for (int i = 0; i < 2; ++i) {
            q.addBindValue(ids[i]);
            if (!q.exec() || !q.next())
                return tr("There is no tag %1 in the cache.").arg(ids[i]);
            sides[i] = {q.value(0).toString(), q.value(1).toString(), q.value(2)};
        }
        if (sides[1].status != QLatin1String("active"))
            return tr("Tag %1 is retired: merge into an active tag.").arg(into);
        const bool dimension[2] = {sides[0].kind == QLatin1String("dimension"),
                                   sides[1].kind == QLatin1String("dimension")};
        if (dimension[0] != dimension[1] ||
            (sides[1].kind == QLatin1String("category") && sides[1].game != sides[0].game))
            return tr("Tag %1 cannot take the place of tag %2: it does not fit everything that "
                      "carries it (game tags merge into game tags; a video tag into the general "
                      "library or into the same game's library).")
                .arg(into)
                .arg(from);
        *payload = {{QStringLiteral("tag_id"), from}, {QStringLiteral("into"), into}};
        return QString();
    });
}

CacheEditor::Result CacheEditor::createGame(const QJsonObject &fields, const QList<qint64> &tags)
{
    static const QStringList allowed{QStringLiteral("name"),      QStringLiteral("name_en"),
                                     QStringLiteral("aliases"),   QStringLiteral("introduction"),
                                     QStringLiteral("developer"), QStringLiteral("released")};
    Result refused;
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        if (!allowed.contains(it.key())) {
            refused.error = tr("A game has no field \"%1\".").arg(it.key());
            return refused;
        }
    }
    const QString name = fields.value(QStringLiteral("name")).toString().trimmed();
    if (name.isEmpty()) {
        refused.error = tr("A game needs a name.");
        return refused;
    }
    return queueOne(QStringLiteral("game_create"), [&](QJsonObject *payload, QVariant *, Result *) {
        QSqlQuery q(m_cache.database());
        q.prepare(QStringLiteral("SELECT 1 FROM games WHERE name = ? UNION ALL SELECT 1 FROM "
                                 "outbox WHERE kind = 'game_create' AND state IN ('pending', "
                                 "'sent') AND json_extract(payload, '$.name') = ?"));
        q.addBindValue(name);
        q.addBindValue(name);
        if (q.exec() && q.next())
            return tr("There is a game called \"%1\" already.").arg(name);
        QJsonArray tagIds;
        QString problem;
        if (!checkGameTags(tags, nullptr, &problem))
            return problem;
        for (qint64 tag : tags) {
            if (!tagIds.contains(tag))
                tagIds.append(tag);
        }
        *payload = fields;
        payload->insert(QStringLiteral("name"), name);
        if (!tagIds.isEmpty())
            payload->insert(QStringLiteral("tags"), tagIds);
        return QString();
    });
}

bool CacheEditor::checkGameTags(const QList<qint64> &tags, QList<qint64> *carried, QString *problem,
                                qint64 gameId)
{
    QSqlQuery q(m_cache.database());
    q.prepare(QStringLiteral("SELECT t.status, g.kind, EXISTS (SELECT 1 FROM game_tags WHERE "
                             "game_id = ? AND tag_id = t.id) FROM tags t JOIN tag_groups g ON "
                             "g.id = t.group_id WHERE t.id = ?"));
    for (qint64 tag : tags) {
        q.addBindValue(gameId);
        q.addBindValue(tag);
        if (!q.exec() || !q.next() || q.value(1).toString() != QLatin1String("dimension")) {
            *problem = tr("Tag %1 is not a game tag (a tag of a dimension).").arg(tag);
            return false;
        }
        if (q.value(0).toString() != QLatin1String("active")) {
            *problem = tr("Tag %1 is retired and cannot be applied.").arg(tag);
            return false;
        }
        if (carried && q.value(2).toBool())
            carried->append(tag);
    }
    return true;
}

CacheEditor::Result CacheEditor::tagGame(qint64 gameId, const QList<qint64> &add,
                                         const QList<qint64> &remove)
{
    return queueOne(
        QStringLiteral("game_tags"), [&](QJsonObject *payload, QVariant *, Result *result) {
            QSqlQuery q(m_cache.database());
            q.prepare(QStringLiteral("SELECT 1 FROM games WHERE id = ?"));
            q.addBindValue(gameId);
            if (!q.exec() || !q.next())
                return tr("There is no game %1 in the cache.").arg(gameId);
            QList<qint64> carried;
            QString problem;
            if (!checkGameTags(add, &carried, &problem, gameId))
                return problem;
            for (qint64 id : add) {
                if (!carried.contains(id) && !result->added.contains(id) && !remove.contains(id))
                    result->added.append(id);
            }
            q.prepare(QStringLiteral("SELECT 1 FROM game_tags WHERE game_id = ? AND tag_id = ?"));
            for (qint64 id : remove) {
                q.addBindValue(gameId);
                q.addBindValue(id);
                if (q.exec() && q.next() && !result->removed.contains(id) && !add.contains(id))
                    result->removed.append(id);
            }
            if (result->added.isEmpty() && result->removed.isEmpty())
                return QString(); // nothing to do
            *payload = {{QStringLiteral("game_id"), gameId}};
            if (!result->added.isEmpty())
                payload->insert(QStringLiteral("add"), ids(result->added));
            if (!result->removed.isEmpty())
                payload->insert(QStringLiteral("remove"), ids(result->removed));
            return QString();
        });
}

CacheEditor::Result CacheEditor::withdraw(const QString &opId)
{
    Result result;
    if (!m_cache.beginImmediate()) {
        result.error = m_cache.errorString();
        return result;
    }
    QSqlQuery q(m_cache.database());
    q.prepare(QStringLiteral("SELECT state, kind FROM outbox WHERE op_id = ?"));
    q.addBindValue(opId);
    if (!q.exec() || !q.next()) {
        m_cache.rollback();
        result.error = tr("There is no operation %1 in the outbox.").arg(opId);
        return result;
    }
    const QString state = q.value(0).toString();
    const QString kind = q.value(1).toString();
    q.finish();
    if (state != QLatin1String("pending") || !LocalOps::key(kind, {}).isEmpty()) {
        m_cache.rollback();
        result.error = state == QLatin1String("pending")
                           ? tr("Operation %1 changed the cache: undo it with an edit.").arg(opId)
                           : tr("The change was sent to the central store already and can no "
                                "longer be taken back.");
        return result;
    }
    q.prepare(QStringLiteral("UPDATE outbox SET state = 'discarded', updated_at = ? WHERE op_id "
                             "= ?"));
    q.addBindValue(QDateTime::currentSecsSinceEpoch());
    q.addBindValue(opId);
    if (!q.exec() || !m_cache.commit()) {
        result.error = q.lastError().isValid() ? q.lastError().text() : m_cache.errorString();
        m_cache.rollback();
        return result;
    }
    result.ok = true;
    result.changed = true;
    result.opId = opId;
    return result;
}

#include "cacheeditor.h"

#include "cachedatabase.h"

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
    Result result;
    if (!m_cache.beginImmediate()) {
        result.error = m_cache.errorString();
        return result;
    }
    auto fail = [&](const QString &message) {
        m_cache.rollback();
        result.error = message;
        return result;
    };
    const QSqlDatabase db = m_cache.database();
    QSqlQuery video(db);
    video.prepare(QStringLiteral("SELECT 1 FROM videos WHERE id = ?"));
    video.addBindValue(videoId);
    if (!video.exec())
        return fail(video.lastError().text());
    if (!video.next())
        return fail(tr("There is no video %1 in the cache.").arg(videoId));

    QSqlQuery usable(db);
    usable.prepare(QString::fromLatin1(kUsableTag));
    QSqlQuery has(db);
    has.prepare(QStringLiteral("SELECT 1 FROM video_tags WHERE video_id = ? AND tag_id = ?"));
    auto carries = [&](qint64 tag, bool *yes) {
        has.addBindValue(videoId);
        has.addBindValue(tag);
        if (!has.exec())
            return false;
        *yes = has.next();
        return true;
    };
    for (qint64 tag : add) {
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
        if (!present && !result.added.contains(tag) && !remove.contains(tag))
            result.added.append(tag);
    }
    for (qint64 tag : remove) {
        bool present = false;
        if (!carries(tag, &present))
            return fail(has.lastError().text());
        if (present && !result.removed.contains(tag) && !add.contains(tag))
            result.removed.append(tag);
    }
    if (result.added.isEmpty() && result.removed.isEmpty()) {
        m_cache.rollback();
        result.ok = true;
        return result;
    }

    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO video_tags (video_id, tag_id) VALUES (?, ?)"));
    for (qint64 tag : std::as_const(result.added)) {
        insert.addBindValue(videoId);
        insert.addBindValue(tag);
        if (!insert.exec())
            return fail(insert.lastError().text());
    }
    QSqlQuery erase(db);
    erase.prepare(QStringLiteral("DELETE FROM video_tags WHERE video_id = ? AND tag_id = ?"));
    for (qint64 tag : std::as_const(result.removed)) {
        erase.addBindValue(videoId);
        erase.addBindValue(tag);
        if (!erase.exec())
            return fail(erase.lastError().text());
    }

    QJsonObject payload{{QStringLiteral("video_id"), videoId}};
    if (!result.added.isEmpty())
        payload.insert(QStringLiteral("add"), ids(result.added));
    if (!result.removed.isEmpty())
        payload.insert(QStringLiteral("remove"), ids(result.removed));
    // Local transaction numbers only grow, even after sent operations leave the outbox.
    QSqlQuery counter(db);
    if (!counter.exec(QStringLiteral(
            "INSERT INTO sync_state (key, value) VALUES ('local_tx', '1') ON CONFLICT (key) "
            "DO UPDATE SET value = CAST(value AS INTEGER) + 1 RETURNING value")) ||
        !counter.next())
        return fail(counter.lastError().text());
    const qint64 localTx = counter.value(0).toLongLong();
    counter.finish();
    result.opId = newOperationId();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QSqlQuery outbox(db);
    outbox.prepare(QStringLiteral(
        "INSERT INTO outbox (op_id, local_tx, kind, payload, created_at, updated_at) "
        "VALUES (?, ?, 'video_tags', ?, ?, ?)"));
    outbox.addBindValue(result.opId);
    outbox.addBindValue(localTx);
    outbox.addBindValue(QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)));
    outbox.addBindValue(now);
    outbox.addBindValue(now);
    if (!outbox.exec())
        return fail(outbox.lastError().text());
    if (!m_cache.commit())
        return fail(m_cache.errorString());
    result.ok = true;
    result.changed = true;
    return result;
}

#include "cataloguerepository.h"

#include "catalogue.h"
#include "reviewtablemodel.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace {

QStringList jsonList(const QVariant &value)
{
    QStringList list;
    for (const QJsonValue &v : QJsonDocument::fromJson(value.toString().toUtf8()).array())
        list.append(v.toString());
    return list;
}

// Columns of a TagRef, with t = tags, grp = its group, lib = the group's library (if any).
const QString TagRefColumns = QStringLiteral(
    "t.id, t.name, t.name_en, grp.kind, grp.code, t.status, t.usage_count, lib.name, lib.name_en");
const QString TagRefJoins = QStringLiteral("JOIN tag_groups grp ON grp.id = t.group_id LEFT JOIN "
                                           "tag_groups lib ON lib.id = grp.parent_id");

CatalogueRepository::TagRef tagRef(const QSqlQuery &q, int first = 0)
{
    CatalogueRepository::TagRef t;
    t.id = q.value(first).toLongLong();
    t.name = q.value(first + 1).toString();
    t.nameEn = q.value(first + 2).toString();
    t.groupKind = q.value(first + 3).toString();
    t.groupCode = q.value(first + 4).toString();
    t.status = q.value(first + 5).toString();
    t.uses = q.value(first + 6).toLongLong();
    t.gameName = q.value(first + 7).toString();
    t.gameNameEn = q.value(first + 8).toString();
    return t;
}

} // namespace

CatalogueRepository::CatalogueRepository(QSqlDatabase db)
    : m_db(std::move(db))
{}

bool CatalogueRepository::check(bool ok, const QSqlQuery &q)
{
    if (!ok)
        m_error = q.lastError().text();
    return ok;
}

std::optional<CatalogueRepository::VideoDetail> CatalogueRepository::video(qint64 id)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "SELECT v.id, v.title, v.game_id, g.name, g.name_en, v.uploader_id, u.nickname, v.source, "
        "v.duration_s, v.published_at, v.featured, v.plays, v.row_version "
        "FROM videos v JOIN games g ON g.id = v.game_id LEFT JOIN users u ON u.id = v.uploader_id "
        "WHERE v.id = ?"));
    q.addBindValue(id);
    if (!check(q.exec(), q) || !q.next())
        return std::nullopt;
    VideoDetail d;
    d.id = q.value(0).toLongLong();
    d.title = q.value(1).toString();
    d.gameId = q.value(2).toLongLong();
    d.gameName = q.value(3).toString();
    d.gameNameEn = q.value(4).toString();
    d.uploaderId = q.value(5).toLongLong();
    d.uploader = q.value(6).toString();
    d.source = q.value(7).toString();
    d.durationSeconds = q.value(8).toInt();
    d.publishedAt = q.value(9).toLongLong();
    d.featured = q.value(10).toBool();
    d.plays = q.value(11).toLongLong();
    d.rowVersion = q.value(12).toLongLong();

    q.prepare(QStringLiteral("SELECT ") + TagRefColumns +
              QStringLiteral(" FROM video_tags vt JOIN tags t ON t.id = vt.tag_id ") + TagRefJoins +
              QStringLiteral(" WHERE vt.video_id = ? ORDER BY CASE grp.kind WHEN 'category' THEN "
                             "CASE grp.code WHEN 'default' THEN 0 WHEN 'character' THEN 1 WHEN "
                             "'item' THEN 2 ELSE 3 END ELSE 4 END, t.name"));
    q.addBindValue(id);
    if (!check(q.exec(), q))
        return std::nullopt;
    while (q.next())
        d.tags.append(tagRef(q));
    return d;
}

std::optional<CatalogueRepository::GameDetail> CatalogueRepository::game(qint64 id)
{
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("SELECT id, name, name_en, aliases, introduction, developer, released, "
                       "status, video_count FROM games WHERE id = ?"));
    q.addBindValue(id);
    if (!check(q.exec(), q) || !q.next())
        return std::nullopt;
    GameDetail d;
    d.id = q.value(0).toLongLong();
    d.name = q.value(1).toString();
    d.nameEn = q.value(2).toString();
    d.aliases = jsonList(q.value(3));
    d.introduction = q.value(4).toString();
    d.developer = q.value(5).toString();
    d.released = q.value(6).toInt();
    d.status = q.value(7).toString();
    d.videos = q.value(8).toLongLong();

    q.prepare(QStringLiteral("SELECT ") + TagRefColumns +
              QStringLiteral(" FROM game_tags gt JOIN tags t ON t.id = gt.tag_id ") + TagRefJoins +
              QStringLiteral(" WHERE gt.game_id = ? ORDER BY grp.position, t.name"));
    q.addBindValue(id);
    if (!check(q.exec(), q))
        return std::nullopt;
    while (q.next())
        d.gameTags.append(tagRef(q));

    q.prepare(QStringLiteral("SELECT ") + TagRefColumns + QStringLiteral(" FROM tags t ") +
              TagRefJoins +
              QStringLiteral(" WHERE grp.kind = 'category' AND grp.game_id = ? "
                             "ORDER BY t.usage_count DESC, t.id"));
    q.addBindValue(id);
    if (!check(q.exec(), q))
        return std::nullopt;
    while (q.next())
        d.libraryTags.append(tagRef(q));

    // Month buckets in the project's time zone (a fixed offset is exact for Asia/Shanghai).
    const int offset =
        Catalogue::Labels::projectTimeZone().offsetFromUtc(QDateTime::currentDateTimeUtc());
    q.prepare(
        QStringLiteral("SELECT strftime('%Y-%m', published_at + ?, 'unixepoch') AS m, count(*) "
                       "FROM videos WHERE game_id = ? GROUP BY m ORDER BY m"));
    q.addBindValue(offset);
    q.addBindValue(id);
    if (!check(q.exec(), q))
        return std::nullopt;
    while (q.next())
        d.videosPerMonth.append({q.value(0).toString(), q.value(1).toLongLong()});
    return d;
}

std::optional<CatalogueRepository::TagDetail> CatalogueRepository::tag(qint64 id)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "SELECT t.id, t.name, t.name_en, t.aliases, t.status, t.usage_count, t.group_id, grp.kind, "
        "grp.code, grp.name, grp.name_en, lib.name, lib.name_en, t.created_at "
        "FROM tags t JOIN tag_groups grp ON grp.id = t.group_id "
        "LEFT JOIN tag_groups lib ON lib.id = grp.parent_id WHERE t.id = ?"));
    q.addBindValue(id);
    if (!check(q.exec(), q) || !q.next())
        return std::nullopt;
    TagDetail d;
    d.id = q.value(0).toLongLong();
    d.name = q.value(1).toString();
    d.nameEn = q.value(2).toString();
    d.aliases = jsonList(q.value(3));
    d.status = q.value(4).toString();
    d.uses = q.value(5).toLongLong();
    d.groupId = q.value(6).toLongLong();
    d.groupKind = q.value(7).toString();
    d.groupCode = q.value(8).toString();
    d.groupName = q.value(9).toString();
    d.groupNameEn = q.value(10).toString();
    d.libraryName = q.value(11).toString();
    d.libraryNameEn = q.value(12).toString();
    d.createdAt = q.value(13).toLongLong();
    if (d.groupKind == QLatin1String("dimension")) {
        q.prepare(QStringLiteral("SELECT g.id, g.name, g.name_en FROM game_tags gt "
                                 "JOIN games g ON g.id = gt.game_id WHERE gt.tag_id = ? "
                                 "ORDER BY g.video_count DESC"));
        q.addBindValue(id);
        if (!check(q.exec(), q))
            return std::nullopt;
        while (q.next())
            d.games.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString()});
    }
    return d;
}

std::optional<CatalogueRepository::ReviewDetail> CatalogueRepository::reviewRequest(qint64 seq)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
                  "SELECT c.seq, c.id, c.kind, c.requested_by, c.requested_at, c.note, c.status, "
                  "coalesce(c.reviewed_by, ''), coalesce(c.reviewed_at, 0), c.review_comment, "
                  "coalesce(g.name, ''), coalesce(%1, ''), %2, c.payload, %3 "
                  "FROM change_requests c LEFT JOIN games g ON g.id = c.game_id WHERE c.seq = ?")
                  .arg(ReviewTableModel::targetExpression(), ReviewTableModel::conflictExpression(),
                       ReviewTableModel::queuedDecisionExpression()));
    q.addBindValue(seq);
    if (!check(q.exec(), q) || !q.next())
        return std::nullopt;
    ReviewDetail d;
    d.seq = q.value(0).toLongLong();
    d.id = q.value(1).toString();
    d.kind = q.value(2).toString();
    d.author = q.value(3).toString();
    d.requestedAt = q.value(4).toLongLong();
    d.note = q.value(5).toString();
    d.status = q.value(6).toString();
    d.reviewer = q.value(7).toString();
    d.reviewedAt = q.value(8).toLongLong();
    d.comment = q.value(9).toString();
    d.gameName = q.value(10).toString();
    d.target = q.value(11).toString();
    d.conflict = q.value(12).toString();
    const QJsonObject payload = QJsonDocument::fromJson(q.value(13).toString().toUtf8()).object();
    d.queued = q.value(14);
    q.finish();

    // Tags added and removed, each with whether the video or game carries it now.
    const bool onVideo = d.kind == QLatin1String("video_tags");
    const qint64 owner =
        payload.value(onVideo ? QStringLiteral("video_id") : QStringLiteral("game_id")).toInteger();
    QSqlQuery tag(m_db);
    tag.prepare(QStringLiteral("SELECT t.name, t.status, EXISTS (SELECT 1 FROM %1 WHERE %2 = ? "
                               "AND tag_id = t.id) FROM tags t WHERE t.id = ?")
                    .arg(onVideo ? QStringLiteral("video_tags") : QStringLiteral("game_tags"),
                         onVideo ? QStringLiteral("video_id") : QStringLiteral("game_id")));
    const auto chips = [&](const QJsonArray &ids) {
        QList<ReviewDetail::Chip> list;
        for (const QJsonValue &v : ids) {
            ReviewDetail::Chip c;
            c.id = v.toInteger();
            tag.addBindValue(owner);
            tag.addBindValue(c.id);
            if (tag.exec() && tag.next()) {
                c.name = tag.value(0).toString();
                c.status = tag.value(1).toString();
                c.present = tag.value(2).toBool();
            } else {
                c.name = QStringLiteral("#%1").arg(c.id);
            }
            list.append(c);
        }
        return list;
    };
    d.added = chips(payload.value(QLatin1String("add")).toArray());
    d.removed = chips(payload.value(QLatin1String("remove")).toArray());
    if (d.kind == QLatin1String("game_create"))
        d.added = chips(payload.value(QLatin1String("tags")).toArray());

    // Fields: before (the cached row) and after (the request).
    const auto text = [](const QJsonValue &v) {
        if (v.isArray()) {
            QStringList items;
            for (const QJsonValue &item : v.toArray())
                items.append(item.toString());
            return items.join(QStringLiteral(", "));
        }
        return v.isDouble() ? QString::number(v.toInteger()) : v.toString();
    };
    QJsonObject before;
    if (d.kind == QLatin1String("tag_update") || d.kind == QLatin1String("game_update")) {
        const bool isTag = d.kind == QLatin1String("tag_update");
        QSqlQuery row(m_db);
        row.prepare(isTag ? QStringLiteral("SELECT json_object('name', name, 'name_en', name_en, "
                                           "'aliases', json(aliases), 'status', status) FROM "
                                           "tags WHERE id = ?")
                          : QStringLiteral("SELECT json_object('name', name, 'name_en', name_en, "
                                           "'aliases', json(aliases), 'introduction', "
                                           "introduction, 'developer', developer, 'released', "
                                           "released, 'status', status) FROM games WHERE id = ?"));
        row.addBindValue(payload.value(isTag ? QStringLiteral("tag_id") : QStringLiteral("game_id"))
                             .toInteger());
        if (row.exec() && row.next())
            before = QJsonDocument::fromJson(row.value(0).toString().toUtf8()).object();
    }
    static const QStringList keys = {QStringLiteral("name"),      QStringLiteral("name_en"),
                                     QStringLiteral("aliases"),   QStringLiteral("introduction"),
                                     QStringLiteral("developer"), QStringLiteral("released"),
                                     QStringLiteral("status")};
    for (const QString &key : keys) {
        if (payload.contains(key))
            d.fields.append({key, text(before.value(key)), text(payload.value(key))});
    }
    if (d.kind == QLatin1String("tag_merge")) {
        QSqlQuery into(m_db);
        into.prepare(QStringLiteral("SELECT name FROM tags WHERE id = ?"));
        into.addBindValue(payload.value(QLatin1String("into")).toInteger());
        d.mergeInto =
            into.exec() && into.next()
                ? into.value(0).toString()
                : QStringLiteral("#%1").arg(payload.value(QLatin1String("into")).toInteger());
    }
    return d;
}

QStringList CatalogueRepository::reviewAuthors()
{
    QSqlQuery q(m_db);
    QStringList authors;
    if (!check(q.exec(QStringLiteral("SELECT DISTINCT requested_by FROM change_requests ORDER BY "
                                     "1")),
               q))
        return authors;
    while (q.next())
        authors.append(q.value(0).toString());
    return authors;
}

int CatalogueRepository::reviewWaiting(const QString &user)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT count(*) FROM change_requests c WHERE c.status = 'pending' "
                             "AND c.requested_by <> ? AND %1 IS NULL")
                  .arg(ReviewTableModel::queuedDecisionExpression()));
    q.addBindValue(user);
    if (!check(q.exec(), q) || !q.next())
        return 0;
    return q.value(0).toInt();
}

std::optional<CatalogueRepository::UserDetail> CatalogueRepository::user(qint64 id)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, nickname, kind, registered_at, channel, platform, "
                             "device_model, os, level, vip, video_count FROM users WHERE id = ?"));
    q.addBindValue(id);
    if (!check(q.exec(), q) || !q.next())
        return std::nullopt;
    UserDetail d;
    d.id = q.value(0).toLongLong();
    d.nickname = q.value(1).toString();
    d.kind = q.value(2).toString();
    d.registeredAt = q.value(3).toLongLong();
    d.channel = q.value(4).toString();
    d.platform = q.value(5).toString();
    d.deviceModel = q.value(6).toString();
    d.os = q.value(7).toString();
    d.level = q.value(8).toInt();
    d.vip = q.value(9).toBool();
    d.videos = q.value(10).toLongLong();
    if (d.videos > 0) {
        q.prepare(QStringLiteral("SELECT id, title, plays FROM videos WHERE uploader_id = ? "
                                 "ORDER BY published_at DESC LIMIT 5"));
        q.addBindValue(id);
        if (!check(q.exec(), q))
            return std::nullopt;
        while (q.next())
            d.recentVideos.append({q.value(0).toLongLong(), q.value(1).toString()});
        q.prepare(QStringLiteral("SELECT total(plays) FROM videos WHERE uploader_id = ?"));
        q.addBindValue(id);
        if (check(q.exec(), q) && q.next())
            d.plays = qint64(q.value(0).toDouble());
    }
    q.prepare(QStringLiteral("SELECT cl.level, cl.progress, cl.stats, coalesce(ll.ladder, '') "
                             "FROM creator_levels cl LEFT JOIN level_ladders ll "
                             "ON ll.version = cl.ladder_version WHERE cl.user_id = ?"));
    q.addBindValue(id);
    if (!check(q.exec(), q))
        return std::nullopt;
    if (q.next()) {
        d.creatorLevel = q.value(0).toInt();
        d.levelProgress = q.value(1).toDouble();
        d.levelStats = q.value(2).toString();
        d.ladder = q.value(3).toString();
    }
    return d;
}

QList<CatalogueRepository::GameRef> CatalogueRepository::games()
{
    QList<GameRef> list;
    QSqlQuery q(m_db);
    if (!check(q.exec(QStringLiteral("SELECT id, name, name_en FROM games ORDER BY name")), q))
        return list;
    while (q.next())
        list.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString()});
    return list;
}

QList<CatalogueRepository::TagRef> CatalogueRepository::allTags()
{
    QList<TagRef> list;
    QSqlQuery q(m_db);
    if (!check(q.exec(QStringLiteral("SELECT ") + TagRefColumns + QStringLiteral(" FROM tags t ") +
                      TagRefJoins + QStringLiteral(" ORDER BY t.usage_count DESC, t.id")),
               q))
        return list;
    while (q.next())
        list.append(tagRef(q));
    return list;
}

std::optional<CatalogueRepository::Totals> CatalogueRepository::totals()
{
    QSqlQuery q(m_db);
    if (!check(q.exec(QStringLiteral(
                   "SELECT (SELECT count(*) FROM videos), (SELECT count(*) FROM games), "
                   "(SELECT count(*) FROM tags), (SELECT count(*) FROM users), "
                   "(SELECT count(*) FROM videos WHERE tag_count = 0)")),
               q) ||
        !q.next())
        return std::nullopt;
    Totals t;
    t.videos = q.value(0).toLongLong();
    t.games = q.value(1).toLongLong();
    t.tags = q.value(2).toLongLong();
    t.users = q.value(3).toLongLong();
    t.untagged = q.value(4).toLongLong();
    return t;
}

bool CatalogueRepository::tagExpression(const QString &text, TagExpression *expression,
                                        TagExpression::Error *error)
{
    return expression->parse(text, error) && expression->resolve(m_db, error);
}

QList<CatalogueRepository::TagRef>
CatalogueRepository::usableTags(qint64 gameId, QHash<qint64, QStringList> *aliases)
{
    QList<TagRef> list;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT ") + TagRefColumns +
              QStringLiteral(", t.aliases FROM tags t ") + TagRefJoins +
              QStringLiteral(" WHERE t.status = 'active' AND (grp.kind = 'general' OR "
                             "(grp.kind = 'category' AND grp.game_id = ?)) ORDER BY "
                             "t.usage_count DESC, t.id"));
    q.addBindValue(gameId);
    if (!check(q.exec(), q))
        return list;
    while (q.next()) {
        list.append(tagRef(q));
        if (aliases) {
            QStringList names;
            for (const QJsonValue &v : QJsonDocument::fromJson(q.value(9).toByteArray()).array())
                names.append(v.toString());
            if (!names.isEmpty())
                aliases->insert(list.last().id, names);
        }
    }
    return list;
}

CatalogueRepository::ChangeState CatalogueRepository::videoChangeState(qint64 videoId)
{
    ChangeState state;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "SELECT state, json_extract(result, '$.status'), last_error, json_extract(result, "
        "'$.review.status'), json_extract(result, '$.review.comment'), json_extract(result, "
        "'$.review.by') FROM outbox WHERE kind = "
        "'video_tags' AND json_extract(payload, '$.video_id') = ? AND state <> 'discarded' "
        "ORDER BY local_tx DESC, op_id DESC LIMIT 1"));
    q.addBindValue(videoId);
    if (!check(q.exec(), q) || !q.next())
        return state;
    const QString s = q.value(0).toString();
    state.detail = q.value(2).toString();
    if (s == QLatin1String("pending") || s == QLatin1String("sent"))
        state.kind = ChangeState::Waiting;
    else if (s == QLatin1String("rejected"))
        state.kind = ChangeState::Rejected;
    else if (s == QLatin1String("conflict"))
        state.kind = ChangeState::Conflict;
    else if (q.value(3).toString() == QLatin1String("approved") ||
             q.value(3).toString() == QLatin1String("rejected")) {
        state.kind = q.value(3).toString() == QLatin1String("approved") ? ChangeState::Approved
                                                                        : ChangeState::Refused;
        state.detail = q.value(4).toString();
        state.reviewer = q.value(5).toString();
    } else if (q.value(1).toString() == QLatin1String("pending"))
        state.kind = ChangeState::PendingApproval;
    else
        state.kind = ChangeState::Applied;
    return state;
}

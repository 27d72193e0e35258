#include "centralloader.h"

#include "centralconnection.h"
#include "copyline.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

#include <libpq-fe.h>

namespace {

const char *const kTableNames[] = {"games", "tag_groups", "tags",      "game_tags",
                                   "users", "videos",     "video_tags"};
const char *const kColumns[] = {
    "id, name, name_en, aliases, introduction, developer, released, status, created_at",
    "id, kind, code, parent_id, game_id, name, name_en, position",
    "id, group_id, name, name_en, aliases, status, created_at",
    "game_id, tag_id",
    "id, nickname, kind, registered_at, channel, platform, device_model, os, level, vip",
    "id, title, game_id, uploader_id, source, duration_s, published_at, featured, plays",
    "video_id, tag_id"};
// Tables with an identity column to move past the loaded ids.
const bool kHasIdentity[] = {true, true, true, false, true, true, false};

constexpr int kFlushBytes = 8 << 20;

} // namespace

CentralLoader::CentralLoader(const QSqlDatabase &db)
    : m_db(db)
{}

CentralLoader::~CentralLoader()
{
    if (m_open)
        rollback();
}

bool CentralLoader::exec(const QString &sql)
{
    QSqlQuery q(m_db);
    if (q.exec(sql))
        return true;
    m_error = CentralConnection::describe(q.lastError());
    return false;
}

bool CentralLoader::begin(const QString &description)
{
    m_description = description;
    if (!CentralConnection::isSuperuser(m_db)) {
        m_error = tr("Loading a catalogue in bulk needs the installer's connection (a "
                     "PostgreSQL superuser).");
        return false;
    }
    if (!exec(QStringLiteral("BEGIN")))
        return false;
    m_open = true;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT EXISTS (SELECT FROM coulisse.games) "
                               "OR EXISTS (SELECT FROM coulisse.videos)")) ||
        !q.next()) {
        m_error = CentralConnection::describe(q.lastError());
        rollback();
        return false;
    }
    if (q.value(0).toBool()) {
        m_error = tr("The central store already has a catalogue; a bulk load goes into an empty "
                     "store only. Nothing was changed.");
        rollback();
        return false;
    }
    // No per-row audit and change-log triggers for the load (one audit row describes it).
    if (!exec(QStringLiteral("SET LOCAL session_replication_role = replica")) ||
        !exec(QStringLiteral("SET LOCAL synchronous_commit = off"))) {
        rollback();
        return false;
    }
    return true;
}

bool CentralLoader::row(Table table, const QByteArray &line)
{
    if (!m_open) {
        m_error = tr("The bulk load has not begun.");
        return false;
    }
    m_buffers[table] += line;
    ++m_rows[table];
    return m_buffers[table].size() < kFlushBytes || flushThrough(table);
}

bool CentralLoader::flushThrough(Table table)
{
    for (int t = 0; t <= table; ++t) {
        if (!m_buffers[t].isEmpty() && !copy(Table(t)))
            return false;
    }
    return true;
}

bool CentralLoader::copy(Table table)
{
    PGconn *conn = CentralConnection::handle(m_db);
    if (!conn) {
        m_error = tr("Not connected to the central store.");
        return false;
    }
    const QByteArray sql =
        QByteArray("COPY coulisse.") + kTableNames[table] + " (" + kColumns[table] + ") FROM STDIN";
    PGresult *res = PQexec(conn, sql.constData());
    const bool started = PQresultStatus(res) == PGRES_COPY_IN;
    if (!started)
        m_error = QString::fromUtf8(PQresultErrorMessage(res)).trimmed();
    PQclear(res);
    if (!started)
        return false;
    const QByteArray &data = m_buffers[table];
    bool sent = PQputCopyData(conn, data.constData(), int(data.size())) == 1;
    sent = PQputCopyEnd(conn, sent ? nullptr : "client failed to send") == 1 && sent;
    bool ok = sent;
    while ((res = PQgetResult(conn))) {
        if (PQresultStatus(res) != PGRES_COMMAND_OK) {
            ok = false;
            m_error = tr("Loading %1 failed: %2")
                          .arg(QString::fromLatin1(kTableNames[table]),
                               QString::fromUtf8(PQresultErrorMessage(res)).trimmed());
        }
        PQclear(res);
    }
    if (!sent && m_error.isEmpty())
        m_error = QString::fromUtf8(PQerrorMessage(conn)).trimmed();
    m_buffers[table].clear();
    return ok;
}

bool CentralLoader::addGame(const Catalogue::Game &g)
{
    CopyLine line;
    line.number(g.id).text(g.name).text(g.nameEn).list(g.aliases).text(g.introduction);
    line.text(g.developer);
    if (g.released > 0)
        line.number(g.released);
    else
        line.null();
    line.text(g.status).time(g.createdAt);
    return row(Games, line.done());
}

bool CentralLoader::addTagGroup(const Catalogue::TagGroup &g)
{
    CopyLine line;
    line.number(g.id).text(g.kind).text(g.code).reference(g.parentId).reference(g.gameId);
    line.text(g.name).text(g.nameEn).number(g.position);
    return row(TagGroups, line.done());
}

bool CentralLoader::addTag(const Catalogue::Tag &t)
{
    CopyLine line;
    line.number(t.id).number(t.groupId).text(t.name).text(t.nameEn).list(t.aliases);
    line.text(t.status).time(t.createdAt);
    return row(Tags, line.done());
}

bool CentralLoader::addGameTag(qint64 gameId, qint64 tagId)
{
    return row(GameTags, CopyLine().number(gameId).number(tagId).done());
}

bool CentralLoader::addUser(const Catalogue::User &u)
{
    CopyLine line;
    line.number(u.id).text(u.nickname).text(u.kind).time(u.registeredAt).text(u.channel);
    line.text(u.platform).text(u.deviceModel).text(u.os).number(u.level).boolean(u.vip);
    return row(Users, line.done());
}

bool CentralLoader::addVideo(const Catalogue::Video &v)
{
    CopyLine line;
    line.number(v.id).text(v.title).number(v.gameId).reference(v.uploaderId).text(v.source);
    line.number(v.durationSeconds).time(v.publishedAt).boolean(v.featured).number(v.plays);
    return row(Videos, line.done());
}

bool CentralLoader::addVideoTag(qint64 videoId, qint64 tagId)
{
    return row(VideoTags, CopyLine().number(videoId).number(tagId).done());
}

bool CentralLoader::commit()
{
    if (!m_open) {
        m_error = tr("The bulk load has not begun.");
        return false;
    }
    if (!flushThrough(VideoTags)) {
        rollback();
        return false;
    }
    for (int t = 0; t < TableCount; ++t) {
        if (!kHasIdentity[t])
            continue;
        const QString table = QString::fromLatin1(kTableNames[t]);
        if (!exec(QStringLiteral("SELECT setval(pg_get_serial_sequence('coulisse.%1', 'id'), "
                                 "coalesce((SELECT max(id) FROM coulisse.%1), 0) + 1, false)")
                      .arg(table))) {
            rollback();
            return false;
        }
    }
    QJsonObject counts;
    for (int t = 0; t < TableCount; ++t)
        counts.insert(QString::fromLatin1(kTableNames[t]), m_rows[t]);
    counts.insert(QStringLiteral("description"), m_description);
    QSqlQuery audit(m_db);
    audit.prepare(QStringLiteral("INSERT INTO coulisse.audit_log (tbl, op, key, after) "
                                 "VALUES ('catalogue', 'BULK LOAD', '{}', ?::jsonb)"));
    audit.addBindValue(QString::fromUtf8(QJsonDocument(counts).toJson(QJsonDocument::Compact)));
    if (!audit.exec()) {
        m_error = CentralConnection::describe(audit.lastError());
        rollback();
        return false;
    }
    // The creators' daily facts (schema 13) are kept by triggers the load bypassed: the next
    // levels refresh builds them again from the tables.
    if (!exec(QStringLiteral("DO $$ BEGIN IF to_regclass('coulisse.level_state') IS NOT NULL THEN "
                             "UPDATE coulisse.level_state SET built = false; END IF; END $$")) ||
        !exec(QStringLiteral("UPDATE coulisse.sync_state SET epoch = epoch + 1")) ||
        !exec(QStringLiteral("COMMIT"))) {
        rollback();
        return false;
    }
    m_open = false;
    // Fresh statistics for the planner: the tables went from empty to full.
    exec(QStringLiteral("ANALYZE coulisse.games, coulisse.tag_groups, coulisse.tags, "
                        "coulisse.game_tags, coulisse.users, coulisse.videos, "
                        "coulisse.video_tags"));
    return true;
}

void CentralLoader::rollback()
{
    if (!m_open)
        return;
    QSqlQuery(m_db).exec(QStringLiteral("ROLLBACK"));
    m_open = false;
    for (QByteArray &buffer : m_buffers)
        buffer.clear();
}

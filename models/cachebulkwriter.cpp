#include "cachebulkwriter.h"

#include "cachedatabase.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <sqlite3.h>

namespace {

const char *const StatementSql[] = {
    "INSERT INTO tag_groups (id, kind, code, parent_id, game_id, name, name_en, position) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    "INSERT INTO tags (id, group_id, name, name_en, aliases, status, created_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    "INSERT INTO games (id, name, name_en, aliases, introduction, developer, released, status, "
    "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    "INSERT INTO game_tags (game_id, tag_id) VALUES (?1, ?2)",
    "INSERT INTO users (id, nickname, kind, registered_at, channel, platform, device_model, os, "
    "level, vip) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    "INSERT INTO videos (id, title, game_id, uploader_id, source, duration_s, published_at, "
    "featured, plays) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    "INSERT INTO video_tags (video_id, tag_id) VALUES (?1, ?2)",
};

void bindText(sqlite3_stmt *s, int index, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    sqlite3_bind_text(s, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
}

void bindOptionalId(sqlite3_stmt *s, int index, qint64 id)
{
    if (id > 0)
        sqlite3_bind_int64(s, index, id);
    else
        sqlite3_bind_null(s, index);
}

QString aliasesJson(const QStringList &aliases)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(aliases)).toJson(QJsonDocument::Compact));
}

} // namespace

CacheBulkWriter::CacheBulkWriter(CacheDatabase &cache)
    : m_cache(cache)
{}

CacheBulkWriter::~CacheBulkWriter()
{
    if (m_active)
        abort();
}

bool CacheBulkWriter::begin()
{
    if (!m_cache.beginBulkLoad()) {
        m_error = m_cache.errorString();
        return false;
    }
    m_active = true;
    for (int i = 0; i < StatementCount; ++i) {
        if (sqlite3_prepare_v3(m_cache.handle(), StatementSql[i], -1, SQLITE_PREPARE_PERSISTENT,
                               &m_statements[i], nullptr) != SQLITE_OK) {
            m_error = QString::fromUtf8(sqlite3_errmsg(m_cache.handle()));
            abort();
            return false;
        }
    }
    return true;
}

void CacheBulkWriter::finalizeAll()
{
    for (auto &s : m_statements) {
        sqlite3_finalize(s);
        s = nullptr;
    }
}

bool CacheBulkWriter::finish()
{
    finalizeAll();
    m_active = false;
    if (!m_cache.finishBulkLoad()) {
        m_error = m_cache.errorString();
        return false;
    }
    return true;
}

void CacheBulkWriter::abort()
{
    finalizeAll();
    if (m_active)
        m_cache.rollback();
    m_active = false;
}

bool CacheBulkWriter::step(Statement which)
{
    sqlite3_stmt *s = m_statements[which];
    const int rc = sqlite3_step(s);
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    if (rc != SQLITE_DONE) {
        m_error = tr("Cannot write to the cache: %1")
                      .arg(QString::fromUtf8(sqlite3_errmsg(m_cache.handle())));
        return false;
    }
    return true;
}

bool CacheBulkWriter::addTagGroup(const Catalogue::TagGroup &g)
{
    sqlite3_stmt *s = m_statements[TagGroupStmt];
    sqlite3_bind_int64(s, 1, g.id);
    bindText(s, 2, g.kind);
    bindText(s, 3, g.code);
    bindOptionalId(s, 4, g.parentId);
    bindOptionalId(s, 5, g.gameId);
    bindText(s, 6, g.name);
    bindText(s, 7, g.nameEn);
    sqlite3_bind_int(s, 8, g.position);
    return step(TagGroupStmt);
}

bool CacheBulkWriter::addTag(const Catalogue::Tag &t)
{
    sqlite3_stmt *s = m_statements[TagStmt];
    sqlite3_bind_int64(s, 1, t.id);
    sqlite3_bind_int64(s, 2, t.groupId);
    bindText(s, 3, t.name);
    bindText(s, 4, t.nameEn);
    bindText(s, 5, aliasesJson(t.aliases));
    bindText(s, 6, t.status);
    sqlite3_bind_int64(s, 7, t.createdAt);
    return step(TagStmt);
}

bool CacheBulkWriter::addGame(const Catalogue::Game &g)
{
    sqlite3_stmt *s = m_statements[GameStmt];
    sqlite3_bind_int64(s, 1, g.id);
    bindText(s, 2, g.name);
    bindText(s, 3, g.nameEn);
    bindText(s, 4, aliasesJson(g.aliases));
    bindText(s, 5, g.introduction);
    bindText(s, 6, g.developer);
    if (g.released > 0)
        sqlite3_bind_int(s, 7, g.released);
    else
        sqlite3_bind_null(s, 7);
    bindText(s, 8, g.status);
    sqlite3_bind_int64(s, 9, g.createdAt);
    return step(GameStmt);
}

bool CacheBulkWriter::addGameTag(qint64 gameId, qint64 tagId)
{
    sqlite3_stmt *s = m_statements[GameTagStmt];
    sqlite3_bind_int64(s, 1, gameId);
    sqlite3_bind_int64(s, 2, tagId);
    return step(GameTagStmt);
}

bool CacheBulkWriter::addUser(const Catalogue::User &u)
{
    sqlite3_stmt *s = m_statements[UserStmt];
    sqlite3_bind_int64(s, 1, u.id);
    bindText(s, 2, u.nickname);
    bindText(s, 3, u.kind);
    sqlite3_bind_int64(s, 4, u.registeredAt);
    bindText(s, 5, u.channel);
    bindText(s, 6, u.platform);
    bindText(s, 7, u.deviceModel);
    bindText(s, 8, u.os);
    sqlite3_bind_int(s, 9, u.level);
    sqlite3_bind_int(s, 10, u.vip ? 1 : 0);
    return step(UserStmt);
}

bool CacheBulkWriter::addVideo(const Catalogue::Video &v)
{
    sqlite3_stmt *s = m_statements[VideoStmt];
    sqlite3_bind_int64(s, 1, v.id);
    bindText(s, 2, v.title);
    sqlite3_bind_int64(s, 3, v.gameId);
    bindOptionalId(s, 4, v.uploaderId);
    bindText(s, 5, v.source);
    sqlite3_bind_int(s, 6, v.durationSeconds);
    sqlite3_bind_int64(s, 7, v.publishedAt);
    sqlite3_bind_int(s, 8, v.featured ? 1 : 0);
    sqlite3_bind_int64(s, 9, v.plays);
    return step(VideoStmt);
}

bool CacheBulkWriter::addVideoTag(qint64 videoId, qint64 tagId)
{
    sqlite3_stmt *s = m_statements[VideoTagStmt];
    sqlite3_bind_int64(s, 1, videoId);
    sqlite3_bind_int64(s, 2, tagId);
    return step(VideoTagStmt);
}

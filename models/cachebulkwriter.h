#pragma once

#include "catalogue.h"

#include <QCoreApplication>

class CacheDatabase;
struct sqlite3_stmt;

/// Writes catalogue rows into a cache through SQLite's C API, inside one bulk-load
/// transaction (derived triggers off, rebuilt once at the end). Nothing is visible to other
/// connections until finish(); abort() or a failure leaves the cache as it was.
class CacheBulkWriter : public Catalogue::Sink
{
    Q_DECLARE_TR_FUNCTIONS(CacheBulkWriter)

public:
    explicit CacheBulkWriter(CacheDatabase &cache);
    ~CacheBulkWriter() override;

    bool begin();
    bool finish();
    void abort();

    bool addTagGroup(const Catalogue::TagGroup &group) override;
    bool addTag(const Catalogue::Tag &tag) override;
    bool addGame(const Catalogue::Game &game) override;
    bool addGameTag(qint64 gameId, qint64 tagId) override;
    bool addUser(const Catalogue::User &user) override;
    bool addVideo(const Catalogue::Video &video) override;
    bool addVideoTag(qint64 videoId, qint64 tagId) override;
    QString errorString() const override { return m_error; }

private:
    enum Statement {
        TagGroupStmt,
        TagStmt,
        GameStmt,
        GameTagStmt,
        UserStmt,
        VideoStmt,
        VideoTagStmt,
        StatementCount
    };
    bool step(Statement which);
    void finalizeAll();

    CacheDatabase &m_cache;
    sqlite3_stmt *m_statements[StatementCount] = {};
    bool m_active = false;
    QString m_error;
};

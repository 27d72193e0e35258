#pragma once

#include "catalogue.h"

#include <QByteArray>
#include <QSqlDatabase>

/// Bulk-loads catalogue rows into the central store with COPY (through libpq on the QPSQL
/// connection), in one transaction.
///
/// Rows are buffered per table and sent in dependency order, so that a row never arrives
/// before the rows it refers to. The load runs with session_replication_role = replica (no
/// per-row audit or change-log triggers: it needs the installer's superuser connection) and
/// leaves one audit row describing the load; it bumps the sync epoch so that every client
/// copies its scope again.
class CentralLoader : public Catalogue::Sink
{
    Q_DECLARE_TR_FUNCTIONS(CentralLoader)

public:
    explicit CentralLoader(const QSqlDatabase &db);
    ~CentralLoader() override;

    /// Starts the transaction; refuses a store that already has a catalogue.
    bool begin(const QString &description);
    /// Sends what is buffered, moves the id sequences past the loaded ids, writes the audit
    /// row and commits.
    bool commit();
    /// Rolls everything back (also done by the destructor when not committed).
    void rollback();

    bool addTagGroup(const Catalogue::TagGroup &group) override;
    bool addTag(const Catalogue::Tag &tag) override;
    bool addGame(const Catalogue::Game &game) override;
    bool addGameTag(qint64 gameId, qint64 tagId) override;
    bool addUser(const Catalogue::User &user) override;
    bool addVideo(const Catalogue::Video &video) override;
    bool addVideoTag(qint64 videoId, qint64 tagId) override;
    QString errorString() const override { return m_error; }

private:
    enum Table { Games, TagGroups, Tags, GameTags, Users, Videos, VideoTags, TableCount };

    bool exec(const QString &sql);
    bool row(Table table, const QByteArray &line);
    bool flushThrough(Table table);
    bool copy(Table table);

    QSqlDatabase m_db;
    QByteArray m_buffers[TableCount];
    qint64 m_rows[TableCount] = {};
    bool m_open = false;
    QString m_description;
    QString m_error;
};

#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QStringList>

#include <functional>

class QIODevice;
class QSqlError;

/// The central store's audit log (coulisse.audit_log): every change of an audited table with
/// who made it, when, in which transaction, and the row before and after. Read online, newest
/// first, in keyset pages; what a user may read is the database's decision (editors their own
/// changes, supervisors and admins everything, product managers nothing).
class AuditLog
{
    Q_DECLARE_TR_FUNCTIONS(AuditLog)

public:
    struct Entry
    {
        qint64 id = 0;
        QDateTime at;
        QString actor;
        QString table;
        QString op; ///< INSERT, UPDATE, DELETE, BULK LOAD
        QString txid;
        QJsonObject key;
        QJsonObject before;
        QJsonObject after;
    };

    /// One video, tag, game, user, staff member or change request, with its links (a
    /// video's tags, a tag's and a game's game_tags, a game's tag groups).
    struct Object
    {
        QString kind; ///< video, tag, game, user, staff, request; empty: any
        QString id;
        bool isSet() const { return !kind.isEmpty() && !id.isEmpty(); }
        bool operator==(const Object &o) const { return kind == o.kind && id == o.id; }
    };

    struct Filter
    {
        QString actor;
        QString table;
        QDateTime from; ///< inclusive; invalid: no bound
        QDateTime to;   ///< exclusive; invalid: no bound
        Object object;
        bool operator==(const Filter &o) const
        {
            return actor == o.actor && table == o.table && from == o.from && to == o.to &&
                   object == o.object;
        }
        bool operator!=(const Filter &o) const { return !(*this == o); }
        bool isEmpty() const { return *this == Filter(); }
    };

    /// The audited tables, in the order the UI lists them.
    static QStringList tables();
    static QString tableLabel(const QString &table);
    static QStringList objectKinds();
    static QString objectKindLabel(const QString &kind);
    static QString operationLabel(const QString &op);
    /// "Video 12", "Video 12 · tag 7", "editor · video_tags", for people.
    static QString objectLabel(const Entry &entry);
    /// The fields whose value differs between before and after (bookkeeping columns left out).
    static QStringList changedFields(const Entry &entry);
    /// One line: "title: old → new; status: pending → approved", or what was added/removed.
    static QString summary(const Entry &entry);
    /// A JSON value as people read it (strings bare, null as "—", arrays comma-separated).
    static QString displayValue(const QJsonValue &value);

    /// Reads up to \a limit entries matching \a filter with an id below \a beforeId (0: the
    /// newest), newest first.
    static bool fetch(const QSqlDatabase &db, const Filter &filter, qint64 beforeId, int limit,
                      QList<Entry> *entries, QString *error);
    /// Writes every entry matching \a filter as CSV (UTF-8 with BOM; id, at in ISO 8601 UTC,
    /// actor, table, operation, object, changed fields, key, before, after as JSON), streaming.
    /// \a progress is called every 10,000 rows with the count so far; returning false stops
    /// (the export fails as cancelled).
    static bool exportCsv(const QSqlDatabase &db, const Filter &filter, QIODevice *out,
                          qint64 *rows, QString *error,
                          const std::function<bool(qint64)> &progress = {});
    /// The staff members whose changes the connection may read (for the person filter).
    static bool actors(const QSqlDatabase &db, QStringList *names, QString *error);

private:
    static QString whereClause(const Filter &filter, QVariantList *values);
    static Entry entryFrom(const QVariantList &row);
    /// A failed read for people: a refusal says so, anything else the server's message.
    static QString readError(const QSqlError &error);
};

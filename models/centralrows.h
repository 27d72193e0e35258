#pragma once

#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <map>
#include <memory>

/// The synced tables as both sides hold them. Central rows arrive as JSON (pull_changes'
/// to_jsonb) or as typed columns (the initial copy); the cache stores times as Unix seconds,
/// booleans as 0/1 and JSON arrays as compact text. One description serves the copy's
/// SELECT, the conversion of pulled rows and the cache's upserts.
class CentralRows
{
public:
    enum class Type { Int, Text, Json, Time, Bool };

    struct Column
    {
        QString name;
        Type type;
    };

    struct Table
    {
        QString name;
        QList<Column> columns;
        QString key1;
        QString key2; ///< empty for tables with one key column
        bool hasRowVersion;
    };

    /// In copy order (parents first).
    static const QList<Table> &tables();
    static const Table *table(const QString &name);

    /// The central SELECT list that yields the cache's representation, column by column.
    static QString centralSelectList(const Table &table);
    /// The cache's INSERT ... VALUES list: json(?) for JSON columns, ? otherwise.
    static QString cachePlaceholders(const Table &table);

    /// A central JSON value in the cache's representation.
    static QVariant cacheValue(Type type, const QJsonValue &value);
    /// Whether a value the cache holds equals an incoming one (both in the cache's
    /// representation).
    static bool sameValue(Type type, const QVariant &held, const QVariant &incoming);
    /// "2024-05-01T12:00:00.123456+02:00" -> Unix seconds (fraction dropped).
    static qint64 unixSeconds(const QString &isoTime, bool *ok = nullptr);

    /// Writes central rows into the cache, inside the caller's transaction.
    class Writer
    {
    public:
        explicit Writer(const QSqlDatabase &db);
        ~Writer();
        /// Inserts or updates the row; an existing row is updated only when the incoming
        /// row_version is greater, or always with \a force (a row refreshed from central),
        /// and only in the columns whose value changed.
        bool upsert(const QString &table, const QJsonObject &row, bool force, QString *error);
        /// Deletes the row and what depends on it (a game's library, a group's tags).
        bool remove(const QString &table, qint64 key1, qint64 key2, QString *error);
        /// Deletes a game and everything of it: its videos and their tags, its library.
        bool removeGame(qint64 gameId, QString *error);

    private:
        struct Statements
        {
            QString insert;
            QString select;
            qsizetype key = 0;
            qsizetype version = -1;
        };
        const Statements &statements(const Table &table);
        QSqlQuery &prepared(const QString &sql);
        bool run(const QString &sql, const QVariantList &values, QString *error);

        QSqlDatabase m_db;
        std::map<QString, std::unique_ptr<QSqlQuery>> m_queries;
        std::map<QString, Statements> m_statements;
    };
};

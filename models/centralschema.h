#pragma once

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QStringList>

/// The central store's schema: versioned SQL migrations embedded as resources
/// (resources/sql/central/NNNN_name.sql) and the runner that applies them.
///
/// Each migration runs in one transaction under an advisory lock, as the installer (a
/// superuser: migrations create roles and hand objects to the non-login owner role). Running
/// again is a no-op; a store whose schema is newer than this build is refused untouched.
class CentralSchema
{
    Q_DECLARE_TR_FUNCTIONS(CentralSchema)

public:
    struct Migration
    {
        int version = 0;
        QString name;
        QString resource;
    };

    /// The embedded migrations in order.
    static QList<Migration> migrations();
    /// The highest embedded version.
    static int latestVersion();

    /// The store's schema version: 0 for a database without Coulisse's schema, -1 with
    /// \a error set when it cannot be read.
    static int version(const QSqlDatabase &db, QString *error);

    struct Result
    {
        bool ok = false;
        int fromVersion = 0;
        int toVersion = 0;
        QStringList applied; ///< "0001 central", ...
        QString error;
    };

    /// Brings \a db to the latest version.
    static Result migrate(const QSqlDatabase &db);

    /// Creates the database named in \a conninfo when it does not exist (connecting to the
    /// "postgres" database with the same credentials). Sets \a created accordingly.
    static bool createDatabaseIfMissing(const QString &conninfo, bool *created, QString *error);
};

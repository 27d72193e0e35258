#pragma once

#include <QCoreApplication>
#include <QMap>
#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

typedef struct pg_conn PGconn;

/// Connections to the central PostgreSQL store.
///
/// Connection strings follow libpq: a URI (postgresql://user@host:port/db?sslmode=verify-full)
/// or key=value pairs (host=/run/pg dbname=coulisse). What the string leaves out comes from
/// libpq's own sources: PGHOST, PGUSER, PGPASSWORD, ~/.pgpass, service files.
class CentralConnection
{
    Q_DECLARE_TR_FUNCTIONS(CentralConnection)

public:
    /// Parses \a conninfo with libpq's parser. False with \a error set on a malformed string
    /// or an unknown keyword.
    static bool parse(const QString &conninfo, QMap<QString, QString> *params, QString *error);

    /// Opens a QPSQL connection named \a name (replacing one of that name). \a password, when
    /// not empty, overrides the string's. Returns an invalid-but-named database that is not
    /// open, with \a error set, on failure.
    static QSqlDatabase open(const QString &conninfo, const QString &name, QString *error,
                             const QString &password = {});
    /// Closes and removes the connection \a name.
    static void close(const QString &name);

    /// The same parameters with a different database (e.g. "postgres" to create one).
    static QString withDatabase(const QString &conninfo, const QString &database);

    /// SQLSTATE of an error from QPSQL ("42501"), empty when there is none.
    static QString sqlState(const QSqlError &error);
    /// The server's message (first line) followed by the SQLSTATE, for people.
    static QString describe(const QSqlError &error);
    /// A refusal by permissions or row-level security (SQLSTATE 42501).
    static bool isDenied(const QSqlError &error);

    /// libpq's connection behind an open QPSQL connection (for COPY and password hashing).
    static PGconn *handle(const QSqlDatabase &db);

    /// SCRAM-SHA-256 verifier of \a password for \a user, computed by libpq on the client so
    /// that the clear password never reaches the server. Empty with \a error set on failure.
    static QByteArray encryptPassword(const QSqlDatabase &db, const QString &user,
                                      const QString &password, QString *error);

    /// Runs a script of several statements (a migration) through libpq, which stops at the
    /// first failing statement. QPSQL would report only the first statement's result. False
    /// with \a error set (the server's message, the line of the script and its SQLSTATE).
    static bool execScript(const QSqlDatabase &db, const QString &script, QString *error);

    /// Is the session user a superuser (the installer)?
    static bool isSuperuser(const QSqlDatabase &db);
};

#include "centralschema.h"

#include "centralconnection.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace {

// pg_advisory_xact_lock key: "Coul" as in the cache's application id.
const qint64 kMigrationLock = 0x436F756C;

QString migrationError(const QSqlQuery &q)
{
    return CentralConnection::describe(q.lastError());
}

} // namespace

QList<CentralSchema::Migration> CentralSchema::migrations()
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})_([a-z0-9_]+)\\.sql$"));
    QList<Migration> result;
    const QDir dir(QStringLiteral(":/sql/central"));
    const QStringList files = dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        const QRegularExpressionMatch m = pattern.match(file);
        if (!m.hasMatch())
            continue;
        result.append({m.captured(1).toInt(), m.captured(2), dir.filePath(file)});
    }
    return result;
}

int CentralSchema::latestVersion()
{
    const QList<Migration> all = migrations();
    return all.isEmpty() ? 0 : all.last().version;
}

int CentralSchema::version(const QSqlDatabase &db, QString *error)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT to_regclass('coulisse.schema_migrations') IS NOT NULL")) ||
        !q.next()) {
        *error = migrationError(q);
        return -1;
    }
    if (!q.value(0).toBool())
        return 0;
    if (!q.exec(
            QStringLiteral("SELECT coalesce(max(version), 0) FROM coulisse.schema_migrations")) ||
        !q.next()) {
        *error = migrationError(q);
        return -1;
    }
    return q.value(0).toInt();
}

CentralSchema::Result CentralSchema::migrate(const QSqlDatabase &db)
{
    Result result;
    if (!CentralConnection::isSuperuser(db)) {
        result.error = tr("Setting up or migrating the central store needs the installer's "
                          "connection (a PostgreSQL superuser): it creates the Coulisse roles "
                          "and hands every object to the owner role.");
        return result;
    }
    const QList<Migration> all = migrations();
    const int latest = latestVersion();
    result.fromVersion = -1;
    for (;;) {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("BEGIN"))) {
            result.error = migrationError(q);
            return result;
        }
        auto fail = [&](const QString &message) {
            QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
            result.error = message;
            return result;
        };
        // Concurrent installers wait for each other instead of applying a migration twice.
        q.prepare(QStringLiteral("SELECT pg_advisory_xact_lock(?)"));
        q.addBindValue(kMigrationLock);
        if (!q.exec())
            return fail(migrationError(q));
        QString error;
        const int current = version(db, &error);
        if (current < 0)
            return fail(error);
        if (result.fromVersion < 0)
            result.fromVersion = current;
        result.toVersion = current;
        if (current > latest) {
            return fail(tr("The central store has schema version %1, newer than this Coulisse "
                           "(%2): update Coulisse. Nothing was changed.")
                            .arg(current)
                            .arg(latest));
        }
        const auto next = std::find_if(all.cbegin(), all.cend(), [current](const Migration &m) {
            return m.version > current;
        });
        if (next == all.cend()) {
            QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
            result.ok = true;
            return result;
        }
        QFile file(next->resource);
        if (!file.open(QIODevice::ReadOnly))
            return fail(tr("Cannot read the embedded migration %1.").arg(next->resource));
        const QString sql = QString::fromUtf8(file.readAll());
        if (!CentralConnection::execScript(db, sql, &error)) {
            return fail(tr("Migration %1 (%2) failed: %3")
                            .arg(next->version, 4, 10, QLatin1Char('0'))
                            .arg(next->name, error));
        }
        QSqlQuery record(db);
        record.prepare(
            QStringLiteral("INSERT INTO coulisse.schema_migrations (version, name) VALUES (?, ?)"));
        record.addBindValue(next->version);
        record.addBindValue(next->name);
        if (!record.exec())
            return fail(migrationError(record));
        QSqlQuery commit(db);
        if (!commit.exec(QStringLiteral("COMMIT")))
            return fail(migrationError(commit));
        result.toVersion = next->version;
        result.applied.append(
            QStringLiteral("%1 %2").arg(next->version, 4, 10, QLatin1Char('0')).arg(next->name));
    }
}

bool CentralSchema::createDatabaseIfMissing(const QString &conninfo, bool *created, QString *error)
{
    *created = false;
    QMap<QString, QString> params;
    if (!CentralConnection::parse(conninfo, &params, error))
        return false;
    QString database = params.value(QStringLiteral("dbname"));
    const QString name = QStringLiteral("coulisse-create-") + QUuid::createUuid().toString();
    bool ok = false;
    {
        QSqlDatabase db = CentralConnection::open(
            CentralConnection::withDatabase(conninfo, QStringLiteral("postgres")), name, error);
        if (db.isOpen()) {
            QSqlQuery q(db);
            if (database.isEmpty() && q.exec(QStringLiteral("SELECT session_user")) && q.next())
                database = q.value(0).toString(); // libpq's default: the user's name
            q.prepare(QStringLiteral("SELECT 1 FROM pg_catalog.pg_database WHERE datname = ?"));
            q.addBindValue(database);
            if (!q.exec()) {
                *error = CentralConnection::describe(q.lastError());
            } else if (q.next()) {
                ok = true;
            } else {
                // Identifiers cannot be bound: quote through the server.
                QSqlQuery quote(db);
                quote.prepare(QStringLiteral("SELECT format('CREATE DATABASE %I', ?::text)"));
                quote.addBindValue(database);
                if (quote.exec() && quote.next() && q.exec(quote.value(0).toString())) {
                    ok = true;
                    *created = true;
                } else {
                    *error = tr("Cannot create the database \"%1\": %2")
                                 .arg(database, CentralConnection::describe(
                                                    q.lastError().isValid() ? q.lastError()
                                                                            : quote.lastError()));
                }
            }
        }
    }
    CentralConnection::close(name);
    return ok;
}

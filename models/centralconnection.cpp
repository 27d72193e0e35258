#include "centralconnection.h"

#include <QSqlDriver>
#include <QSqlQuery>
#include <QVariant>

#include <libpq-fe.h>

namespace {

// Connection parameters that QSqlDatabase carries itself; the rest go to connect options.
const char *const kHost = "host";
const char *const kPort = "port";
const char *const kDatabase = "dbname";
const char *const kUser = "user";
const char *const kPassword = "password";

QString quoted(QString value)
{
    value.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    value.replace(QLatin1Char('\''), QLatin1String("\\'"));
    return QLatin1Char('\'') + value + QLatin1Char('\'');
}

} // namespace

bool CentralConnection::parse(const QString &conninfo, QMap<QString, QString> *params,
                              QString *error)
{
    params->clear();
    char *message = nullptr;
    PQconninfoOption *options = PQconninfoParse(conninfo.toUtf8().constData(), &message);
    if (!options) {
        *error = tr("The connection string is not valid: %1")
                     .arg(message ? QString::fromUtf8(message).trimmed() : tr("out of memory"));
        PQfreemem(message);
        return false;
    }
    for (PQconninfoOption *o = options; o->keyword; ++o) {
        if (o->val)
            params->insert(QString::fromUtf8(o->keyword), QString::fromUtf8(o->val));
    }
    PQconninfoFree(options);
    return true;
}

QSqlDatabase CentralConnection::open(const QString &conninfo, const QString &name, QString *error,
                                     const QString &password)
{
    close(name);
    QMap<QString, QString> params;
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    if (!db.isValid()) {
        *error = tr("The PostgreSQL driver of Qt (QPSQL) is not installed.");
        return db;
    }
    if (!parse(conninfo, &params, error))
        return db;
    if (!password.isEmpty())
        params.insert(QString::fromLatin1(kPassword), password);
    db.setHostName(params.take(QString::fromLatin1(kHost)));
    db.setDatabaseName(params.take(QString::fromLatin1(kDatabase)));
    db.setUserName(params.take(QString::fromLatin1(kUser)));
    db.setPassword(params.take(QString::fromLatin1(kPassword)));
    const QString port = params.take(QString::fromLatin1(kPort));
    if (!port.isEmpty()) {
        bool ok = false;
        const int number = port.toInt(&ok);
        if (!ok || number <= 0 || number > 65535) {
            *error = tr("The port \"%1\" is not a number between 1 and 65535.").arg(port);
            return db;
        }
        db.setPort(number);
    }
    QStringList options;
    for (auto it = params.cbegin(); it != params.cend(); ++it) {
        // QPSQL turns ';' into spaces in its connect options.
        if (it.value().contains(QLatin1Char(';'))) {
            *error = tr("The value of \"%1\" contains a semicolon, which the Qt PostgreSQL "
                        "driver cannot pass on.")
                         .arg(it.key());
            return db;
        }
        options.append(it.key() + QLatin1Char('=') + quoted(it.value()));
    }
    if (!options.contains(QStringLiteral("application_name"), Qt::CaseSensitive))
        options.append(QStringLiteral("application_name='coulisse'"));
    db.setConnectOptions(options.join(QLatin1Char(';')));
    if (!db.open()) {
        *error = tr("Cannot connect to the central store: %1")
                     .arg(db.lastError().databaseText().trimmed().isEmpty()
                              ? db.lastError().text()
                              : db.lastError().databaseText().trimmed());
        return db;
    }
    // Times travel as UTC; the client shows them in the project's time zone.
    QSqlQuery(db).exec(QStringLiteral("SET TIME ZONE 'UTC'"));
    return db;
}

void CentralConnection::close(const QString &name)
{
    if (!QSqlDatabase::contains(name))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

QString CentralConnection::withDatabase(const QString &conninfo, const QString &database)
{
    QMap<QString, QString> params;
    QString error;
    if (!parse(conninfo, &params, &error))
        return conninfo;
    params.insert(QString::fromLatin1(kDatabase), database);
    QStringList parts;
    for (auto it = params.cbegin(); it != params.cend(); ++it)
        parts.append(it.key() + QLatin1Char('=') + quoted(it.value()));
    return parts.join(QLatin1Char(' '));
}

QString CentralConnection::sqlState(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    return code.size() == 5 ? code : QString();
}

QString CentralConnection::describe(const QSqlError &error)
{
    QString text = error.databaseText().trimmed();
    if (text.isEmpty())
        text = error.text().trimmed();
    // QPSQL appends "(SQLSTATE)" on some paths; keep the first line of the server's message.
    text = text.section(QLatin1Char('\n'), 0, 0);
    if (text.startsWith(QLatin1String("ERROR:")))
        text = text.mid(6).trimmed();
    const QString state = sqlState(error);
    return state.isEmpty() ? text : tr("%1 (SQLSTATE %2)").arg(text, state);
}

bool CentralConnection::isDenied(const QSqlError &error)
{
    return sqlState(error) == QLatin1String("42501");
}

PGconn *CentralConnection::handle(const QSqlDatabase &db)
{
    if (!db.isOpen() || !db.driver())
        return nullptr;
    const QVariant v = db.driver()->handle();
    // Qt names the type after libpq's struct ("pg_conn*") or its typedef ("PGconn*").
    if (!v.isValid() ||
        (qstrcmp(v.typeName(), "PGconn*") != 0 && qstrcmp(v.typeName(), "pg_conn*") != 0))
        return nullptr;
    return *static_cast<PGconn *const *>(v.constData());
}

QByteArray CentralConnection::encryptPassword(const QSqlDatabase &db, const QString &user,
                                              const QString &password, QString *error)
{
    PGconn *conn = handle(db);
    if (!conn) {
        *error = tr("Not connected to the central store.");
        return {};
    }
    if (password.isEmpty()) {
        *error = tr("The password is empty.");
        return {};
    }
    char *hashed = PQencryptPasswordConn(conn, password.toUtf8().constData(),
                                         user.toUtf8().constData(), "scram-sha-256");
    if (!hashed) {
        *error = tr("Cannot hash the password: %1")
                     .arg(QString::fromUtf8(PQerrorMessage(conn)).trimmed());
        return {};
    }
    const QByteArray result(hashed);
    PQfreemem(hashed);
    return result;
}

bool CentralConnection::isSuperuser(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    return q.exec(QStringLiteral(
               "SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = session_user")) &&
           q.next() && q.value(0).toBool();
}

bool CentralConnection::execScript(const QSqlDatabase &db, const QString &script, QString *error)
{
    PGconn *conn = handle(db);
    if (!conn) {
        *error = tr("Not connected to the central store.");
        return false;
    }
    const QByteArray utf8 = script.toUtf8();
    PGresult *result = PQexec(conn, utf8.constData());
    const ExecStatusType status = PQresultStatus(result);
    const bool ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
    if (!ok) {
        QString message = QString::fromUtf8(PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY));
        if (message.isEmpty())
            message = QString::fromUtf8(PQerrorMessage(conn)).trimmed();
        // The statement's position (in characters) gives the line of the script.
        const int position =
            QByteArray(PQresultErrorField(result, PG_DIAG_STATEMENT_POSITION)).toInt();
        if (position > 0)
            message += tr(" (line %1)").arg(script.left(position).count(QLatin1Char('\n')) + 1);
        const QString context = QString::fromUtf8(PQresultErrorField(result, PG_DIAG_CONTEXT));
        if (!context.isEmpty())
            message +=
                QStringLiteral(" [") + context.section(QLatin1Char('\n'), 0, 0) + QLatin1Char(']');
        const QString state = QString::fromLatin1(PQresultErrorField(result, PG_DIAG_SQLSTATE));
        *error = state.isEmpty() ? message : tr("%1 (SQLSTATE %2)").arg(message, state);
    }
    PQclear(result);
    return ok;
}

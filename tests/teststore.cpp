#include "teststore.h"

#include "centralconnection.h"
#include "centralschema.h"
#include "centralstaff.h"
#include "privatepostgres.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>

namespace {

QString randomToken(int length)
{
    const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    QString token;
    for (int i = 0; i < length; ++i)
        token.append(QLatin1Char(alphabet[QRandomGenerator::global()->bounded(36)]));
    return token;
}

} // namespace

TestStore::TestStore(const QString &label)
    : m_label(label)
    , m_token(QStringLiteral("t") + randomToken(5))
    , m_database(QStringLiteral("test_%1_%2").arg(label, m_token))
    , m_password(randomToken(16))
{}

TestStore::~TestStore()
{
    for (const QString &name : std::as_const(m_connections))
        CentralConnection::close(name);
    const QString admin = QStringLiteral("teststore-admin-") + m_token;
    QString error;
    {
        QSqlDatabase db = CentralConnection::open(
            PrivatePostgres(serverDirectory()).connectionString(QStringLiteral("postgres")), admin,
            &error);
        if (db.isOpen()) {
            QSqlQuery q(db);
            q.exec(QStringLiteral("DROP DATABASE IF EXISTS \"%1\" WITH (FORCE)").arg(m_database));
            for (const QString &role : std::as_const(m_roles))
                q.exec(QStringLiteral("DROP ROLE IF EXISTS \"%1\"").arg(role));
        }
    }
    CentralConnection::close(admin);
}

QString TestStore::serverDirectory()
{
    return qEnvironmentVariable("COULISSE_TEST_PG_DIR");
}

QString TestStore::create(bool migrate)
{
    if (serverDirectory().isEmpty())
        return QStringLiteral("COULISSE_TEST_PG_DIR is not set: run the test through ctest "
                              "(its fixture starts the private PostgreSQL).");
    bool created = false;
    QString error;
    if (!CentralSchema::createDatabaseIfMissing(conninfo(), &created, &error))
        return error;
    if (!migrate)
        return {};
    const CentralSchema::Result result = CentralSchema::migrate(installer());
    return result.ok ? QString() : result.error;
}

QString TestStore::conninfo(const QString &user) const
{
    return PrivatePostgres(serverDirectory()).connectionString(m_database, user);
}

QSqlDatabase TestStore::installer()
{
    const QString name = QStringLiteral("installer-") + m_token;
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase db = QSqlDatabase::database(name);
        if (db.isOpen())
            return db;
    }
    QString error;
    QSqlDatabase db = CentralConnection::open(conninfo(), name, &error);
    if (!db.isOpen())
        qWarning("installer connection failed: %s", qPrintable(error));
    m_connections.append(name);
    return db;
}

QString TestStore::addStaff(const QString &name, const QString &role, QString *error)
{
    const QString roleName = m_token + QLatin1Char('_') + name;
    CentralStaff staff(installer());
    if (!staff.add(roleName, role, m_password)) {
        *error = staff.errorString();
        return {};
    }
    m_roles.append(roleName);
    return roleName;
}

QSqlDatabase TestStore::login(const QString &roleName, QString *error,
                              const QString &connectionName)
{
    const QString name =
        connectionName.isEmpty() ? QStringLiteral("login-") + roleName : connectionName;
    m_connections.append(name);
    return CentralConnection::open(conninfo(roleName), name, error, m_password);
}

QString TestStore::exec(const QString &sql)
{
    QSqlQuery q(installer());
    return q.exec(sql) ? QString() : CentralConnection::describe(q.lastError());
}

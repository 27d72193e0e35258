#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

/// A central store of its own for one test: a fresh database on the suite's private PostgreSQL
/// (COULISSE_TEST_PG_DIR, started by the CTest fixture), migrated, with staff whose names are
/// unique to this store (roles are cluster-wide). The destructor drops the database and the
/// roles.
class TestStore
{
public:
    explicit TestStore(const QString &label);
    ~TestStore();
    TestStore(const TestStore &) = delete;
    TestStore &operator=(const TestStore &) = delete;

    /// The suite's server directory; empty when the fixture is not there.
    static QString serverDirectory();

    /// Creates the database; applies the migrations unless \a migrate is false. Returns an
    /// error message, empty when done.
    QString create(bool migrate = true);

    QString database() const { return m_database; }
    /// key=value connection string to this store as \a user.
    QString conninfo(const QString &user = QStringLiteral("postgres")) const;
    /// The installer's (superuser's) connection to this store.
    QSqlDatabase installer();

    /// Adds staff member \a name (made unique: the returned role name) in \a role.
    QString addStaff(const QString &name, const QString &role, QString *error);
    /// Logs in as the staff member with the store's password, on a connection of its own.
    QSqlDatabase login(const QString &roleName, QString *error, const QString &connectionName = {});
    QString password() const { return m_password; }
    /// Runs \a sql as the installer; returns the error text (empty when done).
    QString exec(const QString &sql);

private:
    QString m_label;
    QString m_token;
    QString m_database;
    QString m_password;
    QStringList m_roles;
    QStringList m_connections;
};

#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QSqlError>
#include <QStringList>

/// Staff accounts, scopes and the approval policy of the central store, managed through its
/// definer functions (never by granting CREATEROLE). The connection decides what is allowed:
/// an admin's (or the installer's) succeeds, anyone else's is refused by the database.
class CentralStaff
{
    Q_DECLARE_TR_FUNCTIONS(CentralStaff)

public:
    struct Member
    {
        QString name;
        QString role; ///< editor, supervisor, pm, admin
        QString displayName;
        bool active = true;
        QDateTime createdAt;
        QString createdBy;
        QList<qint64> games; ///< an editor's scope
    };

    struct PolicyRule
    {
        QString kind;
        bool requiresReview = false;
        QString role; ///< editor or supervisor
        QDateTime updatedAt;
        QString updatedBy;
    };

    explicit CentralStaff(const QSqlDatabase &db);

    static QStringList roles();

    /// Creates the login role \a name in \a role's group. The password is SCRAM-hashed here,
    /// on the client.
    bool add(const QString &name, const QString &role, const QString &password,
             const QString &displayName = {});
    bool setRole(const QString &name, const QString &role);
    bool setActive(const QString &name, bool active);
    bool setPassword(const QString &name, const QString &password);
    /// Sets an editor's games to exactly \a games.
    bool setScope(const QString &name, const QList<qint64> &games);
    /// Game ids for ids or names (Chinese or English); false with the unknown one named.
    bool resolveGames(const QStringList &idsOrNames, QList<qint64> *games);
    /// The staff the connection may see (an admin: everyone; others: themselves).
    bool list(QList<Member> *members);

    bool policy(QList<PolicyRule> *rules);
    /// \a role: editor or supervisor (whose changes of \a kind need a supervisor).
    bool setPolicy(const QString &kind, bool requiresReview,
                   const QString &role = QStringLiteral("supervisor"));

    QString errorString() const { return m_error; }
    /// SQLSTATE of the last failure (42501 for a refusal).
    QString sqlState() const { return m_state; }

private:
    bool call(const QString &sql, const QVariantList &values);
    bool fail(const QSqlError &error);

    QSqlDatabase m_db;
    QString m_error;
    QString m_state;
};

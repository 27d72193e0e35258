#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QSqlDatabase>

#include <optional>

class QSqlQuery;

/// Creator growth levels in the central store (schema 13, docs/levels.md): the versions of the
/// ladder (a product manager saves one; a second product manager or a supervisor approves it
/// when the policy says so), the refresh that brings every creator's metrics and level up to
/// date, and the distribution of past days. Refusals come back as errorString().
class CentralLevels
{
    Q_DECLARE_TR_FUNCTIONS(CentralLevels)

public:
    struct Ladder
    {
        int version = 0;
        QJsonObject ladder;
        QString note;
        QString state; ///< pending, active, retired, rejected, withdrawn
        QString createdBy;
        QDateTime createdAt;
        QString decidedBy;
        QDateTime decidedAt;
        QString decisionNote; ///< why it was approved or rejected
        QDateTime activatedAt;
    };

    struct Saved
    {
        int version = 0;
        QString state; ///< pending or active
    };

    struct Refresh
    {
        qint64 id = 0;
        QDate asOf;
        int creators = 0;
        int changed = 0;
        int ladderVersion = 0;
    };

    explicit CentralLevels(const QSqlDatabase &db);

    /// "Active", "Waiting for approval", … for a state code.
    static QString stateName(const QString &state);
    /// Whether the store has creator levels (schema 13 or later).
    static bool supported(const QSqlDatabase &db);

    /// Every version, newest first.
    std::optional<QList<Ladder>> ladders();
    /// \a baseVersion: the version active when the ladder was drafted (0: none was); the store
    /// refuses it when another version became active meanwhile. Negative: not checked.
    std::optional<Saved> save(const QJsonObject &ladder, const QString &note, int baseVersion = -1);
    bool decide(int version, bool approve, const QString &reason = {});
    bool withdraw(int version);
    /// \a asOf invalid: yesterday in the project's time zone.
    std::optional<Refresh> refresh(const QDate &asOf = {}, bool full = false);
    /// Days written.
    std::optional<int> backfill(const QDate &from, const QDate &to, int step = 1);
    /// The reason the store refuses \a ladder, empty when it takes it.
    std::optional<QString> check(const QJsonObject &ladder);

    QString errorString() const { return m_error; }

private:
    bool failed(const QSqlQuery &query);

    QSqlDatabase m_db;
    QString m_error;
};

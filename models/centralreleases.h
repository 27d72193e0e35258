#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QStringList>

#include <optional>

class QSqlQuery;

/// The release channel in the central store (schema 11, docs/releases.md): releases of the
/// platform's apps and of Coulisse, their publication (a second admin or a supervisor approves
/// when the policy says so), their rollout, how many recent users a release would reach, and
/// the update decision an app start asks for. Refusals come back as errorString().
class CentralReleases
{
    Q_DECLARE_TR_FUNCTIONS(CentralReleases)

public:
    struct Release
    {
        qint64 id = 0;
        QString app;
        QString platform; ///< android, ios, windows, macos, linux
        QString version;
        QString minVersion; ///< below it the update is forced; empty: never
        double rolloutPercent = 0;
        QStringList channels;   ///< empty: every channel
        QStringList osPrefixes; ///< empty: every OS
        QString fromVersion;    ///< range of current versions it is for; empty: open
        QString toVersion;
        QStringList userKeys; ///< users who get it whatever the percentage
        QString notesZh;
        QString notesEn;
        QString state; ///< draft, rolling_out, complete, halted
        QString createdBy;
        QString publishRequestedBy; ///< a draft waiting for approval
        QString publishedBy;
        QDateTime publishedAt;
        QDateTime updatedAt;
        qint64 offers = 0; ///< users it was offered to

        /// The fields release_save() takes.
        QJsonObject toJson() const;
    };

    struct Decision
    {
        QString decision; ///< none, optional, forced
        qint64 releaseId = 0;
        QString version;
        QString minVersion;
        QString notesZh;
        QString notesEn;
    };

    struct Preview
    {
        qint64 active = 0;   ///< users with events in the last 30 days
        qint64 platform = 0; ///< of them on the release's platform
        qint64 targeted = 0; ///< whom its groups (or its user list) take
        qint64 reached = 0;  ///< who would be offered it
        double percent = 0;
    };

    /// Offers per day, and the percentage and state after each change, for the rollout chart.
    struct Rollout
    {
        QList<QPair<QDate, qint64>> offersPerDay;
        QList<QPair<QDateTime, double>> percent;
        QList<QPair<QDateTime, QString>> states;
    };

    explicit CentralReleases(const QSqlDatabase &db);

    /// Every release, newest first, with its number of offers.
    std::optional<QList<Release>> releases();
    /// Creates (id 0) or changes a release; the id, or 0 on failure.
    qint64 save(const Release &release);
    bool removeDraft(qint64 id);
    /// Publishes a draft, or asks for approval: the state afterwards (empty on failure).
    QString publish(qint64 id);
    bool approve(qint64 id);
    /// \a action: percent (with \a percent), halt, resume, complete.
    bool rollout(qint64 id, const QString &action, double percent = 0);
    /// \a percent < 0: the release's own.
    std::optional<Preview> preview(qint64 id, double percent = -1);
    std::optional<Rollout> rolloutHistory(qint64 id);
    std::optional<Decision> decide(const QString &app, const QString &platform,
                                   const QString &current, const QString &user,
                                   const QString &channel = {}, const QString &os = {});

    QString errorString() const { return m_error; }

private:
    bool failed(const QSqlQuery &query);

    QSqlDatabase m_db;
    QString m_error;
};

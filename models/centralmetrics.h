#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QStringList>

class QSqlQuery;

/// The central store's metrics: refreshing the aggregates, the versioned definitions, the
/// campaigns and the time zone (resources/sql/central/0008_metrics.sql). The store decides
/// who may do what; refusals come back as errorString() (SQLSTATE 42501).
class CentralMetrics
{
    Q_DECLARE_TR_FUNCTIONS(CentralMetrics)

public:
    struct Refresh
    {
        bool ok = false;
        qint64 id = 0;
        bool full = false;
        int days = 0;
        QDate firstDay;
        QDate lastDay;
        qint64 elapsedMs = 0;
    };

    struct Definition
    {
        QString definition; ///< new_users, active_users, content, plays, revenue, campaigns
        int version = 0;
        QJsonObject params;
        QJsonObject description; ///< "en", "zh_CN"
        QString note;
        QDateTime createdAt;
        QString createdBy;

        /// The text in \a language ("zh_CN", "en"), English when it has none.
        QString text(const QString &language) const;
    };

    struct Campaign
    {
        QString id;
        QString name;
        QString kind;         ///< template or custom
        QString templateName; ///< join, upload or vip (template campaigns)
        QStringList events;
        QString goalEvent;
        QDate startDay; ///< [startDay, endDay) in the project's time zone
        QDate endDay;
    };

    explicit CentralMetrics(const QSqlDatabase &db);

    /// Brings the aggregates up to date (every day when \a full).
    Refresh refresh(bool full = false);

    /// Every version of every definition (\a currentOnly: the newest of each), by name and
    /// version.
    QList<Definition> definitions(bool currentOnly = false);
    /// Records a new version; returns its number, 0 on failure.
    int define(const QString &definition, const QJsonObject &params, const QJsonObject &description,
               const QString &note);

    QList<Campaign> campaigns();
    bool saveCampaign(const Campaign &campaign);
    bool deleteCampaign(const QString &id);

    QString timeZone();
    bool setTimeZone(const QString &timeZone);

    QString errorString() const { return m_error; }

private:
    bool failed(const QSqlQuery &query);

    QSqlDatabase m_db;
    QString m_error;
};

#pragma once

#include "centralmetrics.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QTimeZone>

#include <functional>

class QIODevice;

/// Realistic event streams for a demo catalogue: every user's registration, then day by day
/// sessions, page views, plays with durations and replays, uploads by source (the
/// catalogue's videos of those days), featured picks, VIP page visits and opens, gifts,
/// pushes, and three campaigns, with a retention decay from each registration day, weekly
/// rhythm and campaign lifts. Written as CSV in the import format (EventImporter); the same
/// seed and catalogue give the same file.
class DemoEventGenerator
{
    Q_DECLARE_TR_FUNCTIONS(DemoEventGenerator)

public:
    struct Options
    {
        int days = 90; ///< days of activity before \a until
        QDateTime until = QDateTime(QDate(2026, 11, 15), QTime(0, 0), QTimeZone(8 * 3600));
        quint64 seed = 1;
        double intensity = 1.0; ///< scales the events of an active day
    };

    struct User
    {
        qint64 id = 0;
        bool creator = false;
        qint64 registeredAt = 0;
        QByteArray platform, channel, deviceModel, os;
        bool vip = false;
    };

    struct Video
    {
        qint64 id = 0;
        qint64 uploaderId = 0;
        qint64 publishedAt = 0;
        QByteArray source;
        bool featured = false;
        int durationS = 0;
    };

    using Progress = std::function<void(int day, int days)>;

    explicit DemoEventGenerator(Options options);

    /// Reads the users and videos of a central store (any role that reads the catalogue).
    bool load(const QSqlDatabase &db);
    void setCatalogue(QList<User> users, QList<Video> videos);
    void setProgress(Progress progress) { m_progress = std::move(progress); }

    /// The demo campaigns that fit in the window.
    QList<CentralMetrics::Campaign> campaigns() const;

    /// Writes the CSV file (header first) to \a out.
    bool write(QIODevice *out);

    /// Seeds a central store (the installer's connection): loads its catalogue, writes the
    /// events to a temporary file, imports it (EventImporter), saves the campaigns and
    /// refreshes the metrics.
    bool seedCentral(const QSqlDatabase &db);

    qint64 events() const { return m_events; }
    QString errorString() const { return m_error; }

private:
    Options m_options;
    QList<User> m_users;
    QList<Video> m_videos;
    Progress m_progress;
    qint64 m_events = 0;
    QString m_error;
};

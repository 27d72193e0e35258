#pragma once

#include "demodatagenerator.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

/// The demo's world in one directory: a demo cache and a demo central store on a private
/// PostgreSQL server (PrivatePostgres), both holding the same demo data set, created on first
/// use. `coulisse --demo` and scripts/demo.sh use it.
class DemoEnvironment
{
    Q_DECLARE_TR_FUNCTIONS(DemoEnvironment)

public:
    DemoEnvironment(const QString &directory, qint64 videos);

    /// The application data folder's "demo" directory.
    static QString defaultDirectory();

    /// Writes the demo cache when missing, starts the server (creating it when missing) and
    /// seeds the central store when it is empty. False with errorString() set.
    bool prepare(const DemoDataGenerator::Progress &progress = {});
    /// Stops the server.
    bool stop();

    QString cachePath() const;
    QString serverDirectory() const;
    QString databaseName() const;
    /// Connection string of the central store as \a user (default: the installer).
    QString centralUrl(const QString &user = {}) const;
    QString errorString() const { return m_error; }

private:
    /// The demo releases (Releases page), on the installer's connection \a db.
    bool seedReleases(const QSqlDatabase &db);
    bool seedLevels(const QSqlDatabase &db, const QDate &until);

    QString m_directory;
    qint64 m_videos;
    QString m_error;
};

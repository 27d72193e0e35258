#pragma once

#include "demodatagenerator.h"

#include <QCoreApplication>
#include <QSqlDatabase>

/// Seeds a central store with the demo data set (the same rows as a demo cache of the same
/// options) and the demo staff: one account of each role, listed in the README.
class DemoCentralWriter
{
    Q_DECLARE_TR_FUNCTIONS(DemoCentralWriter)

public:
    struct Account
    {
        QString name;
        QString role;
        QString password;
        QString displayName;
    };

    /// The demo accounts. Their passwords are public (README): demo stores only.
    static QList<Account> accounts();

    struct Result
    {
        bool ok = false;
        QString error;
        DemoDataGenerator::Counts counts;
        qint64 elapsedMs = 0;
        QList<qint64> editorGames; ///< the demo editor's scope
    };

    /// Loads the catalogue into \a db (an empty store, the installer's connection), then
    /// creates the demo staff that do not exist yet and gives the demo editor the five games
    /// with the most videos. A failed load leaves the store as it was.
    static Result write(const QSqlDatabase &db, const DemoDataOptions &options,
                        const DemoDataGenerator::Progress &progress = {});
};

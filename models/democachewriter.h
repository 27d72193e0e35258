#pragma once

#include "demodatagenerator.h"

#include <QCoreApplication>

/// Writes a demo data set into a cache file. The rows go into a temporary file next to the
/// target, which replaces the target only once complete: a killed run leaves the old file
/// as it was. An existing cache with data is replaced only when asked; a file that is not a
/// Coulisse cache is never replaced.
class DemoCacheWriter
{
    Q_DECLARE_TR_FUNCTIONS(DemoCacheWriter)

public:
    struct Result
    {
        bool ok = false;
        QString error;
        DemoDataGenerator::Counts counts;
        qint64 elapsedMs = 0;
    };

    static Result write(const QString &path, const DemoDataOptions &options, bool replace,
                        const DemoDataGenerator::Progress &progress = {});
};

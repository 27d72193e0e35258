#pragma once

#include "recordreader.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlDatabase>

#include <functional>

class QIODevice;

/// Imports event files into the central store's events table: CSV with a header row or JSON
/// Lines, streamed through COPY, each file in one transaction.
///
/// Every line is checked before it is sent (time with a UTC offset, a positive user id, an
/// event name, a platform, text columns, a JSON object of properties); the first bad line
/// stops the import with "file:line:column: reason" and nothing of the file is kept. A file
/// imported before (same SHA-256) is refused. The month partitions the events need are
/// created as they appear. Needs an admin's or the installer's connection.
///
/// Columns (CSV header names, JSON keys): time, user_id, event, platform (web, app or pc);
/// optional channel, device_model, os, app_version, properties.
class EventImporter
{
    Q_DECLARE_TR_FUNCTIONS(EventImporter)

public:
    using Format = RecordReader::Format;

    struct Result
    {
        bool ok = false;
        QString error; ///< "file:line:column: reason" or the store's refusal
        qint64 events = 0;
        qint64 importId = 0;
        QDateTime first; ///< earliest and latest event (UTC)
        QDateTime last;
        qint64 bytes = 0;
        qint64 elapsedMs = 0;
    };

    /// \a done and \a total bytes of the file.
    using Progress = std::function<void(qint64 done, qint64 total)>;

    explicit EventImporter(const QSqlDatabase &db);

    void setProgress(Progress progress) { m_progress = std::move(progress); }

    /// Imports the file at \a path. The format follows the extension (.csv; .jsonl, .ndjson,
    /// .json) or, failing that, the first character.
    Result importFile(const QString &path, Format format = Format::Auto);
    /// Imports \a device (open for reading) under the name \a name.
    Result import(QIODevice *device, const QString &name, Format format);

private:
    QSqlDatabase m_db;
    Progress m_progress;
};

#pragma once

#include "cataloguefile.h"
#include "recordreader.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <functional>

class QIODevice;

/// Imports a file of games, tags, users or videos into the central store (CSV with a header
/// row, or JSON Lines; the columns of CatalogueFile), upserting by external id.
///
/// The file streams through COPY into a staging table, line by line after the checks of its
/// types, enums and lengths; the store then checks what needs the catalogue (references to
/// other rows' external ids, duplicates, unique names, the columns a new row needs) and
/// writes only the rows that change, all in one transaction. The first bad line refuses the
/// whole file with "file:line:column: reason" and nothing is written. A dry run does every
/// check and reports what would be inserted, updated and left unchanged.
///
/// A column the file leaves out keeps an existing row's value (a new row takes the default);
/// an empty field is an empty text, no release year or no uploader, and keeps the value of
/// the other columns. Needs an admin's or the installer's connection.
class CatalogueImporter
{
    Q_DECLARE_TR_FUNCTIONS(CatalogueImporter)

public:
    struct Result
    {
        bool ok = false;
        QString error; ///< "file:line:column: reason" or the store's refusal
        bool dryRun = false;
        qint64 rows = 0;
        qint64 inserted = 0;
        qint64 updated = 0;
        qint64 unchanged = 0;
        qint64 bytes = 0;
        qint64 elapsedMs = 0;
    };

    /// \a done and \a total bytes of the file.
    using Progress = std::function<void(qint64 done, qint64 total)>;

    explicit CatalogueImporter(const QSqlDatabase &db);

    void setProgress(Progress progress) { m_progress = std::move(progress); }
    void setDryRun(bool dryRun) { m_dryRun = dryRun; }

    /// Imports the file at \a path; the format follows the extension (.csv; .jsonl, .ndjson,
    /// .json) or, failing that, the first character.
    Result importFile(CatalogueFile::Kind kind, const QString &path,
                      RecordReader::Format format = RecordReader::Format::Auto);
    /// Imports \a device (open for reading; seekable for the column of a refused reference)
    /// under the name \a name.
    Result import(CatalogueFile::Kind kind, QIODevice *device, const QString &name,
                  RecordReader::Format format);

    /// Checks the current record of \a reader as a row of \a kind and appends its COPY line
    /// (external id first, then the kind's columns; \N where the file has no value) to \a row.
    /// False with the column and reason of the first bad field. Used by import() and the fuzz
    /// test of the readers.
    static bool convert(CatalogueFile::Kind kind, const RecordReader &reader, QByteArray *row,
                        int *column, QString *reason);

private:
    QSqlDatabase m_db;
    Progress m_progress;
    bool m_dryRun = false;
};

#pragma once

#include "cataloguefile.h"

#include <QCoreApplication>
#include <QSqlDatabase>

class QIODevice;

/// Writes the central store's games, tags, users or videos in the format CatalogueImporter
/// reads (CatalogueFile's columns, references by external id, times in UTC): CSV (UTF-8 with
/// a byte order mark, CRLF) or JSON Lines. Rows stream in id order; the connection's role
/// decides what it may read (an editor exports the games in scope).
class CatalogueExporter
{
    Q_DECLARE_TR_FUNCTIONS(CatalogueExporter)

public:
    enum class Format { Csv, JsonLines };

    struct Result
    {
        bool ok = false;
        QString error;
        qint64 rows = 0;
    };

    explicit CatalogueExporter(const QSqlDatabase &db);

    /// \a bom: CSV starts with the UTF-8 byte order mark (for spreadsheet programs).
    Result exportTo(CatalogueFile::Kind kind, QIODevice *device, Format format, bool bom = true);
    /// Writes to \a path (replaced only when the export succeeded), CSV with the mark.
    Result exportFile(CatalogueFile::Kind kind, const QString &path, Format format);

    /// \a utf8 as a JSON string, quotes included.
    static void appendJsonString(QByteArray &out, const QByteArray &utf8);

private:
    QSqlDatabase m_db;
};

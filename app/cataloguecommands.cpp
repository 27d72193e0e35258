// coulisse-cli commands of the platform integration: importing and exporting the catalogue
// (games, tags, users, videos) by external id, in the central store.
#include "catalogueexporter.h"
#include "catalogueimporter.h"
#include "clicommands.h"

#include <QFile>
#include <QLocale>

namespace Cli {

namespace {

QCommandLineOption kindOption()
{
    return {QStringLiteral("kind"), Text::tr("games, tags, users or videos."),
            QStringLiteral("KIND")};
}

bool kindOf(const QCommandLineParser &parser, CatalogueFile::Kind *kind)
{
    if (CatalogueFile::parseKind(parser.value(QStringLiteral("kind")), kind))
        return true;
    err() << Text::tr("--kind takes games, tags, users or videos.") << '\n';
    return false;
}

int catalogueImport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(urlOption());
    parser.addOption(kindOption());
    parser.addOption(importFormatOption());
    parser.addOption({QStringLiteral("dry-run"),
                      Text::tr("Check the whole file and report what would be inserted, "
                               "updated and left unchanged; write nothing.")});
    parser.addOption({QStringLiteral("quiet"), Text::tr("Print no progress.")});
    int code = 0;
    if (!parse(parser,
               Text::tr("Imports a file of games, tags, users or videos (CSV with a header row, "
                        "or JSON Lines) into the central store, inserting or updating rows by "
                        "their external id. The file is checked whole: a bad line stops the "
                        "import with its line and column, and nothing of the file is kept. "
                        "Needs an admin's connection. The columns are in docs/integration.md."),
               arguments, &code, QStringLiteral("FILE")))
        return code;
    CatalogueFile::Kind kind;
    if (!kindOf(parser, &kind))
        return 2;
    RecordReader::Format format = RecordReader::Format::Auto;
    if (!importFormat(parser, &format))
        return 2;
    QSqlDatabase db;
    if (!connectToStore(parser, &db))
        return 1;
    CatalogueImporter importer(db);
    const bool dryRun = parser.isSet(QStringLiteral("dry-run"));
    importer.setDryRun(dryRun);
    const bool quiet = parser.isSet(QStringLiteral("quiet"));
    if (!quiet) {
        importer.setProgress([](qint64 done, qint64 total) {
            if (total > 0)
                err() << '\r' << Text::tr("Importing: %1 %").arg(done * 100 / total);
            err().flush();
        });
    }
    const QString file = parser.positionalArguments().constFirst();
    const CatalogueImporter::Result r = importer.importFile(kind, file, format);
    if (!quiet)
        err() << '\r';
    if (!r.ok) {
        err() << r.error << '\n' << Text::tr("Nothing of this file was imported.") << '\n';
        return 1;
    }
    const QLocale l;
    const double seconds = std::max<qint64>(r.elapsedMs, 1) / 1000.0;
    if (dryRun)
        out() << Text::tr("Dry run of %1: %2 rows would be inserted, %3 updated, %4 unchanged. "
                          "Nothing was written.")
                     .arg(file, l.toString(r.inserted), l.toString(r.updated),
                          l.toString(r.unchanged))
              << '\n';
    else
        out() << Text::tr("Imported %1 (%2): %3 rows inserted, %4 updated, %5 unchanged, in "
                          "%6 s (%7 rows/s).")
                     .arg(file, CatalogueFile::name(kind), l.toString(r.inserted),
                          l.toString(r.updated), l.toString(r.unchanged),
                          l.toString(seconds, 'f', 1), l.toString(qint64(r.rows / seconds)))
              << '\n';
    return 0;
}

int catalogueExport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(urlOption());
    parser.addOption(kindOption());
    parser.addOption({QStringLiteral("format"),
                      Text::tr("csv or jsonl (default: from the extension of --out, else csv)."),
                      QStringLiteral("FORMAT")});
    parser.addOption({QStringLiteral("out"),
                      Text::tr("The file to write (default: standard output, CSV without the "
                               "byte order mark)."),
                      QStringLiteral("FILE")});
    int code = 0;
    if (!parse(parser,
               Text::tr("Writes the central store's games, tags, users or videos in the format "
                        "'catalogue import' reads: rows keyed by external id, references by "
                        "external id, times in UTC."),
               arguments, &code))
        return code;
    CatalogueFile::Kind kind;
    if (!kindOf(parser, &kind))
        return 2;
    const QString path = parser.value(QStringLiteral("out"));
    const QString formatName = parser.value(QStringLiteral("format")).toLower();
    CatalogueExporter::Format format = CatalogueExporter::Format::Csv;
    if (formatName == QLatin1String("jsonl") ||
        (formatName.isEmpty() && RecordReader::formatOf(path) == RecordReader::Format::JsonLines)) {
        format = CatalogueExporter::Format::JsonLines;
    } else if (!formatName.isEmpty() && formatName != QLatin1String("csv")) {
        err() << Text::tr("--format takes csv or jsonl.") << '\n';
        return 2;
    }
    QSqlDatabase db;
    if (!connectToStore(parser, &db))
        return 1;
    CatalogueExporter exporter(db);
    CatalogueExporter::Result r;
    if (path.isEmpty() || path == QLatin1String("-")) {
        out().flush();
        QFile stdOut;
        if (!stdOut.open(stdout, QIODevice::WriteOnly)) {
            err() << Text::tr("Standard output cannot be written.") << '\n';
            return 1;
        }
        r = exporter.exportTo(kind, &stdOut, format, false);
    } else {
        r = exporter.exportFile(kind, path, format);
    }
    if (!r.ok) {
        err() << Text::tr("The export failed: %1").arg(r.error) << '\n';
        return 1;
    }
    if (!path.isEmpty() && path != QLatin1String("-"))
        out() << Text::tr("Wrote %1 %2 to %3.")
                     .arg(QLocale().toString(r.rows), CatalogueFile::name(kind), path)
              << '\n';
    return 0;
}

} // namespace

QCommandLineOption importFormatOption()
{
    return {QStringLiteral("format"),
            Text::tr("csv or jsonl (default: from the file's extension or its first character)."),
            QStringLiteral("FORMAT")};
}

bool importFormat(const QCommandLineParser &parser, RecordReader::Format *format)
{
    const QString name = parser.value(QStringLiteral("format")).toLower();
    if (name == QLatin1String("csv")) {
        *format = RecordReader::Format::Csv;
    } else if (name == QLatin1String("jsonl")) {
        *format = RecordReader::Format::JsonLines;
    } else if (name.isEmpty()) {
        *format = RecordReader::Format::Auto;
    } else {
        err() << Text::tr("--format takes csv or jsonl.") << '\n';
        return false;
    }
    return true;
}

QList<Command> catalogueCommands()
{
    const QString catalogue = QStringLiteral("catalogue");
    return {
        {{catalogue, QStringLiteral("import")},
         QT_TRANSLATE_NOOP("Cli", "Import games, tags, users or videos by external id (admin)"),
         &catalogueImport},
        {{catalogue, QStringLiteral("export")},
         QT_TRANSLATE_NOOP("Cli", "Export games, tags, users or videos in the import format"),
         &catalogueExport},
    };
}

} // namespace Cli

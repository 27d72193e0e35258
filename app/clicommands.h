#pragma once

#include "centrallevels.h"
#include "recordreader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSqlDatabase>
#include <QStringList>
#include <QTextStream>

/// The commands of coulisse-cli. Each takes its own arguments (after the command words) and
/// returns the process exit code: 0 done, 1 failed, 2 usage error.
namespace Cli {

QTextStream &out();
QTextStream &err();

struct Command
{
    QStringList words; ///< e.g. {"demo-data"} or {"cache", "check"}
    const char *summary;
    int (*run)(const QStringList &arguments);
};

QList<Command> cacheCommands();
QList<Command> centralCommands();
QList<Command> syncCommands();
QList<Command> reviewCommands();
QList<Command> metricsCommands();
QList<Command> reportCommands();
QList<Command> catalogueCommands();
QList<Command> releaseCommands();
QList<Command> levelCommands();
/// "Levels as of …: N creators, M changed (ladder version V)."
void printLevelRefresh(const CentralLevels::Refresh &refresh);

/// --url URL: the central store, and the connection string it (or the environment) gives.
QCommandLineOption urlOption();
QString centralUrl(const QCommandLineParser &parser);
/// Connects to the central store (asking for a password on a terminal when needed).
bool connect(const QString &url, QSqlDatabase *db);
/// Connects and checks that the store's schema is this build's; prints why not.
bool connectToStore(const QCommandLineParser &parser, QSqlDatabase *db);

/// --format csv|jsonl of an imported file, and the format it names (Auto when absent); false
/// with a usage message for anything else.
QCommandLineOption importFormatOption();
bool importFormat(const QCommandLineParser &parser, RecordReader::Format *format);

/// --cache FILE, and the path it names (the default profile's cache when absent).
QCommandLineOption cacheOption();
QString cachePath(const QCommandLineParser &parser);

/// Parses \a arguments into \a parser, described by \a description. On --help prints the help,
/// on a usage error the error; both return false with \a code set (0 or 2). Positional
/// arguments are refused unless \a positional names them ("NAME").
bool parse(QCommandLineParser &parser, const QString &description, const QStringList &arguments,
           int *code, const QString &positional = {});

/// \a text padded with spaces to \a width terminal columns (CJK characters take two).
QString pad(const QString &text, int width);

/// Translation context for the CLI's messages.
class Text
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

} // namespace Cli

// coulisse-cli commands of creator growth levels: the ladder's versions, saving and deciding
// one, the refresh of every creator's level, past days' distribution, and the what-if preview
// of a ladder file from a cache.
#include "cachedatabase.h"
#include "centrallevels.h"
#include "clicommands.h"
#include "levelladder.h"
#include "levelwhatif.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QLocale>

#include <functional>

namespace Cli {

namespace {

/// Connects and runs \a work with the store's levels; prints the store's refusal.
int withLevels(const QCommandLineParser &parser, const std::function<bool(CentralLevels &)> &work)
{
    QSqlDatabase db;
    if (!connectToStore(parser, &db))
        return 1;
    CentralLevels levels(db);
    if (work(levels))
        return 0;
    if (!levels.errorString().isEmpty())
        err() << levels.errorString() << '\n';
    return 1;
}

/// Reads and checks a ladder file; prints why it is refused.
bool readLadder(const QString &path, LevelLadder *ladder)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        err() << Text::tr("%1: %2").arg(QDir::toNativeSeparators(path), file.errorString()) << '\n';
        return false;
    }
    *ladder = LevelLadder::fromText(file.readAll(), QDir::toNativeSeparators(path));
    if (!ladder->isValid()) {
        err() << ladder->errorString() << '\n';
        return false;
    }
    return true;
}

/// The one ladder file given as the argument, read and checked: 0, or the exit code.
int ladderArgument(const QCommandLineParser &parser, LevelLadder *ladder)
{
    if (parser.positionalArguments().size() != 1) {
        err() << Text::tr("Give one ladder file.") << '\n';
        return 2;
    }
    return readLadder(parser.positionalArguments().constFirst(), ladder) ? 0 : 1;
}

QDate dayValue(const QCommandLineParser &parser, const QString &name, bool *ok)
{
    *ok = true;
    if (!parser.isSet(name))
        return {};
    const QDate day = QDate::fromString(parser.value(name), Qt::ISODate);
    if (!day.isValid()) {
        err() << Text::tr("--%1 takes a day as YYYY-MM-DD.").arg(name) << '\n';
        *ok = false;
    }
    return day;
}

/// The version given as the positional argument; 0 (with a message) when it is not one.
int versionArgument(const QCommandLineParser &parser)
{
    bool ok = false;
    const int version = parser.positionalArguments().value(0).toInt(&ok);
    if (!ok || version <= 0) {
        err() << Text::tr("Give the ladder's version (see 'coulisse-cli levels list').") << '\n';
        return 0;
    }
    return version;
}

void printLadder(const LevelLadder &ladder)
{
    for (const LevelLadder::Level &l : ladder.levels()) {
        out() << Text::tr("Level %1 · %2")
                     .arg(l.level)
                     .arg(LevelLadder::levelName(l.nameZh, l.nameEn))
              << '\n'
              << "  " << LevelLadder::describe(l.rule) << '\n';
        if (!l.resources.isEmpty())
            out() << "  " << Text::tr("Resources: %1").arg(l.resources.join(QStringLiteral("; ")))
                  << '\n';
    }
}

int levelsList(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(urlOption());
    const QCommandLineOption json(QStringLiteral("json"),
                                  Text::tr("Print the version's ladder as JSON (a file to edit)."));
    const QCommandLineOption version(QStringLiteral("version"),
                                     Text::tr("The version to print (default: the active one)."),
                                     QStringLiteral("N"));
    parser.addOption(json);
    parser.addOption(version);
    int code = 0;
    if (!parse(parser, Text::tr("Lists the ladder's versions and prints the active ladder."),
               arguments, &code))
        return code;
    return withLevels(parser, [&](CentralLevels &levels) {
        const auto list = levels.ladders();
        if (!list)
            return false;
        const CentralLevels::Ladder *shown = nullptr;
        for (const CentralLevels::Ladder &l : *list) {
            if (parser.isSet(version) ? l.version == parser.value(version).toInt()
                                      : l.state == QLatin1String("active"))
                shown = &l;
        }
        if (parser.isSet(json)) {
            if (!shown) {
                err() << Text::tr("No such ladder version.") << '\n';
                return false;
            }
            out() << QString::fromUtf8(QJsonDocument(shown->ladder).toJson());
            return true;
        }
        if (list->isEmpty())
            out() << Text::tr("No ladder yet: save one with 'coulisse-cli levels save'.") << '\n';
        const QLocale l;
        for (const CentralLevels::Ladder &ladder : *list) {
            out() << pad(QString::number(ladder.version), 4) << ' '
                  << pad(CentralLevels::stateName(ladder.state), 20) << ' '
                  << pad(ladder.createdBy, 16) << ' '
                  << l.toString(ladder.createdAt.toLocalTime(), QLocale::ShortFormat);
            if (!ladder.decidedBy.isEmpty())
                out() << "  " << Text::tr("decided by %1").arg(ladder.decidedBy);
            if (!ladder.note.isEmpty())
                out() << "  " << ladder.note.section(QLatin1Char('\n'), 0, 0);
            if (!ladder.decisionNote.isEmpty())
                out() << "  "
                      << Text::tr("(decision: %1)")
                             .arg(ladder.decisionNote.section(QLatin1Char('\n'), 0, 0));
            out() << '\n';
        }
        if (shown) {
            out() << '\n'
                  << Text::tr("Version %1 (%2):").arg(shown->version).arg(shown->state) << '\n';
            printLadder(LevelLadder::fromJson(shown->ladder));
        }
        return true;
    });
}

int levelsSave(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(urlOption());
    const QCommandLineOption note(QStringLiteral("note"), Text::tr("Why the ladder changes."),
                                  QStringLiteral("TEXT"));
    parser.addOption(note);
    const QCommandLineOption base(
        QStringLiteral("base"),
        Text::tr("The version the file was drafted from: refused if a newer one became active "
                 "since."),
        QStringLiteral("VERSION"));
    parser.addOption(base);
    int code = 0;
    if (!parse(parser,
               Text::tr("Saves a ladder file (JSON) as a new version (product managers). Under "
                        "the approval policy it waits for a second person."),
               arguments, &code, QStringLiteral("FILE.json")))
        return code;
    bool baseOk = true;
    const int baseVersion = parser.isSet(base) ? parser.value(base).toInt(&baseOk) : -1;
    if (!baseOk || (parser.isSet(base) && baseVersion < 0)) {
        err() << Text::tr("--base takes a ladder version (see 'coulisse-cli levels list').")
              << '\n';
        return 2;
    }
    LevelLadder ladder;
    if (const int failure = ladderArgument(parser, &ladder))
        return failure;
    return withLevels(parser, [&](CentralLevels &levels) {
        const auto saved = levels.save(ladder.toJson(), parser.value(note), baseVersion);
        if (!saved)
            return false;
        out() << (saved->state == QLatin1String("active")
                      ? Text::tr("Version %1 is active: every creator was placed again.")
                      : Text::tr("Version %1 waits for approval."))
                     .arg(saved->version)
              << '\n';
        return true;
    });
}

int levelsDecide(const QStringList &arguments, bool approve)
{
    QCommandLineParser parser;
    parser.addOption(urlOption());
    const QCommandLineOption reason(QStringLiteral("reason"),
                                    Text::tr("Why (kept with the decision)."),
                                    QStringLiteral("TEXT"));
    parser.addOption(reason);
    int code = 0;
    if (!parse(parser,
               approve ? Text::tr("Approves a ladder version waiting for approval (another "
                                  "product manager, or a supervisor).")
                       : Text::tr("Rejects a ladder version waiting for approval (another "
                                  "product manager, or a supervisor)."),
               arguments, &code, QStringLiteral("VERSION")))
        return code;
    const int version = versionArgument(parser);
    if (version == 0)
        return 2;
    return withLevels(parser, [&](CentralLevels &levels) {
        if (!levels.decide(version, approve, parser.value(reason)))
            return false;
        out() << (approve ? Text::tr("Version %1 is active: every creator was placed again.")
                          : Text::tr("Version %1 was rejected."))
                     .arg(version)
              << '\n';
        return true;
    });
}

int levelsApprove(const QStringList &arguments)
{
    return levelsDecide(arguments, true);
}

int levelsReject(const QStringList &arguments)
{
    return levelsDecide(arguments, false);
}

int levelsWithdraw(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(urlOption());
    int code = 0;
    if (!parse(parser, Text::tr("Takes back your ladder version waiting for approval."), arguments,
               &code, QStringLiteral("VERSION")))
        return code;
    const int version = versionArgument(parser);
    if (version == 0)
        return 2;
    return withLevels(parser, [&](CentralLevels &levels) {
        if (!levels.withdraw(version))
            return false;
        out() << Text::tr("Version %1 was withdrawn.").arg(version) << '\n';
        return true;
    });
}

int levelsRefresh(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(urlOption());
    const QCommandLineOption asOf(QStringLiteral("as-of"),
                                  Text::tr("The day metrics are as of (default: yesterday)."),
                                  QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption full(QStringLiteral("full"),
                                  Text::tr("Count the daily facts again from everything."));
    parser.addOption(asOf);
    parser.addOption(full);
    int code = 0;
    if (!parse(parser,
               Text::tr("Brings every creator's metrics and level up to date (pms, admins)."),
               arguments, &code))
        return code;
    bool ok = true;
    const QDate day = dayValue(parser, QStringLiteral("as-of"), &ok);
    if (!ok)
        return 2;
    return withLevels(parser, [&](CentralLevels &levels) {
        const auto refresh = levels.refresh(day, parser.isSet(full));
        if (!refresh)
            return false;
        printLevelRefresh(*refresh);
        return true;
    });
}

int levelsBackfill(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(urlOption());
    const QCommandLineOption from(QStringLiteral("from"), Text::tr("The first day."),
                                  QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption to(QStringLiteral("to"), Text::tr("The last day."),
                                QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption step(QStringLiteral("step"), Text::tr("Every N days (default 1)."),
                                  QStringLiteral("N"), QStringLiteral("1"));
    parser.addOption(from);
    parser.addOption(to);
    parser.addOption(step);
    int code = 0;
    if (!parse(parser,
               Text::tr("Computes the distribution of past days, each under the ladder version "
                        "active then (pms, admins)."),
               arguments, &code))
        return code;
    bool ok = true;
    const QDate first = dayValue(parser, QStringLiteral("from"), &ok);
    const QDate last = ok ? dayValue(parser, QStringLiteral("to"), &ok) : QDate();
    if (!ok || !first.isValid() || !last.isValid()) {
        if (ok)
            err() << Text::tr("Give --from and --to.") << '\n';
        return 2;
    }
    return withLevels(parser, [&](CentralLevels &levels) {
        const auto days = levels.backfill(first, last, parser.value(step).toInt());
        if (!days)
            return false;
        out() << Text::tr("%n day(s) written.", nullptr, *days) << '\n';
        return true;
    });
}

int levelsWhatIf(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(cacheOption());
    const QCommandLineOption list(QStringLiteral("list"), Text::tr("List the creators who move."));
    parser.addOption(list);
    int code = 0;
    if (!parse(parser,
               Text::tr("Shows how many creators a ladder file would move, from the cache's "
                        "metrics (offline)."),
               arguments, &code, QStringLiteral("FILE.json")))
        return code;
    LevelLadder ladder;
    if (const int failure = ladderArgument(parser, &ladder))
        return failure;
    CacheDatabase cache;
    if (!cache.open(cachePath(parser), CacheDatabase::Access::ReadOnly)) {
        err() << cache.errorString() << '\n';
        return 1;
    }
    LevelWhatIf whatIf;
    if (!whatIf.load(cache.database())) {
        err() << whatIf.errorString() << '\n';
        return 1;
    }
    const LevelWhatIf::Result r = whatIf.evaluate(ladder);
    out() << Text::tr("%1 creators: %2 up, %3 down, %4 stay.")
                 .arg(r.creators)
                 .arg(r.up)
                 .arg(r.down)
                 .arg(r.creators - r.up - r.down)
          << '\n';
    for (qsizetype level = 0; level < r.proposed.size(); ++level)
        out() << pad(Text::tr("Level %1").arg(level), 10) << ' '
              << pad(QString::number(r.current.value(level)), 8) << " -> "
              << r.proposed.value(level) << '\n';
    if (parser.isSet(list)) {
        for (const LevelWhatIf::Move &m : r.moves)
            out() << pad(QString::number(m.userId), 8) << ' ' << pad(m.nickname, 20) << ' '
                  << m.current << " -> " << m.proposed << '\n';
    }
    return 0;
}

} // namespace

void printLevelRefresh(const CentralLevels::Refresh &refresh)
{
    out() << Text::tr("Levels as of %1: %2 creators, %3 changed (ladder version %4).")
                 .arg(QLocale().toString(refresh.asOf, QLocale::ShortFormat))
                 .arg(refresh.creators)
                 .arg(refresh.changed)
                 .arg(refresh.ladderVersion)
          << '\n';
}

QList<Command> levelCommands()
{
    const QString levels = QStringLiteral("levels");
    return {
        {{levels, QStringLiteral("list")},
         QT_TRANSLATE_NOOP("Cli", "List the level ladder's versions and show the active one"),
         &levelsList},
        {{levels, QStringLiteral("save")},
         QT_TRANSLATE_NOOP("Cli", "Save a ladder file as a new version (pm)"),
         &levelsSave},
        {{levels, QStringLiteral("approve")},
         QT_TRANSLATE_NOOP("Cli", "Approve a ladder version (pm, supervisor)"),
         &levelsApprove},
        {{levels, QStringLiteral("reject")},
         QT_TRANSLATE_NOOP("Cli", "Reject a ladder version (pm, supervisor)"),
         &levelsReject},
        {{levels, QStringLiteral("withdraw")},
         QT_TRANSLATE_NOOP("Cli", "Take back your ladder version waiting for approval"),
         &levelsWithdraw},
        {{levels, QStringLiteral("refresh")},
         QT_TRANSLATE_NOOP("Cli", "Bring every creator's level up to date (pm, admin)"),
         &levelsRefresh},
        {{levels, QStringLiteral("backfill")},
         QT_TRANSLATE_NOOP("Cli", "Compute the level distribution of past days (pm, admin)"),
         &levelsBackfill},
        {{levels, QStringLiteral("whatif")},
         QT_TRANSLATE_NOOP("Cli", "How many creators a ladder file would move (from a cache)"),
         &levelsWhatIf},
    };
}

} // namespace Cli

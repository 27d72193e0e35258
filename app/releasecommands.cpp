// coulisse-cli commands of the release channel: releases of the platform's apps and of
// Coulisse, their publication and rollout, the preview and the update decision.
#include "centralreleases.h"
#include "clicommands.h"
#include "semanticversion.h"

#include <QLocale>

#include <functional>

namespace Cli {

namespace {

/// The release ID given as the positional argument; 0 (with a message) when it is not one.
qint64 releaseId(const QCommandLineParser &parser)
{
    bool ok = false;
    const qint64 id = parser.positionalArguments().value(0).toLongLong(&ok);
    if (!ok || id <= 0) {
        err() << Text::tr("Give the release's ID (see 'coulisse-cli releases list').") << '\n';
        return 0;
    }
    return id;
}

/// Connects and runs \a work with the store's releases; prints the store's refusal.
template<typename Work>
int withReleases(const QCommandLineParser &parser, Work work)
{
    QSqlDatabase db;
    if (!connectToStore(parser, &db))
        return 1;
    CentralReleases releases(db);
    if (work(releases))
        return 0;
    if (!releases.errorString().isEmpty())
        err() << releases.errorString() << '\n';
    return 1;
}

/// A command on one release (its ID as the argument): \a work says what it did.
int onRelease(const QStringList &arguments, const QString &description,
              const std::function<bool(CentralReleases &, qint64)> &work)
{
    QCommandLineParser parser;
    parser.addOption(urlOption());
    int code = 0;
    if (!parse(parser, description, arguments, &code, QStringLiteral("ID")))
        return code;
    const qint64 id = releaseId(parser);
    if (id == 0)
        return 2;
    return withReleases(parser, [&](CentralReleases &releases) { return work(releases, id); });
}

QStringList listValue(const QCommandLineParser &parser, const QString &name)
{
    QStringList values = parser.value(name).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (QString &v : values)
        v = v.trimmed();
    return values;
}

int releasesList(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(urlOption());
    int code = 0;
    if (!parse(parser, Text::tr("Lists the releases, newest first (supervisors, pms, admins)."),
               arguments, &code))
        return code;
    return withReleases(parser, [](CentralReleases &releases) {
        const auto list = releases.releases();
        if (!list)
            return false;
        const QLocale l;
        for (const CentralReleases::Release &r : *list) {
            out() << pad(QString::number(r.id), 5) << ' ' << pad(r.app, 10) << ' '
                  << pad(r.platform, 8) << ' ' << pad(r.version, 14) << ' ' << pad(r.state, 12)
                  << ' ' << pad(l.toString(r.rolloutPercent, 'f', 2) + QLatin1Char('%'), 8) << ' '
                  << Text::tr("%1 offered").arg(l.toString(r.offers));
            if (!r.minVersion.isEmpty())
                out() << "  " << Text::tr("forced below %1").arg(r.minVersion);
            if (!r.publishRequestedBy.isEmpty() && r.state == QLatin1String("draft"))
                out() << "  "
                      << Text::tr("awaiting approval (asked by %1)").arg(r.publishRequestedBy);
            out() << '\n';
        }
        if (list->isEmpty())
            out() << Text::tr("No releases.") << '\n';
        return true;
    });
}

int releasesSave(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(urlOption());
    const auto option = [&](const char *name, const QString &help, const char *value) {
        parser.addOption({QLatin1String(name), help, QLatin1String(value)});
    };
    option("id", Text::tr("Change this release (default: create one)."), "ID");
    option("app", Text::tr("The app (lowercase letters, digits, _; e.g. coulisse)."), "APP");
    option("platform", Text::tr("android, ios, windows, macos or linux."), "PLATFORM");
    option("version", Text::tr("Its version (semantic: 5.2.1, 6.0.0-beta.1)."), "VERSION");
    option("min-version",
           Text::tr("The minimum supported version: below it the update is "
                    "forced (empty: never)."),
           "VERSION");
    option("percent", Text::tr("Rollout percentage, 0 to 100."), "N");
    option("channels", Text::tr("Only these channels, separated by commas (empty: all)."), "LIST");
    option("os",
           Text::tr("Only OS names starting with these, separated by commas (e.g. "
                    "\"Android 13,Android 14\"; empty: all)."),
           "LIST");
    option("from", Text::tr("Only users on this version or later."), "VERSION");
    option("to", Text::tr("Only users on this version or earlier."), "VERSION");
    option("users", Text::tr("Users who get it whatever the percentage, separated by commas."),
           "LIST");
    option("notes-zh", Text::tr("Release notes in Chinese."), "TEXT");
    option("notes-en", Text::tr("Release notes in English."), "TEXT");
    int code = 0;
    if (!parse(parser,
               Text::tr("Creates or changes a draft release (admins); a published release only "
                        "takes new notes."),
               arguments, &code))
        return code;
    for (const char *name : {"version", "min-version", "from", "to"}) {
        const QString value = parser.value(QLatin1String(name));
        if (!value.isEmpty() && !SemanticVersion::parse(value).isValid()) {
            err() << Text::tr("--%1: \"%2\" is not a version like 5.2.1.")
                         .arg(QLatin1String(name), value)
                  << '\n';
            return 2;
        }
    }
    return withReleases(parser, [&](CentralReleases &releases) {
        CentralReleases::Release r;
        if (parser.isSet(QStringLiteral("id"))) {
            const auto list = releases.releases();
            if (!list)
                return false;
            const qint64 id = parser.value(QStringLiteral("id")).toLongLong();
            const auto found = std::find_if(list->cbegin(), list->cend(),
                                            [id](const auto &x) { return x.id == id; });
            if (found == list->cend()) {
                err() << Text::tr("There is no release %1.").arg(id) << '\n';
                return false;
            }
            r = *found;
        }
        const auto text = [&](const char *name, QString &field) {
            if (parser.isSet(QLatin1String(name)))
                field = parser.value(QLatin1String(name));
        };
        const auto list = [&](const char *name, QStringList &field) {
            if (parser.isSet(QLatin1String(name)))
                field = listValue(parser, QLatin1String(name));
        };
        text("app", r.app);
        text("platform", r.platform);
        text("version", r.version);
        text("min-version", r.minVersion);
        text("from", r.fromVersion);
        text("to", r.toVersion);
        text("notes-zh", r.notesZh);
        text("notes-en", r.notesEn);
        list("channels", r.channels);
        list("os", r.osPrefixes);
        list("users", r.userKeys);
        if (parser.isSet(QStringLiteral("percent")))
            r.rolloutPercent = parser.value(QStringLiteral("percent")).toDouble();
        const qint64 id = releases.save(r);
        if (id <= 0)
            return false;
        out() << Text::tr("Saved release %1.").arg(id) << '\n';
        return true;
    });
}

int releasesPublish(const QStringList &arguments)
{
    return onRelease(
        arguments,
        Text::tr("Publishes a draft release (admins). When the approval policy asks for it, the "
                 "release waits for a second admin or a supervisor."),
        [](CentralReleases &releases, qint64 id) {
            const QString state = releases.publish(id);
            if (state.isEmpty())
                return false;
            out() << (state == QLatin1String("draft")
                          ? Text::tr("Release %1 waits for a second admin or a supervisor to "
                                     "approve it ('coulisse-cli releases approve %1').")
                                .arg(id)
                          : Text::tr("Release %1 is published; set its rollout with "
                                     "'coulisse-cli releases rollout %1 --percent N'.")
                                .arg(id))
                  << '\n';
            return true;
        });
}

int releasesApprove(const QStringList &arguments)
{
    return onRelease(arguments,
                     Text::tr("Approves the publication of a release someone else asked for "
                              "(admins, supervisors)."),
                     [](CentralReleases &releases, qint64 id) {
                         if (!releases.approve(id))
                             return false;
                         out() << Text::tr("Release %1 is published.").arg(id) << '\n';
                         return true;
                     });
}

int releasesDelete(const QStringList &arguments)
{
    return onRelease(arguments, Text::tr("Deletes a draft release (admins)."),
                     [](CentralReleases &releases, qint64 id) {
                         if (!releases.removeDraft(id))
                             return false;
                         out() << Text::tr("Deleted draft release %1.").arg(id) << '\n';
                         return true;
                     });
}

int releasesRollout(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(urlOption());
    parser.addOption({QStringLiteral("percent"), Text::tr("Roll out to N % of the users."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("halt"),
                      Text::tr("Stop offering it to anyone new (who has it keeps it).")});
    parser.addOption({QStringLiteral("resume"), Text::tr("Go on after a halt.")});
    parser.addOption({QStringLiteral("complete"), Text::tr("Offer it to everyone it targets.")});
    int code = 0;
    if (!parse(parser, Text::tr("Changes a published release's rollout (admins)."), arguments,
               &code, QStringLiteral("ID")))
        return code;
    const qint64 id = releaseId(parser);
    if (id == 0)
        return 2;
    QString action;
    int actions = 0;
    for (const char *name : {"percent", "halt", "resume", "complete"}) {
        if (parser.isSet(QLatin1String(name))) {
            action = QLatin1String(name);
            ++actions;
        }
    }
    bool ok = true;
    const double percent = parser.value(QStringLiteral("percent")).toDouble(&ok);
    if (actions != 1 || (action == QLatin1String("percent") && !ok)) {
        err() << Text::tr("Give one of --percent N, --halt, --resume or --complete.") << '\n';
        return 2;
    }
    return withReleases(parser, [&](CentralReleases &releases) {
        if (!releases.rollout(id, action, percent))
            return false;
        out() << Text::tr("Release %1: done.").arg(id) << '\n';
        return true;
    });
}

int releasesPreview(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(urlOption());
    parser.addOption({QStringLiteral("percent"),
                      Text::tr("At this percentage instead of the release's own."),
                      QStringLiteral("N")});
    int code = 0;
    if (!parse(parser,
               Text::tr("How many of the users active in the last 30 days a release would "
                        "reach."),
               arguments, &code, QStringLiteral("ID")))
        return code;
    const qint64 id = releaseId(parser);
    if (id == 0)
        return 2;
    const double percent = parser.isSet(QStringLiteral("percent"))
                               ? parser.value(QStringLiteral("percent")).toDouble()
                               : -1;
    return withReleases(parser, [&](CentralReleases &releases) {
        const auto p = releases.preview(id, percent);
        if (!p)
            return false;
        const QLocale l;
        out() << Text::tr("Users active in the last 30 days: %1; on the release's platform: %2; "
                          "in its target groups: %3; reached at %4 %: %5.")
                     .arg(l.toString(p->active), l.toString(p->platform), l.toString(p->targeted),
                          l.toString(p->percent, 'f', 2), l.toString(p->reached))
              << '\n';
        return true;
    });
}

int releasesDecide(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(urlOption());
    for (const char *name : {"app", "platform", "version", "user", "channel", "os"})
        parser.addOption({QLatin1String(name), Text::tr("The app's %1.").arg(QLatin1String(name)),
                          QStringLiteral("VALUE")});
    int code = 0;
    if (!parse(parser,
               Text::tr("Asks what the platform's update service asks at an app's start: "
                        "none, optional or forced, with the release (records the offer)."),
               arguments, &code))
        return code;
    return withReleases(parser, [&](CentralReleases &releases) {
        const auto d = releases.decide(
            parser.value(QStringLiteral("app")), parser.value(QStringLiteral("platform")),
            parser.value(QStringLiteral("version")), parser.value(QStringLiteral("user")),
            parser.value(QStringLiteral("channel")), parser.value(QStringLiteral("os")));
        if (!d)
            return false;
        out() << d->decision;
        if (d->decision != QLatin1String("none"))
            out() << ' ' << d->version;
        out() << '\n';
        return true;
    });
}

} // namespace

QList<Command> releaseCommands()
{
    const QString releases = QStringLiteral("releases");
    return {
        {{releases, QStringLiteral("list")},
         QT_TRANSLATE_NOOP("Cli", "List the app releases"),
         &releasesList},
        {{releases, QStringLiteral("save")},
         QT_TRANSLATE_NOOP("Cli", "Create or change a draft release (admin)"),
         &releasesSave},
        {{releases, QStringLiteral("publish")},
         QT_TRANSLATE_NOOP("Cli", "Publish a release, or ask for approval (admin)"),
         &releasesPublish},
        {{releases, QStringLiteral("approve")},
         QT_TRANSLATE_NOOP("Cli", "Approve a release's publication (admin, supervisor)"),
         &releasesApprove},
        {{releases, QStringLiteral("delete")},
         QT_TRANSLATE_NOOP("Cli", "Delete a draft release (admin)"),
         &releasesDelete},
        {{releases, QStringLiteral("rollout")},
         QT_TRANSLATE_NOOP("Cli", "Set the rollout percentage, halt, resume, complete (admin)"),
         &releasesRollout},
        {{releases, QStringLiteral("preview")},
         QT_TRANSLATE_NOOP("Cli", "How many recent users a release would reach"),
         &releasesPreview},
        {{releases, QStringLiteral("decide")},
         QT_TRANSLATE_NOOP("Cli", "The update decision for an app start"),
         &releasesDecide},
    };
}

} // namespace Cli

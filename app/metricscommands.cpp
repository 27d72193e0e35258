// coulisse-cli commands of the data platform: importing events, refreshing the metrics,
// their definitions and the campaigns (central store).
#include "centralconnection.h"
#include "centrallevels.h"
#include "centralmetrics.h"
#include "clicommands.h"
#include "eventimporter.h"

#include <QJsonDocument>
#include <QLocale>
#include <QSqlQuery>

namespace Cli {

namespace {

int eventsImport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(urlOption());
    parser.addOption(importFormatOption());
    parser.addOption({QStringLiteral("quiet"), Text::tr("Print no progress.")});
    int code = 0;
    if (!parse(parser,
               Text::tr("Imports a file of events (CSV with a header row, or JSON Lines) in one "
                        "transaction: a bad line stops the import with its line and column, "
                        "and nothing of the file is kept. Needs an admin's connection."),
               arguments, &code, QStringLiteral("FILE")))
        return code;
    EventImporter::Format format = EventImporter::Format::Auto;
    if (!importFormat(parser, &format))
        return 2;
    QSqlDatabase db;
    if (!connectToStore(parser, &db))
        return 1;
    EventImporter importer(db);
    const bool quiet = parser.isSet(QStringLiteral("quiet"));
    if (!quiet) {
        importer.setProgress([](qint64 done, qint64 total) {
            if (total > 0)
                err() << '\r' << Text::tr("Importing: %1 %").arg(done * 100 / total);
            err().flush();
        });
    }
    const QString file = parser.positionalArguments().constFirst();
    const EventImporter::Result result = importer.importFile(file, format);
    if (!quiet)
        err() << '\r';
    if (!result.ok) {
        err() << result.error << '\n' << Text::tr("Nothing of this file was imported.") << '\n';
        return 1;
    }
    const QLocale l;
    if (result.events == 0) {
        out() << Text::tr("%1 holds no events; nothing was imported.").arg(file) << '\n';
        return 0;
    }
    const double seconds = std::max<qint64>(result.elapsedMs, 1) / 1000.0;
    out() << Text::tr("Imported %1 events from %2 (%3 to %4 UTC) in %5 s, %6 events/s.")
                 .arg(l.toString(result.events), file,
                      result.first.toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                      result.last.toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                      l.toString(seconds, 'f', 1), l.toString(qint64(result.events / seconds)))
          << '\n'
          << Text::tr("Run 'coulisse-cli metrics refresh' to bring the metrics up to date.")
          << '\n';
    return 0;
}

int metricsRefresh(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(urlOption());
    parser.addOption({QStringLiteral("full"), Text::tr("Recompute every day, not only the days "
                                                       "with new events.")});
    int code = 0;
    if (!parse(parser,
               Text::tr("Brings the metric aggregates up to date with the events (product "
                        "managers and admins)."),
               arguments, &code))
        return code;
    QSqlDatabase db;
    if (!connectToStore(parser, &db))
        return 1;
    CentralMetrics metrics(db);
    const CentralMetrics::Refresh r = metrics.refresh(parser.isSet(QStringLiteral("full")));
    if (!r.ok) {
        err() << Text::tr("The refresh failed: %1").arg(metrics.errorString()) << '\n';
        return 1;
    }
    const QLocale l;
    if (r.days == 0)
        out() << Text::tr("The metrics were up to date (refresh %1, %2 s).")
                     .arg(r.id)
                     .arg(l.toString(r.elapsedMs / 1000.0, 'f', 1))
              << '\n';
    else
        out() << Text::tr("Refreshed %n day(s) from %1 to %2%3 in %4 s (refresh %5).", "", r.days)
                     .arg(r.firstDay.toString(Qt::ISODate), r.lastDay.toString(Qt::ISODate),
                          r.full ? Text::tr(", every day") : QString(),
                          l.toString(r.elapsedMs / 1000.0, 'f', 1))
                     .arg(r.id)
              << '\n';
    // The same events make the creators' levels: the daily job brings both up to date.
    if (!CentralLevels::supported(db))
        return 0;
    CentralLevels levels(db);
    const auto refreshed = levels.refresh({}, parser.isSet(QStringLiteral("full")));
    if (!refreshed) {
        err() << Text::tr("The levels' refresh failed: %1").arg(levels.errorString()) << '\n';
        return 1;
    }
    printLevelRefresh(*refreshed);
    return 0;
}

int metricsDefinitions(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(urlOption());
    parser.addOption({QStringLiteral("all"), Text::tr("Every version, not only the current one.")});
    int code = 0;
    if (!parse(parser, Text::tr("Prints the metric definitions (数据口径) and their versions."),
               arguments, &code))
        return code;
    QSqlDatabase db;
    if (!connectToStore(parser, &db))
        return 1;
    CentralMetrics metrics(db);
    const QList<CentralMetrics::Definition> list =
        metrics.definitions(!parser.isSet(QStringLiteral("all")));
    if (!metrics.errorString().isEmpty()) {
        err() << metrics.errorString() << '\n';
        return 1;
    }
    const QString language = QLocale().name().startsWith(QLatin1String("zh"))
                                 ? QStringLiteral("zh_CN")
                                 : QStringLiteral("en");
    for (const CentralMetrics::Definition &d : list) {
        out() << d.definition << " v" << d.version << "  ("
              << d.createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) << ", "
              << d.createdBy << (d.note.isEmpty() ? QString() : QStringLiteral(": ") + d.note)
              << ")\n  " << d.text(language) << "\n  "
              << QString::fromUtf8(QJsonDocument(d.params).toJson(QJsonDocument::Compact))
              << "\n\n";
    }
    return 0;
}

int metricsDefine(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(urlOption());
    parser.addOption({QStringLiteral("definition"),
                      Text::tr("new_users, active_users, content, plays, revenue or campaigns."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("params"),
                      Text::tr("The parameters as a JSON object (keys as in version 1)."),
                      QStringLiteral("JSON")});
    parser.addOption({QStringLiteral("text"), Text::tr("The written definition in English."),
                      QStringLiteral("TEXT")});
    parser.addOption({QStringLiteral("text-zh"), Text::tr("The written definition in Chinese."),
                      QStringLiteral("TEXT")});
    parser.addOption({QStringLiteral("note"), Text::tr("Why this version (shown with it)."),
                      QStringLiteral("TEXT")});
    int code = 0;
    if (!parse(parser,
               Text::tr("Records a new version of a metric definition (product managers). "
                        "Older versions and what they computed stay as they were."),
               arguments, &code))
        return code;
    for (const char *required : {"definition", "params", "text"}) {
        if (!parser.isSet(QLatin1String(required))) {
            err() << Text::tr("--%1 is required.").arg(QLatin1String(required)) << '\n';
            return 2;
        }
    }
    QJsonParseError error;
    const QJsonDocument params =
        QJsonDocument::fromJson(parser.value(QStringLiteral("params")).toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !params.isObject()) {
        err() << Text::tr("--params is not a JSON object: %1 (at character %2)")
                     .arg(error.error != QJsonParseError::NoError ? error.errorString()
                                                                  : Text::tr("not an object"))
                     .arg(error.offset + 1)
              << '\n';
        return 2;
    }
    QSqlDatabase db;
    if (!connectToStore(parser, &db))
        return 1;
    CentralMetrics metrics(db);
    QJsonObject description{{QStringLiteral("en"), parser.value(QStringLiteral("text"))}};
    if (parser.isSet(QStringLiteral("text-zh")))
        description.insert(QStringLiteral("zh_CN"), parser.value(QStringLiteral("text-zh")));
    const int version = metrics.define(parser.value(QStringLiteral("definition")), params.object(),
                                       description, parser.value(QStringLiteral("note")));
    if (version == 0) {
        err() << metrics.errorString() << '\n';
        return 1;
    }
    out() << Text::tr("Recorded %1 version %2; the next refresh computes it for every day.")
                 .arg(parser.value(QStringLiteral("definition")))
                 .arg(version)
          << '\n';
    return 0;
}

int metricsTimeZone(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(urlOption());
    parser.addOption({QStringLiteral("set"),
                      Text::tr("Set it (product managers); the next refresh recomputes every "
                               "day."),
                      QStringLiteral("ZONE")});
    int code = 0;
    if (!parse(parser, Text::tr("Prints or sets the time zone of the metrics' calendar days."),
               arguments, &code))
        return code;
    QSqlDatabase db;
    if (!connectToStore(parser, &db))
        return 1;
    CentralMetrics metrics(db);
    if (parser.isSet(QStringLiteral("set")) &&
        !metrics.setTimeZone(parser.value(QStringLiteral("set")))) {
        err() << metrics.errorString() << '\n';
        return 1;
    }
    const QString zone = metrics.timeZone();
    if (zone.isEmpty()) {
        err() << metrics.errorString() << '\n';
        return 1;
    }
    out() << zone << '\n';
    return 0;
}

int campaignsList(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(urlOption());
    int code = 0;
    if (!parse(parser, Text::tr("Lists the campaigns."), arguments, &code))
        return code;
    QSqlDatabase db;
    if (!connectToStore(parser, &db))
        return 1;
    CentralMetrics metrics(db);
    const QList<CentralMetrics::Campaign> list = metrics.campaigns();
    if (!metrics.errorString().isEmpty()) {
        err() << metrics.errorString() << '\n';
        return 1;
    }
    for (const CentralMetrics::Campaign &c : list) {
        out() << pad(c.id, 14) << ' ' << pad(c.name, 20) << ' ' << c.startDay.toString(Qt::ISODate)
              << " - " << c.endDay.addDays(-1).toString(Qt::ISODate) << "  "
              << (c.kind == QLatin1String("template") ? c.kind + QLatin1Char(':') + c.templateName
                                                      : c.kind)
              << "  " << c.events.join(QLatin1Char(',')) << " -> " << c.goalEvent << '\n';
    }
    if (list.isEmpty())
        out() << Text::tr("No campaigns.") << '\n';
    return 0;
}

int campaignsSave(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(urlOption());
    parser.addOption({QStringLiteral("id"), Text::tr("The campaign's ID."), QStringLiteral("ID")});
    parser.addOption({QStringLiteral("name"), Text::tr("Its name."), QStringLiteral("TEXT")});
    parser.addOption({QStringLiteral("template"),
                      Text::tr("A template campaign: join, upload or vip (events that name the "
                               "campaign count)."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("events"),
                      Text::tr("A custom campaign: the events that count as taking part, "
                               "separated by commas."),
                      QStringLiteral("LIST")});
    parser.addOption(
        {QStringLiteral("goal"), Text::tr("The goal event."), QStringLiteral("EVENT")});
    parser.addOption(
        {QStringLiteral("start"), Text::tr("First day (YYYY-MM-DD)."), QStringLiteral("DATE")});
    parser.addOption({QStringLiteral("end"), Text::tr("Last day (YYYY-MM-DD), included."),
                      QStringLiteral("DATE")});
    int code = 0;
    if (!parse(parser, Text::tr("Creates or changes a campaign (product managers and admins)."),
               arguments, &code))
        return code;
    for (const char *required : {"id", "name", "goal", "start", "end"}) {
        if (!parser.isSet(QLatin1String(required))) {
            err() << Text::tr("--%1 is required.").arg(QLatin1String(required)) << '\n';
            return 2;
        }
    }
    if (parser.isSet(QStringLiteral("template")) == parser.isSet(QStringLiteral("events"))) {
        err() << Text::tr("Give either --template or --events.") << '\n';
        return 2;
    }
    CentralMetrics::Campaign c;
    c.id = parser.value(QStringLiteral("id"));
    c.name = parser.value(QStringLiteral("name"));
    c.kind = parser.isSet(QStringLiteral("template")) ? QStringLiteral("template")
                                                      : QStringLiteral("custom");
    c.templateName = parser.value(QStringLiteral("template"));
    for (const QString &e :
         parser.value(QStringLiteral("events")).split(QLatin1Char(','), Qt::SkipEmptyParts))
        c.events.append(e.trimmed());
    c.goalEvent = parser.value(QStringLiteral("goal"));
    c.startDay = QDate::fromString(parser.value(QStringLiteral("start")), Qt::ISODate);
    c.endDay = QDate::fromString(parser.value(QStringLiteral("end")), Qt::ISODate).addDays(1);
    if (!c.startDay.isValid() || !c.endDay.isValid()) {
        err() << Text::tr("--start and --end take dates like 2026-11-01.") << '\n';
        return 2;
    }
    QSqlDatabase db;
    if (!connectToStore(parser, &db))
        return 1;
    CentralMetrics metrics(db);
    if (!metrics.saveCampaign(c)) {
        err() << metrics.errorString() << '\n';
        return 1;
    }
    out() << Text::tr("Saved campaign %1; the next refresh computes its effect.").arg(c.id) << '\n';
    return 0;
}

int campaignsDelete(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(urlOption());
    int code = 0;
    if (!parse(parser, Text::tr("Deletes a campaign and its figures."), arguments, &code,
               QStringLiteral("ID")))
        return code;
    QSqlDatabase db;
    if (!connectToStore(parser, &db))
        return 1;
    CentralMetrics metrics(db);
    if (!metrics.deleteCampaign(parser.positionalArguments().constFirst())) {
        err() << metrics.errorString() << '\n';
        return 1;
    }
    out() << Text::tr("Deleted.") << '\n';
    return 0;
}

} // namespace

QList<Command> metricsCommands()
{
    const QString events = QStringLiteral("events");
    const QString metrics = QStringLiteral("metrics");
    const QString campaigns = QStringLiteral("campaigns");
    return {
        {{events, QStringLiteral("import")},
         QT_TRANSLATE_NOOP("Cli", "Import a CSV or JSON Lines file of events (admin)"),
         &eventsImport},
        {{metrics, QStringLiteral("refresh")},
         QT_TRANSLATE_NOOP("Cli", "Bring the metric aggregates up to date (pm, admin)"),
         &metricsRefresh},
        {{metrics, QStringLiteral("definitions")},
         QT_TRANSLATE_NOOP("Cli", "Print the metric definitions and versions"),
         &metricsDefinitions},
        {{metrics, QStringLiteral("define")},
         QT_TRANSLATE_NOOP("Cli", "Record a new version of a metric definition (pm)"),
         &metricsDefine},
        {{metrics, QStringLiteral("time-zone")},
         QT_TRANSLATE_NOOP("Cli", "Print or set the metrics' time zone"),
         &metricsTimeZone},
        {{campaigns, QStringLiteral("list")},
         QT_TRANSLATE_NOOP("Cli", "List the campaigns"),
         &campaignsList},
        {{campaigns, QStringLiteral("save")},
         QT_TRANSLATE_NOOP("Cli", "Create or change a campaign (pm, admin)"),
         &campaignsSave},
        {{campaigns, QStringLiteral("delete")},
         QT_TRANSLATE_NOOP("Cli", "Delete a campaign (pm, admin)"),
         &campaignsDelete},
    };
}

} // namespace Cli

// coulisse-cli report: a dashboard of a cache's metrics as PDF, PNG or CSV, with no display
// (the offscreen platform), for cron.
#include "cachedatabase.h"
#include "clicommands.h"
#include "csvwriter.h"
#include "dashboarddocument.h"
#include "metricchart.h"
#include "metricdashboards.h"
#include "savedreports.h"
#include "translations.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>

#include <cmath>
#include <memory>

namespace Cli {
namespace {

// The options that say what a report shows (report, reports save).
struct SpecOptions
{
    QCommandLineOption dashboard{QStringLiteral("dashboard"),
                                 Text::tr("Dashboard: %1, or custom (with --metrics).")
                                     .arg(MetricDashboards::keys().join(QStringLiteral(", "))),
                                 QStringLiteral("NAME")};
    QCommandLineOption metrics{QStringLiteral("metrics"),
                               Text::tr("Metrics of a custom report, comma-separated: %1.")
                                   .arg(MetricStore::metrics().join(QStringLiteral(", "))),
                               QStringLiteral("LIST")};
    QCommandLineOption range{
        QStringLiteral("range"),
        Text::tr("Days ending on the last complete day: 7d, 30d, 90d, 365d, mtd, last-month, ytd "
                 "or all (default 30d)."),
        QStringLiteral("RANGE")};
    QCommandLineOption from{QStringLiteral("from"), Text::tr("First day (YYYY-MM-DD), with --to."),
                            QStringLiteral("DATE")};
    QCommandLineOption to{QStringLiteral("to"), Text::tr("Last day (YYYY-MM-DD)."),
                          QStringLiteral("DATE")};
    QCommandLineOption granularity{QStringLiteral("granularity"),
                                   Text::tr("day, week or month (default day)."),
                                   QStringLiteral("G")};
    QCommandLineOption split{
        QStringLiteral("split"),
        Text::tr("Split or filter by: platform, channel, os, device_model or source."),
        QStringLiteral("DIM")};
    QCommandLineOption value{QStringLiteral("value"), Text::tr("With --split: only this value."),
                             QStringLiteral("VALUE")};
    QCommandLineOption compare{
        QStringLiteral("compare"),
        Text::tr("Compare with the previous period (previous) or N days earlier (e.g. 7d)."),
        QStringLiteral("WITH")};

    QList<QCommandLineOption> all() const
    {
        return {dashboard, metrics, range, from, to, granularity, split, value, compare};
    }
};

// What a report shows: a dashboard (or custom metrics) and its filters.
struct Spec
{
    QString key;
    QStringList metrics;
    QString range; ///< a preset, or "custom" for fixed dates
    MetricDashboards::Filters filters;
};

int usage(const QString &message)
{
    err() << message << '\n';
    return 2;
}

// Reads the options over \a spec (which may come from a saved report); 0 or 2 (printed).
int readSpec(const QCommandLineParser &parser, const SpecOptions &o,
             const MetricStore::DataAsOf &asOf, Spec *spec)
{
    if (parser.isSet(o.dashboard))
        spec->key = parser.value(o.dashboard);
    if (parser.isSet(o.metrics))
        spec->metrics = parser.value(o.metrics).split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (parser.isSet(o.range))
        spec->range = parser.value(o.range);
    MetricDashboards::Filters &filters = spec->filters;
    if (spec->key.isEmpty())
        return usage(Text::tr("Name a --dashboard or a saved --report."));
    if (spec->key != QLatin1String("custom") && !MetricDashboards::keys().contains(spec->key))
        return usage(Text::tr("Unknown dashboard \"%1\"; dashboards: %2, custom.")
                         .arg(spec->key, MetricDashboards::keys().join(QStringLiteral(", "))));
    for (const QString &m : std::as_const(spec->metrics)) {
        if (!MetricStore::metrics().contains(m))
            return usage(Text::tr("Unknown metric \"%1\".").arg(m));
    }
    if (spec->key == QLatin1String("custom") && spec->metrics.isEmpty())
        return usage(Text::tr("A custom report needs --metrics."));
    if (parser.isSet(o.from) || parser.isSet(o.to)) {
        filters.from = QDate::fromString(parser.value(o.from), Qt::ISODate);
        filters.to = QDate::fromString(parser.value(o.to), Qt::ISODate);
        if (!filters.from.isValid() || !filters.to.isValid() || filters.from > filters.to)
            return usage(Text::tr("--from and --to need two dates, YYYY-MM-DD, in order."));
        spec->range = QStringLiteral("custom");
    } else if (spec->range != QLatin1String("custom") || !filters.from.isValid()) {
        if (spec->range.isEmpty() || spec->range == QLatin1String("custom"))
            spec->range = QStringLiteral("30d");
        if (!filters.applyPreset(spec->range, asOf.lastComplete, asOf.firstDay))
            return usage(Text::tr("Unknown range \"%1\".").arg(spec->range));
    }
    if (parser.isSet(o.granularity)) {
        const QString g = parser.value(o.granularity);
        if (g == QLatin1String("day"))
            filters.granularity = MetricStore::Granularity::Day;
        else if (g == QLatin1String("week"))
            filters.granularity = MetricStore::Granularity::Week;
        else if (g == QLatin1String("month"))
            filters.granularity = MetricStore::Granularity::Month;
        else
            return usage(Text::tr("--granularity is day, week or month."));
    }
    if (parser.isSet(o.split)) {
        filters.dim = parser.value(o.split);
        if (!QStringList{QStringLiteral("platform"), QStringLiteral("channel"),
                         QStringLiteral("os"), QStringLiteral("device_model"),
                         QStringLiteral("source")}
                 .contains(filters.dim))
            return usage(Text::tr("Unknown dimension \"%1\".").arg(filters.dim));
        filters.value = parser.value(o.value);
    }
    if (parser.isSet(o.compare)) {
        const QString with = parser.value(o.compare);
        static const QRegularExpression days(QStringLiteral("^(\\d{1,4})d$"));
        const QRegularExpressionMatch m = days.match(with);
        if (with == QLatin1String("previous")) {
            filters.compare = MetricDashboards::Compare::PreviousPeriod;
        } else if (m.hasMatch()) {
            filters.compare = MetricDashboards::Compare::Shift;
            filters.shiftDays = m.captured(1).toInt();
        } else {
            return usage(Text::tr("--compare is previous or a number of days such as 7d."));
        }
    }

    return 0;
}

// Opens \a path read-only and checks it holds metrics; prints why not.
bool openMetrics(CacheDatabase &cache, const QString &path, MetricStore::DataAsOf *asOf)
{
    if (!cache.open(path, CacheDatabase::Access::ReadOnly)) {
        err() << cache.errorString() << '\n';
        return false;
    }
    MetricStore store(cache.database());
    *asOf = store.dataAsOf();
    if (!store.ok()) {
        err() << store.errorString() << '\n';
        return false;
    }
    if (!asOf->any) {
        err() << Text::tr("The cache %1 holds no metrics: sync it as a supervisor, product "
                          "manager or admin first.")
                     .arg(QDir::toNativeSeparators(path))
              << '\n';
        return false;
    }
    return true;
}

int report(const QStringList &arguments)
{
    QCommandLineParser parser;
    const SpecOptions o;
    const QCommandLineOption savedOption(QStringLiteral("report"),
                                         Text::tr("A saved report of the cache's user, by name."),
                                         QStringLiteral("NAME"));
    const QCommandLineOption outOption(QStringLiteral("out"),
                                       Text::tr("The file to write: .pdf, .png or .csv."),
                                       QStringLiteral("FILE"));
    parser.addOptions(o.all() + QList<QCommandLineOption>{cacheOption(), savedOption, outOption});
    int code = 0;
    if (!parse(parser,
               Text::tr("Render a metrics dashboard of a cache as PDF, PNG or CSV, without a "
                        "display (for scheduled reports)."),
               arguments, &code))
        return code;
    const QString outPath = parser.value(outOption);
    const QString suffix = QFileInfo(outPath).suffix().toLower();
    if (outPath.isEmpty() ||
        !QStringList{QStringLiteral("pdf"), QStringLiteral("png"), QStringLiteral("csv")}.contains(
            suffix))
        return usage(Text::tr("--out must name a .pdf, .png or .csv file."));

    CacheDatabase cache;
    MetricStore::DataAsOf asOf;
    if (!openMetrics(cache, cachePath(parser), &asOf))
        return 1;
    MetricDashboards dashboards(cache.database());

    // What to show: a saved report, then the options over it.
    Spec spec;
    if (parser.isSet(savedOption)) {
        bool found = false;
        for (const SavedReports::Report &r : SavedReports(cache).list()) {
            if (r.name != parser.value(savedOption))
                continue;
            found = true;
            spec.key = r.spec.value(QStringLiteral("dashboard")).toString();
            for (const QJsonValue &v : r.spec.value(QStringLiteral("metrics")).toArray())
                spec.metrics.append(v.toString());
            spec.filters = MetricDashboards::Filters::fromJson(
                r.spec.value(QStringLiteral("filters")).toObject());
            spec.range = r.spec.value(QStringLiteral("preset")).toString();
        }
        if (!found)
            return usage(Text::tr("No saved report named \"%1\".").arg(parser.value(savedOption)));
    }
    if (const int problem = readSpec(parser, o, asOf, &spec))
        return problem;
    const QString &key = spec.key;
    const QStringList &metrics = spec.metrics;
    const MetricDashboards::Filters &filters = spec.filters;

    const QString language =
        Translations::current().isEmpty() ? QStringLiteral("en") : Translations::current();
    QList<MetricDashboards::PanelData> panels;
    if (key == QLatin1String("custom")) {
        for (const QString &m : std::as_const(metrics)) {
            MetricDashboards::PanelData d = dashboards.compute(
                MetricDashboards::Panel{m, MetricDashboards::Chart::Lines, {m}, {}, 8}, filters,
                language);
            d.title = MetricStore::metricName(m);
            panels.append(d);
        }
    } else {
        panels = dashboards.compute(key, filters, language);
    }
    if (!dashboards.store().ok()) {
        err() << dashboards.store().errorString() << '\n';
        return 1;
    }

    const QLocale locale;
    const QString dataAsOf =
        Text::tr("Data as of %1 (events until %2, time zone %3)")
            .arg(locale.toString(asOf.refreshed, QLocale::ShortFormat),
                 locale.toString(asOf.eventsUntil, QLocale::ShortFormat), asOf.timeZone);
    if (suffix == QLatin1String("csv")) {
        // One table for every panel, long form: panel, row, series, value, complete.
        QFile file(outPath);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            err() << Text::tr("Cannot write %1: %2").arg(outPath, file.errorString()) << '\n';
            return 1;
        }
        CsvWriter csv(&file);
        csv.writeRow({QStringLiteral("panel"), QStringLiteral("row"), QStringLiteral("series"),
                      QStringLiteral("value"), QStringLiteral("complete")});
        for (const MetricDashboards::PanelData &p : std::as_const(panels)) {
            for (const MetricTableModel::Column &c : p.columns) {
                for (qsizetype r = 0; r < p.categories.size(); ++r) {
                    const double v = c.values.value(r, qQNaN());
                    csv.writeRow(
                        {p.id, p.categories[r], c.title,
                         std::isnan(v) ? QString() : QString::number(v, 'g', 12),
                         p.incomplete.value(r) ? QStringLiteral("no") : QStringLiteral("yes")});
                }
            }
        }
        if (!csv.isOk() || !file.flush()) {
            err() << Text::tr("Cannot write %1: %2").arg(outPath, file.errorString()) << '\n';
            return 1;
        }
    } else {
        std::vector<std::unique_ptr<MetricChart>> charts;
        DashboardDocument doc;
        doc.title = key == QLatin1String("custom")
                        ? Text::tr("Custom report")
                        : Text::tr("%1 dashboard").arg(MetricDashboards::title(key));
        if (parser.isSet(savedOption))
            doc.title += QStringLiteral(" · ") + parser.value(savedOption);
        doc.filters = filters.describe();
        doc.dataAsOf = dataAsOf;
        doc.generated =
            Text::tr("Generated %1 by coulisse-cli")
                .arg(locale.toString(QDateTime::currentDateTime(), QLocale::LongFormat));
        for (const MetricDashboards::PanelData &p : std::as_const(panels)) {
            auto chart = std::make_unique<MetricChart>();
            chart->resize(1200, 480);
            chart->setPanel(p);
            QStringList notes;
            if (!p.subtitle.isEmpty())
                notes.append(p.subtitle);
            if (p.version > 0)
                notes.append(Text::tr("definition v%1").arg(p.version));
            doc.panels.append({p.title, notes.join(QStringLiteral(" · ")), chart.get(), p.empty});
            charts.push_back(std::move(chart));
        }
        QString error;
        const bool ok = suffix == QLatin1String("pdf") ? doc.writePdf(outPath, &error)
                                                       : doc.writePng(outPath, &error);
        if (!ok) {
            err() << error << '\n';
            return 1;
        }
    }
    out() << Text::tr("Wrote %1: %n panel(s), %2.", nullptr, int(panels.size()))
                 .arg(QDir::toNativeSeparators(outPath), filters.describe())
          << '\n';
    return 0;
}

QCommandLineOption nameOption()
{
    return {QStringLiteral("name"), Text::tr("The report's name."), QStringLiteral("NAME")};
}

int reportsList(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(cacheOption());
    int code = 0;
    if (!parse(parser, Text::tr("List the saved metric reports of a cache's user."), arguments,
               &code))
        return code;
    CacheDatabase cache;
    if (!cache.open(cachePath(parser), CacheDatabase::Access::ReadOnly)) {
        err() << cache.errorString() << '\n';
        return 1;
    }
    bool ok = false;
    SavedReports reports(cache);
    const QList<SavedReports::Report> list = reports.list(&ok);
    if (!ok) {
        err() << reports.errorString() << '\n';
        return 1;
    }
    for (const SavedReports::Report &r : list) {
        const MetricDashboards::Filters f =
            MetricDashboards::Filters::fromJson(r.spec.value(QStringLiteral("filters")).toObject());
        QString what = r.spec.value(QStringLiteral("dashboard")).toString();
        QStringList metrics;
        for (const QJsonValue &v : r.spec.value(QStringLiteral("metrics")).toArray())
            metrics.append(v.toString());
        if (!metrics.isEmpty())
            what += QStringLiteral(" (%1)").arg(metrics.join(QLatin1Char(',')));
        out() << pad(r.name, 24) << ' ' << pad(what, 28) << ' '
              << r.spec.value(QStringLiteral("preset")).toString() << ' '
              << MetricStore::granularityName(f.granularity)
              << (r.pending ? QStringLiteral(" · ") + Text::tr("not yet synced") : QString())
              << '\n';
    }
    if (list.isEmpty())
        out() << Text::tr("No saved reports.") << '\n';
    return 0;
}

int reportsSave(const QStringList &arguments)
{
    QCommandLineParser parser;
    const SpecOptions o;
    parser.addOptions(o.all() + QList<QCommandLineOption>{cacheOption(), nameOption()});
    int code = 0;
    if (!parse(parser,
               Text::tr("Save a metric report (a dashboard or custom metrics, and its filters) "
                        "by name in a cache; the next sync sends it to central."),
               arguments, &code))
        return code;
    if (parser.value(nameOption()).trimmed().isEmpty())
        return usage(Text::tr("A report needs a --name."));
    CacheDatabase cache;
    if (!cache.open(cachePath(parser))) {
        err() << cache.errorString() << '\n';
        return 1;
    }
    MetricStore::DataAsOf asOf = MetricStore(cache.database()).dataAsOf();
    if (!asOf.lastComplete.isValid())
        asOf.lastComplete = QDate::currentDate().addDays(-1);
    Spec spec;
    if (const int problem = readSpec(parser, o, asOf, &spec))
        return problem;
    QJsonObject json{{QStringLiteral("dashboard"), spec.key},
                     {QStringLiteral("filters"), spec.filters.toJson()},
                     {QStringLiteral("preset"), spec.range}};
    if (!spec.metrics.isEmpty())
        json.insert(QStringLiteral("metrics"), QJsonArray::fromStringList(spec.metrics));
    SavedReports reports(cache);
    if (!reports.save(parser.value(nameOption()), json)) {
        err() << reports.errorString() << '\n';
        return 1;
    }
    out() << Text::tr("Saved report \"%1\".").arg(parser.value(nameOption()).trimmed()) << '\n';
    return 0;
}

int reportsDelete(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOptions({cacheOption(), nameOption()});
    int code = 0;
    if (!parse(parser,
               Text::tr("Delete a saved metric report; the next sync deletes it on "
                        "central too."),
               arguments, &code))
        return code;
    CacheDatabase cache;
    if (!cache.open(cachePath(parser))) {
        err() << cache.errorString() << '\n';
        return 1;
    }
    SavedReports reports(cache);
    bool known = false;
    for (const SavedReports::Report &r : reports.list())
        known = known || r.name == parser.value(nameOption());
    if (!known)
        return usage(Text::tr("No saved report named \"%1\".").arg(parser.value(nameOption())));
    if (!reports.remove(parser.value(nameOption()))) {
        err() << reports.errorString() << '\n';
        return 1;
    }
    out() << Text::tr("Deleted report \"%1\".").arg(parser.value(nameOption())) << '\n';
    return 0;
}

} // namespace

QList<Command> reportCommands()
{
    return {{{QStringLiteral("report")},
             QT_TRANSLATE_NOOP("Cli", "Render a metrics dashboard as PDF, PNG or CSV (no display)"),
             report},
            {{QStringLiteral("reports"), QStringLiteral("list")},
             QT_TRANSLATE_NOOP("Cli", "List the saved metric reports of a cache"),
             reportsList},
            {{QStringLiteral("reports"), QStringLiteral("save")},
             QT_TRANSLATE_NOOP("Cli", "Save a metric report by name (synced, per user)"),
             reportsSave},
            {{QStringLiteral("reports"), QStringLiteral("delete")},
             QT_TRANSLATE_NOOP("Cli", "Delete a saved metric report"),
             reportsDelete}};
}

} // namespace Cli

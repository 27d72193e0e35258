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
#include <QLocale>
#include <QRegularExpression>

#include <cmath>
#include <memory>

namespace Cli {
namespace {

int report(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption dashboardOption(
        QStringLiteral("dashboard"),
        Text::tr("Dashboard: %1, or custom (with --metrics).")
            .arg(MetricDashboards::keys().join(QStringLiteral(", "))),
        QStringLiteral("NAME"));
    const QCommandLineOption metricsOption(
        QStringLiteral("metrics"),
        Text::tr("Metrics of a custom report, comma-separated: %1.")
            .arg(MetricStore::metrics().join(QStringLiteral(", "))),
        QStringLiteral("LIST"));
    const QCommandLineOption savedOption(QStringLiteral("report"),
                                         Text::tr("A saved report of the cache's user, by name."),
                                         QStringLiteral("NAME"));
    const QCommandLineOption rangeOption(
        QStringLiteral("range"),
        Text::tr("Days ending on the last complete day: 7d, 30d, 90d, 365d, mtd, last-month, ytd "
                 "or all (default 30d)."),
        QStringLiteral("RANGE"));
    const QCommandLineOption fromOption(QStringLiteral("from"),
                                        Text::tr("First day (YYYY-MM-DD), with --to."),
                                        QStringLiteral("DATE"));
    const QCommandLineOption toOption(QStringLiteral("to"), Text::tr("Last day (YYYY-MM-DD)."),
                                      QStringLiteral("DATE"));
    const QCommandLineOption grainOption(QStringLiteral("granularity"),
                                         Text::tr("day, week or month (default day)."),
                                         QStringLiteral("G"));
    const QCommandLineOption splitOption(
        QStringLiteral("split"),
        Text::tr("Split or filter by: platform, channel, os, device_model or source."),
        QStringLiteral("DIM"));
    const QCommandLineOption valueOption(QStringLiteral("value"),
                                         Text::tr("With --split: only this value."),
                                         QStringLiteral("VALUE"));
    const QCommandLineOption compareOption(
        QStringLiteral("compare"),
        Text::tr("Compare with the previous period (previous) or N days earlier (e.g. 7d)."),
        QStringLiteral("WITH"));
    const QCommandLineOption outOption(QStringLiteral("out"),
                                       Text::tr("The file to write: .pdf, .png or .csv."),
                                       QStringLiteral("FILE"));
    parser.addOptions({cacheOption(), dashboardOption, metricsOption, savedOption, rangeOption,
                       fromOption, toOption, grainOption, splitOption, valueOption, compareOption,
                       outOption});
    int code = 0;
    if (!parse(parser,
               Text::tr("Render a metrics dashboard of a cache as PDF, PNG or CSV, without a "
                        "display (for scheduled reports)."),
               arguments, &code))
        return code;
    const auto usage = [](const QString &message) {
        err() << message << '\n';
        return 2;
    };
    const QString outPath = parser.value(outOption);
    const QString suffix = QFileInfo(outPath).suffix().toLower();
    if (outPath.isEmpty() ||
        !QStringList{QStringLiteral("pdf"), QStringLiteral("png"), QStringLiteral("csv")}.contains(
            suffix))
        return usage(Text::tr("--out must name a .pdf, .png or .csv file."));

    CacheDatabase cache;
    if (!cache.open(cachePath(parser), CacheDatabase::Access::ReadOnly)) {
        err() << cache.errorString() << '\n';
        return 1;
    }
    MetricDashboards dashboards(cache.database());
    const MetricStore::DataAsOf asOf = dashboards.store().dataAsOf();
    if (!dashboards.store().ok()) {
        err() << dashboards.store().errorString() << '\n';
        return 1;
    }
    if (!asOf.any) {
        err() << Text::tr("The cache %1 holds no metrics: sync it as a supervisor, product "
                          "manager or admin first.")
                     .arg(QDir::toNativeSeparators(cachePath(parser)))
              << '\n';
        return 1;
    }

    // What to show: a saved report, or the options.
    QString key = parser.value(dashboardOption);
    QStringList metrics = parser.value(metricsOption).split(QLatin1Char(','), Qt::SkipEmptyParts);
    MetricDashboards::Filters filters;
    QString range = parser.value(rangeOption);
    if (parser.isSet(savedOption)) {
        bool found = false;
        for (const SavedReports::Report &r : SavedReports(cache).list()) {
            if (r.name != parser.value(savedOption))
                continue;
            found = true;
            key = r.spec.value(QStringLiteral("dashboard")).toString();
            for (const QJsonValue &v : r.spec.value(QStringLiteral("metrics")).toArray())
                metrics.append(v.toString());
            filters = MetricDashboards::Filters::fromJson(
                r.spec.value(QStringLiteral("filters")).toObject());
            if (range.isEmpty())
                range = r.spec.value(QStringLiteral("preset")).toString();
        }
        if (!found)
            return usage(Text::tr("No saved report named \"%1\".").arg(parser.value(savedOption)));
    }
    if (key.isEmpty())
        return usage(Text::tr("Name a --dashboard or a saved --report."));
    if (key != QLatin1String("custom") && !MetricDashboards::keys().contains(key))
        return usage(Text::tr("Unknown dashboard \"%1\"; dashboards: %2, custom.")
                         .arg(key, MetricDashboards::keys().join(QStringLiteral(", "))));
    for (const QString &m : std::as_const(metrics)) {
        if (!MetricStore::metrics().contains(m))
            return usage(Text::tr("Unknown metric \"%1\".").arg(m));
    }
    if (key == QLatin1String("custom") && metrics.isEmpty())
        return usage(Text::tr("A custom report needs --metrics."));
    if (parser.isSet(fromOption) || parser.isSet(toOption)) {
        filters.from = QDate::fromString(parser.value(fromOption), Qt::ISODate);
        filters.to = QDate::fromString(parser.value(toOption), Qt::ISODate);
        if (!filters.from.isValid() || !filters.to.isValid() || filters.from > filters.to)
            return usage(Text::tr("--from and --to need two dates, YYYY-MM-DD, in order."));
    } else if (range != QLatin1String("custom") || !filters.from.isValid()) {
        if (range.isEmpty() || range == QLatin1String("custom"))
            range = QStringLiteral("30d");
        if (!filters.applyPreset(range, asOf.lastComplete, asOf.firstDay))
            return usage(Text::tr("Unknown range \"%1\".").arg(range));
    }
    if (parser.isSet(grainOption)) {
        const QString g = parser.value(grainOption);
        if (g == QLatin1String("day"))
            filters.granularity = MetricStore::Granularity::Day;
        else if (g == QLatin1String("week"))
            filters.granularity = MetricStore::Granularity::Week;
        else if (g == QLatin1String("month"))
            filters.granularity = MetricStore::Granularity::Month;
        else
            return usage(Text::tr("--granularity is day, week or month."));
    }
    if (parser.isSet(splitOption)) {
        filters.dim = parser.value(splitOption);
        if (!QStringList{QStringLiteral("platform"), QStringLiteral("channel"),
                         QStringLiteral("os"), QStringLiteral("device_model"),
                         QStringLiteral("source")}
                 .contains(filters.dim))
            return usage(Text::tr("Unknown dimension \"%1\".").arg(filters.dim));
        filters.value = parser.value(valueOption);
    }
    if (parser.isSet(compareOption)) {
        const QString with = parser.value(compareOption);
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

} // namespace

QList<Command> reportCommands()
{
    return {{{QStringLiteral("report")},
             QT_TRANSLATE_NOOP("Cli", "Render a metrics dashboard as PDF, PNG or CSV (no display)"),
             report}};
}

} // namespace Cli

#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

/// Reads the metric aggregates a cache holds (synced by MetricsSync) into chart series: sums
/// over periods of a day, an ISO week or a month, rates as sum(num) / sum(den), one series per
/// value of a dimension, the retention triangle and the campaigns. Periods that reach past the
/// last complete day or start before the range are marked incomplete. No widgets: the Metrics
/// page, `coulisse-cli report` and the tests all read through it.
class MetricStore
{
    Q_DECLARE_TR_FUNCTIONS(MetricStore)

public:
    enum class Granularity { Day, Week, Month };
    /// How a metric's days add up to a period.
    enum class Kind {
        Sum,     ///< counts: the days' sum
        Ratio,   ///< rates and averages: sum(num) / sum(den)
        Average, ///< distinct daily counts (DAU): the mean of the days
        Last     ///< rolling distinct counts (WAU, MAU): the period's last day
    };
    enum class Unit { Count, Percent, Seconds, Amount };

    struct Point
    {
        QDate period;           ///< first day of the period
        double value = qQNaN(); ///< NaN: no data (a rate with nothing to divide by)
        bool incomplete = false;
    };
    struct Series
    {
        QString metric;
        QString dim;   ///< "" for the total
        QString value; ///< the dimension's value ("" for the total)
        QList<Point> points;
    };
    struct DataAsOf
    {
        bool any = false;      ///< the cache holds aggregates at all
        QDateTime refreshed;   ///< when central computed them
        QDateTime eventsUntil; ///< the newest event they include
        QString timeZone;
        QDate lastComplete; ///< the last day with all its events
        QDate firstDay;     ///< the oldest day with data
    };
    struct Definition
    {
        QString definition;
        int version = 0;
        QString text; ///< in the requested language (English when it has none)
        QString note;
    };
    struct RetentionRow
    {
        QDate cohort; ///< first day of the cohort period
        qint64 size = 0;
        QList<double> rates; ///< rates[n], n = 0..30: NaN when day n is not complete yet
        bool incomplete = false;
    };
    struct Campaign
    {
        QString id;
        QString name;
        QDate start;
        QDate end; ///< exclusive
        qint64 activeBefore = 0, participantsBefore = 0, convertedBefore = 0;
        qint64 activeDuring = 0, participantsDuring = 0, convertedDuring = 0;
        QList<QPair<QDate, qint64>> daily; ///< participants per day
    };

    explicit MetricStore(const QSqlDatabase &cache);

    static Kind kindOf(const QString &metric);
    static Unit unitOf(const QString &metric);
    static QString definitionOf(const QString &metric);
    /// Every metric of metric_daily, and "stickiness" (DAU / MAU, derived).
    static QStringList metrics();
    /// The dimensions \a metric is split by ("" first: the total).
    static QStringList dimensionsOf(const QString &metric);
    /// The metric's name for people, in the installed language.
    static QString metricName(const QString &metric);
    static QString dimensionName(const QString &dim);
    /// A dimension value for people ("pc_recorder" is "PC recorder").
    static QString valueName(const QString &dim, const QString &value);
    static QString granularityName(Granularity g);
    static QDate periodStart(const QDate &day, Granularity g);
    static QDate periodEnd(const QDate &day, Granularity g);
    /// A period as its label ("2026-11-02", "2026-W45", "2026-11").
    static QString periodLabel(const QDate &start, Granularity g);
    /// \a value formatted in \a unit for a table or tooltip.
    static QString format(double value, Unit unit);

    DataAsOf dataAsOf();
    /// The current version of \a definition and its text in \a language.
    Definition definition(const QString &definition, const QString &language);
    /// Values of \a dim for \a metric in [from, to], the largest first.
    QStringList values(const QString &metric, const QString &dim, const QDate &from,
                       const QDate &to);

    /// One series per value of \a dim (only \a values when not empty; at most \a top of them,
    /// the largest, when \a top > 0), or the total when \a dim is empty.
    QList<Series> series(const QString &metric, const QString &dim, const QStringList &values,
                         const QDate &from, const QDate &to, Granularity g, int top = 0);
    /// Cohorts that started in [from, to], by period, for \a dim = \a value (or all).
    QList<RetentionRow> retention(const QDate &from, const QDate &to, Granularity g,
                                  const QString &dim = {}, const QString &value = {});
    /// Campaigns whose window meets [from, to].
    QList<Campaign> campaigns(const QDate &from, const QDate &to);
    /// Videos published in [from, to] by period, with and without tags: {tagged, untagged}.
    QList<Series> tagging(const QDate &from, const QDate &to, Granularity g);
    /// The most used video tags: (name, uses).
    QList<QPair<QString, qint64>> topTags(int count);

    bool ok() const { return m_error.isEmpty(); }
    QString errorString() const { return m_error; }

private:
    int currentVersion(const QString &definition);
    QList<QDate> periods(const QDate &from, const QDate &to, Granularity g) const;
    bool failed(const class QSqlQuery &q);

    QSqlDatabase m_db;
    DataAsOf m_asOf;
    bool m_asOfRead = false;
    QString m_error;
};

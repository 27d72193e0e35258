#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QStringList>

/// The creator growth ladder (issue: creator levels): levels 1..N, each with a rule over creator
/// metrics and the resources it grants. A rule is a criterion {"metric", "window", "min"} or a
/// combination {"all": [rules]} / {"any": [rules]}. Metrics: videos (published), plays,
/// featured (videos), featured_rate (featured / published, 0-1), active_days, followers; a
/// window is 30, 90 or 365 days, or 0 for all time.
///
/// A creator is at the highest level L whose rule holds together with the rules of every level
/// below it (a ladder is climbed rung by rung), 0 when level 1's does not. Progress towards the
/// next level is, for a criterion, its value over its minimum (at most 1); for "all" the least
/// of its parts, for "any" the greatest.
class LevelLadder
{
    Q_DECLARE_TR_FUNCTIONS(LevelLadder)

public:
    struct Level
    {
        int level = 0;
        QString nameZh;
        QString nameEn;
        QStringList resources;
        QJsonObject rule;
    };

    /// A creator's metrics, keyed "metric:window" ("plays:30", "videos:0").
    using Stats = QHash<QString, double>;

    struct Standing
    {
        int level = 0;
        double progress = 0; ///< towards level + 1 (1 at the top level)
    };

    /// Reads and checks a ladder; on failure isValid() is false and errorString() names the
    /// place ("levels[2].rule.all[0]: unknown metric \"likes\"").
    static LevelLadder fromJson(const QJsonObject &json);
    /// Reads a ladder file's text; a JSON syntax error names "source:line:column".
    static LevelLadder fromText(const QByteArray &text, const QString &source);
    QJsonObject toJson() const;

    bool isValid() const { return m_error.isEmpty(); }
    QString errorString() const { return m_error; }
    const QList<Level> &levels() const { return m_levels; }

    /// A level's name in the language of the interface, else in the other.
    static QString levelName(const QString &nameZh, const QString &nameEn);
    /// Progress as a whole percentage: rounded down (0.29 is 29, not 28 from 28.999…), and
    /// below 100 until the rule holds.
    static int percent(double progress);

    static QStringList metrics();
    static QString metricName(const QString &metric);
    /// "30 days", "all time".
    static QString windowName(int window);
    /// The criteria of a rule, every level of "all" and "any" flattened.
    static QList<QJsonObject> criteria(const QJsonObject &rule);
    /// A rule in words: "videos in 90 days ≥ 3 and (plays in 30 days ≥ 50 or …)".
    static QString describe(const QJsonObject &rule);
    static QList<int> windows();
    /// Every "metric:window" key the ladder's rules read.
    QStringList statKeys() const;

    Standing standing(const Stats &stats) const;
    static bool holds(const QJsonObject &rule, const Stats &stats);
    static double progress(const QJsonObject &rule, const Stats &stats);

private:
    static bool checkRule(const QJsonObject &rule, const QString &path, int depth, QString *error);
    static void collectKeys(const QJsonObject &rule, QStringList *keys);

    QList<Level> m_levels;
    QString m_error;
};

/// A ladder compiled for placing many creators (the what-if preview): rules become nodes that
/// read a creator's stats by position in keys(). Gives exactly LevelLadder::standing().
class LadderEvaluator
{
public:
    explicit LadderEvaluator(const LevelLadder &ladder);

    /// The stats to supply, in order ("metric:window").
    const QStringList &keys() const { return m_keys; }
    int levelCount() const { return int(m_roots.size()); }
    /// \a values holds keys().size() stats.
    LevelLadder::Standing standing(const double *values) const;

private:
    enum Kind : quint8 { Criterion, All, Any };
    struct Node
    {
        Kind kind = Criterion;
        int key = -1;   ///< a criterion's stat
        double min = 0; ///< a criterion's minimum
        int first = 0;  ///< a combination's parts in m_parts
        int count = 0;
    };

    int compile(const QJsonObject &rule);
    bool holds(int node, const double *values) const;
    double progress(int node, const double *values) const;

    QList<Node> m_nodes;
    QList<int> m_parts;
    QList<int> m_roots;
    QStringList m_keys;
};

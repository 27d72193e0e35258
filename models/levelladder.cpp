#include "levelladder.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace {

QString keyOf(const QJsonObject &criterion)
{
    return criterion.value(QLatin1String("metric")).toString() + QLatin1Char(':') +
           QString::number(criterion.value(QLatin1String("window")).toInt());
}

QStringList stringList(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &v : value.toArray())
        list.append(v.toString());
    return list;
}

} // namespace

QStringList LevelLadder::metrics()
{
    return {QStringLiteral("videos"),      QStringLiteral("plays"),
            QStringLiteral("featured"),    QStringLiteral("featured_rate"),
            QStringLiteral("active_days"), QStringLiteral("followers")};
}

QList<int> LevelLadder::windows()
{
    return {30, 90, 365, 0};
}

bool LevelLadder::checkRule(const QJsonObject &rule, const QString &path, int depth, QString *error)
{
    if (depth > 8) {
        *error = tr("%1: rules nest at most 8 deep").arg(path);
        return false;
    }
    const bool all = rule.contains(QLatin1String("all"));
    const bool any = rule.contains(QLatin1String("any"));
    if (all || any) {
        if (all && any) {
            *error = tr("%1: a rule is \"all\" or \"any\", not both").arg(path);
            return false;
        }
        const QString kind = all ? QStringLiteral("all") : QStringLiteral("any");
        const QJsonValue parts = rule.value(kind);
        if (!parts.isArray() || parts.toArray().isEmpty()) {
            *error = tr("%1.%2: a non-empty list of rules").arg(path, kind);
            return false;
        }
        const QJsonArray list = parts.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (!list.at(i).isObject()) {
                *error = tr("%1.%2[%3]: not a rule").arg(path, kind).arg(i);
                return false;
            }
            if (!checkRule(list.at(i).toObject(),
                           QStringLiteral("%1.%2[%3]").arg(path, kind).arg(i), depth + 1, error))
                return false;
        }
        return true;
    }
    const QString metric = rule.value(QLatin1String("metric")).toString();
    if (!metrics().contains(metric)) {
        *error = tr("%1: unknown metric \"%2\" (known: %3)")
                     .arg(path, metric, metrics().join(QStringLiteral(", ")));
        return false;
    }
    const QJsonValue window = rule.value(QLatin1String("window"));
    if (!window.isDouble() || !windows().contains(window.toInt()) ||
        window.toDouble() != window.toInt()) {
        *error = tr("%1: the window is 30, 90 or 365 days, or 0 for all time").arg(path);
        return false;
    }
    const QJsonValue min = rule.value(QLatin1String("min"));
    if (!min.isDouble() || min.toDouble() < 0 || !std::isfinite(min.toDouble()) ||
        (metric == QLatin1String("featured_rate") && min.toDouble() > 1)) {
        *error = metric == QLatin1String("featured_rate")
                     ? tr("%1: the minimum of a rate is from 0 to 1").arg(path)
                     : tr("%1: the minimum is a number of at least 0").arg(path);
        return false;
    }
    for (auto it = rule.begin(); it != rule.end(); ++it) {
        if (it.key() != QLatin1String("metric") && it.key() != QLatin1String("window") &&
            it.key() != QLatin1String("min")) {
            *error = tr("%1: unknown key \"%2\"").arg(path, it.key());
            return false;
        }
    }
    return true;
}

LevelLadder LevelLadder::fromJson(const QJsonObject &json)
{
    LevelLadder ladder;
    const QJsonArray levels = json.value(QLatin1String("levels")).toArray();
    if (levels.isEmpty()) {
        ladder.m_error = tr("levels: a ladder has at least one level");
        return ladder;
    }
    for (qsizetype i = 0; i < levels.size(); ++i) {
        const QString path = QStringLiteral("levels[%1]").arg(i);
        const QJsonObject o = levels.at(i).toObject();
        Level level;
        level.level = o.value(QLatin1String("level")).toInt();
        if (level.level != i + 1) {
            ladder.m_error =
                tr("%1: levels are numbered 1, 2, 3… in order (expected %2)").arg(path).arg(i + 1);
            return ladder;
        }
        level.nameZh = o.value(QLatin1String("name_zh")).toString().trimmed();
        level.nameEn = o.value(QLatin1String("name_en")).toString().trimmed();
        if (level.nameZh.isEmpty() && level.nameEn.isEmpty()) {
            ladder.m_error = tr("%1: a level has a name").arg(path);
            return ladder;
        }
        level.resources = stringList(o.value(QLatin1String("resources")));
        level.rule = o.value(QLatin1String("rule")).toObject();
        if (!checkRule(level.rule, path + QStringLiteral(".rule"), 0, &ladder.m_error))
            return ladder;
        ladder.m_levels.append(level);
    }
    return ladder;
}

QJsonObject LevelLadder::toJson() const
{
    QJsonArray levels;
    for (const Level &l : m_levels) {
        levels.append(
            QJsonObject{{QStringLiteral("level"), l.level},
                        {QStringLiteral("name_zh"), l.nameZh},
                        {QStringLiteral("name_en"), l.nameEn},
                        {QStringLiteral("resources"), QJsonArray::fromStringList(l.resources)},
                        {QStringLiteral("rule"), l.rule}});
    }
    return {{QStringLiteral("levels"), levels}};
}

void LevelLadder::collectKeys(const QJsonObject &rule, QStringList *keys)
{
    for (const char *kind : {"all", "any"}) {
        for (const QJsonValue &part : rule.value(QLatin1String(kind)).toArray())
            collectKeys(part.toObject(), keys);
    }
    if (rule.contains(QLatin1String("metric")) && !keys->contains(keyOf(rule)))
        keys->append(keyOf(rule));
}

QStringList LevelLadder::statKeys() const
{
    QStringList keys;
    for (const Level &l : m_levels)
        collectKeys(l.rule, &keys);
    return keys;
}

bool LevelLadder::holds(const QJsonObject &rule, const Stats &stats)
{
    if (rule.contains(QLatin1String("all"))) {
        const QJsonArray parts = rule.value(QLatin1String("all")).toArray();
        return std::all_of(parts.begin(), parts.end(),
                           [&](const QJsonValue &p) { return holds(p.toObject(), stats); });
    }
    if (rule.contains(QLatin1String("any"))) {
        const QJsonArray parts = rule.value(QLatin1String("any")).toArray();
        return std::any_of(parts.begin(), parts.end(),
                           [&](const QJsonValue &p) { return holds(p.toObject(), stats); });
    }
    return stats.value(keyOf(rule), 0) >= rule.value(QLatin1String("min")).toDouble();
}

double LevelLadder::progress(const QJsonObject &rule, const Stats &stats)
{
    for (const char *kind : {"all", "any"}) {
        if (!rule.contains(QLatin1String(kind)))
            continue;
        const bool all = kind[1] == 'l';
        double result = all ? 1 : 0;
        for (const QJsonValue &part : rule.value(QLatin1String(kind)).toArray()) {
            const double p = progress(part.toObject(), stats);
            result = all ? std::min(result, p) : std::max(result, p);
        }
        return result;
    }
    const double min = rule.value(QLatin1String("min")).toDouble();
    if (min <= 0)
        return 1;
    return std::clamp(stats.value(keyOf(rule), 0) / min, 0.0, 1.0);
}

LevelLadder::Standing LevelLadder::standing(const Stats &stats) const
{
    Standing s;
    for (const Level &l : m_levels) {
        if (!holds(l.rule, stats))
            break;
        s.level = l.level;
    }
    s.progress = s.level >= m_levels.size() ? 1 : progress(m_levels.at(s.level).rule, stats);
    return s;
}

#include "levelladder.h"

#include "translations.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

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

// Limits the store checks too (level_ladder_error in schema 13): a ladder is something people
// read, and its what-if runs on every keystroke.
constexpr double kMaxMinimum = 1e15;
constexpr int kMaxName = 100;
constexpr int kMaxResources = 50;
constexpr int kMaxResource = 200;
constexpr int kMaxRuleParts = 50;

// Characters as PostgreSQL's length() counts them (code points, not UTF-16 units).
qsizetype characters(const QString &text)
{
    return text.toUcs4().size();
}

// The criteria, "all" and "any" of a rule, itself included.
int ruleParts(const QJsonObject &rule)
{
    int parts = 1;
    for (const char *kind : {"all", "any"}) {
        for (const QJsonValue &part : rule.value(QLatin1String(kind)).toArray())
            parts += ruleParts(part.toObject());
    }
    return parts;
}

} // namespace

QString LevelLadder::levelName(const QString &nameZh, const QString &nameEn)
{
    const bool chinese = Translations::current() == QLatin1String("zh_CN");
    const QString &first = chinese ? nameZh : nameEn;
    return first.isEmpty() ? (chinese ? nameEn : nameZh) : first;
}

int LevelLadder::percent(double progress)
{
    const int whole = int(std::floor(std::clamp(progress, 0.0, 1.0) * 100 + 1e-9));
    return progress < 1 ? std::min(whole, 99) : 100;
}

QStringList LevelLadder::metrics()
{
    return {QStringLiteral("videos"),      QStringLiteral("plays"),
            QStringLiteral("featured"),    QStringLiteral("featured_rate"),
            QStringLiteral("active_days"), QStringLiteral("followers")};
}

QString LevelLadder::metricName(const QString &metric)
{
    if (metric == QLatin1String("videos"))
        return tr("videos published");
    if (metric == QLatin1String("plays"))
        return tr("plays");
    if (metric == QLatin1String("featured"))
        return tr("featured videos");
    if (metric == QLatin1String("featured_rate"))
        return tr("featured rate");
    if (metric == QLatin1String("active_days"))
        return tr("active days");
    if (metric == QLatin1String("followers"))
        return tr("followers gained");
    return metric;
}

QString LevelLadder::windowName(int window)
{
    return window == 0 ? tr("all time") : tr("%n days", nullptr, window);
}

QList<QJsonObject> LevelLadder::criteria(const QJsonObject &rule)
{
    QList<QJsonObject> result;
    for (const char *kind : {"all", "any"}) {
        for (const QJsonValue &part : rule.value(QLatin1String(kind)).toArray())
            result.append(criteria(part.toObject()));
    }
    if (rule.contains(QLatin1String("metric")))
        result.append(rule);
    return result;
}

QString LevelLadder::describe(const QJsonObject &rule)
{
    for (const char *kind : {"all", "any"}) {
        if (!rule.contains(QLatin1String(kind)))
            continue;
        QStringList parts;
        const QJsonArray list = rule.value(QLatin1String(kind)).toArray();
        for (const QJsonValue &part : list) {
            const QJsonObject o = part.toObject();
            const QString text = describe(o);
            parts.append(o.contains(QLatin1String("metric")) || list.size() == 1
                             ? text
                             : QStringLiteral("(%1)").arg(text));
        }
        return parts.join(kind[1] == 'l' ? tr(" and ") : tr(" or "));
    }
    const QString metric = rule.value(QLatin1String("metric")).toString();
    const double min = rule.value(QLatin1String("min")).toDouble();
    const QString amount = metric == QLatin1String("featured_rate")
                               ? QLocale().toString(min * 100, 'g', 4) + QLocale().percent()
                               : QLocale().toString(min, 'g', 12);
    return tr("%1 in %2 ≥ %3")
        .arg(metricName(metric), windowName(rule.value(QLatin1String("window")).toInt()), amount);
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
        for (auto it = rule.begin(); it != rule.end(); ++it) {
            if (it.key() != kind) {
                *error = tr("%1: unknown key \"%2\"").arg(path, it.key());
                return false;
            }
        }
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
    if (!min.isDouble() || min.toDouble() < 0 || !(min.toDouble() <= kMaxMinimum) ||
        (metric == QLatin1String("featured_rate") && min.toDouble() > 1)) {
        *error = metric == QLatin1String("featured_rate")
                     ? tr("%1: the minimum of a rate is from 0 to 1").arg(path)
                     : tr("%1: the minimum is a number from 0 to 10^15").arg(path);
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
    if (levels.size() > 100) {
        ladder.m_error = tr("levels: a ladder has at most 100 levels");
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
        const QString nameZh = o.value(QLatin1String("name_zh")).toString();
        const QString nameEn = o.value(QLatin1String("name_en")).toString();
        level.nameZh = nameZh.trimmed();
        level.nameEn = nameEn.trimmed();
        if (level.nameZh.isEmpty() && level.nameEn.isEmpty()) {
            ladder.m_error = tr("%1: a level has a name").arg(path);
            return ladder;
        }
        if (characters(nameZh) > kMaxName || characters(nameEn) > kMaxName) {
            ladder.m_error = tr("%1: a name has at most 100 characters").arg(path);
            return ladder;
        }
        const QJsonValue resources = o.value(QLatin1String("resources"));
        const QJsonArray resourceList = resources.toArray();
        if ((!resources.isUndefined() && !resources.isArray()) ||
            std::any_of(resourceList.begin(), resourceList.end(),
                        [](const QJsonValue &r) { return !r.isString(); })) {
            ladder.m_error = tr("%1.resources: a list of texts").arg(path);
            return ladder;
        }
        level.resources = stringList(resources);
        if (level.resources.size() > kMaxResources ||
            std::any_of(level.resources.begin(), level.resources.end(),
                        [](const QString &r) { return characters(r) > kMaxResource; })) {
            ladder.m_error =
                tr("%1.resources: at most 50, of at most 200 characters each").arg(path);
            return ladder;
        }
        level.rule = o.value(QLatin1String("rule")).toObject();
        if (!checkRule(level.rule, path + QStringLiteral(".rule"), 0, &ladder.m_error))
            return ladder;
        if (ruleParts(level.rule) > kMaxRuleParts) {
            ladder.m_error = tr("%1.rule: a rule has at most 50 parts").arg(path);
            return ladder;
        }
        ladder.m_levels.append(level);
    }
    return ladder;
}

LevelLadder LevelLadder::fromText(const QByteArray &text, const QString &source)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        const int offset = error.error == QJsonParseError::NoError ? 0 : error.offset;
        const QByteArray before = text.left(offset);
        const int line = int(before.count('\n')) + 1;
        const int column =
            int(QString::fromUtf8(before.mid(before.lastIndexOf('\n') + 1)).size()) + 1;
        LevelLadder ladder;
        ladder.m_error =
            tr("%1:%2:%3: %4")
                .arg(source)
                .arg(line)
                .arg(column)
                .arg(error.error == QJsonParseError::NoError ? tr("a ladder is a JSON object")
                                                             : error.errorString());
        return ladder;
    }
    return fromJson(document.object());
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

// LadderEvaluator ----------------------------------------------------------------------------

LadderEvaluator::LadderEvaluator(const LevelLadder &ladder)
{
    m_keys = ladder.statKeys();
    for (const LevelLadder::Level &l : ladder.levels())
        m_roots.append(compile(l.rule));
}

int LadderEvaluator::compile(const QJsonObject &rule)
{
    for (const char *kind : {"all", "any"}) {
        if (!rule.contains(QLatin1String(kind)))
            continue;
        QList<int> parts;
        for (const QJsonValue &part : rule.value(QLatin1String(kind)).toArray())
            parts.append(compile(part.toObject()));
        Node node;
        node.kind = kind[1] == 'l' ? All : Any;
        node.first = int(m_parts.size());
        node.count = int(parts.size());
        m_parts.append(parts);
        m_nodes.append(node);
        return int(m_nodes.size()) - 1;
    }
    Node node;
    node.key = int(m_keys.indexOf(keyOf(rule)));
    node.min = rule.value(QLatin1String("min")).toDouble();
    m_nodes.append(node);
    return int(m_nodes.size()) - 1;
}

bool LadderEvaluator::holds(int index, const double *values) const
{
    const Node &node = m_nodes.at(index);
    switch (node.kind) {
    case Criterion:
        return values[node.key] >= node.min;
    case All:
        for (int i = 0; i < node.count; ++i) {
            if (!holds(m_parts.at(node.first + i), values))
                return false;
        }
        return true;
    case Any:
        for (int i = 0; i < node.count; ++i) {
            if (holds(m_parts.at(node.first + i), values))
                return true;
        }
        return false;
    }
    return false;
}

double LadderEvaluator::progress(int index, const double *values) const
{
    const Node &node = m_nodes.at(index);
    if (node.kind == Criterion)
        return node.min <= 0 ? 1 : std::clamp(values[node.key] / node.min, 0.0, 1.0);
    double result = node.kind == All ? 1 : 0;
    for (int i = 0; i < node.count; ++i) {
        const double p = progress(m_parts.at(node.first + i), values);
        result = node.kind == All ? std::min(result, p) : std::max(result, p);
    }
    return result;
}

LevelLadder::Standing LadderEvaluator::standing(const double *values) const
{
    LevelLadder::Standing s;
    while (s.level < m_roots.size() && holds(m_roots.at(s.level), values))
        ++s.level;
    s.progress = s.level >= m_roots.size() ? 1 : progress(m_roots.at(s.level), values);
    return s;
}

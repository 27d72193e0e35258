#include "centralrows.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlError>
#include <QVariant>

namespace {

using Type = CentralRows::Type;

QVariant nullInt()
{
    return QVariant(QMetaType(QMetaType::LongLong));
}

} // namespace

const QList<CentralRows::Table> &CentralRows::tables()
{
    static const QList<Table> list = {
        {QStringLiteral("games"),
         {{QStringLiteral("id"), Type::Int},
          {QStringLiteral("name"), Type::Text},
          {QStringLiteral("name_en"), Type::Text},
          {QStringLiteral("aliases"), Type::Json},
          {QStringLiteral("introduction"), Type::Text},
          {QStringLiteral("developer"), Type::Text},
          {QStringLiteral("released"), Type::Int},
          {QStringLiteral("status"), Type::Text},
          {QStringLiteral("created_at"), Type::Time},
          {QStringLiteral("row_version"), Type::Int}},
         QStringLiteral("id"),
         {},
         true},
        {QStringLiteral("tag_groups"),
         {{QStringLiteral("id"), Type::Int},
          {QStringLiteral("kind"), Type::Text},
          {QStringLiteral("code"), Type::Text},
          {QStringLiteral("parent_id"), Type::Int},
          {QStringLiteral("game_id"), Type::Int},
          {QStringLiteral("name"), Type::Text},
          {QStringLiteral("name_en"), Type::Text},
          {QStringLiteral("position"), Type::Int},
          {QStringLiteral("row_version"), Type::Int}},
         QStringLiteral("id"),
         {},
         true},
        {QStringLiteral("tags"),
         {{QStringLiteral("id"), Type::Int},
          {QStringLiteral("group_id"), Type::Int},
          {QStringLiteral("name"), Type::Text},
          {QStringLiteral("name_en"), Type::Text},
          {QStringLiteral("aliases"), Type::Json},
          {QStringLiteral("status"), Type::Text},
          {QStringLiteral("created_at"), Type::Time},
          {QStringLiteral("row_version"), Type::Int}},
         QStringLiteral("id"),
         {},
         true},
        {QStringLiteral("game_tags"),
         {{QStringLiteral("game_id"), Type::Int}, {QStringLiteral("tag_id"), Type::Int}},
         QStringLiteral("game_id"),
         QStringLiteral("tag_id"),
         false},
        {QStringLiteral("users"),
         {{QStringLiteral("id"), Type::Int},
          {QStringLiteral("nickname"), Type::Text},
          {QStringLiteral("kind"), Type::Text},
          {QStringLiteral("registered_at"), Type::Time},
          {QStringLiteral("channel"), Type::Text},
          {QStringLiteral("platform"), Type::Text},
          {QStringLiteral("device_model"), Type::Text},
          {QStringLiteral("os"), Type::Text},
          {QStringLiteral("level"), Type::Int},
          {QStringLiteral("vip"), Type::Bool},
          {QStringLiteral("row_version"), Type::Int}},
         QStringLiteral("id"),
         {},
         true},
        {QStringLiteral("videos"),
         {{QStringLiteral("id"), Type::Int},
          {QStringLiteral("title"), Type::Text},
          {QStringLiteral("game_id"), Type::Int},
          {QStringLiteral("uploader_id"), Type::Int},
          {QStringLiteral("source"), Type::Text},
          {QStringLiteral("duration_s"), Type::Int},
          {QStringLiteral("published_at"), Type::Time},
          {QStringLiteral("featured"), Type::Bool},
          {QStringLiteral("plays"), Type::Int},
          {QStringLiteral("row_version"), Type::Int}},
         QStringLiteral("id"),
         {},
         true},
        {QStringLiteral("video_tags"),
         {{QStringLiteral("video_id"), Type::Int}, {QStringLiteral("tag_id"), Type::Int}},
         QStringLiteral("video_id"),
         QStringLiteral("tag_id"),
         false},
        // What row-level security lets the user see: everything for supervisors and admins,
        // their own for editors, nothing for product managers.
        {QStringLiteral("change_requests"),
         {{QStringLiteral("seq"), Type::Int},
          {QStringLiteral("id"), Type::Text},
          {QStringLiteral("kind"), Type::Text},
          {QStringLiteral("payload"), Type::Json},
          {QStringLiteral("game_id"), Type::Int},
          {QStringLiteral("base_row_version"), Type::Int},
          {QStringLiteral("note"), Type::Text},
          {QStringLiteral("status"), Type::Text},
          {QStringLiteral("requested_by"), Type::Text},
          {QStringLiteral("requested_at"), Type::Time},
          {QStringLiteral("reviewed_by"), Type::Text},
          {QStringLiteral("reviewed_at"), Type::Time},
          {QStringLiteral("review_comment"), Type::Text},
          {QStringLiteral("result"), Type::Json},
          {QStringLiteral("row_version"), Type::Int}},
         QStringLiteral("seq"),
         {},
         true},
    };
    return list;
}

const CentralRows::Table *CentralRows::table(const QString &name)
{
    for (const Table &t : tables()) {
        if (t.name == name)
            return &t;
    }
    return nullptr;
}

QString CentralRows::centralSelectList(const Table &table)
{
    QStringList list;
    for (const Column &c : table.columns) {
        switch (c.type) {
        case Type::Time:
            // date_part's double, not extract's numeric: the same whole seconds, cheaper.
            list.append(QStringLiteral("floor(date_part('epoch', %1))::bigint").arg(c.name));
            break;
        case Type::Bool:
            list.append(c.name + QStringLiteral("::int"));
            break;
        case Type::Json:
            list.append(c.name + QStringLiteral("::text"));
            break;
        default:
            list.append(c.name);
        }
    }
    return list.join(QStringLiteral(", "));
}

QString CentralRows::cachePlaceholders(const Table &table)
{
    QStringList list;
    for (const Column &c : table.columns)
        list.append(c.type == Type::Json ? QStringLiteral("json(?)") : QStringLiteral("?"));
    return list.join(QStringLiteral(", "));
}

qint64 CentralRows::unixSeconds(const QString &isoTime, bool *ok)
{
    static const QRegularExpression fraction(QStringLiteral("\\.\\d+"));
    QString text = isoTime;
    text.remove(fraction);
    const QDateTime time = QDateTime::fromString(text, Qt::ISODate);
    if (ok)
        *ok = time.isValid();
    return time.isValid() ? time.toSecsSinceEpoch() : 0;
}

QVariant CentralRows::cacheValue(Type type, const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return type == Type::Text || type == Type::Json ? QVariant(QMetaType(QMetaType::QString))
                                                        : nullInt();
    switch (type) {
    case Type::Int:
        return value.toInteger();
    case Type::Text:
        return value.toString();
    case Type::Json:
        return QString::fromUtf8(
            value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                            : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case Type::Time:
        return unixSeconds(value.toString());
    case Type::Bool:
        return value.toBool() ? 1 : 0;
    }
    return {};
}

CentralRows::Writer::Writer(const QSqlDatabase &db)
    : m_db(db)
{}

CentralRows::Writer::~Writer() = default;

QSqlQuery &CentralRows::Writer::prepared(const QString &sql)
{
    auto it = m_queries.find(sql);
    if (it == m_queries.end()) {
        it = m_queries.emplace(sql, std::make_unique<QSqlQuery>(m_db)).first;
        it->second->prepare(sql);
    }
    return *it->second;
}

bool CentralRows::Writer::run(const QString &sql, const QVariantList &values, QString *error)
{
    QSqlQuery &q = prepared(sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

bool CentralRows::Writer::upsert(const QString &tableName, const QJsonObject &row, bool force,
                                 QString *error)
{
    const Table *t = table(tableName);
    if (!t) {
        *error = QStringLiteral("unknown table %1").arg(tableName);
        return false;
    }
    QVariantList values;
    values.reserve(t->columns.size());
    for (const Column &c : t->columns)
        values.append(cacheValue(c.type, row.value(c.name)));
    const Statements &s = statements(*t);
    if (!t->hasRowVersion)
        return run(s.insert, values, error);

    // The row as the cache holds it: an UPDATE sets only the columns that changed, so that
    // an edited title rewrites the title's index and search entry, not the eight other
    // indexes of a video and their triggers (SQLite maintains every index over a column of
    // the SET list, whether its value changed or not).
    QSqlQuery &current = prepared(s.select);
    current.addBindValue(values.at(s.key));
    if (!current.exec()) {
        *error = current.lastError().text();
        return false;
    }
    if (!current.next()) {
        const QSqlError failure = current.lastError();
        current.finish();
        if (failure.type() != QSqlError::NoError) {
            *error = failure.text();
            return false;
        }
        return run(s.insert, values, error);
    }
    if (!force && current.value(int(s.version)).toLongLong() >= values.at(s.version).toLongLong()) {
        current.finish();
        return true;
    }
    QStringList sets;
    QVariantList changed;
    for (qsizetype i = 0; i < t->columns.size(); ++i) {
        if (i == s.key)
            continue;
        const Column &c = t->columns.at(i);
        if (i != s.version && sameValue(c.type, current.value(int(i)), values.at(i)))
            continue;
        sets.append(c.type == Type::Json ? QStringLiteral("%1 = json(?)").arg(c.name)
                                         : QStringLiteral("%1 = ?").arg(c.name));
        changed.append(values.at(i));
    }
    current.finish();
    changed.append(values.at(s.key));
    return run(QStringLiteral("UPDATE %1 SET %2 WHERE %3 = ?")
                   .arg(t->name, sets.join(QStringLiteral(", ")), t->key1),
               changed, error);
}

bool CentralRows::sameValue(Type type, const QVariant &held, const QVariant &incoming)
{
    if (held.isNull() || incoming.isNull())
        return held.isNull() && incoming.isNull();
    switch (type) {
    case Type::Text:
        return held.toString() == incoming.toString();
    case Type::Json: {
        // The copy stored PostgreSQL's text (jsonb's key order), a pull brings Qt's (sorted
        // keys): equal documents may be spelled differently.
        const QString a = held.toString();
        const QString b = incoming.toString();
        return a == b || QJsonDocument::fromJson(a.toUtf8()) == QJsonDocument::fromJson(b.toUtf8());
    }
    case Type::Int:
    case Type::Time:
    case Type::Bool:
        return held.toLongLong() == incoming.toLongLong();
    }
    return false;
}

const CentralRows::Writer::Statements &CentralRows::Writer::statements(const Table &t)
{
    auto it = m_statements.find(t.name);
    if (it != m_statements.end())
        return it->second;
    Statements s;
    QStringList names;
    for (qsizetype i = 0; i < t.columns.size(); ++i) {
        const QString &name = t.columns.at(i).name;
        names.append(name);
        if (name == t.key1)
            s.key = i;
        if (name == QLatin1String("row_version"))
            s.version = i;
    }
    const QString list = names.join(QStringLiteral(", "));
    s.insert = QStringLiteral("INSERT %1 INTO %2 (%3) VALUES (%4)")
                   .arg(t.hasRowVersion ? QString() : QStringLiteral("OR IGNORE"), t.name, list,
                        cachePlaceholders(t));
    s.select = QStringLiteral("SELECT %1 FROM %2 WHERE %3 = ?").arg(list, t.name, t.key1);
    return m_statements.emplace(t.name, s).first->second;
}

bool CentralRows::Writer::removeGame(qint64 gameId, QString *error)
{
    // Video tags and game tags go with their videos, tags and game (ON DELETE CASCADE); the
    // tags of the game's library must go before their groups (RESTRICT).
    return run(QStringLiteral("DELETE FROM videos WHERE game_id = ?"), {gameId}, error) &&
           run(QStringLiteral("DELETE FROM tags WHERE group_id IN "
                              "(SELECT id FROM tag_groups WHERE game_id = ?)"),
               {gameId}, error) &&
           run(QStringLiteral("DELETE FROM games WHERE id = ?"), {gameId}, error);
}

bool CentralRows::Writer::remove(const QString &tableName, qint64 key1, qint64 key2, QString *error)
{
    const Table *t = table(tableName);
    if (!t) {
        *error = QStringLiteral("unknown table %1").arg(tableName);
        return false;
    }
    if (t->name == QLatin1String("games"))
        return removeGame(key1, error);
    if (t->name == QLatin1String("tag_groups")) {
        if (!run(QStringLiteral("DELETE FROM tags WHERE group_id IN (SELECT id FROM tag_groups "
                                "WHERE id = ? OR parent_id = ?)"),
                 {key1, key1}, error))
            return false;
    }
    if (t->key2.isEmpty())
        return run(QStringLiteral("DELETE FROM %1 WHERE %2 = ?").arg(t->name, t->key1), {key1},
                   error);
    return run(
        QStringLiteral("DELETE FROM %1 WHERE %2 = ? AND %3 = ?").arg(t->name, t->key1, t->key2),
        {key1, key2}, error);
}

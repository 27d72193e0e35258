#include "tagexpression.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

struct TagExpression::Node
{
    enum Kind { Tag, And, Or, Not } kind = Tag;
    QString name;
    int column = 0;
    QList<qint64> ids;
    std::shared_ptr<Node> left;
    std::shared_ptr<Node> right;
};

namespace {

using Node = TagExpression::Node;
using Error = TagExpression::Error;

struct Token
{
    enum Kind { Name, And, Or, Not, Open, Close, End } kind = End;
    QString text;
    int column = 0; // 1-based
};

bool isSign(QChar c)
{
    return c == QLatin1Char('(') || c == QLatin1Char(')') || c == QLatin1Char('&') ||
           c == QLatin1Char('|') || c == QLatin1Char('!') || c == QLatin1Char('"') ||
           c == QChar(0xFF08) || c == QChar(0xFF09); // full-width parentheses
}

bool tokenize(const QString &text, QList<Token> *tokens, Error *error)
{
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        const QChar c = text.at(i);
        const int column = int(i) + 1;
        if (c.isSpace()) {
            ++i;
            continue;
        }
        if (c == QLatin1Char('(') || c == QChar(0xFF08)) {
            tokens->append({Token::Open, c, column});
            ++i;
        } else if (c == QLatin1Char(')') || c == QChar(0xFF09)) {
            tokens->append({Token::Close, c, column});
            ++i;
        } else if (c == QLatin1Char('&') || c == QLatin1Char('|')) {
            const bool twice = i + 1 < n && text.at(i + 1) == c;
            tokens->append({c == QLatin1Char('&') ? Token::And : Token::Or,
                            text.mid(i, twice ? 2 : 1), column});
            i += twice ? 2 : 1;
        } else if (c == QLatin1Char('!')) {
            tokens->append({Token::Not, c, column});
            ++i;
        } else if (c == QLatin1Char('-') && i + 1 < n && !text.at(i + 1).isSpace()) {
            tokens->append({Token::Not, c, column});
            ++i;
        } else if (c == QLatin1Char('"')) {
            const qsizetype close = text.indexOf(QLatin1Char('"'), i + 1);
            if (close < 0) {
                *error = {column, TagExpression::tr("The quote opened at column %1 is not "
                                                    "closed.")
                                      .arg(column)};
                return false;
            }
            const QString name = text.mid(i + 1, close - i - 1).trimmed();
            if (name.isEmpty()) {
                *error = {column, TagExpression::tr("Empty quotes at column %1.").arg(column)};
                return false;
            }
            tokens->append({Token::Name, name, column});
            i = close + 1;
        } else {
            qsizetype end = i;
            while (end < n && !text.at(end).isSpace() && !isSign(text.at(end)))
                ++end;
            const QString word = text.mid(i, end - i);
            Token t{Token::Name, word, column};
            if (word.compare(QLatin1String("AND"), Qt::CaseInsensitive) == 0 ||
                word == QStringLiteral("且"))
                t.kind = Token::And;
            else if (word.compare(QLatin1String("OR"), Qt::CaseInsensitive) == 0 ||
                     word == QStringLiteral("或"))
                t.kind = Token::Or;
            else if (word.compare(QLatin1String("NOT"), Qt::CaseInsensitive) == 0 ||
                     word == QStringLiteral("非"))
                t.kind = Token::Not;
            tokens->append(t);
            i = end;
        }
    }
    tokens->append({Token::End, QString(), int(n) + 1});
    return true;
}

class Parser
{
public:
    Parser(const QList<Token> &tokens, Error *error)
        : m_tokens(tokens)
        , m_error(error)
    {}

    std::shared_ptr<Node> parse()
    {
        auto node = parseOr();
        if (node && peek().kind != Token::End) {
            fail(peek().kind == Token::Close
                     ? TagExpression::tr("The parenthesis at column %1 closes nothing.")
                           .arg(peek().column)
                     : TagExpression::tr("Unexpected \"%1\" at column %2.")
                           .arg(peek().text)
                           .arg(peek().column));
            return nullptr;
        }
        return node;
    }

private:
    const Token &peek() const { return m_tokens.at(m_at); }
    const Token &take() { return m_tokens.at(m_at++); }
    void fail(const QString &message)
    {
        if (m_error->message.isEmpty())
            *m_error = {peek().column, message};
    }

    static std::shared_ptr<Node> join(Node::Kind kind, std::shared_ptr<Node> l,
                                      std::shared_ptr<Node> r)
    {
        auto n = std::make_shared<Node>();
        n->kind = kind;
        n->left = std::move(l);
        n->right = std::move(r);
        return n;
    }

    std::shared_ptr<Node> parseOr()
    {
        auto left = parseAnd();
        while (left && peek().kind == Token::Or) {
            take();
            auto right = parseAnd();
            if (!right)
                return nullptr;
            left = join(Node::Or, left, right);
        }
        return left;
    }

    std::shared_ptr<Node> parseAnd()
    {
        auto left = parseUnary();
        while (left) {
            const Token::Kind k = peek().kind;
            if (k == Token::And) {
                take();
            } else if (k != Token::Name && k != Token::Not && k != Token::Open) {
                break; // no implicit AND before OR, ')' or the end
            }
            auto right = parseUnary();
            if (!right)
                return nullptr;
            left = join(Node::And, left, right);
        }
        return left;
    }

    std::shared_ptr<Node> parseUnary()
    {
        const Token &t = peek();
        switch (t.kind) {
        case Token::Not: {
            take();
            auto operand = parseUnary();
            if (!operand)
                return nullptr;
            return join(Node::Not, operand, nullptr);
        }
        case Token::Open: {
            const int column = t.column;
            take();
            auto inner = parseOr();
            if (!inner)
                return nullptr;
            if (peek().kind != Token::Close) {
                fail(TagExpression::tr("The parenthesis opened at column %1 is not closed.")
                         .arg(column));
                return nullptr;
            }
            take();
            return inner;
        }
        case Token::Name: {
            auto n = std::make_shared<Node>();
            n->name = t.text;
            n->column = t.column;
            take();
            return n;
        }
        case Token::End:
            fail(TagExpression::tr("A tag name is missing at the end."));
            return nullptr;
        default:
            fail(TagExpression::tr("A tag name is missing before \"%1\" at column %2.")
                     .arg(t.text)
                     .arg(t.column));
            return nullptr;
        }
    }

    const QList<Token> &m_tokens;
    Error *m_error;
    qsizetype m_at = 0;
};

void collect(const std::shared_ptr<Node> &node, QList<Node *> *leaves)
{
    if (!node)
        return;
    if (node->kind == Node::Tag)
        leaves->append(node.get());
    collect(node->left, leaves);
    collect(node->right, leaves);
}

// The videos an expression describes, as a set of video ids built from video_tags alone (a
// compound SELECT), possibly negated: NOT is carried outwards instead of being computed against
// every video, so "A AND NOT B" is "A EXCEPT B" and costs what A and B cost.
struct VideoSet
{
    QString sql;
    bool negated = false;
    QList<qint64> anyOf; ///< a set that is "any of these tags": ORs of them merge into one scan
};

QString anyOfSql(const QList<qint64> &tags)
{
    QStringList ids;
    for (qint64 id : tags)
        ids.append(QString::number(id));
    // A video carrying several of the tags comes several times: harmless inside IN and the
    // compound operators, counted once by sqlCount().
    return QStringLiteral("SELECT video_id FROM video_tags WHERE tag_id IN (%1)")
        .arg(ids.join(QLatin1Char(',')));
}

QString compound(const QString &left, const char *op, const QString &right)
{
    return QStringLiteral("SELECT * FROM (%1) %2 SELECT * FROM (%3)")
        .arg(left, QLatin1String(op), right);
}

VideoSet videoSet(const Node *node)
{
    switch (node->kind) {
    case Node::Tag:
        return {anyOfSql(node->ids), false, node->ids};
    case Node::Not: {
        VideoSet inner = videoSet(node->left.get());
        inner.negated = !inner.negated;
        return inner;
    }
    case Node::And:
    case Node::Or: {
        const VideoSet l = videoSet(node->left.get());
        const VideoSet r = videoSet(node->right.get());
        const bool isAnd = node->kind == Node::And;
        if (!isAnd && !l.negated && !r.negated && !l.anyOf.isEmpty() && !r.anyOf.isEmpty()) {
            QList<qint64> both = l.anyOf;
            for (qint64 id : r.anyOf) {
                if (!both.contains(id))
                    both.append(id);
            }
            return {anyOfSql(both), false, both};
        }
        if (!l.negated && !r.negated)
            return {compound(l.sql, isAnd ? "INTERSECT" : "UNION", r.sql), false};
        if (l.negated && r.negated) // De Morgan
            return {compound(l.sql, isAnd ? "UNION" : "INTERSECT", r.sql), true};
        const VideoSet &pos = l.negated ? r : l;
        const VideoSet &neg = l.negated ? l : r;
        // A AND NOT B = A EXCEPT B;  A OR NOT B = NOT (B EXCEPT A)
        return isAnd ? VideoSet{compound(pos.sql, "EXCEPT", neg.sql), false}
                     : VideoSet{compound(neg.sql, "EXCEPT", pos.sql), true};
    }
    }
    return {};
}

QString text(const Node *node)
{
    switch (node->kind) {
    case Node::Tag:
        return node->name.contains(QLatin1Char(' '))
                   ? QLatin1Char('"') + node->name + QLatin1Char('"')
                   : node->name;
    case Node::Not:
        return QStringLiteral("NOT ") + text(node->left.get());
    case Node::And:
        return QStringLiteral("(%1 AND %2)").arg(text(node->left.get()), text(node->right.get()));
    case Node::Or:
        return QStringLiteral("(%1 OR %2)").arg(text(node->left.get()), text(node->right.get()));
    }
    return {};
}

} // namespace

TagExpression::TagExpression() = default;
TagExpression::~TagExpression() = default;
TagExpression::TagExpression(const TagExpression &other) = default;
TagExpression &TagExpression::operator=(const TagExpression &other) = default;

bool TagExpression::parse(const QString &input, Error *error)
{
    m_root.reset();
    *error = {};
    QList<Token> tokens;
    if (!tokenize(input, &tokens, error))
        return false;
    if (tokens.size() == 1)
        return true; // only the end: empty
    Parser parser(tokens, error);
    m_root = parser.parse();
    return m_root != nullptr;
}

bool TagExpression::resolve(const QSqlDatabase &db, Error *error)
{
    QList<Node *> leaves;
    collect(m_root, &leaves);
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "SELECT id FROM tags WHERE name = ? OR (name_en <> '' AND lower(name_en) = lower(?)) "
        "OR EXISTS (SELECT 1 FROM json_each(tags.aliases) WHERE lower(value) = lower(?)) "
        "ORDER BY id"));
    for (Node *leaf : std::as_const(leaves)) {
        leaf->ids.clear();
        for (int i = 0; i < 3; ++i)
            q.bindValue(i, leaf->name);
        if (!q.exec()) {
            *error = {leaf->column, q.lastError().text()};
            return false;
        }
        while (q.next())
            leaf->ids.append(q.value(0).toLongLong());
        if (leaf->ids.isEmpty()) {
            *error = {leaf->column,
                      tr("No tag is called \"%1\" (column %2).").arg(leaf->name).arg(leaf->column)};
            return false;
        }
    }
    return true;
}

bool TagExpression::isEmpty() const
{
    return !m_root;
}

QStringList TagExpression::names() const
{
    QList<Node *> leaves;
    collect(m_root, &leaves);
    QStringList result;
    for (const Node *leaf : std::as_const(leaves))
        result.append(leaf->name);
    return result;
}

QString TagExpression::sqlCondition(const QString &videoId) const
{
    if (!m_root)
        return {};
    const VideoSet set = videoSet(m_root.get());
    return QStringLiteral("%1 %2 (%3)")
        .arg(videoId, set.negated ? QStringLiteral("NOT IN") : QStringLiteral("IN"), set.sql);
}

QString TagExpression::sqlCount() const
{
    if (!m_root)
        return {};
    const VideoSet set = videoSet(m_root.get());
    const QString count =
        set.anyOf.size() > 1
            ? QStringLiteral("SELECT count(DISTINCT video_id) FROM (%1)").arg(set.sql)
            : QStringLiteral("SELECT count(*) FROM (%1)").arg(set.sql);
    return set.negated ? QStringLiteral("SELECT (SELECT count(*) FROM videos) - (%1)").arg(count)
                       : count;
}

QString TagExpression::toString() const
{
    return m_root ? text(m_root.get()) : QString();
}

QString TagExpression::sqlVideoSet(bool *negated) const
{
    if (!m_root) {
        *negated = false;
        return {};
    }
    const VideoSet set = videoSet(m_root.get());
    *negated = set.negated;
    return set.sql;
}

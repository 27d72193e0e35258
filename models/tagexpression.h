#pragma once

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <memory>

/// A tag expression for finding videos: tag names combined with AND, OR, NOT and parentheses,
/// e.g. `英雄联盟 AND 教程 AND NOT 搞笑` or `(原神 OR 崩坏：星穹铁道) 攻略 -搞笑`.
///   - Operators: AND (also `&`, `&&`, `且`), OR (`|`, `||`, `或`), NOT (`!`, `非`, or `-`
///     right before a name); the keywords in any case, each a word of its own.
///   - Terms next to each other are joined by AND; NOT binds tightest, then AND, then OR.
///   - A name is a run of characters up to a space, a parenthesis or an operator sign; a name
///     with spaces goes in double quotes ("Genshin Impact").
///   - A name stands for every tag called so: its Chinese name, its English name (any case) or
///     one of its aliases, in any library (retired tags too: old videos carry them).
/// Errors name the 1-based column where the problem starts.
class TagExpression
{
    Q_DECLARE_TR_FUNCTIONS(TagExpression)

public:
    struct Error
    {
        int column = 0;
        QString message;
    };

    TagExpression();
    ~TagExpression();
    TagExpression(const TagExpression &other);
    TagExpression &operator=(const TagExpression &other);

    /// Parses \a text; false with \a error set when it is not a valid expression. An empty
    /// text is a valid, empty expression.
    bool parse(const QString &text, Error *error);
    /// Looks the names up in the cache; false with \a error set for a name no tag has.
    bool resolve(const QSqlDatabase &db, Error *error);

    bool isEmpty() const;
    /// The names in the expression, in order.
    QStringList names() const;
    /// An SQL condition on a video id column (e.g. "v.id"); tag ids are written in (they are
    /// integers from the cache), so the condition takes no parameters. Needs resolve().
    QString sqlCondition(const QString &videoId) const;
    /// A query counting the videos the expression describes, from video_tags alone (what the
    /// videos table shows as its count when the expression is its only filter).
    QString sqlCount() const;
    /// The set of video ids the expression describes, as a SELECT of one column `video_id`
    /// (possibly with repeats); \a negated: the expression is every video *not* in it.
    QString sqlVideoSet(bool *negated) const;
    /// The expression written back in a normal form (for display and tests).
    QString toString() const;

    struct Node;

private:
    std::shared_ptr<Node> m_root;
};

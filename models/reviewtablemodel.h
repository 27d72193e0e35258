#pragma once

#include "lazytablemodel.h"

/// The review queue: the change requests of the cache (a supervisor's: everyone's; an
/// editor's: their own), with the decision queued in this cache if any, and what changed in
/// the target since the request was made (a conflict the reviewer should see).
class ReviewTableModel : public LazyTableModel
{
    Q_OBJECT

public:
    enum Column {
        RequestedColumn,
        AuthorColumn,
        KindColumn,
        GameColumn,
        TargetColumn,
        ChangeColumn,
        StateColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    /// Extra roles (on any column).
    enum Role {
        RequestIdRole = Qt::UserRole + 40, ///< the request's uuid
        OwnRole,                           ///< true: the signed-in user's own request
        PendingRole,                       ///< pending centrally, no decision queued here
        ConflictRole                       ///< conflict code, empty when none
    };

    struct Filter
    {
        QString search;       ///< in the affected video's, tag's or game's name
        QString author;       ///< empty: everyone
        qint64 gameId = 0;    ///< 0: every game
        QString kind;         ///< video_tags, game_tags, tag_create, ...; empty: all
        qint64 minAgeS = 0;   ///< older than this many seconds
        bool decided = false; ///< false: waiting requests; true: decided ones (the history)
        bool operator==(const Filter &o) const
        {
            return search == o.search && author == o.author && gameId == o.gameId &&
                   kind == o.kind && minAgeS == o.minAgeS && decided == o.decided;
        }
    };

    explicit ReviewTableModel(RowLoader *loader, QObject *parent = nullptr);

    Filter filter() const { return m_filter; }
    void setFilter(const Filter &filter);
    /// The signed-in user (their requests are marked as their own).
    void setUser(const QString &user);

    /// The SQL expression (over change_requests c, games g) naming what changed in the
    /// request's target since it was made: video_deleted, tag_deleted, tag_retired,
    /// tag_edited, into_retired, game_deleted, game_edited, name_taken, or ''.
    static QString conflictExpression();
    /// The SQL expression (over change_requests c) for the decision queued in this cache:
    /// 1 approve, 0 reject, NULL when none (a refused or discarded one does not count).
    static QString queuedDecisionExpression();
    /// The SQL expression for the name of the video, tag or game a request is about.
    static QString targetExpression();
    /// A conflict code in words.
    static QString conflictText(const QString &code);
    static QString kindLabel(const QString &kind);
    static QStringList kinds();

protected:
    QList<ColumnSpec> columns() const override;
    QString columnTitle(int column) const override;
    TableQuery buildQuery() const override;
    QVariant cellData(const QVariantList &row, int column, int role) const override;

private:
    Filter m_filter;
    QString m_user;
};
